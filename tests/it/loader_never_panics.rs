//! The loader never panics, whatever the three files hold, and builds a graph exactly when it
//! reports no error.
//!
//! (a) arbitrary bytes, and the valid fixture with a few bytes changed; (b) arbitrary JSON
//! values whose object keys are mostly real field names, and the valid fixture's elements with
//! fields changed; (c) well-formed graphs with random ids, kinds, endpoints, dates and spans,
//! whose date and id problems are checked against an oracle, and graphs that break no rule,
//! which must load with exactly what was generated.
//!
//! Source documents are read from `tests/fixtures/sources/`; generated document names never
//! hold `/`, so nothing outside it is read.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use actorgraph::load::{self, GraphFiles, Layout, Problem, Report};
use actorgraph::{EntityKind, RelationKind};
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Map, Number, Value, json};

const CASES: u32 = 256;

const FILES: [&str; 3] = [
    load::ENTITIES_FILE,
    load::RELATIONS_FILE,
    load::SOURCES_FILE,
];

fn sources_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sources")
}

fn valid_file(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/valid")
        .join(name);
    std::fs::read(path).expect("valid fixture")
}

fn files(entities: Vec<u8>, relations: Vec<u8>, sources: Vec<u8>) -> GraphFiles {
    GraphFiles {
        origin: "proptest".to_owned(),
        layout: Layout::Folder,
        entities: Cow::Owned(entities),
        relations: Cow::Owned(relations),
        sources: Cow::Owned(sources),
    }
}

/// Checks `files` with and without the source documents, and the report invariants that hold
/// for any input: a graph exactly when no error, counts that match it, problems sorted and
/// located in one of the three files (a source document's problems are located at its entry in
/// `sources.json`) at a line the file has.
fn check_all(files: &GraphFiles) -> Result<Report, TestCaseError> {
    let _ = load::check(files, None);
    let report = load::check(files, Some(&sources_dir()));
    let has_error = report.problems.iter().any(Problem::is_error);
    prop_assert_eq!(report.graph.is_some(), !has_error, "{:#?}", report.problems);
    prop_assert_eq!(report.fails(false), has_error);
    prop_assert_eq!(report.fails(true), !report.problems.is_empty());
    if let Some(graph) = &report.graph {
        let c = report.counts;
        prop_assert_eq!(graph.entities().len(), c.entities);
        prop_assert_eq!(graph.relations().len(), c.relations);
        prop_assert_eq!(graph.sources().len(), c.sources);
        let with_evidence = graph
            .relations()
            .iter()
            .filter(|r| !r.evidence().is_empty())
            .count();
        prop_assert_eq!(with_evidence, c.relations_with_evidence);
    }
    let sorted = report
        .problems
        .windows(2)
        .all(|w| (&w[0].location, &w[0].path) <= (&w[1].location, &w[1].path));
    prop_assert!(sorted, "problems not sorted: {:#?}", report.problems);
    for problem in &report.problems {
        let bytes: &[u8] = match problem.location.file.as_str() {
            load::ENTITIES_FILE => &files.entities,
            load::RELATIONS_FILE => &files.relations,
            load::SOURCES_FILE => &files.sources,
            other => return Err(TestCaseError::fail(format!("problem in {other}"))),
        };
        let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
        if let Some(line) = problem.location.line {
            prop_assert!((1..=lines).contains(&line), "{} has {lines} lines", problem);
        }
        prop_assert!(
            problem
                .to_string()
                .starts_with(&problem.location.to_string())
        );
    }
    Ok(report)
}

/// Bytes: mostly arbitrary, sometimes a UTF-8 prefix that opens an array first.
fn any_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        vec(any::<u8>(), 0..256),
        (
            vec(any::<u8>(), 0..64),
            "\\[\\{\"id\": \"[a-z\u{0600}-\u{06FF}]{0,4}"
        )
            .prop_map(|(tail, head)| [head.into_bytes(), tail].concat()),
    ]
}

