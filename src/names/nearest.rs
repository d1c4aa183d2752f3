//! "Did you mean": the names nearest a query that matches none, by edit distance on the
//! matching keys.

use std::sync::atomic::{AtomicU64, Ordering};

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
///
/// Only the `limit` nearest entities are wanted, so once `limit` entities have been scored,
/// a name that cannot reach the last of them is not compared: the bar a name must clear rises
/// from `SUGGEST` to that score (`Nearest::bar`) as nearer names are found, and the
/// suggestions stay those of comparing every name (an entity that ranks among the `limit`
/// nearest, or ties with the last of them, has a name at or above every bar).
#[derive(Debug)]
pub struct Nearest {
    key: String,
    /// The query key's characters, for [`levenshtein_within`].
    chars: Vec<char>,
    length: usize,
    /// The query key's characters counted by [`bucket`].
    counts: [u16; BUCKETS],
    /// How many entities are wanted.
    limit: usize,
    scored: HashMap<usize, f64>,
    /// Up to `limit` distinct entities with the best scores found so far, best first.
    leaders: Vec<(usize, f64)>,
    /// The name being compared, as characters, and the row of [`levenshtein_within`]:
    /// buffers kept from name to name.
    name: Vec<char>,
    row: Vec<usize>,
    /// A bar found by the searches of other names for the same query ([`Nearest::offer_all`]
    /// on other cores): the score of the last of the best `limit` entities among the names
    /// they compared, never above the last of the best among all names, so a name below it
    /// cannot be suggested either; 0 when there is none.
    floor: f64,
    /// The bar last asked for, and the fewest and most characters a name may have to reach
    /// it ([`reach_window`]).
    window: (f64, usize, usize),
}

/// How many buckets [`bucket`] sorts characters into: 64, so that a character's bucket is
/// the low six bits of its last byte in UTF-8 ([`Nearest::sharing`]).
const BUCKETS: usize = 64;

/// How many ordered chunks [`Nearest::offer_all`] splits the names into: a few per core, so
/// that a chunk of names that are mostly compared does not hold up the others.
const CHUNKS: usize = 64;

/// How many names each side of the query's key in key order [`Nearest::offer_all`] offers
/// first, to start its bar high.
const NEIGHBOURS: usize = 32;

/// The margin the bounds keep for rounding, so that they err only towards computing.
const MARGIN: f64 = 1e-9;

/// The bucket of a character, for counting the characters two keys can share.
fn bucket(c: char) -> usize {
    c as usize % BUCKETS
}

/// The fewest and most characters a name may have for either measure to reach `bar`
/// against a query of `query` characters: the lengths at which [`MayReach`] allows one with
/// every character of the shorter shared, whatever the common prefix (0 to 4 characters),
/// within `SUGGEST_LENGTH_RATIO` times the query's length (and, for a query of one or more,
/// of one or more). Every bound [`MayReach`] sets
/// rises with the characters shared, so a name outside the window reaches neither measure
/// however many it shares; as the bar rises, the window narrows to the query's length.
fn reach_window(query: usize, bar: f64) -> (usize, usize) {
    let may = |chars: usize| {
        (0..=4).any(|prefix| {
            let may = MayReach::of(chars.min(query), chars, query, prefix, bar);
            may.levenshtein || may.jaro_winkler
        })
    };
    let longest = SUGGEST_LENGTH_RATIO * query.max(1);
    // A name of no character is too short for any query of one or more.
    match (usize::from(query > 0)..=longest).find(|&c| may(c)) {
        Some(fewest) => (
            fewest,
            (fewest..=longest).rev().find(|&c| may(c)).unwrap_or(fewest),
        ),
        // No length reaches it: an empty window.
        None => (1, 0),
    }
}

