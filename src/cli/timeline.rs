//! `actorgraph timeline`: everything involving an actor or a pair, in date order.

use std::fmt::Write;
use std::process::ExitCode;

use rayon::prelude::*;

use super::args::Global;
use super::error::CliError;
use super::output::{self, terminal};
use super::render::{
    entity_label, label, sentence_between, sentence_of, status_label, status_label_of,
};
use super::{load_graph_for, resolve_actors, scoped, text_detail};
use actorgraph::EntityIx;
use actorgraph::cache;
use actorgraph::query::{self, Filter};
use actorgraph::view::RelationView;

/// Prints everything involving `name` (or the pair `name`, `with`) in date order.
pub fn run(
    global: &Global,
    name: &str,
    with: Option<&str>,
    filter: &Filter,
) -> Result<ExitCode, CliError> {
    if with.is_none()
        && !global.json
        && let Some(mut rows) = scoped(global, |dir| {
            cache::rows::answer(dir, name, filter, cache::Detail::Timeline)
        })
    {
        // A hub's tens of thousands of entries are formatted on every core, in chunks
        // printed in order; each end's label is made terminal-safe once.
        let read = rows.chunks(1024, output::layout().lang, terminal, |rows| {
            let mut text = String::new();
            for row in rows {
                let (source, target) = (row.source.label, row.target.label);
                let line = Line {
                    dates: row.dates(),
                    sentence: sentence_of(row.kind, row.negated, source, target),
                    status: status_label_of(row.status, &row.claimed_by, &row.disputed_by),
                    event: row.event,
                    place: row.place.map(|place| place.name),
                    id: row.id,
                    summary: row.summary,
                };
                entry(&mut text, line);
            }
            text
        });
        // A damaged block met on the way: the whole load reports it and rebuilds the cache.
        if let Ok(chunks) = read {
            let entity = rows.entity();
            let name = terminal(entity_label(entity));
            return print(&name, rows.len(), &chunks);
        }
    }
    let names: Vec<&str> = std::iter::once(name).chain(with).collect();
    let graph = load_graph_for(
        global,
        &names,
        filter,
        text_detail(global, cache::Detail::Timeline),
    )?;
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
    // The terminal-safe label of each end, made once however many relations name it, and
    // only for the ends the timeline names (not every entity of a whole graph).
    let mut labels: Vec<Option<String>> = vec![None; graph.entities().len()];
    for f in &found {
        let (source, target) = graph.ends(f.relation);
        for end in [source, target] {
            labels[end.index()].get_or_insert_with(|| terminal(entity_label(graph.entity(end))));
        }
    }
    let label_of = |end: EntityIx| labels[end.index()].as_deref().unwrap_or("");
    // A hub's tens of thousands of entries are formatted on every core, in chunks printed in
    // order.
    let chunks: Vec<String> = found
        .par_chunks(1024)
        .map(|chunk| {
            let mut text = String::new();
            for f in chunk {
                let (source, target) = graph.ends(f.relation);
                let relation = graph.relation(f.relation);
                let line = Line {
                    dates: relation.dates(),
                    sentence: sentence_between(relation, label_of(source), label_of(target)),
                    status: status_label(relation),
                    event: relation.event(),
                    place: relation.place().map(|place| label(graph, place)),
                    id: relation.id.as_str(),
                    summary: relation.summary(),
                };
                entry(&mut text, line);
            }
            text
        })
        .collect();
    print(&names.join(" and "), found.len(), &chunks)
}

/// Prints the timeline of `names` (terminal-safe): its `count` relations' entries, made in
/// `chunks`.
fn print(names: &str, count: usize, chunks: &[String]) -> Result<ExitCode, CliError> {
    // A hub's timeline is megabytes: each chunk is written as it is made.
    let mut lines = output::Lines::stdout();
    writeln!(lines, "timeline of {names}: {count} relation(s)")?;
    for chunk in chunks {
        lines.push_str(chunk)?;
    }
    lines.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// What the timeline's entry of a relation prints: its dates, its sentence (the labels of its
/// ends already terminal-safe), its status, event, place (its label), id and summary.
struct Line<'a> {
    dates: String,
    sentence: String,
    status: String,
    event: Option<&'a str>,
    place: Option<&'a str>,
    id: &'a str,
    summary: &'a str,
}

/// Appends to `text` the timeline's entry of `line`.
fn entry(text: &mut String, line: Line) {
    let mut notes = vec![line.status];
    if let Some(event) = line.event {
        notes.push(terminal(event));
    }
    if let Some(place) = line.place {
        notes.push(format!("at {}", terminal(place)));
    }
    // Writing to a string cannot fail.
    let _ = write!(
        text,
        "\n{}  {}\n    [{}] {}\n    {}\n",
        line.dates,
        line.sentence,
        notes.join("; "),
        line.id,
        terminal(line.summary)
    );
}
