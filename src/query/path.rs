//! The shortest chains of relations linking two actors.

use std::collections::{HashSet, VecDeque};

use crate::graph::{EntityIx, Graph, RelationIx};

use super::Filter;

/// A chain of relations from one entity to another.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Path {
    /// The entities along the path, from the first to the last; one more than relations.
    pub entities: Vec<EntityIx>,
    /// The relations linking consecutive entities (followed in either direction).
    pub relations: Vec<RelationIx>,
}

impl Path {
    /// The number of relations.
    pub fn hops(&self) -> usize {
        self.relations.len()
    }
}

/// Up to `k` shortest loop-free paths from `from` to `to` through relations `filter` admits,
/// each at most `max_hops` relations long, shortest first (ties in the order breadth-first
/// search meets them, which follows each entity's relations by date then id).
///
/// Relations are followed in either direction. Uses Yen's algorithm over breadth-first
/// search: O(k · L · (V + E)) for paths of length L. Returns an empty list when no path
/// exists; a path from an entity to itself is the empty path.
pub fn shortest_paths(
    graph: &Graph,
    from: EntityIx,
    to: EntityIx,
    filter: &Filter,
    k: usize,
    max_hops: usize,
) -> Vec<Path> {
    let admitted: Vec<bool> = graph
        .relations()
        .iter()
        .map(|r| filter.admit(r).is_some())
        .collect();
    let search = Search {
        graph,
        admitted: &admitted,
        max_hops,
    };
    let mut found: Vec<Path> = Vec::new();
    let Some(first) = search.bfs(from, to, &HashSet::new(), &HashSet::new(), 0) else {
        return found;
    };
    found.push(first);
    let mut candidates: Vec<Path> = Vec::new();
    while found.len() < k {
        let last = found[found.len() - 1].clone();
        for i in 0..last.relations.len() {
            let spur = last.entities[i];
            let root_entities = &last.entities[..=i];
            let root_relations = &last.relations[..i];
            let banned_relations: HashSet<RelationIx> = found
                .iter()
                .filter(|p| p.relations.len() > i && p.relations[..i] == *root_relations)
                .map(|p| p.relations[i])
                .collect();
            let banned_entities: HashSet<EntityIx> = root_entities[..i].iter().copied().collect();
            if let Some(tail) = search.bfs(spur, to, &banned_entities, &banned_relations, i) {
                let mut entities = root_entities.to_vec();
                entities.extend_from_slice(&tail.entities[1..]);
                let mut relations = root_relations.to_vec();
                relations.extend_from_slice(&tail.relations);
                let path = Path {
                    entities,
                    relations,
                };
                if !found.contains(&path) && !candidates.contains(&path) {
                    candidates.push(path);
                }
            }
        }
        // The shortest candidate next; among equals, the first found.
        let Some(best) = (0..candidates.len()).min_by_key(|&c| candidates[c].hops()) else {
            break;
        };
        found.push(candidates.remove(best));
    }
    found
}

struct Search<'a> {
    graph: &'a Graph,
    admitted: &'a [bool],
    max_hops: usize,
}

impl Search<'_> {
    /// Breadth-first search for a shortest path of at most `max_hops - used` relations,
    /// avoiding the banned entities and relations.
    fn bfs(
        &self,
        from: EntityIx,
        to: EntityIx,
        banned_entities: &HashSet<EntityIx>,
        banned_relations: &HashSet<RelationIx>,
        used: usize,
    ) -> Option<Path> {
        let budget = self.max_hops.checked_sub(used)?;
        let n = self.graph.entities().len();
        // For each reached entity: the relation and entity it was reached through.
        let mut came_from: Vec<Option<(RelationIx, EntityIx)>> = vec![None; n];
        let mut depth = vec![usize::MAX; n];
        depth[from] = 0;
        let mut queue = VecDeque::from([from]);
        while let Some(at) = queue.pop_front() {
            if at == to {
                break;
            }
            if depth[at] >= budget {
                continue;
            }
            let id = &self.graph.entity(at).id;
            for &r in self.graph.incident(at) {
                if !self.admitted[r] || banned_relations.contains(&r) {
                    continue;
                }
                let Some(next) = self.graph.entity_ix(self.graph.relation(r).other(id)) else {
                    continue;
                };
                if depth[next] != usize::MAX || banned_entities.contains(&next) {
                    continue;
                }
                depth[next] = depth[at] + 1;
                came_from[next] = Some((r, at));
                queue.push_back(next);
            }
        }
        if depth[to] == usize::MAX {
            return None;
        }
        let mut entities = vec![to];
        let mut relations = Vec::new();
        let mut at = to;
        while let Some((r, prev)) = came_from[at] {
            relations.push(r);
            entities.push(prev);
            at = prev;
        }
        entities.reverse();
        relations.reverse();
        Some(Path {
            entities,
            relations,
        })
    }
}
