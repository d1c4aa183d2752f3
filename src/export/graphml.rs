//! GraphML: the selection as a mixed multigraph with typed attributes, for Gephi, yEd, igraph
//! and networkx (`networkx.read_graphml`).
//!
//! Each entity is a `<node>` whose id is the entity id; each relation an `<edge>` from its
//! source to its target whose id is the relation id, so parallel relations between two
//! entities stay apart. The graph's edges are directed by default (`edgedefault="directed"`);
//! a symmetric kind (alliance, conflict, ceasefire … see
//! [`RelationKind::is_symmetric`](crate::model::RelationKind::is_symmetric)) is an edge with
//! `directed="false"`, so that no tool draws it as an arrow. networkx refuses mixed graphs:
//! `export graphml --directed-only` writes every edge directed for it (the `symmetric`
//! attribute still says which read both ways). Every attribute is declared in a `<key>`; an
//! absent value has no `<data>` element. Lists are compact JSON arrays of the objects of
//! `entities.json`, `relations.json` and `sources.json` (see `fields`).
//!
//! | for | attr.name | attr.type | value |
//! |---|---|---|---|
//! | node | `label` | string | short label: a Latin acronym alias or the display name |
//! | node | `kind` | string | entity kind (`armed_group`) |
//! | node | `name_en`, `name_ar`, `name_fr` | string | names |
//! | node | `aliases` | string | JSON array of strings |
//! | node | `lifetime_start`, `lifetime_end` | string | lifetime at its precision, or EDTF bounds |
//! | node | `description` | string | |
//! | edge | `kind` | string | relation kind (`alliance`) |
//! | edge | `start`, `end` | string | dates at their own precision (`2012`, `2012-06`, `2012-06-27`) or bounds in EDTF (`[..2012-04]` on or before, `[2013-09..]` on or after, `[2012-04..2012-06]` between) |
//! | edge | `start_first`, `start_last`, `end_first`, `end_last` | string | earliest/latest possible start and end days, ISO; absent when unbounded |
//! | edge | `negated` | boolean | the sources state the opposite |
//! | edge | `timeless` | boolean | a standing fact outside time (no dates; left out of time questions unless asked) |
//! | edge | `status` | string | `asserted`, `alleged` or `disputed` |
//! | edge | `certainty` | string | `certain` or `possible`, when the selection was made for a date |
//! | edge | `claimed_by`, `disputed_by` | string | JSON array of entity ids |
//! | edge | `place` | string | place entity id |
//! | edge | `event` | string | event name |
//! | edge | `summary` | string | |
//! | edge | `casualties` | string | JSON array of tolls: `{"side", "who", "outcome", "min", "max"}` |
//! | edge | `evidence` | string | JSON array of spans: `{"document", "start_byte", "end_byte", "row"}` |
//! | edge | `symmetric` | boolean | the kind reads the same both ways |
//! | graph | `sources` | string | JSON array of the source documents (`sources.json`) |
//!
//! Text drops the characters XML 1.0 forbids (NUL and other C0 controls); quick-xml escapes
//! the rest.

use std::io::{self, BufWriter, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

use super::contents::write_in_chunks;
use super::fields::{self, DayBounds};
use super::{Contents, Listed};
use super::{Options, xml};
use crate::model::{Entity, Relation, Source};
use crate::query::Certainty;

/// The start tag of the `<data>` element of key `KEY`, without its angle brackets.
macro_rules! tag {
    ($key:literal) => {
        concat!("data key=\"", $key, "\"")
    };
}

const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA_LOCATION: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// The declared attributes: key id, domain, name and type.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("n-label", "node", "label", "string"),
    ("n-kind", "node", "kind", "string"),
    ("n-name_en", "node", "name_en", "string"),
    ("n-name_ar", "node", "name_ar", "string"),
    ("n-name_fr", "node", "name_fr", "string"),
    ("n-aliases", "node", "aliases", "string"),
    ("n-lifetime_start", "node", "lifetime_start", "string"),
    ("n-lifetime_end", "node", "lifetime_end", "string"),
    ("n-description", "node", "description", "string"),
    ("e-kind", "edge", "kind", "string"),
    ("e-start", "edge", "start", "string"),
    ("e-end", "edge", "end", "string"),
    ("e-start_first", "edge", "start_first", "string"),
    ("e-start_last", "edge", "start_last", "string"),
    ("e-end_first", "edge", "end_first", "string"),
    ("e-end_last", "edge", "end_last", "string"),
    ("e-negated", "edge", "negated", "boolean"),
    ("e-timeless", "edge", "timeless", "boolean"),
    ("e-status", "edge", "status", "string"),
    ("e-certainty", "edge", "certainty", "string"),
    ("e-claimed_by", "edge", "claimed_by", "string"),
    ("e-disputed_by", "edge", "disputed_by", "string"),
    ("e-place", "edge", "place", "string"),
    ("e-event", "edge", "event", "string"),
    ("e-summary", "edge", "summary", "string"),
    ("e-casualties", "edge", "casualties", "string"),
    ("e-evidence", "edge", "evidence", "string"),
    ("e-symmetric", "edge", "symmetric", "boolean"),
    ("g-sources", "graph", "sources", "string"),
];

