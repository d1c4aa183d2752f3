//! Neo4j: node and relationship CSV files for `neo4j-admin database import full`, and the same
//! graph as a Cypher script.
//!
//! Import the CSV files into a new database (here `neo4j`) with:
//!
//! ```text
//! neo4j-admin database import full --nodes=nodes.csv --nodes=sources.csv \
//!     --nodes=evidence.csv --relationships=relationships.csv --relationships=cites.csv \
//!     --array-delimiter="|" --multiline-fields=true neo4j
//! ```
//!
//! `--array-delimiter="|"` because `|` separates both the labels of a node and the elements of
//! the array properties (`aliases`, `claimed_by`, `disputed_by`); a `|` inside an element
//! cannot be escaped there, so the CSV files write it as `¦` (U+00A6) (ids never hold one).
//! `--multiline-fields=true` because names, descriptions and summaries may hold newlines.
//!
//! Or, into a running database: `cypher-shell -f import.cypher`. The script MERGEs the same
//! nodes and relationships with the same properties (so it can be run again): the entities and
//! source documents first, then each relationship followed by its evidence spans. Every value
//! is a single-quoted Cypher string literal with backslash escapes (`\'`, `\\`, `\n`, `\uXXXX`
//! for other control characters), so no value can end its literal or the statement; labels and
//! relationship types come from the closed vocabularies of kinds.
//!
//! Each node file has an ID space of its own (`Entity`, `Source`, `Evidence`), so that an entity
//! id and a document name can never collide, and each relationship file names the spaces of its
//! ends (`:START_ID(Entity)`).
//!
//! `nodes.csv`: `id:ID(Entity)` (the entity id, also stored as property `id`), `:LABEL` (`Entity` and
//! the kind's class name: `Entity|ArmedGroup`), `name_en`, `name_ar`, `name_fr`,
//! `aliases:string[]`, `description`, `kind`, `label` (short label), `lifetime_start`,
//! `lifetime_end`.
//!
//! `relationships.csv`: `:START_ID(Entity)` (source), `:END_ID(Entity)` (target), `:TYPE` (the kind in
//! UPPER_SNAKE, `PART_OF`), `id`, `start`, `end` (at their own precision, or bounds in EDTF:
//! `[..2012-04]`, `[2013-09..]`, `[2012-04..2012-06]`; lifetimes alike), `negated:boolean`, `timeless:boolean` (a standing fact outside time),
//! `status`, `certainty` (when the selection was made for a date), `kind`,
//! `symmetric:boolean`, `start_first:date`, `start_last:date`, `end_first:date`,
//! `end_last:date` (the earliest and latest possible days; absent when unbounded),
//! `claimed_by:string[]`, `disputed_by:string[]`, `place`, `event`, `casualties`, `summary`,
//! `evidence`. Neo4j properties hold no maps, so `casualties` and `evidence` are strings
//! holding the compact JSON arrays of `relations.json` (`[{"document": …, "start_byte": …,
//! "end_byte": …}]`; `apoc.convert.fromJsonList(r.evidence)` reads them back). Symmetric kinds
//! are stored source → target; match them with an undirected pattern, `(a)-[:ALLIANCE]-(b)`.
//!
//! The sources: `sources.csv`, one `Source` node per document of `sources.json`
//! (`document:ID(Source)`, `:LABEL`, `kind`, `language`, `sha256`, `description`);
//! `evidence.csv`, one `Evidence` node per evidence span of a relation (`key:ID(Evidence)`,
//! `RELATION/N` as in the Kùzu export; `:LABEL`, `relation` (the relationship's `id`),
//! `position:int` (from 1), `document`, `start_byte:long`, `end_byte:long`, `row:long` for a
//! row of a table); and `cites.csv`, a `CITES` relationship from each `Evidence` node to its
//! `Source` (`:START_ID(Evidence)`, `:END_ID(Source)`, `:TYPE`). A relationship cannot be the
//! end of another, so the evidence of a relation is found by its id:
//! `MATCH (a)-[r {id: 'r-12'}]-(b), (e:Evidence {relation: r.id})-[:CITES]->(s:Source)`.
//!
//! Empty cells are absent properties. Unlike the flat CSV export, cells are not guarded against
//! spreadsheet formulas: these files are for a database.

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::io::{self, Write};

use ::csv::{Writer, WriterBuilder};

