//! An actor's parts: the entities whose relations count as the actor's own.
//!
//! A state acts through its armed forces: "support to the French forces" answers "who
//! supported France?". A part is the source of an [`RelationKind::ArmedForceOf`] relation
//! (not negated) whose target is the actor. Questions about an actor include its parts'
//! relations when the filter asks for it ([`Filter::with_parts`](super::Filter::with_parts)),
//! each marked with the part it came through.

use crate::graph::{EntityIx, Graph};
use crate::model::RelationKind;

/// The parts of `entity`, in index order, without duplicates. O(d) for an entity of degree d.
///
/// ```
/// use actorgraph::load::{GraphFiles, load};
/// let graph = load(&GraphFiles::builtin()).unwrap();
/// let france = graph.resolve("France").unwrap();
/// let parts: Vec<&str> = actorgraph::query::parts(&graph, france)
///     .into_iter()
///     .map(|p| graph.entity(p).id.as_str())
///     .collect();
/// assert_eq!(parts, ["french-armed-forces"]);
/// ```
pub fn parts(graph: &Graph, entity: EntityIx) -> Vec<EntityIx> {
    let mut parts: Vec<EntityIx> = graph
        .incident(entity)
        .iter()
        .filter(|&&r| {
            let relation = graph.relation(r);
            relation.kind == RelationKind::ArmedForceOf && !relation.negated
        })
        .filter_map(|&r| {
            let (source, target) = graph.ends(r);
            (target == entity && source != entity).then_some(source)
        })
        .collect();
    parts.sort_unstable();
    parts.dedup();
    parts
}

/// `entity` and, when `with_parts`, its parts: the entities a question about it is about.
pub fn with_parts(graph: &Graph, entity: EntityIx, with_parts: bool) -> Vec<EntityIx> {
    let mut group = vec![entity];
    if with_parts {
        group.extend(parts(graph, entity));
    }
    group
}
