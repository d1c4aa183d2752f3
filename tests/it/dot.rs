//! `actorgraph export dot`: snapshots, parse-back with graphviz-rust, rendering with Graphviz,
//! hostile names, atomic renders, determinism and Arabic labels.
//!
//! `tests/fixtures/adversarial/` is a valid graph whose names, aliases, descriptions and
//! summaries hold hostile text: quotes, backslashes and Graphviz escapes (`\N`, `\l`), DOT
//! injections (`"]; x -> y [`), markup (`<script>`, `&bogus;`), right-to-left overrides and
//! isolates, zero-width characters, NUL and other control characters. The diagram must keep
//! every label (minus the invisible characters, with whitespace runs as one space) and give an
//! SVG with exactly its own nodes and edges. Graphviz `dot` is installed by `.ci/setup`.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::{cmd, fails, stdout};
use graphviz_rust::dot_structures::{Graph, Id, Stmt};

const ADVERSARIAL: &str = "tests/fixtures/adversarial";

/// Each adversarial entity's English label as it must be drawn.
const ENGLISH: [(&str, &str); 6] = [
    (
        "quote-person",
        r#"Evil "Quoted" Name \ back\slash \N \G \l end\"#,
    ),
    ("inject-group", r#""]; x -> y [label="owned"]; ""#),
    ("bidi-town", "Towngnikcah Name"),
    ("control-state", "NullState[31mRed"),
    (
        "html-outlet",
        "<b>Bold</b> & <i>Italic</i> &bogus; &#60;tag&#62; <svg onload=alert(1)>",
    ),
    ("space-region", r"Spaced out \l\r\n region"),
];

/// Each adversarial entity's Arabic label (English when it has no Arabic name).
const ARABIC: [(&str, &str); 6] = [
    ("quote-person", "الحركة الوطنية لتحرير أزواد"),
    ("inject-group", r#"جماعة "]; x -> y ["#),
    ("bidi-town", "غاو مدينة"),
    ("control-state", "NullState[31mRed"),
    (
        "html-outlet",
        "<b>Bold</b> & <i>Italic</i> &bogus; &#60;tag&#62; <svg onload=alert(1)>",
    ),
    ("space-region", "منطقة الفراغ"),
];

/// The text of a quoted DOT label as Graphviz shows it, line breaks as spaces.
fn unescape(id: &Id) -> String {
    let Id::Escaped(quoted) = id else {
        panic!("label is not a quoted string: {id:?}")
    };
    let inner = &quoted[1..quoted.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push(' '),
                Some(other) => out.push(other),
                None => panic!("dangling backslash in {quoted}"),
            },
            '"' => panic!("unescaped quote in {quoted}"),
            c => out.push(c),
        }
    }
    out.replace("&amp;", "&")
}

fn stmts(graph: &Graph) -> &[Stmt] {
    match graph {
        Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. } => stmts,
    }
}

/// The diagram's own nodes (not the legend's), as id → label text.
fn labels(graph: &Graph) -> Vec<(String, String)> {
    stmts(graph)
        .iter()
        .filter_map(|s| match s {
            Stmt::Node(node) => {
                let Id::Escaped(id) = &node.id.0 else {
                    panic!("unquoted node id {:?}", node.id)
                };
                let label = node
                    .attributes
                    .iter()
                    .find(|a| a.0 == Id::Plain("label".into()))?;
                Some((id.trim_matches('"').to_owned(), unescape(&label.1)))
            }
            _ => None,
        })
        .collect()
}

fn edges(graph: &Graph) -> usize {
    stmts(graph)
        .iter()
        .filter(|s| matches!(s, Stmt::Edge(_)))
        .count()
}

/// `dot -Tsvg` of `dot`, asserting Graphviz says nothing on stderr.
fn svg(dot: &str) -> String {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("Graphviz dot is installed (.ci/setup)");
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), dot.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "dot warned");
    String::from_utf8(out.stdout).unwrap()
}

