//! The `extract` target: candidate relations from any text.

use std::sync::OnceLock;

use actorgraph::Graph;
use actorgraph::PartialDate;
use actorgraph::extract::{Extractor, Lang, detect, text_of};
use actorgraph::load::{GraphFiles, load};

use super::utf8_prefix;

/// The built-in graph, loaded once.
fn builtin() -> &'static Graph {
    static GRAPH: OnceLock<Graph> = OnceLock::new();
    GRAPH.get_or_init(|| load(&GraphFiles::builtin()).expect("the built-in graph loads"))
}

/// The extractor of each language over the built-in graph, built once (its lexicon and name
/// gazetteer cost more than one extraction).
fn extractor(lang: Lang) -> &'static Extractor<'static> {
    static EXTRACTORS: OnceLock<[Extractor<'static>; 3]> = OnceLock::new();
    let all = EXTRACTORS.get_or_init(|| {
        [Lang::Ar, Lang::Fr, Lang::En]
            .map(|l| Extractor::new(builtin(), l, None).expect("the built-in lexicons parse"))
    });
    &all[match lang {
        Lang::Ar => 0,
        Lang::Fr => 1,
        Lang::En => 2,
    }]
}

/// Reads the input as a file would be (`text_of` never panics, on any bytes), then extracts
/// from its longest UTF-8 prefix in the language the first byte picks (0 ar, 1 fr, 2 en, else
/// detected), with an anchor when the second byte is odd.
///
/// Every candidate's spans are in range, on character boundaries and not empty, its evidence
/// within its sentence, its confidence in 0–1, its kind accepting its ends' kinds; every new
/// actor a candidate names is listed with a span that quotes its name.
pub fn extract(data: &[u8]) {
    let _ = text_of("fuzz", data);
    let (head, rest) = data.split_at(data.len().min(2));
    let text = utf8_prefix(rest);
    let lang = match head.first() {
        Some(0) => Lang::Ar,
        Some(1) => Lang::Fr,
        Some(2) => Lang::En,
        _ => detect(text),
    };
    let anchor = (head.get(1).is_some_and(|b| b % 2 == 1))
        .then(|| "2013-01-11".parse::<PartialDate>().expect("a date"));
    let found = extractor(lang).extract("fuzz.txt", text, anchor);
    for c in &found.candidates {
        let s = &c.sentence;
        assert!(text.get(s.start_byte..s.end_byte).is_some(), "{c:?}");
        assert!((0.0..=1.0).contains(&c.confidence), "{c:?}");
        for e in &c.evidence {
            assert!(e.start_byte < e.end_byte, "{c:?}");
            assert!(text.get(e.start_byte..e.end_byte).is_some(), "{c:?}");
        }
        let first = &c.evidence[0];
        assert!(s.start_byte <= first.start_byte && first.end_byte <= s.end_byte);
        for party in [&c.source, &c.target] {
            if let actorgraph::extract::Party::New { new } = party {
                assert!(found.entities.iter().any(|e| &e.new == new), "{new:?}");
            }
        }
    }
    for e in &found.entities {
        let span = &e.evidence[0];
        assert_eq!(
            text.get(span.start_byte..span.end_byte),
            Some(e.new.as_str())
        );
    }
}
