//! A list of relations for each entity, all held in one array: the entity's list is the run
//! between its start and the next entity's. A list per entity would take a heap block each,
//! grown by doubling (a quarter of its room empty on average), where this takes exactly its
//! items and one offset per entity.

use crate::graph::RelationIx;

/// Relations listed by entity position, each list in the order it was given.
#[derive(Debug, Clone)]
pub struct EntityLists {
    /// Where each entity's list starts in `items`; one more offset, the end of the last.
    starts: Vec<u32>,
    items: Vec<RelationIx>,
}

impl EntityLists {
    /// The lists of `entities` entities holding the `(entity, relation)` pairs that `pairs`
    /// gives, each list in the order of the pairs. `pairs` is called twice (once to count,
    /// once to fill) and must give the same pairs both times.
    pub fn gather<I>(entities: usize, pairs: impl Fn() -> I) -> EntityLists
    where
        I: Iterator<Item = (usize, RelationIx)>,
    {
        // Lists hold at most two items a relation, and relations are bounded by the loader's
        // limits, far below u32::MAX / 2.
        let mut starts = vec![0u32; entities + 1];
        for (entity, _) in pairs() {
            starts[entity + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts[..entities].to_vec();
        let mut items = vec![RelationIx::new(0); starts[entities] as usize];
        for (entity, relation) in pairs() {
            items[next[entity] as usize] = relation;
            next[entity] += 1;
        }
        EntityLists { starts, items }
    }

    /// The list of the entity at position `entity`.
    pub fn of(&self, entity: usize) -> &[RelationIx] {
        &self.items[self.starts[entity] as usize..self.starts[entity + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ix(list: &[RelationIx]) -> Vec<usize> {
        list.iter().map(|r| r.index()).collect()
    }

    #[test]
    fn each_entity_gets_its_pairs_in_their_order() {
        let pairs = [(2, 7), (0, 1), (2, 3), (0, 9), (2, 5)];
        let lists = EntityLists::gather(4, || pairs.iter().map(|&(e, r)| (e, RelationIx::new(r))));
        assert_eq!(ix(lists.of(0)), [1, 9]);
        assert_eq!(ix(lists.of(1)), Vec::<usize>::new());
        assert_eq!(ix(lists.of(2)), [7, 3, 5]);
        assert_eq!(ix(lists.of(3)), Vec::<usize>::new());
    }

    #[test]
    fn no_entities_make_no_lists() {
        let lists = EntityLists::gather(0, std::iter::empty);
        assert_eq!(lists.items.len(), 0);
        assert_eq!(lists.starts, [0]);
    }
}
