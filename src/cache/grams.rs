//! The cache's trigram section: for each byte trigram of the name keys, the keys that hold
//! it, so that "every key holding this text" ([`KeyStore::holding`], what `find` lists and
//! what a partial name reaches) reads the few keys that can hold it instead of every key of
//! the lookup section ([`super::lookup`]). It lies between the dated section and the lookup
//! section:
//!
//! | field | bytes |
//! |---|---|
//! | directory: name keys, trigrams, postings | 3 × 8 |
//! | every distinct trigram of any key, ascending, each as the number b₀ × 65536 + b₁ × 256 + b₂ of its three bytes | trigrams × 4 |
//! | where each trigram's postings start, then the end of the last | (trigrams + 1) × 4 |
//! | the postings: for each trigram in turn, the positions of the keys holding it, ascending, into the lookup section's sorted keys | postings × 4 |
//!
//! A key holding a text holds every trigram of it, so the keys holding all the trigrams of a
//! text (its postings intersected, rarest first) are the only ones that can hold the text:
//! each is then read and checked to hold it, and the answer is the scan's, in the same key
//! order. A text shorter than three bytes has no trigram, and a text whose trigrams are all
//! common (`ttali`, held by thousands of keys) would read more through its postings than
//! through the keys in order ([`Postings::read_more`]): the whole key text is then searched
//! for it at once (`super::lookup::KeyTable::holding`).
//!
//! Every count and offset is checked when the section is opened (the parts fill it exactly,
//! and it indexes as many keys as the lookup section holds); every start when a trigram's
//! postings are read, and every position against the key count and the order of its list.

use std::ops::Range;

use rayon::slice::ParallelSliceMut;

use super::blocks::BlockReader;
use super::codec::Encoder;
use super::lookup::{Lookup, SortedKey};
use super::{CacheError, Damage};
use crate::names::KeyStore;

/// The bytes of the section's directory.
const DIRECTORY: u64 = 3 * 8;

