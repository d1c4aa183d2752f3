//! From relations to the bars of a timeline chart: which row each relation goes in, the days
//! its start and end may fall on, and the lanes that keep bars of one row from overlapping.

use crate::graph::{EntityIx, Graph, RelationIx};
use crate::model::{Day, EntityKind, PartialDate, Relation, UncertainDate};

/// When a relation may have begun and ended, in days; `None` where the sources set no bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Dates {
    /// The earliest and latest day it may have begun; `None` each when the start is unknown
    /// or unbounded on that side.
    pub start: (Option<Day>, Option<Day>),
    /// The earliest and latest day it may have ended.
    pub end: (Option<Day>, Option<Day>),
    /// No end in the sources: it goes on past them.
    pub open: bool,
    /// A one-off act (attack, declaration …): drawn as a mark, not a bar.
    pub event: bool,
}

impl Dates {
    /// The dates of `relation`, or `None` when it has none to draw (undated, timeless).
    pub fn of(relation: &Relation) -> Option<Dates> {
        if relation.start.is_none() && relation.end.is_none() {
            return None;
        }
        let bounds = |d: Option<UncertainDate>| match d {
            None => (None, None),
            Some(d) => (finite(d.earliest()), finite(d.latest())),
        };
        let end = relation.effective_end();
        Some(Dates {
            start: bounds(relation.start),
            end: bounds(end),
            open: end.is_none(),
            event: relation.kind.is_instantaneous(),
        })
    }

    /// Every day written in the dates, to fit the axis to.
    pub fn written(&self) -> impl Iterator<Item = Day> + use<> {
        [self.start.0, self.start.1, self.end.0, self.end.1]
            .into_iter()
            .flatten()
    }

    /// Where to draw it between `first` and `last`, the days the axis spans.
    pub fn spans(&self, first: Day, last: Day) -> Spans {
        let clamp = |d: Day| d.clamp(first, last);
        let end_lo = self
            .end
            .0
            .map_or(if self.open { last } else { first }, clamp);
        let end_hi = self.end.1.map_or(last, clamp);
        let start_lo = self.start.0.map_or(first, clamp);
        // An unknown start lies somewhere before the end.
        let start_hi = self.start.1.map_or(end_lo, clamp).min(end_hi);
        Spans {
            start: (start_lo, start_hi),
            end: (end_lo.max(start_hi), end_hi),
        }
    }
}

/// A bar's days on the axis: it began within `start` and ended within `end`, the first
/// inclusive pair before or at the second; between them it certainly held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Spans {
    /// The earliest and latest day it may have begun.
    pub start: (Day, Day),
    /// The earliest and latest day it may have ended.
    pub end: (Day, Day),
}

fn finite(day: Day) -> Option<Day> {
    (day != Day::MIN && day != Day::MAX).then_some(day)
}

/// One relation drawn in a row.
#[derive(Debug, Clone, Copy)]
pub(super) struct Bar {
    /// The relation.
    pub relation: RelationIx,
    /// The entity at its other end from the row's (the holder of a town, the actor's
    /// counterpart), which names and colours the bar.
    pub other: EntityIx,
    /// Its dates.
    pub dates: Dates,
}

/// A row of the chart: an entity and its bars, in date order.
#[derive(Debug, Clone)]
pub(super) struct Row {
    /// The town, or the actor linked to the chart's actor.
    pub entity: EntityIx,
    /// Its bars.
    pub bars: Vec<Bar>,
}

/// True for the entities a town-control chart has rows for: towns, regions, natural areas.
pub(super) fn is_town_or_area(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::City | EntityKind::Region | EntityKind::NaturalArea
    )
}

/// Groups `relations` (in date order) into rows: `row_of` gives each relation's row entity
/// and the entity at its other end, or `None` to leave it out. Rows come in the order of
/// their first relation. Returns the rows and how many relations had no dates to draw.
pub(super) fn rows(
    graph: &Graph,
    relations: impl IntoIterator<Item = RelationIx>,
    row_of: impl Fn(RelationIx) -> Option<(EntityIx, EntityIx)>,
) -> (Vec<Row>, usize) {
    let mut rows: Vec<Row> = Vec::new();
    let mut undated = 0;
    for r in relations {
        let Some((entity, other)) = row_of(r) else {
            continue;
        };
        let Some(dates) = Dates::of(graph.relation(r)) else {
            undated += 1;
            continue;
        };
        let bar = Bar {
            relation: r,
            other,
            dates,
        };
        match rows.iter_mut().find(|row| row.entity == entity) {
            Some(row) => row.bars.push(bar),
            None => rows.push(Row {
                entity,
                bars: vec![bar],
            }),
        }
    }
    (rows, undated)
}

