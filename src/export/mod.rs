//! Exports: DOT diagrams and the exchange formats other tools load.
//!
//! One [`Format`] enum, one module per format. Every exporter streams to an `impl Write` (no
//! whole-output string in memory) and writes only the selection it is given — a
//! [`crate::query::Snapshot`] chosen by the query layer (a date, kinds, an ego
//! network). Formats made of several files (Neo4j, Kùzu, CSV) name their [`parts`](Format::parts).
//! The exchange formats are written from [`Contents`] ([`write_contents`]): a selection of a
//! loaded graph, or the whole graph read from the cache a batch of relations at a time, with
//! no graph in memory.

mod contents;
mod csv;
mod csv_files;
pub mod dot;
mod fields;
mod gexf;
mod graphml;
pub mod html;
pub mod json;
mod kuzu;
mod neo4j;
pub mod parquet;
pub mod rdf;
pub mod render;
pub mod timeline;
pub mod views;
mod xml;

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use crate::graph::Graph;
use crate::model::{Entity, PartialDate};
use crate::query::{Diff, Snapshot};
pub use contents::{Contents, Listed, Selected};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// Graphviz DOT, built with graphviz-rust.
    Dot,
    /// Node-link JSON that actorgraph loads back.
    Json,
    /// GraphML with typed attributes (networkx, igraph, Gephi, yEd).
    Graphml,
    /// GEXF 1.3 with dynamic spells (Gephi's timeline).
    Gexf,
    /// RDF Turtle with relations as n-ary nodes (SPARQL stores such as Oxigraph).
    Turtle,
    /// Node and relationship CSV files for `neo4j-admin database import`, plus Cypher.
    Neo4j,
    /// Node and relationship tables as CSV files with the DDL and `COPY FROM` script that
    /// loads them into Kùzu.
    Kuzu,
    /// Flat nodes.csv and relations.csv for spreadsheets, DuckDB and Spark.
    Csv,
    /// Parquet tables in a folder, relations partitioned by start year, for Spark and DuckDB
    /// (SCHEMA.md): written by [`parquet::write_dir`], never to a stream.
    Parquet,
    /// One self-contained interactive HTML page (time slider, filters, search), offline.
    Html,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 10] = [
        Format::Dot,
        Format::Json,
        Format::Graphml,
        Format::Gexf,
        Format::Turtle,
        Format::Neo4j,
        Format::Kuzu,
        Format::Csv,
        Format::Parquet,
        Format::Html,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Json => "json",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Turtle => "turtle",
            Format::Neo4j => "neo4j",
            Format::Kuzu => "kuzu",
            Format::Csv => "csv",
            Format::Parquet => "parquet",
            Format::Html => "html",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Json => "json",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Turtle => "ttl",
            Format::Neo4j | Format::Kuzu | Format::Csv => "csv",
            Format::Parquet => "parquet",
            Format::Html => "html",
        }
    }

    /// The single-file format a file extension names (`gv` and `dot` are DOT, `ttl` Turtle).
    pub fn from_extension(extension: &str) -> Option<Format> {
        match extension.to_ascii_lowercase().as_str() {
            "dot" | "gv" => Some(Format::Dot),
            "json" => Some(Format::Json),
            "graphml" => Some(Format::Graphml),
            "gexf" => Some(Format::Gexf),
            "ttl" => Some(Format::Turtle),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// Whether the format is written from [`Contents`] ([`write_contents`]): the exchange
    /// formats but Parquet, a folder written by [`parquet::write_dir_of`].
    pub fn from_contents(self) -> bool {
        !matches!(self, Format::Dot | Format::Html | Format::Parquet)
    }

    /// Whether an export of everything in this format is best written from the cache a batch
    /// of relations at a time ([`crate::cache::whole`]) rather than from the loaded graph:
    /// every format written from contents, since one walk over the relations writes all the
    /// files of a format made of several ([`write_contents_parts`]), and Parquet.
    pub fn streamed_whole(self) -> bool {
        self.from_contents() || self == Format::Parquet
    }

    /// The files an export consists of: one (empty name) for single-stream formats, else the
    /// file names to write into an output folder.
    pub fn parts(self) -> &'static [&'static str] {
        match self {
            Format::Neo4j => neo4j::PARTS,
            Format::Kuzu => kuzu::PARTS,
            Format::Csv => csv::PARTS,
            _ => &[""],
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(text: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == text.to_ascii_lowercase())
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!(
                    "unknown format {text:?}; expected one of: {}",
                    names.join(", ")
                )
            })
    }
}

