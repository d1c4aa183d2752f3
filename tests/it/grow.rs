//! Growing a graph through the real binary: `add` and `remove` validated exactly as `check`
//! validates, files untouched by a rejected or killed `add`, imports of UCDP- and
//! ACLED-shaped fixture tables, `merge` of a graph with itself.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::common::{azawad, cmd, seeds};
use actorgraph::edit::splice;

const FILES: [&str; 3] = ["entities.json", "relations.json", "sources.json"];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

fn snapshot(dir: &Path) -> Vec<Vec<u8>> {
    FILES
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect()
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// `add --json -` with `element` on stdin: (exit code, stdout, stderr).
fn add_json(dir: &Path, element: &str) -> (i32, String, String) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args([
            "--data",
            arg(dir),
            "--sources",
            arg(&seeds()),
            "add",
            "--json",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(element.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The error lines `check` prints for a graph folder.
fn check_errors(dir: &Path) -> BTreeSet<String> {
    let out = cmd()
        .args(["--data", arg(dir), "--sources", arg(&seeds()), "check"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.contains(": error["))
        .map(str::to_owned)
        .collect()
}

/// Bad elements, one per way an element can be wrong, each as a script would send it.
const BAD: [&str; 14] = [
    // Entities.
    r#"{"id": "Bad_Id", "kind": "city", "names": {"en": "Somewhere"}, "description": "x"}"#,
    r#"{"id": "new-town", "kind": "village", "names": {"en": "Somewhere"}, "description": "x"}"#,
    r#"{"id": "new-town", "kind": "city", "names": {"en": "Somewhere"}, "colour": "red", "description": "x"}"#,
    r#"{"id": "gao", "kind": "city", "names": {"en": "Another Gao"}, "description": "x"}"#,
    r#"{"id": "new-town", "kind": "city", "names": {"en": "MNLA"}, "description": "x"}"#,
    r#"{"id": "new-town", "kind": "city", "names": {"en": "Somewhere"}, "lifetime": {"start": "2013", "end": "2012"}, "description": "x"}"#,
    // Relations.
    r#"{"id": "x-control-y", "kind": "control", "source": "mnla", "target": "nowhere", "start": "2012", "summary": "s"}"#,
    r#"{"id": "x-control-y", "kind": "control", "source": "mnla", "target": "gao", "start": "2013-05", "end": "2012-06", "summary": "s"}"#,
    r#"{"id": "x-control-y", "kind": "control", "source": "gao", "target": "mnla", "start": "2012", "summary": "s"}"#,
    r#"{"id": "x-control-y", "kind": "rules", "source": "mnla", "target": "gao", "summary": "s"}"#,
    r#"{"id": "x-control-y", "kind": "control", "source": "mnla", "target": "gao", "start": "2012-02-30", "summary": "s"}"#,
    r#"{"id": "x-control-y", "kind": "control", "source": "mnla", "target": "gao", "summary": "s", "evidence": [{"document": "missing.txt", "start_byte": 0, "end_byte": 5}]}"#,
    r#"{"id": "x-control-y", "kind": "control", "source": "mnla", "target": "gao", "summary": "s", "evidence": [{"document": "000_cf7dd0309b80378d.txt", "start_byte": 1, "end_byte": 999999}]}"#,
    r#"{"id": "mnla-controls-gao", "kind": "control", "source": "mnla", "target": "gao", "summary": "s"}"#,
];

#[test]
fn add_of_each_bad_element_reports_what_check_reports_and_writes_nothing() {
    for element in BAD {
        let (_guard, dir) = azawad();
        let before = snapshot(&dir);
        let (code, _, stderr) = add_json(&dir, element);
        assert_eq!(code, 1, "{element}: {stderr}");
        assert_eq!(snapshot(&dir), before, "{element}: files changed");
        let reported: BTreeSet<String> = stderr
            .lines()
            .filter(|l| l.contains(": error["))
            .map(str::to_owned)
            .collect();
        assert!(!reported.is_empty(), "{element}: {stderr}");
        // The same element written by hand at the end of its file, then checked.
        let (_guard2, by_hand) = azawad();
        let file = if element.contains("\"target\"") {
            "relations.json"
        } else {
            "entities.json"
        };
        let path = by_hand.join(file);
        let bytes = splice(&std::fs::read(&path).unwrap(), element);
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(reported, check_errors(&by_hand), "{element}");
    }
}

#[test]
fn add_from_flags_reports_what_check_reports() {
    let (_guard, dir) = azawad();
    let before = snapshot(&dir);
    let out = cmd()
        .args([
            "--data",
            arg(&dir),
            "add",
            "entity",
            "--id",
            "gao2",
            "--kind",
            "city",
        ])
        .args(["--name", "en=Gao"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(snapshot(&dir), before);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("entities.json:"), "{stderr}");
    assert!(
        stderr.contains("error[shared-alias]") && stderr.contains("\"gao2\""),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
}

#[test]
fn add_refuses_an_id_that_is_not_a_slug() {
    let (_guard, dir) = azawad();
    let before = snapshot(&dir);
    let out = cmd()
        .args(["--data", arg(&dir), "add", "entity", "--id", "Bad Id"])
        .args(["--kind", "city", "--name", "en=Bad"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(snapshot(&dir), before);
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: \"Bad Id\" is not an id: ids are lowercase ASCII letters and digits joined by single hyphens (ansar-dine)\n"
    );
}

#[test]
fn a_good_add_changes_only_its_file_by_exactly_the_element() {
    let (_guard, dir) = azawad();
    let before = snapshot(&dir);
    let element = r#"{"kind": "city", "names": {"en": "Tessalit", "ar": "تساليت"}, "description": "Town of the Kidal region."}"#;
    let (code, stdout, stderr) = add_json(&dir, element);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("tessalit"), "{stdout}");
    let after = snapshot(&dir);
    assert_eq!(after[1..], before[1..], "only entities.json changes");
    let (old, new) = (
        String::from_utf8(before[0].clone()).unwrap(),
        String::from_utf8(after[0].clone()).unwrap(),
    );
    let kept = old.trim_end().strip_suffix(']').unwrap().trim_end();
    assert!(
        new.starts_with(kept),
        "the old elements are kept byte for byte"
    );
    let added = &new[kept.len()..];
    assert_eq!(
        added,
        ",\n  {\n    \"id\": \"tessalit\",\n    \"kind\": \"city\",\n    \"names\": {\n      \"en\": \"Tessalit\",\n      \"ar\": \"تساليت\"\n    },\n    \"aliases\": [],\n    \"description\": \"Town of the Kidal region.\"\n  }\n]\n"
    );
}

#[test]
fn a_killed_add_leaves_the_old_files() {
    let (_guard, dir) = azawad();
    let before = snapshot(&dir);
    let element =
        r#"{"id": "kill-test", "kind": "city", "names": {"en": "Kill Test"}, "description": "x"}"#;
    let start = std::time::Instant::now();
    let (code, _, stderr) = add_json(&dir, element);
    assert_eq!(code, 0, "{stderr}");
    let took = start.elapsed();
    let after = snapshot(&dir);
    for i in 0..16u32 {
        let (_guard, dir) = azawad();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_actorgraph"))
            .args(["--data", arg(&dir), "add", "--json", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(element.as_bytes())
            .unwrap();
        std::thread::sleep(took * i / 12);
        child.kill().ok();
        child.wait().unwrap();
        let now = snapshot(&dir);
        for (k, file) in FILES.iter().enumerate() {
            assert!(
                now[k] == before[k] || now[k] == after[k],
                "{file} is neither the old nor the new file after a kill at {:?}",
                took * i / 12
            );
        }
        assert!(check_errors(&dir).is_empty());
    }
}

#[test]
fn remove_refuses_dangling_references_unless_cascade() {
    let (_guard, dir) = azawad();
    let before = snapshot(&dir);
    let out = cmd()
        .args(["--data", arg(&dir), "remove", "gao"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("mnla-controls-gao (target)"), "{stderr}");
    assert_eq!(snapshot(&dir), before);
    let out = cmd()
        .args([
            "--data",
            arg(&dir),
            "--sources",
            arg(&seeds()),
            "remove",
            "gao",
            "--cascade",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(check_errors(&dir).is_empty());
    let relations = std::fs::read_to_string(dir.join("relations.json")).unwrap();
    assert!(!relations.contains("\"gao\""));
}

#[test]
fn a_graph_merged_with_itself_is_the_graph() {
    let (_guard, dir) = azawad();
    let into = dir.with_file_name("merged");
    let out = cmd()
        .args(["merge", arg(&dir), arg(&dir), "--into", arg(&into)])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(snapshot(&into), snapshot(&dir));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("0 conflict(s)")
    );
}

#[test]
fn merge_joins_same_name_entities_and_reports_conflicts() {
    let (_guard, a) = azawad();
    let b = a.with_file_name("b");
    cmd().args(["init", arg(&b)]).assert().success();
    let (code, _, stderr) = add_json(
        &b,
        r#"{"id": "mouvement-azawad", "kind": "armed_group", "names": {"fr": "Mouvement national de libération de l'Azawad"}, "aliases": ["M.N.L.A."], "description": "Another description."}"#,
    );
    assert_eq!(code, 0, "{stderr}");
    let into = a.with_file_name("c");
    let out = cmd()
        .args(["--json", "merge", arg(&a), arg(&b), "--into", arg(&into)])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["renamed"][0][1], "mnla");
    let conflicts = report["conflicts"].to_string();
    assert!(
        conflicts.contains("kind") && conflicts.contains("description"),
        "{conflicts}"
    );
    let entities = std::fs::read_to_string(into.join("entities.json")).unwrap();
    assert!(entities.contains("M.N.L.A."));
    assert!(check_errors(&into).is_empty());
}

/// Imports `table` with `map` into `dir`: (exit code, stdout, stderr).
fn import(dir: &Path, table: &str, map: &str, extra: &[&str]) -> (i32, String, String) {
    let out = cmd()
        .args([
            "import",
            "csv",
            arg(&fixtures().join(table)),
            "--into",
            arg(dir),
        ])
        .args(["--map", map])
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn relations(dir: &Path) -> Vec<serde_json::Value> {
    serde_json::from_str::<Vec<serde_json::Value>>(
        &std::fs::read_to_string(dir.join("relations.json")).unwrap(),
    )
    .unwrap()
}

fn relation<'a>(all: &'a [serde_json::Value], id: &str) -> &'a serde_json::Value {
    all.iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no {id}"))
}

#[test]
fn import_writes_nothing_when_a_row_is_bad_and_locates_each() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("g");
    let (code, _, stderr) = import(&graph, "ucdp-ged.csv", "ucdp", &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains(
            "ucdp-ged.csv:6:233: error[unknown-precision] row 5.date_prec: date_prec \"7\""
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("ucdp-ged.csv:7:243: error[missing-field] row 6.date_start"),
        "{stderr}"
    );
    assert!(
        !graph.exists(),
        "no folder is created for an import that writes nothing"
    );
}

#[test]
fn ucdp_rows_become_relations_at_their_precision() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("g");
    let (code, stdout, stderr) = import(&graph, "ucdp-ged.csv", "ucdp", &["--skip-bad"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("5 relation(s) and 6 new entit"), "{stdout}");
    let all = relations(&graph);
    let r = relation(&all, "ucdp-ged-100001");
    assert_eq!(
        (&r["kind"], &r["source"], &r["target"]),
        (
            &"conflict".into(),
            &"government-of-mali".into(),
            &"mnla".into()
        )
    );
    assert_eq!(
        (&r["start"], &r["end"]),
        (&"2012-01-17".into(), &"2012-01-17".into())
    );
    assert_eq!(r["casualties"][0]["min"], 4);
    assert_eq!(r["casualties"][0]["max"], 12);
    assert_eq!(r["evidence"][0]["row"], 1);
    // Month, days range, year: never a day picked inside the window.
    assert_eq!(relation(&all, "ucdp-ged-100002")["start"], "2012-06");
    assert_eq!(
        relation(&all, "ucdp-ged-100003")["start"],
        "[2012-06-26..2012-06-28]"
    );
    assert!(
        relation(&all, "ucdp-ged-100003")
            .get("casualties")
            .is_none()
    );
    let attack = relation(&all, "ucdp-ged-100004");
    assert_eq!(
        (&attack["kind"], &attack["start"]),
        (&"attack".into(), &"2013".into())
    );
    assert!(attack.get("end").is_none());
    assert_eq!(
        relation(&all, "ucdp-ged-100007")["start"],
        "[2013-02-04..2013-02-10]"
    );
    // Spelling variants are one entity.
    let entities = std::fs::read_to_string(graph.join("entities.json")).unwrap();
    assert!(entities.contains("\"Mujao\""), "Mujao is an alias of MUJAO");
    assert_eq!(relation(&all, "ucdp-ged-100007")["target"], "mujao");
    // The row is the evidence: check verifies its span and sha256, show quotes it.
    assert!(check_errors_with(&graph, &fixtures()).is_empty());
    let shown = cmd()
        .args([
            "--data",
            arg(&graph),
            "--sources",
            arg(&fixtures()),
            "show",
            "ucdp-ged-100002",
        ])
        .output()
        .unwrap();
    let shown = String::from_utf8(shown.stdout).unwrap();
    assert!(shown.contains("ucdp-ged.csv row 2,"), "{shown}");
    assert!(shown.contains("«100002,MLI-2012-1-100002,2012"), "{shown}");
    // Importing again adds nothing.
    let (code, stdout, _) = import(&graph, "ucdp-ged.csv", "ucdp", &["--skip-bad"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("0 relation(s)") && stdout.contains("5 already imported"),
        "{stdout}"
    );
}

fn check_errors_with(dir: &Path, sources: &Path) -> Vec<String> {
    let out = cmd()
        .args([
            "--data",
            arg(dir),
            "--sources",
            arg(sources),
            "check",
            "--strict",
        ])
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.contains(": error[") || l.contains(": warning["))
        .map(str::to_owned)
        .collect()
}

#[test]
fn acled_rows_become_relations_at_their_precision() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("g");
    let (code, stdout, stderr) = import(&graph, "acled.csv", "acled", &["--skip-bad"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("5 relation(s)"), "{stdout}");
    assert!(
        stderr.contains("acled.csv:6:46: warning[row-left-out] row 5.event_type"),
        "{stderr}"
    );
    assert!(
        stderr.contains("acled.csv:7:25: error[unknown-precision] row 6.time_precision"),
        "{stderr}"
    );
    assert!(
        stderr.contains("acled.csv:8:9: error[missing-field] row 7.event_date"),
        "{stderr}"
    );
    let all = relations(&graph);
    assert_eq!(relation(&all, "acled-mli1001")["start"], "2012-03-22");
    assert_eq!(relation(&all, "acled-mli1001")["casualties"][0]["max"], 3);
    // A week: three days either side of the date ACLED gives.
    assert_eq!(
        relation(&all, "acled-mli1002")["start"],
        "[2012-03-29..2012-04-04]"
    );
    let attack = relation(&all, "acled-mli1003");
    assert_eq!(
        (&attack["kind"], &attack["start"]),
        (&"attack".into(), &"2012-06".into())
    );
    assert_eq!(attack["target"], "civilians-mali");
    assert_eq!(relation(&all, "acled-mli1004")["source"], "ansar-dine");
    // `MNLA: National Movement …` is the actor MNLA, named in full.
    assert_eq!(relation(&all, "acled-mli1001")["target"], "mnla");
    let entities = std::fs::read_to_string(graph.join("entities.json")).unwrap();
    assert!(
        entities.contains("\"ANSAR DINE\""),
        "an alias of Ansar Dine"
    );
    assert!(entities.contains("\"kind\": \"people\""));
    assert!(check_errors_with(&graph, &fixtures()).is_empty());
}

#[test]
fn import_matches_actors_already_in_the_graph() {
    let (_guard, dir) = azawad();
    let (code, _, stderr) = import(&dir, "ucdp-ged.csv", "ucdp", &["--skip-bad"]);
    assert_eq!(code, 0, "{stderr}");
    let all = relations(&dir);
    assert_eq!(relation(&all, "ucdp-ged-100001")["target"], "mnla");
    assert_eq!(relation(&all, "ucdp-ged-100002")["target"], "ansar-dine");
}

#[test]
fn a_mapping_file_imports_any_table() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("g");
    let (code, stdout, stderr) = import(
        &graph,
        "custom.csv",
        arg(&fixtures().join("custom.toml")),
        &[],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("3 relation(s)"), "{stdout}");
    let all = relations(&graph);
    let ambush = relation(&all, "custom-e2");
    assert_eq!(
        (&ambush["kind"], &ambush["start"]),
        (&"attack".into(), &"[..2012-04]".into())
    );
    assert_eq!(relation(&all, "custom-e3")["start"], "2013");
    assert_eq!(relation(&all, "custom-e1")["casualties"][0]["min"], 12);
}

/// The words of a shell command line: spaces separate, '…' and "…" quote (also inside a
/// word, `en="Two words"`).
fn shell_words(line: &str) -> Vec<String> {
    let (mut words, mut word, mut quote, mut started) = (Vec::new(), String::new(), None, false);
    for c in line.chars() {
        match (quote, c) {
            (None, ' ') => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            (None, '\'' | '"') => {
                quote = Some(c);
                started = true;
            }
            (Some(q), c) if c == q => quote = None,
            (_, c) => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    words
}

#[test]
fn readme_growing_a_graph_runs_as_written() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme
        .find("## Growing a graph")
        .expect("the README section");
    let section = &readme[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    // The project folder as the README runs it: `../shared/seeds` beside it, the fixtures in it.
    let root = tempfile::tempdir().unwrap();
    let project = root.path().join("project");
    std::fs::create_dir_all(project.join("tests/fixtures")).unwrap();
    std::fs::create_dir_all(root.path().join("shared")).unwrap();
    std::os::unix::fs::symlink(seeds(), root.path().join("shared/seeds")).unwrap();
    std::os::unix::fs::symlink(fixtures(), project.join("tests/fixtures/import")).unwrap();
    let mut steps = 0;
    for block in section.split("```console\n").skip(1) {
        let block = &block[..block.find("```").unwrap()];
        let mut lines = block.lines().peekable();
        while let Some(line) = lines.next() {
            let command = line.strip_prefix("$ ").expect("a command line");
            let mut expected = String::new();
            while let Some(out) = lines.next_if(|l| !l.starts_with("$ ")) {
                expected.push_str(out);
                expected.push('\n');
            }
            let words = shell_words(command);
            assert_eq!(words[0], "actorgraph");
            let out = cmd()
                .current_dir(&project)
                .args(&words[1..])
                .output()
                .unwrap();
            let actual = format!(
                "{}{}",
                String::from_utf8(out.stderr).unwrap(),
                String::from_utf8(out.stdout).unwrap()
            );
            assert_eq!(actual, expected, "README step `{command}`");
            steps += 1;
        }
    }
    assert!(steps >= 12, "{steps} steps");
}

/// Runs the binary in `dir`'s parent with `args`: (exit code, stderr).
fn status(args: &[&str]) -> (i32, String) {
    let out = cmd().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn cite_refuses_what_it_cannot_read_and_finds_no_nearest_passage() {
    let s = seeds();
    let (code, err) = status(&[
        "--sources",
        arg(&s),
        "cite",
        "../seeds/000_cf7dd0309b80378d.txt",
        "غاو",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("is not a plain file name"), "{err}");
    let (code, err) = status(&[
        "--sources",
        arg(&s),
        "cite",
        "000_cf7dd0309b80378d.txt",
        "«…»",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("is not in 000_cf7dd0309b80378d.txt"), "{err}");
    let (code, err) = status(&[
        "--sources",
        arg(&s),
        "cite",
        "000_cf7dd0309b80378d.txt",
        "Timbuktu Gao Kidal",
    ]);
    assert_eq!(code, 1, "{err}");
    let (code, err) = status(&["cite", "000_cf7dd0309b80378d.txt", "غاو"]);
    assert_eq!(code, 2);
    assert!(err.contains("--sources DIR"), "{err}");
}

#[test]
fn add_needs_a_graph_folder_and_one_passage() {
    let (code, err) = status(&["add", "entity", "--kind", "city", "--name", "en=X"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("the built-in graph cannot be changed"),
        "{err}"
    );
    let (_guard, dir) = azawad();
    let before = snapshot(&dir);
    let (code, err) = status(&[
        "--data",
        arg(&dir),
        "--sources",
        arg(&seeds()),
        "add",
        "relation",
        "--kind",
        "control",
        "--source",
        "MNLA",
        "--target",
        "Gao",
        "--evidence",
        "001_b268be08f6520170.txt:الحركة الوطنية لتحرير أزواد",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("stands 37 times in 001_b268be08f6520170.txt"),
        "{err}"
    );
    let (code, err) = status(&[
        "--data",
        arg(&dir),
        "add",
        "relation",
        "--kind",
        "control",
        "--source",
        "Nobody at all",
        "--target",
        "Gao",
    ]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn import_refuses_bad_tables_and_never_writes_over_one() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("g");
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let latin1 = write("latin1.csv", b"id,side_a\n1,Ansar D\xefne\n");
    let (code, err) = status(&[
        "import",
        "csv",
        arg(&latin1),
        "--into",
        arg(&graph),
        "--map",
        "ucdp",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("is not UTF-8 text"), "{err}");
    let ged = fixtures().join("ucdp-ged.csv");
    let (code, err) = status(&[
        "import",
        "csv",
        arg(&ged),
        "--into",
        arg(&graph),
        "--map",
        "acled",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("error[missing-column]") && err.contains("event_id_cnty"),
        "{err}"
    );
    let ragged = write(
        "ragged.csv",
        b"a,b,kind,when\nMali,MNLA,battle,2012\nMali,MNLA,Gao,battle,2012\n",
    );
    let mapping = write(
        "m.toml",
        b"source = \"a\"\ntarget = \"b\"\nkind = \"conflict\"\nstart = \"when\"\n",
    );
    let (code, err) = status(&[
        "import",
        "csv",
        arg(&ragged),
        "--into",
        arg(&graph),
        "--map",
        arg(&mapping),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("ragged.csv:3:1: error[bad-row]") && err.contains("5 fields"),
        "{err}"
    );
    let (code, err) = status(&[
        "import",
        "csv",
        arg(&ragged),
        "--into",
        arg(&graph),
        "--map",
        arg(&mapping),
        "--skip-bad",
    ]);
    assert_eq!(code, 0, "{err}");
    // Another table under a name the graph already cites.
    let ragged = write("ragged.csv", b"a,b,kind,when\nMali,MNLA,battle,2013\n");
    let (code, err) = status(&[
        "import",
        "csv",
        arg(&ragged),
        "--into",
        arg(&graph),
        "--map",
        arg(&mapping),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("error[sha256-mismatch]"), "{err}");
    // A table that is the graph's own relations.json is never written over.
    let inside = graph.join("relations.json");
    let before = std::fs::read(&inside).unwrap();
    std::fs::write(&inside, b"a,b,kind,when\nMali,Gao militia,battle,2014\n").unwrap();
    let table = std::fs::read(&inside).unwrap();
    let (code, err) = status(&[
        "import",
        "csv",
        arg(&inside),
        "--into",
        arg(&graph),
        "--map",
        arg(&mapping),
    ]);
    assert_ne!(code, 0);
    assert_eq!(std::fs::read(&inside).unwrap(), table, "{err}");
    drop(before);
}

#[test]
fn cite_json_lists_every_match_with_its_text() {
    let out = cmd()
        .args([
            "--sources",
            arg(&seeds()),
            "--json",
            "cite",
            "001_b268be08f6520170.txt",
        ])
        .arg("الحركه الوطنيه لتحرير ازواد")
        .output()
        .unwrap();
    assert!(out.status.success());
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let matches = found["matches"].as_array().unwrap();
    assert_eq!(matches.len(), 37);
    let text = std::fs::read_to_string(seeds().join("001_b268be08f6520170.txt")).unwrap();
    for m in matches {
        let e = &m["evidence"];
        let (s, t) = (
            e["start_byte"].as_u64().unwrap() as usize,
            e["end_byte"].as_u64().unwrap() as usize,
        );
        assert_eq!(m["text"], text[s..t]);
        assert_eq!(e["document"], "001_b268be08f6520170.txt");
    }
}
