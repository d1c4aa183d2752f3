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
/// file, on character boundaries, and for a span of a table its row.
// A graph holds a million of these, one heap list per relation: the offsets and the row
// are packed in 16 bytes ([`PackedSpan`]), so a span takes 24 bytes, not 40, and a
// relation's single span fits glibc's smallest block (32 bytes with its header), not 48.
#[derive(Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "EvidenceRecord")]
pub struct Evidence {
    /// The `document` name of a [`Source`].
    // Shared by every span of that document: a graph's spans name a few documents a million
    // times.
    pub document: ArcStr,
    packed: PackedSpan,
}

// A span as `relations.json` writes it: what [`Evidence`] is read from, and the schema it is
// described by (its doc comments are the schema's descriptions).
/// A span of a source document that states a fact: bytes `start_byte..end_byte` of the UTF-8
/// file, on character boundaries.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Evidence")]
struct EvidenceRecord {
    /// The `document` name of a [`Source`].
    #[serde(deserialize_with = "super::shared_text::text")]
    #[schemars(with = "String")]
    document: ArcStr,
    /// Offset of the first byte of the span.
    start_byte: u64,
    /// Offset one past the last byte of the span.
    end_byte: u64,
    /// For a span of a table: the 1-based number of the row among the table's data rows
    /// (the header is not counted). Absent for a passage of text.
    // Never written (`Evidence` writes itself), but without it the schema would give the
    // row a default of null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    row: Option<u64>,
}

/// A span's offsets and row, packed in two words: the low [`OFFSET_BITS`] of the first hold
/// the start, those of the second the end, and the high bits of the two hold the row plus
/// one (0: no row), its low half in the first.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct PackedSpan([u64; 2]);

/// How many bits an offset takes in [`PackedSpan`].
const OFFSET_BITS: u32 = 48;
/// The mask of an offset's bits in a word of [`PackedSpan`].
const OFFSET_MASK: u64 = (1 << OFFSET_BITS) - 1;

/// A span [`Evidence`] cannot hold: an offset or a row past the furthest it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SpanOutOfRange {
    /// A byte offset past [`Evidence::MAX_OFFSET`].
    #[error("byte offset {0} is past {max}, the furthest a span may lie in a document (256 TiB)", max = Evidence::MAX_OFFSET)]
    Offset(u64),
    /// A row past [`Evidence::MAX_ROW`].
    #[error("row {0} is past {max}, the most rows a table may have", max = Evidence::MAX_ROW)]
    Row(u64),
}

impl Evidence {
    /// The furthest byte offset a span may start or end at: 2^48 − 1 (256 TiB).
    pub const MAX_OFFSET: u64 = OFFSET_MASK;
    /// The highest row number a span may have: 2^32 − 2.
    pub const MAX_ROW: u64 = u32::MAX as u64 - 1;

    /// Bytes `start_byte..end_byte` of `document` (a reversed or empty span is held as it
    /// is: validation reports it), with its row for a span of a table; an offset past
    /// [`Evidence::MAX_OFFSET`] or a row past [`Evidence::MAX_ROW`] is refused.
    pub fn new(
        document: ArcStr,
        start_byte: u64,
        end_byte: u64,
        row: Option<u64>,
    ) -> Result<Evidence, SpanOutOfRange> {
        let offset = |at: u64| match at <= OFFSET_MASK {
            true => Ok(at),
            false => Err(SpanOutOfRange::Offset(at)),
        };
        let row = match row {
            None => 0,
            Some(row) if row <= Evidence::MAX_ROW => row + 1,
            Some(row) => return Err(SpanOutOfRange::Row(row)),
        };
        let (low, high) = (row & 0xFFFF, row >> 16);
        let packed = PackedSpan([
            offset(start_byte)? | low << OFFSET_BITS,
            offset(end_byte)? | high << OFFSET_BITS,
        ]);
        Ok(Evidence { document, packed })
    }

    /// Bytes `bytes` of `document`, a passage of text (no row), as found in its text in
    /// memory: [`Evidence::new`].
    pub fn passage(
        document: ArcStr,
        bytes: std::ops::Range<usize>,
    ) -> Result<Evidence, SpanOutOfRange> {
        Evidence::new(document, bytes.start as u64, bytes.end as u64, None)
    }

    /// Offset of the first byte of the span.
    pub fn start_byte(&self) -> u64 {
        self.packed.0[0] & OFFSET_MASK
    }

    /// Offset one past the last byte of the span.
    pub fn end_byte(&self) -> u64 {
        self.packed.0[1] & OFFSET_MASK
    }

    /// For a span of a table: the 1-based number of the row among the table's data rows
    /// (the header is not counted); `None` for a passage of text.
    pub fn row(&self) -> Option<u64> {
        let [low, high] = self.packed.0.map(|word| word >> OFFSET_BITS);
        (low | high << 16).checked_sub(1)
    }
}

