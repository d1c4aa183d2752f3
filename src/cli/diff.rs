//! `actorgraph diff`: what began, ended or changed certainty between two dates.

use std::process::ExitCode;

use rayon::prelude::*;
use serde::Serialize;

use super::args::Global;
use super::error::{Argument, CliError};
use super::output;
use super::render::{certainty_label, sentence_between, terminal_labels};
use super::{leak, load_graph, scoped, text_detail};
use actorgraph::cache;
use actorgraph::query::{self, Certainty, Change, Filter};
use actorgraph::view::RelationView;
use actorgraph::{Graph, PartialDate, Period};

#[derive(Serialize)]
struct ChangeJson<'a> {
    relation: RelationView<'a>,
    before: Option<Certainty>,
    after: Option<Certainty>,
    explanation: String,
}

#[derive(Serialize)]
struct DiffJson<'a> {
    began: Vec<ChangeJson<'a>>,
    ended: Vec<ChangeJson<'a>>,
    changed: Vec<ChangeJson<'a>>,
}

/// Prints what began, ended or changed certainty between `first` and `second`.
///
/// A second date that ends before the first begins is a usage error, by the rule that refuses
/// `--until` before `--from` ([`Period::between`]): a diff runs forward in time.
pub fn run(
    global: &Global,
    first: PartialDate,
    second: PartialDate,
    filter: &Filter,
) -> Result<ExitCode, CliError> {
    if Period::between(first, second).is_err() {
        return Err(Argument::DiffOrder {
            first: first.to_string(),
            second: second.to_string(),
        }
        .into());
    }
    // From an up-to-date cache, only the relations whose standing differs are read, and for
    // the text only what its lines print of them.
    let standing = query::Standing::new(filter, first.period(), second.period());
    let detail = text_detail(global, cache::Detail::Table);
    let graph = match scoped(global, |dir| {
        cache::dated::changes(dir, &standing, detail).map(Some)
    }) {
        Some(graph) => leak(graph),
        None => load_graph(global)?,
    };
    let d = query::diff(graph, first.period(), second.period(), filter);
    let labels = terminal_labels(graph);
    let words = Words::new(first, second);
    let explain = |c: &Change| explanation(graph, &labels, &words, c);
    if global.json {
        let rows = |list: &[Change]| -> Vec<ChangeJson> {
            list.iter()
                .map(|c| ChangeJson {
                    relation: RelationView::new(graph.relation(c.relation), c.after.or(c.before)),
                    before: c.before,
                    after: c.after,
                    explanation: explain(c),
                })
                .collect()
        };
        output::json(&DiffJson {
            began: rows(&d.began),
            ended: rows(&d.ended),
            changed: rows(&d.changed),
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut lines = output::Lines::stdout();
    writeln!(
        lines,
        "from {first} to {second}: {} began, {} ended, {} changed certainty",
        d.began.len(),
        d.ended.len(),
        d.changed.len()
    )?;
    for (title, list) in [
        ("began", &d.began),
        ("ended", &d.ended),
        ("changed", &d.changed),
    ] {
        if list.is_empty() {
            continue;
        }
        write!(lines, "\n{title}:\n")?;
        // Hundreds of thousands of lines at a million relations: written on every core, in
        // chunks printed in order.
        let chunks: Vec<String> = list
            .par_chunks(1024)
            .map(|chunk| {
                let mut text = String::new();
                for c in chunk {
                    text.push_str("  ");
                    text.push_str(&explain(c));
                    text.push_str("  [");
                    text.push_str(graph.relation(c.relation).id.as_str());
                    text.push_str("]\n");
                }
                text
            })
            .collect();
        for chunk in &chunks {
            lines.push_str(chunk)?;
        }
    }
    lines.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// The words of an explanation that depend only on the two dates.
struct Words {
    began: String,
    ended: String,
    first: String,
    second: String,
}

impl Words {
    fn new(first: PartialDate, second: PartialDate) -> Words {
        Words {
            began: format!("began between {first} and {second}"),
            ended: format!("ended between {first} and {second}"),
            first: first.to_string(),
            second: second.to_string(),
        }
    }
}

/// "alliance MNLA — Islamists (2012 → 2012): ended between 2012-05-01 and 2013-03-01", the
/// ends' terminal-safe labels taken from `labels` (by entity index).
fn explanation(graph: &Graph, labels: &[String], words: &Words, change: &Change) -> String {
    let relation = graph.relation(change.relation);
    let what = match (change.before, change.after) {
        (None, _) => words.began.clone(),
        (_, None) => words.ended.clone(),
        (before, after) => format!(
            "{} on {}, {} on {}",
            certainty_label(before),
            words.first,
            certainty_label(after),
            words.second
        ),
    };
    let (source, target) = graph.ends(change.relation);
    format!(
        "{} ({}): {what}",
        sentence_between(relation, &labels[source.index()], &labels[target.index()]),
        relation.dates()
    )
}
