//! A scoped read of the cache: only the actors a command names, their relations (as an end or
//! as the place), their parts' relations (armed forces, [`crate::query::parts`]) and the
//! entities those relations refer to, decoded from the few blocks that
//! hold them. On a graph of a million relations a one-shot `neighbors X` for an actor with a
//! handful of relations then reads about 4 MB (the header, the blocks its binary search of the
//! name keys visits, and those of its records) instead of a 200 MB cache.
//!
//! The graph it gives answers every question about the named actors exactly as the whole
//! graph does, name resolution included: each name's candidates (the entities that match it
//! exactly, or when none does, partially, as [`crate::names::NameIndex::find`] matches) are
//! all in it, so a name that is ambiguous in the whole graph is ambiguous here with the same
//! candidates. A name that matches nothing gives no scoped graph ([`read`] returns `None`):
//! the suggestions for it need every name.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::path::Path;
use std::rc::Rc;

use rayon::prelude::*;

use super::blocks::BlockReader;
use super::codec::{Corrupt, Decoder};
use super::grams::{KeyAt, NameKeys};
use super::lookup::{Incident, Lookup};
use super::payload::EntityHead;
use super::{CacheError, Damage, Detail, Header, open, payload};
use crate::graph::{EntityIx, Graph, RelationIx};
use crate::model::{Entity, EntityId, RelationKind};
use crate::names::{
    Best, Hit, NameError, NameIndex, Nearest, Reach, best_hit, best_match, label, numbered,
    ranked_by, search_reaching,
};
use crate::query::{self, Filter, Links, Paths, shortest_paths};

/// Reads from the cache of `dir` the part of the graph about the actors `names`, if the cache
/// is up to date and the blocks read are sound. `Ok(None)` when a name matches no entity.
pub fn read(dir: &Path, names: &[&str]) -> Result<Option<Graph>, CacheError> {
    read_for(dir, names, &Filter::default(), Detail::Full)
}

/// As [`read`], for questions that `filter` selects relations for: of the named actors' (and
/// their parts') relations, only those the filter admits are decoded, found by the one rule
/// ([`Filter::admit_traits`]) over the bounds and traits their incident entries keep
/// (`super::lookup::Incident`), with every armed-force relation (what makes an actor's
/// parts, [`crate::query::parts`]). Every relation the filter admits about those actors is in
/// the graph, so the answer to that question is the whole graph's; a hub's `--at D` then
/// decodes the relations that hold on D, not its tens of thousands. Relations placed at an
/// actor are all decoded (the place's entries are not kept).
///
/// The entities the names match are decoded in full; the relations and the other entities
/// they refer to in `detail`: for a command that prints a row per relation
/// ([`Detail::Table`]), a hub's 40k relations are read without their evidence and summaries,
/// and the 20k entities at their other ends without their descriptions.
pub fn read_for(
    dir: &Path,
    names: &[&str],
    filter: &Filter,
    detail: Detail,
) -> Result<Option<Graph>, CacheError> {
    let mut scope = Scope::open(dir)?;
    scope.detail = detail;
    let mut about = Vec::new();
    let mut named = BTreeSet::new();
    for name in names {
        let Some(resolved) = scope.resolve(name, &mut named)? else {
            return Ok(None);
        };
        about.extend(resolved);
    }
    let (mut relations, mut others) = (Vec::new(), Vec::new());
    for &entity in &about {
        for entry in scope.may_answer(entity, filter)? {
            relations.push(entry.relation);
            others.push(entry.other);
        }
        relations.extend(scope.lookup.placed(entity)?);
    }
    relations.sort_unstable();
    relations.dedup();
    scope.expect(relations.len())?;
    let sources = scope.sources()?;
    let documents = payload::document_names(&sources);
    // The relations decoded, by index, in order: a sorted vector, not a tree of 40k nodes.
    let mut decoded: Vec<_> = (relations.iter().copied())
        .zip(scope.relations(&relations, &others, &documents)?)
        .collect();
    // An actor's parts (its armed forces) answer for it (query::parts): their relations too.
    let about_ids: BTreeSet<EntityId> = about
        .iter()
        .map(|&i| scope.entities[i].id.clone())
        .collect();
    let part_ids: BTreeSet<EntityId> = decoded
        .iter()
        .map(|(_, r)| &r.0)
        .filter(|r| r.kind == RelationKind::ArmedForceOf && !r.negated)
        .filter(|r| about_ids.contains(&r.target))
        .map(|r| r.source.clone())
        .collect();
    let parts: Vec<usize> = scope
        .entities
        .iter()
        .filter(|(_, e)| part_ids.contains(&e.id))
        .map(|(i, _)| i)
        .collect();
    let mut more = Vec::new();
    for part in parts {
        more.extend(scope.may_answer(part, filter)?.iter().map(|e| e.relation));
    }
    more.sort_unstable();
    more.dedup();
    more.retain(|r| relations.binary_search(r).is_err());
    for r in more {
        decoded.push((r, scope.relation(r, &documents)?));
    }
    decoded.sort_unstable_by_key(|(r, _)| *r);
    let decoded = decoded.into_iter().map(|(_, relation)| relation).collect();
    // Only the names read for are resolved in this graph: only their candidates are named.
    let (whole, entities) = scope.entities.into_sorted();
    let named: Vec<bool> = whole.iter().map(|i| named.contains(i)).collect();
    Ok(Some(assemble(entities, &whole, decoded, sources, |i| {
        named[i]
    })))
}

