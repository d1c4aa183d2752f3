//! An actor's relations read from the cache as a row or a line prints them, for a command
//! that prints one row or line per relation and needs no graph: `show` of an entity (the
//! relations of its incident list, the whole graph's
//! [`Graph::incident`](crate::Graph::incident), in the same date order), `relations --with`
//! and `timeline` of one actor (the relations a filter admits among its own, its parts' and
//! those placed at it, in the order and with the certainty
//! [`crate::query::relations`] gives them), and `neighbors`, `allies` and
//! `enemies` of one actor (the relations a filter admits among its own and its parts', each
//! with the neighbour and the part [`query::neighbors`] gives); and, for no actor, the
//! relations the dated section selects for `snapshot` and `diff`, read from their heads
//! there ([`super::dated::holding`], [`super::dated::changed`]). Each is decoded as a table's
//! row prints it ([`Detail::Table`]: no casualties, evidence, event or summary), or a
//! timeline's line ([`Detail::Timeline`]: its event and summary too), with the entities it
//! names decoded once, as a row prints them too.
//!
//! A hub of 40k relations is then printed from records decoded on every core, without
//! building a graph or decoding what its rows never print: each row borrows its id (and event
//! and summary) from its record and names the entities it refers to by the entities decoded
//! once (not a [`Relation`] of shared ids each), and runs of rows are made
//! into text on every core too ([`Rows::chunks`]), a few runs at a time, so that its
//! records, their heads and the pages they lie in are never all held at once.

use std::collections::BTreeSet;
use std::path::Path;

use rayon::prelude::*;

use super::labels::Labels;
use super::lookup::{Incident, Lookup};
use super::payload::RelationHead;
use super::scoped::Scope;
use super::{CacheError, Damage, Detail, payload, record_in};
use crate::export::Lang;
use crate::graph::chronological_key_of;
use crate::model::{
    Bounds, Certainty, DateWords, Entity, EntityId, Relation, RelationKind, Status, UncertainDate,
};
use crate::query::{self, Filter, Traits};

/// How many runs of rows [`Rows::chunks`] reads and makes at a time, on every core, before
/// it lets the pages of the records read leave the resident set.
const RUNS_AT_ONCE: usize = 8;

/// One relation as a table's row or a timeline's line prints it: the fields of its record's
/// head, the id borrowed from the record, and the entities it names.
#[derive(Debug)]
pub struct Row<'r> {
    /// The relation's id.
    pub id: &'r str,
    /// What it states.
    pub kind: RelationKind,
    /// True when the actor read for is its source (for a neighbour, [`neighbors`]: the actor
    /// or its part whose relation this is); true in rows read for no actor (the dated
    /// section's, [`super::dated`]).
    pub outgoing: bool,
    /// When it began.
    pub start: Option<UncertainDate>,
    /// When it ended.
    pub end: Option<UncertainDate>,
    /// True when the sources state the opposite.
    pub negated: bool,
    /// True for a standing fact outside the time the sources tell.
    pub timeless: bool,
    /// How firmly the sources state it.
    pub status: Status,
    /// The ids of the entities that make the claim.
    pub claimed_by: Vec<EntityId>,
    /// The ids of the entities that deny or dispute it.
    pub disputed_by: Vec<EntityId>,
    /// The entity at its source.
    pub source: Named<'r>,
    /// The entity at its target.
    pub target: Named<'r>,
    /// With a certainty when the question named a day or period ([`answer`]); for a diff's
    /// row ([`super::dated::changed`]), its certainty on the second date (`None`: it does
    /// not hold then).
    pub certainty: Option<Certainty>,
    /// For a diff's row ([`super::dated::changed`]), its certainty on the first date
    /// (`None`: it did not hold then); `None` in every other row.
    pub before: Option<Certainty>,
    /// For a neighbour ([`neighbors`]): the actor's part whose relation this is, when it is
    /// not the actor's own.
    pub part: Option<Named<'r>>,
    /// Read in [`Detail::Timeline`] only: the entity at its place.
    pub place: Option<Named<'r>>,
    /// Read in [`Detail::Timeline`] only: the event it belongs to.
    pub event: Option<&'r str>,
    /// Read in [`Detail::Timeline`] only (else empty): its summary.
    pub summary: &'r str,
}