use super::contents::Part;
use super::csv_files::relation_part;
use super::fields::{self, DayBounds};
use super::{Contents, Listed};
use crate::model::{Entity, EntityId, Evidence, Relation, Source, UncertainDate};
use crate::query::Certainty;
use crate::text::strip_invisible;

/// The files of this export.
pub const PARTS: &[&str] = &[
    "nodes.csv",
    "relationships.csv",
    "sources.csv",
    "evidence.csv",
    "cites.csv",
    "import.cypher",
];

/// The character between labels and between array elements (`--array-delimiter`).
const ARRAY_DELIMITER: char = '|';
/// What an [`ARRAY_DELIMITER`] inside an element becomes.
const DELIMITER_STANDIN: char = '¦';

const NODE_HEADER: &[&str] = &[
    "id:ID(Entity)",
    ":LABEL",
    "name_en",
    "name_ar",
    "name_fr",
    "aliases:string[]",
    "description",
    "kind",
    "label",
    "lifetime_start",
    "lifetime_end",
];

const RELATIONSHIP_HEADER: &[&str] = &[
    ":START_ID(Entity)",
    ":END_ID(Entity)",
    ":TYPE",
    "id",
    "start",
    "end",
    "negated:boolean",
    "timeless:boolean",
    "status",
    "certainty",
    "kind",
    "symmetric:boolean",
    "start_first:date",
    "start_last:date",
    "end_first:date",
    "end_last:date",
    "claimed_by:string[]",
    "disputed_by:string[]",
    "place",
    "event",
    "casualties",
    "summary",
    "evidence",
];

const SOURCE_HEADER: &[&str] = &[
    "document:ID(Source)",
    ":LABEL",
    "kind",
    "language",
    "sha256",
    "description",
];

const EVIDENCE_HEADER: &[&str] = &[
    "key:ID(Evidence)",
    ":LABEL",
    "relation",
    "position:int",
    "document",
    "start_byte:long",
    "end_byte:long",
    "row:long",
];

const CITES_HEADER: &[&str] = &[":START_ID(Evidence)", ":END_ID(Source)", ":TYPE"];

/// Part `part` (one of [`PARTS`]) of `contents`, in its order
/// ([`super::contents::write_walked`]). Errors with `InvalidInput` for another part name.
pub(super) fn part<'a>(part: &str, contents: &'a dyn Contents) -> io::Result<Part<'a>> {
    let part = match part {
        "nodes.csv" => Part {
            head: Box::new(|out| {
                let mut csv = Writer::from_writer(out);
                csv.write_record(NODE_HEADER)?;
                contents.each_entity(&mut |e| visible_row(&mut csv, node_row(e)))?;
                csv.flush()
            }),
            rows: None,
        },
        "relationships.csv" => {
            relation_part(WriterBuilder::new, RELATIONSHIP_HEADER, |chunk, csv| {
                chunk.iter().try_for_each(|listed| {
                    let row = relationship_row(listed.relation, listed.certainty);
                    visible_row(csv, row)
                })
            })
        }
        "sources.csv" => Part {
            head: Box::new(|out| {
                let mut csv = Writer::from_writer(out);
                csv.write_record(SOURCE_HEADER)?;
                for s in contents.sources() {
                    visible_row(&mut csv, source_row(s))?;
                }
                csv.flush()
            }),
            rows: None,
        },
        "evidence.csv" => relation_part(WriterBuilder::new, EVIDENCE_HEADER, |chunk, csv| {
            for r in chunk.iter().map(|listed| listed.relation) {
                for (n, span) in r.evidence().iter().enumerate() {
                    visible_row(csv, evidence_row(r, n, span))?;
                }
            }
            Ok(())
        }),
        "cites.csv" => relation_part(WriterBuilder::new, CITES_HEADER, |chunk, csv| {
            for r in chunk.iter().map(|listed| listed.relation) {
                for (n, span) in r.evidence().iter().enumerate() {
                    let key = fields::evidence_key(r, n);
                    visible_row(csv, [key.into(), (&*span.document).into(), "CITES".into()])?;
                }
            }
            Ok(())
        }),
        "import.cypher" => Part {
            head: Box::new(|mut out| cypher_head(contents, &mut out)),
            rows: Some(Box::new(|relations| {
                let mut text = String::new();
                for listed in relations {
                    relationship_statement(listed, &mut text);
                    evidence_statements(listed.relation, &mut text);
                }
                Ok(text.into_bytes())
            })),
        },
        other => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "neo4j export has no part {other:?}; expected one of: {}",
                    PARTS.join(", ")
                ),
            ));
        }
    };
    Ok(part)
}

