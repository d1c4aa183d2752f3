//! Source documents and the evidence spans that point into them.

use arcstr::ArcStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A source text the graph's facts come from. The text itself is not part of the graph; it is
/// found at run time as `<sources dir>/<document>` and checked against `sha256`.
///
/// In `sources.json`, one object per document. A text needs no `kind`; an event table
/// (a CSV file rows were imported from, `actorgraph import`) says `"kind": "table"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document's file name, also the name evidence spans use to cite it.
    pub document: String,
    /// What the document is: running text (the default) or an event table.
    #[serde(default, skip_serializing_if = "SourceKind::is_text")]
    pub kind: SourceKind,
    /// The language of the text, as an ISO 639-1 code (`ar`).
    pub language: String,
    /// The SHA-256 of the document's bytes, lowercase hex.
    pub sha256: String,
    /// One line on what the document is.
    pub description: String,
}

/// What a source document is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Running text (an article, a report): evidence spans are passages of it.
    #[default]
    Text,
    /// An event table (CSV, one event per row): an evidence span is one row, from its first
    /// byte to the end of its last field (the line break left out), with its row number.
    Table,
}

impl SourceKind {
    /// Every kind, in declaration order.
    pub const ALL: [SourceKind; 2] = [SourceKind::Text, SourceKind::Table];

    /// The snake_case name used in `sources.json`.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Text => "text",
            SourceKind::Table => "table",
        }
    }

    /// True for running text, the default (left out of `sources.json`).
    pub fn is_text(&self) -> bool {
        *self == SourceKind::Text
    }
}

/// A span of a source document that states a fact: bytes `start_byte..end_byte` of the UTF-8
/// file, on character boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The `document` name of a [`Source`].
    // Shared by every span of that document: a graph's spans name a few documents a million
    // times.
    #[serde(deserialize_with = "super::shared_text::text")]
    #[schemars(with = "String")]
    pub document: ArcStr,
    /// Offset of the first byte of the span.
    pub start_byte: u64,
    /// Offset one past the last byte of the span.
    pub end_byte: u64,
    /// For a span of a table: the 1-based number of the row among the table's data rows
    /// (the header is not counted). Absent for a passage of text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
}
