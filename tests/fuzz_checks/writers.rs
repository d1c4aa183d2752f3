//! The `writers` target: any names and texts in a graph → GraphML and GEXF that are
//! well-formed XML holding the text, Turtle that oxttl parses with the same resources and
//! texts, and node-link JSON that loads back to the same graph.

use std::collections::{BTreeMap, BTreeSet};

use actorgraph::export::{self, Format};
use actorgraph::text::strip_invisible;
use actorgraph::{Entity, Graph, Relation};
use oxrdf::{NamedNode, NamedOrBlankNode, Term};
use quick_xml::XmlVersion;
use quick_xml::events::Event;

use super::graph::Case;
use super::loader::round_trip;

/// Exports a small arbitrary graph (see [`Case`]) as GraphML, GEXF and Turtle and reads each
/// back; then round-trips the whole graph through node-link JSON.
///
/// - GraphML and GEXF: only characters XML 1.0 allows, one root, balanced and matching tags,
///   no duplicate attribute, only the predefined entities; one `node` per selected entity and
///   one `edge` per selected relation, in order, with their ids and endpoints; every name,
///   alias list, description, event and summary reads back (attribute values after XML's
///   attribute-value normalisation) as the text minus invisible and forbidden characters.
/// - Turtle: parses with oxttl; exactly the selected entities are `ag:Entity` and as many
///   relations `ag:Relation`; labels (with their language), alternative labels, comments,
///   events and summaries are the texts minus invisible characters.
pub fn writers(data: &[u8]) {
    let Some(case) = Case::from_bytes(data) else {
        return;
    };
    graphml(&case);
    gexf(&case);
    turtle(&case);
    round_trip(&case.graph);
}

/// A list as GraphML and GEXF write it: one compact JSON array, invisible characters
/// escaped; nothing for an empty list.
fn json_list(items: &[String]) -> String {
    if items.is_empty() {
        return String::new();
    }
    let mut out = Vec::new();
    actorgraph::text::json::to_writer(&mut out, items).expect("JSON");
    String::from_utf8(out).expect("UTF-8")
}

fn export(case: &Case, format: Format) -> String {
    let mut out = Vec::new();
    export::write(
        format,
        "",
        &case.graph,
        &case.selection,
        &case.options,
        &mut out,
    )
    .expect("writing to a Vec does not fail");
    String::from_utf8(out).unwrap_or_else(|e| panic!("{format} is not UTF-8: {e}"))
}

fn entities(case: &Case) -> Vec<&Entity> {
    let graph: &Graph = &case.graph;
    case.selection
        .entities
        .iter()
        .map(|&e| graph.entity(e))
        .collect()
}

fn relations(case: &Case) -> Vec<&Relation> {
    let graph: &Graph = &case.graph;
    let found = &case.selection.relations;
    found.iter().map(|f| graph.relation(f.relation)).collect()
}

fn graphml(case: &Case) {
    let text = export(case, Format::Graphml);
    let xml = Xml::parse(&text);
    let nodes = xml.named("node");
    let entities = entities(case);
    assert_eq!(nodes.len(), entities.len(), "{text}");
    for (&node, entity) in nodes.iter().zip(&entities) {
        assert_eq!(xml.attribute(node, "id"), entity.id.as_str());
        let names = &entity.names;
        let mut want = BTreeMap::new();
        for (key, value) in [
            ("n-label", Some(entity.label())),
            ("n-name_en", names.en.as_deref()),
            ("n-name_ar", names.ar.as_deref()),
            ("n-name_fr", names.fr.as_deref()),
            ("n-aliases", Some(&json_list(&entity.aliases))),
            ("n-description", Some(&entity.description)),
        ] {
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                want.insert(key.to_owned(), xml_text(value));
            }
        }
        let mut data = xml.data(node);
        data.retain(|k, _| want.contains_key(k));
        assert_eq!(data, want, "node {}:\n{text}", entity.id);
    }
    let edges = xml.named("edge");
    let relations = relations(case);
    assert_eq!(edges.len(), relations.len(), "{text}");
    for (&edge, relation) in edges.iter().zip(&relations) {
        xml.endpoints(edge, relation);
        let mut want = BTreeMap::new();
        for (key, value) in [
            ("e-event", relation.event()),
            ("e-summary", Some(relation.summary())),
        ] {
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                want.insert(key.to_owned(), xml_text(value));
            }
        }
        let mut data = xml.data(edge);
        data.retain(|k, _| want.contains_key(k));
        assert_eq!(data, want, "edge {}:\n{text}", relation.id);
    }
}

