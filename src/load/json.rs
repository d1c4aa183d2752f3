//! Reading one data file: a JSON array whose elements are parsed one by one, so that every
//! bad element is reported (not only the first) with its line and column.

use rayon::prelude::*;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::limits;
use super::problem::Code;
use super::problem::{Location, Problem, quote};

/// One element of a data file's array, with where it starts.
#[derive(Debug, Clone)]
pub struct Element<T> {
    /// Position in the array (for JSON paths: `$[index]`).
    pub index: usize,
    /// 1-based line where the element starts.
    pub line: usize,
    /// 1-based column (in characters) where the element starts.
    pub column: usize,
    /// The parsed element.
    pub value: T,
}

impl<T> Element<T> {
    /// The element's location in `file`.
    pub fn location(&self, file: &str) -> Location {
        Location {
            file: file.to_owned(),
            line: Some(self.line),
            column: Some(self.column),
        }
    }

    /// The JSON path of the element, followed by `suffix` (`.target`, `.evidence[0]`).
    pub fn path(&self, suffix: &str) -> String {
        format!("$[{}]{suffix}", self.index)
    }
}

/// What parsing one data file gave.
#[derive(Debug, Clone)]
pub struct ParsedFile<T> {
    /// The elements that parsed.
    pub elements: Vec<Element<T>>,
    /// The ids (or document names) of elements that did not parse but named one, so that
    /// references to them are not reported a second time as unknown.
    pub failed_ids: Vec<String>,
    /// False when the file as a whole could not be read as an array (encoding or syntax):
    /// checks that need its contents are then skipped rather than cascading.
    pub readable: bool,
}

impl<T> Default for ParsedFile<T> {
    fn default() -> Self {
        ParsedFile {
            elements: Vec::new(),
            failed_ids: Vec::new(),
            readable: true,
        }
    }
}

/// Enough of an element to name it in messages even when the rest does not parse.
#[derive(Deserialize)]
struct IdProbe {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    document: Option<String>,
}

/// Parses `bytes`, the contents of `file`, as a JSON array of `T`.
///
/// Returns the elements that parsed; pushes one problem per file-level error (invalid UTF-8,
/// syntax error, not an array) or per element that does not parse (unknown or missing field,
/// wrong type, impossible date, unknown kind). `what` names the elements ("entity").
pub fn parse_array<T: DeserializeOwned + Send>(
    file: &str,
    bytes: &[u8],
    what: &str,
    problems: &mut Vec<Problem>,
) -> ParsedFile<T> {
    let unreadable = ParsedFile {
        readable: false,
        ..ParsedFile::default()
    };
    let Some(text) = utf8(file, bytes, problems) else {
        return unreadable;
    };
    if let Some(elements) = pieces::parse(text) {
        return ParsedFile {
            elements,
            ..ParsedFile::default()
        };
    }
    let Some(raws) = raw_elements(file, text, what, problems) else {
        return unreadable;
    };
    // Where each element starts, in one pass over the text.
    let mut lines = LineCounter::default();
    let sites: Vec<(usize, usize)> = raws
        .iter()
        .map(|raw| lines.advance(text, raw.get().as_ptr() as usize - text.as_ptr() as usize))
        .collect();
    let mut parsed = ParsedFile {
        elements: parse_elements(&raws, &sites),
        ..ParsedFile::default()
    };
    if parsed.elements.len() < raws.len() {
        report_failures(file, what, &raws, &sites, &mut parsed, problems);
    }
    parsed
}

/// The text of `bytes` without a byte-order mark, or `None` (reported) if it is not UTF-8.
fn utf8<'a>(file: &str, bytes: &'a [u8], problems: &mut Vec<Problem>) -> Option<&'a str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.strip_prefix('\u{FEFF}').unwrap_or(text)),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            problems.push(Problem::error(
                Code::InvalidUtf8,
                Location::at(file, valid, valid.len()),
                format!(
                    "invalid UTF-8 at byte {}; save the file as UTF-8",
                    e.valid_up_to()
                ),
            ));
            None
        }
    }
}