/// The language of node labels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English names.
    #[default]
    En,
    /// Arabic names.
    Ar,
    /// French names.
    Fr,
}

impl Lang {
    /// The entity's name in this language, falling back to English, then any name, then id.
    pub fn name_of(self, entity: &Entity) -> &str {
        self.name_among(entity.names.by_lang(), entity.id.as_str())
    }

    /// [`Lang::name_of`] an entity whose names are `names` ([`Names::by_lang`]) and id `id`,
    /// as a cache's record read in place gives them.
    ///
    /// [`Names::by_lang`]: crate::model::Names::by_lang
    pub fn name_among<'a>(self, names: [Option<&'a str>; 3], id: &'a str) -> &'a str {
        let wanted = match self {
            Lang::En => names[0],
            Lang::Ar => names[1],
            Lang::Fr => names[2],
        };
        wanted.unwrap_or_else(|| crate::model::display_name(names, id))
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(text: &str) -> Result<Lang, String> {
        match text.to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "ar" => Ok(Lang::Ar),
            "fr" => Ok(Lang::Fr),
            _ => Err(format!("unknown language {text:?}; expected en, ar or fr")),
        }
    }
}

/// Two dates and what changed between them, for a diff diagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffView {
    /// The first date.
    pub first: PartialDate,
    /// The second date.
    pub second: PartialDate,
    /// What began, ended or changed certainty.
    pub diff: Diff,
}

/// How to draw or label an export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Language of node labels.
    pub lang: Lang,
    /// A title for the diagram (DOT `label`).
    pub title: Option<String>,
    /// Draw a diff diagram: began green, ended grey, changed highlighted (DOT only).
    pub diff: Option<DiffView>,
    /// Draw each relation as its own edge; by default the relations between one pair of
    /// entities are bundled into one labelled edge (DOT only; a diff never bundles).
    pub unbundled: bool,
    /// The IRI Turtle names resources under (default [`rdf::BASE`]); it should end with `/`
    /// or `#`.
    pub base_iri: Option<String>,
    /// Write every GraphML and GEXF edge directed, symmetric kinds included (still marked
    /// `symmetric`), for readers that refuse mixed graphs (networkx). By default a symmetric
    /// relation is an undirected edge of a mixed graph.
    pub directed_only: bool,
}

/// Writes part `part` (one of [`Format::parts`]) of `contents` in `format`, one of those
/// [written from contents](Format::from_contents): what [`write()`] writes of a selection, or
/// the whole graph from the cache ([`crate::cache::whole`]), byte for byte as [`write()`]
/// writes the snapshot of everything. An error reading the contents ends the output
/// unfinished.
pub fn write_contents(
    format: Format,
    part: &str,
    contents: &dyn Contents,
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_contents_in(format, part, contents, options, out, contents::CHUNK)
}

/// [`write_contents`], the relations formatted on every core in chunks of `chunk`: any size
/// writes the same bytes.
fn write_contents_in(
    format: Format,
    part: &str,
    contents: &dyn Contents,
    options: &Options,
    out: &mut dyn Write,
    chunk: usize,
) -> io::Result<()> {
    match format {
        Format::Json => json::write_of(contents, out, chunk),
        Format::Graphml => graphml::write_of(contents, options, out, chunk),
        Format::Gexf => gexf::write_of(contents, options, out, chunk),
        Format::Turtle => rdf::write_of(contents, options, out, chunk),
        Format::Neo4j | Format::Kuzu | Format::Csv => contents::write_walked(
            contents,
            chunk,
            vec![(file_of(format, part, contents)?, out)],
        ),
        Format::Dot | Format::Html | Format::Parquet => Err(not_from_contents(format)),
    }
}

/// Writes every part of `contents` in `format`, one of those [written from
/// contents](Format::from_contents), each to its writer of `outs` (one per part of
/// [`Format::parts`], in that order): what [`write_contents`] writes of each part, the
/// relations walked once for all of them (a cache's decoded once, not once per file).
pub fn write_contents_parts(
    format: Format,
    contents: &dyn Contents,
    options: &Options,
    outs: Vec<&mut dyn Write>,
) -> io::Result<()> {
    write_contents_parts_in(format, contents, options, outs, contents::CHUNK)
}

