//! Adding one element (entity, relation or source) to a graph folder.

use std::path::Path;

use serde_json::Value;

use super::{Change, Elements, Part, Rejected, layout, slug, splice, validated};
use crate::load::GraphFiles;
use crate::model::{Entity, Relation, Source};

/// An element to add.
#[derive(Debug, Clone)]
pub enum NewElement {
    /// An entity, for `entities.json`.
    Entity(Entity),
    /// A relation, for `relations.json`.
    Relation(Relation),
    /// A source document, for `sources.json`.
    Source(Source),
}

impl NewElement {
    /// Its id (a source's document name).
    pub fn id(&self) -> &str {
        match self {
            NewElement::Entity(e) => e.id.as_str(),
            NewElement::Relation(r) => r.id.as_str(),
            NewElement::Source(s) => &s.document,
        }
    }
}

/// Adds `new` at the end of its file and validates the whole graph as `check` would.
///
/// Errors with every problem of the graph as it would be (the new element's located in the
/// file as it would be written); the files are then left as they are.
pub fn add(
    before: &GraphFiles,
    elements: &Elements,
    new: NewElement,
    sources_dir: Option<&Path>,
) -> Result<Change, Rejected> {
    let mut after = elements.clone();
    match new {
        NewElement::Entity(e) => after.entities.push(e),
        NewElement::Relation(r) => after.relations.push(r),
        NewElement::Source(s) => after.sources.push(s),
    }
    super::change(before, &after, sources_dir, false)
}

/// Adds one element given as JSON text (as it would stand in its file): a relation when it
/// has a `target`, a source when it has a `sha256`, else an entity. An entity or relation
/// without an `id` gets one proposed from its names (or its ends and kind).
///
/// An element that does not parse is checked as if written by hand at the end of its file,
/// so its problems (unknown field, wrong type, bad date …) are located there exactly as
/// `check` would locate them. Returns the change and the element's id.
pub fn add_json(
    before: &GraphFiles,
    elements: &Elements,
    text: &str,
    sources_dir: Option<&Path>,
) -> Result<(Change, String), Rejected> {
    let value: Option<Value> = serde_json::from_str(text).ok();
    let object = value.as_ref().and_then(Value::as_object);
    let part = match object {
        Some(o) if o.contains_key("target") => Part::Relations,
        Some(o) if o.contains_key("sha256") => Part::Sources,
        _ => Part::Entities,
    };
    let typed = value.clone().and_then(|mut value| {
        if let Some(o) = value.as_object_mut()
            && part != Part::Sources
            && !o.contains_key("id")
        {
            let id = match part {
                Part::Relations => relation_id(elements, o),
                _ => entity_id(elements, o),
            };
            o.insert("id".to_owned(), Value::String(id));
        }
        Some(match part {
            Part::Entities => NewElement::Entity(serde_json::from_value(value).ok()?),
            Part::Relations => NewElement::Relation(serde_json::from_value(value).ok()?),
            Part::Sources => NewElement::Source(serde_json::from_value(value).ok()?),
        })
    });
    if let Some(new) = typed {
        let id = new.id().to_owned();
        return add(before, elements, new, sources_dir).map(|change| (change, id));
    }
    let mut files = elements.files(&before.origin);
    let spliced = |elements: &[u8]| std::borrow::Cow::Owned(splice(elements, text));
    match part {
        Part::Entities => files.entities = spliced(&layout::file(&elements.entities)),
        Part::Relations => files.relations = spliced(&layout::file(&elements.relations)),
        Part::Sources => files.sources = spliced(&layout::file(&elements.sources)),
    }
    // A problem is certain (the element does not parse); the change is never produced.
    validated(before, files, sources_dir, false).map(|change| (change, String::new()))
}

/// An unused entity id from the names of a JSON entity.
fn entity_id(elements: &Elements, o: &serde_json::Map<String, Value>) -> String {
    let names = o.get("names").and_then(Value::as_object);
    let name = ["en", "fr", "ar"]
        .iter()
        .find_map(|lang| names?.get(*lang)?.as_str())
        .unwrap_or("");
    proposed_entity_id(elements, name)
}

/// An unused entity id proposed from `name`.
pub fn proposed_entity_id(elements: &Elements, name: &str) -> String {
    slug::unique(&slug::slug(name), "entity", |id| {
        elements.entities.iter().any(|e| e.id.as_str() == id)
    })
}

/// An unused relation id from the ends and kind of a JSON relation.
fn relation_id(elements: &Elements, o: &serde_json::Map<String, Value>) -> String {
    let text = |key: &str| o.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
    proposed_relation_id(elements, &text("source"), &text("kind"), &text("target"))
}

/// An unused relation id proposed from its ends and kind: `mnla-control-gao`.
pub fn proposed_relation_id(elements: &Elements, source: &str, kind: &str, target: &str) -> String {
    let base = slug::slug(&format!("{source} {kind} {target}"));
    slug::unique(&base, "relation", |id| {
        elements.relations.iter().any(|r| r.id.as_str() == id)
            || elements.entities.iter().any(|e| e.id.as_str() == id)
    })
}