/// Which of the one rule's two measures can reach a bar (at least [`SUGGEST`]; described
/// here at [`SUGGEST`]) for a name of `chars` characters, at most `shared` of which are also the query's (of `query` characters): bounds
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
    /// The measures that may reach `bar` (at least [`SUGGEST`]) for a name of `chars`
    /// characters, `shared` of which at most are the query's (of `query` characters), whose
    /// first `prefix` characters (at most four counted) are the query's first.
    fn of(shared: usize, chars: usize, query: usize, prefix: usize, bar: f64) -> MayReach {
        if chars == 0 || query == 0 {
            return MayReach {
                levenshtein: true,
                jaro_winkler: true,
            };
        }
        let shared = shared as f64;
        let shares = shared / chars as f64 + shared / query as f64;
        let boost = 0.1 * prefix.min(4) as f64;
        let jaro = ((bar + 0.15 - boost) / (1.0 - boost)).max(0.7);
        let jaro_winkler_shares = 3.0 * jaro - 1.0;
        MayReach {
            levenshtein: shared / chars.max(query) as f64 >= bar - MARGIN,
            jaro_winkler: shares >= jaro_winkler_shares - MARGIN,
        }
    }
}

impl Nearest {
    /// A search for the `limit` entities with names nearest `query`; `None` when the query
    /// is longer than any name.
    pub fn new(query: &str, limit: usize) -> Option<Nearest> {
        if too_long(query) {
            return None;
        }
        let key = key(query);
        let chars: Vec<char> = key.chars().collect();
        let mut counts = [0u16; BUCKETS];
        chars.iter().for_each(|&c| counts[bucket(c)] += 1);
        Some(Nearest {
            key,
            length: chars.len(),
            chars,
            counts,
            limit,
            scored: HashMap::new(),
            leaders: Vec::with_capacity(limit + 1),
            name: Vec::new(),
            row: Vec::new(),
            floor: 0.0,
            window: (f64::NAN, 0, usize::MAX),
        })
    }

    /// The similarity a name must reach to matter: [`SUGGEST`] until `limit` entities are
    /// scored, then the score of the last of the best `limit` (a name below it can neither
    /// enter them nor tie with the last); at least the [`floor`](Nearest::floor) that other
    /// searches found.
    fn bar(&self) -> f64 {
        self.own_bar().max(self.floor)
    }

    /// [`Nearest::bar`] from the names this search was offered alone.
    fn own_bar(&self) -> f64 {
        match self.leaders.len() >= self.limit {
            true => self
                .leaders
                .last()
                .map_or(f64::INFINITY, |l| l.1.max(SUGGEST)),
            false => SUGGEST,
        }
    }

    /// Records `similarity` (at least [`SUGGEST`]) for `entity`, which keeps its best.
    fn score(&mut self, entity: usize, similarity: f64) {
        let slot = self.scored.entry(entity).or_insert(similarity);
        *slot = slot.max(similarity);
        let best = *slot;
        match self.leaders.iter().position(|l| l.0 == entity) {
            Some(i) => self.leaders[i].1 = best,
            None => self.leaders.push((entity, best)),
        }
        self.leaders.sort_by(|a, b| b.1.total_cmp(&a.1));
        self.leaders.truncate(self.limit);
    }

    /// Whether a name whose key is `bytes` bytes long can be compared with the query at all:
    /// a key more than `SUGGEST_LENGTH_RATIO` times longer or shorter than the query is no
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

    /// The fewest and most characters a name may have to reach the bar now
    /// ([`reach_window`]), worked out again only when the bar has changed.
    fn window(&mut self) -> (usize, usize) {
        let bar = self.bar();
        if self.window.0 != bar {
            let (fewest, most) = reach_window(self.length, bar);
            self.window = (bar, fewest, most);
        }
        (self.window.1, self.window.2)
    }