fn gexf(case: &Case) {
    let text = export(case, Format::Gexf);
    let xml = Xml::parse(&text);
    let nodes = xml.named("node");
    let entities = entities(case);
    assert_eq!(nodes.len(), entities.len(), "{text}");
    for (&node, entity) in nodes.iter().zip(&entities) {
        assert_eq!(xml.attribute(node, "id"), entity.id.as_str());
        assert_eq!(xml.attribute(node, "label"), xml_token(entity.label()));
        let names = &entity.names;
        let aliases = json_list(&entity.aliases);
        let want = attvalues(&[
            ("name_en", names.en.as_deref()),
            ("name_ar", names.ar.as_deref()),
            ("name_fr", names.fr.as_deref()),
            ("aliases", Some(&aliases)),
            ("description", Some(&entity.description)),
        ]);
        let mut got = xml.attvalues(node);
        got.retain(|k, _| want.contains_key(k));
        assert_eq!(got, want, "node {}:\n{text}", entity.id);
    }
    let edges = xml.named("edge");
    let relations = relations(case);
    assert_eq!(edges.len(), relations.len(), "{text}");
    for (&edge, relation) in edges.iter().zip(&relations) {
        xml.endpoints(edge, relation);
        let want = attvalues(&[("summary", Some(relation.summary()))]);
        let mut got = xml.attvalues(edge);
        got.retain(|k, _| want.contains_key(k));
        assert_eq!(got, want, "edge {}:\n{text}", relation.id);
    }
}

/// What GEXF writes for these values: one `attvalue` per present, non-empty value.
fn attvalues(values: &[(&str, Option<&str>)]) -> BTreeMap<String, String> {
    values
        .iter()
        .filter_map(|&(id, value)| {
            let value = value.filter(|v| !v.is_empty())?;
            Some((id.to_owned(), xml_text(value)))
        })
        .collect()
}

/// The text an XML reader gets back for `value`: without invisible characters (line feeds and
/// tabs kept) nor those XML 1.0 forbids.
fn xml_text(value: &str) -> String {
    strip_invisible(value)
        .chars()
        .filter(|&c| xml_char(c))
        .collect()
}

