//! A scratch file for checks that must go through a path (`GraphFiles::read_path`), on tmpfs
//! when there is one, removed after use.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Writes `bytes` to a fresh file named `….json`, runs `f` on its path, and removes the file.
pub fn with_file<R>(bytes: &[u8], f: impl FnOnce(&Path) -> R) -> R {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        shm.to_owned()
    } else {
        std::env::temp_dir()
    };
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let path = dir.join(format!("actorgraph-fuzz-{}-{n}.json", std::process::id()));
    let file = Scratch(path);
    std::fs::write(&file.0, bytes).expect("the scratch file can be written");
    f(&file.0)
}

/// Removes the file when dropped, also when a check panics (unless the panic aborts).
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
