//! The scoped read of the cache (`cache::scoped`): the part of the graph it decodes for the
//! actors a command names answers every question about them as the whole graph does, name
//! resolution and its errors included; it checks the blocks it reads, and only those.

use std::fs;
use std::path::Path;

use crate::common::{azawad, run};
use actorgraph::cache::{self, CacheError, blocks};
use actorgraph::export::Lang;
use actorgraph::i18n;
use actorgraph::load::{GraphFiles, load};
use actorgraph::query::{self, Filter};
use actorgraph::{Graph, PartialDate, RelationKind};

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
        // Read from the records' heads: an actor with parts, places, a town's neighbours.
        &["neighbors", "France"],
        &["neighbors", "France", "--at", "2013-02", "--no-parts"],
        &["allies", "France", "--at", "2013"],
        &[
            "enemies",
            "MNLA",
            "--from",
            "2012",
            "--until",
            "2014",
            "--certain",
        ],
        &["neighbors", "Gao", "--at", "2012-06", "--lang", "ar"],
        &[
            "allies",
            "Mali",
            "--at",
            "2013-01-11",
            "--lang",
            "fr",
            "--width",
            "80",
        ],
        &["neighbors", "ag"],
        &["neighbors", "Gaoo"],
        &["relations", "--with", "nobody-at-all"],
        &["timeline", "Kidall"],
        &["timeline", "Kidal", "--with", "Gaoo"],
        &["enemies", ""],
        // show: an entity (with and without its quoted evidence), a relation by id, an
        // ambiguous name, an unknown one.
        &["show", "Bilal Ag Acherif"],
        // The text of an actor with parts and many relations, read as rows, in each
        // language (labels from names and acronyms); its timeline and tables.
        &["show", "Mali"],
        &["show", "MNLA", "--lang", "fr"],
        &["show", "France", "--lang", "ar"],
        &["timeline", "Mali"],
        &["timeline", "France", "--lang", "fr"],
        &["relations", "--with", "Mali"],
        // timeline and relations of one actor, read from their records' heads: with and
        // without its parts, at a date, by kind and status, of a town (relations placed at
        // it), in each language, fitted to a width.
        &["timeline", "France", "--no-parts"],
        &["timeline", "Gao", "--lang", "ar"],
        &["relations", "--with", "France", "--at", "2013"],
        &[
            "relations",
            "--with",
            "France",
            "--no-parts",
            "--lang",
            "fr",
        ],
        &["relations", "--with", "Gao", "--at", "2012-06", "--certain"],
        &[
            "relations",
            "--with",
            "Kidal",
            "--from",
            "2012-01",
            "--until",
            "2013-06",
            "--known",
            "--lang",
            "ar",
        ],
        &[
            "relations",
            "--with",
            "MNLA",
            "--at",
            "2012",
            "--include-undated",
            "--timeless",
            "--width",
            "60",
        ],
        &[
            "relations",
            "--with",
            "Mali",
            "--status",
            "alleged",
            "--kind",
            "conflict",
        ],
        &["neighbors", "France", "--at", "2013"],
        &["show", "MNLA", "--json"],
        &["show", "Mali", "--sources", SEEDS],
        &["show", "mnla-declares-azawad-independence"],
        &["show", "mnla-declares-azawad-independence", "--json"],
        &["show", "bilal-ag-acherif-leads-mnla", "--sources", SEEDS],
        &["show", "ag"],
        &["show", "Gaoo"],
        // find: exact, prefixed Arabic, partial (whole words), JSON, nothing found.
        &["find", "غاو"],
        &["find", "وغاو"],
        &["find", "front", "--json"],
        &["find", "Ansar"],
        &["find", "Gaoo"],
        &["find", "zzz"],
        // path: searched in the cache in place; one, several, at a date, by kind, none found,
        // an ambiguous name.
        &["path", "MNLA", "Ansar Dine"],
        &["path", "Kidal", "France", "--at", "2013-02", "--json"],
        &["path", "MNLA", "Mali", "-k", "4"],
        &[
            "path", "Gao", "MUJAO", "--kind", "conflict", "--kind", "alliance",
        ],
        &["path", "Gao", "Kidal", "--max-hops", "1"],
        &["path", "ag", "Mali"],
        // export dot of an ego network: read from the cache, at a date, deeper.
        &["export", "dot", "--focus", "MNLA"],
        &[
            "export", "dot", "--focus", "Kidal", "--depth", "2", "--at", "2012-06",
        ],
        &[
            "export",
            "dot",
            "--focus",
            "Ansar Dine",
            "--depth",
            "2",
            "--kind",
            "alliance",
        ],
        &["export", "dot", "--focus", "Gaoo"],
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

/// The source documents of the Azawad graph, for `--sources`.
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");

#[test]
fn every_relation_is_found_by_its_id_and_nothing_else_is() {
    let (_keep, data, whole) = cached_azawad();
    for relation in whole.relations() {
        let part = cache::scoped::relation(&data, relation.id.as_str())
            .unwrap()
            .unwrap();
        assert_eq!(part.relations(), std::slice::from_ref(relation));
        assert_eq!(part.sources(), whole.sources());
        for id in [&relation.source, &relation.target] {
            assert!(part.entity_ix(id.as_str()).is_some(), "{id}");
        }
    }
    for name in names(&whole) {
        let found = cache::scoped::relation(&data, &name).unwrap();
        assert!(found.is_none(), "{name:?} is no relation id");
    }
}

