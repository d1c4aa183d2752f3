//! Generated entities: a mix of kinds like that of a real conflict graph, each with a
//! prominence weight that makes a few of them hubs.

use actorgraph::{Entity, EntityKind, Lifetime};

use super::Rng;
use super::dates;
use super::names::Namer;

/// How many entities of each kind, per thousand.
const KIND_MIX: [(EntityKind, u64); 13] = [
    (EntityKind::ArmedGroup, 200),
    (EntityKind::PoliticalMovement, 80),
    (EntityKind::Coalition, 30),
    (EntityKind::State, 20),
    (EntityKind::UnrecognisedState, 5),
    (EntityKind::IntergovernmentalOrganisation, 10),
    (EntityKind::Person, 250),
    (EntityKind::People, 30),
    (EntityKind::City, 200),
    (EntityKind::Region, 60),
    (EntityKind::NaturalArea, 20),
    (EntityKind::MediaOutlet, 40),
    (EntityKind::ArmedForce, 55),
];

/// How likely a kind is to be among the most prominent entities: states and armed groups
/// become hubs more often than people or deserts.
fn prominence(kind: EntityKind) -> u64 {
    use EntityKind as E;
    match kind {
        E::State => 8,
        E::Coalition => 4,
        E::ArmedGroup | E::ArmedForce | E::IntergovernmentalOrganisation => 3,
        E::PoliticalMovement | E::UnrecognisedState => 2,
        E::People | E::City | E::Region => 2,
        E::Person | E::MediaOutlet | E::NaturalArea => 1,
    }
}

/// The Zipf exponent of prominence: entity of rank r is drawn in proportion to r^-ZIPF.
/// 0.77 gives the largest hub about 4 % of the relations (≈42,000 of a million at size L).
const ZIPF: f64 = 0.77;

/// Entities and the weight each endpoint draw gives them.
#[derive(Debug)]
pub struct Population {
    /// The entities, in file order.
    pub entities: Vec<Entity>,
    /// Each entity's prominence weight (an integer, so that draws do not depend on rounding).
    pub weights: Vec<u64>,
}

/// Generates `count` entities.
pub fn generate(rng: &mut Rng, count: usize) -> Population {
    let weights: Vec<u64> = KIND_MIX.iter().map(|&(_, w)| w).collect();
    let kinds: Vec<EntityKind> = (0..count)
        .map(|_| KIND_MIX[rng.weighted(&weights)].0)
        .collect();
    // A random order biased by prominence decides the ranks.
    let mut order: Vec<(u64, usize)> = kinds
        .iter()
        .enumerate()
        .map(|(i, &k)| (rng.below(1 << 32) * prominence(k), i))
        .collect();
    order.sort_unstable_by(|a, b| b.cmp(a));
    let mut weights = vec![0; count];
    for (rank, &(_, i)) in order.iter().enumerate() {
        weights[i] = ((1u64 << 40) as f64 * ((rank + 1) as f64).powf(-ZIPF)).round() as u64;
    }
    let mut namer = Namer::default();
    let entities = kinds
        .iter()
        .enumerate()
        .map(|(n, &kind)| entity(rng, &mut namer, kind, n))
        .collect();
    Population { entities, weights }
}

fn entity(rng: &mut Rng, namer: &mut Namer, kind: EntityKind, n: usize) -> Entity {
    let naming = namer.name(rng, kind, n);
    let lifetime = rng.chance(300).then(|| {
        let start = dates::random_day(rng);
        let end = rng
            .chance(300)
            .then(|| start + rng.below(3650) as i32)
            .filter(|&end| end <= dates::last_day());
        Lifetime {
            start: Some(dates::containing(rng, start).into()),
            end: end.map(|e| dates::containing(rng, e).into()),
        }
    });
    let description = format!(
        "Generated {} for the benchmarks.",
        kind.as_str().replace('_', " ")
    );
    Entity {
        id: naming.id,
        kind,
        names: naming.names,
        aliases: naming.aliases,
        lifetime,
        description,
    }
}
