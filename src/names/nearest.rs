//! "Did you mean": the names nearest a query that matches none, by edit distance on the
//! matching keys.

use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;

use super::index::too_long;
use super::normalize::key;

/// Edit-distance similarity a suggestion needs.
const SUGGEST: f64 = 0.6;
/// How many times longer or shorter than the query a name may be to be suggested.
const SUGGEST_LENGTH_RATIO: usize = 3;

/// The search for the names nearest a query that matches none, by edit distance on the
/// matching keys: the one rule of "did you mean", over the in-memory index
/// ([`super::NameIndex::suggest`]) and over the cache's sorted keys ([`crate::cache::scoped`]).
#[derive(Debug)]
pub struct Nearest {
    key: String,
    length: usize,
    /// The query key's characters counted by [`bucket`].
    counts: [u16; BUCKETS],
    scored: HashMap<usize, f64>,
}

/// How many buckets [`bucket`] sorts characters into: 64, so that a character's bucket is
/// the low six bits of its last byte in UTF-8 ([`Nearest::sharing`]).
const BUCKETS: usize = 64;

/// How many ordered chunks [`Nearest::offer_all`] splits the names into: a few per core, so
/// that a chunk of names that are mostly compared does not hold up the others.
const CHUNKS: usize = 64;

/// The bucket of a character, for counting the characters two keys can share.
fn bucket(c: char) -> usize {
    c as usize % BUCKETS
}

/// Which of the one rule's two measures can reach [`SUGGEST`] for a name of `chars`
/// characters, at most `shared` of which are also the query's (of `query` characters): bounds
/// that never leave out a measure that reaches it, so a name neither can make near is not
/// compared, and a measure that cannot reach it is not computed (the similarity is then
/// below [`SUGGEST`] or the other measure's, which the rule takes).
///
/// Characters an edit leaves in place are shared, so the Levenshtein distance is at least
/// the longer length less `shared`, and the normalised similarity at most `shared` over the
/// longer length. Jaro's matching characters are shared, so Jaro is at most (`shared`/one
/// length + `shared`/the other + 1) / 3. Jaro–Winkler is Jaro unless Jaro is over 0.7
/// (Winkler's boost threshold, as `strsim` applies it), and then Jaro + 0.1 × ℓ × (1 − Jaro),
/// ℓ the characters of the common prefix (at most four); with the rule's 0.15 off it,
/// reaching [`SUGGEST`] needs Jaro ≥ max((SUGGEST + 0.15 − 0.1ℓ) / (1 − 0.1ℓ), 0.7): 0.75
/// with no common prefix, 0.72 with one character, 0.7 with two or more (when SUGGEST is
/// 0.6), so the two shares must sum to 3 × that − 1 (1.25, 1.17, 1.1).
/// The comparisons keep a margin for rounding, so they err only towards computing; the
/// property test below checks the bounds against `strsim` itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MayReach {
    levenshtein: bool,
    jaro_winkler: bool,
}

impl MayReach {
    /// The measures that may reach [`SUGGEST`] for a name of `chars` characters, `shared` of
    /// which at most are the query's (of `query` characters), whose first `prefix`
    /// characters (at most four counted) are the query's first.
    fn of(shared: usize, chars: usize, query: usize, prefix: usize) -> MayReach {
        const MARGIN: f64 = 1e-9;
        if chars == 0 || query == 0 {
            return MayReach {
                levenshtein: true,
                jaro_winkler: true,
            };
        }
        let shared = shared as f64;
        let shares = shared / chars as f64 + shared / query as f64;
        let boost = 0.1 * prefix.min(4) as f64;
        let jaro = ((SUGGEST + 0.15 - boost) / (1.0 - boost)).max(0.7);
        let jaro_winkler_shares = 3.0 * jaro - 1.0;
        MayReach {
            levenshtein: shared / chars.max(query) as f64 >= SUGGEST - MARGIN,
            jaro_winkler: shares >= jaro_winkler_shares - MARGIN,
        }
    }
}

impl Nearest {
    /// A search for names near `query`; `None` when the query is longer than any name.
    pub fn new(query: &str) -> Option<Nearest> {
        if too_long(query) {
            return None;
        }
        let key = key(query);
        let length = key.chars().count();
        let mut counts = [0u16; BUCKETS];
        key.chars().for_each(|c| counts[bucket(c)] += 1);
        Some(Nearest {
            key,
            length,
            counts,
            scored: HashMap::new(),
        })
    }