/// One change to a byte string: replace, insert or delete a byte at a position.
#[derive(Debug, Clone)]
enum Edit {
    Replace(usize, u8),
    Insert(usize, u8),
    Delete(usize),
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        let at = |i: usize, len: usize| if len == 0 { 0 } else { i % len };
        match *edit {
            Edit::Replace(i, b) if !bytes.is_empty() => {
                let i = at(i, bytes.len());
                bytes[i] = b;
            }
            Edit::Insert(i, b) => {
                let i = at(i, bytes.len() + 1);
                bytes.insert(i, b);
            }
            Edit::Delete(i) if !bytes.is_empty() => {
                let i = at(i, bytes.len());
                bytes.remove(i);
            }
            _ => {}
        }
    }
    bytes
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    // Bytes that matter to JSON and UTF-8: structure, quotes, digits, lead and continuation bytes.
    let byte = prop_oneof![
        select(b"[]{}\",:0123456789-\\ \n".to_vec()),
        Just(0xd8u8),
        Just(0xa7u8),
        any::<u8>(),
    ];
    let edit = prop_oneof![
        (any::<usize>(), byte.clone()).prop_map(|(i, b)| Edit::Replace(i, b)),
        (any::<usize>(), byte).prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<usize>().prop_map(Edit::Delete),
    ];
    vec(edit, 1..4)
}

/// Every field name of the three file formats.
const FIELDS: &[&str] = &[
    "id",
    "kind",
    "names",
    "en",
    "ar",
    "fr",
    "aliases",
    "lifetime",
    "description",
    "source",
    "target",
    "start",
    "end",
    "negated",
    "status",
    "claimed_by",
    "disputed_by",
    "place",
    "event",
    "casualties",
    "side",
    "who",
    "outcome",
    "min",
    "max",
    "summary",
    "evidence",
    "document",
    "start_byte",
    "end_byte",
    "language",
    "sha256",
];

/// Strings the formats give meaning to: ids of the fixture, kinds, dates, names, documents.
const WORDS: &[&str] = &[
    "dune-front",
    "tamarest",
    "kelba",
    "amadou-kel",
    "river-council",
    "armed_group",
    "city",
    "person",
    "state",
    "control",
    "leadership",
    "conflict",
    "part_of",
    "attack",
    "alleged",
    "killed",
    "2012",
    "2012-02-29",
    "2012-02-30",
    "2012-13",
    "0000",
    "report.txt",
    "Tamarest",
    "تامارست",
    "أمادو",
    "ال",
    "",
];

fn string() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(WORDS).prop_map(str::to_owned),
        1 => "[a-z0-9-]{0,12}",
        // Arabic (with tashkeel), accented Latin, controls, bidi marks; no `/`, so a document
        // name stays inside the sources folder.
        1 => "[\u{0600}-\u{06FF}\u{0000}-\u{001F}\u{200E}\u{202E}a-zA-Zé .-]{0,12}",
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        9 => select(FIELDS).prop_map(str::to_owned),
        1 => "\\PC{0,6}",
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (0u64..700).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| Number::from_f64(f).map(Value::Number)),
        string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            btree_map(key(), inner, 0..8).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// One change to a JSON object: set a field (maybe a new one) to any value, or remove one.
#[derive(Debug, Clone)]
enum Change {
    Set(String, Value),
    Remove(String),
}

fn changes() -> impl Strategy<Value = Vec<Change>> {
    let change = prop_oneof![
        3 => (key(), json_value()).prop_map(|(k, v)| Change::Set(k, v)),
        1 => key().prop_map(Change::Remove),
    ];
    vec(change, 1..4)
}

/// The elements of the valid fixture's `file`, each with a few fields changed.
fn changed_elements(file: &'static str) -> impl Strategy<Value = Value> {
    vec(changes(), 1..6).prop_map(move |per_element| {
        let valid: Vec<Value> = serde_json::from_slice(&valid_file(file)).unwrap();
        let elements = valid
            .into_iter()
            .zip(per_element)
            .map(|(mut element, changes)| {
                let object = element.as_object_mut().unwrap();
                for change in changes {
                    match change {
                        Change::Set(k, v) => object.insert(k, v),
                        Change::Remove(k) => object.remove(&k),
                    };
                }
                element
            });
        Value::Array(elements.collect())
    })
}