#[test]
fn every_name_finds_what_the_whole_graph_finds() {
    let (_keep, data, whole) = cached_azawad();
    let found = |g: &Graph, name: &str| {
        let found = g.names().find(name);
        let rows = found.iter().map(|m| {
            let id = &g.entity(m.entity).id;
            format!("{id} {} {}", m.score, m.matched)
        });
        rows.collect::<Vec<_>>()
    };
    let (mut partial, mut unknowns) = (0, 0);
    let long = "x".repeat(10_000);
    for name in names(&whole).into_iter().chain([long]) {
        let expected = found(&whole, &name);
        match cache::scoped::named(&data, &name).unwrap() {
            None => {
                assert!(expected.is_empty(), "{name:?}");
                let unknown = cache::scoped::unknown(&data, &name).unwrap();
                assert_eq!(Err(unknown), whole.resolve(&name), "{name:?}");
                unknowns += 1;
            }
            Some(part) => {
                assert!(part.relations().is_empty(), "{name:?}: no relation is read");
                let got = found(&part, &name);
                partial += usize::from(got.iter().any(|row| !row.contains(" 1 ")));
                assert_eq!(got, expected, "{name:?}");
            }
        }
    }
    assert!(partial > 10, "{partial} names with partial matches");
    assert!(unknowns > 50, "{unknowns} names that match nothing");
}

/// A graph folder whose cache spans many blocks: `n` actors in a chain, each allied with the
/// next, with long summaries.
/// Alters one byte of the cache `file` inside the relation record whose summary holds `marker`
/// (the case of its first letter), as a damaged disk would; returns the bytes before.
pub(crate) fn damage_summary(file: &Path, marker: &str) -> Vec<u8> {
    let original = fs::read(file).unwrap();
    let mut bytes = original.clone();
    let at = bytes
        .windows(marker.len())
        .position(|w| w == marker.as_bytes())
        .unwrap();
    bytes[at] ^= 0x20;
    fs::write(file, &bytes).unwrap();
    original
}

/// Changes one character of a summary in `dir`'s relations.json (written by [`chain`]), so
/// that a cache of `dir` is stale.
pub(crate) fn edit_an_input(dir: &Path) {
    let relations = dir.join("relations.json");
    let text = fs::read_to_string(&relations).unwrap();
    fs::write(&relations, text.replace("marker-3 ", "marker-3!")).unwrap();
}

/// Writes a graph folder of `entities` and `relations`, with no source.
fn write_graph(dir: &Path, entities: &[serde_json::Value], relations: &[serde_json::Value]) {
    let write = |name: &str, value: &[serde_json::Value]| {
        fs::write(dir.join(name), serde_json::to_vec(value).unwrap()).unwrap()
    };
    write("entities.json", entities);
    write("relations.json", relations);
    write("sources.json", &[]);
}

/// A temporary graph folder holding [`chain`] of `n` actors, indexed: the folder, its cache
/// file and the cache's bytes as written (to damage and restore).
pub(crate) fn indexed_chain(n: usize) -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    chain(dir.path(), n);
    cache::index(dir.path()).unwrap().1.unwrap();
    let file = cache::path(dir.path());
    let original = fs::read(&file).unwrap();
    (dir, file, original)
}

pub(crate) fn chain(dir: &Path, n: usize) {
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
    write_graph(dir, &entities, &relations);
}

#[test]
fn a_scoped_read_checks_the_blocks_it_reads_and_only_those() {
    let dir = tempfile::tempdir().unwrap();
    chain(dir.path(), 2000);
    let (_, size) = cache::index(dir.path()).unwrap();
    let size = size.unwrap() as usize;
    assert!(size > 10 * blocks::BLOCK_SIZE, "{size}");
    damage_summary(&cache::path(dir.path()), "marker-1000 ");

    let far = cache::scoped::read(dir.path(), &["actor-10"])
        .unwrap()
        .unwrap();
    assert_eq!(far.relations().len(), 2, "actor-10 has two alliances");
    let err = cache::scoped::read(dir.path(), &["actor-1000"]).unwrap_err();
    assert!(matches!(err, CacheError::Corrupt(_)), "{err}");
    // An answer or neighbours read from the records' heads check the records' blocks too.
    let none = Filter::default();
    let read = [
        cache::rows::answer(dir.path(), "actor-1000", &none, cache::Detail::Table),
        cache::rows::answer(dir.path(), "actor-1000", &none, cache::Detail::Timeline),
        cache::rows::neighbors(dir.path(), "actor-1000", &none),
    ];
    for rows in read {
        let mut rows = rows.unwrap().unwrap();
        let err = rows
            .chunks(8, Lang::En, label, |rows| rows.len())
            .unwrap_err();
        assert!(
            err.to_string().contains("checksum mismatch in block"),
            "{err}"
        );
    }
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
    let original = fs::read(cache::path(dir.path())).unwrap();
    for (args, shown) in [
        (
            &["timeline", "actor-1000"][..],
            ["alliance-1000", "alliance-1001"],
        ),
        (
            &["relations", "--with", "actor-1000"],
            ["alliance-1000", "alliance-1001"],
        ),
        (&["neighbors", "actor-1000"], ["actor-999", "actor-1001"]),
        (
            &["allies", "actor-1000", "--from", "1900", "--until", "2100"],
            ["actor-999", "actor-1001"],
        ),
    ] {
        fs::write(cache::path(dir.path()), &original).unwrap();
        let out = run(&[args, &["--data", path]].concat());
        assert!(out.status.success());
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains("checksum mismatch in block") && stderr.contains("rebuilt it"),
            "{args:?} {stderr}"
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            shown.iter().all(|id| stdout.contains(id)),
            "{args:?} {stdout}"
        );
    }
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
    let err = cache::scoped::named(dir.path(), "actor").unwrap_err();
    assert!(err.to_string().contains("truncated or padded"), "{err}");
    let err = cache::scoped::unknown(dir.path(), "actr").unwrap_err();
    assert!(err.to_string().contains("truncated or padded"), "{err}");
    let err = cache::scoped::relation(dir.path(), "alliance-3").unwrap_err();
    assert!(err.to_string().contains("truncated or padded"), "{err}");
    let none = Filter::default();
    let answer = cache::rows::answer(dir.path(), "actor-3", &none, cache::Detail::Timeline);
    let err = answer.err().expect("refused");
    assert!(err.to_string().contains("truncated or padded"), "{err}");
    let neighbors = cache::rows::neighbors(dir.path(), "actor-3", &none);
    let err = neighbors.err().expect("refused");
    assert!(err.to_string().contains("truncated or padded"), "{err}");

    cache::index(dir.path()).unwrap().1.unwrap();
    edit_an_input(dir.path());
    let err = cache::scoped::read(dir.path(), &["actor-3"]).unwrap_err();
    assert!(matches!(err, CacheError::Stale(_)), "{err}");
    let err = cache::scoped::named(dir.path(), "actor").unwrap_err();
    assert!(matches!(err, CacheError::Stale(_)), "{err}");
    let err = cache::scoped::relation(dir.path(), "alliance-3").unwrap_err();
    assert!(matches!(err, CacheError::Stale(_)), "{err}");
    let answer = cache::rows::answer(dir.path(), "actor-3", &none, cache::Detail::Table);
    let err = answer.err().expect("refused");
    assert!(matches!(err, CacheError::Stale(_)), "{err}");
    let neighbors = cache::rows::neighbors(dir.path(), "actor-3", &none);
    let err = neighbors.err().expect("refused");
    assert!(matches!(err, CacheError::Stale(_)), "{err}");
}

