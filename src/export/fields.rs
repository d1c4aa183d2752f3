//! Entity and relation fields as flat text, for the formats that hold one value per attribute or
//! cell (GraphML, GEXF, Turtle, CSV, Neo4j).
//!
//! Lists (aliases, `claimed_by`, `disputed_by`, evidence spans, casualties) are written as one
//! compact JSON array ([`list`]), the very objects of `entities.json` and `relations.json`, so
//! that no element can be split on a delimiter it contains and nothing of a span (its `row`) or
//! a toll (`side`, `who`, `outcome`, `min`, `max`) is lost; an empty list is an absent value.
//!
//! Dates keep their precision (`2012-06`) and bounds stay bounds (`[..2012-04]`, EDTF); the four day bounds of a relation
//! ([`Bounds`](crate::model::Bounds)) are ISO days (`2012-06-30`) so that tools which know
//! nothing of partial dates can still filter by time. An unbounded side (no start, an open
//! end) has no bound, never a made-up day.

use crate::model::{Bounds, Certainty, Day, EntityKind, Relation, UncertainDate};

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

    /// The four bounds under their names ([`BOUND_NAMES`]), in that order.
    pub fn named(&self) -> [(&'static str, Option<&str>); 4] {
        let [start_first, start_last, end_first, end_last] = BOUND_NAMES;
        [
            (start_first, self.start_first.as_deref()),
            (start_last, self.start_last.as_deref()),
            (end_first, self.end_first.as_deref()),
            (end_last, self.end_last.as_deref()),
        ]
    }
}

/// The names of the four day bounds, in the order of [`DayBounds::named`]: the one spelling of
/// the columns, properties and attributes of every export that writes them.
pub(super) const BOUND_NAMES: [&str; 4] = ["start_first", "start_last", "end_first", "end_last"];

/// A relation's dates as the tabular exports lay them out: its start and end as written, then
/// the four day bounds ([`BOUND_NAMES`]).
pub(super) const DATE_COLUMNS: [&str; 6] = columns(&[&["start", "end"], &BOUND_NAMES]);

/// An entity's names in the tabular exports, one column per language.
pub(super) const NAME_COLUMNS: [&str; 3] = ["name_en", "name_ar", "name_fr"];

/// An entity's lifetime in the tabular exports: its start and end as written.
pub(super) const LIFETIME_COLUMNS: [&str; 2] = ["lifetime_start", "lifetime_end"];

/// The `N` column names of `groups`, one after the other: a table's header built from shared
/// groups such as [`DATE_COLUMNS`], at compile time (a wrong `N` does not compile).
pub(super) const fn columns<const N: usize>(groups: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut n, mut g) = (0, 0);
    while g < groups.len() {
        let mut i = 0;
        while i < groups[g].len() {
            out[n] = groups[g][i];
            n += 1;
            i += 1;
        }
        g += 1;
    }
    assert!(n == N, "the groups do not hold N columns");
    out
}

/// The key of the `n`-th (from 0) evidence span of `relation`: `RELATION/N`, N from 1 (the
/// Evidence nodes of the Kùzu and Neo4j exports).
pub(super) fn evidence_key(relation: &Relation, n: usize) -> String {
    format!("{}/{}", relation.id, n + 1)
}

/// `items` as one compact JSON array (invisible characters `\u` escaped, see
/// [`crate::text::json`]), or `""` for none.
pub(super) fn list<T: serde::Serialize>(items: &[T]) -> String {
    if items.is_empty() {
        return String::new();
    }
    let mut out = Vec::new();
    crate::text::json::to_writer(&mut out, items).expect("JSON of model values");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// The days on which a relation possibly (not certainly) or certainly holds, in order: a
/// possible phase from its earliest possible start to the day before its latest possible
/// start, a certain one from its latest possible start to its earliest possible end, a
/// possible one after that to its latest possible end (see [`Certainty`]). When
/// it is never certain (its start may come after its end may have come, or no start is known),
/// one possible phase covers it all. `None` is an unbounded side. Empty when the dates say
/// nothing (undated or timeless).
pub(super) fn phases(relation: &Relation) -> Vec<(Option<String>, Option<String>, Certainty)> {
    let b = Bounds::of(relation);
    if b.says_nothing() {
        return Vec::new();
    }
    let certain = b.start_last != Day::MAX && b.start_last <= b.end_first;
    if !certain {
        return vec![(iso(b.start_first), iso(b.end_last), Certainty::Possible)];
    }
    let mut phases = Vec::with_capacity(3);
    if b.start_first < b.start_last {
        phases.push((
            iso(b.start_first),
            iso(b.start_last.before()),
            Certainty::Possible,
        ));
    }
    phases.push((iso(b.start_last), iso(b.end_first), Certainty::Certain));
    if b.end_first < b.end_last {
        phases.push((
            iso(b.end_first.after()),
            iso(b.end_last),
            Certainty::Possible,
        ));
    }
    phases
}

/// A date at its own precision or as EDTF bounds (`[..2012-04]`), or `""` for none.
pub(super) fn date(date: Option<UncertainDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// `true` or `false`.
pub(super) fn boolean(value: bool) -> &'static str {
    if value { "true" } else { "false" }
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

    /// The phases of a relation of `kind` from `start` to `end` (JSON values or null), as
    /// (first day, last day, certainty) text.
    fn phases_of(kind: &str, start: &str, end: &str) -> Vec<(String, String, &'static str)> {
        let r: Relation = serde_json::from_str(&format!(
            r#"{{"id": "r", "kind": "{kind}", "source": "a", "target": "b",
                "start": {start}, "end": {end}, "summary": ""}}"#
        ))
        .unwrap();
        let or = |d: &Option<String>| d.clone().unwrap_or_else(|| "…".to_owned());
        phases(&r)
            .iter()
            .map(|(first, last, c)| (or(first), or(last), c.as_str()))
            .collect()
    }

    #[test]
    fn phases_are_possible_then_certain_then_possible() {
        let p = |a: &str, b: &str, c| (a.to_owned(), b.to_owned(), c);
        assert_eq!(
            phases_of("control", r#""2012-03""#, r#""2012-06-27""#),
            [
                p("2012-03-01", "2012-03-30", "possible"),
                p("2012-03-31", "2012-06-27", "certain")
            ]
        );
        // Exact days on both sides: certain throughout.
        assert_eq!(
            phases_of("control", r#""2012-03-01""#, r#""2012-03-02""#),
            [p("2012-03-01", "2012-03-02", "certain")]
        );
        // An open end is certain ever after its latest start; on or before: possible from
        // the unbounded past.
        assert_eq!(
            phases_of("control", r#""[..2012-04]""#, "null"),
            [
                p("…", "2012-04-29", "possible"),
                p("2012-04-30", "…", "certain")
            ]
        );
        // A start that may come after the end may have come: never certain.
        assert_eq!(
            phases_of("control", r#""2012""#, r#""2012""#),
            [p("2012-01-01", "2012-12-31", "possible")]
        );
        // No start: never certain; no dates: no phase.
        assert_eq!(
            phases_of("control", "null", r#""2013""#),
            [p("…", "2013-12-31", "possible")]
        );
        assert!(phases_of("control", "null", "null").is_empty());
        // An attack without an end lasts through its start, certainly only on a known day.
        assert_eq!(
            phases_of("attack", r#""2013-02""#, "null"),
            [p("2013-02-01", "2013-02-28", "possible")]
        );
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
