//! `actorgraph cite DOC "phrase" --sources DIR`: the evidence spans where a phrase stands.

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::{Argument, CliError, Declined, Fault, Missing, NoResult, OK, Verb};
use super::folder::{self, Folder};
use super::output;
use super::target::read_input;
use actorgraph::edit::add::{NewElement, add};
use actorgraph::load::{MAX_DOCUMENT_BYTES, is_plain_file_name, sha256_hex};
use actorgraph::{Evidence, Source, SourceKind, cite};

#[derive(Serialize)]
struct Match<'a> {
    evidence: Evidence,
    text: &'a str,
}

#[derive(Serialize)]
struct CiteJson<'a> {
    document: &'a str,
    phrase: &'a str,
    matches: Vec<Match<'a>>,
    added_source: bool,
}

/// The text of `document` in the sources folder, read as `check` reads source documents.
pub fn document_text(dir: &Path, document: &str) -> Result<(Vec<u8>, String), CliError> {
    if !is_plain_file_name(document) {
        return Err(Argument::DocumentName {
            document: document.to_owned(),
        }
        .into());
    }
    let path = dir.join(document);
    let bytes = read_input(&path, MAX_DOCUMENT_BYTES, "a source document")?;
    let text = String::from_utf8(bytes.clone()).map_err(|_| CliError::File {
        verb: Verb::Read,
        path,
        fault: Fault::NotText,
    })?;
    Ok((bytes, text))
}

/// The sources folder, which `cite` and evidence by phrase need.
pub fn sources_dir<'a>(global: &'a Global, what: &'static str) -> Result<&'a Path, CliError> {
    global
        .sources
        .as_deref()
        .ok_or_else(|| Missing::Sources { what }.into())
}

/// Prints where `phrase` stands in `document`; with `add_source`, lists the document in the
/// --data graph's sources.json first.
pub fn run(
    global: &Global,
    document: &str,
    phrase: &str,
    add_source: bool,
    language: Option<&str>,
) -> Result<ExitCode, CliError> {
    let dir = sources_dir(global, "cite")?;
    let (bytes, text) = document_text(dir, document)?;
    let spans = cite::find(&text, phrase);
    if spans.is_empty() {
        return Err(NoResult::NotCited {
            phrase: phrase.to_owned(),
            document: document.to_owned(),
        }
        .into());
    }
    let mut added_source = false;
    if add_source {
        let folder = Folder::of_data(global, "cite --add-source")?;
        if !folder
            .elements
            .sources
            .iter()
            .any(|s| s.document == document)
        {
            let source = Source {
                document: document.to_owned(),
                kind: SourceKind::Text,
                language: language.unwrap_or(guessed_language(&text)).to_owned(),
                sha256: sha256_hex(&bytes),
                description: format!("{document}, listed by actorgraph cite --add-source."),
            };
            let change = match add(
                &folder.files,
                &folder.elements,
                NewElement::Source(source),
                Some(dir),
            ) {
                Ok(change) => change,
                Err(rejected) => return folder::rejected(global, &rejected),
            };
            folder.write(
                &change,
                vec![("a source document".to_owned(), dir.join(document))],
            )?;
            added_source = true;
        }
    }
    let matches = (spans.into_iter())
        .map(|span| {
            Ok(Match {
                text: &text[span.clone()],
                evidence: Evidence::passage(document.into(), span).map_err(Declined::from)?,
            })
        })
        .collect::<Result<Vec<Match>, CliError>>()?;
    tell(global, document, phrase, matches, added_source)?;
    Ok(ExitCode::from(OK))
}

/// Prints the matches of `phrase` in `document`, and whether the document was listed.
fn tell(
    global: &Global,
    document: &str,
    phrase: &str,
    matches: Vec<Match>,
    added_source: bool,
) -> Result<(), CliError> {
    if global.json {
        output::json(&CiteJson {
            document,
            phrase,
            matches,
            added_source,
        })?;
    } else {
        let mut out = String::new();
        if added_source {
            out.push_str(&format!("listed {document} in sources.json\n"));
        }
        out.push_str(&format!("{} match(es) in {document}\n", matches.len()));
        for m in &matches {
            let e = &m.evidence;
            out.push_str(&format!(
                "{{\"document\": {}, \"start_byte\": {}, \"end_byte\": {}}}\n    {}\n",
                serde_json::to_string(document).unwrap_or_default(),
                e.start_byte(),
                e.end_byte(),
                output::terminal(m.text)
            ));
        }
        output::text(&out)?;
    }
    Ok(())
}

/// The language of a document listed without `--language`: Arabic when it has more Arabic
/// than ASCII letters, else English.
fn guessed_language(text: &str) -> &'static str {
    let arabic = text
        .chars()
        .filter(|&c| actorgraph::text::is_arabic(c))
        .count();
    let latin = text.chars().filter(char::is_ascii_alphabetic).count();
    if arabic > latin { "ar" } else { "en" }
}