/// The elements of the JSON array `text`, unparsed, or `None` (reported) if the text is not
/// an array of at most [`limits::MAX_ELEMENTS`] elements.
fn raw_elements<'a>(
    file: &str,
    text: &'a str,
    what: &str,
    problems: &mut Vec<Problem>,
) -> Option<Vec<&'a RawValue>> {
    let raws: Vec<&RawValue> = match serde_json::from_str(text) {
        Ok(raws) => raws,
        Err(e) => {
            let message = strip_position(&e.to_string());
            let (code, message) = if e.is_data() {
                (
                    Code::NotAnArray,
                    format!("expected a JSON array of {what} objects"),
                )
            } else if classify(&message) == Code::TooDeep {
                (Code::TooDeep, too_deep())
            } else {
                (Code::Syntax, message)
            };
            let offset = offset_of(text, e.line(), e.column());
            problems.push(Problem::error(
                code,
                Location::at(file, text, offset),
                message,
            ));
            return None;
        }
    };
    if raws.len() > limits::MAX_ELEMENTS {
        problems.push(Problem::error(
            Code::TooMany,
            Location::file(file),
            format!(
                "{} {what} elements is over the limit of {}; split the graph",
                raws.len(),
                limits::MAX_ELEMENTS
            ),
        ));
        return None;
    }
    Some(raws)
}

/// Parsing a well-formed array in pieces, without a first scan of the whole array.
///
/// The text is cut at line starts that open an object (a line feed lies outside every
/// string), and each piece is parsed on its own core element after element, each element
/// where the one before it ended. A cut is taken for an element's start only when the piece
/// before it ends there, after a comma, so every start is a true one. Anything else — an
/// element that does not parse, a cut inside an element, a piece that runs past the next,
/// a missing comma or bracket, more elements than the limit — gives `None`, and the caller
/// parses the array the way that reports every problem: a file that loads is read once, a
/// file with problems twice, with the same outcome either way. (Every model type refuses
/// unknown fields, so an element that parses holds no nesting deeper than its type's: the
/// whole-array scan's depth limit cannot refuse it.)
mod pieces {
    use rayon::prelude::*;
    use serde::de::DeserializeOwned;

    use super::{Element, LineCounter, limits};

    /// About how many bytes a piece holds: enough for thousands of elements each.
    const PIECE_BYTES: usize = 4 << 20;
    /// Fewer bytes than the JSON of any element that parses (a relation's required fields'
    /// names alone are about fifty): a piece of `n` bytes holds fewer than `n /
    /// ELEMENT_BYTES` elements or, at worst, grows.
    const ELEMENT_BYTES: usize = 64;
    /// The least room a piece's list asks for, in bytes: more than glibc's largest dynamic
    /// mapping threshold (32 MiB). Such a block is always mapped on its own and handed back
    /// to the system when freed; a smaller one would move the threshold up to its size when
    /// freed, and the lists of the same size that follow would then be carved from the heap
    /// and stay there once freed (at L, 120 MiB more at the peak of a load whose pieces were
    /// a little smaller than the last freed block). Room not filled is never touched, so it
    /// costs address space, not memory.
    const LEAST_ROOM: usize = 33 << 20;

    /// The elements of the array `text` when it is well formed and each element parses as
    /// `T`, in order, each with its index and site; otherwise `None`.
    pub fn parse<T: DeserializeOwned + Send>(text: &str) -> Option<Vec<Element<T>>> {
        parse_cut(text, PIECE_BYTES)
    }

    /// [`parse`] with pieces of about `piece_bytes`.
    fn parse_cut<T: DeserializeOwned + Send>(
        text: &str,
        piece_bytes: usize,
    ) -> Option<Vec<Element<T>>> {
        let bytes = text.as_bytes();
        let open = skip_space(bytes, 0);
        if bytes.get(open) != Some(&b'[') {
            return None;
        }
        let first = skip_space(bytes, open + 1);
        if bytes.get(first) == Some(&b']') {
            return (skip_space(bytes, first + 1) == bytes.len()).then(Vec::new);
        }
        let starts = cuts(bytes, first, piece_bytes);
        if starts.len() < 2 && text.len() >= 2 * piece_bytes {
            // One long line (a minified file): one piece would parse it on one core.
            return None;
        }
        let mut pieces: Vec<Option<Piece<T>>> = starts
            .par_iter()
            .enumerate()
            .map(|(i, &start)| piece(text, start, &starts[i + 1..]))
            .collect();
        // The pieces from the first, each followed by the one whose start it ended at.
        let mut chain = Vec::new();
        let mut next = 0;
        while next < pieces.len() {
            let piece = pieces[next].take()?;
            next += 1 + piece.skipped;
            chain.push(piece);
        }
        drop(pieces);
        let count: usize = chain.iter().map(|piece| piece.elements.len()).sum();
        if count > limits::MAX_ELEMENTS {
            return None;
        }
        // Each piece counted its lines from its own start: where the first starts, counted
        // from the text's, and each next where the one before it ended.
        let (line, column) = LineCounter::default().advance(text, first);
        let mut base = (line - 1, column - 1);
        let mut elements = Vec::with_capacity(count);
        for piece in chain {
            for (line, column, value) in piece.elements {
                let (line, column) = piece_site(base, (line, column));
                elements.push(Element {
                    index: elements.len(),
                    line,
                    column,
                    value,
                });
            }
            let (line, column) = piece_site(base, piece.end);
            base = (line - 1, column - 1);
        }
        Some(elements)
    }

