//! The properties the fuzz targets of `fuzz/` check: one function per target, taking the raw
//! fuzz input and panicking when a property does not hold.
//!
//! The same code runs in two places: each cargo-fuzz target (`fuzz/fuzz_targets/*.rs`) includes
//! this module with `#[path]` and calls its function, and `tests/it/fuzz_regressions.rs` runs every
//! function over the kept corpus and every crash input found, in the normal test suite. Inputs
//! are decoded here (text as its longest valid UTF-8 prefix, graphs with `arbitrary`), so a file
//! means the same to both.
//!
//! | target | input | property |
//! |---|---|---|
//! | [`loader`] | three graph files split at `0xFF` bytes, and the whole input as a node-link document | no panic; a graph exactly when no error, with the counts reported; problems sorted and located in their file; a graph round-trips through the node-link export |
//! | [`date`] | text | no panic; a date prints back as the text it was read from, parses back to itself, covers `first_day ≤ last_day`, and serde reads what `FromStr` reads; errors quote the text |
//! | [`names`] | text | `normalize` idempotent, single-spaced and without combining marks; `key` and name resolution against the built-in graph never panic, and see the text as its normal form does |
//! | [`dot`] | a small arbitrary graph, loaded | the DOT parses back with graphviz-rust, with exactly the graph's nodes and edges, each label the visible text of the name |
//! | [`cite`] | a document and a phrase, split at the first `0xFF` byte | no panic; spans inside the document, on character boundaries, in order, not overlapping, each holding the phrase's normal form; a document is found in itself |
//! | [`import_table`] | a CSV table, after the header its first byte chooses (UCDP, ACLED, a mapping's) | no panic; problems located in the table; each relation cites one of its rows by that row's span; a result that validates loads back |
//! | [`extract`] | a language byte, an anchor byte, then text | no panic on any bytes; every span of every candidate in range, on character boundaries and inside its sentence; confidence in 0–1; each new actor listed with a span that quotes it |
//! | [`writers`] | a small arbitrary graph, loaded | GraphML and GEXF are well-formed XML holding the graph's text; Turtle parses with oxttl with the same entities, labels and texts; node-link JSON loads back to the same graph |

mod cite;
mod date;
mod dot;
mod extract;
mod graph;
mod import;
mod loader;
mod names;
mod scratch;
mod writers;

pub use cite::cite;
pub use date::date;
pub use dot::dot;
pub use extract::extract;
pub use import::import_table;
pub use loader::loader;
pub use names::names;
pub use writers::writers;

/// The longest valid UTF-8 prefix of `data`: how the text targets read their input.
fn utf8_prefix(data: &[u8]) -> &str {
    match std::str::from_utf8(data) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&data[..e.valid_up_to()]).unwrap_or_default(),
    }
}
