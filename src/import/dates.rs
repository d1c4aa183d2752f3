//! Dates as event tables write them, read into the model's partial dates and bounds without
//! inventing a day: a window `first..last` of days becomes the partial date that is exactly
//! that window (a day, a whole month, a whole year) or bounds between its days.

use crate::model::{Day, PartialDate, UncertainDate};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A day as tables write it: `2012-04-06` (optionally followed by a time, `2012-04-06
/// 00:00:00.000`), `06 April 2012`, `6-April-2012`, `06/04/2012` (day first, as UCDP and
/// ACLED exports do). `None` for anything else, an impossible day included.
///
/// ```
/// use actorgraph::import::dates::day;
/// let d = day("2012-04-06 00:00:00.000").unwrap();
/// assert_eq!(d.to_string(), "2012-04-06");
/// assert_eq!(day("6-April-2012"), Some(d));
/// assert_eq!(day("06 april 2012"), Some(d));
/// assert_eq!(day("06/04/2012"), Some(d));
/// assert_eq!(day("2012-02-30"), None);
/// assert_eq!(day("2012"), None);
/// ```
pub fn day(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    let iso = text.split([' ', 'T']).next().unwrap_or("");
    if iso.len() == 10 && iso.as_bytes()[4] == b'-' && iso.as_bytes()[7] == b'-' {
        let date: PartialDate = iso.parse().ok()?;
        return (date.parts().2 != 0).then_some(date);
    }
    let parts: Vec<&str> = text
        .split([' ', '-', '/'])
        .filter(|p| !p.is_empty())
        .collect();
    let [d, m, y] = parts[..] else {
        return None;
    };
    let day: u8 = d.parse().ok()?;
    let year: u16 = y.parse().ok().filter(|_| y.len() == 4)?;
    let month: u8 = match m.parse::<u8>() {
        Ok(n) => n,
        Err(_) => {
            let m = m.to_lowercase();
            let i = MONTHS
                .iter()
                .position(|name| m.len() >= 3 && name.starts_with(&m))?;
            i as u8 + 1
        }
    };
    if day == 0 || month == 0 {
        return None;
    }
    PartialDate::from_parts(year, month, day).ok()
}

/// The date of an event known to fall in the days `first..=last` (both day dates, `first` not
/// after `last`): the day itself, the whole month or year when the window is exactly one,
/// else bounds between the two days.
///
/// ```
/// use actorgraph::import::dates::{day, window};
/// let d = |t| day(t).unwrap();
/// assert_eq!(window(d("2012-04-06"), d("2012-04-06")).to_string(), "2012-04-06");
/// assert_eq!(window(d("2012-04-01"), d("2012-04-30")).to_string(), "2012-04");
/// assert_eq!(window(d("2012-01-01"), d("2012-12-31")).to_string(), "2012");
/// assert_eq!(window(d("2012-04-03"), d("2012-04-09")).to_string(), "[2012-04-03..2012-04-09]");
/// ```
pub fn window(first: PartialDate, last: PartialDate) -> UncertainDate {
    if first == last {
        return UncertainDate::Exact(first);
    }
    let (y, m, _) = first.parts();
    for whole in [PartialDate::from_parts(y, m, 0), PartialDate::year(y)]
        .into_iter()
        .flatten()
    {
        if whole.first_day() == first.first_day() && whole.last_day() == last.last_day() {
            return UncertainDate::Exact(whole);
        }
    }
    UncertainDate::Between(first, last)
}

/// The days `days` before and after `date` (a day date), as a window; `None` past the
/// calendar's ends.
pub fn around(date: PartialDate, days: i32) -> Option<UncertainDate> {
    let at = date.first_day().0;
    let first = PartialDate::of_day(Day(at.checked_sub(days)?))?;
    let last = PartialDate::of_day(Day(at.checked_add(days)?))?;
    Some(window(first, last))
}

/// The month of a day date.
pub fn month_of(date: PartialDate) -> UncertainDate {
    let (y, m, _) = date.parts();
    UncertainDate::Exact(PartialDate::from_parts(y, m, 0).unwrap_or(date))
}
