//! The stable JSON shapes of entities and relations in command output.
//!
//! Unlike the data files, these list every field (absent values are `null`) so that scripts
//! can rely on them; see "JSON contract" in README.md.

use serde::Serialize;

use crate::load::SourceTexts;
use crate::model::{
    Casualties, Entity, EntityKind, Evidence, Lifetime, Names, Relation, UncertainDate,
};
use crate::model::{RelationKind, Status};
use crate::query::Certainty;

/// An entity as command output shows it.
#[derive(Debug, Clone, Serialize)]
pub struct EntityView<'a> {
    /// The entity's id.
    pub id: &'a str,
    /// Its kind.
    pub kind: EntityKind,
    /// Names in `en`, `ar`, `fr` (absent languages omitted).
    pub names: &'a Names,
    /// Other spellings.
    pub aliases: &'a [String],
    /// When it existed, or null.
    pub lifetime: Option<&'a Lifetime>,
    /// One-line description.
    pub description: &'a str,
}

impl<'a> From<&'a Entity> for EntityView<'a> {
    fn from(e: &'a Entity) -> Self {
        EntityView {
            id: e.id.as_str(),
            kind: e.kind,
            names: &e.names,
            aliases: &e.aliases,
            lifetime: e.lifetime.as_ref(),
            description: &e.description,
        }
    }
}

/// A relation as command output shows it: every field present, `certainty` when a time
/// filter was given.
#[derive(Debug, Clone, Serialize)]
pub struct RelationView<'a> {
    /// The relation's id.
    pub id: &'a str,
    /// Its kind.
    pub kind: RelationKind,
    /// Source entity id.
    pub source: &'a str,
    /// Target entity id.
    pub target: &'a str,
    /// Start at its own precision or as EDTF bounds (`[..2012-04]`), or null.
    pub start: Option<UncertainDate>,
    /// End at its own precision or as EDTF bounds (`[2013-09..]`), or null.
    pub end: Option<UncertainDate>,
    /// True when the sources state the opposite.
    pub negated: bool,
    /// True for a standing fact outside time (no dates; left out of time questions unless
    /// asked).
    pub timeless: bool,
    /// asserted, alleged or disputed.
    pub status: Status,
    /// Who claims it.
    pub claimed_by: Vec<&'a str>,
    /// Who disputes it.
    pub disputed_by: Vec<&'a str>,
    /// Place entity id, or null.
    pub place: Option<&'a str>,
    /// Event name, or null.
    pub event: Option<&'a str>,
    /// Tolls.
    pub casualties: &'a [Casualties],
    /// Summary in the editors' words.
    pub summary: &'a str,
    /// Evidence spans, with the text each quotes once [`RelationView::quoting`] read them.
    pub evidence: Vec<EvidenceView<'a>>,
    /// How surely it holds in the period asked about; omitted without a time filter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certainty: Option<Certainty>,
}

impl<'a> RelationView<'a> {
    /// The view of `r`, with the certainty a time filter gave it.
    pub fn new(r: &'a Relation, certainty: Option<Certainty>) -> Self {
        RelationView {
            id: r.id.as_str(),
            kind: r.kind,
            source: r.source.as_str(),
            target: r.target.as_str(),
            start: r.start,
            end: r.end,
            negated: r.negated,
            timeless: r.timeless,
            status: r.status,
            claimed_by: r.claimed_by().iter().map(|e| e.as_str()).collect(),
            disputed_by: r.disputed_by().iter().map(|e| e.as_str()).collect(),
            place: r.place().map(|p| p.as_str()),
            event: r.event(),
            casualties: r.casualties(),
            summary: r.summary(),
            evidence: r.evidence().iter().map(EvidenceView::from).collect(),
            certainty,
        }
    }

    /// The view with each evidence span's text quoted from `texts` (the source documents,
    /// read with their sha256 checked), as `show --sources` quotes it.
    pub fn quoting(mut self, texts: &'a SourceTexts) -> Self {
        for evidence in &mut self.evidence {
            match texts.span(evidence.span) {
                Ok(text) => evidence.text = Some(text),
                Err(e) => evidence.quote_error = Some(e.to_string()),
            }
        }
        self
    }
}

/// An evidence span as command output shows it: `{document, start_byte, end_byte, row?}`,
/// and, once quoted, `text` (the span's exact text) or `quote_error` (why it could not be
/// quoted).
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceView<'a> {
    /// The span.
    #[serde(flatten)]
    pub span: &'a Evidence,
    /// The text it quotes, when the source documents were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
    /// Why it could not be quoted, when the source documents were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_error: Option<String>,
}

impl<'a> From<&'a Evidence> for EvidenceView<'a> {
    fn from(span: &'a Evidence) -> Self {
        EvidenceView {
            span,
            text: None,
            quote_error: None,
        }
    }
}
