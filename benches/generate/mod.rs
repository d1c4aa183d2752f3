//! A deterministic, seeded generator of realistic actorgraph graphs, for the benchmarks.
//!
//! [`generate`] writes a graph folder in actorgraph's own format — `entities.json`,
//! `relations.json`, `sources.json` — plus the synthetic source documents the evidence cites
//! (`sources/`) and the benchmark queries (`queries.json`). The same size and seed give
//! byte-identical files. What it looks like:
//!
//! - the entity kinds of a conflict graph (armed groups, people, towns, states …), each relation
//!   kind (all 22) joining kinds it accepts (`RelationKind::endpoints`);
//! - a skewed degree distribution: endpoints are drawn by a Zipf weight (exponent 0.77) of a
//!   prominence rank, so a few hubs (mostly states and armed groups) hold about 4 % of all
//!   relations — about 40,000 at size L;
//! - dates from 1990 to 2024, 60 % at day, 30 % at month and 10 % at year precision, 1 %
//!   undated, 40 % open-ended;
//! - English, French and Arabic names and aliases (acronyms, spelling variants, Arabic
//!   diacritics), unique under `actorgraph::names::key` as the loader requires;
//! - statuses (10 % alleged, 5 % disputed, with who claims and disputes), some negated, places,
//!   event names and casualties;
//! - one evidence span per relation in an English report, and a second in an Arabic report for
//!   30 %; the reports' sha256 are in `sources.json`, so `check --sources` verifies every span.
//!
//! Files hold one JSON object per line: readable, and what a converter from an event dataset
//! would write.

pub mod cache;
mod dates;
mod documents;
mod endpoints;
mod entities;
mod names;
mod relations;
mod rng;
mod workload;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use serde::Serialize;

pub use rng::Rng;
pub use workload::{Degrees, Workload};

/// The seed used unless `ACTORGRAPH_BENCH_SEED` says otherwise.
pub const DEFAULT_SEED: u64 = 2024;
/// The workload file written beside the graph.
pub const QUERIES_FILE: &str = "queries.json";
/// The folder of source documents inside a generated graph folder.
pub const SOURCES_DIR: &str = "sources";

/// A benchmark size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// 1,000 entities, 10,000 relations: for checking the generator.
    Xs,
    /// 10,000 entities, 100,000 relations.
    S,
    /// 100,000 entities, 1,000,000 relations.
    L,
    /// 1,000,000 entities, 10,000,000 relations: a decade of global event data (about 4.4 GB
    /// of files; generate it with `--out` onto a disk with room).
    Xl,
}

impl Size {
    /// How many entities.
    pub fn entities(self) -> usize {
        match self {
            Size::Xs => 1_000,
            Size::S => 10_000,
            Size::L => 100_000,
            Size::Xl => 1_000_000,
        }
    }

    /// How many relations.
    pub fn relations(self) -> usize {
        self.entities() * 10
    }

    /// `XS`, `S`, `L` or `XL`.
    pub fn name(self) -> &'static str {
        match self {
            Size::Xs => "XS",
            Size::S => "S",
            Size::L => "L",
            Size::Xl => "XL",
        }
    }

    /// Reads `XS`, `S`, `L` or `XL` (any case).
    pub fn parse(text: &str) -> Option<Size> {
        match text.to_ascii_uppercase().as_str() {
            "XS" => Some(Size::Xs),
            "S" => Some(Size::S),
            "L" => Some(Size::L),
            "XL" => Some(Size::Xl),
            _ => None,
        }
    }
}

/// What a generation wrote.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// The size generated.
    pub size: &'static str,
    /// The seed.
    pub seed: u64,
    /// Entities written.
    pub entities: usize,
    /// Relations written.
    pub relations: usize,
    /// Source documents written.
    pub documents: usize,
    /// Bytes of `relations.json`.
    pub relations_bytes: u64,
    /// How relations spread over entities.
    pub degrees: Degrees,
}

/// Writes the graph of `size` and `seed` into the existing, empty folder `dir`.
pub fn generate(size: Size, seed: u64, dir: &Path) -> io::Result<Summary> {
    let root = Rng::new(seed);
    let mut population = entities::generate(&mut root.fork(1), size.entities());
    let endpoints = endpoints::Endpoints::new(&population.entities, &population.weights);
    std::fs::create_dir_all(dir.join(SOURCES_DIR))?;
    let mut documents = documents::Documents::new(&dir.join(SOURCES_DIR));
    let mut draw = relations::Draw {
        entities: &population.entities,
        endpoints: &endpoints,
        documents: &mut documents,
    };
    let mut rng = root.fork(2);
    let mut ends = Vec::with_capacity(size.relations());
    // Lifetime sides a relation would outlive (a check error), to drop once all are drawn.
    let mut unbounded = Vec::new();
    let mut out = JsonLines::create(&dir.join(actorgraph::load::RELATIONS_FILE))?;
    for n in 0..size.relations() {
        let generated = draw.relation(&mut rng, n)?;
        ends.push((generated.source as u32, generated.target as u32));
        let bounds = actorgraph::Bounds::of(&generated.relation);
        for e in [generated.source, generated.target] {
            if let Some(lifetime) = &population.entities[e].lifetime {
                let before = lifetime
                    .start
                    .is_some_and(|s| bounds.start_last < s.earliest());
                let after = lifetime.end.is_some_and(|d| bounds.end_first > d.latest());
                if before || after {
                    unbounded.push((e, before, after));
                }
            }
        }
        out.push(&generated.relation)?;
    }
    out.finish()?;
    for (e, before, after) in unbounded {
        if let Some(lifetime) = &mut population.entities[e].lifetime {
            if before {
                lifetime.start = None;
            }
            if after {
                lifetime.end = None;
            }
        }
    }
    let sources = documents.finish()?;
    let mut out = JsonLines::create(&dir.join(actorgraph::load::SOURCES_FILE))?;
    sources.iter().try_for_each(|s| out.push(s))?;
    out.finish()?;
    let mut out = JsonLines::create(&dir.join(actorgraph::load::ENTITIES_FILE))?;
    population.entities.iter().try_for_each(|e| out.push(e))?;
    out.finish()?;
    let (workload, degrees) = Workload::draw(&mut root.fork(3), &population.entities, &ends);
    let queries = serde_json::to_vec(&workload).map_err(io::Error::other)?;
    std::fs::write(dir.join(QUERIES_FILE), queries)?;
    Ok(Summary {
        size: size.name(),
        seed,
        entities: population.entities.len(),
        relations: ends.len(),
        documents: sources.len(),
        relations_bytes: std::fs::metadata(dir.join(actorgraph::load::RELATIONS_FILE))?.len(),
        degrees,
    })
}

/// A JSON array written one element per line.
struct JsonLines {
    out: BufWriter<File>,
    first: bool,
}

impl JsonLines {
    fn create(path: &Path) -> io::Result<JsonLines> {
        let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
        out.write_all(b"[")?;
        Ok(JsonLines { out, first: true })
    }

    fn push(&mut self, value: &impl Serialize) -> io::Result<()> {
        let separator: &[u8] = if self.first { b"\n" } else { b",\n" };
        self.first = false;
        self.out.write_all(separator)?;
        serde_json::to_writer(&mut self.out, value).map_err(io::Error::other)
    }

    fn finish(mut self) -> io::Result<()> {
        self.out.write_all(b"\n]\n")?;
        self.out.flush()
    }
}
