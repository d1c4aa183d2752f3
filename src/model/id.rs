//! Identifiers: the slugs that name entities and relations (`mnla`, `islamists-control-gao`).
//!
//! [`EntityId`] and [`RelationId`] are distinct types, so a relation's id can never be looked
//! up among entities. Both hold their text privately: one built in code goes through
//! [`EntityId::new`] / [`RelationId::new`], which refuse anything that is not a slug. One read
//! from a data file is taken as written and checked by the loader ([`crate::load`]), which
//! reports a bad id with its file, line and column rather than failing the whole file.

use std::fmt;

use arcstr::ArcStr;
use smol_str::SmolStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// True when `id` is a slug: lowercase ASCII letters and digits joined by single hyphens
/// (`ansar-dine`), the form of every id.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Text that is not a slug, given where an id was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not an id: ids are lowercase ASCII letters and digits joined by single hyphens (ansar-dine)"
)]
pub struct NotASlug(pub String);

macro_rules! slug_id {
    ($(#[$doc:meta])* $name:ident($inner:ty)) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
        )]
        #[serde(transparent)]
        pub struct $name(#[schemars(with = "String")] $inner);

        impl $name {
            /// The id `text`, if it is a slug.
            pub fn new(text: &str) -> Result<$name, NotASlug> {
                if is_slug(text) {
                    Ok($name(<$inner>::from(text)))
                } else {
                    Err(NotASlug(text.to_owned()))
                }
            }

            /// The id of a slug made by code that only makes slugs ([`crate::edit::slug`]).
            pub(crate) fn from_slug(slug: String) -> $name {
                debug_assert!(is_slug(&slug), "{slug:?} is not a slug");
                $name(slug.into())
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

// An entity id is shared text, one pointer with the length beside the count on the heap:
// 8 bytes where `Arc<str>` takes 16, in every relation two to four times.
slug_id!(
    /// The slug that identifies an entity (`mnla`, `ansar-dine`, `gao`).
    ///
    /// Shared text: every relation that names an entity holds the entity's own id (the graph
    /// makes it so), so a million relations do not hold two million copies of their ends' ids.
    EntityId(ArcStr)
);

impl EntityId {
    /// An id over text already shared or known to come from validated data (a checked
    /// cache, a parsed data file the loader validates next).
    pub(crate) fn from_shared(text: ArcStr) -> EntityId {
        EntityId(text)
    }

    /// The shared text of the id.
    pub(crate) fn shared(&self) -> &ArcStr {
        &self.0
    }

    /// Where the id's text lies: two ids have the same address exactly when they share one
    /// allocation, and so the same text (an `ArcStr`'s text starts past its own counts, so
    /// not even an empty one can lie where another's starts). It is the pointer the id
    /// holds, moved past the counts: the length, which lies on the heap, is not needed.
    pub(crate) fn address(&self) -> usize {
        self.0.as_ptr() as usize
    }
}

// Each relation has its own id, so nothing is gained by sharing it: an id of up to 23 bytes,
// as most are, lies within the id's 24 bytes, with no heap block of its own (a longer one is
// shared text).
slug_id!(
    /// The slug that identifies a relation (`islamists-control-gao`).
    RelationId(SmolStr)
);

impl RelationId {
    /// An id over text known to come from validated data (a checked cache).
    pub(crate) fn from_checked(text: &str) -> RelationId {
        RelationId(SmolStr::new(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_joined_by_single_hyphens() {
        assert!(is_slug("ansar-dine"));
        assert!(is_slug("g5"));
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "é", "a_b"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn only_slugs_make_ids() {
        assert_eq!(EntityId::new("mnla").unwrap().as_str(), "mnla");
        let err = RelationId::new("MNLA Gao").unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"MNLA Gao\" is not an id: ids are lowercase ASCII letters and digits joined by single hyphens (ansar-dine)"
        );
    }

    #[test]
    fn an_address_is_one_allocation() {
        let mnla = EntityId::new("mnla").unwrap();
        assert_eq!(mnla.address(), mnla.clone().address());
        assert_eq!(mnla.address(), mnla.as_str().as_ptr() as usize);
        let again = EntityId::new("mnla").unwrap();
        assert_eq!(mnla, again);
        assert_ne!(
            mnla.address(),
            again.address(),
            "equal text, another allocation"
        );
        // An empty text (never a valid id, but parsed as written) lies where no other does.
        let empty = EntityId::from_shared(ArcStr::from(""));
        assert_ne!(empty.address(), mnla.address());
    }

    #[test]
    fn short_relation_ids_and_long_ones_are_the_same_text() {
        let long = "a-relation-id-longer-than-twenty-three-bytes";
        for text in ["a", "twenty-three-bytes-long", long] {
            let id = RelationId::from_checked(text);
            assert_eq!(id.as_str(), text);
            assert_eq!(id, RelationId::new(text).unwrap());
            assert_eq!(id.clone().as_str(), text);
        }
    }
}
