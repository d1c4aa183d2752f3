//! Resolving what a user types to an entity: ids, names and aliases in any script.

// foldhash: a hundred thousand keys hashed at load, where std's SipHash is slower.
use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;

use super::matcher::{Hit, KeyStore, Reach, search_reaching};
use super::normalize::{key, normalize};
use crate::graph::EntityIx;
use crate::load::limits::MAX_NAME_CHARS;
use crate::model::Entity;

/// An entity that matches a query, with how well and through which name.
#[derive(Debug, Clone, PartialEq)]
pub struct NameMatch {
    /// The entity, in the graph that built the index.
    pub entity: EntityIx,
    /// 1.0 for an id or exact name, lower for looser matches.
    pub score: f64,
    /// The name or alias that matched.
    pub matched: String,
}

/// A name that does not resolve to exactly one entity.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    /// Nothing matched; `suggestions` are the nearest names, as `id (name)`.
    #[error("unknown actor {query:?}{}", did_you_mean(suggestions))]
    Unknown {
        /// What the user typed.
        query: String,
        /// The closest names by edit distance.
        suggestions: Vec<String>,
    },
    /// The query is longer than any name can be ([`MAX_NAME_CHARS`] characters).
    #[error("a name of {chars} characters is over the {MAX_NAME_CHARS} characters a name may have")]
    TooLong {
        /// How many characters the query has.
        chars: usize,
    },
    /// Several entities matched equally well; `candidates` are `id (name)`.
    #[error("ambiguous name {query:?}: it matches {}; use an id", candidates.join(", "))]
    Ambiguous {
        /// What the user typed.
        query: String,
        /// The entities it matches.
        candidates: Vec<String>,
    },
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "; `actorgraph find PART` searches names by part, `actorgraph list` lists every entity"
            .to_owned()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

/// Scores from this up are exact matches (up to the article and one-letter prefixes).
const EXACT: f64 = 0.9;
/// Scores below this are suggestions, not matches.
const MATCH: f64 = 0.5;
/// Edit-distance similarity a suggestion needs.
const SUGGEST: f64 = 0.6;
/// How many times longer or shorter than the query a name may be to be suggested.
const SUGGEST_LENGTH_RATIO: usize = 3;

/// True when `query` is longer than any name may be: it matches nothing, and no time is spent
/// folding it or comparing it with names.
pub fn too_long(query: &str) -> bool {
    query.len() > MAX_NAME_CHARS && query.chars().count() > MAX_NAME_CHARS
}

/// An index of every id, name and alias of a graph's entities, by matching key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NameIndex {
    /// Matching key → (entity, the name as written), for exact lookups.
    by_key: HashMap<String, Vec<(usize, usize)>>,
    /// Every (key, entity, name) for partial and fuzzy search.
    names: Vec<(String, usize, String)>,
    /// Display labels `id (name)` per entity.
    labels: Vec<String>,
}

impl NameIndex {
    /// Indexes the ids, names and aliases of `entities`.
    ///
    /// Normalising every name is the costly part: it runs on every core, in chunks of
    /// entities, and the index is then filled in entity order.
    pub fn new(entities: &[Entity]) -> NameIndex {
        NameIndex::among(entities, |_| true)
    }

    /// Indexes the ids, names and aliases of the entities of `entities` that `indexed` picks
    /// (by index; the others have no name in it). Finding or resolving a name whose every
    /// match is picked gives what the index of all `entities` gives: a scoped read of the
    /// cache ([`crate::cache::scoped`]) indexes only the entities the names it read match.
    pub fn among(entities: &[Entity], indexed: impl Fn(usize) -> bool + Sync) -> NameIndex {
        let keyed = entities
            .par_iter()
            .enumerate()
            .with_min_len(256)
            .map(|(i, entity)| match indexed(i) {
                true => (label(entity), keyed_names(entity).collect()),
                false => (String::new(), Vec::new()),
            })
            .collect();
        NameIndex::fill(keyed)
    }

    /// Indexes the ids, names and aliases of `entities`, with the keys of their names already
    /// folded (`keys`, one list per entity in the order of [`Entity::all_names`], as
    /// validation folds them once): what [`NameIndex::new`] gives, without folding every
    /// name again. Entities past the end of `keys` are folded here.
    pub(crate) fn with_keys(entities: &[Entity], keys: NameKeys) -> NameIndex {
        let mut keys = keys.0;
        keys.resize_with(entities.len(), Default::default);
        let keyed = entities
            .par_iter()
            .zip(keys)
            .with_min_len(256)
            .map(|(entity, keys)| {
                let names = match keys.len() == entity.all_names().count() {
                    true => keyed(entity, keys.into_vec().into_iter()).collect(),
                    false => keyed_names(entity).collect(),
                };
                (label(entity), names)
            })
            .collect();
        NameIndex::fill(keyed)
    }