    /// Whether a name whose key is `bytes` bytes long may reach the bar now: it may suit
    /// ([`Nearest::may_suit`]), and a character being one to four bytes, its bytes may hold
    /// as many characters as the [`window`](Nearest::window) asks. A reader of stored keys
    /// rejects a name by it before reading its text.
    fn may_reach(&mut self, bytes: usize) -> bool {
        let (fewest, most) = self.window();
        self.may_suit(bytes) && bytes >= fewest && bytes <= most.saturating_mul(4)
    }

    /// Compares the name with key `name_key` of entity `entity` with the query.
    ///
    /// Only names within a factor `SUGGEST_LENGTH_RATIO` of the query's length are compared
    /// (a name three times longer or shorter is no typo of it), so the work per name is bounded
    /// by the query's length squared, and the query by [`MAX_NAME_CHARS`](crate::load::limits::MAX_NAME_CHARS); and of those, only
    /// names that share enough characters with the query to reach the rule's similarity
    /// (`MayReach`, bounds that never leave out a suggestion), so most names cost one pass
    /// over their bytes, and no character is decoded.
    pub fn offer(&mut self, name_key: &str, entity: usize) {
        if !self.may_suit(name_key.len()) {
            return;
        }
        // Counted apart first (a byte is a character's first unless it continues one), so
        // that a name of too few or too many characters for the bar is not compared at all.
        let counted = (name_key.bytes()).filter(|&b| b & 0xC0 != 0x80).count();
        let (fewest, most) = self.window();
        if counted < fewest || counted > most {
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
        let bar = self.bar();
        let may = MayReach::of(shared, chars, self.length, prefix, bar);
        if !may.levenshtein && !may.jaro_winkler {
            return;
        }
        // The Levenshtein similarity when it reaches the bar: 1 − distance / longer length,
        // so a distance above `most` cannot (the margin errs towards computing).
        let longer = chars.max(self.length);
        let mut levenshtein = 0.0;
        if may.levenshtein {
            self.name.clear();
            self.name.extend(name_key.chars());
            let most = ((1.0 - bar + MARGIN) * longer as f64).floor() as usize;
            if let Some(d) = levenshtein_within(&self.name, &self.chars, most, &mut self.row) {
                levenshtein = 1.0 - d as f64 / longer as f64;
            }
        }
        // Jaro–Winkler counts only where it could beat both the bar and Levenshtein (a bound
        // at least as high as `may`'s, so `may.jaro_winkler` is implied).
        let beaten = bar.max(levenshtein);
        let jaro_winkler =
            match MayReach::of(shared, chars, self.length, prefix, beaten).jaro_winkler {
                true => strsim::jaro_winkler(name_key, &self.key) - 0.15,
                false => 0.0,
            };
        let similarity = levenshtein.max(jaro_winkler);
        // Only the entities near enough are ever suggested; the nearest of an entity's names
        // counts.
        if similarity >= bar {
            self.score(entity, similarity);
        }
    }

    /// Offers `count` names, name `k` being `key_of(k)` (its key and entity), on every core:
    /// the names split in `CHUNKS` ordered chunks, each offered to a search of its own,
    /// whose scores are then merged in chunk order, each entity keeping its best ([`merge`]),
    /// so the suggestions are those of offering every name in turn. A name whose key's length
    /// in bytes (`len_of(k)`, when known without reading the key) cannot suit
    /// ([`may_suit`]) is not read. The first error in name order is returned.
    ///
    /// The searches share their bars: each chunk's search starts from the bar of the names
    /// offered before (to this search) and rises to the best bar any chunk has found so far
    /// (its floor), so a name that cannot reach what another core has already found is not
    /// compared. Whatever the order in which the cores find them, the suggestions are the
    /// same: a bar is never above the last of the best `limit` among all names. When the
    /// names are sorted by key, as the cache's are, the few whose keys sort next to the
    /// query's (`NEIGHBOURS` each side, found by binary search) are offered first: a typo
    /// in a name's last letters sorts next to it, and the bar starts at its score.
    ///
    /// [`merge`]: Nearest::merge
    /// [`may_suit`]: Nearest::may_suit
    pub fn offer_all<'a, E: Send>(
        &mut self,
        count: usize,
        len_of: impl Fn(usize) -> Option<usize> + Sync,
        key_of: impl Fn(usize) -> Result<(&'a str, usize), E> + Sync,
    ) -> Result<(), E> {
        self.offer_neighbours(count, &key_of)?;
        let shared = AtomicU64::new(self.bar().to_bits());
        let size = count.div_ceil(CHUNKS).max(1);
        let chunks: Vec<Result<Nearest, E>> = (0..count.div_ceil(size))
            .into_par_iter()
            .map(|chunk| {
                let mut nearest = self.fresh();
                let mut published = 0.0;
                for k in chunk * size..((chunk + 1) * size).min(count) {
                    // Bars are at least 0, whose bits order as the numbers do.
                    nearest.floor = f64::from_bits(shared.load(Ordering::Relaxed));
                    if len_of(k).is_some_and(|len| !nearest.may_reach(len)) {
                        continue;
                    }
                    let (key, entity) = key_of(k)?;
                    nearest.offer(key, entity);
                    let own = nearest.own_bar();
                    if nearest.leaders.len() >= nearest.limit && own > published {
                        shared.fetch_max(own.to_bits(), Ordering::Relaxed);
                        published = own;
                    }
                }
                Ok(nearest)
            })
            .collect();
        for chunk in chunks {
            self.merge(chunk?);
        }
        Ok(())
    }

    /// Offers the names whose keys sort next to the query's among `count` names sorted by
    /// key (`key_of`, as for [`Nearest::offer_all`]): up to [`NEIGHBOURS`] each side of where
    /// the query's key would stand, found by binary search. Names in another order give
    /// other neighbours, offered all the same: only how soon the bar rises depends on them.
    fn offer_neighbours<'a, E>(
        &mut self,
        count: usize,
        key_of: &impl Fn(usize) -> Result<(&'a str, usize), E>,
    ) -> Result<(), E> {
        let (mut low, mut high) = (0, count);
        while low < high {
            let mid = low + (high - low) / 2;
            if key_of(mid)?.0 < self.key.as_str() {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        for k in low.saturating_sub(NEIGHBOURS)..(low + NEIGHBOURS).min(count) {
            let (key, entity) = key_of(k)?;
            self.offer(key, entity);
        }
        Ok(())
    }

    /// The same search with nothing offered yet.
    fn fresh(&self) -> Nearest {
        Nearest {
            key: self.key.clone(),
            chars: self.chars.clone(),
            length: self.length,
            counts: self.counts,
            limit: self.limit,
            scored: HashMap::new(),
            leaders: Vec::with_capacity(self.limit + 1),
            name: Vec::new(),
            row: Vec::new(),
            floor: 0.0,
            window: (f64::NAN, 0, usize::MAX),
        }
    }

    /// Adds what `other`, a search for the same query, was offered: each entity keeps the
    /// better of its two scores, as if every name had been offered to this search.
    pub fn merge(&mut self, other: Nearest) {
        for (entity, score) in other.scored {
            self.score(entity, score);
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

    /// The entities that may be suggested, in no order: those that rank among the `limit`
    /// nearest or tie with the last of them.
    pub fn entities(&self) -> Vec<usize> {
        let bar = self.bar();
        let near = self.scored.iter().filter(|(_, s)| **s >= bar);
        near.map(|(&e, _)| e).collect()
    }

    /// The labels (`id (name)`, [`label`]) of up to `limit` of the entities near enough,
    /// nearest first, then by label; `label_of` gives an entity's label, and is asked only
    /// for the [`entities`](Nearest::entities) that may be suggested.
    ///
    /// [`label`]: super::label
    pub fn ranked(self, label_of: impl Fn(usize) -> String) -> Vec<String> {
        let (limit, bar) = (self.limit, self.bar());
        let mut ranked: Vec<(String, f64)> = (self.scored.into_iter())
            .filter(|(_, s)| *s >= bar)
            .map(|(e, s)| (label_of(e), s))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked.into_iter().take(limit).map(|(l, _)| l).collect()
    }
}

/// The Levenshtein distance between `a` and `b`, counted in characters as
/// `strsim::levenshtein` counts it, when it is at most `most`; `None` when it is more. `row`
/// is a buffer kept between calls.
///
/// Each row of the edit table holds no value below the previous row's least (every cell
/// comes from a cell of the row above, or from its left neighbour plus one), so the distance
/// is over `most` as soon as a whole row is, and the table is not filled further.
fn levenshtein_within(a: &[char], b: &[char], most: usize, row: &mut Vec<usize>) -> Option<usize> {
    if a.len().abs_diff(b.len()) > most {
        return None;
    }
    row.clear();
    row.extend(0..=b.len());
    for (i, &ca) in a.iter().enumerate() {
        // `diagonal` is the cell above and to the left of the one being filled.
        let mut diagonal = row[0];
        row[0] = i + 1;
        let mut least = row[0];
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            let cell = (diagonal + usize::from(ca != cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
            row[j + 1] = cell;
            least = least.min(cell);
        }
        if least > most {
            return None;
        }
    }
    Some(row[b.len()]).filter(|&d| d <= most)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The suggestions by the rule's definition, every name compared in full by `strsim`:
    /// what [`Nearest`] must give, however it prunes.
    fn suggested_by_definition(
        query: &str,
        names: &[(String, usize)],
        limit: usize,
    ) -> Vec<String> {
        let query = key(query);
        let length = query.chars().count();
        let mut best: HashMap<usize, f64> = HashMap::new();
        for (name, entity) in names {
            let chars = name.chars().count();
            if chars > SUGGEST_LENGTH_RATIO * length.max(1) || length > SUGGEST_LENGTH_RATIO * chars
            {
                continue;
            }
            let similarity = strsim::normalized_levenshtein(name, &query)
                .max(strsim::jaro_winkler(name, &query) - 0.15);
            if similarity >= SUGGEST {
                let slot = best.entry(*entity).or_insert(similarity);
                *slot = slot.max(similarity);
            }
        }
        let mut ranked: Vec<(String, f64)> = best
            .into_iter()
            .map(|(e, s)| (format!("e{e}"), s))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked.into_iter().take(limit).map(|(l, _)| l).collect()
    }

    proptest::proptest! {
        /// However early the search stops comparing, its suggestions are those of comparing
        /// every name: offered in turn or on every core, over names of a small alphabet where
        /// near names and ties are common, several names to an entity.
        #[test]
        fn the_suggestions_are_those_of_comparing_every_name(
            query in "[abcdغا]{1,8}",
            names in proptest::collection::vec(("[abcdغا]{1,10}", 0usize..12), 0..40),
            limit in 1usize..5,
        ) {
            let expected = suggested_by_definition(&query, &names, limit);
            let mut one_by_one = Nearest::new(&query, limit).unwrap();
            for (name, entity) in &names {
                one_by_one.offer(name, *entity);
            }
            let mut on_every_core = Nearest::new(&query, limit).unwrap();
            on_every_core
                .offer_all(names.len(), |k| Some(names[k].0.len()), |k| {
                    Ok::<_, ()>((names[k].0.as_str(), names[k].1))
                })
                .unwrap();
            let label = |e: usize| format!("e{e}");
            // Only the entities the search says may be suggested are asked for a label (the
            // cache decodes those alone).
            let may_be = one_by_one.entities();
            let ranked = one_by_one.ranked(|e| {
                assert!(may_be.contains(&e), "entity {e} was not said to be suggestible");
                label(e)
            });
            proptest::prop_assert_eq!(&ranked, &expected);
            proptest::prop_assert_eq!(on_every_core.ranked(label), expected);
        }

        /// The Levenshtein distance within a bound is `strsim`'s whenever it is within it.
        #[test]
        fn the_bounded_distance_is_the_distance_when_within_the_bound(
            a in "[abcغا]{0,12}",
            b in "[abcغا]{0,12}",
            most in 0usize..14,
        ) {
            let (a_chars, b_chars): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let distance = strsim::levenshtein(&a, &b);
            let within = levenshtein_within(&a_chars, &b_chars, most, &mut Vec::new());
            proptest::prop_assert_eq!(within, (distance <= most).then_some(distance));
        }

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
            let nearest = Nearest::new(&query, 3).unwrap();
            let (chars, shared) = nearest.sharing(&name);
            let prefix = (name.chars().zip(nearest.key.chars()).take(4))
                .take_while(|(a, b)| a == b)
                .count();
            let may = MayReach::of(shared, chars, nearest.length, prefix, SUGGEST);
            if strsim::normalized_levenshtein(&name, &nearest.key) >= SUGGEST {
                proptest::prop_assert!(may.levenshtein);
            }
            if strsim::jaro_winkler(&name, &nearest.key) - 0.15 >= SUGGEST {
                proptest::prop_assert!(may.jaro_winkler);
            }
        }
    }

    proptest::proptest! {
        /// A name that either measure brings to a bar has as many characters as the window
        /// of that bar allows: over short keys of a small alphabet, half of them the query's
        /// start and another tail (near by Jaro–Winkler's prefix), at bars from the rule's
        /// least to exact.
        #[test]
        fn the_window_keeps_every_name_that_reaches_a_bar(
            query in "[abcdeغاوم1]{1,10}",
            other in "[abcdeغاوم1]{1,14}",
            (kept, tail) in (0usize..10, "[vwxyzي]{0,20}"),
            bar in SUGGEST..=1.0,
        ) {
            let name = match kept % 2 {
                0 => other,
                _ => query.chars().take(kept).chain(tail.chars()).collect(),
            };
            let nearest = Nearest::new(&query, 3).unwrap();
            let (chars, length) = (name.chars().count(), nearest.length);
            let similarity = strsim::normalized_levenshtein(&name, &nearest.key)
                .max(strsim::jaro_winkler(&name, &nearest.key) - 0.15);
            if similarity >= bar && chars <= SUGGEST_LENGTH_RATIO * length {
                let (fewest, most) = reach_window(length, bar);
                proptest::prop_assert!(fewest <= chars && chars <= most, "{fewest}..={most}");
            }
        }
    }

    #[test]
    fn the_prefilter_leaves_out_names_sharing_too_little() {
        let nearest = Nearest::new("abcdefgh", 3).unwrap();
        let (chars, shared) = nearest.sharing("stuvwxyz");
        assert_eq!((chars, shared), (8, 0));
        let neither = MayReach {
            levenshtein: false,
            jaro_winkler: false,
        };
        assert_eq!(MayReach::of(shared, chars, 8, 0, SUGGEST), neither);
        // Four of eight shared: too few for either (shares 1.0, Levenshtein at most 0.5).
        let (chars, shared) = nearest.sharing("abcdwxyz");
        assert_eq!(MayReach::of(shared, chars, 8, 0, SUGGEST), neither);
        let only_jaro = MayReach {
            levenshtein: false,
            jaro_winkler: true,
        };
        // The query's four characters, its prefix, in a name of ten (shares 1.4; Levenshtein
        // at most 0.4) reach a suggestion by Jaro–Winkler alone.
        let nearest = Nearest::new("abcd", 3).unwrap();
        let (chars, shared) = nearest.sharing("abcdxxxxxx");
        assert_eq!(MayReach::of(shared, chars, 4, 4, SUGGEST), only_jaro);
        assert!(strsim::jaro_winkler("abcdxxxxxx", "abcd") - 0.15 >= SUGGEST);
    }
}
