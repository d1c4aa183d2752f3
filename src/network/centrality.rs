//! Centrality: who was central on a day or through a period.

use std::collections::VecDeque;
use std::fmt;
use std::str::FromStr;

use petgraph::graph::{NodeIndex, UnGraph};

use super::Standing;
use crate::graph::{EntityIx, Graph};
use crate::query::Filter;

/// How centrality is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// The number of other actors an actor had a relation with.
    Degree,
    /// PageRank (damping 0.85, 100 iterations, petgraph's `page_rank` as it defines it): an
    /// actor linked to well-linked actors ranks high.
    PageRank,
    /// Betweenness (Brandes' algorithm, normalised to 0–1): the share of shortest paths
    /// between other actors that go through an actor — the brokers between camps.
    Betweenness,
}

impl Measure {
    /// Every measure, in the order the command line lists them.
    pub const ALL: [Measure; 3] = [Measure::Degree, Measure::PageRank, Measure::Betweenness];

    /// `degree`, `pagerank` or `betweenness`.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Degree => "degree",
            Measure::PageRank => "pagerank",
            Measure::Betweenness => "betweenness",
        }
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A text that names no [`Measure`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown measure {0:?}: expected degree, pagerank or betweenness")]
pub struct UnknownMeasure(pub String);

impl FromStr for Measure {
    type Err = UnknownMeasure;

    fn from_str(text: &str) -> Result<Measure, UnknownMeasure> {
        Measure::ALL
            .into_iter()
            .find(|m| m.as_str() == text.trim().to_lowercase())
            .ok_or_else(|| UnknownMeasure(text.to_owned()))
    }
}

/// An actor's centrality.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// The actor.
    pub entity: EntityIx,
    /// Its score under the measure asked for.
    pub score: f64,
}

/// The centrality of every actor in the relations `filter` admits, highest first (ties by
/// id). Parallel relations between a pair count once: centrality is about who was linked to
/// whom. Degree is O(R); PageRank O(100 · E) (`page_rank`); betweenness O(N · E).
pub fn centrality(graph: &Graph, filter: &Filter, measure: Measure) -> Vec<Score> {
    let standing = Standing::of(graph, filter);
    let simple = standing.simple();
    let scores: Vec<f64> = match measure {
        Measure::Degree => simple
            .node_indices()
            .map(|n| simple.neighbors(n).count() as f64)
            .collect(),
        Measure::PageRank => page_rank(&simple, 0.85, 100),
        Measure::Betweenness => betweenness(&simple),
    };
    let mut ranked: Vec<Score> = simple
        .node_indices()
        .map(|n| Score {
            entity: simple[n],
            score: scores[n.index()],
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| graph.entity(a.entity).id.cmp(&graph.entity(b.entity).id))
    });
    ranked
}

/// PageRank exactly as petgraph's `page_rank` defines it (each rank's share to every node:
/// `d · r / out` along its edges, `d · r / n` from a node without edges, `(1 − d) · r / n`
/// otherwise, the ranks normalised after each iteration), computed edge by edge: petgraph's
/// own loops over every pair of nodes, O(n² · degree) an iteration, minutes for the 10,000
/// actors of a large snapshot; this is O(n + e). The property test below holds it to
/// petgraph's on random graphs.
fn page_rank<G>(graph: G, damping: f64, iterations: usize) -> Vec<f64>
where
    G: petgraph::visit::NodeCount + petgraph::visit::IntoEdges + petgraph::visit::NodeIndexable,
{
    use petgraph::visit::EdgeRef;
    let n = graph.node_count();
    if n == 0 {
        return Vec::new();
    }
    // Each node's edge count and distinct targets (petgraph asks whether any edge points to a
    // node, and divides by the count).
    let (out, targets): (Vec<f64>, Vec<Vec<usize>>) = (0..n)
        .map(|w| {
            let mut to: Vec<usize> = graph
                .edges(graph.from_index(w))
                .map(|e| graph.to_index(e.target()))
                .collect();
            let count = to.len() as f64;
            to.sort_unstable();
            to.dedup();
            (count, to)
        })
        .unzip();
    let nodes = n as f64;
    let mut ranks = vec![1.0 / nodes; n];
    for _ in 0..iterations {
        // What every node receives from every other, as if none pointed to it ...
        let base: f64 = (0..n)
            .map(|w| {
                if out[w] == 0.0 {
                    damping * ranks[w] / nodes
                } else {
                    (1.0 - damping) * ranks[w] / nodes
                }
            })
            .sum();
        let mut next = vec![base; n];
        // ... and along each edge, its share in place of the random jump.
        for (w, to) in targets.iter().enumerate().filter(|(_, to)| !to.is_empty()) {
            let along = damping * ranks[w] / out[w] - (1.0 - damping) * ranks[w] / nodes;
            for &v in to {
                next[v] += along;
            }
        }
        let sum: f64 = next.iter().sum();
        ranks = next.into_iter().map(|r| r / sum).collect();
    }
    ranks
}

