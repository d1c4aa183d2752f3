//! The parse limit: the yardstick of issue 19's cold-load target. Reads a graph folder's three
//! files and deserialises each into plain owned serde structs that mirror the files' shape
//! (strings for ids, kinds and dates, vectors for lists), on one thread, with no validation,
//! no shared texts and no graph: what the simplest Rust program that reads the data would
//! spend. `actorgraph check` (load + validate) and a `--no-cache` load are measured against it.
//!
//! ```sh
//! cargo bench --bench parse_limit -- --size L          # the generated L graph
//! cargo bench --bench parse_limit -- --data DIR --json # any graph folder
//! ```
//!
//! It prints the time of each file (reading and deserialising) and the total. Run as a whole
//! process (the built binary, `target/release/deps/parse_limit-*`, with `--data DIR`), it is
//! the command `farm-bench` pairs with `actorgraph check --data DIR`: the process also frees
//! what it parsed, as a plain program does on its way out.
#![allow(clippy::disallowed_macros)] // a benchmark reports on the console

#[allow(dead_code)] // Each benchmark uses part of the generator.
mod generate;
#[allow(dead_code)]
mod support;

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use support::Settings;

/// An element of `entities.json`, as the file spells it.
#[allow(dead_code)] // Parsed to be measured, never read.
#[derive(Deserialize)]
struct Entity {
    id: String,
    kind: String,
    #[serde(default)]
    names: Names,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    lifetime: Option<Lifetime>,
    description: String,
}

#[allow(dead_code)]
#[derive(Deserialize, Default)]
struct Names {
    en: Option<String>,
    ar: Option<String>,
    fr: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Lifetime {
    start: Option<String>,
    end: Option<String>,
}

/// An element of `relations.json`, as the file spells it.
#[allow(dead_code)]
#[derive(Deserialize)]
struct Relation {
    id: String,
    kind: String,
    source: String,
    target: String,
    start: Option<String>,
    end: Option<String>,
    #[serde(default)]
    negated: bool,
    #[serde(default)]
    timeless: bool,
    status: Option<String>,
    #[serde(default)]
    claimed_by: Vec<String>,
    #[serde(default)]
    disputed_by: Vec<String>,
    place: Option<String>,
    event: Option<String>,
    #[serde(default)]
    casualties: Vec<Casualties>,
    summary: String,
    #[serde(default)]
    evidence: Vec<Evidence>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Casualties {
    side: Option<String>,
    who: String,
    outcome: String,
    min: Option<u32>,
    max: Option<u32>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Evidence {
    document: String,
    start_byte: u64,
    end_byte: u64,
    row: Option<u64>,
}

/// An element of `sources.json`, as the file spells it.
#[allow(dead_code)]
#[derive(Deserialize)]
struct Source {
    document: String,
    kind: Option<String>,
    language: String,
    sha256: String,
    description: String,
}

/// What parsing one file took.
#[derive(serde::Serialize)]
struct FileTime {
    file: &'static str,
    bytes: usize,
    elements: usize,
    seconds: f64,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let settings = Settings::from_env();
    let dir = match args.iter().position(|a| a == "--data") {
        Some(i) => PathBuf::from(args.get(i + 1).expect("--data takes a folder")),
        None => settings.data(),
    };
    let started = Instant::now();
    // Held to the end, as a program that goes on to use them would: freeing them is part of
    // the process's time, not of `total_seconds`.
    let (sources, s) = parse::<Source>(&dir, "sources.json");
    let (entities, e) = parse::<Entity>(&dir, "entities.json");
    let (relations, r) = parse::<Relation>(&dir, "relations.json");
    let total = started.elapsed().as_secs_f64();
    let times = [s, e, r];
    if settings.json {
        let json = serde_json::json!({ "data": dir, "files": times, "total_seconds": total });
        println!("{json}");
    } else {
        for t in &times {
            println!(
                "{}: {} elements, {:.1} MB in {:.3} s ({:.0} MB/s)",
                t.file,
                t.elements,
                t.bytes as f64 / 1e6,
                t.seconds,
                t.bytes as f64 / 1e6 / t.seconds
            );
        }
        println!("parse limit of {}: {total:.3} s", dir.display());
    }
    assert!(
        !entities.is_empty() && !relations.is_empty() && !sources.is_empty(),
        "the graph in {} is empty",
        dir.display()
    );
}

/// Reads `dir/file` and deserialises it as one JSON array of `T`, dropping its bytes after.
fn parse<T: DeserializeOwned>(dir: &Path, file: &'static str) -> (Vec<T>, FileTime) {
    let started = Instant::now();
    let path = dir.join(file);
    let bytes =
        std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let values: Vec<T> = serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()));
    let time = FileTime {
        file,
        bytes: bytes.len(),
        elements: values.len(),
        seconds: started.elapsed().as_secs_f64(),
    };
    (values, time)
}
