//! The cache's lookup section: what a scoped load ([`super::scoped`]) needs to find one
//! actor's part of the graph without decoding the rest. It follows the graph in the body:
//!
//! | field | bytes |
//! |---|---|
//! | directory: entities, relations, offset of the sources, incident entries, place entries, name keys, key text length | 7 × 8 |
//! | offset of each entity, then of the end of the last | (entities + 1) × 8 |
//! | offset of each relation, then of the end of the last | (relations + 1) × 8 |
//! | where each entity's incident relations start, then the end | (entities + 1) × 4 |
//! | the incident relations, entity by entity, by index | incident entries × 4 |
//! | where each entity's placed relations (its `place`) start, then the end | (entities + 1) × 4 |
//! | the placed relations | place entries × 4 |
//! | name keys sorted by key, then entity: entity, offset and length of the key | keys × 12 |
//! | the keys' text | key text length |
//!
//! Offsets are from the start of the body. Every count and offset is checked against the
//! body's length when the section is opened, and every index against its bound when read.

use super::CacheError;
use super::blocks::BlockReader;
use super::codec::Encoder;
use super::payload::Offsets;
use crate::graph::{EntityIx, Graph, RelationIx};
use crate::names::KeyStore;
use crate::names::keyed_names;

const DIRECTORY: u64 = 7 * 8;

/// Appends the lookup section of `graph`, whose parts were encoded at `offsets`.
pub fn encode(e: &mut Encoder, graph: &Graph, offsets: &Offsets) {
    let entities = graph.entities().len();
    let lists = |of: fn(&Graph, EntityIx) -> &[RelationIx]| -> (Vec<u32>, Vec<u32>) {
        let mut starts = vec![0];
        let mut all = Vec::new();
        for i in graph.entity_indexes() {
            let mut list: Vec<u32> = of(graph, i).iter().map(|&r| r.index() as u32).collect();
            list.sort_unstable();
            all.extend(list);
            starts.push(all.len() as u32);
        }
        (starts, all)
    };
    let incident = lists(Graph::incident);
    let placed = lists(Graph::at_place);
    let mut keys: Vec<(String, u32)> = graph
        .entities()
        .iter()
        .enumerate()
        .flat_map(|(i, entity)| keyed_names(entity).map(move |(k, _)| (k, i as u32)))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let text_len: usize = keys.iter().map(|(k, _)| k.len()).sum();
    for n in [
        entities as u64,
        graph.relations().len() as u64,
        offsets.sources,
        incident.1.len() as u64,
        placed.1.len() as u64,
        keys.len() as u64,
        text_len as u64,
    ] {
        e.u64(n);
    }
    for &at in offsets.entities.iter().chain(&offsets.relations) {
        e.u64(at);
    }
    for (starts, all) in [&incident, &placed] {
        for &n in starts.iter().chain(all) {
            e.u32(n);
        }
    }
    let mut at = 0u32;
    for (k, entity) in &keys {
        e.u32(*entity);
        e.u32(at);
        e.u32(k.len() as u32);
        at += k.len() as u32;
    }
    for (k, _) in &keys {
        e.bytes(k.as_bytes());
    }
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
}

/// The relation offsets of the lookup section at `at` in `body` (a body already checked),
/// for a whole read that decodes every relation.
pub fn relation_offsets(body: &[u8], at: u64) -> Result<Vec<u64>, CacheError> {
    let u64_at = |pos: u64| -> Result<u64, CacheError> {
        usize::try_from(pos)
            .ok()
            .and_then(|p| body.get(p..p.checked_add(8)?))
            .map(|b| u64::from_le_bytes(b.try_into().expect("eight bytes")))
            .ok_or_else(|| corrupt("the lookup section is cut short"))
    };
    let mut directory = [0u64; 7];
    for (i, slot) in directory.iter_mut().enumerate() {
        *slot = u64_at(at + 8 * i as u64)?;
    }
    let starts = layout(at, &directory, body.len() as u64)?;
    // The layout fits the body, so the table of relations + 1 offsets is within it.
    (0..=directory[1])
        .map(|i| u64_at(starts[2] + 8 * i))
        .collect()
}

