//! Neo4j: node and relationship CSV files for `neo4j-admin database import full`, and the same
//! graph as a Cypher script.
//!
//! Import the CSV files into a new database (here `neo4j`) with:
//!
//! ```text
//! neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \
//!     --array-delimiter="|" --multiline-fields=true neo4j
//! ```
//!
//! `--array-delimiter="|"` because `|` separates both the labels of a node and the elements of
//! the array properties (`aliases`, `claimed_by`, `disputed_by`); a `|` inside an element
//! cannot be escaped there, so the CSV files write it as `¦` (U+00A6) (ids never hold one).
//! `--multiline-fields=true` because names, descriptions and summaries may hold newlines.
//!
//! Or, into a running database: `cypher-shell -f import.cypher`. The script MERGEs the same
//! nodes and relationships with the same properties (so it can be run again), every value a
//! single-quoted Cypher string literal with backslash escapes (`\'`, `\\`, `\n`, `\uXXXX` for
//! other control characters), so no value can end its literal or the statement; labels and
//! relationship types come from the closed vocabularies of kinds.
//!
//! `nodes.csv`: `id:ID` (the entity id, also stored as property `id`), `:LABEL` (`Entity` and
//! the kind's class name: `Entity|ArmedGroup`), `name_en`, `name_ar`, `name_fr`,
//! `aliases:string[]`, `description`, `kind`, `label` (short label), `lifetime_start`,
//! `lifetime_end`.
//!
//! `relationships.csv`: `:START_ID` (source), `:END_ID` (target), `:TYPE` (the kind in
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
//! Empty cells are absent properties. Unlike the flat CSV export, cells are not guarded against
//! spreadsheet formulas: these files are for a database.

use std::io::{self, BufWriter, Write};

use ::csv::Writer;

use super::fields::{self, DayBounds};
use crate::graph::Graph;
use crate::model::{Entity, EntityId, Relation, UncertainDate};
use crate::query::{Certainty, Snapshot};
use crate::text::strip_invisible;

/// The files of this export.
pub const PARTS: &[&str] = &["nodes.csv", "relationships.csv", "import.cypher"];

/// The character between labels and between array elements (`--array-delimiter`).
const ARRAY_DELIMITER: char = '|';
/// What an [`ARRAY_DELIMITER`] inside an element becomes.
const DELIMITER_STANDIN: char = '¦';

const NODE_HEADER: &[&str] = &[
    "id:ID",
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
    ":START_ID",
    ":END_ID",
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

/// Writes part `part` (one of [`PARTS`]) of `selection`, in the selection's order. Errors
/// with `InvalidInput` for another part name.
pub fn write(
    part: &str,
    graph: &Graph,
    selection: &Snapshot,
    out: &mut dyn Write,
) -> io::Result<()> {
    match part {
        "nodes.csv" => {
            let mut csv = Writer::from_writer(out);
            csv.write_record(NODE_HEADER)?;
            for &e in &selection.entities {
                csv.write_record(visible_row(node_row(graph.entity(e))))?;
            }
            csv.flush()
        }
        "relationships.csv" => {
            let mut csv = Writer::from_writer(out);
            csv.write_record(RELATIONSHIP_HEADER)?;
            for found in &selection.relations {
                csv.write_record(visible_row(relationship_row(
                    graph.relation(found.relation),
                    found.certainty,
                )))?;
            }
            csv.flush()
        }
        "import.cypher" => cypher(graph, selection, &mut BufWriter::new(out)),
        other => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "neo4j export has no part {other:?}; expected one of: {}",
                PARTS.join(", ")
            ),
        )),
    }
}

fn node_row(e: &Entity) -> [String; 11] {
    let lifetime = e.lifetime.as_ref();
    [
        e.id.to_string(),
        array([String::from("Entity"), fields::class_name(e.kind)]),
        e.names.en.clone().unwrap_or_default(),
        e.names.ar.clone().unwrap_or_default(),
        e.names.fr.clone().unwrap_or_default(),
        array(e.aliases.iter()),
        e.description.clone(),
        e.kind.as_str().to_owned(),
        e.label().to_owned(),
        fields::date(lifetime.and_then(|l| l.start)),
        fields::date(lifetime.and_then(|l| l.end)),
    ]
}