/// Writes `contents` as one GraphML document: its entities, then its relations, in order,
/// their edges formatted on every core in chunks of `chunk`.
pub fn write_of(
    contents: &dyn Contents,
    options: &Options,
    out: &mut dyn Write,
    chunk: usize,
) -> io::Result<()> {
    let mut document = Document::begin(out, contents.sources(), options, chunk)?;
    contents.each_entity(&mut |entity| document.node(entity))?;
    contents.each_batch(&mut |batch| document.edges(batch))?;
    document.end()
}

/// A GraphML document written a part at a time: its keys and the graph's sources
/// ([`Document::begin`]), its nodes, its edges a batch at a time, then its end.
struct Document<'w> {
    w: Writer<BufWriter<&'w mut dyn Write>>,
    directed_only: bool,
    /// How many edges one core formats in one go.
    chunk: usize,
}

impl<'w> Document<'w> {
    /// Begins the document of a graph citing `sources` on `out`: its keys, its graph element
    /// and the graph's `sources` attribute.
    fn begin(
        out: &'w mut dyn Write,
        sources: &[Source],
        options: &Options,
        chunk: usize,
    ) -> io::Result<Document<'w>> {
        let mut w = xml::begin(out, "graphml", NAMESPACE, SCHEMA_LOCATION, &[])?;
        for &(id, domain, name, kind) in KEYS {
            w.create_element("key")
                .with_attributes([
                    ("id", id),
                    ("for", domain),
                    ("attr.name", name),
                    ("attr.type", kind),
                ])
                .write_empty()?;
        }
        w.write_event(Event::Start(
            BytesStart::new("graph")
                .with_attributes([("id", "actorgraph"), ("edgedefault", "directed")]),
        ))?;
        data(&mut w, tag!("g-sources"), &fields::list(sources))?;
        Ok(Document {
            w,
            directed_only: options.directed_only,
            chunk,
        })
    }

    /// Writes the node of `entity`.
    fn node(&mut self, entity: &Entity) -> io::Result<()> {
        node(&mut self.w, entity)
    }

    /// Writes the edges of `relations`, in order: the most of a big document, formatted on
    /// every core in chunks by writers at the edges' depth, whose bytes are written in order:
    /// what one writer would write.
    fn edges(&mut self, relations: &[Listed<'_>]) -> io::Result<()> {
        let directed_only = self.directed_only;
        write_in_chunks(relations, self.chunk, self.w.get_mut(), |chunk| {
            let mut w = xml::writer_within(&["graphml", "graph"])?;
            for listed in chunk {
                let relation = listed.relation;
                let undirected = relation.kind.is_symmetric() && !directed_only;
                edge(&mut w, relation, listed.certainty, undirected)?;
            }
            Ok(w.into_inner())
        })
    }

    /// Ends the document and flushes it.
    fn end(mut self) -> io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new("graph")))?;
        self.w.write_event(Event::End(BytesEnd::new("graphml")))?;
        let mut out = self.w.into_inner();
        out.write_all(b"\n")?;
        out.flush()
    }
}