#[test]
fn a_relation_is_found_by_its_id_across_blocks_and_a_damaged_block_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    chain(dir.path(), 2000);
    cache::index(dir.path()).unwrap().1.unwrap();
    for i in [1, 2, 999, 1000, 1999] {
        let id = format!("alliance-{i}");
        let part = cache::scoped::relation(dir.path(), &id).unwrap().unwrap();
        assert_eq!(part.relations()[0].id.as_str(), id);
        assert_eq!(part.entities().len(), 2);
    }
    for id in ["alliance-0", "alliance-2000", "actor-5", ""] {
        assert!(cache::scoped::relation(dir.path(), id).unwrap().is_none());
    }
    let found = cache::scoped::named(dir.path(), "Actor 1500")
        .unwrap()
        .unwrap();
    assert_eq!(found.entities().len(), 1);
    assert!(found.relations().is_empty());
    damage_summary(&cache::path(dir.path()), "marker-1000 ");
    let err = cache::scoped::relation(dir.path(), "alliance-1000").unwrap_err();
    assert!(
        err.to_string().contains("checksum mismatch in block"),
        "{err}"
    );
}

/// Filters a scoped read for a question decodes only the relations they admit: a date, kinds,
/// certain only, undated and timeless ones too, with the actors' parts.
fn question_filters() -> Vec<Filter> {
    let day: PartialDate = "2012-06".parse().unwrap();
    let during = Filter::during(day.period());
    vec![
        Filter::default(),
        during.clone(),
        Filter::default().with_kinds(&[RelationKind::Alliance, RelationKind::Conflict]),
        Filter {
            certain_only: true,
            with_parts: true,
            ..during.clone()
        },
        Filter {
            include_undated: true,
            include_timeless: true,
            ..during.clone().with_kinds(&query::ENEMY_KINDS)
        },
    ]
}

/// The ids of `paths` in `graph`, and whether the search was complete.
fn path_ids(graph: &Graph, paths: &query::Paths) -> (Vec<Vec<String>>, bool) {
    let ids = paths
        .paths
        .iter()
        .map(|p| {
            let entities = p.entities.iter().map(|&e| graph.entity(e).id.to_string());
            let relations = p
                .relations
                .iter()
                .map(|&r| graph.relation(r).id.to_string());
            entities.chain(relations).collect()
        })
        .collect();
    (ids, paths.complete)
}

#[test]
fn a_read_for_a_question_answers_it_as_the_whole_graph() {
    let (_keep, data, whole) = cached_azawad();
    for entity in whole.entities() {
        let id = entity.id.as_str();
        let details = [
            cache::Detail::Full,
            cache::Detail::Timeline,
            cache::Detail::Table,
        ];
        for (filter, detail) in question_filters()
            .into_iter()
            .flat_map(|f| details.map(|d| (f.clone(), d)))
        {
            let part = cache::scoped::read_for(&data, &[id], &filter, detail)
                .unwrap()
                .unwrap();
            let (w, p) = (whole.resolve(id).unwrap(), part.resolve(id).unwrap());
            let neighbors = |g: &Graph, e| {
                let found = query::neighbors(g, e, &filter);
                let ids = found.iter().map(|n| {
                    let (r, other) = (g.relation(n.relation), g.entity(n.entity));
                    format!("{} {} {:?} {:?}", r.id, other.id, n.certainty, n.part)
                });
                ids.collect::<Vec<_>>()
            };
            let relations = |g: &Graph, e| {
                let found = query::relations(g, &[e], &filter);
                let ids = found.iter().map(|f| g.relation(f.relation).id.to_string());
                ids.collect::<Vec<_>>()
            };
            assert_eq!(
                neighbors(&whole, w),
                neighbors(&part, p),
                "{id} {filter:?} {detail:?}"
            );
            assert_eq!(
                relations(&whole, w),
                relations(&part, p),
                "{id} {filter:?} {detail:?}"
            );
        }
    }
}

