//! `export parquet`: the graph as Parquet tables for Spark, DuckDB and other engines.
//!
//! The tables and their columns are documented in SCHEMA.md. Relations are partitioned
//! hive-style by the year of their earliest possible start (`relations/start_year=2012/
//! part-0.parquet`; `start_year=0` for an unbounded start), so a question about a date
//! reads only the partitions up to its year; every list is in the graph's chronological
//! order, which is also each year's order, so the partitions are written one after the other
//! in one pass, a batch of rows at a time: no second copy of the graph is ever built. The
//! evidence and toll tables are written in the same pass, so the relations can be given a
//! batch at a time from the cache ([`write_dir_of`]), with no graph at all.
//!
//! The output is deterministic: a fixed `created_by`, no timestamps, rows in the graph's order.
//!
//! A folder is written whole or not at all ([`write_dir`]): into a new temporary sibling
//! folder, which replaces the target only once every file is written and synced. The target
//! may be absent, an empty folder, or a previous Parquet export (a folder holding nothing but
//! the files an export writes, with its `_actorgraph.json`); anything else is refused, so
//! no other file is ever touched.

mod columns;
mod folder;
mod tables;

use std::fs::File;
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use arrow_schema::{ArrowError, SchemaRef};
use arrow_select::concat::concat_batches;
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_writer::{ArrowColumnWriter, ArrowRowGroupWriterFactory, compute_leaves};
use parquet::basic::Compression;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use rayon::prelude::*;
use serde::Serialize;

use super::{Contents, Listed, Selected};
use crate::graph::Graph;
use crate::model::{Bounds, Entity, Relation};
use crate::query::Snapshot;
use columns::Batch;
use tables::Spelling;

pub use folder::MANIFEST;

/// The `created_by` string of every file: fixed, so that output never depends on the build.
pub const CREATED_BY: &str = "actorgraph export parquet (schema 1)";
/// Rows per row group: large enough for engines to read column chunks efficiently (a few
/// MB each), small enough to let them split a file across tasks and skip groups by their
/// statistics.
pub const ROW_GROUP_ROWS: usize = 131_072;
/// Rows per file within a relations partition; a larger year is split into `part-1`, ….
pub const FILE_ROWS: usize = 1_048_576;
/// Rows encoded together, counted from a file's first: the batches a column writer is given,
/// on which its pages depend. A few under test, so that the built-in graph fills several.
const BATCH_ROWS: usize = if cfg!(test) { 32 } else { 16_384 };
/// Rows built on one core at a time by `TableWriter::push_rows`: a quarter of a batch.
const CHUNK_ROWS: usize = BATCH_ROWS / 4;

/// What stands at an export's target that the export may not replace.
#[derive(Debug, thiserror::Error)]
pub enum Occupied {
    /// A file, or anything else that is not a folder.
    #[error(
        "it exists and is not a folder; give a new folder, an empty one or a previous Parquet export"
    )]
    NotAFolder,
    /// A folder with no manifest: not written by this export.
    #[error(
        "it is not empty and holds no {}; give a new or empty folder",
        folder::MANIFEST
    )]
    NoManifest,
    /// A folder holding something the export does not write.
    #[error("it is not empty and {} is not a file the export writes; give a new or empty folder", .0.display())]
    Stranger(PathBuf),
}

/// Why an export failed. Nothing was written to the target when it did.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The target exists and is not an empty folder or a previous Parquet export.
    #[error("refusing to write the Parquet export to {}: {why}", path.display())]
    Refused {
        /// The target.
        path: PathBuf,
        /// What it is instead.
        why: Occupied,
    },
    /// Reading or writing a file failed.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
    /// The Parquet writer failed.
    #[error("cannot write Parquet: {0}")]
    Parquet(#[from] ParquetError),
    /// A batch of rows did not match its schema (a bug).
    #[error("cannot build a batch of rows: {0}")]
    Arrow(#[from] ArrowError),
}

/// What an export wrote: the row count of each table, and the relations' partitions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Written {
    /// The format of the folder, always `actorgraph-parquet`.
    pub format: &'static str,
    /// The schema version (SCHEMA.md).
    pub schema_version: u32,
    /// Rows of `entities.parquet`.
    pub entities: usize,
    /// Rows of `names.parquet`.
    pub names: usize,
    /// Rows of the `relations` dataset.
    pub relations: usize,
    /// Rows of `evidence.parquet`.
    pub evidence: usize,
    /// Rows of `casualties.parquet`.
    pub casualties: usize,
    /// Rows of `sources.parquet`.
    pub sources: usize,
    /// The relations' partitions: `start_year=Y/part-N.parquet`, in order.
    pub relation_files: Vec<String>,
}

