//! The checks of `sources.json`: document names, hashes, kinds and languages.

use foldhash::{HashMap, HashMapExt};

use super::*;
use crate::load::json::Element;
use crate::load::problem::Code;
use crate::load::problem::Problem;
use crate::load::texts::{is_plain_file_name, is_sha256_hex};
use crate::model::{Source, SourceKind};

pub(super) fn check_sources<'a>(
    sources: &'a [Element<Source>],
    file: &str,
    problems: &mut Vec<Problem>,
) -> HashMap<&'a str, SourceKind> {
    let mut documents = HashMap::new();
    for element in sources {
        let source = &element.value;
        let at = Site::new(file, element, "source", source.document.as_str());
        check_text(&at, ".document", &source.document, Length::Name, problems);
        check_text(&at, ".language", &source.language, Length::Name, problems);
        check_text(
            &at,
            ".description",
            &source.description,
            Length::Text,
            problems,
        );
        if documents
            .insert(source.document.as_str(), source.kind)
            .is_some()
        {
            problems.push(at.error(Code::DuplicateId, ".document", "document listed twice"));
        }
        if !is_sha256_hex(&source.sha256) {
            problems.push(at.error(
                Code::InvalidSha256,
                ".sha256",
                "sha256 must be 64 lowercase hex digits (`sha256sum FILE` prints it)",
            ));
        }
        if !is_plain_file_name(&source.document) {
            problems.push(at.error(
                Code::InvalidDocument,
                ".document",
                "document must be a plain file name inside the sources folder",
            ));
        }
    }
    documents
}
