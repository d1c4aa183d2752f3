//! The graph in the cache: entities, sources and relations, in file order. References between
//! them are stored as indexes (a relation's ends, place, claimants; an evidence span's
//! document), so decoding checks each one is in range and the graph built from it is sound.

use std::collections::HashMap;

use arcstr::ArcStr;
use thin_vec::ThinVec;

use rayon::prelude::*;

use super::codec::{Corrupt, Decoder, Encoder};
use crate::model::{
    Account, Casualties, Entity, EntityId, EntityKind, Evidence, Lifetime, Names, Outcome,
    Particulars, Relation, RelationId, RelationKind, Source, SourceKind, Stated, Status,
    UncertainDate,
};

/// The parts of a graph, as decoded.
#[derive(Debug)]
pub struct Parts {
    /// Entities, in file order.
    pub entities: Vec<Entity>,
    /// Relations, in file order.
    pub relations: Vec<Relation>,
    /// Source documents, in file order.
    pub sources: Vec<Source>,
    /// The source and target of each relation, as entity indexes.
    pub ends: Vec<[u32; 2]>,
}

/// Where each part starts in the bytes [`encode`] wrote, so that one entity or relation can
/// be decoded without the others (a scoped read, [`super::scoped`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Offsets {
    /// The offset of each entity, then the offset just past the last one.
    pub entities: Vec<u64>,
    /// The offset of the sources' count.
    pub sources: u64,
    /// The offset of each relation in stored order (the `order` given to [`encode`]), then
    /// the offset just past the last one.
    pub relations: Vec<u64>,
}

/// Marks an evidence document that is not one of the sources, stored by name instead.
const NAMED_DOCUMENT: u32 = u32::MAX;

/// Encodes the parts of a graph whose references all resolve (a validated graph), with where
/// each part starts. The relations are stored in `order` (relation indexes, a permutation):
/// the lookup section keeps each one's index ([`super::lookup`]), so that the relations of one
/// actor can lie together in the body and a scoped read of a hub read few blocks.
pub fn encode(
    entities: &[Entity],
    relations: &[Relation],
    sources: &[Source],
    order: &[u32],
) -> (Vec<u8>, Offsets) {
    let mut e = Encoder::default();
    let mut offsets = Offsets::default();
    let entity_ix: HashMap<&EntityId, usize> = entities
        .iter()
        .enumerate()
        .map(|(i, x)| (&x.id, i))
        .collect();
    let document_ix: HashMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.document.as_str(), i))
        .collect();
    e.len(entities.len());
    for entity in entities {
        offsets.entities.push(e.position());
        encode_entity(&mut e, entity);
    }
    offsets.entities.push(e.position());
    offsets.sources = e.position();
    e.len(sources.len());
    for source in sources {
        for text in [
            &source.document,
            &source.language,
            &source.sha256,
            &source.description,
        ] {
            e.str(text);
        }
        e.u8(source.kind as u8);
    }
    e.len(relations.len());
    let ix = |id: &EntityId| entity_ix.get(id).copied();
    for &r in order {
        offsets.relations.push(e.position());
        encode_relation(&mut e, &relations[r as usize], &ix, &document_ix);
    }
    offsets.relations.push(e.position());
    (e.into_bytes(), offsets)
}

fn encode_entity(e: &mut Encoder, entity: &Entity) {
    e.str(entity.id.as_str());
    e.u8(entity.kind as u8);
    for name in [&entity.names.en, &entity.names.ar, &entity.names.fr] {
        e.opt_str(name.as_deref());
    }
    e.len(entity.aliases.len());
    for alias in &entity.aliases {
        e.str(alias);
    }
    e.u8(u8::from(entity.lifetime.is_some()));
    if let Some(lifetime) = &entity.lifetime {
        e.date(lifetime.start);
        e.date(lifetime.end);
    }
    e.str(&entity.description);
}

