//! Removing an entity, a relation or a source document from a graph, never leaving a
//! reference to it behind.

use super::Elements;
use crate::model::{EntityId, Relation};

/// What `remove` took out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Removed {
    /// What the id named: `entity`, `relation` or `source`.
    pub what: &'static str,
    /// Relations removed with an entity (`--cascade`).
    pub relations: Vec<String>,
    /// Evidence spans dropped with a source (`--cascade`), as `relation-id: document a..b`.
    pub spans: Vec<String>,
}

/// Why nothing was removed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RemoveError {
    /// No entity, relation or source has this id.
    #[error("no entity, relation or source document has the id {0:?}")]
    Unknown(String),
    /// Other elements refer to it; `--cascade` removes them too.
    #[error(
        "{what} {id:?} is referred to by {}: {}; remove those first, or pass --cascade to remove them with it",
        refs.len(),
        refs.join(", ")
    )]
    Referenced {
        /// What the id names.
        what: &'static str,
        /// The id.
        id: String,
        /// Each reference: `relation-id (field)`.
        refs: Vec<String>,
    },
}

/// The fields of `relation` that name `id`: `source`, `target`, `place`, `claimed_by`,
/// `disputed_by`, `casualties`.
fn fields_naming(relation: &Relation, id: &EntityId) -> Vec<&'static str> {
    let mut fields = Vec::new();
    if &relation.source == id {
        fields.push("source");
    }
    if &relation.target == id {
        fields.push("target");
    }
    if relation.place() == Some(id) {
        fields.push("place");
    }
    if relation.claimed_by().contains(id) {
        fields.push("claimed_by");
    }
    if relation.disputed_by().contains(id) {
        fields.push("disputed_by");
    }
    if relation
        .casualties()
        .iter()
        .any(|c| c.side.as_ref() == Some(id))
    {
        fields.push("casualties");
    }
    fields
}

/// `elements` without the element `id` names. An entity named by relations, or a document
/// cited by evidence, is refused with the list of references, unless `cascade`: then the
/// relations naming the entity go too, and the spans citing the document are dropped.
///
/// ```
/// use actorgraph::edit::{Elements, remove::{remove, RemoveError}};
/// use actorgraph::load::{GraphFiles, load};
/// let graph = load(&GraphFiles::builtin()).unwrap();
/// let elements = Elements::of(&graph);
/// assert!(matches!(remove(&elements, "gao", false), Err(RemoveError::Referenced { .. })));
/// let (after, removed) = remove(&elements, "gao", true).unwrap();
/// assert!(!removed.relations.is_empty());
/// assert_eq!(after.entities.len() + 1, elements.entities.len());
/// ```
pub fn remove(
    elements: &Elements,
    id: &str,
    cascade: bool,
) -> Result<(Elements, Removed), RemoveError> {
    if let Some(i) = elements.relations.iter().position(|r| r.id.as_str() == id) {
        let mut after = elements.clone();
        after.relations.remove(i);
        let removed = Removed {
            what: "relation",
            ..Removed::default()
        };
        return Ok((after, removed));
    }
    if let Some(i) = elements.entities.iter().position(|e| e.id.as_str() == id) {
        return remove_entity(elements, i, cascade);
    }
    if let Some(i) = elements.sources.iter().position(|s| s.document == id) {
        return remove_source(elements, i, cascade);
    }
    Err(RemoveError::Unknown(id.to_owned()))
}

/// `elements` without entity `i`, and with the relations naming it when `cascade`.
fn remove_entity(
    elements: &Elements,
    i: usize,
    cascade: bool,
) -> Result<(Elements, Removed), RemoveError> {
    let entity = &elements.entities[i].id;
    let refs: Vec<String> = elements
        .relations
        .iter()
        .filter_map(|r| {
            let fields = fields_naming(r, entity);
            (!fields.is_empty()).then(|| format!("{} ({})", r.id, fields.join(", ")))
        })
        .collect();
    if !refs.is_empty() && !cascade {
        return Err(RemoveError::Referenced {
            what: "entity",
            id: entity.to_string(),
            refs,
        });
    }
    let mut after = elements.clone();
    after.entities.remove(i);
    let mut removed = Removed {
        what: "entity",
        ..Removed::default()
    };
    after.relations.retain(|r| {
        let keep = fields_naming(r, entity).is_empty();
        if !keep {
            removed.relations.push(r.id.to_string());
        }
        keep
    });
    Ok((after, removed))
}

/// `elements` without source document `i`, and with the evidence spans citing it dropped
/// when `cascade`.
fn remove_source(
    elements: &Elements,
    i: usize,
    cascade: bool,
) -> Result<(Elements, Removed), RemoveError> {
    let document = &*elements.sources[i].document;
    let mut spans = Vec::new();
    for r in &elements.relations {
        for e in r.evidence().iter().filter(|e| &*e.document == document) {
            spans.push(format!(
                "{}: {} {}..{}",
                r.id,
                e.document,
                e.start_byte(),
                e.end_byte()
            ));
        }
    }
    if !spans.is_empty() && !cascade {
        return Err(RemoveError::Referenced {
            what: "source",
            id: document.to_owned(),
            refs: spans,
        });
    }
    let mut after = elements.clone();
    after.sources.remove(i);
    for r in &mut after.relations {
        if r.evidence().iter().any(|e| &*e.document == document) {
            let kept = r.evidence().iter().filter(|e| &*e.document != document);
            r.set_evidence(kept.cloned().collect());
        }
    }
    let removed = Removed {
        what: "source",
        spans,
        ..Removed::default()
    };
    Ok((after, removed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{GraphFiles, load};

    #[test]
    fn a_source_goes_with_its_spans_only_when_asked_and_the_other_spans_stay() {
        let graph = load(&GraphFiles::builtin()).unwrap();
        let elements = Elements::of(&graph);
        let document = elements.sources[0].document.to_string();
        let cites = |r: &Relation| r.evidence().iter().any(|e| *e.document == document);
        let citing = elements.relations.iter().filter(|r| cites(r)).count();
        assert!(citing > 0, "the first source is cited");
        let refused = remove(&elements, &document, false).unwrap_err();
        assert!(matches!(
            refused,
            RemoveError::Referenced { what: "source", .. }
        ));
        let (after, removed) = remove(&elements, &document, true).unwrap();
        assert!(after.sources.iter().all(|s| *s.document != document));
        assert!(!after.relations.iter().any(cites));
        let spans = |elements: &Elements| -> usize {
            elements.relations.iter().map(|r| r.evidence().len()).sum()
        };
        assert_eq!(spans(&after) + removed.spans.len(), spans(&elements));
        for (before, after) in elements.relations.iter().zip(&after.relations) {
            let kept = before.evidence().iter().filter(|e| *e.document != document);
            assert!(after.evidence().iter().eq(kept), "{}", before.id);
            assert_eq!(after.summary(), before.summary());
        }
    }
}
