//! Text that XML 1.0 can hold, for GraphML and GEXF.
//!
//! quick-xml escapes `&`, `<`, `>`, quotes and carriage returns (and, in attribute values,
//! newlines and tabs); what it cannot escape are the characters XML 1.0 forbids outright
//! (NUL and the other C0 controls but tab, newline and carriage return; U+FFFE and U+FFFF),
//! which no parser accepts even as character references. [`text`] drops them: they are all
//! invisible characters ([`crate::text::is_invisible`]), dropped from every output alike (DOT
//! and so SVG included); the check of XML's own rule below only guards that policy.

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesStart, Event};

use crate::model::Relation;

/// A validated document's writer (GraphML, GEXF), indented by two spaces: its XML declaration
/// written and its root element `root` opened in `namespace`, with the schema that validates
/// it (`schema_location`: the namespace and the schema's URL) and `attributes`.
pub(super) fn begin<'w>(
    out: &'w mut dyn Write,
    root: &str,
    namespace: &str,
    schema_location: &str,
    attributes: &[(&str, &str)],
) -> io::Result<Writer<BufWriter<&'w mut dyn Write>>> {
    let mut w = Writer::new_with_indent(BufWriter::new(out), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let root = BytesStart::new(root)
        .with_attributes([
            ("xmlns", namespace),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", schema_location),
        ])
        .with_attributes(attributes.iter().copied());
    w.write_event(Event::Start(root))?;
    Ok(w)
}

/// A writer of a document's elements inside the elements `within` (from the root), indented as
/// a [`begin`] document's writer indents them there, whose bytes are those elements alone: for
/// edges formatted apart and written into the document in order.
pub(super) fn writer_within(within: &[&str]) -> io::Result<Writer<Vec<u8>>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    for &element in within {
        w.write_event(Event::Start(BytesStart::new(element)))?;
    }
    w.get_mut().clear();
    Ok(w)
}

/// An `edge` element for `relation`, its id and ends as attributes (GraphML, GEXF).
pub(super) fn edge(relation: &Relation) -> BytesStart<'_> {
    BytesStart::new("edge").with_attributes([
        ("id", relation.id.as_str()),
        ("source", relation.source.as_str()),
        ("target", relation.target.as_str()),
    ])
}

/// `value` without invisible characters (see [`crate::text`]) nor any other character XML 1.0
/// does not allow.
pub(super) fn text(value: &str) -> Cow<'_, str> {
    let value = crate::text::strip_invisible(value);
    if value.chars().all(allowed) {
        value
    } else {
        Cow::Owned(value.chars().filter(|&c| allowed(c)).collect())
    }
}

/// `value` as XML text content: [`text`], then escaped as quick-xml escapes text (`<`, `>`,
/// `&`, quotes and carriage returns), for `BytesText::from_escaped`. Text of printable ASCII,
/// tabs and line feeds with none of those five characters (most of a graph's text) is
/// returned as is after one pass over its bytes, the two passes of [`text`] and the escape's
/// byte-by-byte search skipped; other text goes through them.
pub(super) fn escaped(value: &str) -> Cow<'_, str> {
    let plain = |b: &u8| {
        matches!(b, b'\t' | b'\n' | b' '..=b'~') && !matches!(b, b'<' | b'>' | b'&' | b'\'' | b'"')
    };
    if value.as_bytes().iter().all(plain) {
        return Cow::Borrowed(value);
    }
    match text(value) {
        Cow::Borrowed(text) => quick_xml::escape::escape(text),
        Cow::Owned(text) => Cow::Owned(quick_xml::escape::escape(text.as_str()).into_owned()),
    }
}

/// `value` as an `xsd:token` (GEXF labels): allowed characters only, each run of whitespace one
/// space, none at either end.
pub(super) fn token(value: &str) -> String {
    text(value)
        .split_whitespace()
        .collect::<Vec<&str>>()
        .join(" ")
}

/// XML 1.0's `Char` production (surrogates cannot occur in a Rust `str`).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_what_xml_forbids() {
        assert_eq!(text("a\0b\u{7}c\td\ne\rf"), "abc\td\nef");
        assert_eq!(text("a\u{202E}b\u{200B}c"), "abc");
        assert_eq!(text("\u{FFFE}x\u{FFFF}"), "x");
        assert!(matches!(text("plain <&> \"text\""), Cow::Borrowed(_)));
        assert_eq!(text("جبهة 𝔸"), "جبهة 𝔸");
    }

    #[test]
    fn escaped_text_is_quick_xmls_escape_of_the_text() {
        for value in [
            "plain words, digits 2012-06 and (brackets)",
            "tab\tand\nline",
            "a < b > c & 'd' \"e\"",
            "carriage\rreturn",
            "a\0b\u{7}c\u{202E}d",
            "l'Azawad — جبهة <x> \u{FFFE}",
            "",
        ] {
            let expected = quick_xml::escape::escape(text(value).as_ref()).into_owned();
            assert_eq!(escaped(value), expected, "{value:?}");
        }
        assert!(matches!(escaped("no escape needed\t\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn tokens_collapse_whitespace() {
        assert_eq!(token("  a\n\t b\0c "), "a bc");
    }
}
