//! Checks that need the whole graph: ids, references, dates, endpoint kinds, aliases, evidence.
//! Every problem is collected; nothing stops at the first.

use std::collections::{HashMap, HashSet};

use super::json::Element;
use super::problem::{Location, Problem};
use super::texts::SourceTexts;
use super::{ENTITIES_FILE, RELATIONS_FILE, SOURCES_FILE};
use crate::model::{Entity, EntityId, EntityKind, PartialDate, Relation, Source};
use crate::names;

/// The parsed contents of a graph folder, each element with its position.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// `entities.json`.
    pub entities: Vec<Element<Entity>>,
    /// `relations.json`.
    pub relations: Vec<Element<Relation>>,
    /// `sources.json`.
    pub sources: Vec<Element<Source>>,
}

/// Checks `parsed` as a whole and pushes every problem found. With `texts`, evidence spans
/// are checked against the documents; without, only that they cite a known document.
pub fn validate(parsed: &Parsed, texts: Option<&SourceTexts>, problems: &mut Vec<Problem>) {
    let kinds = check_entities(&parsed.entities, problems);
    let documents = check_sources(&parsed.sources, problems);
    let ids: HashSet<&str> = parsed
        .entities
        .iter()
        .map(|e| e.value.id.as_str())
        .collect();
    let mentions = texts.map(|_| MentionIndex::new(&parsed.entities));
    let mut seen = HashMap::new();
    for element in &parsed.relations {
        let at = Site::new(
            RELATIONS_FILE,
            element,
            "relation",
            element.value.id.as_str(),
        );
        check_id(&at, &element.value.id, problems);
        if let Some(first) = seen.insert(element.value.id.as_str(), element.line) {
            problems.push(at.error(
                "duplicate-id",
                "",
                format!("duplicate id: also defined at {RELATIONS_FILE}:{first}"),
            ));
        }
        if ids.contains(element.value.id.as_str()) {
            problems.push(at.error(
                "duplicate-id",
                ".id",
                "id is also an entity's id; relation and entity ids must differ",
            ));
        }
        check_relation(&at, &element.value, &kinds, problems);
        check_evidence(
            &at,
            &element.value,
            &documents,
            texts,
            mentions.as_ref(),
            problems,
        );
    }
}

/// Where a relation, entity or source stands, to build its problems.
struct Site<'a> {
    file: &'static str,
    index: usize,
    line: usize,
    column: usize,
    what: &'static str,
    id: &'a str,
}

impl<'a> Site<'a> {
    fn new<T>(file: &'static str, element: &Element<T>, what: &'static str, id: &'a str) -> Self {
        Site {
            file,
            index: element.index,
            line: element.line,
            column: element.column,
            what,
            id,
        }
    }

    fn location(&self) -> Location {
        Location {
            file: self.file.to_owned(),
            line: Some(self.line),
            column: Some(self.column),
        }
    }

    fn problem(&self, problem: Problem, field: &str) -> Problem {
        let message = format!("{} {:?}: {}", self.what, self.id, problem.message);
        Problem { message, ..problem }
            .with_path(format!("$[{}]{field}", self.index))
            .with_id(self.id)
    }

    fn error(&self, code: &'static str, field: &str, message: impl Into<String>) -> Problem {
        self.problem(Problem::error(code, self.location(), message), field)
    }

    fn warning(&self, code: &'static str, field: &str, message: impl Into<String>) -> Problem {
        self.problem(Problem::warning(code, self.location(), message), field)
    }
}

/// True for slugs of lowercase ASCII letters and digits joined by single hyphens.
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn check_id(at: &Site, id: &EntityId, problems: &mut Vec<Problem>) {
    if !is_slug(id.as_str()) {
        problems.push(at.error(
            "invalid-id",
            ".id",
            "ids are lowercase ASCII letters and digits joined by single hyphens (ansar-dine)",
        ));
    }
}