/// Reads from the cache of `dir` what the ego network of the actor `name` within `depth`
/// relations through those `filter` admits ([`crate::query::ego`]) needs, so that the ego
/// network of the graph it gives is the whole graph's.
///
/// A breadth-first search over the incident entries, admitting relations by the one rule
/// ([`Filter::admit_traits`]) over the bounds and traits they keep, reaches the entities the
/// ego network reaches; the graph holds those entities and every admitted relation among
/// them. Only the records of those relations are decoded: the ego network of an ordinary
/// actor reads a few hundred, not the million of the graph. `Ok(None)` when the name matches
/// no entity or is ambiguous (the whole graph's load then reports it).
pub fn read_ego(
    dir: &Path,
    name: &str,
    depth: usize,
    filter: &Filter,
) -> Result<Option<Graph>, CacheError> {
    let mut scope = Scope::open(dir)?;
    let mut named = BTreeSet::new();
    let Some(Some(center)) = scope.resolve(name, &mut named)? else {
        return Ok(None);
    };
    // Each entity reached is marked (a flag by entity index, not a tree of the ~20k entities
    // a depth-2 network reaches), and the relations the filter admits between two reached
    // entities are kept. Every entity of the last level is marked before its lists are read,
    // so their entries are kept or dropped as they are read: those lists, the largest, are
    // never held whole.
    let mut is_reached = vec![false; scope.lookup.entity_count()];
    is_reached[center] = true;
    let mut reached = vec![center];
    let mut relations = Vec::new();
    let mut level = vec![center];
    for d in 0..=depth {
        let mut next = Vec::new();
        for part in level.chunks(LIST_PART) {
            scope.lookup.check_incident(part)?;
            for &at in part {
                if d == depth {
                    // The last level keeps only the relations between entities reached.
                    let inside = scope.may_pass_to(at, filter, |other| is_reached[other])?;
                    relations.extend(inside.iter().map(|entry| entry.relation));
                    continue;
                }
                for entry in scope.may_pass(at, filter)? {
                    if !is_reached[entry.other] {
                        is_reached[entry.other] = true;
                        next.push(entry.other);
                    }
                    relations.push(entry.relation);
                }
            }
            // The lists read are not read again.
            scope.release();
        }
        reached.extend_from_slice(&next);
        level = next;
    }
    relations.sort_unstable();
    relations.dedup();
    reached.sort_unstable();
    scope.expect(reached.len())?;
    for &e in &reached {
        scope.entity(e)?;
    }
    scope.release();
    Ok(Some(scope.graph(&relations, &named)?.0))
}

/// The up to `k` shortest paths from the actor `from` to the actor `to` through the relations
/// `filter` admits, at most `max_hops` long ([`shortest_paths`]), searched over the cache of
/// `dir` in place (`CachedLinks`): only the incident lists of the entities the search visits
/// are read, and only the records of the paths' relations decoded. Gives the graph of the two
/// names' candidates and the paths' entities and relations, with the paths in its indexes: the
/// paths the whole graph gives. `Ok(None)` when a name matches no entity or is ambiguous (the
/// whole graph's load then reports it).
pub fn paths(
    dir: &Path,
    (from, to): (&str, &str),
    filter: &Filter,
    k: usize,
    max_hops: usize,
) -> Result<Option<(Graph, Paths)>, CacheError> {
    let mut scope = Scope::open(dir)?;
    let mut named = BTreeSet::new();
    let Some(Some(a)) = scope.resolve(from, &mut named)? else {
        return Ok(None);
    };
    let Some(Some(b)) = scope.resolve(to, &mut named)? else {
        return Ok(None);
    };
    let links = CachedLinks {
        lookup: &scope.lookup,
        filter,
        lists: RefCell::default(),
        failure: RefCell::default(),
    };
    let (a, b) = (EntityIx::new(a), EntityIx::new(b));
    let found = shortest_paths(&links, a, b, filter, k, max_hops);
    if let Some(failure) = links.failure.into_inner() {
        return Err(failure);
    }
    let mut relations: Vec<usize> = (found.paths.iter())
        .flat_map(|p| p.relations.iter().map(|r| r.index()))
        .collect();
    relations.sort_unstable();
    relations.dedup();
    for p in &found.paths {
        for e in &p.entities {
            scope.entity(e.index())?;
        }
    }
    let (graph, whole) = scope.graph(&relations, &named)?;
    let local = |all: &[usize], i: usize| all.binary_search(&i).expect("read into the graph");
    let paths = (found.paths.into_iter())
        .map(|p| query::Path {
            entities: (p.entities.iter())
                .map(|e| EntityIx::new(local(&whole, e.index())))
                .collect(),
            relations: (p.relations.iter())
                .map(|r| RelationIx::new(local(&relations, r.index())))
                .collect(),
        })
        .collect();
    let paths = Paths {
        paths,
        complete: found.complete,
    };
    Ok(Some((graph, paths)))
}

/// A cache's incident lists, read in place for a path search ([`shortest_paths`]) under one
/// filter: each entity's list is read (its blocks checked) when the search first asks for it,
/// its relations admitted by the one rule ([`Filter::admit_traits`]) over the bounds and
/// traits the entries keep, and only what the search uses is kept ([`Admitted`]); the list's
/// blocks then leave the resident set. A read that fails gives an empty list and is kept: the
/// search's answer is then not used.
struct CachedLinks<'a> {
    lookup: &'a Lookup,
    filter: &'a Filter,
    lists: RefCell<HashMap<usize, Rc<Admitted>>>,
    failure: RefCell<Option<CacheError>>,
}

