//! The binary cache (`actorgraph index`): the graph it gives back equals the JSON load, answers
//! with and without it are the same bytes, and a stale, truncated, altered or foreign cache is
//! detected, reported and rebuilt, never used.

use std::fs;
use std::path::Path;

use crate::common::{azawad, fails, run, stdout};
use actorgraph::cache::{self, CacheError, Warmth};
use actorgraph::load::{GraphFiles, load};

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Runs a query on `data`, asserting success; returns (stdout, stderr).
fn query(data: &Path, args: &[&str]) -> (String, String) {
    let mut all = args.to_vec();
    all.extend(["--data", arg(data)]);
    let out = run(&all);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const QUERIES: &[&[&str]] = &[
    &["neighbors", "MNLA", "--at", "2012-05"],
    &["allies", "الحركة الوطنية لتحرير أزواد", "--at", "2013-03"],
    &["relations", "--with", "Gao", "--json"],
    &["timeline", "Kidal"],
    &["path", "MNLA", "France", "-k", "3"],
    &["snapshot", "--at", "2012-08-01", "--json"],
    &["diff", "2012-04-01", "2013-02-01"],
    &["show", "Bilal Ag Acherif"],
    &["find", "غاو"],
    &["export", "json"],
    // Every other command that reads a graph, through the whole cache or a part of it.
    &["list"],
    &["enemies", "Mali"],
    &["blocs", "--at", "2012-06"],
    &["central", "--at", "2013"],
    &["balance", "--from", "2012-01", "--until", "2013-12"],
    &["snapshot", "--at", "2012-08-01"],
    &["timeline", "MNLA", "--with", "Mali"],
    &["show", "mnla-declares-azawad-independence"],
    &["find", "Ansar"],
    &["export", "graphml"],
    &["export", "graphml", "--directed-only"],
    &["export", "gexf"],
    &["export", "turtle", "--base-iri", "https://example.org/g/"],
    &["export", "dot"],
];

#[test]
fn the_cached_graph_equals_the_json_load() {
    let (_keep, data) = azawad();
    let (indexed, written) = cache::index(&data).unwrap();
    assert!(written.unwrap() > 10_000);
    let cached = cache::read(&data).unwrap();
    let json = load(&GraphFiles::read_dir(&data).unwrap()).unwrap();
    for graph in [&indexed, &cached] {
        assert_eq!(graph.entities(), json.entities());
        assert_eq!(graph.relations(), json.relations());
        assert_eq!(graph.sources(), json.sources());
        assert_eq!(graph.chronological(), json.chronological());
        for e in json.entity_indexes() {
            assert_eq!(graph.incident(e), json.incident(e));
            assert_eq!(graph.at_place(e), json.at_place(e));
        }
    }
    assert!(matches!(cache::load_dir(&data).unwrap().1, Warmth::Cached));
}

#[test]
fn answers_are_the_same_bytes_with_and_without_the_cache() {
    let (_keep, data) = azawad();
    let cold: Vec<_> = QUERIES.iter().map(|q| query(&data, q)).collect();
    let out = stdout(&["index", "--data", arg(&data)]);
    assert!(
        out.starts_with("wrote ")
            && out.contains(&format!(
                "{} entities, {} relations, 2 sources",
                built_in_count("entities.json"),
                built_in_count("relations.json")
            )),
        "{out}"
    );
    for (q, (cold_out, _)) in QUERIES.iter().zip(&cold) {
        let (warm_out, warm_err) = query(&data, q);
        assert_eq!(&warm_out, cold_out, "{q:?}");
        assert_eq!(warm_err, "", "{q:?}");
        let mut bypass = q.to_vec();
        bypass.push("--no-cache");
        assert_eq!(&query(&data, &bypass).0, cold_out, "{q:?} --no-cache");
    }
}

/// Writes `text` over `file` keeping its size and modification time, as a tool that restores
/// timestamps (`cp -p`, `rsync -t`, an editor) would.
fn edit_in_place(file: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let mtime = fs::metadata(file).unwrap().modified().unwrap();
    let text = fs::read_to_string(file).unwrap();
    assert!(text.contains(from));
    fs::write(file, text.replacen(from, to, 1)).unwrap();
    fs::File::options()
        .write(true)
        .open(file)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
}

#[test]
fn an_edited_input_makes_the_cache_stale_even_with_its_old_mtime() {
    let (_keep, data) = azawad();
    stdout(&["index", "--data", arg(&data)]);
    // "Gao" becomes "Gau": same size, same mtime; only the ctime and the hash tell.
    edit_in_place(
        &data.join("entities.json"),
        "\"en\": \"Gao\"",
        "\"en\": \"Gau\"",
    );
    let (out, err) = query(&data, &["show", "gao"]);
    assert!(out.contains("Gau"), "the new data is used: {out}");
    assert!(
        err.contains("not used (stale: entities.json changed)") && err.contains("rebuilt it"),
        "{err}"
    );
    // Rebuilt: the next run uses it silently, with the new name.
    let (again, err) = query(&data, &["show", "gao"]);
    assert_eq!((again, err), (out, String::new()));
    assert!(matches!(cache::load_dir(&data).unwrap().1, Warmth::Cached));
}

/// A file rewritten with the same content (touched, checked out again, copied) would be
/// hashed on every read if its old stamp were kept: the cache is rewritten once instead, with
/// a warning that says why, and the answers do not change.
#[test]
fn touching_an_input_rewrites_the_cache_once() {
    let (_keep, data) = azawad();
    cache::index(&data).unwrap().1.unwrap();
    let expected = query(&data, &["allies", "MNLA", "--at", "2012-05"]).0;
    let file = data.join("relations.json");
    let earlier = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(earlier)
        .unwrap();
    assert!(matches!(
        cache::read(&data),
        Err(cache::CacheError::Stale(_))
    ));
    let (out, err) = query(&data, &["allies", "MNLA", "--at", "2012-05"]);
    assert_eq!(out, expected);
    assert!(
        err.contains("not used (stale: relations.json has new timestamps but the same content)")
            && err.contains("rebuilt it"),
        "{err}"
    );
    assert_eq!(
        query(&data, &["allies", "MNLA", "--at", "2012-05"]),
        (expected, String::new())
    );
    assert!(matches!(cache::load_dir(&data).unwrap().1, Warmth::Cached));
}

#[test]
fn a_damaged_cache_is_reported_and_rebuilt() {
    let (_keep, data) = azawad();
    let file = cache::path(&data);
    let expected = query(&data, &["neighbors", "MNLA", "--at", "2012-05"]).0;
    type Damage = fn(&mut Vec<u8>);
    let damages: [(&str, Damage); 5] = [
        ("truncated or padded", |b| b.truncate(b.len() - 100)),
        ("checksum mismatch", |b| {
            let at = b.len() - 500;
            b[at] ^= 0x20;
        }),
        ("not an actorgraph cache", |b| {
            b[..16].copy_from_slice(b"PK\x03\x04 a zip file.")
        }),
        ("unexpected end", |b| b.truncate(40)),
        ("stale: written by actorgraph 9.9.9", |b| {
            // The version string follows the magic and the format number.
            let version = env!("CARGO_PKG_VERSION").as_bytes();
            assert_eq!(&b[24..24 + version.len()], version);
            b.splice(24..24 + version.len(), b"9.9.9".iter().copied());
            b[20..24].copy_from_slice(&5u32.to_le_bytes());
        }),
    ];
    // A scoped read, and an export of everything streamed from the cache (`cache::whole`).
    let graphml = query(&data, &["export", "graphml"]).0;
    let questions: [(&[&str], &str); 2] = [
        (&["neighbors", "MNLA", "--at", "2012-05"], &expected),
        (&["export", "graphml"], &graphml),
    ];
    for ((message, damage), (question, expected)) in damages
        .iter()
        .flat_map(|d| questions.iter().map(move |q| (d, q)))
    {
        cache::index(&data).unwrap().1.unwrap();
        let mut bytes = fs::read(&file).unwrap();
        damage(&mut bytes);
        fs::write(&file, &bytes).unwrap();
        let err = cache::read(&data).unwrap_err();
        assert!(!matches!(err, CacheError::Missing), "{message}");
        assert!(err.to_string().contains(message), "{message}: {err}");
        let (out, stderr) = query(&data, question);
        assert_eq!(&out, expected, "{message}: {question:?}");
        assert!(
            stderr.contains(message) && stderr.contains("rebuilt it"),
            "{question:?}: {stderr}"
        );
        assert!(cache::read(&data).is_ok(), "{message}: rebuilt");
    }
}

#[test]
fn a_cache_of_another_format_version_is_stale() {
    let (_keep, data) = azawad();
    cache::index(&data).unwrap().1.unwrap();
    let file = cache::path(&data);
    let mut bytes = fs::read(&file).unwrap();
    bytes[16..20].copy_from_slice(&(cache::FORMAT_VERSION + 1).to_le_bytes());
    fs::write(&file, &bytes).unwrap();
    let err = cache::read(&data).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "stale: cache format {}, this actorgraph reads format {}",
            cache::FORMAT_VERSION + 1,
            cache::FORMAT_VERSION
        )
    );
}

