//! The cache's trigram section (`cache::grams`): `find` through it lists what the whole
//! graph's name index lists, for any name and any part of one, and a damaged, truncated or
//! older section is refused.

use std::collections::HashSet;
use std::fs;

use proptest::prelude::*;

use crate::common::{find_once, run};
use crate::scoped_cache::indexed_chain;
use actorgraph::cache::{self, CacheError};
use actorgraph::load::{GraphFiles, load};
use actorgraph::names::{NameError, NameMatch, key};
use actorgraph::{Entity, Graph};

/// What `find` lists from `graph` for `text`: each entity's id, score and name matched.
fn listed(graph: &Graph, text: &str) -> Vec<String> {
    rows(graph.entities(), &graph.names().search(text))
}

/// Each entity of `found` (matches among `entities`) as `find` lists it: its id, score and
/// name matched.
fn rows(entities: &[Entity], found: &[NameMatch]) -> Vec<String> {
    let rows = found.iter().map(|m| {
        let id = &entities[m.entity.index()].id;
        format!("{id} {} {}", m.score, m.matched)
    });
    rows.collect()
}

/// Each entity `find` lists from the cache (`found`), as [`rows`] gives it.
fn found_rows(found: &cache::scoped::Found) -> Vec<String> {
    let rows = found.rows().unwrap();
    let rows = rows.iter().map(|row| {
        let row = row.unwrap();
        format!("{} {} {}", row.entity.id, row.score, row.matched)
    });
    rows.collect()
}

/// A folder holding a graph of entities named `names` (an English and an Arabic name each;
/// with `aliases`, also a variant of each, a letter changed, as aliases: an entity's keys
/// then lie apart in the sorted keys, several of them near one query), without relations,
/// and its cache; with the graph loaded whole. A name whose key is another name's is left
/// out (a name identifies one entity).
fn indexed_graph(names: &[(String, String)], aliases: bool) -> (tempfile::TempDir, Graph) {
    let variant = |name: &str, letter: char| -> String {
        let mut chars: Vec<char> = name.chars().collect();
        let at = chars.len() / 2;
        chars[at] = letter;
        chars.into_iter().collect()
    };
    let mut taken = HashSet::new();
    let entities: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(i, (en, ar))| {
            let mut named = serde_json::Map::new();
            for (language, name) in [("en", en), ("ar", ar)] {
                if taken.insert(key(name)) {
                    named.insert(language.into(), name.as_str().into());
                }
            }
            let variants = match aliases {
                true => vec![variant(en, 'x'), variant(ar, 'ي')],
                false => Vec::new(),
            };
            let aliases: Vec<String> = variants
                .into_iter()
                .filter(|alias| taken.insert(key(alias)))
                .collect();
            serde_json::json!({
                "id": format!("e-{i}"), "kind": "armed_group", "names": named,
                "aliases": aliases, "description": "",
            })
        })
        .collect();
    indexed(&entities)
}

/// A graph directory holding `entities` (a JSON array), no relation and no source, and its
/// cache; with the graph loaded whole.
fn indexed(entities: &impl serde::Serialize) -> (tempfile::TempDir, Graph) {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: Vec<u8>| fs::write(dir.path().join(name), bytes).unwrap();
    write("entities.json", serde_json::to_vec(entities).unwrap());
    write("relations.json", b"[]".to_vec());
    write("sources.json", b"[]".to_vec());
    cache::index(dir.path()).unwrap().1.unwrap();
    let whole = load(&GraphFiles::read_dir(dir.path()).unwrap()).unwrap();
    (dir, whole)
}

/// A name of one to three words over a small alphabet, so that names share many trigrams:
/// Latin letters with an accent and a capital, or Arabic letters with the one-letter prefixes
/// (و ب ل ف ك) and the article.
fn name(letters: &'static str) -> impl Strategy<Value = String> {
    let word = prop::collection::vec(
        prop::sample::select(letters.chars().collect::<Vec<_>>()),
        1..7,
    )
    .prop_map(|chars| chars.into_iter().collect::<String>());
    prop::collection::vec(word, 1..4).prop_map(|words| words.join(" "))
}