/// Where each part of the lookup section at `at` starts, from its `directory` (see the
/// module's table, in order); an error when a size overflows or the parts do not end exactly
/// at the end of a body of `body_len` bytes, or when the sources do not start before `at`.
fn layout(at: u64, directory: &[u64; 7], body_len: u64) -> Result<[u64; 9], CacheError> {
    let [
        entities,
        relations,
        sources,
        incident,
        placed,
        key_count,
        text_len,
    ] = *directory;
    let sizes = [
        Some(DIRECTORY),
        entities.checked_add(1).and_then(|n| n.checked_mul(8)),
        relations.checked_add(1).and_then(|n| n.checked_mul(8)),
        entities.checked_add(1).and_then(|n| n.checked_mul(4)),
        incident.checked_mul(4),
        entities.checked_add(1).and_then(|n| n.checked_mul(4)),
        placed.checked_mul(4),
        key_count.checked_mul(12),
        Some(text_len),
    ];
    let mut starts = [0; 9];
    let mut end = Some(at);
    for (start, size) in starts.iter_mut().zip(sizes) {
        *start = end.unwrap_or(0);
        end = end.zip(size).and_then(|(a, b)| a.checked_add(b));
    }
    if end != Some(body_len) || sources >= at {
        return Err(corrupt(
            "the lookup section does not fit the body: the file was altered or damaged",
        ));
    }
    Ok(starts)
}

/// The lookup section of a cache, read through a [`BlockReader`].
#[derive(Debug)]
pub struct Lookup {
    reader: BlockReader,
    entities: u64,
    relations: u64,
    sources: u64,
    entity_offsets: u64,
    relation_offsets: u64,
    incident: Table,
    placed: Table,
    keys: u64,
    key_count: u64,
    text: u64,
    text_len: u64,
}

fn corrupt(what: impl Into<String>) -> CacheError {
    CacheError::Corrupt(what.into())
}

impl Lookup {
    /// Opens the section that starts at body offset `at`, checking that its parts fit the
    /// body exactly.
    pub fn open(mut reader: BlockReader, at: u64) -> Result<Lookup, CacheError> {
        let mut directory = [0u64; 7];
        for (i, slot) in directory.iter_mut().enumerate() {
            *slot = reader.u64(at + 8 * i as u64)?;
        }
        let starts = layout(at, &directory, reader.body_len())?;
        let [
            entities,
            relations,
            sources,
            incident,
            placed,
            key_count,
            text_len,
        ] = directory;
        Ok(Lookup {
            reader,
            entities,
            relations,
            sources,
            entity_offsets: starts[1],
            relation_offsets: starts[2],
            incident: Table {
                starts: starts[3],
                entries: starts[4],
                count: incident,
            },
            placed: Table {
                starts: starts[5],
                entries: starts[6],
                count: placed,
            },
            keys: starts[7],
            key_count,
            text: starts[8],
            text_len,
        })
    }

    /// The number of entities.
    pub fn entity_count(&self) -> usize {
        self.entities as usize
    }

    /// The body bytes that hold entity `i`.
    pub fn entity(&mut self, i: usize) -> Result<Vec<u8>, CacheError> {
        let at = self.entity_offsets;
        self.item(at, i, self.entities, "entity")
    }

    /// The body bytes that hold relation `i`.
    pub fn relation(&mut self, i: usize) -> Result<Vec<u8>, CacheError> {
        let at = self.relation_offsets;
        self.item(at, i, self.relations, "relation")
    }

    /// The body bytes that hold the sources (their count first).
    pub fn sources(&mut self) -> Result<Vec<u8>, CacheError> {
        let end = self.reader.u64(self.relation_offsets)?;
        self.reader.bytes(self.sources, end)
    }

    /// The relations of entity `i`, by index.
    pub fn incident(&mut self, i: usize) -> Result<Vec<usize>, CacheError> {
        self.list(self.incident, i)
    }

    /// The relations whose place is entity `i`, by index.
    pub fn placed(&mut self, i: usize) -> Result<Vec<usize>, CacheError> {
        self.list(self.placed, i)
    }

