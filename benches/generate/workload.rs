//! The queries every benchmark asks, written beside the data as `queries.json` so that
//! actorgraph and the Python peers answer exactly the same questions.

use std::io;
use std::path::Path;

use actorgraph::Entity;
use serde::{Deserialize, Serialize};

use super::{Rng, dates};

/// How many neighbour queries of each sort.
pub const NEIGHBOR_QUERIES: usize = 10_000;
/// How many shortest-path queries.
pub const PATH_QUERIES: usize = 100;
/// How many names to resolve.
pub const NAME_QUERIES: usize = 10_000;
/// How many snapshot dates.
pub const SNAPSHOT_DATES: usize = 5;
/// The longest path searched for, in relations.
pub const MAX_HOPS: usize = 6;
/// The depth of the ego network exported.
pub const EGO_DEPTH: usize = 2;

/// An entity id and a day (`YYYY-MM-DD`).
pub type AtQuery = (String, String);

/// The benchmark queries of one generated graph.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Workload {
    /// `neighbors --at`: entities drawn uniformly, each with a random day of 1990–2024.
    pub neighbors_uniform: Vec<AtQuery>,
    /// `neighbors --at`: entities drawn by degree (an end of a random relation).
    pub neighbors_by_degree: Vec<AtQuery>,
    /// `path A B --at D`: both ends drawn by degree, a random day.
    pub paths: Vec<(String, String, String)>,
    /// `path --max-hops`.
    pub max_hops: usize,
    /// `snapshot --at`: random days.
    pub snapshot_dates: Vec<String>,
    /// The entity with the most relations, centre of the ego-network export.
    pub ego_center: String,
    /// The depth of the ego network.
    pub ego_depth: usize,
    /// Ids, names and aliases to resolve, each naming one entity.
    pub names: Vec<String>,
}

/// Degree statistics of a generated graph.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Degrees {
    /// The largest number of relations of one entity.
    pub max: usize,
    /// The median number of relations per entity.
    pub median: usize,
    /// The 99th percentile.
    pub p99: usize,
    /// Entities with no relation.
    pub isolated: usize,
}

impl Workload {
    /// Draws the queries for `entities` joined by relations with these `ends`.
    pub fn draw(rng: &mut Rng, entities: &[Entity], ends: &[(u32, u32)]) -> (Workload, Degrees) {
        let mut degree = vec![0usize; entities.len()];
        for &(s, t) in ends {
            degree[s as usize] += 1;
            degree[t as usize] += 1;
        }
        let id = |i: usize| entities[i].id.as_str().to_owned();
        let day = |rng: &mut Rng| dates::day_date(dates::random_day(rng)).to_string();
        let by_degree = |rng: &mut Rng| {
            let (s, t) = *rng.pick(ends);
            if rng.chance(500) { s } else { t }
        };
        let neighbors_uniform = (0..NEIGHBOR_QUERIES)
            .map(|_| (id(rng.index(entities.len())), day(rng)))
            .collect();
        let neighbors_by_degree = (0..NEIGHBOR_QUERIES)
            .map(|_| (id(by_degree(rng) as usize), day(rng)))
            .collect();
        let paths = (0..PATH_QUERIES)
            .map(|_| {
                let (a, b) = (by_degree(rng) as usize, by_degree(rng) as usize);
                (id(a), id(b), day(rng))
            })
            .collect();
        let snapshot_dates = (0..SNAPSHOT_DATES).map(|_| day(rng)).collect();
        let hub = (0..entities.len())
            .max_by_key(|&i| (degree[i], std::cmp::Reverse(i)))
            .unwrap_or(0);
        let names = (0..NAME_QUERIES)
            .map(|_| {
                let entity = rng.pick(entities);
                let all: Vec<&str> = std::iter::once(entity.id.as_str())
                    .chain(entity.all_names())
                    .collect();
                rng.pick(&all).to_string()
            })
            .collect();
        let mut sorted = degree.clone();
        sorted.sort_unstable();
        let degrees = Degrees {
            max: sorted.last().copied().unwrap_or(0),
            median: sorted[sorted.len() / 2],
            p99: sorted[sorted.len() * 99 / 100],
            isolated: sorted.iter().take_while(|&&d| d == 0).count(),
        };
        let workload = Workload {
            neighbors_uniform,
            neighbors_by_degree,
            paths,
            max_hops: MAX_HOPS,
            snapshot_dates,
            ego_center: id(hub),
            ego_depth: EGO_DEPTH,
            names,
        };
        (workload, degrees)
    }

    /// Reads `queries.json` from a generated graph folder.
    pub fn read(dir: &Path) -> io::Result<Workload> {
        let bytes = std::fs::read(dir.join(super::QUERIES_FILE))?;
        serde_json::from_slice(&bytes).map_err(io::Error::other)
    }
}
