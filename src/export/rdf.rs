//! RDF Turtle: entities as resources and relations as n-ary `ag:Relation` nodes, for SPARQL
//! stores (Oxigraph, rdflib, Jena). Serialised by oxttl, one triple at a time; the relations,
//! most of a big document, on every core in chunks whose bytes are what one serializer writes.
//!
//! IRIs are built under a base, [`BASE`] (`https://actorgraph.example/`) unless
//! `export turtle --base-iri IRI` names another ([`check_base`]): `ent:ID` (`BASE/entity/ID`)
//! for entities, `rel:ID` (`…/relation/ID`) for relations, `ev:ID-N` (`…/evidence/ID-N`) for
//! the N-th evidence span (from 1) of relation ID, `cas:ID-N` (`…/casualties/ID-N`) for its
//! N-th toll, `src:DOC` (`…/source/DOC`, the document name percent-encoded) for a source
//! document, and `ag:` (`…/ns#`) for the vocabulary.
//!
//! Names are `rdfs:label`s tagged with their language; aliases are `skos:altLabel`s, tagged
//! `ar` when written in Arabic letters, `en` or `fr` when they are the English or French name,
//! untagged otherwise (an acronym such as `MNLA` is in no one language). RDF has no order
//! among the values of one property: aliases, claimants and spans are sets here (spans keep
//! their number in their IRI).
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
//!     ag:casualties cas:mnla-ansar-dine-alliance-1 ;
//!     ag:evidence ev:mnla-ansar-dine-alliance-1 .
//! cas:mnla-ansar-dine-alliance-1 a ag:Casualties ;
//!     ag:side ent:mnla ;                            # when the victims' side is an entity
//!     ag:who "…" ; ag:outcome "killed" ;             # killed or wounded
//!     ag:min 4 ; ag:max 4 .                          # absent when the number is unknown
//! ev:mnla-ansar-dine-alliance-1 a ag:Evidence ;
//!     ag:source src:000_cf7dd0309b80378d.txt ;
//!     ag:document "000_cf7dd0309b80378d.txt" ; ag:startByte 5221 ; ag:endByte 5449 ;
//!     ag:row 12 .                                   # for a row of an event table
//! src:000_cf7dd0309b80378d.txt a ag:Source ;
//!     ag:document "000_cf7dd0309b80378d.txt" ; ag:kind "text" ; ag:language "ar" ;
//!     ag:sha256 "…" ; rdfs:comment "…" .
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
use oxttl::turtle::LowLevelTurtleSerializer;

use super::Options;
use super::contents::write_in_chunks;
use super::fields::{self, DayBounds};
use super::{Contents, Listed};
use crate::model::{Entity, PartialDate, Precision, Relation, Source, UncertainDate};
use crate::query::Certainty;
use crate::text::strip_invisible;

/// The IRI exported resources are named under unless another is given.
pub const BASE: &str = "https://actorgraph.example/";
/// Where the vocabulary is, under [`BASE`] (prefix `ag:`).
pub const VOCABULARY: &str = "ns#";
/// Where entities are, under [`BASE`] (prefix `ent:`).
const ENTITY: &str = "entity/";
/// Where relations are, under [`BASE`] (prefix `rel:`).
const RELATION: &str = "relation/";
/// Where evidence spans are, under [`BASE`] (prefix `ev:`).
const EVIDENCE: &str = "evidence/";
/// Where tolls are, under [`BASE`] (prefix `cas:`).
const CASUALTIES: &str = "casualties/";
/// Where source documents are, under [`BASE`] (prefix `src:`).
const SOURCE: &str = "source/";
const SKOS_ALT_LABEL: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://www.w3.org/2004/02/skos/core#altLabel");
/// What a serializer ends one subject's statement with before it begins the next one's.
const END_OF_STATEMENT: &[u8] = b" .\n";

