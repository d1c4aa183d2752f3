//! Random calendar days between 1990 and 2024, and partial dates at a random precision.

use actorgraph::{Day, PartialDate};

use super::Rng;

/// The first generated year.
pub const FIRST_YEAR: i32 = 1990;
/// The last generated year.
pub const LAST_YEAR: i32 = 2024;

/// Days since 1970-01-01 of a civil date, by the library's calendar.
pub fn day_number(year: i32, month: u32, day: u32) -> i32 {
    let date = PartialDate::from_parts(year as u16, month as u8, day as u8)
        .unwrap_or_else(|e| panic!("generated date {year}-{month}-{day}: {e}"));
    date.first_day().0
}

/// The civil date of a day number, by the library's calendar.
pub fn civil(day: i32) -> (i32, u32, u32) {
    let (y, m, d) = Day(day).civil();
    (y as i32, m, d)
}

/// The first day of the generated range.
pub fn first_day() -> i32 {
    day_number(FIRST_YEAR, 1, 1)
}

/// The last day of the generated range.
pub fn last_day() -> i32 {
    day_number(LAST_YEAR, 12, 31)
}

/// A day drawn uniformly from 1990-01-01 to 2024-12-31.
pub fn random_day(rng: &mut Rng) -> i32 {
    first_day() + rng.below((last_day() - first_day() + 1) as u64) as i32
}

/// The day as a `YYYY-MM-DD` date.
pub fn day_date(day: i32) -> PartialDate {
    let (y, m, d) = civil(day);
    parse(&format!("{y:04}-{m:02}-{d:02}"))
}

/// A date that contains `day`: its day (60 %), its month (30 %) or its year (10 %).
pub fn containing(rng: &mut Rng, day: i32) -> PartialDate {
    let (y, m, d) = civil(day);
    match rng.weighted(&[60, 30, 10]) {
        0 => parse(&format!("{y:04}-{m:02}-{d:02}")),
        1 => parse(&format!("{y:04}-{m:02}")),
        _ => parse(&format!("{y:04}")),
    }
}

fn parse(text: &str) -> PartialDate {
    text.parse()
        .unwrap_or_else(|e| panic!("generated date {text}: {e}"))
}
