//! The `cite` target: phrase matching in any document.

use actorgraph::cite::find;
use actorgraph::names::normalize;

use super::utf8_prefix;

/// Splits `data` at its first `0xFF` byte into a document and a phrase (each its longest valid
/// UTF-8 prefix) and finds the phrase.
///
/// Every span lies in the document, on character boundaries, is not empty, and spans come in
/// document order without overlapping; each span's normal form holds the phrase's. A document
/// searched for itself is found when it has a letter or digit, from its first to its last.
pub fn cite(data: &[u8]) {
    let (document, phrase) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (utf8_prefix(&data[..i]), utf8_prefix(&data[i + 1..])),
        None => (utf8_prefix(data), ""),
    };
    let wanted = normalize(phrase);
    let spans = find(document, phrase);
    let mut end = 0;
    for span in &spans {
        assert!(
            span.start < span.end && span.end <= document.len(),
            "{span:?}"
        );
        assert!(
            span.start >= end,
            "spans overlap or are out of order: {spans:?}"
        );
        assert!(document.is_char_boundary(span.start) && document.is_char_boundary(span.end));
        let text = normalize(&document[span.clone()]);
        assert!(text.contains(&wanted), "{text:?} does not hold {wanted:?}");
        end = span.end;
    }
    if wanted.is_empty() {
        assert!(spans.is_empty());
    }
    if !normalize(document).is_empty() {
        let whole = find(document, document);
        assert!(!whole.is_empty(), "{document:?} is not found in itself");
    }
}
