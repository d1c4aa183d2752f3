//! `actorgraph timeline`: everything involving an actor or a pair, in date order.

use std::fmt::Write as _;
use std::process::ExitCode;

use super::args::Global;
use super::error::CliError;
use super::output::{self, terminal};
use super::render::{entity_label, label, sentence, status_label};
use super::{load_graph_for, resolve_actors};
use actorgraph::query::{self, Filter};
use actorgraph::view::RelationView;

/// Prints everything involving `name` (or the pair `name`, `with`) in date order.
pub fn run(
    global: &Global,
    name: &str,
    with: Option<&str>,
    filter: &Filter,
) -> Result<ExitCode, CliError> {
    let names: Vec<&str> = std::iter::once(name).chain(with).collect();
    let graph = load_graph_for(global, &names, filter)?;
    let actors = resolve_actors(graph, &names)?;
    let found = query::relations(graph, &actors, filter);
    if global.json {
        let rows: Vec<RelationView> = found
            .iter()
            .map(|f| RelationView::new(graph.relation(f.relation), None))
            .collect();
        output::json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let names: Vec<String> = actors
        .iter()
        .map(|&a| terminal(entity_label(graph.entity(a))))
        .collect();
    let mut text = format!(
        "timeline of {}: {} relation(s)\n",
        names.join(" and "),
        found.len()
    );
    for f in &found {
        let relation = graph.relation(f.relation);
        writeln!(
            text,
            "\n{}  {}",
            relation.dates(),
            sentence(graph, relation)
        )
        .ok();
        let mut notes = vec![status_label(relation)];
        if let Some(event) = &relation.event {
            notes.push(terminal(event));
        }
        if let Some(place) = &relation.place {
            notes.push(format!("at {}", terminal(label(graph, place))));
        }
        writeln!(text, "    [{}] {}", notes.join("; "), relation.id).ok();
        writeln!(text, "    {}", terminal(&relation.summary)).ok();
    }
    output::text(&text)?;
    Ok(ExitCode::SUCCESS)
}