/// The file `file`: an array of objects with real keys, the valid fixture's elements with
/// changed fields, or any JSON value.
fn json_file(file: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let object = btree_map(key(), json_value(), 0..10)
        .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>()));
    prop_oneof![
        2 => vec(object, 0..6).prop_map(Value::Array),
        2 => changed_elements(file),
        1 => json_value(),
    ]
    .prop_map(|v| serde_json::to_vec_pretty(&v).expect("a Value serialises"))
}

/// A date as written: well-formed digits, but the month and day may not exist.
fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u16..=9999).prop_map(|y| format!("{y:04}")),
        (0u16..=9999, 0u8..=13).prop_map(|(y, m)| format!("{y:04}-{m:02}")),
        (1990u16..=2030, 0u8..=13, 0u8..=32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
    ]
}

/// Days in `month` (1–12) of `year`, in the Gregorian calendar.
fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The oracle for [`date_text`]: true when the date exists.
fn date_exists(text: &str) -> bool {
    let parts: Vec<u32> = text.split('-').map(|p| p.parse().unwrap()).collect();
    let (year, month, day) = (parts[0], parts.get(1).copied(), parts.get(2).copied());
    let days = days_in_month(year, month.unwrap_or(1));
    year >= 1
        && month.is_none_or(|m| (1..=12).contains(&m))
        && day.is_none_or(|d| (1..=days).contains(&d))
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}",
        1 => "[A-Za-z0-9_ -]{0,8}",
        1 => "[\u{0621}-\u{064A}]{1,4}",
    ]
}

const ENTITY_KINDS: &[&str] = &[
    "armed_group",
    "political_movement",
    "coalition",
    "state",
    "unrecognised_state",
    "intergovernmental_organisation",
    "person",
    "people",
    "city",
    "region",
    "natural_area",
    "media_outlet",
    "armed_force",
];

const RELATION_KINDS: &[&str] = &[
    "alliance",
    "conflict",
    "attack",
    "support",
    "recognition",
    "control",
    "ceasefire",
    "negotiation",
    "agreement",
    "declaration",
    "claim",
    "leadership",
    "membership",
    "part_of",
    "borders",
    "capital",
    "defection",
    "denunciation",
    "administration",
    "presence",
    "interview",
    "destabilisation",
];

/// The names entities draw from, so that some aliases are shared (up to spelling).
const NAMES: &[&str] = &[
    "Tamarest",
    "Támarest",
    "تامارست",
    "تَامارِست",
    "Kelba",
    "DF",
    "!",
];

/// Spans of `report.txt` that mention Tamarest, Kelba or a group, on character boundaries.
const SPANS: &[(u64, u64)] = &[(102, 189), (190, 251), (310, 329), (351, 407), (408, 508)];

#[derive(Debug, Clone)]
struct GenEntity {
    id: String,
    kind: &'static str,
    names: Vec<&'static str>,
    lifetime: (Option<String>, Option<String>),
}

