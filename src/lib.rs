//! actorgraph: a knowledge graph of conflict actors and the dated relations between them.
pub mod model;

pub use model::*;
pub mod names;
