//! Equal answers: the questions asked of the command line (`--json`), of Spark
//! (`engines.spark`, local mode) and of DuckDB (`engines.duckdb`), over `export parquet`.
//!
//! For the built-in graph and the generated S graph (benches/generate, made here when
//! `target/bench-data/S` is missing or stale), questions are drawn deterministically
//! (neighbors, allies and enemies, relations of one actor or a pair, snapshots, diffs and
//! paths, with every time flag), each is asked of the binary, and the two engines answer all of
//! them in one session each (one Spark session for both graphs). The answers must be equal:
//! the sets of relations with their certainty (and, for neighbors, the other end and the
//! part), the changes of a diff, the length of a shortest path.
//!
//! 200 questions about the built-in graph and, in CI, a sample of 40 about S (set
//! ACTORGRAPH_ENGINES_S_QUESTIONS=200 for the full draw). Spark's time is its jobs' overhead
//! (a second or so each on this machine, whatever the size), so the test keeps their number
//! down without asking less: one session answers every question of both graphs, the engine
//! looks up the actors' parts in one job per graph rather than one per question, and the
//! session runs without its web UI.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use crate::common::{cmd, s_graph};
use actorgraph::Graph;
use actorgraph::load::{GraphFiles, load};

/// A question: what the engines are asked (JSON) and the same as `actorgraph` arguments.
struct Question {
    engine: Value,
    cli: Vec<String>,
}

/// A small deterministic generator (xorshift64*), so the draw never changes.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[self.below(list.len())]
    }
}

/// The graph's settings for a draw: its years, and its entities weighted by degree (an end
/// of a random relation), so that most questions have answers.
struct Scope<'a> {
    graph: &'a Graph,
    years: (u16, u16),
}

impl Scope<'_> {
    fn entity(&self, draw: &mut Draw) -> String {
        let r = draw.below(self.graph.relations().len());
        let (s, t) = self.graph.ends(actorgraph::graph::RelationIx::new(r));
        let e = if draw.chance(50) { s } else { t };
        self.graph.entity(e).id.to_string()
    }

    /// A neighbour of `entity` (an end of one of its relations), for pairs and paths.
    fn near(&self, entity: &str, draw: &mut Draw) -> String {
        let ix = self.graph.resolve(entity).expect("drawn ids resolve");
        let list = self.graph.incident(ix);
        if list.is_empty() || draw.chance(20) {
            return self.entity(draw);
        }
        let r = *draw.pick(list);
        let other = self.graph.other_end(r, ix);
        // Sometimes one hop further, for longer paths.
        let list = self.graph.incident(other);
        let end = if !list.is_empty() && draw.chance(50) {
            self.graph.other_end(*draw.pick(list), other)
        } else {
            other
        };
        self.graph.entity(end).id.to_string()
    }

    /// A year, month or day between the graph's years.
    fn date(&self, draw: &mut Draw) -> String {
        let (first, last) = self.years;
        let year = first + draw.below(usize::from(last - first) + 1) as u16;
        match draw.below(10) {
            0..=2 => year.to_string(),
            3..=5 => format!("{year}-{:02}", 1 + draw.below(12)),
            _ => format!("{year}-{:02}-{:02}", 1 + draw.below(12), 1 + draw.below(28)),
        }
    }

    fn kind(&self, draw: &mut Draw) -> String {
        let r = draw.below(self.graph.relations().len());
        self.graph
            .relation(actorgraph::graph::RelationIx::new(r))
            .kind
            .as_str()
            .to_owned()
    }
}

/// Adds the time of a question: `--at`, `--from`/`--until`, or none; then its flags.
fn time(scope: &Scope, draw: &mut Draw, q: &mut Question, flags: bool) {
    let timed = match draw.below(10) {
        0..=5 => {
            let at = scope.date(draw);
            q.engine["at"] = json!(at);
            q.cli.extend(["--at".into(), at]);
            true
        }
        6 | 7 => {
            let (a, b) = (scope.date(draw), scope.date(draw));
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            if draw.chance(80) {
                q.engine["from"] = json!(a);
                q.cli.extend(["--from".into(), a]);
            }
            q.engine["until"] = json!(b);
            q.cli.extend(["--until".into(), b]);
            true
        }
        _ => false,
    };
    if timed && flags {
        for (flag, percent) in [
            ("certain", 15),
            ("known", 10),
            ("include_undated", 20),
            ("timeless", 20),
        ] {
            if draw.chance(percent) {
                q.engine[flag] = json!(true);
                q.cli.push(format!("--{}", flag.replace('_', "-")));
            }
        }
    }
}

