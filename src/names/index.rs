//! Resolving what a user types to an entity: ids, names and aliases in any script.

// foldhash: a search gathers its matches by entity, hashed faster than by std's SipHash.
use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;

use super::matcher::{Hit, KeyStore, Reach, search_reaching};
use super::nearest::Nearest;
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

/// True when `query` is longer than any name may be: it matches nothing, and no time is spent
/// folding it or comparing it with names.
pub fn too_long(query: &str) -> bool {
    query.len() > MAX_NAME_CHARS && query.chars().count() > MAX_NAME_CHARS
}

/// An index of every id, name and alias of a graph's entities, by matching key.
///
/// Every key, name and label lies in one string (`text`), so that a name costs the index its
/// bytes and one entry, not three strings and a map entry of their own: at L (100k entities,
/// half a million names) the difference is about 75 bytes per relation of the loaded graph
/// (`cargo bench --bench memory`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NameIndex {
    /// The keys, names as written and labels, one after the other.
    text: String,
    /// Every (key, entity, name), in entity order: a name's slot is its place here.
    names: Vec<IndexedName>,
    /// The slots of `names` ordered by key, then slot: an exact lookup is a binary search.
    by_key: Vec<u32>,
    /// Where each entity's display label `id (name)` lies in `text`, by entity index.
    labels: Vec<Span>,
}

/// A name of the index: its key, then the name as written, at `start` in the index's text.
#[derive(Debug, Clone, Copy, PartialEq)]
struct IndexedName {
    /// Where the key begins in the text; the name follows it.
    start: usize,
    /// The key's length in bytes.
    key_len: u32,
    /// The name's length in bytes.
    name_len: u32,
    /// The entity it names (an index into the graph's entities).
    entity: u32,
}

/// Where a text lies in the index's text: its start and length.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Span {
    /// Where it begins.
    start: usize,
    /// Its length in bytes.
    len: usize,
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
        let names = keyed.iter().map(|(_, names)| names.len()).sum();
        let bytes = keyed.iter().map(|(label, names)| {
            label.len() + names.iter().map(|(k, n)| k.len() + n.len()).sum::<usize>()
        });
        let mut index = NameIndex {
            text: String::with_capacity(bytes.sum()),
            names: Vec::with_capacity(names),
            by_key: Vec::new(),
            labels: Vec::with_capacity(keyed.len()),
        };
        for (i, (label, names)) in keyed.into_iter().enumerate() {
            for (k, name) in names {
                index.names.push(IndexedName {
                    start: index.text.len(),
                    key_len: len32(&k),
                    name_len: len32(name),
                    entity: i as u32,
                });
                index.text.push_str(&k);
                index.text.push_str(name);
            }
            let start = index.text.len();
            index.text.push_str(&label);
            index.labels.push(Span {
                start,
                len: label.len(),
            });
        }
        let mut by_key: Vec<u32> = (0..index.names.len() as u32).collect();
        by_key.par_sort_unstable_by(|&a, &b| {
            let key = |slot: u32| index.key(index.names[slot as usize]);
            key(a).cmp(key(b)).then(a.cmp(&b))
        });
        index.by_key = by_key;
        index
    }

    /// The key of `name`.
    fn key(&self, name: IndexedName) -> &str {
        &self.text[name.start..name.start + name.key_len as usize]
    }

    /// `name` as written.
    fn written(&self, name: IndexedName) -> &str {
        let start = name.start + name.key_len as usize;
        &self.text[start..start + name.name_len as usize]
    }

    /// The display label of entity `i`.
    fn label(&self, i: usize) -> &str {
        let Span { start, len } = self.labels[i];
        &self.text[start..start + len]
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
        let Ok(()) = search_reaching(&mut store, query, reach, &mut |slot, hit, _| {
            let indexed = self.names[slot];
            let name = self.written(indexed);
            let score = score(hit, || normalize(name) != exact);
            let entity = indexed.entity as usize;
            let offered = best.entry(entity).or_insert(NameMatch {
                entity: EntityIx::new(entity),
                score: 0.0,
                matched: String::new(),
            });
            if score > offered.score {
                offered.score = score;
                offered.matched = name.to_owned();
            }
        });
        ranked(best.into_values().collect(), |i| self.label(i))
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
                    .map(|m| self.label(m.entity.index()).to_owned())
                    .collect(),
            }),
        }
    }

    /// Up to `limit` labels of the entities whose names are nearest to `query` by edit
    /// distance on the normalised forms.
    ///
    /// The one rule of "did you mean" ([`Nearest`]) over every name of the index.
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<String> {
        let Some(mut nearest) = Nearest::new(query, limit) else {
            return Vec::new();
        };
        for &name in &self.names {
            nearest.offer(self.key(name), name.entity as usize);
        }
        nearest.ranked(|e| self.label(e).to_owned())
    }
}

