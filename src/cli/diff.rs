//! `actorgraph diff`: what began, ended or changed certainty between two dates.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::{Argument, CliError};
use super::load_graph;
use super::output;
use super::render::{certainty_label, sentence};
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
    let graph = load_graph(global)?;
    let d = query::diff(graph, first.period(), second.period(), filter);
    let explain = |c: &Change| explanation(graph, c, first, second);
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
    let mut text = format!(
        "from {first} to {second}: {} began, {} ended, {} changed certainty\n",
        d.began.len(),
        d.ended.len(),
        d.changed.len()
    );
    for (title, list) in [
        ("began", &d.began),
        ("ended", &d.ended),
        ("changed", &d.changed),
    ] {
        if list.is_empty() {
            continue;
        }
        writeln!(text, "\n{title}:").ok();
        for c in list {
            writeln!(
                text,
                "  {}  [{}]",
                explain(c),
                graph.relation(c.relation).id
            )
            .ok();
        }
    }
    output::text(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// "alliance MNLA — Islamists (2012 → 2012): ended between 2012-05-01 and 2013-03-01".
fn explanation(graph: &Graph, change: &Change, first: PartialDate, second: PartialDate) -> String {
    let relation = graph.relation(change.relation);
    let what = match (change.before, change.after) {
        (None, _) => format!("began between {first} and {second}"),
        (_, None) => format!("ended between {first} and {second}"),
        (before, after) => format!(
            "{} on {first}, {} on {second}",
            certainty_label(before),
            certainty_label(after)
        ),
    };
    format!(
        "{} ({}): {what}",
        sentence(graph, relation),
        relation.dates()
    )
}