/// An entity a row names, read from its label entry ([`super::labels`]) as a row prints it:
/// its id, its short label in the output language, and what the label function given to
/// [`Rows::chunks`] made of that, once however many rows name it.
#[derive(Debug, Clone, Copy)]
pub struct Named<'r> {
    /// Its id.
    pub id: &'r str,
    /// Its short label in the output language ([`crate::i18n::label`]).
    pub name: &'r str,
    /// What the label function made of its short label.
    pub label: &'r str,
}

impl<'r> Row<'r> {
    /// The entity at its other end from the actor read for (the actor itself for a relation
    /// to itself); for a neighbour ([`neighbors`]), the neighbour.
    pub fn other(&self) -> Named<'r> {
        if self.outgoing {
            self.target
        } else {
            self.source
        }
    }

    /// The row of a relation from its `head` (a record's, or one in the dated section:
    /// [`super::dated`], [`dated_head`]), as read for no actor: seen from its source, its ends
    /// named by `named`, the entities that claim or dispute it by their `id`, with its
    /// certainty on a diff's first date ([`Row::before`]) and on the date asked about
    /// ([`Row::certainty`]); no part, place, event or summary.
    pub(super) fn from_head(
        head: &RelationHead<'r>,
        named: impl Fn(usize) -> Named<'r>,
        id: impl Fn(usize) -> EntityId,
        [before, certainty]: [Option<Certainty>; 2],
    ) -> Row<'r> {
        let ids = |list: &[usize]| list.iter().map(|&i| id(i)).collect();
        Row {
            id: head.id,
            kind: head.kind,
            outgoing: true,
            start: head.start,
            end: head.end,
            negated: head.negated,
            timeless: head.timeless,
            status: head.status,
            claimed_by: ids(&head.claimed_by),
            disputed_by: ids(&head.disputed_by),
            source: named(head.ends[0]),
            target: named(head.ends[1]),
            certainty,
            before,
            part: None,
            place: None,
            event: None,
            summary: "",
        }
    }

    /// Its dates as [`Relation::dates`] writes them.
    pub fn dates(&self) -> String {
        Relation::dates_of(
            self.kind,
            self.start,
            self.end,
            self.timeless,
            &DateWords::ENGLISH,
        )
    }
}

/// The relations of one actor, to be read in runs ([`Rows::chunks`]).
pub struct Rows {
    scope: Scope,
    /// The actor read for.
    actor: usize,
    entries: Vec<Entry>,
    /// True when the entries come from more than one list and are not in date order yet:
    /// they are put in it from their records' heads ([`Rows::in_date_order`]).
    merged: bool,
    /// For neighbours ([`neighbors`]): the actor and its parts (the group the sides of each
    /// relation are told by), and the filter that says which neighbours count.
    neighbors: Option<(Vec<usize>, Filter)>,
}

/// A relation to read, where it was listed, and its certainty (on a diff's two dates, its
/// certainty on the first too).
#[derive(Debug, Clone, Copy)]
struct Entry {
    relation: usize,
    listed: Listed,
    certainty: Option<Certainty>,
    before: Option<Certainty>,
}

/// A relation as the dated section lists it, whose head there is read as a row
/// ([`dated_head`], [`Row::from_head`]).
pub(super) struct DatedEntry {
    /// The relation's index.
    pub relation: usize,
    /// Its source and target.
    pub ends: [usize; 2],
    /// Its date bounds.
    pub bounds: Bounds,
    /// What a filter tests of it besides its dates.
    pub traits: Traits,
}

/// Where a relation to read was listed, which its head must agree with.
#[derive(Debug, Clone, Copy)]
enum Listed {
    /// In the incident list of this entity: it is one of the relation's ends.
    End(usize),
    /// In the list of the relations placed at this entity: it is the relation's place.
    Place(usize),
    /// In the dated section, with these two ends, date bounds and traits; its head there
    /// is read instead of its record.
    Dated([usize; 2], Bounds, Traits),
}

