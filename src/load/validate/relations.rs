//! The checks of one relation: references, endpoint kinds, dates and lifetimes, texts.

use std::borrow::Cow;

use super::*;
use crate::load::problem::Code;
use crate::load::problem::{Problem, quote};
use crate::model::{EntityId, EntityKind, Relation};

/// A relation must not certainly begin before an end entity's lifetime began, nor certainly
/// go on after it ended (an open end goes on: give the relation an end): an error, like every
/// date that contradicts another. A timeless relation that joins an entity with a lifetime is
/// a warning (an error with `--strict`): it should be dated by that lifetime.
fn check_lifetimes(
    at: &Site,
    relation: &Relation,
    ends: [Option<usize>; 2],
    known: &Known,
    problems: &mut Vec<Problem>,
) {
    let lifetime = |end: Option<usize>| end.and_then(|i| known.at(i).lifetime.as_ref());
    let sides = [(".source", &relation.source), (".target", &relation.target)];
    if relation.timeless {
        if relation.start.is_some() || relation.end.is_some() {
            return; // Reported as timeless-dated.
        }
        // A timeless relation holds at all times, so it outlives any end that has a lifetime.
        for ((field, id), end) in sides.into_iter().zip(ends) {
            let Some(lifetime) = lifetime(end) else {
                continue;
            };
            let span = match (lifetime.start, lifetime.end) {
                (Some(s), Some(e)) => format!("from {} to {}", s.human(), e.human()),
                (Some(s), None) => format!("from {} on", s.human()),
                (None, Some(e)) => format!("until {}", e.human()),
                (None, None) => continue,
            };
            problems.push(at.warning(
                Code::OutlivesEntity,
                field,
                format!(
                    "a timeless relation holds at all times, but {} existed only {span}; date the relation by that lifetime instead",
                    quote(id.as_str())
                ),
            ));
        }
        return;
    }
    let bounds = crate::model::Bounds::of(relation);
    // A relation whose dates say nothing (undated) is never certain at any time.
    if bounds.says_nothing() {
        return;
    }
    for ((field, id), end) in sides.into_iter().zip(ends) {
        let Some(lifetime) = lifetime(end) else {
            continue;
        };
        // A lifetime that contradicts itself is reported as such, not against its relations.
        let contradictory = lifetime.start.is_some_and(|d| d.is_contradictory())
            || lifetime.end.is_some_and(|d| d.is_contradictory())
            || matches!((lifetime.start, lifetime.end), (Some(s), Some(e)) if e.latest() < s.earliest());
        if contradictory {
            continue;
        }
        if let Some(end) = lifetime.end
            && bounds.end_first > end.latest()
        {
            let goes_on = match relation.effective_end() {
                Some(own) => format!("ends {}", own.human()),
                None => "has no end".to_owned(),
            };
            problems.push(at.error(
                Code::OutlivesEntity,
                field,
                format!(
                    "the relation {goes_on}, after {} ceased to exist ({}); end it by then",
                    quote(id.as_str()),
                    end.human()
                ),
            ));
        }
        if let (Some(start), Some(own)) = (lifetime.start, relation.start)
            && own.latest() < start.earliest()
        {
            problems.push(at.error(
                Code::OutlivesEntity,
                field,
                format!(
                    "the relation begins {}, before {} came into being ({})",
                    own.human(),
                    quote(id.as_str()),
                    start.human()
                ),
            ));
        }
    }
}

/// Every check of one relation on its own; returns the entities it refers to.
pub(super) fn check_relation(
    at: &Site,
    relation: &Relation,
    known: &Known,
    problems: &mut Vec<Problem>,
) -> Link {
    let (ends, place) = check_references(at, relation, known, problems);
    let kind = |end: Option<usize>| end.map(|i| known.at(i).kind);
    check_casualties(at, relation, problems);
    check_endpoints(at, relation, kind(ends[0]), kind(ends[1]), problems);
    check_order(at, "", relation.start, relation.end, problems);
    if relation.timeless && (relation.start.is_some() || relation.end.is_some()) {
        problems.push(at.error(
            Code::TimelessDated,
            ".timeless",
            "a timeless relation has no start or end; remove the dates or the flag",
        ));
    }
    check_lifetimes(at, relation, ends, known, problems);
    check_texts(at, relation, problems);
    // Entity counts are bounded by the loader's limits, far below u32::MAX.
    let ix = |end: Option<usize>| end.map_or(Link::NONE, |i| i as u32);
    Link {
        ends: [ix(ends[0]), ix(ends[1])],
        place: ix(place),
    }
}

