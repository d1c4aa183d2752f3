//! The shortest chains of relations linking two actors.

// foldhash: the searches hash small integers millions of times, where std's SipHash is
// several times slower.
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

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
/// Relations are followed in either direction. Uses Yen's algorithm over bidirectional
/// breadth-first search: each search visits only the entities within about half the path's
/// length of either end, O(k · L) searches for paths of length L. Returns an empty list when
/// no path exists; a path from an entity to itself is the empty path.
pub fn shortest_paths(
    graph: &Graph,
    from: EntityIx,
    to: EntityIx,
    filter: &Filter,
    k: usize,
    max_hops: usize,
) -> Vec<Path> {
    let search = Search {
        graph,
        filter,
        max_hops,
    };
    let mut found: Vec<Path> = Vec::new();
    let Some(first) = search.shortest(from, to, &HashSet::new(), &HashSet::new(), 0) else {
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
            if let Some(tail) = search.shortest(spur, to, &banned_entities, &banned_relations, i) {
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
    filter: &'a Filter,
    max_hops: usize,
}

/// How each entity one side of the search reached was reached: the relation and the entity it
/// came from (`None` for where that side started), and how many relations away it is.
type Reached = HashMap<EntityIx, (Option<(RelationIx, EntityIx)>, usize)>;

impl Search<'_> {
    /// How many relations growing `frontier` by one hop reads.
    fn work(&self, frontier: &[EntityIx]) -> usize {
        frontier
            .iter()
            .map(|&at| {
                let list = self.graph.incident(at);
                self.filter.candidates(self.graph, list)
            })
            .sum()
    }

    /// A shortest path of at most `max_hops - used` relations from `from` to `to`, avoiding
    /// the banned entities and relations: breadth-first from both ends at once, always growing
    /// the smaller frontier by a whole level, so that only the entities near both ends are
    /// visited; when a level meets the other side, the shortest meeting in it wins (the first
    /// met among equals). Relations are admitted by the filter as they are met.
    fn shortest(
        &self,
        from: EntityIx,
        to: EntityIx,
        banned_entities: &HashSet<EntityIx>,
        banned_relations: &HashSet<RelationIx>,
        used: usize,
    ) -> Option<Path> {
        let budget = self.max_hops.checked_sub(used)?;
        if from == to {
            return Some(Path {
                entities: vec![from],
                relations: Vec::new(),
            });
        }
        let mut forward = Reached::new();
        forward.insert(from, (None, 0));
        let mut backward = Reached::new();
        backward.insert(to, (None, 0));
        let mut forward_frontier = vec![from];
        let mut backward_frontier = vec![to];
        let mut hops = 0;
        while hops < budget && !forward_frontier.is_empty() && !backward_frontier.is_empty() {
            hops += 1;
            // Grow the side that has fewer relations to read (not fewer entities: one hub
            // can hold more relations than a thousand other actors).
            let grow_forward = self.work(&forward_frontier) <= self.work(&backward_frontier);
            let (frontier, mine, theirs) = if grow_forward {
                (&mut forward_frontier, &mut forward, &backward)
            } else {
                (&mut backward_frontier, &mut backward, &forward)
            };
            let mut next = Vec::new();
            // The shortest meeting of the two searches found in this level: (length, entity).
            let mut meeting: Option<(usize, EntityIx)> = None;
            for &at in frontier.iter() {
                let depth = mine[&at].1 + 1;
                let list = self.graph.incident(at);
                for &r in &list[..self.filter.candidates(self.graph, list)] {
                    if banned_relations.contains(&r)
                        || self.filter.admit_in(self.graph, r).is_none()
                    {
                        continue;
                    }
                    let other = self.graph.other_end(r, at);
                    if mine.contains_key(&other) || banned_entities.contains(&other) {
                        continue;
                    }
                    mine.insert(other, (Some((r, at)), depth));
                    if let Some((_, far)) = theirs.get(&other) {
                        let length = depth + far;
                        if meeting.is_none_or(|(best, _)| length < best) {
                            meeting = Some((length, other));
                        }
                    }
                    next.push(other);
                }
            }
            if let Some((_, other)) = meeting {
                return Some(join(&forward, &backward, other));
            }
            *frontier = next;
        }
        None
    }
}

/// The path through `meeting`, from the forward search's start to the backward search's.
fn join(forward: &Reached, backward: &Reached, meeting: EntityIx) -> Path {
    let mut entities = vec![meeting];
    let mut relations = Vec::new();
    let mut at = meeting;
    while let Some((Some((r, prev)), _)) = forward.get(&at) {
        relations.push(*r);
        entities.push(*prev);
        at = *prev;
    }
    entities.reverse();
    relations.reverse();
    let mut at = meeting;
    while let Some((Some((r, next)), _)) = backward.get(&at) {
        relations.push(*r);
        entities.push(*next);
        at = *next;
    }
    Path {
        entities,
        relations,
    }
}
