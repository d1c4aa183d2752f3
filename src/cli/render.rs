//! Text renderings of relations shared by several commands.

use std::fmt::Write as _;

use actorgraph::i18n::{self, Term};
use actorgraph::load::SourceTexts;
use actorgraph::query::Certainty;
use actorgraph::{Entity, EntityId, EntityIx, Graph, Relation, RelationKind, Status, cache};
use rayon::prelude::*;

use super::output::{Table, layout, terminal, word};

/// The ids of `entities`, in order, for JSON output.
pub fn entity_ids<'g>(graph: &'g Graph, entities: &[EntityIx]) -> Vec<&'g str> {
    entities
        .iter()
        .map(|&e| graph.entity(e).id.as_str())
        .collect()
}

/// The short label of the entity with `id` in the output language (`MNLA`, `Gao`, `غاو`), or
/// the id itself.
pub fn label<'g>(graph: &'g Graph, id: &'g EntityId) -> &'g str {
    graph
        .entity_ix(id.as_str())
        .map_or(id.as_str(), |ix| entity_label(graph.entity(ix)))
}

/// The short label of `entity` in the output language ([`i18n::label`]).
pub fn entity_label(entity: &Entity) -> &str {
    i18n::label(layout().lang, entity)
}

/// The kind as seen from `from`: `alliance`, `control →` (outgoing), `← attack` (incoming),
/// with `NOT` for negated relations; without `from`, the plain kind; in the output language.
pub fn kind_label(relation: &Relation, from: Option<&EntityId>) -> String {
    let outgoing = from.map(|from| &relation.source == from);
    kind_label_of(relation.kind, relation.negated, outgoing)
}

/// [`kind_label`] of a relation of `kind`, `negated` or not, seen from its source when
/// `outgoing` is `Some(true)`, from its target when `Some(false)`, from neither when `None`.
pub fn kind_label_of(kind: RelationKind, negated: bool, outgoing: Option<bool>) -> String {
    let mut plain = String::new();
    push_kind(&mut plain, kind, negated);
    match outgoing {
        _ if kind.is_symmetric() => plain,
        Some(true) => plain + " →",
        Some(false) => format!("← {plain}"),
        None => plain,
    }
}

/// Appends the plain kind (`alliance`, `NOT alliance`) of [`kind_label_of`] to `text`.
fn push_kind(text: &mut String, kind: RelationKind, negated: bool) {
    if negated {
        text.push_str(word(Term::Not));
        text.push(' ');
    }
    text.push_str(word(Term::Kind(kind)));
}

/// `asserted`, `alleged`, `disputed`, with who claims and who disputes:
/// `disputed; claimed by mnla; disputed by mali, islamists`; in the output language.
pub fn status_label(relation: &Relation) -> String {
    status_label_of(
        relation.status,
        relation.claimed_by(),
        relation.disputed_by(),
    )
}

