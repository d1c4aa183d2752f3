//! The cache body's integrity, block by block: the body is cut into blocks of
//! [`BLOCK_SIZE`] bytes, each with its XXH3-64 hash in the header, so that a reader checks
//! exactly the bytes it uses. A full load checks every block of the memory-mapped file; a
//! scoped load ([`super::scoped`]) reads only the blocks that hold what it needs, each once,
//! when first touched, with `pread` ([`BlockReader::read`]): a mapped file's pages count as
//! the process's resident memory, and this kernel maps a whole large folio of the page cache
//! on a fault, so a question that touches a few dozen blocks of a mapped cache of 280 MB
//! peaked at 60–90 MiB resident; read into buffers, only the blocks read are resident.

use std::cell::{Cell, OnceCell, RefCell};
use std::fs::File;
use std::os::unix::fs::FileExt;

use rayon::prelude::*;

use super::{CacheError, Damage};

/// The size of a checked block (the last one may be shorter).
pub const BLOCK_SIZE: usize = 1 << 14;

/// The hash of one block.
pub fn hash(block: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(block)
}

/// The hashes of `body`'s blocks, in order.
pub fn hashes(body: &[u8]) -> Vec<u64> {
    body.chunks(BLOCK_SIZE).map(hash).collect()
}

/// The error for a block whose bytes do not match its hash.
fn mismatch(block: usize) -> CacheError {
    Damage::BlockChecksum(block).into()
}

/// Checks every block of `body` against `expected`.
pub fn check_all(body: &[u8], expected: &[u64]) -> Result<(), CacheError> {
    let blocks = body.chunks(BLOCK_SIZE);
    if blocks.len() != expected.len() {
        return Err(Damage::BlockCount {
            found: body.len().div_ceil(BLOCK_SIZE),
            listed: expected.len(),
        }
        .into());
    }
    match blocks.zip(expected).position(|(b, &h)| hash(b) != h) {
        Some(i) => Err(mismatch(i)),
        None => Ok(()),
    }
}

/// The bytes of a cache body, each block checked against its hash the first time any of its
/// bytes is used (and only then), so a scoped read hashes the blocks it touches, not the
/// whole body: read in place from the memory-mapped cache file ([`BlockReader::new`]), or
/// read block by block from the file into buffers ([`BlockReader::read`]).
///
/// The file is mapped read-only. actorgraph never writes a cache in place (a new cache is a
/// temporary file renamed over the old one, [`crate::atomic`]), so a mapping or an open file
/// keeps the bytes it was opened with while another process rebuilds the cache; every
/// decoder still checks every length and index against the bytes it is given.
#[derive(Debug)]
pub struct BlockReader {
    backing: Backing,
    /// Where the body starts in the file.
    start: usize,
    /// The body's length.
    len: u64,
    hashes: Vec<u64>,
    /// Whether each block was checked, by number.
    checked: Vec<Cell<bool>>,
}

/// Where a [`BlockReader`] takes the body's bytes from.
#[derive(Debug)]
enum Backing {
    /// The memory-mapped file, read in place.
    Map(memmap2::Mmap),
    /// The file, read a block at a time.
    Read(ReadBlocks),
}

/// How many blocks (4 MiB) a [`BlockReader::read`] reads into buffers before it maps the file
/// and reads the rest in place: a question that reads more (a hub's thousands of relations,
/// a large ego network) spends less time mapping pages than copying them into fresh buffers.
const READ_BLOCKS: usize = (4 << 20) / BLOCK_SIZE;

/// How many unread blocks (1 MiB) one range may need before a [`BlockReader::read`] maps the
/// file for it: a range is lent whole, so read into buffers it would be copied twice (into
/// its blocks' buffers, then into one span), and `find` of a name that matches nothing reads
/// every name key, several MiB, at once.
const SPAN_BLOCKS: usize = (1 << 20) / BLOCK_SIZE;

/// How many blocks (512 KiB) [`BlockReader::check_spans`] needs to check before it checks them
/// on every core: fewer cost less on one thread, as they are read, than starting the others.
const PARALLEL_BLOCKS: usize = (512 << 10) / BLOCK_SIZE;

