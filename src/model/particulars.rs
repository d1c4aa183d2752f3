//! What few relations state: who claims or disputes them, where they happened, the event's
//! name and its tolls.
//!
//! Three relations in ten state any of it (the generated L graph: 29 %), so the five fields
//! share one heap block, and a relation that states none holds one null word for them, not
//! five (40 bytes): 32 bytes less in every [`Relation`](super::Relation), for a block of 48
//! (with glibc's header) in the few that need it.

use std::fmt;

use arcstr::ArcStr;
use thin_vec::ThinVec;

use super::{Casualties, EntityId};

/// The claimants, disputers, place, event name and tolls of a relation, in one heap block
/// when any is stated and none when none is.
///
/// Read them through the relation ([`claimed_by`](super::Relation::claimed_by),
/// [`place`](super::Relation::place), …) and set them there
/// ([`set_place`](super::Relation::set_place), …); a new relation starts with none
/// (`Particulars::default()`).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Particulars(Option<Box<Stated>>);

/// The particulars themselves; never all empty inside a [`Particulars`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Stated {
    /// Entities that make the claim.
    pub(crate) claimed_by: ThinVec<EntityId>,
    /// Entities that deny or dispute it.
    pub(crate) disputed_by: ThinVec<EntityId>,
    /// Where it happened.
    pub(crate) place: Option<EntityId>,
    /// The event's name.
    pub(crate) event: Option<ArcStr>,
    /// Tolls, one entry per group of victims.
    pub(crate) casualties: ThinVec<Casualties>,
}

impl Stated {
    /// True when nothing is stated.
    fn is_empty(&self) -> bool {
        self.claimed_by.is_empty()
            && self.disputed_by.is_empty()
            && self.place.is_none()
            && self.event.is_none()
            && self.casualties.is_empty()
    }
}

impl Particulars {
    /// The particulars of these values: no heap block when all are empty.
    pub(crate) fn new(stated: Stated) -> Particulars {
        Particulars((!stated.is_empty()).then(|| Box::new(stated)))
    }

    /// What is stated, if anything.
    pub(crate) fn stated(&self) -> Option<&Stated> {
        self.0.as_deref()
    }

    /// What is stated, to change in place without emptying it (the graph shares the ids it
    /// holds); [`Particulars::edit`] is the way to change what is stated.
    pub(crate) fn stated_mut(&mut self) -> Option<&mut Stated> {
        self.0.as_deref_mut()
    }

    /// Applies `change` to the particulars, then frees their block if nothing is left.
    pub(crate) fn edit(&mut self, change: impl FnOnce(&mut Stated)) {
        let mut stated = self.0.take().unwrap_or_default();
        change(&mut stated);
        if !stated.is_empty() {
            self.0 = Some(stated);
        }
    }
}

impl fmt::Debug for Particulars {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.stated() {
            Some(stated) => stated.fmt(f),
            None => f.write_str("Particulars(none)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_stated_takes_one_null_word() {
        assert_eq!(size_of::<Particulars>(), size_of::<usize>());
        assert_eq!(Particulars::new(Stated::default()), Particulars::default());
        assert!(Particulars::default().stated().is_none());
    }

    #[test]
    fn an_edit_that_empties_them_frees_the_block() {
        let mut p = Particulars::default();
        p.edit(|s| s.place = Some(EntityId::new("gao").unwrap()));
        assert_eq!(
            p.stated()
                .and_then(|s| s.place.as_ref())
                .map(|p| p.as_str()),
            Some("gao")
        );
        p.edit(|s| s.place = None);
        assert_eq!(p, Particulars::default());
    }
}
