//! `extract` and `accept` through the real binary: spans that quote back, the workflow extract
//! → accept → check on a copy of the graph, bad inputs, and a property test that every span
//! of any text (CRLF, a byte-order mark, NFD) is in range and on character boundaries.

use std::path::Path;

use crate::common::{azawad, cmd, seeds};
use actorgraph::extract::{Extraction, Extractor, Lang};
use actorgraph::load::{GraphFiles, load};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

const SEED: &str = "001_b268be08f6520170.txt";

fn extract_json(args: &[&str]) -> Extraction {
    let out = cmd()
        .arg("extract")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every span of `found` is in range and on character boundaries of `text`, evidence inside
/// its sentence.
fn spans_hold(text: &str, found: &Extraction) {
    for c in &found.candidates {
        let s = &c.sentence;
        assert!(s.start_byte < s.end_byte && text.get(s.start_byte..s.end_byte).is_some());
        for e in &c.evidence {
            assert!(e.start_byte < e.end_byte, "{c:?}");
            assert!(text.get(e.start_byte..e.end_byte).is_some(), "{c:?}");
        }
        let first = &c.evidence[0];
        assert!(
            s.start_byte <= first.start_byte && first.end_byte <= s.end_byte,
            "{c:?}"
        );
    }
    for e in &found.entities {
        assert_eq!(
            text.get(e.evidence[0].start_byte..e.evidence[0].end_byte),
            Some(e.new.as_str())
        );
        for span in &e.evidence {
            assert!(text.get(span.start_byte..span.end_byte).is_some());
        }
    }
}

#[test]
fn seed_spans_quote_back_and_name_their_ends() {
    for seed in ["000_cf7dd0309b80378d.txt", SEED] {
        let found = extract_json(&[seed, "--sources", seeds().to_str().unwrap()]);
        let text = std::fs::read_to_string(seeds().join(seed)).unwrap();
        assert_eq!(found.document, seed);
        assert!(!found.candidates.is_empty(), "{seed}");
        spans_hold(&text, &found);
    }
}

#[test]
fn extract_accept_check_on_a_copy_of_the_graph() {
    let (dir, data) = azawad();
    let candidates = dir.path().join("candidates.json");
    let out = cmd()
        .args(["extract", seeds().join(SEED).to_str().unwrap(), "--data"])
        .arg(&data)
        .arg("-o")
        .arg(&candidates)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found: Extraction = serde_json::from_slice(&std::fs::read(&candidates).unwrap()).unwrap();
    let ids: Vec<&str> = found
        .candidates
        .iter()
        .map(|c| c.id.as_str())
        .take(3)
        .collect();
    let out = cmd()
        .args(["accept", candidates.to_str().unwrap(), "--into"])
        .arg(&data)
        .arg("--ids")
        .arg(ids.join(","))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = cmd()
        .args([
            "check",
            "--strict",
            "--sources",
            seeds().to_str().unwrap(),
            "--data",
        ])
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let relations: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(data.join("relations.json")).unwrap()).unwrap();
    for id in &ids {
        assert!(relations.iter().any(|r| r["id"] == *id), "{id} not added");
    }
    // Accepting an unknown id changes nothing and says why.
    let before = std::fs::read(data.join("relations.json")).unwrap();
    let out = cmd()
        .args([
            "accept",
            candidates.to_str().unwrap(),
            "--ids",
            "no-such-id",
            "--into",
        ])
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-id"));
    assert_eq!(std::fs::read(data.join("relations.json")).unwrap(), before);
}

#[test]
fn a_new_document_and_a_new_actor_are_registered_by_accept() {
    let (dir, data) = azawad();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for seed in ["000_cf7dd0309b80378d.txt", SEED] {
        std::fs::copy(seeds().join(seed), docs.join(seed)).unwrap();
    }
    let text = "\u{feff}On 11 January 2013 the Movement for Unity and Jihad in West Africa \
                clashed with the MNLA.\r\nThe next day, French troops attacked the Islamists.\r\n";
    std::fs::write(docs.join("news.txt"), text).unwrap();
    let candidates = dir.path().join("c.json");
    let out = cmd()
        .arg("extract")
        .arg(docs.join("news.txt"))
        .arg("-o")
        .arg(&candidates)
        .output()
        .unwrap();
    assert!(out.status.success());
    let found: Extraction = serde_json::from_slice(&std::fs::read(&candidates).unwrap()).unwrap();
    spans_hold(text, &found);
    assert_eq!(found.entities.len(), 1);
    let out = cmd()
        .args(["accept", candidates.to_str().unwrap(), "--sources"])
        .arg(&docs)
        .arg("--into")
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = cmd()
        .args(["check", "--sources"])
        .arg(&docs)
        .arg("--data")
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = cmd()
        .args([
            "relations",
            "--with",
            "Movement for Unity and Jihad in West Africa",
            "--data",
        ])
        .arg(&data)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("MNLA"));
}