/// A cache file read a block at a time with `pread`, each block kept once read and checked,
/// until [`READ_BLOCKS`] are read; then mapped.
#[derive(Debug)]
struct ReadBlocks {
    file: File,
    /// The file mapped, once more than [`READ_BLOCKS`] are needed, or more than
    /// [`SPAN_BLOCKS`] unread for one range.
    map: OnceCell<memmap2::Mmap>,
    /// How many blocks were read into buffers.
    read: Cell<usize>,
    /// Each block's bytes, once read and checked, by number, in groups of [`SLOT_GROUP`]
    /// made when one of their blocks is first read: a question reads a few of a large
    /// cache's hundreds of thousands of blocks, and a slot for each would be megabytes to
    /// clear before it reads any.
    blocks: Vec<OnceCell<Box<[Slot]>>>,
    /// Copies of ranges that cross a block boundary, kept (never changed nor removed) as
    /// long as the reader, which lends them.
    spans: RefCell<Vec<Box<[u8]>>>,
}

/// How many blocks' slots a [`ReadBlocks`] makes at once.
const SLOT_GROUP: usize = 1024;

/// Where a [`ReadBlocks`] keeps a block's bytes once read and checked.
type Slot = OnceCell<Box<[u8]>>;

impl ReadBlocks {
    /// The slot of block `i`'s bytes, its group made if need be.
    fn slot(&self, i: usize) -> &Slot {
        let group = self.blocks[i / SLOT_GROUP]
            .get_or_init(|| (0..SLOT_GROUP).map(|_| OnceCell::new()).collect());
        &group[i % SLOT_GROUP]
    }

    /// Whether block `i` was read into a buffer.
    fn has(&self, i: usize) -> bool {
        (self.blocks[i / SLOT_GROUP].get())
            .is_some_and(|group| group[i % SLOT_GROUP].get().is_some())
    }

    /// Whether reading `unread` more blocks would read more than [`READ_BLOCKS`] into
    /// buffers: then the file is mapped instead.
    fn outgrown(&self, unread: usize) -> bool {
        self.read.get() + unread > READ_BLOCKS
    }
}

/// Checks that a file of `file_len` bytes holds exactly a header of `start` bytes and a body
/// of `len` bytes, and that `hashes` counts its blocks.
fn check_fit(file_len: u64, start: u64, len: u64, hashes: &[u64]) -> Result<(), CacheError> {
    if start.checked_add(len) != Some(file_len)
        || usize::try_from(file_len).is_err()
        || len.div_ceil(BLOCK_SIZE as u64) != hashes.len() as u64
    {
        return Err(Damage::Unfilled {
            body: len,
            blocks: hashes.len(),
            file: usize::try_from(file_len).unwrap_or(usize::MAX),
        }
        .into());
    }
    Ok(())
}

/// The bytes at the start of the cache `file` of `file_len` bytes that can hold its header:
/// the fixed fields, the inputs' stamps and one hash per block of a body as long as the file.
pub fn head(file: &File, file_len: u64) -> std::io::Result<Vec<u8>> {
    let most = (1 << 16) + 8 * (file_len / BLOCK_SIZE as u64 + 1);
    let mut bytes = vec![0; usize::try_from(file_len.min(most)).unwrap_or(0)];
    file.read_exact_at(&mut bytes, 0)?;
    Ok(bytes)
}

impl BlockReader {
    /// A reader of the body that starts at byte `start` of the mapped file `map`, `len` bytes
    /// long, whose blocks have the hashes `hashes`; an error when the file does not hold
    /// exactly the header and such a body, or the hashes do not count its blocks.
    pub fn new(
        map: memmap2::Mmap,
        start: u64,
        len: u64,
        hashes: Vec<u64>,
    ) -> Result<BlockReader, CacheError> {
        check_fit(map.len() as u64, start, len, &hashes)?;
        let checked = (0..hashes.len()).map(|_| Cell::new(false)).collect();
        Ok(BlockReader {
            backing: Backing::Map(map),
            start: start as usize,
            len,
            hashes,
            checked,
        })
    }

