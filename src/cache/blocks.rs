//! The cache body's integrity, block by block: the body is cut into blocks of
//! [`BLOCK_SIZE`] bytes, each with its XXH3-64 hash in the header, so that a reader checks
//! exactly the bytes it uses. A full load checks every block; a scoped load
//! ([`super::scoped`]) reads the memory-mapped file in place and checks only the blocks that
//! hold what it needs, each once, when first touched.

use std::cell::Cell;
use std::fs::File;

use super::{CacheError, Damage};

/// The size of a checked block (the last one may be shorter).
pub const BLOCK_SIZE: usize = 1 << 16;

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

/// The bytes of a cache body read in place from the memory-mapped cache file, each block
/// checked against its hash the first time any of its bytes is used (and only then), so a
/// scoped read hashes the blocks it touches, not the whole body, and copies nothing.
///
/// The file is mapped read-only. actorgraph never writes a cache in place (a new cache is a
/// temporary file renamed over the old one, [`crate::atomic`]), so a mapping keeps the bytes
/// it was opened with while another process rebuilds the cache; every decoder still checks
/// every length and index against the bytes it is given.
#[derive(Debug)]
pub struct BlockReader {
    map: memmap2::Mmap,
    /// Where the body starts in the file.
    start: usize,
    /// The body's length.
    len: u64,
    hashes: Vec<u64>,
    /// Whether each block was checked, by number.
    checked: Vec<Cell<bool>>,
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
        let fits = usize::try_from(start)
            .ok()
            .zip(usize::try_from(len).ok())
            .and_then(|(s, l)| s.checked_add(l))
            == Some(map.len());
        if !fits || len.div_ceil(BLOCK_SIZE as u64) != hashes.len() as u64 {
            return Err(Damage::Unfilled {
                body: len,
                blocks: hashes.len(),
                file: map.len(),
            }
            .into());
        }
        let checked = (0..hashes.len()).map(|_| Cell::new(false)).collect();
        Ok(BlockReader {
            map,
            start: start as usize,
            len,
            hashes,
            checked,
        })
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
        let last = if to > from {
            (to - 1) / block
        } else {
            from / block
        };
        for i in from / block..=last.min(self.hashes.len().saturating_sub(1) as u64) {
            self.check(i as usize)?;
        }
        Ok(&self.map[self.start + from as usize..self.start + to as usize])
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

    /// Checks block `i` unless it was checked before.
    fn check(&self, i: usize) -> Result<(), CacheError> {
        let Some(done) = self.checked.get(i) else {
            return Ok(());
        };
        if done.get() {
            return Ok(());
        }
        let from = self.start + i * BLOCK_SIZE;
        let to = (from + BLOCK_SIZE).min(self.start + self.len as usize);
        if hash(&self.map[from..to]) != self.hashes[i] {
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
