//! The name search of the HTML explorer: each entity's name keys, and the table of folded
//! pieces by which the page folds a typed query exactly as [`crate::names::key`] does.
//!
//! [`normalize`](crate::names::normalize()) folds a text character by character: each
//! character has a [`piece`] (dropped, a separator, or letters) and the folded text is the
//! pieces in order with separators collapsed to one space between letters. The page holds the
//! piece of every Unicode scalar value, as ranges of code points with the same piece, and
//! collapses separators the same way; then it removes the definite article with the same list
//! ([`ARTICLES`]). A piece holding a letter that no name key of the graph holds is written as
//! one [`FOREIGN`] letter: a query with it matches no name either way, and the table stays
//! small. So the page's key of any query equals [`key`](crate::names::key) of it, foreign
//! letters replaced by [`FOREIGN`] (tested in Node on every name and on random strings,
//! `tests/it/html.rs`).

use std::collections::BTreeSet;

use serde::Serialize;

use crate::names::normalize::{ARTICLES, piece};

/// The letter the page writes for a piece that holds a letter no name key holds. U+FFFD folds
/// to a separator, so no key holds it.
pub const FOREIGN: char = '\u{FFFD}';

/// The folding table of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoldTable {
    /// The first code point of each range, ascending, from 0.
    pub starts: Vec<u32>,
    /// The piece of every code point of the range: letters and spaces, `""` for dropped
    /// characters, or `0` for a piece with a foreign letter.
    pub pieces: Vec<Piece>,
    /// The definite articles a word may begin with, in the order they are tried.
    pub articles: [&'static str; 6],
}

/// A range's piece in the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Piece {
    /// The folded piece (letters of the keys' alphabet and separators).
    Text(String),
    /// A piece holding a letter of no key (serialized as `0`).
    Foreign(u8),
}

/// The table of pieces for a page whose name keys are `keys`.
///
/// ```
/// use actorgraph::export::html::search::{FoldTable, Piece};
/// let table = FoldTable::for_keys(["gao"].iter().copied());
/// let at = |c: char| {
///     let i = table.starts.partition_point(|&s| s <= c as u32) - 1;
///     table.pieces[i].clone()
/// };
/// assert_eq!(at('G'), Piece::Text("g".into()));
/// assert_eq!(at('x'), Piece::Foreign(0));
/// assert_eq!(at('-'), Piece::Text(" ".into()));
/// ```
impl FoldTable {
    /// Builds the table: every scalar value's piece, foreign letters being those not in any
    /// of `keys`. Complexity: one [`piece`] per Unicode scalar value (about 1.1 million).
    pub fn for_keys<'a>(keys: impl Iterator<Item = &'a str>) -> FoldTable {
        let alphabet: BTreeSet<char> = keys.flat_map(str::chars).collect();
        let mut table = FoldTable {
            starts: Vec::new(),
            pieces: Vec::new(),
            articles: ARTICLES,
        };
        for code in 0..=u32::from(char::MAX) {
            // Surrogates are not characters; they take the piece of the range before them.
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let text = piece(c);
            let this = if text.chars().all(|p| p == ' ' || alphabet.contains(&p)) {
                Piece::Text(text)
            } else {
                Piece::Foreign(0)
            };
            if table.pieces.last() != Some(&this) {
                table.starts.push(code);
                table.pieces.push(this);
            }
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_start_at_zero_and_ascend() {
        let table = FoldTable::for_keys(["غاو gao", "mali"].iter().copied());
        assert_eq!(table.starts[0], 0);
        assert!(table.starts.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(table.starts.len(), table.pieces.len());
    }
}