    /// The index of each entity's label and keyed names, in entity order.
    fn fill(keyed: Vec<(String, Vec<(String, &str)>)>) -> NameIndex {
        let mut index = NameIndex {
            by_key: HashMap::with_capacity(keyed.len() * 3),
            names: Vec::with_capacity(keyed.len() * 3),
            labels: Vec::with_capacity(keyed.len()),
        };
        for (i, (label, names)) in keyed.into_iter().enumerate() {
            index.labels.push(label);
            for (k, name) in names {
                let slot = index.names.len();
                index.names.push((k.clone(), i, name.to_owned()));
                index.by_key.entry(k).or_default().push((i, slot));
            }
        }
        index
    }

    /// Every entity that matches `query`, best first (ties by label), with scores in (0, 1].
    ///
    /// Exact matches of the id, a name or an alias score 1.0; matches that need a one-letter
    /// Arabic prefix removed score 0.9; names that contain the query as whole words score
    /// between 0.5 and 0.9 by how much of the name the query covers. Complexity: one hash
    /// lookup when the query is exact, else a scan of all names.
    pub fn find(&self, query: &str) -> Vec<NameMatch> {
        self.find_reaching(query, Reach::Names)
    }

    /// Every entity with a name that holds `query`, best first: what [`find`](Self::find)
    /// finds, with the same scores, then the names that hold its key at the start of a word
    /// (scores 0.3 to 0.5) or inside a word (0.1 to 0.3), by how much of the name it covers;
    /// names holding its words are listed even when another name matches exactly. For a person
    /// looking for a name (`actorgraph find`); resolution never picks a match under 0.5.
    /// Complexity: a scan of all names.
    ///
    /// ```
    /// # use actorgraph::{Entity, EntityId, EntityKind, Names};
    /// use actorgraph::names::NameIndex;
    /// let town = |id: &str, name: &str| Entity {
    ///     id: EntityId::new(id).unwrap(),
    ///     kind: EntityKind::City,
    ///     names: Names { fr: Some(name.into()), ..Names::default() },
    ///     aliases: vec![],
    ///     lifetime: None,
    ///     description: String::new(),
    /// };
    /// let index = NameIndex::new(&[town("timbuktu", "Tombouctou"), town("gao", "Gao")]);
    /// assert_eq!(index.search("Tomb")[0].entity.index(), 0);
    /// assert!(index.find("Tomb").is_empty());
    /// ```
    pub fn search(&self, query: &str) -> Vec<NameMatch> {
        self.find_reaching(query, Reach::Parts)
    }

    fn find_reaching(&self, query: &str, reach: Reach) -> Vec<NameMatch> {
        let mut best: HashMap<usize, NameMatch> = HashMap::new();
        let exact = normalize(query);
        let mut store = self;
        let Ok(()) = search_reaching(&mut store, query, reach, &mut |slot, hit| {
            let (_, entity, name) = &self.names[slot];
            let score = match hit {
                // Equal up to the article only.
                Hit::Exact(1.0) if normalize(name) != exact => 0.95,
                Hit::Exact(score) => score,
                Hit::Partial(coverage) => MATCH + 0.4 * coverage,
                Hit::Within {
                    word_start: true,
                    coverage,
                } => 0.3 + 0.2 * coverage,
                Hit::Within {
                    word_start: false,
                    coverage,
                } => 0.1 + 0.2 * coverage,
            };
            let offered = best.entry(*entity).or_insert(NameMatch {
                entity: EntityIx::new(*entity),
                score: 0.0,
                matched: String::new(),
            });
            if score > offered.score {
                offered.score = score;
                offered.matched = name.clone();
            }
        });
        self.ranked(best.into_values())
    }

    /// The one entity `query` names, or an error listing candidates or suggestions.
    ///
    /// Exact matches (of an id, name or alias, up to the article and one-letter prefixes)
    /// decide when there are any: the best-scoring one resolves, several equally good ones are
    /// ambiguous. Otherwise a partial match resolves only when it is the only one. With no
    /// match at all, the error suggests up to three near names.
    pub fn resolve(&self, query: &str) -> Result<EntityIx, NameError> {
        if too_long(query) {
            return Err(NameError::TooLong {
                chars: query.chars().count(),
            });
        }
        let found = self.find(query);
        let top = found.first().map_or(0.0, |m| m.score);
        let best: Vec<&NameMatch> = if top >= EXACT {
            found.iter().filter(|m| m.score >= top - 1e-9).collect()
        } else {
            found.iter().collect()
        };
        match best.as_slice() {
            [one] => Ok(one.entity),
            [] => Err(NameError::Unknown {
                query: query.to_owned(),
                suggestions: self.suggest(query, 3),
            }),
            many => Err(NameError::Ambiguous {
                query: query.to_owned(),
                candidates: many
                    .iter()
                    .map(|m| self.labels[m.entity.index()].clone())
                    .collect(),
            }),
        }
    }

