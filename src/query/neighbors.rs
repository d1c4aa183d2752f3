//! The actors linked to one actor, with the linking relations.

use crate::graph::{EntityIx, Graph, RelationIx};
use crate::model::RelationKind;

use super::{Certainty, Filter};

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
}

/// Every entity linked to `entity` by a relation `filter` admits, one entry per relation,
/// sorted by the relation's start date then id.
///
/// Complexity: O(log d + m) for an entity of degree d with m relations starting before the
/// end of the period asked about (O(d) without a period); no other relation is looked at.
pub fn neighbors(graph: &Graph, entity: EntityIx, filter: &Filter) -> Vec<Neighbor> {
    let list = graph.incident(entity);
    list[..filter.candidates(graph, list)]
        .iter()
        .filter_map(|&r| {
            let admitted = filter.admit_in(graph, r)?;
            Some(Neighbor {
                entity: graph.other_end(r, entity),
                relation: r,
                certainty: admitted.certainty,
            })
        })
        .collect()
}