    /// A reader of the body that starts at byte `start` of `file`, a file of `file_len`
    /// bytes, `len` bytes long, whose blocks have the hashes `hashes`, reading each block from
    /// the file when first used; an error as for [`BlockReader::new`].
    pub fn read(
        file: File,
        file_len: u64,
        start: u64,
        len: u64,
        hashes: Vec<u64>,
    ) -> Result<BlockReader, CacheError> {
        check_fit(file_len, start, len, &hashes)?;
        let blocks = (0..hashes.len().div_ceil(SLOT_GROUP))
            .map(|_| OnceCell::new())
            .collect();
        let checked = (0..hashes.len()).map(|_| Cell::new(false)).collect();
        Ok(BlockReader {
            backing: Backing::Read(ReadBlocks {
                file,
                map: OnceCell::new(),
                read: Cell::new(0),
                blocks,
                spans: RefCell::default(),
            }),
            start: start as usize,
            len,
            hashes,
            checked,
        })
    }

    /// Reads what is read next in place from the mapped file, as a reader of the file does
    /// past `READ_BLOCKS`: for a read about to touch many blocks, which then costs neither
    /// a copy nor a fresh buffer per block.
    pub fn map_rest(&self) -> Result<(), CacheError> {
        if let Backing::Read(read) = &self.backing
            && read.map.get().is_none()
        {
            let _ = read.map.set(map(&read.file)?);
        }
        Ok(())
    }

    /// The body's length in bytes.
    pub fn body_len(&self) -> u64 {
        self.len
    }

    /// The body bytes `from..to`, in place, each block they touch checked.
    pub fn bytes(&self, from: u64, to: u64) -> Result<&[u8], CacheError> {
        if from > to || to > self.len {
            return Err(Damage::OutOfBody {
                from,
                to,
                len: self.len,
            }
            .into());
        }
        let block = BLOCK_SIZE as u64;
        let blocks = self.blocks_of(from, to);
        let read = match &self.backing {
            Backing::Map(map) => {
                for i in blocks {
                    self.check(map, i as usize)?;
                }
                return Ok(&map[self.start + from as usize..self.start + to as usize]);
            }
            Backing::Read(read) => read,
        };
        if from == to {
            return Ok(&[]);
        }
        let (first, last) = (*blocks.start(), *blocks.end());
        let unread = (first..=last).filter(|&i| !read.has(i as usize)).count();
        if read.map.get().is_none() && (read.outgrown(unread) || unread > SPAN_BLOCKS) {
            let _ = read.map.set(map(&read.file)?);
        }
        if let Some(map) = read.map.get() {
            for i in blocks {
                self.check(map, i as usize)?;
            }
            return Ok(&map[self.start + from as usize..self.start + to as usize]);
        }
        if first == last {
            let at = (from - first * block) as usize;
            return Ok(&self.block(read, first as usize)?[at..at + (to - from) as usize]);
        }
        let mut span = Vec::with_capacity((to - from) as usize);
        for i in blocks {
            let bytes = self.block(read, i as usize)?;
            let lo = (from.max(i * block) - i * block) as usize;
            let hi = (to.min((i + 1) * block) - i * block) as usize;
            span.extend_from_slice(&bytes[lo..hi]);
        }
        let span = span.into_boxed_slice();
        let lent: *const [u8] = &*span;
        read.spans.borrow_mut().push(span);
        // SAFETY: the span's bytes are on the heap, owned by the box just pushed to `spans`,
        // which only ever grows and is dropped with `self`: moving the box (as the vector
        // grows) does not move its bytes, and nothing writes to them, so they outlive the
        // borrow of `self` they are lent for, unchanged.
        Ok(unsafe { &*lent })
    }

    /// The blocks that the body bytes `from..to` (within the body) touch, by number: the
    /// block of `from` for an empty range.
    fn blocks_of(&self, from: u64, to: u64) -> std::ops::RangeInclusive<u64> {
        let block = BLOCK_SIZE as u64;
        let last = if to > from {
            (to - 1) / block
        } else {
            from / block
        };
        from / block..=last.min(self.hashes.len().saturating_sub(1) as u64)
    }

