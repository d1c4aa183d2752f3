//! The rarely filled lists of a relation (`claimed_by`, `disputed_by`, `casualties`) are
//! [`ThinVec`]s: one word, and nothing on the heap when empty, as most are, where a boxed
//! slice takes two words. A `ThinVec` grown by pushing starts at room for four; the lists
//! here are grown from room for one, doubling, and end with room for exactly their items,
//! without a second list to copy them from.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use thin_vec::ThinVec;

/// A [`ThinVec`] filled one item at a time, with room for exactly its items once done.
pub(crate) struct ThinList<T>(ThinVec<T>);

impl<T> ThinList<T> {
    /// An empty list: no heap block until the first item.
    pub(crate) fn new() -> ThinList<T> {
        ThinList(ThinVec::new())
    }

    /// Adds `item`, doubling the room from one when it is full: one or two items need no
    /// room to spare.
    pub(crate) fn push(&mut self, item: T) {
        let len = self.0.len();
        if len == self.0.capacity() {
            self.0.reserve_exact(len.max(1));
        }
        self.0.push(item);
    }

    /// The list, with room for exactly its items.
    pub(crate) fn done(mut self) -> ThinVec<T> {
        if self.0.capacity() != self.0.len() {
            self.0.shrink_to_fit();
        }
        self.0
    }
}

/// Deserialises a list into a [`ThinVec`] with room for exactly its items
/// (`#[serde(deserialize_with)]`).
pub(crate) fn exact_list<'de, D, T>(d: D) -> Result<ThinVec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Items<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for Items<T> {
        type Value = ThinVec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a sequence")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ThinVec<T>, A::Error> {
            let mut items = ThinList::new();
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(items.done())
        }
    }
    d.deserialize_seq(Items(PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_end_with_room_for_exactly_their_items() {
        for n in 0..20 {
            let mut list = ThinList::new();
            (0..n).for_each(|i| list.push(i));
            let list = list.done();
            assert_eq!(list.len(), n);
            assert_eq!(list.capacity(), n, "{n} items");
            assert!(list.iter().copied().eq(0..n));
        }
    }

    #[test]
    fn a_list_parses_with_room_for_its_items() {
        #[derive(serde::Deserialize)]
        struct Holder {
            #[serde(default, deserialize_with = "exact_list")]
            items: ThinVec<u32>,
        }
        let parsed: Holder = serde_json::from_str(r#"{"items": [1, 2, 3]}"#).unwrap();
        assert_eq!((parsed.items.len(), parsed.items.capacity()), (3, 3));
        let empty: Holder = serde_json::from_str("{}").unwrap();
        assert_eq!(empty.items.capacity(), 0);
        assert!(serde_json::from_str::<Holder>(r#"{"items": ["a"]}"#).is_err());
    }
}
