//! Adding to a graph folder: new entities, relations and sources appended to its files,
//! validated as a whole by the loader, and written atomically, entities (and sources) before
//! the relations that name them, so that a failure between two files never leaves a relation
//! naming a missing entity.
//!
//! This is the one writer of graph folders: `accept` uses it, and `add` can share it.

use std::path::Path;

use serde::Serialize;

use crate::atomic;
use crate::load::{
    self, ENTITIES_FILE, GraphFiles, InvalidGraph, RELATIONS_FILE, ReadError, SOURCES_FILE,
};
use crate::model::{Entity, Relation, Source};

/// What to add to a graph.
#[derive(Debug, Clone, Default)]
pub struct Additions {
    /// New entities.
    pub entities: Vec<Entity>,
    /// New relations.
    pub relations: Vec<Relation>,
    /// New source documents.
    pub sources: Vec<Source>,
}

/// Why additions were not made.
#[derive(Debug, thiserror::Error)]
pub enum GrowError {
    /// The folder could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// A file of the folder is not a JSON array.
    #[error("{file} in {dir} is not a JSON array: {message}")]
    NotArray {
        /// The folder.
        dir: String,
        /// The file.
        file: &'static str,
        /// The parser's message.
        message: String,
    },
    /// The graph with the additions would be invalid; nothing was written.
    #[error(transparent)]
    Invalid(#[from] InvalidGraph),
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// Appends `additions` to the graph folder `dir` when the whole graph stays valid (checked by
/// [`load::check`], with the documents under `sources_dir` when given); otherwise writes
/// nothing and returns every error.
pub fn add(dir: &Path, additions: &Additions, sources_dir: Option<&Path>) -> Result<(), GrowError> {
    let files = GraphFiles::read_dir(dir)?;
    let origin = dir.display().to_string();
    let grow = |file: &'static str, bytes: &[u8], added: Vec<serde_json::Value>| {
        let mut array: Vec<serde_json::Value> =
            serde_json::from_slice(bytes).map_err(|e| GrowError::NotArray {
                dir: origin.clone(),
                file,
                message: e.to_string(),
            })?;
        let changed = !added.is_empty();
        array.extend(added);
        let mut out = serde_json::to_vec_pretty(&array).unwrap_or_default();
        out.push(b'\n');
        Ok::<_, GrowError>((changed, out))
    };
    let (entities_changed, entities) =
        grow(ENTITIES_FILE, &files.entities, values(&additions.entities))?;
    let (relations_changed, relations) = grow(
        RELATIONS_FILE,
        &files.relations,
        values(&additions.relations),
    )?;
    let (sources_changed, sources) =
        grow(SOURCES_FILE, &files.sources, values(&additions.sources))?;
    let grown = GraphFiles {
        origin: origin.clone(),
        layout: files.layout.clone(),
        entities: entities.clone().into(),
        relations: relations.clone().into(),
        sources: sources.clone().into(),
    };
    let report = load::check(&grown, sources_dir);
    if report.fails(false) {
        return Err(InvalidGraph {
            origin,
            errors: report
                .problems
                .into_iter()
                .filter(|p| p.is_error())
                .collect(),
        }
        .into());
    }
    for (changed, file, bytes) in [
        (sources_changed, SOURCES_FILE, &sources),
        (entities_changed, ENTITIES_FILE, &entities),
        (relations_changed, RELATIONS_FILE, &relations),
    ] {
        if changed {
            let path = dir.join(file);
            atomic::write(&path, |w| w.write_all(bytes)).map_err(|source| GrowError::Write {
                path: path.display().to_string(),
                source,
            })?;
        }
    }
    Ok(())
}

fn values<T: Serialize>(items: &[T]) -> Vec<serde_json::Value> {
    items
        .iter()
        .filter_map(|i| serde_json::to_value(i).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityId, Relation, RelationKind, Status};

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let files = GraphFiles::builtin();
        std::fs::write(dir.path().join(ENTITIES_FILE), &files.entities[..]).unwrap();
        std::fs::write(dir.path().join(RELATIONS_FILE), &files.relations[..]).unwrap();
        std::fs::write(dir.path().join(SOURCES_FILE), &files.sources[..]).unwrap();
        dir
    }

    fn relation(id: &str, source: &str, target: &str) -> Relation {
        Relation {
            id: EntityId(id.into()),
            kind: RelationKind::Control,
            source: EntityId(source.into()),
            target: EntityId(target.into()),
            start: None,
            end: None,
            negated: false,
            timeless: false,
            status: Status::Asserted,
            claimed_by: Box::new([]),
            disputed_by: Box::new([]),
            place: None,
            event: None,
            casualties: Box::new([]),
            summary: "test".into(),
            evidence: Box::new([]),
        }
    }

    #[test]
    fn a_valid_addition_is_written_and_loads() {
        let dir = folder();
        let additions = Additions {
            relations: vec![relation("mnla-holds-kidal-test", "mnla", "kidal")],
            ..Additions::default()
        };
        add(dir.path(), &additions, None).unwrap();
        let graph = load::load(&GraphFiles::read_dir(dir.path()).unwrap()).unwrap();
        assert!(
            graph
                .relation_ix(&EntityId("mnla-holds-kidal-test".into()))
                .is_some()
        );
    }

    #[test]
    fn an_invalid_addition_writes_nothing() {
        let dir = folder();
        let before = std::fs::read(dir.path().join(RELATIONS_FILE)).unwrap();
        // A town cannot control a movement, and the id names no entity.
        let additions = Additions {
            relations: vec![relation("bad", "gao", "no-such-entity")],
            ..Additions::default()
        };
        let err = add(dir.path(), &additions, None).unwrap_err();
        assert!(matches!(err, GrowError::Invalid(_)), "{err}");
        assert_eq!(
            std::fs::read(dir.path().join(RELATIONS_FILE)).unwrap(),
            before
        );
    }
}
