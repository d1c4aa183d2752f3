//! `actorgraph export html`: the explorer page is deterministic, small, refuses a graph too big
//! to draw, quotes evidence only with --sources, keeps its data inside its script element,
//! matches the committed exports/azawad.html, and works in a real browser (headless Chromium
//! driven by `tests/python/explorer_check.py` through the DevTools protocol: no console error,
//! who holds Gao on two days, search in Arabic, a click on a relation, and the page's search
//! folding equal to `names::key`).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use actorgraph::export::html::{MAX_RELATIONS, search::FOREIGN};
use actorgraph::export::views;
use actorgraph::load::{GraphFiles, load};
use actorgraph::names::key;
use serde_json::{Value, json};

use crate::common::{fails, seeds, stdout};

/// The page of `args` (after `export html`), as text.
fn page(args: &[&str]) -> String {
    let mut all = vec!["export", "html"];
    all.extend_from_slice(args);
    stdout(&all)
}

/// The JSON data a page embeds.
fn data(page: &str) -> Value {
    let open = r#"<script id="graph-data" type="application/json">"#;
    let start = page.find(open).expect("the page holds its data") + open.len();
    let end = start + page[start..].find("</script>").expect("closed");
    serde_json::from_str(&page[start..end]).expect("the data is JSON")
}

#[test]
fn same_command_same_bytes() {
    let first = page(&[]);
    assert_eq!(first, page(&[]));
    assert_eq!(
        page(&["--focus", "mnla", "--lang", "ar"]),
        page(&["--focus", "mnla", "--lang", "ar"])
    );
}

#[test]
fn the_built_in_graph_fits_in_one_and_a_half_megabytes_and_needs_no_network() {
    let page = page(&[]);
    assert!(page.len() < 1_500_000, "{} bytes", page.len());
    assert!(page.starts_with("<!DOCTYPE html>"));
    // Nothing is loaded from elsewhere: no stylesheet link, no src attribute, no frame.
    for tag in ["<link", " src=", "<iframe", "@import", "url(http"] {
        assert!(!page.contains(tag), "the page holds {tag}");
    }
    let data = data(&page);
    assert_eq!(data["relations"].as_array().unwrap().len(), 125);
}

/// A graph folder of a chain of `n` relations e0 → e1 → … → en.
fn chain(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let entities: Vec<Value> = (0..=n)
        .map(|i| json!({"id": format!("e{i}"), "kind": "armed_group", "names": {"en": format!("Group {i}")}, "description": ""}))
        .collect();
    let relations: Vec<Value> = (0..n)
        .map(|i| json!({"id": format!("r{i}"), "kind": "conflict", "source": format!("e{i}"),
            "target": format!("e{}", i + 1), "start": "2012-05", "summary": "</script><script>alert(1)</script>"}))
        .collect();
    fs::write(
        dir.path().join("entities.json"),
        serde_json::to_vec(&entities).unwrap(),
    )
    .unwrap();
    fs::write(
        dir.path().join("relations.json"),
        serde_json::to_vec(&relations).unwrap(),
    )
    .unwrap();
    fs::write(dir.path().join("sources.json"), "[]").unwrap();
    let path = dir.path().to_path_buf();
    (dir, path)
}

#[test]
fn a_graph_too_big_to_draw_is_refused_saying_what_to_select() {
    let (_guard, folder) = chain(MAX_RELATIONS + 1);
    let folder = folder.to_str().unwrap();
    let error = fails(&["--data", folder, "export", "html"], 2);
    assert!(
        error.contains(&format!("{} relations", MAX_RELATIONS + 1)),
        "{error}"
    );
    assert!(
        error.contains("--focus NAME") && error.contains("--from"),
        "{error}"
    );
    let focused = stdout(&[
        "--data", folder, "export", "html", "--focus", "e0", "--depth", "2",
    ]);
    assert_eq!(data(&focused)["relations"].as_array().unwrap().len(), 2);
}

#[test]
fn text_of_the_graph_cannot_close_the_script_element() {
    let (_guard, folder) = chain(2);
    let page = stdout(&["--data", folder.to_str().unwrap(), "export", "html"]);
    // Four script elements (library, data, labels, app), each closed once.
    assert_eq!(page.matches("</script>").count(), 4);
    assert!(!page.contains("<script>alert"));
    let data = data(&page);
    assert_eq!(
        data["relations"][0]["summary"],
        "</script><script>alert(1)</script>"
    );
}

