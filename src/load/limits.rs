//! The limits the loader enforces, so that no input can exhaust memory or time. Each one, when
//! exceeded, is an error that names it.

/// The largest graph file read (entities, relations or sources, or a node-link document):
/// 8 GiB. A million relations take about 0.35 GB of JSON, ten million (size XL of the
/// benchmarks, a decade of global event data) 3.5 GB; the file is held in memory while it is
/// parsed, so the limit stays at about twice that, a third of a 24 GiB machine.
pub const MAX_FILE_BYTES: u64 = 8 << 30;

/// The most entities, relations or sources one graph may hold: 20 million each (ten million
/// relations load in about 7 GB of memory; indexes are 32-bit).
pub const MAX_ELEMENTS: usize = 20_000_000;

/// The deepest JSON nesting accepted: serde_json's recursion limit, 128 levels (the format
/// itself needs 4).
pub const MAX_DEPTH: usize = 128;

/// The longest id, name, alias, event name or document name: 1,000 characters.
pub const MAX_NAME_CHARS: usize = 1_000;

/// The longest description, summary or casualty description: 64 KiB.
pub const MAX_TEXT_BYTES: usize = 64 << 10;

/// The longest evidence span: 64 KiB of the source document.
pub const MAX_SPAN_BYTES: u64 = 64 << 10;