/// The days the axis spans: from the first day of the month of the earliest day written to
/// the last day of the month after the latest (so that bars with no end run on visibly), or
/// `None` when no bar has a bounded date.
pub(super) fn axis_days(rows: &[Row]) -> Option<(Day, Day)> {
    let days = rows
        .iter()
        .flat_map(|r| &r.bars)
        .flat_map(|b| b.dates.written());
    let (min, max) = days.fold(None, |acc: Option<(Day, Day)>, d| match acc {
        None => Some((d, d)),
        Some((lo, hi)) => Some((lo.min(d), hi.max(d))),
    })?;
    let month = |day: Day| {
        let (y, m, _) = day.civil();
        PartialDate::from_parts(u16::try_from(y).ok()?, m as u8, 0).ok()
    };
    let first = month(min)?.first_day();
    let last = Day(month(max)?.last_day().0 + 1);
    let after = month(last)?.last_day();
    Some((first, after))
}

/// Assigns each of `extents` (a bar's first and last x, its label included), in order, the
/// first lane where it starts at least `gap` after the previous occupant ends. Returns the
/// lane of each and the number of lanes.
pub(super) fn lanes(extents: &[(f64, f64)], gap: f64) -> (Vec<usize>, usize) {
    let mut ends: Vec<f64> = Vec::new();
    let mut lane_of = Vec::with_capacity(extents.len());
    for &(from, to) in extents {
        let lane = match ends.iter().position(|&end| end + gap <= from) {
            Some(lane) => lane,
            None => {
                ends.push(f64::NEG_INFINITY);
                ends.len() - 1
            }
        };
        ends[lane] = to;
        lane_of.push(lane);
    }
    (lane_of, ends.len().max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        text.parse::<PartialDate>().unwrap().first_day()
    }

    fn relation(start: Option<&str>, end: Option<&str>) -> Relation {
        let mut relation: Relation = serde_json::from_str(
            r#"{"id": "r", "kind": "control", "source": "a", "target": "b", "summary": "s"}"#,
        )
        .unwrap();
        relation.start = start.map(|s| s.parse().unwrap());
        relation.end = end.map(|s| s.parse().unwrap());
        relation
    }

    #[test]
    fn imprecise_ends_become_spans_and_open_sides_reach_the_axis() {
        let (first, last) = (day("2012-01-01"), day("2014-12-31"));
        let dates = Dates::of(&relation(Some("[..2012-04-06]"), Some("2012-06-27"))).unwrap();
        let spans = dates.spans(first, last);
        assert_eq!(spans.start, (first, day("2012-04-06")));
        assert_eq!(spans.end, (day("2012-06-27"), day("2012-06-27")));
        let open = Dates::of(&relation(Some("2013"), None)).unwrap();
        assert!(open.open);
        let spans = open.spans(first, last);
        assert_eq!(spans.start, (day("2013-01-01"), day("2013-12-31")));
        assert_eq!(spans.end, (last, last));
        let unknown = Dates::of(&relation(None, Some("[..2012-04-06]"))).unwrap();
        let spans = unknown.spans(first, last);
        assert_eq!(spans.start, (first, first));
        assert_eq!(spans.end, (first, day("2012-04-06")));
        assert_eq!(Dates::of(&relation(None, None)), None);
    }

    #[test]
    fn the_axis_runs_from_whole_month_to_the_month_after_the_last() {
        let dates = Dates::of(&relation(Some("2012-04-06"), Some("2012-06-27"))).unwrap();
        let rows = [Row {
            entity: EntityIx::new(0),
            bars: vec![Bar {
                relation: RelationIx::new(0),
                other: EntityIx::new(1),
                dates,
            }],
        }];
        assert_eq!(
            axis_days(&rows),
            Some((day("2012-04-01"), day("2012-07-31")))
        );
    }

    #[test]
    fn overlapping_bars_take_separate_lanes() {
        let (lanes, count) = lanes(&[(0.0, 10.0), (5.0, 20.0), (12.0, 30.0), (21.0, 22.0)], 1.0);
        assert_eq!(lanes, [0, 1, 0, 1]);
        assert_eq!(count, 2);
    }
}
