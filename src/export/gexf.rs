//! GEXF 1.3: the selection as a dynamic graph whose timeline Gephi plays.
//!
//! The graph is `mode="dynamic"` with `timeformat="date"` and `defaultedgetype="directed"`.
//! Each relation is an `<edge>` from source to target whose id is the relation id and whose
//! GEXF 1.3 `kind` is the relation kind, so Gephi keeps parallel relations of different kinds
//! apart; a symmetric kind (alliance, conflict, ceasefire … see
//! [`RelationKind::is_symmetric`](crate::model::RelationKind::is_symmetric)) has
//! `type="undirected"`, so Gephi draws it without an arrow. networkx refuses such mixed
//! graphs: `export gexf --directed-only` writes every edge directed for it (`symmetric` still
//! says which read both ways).
//!
//! **Time, honestly.** An edge's spell runs from the earliest possible start day to the latest
//! possible end day of its dates (`2012-06` → `2012-06` has the spell `2012-06-01`–`2012-06-30`;
//! a start `[2012-04..2012-06]` begins it on `2012-04-01`): the days on which it possibly
//! holds. A side that is unbounded (no start, an open end, a start known only as on or before,
//! an end known only as on or after) is left out of the spell, and a relation with neither has
//! no spell (it is always there). Within the spell, the dynamic attribute `holds` says
//! `possible` on the days it may or may not hold (between its earliest and latest possible
//! start, between its earliest and latest possible end) and `certain` on the days it holds
//! under every reading of its dates, as `actorgraph relations --at` answers; a relation
//! never certain (no known start, or a start that may come after its end) is `possible`
//! throughout. An instantaneous kind without an end lasts through its start. An entity with
//! a lifetime gets a spell from it in the same way.
//!
//! Static attributes (`<attvalue>`): on nodes `kind`, `name_en`, `name_ar`, `name_fr`,
//! `aliases`, `lifetime_start`, `lifetime_end` and `description`; on edges `kind`, `start` and
//! `end` (at their own precision, or bounds in EDTF: `[..2012-04]`, `[2013-09..]`,
//! `[2012-04..2012-06]`), `start_first`, `start_last`, `end_first`, `end_last` (ISO days,
//! absent when unbounded), `negated` and `timeless` (boolean), `status`, `certainty` (when the
//! selection was made for a date), `symmetric` (boolean), `claimed_by`, `disputed_by`,
//! `place`, `event`, `casualties`, `summary`, `evidence` and `sources`. Lists are compact JSON
//! arrays of the objects of `entities.json`, `relations.json` and `sources.json` (see `fields`).
//!
//! **Sources.** `sources` on an edge lists the source documents its evidence cites (the objects
//! of `sources.json`: `document`, `kind` for a table, `language`, `sha256`, `description`), in
//! the order its evidence first cites them. GEXF 1.3 declares attributes for nodes and edges
//! only, never for the graph, and a document as a node would be an isolated node that Gephi
//! lays out and counts in every metric; so each edge carries the documents it rests on, which
//! Gephi's Data Laboratory shows beside its evidence spans. The union over the edges is every
//! document the selection cites. Node labels are the
//! short label (an acronym alias or the display name) as an `xsd:token`: whitespace runs
//! become one space. Text drops the characters XML 1.0 forbids (NUL and other C0 controls).

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

use super::contents::write_in_chunks;
use super::fields::{self, DayBounds, iso};
use super::{Contents, Listed};
use super::{Options, xml};
use crate::model::{Entity, Relation, Source};
use crate::query::Certainty;

const NAMESPACE: &str = "http://gexf.net/1.3";
const SCHEMA_LOCATION: &str = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd";

/// Node attributes: id (= title) and type.
const NODE_ATTRIBUTES: &[(&str, &str)] = &[
    ("kind", "string"),
    ("name_en", "string"),
    ("name_ar", "string"),
    ("name_fr", "string"),
    ("aliases", "string"),
    ("lifetime_start", "string"),
    ("lifetime_end", "string"),
    ("description", "string"),
];

/// Edge attributes: id (= title) and type.
const EDGE_ATTRIBUTES: &[(&str, &str)] = &[
    ("kind", "string"),
    ("start", "string"),
    ("end", "string"),
    ("start_first", "string"),
    ("start_last", "string"),
    ("end_first", "string"),
    ("end_last", "string"),
    ("negated", "boolean"),
    ("timeless", "boolean"),
    ("status", "string"),
    ("certainty", "string"),
    ("symmetric", "boolean"),
    ("claimed_by", "string"),
    ("disputed_by", "string"),
    ("place", "string"),
    ("event", "string"),
    ("casualties", "string"),
    ("summary", "string"),
    ("evidence", "string"),
    ("sources", "string"),
];

