//! The criterion suite: load + validate, `neighbors --at`, shortest paths at a date,
//! `snapshot --at`, the DOT export of a hub's 2-hop ego network and name resolution, on a
//! generated graph (size S unless `ACTORGRAPH_BENCH_SIZE=L`).
//!
//! ```sh
//! cargo bench --bench queries                  # size S
//! ACTORGRAPH_BENCH_SIZE=L cargo bench --bench queries
//! cargo bench --bench queries -- --test        # each benchmark once (what CI runs)
//! ```
//!
//! Per-call operations cycle through the queries of `queries.json` (10,000 entity/day pairs,
//! 100 path pairs, 10,000 names), so each figure is a mean over them; `benches/timings.rs`
//! gives per-call medians. Peak memory is measured by `benches/memory.rs`, in a process of its
//! own.
#![allow(clippy::disallowed_macros)] // a benchmark reports on the console

#[allow(dead_code)] // Each benchmark uses part of the generator.
mod generate;
#[allow(dead_code)]
mod support;

use std::io;
use std::time::Duration;

use actorgraph::export::{self, Format, Options};
use actorgraph::load::{GraphFiles, load};
use actorgraph::query::{self, Filter};
use actorgraph::{EntityIx, Graph, PartialDate, Period};
use criterion::{Criterion, Throughput};
use generate::Workload;
use support::Settings;

fn main() {
    let settings = Settings::from_env();
    let dir = settings.data();
    let workload = Workload::read(&dir).expect("cannot read queries.json");
    let files = GraphFiles::read_dir(&dir).expect("cannot read the graph");
    let graph = load(&files).unwrap_or_else(|e| panic!("{e}: {:?}", e.errors.first()));
    let mut criterion = Criterion::default();
    if settings.quick {
        criterion = criterion
            .warm_up_time(Duration::from_millis(200))
            .measurement_time(Duration::from_millis(500));
    }
    let mut criterion = criterion.configure_from_args();
    let size = settings.size.name();
    load_validate(&mut criterion, size, &files);
    drop(files);
    neighbors_at(&mut criterion, size, &graph, &workload);
    shortest_path(&mut criterion, size, &graph, &workload);
    snapshot_at(&mut criterion, size, &graph, &workload);
    ego_dot(&mut criterion, size, &graph, &workload);
    resolve(&mut criterion, size, &graph, &workload);
    criterion.final_summary();
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

/// `load::load` of the three files already in memory: parse, validate, index.
fn load_validate(c: &mut Criterion, size: &str, files: &GraphFiles) {
    let mut group = c.benchmark_group(format!("{size}/load"));
    group.sample_size(10);
    group.throughput(Throughput::Bytes(
        (files.entities.len() + files.relations.len() + files.sources.len()) as u64,
    ));
    group.bench_function("load_validate", |b| {
        // The graph is dropped outside the timed part.
        b.iter_with_large_drop(|| load(files))
    });
    group.finish();
}

/// `neighbors X --at D` over the workload's entity/day pairs, uniform and by degree.
fn neighbors_at(c: &mut Criterion, size: &str, graph: &Graph, workload: &Workload) {
    let mut group = c.benchmark_group(format!("{size}/neighbors_at"));
    for (name, queries) in [
        ("uniform", &workload.neighbors_uniform),
        ("by_degree", &workload.neighbors_by_degree),
    ] {
        let queries: Vec<(EntityIx, Period)> = queries
            .iter()
            .map(|(id, date)| (entity(graph, id), day(date)))
            .collect();
        let mut next = queries.iter().cycle();
        group.bench_function(name, |b| {
            b.iter(|| {
                let &(e, p) = next.next().expect("cycle");
                query::neighbors(graph, e, &Filter::during(p))
            })
        });
    }
    group.finish();
}

/// `path A B --at D --max-hops 6`, one path, over the workload's pairs.
fn shortest_path(c: &mut Criterion, size: &str, graph: &Graph, workload: &Workload) {
    let queries: Vec<(EntityIx, EntityIx, Period)> = workload
        .paths
        .iter()
        .map(|(a, b, date)| (entity(graph, a), entity(graph, b), day(date)))
        .collect();
    let mut next = queries.iter().cycle();
    let mut group = c.benchmark_group(format!("{size}/path_at"));
    group.sample_size(20);
    group.bench_function("shortest", |b| {
        b.iter(|| {
            let &(a, z, p) = next.next().expect("cycle");
            query::shortest_paths(graph, a, z, &Filter::during(p), 1, workload.max_hops).paths
        })
    });
    group.finish();
}

/// `snapshot --at D`, the relations holding on a day and the entities they join.
fn snapshot_at(c: &mut Criterion, size: &str, graph: &Graph, workload: &Workload) {
    let periods: Vec<Period> = workload.snapshot_dates.iter().map(|d| day(d)).collect();
    let mut next = periods.iter().cycle();
    let mut group = c.benchmark_group(format!("{size}/snapshot_at"));
    group.sample_size(10);
    group.bench_function("day", |b| {
        b.iter(|| query::snapshot(graph, &Filter::during(*next.next().expect("cycle"))))
    });
    group.finish();
}

/// `export dot --ego HUB --depth 2`: the ego network of the entity with most relations, written
/// as DOT into a sink.
fn ego_dot(c: &mut Criterion, size: &str, graph: &Graph, workload: &Workload) {
    let center = entity(graph, &workload.ego_center);
    let mut group = c.benchmark_group(format!("{size}/ego_dot"));
    group.sample_size(10);
    group.bench_function("hub_depth_2", |b| {
        b.iter(|| {
            let selection = query::ego(graph, center, workload.ego_depth, &Filter::default());
            let options = Options::default();
            export::write(
                Format::Dot,
                "",
                graph,
                &selection,
                &options,
                &mut io::sink(),
            )
        })
    });
    group.finish();
}

/// `Graph::resolve` of the workload's ids, names and aliases.
fn resolve(c: &mut Criterion, size: &str, graph: &Graph, workload: &Workload) {
    let mut next = workload.names.iter().cycle();
    let mut group = c.benchmark_group(format!("{size}/resolve"));
    group.bench_function("name_or_alias", |b| {
        b.iter(|| graph.resolve(next.next().expect("cycle")))
    });
    group.finish();
}
