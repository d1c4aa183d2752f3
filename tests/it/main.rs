//! The integration tests, one binary (linked once) with a module per area: each drives the
//! real `actorgraph` binary or the library on fixtures (`tests/fixtures/`), the built-in graph
//! and the seed texts. Shared helpers live in `common`; the fuzz targets' checks in
//! `tests/fuzz_checks/`, shared with `fuzz/`. Snapshots (insta) are in `tests/it/snapshots/`.

mod common;
#[path = "../fuzz_checks/mod.rs"]
mod fuzz_checks;
#[allow(dead_code)] // The tests use only the generator's cache of graphs.
#[path = "../../benches/generate/mod.rs"]
mod generate;

mod answers;
mod bad_inputs;
mod cache;
mod charts;
mod check;
mod cite;
mod dated_cache;
mod dot;
mod engines;
mod errors;
mod exchange;
mod exports;
mod extract;
mod fuzz_regressions;
mod grams_cache;
mod grow;
mod habits;
mod html;
mod loader_never_panics;
mod properties;
mod queries;
mod roundtrip;
mod schema;
mod scoped_cache;
mod truth;