/// What a row prints of a relation and of the entity at its other end: its id; its kind,
/// dates, status, claimants and disputants; whether the actor is its source; the other end's
/// id and its short label in English.
type Row = (String, String, bool, String, String);

/// The row of `relation` in the table of `actor`'s relations, `other` at its other end, as
/// the whole graph gives it.
fn row(
    actor: &actorgraph::Entity,
    relation: &actorgraph::Relation,
    other: &actorgraph::Entity,
) -> Row {
    (
        relation.id.to_string(),
        format!(
            "{:?} {:?} {:?} {:?} {} {} {:?} {:?}",
            relation.kind,
            relation.start,
            relation.end,
            relation.status,
            relation.negated,
            relation.timeless,
            relation.claimed_by(),
            relation.disputed_by()
        ),
        relation.source == actor.id,
        other.id.to_string(),
        i18n::label(Lang::En, other).to_owned(),
    )
}

/// The label [`cache::rows::Rows::chunks`] is asked to make of each entity's short label in
/// these tests.
fn label(name: &str) -> String {
    format!("label of {name}")
}

/// Checks that each entity `row` names has its label ([`label`]).
fn assert_labelled(row: &cache::rows::Row) {
    for named in [row.source, row.target].iter().chain(&row.place) {
        assert_eq!(named.label, label(named.name));
    }
}

/// The same, as the cache's rows give it.
fn read_row(row: &cache::rows::Row) -> Row {
    assert_labelled(row);
    (
        row.id.to_owned(),
        format!(
            "{:?} {:?} {:?} {:?} {} {} {:?} {:?}",
            row.kind,
            row.start,
            row.end,
            row.status,
            row.negated,
            row.timeless,
            &row.claimed_by[..],
            &row.disputed_by[..]
        ),
        row.outgoing,
        row.other().id.to_owned(),
        row.other().name.to_owned(),
    )
}

#[test]
fn rows_read_one_at_a_time_are_the_whole_graphs_incident_relations() {
    let (_keep, data, whole) = cached_azawad();
    for (i, entity) in whole.entities().iter().enumerate() {
        let ix = actorgraph::EntityIx::new(i);
        let id = entity.id.as_str();
        let mut rows = cache::rows::rows(&data, id)
            .unwrap()
            .expect("an id names one entity");
        assert_eq!(rows.entity(), entity);
        assert_eq!(rows.len(), whole.incident(ix).len());
        let read: Vec<Row> = (rows.chunks(3, Lang::En, label, |rows| {
            rows.iter().map(read_row).collect::<Vec<_>>()
        }))
        .unwrap()
        .concat();
        // Each end's short label in every output language is the one `i18n::label` makes.
        for lang in [Lang::Ar, Lang::Fr] {
            let named: Vec<(String, String)> = (rows.chunks(5, lang, label, |rows| {
                (rows.iter())
                    .flat_map(|row| [row.source, row.target])
                    .map(|n| (n.id.to_owned(), n.name.to_owned()))
                    .collect::<Vec<_>>()
            }))
            .unwrap()
            .concat();
            for (id, name) in named {
                let e = whole.entity(whole.resolve(&id).unwrap());
                assert_eq!(name, i18n::label(lang, e), "{id} {lang:?}");
            }
        }
        let expected: Vec<Row> = (whole.incident(ix).iter())
            .map(|&r| {
                row(
                    entity,
                    whole.relation(r),
                    whole.entity(whole.other_end(r, ix)),
                )
            })
            .collect();
        assert_eq!(read, expected, "{id}");
    }
    for name in ["ag", "Gaoo", "zzz"] {
        assert!(cache::rows::rows(&data, name).unwrap().is_none(), "{name}");
    }
}

/// What a line of `timeline` or a row of `relations` prints of a relation: its id, kind,
/// dates, status and flags; claimants, disputants and certainty; ends and in a timeline's
/// detail its event, place and summary; the ends' names.
type AnswerRow = (String, String, String, String, String);

/// What a line of `timeline` or a row of `relations` prints of a relation: its id, fields,
/// ends, certainty, and in a timeline's detail its event, place and summary.
fn answer_row(graph: &Graph, found: &query::Found, detail: cache::Detail) -> AnswerRow {
    let r = graph.relation(found.relation);
    let line = (detail == cache::Detail::Timeline).then(|| {
        let place = r
            .place()
            .map(|p| graph.entity(graph.entity_ix(p.as_str()).unwrap()));
        (
            r.event(),
            place.map(|p| (p.id.to_string(), i18n::label(Lang::En, p).to_owned())),
            r.summary(),
        )
    });
    (
        r.id.to_string(),
        format!(
            "{:?}",
            (r.kind, r.start, r.end, r.status, r.negated, r.timeless)
        ),
        format!("{:?}", (r.claimed_by(), r.disputed_by(), found.certainty)),
        format!("{} {} {:?}", r.source, r.target, line),
        format!(
            "{} {}",
            i18n::label(Lang::En, graph.entity(graph.ends(found.relation).0)),
            i18n::label(Lang::En, graph.entity(graph.ends(found.relation).1))
        ),
    )
}

/// The same, as the cache's rows of an answer give it.
fn read_answer_row(row: &cache::rows::Row, detail: cache::Detail) -> AnswerRow {
    assert_labelled(row);
    let line = (detail == cache::Detail::Timeline).then(|| {
        let place = row.place.map(|p| (p.id.to_owned(), p.name.to_owned()));
        (row.event, place, row.summary)
    });
    (
        row.id.to_owned(),
        format!(
            "{:?}",
            (
                row.kind,
                row.start,
                row.end,
                row.status,
                row.negated,
                row.timeless
            )
        ),
        format!(
            "{:?}",
            (&row.claimed_by[..], &row.disputed_by[..], row.certainty)
        ),
        format!("{} {} {:?}", row.source.id, row.target.id, line),
        format!("{} {}", row.source.name, row.target.name),
    )
}

