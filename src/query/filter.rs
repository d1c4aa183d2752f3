//! Which relations a question is about: kinds, statuses, and a day or period.

use crate::graph::{Graph, RelationIx};
use crate::model::{Day, Period, Relation, RelationKind, Status};

use crate::model::{Bounds, Certainty};

/// A selection of relations: by kind, by status, and by the time they hold.
///
/// Empty `kinds` or `statuses` admit every kind or status. With a `period`, a relation is
/// admitted when it holds at least possibly in it, and carries its [`Certainty`];
/// `certain_only` keeps only the certain ones (throughout the period), `known_only` those
/// known to hold at some point of it. A relation whose dates say nothing
/// ([`Bounds::says_nothing`]) is possible on every day, so it would answer every time
/// question: with a period it is left out unless `include_undated` (then possible) or, for a
/// timeless one ([`Relation::timeless`]), `include_timeless` (then certain: it holds at all
/// times).
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
    /// Keep only relations known to hold at some point of `period` under every reading of
    /// their dates ([`Bounds::known_during`]).
    pub known_only: bool,
    /// With a period, also admit undated relations that are not timeless (as possible).
    pub include_undated: bool,
    /// With a period, also admit timeless relations (as certain).
    pub include_timeless: bool,
    /// Questions about an actor include the relations of its parts (its armed forces,
    /// [`RelationKind::ArmedForceOf`]), marked as theirs.
    pub with_parts: bool,
    /// Leave out relations whose other end cannot be a party (a town, a people: see
    /// [`EntityKind::is_party`](crate::EntityKind::is_party)); used by `enemies` and `allies`.
    pub parties_only: bool,
}

/// What a filter tests of a relation besides its dates: its kind, status, negation and
/// timelessness. A cache's incident entries keep them with the relation's bounds
/// ([`crate::cache`]), so that a question can be asked of a relation not decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Traits {
    /// The relation's kind.
    pub kind: RelationKind,
    /// Its status.
    pub status: Status,
    /// Whether it is negated.
    pub negated: bool,
    /// Whether it holds at all times ([`Relation::timeless`]).
    pub timeless: bool,
}

impl Traits {
    /// The traits of `relation`.
    pub fn of(relation: &Relation) -> Traits {
        Traits {
            kind: relation.kind,
            status: relation.status,
            negated: relation.negated,
            timeless: relation.timeless,
        }
    }
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
        self.candidates_by(list, |&r| graph.bounds(r).start_first)
    }

    /// [`candidates`](Filter::candidates) of a `list` of anything sorted by its items'
    /// earliest possible start, which `start_first` gives (a cache's incident entries).
    pub fn candidates_by<T>(&self, list: &[T], start_first: impl Fn(&T) -> Day) -> usize {
        match self.period {
            Some(period) => list.partition_point(|x| start_first(x) <= period.last),
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
        // The date test first: it reads only the compact bounds, and most relations a date
        // question looks at fail it; the relation itself is read only when a kind, status or
        // negation test needs it, or its dates say nothing.
        let bounds = graph.bounds(r);
        if self.period.is_some() && bounds.says_nothing() {
            return self.admit_bounded(graph.relation(r), bounds);
        }
        let certainty = self.certainty(bounds)?;
        if self.tests_fields() && !self.admit_fields(&Traits::of(graph.relation(r))) {
            return None;
        }
        Some(Admitted { certainty })
    }

    /// [`admit`](Filter::admit) with the relation's date bounds already computed (the graph
    /// keeps them: [`Graph::bounds`](crate::Graph::bounds)).
    pub fn admit_bounded(&self, relation: &Relation, bounds: &Bounds) -> Option<Admitted> {
        self.admit_traits(&Traits::of(relation), bounds)
    }

    /// [`admit`](Filter::admit) for a relation known by its traits and date bounds only.
    pub fn admit_traits(&self, traits: &Traits, bounds: &Bounds) -> Option<Admitted> {
        let certainty = if self.period.is_some() && bounds.says_nothing() {
            self.certainty_undated(traits.timeless)?
        } else {
            self.certainty(bounds)?
        };
        self.admit_fields(traits).then_some(Admitted { certainty })
    }

    /// The certainty a relation with these bounds holds with in the period asked about (none
    /// without a period), or `None` when it does not pass the date test.
    fn certainty(&self, bounds: &Bounds) -> Option<Option<Certainty>> {
        let certainty = match self.period {
            None => None,
            Some(period) => {
                if self.known_only && !bounds.known_during(period) {
                    return None;
                }
                Some(bounds.certainty(period)?)
            }
        };
        if self.certain_only && certainty == Some(Certainty::Possible) {
            return None;
        }
        Some(certainty)
    }

    /// The date test for a relation whose dates say nothing, asked about a period: a timeless
    /// one holds certainly if timeless relations are asked for; an undated one possibly, if
    /// undated ones are asked for (never when only certain or known ones are).
    fn certainty_undated(&self, timeless: bool) -> Option<Option<Certainty>> {
        if timeless {
            self.include_timeless.then_some(Some(Certainty::Certain))
        } else {
            (self.include_undated && !self.certain_only && !self.known_only)
                .then_some(Some(Certainty::Possible))
        }
    }

    /// True when the filter tests a relation's kind, status or negation.
    fn tests_fields(&self) -> bool {
        !self.kinds.is_empty() || !self.statuses.is_empty() || self.positive_only
    }

    /// True when the relation's kind, status and negation pass.
    fn admit_fields(&self, traits: &Traits) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&traits.kind))
            && (self.statuses.is_empty() || self.statuses.contains(&traits.status))
            && !(self.positive_only && traits.negated)
    }
}
