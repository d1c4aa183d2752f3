//! The graph: owns entities, relations and sources, and indexes them for queries.

use arcstr::ArcStr;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};

use rayon::prelude::*;

use crate::entity_lists::EntityLists;
use crate::id_table::IdTable;
use crate::load::{Link, Resolved};
use crate::model::Bounds;
use crate::model::{Entity, EntityId, PartialDate, Relation, Source, UncertainDate};
use crate::names::{NameError, NameIndex};

/// An entity of a [`Graph`]: its node in [`Graph::topology`] (node `i` is entity `i` of
/// [`Graph::entities`]).
pub type EntityIx = NodeIndex<u32>;
/// A relation of a [`Graph`]: its edge in [`Graph::topology`] (edge `j` is relation `j` of
/// [`Graph::relations`]).
pub type RelationIx = EdgeIndex<u32>;

/// The petgraph graph of a [`Graph`]'s topology: node and edge weights are empty, since node
/// `i` is entity `i` and edge `j` relation `j`; 32-bit indexes, as the loader's limits allow.
pub type Topology = DiGraph<(), (), u32>;

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
    entity_ix: IdTable,
    relation_ix: IdTable,
    topology: Topology,
    bounds: Vec<Bounds>,
    order: Vec<RelationIx>,
    incident: EntityLists,
    at_place: EntityLists,
    names: NameIndex,
}

impl Graph {
    /// Builds the indexes over data the loader has validated (ids unique, references known).
    pub(crate) fn from_valid(
        entities: Vec<Entity>,
        relations: Vec<Relation>,
        sources: Vec<Source>,
    ) -> Graph {
        Graph::from_valid_named(entities, relations, sources, |_| true)
    }

    /// As [`Graph::from_valid`], with names for only the entities `named` picks (by position):
    /// the graph of a scoped read ([`crate::cache::scoped`]), which resolves only the names it
    /// was read for, indexes only the entities those names match (see [`NameIndex::among`]).
    pub(crate) fn from_valid_named(
        entities: Vec<Entity>,
        mut relations: Vec<Relation>,
        sources: Vec<Source>,
        named: impl Fn(usize) -> bool + Sync + Send,
    ) -> Graph {
        let entity_ix = IdTable::new(entities.iter().map(|e| e.id.as_str()));
        let links = share_ids(&entities, &entity_ix, &sources, &mut relations, None);
        let names = |entities: &[Entity]| NameIndex::among(entities, named);
        Graph::assemble(entities, relations, sources, entity_ix, None, links, names)
    }

    /// As [`Graph::from_valid`], over data the loader has just validated, with the entity
    /// index of every source, target and place it looked up (`resolved`): those references
    /// are not looked up again.
    pub(crate) fn from_checked(
        entities: Vec<Entity>,
        mut relations: Vec<Relation>,
        sources: Vec<Source>,
        resolved: Resolved,
    ) -> Graph {
        let entity_ix = IdTable::new(entities.iter().map(|e| e.id.as_str()));
        let links = share_ids(
            &entities,
            &entity_ix,
            &sources,
            &mut relations,
            Some(&resolved.links),
        );
        // Validation folded every name once: the index takes its keys.
        let names = |entities: &[Entity]| NameIndex::with_keys(entities, resolved.keys);
        let relation_ix = resolved.relation_ix;
        Graph::assemble(
            entities,
            relations,
            sources,
            entity_ix,
            relation_ix,
            links,
            names,
        )
    }

    /// Builds the indexes over a graph decoded from a cache that was written from a
    /// validated graph: every reference already shares its entity's id, and `ends` are each
    /// relation's source and target.
    pub(crate) fn from_decoded(
        entities: Vec<Entity>,
        relations: Vec<Relation>,
        sources: Vec<Source>,
        ends: Vec<[u32; 2]>,
    ) -> Graph {
        Graph::from_decoded_named(entities, relations, sources, ends, |_| true)
    }

    /// As [`Graph::from_decoded`], with names for only the entities `named` picks (by
    /// position), as [`Graph::from_valid_named`]: the graph of a part of a cache.
    pub(crate) fn from_decoded_named(
        entities: Vec<Entity>,
        relations: Vec<Relation>,
        sources: Vec<Source>,
        ends: Vec<[u32; 2]>,
        named: impl Fn(usize) -> bool + Sync + Send,
    ) -> Graph {
        let entity_ix = IdTable::new(entities.iter().map(|e| e.id.as_str()));
        let links = ends
            .into_iter()
            .zip(&relations)
            .map(|(ends, r)| Link {
                ends,
                place: r.place().map_or(Link::NONE, |place| {
                    find_entity(&entities, &entity_ix, place.as_str())
                }),
            })
            .collect();
        let names = |entities: &[Entity]| NameIndex::among(entities, named);
        Graph::assemble(entities, relations, sources, entity_ix, None, links, names)
    }