    /// Up to `limit` labels of the entities whose names are nearest to `query` by edit
    /// distance on the normalised forms.
    ///
    /// Only names within a factor [`SUGGEST_LENGTH_RATIO`] of the query's length are compared
    /// (a name three times longer or shorter is no typo of it), so the work per name is bounded
    /// by the query's length squared, and the query by [`MAX_NAME_CHARS`].
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<String> {
        let Some(mut nearest) = Nearest::new(query) else {
            return Vec::new();
        };
        for (name_key, entity, _) in &self.names {
            nearest.offer(name_key, *entity);
        }
        nearest.ranked(|e| self.labels[e].clone(), limit)
    }

    fn ranked(&self, matches: impl Iterator<Item = NameMatch>) -> Vec<NameMatch> {
        let mut out: Vec<NameMatch> = matches.collect();
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| self.labels[a.entity.index()].cmp(&self.labels[b.entity.index()]))
        });
        out
    }
}

/// The in-memory index is a store of keys for the one matcher: a name's slot is its place in
/// `names`.
impl KeyStore for &NameIndex {
    type Slot = usize;
    type Error = std::convert::Infallible;

    fn with_key(&mut self, key: &str, found: &mut dyn FnMut(usize)) -> Result<(), Self::Error> {
        for &(_, slot) in self.by_key.get(key).into_iter().flatten() {
            found(slot);
        }
        Ok(())
    }

    fn every_key(&mut self, found: &mut dyn FnMut(&str, usize)) -> Result<(), Self::Error> {
        for (slot, (name_key, _, _)) in self.names.iter().enumerate() {
            found(name_key, slot);
        }
        Ok(())
    }
}

/// The search for the names nearest a query that matches none, by edit distance on the
/// matching keys: the one rule of "did you mean", over the in-memory index
/// ([`NameIndex::suggest`]) and over the cache's sorted keys ([`crate::cache::scoped`]).
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
    /// by the query's length squared, and the query by [`MAX_NAME_CHARS`]; and of those, only
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

/// How an entity is named in candidates and suggestions: `id (display name)`.
pub fn label(entity: &Entity) -> String {
    format!("{} ({})", entity.id, entity.display_name())
}

/// The matching keys of an entity's id, names and aliases (empty keys left out), each with
/// the name as written.
pub fn keyed_names(entity: &Entity) -> impl Iterator<Item = (String, &str)> {
    keyed(entity, entity.all_names().map(key))
}

/// [`keyed_names`], with the keys of the entity's names (in the order of
/// [`Entity::all_names`]) given.
fn keyed(
    entity: &Entity,
    name_keys: impl Iterator<Item = String>,
) -> impl Iterator<Item = (String, &str)> {
    let id = entity.id.as_str();
    std::iter::once((key(id), id))
        .chain(name_keys.zip(entity.all_names()))
        .filter(|(k, _)| !k.is_empty())
}

/// The matching keys ([`key`]) of every entity's names, one list per entity in the order of
/// [`Entity::all_names`]: folded once by validation, then handed to the name index
/// ([`NameIndex::with_keys`]).
#[derive(Debug, Clone, Default)]
pub struct NameKeys(Vec<Box<[String]>>);

