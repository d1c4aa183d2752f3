//! Where a command writes: `-o PATH` (or `-o -`, standard output), never one of its inputs.
//!
//! An export written over the graph it reads (`--data G export json -o G/entities.json`)
//! would leave the graph invalid, and one written over a source document would break its
//! checksum. Before anything is written, the output is compared with every file the command
//! reads — the graph's files, its cache, the source documents under `--sources` — by device
//! and inode, which sees through links, `..` and hard links alike.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::args::Global;
use super::error::{CliError, Fault, Refusal, Verb};
use actorgraph::load::{ENTITIES_FILE, RELATIONS_FILE, SOURCES_FILE};
use actorgraph::{Source, atomic, cache};

/// The files a command reads, which it must never write.
pub struct Inputs {
    /// Each input file that exists, with what it is for messages, by (device, inode).
    files: Vec<(String, (u64, u64))>,
}

impl Inputs {
    /// The graph files `--data` names (the three files and the cache of a folder, or a
    /// node-link file) and the graph's source documents under `--sources`.
    pub fn of(global: &Global, sources: &[Source]) -> Inputs {
        let mut paths: Vec<(String, PathBuf)> = Vec::new();
        match &global.data {
            Some(dir) if dir.is_dir() => {
                for name in [ENTITIES_FILE, RELATIONS_FILE, SOURCES_FILE] {
                    paths.push((format!("the graph file {name}"), dir.join(name)));
                }
                paths.push(("the graph's cache".to_owned(), cache::path(dir)));
            }
            Some(file) => paths.push(("the graph file".to_owned(), file.clone())),
            None => {}
        }
        if let Some(dir) = &global.sources {
            for source in sources {
                let path = dir.join(&source.document);
                paths.push(("a source document".to_owned(), path));
            }
        }
        Inputs::paths(paths)
    }

    /// The files `paths` name, each with what it is for messages (`the table`).
    pub fn paths(paths: Vec<(String, PathBuf)>) -> Inputs {
        let files = paths
            .into_iter()
            .filter_map(|(what, path)| identity(&path).map(|id| (what, id)))
            .collect();
        Inputs { files }
    }

    /// Writes `path` atomically ([`atomic::write`]) unless it is one of the inputs.
    pub fn write(
        &self,
        path: &Path,
        fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), CliError> {
        self.write_all(path, &[path], |mut outs| {
            fill(outs.pop().expect("one writer per path"))
        })
    }

    /// Writes each of `paths` through `fill`, which gets one writer per path, in order, all of
    /// them written before any replaces its file ([`atomic::write_all`]), unless one is an
    /// input. An error of the writing itself, not of one file, is said of `whole` (the folder
    /// of an export's files).
    pub fn write_all(
        &self,
        whole: &Path,
        paths: &[&Path],
        fill: impl FnOnce(Vec<&mut dyn std::io::Write>) -> std::io::Result<()>,
    ) -> Result<(), CliError> {
        for path in paths {
            if let Some(id) = identity(path)
                && let Some((what, _)) = self.files.iter().find(|(_, input)| *input == id)
            {
                return Err(Refusal::OwnInput {
                    path: path.to_path_buf(),
                    what: what.clone(),
                }
                .into());
            }
        }
        atomic::write_all(paths, fill).map_err(|failure| CliError::File {
            verb: Verb::Write,
            path: failure.path.map_or(whole, |i| paths[i]).to_owned(),
            fault: failure.error.into(),
        })
    }
}

/// The bytes of an input file the command line names: a regular file (never a FIFO that would
/// block or a device that never ends) of at most `limit` bytes, `what` saying which limit.
pub fn read_input(path: &Path, limit: u64, what: &'static str) -> Result<Vec<u8>, CliError> {
    let fail = |fault: Fault| CliError::File {
        verb: Verb::Read,
        path: path.to_owned(),
        fault,
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(e.into()))?;
    if !meta.is_file() {
        return Err(fail(Fault::NotRegular));
    }
    if meta.len() > limit {
        return Err(fail(Fault::TooLarge { what, limit }));
    }
    std::fs::read(path).map_err(|e| fail(e.into()))
}

/// The device and inode of the file `path` names (through links), when it exists.
fn identity(path: &Path) -> Option<(u64, u64)> {
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// `-o -` means standard output, as for most command-line tools.
pub fn output_path(output: Option<&Path>) -> Option<&Path> {
    output.filter(|path| path.as_os_str() != "-")
}
