//! Writing a Parquet export folder whole or not at all.
//!
//! The tables are written into a new temporary sibling of the target (`.NAME.parquet-XXXXXX`,
//! created exclusively with an unpredictable name, so nothing planted is followed), each file
//! synced; only then does the folder take the target's place by `rename`. A target that
//! already exists is accepted only when it is an empty folder or a previous export, a
//! folder holding nothing but the files an export writes (checked name by name), so that a
//! folder holding anything else — a graph, notes, another tool's output — is never touched.
//! A previous export is first moved aside into another temporary sibling and removed once the
//! new one is in place; if that rename fails, it is moved back.

use std::fs::{self, File, OpenOptions};
use std::io::Write as _;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use super::{ExportError, Occupied, Written};

/// The manifest every export holds: the format, schema version, row counts and partitions.
pub const MANIFEST: &str = "_actorgraph.json";
/// The `format` field of the manifest.
pub(super) const FORMAT: &str = "actorgraph-parquet";
/// The files an export writes at its top level, beside the `relations` folder.
const TABLE_FILES: [&str; 6] = [
    "entities.parquet",
    "names.parquet",
    "evidence.parquet",
    "casualties.parquet",
    "sources.parquet",
    MANIFEST,
];

/// Writes the folder `dir` through `fill`, which gets a new empty folder to fill: `dir` is
/// replaced by it only when `fill` succeeds.
pub(super) fn replace(
    dir: &Path,
    fill: impl FnOnce(&Path) -> Result<Written, ExportError>,
) -> Result<Written, ExportError> {
    let existing = check_target(dir)?;
    let parent = parent_of(dir);
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.parquet-"))
        .tempdir_in(&parent)
        .map_err(|source| io(&parent, source))?;
    let written = fill(tmp.path())?;
    // The temporary folder is private (0700); the export is readable as any new folder.
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755))
        .map_err(|source| io(tmp.path(), source))?;
    sync_dir(tmp.path())?;
    if existing {
        swap(tmp.path(), dir, &parent, &name)?;
    } else {
        fs::rename(tmp.path(), dir).map_err(|source| io(dir, source))?;
    }
    // The temporary folder is now the target: nothing is left to remove.
    let _ = tmp.keep();
    sync_dir(&parent)?;
    Ok(written)
}

/// Replaces the existing folder `dir` by `new`: the old one is moved aside, the new one moved
/// in, the old one removed (moved back if the new one could not take its place).
fn swap(new: &Path, dir: &Path, parent: &Path, name: &str) -> Result<(), ExportError> {
    let aside = tempfile::Builder::new()
        .prefix(&format!(".{name}.previous-"))
        .tempdir_in(parent)
        .map_err(|source| io(parent, source))?;
    // Renaming a folder onto an empty folder replaces it.
    fs::rename(dir, aside.path()).map_err(|source| io(dir, source))?;
    if let Err(source) = fs::rename(new, dir) {
        let _ = fs::rename(aside.path(), dir);
        return Err(io(dir, source));
    }
    // `aside` removes the previous export when dropped.
    Ok(())
}

/// Whether the target exists (as an empty folder or a previous export); an error for any
/// other existing target.
fn check_target(dir: &Path) -> Result<bool, ExportError> {
    let meta = match fs::symlink_metadata(dir) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(source) => return Err(io(dir, source)),
    };
    let refused = |why| ExportError::Refused {
        path: dir.to_owned(),
        why,
    };
    if !meta.is_dir() {
        return Err(refused(Occupied::NotAFolder));
    }
    let entries = list(dir)?;
    if entries.is_empty() {
        return Ok(true);
    }
    if let Some(occupied) = strangers(dir, &entries)? {
        return Err(refused(occupied));
    }
    Ok(true)
}

/// Why the folder `dir` is not a previous export, if it is not: a previous
/// export holds its manifest, the tables, and `relations/start_year=Y/part-N.parquet` files.
fn strangers(dir: &Path, entries: &[String]) -> Result<Option<Occupied>, ExportError> {
    if !entries.iter().any(|e| e == MANIFEST) {
        return Ok(Some(Occupied::NoManifest));
    }
    for entry in entries {
        let path = dir.join(entry);
        let kind = fs::symlink_metadata(&path)
            .map_err(|source| io(&path, source))?
            .file_type();
        let known = if entry == "relations" {
            kind.is_dir() && partitions_only(&path)?
        } else {
            kind.is_file() && TABLE_FILES.contains(&entry.as_str())
        };
        if !known {
            return Ok(Some(Occupied::Stranger(path)));
        }
    }
    Ok(None)
}

/// True when `dir` holds only `start_year=Y` folders of `part-N.parquet` files.
fn partitions_only(dir: &Path) -> Result<bool, ExportError> {
    for year in list(dir)? {
        let path = dir.join(&year);
        let is_dir = fs::symlink_metadata(&path)
            .map_err(|source| io(&path, source))?
            .is_dir();
        if !is_dir || !year.starts_with("start_year=") {
            return Ok(false);
        }
        for part in list(&path)? {
            let file = path.join(&part);
            let is_file = fs::symlink_metadata(&file)
                .map_err(|source| io(&file, source))?
                .is_file();
            if !(is_file && part.starts_with("part-") && part.ends_with(".parquet")) {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// The names in the folder `dir`.
fn list(dir: &Path) -> Result<Vec<String>, ExportError> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).map_err(|source| io(dir, source))? {
        let entry = entry.map_err(|source| io(dir, source))?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    Ok(names)
}

/// The folder `dir` is in (`.` for a bare name).
fn parent_of(dir: &Path) -> PathBuf {
    match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Creates the folder `dir` inside the temporary export folder.
pub(super) fn create_dir(dir: &Path) -> Result<(), ExportError> {
    match fs::create_dir(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => Err(io(dir, e)),
        _ => Ok(()),
    }
}

/// Creates a new file inside the temporary export folder (exclusively: the folder is new
/// and private, so nothing can be there).
pub(super) fn create_file(path: &Path) -> Result<File, ExportError> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|source| io(path, source))
}

/// Writes the manifest `_actorgraph.json` (pretty JSON, keys in a fixed order).
pub(super) fn write_manifest(dir: &Path, written: &Written) -> Result<(), ExportError> {
    let path = dir.join(MANIFEST);
    let mut file = create_file(&path)?;
    let mut json = serde_json::to_vec_pretty(written).expect("the manifest serializes");
    json.push(b'\n');
    file.write_all(&json)
        .and_then(|()| file.sync_all())
        .map_err(|source| io(&path, source))
}

/// Syncs a folder's entries to disk, so that a rename into it survives a crash.
fn sync_dir(dir: &Path) -> Result<(), ExportError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|source| io(dir, source))
}

fn io(path: &Path, source: std::io::Error) -> ExportError {
    ExportError::Io {
        path: path.to_owned(),
        source,
    }
}
