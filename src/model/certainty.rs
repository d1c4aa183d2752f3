//! How surely a dated relation holds on a day or through a period.
//!
//! A relation's start and end are day intervals at their own precision (`2012-06` is any day
//! of June 2012). Over a period P it holds **certainly** when, under every reading of its
//! dates, it holds throughout P: its latest possible start ≤ P's first day and P's last day ≤
//! its earliest possible end. It holds **possibly** when it holds at some point of P under some
//! reading. An absent end means the relation goes on past the sources (instantaneous kinds
//! end within their start instead). An absent start is unknown: it may be any day up to the
//! end, so such a relation is never certain; a relation with no dates at all is possible at
//! any time.

use serde::Serialize;

use super::{Day, Period, Relation, RelationKind, UncertainDate};

/// How surely a relation holds over the period asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// It holds throughout the period under every reading of its dates.
    Certain,
    /// It holds at some point of the period under some reading, but not certainly.
    Possible,
}

impl Certainty {
    /// `certain` or `possible`.
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Certain => "certain",
            Certainty::Possible => "possible",
        }
    }
}

/// The earliest and latest possible days of a relation's start and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Earliest possible start.
    pub start_first: Day,
    /// Latest possible start.
    pub start_last: Day,
    /// Earliest possible end.
    pub end_first: Day,
    /// Latest possible end.
    pub end_last: Day,
}

impl Bounds {
    /// The bounds of `relation`'s dates.
    pub fn of(relation: &Relation) -> Bounds {
        Bounds::of_dates(relation.kind, relation.start, relation.end)
    }

    /// [`of`](Bounds::of) a relation of `kind` from `start` to `end`: for a record read
    /// without building its relation.
    pub fn of_dates(
        kind: RelationKind,
        start: Option<UncertainDate>,
        end: Option<UncertainDate>,
    ) -> Bounds {
        let (end_first, end_last) = match Relation::effective_end_of(kind, start, end) {
            Some(end) => (end.earliest(), end.latest()),
            None => (Day::MAX, Day::MAX),
        };
        let (start_first, start_last) = match start {
            Some(start) => (start.earliest(), start.latest()),
            // An unknown start may be any day up to the end, or later than any day asked
            // about: such a relation is never certain (nor known to hold), only possible.
            None => (Day::MIN, Day::MAX),
        };
        Bounds {
            start_first,
            start_last,
            end_first,
            end_last,
        }
    }

    /// True when the dates say nothing: no start and no end (nor an instantaneous start), so
    /// the relation is possible on every day. Time questions leave such relations out unless
    /// asked (see [`Filter`](crate::query::Filter)).
    pub fn says_nothing(&self) -> bool {
        self.start_first == Day::MIN
            && self.start_last == Day::MAX
            && self.end_first == Day::MAX
            && self.end_last == Day::MAX
    }

    /// True when, under every reading of its dates, the relation holds on at least one day of
    /// `period`: its latest possible start ≤ P's last day and P's first day ≤ its earliest
    /// possible end. Weaker than certain (throughout P), stronger than possible.
    ///
    /// ```
    /// use actorgraph::{Bounds, Certainty};
    /// use actorgraph::{PartialDate, Relation};
    /// // An attack on some day of February 2013.
    /// let r: Relation = serde_json::from_str(r#"{"id": "r", "kind": "attack", "source": "a",
    ///     "target": "b", "start": "2013-02", "summary": ""}"#).unwrap();
    /// let period = |d: &str| d.parse::<PartialDate>().unwrap().period();
    /// let bounds = Bounds::of(&r);
    /// assert!(bounds.known_during(period("2013-02")));
    /// assert!(!bounds.known_during(period("2013-02-10")));
    /// assert_eq!(bounds.certainty(period("2013-02-10")), Some(Certainty::Possible));
    /// ```
    pub fn known_during(&self, period: Period) -> bool {
        self.start_last <= period.last && period.first <= self.end_first
    }

