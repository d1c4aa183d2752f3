//! `actorgraph diff`: what began, ended or changed certainty between two dates.

use std::process::ExitCode;

use rayon::prelude::*;
use serde::Serialize;

use super::args::Global;
use super::error::{Argument, CliError};
use super::output::{self, terminal};
use super::render::{certainty_label, push_sentence, terminal_labels};
use super::{leak, load_graph, scoped, text_detail};
use actorgraph::cache;
use actorgraph::query::{self, Certainty, Change, Filter};
use actorgraph::view::RelationView;
use actorgraph::{PartialDate, Period, RelationKind};

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

/// How many lines are made into text at a time, on every core.
const CHUNK: usize = 1024;

/// About how many bytes a line has.
const LINE: usize = 160;

/// Prints what began, ended or changed certainty between `first` and `second`.
///
/// A second date that ends before the first begins is a usage error, by the rule that refuses
/// `--until` before `--from` ([`Period::between`]): a diff runs forward in time.
///
/// From an up-to-date cache, the text is made from the records' heads of the relations whose
/// standing differs, without a graph ([`cache::dated::changed`]); otherwise, or for JSON, from
/// the graph of those relations ([`cache::dated::changes`]) or the whole graph.
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
    let standing = query::Standing::new(filter, first.period(), second.period());
    let words = Words::new(first, second);
    if !global.json
        && let Some(rows) = scoped(global, |dir| {
            cache::dated::changed(dir, &standing).map(Some)
        })
        // Every row read once before any is written: a damaged block met on the way gives
        // an error, and the whole load reports it and rebuilds the cache.
        && rows.check().is_ok()
        && let Ok(mut labels) = rows.labels(output::layout().lang, &terminal)
    {
        let mut lists: [Vec<cache::dated::Pick>; 3] = Default::default();
        for &pick in rows.picks() {
            lists[list_of(pick.before, pick.certainty)].push(pick);
        }
        // Hundreds of thousands of lines at a million relations: made on every core, a few
        // runs at a time, and written in order.
        let counts = lists.each_ref().map(Vec::len);
        print(&words, counts, |list, lines| {
            let text = |rows: &[cache::rows::Row]| {
                let mut text = String::with_capacity(LINE * rows.len());
                for row in rows {
                    let line = Line {
                        kind: row.kind,
                        negated: row.negated,
                        source: row.source.label,
                        target: row.target.label,
                        dates: row.dates(),
                        before: row.before,
                        after: row.certainty,
                        id: row.id,
                    };
                    line.push(&words, &mut text);
                }
                text
            };
            rows.each(&mut labels, &lists[list], CHUNK, text, |text| {
                lines.push_str(&text).map_err(CliError::from)
            })
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    // From an up-to-date cache, only the relations whose standing differs are read.
    let detail = text_detail(global, cache::Detail::Table);
    let graph = match scoped(global, |dir| {
        cache::dated::changes(dir, &standing, detail).map(Some)
    }) {
        Some(graph) => leak(graph),
        None => load_graph(global)?,
    };
    let d = query::diff(graph, first.period(), second.period(), filter);
    let labels = terminal_labels(graph);
    let line = |c: &Change| {
        let relation = graph.relation(c.relation);
        let (source, target) = graph.ends(c.relation);
        Line {
            kind: relation.kind,
            negated: relation.negated,
            source: &labels[source.index()],
            target: &labels[target.index()],
            dates: relation.dates(),
            before: c.before,
            after: c.after,
            id: relation.id.as_str(),
        }
    };
    if global.json {
        let rows = |list: &[Change]| -> Vec<ChangeJson> {
            list.iter()
                .map(|c| {
                    let mut explanation = String::new();
                    line(c).explain(&words, &mut explanation);
                    ChangeJson {
                        relation: RelationView::new(
                            graph.relation(c.relation),
                            c.after.or(c.before),
                        ),
                        before: c.before,
                        after: c.after,
                        explanation,
                    }
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
    let runs: Vec<Lists> = [&d.began, &d.ended, &d.changed]
        .into_iter()
        .flat_map(|list| {
            list.par_chunks(CHUNK)
                .map(|chunk| {
                    let mut lists = Lists::default();
                    for c in chunk {
                        lists.push(&words, &line(c));
                    }
                    lists
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let counts = [BEGAN, ENDED, CHANGED].map(|list| runs.iter().map(|run| run.counts[list]).sum());
    print(&words, counts, |list, lines| {
        for run in &runs {
            lines.push_str(&run.texts[list])?;
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Writes a diff whose lists have `counts` lines: the count of each list, then each
/// non-empty list under its title, its lines written by `list` (given the list's place in
/// [`Lists`]).
fn print(
    words: &Words,
    counts: [usize; 3],
    mut list: impl FnMut(usize, &mut output::Lines) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let mut lines = output::Lines::stdout();
    writeln!(
        lines,
        "from {} to {}: {} began, {} ended, {} changed certainty",
        words.first, words.second, counts[BEGAN], counts[ENDED], counts[CHANGED]
    )?;
    for (at, title) in [(BEGAN, "began"), (ENDED, "ended"), (CHANGED, "changed")] {
        if counts[at] == 0 {
            continue;
        }
        write!(lines, "\n{title}:\n")?;
        list(at, &mut lines)?;
    }
    Ok(lines.finish()?)
}

/// The list of a diff a relation belongs to, by its place in [`Lists`], from its certainty
/// on the first date (`None`: it did not hold then) and on the second.
fn list_of(before: Option<Certainty>, after: Option<Certainty>) -> usize {
    match (before, after) {
        (None, _) => BEGAN,
        (_, None) => ENDED,
        _ => CHANGED,
    }
}

/// The lists of a diff, by their place in [`Lists`].
const BEGAN: usize = 0;
const ENDED: usize = 1;
const CHANGED: usize = 2;

/// The lines of a run of relations, in the text of the list each belongs to, and how many
/// each list has.
#[derive(Default)]
struct Lists {
    texts: [String; 3],
    counts: [usize; 3],
}

impl Lists {
    /// Appends `line` to its list's text.
    fn push(&mut self, words: &Words, line: &Line) {
        let list = list_of(line.before, line.after);
        let text = &mut self.texts[list];
        if text.is_empty() {
            // About the length of a line, for each line a run may have.
            text.reserve(LINE * CHUNK);
        }
        line.push(words, text);
        self.counts[list] += 1;
    }
}

/// What a diff's line says of a relation, from a graph or from a record's head.
struct Line<'a> {
    kind: RelationKind,
    negated: bool,
    /// The ends' terminal-safe labels.
    source: &'a str,
    target: &'a str,
    dates: String,
    before: Option<Certainty>,
    after: Option<Certainty>,
    id: &'a str,
}

impl Line<'_> {
    /// Appends the line to `text`: `  EXPLANATION  [ID]`.
    fn push(&self, words: &Words, text: &mut String) {
        text.push_str("  ");
        self.explain(words, text);
        text.push_str("  [");
        text.push_str(self.id);
        text.push_str("]\n");
    }

    /// Appends to `text` "alliance MNLA — Islamists (2012 → 2012): ended between 2012-05-01
    /// and 2013-03-01".
    fn explain(&self, words: &Words, text: &mut String) {
        push_sentence(text, self.kind, self.negated, self.source, self.target);
        text.push_str(" (");
        text.push_str(&self.dates);
        text.push_str("): ");
        match (self.before, self.after) {
            (None, _) => text.push_str(&words.began),
            (_, None) => text.push_str(&words.ended),
            (before, after) => {
                text.push_str(&certainty_label(before));
                text.push_str(" on ");
                text.push_str(&words.first);
                text.push_str(", ");
                text.push_str(&certainty_label(after));
                text.push_str(" on ");
                text.push_str(&words.second);
            }
        }
    }
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
