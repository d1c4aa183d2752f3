//! The cache's dated section (`cache::dated`): the part of the graph it decodes for a snapshot
//! or a diff answers it as the whole graph does, in the library and on the command line; it
//! checks the blocks it reads, and a damaged, truncated or stale cache is refused.

use std::fs;

use crate::common::{find_once, run};
use crate::scoped_cache::{chain, damage_summary, edit_an_input, indexed_chain};
use actorgraph::cache::{self, CacheError, Detail};
use actorgraph::export::Lang;
use actorgraph::load::{GraphFiles, load};
use actorgraph::query::{self, Filter, Standing};
use actorgraph::{Graph, PartialDate, Period, RelationKind};

fn period(date: &str) -> Period {
    date.parse::<PartialDate>().unwrap().period()
}

/// A snapshot in ids: its entities, then its relations with their certainty.
fn snapshot_ids(graph: &Graph, filter: &Filter) -> Vec<String> {
    let snap = query::snapshot(graph, filter);
    let entities = snap
        .entities
        .iter()
        .map(|&e| graph.entity(e).id.to_string());
    let relations = (snap.relations.iter())
        .map(|f| format!("{} {:?}", graph.relation(f.relation).id, f.certainty));
    entities.chain(relations).collect()
}

/// A diff in ids, list by list, with each relation's standing on both dates.
fn diff_ids(graph: &Graph, first: Period, second: Period, filter: &Filter) -> Vec<String> {
    let d = query::diff(graph, first, second, filter);
    let mut out = Vec::new();
    for (title, list) in [
        ("began", d.began),
        ("ended", d.ended),
        ("changed", d.changed),
    ] {
        for c in list {
            let id = &graph.relation(c.relation).id;
            out.push(format!("{title} {id} {:?} {:?}", c.before, c.after));
        }
    }
    out
}

/// A diff in ids as [`diff_ids`] gives it, from the rows the dated section reads for it
/// ([`cache::dated::changed`]), in runs of 7 to cross the runs' bounds.
fn changed_ids(rows: &cache::dated::Selection) -> Vec<String> {
    let runs = rows.chunks(7, Lang::En, &str::to_owned, |rows| {
        (rows.iter())
            .map(|row| (row.id.to_owned(), row.before, row.certainty))
            .collect::<Vec<_>>()
    });
    let rows: Vec<_> = runs.unwrap().into_iter().flatten().collect();
    let mut out = Vec::new();
    for title in ["began", "ended", "changed"] {
        for (id, before, after) in &rows {
            let list = match (before, after) {
                (None, _) => "began",
                (_, None) => "ended",
                _ => "changed",
            };
            if list == title {
                out.push(format!("{title} {id} {before:?} {after:?}"));
            }
        }
    }
    out
}

/// The filters of a date question: plain, by kind, certain only, known only, with undated
/// and timeless relations.
fn filters() -> Vec<Filter> {
    vec![
        Filter::default(),
        Filter::default().with_kinds(&[RelationKind::Alliance, RelationKind::Control]),
        Filter {
            certain_only: true,
            ..Filter::default()
        },
        Filter {
            known_only: true,
            ..Filter::default()
        },
        Filter {
            include_undated: true,
            include_timeless: true,
            ..Filter::default()
        },
    ]
}

/// Every month from 2011 to 2015, and days and years around the conflict.
fn dates() -> Vec<String> {
    let mut dates: Vec<String> = (2011..=2015)
        .flat_map(|y| (1..=12).map(move |m| format!("{y}-{m:02}")))
        .collect();
    dates.extend(
        [
            "1960",
            "2012",
            "2012-01-17",
            "2012-04-06",
            "2013-01-11",
            "2100",
        ]
        .map(Into::into),
    );
    dates
}

