//! Checks that need the whole graph: ids, references, dates, endpoint kinds, aliases, evidence.
//! Every problem is collected; nothing stops at the first. One module per file of a graph
//! folder (`entities`, `sources`, `relations`), and `evidence` for the spans relations cite;
//! this one holds what they share: where an element stands ([`Site`]), what relations may
//! refer to ([`Known`]) and the checks of ids and text fields.

mod entities;
mod evidence;
mod relations;
mod sources;

use entities::check_entities;
use evidence::{EvidenceCheck, MentionIndex};
use relations::check_relation;
use sources::check_sources;

use std::fmt;

use foldhash::{HashMap, HashMapExt, HashSet};
use rayon::prelude::*;

use super::json::{Element, ParsedFile};
use super::problem::Code;
use super::problem::{Location, Problem, quote};
use super::texts::SourceTexts;
use super::{Labels, limits};
use crate::id_table::IdTable;
use crate::model::{Entity, EntityId, Relation, Source, SourceKind, UncertainDate, is_slug};
use crate::names::NameKeys;

/// The parsed contents of a graph folder, each element with its position.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// `entities.json`.
    pub entities: ParsedFile<Entity>,
    /// `relations.json`.
    pub relations: ParsedFile<Relation>,
    /// `sources.json`.
    pub sources: ParsedFile<Source>,
}

/// What validation found out on the way that building the graph needs again: the entity
/// index of every source, target and place of the relations it checked, each looked up once.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// Each relation's references, in file order.
    pub links: Vec<Link>,
    /// The matching keys of each entity's names, in file order.
    pub keys: NameKeys,
    /// The position of each relation id, made when its uniqueness was checked: the graph's
    /// relation index, which holds the relations in file order.
    pub(crate) relation_ix: Option<IdTable>,
}

/// The entities a relation refers to, by position in `entities.json`: source, target and
/// place ([`Link::NONE`] where there is none or it is unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// Source and target.
    pub ends: [u32; 2],
    /// The place.
    pub place: u32,
}

impl Link {
    /// No entity.
    pub const NONE: u32 = u32::MAX;
}

/// Checks `parsed` as a whole and pushes every problem found. With `texts`, evidence spans
/// are checked against the documents; without, only that they cite a known document.
/// Returns the references it resolved.
pub fn validate(
    parsed: &Parsed,
    labels: &Labels,
    texts: Option<&SourceTexts>,
    problems: &mut Vec<Problem>,
) -> Resolved {
    let keys = check_entities(&parsed.entities.elements, &labels.entities, problems);
    let documents = check_sources(&parsed.sources.elements, &labels.sources, problems);
    let known = Known::of(parsed, documents);
    let mentions = texts
        .filter(|_| parsed.entities.readable)
        .map(|_| MentionIndex::new(&parsed.entities.elements));
    let evidence = EvidenceCheck {
        known: &known,
        sources_file: &labels.sources,
        texts,
        mentions: mentions.as_ref(),
    };
    let file = labels.relations.as_str();
    let relations = &parsed.relations.elements;
    // The ids' uniqueness (one pass with a map) beside the checks of each relation on its
    // own (on every core); problems are kept in file order.
    let ((duplicates, relation_ix), (found, links)) = rayon::join(
        || {
            let mut problems = Vec::new();
            let relation_ix = check_relation_ids(relations, file, &mut problems);
            (problems, relation_ix)
        },
        || {
            relations
                .par_iter()
                .with_min_len(1024)
                .map(|element| {
                    let mut problems = Vec::new();
                    let link =
                        check_relation_element(element, file, &known, &evidence, &mut problems);
                    (problems, link)
                })
                .unzip::<_, _, Vec<Vec<Problem>>, Vec<Link>>()
        },
    );
    problems.extend(duplicates);
    problems.extend(found.into_iter().flatten());
    Resolved {
        links,
        keys,
        relation_ix: Some(relation_ix),
    }
}

