//! The data model: entities, relations, partial and uncertain dates, sources and evidence.
//!
//! Types here hold data and its invariants only; loading and validation live in
//! [`crate::load`].

mod account;
mod certainty;
mod date;
mod entity;
mod id;
mod particulars;
mod relation;
mod relation_kind;
pub(crate) mod shared_text;
mod source;
mod thin_list;
mod uncertain_date;

pub use account::Account;
pub use certainty::{Bounds, Certainty};
pub use date::{DateError, Day, PartialDate, Period, PeriodError, Precision};
pub use entity::{Entity, EntityKind, Lifetime, Names, UnknownEntityKind, display_name};
pub use id::{EntityId, NotASlug, RelationId, is_slug};
pub use particulars::Particulars;
pub(crate) use particulars::Stated;
pub use relation::{Casualties, DateWords, Outcome, Relation, Status};
pub use relation_kind::{Endpoint, RelationKind, UnknownKind};
pub use source::{Evidence, Source, SourceKind, SpanOutOfRange};
pub use uncertain_date::{Human, UncertainDate, UncertainDateError};
