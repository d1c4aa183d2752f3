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
        && let Some(holding) = scoped(global, |dir| cache::dated::holding(dir, filter))
        && let Some((widths, mut labels)) = table_widths(&holding)
    {
        let rows = &holding.rows;
        let certain = (rows.picks().iter())
            .filter(|pick| pick.certainty == Some(Certainty::Certain))
            .count();
        let mut lines = output::Lines::stdout();
        header(&mut lines, rows.len(), holding.entities, certain)?;
        let table = relation_table_header(true);
        lines.push_str(&table.render_fitted(&widths))?;
        let part = |rows: &[cache::rows::Row]| {
            table_part(output::Table::fitted(widths.clone()), rows).into_text()
        };
        rows.each(&mut labels, rows.picks(), ROWS, part, |part| {
            lines.push_str(&part).map_err(CliError::from)
        })?;
        lines.finish()?;
        return Ok(ExitCode::SUCCESS);
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

/// How many rows of a snapshot's table are made at a time, on every core.
const ROWS: usize = 1024;

/// The widths of the columns of the table of the rows `holding` reads, fitted to the layout,
/// and the labels the rows name: every row is read once, made and measured, before any is
/// written (a damaged block met on the way gives `None`: the whole load reports it and
/// rebuilds the cache).
fn table_widths(
    holding: &cache::dated::Holding,
) -> Option<(Vec<usize>, cache::labels::Labels<'_>)> {
    let rows = &holding.rows;
    let table = relation_table_header(true);
    let mut natural = Vec::new();
    table.widen(&mut natural);
    let mut labels = rows.labels(output::layout().lang, &str::to_owned).ok()?;
    let measure = |rows: &[cache::rows::Row]| table_part(output::Table::measuring(), rows);
    let read = rows.each(&mut labels, rows.picks(), ROWS, measure, |part| {
        part.widen(&mut natural);
        Ok::<(), cache::CacheError>(())
    });
    read.ok().map(|()| (table.fit(&natural), labels))
}

/// `part` (a table of no header that measures its rows, or writes them fitted) with the rows
/// of a snapshot's table that hold `rows`.
fn table_part(mut part: output::Table, rows: &[cache::rows::Row]) -> output::Table {
    for row in rows {
        record_table_row(&mut part, row, true);
    }
    part
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
