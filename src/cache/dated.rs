//! The cache's dated section: every relation in date order with what a question about a date
//! needs to know of it without decoding its record (its two ends, date bounds, kind, status,
//! negation and timelessness), so that `snapshot --at D` and `diff D1 D2` find the relations
//! that answer them by scanning this section and decode only those, with the entities they
//! refer to ([`snapshot`], [`changes`]), instead of the whole graph. It lies between the graph
//! and the trigram section (`super::grams`):
//!
//! | field | bytes |
//! |---|---|
//! | number of relations | 8 |
//! | every relation in chronological order ([`crate::Graph::chronological`], so by earliest possible start): index, source, target, the four date bounds as days, kind, status, flags (negated 1, timeless 2), a zero byte | relations × [`WIDTH`] |
//! | per run of [`SPAN`] entries, the latest possible end of any of them (as a day) | ⌈relations ÷ [`SPAN`]⌉ × 4 |
//! | where each entry's head starts among the heads, then where the last one ends | (relations + 1) × 8 |
//! | each relation's head, in the entries' order: its record's first fields, id, kind, ends, dates, negation, timelessness, status, claimants, disputers and place (`payload::encode_relation_head`) | about 40–60 per relation |
//!
//! A question about a period P reads the entries whose earliest start is no later than P's
//! last day (a prefix, found by binary search), and of those only the runs whose latest end is
//! no earlier than P's first day: the relations that ended before P are skipped a run at a
//! time. Each entry is checked as it is read (indexes in range, known codes); the graph built
//! from what is decoded is then asked the question as the whole graph would be, so the answer
//! is the whole graph's.
//!
//! A snapshot's table and a diff's text print only what the heads hold, besides the labels
//! of the ends: they are made from the heads of the relations chosen ([`holding`],
//! [`changed`]), which lie together in date order, rather than from their records, which are
//! stored by home actor (for a hub's questions) and scattered over the whole body.

use std::ops::Range;
use std::path::Path;

use rayon::prelude::*;

use super::blocks::BlockReader;
use super::codec::{Corrupt, Decoder, Encoder};
use super::labels::Labels;
use super::lookup::Lookup;
use super::payload::RelationHead;
use super::rows::{self, Row};
use super::scoped::Scope;
use super::{CacheError, Damage, Detail, Header, open, payload};
use crate::export::Lang;
use crate::graph::{Graph, chronological_key_of};
use crate::model::{Bounds, Day, Entity, EntityId, Period, Relation, RelationKind, Status};
use crate::query::{Certainty, Filter, Standing, Traits};

/// The bytes of one entry.
pub const WIDTH: u64 = 32;
/// How many entries share one latest end.
pub const SPAN: u64 = 128;

/// How many runs of [`SPAN`] entries a scan of the section reads before their pages leave the
/// resident set (256 KiB of entries).
const RELEASED_RUNS: u64 = 64;

/// How many runs of rows [`Selection::each`] makes at a time, on every core, before it gives
/// them in order and lets the pages of the section they read leave the resident set.
const RUNS_AT_ONCE: usize = 16;

/// How many relations [`Selection::check`] checks in one run.
const CHECKED_RUN: usize = 1024;

/// How many entries of the section the relations [`Selection::each`] reads at a time may
/// span: the relations of a diff between two late dates are scattered over it, and each
/// reads its head's whole block, to check it (at most ~2 MB of entries, ~3 MB of heads).
const STRETCH: u32 = 1 << 16;

/// One relation of the section, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    relation: u32,
    ends: [u32; 2],
    bounds: Bounds,
    traits: Traits,
    /// Its place in the section (not stored: where it was read).
    position: u64,
}

