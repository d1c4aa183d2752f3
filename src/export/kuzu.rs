//! Kùzu: node and relationship tables as CSV files, and `load.cypher`, the DDL and `COPY FROM`
//! statements that load them into a Kùzu database as they are.
//!
//! Kùzu is schema-first: every node and relationship table is declared with typed columns
//! before it is filled, and a CSV list column (`STRING[]`) keeps the quotes of its elements,
//! so lists are not cells here but rows of their own tables, linked by relationships. Each
//! relation is a `Relation` node (an n-ary node, as in the Turtle export) tied to its
//! entities by `ROLE` relationships, and also a direct `LINKS` edge from its source to its
//! target for path queries.
//!
//! | file | table | columns |
//! |---|---|---|
//! | `entities.csv` | node `Entity` | `id` (key), `kind`, `label`, `name_en`, `name_ar`, `name_fr`, `lifetime_start`, `lifetime_end` (at their precision or EDTF bounds), `description` |
//! | `aliases.csv` | node `Alias` | `key` (`ENTITY/N`), `position` (from 1), `alias` |
//! | `relations.csv` | node `Relation` | `id` (key), `kind`, `symmetric`, `start`, `end` (at their precision or EDTF bounds), `start_first`, `start_last`, `end_first`, `end_last` (`DATE`, the earliest and latest possible days; NULL when unbounded), `negated`, `timeless`, `status`, `certainty` (for a selection made for a date), `event`, `summary` |
//! | `evidence.csv` | node `Evidence` | `key` (`RELATION/N`), `position`, `document`, `start_byte`, `end_byte`, `row` |
//! | `casualties.csv` | node `Casualties` | `key` (`RELATION/N`), `position`, `who`, `outcome` (`killed`, `wounded`), `min`, `max` (NULL when unknown) |
//! | `sources.csv` | node `Source` | `document` (key), `kind`, `language`, `sha256`, `description` |
//! | `has_alias.csv` | rel `HAS_ALIAS` Entity → Alias | |
//! | `roles.csv` | rel `ROLE` Relation → Entity | `role` (`source`, `target`, `claimed_by`, `disputed_by`, `place`), `position` |
//! | `links.csv` | rel `LINKS` Entity → Entity | `relation` (id), `kind`, `symmetric` |
//! | `has_evidence.csv` | rel `HAS_EVIDENCE` Relation → Evidence | |
//! | `cites.csv` | rel `CITES` Evidence → Source | |
//! | `has_casualties.csv` | rel `HAS_CASUALTIES` Relation → Casualties | |
//! | `side.csv` | rel `SIDE` Casualties → Entity | (the victims' side, when it is an entity) |
//!
//! Load from the export folder (paths in `load.cypher` are relative to it), e.g. with the
//! Python package: `cd DIR && python -c "import kuzu; c = kuzu.Connection(kuzu.Database('db'));
//! [c.execute(s) for s in open('load.cypher').read().split(';\n') if s.strip()]"`. Every COPY
//! says `PARALLEL=false`, since Kùzu's parallel CSV reader cannot read quoted newlines. An empty
//! cell is NULL. Cells drop invisible characters (see [`crate::text`]); they are not guarded
//! against spreadsheet formulas: these files are for a database.

use std::io::{self, Write};

use ::csv::{Writer, WriterBuilder};

use super::contents::Part;
use super::csv_files::{header, relation_part};
use super::fields::{self, DayBounds};
use super::{Contents, Listed};
use crate::model::Relation;
use crate::query::Certainty;
use crate::text::strip_invisible;

/// One table: its file, the DDL that declares it (after `CREATE NODE TABLE`/`CREATE REL
/// TABLE`), and its CSV header.
struct Table {
    file: &'static str,
    ddl: &'static str,
    header: &'static [&'static str],
}

