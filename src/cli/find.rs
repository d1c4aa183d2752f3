//! `actorgraph find`: the entities a name matches, best first.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use rayon::prelude::*;
use serde::Serialize;

use super::args::Global;
use super::error::{CliError, NoResult};
use super::output::{self, Table, word};
use super::{load_graph, scoped};
use actorgraph::cache;
use actorgraph::i18n::Term;
use actorgraph::names::{NameError, NameMatch};
use actorgraph::{Entity, EntityKind, Names};

#[derive(Serialize)]
struct FindJson<'a> {
    id: &'a str,
    kind: EntityKind,
    names: &'a Names,
    aliases: &'a [String],
    score: f64,
}

/// Lists the entities with a name holding `text` ([`actorgraph::names::NameIndex::search`]);
/// when none does, fails (exit 1) with the names nearest by spelling and a pointer to `list`,
/// never back to `find`.
///
/// From an up-to-date cache, only the entities `text` reaches are read, found through the
/// cache's sorted name keys by the one matcher, with their matches
/// ([`cache::scoped::holding`]), and the table's rows are made from their records read in
/// place; when none is, the suggestions come from the same keys, in the same read.
pub fn run(global: &Global, text: &str) -> Result<ExitCode, CliError> {
    let read = |dir: &Path| cache::scoped::holding(dir, text).map(Some);
    match scoped(global, read) {
        Some(Err(unknown)) => return Err(nothing_found(text, unknown)),
        // A record that fails its checks on this reading, before anything is printed: the
        // whole graph answers (its load reports the cache and rebuilds it).
        Some(Ok(found)) if print_found(global, &found).is_some() => {}
        _ => {
            let graph = load_graph(global)?;
            let found = graph.names().search(text);
            if found.is_empty() {
                let error = graph.resolve(text).err().unwrap_or(NameError::Unknown {
                    query: text.to_owned(),
                    suggestions: graph.names().suggest(text, 3),
                });
                return Err(nothing_found(text, error));
            }
            let entity = |m: &NameMatch| graph.entity(m.entity);
            if global.json {
                json(found.iter().map(|m| (entity(m), m.score)))?;
            } else {
                let lang = output::layout().lang;
                let rows = (found.iter()).map(|m| Row {
                    score: m.score,
                    id: entity(m).id.as_str(),
                    kind: entity(m).kind,
                    name: lang.name_of(entity(m)),
                    matched: &m.matched,
                });
                print_table(&rows.collect::<Vec<_>>())?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints what `find` lists of `found`, read from the cache; `None` when a record read for it
/// fails its checks (then nothing is printed). The rows are made on every core, a part of
/// [`ROWS`] on each, each row's cells made as its record is decoded.
fn print_found(global: &Global, found: &cache::scoped::Found) -> Option<Result<(), CliError>> {
    if global.json {
        let entities = found.entities().ok()?;
        return Some(json(
            entities.iter().map(|(entity, score)| (entity, *score)),
        ));
    }
    let lang = output::layout().lang;
    let rows = found.rows().ok()?;
    let parts = (0..rows.len().div_ceil(ROWS))
        .into_par_iter()
        .map(|part| {
            let (mut score, mut table) = (ScoreCell::default(), Table::default());
            for i in part * ROWS..((part + 1) * ROWS).min(rows.len()) {
                let row = rows.row(i)?;
                let row = Row {
                    score: row.score,
                    id: row.entity.id,
                    kind: row.entity.kind,
                    name: lang.name_among(row.entity.names, row.entity.id),
                    matched: row.matched,
                };
                table.row(cells(&row, &mut score));
            }
            Ok(table)
        })
        .collect::<Result<Vec<Table>, cache::CacheError>>()
        .ok()?;
    Some(print_parts(&parts))
}

/// A score as `find` prints it: to two decimals.
fn round(score: f64) -> f64 {
    (score * 100.0).round() / 100.0
}

/// Prints the entities found, best first, each with its score, as JSON.
fn json<'a>(found: impl Iterator<Item = (&'a Entity, f64)>) -> Result<(), CliError> {
    let rows: Vec<FindJson> = found
        .map(|(e, score)| FindJson {
            id: e.id.as_str(),
            kind: e.kind,
            names: &e.names,
            aliases: &e.aliases,
            score: round(score),
        })
        .collect();
    Ok(output::json(&rows)?)
}

/// One row of `find`'s table: an entity found, its score, and the name it matched by.
struct Row<'a> {
    score: f64,
    id: &'a str,
    kind: EntityKind,
    /// Its name in the output language ([`actorgraph::export::Lang::name_of`]).
    name: &'a str,
    matched: &'a str,
}

/// How many rows of the table are made at once, on one core.
const ROWS: usize = 1024;

/// How many parts of [`ROWS`] rows are written out on every core before they are written.
const PARTS: usize = 16;

/// The table's header, its ids kept whole.
fn header() -> Table {
    let header = [
        Term::Score,
        Term::Id,
        Term::KindHeader,
        Term::Name,
        Term::Matched,
    ]
    .map(word);
    Table::new(&header).keep_whole(1)
}

/// Prints the table of `rows`, made in parts ([`print_parts`]).
fn print_table(rows: &[Row]) -> Result<(), CliError> {
    let parts: Vec<Table> = (rows.par_chunks(ROWS))
        .map(|part| {
            let (mut score, mut table) = (ScoreCell::default(), Table::default());
            for row in part {
                table.row(cells(row, &mut score));
            }
            table
        })
        .collect();
    print_parts(&parts)
}

/// Prints the table of the rows of `parts`, in order, under the header: the columns
/// measured from the parts' cells, then the parts written out in columns fitted to them,
/// [`PARTS`] at a time on every core, so that the table's lines are never held whole (the
/// most frequent word of a graph of a million entities lists 330k, 50 MB).
fn print_parts(parts: &[Table]) -> Result<(), CliError> {
    let head = header();
    let mut natural = Vec::new();
    head.widen(&mut natural);
    for part in parts {
        part.widen(&mut natural);
    }
    let widths = head.fit(&natural);
    let mut lines = output::Lines::stdout();
    lines.push_str(&head.render_fitted(&widths))?;
    for some in parts.chunks(PARTS) {
        let texts: Vec<String> = (some.par_iter())
            .map(|part| part.render_fitted(&widths))
            .collect();
        for text in &texts {
            lines.push_str(text)?;
        }
    }
    lines.finish()?;
    Ok(())
}

/// A score as its cell shows it, written again only when it changes (the rows come by
/// score, thousands to a score).
#[derive(Default)]
struct ScoreCell {
    /// The bits of the score written, rounded (so that -0.0 is not taken for 0.0).
    bits: Option<u64>,
    text: String,
}

impl ScoreCell {
    /// The cell of `score`.
    fn of(&mut self, score: f64) -> &str {
        let score = round(score);
        if self.bits != Some(score.to_bits()) {
            self.text.clear();
            // Writing to a string does not fail.
            let _ = write!(self.text, "{score:.2}");
            self.bits = Some(score.to_bits());
        }
        &self.text
    }
}

/// The cells of `row`, its score's written in `score`.
fn cells<'r>(row: &'r Row<'_>, score: &'r mut ScoreCell) -> [&'r str; 5] {
    [
        score.of(row.score),
        row.id,
        word(Term::EntityKind(row.kind)),
        row.name,
        row.matched,
    ]
}

/// Why `find` found nothing, from the error of resolving `text`: too long, or no name holds
/// it, with the names nearest by spelling, if any, and how to see every name.
fn nothing_found(text: &str, error: NameError) -> CliError {
    let NameError::Unknown { suggestions, .. } = error else {
        return error.into();
    };
    NoResult::NoName {
        text: text.to_owned(),
        suggestions,
    }
    .into()
}
