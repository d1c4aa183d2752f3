//! The cache's lookup section: what a scoped load ([`super::scoped`]) needs to find one
//! actor's part of the graph without decoding the rest. It follows the graph in the body:
//!
//! | field | bytes |
//! |---|---|
//! | directory: entities, relations, offset of the sources, incident entries, place entries, name keys, key text length, label entries' length | 8 × 8 |
//! | offset of each entity, then of the end of the last | (entities + 1) × 8 |
//! | offset of each relation record in stored order, then of the end of the last | (relations + 1) × 8 |
//! | the relation index stored at each position | relations × 4 |
//! | the position of each relation, by index | relations × 4 |
//! | where each entity's incident relations start, then the end | (entities + 1) × 4 |
//! | the incident relations, entity by entity, by date ([`Incident`]: index, other end, the four date bounds as days, kind, status, flags (negated 1, timeless 2), a zero byte) | incident entries × 28 |
//! | where each entity's placed relations (its `place`) start, then the end | (entities + 1) × 4 |
//! | the placed relations, by date | place entries × 4 |
//! | name keys sorted by key, then entity: entity, offset and length of the key | keys × 12 |
//! | the keys' text | key text length |
//! | the position of each key's name among its entity's names, in key order (`names::positioned_keys`: the first name whose key it is) | keys × 4 |
//! | every relation, by index, sorted by id (for `show ID`) | relations × 4 |
//! | where each entity's label entry starts (from the first), then the end ([`super::labels`]) | (entities + 1) × 8 |
//! | the label entries, by entity | label entries' length |
//! | each entity's place in the order of the entities' labels (`names::label_ranks`), by entity | entities × 4 |
//!
//! Relations are stored clustered by their home ([`stored_order`]): the end with more
//! relations. A hub's relations then lie together, in date order, so a scoped read of a hub
//! reads the few hundred blocks that hold them, not every block of the body; and each incident
//! entry carries the relation's date bounds and kind, so a question about a date or a kind
//! decodes only the relations that can answer it ([`super::scoped::read_for`]).
//!
//! Offsets are from the start of the body. Every count and offset is checked against the
//! body's length when the section is opened, and every index against its bound when read; a
//! relation's position is checked to store that relation before it is read. A relation found
//! by its id is checked to have that id before it is used, so a damaged table can hide a
//! relation (the command then treats the id as a name) but never show another.

use rayon::slice::ParallelSliceMut;

use super::blocks::{BLOCK_SIZE, BlockReader};
use super::codec::{Decoder, Encoder};
use super::labels::{self, Label};
use super::payload::Offsets;
use super::{CacheError, Damage};
use crate::graph::{EntityIx, Graph, RelationIx};
use crate::model::{Bounds, Day, RelationKind, Status};
use crate::names::{label, label_ranks, positioned_keys};
use crate::query::Traits;

const DIRECTORY: u64 = 8 * 8;

/// The bytes of one incident entry ([`Incident`]).
const INCIDENT_WIDTH: u64 = 28;

/// The order in which the relations of `graph` are stored in the body: grouped by their home,
/// the end with more relations (the first of equals), the homes in entity order, each home's
/// relations in date order ([`Graph::chronological`]). The largest hub is the home of all its
/// relations, which then lie together in the order a date question reads them.
pub fn stored_order(graph: &Graph) -> Vec<u32> {
    let rank = |e: EntityIx| (graph.incident(e).len(), std::cmp::Reverse(e.index()));
    let mut homes: Vec<Vec<u32>> = vec![Vec::new(); graph.entities().len()];
    for &r in graph.chronological() {
        let (source, target) = graph.ends(r);
        let home = if rank(target) > rank(source) {
            target
        } else {
            source
        };
        // Relation counts are bounded by the loader's limits, far below u32::MAX.
        homes[home.index()].push(r.index() as u32);
    }
    homes.concat()
}

/// One name key of an entity, as the lookup section stores it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SortedKey {
    /// The key ([`crate::names::key`]).
    pub key: String,
    /// The entity's index.
    pub entity: u32,
    /// The position among the entity's names of the first whose key it is
    /// ([`positioned_keys`]).
    pub name: u32,
}

/// The name keys of `graph`'s entities, each with its entity's index and its name's
/// position, sorted by key, then entity, each (key, entity) pair once with the first
/// position that has it: the keys the lookup section stores, in its order.
pub fn sorted_keys(graph: &Graph) -> Vec<SortedKey> {
    let mut keys: Vec<SortedKey> = graph
        .entities()
        .iter()
        .enumerate()
        .flat_map(|(i, entity)| {
            // Name counts are bounded by the loader's file size limit, far below u32::MAX.
            positioned_keys(entity).map(move |(key, name)| SortedKey {
                key,
                entity: i as u32,
                name: name as u32,
            })
        })
        .collect();
    keys.sort_unstable();
    keys.dedup_by(|later, first| later.key == first.key && later.entity == first.entity);
    keys
}

