//! Turning time, kind and status options into a query [`Filter`].

use actorgraph::query::Filter;
use actorgraph::{Day, Period};

use super::args::{Parts, Selection, Time};
use super::error::{Argument, CliError, Missing};

impl Time {
    /// The period asked about: `--at`, or `--from`/`--until` (either may be open), or none.
    pub fn period(&self) -> Result<Option<Period>, CliError> {
        Ok(match (self.at, self.from, self.until) {
            (Some(at), _, _) => Some(at.period()),
            (None, Some(from), Some(until)) => {
                Some(Period::between(from, until).map_err(Argument::from)?)
            }
            (None, Some(from), None) => Some(Period {
                first: from.first_day(),
                last: Day::MAX,
            }),
            (None, None, Some(until)) => Some(Period {
                first: Day::MIN,
                last: until.last_day(),
            }),
            (None, None, None) => None,
        })
    }

    /// The filter for this time alone.
    pub fn filter(&self) -> Result<Filter, CliError> {
        let period = self.period()?;
        for (given, flag) in [
            (self.certain, "--certain"),
            (self.known, "--known"),
            (self.include_undated, "--include-undated"),
            (self.timeless, "--timeless"),
        ] {
            if given && period.is_none() {
                return Err(Missing::DateFor { flag }.into());
            }
        }
        Ok(Filter {
            period,
            certain_only: self.certain,
            known_only: self.known,
            include_undated: self.include_undated,
            include_timeless: self.timeless,
            ..Filter::default()
        })
    }
}

impl Selection {
    /// The filter these options describe.
    pub fn filter(&self) -> Result<Filter, CliError> {
        Ok(Filter {
            kinds: self.kinds.clone(),
            statuses: self.statuses.clone(),
            ..self.time.filter()?
        })
    }
}

impl Parts {
    /// `filter`, with the actors' parts included unless `--no-parts`.
    pub fn apply(self, filter: Filter) -> Filter {
        Filter {
            with_parts: !self.no_parts,
            ..filter
        }
    }
}