/// [`write_contents_parts`], the relations formatted on every core in chunks of `chunk`.
fn write_contents_parts_in(
    format: Format,
    contents: &dyn Contents,
    options: &Options,
    mut outs: Vec<&mut dyn Write>,
    chunk: usize,
) -> io::Result<()> {
    let parts = format.parts();
    if outs.len() != parts.len() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "{format} is written as {} part(s), not {}",
                parts.len(),
                outs.len()
            ),
        ));
    }
    if let [part] = parts {
        let out = outs.pop().expect("one writer");
        return write_contents_in(format, part, contents, options, out, chunk);
    }
    let files = (parts.iter().zip(outs))
        .map(|(part, out)| Ok((file_of(format, part, contents)?, out)))
        .collect::<io::Result<Vec<_>>>()?;
    contents::write_walked(contents, chunk, files)
}

/// Part `part` of `contents` in `format`, one of the formats made of several files.
fn file_of<'a>(
    format: Format,
    part: &str,
    contents: &'a dyn Contents,
) -> io::Result<contents::Part<'a>> {
    match format {
        Format::Neo4j => neo4j::part(part, contents),
        Format::Kuzu => kuzu::part(part, contents),
        Format::Csv => csv::part(part, contents),
        _ => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{format} is written as one file"),
        )),
    }
}

/// The error for a format that is not written from contents.
fn not_from_contents(format: Format) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{format} is not written from contents: write it with export::write"),
    )
}

/// Writes part `part` (one of [`Format::parts`]) of `selection` from `graph` in `format`.
pub fn write(
    format: Format,
    part: &str,
    graph: &Graph,
    selection: &Snapshot,
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Dot => dot::write(graph, selection, options, out),
        Format::Parquet => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "a Parquet export is a folder: write it with export::parquet::write_dir",
        )),
        Format::Html => html::write(graph, selection, options, None, out),
        _ => write_contents(
            format,
            part,
            &contents(format, graph, selection),
            options,
            out,
        ),
    }
}