#[test]
fn a_cache_that_cannot_be_rewritten_still_gives_the_answer() {
    let (_keep, data) = azawad();
    let expected = query(&data, &["allies", "MNLA", "--at", "2012-05"]).0;
    fs::write(cache::path(&data), b"garbage").unwrap();
    // A cache whose path is a folder cannot be replaced by the rename.
    let (_keep2, other) = azawad();
    fs::create_dir(cache::path(&other)).unwrap();
    let (out, err) = query(&other, &["allies", "MNLA", "--at", "2012-05"]);
    assert_eq!(out, expected);
    assert!(
        err.contains("not used (corrupt: not a regular file)"),
        "{err}"
    );
    assert!(err.contains("could not rebuild it"), "{err}");
    let (out, err) = query(&data, &["allies", "MNLA", "--at", "2012-05"]);
    assert_eq!(out, expected);
    assert!(err.contains("corrupt: not an actorgraph cache"), "{err}");
}

#[test]
fn index_refuses_what_it_cannot_cache() {
    let err = fails(&["index"], 2);
    insta::assert_snapshot!(err);
    // An invalid graph is reported as `check` would and no cache is written.
    let (_keep, data) = azawad();
    let relations = data.join("relations.json");
    let text = fs::read_to_string(&relations).unwrap();
    fs::write(
        &relations,
        text.replacen("\"source\": \"mnla\"", "\"source\": \"nobody\"", 1),
    )
    .unwrap();
    let err = fails(&["index", "--data", arg(&data)], 1);
    assert!(
        err.contains("not a valid graph") && err.contains("nobody"),
        "{err}"
    );
    assert!(!cache::path(&data).exists());
}