#[test]
fn snapshots_and_diffs_read_from_the_dated_section_are_the_whole_graphs() {
    let (_keep, data) = crate::common::azawad();
    cache::index(&data).unwrap().1.unwrap();
    let whole = load(&GraphFiles::read_dir(&data).unwrap()).unwrap();
    let dates = dates();
    let mut nonempty = 0;
    for filter in filters() {
        for date in &dates {
            let at = Filter {
                period: Some(period(date)),
                ..filter.clone()
            };
            let expected = snapshot_ids(&whole, &at);
            for detail in [Detail::Full, Detail::Timeline, Detail::Table] {
                let part = cache::dated::snapshot(&data, &at, detail).unwrap().unwrap();
                assert_eq!(snapshot_ids(&part, &at), expected, "{date} {filter:?}");
                assert!(part.relations().len() <= whole.relations().len());
                decoded_in(&part, &whole, detail);
            }
            // The rows of the table: the relations in order with their certainties, and the
            // count of the entities they join.
            let holding = cache::dated::holding(&data, &at).unwrap().unwrap();
            let snap = query::snapshot(&whole, &at);
            assert_eq!(holding.entities, snap.entities.len(), "{date} {filter:?}");
            let read = holding.rows.chunks(5, Lang::En, &str::to_owned, |rows| {
                (rows.iter())
                    .map(|row| format!("{} {:?}", row.id, row.certainty))
                    .collect::<Vec<_>>()
            });
            let read: Vec<String> = read.unwrap().into_iter().flatten().collect();
            assert_eq!(read, expected[snap.entities.len()..], "{date} {filter:?}");
            nonempty += usize::from(!expected.is_empty());
        }
        for pair in dates.windows(7).step_by(3) {
            let (first, second) = (period(&pair[0]), period(&pair[6]));
            let standing = Standing::new(&filter, first, second);
            let expected = diff_ids(&whole, first, second, &filter);
            for detail in [Detail::Full, Detail::Timeline, Detail::Table] {
                let part = cache::dated::changes(&data, &standing, detail).unwrap();
                assert_eq!(
                    diff_ids(&part, first, second, &filter),
                    expected,
                    "{pair:?}"
                );
                // Only the relations that changed are decoded.
                assert_eq!(part.relations().len(), expected.len(), "{pair:?}");
                decoded_in(&part, &whole, detail);
            }
            let rows = cache::dated::changed(&data, &standing).unwrap();
            assert_eq!(rows.len(), expected.len(), "{pair:?}");
            assert_eq!(changed_ids(&rows), expected, "{pair:?}");
        }
    }
    assert!(nonempty > 100, "{nonempty} snapshots hold something");
    assert!(
        cache::dated::snapshot(&data, &Filter::default(), Detail::Full)
            .unwrap()
            .is_none()
    );
}

/// Each relation of `part` is the whole graph's relation of the same id, with the fields
/// `detail` leaves out empty.
fn decoded_in(part: &Graph, whole: &Graph, detail: Detail) {
    for relation in part.relations() {
        let r = whole.relation_ix(relation.id.as_str()).unwrap();
        let mut expected = whole.relation(r).clone();
        if detail != Detail::Full {
            expected.set_casualties(Default::default());
            expected.set_evidence(Vec::new());
        }
        if detail == Detail::Table {
            expected.set_event(None);
            expected.set_summary("");
        }
        assert_eq!(relation, &expected);
    }
}

#[test]
fn snapshot_and_diff_give_the_same_bytes_from_the_cache() {
    let (_keep, data) = crate::common::azawad();
    let data = data.to_str().unwrap();
    let commands: &[&[&str]] = &[
        &["snapshot", "--at", "2012-06"],
        &["snapshot", "--at", "2013-01-11", "--json"],
        &[
            "snapshot",
            "--from",
            "2012-01",
            "--until",
            "2012-12",
            "--certain",
        ],
        &[
            "snapshot", "--at", "2012", "--kind", "alliance", "--kind", "control",
        ],
        &["snapshot", "--at", "1900"],
        &["snapshot", "--at", "2013", "--lang", "ar"],
        &[
            "snapshot",
            "--at",
            "2012-04-06",
            "--include-undated",
            "--timeless",
        ],
        &["diff", "2012-01", "2013-06"],
        &["diff", "1960", "2100"],
        &["diff", "2012-01-17", "2013-01-11", "--lang", "ar"],
        &[
            "diff", "2011", "2014-06", "--lang", "fr", "--kind", "control",
        ],
        &["diff", "2012-03-01", "2012-04-06", "--json"],
        &["diff", "2011", "2015", "--kind", "attack", "--certain"],
        &["diff", "2012", "2012"],
    ];
    let out = run(&["index", "--data", data]);
    assert!(out.status.success());
    for args in commands {
        let with = |extra: &[&str]| {
            let mut all = args.to_vec();
            all.extend(["--data", data]);
            all.extend(extra);
            run(&all)
        };
        let (warm, cold) = (with(&[]), with(&["--no-cache"]));
        assert!(warm.status.success(), "{args:?}");
        assert_eq!(warm.stdout, cold.stdout, "{args:?}");
        assert_eq!(warm.stderr, cold.stderr, "{args:?}");
    }
}

/// Where the dated section of the cache of a `chain` of `n` actors starts: its count of
/// relations, then the entry of the first relation in date order (`alliance-1`, relation 0,
/// from actor 0 to actor 1).
fn dated_section(bytes: &[u8], n: usize) -> usize {
    let mut start = ((n - 1) as u64).to_le_bytes().to_vec();
    for word in [0u32, 0, 1] {
        start.extend(word.to_le_bytes());
    }
    find_once(bytes, &start, "the dated section")
}

