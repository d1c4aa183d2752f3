//! Resolving what a user types to an entity: ids, names and aliases in any script.

// foldhash: a hundred thousand keys hashed at load, where std's SipHash is slower.
use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;

use super::matcher::{Hit, KeyStore, search};
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
        "; `actorgraph find TEXT` lists actors".to_owned()
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
#[derive(Debug, Clone, Default)]
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
        let keyed: Vec<(String, Vec<(String, &str)>)> = entities
            .par_iter()
            .with_min_len(256)
            .map(|entity| {
                let label = format!("{} ({})", entity.id, entity.display_name());
                (label, keyed_names(entity).collect())
            })
            .collect();
        let mut index = NameIndex {
            by_key: HashMap::with_capacity(entities.len() * 3),
            names: Vec::with_capacity(entities.len() * 3),
            labels: Vec::with_capacity(entities.len()),
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
        let mut best: HashMap<usize, NameMatch> = HashMap::new();
        let exact = normalize(query);
        let mut store = self;
        let Ok(()) = search(&mut store, query, &mut |slot, hit| {
            let (_, entity, name) = &self.names[slot];
            let score = match hit {
                // Equal up to the article only.
                Hit::Exact(1.0) if normalize(name) != exact => 0.95,
                Hit::Exact(score) => score,
                Hit::Partial(coverage) => MATCH + 0.4 * coverage,
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
        if too_long(query) {
            return Vec::new();
        }
        let k = key(query);
        let length = k.chars().count();
        let mut scored: HashMap<usize, f64> = HashMap::new();
        for (name_key, entity, _) in &self.names {
            // Keys are mostly ASCII or two-byte Arabic: bytes bound characters well enough
            // to skip a name without counting.
            if name_key.len() > SUGGEST_LENGTH_RATIO * 4 * length.max(1) {
                continue;
            }
            let chars = name_key.chars().count();
            if chars > SUGGEST_LENGTH_RATIO * length.max(1) || length > SUGGEST_LENGTH_RATIO * chars
            {
                continue;
            }
            let similarity = strsim::normalized_levenshtein(name_key, &k)
                .max(strsim::jaro_winkler(name_key, &k) - 0.15);
            let slot = scored.entry(*entity).or_insert(0.0);
            *slot = slot.max(similarity);
        }
        let mut ranked: Vec<(usize, f64)> =
            scored.into_iter().filter(|(_, s)| *s >= SUGGEST).collect();
        ranked.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| self.labels[a.0].cmp(&self.labels[b.0]))
        });
        ranked
            .into_iter()
            .take(limit)
            .map(|(e, _)| self.labels[e].clone())
            .collect()
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

/// The matching keys of an entity's id, names and aliases (empty keys left out), each with
/// the name as written.
pub fn keyed_names(entity: &Entity) -> impl Iterator<Item = (String, &str)> {
    std::iter::once(entity.id.as_str())
        .chain(entity.all_names())
        .map(|name| (key(name), name))
        .filter(|(k, _)| !k.is_empty())
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
    fn unknown_names_get_suggestions() {
        let err = index().resolve("Menakka").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown actor \"Menakka\"; did you mean menaka (Ménaka)?"
        );
        let err = index().resolve("zzzzqq").unwrap_err();
        assert!(
            err.to_string()
                .ends_with("`actorgraph find TEXT` lists actors")
        );
    }
}
