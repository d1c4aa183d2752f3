//! CSV files of the exports made of several (flat CSV, Neo4j, Kùzu): a header, then rows, the
//! relations' formatted on every core a chunk at a time, each file a [`Part`] of one walk over
//! the relations ([`super::contents::write_walked`]).
//! A CSV writer keeps nothing from one record to the next but the number of fields, so the
//! rows of chunks written apart are the rows of one writer.

use std::io::{self, Write};

use csv::{Writer, WriterBuilder};

use super::Listed;
use super::contents::{Part, Rows};

/// Writes the header `header` to `out` by a writer `builder` makes.
pub(super) fn header(
    out: &mut dyn Write,
    builder: &WriterBuilder,
    header: &[&str],
) -> io::Result<()> {
    let mut csv = builder.from_writer(out);
    csv.write_record(header)?;
    csv.flush()
}

/// A file of relation rows: the header `columns`, then the rows `rows` gives each chunk of
/// relations, by writers `builder` makes.
pub(super) fn relation_part<'a>(
    builder: impl Fn() -> WriterBuilder + Sync + Send + 'a,
    columns: &'a [&'a str],
    rows: impl Fn(&[Listed<'_>], &mut Writer<Vec<u8>>) -> io::Result<()> + Sync + Send + 'a,
) -> Part<'a> {
    let head_builder = builder();
    let rows: Rows<'a> = Box::new(move |relations| {
        let mut csv = builder().from_writer(Vec::new());
        rows(relations, &mut csv)?;
        csv.into_inner().map_err(|e| e.into_error())
    });
    Part {
        head: Box::new(move |out| header(out, &head_builder, columns)),
        rows: Some(rows),
    }
}
