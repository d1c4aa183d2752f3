//! Loading a graph folder: parsing each file, validating the whole, building the [`Graph`].
//!
//! A graph folder holds `entities.json`, `relations.json` and `sources.json`, each a JSON
//! array of [`Entity`](crate::Entity), [`Relation`](crate::Relation) and
//! [`Source`](crate::Source) objects. The loader never panics and never accepts bad data
//! silently: it reports every problem it finds, each with its file, line, column, JSON path and
//! id.

mod json;
pub mod limits;
mod node_link;
mod problem;
mod texts;
mod validate;

use std::borrow::Cow;
use std::path::{Path, PathBuf};

pub use json::Element;
pub use problem::{Code, Location, Problem, Severity};
pub use texts::{
    MAX_DOCUMENT_BYTES, SourceTexts, SpanError, is_plain_file_name, read_limited as read_document,
    sha256_hex,
};
pub use validate::{Link, Parsed, Resolved};

use crate::graph::Graph;

/// The entities file of a graph folder.
pub const ENTITIES_FILE: &str = "entities.json";
/// The relations file of a graph folder.
pub const RELATIONS_FILE: &str = "relations.json";
/// The sources file of a graph folder.
pub const SOURCES_FILE: &str = "sources.json";

/// The raw bytes of a graph's three files.
#[derive(Debug, Clone)]
pub struct GraphFiles {
    /// Where they came from, for messages (`built-in azawad graph` or the folder).
    pub origin: String,
    /// How the three parts were stored, which names them in messages.
    pub layout: Layout,
    /// `entities.json`.
    pub entities: Cow<'static, [u8]>,
    /// `relations.json`.
    pub relations: Cow<'static, [u8]>,
    /// `sources.json`.
    pub sources: Cow<'static, [u8]>,
}

/// A graph folder that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read {}: {source}", path.display())]
pub struct ReadError {
    /// The file that failed.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub source: std::io::Error,
}

/// How a graph's three parts are stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// A folder of `entities.json`, `relations.json` and `sources.json`.
    Folder,
    /// One node-link document (as `export json` writes): `nodes`, `links` and `sources`
    /// arrays in the file named here.
    NodeLink(String),
}

/// The names problems give to the three parts of a graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    /// Label of the entities part.
    pub entities: String,
    /// Label of the relations part.
    pub relations: String,
    /// Label of the sources part.
    pub sources: String,
}

impl Layout {
    /// The labels of the parts: the file names of a folder, or `FILE (nodes)` and so on for a
    /// node-link document (whose line and column numbers are those of the document).
    pub fn labels(&self) -> Labels {
        match self {
            Layout::Folder => Labels {
                entities: ENTITIES_FILE.to_owned(),
                relations: RELATIONS_FILE.to_owned(),
                sources: SOURCES_FILE.to_owned(),
            },
            Layout::NodeLink(file) => Labels {
                entities: format!("{file} (nodes)"),
                relations: format!("{file} (links)"),
                sources: format!("{file} (sources)"),
            },
        }
    }
}

impl GraphFiles {
    /// The Azawad graph built into the binary.
    pub fn builtin() -> GraphFiles {
        GraphFiles {
            origin: "built-in azawad graph".to_owned(),
            layout: Layout::Folder,
            entities: Cow::Borrowed(include_bytes!("../../graph-data/azawad/entities.json")),
            relations: Cow::Borrowed(include_bytes!("../../graph-data/azawad/relations.json")),
            sources: Cow::Borrowed(include_bytes!("../../graph-data/azawad/sources.json")),
        }
    }

    /// Reads a graph folder, or a node-link JSON file (as `export json` writes).
    pub fn read_path(path: &Path) -> Result<GraphFiles, ReadError> {
        if path.is_file() {
            let bytes = read_limited(path)?;
            Ok(node_link::split(path, bytes))
        } else {
            GraphFiles::read_dir(path)
        }
    }

