//! `actorgraph blocs`: the groups of actors that stood together on a date.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::args::{Global, Time};
use super::error::CliError;
use super::output::{self, Table, terminal};
use super::render::{certainty_label, entity_ids, kind_label};
use super::{load_graph, network_filter};
use actorgraph::RelationKind;
use actorgraph::network::{self, Bloc};
use actorgraph::query::{ALLY_KINDS, Certainty};

#[derive(Serialize)]
struct BlocJson<'a> {
    members: Vec<&'a str>,
    certain: bool,
    relations: Vec<TieJson<'a>>,
}

#[derive(Serialize)]
struct TieJson<'a> {
    id: &'a str,
    kind: RelationKind,
    source: &'a str,
    target: &'a str,
    certainty: Option<Certainty>,
}

/// Prints the blocs of the relations of `kinds` (default alliance and support) that held at
/// the time asked about.
pub fn run(global: &Global, time: &Time, kinds: &[RelationKind]) -> Result<ExitCode, CliError> {
    let filter = network_filter("blocs", time, kinds, &ALLY_KINDS)?;
    let graph = load_graph(global)?;
    let blocs = network::blocs(graph, &filter);
    if global.json {
        let rows: Vec<BlocJson> = blocs
            .iter()
            .map(|bloc| BlocJson {
                members: entity_ids(graph, &bloc.members),
                certain: bloc.certain,
                relations: bloc
                    .ties
                    .iter()
                    .map(|tie| {
                        let r = graph.relation(tie.relation);
                        TieJson {
                            id: r.id.as_str(),
                            kind: r.kind,
                            source: r.source.as_str(),
                            target: r.target.as_str(),
                            certainty: tie.certainty,
                        }
                    })
                    .collect(),
            })
            .collect();
        output::json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = format!("{} bloc(s)\n", blocs.len());
    for (n, bloc) in blocs.iter().enumerate() {
        text.push_str(&bloc_text(graph, n + 1, bloc));
    }
    output::text(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// A bloc's heading (members, and whether it certainly stood) and the table of its ties.
fn bloc_text(graph: &actorgraph::Graph, n: usize, bloc: &Bloc) -> String {
    let members: Vec<String> = bloc
        .members
        .iter()
        .map(|&m| terminal(graph.entity(m).label()))
        .collect();
    let standing = if bloc.certain {
        "certainly together"
    } else {
        "possibly together"
    };
    let mut text = String::new();
    writeln!(
        text,
        "\nbloc {n}: {} actors, {standing}: {}",
        bloc.members.len(),
        members.join(", ")
    )
    .ok();
    let mut table = Table::new(&["CERTAINTY", "DATES", "RELATION", "BETWEEN", "ID"]);
    for tie in &bloc.ties {
        let r = graph.relation(tie.relation);
        let (s, t) = graph.ends(tie.relation);
        table.row(vec![
            certainty_label(tie.certainty),
            r.dates(),
            kind_label(r, None),
            format!("{} — {}", graph.entity(s).label(), graph.entity(t).label()),
            r.id.to_string(),
        ]);
    }
    text.push_str(&table.render());
    text
}
