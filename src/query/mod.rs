//! Questions over time: which relations hold when, neighbours, timelines, paths, snapshots
//! and diffs.

mod certainty;

pub use certainty::{Bounds, Certainty, during};
