//! `actorgraph snapshot`: the graph as it stood on a day or through a period.

use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::{CliError, Missing};
use super::output;
use super::render::relation_table;
use super::{leak, load_graph, scoped, text_detail};
use actorgraph::cache;
use actorgraph::query::{self, Certainty, Filter};
use actorgraph::view::{EntityView, RelationView};

#[derive(Serialize)]
struct SnapshotJson<'a> {
    entities: Vec<EntityView<'a>>,
    relations: Vec<RelationView<'a>>,
}

/// Prints the graph as `filter` (with its period) sees it.
pub fn run(global: &Global, filter: &Filter) -> Result<ExitCode, CliError> {
    if filter.period.is_none() {
        return Err(Missing::Date {
            command: "snapshot".to_owned(),
        }
        .into());
    }
    // From an up-to-date cache, only the relations that hold in the period are read, and for
    // the table only what its rows print of them.
    let detail = text_detail(global, cache::Detail::Table);
    let graph = match scoped(global, |dir| cache::dated::snapshot(dir, filter, detail)) {
        Some(graph) => leak(graph),
        None => load_graph(global)?,
    };
    let snap = query::snapshot(graph, filter);
    if global.json {
        output::json(&SnapshotJson {
            entities: snap
                .entities
                .iter()
                .map(|&e| graph.entity(e).into())
                .collect(),
            relations: snap
                .relations
                .iter()
                .map(|f| RelationView::new(graph.relation(f.relation), f.certainty))
                .collect(),
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let certain = snap
        .relations
        .iter()
        .filter(|f| f.certainty == Some(Certainty::Certain))
        .count();
    let mut text = format!(
        "{} relation(s) among {} entities ({certain} certain, {} possible)\n",
        snap.relations.len(),
        snap.entities.len(),
        snap.relations.len() - certain
    );
    let rows = snap
        .relations
        .iter()
        .map(|f| (graph.relation(f.relation), f.certainty));
    text.push_str(&relation_table(graph, rows, true));
    output::text(&text)?;
    Ok(ExitCode::SUCCESS)
}
