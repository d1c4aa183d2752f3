//! The shortest chains of relations linking two actors.

// foldhash: the searches hash small integers millions of times, where std's SipHash is
// several times slower.
use std::cell::Cell;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::graph::{EntityIx, Graph, RelationIx};

use super::Filter;

/// What a path search reads of a graph: each entity's relations that start early enough for a
/// filter's period (in date order), and which of them the filter admits, with their other
/// ends. The whole [`Graph`] is one; a cache read in place
/// (`crate::cache::scoped::CachedLinks`) is another, which reads the lists of only the
/// entities the search visits.
pub trait Links {
    /// How many of `at`'s relations start early enough for `filter`'s period
    /// ([`Filter::candidates`]): what growing a frontier through `at` reads.
    fn candidates(&self, at: EntityIx, filter: &Filter) -> usize;

    /// Calls `admitted` with each of those relations that `filter` admits, in date order, and
    /// its end other than `at`.
    fn admitted(
        &self,
        at: EntityIx,
        filter: &Filter,
        admitted: &mut dyn FnMut(RelationIx, EntityIx),
    );
}

impl Links for Graph {
    fn candidates(&self, at: EntityIx, filter: &Filter) -> usize {
        filter.candidates(self, self.incident(at))
    }

    fn admitted(
        &self,
        at: EntityIx,
        filter: &Filter,
        admitted: &mut dyn FnMut(RelationIx, EntityIx),
    ) {
        let list = self.incident(at);
        for &r in &list[..filter.candidates(self, list)] {
            if filter.admit_in(self, r).is_some() {
                admitted(r, self.other_end(r, at));
            }
        }
    }
}

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

/// The paths a search found, and whether it looked at every path it was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// The paths, shortest first.
    pub paths: Vec<Path>,
    /// False when the search for further paths stopped at [`MAX_PATH_WORK`]: the paths found
    /// are the shortest there are, but more of the `k` asked for may exist.
    pub complete: bool,
}

/// How many relations one call of [`shortest_paths`] reads at most after its first path.
///
/// The first path costs one breadth-first search, at most every relation once. Each further
/// path costs a search per relation of the previous one (Yen's algorithm), so `k` paths along
/// a chain of a hundred thousand relations would read ten billion; the search stops at this
/// many (about a second) and says so.
pub const MAX_PATH_WORK: usize = 10_000_000;

/// Up to `k` shortest loop-free paths from `from` to `to` through relations `filter` admits,
/// each at most `max_hops` relations long, shortest first (ties in the order breadth-first
/// search meets them, which follows each entity's relations by date then id).
///
/// Relations are followed in either direction. Uses Yen's algorithm over bidirectional
/// breadth-first search: each search visits only the entities within about half the path's
/// length of either end, O(k · L) searches for paths of length L, and the searches after the
/// first read at most [`MAX_PATH_WORK`] relations in all. Returns no path when none exists; a
/// path from an entity to itself is the empty path.
pub fn shortest_paths(
    graph: &(impl Links + ?Sized),
    from: EntityIx,
    to: EntityIx,
    filter: &Filter,
    k: usize,
    max_hops: usize,
) -> Paths {
    let search = Search {
        graph,
        filter,
        max_hops,
        work: Cell::new(0),
        limit: usize::MAX,
    };
    let mut found: Vec<Path> = Vec::new();
    let Some(first) = search.shortest(from, to, &|_| false, &HashSet::new(), 0) else {
        return Paths {
            paths: found,
            complete: true,
        };
    };
    let mut seen: HashSet<Path> = HashSet::new();
    seen.insert(first.clone());
    found.push(first);
    let search = Search {
        limit: MAX_PATH_WORK,
        ..search
    };
    let mut candidates: Vec<Path> = Vec::new();
    while found.len() < k {
        search.spurs(&found, to, &mut seen, &mut candidates);
        if search.spent() {
            // A candidate found before the budget ran out may not be the next shortest.
            return Paths {
                paths: found,
                complete: false,
            };
        }
        // The shortest candidate next; among equals, the first found.
        let Some(best) = (0..candidates.len()).min_by_key(|&c| candidates[c].hops()) else {
            break;
        };
        found.push(candidates.remove(best));
    }
    Paths {
        paths: found,
        complete: true,
    }
}