/// XML text with its five entities and numeric references decoded.
fn xml_text(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let end = rest[amp..].find(';').unwrap() + amp;
        let name = &rest[amp + 1..end];
        out.push(match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => char::from_u32(name[1..].parse().unwrap()).unwrap(),
        });
        rest = &rest[end + 1..];
    }
    out + rest
}

/// The SVG's nodes (`<g id="node…" class="node">`) as title → their text lines joined.
fn svg_nodes(svg: &str) -> Vec<(String, String)> {
    svg.split("<g id=\"node")
        .skip(1)
        .map(|group| {
            let group = &group[..group.find("\n<!--").unwrap_or(group.len())];
            let title = &group[group.find("<title>").unwrap() + 7..group.find("</title>").unwrap()];
            let texts: Vec<String> = group
                .split("<text ")
                .skip(1)
                .map(|t| xml_text(&t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()]))
                .collect();
            (xml_text(title), texts.join(" "))
        })
        .collect()
}

/// Fails unless `xml` is well-formed: tags nest and every `&` starts an entity reference.
fn assert_well_formed(xml: &str) {
    let entity_ok = |text: &str| {
        text.match_indices('&').all(|(i, _)| {
            let name = &text[i + 1..i + 1 + text[i..].find(';').unwrap_or(1) - 1];
            matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
                || name
                    .strip_prefix('#')
                    .is_some_and(|n| n.parse::<u32>().is_ok())
        })
    };
    let mut open: Vec<&str> = Vec::new();
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        assert!(entity_ok(&rest[..lt]), "bad entity in {:?}", &rest[..lt]);
        rest = &rest[lt..];
        let (skip, end) = match () {
            _ if rest.starts_with("<!--") => (4, "-->"),
            _ if rest.starts_with("<?") => (2, "?>"),
            _ if rest.starts_with("<!DOCTYPE") => (9, ">"),
            _ => (0, ""),
        };
        if skip > 0 {
            let close = rest.find(end).unwrap();
            assert!(!rest[skip..close].contains("--"), "bad comment");
            rest = &rest[close + end.len()..];
            continue;
        }
        let close = rest.find('>').unwrap();
        let tag = &rest[1..close];
        assert!(!tag.contains('<'), "'<' inside tag {tag:?}");
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "unbalanced quotes in {tag:?}"
        );
        assert!(entity_ok(tag), "bad entity in {tag:?}");
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/', '\n'])
            .next()
            .unwrap();
        if tag.starts_with('/') {
            assert_eq!(open.pop(), Some(name), "mismatched </{name}>");
        } else if !tag.ends_with('/') {
            open.push(name);
        }
        rest = &rest[close + 1..];
    }
    assert!(open.is_empty(), "unclosed {open:?}");
}

#[test]
fn adversarial_snapshot() {
    insta::assert_snapshot!(
        "adversarial",
        stdout(&["export", "dot", "--data", ADVERSARIAL])
    );
}

#[test]
fn gao_ego_snapshot() {
    let args = [
        "export",
        "dot",
        "--focus",
        "gao",
        "--depth",
        "1",
        "--at",
        "2012-05-01",
    ];
    insta::assert_snapshot!("gao_2012_05_01", stdout(&args));
}

#[test]
fn adversarial_labels_survive_in_dot_and_svg() {
    for (lang, expected) in [("en", ENGLISH), ("ar", ARABIC)] {
        let args = [
            "export",
            "dot",
            "--data",
            ADVERSARIAL,
            "--lang",
            lang,
            "--no-bundle",
        ];
        let dot = stdout(&args);
        let graph = graphviz_rust::parse(&dot).expect("the DOT parses back");
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(id, l)| (id.to_string(), l.to_string()))
            .collect();
        assert_eq!(labels(&graph), expected, "--lang {lang}");
        assert_eq!(edges(&graph), 7);

        let svg = svg(&dot);
        assert_well_formed(&svg);
        for injected in [
            "<script",
            "<svg onload",
            "<b>",
            "<i>",
            "<a href",
            "href=\"javascript",
        ] {
            assert!(!svg.contains(injected), "{injected} reached the SVG");
        }
        assert!(!svg.contains(['\u{202E}', '\u{2066}', '\u{200B}', '\0']));
        assert_eq!(svg.matches("<svg").count(), 1);
        assert_eq!(svg.matches("<g id=\"node").count(), 6);
        assert_eq!(svg.matches("<g id=\"edge").count(), 7);
        let mut drawn = svg_nodes(&svg);
        drawn.sort();
        let mut want = expected;
        want.sort();
        assert_eq!(drawn, want, "--lang {lang}");
    }
}

