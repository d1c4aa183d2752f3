//! The graph: owns entities, relations and sources, and indexes them for queries.

use std::collections::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};

use crate::model::{Entity, EntityId, Relation, Source};
use crate::names::{NameError, NameIndex};
use crate::query::Bounds;

/// Index of an entity in [`Graph::entities`] (and of its node in [`Graph::topology`]).
pub type EntityIx = usize;
/// Index of a relation in [`Graph::relations`] (and of its edge in [`Graph::topology`]).
pub type RelationIx = usize;

/// A validated graph of entities and dated relations.
///
/// Built only by the loader ([`crate::load`]), so every relation's endpoints and place exist.
/// Entity `i` is node `i` of the petgraph [`topology`](Graph::topology) and relation `j` its
/// edge `j` (directed source → target, also for symmetric kinds). Each entity keeps the list of
/// its relations sorted by start date then id, so that a query about one actor touches only
/// that actor's relations, and a question about a date reads only the prefix of that list
/// that starts early enough. Each relation's endpoints (as indexes) and date [`Bounds`] are
/// computed once, so queries neither hash ids nor redo calendar arithmetic.
#[derive(Debug, Clone)]
pub struct Graph {
    entities: Vec<Entity>,
    relations: Vec<Relation>,
    sources: Vec<Source>,
    entity_ix: HashMap<EntityId, EntityIx>,
    relation_ix: HashMap<EntityId, RelationIx>,
    topology: DiGraph<EntityIx, RelationIx>,
    ends: Vec<[u32; 2]>,
    bounds: Vec<Bounds>,
    order: Vec<RelationIx>,
    incident: Vec<Vec<RelationIx>>,
    at_place: Vec<Vec<RelationIx>>,
    names: NameIndex,
}

impl Graph {
    /// Builds the indexes over data the loader has validated (ids unique, references known).
    pub(crate) fn from_valid(
        entities: Vec<Entity>,
        relations: Vec<Relation>,
        sources: Vec<Source>,
    ) -> Graph {
        let entity_ix: HashMap<EntityId, EntityIx> = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let relation_ix = relations
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        let mut topology = DiGraph::with_capacity(entities.len(), relations.len());
        for i in 0..entities.len() {
            topology.add_node(i);
        }
        let mut incident = vec![Vec::new(); entities.len()];
        let mut at_place = vec![Vec::new(); entities.len()];
        let mut ends = Vec::with_capacity(relations.len());
        for (j, relation) in relations.iter().enumerate() {
            let s = entity_ix[&relation.source];
            let t = entity_ix[&relation.target];
            topology.add_edge(NodeIndex::new(s), NodeIndex::new(t), j);
            // Entity counts are bounded by the loader's limits, far below u32::MAX.
            ends.push([s as u32, t as u32]);
            incident[s].push(j);
            if t != s {
                incident[t].push(j);
            }
            if let Some(place) = &relation.place {
                at_place[entity_ix[place]].push(j);
            }
        }
        let bounds: Vec<Bounds> = relations.iter().map(Bounds::of).collect();
        let order = |list: &mut Vec<RelationIx>| {
            list.sort_by(|&a, &b| chronological(&relations[a], &relations[b]));
        };
        incident.iter_mut().for_each(order);
        at_place.iter_mut().for_each(order);
        let mut all: Vec<RelationIx> = (0..relations.len()).collect();
        order(&mut all);
        let names = NameIndex::new(&entities);
        Graph {
            entities,
            relations,
            sources,
            entity_ix,
            relation_ix,
            topology,
            ends,
            bounds,
            order: all,
            incident,
            at_place,
            names,
        }
    }

    /// All entities, in file order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// All relations, in file order.
    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// The source documents the evidence cites.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The entity at index `ix`.
    pub fn entity(&self, ix: EntityIx) -> &Entity {
        &self.entities[ix]
    }

    /// The relation at index `ix`.
    pub fn relation(&self, ix: RelationIx) -> &Relation {
        &self.relations[ix]
    }

    /// The index of the entity with this id.
    pub fn entity_ix(&self, id: &EntityId) -> Option<EntityIx> {
        self.entity_ix.get(id).copied()
    }

    /// The index of the relation with this id.
    pub fn relation_ix(&self, id: &EntityId) -> Option<RelationIx> {
        self.relation_ix.get(id).copied()
    }

    /// Every relation, by start date (undated first), end date (open-ended last), then id.
    pub fn chronological(&self) -> &[RelationIx] {
        &self.order
    }

    /// The source and target of relation `r`, as entity indexes.
    pub fn ends(&self, r: RelationIx) -> (EntityIx, EntityIx) {
        let [s, t] = self.ends[r];
        (s as EntityIx, t as EntityIx)
    }

    /// The end of relation `r` that is not `entity` (the target when `entity` is the source).
    pub fn other_end(&self, r: RelationIx, entity: EntityIx) -> EntityIx {
        let (s, t) = self.ends(r);
        if s == entity { t } else { s }
    }

    /// The earliest and latest possible days of relation `r`'s start and end.
    pub fn bounds(&self, r: RelationIx) -> &Bounds {
        &self.bounds[r]
    }

    /// The relations that have `entity` as source or target, by start date then id.
    pub fn incident(&self, entity: EntityIx) -> &[RelationIx] {
        &self.incident[entity]
    }

    /// The relations whose `place` is `entity`, by start date then id.
    pub fn at_place(&self, entity: EntityIx) -> &[RelationIx] {
        &self.at_place[entity]
    }

    /// The petgraph graph underneath: node `i` is entity `i`, edge weights are relation indexes.
    pub fn topology(&self) -> &DiGraph<EntityIx, RelationIx> {
        &self.topology
    }

    /// The name index, for finding entities by name.
    pub fn names(&self) -> &NameIndex {
        &self.names
    }

    /// The entity a user's `name` (id, name or alias in any script) designates.
    pub fn resolve(&self, name: &str) -> Result<EntityIx, NameError> {
        self.names.resolve(name)
    }
}

/// Orders relations by start date (undated first), then end date (open-ended last), then id.
pub fn chronological(a: &Relation, b: &Relation) -> std::cmp::Ordering {
    let key = |r: &Relation| (r.start, r.end.is_none(), r.end);
    key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
}