struct Search<'a, L: Links + ?Sized> {
    graph: &'a L,
    filter: &'a Filter,
    max_hops: usize,
    /// Relations read so far.
    work: Cell<usize>,
    /// How many relations the searches may read: unbounded for the first path (one search,
    /// at most every relation once), [`MAX_PATH_WORK`] for the others.
    limit: usize,
}

/// How each entity one side of the search reached was reached: the relation and the entity it
/// came from (`None` for where that side started), and how many relations away it is.
type Reached = HashMap<EntityIx, (Option<(RelationIx, EntityIx)>, usize)>;

impl<L: Links + ?Sized> Search<'_, L> {
    /// Yen's step: from each entity of the last path of `found`, the shortest way on to `to`
    /// that leaves the path there (its root before that entity banned, and the relation each
    /// path found with the same root took next), added to `candidates` when not `seen`.
    fn spurs(
        &self,
        found: &[Path],
        to: EntityIx,
        seen: &mut HashSet<Path>,
        candidates: &mut Vec<Path>,
    ) {
        let last = &found[found.len() - 1];
        // Where each entity stands on the last path (the root of spur `i` is what stands
        // before `i`), and how many first relations each found path shares with it: each spur
        // then bans its root in constant time per entity met, not in time linear in the root,
        // which along a path of a hundred thousand relations was quadratic.
        let mut position: HashMap<EntityIx, usize> = HashMap::with_capacity(last.entities.len());
        for (at, &entity) in last.entities.iter().enumerate() {
            position.entry(entity).or_insert(at);
        }
        let shared: Vec<usize> = found
            .iter()
            .map(|p| {
                p.relations
                    .iter()
                    .zip(&last.relations)
                    .take_while(|(a, b)| a == b)
                    .count()
            })
            .collect();
        for i in 0..last.relations.len() {
            if self.spent() {
                break;
            }
            let spur = last.entities[i];
            let root_relations = &last.relations[..i];
            let banned_relations: HashSet<RelationIx> = found
                .iter()
                .zip(&shared)
                .filter(|&(p, &shared)| shared >= i && p.relations.len() > i)
                .map(|(p, _)| p.relations[i])
                .collect();
            let in_root = |entity: EntityIx| position.get(&entity).is_some_and(|&at| at < i);
            if let Some(tail) = self.shortest(spur, to, &in_root, &banned_relations, i) {
                let mut entities = last.entities[..=i].to_vec();
                entities.extend_from_slice(&tail.entities[1..]);
                let mut relations = root_relations.to_vec();
                relations.extend_from_slice(&tail.relations);
                let path = Path {
                    entities,
                    relations,
                };
                // One hash per path, not a comparison with every path found so far.
                if seen.insert(path.clone()) {
                    candidates.push(path);
                }
            }
        }
    }

    /// True once the searches have read more relations than their limit.
    fn spent(&self) -> bool {
        self.work.get() > self.limit
    }

    /// How many relations growing `frontier` by one hop reads.
    fn work(&self, frontier: &[EntityIx]) -> usize {
        frontier
            .iter()
            .map(|&at| self.graph.candidates(at, self.filter))
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
        banned_entity: &dyn Fn(EntityIx) -> bool,
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
                if self.spent() {
                    return None;
                }
                let depth = mine[&at].1 + 1;
                let candidates = self.graph.candidates(at, self.filter);
                self.work.set(self.work.get() + candidates);
                self.graph.admitted(at, self.filter, &mut |r, other| {
                    if banned_relations.contains(&r)
                        || mine.contains_key(&other)
                        || banned_entity(other)
                    {
                        return;
                    }
                    mine.insert(other, (Some((r, at)), depth));
                    if let Some((_, far)) = theirs.get(&other) {
                        let length = depth + far;
                        if meeting.is_none_or(|(best, _)| length < best) {
                            meeting = Some((length, other));
                        }
                    }
                    next.push(other);
                });
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
