//! Which relations a question is about: kinds, statuses, and a day or period.

use crate::graph::{Graph, RelationIx};
use crate::model::{Period, Relation, RelationKind, Status};

use super::{Bounds, Certainty};

/// A selection of relations: by kind, by status, and by the time they hold.
///
/// Empty `kinds` or `statuses` admit every kind or status. With a `period`, a relation is
/// admitted when it holds at least possibly in it, and carries its [`Certainty`];
/// `certain_only` keeps only the certain ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Kinds admitted; empty for all.
    pub kinds: Vec<RelationKind>,
    /// Statuses admitted; empty for all.
    pub statuses: Vec<Status>,
    /// The day or period asked about, if any.
    pub period: Option<Period>,
    /// Keep only relations that certainly hold in `period`.
    pub certain_only: bool,
    /// Leave out negated relations (a refused recognition is not a recognition).
    pub positive_only: bool,
}

/// A relation a filter admitted, with its certainty when a period was asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Admitted {
    /// The certainty in the filter's period; `None` without a period.
    pub certainty: Option<Certainty>,
}

impl Filter {
    /// How many relations of `list` (sorted by start date, as the graph keeps every list) can
    /// hold in the filter's period: those starting no later than its last day. A question
    /// about a date reads only this prefix. O(log n).
    pub fn candidates(&self, graph: &Graph, list: &[RelationIx]) -> usize {
        match self.period {
            Some(period) => list.partition_point(|&r| graph.bounds(r).start_first <= period.last),
            None => list.len(),
        }
    }

    /// A filter over the given period only.
    pub fn during(period: Period) -> Filter {
        Filter {
            period: Some(period),
            ..Filter::default()
        }
    }

    /// The same filter restricted to `kinds`.
    pub fn with_kinds(mut self, kinds: &[RelationKind]) -> Filter {
        self.kinds = kinds.to_vec();
        self
    }

    /// Whether `relation` passes, and with which certainty.
    pub fn admit(&self, relation: &Relation) -> Option<Admitted> {
        self.admit_bounded(relation, &Bounds::of(relation))
    }

    /// [`admit`](Filter::admit) for relation `r` of `graph`, using the bounds it keeps.
    pub fn admit_in(&self, graph: &Graph, r: RelationIx) -> Option<Admitted> {
        self.admit_bounded(graph.relation(r), graph.bounds(r))
    }

    /// [`admit`](Filter::admit) with the relation's date bounds already computed (the graph
    /// keeps them: [`Graph::bounds`](crate::Graph::bounds)).
    pub fn admit_bounded(&self, relation: &Relation, bounds: &Bounds) -> Option<Admitted> {
        if !self.kinds.is_empty() && !self.kinds.contains(&relation.kind) {
            return None;
        }
        if !self.statuses.is_empty() && !self.statuses.contains(&relation.status) {
            return None;
        }
        if self.positive_only && relation.negated {
            return None;
        }
        let certainty = match self.period {
            None => None,
            Some(period) => Some(bounds.during(period)?),
        };
        if self.certain_only && certainty == Some(Certainty::Possible) {
            return None;
        }
        Some(Admitted { certainty })
    }
}