/// Writes `selection` of `graph` as Parquet tables into the folder `dir`, whole or not at
/// all (see the module documentation for which targets are accepted).
pub fn write_dir(graph: &Graph, selection: &Snapshot, dir: &Path) -> Result<Written, ExportError> {
    write_dir_of(&Selected::new(graph, selection), dir)
}

/// Writes `contents` as [`write_dir`] writes a selection: what an export of everything from
/// the cache writes, a batch of relations at a time ([`crate::cache::whole`]). An error
/// reading the contents fails the export, which then writes nothing.
pub fn write_dir_of(contents: &dyn Contents, dir: &Path) -> Result<Written, ExportError> {
    folder::replace(dir, |tmp| write_tables(contents, tmp))
}

/// Writes every table of `contents` into the (new, empty) folder `dir`, in one pass over its
/// relations.
fn write_tables(contents: &dyn Contents, dir: &Path) -> Result<Written, ExportError> {
    let mut written = Written {
        format: folder::FORMAT,
        schema_version: 1,
        ..Written::default()
    };
    let entities = contents.entities();
    written.entities = table(dir, "entities.parquet", tables::entities_schema(), |b| {
        b.push_rows(&entities, |b, entity| tables::entity_row(b, entity))
    })?;
    let spellings: Vec<(&Entity, Spelling)> = (entities.par_iter())
        .flat_map_iter(|&entity| tables::spellings(entity).map(move |s| (entity, s)))
        .collect();
    written.names = table(dir, "names.parquet", tables::names_schema(), |b| {
        b.push_rows(&spellings, |b, (entity, spelling)| {
            tables::name_row(b, entity, spelling)
        })
    })?;
    written.sources = table(dir, "sources.parquet", tables::sources_schema(), |b| {
        b.push_rows(contents.sources(), tables::source_row)
    })?;
    let mut evidence =
        TableWriter::create(&dir.join("evidence.parquet"), &tables::evidence_schema())?;
    let mut casualties = TableWriter::create(
        &dir.join("casualties.parquet"),
        &tables::casualties_schema(),
    )?;
    let mut dataset = Dataset::create(&dir.join("relations"))?;
    // The relations' own tables on one core, their evidence and tolls on another, each
    // helping the other once done.
    (contents.each_batch(&mut |batch| {
        let (spans, relations) = rayon::join(
            || {
                let spans = each_of(batch, |relation| relation.evidence().len());
                evidence.push_rows(&spans, |b, &(r, k)| tables::evidence_row(b, r, k))?;
                let tolls = each_of(batch, |relation| relation.casualties().len());
                casualties.push_rows(&tolls, |b, &(r, k)| tables::casualty_row(b, r, k))
            },
            || dataset.push(batch),
        );
        spans.and(relations).map_err(carried)
    }))
    .map_err(|e| uncarried(e, dir))?;
    written.evidence = evidence.finish()?;
    written.casualties = casualties.finish()?;
    (written.relations, written.relation_files) = dataset.finish()?;
    folder::write_manifest(dir, &written)?;
    Ok(written)
}

/// Each relation of `batch` with each position below `count` of it: a relation's evidence
/// spans or tolls, one row each.
fn each_of<'r>(
    batch: &[Listed<'r>],
    count: impl Fn(&Relation) -> usize + Sync,
) -> Vec<(&'r Relation, usize)> {
    (batch.par_iter())
        .flat_map_iter(|listed| (0..count(listed.relation)).map(|k| (listed.relation, k)))
        .collect()
}

/// An export error carried out of a walk of the contents, whose steps give io errors.
fn carried(e: ExportError) -> io::Error {
    io::Error::other(e)
}

