//! Untrusted text: the characters that can hide or reorder what is shown, and names that
//! imitate others.
//!
//! Names and summaries come from files people edit and exchange. A bidi override (U+202E) can
//! make `gao` display as `oag`, a zero-width space can make two different names look the same,
//! and a Cyrillic `а` in a Latin word can pass for an `a`. `check` warns about such names
//! ([`suspicion`]); every output drops the invisible characters ([`strip_invisible`],
//! [`visible`]) before anything else escapes the text for its format. JSON output (command
//! results and the node-link export, which exists to load the graph back) keeps text as it is,
//! with every invisible character spelled as a `\u` escape ([`json`]).

pub mod json;

use std::borrow::Cow;

/// True for characters that are not seen but change what is shown or compared — the one list
/// every output, every message and the name keys use: C0 and C1
/// controls (tab, line feed and carriage return included), the soft hyphen, bidirectional
/// marks, embeddings, overrides and isolates (U+061C, U+200E/F, U+202A–202E, U+2066–2069),
/// zero-width and invisible operators (U+200B–200D, U+2060–2064, U+FEFF), the Mongolian vowel
/// separator, interlinear annotation and tag characters, and the noncharacters (U+FDD0–FDEF and
/// the last two code points of every plane, U+FFFE and U+FFFF among them), which show nothing
/// and which XML, and so SVG, GraphML and GEXF, cannot hold: one policy for every output.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || (c as u32) & 0xFFFE == 0xFFFE
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FDD0}'..='\u{FDEF}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// True for the bidirectional controls, a subset of the invisible characters: the Arabic
/// letter mark, the left-to-right and right-to-left marks, embeddings, overrides and isolates
/// (U+061C, U+200E/F, U+202A–202E, U+2066–2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` without invisible characters, except that line feeds and tabs are kept (for
/// formats where multi-line text is legitimate: CSV, XML, Turtle).
///
/// ```
/// use actorgraph::text::strip_invisible;
/// assert_eq!(strip_invisible("ga\u{202E}o\nx\0"), "gao\nx");
/// ```
pub fn strip_invisible(text: &str) -> Cow<'_, str> {
    if has_invisible(text) {
        let keep = |c: char| c == '\n' || c == '\t' || !is_invisible(c);
        Cow::Owned(text.chars().filter(|&c| keep(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether `text` holds an invisible character other than a line feed or a tab: runs of
/// printable ASCII are skipped a block of bytes at a time ([`printable_prefix`]), and a
/// character is decoded only where a byte is not printable ASCII (every cell of an export
/// passes through here).
fn has_invisible(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if (b' '..=b'~').contains(&byte) {
            at += printable_prefix(&bytes[at..]);
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        if c != '\n' && c != '\t' && is_invisible(c) {
            return true;
        }
        at += c.len_utf8();
    }
    false
}

/// The text as one line shows it: invisible characters dropped, each run of whitespace (line
/// breaks and tabs included) one space, no leading or trailing space.
///
/// ```
/// use actorgraph::text::visible;
/// assert_eq!(visible("a\u{202E}b\n\tc\0"), "ab c");
/// ```
pub fn visible(text: &str) -> String {
    visible_line(text).into_owned()
}

/// [`visible`], borrowed from `text` when `text` already is the line it shows (the common
/// case: no invisible character, single spaces between words), so that nothing is copied.
///
/// ```
/// use actorgraph::text::visible_line;
/// use std::borrow::Cow;
/// assert!(matches!(visible_line("a b"), Cow::Borrowed("a b")));
/// assert_eq!(visible_line(" a\u{200B}b \n c "), "ab c");
/// ```
pub fn visible_line(text: &str) -> Cow<'_, str> {
    if is_visible_line(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if !is_invisible(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// True when `text` is the line it shows ([`visible_line`]): single spaces between words, no
/// leading or trailing space, every character printable ASCII (space to tilde) or neither
/// whitespace nor invisible. Runs of printable ASCII are found a block of bytes at a time
/// ([`printable_prefix`]) and searched for two spaces together; a character is decoded only
/// where a byte is not printable ASCII: the text most exports pass through unchanged
/// (summaries, evidence lines with their `–`) is tested a block at a time.
fn is_visible_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // Most cells (ids, kinds, scores, Latin names): printable ASCII, tested a block of bytes
    // at a time, and no two spaces together.
    if printable_ascii(text) {
        return !two_spaces(bytes);
    }
    let (mut at, mut space) = (0, false);
    while at < bytes.len() {
        let run = printable_prefix(&bytes[at..]);
        if run > 0 {
            if (space && bytes[at] == b' ') || two_spaces(&bytes[at..at + run]) {
                return false;
            }
            space = bytes[at + run - 1] == b' ';
            at += run;
            continue;
        }
        // A control character, or the first byte of one that is not ASCII.
        if bytes[at].is_ascii() {
            return false;
        }
        let Some(c) = text[at..].chars().next() else {
            return false;
        };
        if c.is_whitespace() || is_invisible(c) {
            return false;
        }
        space = false;
        at += c.len_utf8();
    }
    true
}

/// Whether `bytes` hold two spaces together: pairs of bytes compared, as most texts tested
/// are short cells, where a substring search costs more to set up than to run.
fn two_spaces(bytes: &[u8]) -> bool {
    bytes.windows(2).any(|pair| pair == b"  ")
}

/// True when every byte of `text` is printable ASCII (space to tilde), for the text most
/// exports pass through unchanged.
fn printable_ascii(text: &str) -> bool {
    printable_prefix(text.as_bytes()) == text.len()
}

/// How many bytes `bytes` starts with that are printable ASCII (space to tilde): tested
/// [`PRINTABLE_BLOCK`] bytes at a time without a branch per byte, which the compiler
/// vectorises, then a byte at a time in the block where the run ends.
fn printable_prefix(bytes: &[u8]) -> usize {
    let printable = |b: &u8| (b' '..=b'~').contains(b);
    let mut at = 0;
    for block in bytes.chunks_exact(PRINTABLE_BLOCK) {
        if !block.iter().fold(true, |all, b| all & printable(b)) {
            break;
        }
        at += PRINTABLE_BLOCK;
    }
    at + (bytes[at..].iter())
        .position(|b| !printable(b))
        .unwrap_or(bytes.len() - at)
}

/// The bytes [`printable_prefix`] tests at once.
const PRINTABLE_BLOCK: usize = 16;

/// `text` without any invisible character, line feeds and tabs included; borrowed when it has
/// none.
///
/// ```
/// use actorgraph::text::without_invisible;
/// assert_eq!(without_invisible("ga\u{202E}o\n"), "gao");
/// ```
pub fn without_invisible(text: &str) -> Cow<'_, str> {
    if printable_ascii(text)
        || !text
            .chars()
            .any(|c| !(' '..='~').contains(&c) && is_invisible(c))
    {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| !is_invisible(c)).collect())
    }
}

/// Why a name looks like a spoofing attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suspicion {
    /// It holds a bidirectional control (embedding, override, isolate or mark).
    Bidi,
    /// It holds a zero-width or other invisible character (tabs and newlines included).
    Invisible,
    /// One of its words mixes letters of different scripts (Latin and Cyrillic …).
    MixedScript,
}

impl Suspicion {
    /// What is wrong, for a warning.
    pub fn describe(self) -> &'static str {
        match self {
            Suspicion::Bidi => {
                "holds a bidirectional control character that can reorder how it displays"
            }
            Suspicion::Invisible => {
                "holds an invisible character (control or zero-width) that can make it look like another name"
            }
            Suspicion::MixedScript => {
                "mixes letters of different scripts in one word, as look-alike names do"
            }
        }
    }
}