fn check_entities<'a>(
    entities: &'a [Element<Entity>],
    problems: &mut Vec<Problem>,
) -> HashMap<&'a str, EntityKind> {
    let mut kinds = HashMap::new();
    let mut first_line = HashMap::new();
    // Matching key of each name → the entity that first used it.
    let mut owners: HashMap<String, &str> = HashMap::new();
    for element in entities {
        let entity = &element.value;
        let at = Site::new(ENTITIES_FILE, element, "entity", entity.id.as_str());
        check_id(&at, &entity.id, problems);
        if let Some(first) = first_line.insert(entity.id.as_str(), element.line) {
            problems.push(at.error(
                "duplicate-id",
                "",
                format!("duplicate id: also defined at {ENTITIES_FILE}:{first}"),
            ));
            continue;
        }
        kinds.insert(entity.id.as_str(), entity.kind);
        if let Some(lifetime) = &entity.lifetime {
            check_order(&at, ".lifetime", lifetime.start, lifetime.end, problems);
        }
        let mut own = HashSet::new();
        for (i, name) in entity.all_names().enumerate() {
            let key = names::key(name);
            if key.is_empty() {
                problems.push(at.error(
                    "empty-name",
                    &format!(".aliases[{i}]"),
                    format!("name {name:?} has no letters or digits"),
                ));
                continue;
            }
            if !own.insert(key.clone()) {
                continue;
            }
            match owners.get(&key) {
                Some(owner) => problems.push(at.error(
                    "shared-alias",
                    ".aliases",
                    format!("name {name:?} is also a name of entity {owner:?}; names must identify one entity"),
                )),
                None => {
                    owners.insert(key, entity.id.as_str());
                }
            }
        }
    }
    kinds
}

fn check_sources<'a>(
    sources: &'a [Element<Source>],
    problems: &mut Vec<Problem>,
) -> HashSet<&'a str> {
    let mut documents = HashSet::new();
    for element in sources {
        let source = &element.value;
        let at = Site::new(SOURCES_FILE, element, "source", source.document.as_str());
        if !documents.insert(source.document.as_str()) {
            problems.push(at.error("duplicate-id", ".document", "document listed twice"));
        }
        let hex = source.sha256.len() == 64
            && source
                .sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !hex {
            problems.push(at.error(
                "invalid-sha256",
                ".sha256",
                "sha256 must be 64 lowercase hex digits (`sha256sum FILE` prints it)",
            ));
        }
        if source.document.contains(['/', '\\']) || source.document.starts_with('.') {
            problems.push(at.error(
                "invalid-document",
                ".document",
                "document must be a plain file name inside the sources folder",
            ));
        }
    }
    documents
}

fn check_order(
    at: &Site,
    field: &str,
    start: Option<PartialDate>,
    end: Option<PartialDate>,
    problems: &mut Vec<Problem>,
) {
    if let (Some(start), Some(end)) = (start, end)
        && end.last_day() < start.first_day()
    {
        problems.push(at.error(
            "end-before-start",
            &format!("{field}.end"),
            format!("end {end} is before start {start}"),
        ));
    }
}

