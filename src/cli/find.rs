//! `actorgraph find`: the entities a name matches, best first.

use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::CliError;
use super::output::{self, Table};
use std::path::Path;

use super::{leak, load_graph, scoped};
use actorgraph::cache;
use actorgraph::{EntityKind, Names};

#[derive(Serialize)]
struct FindJson<'a> {
    id: &'a str,
    kind: EntityKind,
    names: &'a Names,
    aliases: &'a [String],
    score: f64,
}

/// Lists matches for `text`; when none match, fails like any unknown name (with suggestions).
///
/// From an up-to-date cache, only the entities `text` matches are read, found through the
/// cache's sorted name keys by the one matcher ([`cache::scoped::named`]); when none matches,
/// the suggestions come from the same keys ([`cache::scoped::unknown`]).
pub fn run(global: &Global, text: &str) -> Result<ExitCode, CliError> {
    let read = |dir: &Path| match cache::scoped::named(dir, text)? {
        Some(graph) => Ok(Some(Ok(graph))),
        None => cache::scoped::unknown(dir, text).map(|e| Some(Err(e))),
    };
    let graph = match scoped(global, read) {
        Some(Ok(graph)) => leak(graph),
        Some(Err(unknown)) => return Err(unknown.into()),
        None => load_graph(global)?,
    };
    let found = graph.names().find(text);
    if found.is_empty() {
        return Err(graph.resolve(text).err().map_or_else(
            || CliError::NoResult(format!("nothing matches {text:?}")),
            CliError::from,
        ));
    }
    let round = |score: f64| (score * 100.0).round() / 100.0;
    if global.json {
        let rows: Vec<FindJson> = found
            .iter()
            .map(|m| {
                let e = graph.entity(m.entity);
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
        let mut table = Table::new(&["SCORE", "ID", "KIND", "NAME", "MATCHED"]);
        for m in &found {
            let e = graph.entity(m.entity);
            table.row(vec![
                format!("{:.2}", round(m.score)),
                e.id.to_string(),
                e.kind.to_string(),
                e.display_name().to_owned(),
                m.matched.clone(),
            ]);
        }
        output::text(&table.render())?;
    }
    Ok(ExitCode::SUCCESS)
}
