//! Exports: DOT diagrams and the exchange formats other tools load.
//!
//! One [`Format`] enum, one module per format. Every exporter streams to an `impl Write` (no
//! whole-output string in memory) and writes only the selection it is given — a
//! [`crate::query::Snapshot`] chosen by the query layer (a date, kinds, an ego
//! network). Formats made of several files (Neo4j, Kùzu, CSV) name their [`parts`](Format::parts).
//! The single-file exchange formats (JSON, GraphML, GEXF, Turtle) also write the whole graph
//! from its parts, a batch of relations at a time ([`write_whole`]): what an export of
//! everything reads from the cache, without a graph in memory.

mod csv;
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
use crate::model::{Entity, PartialDate, Relation, Source};
use crate::query::{Certainty, Diff, Snapshot};

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

    /// Whether an export of the whole graph in this format can be written from its parts a
    /// batch of relations at a time, without a [`Graph`] ([`write_whole`]).
    pub fn written_whole(self) -> bool {
        matches!(
            self,
            Format::Json | Format::Graphml | Format::Gexf | Format::Turtle
        )
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

/// Writes the whole graph in `format` (one of those [`Format::written_whole`]) from its
/// parts, as [`write()`] writes the snapshot of everything, byte for byte, without a [`Graph`]:
/// its `sources`, every entity in file order, and every relation in chronological order
/// ([`Graph::chronological`]), given a batch at a time by `relations`, so that no more than a
/// batch is held (what an export of everything reads from the cache,
/// [`crate::cache::whole`]). An error from `relations` ends the output unfinished.
pub fn write_whole(
    format: Format,
    sources: &[Source],
    entities: &[Entity],
    relations: &mut dyn Iterator<Item = io::Result<Vec<Relation>>>,
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => json::write_whole(sources, entities, relations, out),
        Format::Graphml => graphml::write_whole(sources, entities, relations, options, out),
        Format::Gexf => {
            gexf::write_from(sources, entities.iter(), unbatched(relations), options, out)
        }
        Format::Turtle => {
            rdf::write_from(sources, entities.iter(), unbatched(relations), options, out)
        }
        _ => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{format} is written from a graph: write it with export::write"),
        )),
    }
}

/// The relations of `batches` one at a time, each with no certainty (an export of
/// everything, made for no date), and the error of a batch that fails, after which there are
/// none.
fn unbatched(
    batches: &mut dyn Iterator<Item = io::Result<Vec<Relation>>>,
) -> impl Iterator<Item = io::Result<(Relation, Option<Certainty>)>> + '_ {
    batches.flat_map(|batch| {
        let (relations, failure) = match batch {
            Ok(relations) => (relations, None),
            Err(e) => (Vec::new(), Some(e)),
        };
        (relations.into_iter().map(|r| Ok((r, None)))).chain(failure.map(Err))
    })
}

/// The relations of `selection` in `graph`, each with its certainty, for a writer that also
/// writes relations given by [`unbatched`].
fn selected<'g>(
    graph: &'g Graph,
    selection: &'g Snapshot,
) -> impl Iterator<Item = io::Result<(&'g Relation, Option<Certainty>)>> + 'g {
    (selection.relations.iter()).map(|f| Ok((graph.relation(f.relation), f.certainty)))
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
        Format::Json => json::write(graph, selection, out),
        Format::Graphml => graphml::write(graph, selection, options, out),
        Format::Gexf => gexf::write(graph, selection, options, out),
        Format::Turtle => rdf::write(graph, selection, options, out),
        Format::Neo4j => neo4j::write(part, graph, selection, out),
        Format::Kuzu => kuzu::write(part, graph, selection, out),
        Format::Csv => csv::write(part, graph, selection, out),
        Format::Parquet => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "a Parquet export is a folder: write it with export::parquet::write_dir",
        )),
        Format::Html => html::write(graph, selection, options, None, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{Filter, snapshot};

    /// The relations of `graph` in chronological order, `size` at a time, then `failure`.
    fn batches(
        graph: &Graph,
        size: usize,
        failure: Option<&str>,
    ) -> impl Iterator<Item = io::Result<Vec<Relation>>> {
        let relations: Vec<Relation> = (graph.chronological().iter())
            .map(|&r| graph.relation(r).clone())
            .collect();
        let batches: Vec<Vec<Relation>> = relations.chunks(size).map(<[_]>::to_vec).collect();
        (batches.into_iter().map(Ok)).chain(failure.map(|e| Err(io::Error::other(e))))
    }

    /// Every format written whole writes what it writes of the snapshot of everything,
    /// whatever the batches' size; a failing batch fails the export.
    #[test]
    fn the_whole_graph_written_from_its_parts_is_its_snapshot() {
        let graph = crate::load::load(&crate::load::GraphFiles::builtin()).unwrap();
        let all = snapshot(&graph, &Filter::default());
        let options = Options {
            directed_only: true,
            ..Options::default()
        };
        let whole_formats: Vec<Format> = (Format::ALL.into_iter())
            .filter(|f| f.written_whole())
            .collect();
        assert_eq!(whole_formats.len(), 4);
        for format in whole_formats {
            let mut want = Vec::new();
            write(format, "", &graph, &all, &options, &mut want).unwrap();
            for size in [1, 7, 100_000] {
                let mut got = Vec::new();
                let mut relations = batches(&graph, size, None);
                let (sources, entities) = (graph.sources(), graph.entities());
                write_whole(
                    format,
                    sources,
                    entities,
                    &mut relations,
                    &options,
                    &mut got,
                )
                .unwrap();
                assert!(got == want, "{format} in batches of {size}");
            }
            let mut relations = batches(&graph, 7, Some("a damaged record"));
            let (sources, entities) = (graph.sources(), graph.entities());
            let error = write_whole(
                format,
                sources,
                entities,
                &mut relations,
                &options,
                &mut Vec::new(),
            );
            assert_eq!(
                error.unwrap_err().to_string(),
                "a damaged record",
                "{format}"
            );
        }
    }
}