/// Appends the dated section of `graph`.
pub fn encode(e: &mut Encoder, graph: &Graph) {
    let order = graph.chronological();
    e.u64(order.len() as u64);
    let mut latest = Vec::with_capacity(order.len().div_ceil(SPAN as usize));
    for run in order.chunks(SPAN as usize) {
        let mut end = Day::MIN;
        for &r in run {
            let (source, target) = graph.ends(r);
            let bounds = *graph.bounds(r);
            end = end.max(bounds.end_last);
            // Indexes are bounded by the loader's limits, far below u32::MAX.
            Entry {
                relation: r.index() as u32,
                ends: [source.index() as u32, target.index() as u32],
                bounds,
                traits: Traits::of(graph.relation(r)),
                position: 0,
            }
            .encode(e);
        }
        latest.push(end);
    }
    for day in latest {
        e.u32(day.0 as u32);
    }
    let ix = |id: &EntityId| graph.entity_ix(id.as_str()).map(|i| i.index());
    let mut heads = Encoder::default();
    e.u64(0);
    for &r in order {
        payload::encode_relation_head(&mut heads, graph.relation(r), &ix);
        e.u64(heads.position());
    }
    e.bytes(&heads.into_bytes());
}

impl Entry {
    fn encode(self, e: &mut Encoder) {
        e.u32(self.relation);
        e.u32(self.ends[0]);
        e.u32(self.ends[1]);
        let b = self.bounds;
        for day in [b.start_first, b.start_last, b.end_first, b.end_last] {
            e.u32(day.0 as u32);
        }
        let t = self.traits;
        let flags = u8::from(t.negated) | u8::from(t.timeless) << 1;
        e.bytes(&[t.kind as u8, t.status as u8, flags, 0]);
    }

    /// The entry in `bytes` ([`WIDTH`] of them), at `position` in the section, checked
    /// against a graph of `entities` entities and `relations` relations.
    fn decode(
        bytes: &[u8],
        position: u64,
        entities: u32,
        relations: u32,
    ) -> Result<Entry, CacheError> {
        let word = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
        let (relation, ends) = (word(0), [word(4), word(8)]);
        if relation >= relations || ends.iter().any(|&e| e >= entities) {
            return Err(corrupt(format!(
                "an entry of relation {relation} between {ends:?} is out of range"
            )));
        }
        let day = |at: usize| Day(word(at) as i32);
        let (kind, status) = (usize::from(bytes[28]), usize::from(bytes[29]));
        let (Some(&kind), Some(&status)) = (RelationKind::ALL.get(kind), Status::ALL.get(status))
        else {
            return Err(corrupt(format!(
                "unknown relation kind or status code {kind}, {status}"
            )));
        };
        if bytes[30] > 3 || bytes[31] != 0 {
            return Err(corrupt("unknown flags in an entry"));
        }
        Ok(Entry {
            relation,
            ends,
            bounds: Bounds {
                start_first: day(12),
                start_last: day(16),
                end_first: day(20),
                end_last: day(24),
            },
            traits: Traits {
                kind,
                status,
                negated: bytes[30] & 1 != 0,
                timeless: bytes[30] & 2 != 0,
            },
            position,
        })
    }
}

fn corrupt(what: impl Into<String>) -> CacheError {
    Damage::InPart {
        part: "the dated section".to_owned(),
        error: Corrupt {
            at: 0,
            what: what.into(),
        },
    }
    .into()
}

/// The dated section of a cache body, read in place.
struct Section<'a> {
    reader: &'a BlockReader,
    /// Where the entries start.
    entries: u64,
    /// How many there are.
    count: u64,
    /// Where the latest ends start.
    latest: u64,
    /// Where the offsets of the heads start, and the heads.
    offsets: u64,
    heads: u64,
}

impl<'a> Section<'a> {
    /// The section from body offset `at` to `end`, holding one entry per relation of a
    /// graph of `relations`.
    fn open(
        reader: &'a BlockReader,
        at: u64,
        end: u64,
        relations: u64,
    ) -> Result<Self, CacheError> {
        let count = reader.u64(at)?;
        let offsets = count
            .checked_mul(WIDTH)
            .and_then(|n| n.checked_add(count.div_ceil(SPAN).checked_mul(4)?))
            .and_then(|n| n.checked_add(at + 8));
        let heads = offsets.and_then(|n| n.checked_add(count.checked_add(1)?.checked_mul(8)?));
        let (Some(offsets), Some(heads)) = (offsets, heads) else {
            return Err(corrupt(format!("{count} entries from {at}")));
        };
        let fits = match heads <= end {
            true => Some(heads + reader.u64(heads - 8)?),
            false => None,
        };
        if count != relations || fits != Some(end) {
            return Err(corrupt(format!(
                "{count} entries from {at} to {end}, for {relations} relations"
            )));
        }
        Ok(Section {
            reader,
            entries: at + 8,
            count,
            latest: at + 8 + count * WIDTH,
            offsets,
            heads,
        })
    }

