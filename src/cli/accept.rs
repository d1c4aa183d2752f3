//! `actorgraph accept`: reviewed candidates into a graph folder, through the same validation
//! and atomic writes as `add` (`actorgraph::edit`).

use std::path::Path;
use std::process::ExitCode;

use super::args::Global;
use super::error::CliError;
use super::folder::{self, Folder};
use super::output;
use actorgraph::edit;
use actorgraph::extract::{Extraction, accept};

/// Reads the candidates, turns the chosen ones into additions, validates the graph they make
/// and writes it: sources, then entities, then relations.
pub fn run(
    global: &Global,
    candidates: &Path,
    ids: &[String],
    into: &Path,
) -> Result<ExitCode, CliError> {
    let bytes = std::fs::read(candidates)
        .map_err(|e| CliError::Usage(format!("cannot read {}: {e}", candidates.display())))?;
    let extraction: Extraction = serde_json::from_slice(&bytes).map_err(|e| {
        CliError::Usage(format!(
            "{} is not a candidates file (as `actorgraph extract --json` writes): {e}",
            candidates.display()
        ))
    })?;
    let folder = Folder::open(into)?;
    let sources = global.sources.as_deref();
    let additions = accept::additions(&extraction, ids, &folder.graph, sources)
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let after = additions.applied_to(&folder.elements);
    let change = match edit::change(&folder.files, &after, sources, false) {
        Ok(change) => change,
        Err(rejected) => return folder::rejected(global, &rejected),
    };
    let read = vec![("the candidates file".to_owned(), candidates.to_path_buf())];
    folder.write(&change, read)?;
    folder::warn(&change.warnings);
    output::diagnostic(&format!(
        "added {} relation(s), {} entity(ies) and {} source(s) to {}",
        additions.relations.len(),
        additions.entities.len(),
        additions.sources.len(),
        into.display()
    ));
    Ok(ExitCode::SUCCESS)
}
