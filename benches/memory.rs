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
//! load, and once more with `--heap DIR`, which counts the heap the loaded graph holds (live
//! allocations, asked and given by glibc) and splits it by what holds it, from the graph's
//! own sizes: the measured answer to "where do the bytes per relation go". Linux with glibc
//! only (it reads /proc and asks glibc each block's usable size).
#![allow(clippy::disallowed_macros)] // a benchmark reports on the console

#[allow(dead_code)] // Each benchmark uses part of the generator.
mod generate;
#[allow(dead_code)]
mod support;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use actorgraph::load::{GraphFiles, load_owned};
use actorgraph::names::NameIndex;
use actorgraph::{Casualties, Entity, EntityId, Graph, Relation};
use arcstr::ArcStr;
use serde::Serialize;
use support::Settings;
use thin_vec::ThinVec;

/// Counts the heap when `--heap` asks (see [`heap`]).
#[global_allocator]
static ALLOCATOR: heap::Counting = heap::Counting;

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
    if let Some(i) = args.iter().position(|a| a == "--heap") {
        let dir = args.get(i + 1).expect("--heap takes a folder");
        let held = held(Path::new(dir));
        println!("{}", serde_json::to_string(&held).expect("serialisable"));
        return;
    }
    let settings = Settings::from_env();
    let dir = settings.data();
    let mut m = child("--measure", &dir);
    m["heap"] = child("--heap", &dir);
    if settings.json {
        println!("{m}");
        return;
    }
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
    println!("held after load, bytes per relation (heap counted by the allocator):");
    for part in m["heap"]["per_relation"].as_array().into_iter().flatten() {
        let bytes = part[1].as_f64().unwrap_or(0.0);
        println!("  {:<30} {bytes:>6.1}", part[0].as_str().unwrap_or(""));
    }
}

/// What this program prints when run again with `mode` (`--measure`, `--heap`) on `dir`.
fn child(mode: &str, dir: &Path) -> serde_json::Value {
    let output = Command::new(std::env::current_exe().expect("own path"))
        .arg(mode)
        .arg(dir)
        .output()
        .expect("cannot run the loading process");
    assert!(
        output.status.success(),
        "the loading process ({mode}) failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON from the child")
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
        evidence_spans: graph.relations().iter().map(|r| r.evidence().len()).sum(),
    }
}