/// Appends the lookup section of `graph`, whose parts were encoded at `offsets`, the
/// relations in stored `order` ([`stored_order`]), its name `keys` sorted ([`sorted_keys`]).
pub fn encode(
    e: &mut Encoder,
    graph: &Graph,
    offsets: &Offsets,
    order: &[u32],
    keys: &[SortedKey],
) {
    let lists = |of: fn(&Graph, EntityIx) -> &[RelationIx]| -> (Vec<u32>, Vec<RelationIx>) {
        let mut starts = vec![0];
        let mut all = Vec::new();
        for i in graph.entity_indexes() {
            all.extend_from_slice(of(graph, i));
            starts.push(all.len() as u32);
        }
        (starts, all)
    };
    let incident = lists(Graph::incident);
    let placed = lists(Graph::at_place);
    let text_len: usize = keys.iter().map(|k| k.key.len()).sum();
    let (label_offsets, label_entries) = labels::entries(graph);
    for n in [
        graph.entities().len() as u64,
        graph.relations().len() as u64,
        offsets.sources,
        incident.1.len() as u64,
        placed.1.len() as u64,
        keys.len() as u64,
        text_len as u64,
        label_entries.len() as u64,
    ] {
        e.u64(n);
    }
    for &at in offsets.entities.iter().chain(&offsets.relations) {
        e.u64(at);
    }
    encode_order(e, order);
    for &n in &incident.0 {
        e.u32(n);
    }
    for (i, entity) in graph.entity_indexes().enumerate() {
        let list = &incident.1[incident.0[i] as usize..incident.0[i + 1] as usize];
        for &r in list {
            Incident::of(graph, entity, r).encode(e);
        }
    }
    for &n in &placed.0 {
        e.u32(n);
    }
    for r in &placed.1 {
        e.u32(r.index() as u32);
    }
    let mut at = 0u32;
    for k in keys {
        e.u32(k.entity);
        e.u32(at);
        e.u32(k.key.len() as u32);
        at += k.key.len() as u32;
    }
    for k in keys {
        e.bytes(k.key.as_bytes());
    }
    for k in keys {
        e.u32(k.name);
    }
    let relations = graph.relations();
    let mut by_id: Vec<u32> = (0..relations.len() as u32).collect();
    by_id.par_sort_unstable_by(|&a, &b| relations[a as usize].id.cmp(&relations[b as usize].id));
    for r in by_id {
        e.u32(r);
    }
    for at in label_offsets {
        e.u64(at);
    }
    e.bytes(&label_entries);
    let ranks = label_ranks(&graph.entities().iter().map(label).collect::<Vec<_>>());
    for rank in ranks {
        e.u32(rank);
    }
}

/// Appends the relation stored at each position, then each relation's position.
fn encode_order(e: &mut Encoder, order: &[u32]) {
    let mut position = vec![0u32; order.len()];
    for (at, &r) in order.iter().enumerate() {
        position[r as usize] = at as u32;
        e.u32(r);
    }
    for at in position {
        e.u32(at);
    }
}

/// One relation of an entity's incident list, with what a question needs to know whether it
/// admits the relation ([`Filter::admit_traits`]) without decoding its record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Incident {
    /// The relation's index.
    pub relation: usize,
    /// Its other end (the entity itself for a relation from an entity to itself), by index.
    pub other: usize,
    /// Its date bounds.
    pub bounds: Bounds,
    /// Its kind, status, negation and timelessness.
    pub traits: Traits,
}

impl Incident {
    fn of(graph: &Graph, entity: EntityIx, r: RelationIx) -> Incident {
        Incident {
            relation: r.index(),
            other: graph.other_end(r, entity).index(),
            bounds: *graph.bounds(r),
            traits: Traits::of(graph.relation(r)),
        }
    }

    fn encode(self, e: &mut Encoder) {
        e.u32(self.relation as u32);
        e.u32(self.other as u32);
        let b = self.bounds;
        for day in [b.start_first, b.start_last, b.end_first, b.end_last] {
            e.u32(day.0 as u32);
        }
        let flags = u8::from(self.traits.negated) | u8::from(self.traits.timeless) << 1;
        e.bytes(&[self.traits.kind as u8, self.traits.status as u8, flags, 0]);
    }

    /// The entry in `bytes` ([`INCIDENT_WIDTH`] of them), checked against a graph of `count`
    /// entities and relations.
    /// The other end of the entry `bytes`, checked to be an entity's index.
    fn other_in(bytes: &[u8], count: Count) -> Result<usize, CacheError> {
        let other = u64::from(le32(&bytes[4..8]));
        if other >= count.entities {
            return Err(corrupt(format!("entity index {other} out of range")));
        }
        Ok(other as usize)
    }

