//! The source documents, read at run time from a folder and checked against their hashes.

use std::collections::HashMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::problem::Code;
use super::problem::{Location, Problem, quote};
use crate::model::{Evidence, Source};

/// The texts of a graph's source documents, by document name.
#[derive(Debug, Clone, Default)]
pub struct SourceTexts {
    texts: HashMap<String, String>,
}

/// Why an evidence span cannot be quoted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    /// The document is not among the texts that were read.
    #[error("document {0:?} is not available")]
    Missing(String),
    /// `start_byte` is not before `end_byte`.
    #[error("span {start}..{end} is empty or reversed")]
    Empty {
        /// The span's start.
        start: u64,
        /// The span's end.
        end: u64,
    },
    /// The span runs past the end of the document.
    #[error("span {start}..{end} is out of range: {document:?} has {len} bytes")]
    OutOfRange {
        /// The document cited.
        document: String,
        /// The span's start.
        start: u64,
        /// The span's end.
        end: u64,
        /// The document's length in bytes.
        len: usize,
    },
    /// An end of the span falls inside a UTF-8 character.
    #[error("span {start}..{end} does not fall on UTF-8 character boundaries (byte {offset})")]
    NotBoundary {
        /// The span's start.
        start: u64,
        /// The span's end.
        end: u64,
        /// The offending offset.
        offset: u64,
    },
}

/// The largest source document read: 64 MiB.
pub const MAX_DOCUMENT_BYTES: u64 = 64 << 20;

/// True for a name that stays inside the sources folder: no path separators, not hidden,
/// not `.` or `..`, no control characters.
pub fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\'])
        && !name.chars().any(char::is_control)
}

/// True for 64 lowercase hex digits.
pub fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Reads a regular file of at most [`MAX_DOCUMENT_BYTES`] (a FIFO or device is refused
/// before it is opened).
pub fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    // Looked at before opening: opening a FIFO would block.
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    if meta.len() > MAX_DOCUMENT_BYTES {
        return Err(std::io::Error::other(format!(
            "larger than the {} MiB limit for a source document",
            MAX_DOCUMENT_BYTES >> 20
        )));
    }
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(std::io::Error::other(
            "grew past the size limit while being read",
        ));
    }
    Ok(bytes)
}

/// The lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl SourceTexts {
    /// Reads every source's document from `dir`, checking it exists, is UTF-8 and matches its
    /// sha256; each failure is a problem (at the source's `location` and JSON `path`) and leaves
    /// that document out. Names that are not plain file names are never opened (validation
    /// reports them), nor are files that are not regular files or exceed
    /// [`MAX_DOCUMENT_BYTES`].
    pub fn read<'a>(
        dir: &Path,
        sources: impl IntoIterator<Item = (&'a Source, Location, String)>,
        problems: &mut Vec<Problem>,
    ) -> SourceTexts {
        let mut texts = HashMap::new();
        for (source, location, path) in sources {
            if !is_plain_file_name(&source.document) {
                continue;
            }
            let file = dir.join(&source.document);
            let fail = |code, message: String| {
                Problem::error(code, location.clone(), message)
                    .with_path(format!("{path}.document"))
                    .with_id(source.document.clone())
            };
            let bytes = match read_limited(&file) {
                Ok(bytes) => bytes,
                Err(e) => {
                    problems.push(fail(
                        Code::SourceUnreadable,
                        format!(
                            "source {}: cannot read {}: {e}; pass the folder that holds it with --sources DIR",
                            quote(&source.document),
                            file.display()
                        ),
                    ));
                    continue;
                }
            };
            let actual = sha256_hex(&bytes);
            if is_sha256_hex(&source.sha256) && actual != source.sha256 {
                problems.push(fail(
                    Code::Sha256Mismatch,
                    format!(
                        "source {}: {} has sha256 {actual}, not {}; the document changed or is a different file",
                        quote(&source.document),
                        file.display(),
                        source.sha256
                    ),
                ));
                continue;
            }
            match String::from_utf8(bytes) {
                Ok(text) => {
                    texts.insert(source.document.clone(), text);
                }
                Err(_) => problems.push(fail(
                    Code::InvalidUtf8,
                    format!(
                        "source {}: {} is not UTF-8",
                        quote(&source.document),
                        file.display()
                    ),
                )),
            }
        }
        SourceTexts { texts }
    }

    /// The text an evidence span cites.
    pub fn span(&self, evidence: &Evidence) -> Result<&str, SpanError> {
        let text = self
            .texts
            .get(&*evidence.document)
            .ok_or_else(|| SpanError::Missing(evidence.document.to_string()))?;
        let (start, end) = (evidence.start_byte(), evidence.end_byte());
        if start >= end {
            return Err(SpanError::Empty { start, end });
        }
        if end > text.len() as u64 {
            return Err(SpanError::OutOfRange {
                document: evidence.document.to_string(),
                start,
                end,
                len: text.len(),
            });
        }
        let (s, e) = (start as usize, end as usize);
        for offset in [s, e] {
            if !text.is_char_boundary(offset) {
                return Err(SpanError::NotBoundary {
                    start,
                    end,
                    offset: offset as u64,
                });
            }
        }
        Ok(&text[s..e])
    }

    /// The whole text of `document`, if it was read.
    pub fn text(&self, document: &str) -> Option<&str> {
        self.texts.get(document).map(String::as_str)
    }

    /// True when the document was read.
    pub fn has(&self, document: &str) -> bool {
        self.texts.contains_key(document)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_empty_input() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn spans_are_checked() {
        let texts = SourceTexts {
            texts: HashMap::from([("d".to_owned(), "aغb".to_owned())]),
        };
        let ev = |start, end| Evidence::new("d".into(), start, end, None).unwrap();
        assert_eq!(texts.span(&ev(1, 3)), Ok("غ"));
        assert!(matches!(
            texts.span(&ev(2, 3)),
            Err(SpanError::NotBoundary { offset: 2, .. })
        ));
        assert!(matches!(
            texts.span(&ev(0, 9)),
            Err(SpanError::OutOfRange { len: 4, .. })
        ));
        assert!(matches!(
            texts.span(&ev(3, 3)),
            Err(SpanError::Empty { .. })
        ));
        assert_eq!(
            texts.span(&Evidence::new("x".into(), 0, 1, None).unwrap()),
            Err(SpanError::Missing("x".into()))
        );
    }
}
