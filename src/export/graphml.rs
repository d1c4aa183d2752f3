//! (in progress)

use std::io::{self, Write};

use crate::graph::Graph;
use crate::query::Snapshot;

/// Writes the selection (in progress: not yet implemented).
pub fn write(_graph: &Graph, _selection: &Snapshot, _out: &mut dyn Write) -> io::Result<()> {
    Err(io::Error::other("graphml export is not implemented yet"))
}