/// The trigrams of `text`'s bytes, as numbers (b₀ × 65536 + b₁ × 256 + b₂), ascending, each
/// once; none when it is shorter than three bytes.
fn trigrams(text: &str) -> Vec<u32> {
    let mut grams: Vec<u32> = text
        .as_bytes()
        .windows(3)
        .map(|w| u32::from(w[0]) << 16 | u32::from(w[1]) << 8 | u32::from(w[2]))
        .collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// Appends the trigram section of `keys`, the lookup section's sorted name keys
/// ([`super::lookup::sorted_keys`]).
pub fn encode(e: &mut Encoder, keys: &[SortedKey]) {
    // Each (trigram, position) as one number, sorted: by trigram, then position.
    // Key counts are bounded by the loader's limits, far below u32::MAX.
    let mut pairs: Vec<u64> = keys
        .iter()
        .enumerate()
        .flat_map(|(at, k)| {
            trigrams(&k.key)
                .into_iter()
                .map(move |g| u64::from(g) << 32 | at as u64)
        })
        .collect();
    pairs.par_sort_unstable();
    let mut grams: Vec<u32> = Vec::new();
    let mut starts: Vec<u32> = Vec::new();
    for (i, &pair) in pairs.iter().enumerate() {
        let gram = (pair >> 32) as u32;
        if grams.last() != Some(&gram) {
            grams.push(gram);
            starts.push(i as u32);
        }
    }
    starts.push(pairs.len() as u32);
    for n in [keys.len(), grams.len(), pairs.len()] {
        e.u64(n as u64);
    }
    for gram in grams {
        e.u32(gram);
    }
    for start in starts {
        e.u32(start);
    }
    for pair in pairs {
        e.u32(pair as u32);
    }
}

fn corrupt(what: impl Into<String>) -> CacheError {
    Damage::Grams(what.into()).into()
}

/// The trigram section of a cache body, read in place through the lookup section's
/// [`BlockReader`]: where its parts lie, checked when opened.
#[derive(Debug)]
pub struct Grams {
    /// How many keys the section indexes: the lookup section's key count.
    key_count: u64,
    /// Where the trigrams start.
    grams: u64,
    /// How many trigrams there are.
    gram_count: u64,
    /// Where the starts of the postings start.
    starts: u64,
    /// Where the postings start.
    postings: u64,
    /// How many postings there are.
    posting_count: u64,
}

impl Grams {
    /// Opens the section from body offset `at` to `end`, which must fill it exactly and index
    /// the `key_count` keys of the lookup section.
    pub fn open(
        reader: &BlockReader,
        at: u64,
        end: u64,
        key_count: u64,
    ) -> Result<Grams, CacheError> {
        if end.checked_sub(at).is_none_or(|n| n < DIRECTORY) {
            return Err(corrupt(format!("it cannot lie from {at} to {end}")));
        }
        let [keys, gram_count, posting_count] = [0, 1, 2].map(|i| reader.u64(at + 8 * i));
        let (keys, gram_count, posting_count) = (keys?, gram_count?, posting_count?);
        let fits = gram_count
            .checked_mul(4)
            .and_then(|n| n.checked_add(gram_count.checked_add(1)?.checked_mul(4)?))
            .and_then(|n| n.checked_add(posting_count.checked_mul(4)?))
            .and_then(|n| n.checked_add(at + DIRECTORY));
        if keys != key_count || fits != Some(end) || posting_count > u64::from(u32::MAX) {
            return Err(corrupt(format!(
                "{gram_count} trigrams and {posting_count} postings of {keys} keys from {at} to \
                 {end}, for {key_count} keys"
            )));
        }
        let grams = at + DIRECTORY;
        let starts = grams + 4 * gram_count;
        Ok(Grams {
            key_count,
            grams,
            gram_count,
            starts,
            postings: starts + 4 * (gram_count + 1),
            posting_count,
        })
    }

    /// Where the postings of `gram` lie (indexes into the postings), by binary search of the
    /// trigrams; `None` when no key holds it.
    fn postings_of(
        &self,
        reader: &BlockReader,
        gram: u32,
    ) -> Result<Option<Range<u64>>, CacheError> {
        let (mut low, mut high) = (0, self.gram_count);
        while low < high {
            let mid = low + (high - low) / 2;
            match reader.u32(self.grams + 4 * mid)?.cmp(&gram) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => {
                    let from = u64::from(reader.u32(self.starts + 4 * mid)?);
                    let to = u64::from(reader.u32(self.starts + 4 * (mid + 1))?);
                    if from > to || to > self.posting_count {
                        return Err(corrupt(format!(
                            "trigram {mid}'s postings lie outside them"
                        )));
                    }
                    return Ok(Some(from..to));
                }
            }
        }
        Ok(None)
    }

    /// Posting `i`: a key's position, checked against the key count.
    fn posting(&self, reader: &BlockReader, i: u64) -> Result<u64, CacheError> {
        let at = u64::from(reader.u32(self.postings + 4 * i)?);
        if at >= self.key_count {
            return Err(corrupt(format!(
                "key position {at} out of range (< {})",
                self.key_count
            )));
        }
        Ok(at)
    }

    /// How the keys holding `part` are best read: `None` when `part` is shorter than three
    /// bytes (every key is scanned); else the postings of its trigrams, rarest first, and
    /// whether reading them and the keys they name costs more bytes than the one sequential
    /// scan of every key ([`Postings::read_more`]).
    pub fn postings(
        &self,
        reader: &BlockReader,
        part: &str,
    ) -> Result<Option<Postings>, CacheError> {
        let grams = trigrams(part);
        if grams.is_empty() {
            return Ok(None);
        }
        let mut lists = Vec::with_capacity(grams.len());
        for gram in grams {
            match self.postings_of(reader, gram)? {
                Some(list) => lists.push(list),
                None => {
                    lists.clear();
                    break;
                }
            }
        }
        lists.sort_unstable_by_key(|list| list.end - list.start);
        Ok(Some(Postings { lists }))
    }

    /// The positions of the keys that hold every trigram of `postings` (a superset of the
    /// keys holding the text), ascending: the lists intersected, the rarest read whole and
    /// each of the others searched for the positions still in, from the last one found.
    /// Complexity: the rarest list, and a binary search of each other list per position
    /// still in.
    pub fn candidates(
        &self,
        reader: &BlockReader,
        postings: &Postings,
    ) -> Result<Vec<u64>, CacheError> {
        let lists = &postings.lists;
        let Some(rarest) = lists.first() else {
            return Ok(Vec::new());
        };
        let mut found = Vec::with_capacity((rarest.end - rarest.start) as usize);
        for i in rarest.clone() {
            let at = self.posting(reader, i)?;
            if found.last().is_some_and(|&last| last >= at) {
                return Err(corrupt("a trigram's postings are out of order"));
            }
            found.push(at);
        }
        for list in &lists[1..] {
            let mut from = list.start;
            let mut kept = Vec::with_capacity(found.len());
            for &at in &found {
                // The first posting of `list` from `from` on that is not below `at`.
                let (mut low, mut high) = (from, list.end);
                while low < high {
                    let mid = low + (high - low) / 2;
                    if self.posting(reader, mid)? < at {
                        low = mid + 1;
                    } else {
                        high = mid;
                    }
                }
                if low < list.end && self.posting(reader, low)? == at {
                    kept.push(at);
                }
                from = low;
            }
            found = kept;
            if found.is_empty() {
                break;
            }
        }
        Ok(found)
    }
}

