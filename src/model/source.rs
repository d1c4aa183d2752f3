//! Source documents and the evidence spans that point into them.

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A source text the graph's facts come from. The text itself is not part of the graph; it is
/// found at run time as `<sources dir>/<document>` and checked against `sha256`.
///
/// In `sources.json`, one object per document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document's file name, also the name evidence spans use to cite it.
    pub document: String,
    /// The language of the text, as an ISO 639-1 code (`ar`).
    pub language: String,
    /// The SHA-256 of the document's bytes, lowercase hex.
    pub sha256: String,
    /// One line on what the document is.
    pub description: String,
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
    pub document: Arc<str>,
    /// Offset of the first byte of the span.
    pub start_byte: u64,
    /// Offset one past the last byte of the span.
    pub end_byte: u64,
}
