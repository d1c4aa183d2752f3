//! The JSON Schema of the data format, generated from the model types.
//!
//! The checked-in copies under `graph-data/schema/` are compared with these by a test
//! (`tests/it/schema.rs`); `UPDATE_SCHEMA=1 cargo test --test it schema` rewrites them.

use schemars::schema_for;

use crate::load::{ENTITIES_FILE, RELATIONS_FILE, SOURCES_FILE};
use crate::model::{Entity, Relation, Source};

/// Each data file's name with the pretty-printed JSON Schema of its contents, as
/// `(schema file name, data file name, schema text)`.
pub fn schemas() -> Vec<(&'static str, &'static str, String)> {
    let pretty = |schema: schemars::Schema| {
        let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
        text.push('\n');
        text
    };
    vec![
        (
            "entities.schema.json",
            ENTITIES_FILE,
            pretty(schema_for!(Vec<Entity>)),
        ),
        (
            "relations.schema.json",
            RELATIONS_FILE,
            pretty(schema_for!(Vec<Relation>)),
        ),
        (
            "sources.schema.json",
            SOURCES_FILE,
            pretty(schema_for!(Vec<Source>)),
        ),
    ]
}
