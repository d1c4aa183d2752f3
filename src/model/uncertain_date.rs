//! Uncertain dates: a partial date, or bounds on one, written in EDTF.
//!
//! The texts often say less than a date: "held Gao" first told in the paragraph about April
//! 2012 means *by* April 2012; an agreement that "lasted more than three months" from June
//! 2013 ended *after* September 2013. An [`UncertainDate`] says exactly that much, in the
//! notation of the Extended Date/Time Format (ISO 8601-2, EDTF level 2 "one of a set" with a
//! single range):
//!
//! | written | meaning | earliest day | latest day |
//! |---|---|---|---|
//! | `2012-04` | in April 2012 (a plain [`PartialDate`]) | 1 April 2012 | 30 April 2012 |
//! | `[..2012-04]` | on or before April 2012 | unbounded | 30 April 2012 |
//! | `[2012-04-06..]` | on or after 6 April 2012 | 6 April 2012 | unbounded |
//! | `[2012-04..2012-06]` | between April and June 2012 | 1 April 2012 | 30 June 2012 |
//!
//! Only this subset of EDTF is read: it is what the model can answer about (every form is an
//! earliest and a latest day), and [`PartialDate`] already parses and owns the calendar, so no
//! EDTF library (with its own calendar) is needed. A written range whose end is before its start
//! parses, so that the loader can report it with file, line and id: see
//! [`UncertainDate::is_contradictory`].

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::date::{DateError, Day, PartialDate, Precision};

/// A date known exactly to its precision, or known only to lie on or before, on or after, or
/// between partial dates.
///
/// ```
/// use actorgraph::{PartialDate, UncertainDate};
/// let by_april: UncertainDate = "[..2012-04]".parse().unwrap();
/// let april: PartialDate = "2012-04".parse().unwrap();
/// assert_eq!(by_april.latest(), april.last_day());
/// assert_eq!(by_april.to_string(), "[..2012-04]");
/// assert_eq!(by_april.human().to_string(), "≤2012-04");
/// let plain: UncertainDate = "2012-04".parse().unwrap();
/// assert_eq!(plain, UncertainDate::Exact(april));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UncertainDate {
    /// Within this partial date, at its precision: `2012-04`.
    Exact(PartialDate),
    /// On or before the end of this date: `[..2012-04]`.
    NotAfter(PartialDate),
    /// On or after the start of this date: `[2012-04-06..]`.
    NotBefore(PartialDate),
    /// Between the start of the first and the end of the second: `[2012-04..2012-06]`.
    Between(PartialDate, PartialDate),
}

/// Why a text is not an uncertain date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UncertainDateError {
    /// A partial date inside it is malformed or impossible.
    #[error(transparent)]
    Date(#[from] DateError),
    /// The brackets are not one of the accepted forms.
    #[error(
        "invalid date {0:?}: expected YYYY[-MM[-DD]], [..DATE] (on or before), [DATE..] (on or after) or [DATE..DATE] (between)"
    )]
    Format(String),
}

impl UncertainDate {
    /// The earliest day it may denote ([`Day::MIN`] when only a latest day is known).
    pub fn earliest(&self) -> Day {
        match self {
            UncertainDate::Exact(d) | UncertainDate::NotBefore(d) => d.first_day(),
            UncertainDate::Between(a, _) => a.first_day(),
            UncertainDate::NotAfter(_) => Day::MIN,
        }
    }

    /// The latest day it may denote ([`Day::MAX`] when only an earliest day is known).
    pub fn latest(&self) -> Day {
        match self {
            UncertainDate::Exact(d) | UncertainDate::NotAfter(d) => d.last_day(),
            UncertainDate::Between(_, b) => b.last_day(),
            UncertainDate::NotBefore(_) => Day::MAX,
        }
    }

    /// The plain partial date, when it is one.
    pub fn exact(&self) -> Option<PartialDate> {
        match self {
            UncertainDate::Exact(d) => Some(*d),
            _ => None,
        }
    }

    /// The partial dates written, lower one first (`None` for an open side; an exact date is
    /// both).
    pub fn written(&self) -> (Option<PartialDate>, Option<PartialDate>) {
        match *self {
            UncertainDate::Exact(d) => (Some(d), Some(d)),
            UncertainDate::NotAfter(d) => (None, Some(d)),
            UncertainDate::NotBefore(d) => (Some(d), None),
            UncertainDate::Between(a, b) => (Some(a), Some(b)),
        }
    }

    /// True for a range whose latest day comes before its earliest (`[2013..2012]`).
    pub fn is_contradictory(&self) -> bool {
        self.latest() < self.earliest()
    }