/// The error a walk of the contents of an export into `dir` ended with: the export's own,
/// [`carried`], or reading the contents.
fn uncarried(e: io::Error, dir: &Path) -> ExportError {
    match e.downcast::<ExportError>() {
        Ok(e) => e,
        Err(source) => ExportError::Io {
            path: dir.to_owned(),
            source,
        },
    }
}

/// The relations dataset being written: partitioned by the year of their earliest possible
/// start, given in the graph's chronological order (so each year's rows are contiguous), a
/// file of at most [`FILE_ROWS`] open at a time.
struct Dataset {
    dir: PathBuf,
    schema: SchemaRef,
    /// The partitions' files so far, in order.
    files: Vec<String>,
    /// The file being written: its year, its part number and its writer.
    open: Option<(i64, usize, TableWriter)>,
    /// Rows of the files finished.
    rows: usize,
}

impl Dataset {
    fn create(dir: &Path) -> Result<Dataset, ExportError> {
        folder::create_dir(dir)?;
        Ok(Dataset {
            dir: dir.to_owned(),
            schema: tables::relations_schema(),
            files: Vec::new(),
            open: None,
            rows: 0,
        })
    }

    /// Adds the rows of `batch`, the next relations in the graph's chronological order.
    fn push(&mut self, batch: &[Listed]) -> Result<(), ExportError> {
        let dated: Vec<(&Listed, Bounds)> = (batch.par_iter())
            .map(|listed| (listed, Bounds::of(listed.relation)))
            .collect();
        let mut rest = &dated[..];
        while let Some((_, first)) = rest.first() {
            let year = start_year(first);
            let writer = self.file_for(year)?;
            let room = FILE_ROWS - writer.rows_in_file();
            let run = (rest.iter().take(room))
                .take_while(|(_, bounds)| start_year(bounds) == year)
                .count();
            let (run, after) = rest.split_at(run);
            writer.push_rows(run, |b, (listed, bounds)| {
                tables::relation_row(b, listed.relation, bounds, listed.position)
            })?;
            rest = after;
        }
        Ok(())
    }

    /// The file a relation of `year` goes to: the open one, or a new one when the year is
    /// another or the open file is full.
    fn file_for(&mut self, year: i64) -> Result<&mut TableWriter, ExportError> {
        let roll = match &self.open {
            Some((y, _, w)) => *y != year || w.rows_in_file() >= FILE_ROWS,
            None => true,
        };
        if roll {
            let part = match self.open.take() {
                Some((y, part, w)) => {
                    self.rows += w.finish()?;
                    if y == year { part + 1 } else { 0 }
                }
                None => 0,
            };
            let name = format!("start_year={year}/part-{part}.parquet");
            folder::create_dir(&self.dir.join(format!("start_year={year}")))?;
            let writer = TableWriter::create(&self.dir.join(&name), &self.schema)?;
            self.open = Some((year, part, writer));
            self.files.push(name);
        }
        let (_, _, writer) = self.open.as_mut().expect("a file is open");
        Ok(writer)
    }

    /// Finishes the last file: the rows written and the partitions' files, in order.
    fn finish(mut self) -> Result<(usize, Vec<String>), ExportError> {
        if let Some((_, _, w)) = self.open.take() {
            self.rows += w.finish()?;
        }
        Ok((self.rows, self.files))
    }
}

/// The partition of a relation of date `bounds`: the year of its earliest possible start, 0
/// when unbounded.
fn start_year(bounds: &Bounds) -> i64 {
    let first = bounds.start_first;
    if first == crate::model::Day::MIN {
        0
    } else {
        first.civil().0
    }
}

/// Writes one single-file table `name` of `schema` into `dir` through `fill`; the row count.
fn table(
    dir: &Path,
    name: &str,
    schema: SchemaRef,
    fill: impl FnOnce(&mut TableWriter) -> Result<(), ExportError>,
) -> Result<usize, ExportError> {
    let mut writer = TableWriter::create(&dir.join(name), &schema)?;
    fill(&mut writer)?;
    writer.finish()
}