#[derive(Debug, Clone)]
struct GenRelation {
    id: String,
    kind: &'static str,
    /// Indexes into the entities, or past them for an unknown id.
    source: usize,
    target: usize,
    start: Option<String>,
    end: Option<String>,
    evidence: Vec<(&'static str, u64, u64)>,
}

fn gen_entity() -> impl Strategy<Value = GenEntity> {
    (
        id(),
        select(ENTITY_KINDS),
        vec(select(NAMES), 0..3),
        proptest::option::of(date_text()),
        proptest::option::of(date_text()),
    )
        .prop_map(|(id, kind, names, start, end)| GenEntity {
            id,
            kind,
            names,
            lifetime: (start, end),
        })
}

fn gen_relation() -> impl Strategy<Value = GenRelation> {
    // Mostly spans of report.txt that name something; sometimes any span, or another document.
    let span = prop_oneof![
        3 => select(SPANS),
        1 => (0u64..600, 0u64..600),
    ];
    let document = prop_oneof![4 => Just("report.txt"), 1 => Just("other.txt")];
    let evidence = (document, span).prop_map(|(d, (start, end))| (d, start, end));
    (
        id(),
        select(RELATION_KINDS),
        0usize..6,
        0usize..6,
        proptest::option::of(date_text()),
        proptest::option::of(date_text()),
        vec(evidence, 0..3),
    )
        .prop_map(
            |(id, kind, source, target, start, end, evidence)| GenRelation {
                id,
                kind,
                source,
                target,
                start,
                end,
                evidence,
            },
        )
}

fn entity_json(e: &GenEntity) -> Value {
    let mut lifetime = Map::new();
    if let Some(start) = &e.lifetime.0 {
        lifetime.insert("start".into(), json!(start));
    }
    if let Some(end) = &e.lifetime.1 {
        lifetime.insert("end".into(), json!(end));
    }
    let mut v = json!({
        "id": e.id,
        "kind": e.kind,
        "aliases": e.names,
        "description": "Generated.",
    });
    if !lifetime.is_empty() {
        v["lifetime"] = Value::Object(lifetime);
    }
    v
}

fn relation_json(r: &GenRelation, entities: &[GenEntity]) -> Value {
    let endpoint = |i: usize| {
        entities
            .get(i)
            .map_or_else(|| format!("unknown-{i}"), |e| e.id.clone())
    };
    let evidence: Vec<Value> = r
        .evidence
        .iter()
        .map(|(document, start, end)| json!({"document": document, "start_byte": start, "end_byte": end}))
        .collect();
    let mut v = json!({
        "id": r.id,
        "kind": r.kind,
        "source": endpoint(r.source),
        "target": endpoint(r.target),
        "summary": "Generated.",
        "evidence": evidence,
    });
    if let Some(start) = &r.start {
        v["start"] = json!(start);
    }
    if let Some(end) = &r.end {
        v["end"] = json!(end);
    }
    v
}

/// True when `report` has a `code` problem at `path` of `file`.
fn has(report: &Report, file: &str, path: &str, code: &str) -> bool {
    report.problems.iter().any(|p| {
        p.location.file == file && p.path.as_deref() == Some(path) && p.code.as_str() == code
    })
}

/// Checks, for each generated element, that an impossible date is reported as `invalid-date`
/// at `$[i]` (and the element dropped), and otherwise that a non-slug id is `invalid-id`.
fn check_oracle<'a>(
    report: &Report,
    file: &str,
    elements: impl Iterator<Item = (&'a str, Vec<&'a String>)>,
) -> Result<usize, TestCaseError> {
    let mut parsed = 0;
    for (i, (id, dates)) in elements.enumerate() {
        let path = format!("$[{i}]");
        let dates_exist = dates.iter().all(|d| date_exists(d));
        prop_assert_eq!(
            has(report, file, &path, "invalid-date"),
            !dates_exist,
            "{} {}: dates {:?}",
            file,
            path,
            dates
        );
        if dates_exist {
            parsed += 1;
            let bad_id = has(report, file, &format!("{path}.id"), "invalid-id");
            prop_assert_eq!(bad_id, !is_slug(id), "{} {}: id {:?}", file, path, id);
        }
    }
    Ok(parsed)
}

/// A date that exists, at a random precision, in `year`.
fn date_in(year: u32, month: u32, day: u32, precision: u8) -> String {
    let month = month % 12 + 1;
    let day = day % days_in_month(year, month) + 1;
    match precision % 3 {
        0 => format!("{year:04}"),
        1 => format!("{year:04}-{month:02}"),
        _ => format!("{year:04}-{month:02}-{day:02}"),
    }
}

/// A start and an end that is not before it: a later year, or the same year with one of the
/// two given to the year only.
fn ordered_dates() -> impl Strategy<Value = (String, Option<String>)> {
    (1u32..=9990, 0u32..=3, any::<[u32; 4]>(), any::<[u8; 2]>()).prop_map(
        |(year, later, [m1, d1, m2, d2], [p1, p2])| {
            let start = date_in(year, m1, d1, p1);
            let end = match (later, p2 % 4) {
                (_, 3) => None,
                (0, _) if p1 % 3 != 0 => Some(format!("{year:04}")),
                (0, _) => Some(date_in(year, m2, d2, p2)),
                _ => Some(date_in(year + later, m2, d2, p2)),
            };
            (start, end)
        },
    )
}

