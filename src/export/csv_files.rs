//! CSV files of the exports made of several (flat CSV, Neo4j, Kùzu): a header, then rows, the
//! relations' formatted on every core a chunk at a time
//! ([`super::contents::write_relations_in_chunks`]).
//! A CSV writer keeps nothing from one record to the next but the number of fields, so the
//! rows of chunks written apart are the rows of one writer.

use std::io::{self, BufWriter, Write};

use csv::{Writer, WriterBuilder};

use super::contents::write_relations_in_chunks;
use super::{Contents, Listed};

/// `out`, buffered, with the header `header` written by a writer `builder` makes.
pub(super) fn header<'w>(
    out: &'w mut dyn Write,
    builder: &WriterBuilder,
    header: &[&str],
) -> io::Result<BufWriter<&'w mut dyn Write>> {
    let mut out = BufWriter::new(out);
    let mut csv = builder.from_writer(&mut out);
    csv.write_record(header)?;
    csv.flush()?;
    drop(csv);
    Ok(out)
}

/// Writes the rows `rows` gives each chunk of `chunk` relations of `contents`, by writers
/// `builder` makes, formatted on every core, in order; then flushes `out`.
pub(super) fn relation_chunks(
    contents: &dyn Contents,
    chunk: usize,
    builder: &WriterBuilder,
    out: &mut impl Write,
    rows: impl Fn(&[Listed<'_>], &mut Writer<Vec<u8>>) -> io::Result<()> + Sync + Send,
) -> io::Result<()> {
    write_relations_in_chunks(contents, chunk, out, |relations| {
        let mut csv = builder.from_writer(Vec::new());
        rows(relations, &mut csv)?;
        csv.into_inner().map_err(|e| e.into_error())
    })?;
    out.flush()
}