    /// Reads the three files of the graph folder `dir`.
    pub fn read_dir(dir: &Path) -> Result<GraphFiles, ReadError> {
        let read = |name: &str| {
            let path = dir.join(name);
            read_limited(&path).map(Cow::Owned)
        };
        Ok(GraphFiles {
            origin: dir.display().to_string(),
            layout: Layout::Folder,
            entities: read(ENTITIES_FILE)?,
            relations: read(RELATIONS_FILE)?,
            sources: read(SOURCES_FILE)?,
        })
    }
}

/// Reads a graph file: a regular file (checked before opening, so a FIFO cannot block) of at
/// most [`limits::MAX_FILE_BYTES`] (checked before and while reading, so a device cannot
/// stream forever).
fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let fail = |source| ReadError {
        path: path.to_owned(),
        source,
    };
    let too_big = || {
        fail(std::io::Error::other(format!(
            "over the {} GiB limit for a graph file; split the graph",
            limits::MAX_FILE_BYTES >> 30
        )))
    };
    let meta = std::fs::metadata(path).map_err(fail)?;
    if !meta.is_file() {
        return Err(fail(std::io::Error::other("not a regular file")));
    }
    if meta.len() > limits::MAX_FILE_BYTES {
        return Err(too_big());
    }
    let mut file = std::fs::File::open(path).map_err(fail)?;
    let mut bytes = read_halves(&file, meta.len()).map_err(fail)?;
    // The rest (all of a small file; what a file grew by since its size was read).
    use std::io::Seek;
    file.seek(std::io::SeekFrom::Start(bytes.len() as u64))
        .map_err(fail)?;
    bytes.reserve(meta.len() as usize - bytes.len());
    file.take(limits::MAX_FILE_BYTES + 1 - bytes.len() as u64)
        .read_to_end(&mut bytes)
        .map_err(fail)?;
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(too_big());
    }
    Ok(bytes)
}

/// Files at least this big are read by [`read_halves`].
const HALVES_BYTES: u64 = 32 << 20;

