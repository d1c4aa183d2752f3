//! The `actorgraph` command: parse arguments, run one subcommand, exit with its code.
//!
//! Exit codes: 0 success; 1 invalid data or no result; 2 usage or I/O error.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = match cli::Args::try_parse() {
        Ok(args) => args,
        Err(error) => return cli::usage_error(&error),
    };
    match cli::run(args) {
        Ok(code) => code,
        Err(error) => {
            error.report();
            error.exit_code()
        }
    }
}