/// The scripts whose letters are told apart to detect look-alike words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
}

fn script(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c as u32 {
        0x0041..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F => Script::Cyrillic,
        0x0530..=0x058F => Script::Armenian,
        0x0590..=0x05FF => Script::Hebrew,
        _ if is_arabic(c) => Script::Arabic,
        _ => return None,
    })
}

/// True for a character of the Arabic script's blocks (letters, marks, Arabic-Indic digits and
/// punctuation; the supplements and presentation forms included): the one test of whether a
/// character is written in Arabic.
///
/// ```
/// assert!(actorgraph::text::is_arabic('غ'));
/// assert!(actorgraph::text::is_arabic('٢'));
/// assert!(!actorgraph::text::is_arabic('G'));
/// ```
pub fn is_arabic(c: char) -> bool {
    matches!(
        c as u32,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF
    )
}

/// True when `text` has letters and all of them are of the Arabic script (what is written in
/// Arabic letters; digits, spaces and punctuation aside).
///
/// ```
/// assert!(actorgraph::text::is_arabic_script("الحركة الوطنية 2"));
/// assert!(!actorgraph::text::is_arabic_script("MNLA الحركة"));
/// assert!(!actorgraph::text::is_arabic_script("2012"));
/// ```
pub fn is_arabic_script(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| script(c) == Some(Script::Arabic))
}