/// What a path search uses of an entity's incident list under its filter: how many of the
/// relations start early enough ([`Filter::candidates_by`]), and those of them it admits with
/// their other ends, as the cache's 32-bit indexes (8 bytes an entry where a decoded
/// [`Incident`] takes 40: the lists of the hubs a search at XL passes hold half a million).
#[derive(Default)]
struct Admitted {
    candidates: usize,
    relations: Box<[(u32, u32)]>,
}

impl CachedLinks<'_> {
    /// What the search uses of `at`'s list, under `filter`, the one this search was made for.
    fn list(&self, at: EntityIx, filter: &Filter) -> Rc<Admitted> {
        assert!(std::ptr::eq(filter, self.filter), "one filter per search");
        if let Some(list) = self.lists.borrow().get(&at.index()) {
            return list.clone();
        }
        let read = (self.lookup.incident_entries(at.index())).and_then(|entries| {
            self.lookup.release_incident(at.index())?;
            Ok(self.admitted(&entries))
        });
        let list = Rc::new(read.unwrap_or_else(|e| {
            self.failure.borrow_mut().get_or_insert(e);
            Admitted::default()
        }));
        self.lists.borrow_mut().insert(at.index(), list.clone());
        list
    }

    /// What the search uses of `entries`, a list in date order.
    fn admitted(&self, entries: &[Incident]) -> Admitted {
        let candidates = (self.filter).candidates_by(entries, |entry| entry.bounds.start_first);
        let relations = (entries[..candidates].iter())
            .filter(|entry| may_pass(entry, self.filter))
            // The cache stores both indexes in 32 bits ([`Incident`]'s decoding checks them).
            .map(|entry| (entry.relation as u32, entry.other as u32))
            .collect();
        Admitted {
            candidates,
            relations,
        }
    }
}

impl Links for CachedLinks<'_> {
    fn candidates(&self, at: EntityIx, filter: &Filter) -> usize {
        self.list(at, filter).candidates
    }

    fn admitted(
        &self,
        at: EntityIx,
        filter: &Filter,
        admitted: &mut dyn FnMut(RelationIx, EntityIx),
    ) {
        for &(relation, other) in self.list(at, filter).relations.iter() {
            admitted(
                RelationIx::new(relation as usize),
                EntityIx::new(other as usize),
            );
        }
    }
}

/// Reads from the cache of `dir` the entities that `name` matches, under the one matcher
/// ([`crate::names::search`]), and nothing else: no relation. Finding `name` among them
/// ([`NameIndex::find`]) gives what it gives among all entities, since every entity it can
/// match is there. `Ok(None)` when the name matches no entity (the suggestions for it need
/// every name).
pub fn named(dir: &Path, name: &str) -> Result<Option<Graph>, CacheError> {
    reached_entities(&mut Scope::open(dir)?, name, Reach::Names)
}

/// The keys of the names a query reaches, each with how it matched, in the order the one
/// matcher reports them.
type Hits = Vec<(KeyAt, Hit)>;

/// What `find` lists, read from the cache of a graph folder ([`holding`]): the entities with
/// a name holding a text, best first, each read in place from the cache as its row is made.
pub struct Found {
    scope: Scope,
    listed: Vec<Listing>,
}

impl std::fmt::Debug for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Found")
            .field("listed", &self.listed)
            .finish_non_exhaustive()
    }
}

/// One entity `find` lists: its index, its score, the name it matched by, and its place in
/// the order of the labels (`names::label_ranks`).
#[derive(Debug)]
struct Listing {
    entity: usize,
    score: f64,
    matched: Matched,
    rank: u32,
}

/// The name an entity listed matched by.
#[derive(Debug)]
enum Matched {
    /// Its name at this position (`names::numbered`): the first whose key earns its score.
    At(usize),
    /// This name: it was hit exactly, and scored over all its names.
    Name(String),
}

/// One row of what `find` lists: an entity read in place, its score and the name it matched
/// by, as [`NameIndex::search`](crate::names::NameIndex::search) gives them.
#[derive(Debug, Clone, Copy)]
pub struct FoundRow<'a> {
    /// The entity's id, kind, names and aliases.
    pub entity: EntityHead<'a>,
    /// 1.0 for an id or exact name, lower for looser matches.
    pub score: f64,
    /// The name or alias that matched.
    pub matched: &'a str,
}

impl Found {
    /// How many entities are listed.
    pub fn len(&self) -> usize {
        self.listed.len()
    }

    /// True when none is (never, as [`holding`] gives it).
    pub fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    /// The rows, best first, read in place from the entities' records, whose blocks are
    /// checked now, on every core (`Lookup::entities`): the most frequent word of a graph
    /// of a million entities lists a third of them, scattered over every block of the
    /// entities. The rows themselves are decoded as they are asked for
    /// ([`FoundRows::row`]), on any core.
    pub fn rows(&self) -> Result<FoundRows<'_>, CacheError> {
        Ok(FoundRows {
            listed: &self.listed,
            records: self.records()?,
        })
    }

    /// The entities listed, best first, each decoded without its lifetime and description
    /// (what `find --json` prints of it), with its score; decoded on every core, as
    /// [`Found::rows`].
    pub fn entities(&self) -> Result<Vec<(Entity, f64)>, CacheError> {
        let records = self.records()?;
        (self.listed.par_iter().zip(records))
            .with_min_len(PARALLEL_RECORDS)
            .map(|(listing, bytes)| {
                let i = listing.entity;
                let entity = super::entity_record_in(bytes, i, Detail::Table)?;
                Ok((entity, listing.score))
            })
            .collect()
    }

    /// The records of the entities listed, in their order, their blocks checked.
    fn records(&self) -> Result<Vec<&[u8]>, CacheError> {
        let listed: Vec<usize> = self.listed.iter().map(|listing| listing.entity).collect();
        self.scope.lookup.entities(&listed)
    }
}

