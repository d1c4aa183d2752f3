//! Writing files: the one way the tool creates or replaces a file.
//!
//! A regular file is written atomically: a temporary file with an unpredictable name is
//! created in the same folder with exclusive creation (`O_CREAT|O_EXCL`, so a file or link
//! planted in its place is never opened, never followed), filled, synced, and renamed over the
//! target only once complete, so that a failure never leaves a half-written or clobbered file.
//! A character device or a FIFO (`/dev/null`, `/dev/full`, a named pipe) is written in place,
//! as a shell redirection would, and its errors reported; anything else that is not a regular
//! file (a folder, a block device, a socket, a link to a missing file) is refused, never
//! replaced.

use std::cell::Cell;
use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Writes `path` through `fill`.
///
/// When `path` is (or links to) a regular file, or does not exist, the write is atomic: the
/// old file (if any) is replaced only when `fill` and the flush both succeed, keeping its
/// permissions; on any error the temporary file is removed and the old file is left as it was.
/// A link to a regular file stays a link: the file it points to is replaced. A character
/// device or a FIFO is written in place. Any other target is refused with an error of kind
/// [`io::ErrorKind::InvalidInput`] that says what it is.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("out.txt");
/// actorgraph::atomic::write(&path, |w| w.write_all(b"hello")).unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "hello");
/// let failed = actorgraph::atomic::write(&path, |_| Err(std::io::Error::other("boom")));
/// assert!(failed.is_err());
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "hello");
/// ```
pub fn write(path: &Path, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    write_all(&[path], |mut outs| {
        fill(outs.pop().expect("one writer per path"))
    })
    .map_err(|failure| failure.error)
}

/// Writes each of `paths` through `fill`, which gets one writer per path, in order: as
/// [`write()`] writes one file, but every file is written before any is replaced, so that a
/// failure (of `fill`, a flush, or a path refused) replaces none and leaves no temporary file.
/// Once all are written, the temporary files are renamed over their paths one after the
/// other: should a rename fail, the files before it are new and those after it old, each of
/// them whole.
pub fn write_all(
    paths: &[&Path],
    fill: impl FnOnce(Vec<&mut dyn Write>) -> io::Result<()>,
) -> Result<(), WriteAllError> {
    let at = |path: usize| {
        move |error| WriteAllError {
            path: Some(path),
            error,
        }
    };
    let targets = (paths.iter().enumerate())
        .map(|(i, path)| target(path).map_err(at(i)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut opened = (targets.into_iter().zip(paths).enumerate())
        .map(|(i, (target, path))| Opened::new(target, path).map_err(at(i)))
        .collect::<Result<Vec<_>, _>>()?;
    {
        let failed = Cell::new(None);
        let mut outs: Vec<Noting<'_, BufWriter<&mut File>>> = (opened.iter_mut().enumerate())
            .map(|(path, o)| Noting {
                out: BufWriter::new(o.file_mut()),
                path,
                failed: &failed,
            })
            .collect();
        fill(outs.iter_mut().map(|o| o as &mut dyn Write).collect()).map_err(|error| {
            WriteAllError {
                path: failed.get(),
                error,
            }
        })?;
        for (i, out) in outs.iter_mut().enumerate() {
            out.flush().map_err(at(i))?;
        }
    }
    for (i, o) in opened.iter().enumerate() {
        o.seal().map_err(at(i))?;
    }
    for (i, o) in opened.into_iter().enumerate() {
        o.persist().map_err(at(i))?;
    }
    Ok(())
}

/// A writer of the file at index `path` of a [`write_all`] that notes, in `failed`, the first
/// file whose writing failed, so that an error is said of that file, not of them all.
struct Noting<'f, W> {
    out: W,
    path: usize,
    failed: &'f Cell<Option<usize>>,
}

impl<W: Write> Noting<'_, W> {
    fn noted<T>(&self, result: io::Result<T>) -> io::Result<T> {
        if result.is_err() && self.failed.get().is_none() {
            self.failed.set(Some(self.path));
        }
        result
    }
}

impl<W: Write> Write for Noting<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let result = self.out.write(buf);
        self.noted(result)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        let result = self.out.write_all(buf);
        self.noted(result)
    }

    fn flush(&mut self) -> io::Result<()> {
        let result = self.out.flush();
        self.noted(result)
    }
}

/// Why [`write_all`] failed.
#[derive(Debug)]
pub struct WriteAllError {
    /// The index of the path the error concerns, when it concerns one: `None` for an error
    /// of what `fill` wrote from, not of writing a file.
    pub path: Option<usize>,
    /// What failed.
    pub error: io::Error,
}

