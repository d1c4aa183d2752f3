//! `actorgraph accept`: reviewed candidates into a graph folder.

use std::path::Path;
use std::process::ExitCode;

use super::args::Global;
use super::error::CliError;
use super::output;
use actorgraph::extract::{Extraction, accept};
use actorgraph::grow::{self, GrowError};
use actorgraph::load::{self, GraphFiles};

/// Reads the candidates, turns the chosen ones into additions, and adds them to `into`.
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
    let graph = load::load_owned(GraphFiles::read_dir(into)?)?;
    let additions = accept::additions(&extraction, ids, &graph, global.sources.as_deref())
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let (e, r, s) = (
        additions.entities.len(),
        additions.relations.len(),
        additions.sources.len(),
    );
    grow::add(into, &additions, None).map_err(|e| match e {
        GrowError::Read(e) => CliError::Read(e),
        GrowError::Invalid(e) => CliError::Invalid(e),
        other => CliError::Usage(other.to_string()),
    })?;
    output::diagnostic(&format!(
        "added {r} relation(s), {e} entity(ies) and {s} source(s) to {}",
        into.display()
    ));
    Ok(ExitCode::SUCCESS)
}
