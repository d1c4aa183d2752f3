//! Drawing the entities at the ends of a relation: only kinds the relation kind accepts
//! (`Endpoint::accepts`, the library's own rule), each in proportion to its prominence.

use actorgraph::{Endpoint, Entity};

use super::Rng;

/// Every endpoint class a relation kind may ask for.
const ENDPOINTS: [Endpoint; 9] = [
    Endpoint::Any,
    Endpoint::Actor,
    Endpoint::Place,
    Endpoint::Person,
    Endpoint::City,
    Endpoint::Polity,
    Endpoint::PolityOrRegion,
    Endpoint::MediaOutlet,
    Endpoint::Target,
];

/// The entities one endpoint class accepts, with cumulative weights for drawing.
#[derive(Debug)]
struct Table {
    endpoint: Endpoint,
    entities: Vec<u32>,
    cumulative: Vec<u64>,
}

/// Weighted draws of entities by endpoint class.
#[derive(Debug)]
pub struct Endpoints {
    tables: Vec<Table>,
}

impl Endpoints {
    /// Tables for `entities` weighted by `weights`. Panics when some class is empty (the kind
    /// mix always has people, cities, states and media outlets at the generated sizes).
    pub fn new(entities: &[Entity], weights: &[u64]) -> Endpoints {
        let tables = ENDPOINTS
            .iter()
            .map(|&endpoint| {
                let mut table = Table {
                    endpoint,
                    entities: Vec::new(),
                    cumulative: Vec::new(),
                };
                let mut total = 0;
                for (i, e) in entities.iter().enumerate() {
                    if endpoint.accepts(e.kind) {
                        total += weights[i];
                        table.entities.push(i as u32);
                        table.cumulative.push(total);
                    }
                }
                assert!(total > 0, "no entity is {}", endpoint.describe());
                table
            })
            .collect();
        Endpoints { tables }
    }

    /// An entity `endpoint` accepts, drawn by weight.
    pub fn draw(&self, rng: &mut Rng, endpoint: Endpoint) -> usize {
        let table = self
            .tables
            .iter()
            .find(|t| t.endpoint == endpoint)
            .expect("every endpoint class has a table");
        let total = *table.cumulative.last().expect("tables are not empty");
        let x = rng.below(total);
        let at = table.cumulative.partition_point(|&c| c <= x);
        table.entities[at] as usize
    }
}
