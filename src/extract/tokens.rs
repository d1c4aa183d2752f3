//! Words and sentences of a text, each with its byte span in the text as given.
//!
//! A word is a run of letters, digits and combining marks (so an NFD text's marks stay inside
//! their word, and every span starts and ends on a character boundary); each word carries its
//! matching key (the name index's [`key`]) and, when it starts with one of the Arabic clitics
//! و ف ب ل ك, the key without it. Punctuation that ends a sentence or a clause is kept as a
//! token of its own; everything else (spaces, CR, a byte-order mark) only separates.

use unicode_normalization::char::is_combining_mark;

use crate::names::{ARTICLES, key_of_normal, normalize, without_prefix};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    /// `,` `،` `;` `؛` `:` brackets and quotes: ends a clause.
    Clause,
    /// `.` `!` `?` `؟`: ends a sentence.
    Stop,
    /// A line break: ends a sentence, and is not part of it.
    Break,
}

/// One token with its byte span.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The matching key (empty for punctuation).
    pub key: String,
    /// The key without a leading one-letter clitic, when the word has one.
    pub bare: Option<String>,
    /// The key without two (و or ف, then ب ل ك: ولغاو), when the word has them.
    pub bare2: Option<String>,
    /// Its value, when the word is a number written in digits (any script).
    pub number: Option<u32>,
    /// True when it starts with an upper-case letter.
    pub upper: bool,
    /// True when it starts with a one-letter prefix (و ب ل ف ك), alone or before the article.
    pub prefixed: bool,
    /// True when that prefix is the conjunction و ("and").
    pub conjunction: bool,
    /// True when it carries the Arabic article (الحركة, للحركة, وبالحركة).
    pub definite: bool,
    /// True when a preposition stands before its article (بالتدخل, للحركة, وكالجيش): a
    /// noun, never a verb.
    pub governed: bool,
}

impl Token {
    /// The keys to try for the first word of a phrase: the key, then the bare key.
    pub fn keys(&self) -> Vec<&str> {
        let mut out = vec![self.key.as_str()];
        if let Some(bare) = &self.bare {
            out.push(bare);
        }
        if let Some(bare) = &self.bare2 {
            out.push(bare);
        }
        out
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || matches!(c, '\u{0640}' | '\u{200C}' | '\u{200D}')
}

/// The tokens of `text`.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut word_start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            word_start.get_or_insert(i);
            continue;
        }
        // A decimal point or thousands separator between digits stays inside the number.
        if matches!(c, '.' | ',' | '٫' | '٬')
            && let Some(start) = word_start
            && text[start..i]
                .chars()
                .last()
                .is_some_and(|p| p.is_numeric())
            && chars.peek().is_some_and(|(_, n)| n.is_numeric())
        {
            continue;
        }
        if let Some(start) = word_start.take() {
            out.push(word(text, start, i));
        }
        let kind = match c {
            '.' | '!' | '?' | '؟' | '…' | '۔' => Kind::Stop,
            '\n' => Kind::Break,
            ',' | '،' | ';' | '؛' | ':' | '(' | ')' | '"' | '«' | '»' | '“' | '”' | '[' | ']' => {
                Kind::Clause
            }
            _ => continue,
        };
        out.push(Token {
            start: i,
            end: i + c.len_utf8(),
            kind,
            key: String::new(),
            bare: None,
            bare2: None,
            number: None,
            upper: false,
            prefixed: false,
            conjunction: false,
            definite: false,
            governed: false,
        });
    }
    if let Some(start) = word_start {
        out.push(word(text, start, text.len()));
    }
    out
}

fn word(text: &str, start: usize, end: usize) -> Token {
    let written = &text[start..end];
    let normal = normalize(written);
    let k = key_of_normal(&normal);
    // As the name index's `variants` reads a word: a one-letter prefix off, the rest keyed.
    let strip = |k: &str| without_prefix(k).filter(|v| !v.contains(' ') && !k.contains(' '));
    let bare = strip(&k);
    let bare2 = bare
        .as_deref()
        .filter(|_| k.starts_with(['و', 'ف']))
        .and_then(strip);
    let number = if !k.is_empty() && k.len() <= 9 && k.bytes().all(|b| b.is_ascii_digit()) {
        k.parse().ok()
    } else {
        None
    };
    let prefixed = bare.is_some()
        || ARTICLES
            .iter()
            .any(|a| *a != "ال" && normal.starts_with(a) && normal.len() > a.len() + 2);
    let definite = ARTICLES
        .iter()
        .any(|a| normal.starts_with(a) && normal.len() > a.len() + 2);
    let after_conjunction = normal.trim_start_matches(['و', 'ف']);
    let governed = definite
        && ["بال", "كال", "لل"]
            .iter()
            .any(|p| after_conjunction.starts_with(p));
    Token {
        start,
        end,
        kind: Kind::Word,
        definite,
        governed,
        conjunction: prefixed && normal.starts_with('و'),
        prefixed,
        upper: written.chars().next().is_some_and(char::is_uppercase),
        key: k,
        bare,
        bare2,
        number,
    }
}

/// A sentence: tokens `first..last` and the bytes from its first token to its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub first: usize,
    pub last: usize,
    pub start: usize,
    pub end: usize,
}

/// The sentences of `tokens`: each ends after a stop token; empty ones are left out.
pub(crate) fn sentences(tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    for (i, t) in tokens.iter().enumerate() {
        if matches!(t.kind, Kind::Stop | Kind::Break) {
            push(tokens, first, i + 1, &mut out);
            first = i + 1;
        }
    }
    push(tokens, first, tokens.len(), &mut out);
    out
}

fn push(tokens: &[Token], first: usize, last: usize, out: &mut Vec<Sentence>) {
    let words = &tokens[first..last];
    let Some(start) = words.iter().position(|t| t.kind == Kind::Word) else {
        return;
    };
    let Some(end) = words.iter().rposition(|t| t.kind != Kind::Break) else {
        return;
    };
    out.push(Sentence {
        first: first + start,
        last,
        start: words[start].start,
        end: words[end].end,
    });
}

/// The Arabic possessive pronoun written at the end of `key`, when it ends with one: هما,
/// هم (plural), ها (feminine), ه (masculine). A word's own letters may end so too: callers
/// read it only on words the lexicon lists with the pronoun.
pub(crate) fn possessive_suffix(key: &str) -> Option<&'static str> {
    ["هما", "هم", "ها", "ه"]
        .into_iter()
        .find(|p| key.ends_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_keys_clitics_and_numbers() {
        let tokens = tokenize("وبالحركة، في ٢٠١٢. Gao");
        let words: Vec<&str> = tokens.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(words, ["وبالحركه", "", "في", "2012", "", "gao"]);
        assert_eq!(tokens[0].bare.as_deref(), Some("حركه"));
        assert_eq!(tokens[3].number, Some(2012));
        assert!(tokens[5].upper);
    }

    #[test]
    fn sentences_end_at_stops() {
        let text = "a b. c d\ne";
        let tokens = tokenize(text);
        let s = sentences(&tokens);
        let spans: Vec<&str> = s.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(spans, ["a b.", "c d", "e"]);
    }

    #[test]
    fn nfd_marks_stay_in_their_word() {
        let text = "Me\u{301}naka";
        let tokens = tokenize(text);
        assert_eq!(tokens.len(), 1);
        assert_eq!(tokens[0].key, "menaka");
    }
}