fn node_row(e: &Entity) -> [Cow<'_, str>; 11] {
    let lifetime = e.lifetime.as_ref();
    [
        e.id.as_str().into(),
        array([String::from("Entity"), fields::class_name(e.kind)]).into(),
        e.names.en.as_deref().unwrap_or_default().into(),
        e.names.ar.as_deref().unwrap_or_default().into(),
        e.names.fr.as_deref().unwrap_or_default().into(),
        array(e.aliases.iter()).into(),
        e.description.as_str().into(),
        e.kind.as_str().into(),
        e.label().into(),
        fields::date(lifetime.and_then(|l| l.start)).into(),
        fields::date(lifetime.and_then(|l| l.end)).into(),
    ]
}

fn source_row(s: &Source) -> [Cow<'_, str>; 6] {
    [
        s.document.as_str().into(),
        "Source".into(),
        s.kind.as_str().into(),
        s.language.as_str().into(),
        s.sha256.as_str().into(),
        s.description.as_str().into(),
    ]
}

/// The row of the `n`-th (from 0) evidence span of `r`.
fn evidence_row<'r>(r: &'r Relation, n: usize, span: &'r Evidence) -> [Cow<'r, str>; 8] {
    [
        fields::evidence_key(r, n).into(),
        "Evidence".into(),
        r.id.as_str().into(),
        (n + 1).to_string().into(),
        (&*span.document).into(),
        span.start_byte().to_string().into(),
        span.end_byte().to_string().into(),
        span.row()
            .map(|row| row.to_string())
            .unwrap_or_default()
            .into(),
    ]
}

fn relationship_row(r: &Relation, certainty: Option<Certainty>) -> [Cow<'_, str>; 23] {
    let bounds = DayBounds::of(r);
    [
        r.source.as_str().into(),
        r.target.as_str().into(),
        relationship_type(r).into(),
        r.id.as_str().into(),
        fields::date(r.start).into(),
        fields::date(r.end).into(),
        fields::boolean(r.negated).into(),
        fields::boolean(r.timeless).into(),
        r.status.as_str().into(),
        certainty.map_or("", Certainty::as_str).into(),
        r.kind.as_str().into(),
        fields::boolean(r.kind.is_symmetric()).into(),
        bounds.start_first.unwrap_or_default().into(),
        bounds.start_last.unwrap_or_default().into(),
        bounds.end_first.unwrap_or_default().into(),
        bounds.end_last.unwrap_or_default().into(),
        array(r.claimed_by().iter().map(EntityId::as_str)).into(),
        array(r.disputed_by().iter().map(EntityId::as_str)).into(),
        r.place().map_or("", EntityId::as_str).into(),
        r.event().unwrap_or_default().into(),
        fields::list(r.casualties()).into(),
        r.summary().into(),
        fields::list(r.evidence()).into(),
    ]
}

/// The relationship type: the kind in UPPER_SNAKE (`part_of` → `PART_OF`).
fn relationship_type(r: &Relation) -> String {
    r.kind.as_str().to_ascii_uppercase()
}

/// Elements joined with [`ARRAY_DELIMITER`], each with the delimiter replaced.
fn array<T: AsRef<str>>(elements: impl IntoIterator<Item = T>) -> String {
    elements
        .into_iter()
        .map(|e| {
            e.as_ref()
                .replace(ARRAY_DELIMITER, &DELIMITER_STANDIN.to_string())
        })
        .collect::<Vec<String>>()
        .join(&ARRAY_DELIMITER.to_string())
}

