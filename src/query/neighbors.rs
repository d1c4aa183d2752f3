//! The actors linked to one actor, with the linking relations.

use crate::graph::{EntityIx, Graph, RelationIx};
use crate::model::{EntityKind, RelationKind};

use super::{Certainty, Filter, with_parts};

/// Relation kinds that make an ally: alliance and support.
pub const ALLY_KINDS: [RelationKind; 2] = [RelationKind::Alliance, RelationKind::Support];
/// Relation kinds that make an enemy: conflict and attack.
pub const ENEMY_KINDS: [RelationKind; 2] = [RelationKind::Conflict, RelationKind::Attack];

/// An actor linked to the one asked about, through one relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Neighbor {
    /// The linked entity.
    pub entity: EntityIx,
    /// The relation that links them.
    pub relation: RelationIx,
    /// How surely the relation holds in the period asked about.
    pub certainty: Option<Certainty>,
    /// The part of the actor asked about whose relation this is (its armed forces), when it
    /// is not the actor's own ([`Filter::with_parts`]).
    pub part: Option<EntityIx>,
}

/// Every entity linked to `entity` (or, with [`Filter::with_parts`], to one of its parts) by a
/// relation `filter` admits, one entry per relation, sorted by the relation's start date then
/// id. With [`Filter::parties_only`], only entities that can be a party.
///
/// Complexity: O(log d + m) for an entity of degree d with m relations starting before the
/// end of the period asked about (O(d) without a period); no other relation is looked at.
/// With parts, their relation lists are merged in: O(D log D) for D relations in all.
pub fn neighbors(graph: &Graph, entity: EntityIx, filter: &Filter) -> Vec<Neighbor> {
    let group = with_parts(graph, entity, filter.with_parts);
    let merged;
    let list: &[RelationIx] = if group.len() == 1 {
        graph.incident(entity)
    } else {
        let mut all: Vec<RelationIx> = group
            .iter()
            .flat_map(|&e| graph.incident(e).iter().copied())
            .collect();
        all.sort_by(|&x, &y| {
            crate::graph::cmp_chronologically(graph.relation(x), graph.relation(y))
        });
        all.dedup();
        merged = all;
        &merged
    };
    list[..filter.candidates(graph, list)]
        .iter()
        .filter_map(|&r| {
            let (source, target) = graph.ends(r);
            let [near, other] = sides(entity, &group, [source, target]);
            if !counts(filter, graph.entity(other).kind) {
                return None;
            }
            let admitted = filter.admit_in(graph, r)?;
            Some(Neighbor {
                entity: other,
                relation: r,
                certainty: admitted.certainty,
                part: (near != entity).then_some(near),
            })
        })
        .collect()
}

/// The two sides of a relation whose ends are `[source, target]` in a question about `entity`
/// and its `group` (itself and, with [`Filter::with_parts`], its parts): `[near, other]`, the
/// end asked about — the actor itself if it is an end, else its part — and its neighbour.
/// The one rule the graph's answer and the cache's rows (`cache::rows::neighbors`) share.
pub(crate) fn sides<T: Copy + PartialEq>(
    entity: T,
    group: &[T],
    [source, target]: [T; 2],
) -> [T; 2] {
    let near = if source == entity || target == entity {
        entity
    } else if group.contains(&source) {
        source
    } else {
        target
    };
    let other = if source == near { target } else { source };
    [near, other]
}

/// Whether a neighbour of `kind` counts under `filter`: with [`Filter::parties_only`], only
/// an entity that can be a party.
pub(crate) fn counts(filter: &Filter, kind: EntityKind) -> bool {
    !filter.parties_only || kind.is_party()
}