impl Listed {
    /// Whether a record whose head is `head` agrees with the listing; if not, the list or
    /// the record was damaged, and the error says which relation `r` and how.
    fn check(self, r: usize, head: &RelationHead) -> Result<(), CacheError> {
        let problem = match self {
            Listed::End(by) if !head.ends.contains(&by) => {
                format!("relation {r} is listed for entity {by} but does not involve it")
            }
            Listed::Place(by) if head.place != Some(by) => {
                format!(
                    "relation {r} is listed for entity {by} as its place but does not involve it"
                )
            }
            Listed::Dated(ends, bounds, traits)
                if head.ends != ends || head.bounds() != bounds || head.traits() != traits =>
            {
                format!("the head of relation {r} in the dated section is not its entry's")
            }
            _ => return Ok(()),
        };
        Err(Damage::Lookup(problem).into())
    }
}

/// The relations of the actor `name` resolves to, from the cache of `dir`, if the cache is up
/// to date and the blocks read are sound; `Ok(None)` when the name matches no entity or more
/// than one (resolving it in a graph reports it: the scoped read, [`super::scoped::read`]).
pub fn rows(dir: &Path, name: &str) -> Result<Option<Rows>, CacheError> {
    let Some((mut scope, entity)) = resolved(dir, name)? else {
        return Ok(None);
    };
    scope.detail = Detail::Table;
    let entries: Vec<Entry> = (scope.lookup.incident_entries(entity)?.iter())
        .map(|entry| Entry {
            relation: entry.relation,
            listed: Listed::End(entity),
            certainty: None,
            before: None,
        })
        .collect();
    scope.expect(entries.len())?;
    Ok(Some(Rows {
        scope,
        actor: entity,
        entries,
        merged: false,
        neighbors: None,
    }))
}

/// The relations `filter` admits about the actor `name` resolves to (its own, its parts' when
/// [`Filter::with_parts`], those placed at it), from the cache of `dir`: the relations, order
/// and certainties [`crate::query::relations`] gives for that one actor in
/// the whole graph, each to be read in `detail` ([`Detail::Table`] or [`Detail::Timeline`]).
/// Admitted by the one rule ([`Filter::admit_traits`]) over the bounds and traits their
/// incident entries keep (a placed relation's from its record's head). `Ok(None)` as for
/// [`rows`].
pub fn answer(
    dir: &Path,
    name: &str,
    filter: &Filter,
    detail: Detail,
) -> Result<Option<Rows>, CacheError> {
    select(dir, name, filter, detail, Select::Relations)
}

/// The neighbours `filter` admits of the actor `name` resolves to (through its own relations
/// and its parts' when [`Filter::with_parts`]), from the cache of `dir`, read as table rows:
/// the relations, order, certainties, neighbours ([`Row::other`]) and parts ([`Row::part`])
/// [`query::neighbors`] gives in the whole graph. The sides of each relation and which
/// neighbours count are told by the same rules (`query::sides`, `query::counts`), once the
/// records' heads and the entities they name are read ([`Rows::chunks`]), so
/// [`Rows::len`] counts the relations admitted before the neighbours' kinds are looked at.
/// `Ok(None)` as for [`rows`].
pub fn neighbors(dir: &Path, name: &str, filter: &Filter) -> Result<Option<Rows>, CacheError> {
    select(dir, name, filter, Detail::Table, Select::Neighbors)
}

/// What [`select`] reads about an actor.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Select {
    /// Its relations, its parts' and those placed at it ([`answer`]).
    Relations,
    /// Its neighbours through its relations and its parts' ([`neighbors`]).
    Neighbors,
}

