//! The whole graph read from the cache for an export of everything, without a
//! [`Graph`](crate::Graph): the entities and sources decoded at once, then the relations in
//! chronological order ([`crate::Graph::chronological`], as the dated section lists them), a
//! batch at a time, each batch decoded on every core and dropped once written. An export of a
//! million relations then holds one batch of them, and builds none of the indexes a question
//! needs (the chronological sort, the adjacency, the name index), which grow faster than the
//! graph.
//!
//! Every block of the body is checked before anything is decoded ([`open`]), so that a
//! damaged cache is refused, and the command falls back to the JSON files, before the first
//! byte of an export is written; every record is still decoded with every check of
//! [`super::read`].

use arcstr::ArcStr;
use std::io;
use std::path::Path;

use rayon::prelude::*;

use super::blocks::BlockReader;
use super::{CacheError, Damage, codec, dated, lookup, mapped, payload};
use crate::export::{Contents, Listed};
use crate::model::{Entity, Relation, Source};

/// How many relations a batch of [`Whole::walk`] holds when an export reads them: 16k,
/// about 8 MB decoded at a million relations.
const BATCH: usize = 1 << 14;

/// How many bytes of the body [`open`] checks before it lets their pages go (32 MiB).
const CHECKED_PART: usize = 1 << 25;

/// How many bytes of relation records [`Whole::walk`] reads before it lets their pages
/// go (1 GiB). A batch's records lie all over the records (which are stored by home actor,
/// not by date), so each batch touches most of the pages of a smaller graph's records:
/// letting them go after every batch would fault them all in again for the next one (at a
/// million relations, 300 MB of records: 124k page faults instead of 27k, 13 % more CPU for
/// `export json`), where keeping them mapped holds at most this many bytes of the page
/// cache's clean pages.
const MAPPED_RECORDS: u64 = 1 << 30;

/// The cache of a graph folder opened for a read of everything ([`open`]).
#[derive(Debug)]
pub struct Whole {
    reader: BlockReader,
    /// Where the body starts in the file: record offsets in errors are the file's.
    body_at: usize,
    entities: Vec<Entity>,
    sources: Vec<Source>,
    /// The sources' document names, shared by the evidence spans decoded.
    documents: Vec<ArcStr>,
    /// Where each relation record starts in the body, by stored position, then where the
    /// last one ends.
    offsets: Vec<u64>,
    /// The stored position of each relation, by index.
    positions: Vec<u32>,
    /// The relation indexes in chronological order.
    chronological: Vec<u32>,
    /// Whether the records' pages are let go after each batch, or only once read
    /// ([`MAPPED_RECORDS`]).
    release_batches: bool,
}

/// Opens the cache of `dir` for a read of the whole graph, if it is up to date and sound:
/// every block of its body checked (on every core), its entities and sources decoded, and the
/// tables that place and order its relations read and checked.
pub fn open(dir: &Path) -> Result<Whole, CacheError> {
    let (bytes, header) = mapped(dir)?;
    let body_at = header.len;
    let (body_len, lookup_at, dated_at, grams_at) = (
        header.body_len,
        header.lookup_at,
        header.dated_at,
        header.grams_at,
    );
    let reader = BlockReader::new(bytes, body_at as u64, body_len, header.hashes)?;
    // Checked a part at a time, whose pages then leave the resident set: the records' come
    // back as they are read.
    for from in (0..body_len).step_by(CHECKED_PART) {
        let to = (from + CHECKED_PART as u64).min(body_len);
        reader.check_spans(&[(from, to)])?;
        reader.release(from, to);
    }
    let body = reader.bytes(0, body_len)?;
    let (offsets, stored) = lookup::relation_records(body, lookup_at)?;
    let graph = &body[..dated_at as usize];
    let prefix = payload::decode_prefix(graph).map_err(|e| in_file(e, body_at))?;
    let n = prefix.relations;
    // The lookup section holds as many stored positions as offsets less one.
    payload::check_offsets(&offsets, prefix.records_at, n, dated_at)
        .map_err(|e| in_file(e, body_at))?;
    let chronological = dated::chronological(&body[dated_at as usize..grams_at as usize], n)?;
    let mut positions = vec![0; n];
    for (p, &r) in stored.iter().enumerate() {
        // A permutation of the relation indexes ([`lookup::relation_records`]), whose count
        // the loader's limits keep far below u32::MAX.
        positions[r as usize] = p as u32;
    }
    reader.release(0, body_len);
    Ok(Whole {
        reader,
        body_at,
        documents: payload::document_names(&prefix.sources),
        entities: prefix.entities,
        sources: prefix.sources,
        release_batches: dated_at - prefix.records_at as u64 > MAPPED_RECORDS,
        offsets,
        positions,
        chronological,
    })
}

