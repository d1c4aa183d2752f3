//! The exchange formats (GraphML, GEXF, Turtle, Neo4j, CSV), written by the real binary and
//! loaded by the tools people load them with.
//!
//! `tests/fixtures/exchange/` is a small graph made for these tests: five entities (one with
//! Arabic names, one whose names hold quotes, `<`, `&`, a comma, a newline, a NUL and a bell,
//! and start with `=` and `@`) and seven relations (negated, alleged, disputed, year-, month-
//! and day-precision dates, an end known only to lie between two months, open ends, a
//! timeless one, two between the same pair). Each
//! export of it is an insta snapshot in `tests/it/snapshots/it__exchange__*.snap`.
//!
//! The consumers are Python packages, run as `target/pyenv/bin/python tests/python/*.py`:
//! networkx reads GraphML and GEXF, pyoxigraph and rdflib load Turtle and answer SPARQL, the
//! kuzu package loads the Kùzu export, the csv module reads the CSV and Neo4j files. `bash
//! .ci/setup` makes that environment; without it these tests fail and say so.
//!
//! The round trip (`round_trip`, `tests/python/roundtrip.py`): each format's export of the
//! built-in graph, read by its consumer and rebuilt into the shape of `relations.json`, must
//! give back every field of every entity and relation of `export json`, compared field by
//! field, so that a field a format drops fails by name.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

const FIXTURE: &str = "tests/fixtures/exchange";
const HOSTILE_NAME: &str = "=\"Front\" <Sahel> & Co,\nLtd";

/// Runs `actorgraph ARGS` from the package root, asserts success and returns stdout.
fn actorgraph(args: &[&str]) -> String {
    let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("ACTORGRAPH_DATA")
        .env_remove("ACTORGRAPH_SOURCES")
        .args(args)
        .output()
        .expect("actorgraph runs");
    assert!(
        output.status.success(),
        "actorgraph {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("stdout is UTF-8")
}

/// `--data DIR` for a fixture, nothing for the built-in graph.
fn data_args(data: Option<&str>) -> Vec<&str> {
    data.map_or_else(Vec::new, |d| vec!["--data", d])
}

/// `actorgraph [--data DATA] relations --json EXTRA…`.
fn relations(data: Option<&str>, extra: &[&str]) -> Vec<Value> {
    let mut args = data_args(data);
    args.extend(["relations", "--json"]);
    args.extend_from_slice(extra);
    serde_json::from_str(&actorgraph(&args)).expect("relations --json is JSON")
}

/// The entity ids of the graph, in file order, from the node-link JSON export.
fn entity_ids(data: Option<&str>) -> Vec<String> {
    let mut args = data_args(data);
    args.extend(["export", "json"]);
    let document: Value = serde_json::from_str(&actorgraph(&args)).expect("export json is JSON");
    document["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| n["id"].as_str().expect("id").to_owned())
        .collect()
}

/// Exports `format` of `data` into a fresh folder (`-o DIR` for several parts, `-o DIR/export`
/// for one) and returns the folder and the path written.
fn export(format: &str, data: Option<&str>, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let multi = matches!(format, "neo4j" | "kuzu" | "csv");
    let path = if multi {
        dir.path().join(format)
    } else {
        dir.path().join(format!("export.{format}"))
    };
    let mut args = data_args(data);
    let output = path.to_str().expect("UTF-8 path").to_owned();
    args.extend(["export", format, "-o", &output]);
    args.extend_from_slice(extra);
    actorgraph(&args);
    (dir, path)
}

/// Runs `tests/python/SCRIPT ARGS` with the test environment's Python and parses its JSON.
fn python(script: &str, args: &[&str]) -> Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let interpreter = root.join("target/pyenv/bin/python");
    assert!(
        interpreter.exists(),
        "{} is missing: run `bash .ci/setup` to create the Python environment (networkx, \
         pyoxigraph, rdflib) these tests load the exports with",
        interpreter.display()
    );
    let output = Command::new(&interpreter)
        .arg(root.join("tests/python").join(script))
        .args(args)
        .output()
        .expect("python runs");
    assert!(
        output.status.success(),
        "{script} {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{script} printed no JSON ({e}):\n{}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// `text` as a snapshot shows it: CRLF line ends as LF (checked in `check_csv`), control
/// characters other than newline and tab as `\u{…}`, so that snapshot files stay text.
fn visible(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\n' | '\t' => c.to_string(),
            c if c.is_control() => format!("\\u{{{:x}}}", u32::from(c)),
            c => c.to_string(),
        })
        .collect()
}

fn snapshot_parts(format: &str) -> Vec<(String, String)> {
    let (_dir, folder) = export(format, Some(FIXTURE), &[]);
    let mut parts: Vec<(String, String)> = std::fs::read_dir(&folder)
        .expect("export folder")
        .map(|entry| {
            let path = entry.expect("entry").path();
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(&path).expect("UTF-8 part"))
        })
        .collect();
    parts.sort();
    parts
}