fn encode_relation(
    e: &mut Encoder,
    relation: &Relation,
    ix: &impl Fn(&EntityId) -> Option<usize>,
    document_ix: &HashMap<&str, usize>,
) {
    encode_relation_head(e, relation, ix);
    e.opt_str(relation.event());
    e.len(relation.casualties().len());
    for c in relation.casualties() {
        e.opt_index(c.side.as_ref().and_then(ix));
        e.str(&c.who);
        e.u8(u8::from(c.outcome == Outcome::Wounded));
        for n in [c.min, c.max] {
            e.u8(u8::from(n.is_some()));
            e.u32(n.unwrap_or(0));
        }
    }
    e.str(relation.summary());
    e.len(relation.evidence().len());
    for span in relation.evidence() {
        match document_ix.get(&*span.document) {
            Some(&i) => e.len(i),
            None => {
                e.u32(NAMED_DOCUMENT);
                e.str(&span.document);
            }
        }
        let row = span.row();
        e.u64(span.start_byte());
        e.u64(span.end_byte());
        e.u8(u8::from(row.is_some()));
        e.u64(row.unwrap_or(0));
    }
}

/// Encodes the head of `relation` ([`RelationHead`], what [`decode_relation_head`] reads),
/// the entities it refers to by their index `ix`: how its record starts, and what the dated
/// section keeps of it (`super::dated`).
pub(super) fn encode_relation_head(
    e: &mut Encoder,
    relation: &Relation,
    ix: &impl Fn(&EntityId) -> Option<usize>,
) {
    e.str(relation.id.as_str());
    e.u8(relation.kind as u8);
    e.opt_index(ix(&relation.source));
    e.opt_index(ix(&relation.target));
    e.date(relation.start);
    e.date(relation.end);
    e.u8(u8::from(relation.negated));
    e.u8(u8::from(relation.timeless));
    e.u8(relation.status as u8);
    for list in [relation.claimed_by(), relation.disputed_by()] {
        e.len(list.len());
        for id in list {
            e.opt_index(ix(id));
        }
    }
    e.opt_index(relation.place().and_then(ix));
}

/// The value whose code is the next byte: enums are written as their declaration index
/// (`kind as u8`, which cannot miss), read back through their `ALL` list, whose order and
/// completeness are tested (`vocabularies_are_complete_and_in_declaration_order`) and
/// fingerprinted in the header ([`super::meaning`]); an unknown code is an error.
fn decode_code<T: Copy>(d: &mut Decoder, all: &[T], what: &str) -> Result<T, Corrupt> {
    let code = d.u8()?;
    all.get(usize::from(code))
        .copied()
        .ok_or_else(|| d.corrupt(format!("unknown {what} code {code}")))
}

/// Decodes what [`encode`] wrote, the relations on every core (in stored order), each from
/// where `relation_offsets` (the offsets [`encode`] returned, which the lookup section keeps)
/// says it starts; every offset and index is checked against what it refers to.
pub fn decode(bytes: &[u8], relation_offsets: &[u64]) -> Result<Parts, Corrupt> {
    let Prefix {
        entities,
        sources,
        relations: n,
        records_at,
    } = decode_prefix(bytes)?;
    let documents = document_names(&sources);
    check_offsets(relation_offsets, records_at, n, bytes.len() as u64)?;
    let records = records(bytes, relation_offsets);
    let decoded: Vec<Result<(Relation, [usize; 2]), Corrupt>> = records
        .par_iter()
        .with_min_len(1024)
        .map(|&(at, record)| decode_record(record, at, &entities, &documents))
        .collect();
    let mut relations = Vec::with_capacity(n);
    let mut ends = Vec::with_capacity(n);
    for result in decoded {
        let (relation, [s, t]) = result?;
        relations.push(relation);
        // Entity counts are bounded by the loader's limits, far below u32::MAX.
        ends.push([s as u32, t as u32]);
    }
    Ok(Parts {
        entities,
        relations,
        sources,
        ends,
    })
}

/// What [`encode`] wrote before the relations: every entity and source, how many relations
/// follow and where the first one starts.
#[derive(Debug)]
pub struct Prefix {
    /// Entities, in file order.
    pub entities: Vec<Entity>,
    /// Source documents, in file order.
    pub sources: Vec<Source>,
    /// How many relation records follow.
    pub relations: usize,
    /// Where the first relation record starts.
    pub records_at: usize,
}