    /// The 1-based line and column of a place a piece located at `(line, column)` (1-based,
    /// counted from the piece's start), when the piece starts at the 0-based `base`.
    fn piece_site(base: (usize, usize), (line, column): (usize, usize)) -> (usize, usize) {
        if line == 1 {
            (base.0 + 1, base.1 + column)
        } else {
            (base.0 + line, column)
        }
    }

    /// The elements of one piece, each with its line and column counted from the piece's
    /// start (as [`LineCounter`] counts them: 1-based).
    struct Piece<T> {
        elements: Vec<(usize, usize, T)>,
        /// Where the piece ends (the next piece's start, or the last element's), counted
        /// the same way.
        end: (usize, usize),
        /// How many of the later pieces' starts it ran past (they were not elements'
        /// starts, but places inside them).
        skipped: usize,
    }

    /// Where the pieces start: the first element, then, about every `piece_bytes`, the
    /// first line after that begins (past spaces) with `{`.
    fn cuts(bytes: &[u8], first: usize, piece_bytes: usize) -> Vec<usize> {
        let mut starts = vec![first];
        let mut from = first + piece_bytes;
        while from < bytes.len() {
            let Some(feed) = bytes[from..].iter().position(|&b| b == b'\n') else {
                break;
            };
            let start = skip_space(bytes, from + feed + 1);
            if bytes.get(start) == Some(&b'{') {
                starts.push(start);
                from = start + piece_bytes;
            } else {
                from += feed + 1;
            }
        }
        starts
    }

    /// The elements from `start` on, up to the first element that starts at one of `stops`
    /// (the later pieces' starts, in order) or, past them all, to the array's end and the
    /// text's; `None` if they do not parse or do not end so.
    fn piece<T: DeserializeOwned>(text: &str, start: usize, stops: &[usize]) -> Option<Piece<T>> {
        let bytes = text.as_bytes();
        // Room for all the piece's elements at once (room not filled is never touched): a
        // piece grown by doubling would leave its earlier copies in the allocator's free
        // lists, where the list that takes all the pieces' elements next cannot use them.
        let len = stops.first().map_or(bytes.len(), |&stop| stop) - start;
        let room = (len / ELEMENT_BYTES + 1).max(LEAST_ROOM / size_of::<(usize, usize, T)>());
        let mut elements = Vec::with_capacity(room);
        let mut skipped = 0;
        let mut at = start;
        // Lines counted here, on the piece's core, from the piece's start.
        let mut lines = LineCounter::from(start);
        loop {
            let mut stream = serde_json::Deserializer::from_str(&text[at..]).into_iter::<T>();
            let value = stream.next()?.ok()?;
            let end = skip_space(bytes, at + stream.byte_offset());
            let (line, column) = lines.advance(text, at);
            elements.push((line, column, value));
            match bytes.get(end) {
                Some(b',') => {
                    at = skip_space(bytes, end + 1);
                    while stops.get(skipped).is_some_and(|&stop| stop < at) {
                        skipped += 1;
                    }
                    if stops.get(skipped) == Some(&at) {
                        let end = lines.advance(text, at);
                        return Some(Piece {
                            elements,
                            end,
                            skipped,
                        });
                    }
                }
                Some(b']') => {
                    // Every later start lay inside this piece's elements.
                    let skipped = stops.len();
                    let whole = skip_space(bytes, end + 1) == bytes.len();
                    let end = lines.advance(text, lines.offset);
                    return whole.then_some(Piece {
                        elements,
                        end,
                        skipped,
                    });
                }
                _ => return None,
            }
        }
    }