/// How a path is written.
enum Target {
    /// A regular file (the one a link points to) or a new one, replaced atomically.
    Replace {
        path: PathBuf,
        /// The permissions of the file replaced; `None` for a new file.
        permissions: Option<Permissions>,
    },
    /// A character device or a FIFO, written as it is.
    InPlace,
}

fn target(path: &Path) -> io::Result<Target> {
    match fs::metadata(path) {
        Ok(meta) => {
            let kind = meta.file_type();
            if kind.is_file() {
                Ok(Target::Replace {
                    path: fs::canonicalize(path)?,
                    permissions: Some(meta.permissions()),
                })
            } else if kind.is_char_device() || kind.is_fifo() {
                Ok(Target::InPlace)
            } else {
                let what = if kind.is_dir() {
                    "a folder"
                } else if kind.is_block_device() {
                    "a block device"
                } else if kind.is_socket() {
                    "a socket"
                } else {
                    "not a regular file"
                };
                Err(refused(format!(
                    "it is {what}; name a regular file (or `-` for standard output)"
                )))
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if fs::symlink_metadata(path).is_ok() {
                return Err(refused(
                    "it is a link to a missing file; the link is not replaced".to_owned(),
                ));
            }
            Ok(Target::Replace {
                path: path.to_owned(),
                permissions: None,
            })
        }
        Err(e) => Err(e),
    }
}

fn refused(why: String) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("refusing to write: {why}"),
    )
}

/// A file being written: a temporary sibling of the path it will replace, or a device or
/// FIFO written as it is (a shell redirection would), its errors reported (a full device, a
/// closed pipe).
enum Opened {
    Temporary {
        temp: tempfile::NamedTempFile,
        path: PathBuf,
        permissions: Option<Permissions>,
    },
    InPlace(File),
}

impl Opened {
    /// Opens what `target`, the target of `path`, is written through: a temporary sibling
    /// created with exclusive creation, or the device itself.
    fn new(target: Target, path: &Path) -> io::Result<Opened> {
        let (path, permissions) = match target {
            Target::InPlace => {
                return Ok(Opened::InPlace(OpenOptions::new().write(true).open(path)?));
            }
            Target::Replace { path, permissions } => (path, permissions),
        };
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let name = path
            .file_name()
            .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
        // A new file gets the mode `File::create` would give it (0666 less the umask);
        // tempfile's own default, 0600, would make exports unreadable to the user's group.
        let temp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .permissions(Permissions::from_mode(0o666))
            .tempfile_in(dir)?;
        Ok(Opened::Temporary {
            temp,
            path,
            permissions,
        })
    }

    fn file_mut(&mut self) -> &mut File {
        match self {
            Opened::Temporary { temp, .. } => temp.as_file_mut(),
            Opened::InPlace(file) => file,
        }
    }

    /// Gives a temporary file the permissions of the file it replaces and syncs it.
    fn seal(&self) -> io::Result<()> {
        let Opened::Temporary {
            temp, permissions, ..
        } = self
        else {
            return Ok(());
        };
        if let Some(permissions) = permissions {
            temp.as_file().set_permissions(permissions.clone())?;
        }
        temp.as_file().sync_all()
    }