#[test]
fn index_reports_in_json() {
    let (_keep, data) = azawad();
    let value = crate::common::json(&["index", "--data", arg(&data)]);
    assert_eq!(value["entities"], built_in_count("entities.json"));
    assert_eq!(value["relations"], built_in_count("relations.json"));
    assert_eq!(
        value["bytes"].as_u64().unwrap(),
        fs::metadata(cache::path(&data)).unwrap().len()
    );
}

/// How many elements the built-in graph's `file` holds.
fn built_in_count(file: &str) -> usize {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("graph-data/azawad")
        .join(file);
    let text = fs::read_to_string(path).unwrap();
    serde_json::from_str::<Vec<serde_json::Value>>(&text)
        .unwrap()
        .len()
}

/// Every file of the folder `dir`, by path under it, with its bytes.
fn files_under(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(at) = pending.pop() {
        for entry in fs::read_dir(&at).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = fs::read(&path).unwrap();
                files.push((path.strip_prefix(dir).unwrap().to_owned(), bytes));
            }
        }
    }
    files.sort();
    files
}

/// An export of everything in a format of several files, read from the cache a batch at a
/// time (`cache::whole`: Parquet, CSV) or from the graph it loads (Neo4j, Kùzu), is the export
/// of the graph loaded from the JSON files, file for file and byte for byte.
#[test]
fn folder_exports_are_the_same_files_with_and_without_the_cache() {
    let (_keep, data) = azawad();
    cache::index(&data).unwrap().1.unwrap();
    let out = tempfile::tempdir().unwrap();
    for format in ["parquet", "csv", "neo4j", "kuzu"] {
        let exported = |name: &str, extra: &[&str]| {
            let dir = out.path().join(format!("{format}-{name}"));
            let mut args = vec!["export", format, "-o", arg(&dir)];
            args.extend(extra);
            query(&data, &args);
            files_under(&dir)
        };
        let warm = exported("warm", &[]);
        let cold = exported("cold", &["--no-cache"]);
        assert!(
            warm.len() >= 3,
            "{format}: {:?}",
            warm.iter().map(|f| &f.0).collect::<Vec<_>>()
        );
        assert!(warm == cold, "the {format} exports differ");
    }
}
