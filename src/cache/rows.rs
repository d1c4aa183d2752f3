//! An actor's relations read from the cache one at a time, for a command that prints one row
//! per relation and needs no graph (`show` of an entity): the relations of its incident list
//! (the whole graph's [`Graph::incident`](crate::Graph::incident), in the same date order),
//! each decoded as a table's row prints it ([`Detail::Table`]: no casualties, evidence,
//! event or summary), with the
//! entity at its other end decoded once, as a row prints it too.
//!
//! A hub of 40k relations is then printed from records decoded one after the other, without
//! holding them, building a graph, or decoding what its rows never print: each row borrows
//! its id from its record and names the entities it refers to by the entities decoded once
//! (not a [`Relation`](crate::Relation) of shared ids each).

use std::collections::BTreeSet;
use std::path::Path;

use super::scoped::{Scope, entity_into};
use super::{CacheError, Damage, Detail, payload, record_in};
use crate::model::{Entity, EntityId, RelationKind, Status, UncertainDate};

/// One relation of the actor as a table's row prints it: the fields of its record's head,
/// the id borrowed from the record, and the entities it names.
#[derive(Debug)]
pub struct Row<'r> {
    /// The relation's id.
    pub id: &'r str,
    /// What it states.
    pub kind: RelationKind,
    /// True when the actor is its source.
    pub outgoing: bool,
    /// When it began.
    pub start: Option<UncertainDate>,
    /// When it ended.
    pub end: Option<UncertainDate>,
    /// True when the sources state the opposite.
    pub negated: bool,
    /// True for a standing fact outside the time the sources tell.
    pub timeless: bool,
    /// How firmly the sources state it.
    pub status: Status,
    /// The ids of the entities that make the claim.
    pub claimed_by: &'r [EntityId],
    /// The ids of the entities that deny or dispute it.
    pub disputed_by: &'r [EntityId],
    /// The entity at its other end (the actor itself for a relation to itself), decoded as
    /// a row prints it.
    pub other: &'r Entity,
}

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

    /// Calls `row` with each relation in date order, read as a row prints it ([`Row`]). A
    /// record whose ends are not the actor's is an error: the list or the record was damaged.
    pub fn each(&mut self, mut row: impl FnMut(Row<'_>)) -> Result<(), CacheError> {
        let (lookup, entities) = (&self.scope.lookup, &mut self.scope.entities);
        let (count, detail) = (lookup.entity_count(), self.scope.detail);
        let (mut claimed_by, mut disputed_by) = (Vec::new(), Vec::new());
        for &r in &self.entries {
            let head = record_in(
                lookup.relation(r)?,
                detail,
                || format!("relation {r}"),
                |d| payload::decode_relation_head(d, count),
            )?;
            let [source, target] = head.ends;
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
            entity_into(lookup, entities, other, detail)?;
            for (ids, list) in [
                (&mut claimed_by, &head.claimed_by),
                (&mut disputed_by, &head.disputed_by),
            ] {
                ids.clear();
                for &i in list {
                    ids.push(entity_into(lookup, entities, i, detail)?);
                }
            }
            row(Row {
                id: head.id,
                kind: head.kind,
                outgoing: source == self.entity,
                start: head.start,
                end: head.end,
                negated: head.negated,
                timeless: head.timeless,
                status: head.status,
                claimed_by: &claimed_by,
                disputed_by: &disputed_by,
                other: &entities[other],
            });
        }
        Ok(())
    }
}
