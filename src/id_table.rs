//! A hash index from ids to positions that stores only the positions: the ids stay in the
//! entities and relations that own them, so a million relations are indexed without a million
//! cloned strings.

use std::hash::BuildHasher;

use hashbrown::HashTable;

/// Positions in a list, found by the id of the item at that position.
#[derive(Debug, Clone, Default)]
pub struct IdTable {
    hasher: foldhash::fast::RandomState,
    table: HashTable<u32>,
}

impl IdTable {
    /// Indexes `ids`, the ids of a list's items in order (the first of duplicates wins).
    pub fn new<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> IdTable {
        let all: Vec<&str> = ids.collect();
        IdTable::noting_duplicates(all.len(), |i| all[i], |_, _| {})
    }

    /// Indexes the `len` ids that `id_at` gives by position, as [`IdTable::new`] does, and
    /// calls `duplicate(i, first)` for each id at position `i` already at position `first`.
    pub fn noting_duplicates<'a>(
        len: usize,
        id_at: impl Fn(usize) -> &'a str,
        mut duplicate: impl FnMut(usize, usize),
    ) -> IdTable {
        let hasher = foldhash::fast::RandomState::default();
        let mut table = HashTable::with_capacity(len);
        for i in 0..len {
            let id = id_at(i);
            let hash = hasher.hash_one(id);
            match table.find(hash, |&j: &u32| id_at(j as usize) == id) {
                Some(&first) => duplicate(i, first as usize),
                // Lists are bounded by the loader's limits, far below u32::MAX.
                None => {
                    table.insert_unique(hash, i as u32, |&j| hasher.hash_one(id_at(j as usize)));
                }
            }
        }
        IdTable { hasher, table }
    }

    /// The position of `id`, given `id_at`, the id of the item at a position.
    pub fn find<'a>(&self, id: &str, id_at: impl Fn(usize) -> &'a str) -> Option<usize> {
        let hash = self.hasher.hash_one(id);
        self.table
            .find(hash, |&j| id_at(j as usize) == id)
            .map(|&j| j as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_id_and_only_those() {
        let ids = ["gao", "mnla", "kidal", "gao"];
        let table = IdTable::new(ids.iter().copied());
        let at = |i: usize| ids[i];
        assert_eq!(table.find(ids[1], at), Some(1));
        assert_eq!(table.find(ids[3], at), Some(0), "first duplicate wins");
        assert_eq!(table.find("mali", at), None);
        let mut duplicates = Vec::new();
        let noted =
            IdTable::noting_duplicates(ids.len(), at, |i, first| duplicates.push((i, first)));
        assert_eq!(duplicates, [(3, 0)]);
        assert_eq!(noted.find(ids[3], at), Some(0));
    }
}
