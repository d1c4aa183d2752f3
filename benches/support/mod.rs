//! What every benchmark binary shares: its settings (size, seed, quick mode) and the data
//! folder they name, and the statistics it reports.

use std::path::PathBuf;
use std::time::Duration;

use crate::generate::{self, Size};

/// How a benchmark run was asked for.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The graph size: `--size XS|S|L|XL`, else `ACTORGRAPH_BENCH_SIZE`, else S.
    pub size: Size,
    /// `ACTORGRAPH_BENCH_SEED`, else the default seed.
    pub seed: u64,
    /// Quick mode: `ACTORGRAPH_BENCH_QUICK=1`, or `--test`/`--quick` as criterion takes them.
    /// Every benchmark runs, briefly; CI uses it to keep the suite compiling and working.
    pub quick: bool,
    /// `--json`: print machine-readable results.
    pub json: bool,
}

impl Settings {
    /// Settings from the environment and the command line (other arguments are ignored, so
    /// criterion's and cargo's own pass through).
    pub fn from_env() -> Settings {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let flag = |name: &str| args.iter().any(|a| a == name);
        let value = |name: &str| {
            args.iter()
                .position(|a| a == name)
                .and_then(|i| args.get(i + 1).cloned())
        };
        let size = value("--size")
            .or_else(|| std::env::var("ACTORGRAPH_BENCH_SIZE").ok())
            .map(|s| {
                Size::parse(&s).unwrap_or_else(|| panic!("unknown size {s:?}: use XS, S, L or XL"))
            })
            .unwrap_or(Size::S);
        let seed = std::env::var("ACTORGRAPH_BENCH_SEED")
            .ok()
            .map(|s| {
                s.parse()
                    .unwrap_or_else(|_| panic!("ACTORGRAPH_BENCH_SEED={s:?} is not a number"))
            })
            .unwrap_or(generate::DEFAULT_SEED);
        let quick = flag("--test")
            || flag("--quick")
            || std::env::var("ACTORGRAPH_BENCH_QUICK").is_ok_and(|v| !v.is_empty() && v != "0");
        Settings {
            size,
            seed,
            quick,
            json: flag("--json"),
        }
    }

    /// The generated graph folder of these settings, generated first if missing (a note on
    /// stderr says so and how long it took).
    pub fn data(&self) -> PathBuf {
        let started = std::time::Instant::now();
        let (dir, generated) = generate::cache::ensure(self.size, self.seed)
            .unwrap_or_else(|e| panic!("cannot generate the {} graph: {e}", self.size.name()));
        if let Some(summary) = generated {
            eprintln!(
                "generated {} ({} entities, {} relations, largest degree {}) in {:.1} s into {}",
                summary.size,
                summary.entities,
                summary.relations,
                summary.degrees.max,
                started.elapsed().as_secs_f64(),
                dir.display()
            );
        }
        dir
    }
}

/// Median, mean and spread of per-call times.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Stats {
    /// Calls timed.
    pub calls: usize,
    /// Median, in seconds.
    pub median: f64,
    /// Mean, in seconds.
    pub mean: f64,
    /// 90th percentile, in seconds.
    pub p90: f64,
    /// Slowest call, in seconds.
    pub max: f64,
}

impl Stats {
    /// The statistics of `times` (not empty).
    pub fn of(times: &[Duration]) -> Stats {
        let mut seconds: Vec<f64> = times.iter().map(Duration::as_secs_f64).collect();
        seconds.sort_by(f64::total_cmp);
        let n = seconds.len();
        let median = if n % 2 == 1 {
            seconds[n / 2]
        } else {
            (seconds[n / 2 - 1] + seconds[n / 2]) / 2.0
        };
        Stats {
            calls: n,
            median,
            mean: seconds.iter().sum::<f64>() / n as f64,
            p90: seconds[(n * 9 / 10).min(n - 1)],
            max: seconds[n - 1],
        }
    }
}