/// One Parquet file being written, with the rows not yet encoded. Rows are built on every
/// core, a chunk each; each batch's columns are encoded on every core, one column writer each
/// ([`ArrowColumnWriter`]), and a row group's column chunks are appended in schema order once
/// it holds [`ROW_GROUP_ROWS`]: the bytes [`ArrowWriter`] writes from the same batches.
struct TableWriter {
    path: PathBuf,
    file: SerializedFileWriter<BufWriter<File>>,
    factory: ArrowRowGroupWriterFactory,
    schema: SchemaRef,
    /// The column writers of the row group being written, and its rows so far.
    group: Option<(Vec<ArrowColumnWriter>, usize)>,
    /// Chunks of rows built by [`TableWriter::push_rows`], to be encoded together.
    pending: Vec<RecordBatch>,
    /// The rows of `pending`.
    pending_rows: usize,
    /// Rows encoded so far.
    rows: usize,
}

impl TableWriter {
    fn create(path: &Path, schema: &SchemaRef) -> Result<TableWriter, ExportError> {
        let file = folder::create_file(path)?;
        // The Arrow writer sets up the file as it writes one (its schema, with the Arrow
        // schema in its metadata); its lower half then takes the encoded columns.
        let (file, factory) = ArrowWriter::try_new(
            BufWriter::new(file),
            SchemaRef::clone(schema),
            Some(properties()),
        )?
        .into_serialized_writer()?;
        Ok(TableWriter {
            path: path.to_owned(),
            file,
            factory,
            schema: SchemaRef::clone(schema),
            group: None,
            pending: Vec::new(),
            pending_rows: 0,
            rows: 0,
        })
    }

    /// Rows written to this file so far, those not yet encoded included.
    fn rows_in_file(&self) -> usize {
        self.rows + self.pending_rows
    }

    /// Adds a row made by `row` of each of `items`, in order, built on every core: the
    /// file's rows are cut into chunks of [`CHUNK_ROWS`], counted from its first, each built
    /// on its own, and the chunks of each [`BATCH_ROWS`] are encoded together once all are
    /// built. So the batches encoded are the same however the rows come (a column writer's
    /// pages depend on where its batches begin), and a file is the same from the cache or
    /// from a graph.
    fn push_rows<T: Sync>(
        &mut self,
        items: &[T],
        row: impl Fn(&mut Batch, &T) + Sync,
    ) -> Result<(), ExportError> {
        let mut chunks = Vec::new();
        let (mut rest, mut at) = (items, self.rows_in_file());
        while !rest.is_empty() {
            let take = (CHUNK_ROWS - at % CHUNK_ROWS).min(rest.len());
            let (chunk, after) = rest.split_at(take);
            chunks.push(chunk);
            (rest, at) = (after, at + take);
        }
        let schema = &self.schema;
        let built = (chunks.par_iter())
            .map(|chunk| {
                let mut batch = Batch::new(schema);
                for item in *chunk {
                    row(&mut batch, item);
                }
                batch.finish()
            })
            .collect::<Result<Vec<_>, _>>()?;
        for chunk in built {
            self.pending_rows += chunk.num_rows();
            self.pending.push(chunk);
            if self.pending_rows == BATCH_ROWS {
                self.encode_pending()?;
            }
        }
        Ok(())
    }

