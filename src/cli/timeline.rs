//! `actorgraph timeline`: everything involving an actor or a pair, in date order.

use std::fmt::Write;
use std::process::ExitCode;

use rayon::prelude::*;

use super::args::Global;
use super::error::CliError;
use super::output::{self, terminal};
use super::render::{entity_label, label, sentence_between, status_label};
use super::{load_graph_for, resolve_actors, text_detail};
use actorgraph::cache;
use actorgraph::query::{self, Filter};
use actorgraph::view::RelationView;
use actorgraph::{EntityIx, Graph, RelationIx};

/// Prints everything involving `name` (or the pair `name`, `with`) in date order.
pub fn run(
    global: &Global,
    name: &str,
    with: Option<&str>,
    filter: &Filter,
) -> Result<ExitCode, CliError> {
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
    // A hub's timeline is megabytes: each row is written as it is made.
    let mut lines = output::Lines::stdout();
    writeln!(
        lines,
        "timeline of {}: {} relation(s)",
        names.join(" and "),
        found.len()
    )?;
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
                entry(&mut text, graph, f.relation, label_of);
            }
            text
        })
        .collect();
    for chunk in &chunks {
        lines.push_str(chunk)?;
    }
    lines.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Appends to `text` the timeline's entry for `relation`: its dates and sentence, its status,
/// event, place and id, and its summary, the ends named by `label_of`.
fn entry<'a>(
    text: &mut String,
    graph: &Graph,
    relation: RelationIx,
    label_of: impl Fn(EntityIx) -> &'a str,
) {
    let (source, target) = graph.ends(relation);
    let relation = graph.relation(relation);
    let sentence = sentence_between(relation, label_of(source), label_of(target));
    let mut notes = vec![status_label(relation)];
    if let Some(event) = &relation.event {
        notes.push(terminal(event));
    }
    if let Some(place) = &relation.place {
        notes.push(format!("at {}", terminal(label(graph, place))));
    }
    // Writing to a string cannot fail.
    let _ = write!(
        text,
        "\n{}  {sentence}\n    [{}] {}\n    {}\n",
        relation.dates(),
        notes.join("; "),
        relation.id,
        terminal(&relation.summary)
    );
}