/// The header of `entities.csv`, in the order of the `Entity` table's columns.
const ENTITY_HEADER: [&str; 9] = fields::columns(&[
    &["id", "kind", "label"],
    &fields::NAME_COLUMNS,
    &fields::LIFETIME_COLUMNS,
    &["description"],
]);

/// The header of `relations.csv`, in the order of the `Relation` table's columns.
const RELATION_HEADER: [&str; 15] = fields::columns(&[
    &["id", "kind", "symmetric"],
    &fields::DATE_COLUMNS,
    &[
        "negated",
        "timeless",
        "status",
        "certainty",
        "event",
        "summary",
    ],
]);

/// Every table, node tables first (the order `load.cypher` creates and fills them in).
const TABLES: &[Table] = &[
    Table {
        file: "entities.csv",
        ddl: "NODE TABLE Entity(id STRING, kind STRING, label STRING, name_en STRING, \
              name_ar STRING, name_fr STRING, lifetime_start STRING, lifetime_end STRING, \
              description STRING, PRIMARY KEY(id))",
        header: &ENTITY_HEADER,
    },
    Table {
        file: "aliases.csv",
        ddl: "NODE TABLE Alias(key STRING, position INT64, alias STRING, PRIMARY KEY(key))",
        header: &["key", "position", "alias"],
    },
    Table {
        file: "relations.csv",
        ddl: "NODE TABLE Relation(id STRING, kind STRING, symmetric BOOLEAN, start STRING, \
              `end` STRING, start_first DATE, start_last DATE, end_first DATE, end_last DATE, \
              negated BOOLEAN, timeless BOOLEAN, status STRING, certainty STRING, event STRING, \
              summary STRING, PRIMARY KEY(id))",
        header: &RELATION_HEADER,
    },
    Table {
        file: "evidence.csv",
        ddl: "NODE TABLE Evidence(key STRING, position INT64, document STRING, \
              start_byte INT64, end_byte INT64, `row` INT64, PRIMARY KEY(key))",
        header: &[
            "key",
            "position",
            "document",
            "start_byte",
            "end_byte",
            "row",
        ],
    },
    Table {
        file: "casualties.csv",
        ddl: "NODE TABLE Casualties(key STRING, position INT64, who STRING, outcome STRING, \
              min INT64, max INT64, PRIMARY KEY(key))",
        header: &["key", "position", "who", "outcome", "min", "max"],
    },
    Table {
        file: "sources.csv",
        ddl: "NODE TABLE Source(document STRING, kind STRING, language STRING, \
              sha256 STRING, description STRING, PRIMARY KEY(document))",
        header: &["document", "kind", "language", "sha256", "description"],
    },
    Table {
        file: "has_alias.csv",
        ddl: "REL TABLE HAS_ALIAS(FROM Entity TO Alias)",
        header: &["from", "to"],
    },
    Table {
        file: "roles.csv",
        ddl: "REL TABLE ROLE(FROM Relation TO Entity, role STRING, position INT64)",
        header: &["from", "to", "role", "position"],
    },
    Table {
        file: "links.csv",
        ddl: "REL TABLE LINKS(FROM Entity TO Entity, relation STRING, kind STRING, \
              symmetric BOOLEAN)",
        header: &["from", "to", "relation", "kind", "symmetric"],
    },
    Table {
        file: "has_evidence.csv",
        ddl: "REL TABLE HAS_EVIDENCE(FROM Relation TO Evidence)",
        header: &["from", "to"],
    },
    Table {
        file: "cites.csv",
        ddl: "REL TABLE CITES(FROM Evidence TO Source)",
        header: &["from", "to"],
    },
    Table {
        file: "has_casualties.csv",
        ddl: "REL TABLE HAS_CASUALTIES(FROM Relation TO Casualties)",
        header: &["from", "to"],
    },
    Table {
        file: "side.csv",
        ddl: "REL TABLE SIDE(FROM Casualties TO Entity)",
        header: &["from", "to"],
    },
];