    fn decode(bytes: &[u8], count: Count) -> Result<Incident, CacheError> {
        let r = u64::from(le32(&bytes[0..4]));
        if r >= count.relations {
            return Err(corrupt(format!("relation index {r} out of range")));
        }
        let other = Incident::other_in(bytes, count)?;
        let day = |at: usize| Day(le32(&bytes[at..at + 4]) as i32);
        let (kind, status) = (usize::from(bytes[24]), usize::from(bytes[25]));
        let (Some(&kind), Some(&status)) = (RelationKind::ALL.get(kind), Status::ALL.get(status))
        else {
            return Err(corrupt(format!(
                "unknown relation kind or status code {kind}, {status}"
            )));
        };
        if bytes[26] > 3 || bytes[27] != 0 {
            return Err(corrupt("unknown flags in an incident entry"));
        }
        Ok(Incident {
            relation: r as usize,
            other,
            bounds: Bounds {
                start_first: day(8),
                start_last: day(12),
                end_first: day(16),
                end_last: day(20),
            },
            traits: Traits {
                kind,
                status,
                negated: bytes[26] & 1 != 0,
                timeless: bytes[26] & 2 != 0,
            },
        })
    }
}

/// How many entities and relations a graph has: the bounds of the indexes it refers to.
#[derive(Debug, Clone, Copy)]
struct Count {
    entities: u64,
    relations: u64,
}

/// A list per entity, stored as where each entity's part starts, then all parts.
#[derive(Debug, Clone, Copy)]
struct Table {
    /// Body offset of the starts (one per entity, then the end).
    starts: u64,
    /// Body offset of the entries.
    entries: u64,
    /// How many entries there are.
    count: u64,
    /// The bytes of one entry (its first four: a relation index).
    width: u64,
}

/// The relation records of the lookup section at `at` in `body` (a body already checked), for
/// a whole read that decodes every relation: the offset of each record in stored order (then
/// the end of the last), and the relation index stored at each position, checked to be a
/// permutation.
pub fn relation_records(body: &[u8], at: u64) -> Result<(Vec<u64>, Vec<u32>), CacheError> {
    let slice = |pos: u64, n: u64| -> Result<&[u8], CacheError> {
        usize::try_from(pos)
            .ok()
            .zip(usize::try_from(n).ok())
            .and_then(|(p, n)| body.get(p..p.checked_add(n)?))
            .ok_or_else(|| corrupt("the lookup section is cut short"))
    };
    let mut numbers = [0u64; 8];
    for (i, slot) in numbers.iter_mut().enumerate() {
        *slot = u64::from_le_bytes(slice(at + 8 * i as u64, 8)?.try_into().expect("8 bytes"));
    }
    let d = Directory::from(numbers);
    let starts = layout(at, &d, body.len() as u64)?;
    let relations = d.relations;
    // The layout fits the body, so both tables are within it.
    let offsets = slice(starts[2], 8 * (relations + 1))?
        .chunks_exact(8)
        .map(|b| u64::from_le_bytes(b.try_into().expect("eight bytes")))
        .collect();
    let order: Vec<u32> = slice(starts[3], 4 * relations)?
        .chunks_exact(4)
        .map(le32)
        .collect();
    if !is_permutation(&order) {
        return Err(corrupt(
            "the stored order of the relations is not a permutation",
        ));
    }
    Ok((offsets, order))
}

/// Whether `order` holds each of `0..order.len()` once: an order of relations, as a section
/// of the cache stores it.
pub(super) fn is_permutation(order: &[u32]) -> bool {
    let mut seen = vec![false; order.len()];
    order.iter().all(|&r| match seen.get_mut(r as usize) {
        Some(slot @ false) => {
            *slot = true;
            true
        }
        _ => false,
    })
}

/// The lookup section's directory, its first part: how many entities, relations, sources,
/// incident entries, placed relations and name keys it indexes, its key text's length and
/// its label entries' length.
#[derive(Debug, Clone, Copy)]
struct Directory {
    entities: u64,
    relations: u64,
    sources: u64,
    incident: u64,
    placed: u64,
    key_count: u64,
    text_len: u64,
    label_len: u64,
}

impl From<[u64; 8]> for Directory {
    /// The directory's eight numbers as stored, in the order of the fields.
    fn from(n: [u64; 8]) -> Self {
        Directory {
            entities: n[0],
            relations: n[1],
            sources: n[2],
            incident: n[3],
            placed: n[4],
            key_count: n[5],
            text_len: n[6],
            label_len: n[7],
        }
    }
}

/// How many parts the lookup section has (the rows of the module's table).
const PARTS: usize = 16;