fn node<W: Write>(w: &mut Writer<W>, entity: &Entity) -> io::Result<()> {
    w.write_event(Event::Start(
        BytesStart::new("node").with_attributes([("id", entity.id.as_str())]),
    ))?;
    data(w, tag!("n-label"), entity.label())?;
    data(w, tag!("n-kind"), entity.kind.as_str())?;
    let names = &entity.names;
    for (tag, name) in [
        (tag!("n-name_en"), &names.en),
        (tag!("n-name_ar"), &names.ar),
        (tag!("n-name_fr"), &names.fr),
    ] {
        if let Some(name) = name {
            data(w, tag, name)?;
        }
    }
    data(w, tag!("n-aliases"), &fields::list(&entity.aliases))?;
    if let Some(lifetime) = &entity.lifetime {
        if let Some(start) = lifetime.start {
            data(w, tag!("n-lifetime_start"), &start.to_string())?;
        }
        if let Some(end) = lifetime.end {
            data(w, tag!("n-lifetime_end"), &end.to_string())?;
        }
    }
    data(w, tag!("n-description"), &entity.description)?;
    w.write_event(Event::End(BytesEnd::new("node")))
}

fn edge<W: Write>(
    w: &mut Writer<W>,
    relation: &Relation,
    certainty: Option<Certainty>,
    undirected: bool,
) -> io::Result<()> {
    let mut element = xml::edge(relation);
    if undirected {
        element.push_attribute(("directed", "false"));
    }
    w.write_event(Event::Start(element))?;
    data(w, tag!("e-kind"), relation.kind.as_str())?;
    if let Some(start) = relation.start {
        data(w, tag!("e-start"), &start.to_string())?;
    }
    if let Some(end) = relation.end {
        data(w, tag!("e-end"), &end.to_string())?;
    }
    let bounds = DayBounds::of(relation);
    for ((_, day), tag) in bounds.named().into_iter().zip(BOUND_TAGS) {
        if let Some(day) = day {
            data(w, tag, day)?;
        }
    }
    data(w, tag!("e-negated"), fields::boolean(relation.negated))?;
    data(w, tag!("e-timeless"), fields::boolean(relation.timeless))?;
    data(w, tag!("e-status"), relation.status.as_str())?;
    if let Some(certainty) = certainty {
        data(w, tag!("e-certainty"), certainty.as_str())?;
    }
    data(
        w,
        tag!("e-claimed_by"),
        &fields::list(relation.claimed_by()),
    )?;
    data(
        w,
        tag!("e-disputed_by"),
        &fields::list(relation.disputed_by()),
    )?;
    if let Some(place) = relation.place() {
        data(w, tag!("e-place"), place.as_str())?;
    }
    if let Some(event) = &relation.event() {
        data(w, tag!("e-event"), event)?;
    }
    data(w, tag!("e-summary"), relation.summary())?;
    data(
        w,
        tag!("e-casualties"),
        &fields::list(relation.casualties()),
    )?;
    data(w, tag!("e-evidence"), &fields::list(relation.evidence()))?;
    data(
        w,
        tag!("e-symmetric"),
        fields::boolean(relation.kind.is_symmetric()),
    )?;
    w.write_event(Event::End(BytesEnd::new("edge")))
}

/// `<data key="KEY">VALUE</data>`, or nothing for an empty value; `tag` is the start tag
/// without its angle brackets ([`tag!`]), a constant (a key holds nothing to escape). The
/// value is escaped in one pass when it can be ([`xml::escaped`]): there are millions of them
/// at a million relations.
fn data<W: Write>(w: &mut Writer<W>, tag: &'static str, value: &str) -> io::Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    w.write_event(Event::Start(BytesStart::from_content(tag, "data".len())))?;
    w.write_event(Event::Text(BytesText::from_escaped(xml::escaped(value))))?;
    w.write_event(Event::End(BytesEnd::new("data")))
}

/// The tags of the four day bounds, in the order of [`DayBounds::named`].
const BOUND_TAGS: [&str; 4] = [
    tag!("e-start_first"),
    tag!("e-start_last"),
    tag!("e-end_first"),
    tag!("e-end_last"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bound_tags_name_the_bounds_in_order() {
        for (tag, name) in BOUND_TAGS.iter().zip(fields::BOUND_NAMES) {
            assert_eq!(*tag, format!("data key=\"e-{name}\""));
        }
    }
}