/// Checks that the answer `cache::rows::answer` reads from the cache of `data` about `name`
/// for each question filter, in runs of `run`, is the whole graph's, in both details.
fn assert_answers_as_the_whole_graph(data: &Path, whole: &Graph, name: &str, run: usize) {
    let ix = whole.resolve(name).unwrap();
    for filter in question_filters().into_iter().chain([Filter {
        with_parts: true,
        ..Filter::default()
    }]) {
        for detail in [cache::Detail::Table, cache::Detail::Timeline] {
            let mut rows = cache::rows::answer(data, name, &filter, detail)
                .unwrap()
                .expect("an id names one entity");
            assert_eq!(rows.entity(), whole.entity(ix));
            let read = (rows.chunks(run, Lang::En, label, |rows| {
                rows.iter()
                    .map(|r| read_answer_row(r, detail))
                    .collect::<Vec<_>>()
            }))
            .unwrap()
            .concat();
            let expected: Vec<_> = (query::relations(whole, &[ix], &filter).iter())
                .map(|f| answer_row(whole, f, detail))
                .collect();
            assert_eq!(rows.len(), expected.len(), "{name} {filter:?}");
            assert_eq!(read, expected, "{name} {filter:?} {detail:?}");
        }
    }
}

#[test]
fn answers_and_neighbors_read_from_records_heads_are_the_whole_graphs() {
    let (_keep, data, whole) = cached_azawad();
    for entity in whole.entities() {
        assert_answers_as_the_whole_graph(&data, &whole, entity.id.as_str(), 3);
        assert_neighbors_as_the_whole_graph(&data, &whole, entity.id.as_str(), 3);
    }
    let filter = Filter::default();
    for name in ["ag", "Gaoo", "zzz"] {
        let answer = cache::rows::answer(&data, name, &filter, cache::Detail::Table);
        assert!(answer.unwrap().is_none(), "{name}");
        let neighbors = cache::rows::neighbors(&data, name, &filter);
        assert!(neighbors.unwrap().is_none(), "{name}");
    }
}

/// What a row of `neighbors`, `allies` or `enemies` prints: the relation's id, the
/// neighbour's id and names, the part's id, the certainty, and whether the actor's end (it or
/// its part) is the source.
type NeighborRow = (String, String, String, Option<String>, String);

/// The filters of the neighbour questions: the relations' question filters, and those
/// `allies` and `enemies` make (positive relations of their kinds, parties only).
fn neighbor_filters() -> Vec<Filter> {
    let mut filters = question_filters();
    filters.push(Filter {
        with_parts: true,
        ..Filter::default()
    });
    for kinds in [query::ALLY_KINDS, query::ENEMY_KINDS] {
        for with_parts in [true, false] {
            let day: PartialDate = "2013".parse().unwrap();
            filters.push(Filter {
                positive_only: true,
                parties_only: true,
                with_parts,
                ..Filter::during(day.period()).with_kinds(&kinds)
            });
        }
    }
    filters
}

/// Checks that the neighbours `cache::rows::neighbors` reads from the cache of `data` about
/// `name` for each neighbour filter, in runs of `run`, are the whole graph's.
fn assert_neighbors_as_the_whole_graph(data: &Path, whole: &Graph, name: &str, run: usize) {
    let ix = whole.resolve(name).unwrap();
    for filter in neighbor_filters() {
        let mut rows = cache::rows::neighbors(data, name, &filter)
            .unwrap()
            .expect("an id names one entity");
        assert_eq!(rows.entity(), whole.entity(ix));
        let read = (rows.chunks(run, Lang::En, label, |rows| {
            (rows.iter())
                .map(|r| {
                    assert_labelled(r);
                    let other = r.other();
                    (
                        r.id.to_owned(),
                        format!("{} {}", other.id, other.name),
                        format!("{:?} {}", r.certainty, r.outgoing),
                        r.part.map(|p| p.id.to_string()),
                        format!("{:?}", (r.kind, r.start, r.end, r.status, r.negated)),
                    )
                })
                .collect::<Vec<NeighborRow>>()
        }))
        .unwrap()
        .concat();
        let expected: Vec<NeighborRow> = (query::neighbors(whole, ix, &filter).iter())
            .map(|n| {
                let r = whole.relation(n.relation);
                let other = whole.entity(n.entity);
                let near = whole.entity(n.part.unwrap_or(ix));
                (
                    r.id.to_string(),
                    format!("{} {}", other.id, i18n::label(Lang::En, other)),
                    format!("{:?} {}", n.certainty, r.source == near.id),
                    n.part.map(|p| whole.entity(p).id.to_string()),
                    format!("{:?}", (r.kind, r.start, r.end, r.status, r.negated)),
                )
            })
            .collect();
        assert_eq!(read, expected, "{name} {filter:?}");
    }
}