/// The first `len` bytes of `file` when it is at least [`HALVES_BYTES`] long, read as two
/// halves on two cores (the kernel's copy from its page cache is about a tenth of a cold
/// load at a million relations, on one core while the other waits); empty for a smaller
/// file, or one that no longer holds `len` bytes, which are then read in one pass.
fn read_halves(file: &std::fs::File, len: u64) -> std::io::Result<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    if len < HALVES_BYTES {
        return Ok(Vec::new());
    }
    let mut bytes = vec![0; len as usize];
    let (first, second) = bytes.split_at_mut(len as usize / 2);
    let at = first.len() as u64;
    let (a, b) = rayon::join(
        || file.read_exact_at(first, 0),
        || file.read_exact_at(second, at),
    );
    match a.and(b) {
        Ok(()) => Ok(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// The outcome of checking a graph: every problem, and the graph when there was no error.
#[derive(Debug)]
pub struct Report {
    /// Every problem found, sorted by file, line and column.
    pub problems: Vec<Problem>,
    /// The graph, when no problem is an error.
    pub graph: Option<Graph>,
    /// Entities, relations and sources that parsed.
    pub counts: Counts,
}

/// What checking a graph finds, without building the graph: what `actorgraph check` and the
/// commands that grow a graph need ([`verify`]).
#[derive(Debug)]
pub struct Verdict {
    /// Every problem found, sorted by file, line and column.
    pub problems: Vec<Problem>,
    /// Entities, relations and sources that parsed.
    pub counts: Counts,
    /// The elements that parsed, kept until the verdict is dropped: a process that exits
    /// right after may `std::mem::forget` the verdict and let the system take back a big
    /// graph's memory at once, where freeing its millions of strings one by one costs about
    /// a tenth of the whole check.
    parsed: Parsed,
    /// The references validation looked up, which the graph is built with.
    resolved: validate::Resolved,
}

/// How much a graph holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Entities that parsed.
    pub entities: usize,
    /// Relations that parsed.
    pub relations: usize,
    /// Relations that cite at least one evidence span.
    pub relations_with_evidence: usize,
    /// Source documents listed.
    pub sources: usize,
}

/// True when some problem is an error, or, if `strict`, any problem at all.
fn fails(problems: &[Problem], strict: bool) -> bool {
    problems.iter().any(|p| strict || p.is_error())
}

impl Report {
    /// True when some problem is an error, or, if `strict`, any problem at all.
    pub fn fails(&self, strict: bool) -> bool {
        fails(&self.problems, strict)
    }
}

impl Verdict {
    /// True when some problem is an error, or, if `strict`, any problem at all.
    pub fn fails(&self, strict: bool) -> bool {
        fails(&self.problems, strict)
    }

    /// True when some problem is an error: no graph could be built.
    pub fn has_error(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// Parses and validates `files`; with `sources_dir`, also reads the source documents and checks
/// their hashes and every evidence span. Builds the graph when no problem is an error.
pub fn check(files: &GraphFiles, sources_dir: Option<&Path>) -> Report {
    build(verify(files, sources_dir))
}

/// What [`check`] finds, without building the graph: the same problems in the same order and
/// the same counts, for callers that only report them (`actorgraph check`) or write files
/// once they pass ([`crate::edit`]). Building the graph (indexes, topology, name index) is
/// about a third of [`check`]'s time on a big graph.
pub fn verify(files: &GraphFiles, sources_dir: Option<&Path>) -> Verdict {
    let mut problems = Vec::new();
    let labels = files.layout.labels();
    let parsed = parse(files, &labels, &mut problems);
    judge(parsed, &labels, sources_dir, problems)
}

/// Parses the three files; every element that does not parse is a problem. The entities
/// come first: their ids are the texts the relations' references share
/// ([`crate::model::shared_text::seed`]), forgotten in [`judge`].
fn parse(files: &GraphFiles, labels: &Labels, problems: &mut Vec<Problem>) -> Parsed {
    let entities: json::ParsedFile<crate::Entity> =
        json::parse_array(&labels.entities, &files.entities, "entity", problems);
    let ids: Vec<_> = entities
        .elements
        .iter()
        .map(|e| e.value.id.shared())
        .collect();
    crate::model::shared_text::seed(&ids);
    drop(ids);
    Parsed {
        relations: json::parse_array(&labels.relations, &files.relations, "relation", problems),
        sources: json::parse_array(&labels.sources, &files.sources, "source", problems),
        entities,
    }
}

/// Validates what parsed: every problem, sorted, and the counts.
fn judge(
    parsed: Parsed,
    labels: &Labels,
    sources_dir: Option<&Path>,
    mut problems: Vec<Problem>,
) -> Verdict {
    let texts = sources_dir.map(|dir| {
        let sources = parsed
            .sources
            .elements
            .iter()
            .map(|e| (&e.value, e.location(&labels.sources), e.path("")));
        SourceTexts::read(dir, sources, &mut problems)
    });
    let resolved = validate::validate(&parsed, labels, texts.as_ref(), &mut problems);
    problems.sort_by(|a, b| (&a.location, &a.path).cmp(&(&b.location, &b.path)));
    let counts = Counts {
        entities: parsed.entities.elements.len(),
        relations: parsed.relations.elements.len(),
        relations_with_evidence: parsed
            .relations
            .elements
            .iter()
            .filter(|r| !r.value.evidence().is_empty())
            .count(),
        sources: parsed.sources.elements.len(),
    };
    // What the parsing threads shared is held by the parsed elements; their sets can go.
    crate::model::shared_text::forget();
    Verdict {
        problems,
        counts,
        parsed,
        resolved,
    }
}

/// The report of a verdict: the graph built when no problem is an error.
fn build(verdict: Verdict) -> Report {
    let graph = (!verdict.has_error()).then(|| {
        let parsed = verdict.parsed;
        Graph::from_checked(
            values(parsed.entities.elements),
            values(parsed.relations.elements),
            values(parsed.sources.elements),
            verdict.resolved,
        )
    });
    Report {
        problems: verdict.problems,
        graph,
        counts: verdict.counts,
    }
}

fn values<T>(elements: Vec<Element<T>>) -> Vec<T> {
    elements.into_iter().map(|e| e.value).collect()
}

/// A graph that failed to load: every problem found.
#[derive(Debug, thiserror::Error)]
#[error("{origin} is not a valid graph: {} error(s); `actorgraph check` lists them", errors.len())]
pub struct InvalidGraph {
    /// Where the graph came from.
    pub origin: String,
    /// The errors.
    pub errors: Vec<Problem>,
}

/// Loads `files` into a [`Graph`], failing with every error if any. Warnings are ignored;
/// `check` reports them.
///
/// ```
/// use actorgraph::load::{GraphFiles, load};
/// let graph = load(&GraphFiles::builtin()).unwrap();
/// assert!(graph.entities().len() >= 40);
/// ```
pub fn load(files: &GraphFiles) -> Result<Graph, InvalidGraph> {
    into_graph(check(files, None), &files.origin)
}

/// [`load`], dropping the files' bytes as soon as they are parsed: the graph is then built
/// without the text of a big graph still in memory, which lowers the peak by about the size
/// of the files.
pub fn load_owned(files: GraphFiles) -> Result<Graph, InvalidGraph> {
    let mut problems = Vec::new();
    let labels = files.layout.labels();
    let parsed = parse(&files, &labels, &mut problems);
    let origin = files.origin.clone();
    drop(files);
    into_graph(build(judge(parsed, &labels, None, problems)), &origin)
}

/// The graph of a report, or its errors.
fn into_graph(report: Report, origin: &str) -> Result<Graph, InvalidGraph> {
    report.graph.ok_or_else(|| InvalidGraph {
        origin: origin.to_owned(),
        errors: report
            .problems
            .into_iter()
            .filter(Problem::is_error)
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> GraphFiles {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        GraphFiles::read_dir(&dir.join(name)).unwrap()
    }

    /// `verify` finds what `check` finds, in the same order, and `check` builds the graph
    /// exactly when there is no error.
    #[test]
    fn verify_finds_what_check_finds() {
        let cases = [
            GraphFiles::builtin(),
            fixture("valid"),
            fixture("ten-problems"),
            fixture("broken/duplicate-relation-id"),
            fixture("broken/relation-id-is-entity-id"),
            fixture("broken/shared-alias"),
        ];
        for files in &cases {
            let verdict = verify(files, None);
            let report = check(files, None);
            let shown = |p: &[Problem]| p.iter().map(ToString::to_string).collect::<Vec<_>>();
            assert_eq!(shown(&verdict.problems), shown(&report.problems));
            assert_eq!(verdict.counts, report.counts);
            assert_eq!(verdict.has_error(), report.graph.is_none());
            assert_eq!(verdict.fails(true), report.fails(true));
        }
        assert!(verify(&fixture("ten-problems"), None).has_error());
        assert!(!verify(&GraphFiles::builtin(), None).fails(false));
    }

    /// The name index a load builds from the keys validation folded is the index of the
    /// same entities folded afresh: every key, name, entity and label.
    #[test]
    fn the_names_folded_once_index_as_folding_them_again() {
        for files in [
            GraphFiles::builtin(),
            fixture("valid"),
            fixture("adversarial"),
        ] {
            let graph = load(&files).unwrap();
            let afresh = crate::names::NameIndex::new(graph.entities());
            assert!(*graph.names() == afresh, "{}", files.origin);
        }
    }
}