/// The rows of what `find` lists ([`Found::rows`]): each entity's record, its blocks
/// checked, to be decoded when its row is asked for, on any core.
#[derive(Debug)]
pub struct FoundRows<'a> {
    listed: &'a [Listing],
    /// The record of each entity listed, in the same order.
    records: Vec<&'a [u8]>,
}

impl<'a> FoundRows<'a> {
    /// How many rows there are.
    pub fn len(&self) -> usize {
        self.listed.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    /// Every row in turn ([`FoundRows::row`]), best first.
    pub fn iter(&self) -> impl Iterator<Item = Result<FoundRow<'a>, CacheError>> + '_ {
        (0..self.len()).map(|i| self.row(i))
    }

    /// Row `i`, best first: the head of its entity's record (checked as it is read) and the
    /// name its best hit names, an error when that name is not one of its names (a damaged
    /// cache). Panics when `i` is not below [`FoundRows::len`].
    pub fn row(&self, i: usize) -> Result<FoundRow<'a>, CacheError> {
        let listing = &self.listed[i];
        let entity = super::entity_head_in(self.records[i], listing.entity)?;
        let matched = match &listing.matched {
            Matched::Name(name) => name.as_str(),
            &Matched::At(position) => name_at(&entity, position)?,
        };
        Ok(FoundRow {
            entity,
            score: listing.score,
            matched,
        })
    }
}

/// The name of the entity `head` at `position` (`names::numbered`), or the damage of a
/// name key that names none of its names.
fn name_at<'a>(head: &EntityHead<'a>, position: usize) -> Result<&'a str, CacheError> {
    (numbered(head.id, head.names, head.aliases()).nth(position)).ok_or_else(|| unnamed(head.id))
}

/// The damage of a name key of the entity `id` that names none of its names.
fn unnamed(id: &str) -> CacheError {
    Damage::Lookup(format!("a name key of {id} names none of its names")).into()
}

/// Reads from the cache of `dir` every entity with a name holding `text`: what `find` lists
/// of them, the matches of [`NameIndex::search`](crate::names::NameIndex::search), best
/// first, found from the keys the one matcher hits and the position of each key's name that
/// the cache stores (`names::best_hit`), so that no name is folded again, and ranked by the
/// places of their labels that the cache stores (`names::ranked_by`), no label made; when no
/// name holds it, the error of resolving it with its suggestions, as [`unknown`] gives it,
/// from the same read of the keys. The entities' records are read when their rows are
/// ([`Found::rows`]), in place, but for an entity hit exactly, scored over all its names.
pub fn holding(dir: &Path, text: &str) -> Result<Result<Found, NameError>, CacheError> {
    let mut scope = Scope::open(dir)?;
    let mut hits = scope.hits(text, Reach::Parts)?;
    if hits.is_empty() {
        return suggest(&mut scope, text).map(Err);
    }
    // Each entity's hits together, in the order reported, with their names' positions.
    hits.sort_by_key(|(at, _)| at.entity);
    let positioned = (hits.iter())
        .map(|&(at, hit)| Ok((hit, scope.lookup.key_name(at.key)?)))
        .collect::<Result<Vec<_>, CacheError>>()?;
    let groups: Vec<(usize, Range<usize>)> = (hits.chunk_by(|a, b| a.0.entity == b.0.entity))
        .scan(0, |from, group| {
            let range = *from..*from + group.len();
            *from = range.end;
            Some((group[0].0.entity, range))
        })
        .collect();
    scope.expect(groups.len())?;
    let mut listed = Vec::with_capacity(groups.len());
    for (i, range) in groups {
        let hits = &positioned[range];
        let (score, matched) = match best_hit(hits) {
            Some(Best::At { score, position }) => (score, Matched::At(position)),
            _ => {
                let entity = super::entity_record_in(scope.lookup.entity(i)?, i, Detail::Table)?;
                let (score, name) =
                    best_match(&entity, text, hits).ok_or_else(|| unnamed(entity.id.as_str()))?;
                (score, Matched::Name(name))
            }
        };
        let rank = scope.lookup.label_rank(i)?;
        listed.push(Listing {
            entity: i,
            score,
            matched,
            rank,
        });
    }
    ranked_by(&mut listed, |listing| (listing.score, listing.rank));
    Ok(Ok(Found { scope, listed }))
}

/// The entities whose names `query` reaches, read from `scope` as a graph without relations;
/// `Ok(None)` when it reaches none.
fn reached_entities(
    scope: &mut Scope,
    query: &str,
    reach: Reach,
) -> Result<Option<Graph>, CacheError> {
    let candidates = scope.reached(query, reach)?;
    if candidates.is_empty() {
        return Ok(None);
    }
    for &i in &candidates {
        scope.entity(i)?;
    }
    let (_, entities) = std::mem::take(&mut scope.entities).into_sorted();
    Ok(Some(Graph::from_valid(entities, Vec::new(), Vec::new())))
}

/// The error of resolving `name`, a name that matches no entity ([`named`] gave `None`), as
/// the whole graph gives it: too long, or unknown with up to three suggestions, found by the
/// one rule of "did you mean" ([`Nearest`]) over the cache's sorted keys, on every core
/// ([`Nearest::offer_all`]: a key too long or too short is rejected by the length in its
/// entry, unread); only the entities suggested are decoded.
pub fn unknown(dir: &Path, name: &str) -> Result<NameError, CacheError> {
    suggest(&mut Scope::open(dir)?, name)
}