#[test]
fn snapshots_of_the_single_file_formats() {
    for format in ["graphml", "gexf", "turtle"] {
        let out = actorgraph(&["export", format, "--data", FIXTURE]);
        insta::assert_snapshot!(format, visible(&out));
    }
}

#[test]
fn snapshots_of_the_multi_file_formats() {
    for format in ["neo4j", "kuzu", "csv"] {
        let parts = snapshot_parts(format);
        let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
        let expected: &[&str] = match format {
            "neo4j" => &[
                "cites.csv",
                "evidence.csv",
                "import.cypher",
                "nodes.csv",
                "relationships.csv",
                "sources.csv",
            ],
            "kuzu" => &[
                "aliases.csv",
                "casualties.csv",
                "cites.csv",
                "entities.csv",
                "evidence.csv",
                "has_alias.csv",
                "has_casualties.csv",
                "has_evidence.csv",
                "links.csv",
                "load.cypher",
                "relations.csv",
                "roles.csv",
                "side.csv",
                "sources.csv",
            ],
            _ => &["nodes.csv", "relations.csv", "sources.csv"],
        };
        assert_eq!(names, expected);
        for (name, text) in parts {
            let snapshot = format!("{format}_{}", name.replace('.', "_"));
            insta::assert_snapshot!(snapshot, visible(&text));
        }
    }
}

