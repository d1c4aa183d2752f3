//! Blocs: the groups of actors that stood together on a day or through a period.

use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;

use super::{Standing, Tie};
use crate::graph::{EntityIx, Graph};
use crate::query::Filter;

/// A group of actors joined, directly or through one another, by relations that held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bloc {
    /// The members, by id.
    pub members: Vec<EntityIx>,
    /// The relations that hold the bloc together, in the graph's date order.
    pub ties: Vec<Tie>,
    /// True when the certain ties alone join every member: the bloc stood together under
    /// every reading of the dates.
    pub certain: bool,
}

/// The blocs of the relations `filter` admits (give it the kinds that make a bloc, usually
/// alliance and support, a period, and `positive_only`): the connected components of the
/// [`Standing`] with two members or more, largest first (ties by their first member's id).
///
/// Components come from petgraph's union-find over the standing's edges; a bloc is certain
/// when a second union-find over its certain edges alone leaves it whole. O(R α(R) + E log E).
pub fn blocs(graph: &Graph, filter: &Filter) -> Vec<Bloc> {
    let standing = Standing::of(graph, filter);
    let network = &standing.network;
    let mut all = UnionFind::<usize>::new(network.node_count());
    let mut certain = UnionFind::<usize>::new(network.node_count());
    for edge in network.edge_references() {
        let (a, b) = (edge.source().index(), edge.target().index());
        all.union(a, b);
        if edge.weight().is_certain() {
            certain.union(a, b);
        }
    }
    // Component representative → bloc under construction (members and ties as node and edge
    // indexes, so ties stay in the standing's date order).
    let mut by_root: std::collections::BTreeMap<usize, (Vec<usize>, Vec<Tie>)> =
        std::collections::BTreeMap::new();
    for node in network.node_indices() {
        by_root
            .entry(all.find(node.index()))
            .or_default()
            .0
            .push(node.index());
    }
    for edge in network.edge_references() {
        let root = all.find(edge.source().index());
        by_root.entry(root).or_default().1.push(*edge.weight());
    }
    let mut blocs: Vec<Bloc> = by_root
        .into_values()
        .filter(|(nodes, _)| nodes.len() >= 2)
        .map(|(nodes, ties)| {
            let first = certain.find(nodes[0]);
            let whole = nodes.iter().all(|&n| certain.find(n) == first);
            let mut members: Vec<EntityIx> = nodes
                .iter()
                .map(|&n| standing.entity(petgraph::graph::NodeIndex::new(n)))
                .collect();
            members.sort_by(|&a, &b| graph.entity(a).id.cmp(&graph.entity(b).id));
            Bloc {
                members,
                ties,
                certain: whole,
            }
        })
        .collect();
    blocs.sort_by(|a, b| {
        b.members.len().cmp(&a.members.len()).then_with(|| {
            graph
                .entity(a.members[0])
                .id
                .cmp(&graph.entity(b.members[0]).id)
        })
    });
    blocs
}