/// Decodes the entities and sources [`encode`] wrote at the start of `bytes`, and the number
/// of relations after them.
pub fn decode_prefix(bytes: &[u8]) -> Result<Prefix, Corrupt> {
    let mut d = Decoder::new(bytes);
    let n = d.count(12)?;
    let mut entities = Vec::with_capacity(n);
    for _ in 0..n {
        entities.push(decode_entity(&mut d)?);
    }
    let sources = decode_sources(&mut d)?;
    let relations = d.count(40)?;
    Ok(Prefix {
        entities,
        sources,
        relations,
        records_at: d.position(),
    })
}

/// Decodes in full the relation `record`, which starts at `at` in the bytes [`encode`] wrote,
/// with the ids of its entities shared from `entities`: the relation and its source and
/// target, by index. The record must end where the relation does.
pub fn decode_record(
    record: &[u8],
    at: usize,
    entities: &[Entity],
    documents: &[ArcStr],
) -> Result<(Relation, [usize; 2]), Corrupt> {
    let mut d = Decoder::new(record);
    let mut id_of = |i: usize| Ok(entities[i].id.clone());
    let relation = decode_relation(&mut d, entities.len(), &mut id_of, documents);
    let relation = relation.and_then(|r| match d.rest() {
        [] => Ok(r),
        _ => Err(d.corrupt("trailing bytes after a relation")),
    });
    relation.map_err(|e| Corrupt {
        at: at + e.at,
        what: e.what,
    })
}

/// Checks that `offsets` (where each relation record starts, then where the last one ends)
/// cut `n` records, the first at `first`, the last ending at `end`, each after the one
/// before: the one rule for the lookup section's record offsets, whether every record is cut
/// at once ([`decode`]) or a batch at a time (`super::whole`).
pub fn check_offsets(offsets: &[u64], first: usize, n: usize, end: u64) -> Result<(), Corrupt> {
    let fits = offsets.len() == n + 1
        && offsets.first() == Some(&(first as u64))
        && offsets.last() == Some(&end)
        && offsets.windows(2).all(|w| w[0] <= w[1]);
    match fits {
        true => Ok(()),
        false => Err(Corrupt {
            at: first,
            what: "the relation offsets do not match the relations".to_owned(),
        }),
    }
}

/// The relation records of `bytes`, each with where it starts, cut at `offsets`, which
/// [`check_offsets`] found to fit `bytes`.
fn records<'a>(bytes: &'a [u8], offsets: &[u64]) -> Vec<(usize, &'a [u8])> {
    (offsets.windows(2))
        .map(|w| (w[0] as usize, &bytes[w[0] as usize..w[1] as usize]))
        .collect()
}

/// The document names of `sources`, each once, for the evidence spans to share.
pub fn document_names(sources: &[Source]) -> Vec<ArcStr> {
    sources
        .iter()
        .map(|s| ArcStr::from(s.document.as_str()))
        .collect()
}

/// Decodes the sources: their count, then each one.
pub fn decode_sources(d: &mut Decoder) -> Result<Vec<Source>, Corrupt> {
    let n = d.count(16)?;
    let mut sources = Vec::with_capacity(n);
    for _ in 0..n {
        sources.push(Source {
            document: d.string()?,
            language: d.string()?,
            sha256: d.string()?,
            description: d.string()?,
            kind: decode_code(d, &SourceKind::ALL, "source kind")?,
        });
    }
    Ok(sources)
}

/// How much of a record is decoded: all of it, or what a line of a timeline or a row of a
/// table prints. In part, the fields not read are left empty and the record's bytes after the
/// last field read are not read; an entity is then read without its lifetime and
/// description (a row prints its id, kind and label).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Every field.
    Full,
    /// A relation without its casualties and evidence: what `timeline` prints of it.
    Timeline,
    /// A relation without its casualties, evidence, event and summary: what a table of
    /// relations prints of it (`show`, `relations`, `neighbors`).
    Table,
}

/// Decodes one entity.
pub fn decode_entity(d: &mut Decoder) -> Result<Entity, Corrupt> {
    decode_entity_in(d, Detail::Full)
}