    /// The earliest possible start of entry `i`.
    fn start_first(&self, i: u64) -> Result<Day, CacheError> {
        Ok(Day(self.reader.u32(self.entries + i * WIDTH + 12)? as i32))
    }

    /// How many entries start no later than `last`: a binary search of the entries, which
    /// are sorted by earliest start.
    fn starting_by(&self, last: Day) -> Result<u64, CacheError> {
        let (mut low, mut high) = (0, self.count);
        while low < high {
            let mid = low + (high - low) / 2;
            if self.start_first(mid)? <= last {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        Ok(low)
    }

    /// Where the head of the entry at `position` lies in the body, checked to lie among the
    /// heads.
    fn head(&self, position: u64) -> Result<(u64, u64), CacheError> {
        let at = self.offsets + 8 * position;
        let (from, to) = (self.reader.u64(at)?, self.reader.u64(at + 8)?);
        let len = self.reader.u64(self.heads - 8)?;
        if from > to || to > len {
            return Err(corrupt(format!(
                "the head of entry {position} lies at {from}..{to}, past {len}"
            )));
        }
        Ok((self.heads + from, self.heads + to))
    }

    /// Every entry that may hold on some day of one of `periods`, in date order, given to
    /// `each`: those starting no later than the periods' last day, run by run, skipping the
    /// runs that all ended before their first day.
    fn may_hold(
        &self,
        periods: &[Period],
        entities: u32,
        each: &mut dyn FnMut(Entry),
    ) -> Result<(), CacheError> {
        let last = periods.iter().map(|p| p.last).max().unwrap_or(Day::MIN);
        let first = periods.iter().map(|p| p.first).min().unwrap_or(Day::MAX);
        let n = self.starting_by(last)?;
        let relations = u32::try_from(self.count).unwrap_or(u32::MAX);
        let runs = n.div_ceil(SPAN);
        for run in 0..runs {
            let end = Day(self.reader.u32(self.latest + 4 * run)? as i32);
            let (from, to) = (run * SPAN, ((run + 1) * SPAN).min(n));
            if end >= first {
                let bytes =
                    (self.reader).bytes(self.entries + from * WIDTH, self.entries + to * WIDTH)?;
                for (k, entry) in bytes.chunks_exact(WIDTH as usize).enumerate() {
                    each(Entry::decode(entry, from + k as u64, entities, relations)?);
                }
            }
            if (run + 1) % RELEASED_RUNS == 0 || run + 1 == runs {
                // The entries scanned leave the resident set (32 MB of them at L).
                let from = (run + 1).saturating_sub(RELEASED_RUNS) * SPAN;
                (self.reader).release(self.entries + from * WIDTH, self.entries + to * WIDTH);
            }
        }
        Ok(())
    }

    /// The entry at `position`, checked against a graph of `entities` entities.
    fn entry(&self, position: u64, entities: u32) -> Result<Entry, CacheError> {
        let relations = u32::try_from(self.count).unwrap_or(u32::MAX);
        let at = self.entries + position * WIDTH;
        Entry::decode(
            self.reader.bytes(at, at + WIDTH)?,
            position,
            entities,
            relations,
        )
    }
}

/// The relation indexes of the dated section `section` (its bytes, checked) of a graph of
/// `relations` relations, in the section's order: the chronological order
/// ([`crate::Graph::chronological`]), for a read of every relation in it
/// ([`super::whole`]). An error when the section holds another number of entries or they are
/// not each relation once.
pub(super) fn chronological(section: &[u8], relations: usize) -> Result<Vec<u32>, CacheError> {
    let count = section
        .get(..8)
        .map(|b| u64::from_le_bytes(b.try_into().expect("eight bytes")));
    let entries = (relations as u64)
        .checked_mul(WIDTH)
        .and_then(|n| usize::try_from(n).ok())
        .and_then(|n| section.get(8..8 + n));
    let (Some(count), Some(entries)) = (count, entries) else {
        return Err(corrupt(format!(
            "{} bytes cannot hold {relations} entries",
            section.len()
        )));
    };
    if count != relations as u64 {
        return Err(corrupt(format!(
            "{count} entries for {relations} relations"
        )));
    }
    let order: Vec<u32> = (entries.chunks_exact(WIDTH as usize))
        .map(|entry| u32::from_le_bytes(entry[..4].try_into().expect("four bytes")))
        .collect();
    if !super::lookup::is_permutation(&order) {
        return Err(corrupt("the entries do not hold each relation once"));
    }
    Ok(order)
}

/// Reads from the cache of `dir` the relations `filter` (with a period) admits, with the
/// entities they refer to and their relations decoded in `detail`: the graph whose snapshot
/// ([`crate::query::snapshot`]) under `filter` is the whole graph's. `Ok(None)` when `filter`
/// has no period.
pub fn snapshot(dir: &Path, filter: &Filter, detail: Detail) -> Result<Option<Graph>, CacheError> {
    let Some(period) = filter.period else {
        return Ok(None);
    };
    read(dir, &[period], detail, &|traits, bounds| {
        filter.admit_traits(traits, bounds).is_some()
    })
    .map(Some)
}

/// Reads from the cache of `dir` the relations whose standing differs between its two dates
/// ([`Standing::of`]), with the entities they refer to and their relations decoded in `detail`:
/// the graph whose [`crate::query::diff`] over those dates and filter is the whole graph's.
pub fn changes(dir: &Path, standing: &Standing, detail: Detail) -> Result<Graph, CacheError> {
    read(dir, &standing.periods(), detail, &|traits, bounds| {
        standing.of(traits, bounds).is_some()
    })
}

/// The relations `filter` (with a period) admits, from the cache of `dir`, to be read as rows
/// of a table ([`Selection`], each with its certainty) in the order of the whole graph's
/// [`crate::query::snapshot`], with how many entities they join: what a snapshot's table
/// prints, read from the records' heads without building a graph. `Ok(None)` when `filter`
/// has no period.
pub fn holding(dir: &Path, filter: &Filter) -> Result<Option<Holding>, CacheError> {
    let Some(period) = filter.period else {
        return Ok(None);
    };
    let rows = select(dir, &[period], &|traits, bounds| {
        Some([None, filter.admit_traits(traits, bounds)?.certainty])
    })?;
    Ok(Some(Holding {
        entities: rows.ends.len(),
        rows,
    }))
}

/// What [`holding`] reads: the rows of a snapshot's relations and how many entities they join.
pub struct Holding {
    /// The relations, to be read as rows.
    pub rows: Selection,
    /// How many entities are at their ends.
    pub entities: usize,
}

/// The relations whose standing differs between the two dates of `standing`
/// ([`Standing::of`]), from the cache of `dir`, to be read as rows of a diff ([`Selection`],
/// each with its certainty on the first date, [`Row::before`], and on the second,
/// [`Row::certainty`]), in the order of the whole graph's [`crate::query::diff`] (the three
/// lists of a diff together, each in this order): what a diff's text prints, read from the
/// records' heads without building a graph.
pub fn changed(dir: &Path, standing: &Standing) -> Result<Selection, CacheError> {
    select(dir, &standing.periods(), &|traits, bounds| {
        let (before, after) = standing.of(traits, bounds)?;
        Some([before, after])
    })
}

/// A relation the dated section gives for a question: where its entry lies in the section,
/// and what the question made of it.
#[derive(Debug, Clone, Copy)]
pub struct Pick {
    /// Its entry's place in the section (relation counts are bounded by the loader's limits,
    /// far below `u32::MAX`).
    position: u32,
    /// Its certainty on a diff's first date (`None`: it did not hold then); `None` in a
    /// snapshot's.
    pub before: Option<Certainty>,
    /// Its certainty on the date asked about, or on a diff's second date (`None`: it does
    /// not hold then).
    pub certainty: Option<Certainty>,
}

/// The relations the dated section gives for a date question ([`holding`], [`changed`]), in
/// its order, to be read as rows ([`Row`]) from their heads there, a few runs at a time
/// ([`Selection::each`]): what is resident is a few runs' rows and pages, not the answer's
/// (hundreds of thousands of rows at L).
pub struct Selection {
    scope: Scope,
    /// Where the section lies in the body.
    section: Range<u64>,
    picks: Vec<Pick>,
    /// The entities at the relations' ends, by index, in order.
    ends: Vec<usize>,
}

impl Selection {
    /// How many relations it has.
    pub fn len(&self) -> usize {
        self.picks.len()
    }

    /// True when it has none.
    pub fn is_empty(&self) -> bool {
        self.picks.is_empty()
    }

    /// Its relations, in the section's order.
    pub fn picks(&self) -> &[Pick] {
        &self.picks
    }

    /// The entities at its relations' ends, named by their short label in `lang`, made into
    /// text by `label`: what [`Selection::each`] names them by.
    pub fn labels<'a>(
        &'a self,
        lang: Lang,
        label: &'a (dyn Fn(&str) -> String + Sync),
    ) -> Result<Labels<'a>, CacheError> {
        let lookup = &self.scope.lookup;
        let mut labels = Labels::new((lookup.entity_count(), self.ends.len()), lang, label);
        labels.read(lookup, self.ends.iter().copied())?;
        Ok(labels)
    }

