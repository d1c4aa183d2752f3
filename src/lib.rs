//! actorgraph: a knowledge graph of conflict actors and the dated relations between them.
pub mod atomic;
pub mod cache;
pub mod cite;
pub mod coverage;
pub mod edit;
pub mod export;
pub mod extract;
pub mod graph;
pub mod i18n;
mod id_table;
pub mod import;
pub mod load;
pub mod model;
pub mod names;
pub mod network;

pub use graph::{EntityIx, Graph, RelationIx};
pub use model::*;
pub mod query;
pub mod schema;
pub mod text;
pub mod view;