    /// How surely a relation with these bounds holds over `period` (a single day is a one-day
    /// period), or `None` if it cannot.
    ///
    /// ```
    /// use actorgraph::{Bounds, Certainty, PartialDate, Relation};
    /// let r: Relation = serde_json::from_str(r#"{"id": "r", "kind": "control", "source": "a",
    ///     "target": "b", "start": "2012-06", "summary": ""}"#).unwrap();
    /// let day = |d: &str| d.parse::<PartialDate>().unwrap().period();
    /// let bounds = Bounds::of(&r);
    /// assert_eq!(bounds.certainty(day("2012-06-10")), Some(Certainty::Possible));
    /// assert_eq!(bounds.certainty(day("2012-07-01")), Some(Certainty::Certain));
    /// assert_eq!(bounds.certainty(day("2012-05-31")), None);
    /// ```
    pub fn certainty(&self, period: Period) -> Option<Certainty> {
        if self.start_first > period.last || period.first > self.end_last {
            None
        } else if self.start_last <= period.first && period.last <= self.end_first {
            Some(Certainty::Certain)
        } else {
            Some(Certainty::Possible)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PartialDate, RelationKind, UncertainDate};

    fn during(relation: &Relation, period: Period) -> Option<Certainty> {
        Bounds::of(relation).certainty(period)
    }
    use proptest::prelude::*;

    fn relation(kind: RelationKind, start: Option<&str>, end: Option<&str>) -> Relation {
        let date = |d: Option<&str>| d.map(|d| d.parse::<UncertainDate>().unwrap());
        Relation {
            id: crate::RelationId::new("r").unwrap(),
            kind,
            source: crate::EntityId::new("a").unwrap(),
            target: crate::EntityId::new("b").unwrap(),
            start: date(start),
            end: date(end),
            negated: false,
            timeless: false,
            status: Default::default(),
            particulars: Default::default(),
            account: Default::default(),
        }
    }

    fn period(d: &str) -> Period {
        d.parse::<PartialDate>().unwrap().period()
    }

    #[test]
    fn open_end_goes_on() {
        let r = relation(RelationKind::Conflict, Some("2012"), None);
        assert_eq!(during(&r, period("2030")), Some(Certainty::Certain));
        assert_eq!(during(&r, period("2012-06-01")), Some(Certainty::Possible));
        assert_eq!(during(&r, period("2011")), None);
    }

    #[test]
    fn instantaneous_kinds_end_within_their_start() {
        let r = relation(RelationKind::Attack, Some("2013-02-22"), None);
        assert_eq!(during(&r, period("2013-02-22")), Some(Certainty::Certain));
        assert_eq!(during(&r, period("2013-02-23")), None);
        // Over the month it happened at some point, but not throughout.
        assert_eq!(during(&r, period("2013-02")), Some(Certainty::Possible));
    }

    #[test]
    fn undated_is_always_possible() {
        let r = relation(RelationKind::Borders, None, None);
        assert_eq!(during(&r, period("1990")), Some(Certainty::Possible));
        let r = relation(RelationKind::Control, None, Some("2012-06-27"));
        assert_eq!(during(&r, period("2012-05-01")), Some(Certainty::Possible));
        assert_eq!(during(&r, period("2012-06-28")), None);
    }

    #[test]
    fn a_period_is_certain_only_throughout() {
        let r = relation(RelationKind::Control, Some("2012-04"), Some("2012-06-27"));
        assert_eq!(during(&r, period("2012-05")), Some(Certainty::Certain));
        assert_eq!(during(&r, period("2012-06")), Some(Certainty::Possible));
        assert_eq!(during(&r, period("2012")), Some(Certainty::Possible));
    }

    #[test]
    fn bounds_widen_the_possible_and_narrow_the_certain() {
        // Held by April 2012 (first told then), lost on 27 June 2012.
        let r = relation(
            RelationKind::Control,
            Some("[..2012-04]"),
            Some("2012-06-27"),
        );
        assert_eq!(during(&r, period("2012-05")), Some(Certainty::Certain));
        assert_eq!(during(&r, period("2012-04-15")), Some(Certainty::Possible));
        assert_eq!(during(&r, period("2011")), Some(Certainty::Possible));
        // Ended more than three months after June 2013: after September 2013.
        let r = relation(
            RelationKind::Ceasefire,
            Some("2013-06-18"),
            Some("[2013-09..]"),
        );
        assert_eq!(during(&r, period("2013-08")), Some(Certainty::Certain));
        assert_eq!(during(&r, period("2013-10")), Some(Certainty::Possible));
        assert_eq!(during(&r, period("2030")), Some(Certainty::Possible));
        let r = relation(RelationKind::Control, Some("[2012-04..2012-06]"), None);
        assert_eq!(during(&r, period("2012-03")), None);
        assert_eq!(during(&r, period("2012-05")), Some(Certainty::Possible));
        assert_eq!(during(&r, period("2012-07")), Some(Certainty::Certain));
    }

    fn partial() -> impl Strategy<Value = PartialDate> {
        (2010u16..2016, 0u8..=12, 0u8..=28).prop_map(|(y, m, d)| {
            PartialDate::from_parts(y, m, if m == 0 { 0 } else { d }).unwrap()
        })
    }

    fn any_date() -> impl Strategy<Value = Option<UncertainDate>> {
        proptest::option::of(prop_oneof![
            partial().prop_map(UncertainDate::Exact),
            partial().prop_map(UncertainDate::NotAfter),
            partial().prop_map(UncertainDate::NotBefore),
            (partial(), partial())
                .prop_filter("ordered", |(a, b)| a.first_day() <= b.last_day())
                .prop_map(|(a, b)| UncertainDate::Between(a, b)),
        ])
    }

    /// An exact date that `bound` allows, chosen by `pick` among its candidates: the written
    /// dates and the days one year beyond an open side.
    fn reading(bound: UncertainDate, pick: usize) -> PartialDate {
        let (low, high) = bound.written();
        let day = |d: Day| {
            let (y, m, d) = d.civil();
            PartialDate::from_parts(y as u16, m as u8, d as u8).unwrap()
        };
        let mut candidates = Vec::new();
        if let (Some(low), Some(high)) = (low, high) {
            candidates.extend([low, high]);
            candidates.push(day(low.first_day()));
            candidates.push(day(high.last_day()));
        } else if let Some(low) = low {
            candidates.extend([low, day(low.first_day()), day(Day(low.last_day().0 + 400))]);
        } else if let Some(high) = high {
            candidates.extend([
                high,
                day(high.last_day()),
                day(Day(high.first_day().0 - 400)),
            ]);
        }
        candidates.retain(|c| bound.earliest() <= c.first_day() && c.last_day() <= bound.latest());
        candidates[pick % candidates.len()]
    }

    fn ordered(start: Option<UncertainDate>, end: Option<UncertainDate>) -> bool {
        match (start, end) {
            (Some(s), Some(e)) => s.earliest() <= e.latest(),
            _ => true,
        }
    }

    /// A relation whose start is unknown is never certain, even on its end day (the case
    /// proptest once found).
    #[test]
    fn an_unknown_start_is_never_certain() {
        let r = relation(RelationKind::Conflict, None, Some("2013-02-16"));
        let day = "2013-02-16"
            .parse::<crate::model::PartialDate>()
            .unwrap()
            .period();
        assert_eq!(during(&r, day), Some(Certainty::Possible));
    }

    proptest! {
        #[test]
        fn certain_implies_possible_and_holds_on_every_day(
            start in any_date(), end in any_date(), at in partial()
        ) {
            let mut r = relation(RelationKind::Conflict, None, None);
            r.start = start;
            r.end = end;
            prop_assume!(ordered(start, end));
            let whole = during(&r, at.period());
            let first = during(&r, Period { first: at.first_day(), last: at.first_day() });
            let last = during(&r, Period { first: at.last_day(), last: at.last_day() });
            if whole == Some(Certainty::Certain) {
                // Certain ⇒ possible, and certain over a period ⇒ certain on each of its days.
                prop_assert_eq!(first, Some(Certainty::Certain));
                prop_assert_eq!(last, Some(Certainty::Certain));
            }
            if first.is_some() || last.is_some() {
                // Possible on some day ⇒ at least possible over the period.
                prop_assert!(whole.is_some());
            }
        }

        #[test]
        fn bounds_contain_their_exact_readings(
            start in any_date(), end in any_date(), at in partial(), pick in 0usize..8
        ) {
            // A bounded relation is possible wherever one of its exact readings is, and certain
            // only where every reading is: so where the reading is not certain, neither is it.
            let mut bounded = relation(RelationKind::Conflict, None, None);
            bounded.start = start;
            bounded.end = end;
            let mut exact = bounded.clone();
            exact.start = start.map(|d| reading(d, pick).into());
            exact.end = end.map(|d| reading(d, pick / 2).into());
            prop_assume!(ordered(start, end) && ordered(exact.start, exact.end));
            let (b, e) = (during(&bounded, at.period()), during(&exact, at.period()));
            if e.is_some() {
                prop_assert!(b.is_some(), "{:?} possible but not {:?}", exact.dates(), bounded.dates());
            }
            if b == Some(Certainty::Certain) {
                prop_assert_eq!(e, Some(Certainty::Certain));
            }
        }

        #[test]
        fn never_certain_outside_the_bounds(start in any_date(), end in any_date(), at in partial()) {
            let mut r = relation(RelationKind::Conflict, None, None);
            r.start = start;
            r.end = end;
            prop_assume!(ordered(start, end));
            let p = at.period();
            match during(&r, p) {
                Some(Certainty::Certain) => {
                    // Every day of the period is after the latest possible start and before
                    // the earliest possible end.
                    let start = start.unwrap();
                    prop_assert!(start.latest() <= p.first);
                    prop_assert!(end.is_none_or(|e| p.last <= e.earliest()));
                }
                Some(Certainty::Possible) => {
                    prop_assert!(start.is_none_or(|s| s.earliest() <= p.last));
                    prop_assert!(end.is_none_or(|e| p.first <= e.latest()));
                }
                None => {}
            }
        }
    }
}