/// Decodes one entity, in `detail`.
pub fn decode_entity_in(d: &mut Decoder, detail: Detail) -> Result<Entity, Corrupt> {
    let head = decode_entity_head(d)?;
    let [en, ar, fr] = head.names.map(|name| name.map(str::to_owned));
    let (id, kind) = (EntityId::from_shared(head.id.into()), head.kind);
    let names = Names { en, ar, fr };
    let aliases = head.aliases().map(str::to_owned).collect();
    if detail != Detail::Full {
        return Ok(Entity {
            id,
            kind,
            names,
            aliases,
            lifetime: None,
            description: String::new(),
        });
    }
    let lifetime = if d.bool()? {
        Some(Lifetime {
            start: d.date()?,
            end: d.date()?,
        })
    } else {
        None
    };
    Ok(Entity {
        id,
        kind,
        names,
        aliases,
        lifetime,
        description: d.string()?,
    })
}

/// The head of an entity record, read in place: its id, kind, names and aliases, borrowed
/// from the record's bytes (what a row of `find` prints of an entity, with no string
/// copied). `decode_entity_in` makes an [`Entity`] from it.
#[derive(Debug, Clone, Copy)]
pub struct EntityHead<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its kind.
    pub kind: EntityKind,
    /// Its names in English, Arabic and French, each if present ([`Names::by_lang`]).
    pub names: [Option<&'a str>; 3],
    /// How many aliases it has.
    alias_count: usize,
    /// The bytes of its aliases, each checked when the head was decoded.
    alias_bytes: &'a [u8],
}

impl<'a> EntityHead<'a> {
    /// Its aliases, in order.
    pub fn aliases(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let mut d = Decoder::new(self.alias_bytes);
        // Each alias was read from these bytes when the head was decoded: they read again.
        (0..self.alias_count).map(move |_| d.str().expect("checked with the head"))
    }
}

/// Decodes the head of an entity record ([`EntityHead`]), leaving `d` after its aliases.
pub fn decode_entity_head<'a>(d: &mut Decoder<'a>) -> Result<EntityHead<'a>, Corrupt> {
    let id = d.str()?;
    let kind = decode_code(d, &EntityKind::ALL, "entity kind")?;
    let mut name = || -> Result<Option<&'a str>, Corrupt> {
        if d.bool()? {
            d.str().map(Some)
        } else {
            Ok(None)
        }
    };
    let names = [name()?, name()?, name()?];
    let alias_count = d.count(4)?;
    let from = d.rest();
    for _ in 0..alias_count {
        d.str()?;
    }
    let alias_bytes = &from[..from.len() - d.rest().len()];
    Ok(EntityHead {
        id,
        kind,
        names,
        alias_count,
        alias_bytes,
    })
}

/// A relation's references to entities, read as indexes and turned into ids.
struct References<'f> {
    count: usize,
    id_of: &'f mut dyn FnMut(usize) -> Result<EntityId, Corrupt>,
}

impl References<'_> {
    fn optional(&mut self, d: &mut Decoder) -> Result<Option<EntityId>, Corrupt> {
        d.opt_index(self.count, "entity")?
            .map(|i| (self.id_of)(i))
            .transpose()
    }
}

/// Decodes one relation of a graph of `entity_count` entities, with its source and target as
/// entity indexes; `id_of` gives the id of the entity at an index already checked to be in
/// range (and may decode that entity), `documents` the sources' document names, shared.
pub fn decode_relation(
    d: &mut Decoder,
    entity_count: usize,
    id_of: &mut dyn FnMut(usize) -> Result<EntityId, Corrupt>,
    documents: &[ArcStr],
) -> Result<(Relation, [usize; 2]), Corrupt> {
    decode_relation_in(d, entity_count, id_of, documents, Detail::Full)
}

/// The leading fields of a relation's record, which a table's row prints, with the entities
/// it refers to as indexes (checked to be in range) and its id borrowed from the record: what
/// every detail of [`decode_relation_in`] decodes first.
#[derive(Debug)]
pub(super) struct RelationHead<'a> {
    pub id: &'a str,
    pub kind: RelationKind,
    /// The source and the target.
    pub ends: [usize; 2],
    pub start: Option<UncertainDate>,
    pub end: Option<UncertainDate>,
    pub negated: bool,
    pub timeless: bool,
    pub status: Status,
    pub claimed_by: Vec<usize>,
    pub disputed_by: Vec<usize>,
    pub place: Option<usize>,
}

