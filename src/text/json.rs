//! JSON whose strings spell every invisible character as a `\u` escape.
//!
//! serde_json escapes only what JSON requires (quotes, backslashes, C0 controls) and writes
//! every other character as it is, so a name holding a C1 control (U+009B starts an escape
//! sequence on many terminals), a bidi override or a zero-width space would reach a terminal
//! or an editor raw. Spelled `\u202e`, the same text is still exactly the same JSON string to
//! every parser, and nothing in it can act on a display.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

use super::is_invisible;

/// Writes `value` as indented JSON, invisible characters escaped.
///
/// ```
/// let mut out = Vec::new();
/// actorgraph::text::json::to_writer_pretty(&mut out, &["a\u{202E}b"]).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), "[\n  \"a\\u202eb\"\n]");
/// ```
pub fn to_writer_pretty<W: Write, T: Serialize + ?Sized>(out: W, value: &T) -> io::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(out, Escaping(PrettyFormatter::new()));
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// Writes `value` as compact JSON, invisible characters escaped.
///
/// ```
/// let mut out = Vec::new();
/// actorgraph::text::json::to_writer(&mut out, &"\u{9b}2J").unwrap();
/// assert_eq!(out, br#""\u009b2J""#);
/// ```
pub fn to_writer<W: Write, T: Serialize + ?Sized>(out: W, value: &T) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Escaping(CompactFormatter));
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// A formatter that lays JSON out as `F` does and escapes invisible characters in strings.
struct Escaping<F>(F);

impl<F: Formatter> Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| is_invisible(c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The escaped JSON parses back to the same strings and holds no invisible character
        /// but the layout's line feeds.
        #[test]
        fn escaping_is_lossless_and_leaves_nothing_invisible(
            texts in proptest::collection::vec("[a-zé\u{0}\u{1b}\u{7f}\u{85}\u{9b}\u{ad}\u{200b}\u{202e}\u{2066}\u{feff}\u{e0041}\n\"\\\\]{0,12}", 0..4),
        ) {
            let mut out = Vec::new();
            to_writer_pretty(&mut out, &texts).unwrap();
            let json = String::from_utf8(out).unwrap();
            proptest::prop_assert!(!json.chars().any(|c| c != '\n' && is_invisible(c)), "{json:?}");
            let back: Vec<String> = serde_json::from_str(&json).unwrap();
            proptest::prop_assert_eq!(back, texts);
        }
    }
}
