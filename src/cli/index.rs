//! `actorgraph index`: validate a graph folder and write its binary cache.

use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::{CliError, Missing, OK, Verb};
use super::output;
use actorgraph::cache;

#[derive(Serialize)]
struct IndexJson<'a> {
    cache: &'a str,
    bytes: u64,
    entities: usize,
    relations: usize,
    sources: usize,
}

/// Loads `--data DIR` from its JSON files (failing on any error, as `check` would report it)
/// and writes `DIR/actorgraph.cache`.
pub fn run(global: &Global) -> Result<ExitCode, CliError> {
    let Some(dir) = global.data.as_deref().filter(|d| d.is_dir()) else {
        return Err(Missing::CacheFolder.into());
    };
    let (graph, written) = cache::index(dir)?;
    let file = cache::path(dir);
    let bytes = written.map_err(|e| CliError::File {
        verb: Verb::WriteCache,
        path: file.clone(),
        fault: e.into(),
    })?;
    let shown = file.display().to_string();
    let report = IndexJson {
        cache: &shown,
        bytes,
        entities: graph.entities().len(),
        relations: graph.relations().len(),
        sources: graph.sources().len(),
    };
    if global.json {
        output::json(&report)?;
    } else {
        output::text(&format!(
            "wrote {shown} ({} bytes): {} entities, {} relations, {} sources\n",
            report.bytes, report.entities, report.relations, report.sources
        ))?;
    }
    Ok(ExitCode::from(OK))
}
