//! Peak memory of loading a graph: a process that only loads (read, parse, validate, index)
//! and reports its peak resident set (`VmHWM` of /proc/self/status) and its resident set
//! once the file bytes are dropped and freed memory is handed back (`malloc_trim`), each per
//! relation, with the load time.
//!
//! ```sh
//! cargo bench --bench memory                   # size S
//! cargo bench --bench memory -- --size L --json
//! ```
//!
//! The process first makes sure the data exist (generating them if needed), then runs itself
//! again with `--measure DIR`, so that the figures are those of a process that did nothing but
//! load. Linux only (it reads /proc).
#![allow(clippy::disallowed_macros)] // a benchmark reports on the console

#[allow(dead_code)] // Each benchmark uses part of the generator.
mod generate;
#[allow(dead_code)]
mod support;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use actorgraph::load::{GraphFiles, load_owned};
use serde::Serialize;
use support::Settings;

/// What one loading process measured.
#[derive(Debug, Serialize)]
struct Measure {
    /// Entities loaded.
    entities: usize,
    /// Relations loaded.
    relations: usize,
    /// Bytes of the three JSON files.
    file_bytes: u64,
    /// Reading the files, parsing, validating and indexing, in seconds.
    load_seconds: f64,
    /// Resident set before reading anything, in bytes.
    rss_before: u64,
    /// Peak resident set, in bytes.
    peak_rss: u64,
    /// Resident set after the load, with the file bytes dropped, in bytes.
    rss_after: u64,
    /// `peak_rss / relations`.
    peak_bytes_per_relation: f64,
    /// `rss_after / relations`.
    after_bytes_per_relation: f64,
    /// Bytes of the texts the graph holds: entities' names, aliases and descriptions,
    /// relations' summaries, event names and casualty descriptions (what issue 19's memory
    /// target leaves out: it may stay in a mapped file).
    text_bytes: u64,
    /// `(rss_after - rss_before - text_bytes) / relations`: what issue 19's target (≤ 300 B)
    /// is about.
    beyond_text_bytes_per_relation: f64,
    /// `size_of::<Relation>()`: the part of each relation held inline.
    relation_struct_bytes: usize,
    /// Evidence spans held (each `size_of::<Evidence>()` bytes on the heap).
    evidence_spans: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--measure") {
        let dir = args.get(i + 1).expect("--measure takes a folder");
        let measure = measure(Path::new(dir));
        println!("{}", serde_json::to_string(&measure).expect("serialisable"));
        return;
    }
    let settings = Settings::from_env();
    let dir = settings.data();
    let output = Command::new(std::env::current_exe().expect("own path"))
        .arg("--measure")
        .arg(&dir)
        .output()
        .expect("cannot run the loading process");
    assert!(
        output.status.success(),
        "the loading process failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    if settings.json {
        print!("{text}");
        return;
    }
    let m: serde_json::Value = serde_json::from_str(&text).expect("JSON from the child");
    let mib = |key: &str| m[key].as_f64().unwrap_or(0.0) / f64::from(1 << 20);
    println!(
        "load {} ({} relations): {:.2} s; peak RSS {:.0} MiB = {:.0} B/relation; after load {:.0} MiB = {:.0} B/relation, {:.0} B/relation beyond {:.0} MiB of text",
        settings.size.name(),
        m["relations"],
        m["load_seconds"].as_f64().unwrap_or(0.0),
        mib("peak_rss"),
        m["peak_bytes_per_relation"].as_f64().unwrap_or(0.0),
        mib("rss_after"),
        m["after_bytes_per_relation"].as_f64().unwrap_or(0.0),
        m["beyond_text_bytes_per_relation"].as_f64().unwrap_or(0.0),
        mib("text_bytes"),
    );
}

/// Loads the graph in `dir` and measures this process.
fn measure(dir: &Path) -> Measure {
    let rss_before = status_bytes("VmRSS");
    let started = Instant::now();
    let files = GraphFiles::read_dir(dir).expect("cannot read the graph");
    let file_bytes = (files.entities.len() + files.relations.len() + files.sources.len()) as u64;
    // As the command line loads: the files' bytes go once they are parsed.
    let graph = load_owned(files).unwrap_or_else(|e| panic!("{e}: {:?}", e.errors.first()));
    let load_seconds = started.elapsed().as_secs_f64();
    release_free_memory();
    let peak_rss = status_bytes("VmHWM");
    let rss_after = status_bytes("VmRSS");
    let relations = graph.relations().len();
    let text_bytes = text_bytes(&graph);
    Measure {
        entities: graph.entities().len(),
        relations,
        file_bytes,
        load_seconds,
        rss_before,
        peak_rss,
        rss_after,
        peak_bytes_per_relation: peak_rss as f64 / relations as f64,
        after_bytes_per_relation: rss_after as f64 / relations as f64,
        text_bytes,
        beyond_text_bytes_per_relation: (rss_after.saturating_sub(rss_before + text_bytes)) as f64
            / relations as f64,
        relation_struct_bytes: std::mem::size_of::<actorgraph::Relation>(),
        evidence_spans: graph.relations().iter().map(|r| r.evidence.len()).sum(),
    }
}

/// The bytes of the texts `graph` holds (see [`Measure::text_bytes`]).
fn text_bytes(graph: &actorgraph::Graph) -> u64 {
    let entities = graph.entities().iter().map(|e| {
        let names = [&e.names.en, &e.names.fr, &e.names.ar];
        let names = names.into_iter().flatten().map(|n| n.len());
        let aliases = e.aliases.iter().map(|a| a.len());
        names.chain(aliases).sum::<usize>() + e.description.len()
    });
    let relations = graph.relations().iter().map(|r| {
        let who = r.casualties.iter().map(|c| c.who.len()).sum::<usize>();
        r.summary.len() + r.event.as_ref().map_or(0, |e| e.len()) + who
    });
    entities.chain(relations).map(|n| n as u64).sum()
}

/// Hands memory freed by the loading back to the system (glibc keeps small freed blocks), as
/// `peers.py` does for the Python libraries, so that the resident set after load is what the
/// graph holds.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: malloc_trim only returns free heap pages to the system.
        unsafe {
            malloc_trim(0);
        }
    }
}

/// A `kB` field of /proc/self/status, in bytes.
fn status_bytes(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux /proc/self/status");
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .map(|kb| kb * 1024)
        .unwrap_or_else(|| panic!("no {field} in /proc/self/status"))
}
