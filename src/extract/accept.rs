//! From reviewed candidates to additions to a graph: the chosen candidates as relations, the
//! actors they name that the graph does not know as entities (with the kind `extract`
//! proposed), and their document as a source when the graph does not list it yet.

use std::collections::HashMap;
use std::path::Path;

use super::{Candidate, Extraction, Party, detect};

use crate::edit::Elements;
use crate::graph::Graph;
use crate::model::{
    Account, Entity, EntityId, Evidence, Names, NotASlug, Particulars, Relation, RelationId,
    Source, SourceKind,
};

/// Why candidates cannot be accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AcceptError {
    /// A candidate or proposed actor has an id that is not a slug.
    #[error("in the candidates file: {0}")]
    Id(#[from] NotASlug),
    /// `--ids` names a candidate the file does not hold.
    #[error(
        "no candidate {0:?} in the candidates file; its ids are listed by `actorgraph extract`"
    )]
    UnknownId(String),
    /// A candidate names a new actor the `entities` list does not describe.
    #[error("candidate {candidate}: new actor {name:?} is not in the file's entities list")]
    UnknownNew {
        /// The candidate's id.
        candidate: String,
        /// The name.
        name: String,
    },
    /// An evidence span is not a span of its document.
    #[error(
        "candidate {candidate}: bytes {start}..{end} are not a span of {document} on character boundaries"
    )]
    Span {
        /// The candidate's id.
        candidate: String,
        /// The document.
        document: String,
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
    },
    /// The document is not in the graph's sources and cannot be read to add it.
    #[error(
        "document {document:?} is not in the graph's sources.json and cannot be read from --sources ({reason}); pass --sources DIR holding it"
    )]
    Document {
        /// The document.
        document: String,
        /// Why.
        reason: String,
    },
}

/// The elements that accepting the candidates `ids` (all when empty) of `extraction` adds
/// to `graph` (new entities, the relations, the document when not yet listed), to go through
/// the one validated writer of graph folders, [`crate::edit`]; `sources_dir` holds the document, read to register it when the graph does not
/// list it.
pub fn additions(
    extraction: &Extraction,
    ids: &[String],
    graph: &Graph,
    sources_dir: Option<&Path>,
) -> Result<Elements, AcceptError> {
    if let Some(id) = ids
        .iter()
        .find(|id| !extraction.candidates.iter().any(|c| &c.id == *id))
    {
        return Err(AcceptError::UnknownId(id.clone()));
    }
    let chosen: Vec<&Candidate> = extraction
        .candidates
        .iter()
        .filter(|c| ids.is_empty() || ids.contains(&c.id))
        .collect();
    let mut acceptance = Acceptance {
        extraction,
        graph,
        out: Elements::default(),
        taken: Vec::new(),
        new_ids: HashMap::new(),
    };
    for candidate in &chosen {
        acceptance.relation(candidate)?;
    }
    let mut out = acceptance.out;
    out.sources = documents(&chosen, graph, sources_dir)?;
    Ok(out)
}

/// Candidates being turned into elements: what has been added, and the ids taken so far.
struct Acceptance<'a> {
    extraction: &'a Extraction,
    graph: &'a Graph,
    out: Elements,
    taken: Vec<String>,
    /// The entity made for each new actor's text, so that two candidates share it.
    new_ids: HashMap<String, EntityId>,
}

impl Acceptance<'_> {
    /// `id`, or `id-2`, `id-3`… if the graph or this acceptance already uses it.
    fn unique(&mut self, id: &str) -> String {
        let mut n = 1;
        let mut candidate = id.to_owned();
        while self.graph.entity_ix(&candidate).is_some()
            || self.graph.relation_ix(&candidate).is_some()
            || self.taken.contains(&candidate)
        {
            n += 1;
            candidate = format!("{id}-{n}");
        }
        self.taken.push(candidate.clone());
        candidate
    }

    /// Adds the relation `c` proposes, with the new entities it names.
    fn relation(&mut self, c: &Candidate) -> Result<(), AcceptError> {
        let source = self.party(c, &c.source)?;
        let target = self.party(c, &c.target)?;
        let id = RelationId::new(&self.unique(&c.id))?;
        self.out.relations.push(Relation {
            id,
            kind: c.kind,
            source,
            target,
            start: c.start,
            end: c.end,
            negated: c.negated,
            timeless: false,
            status: c.status,
            particulars: Particulars::default(),
            account: Account::new(&c.summary, self.spans(c)?),
        });
        Ok(())
    }

    /// The evidence spans of candidate `c`.
    fn spans(&self, c: &Candidate) -> Result<Vec<Evidence>, AcceptError> {
        (c.evidence.iter())
            .map(|e| {
                let bytes = e.start_byte..e.end_byte;
                Evidence::passage(e.document.as_str().into(), bytes).map_err(|_| {
                    AcceptError::Span {
                        candidate: c.id.clone(),
                        document: e.document.clone(),
                        start: e.start_byte,
                        end: e.end_byte,
                    }
                })
            })
            .collect()
    }

    /// The entity an end of candidate `c` names: a known one, or a new one made (once per
    /// text) from the extraction's proposal, named in the language its text is written in.
    fn party(&mut self, c: &Candidate, party: &Party) -> Result<EntityId, AcceptError> {
        let new = match party {
            Party::Known(id) => return Ok(id.clone()),
            Party::New { new } => new,
        };
        if let Some(id) = self.new_ids.get(new) {
            return Ok(id.clone());
        }
        let proposed = self
            .extraction
            .entities
            .iter()
            .find(|e| &e.new == new)
            .ok_or_else(|| AcceptError::UnknownNew {
                candidate: c.id.clone(),
                name: new.clone(),
            })?;
        let id = EntityId::new(&self.unique(&proposed.id))?;
        let mut names = Names::default();
        match detect(new) {
            super::Lang::Ar => names.ar = Some(new.clone()),
            super::Lang::Fr => names.fr = Some(new.clone()),
            super::Lang::En => names.en = Some(new.clone()),
        }
        self.out.entities.push(Entity {
            id: id.clone(),
            kind: proposed.kind,
            names,
            aliases: Vec::new(),
            lifetime: None,
            description: format!(
                "Proposed by actorgraph extract from {}.",
                self.extraction.document
            ),
        });
        self.new_ids.insert(new.clone(), id.clone());
        Ok(id)
    }
}