    /// The entities one of whose keys is exactly `key`.
    pub fn exact(&mut self, key: &str) -> Result<Vec<usize>, CacheError> {
        // The first entry whose key is not below `key`, by binary search.
        let (mut low, mut high) = (0, self.key_count);
        while low < high {
            let mid = low + (high - low) / 2;
            if self.key(mid)?.1.as_str() < key {
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
            found.push(entity);
        }
        Ok(found)
    }

    /// Every (key, entity) pair, in key order.
    ///
    /// (The lookup section is also a [`KeyStore`] for the one name matcher.)
    pub fn all_keys(&mut self) -> Result<Vec<(String, usize)>, CacheError> {
        let entries = self
            .reader
            .bytes(self.keys, self.keys + self.key_count * 12)?;
        let text = self.reader.bytes(self.text, self.text + self.text_len)?;
        entries
            .chunks_exact(12)
            .map(|entry| {
                let (entity, range) = self.entry(entry)?;
                Ok((key_text(&text, range)?, entity))
            })
            .collect()
    }

    /// Key `k`: its entity and its text.
    fn key(&mut self, k: u64) -> Result<(usize, String), CacheError> {
        let entry = self
            .reader
            .bytes(self.keys + 12 * k, self.keys + 12 * k + 12)?;
        let (entity, range) = self.entry(&entry)?;
        let (from, to) = (range.start as u64, range.end as u64);
        let text = self.reader.bytes(self.text + from, self.text + to)?;
        Ok((entity, key_text(&text, 0..text.len())?))
    }

    /// A key entry: its entity, checked, and where its text lies in the key text, checked.
    fn entry(&self, entry: &[u8]) -> Result<(usize, std::ops::Range<usize>), CacheError> {
        let entity = u64::from(le32(&entry[0..4]));
        let offset = u64::from(le32(&entry[4..8]));
        let len = u64::from(le32(&entry[8..12]));
        if entity >= self.entities {
            return Err(corrupt(format!(
                "name key of entity {entity}, out of range"
            )));
        }
        if offset + len > self.text_len {
            return Err(corrupt("a name key lies outside the key text"));
        }
        Ok((entity as usize, offset as usize..(offset + len) as usize))
    }

    fn item(
        &mut self,
        table: u64,
        i: usize,
        count: u64,
        what: &str,
    ) -> Result<Vec<u8>, CacheError> {
        if i as u64 >= count {
            return Err(corrupt(format!(
                "{what} index {i} out of range (< {count})"
            )));
        }
        let from = self.reader.u64(table + 8 * i as u64)?;
        let to = self.reader.u64(table + 8 * (i as u64 + 1))?;
        self.reader.bytes(from, to)
    }

    fn list(&mut self, table: Table, i: usize) -> Result<Vec<usize>, CacheError> {
        if i as u64 >= self.entities {
            return Err(corrupt(format!("entity index {i} out of range")));
        }
        let from = u64::from(self.reader.u32(table.starts + 4 * i as u64)?);
        let to = u64::from(self.reader.u32(table.starts + 4 * (i as u64 + 1))?);
        if from > to || to > table.count {
            return Err(corrupt("a relation list lies outside its table"));
        }
        let bytes = self
            .reader
            .bytes(table.entries + 4 * from, table.entries + 4 * to)?;
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
}

/// The key at `range` of `text`, which must be UTF-8.
fn key_text(text: &[u8], range: std::ops::Range<usize>) -> Result<String, CacheError> {
    let bytes = text
        .get(range)
        .ok_or_else(|| corrupt("a name key lies outside the key text"))?;
    let key = std::str::from_utf8(bytes).map_err(|_| corrupt("invalid UTF-8 in a name key"))?;
    Ok(key.to_owned())
}

fn le32(bytes: &[u8]) -> u32 {
    u32::from_le_bytes(bytes.try_into().expect("four bytes"))
}

/// The cache's sorted name keys are a store of keys for the one name matcher: a name's slot
/// is its entity's index.
impl KeyStore for Lookup {
    type Slot = usize;
    type Error = CacheError;

    fn with_key(&mut self, key: &str, found: &mut dyn FnMut(usize)) -> Result<(), CacheError> {
        self.exact(key)?.into_iter().for_each(found);
        Ok(())
    }

    fn every_key(&mut self, found: &mut dyn FnMut(&str, usize)) -> Result<(), CacheError> {
        for (key, entity) in self.all_keys()? {
            found(&key, entity);
        }
        Ok(())
    }
}
