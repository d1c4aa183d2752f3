//! Growing a graph folder: adding and removing elements, merging graphs, writing the files
//! back in their stable [`layout`].
//!
//! Nothing here writes a file. An edit is computed as a [`Change`] (the new bytes of the files
//! it touches), validated by the very code `check` runs ([`load::check`]) on the files as they
//! would be, and handed back; the caller writes it ([`Change::writes`] gives the order) or
//! reports its problems. A change with any error is never produced, so a rejected edit leaves
//! the files as they were.

pub mod add;
pub mod layout;
pub mod merge;
pub mod remove;
pub mod slug;

use std::borrow::Cow;
use std::path::Path;

use crate::graph::Graph;
use crate::load::{
    self, ENTITIES_FILE, GraphFiles, InvalidGraph, Problem, RELATIONS_FILE, SOURCES_FILE,
};
use crate::model::{Entity, Relation, Source};

/// The elements of a valid graph folder, to be changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Elements {
    /// `entities.json`, in file order.
    pub entities: Vec<Entity>,
    /// `relations.json`, in file order.
    pub relations: Vec<Relation>,
    /// `sources.json`, in file order.
    pub sources: Vec<Source>,
}

impl Elements {
    /// The elements of `files`, which must load without error.
    pub fn read(files: &GraphFiles) -> Result<(Elements, Graph), InvalidGraph> {
        let graph = load::load(files)?;
        let elements = Elements::of(&graph);
        Ok((elements, graph))
    }

    /// The elements of a loaded graph, in file order.
    pub fn of(graph: &Graph) -> Elements {
        Elements {
            entities: graph.entities().to_vec(),
            relations: graph.relations().to_vec(),
            sources: graph.sources().to_vec(),
        }
    }

    /// These elements with `added` after them, each at the end of its file.
    pub fn with(&self, added: &Elements) -> Elements {
        let mut out = self.clone();
        out.entities.extend(added.entities.iter().cloned());
        out.relations.extend(added.relations.iter().cloned());
        out.sources.extend(added.sources.iter().cloned());
        out
    }

    /// The three files in [`layout`].
    pub fn files(&self, origin: &str) -> GraphFiles {
        GraphFiles {
            origin: origin.to_owned(),
            layout: load::Layout::Folder,
            entities: Cow::Owned(layout::file(&self.entities)),
            relations: Cow::Owned(layout::file(&self.relations)),
            sources: Cow::Owned(layout::file(&self.sources)),
        }
    }
}

/// Which file of a graph folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// `sources.json`.
    Sources,
    /// `entities.json`.
    Entities,
    /// `relations.json`.
    Relations,
}

impl Part {
    /// The file name.
    pub fn file(self) -> &'static str {
        match self {
            Part::Sources => SOURCES_FILE,
            Part::Entities => ENTITIES_FILE,
            Part::Relations => RELATIONS_FILE,
        }
    }
}

/// The new contents of the files an edit touches, validated.
#[derive(Debug, Clone)]
pub struct Change {
    /// Each changed file with its new bytes, in the order they must be written.
    files: Vec<(Part, Vec<u8>)>,
    /// The warnings `check` gives the changed graph.
    pub warnings: Vec<Problem>,
}

/// An edit that would leave the graph invalid: every problem of the graph as it would be,
/// located as `check` locates them.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the change leaves {} error(s) in the graph; nothing was written", problems.iter().filter(|p| p.is_error()).count())]
pub struct Rejected {
    /// Every problem, errors and warnings, sorted as `check` sorts them.
    pub problems: Vec<Problem>,
}

impl Change {
    /// The files to write, in an order that keeps the folder valid after each one: growing,
    /// sources, then entities, then relations (a new relation never names an element not yet
    /// written); shrinking, the reverse (nothing written names a removed element).
    pub fn writes(&self) -> impl Iterator<Item = (&'static str, &[u8])> {
        self.files
            .iter()
            .map(|(part, bytes)| (part.file(), bytes.as_slice()))
    }

    /// True when no file changes.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// Validates the graph `after` would make of `before`'s folder, exactly as `check` would
/// (with `sources_dir`, the evidence spans too), and gives the files that differ, in the
/// order [`Change::writes`] describes (`shrinking` for removals).
///
/// ```
/// use actorgraph::edit::{Elements, change, remove::remove};
/// use actorgraph::load::GraphFiles;
/// let files = GraphFiles::builtin();
/// let (elements, _) = Elements::read(&files).unwrap();
/// let unchanged = change(&files, &elements, None, false).unwrap();
/// assert!(unchanged.is_empty());
/// let (after, _) = remove(&elements, "mnla-controls-gao", false).unwrap();
/// let change = change(&files, &after, None, true).unwrap();
/// assert_eq!(change.writes().map(|(file, _)| file).collect::<Vec<_>>(), ["relations.json"]);
/// ```
pub fn change(
    before: &GraphFiles,
    after: &Elements,
    sources_dir: Option<&Path>,
    shrinking: bool,
) -> Result<Change, Rejected> {
    let files = after.files(&before.origin);
    validated(before, files, sources_dir, shrinking)
}

/// [`change`] for files already laid out: an element given as JSON that does not parse is
/// spliced into its file as written ([`splice`]), so its problems are located in it.
pub fn validated(
    before: &GraphFiles,
    files: GraphFiles,
    sources_dir: Option<&Path>,
    shrinking: bool,
) -> Result<Change, Rejected> {
    let report = load::verify(&files, sources_dir);
    if report.has_error() {
        return Err(Rejected {
            problems: report.problems,
        });
    }
    let mut parts = vec![
        (Part::Sources, &before.sources, files.sources),
        (Part::Entities, &before.entities, files.entities),
        (Part::Relations, &before.relations, files.relations),
    ];
    if shrinking {
        parts.reverse();
    }
    Ok(Change {
        files: parts
            .into_iter()
            .filter(|(_, old, new)| old[..] != new[..])
            .map(|(part, _, new)| (part, new.into_owned()))
            .collect(),
        warnings: report.problems,
    })
}

/// Inserts one element, as JSON `text`, at the end of `file` (a data file's bytes in
/// [`layout`]), indented as the layout indents elements. For an element that did not parse:
/// the file is then checked as the user would have written it by hand.
///
/// ```
/// use actorgraph::edit::splice;
/// assert_eq!(splice(b"[]\n", "{\"a\": 1}"), b"[\n  {\"a\": 1}\n]\n");
/// assert_eq!(splice(b"[\n  1\n]\n", "2"), b"[\n  1,\n  2\n]\n");
/// ```
pub fn splice(file: &[u8], text: &str) -> Vec<u8> {
    let body = String::from_utf8_lossy(file);
    let body = body.trim_end();
    let inner = body.strip_suffix(']').unwrap_or(body).trim_end();
    let indented = text
        .trim()
        .lines()
        .map(|line| format!("  {line}"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = String::from(inner);
    if inner.trim_start() == "[" {
        out = "[".to_owned();
    } else {
        out.push(',');
    }
    out.push('\n');
    out.push_str(&indented);
    out.push_str("\n]\n");
    out.into_bytes()
}