/// [`unknown`], over `scope`.
fn suggest(scope: &mut Scope, name: &str) -> Result<NameError, CacheError> {
    let Some(mut nearest) = Nearest::new(name, 3) else {
        return Ok(NameError::TooLong {
            chars: name.chars().count(),
        });
    };
    let keys = scope.lookup.keys()?;
    nearest.offer_all(
        keys.len(),
        |k| keys.key_len(k),
        |k| keys.key(k).map(|(entity, key)| (key, entity)),
    )?;
    for i in nearest.entities() {
        scope.entity(i)?;
    }
    let suggestions = nearest.ranked(|i| label(&scope.entities[i]));
    Ok(NameError::Unknown {
        query: name.to_owned(),
        suggestions,
    })
}

/// Reads from the cache of `dir` the relation whose id is `id`, with the entities it refers
/// to and the sources, if the cache holds such a relation; `Ok(None)` when none has that id.
pub fn relation(dir: &Path, id: &str) -> Result<Option<Graph>, CacheError> {
    let mut scope = Scope::open(dir)?;
    let Some(r) = scope.lookup.relation_by_id(id)? else {
        return Ok(None);
    };
    let sources = scope.sources()?;
    let documents = payload::document_names(&sources);
    let (relation, _) = scope.relation(r, &documents)?;
    let (_, entities) = scope.entities.into_sorted();
    Ok(Some(Graph::from_valid(entities, vec![relation], sources)))
}

/// The lookup section of the cache of `dir`, once its header is read and checked (stale
/// inputs, the header's checksum, the file's length), its blocks read from the file as they
/// are used ([`BlockReader::read`]), and where the trigram section lies.
fn open_lookup(dir: &Path) -> Result<(Lookup, Range<u64>), CacheError> {
    let file = open(dir)?;
    let file_len = file.metadata()?.len();
    let header = Header::read(&super::blocks::head(&file, file_len)?, dir)?;
    header.check_len(file_len)?;
    let (start, len) = (header.len as u64, header.body_len);
    let reader = BlockReader::read(file, file_len, start, len, header.hashes)?;
    let grams = header.grams_at..header.lookup_at;
    Ok((Lookup::open(reader, header.lookup_at)?, grams))
}

/// How many records a scoped read decodes before it reads them in place from the mapped file
/// rather than from buffers ([`super::blocks::BlockReader::read`]): a hub's thousands of
/// relations lie in hundreds of blocks, which cost less mapped than copied (its peak resident
/// memory is about the same either way), while a small question's few blocks cost less
/// resident memory in buffers.
const MANY_RECORDS: usize = 2000;

/// How many records a read decodes before it decodes them on every core
/// ([`Scope::relations`]): fewer cost less on one thread than starting the others.
const PARALLEL_RECORDS: usize = 1024;

/// How many entities' incident lists [`read_ego`] checks (on every core) and reads at once,
/// before their pages leave the resident set: the lists of a depth-2 network's last level,
/// tens of MB, are then never resident together. Few, because a fault maps the whole large
/// folio of the page cache around a block: at L, after `cat` of the cache, 128 lists
/// scattered over the incident section mapped 59 MiB of it (the read's peak 68 MiB); with
/// 32 the read's peak is 60 MiB.
const LIST_PART: usize = 32;

/// The entities decoded so far, by index, and the lookup section to decode more.
pub(super) struct Scope {
    pub(super) lookup: Lookup,
    /// Where the trigram section of the name keys lies in the body.
    grams: Range<u64>,
    pub(super) entities: Decoded,
    /// How much of each relation, and of each entity a relation refers to, is decoded (the
    /// entities a name matches are decoded in full).
    pub(super) detail: Detail,
}

impl Scope {
    /// A scope over the cache of `dir` with nothing decoded yet.
    pub(super) fn open(dir: &Path) -> Result<Scope, CacheError> {
        let (lookup, grams) = open_lookup(dir)?;
        Ok(Scope::over(lookup, grams))
    }

    /// A scope over `lookup`, opened by its reader, with nothing decoded yet; `grams` is
    /// where the trigram section lies in the body.
    pub(super) fn over(lookup: Lookup, grams: Range<u64>) -> Scope {
        let entities = Decoded::new(lookup.entity_count());
        Scope {
            lookup,
            grams,
            entities,
            detail: Detail::Full,
        }
    }

    /// Prepares to decode about `records` records: more than [`MANY_RECORDS`] are read in
    /// place from the mapped file ([`Lookup::map_rest`]).
    pub(super) fn expect(&self, records: usize) -> Result<(), CacheError> {
        if records > MANY_RECORDS {
            self.lookup.map_rest()?;
        }
        Ok(())
    }

    /// Decodes the sources.
    fn sources(&mut self) -> Result<Vec<crate::model::Source>, CacheError> {
        let mut d = Decoder::new(self.lookup.sources()?);
        payload::decode_sources(&mut d).map_err(|e| Damage::in_part(e, "the sources"))
    }

    /// The entities `name` matches, by index, under the one matcher ([`search`]) that the
    /// whole graph's name index also uses: all of them are candidates, whatever their score.
    fn candidates(&mut self, name: &str) -> Result<Vec<usize>, CacheError> {
        self.reached(name, Reach::Names)
    }

    /// The entities whose names `query` reaches, as the one matcher reaches them.
    fn reached(&mut self, query: &str, reach: Reach) -> Result<Vec<usize>, CacheError> {
        let mut entities: Vec<usize> = (self.hits(query, reach)?.into_iter())
            .map(|(at, _)| at.entity)
            .collect();
        entities.sort_unstable();
        entities.dedup();
        Ok(entities)
    }