/// Checks a base IRI for `--base-iri`: an absolute IRI ending with `/` or `#`, so that the
/// resources' IRIs are the base plus a path.
///
/// ```
/// use actorgraph::export::rdf::check_base;
/// assert!(check_base("https://example.org/azawad/").is_ok());
/// assert!(check_base("https://example.org/azawad").is_err());
/// assert!(check_base("not an iri/").is_err());
/// ```
pub fn check_base(base: &str) -> Result<(), BaseIriError> {
    if !base.ends_with(['/', '#']) {
        return Err(BaseIriError::Unterminated(base.to_owned()));
    }
    NamedNode::new(format!("{base}{VOCABULARY}"))
        .map(drop)
        .map_err(|error| BaseIriError::NotAbsolute {
            base: base.to_owned(),
            error,
        })
}

/// Why a base IRI cannot name the resources of an export.
#[derive(Debug, thiserror::Error)]
pub enum BaseIriError {
    /// The base does not end with `/` or `#`, so names would run into it.
    #[error("base IRI {0:?} must end with / or # (resources are named BASE/entity/ID)")]
    Unterminated(String),
    /// The base is not an absolute IRI.
    #[error("base IRI {base:?} is not an absolute IRI: {error}")]
    NotAbsolute {
        /// The base given.
        base: String,
        /// Why it does not parse.
        error: oxrdf::IriParseError,
    },
}

/// Writes `contents` as Turtle under `options.base_iri` (else [`BASE`]): its entities, then
/// its relations in order, each followed by its tolls and evidence nodes, then the source
/// documents; the relations formatted on every core in chunks of `chunk`. Errors with
/// `InvalidInput` for a base that fails [`check_base`].
pub fn write_of(
    contents: &dyn Contents,
    options: &Options,
    out: &mut dyn Write,
    chunk: usize,
) -> io::Result<()> {
    let base = options.base_iri.as_deref().unwrap_or(BASE).to_owned();
    check_base(&base).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    let serializer = serializer(&base)?;
    let mut triples = Triples::new(&serializer, &base, BufWriter::new(out));
    contents.each_entity(&mut |entity| triples.entity(entity))?;
    contents.each_batch(&mut |batch| triples.relations(batch, chunk))?;
    for source in contents.sources() {
        triples.source(source)?;
    }
    triples.finish()
}

/// A serializer that names IRIs under `base` (and RDF's vocabularies) by their prefixes.
fn serializer(base: &str) -> io::Result<TurtleSerializer> {
    let mut serializer = TurtleSerializer::new();
    let ours = [
        ("ag", VOCABULARY),
        ("ent", ENTITY),
        ("rel", RELATION),
        ("ev", EVIDENCE),
        ("cas", CASUALTIES),
        ("src", SOURCE),
    ]
    .map(|(prefix, path)| (prefix, format!("{base}{path}")));
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
    Ok(serializer)
}

/// A serializer, where it writes, and the base IRI, with what turns the model into triples.
struct Triples<'b, W: Write> {
    out: LowLevelTurtleSerializer,
    w: W,
    /// What `out` was made from, for serializers of chunks like it.
    serializer: &'b TurtleSerializer,
    base: &'b str,
    /// Whether a triple has been written: the prelude (the prefixes) with it.
    started: bool,
}