/// Adds kinds (sometimes) and a status (rarely).
fn kinds(scope: &Scope, draw: &mut Draw, q: &mut Question, percent: u64) {
    if draw.chance(percent) {
        let mut kinds = vec![scope.kind(draw)];
        if draw.chance(40) {
            kinds.push(scope.kind(draw));
        }
        kinds.dedup();
        for k in &kinds {
            q.cli.extend(["--kind".into(), k.clone()]);
        }
        q.engine["kinds"] = json!(kinds);
    }
}

fn question(scope: &Scope, draw: &mut Draw, whole_graph_percent: u64) -> Question {
    let mut q = Question {
        engine: json!({}),
        cli: Vec::new(),
    };
    let roll = draw.below(100) as u64;
    let kind = if roll < 30 {
        "neighbors"
    } else if roll < 40 {
        if draw.chance(50) { "allies" } else { "enemies" }
    } else if roll < 60 {
        "relations"
    } else if roll < 60 + whole_graph_percent {
        if draw.chance(50) { "snapshot" } else { "diff" }
    } else {
        "path"
    };
    match kind {
        "neighbors" | "allies" | "enemies" => neighbors(scope, draw, &mut q, kind),
        "relations" => relations(scope, draw, &mut q),
        "snapshot" => {
            q.engine = json!({"question": "snapshot"});
            q.cli.push("snapshot".into());
            let at = scope.date(draw);
            q.engine["at"] = json!(at);
            q.cli.extend(["--at".into(), at]);
            kinds(scope, draw, &mut q, 70);
        }
        "diff" => {
            // The earlier date first: the other order is a usage error.
            let (a, b) = (scope.date(draw), scope.date(draw));
            let (a, b) = if b < a { (b, a) } else { (a, b) };
            q.engine = json!({"question": "diff", "first": a, "second": b});
            q.cli.extend(["diff".into(), a, b]);
            kinds(scope, draw, &mut q, 70);
            if draw.chance(30) {
                q.engine["certain"] = json!(true);
                q.cli.push("--certain".into());
            }
        }
        _ => path(scope, draw, &mut q),
    }
    q
}

fn neighbors(scope: &Scope, draw: &mut Draw, q: &mut Question, kind: &str) {
    let entity = scope.entity(draw);
    q.engine = json!({"question": "neighbors", "entity": entity});
    q.cli.extend([kind.to_owned(), entity]);
    if kind == "neighbors" {
        kinds(scope, draw, q, 30);
        if draw.chance(10) {
            q.engine["statuses"] = json!(["alleged"]);
            q.cli.extend(["--status".into(), "alleged".into()]);
        }
    } else {
        let ks = if kind == "allies" {
            ["alliance", "support"]
        } else {
            ["conflict", "attack"]
        };
        q.engine["kinds"] = json!(ks);
        q.engine["positive_only"] = json!(true);
        q.engine["parties_only"] = json!(true);
    }
    time(scope, draw, q, kind == "neighbors");
    if draw.chance(20) {
        q.engine["no_parts"] = json!(true);
        q.cli.push("--no-parts".into());
    }
}

fn relations(scope: &Scope, draw: &mut Draw, q: &mut Question) {
    let first = scope.entity(draw);
    let mut with = vec![first.clone()];
    if draw.chance(40) {
        let second = scope.near(&first, draw);
        if second != first {
            with.push(second);
        }
    }
    q.cli.push("relations".into());
    for w in &with {
        q.cli.extend(["--with".into(), w.clone()]);
    }
    q.engine = json!({"question": "relations", "with": with});
    kinds(scope, draw, q, 20);
    time(scope, draw, q, true);
    if draw.chance(20) {
        q.engine["no_parts"] = json!(true);
        q.cli.push("--no-parts".into());
    }
}

