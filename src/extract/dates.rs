//! Date expressions: absolute dates in the lexicon's month names (both Arabic series),
//! digits of any script, relative dates resolved against the last date the text gave (or the
//! anchor, the publication date, for "yesterday" and weekdays), and bounds ("by", "after",
//! "since", "until", "from … to", "early 2013").
//!
//! Each expression says exactly as much as the text: a day, a month or a year, or bounds on
//! one ([`UncertainDate`]); a relative expression whose reference is coarser than it needs
//! ("four days later" after "in June") gives bounds, never an invented day, and one without
//! any reference gives nothing.

use super::lexicon::{DateWord, Matches, Meaning, Unit};
use super::tokens::{Kind, Token};
use crate::model::{Day, PartialDate, Precision, UncertainDate};

/// A date expression: tokens `first..last`, and what it says about a relation's start and end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateMention {
    pub first: usize,
    pub last: usize,
    pub start: Option<UncertainDate>,
    pub end: Option<UncertainDate>,
    /// Written after "since" (منذ, "depuis"): what the sentence tells began then.
    pub since: bool,
}

/// Finds the date expressions of `tokens`, in order. `anchor` is the publication date.
pub(crate) fn scan(
    matches: &Matches,
    tokens: &[Token],
    anchor: Option<PartialDate>,
) -> Vec<DateMention> {
    let mut scanner = Scanner {
        matches,
        tokens,
        anchor: anchor.map(UncertainDate::Exact),
        reference: anchor.map(UncertainDate::Exact),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].kind != Kind::Word {
            i += 1;
            continue;
        }
        match scanner.bounded(i) {
            Some(found) => {
                i = found.last;
                out.push(found);
            }
            None => i += 1,
        }
    }
    out
}

/// A day as year, month (1–12) and day of month.
type Civil = (i64, u32, u32);

struct Scanner<'a> {
    matches: &'a Matches<'a>,
    tokens: &'a [Token],
    anchor: Option<UncertainDate>,
    reference: Option<UncertainDate>,
}