fn relationship_row(r: &Relation, certainty: Option<Certainty>) -> [String; 23] {
    let bounds = DayBounds::of(r);
    [
        r.source.to_string(),
        r.target.to_string(),
        relationship_type(r),
        r.id.to_string(),
        fields::date(r.start),
        fields::date(r.end),
        fields::boolean(r.negated).to_owned(),
        fields::boolean(r.timeless).to_owned(),
        r.status.as_str().to_owned(),
        certainty.map_or("", Certainty::as_str).to_owned(),
        r.kind.as_str().to_owned(),
        fields::boolean(r.kind.is_symmetric()).to_owned(),
        bounds.start_first.unwrap_or_default(),
        bounds.start_last.unwrap_or_default(),
        bounds.end_first.unwrap_or_default(),
        bounds.end_last.unwrap_or_default(),
        array(r.claimed_by.iter().map(EntityId::as_str)),
        array(r.disputed_by.iter().map(EntityId::as_str)),
        r.place.as_ref().map_or("", EntityId::as_str).to_owned(),
        r.event.as_deref().unwrap_or_default().to_owned(),
        fields::list(&r.casualties),
        r.summary.to_string(),
        fields::list(&r.evidence),
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

/// `import.cypher`: a uniqueness constraint, then one MERGE per entity and per relation.
fn cypher(graph: &Graph, selection: &Snapshot, out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "// actorgraph: the graph of nodes.csv and relationships.csv as Cypher, for a running \
         database:\n// cypher-shell -f import.cypher\n\
         CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;"
    )?;
    for &e in &selection.entities {
        let e = graph.entity(e);
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
        writeln!(
            out,
            "MERGE (n:Entity {{id: {}}}) SET n:{}, n += {{{}}};",
            string(e.id.as_str()),
            fields::class_name(e.kind),
            properties.0.join(", ")
        )?;
    }
    for found in &selection.relations {
        let r = graph.relation(found.relation);
        let bounds = DayBounds::of(r);
        let mut properties = Properties::default();
        properties.date("start", r.start);
        properties.date("end", r.end);
        properties.0.push(format!("negated: {}", r.negated));
        properties.0.push(format!("timeless: {}", r.timeless));
        properties.string("status", Some(r.status.as_str()));
        properties.string("certainty", found.certainty.map(Certainty::as_str));
        properties.string("kind", Some(r.kind.as_str()));
        properties
            .0
            .push(format!("symmetric: {}", r.kind.is_symmetric()));
        for (name, day) in [
            ("start_first", &bounds.start_first),
            ("start_last", &bounds.start_last),
            ("end_first", &bounds.end_first),
            ("end_last", &bounds.end_last),
        ] {
            if let Some(day) = day {
                properties.0.push(format!("{name}: date({})", string(day)));
            }
        }
        properties.list("claimed_by", r.claimed_by.iter().map(EntityId::as_str));
        properties.list("disputed_by", r.disputed_by.iter().map(EntityId::as_str));
        properties.string("place", r.place.as_ref().map(EntityId::as_str));
        properties.string("event", r.event.as_deref());
        properties.string("casualties", Some(&fields::list(&r.casualties)));
        properties.string("summary", Some(&r.summary));
        properties.string("evidence", Some(&fields::list(&r.evidence)));
        writeln!(
            out,
            "MATCH (a:Entity {{id: {}}}), (b:Entity {{id: {}}}) MERGE (a)-[r:{} {{id: {}}}]->(b) SET r += {{{}}};",
            string(r.source.as_str()),
            string(r.target.as_str()),
            relationship_type(r),
            string(r.id.as_str()),
            properties.0.join(", ")
        )?;
    }
    out.flush()
}

/// The `key: value` entries of a Cypher map literal; absent values are left out.
#[derive(Default)]
struct Properties(Vec<String>);

impl Properties {
    fn string(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            self.0.push(format!("{key}: {}", string(value)));
        }
    }

    fn date(&mut self, key: &str, value: Option<UncertainDate>) {
        self.string(key, value.map(|d| d.to_string()).as_deref());
    }

    fn list<T: AsRef<str>>(&mut self, key: &str, values: impl IntoIterator<Item = T>) {
        let items: Vec<String> = values.into_iter().map(|v| string(v.as_ref())).collect();
        if !items.is_empty() {
            self.0.push(format!("{key}: [{}]", items.join(", ")));
        }
    }
}

/// The cells of a row without invisible characters (see [`crate::text`]).
fn visible_row<const N: usize>(row: [String; N]) -> [String; N] {
    row.map(|cell| strip_invisible(&cell).into_owned())
}

/// `value` as a single-quoted Cypher string literal, invisible characters dropped (see
/// [`crate::text`]) and backslash, quotes and any remaining control character escaped, so
/// that no value can end the literal or the statement.
fn string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in strip_invisible(value).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
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

    #[test]
    fn arrays_keep_their_delimiter_for_themselves() {
        assert_eq!(array(["a|b", "c"]), "a¦b|c");
        assert_eq!(array(Vec::<String>::new()), "");
    }
}
