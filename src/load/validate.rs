//! Checks that need the whole graph: ids, references, dates, endpoint kinds, aliases, evidence.
//! Every problem is collected; nothing stops at the first.

use std::borrow::Cow;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use rayon::prelude::*;

use super::json::{Element, ParsedFile};
use super::problem::Code;
use super::problem::{Location, Problem, quote};
use super::texts::{SourceTexts, is_plain_file_name, is_sha256_hex};
use super::{Labels, limits};
use crate::model::{
    Entity, EntityId, EntityKind, Lifetime, Relation, Source, SourceKind, UncertainDate, is_slug,
};
use crate::names;

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

/// Checks `parsed` as a whole and pushes every problem found. With `texts`, evidence spans
/// are checked against the documents; without, only that they cite a known document.
pub fn validate(
    parsed: &Parsed,
    labels: &Labels,
    texts: Option<&SourceTexts>,
    problems: &mut Vec<Problem>,
) {
    let kinds = check_entities(&parsed.entities.elements, &labels.entities, problems);
    let documents = check_sources(&parsed.sources.elements, &labels.sources, problems);
    let ids: HashSet<&str> = parsed
        .entities
        .elements
        .iter()
        .map(|e| e.value.id.as_str())
        .collect();
    // What the other files say exists, including elements that failed to parse (already
    // reported); a file that could not be read at all disables the checks that need it.
    let mut lifetimes = HashMap::new();
    for element in &parsed.entities.elements {
        if let Some(lifetime) = &element.value.lifetime {
            lifetimes
                .entry(element.value.id.as_str())
                .or_insert(lifetime);
        }
    }
    let known = Known {
        kinds,
        lifetimes,
        unparsed_entities: parsed
            .entities
            .failed_ids
            .iter()
            .map(String::as_str)
            .collect(),
        entities_readable: parsed.entities.readable,
        documents,
        unparsed_documents: parsed
            .sources
            .failed_ids
            .iter()
            .map(String::as_str)
            .collect(),
        sources_readable: parsed.sources.readable,
    };
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
    let mut seen = HashMap::with_capacity(parsed.relations.elements.len());
    for element in &parsed.relations.elements {
        if let Some(first) = seen.insert(element.value.id.as_str(), element.line) {
            let at = Site::new(file, element, "relation", element.value.id.as_str());
            problems.push(at.error(
                Code::DuplicateId,
                "",
                format!("duplicate id: also defined at {file}:{first}"),
            ));
        }
    }
    // Each relation is checked on its own, on every core; problems are kept in file order.
    let found: Vec<Vec<Problem>> = parsed
        .relations
        .elements
        .par_iter()
        .with_min_len(1024)
        .map(|element| {
            let mut problems = Vec::new();
            check_relation_element(element, file, &ids, &known, &evidence, &mut problems);
            problems
        })
        .collect();
    problems.extend(found.into_iter().flatten());
}

/// The checks of one relation on its own (not its id's uniqueness among relations).
fn check_relation_element(
    element: &Element<Relation>,
    file: &str,
    ids: &HashSet<&str>,
    known: &Known,
    evidence: &EvidenceCheck,
    problems: &mut Vec<Problem>,
) {
    let at = Site::new(file, element, "relation", element.value.id.as_str());
    check_id(&at, element.value.id.as_str(), problems);
    if ids.contains(element.value.id.as_str()) {
        problems.push(at.error(
            Code::DuplicateId,
            ".id",
            "id is also an entity's id; relation and entity ids must differ",
        ));
    }
    check_relation(&at, &element.value, known, problems);
    evidence.check(&at, &element.value, problems);
}

/// What relations may refer to.
struct Known<'a> {
    kinds: HashMap<&'a str, EntityKind>,
    lifetimes: HashMap<&'a str, &'a Lifetime>,
    unparsed_entities: HashSet<&'a str>,
    entities_readable: bool,
    /// Each listed document with its kind.
    documents: HashMap<&'a str, SourceKind>,
    unparsed_documents: HashSet<&'a str>,
    sources_readable: bool,
}