/// [`answer`] or [`neighbors`].
fn select(
    dir: &Path,
    name: &str,
    filter: &Filter,
    detail: Detail,
    select: Select,
) -> Result<Option<Rows>, CacheError> {
    let Some((mut scope, entity)) = resolved(dir, name)? else {
        return Ok(None);
    };
    scope.detail = detail;
    let own = scope.lookup.incident_entries(entity)?;
    let parts = match filter.with_parts {
        true => parts(&scope.lookup, entity, &own)?,
        false => Vec::new(),
    };
    let mut entries = Vec::new();
    let mut admit = |listed_by: usize, list: &[Incident]| {
        let candidates = &list[..filter.candidates_by(list, |entry| entry.bounds.start_first)];
        for entry in candidates {
            if let Some(admitted) = filter.admit_traits(&entry.traits, &entry.bounds) {
                entries.push(Entry {
                    relation: entry.relation,
                    listed: Listed::End(listed_by),
                    certainty: admitted.certainty,
                    before: None,
                });
            }
        }
    };
    admit(entity, &own);
    for &part in &parts {
        admit(part, &scope.lookup.incident_entries(part)?);
    }
    let placed = match select {
        Select::Relations => scope.lookup.placed(entity)?,
        Select::Neighbors => Vec::new(),
    };
    for &r in &placed {
        let head = head(&scope.lookup, r)?;
        if let Some(admitted) = filter.admit_traits(&head.traits(), &head.bounds()) {
            entries.push(Entry {
                relation: r,
                listed: Listed::Place(entity),
                certainty: admitted.certainty,
                before: None,
            });
        }
    }
    let merged = !parts.is_empty() || !placed.is_empty();
    if merged {
        // Each relation once, however many lists hold it.
        entries.sort_by_key(|entry| entry.relation);
        entries.dedup_by_key(|entry| entry.relation);
    }
    scope.expect(entries.len())?;
    let neighbors = (select == Select::Neighbors).then(|| {
        let group = std::iter::once(entity).chain(parts).collect();
        (group, filter.clone())
    });
    Ok(Some(Rows {
        scope,
        actor: entity,
        entries,
        merged,
        neighbors,
    }))
}

/// A scope over the cache of `dir` with the entity `name` resolves to decoded, and its index;
/// `None` as for [`rows`].
fn resolved(dir: &Path, name: &str) -> Result<Option<(Scope, usize)>, CacheError> {
    let mut scope = Scope::open(dir)?;
    let Some(Some(entity)) = scope.resolve(name, &mut BTreeSet::new())? else {
        return Ok(None);
    };
    Ok(Some((scope, entity)))
}

/// The head of the relation the dated section lists as `dated`, read from its `bytes` there
/// (which it must fill) in a graph of `count` entities, and checked to agree with the entry
/// (its ends, date bounds and traits): what a row of a snapshot or a diff prints
/// ([`Row::from_head`]).
pub(super) fn dated_head<'a>(
    dated: &DatedEntry,
    bytes: &'a [u8],
    count: usize,
) -> Result<RelationHead<'a>, CacheError> {
    let entry = Entry {
        relation: dated.relation,
        listed: Listed::Dated(dated.ends, dated.bounds, dated.traits),
        certainty: None,
        before: None,
    };
    Ok(line(&entry, bytes, count, Detail::Full)?.0.head)
}

/// The head of relation `r`'s record.
fn head(lookup: &Lookup, r: usize) -> Result<RelationHead<'_>, CacheError> {
    let count = lookup.entity_count();
    record_in(
        lookup.relation(r)?,
        Detail::Table,
        || format!("relation {r}"),
        |d| payload::decode_relation_head(d, count),
    )
}

/// The parts of `entity`, whose incident entries are `own`, as
/// [`query::parts`](crate::query::parts) finds them: the sources of its armed-force relations
/// not negated, read from those relations' heads.
fn parts(lookup: &Lookup, entity: usize, own: &[Incident]) -> Result<Vec<usize>, CacheError> {
    let mut parts = Vec::new();
    for entry in own {
        let traits = entry.traits;
        if traits.kind == RelationKind::ArmedForceOf && !traits.negated && entry.other != entity {
            let head = head(lookup, entry.relation)?;
            if head.ends == [entry.other, entity] {
                parts.push(entry.other);
            }
        }
    }
    parts.sort_unstable();
    parts.dedup();
    Ok(parts)
}

