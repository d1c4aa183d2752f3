//! Generated graphs are kept in `target/bench-data/<size>/` and reused while the size, the
//! seed and the generator's source code match the stamp written beside them.

use std::io;
use std::path::{Path, PathBuf};

use super::{Size, Summary, generate};

/// The generator's source: any change to it remakes cached data.
const GENERATOR_SOURCE: [&str; 10] = [
    include_str!("cache.rs"),
    include_str!("dates.rs"),
    include_str!("documents.rs"),
    include_str!("endpoints.rs"),
    include_str!("entities.rs"),
    include_str!("mod.rs"),
    include_str!("names.rs"),
    include_str!("relations.rs"),
    include_str!("rng.rs"),
    include_str!("workload.rs"),
];
/// The file that says what a folder holds; written last, so a folder without it is partial.
const STAMP_FILE: &str = "generated.txt";

/// `target/bench-data` (under `CARGO_TARGET_DIR` when set).
pub fn data_root() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("bench-data")
}

/// The folder holding the graph of `size` and `seed`, generated first unless a folder with
/// the same stamp is there. Returns the folder and the generation summary when it generated.
pub fn ensure(size: Size, seed: u64) -> io::Result<(PathBuf, Option<Summary>)> {
    let dir = data_root().join(size.name());
    let stamp = stamp(size, seed);
    if std::fs::read_to_string(dir.join(STAMP_FILE)).is_ok_and(|s| s.starts_with(&stamp)) {
        return Ok((dir, None));
    }
    let partial = data_root().join(format!("{}.partial", size.name()));
    for old in [&partial, &dir] {
        if old.exists() {
            std::fs::remove_dir_all(old)?;
        }
    }
    std::fs::create_dir_all(&partial)?;
    let summary = generate(size, seed, &partial)?;
    let details = serde_json::to_string_pretty(&summary).map_err(io::Error::other)?;
    std::fs::write(partial.join(STAMP_FILE), format!("{stamp}\n{details}\n"))?;
    std::fs::rename(&partial, &dir)?;
    Ok((dir, Some(summary)))
}

/// The first line of the stamp: what was generated, and by which generator (a FNV-1a hash of
/// its source).
fn stamp(size: Size, seed: u64) -> String {
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    for byte in GENERATOR_SOURCE.iter().flat_map(|s| s.bytes()) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01B3);
    }
    format!(
        "actorgraph bench data: generator {hash:016x}, size {}, seed {seed}",
        size.name()
    )
}
