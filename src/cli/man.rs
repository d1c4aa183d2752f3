//! `actorgraph man [COMMAND]`: the manual page actorgraph(1), or actorgraph-COMMAND(1) for a
//! subcommand (as git has git-log(1)), as roff generated from the argument definitions
//! (clap_mangen). Pages carry no date, so the same binary prints the same bytes.

use std::process::ExitCode;

use clap::CommandFactory;

use super::args::Args;
use super::error::{Argument, CliError};
use super::output;

/// Prints the page of `command` (a subcommand's name), or of actorgraph itself; with `list`,
/// the names of the subcommands, one a line.
pub fn run(command: Option<&str>, list: bool) -> Result<ExitCode, CliError> {
    let mut root = Args::command().disable_help_subcommand(true);
    root.build();
    if list {
        let names: String = root
            .get_subcommands()
            .map(|c| format!("{}\n", c.get_name()))
            .collect();
        output::text(&names)?;
        return Ok(ExitCode::SUCCESS);
    }
    let page = match command {
        None => root,
        Some(name) => root.find_subcommand(name).cloned().ok_or_else(|| {
            let names: Vec<&str> = root.get_subcommands().map(|c| c.get_name()).collect();
            CliError::from(Argument::Manual {
                name: name.to_owned(),
                known: names.join(", "),
            })
        })?,
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .manual("actorgraph manual")
        .render(&mut roff)?;
    output::generated(&roff)?;
    Ok(ExitCode::SUCCESS)
}
