//! Merging two graphs into one: entities with the same id or a shared name become one (names
//! and aliases unioned), relations keep all their evidence, and fields that disagree are
//! reported, never overwritten.

use std::collections::HashMap;
use std::fmt;

use super::Elements;
use crate::model::{Entity, EntityId, Relation, Source};
use crate::names;

/// A field on which the two graphs disagree; the first graph's value is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// `entity "gao"`, `relation "mnla-control-gao"`, `source "000.txt"`.
    pub element: String,
    /// The field (`kind`, `names.en`, `description` …).
    pub field: &'static str,
    /// The first graph's value, kept.
    pub kept: String,
    /// The second graph's value, left out.
    pub other: String,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: kept {:?} from the first graph, not {:?} from the second",
            self.element, self.field, self.kept, self.other
        )
    }
}

/// What merging gave: the elements and every conflict.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merged graph's elements: the first graph's, in order, then what only the second has.
    pub elements: Elements,
    /// Every field the two disagree on.
    pub conflicts: Vec<Conflict>,
    /// Entities of the second graph merged into one of the first under another id,
    /// as (second's id, first's id).
    pub renamed: Vec<(String, String)>,
}

/// Merges `b` into `a`. Merging a graph with itself gives the graph.
///
/// An entity of `b` is the entity of `a` with its id, else the one that has one of its names
/// (up to [`names::key`]); its names fill `a`'s missing languages, its other names and
/// aliases join `a`'s aliases; a different kind, description, lifetime or name in a language
/// both give is a conflict. `b`'s relations name the merged entities; one with the id of a
/// relation of `a` adds its evidence spans to it (a different field is a conflict). A source
/// both list with different hashes is a conflict. The result still has to be validated.
pub fn merge(a: &Elements, b: &Elements) -> Merged {
    let mut merger = Merger::new(a.clone());
    for entity in &b.entities {
        merger.entity(entity);
    }
    let relation_at: HashMap<String, usize> = merger
        .out
        .relations
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.to_string(), i))
        .collect();
    for relation in &b.relations {
        let renamed = merger.renamed_ends(relation);
        match relation_at.get(renamed.id.as_str()) {
            Some(&i) => merger.same_relation(i, renamed),
            None => merger.out.relations.push(renamed),
        }
    }
    for source in &b.sources {
        merger.source(source);
    }
    Merged {
        elements: merger.out,
        conflicts: merger.conflicts,
        renamed: merger.renamed,
    }
}

/// The merge under way: the first graph's elements growing with the second's, and how to find
/// the entity an element of the second graph is.
struct Merger {
    out: Elements,
    conflicts: Vec<Conflict>,
    renamed: Vec<(String, String)>,
    /// Entity positions in `out` by id, and by the key of every name.
    by_id: HashMap<String, usize>,
    by_key: HashMap<String, usize>,
    /// The second graph's ids of entities merged under another id.
    map: HashMap<EntityId, EntityId>,
}

impl Merger {
    fn new(out: Elements) -> Merger {
        let mut merger = Merger {
            out,
            conflicts: Vec::new(),
            renamed: Vec::new(),
            by_id: HashMap::new(),
            by_key: HashMap::new(),
            map: HashMap::new(),
        };
        for i in 0..merger.out.entities.len() {
            merger.index(i);
        }
        merger
    }

    /// Makes the entity at `i` findable by its id and names (the first to hold a key keeps it).
    fn index(&mut self, i: usize) {
        let entity = &self.out.entities[i];
        self.by_id.entry(entity.id.to_string()).or_insert(i);
        for name in entity.all_names() {
            self.by_key.entry(names::key(name)).or_insert(i);
        }
    }

    /// Adds the second graph's `entity`, or merges it into the entity it is.
    fn entity(&mut self, entity: &Entity) {
        let found = self.by_id.get(entity.id.as_str()).copied().or_else(|| {
            entity
                .all_names()
                .find_map(|n| self.by_key.get(&names::key(n)).copied())
        });
        let Some(i) = found else {
            self.out.entities.push(entity.clone());
            self.index(self.out.entities.len() - 1);
            return;
        };
        let kept = &mut self.out.entities[i];
        if kept.id != entity.id {
            self.renamed
                .push((entity.id.to_string(), kept.id.to_string()));
            self.map.insert(entity.id.clone(), kept.id.clone());
        }
        merge_entity(kept, entity, &mut self.conflicts);
    }

    /// `relation` with every entity it names renamed to the merged entity.
    fn renamed_ends(&self, relation: &Relation) -> Relation {
        let rename = |id: &EntityId| self.map.get(id).cloned().unwrap_or_else(|| id.clone());
        let mut r = relation.clone();
        r.source = rename(&r.source);
        r.target = rename(&r.target);
        if let Some(stated) = r.particulars.stated_mut() {
            stated.place = stated.place.as_ref().map(rename);
            stated.claimed_by = stated.claimed_by.iter().map(rename).collect();
            stated.disputed_by = stated.disputed_by.iter().map(rename).collect();
            for c in stated.casualties.iter_mut() {
                c.side = c.side.as_ref().map(rename);
            }
        }
        r
    }

