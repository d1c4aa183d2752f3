//! actorgraph: a knowledge graph of conflict actors and the dated relations between them.
//!
//! Actors (armed movements, states, coalitions, people, towns, …) are the nodes of a
//! [`Graph`]; relations (alliance, conflict, control of a town, recognition, ceasefire, …) are
//! its edges, each dated at exactly the precision its source gives — a year, a month, a day,
//! or bounds on one ([`UncertainDate`]) — and backed by evidence spans in the source texts.
//! Every answer about time says how surely it holds ([`Certainty`]): certainly, under every
//! reading of the dates, or possibly.
//!
//! The pieces, in the order a program uses them: [`load`] reads and validates a graph folder
//! (or the built-in Azawad graph) into a [`Graph`], whose topology is a petgraph graph;
//! [`names`] resolves what a user types, in Arabic, French or English, to an entity;
//! [`query`] answers the questions (neighbours on a date, relations, paths, snapshots, diffs,
//! ego networks); [`network`] measures the network on a date (blocs, centrality, structural
//! balance); [`export`] writes DOT and the exchange formats; [`edit`], [`import`], [`cite`]
//! and [`extract`] grow a graph from sources.
//!
//! ```
//! use actorgraph::load::{GraphFiles, load};
//! use actorgraph::query::{self, ALLY_KINDS, Certainty, Filter};
//! use actorgraph::PartialDate;
//!
//! // The built-in graph: the Azawad conflict in northern Mali, 2012–2014.
//! let graph = load(&GraphFiles::builtin()).unwrap();
//! // Any spelling the sources use: "MNLA", "الحركة الوطنية لتحرير أزواد", …
//! let mnla = graph.resolve("MNLA").unwrap();
//! let may_2012 = "2012-05".parse::<PartialDate>().unwrap().period();
//! let filter = Filter::during(may_2012).with_kinds(&ALLY_KINDS);
//! let allies: Vec<&str> = query::neighbors(&graph, mnla, &filter)
//!     .iter()
//!     .map(|n| graph.entity(n.entity).id.as_str())
//!     .collect();
//! assert!(allies.contains(&"islamists"));
//! // Each answer says how surely it holds in May 2012: the alliance with the Islamists
//! // began on or before 27 June 2012, so it only possibly held then.
//! let with_islamists = query::neighbors(&graph, mnla, &filter)
//!     .into_iter()
//!     .find(|n| graph.entity(n.entity).id.as_str() == "islamists")
//!     .unwrap();
//! assert_eq!(with_islamists.certainty, Some(Certainty::Possible));
//! ```
#![warn(missing_docs)]
pub mod atomic;
pub mod cache;
pub mod cite;
pub mod coverage;
pub mod edit;
mod entity_lists;
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

pub mod query;
pub mod schema;
pub mod text;
pub mod view;

pub use graph::{EntityIx, Graph, RelationIx};
pub use model::*;