/// What `import.cypher` says before its relations: uniqueness constraints, then one MERGE per
/// entity and per source document. Each relation follows, as a MERGE of its relationship and
/// of each of its evidence spans (with its CITES relationship to a source already merged).
fn cypher_head(contents: &dyn Contents, out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "// actorgraph: the graph of nodes.csv and relationships.csv as Cypher, for a running \
         database:\n// cypher-shell -f import.cypher\n\
         CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n\
         CREATE CONSTRAINT source_document IF NOT EXISTS FOR (s:Source) REQUIRE s.document IS UNIQUE;\n\
         CREATE CONSTRAINT evidence_key IF NOT EXISTS FOR (e:Evidence) REQUIRE e.key IS UNIQUE;"
    )?;
    let mut line = String::new();
    contents.each_entity(&mut |e| {
        let lifetime = e.lifetime.as_ref();
        let mut properties = Properties::default();
        properties.string("name_en", e.names.en.as_deref());
        properties.string("name_ar", e.names.ar.as_deref());
        properties.string("name_fr", e.names.fr.as_deref());
        properties.list("aliases", &e.aliases);
        properties.string("description", Some(&e.description));
        properties.string("kind", Some(e.kind.as_str()));
        properties.string("label", Some(e.label()));
        properties.date("lifetime_start", lifetime.and_then(|l| l.start));
        properties.date("lifetime_end", lifetime.and_then(|l| l.end));
        line.clear();
        line.push_str("MERGE (n:Entity {id: ");
        push_string(&mut line, e.id.as_str());
        line.push_str("}) SET n:");
        line.push_str(&fields::class_name(e.kind));
        line.push_str(", n += {");
        line.push_str(&properties.0);
        line.push_str("};\n");
        out.write_all(line.as_bytes())
    })?;
    for s in contents.sources() {
        let mut properties = Properties::default();
        properties.string("kind", Some(s.kind.as_str()));
        properties.string("language", Some(&s.language));
        properties.string("sha256", Some(&s.sha256));
        properties.string("description", Some(&s.description));
        line.clear();
        line.push_str("MERGE (s:Source {document: ");
        push_string(&mut line, &s.document);
        line.push_str("}) SET s += {");
        line.push_str(&properties.0);
        line.push_str("};\n");
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Appends the MERGE statement of a relationship to `out`.
fn relationship_statement(listed: &Listed<'_>, out: &mut String) {
    let r = listed.relation;
    let bounds = DayBounds::of(r);
    let mut properties = Properties::default();
    properties.date("start", r.start);
    properties.date("end", r.end);
    properties.raw("negated", r.negated);
    properties.raw("timeless", r.timeless);
    properties.string("status", Some(r.status.as_str()));
    properties.string("certainty", listed.certainty.map(Certainty::as_str));
    properties.string("kind", Some(r.kind.as_str()));
    properties.raw("symmetric", r.kind.is_symmetric());
    for (name, day) in bounds.named() {
        if let Some(day) = day {
            let entry = properties.entry(name);
            entry.push_str("date(");
            push_string(entry, day);
            entry.push(')');
        }
    }
    properties.list("claimed_by", r.claimed_by().iter().map(EntityId::as_str));
    properties.list("disputed_by", r.disputed_by().iter().map(EntityId::as_str));
    properties.string("place", r.place().map(EntityId::as_str));
    properties.string("event", r.event());
    properties.string("casualties", Some(&fields::list(r.casualties())));
    properties.string("summary", Some(r.summary()));
    properties.string("evidence", Some(&fields::list(r.evidence())));
    out.push_str("MATCH (a:Entity {id: ");
    push_string(out, r.source.as_str());
    out.push_str("}), (b:Entity {id: ");
    push_string(out, r.target.as_str());
    out.push_str("}) MERGE (a)-[r:");
    out.push_str(&relationship_type(r));
    out.push_str(" {id: ");
    push_string(out, r.id.as_str());
    out.push_str("}]->(b) SET r += {");
    out.push_str(&properties.0);
    out.push_str("};\n");
}

/// Appends the MERGE statements of the Evidence nodes of `r` and their CITES relationships to
/// `out`.
fn evidence_statements(r: &Relation, out: &mut String) {
    for (n, span) in r.evidence().iter().enumerate() {
        let mut properties = Properties::default();
        properties.string("relation", Some(r.id.as_str()));
        properties.raw("position", n + 1);
        properties.string("document", Some(&span.document));
        properties.raw("start_byte", span.start_byte());
        properties.raw("end_byte", span.end_byte());
        if let Some(row) = span.row() {
            properties.raw("row", row);
        }
        out.push_str("MATCH (s:Source {document: ");
        push_string(out, &span.document);
        out.push_str("}) MERGE (e:Evidence {key: ");
        push_string(out, &fields::evidence_key(r, n));
        out.push_str("}) SET e += {");
        out.push_str(&properties.0);
        out.push_str("} MERGE (e)-[:CITES]->(s);\n");
    }
}

/// The `key: value` entries of a Cypher map literal, `, ` between them, written as they come;
/// absent values are left out.
#[derive(Default)]
struct Properties(String);

impl Properties {
    /// Starts the entry `key` and gives the text to append its value to.
    fn entry(&mut self, key: &str) -> &mut String {
        if !self.0.is_empty() {
            self.0.push_str(", ");
        }
        self.0.push_str(key);
        self.0.push_str(": ");
        &mut self.0
    }

    /// The entry `key` with a value written as it is (a number, a boolean).
    fn raw(&mut self, key: &str, value: impl fmt::Display) {
        // Writing to a string fails only when a `Display` implementation does.
        let _ = write!(self.entry(key), "{value}");
    }

    fn string(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            push_string(self.entry(key), value);
        }
    }

    fn date(&mut self, key: &str, value: Option<UncertainDate>) {
        self.string(key, value.map(|d| d.to_string()).as_deref());
    }

    fn list<T: AsRef<str>>(&mut self, key: &str, values: impl IntoIterator<Item = T>) {
        let mut values = values.into_iter().peekable();
        if values.peek().is_none() {
            return;
        }
        let entry = self.entry(key);
        entry.push('[');
        for (n, value) in values.enumerate() {
            if n > 0 {
                entry.push_str(", ");
            }
            push_string(entry, value.as_ref());
        }
        entry.push(']');
    }
}

