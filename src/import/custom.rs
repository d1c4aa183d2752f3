//! A mapping for any other event table: a small TOML (or JSON) file naming its columns.
//!
//! ```toml
//! language = "en"            # the table's language (default en)
//! id = "event"               # column of a unique event id (default: the row number)
//! source = "actor_a"         # column of the first actor
//! target = "actor_b"         # column of the second actor
//! kind = "conflict"          # the relation kind of every row …
//! kind_column = "type"       # … or a column whose values [kinds] maps to relation kinds
//! start = "date"             # column of the start: YYYY, YYYY-MM, YYYY-MM-DD or EDTF bounds
//! end = "end_date"           # column of the end (optional)
//! killed = "deaths"          # column of the number killed (optional)
//! summary = ["notes", "place"]  # columns joined into the summary
//! source_kind = "armed_group"   # entity kind of new actors (default armed_group)
//! target_kind = "armed_group"
//!
//! [kinds]
//! battle = "conflict"
//! ambush = "attack"
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Actor, Event, FieldError, Fields, dates};
use crate::load::Code;
use crate::model::{Casualties, EntityKind, Outcome, RelationKind, UncertainDate};

/// A mapping file, read.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomMapping {
    /// The table's language, an ISO 639-1 code.
    #[serde(default = "english")]
    pub language: String,
    /// Column of the event id.
    pub id: Option<String>,
    /// Column of the first actor.
    pub source: String,
    /// Column of the second actor.
    pub target: String,
    /// The relation kind of every row.
    pub kind: Option<RelationKind>,
    /// Column whose values `kinds` maps to relation kinds.
    pub kind_column: Option<String>,
    /// Values of `kind_column` and their relation kinds.
    #[serde(default)]
    pub kinds: BTreeMap<String, RelationKind>,
    /// Column of the start date.
    pub start: String,
    /// Column of the end date.
    pub end: Option<String>,
    /// Column of the number killed.
    pub killed: Option<String>,
    /// Columns joined into the summary.
    #[serde(default)]
    pub summary: Vec<String>,
    /// Kind of new entities for the first actor.
    #[serde(default = "armed_group")]
    pub source_kind: EntityKind,
    /// Kind of new entities for the second actor.
    #[serde(default = "armed_group")]
    pub target_kind: EntityKind,
}

fn english() -> String {
    "en".to_owned()
}

fn armed_group() -> EntityKind {
    EntityKind::ArmedGroup
}

/// Why a mapping file cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("mapping {file}: {message}")]
pub struct MappingError {
    /// The mapping file.
    pub file: String,
    /// What is wrong.
    pub message: String,
}

impl CustomMapping {
    /// Reads a mapping: TOML, or JSON when `file` ends in `.json`.
    ///
    /// ```
    /// use actorgraph::import::custom::CustomMapping;
    /// let m = CustomMapping::parse("m.toml", "source = \"a\"\ntarget = \"b\"\nkind = \"conflict\"\nstart = \"date\"").unwrap();
    /// assert_eq!(m.required(), ["a", "b", "date"]);
    /// assert!(CustomMapping::parse("m.toml", "source = \"a\"").is_err());
    /// ```
    pub fn parse(file: &str, text: &str) -> Result<CustomMapping, MappingError> {
        let fail = |message: String| MappingError {
            file: file.to_owned(),
            message,
        };
        let mapping: CustomMapping = if file.ends_with(".json") {
            serde_json::from_str(text).map_err(|e| fail(e.to_string()))?
        } else {
            toml::from_str(text).map_err(|e| fail(e.to_string().trim().replace('\n', " ")))?
        };
        match (&mapping.kind, &mapping.kind_column) {
            (Some(_), None) => {}
            (None, Some(_)) if !mapping.kinds.is_empty() => {}
            _ => {
                return Err(fail(
                    "give either `kind` (one relation kind for every row) or `kind_column` with a [kinds] table".to_owned(),
                ));
            }
        }
        Ok(mapping)
    }

    /// The columns the mapping reads.
    pub fn required(&self) -> Vec<String> {
        let mut columns = vec![self.source.clone(), self.target.clone()];
        columns.extend(self.kind_column.clone());
        columns.push(self.start.clone());
        columns.extend(self.end.clone());
        columns.extend(self.killed.clone());
        columns.extend(self.id.clone());
        columns.extend(self.summary.iter().cloned());
        columns
    }

    /// The event of one row.
    pub fn event(&self, row: &Fields) -> Result<Option<Event>, FieldError> {
        let kind = match (&self.kind, &self.kind_column) {
            (Some(kind), _) => *kind,
            (None, Some(column)) => {
                let value = row.required(column)?;
                *self.kinds.get(value).ok_or_else(|| {
                    FieldError::new(
                        column,
                        Code::UnknownCode,
                        format!(
                            "{column} {value:?} is not in the mapping's [kinds] ({})",
                            self.kinds.keys().cloned().collect::<Vec<_>>().join(", ")
                        ),
                    )
                })?
            }
            (None, None) => RelationKind::Conflict,
        };
        let date = |column: &str| -> Result<UncertainDate, FieldError> {
            let text = row.required(column)?;
            text.parse::<UncertainDate>()
                .ok()
                .or_else(|| dates::day(text).map(UncertainDate::Exact))
                .ok_or_else(|| {
                    FieldError::new(
                        column,
                        Code::BadDate,
                        format!("{column} {text:?} is not a date: expected YYYY, YYYY-MM, YYYY-MM-DD or bounds such as [..2012-04]"),
                    )
                })
        };
        let start = date(&self.start)?;
        let end = match &self.end {
            Some(column) if !row.get(column).is_empty() => Some(date(column)?),
            _ => None,
        };
        let casualties = match &self.killed {
            Some(column) => row.number(column)?,
            None => None,
        }
        .map(|n| Casualties {
            side: None,
            who: "people killed".to_owned(),
            outcome: Outcome::Killed,
            min: Some(n),
            max: Some(n),
        })
        .into_iter()
        .collect();
        let source = row.required(&self.source)?;
        let target = row.required(&self.target)?;
        let id = match &self.id {
            Some(column) => row.required(column)?.to_owned(),
            None => format!("row {}", row.number_of_row()),
        };
        let mut summary: Vec<&str> = self
            .summary
            .iter()
            .map(|c| row.get(c))
            .filter(|t| !t.is_empty())
            .collect();
        let fallback = format!("{source} {kind} {target}");
        if summary.is_empty() {
            summary.push(&fallback);
        }
        Ok(Some(Event {
            id: format!("{} {id}", row.table_stem()),
            kind,
            source: Actor::named(source, self.source_kind),
            target: Actor::named(target, self.target_kind),
            start: Some(start),
            end,
            casualties,
            summary: summary.join("; "),
        }))
    }
}
