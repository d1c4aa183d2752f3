//! The tables of a Parquet export: their schemas (documented in SCHEMA.md) and how one row of
//! each is filled from the model.

use arrow_schema::{DataType, SchemaRef};

use super::columns::{Batch, field, schema, texts};
use crate::model::{Bounds, Entity, Relation, Source};
use crate::names;

/// `entities.parquet`: one row per entity.
pub(super) fn entities_schema() -> SchemaRef {
    let text = |name: &str, nullable| field(name, DataType::Utf8, nullable);
    let date = |name: &str| field(name, DataType::Date32, true);
    schema(vec![
        text("id", false),
        text("kind", false),
        text("name_en", true),
        text("name_ar", true),
        text("name_fr", true),
        text("label", false),
        text("description", false),
        field("is_party", DataType::Boolean, false),
        field("is_place", DataType::Boolean, false),
        text("lifetime_start", true),
        date("lifetime_start_earliest"),
        date("lifetime_start_latest"),
        text("lifetime_end", true),
        date("lifetime_end_earliest"),
        date("lifetime_end_latest"),
    ])
}

/// Adds `entity` as a row of `entities.parquet`.
pub(super) fn entity_row(batch: &mut Batch, entity: &Entity) {
    let lifetime = entity.lifetime.as_ref();
    batch
        .text(Some(entity.id.as_str()))
        .text(Some(entity.kind.as_str()))
        .text(entity.names.en.as_deref())
        .text(entity.names.ar.as_deref())
        .text(entity.names.fr.as_deref())
        .text(Some(entity.label()))
        .text(Some(&entity.description))
        .flag(entity.kind.is_party())
        .flag(entity.kind.is_place())
        .uncertain(lifetime.and_then(|l| l.start.as_ref()))
        .uncertain(lifetime.and_then(|l| l.end.as_ref()))
        .end_row();
}

/// `names.parquet`: one row per spelling of an entity (its names, then its aliases).
pub(super) fn names_schema() -> SchemaRef {
    schema(vec![
        field("entity_id", DataType::Utf8, false),
        field("spelling", DataType::Utf8, false),
        field("role", DataType::Utf8, false),
        field("position", DataType::Int32, false),
        field("key", DataType::Utf8, false),
    ])
}

/// One spelling of an entity, a row of `names.parquet`: its role (`en`, `ar`, `fr` or
/// `alias`), its position (the alias's place in its list, 0 for names), and the spelling.
pub(super) type Spelling<'e> = (&'static str, usize, &'e str);

/// Every spelling of `entity`: its names, then its aliases.
pub(super) fn spellings(entity: &Entity) -> impl Iterator<Item = Spelling<'_>> {
    let names = &entity.names;
    [("en", &names.en), ("ar", &names.ar), ("fr", &names.fr)]
        .into_iter()
        .filter_map(|(role, name)| Some((role, 0, name.as_deref()?)))
        .chain(
            entity
                .aliases
                .iter()
                .enumerate()
                .map(|(at, alias)| ("alias", at, alias.as_str())),
        )
}

/// Adds `spelling` of `entity` to `names.parquet`, with its folded matching key
/// ([`names::key`]) that name resolution compares.
pub(super) fn name_row(batch: &mut Batch, entity: &Entity, &(role, position, spelling): &Spelling) {
    batch
        .text(Some(entity.id.as_str()))
        .text(Some(spelling))
        .text(Some(role))
        .int32(Some(count(position)))
        .text(Some(&names::key(spelling)))
        .end_row();
}

/// `relations/start_year=Y/part-N.parquet`: one row per relation. The partition column
/// `start_year` (the year of the earliest possible start, 0 when it is unbounded) is in the
/// folder names only, hive-style.
pub(super) fn relations_schema() -> SchemaRef {
    let text = |name: &str, nullable| field(name, DataType::Utf8, nullable);
    let flag = |name: &str| field(name, DataType::Boolean, false);
    let date = |name: &str| field(name, DataType::Date32, true);
    schema(vec![
        text("id", false),
        field("chronological", DataType::Int64, false),
        text("kind", false),
        flag("symmetric"),
        flag("instantaneous"),
        text("source", false),
        text("target", false),
        text("start", true),
        text("end", true),
        date("start_earliest"),
        date("start_latest"),
        date("end_earliest"),
        date("end_latest"),
        flag("undated"),
        flag("timeless"),
        flag("negated"),
        text("status", false),
        texts("claimed_by"),
        texts("disputed_by"),
        text("place", true),
        text("event", true),
        text("summary", false),
        field("evidence_count", DataType::Int32, false),
        field("casualties_count", DataType::Int32, false),
    ])
}