    /// Gives `chunk` each run of up to `size` consecutive relations of `picks` (its own, or
    /// some of them in the same order), read as rows named by `labels`, on every core, and
    /// gives `take` what it made of each run, in order, `RUNS_AT_ONCE` runs at a time (fewer
    /// when their relations are scattered: `STRETCH`), in the same order as `picks`: the
    /// entries and heads of those runs are read from the section (their blocks checked on
    /// every core), each head filling its bytes and agreeing with its entry
    /// (`rows::dated_head`), the rows must be in the whole graph's date order
    /// ([`crate::graph::cmp_chronologically`]: a damaged section cannot change it), and the
    /// pages read then leave the resident set. An error of the cache is given as `E`; a
    /// reader that must not write a partial answer reads every row once first (`chunk`
    /// making nothing) and writes on a second reading, which then meets no error of the
    /// cache, since the same bytes are read again.
    pub fn each<'a, T: Send, E: From<CacheError>>(
        &'a self,
        labels: &mut Labels<'a>,
        picks: &[Pick],
        size: usize,
        chunk: impl Fn(&[Row]) -> T + Sync,
        take: impl FnMut(T) -> Result<(), E>,
    ) -> Result<(), E> {
        let make = |heads: &[RelationHead], picks: &[Pick], labels: Option<&Labels>| {
            let labels = labels.expect("labels given");
            let id = |i: usize| EntityId::from_slug(labels.named(i).id.to_owned());
            let rows: Vec<Row> = (heads.iter().zip(picks))
                .map(|(head, pick)| {
                    let named = |i: usize| labels.named(i);
                    Row::from_head(head, named, id, [pick.before, pick.certainty])
                })
                .collect();
            chunk(&rows)
        };
        self.runs(Some(labels), picks, size, make, take)
    }

    /// Reads every relation's head as [`Selection::each`] does, and checks it, without making
    /// rows: what a reader that must not write a partial answer does first.
    pub fn check(&self) -> Result<(), CacheError> {
        let nothing = |_: &[RelationHead], _: &[Pick], _: Option<&Labels>| {};
        self.runs(None, &self.picks, CHECKED_RUN, nothing, Ok)
    }

    /// [`Selection::each`], giving `make` each run's heads and picks, with `labels` (when
    /// given) holding every entity the heads name.
    fn runs<'a, T: Send, E: From<CacheError>>(
        &'a self,
        mut labels: Option<&mut Labels<'a>>,
        picks: &[Pick],
        size: usize,
        make: impl Fn(&[RelationHead], &[Pick], Option<&Labels>) -> T + Sync,
        mut take: impl FnMut(T) -> Result<(), E>,
    ) -> Result<(), E> {
        let lookup = &self.scope.lookup;
        let reader = lookup.reader();
        let count = lookup.entity_count();
        let entities = u32::try_from(count).unwrap_or(u32::MAX);
        let section = Section::open(
            reader,
            self.section.start,
            self.section.end,
            lookup.relation_count(),
        )?;
        let size = size.max(1);
        // The id and date key of the last row given, which the next must follow.
        let mut last: Option<((u128, u64), &str)> = None;
        let mut rest = picks;
        while let Some(first) = rest.first() {
            // A few runs, whose entries lie within a stretch of the section.
            let near =
                rest.partition_point(|pick| pick.position.saturating_sub(first.position) < STRETCH);
            let batch;
            (batch, rest) = rest.split_at(near.min(size * RUNS_AT_ONCE));
            let (entries, spans) = batch
                .iter()
                .map(|pick| {
                    let position = u64::from(pick.position);
                    Ok((section.entry(position, entities)?, section.head(position)?))
                })
                .collect::<Result<(Vec<Entry>, Vec<(u64, u64)>), CacheError>>()?;
            reader.check_spans(&spans)?;
            let bytes = (spans.iter())
                .map(|&(from, to)| reader.bytes(from, to))
                .collect::<Result<Vec<_>, CacheError>>()?;
            let heads = (entries.par_iter().zip(&bytes))
                .with_min_len(256)
                .map(|(entry, bytes)| {
                    let listed = rows::DatedEntry {
                        relation: entry.relation as usize,
                        ends: entry.ends.map(|e| e as usize),
                        bounds: entry.bounds,
                        traits: entry.traits,
                    };
                    rows::dated_head(&listed, bytes, count)
                })
                .collect::<Result<Vec<_>, CacheError>>()?;
            if let Some(labels) = &mut labels {
                // The claimants and disputers, whose ids the rows print (the ends are read).
                let named = (heads.iter())
                    .flat_map(|head| head.claimed_by.iter().chain(&head.disputed_by).copied());
                labels.read(lookup, named)?;
            }
            let labels = labels.as_deref();
            let key = |head: &RelationHead<'_>| chronological_key_of(head.start, head.end);
            let made = (heads.par_chunks(size).zip(batch.par_chunks(size)))
                .map(|(heads, picks)| {
                    let sorted = (heads.windows(2))
                        .all(|pair| (key(&pair[0]), pair[0].id) < (key(&pair[1]), pair[1].id));
                    (sorted, make(heads, picks, labels))
                })
                .collect::<Vec<_>>();
            // Runs and batches follow one another in date order too.
            let bounds = heads.chunks(size).map(|heads| {
                let (first, last) = (&heads[0], &heads[heads.len() - 1]);
                ((key(first), first.id), (key(last), last.id))
            });
            for ((first, end), (sorted, made)) in bounds.zip(made) {
                if !sorted || last.is_some_and(|last| last >= first) {
                    return Err(corrupt("the heads are not in date order").into());
                }
                last = Some(end);
                take(made)?;
            }
            // What this batch read of the entries, the heads' offsets and the heads leaves
            // the resident set.
            let first = u64::from(batch[0].position);
            let end = u64::from(batch[batch.len() - 1].position) + 1;
            reader.release(
                section.entries + first * WIDTH,
                section.entries + end * WIDTH,
            );
            reader.release(section.offsets + first * 8, section.offsets + end * 8 + 8);
            reader.release(spans[0].0, spans[spans.len() - 1].1);
        }
        Ok(())
    }

    /// What `chunk` makes of each run of up to `size` consecutive rows, named by their short
    /// label in `lang` made into text by `label`, in order ([`Selection::each`]).
    pub fn chunks<T: Send>(
        &self,
        size: usize,
        lang: Lang,
        label: &(dyn Fn(&str) -> String + Sync),
        chunk: impl Fn(&[Row]) -> T + Sync,
    ) -> Result<Vec<T>, CacheError> {
        let mut labels = self.labels(lang, label)?;
        let mut made = Vec::new();
        self.each(&mut labels, &self.picks, size, chunk, |t| {
            made.push(t);
            Ok::<(), CacheError>(())
        })?;
        Ok(made)
    }
}

