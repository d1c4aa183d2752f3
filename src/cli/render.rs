//! Text renderings of relations shared by several commands.

use std::fmt::Write as _;

use actorgraph::query::Certainty;
use actorgraph::{EntityId, Graph, Relation};

use super::output::{Table, terminal};

/// The short label of the entity with `id` (`MNLA`, `Gao`), or the id itself.
pub fn label<'g>(graph: &'g Graph, id: &'g EntityId) -> &'g str {
    graph
        .entity_ix(id)
        .map_or(id.as_str(), |ix| graph.entity(ix).label())
}

/// The kind as seen from `from`: `alliance`, `control →` (outgoing), `← attack` (incoming),
/// with `not` for negated relations; without `from`, the plain kind.
pub fn kind_label(relation: &Relation, from: Option<&EntityId>) -> String {
    let not = if relation.negated { "NOT " } else { "" };
    match from {
        _ if relation.kind.is_symmetric() => format!("{not}{}", relation.kind),
        Some(from) if &relation.source == from => format!("{not}{} →", relation.kind),
        Some(_) => format!("← {not}{}", relation.kind),
        None => format!("{not}{}", relation.kind),
    }
}

/// `asserted`, `alleged`, `disputed`, with who claims and who disputes.
pub fn status_label(relation: &Relation) -> String {
    let mut label = relation.status.to_string();
    let ids = |list: &[EntityId]| {
        list.iter()
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
            .join(",")
    };
    if !relation.claimed_by.is_empty() {
        write!(label, " by {}", ids(&relation.claimed_by)).ok();
    }
    if !relation.disputed_by.is_empty() {
        write!(label, ", denied by {}", ids(&relation.disputed_by)).ok();
    }
    label
}

/// `certain`, `possible`, or empty without a time filter.
pub fn certainty_label(certainty: Option<Certainty>) -> String {
    certainty.map_or(String::new(), |c| c.as_str().to_owned())
}

/// One line per relation: `source KIND target` with arrows for directed kinds.
pub fn sentence(graph: &Graph, relation: &Relation) -> String {
    let arrow = if relation.kind.is_symmetric() {
        "—"
    } else {
        "→"
    };
    format!(
        "{} {} {arrow} {}",
        terminal(label(graph, &relation.source)),
        kind_label(relation, None),
        terminal(label(graph, &relation.target))
    )
}

/// A table of relations with their certainty (when `timed`), dates, kind, ends, status and id.
pub fn relation_table<'a>(
    graph: &Graph,
    rows: impl IntoIterator<Item = (&'a Relation, Option<Certainty>)>,
    timed: bool,
) -> String {
    let mut header = vec!["DATES", "KIND", "SOURCE", "TARGET", "STATUS", "ID"];
    if timed {
        header.insert(0, "CERTAINTY");
    }
    let mut table = Table::new(&header);
    for (relation, certainty) in rows {
        let mut row = vec![
            relation.dates(),
            kind_label(relation, None),
            label(graph, &relation.source).to_owned(),
            label(graph, &relation.target).to_owned(),
            status_label(relation),
            relation.id.to_string(),
        ];
        if timed {
            row.insert(0, certainty_label(certainty));
        }
        table.row(row);
    }
    table.render()
}
