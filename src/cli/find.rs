//! `actorgraph find`: the entities a name matches, best first.

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::{CliError, NoResult};
use super::output::{self, Table, word};
use super::{load_graph, scoped};
use actorgraph::cache;
use actorgraph::i18n::Term;
use actorgraph::names::NameError;
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
/// ([`cache::scoped::holding`]); when none is, the suggestions come from the same keys, in
/// the same read.
pub fn run(global: &Global, text: &str) -> Result<ExitCode, CliError> {
    let read = |dir: &Path| cache::scoped::holding(dir, text).map(Some);
    // The entities, by the matches' `entity`; those read from the cache are left to the
    // end of the process, as a loaded graph is.
    let (entities, found): (&[Entity], _) = match scoped(global, read) {
        Some(Ok((entities, found))) => (Vec::leak(entities), found),
        Some(Err(unknown)) => return Err(nothing_found(text, unknown)),
        None => {
            let graph = load_graph(global)?;
            let found = graph.names().search(text);
            if found.is_empty() {
                let error = graph.resolve(text).err().unwrap_or(NameError::Unknown {
                    query: text.to_owned(),
                    suggestions: graph.names().suggest(text, 3),
                });
                return Err(nothing_found(text, error));
            }
            (graph.entities(), found)
        }
    };
    let round = |score: f64| (score * 100.0).round() / 100.0;
    if global.json {
        let rows: Vec<FindJson> = found
            .iter()
            .map(|m| {
                let e = &entities[m.entity.index()];
                FindJson {
                    id: e.id.as_str(),
                    kind: e.kind,
                    names: &e.names,
                    aliases: &e.aliases,
                    score: round(m.score),
                }
            })
            .collect();
        output::json(&rows)?;
    } else {
        let header = [
            Term::Score,
            Term::Id,
            Term::KindHeader,
            Term::Name,
            Term::Matched,
        ]
        .map(word);
        let mut table = Table::new(&header).keep_whole(1);
        let lang = output::layout().lang;
        for m in &found {
            let e = &entities[m.entity.index()];
            let score = format!("{:.2}", round(m.score));
            table.row([
                score.as_str(),
                e.id.as_str(),
                word(Term::EntityKind(e.kind)),
                lang.name_of(e),
                &m.matched,
            ]);
        }
        let mut lines = output::Lines::stdout();
        table.render_to(&mut lines)?;
        lines.finish()?;
    }
    Ok(ExitCode::SUCCESS)
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