/// A graph that breaks no rule: unique slug ids, unique names, existing and ordered dates,
/// relation kinds that accept their endpoints, spans of `report.txt` on character boundaries.
fn valid_graph() -> impl Strategy<Value = (Vec<Value>, Vec<Value>)> {
    let entity = (
        "[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,1}",
        select(ENTITY_KINDS),
        vec("[a-zA-Zé\u{0621}-\u{064A}\u{064B}-\u{0652}]{1,8}", 0..3),
        proptest::option::of(ordered_dates()),
    );
    let relation = (
        "[a-z0-9]{1,6}",
        select(RELATION_KINDS),
        any::<(usize, usize)>(),
        proptest::option::of(ordered_dates()),
        vec(select(SPANS), 0..3),
        proptest::option::of((0u32..50, 0u32..50)),
    );
    (vec(entity, 1..8), vec(relation, 0..10)).prop_map(|(entities, relations)| {
        let ids: Vec<String> = (0..entities.len())
            .map(|i| format!("{}-e{i}", entities[i].0))
            .collect();
        let kinds: Vec<EntityKind> = entities
            .iter()
            .map(|e| serde_json::from_value(json!(e.1)).unwrap())
            .collect();
        let entities_json: Vec<Value> = entities
            .iter()
            .enumerate()
            .map(|(i, (_, kind, words, lifetime))| {
                // The index makes every name, and so every matching key, unique.
                let aliases: Vec<String> = words.iter().map(|w| format!("{w} {i}")).collect();
                let mut v = json!({
                    "id": ids[i],
                    "kind": kind,
                    "names": {"en": format!("Entity {i}")},
                    "aliases": aliases,
                    "description": "Generated.",
                });
                if let Some((start, end)) = lifetime {
                    v["lifetime"] = json!({"start": start});
                    if let Some(end) = end {
                        v["lifetime"]["end"] = json!(end);
                    }
                }
                v
            })
            .collect();
        let n = entities.len();
        let relations_json = relations
            .iter()
            .enumerate()
            .filter(|_| n >= 2)
            .map(|(j, (id, kind, (s, t), dates, spans, casualties))| {
                let (s, t) = (s % n, (s % n + 1 + t % (n - 1)) % n);
                let mut kind: RelationKind = kind.parse().unwrap();
                if !kind.accepts(kinds[s], kinds[t]) {
                    kind = RelationKind::Destabilisation;
                }
                let evidence: Vec<Value> = spans
                    .iter()
                    .map(|(a, b)| json!({"document": "report.txt", "start_byte": a, "end_byte": b}))
                    .collect();
                let mut v = json!({
                    "id": format!("{id}-r{j}"),
                    "kind": kind.as_str(),
                    "source": ids[s],
                    "target": ids[t],
                    "claimed_by": [ids[t]],
                    "summary": "Generated.",
                    "evidence": evidence,
                });
                if let Some((start, end)) = dates {
                    v["start"] = json!(start);
                    if let Some(end) = end {
                        v["end"] = json!(end);
                    }
                }
                if let Some((min, extra)) = casualties {
                    v["casualties"] = json!([{
                        "side": ids[s], "who": "fighters", "outcome": "killed",
                        "min": min, "max": min + extra,
                    }]);
                }
                v
            })
            .collect::<Vec<Value>>();
        // A relation may not outlive its ends (an error): the ends of generated relations
        // keep no lifetime, the other entities keep theirs.
        let mut entities_json: Vec<Value> = entities_json;
        for r in &relations_json {
            for end in ["source", "target"] {
                let id = r[end].as_str().unwrap();
                if let Some(e) = entities_json.iter_mut().find(|e| e["id"] == id) {
                    e.as_object_mut().unwrap().remove("lifetime");
                }
            }
        }
        (entities_json, relations_json)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// (a) Arbitrary bytes, including invalid UTF-8, in each file.
    #[test]
    fn arbitrary_bytes(entities in any_bytes(), relations in any_bytes(), sources in any_bytes()) {
        check_all(&files(entities, relations, sources))?;
    }

    /// (a) The valid fixture with a few bytes replaced, inserted or deleted in each file.
    #[test]
    fn edited_valid_fixture(e in edits(), r in edits(), s in edits()) {
        let files = files(
            apply(valid_file(load::ENTITIES_FILE), &e),
            apply(valid_file(load::RELATIONS_FILE), &r),
            apply(valid_file(load::SOURCES_FILE), &s),
        );
        check_all(&files)?;
    }

    /// (b) Arbitrary JSON values, with object keys mostly drawn from the real field names.
    #[test]
    fn arbitrary_json(
        entities in json_file(load::ENTITIES_FILE),
        relations in json_file(load::RELATIONS_FILE),
        sources in json_file(load::SOURCES_FILE),
    ) {
        check_all(&files(entities, relations, sources))?;
    }

    /// (b) Arbitrary JSON in one file, the valid fixture in the other two.
    #[test]
    fn arbitrary_json_in_one_file(
        (which, file) in (0usize..3).prop_flat_map(|i| (Just(i), json_file(FILES[i]))),
    ) {
        let mut three = FILES.map(valid_file);
        three[which] = file;
        let [e, r, s] = three;
        check_all(&files(e, r, s))?;
    }

    /// (c) Well-formed graphs with random ids, kinds, endpoints, dates and spans: no panic, and
    /// date and id problems exactly where the oracle expects them.
    #[test]
    fn generated_graphs(
        entities in vec(gen_entity(), 0..7),
        relations in vec(gen_relation(), 0..7),
    ) {
        let entities_json: Vec<Value> = entities.iter().map(entity_json).collect();
        let relations_json: Vec<Value> =
            relations.iter().map(|r| relation_json(r, &entities)).collect();
        let pretty = |v: &Vec<Value>| serde_json::to_vec_pretty(v).unwrap();
        let files = files(
            pretty(&entities_json),
            pretty(&relations_json),
            valid_file(load::SOURCES_FILE),
        );
        let report = check_all(&files)?;
        let parsed = check_oracle(
            &report,
            load::ENTITIES_FILE,
            entities.iter().map(|e| {
                let dates = [&e.lifetime.0, &e.lifetime.1].into_iter().flatten().collect();
                (e.id.as_str(), dates)
            }),
        )?;
        prop_assert_eq!(parsed, report.counts.entities);
        let parsed = check_oracle(
            &report,
            load::RELATIONS_FILE,
            relations.iter().map(|r| {
                (r.id.as_str(), [&r.start, &r.end].into_iter().flatten().collect())
            }),
        )?;
        prop_assert_eq!(parsed, report.counts.relations);
        prop_assert_eq!(report.counts.sources, 1);
    }

    /// (c) Graphs that break no rule load: no error, and a graph that holds exactly what was
    /// generated (warnings, such as a span that names neither end, are allowed).
    #[test]
    fn valid_generated_graphs((entities, relations) in valid_graph()) {
        let pretty = |v: &Vec<Value>| serde_json::to_vec_pretty(v).unwrap();
        let files = files(pretty(&entities), pretty(&relations), valid_file(load::SOURCES_FILE));
        let report = check_all(&files)?;
        let errors: Vec<String> = report
            .problems
            .iter()
            .filter(|p| p.is_error())
            .map(ToString::to_string)
            .collect();
        prop_assert!(errors.is_empty(), "errors in a valid graph: {:#?}", errors);
        let graph = report.graph.as_ref().unwrap();
        let ids: Vec<&str> = graph.entities().iter().map(|e| e.id.as_str()).collect();
        let expected: Vec<&str> = entities.iter().map(|e| e["id"].as_str().unwrap()).collect();
        prop_assert_eq!(ids, expected);
        prop_assert_eq!(graph.relations().len(), relations.len());
        let with_evidence = relations
            .iter()
            .filter(|r| !r["evidence"].as_array().unwrap().is_empty())
            .count();
        prop_assert_eq!(report.counts.relations_with_evidence, with_evidence);
    }
}
