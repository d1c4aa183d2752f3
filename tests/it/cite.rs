//! `cite` finds every evidence span of the built-in graph from its text typed another way:
//! without Arabic diacritics, with other whitespace, through the library and the binary.

use actorgraph::cite;
use actorgraph::load::{GraphFiles, load};

/// Every distinct evidence span of the built-in graph with its document's text.
fn spans() -> Vec<(String, String, std::ops::Range<usize>)> {
    let graph = load(&GraphFiles::builtin()).unwrap();
    let mut spans: Vec<_> = graph
        .relations()
        .iter()
        .flat_map(|r| r.evidence().iter())
        .map(|e| {
            let text = std::fs::read_to_string(crate::common::seeds().join(&*e.document)).unwrap();
            (
                e.document.to_string(),
                text,
                e.start_byte() as usize..e.end_byte() as usize,
            )
        })
        .collect();
    spans.sort_by(|a, b| (&a.0, a.2.start, a.2.end).cmp(&(&b.0, b.2.start, b.2.end)));
    spans.dedup_by(|a, b| a.0 == b.0 && a.2 == b.2);
    assert!(spans.len() > 80, "{} spans", spans.len());
    spans
}

fn without_diacritics(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .collect()
}

fn other_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" \n  ")
}

#[test]
fn every_span_is_found_typed_without_diacritics_or_with_other_whitespace() {
    let mut missed = Vec::new();
    for (document, text, span) in spans() {
        let typed = &text[span.clone()];
        for (how, phrase) in [
            ("as written", typed.to_owned()),
            ("without diacritics", without_diacritics(typed)),
            ("with other whitespace", other_whitespace(typed)),
        ] {
            let found = cite::find(&text, &phrase);
            if !found.contains(&span) {
                missed.push(format!("{document} {span:?} {how}: found {found:?}"));
            }
        }
    }
    assert!(
        missed.is_empty(),
        "{} missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}