/// Adds `relation`, of date `bounds` ([`Bounds::of`] it), the `order`-th in the graph's
/// chronological order, to `relations`. The date columns are the bounds every time question
/// compares ([`crate::Graph::bounds`]): the end's are the effective end's (an instantaneous
/// kind ends within its start); see SCHEMA.md for what a null means in each.
pub(super) fn relation_row(batch: &mut Batch, relation: &Relation, bounds: &Bounds, order: usize) {
    let text = |d: Option<crate::model::UncertainDate>| d.map(|d| d.to_string());
    let (start, end) = (text(relation.start), text(relation.end));
    batch
        .text(Some(relation.id.as_str()))
        .int64(Some(order as i64))
        .text(Some(relation.kind.as_str()))
        .flag(relation.kind.is_symmetric())
        .flag(relation.kind.is_instantaneous())
        .text(Some(relation.source.as_str()))
        .text(Some(relation.target.as_str()))
        .text(start.as_deref())
        .text(end.as_deref())
        .day(Some(bounds.start_first))
        .day(Some(bounds.start_last))
        .day(Some(bounds.end_first))
        .day(Some(bounds.end_last))
        .flag(bounds.says_nothing());
    fields_of(batch, relation);
    batch.end_row();
}

/// The columns of a relation after its dates.
fn fields_of(batch: &mut Batch, relation: &Relation) {
    batch
        .flag(relation.timeless)
        .flag(relation.negated)
        .text(Some(relation.status.as_str()))
        .texts(relation.claimed_by().iter().map(|e| e.as_str()))
        .texts(relation.disputed_by().iter().map(|e| e.as_str()))
        .text(relation.place().map(|p| p.as_str()))
        .text(relation.event())
        .text(Some(relation.summary()))
        .int32(Some(count(relation.evidence().len())))
        .int32(Some(count(relation.casualties().len())));
}

/// `evidence.parquet`: one row per evidence span.
pub(super) fn evidence_schema() -> SchemaRef {
    schema(vec![
        field("relation_id", DataType::Utf8, false),
        field("position", DataType::Int32, false),
        field("document", DataType::Utf8, false),
        field("start_byte", DataType::Int64, false),
        field("end_byte", DataType::Int64, false),
        field("row", DataType::Int64, true),
    ])
}

/// Adds the evidence span at `position` in the list of `relation`.
pub(super) fn evidence_row(batch: &mut Batch, relation: &Relation, position: usize) {
    let span = &relation.evidence()[position];
    batch
        .text(Some(relation.id.as_str()))
        .int32(Some(count(position)))
        .text(Some(&span.document))
        .int64(Some(offset(span.start_byte())))
        .int64(Some(offset(span.end_byte())))
        .int64(span.row().map(offset))
        .end_row();
}

/// `casualties.parquet`: one row per toll of a relation.
pub(super) fn casualties_schema() -> SchemaRef {
    schema(vec![
        field("relation_id", DataType::Utf8, false),
        field("position", DataType::Int32, false),
        field("side", DataType::Utf8, true),
        field("who", DataType::Utf8, false),
        field("outcome", DataType::Utf8, false),
        field("low", DataType::Int64, true),
        field("high", DataType::Int64, true),
    ])
}

/// Adds the toll at `position` in the list of `relation`.
pub(super) fn casualty_row(batch: &mut Batch, relation: &Relation, position: usize) {
    let toll = &relation.casualties()[position];
    let outcome = match toll.outcome {
        crate::model::Outcome::Killed => "killed",
        crate::model::Outcome::Wounded => "wounded",
    };
    batch
        .text(Some(relation.id.as_str()))
        .int32(Some(count(position)))
        .text(toll.side.as_ref().map(|s| s.as_str()))
        .text(Some(&toll.who))
        .text(Some(outcome))
        .int64(toll.min.map(i64::from))
        .int64(toll.max.map(i64::from))
        .end_row();
}

/// `sources.parquet`: one row per source document.
pub(super) fn sources_schema() -> SchemaRef {
    let text = |name: &str| field(name, DataType::Utf8, false);
    schema(vec![
        text("document"),
        text("kind"),
        text("language"),
        text("sha256"),
        text("description"),
    ])
}

/// Adds `source` as a row of `sources.parquet`.
pub(super) fn source_row(batch: &mut Batch, source: &Source) {
    batch
        .text(Some(&source.document))
        .text(Some(source.kind.as_str()))
        .text(Some(&source.language))
        .text(Some(&source.sha256))
        .text(Some(&source.description))
        .end_row();
}

/// A position or count as a 32-bit column value (lists are far shorter than 2³¹).
fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// A byte offset as a signed 64-bit column value (Spark has no unsigned integers).
fn offset(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
