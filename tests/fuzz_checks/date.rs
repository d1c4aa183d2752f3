//! The `date` target: the partial-date parser on any text.

use actorgraph::{PartialDate, Period, Precision};

use super::utf8_prefix;

/// Parses the text of `data` as a [`PartialDate`]. A date prints back as exactly that text and
/// parses back to itself, its precision is the number of fields written, its first day is not
/// after its last, and it lies within its year; serde reads the same date or error as
/// `FromStr`; an error quotes the text. Text of the form `A..B` is also read as a period, which
/// exists exactly when B does not end before A starts.
pub fn date(data: &[u8]) {
    let text = utf8_prefix(data);
    let parsed = text.parse::<PartialDate>();
    let json = serde_json::Value::String(text.to_owned());
    let via_serde = serde_json::from_value::<PartialDate>(json);
    assert_eq!(parsed.as_ref().ok(), via_serde.as_ref().ok(), "{text:?}");
    match parsed {
        Ok(d) => {
            assert_eq!(d.to_string(), text);
            assert_eq!(d.to_string().parse::<PartialDate>(), Ok(d));
            assert!(d.first_day() <= d.last_day(), "{text:?}");
            let precision = match text.matches('-').count() {
                0 => Precision::Year,
                1 => Precision::Month,
                _ => Precision::Day,
            };
            assert_eq!(d.precision(), precision, "{text:?}");
            let year = text[..4]
                .parse::<PartialDate>()
                .expect("the year of a date");
            assert!(year.first_day() <= d.first_day() && d.last_day() <= year.last_day());
            assert_eq!(
                d.period(),
                Period::between(d, d).expect("a date is a period")
            );
        }
        Err(e) => {
            let message = e.to_string();
            assert!(message.contains(&format!("{text:?}")), "{message}");
        }
    }
    if let Some((from, until)) = text.split_once("..")
        && let (Ok(from), Ok(until)) = (from.parse::<PartialDate>(), until.parse::<PartialDate>())
    {
        match Period::between(from, until) {
            Ok(p) => {
                assert!(until.last_day() >= from.first_day());
                assert_eq!((p.first, p.last), (from.first_day(), until.last_day()));
            }
            Err(_) => assert!(until.last_day() < from.first_day()),
        }
    }
}