impl<'b, W: Write> Triples<'b, W> {
    /// Triples written by a serializer like `serializer` on `w`.
    fn new(serializer: &'b TurtleSerializer, base: &'b str, w: W) -> Triples<'b, W> {
        Triples {
            out: serializer.clone().low_level(),
            w,
            serializer,
            base,
            started: false,
        }
    }

    /// Ends the last statement and flushes.
    fn finish(mut self) -> io::Result<()> {
        self.out.finish(&mut self.w)?;
        self.w.flush()
    }

    /// Writes the relations of `batch`, in order. Once a triple has been written, they are
    /// formatted on every core in chunks of `chunk`, each by a serializer like this one
    /// that has written its prelude and a statement of its own elsewhere: its bytes open with
    /// the end of the statement before and leave the last one open, which is what this
    /// serializer would write, since every relation's subjects are its own. This serializer's
    /// open statement, which the first chunk ends, and its next write, which ends the last
    /// chunk's, are the same as if it had written them.
    fn relations(&mut self, batch: &[Listed<'_>], chunk: usize) -> io::Result<()> {
        let mut rest = batch;
        while !self.started {
            let Some((first, after)) = rest.split_first() else {
                return Ok(());
            };
            self.relation(first.relation, first.certainty)?;
            rest = after;
        }
        let (serializer, base) = (self.serializer, self.base);
        write_in_chunks(rest, chunk, &mut self.w, |relations| {
            let mut triples = Triples::new(serializer, base, Vec::new());
            triples.open_elsewhere()?;
            for listed in relations {
                triples.relation(listed.relation, listed.certainty)?;
            }
            if !triples.w.starts_with(END_OF_STATEMENT) {
                let unforeseen = "the Turtle serializer began a statement in an unforeseen way";
                return Err(io::Error::other(unforeseen));
            }
            Ok(triples.w)
        })
    }

    /// Writes the prelude and a statement about a subject no export names, elsewhere, so that
    /// what is written next is written as after another statement.
    fn open_elsewhere(&mut self) -> io::Result<()> {
        let nowhere = NamedNodeRef::new_unchecked("urn:actorgraph:nowhere");
        let triple = TripleRef::new(nowhere, nowhere, nowhere);
        self.out.serialize_triple(triple, io::sink())
    }

    fn add<'a>(
        &mut self,
        subject: &'a NamedNode,
        predicate: impl Into<NamedNodeRef<'a>>,
        object: impl Into<TermRef<'a>>,
    ) -> io::Result<()> {
        self.started = true;
        let triple = TripleRef::new(subject, predicate, object);
        self.out.serialize_triple(triple, &mut self.w)
    }

    /// The base + `path` + `local`; the callers pass validated slugs, fixed names and
    /// percent-encoded document names, which need no escaping.
    fn iri(&self, path: &str, local: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{path}{local}", self.base))
    }

    /// A term of the vocabulary.
    fn ag(&self, name: &str) -> NamedNode {
        self.iri(VOCABULARY, name)
    }

    fn entity(&mut self, entity: &Entity) -> io::Result<()> {
        let me = self.iri(ENTITY, entity.id.as_str());
        self.add(&me, rdf::TYPE, &self.ag("Entity"))?;
        self.add(&me, rdf::TYPE, &self.ag(&fields::class_name(entity.kind)))?;
        self.add(&me, &self.ag("id"), &Literal::from(entity.id.as_str()))?;
        let names = &entity.names;
        for (lang, name) in [("en", &names.en), ("ar", &names.ar), ("fr", &names.fr)] {
            if let Some(name) = name {
                self.add(&me, rdfs::LABEL, &tagged(name, lang))?;
            }
        }
        for alias in &entity.aliases {
            let lang = alias_language(entity, alias);
            let label = lang.map_or_else(|| text(alias), |lang| tagged(alias, lang));
            self.add(&me, SKOS_ALT_LABEL, &label)?;
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
            return self.add(me, &self.ag(side), &date(exact));
        }
        let (low, high) = value.written();
        if let Some(low) = low {
            self.add(me, &self.ag(&format!("{side}NotBefore")), &date(low))?;
        }
        if let Some(high) = high {
            self.add(me, &self.ag(&format!("{side}NotAfter")), &date(high))?;
        }
        Ok(())
    }

    fn relation(&mut self, relation: &Relation, certainty: Option<Certainty>) -> io::Result<()> {
        let id = relation.id.as_str();
        let me = self.iri(RELATION, id);
        self.add(&me, rdf::TYPE, &self.ag("Relation"))?;
        self.add(&me, &self.ag("id"), &Literal::from(id))?;
        let kind = Literal::from(relation.kind.as_str());
        self.add(&me, &self.ag("kind"), &kind)?;
        for (name, end) in [("source", &relation.source), ("target", &relation.target)] {
            self.add(&me, &self.ag(name), &self.iri(ENTITY, end.as_str()))?;
        }
        let symmetric = Literal::from(relation.kind.is_symmetric());
        self.add(&me, &self.ag("symmetric"), &symmetric)?;
        self.date(&me, "start", relation.start)?;
        self.date(&me, "end", relation.end)?;
        self.bounds(&me, relation)?;
        self.add(&me, &self.ag("negated"), &Literal::from(relation.negated))?;
        self.add(&me, &self.ag("timeless"), &Literal::from(relation.timeless))?;
        let status = Literal::from(relation.status.as_str());
        self.add(&me, &self.ag("status"), &status)?;
        if let Some(certainty) = certainty {
            let certainty = Literal::from(certainty.as_str());
            self.add(&me, &self.ag("certainty"), &certainty)?;
        }
        for (name, ids) in [
            ("claimedBy", relation.claimed_by()),
            ("disputedBy", relation.disputed_by()),
        ] {
            for who in ids {
                self.add(&me, &self.ag(name), &self.iri(ENTITY, who.as_str()))?;
            }
        }
        if let Some(place) = relation.place() {
            self.add(&me, &self.ag("place"), &self.iri(ENTITY, place.as_str()))?;
        }
        if let Some(event) = &relation.event() {
            self.add(&me, &self.ag("event"), &text(event))?;
        }
        self.add(&me, &self.ag("summary"), &text(relation.summary()))?;
        let id = relation.id.as_str();
        let tolls = self.numbered(CASUALTIES, id, relation.casualties().len());
        let spans = self.numbered(EVIDENCE, id, relation.evidence().len());
        for (name, nodes) in [("casualties", &tolls), ("evidence", &spans)] {
            for node in nodes {
                self.add(&me, &self.ag(name), node)?;
            }
        }
        self.casualties(&tolls, relation)?;
        self.evidence(&spans, relation)
    }

    /// `path` + `ID-1` … `ID-count`: the IRIs of a relation's tolls or spans.
    fn numbered(&self, path: &str, id: &str, count: usize) -> Vec<NamedNode> {
        (1..=count)
            .map(|n| self.iri(path, &format!("{id}-{n}")))
            .collect()
    }

    /// The four day bounds, as `xsd:date`s.
    fn bounds(&mut self, me: &NamedNode, relation: &Relation) -> io::Result<()> {
        let bounds = DayBounds::of(relation);
        let names = ["startEarliest", "startLatest", "endEarliest", "endLatest"];
        for (name, (_, day)) in names.into_iter().zip(bounds.named()) {
            if let Some(day) = day {
                let day = Literal::new_typed_literal(day, xsd::DATE);
                self.add(me, &self.ag(name), &day)?;
            }
        }
        Ok(())
    }

    /// One `ag:Casualties` node per toll, named `nodes`.
    fn casualties(&mut self, nodes: &[NamedNode], relation: &Relation) -> io::Result<()> {
        for (node, toll) in nodes.iter().zip(relation.casualties()) {
            self.add(node, rdf::TYPE, &self.ag("Casualties"))?;
            if let Some(side) = &toll.side {
                self.add(node, &self.ag("side"), &self.iri(ENTITY, side.as_str()))?;
            }
            self.add(node, &self.ag("who"), &text(&toll.who))?;
            let outcome = Literal::from(toll.outcome.as_str());
            self.add(node, &self.ag("outcome"), &outcome)?;
            for (name, number) in [("min", toll.min), ("max", toll.max)] {
                if let Some(number) = number {
                    self.add(node, &self.ag(name), &Literal::from(i64::from(number)))?;
                }
            }
        }
        Ok(())
    }

    /// One `ag:Evidence` node per span, named `nodes`, linked to its source document.
    fn evidence(&mut self, nodes: &[NamedNode], relation: &Relation) -> io::Result<()> {
        for (node, span) in nodes.iter().zip(relation.evidence()) {
            self.add(node, rdf::TYPE, &self.ag("Evidence"))?;
            let source = self.iri(SOURCE, &percent_encoded(&span.document));
            self.add(node, &self.ag("source"), &source)?;
            self.add(node, &self.ag("document"), &text(&span.document))?;
            self.add(
                node,
                &self.ag("startByte"),
                &Literal::from(span.start_byte()),
            )?;
            self.add(node, &self.ag("endByte"), &Literal::from(span.end_byte()))?;
            if let Some(row) = span.row() {
                self.add(node, &self.ag("row"), &Literal::from(row))?;
            }
        }
        Ok(())
    }

    fn source(&mut self, source: &Source) -> io::Result<()> {
        let me = self.iri(SOURCE, &percent_encoded(&source.document));
        self.add(&me, rdf::TYPE, &self.ag("Source"))?;
        self.add(&me, &self.ag("document"), &text(&source.document))?;
        self.add(&me, &self.ag("kind"), &Literal::from(source.kind.as_str()))?;
        self.add(&me, &self.ag("language"), &text(&source.language))?;
        self.add(&me, &self.ag("sha256"), &text(&source.sha256))?;
        self.add(&me, rdfs::COMMENT, &text(&source.description))
    }
}