impl Known<'_> {
    /// The kind of entity `id`; `Err(true)` when it is unknown and worth reporting,
    /// `Err(false)` when its absence was already reported another way.
    fn kind(&self, id: &str) -> Result<EntityKind, bool> {
        match self.kinds.get(id) {
            Some(kind) => Ok(*kind),
            None => Err(self.entities_readable && !self.unparsed_entities.contains(id)),
        }
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

/// Reports `value` (at `field`) when it is longer than its kind of string may be; true when it
/// is within the limit (and worth checking further).
fn check_length(
    at: &Site,
    field: &str,
    value: &str,
    length: Length,
    problems: &mut Vec<Problem>,
) -> bool {
    let (over, limit) = match length {
        Length::Name => (
            value.len() > limits::MAX_NAME_CHARS && value.chars().count() > limits::MAX_NAME_CHARS,
            format!("{} characters", limits::MAX_NAME_CHARS),
        ),
        Length::Text => (
            value.len() > limits::MAX_TEXT_BYTES,
            format!("{} KiB", limits::MAX_TEXT_BYTES >> 10),
        ),
    };
    if over {
        problems.push(at.error(
            Code::TooLong,
            field,
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

fn check_entities<'a>(
    entities: &'a [Element<Entity>],
    file: &str,
    problems: &mut Vec<Problem>,
) -> HashMap<&'a str, EntityKind> {
    let mut kinds = HashMap::new();
    let mut first_line = HashMap::new();
    // Matching key of each name → the entity that first used it.
    let mut owners: HashMap<String, &str> = HashMap::new();
    for element in entities {
        let entity = &element.value;
        let at = Site::new(file, element, "entity", entity.id.as_str());
        check_id(&at, entity.id.as_str(), problems);
        check_text(
            &at,
            ".description",
            &entity.description,
            Length::Text,
            problems,
        );
        if let Some(first) = first_line.insert(entity.id.as_str(), element.line) {
            problems.push(at.error(
                Code::DuplicateId,
                "",
                format!("duplicate id: also defined at {file}:{first}"),
            ));
            continue;
        }
        kinds.insert(entity.id.as_str(), entity.kind);
        if let Some(lifetime) = &entity.lifetime {
            check_order(&at, ".lifetime", lifetime.start, lifetime.end, problems);
        }
        let mut own = HashSet::new();
        for (field, name) in named_fields(entity) {
            if !check_length(&at, &field, name, Length::Name, problems) {
                continue;
            }
            if let Some(suspicion) = crate::text::suspicion(name) {
                problems.push(at.warning(
                    Code::SuspiciousName,
                    &field,
                    format!("name {} {}", quote(name), suspicion.describe()),
                ));
            }
            let key = names::key(name);
            if key.is_empty() {
                problems.push(at.error(
                    Code::EmptyName,
                    &field,
                    format!("name {} has no letters or digits", quote(name)),
                ));
                continue;
            }
            if !own.insert(key.clone()) {
                continue;
            }
            match owners.get(&key) {
                Some(owner) => problems.push(at.error(
                    Code::SharedAlias,
                    &field,
                    format!(
                        "name {} is also a name of entity {}; a name must identify one entity",
                        quote(name),
                        quote(owner)
                    ),
                )),
                None => {
                    owners.insert(key, entity.id.as_str());
                }
            }
        }
    }
    kinds
}

/// Every name of an entity with its JSON field (`.names.en`, `.aliases[2]`).
fn named_fields(entity: &Entity) -> impl Iterator<Item = (String, &str)> {
    let names = [
        ("en", &entity.names.en),
        ("ar", &entity.names.ar),
        ("fr", &entity.names.fr),
    ]
    .into_iter()
    .filter_map(|(lang, name)| Some((format!(".names.{lang}"), name.as_deref()?)));
    let aliases = entity
        .aliases
        .iter()
        .enumerate()
        .map(|(i, alias)| (format!(".aliases[{i}]"), alias.as_str()));
    names.chain(aliases)
}

fn check_sources<'a>(
    sources: &'a [Element<Source>],
    file: &str,
    problems: &mut Vec<Problem>,
) -> HashMap<&'a str, SourceKind> {
    let mut documents = HashMap::new();
    for element in sources {
        let source = &element.value;
        let at = Site::new(file, element, "source", source.document.as_str());
        check_text(&at, ".document", &source.document, Length::Name, problems);
        check_text(&at, ".language", &source.language, Length::Name, problems);
        check_text(
            &at,
            ".description",
            &source.description,
            Length::Text,
            problems,
        );
        if documents
            .insert(source.document.as_str(), source.kind)
            .is_some()
        {
            problems.push(at.error(Code::DuplicateId, ".document", "document listed twice"));
        }
        if !is_sha256_hex(&source.sha256) {
            problems.push(at.error(
                Code::InvalidSha256,
                ".sha256",
                "sha256 must be 64 lowercase hex digits (`sha256sum FILE` prints it)",
            ));
        }
        if !is_plain_file_name(&source.document) {
            problems.push(at.error(
                Code::InvalidDocument,
                ".document",
                "document must be a plain file name inside the sources folder",
            ));
        }
    }
    documents
}

/// A relation must not certainly begin before an end entity's lifetime began, nor certainly
/// go on after it ended (an open end goes on: give the relation an end): an error, like every
/// date that contradicts another. A timeless relation that joins an entity with a lifetime is
/// a warning (an error with `--strict`): it should be dated by that lifetime.
fn check_lifetimes(at: &Site, relation: &Relation, known: &Known, problems: &mut Vec<Problem>) {
    if relation.timeless {
        if relation.start.is_some() || relation.end.is_some() {
            return; // Reported as timeless-dated.
        }
        // A timeless relation holds at all times, so it outlives any end that has a lifetime.
        for (field, id) in [(".source", &relation.source), (".target", &relation.target)] {
            let Some(lifetime) = known.lifetimes.get(id.as_str()) else {
                continue;
            };
            let span = match (lifetime.start, lifetime.end) {
                (Some(s), Some(e)) => format!("from {} to {}", s.human(), e.human()),
                (Some(s), None) => format!("from {} on", s.human()),
                (None, Some(e)) => format!("until {}", e.human()),
                (None, None) => continue,
            };
            problems.push(at.warning(
                Code::OutlivesEntity,
                field,
                format!(
                    "a timeless relation holds at all times, but {} existed only {span}; date the relation by that lifetime instead",
                    quote(id.as_str())
                ),
            ));
        }
        return;
    }
    let bounds = crate::model::Bounds::of(relation);
    // A relation whose dates say nothing (undated) is never certain at any time.
    if bounds.says_nothing() {
        return;
    }
    for (field, id) in [(".source", &relation.source), (".target", &relation.target)] {
        let Some(lifetime) = known.lifetimes.get(id.as_str()) else {
            continue;
        };
        // A lifetime that contradicts itself is reported as such, not against its relations.
        let contradictory = lifetime.start.is_some_and(|d| d.is_contradictory())
            || lifetime.end.is_some_and(|d| d.is_contradictory())
            || matches!((lifetime.start, lifetime.end), (Some(s), Some(e)) if e.latest() < s.earliest());
        if contradictory {
            continue;
        }
        if let Some(end) = lifetime.end
            && bounds.end_first > end.latest()
        {
            let goes_on = match relation.effective_end() {
                Some(own) => format!("ends {}", own.human()),
                None => "has no end".to_owned(),
            };
            problems.push(at.error(
                Code::OutlivesEntity,
                field,
                format!(
                    "the relation {goes_on}, after {} ceased to exist ({}); end it by then",
                    quote(id.as_str()),
                    end.human()
                ),
            ));
        }
        if let (Some(start), Some(own)) = (lifetime.start, relation.start)
            && own.latest() < start.earliest()
        {
            problems.push(at.error(
                Code::OutlivesEntity,
                field,
                format!(
                    "the relation begins {}, before {} came into being ({})",
                    own.human(),
                    quote(id.as_str()),
                    start.human()
                ),
            ));
        }
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

fn check_relation(at: &Site, relation: &Relation, known: &Known, problems: &mut Vec<Problem>) {
    let mut unknown = Vec::new();
    let mut lookup = |field: Cow<'static, str>, id: &EntityId| match known.kind(id.as_str()) {
        Ok(kind) => Some(kind),
        Err(report) => {
            if report {
                unknown.push((field, id.as_str().to_owned()));
            }
            None
        }
    };
    let source = lookup(Cow::Borrowed(".source"), &relation.source);
    let target = lookup(Cow::Borrowed(".target"), &relation.target);
    if let Some(place) = &relation.place {
        lookup(Cow::Borrowed(".place"), place);
    }
    for (i, id) in relation.claimed_by.iter().enumerate() {
        lookup(format!(".claimed_by[{i}]").into(), id);
    }
    for (i, id) in relation.disputed_by.iter().enumerate() {
        lookup(format!(".disputed_by[{i}]").into(), id);
    }
    for (i, c) in relation.casualties.iter().enumerate() {
        if let Some(side) = &c.side {
            lookup(format!(".casualties[{i}].side").into(), side);
        }
    }
    for (field, id) in unknown {
        let name = field.trim_start_matches('.').to_owned();
        problems.push(at.error(
            Code::UnknownEntity,
            &field,
            format!("{name} {} is not an entity of this graph", quote(&id)),
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
                Code::InvalidCasualties,
                &format!(".casualties[{i}]"),
                "casualties need min ≤ max, and max only with min",
            ));
        }
    }
    if relation.source == relation.target {
        problems.push(at.error(
            Code::SelfRelation,
            ".target",
            "source and target are the same entity",
        ));
    }
    if let (Some(s), Some(t)) = (source, target)
        && !relation.kind.accepts(s, t)
    {
        let (want_s, want_t) = relation.kind.endpoints();
        problems.push(at.error(
            Code::KindMismatch,
            ".kind",
            format!(
                "a {} relation joins {} to {}; here the source {} is of kind {s} and the target {} of kind {t}",
                relation.kind,
                want_s.describe(),
                want_t.describe(),
                quote(relation.source.as_str()),
                quote(relation.target.as_str()),
            ),
        ));
    }
    check_order(at, "", relation.start, relation.end, problems);
    if relation.timeless && (relation.start.is_some() || relation.end.is_some()) {
        problems.push(at.error(
            Code::TimelessDated,
            ".timeless",
            "a timeless relation has no start or end; remove the dates or the flag",
        ));
    }
    check_lifetimes(at, relation, known, problems);
    check_text(at, ".summary", &relation.summary, Length::Text, problems);
    if let Some(event) = &relation.event {
        check_text(at, ".event", event, Length::Name, problems);
    }
    for (i, c) in relation.casualties.iter().enumerate() {
        check_text(
            at,
            &format!(".casualties[{i}].who"),
            &c.who,
            Length::Text,
            problems,
        );
    }
}

/// The matching keys of every entity's names, to check that evidence mentions an endpoint.
struct MentionIndex<'a> {
    keys: HashMap<&'a str, Vec<String>>,
}

