//! `actorgraph init DIR`: an empty, valid graph folder to grow.

use std::path::Path;
use std::process::ExitCode;

use super::error::{CliError, Declined, OK, Refusal, Verb};
use super::{folder, output};
use actorgraph::edit::{Elements, change};
use actorgraph::load::{ENTITIES_FILE, GraphFiles, RELATIONS_FILE, SOURCES_FILE};

/// What goes where, for the folder's README.txt.
const README: &str = "\
An actorgraph graph folder.

entities.json   the actors and places: id, kind, names (en, ar, fr), aliases, description
relations.json  dated relations between them, each with evidence spans of a source document
sources.json    the source documents (texts or tables) with their sha256

Keep the documents themselves in a folder of their own and pass it with --sources DIR.
Grow the graph with `actorgraph --data DIR add ...`, `cite`, `import` and `merge`;
`actorgraph --data DIR check --sources SOURCES` validates it.
";

/// Creates `dir` (or fills it when empty) with three empty data files and a README.txt.
pub fn run(dir: &Path) -> Result<ExitCode, CliError> {
    for name in [ENTITIES_FILE, RELATIONS_FILE, SOURCES_FILE] {
        if dir.join(name).exists() {
            return Err(Refusal::Occupied {
                dir: dir.to_owned(),
                file: name,
                command: "init only starts a new graph",
            }
            .into());
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| CliError::File {
        verb: Verb::Create,
        path: dir.to_owned(),
        fault: e.into(),
    })?;
    let empty = GraphFiles {
        origin: dir.display().to_string(),
        layout: actorgraph::load::Layout::Folder,
        entities: Vec::new().into(),
        relations: Vec::new().into(),
        sources: Vec::new().into(),
    };
    let files = change(&empty, &Elements::default(), None, false).map_err(Declined::from)?;
    folder::write(dir, &files, Vec::new())?;
    let readme = dir.join("README.txt");
    if !readme.exists() {
        actorgraph::atomic::write(&readme, |w| w.write_all(README.as_bytes())).map_err(|e| {
            CliError::File {
                verb: Verb::Write,
                path: readme.clone(),
                fault: e.into(),
            }
        })?;
    }
    output::text(&format!(
        "created an empty graph in {}: {ENTITIES_FILE}, {RELATIONS_FILE}, {SOURCES_FILE}, README.txt\n",
        dir.display()
    ))?;
    Ok(ExitCode::from(OK))
}