/// The language tag of an alias of `entity` as a `skos:altLabel`: `ar` when it is written in
/// Arabic letters, `en` or `fr` when it is the entity's English or French name, none
/// otherwise (an acronym such as `MNLA` is in no one language).
///
/// ```
/// use actorgraph::export::rdf::alias_language;
/// let gao: actorgraph::Entity = serde_json::from_str(r#"{"id": "gao", "kind": "city",
///     "names": {"en": "Gao", "fr": "Gao"}, "aliases": ["جاو", "Gao", "GAO"],
///     "description": ""}"#).unwrap();
/// assert_eq!(alias_language(&gao, "جاو"), Some("ar"));
/// assert_eq!(alias_language(&gao, "Gao"), Some("en"));
/// assert_eq!(alias_language(&gao, "GAO"), None);
/// ```
pub fn alias_language(entity: &Entity, alias: &str) -> Option<&'static str> {
    let names = &entity.names;
    if crate::text::is_arabic_script(alias) {
        Some("ar")
    } else if names.en.as_deref() == Some(alias) {
        Some("en")
    } else if names.fr.as_deref() == Some(alias) {
        Some("fr")
    } else {
        None
    }
}

/// `name` with every byte but ASCII letters, digits, `-`, `.`, `_` and `~` percent-encoded
/// (RFC 3986 unreserved characters), so that any document name is one IRI path segment.
fn percent_encoded(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A language-tagged literal of untrusted text (`lang` is `en`, `ar` or `fr`).
fn tagged(value: &str, lang: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(strip_invisible(value), lang)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Selected;

    /// What one serializer writes of `contents`: every triple in order, on one core.
    fn one_serializer(contents: &dyn Contents, serializer: &TurtleSerializer) -> Vec<u8> {
        let mut out = Vec::new();
        let mut triples = Triples::new(serializer, BASE, &mut out);
        contents.each_entity(&mut |e| triples.entity(e)).unwrap();
        (contents.each_batch(&mut |batch| {
            (batch.iter()).try_for_each(|l| triples.relation(l.relation, l.certainty))
        }))
        .unwrap();
        for source in contents.sources() {
            triples.source(source).unwrap();
        }
        triples.finish().unwrap();
        out
    }

    /// The relations formatted in chunks on every core make the document one serializer
    /// makes, whether the entities come first or there are none to write the prelude.
    #[test]
    fn relations_in_chunks_write_what_one_serializer_writes() {
        let graph = crate::load::load(&crate::load::GraphFiles::builtin()).unwrap();
        let all = crate::query::snapshot(&graph, &crate::query::Filter::default());
        assert!(all.relations.len() > 20);
        let options = Options::default();
        let serializer = serializer(BASE).unwrap();
        let with_entities = Selected::new(&graph, &all);
        let without = Selected::of(&graph, &[], &all.relations);
        let nothing = Selected::of(&graph, &[], &[]);
        for contents in [&with_entities, &without, &nothing] {
            let one = String::from_utf8(one_serializer(contents, &serializer)).unwrap();
            assert!(one.starts_with("@prefix "), "{}", &one[..40]);
            assert!(one.ends_with(" .\n"));
            for chunk in [1, 2, 3, 1 << 10] {
                let mut out = Vec::new();
                write_of(contents, &options, &mut out, chunk).unwrap();
                assert_eq!(String::from_utf8(out).unwrap(), one, "{chunk}");
            }
        }
    }
}