    /// The keys of the names `query` reaches, as the one matcher reaches them, each with how
    /// it matched.
    fn hits(&mut self, query: &str, reach: Reach) -> Result<Hits, CacheError> {
        let mut found = Hits::new();
        let mut keys = NameKeys {
            lookup: &self.lookup,
            grams: self.grams.clone(),
        };
        search_reaching(&mut keys, query, reach, &mut |at, hit, _| {
            found.push((at, hit))
        })?;
        Ok(found)
    }

    /// The entities `name` matches, decoded and added to `named`, and the one it resolves to
    /// among them as among all entities (none when it is ambiguous: the command reports it
    /// from the candidates the scoped graph holds); `None` when it matches no entity.
    pub(super) fn resolve(
        &mut self,
        name: &str,
        named: &mut BTreeSet<usize>,
    ) -> Result<Option<Option<usize>>, CacheError> {
        let candidates = self.candidates(name)?;
        if candidates.is_empty() {
            return Ok(None);
        }
        named.extend(candidates.iter().copied());
        for &i in &candidates {
            self.entity(i)?;
        }
        let entities: Vec<Entity> = candidates
            .iter()
            .map(|&i| self.entities[i].clone())
            .collect();
        let local = NameIndex::new(&entities).resolve(name).ok();
        Ok(Some(local.map(|local| candidates[local.index()])))
    }

    /// The entries of entity `i`'s relations that `filter` admits, and of its armed-force
    /// relations (see [`read_for`]).
    fn may_answer(&mut self, i: usize, filter: &Filter) -> Result<Vec<Incident>, CacheError> {
        let mut entries = self.lookup.incident_entries(i)?;
        entries.retain(|entry| {
            entry.traits.kind == RelationKind::ArmedForceOf || may_pass(entry, filter)
        });
        Ok(entries)
    }

    /// The entries of entity `i`'s relations that `filter` admits.
    fn may_pass(&mut self, i: usize, filter: &Filter) -> Result<Vec<Incident>, CacheError> {
        self.may_pass_to(i, filter, |_| true)
    }

    /// [`may_pass`](Self::may_pass), of the entries whose other end `wanted` picks.
    fn may_pass_to(
        &mut self,
        i: usize,
        filter: &Filter,
        wanted: impl Fn(usize) -> bool,
    ) -> Result<Vec<Incident>, CacheError> {
        let mut entries = self.lookup.incident_entries_to(i, wanted)?;
        entries.retain(|entry| may_pass(entry, filter));
        Ok(entries)
    }

    /// The graph of the entities decoded so far and the `relations` (indexes in increasing
    /// order, with the entities they refer to), where only the entities of `named` are named.
    /// Also gives the index in the whole graph of each of its entities.
    fn graph(
        mut self,
        relations: &[usize],
        named: &BTreeSet<usize>,
    ) -> Result<(Graph, Vec<usize>), CacheError> {
        let sources = self.sources()?;
        let documents = payload::document_names(&sources);
        let decoded = self.relations(relations, &[], &documents)?;
        let (whole, entities) = self.entities.into_sorted();
        let named: Vec<bool> = whole.iter().map(|i| named.contains(i)).collect();
        let graph = assemble(entities, &whole, decoded, sources, |i| named[i]);
        Ok((graph, whole))
    }

    /// Lets the pages of the body read so far leave the resident set
    /// ([`BlockReader::release`]), for a read of many records or lists scattered over the
    /// body, which it will not read again (the decoded entities and relations are copies)
    /// or only in part (a page used again is faulted back in, the same bytes).
    pub(super) fn release(&self) {
        let reader = self.lookup.reader();
        reader.release(0, reader.body_len());
    }

    /// Lets the pages of the records at `spans` leave the resident set, and no others: one
    /// range from the first record to the last (a hub's records lie together, stored by
    /// their home), so that the label part's pages, which the next rows read again, stay
    /// mapped rather than being faulted in again after every batch.
    pub(super) fn release_records(&self, spans: &[(u64, u64)]) {
        let from = spans.iter().map(|&(from, _)| from).min();
        let to = spans.iter().map(|&(_, to)| to).max();
        if let (Some(from), Some(to)) = (from, to) {
            self.lookup.reader().release(from, to);
        }
    }

    /// Decodes entity `i` in full unless it already is; returns its id.
    fn entity(&mut self, i: usize) -> Result<EntityId, CacheError> {
        entity_into(&self.lookup, &mut self.entities, i, Detail::Full)
    }

