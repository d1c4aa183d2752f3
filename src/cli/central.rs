//! `actorgraph central`: who was central on a date.

use std::process::ExitCode;

use serde::Serialize;

use super::args::{Global, Time};
use super::error::CliError;
use super::output::{self, Table, word};
use super::render::entity_label;
use super::{load_graph, network_filter};
use actorgraph::RelationKind;
use actorgraph::i18n::Term;
use actorgraph::network::{self, Measure};

/// The relations between actors that count by default: alliances and enmities, and the
/// ceasefires, talks and agreements between them (not control of places, membership or
/// leadership, which would make towns and leaders central by construction).
const ACTOR_KINDS: [RelationKind; 7] = [
    RelationKind::Alliance,
    RelationKind::Support,
    RelationKind::Conflict,
    RelationKind::Attack,
    RelationKind::Ceasefire,
    RelationKind::Negotiation,
    RelationKind::Agreement,
];

#[derive(Serialize)]
struct ScoreJson<'a> {
    id: &'a str,
    name: &'a str,
    measure: &'static str,
    score: f64,
}

/// Prints the `top` actors by `measure` over the relations of `kinds` at the time asked about.
pub fn run(
    global: &Global,
    time: &Time,
    measure: Measure,
    top: usize,
    kinds: &[RelationKind],
) -> Result<ExitCode, CliError> {
    let filter = network_filter("central", time, kinds, &ACTOR_KINDS)?;
    let graph = load_graph(global)?;
    let scores = network::centrality(graph, &filter, measure);
    let shown = &scores[..scores.len().min(top)];
    // Six decimals: enough to rank, and the same bytes on every machine.
    let round = |score: f64| (score * 1e6).round() / 1e6;
    if global.json {
        let rows: Vec<ScoreJson> = shown
            .iter()
            .map(|s| ScoreJson {
                id: graph.entity(s.entity).id.as_str(),
                name: graph.entity(s.entity).label(),
                measure: measure.as_str(),
                score: round(s.score),
            })
            .collect();
        output::json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let header = [
        word(Term::Rank),
        measure.as_str(),
        word(Term::Actor),
        word(Term::Id),
    ];
    let mut table = Table::new(&header).keep_whole(3);
    for (rank, s) in shown.iter().enumerate() {
        let value = match measure {
            Measure::Degree => format!("{}", s.score),
            _ => format!("{:.4}", round(s.score)),
        };
        let entity = graph.entity(s.entity);
        table.row(vec![
            (rank + 1).to_string(),
            value,
            entity_label(entity).to_owned(),
            entity.id.to_string(),
        ]);
    }
    let head = format!(
        "{} of {} actor(s) by {measure}\n",
        shown.len(),
        scores.len()
    );
    output::text(&(head + &table.render()))?;
    Ok(ExitCode::SUCCESS)
}