/// [`status_label`] of a relation whose status is `status`, claimed by `claimed_by` and
/// disputed by `disputed_by`.
pub fn status_label_of(
    status: Status,
    claimed_by: &[EntityId],
    disputed_by: &[EntityId],
) -> String {
    let mut label = word(Term::Status(status)).to_owned();
    let ids = |list: &[EntityId]| {
        list.iter()
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !claimed_by.is_empty() {
        let by = word(Term::ClaimedBy);
        write!(label, "; {by} {}", ids(claimed_by)).ok();
    }
    if !disputed_by.is_empty() {
        let by = word(Term::DisputedBy);
        write!(label, "; {by} {}", ids(disputed_by)).ok();
    }
    label
}

/// `certain`, `possible` (in the output language), or empty without a time filter.
pub fn certainty_label(certainty: Option<Certainty>) -> String {
    certainty.map_or(String::new(), |c| word(Term::Certain(c)).to_owned())
}

/// Each entity's label in the output language, made terminal-safe ([`terminal`]) once, not
/// once per relation that names it; by entity index.
pub fn terminal_labels(graph: &Graph) -> Vec<String> {
    graph
        .entities()
        .par_iter()
        .with_min_len(1024)
        .map(|e| terminal(entity_label(e)))
        .collect()
}

/// One line per relation: `source KIND target` with arrows for directed kinds, the labels of
/// its ends already made terminal-safe ([`terminal_labels`]).
pub fn sentence_between(relation: &Relation, source: &str, target: &str) -> String {
    sentence_of(relation.kind, relation.negated, source, target)
}

/// [`sentence_between`] of a relation of `kind`, `negated` or not.
pub fn sentence_of(kind: RelationKind, negated: bool, source: &str, target: &str) -> String {
    let mut text = String::new();
    push_sentence(&mut text, kind, negated, source, target);
    text
}

/// Appends [`sentence_of`] to `text`: for hundreds of thousands of lines, without a string
/// made for each.
pub fn push_sentence(
    text: &mut String,
    kind: RelationKind,
    negated: bool,
    source: &str,
    target: &str,
) {
    text.push_str(source);
    text.push(' ');
    push_kind(text, kind, negated);
    text.push_str(if kind.is_symmetric() {
        " — "
    } else {
        " → "
    });
    text.push_str(target);
}

/// A table of relations with their certainty (when `timed`), dates, kind, ends, status and id.
pub fn relation_table<'a>(
    graph: &Graph,
    rows: impl IntoIterator<Item = (&'a Relation, Option<Certainty>)>,
    timed: bool,
) -> String {
    let mut table = relation_table_header(timed);
    for (relation, certainty) in rows {
        let cells = [
            &relation.dates(),
            &kind_label(relation, None),
            label(graph, &relation.source),
            label(graph, &relation.target),
            &status_label(relation),
            relation.id.as_str(),
        ];
        relation_row(&mut table, timed.then_some(certainty), cells);
    }
    table.render()
}

/// The table of [`relation_table`], with its header and no row.
pub fn relation_table_header(timed: bool) -> Table {
    let mut header = [
        Term::Dates,
        Term::KindHeader,
        Term::Source,
        Term::Target,
        Term::StatusHeader,
        Term::Id,
    ]
    .map(word)
    .to_vec();
    if timed {
        header.insert(0, word(Term::Certainty));
    }
    Table::new(&header).keep_whole(header.len() - 1)
}

/// Adds to `table` ([`relation_table_header`]) the row of a relation: the cell of its
/// `certainty` when the table is timed (`Some`), then `cells` (its dates, kind, source,
/// target, status and id; in a table of neighbours, its dates, kind, the neighbour's label
/// and id, status and id with the part it came through).
pub fn relation_row(table: &mut Table, certainty: Option<Option<Certainty>>, cells: [&str; 6]) {
    let certainty = certainty.map(certainty_label);
    table.row(certainty.as_deref().into_iter().chain(cells));
}

/// Adds to `table` ([`relation_table_header`]) the row [`relation_table`] gives a relation,
/// for a relation read from the cache as a row ([`cache::rows::Row`]), with its certainty
/// when the table is `timed`.
pub fn record_table_row(table: &mut Table, row: &cache::rows::Row, timed: bool) {
    let cells = [
        &row.dates(),
        &kind_label_of(row.kind, row.negated, None),
        row.source.label,
        row.target.label,
        &status_label_of(row.status, &row.claimed_by, &row.disputed_by),
        row.id,
    ];
    relation_row(table, timed.then_some(row.certainty), cells);
}

/// One relation in full, with its evidence quoted when the texts are available.
pub fn relation_text(graph: &Graph, relation: &Relation, texts: Option<&SourceTexts>) -> String {
    let t = terminal;
    let name = |id: &EntityId| {
        let e = graph.entity(graph.entity_ix(id.as_str()).unwrap_or_default());
        format!("{} ({})", t(layout().lang.name_of(e)), e.id)
    };
    let mut text = String::new();
    writeln!(
        text,
        "relation {}: {} {} {} {}",
        relation.id,
        name(&relation.source),
        kind_label(relation, None),
        if relation.kind.is_symmetric() {
            "—"
        } else {
            "→"
        },
        name(&relation.target)
    )
    .ok();
    writeln!(text, "  dates: {}", relation.dates()).ok();
    writeln!(text, "  status: {}", status_label(relation)).ok();
    if let Some(place) = relation.place() {
        writeln!(text, "  place: {}", name(place)).ok();
    }
    if let Some(event) = &relation.event() {
        writeln!(text, "  event: {}", t(event)).ok();
    }
    for c in relation.casualties() {
        let count = match (c.min, c.max) {
            (Some(min), Some(max)) if min != max => format!("{min}–{max}"),
            (Some(min), _) => min.to_string(),
            _ => "unknown number of".to_owned(),
        };
        let outcome = match c.outcome {
            actorgraph::Outcome::Killed => "killed",
            actorgraph::Outcome::Wounded => "wounded",
        };
        writeln!(text, "  casualties: {count} {} {outcome}", t(&c.who)).ok();
    }
    writeln!(text, "  summary: {}", t(relation.summary())).ok();
    for (i, evidence) in relation.evidence().iter().enumerate() {
        writeln!(
            text,
            "  evidence [{}]: {}{} bytes {}..{}",
            i + 1,
            evidence.document,
            evidence
                .row()
                .map(|r| format!(" row {r},"))
                .unwrap_or_default(),
            evidence.start_byte(),
            evidence.end_byte()
        )
        .ok();
        if let Some(texts) = texts {
            match texts.span(evidence) {
                Ok(span) => writeln!(text, "    «{}»", t(span.trim())),
                Err(e) => writeln!(text, "    (cannot quote: {e})"),
            }
            .ok();
        }
    }
    text
}
