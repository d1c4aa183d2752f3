//! Flat CSV: `nodes.csv`, `relations.csv` and `sources.csv`, one row per entity, relation and
//! source document, for
//! spreadsheets, DuckDB (`read_csv('relations.csv')`), Spark and pandas.
//!
//! RFC 4180: comma-separated, CRLF line ends, fields quoted (by the `csv` crate) when they hold
//! a comma, a quote, a CR or a newline, quotes doubled. Every row has every column; an absent
//! value is an empty cell. Lists (aliases, `claimed_by`, `disputed_by`, casualties, evidence)
//! are compact JSON arrays of the objects of `entities.json` and `relations.json` (DuckDB:
//! `from_json(evidence, '[{"document": "VARCHAR", "start_byte": "UBIGINT", "end_byte":
//! "UBIGINT"}]')`), an empty list an empty cell.
//!
//! `nodes.csv`: `id, kind, label, name_en, name_ar, name_fr, aliases, lifetime_start,
//! lifetime_end, description`.
//!
//! `relations.csv`: `id, kind, source, target, start, end` (at their own precision, or bounds
//! in EDTF: `[..2012-04]` on or before, `[2013-09..]` on or after, `[2012-04..2012-06]`
//! between; lifetimes alike),
//! `start_first, start_last, end_first, end_last` (ISO days; empty when unbounded),
//! `negated, timeless, symmetric` (`true`/`false`; timeless: a standing fact outside time), `status, certainty` (empty unless the selection was
//! made for a date), `claimed_by, disputed_by, place, event, casualties, summary, evidence`.
//!
//! `sources.csv`: `document, kind` (`text` or `table`), `language, sha256, description`.
//!
//! **Formula injection.** A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and,
//! in some, a tab or carriage return) as a formula, so a hostile name could run one. Such a
//! cell is written with a leading apostrophe (`'=HYPERLINK(…)`), which spreadsheets show as
//! text; purely numeric cells (`-42`, `+3.5`) are left alone. A program reading the files
//! should strip one leading `'` from a cell whose next character is one of those. The Neo4j
//! export does not do this: its CSV is for a database, not a spreadsheet.

use std::borrow::Cow;
use std::io::{self, Write};

use ::csv::{Writer, WriterBuilder};

use super::contents::Part;
use super::csv_files::relation_part;
use super::fields::{self, DayBounds};
use super::{Contents, Listed};
use crate::model::EntityId;
use crate::query::Certainty;
use crate::text::strip_invisible;

/// The files of this export.
pub const PARTS: &[&str] = &["nodes.csv", "relations.csv", "sources.csv"];

const NODE_COLUMNS: [&str; 10] = fields::columns(&[
    &["id", "kind", "label"],
    &fields::NAME_COLUMNS,
    &["aliases"],
    &fields::LIFETIME_COLUMNS,
    &["description"],
]);

const RELATION_COLUMNS: [&str; 22] = fields::columns(&[
    &["id", "kind", "source", "target"],
    &fields::DATE_COLUMNS,
    &[
        "negated",
        "timeless",
        "symmetric",
        "status",
        "certainty",
        "claimed_by",
        "disputed_by",
        "place",
        "event",
        "casualties",
        "summary",
        "evidence",
    ],
]);

const SOURCE_COLUMNS: &[&str] = &["document", "kind", "language", "sha256", "description"];

/// Part `part` (one of [`PARTS`]) of `contents`, rows in its order
/// ([`super::contents::write_walked`]). Errors with `InvalidInput` for another part name.
pub(super) fn part<'a>(part: &str, contents: &'a dyn Contents) -> io::Result<Part<'a>> {
    let whole = |write: fn(&mut Writer<&mut dyn Write>, &dyn Contents) -> io::Result<()>| Part {
        head: Box::new(move |out| {
            let mut csv = builder().from_writer(out);
            write(&mut csv, contents)?;
            csv.flush()
        }),
        rows: None,
    };
    match part {
        "nodes.csv" => Ok(whole(nodes)),
        "relations.csv" => Ok(relation_part(
            builder,
            &RELATION_COLUMNS,
            |relations, csv| (relations.iter()).try_for_each(|listed| relation_row(listed, csv)),
        )),
        "sources.csv" => Ok(whole(sources)),
        other => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "csv export has no part {other:?}; expected one of: {}",
                PARTS.join(", ")
            ),
        )),
    }
}

