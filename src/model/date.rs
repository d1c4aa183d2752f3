//! Partial dates (`2012`, `2012-06`, `2012-06-27`) and the calendar days they cover.
//!
//! A source text gives a date at some precision: a year, a month or a day. A
//! [`PartialDate`] keeps exactly that precision; it never invents a month or a day.
//! Each partial date denotes an interval of [`Day`]s: `2012-06` is 1–30 June 2012.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day, counted from 1970-01-01 (day 0) in the proleptic Gregorian calendar.
///
/// Days are what date comparisons are made of: a [`PartialDate`] covers an inclusive range
/// `first_day()..=last_day()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Day {
    /// The earliest representable day, used for "unbounded in the past".
    pub const MIN: Day = Day(i32::MIN);
    /// The latest representable day, used for "unbounded in the future".
    pub const MAX: Day = Day(i32::MAX);

    /// The day before (unbounded days stay unbounded).
    ///
    /// ```
    /// use actorgraph::{Day, PartialDate};
    /// let first = "2012-03".parse::<PartialDate>().unwrap().first_day();
    /// assert_eq!(first.before().civil(), (2012, 2, 29));
    /// assert_eq!(Day::MIN.before(), Day::MIN);
    /// ```
    pub fn before(self) -> Day {
        if self == Day::MIN || self == Day::MAX {
            self
        } else {
            Day(self.0 - 1)
        }
    }

    /// The day after (unbounded days stay unbounded).
    ///
    /// ```
    /// use actorgraph::{Day, PartialDate};
    /// let last = "2012-02".parse::<PartialDate>().unwrap().last_day();
    /// assert_eq!(last.after().civil(), (2012, 3, 1));
    /// assert_eq!(Day::MAX.after(), Day::MAX);
    /// ```
    pub fn after(self) -> Day {
        if self == Day::MIN || self == Day::MAX {
            self
        } else {
            Day(self.0 + 1)
        }
    }

    /// The day of a valid year, month (1–12) and day of month.
    ///
    /// The caller guarantees validity; [`PartialDate`] only builds valid dates.
    fn from_civil(year: i32, month: u32, day: u32) -> Day {
        // Howard Hinnant's days_from_civil.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy as i32;
        Day(era * 146_097 + doe - 719_468)
    }

    /// The year, month (1–12) and day of month of this day (Howard Hinnant's
    /// `civil_from_days`), the inverse of the day a [`PartialDate`] starts on.
    ///
    /// ```
    /// use actorgraph::PartialDate;
    /// let day = "2012-06-27".parse::<PartialDate>().unwrap().first_day();
    /// assert_eq!(day.civil(), (2012, 6, 27));
    /// ```
    pub fn civil(self) -> (i64, u32, u32) {
        let z = i64::from(self.0) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        // Both fit in u32: 1 ≤ day ≤ 31 and 1 ≤ month ≤ 12.
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(m <= 2);
        (year, m, d)
    }
}

/// The precision a date was given at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// Only the year is known.
    Year,
    /// The year and month are known.
    Month,
    /// The exact day is known.
    Day,
}

/// A date known to a year, a month or a day, written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
///
/// Years run from 1 to 9999. Dates order by their first day, and a coarser date sorts
/// before a finer one that starts on the same day (`2012` < `2012-01` < `2012-01-01`).
///
/// ```
/// use actorgraph::PartialDate;
/// let june: PartialDate = "2012-06".parse().unwrap();
/// assert_eq!(june.to_string(), "2012-06");
/// assert_eq!(june.last_day(), "2012-06-30".parse::<PartialDate>().unwrap().first_day());
/// assert!("2012-02-30".parse::<PartialDate>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: u16,
    /// 1–12, or 0 when unknown.
    month: u8,
    /// 1–31, or 0 when unknown.
    day: u8,
}

/// Why a text is not a partial date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with digits.
    #[error("invalid date {0:?}: expected YYYY, YYYY-MM or YYYY-MM-DD")]
    Format(String),
    /// The year is 0.
    #[error("impossible date {0:?}: year must be between 1 and 9999")]
    Year(String),
    /// The month is not 1–12.
    #[error("impossible date {0:?}: month must be between 01 and 12")]
    Month(String),
    /// The day does not exist in that month.
    #[error("impossible date {text:?}: that month has {days} days")]
    Day {
        /// The text that was parsed.
        text: String,
        /// Days in the month it names.
        days: u8,
    },
}

impl PartialDate {
    /// A year-precision date. Errors when the year is not in 1–9999.
    pub fn year(year: u16) -> Result<PartialDate, DateError> {
        Self::new(year, 0, 0)
    }

