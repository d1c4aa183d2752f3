//! Importing event tables (UCDP GED, ACLED, any CSV through a mapping) into a graph: each row
//! becomes a dated relation between two actors, with the row itself as its evidence (a
//! source of kind `table`: the file's name and sha256, the row's number and byte span), so
//! `show --sources DIR` quotes the row.
//!
//! Actors are matched by name: first against the graph's own entities through the name index
//! (an exact match of a name or alias, up to case, accents, Arabic letter forms and the
//! article), then against the actors of earlier rows by the same matching key, so spelling
//! variants of one actor become aliases of one entity. New entities get ids proposed from
//! their names.
//!
//! A row that cannot be read (a missing or malformed date, an unknown precision code, a
//! missing actor, a bad number) is a problem located at its file, line and column, like every
//! problem `check` reports; a row the mapping has no relation for (an ACLED protest with one
//! actor) is a warning and is left out.

pub mod acled;
pub mod custom;
pub mod dates;
pub mod table;
pub mod ucdp;

use std::collections::HashMap;

use crate::edit::{Elements, slug};
use crate::graph::Graph;
use crate::load::Code;
use crate::load::Problem;
use crate::model::{
    Account, Casualties, Entity, EntityId, EntityKind, Evidence, Names, Particulars, Relation,
    RelationId, RelationKind, Source, SourceKind, Stated, Status, UncertainDate,
};
use crate::names;
pub use table::{Row, Table, TableError};

/// How a table's rows become relations.
#[derive(Debug, Clone)]
pub enum Mapping {
    /// The UCDP Georeferenced Event Dataset's columns ([`ucdp`]).
    Ucdp,
    /// ACLED's columns ([`acled`]).
    Acled,
    /// Columns named in a mapping file ([`custom`]).
    Custom(Box<custom::CustomMapping>),
}

impl Mapping {
    /// The name the command line gives it.
    pub fn name(&self) -> &str {
        match self {
            Mapping::Ucdp => "ucdp",
            Mapping::Acled => "acled",
            Mapping::Custom(_) => "custom",
        }
    }

    /// The columns a table must have.
    pub fn required(&self) -> Vec<String> {
        match self {
            Mapping::Ucdp => ucdp::REQUIRED.iter().map(|c| (*c).to_owned()).collect(),
            Mapping::Acled => acled::REQUIRED.iter().map(|c| (*c).to_owned()).collect(),
            Mapping::Custom(m) => m.required(),
        }
    }

    fn event(&self, row: &Fields) -> Result<Option<Event>, FieldError> {
        match self {
            Mapping::Ucdp => ucdp::event(row),
            Mapping::Acled => acled::event(row),
            Mapping::Custom(m) => m.event(row),
        }
    }

    fn describe(&self, table: &Table) -> String {
        let what = match self {
            Mapping::Ucdp => "UCDP Georeferenced Event Dataset (GED) table",
            Mapping::Acled => "ACLED event table",
            Mapping::Custom(_) => "event table",
        };
        format!(
            "{what} {}, {} data rows, imported with `actorgraph import csv --map {}`.",
            table.name,
            table.rows.len(),
            self.name()
        )
    }

    fn language(&self) -> String {
        match self {
            Mapping::Custom(m) => m.language.clone(),
            _ => "en".to_owned(),
        }
    }
}

/// One actor a row names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The name as written.
    pub name: String,
    /// Other names it is written under in the same field (ACLED's `MNLA: National Movement
    /// for the Liberation of Azawad` is also `MNLA` and the full name), matched like the name.
    pub also: Vec<String>,
    /// What kind of entity a new one is.
    pub kind: EntityKind,
}

impl Actor {
    /// An actor known by `name` only.
    pub fn named(name: &str, kind: EntityKind) -> Actor {
        Actor {
            name: name.to_owned(),
            also: Vec::new(),
            kind,
        }
    }

    /// Every name of the actor, the name as written first.
    fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.also.iter().map(String::as_str))
    }
}

/// What a row says happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The relation id the row proposes (made unique on import).
    pub id: String,
    /// The relation kind.
    pub kind: RelationKind,
    /// The first actor (the attacker of an attack).
    pub source: Actor,
    /// The second actor.
    pub target: Actor,
    /// When it began.
    pub start: Option<UncertainDate>,
    /// When it ended, for a kind that lasts.
    pub end: Option<UncertainDate>,
    /// Its tolls.
    pub casualties: Vec<Casualties>,
    /// The row in words.
    pub summary: String,
}

/// A row's fields by column name.
pub struct Fields<'a> {
    table: &'a Table,
    row: &'a Row,
}