    /// Encodes the chunks built by [`TableWriter::push_rows`] and not yet encoded, as one
    /// batch.
    fn encode_pending(&mut self) -> Result<(), ExportError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let batch = concat_batches(&self.schema, &self.pending)?;
        self.pending.clear();
        self.pending_rows = 0;
        self.encode(batch)
    }

    /// Encodes the rows of `batch`, closing each row group that fills.
    fn encode(&mut self, batch: RecordBatch) -> Result<(), ExportError> {
        self.rows += batch.num_rows();
        let mut rest = batch;
        while rest.num_rows() > 0 {
            let (mut writers, held) = match self.group.take() {
                Some(group) => group,
                None => (
                    self.factory
                        .create_column_writers(self.file.flushed_row_groups().len())?,
                    0,
                ),
            };
            let now = rest.num_rows().min(ROW_GROUP_ROWS - held);
            let rows = rest.slice(0, now);
            rest = rest.slice(now, rest.num_rows() - now);
            let mut leaves = Vec::with_capacity(writers.len());
            for (field, column) in self.schema.fields().iter().zip(rows.columns()) {
                leaves.extend(compute_leaves(field, column)?);
            }
            (writers.par_iter_mut().zip(&leaves))
                .try_for_each(|(writer, leaf)| writer.write(leaf))?;
            if held + now < ROW_GROUP_ROWS {
                self.group = Some((writers, held + now));
            } else {
                self.close_group(writers)?;
            }
        }
        Ok(())
    }

    /// Closes the column writers of a row group on every core and appends their chunks.
    fn close_group(&mut self, writers: Vec<ArrowColumnWriter>) -> Result<(), ExportError> {
        let chunks = (writers.into_par_iter())
            .map(ArrowColumnWriter::close)
            .collect::<Result<Vec<_>, _>>()?;
        let mut group = self.file.next_row_group()?;
        for chunk in chunks {
            chunk.append_to_row_group(&mut group)?;
        }
        group.close()?;
        Ok(())
    }

    /// Writes the last rows and the footer, and syncs the file; the number of rows.
    fn finish(mut self) -> Result<usize, ExportError> {
        self.encode_pending()?;
        if let Some((writers, _)) = self.group.take() {
            self.close_group(writers)?;
        }
        let out = self.file.into_inner()?;
        let file = out.into_inner().map_err(|e| ExportError::Io {
            path: self.path.clone(),
            source: e.into_error(),
        })?;
        file.sync_all().map_err(|source| ExportError::Io {
            path: self.path.clone(),
            source,
        })?;
        Ok(self.rows)
    }
}

/// The writer's settings: snappy compression, row groups of [`ROW_GROUP_ROWS`], a fixed
/// `created_by`, no key-value metadata beyond the Arrow schema. Columns whose every value is
/// another (ids, summaries, descriptions, and the relation of each evidence span or toll,
/// which repeats only for its neighbours) are not dictionary-encoded: a dictionary of them
/// only fills up, then falls back to plain values for the rest of each row group, having
/// cost a hash of every value.
fn properties() -> WriterProperties {
    let properties = WriterProperties::builder()
        .set_created_by(CREATED_BY.to_owned())
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .set_column_dictionary_enabled("id".into(), false)
        .set_column_dictionary_enabled("summary".into(), false)
        .set_column_dictionary_enabled("description".into(), false)
        .set_column_dictionary_enabled("relation_id".into(), false);
    // Under test, pages of a few rows, so that the built-in graph fills several and where
    // the batches begin shows in the files.
    #[cfg(test)]
    let properties = properties
        .set_write_batch_size(4)
        .set_data_page_row_count_limit(10);
    properties.build()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::Batched;
    use crate::query::{Filter, snapshot};

    /// Every file under `dir`, by path, with its bytes.
    fn files_under(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = Vec::new();
        let mut folders = vec![dir.to_owned()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    let bytes = std::fs::read(&path).unwrap();
                    files.push((path.strip_prefix(dir).unwrap().to_owned(), bytes));
                }
            }
        }
        files.sort();
        files
    }

    /// The files are the same however the relations come: the whole graph given a few at a
    /// time (as the cache gives them, in batches that cut the encoded batches anywhere) is
    /// its snapshot's export, byte for byte.
    #[test]
    fn the_files_are_the_same_however_the_relations_come() {
        let graph = crate::load::load(&crate::load::GraphFiles::builtin()).unwrap();
        let all = snapshot(&graph, &Filter::default());
        assert!(all.relations.len() > 3 * BATCH_ROWS);
        let out = tempfile::tempdir().unwrap();
        let want = out.path().join("want");
        write_dir(&graph, &all, &want).unwrap();
        let want = files_under(&want);
        for size in [1, 7, CHUNK_ROWS + 1, BATCH_ROWS - 1, 100_000] {
            let batched = Batched {
                graph: &graph,
                size,
                failure: None,
            };
            let dir = out.path().join(format!("batches-of-{size}"));
            write_dir_of(&batched, &dir).unwrap();
            assert!(files_under(&dir) == want, "in batches of {size}");
        }
    }
}