/// The score of a name that `hit` says matched a query: 1.0 for an exact match, 0.95 when
/// the name is the query's key but differs from the query beyond case, accents and spacing
/// (`differs`: by an article only), 0.9 through a one-letter prefix; names holding the
/// query's words 0.5 to 0.9, its key from a word's start 0.3 to 0.5, inside a word 0.1 to
/// 0.3, by how much of the name it covers.
fn score(hit: Hit, differs: impl FnOnce() -> bool) -> f64 {
    match hit {
        Hit::Exact(1.0) if differs() => 0.95,
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
    }
}

/// `matches` best first, ties by the label of their entity (`label`, by entity index): the
/// order of [`NameIndex::search`] and of every list of matches.
pub(crate) fn ranked<'a>(
    mut matches: Vec<NameMatch>,
    label: impl Fn(usize) -> &'a str,
) -> Vec<NameMatch> {
    matches.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| label(a.entity.index()).cmp(label(b.entity.index())))
    });
    matches
}

/// Sorts `matches` as [`ranked`] orders them, given each match's score and its entity's
/// place in the order of the labels (`of`, as [`label_ranks`] gives the place): the same
/// order, without reading a label (the cache stores every entity's place). `matches` are
/// anything that has a score and an entity; equals keep their order.
pub(crate) fn ranked_by<T>(matches: &mut [T], of: impl Fn(&T) -> (f64, u32)) {
    matches.sort_by(|a, b| {
        let ((a_score, a), (b_score, b)) = (of(a), of(b));
        (b_score.total_cmp(&a_score)).then_with(|| a.cmp(&b))
    });
}

/// Each label's place in the order of `labels` (0 the first), by its index: what
/// `ranked` breaks ties by, and what the cache stores for every entity's label ([`label`]).
/// Equal labels share the place of the first.
pub fn label_ranks(labels: &[String]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..labels.len() as u32).collect();
    order.sort_by(|&a, &b| labels[a as usize].cmp(&labels[b as usize]));
    let mut ranks = vec![0; labels.len()];
    let mut place = 0;
    for (at, &i) in order.iter().enumerate() {
        if at == 0 || labels[i as usize] != labels[order[at - 1] as usize] {
            place = at as u32;
        }
        ranks[i as usize] = place;
    }
    ranks
}

/// What [`NameIndex::search`] gives `entity` for `query`, its score and the name that earns
/// it, from the keys of its names that the one matcher hit within [`Reach::Parts`] (`hits`,
/// each with how it matched, as [`search_reaching`] reports them over any store of the
/// entity's names, such as the cache's keys, and the position of the first of the entity's
/// names whose key it is, as [`positioned_keys`] gives it), as [`best_hit`] finds it. `None`
/// when `hits` is empty or holds a position past its names.
pub(crate) fn best_match(
    entity: &Entity,
    query: &str,
    hits: &[(Hit, usize)],
) -> Option<(f64, String)> {
    match best_hit(hits)? {
        Best::Exact => {
            let found = NameIndex::new(std::slice::from_ref(entity)).search(query);
            found.into_iter().next().map(|m| (m.score, m.matched))
        }
        Best::At { score, position } => Some((score, name_at(entity, position)?.to_owned())),
    }
}

/// How an entity's best match is found from its `hits` ([`best_match`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Best {
    /// A hit is exact: the score depends on the name as written, so the entity's names are
    /// scored all over again.
    Exact,
    /// No hit is exact: a score depends on the key alone. The best `score`, and the
    /// `position` of the first of the entity's names (id, names, aliases) whose key earns
    /// it: the hit of that score with the lowest position. No name is folded.
    At {
        /// The best score of a hit.
        score: f64,
        /// The lowest position of a hit of that score ([`positioned_keys`]).
        position: usize,
    },
}

