//! Invariants of the query layer on the built-in graph, over arbitrary dates.

use std::collections::BTreeSet;

use actorgraph::load::{GraphFiles, load};
use actorgraph::names::normalize;
use actorgraph::query::{self, Certainty, Filter};
use actorgraph::{Bounds, EntityIx, Graph, PartialDate, Period, RelationIx};
use proptest::prelude::*;

fn graph() -> &'static Graph {
    static GRAPH: std::sync::OnceLock<Graph> = std::sync::OnceLock::new();
    GRAPH.get_or_init(|| load(&GraphFiles::builtin()).unwrap())
}

/// Dates around the conflict at every precision.
fn date() -> impl Strategy<Value = PartialDate> {
    (2010u16..=2015, 0u8..=12, 0u8..=28).prop_map(|(y, m, d)| {
        let text = match (m, d) {
            (0, _) => format!("{y}"),
            (m, 0) => format!("{y}-{m:02}"),
            (m, d) => format!("{y}-{m:02}-{d:02}"),
        };
        text.parse().unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn certain_answers_are_a_subset_of_all_answers(at in date()) {
        let g = graph();
        let all = Filter::during(at.period());
        let certain = Filter { certain_only: true, ..all.clone() };
        let every: BTreeSet<RelationIx> =
            query::relations(g, &[], &all).iter().map(|f| f.relation).collect();
        for f in query::relations(g, &[], &certain) {
            prop_assert!(every.contains(&f.relation));
            prop_assert_eq!(f.certainty, Some(Certainty::Certain));
        }
    }

    #[test]
    fn certain_over_a_period_is_certain_on_each_day_of_it(at in date(), offset in 0i32..366) {
        let g = graph();
        let period = at.period();
        let day = actorgraph::Day(period.first.0 + offset.min(period.last.0 - period.first.0));
        let on_day = Period { first: day, last: day };
        for relation in g.relations() {
            if Bounds::of(relation).certainty(period) == Some(Certainty::Certain) {
                prop_assert_eq!(Bounds::of(relation).certainty(on_day), Some(Certainty::Certain));
            }
            if Bounds::of(relation).certainty(on_day).is_some() {
                prop_assert!(Bounds::of(relation).certainty(period).is_some());
            }
        }
    }

    #[test]
    fn snapshot_is_the_union_of_every_entitys_neighbours(at in date()) {
        let g = graph();
        let filter = Filter::during(at.period());
        let snap = query::snapshot(g, &filter);
        let from_snapshot: BTreeSet<(RelationIx, Option<Certainty>)> =
            snap.relations.iter().map(|f| (f.relation, f.certainty)).collect();
        let from_neighbours: BTreeSet<(RelationIx, Option<Certainty>)> = g.entity_indexes()
            .flat_map(|e| query::neighbors(g, e, &filter))
            .map(|n| (n.relation, n.certainty))
            .collect();
        prop_assert_eq!(from_snapshot, from_neighbours);
    }

    #[test]
    fn diff_of_a_date_with_itself_is_empty(at in date()) {
        let d = query::diff(graph(), at.period(), at.period(), &Filter::default());
        prop_assert!(d.began.is_empty() && d.ended.is_empty() && d.changed.is_empty());
    }

    #[test]
    fn diff_explains_the_difference_of_snapshots(a in date(), b in date()) {
        let g = graph();
        let d = query::diff(g, a.period(), b.period(), &Filter::default());
        let at = |p: PartialDate| -> BTreeSet<RelationIx> {
            query::snapshot(g, &Filter::during(p.period())).relations.iter().map(|f| f.relation).collect()
        };
        let (before, after) = (at(a), at(b));
        let began: BTreeSet<RelationIx> = d.began.iter().map(|c| c.relation).collect();
        let ended: BTreeSet<RelationIx> = d.ended.iter().map(|c| c.relation).collect();
        prop_assert_eq!(began, after.difference(&before).copied().collect::<BTreeSet<_>>());
        prop_assert_eq!(ended, before.difference(&after).copied().collect::<BTreeSet<_>>());
    }

    #[test]
    fn every_name_resolves_to_its_entity_and_normalisation_is_idempotent(pick in 0usize..1000) {
        let g = graph();
        let entity = &g.entities()[pick % g.entities().len()];
        for name in entity.all_names() {
            let once = normalize(name);
            prop_assert_eq!(normalize(&once), once.clone());
            let ix = g.resolve(name).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&g.entity(ix).id, &entity.id, "{}", name);
        }
    }

    #[test]
    fn the_first_path_is_as_short_as_plain_breadth_first_search_says(
        a in 0usize..1000, b in 0usize..1000, year in 2011u16..=2014
    ) {
        let g = graph();
        let n = g.entities().len();
        let (from, to) = (EntityIx::new(a % n), EntityIx::new(b % n));
        let at: PartialDate = format!("{year}").parse().unwrap();
        let filter = Filter::during(at.period());
        let found = query::shortest_paths(g, from, to, &filter, 1, 50).paths;
        // Unidirectional BFS over the relations the filter admits.
        let mut dist = vec![usize::MAX; n];
        dist[from.index()] = 0;
        let mut queue = std::collections::VecDeque::from([from]);
        while let Some(x) = queue.pop_front() {
            for &r in g.incident(x) {
                if filter.admit(g.relation(r)).is_none() {
                    continue;
                }
                let y = g.other_end(r, x);
                if dist[y.index()] == usize::MAX {
                    dist[y.index()] = dist[x.index()] + 1;
                    queue.push_back(y);
                }
            }
        }
        match found.first() {
            Some(path) => prop_assert_eq!(path.hops(), dist[to.index()]),
            None => prop_assert_eq!(dist[to.index()], usize::MAX),
        }
    }

    #[test]
    fn paths_are_loop_free_chains_in_order(a in 0usize..1000, b in 0usize..1000, k in 1usize..4) {
        let g = graph();
        let n = g.entities().len();
        let (from, to) = (EntityIx::new(a % n), EntityIx::new(b % n));
        let paths = query::shortest_paths(g, from, to, &Filter::default(), k, 6).paths;
        prop_assert!(paths.len() <= k);
        for w in paths.windows(2) {
            prop_assert!(w[0].hops() <= w[1].hops());
        }
        for path in &paths {
            prop_assert_eq!(path.entities.first(), Some(&from));
            prop_assert_eq!(path.entities.last(), Some(&to));
            let distinct: BTreeSet<_> = path.entities.iter().collect();
            prop_assert_eq!(distinct.len(), path.entities.len(), "path revisits an entity");
            for (i, &r) in path.relations.iter().enumerate() {
                let rel = g.relation(r);
                let ends = [&g.entity(path.entities[i]).id, &g.entity(path.entities[i + 1]).id];
                prop_assert!(rel.involves(ends[0]) && rel.involves(ends[1]));
            }
        }
    }
}
