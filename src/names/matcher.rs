//! The one rule for which names a query matches, over any store of name keys.
//!
//! The in-memory [`NameIndex`](super::NameIndex) and the cache's sorted keys (its scoped
//! read) both answer "which entities does this query name?" through [`search`], so a scoped
//! read holds every entity the whole graph would match, by construction and for every graph.
//! The rule: the query's key and its variants without a one-letter Arabic prefix
//! ([`variants`]) matched exactly; only when none matches, the names that hold the query's
//! words as whole words ([`word_coverage`]). That is what a query *names* ([`Reach::Names`]),
//! what resolution and the scoped read use. Listing names for a person searching
//! ([`Reach::Parts`], `actorgraph find`) reaches further under the same rule: every name
//! holding the query's words, and every name holding its key at the start of a word (`tomb`
//! in Tombouctou) or inside one (`bouct`), whether or not some name matches exactly.

use super::normalize::{ONE_LETTER_PREFIXES, key};

/// A store of name keys, each standing for one name (`Slot`) of one entity.
pub trait KeyStore {
    /// What a key stands for: a name's place in the store.
    type Slot: Copy;
    /// Why the store could not be read (a damaged cache).
    type Error;

    /// Calls `found` for each name whose key is exactly `key`.
    fn with_key(&mut self, key: &str, found: &mut dyn FnMut(Self::Slot))
    -> Result<(), Self::Error>;

    /// Calls `found` for every name's key.
    fn every_key(&mut self, found: &mut dyn FnMut(&str, Self::Slot)) -> Result<(), Self::Error>;

    /// Calls `found` for every name whose key holds `part` (a key), in the order of
    /// [`KeyStore::every_key`]. By default every key is read ([`scan_holding`]); a store with
    /// an index of the keys' parts (the cache's trigrams) reads only the keys that can hold it.
    fn holding(
        &mut self,
        part: &str,
        found: &mut dyn FnMut(&str, Self::Slot),
    ) -> Result<(), Self::Error> {
        scan_holding(self, part, found)
    }
}

/// Calls `found` for every name of `store` whose key holds `part`, reading every key: what
/// [`KeyStore::holding`] does unless a store knows better.
pub fn scan_holding<S: KeyStore + ?Sized>(
    store: &mut S,
    part: &str,
    found: &mut dyn FnMut(&str, S::Slot),
) -> Result<(), S::Error> {
    store.every_key(&mut |key, slot| {
        if key.contains(part) {
            found(key, slot);
        }
    })
}

/// How a name matched a query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Hit {
    /// The name's key is the query's key (score 1.0) or the query's key without a one-letter
    /// prefix (score 0.9).
    Exact(f64),
    /// The name holds the query's words, which cover this share of its characters.
    Partial(f64),
    /// ([`Reach::Parts`] only) The name holds the query's key at the start of a word
    /// (`word_start`) or inside one; the key covers `coverage` of the name's characters.
    Within {
        /// True when the key starts one of the name's words (`tomb` in `tombouctou`).
        word_start: bool,
        /// The share of the name's characters the key covers.
        coverage: f64,
    },
}

/// How far a search reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The names a query names: exact matches, else names holding its words. Resolution and
    /// the cache's scoped read search this far, so both find the same candidates.
    Names,
    /// Every name holding the query's words or its key (from the start of a word or inside
    /// one), besides the exact matches: what a search lists for a person to choose from.
    Parts,
}

/// Calls `hit` for every name of `store` that `query` names: exact matches, else the names
/// holding its words (what resolution and the cache's scoped read look for).
pub fn search<S: KeyStore>(
    store: &mut S,
    query: &str,
    hit: &mut dyn FnMut(S::Slot, Hit, &str),
) -> Result<(), S::Error> {
    search_reaching(store, query, Reach::Names, hit)
}

/// Calls `hit` for every name of `store` that `query` matches within `reach`, with how it
/// matched and the name's key, exact matches first. Within [`Reach::Names`], partial matches
/// are looked for only when there is no exact one; within [`Reach::Parts`], always, for the
/// names not matched exactly. Queries over the
/// name length limit match nothing ([`super::too_long`]). Every partial match holds the
/// query's key, so only the keys holding it are read ([`KeyStore::holding`]). Complexity: one
/// lookup per variant, and one read of the keys holding the query's key unless a name matched
/// exactly within [`Reach::Names`].
pub fn search_reaching<S: KeyStore>(
    store: &mut S,
    query: &str,
    reach: Reach,
    hit: &mut dyn FnMut(S::Slot, Hit, &str),
) -> Result<(), S::Error> {
    if super::too_long(query) {
        return Ok(());
    }
    let k = key(query);
    let variants = variants(&k);
    let mut exact = false;
    for (variant, score) in &variants {
        store.with_key(variant, &mut |slot| {
            exact = true;
            hit(slot, Hit::Exact(*score), variant);
        })?;
    }
    if k.is_empty() || (exact && reach == Reach::Names) {
        return Ok(());
    }
    store.holding(&k, &mut |name_key, slot| {
        if exact && variants.iter().any(|(v, _)| v == name_key) {
            return;
        }
        if let Some(coverage) = word_coverage(name_key, &k) {
            hit(slot, Hit::Partial(coverage), name_key);
        } else if reach == Reach::Parts
            && let Some(word_start) = holds(name_key, &k)
        {
            let coverage = k.chars().count() as f64 / name_key.chars().count().max(1) as f64;
            let within = Hit::Within {
                word_start,
                coverage,
            };
            hit(slot, within, name_key);
        }
    })
}