/// What the loaded graph holds on the heap, by part, and what the allocator adds.
#[derive(Debug, Serialize)]
struct Held {
    /// Relations loaded.
    relations: usize,
    /// Live allocations once the graph is loaded (the files' bytes dropped).
    allocations: usize,
    /// Bytes those allocations asked for.
    asked_bytes: usize,
    /// Resident set after load, freed memory handed back (as `--measure`'s `rss_after`).
    rss_after: u64,
    /// Each part's bytes per relation: the model values ([`parts`]), the name index, the
    /// other indexes, the allocator's overhead and the freed memory still resident; they add
    /// up to the resident set after load less the process's before loading.
    per_relation: Vec<(&'static str, f64)>,
}

/// Loads the graph in `dir` with the heap counted, and splits what it holds.
fn held(dir: &Path) -> Held {
    let rss_before = status_bytes("VmRSS");
    heap::count();
    let files = GraphFiles::read_dir(dir).expect("cannot read the graph");
    let graph = load_owned(files).unwrap_or_else(|e| panic!("{e}: {:?}", e.errors.first()));
    release_free_memory();
    let rss_after = status_bytes("VmRSS");
    let (allocations, asked, given) = heap::live();
    // The name index, as big as one built again over the same entities.
    let before = heap::live().1;
    let names = NameIndex::among(graph.entities(), |_| true);
    let name_index = heap::live().1 - before;
    drop(names);
    let mut parts = parts(&graph);
    parts.push(("name index", name_index));
    let known: usize = parts.iter().map(|&(_, bytes)| bytes).sum();
    let rest = [
        // Everything not counted above: the other indexes (petgraph, incident lists,
        // bounds, chronological order, id tables), the sources, any spare capacity.
        ("other indexes, sources", asked.saturating_sub(known)),
        // What glibc gives beyond what is asked: rounding to 16 bytes and each block's
        // 8-byte header.
        ("allocator: rounding, headers", given - asked),
        // Resident but not in a live block: freed blocks glibc keeps in its arenas (between
        // live ones, so `malloc_trim` cannot return them), and the program itself.
        (
            "freed but held, program",
            (rss_after.saturating_sub(rss_before) as usize).saturating_sub(given),
        ),
    ];
    let relations = graph.relations().len();
    let per_relation = parts
        .into_iter()
        .chain(rest)
        .map(|(part, bytes)| (part, bytes as f64 / relations as f64))
        .collect();
    Held {
        relations,
        allocations,
        asked_bytes: asked,
        rss_after,
        per_relation,
    }
}

/// The bytes `graph`'s model values ask of the heap, by part, counted from their sizes:
/// what the allocator's count leaves after them is the indexes'.
fn parts(graph: &Graph) -> Vec<(&'static str, usize)> {
    use std::mem::size_of;
    let relations = graph.relations();
    let sum = |f: &dyn Fn(&Relation) -> usize| relations.iter().map(f).sum::<usize>();
    // A shared id (`ArcStr`) holds its length and count before its bytes.
    let shared = |id: &str| 2 * size_of::<usize>() + id.len();
    // A `ThinVec` holds its length and capacity before its items; an empty one holds nothing.
    let thin = |len: usize, item: usize| {
        if len == 0 {
            0
        } else {
            2 * size_of::<usize>() + len * item
        }
    };
    let entities = graph.entities();
    let entity_sum = |f: &dyn Fn(&Entity) -> usize| entities.iter().map(f).sum::<usize>();
    vec![
        ("relation structs", std::mem::size_of_val(relations)),
        // A relation id of up to 23 bytes lies within its 24 (`SmolStr`); a longer one is
        // an `Arc<str>`, its two counts before its bytes.
        (
            "relation ids (heap)",
            sum(&|r| match r.id.as_str().len() {
                0..=23 => 0,
                len => 2 * size_of::<usize>() + len,
            }),
        ),
        // An account's block begins with the count of its spans and its summary's length
        // (`actorgraph::model::account`); an empty account holds no block.
        (
            "accounts' headers",
            sum(&|r| {
                let held = !r.summary().is_empty() || !r.evidence().is_empty();
                usize::from(held) * 2 * size_of::<u32>()
            }),
        ),
        (
            "evidence spans",
            sum(&|r| std::mem::size_of_val(r.evidence())),
        ),
        // The particulars' block, when a relation states any: the fields of
        // `actorgraph::model::particulars::Stated`.
        (
            "particulars' blocks",
            sum(&|r| {
                let stated = !r.claimed_by().is_empty()
                    || !r.disputed_by().is_empty()
                    || r.place().is_some()
                    || r.event().is_some()
                    || !r.casualties().is_empty();
                type Stated = (
                    ThinVec<EntityId>,
                    ThinVec<EntityId>,
                    Option<EntityId>,
                    Option<ArcStr>,
                    ThinVec<Casualties>,
                );
                usize::from(stated) * size_of::<Stated>()
            }),
        ),
        (
            "claimed_by, disputed_by",
            sum(&|r| {
                let id = size_of::<EntityId>();
                thin(r.claimed_by().len(), id) + thin(r.disputed_by().len(), id)
            }),
        ),
        (
            "casualties (without text)",
            sum(&|r| thin(r.casualties().len(), size_of::<Casualties>())),
        ),
        ("relation text", sum(&|r| relation_text(r))),
        (
            "entity structs and ids",
            entity_sum(&|e| size_of::<Entity>() + shared(e.id.as_str())),
        ),
        (
            "entity text and alias lists",
            entity_sum(&|e| entity_text(e) + e.aliases.len() * size_of::<String>()),
        ),
    ]
}

/// The bytes of the texts `graph` holds (see [`Measure::text_bytes`]).
fn text_bytes(graph: &actorgraph::Graph) -> u64 {
    let entities = graph.entities().iter().map(entity_text);
    let relations = graph.relations().iter().map(relation_text);
    entities.chain(relations).map(|n| n as u64).sum()
}

/// The bytes of an entity's names, aliases and description.
fn entity_text(e: &Entity) -> usize {
    let names = [&e.names.en, &e.names.fr, &e.names.ar];
    let names = names.into_iter().flatten().map(|n| n.len());
    let aliases = e.aliases.iter().map(|a| a.len());
    names.chain(aliases).sum::<usize>() + e.description.len()
}

/// The bytes of a relation's summary, event name and casualty descriptions.
fn relation_text(r: &Relation) -> usize {
    let who = r.casualties().iter().map(|c| c.who.len()).sum::<usize>();
    r.summary().len() + r.event().map_or(0, str::len) + who
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

/// The system allocator, counting live allocations once [`heap::count`] is called: the
/// bytes asked, and the bytes glibc gives each (its usable size and 8-byte header).
mod heap {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering::Relaxed};

    /// Whether allocations are counted (only in the `--heap` process).
    static COUNTING: AtomicBool = AtomicBool::new(false);
    /// Live allocations, bytes asked and bytes given, since counting began (a block
    /// allocated before and freed after takes its share away: negative until the end).
    static LIVE: [AtomicIsize; 3] = [
        AtomicIsize::new(0),
        AtomicIsize::new(0),
        AtomicIsize::new(0),
    ];

    /// The system allocator with counters.
    pub struct Counting;

    /// Starts counting.
    pub fn count() {
        COUNTING.store(true, Relaxed);
    }

    /// Live allocations, bytes asked and bytes given since [`count`].
    pub fn live() -> (usize, usize, usize) {
        let [n, asked, given] = LIVE.each_ref().map(|c| c.load(Relaxed).max(0) as usize);
        (n, asked, given)
    }

    unsafe extern "C" {
        fn malloc_usable_size(ptr: *mut u8) -> usize;
    }

    /// Adds (`sign` 1) or takes away (-1) the block at `ptr`, `size` bytes asked.
    fn tally(ptr: *mut u8, size: usize, sign: isize) {
        if ptr.is_null() || !COUNTING.load(Relaxed) {
            return;
        }
        // SAFETY: `ptr` is a live block of the system allocator (glibc's malloc).
        let given = unsafe { malloc_usable_size(ptr) } + 8;
        for (counter, n) in LIVE.iter().zip([1, size as isize, given as isize]) {
            counter.fetch_add(sign * n, Relaxed);
        }
    }

    // SAFETY: every call is the system allocator's; the counters only observe.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let ptr = unsafe { System.alloc(layout) };
            tally(ptr, layout.size(), 1);
            ptr
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let ptr = unsafe { System.alloc_zeroed(layout) };
            tally(ptr, layout.size(), 1);
            ptr
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            tally(ptr, layout.size(), -1);
            unsafe { System.dealloc(ptr, layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            tally(ptr, layout.size(), -1);
            let new = unsafe { System.realloc(ptr, layout, new_size) };
            if new.is_null() {
                tally(ptr, layout.size(), 1);
            } else {
                tally(new, new_size, 1);
            }
            new
        }
    }
}