/// The graph of the relations that may hold in one of `periods` and that `keep` keeps, read
/// from the cache of `dir`.
fn read(
    dir: &Path,
    periods: &[Period],
    detail: Detail,
    keep: &dyn Fn(&Traits, &Bounds) -> bool,
) -> Result<Graph, CacheError> {
    let chosen = select(dir, periods, &|traits, bounds| {
        keep(traits, bounds).then_some([None, None])
    })?;
    let lookup = &chosen.scope.lookup;
    let section = (chosen.section.clone(), lookup.relation_count());
    let section = Section::open(lookup.reader(), section.0.start, section.0.end, section.1)?;
    let entities = u32::try_from(lookup.entity_count()).unwrap_or(u32::MAX);
    let mut entries = (chosen.picks.iter())
        .map(|pick| section.entry(u64::from(pick.position), entities))
        .collect::<Result<Vec<Entry>, CacheError>>()?;
    entries.sort_unstable_by_key(|entry| entry.relation);
    decode(lookup, &entries, detail)
}

/// A relation's certainty on a diff's first date and on its second (a snapshot's: none, and
/// on its date); `None` where it does not hold.
type Certainties = [Option<Certainty>; 2];

/// The cache of `dir` opened for a date question, and the entries of its dated section that
/// may hold in one of `periods` and that `keep` keeps, with the certainties it gives them
/// (on a diff's first and second dates), in the section's order; each relation at most once
/// (a relation listed twice is an error: the section was damaged).
fn select(
    dir: &Path,
    periods: &[Period],
    keep: &dyn Fn(&Traits, &Bounds) -> Option<Certainties>,
) -> Result<Selection, CacheError> {
    let file = open(dir)?;
    let map = super::blocks::map(&file)?;
    let header = Header::read(&map, dir)?;
    header.check_len(map.len() as u64)?;
    let (dated_at, grams_at) = (header.dated_at, header.grams_at);
    let reader = BlockReader::new(map, header.len as u64, header.body_len, header.hashes)?;
    let lookup = Lookup::open(reader, header.lookup_at)?;
    let entities = u32::try_from(lookup.entity_count()).unwrap_or(u32::MAX);
    let relations = lookup.relation_count();
    let section = Section::open(lookup.reader(), dated_at, grams_at, relations)?;
    let mut picks = Vec::new();
    let mut seen = vec![false; usize::try_from(relations).unwrap_or(0)];
    let mut ends = vec![false; lookup.entity_count()];
    let mut twice = None;
    section.may_hold(periods, entities, &mut |entry| {
        if let Some([before, certainty]) = keep(&entry.traits, &entry.bounds) {
            // `decode` checked the indexes against the relation and entity counts.
            let seen = &mut seen[entry.relation as usize];
            if *seen {
                twice = Some(entry.relation);
            }
            *seen = true;
            for end in entry.ends {
                ends[end as usize] = true;
            }
            picks.push(Pick {
                // Below the relation count, a u32.
                position: entry.position as u32,
                before,
                certainty,
            });
        }
    })?;
    if let Some(r) = twice {
        return Err(corrupt(format!("relation {r} is listed twice")));
    }
    let ends = (0..ends.len()).filter(|&i| ends[i]).collect();
    let scope = Scope::over(lookup, grams_at..header.lookup_at);
    scope.expect(picks.len())?;
    Ok(Selection {
        scope,
        section: dated_at..grams_at,
        picks,
        ends,
    })
}