impl Whole {
    /// Hands `each` every relation in chronological order, `size` at a time (at least one),
    /// with the chronological position of the first: each batch is decoded on every core
    /// while `each` handles the one before it (on the cores it leaves idle), and dropped on
    /// another core once handled. The pages of the records read are let go from the resident
    /// set after each batch (records of more than [`MAPPED_RECORDS`]) or after the last one.
    /// Relations share their entities' ids with the entities. Stops at the first error of
    /// `each`, or at the first batch that does not decode, with its error.
    fn walk(
        &self,
        size: usize,
        each: &mut dyn FnMut(&[Relation], usize) -> io::Result<()>,
    ) -> io::Result<()> {
        let decoder = self.record_decoder().map_err(io::Error::other)?;
        let mut batches = self.chronological.chunks(size.max(1));
        let Some(first) = batches.next() else {
            return Ok(());
        };
        let mut decoded = decoder.decode(first);
        self.read(first);
        let mut position = 0;
        loop {
            let relations = decoded.map_err(io::Error::other)?;
            let upcoming = batches.next();
            let mut next = None;
            let handled = rayon::in_place_scope(|scope| {
                if let Some(batch) = upcoming {
                    scope.spawn(|_| next = Some(decoder.decode(batch)));
                }
                let handled = each(&relations, position);
                position += relations.len();
                scope.spawn(move |_| drop(relations));
                handled
            });
            handled?;
            match (upcoming, next) {
                (Some(batch), Some(next)) => {
                    self.read(batch);
                    decoded = next;
                }
                _ => return Ok(()),
            }
        }
    }

    /// What decodes records on any thread: every block of the body was checked by [`open`].
    fn record_decoder(&self) -> Result<RecordDecoder<'_>, CacheError> {
        Ok(RecordDecoder {
            body: self.reader.bytes(0, self.reader.body_len())?,
            offsets: &self.offsets,
            positions: &self.positions,
            entities: &self.entities,
            documents: &self.documents,
            body_at: self.body_at,
        })
    }

    /// Notes that the relations `batch` were decoded: the records' pages are let go after
    /// each batch of a large graph, or after the last one.
    fn read(&self, batch: &[u32]) {
        let last = batch
            .last()
            .is_some_and(|r| self.chronological.last() == Some(r));
        if (self.release_batches || last)
            && let (Some(first), Some(end)) = (self.offsets.first(), self.offsets.last())
        {
            self.reader.release(*first, *end);
        }
    }
}

/// Decodes relation records on every core, from any thread: what a batch needs of a
/// [`Whole`], whose reader stays on the thread that opened it.
#[derive(Clone, Copy)]
struct RecordDecoder<'w> {
    /// The body, every block of it checked.
    body: &'w [u8],
    offsets: &'w [u64],
    positions: &'w [u32],
    entities: &'w [Entity],
    documents: &'w [ArcStr],
    body_at: usize,
}

impl RecordDecoder<'_> {
    /// The relations `batch` (by index), in that order; the error of the first that does
    /// not decode.
    fn decode(self, batch: &[u32]) -> Result<Vec<Relation>, CacheError> {
        let decoded: Vec<_> = (batch.par_iter())
            .with_min_len(1024)
            .map(|&r| self.relation(r))
            .collect();
        decoded.into_iter().collect()
    }

    /// Relation `r` (by index), decoded from its record.
    fn relation(self, r: u32) -> Result<Relation, CacheError> {
        // Both tables were read whole and checked by [`open`]: a position for each relation,
        // an offset for each position and one past the last.
        let p = self.positions[r as usize] as usize;
        let (from, to) = (self.offsets[p], self.offsets[p + 1]);
        let record = (self.body.get(from as usize..to as usize)).ok_or(Damage::OutOfBody {
            from,
            to,
            len: self.body.len() as u64,
        })?;
        let (relation, _) =
            payload::decode_record(record, from as usize, self.entities, self.documents)
                .map_err(|e| in_file(e, self.body_at))?;
        Ok(relation)
    }
}

