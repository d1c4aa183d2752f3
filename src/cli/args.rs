//! Every command-line argument, as clap derive types.

use std::path::PathBuf;

use clap::builder::TypedValueParser as _;
use clap::{Parser, Subcommand};

use actorgraph::export::render::ImageFormat;
use actorgraph::export::{Format, Lang};
use actorgraph::network::{Measure, Step};
use actorgraph::{EntityKind, PartialDate, RelationKind, Status};

/// A knowledge graph of conflict actors and the dated relations between them.
///
/// Without --data, commands use the built-in graph of the Azawad conflict (Mali, 2012–2014).
/// Exit codes: 0 success, 1 invalid data or no result, 2 usage or I/O error.
#[derive(Debug, Parser)]
#[command(name = "actorgraph", version, about, long_about)]
pub struct Args {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
    /// Options every command takes.
    #[command(flatten)]
    pub global: Global,
}

/// Options every command takes.
#[derive(Debug, clap::Args)]
pub struct Global {
    /// Graph folder (entities.json, relations.json, sources.json) instead of the built-in one.
    #[arg(long, global = true, env = "ACTORGRAPH_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Folder holding the source documents, to check and quote evidence (e.g. ../shared/seeds).
    #[arg(long, global = true, env = "ACTORGRAPH_SOURCES", value_name = "DIR")]
    pub sources: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    /// Parse the JSON files even when the folder has an up-to-date cache (`actorgraph index`).
    /// ACTORGRAPH_NO_CACHE takes 1/0, true/false, yes/no or on/off.
    #[arg(
        long,
        global = true,
        env = "ACTORGRAPH_NO_CACHE",
        action = clap::ArgAction::SetTrue,
        value_parser = clap::builder::BoolishValueParser::new(),
    )]
    pub no_cache: bool,
    /// Keep every table cell whole, however wide the terminal (tables are otherwise cut to the
    /// terminal's width, long cells ending in …, when stdout is a terminal).
    #[arg(long, global = true)]
    pub wide: bool,
    /// Fit tables to N display columns (at least 20), even when stdout is not a terminal.
    #[arg(long, global = true, value_name = "N", conflicts_with = "wide",
          value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
}

/// The language of the words around the data.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct Language {
    /// Language of table headers, kinds, statuses and entity names: en, fr or ar (JSON output
    /// keeps the data's codes).
    #[arg(long, value_name = "LANG", default_value = "en", value_parser = lang_parser())]
    pub lang: Lang,
}

/// en, fr or ar, offered as such to shell completion.
fn lang_parser() -> impl clap::builder::TypedValueParser<Value = Lang> {
    clap::builder::PossibleValuesParser::new(["en", "fr", "ar"]).try_map(|s| s.parse::<Lang>())
}

