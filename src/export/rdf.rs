//! RDF Turtle: entities as resources and relations as n-ary `ag:Relation` nodes, for SPARQL
//! stores (Oxigraph, rdflib, Jena). Serialised by oxttl, one triple at a time.
//!
//! IRIs are built under the base [`BASE`] (`https://actorgraph.example/`), whatever graph is
//! exported: `ent:ID` (`<https://actorgraph.example/entity/ID>`) for entities, `rel:ID`
//! (`…/relation/ID`) for relations, `ev:ID-N` (`…/evidence/ID-N`) for the N-th evidence span
//! (from 1) of relation ID, and `ag:` (`…/ns#`) for the vocabulary.
//!
//! ```turtle
//! ent:mnla a ag:Entity , ag:PoliticalMovement ;
//!     ag:id "mnla" ;
//!     rdfs:label "National Movement for the Liberation of Azawad"@en , "…"@ar , "…"@fr ;
//!     skos:altLabel "MNLA" ;
//!     ag:start "2011-10"^^xsd:gYearMonth ;          # lifetime, when known
//!     rdfs:comment "…" .
//! rel:mnla-ansar-dine-alliance a ag:Relation ;
//!     ag:id "mnla-ansar-dine-alliance" ;
//!     ag:kind "alliance" ;                          # the relation kind, as on the command line
//!     ag:source ent:mnla ; ag:target ent:ansar-dine ;
//!     ag:symmetric true ;
//!     ag:start "2012-05"^^xsd:gYearMonth ;           # xsd:gYear, xsd:gYearMonth or xsd:date
//!     ag:end "2012"^^xsd:gYear ;                     # by the date's precision
//!     # a bound instead of a date: ag:startNotBefore / ag:startNotAfter (both for a
//!     # range `[2012-04..2012-06]`), ag:endNotBefore / ag:endNotAfter, typed the same way
//!     ag:startEarliest "2012-05-01"^^xsd:date ; ag:startLatest "2012-05-31"^^xsd:date ;
//!     ag:endEarliest "2012-01-01"^^xsd:date ; ag:endLatest "2012-12-31"^^xsd:date ;
//!     ag:negated false ;
//!     ag:timeless false ;                           # true: a standing fact outside time
//!     ag:status "asserted" ;                        # asserted, alleged or disputed
//!     ag:certainty "possible" ;                     # only for a selection made for a date
//!     ag:claimedBy ent:… ; ag:disputedBy ent:… ; ag:place ent:gao ;
//!     ag:event "…" ; ag:summary "…" ;
//!     ag:evidence ev:mnla-ansar-dine-alliance-1 .
//! ev:mnla-ansar-dine-alliance-1 a ag:Evidence ;
//!     ag:document "000_cf7dd0309b80378d.txt" ; ag:startByte 5221 ; ag:endByte 5449 .
//! ```
//!
//! The four day bounds are those every time question uses: a missing start has no
//! `ag:startEarliest`, an open end no `ag:endLatest`, and an instantaneous kind without an end
//! ends within its start. So "holds at some point of period P" is
//! `(!BOUND(?startEarliest) || ?startEarliest <= P.last) && (!BOUND(?endLatest) || ?endLatest >= P.first)`;
//! like the command line, a time question should also leave out relations that have none of
//! the four bounds (undated, or `ag:timeless true`) unless it asks for them.

use std::io::{self, BufWriter, Write};

use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::{Literal, NamedNode, NamedNodeRef, TermRef, TripleRef};
use oxttl::TurtleSerializer;
use oxttl::turtle::WriterTurtleSerializer;

use super::fields::{self, DayBounds};
use crate::graph::Graph;
use crate::model::{Entity, PartialDate, Precision, Relation, UncertainDate};
use crate::query::{Certainty, Snapshot};
use crate::text::strip_invisible;