#[test]
fn a_damaged_truncated_or_stale_dated_section_is_refused() {
    let n = 3000;
    let (dir, file, original) = indexed_chain(n);
    let at = dated_section(&original, n);
    let during = Filter::during(period("2012"));
    let standing = Standing::new(&Filter::default(), period("2011"), period("2013"));
    for detail in [Detail::Full, Detail::Timeline, Detail::Table] {
        let sound = cache::dated::snapshot(dir.path(), &during, detail)
            .unwrap()
            .unwrap();
        assert_eq!(sound.relations().len(), n - 1);
        assert_eq!(
            cache::dated::changes(dir.path(), &standing, detail)
                .unwrap()
                .relations()
                .len(),
            n - 1
        );
    }

    // An entry altered (its kind), as a damaged disk would: its block's checksum refuses it.
    let mut bytes = original.clone();
    bytes[at + 8 + 32 * 1500 + 28] ^= 1;
    fs::write(&file, &bytes).unwrap();
    // Both readers refuse the cache, saying why.
    let refused = |what: &str, rows_read: bool| {
        for detail in [Detail::Full, Detail::Timeline, Detail::Table] {
            let snapshot = cache::dated::snapshot(dir.path(), &during, detail).map(|_| ());
            let changes = cache::dated::changes(dir.path(), &standing, detail).map(|_| ());
            for err in [snapshot.unwrap_err(), changes.unwrap_err()] {
                assert!(err.to_string().contains(what), "{err}");
            }
        }
        // The rows of a snapshot and of a diff refuse it when they read what is damaged.
        let rows = [
            cache::dated::holding(dir.path(), &during).map(|h| h.unwrap().rows),
            cache::dated::changed(dir.path(), &standing),
        ];
        for read in rows {
            let read = read.and_then(|rows| rows.chunks(64, Lang::En, &|_| String::new(), |_| ()));
            match (read, rows_read) {
                (Err(err), true) => assert!(err.to_string().contains(what), "{err}"),
                (read, _) => assert!(read.is_ok() != rows_read),
            }
        }
    };
    refused("checksum mismatch in block", true);
    // The command line falls back to the whole load, which reports and rebuilds the cache.
    let path = dir.path().to_str().unwrap();
    let out = run(&["snapshot", "--at", "2012", "--data", path]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("checksum mismatch in block") && stderr.contains("rebuilt it"),
        "{stderr}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with(&format!("{} relation(s)", n - 1)),
        "{stdout}"
    );
    assert!(cache::dated::snapshot(dir.path(), &during, Detail::Table).is_ok());

    // A damaged record of a relation that holds is refused too, but by the rows, which read
    // its head in the dated section and not its record.
    damage_summary(&file, "marker-1000 ");
    refused("checksum mismatch in block", false);
    // A date no relation holds on reads no record.
    let before = Filter::during(period("1990"));
    let none = cache::dated::snapshot(dir.path(), &before, Detail::Full)
        .unwrap()
        .unwrap();
    assert!(none.relations().is_empty());
    // A damaged head in the section is refused by every reader.
    let mut bytes = original.clone();
    let count = (n - 1) as u64;
    let heads = at as u64 + 8 + 32 * count + 4 * count.div_ceil(128) + 8 * (count + 1);
    bytes[heads as usize + 2000] ^= 1;
    fs::write(&file, &bytes).unwrap();
    refused("checksum mismatch in block", true);
    fs::write(&file, &original).unwrap();

    fs::write(&file, &original[..original.len() - 1]).unwrap();
    refused("truncated or padded", true);

    fs::write(&file, &original).unwrap();
    assert!(cache::dated::snapshot(dir.path(), &during, Detail::Table).is_ok());
    edit_an_input(dir.path());
    let stale = cache::dated::snapshot(dir.path(), &during, Detail::Table).unwrap_err();
    assert!(matches!(stale, CacheError::Stale(_)), "{stale}");
    let stale = cache::dated::changes(dir.path(), &standing, Detail::Full).unwrap_err();
    assert!(matches!(stale, CacheError::Stale(_)), "{stale}");
    let stale = cache::dated::changed(dir.path(), &standing).err().unwrap();
    assert!(matches!(stale, CacheError::Stale(_)), "{stale}");
    let stale = cache::dated::holding(dir.path(), &during).err().unwrap();
    assert!(matches!(stale, CacheError::Stale(_)), "{stale}");
}

/// A cache written by an older format (7: no dated section) is stale, not misread.
#[test]
fn a_cache_without_the_dated_section_is_stale() {
    let dir = tempfile::tempdir().unwrap();
    chain(dir.path(), 50);
    cache::index(dir.path()).unwrap().1.unwrap();
    let file = cache::path(dir.path());
    let mut bytes = fs::read(&file).unwrap();
    let at = b"actorgraph-cache".len();
    assert_eq!(bytes[at..at + 4], cache::FORMAT_VERSION.to_le_bytes());
    bytes[at..at + 4].copy_from_slice(&7u32.to_le_bytes());
    fs::write(&file, &bytes).unwrap();
    let err = cache::dated::snapshot(dir.path(), &Filter::during(period("2012")), Detail::Table)
        .unwrap_err();
    assert!(matches!(err, CacheError::Stale(_)), "{err}");
}