/// Where each part of the lookup section at `at` starts, from its `directory` (see the
/// module's table, in order); an error when a size overflows or the parts do not end exactly
/// at the end of a body of `body_len` bytes, or when the sources do not start before `at`.
fn layout(at: u64, d: &Directory, body_len: u64) -> Result<[u64; PARTS], CacheError> {
    let per_entity = d.entities.checked_add(1);
    let sizes = [
        Some(DIRECTORY),
        per_entity.and_then(|n| n.checked_mul(8)),
        d.relations.checked_add(1).and_then(|n| n.checked_mul(8)),
        d.relations.checked_mul(4),
        d.relations.checked_mul(4),
        per_entity.and_then(|n| n.checked_mul(4)),
        d.incident.checked_mul(INCIDENT_WIDTH),
        per_entity.and_then(|n| n.checked_mul(4)),
        d.placed.checked_mul(4),
        d.key_count.checked_mul(12),
        Some(d.text_len),
        d.key_count.checked_mul(4),
        d.relations.checked_mul(4),
        per_entity.and_then(|n| n.checked_mul(8)),
        Some(d.label_len),
        d.entities.checked_mul(4),
    ];
    let mut starts = [0; PARTS];
    let mut end = Some(at);
    for (start, size) in starts.iter_mut().zip(sizes) {
        *start = end.unwrap_or(0);
        end = end.zip(size).and_then(|(a, b)| a.checked_add(b));
    }
    if end != Some(body_len) || d.sources >= at {
        return Err(corrupt(
            "the lookup section does not fit the body: the file was altered or damaged",
        ));
    }
    Ok(starts)
}

/// How many records [`Lookup::relations_in_parts`] hands on at a time: at L's density a
/// part spans about 35 blocks (2 MiB), which stay in the processor's caches from their check
/// to their decoding.
const PART_RECORDS: usize = 1024;

/// The lookup section of a cache, read through a [`BlockReader`].
#[derive(Debug)]
pub struct Lookup {
    reader: BlockReader,
    entities: u64,
    relations: u64,
    sources: u64,
    entity_offsets: u64,
    relation_offsets: u64,
    order: u64,
    position: u64,
    incident: Table,
    placed: Table,
    keys: u64,
    key_count: u64,
    text: u64,
    text_len: u64,
    key_names: u64,
    by_id: u64,
    label_offsets: u64,
    label_entries: u64,
    label_len: u64,
    label_ranks: u64,
}

fn corrupt(what: impl Into<String>) -> CacheError {
    Damage::Lookup(what.into()).into()
}

impl Lookup {
    /// Opens the section that starts at body offset `at`, checking that its parts fit the
    /// body exactly.
    pub fn open(reader: BlockReader, at: u64) -> Result<Lookup, CacheError> {
        let mut numbers = [0u64; 8];
        for (i, slot) in numbers.iter_mut().enumerate() {
            *slot = reader.u64(at + 8 * i as u64)?;
        }
        let d = Directory::from(numbers);
        let starts = layout(at, &d, reader.body_len())?;
        Ok(Lookup {
            reader,
            entities: d.entities,
            relations: d.relations,
            sources: d.sources,
            entity_offsets: starts[1],
            relation_offsets: starts[2],
            order: starts[3],
            position: starts[4],
            incident: Table {
                starts: starts[5],
                entries: starts[6],
                count: d.incident,
                width: INCIDENT_WIDTH,
            },
            placed: Table {
                starts: starts[7],
                entries: starts[8],
                count: d.placed,
                width: 4,
            },
            keys: starts[9],
            key_count: d.key_count,
            text: starts[10],
            text_len: d.text_len,
            key_names: starts[11],
            by_id: starts[12],
            label_offsets: starts[13],
            label_entries: starts[14],
            label_len: d.label_len,
            label_ranks: starts[15],
        })
    }

    /// Reads the rest in place from the mapped file ([`BlockReader::map_rest`]), for a read
    /// about to decode many records.
    pub fn map_rest(&self) -> Result<(), CacheError> {
        self.reader.map_rest()
    }

    /// The number of entities.
    pub fn entity_count(&self) -> usize {
        self.entities as usize
    }

    /// The number of name keys.
    pub fn key_count(&self) -> u64 {
        self.key_count
    }

    /// The length in bytes of the name keys' text.
    pub fn text_len(&self) -> u64 {
        self.text_len
    }

    /// The number of relations.
    pub fn relation_count(&self) -> u64 {
        self.relations
    }

    /// The reader of the body the section is in.
    pub fn reader(&self) -> &BlockReader {
        &self.reader
    }

