//! Generates a benchmark graph and prints its folder.
//!
//! ```sh
//! cargo bench --bench gen -- --size L          # target/bench-data/L (cached by size and seed)
//! cargo bench --bench gen -- --size S --out DIR  # a fresh copy in DIR
//! cargo bench --bench gen -- --size XL --out /work/bench-data/XL  # 10M relations, ~4.4 GB
//! cargo bench --bench gen -- --test            # checks the generator on size XS
//! ```
//!
//! The folder is the last line of standard output. In quick mode (`--test`, as `cargo bench --
//! --test` passes it, or `ACTORGRAPH_BENCH_QUICK=1`) it also checks the generator itself:
//! two runs give the same bytes, and the graph passes `check --sources --strict`.
#![allow(clippy::disallowed_macros)] // a benchmark reports on the console

#[allow(dead_code)] // Each benchmark uses part of the generator.
mod generate;
#[allow(dead_code)]
mod support;

use std::path::{Path, PathBuf};
use std::time::Instant;

use actorgraph::load::{GraphFiles, check};
use generate::{Size, generate};
use support::Settings;

fn main() {
    let settings = Settings::from_env();
    if settings.quick {
        check_generator(settings.seed);
    }
    let args: Vec<String> = std::env::args().collect();
    let out = args
        .iter()
        .position(|a| a == "--out")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let dir = match out {
        Some(dir) => {
            std::fs::create_dir_all(&dir).expect("cannot create the output folder");
            let started = Instant::now();
            let summary = generate(settings.size, settings.seed, &dir)
                .unwrap_or_else(|e| panic!("cannot generate into {}: {e}", dir.display()));
            eprintln!(
                "generated {} relations in {:.1} s",
                summary.relations,
                started.elapsed().as_secs_f64()
            );
            dir
        }
        None => settings.data(),
    };
    println!("{}", dir.display());
}

/// Generates size XS twice, checks that the bytes are the same and that actorgraph accepts the
/// graph with its sources, strictly (no error, no warning). Panics otherwise.
fn check_generator(seed: u64) {
    let started = Instant::now();
    let root = generate::cache::data_root().join("generator-check");
    let dirs = [root.join("a"), root.join("b")];
    for dir in &dirs {
        if dir.exists() {
            std::fs::remove_dir_all(dir).expect("cannot clear the check folder");
        }
        std::fs::create_dir_all(dir).expect("cannot create the check folder");
        generate(Size::Xs, seed, dir).expect("cannot generate size XS");
    }
    for file in [
        "entities.json",
        "relations.json",
        "sources.json",
        "queries.json",
    ] {
        assert!(
            same_bytes(&dirs[0].join(file), &dirs[1].join(file)),
            "{file} differs between two runs with seed {seed}: the generator is not deterministic"
        );
    }
    let files = GraphFiles::read_dir(&dirs[0]).expect("cannot read the XS graph");
    let report = check(&files, Some(&dirs[0].join(generate::SOURCES_DIR)));
    assert!(
        report.problems.is_empty(),
        "the generated XS graph has {} problem(s), the first: {}",
        report.problems.len(),
        report.problems[0]
    );
    std::fs::remove_dir_all(&root).expect("cannot remove the check folder");
    eprintln!(
        "generator check: XS twice, byte-identical, passes check --sources --strict ({:.1} s)",
        started.elapsed().as_secs_f64()
    );
}

fn same_bytes(a: &Path, b: &Path) -> bool {
    let read = |p: &Path| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    read(a) == read(b)
}
