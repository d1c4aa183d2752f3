//! The scoped read of the cache (`cache::scoped`): the part of the graph it decodes for the
//! actors a command names answers every question about them as the whole graph does, name
//! resolution and its errors included; it checks the blocks it reads, and only those.

use std::fs;
use std::path::Path;

use crate::common::{azawad, run};
use actorgraph::cache::{self, CacheError, blocks};
use actorgraph::load::{GraphFiles, load};
use actorgraph::query::{self, Filter};
use actorgraph::{Graph, PartialDate};

/// Every way a user may name an Azawad actor: ids, names, aliases, single words of names
/// (partial matches, some ambiguous), Arabic with a one-letter prefix, and misspellings.
fn names(graph: &Graph) -> Vec<String> {
    let mut out = Vec::new();
    for entity in graph.entities() {
        out.push(entity.id.to_string());
        for name in entity.all_names() {
            out.push(name.to_owned());
            out.extend(name.split(' ').map(str::to_owned));
            out.push(format!("و{name}"));
        }
        out.push(format!("{}x", entity.id));
    }
    out.extend(["", "  ", "ag", "Ansar", "front", "Mali", "Gaoo", "zzz"].map(str::to_owned));
    out.sort();
    out.dedup();
    out
}

/// What the whole and the scoped graph answer about one entity, in ids.
fn answers(graph: &Graph, entity: actorgraph::EntityIx) -> Vec<String> {
    let day: PartialDate = "2012-06".parse().unwrap();
    let with_parts = Filter {
        with_parts: true,
        ..Filter::during(day.period())
    };
    let filters = [Filter::default(), Filter::during(day.period()), with_parts];
    let mut out = Vec::new();
    for filter in &filters {
        for n in query::neighbors(graph, entity, filter) {
            out.push(format!(
                "{} {} {:?}",
                graph.relation(n.relation).id,
                graph.entity(n.entity).id,
                n.certainty
            ));
        }
        for f in query::relations(graph, &[entity], filter) {
            out.push(format!(
                "{} {:?}",
                graph.relation(f.relation).id,
                f.certainty
            ));
        }
    }
    out
}

fn cached_azawad() -> (tempfile::TempDir, std::path::PathBuf, Graph) {
    let (keep, data) = azawad();
    cache::index(&data).unwrap().1.unwrap();
    let whole = load(&GraphFiles::read_dir(&data).unwrap()).unwrap();
    (keep, data, whole)
}

#[test]
fn every_name_resolves_and_answers_as_in_the_whole_graph() {
    let (_keep, data, whole) = cached_azawad();
    let mut scoped_reads = 0;
    for name in names(&whole) {
        let expected = whole.resolve(&name);
        let Some(part) = cache::scoped::read(&data, &[&name]).unwrap() else {
            assert!(
                expected.is_err() && expected.unwrap_err().to_string().contains("unknown"),
                "{name:?}: no scoped graph for a name that matches"
            );
            continue;
        };
        scoped_reads += 1;
        assert!(part.relations().len() < whole.relations().len(), "{name:?}");
        match (expected, part.resolve(&name)) {
            (Ok(w), Ok(p)) => {
                assert_eq!(whole.entity(w).id, part.entity(p).id, "{name:?}");
                assert_eq!(answers(&whole, w), answers(&part, p), "{name:?}");
            }
            (Err(w), Err(p)) => assert_eq!(w.to_string(), p.to_string(), "{name:?}"),
            (w, p) => panic!("{name:?}: whole {w:?}, scoped {p:?}"),
        }
    }
    assert!(scoped_reads > 100, "{scoped_reads}");
}

#[test]
fn pairs_answer_as_in_the_whole_graph() {
    let (_keep, data, whole) = cached_azawad();
    let ids: Vec<String> = whole.entities().iter().map(|e| e.id.to_string()).collect();
    for a in &ids {
        for b in ids.iter().step_by(3) {
            let part = cache::scoped::read(&data, &[a, b]).unwrap().unwrap();
            let pair = |g: &Graph| {
                let with = [g.resolve(a).unwrap(), g.resolve(b).unwrap()];
                query::relations(g, &with, &Filter::default())
                    .iter()
                    .map(|f| g.relation(f.relation).id.to_string())
                    .collect::<Vec<_>>()
            };
            assert_eq!(pair(&whole), pair(&part), "{a} {b}");
        }
    }
}