impl TryFrom<EvidenceRecord> for Evidence {
    type Error = SpanOutOfRange;

    fn try_from(e: EvidenceRecord) -> Result<Evidence, SpanOutOfRange> {
        Evidence::new(e.document, e.start_byte, e.end_byte, e.row)
    }
}

impl Serialize for Evidence {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let row = self.row();
        let mut fields = s.serialize_struct("Evidence", 3 + usize::from(row.is_some()))?;
        fields.serialize_field("document", self.document.as_str())?;
        fields.serialize_field("start_byte", &self.start_byte())?;
        fields.serialize_field("end_byte", &self.end_byte())?;
        if let Some(row) = row {
            fields.serialize_field("row", &row)?;
        }
        fields.end()
    }
}

impl JsonSchema for Evidence {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        EvidenceRecord::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        EvidenceRecord::json_schema(generator)
    }
}

impl std::fmt::Debug for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Evidence")
            .field("document", &self.document)
            .field("start_byte", &self.start_byte())
            .field("end_byte", &self.end_byte())
            .field("row", &self.row())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn span(start: u64, end: u64, row: Option<u64>) -> Result<Evidence, SpanOutOfRange> {
        Evidence::new("d.csv".into(), start, end, row)
    }

    #[test]
    fn a_span_takes_three_words() {
        assert_eq!(std::mem::size_of::<Evidence>(), 24);
    }

    #[test]
    fn offsets_and_rows_at_their_limits_read_back() {
        let max = Evidence::MAX_OFFSET;
        for (start, end, row) in [
            (0, 0, None),
            (0, 1, Some(1)),
            (5, 2, Some(0)),
            (max, max, Some(Evidence::MAX_ROW)),
            (max - 1, 0, Some(0xFFFF)),
            (1, max, Some(0x1_0000)),
        ] {
            let e = span(start, end, row).unwrap();
            assert_eq!((e.start_byte(), e.end_byte(), e.row()), (start, end, row));
        }
    }

    #[test]
    fn offsets_and_rows_past_their_limits_are_refused() {
        let (max, past) = (Evidence::MAX_OFFSET, Evidence::MAX_OFFSET + 1);
        assert_eq!(span(past, 0, None), Err(SpanOutOfRange::Offset(past)));
        assert_eq!(
            span(0, u64::MAX, None),
            Err(SpanOutOfRange::Offset(u64::MAX))
        );
        let row = Evidence::MAX_ROW + 1;
        assert_eq!(span(0, max, Some(row)), Err(SpanOutOfRange::Row(row)));
        assert_eq!(
            span(0, 1, Some(u64::MAX)),
            Err(SpanOutOfRange::Row(u64::MAX))
        );
    }

    #[test]
    fn json_reads_and_writes_the_four_fields() {
        for json in [
            r#"{"document":"d.txt","start_byte":3,"end_byte":9}"#,
            r#"{"document":"d.csv","start_byte":0,"end_byte":281474976710655,"row":4294967294}"#,
        ] {
            let e: Evidence = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&e).unwrap(), json);
        }
    }

    #[test]
    fn json_past_the_limits_says_what() {
        // The loader adds where: the file, line and column, the element and its id.
        let json = r#"{"document":"d","start_byte":281474976710656,"end_byte":1}"#;
        let error = serde_json::from_str::<Evidence>(json)
            .unwrap_err()
            .to_string();
        assert!(error.contains("byte offset 281474976710656 is past 281474976710655"));
        let json = r#"{"document":"d","start_byte":0,"end_byte":1,"row":4294967295}"#;
        let error = serde_json::from_str::<Evidence>(json)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("row 4294967295 is past 4294967294"),
            "{error}"
        );
        let json = r#"{"document":"d","start_byte":0,"end_byte":1,"page":2}"#;
        assert!(serde_json::from_str::<Evidence>(json).is_err());
    }

    proptest! {
        #[test]
        fn every_span_within_the_limits_reads_back_and_compares_as_its_fields(
            a in (0..=Evidence::MAX_OFFSET, 0..=Evidence::MAX_OFFSET,
                  proptest::option::of(0..=Evidence::MAX_ROW)),
            b in (0..=Evidence::MAX_OFFSET, 0..=Evidence::MAX_OFFSET,
                  proptest::option::of(0..=Evidence::MAX_ROW)),
        ) {
            let (x, y) = (span(a.0, a.1, a.2).unwrap(), span(b.0, b.1, b.2).unwrap());
            prop_assert_eq!((x.start_byte(), x.end_byte(), x.row()), a);
            prop_assert_eq!(x == y, a == b);
        }
    }
}