/// Names, and for each of some of them a part to search: a slice of its characters
/// (a whole name, a word, a part of a word, a one-letter prefix, spaces included), sometimes
/// with a one-letter Arabic prefix added.
fn names_and_parts() -> impl Strategy<Value = (Vec<(String, String)>, Vec<String>)> {
    let pair = (name("abkalréT"), name("وبلفكالحمد"));
    prop::collection::vec(pair, 1..25).prop_flat_map(|names| {
        let n = names.len();
        let part = (0..n, any::<bool>(), 0usize..8, 1usize..12, any::<bool>());
        let parts = prop::collection::vec(part, 1..12);
        (Just(names), parts).prop_map(|(names, parts)| {
            let parts = parts
                .into_iter()
                .map(|(i, arabic, from, len, prefixed)| {
                    let chars: Vec<char> = if arabic { &names[i].1 } else { &names[i].0 }
                        .chars()
                        .collect();
                    let from = from.min(chars.len() - 1);
                    let to = (from + len).min(chars.len());
                    let part: String = chars[from..to].iter().collect();
                    if prefixed { format!("و{part}") } else { part }
                })
                .collect();
            (names, parts)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// For random names (with or without aliases, so that an entity has several keys) and
    /// random parts of them, the cache's `holding` read, through the trigram section, gives
    /// the entities the whole graph lists, in its order, with the same scores and names
    /// matched, and finds nothing exactly when the whole graph finds nothing.
    #[test]
    fn find_through_the_trigrams_lists_what_the_whole_graph_lists(
        (names, parts) in names_and_parts(),
        aliases in any::<bool>(),
    ) {
        let (dir, whole) = indexed_graph(&names, aliases);
        for part in &parts {
            let expected = listed(&whole, part);
            match cache::scoped::holding(dir.path(), part).unwrap() {
                Ok(found) => prop_assert_eq!(found_rows(&found), expected, "{:?}", part),
                Err(_) => prop_assert!(expected.is_empty(), "{:?}: {:?}", part, expected),
            }
        }
    }
}

/// An entity whose names share a key (a name, the same in other case and accents, an alias
/// spelt with a hyphen) lists, through the cache's name positions, the first of them, as the
/// whole graph does; and entities tied on their score come in the order of their labels.
#[test]
fn a_key_shared_by_names_lists_the_first_of_them() {
    let entities = serde_json::json!([
        {"id": "zz-ville", "kind": "city", "names": {"en": "Gao Ville", "fr": "GAO VILLÉ"},
         "aliases": ["gao-ville", "Ville Haute"], "description": ""},
        {"id": "aa-ville", "kind": "city", "names": {"fr": "Ville Basse"},
         "aliases": ["ville basse", "ville"], "description": ""},
        {"id": "mm-ville", "kind": "city", "names": {"en": "Ville Neuve"}, "description": ""},
    ]);
    let (dir, whole) = indexed(&entities);
    for text in ["ville", "gao ville", "vill", "ille", "basse", "ao v", "zz"] {
        let found = cache::scoped::holding(dir.path(), text).unwrap().unwrap();
        assert_eq!(found_rows(&found), listed(&whole, text), "{text}");
    }
}

/// Where the lookup section of the cache of a `chain` of `n` actors starts: its counts of
/// entities and relations; the trigram section ends there.
fn lookup_section(bytes: &[u8], n: usize) -> usize {
    let mut start = (n as u64).to_le_bytes().to_vec();
    start.extend(((n - 1) as u64).to_le_bytes());
    find_once(bytes, &start, "the lookup section")
}

#[test]
fn a_damaged_truncated_or_stale_trigram_section_is_refused() {
    let n = 3000;
    let (dir, file, original) = indexed_chain(n);
    let holding = |text: &str| cache::scoped::holding(dir.path(), text).map(|f| f.unwrap());
    // Every key holds `tor`, the last trigram: its postings, every key's position, lie at the
    // end of the section, in blocks of their own.
    assert_eq!(holding("tor").unwrap().len(), n);
    assert_eq!(holding("ctor 150").unwrap().len(), 11);

    // A posting of `tor` altered, as a damaged disk would: its block's checksum refuses it.
    let end = lookup_section(&original, n);
    let mut bytes = original.clone();
    bytes[end - 4 * (n / 2)] ^= 1;
    fs::write(&file, &bytes).unwrap();
    let err = holding("tor").unwrap_err();
    assert!(
        err.to_string().contains("checksum mismatch in block"),
        "{err}"
    );
    // The command line falls back to the whole load, which reports and rebuilds the cache.
    let path = dir.path().to_str().unwrap();
    let out = run(&["find", "ctor 150", "--data", path]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("checksum mismatch in block") && stderr.contains("rebuilt it"),
        "{stderr}"
    );
    assert_eq!(holding("ctor 150").unwrap().len(), 11);

    let original = fs::read(&file).unwrap();
    fs::write(&file, &original[..original.len() - 1]).unwrap();
    let err = holding("tor").unwrap_err();
    assert!(err.to_string().contains("truncated or padded"), "{err}");

    // A cache of the format before the trigram section (8) is stale, not misread.
    let mut bytes = original.clone();
    let at = b"actorgraph-cache".len();
    assert_eq!(bytes[at..at + 4], cache::FORMAT_VERSION.to_le_bytes());
    bytes[at..at + 4].copy_from_slice(&8u32.to_le_bytes());
    fs::write(&file, &bytes).unwrap();
    let err = holding("tor").unwrap_err();
    assert!(matches!(err, CacheError::Stale(_)), "{err}");
}

/// Names, and queries made from some of them by a typo: a letter changed, dropped or added,
/// or two neighbouring letters swapped (a transposition, which Jaro–Winkler forgives), in
/// the Latin or the Arabic name.
fn names_and_typos() -> impl Strategy<Value = (Vec<(String, String)>, Vec<String>)> {
    let pair = (name("abkalréT"), name("وبلفكالحمد"));
    prop::collection::vec(pair, 1..30).prop_flat_map(|names| {
        let n = names.len();
        let typo = (
            0..n,
            any::<bool>(),
            0usize..4,
            0usize..12,
            any::<prop::sample::Index>(),
        );
        let typos = prop::collection::vec(typo, 1..8);
        (Just(names), typos).prop_map(|(names, typos)| {
            let typos = typos
                .into_iter()
                .map(|(i, arabic, how, at, letter)| {
                    let (name, letters) = if arabic {
                        (&names[i].1, "وبلفكالحمدي")
                    } else {
                        (&names[i].0, "abkalréTxz")
                    };
                    let mut chars: Vec<char> = name.chars().collect();
                    let letters: Vec<char> = letters.chars().collect();
                    let letter = *letter.get(&letters);
                    let at = at % chars.len();
                    match how {
                        0 => chars[at] = letter,
                        1 if chars.len() > 1 => {
                            chars.remove(at);
                        }
                        2 => chars.insert(at, letter),
                        _ if at + 1 < chars.len() => chars.swap(at, at + 1),
                        _ => chars.push(letter),
                    }
                    chars.into_iter().collect()
                })
                .collect();
            (names, typos)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// For random names (Latin and Arabic, each with a near alias) and typos of them, the
    /// suggestions read from the cache's keys on every core, in chunks merged afterwards, are
    /// the whole graph's name index's, read one name after the other: the same entities, in
    /// the same order, ties ranked alike.
    #[test]
    fn did_you_mean_through_the_cache_suggests_what_the_whole_graph_suggests(
        (names, typos) in names_and_typos()
    ) {
        let (dir, whole) = indexed_graph(&names, true);
        for typo in &typos {
            let expected = whole.names().suggest(typo, 3);
            match cache::scoped::unknown(dir.path(), typo).unwrap() {
                NameError::Unknown { suggestions, .. } => {
                    prop_assert_eq!(suggestions, expected, "{:?}", typo)
                }
                other => prop_assert!(false, "{:?}: {:?}", typo, other),
            }
        }
    }
}
