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
/// Complexity: O(R) for all relations (only those starting before the period's end are
/// looked at), else O(d log d) for the first entity's d relations (plus its place relations).
pub fn relations(graph: &Graph, with: &[EntityIx], filter: &Filter) -> Vec<Found> {
    let all;
    let merged;
    let chosen: &[RelationIx] = match with {
        [] => {
            all = graph.chronological();
            &all[..filter.candidates(graph, all)]
        }
        [one] => {
            merged = merge(graph, graph.incident(*one), graph.at_place(*one));
            &merged[..filter.candidates(graph, &merged)]
        }
        [first, rest @ ..] => {
            merged = graph
                .incident(*first)
                .iter()
                .copied()
                .filter(|&r| {
                    let (s, t) = graph.ends(r);
                    rest.iter().all(|&e| e == s || e == t)
                })
                .collect();
            &merged
        }
    };
    chosen
        .iter()
        .filter_map(|&r| {
            let admitted = filter.admit_in(graph, r)?;
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