/// Dynamic edge attributes: `holds`, `certain` or `possible` over each phase of the spell.
const DYNAMIC_EDGE_ATTRIBUTES: &[(&str, &str)] = &[("holds", "string")];

/// Writes `contents` as one GEXF 1.3 document: its entities, then its relations, in order,
/// their edges formatted on every core in chunks of `chunk`.
pub fn write_of(
    contents: &dyn Contents,
    options: &Options,
    out: &mut dyn Write,
    chunk: usize,
) -> io::Result<()> {
    let mut w = xml::begin(
        out,
        "gexf",
        NAMESPACE,
        SCHEMA_LOCATION,
        &[("version", "1.3")],
    )?;
    w.create_element("meta").write_inner_content(|w| {
        w.create_element("creator")
            .write_text_content(BytesText::new("actorgraph"))?;
        w.create_element("description")
            .write_text_content(BytesText::new(
                "Actors and dated relations; edge spells run from the earliest possible start \
                 to the latest possible end of each relation, and the dynamic attribute holds \
                 says on which of those days it holds certainly or only possibly",
            ))?;
        Ok(())
    })?;
    w.write_event(Event::Start(BytesStart::new("graph").with_attributes([
        ("mode", "dynamic"),
        ("defaultedgetype", "directed"),
        ("timeformat", "date"),
    ])))?;
    declare(&mut w, "node", "static", NODE_ATTRIBUTES)?;
    declare(&mut w, "edge", "static", EDGE_ATTRIBUTES)?;
    declare(&mut w, "edge", "dynamic", DYNAMIC_EDGE_ATTRIBUTES)?;
    w.write_event(Event::Start(BytesStart::new("nodes")))?;
    contents.each_entity(&mut |entity| node(&mut w, entity))?;
    w.write_event(Event::End(BytesEnd::new("nodes")))?;
    w.write_event(Event::Start(BytesStart::new("edges")))?;
    let sources = contents.sources();
    let directed_only = options.directed_only;
    contents.each_batch(&mut |batch| {
        write_in_chunks(batch, chunk, w.get_mut(), |relations| {
            let mut w = xml::writer_within(&["gexf", "graph", "edges"])?;
            for listed in relations {
                listed_edge(&mut w, listed, sources, directed_only)?;
            }
            Ok(w.into_inner())
        })
    })?;
    w.write_event(Event::End(BytesEnd::new("edges")))?;
    w.write_event(Event::End(BytesEnd::new("graph")))?;
    w.write_event(Event::End(BytesEnd::new("gexf")))?;
    let mut out = w.into_inner();
    out.write_all(b"\n")?;
    out.flush()
}

/// The edge of a relation as `contents` lists it, citing `sources`.
fn listed_edge<W: Write>(
    w: &mut Writer<W>,
    listed: &Listed<'_>,
    sources: &[Source],
    directed_only: bool,
) -> io::Result<()> {
    let relation = listed.relation;
    let undirected = relation.kind.is_symmetric() && !directed_only;
    edge(
        w,
        relation,
        listed.certainty,
        undirected,
        &cited(sources, relation),
    )
}