impl Scanner<'_> {
    /// The meanings of the phrases starting at `i`, with their lengths, longest first.
    fn meanings(&self, i: usize) -> Vec<(usize, Meaning)> {
        let Some(found) = self.matches.get(i) else {
            return Vec::new();
        };
        found
            .iter()
            .filter(|(_, p)| {
                !matches!(
                    p.meaning,
                    Meaning::Trigger(_) | Meaning::Head(_) | Meaning::Stop
                )
            })
            .map(|(n, p)| (*n, p.meaning.clone()))
            .collect()
    }

    fn date_word(&self, i: usize, word: DateWord) -> Option<usize> {
        self.meanings(i)
            .into_iter()
            .find(|(_, m)| *m == Meaning::Date(word))
            .map(|(n, _)| i + n)
    }

    fn skip_fillers(&self, mut i: usize) -> usize {
        for _ in 0..2 {
            match self.date_word(i, DateWord::Filler) {
                Some(next) => i = next,
                None => break,
            }
        }
        i
    }

    /// A date with an optional bound word before it: by, after, since, until, from … to.
    fn bounded(&mut self, i: usize) -> Option<DateMention> {
        for (word, n) in self.meanings(i).into_iter().filter_map(|(n, m)| match m {
            Meaning::Date(w) => Some((w, n)),
            _ => None,
        }) {
            if !matches!(
                word,
                DateWord::By | DateWord::After | DateWord::Since | DateWord::Until | DateWord::From
            ) {
                continue;
            }
            // "بعد أربعة أيام" is a relative date, not a bound.
            if let Some((end, date)) = self.relative(i) {
                return Some(self.found(i, end, Some(date), None, date));
            }
            let Some((end, date)) = self.date(self.skip_fillers(i + n)) else {
                continue;
            };
            return Some(match word {
                DateWord::By => {
                    let bound = date.written().1.map(UncertainDate::NotAfter);
                    self.found(i, end, bound, None, date)
                }
                DateWord::After => {
                    let bound = date.written().0.map(UncertainDate::NotBefore);
                    self.found(i, end, bound, None, date)
                }
                DateWord::Since => DateMention {
                    since: true,
                    ..self.found(i, end, Some(date), None, date)
                },
                DateWord::Until => self.found(i, end, None, Some(date), date),
                _ => {
                    // from X to Y
                    let to = self
                        .meanings(end)
                        .into_iter()
                        .find(|(_, m)| *m == Meaning::Date(DateWord::To));
                    let second = to.and_then(|(n, _)| self.date(self.skip_fillers(end + n)));
                    match second {
                        Some((end2, date2)) if date2.latest() >= date.earliest() => {
                            self.found(i, end2, Some(date), Some(date2), date2)
                        }
                        _ => self.found(i, end, Some(date), None, date),
                    }
                }
            });
        }
        let (end, date) = self.date(i)?;
        Some(self.found(i, end, Some(date), None, date))
    }

    /// A date expression found; `core` (the date itself, without its bound) becomes the
    /// reference of the relative dates after it.
    fn found(
        &mut self,
        first: usize,
        last: usize,
        start: Option<UncertainDate>,
        end: Option<UncertainDate>,
        core: UncertainDate,
    ) -> DateMention {
        self.reference = Some(core);
        DateMention {
            first,
            last,
            start,
            end,
            since: false,
        }
    }

    /// An absolute, partial ("early 2013") or relative date starting at `i`.
    fn date(&self, i: usize) -> Option<(usize, UncertainDate)> {
        self.part(i)
            .or_else(|| {
                self.absolute(i, true)
                    .map(|(e, d)| (e, UncertainDate::Exact(d)))
            })
            .or_else(|| self.relative(i))
    }

    /// "early 2013", "late June 2012", "منتصف عام 2013": bounds within a year or month.
    fn part(&self, i: usize) -> Option<(usize, UncertainDate)> {
        let (n, which) = self.meanings(i).into_iter().find_map(|(n, m)| match m {
            Meaning::Date(w @ (DateWord::Early | DateWord::Mid | DateWord::Late)) => Some((n, w)),
            _ => None,
        })?;
        let (end, date) = self.absolute(self.skip_fillers(i + n), false)?;
        let (year, month, _) = date.parts();
        let range = |a: u8, b: u8, month: Option<u8>| -> Option<UncertainDate> {
            Some(match month {
                None => UncertainDate::Between(
                    PartialDate::from_parts(year, a, 0).ok()?,
                    PartialDate::from_parts(year, b, 0).ok()?,
                ),
                Some(m) => UncertainDate::Between(
                    PartialDate::from_parts(year, m, a).ok()?,
                    PartialDate::from_parts(year, m, b).ok()?,
                ),
            })
        };
        let bounds = match (date.precision(), which) {
            (Precision::Year, DateWord::Early) => range(1, 4, None),
            (Precision::Year, DateWord::Mid) => range(4, 9, None),
            (Precision::Year, DateWord::Late) => range(9, 12, None),
            (Precision::Month, DateWord::Early) => range(1, 10, Some(month)),
            (Precision::Month, DateWord::Mid) => range(10, 20, Some(month)),
            (Precision::Month, DateWord::Late) => {
                let last = PartialDate::of_day(date.last_day())?.parts().2;
                range(20, last, Some(month))
            }
            _ => None,
        }?;
        Some((end, bounds))
    }

    /// The month named at `i` and the token after its name. A month named in both series
    /// ("آب/أغسطس", "كانون الثاني يناير": the slash only separates) is one name, so the year
    /// after the second is the month's.
    fn month_at(&self, i: usize) -> Option<(usize, u8)> {
        let month_here = |i: usize| {
            self.meanings(i).into_iter().find_map(|(n, m)| match m {
                Meaning::Month(month) => Some((i + n, month)),
                _ => None,
            })
        };
        let (after, month) = month_here(i)?;
        match month_here(after) {
            Some((end, again)) if again == month => Some((end, month)),
            _ => Some((after, month)),
        }
    }

    fn number(&self, i: usize) -> Option<u32> {
        let t = self.tokens.get(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        t.number.or_else(|| {
            ["st", "nd", "rd", "th", "er", "eme"]
                .iter()
                .find_map(|s| t.key.strip_suffix(s))
                .filter(|d| !d.is_empty() && d.len() <= 2)
                .and_then(|d| d.parse().ok())
        })
    }

    fn year(&self, i: usize) -> Option<u16> {
        self.tokens
            .get(i)?
            .number
            .filter(|y| (1000..=2999).contains(y))
            .map(|y| y as u16)
    }

    /// The first and last days (year, month, day) of the last date given, when bounded.
    fn reference_days(&self) -> Option<(Civil, Civil)> {
        let r = self.reference?;
        let (a, b) = (r.earliest(), r.latest());
        (a != Day::MIN && b != Day::MAX).then(|| (a.civil(), b.civil()))
    }

    fn reference_year(&self) -> Option<u16> {
        let ((ya, _, _), (yb, _, _)) = self.reference_days()?;
        (ya == yb).then(|| u16::try_from(ya).ok()).flatten()
    }

    /// The year of a day and month written without one: when the last date given lies
    /// within one month, its occurrence nearest that date, a day before it counting double
    /// (news tells events in order, a date before the last one is a flashback: "le 3 janvier"
    /// after "décembre 2020" is in 2021, after "27 juin 2012" in 2013, after a dateline of
    /// 14 January 2021 in 2021); in a pluperfect clause (`past`: "avait renversé le 24
    /// janvier", "had seized it on 3 March") its last occurrence on or before that date; else
    /// that date's year. News tells what happened: an occurrence after the publication date
    /// is taken only with a mark of the future in the sentence (`future`: "will meet on 3
    /// January"), else the one a year before ("a attaqué Gao le 24 janvier" in a text of
    /// October is that year's January).
    fn year_of(&self, month: u8, day: u8, past: bool, future: bool) -> Option<u16> {
        let ((ya, ma, da), (yb, mb, db)) = self.reference_days()?;
        if (ya, ma) != (yb, mb) {
            return self.reference_year();
        }
        // Days are compared as 31-day months: near enough to tell the nearest year.
        let at = |y: i64, m: u32, d: u32| y * 372 + i64::from(m - 1) * 31 + i64::from(d);
        let from = at(ya, ma, da);
        let gap = |y: i64| at(y, u32::from(month), u32::from(day)) - from;
        let y = if past {
            // On or before the last day the reference allows ("en janvier" allows the 31st).
            let until = at(yb, mb, db);
            if at(ya, u32::from(month), u32::from(day)) <= until {
                ya
            } else {
                ya - 1
            }
        } else {
            let y = [ya, ya + 1, ya - 1].into_iter().min_by_key(|&y| {
                let gap = gap(y);
                if gap < 0 { -2 * gap } else { gap }
            })?;
            let published = self.anchor.map(|d| d.latest().civil());
            match published {
                Some((yp, mp, dp))
                    if !future && at(y, u32::from(month), u32::from(day)) > at(yp, mp, dp) =>
                {
                    y - 1
                }
                _ => y,
            }
        };
        u16::try_from(y).ok()
    }

    /// True when a mark of the future ("will", "va", "سوف", "المقرر") stands in the sentence
    /// of token `i`.
    fn future_near(&self, i: usize) -> bool {
        let stop = |j: &usize| matches!(self.tokens[*j].kind, Kind::Stop | Kind::Break);
        let first = (0..i).rev().find(stop).map_or(0, |j| j + 1);
        let last = (i..self.tokens.len())
            .find(stop)
            .unwrap_or(self.tokens.len());
        (first..last).any(|j| self.meanings(j).iter().any(|(_, m)| *m == Meaning::Future))
    }

    /// True when a mark of the pluperfect ("avait", "had", قد) stands at most six words
    /// before token `i`, with no punctuation between: the date is in that clause's past.
    fn pluperfect_before(&self, i: usize) -> bool {
        (i.saturating_sub(6)..i)
            .rev()
            .take_while(|&j| self.tokens[j].kind == Kind::Word)
            .any(|j| {
                self.meanings(j)
                    .iter()
                    .any(|(_, m)| *m == Meaning::Background)
            })
    }

    /// An absolute date at `i`: "6 أبريل 2012", "April 6, 2012", "juin 2013", "عام 2012",
    /// "2012-04-06", "06/04/2012", a year alone (1900–2100), and when `bare_month`, a month
    /// name after a preposition, its year that of the last date given.
    fn absolute(&self, i: usize, bare_month: bool) -> Option<(usize, PartialDate)> {
        let t = self.tokens.get(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        // Numeric forms: 2012-04-06, 06/04/2012.
        if let Some(found) = self.numeric(i) {
            return Some(found);
        }
        // Day month [year].
        if let Some(day) = self.number(i).filter(|d| (1..=31).contains(d)) {
            let j = self.skip_fillers(i + 1);
            if let Some((after, month)) = self.month_at(j) {
                let k = self.skip_fillers(after);
                return match self.year(k) {
                    Some(y) => Some((k + 1, PartialDate::from_parts(y, month, day as u8).ok()?)),
                    None => {
                        let (past, future) = (self.pluperfect_before(i), self.future_near(i));
                        let y = self.year_of(month, day as u8, past, future)?;
                        Some((after, PartialDate::from_parts(y, month, day as u8).ok()?))
                    }
                };
            }
        }
        // "last January", "next March": the month's occurrence counted from now.
        if let Some(found) = self.month_from_now_before(i) {
            return found;
        }
        // Month [day[,]] [year].
        if let Some((after, month)) = self.month_at(i) {
            if let Some(day) = self.number(after).filter(|d| (1..=31).contains(d))
                && let Some(y) = self.year(self.skip_clause(after + 1))
            {
                let end = self.skip_clause(after + 1) + 1;
                return Some((end, PartialDate::from_parts(y, month, day as u8).ok()?));
            }
            let k = self.skip_fillers(after);
            if let Some(y) = self.year(k) {
                return Some((k + 1, PartialDate::from_parts(y, month, 0).ok()?));
            }
            // "يناير الماضي", "janvier dernier": the month's occurrence counted from now.
            if let Some(word) = self.past_or_coming(after) {
                let (end, past) = word;
                return Some((end, self.month_from_now(month, past)?));
            }
            let after_preposition = i > 0 && self.preposition_before(i);
            if bare_month && after_preposition {
                // "since November", "منذ نوفمبر", "depuis novembre": its last occurrence up
                // to the last date given, never a later one.
                let since =
                    (i.saturating_sub(2)..i).any(|j| self.date_word(j, DateWord::Since) == Some(i));
                let y = match (since, self.reference_days()) {
                    (true, Some(((ya, ma, _), _))) if u32::from(month) > ma => {
                        u16::try_from(ya - 1).ok()?
                    }
                    _ => self.reference_year()?,
                };
                return Some((after, PartialDate::from_parts(y, month, 0).ok()?));
            }
            return None;
        }
        // A year: after a year word or preposition, or alone when plausible.
        let y = self.year(i)?;
        let introduced = i > 0 && (self.preposition_before(i) || self.filler_before(i));
        if introduced || (1900..=2100).contains(&y) {
            return Some((i + 1, PartialDate::year(y).ok()?));
        }
        None
    }

    /// A word at `i` that places a month before or after now ("الماضي", "dernier", "last";
    /// "المقبل", "prochain", "next"): where it ends, and whether it is before.
    fn past_or_coming(&self, i: usize) -> Option<(usize, bool)> {
        [(DateWord::Past, true), (DateWord::Coming, false)]
            .into_iter()
            .find_map(|(word, past)| Some((self.date_word(i, word)?, past)))
    }

    /// "last January", "next March" (the word before the month): `Some` of what
    /// [`absolute`](Self::absolute) answers, `None` when no such word and month stand at `i`.
    #[allow(clippy::option_option)]
    fn month_from_now_before(&self, i: usize) -> Option<Option<(usize, PartialDate)>> {
        let (after, past) = self.past_or_coming(i)?;
        let (end, month) = self.month_at(after)?;
        Some(self.month_from_now(month, past).map(|date| (end, date)))
    }

    /// The occurrence of `month` before (`past`) or after now: the publication date, else the
    /// last date the text gave, if it names a month; never that month itself ("مارس الماضي"
    /// written in March 2019 is March 2018). Unknown without such a date: a month written this
    /// way is never given the year of a date that names only a year.
    fn month_from_now(&self, month: u8, past: bool) -> Option<PartialDate> {
        let now = month_index(self.anchor.or(self.reference)?)?;
        let target = i64::from(month) - 1;
        let gap = if past { now - target } else { target - now };
        let step = match gap.rem_euclid(12) {
            0 => 12,
            n => n,
        };
        month_of(if past { now - step } else { now + step })?.exact()
    }

    fn skip_clause(&self, i: usize) -> usize {
        match self.tokens.get(i) {
            Some(t) if t.kind == Kind::Clause => i + 1,
            _ => i,
        }
    }

    fn preposition_before(&self, i: usize) -> bool {
        (i.saturating_sub(3)..i).any(|j| {
            self.meanings(j).iter().any(|(n, m)| {
                j + n == i
                    && matches!(
                        m,
                        Meaning::Date(
                            DateWord::Preposition
                                | DateWord::Filler
                                | DateWord::Since
                                | DateWord::Until
                                | DateWord::By
                        )
                    )
            })
        })
    }

    fn filler_before(&self, i: usize) -> bool {
        self.meanings(i - 1)
            .iter()
            .any(|(n, m)| *n == 1 && *m == Meaning::Date(DateWord::Filler))
    }

    /// `2012-04-06` or `06/04/2012` (day first; in a text whose lexicon is English, month
    /// first when the first number cannot be a month... and never a guess when both could).
    fn numeric(&self, i: usize) -> Option<(usize, PartialDate)> {
        let parts: Vec<u32> = (i..i + 3).map_while(|j| self.number(j)).collect();
        if parts.len() < 3 {
            return None;
        }
        // The three numbers must be joined by one separator each, nothing else.
        let t = &self.tokens[i..i + 3];
        if t[1].start != t[0].end + 1 || t[2].start != t[1].end + 1 {
            return None;
        }
        let (y, m, d) = if parts[0] >= 1000 {
            (parts[0], parts[1], parts[2])
        } else if parts[2] >= 1000 {
            (parts[2], parts[1], parts[0])
        } else {
            return None;
        };
        let date = PartialDate::from_parts(
            u16::try_from(y).ok()?,
            u8::try_from(m).ok()?,
            u8::try_from(d).ok()?,
        )
        .ok()?;
        Some((i + 3, date))
    }

    /// A relative date at `i`: a lexicon phrase (yesterday, the next day, the same month …),
    /// a weekday, or a count of units before or after ("بعد أربعة أيام", "four days later").
    fn relative(&self, i: usize) -> Option<(usize, UncertainDate)> {
        let meanings = self.meanings(i);
        // after/before + count + unit (Arabic, French "après").
        for (n, m) in &meanings {
            let sign = match m {
                Meaning::Date(DateWord::Later) => 1,
                Meaning::Date(DateWord::Earlier) => -1,
                _ => continue,
            };
            if let Some((end, count, unit)) = self.count(i + n) {
                // "بعد ثلاثة أيام من معارك", "after three days of fighting": counted from
                // an event, not from the last date ("بعد يومين من ذلك" is).
                let has = |word: DateWord| {
                    self.meanings(end)
                        .iter()
                        .any(|(_, m)| *m == Meaning::Date(word))
                };
                if has(DateWord::Of) && !has(DateWord::OfThat) {
                    return None;
                }
                return Some((end, self.shift(sign * count, unit)?));
            }
        }
        // count + unit + an adverb: "four days later" (not "ten years before the events",
        // which counts from an event).
        if let Some((end, count, unit)) = self.count(i) {
            for (n, m) in self.meanings(end) {
                let sign = match m {
                    Meaning::Date(DateWord::Afterwards) => 1,
                    Meaning::Date(DateWord::Beforehand) => -1,
                    _ => continue,
                };
                return Some((end + n, self.shift(sign * count, unit)?));
            }
        }
        for (n, m) in meanings {
            let end = i + n;
            let value = match m {
                Meaning::Weekday(w) => self.weekday(w),
                Meaning::Date(word) => self.named(word),
                _ => continue,
            };
            if let Some(value) = value {
                return Some((end, value));
            }
        }
        None
    }

    /// A count of units: "أربعة أيام", "يومين", "4 days", "quatre jours".
    fn count(&self, i: usize) -> Option<(usize, i64, Unit)> {
        let meanings = self.meanings(i);
        if let Some((n, Meaning::Dual(unit))) =
            meanings.iter().find(|(_, m)| matches!(m, Meaning::Dual(_)))
        {
            return Some((i + n, 2, *unit));
        }
        let (n, count) = match self.number(i) {
            Some(c) if c <= 400 => (1, c),
            Some(_) => return None,
            None => meanings.iter().find_map(|(n, m)| match m {
                Meaning::Number(c) => Some((*n, *c)),
                _ => None,
            })?,
        };
        let unit = self
            .meanings(i + n)
            .into_iter()
            .find_map(|(k, m)| match m {
                Meaning::Unit(u) => Some((k, u)),
                _ => None,
            })?;
        Some((i + n + unit.0, i64::from(count), unit.1))
    }

    /// The reference moved by `count` units, at the precision the reference supports.
    fn shift(&self, count: i64, unit: Unit) -> Option<UncertainDate> {
        let r = self.reference?;
        match unit {
            Unit::Day => shift_days(r, count),
            Unit::Week => shift_days(r, 7 * count),
            Unit::Month => month_of(month_index(r)? + count),
            Unit::Year => {
                let y = i64::from(self.reference_year()?) + count;
                Some(UncertainDate::Exact(
                    PartialDate::year(u16::try_from(y).ok()?).ok()?,
                ))
            }
        }
    }

    fn weekday(&self, weekday: u8) -> Option<UncertainDate> {
        let base = self.anchor.or(self.reference)?.exact()?;
        if base.precision() != Precision::Day {
            return None;
        }
        let day = base.first_day().0;
        let today = (day + 3).rem_euclid(7) + 1; // 1970-01-01 was a Thursday (4).
        let back = (today - i32::from(weekday)).rem_euclid(7);
        Some(UncertainDate::Exact(PartialDate::of_day(Day(day - back))?))
    }

    fn named(&self, word: DateWord) -> Option<UncertainDate> {
        use DateWord as W;
        let deictic = self.anchor.or(self.reference);
        let month_shift = |base: Option<UncertainDate>, by: i64| month_of(month_index(base?)? + by);
        let year_shift = |base: Option<UncertainDate>, by: i64| {
            let (y, _, _) = within(base?, 1)?;
            let y = y + by;
            Some(UncertainDate::Exact(
                PartialDate::year(u16::try_from(y).ok()?).ok()?,
            ))
        };
        match word {
            W::Today => shift_exact_day(deictic?, 0),
            W::Yesterday => shift_exact_day(deictic?, -1),
            W::Tomorrow => shift_exact_day(deictic?, 1),
            W::DayBefore => shift_exact_day(self.reference?, -1),
            W::NextDay => shift_exact_day(self.reference?, 1),
            W::SameDay => shift_exact_day(self.reference?, 0),
            W::SameWeek => {
                let d = self
                    .reference?
                    .exact()
                    .filter(|d| d.precision() == Precision::Day)?;
                let day = d.first_day().0;
                let monday = day - (day + 3).rem_euclid(7);
                Some(UncertainDate::Between(
                    PartialDate::of_day(Day(monday))?,
                    PartialDate::of_day(Day(monday + 6))?,
                ))
            }
            W::SameMonth => month_shift(self.reference, 0),
            W::NextMonth => month_shift(self.reference, 1),
            W::PreviousMonth => month_shift(self.reference, -1),
            W::SameYear => year_shift(self.reference, 0),
            W::NextYear => year_shift(self.reference, 1),
            W::PreviousYear => year_shift(self.reference, -1),
            W::LastMonth => month_shift(deictic, -1),
            W::ThisMonth => month_shift(deictic, 0),
            W::LastYear => year_shift(deictic, -1),
            W::ThisYear => year_shift(deictic, 0),
            _ => None,
        }
    }
}

/// The year, month and day all of `r`'s days share, compared to `depth` parts (1 year, 2
/// month, 3 day); `None` when they differ or `r` is unbounded.
fn within(r: UncertainDate, depth: usize) -> Option<(i64, u32, u32)> {
    let (a, b) = (r.earliest(), r.latest());
    if a == Day::MIN || b == Day::MAX {
        return None;
    }
    let (x, y) = (a.civil(), b.civil());
    let same = match depth {
        1 => x.0 == y.0,
        2 => (x.0, x.1) == (y.0, y.1),
        _ => x == y,
    };
    same.then_some(x)
}

/// The month index (year × 12 + month − 1) of a reference that lies within one month.
fn month_index(r: UncertainDate) -> Option<i64> {
    let (y, m, _) = within(r, 2)?;
    Some(y * 12 + i64::from(m) - 1)
}

fn month_of(index: i64) -> Option<UncertainDate> {
    let y = u16::try_from(index.div_euclid(12)).ok()?;
    let m = (index.rem_euclid(12) + 1) as u8;
    Some(UncertainDate::Exact(PartialDate::from_parts(y, m, 0).ok()?))
}

fn shift_exact_day(r: UncertainDate, days: i64) -> Option<UncertainDate> {
    let d = r.exact().filter(|d| d.precision() == Precision::Day)?;
    shift_days(UncertainDate::Exact(d), days)
}

/// `r` moved by `days`: a day when `r` is one, else bounds from its earliest and latest days.
fn shift_days(r: UncertainDate, days: i64) -> Option<UncertainDate> {
    let (a, b) = (r.earliest(), r.latest());
    if a == Day::MIN || b == Day::MAX {
        return None;
    }
    let day = |d: Day| -> Option<PartialDate> {
        PartialDate::of_day(Day(i32::try_from(i64::from(d.0) + days).ok()?))
    };
    if a == b {
        Some(UncertainDate::Exact(day(a)?))
    } else {
        Some(UncertainDate::Between(day(a)?, day(b)?))
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::Lang;
    use super::super::tokens::tokenize;
    use super::*;

    /// Each date expression of `text` as `written => start / end`.
    fn dates(lang: Lang, text: &str, anchor: Option<&str>) -> Vec<String> {
        let lexicon = super::super::lexicon::Lexicon::parse(lang.builtin_lexicon()).unwrap();
        let tokens = tokenize(text);
        let anchor = anchor.map(|a| a.parse().unwrap());
        scan(&lexicon.at_each(&tokens), &tokens, anchor)
            .into_iter()
            .map(|d| {
                let show = |u: Option<UncertainDate>| u.map_or("-".to_owned(), |u| u.to_string());
                format!(
                    "{} => {} / {}",
                    &text[tokens[d.first].start..tokens[d.last - 1].end],
                    show(d.start),
                    show(d.end)
                )
            })
            .collect()
    }

    #[test]
    fn arabic_absolute_dates_in_both_month_series_and_digits() {
        assert_eq!(
            dates(Lang::Ar, "في 6 أبريل 2012 أعلنت", None),
            ["6 أبريل 2012 => 2012-04-06 / -"]
        );
        assert_eq!(
            dates(Lang::Ar, "في ٦ نيسان ٢٠١٢", None),
            ["٦ نيسان ٢٠١٢ => 2012-04-06 / -"]
        );
        assert_eq!(
            dates(Lang::Ar, "في يونيو 2013،", None),
            ["يونيو 2013 => 2013-06 / -"]
        );
        assert_eq!(
            dates(Lang::Ar, "في كانون الثاني 2013", None),
            ["كانون الثاني 2013 => 2013-01 / -"]
        );
        assert_eq!(
            dates(Lang::Ar, "في 11 جانفي 2013", None),
            ["11 جانفي 2013 => 2013-01-11 / -"]
        );
        assert_eq!(
            dates(Lang::Ar, "في تشرين الأول 2012", None),
            ["تشرين الأول 2012 => 2012-10 / -"]
        );
        assert_eq!(dates(Lang::Ar, "في عام 2012", None), ["2012 => 2012 / -"]);
    }

    #[test]
    fn arabic_relative_chains_keep_their_precision() {
        let text = "وفي 16 نوفمبر 2012، شنت. وبعد أربعة أيام، شن. وفي اليوم التالي هاجم.";
        assert_eq!(
            dates(Lang::Ar, text, None),
            [
                "16 نوفمبر 2012 => 2012-11-16 / -",
                "وبعد أربعة أيام => 2012-11-20 / -",
                "اليوم التالي => 2012-11-21 / -",
            ]
        );
        // A day-less reference gives bounds, not an invented day.
        assert_eq!(
            dates(Lang::Ar, "في يونيو 2012. وبعد يومين", None),
            [
                "يونيو 2012 => 2012-06 / -",
                "وبعد يومين => [2012-06-03..2012-07-02] / -"
            ]
        );
        // A year-less day takes the year of the last date given.
        assert_eq!(
            dates(Lang::Ar, "في عام 2012. وفي 27 يونيو سقطت", None),
            ["2012 => 2012 / -", "27 يونيو => 2012-06-27 / -"]
        );
        assert_eq!(
            dates(
                Lang::Ar,
                "في 22 فبراير 2013. في نفس الأسبوع. في الشهر التالي",
                None
            ),
            [
                "22 فبراير 2013 => 2013-02-22 / -",
                "نفس الأسبوع => [2013-02-18..2013-02-24] / -",
                "الشهر التالي => 2013-03 / -",
            ]
        );
        // "N years before <an event>" counts from the event: nothing.
        assert_eq!(
            dates(Lang::Ar, "في عام 2012. لمدة 10 سنوات قبل الظروف", None).len(),
            1
        );
        // Nothing to resolve against: nothing.
        assert!(dates(Lang::Ar, "في اليوم التالي", None).is_empty());
    }

    #[test]
    fn deictic_dates_count_from_the_anchor() {
        // 2013-01-11 was a Friday.
        assert_eq!(
            dates(Lang::Ar, "هاجم أمس", Some("2013-01-11")),
            ["أمس => 2013-01-10 / -"]
        );
        assert_eq!(
            dates(Lang::Ar, "يوم الخميس", Some("2013-01-11")),
            ["الخميس => 2013-01-10 / -"]
        );
        assert_eq!(
            dates(Lang::Ar, "يوم الجمعة", Some("2013-01-11")),
            ["الجمعة => 2013-01-11 / -"]
        );
        assert_eq!(
            dates(Lang::En, "on Thursday", Some("2013-01-11")),
            ["Thursday => 2013-01-10 / -"]
        );
        assert!(dates(Lang::Ar, "هاجم أمس", None).is_empty());
    }

    #[test]
    fn a_count_of_units_of_an_event_is_no_date() {
        let anchor = Some("2007-05-22");
        // "after three days of fighting", "three days after the announcement": from an
        // event, not from the last date.
        for (lang, text) in [
            (Lang::Ar, "بعد ثلاثة أيام من معارك عنيفة"),
            (Lang::Ar, "بعد ثلاثة أيام من إعلان الولايات المتحدة"),
            (Lang::En, "after three days of fighting"),
            (Lang::Fr, "après trois jours de combats"),
        ] {
            assert_eq!(dates(lang, text, anchor), [] as [&str; 0], "{text}");
        }
        // "of that" counts from the last date.
        assert_eq!(
            dates(Lang::Ar, "وبعد أربعة أيام من ذلك", anchor),
            ["وبعد أربعة أيام => 2007-05-26 / -"]
        );
        assert_eq!(
            dates(Lang::Ar, "وبعد أربعة أيام", anchor),
            ["وبعد أربعة أيام => 2007-05-26 / -"]
        );
    }

    #[test]
    fn a_day_and_month_never_lie_after_the_publication_date_but_in_the_future() {
        let anchor = Some("2012-10-03");
        // The nearest occurrence would be next January: news tells what happened.
        assert_eq!(
            dates(Lang::Fr, "Le MNLA a attaqué Gao le 24 janvier.", anchor),
            ["24 janvier => 2012-01-24 / -"]
        );
        assert_eq!(
            dates(Lang::En, "The MNLA attacked Gao on 24 January.", anchor),
            ["24 January => 2012-01-24 / -"]
        );
        // With a mark of the future it may.
        assert_eq!(
            dates(
                Lang::Fr,
                "Les deux camps doivent se rencontrer le 24 janvier.",
                anchor
            ),
            ["24 janvier => 2013-01-24 / -"]
        );
        assert_eq!(
            dates(Lang::Ar, "ومن المقرر أن يلتقي الطرفان في 24 يناير.", anchor),
            ["24 يناير => 2013-01-24 / -"]
        );
    }

    #[test]
    fn a_month_since_is_its_last_occurrence() {
        let anchor = Some("2024-08-05");
        assert_eq!(
            dates(Lang::En, "since November", anchor),
            ["since November => 2023-11 / -"]
        );
        assert_eq!(
            dates(Lang::Ar, "منذ نوفمبر", anchor),
            ["منذ نوفمبر => 2023-11 / -"]
        );
        assert_eq!(
            dates(Lang::Fr, "depuis août", anchor),
            ["depuis août => 2024-08 / -"]
        );
        // Without "since", the year of the last date given.
        assert_eq!(
            dates(Lang::En, "in November", anchor),
            ["November => 2024-11 / -"]
        );
    }

    #[test]
    fn a_month_before_or_after_now_counts_from_the_anchor() {
        let anchor = Some("2022-04-03");
        assert_eq!(
            dates(Lang::Ar, "وفي يناير الماضي هاجمت", anchor),
            ["يناير الماضي => 2022-01 / -"]
        );
        // Never the anchor's own month: "April" last is a year before.
        assert_eq!(
            dates(Lang::Ar, "في أبريل الماضي", anchor),
            ["أبريل الماضي => 2021-04 / -"]
        );
        assert_eq!(
            dates(Lang::Fr, "en janvier dernier", anchor),
            ["janvier dernier => 2022-01 / -"]
        );
        assert_eq!(
            dates(Lang::En, "last January", anchor),
            ["last January => 2022-01 / -"]
        );
        assert_eq!(
            dates(Lang::Ar, "في مارس المقبل", anchor),
            ["مارس المقبل => 2023-03 / -"]
        );
        assert_eq!(
            dates(Lang::En, "by next May", anchor),
            ["by next May => [..2022-05] / -"]
        );
        // Without an anchor, from the last date given when it names a month ...
        assert_eq!(
            dates(Lang::Fr, "en octobre 2019. En mars dernier", None),
            ["octobre 2019 => 2019-10 / -", "mars dernier => 2019-03 / -"]
        );
        // ... and nothing from a date that names only a year: the year is not known.
        assert_eq!(
            dates(Lang::Ar, "في عام 2019. وفي يناير الماضي", None),
            ["2019 => 2019 / -"]
        );
    }

    #[test]
    fn bounds_and_parts_of_a_year() {
        assert_eq!(
            dates(Lang::Ar, "في بداية عام 2013", None),
            ["بداية عام 2013 => [2013-01..2013-04] / -"]
        );
        assert_eq!(
            dates(Lang::En, "by April 2012", None),
            ["by April 2012 => [..2012-04] / -"]
        );
        assert_eq!(
            dates(Lang::En, "after 6 April 2012", None),
            ["after 6 April 2012 => [2012-04-06..] / -"]
        );
        assert_eq!(
            dates(Lang::En, "early 2013", None),
            ["early 2013 => [2013-01..2013-04] / -"]
        );
        assert_eq!(
            dates(Lang::Ar, "من 2012 إلى 2013", None),
            ["من 2012 إلى 2013 => 2012 / 2013"]
        );
        assert_eq!(
            dates(Lang::Fr, "jusqu'en mars 2013", None),
            ["jusqu'en mars 2013 => - / 2013-03"]
        );
        assert_eq!(
            dates(Lang::Ar, "منذ أبريل 2012", None),
            ["منذ أبريل 2012 => 2012-04 / -"]
        );
    }

    #[test]
    fn french_and_english_forms() {
        assert_eq!(
            dates(Lang::Fr, "le 11 janvier 2013", None),
            ["11 janvier 2013 => 2013-01-11 / -"]
        );
        assert_eq!(
            dates(Lang::Fr, "le 1er avril 2012", None),
            ["1er avril 2012 => 2012-04-01 / -"]
        );
        assert_eq!(
            dates(Lang::Fr, "le 11 janvier 2013. Quatre jours plus tard", None),
            [
                "11 janvier 2013 => 2013-01-11 / -",
                "Quatre jours plus tard => 2013-01-15 / -"
            ]
        );
        assert_eq!(
            dates(Lang::Fr, "le 11 janvier 2013. Le lendemain", None)[1],
            "Le lendemain => 2013-01-12 / -"
        );
        assert_eq!(
            dates(Lang::En, "on April 6, 2012", None),
            ["April 6, 2012 => 2012-04-06 / -"]
        );
        assert_eq!(
            dates(Lang::En, "on 16 November 2012. Four days later", None)[1],
            "Four days later => 2012-11-20 / -"
        );
        assert_eq!(
            dates(Lang::En, "2012-04-06", None),
            ["2012-04-06 => 2012-04-06 / -"]
        );
        assert_eq!(
            dates(Lang::Ar, "06/04/2012", None),
            ["06/04/2012 => 2012-04-06 / -"]
        );
        // "may" is no month without a day, a year or a preposition.
        assert!(dates(Lang::En, "they may attack", None).is_empty());
    }
}