/// The script that creates and fills the tables.
const SCRIPT: &str = "load.cypher";

/// The files of this export.
pub const PARTS: &[&str] = &[
    "entities.csv",
    "aliases.csv",
    "relations.csv",
    "evidence.csv",
    "casualties.csv",
    "sources.csv",
    "has_alias.csv",
    "roles.csv",
    "links.csv",
    "has_evidence.csv",
    "cites.csv",
    "has_casualties.csv",
    "side.csv",
    SCRIPT,
];

/// Part `part` (one of [`PARTS`]) of `contents`, rows in its order
/// ([`super::contents::write_walked`]). Its entities should include every entity its
/// relations refer to ([`with_references`](super::json::with_references)): Kùzu refuses a
/// COPY whose ends are missing. Errors with `InvalidInput` for another part name.
pub(super) fn part<'a>(part: &str, contents: &'a dyn Contents) -> io::Result<Part<'a>> {
    if part == SCRIPT {
        return Ok(Part {
            head: Box::new(|mut out| script(&mut out)),
            rows: None,
        });
    }
    let Some(table) = TABLES.iter().find(|t| t.file == part) else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "kuzu export has no part {part:?}; expected one of: {}",
                PARTS.join(", ")
            ),
        ));
    };
    let part = table.file;
    match part {
        "entities.csv" | "aliases.csv" | "has_alias.csv" | "sources.csv" => Ok(Part {
            head: Box::new(move |out| {
                header(out, &WriterBuilder::new(), table.header)?;
                let mut csv = WriterBuilder::new().from_writer(out);
                let mut rows = Rows(&mut csv);
                if part == "sources.csv" {
                    sources(contents, &mut rows)?;
                } else {
                    entities(part, contents, &mut rows)?;
                }
                csv.flush()
            }),
            rows: None,
        }),
        _ => Ok(relation_part(
            WriterBuilder::new,
            table.header,
            move |relations, csv| {
                let mut rows = Rows(csv);
                (relations.iter()).try_for_each(|listed| relation_rows(part, listed, &mut rows))
            },
        )),
    }
}

/// `load.cypher`: every table created, then filled from its file.
fn script(out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "// actorgraph: the tables of this folder for Kùzu; run from this folder, one statement a line."
    )?;
    for table in TABLES {
        writeln!(out, "CREATE {};", table.ddl)?;
    }
    for table in TABLES {
        let name = table
            .ddl
            .split_whitespace()
            .nth(2)
            .and_then(|n| n.split('(').next())
            .unwrap_or_default();
        writeln!(
            out,
            "COPY {name} FROM '{}' (HEADER=true, PARALLEL=false);",
            table.file
        )?;
    }
    out.flush()
}

/// A CSV writer that drops invisible characters from every cell.
struct Rows<'a, W: Write>(&'a mut Writer<W>);

impl<W: Write> Rows<'_, W> {
    fn row<const N: usize>(&mut self, cells: [&str; N]) -> io::Result<()> {
        Ok(self
            .0
            .write_record(cells.map(strip_invisible).iter().map(|c| c.as_bytes()))?)
    }
}

fn entities<W: Write>(part: &str, contents: &dyn Contents, rows: &mut Rows<W>) -> io::Result<()> {
    contents.each_entity(&mut |e| {
        let id = e.id.as_str();
        match part {
            "entities.csv" => {
                let lifetime = e.lifetime.as_ref();
                let start = fields::date(lifetime.and_then(|l| l.start));
                let end = fields::date(lifetime.and_then(|l| l.end));
                let names = &e.names;
                rows.row([
                    id,
                    e.kind.as_str(),
                    e.label(),
                    names.en.as_deref().unwrap_or_default(),
                    names.ar.as_deref().unwrap_or_default(),
                    names.fr.as_deref().unwrap_or_default(),
                    &start,
                    &end,
                    &e.description,
                ])?;
            }
            _ => {
                for (n, alias) in e.aliases.iter().enumerate() {
                    let key = format!("{id}/{}", n + 1);
                    if part == "aliases.csv" {
                        rows.row([&key, &(n + 1).to_string(), alias])?;
                    } else {
                        rows.row([id, &key])?;
                    }
                }
            }
        }
        Ok(())
    })
}

