//! Untrusted text inside a diagram: made visible, escaped for DOT, wrapped into lines.
//!
//! Names, aliases, descriptions and summaries come from data files and may be hostile. Every
//! one reaches the DOT file only through [`label`] (labels and tooltips), so that:
//! - it stays inside its quoted string: `\` and `"` are backslash-escaped, and since Graphviz
//!   reads `\n`, `\l`, `\N`, `\G` … in labels, a literal backslash is written `\\`;
//! - it cannot reorder or hide text: control characters (NUL included), bidirectional
//!   embeddings, overrides, isolates and marks (U+202A–202E, U+2066–2069, U+200E/F, U+061C)
//!   and zero-width characters are dropped, and line breaks and tabs become spaces;
//! - it cannot inject markup into SVG: Graphviz escapes `<`, `>`, `"` and `'` when it writes
//!   SVG, but it decodes entities such as `&lt;` in labels first, so `&` is written `&amp;`
//!   and the text is shown exactly as it was given.

use graphviz_rust::dot_structures::Id;

pub use crate::text::visible;
use crate::text::{visible_line, without_invisible};

/// Appends `text` to `out` with `\` and `"` backslash-escaped and, for a label, `&` written
/// `&amp;`.
fn escape_into(out: &mut String, text: &str, label: bool) {
    let mut rest = 0;
    // The special characters are ASCII: their bytes never occur inside another character.
    for at in memchr::memchr3_iter(b'\\', b'"', b'&', text.as_bytes()) {
        let escaped = match text.as_bytes()[at] {
            b'\\' => "\\\\",
            b'"' => "\\\"",
            b'&' if label => "&amp;",
            _ => continue,
        };
        out.push_str(&text[rest..at]);
        out.push_str(escaped);
        rest = at + 1;
    }
    out.push_str(&text[rest..]);
}

/// A quoted DOT string (label or tooltip) showing `lines`, each made [`visible`] and escaped,
/// one below the other.
pub fn label<S: AsRef<str>>(lines: impl IntoIterator<Item = S>) -> Id {
    let mut text = LabelText::with_capacity(0);
    for line in lines {
        text.line(line.as_ref());
    }
    text.into_id()
}

/// A quoted DOT string (label or tooltip) written a line at a time, as [`label`] writes it:
/// for a text of many lines made one by one (a tooltip's summaries and evidence), each line
/// can be written from one reused buffer.
pub(super) struct LabelText {
    /// The string so far, from its opening quote.
    text: String,
    /// Whether a line was written: the next one is written below it.
    lines: bool,
}

impl LabelText {
    /// A string of no line yet, with room for about `capacity` bytes of text.
    pub(super) fn with_capacity(capacity: usize) -> LabelText {
        let mut text = String::with_capacity(capacity + 2);
        text.push('"');
        LabelText { text, lines: false }
    }

    /// Writes `line`, made [`visible`] and escaped, below the lines before it.
    pub(super) fn line(&mut self, line: &str) {
        self.text.reserve(line.len() + 3);
        if self.lines {
            self.text.push_str("\\n");
        }
        self.lines = true;
        escape_into(&mut self.text, &visible_line(line), true);
    }

    /// The quoted string.
    pub(super) fn into_id(mut self) -> Id {
        self.text.push('"');
        Id::Escaped(self.text)
    }
}

/// A quoted DOT string (a label) showing `lines` as [`label`] does, each line ending in
/// `end`: Graphviz's `\\l` (flush left in its node), `\\r` (flush right) or `\\n` (centred).
pub fn justified<S: AsRef<str>>(lines: impl IntoIterator<Item = S>, end: &str) -> Id {
    let mut out = String::from("\"");
    for line in lines {
        escape_into(&mut out, &visible_line(line.as_ref()), true);
        out.push_str(end);
    }
    out.push('"');
    Id::Escaped(out)
}