    /// The first position from `at` that is not JSON whitespace.
    fn skip_space(bytes: &[u8], mut at: usize) -> usize {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(at) {
            at += 1;
        }
        at
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::model::Source;

        /// The elements as the whole-array scan gives them, when there is no problem.
        fn scanned<T: DeserializeOwned + Send>(text: &str) -> Vec<Element<T>> {
            let mut problems = Vec::new();
            let raws = super::super::raw_elements("s.json", text, "element", &mut problems)
                .expect("an array");
            let mut lines = LineCounter::default();
            let sites: Vec<_> = raws
                .iter()
                .map(|raw| {
                    lines.advance(text, raw.get().as_ptr() as usize - text.as_ptr() as usize)
                })
                .collect();
            super::super::parse_elements(&raws, &sites)
        }

        fn source(doc: &str) -> String {
            format!(
                r#"{{"document": "{doc}", "language": "ar", "sha256": "00", "description": "é ب"}}"#
            )
        }

        /// Cut anywhere, a well-formed array parses into the elements, indexes, lines and
        /// columns of the whole-array scan.
        #[test]
        fn pieces_parse_as_the_scan_does() {
            let docs: Vec<String> = (0..40).map(|i| source(&format!("d{i}.txt"))).collect();
            for gap in [",\n", ",\n  ", " ,\n\t", ",\r\n"] {
                let text = format!("\n[\n  {}\n]\n", docs.join(gap));
                let want = scanned::<Source>(&text);
                assert_eq!(want.len(), 40);
                for piece_bytes in [1, 50, 100, 333, 1 << 20] {
                    let got = parse_cut::<Source>(&text, piece_bytes).expect("well formed");
                    let key =
                        |e: &Element<Source>| (e.index, e.line, e.column, e.value.document.clone());
                    assert_eq!(
                        got.iter().map(key).collect::<Vec<_>>(),
                        want.iter().map(key).collect::<Vec<_>>(),
                        "{gap:?} {piece_bytes}"
                    );
                }
            }
            assert_eq!(parse_cut::<Source>(" [ ] ", 1).map(|e| e.len()), Some(0));
        }

        /// A cut at a line inside an element that opens an object is run past: the piece
        /// before it goes on to the next true start.
        #[test]
        fn cuts_inside_elements_are_run_past() {
            let relation = |i: usize| {
                let evidence = r#"{"document": "a.txt", "start_byte": 0, "end_byte": 1}"#;
                format!(
                    "{{\"id\": \"r{i}\", \"kind\": \"conflict\", \"source\": \"a\", \"target\": \"b\",\n  \"summary\": \"s\", \"evidence\": [\n  {evidence},\n  {evidence}\n]}}"
                )
            };
            let text = format!(
                "[\n{}\n]",
                (0..30).map(relation).collect::<Vec<_>>().join(",\n")
            );
            let want = scanned::<crate::Relation>(&text);
            assert_eq!(want.len(), 30);
            for piece_bytes in [1, 30, 100, 1 << 20] {
                let got = parse_cut::<crate::Relation>(&text, piece_bytes).expect("well formed");
                let key =
                    |e: &Element<crate::Relation>| (e.index, e.line, e.column, e.value.id.clone());
                assert_eq!(
                    got.iter().map(key).collect::<Vec<_>>(),
                    want.iter().map(key).collect::<Vec<_>>(),
                    "{piece_bytes}"
                );
            }
        }

        /// Anything out of the ordinary is left to the scan, wherever the cuts fall: a
        /// missing or extra comma, a bad element (with or without a line inside it that
        /// opens an object), text after the array, no closing bracket, an object for an
        /// array.
        #[test]
        fn anything_else_is_left_to_the_scan() {
            let (a, b) = (source("a.txt"), source("b.txt"));
            let nested = r#"{"document": "n.txt", "language": "ar", "sha256": "00",
  "description": "d", "x": {"y": 1}
}"#;
            let inner = "{\"document\": \"i.txt\",\n{\"language\": \"ar\"}}";
            for text in [
                format!("[\n{a}\n{b}\n]"),
                format!("[\n{a},\n{b},\n]"),
                format!("[\n{a},\n{{\"document\": 1}},\n{b}\n]"),
                format!("[\n{a},\n{b}\n] x"),
                format!("[\n{a},\n{b}\n"),
                format!("[\n{a},\n{nested},\n{b}\n]"),
                format!("[\n{a},\n{inner},\n{b}\n]"),
                format!("{{\n{a}\n}}"),
            ] {
                for piece_bytes in [1, 7, 64, 1 << 20] {
                    assert!(parse_cut::<Source>(&text, piece_bytes).is_none(), "{text}");
                }
            }
        }
    }
}