    /// Checks on every core each block that the body ranges `spans` (`from..to`) touch and
    /// that is not checked yet, as [`BlockReader::bytes`] checks them one at a time when it
    /// lends them: for a read of thousands of records scattered over hundreds of blocks,
    /// whose hashing (and the page faults of their first touch) would otherwise take one
    /// core. A reader of the file maps it first when it would map it to read so many blocks
    /// (past its 4 MiB read into buffers); fewer are left to be read into buffers, and checked,
    /// as they are read, and so are fewer than 512 KiB. A range outside the body is left to
    /// [`BlockReader::bytes`] to refuse. An error names a block whose bytes do not match its
    /// hash.
    pub fn check_spans(&self, spans: &[(u64, u64)]) -> Result<(), CacheError> {
        let mut blocks: Vec<usize> = (spans.iter())
            .filter(|&&(from, to)| from <= to && to <= self.len)
            .flat_map(|&(from, to)| self.blocks_of(from, to))
            .map(|i| i as usize)
            .filter(|&i| self.checked.get(i).is_some_and(|done| !done.get()))
            .collect();
        blocks.sort_unstable();
        blocks.dedup();
        if blocks.len() < PARALLEL_BLOCKS {
            return Ok(());
        }
        let map = match &self.backing {
            Backing::Map(map) => map,
            Backing::Read(read) => {
                if read.map.get().is_none() {
                    if !read.outgrown(blocks.len()) {
                        return Ok(());
                    }
                    let _ = read.map.set(map(&read.file)?);
                }
                read.map.get().expect("mapped above")
            }
        };
        let (start, len, hashes) = (self.start, self.len as usize, &self.hashes);
        let damaged = (blocks.par_iter())
            .with_min_len((256 << 10) / BLOCK_SIZE)
            .filter(|&&i| {
                let from = i * BLOCK_SIZE;
                let to = (from + BLOCK_SIZE).min(len);
                hash(&map[start + from..start + to]) != hashes[i]
            })
            .min();
        if let Some(&i) = damaged {
            return Err(mismatch(i));
        }
        for i in blocks {
            self.checked[i].set(true);
        }
        Ok(())
    }

    /// Lets the pages of the mapped body bytes `from..to` (rounded out to whole pages) leave the
    /// process's resident set: for a read of thousands of records scattered over most of a
    /// large cache, which has decoded a part of them and will not read those bytes again, so
    /// that its peak holds one part's pages, not every page it touched. The pages stay in the
    /// page cache; bytes lent before are still valid and read the same (a later use faults
    /// them back in from the file), and blocks checked stay checked. Nothing happens for bytes
    /// read into buffers, or when the system declines.
    pub fn release(&self, from: u64, to: u64) {
        let map = match &self.backing {
            Backing::Map(map) => map,
            Backing::Read(read) => match read.map.get() {
                Some(map) => map,
                None => return,
            },
        };
        let to = to.min(self.len);
        if from >= to {
            return;
        }
        let (at, len) = (self.start + from as usize, (to - from) as usize);
        // SAFETY: the mapping is shared and read-only, of a file never written in place
        // ([`map`]): dropping its pages changes no byte it shows, since a later read faults
        // the same bytes back in from the file; nothing is written through it.
        let _ = unsafe { map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, at, len) };
    }

    /// Block `i` of the body, read from the file and checked the first time it is asked for.
    fn block<'r>(&self, read: &'r ReadBlocks, i: usize) -> Result<&'r [u8], CacheError> {
        let slot = read.slot(i);
        if let Some(bytes) = slot.get() {
            return Ok(bytes);
        }
        let from = i * BLOCK_SIZE;
        let to = (from + BLOCK_SIZE).min(self.len as usize);
        let mut bytes = vec![0; to - from];
        read.file
            .read_exact_at(&mut bytes, (self.start + from) as u64)?;
        if hash(&bytes) != self.hashes[i] {
            return Err(mismatch(i));
        }
        self.checked[i].set(true);
        read.read.set(read.read.get() + 1);
        Ok(slot.get_or_init(|| bytes.into_boxed_slice()))
    }

    /// A little-endian u32 at body offset `at`.
    pub fn u32(&self, at: u64) -> Result<u32, CacheError> {
        let bytes = self.bytes(at, at + 4)?;
        Ok(u32::from_le_bytes(bytes.try_into().expect("four bytes")))
    }

    /// A little-endian u64 at body offset `at`.
    pub fn u64(&self, at: u64) -> Result<u64, CacheError> {
        let bytes = self.bytes(at, at + 8)?;
        Ok(u64::from_le_bytes(bytes.try_into().expect("eight bytes")))
    }

    /// Checks block `i` of the mapped `map` unless it was checked before.
    fn check(&self, map: &memmap2::Mmap, i: usize) -> Result<(), CacheError> {
        let Some(done) = self.checked.get(i) else {
            return Ok(());
        };
        if done.get() {
            return Ok(());
        }
        let from = self.start + i * BLOCK_SIZE;
        let to = (from + BLOCK_SIZE).min(self.start + self.len as usize);
        if hash(&map[from..to]) != self.hashes[i] {
            return Err(mismatch(i));
        }
        done.set(true);
        Ok(())
    }
}