/// Reports each relation id defined again, at each later definition, with the line of the
/// one before it; returns the position of each id (its first definition).
fn check_relation_ids(
    relations: &[Element<Relation>],
    file: &str,
    problems: &mut Vec<Problem>,
) -> IdTable {
    // The latest definition of each id defined more than once, by its first.
    let mut latest = HashMap::new();
    let id_at = |i: usize| relations[i].value.id.as_str();
    IdTable::noting_duplicates(relations.len(), id_at, |i, first| {
        let before = latest.insert(first, i).unwrap_or(first);
        let element = &relations[i];
        let at = Site::new(file, element, "relation", element.value.id.as_str());
        problems.push(at.error(
            Code::DuplicateId,
            "",
            format!(
                "duplicate id: also defined at {file}:{}",
                relations[before].line
            ),
        ));
    })
}

/// The checks of one relation on its own (not its id's uniqueness among relations); returns
/// the entities it refers to.
fn check_relation_element(
    element: &Element<Relation>,
    file: &str,
    known: &Known,
    evidence: &EvidenceCheck,
    problems: &mut Vec<Problem>,
) -> Link {
    let at = Site::new(file, element, "relation", element.value.id.as_str());
    check_id(&at, element.value.id.as_str(), problems);
    // Every entity id is in `entity_ix` (a duplicate entity's too: its first definition's).
    if known.entity(element.value.id.as_str()).is_some() {
        problems.push(at.error(
            Code::DuplicateId,
            ".id",
            "id is also an entity's id; relation and entity ids must differ",
        ));
    }
    let link = check_relation(&at, &element.value, known, problems);
    evidence.check(&at, &element.value, problems);
    link
}

/// What relations may refer to.
struct Known<'a> {
    entities: &'a [Element<Entity>],
    /// The position of each entity id in `entities` (its first definition): the one lookup
    /// of each reference, whose answer the graph is built with. The key is kept in the map
    /// (not only the position, as in [`crate::id_table::IdTable`]): one memory access fewer
    /// per lookup, about a tenth of a check's time.
    entity_ix: HashMap<Key<'a>, u32>,
    /// The same positions by the address of the id's text: a relation's references are the
    /// entities' own ids (`shared_text::seed`), so most lookups hash one word here instead of
    /// the id's bytes; a reference with its own text is found in `entity_ix`.
    by_address: HashMap<usize, u32>,
    unparsed_entities: HashSet<&'a str>,
    entities_readable: bool,
    /// Each listed document with its kind.
    documents: HashMap<&'a str, SourceKind>,
    unparsed_documents: HashSet<&'a str>,
    sources_readable: bool,
}

impl<'a> Known<'a> {
    /// What the other files say exists, including elements that failed to parse (already
    /// reported); a file that could not be read at all disables the checks that need it.
    fn of(parsed: &'a Parsed, documents: HashMap<&'a str, SourceKind>) -> Known<'a> {
        let entities = &parsed.entities.elements;
        let failed = |ids: &'a [String]| ids.iter().map(String::as_str).collect();
        let entity_ix = first_positions(entities);
        let by_address = entities
            .iter()
            .map(|element| {
                let id = &element.value.id;
                (id.address(), entity_ix[&Key(id.as_str())])
            })
            .collect();
        Known {
            entities,
            entity_ix,
            by_address,
            unparsed_entities: failed(&parsed.entities.failed_ids),
            entities_readable: parsed.entities.readable,
            documents,
            unparsed_documents: failed(&parsed.sources.failed_ids),
            sources_readable: parsed.sources.readable,
        }
    }
}

/// An entity id as a key: equal to itself without reading its bytes. The parser gives
/// relations' references the entities' own ids (`shared_text::seed`), so most lookups compare
/// an id with the very same text.
#[derive(Clone, Copy, Eq)]
struct Key<'a>(&'a str);

impl PartialEq for Key<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0) || self.0 == other.0
    }
}

impl std::hash::Hash for Key<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

/// The position of each entity id, that of its first definition for a duplicate.
fn first_positions(entities: &[Element<Entity>]) -> HashMap<Key<'_>, u32> {
    let mut positions = HashMap::with_capacity(entities.len());
    for (i, element) in entities.iter().enumerate() {
        // Entity counts are bounded by the loader's limits, far below u32::MAX.
        positions
            .entry(Key(element.value.id.as_str()))
            .or_insert(i as u32);
    }
    positions
}

