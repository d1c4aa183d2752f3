//! `actorgraph find`: the entities a name matches, best first.

use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::CliError;
use super::load_graph;
use super::output::{self, Table, word};
use actorgraph::i18n::Term;
use actorgraph::{EntityKind, Graph, Names};

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
pub fn run(global: &Global, text: &str) -> Result<ExitCode, CliError> {
    let graph = load_graph(global)?;
    if actorgraph::names::too_long(text) {
        return Err(graph.resolve(text).err().map_or_else(
            || CliError::NoResult(format!("nothing matches {text:?}")),
            CliError::from,
        ));
    }
    let found = graph.names().search(text);
    if found.is_empty() {
        return Err(CliError::NoResult(nothing_found(graph, text)));
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
        let header = [
            Term::Score,
            Term::Id,
            Term::KindHeader,
            Term::Name,
            Term::Matched,
        ]
        .map(word);
        let mut table = Table::new(&header).keep_whole(1);
        for m in &found {
            let e = graph.entity(m.entity);
            table.row(vec![
                format!("{:.2}", round(m.score)),
                e.id.to_string(),
                word(Term::EntityKind(e.kind)).to_owned(),
                output::layout().lang.name_of(e).to_owned(),
                m.matched.clone(),
            ]);
        }
        output::text(&table.render())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Why `find` found nothing: no name holds `text`; the names nearest by spelling, if any, and
/// how to see every name.
fn nothing_found(graph: &Graph, text: &str) -> String {
    let near = graph.names().suggest(text, 3);
    let mut message = format!("no name holds {text:?}, in any spelling");
    if !near.is_empty() {
        message.push_str(&format!("; the nearest by spelling: {}", near.join(", ")));
    }
    message.push_str(
        "; `actorgraph list` lists every entity (`--kind K` those of a kind), with their names",
    );
    message
}
