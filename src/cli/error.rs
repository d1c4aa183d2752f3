//! Errors of the command line and the exit code each maps to.
//!
//! Every way a command can fail is a kind here (an enum variant), and every message the
//! command line prints for a failure is written here, once: a call site says *what* went wrong
//! with the values at hand, never how to phrase it.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;
use std::process::ExitCode;

use actorgraph::cache::ColdError;
use actorgraph::load::{InvalidGraph, ReadError};
use actorgraph::names::NameError;

/// Success.
pub const OK: u8 = 0;
/// Invalid data or no result (no path, nothing matched).
pub const INVALID: u8 = 1;
/// Usage or I/O error.
pub const USAGE: u8 = 2;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The graph folder could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The graph has errors.
    #[error(transparent)]
    Invalid(#[from] InvalidGraph),
    /// A name did not resolve to one actor.
    #[error(transparent)]
    Name(#[from] NameError),
    /// An id given on the command line is not a slug.
    #[error(transparent)]
    Id(#[from] actorgraph::NotASlug),
    /// A file or folder the command reads or writes cannot be used.
    #[error("cannot {verb} {}: {fault}{}", path.display(), verb.hint())]
    File {
        /// What the command was doing with it.
        verb: Verb,
        /// The file or folder.
        path: PathBuf,
        /// What went wrong.
        fault: Fault,
    },
    /// Standard input could not be read.
    #[error("cannot read standard input: {0}")]
    Stdin(std::io::Error),
    /// The command needs an option that was not given.
    #[error(transparent)]
    Missing(#[from] Missing),
    /// An argument's value, or a combination of arguments, the command cannot take.
    #[error(transparent)]
    Argument(#[from] Argument),
    /// The command refuses to write where it was asked to.
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// A step of the library turned the request down (a lexicon, a mapping, a table, a
    /// rendering, a size limit); its error says why.
    #[error(transparent)]
    Declined(#[from] Declined),
    /// The question has no answer (no path, nothing found).
    #[error(transparent)]
    NoResult(#[from] NoResult),
    /// Writing the output failed.
    #[error("cannot write output: {0}")]
    Io(#[from] std::io::Error),
    /// The cache failed a check while an answer read from it was being written, after it
    /// passed every check on a first reading (a snapshot's or a diff's rows, read twice).
    #[error("cannot read the cache: {0}")]
    Cache(#[from] actorgraph::cache::CacheError),
}

/// What a command was doing with a file when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// Reading a file.
    Read,
    /// Reading the text `extract` works on.
    ReadText,
    /// Reading the lexicon `extract --lexicon` names.
    ReadLexicon,
    /// Reading the views file `export --all` draws.
    ReadViews,
    /// Writing a file.
    Write,
    /// Writing the binary cache.
    WriteCache,
    /// Creating a folder.
    Create,
}

impl Verb {
    /// What to do about it, when the failure alone does not say.
    fn hint(self) -> String {
        match self {
            Verb::ReadText => format!(
                " (a text of at most {} MiB)",
                actorgraph::load::MAX_DOCUMENT_BYTES >> 20
            ),
            Verb::ReadViews => format!(
                "; export --all draws the views a graph folder lists in its {} (see README, \
                 Diagrams and exchange)",
                actorgraph::export::views::VIEWS_FILE
            ),
            _ => String::new(),
        }
    }
}

impl fmt::Display for Verb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verb::Read | Verb::ReadText | Verb::ReadViews => "read",
            Verb::ReadLexicon => "read lexicon",
            Verb::Write => "write",
            Verb::WriteCache => "write the cache",
            Verb::Create => "create",
        })
    }
}

/// What was wrong with a file the command reads or writes.
#[derive(Debug, thiserror::Error)]
pub enum Fault {
    /// The system refused (missing, no permission, disk full…).
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A folder, a device or a pipe where a file was expected.
    #[error("not a regular file")]
    NotRegular,
    /// Over the size limit for this kind of file.
    #[error("larger than the {} MiB limit for {what}", limit >> 20)]
    TooLarge {
        /// The kind of file ("a source document").
        what: &'static str,
        /// The limit in bytes.
        limit: u64,
    },
    /// Bytes that are not UTF-8 where text was expected.
    #[error("not UTF-8 text")]
    NotText,
}

/// An option the command needs and did not get.
#[derive(Debug, thiserror::Error)]
pub enum Missing {
    /// A question about one date or a period, asked with neither.
    #[error("{command} needs a date: --at DATE, or --from DATE and/or --until DATE")]
    Date {
        /// The command or view ("allies", "snapshot").
        command: String,
    },
    /// An option that only applies to a date or a period, given without one.
    #[error("{flag} needs a date: add --at DATE or --from/--until")]
    DateFor {
        /// The option ("--certain").
        flag: &'static str,
    },
    /// A command that reads the source documents, without their folder.
    #[error("{what} reads the source documents: give their folder with --sources DIR")]
    Sources {
        /// The command or option ("coverage", "--evidence").
        what: &'static str,
    },
    /// A command that changes a graph folder, without one.
    #[error(
        "{command} changes a graph folder: give it with --data DIR (the built-in graph cannot be \
         changed; `actorgraph init DIR` starts a graph)"
    )]
    GraphFolder {
        /// The command ("add", "remove").
        command: String,
    },
    /// `index` without a graph folder.
    #[error(
        "index needs --data DIR, a graph folder (entities.json, relations.json, sources.json); \
         the built-in graph and node-link files are not cached"
    )]
    CacheFolder,
    /// `add` with nothing to add.
    #[error(
        "say what to add: `add entity …`, `add relation …`, or `add --json -` with the element \
         on standard input"
    )]
    WhatToAdd,
    /// An export of several files without an output folder.
    #[error("{format} export writes several files ({parts}): give the output folder with -o DIR")]
    OutputFolder {
        /// The format ("neo4j").
        format: String,
        /// The files it writes, comma-separated.
        parts: String,
    },
}

