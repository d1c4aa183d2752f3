//! `actorgraph merge A B --into C`: two graph folders into a third.

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::{CliError, OK, Refusal, Verb};
use super::folder::{self, Folder};
use super::output;
use actorgraph::edit::change;
use actorgraph::edit::merge::merge;
use actorgraph::load::{ENTITIES_FILE, GraphFiles, RELATIONS_FILE, SOURCES_FILE};

#[derive(Serialize)]
struct MergeJson<'a> {
    entities: usize,
    relations: usize,
    sources: usize,
    renamed: &'a [(String, String)],
    conflicts: Vec<String>,
}

/// Merges `first` and `second` into `into`, which must be new or empty of graph files.
pub fn run(
    global: &Global,
    first: &Path,
    second: &Path,
    into: &Path,
) -> Result<ExitCode, CliError> {
    let (a, b) = (Folder::open(first)?, Folder::open(second)?);
    for name in [ENTITIES_FILE, RELATIONS_FILE, SOURCES_FILE] {
        if into.join(name).exists() {
            return Err(Refusal::Occupied {
                dir: into.to_owned(),
                file: name,
                command: "merge writes a new graph",
            }
            .into());
        }
    }
    let merged = merge(&a.elements, &b.elements);
    let empty = GraphFiles {
        origin: into.display().to_string(),
        layout: actorgraph::load::Layout::Folder,
        entities: Vec::new().into(),
        relations: Vec::new().into(),
        sources: Vec::new().into(),
    };
    let change = match change(&empty, &merged.elements, global.sources.as_deref(), false) {
        Ok(change) => change,
        Err(rejected) => return folder::rejected(global, &rejected),
    };
    std::fs::create_dir_all(into).map_err(|e| CliError::File {
        verb: Verb::Create,
        path: into.to_owned(),
        fault: e.into(),
    })?;
    let inputs = [first, second]
        .iter()
        .flat_map(|dir| {
            [ENTITIES_FILE, RELATIONS_FILE, SOURCES_FILE].map(|name| {
                (
                    format!("the graph file {name} of {}", dir.display()),
                    dir.join(name),
                )
            })
        })
        .collect();
    folder::write(into, &change, inputs)?;
    let conflicts: Vec<String> = merged.conflicts.iter().map(ToString::to_string).collect();
    let e = &merged.elements;
    if global.json {
        output::json(&MergeJson {
            entities: e.entities.len(),
            relations: e.relations.len(),
            sources: e.sources.len(),
            renamed: &merged.renamed,
            conflicts,
        })?;
    } else {
        let mut text = String::new();
        for c in &conflicts {
            text.push_str(&format!("conflict: {c}\n"));
        }
        for (from, to) in &merged.renamed {
            text.push_str(&format!("merged: {from} (second graph) is {to}\n"));
        }
        text.push_str(&format!(
            "{}: {} entities, {} relations, {} sources; {} conflict(s), the first graph's values kept\n",
            into.display(),
            e.entities.len(),
            e.relations.len(),
            e.sources.len(),
            conflicts.len()
        ));
        output::text(&text)?;
    }
    Ok(ExitCode::from(OK))
}
