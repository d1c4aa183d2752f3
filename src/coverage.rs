//! How much of each source document the graph encodes: its sentences, and which of them at
//! least one evidence span covers.
//!
//! A document is cut into sentences at `.`, `?`, `!`, the Arabic question mark `؟` and line
//! breaks; a sentence keeps its final mark and loses surrounding whitespace. A sentence is
//! *covered* when some relation's evidence span overlaps it. Sentences that carry no content
//! (a heading, a truncated fragment) are *excluded* by a list the graph's editors keep, each
//! with its reason, so that a document's share is computed over its content sentences only,
//! honestly: an exclusion must name a sentence exactly, or it is an error.
//!
//! The exclusions are the rows of a Markdown table (the graph folder's `NOT-ENCODED.md`):
//!
//! ```text
//! | document | bytes | reason | sentence |
//! |---|---|---|---|
//! | 000_cf7dd0309b80378d.txt | 0..68 | heading | the headline, restating the first sentence |
//! ```
//!
//! Every row whose first cell ends in `.txt` is an exclusion; `bytes` is `START..END`, the
//! sentence's byte range; `reason` is `heading` or `truncated`.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use crate::graph::Graph;
use crate::load::SourceTexts;

/// Why a sentence carries no content to encode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A title or section heading.
    Heading,
    /// A fragment whose beginning or end is lost.
    Truncated,
}

impl Reason {
    /// `heading` or `truncated`.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Heading => "heading",
            Reason::Truncated => "truncated",
        }
    }
}

/// A sentence left out of coverage, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exclusion {
    /// The document's file name.
    pub document: String,
    /// The sentence's byte range.
    pub bytes: Range<usize>,
    /// Why it is left out.
    pub reason: Reason,
    /// The line of the exclusions file that lists it.
    pub line: usize,
}

/// A malformed exclusion row, with its line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct ExclusionError {
    /// The exclusions file, for messages.
    pub file: String,
    /// The 1-based line of the row.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The exclusions listed in the Markdown `text` (see the module docs); `file` names it in
/// errors.
///
/// ```
/// use actorgraph::coverage::{parse_exclusions, Reason};
/// let md = "| document | bytes | reason | sentence |\n|---|---|---|---|\n| a.txt | 0..12 | heading | title |\n";
/// let found = parse_exclusions(md, "NOT-ENCODED.md").unwrap();
/// assert_eq!((found[0].bytes.clone(), found[0].reason), (0..12, Reason::Heading));
/// assert!(parse_exclusions("| a.txt | 12..3 | heading | x |", "f").is_err());
/// ```
pub fn parse_exclusions(text: &str, file: &str) -> Result<Vec<Exclusion>, ExclusionError> {
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let error = |message: String| ExclusionError {
            file: file.to_owned(),
            line: i + 1,
            message,
        };
        let cells: Vec<&str> = line
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        let Some(document) = cells.first().filter(|c| c.ends_with(".txt")) else {
            continue;
        };
        let [_, bytes, reason, ..] = cells[..] else {
            return Err(error(
                "an exclusion row needs the cells document | bytes | reason | sentence".into(),
            ));
        };
        let range = bytes
            .split_once("..")
            .and_then(|(s, e)| Some(s.trim().parse().ok()?..e.trim().parse().ok()?))
            .filter(|r: &Range<usize>| r.start < r.end)
            .ok_or_else(|| {
                error(format!(
                    "bytes {bytes:?} is not START..END with START < END"
                ))
            })?;
        let reason = match reason {
            "heading" => Reason::Heading,
            "truncated" => Reason::Truncated,
            other => {
                return Err(error(format!(
                    "reason {other:?} is not heading or truncated"
                )));
            }
        };
        found.push(Exclusion {
            document: (*document).to_owned(),
            bytes: range,
            reason,
            line: i + 1,
        });
    }
    Ok(found)
}

/// The sentences of `text` as byte ranges, in order (see the module docs).
///
/// ```
/// let text = "Title\nFirst one. Second؟ ";
/// let cut: Vec<&str> = actorgraph::coverage::sentences(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(cut, ["Title", "First one.", "Second؟"]);
/// ```
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |from: usize, to: usize| {
        let piece = &text[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if from + lead < to - trail {
            out.push(from + lead..to - trail);
        }
    };
    for (i, c) in text.char_indices() {
        match c {
            '.' | '?' | '!' | '؟' => {
                push(start, i + c.len_utf8());
                start = i + c.len_utf8();
            }
            '\n' => {
                push(start, i);
                start = i + 1;
            }
            _ => {}
        }
    }
    push(start, text.len());
    out
}