#[test]
fn paths_searched_in_the_cache_are_the_whole_graphs() {
    let (_keep, data, whole) = cached_azawad();
    let ids: Vec<String> = whole.entities().iter().map(|e| e.id.to_string()).collect();
    let mut found = 0;
    for (n, a) in ids.iter().enumerate() {
        for b in ids.iter().skip(n % 5).step_by(5) {
            for (f, filter) in question_filters().iter().enumerate() {
                for k in if f == 0 { &[1, 3][..] } else { &[1][..] } {
                    let (wa, wb) = (whole.resolve(a).unwrap(), whole.resolve(b).unwrap());
                    let w = query::shortest_paths(&whole, wa, wb, filter, *k, 6);
                    let (part, p) = cache::scoped::paths(&data, (a, b), filter, *k, 6)
                        .unwrap()
                        .unwrap();
                    assert_eq!(path_ids(&whole, &w), path_ids(&part, &p), "{a} {b} {k}");
                    assert!(part.relations().len() <= 3 * 6, "only the paths' relations");
                    found += w.paths.len();
                }
            }
        }
    }
    assert!(found > 500, "{found}");
    // A name that is ambiguous or matches nothing gives no search: the whole load reports it.
    for name in ["ag", "Gaoo"] {
        assert!(
            cache::scoped::paths(&data, (name, "mnla"), &Filter::default(), 1, 6)
                .unwrap()
                .is_none()
        );
    }
}

#[test]
fn ego_networks_read_from_the_cache_are_the_whole_graphs() {
    let (_keep, data, whole) = cached_azawad();
    for entity in whole.entities() {
        let id = entity.id.as_str();
        for filter in question_filters() {
            for depth in 0..=2 {
                let part = cache::scoped::read_ego(&data, id, depth, &filter)
                    .unwrap()
                    .unwrap();
                let ego = |g: &Graph| {
                    let found = query::ego(g, g.resolve(id).unwrap(), depth, &filter);
                    let entities = found.entities.iter().map(|&e| g.entity(e).id.to_string());
                    let relations = found
                        .relations
                        .iter()
                        .map(|f| format!("{} {:?}", g.relation(f.relation).id, f.certainty));
                    entities.chain(relations).collect::<Vec<_>>()
                };
                assert_eq!(ego(&whole), ego(&part), "{id} {depth} {filter:?}");
            }
        }
    }
}

#[test]
fn paths_and_ego_networks_refuse_a_damaged_truncated_or_stale_cache() {
    let dir = tempfile::tempdir().unwrap();
    chain(dir.path(), 2000);
    cache::index(dir.path()).unwrap().1.unwrap();
    let none = Filter::default();
    let (part, found) = cache::scoped::paths(dir.path(), ("actor-3", "actor-1500"), &none, 1, 2000)
        .unwrap()
        .unwrap();
    assert_eq!(found.paths[0].hops(), 1497);
    assert_eq!(part.relations().len(), 1497);
    let ego = cache::scoped::read_ego(dir.path(), "actor-1000", 2, &none)
        .unwrap()
        .unwrap();
    assert_eq!((ego.entities().len(), ego.relations().len()), (5, 4));

    // A damaged record on the path, or in the ego network, is refused.
    let file = cache::path(dir.path());
    let original = damage_summary(&file, "marker-1000 ");
    let err = cache::scoped::paths(dir.path(), ("actor-3", "actor-1500"), &none, 1, 2000);
    assert!(
        err.unwrap_err()
            .to_string()
            .contains("checksum mismatch in block")
    );
    let err = cache::scoped::read_ego(dir.path(), "actor-999", 1, &none).unwrap_err();
    assert!(
        err.to_string().contains("checksum mismatch in block"),
        "{err}"
    );
    // Far from the damage, both still read.
    assert!(cache::scoped::read_ego(dir.path(), "actor-10", 2, &none).is_ok());

    // Damaged incident entries (the lookup section ends the body; 192 KiB from the end of
    // this chain's cache lie incident lists the search reads).
    let mut bytes = original.clone();
    let end = bytes.len();
    bytes[end - (192 << 10)] ^= 1;
    fs::write(&file, &bytes).unwrap();
    let paths = cache::scoped::paths(dir.path(), ("actor-0", "actor-1999"), &none, 1, 2000);
    assert!(
        paths
            .unwrap_err()
            .to_string()
            .contains("checksum mismatch in block")
    );

    fs::write(&file, &original[..end - 1]).unwrap();
    let err = cache::scoped::read_ego(dir.path(), "actor-3", 1, &none).unwrap_err();
    assert!(err.to_string().contains("truncated or padded"), "{err}");
    let err = cache::scoped::paths(dir.path(), ("actor-3", "actor-4"), &none, 1, 9).unwrap_err();
    assert!(err.to_string().contains("truncated or padded"), "{err}");

    fs::write(&file, &original).unwrap();
    edit_an_input(dir.path());
    let err = cache::scoped::read_ego(dir.path(), "actor-3", 1, &none).unwrap_err();
    assert!(matches!(err, CacheError::Stale(_)), "{err}");
    let err = cache::scoped::paths(dir.path(), ("actor-3", "actor-4"), &none, 1, 9).unwrap_err();
    assert!(matches!(err, CacheError::Stale(_)), "{err}");
    let err =
        cache::scoped::read_for(dir.path(), &["actor-3"], &none, cache::Detail::Full).unwrap_err();
    assert!(matches!(err, CacheError::Stale(_)), "{err}");
}

