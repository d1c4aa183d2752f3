//! The graph folder a command changes (`add`, `remove`, `cite --add-source`, `import`,
//! `merge`): read and validated, then written back one file at a time, atomically, in the
//! order [`Change::writes`] gives, so that the folder is valid after each file (a command
//! killed in between leaves a valid graph, never a half-written file).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::{CliError, INVALID, Missing, Refusal};
use super::output;
use super::target::Inputs;
use actorgraph::Graph;
use actorgraph::edit::{Change, Elements, Rejected};
use actorgraph::load::{GraphFiles, Problem};

/// A graph folder, read.
pub struct Folder {
    /// The folder.
    pub dir: PathBuf,
    /// Its files' bytes.
    pub files: GraphFiles,
    /// Its elements.
    pub elements: Elements,
    /// The loaded graph (names resolve through it).
    pub graph: Graph,
}

impl Folder {
    /// Reads and validates the graph folder `dir`.
    pub fn open(dir: &Path) -> Result<Folder, CliError> {
        if !dir.is_dir() {
            return Err(Refusal::NotAGraphFolder {
                dir: dir.to_owned(),
            }
            .into());
        }
        let files = GraphFiles::read_dir(dir)?;
        let (elements, graph) = Elements::read(&files)?;
        Ok(Folder {
            dir: dir.to_owned(),
            files,
            elements,
            graph,
        })
    }

    /// A graph folder not created yet: no files, no elements.
    pub fn empty(dir: &Path) -> Result<Folder, CliError> {
        let files = GraphFiles {
            origin: dir.display().to_string(),
            layout: actorgraph::load::Layout::Folder,
            entities: Vec::new().into(),
            relations: Vec::new().into(),
            sources: Vec::new().into(),
        };
        let graph = actorgraph::load::load(&Elements::default().files(&files.origin))?;
        Ok(Folder {
            dir: dir.to_owned(),
            files,
            elements: Elements::default(),
            graph,
        })
    }

    /// The folder `--data` names; the built-in graph cannot be changed.
    pub fn of_data(global: &Global, command: &str) -> Result<Folder, CliError> {
        match &global.data {
            Some(dir) if dir.is_dir() => Folder::open(dir),
            Some(file) => Err(Refusal::NotAFolder {
                command: command.to_owned(),
                path: file.clone(),
            }
            .into()),
            None => Err(Missing::GraphFolder {
                command: command.to_owned(),
            }
            .into()),
        }
    }

    /// Writes `change` into the folder, never over one of `inputs` (files the command read,
    /// such as a table or a source document).
    pub fn write(&self, change: &Change, inputs: Vec<(String, PathBuf)>) -> Result<(), CliError> {
        write(&self.dir, change, inputs)
    }
}

/// Writes `change` into `dir`, file by file in order, never over one of `inputs`.
pub fn write(dir: &Path, change: &Change, inputs: Vec<(String, PathBuf)>) -> Result<(), CliError> {
    let inputs = Inputs::paths(inputs);
    for (name, bytes) in change.writes() {
        inputs.write(&dir.join(name), |w| w.write_all(bytes))?;
    }
    Ok(())
}

/// Reports a rejected change: every problem on stderr as `check` prints it (or `{valid,
/// problems}` on stdout with --json), then the verdict; exit code 1.
pub fn rejected(global: &Global, rejected: &Rejected) -> Result<ExitCode, CliError> {
    report(global, &rejected.problems, "nothing was written")
}

/// Prints `problems` as `check` does, then why nothing happened; exit code 1.
pub fn report(global: &Global, problems: &[Problem], outcome: &str) -> Result<ExitCode, CliError> {
    #[derive(Serialize)]
    struct Refusal<'a> {
        valid: bool,
        written: bool,
        problems: &'a [Problem],
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    if global.json {
        output::json(&Refusal {
            valid: false,
            written: false,
            problems,
        })?;
    }
    let mut message: Vec<String> = problems.iter().map(ToString::to_string).collect();
    message.push(format!("error: {errors} error(s): {outcome}"));
    output::diagnostic(&message.join("\n"));
    Ok(ExitCode::from(INVALID))
}

/// Prints each warning on stderr as `check` does.
pub fn warn(problems: &[Problem]) {
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        output::diagnostic(&lines.join("\n"));
    }
}