/// The whole graph as an exchange format reads it: every entity in file order, the
/// relations in chronological order a batch of 16k at a time, each with no certainty
/// (an export of everything is made for no date); a batch that cannot be read fails the
/// walk with its cache error.
impl Contents for Whole {
    fn sources(&self) -> &[Source] {
        &self.sources
    }

    fn entities(&self) -> Vec<&Entity> {
        self.entities.iter().collect()
    }

    fn each_batch(&self, each: &mut dyn FnMut(&[Listed<'_>]) -> io::Result<()>) -> io::Result<()> {
        self.walk(BATCH, &mut |relations, position| {
            let listed: Vec<Listed> = (relations.iter().enumerate())
                .map(|(k, relation)| Listed {
                    relation,
                    certainty: None,
                    position: position + k,
                })
                .collect();
            each(&listed)
        })
    }
}

/// A value of the body that does not decode, at `e.at` in the body, as an error at its byte of
/// the file (whose body starts at `body_at`), as [`super::read`] reports it.
fn in_file(e: codec::Corrupt, body_at: usize) -> CacheError {
    Damage::Record(codec::Corrupt {
        at: e.at + body_at,
        ..e
    })
    .into()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{indexed_azawad, reseal};
    use super::super::{Header, path};
    use super::*;
    use crate::load::{GraphFiles, load};

    #[test]
    fn a_walk_gives_the_graphs_relations_in_chronological_order() {
        let dir = indexed_azawad();
        let graph = load(&GraphFiles::read_dir(dir.path()).unwrap()).unwrap();
        let whole = open(dir.path()).unwrap();
        assert_eq!(whole.entities, graph.entities());
        assert_eq!(whole.sources(), graph.sources());
        let want: Vec<&Relation> = (graph.chronological().iter())
            .map(|&r| graph.relation(r))
            .collect();
        for size in [1, 7, BATCH] {
            let mut batches: Vec<(usize, Vec<Relation>)> = Vec::new();
            (whole.walk(size, &mut |batch, position| {
                batches.push((position, batch.to_vec()));
                Ok(())
            }))
            .unwrap();
            assert!(
                batches
                    .iter()
                    .all(|(_, b)| !b.is_empty() && b.len() <= size)
            );
            let positions: Vec<usize> = batches.iter().map(|(p, _)| *p).collect();
            let starts: Vec<usize> = (0..want.len()).step_by(size).collect();
            assert_eq!(positions, starts, "batches of {size}");
            let got: Vec<&Relation> = batches.iter().flat_map(|(_, b)| b).collect();
            assert_eq!(got, want, "batches of {size}");
        }
    }

    #[test]
    fn an_altered_block_is_refused_before_anything_is_decoded() {
        let dir = indexed_azawad();
        let mut bytes = std::fs::read(path(dir.path())).unwrap();
        let last = bytes.len() - 10;
        bytes[last] ^= 0x55;
        std::fs::write(path(dir.path()), &bytes).unwrap();
        let error = open(dir.path()).unwrap_err();
        assert!(
            matches!(error, CacheError::Corrupt(Damage::BlockChecksum(_))),
            "{error}"
        );
    }

    /// A record the checksums cannot catch (a forged cache) stops the walk at the batch that
    /// holds it, naming its byte in the file.
    #[test]
    fn a_forged_record_fails_its_batch() {
        let dir = indexed_azawad();
        let original = std::fs::read(path(dir.path())).unwrap();
        let header = Header::read(&original, dir.path()).unwrap();
        let mut body = original[header.len..].to_vec();
        let first = payload::decode_prefix(&body[..header.dated_at as usize])
            .unwrap()
            .records_at;
        // The first stored record's id claims more bytes than the body has.
        body[first..first + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        reseal(dir.path(), &original, &header, &body);
        let whole = open(dir.path()).unwrap();
        let mut handled = 0;
        let error = (whole.walk(16, &mut |batch, _| {
            handled += batch.len();
            Ok(())
        }))
        .unwrap_err();
        assert!(handled < whole.chronological.len(), "{handled}");
        let error = error.downcast::<CacheError>().unwrap();
        let CacheError::Corrupt(Damage::Record(corrupt)) = error else {
            panic!("{error}");
        };
        assert!(corrupt.at >= header.len + first, "{corrupt:?}");
    }
}
