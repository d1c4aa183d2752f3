//! Selecting relations: all of them, an actor's, or a pair's.

use crate::graph::{EntityIx, Graph, RelationIx};

use super::{Certainty, Filter, with_parts};

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
/// for a pair. With [`Filter::with_parts`], an actor's parts (its armed forces) count as the
/// actor: its relations include theirs, and a pair's those between their groups. Sorted by
/// start date then id; each relation appears once.
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
            let mut lists = vec![graph.at_place(*one)];
            for e in with_parts(graph, *one, filter.with_parts) {
                lists.push(graph.incident(e));
            }
            merged = merge(graph, &lists);
            &merged[..filter.candidates(graph, &merged)]
        }
        [first, rest @ ..] => {
            let groups: Vec<Vec<EntityIx>> = rest
                .iter()
                .map(|&e| with_parts(graph, e, filter.with_parts))
                .collect();
            let own = with_parts(graph, *first, filter.with_parts);
            let lists: Vec<&[RelationIx]> = own.iter().map(|&e| graph.incident(e)).collect();
            merged = merge(graph, &lists)
                .into_iter()
                .filter(|&r| {
                    let (s, t) = graph.ends(r);
                    groups.iter().all(|g| g.contains(&s) || g.contains(&t))
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

/// Merges chronologically sorted lists into one, without duplicates.
fn merge(graph: &Graph, lists: &[&[RelationIx]]) -> Vec<RelationIx> {
    let mut out: Vec<RelationIx> = lists.iter().flat_map(|l| l.iter()).copied().collect();
    out.sort_by(|&x, &y| crate::graph::cmp_chronologically(graph.relation(x), graph.relation(y)));
    out.dedup();
    out
}