impl<'a> Fields<'a> {
    /// The field of `column`, trimmed; empty when the table has no such column.
    pub fn get(&self, column: &str) -> &'a str {
        self.table
            .column(column)
            .and_then(|i| self.row.fields.get(i))
            .map_or("", |f| f.trim())
    }

    /// The row's 1-based number among the data rows.
    pub fn number_of_row(&self) -> u64 {
        self.row.number
    }

    /// The table's file name without its extension.
    pub fn table_stem(&self) -> &'a str {
        let name = self.table.name.as_str();
        name.rsplit_once('.').map_or(name, |(stem, _)| stem)
    }

    /// The field of `column`, or an error naming it when empty.
    pub fn required(&self, column: &str) -> Result<&'a str, FieldError> {
        match self.get(column) {
            "" => Err(FieldError::new(
                column,
                Code::MissingField,
                format!("{column} is empty"),
            )),
            text => Ok(text),
        }
    }

    /// The whole number in `column`, `None` when empty.
    pub fn number(&self, column: &str) -> Result<Option<u32>, FieldError> {
        match self.get(column) {
            "" => Ok(None),
            text => text
                .parse::<f64>()
                .ok()
                .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX))
                .map(|n| Some(n as u32))
                .ok_or_else(|| {
                    FieldError::new(
                        column,
                        Code::BadNumber,
                        format!("{column} {text:?} is not a whole number of people"),
                    )
                }),
        }
    }

    /// The day in `column` ([`dates::day`]), or an error naming it.
    pub fn day(&self, column: &str) -> Result<crate::model::PartialDate, FieldError> {
        let text = self.required(column)?;
        dates::day(text).ok_or_else(|| {
            FieldError::new(
                column,
                Code::BadDate,
                format!("{column} {text:?} is not a date: expected YYYY-MM-DD or DD Month YYYY"),
            )
        })
    }
}

/// What is wrong with one field of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The column.
    pub column: String,
    /// A kebab-case code for tools.
    pub code: Code,
    /// What is wrong, and what is accepted.
    pub message: String,
}

impl FieldError {
    /// An error in `column`.
    pub fn new(column: &str, code: Code, message: String) -> FieldError {
        FieldError {
            column: column.to_owned(),
            code,
            message,
        }
    }
}

/// What importing a table gave.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The graph's elements with the table's entities, relations and source added.
    pub elements: Elements,
    /// Relations added.
    pub relations: usize,
    /// Entities added.
    pub entities: usize,
    /// Rows left out because they were already imported (same relation id and row).
    pub already: usize,
    /// Every problem of the table: errors for rows that cannot be read, warnings for rows
    /// left out.
    pub problems: Vec<Problem>,
}

impl Imported {
    /// An import that adds nothing to `elements`, for a table refused as a whole.
    fn nothing(elements: Elements, problems: Vec<Problem>) -> Imported {
        Imported {
            elements,
            relations: 0,
            entities: 0,
            already: 0,
            problems,
        }
    }

    /// The number of rows in error.
    pub fn bad_rows(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }
}

/// Imports the rows of `table` into `elements` (whose loaded graph, for name matching, is
/// `graph`) as `mapping` reads them. Rows in error are left out and reported; the caller
/// decides whether to write the rest (`--skip-bad`) or nothing.
pub fn import(graph: &Graph, elements: &Elements, table: &Table, mapping: &Mapping) -> Imported {
    let mut problems = Vec::new();
    let mut out = elements.clone();
    if let Some(refused) =
        missing_columns(table, mapping).or_else(|| register_table(&mut out.sources, table, mapping))
    {
        return Imported::nothing(out, vec![refused]);
    }
    let mut actors = Actors::new(graph, &out);
    let mut relation_ids: HashMap<String, usize> = out
        .relations
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.to_string(), i))
        .collect();
    let document: arcstr::ArcStr = table.name.as_str().into();
    let (mut relations, mut already) = (0, 0);
    for row in &table.rows {
        let fields = Fields { table, row };
        let event = match mapping.event(&fields) {
            Ok(Some(event)) => event,
            Ok(None) => continue,
            Err(e) => {
                problems.push(row_problem(table, row, e));
                continue;
            }
        };
        let (start, end) = (row.span.start as u64, row.span.end as u64);
        let evidence = match Evidence::new(document.clone(), start, end, Some(row.number)) {
            Ok(evidence) => evidence,
            Err(e) => {
                let at = crate::load::Location::at(&table.name, &table.text, row.span.start);
                let problem = Problem::error(Code::TooMany, at, e.to_string());
                problems.push(problem.with_path(format!("row {}", row.number)));
                continue;
            }
        };
        let base = slug::slug(&event.id);
        if let Some(&i) = relation_ids.get(&base)
            && out.relations[i].evidence().contains(&evidence)
        {
            already += 1;
            continue;
        }
        let id = slug::unique(&base, "event", |id| {
            relation_ids.contains_key(id) || actors.ids.contains(id)
        });
        actors.ids.insert(id.clone());
        let source = actors.entity(&mut out, &event.source, table, row);
        let target = actors.entity(&mut out, &event.target, table, row);
        relation_ids.insert(id.clone(), out.relations.len());
        out.relations.push(Relation {
            id: RelationId::from_slug(id),
            kind: event.kind,
            source,
            target,
            start: event.start,
            end: event.end,
            negated: false,
            timeless: false,
            status: Status::Asserted,
            account: Account::new(&event.summary, vec![evidence]),
            particulars: Particulars::new(Stated {
                casualties: event.casualties.into(),
                ..Stated::default()
            }),
        });
        relations += 1;
    }
    Imported {
        entities: out.entities.len() - elements.entities.len(),
        elements: out,
        relations,
        already,
        problems,
    }
}

