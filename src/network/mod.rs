//! Network questions over time: which blocs stood together, who was central, and how balanced
//! the signed network of alliances and enmities was — each asked of the graph as it stood on a
//! day or through a period.
//!
//! Every question starts from a [`Standing`]: the relations a [`Filter`] admits (so dates,
//! kinds, statuses and certainty mean what they mean for every other query), laid out as an
//! undirected petgraph graph whose nodes are entities and whose edges are the relations that
//! held, each with its certainty. The measures then run petgraph's own algorithms where it has
//! them (union-find for blocs, PageRank) and walk its adjacency where it does not (betweenness).

mod balance;
mod blocs;
mod centrality;

use foldhash::{HashMap, HashMapExt};
use petgraph::graph::{NodeIndex, UnGraph};

use crate::graph::{EntityIx, Graph, RelationIx};
use crate::query::{self, Certainty, Filter};

pub use balance::{Balance, Sign, Step, Triad, balance};
pub use blocs::{Bloc, blocs};
pub use centrality::{Measure, Score, UnknownMeasure, centrality};

/// A relation that held, as an edge of a [`Standing`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tie {
    /// The relation.
    pub relation: RelationIx,
    /// How surely it held in the period asked about (`None` without a period).
    pub certainty: Option<Certainty>,
}

impl Tie {
    /// True when the tie held certainly.
    pub fn is_certain(&self) -> bool {
        self.certainty == Some(Certainty::Certain)
    }
}

/// The graph as a filter sees it, for network measures: node weights are entity indexes, edge
/// weights the relations that held (parallel relations between a pair are parallel edges).
#[derive(Debug, Clone)]
pub struct Standing {
    /// The undirected petgraph graph of the relations that held.
    pub network: UnGraph<EntityIx, Tie>,
}

impl Standing {
    /// The relations `filter` admits, in the graph's date order, as a petgraph graph of the
    /// entities they join. Relations from an entity to itself are left out. O(R).
    pub fn of(graph: &Graph, filter: &Filter) -> Standing {
        let snapshot = query::snapshot(graph, filter);
        let mut network = UnGraph::with_capacity(snapshot.entities.len(), snapshot.relations.len());
        let mut node: HashMap<EntityIx, NodeIndex> =
            HashMap::with_capacity(snapshot.entities.len());
        for &entity in &snapshot.entities {
            node.insert(entity, network.add_node(entity));
        }
        for found in &snapshot.relations {
            let (s, t) = graph.ends(found.relation);
            if s == t {
                continue;
            }
            let tie = Tie {
                relation: found.relation,
                certainty: found.certainty,
            };
            network.add_edge(node[&s], node[&t], tie);
        }
        Standing { network }
    }

    /// The entity of node `n`.
    pub fn entity(&self, n: NodeIndex) -> EntityIx {
        self.network[n]
    }

    /// The same standing with at most one edge per pair of entities (the first relation met),
    /// for measures that count neighbours rather than relations.
    pub fn simple(&self) -> UnGraph<EntityIx, ()> {
        let mut simple = self.network.map(|_, &e| e, |_, _| ());
        simple.clear_edges();
        let mut seen = foldhash::HashSet::default();
        for edge in self.network.edge_indices() {
            let (a, b) = self
                .network
                .edge_endpoints(edge)
                .expect("an edge of the graph");
            if seen.insert((a.min(b), a.max(b))) {
                simple.add_edge(a, b, ());
            }
        }
        simple
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use proptest::prelude::*;

    use super::*;
    use crate::load::{GraphFiles, Layout, load};
    use crate::model::{PartialDate, Period, RelationKind};
    use crate::query::{ALLY_KINDS, ENEMY_KINDS};

    /// A graph of `n` armed groups `e0`… with one relation per link, all in 2012.
    fn generated(n: usize, links: &[(usize, usize, RelationKind)]) -> Graph {
        let entities: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"id":"e{i}","kind":"armed_group","names":{{"en":"E{i}"}},"aliases":[],"description":"d"}}"#))
            .collect();
        let relations: Vec<String> = links
            .iter()
            .enumerate()
            .map(|(r, (a, b, kind))| {
                format!(r#"{{"id":"r{r}","kind":"{kind}","source":"e{a}","target":"e{b}","start":"2012","summary":"s","evidence":[]}}"#)
            })
            .collect();
        let files = GraphFiles {
            origin: "generated".to_owned(),
            layout: Layout::Folder,
            entities: Cow::Owned(format!("[{}]", entities.join(",")).into_bytes()),
            relations: Cow::Owned(format!("[{}]", relations.join(",")).into_bytes()),
            sources: Cow::Borrowed(b"[]"),
        };
        load(&files).unwrap()
    }