#[test]
fn an_accept_that_would_break_the_graph_writes_nothing() {
    let (dir, data) = azawad();
    // A town cannot control a movement: the loader's validation refuses the graph.
    let candidates = dir.path().join("bad.json");
    let text = r#"{"document": "001_b268be08f6520170.txt", "entities": [], "candidates": [{
        "id": "gao-controls-mnla", "kind": "control", "source": "gao", "target": "mnla",
        "start": null, "end": null, "negated": false, "status": "asserted",
        "evidence": [{"document": "001_b268be08f6520170.txt", "start_byte": 0, "end_byte": 10}],
        "confidence": 0.9, "rule": "hand-written", "sentence": {"start_byte": 0, "end_byte": 10},
        "summary": "x"}]}"#;
    std::fs::write(&candidates, text).unwrap();
    let before = std::fs::read(data.join("relations.json")).unwrap();
    let out = cmd()
        .args(["accept", candidates.to_str().unwrap(), "--into"])
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing was written"));
    assert_eq!(std::fs::read(data.join("relations.json")).unwrap(), before);
}

fn bad(path: &Path) -> (Option<i32>, String, String) {
    let out = cmd()
        .arg("extract")
        .arg(path)
        .arg("--json")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bad_inputs_give_a_message_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let (code, _, err) = bad(&file("latin1.txt", b"Ga\xe9o attaqu\xe9"));
    assert_eq!(code, Some(2));
    assert!(err.contains("is not UTF-8"), "{err}");
    let (code, _, err) = bad(&file("bin.dat", b"\x7fELF\x00\x01\x02"));
    assert_eq!(code, Some(2));
    assert!(err.contains("binary"), "{err}");
    for (name, text) in [
        ("empty.txt", ""),
        ("none.txt", "كان الجو حارا في 6 أبريل 2012.\n"),
    ] {
        let (code, out, _) = bad(&file(name, text.as_bytes()));
        assert_eq!(code, Some(0));
        let found: Extraction = serde_json::from_str(&out).unwrap();
        assert!(found.candidates.is_empty() && found.entities.is_empty());
    }
    let big = dir.path().join("big.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(100 << 20)
        .unwrap();
    let (code, _, err) = bad(&big);
    assert_eq!(code, Some(2));
    assert!(err.contains("MiB"), "{err}");
    let (code, _, err) = bad(&dir.path().join("missing.txt"));
    assert_eq!(code, Some(2));
    assert!(err.contains("cannot read"), "{err}");
}

/// Pieces texts are made of: names the graph knows (with clitics), triggers, dates, markers,
/// punctuation, line ends and marks that NFD and a BOM add.
const PIECES: &[&str] = &[
    "الحركة الوطنية لتحرير أزواد",
    "والإسلاميين",
    "بغاو",
    "ولكيدال",
    "أنصار الدين",
    "الجيش المالي",
    "سيطر",
    "استعادت",
    "هاجم",
    "اشتباكات بين",
    "و",
    "مع",
    "على",
    "من قبل",
    "تم",
    "لم",
    "يُزعم",
    "وبحسب ما ورد",
    "نفت",
    "في 6 أبريل 2012",
    "٢٧ يونيو",
    "بعد أربعة أيام",
    "اليوم التالي",
    "في بداية عام 2013",
    "حركة تحرير",
    "MNLA",
    "the Islamists",
    "seized",
    "Gao",
    "Ménaka",
    "reportedly",
    "refused to recognise",
    "Azawad",
    "le 11 janvier 2013",
    "Front de libération",
    "، ",
    ". ",
    "\r\n",
    "\n",
    "\u{feff}",
    "\u{200f}",
    "َ",
    " ",
    "  ",
    "(",
    ")",
    "ـ",
    "…",
    "1.5",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn every_span_is_in_range_and_on_char_boundaries(
        picks in proptest::collection::vec(0..PIECES.len(), 0..40),
        nfd in any::<bool>(),
        lang in 0..3usize,
    ) {
        let mut text: String = picks.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
        if nfd {
            text = text.nfd().collect();
        }
        let graph = load(&GraphFiles::builtin()).unwrap();
        let lang = [Lang::Ar, Lang::En, Lang::Fr][lang];
        let found = Extractor::new(&graph, lang, None).unwrap().extract("t", &text, None);
        spans_hold(&text, &found);
        for c in &found.candidates {
            prop_assert!((0.0..=1.0).contains(&c.confidence));
        }
    }
}
