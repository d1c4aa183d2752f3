//! `actorgraph export timeline`: the chart's DOT (snapshots), the images Graphviz renders from
//! it, right-to-left Arabic, and the errors of bad names, options and output paths.

use std::fs;

use crate::common::{cmd, fails, stdout};

/// The x of the pinned node `id` in a chart's DOT text.
fn x_of(dot: &str, id: &str) -> f64 {
    let node = &dot[dot.find(&format!("\"{id}\"[")).expect(id)..];
    let pos = &node[node.find("pos=\"").expect("pinned") + 5..];
    pos[..pos.find(',').unwrap()].parse().unwrap()
}

#[test]
fn town_control_chart() {
    insta::assert_snapshot!(stdout(&["export", "timeline", "--title", "Towns"]));
}

#[test]
fn an_actors_chart_in_french() {
    let dot = stdout(&["export", "timeline", "--actor", "France", "--lang", "fr"]);
    assert!(dot.contains("label=\"dénonciation\\l\""), "{dot}");
    assert!(dot.contains("label=\"janv.\\n\""), "{dot}");
    insta::assert_snapshot!(dot);
}

#[test]
fn arabic_charts_read_right_to_left() {
    let dot = stdout(&["export", "timeline", "--lang", "ar"]);
    assert!(dot.contains("label=\"يوليو\\n\""), "{dot}");
    // The town's name is right of its bars, and time runs leftwards.
    let name = x_of(&dot, "row_gao");
    let mnla = x_of(&dot, "bar_mnla-controls-gao_core");
    let islamists = x_of(&dot, "bar_islamists-control-gao_core");
    assert!(name > mnla && mnla > islamists, "{name} {mnla} {islamists}");
    let english = stdout(&["export", "timeline"]);
    let name = x_of(&english, "row_gao");
    let mnla = x_of(&english, "bar_mnla-controls-gao_core");
    assert!(name < mnla);
}

#[test]
fn the_extension_of_o_chooses_the_image() {
    let dir = tempfile::tempdir().unwrap();
    let magic: [(&str, &[u8]); 4] = [
        ("chart.svg", b"<?xml"),
        ("chart.png", b"\x89PNG"),
        ("chart.pdf", b"%PDF"),
        ("chart.dot", b"digraph \"timeline\" {"),
    ];
    for (name, start) in magic {
        let path = dir.path().join(name);
        let out = cmd()
            .args(["export", "timeline", "--actor", "mnla", "-o"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {out:?}");
        assert!(out.stdout.is_empty());
        let bytes = fs::read(&path).unwrap();
        assert!(bytes.starts_with(start), "{name}");
    }
    let svg = fs::read_to_string(dir.path().join("chart.svg")).unwrap();
    assert!(svg.contains(">Islamist groups</text>"), "{svg}");
}

#[test]
fn an_unknown_extension_is_a_usage_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chart.jpeg");
    let out = cmd()
        .args(["export", "timeline", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("name it .svg, .png or .pdf"), "{stderr}");
    assert!(!path.exists());
}

#[test]
fn a_chart_is_never_written_over_the_graph_it_reads() {
    let (_guard, data) = crate::common::azawad();
    let entities = data.join("entities.json");
    let before = fs::read(&entities).unwrap();
    let out = cmd()
        .arg("--data")
        .arg(&data)
        .args(["export", "timeline", "--render", "svg", "-o"])
        .arg(&entities)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("refusing to write"), "{stderr}");
    assert_eq!(fs::read(&entities).unwrap(), before);
}

#[test]
fn bad_names_options_and_empty_charts_are_clear_errors() {
    let stderr = fails(&["export", "timeline", "--actor", "Nobody Known"], 2);
    assert!(stderr.contains("Nobody Known"), "{stderr}");
    let stderr = fails(&["export", "timeline", "--at", "2012-05-01"], 2);
    assert!(stderr.contains("--at does not apply"), "{stderr}");
    let stderr = fails(&["export", "dot", "--actor", "mnla"], 2);
    assert!(stderr.contains("export timeline --actor NAME"), "{stderr}");
    let stderr = fails(&["export", "timeline", "--kind", "interview"], 1);
    assert!(
        stderr.contains("no relation of interview reaches a town"),
        "{stderr}"
    );
    let stderr = fails(&["export", "chart"], 2);
    assert!(stderr.contains("or timeline"), "{stderr}");
}