#[test]
fn the_command_line_gives_the_same_bytes_and_errors_scoped() {
    let (_keep, data, _) = cached_azawad();
    let data = data.to_str().unwrap();
    let commands: &[&[&str]] = &[
        &["neighbors", "MNLA", "--at", "2012-05", "--json"],
        &["allies", "الحركة الوطنية لتحرير أزواد", "--at", "2013-03"],
        &["enemies", "Ansar Dine"],
        &["relations", "--with", "Gao", "--with", "MNLA"],
        &[
            "relations",
            "--with",
            "جاو",
            "--kind",
            "control",
            "--at",
            "2012-05-01",
        ],
        &["timeline", "Kidal", "--with", "MNLA", "--json"],
        // An actor with parts (its armed forces), whose relations the scoped read must hold.
        &["allies", "France", "--at", "2013", "--json"],
        &["timeline", "MNLA", "--with", "Mali", "--json"],
        &["enemies", "Mali"],
        &["neighbors", "ag"],
        &["neighbors", "Gaoo"],
        &["relations", "--with", "nobody-at-all"],
    ];
    for args in commands {
        let with = |extra: &[&str]| {
            let mut all = args.to_vec();
            all.extend(["--data", data]);
            all.extend(extra);
            run(&all)
        };
        let (warm, cold) = (with(&[]), with(&["--no-cache"]));
        assert_eq!(warm.status.code(), cold.status.code(), "{args:?}");
        assert_eq!(warm.stdout, cold.stdout, "{args:?}");
        assert_eq!(warm.stderr, cold.stderr, "{args:?}");
    }
}

/// A graph folder whose cache spans many blocks: `n` actors in a chain, each allied with the
/// next, with long summaries.
fn chain(dir: &Path, n: usize) {
    let entities: Vec<_> = (0..n)
        .map(|i| {
            serde_json::json!({
                "id": format!("actor-{i}"), "kind": "armed_group",
                "names": {"en": format!("Actor {i}")},
                "description": "x".repeat(200),
            })
        })
        .collect();
    let relations: Vec<_> = (1..n)
        .map(|i| {
            serde_json::json!({
                "id": format!("alliance-{i}"), "kind": "alliance",
                "source": format!("actor-{}", i - 1), "target": format!("actor-{i}"),
                "start": "2012", "summary": format!("marker-{i} {}", "y".repeat(300)),
            })
        })
        .collect();
    let write = |name: &str, value: &Vec<serde_json::Value>| {
        fs::write(dir.join(name), serde_json::to_vec(value).unwrap()).unwrap()
    };
    write("entities.json", &entities);
    write("relations.json", &relations);
    write("sources.json", &Vec::new());
}

#[test]
fn a_scoped_read_checks_the_blocks_it_reads_and_only_those() {
    let dir = tempfile::tempdir().unwrap();
    chain(dir.path(), 2000);
    let (_, size) = cache::index(dir.path()).unwrap();
    let size = size.unwrap() as usize;
    assert!(size > 10 * blocks::BLOCK_SIZE, "{size}");
    let file = cache::path(dir.path());
    let mut bytes = fs::read(&file).unwrap();
    let marker = b"marker-1000 ";
    let at = bytes
        .windows(marker.len())
        .position(|w| w == marker)
        .unwrap();
    bytes[at] ^= 0x20;
    fs::write(&file, &bytes).unwrap();

    let far = cache::scoped::read(dir.path(), &["actor-10"])
        .unwrap()
        .unwrap();
    assert_eq!(far.relations().len(), 2, "actor-10 has two alliances");
    let err = cache::scoped::read(dir.path(), &["actor-1000"]).unwrap_err();
    assert!(matches!(err, CacheError::Corrupt(_)), "{err}");
    assert!(
        err.to_string().contains("checksum mismatch in block"),
        "{err}"
    );
    let whole = cache::read(dir.path()).unwrap_err();
    assert!(
        whole.to_string().contains("checksum mismatch in block"),
        "{whole}"
    );

    // The command line falls back to the whole load, which reports and rebuilds the cache.
    let path = dir.path().to_str().unwrap();
    let out = run(&["neighbors", "actor-1000", "--data", path]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("checksum mismatch in block") && stderr.contains("rebuilt it"),
        "{stderr}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("actor-999") && stdout.contains("actor-1001"),
        "{stdout}"
    );
    assert!(cache::scoped::read(dir.path(), &["actor-1000"]).is_ok());
}

#[test]
fn a_truncated_or_stale_cache_is_refused_by_a_scoped_read() {
    let dir = tempfile::tempdir().unwrap();
    chain(dir.path(), 300);
    cache::index(dir.path()).unwrap().1.unwrap();
    let file = cache::path(dir.path());
    let bytes = fs::read(&file).unwrap();
    fs::write(&file, &bytes[..bytes.len() - 1]).unwrap();
    let err = cache::scoped::read(dir.path(), &["actor-3"]).unwrap_err();
    assert!(err.to_string().contains("truncated or padded"), "{err}");

    cache::index(dir.path()).unwrap().1.unwrap();
    let relations = dir.path().join("relations.json");
    let text = fs::read_to_string(&relations).unwrap();
    fs::write(&relations, text.replace("marker-3 ", "marker-3!")).unwrap();
    let err = cache::scoped::read(dir.path(), &["actor-3"]).unwrap_err();
    assert!(matches!(err, CacheError::Stale(_)), "{err}");
}