    /// Decodes the relations `wanted` (by index) in the scope's detail, with every entity
    /// they refer to, in the order given; `others` are the entities expected at their ends
    /// (from their incident entries). Many records are decoded on every core, in two rounds:
    /// the entities of `others` first, then the records, each with the ids of its ends read
    /// from those; a record that refers to entities not decoded yet (a place, a claimant, an
    /// end not in `others`) names them all ([`payload::relation_references`]), and the
    /// entities so named are decoded on every core before the second round decodes those
    /// records again. Records left after it, or whose entities cannot be decoded, are decoded
    /// one at a time by [`Scope::relation`], which tells which record or entity is damaged. Gives what
    /// [`Scope::relation`] gives for each.
    pub(super) fn relations(
        &mut self,
        wanted: &[usize],
        others: &[usize],
        documents: &[arcstr::ArcStr],
    ) -> Result<Vec<(crate::model::Relation, [usize; 2])>, CacheError> {
        if wanted.len() < PARALLEL_RECORDS {
            return wanted
                .iter()
                .map(|&r| self.relation(r, documents))
                .collect();
        }
        let detail = self.detail;
        decode_entities(
            &self.lookup,
            &mut self.entities,
            others.iter().copied(),
            detail,
        )?;
        let count = self.lookup.entity_count();
        let mut decoded: Vec<Option<(crate::model::Relation, [usize; 2])>> = Vec::new();
        decoded.resize_with(wanted.len(), || None);
        // The records that named an entity not decoded yet, copied: the pages they lie in
        // leave the resident set with their part ([`Lookup::relations_in_parts`]).
        let mut records: Vec<Option<Box<[u8]>>> = Vec::new();
        records.resize_with(wanted.len(), || None);
        // Each failure, by position in `wanted`, and the entities it names not decoded.
        let mut failed: Vec<(usize, Vec<usize>)> = Vec::new();
        let take = |round: Vec<(usize, Decoding)>,
                    decoded: &mut Vec<Option<_>>,
                    failed: &mut Vec<(usize, Vec<usize>)>| {
            for (k, relation) in round {
                match relation {
                    Ok(relation) => decoded[k] = Some(relation),
                    Err(absent) => failed.push((k, absent)),
                }
            }
        };
        // The first round a part of the body at a time, while its blocks, just checked, are
        // in the processor's caches.
        let (lookup, entities) = (&self.lookup, &self.entities);
        lookup.relations_in_parts(wanted, |part| {
            let round = decode_records(part, wanted, entities, count, documents, detail);
            for ((k, relation), &(_, bytes)) in round.iter().zip(part) {
                if relation.is_err() {
                    records[*k] = Some(bytes.into());
                }
            }
            take(round, &mut decoded, &mut failed);
            Ok(())
        })?;
        // The second round, after the entities every failed record named: a record that
        // names none, or fails again, is damaged, and is decoded again below to tell why.
        let absent = failed.iter().flat_map(|(_, absent)| absent).copied();
        let absent: Vec<usize> = absent.collect();
        if !absent.is_empty()
            && decode_entities(&self.lookup, &mut self.entities, absent, detail).is_ok()
        {
            // The pages of the entities' records, scattered over the body, are not read again.
            self.release();
            let pending: Vec<(usize, &[u8])> = (failed.drain(..))
                .filter_map(|(k, _)| Some((k, records[k].as_deref()?)))
                .collect();
            let round = decode_records(&pending, wanted, &self.entities, count, documents, detail);
            take(round, &mut decoded, &mut failed);
        }
        drop(records);
        (decoded.into_iter().zip(wanted))
            .map(|(relation, &r)| match relation {
                Some(relation) => Ok(relation),
                None => self.relation(r, documents),
            })
            .collect()
    }

    /// Decodes relation `r` in the scope's detail, and every entity it refers to; gives it
    /// with its source and target, by index in the whole graph.
    pub(super) fn relation(
        &mut self,
        r: usize,
        documents: &[arcstr::ArcStr],
    ) -> Result<(crate::model::Relation, [usize; 2]), CacheError> {
        let bytes = self.lookup.relation(r)?;
        let count = self.lookup.entity_count();
        // An entity that cannot be read is reported as itself, not as the relation.
        let mut failure = None;
        let (lookup, entities, detail) = (&self.lookup, &mut self.entities, self.detail);
        let mut id_of = |i: usize| {
            entity_into(lookup, entities, i, detail).map_err(|e| {
                failure = Some(e);
                Corrupt {
                    at: 0,
                    what: String::new(),
                }
            })
        };
        let relation = super::record_in(
            bytes,
            detail,
            || format!("relation {r}"),
            |d| payload::decode_relation_in(d, count, &mut id_of, documents, detail),
        );
        if let Some(e) = failure {
            return Err(e);
        }
        relation
    }
}

/// A relation decoded with its ends, or the entities its record refers to that were not
/// decoded (none when the record is damaged).
type Decoding = Result<(crate::model::Relation, [usize; 2]), Vec<usize>>;

/// Decodes on every core the relation `records` (each with its position `k` in `wanted`,
/// the relation indexes), in `detail`, with the ids of the entities they refer to read from
/// `entities`: for each, the relation and its ends, or every entity it refers to that is not
/// decoded ([`payload::relation_references`]; none when the record is damaged).
fn decode_records(
    records: &[(usize, &[u8])],
    wanted: &[usize],
    entities: &Decoded,
    count: usize,
    documents: &[arcstr::ArcStr],
    detail: Detail,
) -> Vec<(usize, Decoding)> {
    (records.par_iter())
        .with_min_len(256)
        .map(|&(k, bytes)| {
            let mut id_of = |i: usize| match entities.get_in(i, detail) {
                Some(entity) => Ok(entity.id.clone()),
                None => Err(Corrupt {
                    at: 0,
                    what: String::new(),
                }),
            };
            let r = wanted[k];
            let relation = super::record_in(
                bytes,
                detail,
                || format!("relation {r}"),
                |d| payload::decode_relation_in(d, count, &mut id_of, documents, detail),
            );
            let absent = || {
                let mut absent = Vec::new();
                let mut note = |i: usize| {
                    if entities.get_in(i, detail).is_none() {
                        absent.push(i);
                    }
                };
                let read = payload::relation_references(
                    &mut Decoder::new(bytes),
                    count,
                    detail,
                    &mut note,
                );
                if read.is_err() {
                    absent.clear();
                }
                absent
            };
            (k, relation.map_err(|_| absent()))
        })
        .collect()
}