/// The IRI every exported resource is named under, whatever graph is exported.
pub const BASE: &str = "https://actorgraph.example/";
/// Where the vocabulary is, under [`BASE`] (prefix `ag:`).
pub const VOCABULARY: &str = "ns#";
/// Where entities are, under [`BASE`] (prefix `ent:`).
const ENTITY: &str = "entity/";
/// Where relations are, under [`BASE`] (prefix `rel:`).
const RELATION: &str = "relation/";
/// Where evidence spans are, under [`BASE`] (prefix `ev:`).
const EVIDENCE: &str = "evidence/";
const SKOS_ALT_LABEL: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://www.w3.org/2004/02/skos/core#altLabel");

/// Writes `selection` as Turtle: entities in the selection's order, then relations in the
/// selection's (chronological) order, each followed by its evidence nodes.
pub fn write(graph: &Graph, selection: &Snapshot, out: &mut dyn Write) -> io::Result<()> {
    let mut serializer = TurtleSerializer::new();
    let ours = [
        ("ag", VOCABULARY),
        ("ent", ENTITY),
        ("rel", RELATION),
        ("ev", EVIDENCE),
    ]
    .map(|(prefix, path)| (prefix, format!("{BASE}{path}")));
    let others = [
        ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ]
    .map(|(prefix, iri)| (prefix, iri.to_owned()));
    for (prefix, iri) in ours.into_iter().chain(others) {
        serializer = serializer
            .with_prefix(prefix, iri)
            .map_err(io::Error::other)?;
    }
    let mut triples = Triples(serializer.for_writer(BufWriter::new(out)));
    for &e in &selection.entities {
        triples.entity(graph.entity(e))?;
    }
    for found in &selection.relations {
        triples.relation(graph.relation(found.relation), found.certainty)?;
    }
    triples.0.finish()?.flush()
}

/// The serializer, with what turns the model into triples.
struct Triples<W: Write>(WriterTurtleSerializer<W>);

