//! `actorgraph check`: validate a graph and report every problem.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::{CliError, INVALID, OK};
use super::{graph_files, output};
use actorgraph::load::{self, Counts, Problem};

#[derive(Serialize)]
struct CheckJson<'a> {
    valid: bool,
    strict: bool,
    origin: &'a str,
    sources_checked: bool,
    counts: Counts,
    errors: usize,
    warnings: usize,
    problems: &'a [Problem],
}

/// Checks the graph the options name; exit 0 when valid, 1 when not.
pub fn run(global: &Global, strict: bool) -> Result<ExitCode, CliError> {
    let files = graph_files(global)?;
    // What `check` finds, without building the graph it would not use.
    let report = load::verify(&files, global.sources.as_deref());
    let errors = report.problems.iter().filter(|p| p.is_error()).count();
    let warnings = report.problems.len() - errors;
    let valid = !report.fails(strict);
    if global.json {
        output::json(&CheckJson {
            valid,
            strict,
            origin: &files.origin,
            sources_checked: global.sources.is_some(),
            counts: report.counts,
            errors,
            warnings,
            problems: &report.problems,
        })?;
    } else {
        let mut text = String::new();
        for problem in &report.problems {
            writeln!(text, "{}", output::terminal(&problem.to_string())).ok();
        }
        let c = report.counts;
        let evidence = if c.relations == 0 {
            String::new()
        } else {
            let share = 100.0 * c.relations_with_evidence as f64 / c.relations as f64;
            format!(
                " ({} with evidence, {share:.0}%)",
                c.relations_with_evidence
            )
        };
        writeln!(
            text,
            "{}: {} entities, {} relations{evidence}, {} sources",
            files.origin, c.entities, c.relations, c.sources
        )
        .ok();
        match &global.sources {
            Some(dir) => writeln!(text, "evidence spans checked against {}", dir.display()),
            None => writeln!(
                text,
                "evidence spans not checked: pass --sources DIR to check them"
            ),
        }
        .ok();
        let verdict = if valid { "valid" } else { "INVALID" };
        let mode = if strict {
            " (strict: warnings count as errors)"
        } else {
            ""
        };
        writeln!(
            text,
            "{errors} error(s), {warnings} warning(s): {verdict}{mode}"
        )
        .ok();
        output::text(&text)?;
    }
    // The process exits now: the system takes back the parsed elements' memory at once,
    // where freeing a big graph's millions of strings one by one would cost about a tenth of
    // the check (as `load_graph` leaks the graph it loads).
    std::mem::forget(report);
    Ok(ExitCode::from(if valid { OK } else { INVALID }))
}
