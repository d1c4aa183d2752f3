//! actorgraph's side of the side-by-side comparison: the workload of `queries.json`, each call
//! timed on its own exactly as `benches/compare/peers.py` times the Python libraries, printed
//! as JSON (medians, means, and checksums of the answers so that the peers can be checked to
//! answer the same questions).
//!
//! ```sh
//! cargo bench --bench timings                  # size S, a summary
//! cargo bench --bench timings -- --size L --json
//! ```
//!
//! Quick mode (`--test`, `ACTORGRAPH_BENCH_QUICK=1`) times a few calls of each; `--rounds N`
//! sets how many times snapshots and the ego export are timed over (3); `--calls N` asks only
//! the first N neighbour questions (of each kind) and the first N/4 paths, the questions
//! `benches/compare/engines.py --calls N` asks Spark and DuckDB.
#![allow(clippy::disallowed_macros)] // a benchmark reports on the console

#[allow(dead_code)] // Each benchmark uses part of the generator.
mod generate;
#[allow(dead_code)]
mod support;

use std::collections::BTreeMap;
use std::collections::HashSet;
use std::io::{self, Write};
use std::time::{Duration, Instant};

use actorgraph::export::{self, Format, Options};
use actorgraph::load::{GraphFiles, load};
use actorgraph::query::{self, Filter};
use actorgraph::{EntityIx, Graph, PartialDate, Period};
use generate::Workload;
use serde::Serialize;
use serde_json::{Value, json};
use support::{Settings, Stats};

/// One operation's timings and the checksum of its answers.
#[derive(Debug, Serialize)]
struct Timed {
    #[serde(flatten)]
    stats: Stats,
    check: Value,
}

fn main() {
    let settings = Settings::from_env();
    let dir = settings.data();
    let workload = Workload::read(&dir).expect("cannot read queries.json");
    let started = Instant::now();
    let files = GraphFiles::read_dir(&dir).expect("cannot read the graph");
    let graph = load(&files).unwrap_or_else(|e| panic!("{e}: {:?}", e.errors.first()));
    drop(files);
    let load_seconds = started.elapsed().as_secs_f64();
    let calls = number_after("--calls");
    let limit = |n: usize, quick: usize| {
        let n = calls.map_or(n, |c| n.min(c));
        if settings.quick { n.min(quick) } else { n }
    };
    let mut ops = BTreeMap::new();
    let neighbors = [
        ("neighbors_uniform", &workload.neighbors_uniform),
        ("neighbors_by_degree", &workload.neighbors_by_degree),
    ];
    for (name, queries) in neighbors {
        let queries = &queries[..limit(queries.len(), 200)];
        ops.insert(name, time_neighbors(&graph, queries));
    }
    let paths = match calls {
        Some(c) => &workload.paths[..workload.paths.len().min((c / 4).max(1))],
        None => &workload.paths[..limit(workload.paths.len(), 10)],
    };
    ops.insert(
        "shortest_path",
        time_paths(&graph, paths, workload.max_hops),
    );
    let rounds = if settings.quick { 1 } else { rounds() };
    ops.insert(
        "snapshot",
        time_snapshots(&graph, &workload.snapshot_dates, rounds),
    );
    ops.insert("ego_dot", time_ego_dot(&graph, &workload, rounds));
    let names = &workload.names[..limit(workload.names.len(), 200)];
    ops.insert("resolve", time_resolve(&graph, names));
    let report = json!({
        "tool": "actorgraph",
        "size": settings.size.name(),
        "entities": graph.entities().len(),
        "relations": graph.relations().len(),
        "load_seconds": load_seconds,
        "ops": ops,
    });
    if settings.json {
        println!("{report}");
        return;
    }
    println!(
        "actorgraph, size {} (load {load_seconds:.2} s):",
        settings.size.name()
    );
    for (name, timed) in &ops {
        println!(
            "  {name:<20} median {:>12} mean {:>12} over {} calls  {}",
            human(timed.stats.median),
            human(timed.stats.mean),
            timed.stats.calls,
            timed.check
        );
    }
}

/// `--rounds N`: how many times snapshots and the ego export are timed over (3 by default).
fn rounds() -> usize {
    number_after("--rounds").unwrap_or(3)
}

/// The number after the option `name` on the command line, if given.
fn number_after(name: &str) -> Option<usize> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(|n| {
            n.parse()
                .unwrap_or_else(|_| panic!("{name} takes a number"))
        })
}

/// Times `f` once per item after an untimed warm-up over the first items (at most 1,000).
fn per_call<T>(items: &[T], mut f: impl FnMut(&T)) -> Stats {
    items.iter().take(1000).for_each(&mut f);
    let times: Vec<Duration> = items
        .iter()
        .map(|item| {
            let started = Instant::now();
            f(item);
            started.elapsed()
        })
        .collect();
    Stats::of(&times)
}