impl RelationHead<'_> {
    /// Its date bounds, as [`crate::model::Bounds::of`] its relation.
    pub fn bounds(&self) -> crate::model::Bounds {
        crate::model::Bounds::of_dates(self.kind, self.start, self.end)
    }

    /// What a filter tests of it besides its dates, as [`crate::query::Traits::of`] its
    /// relation.
    pub fn traits(&self) -> crate::query::Traits {
        crate::query::Traits {
            kind: self.kind,
            status: self.status,
            negated: self.negated,
            timeless: self.timeless,
        }
    }
}

/// Decodes the head of a relation of a graph of `entity_count` entities ([`RelationHead`]),
/// leaving `d` at its event.
pub(super) fn decode_relation_head<'a>(
    d: &mut Decoder<'a>,
    entity_count: usize,
) -> Result<RelationHead<'a>, Corrupt> {
    let id = d.str()?;
    let kind = decode_code(d, &RelationKind::ALL, "relation kind")?;
    let ends = [
        d.index(entity_count, "entity")?,
        d.index(entity_count, "entity")?,
    ];
    let start = d.date()?;
    let end = d.date()?;
    let negated = d.bool()?;
    let timeless = d.bool()?;
    let status = decode_code(d, &Status::ALL, "status")?;
    let mut lists = [Vec::new(), Vec::new()];
    for list in &mut lists {
        let n = d.count(4)?;
        *list = (0..n)
            .map(|_| d.index(entity_count, "entity"))
            .collect::<Result<_, _>>()?;
    }
    let [claimed_by, disputed_by] = lists;
    let place = d.opt_index(entity_count, "entity")?;
    Ok(RelationHead {
        id,
        kind,
        ends,
        start,
        end,
        negated,
        timeless,
        status,
        claimed_by,
        disputed_by,
        place,
    })
}

/// What a timeline's line prints of a relation after its head ([`decode_relation_head`]):
/// its event and summary, borrowed from the record (its casualties skipped), leaving `d` at
/// its evidence.
pub(super) fn decode_relation_line<'a>(
    d: &mut Decoder<'a>,
    entity_count: usize,
) -> Result<(Option<&'a str>, &'a str), Corrupt> {
    let event = d.opt_str()?;
    casualty_sides(d, entity_count, &mut |_| {})?;
    Ok((event, d.str()?))
}

/// Hands `referred` every entity whose id [`decode_relation_in`] in `detail` asks for, by
/// index (checked to be in range), in that order: a relation's ends, claimants, disputers and
/// place, and in full its casualties' sides. For a read that decodes the entities a record
/// names before the record.
pub(super) fn relation_references(
    d: &mut Decoder,
    entity_count: usize,
    detail: Detail,
    referred: &mut dyn FnMut(usize),
) -> Result<(), Corrupt> {
    let head = decode_relation_head(d, entity_count)?;
    let lists = [&head.claimed_by, &head.disputed_by];
    (head
        .ends
        .iter()
        .chain(lists.into_iter().flatten())
        .chain(&head.place))
    .for_each(|&i| referred(i));
    if detail == Detail::Full {
        d.opt_str()?;
        casualty_sides(d, entity_count, referred)?;
    }
    Ok(())
}

