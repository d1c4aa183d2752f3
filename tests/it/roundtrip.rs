//! Node-link JSON export → load → the same graph (or the same selection of it).

use actorgraph::Graph;
use actorgraph::export::{self, Format, Options};
use actorgraph::load::{GraphFiles, load};
use actorgraph::query::{self, Filter, Snapshot};
use proptest::prelude::*;

fn builtin() -> &'static Graph {
    static GRAPH: std::sync::OnceLock<Graph> = std::sync::OnceLock::new();
    GRAPH.get_or_init(|| load(&GraphFiles::builtin()).unwrap())
}

/// Exports `selection` as node-link JSON to a file and loads it back.
fn round_trip(graph: &Graph, selection: &Snapshot) -> Graph {
    let mut bytes = Vec::new();
    export::write(
        Format::Json,
        "",
        graph,
        selection,
        &Options::default(),
        &mut bytes,
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.json");
    std::fs::write(&path, bytes).unwrap();
    let files = GraphFiles::read_path(&path).unwrap();
    load(&files).unwrap_or_else(|e| panic!("{e}: {:#?}", e.errors))
}

#[test]
fn the_whole_graph_round_trips() {
    let g = builtin();
    let back = round_trip(g, &query::snapshot(g, &Filter::default()));
    assert_eq!(back.entities(), g.entities());
    // The export lists relations by date; the same relations, whatever the order.
    let by_id = |graph: &Graph| {
        let mut all = graph.relations().to_vec();
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all
    };
    assert_eq!(by_id(&back), by_id(g));
    assert_eq!(back.relations().len(), g.relations().len());
    assert_eq!(back.sources(), g.sources());
}

#[test]
fn the_cli_loads_its_own_export() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("may-2012.json");
    let path = path.to_str().unwrap();
    crate::common::stdout(&["export", "json", "--at", "2012-05-01", "-o", path]);
    let original = crate::common::json(&["allies", "mnla", "--at", "2012-05-01"]);
    let reloaded = crate::common::json(&["allies", "mnla", "--at", "2012-05-01", "--data", path]);
    assert_eq!(original, reloaded);
}

#[test]
fn errors_in_a_node_link_file_point_into_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    std::fs::write(
        &path,
        "{\n\"nodes\": [\n{\"id\": \"a\", \"kind\": \"city\", \"description\": \"x\"}\n],\n\"links\": [\n{\"id\": \"r\", \"kind\": \"control\", \"source\": \"a\", \"target\": \"b\", \"summary\": \"s\"}\n],\n\"sources\": []\n}\n",
    )
    .unwrap();
    let out = crate::common::run(&["check", "--data", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("bad.json (links):6:1: error[unknown-entity] $[0].target"),
        "{text}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_dated_selection_round_trips(year in 2011u16..=2014, month in 1u8..=12) {
        let g = builtin();
        let at: actorgraph::PartialDate = format!("{year}-{month:02}").parse().unwrap();
        let selection = query::snapshot(g, &Filter::during(at.period()));
        let back = round_trip(g, &selection);
        let selected: Vec<_> = selection.relations.iter().map(|f| g.relation(f.relation)).collect();
        let reloaded: Vec<_> = back.relations().iter().collect();
        prop_assert_eq!(reloaded, selected);
        let entities: Vec<_> = export::json::with_references(g, &selection)
            .into_iter()
            .map(|e| g.entity(e))
            .collect();
        prop_assert_eq!(back.entities().iter().collect::<Vec<_>>(), entities);
        for &e in &selection.entities {
            prop_assert!(back.entity_ix(g.entity(e).id.as_str()).is_some());
        }
    }
}