/// Whether `name` holds `part` (both keys): `Some(true)` when some occurrence starts a word,
/// `Some(false)` when it stands only inside words, `None` when it is not there.
fn holds(name: &str, part: &str) -> Option<bool> {
    let mut found = None;
    for (i, _) in name.match_indices(part) {
        let starts = name[..i].chars().next_back().is_none_or(|c| c == ' ');
        found = Some(found.unwrap_or(false) || starts);
    }
    found
}

/// The query key `k` and, for each word that starts with a one-letter Arabic prefix, the key
/// with that letter removed, each with the score a match through it earns: the keys whose
/// entities match a query exactly.
pub fn variants(k: &str) -> Vec<(String, f64)> {
    let mut out = vec![(k.to_owned(), 1.0)];
    let words: Vec<&str> = k.split(' ').collect();
    for (i, word) in words.iter().enumerate() {
        if let Some(rest) = without_prefix(word) {
            let mut changed = words.clone();
            changed[i] = &rest;
            out.push((changed.join(" "), 0.9));
        }
    }
    out
}

/// The key of one word of a key without its one-letter Arabic prefix (و ب ل ف ك), when it
/// has one and keeps at least two letters: `وغاو` → `غاو` (crate-private: examples in the
/// unit tests below).
pub fn without_prefix(word: &str) -> Option<String> {
    let mut chars = word.chars();
    let first = chars.next()?;
    (ONE_LETTER_PREFIXES.contains(&first) && chars.clone().count() >= 2)
        .then(|| key(chars.as_str()))
}

/// When every word of `query` appears, in order, as whole words of `name` (both keys): the
/// share of the name's characters the query covers.
pub fn word_coverage(name: &str, query: &str) -> Option<f64> {
    contains_words(name, query, false)
        .then(|| query.chars().count() as f64 / name.chars().count().max(1) as f64)
}

/// True when `words` occurs in `text` (both keys: words joined by single spaces) starting and
/// ending at word boundaries; with `prefixed`, its first word may carry one of the Arabic
/// one-letter prefixes (و ب ل ف ك), as a name does in running text (`وجاو`, `بالحركة`)
/// (crate-private: examples in the unit tests below).
pub fn contains_words(text: &str, words: &str, prefixed: bool) -> bool {
    if words.is_empty() {
        return false;
    }
    let boundary = |c: Option<char>| c.is_none_or(|c| c == ' ');
    text.match_indices(words).any(|(i, _)| {
        let mut before = text[..i].chars().rev();
        let prev = before.next();
        let starts = boundary(prev)
            || (prefixed
                && prev.is_some_and(|c| ONE_LETTER_PREFIXES.contains(&c))
                && boundary(before.next()));
        starts && boundary(text[i + words.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_whole_words_with_an_arabic_prefix() {
        let mentioned = |text, name| contains_words(text, name, true);
        assert!(mentioned("the kel fighters", "kel"));
        assert!(!mentioned("the kelba fighters", "kel"));
        assert!(!mentioned("a pdf file", "df"));
        assert!(mentioned("استقلال لازواد", "ازواد"));
        assert!(mentioned("وجاو", "جاو"));
        assert!(!mentioned("مجاوره", "جاو"));
        assert!(mentioned("mnla", "mnla"));
        assert!(!contains_words("mnla", "", true));
    }

    #[test]
    fn a_one_letter_prefix_comes_off_a_word_that_keeps_two_letters() {
        assert_eq!(without_prefix("وغاو").as_deref(), Some("غاو"));
        assert_eq!(without_prefix("غاو"), None);
        assert_eq!(without_prefix("وب"), None);
    }

    #[test]
    fn words_stand_in_a_text_at_word_boundaries() {
        assert!(contains_words(
            "قوات الحركة الوطنية",
            "الحركة الوطنية",
            false
        ));
        assert!(contains_words("سيطرت على وجاو", "جاو", true));
        assert!(!contains_words("سيطرت على وجاو", "جاو", false));
        assert!(!contains_words("gaol", "gao", true));
    }

    #[test]
    fn a_part_is_held_from_a_word_start_or_inside_a_word() {
        assert_eq!(holds("region de tombouctou", "tomb"), Some(true));
        assert_eq!(holds("region de tombouctou", "bouct"), Some(false));
        assert_eq!(holds("gao", "kidal"), None);
    }

    #[test]
    fn a_query_covers_the_share_of_the_name_it_spells() {
        assert_eq!(word_coverage("gao region", "region"), Some(0.6));
        assert_eq!(word_coverage("gao region", "gao region"), Some(1.0));
        assert_eq!(word_coverage("gao region", "ao"), None);
    }
}
