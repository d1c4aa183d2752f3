//! The binary cache of a graph folder, for a warm start: `actorgraph index --data DIR` writes
//! `DIR/actorgraph.cache`, and commands given `--data DIR` load the graph from it instead of
//! parsing and validating the JSON again.
//!
//! The cache is never trusted blindly. Its header names the cache format and the actorgraph
//! version that wrote it (another version's cache is stale); it records each input file's
//! metadata and content hash (see [`stamp`] for when a file is re-hashed); the header has its
//! own checksum, and the body is checked block by block against the hashes the header lists
//! ([`blocks`]) before any of its bytes are decoded, the decoder itself checking every length
//! and reference. Only a graph that passed validation is ever written, atomically (a
//! temporary file renamed over the old cache).
//!
//! Two ways to read it: [`read`] decodes the whole graph from the memory-mapped file
//! ([`blocks::map`], checking every block), and [`scoped::read`] decodes only the actors a
//! command names and their relations (checking the blocks it touches, read from the file into
//! buffers, [`blocks::BlockReader::read`]), which is what makes a one-shot query on a big
//! graph fast and small.
//!
//! Layout, all integers little-endian:
//!
//! | field | bytes |
//! |---|---|
//! | magic `actorgraph-cache` | 16 |
//! | cache format version | 4 |
//! | version of actorgraph that wrote it | 4 + length |
//! | when it was written (ns since the epoch) | 16 |
//! | input files: count, then each one's name, size, mtime, ctime, inode, device, hash | … |
//! | length of the body | 8 |
//! | offset of the lookup section in the body | 8 |
//! | offset of the dated section in the body | 8 |
//! | offset of the trigram section in the body | 8 |
//! | number of body blocks, then the XXH3-64 of each | 4 + 8 × blocks |
//! | XXH3-64 of the header up to here | 8 |
//! | the body: the graph (entities, sources, relations in stored order, `payload`), the dated section (`dated`), the trigram section of the name keys (`grams.rs`), then the lookup section (`lookup`) | length |

pub mod blocks;
mod codec;
pub mod dated;
mod grams;
pub mod labels;
mod lookup;
mod payload;
pub mod rows;
pub mod scoped;
pub mod stamp;
pub mod whole;

use std::path::{Path, PathBuf};
use std::time::SystemTime;

pub use codec::Corrupt;
use codec::{Decoder, Encoder};
pub use payload::{Detail, EntityHead};
use stamp::{FileState, Freshness, Stamp};

use crate::graph::Graph;
use crate::load::{self, GraphFiles, InvalidGraph, ReadError};

/// The cache's file name inside a graph folder.
pub const CACHE_FILE: &str = "actorgraph.cache";
/// The version of the cache layout; bumped whenever the encoding changes.
pub const FORMAT_VERSION: u32 = 13;
const MAGIC: &[u8; 16] = b"actorgraph-cache";

/// Names whose keys exercise every rule of the name folding (case, accents, Arabic letter
/// forms, diacritics, tatweel, digits, the article, invisible characters), so that a change
/// of the folding changes [`meaning`].
const FOLDING_PROBES: [&str; 6] = [
    "Mouvement national pour la Libération de l'AZAWAD",
    "الحَرَكَة الوطنيّة لتحرير أزواد",
    "إئتلاف آل ٱلـمدينة ى ة ک ی ٢٠١٢ ۳",
    "Ga\u{AD}o\u{200B} Ti\u{202E}mbuktu\u{2060}\tMénaka",
    "ǅemal İstanbul ß Œuvre",
    "وبالإسلاميين للجيش فالحركة كالقاعدة",
];

/// A fingerprint of what a cache's bytes mean beyond its format version: the order of the
/// vocabularies whose values are written as codes (entity kinds, relation kinds, statuses),
/// the matching keys of names, which the lookup section stores sorted, and the short labels
/// its label part stores ([`labels::probe`]). A cache written
/// with another vocabulary or folding is stale, never decoded into wrong kinds or keys.
fn meaning() -> u64 {
    use crate::model::{EntityKind, RelationKind, SourceKind, Status};
    let mut text = String::new();
    let words = EntityKind::ALL.iter().map(|k| k.as_str());
    let words = words.chain(RelationKind::ALL.iter().map(|k| k.as_str()));
    let words = words.chain(SourceKind::ALL.iter().map(|k| k.as_str()));
    for word in words.chain(Status::ALL.iter().map(|s| s.as_str())) {
        text.push_str(word);
        text.push(',');
    }
    for probe in FOLDING_PROBES {
        text.push_str(&crate::names::key(probe));
        text.push('|');
    }
    text.push_str(&labels::probe());
    blocks::hash(text.as_bytes())
}
const INPUTS: [&str; 3] = [
    load::ENTITIES_FILE,
    load::RELATIONS_FILE,
    load::SOURCES_FILE,
];

