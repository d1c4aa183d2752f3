//! `actorgraph balance`: structural balance of the signed network, step by step.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::{Argument, CliError};
use super::load_graph;
use super::output::{self, Table, terminal, word};
use super::render::entity_label;
use actorgraph::i18n::Term;
use actorgraph::network::{self, Balance, Sign, Step, Triad};
use actorgraph::{Graph, PartialDate, Period};

#[derive(Serialize)]
struct StepJson<'a> {
    step: String,
    positive_pairs: usize,
    negative_pairs: usize,
    mixed_pairs: usize,
    triangles: usize,
    balanced: usize,
    ratio: Option<f64>,
    unbalanced: Vec<TriadJson<'a>>,
}

#[derive(Serialize)]
struct TriadJson<'a> {
    members: [&'a str; 3],
    /// Signs of the sides a–b, b–c, a–c: `+` or `-`.
    signs: [&'static str; 3],
    relations: [&'a str; 3],
    certain: bool,
}

fn sign(s: Sign) -> &'static str {
    match s {
        Sign::Positive => "+",
        Sign::Negative => "-",
    }
}

/// Prints the balance of each step from `from` to `until`.
pub fn run(
    global: &Global,
    from: PartialDate,
    until: PartialDate,
    step: Step,
    certain: bool,
) -> Result<ExitCode, CliError> {
    let period = Period::between(from, until).map_err(Argument::from)?;
    let graph = load_graph(global)?;
    let steps = network::balance(graph, period, step, certain);
    // Four decimals: the same bytes on every machine.
    let round = |r: f64| (r * 1e4).round() / 1e4;
    if global.json {
        let rows: Vec<StepJson> = steps
            .iter()
            .map(|b| StepJson {
                step: b.step.to_string(),
                positive_pairs: b.positive,
                negative_pairs: b.negative,
                mixed_pairs: b.mixed,
                triangles: b.triangles,
                balanced: b.balanced,
                ratio: b.ratio().map(round),
                unbalanced: b.unbalanced.iter().map(|t| triad_json(graph, t)).collect(),
            })
            .collect();
        output::json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let header = [
        Term::Step,
        Term::PositivePairs,
        Term::NegativePairs,
        Term::Mixed,
        Term::Triangles,
        Term::Balanced,
    ]
    .map(word);
    let mut table = Table::new(&header);
    for b in &steps {
        table.row(vec![
            b.step.to_string(),
            b.positive.to_string(),
            b.negative.to_string(),
            b.mixed.to_string(),
            b.triangles.to_string(),
            b.ratio()
                .map_or("-".to_owned(), |r| format!("{:.0}%", 100.0 * round(r))),
        ]);
    }
    let mut text = table.render();
    for b in steps.iter().filter(|b| !b.unbalanced.is_empty()) {
        text.push_str(&unbalanced_text(graph, b));
    }
    output::text(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn triad_json<'g>(graph: &'g Graph, t: &Triad) -> TriadJson<'g> {
    TriadJson {
        members: t.members.map(|m| graph.entity(m).id.as_str()),
        signs: t.signs.map(sign),
        relations: t.relations.map(|r| graph.relation(r).id.as_str()),
        certain: t.certain,
    }
}

/// The unbalanced triangles of a step, each as its three sides.
fn unbalanced_text(graph: &Graph, b: &Balance) -> String {
    let mut text = format!("\nunbalanced in {}:\n", b.step);
    for t in &b.unbalanced {
        let name = |i: usize| terminal(entity_label(graph.entity(t.members[i])));
        let sides = [(0, 1), (1, 2), (0, 2)];
        let shown: Vec<String> = sides
            .iter()
            .zip(t.signs)
            .map(|(&(a, b), s)| {
                let word = if s == Sign::Positive {
                    "with"
                } else {
                    "against"
                };
                format!("{} {word} {}", name(a), name(b))
            })
            .collect();
        let certainty = if t.certain { "certain" } else { "possible" };
        writeln!(text, "  {} ({certainty})", shown.join("; ")).ok();
    }
    text
}