/// [`decode_relation`], in `detail`.
pub fn decode_relation_in(
    d: &mut Decoder,
    entity_count: usize,
    id_of: &mut dyn FnMut(usize) -> Result<EntityId, Corrupt>,
    documents: &[ArcStr],
    detail: Detail,
) -> Result<(Relation, [usize; 2]), Corrupt> {
    let head = decode_relation_head(d, entity_count)?;
    let ends = head.ends;
    let source = id_of(ends[0])?;
    let target = id_of(ends[1])?;
    let ids = |list: &[usize], id_of: &mut dyn FnMut(usize) -> Result<EntityId, Corrupt>| {
        let mut ids = ThinVec::with_capacity(list.len());
        for &i in list {
            ids.push(id_of(i)?);
        }
        Ok::<_, Corrupt>(ids)
    };
    let claimed_by = ids(&head.claimed_by, id_of)?;
    let disputed_by = ids(&head.disputed_by, id_of)?;
    let place = head.place.map(&mut *id_of).transpose()?;
    let mut refs = References {
        count: entity_count,
        id_of,
    };
    let (event, casualties, summary, evidence) = match detail {
        Detail::Full => (
            d.opt_str()?,
            decode_casualties(d, &mut refs)?,
            d.str()?,
            decode_evidence(d, documents)?,
        ),
        Detail::Timeline => {
            let (event, summary) = decode_relation_line(d, entity_count)?;
            (event, ThinVec::new(), summary, Vec::new())
        }
        Detail::Table => (None, ThinVec::new(), "", Vec::new()),
    };
    let relation = Relation {
        id: RelationId::from_checked(head.id),
        kind: head.kind,
        source,
        target,
        start: head.start,
        end: head.end,
        negated: head.negated,
        timeless: head.timeless,
        status: head.status,
        account: Account::new(summary, evidence),
        particulars: Particulars::new(Stated {
            claimed_by,
            disputed_by,
            place,
            event: event.map(Into::into),
            casualties,
        }),
    };
    Ok((relation, ends))
}

/// Decodes a relation's casualty counts: their number, then each one.
fn decode_casualties(
    d: &mut Decoder,
    refs: &mut References,
) -> Result<ThinVec<Casualties>, Corrupt> {
    let n = d.count(16)?;
    let mut casualties = ThinVec::with_capacity(n);
    for _ in 0..n {
        let side = refs.optional(d)?;
        let who = d.string()?;
        let outcome = if d.bool()? {
            Outcome::Wounded
        } else {
            Outcome::Killed
        };
        let mut numbers = [None, None];
        for n in &mut numbers {
            let present = d.bool()?;
            let value = d.u32()?;
            *n = present.then_some(value);
        }
        let [min, max] = numbers;
        casualties.push(Casualties {
            side,
            who,
            outcome,
            min,
            max,
        });
    }
    Ok(casualties)
}

/// Reads over a relation's casualty counts, handing `side` the index of each one's side
/// (checked against a graph of `entity_count` entities) and keeping nothing else.
fn casualty_sides(
    d: &mut Decoder,
    entity_count: usize,
    side: &mut dyn FnMut(usize),
) -> Result<(), Corrupt> {
    let n = d.count(16)?;
    for _ in 0..n {
        if let Some(i) = d.opt_index(entity_count, "entity")? {
            side(i);
        }
        d.str()?;
        d.bool()?;
        for _ in 0..2 {
            d.bool()?;
            d.u32()?;
        }
    }
    Ok(())
}