impl<W: Write> Triples<W> {
    fn add<'a>(
        &mut self,
        subject: &'a NamedNode,
        predicate: impl Into<NamedNodeRef<'a>>,
        object: impl Into<TermRef<'a>>,
    ) -> io::Result<()> {
        self.0
            .serialize_triple(TripleRef::new(subject, predicate, object))
    }

    fn entity(&mut self, entity: &Entity) -> io::Result<()> {
        let me = iri(ENTITY, entity.id.as_str());
        self.add(&me, rdf::TYPE, &ag("Entity"))?;
        self.add(&me, rdf::TYPE, &ag(&fields::class_name(entity.kind)))?;
        self.add(&me, &ag("id"), &Literal::from(entity.id.as_str()))?;
        let names = &entity.names;
        for (lang, name) in [("en", &names.en), ("ar", &names.ar), ("fr", &names.fr)] {
            if let Some(name) = name {
                let label =
                    Literal::new_language_tagged_literal_unchecked(strip_invisible(name), lang);
                self.add(&me, rdfs::LABEL, &label)?;
            }
        }
        for alias in &entity.aliases {
            self.add(&me, SKOS_ALT_LABEL, &text(alias.as_str()))?;
        }
        if let Some(lifetime) = &entity.lifetime {
            self.date(&me, "start", lifetime.start)?;
            self.date(&me, "end", lifetime.end)?;
        }
        self.add(&me, rdfs::COMMENT, &text(entity.description.as_str()))
    }

    /// `ag:start` (or `ag:end`) for an exact date; `ag:startNotBefore` and `ag:startNotAfter`
    /// (or `ag:endNotBefore`, `ag:endNotAfter`) for the written sides of bounds.
    fn date(&mut self, me: &NamedNode, side: &str, value: Option<UncertainDate>) -> io::Result<()> {
        let Some(value) = value else { return Ok(()) };
        if let Some(exact) = value.exact() {
            return self.add(me, &ag(side), &date(exact));
        }
        let (low, high) = value.written();
        if let Some(low) = low {
            self.add(me, &ag(&format!("{side}NotBefore")), &date(low))?;
        }
        if let Some(high) = high {
            self.add(me, &ag(&format!("{side}NotAfter")), &date(high))?;
        }
        Ok(())
    }

    fn relation(&mut self, relation: &Relation, certainty: Option<Certainty>) -> io::Result<()> {
        let id = relation.id.as_str();
        let me = iri(RELATION, id);
        self.add(&me, rdf::TYPE, &ag("Relation"))?;
        self.add(&me, &ag("id"), &Literal::from(id))?;
        self.add(&me, &ag("kind"), &Literal::from(relation.kind.as_str()))?;
        self.add(&me, &ag("source"), &iri(ENTITY, relation.source.as_str()))?;
        self.add(&me, &ag("target"), &iri(ENTITY, relation.target.as_str()))?;
        self.add(
            &me,
            &ag("symmetric"),
            &Literal::from(relation.kind.is_symmetric()),
        )?;
        self.date(&me, "start", relation.start)?;
        self.date(&me, "end", relation.end)?;
        let bounds = DayBounds::of(relation);
        for (name, day) in [
            ("startEarliest", &bounds.start_first),
            ("startLatest", &bounds.start_last),
            ("endEarliest", &bounds.end_first),
            ("endLatest", &bounds.end_last),
        ] {
            if let Some(day) = day {
                let day = Literal::new_typed_literal(day, xsd::DATE);
                self.add(&me, &ag(name), &day)?;
            }
        }
        self.add(&me, &ag("negated"), &Literal::from(relation.negated))?;
        self.add(&me, &ag("timeless"), &Literal::from(relation.timeless))?;
        self.add(&me, &ag("status"), &Literal::from(relation.status.as_str()))?;
        if let Some(certainty) = certainty {
            self.add(&me, &ag("certainty"), &Literal::from(certainty.as_str()))?;
        }
        for (name, ids) in [
            ("claimedBy", &relation.claimed_by),
            ("disputedBy", &relation.disputed_by),
        ] {
            for who in ids {
                self.add(&me, &ag(name), &iri(ENTITY, who.as_str()))?;
            }
        }
        if let Some(place) = &relation.place {
            self.add(&me, &ag("place"), &iri(ENTITY, place.as_str()))?;
        }
        if let Some(event) = &relation.event {
            self.add(&me, &ag("event"), &text(event))?;
        }
        self.add(&me, &ag("summary"), &text(&relation.summary))?;
        let spans: Vec<NamedNode> = (1..=relation.evidence.len())
            .map(|n| iri(EVIDENCE, &format!("{id}-{n}")))
            .collect();
        for span in &spans {
            self.add(&me, &ag("evidence"), span)?;
        }
        for (span, evidence) in spans.iter().zip(&relation.evidence) {
            self.add(span, rdf::TYPE, &ag("Evidence"))?;
            let document = text(&evidence.document);
            self.add(span, &ag("document"), &document)?;
            self.add(span, &ag("startByte"), &Literal::from(evidence.start_byte))?;
            self.add(span, &ag("endByte"), &Literal::from(evidence.end_byte))?;
        }
        Ok(())
    }
}

/// A term of the vocabulary.
fn ag(name: &str) -> NamedNode {
    iri(VOCABULARY, name)
}

/// [`BASE`] + `path` + `local`; the callers pass validated slugs and fixed names, which need
/// no escaping.
fn iri(path: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{BASE}{path}{local}"))
}

/// A partial date as a literal typed by its precision: `xsd:gYear`, `xsd:gYearMonth` or
/// `xsd:date`.
fn date(date: PartialDate) -> Literal {
    let datatype = match date.precision() {
        Precision::Year => xsd::G_YEAR,
        Precision::Month => xsd::G_YEAR_MONTH,
        Precision::Day => xsd::DATE,
    };
    Literal::new_typed_literal(date.to_string(), datatype)
}

/// A plain literal of untrusted text, without invisible characters (see [`crate::text`]).
fn text(value: &str) -> Literal {
    Literal::from(strip_invisible(value).as_ref())
}
