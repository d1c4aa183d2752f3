//! `actorgraph snapshot`: the graph as it stood on a day or through a period.

use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::{CliError, Missing};
use super::output;
use super::render::{record_table_row, relation_table, relation_table_header};
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
///
/// From an up-to-date cache, the table is made from the records' heads of the relations that
/// hold, without a graph ([`cache::dated::holding`]); otherwise, or for JSON, from the graph
/// of those relations ([`cache::dated::snapshot`]) or the whole graph.
pub fn run(global: &Global, filter: &Filter) -> Result<ExitCode, CliError> {
    if filter.period.is_none() {
        return Err(Missing::Date {
            command: "snapshot".to_owned(),
        }
        .into());
    }
    if !global.json
        && let Some(mut holding) = scoped(global, |dir| cache::dated::holding(dir, filter))
    {
        let label = |name: &str| name.to_owned();
        let read = holding
            .rows
            .chunks(1024, output::layout().lang, label, |rows| {
                let mut part = output::Table::default();
                let certain = rows
                    .iter()
                    .filter(|row| row.certainty == Some(Certainty::Certain));
                for row in rows {
                    record_table_row(&mut part, row, true);
                }
                (part, certain.count())
            });
        // A damaged block met on the way: the whole load reports it and rebuilds the cache.
        if let Ok(parts) = read {
            let certain = parts.iter().map(|(_, n)| n).sum();
            let mut table = relation_table_header(true);
            table.append(parts.into_iter().map(|(part, _)| part).collect());
            let mut lines = output::Lines::stdout();
            let (relations, entities) = (holding.rows.len(), holding.entities);
            header(&mut lines, relations, entities, certain)?;
            table.render_to(&mut lines)?;
            lines.finish()?;
            return Ok(ExitCode::SUCCESS);
        }
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
    let rows = snap
        .relations
        .iter()
        .map(|f| (graph.relation(f.relation), f.certainty));
    let mut lines = output::Lines::stdout();
    header(
        &mut lines,
        snap.relations.len(),
        snap.entities.len(),
        certain,
    )?;
    lines.push_str(&relation_table(graph, rows, true))?;
    lines.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the line above a snapshot's table: how many `relations` among how many `entities`,
/// how many of them `certain`.
fn header(
    lines: &mut output::Lines,
    relations: usize,
    entities: usize,
    certain: usize,
) -> std::io::Result<()> {
    writeln!(
        lines,
        "{relations} relation(s) among {entities} entities ({certain} certain, {} possible)",
        relations - certain
    )
}