    /// The date a list sorts it by: the first partial date written.
    pub fn anchor(&self) -> PartialDate {
        match *self {
            UncertainDate::Exact(d)
            | UncertainDate::NotAfter(d)
            | UncertainDate::NotBefore(d)
            | UncertainDate::Between(d, _) => d,
        }
    }

    /// How the form ranks among dates of the same anchor: on or before, exact, between, on or
    /// after.
    pub fn rank(&self) -> u8 {
        match self {
            UncertainDate::NotAfter(_) => 0,
            UncertainDate::Exact(_) => 1,
            UncertainDate::Between(..) => 2,
            UncertainDate::NotBefore(_) => 3,
        }
    }

    /// The date as people read it in tables and diagrams: `2012-04`, `≤2012-04`,
    /// `≥2012-04-06`, `2012-04..2012-06`.
    pub fn human(&self) -> Human {
        Human(*self)
    }
}

/// An [`UncertainDate`] displayed for reading: `≤2012-04`, `≥2012-04-06`, `2012-04..2012-06`.
/// The alternate form (`{:#}`), for narrow diagram labels, writes the year of a range of two
/// days once when both share it (ISO 8601's abbreviated interval): `2012-04-06..06-27`.
///
/// ```
/// let d: actorgraph::UncertainDate = "[2012-04-06..2012-06-27]".parse().unwrap();
/// assert_eq!(d.human().to_string(), "2012-04-06..2012-06-27");
/// assert_eq!(format!("{:#}", d.human()), "2012-04-06..06-27");
/// for whole in ["[2012-04..2013]", "[2012-04..2012-06]", "[2012-04-06..2012-12]"] {
///     let d: actorgraph::UncertainDate = whole.parse().unwrap();
///     assert_eq!(format!("{:#}", d.human()), d.human().to_string());
/// }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Human(UncertainDate);

impl fmt::Display for Human {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            UncertainDate::Exact(d) => write!(f, "{d}"),
            UncertainDate::NotAfter(d) => write!(f, "≤{d}"),
            UncertainDate::NotBefore(d) => write!(f, "≥{d}"),
            UncertainDate::Between(a, b) => {
                let full = b.to_string();
                let days = a.precision() == Precision::Day && b.precision() == Precision::Day;
                match full.strip_prefix(&format!("{:04}-", a.parts().0)) {
                    Some(rest) if f.alternate() && days => write!(f, "{a}..{rest}"),
                    _ => write!(f, "{a}..{full}"),
                }
            }
        }
    }
}

impl From<PartialDate> for UncertainDate {
    fn from(date: PartialDate) -> UncertainDate {
        UncertainDate::Exact(date)
    }
}

impl Ord for UncertainDate {
    /// By anchor (the first date written), then form, then the second date written.
    fn cmp(&self, other: &Self) -> Ordering {
        let key = |d: &UncertainDate| (d.anchor(), d.rank(), d.written().1);
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for UncertainDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for UncertainDate {
    /// The EDTF form, as in the data files.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UncertainDate::Exact(d) => write!(f, "{d}"),
            UncertainDate::NotAfter(d) => write!(f, "[..{d}]"),
            UncertainDate::NotBefore(d) => write!(f, "[{d}..]"),
            UncertainDate::Between(a, b) => write!(f, "[{a}..{b}]"),
        }
    }
}

impl FromStr for UncertainDate {
    type Err = UncertainDateError;

    fn from_str(text: &str) -> Result<UncertainDate, UncertainDateError> {
        let Some(inner) = text.strip_prefix('[') else {
            return Ok(UncertainDate::Exact(text.parse()?));
        };
        let format = || UncertainDateError::Format(text.to_owned());
        let inner = inner.strip_suffix(']').ok_or_else(format)?;
        let (low, high) = inner.split_once("..").ok_or_else(format)?;
        let date = |t: &str| -> Result<Option<PartialDate>, UncertainDateError> {
            if t.is_empty() {
                Ok(None)
            } else {
                Ok(Some(t.parse()?))
            }
        };
        match (date(low)?, date(high)?) {
            (None, Some(high)) => Ok(UncertainDate::NotAfter(high)),
            (Some(low), None) => Ok(UncertainDate::NotBefore(low)),
            (Some(low), Some(high)) => Ok(UncertainDate::Between(low, high)),
            (None, None) => Err(format()),
        }
    }
}

