//! ACLED (Armed Conflict Location & Event Data) exports, as its codebook lays them out: one
//! row per event, between `actor1` and `actor2` (no direction implied, except that in
//! violence against civilians `actor1` is the perpetrator).
//!
//! | column | becomes |
//! |---|---|
//! | `event_id_cnty` | the relation id `acled-<event_id_cnty>` |
//! | `event_type` | Battles and Riots: `conflict`; Violence against civilians and Explosions/Remote violence: `attack` of `actor1` on `actor2`; Protests and Strategic developments: no relation (the row is left out, with a warning) |
//! | `actor1`, `actor2` (`inter1`, `inter2`) | the two actors; the inter code gives a new entity's kind: 1 state forces and 8 external forces `armed_force`, 2 rebels, 3 political and 4 identity militias `armed_group`, 5 rioters, 6 protesters and 7 civilians `people` (the codebook's words are accepted as well as the numbers) |
//! | `event_date`, `time_precision` | the date: 1 the day, 2 the week around it (three days either side), 3 its month |
//! | `fatalities` | one casualties entry: killed, that number |
//! | `sub_event_type`, `location`, `admin1`, `country`, `latitude`, `longitude`, `notes`, `source` | the summary |
//!
//! ACLED writes many actors as `ACRONYM: Full name`: both parts are matched as names of the
//! actor, and kept as aliases of a new entity.
//!
//! A row without `actor2` states no relation between two actors and is left out with a
//! warning.

use super::{Actor, Event, FieldError, Fields, dates};
use crate::load::Code;
use crate::model::{Casualties, EntityKind, Outcome, RelationKind, UncertainDate};

/// The columns the mapping reads.
pub const REQUIRED: [&str; 9] = [
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "fatalities",
];

/// The entity kind of an `inter1`/`inter2` code or label.
fn kind_of(column: &str, code: &str) -> Result<EntityKind, FieldError> {
    let code = code.to_lowercase();
    Ok(match code.as_str() {
        "1" | "state forces" | "8" | "external/other forces" => EntityKind::ArmedForce,
        "2" | "rebel group" | "rebel groups" | "3" | "political militia" | "political militias"
        | "4" | "identity militia" | "identity militias" => EntityKind::ArmedGroup,
        "5" | "rioters" | "6" | "protesters" | "7" | "civilians" => EntityKind::People,
        other => {
            return Err(FieldError::new(
                column,
                Code::UnknownCode,
                format!(
                    "{column} {other:?} is not an ACLED actor type: 1 state forces, 2 rebel group, 3 political militia, 4 identity militia, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces"
                ),
            ));
        }
    })
}

/// An ACLED actor: `MNLA: National Movement for the Liberation of Azawad` is also known as
/// `MNLA` and as the full name, each matched against the graph.
fn actor(name: &str, kind: EntityKind) -> Actor {
    let mut actor = Actor::named(name, kind);
    if let Some((short, long)) = name.split_once(": ")
        && !short.trim().is_empty()
        && !long.trim().is_empty()
    {
        actor.also = vec![short.trim().to_owned(), long.trim().to_owned()];
    }
    actor
}

/// The event of one ACLED row; `None` for a kind of event that joins no two actors.
pub fn event(row: &Fields) -> Result<Option<Event>, FieldError> {
    let id = row.required("event_id_cnty")?;
    let event_type = row.required("event_type")?;
    let kind = relation_kind(event_type)?;
    let actor1 = row.required("actor1")?;
    let actor2 = row.get("actor2");
    if actor2.is_empty() {
        return Err(FieldError::new(
            "actor2",
            Code::RowLeftOut,
            "actor2 is empty: the event joins no second actor; row left out".to_owned(),
        ));
    }
    let (start, code) = dating(row)?;
    let fatalities = row.number("fatalities")?;
    let casualties = fatalities
        .map(|n| Casualties {
            side: None,
            who: "people killed (ACLED fatalities)".to_owned(),
            outcome: Outcome::Killed,
            min: Some(n),
            max: Some(n),
        })
        .into_iter()
        .collect();
    let mut summary = format!("ACLED event {id}: {event_type}");
    describe(row, &mut summary);
    summary.push_str(&format!(
        ". Date: event_date {}, time_precision {code}, read as {start}.",
        row.get("event_date")
    ));
    Ok(Some(Event {
        id: format!("acled-{id}"),
        kind,
        source: actor(actor1, kind_of("inter1", row.get("inter1"))?),
        target: actor(actor2, kind_of("inter2", row.get("inter2"))?),
        start: Some(start),
        end: (kind == RelationKind::Conflict).then_some(start),
        casualties,
        summary,
    }))
}

/// The relation an `event_type` states: a conflict for battles and riots, an attack for
/// violence against civilians and explosions; protests and strategic developments state none.
fn relation_kind(event_type: &str) -> Result<RelationKind, FieldError> {
    match event_type.to_lowercase().as_str() {
        "battles" | "riots" => Ok(RelationKind::Conflict),
        "violence against civilians" | "explosions/remote violence" => Ok(RelationKind::Attack),
        "protests" | "strategic developments" => Err(FieldError::new(
            "event_type",
            Code::RowLeftOut,
            format!(
                "event_type {event_type:?} states no relation between two actors; row left out"
            ),
        )),
        other => Err(FieldError::new(
            "event_type",
            Code::UnknownCode,
            format!(
                "event_type {other:?} is not an ACLED event type (Battles, Violence against civilians, Explosions/Remote violence, Riots, Protests, Strategic developments)"
            ),
        )),
    }
}

/// The row's date, `event_date` at its `time_precision` (1 the day, 2 the week around it, 3
/// its month), and the precision code as written.
fn dating<'r>(row: &'r Fields) -> Result<(UncertainDate, &'r str), FieldError> {
    let date = row.day("event_date")?;
    let code = row.required("time_precision")?;
    let start = match code {
        "1" => date.into(),
        "2" => dates::around(date, 3).ok_or_else(|| {
            FieldError::new(
                "event_date",
                Code::BadDate,
                format!("event_date {date} is out of range"),
            )
        })?,
        "3" => dates::month_of(date),
        other => {
            return Err(FieldError::new(
                "time_precision",
                Code::UnknownPrecision,
                format!("time_precision {other:?} is not an ACLED code (1 day, 2 week, 3 month)"),
            ));
        }
    };
    Ok((start, code))
}

/// Appends to `summary` the row's sub-event type, place, notes and source, those it has.
fn describe(row: &Fields, summary: &mut String) {
    for (label, column) in [
        ("", "sub_event_type"),
        ("at", "location"),
        ("admin", "admin1"),
        ("country", "country"),
        ("latitude", "latitude"),
        ("longitude", "longitude"),
        ("notes", "notes"),
        ("source", "source"),
    ] {
        let text = row.get(column);
        if text.is_empty() {
            continue;
        }
        if label.is_empty() {
            summary.push_str(&format!(" ({text})"));
        } else {
            summary.push_str(&format!("; {label}: {text}"));
        }
    }
}