/// An error naming the columns `mapping` reads that the table's header lacks, if any.
fn missing_columns(table: &Table, mapping: &Mapping) -> Option<Problem> {
    let missing: Vec<String> = mapping
        .required()
        .into_iter()
        .filter(|c| table.column(c).is_none())
        .collect();
    if missing.is_empty() {
        return None;
    }
    Some(Problem::error(
        Code::MissingColumn,
        crate::load::Location::at(&table.name, &table.text, 0),
        format!(
            "the header lacks the column(s) {} that the {} mapping reads",
            missing.join(", "),
            mapping.name()
        ),
    ))
}

/// Lists the table among `sources` unless it is there already; an error if a document of the
/// same name with other bytes is.
fn register_table(sources: &mut Vec<Source>, table: &Table, mapping: &Mapping) -> Option<Problem> {
    match sources.iter().find(|s| s.document == table.name) {
        Some(s) if s.sha256 != table.sha256 => Some(Problem::error(
            Code::Sha256Mismatch,
            crate::load::Location::file(&table.name),
            format!(
                "sources.json already lists a document {} with sha256 {}, and this file's is {}: \
                 rename the new table",
                table.name, s.sha256, table.sha256
            ),
        )),
        Some(_) => None,
        None => {
            sources.push(Source {
                document: table.name.clone(),
                kind: SourceKind::Table,
                language: mapping.language(),
                sha256: table.sha256.clone(),
                description: mapping.describe(table),
            });
            None
        }
    }
}

/// The problem of a row the mapping cannot read, at its cell (or the row when the column is
/// absent): a warning for a row left out on purpose, else an error.
fn row_problem(table: &Table, row: &Row, e: FieldError) -> Problem {
    let at = table.column(&e.column).map_or_else(
        || crate::load::Location::at(&table.name, &table.text, row.span.start),
        |i| table.location(row, i),
    );
    let problem = if e.code == Code::RowLeftOut {
        Problem::warning(e.code, at, e.message)
    } else {
        Problem::error(e.code, at, e.message)
    };
    problem.with_path(format!("row {}.{}", row.number, e.column))
}

/// Actors matched to entities: the graph's, then those new in this import, by matching key.
struct Actors<'g> {
    graph: &'g Graph,
    /// Matching key → position in the elements' entities.
    by_key: HashMap<String, usize>,
    /// Ids in use.
    ids: std::collections::HashSet<String>,
}

impl<'g> Actors<'g> {
    fn new(graph: &'g Graph, elements: &Elements) -> Actors<'g> {
        Actors {
            graph,
            by_key: HashMap::new(),
            ids: elements
                .entities
                .iter()
                .map(|e| e.id.to_string())
                .chain(elements.relations.iter().map(|r| r.id.to_string()))
                .collect(),
        }
    }

    /// The id of the entity `actor` names, adding the entity (or its spellings, as aliases)
    /// to `out` when new.
    fn entity(&mut self, out: &mut Elements, actor: &Actor, table: &Table, row: &Row) -> EntityId {
        let keys: Vec<String> = actor.names().map(names::key).collect();
        if let Some(i) = keys.iter().find_map(|k| self.by_key.get(k).copied()) {
            let entity = &mut out.entities[i];
            for name in actor.names() {
                if !entity.all_names().any(|n| n == name) {
                    entity.aliases.push(name.to_owned());
                }
            }
            let id = entity.id.clone();
            for key in keys {
                self.by_key.entry(key).or_insert(i);
            }
            return id;
        }
        for name in actor.names() {
            let known = self.graph.names().find(name);
            if let [one] = &known[..]
                && one.score >= 0.95
            {
                let id = self.graph.entity(one.entity).id.clone();
                if let Some(i) = out.entities.iter().position(|e| e.id == id) {
                    for key in keys {
                        self.by_key.entry(key).or_insert(i);
                    }
                }
                return id;
            }
        }
        // ACLED's `MNLA: National Movement …` is the entity `mnla` named by its full name.
        let (short, name) = match &actor.also[..] {
            [short, long, ..] => (short.as_str(), long.as_str()),
            _ => (actor.name.as_str(), actor.name.as_str()),
        };
        let id = slug::unique(&slug::slug(short), "actor", |id| self.ids.contains(id));
        self.ids.insert(id.clone());
        for key in keys {
            self.by_key.entry(key).or_insert(out.entities.len());
        }
        let id = EntityId::from_slug(id);
        let arabic = name.chars().any(crate::text::is_arabic);
        out.entities.push(Entity {
            id: id.clone(),
            kind: actor.kind,
            names: Names {
                en: (!arabic).then(|| name.to_owned()),
                ar: arabic.then(|| name.to_owned()),
                fr: None,
            },
            aliases: actor
                .names()
                .filter(|n| *n != name)
                .map(str::to_owned)
                .collect(),
            lifetime: None,
            description: format!(
                "Actor named in the event table {} (first in row {}), imported.",
                table.name, row.number
            ),
        });
        id
    }
}
