//! Finding where a phrase stands in a source document, for evidence spans typed as text.
//!
//! The phrase and the document are compared in the one folded form of [`crate::names::normalize()`]
//! (case, Latin accents, Arabic diacritics and tatweel, alef/hamza, yeh/alef maqsura and teh
//! marbuta forms, Arabic-Indic digits): whitespace and line breaks of any length, and
//! punctuation of any shape (typographic or straight quotes), separate words alike. A match
//! starts and ends on whole words (an Arabic one-letter prefix such as و may stand before the
//! first word) and is mapped back to the bytes of the document: it takes in the diacritics
//! of its last letter, and as much punctuation at either end as the phrase itself carries
//! there (`"… in Gao."` takes the full stop).
//!
//! Every match is returned; nothing is returned for a phrase that is not there (no nearest
//! passage).

use std::ops::Range;

use crate::names::normalize::ONE_LETTER_PREFIXES;
use crate::names::normalize::{fold, is_invisible_in_fold, is_separator, normalize};

/// The byte ranges of `document` where `phrase` stands, in document order, each on character
/// boundaries. Empty when the phrase has no letter or digit, or is not found.
///
/// Complexity: O(n + m·k) for a document of n bytes, a phrase of m and k candidate matches
/// (the folded document is searched with [`str::match_indices`]).
///
/// ```
/// use actorgraph::cite::find;
/// let text = "أعلنت الحركةُ الوطنية\nلتحرير أزواد استقلالَ الإقليم.";
/// let spans = find(text, "الحركة الوطنية لتحرير ازواد");
/// assert_eq!(spans.len(), 1);
/// assert_eq!(&text[spans[0].clone()], "الحركةُ الوطنية\nلتحرير أزواد");
/// let with_stop = find(text, "استقلال الاقليم.");
/// assert!(text[with_stop[0].clone()].ends_with('.'));
/// assert!(find(text, "Gao").is_empty());
/// ```
pub fn find(document: &str, phrase: &str) -> Vec<Range<usize>> {
    let wanted = normalize(phrase);
    if wanted.is_empty() {
        return Vec::new();
    }
    let (lead, trail) = edge_punctuation(phrase);
    let mut folded = String::with_capacity(document.len());
    // For each byte of `folded`, the offset in `document` of the character it comes from.
    let mut origin: Vec<usize> = Vec::with_capacity(document.len());
    fold(document, |c, at| {
        folded.push(c);
        origin.resize(folded.len(), at);
    });
    let mut found: Vec<Range<usize>> = Vec::new();
    for (start, _) in folded.match_indices(&wanted) {
        let end = start + wanted.len();
        let before = folded[..start].chars().next_back();
        let after = folded[end..].chars().next();
        let starts_word = match before {
            None | Some(' ') => true,
            // An Arabic one-letter prefix (و, ب, ل, ف, ك) glued to the first word.
            Some(c) if ONE_LETTER_PREFIXES.contains(&c) => {
                let prefix_start = start - c.len_utf8();
                matches!(folded[..prefix_start].chars().next_back(), None | Some(' '))
            }
            Some(_) => false,
        };
        if !starts_word || !matches!(after, None | Some(' ')) {
            continue;
        }
        let first = origin[start];
        let last = origin[end - 1];
        let last_end = last + document[last..].chars().next().map_or(0, char::len_utf8);
        let mut span = widen(document, first, last_end, lead, trail);
        // The punctuation taken around one match may be the punctuation taken after the one
        // before (`a,a`), and one character of the document may fold to several (a ligature
        // such as ﻻ, lam-alef), ending one match and starting the next: a span starts where
        // the previous one ends at the earliest, and a match whose words begin inside the
        // previous span lies within it, which already shows it. Spans never overlap, and each
        // holds its whole match.
        if let Some(previous) = found.last() {
            if previous.end > first {
                continue;
            }
            span.start = span.start.max(previous.end);
        }
        found.push(span);
    }
    found
}

/// How many punctuation characters (not whitespace) stand before the phrase's first letter
/// and after its last.
fn edge_punctuation(phrase: &str) -> (usize, usize) {
    let count = |chars: &mut dyn Iterator<Item = char>| {
        chars
            .take_while(|c| is_separator(*c) || is_invisible_in_fold(*c))
            .filter(|c| is_separator(*c) && !c.is_whitespace())
            .count()
    };
    (count(&mut phrase.chars()), count(&mut phrase.chars().rev()))
}

/// Widens `start..end` over the diacritics after its last letter, then over up to `lead`
/// punctuation characters before it and `trail` after it (whitespace stops both).
fn widen(
    document: &str,
    mut start: usize,
    mut end: usize,
    lead: usize,
    trail: usize,
) -> Range<usize> {
    for c in document[end..].chars() {
        if !is_invisible_in_fold(c) {
            break;
        }
        end += c.len_utf8();
    }
    let mut taken = 0;
    for c in document[end..].chars() {
        if taken == trail || c.is_whitespace() || !(is_separator(c) || is_invisible_in_fold(c)) {
            break;
        }
        taken += usize::from(is_separator(c));
        end += c.len_utf8();
    }
    for (taken, c) in document[..start].chars().rev().enumerate() {
        if taken == lead || c.is_whitespace() || !is_separator(c) {
            break;
        }
        start -= c.len_utf8();
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_case_accents_and_quotes_are_tolerated() {
        let text = "Le  MNLA a pris\n\tMénaka, dit “le porte-parole”.";
        let spans = find(text, "mnla a pris menaka");
        assert_eq!(&text[spans[0].clone()], "MNLA a pris\n\tMénaka");
        let quoted = find(text, "\"le porte parole\"");
        assert_eq!(&text[quoted[0].clone()], "“le porte-parole”");
    }

    #[test]
    fn punctuation_shared_by_two_matches_goes_to_the_first() {
        // The comma is the first match's trailing punctuation and the second's leading one.
        assert_eq!(find("a,a", ",a,"), [0..2, 2..3]);
    }

    #[test]
    fn matches_are_whole_words_and_all_listed() {
        let text = "Gao, then Gao again; Gaoland is not Gao.";
        assert_eq!(find(text, "gao").len(), 3);
        assert!(find("Mali", "ali").is_empty());
        assert!(find(text, "...").is_empty());
    }

    #[test]
    fn digits_and_arabic_forms_fold() {
        let text = "في عام ٢٠١٢ سيطرت الحركة على مدينة غاو";
        assert_eq!(find(text, "عام 2012").len(), 1);
        assert_eq!(find(text, "الحركه علي مدينه غاو").len(), 1);
    }
}