/// A star: `hub` with `n` relations to `n` spokes, of several kinds and dates, every fifth
/// placed at one of ten towns and every seventh claimed by one of them (entities no hub
/// relation has at an end), so that a read of the hub decodes its records on every core and
/// meets records that refer to entities it did not expect.
fn star(dir: &Path, n: usize) {
    let mut entities = vec![serde_json::json!({
        "id": "hub", "kind": "state", "names": {"en": "The Hub", "ar": "المركز"},
        "description": "the centre",
    })];
    entities.extend((0..10).map(|t| {
        serde_json::json!({"id": format!("town-{t}"), "kind": "city",
            "names": {"en": format!("Town {t}")}, "description": "a town"})
    }));
    entities.extend((0..n).map(|i| {
        serde_json::json!({"id": format!("spoke-{i}"), "kind": "armed_group",
            "names": {"en": format!("Spoke {i}")}, "description": format!("spoke {i}")})
    }));
    let kinds = ["alliance", "conflict", "support", "negotiation"];
    let relations: Vec<_> = (0..n)
        .map(|i| {
            let (source, target) = if i % 2 == 0 {
                ("hub".to_owned(), format!("spoke-{i}"))
            } else {
                (format!("spoke-{i}"), "hub".to_owned())
            };
            let mut r = serde_json::json!({
                "id": format!("r-{i}"), "kind": kinds[i % 4],
                "source": source, "target": target,
                "start": format!("{}-{:02}", 1990 + i % 10, 1 + i % 12),
                "summary": format!("relation {i}"),
            });
            if i % 3 == 0 {
                r["end"] = serde_json::json!(format!("{}", 2000 + i % 20));
            }
            if i % 5 == 0 {
                r["place"] = serde_json::json!(format!("town-{}", i % 10));
            }
            if i % 7 == 0 {
                r["status"] = serde_json::json!("alleged");
                r["claimed_by"] = serde_json::json!([format!("town-{}", i % 10)]);
            }
            r
        })
        .collect();
    write_graph(dir, &entities, &relations);
}

