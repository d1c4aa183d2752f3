//! The checks of a relation's evidence: documents, rows, spans and what they mention.

use foldhash::{HashMap, HashMapExt};

use super::*;
use crate::load::json::Element;
use crate::load::limits;
use crate::load::problem::Code;
use crate::load::problem::{Problem, quote};
use crate::load::texts::SourceTexts;
use crate::model::{Entity, EntityId, Evidence, Relation, SourceKind};
use crate::names;

/// The matching keys of every entity's names, to check that evidence mentions an endpoint.
pub(super) struct MentionIndex<'a> {
    keys: HashMap<&'a str, Vec<String>>,
}

impl<'a> MentionIndex<'a> {
    pub(super) fn new(entities: &'a [Element<Entity>]) -> Self {
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
pub(super) struct EvidenceCheck<'a> {
    pub known: &'a Known<'a>,
    pub sources_file: &'a str,
    pub texts: Option<&'a SourceTexts>,
    pub mentions: Option<&'a MentionIndex<'a>>,
}

impl EvidenceCheck<'_> {
    /// Every check of `relation`'s evidence: there is some, and each span is of a listed
    /// document, of the right length, with a row exactly when the document is a table, and,
    /// when the texts were read, a span of its text that mentions one of the relation's ends.
    pub(super) fn check(&self, at: &Site, relation: &Relation, problems: &mut Vec<Problem>) {
        if relation.evidence().is_empty() {
            problems.push(at.warning(
                Code::NoEvidence,
                ".evidence",
                "no evidence: cite the span of a source that states this relation",
            ));
        }
        for (i, evidence) in relation.evidence().iter().enumerate() {
            let field = SpanField(i);
            let Some(kind) = self.check_document(at, field, evidence, problems) else {
                continue;
            };
            check_row(at, field, evidence, kind, problems);
            self.check_quote(at, field, relation, evidence, problems);
        }
    }

    /// The document's name and the span's length; the document's kind when it is listed.
    fn check_document(
        &self,
        at: &Site,
        field: SpanField,
        evidence: &Evidence,
        problems: &mut Vec<Problem>,
    ) -> Option<SourceKind> {
        check_length(
            at,
            format_args!("{field}.document"),
            &evidence.document,
            Length::Name,
            problems,
        );
        let size = evidence.end_byte().saturating_sub(evidence.start_byte());
        if size > limits::MAX_SPAN_BYTES {
            problems.push(at.error(
                Code::SpanTooLong,
                &field.to_string(),
                format!(
                    "span {}..{} is {size} bytes, over the {} KiB limit for evidence; cite the sentences that state the fact",
                    evidence.start_byte(),
                    evidence.end_byte(),
                    limits::MAX_SPAN_BYTES >> 10
                ),
            ));
            return None;
        }
        let kind = self.known.documents.get(&*evidence.document).copied();
        if kind.is_none() && self.known.unknown_document(&evidence.document) {
            problems.push(at.error(
                Code::UnknownDocument,
                &field.to_string(),
                format!(
                    "document {} is not listed in {}",
                    quote(&evidence.document),
                    self.sources_file
                ),
            ));
        }
        kind
    }

    /// With the texts read: the span is a span of its document's text and mentions the
    /// relation's source or target under one of their names.
    fn check_quote(
        &self,
        at: &Site,
        field: SpanField,
        relation: &Relation,
        evidence: &Evidence,
        problems: &mut Vec<Problem>,
    ) {
        let (Some(texts), Some(mentions)) = (self.texts, self.mentions) else {
            return;
        };
        if !texts.has(&evidence.document) {
            return; // Its unreadable or mismatched document is reported once, in sources.json.
        }
        let span = match texts.span(evidence) {
            Err(e) => {
                problems.push(at.error(Code::InvalidSpan, &field.to_string(), e.to_string()));
                return;
            }
            Ok(span) => span,
        };
        let span_key = names::key(span);
        if !mentions.mentions(&span_key, &relation.source)
            && !mentions.mentions(&span_key, &relation.target)
        {
            problems.push(at.warning(
                Code::SpanMissesEndpoints,
                &field.to_string(),
                format!(
                    "span {}..{} of {} mentions neither {} nor {} under any of their names",
                    evidence.start_byte(),
                    evidence.end_byte(),
                    quote(&evidence.document),
                    quote(relation.source.as_str()),
                    quote(relation.target.as_str())
                ),
            ));
        }
    }
}

/// A span of a table names its row; a span of a text does not.
fn check_row(
    at: &Site,
    field: SpanField,
    evidence: &Evidence,
    kind: SourceKind,
    problems: &mut Vec<Problem>,
) {
    match (kind, evidence.row()) {
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
            &field.to_string(),
            format!(
                "span of the table {} gives no `row`: name the row it quotes",
                quote(&evidence.document)
            ),
        )),
        _ => {}
    }
}

/// `.evidence[i]`, the field of a relation's `i`-th span: written out only when a problem
/// is reported, since the checks run on every span loaded.
#[derive(Clone, Copy)]
struct SpanField(usize);

impl fmt::Display for SpanField {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, ".evidence[{}]", self.0)
    }
}
