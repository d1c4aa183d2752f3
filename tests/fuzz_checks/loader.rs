//! The `loader` target: whatever the three graph files hold, or a node-link document, the loader
//! reports problems without panicking and builds a graph exactly when there is no error.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use actorgraph::Graph;
use actorgraph::export::{self, Format, Options};
use actorgraph::load::{self, GraphFiles, Layout, Problem, Report};
use actorgraph::query::{Filter, snapshot};

use super::scratch;

/// The byte that separates the three files in a `loader` input (never part of UTF-8 text).
pub const SEPARATOR: u8 = 0xFF;

/// Splits `data` at its first two [`SEPARATOR`] bytes into `entities.json`, `relations.json`
/// and `sources.json` (missing parts are empty; later separators stay in `sources.json`) and
/// checks them, without and with the source documents of `tests/fixtures/sources/`; then reads
/// the whole of `data` as a node-link document through a file and checks that too.
pub fn loader(data: &[u8]) {
    let mut parts = data.splitn(3, |&b| b == SEPARATOR);
    let mut next = || parts.next().unwrap_or_default().to_vec();
    let files = GraphFiles {
        origin: "fuzz".to_owned(),
        layout: Layout::Folder,
        entities: Cow::Owned(next()),
        relations: Cow::Owned(next()),
        sources: Cow::Owned(next()),
    };
    check_report(&files, &load::check(&files, None));
    check_report(&files, &load::check(&files, Some(&sources_dir())));

    let files = scratch::with_file(data, |path| {
        GraphFiles::read_path(path).expect("a small regular file is read")
    });
    assert!(matches!(files.layout, Layout::NodeLink(_)));
    check_report(&files, &load::check(&files, None));
}

/// `tests/fixtures/sources/`, from the root package or from `fuzz/`.
fn sources_dir() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let here = manifest.join("tests/fixtures/sources");
    if here.is_dir() {
        here
    } else {
        manifest.join("../tests/fixtures/sources")
    }
}

/// The invariants of any report: a graph exactly when no error, with the counts the report
/// gives; problems sorted, each located in one of the three parts at a line it has and shown
/// after its location; and a graph that round-trips through the node-link export.
fn check_report(files: &GraphFiles, report: &Report) {
    let has_error = report.problems.iter().any(Problem::is_error);
    assert_eq!(report.graph.is_some(), !has_error, "{:#?}", report.problems);
    assert_eq!(report.fails(false), has_error);
    assert_eq!(report.fails(true), !report.problems.is_empty());
    let sorted = report
        .problems
        .windows(2)
        .all(|w| (&w[0].location, &w[0].path) <= (&w[1].location, &w[1].path));
    assert!(sorted, "problems not sorted: {:#?}", report.problems);
    let labels = files.layout.labels();
    for problem in &report.problems {
        let file = problem.location.file.as_str();
        let bytes: &[u8] = if file == labels.entities {
            &files.entities
        } else if file == labels.relations {
            &files.relations
        } else if file == labels.sources {
            &files.sources
        } else {
            panic!("problem located in {file}, not in one of the graph's parts: {problem}")
        };
        let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
        if let Some(line) = problem.location.line {
            assert!(
                (1..=lines).contains(&line),
                "{file} has {lines} lines: {problem}"
            );
        }
        let shown = problem.to_string();
        assert!(shown.starts_with(&problem.location.to_string()), "{shown}");
    }
    if let Some(graph) = &report.graph {
        let c = report.counts;
        assert_eq!(graph.entities().len(), c.entities);
        assert_eq!(graph.relations().len(), c.relations);
        assert_eq!(graph.sources().len(), c.sources);
        let with_evidence = graph
            .relations()
            .iter()
            .filter(|r| !r.evidence().is_empty())
            .count();
        assert_eq!(with_evidence, c.relations_with_evidence);
        round_trip(graph);
    }
}

/// Exports the whole of `graph` as node-link JSON, reads it back through a file and loads it:
/// the same entities, relations (in any order) and sources.
pub fn round_trip(graph: &Graph) {
    let mut json = Vec::new();
    let all = snapshot(graph, &Filter::default());
    export::write(
        Format::Json,
        "",
        graph,
        &all,
        &Options::default(),
        &mut json,
    )
    .expect("writing to a Vec does not fail");
    let files = scratch::with_file(&json, |path| {
        GraphFiles::read_path(path).expect("a small regular file is read")
    });
    let back = load::load(&files).unwrap_or_else(|e| {
        panic!(
            "the node-link export does not load back: {:#?}\n{}",
            e.errors,
            String::from_utf8_lossy(&json)
        )
    });
    assert_eq!(back.entities(), graph.entities());
    let by_id = |graph: &Graph| {
        let mut all = graph.relations().to_vec();
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all
    };
    assert_eq!(by_id(&back), by_id(graph));
    assert_eq!(back.sources(), graph.sources());
}
