//! An actor's relations read from the cache one at a time, for a command that prints one row
//! per relation and needs no graph (`show` of an entity): the relations of its incident list
//! (the whole graph's [`Graph::incident`](crate::Graph::incident), in the same date order),
//! each decoded as a table's row prints it ([`Detail::Table`]: no casualties, evidence,
//! event or summary), with the
//! entity at its other end decoded once, as a row prints it too.
//!
//! A hub of 40k relations is then printed from records decoded one after the other, without
//! holding them, building a graph, or decoding what its rows never print.

use std::collections::BTreeSet;
use std::path::Path;

use super::scoped::Scope;
use super::{CacheError, Damage, Detail};
use crate::model::{Entity, Relation};

/// The relations of one actor, to be read one at a time ([`Rows::each`]).
pub struct Rows {
    scope: Scope,
    entity: usize,
    entries: Vec<usize>,
}

/// The relations of the actor `name` resolves to, from the cache of `dir`, if the cache is up
/// to date and the blocks read are sound; `Ok(None)` when the name matches no entity or more
/// than one (resolving it in a graph reports it: the scoped read, [`super::scoped::read`]).
pub fn rows(dir: &Path, name: &str) -> Result<Option<Rows>, CacheError> {
    let mut scope = Scope::open(dir)?;
    let Some(Some(entity)) = scope.resolve(name, &mut BTreeSet::new())? else {
        return Ok(None);
    };
    scope.detail = Detail::Table;
    let entries: Vec<usize> = (scope.lookup.incident_entries(entity)?.iter())
        .map(|entry| entry.relation)
        .collect();
    scope.expect(entries.len())?;
    Ok(Some(Rows {
        scope,
        entity,
        entries,
    }))
}

impl Rows {
    /// The actor, decoded in full.
    pub fn entity(&self) -> &Entity {
        &self.scope.entities[self.entity]
    }

    /// How many relations it has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when it has none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Calls `row` with each relation in date order, decoded as a row prints it, and the
    /// entity at its other end (the actor itself for a relation to itself). A record whose
    /// ends are not the actor's is an error: the list or the record was damaged.
    pub fn each(&mut self, mut row: impl FnMut(&Relation, &Entity)) -> Result<(), CacheError> {
        for k in 0..self.entries.len() {
            let r = self.entries[k];
            // Rows hold no evidence: no document is named.
            let (relation, [source, target]) = self.scope.relation(r, &[])?;
            let other = match (source == self.entity, target == self.entity) {
                (true, _) => target,
                (false, true) => source,
                (false, false) => {
                    return Err(Damage::Lookup(format!(
                        "relation {r} is listed for entity {} but does not involve it",
                        self.entity
                    ))
                    .into());
                }
            };
            row(&relation, &self.scope.entities[other]);
        }
        Ok(())
    }
}
