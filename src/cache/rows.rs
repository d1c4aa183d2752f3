//! An actor's relations read from the cache one at a time, for a command that prints one row
//! per relation and needs no graph (`show` of an entity): the relations of its incident list
//! (the whole graph's [`Graph::incident`](crate::Graph::incident), in the same date order),
//! each decoded as a table's row prints it ([`Detail::Table`]: no casualties, evidence,
//! event or summary), with the
//! entity at its other end decoded once, as a row prints it too.
//!
//! A hub of 40k relations is then printed from records decoded on every core, without
//! building a graph or decoding what its rows never print: each row borrows its id from its
//! record and names the entities it refers to by the entities decoded once (not a
//! [`Relation`](crate::Relation) of shared ids each), and runs of rows are made into text on
//! every core too ([`Rows::chunks`]).

use std::collections::BTreeSet;
use std::path::Path;

use rayon::prelude::*;

use super::scoped::{Scope, decode_entities};
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
    pub claimed_by: Vec<EntityId>,
    /// The ids of the entities that deny or dispute it.
    pub disputed_by: Vec<EntityId>,
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

    /// Gives `chunk` each run of up to `size` consecutive relations in date order, read as
    /// rows ([`Row`]), on every core, and gives what it made of each run, in order. The
    /// records' heads are decoded on every core, then the entities they name (each once),
    /// then the runs are made. A record whose ends are not the actor's is an error: the list
    /// or the record was damaged.
    pub fn chunks<T: Send>(
        &mut self,
        size: usize,
        chunk: impl Fn(&[Row]) -> T + Sync,
    ) -> Result<Vec<T>, CacheError> {
        let (lookup, entities) = (&self.scope.lookup, &mut self.scope.entities);
        let (count, detail, actor) = (lookup.entity_count(), self.scope.detail, self.entity);
        let records = (self.entries.iter())
            .map(|&r| lookup.relation(r))
            .collect::<Result<Vec<_>, _>>()?;
        let heads = (records.par_iter().zip(&self.entries))
            .with_min_len(256)
            .map(|(bytes, &r)| {
                record_in(
                    bytes,
                    detail,
                    || format!("relation {r}"),
                    |d| payload::decode_relation_head(d, count),
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut others = Vec::with_capacity(heads.len());
        for (head, &r) in heads.iter().zip(&self.entries) {
            others.push(match head.ends {
                [source, target] if source == actor => target,
                [source, target] if target == actor => source,
                _ => {
                    return Err(Damage::Lookup(format!(
                        "relation {r} is listed for entity {actor} but does not involve it"
                    ))
                    .into());
                }
            });
        }
        let named = (heads.iter()).flat_map(|h| h.claimed_by.iter().chain(&h.disputed_by));
        decode_entities(
            lookup,
            entities,
            others.iter().chain(named).copied(),
            detail,
        )?;
        let entities = &*entities;
        // Every entity named was decoded just above.
        let ids = |list: &[usize]| list.iter().map(|&i| entities[i].id.clone()).collect();
        Ok((heads
            .par_chunks(size.max(1))
            .zip(others.par_chunks(size.max(1))))
        .map(|(heads, others)| {
            let rows: Vec<Row> = (heads.iter().zip(others))
                .map(|(head, &other)| Row {
                    id: head.id,
                    kind: head.kind,
                    outgoing: head.ends[0] == actor,
                    start: head.start,
                    end: head.end,
                    negated: head.negated,
                    timeless: head.timeless,
                    status: head.status,
                    claimed_by: ids(&head.claimed_by),
                    disputed_by: ids(&head.disputed_by),
                    other: &entities[other],
                })
                .collect();
            chunk(&rows)
        })
        .collect())
    }
}
