//! `actorgraph accept`: reviewed candidates into a graph folder, through the same validation
//! and atomic, file-by-file write as `add` ([`folder`]).

use std::path::Path;
use std::process::ExitCode;

use super::args::Global;
use super::error::{Argument, CliError, Declined, Verb};
use super::folder::{self, Folder};
use super::output;
use actorgraph::edit;
use actorgraph::extract::{Extraction, accept};

/// Reads the candidates, turns the chosen ones into new elements, and adds them to `into`
/// when the whole graph stays valid; otherwise reports every problem as `check` does and
/// writes nothing.
pub fn run(
    global: &Global,
    candidates: &Path,
    ids: &[String],
    into: &Path,
) -> Result<ExitCode, CliError> {
    let bytes = std::fs::read(candidates).map_err(|e| CliError::File {
        verb: Verb::Read,
        path: candidates.to_owned(),
        fault: e.into(),
    })?;
    let extraction: Extraction =
        serde_json::from_slice(&bytes).map_err(|error| Argument::Candidates {
            path: candidates.to_owned(),
            error,
        })?;
    let target = Folder::open(into)?;
    let added = accept::additions(&extraction, ids, &target.graph, global.sources.as_deref())
        .map_err(Declined::from)?;
    let after = target.elements.with(&added);
    let change = match edit::change(&target.files, &after, None, false) {
        Ok(change) => change,
        Err(rejected) => return folder::rejected(global, &rejected),
    };
    let read = vec![("the candidates file".to_owned(), candidates.to_owned())];
    target.write(&change, read)?;
    output::diagnostic(&format!(
        "added {} relation(s), {} entity(ies) and {} source(s) to {}",
        added.relations.len(),
        added.entities.len(),
        added.sources.len(),
        into.display()
    ));
    Ok(ExitCode::SUCCESS)
}