    /// Whether a name whose key is `bytes` bytes long can be compared with the query at all:
    /// a key more than [`SUGGEST_LENGTH_RATIO`] times longer or shorter than the query is no
    /// typo of it. Keys are mostly ASCII or two-byte Arabic, and a character is one to four
    /// bytes, so the bytes bound the characters both ways: a name this rejects, [`offer`]
    /// would reject after counting its characters, and a reader of stored keys rejects it by
    /// the length in its entry, before reading its text.
    ///
    /// [`offer`]: Nearest::offer
    pub fn may_suit(&self, bytes: usize) -> bool {
        let length = self.length.max(1);
        bytes <= SUGGEST_LENGTH_RATIO * 4 * length && self.length <= SUGGEST_LENGTH_RATIO * bytes
    }

    /// Compares the name with key `name_key` of entity `entity` with the query.
    ///
    /// Only names within a factor [`SUGGEST_LENGTH_RATIO`] of the query's length are compared
    /// (a name three times longer or shorter is no typo of it), so the work per name is bounded
    /// by the query's length squared, and the query by [`MAX_NAME_CHARS`](crate::load::limits::MAX_NAME_CHARS); and of those, only
    /// names that share enough characters with the query to reach the rule's similarity
    /// ([`MayReach`], bounds that never leave out a suggestion), so most names cost one pass
    /// over their bytes, and no character is decoded.
    pub fn offer(&mut self, name_key: &str, entity: usize) {
        if !self.may_suit(name_key.len()) {
            return;
        }
        let (chars, shared) = self.sharing(name_key);
        if chars > SUGGEST_LENGTH_RATIO * self.length.max(1)
            || self.length > SUGGEST_LENGTH_RATIO * chars
        {
            return;
        }
        // Characters in one bucket count as shared, so `shared` bounds the characters the
        // two keys share: only the measures that may reach a suggestion are computed.
        let prefix = (name_key.chars().zip(self.key.chars()).take(4))
            .take_while(|(a, b)| a == b)
            .count();
        let may = MayReach::of(shared, chars, self.length, prefix);
        if !may.levenshtein && !may.jaro_winkler {
            return;
        }
        let levenshtein = match may.levenshtein {
            true => strsim::normalized_levenshtein(name_key, &self.key),
            false => 0.0,
        };
        let jaro_winkler = match may.jaro_winkler {
            true => strsim::jaro_winkler(name_key, &self.key) - 0.15,
            false => 0.0,
        };
        let similarity = levenshtein.max(jaro_winkler);
        // Only the entities near enough are ever suggested; the nearest of an entity's names
        // counts.
        if similarity >= SUGGEST {
            let slot = self.scored.entry(entity).or_insert(similarity);
            *slot = slot.max(similarity);
        }
    }

    /// Offers `count` names, name `k` being `key_of(k)` (its key and entity), on every core:
    /// the names split in [`CHUNKS`] ordered chunks, each offered to a search of its own,
    /// whose scores are then merged in chunk order, each entity keeping its best ([`merge`]),
    /// so the suggestions are those of offering every name in turn. A name whose key's length
    /// in bytes (`len_of(k)`, when known without reading the key) cannot suit
    /// ([`may_suit`]) is not read. The first error in name order is returned.
    ///
    /// [`merge`]: Nearest::merge
    /// [`may_suit`]: Nearest::may_suit
    pub fn offer_all<'a, E: Send>(
        &mut self,
        count: usize,
        len_of: impl Fn(usize) -> Option<usize> + Sync,
        key_of: impl Fn(usize) -> Result<(&'a str, usize), E> + Sync,
    ) -> Result<(), E> {
        let size = count.div_ceil(CHUNKS).max(1);
        let chunks: Vec<Result<Nearest, E>> = (0..count.div_ceil(size))
            .into_par_iter()
            .map(|chunk| {
                let mut nearest = self.fresh();
                for k in chunk * size..((chunk + 1) * size).min(count) {
                    if len_of(k).is_some_and(|len| !nearest.may_suit(len)) {
                        continue;
                    }
                    let (key, entity) = key_of(k)?;
                    nearest.offer(key, entity);
                }
                Ok(nearest)
            })
            .collect();
        for chunk in chunks {
            self.merge(chunk?);
        }
        Ok(())
    }

    /// The same search with nothing offered yet.
    fn fresh(&self) -> Nearest {
        Nearest {
            key: self.key.clone(),
            length: self.length,
            counts: self.counts,
            scored: HashMap::new(),
        }
    }

    /// Adds what `other`, a search for the same query, was offered: each entity keeps the
    /// better of its two scores, as if every name had been offered to this search.
    pub fn merge(&mut self, other: Nearest) {
        for (entity, score) in other.scored {
            let slot = self.scored.entry(entity).or_insert(score);
            *slot = slot.max(score);
        }
    }