    /// Adds the evidence of `r` to the relation at `i`, which has its id; any other field that
    /// differs is a conflict.
    fn same_relation(&mut self, i: usize, r: Relation) {
        let kept = &mut self.out.relations[i];
        let mut spans = kept.evidence().to_vec();
        for span in r.evidence().iter() {
            if !spans.contains(span) {
                spans.push(span.clone());
            }
        }
        kept.set_evidence(spans);
        let (mut a_fields, mut b_fields) = (kept.clone(), r);
        a_fields.set_evidence(Vec::new());
        b_fields.set_evidence(Vec::new());
        if a_fields != b_fields {
            let show = |r: &Relation| format!("{} {} {} {}", r.source, r.kind, r.target, r.dates());
            self.conflicts.push(Conflict {
                element: format!("relation {:?}", kept.id.as_str()),
                field: "fields other than evidence",
                kept: show(&a_fields),
                other: show(&b_fields),
            });
        }
    }

    /// Adds a source only the second graph lists; one both list with other hashes is a conflict.
    fn source(&mut self, source: &Source) {
        match self
            .out
            .sources
            .iter()
            .find(|s| s.document == source.document)
        {
            None => self.out.sources.push(source.clone()),
            Some(kept) if kept.sha256 != source.sha256 => self.conflicts.push(Conflict {
                element: format!("source {:?}", source.document),
                field: "sha256",
                kept: kept.sha256.clone(),
                other: source.sha256.clone(),
            }),
            Some(_) => {}
        }
    }
}

/// Merges the fields of `entity` into `kept`, the entity of the first graph it is: missing
/// languages and lifetime filled, other names and aliases joined to the aliases, differences
/// in kind, description, lifetime or a name recorded in `conflicts`.
fn merge_entity(kept: &mut Entity, entity: &Entity, conflicts: &mut Vec<Conflict>) {
    let element = format!("entity {:?}", kept.id.as_str());
    let mut conflict = |field, kept: String, other: String| {
        if kept != other {
            conflicts.push(Conflict {
                element: element.clone(),
                field,
                kept,
                other,
            });
        }
    };
    conflict(
        "kind",
        kept.kind.as_str().to_owned(),
        entity.kind.as_str().to_owned(),
    );
    conflict(
        "description",
        kept.description.clone(),
        entity.description.clone(),
    );
    if entity.lifetime.is_some() && kept.lifetime.is_none() {
        kept.lifetime = entity.lifetime.clone();
    } else if entity.lifetime.is_some() {
        conflict(
            "lifetime",
            format!("{:?}", kept.lifetime),
            format!("{:?}", entity.lifetime),
        );
    }
    let mut extra = Vec::new();
    for (field, mine, theirs) in [
        ("names.en", &mut kept.names.en, &entity.names.en),
        ("names.ar", &mut kept.names.ar, &entity.names.ar),
        ("names.fr", &mut kept.names.fr, &entity.names.fr),
    ] {
        match (mine.as_ref(), theirs) {
            (None, Some(t)) => *mine = Some(t.clone()),
            (Some(m), Some(t)) if m != t => {
                conflict(field, m.clone(), t.clone());
                extra.push(t.clone());
            }
            _ => {}
        }
    }
    extra.extend(entity.aliases.iter().cloned());
    for alias in extra {
        if !kept.all_names().any(|n| n == alias) {
            kept.aliases.push(alias);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{GraphFiles, load};

    #[test]
    fn a_graph_merged_with_itself_is_the_graph() {
        let graph = load(&GraphFiles::builtin()).unwrap();
        let elements = Elements::of(&graph);
        let merged = merge(&elements, &elements);
        assert_eq!(merged.elements, elements);
        assert!(merged.conflicts.is_empty());
        assert!(merged.renamed.is_empty());
    }

    #[test]
    fn every_entity_a_relation_names_is_renamed_to_the_merged_one() {
        let entity = |json: &str| serde_json::from_str::<Entity>(json).unwrap();
        let mnla = r#"{"id":"mnla","kind":"armed_group","names":{"en":"MNLA"},"description":""}"#;
        let other =
            r#"{"id":"movement","kind":"armed_group","names":{"en":"MNLA"},"description":""}"#;
        let gao = r#"{"id":"gao","kind":"city","names":{"en":"Gao"},"description":""}"#;
        let relation = r#"{"id":"raid","kind":"attack","source":"movement","target":"gao",
            "claimed_by":["movement"],"disputed_by":["gao","movement"],"place":"movement",
            "casualties":[{"side":"movement","who":"fighters","outcome":"killed"}],
            "summary":"s","evidence":[{"document":"d.txt","start_byte":0,"end_byte":1}]}"#;
        let a = Elements {
            entities: vec![entity(mnla), entity(gao)],
            ..Elements::default()
        };
        let b = Elements {
            entities: vec![entity(other), entity(gao)],
            relations: vec![serde_json::from_str(relation).unwrap()],
            ..Elements::default()
        };
        let merged = merge(&a, &b);
        assert_eq!(merged.renamed, [("movement".into(), "mnla".into())]);
        let r = &merged.elements.relations[0];
        let ids = |ids: &[EntityId]| ids.iter().map(|id| id.to_string()).collect::<Vec<_>>();
        assert_eq!(r.source.as_str(), "mnla");
        assert_eq!(ids(r.claimed_by()), ["mnla"]);
        assert_eq!(ids(r.disputed_by()), ["gao", "mnla"]);
        assert_eq!(r.place().map(EntityId::as_str), Some("mnla"));
        let side = r.casualties()[0].side.as_ref().map(EntityId::as_str);
        assert_eq!(side, Some("mnla"));
        assert_eq!(r.summary(), "s");
    }
}