    /// Entity `i`'s label entry ([`labels::Label`]): what a row prints of it.
    pub fn label(&self, i: usize) -> Result<Label<'_>, CacheError> {
        let (from, to) = self.item_span(self.label_offsets, i, self.entities, "label")?;
        if from > to || to > self.label_len {
            return Err(corrupt(format!(
                "the label of entity {i} lies outside its part"
            )));
        }
        let bytes = (self.reader).bytes(self.label_entries + from, self.label_entries + to)?;
        Label::decode(bytes, i)
    }

    /// Entity `i`'s place in the order of the entities' labels
    /// ([`crate::names::label_ranks`]), checked against the entity count.
    pub fn label_rank(&self, i: usize) -> Result<u32, CacheError> {
        if i as u64 >= self.entities {
            return Err(corrupt(format!("entity index {i} out of range")));
        }
        let rank = self.reader.u32(self.label_ranks + 4 * i as u64)?;
        if u64::from(rank) >= self.entities {
            return Err(corrupt(format!(
                "the label rank of entity {i} is out of range"
            )));
        }
        Ok(rank)
    }

    /// The body bytes that hold entity `i`.
    pub fn entity(&self, i: usize) -> Result<&[u8], CacheError> {
        let at = self.entity_offsets;
        self.item(at, i, self.entities, "entity")
    }

    /// The body bytes that hold the records of `entities`, in that order, their blocks
    /// checked first on every core ([`BlockReader::check_spans`]): for a read of thousands
    /// of entities scattered over the section, whose hashing (and the page faults of its
    /// first touch) would otherwise take one core.
    pub fn entities(&self, entities: &[usize]) -> Result<Vec<&[u8]>, CacheError> {
        let at = self.entity_offsets;
        let spans = (entities.iter())
            .map(|&i| self.item_span(at, i, self.entities, "entity"))
            .collect::<Result<Vec<_>, _>>()?;
        self.reader.check_spans(&spans)?;
        (spans.iter())
            .map(|&(from, to)| self.reader.bytes(from, to))
            .collect()
    }

    /// The body bytes that hold relation `i`, found at its stored position, which is checked
    /// to store relation `i`.
    pub fn relation(&self, i: usize) -> Result<&[u8], CacheError> {
        let (from, to) = self.relation_span(i)?;
        self.reader.bytes(from, to)
    }

    /// Where the records of `relations` lie in the body (`from..to`), as [`Lookup::relation`]
    /// finds them: for a read of many records a part at a time, whose pages leave the
    /// resident set after each part, so that the tables that tell where they lie are read
    /// once, not faulted in again for every part.
    pub fn relation_spans(
        &self,
        relations: impl IntoIterator<Item = usize>,
    ) -> Result<Vec<(u64, u64)>, CacheError> {
        (relations.into_iter())
            .map(|r| self.relation_span(r))
            .collect()
    }

    /// The body bytes that hold each relation of `wanted`, as [`Lookup::relation`] gives
    /// them, each with its position in `wanted`, handed to `read` a part of
    /// [`PART_RECORDS`] at a time in the order they lie in the body, the blocks of each part
    /// checked on every core just before ([`BlockReader::check_spans`]): for a read of
    /// thousands of records scattered over the body, which then decodes each part while its
    /// bytes are in the processor's caches.
    pub fn relations_in_parts<'a>(
        &'a self,
        wanted: &[usize],
        mut read: impl FnMut(&[(usize, &'a [u8])]) -> Result<(), CacheError>,
    ) -> Result<(), CacheError> {
        let mut spans = (wanted.iter().enumerate())
            .map(|(k, &i)| Ok((k, self.relation_span(i)?)))
            .collect::<Result<Vec<_>, CacheError>>()?;
        spans.sort_unstable_by_key(|&(_, (from, _))| from);
        // The tables that told where the records lie are not read again; each part's pages,
        // and those mapped around them since the part before, leave the resident set once
        // the part is read.
        self.reader.release(0, self.reader.body_len());
        let mut kept = 0;
        for part in spans.chunks(PART_RECORDS) {
            let bounds: Vec<(u64, u64)> = part.iter().map(|&(_, span)| span).collect();
            self.reader.check_spans(&bounds)?;
            let records = (part.iter())
                .map(|&(k, (from, to))| Ok((k, self.reader.bytes(from, to)?)))
                .collect::<Result<Vec<_>, CacheError>>()?;
            read(&records)?;
            let end = bounds.iter().map(|&(_, to)| to).max().unwrap_or(kept);
            self.reader.release(kept, end);
            kept = kept.max(end);
        }
        Ok(())
    }

    /// Where the record of relation `i` lies in the body, found at its stored position,
    /// which is checked to store relation `i`.
    fn relation_span(&self, i: usize) -> Result<(u64, u64), CacheError> {
        if i as u64 >= self.relations {
            return Err(corrupt(format!(
                "relation index {i} out of range (< {})",
                self.relations
            )));
        }
        let position = u64::from(self.reader.u32(self.position + 4 * i as u64)?);
        if position >= self.relations
            || u64::from(self.reader.u32(self.order + 4 * position)?) != i as u64
        {
            return Err(corrupt(format!(
                "the position of relation {i} does not store it"
            )));
        }
        let at = self.relation_offsets;
        self.item_span(at, position as usize, self.relations, "relation")
    }

    /// The body bytes that hold the sources (their count first).
    pub fn sources(&self) -> Result<&[u8], CacheError> {
        let end = self.reader.u64(self.relation_offsets)?;
        self.reader.bytes(self.sources, end)
    }

    /// The relations of entity `i` in date order, with their date bounds and kinds.
    pub fn incident_entries(&self, i: usize) -> Result<Vec<Incident>, CacheError> {
        self.incident_entries_to(i, |_| true)
    }

    /// The entries of entity `i`'s incident list whose other end `wanted` picks (given an
    /// index within the entities): for the last level of a search, most of whose entries
    /// lead out of it, only those kept are decoded.
    pub fn incident_entries_to(
        &self,
        i: usize,
        wanted: impl Fn(usize) -> bool,
    ) -> Result<Vec<Incident>, CacheError> {
        let count = Count {
            entities: self.entities,
            relations: self.relations,
        };
        let mut kept = Vec::new();
        for entry in self
            .list(self.incident, i)?
            .chunks_exact(INCIDENT_WIDTH as usize)
        {
            if wanted(Incident::other_in(entry, count)?) {
                kept.push(Incident::decode(entry, count)?);
            }
        }
        Ok(kept)
    }

    /// Lets the pages of the blocks that hold entity `i`'s incident list leave the resident
    /// set ([`BlockReader::release`]): for a search that decodes each list it reads once and
    /// keeps the entries, so that its peak holds the entries, not every block they lay in.
    pub fn release_incident(&self, i: usize) -> Result<(), CacheError> {
        let (from, to) = self.list_span(self.incident, i)?;
        let block = BLOCK_SIZE as u64;
        self.reader
            .release(from / block * block, to.div_ceil(block) * block);
        Ok(())
    }

    /// Checks on every core the blocks that hold the incident lists of `entities`
    /// ([`BlockReader::check_spans`]), so that reading them one by one
    /// ([`Lookup::incident_entries`]) finds them checked: for a search that reads the lists
    /// of hundreds of entities scattered over the section.
    pub fn check_incident(&self, entities: &[usize]) -> Result<(), CacheError> {
        let spans = (entities.iter())
            .map(|&i| self.list_span(self.incident, i))
            .collect::<Result<Vec<_>, _>>()?;
        self.reader.check_spans(&spans)
    }

    /// The relations whose place is entity `i`, by index, in date order.
    pub fn placed(&self, i: usize) -> Result<Vec<usize>, CacheError> {
        let bytes = self.list(self.placed, i)?;
        let relations = self.relations;
        bytes
            .chunks_exact(4)
            .map(|b| {
                let r = u64::from(le32(b));
                if r < relations {
                    Ok(r as usize)
                } else {
                    Err(corrupt(format!("relation index {r} out of range")))
                }
            })
            .collect()
    }

    /// The keys that are exactly `key`, each as its position in key order and its entity.
    pub fn exact(&self, key: &str) -> Result<Vec<(u64, usize)>, CacheError> {
        // The first entry whose key is not below `key`, by binary search.
        let (mut low, mut high) = (0, self.key_count);
        while low < high {
            let mid = low + (high - low) / 2;
            if self.key(mid)?.1 < key {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        let mut found = Vec::new();
        for k in low..self.key_count {
            let (entity, text) = self.key(k)?;
            if text != key {
                break;
            }
            found.push((k, entity));
        }
        Ok(found)
    }

    /// Calls `found` with every key, its position and its entity, in key order, reading the
    /// keys in two ranges of the body and lending each key from them (no copy per key).
    pub fn each_key(&self, found: &mut dyn FnMut(&str, u64, usize)) -> Result<(), CacheError> {
        let keys = self.keys()?;
        for k in 0..keys.len() {
            let (entity, key) = keys.key(k)?;
            found(key, k as u64, entity);
        }
        Ok(())
    }

    /// The sorted name keys, lent whole from the body: their entries and their text, read
    /// in two ranges (the text checked as UTF-8 once), so that they can be read on every
    /// core ([`KeyTable`] holds no reader): for a reader of most keys (did-you-mean).
    pub fn keys(&self) -> Result<KeyTable<'_>, CacheError> {
        let (entries, text) = self.key_parts()?;
        let text = std::str::from_utf8(text).map_err(|_| corrupt("invalid UTF-8 in a name key"))?;
        Ok(KeyTable {
            entries,
            text: KeyText::Whole(text),
            entities: self.entities,
        })
    }

    /// [`Lookup::keys`], for a reader of few of them (the keys a word is found in): each key's
    /// text is checked as UTF-8 when it is read, not the whole text first.
    pub fn few_keys(&self) -> Result<KeyTable<'_>, CacheError> {
        let (entries, text) = self.key_parts()?;
        Ok(KeyTable {
            entries,
            text: KeyText::ByKey(text),
            entities: self.entities,
        })
    }

    /// The bytes of the key entries and of the keys' text.
    fn key_parts(&self) -> Result<(&[u8], &[u8]), CacheError> {
        let entries = self
            .reader
            .bytes(self.keys, self.keys + self.key_count * 12)?;
        let text = self.reader.bytes(self.text, self.text + self.text_len)?;
        Ok((entries, text))
    }

    /// The position among its entity's names of the first name whose key is key `k` (in key
    /// order; [`crate::names::positioned_keys`]), as stored: checked against the entity's
    /// names when used.
    pub fn key_name(&self, k: u64) -> Result<usize, CacheError> {
        if k >= self.key_count {
            return Err(corrupt(format!("name key {k} out of range")));
        }
        Ok(self.reader.u32(self.key_names + 4 * k)? as usize)
    }

    /// The relation whose id is `id`, by binary search of the relations sorted by id; the
    /// relation found is checked to have that id.
    pub fn relation_by_id(&self, id: &str) -> Result<Option<usize>, CacheError> {
        let (mut low, mut high) = (0, self.relations);
        while low < high {
            let mid = low + (high - low) / 2;
            let r = self.by_id_entry(mid)?;
            let bytes = self.relation(r)?;
            let found = Decoder::new(bytes)
                .str()
                .map_err(|e| corrupt(format!("{} in the id of relation {r}", e.what)))?;
            match found.cmp(id) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Ok(Some(r)),
            }
        }
        Ok(None)
    }

    /// Entry `k` of the relations sorted by id: a relation index, checked.
    fn by_id_entry(&self, k: u64) -> Result<usize, CacheError> {
        let r = u64::from(self.reader.u32(self.by_id + 4 * k)?);
        if r >= self.relations {
            return Err(corrupt(format!("relation index {r} out of range")));
        }
        Ok(r as usize)
    }

    /// Key `k` in key order: its entity and its text.
    pub fn key(&self, k: u64) -> Result<(usize, &str), CacheError> {
        let entry = self
            .reader
            .bytes(self.keys + 12 * k, self.keys + 12 * k + 12)?;
        let (entity, range) = self.entry(entry)?;
        let (from, to) = (range.start as u64, range.end as u64);
        let text = self.reader.bytes(self.text + from, self.text + to)?;
        Ok((entity, key_text(text, 0..text.len())?))
    }

    /// A key entry: its entity, checked, and where its text lies in the key text, checked.
    fn entry(&self, entry: &[u8]) -> Result<(usize, std::ops::Range<usize>), CacheError> {
        key_entry(entry, self.entities, self.text_len)
    }

    fn item(&self, table: u64, i: usize, count: u64, what: &str) -> Result<&[u8], CacheError> {
        let (from, to) = self.item_span(table, i, count, what)?;
        self.reader.bytes(from, to)
    }

    /// Where item `i` of the `count` items whose offsets `table` holds lies in the body.
    fn item_span(
        &self,
        table: u64,
        i: usize,
        count: u64,
        what: &str,
    ) -> Result<(u64, u64), CacheError> {
        if i as u64 >= count {
            return Err(corrupt(format!(
                "{what} index {i} out of range (< {count})"
            )));
        }
        let from = self.reader.u64(table + 8 * i as u64)?;
        let to = self.reader.u64(table + 8 * (i as u64 + 1))?;
        Ok((from, to))
    }

    /// The bytes of entity `i`'s entries in `table`.
    fn list(&self, table: Table, i: usize) -> Result<&[u8], CacheError> {
        let (from, to) = self.list_span(table, i)?;
        self.reader.bytes(from, to)
    }

    /// Where entity `i`'s entries in `table` lie in the body.
    fn list_span(&self, table: Table, i: usize) -> Result<(u64, u64), CacheError> {
        if i as u64 >= self.entities {
            return Err(corrupt(format!("entity index {i} out of range")));
        }
        let from = u64::from(self.reader.u32(table.starts + 4 * i as u64)?);
        let to = u64::from(self.reader.u32(table.starts + 4 * (i as u64 + 1))?);
        if from > to || to > table.count {
            return Err(corrupt("a relation list lies outside its table"));
        }
        Ok((
            table.entries + table.width * from,
            table.entries + table.width * to,
        ))
    }
}