    /// Builds a date from a year and optional month and day (0 = unknown), checking it exists.
    fn new(year: u16, month: u8, day: u8) -> Result<PartialDate, DateError> {
        let date = PartialDate { year, month, day };
        let text = || date.to_string();
        if !(1..=9999).contains(&year) {
            return Err(DateError::Year(text()));
        }
        if month > 12 || (month == 0 && day != 0) {
            return Err(DateError::Month(text()));
        }
        if day != 0 {
            let days = days_in_month(year, month);
            if day > days {
                return Err(DateError::Day { text: text(), days });
            }
        }
        Ok(date)
    }

    /// Builds a date from its parts, 0 meaning an unknown month or day, checking it exists.
    ///
    /// ```
    /// use actorgraph::PartialDate;
    /// let june = PartialDate::from_parts(2012, 6, 0).unwrap();
    /// assert_eq!(june.parts(), (2012, 6, 0));
    /// assert!(PartialDate::from_parts(2012, 2, 30).is_err());
    /// ```
    pub fn from_parts(year: u16, month: u8, day: u8) -> Result<PartialDate, DateError> {
        Self::new(year, month, day)
    }

    /// The year, month and day, with 0 for an unknown month or day.
    pub fn parts(&self) -> (u16, u8, u8) {
        (self.year, self.month, self.day)
    }

    /// The precision this date was given at.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// The first day this date may denote (1 January for a year, the 1st for a month).
    pub fn first_day(&self) -> Day {
        let month = self.month.max(1);
        let day = self.day.max(1);
        Day::from_civil(i32::from(self.year), u32::from(month), u32::from(day))
    }

    /// The last day this date may denote (31 December for a year, the month's last day).
    pub fn last_day(&self) -> Day {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in_month(self.year, month)
        } else {
            self.day
        };
        Day::from_civil(i32::from(self.year), u32::from(month), u32::from(day))
    }

    /// The day `day` as a date of day precision, when its year is one a date may have
    /// (1–9999).
    ///
    /// ```
    /// use actorgraph::PartialDate;
    /// let date: PartialDate = "2012-02-29".parse().unwrap();
    /// assert_eq!(PartialDate::of_day(date.first_day()), Some(date));
    /// ```
    pub fn of_day(day: Day) -> Option<PartialDate> {
        let (year, month, day) = day.civil();
        let year = u16::try_from(year).ok()?;
        // A day of the calendar: month and day are in range.
        PartialDate::new(year, month as u8, day as u8).ok()
    }

    /// The inclusive day interval this date denotes.
    pub fn period(&self) -> Period {
        Period {
            first: self.first_day(),
            last: self.last_day(),
        }
    }
}

/// An inclusive interval of days, `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    /// The first day of the interval.
    pub first: Day,
    /// The last day of the interval (inclusive).
    pub last: Day,
}

impl Period {
    /// The period from the first day of `from` to the last day of `until`.
    ///
    /// Errors with both dates when `until` ends before `from` begins.
    pub fn between(from: PartialDate, until: PartialDate) -> Result<Period, PeriodError> {
        if until.last_day() < from.first_day() {
            return Err(PeriodError { from, until });
        }
        Ok(Period {
            first: from.first_day(),
            last: until.last_day(),
        })
    }
}

