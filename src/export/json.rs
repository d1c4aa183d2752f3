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

use super::contents::write_in_chunks;
use super::{Contents, Listed};
use crate::graph::{EntityIx, Graph};
use crate::query::{Certainty, Snapshot};

/// The `format` field of a node-link document.
pub const FORMAT_NAME: &str = "actorgraph-node-link";
/// The `version` field of a node-link document.
pub const VERSION: u32 = 1;

/// Writes `contents` as node-link JSON, one element per line, the relations formatted on every
/// core in chunks of `chunk`. Its entities should include every entity its relations refer to
/// ([`with_references`]), for the document to load.
pub fn write_of(contents: &dyn Contents, out: &mut dyn Write, chunk: usize) -> io::Result<()> {
    writeln!(
        out,
        "{{\n\"format\": \"{FORMAT_NAME}\",\n\"version\": {VERSION},\n\"directed\": true,\n\"multigraph\": true,"
    )?;
    let mut nodes = Array::begin(out, "nodes")?;
    contents.each_entity(&mut |entity| nodes.item(out, entity))?;
    Array::end(out)?;
    out.write_all(b",\n")?;
    let mut links = Array::begin(out, "links")?;
    let mut timed: Vec<(String, Certainty)> = Vec::new();
    contents.each_batch(&mut |batch| {
        let certain = |l: &Listed| l.certainty.map(|c| (l.relation.id.to_string(), c));
        timed.extend(batch.iter().filter_map(certain));
        links.relations(out, batch, chunk)
    })?;
    Array::end(out)?;
    out.write_all(b",\n")?;
    let mut sources = Array::begin(out, "sources")?;
    for source in contents.sources() {
        sources.item(out, source)?;
    }
    Array::end(out)?;
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

/// The selection's entities plus every entity its relations refer to (place, claimed_by,
/// disputed_by, casualty sides), so that the document loads on its own; in graph order.
pub fn with_references(graph: &Graph, selection: &Snapshot) -> Vec<EntityIx> {
    let mut all: BTreeSet<EntityIx> = selection.entities.iter().copied().collect();
    // A selection of every entity (the whole graph's) has every reference already.
    let every = graph.entities().len();
    for found in &selection.relations {
        if all.len() == every {
            break;
        }
        let r = graph.relation(found.relation);
        let ids = [&r.source, &r.target]
            .into_iter()
            .chain(r.place())
            .chain(r.claimed_by())
            .chain(r.disputed_by())
            .chain(r.casualties().iter().filter_map(|c| c.side.as_ref()));
        all.extend(ids.filter_map(|id| graph.entity_ix(id.as_str())));
    }
    all.into_iter().collect()
}

/// A field `"name": [ ... ]` being written, one compact JSON value per line.
struct Array {
    first: bool,
}

impl Array {
    /// Writes the field's name and opening bracket.
    fn begin(out: &mut dyn Write, name: &str) -> io::Result<Array> {
        write!(out, "\"{name}\": [")?;
        Ok(Array { first: true })
    }

    /// Writes `item` on a line of its own.
    fn item(&mut self, out: &mut dyn Write, item: &impl Serialize) -> io::Result<()> {
        out.write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        crate::text::json::to_writer(&mut *out, item)?;
        Ok(())
    }

    /// Writes the relations of `batch` on lines of their own, formatted on every core in
    /// chunks of `chunk` (after the array's first, which has no comma before it).
    fn relations(
        &mut self,
        out: &mut dyn Write,
        batch: &[Listed<'_>],
        chunk: usize,
    ) -> io::Result<()> {
        let rest = match batch.split_first() {
            Some((first, rest)) if self.first => {
                self.item(out, first.relation)?;
                rest
            }
            _ => batch,
        };
        write_in_chunks(rest, chunk, out, |relations| {
            let mut bytes = Vec::new();
            for listed in relations {
                bytes.extend_from_slice(b",\n");
                crate::text::json::to_writer(&mut bytes, listed.relation)?;
            }
            Ok(bytes)
        })
    }

    /// Writes the closing bracket.
    fn end(out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"\n]")
    }
}