impl NameKeys {
    /// The keys of each entity's names, in entity order.
    pub(crate) fn new(keys: Vec<Box<[String]>>) -> NameKeys {
        NameKeys(keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityId, EntityKind, Names};

    fn entity(id: &str, en: &str, ar: &str, aliases: &[&str]) -> Entity {
        Entity {
            id: EntityId::new(id).unwrap(),
            kind: EntityKind::City,
            names: Names {
                en: Some(en.into()),
                ar: Some(ar.into()),
                fr: None,
            },
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            lifetime: None,
            description: String::new(),
        }
    }

    fn index() -> NameIndex {
        NameIndex::new(&[
            entity("gao", "Gao", "غاو", &["جاو"]),
            entity("gao-region", "Gao Region", "منطقة غاو", &[]),
            entity("menaka", "Ménaka", "ميناكا", &[]),
            entity("islamists", "Islamists", "الإسلامويين", &["الإسلاميين"]),
            entity("north-a", "North", "", &["Twin"]),
            entity("north-b", "Northern", "", &["twin"]),
        ])
    }

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

    #[test]
    fn an_index_among_some_entities_names_only_those() {
        let entities = [
            entity("gao", "Gao", "غاو", &["جاو"]),
            entity("gao-region", "Gao Region", "منطقة غاو", &[]),
            entity("menaka", "Ménaka", "ميناكا", &[]),
        ];
        let some = NameIndex::among(&entities, |i| i != 2);
        let all = NameIndex::new(&entities);
        for name in ["gao", "جاو", "region", "gao region"] {
            assert_eq!(some.find(name), all.find(name), "{name}");
        }
        assert!(some.find("menaka").is_empty());
        assert_eq!(all.resolve("menaka"), Ok(EntityIx::new(2)));
    }

    #[test]
    fn ids_names_and_aliases_resolve() {
        let ix = index();
        assert_eq!(ix.resolve("gao"), Ok(EntityIx::new(0)));
        assert_eq!(ix.resolve("GAO"), Ok(EntityIx::new(0)));
        assert_eq!(ix.resolve("جاو"), Ok(EntityIx::new(0)));
        assert_eq!(ix.resolve("غاو"), Ok(EntityIx::new(0)));
        assert_eq!(ix.resolve("Menaka"), Ok(EntityIx::new(2)));
        assert_eq!(ix.resolve("ميناكا"), Ok(EntityIx::new(2)));
    }

    #[test]
    fn arabic_prefixes_and_article_are_tolerated() {
        let ix = index();
        assert_eq!(ix.resolve("إسلاميين"), Ok(EntityIx::new(3)));
        assert_eq!(ix.resolve("والإسلاميين"), Ok(EntityIx::new(3)));
        assert_eq!(ix.resolve("بجاو"), Ok(EntityIx::new(0)));
        assert_eq!(ix.resolve("الإسلامويين"), Ok(EntityIx::new(3)));
    }

    #[test]
    fn exact_beats_partial() {
        let ix = index();
        let found = ix.find("Gao");
        assert_eq!(found[0].entity.index(), 0);
        assert_eq!(found[0].score, 1.0);
        // The partial match is only used when nothing matches exactly.
        assert_eq!(found.len(), 1);
        let region = ix.find("region");
        assert_eq!(region[0].entity.index(), 1);
        assert!(region[0].score < 1.0 && region[0].score >= MATCH);
    }

    #[test]
    fn shared_alias_is_ambiguous() {
        let err = index().resolve("twin").unwrap_err();
        assert_eq!(
            err.to_string(),
            "ambiguous name \"twin\": it matches north-a (North), north-b (Northern); use an id"
        );
    }

    #[test]
    fn partial_matches_resolve_only_when_alone() {
        let ix = index();
        // "region" is part of one name only here.
        assert_eq!(ix.resolve("region"), Ok(EntityIx::new(1)));
        // "nort" is no whole word; "north" matches one name exactly and one partially.
        assert_eq!(ix.resolve("north"), Ok(EntityIx::new(4)));
        let ix = NameIndex::new(&[
            entity("gao-region", "Gao Region", "", &[]),
            entity("kidal-region", "Kidal Region", "", &[]),
        ]);
        assert!(matches!(
            ix.resolve("region"),
            Err(NameError::Ambiguous { .. })
        ));
    }

    #[test]
    fn a_search_lists_every_match_of_find_with_its_score_then_parts() {
        let ix = index();
        for query in [
            "gao", "GAO", "region", "north", "twin", "بجاو", "ena", "isl", "zz", "",
        ] {
            let found = ix.find(query);
            let searched = ix.search(query);
            for m in &found {
                assert!(searched.contains(m), "{query:?}: {m:?} not in {searched:?}");
            }
            // What resolution may pick (0.5 and up) is exactly what `find` finds, but for the
            // names holding the words of a query that also matches a name exactly.
            let named: Vec<&NameMatch> = searched.iter().filter(|m| m.score >= MATCH).collect();
            if found.first().is_none_or(|m| m.score < EXACT) {
                assert_eq!(named, found.iter().collect::<Vec<_>>(), "{query:?}");
            }
        }
        let parts = ix.search("ena");
        assert_eq!(parts.len(), 1);
        assert!(parts[0].score < MATCH, "{parts:?}");
        assert!(ix.find("ena").is_empty());
        // A word start ranks above a part inside a word.
        let word_start = ix.search("isl")[0].score;
        let inside = ix.search("slam")[0].score;
        assert!(word_start > inside, "{word_start} {inside}");
    }

    #[test]
    fn unknown_names_get_suggestions() {
        let err = index().resolve("Menakka").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown actor \"Menakka\"; did you mean menaka (Ménaka)?"
        );
        let err = index().resolve("zzzzqq").unwrap_err();
        assert!(
            err.to_string()
                .ends_with("`actorgraph list` lists every entity")
        );
    }
}