/// The elements that parse as `T`, in order, each with its index and site.
///
/// Elements are parsed on every core straight into their place (an indexed collect, which
/// writes into one list; a filtered one would gather pieces and copy them), then the few that
/// do not parse are dropped in place: a million relations are held once, not twice, on top of
/// the file's bytes.
fn parse_elements<T: DeserializeOwned + Send>(
    raws: &[&RawValue],
    sites: &[(usize, usize)],
) -> Vec<Element<T>> {
    let slots: Vec<Option<Element<T>>> = raws
        .par_iter()
        .zip(sites)
        .enumerate()
        .with_min_len(1024)
        .map(|(index, (raw, &(line, column)))| {
            let value = serde_json::from_str::<T>(raw.get()).ok()?;
            Some(Element {
                index,
                line,
                column,
                value,
            })
        })
        .collect();
    // `filter_map`, not `flatten`: the standard library collects it in place, in the slots'
    // own allocation.
    #[allow(clippy::filter_map_identity)]
    slots.into_iter().filter_map(|slot| slot).collect()
}

/// Parses again, in order, the elements [`parse_elements`] dropped, and reports each one's
/// problem with its location and, where it can be read, its id.
fn report_failures<T: DeserializeOwned>(
    file: &str,
    what: &str,
    raws: &[&RawValue],
    sites: &[(usize, usize)],
    parsed: &mut ParsedFile<T>,
    problems: &mut Vec<Problem>,
) {
    let mut next_good = parsed.elements.iter().map(|e| e.index).peekable();
    for (index, raw) in raws.iter().enumerate() {
        if next_good.next_if_eq(&index).is_some() {
            continue;
        }
        let json = raw.get();
        let Err(e) = serde_json::from_str::<T>(json) else {
            continue; // Parsing is deterministic: it failed above.
        };
        let offset = offset_of(json, e.line(), e.column());
        let mut message = strip_position(&e.to_string());
        let code = classify(&message);
        if code == Code::TooDeep {
            message = too_deep();
        }
        let mut problem = Problem::error(
            code,
            Location::within(file, sites[index], json, offset),
            format!("{what}: {message}"),
        )
        .with_path(format!("$[{index}]"));
        if let Ok(IdProbe { id, document }) = serde_json::from_str(json)
            && let Some(id) = id.or(document)
        {
            problem.message = format!("{what} {}: {message}", quote(&id));
            parsed.failed_ids.push(id.clone());
            problem = problem.with_id(id);
        }
        problems.push(problem);
    }
}

/// The message for JSON nested deeper than [`limits::MAX_DEPTH`].
fn too_deep() -> String {
    format!("JSON nested deeper than {} levels", limits::MAX_DEPTH)
}

/// The kind of a serde error, from its message: serde_json tells only whether an error is
/// one of syntax, data, end of file or I/O ([`serde_json::error::Category`]), and says which
/// data error in words (serde's `duplicate_field`, `unknown_field`, `missing_field`,
/// `unknown_variant` and the model's own date errors), so this is the one place that reads
/// those words.
fn classify(message: &str) -> Code {
    if message.starts_with("recursion limit exceeded") {
        Code::TooDeep
    } else if message.starts_with("duplicate field") {
        Code::DuplicateKey
    } else if message.starts_with("unknown field") {
        Code::UnknownField
    } else if message.starts_with("missing field") {
        Code::MissingField
    } else if message.contains("impossible date") || message.contains("invalid date") {
        Code::InvalidDate
    } else if message.starts_with("unknown variant") {
        Code::UnknownKind
    } else {
        Code::InvalidValue
    }
}

