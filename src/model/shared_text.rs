//! Short texts that recur across a data file, parsed into one shared allocation each: the
//! entity ids that relations name (two or more per relation) and the documents that evidence
//! spans cite. A million relations otherwise allocate three million small strings, only for
//! the graph to replace them with the entities' own ids ([`crate::Graph`] shares them).
//!
//! Each parsing thread keeps the texts it has seen, first those it was given ([`seed`]: the
//! loader gives the entities' ids before it parses the relations, so that a relation's ends
//! are the very text of its entities' ids, which validation then looks up without reading
//! a second copy); [`forget`] empties every thread's set once a load is done. Sharing never
//! changes a value: two `ArcStr`s of the same text are equal wherever they were allocated,
//! so a text shared between two graphs is still right in both.

use std::cell::RefCell;
use std::fmt;

use arcstr::ArcStr;
use foldhash::HashSet;
use serde::Deserializer;
use serde::de::{self, SeqAccess, Visitor};
use thin_vec::ThinVec;

use super::EntityId;
use super::thin_list::ThinList;

/// Texts longer than this are not kept (ids and document names are short).
const MAX_KEPT_LEN: usize = 256;
/// At most this many texts are kept per thread besides those seeded; past it, texts are
/// allocated as usual.
const MAX_KEPT: usize = 1 << 18;

/// The texts one thread keeps.
#[derive(Default)]
struct Kept {
    texts: HashSet<ArcStr>,
    /// How many of `texts` were seen rather than seeded.
    seen: usize,
}

thread_local! {
    static SEEN: RefCell<Kept> = RefCell::default();
}

/// The shared allocation of `text`.
pub fn share(text: &str) -> ArcStr {
    if text.len() > MAX_KEPT_LEN {
        return ArcStr::from(text);
    }
    SEEN.with_borrow_mut(|kept| {
        if let Some(text) = kept.texts.get(text) {
            return text.clone();
        }
        let fresh: ArcStr = ArcStr::from(text);
        if kept.seen < MAX_KEPT {
            kept.texts.insert(fresh.clone());
            kept.seen += 1;
        }
        fresh
    })
}

/// Gives every thread of the global rayon pool and the calling thread `texts` (the
/// entities' ids), which [`share`] then answers with, whatever their number.
pub fn seed(texts: &[&ArcStr]) {
    let give = || {
        SEEN.with_borrow_mut(|kept| {
            kept.texts.reserve(texts.len());
            kept.texts.extend(texts.iter().map(|&t| t.clone()));
        });
    };
    rayon::broadcast(|_| give());
    give();
}

/// Empties the set of every thread of the global rayon pool and of the calling thread.
pub fn forget() {
    let clear = || SEEN.with_borrow_mut(|kept| *kept = Kept::default());
    rayon::broadcast(|_| clear());
    clear();
}

/// A string, shared.
struct SharedStr;

impl Visitor<'_> for SharedStr {
    type Value = ArcStr;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<ArcStr, E> {
        Ok(share(text))
    }
}

/// Deserialises a string into its shared allocation (`#[serde(deserialize_with)]`).
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<ArcStr, D::Error> {
    d.deserialize_str(SharedStr)
}

/// Deserialises an entity id, shared.
pub fn id<'de, D: Deserializer<'de>>(d: D) -> Result<EntityId, D::Error> {
    text(d).map(EntityId::from_shared)
}

/// Deserialises an optional entity id, shared.
pub fn opt_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<EntityId>, D::Error> {
    struct OptId;
    impl<'de> Visitor<'de> for OptId {
        type Value = Option<EntityId>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an entity id or null")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            id(d).map(Some)
        }
    }
    d.deserialize_option(OptId)
}

/// Deserialises a list of entity ids, each shared.
pub fn ids<'de, D: Deserializer<'de>>(d: D) -> Result<ThinVec<EntityId>, D::Error> {
    struct Ids;
    impl<'de> Visitor<'de> for Ids {
        type Value = ThinVec<EntityId>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a sequence")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = ThinList::new();
            while let Some(text) = seq.next_element_seed(SharedSeed)? {
                out.push(EntityId::from_shared(text));
            }
            Ok(out.done())
        }
    }
    d.deserialize_seq(Ids)
}

/// A shared string as a sequence element.
struct SharedSeed;

impl<'de> de::DeserializeSeed<'de> for SharedSeed {
    type Value = ArcStr;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<ArcStr, D::Error> {
        text(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_share_one_allocation_until_forgotten() {
        let (a, b) = (share("mnla"), share("mnla"));
        assert!(ArcStr::ptr_eq(&a, &b));
        assert_ne!(&*share("gao"), &*a);
        forget();
        let c = share("mnla");
        assert_eq!(c, a, "equal text");
        assert!(!ArcStr::ptr_eq(&a, &c), "a new allocation after forget");
        let long = "x".repeat(MAX_KEPT_LEN + 1);
        assert!(!ArcStr::ptr_eq(&share(&long), &share(&long)));
        forget();
    }

    /// Seeded texts are answered with until forgotten, past the limit of kept texts. (On
    /// the calling thread only: the rayon pool is shared with tests that forget.)
    #[test]
    fn seeded_texts_are_the_ones_shared() {
        let ids: Vec<ArcStr> = ["seeded-a", "seeded-b"].map(ArcStr::from).into();
        seed(&ids.iter().collect::<Vec<_>>());
        assert!(ArcStr::ptr_eq(&share("seeded-a"), &ids[0]));
        assert!(ArcStr::ptr_eq(&share("seeded-b"), &ids[1]));
        forget();
        assert!(!ArcStr::ptr_eq(&share("seeded-a"), &ids[0]));
        forget();
    }

    #[test]
    fn lists_and_options_parse_as_plain_serde_would() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Refs {
            #[serde(default, deserialize_with = "opt_id")]
            place: Option<EntityId>,
            #[serde(default, deserialize_with = "ids")]
            claimed_by: ThinVec<EntityId>,
        }
        let parsed: Refs =
            serde_json::from_str(r#"{"place": "gao", "claimed_by": ["a", "b"]}"#).unwrap();
        assert_eq!(parsed.place, Some(EntityId::new("gao").unwrap()));
        assert_eq!(parsed.claimed_by.len(), 2);
        let empty: Refs = serde_json::from_str(r#"{"place": null}"#).unwrap();
        assert_eq!(empty.place, None);
        assert!(serde_json::from_str::<Refs>(r#"{"claimed_by": [1]}"#).is_err());
    }
}