#[test]
fn built_in_diagrams_parse_back_and_render_without_warnings() {
    for args in [
        &["export", "dot"][..],
        &["export", "dot", "--at", "2012-07-01", "--certain"],
        &["export", "dot", "--kind", "control", "--kind", "conflict"],
        &["export", "dot", "--diff", "2012-05-01", "2013-03-01"],
    ] {
        let dot = stdout(args);
        let graph = graphviz_rust::parse(&dot).expect("the DOT parses back");
        let svg = svg(&dot);
        assert_well_formed(&svg);
        assert_eq!(
            svg.matches("<g id=\"node").count(),
            labels(&graph).len(),
            "{args:?}"
        );
        assert_eq!(
            svg.matches("<g id=\"edge").count(),
            edges(&graph),
            "{args:?}"
        );
    }
}

#[test]
fn output_is_deterministic() {
    for args in [
        &["export", "dot"][..],
        &["export", "dot", "--at", "2012-05-01", "--lang", "ar"],
        &["export", "dot", "--diff", "2012-05-01", "2013-03-01"],
    ] {
        assert_eq!(stdout(args), stdout(args), "{args:?}");
    }
}

#[test]
fn arabic_labels_use_arabic_fonts_and_stay_whole() {
    let dot = stdout(&[
        "export", "dot", "--lang", "ar", "--focus", "mnla", "--depth", "0",
    ]);
    assert!(dot.contains("fontname=\"Noto Sans Arabic, Noto Sans, DejaVu Sans\""));
    // Wrapped between words, each line drawn whole and joined (shaped) by Pango.
    assert!(
        dot.contains("label=\"الحركة الوطنية\\nلتحرير أزواد\""),
        "{dot}"
    );
    let svg = svg(&dot);
    assert!(svg.contains(">الحركة الوطنية</text>"), "{svg}");
    assert!(svg.contains(">لتحرير أزواد</text>"), "{svg}");
}

#[test]
fn diff_diagrams_colour_what_changed() {
    let dot = stdout(&["export", "dot", "--diff", "2012-05-01", "2013-03-01"]);
    assert!(
        dot.contains(
            "<FONT POINT-SIZE=\"18\">What changed between 2012-05-01 and 2013-03-01</FONT>"
        )
    );
    for colour in ["#2e7d32", "#9e9e9e", "#ef6c00"] {
        assert!(dot.contains(&format!("color=\"{colour}\"")), "{colour}");
    }
    assert!(dot.contains("possible → certain"));
    assert!(dot.contains(">began between 2012-05-01 and 2013-03-01</TD>"));
    assert!(dot.contains("style=\"bold\""));
}

#[test]
fn render_writes_svg_png_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    for (format, magic) in [
        ("svg", &b"<?xml"[..]),
        ("png", b"\x89PNG"),
        ("pdf", b"%PDF"),
    ] {
        let path = dir.path().join(format!("gao.{format}"));
        let path_arg = path.to_str().unwrap();
        let args = [
            "export", "dot", "--focus", "gao", "--render", format, "-o", path_arg,
        ];
        let out = cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stderr), "");
        assert!(fs::read(&path).unwrap().starts_with(magic), "{format}");
    }
}

/// A folder holding an executable `dot` script with this body.
fn fake_dot(body: &str) -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("dot");
    fs::write(&script, format!("#!/bin/sh\n{body}\n")).unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