fn sources<W: Write>(contents: &dyn Contents, rows: &mut Rows<W>) -> io::Result<()> {
    for s in contents.sources() {
        rows.row([
            &s.document,
            s.kind.as_str(),
            &s.language,
            &s.sha256,
            &s.description,
        ])?;
    }
    Ok(())
}

/// The rows a relation gives `part` (one of the relation tables).
fn relation_rows<W: Write>(part: &str, listed: &Listed<'_>, rows: &mut Rows<W>) -> io::Result<()> {
    let r = listed.relation;
    let id = r.id.as_str();
    let symmetric = fields::boolean(r.kind.is_symmetric());
    match part {
        "relations.csv" => {
            let b = DayBounds::of(r);
            rows.row([
                id,
                r.kind.as_str(),
                symmetric,
                &fields::date(r.start),
                &fields::date(r.end),
                b.start_first.as_deref().unwrap_or_default(),
                b.start_last.as_deref().unwrap_or_default(),
                b.end_first.as_deref().unwrap_or_default(),
                b.end_last.as_deref().unwrap_or_default(),
                fields::boolean(r.negated),
                fields::boolean(r.timeless),
                r.status.as_str(),
                listed.certainty.map_or("", Certainty::as_str),
                r.event().unwrap_or_default(),
                r.summary(),
            ])?;
        }
        "links.csv" => rows.row([
            r.source.as_str(),
            r.target.as_str(),
            id,
            r.kind.as_str(),
            symmetric,
        ])?,
        "roles.csv" => {
            let ends = [("source", &r.source), ("target", &r.target)];
            for (role, who) in ends.into_iter().chain(r.place().map(|p| ("place", p))) {
                rows.row([id, who.as_str(), role, "1"])?;
            }
            for (role, list) in [
                ("claimed_by", r.claimed_by()),
                ("disputed_by", r.disputed_by()),
            ] {
                for (n, who) in list.iter().enumerate() {
                    rows.row([id, who.as_str(), role, &(n + 1).to_string()])?;
                }
            }
        }
        "evidence.csv" | "has_evidence.csv" | "cites.csv" => {
            for (n, span) in r.evidence().iter().enumerate() {
                let key = fields::evidence_key(r, n);
                match part {
                    "evidence.csv" => rows.row([
                        &key,
                        &(n + 1).to_string(),
                        &span.document,
                        &span.start_byte().to_string(),
                        &span.end_byte().to_string(),
                        &span.row().map(|r| r.to_string()).unwrap_or_default(),
                    ])?,
                    "has_evidence.csv" => rows.row([id, &key])?,
                    _ => rows.row([&key, &span.document])?,
                }
            }
        }
        _ => casualties(part, r, rows)?,
    }
    Ok(())
}

/// The rows of `casualties.csv`, `has_casualties.csv` or `side.csv` for one relation.
fn casualties<W: Write>(part: &str, r: &Relation, rows: &mut Rows<W>) -> io::Result<()> {
    let id = r.id.as_str();
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    for (n, toll) in r.casualties().iter().enumerate() {
        let key = format!("{id}/{}", n + 1);
        match part {
            "casualties.csv" => {
                rows.row([
                    &key,
                    &(n + 1).to_string(),
                    &toll.who,
                    toll.outcome.as_str(),
                    &number(toll.min),
                    &number(toll.max),
                ])?;
            }
            "has_casualties.csv" => rows.row([id, &key])?,
            _ => {
                if let Some(side) = &toll.side {
                    rows.row([&key, side.as_str()])?;
                }
            }
        }
    }
    Ok(())
}