impl Serialize for UncertainDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for UncertainDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for UncertainDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "UncertainDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date at the precision the source gives (YYYY, YYYY-MM or YYYY-MM-DD), or bounds on one in EDTF (ISO 8601-2 level 2, one of a set with a single range): [..DATE] on or before, [DATE..] on or after, [DATE..DATE] between. Each denotes an earliest and a latest possible day.",
            "pattern": "^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|\\[\\.\\.[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\\]|\\[[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\\.\\.([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?\\])$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(text: &str) -> UncertainDate {
        text.parse().unwrap()
    }

    fn partial(text: &str) -> PartialDate {
        text.parse().unwrap()
    }

    #[test]
    fn forms_parse_and_print() {
        for text in [
            "2012",
            "2012-04",
            "2012-04-06",
            "[..2012-04]",
            "[2012-04-06..]",
            "[2012-04..2012-06]",
        ] {
            assert_eq!(date(text).to_string(), text);
        }
        assert_eq!(date("[..2012-04]").human().to_string(), "≤2012-04");
        assert_eq!(date("[2012-04-06..]").human().to_string(), "≥2012-04-06");
        assert_eq!(
            date("[2012-04..2012-06]").human().to_string(),
            "2012-04..2012-06"
        );
    }

    #[test]
    fn bad_forms_are_errors() {
        for bad in [
            "[..]",
            "[2012",
            "2012]",
            "[2012-04]",
            "[..2012-13]",
            "[2012...2013]",
            "[ 2012..]",
            "2012/2013",
            "[..2012-02-30]",
            "",
        ] {
            assert!(bad.parse::<UncertainDate>().is_err(), "{bad} accepted");
        }
        let err = "[2012..2013-02-30]".parse::<UncertainDate>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "impossible date \"2013-02-30\": that month has 28 days"
        );
    }

    #[test]
    fn bounds_are_days() {
        let april = partial("2012-04");
        assert_eq!(date("[..2012-04]").earliest(), Day::MIN);
        assert_eq!(date("[..2012-04]").latest(), april.last_day());
        assert_eq!(date("[2012-04..]").earliest(), april.first_day());
        assert_eq!(date("[2012-04..]").latest(), Day::MAX);
        assert!(date("[2013..2012]").is_contradictory());
        assert!(!date("[2012-06..2012]").is_contradictory());
    }

    #[test]
    fn sorting_follows_the_first_date_written() {
        let mut dates = [
            date("[2012-04..]"),
            date("2012-05"),
            date("[2012-04..2012-06]"),
            date("2012-04"),
            date("[..2012-04]"),
            date("2012"),
        ];
        dates.sort();
        let printed: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(
            printed,
            [
                "2012",
                "[..2012-04]",
                "2012-04",
                "[2012-04..2012-06]",
                "[2012-04..]",
                "2012-05"
            ]
        );
    }

    fn any_partial() -> impl Strategy<Value = PartialDate> {
        (1u16..=9999, 0u8..=12, 0u8..=31).prop_filter_map("valid", |(y, m, d)| {
            PartialDate::from_parts(y, m, if m == 0 { 0 } else { d }).ok()
        })
    }

    fn any_uncertain() -> impl Strategy<Value = UncertainDate> {
        prop_oneof![
            any_partial().prop_map(UncertainDate::Exact),
            any_partial().prop_map(UncertainDate::NotAfter),
            any_partial().prop_map(UncertainDate::NotBefore),
            (any_partial(), any_partial()).prop_map(|(a, b)| UncertainDate::Between(a, b)),
        ]
    }

    proptest! {
        #[test]
        fn print_then_parse_round_trips(d in any_uncertain()) {
            prop_assert_eq!(d.to_string().parse::<UncertainDate>().unwrap(), d);
        }

        #[test]
        fn bounds_contain_their_written_dates(d in any_uncertain()) {
            // Every day of a written date on a closed side lies within the bounds.
            let (low, high) = d.written();
            if let Some(low) = low {
                prop_assert_eq!(d.earliest(), low.first_day());
            }
            if let Some(high) = high {
                prop_assert_eq!(d.latest(), high.last_day());
            }
            if !d.is_contradictory() {
                prop_assert!(d.earliest() <= d.latest());
            }
        }

        #[test]
        fn an_exact_date_is_its_own_bounds(p in any_partial()) {
            let d = UncertainDate::from(p);
            prop_assert_eq!((d.earliest(), d.latest()), (p.first_day(), p.last_day()));
            // Each one-sided bound contains the exact date.
            prop_assert!(UncertainDate::NotAfter(p).earliest() <= p.first_day());
            prop_assert!(UncertainDate::NotBefore(p).latest() >= p.last_day());
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,24}") {
            let _ = s.parse::<UncertainDate>();
        }
    }
}
