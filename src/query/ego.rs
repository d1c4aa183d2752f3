//! Ego networks: an actor and everything within a few relations of it.

use std::collections::VecDeque;

use petgraph::visit::{VisitMap, Visitable};

use crate::graph::{EntityIx, Graph, RelationIx};

use super::Filter;
use super::select::Found;
use super::snapshot::Snapshot;

/// The entities an ego network has reached: petgraph's visit map of the topology.
type Reached = <crate::graph::Topology as Visitable>::Map;

/// The entities within `depth` relations of `center` (through relations `filter` admits) and
/// every admitted relation among them, sorted by start date then id.
///
/// Complexity: O(E/8 + D + k log k) for E entities in the graph, D the sum of the degrees of
/// the entities reached and k the relations found; when D is a large part of the graph's R
/// relations (an eighth or more), O(E + R) instead, by one pass over the relations in date
/// order rather than a sort.
pub fn ego(graph: &Graph, center: EntityIx, depth: usize, filter: &Filter) -> Snapshot {
    let mut reached = graph.topology().visit_map();
    reached.visit(center);
    let mut entities = vec![center];
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
            if reached.visit(next) {
                entities.push(next);
                queue.push_back((next, d + 1));
            }
        }
    }
    entities.sort_unstable();
    let degrees: usize = entities.iter().map(|&e| graph.incident(e).len()).sum();
    let relations = if degrees.saturating_mul(8) >= graph.relations().len() {
        among_by_pass(graph, &reached, filter)
    } else {
        among_by_sort(graph, &entities, &reached, filter)
    };
    Snapshot {
        entities,
        relations,
    }
}

/// Relation `r` when both its ends are `reached` and `filter` admits it.
fn found(graph: &Graph, reached: &Reached, filter: &Filter, r: RelationIx) -> Option<Found> {
    let (s, t) = graph.ends(r);
    if !(reached.is_visited(&s) && reached.is_visited(&t)) {
        return None;
    }
    let admitted = filter.admit_in(graph, r)?;
    Some(Found {
        relation: r,
        certainty: admitted.certainty,
    })
}

/// The admitted relations among the `reached` entities, by one pass over every relation of the
/// graph in date order.
fn among_by_pass(graph: &Graph, reached: &Reached, filter: &Filter) -> Vec<Found> {
    (graph.chronological().iter())
        .filter_map(|&r| found(graph, reached, filter, r))
        .collect()
}

/// The admitted relations among `entities` (the `reached` ones), read from their incident
/// lists (each relation from its source's) and sorted by date.
fn among_by_sort(
    graph: &Graph,
    entities: &[EntityIx],
    reached: &Reached,
    filter: &Filter,
) -> Vec<Found> {
    let mut relations: Vec<Found> = entities
        .iter()
        .flat_map(|&e| {
            let from_e = move |&&r: &&RelationIx| graph.ends(r).0 == e;
            graph.incident(e).iter().filter(from_e)
        })
        .filter_map(|&r| found(graph, reached, filter, r))
        .collect();
    relations.sort_by(|a, b| {
        crate::graph::cmp_chronologically(graph.relation(a.relation), graph.relation(b.relation))
    });
    relations
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{GraphFiles, load};

    #[test]
    fn the_pass_and_the_sort_find_the_same_relations_in_the_same_order() {
        let graph = load(&GraphFiles::builtin()).unwrap();
        let day = "2012-06-01".parse::<crate::PartialDate>().unwrap();
        for filter in [Filter::default(), Filter::during(day.period())] {
            for center in graph.entity_indexes() {
                for depth in 0..3 {
                    let ego = ego(&graph, center, depth, &filter);
                    let mut reached = graph.topology().visit_map();
                    for &e in &ego.entities {
                        reached.visit(e);
                    }
                    let by_pass = among_by_pass(&graph, &reached, &filter);
                    let by_sort = among_by_sort(&graph, &ego.entities, &reached, &filter);
                    assert_eq!(by_pass, by_sort, "{center:?} {depth}");
                    assert_eq!(ego.relations, by_pass);
                }
            }
        }
    }
}