/// What networkx read from a GraphML export agrees with `actorgraph relations --json`.
fn check_graphml(data: Option<&str>, extra: &[&str]) {
    // Plain networkx refuses mixed graphs: --directed-only is for it.
    let directed: Vec<&str> = extra.iter().copied().chain(["--directed-only"]).collect();
    let (_dir, path) = export("graphml", data, &directed);
    let read = python("graphml_check.py", &[path_str(&path)]);
    assert_eq!(read["directed"], true);
    assert_eq!(read["multigraph"], true);
    let relations = relations(data, extra);
    let mut entities = entity_ids(data);
    if !extra.is_empty() {
        let joined: BTreeSet<&str> = relations
            .iter()
            .flat_map(|r| [r["source"].as_str(), r["target"].as_str()])
            .flatten()
            .collect();
        entities.retain(|e| joined.contains(e.as_str()));
    }
    let nodes: BTreeSet<&str> = read["nodes"]
        .as_object()
        .expect("nodes")
        .keys()
        .map(String::as_str)
        .collect();
    let wanted: BTreeSet<&str> = entities.iter().map(String::as_str).collect();
    assert_eq!(nodes, wanted, "GraphML nodes");
    let edges: BTreeMap<&str, &Value> = read["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| (e["id"].as_str().expect("edge id"), e))
        .collect();
    assert_eq!(edges.len(), relations.len(), "one edge per relation");
    for r in &relations {
        let id = r["id"].as_str().expect("id");
        let e = edges
            .get(id)
            .unwrap_or_else(|| panic!("no edge {id} in GraphML"));
        for field in [
            "source",
            "target",
            "kind",
            "start",
            "end",
            "status",
            "certainty",
        ] {
            assert_eq!(e[field], r[field], "edge {id}: {field}");
        }
        assert_eq!(
            e["negated"], r["negated"],
            "edge {id}: negated as a boolean"
        );
        assert!(
            e["symmetric"].is_boolean(),
            "edge {id}: symmetric as a boolean"
        );
    }
}

#[test]
fn graphml_loads_in_networkx_as_actorgraph_says() {
    check_graphml(Some(FIXTURE), &[]);
    check_graphml(None, &[]);
    check_graphml(None, &["--at", "2012-05"]);
}

#[test]
fn graphml_keeps_names_and_bounds() {
    let (_dir, path) = export("graphml", Some(FIXTURE), &["--directed-only"]);
    let read = python("graphml_check.py", &[path_str(&path)]);
    let hostile = &read["nodes"]["hostile-front"];
    assert_eq!(hostile["name_en"], HOSTILE_NAME);
    assert_eq!(hostile["name_fr"], "@Front 'Sahel'");
    // XML 1.0 cannot hold a NUL or a bell: they are dropped, the rest kept.
    assert_eq!(
        hostile["description"],
        "A hostile name: quotes \" and ', <tags>, & ampersands, a comma, a newline\nand a NUL  \
         and a bell  that XML cannot hold."
    );
    assert_eq!(read["nodes"]["sand-front"]["name_ar"], "جبهة الرمال");
    assert_eq!(read["nodes"]["sand-front"]["aliases"], r#"["SF","الجبهة"]"#);
    let edge = |id: &str| {
        read["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .find(|e| e["id"] == id)
            .unwrap_or_else(|| panic!("edge {id}"))
            .clone()
    };
    let bounds = |e: &Value| {
        ["start_first", "start_last", "end_first", "end_last"]
            .map(|f| e[f].as_str().map(str::to_owned))
    };
    let day = |d: &str| Some(d.to_owned());
    // Month and day precision.
    let alliance = edge("sand-front-hostile-front-alliance");
    assert_eq!(
        bounds(&alliance),
        [
            day("2012-03-01"),
            day("2012-03-31"),
            day("2012-06-27"),
            day("2012-06-27")
        ]
    );
    assert_eq!(alliance["symmetric"], true);
    // Year precision.
    assert_eq!(
        bounds(&edge("sand-front-controls-tinbara")),
        [
            day("2012-01-01"),
            day("2012-12-31"),
            day("2013-01-01"),
            day("2013-01-31")
        ]
    );
    // An open end has no end bounds; an undated relation none at all.
    assert_eq!(
        bounds(&edge("sand-front-hostile-front-conflict")),
        [day("2012-07-01"), day("2012-07-31"), None, None]
    );
    assert_eq!(
        bounds(&edge("tinbara-part-of-nara")),
        [None, None, None, None]
    );
    // An attack without an end ends within its start.
    assert_eq!(
        bounds(&edge("hostile-front-attacks-tinbara")),
        std::array::from_fn(|_| day("2012-06-02"))
    );
    let attack = edge("hostile-front-attacks-tinbara");
    assert_eq!(attack["event"], "Raid on \"Tinbara\" & <market>");
    assert_eq!(
        attack["evidence"],
        r#"[{"document":"note.txt","start_byte":241,"end_byte":280},{"document":"note.txt","start_byte":281,"end_byte":300}]"#
    );
    let support = edge("oasis-league-supports-sand-front");
    assert_eq!(support["claimed_by"], r#"["nara"]"#);
    // A bound stays a bound: the EDTF string, and the days it allows.
    assert_eq!(support["end"], "[2012-12..2013-01]");
    assert_eq!(
        bounds(&support),
        [
            day("2012-05-10"),
            day("2012-05-10"),
            day("2012-12-01"),
            day("2013-01-31")
        ]
    );
    assert_eq!(edge("tinbara-part-of-nara")["timeless"], true);
    assert_eq!(support["timeless"], false);
}

#[test]
fn gexf_loads_in_networkx_with_spells() {
    let (_dir, path) = export("gexf", Some(FIXTURE), &["--directed-only"]);
    let read = python("gexf_check.py", &[path_str(&path)]);
    let tree = &read["etree"];
    assert_eq!(tree["problems"], json!([]), "GEXF structure");
    let spells: BTreeMap<&str, &Value> = tree["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| (e["id"].as_str().expect("id"), &e["spells"]))
        .collect();
    let expected = json!({
        "sand-front-hostile-front-alliance": [["2012-03-01", "2012-06-27"]],
        "sand-front-hostile-front-conflict": [["2012-07-01", null]],
        "sand-front-controls-tinbara": [["2012-01-01", "2013-01-31"]],
        "oasis-league-supports-sand-front": [["2012-05-10", "2013-01-31"]],
        "nara-recognises-hostile-front": [["2012-04-06", null]],
        "hostile-front-attacks-tinbara": [["2012-06-02", "2012-06-02"]],
        "tinbara-part-of-nara": [],
    });
    assert_eq!(serde_json::to_value(&spells).expect("JSON"), expected);
    assert_eq!(
        tree["nodes"]["sand-front"]["spells"],
        json!([["2011-10-01", null]])
    );
    // A lifetime that ends on or after 15 March 2013 has no latest day: an open spell.
    assert_eq!(
        tree["nodes"]["hostile-front"]["spells"],
        json!([["2012-01-01", null]])
    );
    assert_eq!(
        tree["nodes"]["hostile-front"]["label"],
        "=\"Front\" <Sahel> & Co, Ltd"
    );

    let nx = &read["networkx"];
    assert_eq!(nx["mode"], "dynamic");
    // Certain from the latest possible start (31 March) to the earliest possible end, possible
    // before; an open end is possible ever after; a relation never certain is possible
    // throughout; an undated one has no phase.
    let holds = |id: &str| {
        let edges = read["networkx"]["edges"].as_array().expect("edges");
        let edge = edges.iter().find(|e| e["id"] == id).expect("edge");
        edge["holds"].clone()
    };
    assert_eq!(
        holds("sand-front-hostile-front-alliance"),
        json!([
            ["possible", "2012-03-01", "2012-03-30"],
            ["certain", "2012-03-31", "2012-06-27"]
        ])
    );
    assert_eq!(
        holds("sand-front-hostile-front-conflict"),
        json!([
            ["possible", "2012-07-01", "2012-07-30"],
            // networkx reads a missing end of a dynamic value as str(None).
            ["certain", "2012-07-31", "None"]
        ])
    );
    assert_eq!(
        holds("sand-front-controls-tinbara"),
        json!([
            ["possible", "2012-01-01", "2012-12-30"],
            ["certain", "2012-12-31", "2013-01-01"],
            ["possible", "2013-01-02", "2013-01-31"]
        ])
    );
    assert_eq!(holds("tinbara-part-of-nara"), Value::Null);
    assert_eq!(nx["nodes"]["hostile-front"]["name_en"], HOSTILE_NAME);
    let relations = relations(Some(FIXTURE), &[]);
    let edges = nx["edges"].as_array().expect("edges");
    assert_eq!(edges.len(), relations.len());
    for r in &relations {
        let e = edges
            .iter()
            .find(|e| e["id"] == r["id"])
            .unwrap_or_else(|| panic!("no edge {}", r["id"]));
        for field in ["source", "target", "kind", "negated", "status"] {
            assert_eq!(e[field], r[field], "edge {}: {field}", r["id"]);
        }
    }
}

#[test]
fn gexf_of_the_built_in_graph_is_consistent() {
    let (_dir, path) = export("gexf", None, &["--at", "2012-06", "--directed-only"]);
    let read = python("gexf_check.py", &[path_str(&path)]);
    assert_eq!(read["etree"]["problems"], json!([]));
    let relations = relations(None, &["--at", "2012-06"]);
    let edges = read["networkx"]["edges"].as_array().expect("edges");
    assert_eq!(edges.len(), relations.len());
    for r in &relations {
        let e = edges
            .iter()
            .find(|e| e["id"] == r["id"])
            .unwrap_or_else(|| panic!("no edge {}", r["id"]));
        assert_eq!(e["certainty"], r["certainty"], "edge {}", r["id"]);
    }
}

#[test]
fn turtle_answers_allies_like_the_cli() {
    let (_dir, path) = export("turtle", None, &[]);
    for (who, at) in [
        ("mnla", "2012-05"),
        ("mnla", "2013-03"),
        ("mnla", "2012"),
        ("islamists", "2012-06-27"),
        ("mali", "2013"),
        ("france", "2013"),
    ] {
        let cli: Vec<Value> =
            serde_json::from_str(&actorgraph(&["allies", who, "--at", at, "--json"]))
                .expect("allies --json is JSON");
        let expected: BTreeSet<&str> = cli
            .iter()
            .map(|n| n["entity"]["id"].as_str().expect("id"))
            .collect();
        if (who, at) == ("mnla", "2012-05") {
            assert!(!expected.is_empty(), "MNLA had allies in May 2012");
        }
        let answer = python("turtle_check.py", &[path_str(&path), "allies", who, at]);
        for engine in ["oxigraph", "rdflib"] {
            let got: BTreeSet<&str> = answer[engine]
                .as_array()
                .expect("ids")
                .iter()
                .map(|v| v.as_str().expect("id"))
                .collect();
            assert_eq!(got, expected, "{engine}: allies of {who} at {at}");
        }
    }
}

#[test]
fn turtle_types_dates_by_precision() {
    let (_dir, path) = export("turtle", Some(FIXTURE), &[]);
    let read = python("turtle_check.py", &[path_str(&path), "summary"]);
    assert_eq!(read["triples"]["oxigraph"], read["triples"]["rdflib"]);
    assert_eq!(read["relations"]["oxigraph"], read["relations"]["rdflib"]);
    assert_eq!(read["labels"]["oxigraph"], read["labels"]["rdflib"]);
    let xsd = |t: &str| format!("http://www.w3.org/2001/XMLSchema#{t}");
    let rows = read["relations"]["oxigraph"].as_array().expect("rows");
    assert_eq!(rows.len(), 7);
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).expect("relation");
    assert_eq!(
        row("sand-front-controls-tinbara")["startType"],
        xsd("gYear")
    );
    assert_eq!(
        row("sand-front-hostile-front-alliance")["startType"],
        xsd("gYearMonth")
    );
    assert_eq!(
        row("sand-front-hostile-front-alliance")["endType"],
        xsd("date")
    );
    assert_eq!(
        row("sand-front-hostile-front-conflict")["endLatest"],
        Value::Null
    );
    assert_eq!(row("nara-recognises-hostile-front")["negated"], "true");
    assert_eq!(row("oasis-league-supports-sand-front")["status"], "alleged");
    assert_eq!(row("hostile-front-attacks-tinbara")["spans"], "2");
    let labels = read["labels"]["oxigraph"].as_array().expect("labels");
    assert!(labels.contains(&json!({"id": "sand-front", "label": "جبهة الرمال", "lang": "ar"})));
    assert!(labels.contains(&json!({"id": "hostile-front", "label": HOSTILE_NAME, "lang": "en"})));
}

/// The Neo4j files of `data` pass the import checks and agree with actorgraph.
fn check_neo4j(data: Option<&str>) -> Value {
    let (_dir, folder) = export("neo4j", data, &[]);
    let read = python("neo4j_check.py", &[path_str(&folder)]);
    assert_eq!(read["problems"], json!([]), "Neo4j import checks");
    let ids = entity_ids(data);
    let nodes: Vec<&str> = read["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| n["id"].as_str().expect("id"))
        .collect();
    assert_eq!(nodes, ids);
    let relations = relations(data, &[]);
    let rows = read["relationships"].as_array().expect("relationships");
    assert_eq!(rows.len(), relations.len());
    for (row, r) in rows.iter().zip(&relations) {
        assert_eq!(row["id"], r["id"]);
        assert_eq!(row[":START_ID"], r["source"]);
        assert_eq!(row[":END_ID"], r["target"]);
        let kind = r["kind"].as_str().expect("kind");
        assert_eq!(row[":TYPE"], kind.to_ascii_uppercase());
        assert_eq!(
            row["negated"],
            if r["negated"] == true {
                "true"
            } else {
                "false"
            }
        );
    }
    // One Evidence node per span, each CITES its document's Source node (checked by the
    // script), in the relations' order.
    let spans: Vec<Value> = relations
        .iter()
        .flat_map(|r| r["evidence"].as_array().cloned().unwrap_or_default())
        .collect();
    let evidence = read["evidence"].as_array().expect("evidence");
    assert_eq!(evidence.len(), spans.len());
    for (node, span) in evidence.iter().zip(&spans) {
        assert_eq!(node["document"], span["document"]);
        assert_eq!(node["start_byte"], span["start_byte"].to_string());
    }
    assert_eq!(read["cites"].as_array().map(Vec::len), Some(spans.len()));
    let documents: Vec<&Value> = read["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| &s["document"])
        .collect();
    assert!(!documents.is_empty());
    assert!(spans.iter().all(|s| documents.contains(&&s["document"])));
    read
}

#[test]
fn neo4j_files_import_and_match_the_cypher_script() {
    let read = check_neo4j(Some(FIXTURE));
    let hostile = &read["nodes"][1];
    assert_eq!(hostile[":LABEL"], json!(["Entity", "PoliticalMovement"]));
    assert_eq!(hostile["name_en"], HOSTILE_NAME);
    // The array delimiter inside an alias is replaced, not split on.
    assert_eq!(hostile["aliases"], json!(["-HF", "+Pipe¦Front", "-42"]));
    let cypher = &read["cypher_nodes"]["hostile-front"];
    assert_eq!(cypher["name_en"], HOSTILE_NAME);
    assert_eq!(cypher["aliases"], json!(["-HF", "+Pipe|Front", "-42"]));
    let support = &read["cypher_relationships"]["oasis-league-supports-sand-front"];
    assert_eq!(support[":TYPE"], "SUPPORT");
    assert_eq!(support["start_first"], "2012-05-10");
    check_neo4j(None);
}

/// The rows of a CSV export of `data` as Python's csv module reads them.
fn check_csv(data: Option<&str>) -> Value {
    let (_dir, folder) = export("csv", data, &[]);
    let read = python("csv_check.py", &[path_str(&folder)]);
    assert_eq!(read["problems"], json!([]), "unguarded formulas");
    assert_eq!(
        read["nodes"].as_array().expect("nodes").len(),
        entity_ids(data).len()
    );
    let relations = relations(data, &[]);
    let rows = read["relations"].as_array().expect("relations");
    assert_eq!(rows.len(), relations.len());
    for (row, r) in rows.iter().zip(&relations) {
        assert_eq!(row["id"], r["id"]);
        assert_eq!(row["kind"], r["kind"]);
        assert_eq!(row["start"], r["start"].as_str().unwrap_or(""));
        assert_eq!(row["end"], r["end"].as_str().unwrap_or(""));
    }
    for part in ["nodes.csv", "relations.csv"] {
        let raw = std::fs::read_to_string(folder.join(part)).expect("part");
        let header = raw.split_inclusive('\n').next().expect("header");
        assert!(
            header.ends_with("\r\n") && raw.ends_with("\r\n"),
            "{part}: CRLF"
        );
    }
    read
}

#[test]
fn csv_reads_back_with_python_and_guards_formulas() {
    let read = check_csv(Some(FIXTURE));
    let hostile = &read["nodes"][1];
    assert_eq!(hostile["name_en"], format!("'{HOSTILE_NAME}"));
    assert_eq!(hostile["name_fr"], "'@Front 'Sahel'");
    assert_eq!(hostile["name_ar"], "");
    assert_eq!(read["nodes"][0]["name_ar"], "جبهة الرمال");
    let attack = &read["relations"]
        .as_array()
        .expect("relations")
        .iter()
        .find(|r| r["id"] == "hostile-front-attacks-tinbara")
        .expect("attack");
    assert_eq!(
        attack["summary"],
        "'=HYPERLINK(\"x\") The Front raided Tinbara on 2 June 2012."
    );
    assert_eq!(
        attack["evidence"],
        r#"[{"document":"note.txt","start_byte":241,"end_byte":280},{"document":"note.txt","start_byte":281,"end_byte":300}]"#
    );
    check_csv(None);
}

/// The node-link JSON export (`export json`) of the built-in graph: the reference every format
/// is compared with.
fn reference() -> Value {
    serde_json::from_str(&actorgraph(&["export", "json"])).expect("export json is JSON")
}

/// An entity of `export json` in the shape `roundtrip.py` prints: every field present, absent
/// ones null or [].
fn entity_fields(e: &Value) -> BTreeMap<&'static str, Value> {
    let names = &e["names"];
    let lifetime = &e["lifetime"];
    BTreeMap::from([
        ("id", e["id"].clone()),
        ("kind", e["kind"].clone()),
        (
            "names",
            json!({"en": names["en"], "ar": names["ar"], "fr": names["fr"]}),
        ),
        ("aliases", e["aliases"].clone()),
        (
            "lifetime",
            json!({"start": lifetime["start"], "end": lifetime["end"]}),
        ),
        ("description", e["description"].clone()),
    ])
}

/// A relation of `export json` in the shape `roundtrip.py` prints, with the model's defaults
/// written out.
fn relation_fields(r: &Value) -> BTreeMap<&'static str, Value> {
    let or = |field: &str, default: Value| {
        if r[field].is_null() {
            default
        } else {
            r[field].clone()
        }
    };
    BTreeMap::from([
        ("id", r["id"].clone()),
        ("kind", r["kind"].clone()),
        ("source", r["source"].clone()),
        ("target", r["target"].clone()),
        ("start", r["start"].clone()),
        ("end", r["end"].clone()),
        ("negated", or("negated", json!(false))),
        ("timeless", or("timeless", json!(false))),
        ("status", or("status", json!("asserted"))),
        ("claimed_by", or("claimed_by", json!([]))),
        ("disputed_by", or("disputed_by", json!([]))),
        ("place", r["place"].clone()),
        ("event", r["event"].clone()),
        ("casualties", or("casualties", json!([]))),
        ("summary", r["summary"].clone()),
        ("evidence", or("evidence", json!([]))),
    ])
}

/// `list` sorted, for the formats that keep a set of values rather than a list (RDF).
fn sorted(list: &Value) -> Value {
    let mut items = list.as_array().cloned().unwrap_or_default();
    items.sort_by_key(Value::to_string);
    Value::Array(items)
}

/// Exports the built-in graph as `format`, reads it back with its consumer
/// (`tests/python/roundtrip.py`) and requires every field of every entity and relation (and
/// source, where the format has them) to equal `export json`'s. Returns what was read.
fn round_trip(format: &str, extra: &[&str]) -> Value {
    let (_dir, path) = export(format, None, extra);
    let read = python("roundtrip.py", &[format, path_str(&path)]);
    let reference = reference();
    let unordered = format == "turtle";
    let by_id = |list: &Value| -> BTreeMap<String, Value> {
        list.as_array()
            .expect("list")
            .iter()
            .map(|x| (x["id"].as_str().expect("id").to_owned(), x.clone()))
            .collect()
    };
    for (what, wanted, got) in [
        ("entity", &reference["nodes"], &read["entities"]),
        ("relation", &reference["links"], &read["relations"]),
    ] {
        let (wanted, got) = (by_id(wanted), by_id(got));
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            wanted.keys().collect::<Vec<_>>(),
            "{format}: the {what} ids"
        );
        for (id, w) in &wanted {
            let fields = if what == "entity" {
                entity_fields(w)
            } else {
                relation_fields(w)
            };
            for (field, mut expected) in fields {
                let mut found = got[id][field].clone();
                if unordered && matches!(field, "aliases" | "claimed_by" | "disputed_by") {
                    (expected, found) = (sorted(&expected), sorted(&found));
                }
                assert_eq!(found, expected, "{format}: {what} {id}: {field}");
            }
        }
    }
    if !read["sources"].is_null() {
        let documents = |list: &Value| -> BTreeMap<String, Value> {
            let list = list.as_array().expect("sources").iter().map(|s| {
                let mut s = s.clone();
                s.as_object_mut()
                    .expect("source")
                    .entry("kind")
                    .or_insert(json!("text"));
                (s["document"].as_str().expect("document").to_owned(), s)
            });
            list.collect()
        };
        let (got, wanted) = (
            documents(&read["sources"]),
            documents(&reference["sources"]),
        );
        assert_eq!(got, wanted, "{format}: sources");
    }
    read
}

#[test]
fn every_format_round_trips_every_field_of_the_built_in_graph() {
    for format in ["graphml", "gexf", "turtle", "kuzu", "csv", "neo4j"] {
        round_trip(format, &[]);
    }
}

#[test]
fn symmetric_relations_are_undirected_in_graphml_and_gexf() {
    let reference = reference();
    let links = reference["links"].as_array().expect("links");
    let symmetric = [
        "alliance",
        "conflict",
        "ceasefire",
        "negotiation",
        "agreement",
    ];
    assert!(links.iter().any(|r| r["kind"] == "alliance"));
    for format in ["graphml", "gexf"] {
        let read = round_trip(format, &[]);
        for r in read["relations"].as_array().expect("relations") {
            let kind = r["kind"].as_str().expect("kind");
            let undirected = symmetric.contains(&kind) || ["borders", "overlaps"].contains(&kind);
            assert_eq!(r["directed"], !undirected, "{format}: {} ({kind})", r["id"]);
        }
        // --directed-only: every edge directed, for plain networkx.
        let read = round_trip(format, &["--directed-only"]);
        let directed = read["relations"].as_array().expect("relations");
        assert!(directed.iter().all(|r| r["directed"] == true), "{format}");
    }
}

#[test]
fn the_neo4j_checks_catch_what_neo4j_admin_refuses() {
    // The checks that pass the real export above must be able to fail.
    let dir = tempfile::tempdir().expect("temporary folder");
    let write = |name: &str, text: &str| {
        std::fs::write(dir.path().join(name), text).expect("fixture file");
    };
    write(
        "nodes.csv",
        "id:ID,:LABEL,aliases:strings[],name,name,:TYPE\na,Entity|Armed Group,x,n,n,T\n",
    );
    write(
        "relationships.csv",
        ":START_ID,:END_ID,id,when:date\na,b,r,2012-13-01\n",
    );
    write(
        "cites.csv",
        ":START_ID(Evidence),:END_ID(Source),:TYPE\nr/1,a,CITES\n",
    );
    write("import.cypher", "MERGE (n:Entity {id: 'a});\n");
    let read = python("neo4j_check.py", &[path_str(dir.path())]);
    let problems: Vec<&str> = read["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p.as_str().expect("text"))
        .collect();
    for expected in [
        "nodes.csv: bad header field 'aliases:strings[]'",
        "nodes.csv: property 'name' twice in the header",
        "nodes.csv: ':TYPE' does not belong in this file",
        "relationships.csv: 0 :TYPE fields, expected 1",
        "relationships.csv record 2 when: date '2012-13-01'",
        "relationships.csv r: :END_ID b is not a node id",
        "nodes.csv a: label 'Armed Group'",
        "import.cypher: unterminated string literal",
        "sources.csv: missing",
        // `a` is an entity, not a source: each ID space is its own.
        "cites.csv record 2: :START_ID r/1 is not a node id",
        "cites.csv record 2: :END_ID a is not a node id",
    ] {
        assert!(
            problems.contains(&expected),
            "{expected:?} not among {problems:#?}"
        );
    }
}

#[test]
fn turtle_names_resources_under_the_base_iri() {
    let base = "https://example.org/azawad/";
    let out = actorgraph(&["export", "turtle", "--base-iri", base]);
    assert!(out.contains("@prefix ent: <https://example.org/azawad/entity/> ."));
    assert!(out.contains("@prefix ag: <https://example.org/azawad/ns#> ."));
    assert!(!out.contains("actorgraph.example"));
    round_trip("turtle", &["--base-iri", base]);
    for bad in ["https://example.org/azawad", "no iri/"] {
        let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_actorgraph"))
            .args(["export", "turtle", "--base-iri", bad])
            .output()
            .expect("actorgraph runs");
        assert_eq!(output.status.code(), Some(2), "--base-iri {bad}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("base IRI"), "{stderr}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn a_kuzu_export_of_a_date_loads_with_every_entity_it_refers_to() {
    let at = ["--at", "2012-06"];
    let (_dir, folder) = export("kuzu", None, &at);
    let read = python("roundtrip.py", &["kuzu", path_str(&folder)]);
    let mut args = vec!["export", "json"];
    args.extend(at);
    let reference: Value = serde_json::from_str(&actorgraph(&args)).expect("JSON");
    let ids = |list: &Value| -> BTreeSet<String> {
        let list = list.as_array().expect("list").iter();
        list.map(|x| x["id"].as_str().expect("id").to_owned())
            .collect()
    };
    assert_eq!(ids(&read["entities"]), ids(&reference["nodes"]));
    assert_eq!(ids(&read["relations"]), ids(&reference["links"]));
    let certainty = &reference["certainty"];
    for r in read["relations"].as_array().expect("relations") {
        let id = r["id"].as_str().expect("id");
        assert_eq!(r["certainty"], certainty[id], "{id}");
    }
}