/// An argument's value, or a combination of arguments, that the command cannot take.
#[derive(Debug, thiserror::Error)]
pub enum Argument {
    /// An option that belongs to another command or format.
    #[error("{flag} {belongs}")]
    Elsewhere {
        /// The option ("--render").
        flag: &'static str,
        /// Where it belongs, and what to write instead.
        belongs: &'static str,
    },
    /// A date or period option `export timeline` does not take.
    #[error(
        "export timeline draws every date of the relations it shows: {flag} does not apply \
         (choose rows with --actor NAME and relations with --kind and --status)"
    )]
    TimelineDates {
        /// The option ("--at").
        flag: &'static str,
    },
    /// A period whose end comes before its start.
    #[error(transparent)]
    Period(#[from] actorgraph::model::PeriodError),
    /// `diff` with its dates in the wrong order.
    #[error(
        "the second date {second} is before the first {first}: diff compares an earlier date \
         with a later one (actorgraph diff {second} {first})"
    )]
    DiffOrder {
        /// The first date given.
        first: String,
        /// The second date given.
        second: String,
    },
    /// `relations` with more than two `--with`.
    #[error(
        "{count} actors given ({given}): name one actor for its relations, or two for the \
         relations between a pair"
    )]
    TooManyActors {
        /// How many.
        count: usize,
        /// The options as given.
        given: String,
    },
    /// A pair of names that both name one actor.
    #[error("{first:?} and {second:?} both name {id}: give two different actors for a pair")]
    SameActor {
        /// The first name given.
        first: String,
        /// The second name given.
        second: String,
        /// The actor both name.
        id: String,
    },
    /// A number of paths outside the accepted range.
    #[error("-k must be between 1 and {max}")]
    PathCount {
        /// The most paths one question may ask for.
        max: usize,
    },
    /// `--name` not written LANG=NAME.
    #[error("--name {given:?}: write LANG=NAME, e.g. en=\"Ansar Dine\"")]
    NameForm {
        /// The value given.
        given: String,
    },
    /// `--name` in a language the graph does not name in.
    #[error("--name {lang}=…: the languages are en, ar and fr; give other spellings with --alias")]
    NameLanguage {
        /// The language given.
        lang: String,
    },
    /// `--evidence` not written DOC:"phrase".
    #[error(
        "--evidence {given:?}: write DOC:\"phrase\" (the document's file name, a colon, the phrase)"
    )]
    EvidenceForm {
        /// The value given.
        given: String,
    },
    /// `--evidence` quoting a phrase the document does not hold.
    #[error(
        "--evidence: {phrase:?} is not in {document}; `actorgraph cite {document} PHRASE` shows \
         where a passage stands"
    )]
    EvidenceAbsent {
        /// The phrase.
        phrase: String,
        /// The document.
        document: String,
    },
    /// `--evidence` quoting a phrase that stands more than once in the document.
    #[error(
        "--evidence: {phrase:?} stands {} times in {document} (bytes {}); quote more of the \
         passage so it names one",
        spans.len(),
        spans.iter().map(|s| format!("{}..{}", s.start, s.end)).collect::<Vec<_>>().join(", ")
    )]
    EvidenceAmbiguous {
        /// The phrase.
        phrase: String,
        /// The document.
        document: String,
        /// Where it stands, in bytes.
        spans: Vec<Range<usize>>,
    },
    /// A document name with a folder or `..` in it.
    #[error("{document:?} is not a plain file name: name a document inside the --sources folder")]
    DocumentName {
        /// The name given.
        document: String,
    },
    /// A path that names no file (it ends in `..` or `/`).
    #[error("{}: not a file name", path.display())]
    FileName {
        /// The path given.
        path: PathBuf,
    },
    /// `import --map` naming a mapping file that cannot be read.
    #[error("--map {path}: cannot read it ({error}); give ucdp, acled or a mapping file")]
    MapFile {
        /// The value given.
        path: String,
        /// Why it cannot be read.
        error: std::io::Error,
    },
    /// An output whose image format cannot be told from its extension.
    #[error(
        "cannot tell what to write to {} from its extension: name it .svg, .png or .pdf for an \
         image, .dot for the DOT text, or give --render svg|png|pdf",
        path.display()
    )]
    ImageExtension {
        /// The output path.
        path: PathBuf,
    },
    /// `man` for a subcommand that does not exist.
    #[error("no subcommand {name:?} has a manual page; the subcommands are: {known}")]
    Manual {
        /// The name given.
        name: String,
        /// The subcommands, comma-separated.
        known: String,
    },
    /// A file given as candidates that `extract --json` did not write.
    #[error(
        "{} is not a candidates file (as `actorgraph extract --json` writes): {error}",
        path.display()
    )]
    Candidates {
        /// The file.
        path: PathBuf,
        /// Where its JSON departs from the candidates' form.
        error: serde_json::Error,
    },
    /// A base IRI that cannot name the resources of a Turtle export.
    #[error(transparent)]
    BaseIri(#[from] actorgraph::export::rdf::BaseIriError),
}