fn declare<W: Write>(
    w: &mut Writer<W>,
    class: &str,
    mode: &str,
    attributes: &[(&str, &str)],
) -> io::Result<()> {
    w.create_element("attributes")
        .with_attributes([("class", class), ("mode", mode)])
        .write_inner_content(|w| {
            for &(id, kind) in attributes {
                w.create_element("attribute")
                    .with_attributes([("id", id), ("title", id), ("type", kind)])
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

fn node<W: Write>(w: &mut Writer<W>, entity: &Entity) -> io::Result<()> {
    let label = xml::token(entity.label());
    w.write_event(Event::Start(BytesStart::new("node").with_attributes([
        ("id", entity.id.as_str()),
        ("label", label.as_str()),
    ])))?;
    let names = &entity.names;
    let aliases = fields::list(&entity.aliases);
    let lifetime = entity.lifetime.as_ref();
    let lifetime_start = lifetime.and_then(|l| l.start).map(|d| d.to_string());
    let lifetime_end = lifetime.and_then(|l| l.end).map(|d| d.to_string());
    attvalues(
        w,
        &[
            ("kind", Some(entity.kind.as_str())),
            ("name_en", names.en.as_deref()),
            ("name_ar", names.ar.as_deref()),
            ("name_fr", names.fr.as_deref()),
            ("aliases", Some(&aliases)),
            ("lifetime_start", lifetime_start.as_deref()),
            ("lifetime_end", lifetime_end.as_deref()),
            ("description", Some(&entity.description)),
        ],
        &[],
    )?;
    if let Some(lifetime) = &entity.lifetime {
        let start = lifetime.start.and_then(|d| iso(d.earliest()));
        let end = lifetime.end.and_then(|d| iso(d.latest()));
        spell(w, start.as_deref(), end.as_deref())?;
    }
    w.write_event(Event::End(BytesEnd::new("node")))
}

/// The source documents `relation`'s evidence cites, in the order it first cites them.
fn cited<'s>(sources: &'s [Source], relation: &Relation) -> Vec<&'s Source> {
    let mut documents: Vec<&str> = Vec::new();
    for span in relation.evidence() {
        if !documents.contains(&&*span.document) {
            documents.push(&span.document);
        }
    }
    documents
        .into_iter()
        .filter_map(|d| sources.iter().find(|s| s.document == d))
        .collect()
}

fn edge<W: Write>(
    w: &mut Writer<W>,
    relation: &Relation,
    certainty: Option<Certainty>,
    undirected: bool,
    sources: &[&Source],
) -> io::Result<()> {
    let mut element = xml::edge(relation).with_attributes([
        ("kind", relation.kind.as_str()),
        ("label", relation.kind.as_str()),
    ]);
    if undirected {
        element.push_attribute(("type", "undirected"));
    }
    w.write_event(Event::Start(element))?;
    let start = relation.start.map(|d| d.to_string());
    let end = relation.end.map(|d| d.to_string());
    let bounds = DayBounds::of(relation);
    let lists = [
        fields::list(relation.claimed_by()),
        fields::list(relation.disputed_by()),
        fields::list(relation.casualties()),
        fields::list(relation.evidence()),
        fields::list(sources),
    ];
    let [claimed_by, disputed_by, casualties, evidence, sources] =
        lists.each_ref().map(|l| Some(l.as_str()));
    let symmetric = fields::boolean(relation.kind.is_symmetric());
    let phases = fields::phases(relation);
    let holds: Vec<Phase> = phases
        .iter()
        .map(|(first, last, certainty)| Phase {
            value: certainty.as_str(),
            start: first.as_deref(),
            end: last.as_deref(),
        })
        .collect();
    attvalues(
        w,
        &[
            &[
                ("kind", Some(relation.kind.as_str())),
                ("start", start.as_deref()),
                ("end", end.as_deref()),
            ][..],
            &bounds.named(),
            &[
                ("negated", Some(fields::boolean(relation.negated))),
                ("timeless", Some(fields::boolean(relation.timeless))),
                ("status", Some(relation.status.as_str())),
                ("certainty", certainty.map(Certainty::as_str)),
                ("symmetric", Some(symmetric)),
                ("claimed_by", claimed_by),
                ("disputed_by", disputed_by),
                ("place", relation.place().map(|p| p.as_str())),
                ("event", relation.event()),
                ("casualties", casualties),
                ("summary", Some(relation.summary())),
                ("evidence", evidence),
                ("sources", sources),
            ],
        ]
        .concat(),
        &holds,
    )?;
    spell(w, bounds.start_first.as_deref(), bounds.end_last.as_deref())?;
    w.write_event(Event::End(BytesEnd::new("edge")))
}

/// One value of the dynamic attribute `holds` and the days it applies to (`None`: unbounded).
struct Phase<'a> {
    value: &'a str,
    start: Option<&'a str>,
    end: Option<&'a str>,
}

/// `<attvalues>` with one `<attvalue>` per present, non-empty value, then one `holds` value
/// per phase.
fn attvalues<W: Write>(
    w: &mut Writer<W>,
    values: &[(&str, Option<&str>)],
    holds: &[Phase],
) -> io::Result<()> {
    w.write_event(Event::Start(BytesStart::new("attvalues")))?;
    for &(id, value) in values {
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            continue;
        };
        w.create_element("attvalue")
            .with_attributes([("for", id), ("value", xml::text(value).as_ref())])
            .write_empty()?;
    }
    for phase in holds {
        let mut element =
            BytesStart::new("attvalue").with_attributes([("for", "holds"), ("value", phase.value)]);
        if let Some(start) = phase.start {
            element.push_attribute(("start", start));
        }
        if let Some(end) = phase.end {
            element.push_attribute(("end", end));
        }
        w.write_event(Event::Empty(element))?;
    }
    w.write_event(Event::End(BytesEnd::new("attvalues")))
}

/// `<spells>` with one spell from `start` to `end`, or nothing when both are unbounded.
fn spell<W: Write>(w: &mut Writer<W>, start: Option<&str>, end: Option<&str>) -> io::Result<()> {
    if start.is_none() && end.is_none() {
        return Ok(());
    }
    w.write_event(Event::Start(BytesStart::new("spells")))?;
    let mut element = BytesStart::new("spell");
    if let Some(start) = start {
        element.push_attribute(("start", start));
    }
    if let Some(end) = end {
        element.push_attribute(("end", end));
    }
    w.write_event(Event::Empty(element))?;
    w.write_event(Event::End(BytesEnd::new("spells")))
}