/// How the best match of an entity whose keys the one matcher hit (`hits`, as
/// [`best_match`] takes them) is found; `None` when `hits` is empty.
pub(crate) fn best_hit(hits: &[(Hit, usize)]) -> Option<Best> {
    if hits.iter().any(|(hit, _)| matches!(hit, Hit::Exact(_))) {
        return Some(Best::Exact);
    }
    let scored = hits.iter().map(|&(hit, at)| (score(hit, || false), at));
    let best = scored.clone().map(|(s, _)| s).reduce(f64::max)?;
    let first = scored.filter(|&(s, _)| s == best).map(|(_, at)| at).min()?;
    Some(Best::At {
        score: best,
        position: first,
    })
}

/// An entity's names as the matcher numbers them: its id, then its names and aliases in the
/// order of [`Entity::all_names`].
fn numbered_names(entity: &Entity) -> impl Iterator<Item = &str> {
    let aliases = entity.aliases.iter().map(String::as_str);
    numbered(entity.id.as_str(), entity.names.by_lang(), aliases)
}

/// The names of an entity whose id is `id`, names `names` ([`crate::model::Names::by_lang`])
/// and aliases `aliases`, as the matcher numbers them (0 the id, then the names present,
/// English, Arabic, French, then the aliases): for an entity read in place (a cache's
/// record) what [`numbered_names`] gives for an [`Entity`].
pub(crate) fn numbered<'a>(
    id: &'a str,
    names: [Option<&'a str>; 3],
    aliases: impl Iterator<Item = &'a str>,
) -> impl Iterator<Item = &'a str> {
    std::iter::once(id)
        .chain(names.into_iter().flatten())
        .chain(aliases)
}

/// The name of `entity` at `position` ([`positioned_keys`]), if it has one there.
pub(crate) fn name_at(entity: &Entity, position: usize) -> Option<&str> {
    numbered_names(entity).nth(position)
}

/// The matching keys of an entity's id, names and aliases (empty keys left out), each with
/// its name's position (0 the id, then the names and aliases in the order of
/// [`Entity::all_names`]): what the cache stores with its keys, each key with the first
/// position that has it, so that `best_match` finds the name a key matched without folding
/// any name.
pub fn positioned_keys(entity: &Entity) -> impl Iterator<Item = (String, usize)> {
    (numbered_names(entity).map(key).enumerate())
        .filter(|(_, k)| !k.is_empty())
        .map(|(position, k)| (k, position))
}

/// The in-memory index is a store of keys for the one matcher: a name's slot is its place in
/// `names`.
impl KeyStore for &NameIndex {
    type Slot = usize;
    type Error = std::convert::Infallible;

    fn with_key(&mut self, key: &str, found: &mut dyn FnMut(usize)) -> Result<(), Self::Error> {
        let first = self
            .by_key
            .partition_point(|&slot| self.key(self.names[slot as usize]) < key);
        let equal = self.by_key[first..].iter().map(|&slot| slot as usize);
        for slot in equal.take_while(|&slot| self.key(self.names[slot]) == key) {
            found(slot);
        }
        Ok(())
    }

    fn every_key(&mut self, found: &mut dyn FnMut(&str, usize)) -> Result<(), Self::Error> {
        for (slot, &name) in self.names.iter().enumerate() {
            found(self.key(name), slot);
        }
        Ok(())
    }
}

/// The length of `text`, a key or name (at most [`MAX_NAME_CHARS`] characters, far below
/// `u32::MAX` bytes).
fn len32(text: &str) -> u32 {
    u32::try_from(text.len()).expect("a name of at most MAX_NAME_CHARS characters")
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
/// (`NameIndex::with_keys`).
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
    fn ranks_of_the_labels_order_matches_as_the_labels_do() {
        let labels: Vec<String> = ["b (B)", "a (A)", "ab (X)", "a (A)", "a-b (Y)"]
            .map(str::to_owned)
            .into();
        assert_eq!(label_ranks(&labels), vec![4, 0, 3, 0, 2]);
        let matches: Vec<NameMatch> = [(0, 0.5), (1, 0.5), (2, 0.9), (3, 0.5), (4, 0.5)]
            .map(|(e, score)| NameMatch {
                entity: EntityIx::new(e),
                score,
                matched: String::new(),
            })
            .into();
        let ranks = label_ranks(&labels);
        let mut by_rank = matches.clone();
        ranked_by(&mut by_rank, |m| (m.score, ranks[m.entity.index()]));
        assert_eq!(by_rank, ranked(matches, |i| &labels[i]));
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
