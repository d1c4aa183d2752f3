//! The data model: entities, relations, partial and uncertain dates, sources and evidence.
//!
//! Types here hold data and its invariants only; loading and validation live in
//! [`crate::load`].

mod certainty;
mod date;
mod entity;
mod id;
mod relation;
mod relation_kind;
pub(crate) mod shared_text;
mod source;
mod uncertain_date;

pub use certainty::{Bounds, Certainty};
pub use date::{DateError, Day, PartialDate, Period, PeriodError, Precision};
pub use entity::{Entity, EntityKind, Lifetime, Names, UnknownEntityKind, display_name};
pub use id::{EntityId, NotASlug, RelationId, is_slug};
pub use relation::{Casualties, DateWords, Outcome, Relation, Status};
pub use relation_kind::{Endpoint, RelationKind, UnknownKind};
pub use source::{Evidence, Source, SourceKind};
pub use uncertain_date::{Human, UncertainDate, UncertainDateError};

/// The rarely filled lists of a relation (`claimed_by`, `disputed_by`, `casualties`) are
/// [`thin_vec::ThinVec`]s: one word when empty, as most are, where a boxed slice takes two.
/// This gives one a heap block of exactly `items`' length (a `ThinVec` grown by pushing
/// starts at room for four).
pub(crate) fn exact<T>(items: Vec<T>) -> thin_vec::ThinVec<T> {
    items.into_iter().collect()
}