/// Decodes the relations of `entries` (by index, each once) from `lookup`, with the sources
/// and every entity they refer to, each record in `detail`, into a graph whose entities and
/// relations keep the whole graph's order; each record's ends are checked to be its entry's.
///
/// The entities at the entries' ends are decoded first, then the records on every core; the
/// few records that refer to another entity (a place, a claimant) are decoded again once it
/// is.
fn decode(lookup: &Lookup, entries: &[Entry], detail: Detail) -> Result<Graph, CacheError> {
    let mut d = Decoder::new(lookup.sources()?);
    let sources = payload::decode_sources(&mut d).map_err(|e| Damage::in_part(e, "the sources"))?;
    let documents = payload::document_names(&sources);
    let count = lookup.entity_count();
    let mut entities: Vec<Option<Entity>> = vec![None; count];
    let mut ends: Vec<usize> = entries
        .iter()
        .flat_map(|e| e.ends.map(|i| i as usize))
        .collect();
    ends.sort_unstable();
    ends.dedup();
    let records = ends
        .iter()
        .map(|&i| Ok((i, lookup.entity(i)?)))
        .collect::<Result<Vec<_>, CacheError>>()?;
    let decoded: Vec<_> = records
        .par_iter()
        .with_min_len(256)
        .map(|&(i, bytes)| super::entity_record_in(bytes, i, detail))
        .collect();
    for (&i, entity) in ends.iter().zip(decoded) {
        entities[i] = Some(entity?);
    }
    let records = entries
        .iter()
        .map(|e| lookup.relation(e.relation as usize))
        .collect::<Result<Vec<_>, CacheError>>()?;
    let known = &entities;
    let decoded: Vec<Option<Result<Relation, CacheError>>> = records
        .par_iter()
        .zip(entries)
        .with_min_len(256)
        .map(|(bytes, entry)| {
            let mut missing = false;
            let mut id_of = |i: usize| match known.get(i).and_then(Option::as_ref) {
                Some(entity) => Ok(entity.id.clone()),
                None => {
                    missing = true;
                    Err(Corrupt {
                        at: 0,
                        what: String::new(),
                    })
                }
            };
            let relation = relation_from(bytes, entry, count, &mut id_of, &documents, detail);
            (!missing).then_some(relation)
        })
        .collect();
    let mut relations = Vec::with_capacity(entries.len());
    for ((decoded, bytes), entry) in decoded.into_iter().zip(&records).zip(entries) {
        let relation = match decoded {
            Some(relation) => relation?,
            None => {
                // It refers to an entity not decoded yet: decode it and its record again.
                let mut failure = None;
                let mut id_of = |i: usize| {
                    entity_into(lookup, &mut entities, i, detail).map_err(|e| {
                        failure = Some(e);
                        Corrupt {
                            at: 0,
                            what: String::new(),
                        }
                    })
                };
                let relation = relation_from(bytes, entry, count, &mut id_of, &documents, detail);
                if let Some(e) = failure {
                    return Err(e);
                }
                relation?
            }
        };
        relations.push(relation);
    }
    let whole: Vec<usize> = (0..count).filter(|&i| entities[i].is_some()).collect();
    let mut local = vec![0u32; count];
    for (at, &i) in whole.iter().enumerate() {
        // Entity counts are bounded by the loader's limits, far below u32::MAX.
        local[i] = at as u32;
    }
    let ends = entries
        .iter()
        .map(|e| e.ends.map(|i| local[i as usize]))
        .collect();
    let entities = entities.into_iter().flatten().collect();
    Ok(Graph::from_decoded_named(
        entities,
        relations,
        sources,
        ends,
        |_| false,
    ))
}