impl<'a> MentionIndex<'a> {
    fn new(entities: &'a [Element<Entity>]) -> Self {
        let mut keys = HashMap::new();
        for e in entities {
            // The first definition of a duplicated id is the one the other checks use; names
            // over the length limit are reported elsewhere and not worth normalising.
            keys.entry(e.value.id.as_str()).or_insert_with(|| {
                e.value
                    .all_names()
                    .filter(|n| n.len() <= 4 * limits::MAX_NAME_CHARS)
                    .map(names::key)
                    .filter(|k| !k.is_empty())
                    .collect()
            });
        }
        MentionIndex { keys }
    }

    /// True when the keyed span contains a name of `entity` as whole words (an Arabic name
    /// may carry a one-letter prefix: و ب ل ف ك).
    fn mentions(&self, span_key: &str, entity: &EntityId) -> bool {
        self.keys.get(entity.as_str()).is_some_and(|keys| {
            keys.iter()
                .any(|k| names::contains_words(span_key, k, true))
        })
    }
}

/// What checking a relation's evidence needs.
struct EvidenceCheck<'a> {
    known: &'a Known<'a>,
    sources_file: &'a str,
    texts: Option<&'a SourceTexts>,
    mentions: Option<&'a MentionIndex<'a>>,
}

impl EvidenceCheck<'_> {
    fn check(&self, at: &Site, relation: &Relation, problems: &mut Vec<Problem>) {
        let (known, sources_file, texts, mentions) =
            (self.known, self.sources_file, self.texts, self.mentions);
        if relation.evidence.is_empty() {
            problems.push(at.warning(
                Code::NoEvidence,
                ".evidence",
                "no evidence: cite the span of a source that states this relation",
            ));
        }
        for (i, evidence) in relation.evidence.iter().enumerate() {
            let field = format!(".evidence[{i}]");
            let document_field = format!("{field}.document");
            check_length(
                at,
                &document_field,
                &evidence.document,
                Length::Name,
                problems,
            );
            let size = evidence.end_byte.saturating_sub(evidence.start_byte);
            if size > limits::MAX_SPAN_BYTES {
                problems.push(at.error(
                    Code::SpanTooLong,
                    &field,
                    format!(
                        "span {}..{} is {size} bytes, over the {} KiB limit for evidence; cite the sentences that state the fact",
                        evidence.start_byte,
                        evidence.end_byte,
                        limits::MAX_SPAN_BYTES >> 10
                    ),
                ));
                continue;
            }
            let Some(&kind) = known.documents.get(&*evidence.document) else {
                if known.unknown_document(&evidence.document) {
                    problems.push(at.error(
                        Code::UnknownDocument,
                        &field,
                        format!(
                            "document {} is not listed in {sources_file}",
                            quote(&evidence.document)
                        ),
                    ));
                }
                continue;
            };
            match (kind, evidence.row) {
                (SourceKind::Text, Some(row)) => problems.push(at.error(
                    Code::RowOfText,
                    &format!("{field}.row"),
                    format!(
                        "row {row} given for {}, which is a text, not a table; drop `row` or mark the source `\"kind\": \"table\"`",
                        quote(&evidence.document)
                    ),
                )),
                (SourceKind::Table, None) => problems.push(at.error(
                    Code::MissingRow,
                    &field,
                    format!(
                        "span of the table {} gives no `row`: name the row it quotes",
                        quote(&evidence.document)
                    ),
                )),
                _ => {}
            }
            let (Some(texts), Some(mentions)) = (texts, mentions) else {
                continue;
            };
            if !texts.has(&evidence.document) {
                continue; // Its unreadable or mismatched document is reported once, in sources.json.
            }
            match texts.span(evidence) {
                Err(e) => problems.push(at.error(Code::InvalidSpan, &field, e.to_string())),
                Ok(span) => {
                    let span_key = names::key(span);
                    if !mentions.mentions(&span_key, &relation.source)
                        && !mentions.mentions(&span_key, &relation.target)
                    {
                        problems.push(at.warning(
                        Code::SpanMissesEndpoints,
                        &field,
                        format!(
                            "span {}..{} of {} mentions neither {} nor {} under any of their names",
                            evidence.start_byte,
                            evidence.end_byte,
                            quote(&evidence.document),
                            quote(relation.source.as_str()),
                            quote(relation.target.as_str())
                        ),
                    ));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn rows_belong_to_tables() {
        let sha = "0".repeat(64);
        let files = crate::load::GraphFiles {
            origin: "test".to_owned(),
            layout: crate::load::Layout::Folder,
            entities: br#"[{"id": "a", "kind": "armed_group", "names": {"en": "A"}, "description": "a"},
                {"id": "b", "kind": "armed_group", "names": {"en": "B"}, "description": "b"}]"#
                .to_vec()
                .into(),
            relations: br#"[{"id": "r", "kind": "conflict", "source": "a", "target": "b", "summary": "s",
                "evidence": [{"document": "a.txt", "start_byte": 0, "end_byte": 1, "row": 3},
                             {"document": "t.csv", "start_byte": 0, "end_byte": 1}]}]"#
                .to_vec()
                .into(),
            sources: format!(
                r#"[{{"document": "a.txt", "language": "en", "sha256": "{sha}", "description": "d"}},
                {{"document": "t.csv", "kind": "table", "language": "en", "sha256": "{sha}", "description": "d"}}]"#
            )
            .into_bytes()
            .into(),
        };
        let report = crate::load::check(&files, None);
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