/// A key entry (12 bytes) of a graph of `entities` entities whose key text is `text_len`
/// bytes: its entity and where its text lies, both checked.
fn key_entry(
    entry: &[u8],
    entities: u64,
    text_len: u64,
) -> Result<(usize, std::ops::Range<usize>), CacheError> {
    let entity = u64::from(le32(&entry[0..4]));
    let offset = u64::from(le32(&entry[4..8]));
    let len = u64::from(le32(&entry[8..12]));
    if entity >= entities {
        return Err(corrupt(format!(
            "name key of entity {entity}, out of range"
        )));
    }
    if offset + len > text_len {
        return Err(corrupt("a name key lies outside the key text"));
    }
    Ok((entity as usize, offset as usize..(offset + len) as usize))
}

/// The lookup section's sorted name keys, lent from the body ([`Lookup::keys`]): each key
/// read by its position, its entry and text checked as it is read. It borrows bytes only,
/// so its keys can be read on every core.
#[derive(Debug, Clone, Copy)]
pub struct KeyTable<'a> {
    /// The entries (entity, offset and length of the key), 12 bytes each.
    entries: &'a [u8],
    /// The keys' text.
    text: KeyText<'a>,
    /// How many entities the graph has: the bound of an entry's entity.
    entities: u64,
}