#[test]
fn a_hub_read_on_every_core_answers_as_the_whole_graph() {
    let keep = tempfile::tempdir().unwrap();
    let data = keep.path();
    // Far more relations than a scoped read decodes on one thread.
    star(data, 9000);
    cache::index(data).unwrap().1.unwrap();
    let whole = load(&GraphFiles::read_dir(data).unwrap()).unwrap();
    let hub = whole.resolve("hub").unwrap();
    let mut rows = cache::rows::rows(data, "hub").unwrap().unwrap();
    let read: Vec<Row> = (rows.chunks(1024, Lang::En, label, |rows| {
        rows.iter().map(read_row).collect::<Vec<_>>()
    }))
    .unwrap()
    .concat();
    assert_eq!(read.len(), 9000);
    for (got, &r) in read.iter().zip(whole.incident(hub)) {
        let expected = row(
            whole.entity(hub),
            whole.relation(r),
            whole.entity(whole.other_end(r, hub)),
        );
        assert_eq!(got, &expected);
    }
    // The hub's answers, and a town's (relations placed at it), read on every core.
    assert_answers_as_the_whole_graph(data, &whole, "hub", 1024);
    assert_answers_as_the_whole_graph(data, &whole, "town-3", 64);
    assert_neighbors_as_the_whole_graph(data, &whole, "hub", 1024);
    for filter in question_filters() {
        let part = cache::scoped::read_for(data, &["hub"], &filter, cache::Detail::Timeline)
            .unwrap()
            .unwrap();
        let p = part.resolve("hub").unwrap();
        let ids = |g: &Graph, e| {
            let found = query::relations(g, &[e], &filter);
            (found.iter())
                .map(|f| {
                    let r = g.relation(f.relation);
                    format!(
                        "{} {:?} {:?} {:?}",
                        r.id,
                        r.place(),
                        r.claimed_by(),
                        f.certainty
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&whole, hub), ids(&part, p), "{filter:?}");
    }
    let dir = data.to_str().unwrap();
    let questions: [&[&str]; 8] = [
        &["show", "hub"],
        &["neighbors", "hub"],
        &["allies", "hub", "--at", "1995"],
        &["enemies", "hub", "--from", "1992", "--until", "1996"],
        &["timeline", "hub"],
        &["relations", "--with", "hub"],
        &["relations", "--with", "hub", "--at", "1995"],
        &["neighbors", "hub", "--at", "2005"],
    ];
    for args in questions {
        let cached = run(&[args, &["--data", dir]].concat());
        let cold = run(&[args, &["--data", dir, "--no-cache"]].concat());
        assert!(cached.status.success(), "{args:?}");
        assert!(cached.stdout.len() > 9000, "{args:?}");
        assert_eq!(cached.stdout, cold.stdout, "{args:?}");
    }
}

/// A star (see [`star`]) whose spokes are also linked in a ring, every third link placed at a
/// town and every eleventh claimed by one: the ego network of a spoke at depth 2 reaches the
/// hub, then every spoke, so that its read checks and decodes thousands of records on every
/// core, a part of the body at a time, and meets records naming entities it has not decoded.
fn star_with_ring(dir: &Path, n: usize) {
    star(dir, n);
    let read = |name: &str| -> Vec<serde_json::Value> {
        serde_json::from_slice(&fs::read(dir.join(name)).unwrap()).unwrap()
    };
    let entities = read("entities.json");
    let mut relations = read("relations.json");
    relations.extend((0..n).map(|i| {
        let kind = ["conflict", "alliance"][i % 2];
        let mut r = serde_json::json!({
            "id": format!("ring-{i}"), "kind": kind,
            "source": format!("spoke-{i}"), "target": format!("spoke-{}", (i + 1) % n),
            "start": format!("{}", 1995 + i % 20), "summary": format!("ring {i}"),
        });
        if i % 3 == 0 {
            r["place"] = serde_json::json!(format!("town-{}", i % 10));
        }
        if i % 11 == 0 {
            r["status"] = serde_json::json!("disputed");
            r["disputed_by"] = serde_json::json!([format!("town-{}", (i + 3) % 10)]);
        }
        r
    }));
    write_graph(dir, &entities, &relations);
}

/// `export dot` of an ego network read from the cache in part gives the bytes the whole graph
/// gives without the cache: around every Azawad entity at depths 1 and 2, and around the
/// spokes, the hub and a town of a graph whose depth-2 networks decode thousands of records.
#[test]
fn ego_exports_from_the_cache_are_the_uncached_bytes() {
    let (_keep, data, whole) = cached_azawad();
    let azawad = data.to_str().unwrap().to_owned();
    let ids: Vec<String> = whole.entities().iter().map(|e| e.id.to_string()).collect();
    let keep = tempfile::tempdir().unwrap();
    star_with_ring(keep.path(), 3000);
    cache::index(keep.path()).unwrap().1.unwrap();
    let star = keep.path().to_str().unwrap().to_owned();
    let mut cases: Vec<(&str, &str, &str)> = Vec::new();
    for id in &ids {
        cases.extend([(azawad.as_str(), id.as_str(), "1"), (&azawad, id, "2")]);
    }
    for focus in ["spoke-1", "spoke-2998", "hub", "town-3"] {
        cases.extend([(star.as_str(), focus, "1"), (&star, focus, "2")]);
    }
    for (data, focus, depth) in cases {
        let args = [
            "export", "dot", "--focus", focus, "--depth", depth, "--data", data,
        ];
        let (warm, cold) = (run(&args), run(&[&args[..], &["--no-cache"]].concat()));
        assert!(warm.status.success(), "{args:?}");
        assert_eq!(warm.stdout, cold.stdout, "{args:?}");
        assert_eq!(warm.stderr, cold.stderr, "{args:?}");
    }
    let spoke = run(&[
        "export", "dot", "--focus", "spoke-1", "--depth", "2", "--data", &star,
    ]);
    assert!(String::from_utf8_lossy(&spoke.stdout).contains("ring 1500"));
}

/// A damaged record of a depth-2 ego network is refused by the read in part, whose blocks are
/// checked on every core; the command then says the cache was not used and answers from the
/// JSON files with the same bytes.
#[test]
fn a_damaged_record_of_a_large_ego_network_is_refused() {
    let keep = tempfile::tempdir().unwrap();
    let dir = keep.path();
    star_with_ring(dir, 3000);
    cache::index(dir).unwrap().1.unwrap();
    let none = Filter::default();
    let part = cache::scoped::read_ego(dir, "spoke-1", 2, &none)
        .unwrap()
        .unwrap();
    assert_eq!(part.relations().len(), 6000);
    let data = dir.to_str().unwrap();
    let args = [
        "export", "dot", "--focus", "spoke-1", "--depth", "2", "--data", data,
    ];
    let sound = run(&args);
    let original = damage_summary(&cache::path(dir), "ring 2345");
    let err = cache::scoped::read_ego(dir, "spoke-1", 2, &none).unwrap_err();
    assert!(
        err.to_string().contains("checksum mismatch in block"),
        "{err}"
    );
    let damaged = run(&args);
    assert!(damaged.status.success());
    let warning = String::from_utf8_lossy(&damaged.stderr);
    assert!(
        warning.contains("not used") && warning.contains("checksum mismatch in block"),
        "{warning}"
    );
    assert_eq!(damaged.stdout, sound.stdout);
    // Rebuilt, the cache answers again; far from nothing, a truncated one is refused.
    assert_eq!(run(&args).stdout, sound.stdout);
    assert!(run(&args).stderr.is_empty());
    fs::write(cache::path(dir), &original[..original.len() - 1]).unwrap();
    let err = cache::scoped::read_ego(dir, "spoke-1", 2, &none).unwrap_err();
    assert!(err.to_string().contains("truncated or padded"), "{err}");
}

/// The label part (it ends the body, so the file's last bytes are its last entry's): an
/// entry altered is refused by the block's checksum when a row reads it, and the command line
/// falls back to a read without rows, with the same output; a truncated cache and a stale
/// one are refused before any row is read.
#[test]
fn a_damaged_truncated_or_stale_label_part_is_refused() {
    let n = 3000;
    let (dir, file, original) = indexed_chain(n);
    let last = format!("actor-{}", n - 2);
    let labels = || -> Result<Vec<(String, String)>, CacheError> {
        let mut rows = cache::rows::rows(dir.path(), &last)?.unwrap();
        let runs = rows.chunks(8, Lang::En, label, |rows| {
            (rows.iter())
                .map(|row| (row.other().id.to_owned(), row.other().name.to_owned()))
                .collect::<Vec<_>>()
        })?;
        Ok(runs.concat())
    };
    let sound = labels().unwrap();
    let expected = [n - 3, n - 1].map(|i| (format!("actor-{i}"), format!("Actor {i}")));
    assert_eq!(sound, expected);
    let path = dir.path().to_str().unwrap();
    let cold = run(&["show", &last, "--data", path, "--no-cache"]);

    // A byte of the last entry's English label altered: its block's checksum refuses it.
    let mut bytes = original.clone();
    let label = format!("Actor {}", n - 1);
    let at = (bytes.windows(label.len()))
        .rposition(|w| w == label.as_bytes())
        .expect("the last entry's label");
    bytes[at + 1] ^= 1;
    fs::write(&file, &bytes).unwrap();
    let err = labels().unwrap_err();
    assert!(
        err.to_string().contains("checksum mismatch in block"),
        "{err}"
    );
    // The command line falls back to a read that does not need the rows, same output.
    let out = run(&["show", &last, "--data", path]);
    assert!(out.status.success());
    assert_eq!(out.stdout, cold.stdout);

    fs::write(&file, &original[..original.len() - 1]).unwrap();
    let err = labels().unwrap_err();
    assert!(err.to_string().contains("truncated or padded"), "{err}");

    fs::write(&file, &original).unwrap();
    assert_eq!(labels().unwrap(), sound);
    edit_an_input(dir.path());
    let err = labels().unwrap_err();
    assert!(matches!(err, CacheError::Stale(_)), "{err}");
}
