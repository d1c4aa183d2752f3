//! The layout of a graph folder's files as the tool writes them: each file a JSON array, one
//! element after another in the order given, two-space indentation, fields in the order of the
//! model types, absent and default fields left out, text as UTF-8 (not `\u` escapes), and a
//! final line break. The built-in graph is in this layout (a test rewrites it byte for byte),
//! so a graph edited by the tool shows in `git diff` as exactly the elements that changed.

use serde::Serialize;

/// The bytes of a data file holding `elements`, in the layout of the module documentation.
///
/// ```
/// use actorgraph::edit::layout;
/// let bytes = layout::file(&[1, 2]);
/// assert_eq!(bytes, b"[\n  1,\n  2\n]\n");
/// assert_eq!(layout::file::<u8>(&[]), b"[]\n");
/// ```
pub fn file<T: Serialize>(elements: &[T]) -> Vec<u8> {
    // Serialising the model types cannot fail: no maps with non-string keys, no I/O.
    let mut bytes = serde_json::to_vec_pretty(elements).unwrap_or_else(|_| b"[]".to_vec());
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{GraphFiles, load};

    #[test]
    fn the_builtin_graph_is_rewritten_byte_for_byte() {
        let files = GraphFiles::builtin();
        let graph = load(&files).unwrap();
        let check = |name: &str, written: Vec<u8>, original: &[u8]| {
            if written != original {
                let at = written
                    .iter()
                    .zip(original)
                    .position(|(a, b)| a != b)
                    .unwrap_or(written.len().min(original.len()));
                panic!(
                    "{name} differs at byte {at}: wrote {:?}, file has {:?}",
                    String::from_utf8_lossy(
                        &written[at.saturating_sub(80)..(at + 80).min(written.len())]
                    ),
                    String::from_utf8_lossy(
                        &original[at.saturating_sub(80)..(at + 80).min(original.len())]
                    ),
                );
            }
        };
        check("entities.json", file(graph.entities()), &files.entities);
        check("relations.json", file(graph.relations()), &files.relations);
        check("sources.json", file(graph.sources()), &files.sources);
    }
}
