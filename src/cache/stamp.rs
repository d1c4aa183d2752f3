//! What the cache remembers of each input file, to tell whether it changed.
//!
//! The verdict rests on the content hash (XXH3-128 of the bytes). Re-reading and hashing a
//! 340 MB file on every query would cost more than the rest of a warm start, so, as git does
//! for its index, the file's metadata is compared first: size, modification time and status
//! change time (ctime, which no user tool can set back, so an edit that restores the old mtime
//! is still seen), inode and device. Only when all of them are unchanged, and the file was not
//! modified in the same instant the cache was written ("racy" files, which git also re-hashes),
//! is the recorded hash trusted without reading the file; otherwise the file is hashed, and the
//! cache is stale exactly when the hash differs.
//!
//! How long "the same instant" lasts depends on the file system: those that keep timestamps
//! to the nanosecond take them from a clock that ticks every 1–10 ms, while FAT and some
//! network file systems keep whole seconds (FAT: two). A timestamp with a fraction of a second
//! shows the first kind, and is racy for [`FINE`]; one without, for [`COARSE`]. A racy stamp
//! would make every later question re-hash its file (seconds for a large graph), so the cache
//! writer first waits, at most one granularity, until no input is racy ([`settle`]): a script
//! that edits the graph and asks a question at once pays a tenth of a second once, not the
//! hashing on every question after.

use std::fs::Metadata;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use super::codec::{Corrupt, Decoder, Encoder};

/// The metadata of an input file that changes whenever its content may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileState {
    /// Size in bytes.
    pub len: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub modified: i128,
    /// Status change time (ctime), nanoseconds since the Unix epoch; 0 where unknown.
    pub changed: i128,
    /// Inode and device numbers; 0 where unknown.
    pub file_id: (u64, u64),
}

impl FileState {
    /// The metadata of a file.
    pub fn of(meta: &Metadata) -> FileState {
        let modified = meta.modified().map_or(0, nanos);
        #[cfg(unix)]
        let (changed, file_id) = {
            use std::os::unix::fs::MetadataExt;
            (
                i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
                (meta.ino(), meta.dev()),
            )
        };
        #[cfg(not(unix))]
        let (changed, file_id) = (0, (0, 0));
        FileState {
            len: meta.len(),
            modified,
            changed,
            file_id,
        }
    }

    /// True when the file may have been modified at or after `instant` (nanoseconds), within
    /// the timestamp granularity of its file system.
    pub(super) fn is_racy(&self, instant: i128) -> bool {
        instant <= self.settled()
    }

    /// The last instant (nanoseconds) at which a change to the file could still leave its
    /// timestamps as they are: its latest timestamp plus the granularity of its file system.
    fn settled(&self) -> i128 {
        const SECOND: i128 = 1_000_000_000;
        let latest = self.modified.max(self.changed);
        let whole_seconds = self.modified % SECOND == 0 && self.changed % SECOND == 0;
        latest + if whole_seconds { COARSE } else { FINE }
    }
}

/// How long a timestamp with a fraction of a second may stay unchanged by a write, in
/// nanoseconds: ten times the slowest tick (10 ms) of the clock Linux stamps files with.
pub const FINE: i128 = 100_000_000;

/// How long a timestamp in whole seconds may stay unchanged by a write, in nanoseconds (FAT
/// keeps even seconds).
pub const COARSE: i128 = 2_000_000_000;

/// How long to wait, from `now` (nanoseconds), before reading files in these states, so that
/// a cache written from them is not racy; `None` when they are already settled. Never more
/// than [`COARSE`]: a file stamped in the future (a skewed clock) stays racy, and is hashed on
/// each read, rather than hold the writer up.
pub fn settle(states: &[FileState], now: i128) -> Option<std::time::Duration> {
    let until = states.iter().map(FileState::settled).max()?;
    let wait = (until - now + 1).min(COARSE);
    (wait > 0).then(|| std::time::Duration::from_nanos(wait as u64))
}

/// Nanoseconds since the Unix epoch (negative before it).
pub fn nanos(time: SystemTime) -> i128 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// The content hash the cache records for an input file.
pub fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// An input file as it was when the cache was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// The file's name in the graph folder.
    pub name: String,
    /// Its metadata then.
    pub metadata: FileState,
    /// The hash of its content then.
    pub hash: u128,
}

/// Whether an input file still matches its stamp.
#[derive(Debug)]
pub enum Freshness {
    /// Same content.
    Fresh,
    /// Different content, or the file is gone or unreadable.
    Changed(Change),
}

/// How an input file differs from its stamp.
#[derive(Debug, thiserror::Error)]
pub enum Change {
    /// It cannot be read (or is gone).
    #[error("{name} cannot be read: {error}")]
    Unreadable {
        /// The file's name.
        name: String,
        /// Why.
        error: std::io::Error,
    },
    /// Its length changed.
    #[error("{name} changed size")]
    Size {
        /// The file's name.
        name: String,
    },
    /// Its content changed.
    #[error("{name} changed")]
    Content {
        /// The file's name.
        name: String,
    },
    /// Its content is the same but its metadata is not (touched, copied, checked out again):
    /// the stamp is out of date, and trusting it would mean hashing the file on every read,
    /// so the cache is written anew, once.
    #[error("{name} has new timestamps but the same content")]
    Touched {
        /// The file's name.
        name: String,
    },
}

