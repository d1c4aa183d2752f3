//! The diagrams in `exports/` are the tool's own output: every view of
//! `actorgraph::export::views::builtin()` drawn as a diagram, regenerated in memory, must equal
//! its committed `.dot`, and each committed `.svg` must have been rendered from that `.dot`.
//! Regenerate them all with `cargo run -- export --all`.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use actorgraph::export::views::{self, View};
use actorgraph::load::{GraphFiles, load};
use graphviz_rust::dot_structures::{Graph, Id, Stmt};

/// The built-in views drawn as diagrams (all but the explorer's).
fn diagrams() -> Vec<View> {
    views::builtin()
        .into_iter()
        .filter(View::has_diagram)
        .collect()
}

fn committed(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("exports")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("exports/{name} is missing ({e}): run `cargo run -- export --all`")
    })
}

/// The ids of the diagram's own nodes (the legend's are inside `cluster_legend`), sorted, and
/// its number of edges.
fn nodes_and_edges(dot: &str) -> (Vec<String>, usize) {
    let graph = graphviz_rust::parse(dot).expect("the committed DOT parses");
    let Graph::DiGraph { stmts, .. } = graph else {
        panic!("not a digraph")
    };
    let mut nodes = Vec::new();
    let mut edges = 0;
    for stmt in &stmts {
        match stmt {
            Stmt::Node(node) => match &node.id.0 {
                Id::Escaped(id) => nodes.push(id.trim_matches('"').to_owned()),
                other => panic!("unquoted node id {other:?}"),
            },
            Stmt::Edge(_) => edges += 1,
            _ => {}
        }
    }
    nodes.sort();
    (nodes, edges)
}

/// The text between each `open` and the next `close` in `text`.
fn between<'a>(text: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    text.split(open)
        .skip(1)
        .map(|part| &part[..part.find(close).expect("closed")])
        .collect()
}

/// The SVG's diagram nodes (`<g id="node…">`), each as its title and its text lines.
fn svg_nodes(svg: &str) -> Vec<(String, Vec<&str>)> {
    svg.split("<g id=\"node")
        .skip(1)
        .map(|group| {
            let group = &group[..group.find("\n<!--").unwrap_or(group.len())];
            let title = between(group, "<title>", "</title>")[0].replace("&#45;", "-");
            let lines = between(group, "<text ", "</text>")
                .into_iter()
                .map(|t| &t[t.find('>').expect("text tag") + 1..])
                .collect();
            (title, lines)
        })
        .collect()
}

#[test]
fn committed_dot_files_are_fresh() {
    let graph = load(&GraphFiles::builtin()).unwrap();
    for view in &diagrams() {
        let fresh = String::from_utf8(view.dot(&graph).unwrap()).unwrap();
        let name = format!("{}.dot", view.name);
        assert!(
            committed(&name) == fresh,
            "exports/{name} is stale: run `cargo run -- export --all`"
        );
    }
}

#[test]
fn committed_svgs_were_rendered_from_their_dot() {
    for view in &diagrams() {
        let svg = committed(&format!("{}.svg", view.name));
        let (nodes, edges) = nodes_and_edges(&committed(&format!("{}.dot", view.name)));
        let stale = format!(
            "exports/{}.svg was not rendered from its .dot: run `cargo run -- export --all`",
            view.name
        );
        let title = between(&svg, "<title>", "</title>")[0].replace("&#45;", "-");
        assert_eq!(title, view.name, "{stale}");
        let mut drawn: Vec<String> = svg_nodes(&svg).into_iter().map(|(t, _)| t).collect();
        drawn.sort();
        assert_eq!(drawn, nodes, "{stale}");
        assert_eq!(svg.matches("<g id=\"edge").count(), edges, "{stale}");
    }
}

#[test]
fn every_view_renders_without_warnings() {
    let graph = load(&GraphFiles::builtin()).unwrap();
    for view in &diagrams() {
        let mut dot = Command::new("dot")
            .arg("-Tsvg")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("Graphviz dot is installed (.ci/setup)");
        let text = view.dot(&graph).unwrap();
        std::io::Write::write_all(&mut dot.stdin.take().unwrap(), &text).unwrap();
        let out = dot.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", view.name);
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{}", view.name);
    }
}