    /// Random links between up to eight actors, no self-links, of the given kinds.
    fn links(
        kinds: Vec<RelationKind>,
    ) -> impl Strategy<Value = (usize, Vec<(usize, usize, RelationKind)>)> {
        (3usize..8).prop_flat_map(move |n| {
            let link = (0..n, 0..n, proptest::sample::select(kinds.clone()))
                .prop_filter("no self-link", |(a, b, _)| a != b);
            (Just(n), proptest::collection::vec(link, 0..16))
        })
    }

    fn year_2012() -> Period {
        "2012".parse::<PartialDate>().unwrap().period()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Every tie of a bloc holds and joins two of its members, the ties join every member,
        /// no actor is in two blocs, and every relation that holds is in a bloc.
        #[test]
        fn blocs_are_the_components_of_the_ties_that_hold(
            (n, links) in links(vec![RelationKind::Alliance, RelationKind::Support, RelationKind::Conflict]),
        ) {
            let graph = generated(n, &links);
            let filter = Filter { positive_only: true, ..Filter::during(year_2012()) }.with_kinds(&ALLY_KINDS);
            let blocs = blocs(&graph, &filter);
            let mut seen = std::collections::BTreeSet::new();
            let mut tied = 0;
            for bloc in &blocs {
                prop_assert!(bloc.members.len() >= 2);
                let mut joined = petgraph::unionfind::UnionFind::<usize>::new(n);
                for tie in &bloc.ties {
                    prop_assert!(filter.admit(graph.relation(tie.relation)).is_some());
                    let (s, t) = graph.ends(tie.relation);
                    prop_assert!(bloc.members.contains(&s) && bloc.members.contains(&t));
                    joined.union(s.index(), t.index());
                }
                let root = joined.find(bloc.members[0].index());
                prop_assert!(bloc.members.iter().all(|&m| joined.find(m.index()) == root));
                for &m in &bloc.members {
                    prop_assert!(seen.insert(m), "actor {m:?} in two blocs");
                }
                tied += bloc.ties.len();
            }
            let holding = links.iter().filter(|(_, _, k)| ALLY_KINDS.contains(k)).count();
            prop_assert_eq!(tied, holding);
        }

        /// With no negative tie, every triangle is balanced; with only negative ties, none is.
        #[test]
        fn balance_is_whole_without_enemies_and_nil_among_enemies_only(
            (n, friends) in links(ALLY_KINDS.to_vec()),
            (m, enemies) in links(ENEMY_KINDS.to_vec()),
        ) {
            let among_friends = balance(&generated(n, &friends), year_2012(), Step::Year, false);
            prop_assert_eq!(among_friends.len(), 1);
            let b = &among_friends[0];
            prop_assert!(b.unbalanced.is_empty());
            prop_assert!(b.ratio().is_none_or(|r| r == 1.0));
            let among_enemies = balance(&generated(m, &enemies), year_2012(), Step::Year, false);
            let b = &among_enemies[0];
            prop_assert_eq!(b.balanced, 0);
            prop_assert_eq!(b.unbalanced.len(), b.triangles);
        }

        /// Degree is the number of distinct other actors; betweenness lies in 0–1; PageRank
        /// shares out 1.
        #[test]
        fn centrality_measures_keep_their_ranges(
            (n, links) in links(vec![RelationKind::Alliance, RelationKind::Conflict]),
        ) {
            let graph = generated(n, &links);
            let filter = Filter::during(year_2012());
            for score in centrality(&graph, &filter, Measure::Degree) {
                let others: std::collections::BTreeSet<EntityIx> = graph
                    .incident(score.entity)
                    .iter()
                    .map(|&r| graph.other_end(r, score.entity))
                    .collect();
                prop_assert_eq!(score.score, others.len() as f64);
            }
            for score in centrality(&graph, &filter, Measure::Betweenness) {
                prop_assert!((0.0..=1.0 + 1e-9).contains(&score.score), "{score:?}");
            }
            let ranks = centrality(&graph, &filter, Measure::PageRank);
            if !ranks.is_empty() {
                let total: f64 = ranks.iter().map(|s| s.score).sum();
                prop_assert!((total - 1.0).abs() < 1e-6, "{total}");
            }
        }
    }
}