/// An entity kind, every kind offered to shell completion.
fn entity_kind_parser() -> impl clap::builder::TypedValueParser<Value = EntityKind> {
    clap::builder::PossibleValuesParser::new(EntityKind::ALL.map(EntityKind::as_str))
        .try_map(|s| s.parse::<EntityKind>())
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a graph and report every problem with its location.
    Check {
        /// Treat warnings (missing evidence, spans that name neither endpoint) as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Validate a graph folder and write its binary cache (DIR/actorgraph.cache), so that later
    /// commands with --data DIR start without parsing the JSON. A stale or damaged cache is
    /// detected and rebuilt by any command; --no-cache ignores it.
    Index,
    /// For each source document (--sources DIR), the share of its content sentences that at
    /// least one evidence span covers, and the sentences none covers, with their byte ranges.
    /// Headings and truncated fragments listed in the graph's NOT-ENCODED.md are left out.
    Coverage,
    /// Show an entity (by id, name or alias) or a relation (by id), with quoted evidence when
    /// --sources is given.
    Show {
        /// An entity id, name or alias, or a relation id.
        name: String,
        /// The language of labels.
        #[command(flatten)]
        language: Language,
    },
    /// List every entity (or those of some kinds), by kind and name.
    List {
        /// Only entities of this kind (repeatable or comma-separated).
        #[arg(long = "kind", value_name = "KIND", value_delimiter = ',', value_parser = entity_kind_parser())]
        kinds: Vec<EntityKind>,
        /// The language of labels.
        #[command(flatten)]
        language: Language,
    },
    /// Print a completion script for a shell (bash, zsh, fish, powershell or elvish); see
    /// README.md, "Install".
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page actorgraph(1), or actorgraph-COMMAND(1), as roff (`actorgraph man
    /// | man -l -`); see README.md, "Install".
    Man {
        /// The subcommand whose page to print (e.g. `show`); without it, actorgraph(1).
        command: Option<String>,
        /// Print the names of the subcommands that have a page, one a line, instead.
        #[arg(long, conflicts_with = "command")]
        list: bool,
    },
    /// List the entities whose names match a text, best first, with a score: whole names,
    /// then names holding its words, then names holding it as a word prefix or inside a word.
    Find {
        /// A name, alias or id in Arabic, English or French, in any spelling.
        text: String,
        /// The language of labels.
        #[command(flatten)]
        language: Language,
    },
    /// The actors linked to an actor, with the linking relation.
    Neighbors {
        /// The actor: id, name or alias.
        name: String,
        /// Which relations.
        #[command(flatten)]
        select: Selection,
        /// With or without its parts.
        #[command(flatten)]
        parts: Parts,
        /// The language of labels.
        #[command(flatten)]
        language: Language,
    },
    /// Allies: actors linked by alliance or support (negated relations left out).
    Allies(Relationship),
    /// Enemies: actors linked by conflict or attack (negated relations left out; towns and
    /// peoples are never enemies: attacks on them are not a side).
    Enemies(Relationship),
    /// Relations, filtered: all, one actor's (and, for a place, those held there), or a pair's.
    Relations {
        /// An actor the relations involve; give it twice for the relations between a pair.
        #[arg(long = "with", value_name = "NAME")]
        with: Vec<String>,
        /// Which relations.
        #[command(flatten)]
        select: Selection,
        /// With or without the actors' parts.
        #[command(flatten)]
        parts: Parts,
        /// The language of labels.
        #[command(flatten)]
        language: Language,
    },
    /// Everything involving an actor (or a pair) in date order, as a history.
    Timeline {
        /// The actor: id, name or alias.
        name: String,
        /// Only the relations with this other actor.
        #[arg(long = "with", value_name = "NAME")]
        with: Option<String>,
        /// With or without the actors' parts.
        #[command(flatten)]
        parts: Parts,
        /// The language of labels.
        #[command(flatten)]
        language: Language,
    },
    /// The shortest chains of relations linking two actors.
    Path {
        /// Where the path starts.
        from: String,
        /// Where the path ends.
        to: String,
        /// Only through relations holding (at least possibly) on this date.
        #[arg(long, value_name = "DATE")]
        at: Option<PartialDate>,
        /// Only through relations of these kinds.
        #[arg(long = "kind", value_name = "KIND")]
        kinds: Vec<RelationKind>,
        /// Only through relations that certainly hold on --at.
        #[arg(long, requires = "at")]
        certain: bool,
        /// With --at, also through relations the sources do not date.
        #[arg(long, requires = "at")]
        include_undated: bool,
        /// With --at, also through timeless relations (borders, part of, armed forces).
        #[arg(long, requires = "at")]
        timeless: bool,
        /// The longest path to look for, in relations.
        #[arg(long, value_name = "N", default_value_t = 8)]
        max_hops: usize,
        /// Return up to N shortest loop-free paths (JSON: an array).
        #[arg(short, value_name = "N")]
        k: Option<usize>,
        /// The language of labels.
        #[command(flatten)]
        language: Language,
    },
    /// The whole graph as it stood on a day or through a period.
    Snapshot {
        /// Which relations.
        #[command(flatten)]
        select: Selection,
        /// The language of labels.
        #[command(flatten)]
        language: Language,
    },
    /// Export the graph, or a selection of it, as a diagram or for other tools.
    Export(ExportArgs),
    /// Create an empty graph folder (entities.json, relations.json, sources.json and a
    /// README.txt on what goes where) that `check` accepts.
    Init {
        /// The folder to create (or an empty folder to fill).
        dir: PathBuf,
    },
    /// Find where a phrase stands in a source document and print the evidence span(s):
    /// diacritics, letter forms, case, accents, quotes and whitespace need not match.
    Cite {
        /// The document's file name in the --sources folder.
        document: String,
        /// The phrase, as it reads.
        phrase: String,
        /// List the document in the --data graph's sources.json (with its sha256) if it is
        /// not there yet.
        #[arg(long)]
        add_source: bool,
        /// The document's language (ISO 639-1) when --add-source lists it; default: ar when
        /// most of its letters are Arabic, else en.
        #[arg(long, value_name = "CODE")]
        language: Option<String>,
    },
    /// Add an entity or a relation to the --data graph folder, validated as `check` would;
    /// `add --json -` reads one element (as it stands in its file) from standard input.
    #[command(args_conflicts_with_subcommands = true)]
    Add {
        /// What to add.
        #[command(subcommand)]
        element: Option<AddElement>,
        /// `-` (with --json): read the element as JSON from standard input.
        #[arg(value_name = "-")]
        input: Option<String>,
    },
    /// Remove an entity, relation or source document from the --data graph folder; refused
    /// while other elements refer to it, unless --cascade.
    Remove {
        /// The id of an entity or relation, or a source's document name.
        id: String,
        /// Also remove the relations that name the entity (or the evidence spans that cite the
        /// document).
        #[arg(long)]
        cascade: bool,
    },
    /// Import an event table (UCDP GED, ACLED, or any CSV through a mapping file) into a
    /// graph folder.
    Import {
        /// The table's format.
        #[command(subcommand)]
        format: ImportFormat,
    },
    /// Merge two graph folders into a third: same-id or same-name entities become one,
    /// conflicting fields are reported (the first graph's kept).
    Merge {
        /// The first graph folder (its values win conflicts).
        first: PathBuf,
        /// The second graph folder.
        second: PathBuf,
        /// The folder to write the merged graph to (new or empty).
        #[arg(long, value_name = "DIR")]
        into: PathBuf,
    },
    /// The blocs that stood together on a day or through a period: groups of actors joined,
    /// directly or through one another, by alliance or support (negated relations left out).
    Blocs {
        /// When (required).
        #[command(flatten)]
        time: Time,
        /// The kinds that make a bloc (repeatable or comma-separated; default alliance,
        /// support).
        #[arg(long = "kind", value_name = "KIND", value_delimiter = ',')]
        kinds: Vec<RelationKind>,
        /// The language of labels.
        #[command(flatten)]
        language: Language,
    },
    /// Who was central on a day or through a period: degree, PageRank or betweenness (the
    /// brokers between camps) over the relations between actors that held.
    Central {
        /// When (required).
        #[command(flatten)]
        time: Time,
        /// degree (actors linked), pagerank, or betweenness.
        #[arg(long, value_name = "MEASURE", default_value = "degree")]
        measure: Measure,
        /// How many actors to list.
        #[arg(long, value_name = "N", default_value_t = 10)]
        top: usize,
        /// The kinds of relations that count (repeatable or comma-separated; default:
        /// alliance, support, conflict, attack, ceasefire, negotiation, agreement).
        #[arg(long = "kind", value_name = "KIND", value_delimiter = ',')]
        kinds: Vec<RelationKind>,
        /// The language of labels.
        #[command(flatten)]
        language: Language,
    },
    /// Structural balance of the signed network step by step: alliance and support positive,
    /// conflict and attack negative; the share of balanced triangles and the unbalanced ones.
    Balance {
        /// The first step is the month (or year) holding this date.
        #[arg(long, value_name = "DATE")]
        from: PartialDate,
        /// The last step is the month (or year) holding this date.
        #[arg(long, value_name = "DATE")]
        until: PartialDate,
        /// month or year.
        #[arg(long, value_name = "STEP", default_value = "month")]
        step: Step,
        /// Only ties that certainly held through the step.
        #[arg(long)]
        certain: bool,
        /// The language of labels.
        #[command(flatten)]
        language: Language,
    },
    /// Propose candidate relations from an Arabic, French or English text: the actors the
    /// graph knows (and new ones), the dates, the relations the sentences state, each with its
    /// evidence span, confidence and rule. --json prints {document, candidates, entities}.
    Extract {
        /// The text (UTF-8), or the name of a document of sources.json under --sources.
        file: PathBuf,
        /// The text's language: ar, fr, en or auto (detected).
        #[arg(long, value_name = "LANG", default_value = "auto")]
        lang: String,
        /// The publication date, which "yesterday" and weekdays count from (and relative dates
        /// before the text's first date).
        #[arg(long, value_name = "DATE")]
        anchor: Option<PartialDate>,
        /// A lexicon file to use instead of the built-in one (lexicons/README.md).
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
        /// Write the JSON to this file (atomically) instead of printing.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Add reviewed candidates (from extract --json or -o) to a graph folder, new entities
    /// first, through the loader's validation and atomic writes.
    Accept {
        /// The candidates file.
        candidates: PathBuf,
        /// Only these candidate ids (all when not given).
        #[arg(long, value_name = "ID", num_args = 1.., value_delimiter = ',')]
        ids: Vec<String>,
        /// The graph folder to add them to.
        #[arg(long, value_name = "DIR")]
        into: PathBuf,
    },
    /// Relations that began, ended or changed certainty between two dates.
    Diff {
        /// The first date.
        first: PartialDate,
        /// The second date.
        second: PartialDate,
        /// Only relations of these kinds.
        #[arg(long = "kind", value_name = "KIND")]
        kinds: Vec<RelationKind>,
        /// Compare only what certainly held on each date.
        #[arg(long)]
        certain: bool,
        /// The language of labels.
        #[command(flatten)]
        language: Language,
    },
}

/// What `export` writes and how.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// dot, json, graphml, gexf, turtle, neo4j, kuzu, csv, html or parquet; or timeline, a Gantt chart
    /// of relations over time (not with --all).
    #[arg(required_unless_present = "all")]
    pub format: Option<Exported>,
    /// Regenerate every diagram of exports/ (DOT and SVG, rendered with Graphviz) into the
    /// folder -o DIR (default: exports).
    #[arg(long, conflicts_with_all = [
        "format", "kinds", "statuses", "at", "from", "until", "certain", "known", "include_undated",
        "timeless", "focus", "diff", "lang", "title", "render", "actor", "no_bundle", "places",
        "base_iri", "directed_only",
    ])]
    pub all: bool,
    /// Render the DOT diagram with Graphviz `dot` into an image: svg, png or pdf (needs -o FILE).
    #[arg(long, value_name = "IMAGE", requires = "output")]
    pub render: Option<ImageFormat>,
    /// Which relations (with --at/--from/--until, the graph as it stood then).
    #[command(flatten)]
    pub select: Selection,
    /// Only the ego network of this actor.
    #[arg(long, value_name = "NAME")]
    pub focus: Option<String>,
    /// With --focus: how many relations away from the actor to go.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "focus")]
    pub depth: usize,
    /// Draw what changed between two dates (DOT only): began green, ended grey, changed
    /// highlighted.
    #[arg(long, num_args = 2, value_names = ["DATE1", "DATE2"], conflicts_with_all = ["at", "from", "until"])]
    pub diff: Option<Vec<PartialDate>>,
    /// With timeline: one row per actor linked to this one (all relation kinds unless --kind)
    /// instead of one row per town or area (control unless --kind).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["focus", "diff"])]
    pub actor: Option<String>,
    /// Language of labels (names, and for timelines kinds, months and legend): en, ar or fr;
    /// ar draws timelines right to left.
    #[arg(long, value_name = "LANG", default_value = "en")]
    pub lang: Lang,
    /// A title for the diagram.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Draw each relation as its own edge, instead of one labelled edge (count, kinds and
    /// dates) for all the relations between two entities.
    #[arg(long)]
    pub no_bundle: bool,
    /// With --at, --from, --until, --focus or --diff: also draw towns, regions and areas, the
    /// relations reaching them (control, presence …) and geography between states (borders);
    /// such a diagram draws the actors by default (a town's --focus draws its places). Add
    /// --timeless for standing structure (a town in a region).
    #[arg(long)]
    pub places: bool,
    /// Turtle: name resources under this IRI (entities BASE/entity/ID, relations
    /// BASE/relation/ID, the vocabulary BASE/ns#); default https://actorgraph.example/.
    #[arg(long, value_name = "IRI")]
    pub base_iri: Option<String>,
    /// GraphML and GEXF: write symmetric relations (alliance, conflict …) as directed edges
    /// too, for readers that refuse mixed graphs (networkx); by default they are undirected.
    #[arg(long)]
    pub directed_only: bool,
    /// Write to this file (for neo4j and csv, and with --all: this folder) instead of stdout
    /// (`-`): a regular file atomically, a device or FIFO in place; never a file the command
    /// reads (the graph's files, its cache, a source document).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// What `export` makes: an export format, or a timeline chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exported {
    /// A diagram or exchange format.
    Format(Format),
    /// A Gantt chart of relations over time (`export timeline`), drawn by Graphviz.
    Timeline,
}