fn path(scope: &Scope, draw: &mut Draw, q: &mut Question) {
    let a = scope.entity(draw);
    let b = scope.near(&a, draw);
    let hops = 2 + draw.below(5);
    q.engine = json!({"question": "path", "source": a, "target": b, "max_hops": hops});
    q.cli
        .extend(["path".into(), a, b, "--max-hops".into(), hops.to_string()]);
    if draw.chance(70) {
        let at = scope.date(draw);
        q.engine["at"] = json!(at);
        q.cli.extend(["--at".into(), at]);
        for (flag, percent) in [("certain", 15), ("include_undated", 20), ("timeless", 30)] {
            if draw.chance(percent) {
                q.engine[flag] = json!(true);
                q.cli.push(format!("--{}", flag.replace('_', "-")));
            }
        }
    }
    kinds(scope, draw, q, 20);
}

/// The command line's answer in the engines' shape, as a set of canonical JSON rows.
fn cli_answer(data: Option<&Path>, q: &Question) -> BTreeSet<String> {
    let mut command = cmd();
    if let Some(data) = data {
        command.arg("--data").arg(data);
    }
    let out = command.args(&q.cli).arg("--json").output().unwrap();
    let question = q.engine["question"].as_str().unwrap();
    if question == "path" && out.status.code() == Some(1) {
        return rows([json!({"hops": null})]);
    }
    assert!(
        out.status.success(),
        "actorgraph {:?}: {}",
        q.cli,
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let relation = |r: &Value| json!({"relation": r["id"], "certainty": r["certainty"]});
    match question {
        "neighbors" => rows(v.as_array().unwrap().iter().map(|n| {
            json!({"relation": n["relation"]["id"], "other": n["entity"]["id"],
                   "certainty": n["certainty"], "part": n["part"]})
        })),
        "relations" => rows(v.as_array().unwrap().iter().map(relation)),
        "snapshot" => rows(v["relations"].as_array().unwrap().iter().map(relation)),
        "diff" => rows(
            ["began", "ended", "changed"]
                .into_iter()
                .flat_map(|change| {
                    v[change].as_array().unwrap().iter().map(move |c| {
                        json!({"relation": c["relation"]["id"], "change": change,
                       "before": c["before"], "after": c["after"]})
                    })
                }),
        ),
        _ => rows([json!({"hops": v["relations"].as_array().unwrap().len()})]),
    }
}

/// Rows as canonical JSON texts (serde_json's maps sort their keys).
fn rows(rows: impl IntoIterator<Item = Value>) -> BTreeSet<String> {
    rows.into_iter().map(|r| r.to_string()).collect()
}

/// An engine's answer as the same set.
fn engine_answer(answer: &Value) -> BTreeSet<String> {
    match answer {
        Value::Array(list) => rows(list.iter().cloned()),
        other => rows([other.clone()]),
    }
}

/// Runs `python -m engines.ENGINE DIR batch FILE` and returns its answers.
fn ask_engine(engine: &str, folder: &Path, questions: &Path) -> Vec<Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(root.join("target/pyenv/bin/python"))
        .current_dir(root)
        .args(["-m", &format!("engines.{engine}")])
        .arg(folder)
        .arg("batch")
        .arg(questions)
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        // Spark's web UI serves nobody here, and it costs at start and on every job.
        .env(
            "PYSPARK_SUBMIT_ARGS",
            "--conf spark.ui.enabled=false pyspark-shell",
        )
        .output()
        .expect("target/pyenv/bin/python runs (made by .ci/setup)");
    assert!(
        out.status.success(),
        "engines.{engine} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap()
}

/// Exports `data` (the built-in graph when `None`) as Parquet into `dir`.
fn export(data: Option<&Path>, dir: &Path) {
    let mut command = cmd();
    if let Some(data) = data {
        command.arg("--data").arg(data);
    }
    command
        .args(["export", "parquet", "-o"])
        .arg(dir)
        .assert()
        .success();
}

/// One graph's drawn questions, with the command line's answers.
struct Batch {
    folder: PathBuf,
    questions: Vec<Question>,
    expected: Vec<BTreeSet<String>>,
}

fn batch(
    data: Option<&Path>,
    graph: &Graph,
    years: (u16, u16),
    n: usize,
    seed: u64,
    folder: PathBuf,
    whole: u64,
) -> Batch {
    export(data, &folder);
    let scope = Scope { graph, years };
    let mut draw = Draw(seed);
    let questions: Vec<Question> = (0..n).map(|_| question(&scope, &mut draw, whole)).collect();
    let expected = questions.iter().map(|q| cli_answer(data, q)).collect();
    Batch {
        folder,
        questions,
        expected,
    }
}

#[test]
fn spark_duckdb_and_the_command_line_give_equal_answers() {
    let tmp = tempfile::tempdir().unwrap();
    let builtin = load(&GraphFiles::builtin()).unwrap();
    let mut batches = vec![batch(
        None,
        &builtin,
        (2011, 2015),
        200,
        18,
        tmp.path().join("azawad"),
        12,
    )];
    let s_questions = std::env::var("ACTORGRAPH_ENGINES_S_QUESTIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40);
    let s = s_graph();
    let s_graph = load(&GraphFiles::read_dir(&s).unwrap()).unwrap();
    batches.push(batch(
        Some(&s),
        &s_graph,
        (1990, 2024),
        s_questions,
        2024,
        tmp.path().join("s"),
        4,
    ));
    drop(s_graph);
    let mut lines = String::new();
    for b in &batches {
        for q in &b.questions {
            let mut line = q.engine.clone();
            line["folder"] = json!(b.folder);
            lines.push_str(&format!("{line}\n"));
        }
    }
    let file = tmp.path().join("questions.jsonl");
    std::fs::write(&file, lines).unwrap();
    let expected: Vec<(&Question, &BTreeSet<String>)> = batches
        .iter()
        .flat_map(|b| b.questions.iter().zip(&b.expected))
        .collect();
    // The draw asks real questions: most have answers (relations, or a path found).
    let answered = expected
        .iter()
        .filter(|(_, want)| !want.is_empty() && !want.contains(r#"{"hops":null}"#))
        .count();
    assert!(
        2 * answered > expected.len(),
        "{answered} answered of {}",
        expected.len()
    );
    // ACTORGRAPH_ENGINES=duckdb asks only DuckDB (a quick run by hand); CI asks both.
    let engines = std::env::var("ACTORGRAPH_ENGINES").unwrap_or_else(|_| "duckdb,spark".into());
    for engine in engines.split(',') {
        let answers = ask_engine(engine, &batches[0].folder, &file);
        assert_eq!(answers.len(), expected.len());
        for ((q, want), got) in expected.iter().zip(&answers) {
            assert_eq!(
                engine_answer(got),
                **want,
                "engines.{engine} and `actorgraph {}` differ",
                q.cli.join(" ")
            );
        }
    }
}

/// Every file of the folder `dir`, by path relative to it, with its bytes.
fn files(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(at) = stack.pop() {
        for entry in std::fs::read_dir(&at).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.insert(path.strip_prefix(dir).unwrap().to_owned(), bytes);
            }
        }
    }
    out
}

#[test]
fn parquet_export_is_deterministic_and_replaces_only_a_previous_export() {
    let tmp = tempfile::tempdir().unwrap();
    let (first, second) = (tmp.path().join("a"), tmp.path().join("b"));
    export(None, &first);
    export(None, &second);
    let written = files(&first);
    assert_eq!(written, files(&second), "two exports differ");
    assert!(written.contains_key(Path::new("relations/start_year=2012/part-0.parquet")));
    let manifest: Value = serde_json::from_slice(&written[Path::new("_actorgraph.json")]).unwrap();
    assert_eq!(manifest["relations"], json!(125));
    // A previous export is replaced; nothing of the temporary folders is left beside it.
    export(None, &first);
    assert_eq!(files(&first), written);
    let beside: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    assert_eq!(beside.len(), 2, "only a and b: {beside:?}");
    // A folder holding anything else is refused and left as it was.
    std::fs::write(first.join("notes.txt"), "mine").unwrap();
    let err = crate::common::fails(&["export", "parquet", "-o", first.to_str().unwrap()], 2);
    assert!(err.contains("notes.txt"), "{err}");
    assert_eq!(std::fs::read(first.join("notes.txt")).unwrap(), b"mine");
    // So is a file, and the file is untouched.
    let file = tmp.path().join("file");
    std::fs::write(&file, "keep").unwrap();
    crate::common::fails(&["export", "parquet", "-o", file.to_str().unwrap()], 2);
    assert_eq!(std::fs::read(&file).unwrap(), b"keep");
    // An empty folder is filled; stdout is refused (a folder of tables).
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    export(None, &empty);
    assert_eq!(files(&empty), written);
    crate::common::fails(&["export", "parquet"], 2);
}
