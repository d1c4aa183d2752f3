//! Reading a node-link document (see [`crate::export::json`]) as the three parts of a graph.

use std::borrow::Cow;
use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{GraphFiles, Layout};

#[derive(Deserialize)]
struct Document<'a> {
    #[serde(borrow, default)]
    nodes: Option<&'a RawValue>,
    #[serde(borrow, default)]
    links: Option<&'a RawValue>,
    #[serde(borrow, default)]
    sources: Option<&'a RawValue>,
}

/// Splits the node-link document `bytes` (read from `path`) into the three parts of a graph.
///
/// Each part is the document's array with everything before it blanked out (newlines kept,
/// other characters turned into spaces), so that the loader's line and column numbers are
/// those of the document. A document that is not valid JSON, or lacks an array, yields parts
/// that the loader then reports precisely (the whole text, or `[]` for a missing part, which
/// the loader reports as missing through its counts).
pub fn split(path: &Path, bytes: Vec<u8>) -> GraphFiles {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let parts = std::str::from_utf8(&bytes)
        .ok()
        .map(|text| text.strip_prefix('\u{FEFF}').unwrap_or(text))
        .and_then(|text| {
            let doc: Document = serde_json::from_str(text).ok()?;
            let part = |raw: Option<&RawValue>| -> Vec<u8> {
                let Some(raw) = raw else {
                    return b"[]".to_vec();
                };
                let start = raw.get().as_ptr() as usize - text.as_ptr() as usize;
                let mut padded: Vec<u8> = text[..start]
                    .chars()
                    .map(|c| if c == '\n' { b'\n' } else { b' ' })
                    .collect();
                padded.extend_from_slice(raw.get().as_bytes());
                padded
            };
            Some([part(doc.nodes), part(doc.links), part(doc.sources)])
        });
    // Unreadable as a document: hand the whole text to each part, so the loader reports the
    // syntax or encoding error with its position.
    let [entities, relations, sources] =
        parts.unwrap_or_else(|| [bytes.clone(), bytes.clone(), bytes.clone()]);
    GraphFiles {
        origin: path.display().to_string(),
        layout: Layout::NodeLink(file),
        entities: Cow::Owned(entities),
        relations: Cow::Owned(relations),
        sources: Cow::Owned(sources),
    }
}
