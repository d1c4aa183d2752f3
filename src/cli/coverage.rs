//! `actorgraph coverage`: the share of each source document's content sentences that the
//! graph's evidence covers, and the sentences it does not.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::{CliError, Missing, NoResult, Verb};
use super::output::{self, terminal};
use super::{load_graph, source_texts};
use actorgraph::coverage::{self, DocumentCoverage, Exclusion, Reason};

/// The file of a graph folder that lists the sentences left out of coverage.
const EXCLUSIONS_FILE: &str = "NOT-ENCODED.md";

#[derive(Serialize)]
struct DocumentJson<'a> {
    document: &'a str,
    sentences: usize,
    excluded: Vec<SentenceJson<'a>>,
    content: usize,
    covered: usize,
    share: f64,
    uncovered: Vec<SentenceJson<'a>>,
}

#[derive(Serialize)]
struct SentenceJson<'a> {
    start_byte: usize,
    end_byte: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<Reason>,
}

/// Prints the coverage of every source document found in `--sources`.
pub fn run(global: &Global) -> Result<ExitCode, CliError> {
    let graph = load_graph(global)?;
    let Some(texts) = source_texts(global, graph)? else {
        return Err(Missing::Sources { what: "coverage" }.into());
    };
    let (exclusions, file) = exclusions(global)?;
    let documents =
        coverage::coverage(graph, &texts, &exclusions, &file).map_err(NoResult::from)?;
    if global.json {
        let rows: Vec<DocumentJson> = documents.iter().map(document_json).collect();
        output::json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = String::new();
    for d in &documents {
        let content = d.content().count();
        let uncovered: Vec<_> = d.uncovered().collect();
        writeln!(
            text,
            "{}: {:.1}% of {} content sentences covered ({} uncovered; {} excluded: {})",
            d.document,
            d.share() * 100.0,
            content,
            uncovered.len(),
            d.sentences.len() - content,
            excluded_list(d)
        )
        .ok();
        for s in uncovered {
            writeln!(
                text,
                "  uncovered {}..{}: {}",
                s.bytes.start,
                s.bytes.end,
                terminal(&s.text)
            )
            .ok();
        }
    }
    output::text(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// `0..68 heading, 5542..5671 truncated`, or `none`.
fn excluded_list(d: &DocumentCoverage) -> String {
    let list: Vec<String> = d
        .sentences
        .iter()
        .filter_map(|s| {
            let reason = s.excluded?;
            Some(format!(
                "{}..{} {}",
                s.bytes.start,
                s.bytes.end,
                reason.as_str()
            ))
        })
        .collect();
    if list.is_empty() {
        "none".to_owned()
    } else {
        list.join(", ")
    }
}

fn sentence(s: &coverage::Sentence) -> SentenceJson<'_> {
    SentenceJson {
        start_byte: s.bytes.start,
        end_byte: s.bytes.end,
        text: &s.text,
        reason: s.excluded,
    }
}

fn document_json(d: &DocumentCoverage) -> DocumentJson<'_> {
    // Four decimals, so the share prints the same everywhere.
    let share = (d.share() * 10_000.0).round() / 10_000.0;
    let sentences: Vec<&coverage::Sentence> = d.sentences.iter().collect();
    DocumentJson {
        document: &d.document,
        sentences: sentences.len(),
        excluded: sentences
            .iter()
            .filter(|s| s.excluded.is_some())
            .map(|s| sentence(s))
            .collect(),
        content: d.content().count(),
        covered: d.content().count() - d.uncovered().count(),
        share,
        uncovered: d.uncovered().map(sentence).collect(),
    }
}

/// The exclusions of the graph: `NOT-ENCODED.md` of `--data DIR` when there is one, of the
/// built-in graph without `--data`; none for a node-link file or a folder without it.
fn exclusions(global: &Global) -> Result<(Vec<Exclusion>, String), CliError> {
    let (text, file) = match &global.data {
        None => (
            include_str!("../../graph-data/azawad/NOT-ENCODED.md").to_owned(),
            format!("graph-data/azawad/{EXCLUSIONS_FILE}"),
        ),
        Some(dir) if dir.is_dir() => {
            let path = dir.join(EXCLUSIONS_FILE);
            match std::fs::read_to_string(&path) {
                Ok(text) => (text, path.display().to_string()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Ok((Vec::new(), String::new()));
                }
                Err(e) => {
                    return Err(CliError::File {
                        verb: Verb::Read,
                        path,
                        fault: e.into(),
                    });
                }
            }
        }
        Some(_) => return Ok((Vec::new(), String::new())),
    };
    let found = coverage::parse_exclusions(&text, &file).map_err(NoResult::from)?;
    Ok((found, file))
}