/// Where the postings of a text's trigrams lie, rarest first; none when some trigram is held
/// by no key (then no key holds the text).
#[derive(Debug)]
pub struct Postings {
    lists: Vec<Range<u64>>,
}

/// How many times a byte read at the postings' positions (each key's entry and text found
/// through the reader, its text checked, in no order) costs a byte of the sequential scan of
/// every key: measured at L (277k keys, 8.5 MB of entries and text; `perf stat -r 20`, CPU
/// time of the whole process), where the postings and the scan cost alike about 3 % of the
/// keys: `find ttali` (rarest trigram held by 6,091 keys, 283 kB through the postings) 106
/// against 113 ms for the scan, `find Front` (11,112 keys, 470 kB) 102 against 98 ms.
const RANDOM_READ_COST: u64 = 24;

impl Postings {
    /// Whether reading the postings, then every key the rarest list names, reads more than
    /// the sequential scan of `keys` keys of `text_len` bytes of text (12 bytes of entry
    /// each): for each position of the rarest list, its posting (4 bytes), a posting of each
    /// other list that it is searched in, and its key (its entry and text of the keys' mean
    /// length), a byte read at a posting's position costing [`RANDOM_READ_COST`] times one
    /// read in order.
    pub fn read_more(&self, keys: u64, text_len: u64) -> bool {
        let Some(rarest) = self.lists.first() else {
            return false;
        };
        let scan = 12 * keys + text_len;
        let key_bytes = 12 + text_len / keys.max(1);
        let per_position = 4 * self.lists.len() as u64 + key_bytes;
        let read = (rarest.end - rarest.start) * per_position;
        RANDOM_READ_COST * read > scan
    }
}

/// A name key of the cache, as the matcher reports it: its position in the lookup section's
/// sorted keys and its entity's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyAt {
    /// The key's position in key order.
    pub key: u64,
    /// Its entity's index.
    pub entity: usize,
}

/// The cache's name keys with their trigrams: a store of keys for the one name matcher
/// ([`crate::names::search_reaching`]), whose slot is a key's position with its entity
/// ([`KeyAt`]). The keys holding a text are found through the trigram section when the text
/// has a trigram; the section is opened then, so a name matched exactly never reads it.
/// Otherwise the whole key text is searched for the text at once
/// ([`super::lookup::KeyTable::holding`]).
pub struct NameKeys<'a> {
    /// The lookup section, with the sorted keys.
    pub lookup: &'a Lookup,
    /// Where the trigram section of those keys lies in the body (from the header).
    pub grams: Range<u64>,
}

impl KeyStore for NameKeys<'_> {
    type Slot = KeyAt;
    type Error = CacheError;

    fn with_key(&mut self, key: &str, found: &mut dyn FnMut(KeyAt)) -> Result<(), CacheError> {
        for (key, entity) in self.lookup.exact(key)? {
            found(KeyAt { key, entity });
        }
        Ok(())
    }

    fn every_key(&mut self, found: &mut dyn FnMut(&str, KeyAt)) -> Result<(), CacheError> {
        self.lookup.each_key(&mut |text, key, entity| {
            found(text, KeyAt { key, entity });
        })
    }

    fn holding(
        &mut self,
        part: &str,
        found: &mut dyn FnMut(&str, KeyAt),
    ) -> Result<(), CacheError> {
        let reader = self.lookup.reader();
        let grams = Grams::open(
            reader,
            self.grams.start,
            self.grams.end,
            self.lookup.key_count(),
        )?;
        let postings = match grams.postings(reader, part)? {
            Some(postings)
                if !postings.read_more(self.lookup.key_count(), self.lookup.text_len()) =>
            {
                postings
            }
            _ => {
                return self
                    .lookup
                    .few_keys()?
                    .holding(part, &mut |text, key, entity| {
                        found(text, KeyAt { key, entity });
                    });
            }
        };
        for at in grams.candidates(reader, &postings)? {
            let (entity, key) = self.lookup.key(at)?;
            if key.contains(part) {
                found(key, KeyAt { key: at, entity });
            }
        }
        Ok(())
    }
}