/// The line of `entry`, whose record is `bytes`, decoded in `detail` in a graph of `count`
/// entities, with its certainties; the record must agree with where the entry was listed.
/// In [`Detail::Full`], `bytes` hold a head alone (the dated section's), which they must
/// fill.
fn line<'a>(
    entry: &Entry,
    bytes: &'a [u8],
    count: usize,
    detail: Detail,
) -> Result<CertainLine<'a>, CacheError> {
    let timeline = detail == Detail::Timeline;
    let r = entry.relation;
    let line = record_in(
        bytes,
        detail,
        || format!("relation {r}"),
        |d| {
            let head = payload::decode_relation_head(d, count)?;
            let (event, summary) = match timeline {
                true => payload::decode_relation_line(d, count)?,
                false => (None, ""),
            };
            Ok(Line {
                head,
                event,
                summary,
            })
        },
    )?;
    entry.listed.check(r, &line.head)?;
    Ok((line, [entry.before, entry.certainty]))
}

/// The lines of the records of `entries`, which lie at `spans` in the body
/// ([`Lookup::relation_spans`]), decoded in `detail` on every core, each with its
/// certainties and checked to agree with where it was listed ([`line`]).
fn lines<'a>(
    lookup: &'a Lookup,
    entries: &[Entry],
    spans: &[(u64, u64)],
    detail: Detail,
) -> Result<Vec<CertainLine<'a>>, CacheError> {
    let count = lookup.entity_count();
    let reader = lookup.reader();
    let records = (spans.iter())
        .map(|&(from, to)| reader.bytes(from, to))
        .collect::<Result<Vec<_>, _>>()?;
    (records.par_iter().zip(entries))
        .with_min_len(256)
        .map(|(bytes, entry)| line(entry, bytes, count, detail))
        .collect()
}

/// A record's line with its certainties: on a diff's first date, and on the date asked
/// about ([`Row::before`], [`Row::certainty`]).
type CertainLine<'a> = (Line<'a>, [Option<Certainty>; 2]);

/// A record's head, with its event and summary when read in [`Detail::Timeline`].
struct Line<'a> {
    head: RelationHead<'a>,
    event: Option<&'a str>,
    summary: &'a str,
}

impl Rows {
    /// The actor, decoded in full.
    pub fn entity(&self) -> &Entity {
        &self.scope.entities[self.actor]
    }

