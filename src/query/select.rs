//! Selecting relations: all of them, an actor's, or a pair's.

use crate::graph::{EntityIx, Graph, RelationIx};

use super::{Certainty, Filter};

/// A relation an answer includes, with how surely it holds in the period asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The relation.
    pub relation: RelationIx,
    /// Its certainty, when the question named a day or period.
    pub certainty: Option<Certainty>,
}

/// The relations `filter` admits among those of `with`: every relation when `with` is empty;
/// one actor's relations (and those whose `place` it is) for one entity; those between the two
/// for a pair. Sorted by start date then id; each relation appears once.
///
/// Complexity: O(R) for all relations, else O(degree) of the first entity (plus its place
/// relations).
pub fn relations(graph: &Graph, with: &[EntityIx], filter: &Filter) -> Vec<Found> {
    let mut chosen: Vec<RelationIx> = match with {
        [] => {
            let mut all: Vec<RelationIx> = (0..graph.relations().len()).collect();
            all.sort_by(|&a, &b| crate::graph::chronological(graph.relation(a), graph.relation(b)));
            all
        }
        [one] => merge(graph, graph.incident(*one), graph.at_place(*one)),
        [first, rest @ ..] => graph
            .incident(*first)
            .iter()
            .copied()
            .filter(|&r| {
                let relation = graph.relation(r);
                rest.iter().all(|&e| relation.involves(&graph.entity(e).id))
            })
            .collect(),
    };
    chosen.dedup();
    chosen
        .into_iter()
        .filter_map(|r| {
            let admitted = filter.admit(graph.relation(r))?;
            Some(Found {
                relation: r,
                certainty: admitted.certainty,
            })
        })
        .collect()
}

/// Merges two chronologically sorted lists into one, without duplicates.
fn merge(graph: &Graph, a: &[RelationIx], b: &[RelationIx]) -> Vec<RelationIx> {
    let mut out: Vec<RelationIx> = a.iter().chain(b).copied().collect();
    out.sort_by(|&x, &y| crate::graph::chronological(graph.relation(x), graph.relation(y)));
    out.dedup();
    out
}
