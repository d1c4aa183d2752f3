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
        let list = graph.incident(at);
        for &r in &list[..filter.candidates(graph, list)] {
            if filter.admit_in(graph, r).is_none() {
                continue;
            }
            let next = graph.other_end(r, at);
            if reached.insert(next) {
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
            let (s, t) = graph.ends(r);
            if !(reached.contains(&s) && reached.contains(&t)) {
                return None;
            }
            let admitted = filter.admit_in(graph, r)?;
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
