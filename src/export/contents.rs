//! What an exchange format is written from, without the graph it comes from: the sources the
//! evidence cites, the entities, and the relations in order with their certainty, walked once
//! per part of a format made of several files. Two things give it: a selection of a loaded
//! graph ([`Selected`]), and the whole graph read from the cache a batch of relations at a
//! time (`crate::cache::whole::Whole`), so that an export of everything holds a batch, not the
//! graph.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::io::{self, BufWriter, Write};

use rayon::prelude::*;

use crate::graph::{EntityIx, Graph};
use crate::model::{Entity, Relation, Source};
use crate::query::{Certainty, Found, Snapshot};

/// How many relations a [`Selected`] gives at a time.
const BATCH: usize = 1 << 16;

/// How many relations one core formats in one go ([`write_in_chunks`]).
pub(super) const CHUNK: usize = 1 << 10;

/// Writes the relations of `batch` to `out` as `format` formats them, on every core in
/// chunks of `chunk`: the chunks' bytes in order. For a format whose bytes for a relation
/// depend on that relation alone, that is what one pass over the batch writes.
pub(super) fn write_in_chunks(
    batch: &[Listed<'_>],
    chunk: usize,
    out: &mut dyn Write,
    format: impl Fn(&[Listed<'_>]) -> io::Result<Vec<u8>> + Sync + Send,
) -> io::Result<()> {
    let chunks: Vec<io::Result<Vec<u8>>> = batch.par_chunks(chunk).map(format).collect();
    for chunk in chunks {
        out.write_all(&chunk?)?;
    }
    Ok(())
}

/// The bytes a chunk of relations gives one file of an export ([`Part::rows`]).
pub(super) type Rows<'a> = Box<dyn Fn(&[Listed<'_>]) -> io::Result<Vec<u8>> + Sync + Send + 'a>;

/// What one file of an export says before its relations ([`Part::head`]).
pub(super) type Head<'a> = Box<dyn FnOnce(&mut dyn Write) -> io::Result<()> + 'a>;

/// One file of an export made of several, as a walk over the relations that writes every
/// file at once gives it ([`write_walked`]).
pub(super) struct Part<'a> {
    /// Writes what comes before the relations: a header, the entities' rows, or the whole of
    /// a file that lists no relation.
    pub head: Head<'a>,
    /// The bytes of a chunk of relations, in order; `None` for a file that lists none.
    pub rows: Option<Rows<'a>>,
}

/// Writes each of `parts` to its writer, walking the relations of `contents` once: every
/// part's head, then each batch of relations formatted on every core in chunks of `chunk`
/// ([`write_in_chunks`]) for each part that lists them, in turn; then flushes each writer. A
/// part writes the same bytes whether alone or among others, and an export of several files
/// decodes the relations of a cache once, not once per file.
pub(super) fn write_walked(
    contents: &dyn Contents,
    chunk: usize,
    parts: Vec<(Part<'_>, &mut dyn Write)>,
) -> io::Result<()> {
    let mut listing = Vec::with_capacity(parts.len());
    for (part, out) in parts {
        let mut out = BufWriter::new(out);
        (part.head)(&mut out)?;
        listing.push((part.rows, out));
    }
    if listing.iter().any(|(rows, _)| rows.is_some()) {
        contents.each_batch(&mut |batch| {
            for (rows, out) in &mut listing {
                if let Some(rows) = rows {
                    write_in_chunks(batch, chunk, out, &**rows)?;
                }
            }
            Ok(())
        })?;
    }
    for (_, mut out) in listing {
        out.flush()?;
    }
    Ok(())
}

/// What an exchange format writes ([`super::write_contents`]).
pub trait Contents {
    /// The source documents the evidence cites.
    fn sources(&self) -> &[Source];

    /// Every entity, in order.
    fn entities(&self) -> Vec<&Entity>;

    /// Gives each entity, in order, to `each`; stops at its first error.
    fn each_entity(&self, each: &mut dyn FnMut(&Entity) -> io::Result<()>) -> io::Result<()> {
        self.entities().into_iter().try_for_each(each)
    }

    /// Gives the relations, in order, a batch at a time, to `each`; stops at its first error,
    /// or fails when a batch cannot be read.
    fn each_batch(&self, each: &mut dyn FnMut(&[Listed<'_>]) -> io::Result<()>) -> io::Result<()>;
}

/// A relation as [`Contents`] lists it.
#[derive(Debug, Clone, Copy)]
pub struct Listed<'a> {
    /// The relation.
    pub relation: &'a Relation,
    /// Whether it holds certainly or possibly, when the selection was made for a date.
    pub certainty: Option<Certainty>,
    /// Its position in the whole graph's chronological order
    /// ([`Graph::chronological`]).
    pub position: usize,
}

/// A selection of a loaded graph as [`Contents`]: its entities and its relations, in the
/// selection's order.
pub struct Selected<'g> {
    graph: &'g Graph,
    entities: Cow<'g, [EntityIx]>,
    relations: &'g [Found],
    /// Each relation's position in the chronological order, by index, made when first asked.
    positions: OnceCell<Vec<usize>>,
}

impl<'g> Selected<'g> {
    /// The contents of `selection` of `graph`.
    pub fn new(graph: &'g Graph, selection: &'g Snapshot) -> Selected<'g> {
        Selected::of(graph, &selection.entities, &selection.relations)
    }

    /// The contents of `entities` and `relations` of `graph`, in that order.
    pub fn of(graph: &'g Graph, entities: &'g [EntityIx], relations: &'g [Found]) -> Selected<'g> {
        Selected {
            graph,
            entities: Cow::Borrowed(entities),
            relations,
            positions: OnceCell::new(),
        }
    }

    /// The contents of `selection` of `graph` with, among its entities, every entity its
    /// relations refer to ([`super::json::with_references`]), so that a document of them
    /// loads on its own.
    pub fn with_references(graph: &'g Graph, selection: &'g Snapshot) -> Selected<'g> {
        Selected {
            graph,
            entities: Cow::Owned(super::json::with_references(graph, selection)),
            relations: &selection.relations,
            positions: OnceCell::new(),
        }
    }
}

impl Contents for Selected<'_> {
    fn sources(&self) -> &[Source] {
        self.graph.sources()
    }

    fn entities(&self) -> Vec<&Entity> {
        (self.entities.iter())
            .map(|&e| self.graph.entity(e))
            .collect()
    }

    fn each_batch(&self, each: &mut dyn FnMut(&[Listed<'_>]) -> io::Result<()>) -> io::Result<()> {
        let positions = self.positions.get_or_init(|| {
            let mut positions = vec![0; self.graph.relations().len()];
            for (at, &r) in self.graph.chronological().iter().enumerate() {
                positions[r.index()] = at;
            }
            positions
        });
        for found in self.relations.chunks(BATCH) {
            let batch: Vec<Listed> = (found.iter())
                .map(|f| Listed {
                    relation: self.graph.relation(f.relation),
                    certainty: f.certainty,
                    position: positions[f.relation.index()],
                })
                .collect();
            each(&batch)?;
        }
        Ok(())
    }
}