/// [`xml_text`] as an `xsd:token`: whitespace runs one space, none at either end.
fn xml_token(value: &str) -> String {
    xml_text(value)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// XML 1.0's `Char` production.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// An XML document read with quick-xml: its elements in document order.
struct Xml {
    elements: Vec<Element>,
}

struct Element {
    name: String,
    parent: Option<usize>,
    /// Attribute values after XML 1.0 attribute-value normalisation.
    attributes: BTreeMap<String, String>,
    /// The element's own character data, entities resolved.
    text: String,
}

impl Xml {
    /// Reads `text` to its end, panicking on anything a conforming XML 1.0 parser refuses that
    /// quick-xml can see (or that it lets through: forbidden characters, unknown entities).
    fn parse(text: &str) -> Xml {
        if let Some(c) = text.chars().find(|&c| !xml_char(c)) {
            panic!("character {c:?} is not allowed in XML 1.0:\n{text}");
        }
        let mut reader = quick_xml::Reader::from_str(text);
        reader.config_mut().check_end_names = true;
        let mut elements: Vec<Element> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let mut roots = 0;
        loop {
            let event = reader
                .read_event()
                .unwrap_or_else(|e| panic!("not well-formed: {e}:\n{text}"));
            match event {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let name = e.name().as_ref().to_owned();
                    let mut attributes = BTreeMap::new();
                    for attribute in e.attributes() {
                        let attribute =
                            attribute.unwrap_or_else(|e| panic!("bad attribute: {e}:\n{text}"));
                        let key = attribute.key.as_ref().to_owned();
                        let value = attribute
                            .normalized_value(XmlVersion::Explicit1_0)
                            .unwrap_or_else(|e| panic!("bad attribute value: {e}:\n{text}"));
                        attributes.insert(key, value.into_owned());
                    }
                    if open.is_empty() {
                        roots += 1;
                    }
                    elements.push(Element {
                        name,
                        parent: open.last().copied(),
                        attributes,
                        text: String::new(),
                    });
                    if matches!(event, Event::Start(_)) {
                        open.push(elements.len() - 1);
                    }
                }
                Event::End(_) => {
                    open.pop().expect("an end tag closes an open element");
                }
                Event::Text(ref t) => {
                    let content = t.xml10_content();
                    match open.last() {
                        Some(&i) => elements[i].text.push_str(&content),
                        None => assert!(content.trim().is_empty(), "text outside the root"),
                    }
                }
                Event::GeneralRef(ref r) => {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => c,
                        Ok(None) => match r.as_ref() {
                            "amp" => '&',
                            "lt" => '<',
                            "gt" => '>',
                            "quot" => '"',
                            "apos" => '\'',
                            other => panic!("undefined entity &{other};:\n{text}"),
                        },
                        Err(e) => panic!("bad character reference: {e}:\n{text}"),
                    };
                    assert!(xml_char(c), "reference to forbidden {c:?}");
                    let i = *open.last().expect("a reference inside an element");
                    elements[i].text.push(c);
                }
                Event::CData(_) | Event::DocType(_) | Event::PI(_) => {
                    panic!("unexpected {event:?}")
                }
                Event::Decl(_) | Event::Comment(_) => {}
                Event::Eof => break,
            }
        }
        assert!(open.is_empty(), "unclosed elements:\n{text}");
        assert_eq!(roots, 1, "one root element:\n{text}");
        Xml { elements }
    }

    /// The indexes of the elements named `name`, in document order.
    fn named(&self, name: &str) -> Vec<usize> {
        (0..self.elements.len())
            .filter(|&i| self.elements[i].name == name)
            .collect()
    }

    fn attribute(&self, element: usize, name: &str) -> &str {
        let e = &self.elements[element];
        e.attributes
            .get(name)
            .unwrap_or_else(|| panic!("<{}> has no {name}", e.name))
    }

    /// Checks that `edge` has the relation's id and endpoints.
    fn endpoints(&self, edge: usize, relation: &Relation) {
        assert_eq!(self.attribute(edge, "id"), relation.id.as_str());
        assert_eq!(self.attribute(edge, "source"), relation.source.as_str());
        assert_eq!(self.attribute(edge, "target"), relation.target.as_str());
    }

    /// The text of the `data` children of `element`, by key (GraphML).
    fn data(&self, element: usize) -> BTreeMap<String, String> {
        self.elements
            .iter()
            .filter(|e| e.parent == Some(element) && e.name == "data")
            .map(|e| (e.attributes["key"].clone(), e.text.clone()))
            .collect()
    }

    /// The `attvalue`s under `element`'s `attvalues`, by `for` (GEXF).
    fn attvalues(&self, element: usize) -> BTreeMap<String, String> {
        let lists: BTreeSet<usize> = (0..self.elements.len())
            .filter(|&i| {
                self.elements[i].parent == Some(element) && self.elements[i].name == "attvalues"
            })
            .collect();
        self.elements
            .iter()
            .filter(|e| e.parent.is_some_and(|p| lists.contains(&p)) && e.name == "attvalue")
            .map(|e| (e.attributes["for"].clone(), e.attributes["value"].clone()))
            .collect()
    }
}

