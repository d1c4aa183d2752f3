//! `actorgraph relations`: relations filtered by actor, kind, status and time.

use std::process::ExitCode;

use super::args::Global;
use super::error::CliError;
use super::output;
use super::render::relation_table;
use super::{load_graph, load_graph_for, resolve_actors, text_detail};
use actorgraph::cache;
use actorgraph::query::{self, Filter};
use actorgraph::view::RelationView;

/// Prints the relations of the actors named by `with` (none, one or two) that `filter` admits.
pub fn run(global: &Global, with: &[String], filter: &Filter) -> Result<ExitCode, CliError> {
    let names: Vec<&str> = with.iter().map(String::as_str).collect();
    let graph = if names.is_empty() {
        load_graph(global)?
    } else {
        load_graph_for(
            global,
            &names,
            filter,
            text_detail(global, cache::Detail::Table),
        )?
    };
    let with = resolve_actors(graph, &names)?;
    let found = query::relations(graph, &with, filter);
    if global.json {
        let rows: Vec<RelationView> = found
            .iter()
            .map(|f| RelationView::new(graph.relation(f.relation), f.certainty))
            .collect();
        output::json(&rows)?;
    } else {
        let rows = found
            .iter()
            .map(|f| (graph.relation(f.relation), f.certainty));
        let mut text = format!("{} relation(s)\n", found.len());
        text.push_str(&relation_table(graph, rows, filter.period.is_some()));
        output::text(&text)?;
    }
    Ok(ExitCode::SUCCESS)
}