    /// Renames a temporary file over its path. On failure the temporary file is removed
    /// when the error drops it.
    fn persist(self) -> io::Result<()> {
        match self {
            Opened::Temporary { temp, path, .. } => {
                temp.persist(path).map(drop).map_err(|e| e.error)
            }
            Opened::InPlace(_) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn failure_keeps_the_old_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.dot");
        fs::write(&path, "old").unwrap();
        let err = write(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(err.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// Several files are written together: all of them, or (when the writing fails, or one
    /// path is refused) none, with no temporary file left and the refused path named.
    #[test]
    fn several_files_are_all_replaced_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let [a, b] = ["a.csv", "b.csv"].map(|name| dir.path().join(name));
        fs::write(&a, "old a").unwrap();
        let paths = [a.as_path(), b.as_path()];
        let failed = write_all(&paths, |mut outs| {
            outs[0].write_all(b"new a")?;
            outs[1].write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert_eq!(failed.unwrap_err().path, None);
        assert_eq!(fs::read_to_string(&a).unwrap(), "old a");
        assert!(!b.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);

        let folder = dir.path().join("c.csv");
        fs::create_dir(&folder).unwrap();
        let refused = write_all(&[a.as_path(), folder.as_path()], |_| Ok(()));
        let refused = refused.unwrap_err();
        assert_eq!(refused.path, Some(1));
        assert!(refused.error.to_string().contains("it is a folder"));
        assert_eq!(fs::read_to_string(&a).unwrap(), "old a");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);

        // A file whose writing fails is named; the others are not replaced.
        let full = dir.path().join("full.csv");
        symlink("/dev/full", &full).unwrap();
        let no_space = write_all(&[a.as_path(), full.as_path()], |mut outs| {
            outs[0].write_all(b"new a")?;
            outs[1].write_all(&[0; 1 << 16])
        });
        assert_eq!(no_space.unwrap_err().path, Some(1));
        assert_eq!(fs::read_to_string(&a).unwrap(), "old a");
        fs::remove_file(&full).unwrap();

        write_all(&paths, |mut outs| {
            outs[0].write_all(b"new a")?;
            outs[1].write_all(b"new b")
        })
        .unwrap();
        assert_eq!(fs::read_to_string(&a).unwrap(), "new a");
        assert_eq!(fs::read_to_string(&b).unwrap(), "new b");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 3);
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/x.svg");
        assert!(write(&path, |w| w.write_all(b"x")).is_err());
    }

    /// The temporary name the first version used, `.NAME.tmp-<pid>`: a link planted there
    /// made the write go to the link's target.
    #[test]
    fn a_link_planted_at_the_old_temporary_name_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let path = dir.path().join("out.dot");
        let planted = dir
            .path()
            .join(format!(".out.dot.tmp-{}", std::process::id()));
        symlink(&victim, &planted).unwrap();
        write(&path, |w| w.write_all(b"export")).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(fs::read_to_string(&path).unwrap(), "export");
        assert!(fs::symlink_metadata(&planted).unwrap().is_symlink());
    }

    /// A rival replaces every temporary-looking name in the folder with a link to a victim as
    /// fast as it can while files are written (each to a new name, as a user exporting views
    /// would): the data goes through the file the writer created, and the victim is never
    /// written.
    #[test]
    fn a_race_planting_links_never_reaches_the_victim() {
        use std::sync::atomic::{AtomicBool, Ordering};
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let stop = AtomicBool::new(false);
        std::thread::scope(|scope| {
            scope.spawn(|| {
                while !stop.load(Ordering::Relaxed) {
                    for entry in fs::read_dir(dir.path()).unwrap().flatten() {
                        let name = entry.file_name();
                        if name.to_string_lossy().starts_with(".out-") {
                            let _ = fs::remove_file(entry.path());
                            let _ = symlink(&victim, entry.path());
                        }
                    }
                }
            });
            for i in 0..200 {
                let path = dir.path().join(format!("out-{i}.dot"));
                let _ = write(&path, |w| w.write_all(format!("export {i}").as_bytes()));
            }
            stop.store(true, Ordering::Relaxed);
        });
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    }

    #[test]
    fn a_link_to_a_regular_file_stays_a_link_and_its_file_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.dot");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.dot");
        symlink(&real, &link).unwrap();
        write(&link, |w| w.write_all(b"new")).unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.dot");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();
        write(&path, |w| w.write_all(b"new")).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn a_device_is_written_in_place_and_its_errors_reported() {
        write(Path::new("/dev/null"), |w| w.write_all(b"x")).unwrap();
        assert!(
            fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
        let full = write(Path::new("/dev/full"), |w| w.write_all(&[0; 100_000]));
        let error = full.unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::StorageFull, "{error}");
        assert!(
            fs::metadata("/dev/full")
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }

    #[test]
    fn a_fifo_is_written_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        write(&fifo, |w| w.write_all(b"through the pipe")).unwrap();
        assert_eq!(reader.join().unwrap(), "through the pipe");
        assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    }

    #[test]
    fn folders_sockets_and_dangling_links_are_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let error = write(dir.path(), |w| w.write_all(b"x")).unwrap_err();
        assert!(error.to_string().contains("a folder"), "{error}");
        let socket = dir.path().join("sock");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        let error = write(&socket, |w| w.write_all(b"x")).unwrap_err();
        assert!(error.to_string().contains("a socket"), "{error}");
        assert!(fs::metadata(&socket).unwrap().file_type().is_socket());
        let dangling = dir.path().join("dangling");
        symlink(dir.path().join("missing"), &dangling).unwrap();
        let error = write(&dangling, |w| w.write_all(b"x")).unwrap_err();
        assert!(error.to_string().contains("missing file"), "{error}");
        assert!(fs::symlink_metadata(&dangling).unwrap().is_symlink());
        assert!(!dir.path().join("missing").exists());
    }
}