/// A period whose end comes before its start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("--until {until} is before --from {from}")]
pub struct PeriodError {
    /// The requested start.
    pub from: PartialDate,
    /// The requested end.
    pub until: PartialDate,
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    /// The year in four digits at least, then `-` and the month, `-` and the day in two
    /// digits each when known: `2012`, `2012-06`, `2012-06-27`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year > 9999 || self.month > 99 || self.day > 99 {
            // Only a date being refused as invalid: the formatter pads it.
            write!(f, "{:04}", self.year)?;
            if self.month != 0 {
                write!(f, "-{:02}", self.month)?;
            }
            if self.day != 0 {
                write!(f, "-{:02}", self.day)?;
            }
            return Ok(());
        }
        // Written digit by digit, not through the formatter's padding: a hub's table writes
        // tens of thousands of dates.
        let mut text = [0u8; 10];
        let mut len = 0;
        let mut digits = |n: u16, width: usize, dash: bool| {
            if dash {
                text[len] = b'-';
                len += 1;
            }
            let mut n = n;
            for at in (len..len + width).rev() {
                text[at] = b'0' + (n % 10) as u8;
                n /= 10;
            }
            len += width;
        };
        digits(self.year, 4, false);
        if self.month != 0 {
            digits(u16::from(self.month), 2, true);
        }
        if self.day != 0 {
            digits(u16::from(self.day), 2, true);
        }
        f.write_str(std::str::from_utf8(&text[..len]).map_err(|_| fmt::Error)?)
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<PartialDate, DateError> {
        let format = || DateError::Format(text.to_owned());
        let mut parts = text.split('-');
        let mut field = |width: usize| -> Result<Option<u16>, DateError> {
            match parts.next() {
                None => Ok(None),
                Some(p) if p.len() == width && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| format())
                }
                Some(_) => Err(format()),
            }
        };
        let year = field(4)?.ok_or_else(format)?;
        let month = field(2)?;
        let day = field(2)?;
        if parts.next().is_some() {
            return Err(format());
        }
        // A written month or day of 00 is impossible, not "unknown".
        if month == Some(0) {
            return Err(DateError::Month(text.to_owned()));
        }
        if day == Some(0) {
            return Err(DateError::Format(text.to_owned()));
        }
        let (month, day) = (month.unwrap_or(0), day.unwrap_or(0));
        // Month and day fit in u8: both are two ASCII digits.
        let to_u8 = |v: u16| u8::try_from(v).map_err(|_| format());
        PartialDate::new(year, to_u8(month)?, to_u8(day)?).map_err(|e| match e {
            DateError::Day { days, .. } => DateError::Day {
                text: text.to_owned(),
                days,
            },
            DateError::Month(_) => DateError::Month(text.to_owned()),
            DateError::Year(_) => DateError::Year(text.to_owned()),
            other => other,
        })
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD.",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(text: &str) -> PartialDate {
        text.parse().unwrap()
    }

    #[test]
    fn day_zero_is_the_unix_epoch() {
        assert_eq!(date("1970-01-01").first_day(), Day(0));
        assert_eq!(date("2000-03-01").first_day(), Day(11_017));
    }

    #[test]
    fn month_covers_its_days() {
        let june = date("2012-06");
        assert_eq!(june.last_day().0 - june.first_day().0, 29);
        let feb = date("2012-02");
        assert_eq!(feb.last_day(), date("2012-02-29").first_day());
        assert_eq!(date("2013-02").last_day(), date("2013-02-28").first_day());
    }

    #[test]
    fn impossible_dates_are_errors() {
        for bad in [
            "2012-02-30",
            "2013-02-29",
            "2012-13",
            "2012-00",
            "2012-06-00",
            "0000",
            "12",
            "2012-6",
            "2012-06-27-01",
            "",
            "２０１２",
            "2012-",
            "+012",
        ] {
            assert!(
                bad.parse::<PartialDate>().is_err(),
                "{bad} should be rejected"
            );
        }
    }

    #[test]
    fn error_messages_name_the_problem() {
        let err = "2012-02-30".parse::<PartialDate>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "impossible date \"2012-02-30\": that month has 29 days"
        );
        let err = "2012-13-45".parse::<PartialDate>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "impossible date \"2012-13-45\": month must be between 01 and 12"
        );
    }

    #[test]
    fn coarser_sorts_first() {
        assert!(date("2012") < date("2012-01"));
        assert!(date("2012-01") < date("2012-01-01"));
        assert!(date("2012-12-31") < date("2013"));
    }

    #[test]
    fn period_between_rejects_reversed() {
        assert!(Period::between(date("2013"), date("2012")).is_err());
        let p = Period::between(date("2012-06"), date("2012-06")).unwrap();
        assert_eq!(p, date("2012-06").period());
    }

    fn any_date() -> impl Strategy<Value = PartialDate> {
        (1u16..=9999, 0u8..=12, 0u8..=31).prop_filter_map("valid", |(y, m, d)| {
            PartialDate::new(y, m, if m == 0 { 0 } else { d }).ok()
        })
    }

    proptest! {
        /// Every date, valid or not, prints as the formatter pads its fields.
        #[test]
        fn a_date_prints_its_fields_padded(year in any::<u16>(), month in any::<u8>(), day in any::<u8>()) {
            let mut padded = format!("{year:04}");
            if month != 0 {
                padded += &format!("-{month:02}");
            }
            if day != 0 {
                padded += &format!("-{day:02}");
            }
            prop_assert_eq!(PartialDate { year, month, day }.to_string(), padded);
        }

        #[test]
        fn print_then_parse_round_trips(d in any_date()) {
            prop_assert_eq!(d.to_string().parse::<PartialDate>().unwrap(), d);
        }

        #[test]
        fn interval_is_ordered_and_nested(d in any_date()) {
            prop_assert!(d.first_day() <= d.last_day());
            let year = PartialDate::year(d.year).unwrap();
            prop_assert!(year.first_day() <= d.first_day());
            prop_assert!(d.last_day() <= year.last_day());
        }

        #[test]
        fn order_follows_first_day(a in any_date(), b in any_date()) {
            if a.first_day() < b.first_day() {
                prop_assert!(a < b);
            }
            if a < b {
                prop_assert!(a.first_day() <= b.first_day());
            }
        }

        #[test]
        fn months_tile_the_calendar(year in 1u16..9999, month in 1u8..=12) {
            let this = PartialDate::new(year, month, 0).unwrap();
            let next = if month == 12 {
                PartialDate::new(year + 1, 1, 0).unwrap()
            } else {
                PartialDate::new(year, month + 1, 0).unwrap()
            };
            prop_assert_eq!(this.last_day().0 + 1, next.first_day().0);
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,12}") {
            let _ = s.parse::<PartialDate>();
        }
    }
}
