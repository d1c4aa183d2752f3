//! Errors of the command line and the exit code each maps to.

use std::process::ExitCode;

use actorgraph::cache::ColdError;
use actorgraph::load::{InvalidGraph, ReadError};
use actorgraph::names::NameError;

/// Success.
pub const OK: u8 = 0;
/// Invalid data or no result (no path, nothing matched).
pub const INVALID: u8 = 1;
/// Usage or I/O error.
pub const USAGE: u8 = 2;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The graph folder could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The graph has errors.
    #[error(transparent)]
    Invalid(#[from] InvalidGraph),
    /// A name did not resolve to one actor.
    #[error(transparent)]
    Name(#[from] NameError),
    /// A bad argument value.
    #[error("{0}")]
    Usage(String),
    /// An id given on the command line is not a slug.
    #[error(transparent)]
    Id(#[from] actorgraph::NotASlug),
    /// The question has no answer (no path, unknown id).
    #[error("{0}")]
    NoResult(String),
    /// Writing the output failed.
    #[error("cannot write output: {0}")]
    Io(#[from] std::io::Error),
}

impl From<ColdError> for CliError {
    fn from(error: ColdError) -> CliError {
        match error {
            ColdError::Read(e) => CliError::Read(e),
            ColdError::Invalid(e) => CliError::Invalid(e),
        }
    }
}

impl CliError {
    /// The documented exit code.
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(match self {
            CliError::Invalid(_) | CliError::NoResult(_) => INVALID,
            CliError::Read(_)
            | CliError::Name(_)
            | CliError::Usage(_)
            | CliError::Id(_)
            | CliError::Io(_) => USAGE,
        })
    }

    /// Prints the error and its causes on stderr, one line each, terminal-safe; never fails.
    pub fn report(&self) {
        if let CliError::Io(e) = self
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            return; // A closed pipe (`| head`) is not an error worth a message.
        }
        let mut message = format!("error: {self}");
        if let CliError::Invalid(invalid) = self {
            for problem in invalid.errors.iter().take(5) {
                message.push_str(&format!("\n  {problem}"));
            }
        }
        super::output::diagnostic(&message);
    }

    /// True when the error is a closed output pipe.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Prints what clap found wrong with the arguments (or the help or version asked for) and
/// returns its exit code: 2 for a usage error, 0 for `--help` and `--version`.
///
/// An argument value echoed in the message goes through the terminal-safe rendering like any
/// other text; a stdout or stderr that cannot be written is not a panic.
pub fn usage_error(error: &clap::Error) -> ExitCode {
    let text = error.render().to_string();
    if error.use_stderr() {
        super::output::diagnostic(text.trim_end());
        ExitCode::from(USAGE)
    } else {
        let _ = super::output::text(&text);
        ExitCode::from(OK)
    }
}