/// Decodes in `detail` the record `bytes` of the relation of `entry` in a graph of `count`
/// entities, checking that it has the entry's ends (and, decoded in full, that it fills the
/// record).
fn relation_from(
    bytes: &[u8],
    entry: &Entry,
    count: usize,
    id_of: &mut dyn FnMut(usize) -> Result<crate::model::EntityId, Corrupt>,
    documents: &[arcstr::ArcStr],
    detail: Detail,
) -> Result<Relation, CacheError> {
    let (relation, ends) = super::record_in(
        bytes,
        detail,
        || format!("relation {}", entry.relation),
        |d| payload::decode_relation_in(d, count, id_of, documents, detail),
    )?;
    if ends != entry.ends.map(|e| e as usize) {
        return Err(corrupt(format!(
            "the ends of relation {} are not its record's",
            entry.relation
        )));
    }
    Ok(relation)
}

/// Decodes entity `i` of `lookup` in `detail` into `entities` unless it is there; returns its
/// id.
fn entity_into(
    lookup: &Lookup,
    entities: &mut [Option<Entity>],
    i: usize,
    detail: Detail,
) -> Result<crate::model::EntityId, CacheError> {
    if let Some(Some(entity)) = entities.get(i) {
        return Ok(entity.id.clone());
    }
    let entity = super::entity_record_in(lookup.entity(i)?, i, detail)?;
    let id = entity.id.clone();
    // `i` is below the entity count the decoder checked it against.
    entities[i] = Some(entity);
    Ok(id)
}
