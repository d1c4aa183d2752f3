//! `actorgraph import csv FILE --into DIR --map ucdp|acled|MAPPING`: an event table into a
//! graph folder; nothing is written unless every row imports (or `--skip-bad`).

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::{Argument, CliError, Declined, OK, Verb};
use super::folder::{self, Folder};
use super::output;
use super::target::read_input;
use actorgraph::edit::change;
use actorgraph::import::custom::CustomMapping;
use actorgraph::import::{Mapping, Table, import};
use actorgraph::load::Problem;

#[derive(Serialize)]
struct ImportJson<'a> {
    table: &'a str,
    #[serde(flatten)]
    counts: &'a Counts,
    problems: &'a [Problem],
}

/// Imports `file` into the graph folder `into`.
pub fn run(
    global: &Global,
    file: &Path,
    into: &Path,
    map: &str,
    skip_bad: bool,
) -> Result<ExitCode, CliError> {
    let mapping = mapping(map)?;
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| Argument::FileName {
            path: file.to_owned(),
        })?;
    // A table is held to the size limit of a graph file.
    let bytes = read_input(
        file,
        actorgraph::load::limits::MAX_FILE_BYTES,
        "a graph file",
    )?;
    // A new folder is created only once the import is written.
    let folder = if into.join(actorgraph::load::ENTITIES_FILE).exists() {
        Folder::open(into)?
    } else {
        Folder::empty(into)?
    };
    let mut problems = Vec::new();
    let table = Table::parse(name, &bytes, &mut problems).map_err(Declined::from)?;
    let imported = import(&folder.graph, &folder.elements, &table, &mapping);
    problems.extend(imported.problems.iter().cloned());
    let bad_rows = problems.iter().filter(|p| p.is_error()).count();
    if bad_rows > 0 && !skip_bad {
        return folder::report(
            global,
            &problems,
            "nothing was written (--skip-bad imports the other rows)",
        );
    }
    let change = match change(
        &folder.files,
        &imported.elements,
        global.sources.as_deref(),
        false,
    ) {
        Ok(change) => change,
        Err(rejected) => return folder::rejected(global, &rejected),
    };
    let mut inputs = vec![("the table".to_owned(), file.to_owned())];
    if !matches!(map, "ucdp" | "acled") {
        inputs.push(("the mapping file".to_owned(), Path::new(map).to_owned()));
    }
    std::fs::create_dir_all(into).map_err(|e| CliError::File {
        verb: Verb::Create,
        path: into.to_owned(),
        fault: e.into(),
    })?;
    folder.write(&change, inputs)?;
    let counts = Counts {
        rows: table.rows.len(),
        relations: imported.relations,
        entities: imported.entities,
        already: imported.already,
        bad_rows,
    };
    tell(global, name, into, &counts, &problems)?;
    Ok(ExitCode::from(OK))
}

/// The mapping `--map` names: `ucdp`, `acled`, or a mapping file.
fn mapping(map: &str) -> Result<Mapping, CliError> {
    Ok(match map {
        "ucdp" => Mapping::Ucdp,
        "acled" => Mapping::Acled,
        path => {
            let text = std::fs::read_to_string(path).map_err(|error| Argument::MapFile {
                path: path.to_owned(),
                error,
            })?;
            let mapping = CustomMapping::parse(path, &text).map_err(Declined::from)?;
            Mapping::Custom(Box::new(mapping))
        }
    })
}

/// What an import did, in numbers.
#[derive(Serialize)]
struct Counts {
    rows: usize,
    relations: usize,
    entities: usize,
    already: usize,
    bad_rows: usize,
}

/// Tells what the import of table `name` into `into` did, and the problems of the rows.
fn tell(
    global: &Global,
    name: &str,
    into: &Path,
    counts: &Counts,
    problems: &[Problem],
) -> Result<(), CliError> {
    let &Counts {
        rows,
        relations,
        entities,
        already,
        bad_rows,
    } = counts;
    if global.json {
        output::json(&ImportJson {
            table: name,
            counts,
            problems,
        })?;
    } else {
        folder::warn(problems);
        output::text(&format!(
            "{name}: {rows} row(s): {relations} relation(s) and {entities} new entities added to {}{}{}\n",
            into.display(),
            if already > 0 {
                format!(", {already} already imported")
            } else {
                String::new()
            },
            if bad_rows > 0 {
                format!(", {bad_rows} bad row(s) left out")
            } else {
                String::new()
            },
        ))?;
    }
    Ok(())
}
