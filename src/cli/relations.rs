//! `actorgraph relations`: relations filtered by actor, kind, status and time.

use std::process::ExitCode;

use super::args::Global;
use super::error::CliError;
use super::output;
use super::render::{record_table_row, relation_table, relation_table_header};
use super::{load_graph, load_graph_for, resolve_actors, scoped, text_detail};
use actorgraph::cache;
use actorgraph::query::{self, Filter};
use actorgraph::view::RelationView;

/// Prints the relations of the actors named by `with` (none, one or two) that `filter` admits.
///
/// From an up-to-date cache, the table of one actor's relations is made from their records'
/// heads, without a graph ([`cache::rows::answer`]); otherwise, or for JSON, two actors or a
/// name that is not one entity's, from the scoped graph ([`load_graph_for`]).
pub fn run(global: &Global, with: &[String], filter: &Filter) -> Result<ExitCode, CliError> {
    let names: Vec<&str> = with.iter().map(String::as_str).collect();
    if let [name] = names[..]
        && !global.json
        && let Some(mut rows) = scoped(global, |dir| {
            cache::rows::answer(dir, name, filter, cache::Detail::Table)
        })
    {
        let timed = filter.period.is_some();
        // A hub's rows are made on every core, in runs appended in order.
        let label = |name: &str| name.to_owned();
        let read = rows.chunks(1024, output::layout().lang, label, |rows| {
            let mut part = output::Table::default();
            for row in rows {
                record_table_row(&mut part, row, timed);
            }
            part
        });
        // A damaged block met on the way: the whole load reports it and rebuilds the cache.
        if let Ok(parts) = read {
            let mut table = relation_table_header(timed);
            table.append(parts);
            // A hub's table is megabytes: written as it is laid out, as `text` would write it.
            let mut lines = output::Lines::stdout();
            writeln!(lines, "{} relation(s)", rows.len())?;
            table.render_to(&mut lines)?;
            lines.finish()?;
            return Ok(ExitCode::SUCCESS);
        }
    }
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