/// A quoted DOT string holding `text` as it is (a node name, a colour, a shape): only `\` and
/// `"` escaped, invisible characters dropped.
///
/// ```
/// use actorgraph::export::dot::quoted;
/// use graphviz_rust::dot_structures::Id;
/// assert_eq!(quoted(r#"a "b" \c"#), Id::Escaped(r#""a \"b\" \\c""#.to_owned()));
/// ```
pub fn quoted(text: &str) -> Id {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    escape_into(&mut out, &without_invisible(text), false);
    out.push('"');
    Id::Escaped(out)
}

/// Splits visible `text` into lines of about `width` characters at spaces (a longer word
/// stays whole on its own line).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in visible(text).split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(id: Id) -> String {
        match id {
            Id::Escaped(s) => s,
            other => panic!("not escaped: {other:?}"),
        }
    }

    #[test]
    fn quotes_and_backslashes_stay_inside_the_string() {
        assert_eq!(text(label(["say \"hi\""])), r#""say \"hi\"""#);
        assert_eq!(text(label([r"a\nb\"])), r#""a\\nb\\""#);
        assert_eq!(text(label([r#""]; x -> y ["#])), r#""\"]; x -> y [""#);
        assert_eq!(text(quoted(r#"a"b\c"#)), r#""a\"b\\c""#);
    }

    #[test]
    fn graphviz_escapes_are_neutralised() {
        for esc in [r"\N", r"\G", r"\l", r"\E", r"\T", r"\H"] {
            assert_eq!(text(label([esc])), format!("\"\\{esc}\""));
        }
    }

    #[test]
    fn entities_are_not_decoded() {
        assert_eq!(
            text(label(["&lt;script&gt; & <b>"])),
            "\"&amp;lt;script&amp;gt; &amp; <b>\""
        );
    }

    #[test]
    fn invisible_characters_are_dropped() {
        let hostile = "A\u{202E}B\u{2066}C\u{2069}\u{200B}D\u{200F}\u{FEFF}E\0F\u{7}G\u{1B}[31m";
        assert_eq!(visible(hostile), "ABCDEFG[31m");
        assert_eq!(visible("  line\r\none\u{2028}two\t "), "line one two");
        assert_eq!(text(quoted("a\u{202E}\0b")), "\"ab\"");
    }

    #[test]
    fn lines_are_joined_with_graphviz_line_breaks() {
        assert_eq!(text(label(["one", "two\nthree"])), r#""one\ntwo three""#);
    }

    #[test]
    fn justified_lines_end_in_the_given_escape() {
        assert_eq!(text(justified(["a\"", "b"], "\\r")), r#""a\"\rb\r""#);
    }

    #[test]
    fn arabic_text_is_kept() {
        let name = "الحركة الوطنية لتحرير أزواد";
        assert_eq!(text(label([name])), format!("\"{name}\""));
    }

    proptest::proptest! {
        #[test]
        fn labels_and_quoted_strings_escape_every_character(
            given in "[ a-zé\"\\\\&<>\\n\u{202e}\u{200b}\u{0}]{0,24}",
        ) {
            let escape = |c: char, entities: bool| match c {
                '\\' => "\\\\".to_owned(),
                '"' => "\\\"".to_owned(),
                '&' if entities => "&amp;".to_owned(),
                c => c.to_string(),
            };
            let line: String = visible(&given).chars().map(|c| escape(c, true)).collect();
            proptest::prop_assert_eq!(text(label([&given])), format!("\"{line}\""));
            let kept: String = (given.chars().filter(|&c| !crate::text::is_invisible(c)))
                .map(|c| escape(c, false))
                .collect();
            proptest::prop_assert_eq!(text(quoted(&given)), format!("\"{kept}\""));
        }
    }

    #[test]
    fn wrap_breaks_at_spaces() {
        assert_eq!(
            wrap("National Movement for the Liberation of Azawad", 28),
            ["National Movement for the", "Liberation of Azawad"]
        );
        assert_eq!(
            wrap("Supercalifragilistic x", 5),
            ["Supercalifragilistic", "x"]
        );
        assert_eq!(wrap("", 5), [""]);
    }
}
