//! The synthetic source documents: reports made of one sentence per relation, in English and
//! in Arabic, that the evidence spans point into. Each is written when full, and its sha256
//! goes into `sources.json`, so that `actorgraph check --sources` verifies every span.

use std::io;
use std::path::{Path, PathBuf};

use actorgraph::{Evidence, Source};

/// Sentences per document (about 2–3 MB each, well under the loader's 64 MiB limit).
const SENTENCES_PER_DOCUMENT: usize = 20_000;

/// One report being written.
#[derive(Debug)]
struct Report {
    language: &'static str,
    number: usize,
    text: String,
    sentences: usize,
}

impl Report {
    fn new(language: &'static str, number: usize) -> Report {
        let text = format!(
            "Synthetic conflict report {language}-{number:03}, generated for the actorgraph benchmarks.\n\n"
        );
        Report {
            language,
            number,
            text,
            sentences: 0,
        }
    }

    fn document(&self) -> String {
        format!("report-{}-{:03}.txt", self.language, self.number)
    }
}

/// The documents of one generated graph, written into one folder.
#[derive(Debug)]
pub struct Documents {
    dir: PathBuf,
    english: Report,
    arabic: Report,
    sources: Vec<Source>,
}

impl Documents {
    /// Documents to be written into `dir`.
    pub fn new(dir: &Path) -> Documents {
        Documents {
            dir: dir.to_owned(),
            english: Report::new("en", 0),
            arabic: Report::new("ar", 0),
            sources: Vec::new(),
        }
    }

    /// Adds an English sentence and returns the evidence span that cites it.
    pub fn cite_english(&mut self, sentence: &str) -> io::Result<Evidence> {
        let english = &mut self.english;
        let evidence = append(english, sentence);
        if english.sentences == SENTENCES_PER_DOCUMENT {
            let next = Report::new("en", english.number + 1);
            let full = std::mem::replace(english, next);
            self.sources.push(write(&self.dir, full)?);
        }
        Ok(evidence)
    }

    /// Adds an Arabic sentence and returns the evidence span that cites it.
    pub fn cite_arabic(&mut self, sentence: &str) -> io::Result<Evidence> {
        let arabic = &mut self.arabic;
        let evidence = append(arabic, sentence);
        if arabic.sentences == SENTENCES_PER_DOCUMENT {
            let next = Report::new("ar", arabic.number + 1);
            let full = std::mem::replace(arabic, next);
            self.sources.push(write(&self.dir, full)?);
        }
        Ok(evidence)
    }

    /// Writes the documents still open and returns every source, English ones first.
    pub fn finish(mut self) -> io::Result<Vec<Source>> {
        for report in [self.english, self.arabic] {
            if report.sentences > 0 {
                self.sources.push(write(&self.dir, report)?);
            }
        }
        self.sources.sort_by(|a, b| a.document.cmp(&b.document));
        Ok(self.sources)
    }
}

fn append(report: &mut Report, sentence: &str) -> Evidence {
    let start = report.text.len() as u64;
    report.text.push_str(sentence);
    let end = report.text.len() as u64;
    report.text.push('\n');
    report.sentences += 1;
    // A generated report is a few kilobytes: far within the offsets a span may have.
    Evidence::new(report.document().into(), start, end, None).expect("a span of a report")
}

fn write(dir: &Path, report: Report) -> io::Result<Source> {
    let document = report.document();
    std::fs::write(dir.join(&document), report.text.as_bytes())?;
    let language = if report.language == "en" {
        "English"
    } else {
        "Arabic"
    };
    Ok(Source {
        sha256: actorgraph::load::sha256_hex(report.text.as_bytes()),
        document,
        language: report.language.to_owned(),
        kind: actorgraph::SourceKind::Text,
        description: format!(
            "{language} synthetic report {} of {} generated relation statements.",
            report.number, report.sentences
        ),
    })
}
