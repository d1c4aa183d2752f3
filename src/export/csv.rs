//! (in progress)

use std::io::{self, Write};

use crate::graph::Graph;
use crate::query::Snapshot;

/// The files of this export.
pub const PARTS: &[&str] = &["nodes.csv"];

/// Writes one part of the selection (in progress: not yet implemented).
pub fn write(
    _part: &str,
    _graph: &Graph,
    _selection: &Snapshot,
    _out: &mut dyn Write,
) -> io::Result<()> {
    Err(io::Error::other("csv export is not implemented yet"))
}
