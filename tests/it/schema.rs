//! The checked-in JSON Schema matches the one generated from the Rust types.

use std::path::Path;

#[test]
fn checked_in_schema_is_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-data/schema");
    let update = std::env::var_os("UPDATE_SCHEMA").is_some();
    for (name, data_file, generated) in actorgraph::schema::schemas() {
        let path = dir.join(name);
        if update {
            std::fs::write(&path, &generated).unwrap();
            continue;
        }
        let checked_in = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; run UPDATE_SCHEMA=1 cargo test --test it schema",
                path.display()
            )
        });
        assert!(
            checked_in == generated,
            "{} (schema of {data_file}) is stale; run UPDATE_SCHEMA=1 cargo test --test it schema",
            path.display()
        );
    }
}

#[test]
fn schema_rejects_unknown_fields_and_names_the_kinds() {
    let (_, _, relations) = &actorgraph::schema::schemas()[1];
    let schema: serde_json::Value = serde_json::from_str(relations).unwrap();
    let relation = &schema["$defs"]["Relation"];
    assert_eq!(relation["additionalProperties"], false);
    let kinds = schema["$defs"]["RelationKind"].to_string();
    for kind in ["alliance", "control", "part_of", "denunciation"] {
        assert!(kinds.contains(kind), "{kind} missing from the schema");
    }
}
