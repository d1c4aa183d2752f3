//! Entity and relation fields as flat text, for the formats that hold one value per attribute or
//! cell (GraphML, GEXF, Turtle, CSV, Neo4j).
//!
//! Dates keep their precision (`2012-06`) and bounds stay bounds (`[..2012-04]`, EDTF); the four day bounds of a relation
//! ([`Bounds`](crate::model::Bounds)) are ISO days (`2012-06-30`) so that tools which know
//! nothing of partial dates can still filter by time. An unbounded side (no start, an open
//! end) has no bound, never a made-up day.

use crate::model::Bounds;
use crate::model::{Day, EntityId, EntityKind, Evidence, Relation};

/// The ISO date (`YYYY-MM-DD`) of `day`, or `None` for the unbounded [`Day::MIN`]/[`Day::MAX`].
pub(super) fn iso(day: Day) -> Option<String> {
    if day == Day::MIN || day == Day::MAX {
        return None;
    }
    let (year, month, day) = day.civil();
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// The earliest and latest possible days of a relation's start and end, as ISO dates; `None`
/// where the relation is unbounded (no start: no earliest start; open end: no latest end).
///
/// An instantaneous kind without an end ends within its start, so its end bounds are its
/// start's, as for every time question ([`Bounds::of`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DayBounds {
    /// Earliest possible start.
    pub start_first: Option<String>,
    /// Latest possible start.
    pub start_last: Option<String>,
    /// Earliest possible end.
    pub end_first: Option<String>,
    /// Latest possible end.
    pub end_last: Option<String>,
}

impl DayBounds {
    /// The day bounds of `relation`.
    pub fn of(relation: &Relation) -> DayBounds {
        let b = Bounds::of(relation);
        DayBounds {
            start_first: iso(b.start_first),
            start_last: iso(b.start_last),
            end_first: iso(b.end_first),
            end_last: iso(b.end_last),
        }
    }
}

/// Evidence spans as `document:start-end`, joined with `"; "`.
pub(super) fn evidence(spans: &[Evidence]) -> String {
    spans.iter().map(span).collect::<Vec<String>>().join("; ")
}

/// One evidence span as `document:start-end`.
pub(super) fn span(e: &Evidence) -> String {
    format!("{}:{}-{}", e.document, e.start_byte, e.end_byte)
}

/// `true` or `false`.
pub(super) fn boolean(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}

/// Ids joined with `" | "` (empty for none).
pub(super) fn ids(list: &[EntityId]) -> String {
    list.iter()
        .map(EntityId::as_str)
        .collect::<Vec<&str>>()
        .join(" | ")
}

/// An entity kind as a class or label name: `armed_group` → `ArmedGroup`.
pub(super) fn class_name(kind: EntityKind) -> String {
    kind.as_str()
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartialDate;
    use proptest::prelude::*;

    fn day(text: &str) -> Day {
        text.parse::<PartialDate>().unwrap().first_day()
    }

    #[test]
    fn iso_days() {
        assert_eq!(iso(Day(0)).as_deref(), Some("1970-01-01"));
        assert_eq!(iso(day("2012-02-29")).as_deref(), Some("2012-02-29"));
        assert_eq!(iso(day("0001-01-01")).as_deref(), Some("0001-01-01"));
        assert_eq!(iso(Day::MIN), None);
        assert_eq!(iso(Day::MAX), None);
    }

    #[test]
    fn class_names() {
        assert_eq!(class_name(EntityKind::ArmedGroup), "ArmedGroup");
        assert_eq!(class_name(EntityKind::City), "City");
        assert_eq!(
            class_name(EntityKind::IntergovernmentalOrganisation),
            "IntergovernmentalOrganisation"
        );
    }

    proptest! {
        #[test]
        fn iso_round_trips_through_partial_dates(y in 1u16..=9999, m in 1u8..=12, d in 1u8..=31) {
            let text = format!("{y:04}-{m:02}-{d:02}");
            if let Ok(date) = text.parse::<PartialDate>() {
                prop_assert_eq!(iso(date.first_day()), Some(text));
            }
        }
    }
}
