//! `actorgraph export timeline`: a Gantt chart of relations over time, rows being towns and
//! areas or the actors linked to `--actor`, rendered by Graphviz into the image `-o` names.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use super::args::ExportArgs;
use super::error::{Argument, CliError, NoResult};
use super::output;
use super::target::{Inputs, output_path};
use actorgraph::Graph;
use actorgraph::export::render::{self, ImageFormat};
use actorgraph::export::timeline::{Rows, Timeline};

/// Draws the chart and writes it: DOT text, or the image `--render` or the extension of
/// `-o FILE` (`.svg`, `.png`, `.pdf`; `.dot` or `.gv` for the DOT text) asks for.
pub fn run(graph: &Graph, inputs: &Inputs, args: &ExportArgs) -> Result<ExitCode, CliError> {
    refuse_snapshot_options(args)?;
    let rows = match &args.actor {
        Some(name) => Rows::LinkedTo(graph.resolve(name)?),
        None => Rows::Towns,
    };
    let path = output_path(args.output.as_deref());
    let image = match (args.render, path) {
        (Some(image), _) => Some(image),
        (None, Some(path)) => image_of(path)?,
        (None, None) => None,
    };
    let timeline = Timeline {
        rows,
        kinds: args.select.kinds.clone(),
        statuses: args.select.statuses.clone(),
        lang: args.lang,
        title: args.title.clone(),
    };
    let chart = timeline
        .chart(graph, "timeline")
        .map_err(NoResult::EmptyTimeline)?;
    let mut dot = Vec::new();
    actorgraph::export::dot::print(&chart, &mut dot)?;
    let bytes = match image {
        None => dot,
        Some(image) => super::export::rendered(render::render(&dot, image))?,
    };
    match path {
        Some(path) => inputs.write(path, |w| w.write_all(&bytes))?,
        None => std::io::stdout().lock().write_all(&bytes)?,
    }
    if let Some(path) = path {
        output::diagnostic(&format!("wrote {}", path.display()));
    }
    Ok(ExitCode::SUCCESS)
}

/// The image format a file's extension names: `None` for DOT text (`.dot`, `.gv`); a usage
/// error for any other extension.
fn image_of(path: &Path) -> Result<Option<ImageFormat>, CliError> {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    match extension.to_ascii_lowercase().as_str() {
        "dot" | "gv" => Ok(None),
        other => other.parse().map(Some).map_err(|_| {
            Argument::ImageExtension {
                path: path.to_owned(),
            }
            .into()
        }),
    }
}

/// A timeline spans all time: the options that pick a date, a focus or a diff do not apply.
fn refuse_snapshot_options(args: &ExportArgs) -> Result<(), CliError> {
    let time = &args.select.time;
    let given = [
        (time.at.is_some(), "--at"),
        (time.from.is_some(), "--from"),
        (time.until.is_some(), "--until"),
        (time.certain, "--certain"),
        (time.known, "--known"),
        (time.include_undated, "--include-undated"),
        (time.timeless, "--timeless"),
        (args.focus.is_some(), "--focus"),
        (args.diff.is_some(), "--diff"),
    ];
    match given.iter().find(|(on, _)| *on) {
        Some(&(_, flag)) => Err(Argument::TimelineDates { flag }.into()),
        None => Ok(()),
    }
}
