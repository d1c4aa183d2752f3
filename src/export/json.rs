//! Node-link JSON: the selection as one document that actorgraph loads back
//! (`--data FILE.json`) and networkx reads (`json_graph.node_link_graph(d, edges="links")`).
//!
//! ```json
//! {
//!   "format": "actorgraph-node-link",
//!   "version": 1,
//!   "directed": true,
//!   "multigraph": true,
//!   "nodes": [ <entity objects, as in entities.json> ],
//!   "links": [ <relation objects, as in relations.json> ],
//!   "sources": [ <source objects, as in sources.json> ],
//!   "certainty": { "<relation id>": "certain" | "possible" }
//! }
//! ```
//! `certainty` is present only when the selection was made for a date or period. `nodes` holds
//! the selected entities and every entity a selected relation refers to.

use std::collections::BTreeSet;
use std::io::{self, Write};

use serde::Serialize;

use crate::graph::{EntityIx, Graph};
use crate::model::{Entity, Relation, Source};
use crate::query::Snapshot;

/// The `format` field of a node-link document.
pub const FORMAT_NAME: &str = "actorgraph-node-link";
/// The `version` field of a node-link document.
pub const VERSION: u32 = 1;

/// Writes `selection` as node-link JSON, one element per line.
pub fn write(graph: &Graph, selection: &Snapshot, out: &mut dyn Write) -> io::Result<()> {
    begin(out)?;
    let entities = with_references(graph, selection)
        .into_iter()
        .map(|e| graph.entity(e));
    array(out, "nodes", entities)?;
    let relations = selection
        .relations
        .iter()
        .map(|f| graph.relation(f.relation));
    out.write_all(b",\n")?;
    array(out, "links", relations)?;
    out.write_all(b",\n")?;
    array(out, "sources", graph.sources().iter())?;
    let timed: Vec<_> = selection
        .relations
        .iter()
        .filter_map(|f| Some((graph.relation(f.relation).id.as_str(), f.certainty?)))
        .collect();
    if !timed.is_empty() {
        out.write_all(b",\n\"certainty\": {")?;
        for (i, (id, certainty)) in timed.iter().enumerate() {
            let sep = if i == 0 { "\n" } else { ",\n" };
            write!(
                out,
                "{sep}{}: \"{}\"",
                serde_json::to_string(id)?,
                certainty.as_str()
            )?;
        }
        out.write_all(b"\n}")?;
    }
    out.write_all(b"\n}\n")
}

/// Writes the whole graph as [`write()`] writes the snapshot of everything, from its parts: its
/// `sources`, every entity (in file order) and every relation in chronological order, given a
/// batch at a time by `relations` (an error from it ends the document unfinished).
pub fn write_whole(
    sources: &[Source],
    entities: &[Entity],
    relations: &mut dyn Iterator<Item = io::Result<Vec<Relation>>>,
    out: &mut dyn Write,
) -> io::Result<()> {
    begin(out)?;
    array(out, "nodes", entities.iter())?;
    out.write_all(b",\n")?;
    let mut failure = None;
    let links = relations
        .map_while(|batch| batch.map_err(|e| failure = Some(e)).ok())
        .flatten();
    array(out, "links", links)?;
    if let Some(e) = failure {
        return Err(e);
    }
    out.write_all(b",\n")?;
    array(out, "sources", sources.iter())?;
    out.write_all(b"\n}\n")
}

/// Writes the document's opening brace and its fixed fields.
fn begin(out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{{\n\"format\": \"{FORMAT_NAME}\",\n\"version\": {VERSION},\n\"directed\": true,\n\"multigraph\": true,"
    )
}

/// The selection's entities plus every entity its relations refer to (place, claimed_by,
/// disputed_by, casualty sides), so that the document loads on its own; in graph order.
pub fn with_references(graph: &Graph, selection: &Snapshot) -> Vec<EntityIx> {
    let mut all: BTreeSet<EntityIx> = selection.entities.iter().copied().collect();
    for found in &selection.relations {
        let r = graph.relation(found.relation);
        let ids = [&r.source, &r.target]
            .into_iter()
            .chain(&r.place)
            .chain(&r.claimed_by)
            .chain(&r.disputed_by)
            .chain(r.casualties.iter().filter_map(|c| c.side.as_ref()));
        all.extend(ids.filter_map(|id| graph.entity_ix(id.as_str())));
    }
    all.into_iter().collect()
}

/// Writes `"name": [ ... ]` with one compact JSON value per line.
fn array<T: Serialize>(
    out: &mut dyn Write,
    name: &str,
    items: impl Iterator<Item = T>,
) -> io::Result<()> {
    write!(out, "\"{name}\": [")?;
    for (i, item) in items.enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        crate::text::json::to_writer(&mut *out, &item)?;
    }
    out.write_all(b"\n]")
}