fn check_relation(
    at: &Site,
    relation: &Relation,
    kinds: &HashMap<&str, EntityKind>,
    problems: &mut Vec<Problem>,
) {
    let mut unknown = Vec::new();
    let mut lookup = |field: String, id: &EntityId| {
        let known = kinds.get(id.as_str()).copied();
        if known.is_none() {
            unknown.push((field, id.as_str().to_owned()));
        }
        known
    };
    let source = lookup(".source".into(), &relation.source);
    let target = lookup(".target".into(), &relation.target);
    if let Some(place) = &relation.place {
        lookup(".place".into(), place);
    }
    for (i, id) in relation.claimed_by.iter().enumerate() {
        lookup(format!(".claimed_by[{i}]"), id);
    }
    for (i, id) in relation.disputed_by.iter().enumerate() {
        lookup(format!(".disputed_by[{i}]"), id);
    }
    for (i, c) in relation.casualties.iter().enumerate() {
        if let Some(side) = &c.side {
            lookup(format!(".casualties[{i}].side"), side);
        }
    }
    for (field, id) in unknown {
        let name = field.trim_start_matches('.').to_owned();
        problems.push(at.error(
            "unknown-entity",
            &field,
            format!("{name} {id:?} is not an entity of this graph"),
        ));
    }
    for (i, c) in relation.casualties.iter().enumerate() {
        let bad = match (c.min, c.max) {
            (Some(min), Some(max)) => min > max,
            (None, Some(_)) => true,
            _ => false,
        };
        if bad {
            problems.push(at.error(
                "invalid-casualties",
                &format!(".casualties[{i}]"),
                "casualties need min ≤ max, and max only with min",
            ));
        }
    }
    if relation.source == relation.target {
        problems.push(at.error(
            "self-relation",
            ".target",
            "source and target are the same entity",
        ));
    }
    if let (Some(s), Some(t)) = (source, target)
        && !relation.kind.accepts(s, t)
    {
        let (want_s, want_t) = relation.kind.endpoints();
        problems.push(at.error(
            "kind-mismatch",
            ".kind",
            format!(
                "a {} relation joins {} to {}, not a {s} ({}) to a {t} ({})",
                relation.kind,
                want_s.describe(),
                want_t.describe(),
                relation.source,
                relation.target
            ),
        ));
    }
    check_order(at, "", relation.start, relation.end, problems);
}

/// The matching keys of every entity's names, to check that evidence mentions an endpoint.
struct MentionIndex<'a> {
    keys: HashMap<&'a str, Vec<String>>,
}

impl<'a> MentionIndex<'a> {
    fn new(entities: &'a [Element<Entity>]) -> Self {
        let keys = entities
            .iter()
            .map(|e| {
                let keys = e
                    .value
                    .all_names()
                    .map(names::key)
                    .filter(|k| !k.is_empty());
                (e.value.id.as_str(), keys.collect())
            })
            .collect();
        MentionIndex { keys }
    }

    /// True when the keyed span contains a name of `entity`.
    fn mentions(&self, span_key: &str, entity: &EntityId) -> bool {
        self.keys
            .get(entity.as_str())
            .is_some_and(|keys| keys.iter().any(|k| span_key.contains(k.as_str())))
    }
}

fn check_evidence(
    at: &Site,
    relation: &Relation,
    documents: &HashSet<&str>,
    texts: Option<&SourceTexts>,
    mentions: Option<&MentionIndex>,
    problems: &mut Vec<Problem>,
) {
    if relation.evidence.is_empty() {
        problems.push(at.warning(
            "no-evidence",
            ".evidence",
            "no evidence: cite the span of a source that states this relation",
        ));
    }
    for (i, evidence) in relation.evidence.iter().enumerate() {
        let field = format!(".evidence[{i}]");
        if !documents.contains(evidence.document.as_str()) {
            problems.push(at.error(
                "unknown-document",
                &field,
                format!(
                    "document {:?} is not listed in {SOURCES_FILE}",
                    evidence.document
                ),
            ));
            continue;
        }
        let (Some(texts), Some(mentions)) = (texts, mentions) else {
            continue;
        };
        if !texts.has(&evidence.document) {
            continue; // Its unreadable or mismatched document is reported once, in sources.json.
        }
        match texts.span(evidence) {
            Err(e) => problems.push(at.error("invalid-span", &field, e.to_string())),
            Ok(span) => {
                let span_key = names::key(span);
                if !mentions.mentions(&span_key, &relation.source)
                    && !mentions.mentions(&span_key, &relation.target)
                {
                    problems.push(at.warning(
                        "span-misses-endpoints",
                        &field,
                        format!(
                            "span {}..{} of {:?} mentions neither {:?} nor {:?} under any of their names",
                            evidence.start_byte,
                            evidence.end_byte,
                            evidence.document,
                            relation.source.as_str(),
                            relation.target.as_str()
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("ansar-dine"));
        assert!(is_slug("g5"));
        for bad in ["", "-a", "a-", "a--b", "Gao", "ga o", "غاو", "a_b"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
