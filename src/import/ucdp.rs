//! The UCDP Georeferenced Event Dataset (GED), as its codebook lays it out: one row per event
//! of organised violence, between `side_a` and `side_b`.
//!
//! | column | becomes |
//! |---|---|
//! | `id` | the relation id `ucdp-ged-<id>` |
//! | `type_of_violence` | 1 state-based and 2 non-state conflict: `conflict`; 3 one-sided violence: `attack` of `side_a` on `side_b` |
//! | `side_a`, `side_b` | the two actors: in state-based conflict `side_a` is a government (a `state`), in one-sided violence `side_b` is civilians (a `people`), otherwise an `armed_group` |
//! | `date_start`, `date_end`, `date_prec` | the event's date: the window `date_start..date_end` as one day, a whole month or year, or bounds between its days (see below) |
//! | `best`, `low`, `high` | one casualties entry: killed, `low` to `high` (the best estimate in its words) |
//! | `dyad_name`, `where_description`, `where_coordinates`, `adm_1`, `country`, `source_article` | the summary |
//!
//! `date_prec` says how precisely UCDP knows the date: 1 the exact day, 2 a range of 2–6
//! days, 3 the week, 4 the month, 5 a range longer than a month (the year). The event lies
//! in `date_start..date_end` whatever the code, so that window is the date, never a day
//! picked inside it; the code is checked (another value is an error) and named in the
//! summary. A conflict's end is its start: the event is over within its window.

use super::{Actor, Event, FieldError, Fields, dates};
use crate::load::Code;
use crate::model::{Casualties, EntityKind, Outcome, RelationKind, UncertainDate};

/// The columns the mapping reads.
pub const REQUIRED: [&str; 10] = [
    "id",
    "type_of_violence",
    "side_a",
    "side_b",
    "date_prec",
    "date_start",
    "date_end",
    "best",
    "low",
    "high",
];

/// What each `date_prec` code means, from the codebook.
fn precision(code: &str) -> Option<&'static str> {
    Some(match code {
        "1" => "exact date",
        "2" => "within a range of 2-6 days",
        "3" => "only the week known",
        "4" => "only the month known",
        "5" => "only the year known, or a range of more than a month",
        _ => return None,
    })
}

/// The event of one UCDP GED row.
pub fn event(row: &Fields) -> Result<Option<Event>, FieldError> {
    let id = row.required("id")?;
    let violence = violence(row)?;
    let side_a = row.required("side_a")?;
    let side_b = row.required("side_b")?;
    // A state's side is written "Government of Mali".
    let kind_a = if violence.kind_a == EntityKind::State && !side_a.starts_with("Government of") {
        EntityKind::ArmedGroup
    } else {
        violence.kind_a
    };
    let (date, dating) = dating(row)?;
    let mut summary = format!(
        "UCDP GED event {id}: {side_a} and {side_b}, {}",
        violence.what
    );
    for (label, column) in [
        ("dyad", "dyad_name"),
        ("where", "where_description"),
        ("admin", "adm_1"),
        ("country", "country"),
        ("coordinates", "where_coordinates"),
        ("source", "source_article"),
    ] {
        let text = row.get(column);
        if !text.is_empty() {
            summary.push_str(&format!("; {label}: {text}"));
        }
    }
    summary.push_str(&format!(". {dating}, read as {date}."));
    let kind = violence.kind;
    Ok(Some(Event {
        id: format!("ucdp-ged-{id}"),
        kind,
        source: Actor::named(side_a, kind_a),
        target: Actor::named(side_b, violence.kind_b),
        start: Some(date),
        end: (kind == RelationKind::Conflict).then_some(date),
        casualties: casualties(row)?,
        summary,
    }))
}

/// What a row's `type_of_violence` makes of it.
struct Violence {
    /// The relation it is.
    kind: RelationKind,
    /// The kind of side A (of a state-based conflict, a state only when it is written
    /// "Government of …").
    kind_a: EntityKind,
    /// The kind of side B.
    kind_b: EntityKind,
    /// UCDP's name for the type, for the summary.
    what: &'static str,
}

/// The row's `type_of_violence`: 1 state-based, 2 non-state conflict, 3 one-sided violence.
fn violence(row: &Fields) -> Result<Violence, FieldError> {
    let (kind, kind_a, kind_b, what) = match row.required("type_of_violence")? {
        "1" => (
            RelationKind::Conflict,
            EntityKind::State,
            EntityKind::ArmedGroup,
            "state-based conflict",
        ),
        "2" => (
            RelationKind::Conflict,
            EntityKind::ArmedGroup,
            EntityKind::ArmedGroup,
            "non-state conflict",
        ),
        "3" => (
            RelationKind::Attack,
            EntityKind::ArmedGroup,
            EntityKind::People,
            "one-sided violence",
        ),
        other => {
            return Err(FieldError::new(
                "type_of_violence",
                Code::UnknownCode,
                format!(
                    "type_of_violence {other:?} is not a UCDP code: 1 state-based, 2 non-state, 3 one-sided"
                ),
            ));
        }
    };
    Ok(Violence {
        kind,
        kind_a,
        kind_b,
        what,
    })
}

/// The row's date, from `date_start`, `date_end` and `date_prec`, and how it was read (for
/// the summary).
fn dating(row: &Fields) -> Result<(UncertainDate, String), FieldError> {
    let code = row.required("date_prec")?;
    let meaning = precision(code).ok_or_else(|| {
        FieldError::new(
            "date_prec",
            Code::UnknownPrecision,
            format!(
                "date_prec {code:?} is not a UCDP precision code (1 exact day, 2 range of 2-6 days, 3 week, 4 month, 5 year or longer)"
            ),
        )
    })?;
    let first = row.day("date_start")?;
    let last = row.day("date_end")?;
    if last.first_day() < first.first_day() {
        return Err(FieldError::new(
            "date_end",
            Code::BadDate,
            format!("date_end {last} is before date_start {first}"),
        ));
    }
    let how = format!(
        "Dates: {} to {}, date_prec {code} ({meaning})",
        row.get("date_start"),
        row.get("date_end")
    );
    Ok((dates::window(first, last), how))
}

/// The row's deaths (`low`, `high`, `best`; a missing bound is the best estimate), if any.
fn casualties(row: &Fields) -> Result<Vec<Casualties>, FieldError> {
    let best = row.number("best")?;
    let low = row.number("low")?.or(best);
    let high = row.number("high")?.or(best);
    Ok(match (low, high, best) {
        (None, None, None) => Vec::new(),
        (min, max, best) => vec![Casualties {
            side: None,
            who: match best {
                Some(b) => format!("people killed (UCDP best estimate {b})"),
                None => "people killed".to_owned(),
            },
            outcome: Outcome::Killed,
            min,
            max,
        }],
    })
}
