//! `actorgraph check` on fixture graphs.
//!
//! `tests/fixtures/valid/` is a small valid graph whose evidence cites
//! `tests/fixtures/sources/report.txt`, an invented note. Each folder under
//! `tests/fixtures/broken/` is a copy of it with one defect; the table at the end of this file
//! says which problem each must produce, where, and with which JSON path and id. The full text
//! output of each is kept as an insta snapshot in `tests/it/snapshots/`.
//! `tests/fixtures/ten-problems/` holds fifteen different problems at once.

use std::borrow::Cow;
use std::path::Path;

use actorgraph::load::{self, GraphFiles, Layout};
use serde_json::Value;

const VALID: &str = "tests/fixtures/valid";
const SOURCES: &str = "tests/fixtures/sources";
const BROKEN: &str = "tests/fixtures/broken";

/// What one run of the binary produced.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `actorgraph ARGS` from the package root, ignoring the caller's environment defaults.
fn actorgraph(args: &[&str]) -> Run {
    let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("ACTORGRAPH_DATA")
        .env_remove("ACTORGRAPH_SOURCES")
        .args(args)
        .output()
        .expect("actorgraph runs");
    Run {
        code: output.status.code().expect("actorgraph exits with a code"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// `actorgraph check --data DATA --sources tests/fixtures/sources EXTRA…`.
fn check(data: &str, extra: &[&str]) -> Run {
    let mut args = vec!["check", "--data", data, "--sources", SOURCES];
    args.extend_from_slice(extra);
    actorgraph(&args)
}

/// The problem lines of a text report (all but the three summary lines), without the
/// first-strong isolate that wraps lines holding Arabic.
fn problem_lines(stdout: &str) -> Vec<&str> {
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines.len() >= 3, "no summary in:\n{stdout}");
    lines[..lines.len() - 3]
        .iter()
        .map(|l| {
            l.trim_start_matches('\u{2068}')
                .trim_end_matches('\u{2069}')
        })
        .collect()
}

/// `FILE:LINE:COL` split into its parts.
fn split_location(at: &str) -> (&str, u64, u64) {
    let mut parts = at.split(':');
    let mut next = || parts.next().unwrap_or_else(|| panic!("bad location {at}"));
    let file = next();
    let line = next().parse().expect("line number");
    let column = next().parse().expect("column number");
    (file, line, column)
}

/// The problems of a `--json` report.
fn json_problems(stdout: &str) -> (Value, Vec<Value>) {
    let report: Value = serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("--json output does not parse ({e}):\n{stdout}"));
    let problems = report["problems"]
        .as_array()
        .expect("`problems` is an array")
        .clone();
    (report, problems)
}

fn read_graph(dir: &str) -> GraphFiles {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let read = |name: &str| Cow::Owned(std::fs::read(dir.join(name)).expect("fixture file"));
    GraphFiles {
        origin: dir.display().to_string(),
        layout: Layout::Folder,
        entities: read(load::ENTITIES_FILE),
        relations: read(load::RELATIONS_FILE),
        sources: read(load::SOURCES_FILE),
    }
}

#[test]
fn valid_fixture_passes_strict_check_and_prints_counts() {
    let run = check(VALID, &["--strict"]);
    assert_eq!(
        run.code, 0,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert!(run.stdout.contains(
        "tests/fixtures/valid: 5 entities, 5 relations (5 with evidence, 100%), 1 sources"
    ));
    assert!(run.stdout.contains("0 error(s), 0 warning(s): valid"));
    assert!(run.stderr.is_empty(), "stderr: {}", run.stderr);
    insta::assert_snapshot!("valid", run.stdout);
}

#[test]
fn valid_fixture_json_report() {
    let run = check(VALID, &["--strict", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let (report, problems) = json_problems(&run.stdout);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(report["valid"], true);
    assert_eq!(report["strict"], true);
    assert_eq!(report["sources_checked"], true);
    assert_eq!(
        (report["errors"].as_u64(), report["warnings"].as_u64()),
        (Some(0), Some(0))
    );
    let counts = &report["counts"];
    assert_eq!(counts["entities"], 5);
    assert_eq!(counts["relations"], 5);
    assert_eq!(counts["relations_with_evidence"], 5);
    assert_eq!(counts["sources"], 1);
}

#[test]
fn valid_fixture_through_the_library() {
    let files = read_graph(VALID);
    let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join(SOURCES);
    let report = load::check(&files, Some(&sources));
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert!(!report.fails(true));
    let graph = report.graph.expect("a valid graph is built");
    assert_eq!(graph.entities().len(), report.counts.entities);
    assert_eq!(graph.relations().len(), report.counts.relations);
    assert_eq!(graph.sources().len(), report.counts.sources);
    assert_eq!(
        (
            report.counts.entities,
            report.counts.relations,
            report.counts.sources
        ),
        (5, 5, 1)
    );
    // The sha256 in sources.json is the document's.
    let text = std::fs::read(sources.join("report.txt")).unwrap();
    assert_eq!(graph.sources()[0].sha256, load::sha256_hex(&text));
    // `load` agrees.
    assert!(load::load(&files).is_ok());
}

#[test]
fn valid_fixture_without_sources_says_spans_are_unchecked() {
    let run = actorgraph(&["check", "--data", VALID, "--strict"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("evidence spans not checked: pass --sources DIR to check them")
    );
}

#[test]
fn missing_data_folder_is_a_usage_error() {
    let run = actorgraph(&["check", "--data", "/nonexistent"]);
    assert_eq!(
        run.code, 2,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert!(run.stdout.is_empty(), "stdout: {}", run.stdout);
    assert!(
        run.stderr
            .starts_with("error: cannot read /nonexistent/entities.json: "),
        "stderr: {}",
        run.stderr
    );
}

#[test]
fn missing_sources_folder_reports_the_unreadable_document() {
    let args = ["check", "--data", VALID, "--sources", "/nonexistent"];
    let run = actorgraph(&args);
    assert_eq!(
        run.code, 1,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    let lines = problem_lines(&run.stdout);
    // Only the document is reported: spans into it are not checked a second time.
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert!(
        lines[0].starts_with(
            "sources.json:2:3: error[source-unreadable] $[0].document: source \"report.txt\": cannot read /nonexistent/report.txt: "
        ),
        "{}",
        lines[0]
    );
    assert!(lines[0].ends_with("; pass the folder that holds it with --sources DIR"));
    assert!(run.stdout.contains("1 error(s), 0 warning(s): INVALID"));
    let run = actorgraph(&[&args[..], &["--json"]].concat());
    let (_, problems) = json_problems(&run.stdout);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0]["code"], "source-unreadable");
    assert_eq!(problems[0]["id"], "report.txt");
    assert_eq!(problems[0]["location"]["line"], 2);
}

/// The problem lines `ten-problems` must produce, in order.
const TEN_PROBLEMS: &[&str] = &[
    "entities.json:2:3: error[end-before-start] $[0].lifetime.end: entity \"dune-front\"",
    "entities.json:10:3: error[shared-alias] $[1].aliases[0]: entity \"river-council\"",
    "entities.json:23:3: error[invalid-id] $[3].id: entity \"Kelba_State\"",
    "entities.json:29:3: error[duplicate-id] $[4]: entity \"river-council\"",
    "relations.json:2:3: error[kind-mismatch] $[0].kind: relation \"dune-front-controls-amadou-kel\"",
    "relations.json:10:3: warning[no-evidence] $[1].evidence: relation \"amadou-kel-leads-dune-front\"",
    "relations.json:18:3: error[invalid-span] $[2].evidence[0]: relation \"dune-front-river-council-conflict\"",
    "relations.json:26:3: error[unknown-entity] $[3].target: relation \"tamarest-part-of-kelba\"",
    "relations.json:34:3: error[invalid-casualties] $[4].casualties[0]: relation \"river-council-attacks-tamarest\"",
    "relations.json:34:3: error[unknown-document] $[4].evidence[0]: relation \"river-council-attacks-tamarest\"",
    "relations.json:45:19: error[unknown-kind] $[5]: relation \"dune-front-truce\"",
    "relations.json:56:25: error[invalid-date] $[6]: relation \"dune-front-river-council-alliance\"",
    "relations.json:66:3: error[missing-field] $[7]: relation \"river-council-presence-tamarest\"",
    "relations.json:72:16: error[unknown-field] $[8]: relation \"dune-front-presence-tamarest\"",
    "relations.json:76:3: warning[span-misses-endpoints] $[9].evidence[0]: relation \"amadou-kel-presence-tamarest\"",
];

#[test]
fn ten_problems_are_all_reported_in_one_run() {
    let run = check("tests/fixtures/ten-problems", &[]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let lines = problem_lines(&run.stdout);
    assert_eq!(lines.len(), TEN_PROBLEMS.len(), "{}", run.stdout);
    for (line, expected) in lines.iter().zip(TEN_PROBLEMS) {
        assert!(
            line.starts_with(expected),
            "expected {expected:?}\n   got {line:?}"
        );
    }
    assert!(run.stdout.contains("13 error(s), 2 warning(s): INVALID"));
    insta::assert_snapshot!("ten-problems", run.stdout);

    let run = check("tests/fixtures/ten-problems", &["--json"]);
    let (report, problems) = json_problems(&run.stdout);
    assert_eq!(report["valid"], false);
    assert_eq!(problems.len(), TEN_PROBLEMS.len());
    let mut codes: Vec<&str> = problems.iter().filter_map(|p| p["code"].as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert!(
        codes.len() >= 10,
        "only {} different codes: {codes:?}",
        codes.len()
    );
    for (problem, expected) in problems.iter().zip(TEN_PROBLEMS) {
        let location = &problem["location"];
        let at = format!(
            "{}:{}:{}: {}[{}] {}",
            location["file"].as_str().unwrap(),
            location["line"],
            location["column"],
            problem["severity"].as_str().unwrap(),
            problem["code"].as_str().unwrap(),
            problem["path"].as_str().unwrap(),
        );
        assert!(expected.starts_with(&at), "{at} is not {expected}");
        let id = problem["id"].as_str().unwrap();
        assert!(
            expected.ends_with(&format!("{id:?}")),
            "{id} is not in {expected}"
        );
    }
}

/// One broken fixture and the problem it must produce.
struct Case {
    /// Folder under `tests/fixtures/broken/`.
    dir: &'static str,
    /// `error` or `warning`.
    severity: &'static str,
    code: &'static str,
    /// `FILE:LINE:COL`.
    at: &'static str,
    path: Option<&'static str>,
    id: Option<&'static str>,
    /// A part of the message that says what is wrong.
    says: &'static str,
    /// How many problems the run reports in all.
    problems: usize,
}

/// An error case reporting one problem; see [`Case::warning`].
const fn case(
    dir: &'static str,
    code: &'static str,
    at: &'static str,
    path: Option<&'static str>,
    id: Option<&'static str>,
    says: &'static str,
) -> Case {
    Case {
        dir,
        severity: "error",
        code,
        at,
        path,
        id,
        says,
        problems: 1,
    }
}

impl Case {
    /// The same case, as a warning: exit 0, and 1 with `--strict`.
    const fn warning(self) -> Case {
        Case {
            severity: "warning",
            ..self
        }
    }

    /// `FILE:LINE:COL: severity[code] $path: `, how the problem's line starts.
    fn prefix(&self) -> String {
        let path = self.path.map(|p| format!(" {p}")).unwrap_or_default();
        format!("{}: {}[{}]{path}: ", self.at, self.severity, self.code)
    }
}

/// Checks one broken fixture: text output (line, code, path, id, message, snapshot), exit
/// codes with and without `--strict`, and the `--json` report.
fn check_broken(case: &Case) {
    let dir = format!("{BROKEN}/{}", case.dir);
    let is_error = case.severity == "error";

    let run = check(&dir, &[]);
    let expected_code = if is_error { 1 } else { 0 };
    assert_eq!(
        run.code, expected_code,
        "exit code; stdout:\n{}",
        run.stdout
    );
    let lines = problem_lines(&run.stdout);
    assert_eq!(lines.len(), case.problems, "problem count:\n{}", run.stdout);
    let prefix = case.prefix();
    let line = lines
        .iter()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no line starts with {prefix:?} in:\n{}", run.stdout));
    assert!(
        line.contains(case.says),
        "{line:?} does not say {:?}",
        case.says
    );
    if let Some(id) = case.id {
        assert!(
            line.contains(&format!("{id:?}")),
            "{line:?} does not name {id}"
        );
    }
    insta::assert_snapshot!(format!("broken-{}", case.dir), run.stdout);

    if !is_error {
        let strict = check(&dir, &["--strict"]);
        assert_eq!(
            strict.code, 1,
            "--strict exit code; stdout:\n{}",
            strict.stdout
        );
        assert!(
            strict
                .stdout
                .contains("INVALID (strict: warnings count as errors)")
        );
    }

    let run = check(&dir, &["--json"]);
    assert_eq!(run.code, expected_code, "--json exit code");
    let (report, problems) = json_problems(&run.stdout);
    assert_eq!(report["valid"], !is_error);
    assert_eq!(problems.len(), case.problems);
    let (file, line, column) = split_location(case.at);
    let problem = problems
        .iter()
        .find(|p| p["code"] == case.code)
        .unwrap_or_else(|| panic!("no {} problem in {problems:#?}", case.code));
    assert_eq!(problem["severity"], case.severity);
    assert_eq!(problem["location"]["file"], file);
    assert_eq!(problem["location"]["line"], line);
    assert_eq!(problem["location"]["column"], column);
    assert_eq!(problem["path"].as_str(), case.path, "path");
    assert_eq!(problem["id"].as_str(), case.id, "id");
    assert!(problem["message"].as_str().unwrap().contains(case.says));
}

/// One test per row; `COVERED` lists every fixture folder a row names.
macro_rules! broken {
    ($($test:ident: $case:expr;)*) => {
        $(
            #[test]
            fn $test() {
                check_broken(&$case);
            }
        )*
        const COVERED: &[&str] = &[$($case.dir),*];
    };
}

#[test]
fn every_broken_fixture_has_a_case() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(BROKEN);
    let mut folders: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    folders.sort();
    let mut covered: Vec<&str> = COVERED.to_vec();
    covered.sort_unstable();
    assert_eq!(folders, covered);
}

broken! {
    syntax_error: case(
        "syntax-error", "syntax", "relations.json:35:5", None, None,
        "expected `,` or `}`",
    );
    not_an_array: case(
        "not-an-array", "not-an-array", "relations.json:1:1", None, None,
        "expected a JSON array of relation objects",
    );
    invalid_utf8: case(
        "invalid-utf8", "invalid-utf8", "relations.json:27:56", None, None,
        "invalid UTF-8 at byte 848; save the file as UTF-8",
    );
    unknown_field: case(
        "unknown-field", "unknown-field", "relations.json:17:33", Some("$[1]"),
        Some("amadou-kel-leads-dune-front"), "unknown field `confidence`, expected one of `id`",
    );
    missing_field: case(
        "missing-field", "missing-field", "relations.json:36:3", Some("$[3]"),
        Some("tamarest-part-of-kelba"), "missing field `summary`",
    );
    wrong_type: case(
        "wrong-type", "invalid-value", "relations.json:46:69", Some("$[4]"),
        Some("river-council-attacks-tamarest"), "invalid type: string \"3\", expected u32",
    );
    unknown_kind: case(
        "unknown-kind", "unknown-kind", "relations.json:14:24", Some("$[1]"),
        Some("amadou-kel-leads-dune-front"), "unknown variant `friendship`, expected one of",
    );
    malformed_bound: case(
        "malformed-bound", "invalid-date", "relations.json:7:23", Some("$[0]"),
        Some("dune-front-controls-tamarest"),
        "invalid date \"[2012-03\": expected YYYY[-MM[-DD]], [..DATE] (on or before), [DATE..] (on or after) or [DATE..DATE] (between)",
    );
    impossible_date: case(
        "impossible-date", "invalid-date", "relations.json:26:25", Some("$[2]"),
        Some("dune-front-river-council-conflict"),
        "impossible date \"2012-02-30\": that month has 29 days",
    );
    month_13: case(
        "month-13", "invalid-date", "relations.json:8:20", Some("$[0]"),
        Some("dune-front-controls-tamarest"),
        "impossible date \"2012-13\": month must be between 01 and 12",
    );
    duplicate_entity_id: case(
        "duplicate-entity-id", "duplicate-id", "entities.json:38:3", Some("$[5]"),
        Some("tamarest"), "duplicate id: also defined at entities.json:17",
    );
    duplicate_relation_id: case(
        "duplicate-relation-id", "duplicate-id", "relations.json:50:3", Some("$[5]"),
        Some("tamarest-part-of-kelba"), "duplicate id: also defined at relations.json:30",
    );
    relation_id_is_entity_id: case(
        "relation-id-is-entity-id", "duplicate-id", "relations.json:30:3", Some("$[3].id"),
        Some("kelba"), "id is also an entity's id",
    );
    duplicate_document: case(
        "duplicate-document", "duplicate-id", "sources.json:8:3", Some("$[1].document"),
        Some("report.txt"), "document listed twice",
    );
    invalid_relation_id: case(
        "invalid-relation-id", "invalid-id", "relations.json:2:3", Some("$[0].id"),
        Some("Dune_Front-controls-Tamarest"), "ids are lowercase ASCII letters and digits",
    );
    invalid_entity_id: case(
        "invalid-entity-id", "invalid-id", "entities.json:38:3", Some("$[5].id"),
        Some("Kel_Clan"), "ids are lowercase ASCII letters and digits",
    );
    unknown_source: case(
        "unknown-source", "unknown-entity", "relations.json:2:3", Some("$[0].source"),
        Some("dune-front-controls-tamarest"),
        "source \"dune-frnt\" is not an entity of this graph",
    );
    unknown_target: case(
        "unknown-target", "unknown-entity", "relations.json:30:3", Some("$[3].target"),
        Some("tamarest-part-of-kelba"), "target \"kalba\" is not an entity of this graph",
    );
    unknown_place: case(
        "unknown-place", "unknown-entity", "relations.json:38:3", Some("$[4].place"),
        Some("river-council-attacks-tamarest"),
        "place \"tamarest-market\" is not an entity of this graph",
    );
    end_before_start: case(
        "end-before-start", "end-before-start", "relations.json:2:3", Some("$[0].end"),
        Some("dune-front-controls-tamarest"), "end 2011-12 is before start 2012-03",
    );
    lifetime_end_before_start: case(
        "lifetime-end-before-start", "end-before-start", "entities.json:2:3",
        Some("$[0].lifetime.end"), Some("dune-front"), "end 2010-05 is before start 2011",
    );
    contradictory_bounds: case(
        "contradictory-bounds", "contradictory-date", "relations.json:2:3", Some("$[0].start"),
        Some("dune-front-controls-tamarest"),
        "start [2012-06..2012-03] contradicts itself: on or after 2012-06 but on or before 2012-03",
    );
    bounds_end_before_start: case(
        "bounds-end-before-start", "end-before-start", "relations.json:2:3", Some("$[0].end"),
        Some("dune-front-controls-tamarest"), "end [..2012-02] is before start [2012-03..]",
    );
    lifetime_contradictory_bounds: case(
        "lifetime-contradictory-bounds", "contradictory-date", "entities.json:2:3",
        Some("$[0].lifetime.start"), Some("dune-front"),
        "start [2011..2010] contradicts itself: on or after 2011 but on or before 2010",
    );
    timeless_dated: case(
        "timeless-dated", "timeless-dated", "relations.json:2:3", Some("$[0].timeless"),
        Some("dune-front-controls-tamarest"),
        "a timeless relation has no start or end; remove the dates or the flag",
    );
    outlives_entity: Case {
        problems: 3,
        ..case(
            "outlives-entity", "outlives-entity", "relations.json:2:3", Some("$[0].source"),
            Some("dune-front-controls-tamarest"),
            "the relation ends 2012-11, after \"dune-front\" ceased to exist (2012-06); end it by then",
        )
    };
    timeless_in_lifetime: Case {
        problems: 2,
        ..case(
            "timeless-in-lifetime", "outlives-entity", "relations.json:12:3", Some("$[1].source"),
            Some("amadou-kel-leads-dune-front"),
            "a timeless relation holds at all times, but \"amadou-kel\" existed only from 1970 on; date the relation by that lifetime instead",
        )
        .warning()
    };
    kind_mismatch: case(
        "kind-mismatch", "kind-mismatch", "relations.json:2:3", Some("$[0].kind"),
        Some("dune-front-controls-tamarest"),
        "a control relation joins an actor (not a city, region or natural area) to a place \
         (city, region, natural area, state); here the source \"tamarest\" is of kind city and \
         the target \"amadou-kel\" of kind person",
    );
    self_relation: case(
        "self-relation", "self-relation", "relations.json:12:3", Some("$[1].target"),
        Some("amadou-kel-leads-dune-front"), "source and target are the same entity",
    );
    invalid_casualties: case(
        "invalid-casualties", "invalid-casualties", "relations.json:38:3",
        Some("$[4].casualties[0]"), Some("river-council-attacks-tamarest"),
        "casualties need min ≤ max",
    );
    shared_alias: case(
        "shared-alias", "shared-alias", "entities.json:10:3", Some("$[1].aliases[1]"),
        Some("river-council"), "name \"DF\" is also a name of entity \"dune-front\"",
    );
    // تَأمارِست: hamza on the alef, a fatha and a kasra; the same name as تامارست.
    shared_alias_arabic_variant: case(
        "shared-alias-arabic-variant", "shared-alias", "entities.json:24:3",
        Some("$[3].aliases[1]"), Some("kelba"), "is also a name of entity \"tamarest\"",
    );
    shared_alias_latin_accent: case(
        "shared-alias-latin-accent", "shared-alias", "entities.json:24:3",
        Some("$[3].aliases[1]"), Some("kelba"),
        "name \"Támarèst\" is also a name of entity \"tamarest\"",
    );
    unknown_document: case(
        "unknown-document", "unknown-document", "relations.json:30:3",
        Some("$[3].evidence[0]"), Some("tamarest-part-of-kelba"),
        "document \"missing-report.txt\" is not listed in sources.json",
    );
    span_out_of_range: case(
        "span-out-of-range", "invalid-span", "relations.json:30:3", Some("$[3].evidence[0]"),
        Some("tamarest-part-of-kelba"), "span 351..4070 is out of range: \"report.txt\" has 550 bytes",
    );
    // Byte 311 is the second byte of م, the first letter of مجلس.
    span_not_boundary: case(
        "span-not-boundary", "invalid-span", "relations.json:21:3", Some("$[2].evidence[0]"),
        Some("dune-front-river-council-conflict"),
        "span 311..329 does not fall on UTF-8 character boundaries (byte 311)",
    );
    span_reversed: case(
        "span-reversed", "invalid-span", "relations.json:12:3", Some("$[1].evidence[0]"),
        Some("amadou-kel-leads-dune-front"), "span 251..190 is empty or reversed",
    );
    // Problems with the document itself point at the source's `document` field.
    sha256_mismatch: case(
        "sha256-mismatch", "sha256-mismatch", "sources.json:2:3", Some("$[0].document"),
        Some("report.txt"),
        "tests/fixtures/sources/report.txt has sha256 \
         0be7e7048a4c70245200f84f42652258a84ac46602d3cf1b1261292f100ec150, not \
         e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    // Upper case hex: not the format; it is not compared with the document a second time.
    invalid_sha256: case(
        "invalid-sha256", "invalid-sha256", "sources.json:2:3", Some("$[0].sha256"),
        Some("report.txt"), "sha256 must be 64 lowercase hex digits",
    );
    no_evidence: case(
        "no-evidence", "no-evidence", "relations.json:38:3", Some("$[4].evidence"),
        Some("river-council-attacks-tamarest"),
        "no evidence: cite the span of a source that states this relation",
    )
    .warning();
    span_misses_endpoints: case(
        "span-misses-endpoints", "span-misses-endpoints", "relations.json:30:3",
        Some("$[3].evidence[0]"), Some("tamarest-part-of-kelba"),
        "span 509..548 of \"report.txt\" mentions neither \"tamarest\" nor \"kelba\"",
    )
    .warning();
}