/// The IRIs the Turtle export names things with.
const BASE: &str = "https://actorgraph.example/";

fn turtle(case: &Case) {
    let text = export(case, Format::Turtle);
    let mut triples = Vec::new();
    for triple in oxttl::TurtleParser::new().for_slice(text.as_bytes()) {
        triples.push(triple.unwrap_or_else(|e| panic!("the Turtle does not parse: {e}\n{text}")));
    }
    let iri = |path: &str| NamedNode::new(format!("{BASE}{path}")).expect("an IRI");
    let rdf_type = NamedNode::new("http://www.w3.org/1999/02/22-rdf-syntax-ns#type").unwrap();
    let typed = |class: &str| -> BTreeSet<String> {
        let class = Term::from(iri(&format!("ns#{class}")));
        triples
            .iter()
            .filter(|t| t.predicate == rdf_type && t.object == class)
            .map(|t| t.subject.to_string())
            .collect()
    };
    // The literals of `subject` by `predicate`, with their language tags.
    let literals = |subject: &NamedNode, predicate: &str| -> BTreeSet<(String, Option<String>)> {
        let predicate = NamedNode::new(predicate).expect("an IRI");
        let subject = NamedOrBlankNode::from(subject.clone());
        triples
            .iter()
            .filter(|t| t.subject == subject && t.predicate == predicate)
            .map(|t| match &t.object {
                Term::Literal(l) => (l.value().to_owned(), l.language().map(str::to_owned)),
                other => panic!("not a literal: {other}"),
            })
            .collect()
    };
    let plain = |values: &[&str]| -> BTreeSet<(String, Option<String>)> {
        values
            .iter()
            .map(|v| (strip_invisible(v).into_owned(), None))
            .collect()
    };

    let entities = entities(case);
    let want: BTreeSet<String> = entities
        .iter()
        .map(|e| iri(&format!("entity/{}", e.id)).to_string())
        .collect();
    assert_eq!(typed("Entity"), want, "{text}");
    assert_eq!(typed("Relation").len(), case.selection.relations.len());
    const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
    for entity in &entities {
        let me = iri(&format!("entity/{}", entity.id));
        let names = &entity.names;
        let labels: BTreeSet<(String, Option<String>)> =
            [("en", &names.en), ("ar", &names.ar), ("fr", &names.fr)]
                .into_iter()
                .filter_map(|(lang, name)| {
                    let name = strip_invisible(name.as_deref()?).into_owned();
                    Some((name, Some(lang.to_owned())))
                })
                .collect();
        assert_eq!(literals(&me, &format!("{RDFS}label")), labels, "{text}");
        let aliases: BTreeSet<(String, Option<String>)> = entity
            .aliases
            .iter()
            .map(|a| {
                let lang = export::rdf::alias_language(entity, a).map(str::to_owned);
                (strip_invisible(a).into_owned(), lang)
            })
            .collect();
        let alt = "http://www.w3.org/2004/02/skos/core#altLabel";
        assert_eq!(literals(&me, alt), aliases, "{text}");
        let comment = literals(&me, &format!("{RDFS}comment"));
        assert_eq!(comment, plain(&[&entity.description]), "{text}");
    }
    for relation in relations(case) {
        let me = iri(&format!("relation/{}", relation.id));
        let ns = |local: &str| format!("{BASE}ns#{local}");
        let summary = literals(&me, &ns("summary"));
        assert_eq!(summary, plain(&[relation.summary()]), "{text}");
        let events: Vec<&str> = relation.event().into_iter().collect();
        assert_eq!(literals(&me, &ns("event")), plain(&events), "{text}");
    }
}