    /// How many relations it has (for neighbours, [`neighbors`], before their kinds are
    /// looked at: [`Rows::chunks`] leaves out those that do not count).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when it has none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Gives `chunk` each run of up to `size` consecutive relations in date order, read as
    /// rows ([`Row`]) whose entities are named by their short label in `lang`, made into
    /// text by `label`, on every core, and gives what it made of each run, in order. The
    /// relations are read `RUNS_AT_ONCE` runs at a time: their records' heads decoded on
    /// every core, then the label entries of the entities they name not read yet
    /// ([`Labels`], each once, no entity record), then the runs made, and the pages of those
    /// records leave the resident set (`Scope::release_records`), so that a hub's 40k
    /// records are never all resident, nor all decoded. A record that does not involve the entity whose list
    /// holds it is an error: the list or the record was damaged. For neighbours
    /// ([`neighbors`]), the relations whose neighbour does not count (`query::counts`, the
    /// rule of [`query::neighbors`]) are left out.
    pub fn chunks<T: Send>(
        &mut self,
        size: usize,
        lang: Lang,
        label: impl Fn(&str) -> String + Sync,
        chunk: impl Fn(&[Row]) -> T + Sync,
    ) -> Result<Vec<T>, CacheError> {
        let size = size.max(1);
        // Where each record lies, looked up once for all batches (and put in date order with
        // the entries when they come from more than one list).
        let spans = if self.merged {
            self.merged = false;
            self.in_date_order(size * RUNS_AT_ONCE)?
        } else {
            (self.scope.lookup).relation_spans(self.entries.iter().map(|entry| entry.relation))?
        };
        let lookup = &self.scope.lookup;
        let (count, detail, actor) = (lookup.entity_count(), self.scope.detail, self.actor);
        let timeline = detail == Detail::Timeline;
        let mut labels = Labels::new((count, 0), lang, &label);
        // The end asked about, the actor or its part, and for neighbours only those that count.
        let near = |head: &RelationHead| match &self.neighbors {
            Some((group, _)) => query::sides(actor, group, head.ends),
            None => [actor, usize::MAX],
        };
        // The lists and tables read so far are not read again.
        self.scope.release();
        let mut made = Vec::new();
        let batch = size * RUNS_AT_ONCE;
        for (entries, spans) in self.entries.chunks(batch).zip(spans.chunks(batch)) {
            let mut lines = lines(lookup, entries, spans, detail)?;
            // Each entity named: the ends, the claimants and disputers, a timeline's place.
            let named = lines.iter().flat_map(|(line, _)| {
                let head = &line.head;
                let place = head.place.filter(|_| timeline);
                (head
                    .ends
                    .iter()
                    .chain(&head.claimed_by)
                    .chain(&head.disputed_by))
                .copied()
                .chain(place)
            });
            labels.read(lookup, named)?;
            if let Some((_, filter)) = &self.neighbors {
                lines.retain(|(line, _)| query::counts(filter, labels.kind(near(&line.head)[1])));
            }
            let labels = &labels;
            let id = |i: usize| EntityId::from_slug(labels.named(i).id.to_owned());
            let named = |i: usize| labels.named(i);
            let runs: Vec<T> = (lines.par_chunks(size))
                .map(|lines| {
                    let rows: Vec<Row> = (lines.iter())
                        .map(|(line, [before, certainty])| {
                            let head = &line.head;
                            let [near, _] = near(head);
                            Row {
                                outgoing: head.ends[0] == near,
                                part: (actor != near).then(|| named(near)),
                                place: head.place.filter(|_| timeline).map(named),
                                event: line.event,
                                summary: line.summary,
                                ..Row::from_head(head, named, id, [*before, *certainty])
                            }
                        })
                        .collect();
                    chunk(&rows)
                })
                .collect();
            made.extend(runs);
            // What was made of these records is a copy: their pages are not needed resident.
            drop(lines);
            self.scope.release_records(spans);
        }
        Ok(made)
    }

    /// Puts the entries, which come from more than one list, in the order of the whole
    /// graph's lists (`crate::graph::cmp_chronologically`): by their records' dates, then
    /// ids, read from the records' heads `batch` at a time, whose pages then leave the
    /// resident set. Gives where each record lies ([`Lookup::relation_spans`]), in the new
    /// order.
    fn in_date_order(&mut self, batch: usize) -> Result<Vec<(u64, u64)>, CacheError> {
        let lookup = &self.scope.lookup;
        let mut keyed = Vec::with_capacity(self.entries.len());
        let spans = lookup.relation_spans(self.entries.iter().map(|entry| entry.relation))?;
        self.scope.release();
        for (entries, spans) in self.entries.chunks(batch).zip(spans.chunks(batch)) {
            let lines = lines(lookup, entries, spans, Detail::Table)?;
            let read = lines.iter().zip(entries).zip(spans);
            keyed.extend(read.map(|(((line, _), &entry), &span)| {
                let head = &line.head;
                let key = chronological_key_of(head.start, head.end);
                (key, Box::<str>::from(head.id), entry, span)
            }));
            drop(lines);
            self.scope.release_records(spans);
        }
        keyed.sort_unstable_by(|(a, a_id, ..), (b, b_id, ..)| (a, a_id).cmp(&(b, b_id)));
        let (entries, spans) = keyed
            .into_iter()
            .map(|(_, _, entry, span)| (entry, span))
            .unzip();
        self.entries = entries;
        Ok(spans)
    }
}
