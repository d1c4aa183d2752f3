//! `import csv --map ucdp` of a generated 100,000-row table shaped like the UCDP GED codebook:
//! reading the CSV (rows with their byte spans), matching 2,000 actors written in spelling
//! variants, building the relations, validating the whole graph as `check` does and laying out
//! the three files — everything the command does but the writes.
//!
//! ```sh
//! cargo bench --bench import              # criterion, rows per second
//! cargo bench --bench import -- --test    # once (what CI runs)
//! ```
#![allow(clippy::disallowed_macros)] // a benchmark reports on the console

use std::fmt::Write as _;
use std::time::Duration;

use actorgraph::edit::{Elements, change};
use actorgraph::import::{Mapping, Table, import};
use actorgraph::load::{GraphFiles, Layout, load};
use criterion::{Criterion, Throughput};

/// Rows in the generated table.
const ROWS: usize = 100_000;
/// Distinct actors.
const ACTORS: usize = 2_000;

/// SplitMix64, as `benches/generate/rng.rs`: the table depends on nothing but the seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (((z ^ (z >> 31)) as u128 * u128::from(n)) >> 64) as u64
    }
}

/// A UCDP GED table (its 49 columns) of `rows` events between `ACTORS` actors, each written
/// one of three ways (as named, upper case, lower case), with every `date_prec`, quoted
/// fields holding commas, and deaths.
fn table(rows: usize) -> String {
    const COLUMNS: &str = "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob";
    let mut rng = Rng(2024);
    let mut out = String::with_capacity(rows * 330);
    out.push_str(COLUMNS);
    out.push('\n');
    let name = |i: u64, style: u64| {
        let base = format!("Armed Group {i} of the Sahel");
        match style {
            0 => base,
            1 => base.to_uppercase(),
            _ => base.to_lowercase(),
        }
    };
    for id in 0..rows {
        let a = rng.below(ACTORS as u64);
        let b = (a + 1 + rng.below(ACTORS as u64 - 1)) % ACTORS as u64;
        let violence = 2 + rng.below(2);
        let (side_a, side_b) = (
            name(a, rng.below(3)),
            if violence == 3 {
                "Civilians".to_owned()
            } else {
                name(b, rng.below(3))
            },
        );
        let prec = 1 + rng.below(5);
        let (year, month, day) = (1990 + rng.below(34), 1 + rng.below(12), 1 + rng.below(28));
        let start = format!("{year}-{month:02}-{day:02}");
        let end = match prec {
            1 => start.clone(),
            2 | 3 => format!("{year}-{month:02}-{:02}", day.min(22) + 6),
            4 => format!("{year}-{month:02}-28"),
            _ => format!("{year}-12-31"),
        };
        let best = rng.below(50);
        let _ = writeln!(
            out,
            "{id},REL-{id},{year},1,Clear,{violence},,,\"Sahel: conflict, {a}\",,,{side_a} - {side_b},,,{side_a},,,{side_b},2,\"Agency, {year}; Wire, {year}\",,,,,1,Town {a},\"Town {a}, district {b}\",Region,,16.2,-0.04,POINT (-0.04 16.2),150120,Mali,432,Africa,1,{prec},{start},{end},0,0,0,{best},{best},{},{},432,",
            best + rng.below(10),
            best.saturating_sub(rng.below(5))
        );
    }
    out
}

fn main() {
    let quick = std::env::args().any(|a| a == "--test");
    let text = table(ROWS);
    let empty = GraphFiles {
        origin: "bench".to_owned(),
        layout: Layout::Folder,
        entities: Vec::new().into(),
        relations: Vec::new().into(),
        sources: Vec::new().into(),
    };
    let graph = load(&Elements::default().files("bench")).expect("an empty graph loads");
    let run = || {
        let mut problems = Vec::new();
        let table = Table::parse("ged.csv", text.as_bytes(), &mut problems).expect("a table");
        let imported = import(&graph, &Elements::default(), &table, &Mapping::Ucdp);
        assert!(problems.is_empty() && imported.problems.is_empty());
        assert_eq!(imported.relations, ROWS);
        change(&empty, &imported.elements, None, false).expect("the import validates")
    };
    // Once, untimed by criterion: where the time goes, and how big the table and files are.
    let clock = std::time::Instant::now();
    let mut problems = Vec::new();
    let parsed = Table::parse("ged.csv", text.as_bytes(), &mut problems).expect("a table");
    let read = clock.elapsed();
    let imported = import(&graph, &Elements::default(), &parsed, &Mapping::Ucdp);
    let matched = clock.elapsed() - read;
    let files = imported.elements.files("bench");
    let laid_out = clock.elapsed() - read - matched;
    let report = actorgraph::load::check(&files, None);
    let validated = clock.elapsed() - read - matched - laid_out;
    assert!(report.graph.is_some());
    let json = files.entities.len() + files.relations.len() + files.sources.len();
    println!(
        "table {:.1} MB, {} entities; read {read:.2?}, rows to relations {matched:.2?}, layout of {:.1} MB {laid_out:.2?}, check {validated:.2?}",
        text.len() as f64 / 1e6,
        imported.elements.entities.len(),
        json as f64 / 1e6
    );
    drop((parsed, imported, files, report));
    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(if quick { 1 } else { 500 }))
        .measurement_time(Duration::from_secs(if quick { 1 } else { 60 }))
        .configure_from_args();
    let mut group = criterion.benchmark_group("import");
    group.throughput(Throughput::Elements(ROWS as u64));
    group.bench_function("ucdp_100k_rows", |b| b.iter_with_large_drop(run));
    group.finish();
    criterion.final_summary();
}