/// One sentence of a document and what covers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Its byte range.
    pub bytes: Range<usize>,
    /// Its text.
    pub text: String,
    /// Ids of the relations whose evidence overlaps it, sorted.
    pub covered_by: Vec<String>,
    /// Why it is left out of the count, if it is.
    pub excluded: Option<Reason>,
}

/// The coverage of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentCoverage {
    /// The document's file name.
    pub document: String,
    /// Every sentence, in order.
    pub sentences: Vec<Sentence>,
}

impl DocumentCoverage {
    /// Sentences that count: every sentence not excluded.
    pub fn content(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(|s| s.excluded.is_none())
    }

    /// Content sentences no evidence span covers.
    pub fn uncovered(&self) -> impl Iterator<Item = &Sentence> {
        self.content().filter(|s| s.covered_by.is_empty())
    }

    /// The share of content sentences covered, from 0 to 1 (1 for a document without any).
    pub fn share(&self) -> f64 {
        let content = self.content().count();
        if content == 0 {
            return 1.0;
        }
        let covered = content - self.uncovered().count();
        covered as f64 / content as f64
    }
}

/// An exclusion that names no sentence of its document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{file}:{line}: {document} has no sentence at bytes {start}..{end}; an exclusion names one sentence exactly"
)]
pub struct StaleExclusion {
    /// The exclusions file.
    pub file: String,
    /// The row's line.
    pub line: usize,
    /// The document it names.
    pub document: String,
    /// Its start byte.
    pub start: usize,
    /// Its end byte.
    pub end: usize,
}

/// The coverage of every document of `graph` that `texts` holds, in the order of
/// `sources.json`. Exclusions for documents not read are ignored; one that names no
/// sentence of a document that was read is an error. O(S + E log E) for S sentences and E
/// evidence spans.
pub fn coverage(
    graph: &Graph,
    texts: &SourceTexts,
    exclusions: &[Exclusion],
    exclusions_file: &str,
) -> Result<Vec<DocumentCoverage>, StaleExclusion> {
    // Spans by document, sorted by start.
    let mut spans: BTreeMap<&str, Vec<(usize, usize, &str)>> = BTreeMap::new();
    for relation in graph.relations() {
        for e in relation.evidence().iter() {
            let (Ok(s), Ok(t)) = (
                usize::try_from(e.start_byte()),
                usize::try_from(e.end_byte()),
            ) else {
                continue;
            };
            spans
                .entry(&e.document)
                .or_default()
                .push((s, t, relation.id.as_str()));
        }
    }
    let mut out = Vec::new();
    for source in graph.sources() {
        let Some(text) = texts.text(&source.document) else {
            continue;
        };
        let cut = sentences(text);
        let mine: Vec<&Exclusion> = exclusions
            .iter()
            .filter(|x| x.document == source.document)
            .collect();
        for x in &mine {
            if !cut.contains(&x.bytes) {
                return Err(StaleExclusion {
                    file: exclusions_file.to_owned(),
                    line: x.line,
                    document: x.document.clone(),
                    start: x.bytes.start,
                    end: x.bytes.end,
                });
            }
        }
        let doc_spans = spans.get(source.document.as_str());
        let sentences = cut
            .into_iter()
            .map(|bytes| {
                let mut covered_by: Vec<String> = doc_spans
                    .into_iter()
                    .flatten()
                    .filter(|(s, e, _)| *s < bytes.end && bytes.start < *e)
                    .map(|(_, _, id)| (*id).to_owned())
                    .collect();
                covered_by.sort();
                covered_by.dedup();
                Sentence {
                    text: text[bytes.clone()].to_owned(),
                    excluded: mine.iter().find(|x| x.bytes == bytes).map(|x| x.reason),
                    bytes,
                    covered_by,
                }
            })
            .collect();
        out.push(DocumentCoverage {
            document: source.document.to_string(),
            sentences,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_their_mark_and_drop_blank_pieces() {
        let text = "  A. B!\n\nC؟ D";
        let cut: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(cut, ["A.", "B!", "C؟", "D"]);
        assert!(sentences("").is_empty());
        assert!(
            sentences(" \n. ")
                .iter()
                .all(|r| &" \n. "[r.clone()] == ".")
        );
    }

    #[test]
    fn exclusion_rows_are_checked() {
        let md = "intro\n| document | bytes | reason | sentence |\n|---|---|---|---|\n| d.txt | 5..9 | truncated | x |\n";
        let found = parse_exclusions(md, "N.md").unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, 4);
        let err = parse_exclusions("| d.txt | 5..9 | boring | x |", "N.md").unwrap_err();
        assert_eq!(
            err.to_string(),
            "N.md:1: reason \"boring\" is not heading or truncated"
        );
        assert!(parse_exclusions("| d.txt | x | heading | x |", "N.md").is_err());
        assert!(parse_exclusions("| d.txt |", "N.md").is_err());
    }
}
