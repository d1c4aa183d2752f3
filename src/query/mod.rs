//! Questions over time: which relations hold when, neighbours, paths, snapshots and diffs.
//!
//! Every query takes a [`Filter`] (kinds, statuses, a day or period, certain only) and
//! answers with relation indexes sorted by start date then id, each with its [`Certainty`]
//! when a period was given. Timelines are [`relations`] of one actor or a pair without a
//! period.

mod ego;
mod filter;
mod neighbors;
mod parts;
mod path;
mod select;
mod snapshot;

/// How surely an answer holds: defined in the model with the date bounds it is computed from.
pub use crate::model::Certainty;
pub use ego::ego;
pub use filter::{Admitted, Filter, Traits};
pub use neighbors::{ALLY_KINDS, ENEMY_KINDS, Neighbor, neighbors};
pub(crate) use neighbors::{counts, sides};
pub use parts::{parts, with_parts};
pub use path::{Links, MAX_PATH_WORK, Path, Paths, shortest_paths};
pub use select::{Found, relations};
pub use snapshot::{Change, Diff, Snapshot, Standing, diff, snapshot};