/// What an export of `selection` of `graph` in `format` (one [written from
/// contents](Format::from_contents)) writes: made once for all its parts. JSON and Kùzu
/// documents load on their own, so their entities include every entity a relation refers to.
pub fn contents<'g>(format: Format, graph: &'g Graph, selection: &'g Snapshot) -> Selected<'g> {
    match format {
        Format::Json | Format::Kuzu => Selected::with_references(graph, selection),
        _ => Selected::new(graph, selection),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::{Relation, Source};
    use crate::query::{Filter, snapshot};

    /// The whole of a graph given `size` relations at a time (as the cache gives them), then
    /// `failure`, if any.
    pub(super) struct Batched<'g> {
        pub(super) graph: &'g Graph,
        pub(super) size: usize,
        pub(super) failure: Option<&'static str>,
    }

    impl Contents for Batched<'_> {
        fn sources(&self) -> &[Source] {
            self.graph.sources()
        }

        fn entities(&self) -> Vec<&Entity> {
            self.graph.entities().iter().collect()
        }

        fn each_batch(
            &self,
            each: &mut dyn FnMut(&[Listed<'_>]) -> io::Result<()>,
        ) -> io::Result<()> {
            let relations: Vec<&Relation> = (self.graph.chronological().iter())
                .map(|&r| self.graph.relation(r))
                .collect();
            for (k, batch) in relations.chunks(self.size).enumerate() {
                let listed: Vec<Listed> = (batch.iter().enumerate())
                    .map(|(i, &relation)| Listed {
                        relation,
                        certainty: None,
                        position: k * self.size + i,
                    })
                    .collect();
                each(&listed)?;
            }
            self.failure.map_or(Ok(()), |e| Err(io::Error::other(e)))
        }
    }

    /// Every part of every format written from contents is, from the whole graph given a
    /// batch at a time, what it is of the snapshot of everything, whatever the batches'
    /// size; contents that fail to be read fail it.
    #[test]
    fn the_whole_graph_in_batches_writes_what_its_snapshot_writes() {
        let graph = crate::load::load(&crate::load::GraphFiles::builtin()).unwrap();
        let all = snapshot(&graph, &Filter::default());
        let options = Options {
            directed_only: true,
            ..Options::default()
        };
        let formats: Vec<Format> = (Format::ALL.into_iter())
            .filter(|f| f.from_contents())
            .collect();
        assert_eq!(formats.len(), 7);
        for format in formats {
            for &part in format.parts() {
                let mut want = Vec::new();
                write(format, part, &graph, &all, &options, &mut want).unwrap();
                for size in [1, 7, 100_000] {
                    let batched = Batched {
                        graph: &graph,
                        size,
                        failure: None,
                    };
                    let mut got = Vec::new();
                    write_contents(format, part, &batched, &options, &mut got).unwrap();
                    assert!(got == want, "{format} {part} in batches of {size}");
                }
                let failing = Batched {
                    graph: &graph,
                    size: 7,
                    failure: Some("a damaged record"),
                };
                let written = write_contents(format, part, &failing, &options, &mut Vec::new());
                let reads_relations = !matches!(
                    part,
                    "sources.csv"
                        | "nodes.csv"
                        | "entities.csv"
                        | "aliases.csv"
                        | "has_alias.csv"
                        | "load.cypher"
                );
                assert_eq!(
                    written.is_err(),
                    reads_relations,
                    "{format} {part}: {written:?}"
                );
            }
        }
    }

    /// Calls `check` with every format written from contents and each of three contents of
    /// the built-in graph: its entities and relations, its relations alone, and nothing.
    fn each_format_and_contents(check: impl Fn(Format, &Selected<'_>)) {
        let graph = crate::load::load(&crate::load::GraphFiles::builtin()).unwrap();
        let all = snapshot(&graph, &Filter::default());
        assert!(all.relations.len() > 20);
        let with_entities = Selected::new(&graph, &all);
        let without = Selected::of(&graph, &[], &all.relations);
        let nothing = Selected::of(&graph, &[], &[]);
        for format in Format::ALL.into_iter().filter(|f| f.from_contents()) {
            for contents in [&with_entities, &without, &nothing] {
                check(format, contents);
            }
        }
    }

    /// The relations formatted on every core in chunks of any size are what one writer of
    /// them all writes, in every part of every format, whether entities come first or not.
    #[test]
    fn relations_in_chunks_write_what_one_writer_writes() {
        let options = Options::default();
        each_format_and_contents(|format, contents| {
            for &part in format.parts() {
                let written = |chunk| {
                    let mut out = Vec::new();
                    write_contents_in(format, part, contents, &options, &mut out, chunk).unwrap();
                    out
                };
                let one = written(usize::MAX);
                for chunk in [1, 2, 3] {
                    assert!(
                        written(chunk) == one,
                        "{format} {part} in chunks of {chunk}"
                    );
                }
            }
        });
    }

    /// Every part of a format written in one walk over the relations is what writing that
    /// part alone writes, in chunks of any size, whether entities come first or not; a count
    /// of writers other than the parts' is refused.
    #[test]
    fn every_part_in_one_walk_is_each_part_alone() {
        let options = Options::default();
        each_format_and_contents(|format, contents| {
            let parts = format.parts();
            let alone: Vec<Vec<u8>> = (parts.iter())
                .map(|part| {
                    let mut out = Vec::new();
                    write_contents(format, part, contents, &options, &mut out).unwrap();
                    out
                })
                .collect();
            for chunk in [1, 2, 3, usize::MAX] {
                let mut outs = vec![Vec::new(); parts.len()];
                let writers = outs.iter_mut().map(|o| o as &mut dyn Write).collect();
                write_contents_parts_in(format, contents, &options, writers, chunk).unwrap();
                assert!(outs == alone, "{format} in one walk, chunks of {chunk}");
            }
            let mut one_too_many = vec![Vec::new(); parts.len() + 1];
            let writers = (one_too_many.iter_mut())
                .map(|o| o as &mut dyn Write)
                .collect();
            let refused = write_contents_parts(format, contents, &options, writers);
            assert_eq!(refused.unwrap_err().kind(), io::ErrorKind::InvalidInput);
        });
    }
}