/// The graph of the decoded `entities`, whose indexes in the whole graph are `whole` (in
/// increasing order), and `relations` with their ends by index in the whole graph, where
/// only the entities `named` picks (by position) are named. Every entity a relation refers
/// to was decoded, and the relation shares its id ([`entity_into`]): its ends are mapped to
/// positions, not looked up by id.
fn assemble(
    entities: Vec<Entity>,
    whole: &[usize],
    relations: Vec<(crate::model::Relation, [usize; 2])>,
    sources: Vec<crate::model::Source>,
    named: impl Fn(usize) -> bool + Sync + Send,
) -> Graph {
    let local = |i: usize| whole.binary_search(&i).expect("an end decoded") as u32;
    let (relations, ends): (Vec<_>, Vec<_>) = relations
        .into_iter()
        .map(|(relation, [s, t])| (relation, [local(s), local(t)]))
        .unzip();
    Graph::from_decoded_named(entities, relations, sources, ends, named)
}

/// Decodes entity `i` of `lookup` into `entities` in `detail` unless it is there in as much
/// detail; returns its id.
pub(super) fn entity_into(
    lookup: &Lookup,
    entities: &mut Decoded,
    i: usize,
    detail: Detail,
) -> Result<EntityId, CacheError> {
    if let Some(entity) = entities.get_in(i, detail) {
        return Ok(entity.id.clone());
    }
    let entity = super::entity_record_in(lookup.entity(i)?, i, detail)?;
    let id = entity.id.clone();
    entities.insert(i, entity, detail);
    Ok(id)
}

/// Decodes into `entities` in `detail`, on every core, each of the entities `wanted` (by
/// index, repeats allowed) not decoded in as much detail yet; their blocks are checked on
/// every core too ([`Lookup::entities`]): the places and claimants a large read names lie
/// in thousands of blocks.
pub(super) fn decode_entities(
    lookup: &Lookup,
    entities: &mut Decoded,
    wanted: impl IntoIterator<Item = usize>,
    detail: Detail,
) -> Result<(), CacheError> {
    let mut missing: Vec<usize> = (wanted.into_iter())
        .filter(|&i| entities.get_in(i, detail).is_none())
        .collect();
    missing.sort_unstable();
    missing.dedup();
    let records = lookup.entities(&missing)?;
    let decoded: Vec<_> = (missing.par_iter().zip(&records))
        .with_min_len(256)
        .map(|(&i, bytes)| super::entity_record_in(bytes, i, detail))
        .collect();
    for (&i, entity) in missing.iter().zip(decoded) {
        entities.insert(i, entity?, detail);
    }
    Ok(())
}

/// The entities a scope decoded, found by their index in the whole graph in constant time (a
/// hub's scope decodes ~20k entities, in no order, and looks each up at every relation that
/// refers to it).
#[derive(Debug, Default)]
pub(super) struct Decoded {
    /// For each entity of the whole graph, one more than its place in `entities`, or 0.
    slots: Vec<u32>,
    /// The entities decoded, with their index and how much of each was, in the order
    /// decoded.
    entities: Vec<(usize, Entity, Detail)>,
}

impl Decoded {
    /// None decoded yet, of a graph of `count` entities.
    fn new(count: usize) -> Decoded {
        Decoded {
            slots: vec![0; count],
            entities: Vec::new(),
        }
    }

    /// Entity `i`, if decoded.
    fn get(&self, i: usize) -> Option<&Entity> {
        let slot = *self.slots.get(i)? as usize;
        Some(&self.entities.get(slot.checked_sub(1)?)?.1)
    }

    /// Entity `i`, if decoded in as much as `detail` (every detail but the full one decodes
    /// the same fields of an entity).
    fn get_in(&self, i: usize, detail: Detail) -> Option<&Entity> {
        let slot = *self.slots.get(i)? as usize;
        let (_, entity, has) = self.entities.get(slot.checked_sub(1)?)?;
        (*has == Detail::Full || detail != Detail::Full).then_some(entity)
    }

    /// Keeps entity `i` (an index below the graph's count) decoded in `detail`, in place of
    /// what was decoded of it before.
    fn insert(&mut self, i: usize, entity: Entity, detail: Detail) {
        if let Some(slot) = (self.slots[i] as usize).checked_sub(1) {
            self.entities[slot] = (i, entity, detail);
            return;
        }
        self.entities.push((i, entity, detail));
        // Entity counts are bounded by the loader's limits, far below u32::MAX.
        self.slots[i] = self.entities.len() as u32;
    }

    /// Each entity decoded, with its index, in no particular order.
    fn iter(&self) -> impl Iterator<Item = (usize, &Entity)> {
        self.entities.iter().map(|(i, e, _)| (*i, e))
    }

    /// The indexes of the entities decoded, in order, and the entities in the same order.
    fn into_sorted(mut self) -> (Vec<usize>, Vec<Entity>) {
        self.entities.sort_unstable_by_key(|(i, _, _)| *i);
        self.entities.into_iter().map(|(i, e, _)| (i, e)).unzip()
    }
}

impl std::ops::Index<usize> for Decoded {
    type Output = Entity;

    /// Entity `i`, which must be decoded.
    fn index(&self, i: usize) -> &Entity {
        self.get(i).expect("an entity decoded")
    }
}

/// Whether `filter` admits the relation of `entry`, by the one rule ([`Filter::admit_traits`])
/// over the bounds and traits the entry keeps.
fn may_pass(entry: &Incident, filter: &Filter) -> bool {
    filter.admit_traits(&entry.traits, &entry.bounds).is_some()
}
