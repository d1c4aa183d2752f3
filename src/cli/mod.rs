//! The command line: turns arguments into library calls and prints their results.
//! Only this module (and `main.rs`) knows clap, terminals and exit codes.

mod args;
mod check;
mod error;
mod output;
mod show;

use std::process::ExitCode;

pub use args::Args;
use args::{Command, Global};
pub use error::CliError;

use actorgraph::Graph;
use actorgraph::load::{self, GraphFiles, SourceTexts};

/// Runs the command `args` names.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let global = &args.global;
    let result = match &args.command {
        Command::Check { strict } => check::run(global, *strict),
        Command::Show { name } => show::run(global, name),
    };
    match result {
        Err(e) if e.is_broken_pipe() => Ok(ExitCode::SUCCESS),
        other => other,
    }
}

/// The graph files the options name: `--data DIR`, else the built-in graph.
fn graph_files(global: &Global) -> Result<GraphFiles, CliError> {
    Ok(match &global.data {
        Some(dir) => GraphFiles::read_dir(dir)?,
        None => GraphFiles::builtin(),
    })
}

/// Loads the graph the options name, failing on any error in it.
fn load_graph(global: &Global) -> Result<Graph, CliError> {
    Ok(load::load(&graph_files(global)?)?)
}

/// The source documents, when `--sources` is given; problems reading them are errors.
fn source_texts(global: &Global, graph: &Graph) -> Result<Option<SourceTexts>, CliError> {
    let Some(dir) = &global.sources else {
        return Ok(None);
    };
    let mut problems = Vec::new();
    let located = graph
        .sources()
        .iter()
        .map(|s| (s, load::Location::file(load::SOURCES_FILE)));
    let texts = SourceTexts::read(dir, located, &mut problems);
    match problems.into_iter().next() {
        Some(problem) => Err(CliError::Usage(problem.message)),
        None => Ok(Some(texts)),
    }
}