#[test]
fn the_arabic_view_draws_arabic_names_whole() {
    let svg = committed("snapshot-2012-05-01-ar.svg");
    assert!(svg.contains(">الحركة الوطنية</text>") && svg.contains(">لتحرير أزواد</text>"));
    assert!(svg.contains("font-family=\"Noto Sans Arabic, Noto Sans, DejaVu Sans\""));
    // Each node's lines, joined, are the entity's Arabic name (no Arabic name: English).
    let graph = load(&GraphFiles::builtin()).unwrap();
    let mut arabic = 0;
    for (id, lines) in svg_nodes(&svg) {
        let entity = graph.entity(graph.resolve(&id).unwrap());
        let name = entity.names.ar.as_deref().unwrap_or(entity.display_name());
        assert_eq!(
            lines.join(" "),
            name.replace('&', "&amp;").replace('\'', "&#39;")
        );
        arabic += usize::from(entity.names.ar.is_some());
    }
    // The snapshot draws only what is dated to hold that day (no undated or timeless
    // relation), so a dozen or more of its actors and places, each with an Arabic name.
    assert!(arabic >= 12, "only {arabic} Arabic names");
}

#[test]
fn export_all_writes_every_view() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .env_remove("ACTORGRAPH_DATA")
        .args(["export", "--all", "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut written: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    written.sort();
    let mut expected: Vec<String> = diagrams()
        .iter()
        .flat_map(|v| [format!("{}.dot", v.name), format!("{}.svg", v.name)])
        .collect();
    // The whole graph, too dense for a page, is the HTML explorer alone (tests/it/html.rs
    // checks its bytes); its relations among actors are drawn by theme.
    let whole: Vec<String> = views::builtin()
        .into_iter()
        .filter(|v| v.pick == views::Pick::Explorer)
        .map(|v| format!("{}.html", v.name))
        .collect();
    assert_eq!(whole, ["azawad.html"]);
    expected.extend(whole);
    expected.sort();
    assert_eq!(written, expected);
    assert!(!written.contains(&"azawad.dot".to_owned()));
    for view in &diagrams() {
        let name = format!("{}.dot", view.name);
        assert_eq!(
            fs::read_to_string(dir.path().join(&name)).unwrap(),
            committed(&name)
        );
    }
}

#[test]
fn export_all_with_a_failing_dot_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let fake = tempfile::tempdir().unwrap();
    let script = fake.path().join("dot");
    fs::write(
        &script,
        "#!/bin/sh\necho 'Error: out of memory' >&2\nexit 1\n",
    )
    .unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("azawad.dot"), "old").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .env_remove("ACTORGRAPH_DATA")
        .env("PATH", fake.path())
        .args(["export", "--all", "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: view hostilities: Graphviz `dot -Tsvg` failed (exit status: 1): Error: out of memory\n"
    );
    // Nothing written, not even the explorer page that needs no Graphviz.
    assert_eq!(
        fs::read_to_string(dir.path().join("azawad.dot")).unwrap(),
        "old"
    );
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// A4 in inches, portrait then landscape.
const A4: [&str; 2] = ["8.27,11.69", "11.69,8.27"];

/// The smallest label size, in points, of the view `name` printed on A4 (the better of
/// portrait and landscape): Graphviz shrinks a drawing larger than `size` by one factor,
/// which its SVG gives as the `scale(…)` of the graph, times the smallest `font-size` drawn.
/// Also checks that the PDF Graphviz makes at that size fits the page.
fn a4_label_points(name: &str) -> f64 {
    let dot = committed(&format!("{name}.dot"));
    let mut best: f64 = 0.0;
    for size in A4 {
        let render = |format: &str| {
            let mut child = Command::new("dot")
                .args([
                    format!("-Gsize={size}"),
                    "-Gmargin=0".into(),
                    format!("-T{format}"),
                ])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("Graphviz dot is installed (.ci/setup)");
            std::io::Write::write_all(&mut child.stdin.take().unwrap(), dot.as_bytes()).unwrap();
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "{name}");
            out.stdout
        };
        let pdf = String::from_utf8_lossy(&render("pdf")).into_owned();
        let media = between(&pdf, "/MediaBox [", "]")[0];
        let box_: Vec<f64> = media
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        let (page_w, page_h) = if size == A4[0] {
            (595.5, 842.0)
        } else {
            (842.0, 595.5)
        };
        assert!(box_[2] <= page_w && box_[3] <= page_h, "{name}: {media}");
        let svg = String::from_utf8(render("svg")).unwrap();
        let scale: f64 = between(&svg, "transform=\"scale(", " ")[0].parse().unwrap();
        let smallest = between(&svg, "font-size=\"", "\"")
            .into_iter()
            .map(|s| s.parse::<f64>().unwrap())
            .fold(f64::INFINITY, f64::min);
        best = best.max(scale * smallest);
    }
    best
}

#[test]
fn every_view_prints_on_a4_with_labels_of_7_points_or_more() {
    let sizes: Vec<(String, f64)> = diagrams()
        .into_iter()
        .map(|view| {
            let points = a4_label_points(&view.name);
            (view.name, points)
        })
        .collect();
    for (name, points) in &sizes {
        assert!(
            *points >= 7.0,
            "{name}: {points:.2} pt on A4; all: {sizes:?}"
        );
    }
}