fn entity(graph: &Graph, id: &str) -> EntityIx {
    graph
        .entity_ix(id)
        .unwrap_or_else(|| panic!("queries.json names unknown entity {id}"))
}

fn day(date: &str) -> Period {
    let date: PartialDate = date.parse().expect("queries.json holds dates");
    date.period()
}

fn time_neighbors(graph: &Graph, queries: &[(String, String)]) -> Timed {
    let queries: Vec<(EntityIx, Period)> = queries
        .iter()
        .map(|(id, date)| (entity(graph, id), day(date)))
        .collect();
    let stats = per_call(&queries, |&(e, p)| {
        std::hint::black_box(query::neighbors(graph, e, &Filter::during(p)));
    });
    let (mut relations, mut distinct) = (Vec::new(), Vec::new());
    for &(e, p) in &queries {
        let found = query::neighbors(graph, e, &Filter::during(p));
        relations.push(found.len());
        distinct.push(found.iter().map(|n| n.entity).collect::<HashSet<_>>().len());
    }
    let check = json!({
        "relations": relations.iter().sum::<usize>(),
        "distinct_neighbors": distinct.iter().sum::<usize>(),
        "per_call": relations,
        "per_call_distinct": distinct,
    });
    Timed { stats, check }
}

fn time_paths(graph: &Graph, queries: &[(String, String, String)], max_hops: usize) -> Timed {
    let queries: Vec<(EntityIx, EntityIx, Period)> = queries
        .iter()
        .map(|(a, b, date)| (entity(graph, a), entity(graph, b), day(date)))
        .collect();
    let path = |&(a, b, p): &(EntityIx, EntityIx, Period)| {
        query::shortest_paths(graph, a, b, &Filter::during(p), 1, max_hops).paths
    };
    let stats = per_call(&queries, |q| {
        std::hint::black_box(path(q));
    });
    let hops: Vec<Option<usize>> = queries
        .iter()
        .map(|q| path(q).first().map(query::Path::hops))
        .collect();
    let check = json!({
        "found": hops.iter().flatten().count(),
        "total_hops": hops.iter().flatten().sum::<usize>(),
        "per_call": hops,
    });
    Timed { stats, check }
}

fn time_snapshots(graph: &Graph, dates: &[String], rounds: usize) -> Timed {
    let periods: Vec<Period> = dates.iter().map(|d| day(d)).collect();
    let mut times = Vec::new();
    for _ in 0..rounds {
        for &p in &periods {
            let started = Instant::now();
            std::hint::black_box(query::snapshot(graph, &Filter::during(p)));
            times.push(started.elapsed());
        }
    }
    let sizes: Vec<(usize, usize)> = periods
        .iter()
        .map(|&p| {
            let s = query::snapshot(graph, &Filter::during(p));
            (s.entities.len(), s.relations.len())
        })
        .collect();
    let check = json!({
        "entities": sizes.iter().map(|s| s.0).sum::<usize>(),
        "relations": sizes.iter().map(|s| s.1).sum::<usize>(),
    });
    Timed {
        stats: Stats::of(&times),
        check,
    }
}

fn time_ego_dot(graph: &Graph, workload: &Workload, rounds: usize) -> Timed {
    let center = entity(graph, &workload.ego_center);
    let mut times = Vec::new();
    let mut last = (0, 0, 0);
    for _ in 0..rounds {
        let started = Instant::now();
        let selection = query::ego(graph, center, workload.ego_depth, &Filter::default());
        let mut out = Counter(0);
        export::write(
            Format::Dot,
            "",
            graph,
            &selection,
            &Options::default(),
            &mut out,
        )
        .expect("the DOT export of the ego network");
        times.push(started.elapsed());
        last = (selection.entities.len(), selection.relations.len(), out.0);
    }
    let check = json!({"entities": last.0, "relations": last.1, "bytes": last.2});
    Timed {
        stats: Stats::of(&times),
        check,
    }
}

fn time_resolve(graph: &Graph, names: &[String]) -> Timed {
    let stats = per_call(names, |name| {
        let _ = std::hint::black_box(graph.resolve(name));
    });
    let resolved = names.iter().filter(|n| graph.resolve(n).is_ok()).count();
    Timed {
        stats,
        check: json!({"resolved": resolved, "of": names.len()}),
    }
}

/// A writer that counts and discards bytes, like `io::sink` with a tally.
struct Counter(usize);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A duration in the unit that suits it.
fn human(seconds: f64) -> String {
    match seconds {
        s if s < 1e-6 => format!("{:.0} ns", s * 1e9),
        s if s < 1e-3 => format!("{:.2} µs", s * 1e6),
        s if s < 1.0 => format!("{:.2} ms", s * 1e3),
        s => format!("{s:.2} s"),
    }
}
