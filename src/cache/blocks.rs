//! The cache body's integrity, block by block: the body is cut into blocks of
//! [`BLOCK_SIZE`] bytes, each with its XXH3-64 hash in the header, so that a reader checks
//! exactly the bytes it uses. A full load checks every block; a scoped load
//! ([`super::scoped`]) reads and checks only the blocks that hold what it needs.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

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

/// Reads byte ranges of a cache body from its file, reading each block it touches once and
/// checking it against its hash before any of its bytes are used.
#[derive(Debug)]
pub struct BlockReader {
    file: File,
    /// Where the body starts in the file.
    start: u64,
    /// The body's length.
    len: u64,
    hashes: Vec<u64>,
    /// The blocks read so far, by number.
    read: Vec<Option<Box<[u8]>>>,
}

impl BlockReader {
    /// A reader of the body that starts at byte `start` of `file`, `len` bytes long, whose
    /// blocks have the hashes `hashes` (their number was checked against `len`).
    pub fn new(file: File, start: u64, len: u64, hashes: Vec<u64>) -> BlockReader {
        let read = vec![None; hashes.len()];
        BlockReader {
            file,
            start,
            len,
            hashes,
            read,
        }
    }

    /// The body's length in bytes.
    pub fn body_len(&self) -> u64 {
        self.len
    }

    /// The body bytes `from..to`, checked.
    pub fn bytes(&mut self, from: u64, to: u64) -> Result<Vec<u8>, CacheError> {
        if from > to || to > self.len {
            return Err(Damage::OutOfBody {
                from,
                to,
                len: self.len,
            }
            .into());
        }
        let mut out = Vec::with_capacity((to - from) as usize);
        let block = BLOCK_SIZE as u64;
        let mut at = from;
        while at < to {
            let i = (at / block) as usize;
            let data = self.block(i)?;
            let within = (at - i as u64 * block) as usize;
            let take = ((to - at) as usize).min(data.len() - within);
            out.extend_from_slice(&data[within..within + take]);
            at += take as u64;
        }
        Ok(out)
    }

    /// A little-endian u32 at body offset `at`.
    pub fn u32(&mut self, at: u64) -> Result<u32, CacheError> {
        let bytes = self.bytes(at, at + 4)?;
        Ok(u32::from_le_bytes(bytes.try_into().expect("four bytes")))
    }

    /// A little-endian u64 at body offset `at`.
    pub fn u64(&mut self, at: u64) -> Result<u64, CacheError> {
        let bytes = self.bytes(at, at + 8)?;
        Ok(u64::from_le_bytes(bytes.try_into().expect("eight bytes")))
    }

    fn block(&mut self, i: usize) -> Result<&[u8], CacheError> {
        let slot = self.read.get_mut(i).ok_or_else(|| mismatch(i))?;
        if slot.is_none() {
            let expected = self.hashes[i];
            let from = i as u64 * BLOCK_SIZE as u64;
            let len = (self.len - from).min(BLOCK_SIZE as u64);
            // Read into uninitialised capacity (no zeroing of a block about to be overwritten).
            let mut data = Vec::with_capacity(len as usize);
            let mut file = &self.file;
            file.seek(SeekFrom::Start(self.start + from))?;
            file.take(len).read_to_end(&mut data)?;
            if data.len() as u64 != len {
                return Err(std::io::Error::from(std::io::ErrorKind::UnexpectedEof).into());
            }
            if hash(&data) != expected {
                return Err(mismatch(i));
            }
            *slot = Some(data.into_boxed_slice());
        }
        Ok(slot.as_deref().expect("read above"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn reader(body: &[u8], prefix: usize) -> BlockReader {
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&vec![7; prefix]).unwrap();
        file.write_all(body).unwrap();
        BlockReader::new(file, prefix as u64, body.len() as u64, hashes(body))
    }

    #[test]
    fn ranges_across_blocks_read_back_exactly() {
        let body: Vec<u8> = (0..3 * BLOCK_SIZE + 100).map(|i| (i % 251) as u8).collect();
        let mut r = reader(&body, 33);
        for (from, to) in [(0, 10), (BLOCK_SIZE - 3, BLOCK_SIZE + 5), (0, body.len())] {
            assert_eq!(r.bytes(from as u64, to as u64).unwrap(), body[from..to]);
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
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&damaged).unwrap();
        let mut r = BlockReader::new(file, 0, damaged.len() as u64, expected.clone());
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
}