    fn assemble(
        mut entities: Vec<Entity>,
        mut relations: Vec<Relation>,
        mut sources: Vec<Source>,
        entity_ix: IdTable,
        relation_ix: Option<IdTable>,
        links: Vec<Link>,
        names: impl FnOnce(&[Entity]) -> NameIndex + Send,
    ) -> Graph {
        // The lists may come with room to spare: the loader's lists of parsed elements (the
        // values with their sites) become these in place, a fifth larger than they need at L.
        // A large block shrinks where it lies (glibc remaps it), without a copy.
        entities.shrink_to_fit();
        relations.shrink_to_fit();
        sources.shrink_to_fit();
        // The name index (Unicode normalisation of every name, unless validation has folded
        // them) is independent of the rest: built on the other core.
        let ((names, bounds), (relation_ix, topology, order, incident, at_place)) = rayon::join(
            || {
                let bounds: Vec<Bounds> = relations.iter().map(Bounds::of).collect();
                (names(&entities), bounds)
            },
            || index_relations(entities.len(), &relations, relation_ix, &links),
        );
        Graph {
            entities,
            relations,
            sources,
            entity_ix,
            relation_ix,
            topology,
            bounds,
            order,
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

    /// Every entity's index, in file order.
    pub fn entity_indexes(&self) -> impl ExactSizeIterator<Item = EntityIx> + use<> {
        (0..self.entities.len()).map(EntityIx::new)
    }

    /// Every relation's index, in file order.
    pub fn relation_indexes(&self) -> impl ExactSizeIterator<Item = RelationIx> + use<> {
        (0..self.relations.len()).map(RelationIx::new)
    }

    /// The entity at index `ix`.
    pub fn entity(&self, ix: EntityIx) -> &Entity {
        &self.entities[ix.index()]
    }

    /// The relation at index `ix`.
    pub fn relation(&self, ix: RelationIx) -> &Relation {
        &self.relations[ix.index()]
    }

    /// The index of the entity with this id.
    pub fn entity_ix(&self, id: &str) -> Option<EntityIx> {
        self.entity_ix
            .find(id, |i| self.entities[i].id.as_str())
            .map(EntityIx::new)
    }

    /// The index of the relation with this id.
    pub fn relation_ix(&self, id: &str) -> Option<RelationIx> {
        self.relation_ix
            .find(id, |i| self.relations[i].id.as_str())
            .map(RelationIx::new)
    }

    /// Every relation, by start date (undated first), end date (open-ended last), then id.
    pub fn chronological(&self) -> &[RelationIx] {
        &self.order
    }

    /// The source and target of relation `r`, as entity indexes: the endpoints of its edge
    /// in the petgraph [`topology`](Graph::topology), which every traversal (neighbours,
    /// paths, ego networks, network measures) reads.
    pub fn ends(&self, r: RelationIx) -> (EntityIx, EntityIx) {
        self.topology
            .edge_endpoints(r)
            .expect("every relation is an edge of the topology")
    }

    /// The end of relation `r` that is not `entity` (the target when `entity` is the source).
    pub fn other_end(&self, r: RelationIx, entity: EntityIx) -> EntityIx {
        let (s, t) = self.ends(r);
        if s == entity { t } else { s }
    }

    /// The earliest and latest possible days of relation `r`'s start and end.
    pub fn bounds(&self, r: RelationIx) -> &Bounds {
        &self.bounds[r.index()]
    }

    /// The relations that have `entity` as source or target, by start date then id.
    pub fn incident(&self, entity: EntityIx) -> &[RelationIx] {
        self.incident.of(entity.index())
    }

    /// The relations whose `place` is `entity`, by start date then id.
    pub fn at_place(&self, entity: EntityIx) -> &[RelationIx] {
        self.at_place.of(entity.index())
    }

    /// The petgraph graph of who is related to whom: node `i` is entity `i`, edge `j`
    /// relation `j`, from its source to its target. It holds the graph's topology (there is
    /// no other copy of the relations' ends); the per-entity lists ([`incident`](Graph::incident),
    /// [`at_place`](Graph::at_place)) index its edges by date.
    pub fn topology(&self) -> &Topology {
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

/// The position of entity `id`, which the loader checked exists.
fn find_entity(entities: &[Entity], entity_ix: &IdTable, id: &str) -> u32 {
    let i = entity_ix
        .find(id, |i| entities[i].id.as_str())
        .expect("the loader checked every reference");
    // Entity counts are bounded by the loader's limits, far below u32::MAX.
    i as u32
}

/// Makes every entity reference of `relations` share the text of the entity's own id, and
/// every evidence span the name of its document; returns each relation's source, target and
/// place as entity indexes. With `known`, the loader's answers for those three (one per
/// relation), only the other references are looked up.
fn share_ids(
    entities: &[Entity],
    entity_ix: &IdTable,
    sources: &[Source],
    relations: &mut [Relation],
    known: Option<&[Link]>,
) -> Vec<Link> {
    let documents: foldhash::HashMap<&str, ArcStr> = sources
        .iter()
        .map(|s| (s.document.as_str(), ArcStr::from(s.document.as_str())))
        .collect();
    let find = |id: &EntityId| find_entity(entities, entity_ix, id.as_str());
    let share = |id: &mut EntityId, i: u32| {
        let own = &entities[i as usize].id;
        // Mostly the same text already (the parser shares the entities' ids): a clone would
        // only bump and drop a reference count that both cores write for the hubs.
        if !ArcStr::ptr_eq(id.shared(), own.shared()) {
            *id = own.clone();
        }
    };
    let shared = |id: &mut EntityId| share(id, find(id));
    // Hash lookups (the place and ends too, without `known`): on every core.
    relations
        .par_iter_mut()
        .enumerate()
        .with_min_len(1024)
        .map(|(j, r)| {
            let link = match known {
                Some(links) => links[j],
                None => Link {
                    ends: [find(&r.source), find(&r.target)],
                    place: r.place().map_or(Link::NONE, find),
                },
            };
            share(&mut r.source, link.ends[0]);
            share(&mut r.target, link.ends[1]);
            if let Some(stated) = r.particulars.stated_mut() {
                if let Some(place) = &mut stated.place {
                    share(place, link.place);
                }
                let others = stated.claimed_by.iter_mut().chain(&mut stated.disputed_by);
                let sides = stated.casualties.iter_mut().filter_map(|c| c.side.as_mut());
                others.chain(sides).for_each(shared);
            }
            for span in r.evidence_mut() {
                if let Some(document) = documents.get(&*span.document) {
                    span.document = document.clone();
                }
            }
            link
        })
        .collect()
}

/// The relation indexes of a graph: the relation id table, the petgraph topology, the
/// chronological order, and each entity's incident and placed relations in that order.
type RelationIndexes = (IdTable, Topology, Vec<RelationIx>, EntityLists, EntityLists);

/// The relation indexes, with `relation_ix` when the loader has made it.
fn index_relations(
    entities: usize,
    relations: &[Relation],
    relation_ix: Option<IdTable>,
    links: &[Link],
) -> RelationIndexes {
    let relation_ix =
        relation_ix.unwrap_or_else(|| IdTable::new(relations.iter().map(|r| r.id.as_str())));
    let mut topology = Topology::with_capacity(entities, relations.len());
    for _ in 0..entities {
        topology.add_node(());
    }
    for link in links {
        let [s, t] = link.ends;
        topology.add_edge(NodeIndex::new(s as usize), NodeIndex::new(t as usize), ());
    }
    let order = chronological_order(relations);
    // Filled in chronological order, each entity's lists come out sorted.
    let incident = EntityLists::gather(entities, || {
        order.iter().flat_map(|&j| {
            let [s, t] = links[j.index()].ends;
            let other = (t != s).then_some((t as usize, j));
            std::iter::once((s as usize, j)).chain(other)
        })
    });
    let at_place = EntityLists::gather(entities, || {
        order.iter().filter_map(|&j| {
            let place = links[j.index()].place;
            (place != Link::NONE).then_some((place as usize, j))
        })
    });
    (relation_ix, topology, order, incident, at_place)
}

/// Orders relations by start date (undated first), then end date (open-ended last), then id.
pub fn cmp_chronologically(a: &Relation, b: &Relation) -> std::cmp::Ordering {
    chronological_key(a)
        .cmp(&chronological_key(b))
        .then_with(|| a.id.cmp(&b.id))
}

/// The indexes of `relations` in [`cmp_chronologically`] order, sorted on every core.
///
/// Many relations share their dates (the undated ones all do), so ids decide much of the
/// order: each relation's key carries its id's first bytes ([`id_prefix`]), and only ids
/// that agree on all of them are read from the relations themselves (a miss each).
fn chronological_order(relations: &[Relation]) -> Vec<RelationIx> {
    let mut keyed: Vec<((u128, u64, u128), u32)> = relations
        .par_iter()
        .enumerate()
        .with_min_len(4096)
        .map(|(j, r)| {
            let (start, end) = chronological_key(r);
            // Relation counts are bounded by the loader's limits, far below u32::MAX.
            ((start, end, id_prefix(r.id.as_str())), j as u32)
        })
        .collect();
    keyed.par_sort_unstable_by(|(ka, a), (kb, b)| {
        ka.cmp(kb)
            .then_with(|| relations[*a as usize].id.cmp(&relations[*b as usize].id))
    });
    keyed
        .into_iter()
        .map(|(_, j)| RelationIx::new(j as usize))
        .collect()
}

/// The first 16 bytes of `id`, padded with zeros, as a number that sorts as the ids do
/// wherever two numbers differ: where one id is shorter, its padding sorts before any byte
/// the other has there, as a prefix sorts before the longer text. Equal numbers leave the
/// order to the whole ids.
fn id_prefix(id: &str) -> u128 {
    let mut bytes = [0; 16];
    let head = &id.as_bytes()[..id.len().min(16)];
    bytes[..head.len()].copy_from_slice(head);
    u128::from_be_bytes(bytes)
}

/// The dates of a relation packed in two integers that sort as
/// `(start's earliest day and start, end is none, end)` does: an absent start packs as 0,
/// before every date; a start packs as its earliest possible day, then its anchor, form and
/// second written date ([`UncertainDate`]'s order); an end as its own order. Sorting by the
/// earliest possible start first keeps every list ordered by [`Bounds::start_first`]
/// (`crate::model::Bounds`), which date questions rely on to read only a prefix; so a start
/// known only as "on or before" sorts with the undated ones, before every dated start.
fn chronological_key(r: &Relation) -> (u128, u64) {
    chronological_key_of(r.start, r.end)
}

/// [`chronological_key`] of a relation from `start` to `end`: for a record read without
/// building its relation.
pub(crate) fn chronological_key_of(
    start: Option<UncertainDate>,
    end: Option<UncertainDate>,
) -> (u128, u64) {
    let partial = |d: Option<PartialDate>| {
        d.map_or(0, |d| {
            let (year, month, day) = d.parts();
            u64::from(year) << 9 | u64::from(month) << 5 | u64::from(day)
        })
    };
    let pack = |d: UncertainDate| {
        1 << 48
            | partial(Some(d.anchor())) << 25
            | u64::from(d.rank()) << 23
            | partial(d.written().1)
    };
    let start = start.map_or(0, |d| {
        // The earliest day as an unsigned offset, so that it sorts as the day does.
        let earliest = u128::from((i64::from(d.earliest().0) - i64::from(i32::MIN)) as u32);
        1 << 90 | earliest << 49 | u128::from(pack(d))
    });
    let end = u64::from(end.is_none()) << 49 | end.map_or(0, pack);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{GraphFiles, load};

    #[test]
    fn the_packed_key_orders_as_the_dates_do() {
        let graph = load(&GraphFiles::builtin()).unwrap();
        let key = |r: &Relation| (r.start.map(|d| (d.earliest(), d)), r.end.is_none(), r.end);
        for a in graph.relations() {
            for b in graph.relations() {
                assert_eq!(
                    chronological_key(a).cmp(&chronological_key(b)),
                    key(a).cmp(&key(b)),
                    "{} vs {}",
                    a.id,
                    b.id
                );
            }
        }
    }

    /// Where two ids' prefixes differ, they order the ids as the ids' own order does.
    #[test]
    fn the_id_prefix_orders_as_the_ids_do() {
        let ids = [
            "",
            "a",
            "a-",
            "a-1",
            "a-10",
            "a-2",
            "ab",
            "a\0",
            "a\0b",
            "leadership-12345",
            "leadership-123456",
            "leadership-123457",
            "leadership-12346",
            "leadership-1234",
            "conflict-9",
            "conflict-10",
            "zzzzzzzzzzzzzzzz",
            "zzzzzzzzzzzzzzzzz",
        ];
        for a in ids {
            for b in ids {
                let (pa, pb) = (id_prefix(a), id_prefix(b));
                if pa != pb {
                    assert_eq!(pa.cmp(&pb), a.cmp(b), "{a:?} vs {b:?}");
                }
            }
        }
    }

    /// The order on every core is the order of [`cmp_chronologically`].
    #[test]
    fn the_chronological_order_is_cmp_chronologically() {
        let graph = load(&GraphFiles::builtin()).unwrap();
        let mut want: Vec<RelationIx> = graph.relation_indexes().collect();
        want.sort_by(|&a, &b| cmp_chronologically(graph.relation(a), graph.relation(b)));
        assert_eq!(chronological_order(graph.relations()), want);
        assert_eq!(graph.chronological(), want);
    }
}
