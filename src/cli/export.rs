//! `actorgraph export`: a selection of the graph as a diagram or an exchange format.

use std::path::Path;
use std::process::ExitCode;

use super::args::{ExportArgs, Global};
use super::error::CliError;
use super::load_graph;
use actorgraph::export::{self, DiffView, Format, Options};
use actorgraph::query::{self, Snapshot};
use actorgraph::{Graph, atomic};

/// Selects, then writes to stdout, a file or (for several parts) a folder.
pub fn run(global: &Global, args: &ExportArgs) -> Result<ExitCode, CliError> {
    let graph = load_graph(global)?;
    let (selection, options) = select(&graph, args)?;
    let format = args.format;
    match (&args.output, format.parts()) {
        (None, [_]) => {
            let mut out = std::io::stdout().lock();
            export::write(format, "", &graph, &selection, &options, &mut out)?;
        }
        (None, _) => {
            return Err(CliError::Usage(format!(
                "{format} export writes several files ({}): give the output folder with -o DIR",
                format.parts().join(", ")
            )));
        }
        (Some(path), [_]) => write_file(path, |w| {
            export::write(format, "", &graph, &selection, &options, w)
        })?,
        (Some(dir), parts) => {
            std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
            for part in parts {
                write_file(&dir.join(part), |w| {
                    export::write(format, part, &graph, &selection, &options, w)
                })?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The relations and entities to export, and the drawing options.
pub fn select(graph: &Graph, args: &ExportArgs) -> Result<(Snapshot, Options), CliError> {
    let filter = args.select.filter()?;
    let mut options = Options {
        lang: args.lang,
        title: args.title.clone(),
        diff: None,
    };
    if let Some(dates) = &args.diff {
        if args.format != Format::Dot {
            return Err(CliError::Usage(
                "--diff draws a DOT diagram: use `export dot --diff D1 D2`".to_owned(),
            ));
        }
        let (first, second) = (dates[0], dates[1]);
        let diff = query::diff(graph, first.period(), second.period(), &filter);
        let mut relations: Vec<query::Found> = [&diff.began, &diff.ended, &diff.changed]
            .into_iter()
            .flatten()
            .map(|c| query::Found {
                relation: c.relation,
                certainty: c.after.or(c.before),
            })
            .collect();
        relations.sort_by(|a, b| {
            actorgraph::graph::chronological(graph.relation(a.relation), graph.relation(b.relation))
        });
        let mut entities: Vec<usize> = relations
            .iter()
            .flat_map(|f| {
                let r = graph.relation(f.relation);
                [graph.entity_ix(&r.source), graph.entity_ix(&r.target)]
            })
            .flatten()
            .collect();
        entities.sort_unstable();
        entities.dedup();
        options.diff = Some(DiffView {
            first,
            second,
            diff,
        });
        return Ok((
            Snapshot {
                entities,
                relations,
            },
            options,
        ));
    }
    let selection = match &args.focus {
        Some(name) => query::ego(graph, graph.resolve(name)?, args.depth, &filter),
        None => query::snapshot(graph, &filter),
    };
    Ok((selection, options))
}

/// Writes `path` atomically, turning an I/O failure into an error that names the file.
pub fn write_file(
    path: &Path,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), CliError> {
    atomic::write(path, fill).map_err(|e| io_error(path, e))
}

fn io_error(path: &Path, e: std::io::Error) -> CliError {
    CliError::Usage(format!("cannot write {}: {e}", path.display()))
}
