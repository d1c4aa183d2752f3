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
/// Complexity: O(degree of `entity`); no other relation is looked at.
pub fn neighbors(graph: &Graph, entity: EntityIx, filter: &Filter) -> Vec<Neighbor> {
    let id = &graph.entity(entity).id;
    graph
        .incident(entity)
        .iter()
        .filter_map(|&r| {
            let relation = graph.relation(r);
            let admitted = filter.admit(relation)?;
            let other = graph.entity_ix(relation.other(id))?;
            Some(Neighbor {
                entity: other,
                relation: r,
                certainty: admitted.certainty,
            })
        })
        .collect()
}