/// Whether `name` looks built to deceive: bidi controls first, then other invisible
/// characters, then words mixing scripts. The zero-width non-joiner and joiner (U+200C/D) are
/// normal inside Arabic-script words (Persian writes them) and are not counted there.
///
/// ```
/// use actorgraph::text::{Suspicion, suspicion};
/// assert_eq!(suspicion("Gao"), None);
/// assert_eq!(suspicion("G\u{202E}ao"), Some(Suspicion::Bidi));
/// assert_eq!(suspicion("Gа0"), Some(Suspicion::MixedScript)); // Cyrillic а
/// assert_eq!(suspicion("الحركة الوطنية MNLA"), None);
/// ```
pub fn suspicion(name: &str) -> Option<Suspicion> {
    if let Some(hidden) = hidden_characters(name, false) {
        return Some(hidden);
    }
    for word in name.split(' ') {
        let mut scripts = word.chars().filter_map(script);
        if let Some(first) = scripts.next()
            && scripts.any(|s| s != first)
        {
            return Some(Suspicion::MixedScript);
        }
    }
    None
}

/// Whether `text` holds characters that hide or reorder what is shown: a bidi control first,
/// then any other invisible character ([`is_invisible`]) but line breaks when `lines` (prose:
/// summaries and descriptions may run over several lines) and the zero-width non-joiner and
/// joiner inside Arabic-script words, where Persian writes them.
///
/// ```
/// use actorgraph::text::{Suspicion, hidden_characters};
/// assert_eq!(hidden_characters("two\nlines", true), None);
/// assert_eq!(hidden_characters("two\nlines", false), Some(Suspicion::Invisible));
/// assert_eq!(hidden_characters("report\u{202E}txt.exe", true), Some(Suspicion::Bidi));
/// ```
pub fn hidden_characters(text: &str, lines: bool) -> Option<Suspicion> {
    // Most prose is ASCII, where there is no bidi control nor Arabic word: one pass over the
    // bytes (about 6 % of loading a big graph went to the general path below).
    if text.is_ascii() {
        let hidden = |b: u8| is_invisible(char::from(b)) && !(lines && b == b'\n');
        return text.bytes().any(hidden).then_some(Suspicion::Invisible);
    }
    if text.chars().any(is_bidi_control) {
        return Some(Suspicion::Bidi);
    }
    let separators: &[char] = if lines { &[' ', '\n'] } else { &[' '] };
    for word in text.split(separators) {
        let arabic_word = word.chars().any(|c| script(c) == Some(Script::Arabic));
        let invisible =
            |c: char| is_invisible(c) && !(arabic_word && matches!(c, '\u{200C}' | '\u{200D}'));
        if word.chars().any(invisible) {
            return Some(Suspicion::Invisible);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII path of `hidden_characters` answers as the general one does, for every
    /// ASCII character in a word, at each end and alone, with and without `lines`.
    #[test]
    fn ascii_hidden_characters_as_the_general_path() {
        let general = |text: &str, lines: bool| {
            let separators: &[char] = if lines { &[' ', '\n'] } else { &[' '] };
            text.split(separators)
                .any(|w| w.chars().any(is_invisible))
                .then_some(Suspicion::Invisible)
        };
        let mut hidden = 0;
        for b in 0..=0x7Fu8 {
            let c = char::from(b);
            for text in [
                format!("a{c}b"),
                format!("{c}ab"),
                format!("ab {c}"),
                c.to_string(),
            ] {
                for lines in [false, true] {
                    let found = hidden_characters(&text, lines);
                    assert_eq!(found, general(&text, lines), "{text:?}, lines {lines}");
                    hidden += usize::from(found.is_some());
                }
            }
        }
        // 33 controls, 8 cases each, less the line feed's 4 with `lines`.
        assert_eq!(hidden, 33 * 8 - 4);
    }

    #[test]
    fn persian_joiners_are_not_suspicious() {
        assert_eq!(suspicion("می‌خواهم"), None);
        assert_eq!(suspicion("Ga\u{200C}o"), Some(Suspicion::Invisible));
        assert_eq!(suspicion("Ga\u{200B}o"), Some(Suspicion::Invisible));
        assert_eq!(suspicion("a\tb"), Some(Suspicion::Invisible));
    }

    #[test]
    fn mixed_scripts_are_per_word() {
        assert_eq!(suspicion("Ménaka ميناكا"), None);
        assert_eq!(suspicion("Mеnaka"), Some(Suspicion::MixedScript)); // Cyrillic е
        assert_eq!(suspicion("Αzawad"), Some(Suspicion::MixedScript)); // Greek Α
        assert_eq!(suspicion("MNLAالحركة"), Some(Suspicion::MixedScript));
    }

    /// `visible` said another way: the words between runs of white space, each without its
    /// invisible characters, the empty ones dropped, joined by one space.
    fn visible_by_words(text: &str) -> String {
        text.split_whitespace()
            .map(|word| {
                word.chars()
                    .filter(|&c| !is_invisible(c))
                    .collect::<String>()
            })
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    proptest::proptest! {
        #[test]
        fn the_visible_line_is_borrowed_only_when_unchanged(
            text in "[ a-zé\\t\\n\\r\u{85}\u{a0}\u{2028}\u{200b}\u{202e}\u{feff}\u{0}\u{7f}]{0,48}",
        ) {
            let line = visible_line(&text);
            proptest::prop_assert_eq!(&line, &visible_by_words(&text));
            proptest::prop_assert_eq!(matches!(line, Cow::Borrowed(_)), line == text);
        }

        #[test]
        fn stripped_text_is_borrowed_only_when_unchanged(
            text in "([a-z ]{0,20}[é؟\\t\\n\\r\u{85}\u{200b}\u{202e}\u{feff}\u{0}\u{7f}]?){0,4}",
        ) {
            let stripped = strip_invisible(&text);
            let kept: String = (text.chars())
                .filter(|&c| c == '\n' || c == '\t' || !is_invisible(c))
                .collect();
            proptest::prop_assert_eq!(&stripped, &kept);
            proptest::prop_assert_eq!(matches!(stripped, Cow::Borrowed(_)), kept == text);
        }

        #[test]
        fn long_ascii_runs_are_tested_as_a_byte_at_a_time(
            text in "[ a-z]{0,40}[é–\\t\u{200b}\u{7f} ]?[ a-z]{0,40}",
        ) {
            let line = visible_line(&text);
            proptest::prop_assert_eq!(&line, &visible_by_words(&text));
            proptest::prop_assert_eq!(matches!(line, Cow::Borrowed(_)), line == text);
        }
    }

    #[test]
    fn strip_keeps_lines_and_tabs_only() {
        assert_eq!(strip_invisible("a\r\nb\u{200B}\tc\u{1}"), "a\nb\tc");
        assert!(matches!(strip_invisible("plain"), Cow::Borrowed(_)));
    }
}