/// Decodes a relation's evidence spans: their number, then each one, its document one of
/// `documents` by index or named in full ([`NAMED_DOCUMENT`]).
fn decode_evidence(d: &mut Decoder, documents: &[ArcStr]) -> Result<Vec<Evidence>, Corrupt> {
    let n = d.count(20)?;
    let mut evidence = Vec::with_capacity(n);
    for _ in 0..n {
        let document = match d.u32()? {
            NAMED_DOCUMENT => d.str()?.into(),
            i => documents
                .get(i as usize)
                .cloned()
                .ok_or_else(|| d.corrupt(format!("document index {i} out of range")))?,
        };
        let (start_byte, end_byte) = (d.u64()?, d.u64()?);
        let has_row = d.bool()?;
        let row = d.u64()?;
        let span = Evidence::new(document, start_byte, end_byte, has_row.then_some(row));
        evidence.push(span.map_err(|e| d.corrupt(e.to_string()))?);
    }
    Ok(evidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string a JSON Schema lists as an `enum` value or a `const`.
    fn schema_values(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, v) in map {
                    match (key.as_str(), v) {
                        ("const", serde_json::Value::String(s)) => {
                            out.insert(s.clone());
                        }
                        ("enum", serde_json::Value::Array(items)) => {
                            out.extend(items.iter().filter_map(|i| i.as_str().map(str::to_owned)));
                        }
                        _ => schema_values(v, out),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| schema_values(v, out)),
            _ => {}
        }
    }

    /// The codes written are declaration indexes and the codes read are positions in `ALL`:
    /// both agree only when `ALL` lists every variant in declaration order. Completeness is
    /// checked against the variants serde reads, as the JSON Schema derived from the types
    /// lists them, not against another hand-kept list.
    #[test]
    fn vocabularies_are_complete_and_in_declaration_order() {
        fn check<T: schemars::JsonSchema + Copy>(
            all: &[T],
            code: impl Fn(T) -> usize,
            name: impl Fn(T) -> &'static str,
        ) {
            for (i, &v) in all.iter().enumerate() {
                assert_eq!(code(v), i, "{} is out of declaration order", name(v));
            }
            let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
            let mut listed = std::collections::BTreeSet::new();
            schema_values(&schema, &mut listed);
            let all: std::collections::BTreeSet<String> =
                all.iter().map(|&v| name(v).to_owned()).collect();
            assert_eq!(all, listed);
        }
        check(&EntityKind::ALL, |k| k as usize, EntityKind::as_str);
        check(&RelationKind::ALL, |k| k as usize, RelationKind::as_str);
        check(&Status::ALL, |s| s as usize, Status::as_str);
        check(&SourceKind::ALL, |k| k as usize, SourceKind::as_str);
    }
    use crate::load::{GraphFiles, load};

    #[test]
    fn the_azawad_graph_round_trips_in_any_stored_order() {
        let graph = load(&GraphFiles::builtin()).unwrap();
        // Stored backwards: the records come back in stored order.
        let order: Vec<u32> = (0..graph.relations().len() as u32).rev().collect();
        let (bytes, offsets) = encode(graph.entities(), graph.relations(), graph.sources(), &order);
        let parts = decode(&bytes, &offsets.relations).unwrap();
        assert_eq!(parts.entities, graph.entities());
        assert_eq!(parts.sources, graph.sources());
        for (at, &r) in order.iter().enumerate() {
            let r = crate::graph::RelationIx::new(r as usize);
            assert_eq!(parts.relations[at], *graph.relation(r));
            let (s, t) = graph.ends(r);
            assert_eq!(parts.ends[at], [s.index() as u32, t.index() as u32]);
        }
    }

    /// A read decodes first the entities [`relation_references`] lists, then the record: the
    /// list must be every entity whose id the record's decoding asks for, in every detail.
    #[test]
    fn the_references_listed_are_those_the_decoding_asks_for() {
        let graph = load(&GraphFiles::builtin()).unwrap();
        let order: Vec<u32> = (0..graph.relations().len() as u32).collect();
        let (bytes, offsets) = encode(graph.entities(), graph.relations(), graph.sources(), &order);
        let count = graph.entities().len();
        let documents = document_names(graph.sources());
        let entities = graph.entities();
        let mut sides = 0;
        for detail in [Detail::Full, Detail::Timeline, Detail::Table] {
            for span in offsets.relations.windows(2) {
                let record = &bytes[span[0] as usize..span[1] as usize];
                let mut asked = Vec::new();
                let mut id_of = |i: usize| {
                    asked.push(i);
                    Ok(entities[i].id.clone())
                };
                let mut d = Decoder::new(record);
                decode_relation_in(&mut d, count, &mut id_of, &documents, detail).unwrap();
                let mut listed = Vec::new();
                let mut d = Decoder::new(record);
                relation_references(&mut d, count, detail, &mut |i| listed.push(i)).unwrap();
                assert_eq!(listed, asked, "{detail:?}");
                sides += usize::from(detail == Detail::Full && asked.len() > 2);
            }
        }
        assert!(
            sides > 10,
            "the graph has relations that name more than their ends"
        );
    }

    #[test]
    fn every_truncation_is_an_error_not_a_panic() {
        let graph = load(&GraphFiles::builtin()).unwrap();
        let order: Vec<u32> = (0..graph.relations().len() as u32).collect();
        let (bytes, offsets) = encode(graph.entities(), graph.relations(), graph.sources(), &order);
        for len in (0..bytes.len()).step_by(97) {
            assert!(
                decode(&bytes[..len], &offsets.relations).is_err(),
                "truncated at {len}"
            );
        }
    }
}