/// Brandes' betweenness centrality of an undirected, unweighted simple graph, normalised by
/// the number of pairs of other nodes, (n − 1)(n − 2) / 2. petgraph has no betweenness; the
/// breadth-first searches walk its adjacency.
fn betweenness(network: &UnGraph<EntityIx, ()>) -> Vec<f64> {
    let n = network.node_count();
    let mut centrality = vec![0.0; n];
    for s in network.node_indices() {
        let mut order: Vec<NodeIndex> = Vec::with_capacity(n);
        let mut predecessors: Vec<Vec<NodeIndex>> = vec![Vec::new(); n];
        let mut paths = vec![0.0_f64; n];
        let mut distance = vec![usize::MAX; n];
        paths[s.index()] = 1.0;
        distance[s.index()] = 0;
        let mut queue = VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            order.push(v);
            for w in network.neighbors(v) {
                if distance[w.index()] == usize::MAX {
                    distance[w.index()] = distance[v.index()] + 1;
                    queue.push_back(w);
                }
                if distance[w.index()] == distance[v.index()] + 1 {
                    paths[w.index()] += paths[v.index()];
                    predecessors[w.index()].push(v);
                }
            }
        }
        let mut dependency = vec![0.0_f64; n];
        for &w in order.iter().rev() {
            for &v in &predecessors[w.index()] {
                dependency[v.index()] +=
                    paths[v.index()] / paths[w.index()] * (1.0 + dependency[w.index()]);
            }
            if w != s {
                centrality[w.index()] += dependency[w.index()];
            }
        }
    }
    // Each pair was counted from both ends.
    let pairs = if n > 2 {
        ((n - 1) * (n - 2)) as f64
    } else {
        1.0
    };
    centrality.iter().map(|c| c / pairs).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn network(n: usize, edges: &[(usize, usize)]) -> UnGraph<EntityIx, ()> {
        let mut g = UnGraph::new_undirected();
        for i in 0..n {
            g.add_node(EntityIx::new(i));
        }
        for &(a, b) in edges {
            g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
        }
        g
    }

    proptest::proptest! {
        #[test]
        fn page_rank_is_petgraph_s(
            n in 1usize..12,
            edges in proptest::collection::vec((0usize..12, 0usize..12), 0..40),
        ) {
            let edges: Vec<(usize, usize)> =
                edges.into_iter().map(|(a, b)| (a % n, b % n)).collect();
            let undirected = network(n, &edges);
            let mut directed = petgraph::graph::DiGraph::<(), ()>::new();
            for _ in 0..n {
                directed.add_node(());
            }
            for &(a, b) in &edges {
                directed.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
            }
            let ours = [page_rank(&undirected, 0.85, 30), page_rank(&directed, 0.85, 30)];
            let petgraph = [
                petgraph::algo::page_rank(&undirected, 0.85, 30),
                petgraph::algo::page_rank(&directed, 0.85, 30),
            ];
            for (ours, theirs) in ours.iter().zip(&petgraph) {
                for (a, b) in ours.iter().zip(theirs) {
                    proptest::prop_assert!((a - b).abs() <= 1e-12, "{ours:?} {theirs:?}");
                }
            }
        }
    }

    #[test]
    fn the_centre_of_a_star_lies_on_every_path() {
        let star = network(5, &[(0, 1), (0, 2), (0, 3), (0, 4)]);
        assert_eq!(betweenness(&star), [1.0, 0.0, 0.0, 0.0, 0.0]);
    }

    #[test]
    fn a_path_s_middle_carries_the_most() {
        // 0 - 1 - 2 - 3: node 1 lies between 0 and 2, 0 and 3 (2 of 3 pairs of others).
        let path = network(4, &[(0, 1), (1, 2), (2, 3)]);
        let b = betweenness(&path);
        assert!((b[1] - 2.0 / 3.0).abs() < 1e-12, "{b:?}");
        assert_eq!(b[0], 0.0);
        // Two equal paths share the credit: in a square each corner gets half a pair.
        let square = network(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]);
        for c in betweenness(&square) {
            assert!((c - 1.0 / 6.0).abs() < 1e-12);
        }
    }

    #[test]
    fn measures_parse_by_name() {
        for m in Measure::ALL {
            assert_eq!(m.as_str().parse::<Measure>(), Ok(m));
        }
        assert!("closeness".parse::<Measure>().is_err());
    }
}
