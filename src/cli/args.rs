//! Every command-line argument, as clap derive types.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// A knowledge graph of conflict actors and the dated relations between them.
///
/// Without --data, commands use the built-in graph of the Azawad conflict (Mali, 2012–2014).
/// Exit codes: 0 success, 1 invalid data or no result, 2 usage or I/O error.
#[derive(Debug, Parser)]
#[command(name = "actorgraph", version, about, long_about)]
pub struct Args {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
    /// Options every command takes.
    #[command(flatten)]
    pub global: Global,
}

/// Options every command takes.
#[derive(Debug, clap::Args)]
pub struct Global {
    /// Graph folder (entities.json, relations.json, sources.json) instead of the built-in one.
    #[arg(long, global = true, env = "ACTORGRAPH_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Folder holding the source documents, to check and quote evidence (e.g. ../shared/seeds).
    #[arg(long, global = true, env = "ACTORGRAPH_SOURCES", value_name = "DIR")]
    pub sources: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a graph and report every problem with its location.
    Check {
        /// Treat warnings (missing evidence, spans that name neither endpoint) as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Show an entity (by id, name or alias) or a relation (by id), with quoted evidence when
    /// --sources is given.
    Show {
        /// An entity id, name or alias, or a relation id.
        name: String,
    },
}