/// Why a cache cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// There is no cache file.
    #[error("no cache")]
    Missing,
    /// The cache describes other inputs, or was written by another version.
    #[error("stale: {0}")]
    Stale(#[from] Staleness),
    /// The cache file is damaged: truncated, altered, or not a cache.
    #[error("corrupt: {0}")]
    Corrupt(#[from] Damage),
    /// The cache file cannot be read.
    #[error("unreadable: {0}")]
    Io(#[from] std::io::Error),
}

/// Why a sound cache no longer answers for its graph folder.
#[derive(Debug, thiserror::Error)]
pub enum Staleness {
    /// Written in another layout.
    #[error("cache format {0}, this actorgraph reads format {FORMAT_VERSION}")]
    Format(u32),
    /// Written by another version of actorgraph.
    #[error("written by actorgraph {found}, this is {}", env!("CARGO_PKG_VERSION"))]
    Version {
        /// The version that wrote it.
        found: String,
    },
    /// Written when the kinds, statuses or name folding were others (their fingerprint differs).
    #[error("written with other kinds, statuses or name folding")]
    Vocabulary,
    /// An input file changed since.
    #[error(transparent)]
    Input(#[from] stamp::Change),
}

/// How a cache file is damaged.
#[derive(Debug, thiserror::Error)]
pub enum Damage {
    /// It does not start with the cache's magic bytes.
    #[error("not an actorgraph cache")]
    NotACache,
    /// It is a folder, a device or anything else but a regular file.
    #[error("not a regular file")]
    NotAFile,
    /// The header does not match its checksum.
    #[error("checksum mismatch in the header: the file was altered or damaged")]
    HeaderChecksum,
    /// A block of the body does not match its checksum.
    #[error("checksum mismatch in block {0}: the file was altered or damaged")]
    BlockChecksum(usize),
    /// The body is not as long as the header says.
    #[error("truncated or padded: the body has {found} bytes, the header says {said}")]
    Length {
        /// The body's length in the file.
        found: u64,
        /// The length the header gives.
        said: u64,
    },
    /// The header's block list or section offsets do not fit its body's length.
    #[error(
        "the header lists {blocks} blocks, a dated section at {dated_at}, a trigram section at {grams_at} and a lookup section at {lookup_at} for a body of {body} bytes"
    )]
    Layout {
        /// Blocks listed.
        blocks: usize,
        /// Where the dated section would start.
        dated_at: u64,
        /// Where the trigram section would start.
        grams_at: u64,
        /// Where the lookup section would start.
        lookup_at: u64,
        /// The body's length.
        body: u64,
    },
    /// The body has another number of blocks than the header lists.
    #[error("the body has {found} blocks, the header lists {listed}")]
    BlockCount {
        /// Blocks in the body.
        found: usize,
        /// Blocks listed.
        listed: usize,
    },
    /// The body and its blocks do not fill the file.
    #[error("a body of {body} bytes in {blocks} blocks does not fill the file of {file} bytes")]
    Unfilled {
        /// The body's length.
        body: u64,
        /// Blocks listed.
        blocks: usize,
        /// The file's length.
        file: usize,
    },
    /// A read outside the body.
    #[error("bytes {from}..{to} are outside the body of {len} bytes")]
    OutOfBody {
        /// First byte asked for.
        from: u64,
        /// End of the bytes asked for.
        to: u64,
        /// The body's length.
        len: u64,
    },
    /// It records other input files than a graph folder's three.
    #[error("it records the inputs {0:?}, not {INPUTS:?}")]
    Inputs(Vec<String>),
    /// A value that does not decode (the byte offset in the whole file).
    #[error(transparent)]
    Record(#[from] codec::Corrupt),
    /// A value that does not decode inside one part of the body.
    #[error("{error} of {part}")]
    InPart {
        /// The part (`the entity records`, …).
        part: String,
        /// What does not decode, at which byte of the part.
        error: codec::Corrupt,
    },
    /// The lookup section contradicts itself or the body: what is out of place.
    #[error("{0}")]
    Lookup(String),
    /// The trigram section contradicts itself or the lookup section: what is out of place.
    #[error("the trigram section: {0}")]
    Grams(String),
}

impl Damage {
    /// A value of `part` of the body that does not decode, as a cache error.
    fn in_part(error: codec::Corrupt, part: &str) -> CacheError {
        Damage::InPart {
            part: part.to_owned(),
            error,
        }
        .into()
    }
}

/// Decodes with `decode` the one record `bytes` holds, which it must fill; an error names
/// the record, `what` (written only then).
fn record<'a, T>(
    bytes: &'a [u8],
    what: impl Fn() -> String,
    decode: impl FnOnce(&mut Decoder<'a>) -> Result<T, codec::Corrupt>,
) -> Result<T, CacheError> {
    let mut d = Decoder::new(bytes);
    let value = decode(&mut d).map_err(|e| Damage::in_part(e, &what()))?;
    if !d.rest().is_empty() {
        return Err(Damage::in_part(d.corrupt("trailing bytes"), &what()));
    }
    Ok(value)
}

/// Decodes with `decode` the one record `bytes` holds, in `detail`: in full it must fill the
/// bytes ([`record`]); in part the bytes after those it read are not read.
fn record_in<'a, T>(
    bytes: &'a [u8],
    detail: Detail,
    what: impl Fn() -> String,
    decode: impl FnOnce(&mut Decoder<'a>) -> Result<T, codec::Corrupt>,
) -> Result<T, CacheError> {
    match detail {
        Detail::Full => record(bytes, what, decode),
        Detail::Timeline | Detail::Table => {
            decode(&mut Decoder::new(bytes)).map_err(|e| Damage::in_part(e, &what()))
        }
    }
}

/// Decodes entity record `i`, which `bytes` holds, in `detail`.
fn entity_record_in(
    bytes: &[u8],
    i: usize,
    detail: Detail,
) -> Result<crate::model::Entity, CacheError> {
    record_in(
        bytes,
        detail,
        || format!("entity {i}"),
        |d| payload::decode_entity_in(d, detail),
    )
}

/// Decodes the head of entity record `i` ([`payload::EntityHead`]), which `bytes` holds, in
/// place.
fn entity_head_in(bytes: &[u8], i: usize) -> Result<payload::EntityHead<'_>, CacheError> {
    record_in(
        bytes,
        Detail::Table,
        || format!("entity {i}"),
        payload::decode_entity_head,
    )
}

/// A graph folder that cannot be loaded from its JSON files.
#[derive(Debug, thiserror::Error)]
pub enum ColdError {
    /// A file cannot be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The files do not hold a valid graph.
    #[error(transparent)]
    Invalid(#[from] InvalidGraph),
}

/// Where a loaded graph came from.
#[derive(Debug)]
pub enum Warmth {
    /// From an up-to-date cache.
    Cached,
    /// From the JSON files; there is no cache.
    Uncached,
    /// From the JSON files, because the cache could not be used (why), then written anew;
    /// `write_error` says why it could not be written, if so.
    Rebuilt {
        /// Why the old cache was not used.
        reason: CacheError,
        /// Why the new cache could not be written, if it could not.
        write_error: Option<std::io::Error>,
    },
}

/// The cache file of the graph folder `dir`.
pub fn path(dir: &Path) -> PathBuf {
    dir.join(CACHE_FILE)
}

/// Loads the graph folder `dir`: from its cache when there is one and it is up to date;
/// from the JSON otherwise, rewriting a cache that exists but is stale or corrupt.
pub fn load_dir(dir: &Path) -> Result<(Graph, Warmth), ColdError> {
    match read(dir) {
        Ok(graph) => Ok((graph, Warmth::Cached)),
        Err(CacheError::Missing) => {
            let graph = load::load_owned(GraphFiles::read_dir(dir)?)?;
            Ok((graph, Warmth::Uncached))
        }
        Err(reason) => {
            let (graph, written) = index(dir)?;
            Ok((
                graph,
                Warmth::Rebuilt {
                    reason,
                    write_error: written.err(),
                },
            ))
        }
    }
}

/// Loads the graph folder `dir` from its JSON files, validating it, and writes its cache.
/// Returns the graph and how writing the cache went (its size in bytes).
pub fn index(dir: &Path) -> Result<(Graph, std::io::Result<u64>), ColdError> {
    let stat = || -> Vec<_> {
        INPUTS
            .iter()
            .map(|name| std::fs::metadata(dir.join(name)).map(|m| FileState::of(&m)))
            .collect()
    };
    // Files changed an instant ago would leave a racy cache, re-hashed on every read: wait
    // until their timestamps have settled (at most a tenth of a second on most file systems).
    let known: Vec<FileState> = stat().into_iter().flatten().collect();
    if let Some(wait) = stamp::settle(&known, stamp::nanos(SystemTime::now())) {
        std::thread::sleep(wait);
    }
    let written = stamp::nanos(SystemTime::now());
    // Metadata before content: a file changed in between is then seen as changed next time.
    let states = stat();
    let files = GraphFiles::read_dir(dir)?;
    // The contents are hashed first, so that the files' bytes can go once parsed.
    let hashes = [&files.entities, &files.relations, &files.sources].map(|b| stamp::hash(b));
    let graph = load::load_owned(files)?;
    let result = states
        .into_iter()
        .collect::<std::io::Result<Vec<_>>>()
        .and_then(|states| {
            let stamps = INPUTS
                .iter()
                .zip(states)
                .zip(hashes)
                .map(|((name, metadata), hash)| Stamp {
                    name: (*name).to_owned(),
                    metadata,
                    hash,
                })
                .collect::<Vec<_>>();
            write(dir, &graph, &stamps, written)
        });
    Ok((graph, result))
}

/// Writes the cache of `graph` atomically; returns its size in bytes.
fn write(dir: &Path, graph: &Graph, stamps: &[Stamp], written: i128) -> std::io::Result<u64> {
    let order = lookup::stored_order(graph);
    let (graph_bytes, offsets) =
        payload::encode(graph.entities(), graph.relations(), graph.sources(), &order);
    let dated_at = graph_bytes.len() as u64;
    let mut body = Encoder::after(graph_bytes);
    dated::encode(&mut body, graph);
    let keys = lookup::sorted_keys(graph);
    let grams_at = body.position();
    grams::encode(&mut body, &keys);
    let lookup_at = body.position();
    lookup::encode(&mut body, graph, &offsets, &order, &keys);
    let body = body.into_bytes();
    let mut header = Encoder::default();
    header.bytes(MAGIC);
    header.u32(FORMAT_VERSION);
    header.str(env!("CARGO_PKG_VERSION"));
    header.u64(meaning());
    header.u128(written as u128);
    header.len(stamps.len());
    for stamp in stamps {
        stamp.encode(&mut header);
    }
    header.u64(body.len() as u64);
    header.u64(lookup_at);
    header.u64(dated_at);
    header.u64(grams_at);
    let hashes = blocks::hashes(&body);
    header.len(hashes.len());
    for hash in hashes {
        header.u64(hash);
    }
    let mut header = header.into_bytes();
    let check = blocks::hash(&header);
    header.extend_from_slice(&check.to_le_bytes());
    crate::atomic::write(&path(dir), |out| {
        out.write_all(&header)?;
        out.write_all(&body)
    })?;
    Ok((header.len() + body.len()) as u64)
}

/// What a cache's header says, once its own checksum holds.
#[derive(Debug)]
struct Header {
    /// The header's length: where the body starts.
    len: usize,
    /// The body's length.
    body_len: u64,
    /// Where the lookup section starts in the body.
    lookup_at: u64,
    /// Where the dated section starts in the body: where the graph ends.
    dated_at: u64,
    /// Where the trigram section starts in the body: where the dated section ends.
    grams_at: u64,
    /// The hashes of the body's blocks.
    hashes: Vec<u64>,
}

impl Header {
    /// Reads the header at the start of `bytes` and checks that the inputs it records are
    /// unchanged in `dir`.
    fn read(bytes: &[u8], dir: &Path) -> Result<Header, CacheError> {
        let corrupt = |e: codec::Corrupt| CacheError::from(Damage::Record(e));
        let mut d = Decoder::new(bytes);
        if d.take(MAGIC.len()).ok() != Some(MAGIC.as_slice()) {
            return Err(Damage::NotACache.into());
        }
        let format = d.u32().map_err(corrupt)?;
        if format != FORMAT_VERSION {
            return Err(Staleness::Format(format).into());
        }
        let version = d.str().map_err(corrupt)?;
        if version != env!("CARGO_PKG_VERSION") {
            return Err(Staleness::Version {
                found: version.to_owned(),
            }
            .into());
        }
        if d.u64().map_err(corrupt)? != meaning() {
            return Err(Staleness::Vocabulary.into());
        }
        let written = d.u128().map_err(corrupt)? as i128;
        let n = d.count(8).map_err(corrupt)?;
        let stamps = (0..n)
            .map(|_| Stamp::decode(&mut d))
            .collect::<Result<Vec<_>, _>>()
            .map_err(corrupt)?;
        let body_len = d.u64().map_err(corrupt)?;
        let lookup_at = d.u64().map_err(corrupt)?;
        let dated_at = d.u64().map_err(corrupt)?;
        let grams_at = d.u64().map_err(corrupt)?;
        let n = d.count(8).map_err(corrupt)?;
        let hashes = (0..n).map(|_| d.u64()).collect::<Result<Vec<_>, _>>();
        let hashes = hashes.map_err(corrupt)?;
        let len = d.position();
        if blocks::hash(&bytes[..len]) != d.u64().map_err(corrupt)? {
            return Err(Damage::HeaderChecksum.into());
        }
        if body_len.div_ceil(blocks::BLOCK_SIZE as u64) != hashes.len() as u64
            || lookup_at > body_len
            || dated_at > grams_at
            || grams_at > lookup_at
        {
            return Err(Damage::Layout {
                blocks: hashes.len(),
                dated_at,
                grams_at,
                lookup_at,
                body: body_len,
            }
            .into());
        }
        let names: Vec<&str> = stamps.iter().map(|s| s.name.as_str()).collect();
        if names != INPUTS {
            return Err(Damage::Inputs(names.iter().map(|n| n.to_string()).collect()).into());
        }
        for stamp in &stamps {
            if let Freshness::Changed(change) = stamp.check(dir, written) {
                return Err(Staleness::Input(change).into());
            }
        }
        Ok(Header {
            len: len + 8,
            body_len,
            lookup_at,
            dated_at,
            grams_at,
            hashes,
        })
    }

    /// Checks that a cache file of `file_len` bytes holds exactly this header and its body.
    fn check_len(&self, file_len: u64) -> Result<(), CacheError> {
        let body = file_len.saturating_sub(self.len as u64);
        if body != self.body_len {
            return Err(Damage::Length {
                found: body,
                said: self.body_len,
            }
            .into());
        }
        Ok(())
    }
}

/// The cache file of `dir` as a regular file, or why there is none.
fn open(dir: &Path) -> Result<std::fs::File, CacheError> {
    let file = path(dir);
    match std::fs::metadata(&file) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(CacheError::Missing),
        Err(e) => Err(e.into()),
        Ok(meta) if !meta.is_file() => Err(Damage::NotAFile.into()),
        Ok(_) => Ok(std::fs::File::open(&file)?),
    }
}

/// Reads the cache of the graph folder `dir`, if it is up to date and sound.
pub fn read(dir: &Path) -> Result<Graph, CacheError> {
    let (bytes, header) = mapped(dir)?;
    let body = &bytes[header.len..];
    blocks::check_all(body, &header.hashes)?;
    let (offsets, order) = lookup::relation_records(body, header.lookup_at)?;
    let parts = payload::decode(&body[..header.dated_at as usize], &offsets).map_err(|e| {
        let at = e.at + header.len;
        CacheError::from(Damage::Record(codec::Corrupt { at, ..e }))
    })?;
    let (relations, ends) = by_index(parts.relations, parts.ends, &order);
    Ok(Graph::from_decoded(
        parts.entities,
        relations,
        parts.sources,
        ends,
    ))
}

/// The cache file of `dir` mapped, with its header, read and checked: up to date, and as long
/// as it says (its body's blocks are not checked yet).
fn mapped(dir: &Path) -> Result<(memmap2::Mmap, Header), CacheError> {
    let bytes = blocks::map(&open(dir)?)?;
    let header = Header::read(&bytes, dir)?;
    header.check_len(bytes.len() as u64)?;
    Ok((bytes, header))
}

/// The relations decoded in stored order, and their ends, put back in index order: the
/// relation at position `p` is relation `order[p]` (a permutation, checked).
fn by_index(
    stored: Vec<crate::model::Relation>,
    stored_ends: Vec<[u32; 2]>,
    order: &[u32],
) -> (Vec<crate::model::Relation>, Vec<[u32; 2]>) {
    let mut relations: Vec<Option<crate::model::Relation>> = Vec::new();
    relations.resize_with(stored.len(), || None);
    let mut ends = vec![[0, 0]; stored.len()];
    for ((relation, end), &r) in stored.into_iter().zip(stored_ends).zip(order) {
        relations[r as usize] = Some(relation);
        ends[r as usize] = end;
    }
    let relations = relations
        .into_iter()
        .map(|r| r.expect("the stored order is a permutation"))
        .collect();
    (relations, ends)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Lang;

    /// A folder holding a copy of the Azawad graph's inputs and its cache.
    pub(super) fn indexed_azawad() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-data/azawad");
        for name in INPUTS {
            std::fs::copy(root.join(name), dir.path().join(name)).unwrap();
        }
        index(dir.path()).unwrap().1.unwrap();
        dir
    }

    /// Writes `body` over the cache of `dir` with block hashes and a header checksum that
    /// match it: a damaged cache that the checksums cannot catch, as a deliberately forged one
    /// would be.
    pub(super) fn reseal(dir: &Path, original: &[u8], header: &Header, body: &[u8]) {
        let mut bytes = original[..header.len].to_vec();
        let hashes_at = header.len - 8 - 8 * header.hashes.len();
        for (i, hash) in blocks::hashes(body).into_iter().enumerate() {
            bytes[hashes_at + 8 * i..hashes_at + 8 * i + 8].copy_from_slice(&hash.to_le_bytes());
        }
        let check = blocks::hash(&bytes[..header.len - 8]);
        let end = bytes.len();
        bytes[end - 8..].copy_from_slice(&check.to_le_bytes());
        bytes.extend_from_slice(body);
        std::fs::write(path(dir), bytes).unwrap();
    }

    /// A cache whose fingerprint of kinds, statuses and name folding differs (as one written
    /// by a build that reordered a kind would, with the same format number) is stale.
    #[test]
    fn another_vocabulary_or_folding_makes_the_cache_stale() {
        let dir = indexed_azawad();
        let mut bytes = std::fs::read(path(dir.path())).unwrap();
        let header = Header::read(&bytes, dir.path()).unwrap();
        let at = MAGIC.len() + 4 + 4 + env!("CARGO_PKG_VERSION").len();
        assert_eq!(bytes[at..at + 8], meaning().to_le_bytes());
        bytes[at] ^= 1;
        let check = blocks::hash(&bytes[..header.len - 8]);
        bytes[header.len - 8..header.len].copy_from_slice(&check.to_le_bytes());
        match Header::read(&bytes, dir.path()) {
            Err(CacheError::Stale(Staleness::Vocabulary)) => {}
            other => panic!("{other:?}"),
        }
    }

    /// A cache written right after its inputs changed (an edit, then a question) records
    /// stamps that are not racy, so that later reads trust them without hashing the files.
    #[test]
    fn a_cache_written_right_after_an_edit_is_not_racy() {
        let dir = indexed_azawad();
        let bytes = std::fs::read(path(dir.path())).unwrap();
        let mut d =
            Decoder::new(&bytes[MAGIC.len() + 4 + 4 + env!("CARGO_PKG_VERSION").len() + 8..]);
        let written = d.u128().unwrap() as i128;
        let n = d.count(8).unwrap();
        for _ in 0..n {
            let stamp = Stamp::decode(&mut d).unwrap();
            assert!(!stamp.metadata.is_racy(written), "{} is racy", stamp.name);
        }
    }

    /// A trigram section forged past the checksums (a position out of range, a count that
    /// does not fit) is refused by `find` through it, saying where; a name matched exactly,
    /// which never reads the section, is still found.
    #[test]
    fn a_forged_trigram_section_is_refused() {
        let dir = indexed_azawad();
        let original = std::fs::read(path(dir.path())).unwrap();
        let header = Header::read(&original, dir.path()).unwrap();
        let body = &original[header.len..];
        let (at, end) = (header.grams_at as usize, header.lookup_at as usize);
        let found = scoped::holding(dir.path(), "mouvement").unwrap().unwrap();
        assert!(found.len() > 1);
        let number = |at: usize| u64::from_le_bytes(body[at..at + 8].try_into().unwrap());
        let (key_count, gram_count, postings) = (number(at), number(at + 8), number(at + 16));
        // Every posting set to the key count; then the number of trigrams, one more.
        let out_of_range = (key_count as u32).to_le_bytes().repeat(postings as usize);
        let too_many = (gram_count + 1).to_le_bytes().to_vec();
        for (from, bytes) in [
            (end - 4 * postings as usize, out_of_range),
            (at + 8, too_many),
        ] {
            let mut forged = body.to_vec();
            forged[from..from + bytes.len()].copy_from_slice(&bytes);
            reseal(dir.path(), &original, &header, &forged);
            let err = scoped::holding(dir.path(), "mouvement").unwrap_err();
            assert!(err.to_string().contains("the trigram section"), "{err}");
            assert!(scoped::named(dir.path(), "MNLA").unwrap().is_some());
        }
    }

    /// A label part forged past the checksums (an entry's end beyond the part, an entry's
    /// kind code unknown, an entry cut short) is refused by the rows that read it, saying
    /// which entity's label; the sound part reads as the graph's labels.
    #[test]
    fn a_forged_label_part_is_refused() {
        let dir = indexed_azawad();
        let original = std::fs::read(path(dir.path())).unwrap();
        let header = Header::read(&original, dir.path()).unwrap();
        let body = &original[header.len..];
        let at = header.lookup_at as usize;
        let number = |at: usize| u64::from_le_bytes(body[at..at + 8].try_into().unwrap());
        let (entities, label_len) = (number(at) as usize, number(at + 56) as usize);
        // The label ranks (4 bytes an entity) end the section.
        let entries = body.len() - 4 * entities - label_len;
        let offsets = entries - 8 * (entities + 1);
        let labels = || {
            let mut rows = rows::rows(dir.path(), "Mali")?.unwrap();
            rows.chunks(64, Lang::En, str::to_owned, |rows| {
                (rows.iter())
                    .map(|row| (row.other().id.to_owned(), row.other().name.to_owned()))
                    .collect::<Vec<_>>()
            })
        };
        let graph = read(dir.path()).unwrap();
        for (id, name) in labels().unwrap().concat() {
            let entity = graph.entity(graph.entity_ix(&id).unwrap());
            assert_eq!(name, crate::i18n::label(Lang::En, entity));
        }
        // Every entry's end past the part; every entry's kind code unknown; every entry one
        // byte shorter (its end one less).
        let mut beyond = body.to_vec();
        let mut unknown = body.to_vec();
        let mut short = body.to_vec();
        for i in 0..entities {
            let end = offsets + 8 * (i + 1);
            beyond[end..end + 8].copy_from_slice(&(label_len as u64 + 1).to_le_bytes());
            unknown[entries + number(offsets + 8 * i) as usize] = 0xff;
            short[end..end + 8].copy_from_slice(&(number(end) - 1).to_le_bytes());
        }
        for (forged, what) in [
            (beyond, "lies outside its part"),
            (unknown, "unknown entity kind code"),
            (short, "the label of entity"),
        ] {
            reseal(dir.path(), &original, &header, &forged);
            let err = labels().unwrap_err();
            assert!(err.to_string().contains(what), "{err}");
        }
    }

    /// The name position of each key and the label rank of each entity, which `find` reads
    /// from the cache instead of folding names and comparing labels: forged past the
    /// checksums (a position past the entity's names, a rank past the entity count), `find`
    /// through them is refused, saying what; the sound ones give what the whole graph's name
    /// index gives.
    #[test]
    fn a_forged_name_position_or_label_rank_is_refused() {
        let dir = indexed_azawad();
        let original = std::fs::read(path(dir.path())).unwrap();
        let header = Header::read(&original, dir.path()).unwrap();
        let body = &original[header.len..];
        let graph = read(dir.path()).unwrap();
        for text in ["mouvement", "ag", "Gao", "غاو", "ansar d"] {
            let found = scoped::holding(dir.path(), text).unwrap().unwrap();
            let cached: Vec<_> = (found.rows().unwrap().iter())
                .map(|row| {
                    let row = row.unwrap();
                    (row.entity.id.to_owned(), row.score, row.matched.to_owned())
                })
                .collect();
            let whole: Vec<_> = (graph.names().search(text).into_iter())
                .map(|m| (graph.entity(m.entity).id.to_string(), m.score, m.matched))
                .collect();
            assert_eq!(cached, whole, "{text}");
        }
        let at = header.lookup_at as usize;
        let number = |at: usize| u64::from_le_bytes(body[at..at + 8].try_into().unwrap());
        let (entities, keys) = (number(at) as usize, number(at + 40) as usize);
        let (text_len, label_len) = (number(at + 48) as usize, number(at + 56) as usize);
        let relations = number(at + 8) as usize;
        // The parts after the name positions: the relations by id, the label offsets, the
        // label entries and the label ranks.
        let ranks = body.len() - 4 * entities;
        let positions = ranks - label_len - 8 * (entities + 1) - 4 * relations - 4 * keys;
        assert!(text_len > 0 && positions > at);
        let mut far = body.to_vec();
        far[positions..positions + 4 * keys].copy_from_slice(&[0xff; 4].repeat(keys));
        let mut beyond = body.to_vec();
        beyond[ranks..].copy_from_slice(&(entities as u32).to_le_bytes().repeat(entities));
        // The rows of `find`, each read (a name position is read with its row).
        let listed = || {
            let found = scoped::holding(dir.path(), "mouvement")?.unwrap();
            found.rows()?.iter().try_for_each(|row| row.map(|_| ()))
        };
        for (forged, what) in [
            (far, "names none of its names"),
            (beyond, "label rank of entity"),
        ] {
            reseal(dir.path(), &original, &header, &forged);
            let err: CacheError = listed().unwrap_err();
            assert!(err.to_string().contains(what), "{err}");
            // A name resolved exactly reads neither.
            assert!(scoped::named(dir.path(), "MNLA").unwrap().is_some());
        }
        // A cache of the format before them (11) is stale, not misread.
        let mut bytes = original.clone();
        let at = MAGIC.len();
        bytes[at..at + 4].copy_from_slice(&11u32.to_le_bytes());
        std::fs::write(path(dir.path()), &bytes).unwrap();
        let err = scoped::holding(dir.path(), "mouvement").unwrap_err();
        assert!(matches!(err, CacheError::Stale(_)), "{err}");
        // Cut short by a byte, it is refused.
        std::fs::write(path(dir.path()), &original[..original.len() - 1]).unwrap();
        let err = scoped::holding(dir.path(), "mouvement").unwrap_err();
        assert!(err.to_string().contains("truncated or padded"), "{err}");
    }

    #[test]
    fn a_forged_body_is_an_error_or_a_graph_never_a_panic() {
        let dir = indexed_azawad();
        let original = std::fs::read(path(dir.path())).unwrap();
        let header = Header::read(&original, dir.path()).unwrap();
        let body = &original[header.len..];
        let lookup_at = header.lookup_at as usize;
        // A sample of the graph's bytes, of the dated section's (entries of 32 bytes), of the
        // trigram section's (numbers of 4 bytes) and of the lookup section's (every part of it, whose counts, offsets and keys are each a few
        // bytes wide), each set to 0xff (or 0).
        let dated_at = header.dated_at as usize;
        let grams_at = header.grams_at as usize;
        let positions = (0..dated_at)
            .step_by(211)
            .chain((dated_at..grams_at).step_by(37))
            .chain((grams_at..lookup_at).step_by(29))
            .chain((lookup_at..body.len()).step_by(31));
        for at in positions {
            let mut forged = body.to_vec();
            forged[at] = if forged[at] == 0xff { 0 } else { 0xff };
            reseal(dir.path(), &original, &header, &forged);
            let _ = read(dir.path());
            for names in [&["MNLA"][..], &["Gao", "Kidal"], &["ag"]] {
                let _ = scoped::read(dir.path(), names);
            }
            let day = "2012-06".parse::<crate::PartialDate>().unwrap();
            let during = crate::query::Filter::during(day.period());
            let _ = scoped::read_for(dir.path(), &["Mali"], &during, Detail::Table);
            let _ = rows::rows(dir.path(), "Mali")
                .map(|r| r.map(|mut r| r.chunks(64, Lang::Fr, str::to_owned, |rows| rows.len())));
            // France has parts; Gao has relations placed at it.
            for name in ["France", "Gao"] {
                let _ = rows::answer(dir.path(), name, &during, Detail::Timeline).map(|r| {
                    r.map(|mut r| r.chunks(64, Lang::Fr, str::to_owned, |rows| rows.len()))
                });
            }
            let _ = scoped::read_ego(dir.path(), "Kidal", 1, &during);
            let _ = scoped::paths(dir.path(), ("Gao", "France"), &during, 1, 8);
            let _ = scoped::named(dir.path(), "front");
            let standing = crate::query::Standing::new(
                &during,
                day.period(),
                "2013".parse::<crate::PartialDate>().unwrap().period(),
            );
            for detail in [Detail::Full, Detail::Table] {
                let _ = dated::snapshot(dir.path(), &during, detail);
                let _ = dated::changes(dir.path(), &standing, detail);
            }
            let _ = scoped::unknown(dir.path(), "Gaoo");
            for part in ["ville", "ag", "mouvement pour", "حركة"] {
                if let Ok(Ok(found)) = scoped::holding(dir.path(), part) {
                    if let Ok(rows) = found.rows() {
                        let _ = rows.iter().count();
                    }
                    let _ = found.entities();
                }
            }
            // A damaged table of relations by id may hide a relation, never give another.
            let id = "mnla-declares-azawad-independence";
            if let Ok(Some(graph)) = scoped::relation(dir.path(), id) {
                assert_eq!(graph.relations()[0].id.as_str(), id);
            }
        }
    }
}
