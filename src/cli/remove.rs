//! `actorgraph remove ID [--cascade]`: an element out of the --data graph folder, never
//! leaving a reference to it behind.

use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::{CliError, Declined, NoResult, OK};
use super::folder::{self, Folder};
use super::output;
use actorgraph::edit::change;
use actorgraph::edit::remove::{RemoveError, remove};

#[derive(Serialize)]
struct RemovedJson<'a> {
    removed: &'a str,
    id: &'a str,
    relations: &'a [String],
    spans: &'a [String],
    files: Vec<&'a str>,
}

/// Removes `id` (and with `cascade`, what refers to it).
pub fn run(global: &Global, id: &str, cascade: bool) -> Result<ExitCode, CliError> {
    let folder = Folder::of_data(global, "remove")?;
    let (after, removed) = remove(&folder.elements, id, cascade).map_err(|e| match e {
        RemoveError::Unknown(_) => CliError::from(NoResult::Unknown(e)),
        RemoveError::Referenced { .. } => Declined::Remove(e).into(),
    })?;
    let change = match change(&folder.files, &after, global.sources.as_deref(), true) {
        Ok(change) => change,
        Err(rejected) => return folder::rejected(global, &rejected),
    };
    folder.write(&change, Vec::new())?;
    let files: Vec<&str> = change.writes().map(|(name, _)| name).collect();
    if global.json {
        output::json(&RemovedJson {
            removed: removed.what,
            id,
            relations: &removed.relations,
            spans: &removed.spans,
            files,
        })?;
    } else {
        let mut text = format!(
            "removed {} {id:?} from {}",
            removed.what,
            folder.dir.display()
        );
        if !removed.relations.is_empty() {
            text.push_str(&format!(
                ", with {} relation(s): {}",
                removed.relations.len(),
                removed.relations.join(", ")
            ));
        }
        if !removed.spans.is_empty() {
            text.push_str(&format!(
                ", with {} evidence span(s): {}",
                removed.spans.len(),
                removed.spans.join("; ")
            ));
        }
        text.push('\n');
        output::text(&text)?;
    }
    Ok(ExitCode::from(OK))
}