/// Reports every entity the relation names (ends, place, claimants, casualty sides) that the
/// graph does not hold, each looked up once; returns the positions of its source and target,
/// and of its place, where known.
fn check_references(
    at: &Site,
    relation: &Relation,
    known: &Known,
    problems: &mut Vec<Problem>,
) -> ([Option<usize>; 2], Option<usize>) {
    let mut unknown = Vec::new();
    let mut lookup = |field: Cow<'static, str>, id: &EntityId| match known.find(id) {
        Ok(i) => Some(i),
        Err(report) => {
            if report {
                unknown.push((field, id.as_str().to_owned()));
            }
            None
        }
    };
    let source = lookup(Cow::Borrowed(".source"), &relation.source);
    let target = lookup(Cow::Borrowed(".target"), &relation.target);
    let place = relation
        .place()
        .as_ref()
        .and_then(|place| lookup(Cow::Borrowed(".place"), place));
    for (i, id) in relation.claimed_by().iter().enumerate() {
        lookup(format!(".claimed_by[{i}]").into(), id);
    }
    for (i, id) in relation.disputed_by().iter().enumerate() {
        lookup(format!(".disputed_by[{i}]").into(), id);
    }
    for (i, c) in relation.casualties().iter().enumerate() {
        if let Some(side) = &c.side {
            lookup(format!(".casualties[{i}].side").into(), side);
        }
    }
    for (field, id) in unknown {
        let name = field.trim_start_matches('.').to_owned();
        problems.push(at.error(
            Code::UnknownEntity,
            &field,
            format!("{name} {} is not an entity of this graph", quote(&id)),
        ));
    }
    ([source, target], place)
}

/// Casualty figures need min ≤ max, and max only with min.
fn check_casualties(at: &Site, relation: &Relation, problems: &mut Vec<Problem>) {
    for (i, c) in relation.casualties().iter().enumerate() {
        let bad = match (c.min, c.max) {
            (Some(min), Some(max)) => min > max,
            (None, Some(_)) => true,
            _ => false,
        };
        if bad {
            problems.push(at.error(
                Code::InvalidCasualties,
                &format!(".casualties[{i}]"),
                "casualties need min ≤ max, and max only with min",
            ));
        }
    }
}

/// A relation joins two different entities of the kinds its kind accepts.
fn check_endpoints(
    at: &Site,
    relation: &Relation,
    source: Option<EntityKind>,
    target: Option<EntityKind>,
    problems: &mut Vec<Problem>,
) {
    if relation.source == relation.target {
        problems.push(at.error(
            Code::SelfRelation,
            ".target",
            "source and target are the same entity",
        ));
    }
    if let (Some(s), Some(t)) = (source, target)
        && !relation.kind.accepts(s, t)
    {
        let (want_s, want_t) = relation.kind.endpoints();
        problems.push(at.error(
            Code::KindMismatch,
            ".kind",
            format!(
                "a {} relation joins {} to {}; here the source {} is of kind {s} and the target {} of kind {t}",
                relation.kind,
                want_s.describe(),
                want_t.describe(),
                quote(relation.source.as_str()),
                quote(relation.target.as_str()),
            ),
        ));
    }
}

/// The summary, event and casualty descriptions: lengths and hidden characters.
fn check_texts(at: &Site, relation: &Relation, problems: &mut Vec<Problem>) {
    check_text(at, ".summary", relation.summary(), Length::Text, problems);
    if let Some(event) = &relation.event() {
        check_text(at, ".event", event, Length::Name, problems);
    }
    for (i, c) in relation.casualties().iter().enumerate() {
        check_text(
            at,
            &format!(".casualties[{i}].who"),
            &c.who,
            Length::Text,
            problems,
        );
    }
}
