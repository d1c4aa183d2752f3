//! The graph as it stood on a day or through a period, and what changed between two dates.

use std::collections::BTreeSet;

use crate::graph::{EntityIx, Graph, RelationIx};
use crate::model::{Bounds, Period};

use super::select::{Found, relations};
use super::{Certainty, Filter, Traits};

/// The relations that held in a period and the entities they join.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// Entities joined by at least one relation of the snapshot, by index.
    pub entities: Vec<EntityIx>,
    /// The relations holding (certainly or possibly), by start date then id.
    pub relations: Vec<Found>,
}

/// The graph as `filter` (which should carry a period) sees it: every admitted relation and the
/// entities at its ends. Complexity: O(R).
pub fn snapshot(graph: &Graph, filter: &Filter) -> Snapshot {
    let relations = relations(graph, &[], filter);
    if *filter == Filter::default() {
        // Everything: keep entities that no relation joins, too.
        return Snapshot {
            entities: graph.entity_indexes().collect(),
            relations,
        };
    }
    Snapshot::joining(graph, relations)
}

impl Snapshot {
    /// The snapshot of `relations` with the entities at their ends, in index order.
    pub fn joining(graph: &Graph, relations: Vec<Found>) -> Snapshot {
        let entities: BTreeSet<EntityIx> = relations
            .iter()
            .flat_map(|f| {
                let (s, t) = graph.ends(f.relation);
                [s, t]
            })
            .collect();
        Snapshot {
            entities: entities.into_iter().collect(),
            relations,
        }
    }

    /// The part of the snapshot among actors: the relations whose two ends are actors (not a
    /// town, region or natural area, [`EntityKind::is_actor`](crate::EntityKind::is_actor)),
    /// other than geography between states (borders and the like,
    /// [`RelationKind::is_geographic`](crate::RelationKind::is_geographic)), with the entities
    /// they join. What a diagram of a date draws by default, so that its
    /// lines are who stood with or against whom.
    ///
    /// ```
    /// use actorgraph::query::{Filter, snapshot};
    /// let graph = actorgraph::load::load(&actorgraph::load::GraphFiles::builtin()).unwrap();
    /// let day = "2012-05-01".parse::<actorgraph::PartialDate>().unwrap();
    /// let all = snapshot(&graph, &Filter::during(day.period()));
    /// let actors = all.clone().among_actors(&graph);
    /// assert!(actors.relations.len() < all.relations.len());
    /// assert!(actors.entities.iter().all(|&e| graph.entity(e).kind.is_actor()));
    /// ```
    pub fn among_actors(self, graph: &Graph) -> Snapshot {
        let relations = self
            .relations
            .into_iter()
            .filter(|f| {
                let (s, t) = graph.ends(f.relation);
                graph.entity(s).kind.is_actor()
                    && graph.entity(t).kind.is_actor()
                    && !graph.relation(f.relation).kind.is_geographic()
            })
            .collect();
        Snapshot::joining(graph, relations)
    }
}

/// How a relation's standing differs between two dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// The relation.
    pub relation: RelationIx,
    /// Its certainty on the first date (`None`: it did not hold).
    pub before: Option<Certainty>,
    /// Its certainty on the second date.
    pub after: Option<Certainty>,
}

/// What changed between two dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    /// Relations that did not hold on the first date and hold on the second.
    pub began: Vec<Change>,
    /// Relations that held on the first date and not on the second.
    pub ended: Vec<Change>,
    /// Relations that held on both, with a different certainty.
    pub changed: Vec<Change>,
}

/// Compares the relations `filter` admits (its own period is ignored) in `first` and `second`.
/// Each list is sorted by start date then id. `diff(g, d, d, f)` is empty.
pub fn diff(graph: &Graph, first: Period, second: Period, filter: &Filter) -> Diff {
    let standing = Standing::new(filter, first, second);
    let mut out = Diff::default();
    for &r in graph.chronological() {
        let traits = Traits::of(graph.relation(r));
        let Some((before, after)) = standing.of(&traits, graph.bounds(r)) else {
            continue;
        };
        let change = Change {
            relation: r,
            before,
            after,
        };
        match (before, after) {
            (None, _) => out.began.push(change),
            (_, None) => out.ended.push(change),
            _ => out.changed.push(change),
        }
    }
    out
}

/// How relations stand under a filter on two dates: what [`diff`] compares, and what a cache
/// reads for it ([`crate::cache::dated::changes`]) from traits and bounds, without decoding
/// the relations.
#[derive(Debug, Clone)]
pub struct Standing {
    /// The filter without its period or its certainty test, which `of` applies per date.
    untimed: Filter,
    certain_only: bool,
    first: Period,
    second: Period,
}

impl Standing {
    /// The standing under `filter` (its own period ignored) on `first` and on `second`.
    pub fn new(filter: &Filter, first: Period, second: Period) -> Standing {
        Standing {
            untimed: Filter {
                period: None,
                certain_only: false,
                ..filter.clone()
            },
            certain_only: filter.certain_only,
            first,
            second,
        }
    }

    /// The certainty of a relation with these traits and date bounds on each date (`None`:
    /// it does not hold), when the filter admits it and they differ; `None` otherwise.
    pub fn of(
        &self,
        traits: &Traits,
        bounds: &Bounds,
    ) -> Option<(Option<Certainty>, Option<Certainty>)> {
        self.untimed.admit_traits(traits, bounds)?;
        let at = |period: Period| {
            let certainty = bounds.certainty(period)?;
            (!self.certain_only || certainty == Certainty::Certain).then_some(certainty)
        };
        let (before, after) = (at(self.first), at(self.second));
        (before != after).then_some((before, after))
    }

    /// The two dates compared.
    pub fn periods(&self) -> [Period; 2] {
        [self.first, self.second]
    }
}