impl std::str::FromStr for Exported {
    type Err = String;

    fn from_str(text: &str) -> Result<Exported, String> {
        if text.eq_ignore_ascii_case("timeline") {
            return Ok(Exported::Timeline);
        }
        text.parse()
            .map(Exported::Format)
            .map_err(|e: String| format!("{e}, or timeline"))
    }
}

/// A question about one actor's relationships of one sort (`allies`, `enemies`).
#[derive(Debug, Clone, clap::Args)]
pub struct Relationship {
    /// The actor: id, name or alias.
    pub name: String,
    /// When.
    #[command(flatten)]
    pub time: Time,
    /// With or without its parts.
    #[command(flatten)]
    pub parts: Parts,
    /// The language of labels.
    #[command(flatten)]
    pub language: Language,
}

/// A day or period: `--at DATE`, or `--from DATE` and/or `--until DATE`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Time {
    /// A day, month or year: 2012-05-01, 2012-05 or 2012.
    #[arg(long, value_name = "DATE", conflicts_with_all = ["from", "until"])]
    pub at: Option<PartialDate>,
    /// The start of a period (its first day).
    #[arg(long, value_name = "DATE")]
    pub from: Option<PartialDate>,
    /// The end of a period (its last day).
    #[arg(long, value_name = "DATE")]
    pub until: Option<PartialDate>,
    /// Only relations that certainly hold (throughout the period).
    #[arg(long)]
    pub certain: bool,
    /// Only relations known to hold at some point of the period, whatever the reading of their
    /// dates (an attack of some day of February 2013 asked about February 2013, not about one
    /// day of it).
    #[arg(long)]
    pub known: bool,
    /// Also list relations the sources do not date (as possible): left out of time
    /// questions by default, since they would be possible on every day.
    #[arg(long)]
    pub include_undated: bool,
    /// Also list timeless relations (borders, a town in a region, a state's armed forces),
    /// which hold at all times: left out of time questions by default.
    #[arg(long)]
    pub timeless: bool,
}