/// The sources to add for the documents the `chosen` candidates cite: each read from
/// `sources_dir` (which a document the graph does not list requires), its spans checked to
/// fall on character boundaries, and listed unless the graph lists it already.
fn documents(
    chosen: &[&Candidate],
    graph: &Graph,
    sources_dir: Option<&Path>,
) -> Result<Vec<Source>, AcceptError> {
    let mut documents: Vec<&str> = chosen
        .iter()
        .flat_map(|c| c.evidence.iter().map(|e| e.document.as_str()))
        .collect();
    documents.sort_unstable();
    documents.dedup();
    let mut sources = Vec::new();
    for document in documents {
        let fail = |reason: String| AcceptError::Document {
            document: document.to_owned(),
            reason,
        };
        let registered = graph.sources().iter().any(|s| s.document == document);
        let Some(dir) = sources_dir else {
            if registered {
                continue; // `check --sources` checks its spans.
            }
            return Err(fail("no --sources given".into()));
        };
        if !crate::load::is_plain_file_name(document) {
            return Err(fail("not a plain file name".into()));
        }
        let bytes =
            crate::load::read_document(&dir.join(document)).map_err(|e| fail(e.to_string()))?;
        let text = super::text_of(document, &bytes).map_err(|e| fail(e.to_string()))?;
        check_spans(chosen, document, text)?;
        if !registered {
            sources.push(Source {
                document: document.to_owned(),
                kind: SourceKind::Text,
                language: detect(text).code().to_owned(),
                sha256: crate::load::sha256_hex(&bytes),
                description: "Added by actorgraph accept.".to_owned(),
            });
        }
    }
    Ok(sources)
}

/// Every span the `chosen` candidates cite in `document` is a non-empty slice of its `text`.
fn check_spans(chosen: &[&Candidate], document: &str, text: &str) -> Result<(), AcceptError> {
    for c in chosen {
        for e in c.evidence.iter().filter(|e| e.document == document) {
            if e.start_byte >= e.end_byte || text.get(e.start_byte..e.end_byte).is_none() {
                return Err(AcceptError::Span {
                    candidate: c.id.clone(),
                    document: document.to_owned(),
                    start: e.start_byte,
                    end: e.end_byte,
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Cited, Span};
    use crate::load::{GraphFiles, load};
    use crate::model::{RelationKind, Status};

    fn extraction(document: &str, start: usize, end: usize) -> Extraction {
        Extraction {
            document: document.to_owned(),
            candidates: vec![Candidate {
                id: "mnla-control-gao".to_owned(),
                kind: RelationKind::Control,
                source: Party::Known(EntityId::new("mnla").unwrap()),
                target: Party::Known(EntityId::new("gao").unwrap()),
                start: None,
                end: None,
                negated: false,
                status: Status::Asserted,
                evidence: vec![Cited {
                    document: document.to_owned(),
                    start_byte: start,
                    end_byte: end,
                }],
                confidence: 0.7,
                rule: "verb-svo: control verb".to_owned(),
                sentence: Span {
                    start_byte: start,
                    end_byte: end,
                },
                summary: String::new(),
            }],
            entities: Vec::new(),
        }
    }

    #[test]
    fn an_unregistered_document_needs_sources() {
        let graph = load(&GraphFiles::builtin()).unwrap();
        let err = additions(&extraction("news.txt", 0, 3), &[], &graph, None).unwrap_err();
        assert!(matches!(err, AcceptError::Document { .. }), "{err}");
    }

    #[test]
    fn spans_must_fit_the_document() {
        let graph = load(&GraphFiles::builtin()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("news.txt"), "غاو").unwrap();
        // Byte 1 is inside the first letter.
        let err =
            additions(&extraction("news.txt", 1, 4), &[], &graph, Some(dir.path())).unwrap_err();
        assert!(matches!(err, AcceptError::Span { .. }), "{err}");
        let ok = additions(&extraction("news.txt", 0, 6), &[], &graph, Some(dir.path())).unwrap();
        assert_eq!((ok.relations.len(), ok.sources.len()), (1, 1));
        assert_eq!(ok.sources[0].language, "ar");
    }

    #[test]
    fn unknown_ids_are_refused() {
        let graph = load(&GraphFiles::builtin()).unwrap();
        let err = additions(&extraction("x", 0, 1), &["nope".into()], &graph, None).unwrap_err();
        assert_eq!(err, AcceptError::UnknownId("nope".into()));
    }
}
