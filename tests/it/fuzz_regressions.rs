//! The fuzz targets' checks (`tests/fuzz_checks/`), run in the normal test suite over every
//! crash input the fuzzers found (`fuzz/regressions/<target>/`) and over their corpus
//! (`fuzz/corpus/<target>/`, minimised with `cargo fuzz cmin`). A corpus larger than
//! [`CORPUS_SAMPLE`] files is sampled evenly (by sorted name), so the run stays short; the
//! regressions always run whole. See BAD-INPUTS.md, "Fuzzing".

use crate::fuzz_checks;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// The most corpus files run per target.
const CORPUS_SAMPLE: usize = 500;

/// The files of `fuzz/<kind>/<target>/`, sorted by name (none when the folder does not exist).
fn files(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind)
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// At most `n` of `files`, evenly spread.
fn sample(files: Vec<PathBuf>, n: usize) -> Vec<PathBuf> {
    if files.len() <= n {
        return files;
    }
    let step = files.len().div_ceil(n);
    files.into_iter().step_by(step).collect()
}

/// Runs `check` on every regression input of `target` and a sample of its corpus; fails with
/// the names of the files whose check panicked.
fn run(target: &str, check: fn(&[u8])) {
    let regressions = files("regressions", target);
    let corpus = sample(files("corpus", target), CORPUS_SAMPLE);
    assert!(!corpus.is_empty(), "no corpus for {target}");
    let mut failed = Vec::new();
    for path in regressions.iter().chain(&corpus) {
        let data = std::fs::read(path).expect("a readable fuzz input");
        if catch_unwind(AssertUnwindSafe(|| check(&data))).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(failed.is_empty(), "{target} fails on: {failed:#?}");
}

#[test]
fn loader() {
    run("loader", fuzz_checks::loader);
}

#[test]
fn date() {
    run("date", fuzz_checks::date);
}

#[test]
fn names() {
    run("names", fuzz_checks::names);
}

#[test]
fn dot() {
    run("dot", fuzz_checks::dot);
}

#[test]
fn writers() {
    run("writers", fuzz_checks::writers);
}

#[test]
fn cite() {
    run("cite", fuzz_checks::cite);
}

#[test]
fn import() {
    run("import", fuzz_checks::import_table);
}

#[test]
fn extract() {
    run("extract", fuzz_checks::extract);
}