#[test]
fn evidence_is_quoted_only_with_sources() {
    let plain = data(&page(&[]));
    let quoted_any = |data: &Value| {
        data["relations"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["evidence"].as_array().unwrap())
            .filter(|e| e.get("quote").is_some())
            .count()
    };
    assert_eq!(quoted_any(&plain), 0);
    assert_eq!(plain["quoted"], false);
    let sources = seeds();
    let with = data(&stdout(&[
        "--sources",
        sources.to_str().unwrap(),
        "export",
        "html",
    ]));
    assert_eq!(with["quoted"], true);
    assert!(quoted_any(&with) > 100);
    // Each quote is the span of its document.
    let evidence = &with["relations"][0]["evidence"][0];
    let document = fs::read(sources.join(evidence["document"].as_str().unwrap())).unwrap();
    let (start, end) = (
        evidence["start_byte"].as_u64().unwrap() as usize,
        evidence["end_byte"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        evidence["quote"].as_str().unwrap().as_bytes(),
        &document[start..end]
    );
    // The words of that quote are nowhere in the page without --sources.
    let quote = evidence["quote"].as_str().unwrap();
    assert!(!page(&[]).contains(quote));
}

#[test]
fn committed_explorer_is_fresh() {
    let graph = load(&GraphFiles::builtin()).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("exports");
    for view in views::builtin() {
        let Some(fresh) = view.html(&graph).unwrap() else {
            continue;
        };
        let name = format!("{}.html", view.name);
        let committed = fs::read(root.join(&name)).unwrap_or_default();
        assert!(
            committed == fresh,
            "exports/{name} is stale: run `cargo run -- export --all`"
        );
    }
}

/// Deterministic strings for the folding check: letters of every name, their capitals and
/// accented forms, Arabic letter variants, diacritics, tatweel, invisible and bidi controls,
/// punctuation, presentation forms, and code points from all over Unicode.
fn fold_inputs(names: &[String]) -> Vec<String> {
    let mut pool: Vec<char> = names.iter().flat_map(|n| n.chars()).collect();
    for range in [
        0x20..0x250,
        0x600..0x700,
        0x750..0x780,
        0x1E00..0x1F00,
        0x2000..0x2070,
        0xFB50..0xFE00,
        0xFE70..0xFF00,
        0xFF00..0xFFF0,
    ] {
        pool.extend(range.filter_map(char::from_u32));
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut inputs: Vec<String> = names.to_vec();
    for _ in 0..4000 {
        let length = (next() % 14) as usize;
        let text: String = (0..length)
            .map(|_| {
                if next() % 8 == 0 {
                    // Anywhere in Unicode (surrogates skipped).
                    char::from_u32((next() % 0x11_0000) as u32).unwrap_or(' ')
                } else {
                    pool[(next() % pool.len() as u64) as usize]
                }
            })
            .collect();
        inputs.push(text);
    }
    inputs
}

/// Checks the page's folding of `inputs` (`folded`) against `names::key`: equal when the key
/// holds only letters of the page's name keys; else the page's holds the foreign letter, so
/// neither matches a name.
fn check_folding(inputs: &[String], folded: &[Value], alphabet: &BTreeSet<char>) {
    assert_eq!(inputs.len(), folded.len());
    let mut foreign = 0;
    for (input, page) in inputs.iter().zip(folded) {
        let page = page.as_str().unwrap();
        let rust = key(input);
        if rust.chars().all(|c| c == ' ' || alphabet.contains(&c)) {
            assert_eq!(
                page,
                rust,
                "folding {input:?} ({:?})",
                input.chars().map(|c| c as u32).collect::<Vec<_>>()
            );
        } else {
            foreign += 1;
            assert!(
                page.contains(FOREIGN),
                "{input:?}: page {page:?}, key {rust:?}"
            );
        }
    }
    assert!(
        foreign > 100 && foreign < inputs.len() / 2,
        "{foreign} foreign inputs"
    );
}

/// Set ACTORGRAPH_SKIP_BROWSER to skip it (said on stderr); without it a missing browser
/// fails the test. ACTORGRAPH_SCREENSHOTS=DIR saves the three screenshots of exports/ there.
#[test]
#[allow(clippy::disallowed_macros)] // a skipped test says so on the test's stderr
fn explorer_works_in_headless_chromium() {
    if std::env::var_os("ACTORGRAPH_SKIP_BROWSER").is_some() {
        eprintln!("ACTORGRAPH_SKIP_BROWSER is set: the browser test is skipped");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let interpreter = root.join("target/pyenv/bin/python");
    assert!(
        interpreter.exists(),
        "{} is missing: run `bash .ci/setup` (it installs chromium and websocket-client)",
        interpreter.display()
    );
    let dir = tempfile::tempdir().unwrap();
    let page_path = dir.path().join("explorer.html");
    let page = page(&[]);
    fs::write(&page_path, &page).unwrap();
    let data = data(&page);
    let entities = data["entities"].as_array().unwrap();
    let alphabet: BTreeSet<char> = entities
        .iter()
        .flat_map(|e| e["keys"].as_array().unwrap())
        .flat_map(|k| k.as_str().unwrap().chars().collect::<Vec<_>>())
        .collect();
    let graph = load(&GraphFiles::builtin()).unwrap();
    let names: Vec<String> = graph
        .entities()
        .iter()
        .flat_map(|e| e.all_names().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    let inputs = fold_inputs(&names);
    let inputs_path = dir.path().join("fold.json");
    fs::write(&inputs_path, serde_json::to_vec(&inputs).unwrap()).unwrap();
    let mut command = Command::new(&interpreter);
    command.arg(root.join("tests/python/explorer_check.py"));
    command.arg(&page_path).arg(&inputs_path);
    if let Some(shots) = std::env::var_os("ACTORGRAPH_SCREENSHOTS") {
        command.arg(shots);
    }
    let output = command.output().expect("python runs");
    assert!(
        output.status.success(),
        "explorer_check.py failed (is chromium installed? `bash .ci/setup`):\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["errors"], json!([]), "console errors");
    assert_eq!(report["label_gaps"], json!([]), "untranslated words");
    assert_eq!(report["may_label"], "2012-05-01");
    assert_eq!(report["may"], json!({"lane": "MNLA", "edges": ["mnla"]}));
    assert_eq!(
        report["august"],
        json!({"lane": "Islamist groups", "edges": ["islamists"]})
    );
    let played = report["played_days"].as_i64().unwrap();
    assert!(played > 0, "play moved the slider by {played} days");
    assert_eq!(report["results"][0], "gao");
    assert_eq!(report["focus"], "gao");
    assert_eq!(report["focus_name"], "Gao");
    assert_eq!(report["focused_node"], json!(["gao"]));
    let clicked = report["clicked"]
        .as_str()
        .expect("a control edge was drawn");
    let relation = graph
        .relations()
        .iter()
        .find(|r| r.id.as_str() == clicked)
        .unwrap();
    assert_eq!(report["summary"], relation.summary());
    check_folding(&inputs, report["folded"].as_array().unwrap(), &alphabet);
}