impl Known<'_> {
    /// The position of the entity with the text `id` (its first definition).
    fn entity(&self, id: &str) -> Option<usize> {
        self.entity_ix.get(&Key(id)).map(|&i| i as usize)
    }

    /// The position of entity `id`; `Err(true)` when it is unknown and worth reporting,
    /// `Err(false)` when its absence was already reported another way. Most references are
    /// the entities' own ids, found by their address without reading their text.
    fn find(&self, id: &EntityId) -> Result<usize, bool> {
        let text = || id.as_str();
        self.by_address
            .get(&id.address())
            .map(|&i| i as usize)
            .or_else(|| self.entity(text()))
            .ok_or_else(|| self.entities_readable && !self.unparsed_entities.contains(text()))
    }

    /// The entity at position `i`.
    fn at(&self, i: usize) -> &Entity {
        &self.entities[i].value
    }

    /// Whether evidence citing `document` should be reported as citing an unknown one.
    fn unknown_document(&self, document: &str) -> bool {
        self.sources_readable
            && !self.documents.contains_key(document)
            && !self.unparsed_documents.contains(document)
    }
}

/// Where a relation, entity or source stands, to build its problems.
struct Site<'a> {
    file: &'a str,
    index: usize,
    line: usize,
    column: usize,
    what: &'static str,
    id: &'a str,
}

impl<'a> Site<'a> {
    fn new<T>(file: &'a str, element: &Element<T>, what: &'static str, id: &'a str) -> Self {
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
        let message = format!("{} {}: {}", self.what, quote(self.id), problem.message);
        Problem { message, ..problem }
            .with_path(format!("$[{}]{field}", self.index))
            .with_id(self.id)
    }

    fn error(&self, code: Code, field: &str, message: impl Into<String>) -> Problem {
        self.problem(Problem::error(code, self.location(), message), field)
    }

    fn warning(&self, code: Code, field: &str, message: impl Into<String>) -> Problem {
        self.problem(Problem::warning(code, self.location(), message), field)
    }
}

/// How long a string may be: a name (ids, names, aliases, event and document names) or a text
/// (descriptions, summaries).
#[derive(Clone, Copy)]
enum Length {
    Name,
    Text,
}

/// Checks a text field that is not a name (names have their own checks): its length, and
/// characters that hide or reorder what is shown, which are warned about as in names.
fn check_text(at: &Site, field: &str, value: &str, length: Length, problems: &mut Vec<Problem>) {
    if !check_length(at, field, value, length, problems) {
        return;
    }
    let lines = matches!(length, Length::Text);
    if let Some(hidden) = crate::text::hidden_characters(value, lines) {
        problems.push(at.warning(
            Code::SuspiciousText,
            field,
            format!(
                "text {} {}",
                quote(&crate::text::visible(value).chars().take(40).collect::<String>()),
                hidden.describe()
            ),
        ));
    }
}

/// Reports `value` (at `field`, written out only then) when it is longer than its kind of
/// string may be; true when it is within the limit (and worth checking further).
fn check_length(
    at: &Site,
    field: impl fmt::Display,
    value: &str,
    length: Length,
    problems: &mut Vec<Problem>,
) -> bool {
    let over = match length {
        Length::Name => {
            value.len() > limits::MAX_NAME_CHARS && value.chars().count() > limits::MAX_NAME_CHARS
        }
        Length::Text => value.len() > limits::MAX_TEXT_BYTES,
    };
    if over {
        // The limit is written only when it is reported: this check runs on every string loaded.
        let limit = match length {
            Length::Name => format!("{} characters", limits::MAX_NAME_CHARS),
            Length::Text => format!("{} KiB", limits::MAX_TEXT_BYTES >> 10),
        };
        problems.push(at.error(
            Code::TooLong,
            &field.to_string(),
            format!(
                "{} bytes is over the {limit} limit for this field",
                value.len()
            ),
        ));
    }
    !over
}

fn check_id(at: &Site, id: &str, problems: &mut Vec<Problem>) {
    check_length(at, ".id", id, Length::Name, problems);
    if !is_slug(id) {
        problems.push(at.error(
            Code::InvalidId,
            ".id",
            "ids are lowercase ASCII letters and digits joined by single hyphens (ansar-dine)",
        ));
    }
}

