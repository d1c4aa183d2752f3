//! `actorgraph completions SHELL`: the shell's completion script, generated from the argument
//! definitions (clap_complete), so it offers every subcommand, option and closed value list
//! (relation and entity kinds, statuses, languages) the binary accepts.

use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::args::Args;
use super::error::CliError;
use super::output;

/// Prints the completion script for `shell`.
pub fn run(shell: Shell) -> Result<ExitCode, CliError> {
    let mut command = Args::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "actorgraph", &mut script);
    output::generated(&script)?;
    Ok(ExitCode::SUCCESS)
}
