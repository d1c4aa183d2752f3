//! Reading an event table: a CSV file with a header row, each data row with where it stands
//! in the file (its byte span and line), so that a relation's evidence can quote the row.

use std::ops::Range;

use crate::load::Code;
use crate::load::{Location, Problem};

/// A CSV table read whole.
#[derive(Debug, Clone)]
pub struct Table {
    /// The file's name (no folder): the document name its evidence cites.
    pub name: String,
    /// The file's text.
    pub text: String,
    /// The SHA-256 of its bytes, lowercase hex.
    pub sha256: String,
    /// The header's column names, trimmed.
    pub columns: Vec<String>,
    /// Each column's position by its name in ASCII lower case (the first of equal names).
    positions: std::collections::HashMap<String, usize>,
    /// The data rows, in file order.
    pub rows: Vec<Row>,
}

/// One data row of a [`Table`].
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based number among the data rows (the header is not counted).
    pub number: u64,
    /// 1-based line of the file where the row starts.
    pub line: usize,
    /// The row's bytes in the file, from its first byte to the end of its last field (the
    /// line break left out).
    pub span: Range<usize>,
    /// The fields, unquoted, in column order.
    pub fields: Vec<String>,
}

/// Why a table cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    /// Not UTF-8.
    #[error("{name} is not UTF-8 text: save the table as UTF-8 CSV")]
    NotUtf8 {
        /// The file's name.
        name: String,
    },
    /// No header row.
    #[error("{name} has no header row: the first line must name the columns")]
    NoHeader {
        /// The file's name.
        name: String,
    },
}

impl Table {
    /// Parses `bytes`, the contents of the CSV file called `name`. A row whose number of
    /// fields differs from the header's, or that the CSV reader cannot read, is a problem
    /// (at its line) and is left out; every other row is kept.
    pub fn parse(
        name: &str,
        bytes: &[u8],
        problems: &mut Vec<Problem>,
    ) -> Result<Table, TableError> {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| TableError::NotUtf8 {
                name: name.to_owned(),
            })?
            .to_owned();
        let sha256 = crate::load::sha256_hex(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let columns = match reader.records().next() {
            Some(Ok(header)) => header_columns(&header),
            _ => {
                return Err(TableError::NoHeader {
                    name: name.to_owned(),
                });
            }
        };
        let rows = read_rows(&mut reader, name, &text, columns.len(), problems);
        let mut positions = std::collections::HashMap::new();
        for (i, column) in columns.iter().enumerate() {
            positions.entry(column.to_ascii_lowercase()).or_insert(i);
        }
        Ok(Table {
            name: name.to_owned(),
            text,
            sha256,
            columns,
            positions,
            rows,
        })
    }

    /// The position of `column` in the header (ASCII case ignored).
    pub fn column(&self, column: &str) -> Option<usize> {
        match self.positions.get(column) {
            Some(&i) => Some(i),
            None => self.positions.get(&column.to_ascii_lowercase()).copied(),
        }
    }

    /// The location of field `index` of `row`: its line and column in the file.
    pub fn location(&self, row: &Row, index: usize) -> Location {
        Location::at(
            &self.name,
            &self.text,
            row.span.start + field_offset(&self.text[row.span.clone()], index),
        )
    }
}

/// The byte offset of field `index` in the raw text of a row (quotes respected).
fn field_offset(raw: &str, index: usize) -> usize {
    let mut field = 0;
    let mut quoted = false;
    for (at, c) in raw.char_indices() {
        if field == index {
            return at;
        }
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => field += 1,
            _ => {}
        }
    }
    if field == index { raw.len() } else { 0 }
}

/// The rows `reader` reads after the header, each checked to have `columns` fields; a row
/// that does not, or that the reader cannot read, is a problem at its line and left out.
fn read_rows(
    reader: &mut csv::Reader<&[u8]>,
    name: &str,
    text: &str,
    columns: usize,
    problems: &mut Vec<Problem>,
) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut number = 0;
    loop {
        let start = reader.position().byte() as usize;
        let line = reader.position().line() as usize;
        let Some(record) = reader.records().next() else {
            break;
        };
        number += 1;
        let end = reader.position().byte() as usize;
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                problems.push(Problem::error(
                    Code::BadRow,
                    Location::at(name, text, start),
                    format!("row {number}: {e}"),
                ));
                continue;
            }
        };
        let start = record.position().map_or(start, |p| p.byte() as usize);
        let line = record.position().map_or(line, |p| p.line() as usize);
        let (span, line) = record_span(text, start..end, line);
        let start = span.start;
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
            number -= 1;
            continue; // A blank line.
        }
        if record.len() != columns {
            problems.push(Problem::error(
                Code::BadRow,
                Location::at(name, text, start),
                format!(
                    "row {number} has {} fields, the header {}: quote fields that hold commas",
                    record.len(),
                    columns
                ),
            ));
            continue;
        }
        rows.push(Row {
            number,
            line,
            span,
            fields: record.iter().map(str::to_owned).collect(),
        });
    }
    rows
}

/// The column names of a header record, trimmed, without the byte-order mark a spreadsheet
/// may put before the first.
fn header_columns(header: &csv::StringRecord) -> Vec<String> {
    header
        .iter()
        .map(|c| c.trim().trim_start_matches('\u{feff}').to_owned())
        .collect()
}

/// The span of a record the reader read over `read` (starting on line `line`) and the line it
/// starts on: without the end of the line before, which the reader's record may begin with
/// (the `\n` of a `\r\n`), nor its own.
fn record_span(text: &str, read: Range<usize>, line: usize) -> (Range<usize>, usize) {
    let raw = text.get(read.start..read.end.min(text.len())).unwrap_or("");
    let lead = &raw[..raw.len() - raw.trim_start_matches(['\r', '\n']).len()];
    let (start, line) = (read.start + lead.len(), line + lead.matches('\n').count());
    let raw = &raw[lead.len()..];
    (
        start..start + raw.trim_end_matches(['\r', '\n']).len(),
        line,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_their_spans_lines_and_quoted_commas() {
        let text = "id,name,notes\r\n1,\"Gao, Mali\",x\r\n\r\n2,Kidal,\"two\nlines\"\n3,short\n";
        let mut problems = Vec::new();
        let table = Table::parse("t.csv", text.as_bytes(), &mut problems).unwrap();
        assert_eq!(table.rows.len(), 2);
        assert_eq!(&table.text[table.rows[0].span.clone()], "1,\"Gao, Mali\",x");
        assert_eq!(table.rows[0].fields[1], "Gao, Mali");
        assert_eq!((table.rows[1].number, table.rows[1].line), (2, 4));
        assert_eq!(
            &table.text[table.rows[1].span.clone()],
            "2,Kidal,\"two\nlines\""
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].location.line, Some(6));
        let at = table.location(&table.rows[1], 2);
        assert_eq!((at.line, at.column), (Some(4), Some(9)));
    }
}