impl<'a> KeyTable<'a> {
    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.entries.len() / 12
    }

    /// The length in bytes of key `k` as its entry says, read without its text: what a
    /// reader may reject a key by before reading it (`None` past the last key).
    pub fn key_len(&self, k: usize) -> Option<usize> {
        let entry = self.entries.get(12 * k..12 * k + 12)?;
        Some(le32(&entry[8..12]) as usize)
    }

    /// Key `k` in key order: its entity and its text, checked.
    pub fn key(&self, k: usize) -> Result<(usize, &'a str), CacheError> {
        let entry = self
            .entries
            .get(12 * k..12 * k + 12)
            .ok_or_else(|| corrupt(format!("name key {k} out of range")))?;
        let (entity, range) = key_entry(entry, self.entities, self.text.bytes().len() as u64)?;
        let key = match self.text {
            KeyText::Whole(text) => text
                .get(range)
                .ok_or_else(|| corrupt("a name key does not lie on characters of the key text"))?,
            KeyText::ByKey(text) => key_text(text, range)?,
        };
        Ok((entity, key))
    }
}

impl<'a> KeyTable<'a> {
    /// Calls `found` with every key that holds `part`, its position and its entity, in key
    /// order: the keys [`KeyTable::key`] gives whose text contains `part`, found by searching
    /// the whole key text for it ([`memchr::memmem`]) instead of each key in turn. The keys'
    /// text lies in key order, each key's right after the one before, which is checked.
    pub fn holding(
        &self,
        part: &str,
        found: &mut dyn FnMut(&'a str, u64, usize),
    ) -> Result<(), CacheError> {
        if part.is_empty() {
            for k in 0..self.len() {
                let (entity, key) = self.key(k)?;
                found(key, k as u64, entity);
            }
            return Ok(());
        }
        let finder = memchr::memmem::Finder::new(part.as_bytes());
        let text = self.text.bytes();
        let (mut k, mut from) = (0, 0);
        while let Some(i) = finder.find(&text[from..]) {
            let at = from + i;
            // The key whose text holds byte `at`: each key's text starts where the one
            // before ends, so the first from `k` that ends past `at`.
            let range = loop {
                let entry = (self.entries.get(12 * k..12 * k + 12))
                    .ok_or_else(|| corrupt("the name keys' text is longer than its keys"))?;
                let (_, range) = key_entry(entry, self.entities, text.len() as u64)?;
                if range.start != from {
                    return Err(corrupt("the name keys' text is not in key order"));
                }
                if range.end > at {
                    break range;
                }
                (k, from) = (k + 1, range.end);
            };
            // The first occurrence from the key's start: if it is not within the key, none is.
            if at + part.len() <= range.end {
                let (entity, key) = self.key(k)?;
                found(key, k as u64, entity);
            }
            (k, from) = (k + 1, range.end);
        }
        Ok(())
    }
}

/// The name keys' text as a [`KeyTable`] lends it: checked as UTF-8 whole when most keys are
/// read, or key by key as each is read when few are ([`Lookup::few_keys`]).
#[derive(Debug, Clone, Copy)]
enum KeyText<'a> {
    /// Checked whole.
    Whole(&'a str),
    /// Each key checked when it is read.
    ByKey(&'a [u8]),
}

impl<'a> KeyText<'a> {
    /// Its bytes.
    fn bytes(self) -> &'a [u8] {
        match self {
            KeyText::Whole(text) => text.as_bytes(),
            KeyText::ByKey(text) => text,
        }
    }
}

/// The key at `range` of `text`, which must be UTF-8.
fn key_text(text: &[u8], range: std::ops::Range<usize>) -> Result<&str, CacheError> {
    let bytes = text
        .get(range)
        .ok_or_else(|| corrupt("a name key lies outside the key text"))?;
    std::str::from_utf8(bytes).map_err(|_| corrupt("invalid UTF-8 in a name key"))
}

fn le32(bytes: &[u8]) -> u32 {
    u32::from_le_bytes(bytes.try_into().expect("four bytes"))
}