    /// How many characters `name_key` has, and a bound on how many of them the query has
    /// too: characters in one [`bucket`] count as shared. Read from the bytes without
    /// decoding a character: a character's bucket is the low six bits of its last byte (the
    /// code point's low six bits, for ASCII as for a continuation byte), and a byte is a
    /// character's last when no continuation byte follows it.
    fn sharing(&self, name_key: &str) -> (usize, usize) {
        let mut counts = self.counts;
        let (mut chars, mut shared) = (0, 0);
        let bytes = name_key.as_bytes();
        let next = bytes.iter().skip(1).chain(std::iter::once(&0));
        // Without a branch per byte: a byte that is no character's last takes nothing.
        for (&b, &next) in bytes.iter().zip(next) {
            let last = next & 0xC0 != 0x80;
            let left = &mut counts[usize::from(b) % BUCKETS];
            let taken = u16::from(last & (*left > 0));
            *left -= taken;
            shared += usize::from(taken);
            chars += usize::from(last);
        }
        (chars, shared)
    }

    /// The entities near enough to be suggested, in no order.
    pub fn entities(&self) -> Vec<usize> {
        let near = self.scored.iter().filter(|(_, s)| **s >= SUGGEST);
        near.map(|(&e, _)| e).collect()
    }

    /// The labels (`id (name)`, [`label`]) of up to `limit` of the entities near enough,
    /// nearest first, then by label; `label_of` gives an entity's label.
    pub fn ranked(self, label_of: impl Fn(usize) -> String, limit: usize) -> Vec<String> {
        let mut ranked: Vec<(String, f64)> = (self.scored.into_iter())
            .filter(|(_, s)| *s >= SUGGEST)
            .map(|(e, s)| (label_of(e), s))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked.into_iter().take(limit).map(|(l, _)| l).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The bounds never leave out a measure that reaches a suggestion: over short keys of
        /// a small alphabet (Latin, Arabic, a digit), where near pairs are common.
        #[test]
        fn the_prefilter_keeps_every_measure_that_reaches_a_suggestion(
            query in "[abcdeغاوم1]{1,10}",
            other in "[abcdeغاوم1]{1,14}",
            (kept, tail) in (0usize..10, "[vwxyzي]{0,20}"),
        ) {
            // Half the names are the query's start and another tail: near by Jaro–Winkler's
            // prefix even when they share little else.
            let name = match kept % 2 {
                0 => other,
                _ => query.chars().take(kept).chain(tail.chars()).collect(),
            };
            let nearest = Nearest::new(&query).unwrap();
            let (chars, shared) = nearest.sharing(&name);
            let prefix = (name.chars().zip(nearest.key.chars()).take(4))
                .take_while(|(a, b)| a == b)
                .count();
            let may = MayReach::of(shared, chars, nearest.length, prefix);
            if strsim::normalized_levenshtein(&name, &nearest.key) >= SUGGEST {
                proptest::prop_assert!(may.levenshtein);
            }
            if strsim::jaro_winkler(&name, &nearest.key) - 0.15 >= SUGGEST {
                proptest::prop_assert!(may.jaro_winkler);
            }
        }
    }

    #[test]
    fn the_prefilter_leaves_out_names_sharing_too_little() {
        let nearest = Nearest::new("abcdefgh").unwrap();
        let (chars, shared) = nearest.sharing("stuvwxyz");
        assert_eq!((chars, shared), (8, 0));
        let neither = MayReach {
            levenshtein: false,
            jaro_winkler: false,
        };
        assert_eq!(MayReach::of(shared, chars, 8, 0), neither);
        // Four of eight shared: too few for either (shares 1.0, Levenshtein at most 0.5).
        let (chars, shared) = nearest.sharing("abcdwxyz");
        assert_eq!(MayReach::of(shared, chars, 8, 0), neither);
        let only_jaro = MayReach {
            levenshtein: false,
            jaro_winkler: true,
        };
        // The query's four characters, its prefix, in a name of ten (shares 1.4; Levenshtein
        // at most 0.4) reach a suggestion by Jaro–Winkler alone.
        let nearest = Nearest::new("abcd").unwrap();
        let (chars, shared) = nearest.sharing("abcdxxxxxx");
        assert_eq!(MayReach::of(shared, chars, 4, 4), only_jaro);
        assert!(strsim::jaro_winkler("abcdxxxxxx", "abcd") - 0.15 >= SUGGEST);
    }
}
