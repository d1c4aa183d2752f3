//! Problems found in a graph: what is wrong, where, and with which id.

use std::fmt;

use serde::Serialize;

/// `text` in double quotes for messages: quotes, backslashes and every invisible character
/// ([`crate::text::is_invisible`]: controls, bidi controls, zero-width) escaped as `\u{..}`;
/// every other character, Arabic included, kept as it is.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if crate::text::is_invisible(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// How serious a problem is: errors make a graph invalid, warnings do not (unless strict).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The graph cannot be used.
    Error,
    /// The graph is usable but something deserves a look.
    Warning,
}

/// A place in a data file: the file name and, where known, the 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    /// The file name within the graph folder (`relations.json`) or a source document.
    pub file: String,
    /// 1-based line, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column in characters, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Location {
    /// A location covering a whole file.
    pub fn file(file: &str) -> Location {
        Location {
            file: file.to_owned(),
            line: None,
            column: None,
        }
    }

    /// The location of byte `offset` in `text`, a file called `file`.
    pub fn at(file: &str, text: &str, offset: usize) -> Location {
        Location::within(file, (1, 1), text, offset)
    }

    /// The location of byte `offset` in `text`, a part of `file` that starts at `start`
    /// (1-based line and column). Only the part is read, so locating problems in each of many
    /// elements of one file (even a file on one line) takes time linear in the file.
    pub fn within(file: &str, start: (usize, usize), text: &str, offset: usize) -> Location {
        let before = text.get(..offset).unwrap_or(text);
        let (line, column) = match before.rfind('\n') {
            Some(i) => (
                start.0 + before.matches('\n').count(),
                before[i + 1..].chars().count() + 1,
            ),
            None => (start.0, start.1 + before.chars().count()),
        };
        Location {
            file: file.to_owned(),
            line: Some(line),
            column: Some(column),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(column) = self.column {
            write!(f, ":{column}")?;
        }
        Ok(())
    }
}

/// Declares [`Code`]: each variant with its stable kebab-case name.
macro_rules! codes {
    ($($variant:ident = $name:literal,)*) => {
        /// The kind of a [`Problem`], with a stable kebab-case name (`unknown-entity`) that
        /// tools match on; `check --json` prints the name, the text output `error[name]`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in order of its name.
            pub const ALL: &[Code] = &[$(Code::$variant,)*];

            /// The stable kebab-case name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }
        }
    };
}

// Every kind of problem the loader, the validation, `import` and `extract` report, by name.
codes! {
    BadDate = "bad-date",
    BadNumber = "bad-number",
    BadRow = "bad-row",
    ContradictoryDate = "contradictory-date",
    DuplicateId = "duplicate-id",
    DuplicateKey = "duplicate-key",
    EmptyName = "empty-name",
    EndBeforeStart = "end-before-start",
    InvalidCasualties = "invalid-casualties",
    InvalidDate = "invalid-date",
    InvalidDocument = "invalid-document",
    InvalidId = "invalid-id",
    InvalidSha256 = "invalid-sha256",
    InvalidSpan = "invalid-span",
    InvalidUtf8 = "invalid-utf8",
    InvalidValue = "invalid-value",
    KindMismatch = "kind-mismatch",
    MissingColumn = "missing-column",
    MissingField = "missing-field",
    MissingRow = "missing-row",
    NoEvidence = "no-evidence",
    NotAnArray = "not-an-array",
    OutlivesEntity = "outlives-entity",
    RowLeftOut = "row-left-out",
    RowOfText = "row-of-text",
    SelfRelation = "self-relation",
    Sha256Mismatch = "sha256-mismatch",
    SharedAlias = "shared-alias",
    SourceUnreadable = "source-unreadable",
    SpanMissesEndpoints = "span-misses-endpoints",
    SpanTooLong = "span-too-long",
    SuspiciousName = "suspicious-name",
    SuspiciousText = "suspicious-text",
    Syntax = "syntax",
    TimelessDated = "timeless-dated",
    TooDeep = "too-deep",
    TooLong = "too-long",
    TooMany = "too-many",
    UnknownCode = "unknown-code",
    UnknownDocument = "unknown-document",
    UnknownEntity = "unknown-entity",
    UnknownField = "unknown-field",
    UnknownKind = "unknown-kind",
    UnknownPrecision = "unknown-precision",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One thing wrong with a graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// A stable, kebab-case name for the kind of problem (`unknown-entity`), for tools.
    pub code: Code,
    /// Where it is.
    pub location: Location,
    /// The JSON path of the offending value (`$[12].target`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The id of the entity, relation or source involved, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What is wrong and, where it helps, what to do; lowercase, no final period.
    pub message: String,
}

impl Problem {
    /// An error at `location`.
    pub fn error(code: Code, location: Location, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            code,
            location,
            path: None,
            id: None,
            message: message.into(),
        }
    }

    /// A warning at `location`.
    pub fn warning(code: Code, location: Location, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(code, location, message)
        }
    }

    /// The same problem, naming the JSON path of the value.
    pub fn with_path(mut self, path: impl Into<String>) -> Problem {
        self.path = Some(path.into());
        self
    }

    /// The same problem, naming the id involved.
    pub fn with_id(mut self, id: impl Into<String>) -> Problem {
        self.id = Some(id.into());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    /// `relations.json:120:5: error[unknown-entity] $[12].target: relation "x": ...`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {severity}[{}]", self.location, self.code)?;
        if let Some(path) = &self.path {
            write!(f, " {path}")?;
        }
        f.write_str(": ")?;
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_distinct_kebab_case_names_in_order() {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "{names:?}");
        for name in names {
            assert!(crate::model::is_slug(name), "{name}");
        }
    }

    #[test]
    fn location_counts_lines_and_characters() {
        let text = "[\n  {\"ar\": \"غاو\", \"x\": 1}\n]";
        let offset = text.find("\"x\"").unwrap();
        let loc = Location::at("e.json", text, offset);
        assert_eq!(loc.to_string(), "e.json:2:17");
    }

    #[test]
    fn quote_keeps_arabic_and_escapes_controls() {
        assert_eq!(quote("تَأمارِست"), "\"تَأمارِست\"");
        assert_eq!(quote("a\"b\\c\n\u{202E}"), "\"a\\\"b\\\\c\\u{a}\\u{202e}\"");
    }

    #[test]
    fn display_reads_like_a_compiler_message() {
        let p = Problem::error(
            Code::UnknownEntity,
            Location::at("r.json", "a\nb", 2),
            "boom",
        )
        .with_path("$[0].target");
        assert_eq!(
            p.to_string(),
            "r.json:2:1: error[unknown-entity] $[0].target: boom"
        );
    }
}