impl Stamp {
    /// Checks the file `dir/name` against this stamp, for a cache written at `written`
    /// (nanoseconds since the epoch); hashes the file only when its metadata differs or it is
    /// racy. A racy file with the same content is fresh; a file whose metadata changed but not
    /// its content is [`Change::Touched`].
    pub fn check(&self, dir: &Path, written: i128) -> Freshness {
        let path = dir.join(&self.name);
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(error) => return self.changed(|name| Change::Unreadable { name, error }),
        };
        let now = FileState::of(&meta);
        if now == self.metadata && !now.is_racy(written) {
            return Freshness::Fresh;
        }
        if now.len != self.metadata.len {
            return self.changed(|name| Change::Size { name });
        }
        match std::fs::read(&path).map(|bytes| hash(&bytes) == self.hash) {
            Ok(true) if now == self.metadata => Freshness::Fresh,
            Ok(true) => self.changed(|name| Change::Touched { name }),
            Ok(false) => self.changed(|name| Change::Content { name }),
            Err(error) => self.changed(|name| Change::Unreadable { name, error }),
        }
    }

    /// The file of this stamp has changed, as `change` of its name says.
    fn changed(&self, change: impl FnOnce(String) -> Change) -> Freshness {
        Freshness::Changed(change(self.name.clone()))
    }

    /// Writes the stamp.
    pub fn encode(&self, e: &mut Encoder) {
        e.str(&self.name);
        e.u64(self.metadata.len);
        e.u128(self.metadata.modified as u128);
        e.u128(self.metadata.changed as u128);
        e.u64(self.metadata.file_id.0);
        e.u64(self.metadata.file_id.1);
        e.u128(self.hash);
    }

    /// Reads a stamp [`Stamp::encode`] wrote.
    pub fn decode(d: &mut Decoder) -> Result<Stamp, Corrupt> {
        Ok(Stamp {
            name: d.string()?,
            metadata: FileState {
                len: d.u64()?,
                modified: d.u128()? as i128,
                changed: d.u128()? as i128,
                file_id: (d.u64()?, d.u64()?),
            },
            hash: d.u128()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(dir: &Path, name: &str) -> Stamp {
        let path = dir.join(name);
        Stamp {
            name: name.to_owned(),
            metadata: FileState::of(&std::fs::metadata(&path).unwrap()),
            hash: hash(&std::fs::read(&path).unwrap()),
        }
    }

    fn state(modified: i128, changed: i128) -> FileState {
        FileState {
            len: 1,
            modified,
            changed,
            file_id: (1, 1),
        }
    }

    #[test]
    fn a_timestamp_is_racy_for_the_granularity_of_its_file_system() {
        let second = 1_000_000_000;
        // Nanosecond timestamps: racy for a tenth of a second.
        let fine = state(100 * second + 123_456_789, 100 * second + 123_456_789);
        assert!(fine.is_racy(100 * second + 123_456_789 + FINE));
        assert!(!fine.is_racy(100 * second + 123_456_789 + FINE + 1));
        // Whole seconds (FAT, some network file systems): for two seconds.
        let coarse = state(100 * second, 99 * second);
        assert!(coarse.is_racy(100 * second + COARSE));
        assert!(!coarse.is_racy(100 * second + COARSE + 1));
        // The later of the two timestamps counts.
        assert!(state(second, 5 * second + 7).is_racy(5 * second + FINE));
    }

    #[test]
    fn a_writer_waits_until_every_file_has_settled_and_never_longer_than_coarse() {
        let second = 1_000_000_000;
        let fresh = state(10 * second + 5, 10 * second + 5);
        let old = state(second + 5, second + 5);
        let wait = settle(&[old, fresh], 10 * second + 5).unwrap();
        assert_eq!(wait.as_nanos() as i128, FINE + 1);
        let after = 10 * second + 5 + wait.as_nanos() as i128;
        assert!(!fresh.is_racy(after) && !old.is_racy(after));
        assert_eq!(settle(&[old], 10 * second), None);
        assert_eq!(settle(&[], 10 * second), None);
        // A file stamped a day ahead: the wait is capped, the file stays racy (hashed).
        let ahead = state(86_400 * second + 1, 86_400 * second + 1);
        assert_eq!(settle(&[ahead], second).unwrap().as_nanos() as i128, COARSE);
    }

    #[test]
    fn a_file_is_fresh_until_its_content_changes() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("relations.json");
        std::fs::write(&file, "[1]").unwrap();
        let long_ago = 1;
        let now = nanos(SystemTime::now());
        let s = stamp(dir.path(), "relations.json");
        // Written long after the file: metadata alone decides.
        let later = now + 10_000_000_000;
        assert!(matches!(s.check(dir.path(), later), Freshness::Fresh));
        // Racy (file as new as the cache): the hash is checked, and still matches.
        assert!(matches!(s.check(dir.path(), now), Freshness::Fresh));
        // Touched: same content, new metadata; the stamp is out of date.
        let first = std::fs::metadata(&file).unwrap().modified().unwrap();
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(first + std::time::Duration::from_secs(5))
            .unwrap();
        assert!(matches!(
            s.check(dir.path(), later),
            Freshness::Changed(Change::Touched { name }) if name == "relations.json"
        ));
        // Same size, new content, old mtime restored: ctime differs, the hash decides.
        let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
        std::fs::write(&file, "[2]").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(mtime)
            .unwrap();
        assert!(matches!(
            s.check(dir.path(), later),
            Freshness::Changed(Change::Content { name }) if name == "relations.json"
        ));
        std::fs::remove_file(&file).unwrap();
        assert!(matches!(
            s.check(dir.path(), long_ago),
            Freshness::Changed(Change::Unreadable { .. })
        ));
    }
}