/// Removes serde_json's " at line L column C" suffix; the location is reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// The byte offset of serde_json's 1-based (line, byte column) in `text`, clamped to it.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut offset = (line_start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Turns increasing byte offsets into lines and columns in one pass over the text: each byte
/// is read once, however long its line (a minified file is one line).
#[derive(Default)]
struct LineCounter {
    offset: usize,
    /// Line feeds before `offset`.
    line: usize,
    /// Characters between the last line feed and `offset`.
    column: usize,
}

impl LineCounter {
    /// A counter that counts lines and columns from byte `offset` on, as from a text's start.
    fn from(offset: usize) -> LineCounter {
        LineCounter {
            offset,
            ..LineCounter::default()
        }
    }

    fn advance(&mut self, text: &str, to: usize) -> (usize, usize) {
        let passed = &text[self.offset..to];
        match passed.rfind('\n') {
            Some(last) => {
                self.line += passed.matches('\n').count();
                self.column = passed[last + 1..].chars().count();
            }
            None => self.column += passed.chars().count(),
        }
        self.offset = to;
        (self.line + 1, self.column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn parse(text: &str) -> (Vec<Element<Source>>, Vec<Problem>) {
        let mut problems = Vec::new();
        let parsed =
            parse_array::<Source>("sources.json", text.as_bytes(), "source", &mut problems);
        (parsed.elements, problems)
    }

    const GOOD: &str =
        r#"{"document": "a.txt", "language": "ar", "sha256": "00", "description": "d"}"#;

    #[test]
    fn every_bad_element_is_reported() {
        let text = format!(
            "[\n  {GOOD},\n  {{\"document\": \"b.txt\", \"language\": \"ar\"}},\n  {{\"document\": \"c.txt\", \"x\": 1}}\n]"
        );
        let (elements, problems) = parse(&text);
        assert_eq!(elements.len(), 1);
        assert_eq!((elements[0].line, elements[0].column), (2, 3));
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "sources.json:3:41: error[missing-field] $[1]: source \"b.txt\": missing field `sha256`",
                "sources.json:4:27: error[unknown-field] $[2]: source \"c.txt\": unknown field `x`, expected one of `document`, `kind`, `language`, `sha256`, `description`",
            ]
        );
    }

    #[test]
    fn syntax_errors_have_a_location() {
        let (_, problems) = parse("[\n  {\"document\": }\n]");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, Code::Syntax);
        assert_eq!(problems[0].location.line, Some(2));
    }

    #[test]
    fn bom_is_accepted_and_bad_utf8_is_not() {
        let (elements, problems) = parse(&format!("\u{FEFF}[{GOOD}]"));
        assert_eq!((elements.len(), problems.len()), (1, 0));
        let mut problems = Vec::new();
        parse_array::<Source>("s.json", b"[\"\xff\"]", "source", &mut problems);
        assert_eq!(problems[0].code, Code::InvalidUtf8);
    }

    /// Elements and problems are located as a count from the start of the file would locate
    /// them, on one line or many.
    #[test]
    fn lines_and_columns_are_counted_once_on_one_line_or_many() {
        let element = |doc: &str| {
            format!(
                r#"{{"document": "{doc}", "language": "ar", "sha256": "00", "description": "é"}}"#
            )
        };
        let bad = |doc: &str| format!(r#"{{"document": "{doc}", "x": 1}}"#);
        for gap in [" ", "", "\n", " \n  ", "\n\n"] {
            let parts = [element("a"), bad("b"), element("ب"), bad("c"), element("d")];
            let text = format!("[{}]", parts.join(&format!(",{gap}")));
            let (elements, problems) = parse(&text);
            for e in &elements {
                let start = text.find(&element(&e.value.document)).unwrap();
                let expected = Location::at("sources.json", &text, start);
                assert_eq!(
                    (Some(e.line), Some(e.column)),
                    (expected.line, expected.column)
                );
            }
            for (problem, doc) in problems.iter().zip(["b", "c"]) {
                let start = text.find(&bad(doc)).unwrap();
                let e = serde_json::from_str::<Source>(&bad(doc)).unwrap_err();
                let offset = start + offset_of(&bad(doc), e.line(), e.column());
                assert_eq!(
                    problem.location,
                    Location::at("sources.json", &text, offset)
                );
            }
        }
    }

    #[test]
    fn a_non_array_is_named() {
        let (_, problems) = parse("{}");
        assert_eq!(
            problems[0].message,
            "expected a JSON array of source objects"
        );
    }
}
