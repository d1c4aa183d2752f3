//! (in progress)

use std::io::{self, Write};

use super::Options;
use crate::graph::Graph;
use crate::query::Snapshot;

/// Writes the selection as DOT (in progress: not yet implemented).
pub fn write(
    _graph: &Graph,
    _selection: &Snapshot,
    _options: &Options,
    _out: &mut dyn Write,
) -> io::Result<()> {
    Err(io::Error::other("dot export is not implemented yet"))
}
