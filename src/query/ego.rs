//! Ego networks: an actor and everything within a few relations of it.

use std::collections::{BTreeSet, VecDeque};

use crate::graph::{EntityIx, Graph};

use super::Filter;
use super::select::Found;
use super::snapshot::Snapshot;

/// The entities within `depth` relations of `center` (through relations `filter` admits) and
/// every admitted relation among them, sorted by start date then id.
///
/// Complexity: O(sum of the degrees of the entities reached).
pub fn ego(graph: &Graph, center: EntityIx, depth: usize, filter: &Filter) -> Snapshot {
    let mut reached = BTreeSet::from([center]);
    let mut queue = VecDeque::from([(center, 0)]);
    while let Some((at, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        let id = &graph.entity(at).id;
        for &r in graph.incident(at) {
            let relation = graph.relation(r);
            if filter.admit(relation).is_none() {
                continue;
            }
            if let Some(next) = graph.entity_ix(relation.other(id))
                && reached.insert(next)
            {
                queue.push_back((next, d + 1));
            }
        }
    }
    let mut relations: Vec<Found> = reached
        .iter()
        .flat_map(|&e| graph.incident(e).iter().copied())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter_map(|r| {
            let relation = graph.relation(r);
            let ends = [&relation.source, &relation.target]
                .map(|id| graph.entity_ix(id).is_some_and(|e| reached.contains(&e)));
            if !ends.iter().all(|&inside| inside) {
                return None;
            }
            let admitted = filter.admit(relation)?;
            Some(Found {
                relation: r,
                certainty: admitted.certainty,
            })
        })
        .collect();
    relations.sort_by(|a, b| {
        crate::graph::chronological(graph.relation(a.relation), graph.relation(b.relation))
    });
    Snapshot {
        entities: reached.into_iter().collect(),
        relations,
    }
}