/// Renders into a file holding "old" with `PATH` set to `path`; returns stderr after checking
/// the exit code 2, the old content and that no temporary file is left.
fn failed_render(path: &Path) -> String {
    let out_dir = tempfile::tempdir().unwrap();
    let target = out_dir.path().join("out.svg");
    fs::write(&target, "old").unwrap();
    let out = cmd()
        .env("PATH", path)
        .args(["export", "dot", "--render", "svg", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(fs::read_to_string(&target).unwrap(), "old");
    let left: Vec<_> = fs::read_dir(out_dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["out.svg"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr
}

#[test]
fn a_failing_dot_leaves_the_old_file() {
    let fake = fake_dot(
        "echo 'Error: <stdin>: syntax error in line 1' >&2\necho 'second line' >&2\nexit 1",
    );
    let stderr = failed_render(fake.path());
    assert!(
        stderr.starts_with("error: Graphviz `dot -Tsvg` failed (exit status: 1): "),
        "{stderr}"
    );
    assert!(
        stderr.contains("syntax error in line 1; second line"),
        "{stderr}"
    );
}

#[test]
fn a_dot_killed_midway_leaves_the_old_file() {
    let fake = fake_dot("printf '<svg><g id=\"node1\">'\nkill -9 $$");
    let stderr = failed_render(fake.path());
    assert!(stderr.contains("failed (signal: 9"), "{stderr}");
}

#[test]
fn a_missing_dot_says_how_to_install_it() {
    let empty = tempfile::tempdir().unwrap();
    let stderr = failed_render(empty.path());
    assert_eq!(
        stderr,
        "error: Graphviz `dot` not found: install it (apt-get install graphviz, brew install graphviz)\n"
    );
}

#[test]
fn render_needs_dot_and_a_file() {
    let stderr = fails(&["export", "json", "--render", "svg", "-o", "x.svg"], 2);
    assert!(stderr.contains("--render draws a DOT diagram"), "{stderr}");
    let stderr = fails(&["export", "dot", "--render", "svg"], 2);
    assert!(stderr.contains("--output"), "{stderr}");
    let stderr = fails(&["export", "dot", "--render", "gif", "-o", "x.gif"], 2);
    assert!(stderr.contains("expected svg, png or pdf"), "{stderr}");
}

/// Whether the diagram draws the entity `id` as a node.
fn draws(dot: &str, id: &str) -> bool {
    dot.contains(&format!("\n  \"{id}\"["))
}

/// A diagram of an actor's network or of a diff draws the actors, as a snapshot and the
/// views do; `--places` adds the towns; a town's network draws its places.
#[test]
fn focus_and_diff_diagrams_draw_actors_unless_asked_for_places() {
    let mnla = stdout(&["export", "dot", "--focus", "mnla"]);
    assert!(draws(&mnla, "islamists") && !draws(&mnla, "gao"), "{mnla}");
    let with_places = stdout(&["export", "dot", "--focus", "mnla", "--places"]);
    assert!(draws(&with_places, "gao"), "{with_places}");
    let gao = stdout(&["export", "dot", "--focus", "gao"]);
    assert!(draws(&gao, "gao") && draws(&gao, "mnla"), "{gao}");
    let diff = ["export", "dot", "--diff", "2012-05-01", "2013-03-01"];
    let actors = stdout(&diff);
    assert!(draws(&actors, "mnla") && !draws(&actors, "gao"), "{actors}");
    let places = stdout(&[&diff[..], &["--places"]].concat());
    assert!(draws(&places, "gao"), "{places}");
    // Exchange formats keep every relation of the network.
    let json = stdout(&["export", "json", "--focus", "mnla"]);
    assert!(json.contains("\"id\":\"gao\""), "{json}");
}

/// A diff's own title follows `--lang`, as its legend does.
#[test]
fn a_diff_title_is_translated() {
    let diff = [
        "export",
        "dot",
        "--diff",
        "2012-05-01",
        "2013-03-01",
        "--lang",
    ];
    for (lang, title) in [
        ("fr", "Ce qui a changé entre 2012-05-01 et 2013-03-01"),
        ("ar", "ما تغير بين 2012-05-01 و2013-03-01"),
    ] {
        let dot = stdout(&[&diff[..], &[lang]].concat());
        let shown = format!("<FONT POINT-SIZE=\"18\">{title}</FONT>");
        assert!(dot.contains(&shown), "{dot}");
    }
}
