//! The `names` target: name normalisation and resolution on any text.

use std::sync::OnceLock;

use actorgraph::Graph;
use actorgraph::load::{GraphFiles, load};
use actorgraph::names::{NameError, key, normalize};
use unicode_normalization::char::is_combining_mark;

use super::utf8_prefix;

/// The built-in graph, loaded once.
fn builtin() -> &'static Graph {
    static GRAPH: OnceLock<Graph> = OnceLock::new();
    GRAPH.get_or_init(|| load(&GraphFiles::builtin()).expect("the built-in graph loads"))
}

/// Normalises the text of `data` and resolves it against the built-in graph.
///
/// `normalize` is idempotent and gives words separated by single spaces, without combining
/// marks; `key` of the text and of its normal form agree. `find`, `resolve` and `suggest` never
/// panic; matches name real entities through one of their names or their id, with scores in
/// (0, 1] best first; `resolve` succeeds exactly when one entity is best, is ambiguous when
/// several are and unknown when none matches; and since resolution reads only the normal form,
/// the text and its normal form find the same entities.
pub fn names(data: &[u8]) {
    let text = utf8_prefix(data);
    let normal = normalize(text);
    assert_eq!(
        normalize(&normal),
        normal,
        "normalize is not idempotent on {text:?}"
    );
    assert!(
        !normal.starts_with(' ') && !normal.ends_with(' ') && !normal.contains("  "),
        "{normal:?}"
    );
    assert!(!normal.chars().any(is_combining_mark), "{normal:?}");
    let k = key(text);
    assert_eq!(key(&normal), k, "{text:?}");

    let graph = builtin();
    let index = graph.names();
    let found = index.find(text);
    for m in &found {
        let entity = graph
            .entities()
            .get(m.entity.index())
            .unwrap_or_else(|| panic!("match of a missing entity: {m:?}"));
        assert!(m.score > 0.0 && m.score <= 1.0, "{m:?}");
        assert!(
            entity.id.as_str() == m.matched || entity.all_names().any(|n| n == m.matched),
            "{m:?} is not a name of {}",
            entity.id
        );
    }
    assert!(
        found.windows(2).all(|w| w[0].score >= w[1].score),
        "{found:?}"
    );
    assert_eq!(index.find(&normal), found, "{text:?} and {normal:?}");

    match graph.resolve(text) {
        Ok(e) => assert!(found.iter().any(|m| m.entity == e), "{text:?}"),
        // `suggest` ran: resolution suggests when nothing matches.
        Err(NameError::Unknown { suggestions, .. }) => {
            assert!(found.is_empty(), "{text:?}: {found:?}");
            assert!(suggestions.len() <= 3);
        }
        Err(NameError::Ambiguous { candidates, .. }) => {
            assert!(candidates.len() >= 2 && candidates.len() <= found.len());
            assert!(index.suggest(text, 3).len() <= 3);
        }
        // Over the length of any name: nothing is found or suggested.
        Err(NameError::TooLong { chars }) => {
            assert!(chars > actorgraph::load::limits::MAX_NAME_CHARS, "{text:?}");
            assert!(found.is_empty() && index.suggest(text, 3).is_empty());
        }
    }
}
