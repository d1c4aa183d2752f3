//! Random calendar days between 1990 and 2024, and partial dates at a random precision.

use actorgraph::PartialDate;

use super::Rng;

/// The first generated year.
pub const FIRST_YEAR: i32 = 1990;
/// The last generated year.
pub const LAST_YEAR: i32 = 2024;

/// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
pub fn day_number(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = ((153 * mp + 2) / 5 + day - 1) as i32;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number (Howard Hinnant's `civil_from_days`).
pub fn civil(day: i32) -> (i32, u32, u32) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i32::from(m <= 2);
    (y, m, d)
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