/// Writes `row` to `csv`, its cells without invisible characters (see [`crate::text`]).
fn visible_row<W: Write, const N: usize>(
    csv: &mut Writer<W>,
    row: [Cow<'_, str>; N],
) -> io::Result<()> {
    let cells = row.each_ref().map(|cell| strip_invisible(cell));
    Ok(csv.write_record(cells.iter().map(|cell| cell.as_bytes()))?)
}

/// `value` as a single-quoted Cypher string literal ([`push_string`]).
#[cfg(test)]
fn string(value: &str) -> String {
    let mut out = String::new();
    push_string(&mut out, value);
    out
}

/// Appends `value` to `out` as a single-quoted Cypher string literal, invisible characters
/// dropped (see [`crate::text`]) and backslash, quotes and any remaining control character
/// escaped, so that no value can end the literal or the statement.
fn push_string(out: &mut String, value: &str) {
    let value = strip_invisible(value);
    out.reserve(value.len() + 2);
    out.push('\'');
    let mut plain = 0;
    for (at, c) in value.char_indices() {
        let escape = match c {
            '\\' => "\\\\",
            '\'' => "\\'",
            '"' => "\\\"",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if c.is_control() => "",
            _ => continue,
        };
        out.push_str(&value[plain..at]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{:04X}", u32::from(c));
        } else {
            out.push_str(escape);
        }
        plain = at + c.len_utf8();
    }
    out.push_str(&value[plain..]);
    out.push('\'');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cypher_strings_cannot_escape() {
        assert_eq!(string("it's"), r"'it\'s'");
        assert_eq!(
            string("a\\'; MATCH (n) DETACH DELETE n; //"),
            r"'a\\\'; MATCH (n) DETACH DELETE n; //'"
        );
        // Invisible characters are dropped; line feeds and tabs are kept, escaped.
        assert_eq!(string("x\ny\0\u{7}\u{85}\u{202E}\tz"), r"'x\ny\tz'");
        assert_eq!(string("جبهة"), "'جبهة'");
    }

    /// Reads a literal `string` wrote back: `None` when a quote ends it early or an escape is
    /// unknown.
    fn unquoted(literal: &str) -> Option<String> {
        let inner = literal.strip_prefix('\'')?.strip_suffix('\'')?;
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match c {
                '\'' => return None,
                '\\' => match chars.next()? {
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    't' => out.push('\t'),
                    'u' => {
                        let hex: String = chars.by_ref().take(4).collect();
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                    }
                    c @ ('\\' | '\'' | '"') => out.push(c),
                    _ => return None,
                },
                c => out.push(c),
            }
        }
        Some(out)
    }

    proptest::proptest! {
        /// Every literal is closed only by its last quote and reads back as the visible text.
        #[test]
        fn cypher_strings_read_back_as_the_visible_text(text in "\\PC*|[\\\\'\"\n\t\r\u{0}-\u{1f}a]{0,12}") {
            proptest::prop_assert_eq!(unquoted(&string(&text)), Some(strip_invisible(&text).into_owned()));
        }
    }

    #[test]
    fn arrays_keep_their_delimiter_for_themselves() {
        assert_eq!(array(["a|b", "c"]), "a¦b|c");
        assert_eq!(array(Vec::<String>::new()), "");
    }
}