/// The writers of this export's files: RFC 4180's CRLF line ends.
fn builder() -> WriterBuilder {
    let mut builder = WriterBuilder::new();
    builder.terminator(::csv::Terminator::CRLF);
    builder
}

fn nodes(csv: &mut Writer<&mut dyn Write>, contents: &dyn Contents) -> io::Result<()> {
    csv.write_record(NODE_COLUMNS)?;
    contents.each_entity(&mut |e| {
        let lifetime = e.lifetime.as_ref();
        let row: [Cow<str>; 10] = [
            e.id.as_str().into(),
            e.kind.as_str().into(),
            e.label().into(),
            e.names.en.as_deref().unwrap_or_default().into(),
            e.names.ar.as_deref().unwrap_or_default().into(),
            e.names.fr.as_deref().unwrap_or_default().into(),
            fields::list(&e.aliases).into(),
            fields::date(lifetime.and_then(|l| l.start)).into(),
            fields::date(lifetime.and_then(|l| l.end)).into(),
            e.description.as_str().into(),
        ];
        record(csv, &row)
    })
}

fn relation_row(listed: &Listed<'_>, csv: &mut Writer<Vec<u8>>) -> io::Result<()> {
    let r = listed.relation;
    let bounds = DayBounds::of(r);
    let row: [Cow<str>; 22] = [
        r.id.as_str().into(),
        r.kind.as_str().into(),
        r.source.as_str().into(),
        r.target.as_str().into(),
        fields::date(r.start).into(),
        fields::date(r.end).into(),
        bounds.start_first.unwrap_or_default().into(),
        bounds.start_last.unwrap_or_default().into(),
        bounds.end_first.unwrap_or_default().into(),
        bounds.end_last.unwrap_or_default().into(),
        fields::boolean(r.negated).into(),
        fields::boolean(r.timeless).into(),
        fields::boolean(r.kind.is_symmetric()).into(),
        r.status.as_str().into(),
        listed.certainty.map_or("", Certainty::as_str).into(),
        fields::list(r.claimed_by()).into(),
        fields::list(r.disputed_by()).into(),
        r.place().map_or("", EntityId::as_str).into(),
        r.event().unwrap_or_default().into(),
        fields::list(r.casualties()).into(),
        r.summary().into(),
        fields::list(r.evidence()).into(),
    ];
    record(csv, &row)
}

fn sources(csv: &mut Writer<&mut dyn Write>, contents: &dyn Contents) -> io::Result<()> {
    csv.write_record(SOURCE_COLUMNS)?;
    for s in contents.sources() {
        let row: [Cow<str>; 5] = [
            s.document.as_str().into(),
            s.kind.as_str().into(),
            s.language.as_str().into(),
            s.sha256.as_str().into(),
            s.description.as_str().into(),
        ];
        record(csv, &row)?;
    }
    Ok(())
}

/// Writes one row, each cell [neutralised](neutralise).
fn record<W: Write>(csv: &mut Writer<W>, row: &[Cow<str>]) -> io::Result<()> {
    for cell in row {
        csv.write_field(neutralise(cell).as_bytes())?;
    }
    Ok(csv.write_record(None::<&[u8]>)?)
}

/// `cell`, with a leading apostrophe when a spreadsheet would read it as a formula: it starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return and is not a plain number.
fn neutralise(cell: &str) -> Cow<'_, str> {
    let cell = strip_invisible(cell);
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_number(&cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        cell
    }
}

/// A decimal number: an optional sign, digits, and optionally a point and more digits.
fn is_number(cell: &str) -> bool {
    let unsigned = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("+cmd"), "'+cmd");
        assert_eq!(neutralise("-HF"), "'-HF");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        // A carriage return is invisible, so it is dropped rather than guarded.
        assert_eq!(neutralise("\rx"), "x");
        assert_eq!(neutralise("\u{202E}=1"), "'=1");
        assert_eq!(neutralise("a=b"), "a=b");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn numbers_stay_numbers() {
        for n in ["-42", "+3.5", "-0.25", "7"] {
            assert_eq!(neutralise(n), n);
        }
        for not in ["-", "-.5", "-5.", "-1e5", "-inf", "+1 2"] {
            assert_eq!(neutralise(not), format!("'{not}"));
        }
    }
}