/// Whether an actor's parts (its armed forces) answer for it.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct Parts {
    /// Leave out the relations of the actor's parts (its armed forces), which are otherwise
    /// included and marked with the part they came through.
    #[arg(long)]
    pub no_parts: bool,
}

/// Kinds, statuses and time.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Selection {
    /// Only relations of this kind (repeatable).
    #[arg(long = "kind", value_name = "KIND")]
    pub kinds: Vec<RelationKind>,
    /// Only relations with this status: asserted, alleged or disputed (repeatable).
    #[arg(long = "status", value_name = "STATUS")]
    pub statuses: Vec<Status>,
    /// When.
    #[command(flatten)]
    pub time: Time,
}

/// An element `add` adds.
#[derive(Debug, Subcommand)]
pub enum AddElement {
    /// An entity: `add entity --kind armed_group --name en="Ansar Dine" --alias "أنصار الدين"`.
    Entity {
        /// Its id; proposed from its first name when not given.
        #[arg(long)]
        id: Option<String>,
        /// Its kind (armed_group, political_movement, state, city …).
        #[arg(long)]
        kind: actorgraph::EntityKind,
        /// A name in a language: en=…, ar=… or fr=… (repeatable).
        #[arg(long = "name", value_name = "LANG=NAME")]
        names: Vec<String>,
        /// Another spelling (repeatable).
        #[arg(long = "alias", value_name = "NAME")]
        aliases: Vec<String>,
        /// One line describing it.
        #[arg(long, default_value = "")]
        description: String,
    },
    /// A relation between two actors, with evidence found by phrase (`--evidence
    /// DOC:"phrase"`, needs --sources).
    Relation {
        /// Its id; proposed from its ends and kind when not given.
        #[arg(long)]
        id: Option<String>,
        /// Its kind (alliance, conflict, control …).
        #[arg(long)]
        kind: RelationKind,
        /// The actor it goes from: id, name or alias.
        #[arg(long)]
        source: String,
        /// The actor it goes to: id, name or alias.
        #[arg(long)]
        target: String,
        /// When it began: YYYY[-MM[-DD]] or EDTF bounds ([..2012-04]).
        #[arg(long)]
        start: Option<actorgraph::UncertainDate>,
        /// When it ended.
        #[arg(long)]
        end: Option<actorgraph::UncertainDate>,
        /// Evidence: DOC:"phrase" (the phrase found as `cite` finds it; repeatable).
        #[arg(long = "evidence", value_name = "DOC:PHRASE")]
        evidence: Vec<String>,
        /// asserted, alleged or disputed.
        #[arg(long, default_value = "asserted")]
        status: Status,
        /// The relation in your own words, with how any date was inferred.
        #[arg(long, default_value = "")]
        summary: String,
        /// Where it happened: id, name or alias.
        #[arg(long)]
        place: Option<String>,
        /// The sources state the opposite ("refused to recognise").
        #[arg(long)]
        negated: bool,
    },
}

/// The table formats `import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportFormat {
    /// A CSV file with a header row.
    Csv {
        /// The table.
        file: PathBuf,
        /// The graph folder to import into (created, empty, when missing).
        #[arg(long, value_name = "DIR")]
        into: PathBuf,
        /// How rows become relations: ucdp, acled, or a mapping file (TOML or JSON).
        #[arg(long, value_name = "ucdp|acled|FILE")]
        map: String,
        /// Write the rows that import and report the others, instead of writing nothing.
        #[arg(long)]
        skip_bad: bool,
    },
}

impl Command {
    /// The language its labels are asked in (English for commands that print no labels).
    pub fn language(&self) -> Language {
        use Command as C;
        match self {
            C::Show { language, .. }
            | C::Find { language, .. }
            | C::List { language, .. }
            | C::Neighbors { language, .. }
            | C::Allies(Relationship { language, .. })
            | C::Enemies(Relationship { language, .. })
            | C::Relations { language, .. }
            | C::Timeline { language, .. }
            | C::Path { language, .. }
            | C::Snapshot { language, .. }
            | C::Blocs { language, .. }
            | C::Central { language, .. }
            | C::Balance { language, .. }
            | C::Diff { language, .. } => *language,
            _ => Language::default(),
        }
    }
}