/// Where the command refuses to write.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    /// A folder that already holds a graph, given to a command that starts one.
    #[error("{} already holds {file}: {command}; choose a new folder", dir.display())]
    Occupied {
        /// The folder.
        dir: PathBuf,
        /// The graph file found there.
        file: &'static str,
        /// What the command does ("init only starts a new graph").
        command: &'static str,
    },
    /// A path that is not a folder, given as a graph folder.
    #[error("{} is not a graph folder; `actorgraph init {}` creates one", dir.display(), dir.display())]
    NotAGraphFolder {
        /// The path.
        dir: PathBuf,
    },
    /// `--data` naming a file, to a command that changes a graph folder.
    #[error("{command} changes a graph folder, and {} is not one", path.display())]
    NotAFolder {
        /// The command.
        command: String,
        /// The path given.
        path: PathBuf,
    },
    /// An output that is one of the files the command reads.
    #[error("refusing to write {}: it is {what} this command reads; choose another output", path.display())]
    OwnInput {
        /// The output.
        path: PathBuf,
        /// Which input it is ("the graph file entities.json").
        what: String,
    },
}

/// A step of the library that turned the request down; each says why in its own words.
#[derive(Debug, thiserror::Error)]
pub enum Declined {
    /// `remove` of an element others refer to.
    #[error(transparent)]
    Remove(actorgraph::edit::remove::RemoveError),
    /// `accept` of candidates that cannot be added.
    #[error(transparent)]
    Accept(#[from] actorgraph::extract::accept::AcceptError),
    /// A text `extract` cannot read.
    #[error(transparent)]
    Text(#[from] actorgraph::extract::TextError),
    /// A span found in a document that an evidence span cannot hold.
    #[error("the span found cannot be cited: {0}")]
    Span(#[from] actorgraph::SpanOutOfRange),
    /// A language `extract` does not know.
    #[error(transparent)]
    Language(#[from] actorgraph::extract::UnknownLang),
    /// A lexicon with errors.
    #[error("lexicon {file}: {error}")]
    Lexicon {
        /// The lexicon file, or "built-in".
        file: String,
        /// What is wrong in it.
        error: actorgraph::extract::LexiconError,
    },
    /// An import mapping with errors.
    #[error(transparent)]
    Mapping(#[from] actorgraph::import::custom::MappingError),
    /// A table `import` cannot read.
    #[error(transparent)]
    Table(#[from] actorgraph::import::TableError),
    /// A views file with errors.
    #[error(transparent)]
    Views(#[from] actorgraph::export::views::ViewsError),
    /// A view that cannot be drawn.
    #[error(transparent)]
    View(#[from] actorgraph::export::views::ViewError),
    /// A view whose rendering failed.
    #[error("view {view}: {error}")]
    ViewRender {
        /// The view's name.
        view: String,
        /// Why its rendering failed.
        error: Box<CliError>,
    },
    /// Graphviz failed to render.
    #[error(transparent)]
    Render(#[from] actorgraph::export::render::RenderError),
    /// A selection too big for the explorer.
    #[error(transparent)]
    TooBig(#[from] actorgraph::export::html::TooBig),
    /// A Parquet export that would write over something else, or could not be written.
    #[error(transparent)]
    Parquet(#[from] actorgraph::export::parquet::ExportError),
    /// A source document the graph cites that cannot be read, or is not the document cited.
    #[error("{}", .0.message)]
    SourceText(Box<actorgraph::load::Problem>),
    /// A graph folder that cannot be started.
    #[error(transparent)]
    Start(#[from] actorgraph::edit::Rejected),
}

/// A question with no answer.
#[derive(Debug, thiserror::Error)]
pub enum NoResult {
    /// `find` matched no name.
    #[error(
        "no name holds {text:?}, in any spelling{}; `actorgraph list` lists every entity \
         (`--kind K` those of a kind), with their names",
        nearest(suggestions)
    )]
    NoName {
        /// The text looked for.
        text: String,
        /// The names nearest by spelling.
        suggestions: Vec<String>,
    },
    /// `path` found no path.
    #[error("no path from {from} to {to} within {hops} hops through the relations asked for")]
    NoPath {
        /// The first actor's id.
        from: String,
        /// The second actor's id.
        to: String,
        /// The most hops searched.
        hops: usize,
    },
    /// `cite` did not find the phrase.
    #[error(
        "{phrase:?} is not in {document} (compared without diacritics, letter forms, case, \
         accents, quotes or whitespace): quote the passage as it reads"
    )]
    NotCited {
        /// The phrase.
        phrase: String,
        /// The document.
        document: String,
    },
    /// `remove` of an id the graph does not hold.
    #[error(transparent)]
    Unknown(actorgraph::edit::remove::RemoveError),
    /// The coverage of a document that cannot be computed.
    #[error(transparent)]
    Coverage(#[from] actorgraph::coverage::StaleExclusion),
    /// An exclusions file with errors.
    #[error(transparent)]
    Exclusions(#[from] actorgraph::coverage::ExclusionError),
    /// A timeline with no row.
    #[error(transparent)]
    EmptyTimeline(actorgraph::export::timeline::TimelineError),
}

/// "; the nearest by spelling: A, B" when there are suggestions.
fn nearest(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; the nearest by spelling: {}", suggestions.join(", "))
    }
}

impl From<ColdError> for CliError {
    fn from(error: ColdError) -> CliError {
        match error {
            ColdError::Read(e) => CliError::Read(e),
            ColdError::Invalid(e) => CliError::Invalid(e),
        }
    }
}

impl CliError {
    /// The documented exit code.
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(match self {
            CliError::Invalid(_) | CliError::NoResult(_) | CliError::Cache(_) => INVALID,
            CliError::Read(_)
            | CliError::Name(_)
            | CliError::Id(_)
            | CliError::File { .. }
            | CliError::Stdin(_)
            | CliError::Missing(_)
            | CliError::Argument(_)
            | CliError::Refused(_)
            | CliError::Declined(_)
            | CliError::Io(_) => USAGE,
        })
    }

    /// Prints the error and its causes on stderr, one line each, terminal-safe; never fails.
    pub fn report(&self) {
        if let CliError::Io(e) = self
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            return; // A closed pipe (`| head`) is not an error worth a message.
        }
        let mut message = format!("error: {self}");
        if let CliError::Invalid(invalid) = self {
            for problem in invalid.errors.iter().take(5) {
                message.push_str(&format!("\n  {problem}"));
            }
        }
        super::output::diagnostic(&message);
    }

    /// True when the error is a closed output pipe.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Prints what clap found wrong with the arguments (or the help or version asked for) and
/// returns its exit code: 2 for a usage error, 0 for `--help` and `--version`.
///
/// An argument value echoed in the message goes through the terminal-safe rendering like any
/// other text; a stdout or stderr that cannot be written is not a panic.
pub fn usage_error(error: &clap::Error) -> ExitCode {
    let text = error.render().to_string();
    if error.use_stderr() {
        super::output::diagnostic(text.trim_end());
        ExitCode::from(USAGE)
    } else {
        let _ = super::output::text(&text);
        ExitCode::from(OK)
    }
}