/// Maps `file` (a cache file) read-only.
pub fn map(file: &File) -> std::io::Result<memmap2::Mmap> {
    // SAFETY: the mapping is read-only and the cache file is only ever replaced by renaming
    // a new file over it (`atomic::write`), never written in place, so its bytes do not change
    // under the mapping; a foreign process truncating it in place is the one way to fault,
    // as it would be for any mapped file. Bytes are checked against their block's hash before
    // use and every decoder bounds-checks what it reads.
    unsafe { memmap2::Mmap::map(file) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn reader(file_bytes: &[u8], prefix: usize, expected: Vec<u64>) -> BlockReader {
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(file_bytes).unwrap();
        let len = (file_bytes.len() - prefix) as u64;
        BlockReader::new(map(&file).unwrap(), prefix as u64, len, expected).unwrap()
    }

    #[test]
    fn ranges_across_blocks_read_back_exactly() {
        let body: Vec<u8> = (0..3 * BLOCK_SIZE + 100).map(|i| (i % 251) as u8).collect();
        let mut file_bytes = vec![7; 33];
        file_bytes.extend_from_slice(&body);
        let r = reader(&file_bytes, 33, hashes(&body));
        for (from, to) in [(0, 10), (BLOCK_SIZE - 3, BLOCK_SIZE + 5), (0, body.len())] {
            assert_eq!(r.bytes(from as u64, to as u64).unwrap(), &body[from..to]);
        }
        assert_eq!(r.u32(1).unwrap(), u32::from_le_bytes([1, 2, 3, 4]));
        assert!(r.bytes(5, body.len() as u64 + 1).is_err());
        assert!(check_all(&body, &hashes(&body)).is_ok());
    }

    /// Released pages read back the same bytes, through slices lent before and reads after;
    /// blocks checked stay checked and one not yet read is still checked (and refused when
    /// damaged); a release outside the body, or of a reader of blocks in buffers, does
    /// nothing.
    #[test]
    fn released_bytes_read_back_the_same_and_stay_checked() {
        let body: Vec<u8> = (0..4 * BLOCK_SIZE + 100).map(|i| (i % 241) as u8).collect();
        let mut damaged = vec![7; 33];
        damaged.extend_from_slice(&body);
        damaged[33 + 3 * BLOCK_SIZE + 1] ^= 1;
        let r = reader(&damaged, 33, hashes(&body));
        let len = body.len() as u64;
        let lent = r.bytes(10, 2 * BLOCK_SIZE as u64 + 5).unwrap();
        r.release(0, len);
        r.release(5, 3);
        r.release(len - 1, len + 4096);
        assert_eq!(lent, &body[10..2 * BLOCK_SIZE + 5]);
        assert_eq!(r.bytes(0, 100).unwrap(), &body[..100]);
        assert!(r.checked[0].get() && r.checked[2].get() && !r.checked[3].get());
        let err = r.bytes(3 * BLOCK_SIZE as u64, len).unwrap_err();
        assert!(err.to_string().contains("block 3"), "{err}");

        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&damaged).unwrap();
        let r = BlockReader::read(file, damaged.len() as u64, 33, len, hashes(&body)).unwrap();
        let lent = r.bytes(5, 9).unwrap();
        r.release(0, len);
        assert_eq!(lent, &body[5..9]);
        assert_eq!(
            r.bytes(BLOCK_SIZE as u64, BLOCK_SIZE as u64 + 3).unwrap(),
            &body[BLOCK_SIZE..BLOCK_SIZE + 3]
        );
    }

    #[test]
    fn a_damaged_block_is_refused_and_only_when_read() {
        let body: Vec<u8> = vec![1; 2 * BLOCK_SIZE];
        let expected = hashes(&body);
        let mut damaged = body.clone();
        damaged[BLOCK_SIZE + 9] ^= 1;
        let r = reader(&damaged, 0, expected.clone());
        assert!(r.bytes(0, 100).is_ok(), "block 0 is sound");
        let err = r
            .bytes(BLOCK_SIZE as u64, BLOCK_SIZE as u64 + 1)
            .unwrap_err();
        assert!(
            err.to_string().contains("checksum mismatch in block 1"),
            "{err}"
        );
        let err = check_all(&damaged, &expected).unwrap_err();
        assert!(err.to_string().contains("block 1"), "{err}");
    }

    /// A reader that reads blocks with `pread` (mapping the file once it has read
    /// [`READ_BLOCKS`]) gives the bytes the mapped one gives, within and across blocks, and
    /// refuses a damaged block when, and only when, it is read.
    #[test]
    fn blocks_read_from_the_file_are_the_mapped_bytes_and_checked() {
        let blocks = READ_BLOCKS + 8;
        let body: Vec<u8> = (0..blocks * BLOCK_SIZE + 100)
            .map(|i| (i % 253) as u8)
            .collect();
        let mut damaged = vec![7; 33];
        damaged.extend_from_slice(&body);
        let last = damaged.len() - 50;
        damaged[last] ^= 1;
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&damaged).unwrap();
        let len = body.len() as u64;
        let r = BlockReader::read(file, damaged.len() as u64, 33, len, hashes(&body)).unwrap();
        let b = BLOCK_SIZE;
        let ranges = [
            (0, 10),
            (b - 3, b + 5),
            (5, 5),
            (3 * b, 4 * b),
            (b, 2 * b + 1),
        ];
        for (from, to) in ranges {
            assert_eq!(r.bytes(from as u64, to as u64).unwrap(), &body[from..to]);
        }
        let Backing::Read(read) = &r.backing else {
            panic!("a reader of the file")
        };
        assert!(read.map.get().is_none(), "{} blocks read", read.read.get());
        // Past the blocks it reads, the rest is read in place from the map.
        let most = (READ_BLOCKS + 4) * b;
        assert_eq!(r.bytes(10, most as u64).unwrap(), &body[10..most]);
        assert!(read.map.get().is_some());
        let err = r.bytes(len - 60, len - 40).unwrap_err();
        let expected = format!("checksum mismatch in block {blocks}");
        assert!(err.to_string().contains(&expected), "{err}");
        assert!(r.bytes(len + 1, len + 2).is_err(), "outside the body");
        // Before the map, a damaged block read with `pread` is refused too.
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&damaged).unwrap();
        let r = BlockReader::read(file, damaged.len() as u64, 33, len, hashes(&body)).unwrap();
        assert!(r.bytes(len - 10, len).is_err());
        assert_eq!(r.bytes(0, 4).unwrap(), &body[0..4]);
        // One range over more than SPAN_BLOCKS unread blocks is read from the map.
        let Backing::Read(read) = &r.backing else {
            panic!("a reader of the file")
        };
        assert!(read.map.get().is_none());
        let most = (SPAN_BLOCKS + 2) * b;
        assert_eq!(r.bytes(b as u64, most as u64).unwrap(), &body[b..most]);
        assert!(read.map.get().is_some());
        // Asked to, a reader reads the rest from the map, its blocks still checked.
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&damaged).unwrap();
        let r = BlockReader::read(file, damaged.len() as u64, 33, len, hashes(&body)).unwrap();
        assert_eq!(
            r.bytes(b as u64 - 2, b as u64 + 2).unwrap(),
            &body[b - 2..b + 2]
        );
        r.map_rest().unwrap();
        let Backing::Read(read) = &r.backing else {
            panic!("a reader of the file")
        };
        assert!(read.map.get().is_some());
        assert_eq!(r.bytes(0, 3 * b as u64).unwrap(), &body[..3 * b]);
        assert!(r.bytes(len - 10, len).is_err());
    }

    /// Spans checked on every core check the blocks they touch, and only those: a damaged
    /// block among them is named, one outside them is left; a reader of the file maps it
    /// first for more blocks than it reads into buffers, and leaves fewer to be read.
    #[test]
    fn spans_are_checked_on_every_core_block_by_block() {
        let blocks = READ_BLOCKS + 40;
        let body: Vec<u8> = (0..blocks * BLOCK_SIZE).map(|i| (i % 241) as u8).collect();
        let b = BLOCK_SIZE as u64;
        let mut damaged = body.clone();
        damaged[5 * BLOCK_SIZE + 7] ^= 1;
        let mapped = reader(&damaged, 0, hashes(&body));
        // Enough blocks to be checked on every core.
        let end = 6 + PARALLEL_BLOCKS + 16;
        let spans: Vec<(u64, u64)> = (6..end as u64).map(|i| (i * b + 10, i * b + 20)).collect();
        mapped.check_spans(&spans).unwrap();
        assert!((6..end).all(|i| mapped.checked[i].get()));
        assert!(!mapped.checked[5].get() && !mapped.checked[end].get());
        // Block 5 among enough unchecked ones to be checked on every core.
        let with_damage: Vec<(u64, u64)> = (0..(end + PARALLEL_BLOCKS) as u64)
            .map(|i| (i * b, i * b + 1))
            .collect();
        let err = mapped.check_spans(&with_damage).unwrap_err();
        assert!(err.to_string().contains("block 5"), "{err}");
        assert!(mapped.bytes(4 * b, 4 * b + 1).is_ok() && mapped.bytes(5 * b, 5 * b + 1).is_err());
        // Outside the body: left to `bytes` to refuse.
        let len = body.len() as u64;
        mapped.check_spans(&[(len, len + 1), (3, 2)]).unwrap();
        let file_reader = || {
            let mut file = tempfile::tempfile().unwrap();
            file.write_all(&damaged).unwrap();
            BlockReader::read(file, damaged.len() as u64, 0, len, hashes(&body)).unwrap()
        };
        let few = file_reader();
        few.check_spans(&spans).unwrap();
        let Backing::Read(read) = &few.backing else {
            panic!("a reader of the file")
        };
        assert!(read.map.get().is_none() && !few.checked[6].get());
        let many = file_reader();
        let all: Vec<(u64, u64)> = (0..blocks as u64).map(|i| (i * b, i * b + 1)).collect();
        let err = many.check_spans(&all).unwrap_err();
        assert!(err.to_string().contains("block 5"), "{err}");
        let Backing::Read(read) = &many.backing else {
            panic!("a reader of the file")
        };
        assert!(read.map.get().is_some());
        many.check_spans(&all[6..]).unwrap();
        assert!((6..blocks).all(|i| many.checked[i].get()));
    }

    #[test]
    fn a_body_that_does_not_fill_the_file_is_refused() {
        let body = vec![3; BLOCK_SIZE + 1];
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&body).unwrap();
        let short = BlockReader::new(map(&file).unwrap(), 0, body.len() as u64 - 1, hashes(&body));
        assert!(short.is_err(), "a cut body");
        let mut fewer = hashes(&body);
        fewer.pop();
        let fewer = BlockReader::new(map(&file).unwrap(), 0, body.len() as u64, fewer);
        assert!(fewer.is_err(), "a hash missing");
    }
}