/// Each date's bounds must not contradict themselves (`[2013..2012]`), and the end's latest
/// possible day must not come before the start's earliest.
fn check_order(
    at: &Site,
    field: &str,
    start: Option<UncertainDate>,
    end: Option<UncertainDate>,
    problems: &mut Vec<Problem>,
) {
    for (side, date) in [("start", start), ("end", end)] {
        if let Some(date) = date.filter(UncertainDate::is_contradictory) {
            let (low, high) = date.written();
            let show = |d: Option<crate::model::PartialDate>| d.map(|d| d.to_string());
            problems.push(at.error(
                Code::ContradictoryDate,
                &format!("{field}.{side}"),
                format!(
                    "{side} {date} contradicts itself: on or after {} but on or before {}",
                    show(low).unwrap_or_default(),
                    show(high).unwrap_or_default()
                ),
            ));
            return;
        }
    }
    if let (Some(start), Some(end)) = (start, end)
        && end.latest() < start.earliest()
    {
        problems.push(at.error(
            Code::EndBeforeStart,
            &format!("{field}.end"),
            format!("end {end} is before start {start}"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::load::{GraphFiles, Layout, Report};

    /// The check of a folder holding these three files.
    fn checked(entities: &str, relations: &str, sources: &str) -> Report {
        let file = |text: &str| text.as_bytes().to_vec().into();
        let files = GraphFiles {
            origin: "test".to_owned(),
            layout: Layout::Folder,
            entities: file(entities),
            relations: file(relations),
            sources: file(sources),
        };
        crate::load::check(&files, None)
    }

    /// A reference whose text the parser did not share with its entity's id (ids longer than
    /// `shared_text` keeps are parsed as they come) is not found by address but by its text.
    #[test]
    fn references_with_their_own_text_are_found_by_it() {
        let long = "a".repeat(300);
        let report = checked(
            &format!(
                r#"[{{"id": "{long}", "kind": "armed_group", "names": {{"en": "A"}}, "description": "a"}},
                {{"id": "b", "kind": "armed_group", "names": {{"en": "B"}}, "description": "b"}}]"#
            ),
            &format!(
                r#"[{{"id": "r", "kind": "conflict", "source": "{long}", "target": "b", "summary": "s",
                "evidence": [{{"document": "a.txt", "start_byte": 0, "end_byte": 1}}]}},
                {{"id": "q", "kind": "conflict", "source": "{long}x", "target": "b", "summary": "s",
                "evidence": [{{"document": "a.txt", "start_byte": 0, "end_byte": 1}}]}}]"#
            ),
            &format!(
                r#"[{{"document": "a.txt", "language": "en", "sha256": "{}", "description": "d"}}]"#,
                "0".repeat(64)
            ),
        );
        let unknown: Vec<_> = report
            .problems
            .iter()
            .filter(|p| p.code.as_str() == "unknown-entity")
            .map(|p| p.path.clone())
            .collect();
        assert_eq!(
            unknown,
            [Some("$[1].source".to_owned())],
            "{:?}",
            report.problems
        );
    }

    #[test]
    fn rows_belong_to_tables() {
        let sha = "0".repeat(64);
        let report = checked(
            r#"[{"id": "a", "kind": "armed_group", "names": {"en": "A"}, "description": "a"},
                {"id": "b", "kind": "armed_group", "names": {"en": "B"}, "description": "b"}]"#,
            r#"[{"id": "r", "kind": "conflict", "source": "a", "target": "b", "summary": "s",
                "evidence": [{"document": "a.txt", "start_byte": 0, "end_byte": 1, "row": 3},
                             {"document": "t.csv", "start_byte": 0, "end_byte": 1}]}]"#,
            &format!(
                r#"[{{"document": "a.txt", "language": "en", "sha256": "{sha}", "description": "d"}},
                {{"document": "t.csv", "kind": "table", "language": "en", "sha256": "{sha}", "description": "d"}}]"#
            ),
        );
        let codes: Vec<&str> = report.problems.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(
            codes,
            ["row-of-text", "missing-row"],
            "{:?}",
            report.problems
        );
        assert_eq!(
            report.problems[0].path.as_deref(),
            Some("$[0].evidence[0].row")
        );
    }
}
