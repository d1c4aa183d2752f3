//! Relations: dated, evidenced edges between two entities.

use std::fmt;

use arcstr::ArcStr;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

use super::{EntityId, Evidence, RelationId, RelationKind, UncertainDate, shared_text, thin_list};

/// How firmly the sources state a relation.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Stated as fact.
    #[default]
    Asserted,
    /// Reported or claimed by someone, not confirmed ("allegedly", "reportedly").
    Alleged,
    /// Stated by some and denied by others.
    Disputed,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 3] = [Status::Asserted, Status::Alleged, Status::Disputed];

    /// The snake_case name used in the data files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Asserted => "asserted",
            Status::Alleged => "alleged",
            Status::Disputed => "disputed",
        }
    }
}

impl std::str::FromStr for Status {
    type Err = String;

    fn from_str(text: &str) -> Result<Status, String> {
        Status::ALL
            .into_iter()
            .find(|s| s.as_str() == text.trim().to_lowercase())
            .ok_or_else(|| {
                format!("unknown status {text:?}; expected asserted, alleged or disputed")
            })
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether people were killed or wounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Killed.
    Killed,
    /// Wounded.
    Wounded,
}

impl Outcome {
    /// The snake_case name used in the data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Killed => "killed",
            Outcome::Wounded => "wounded",
        }
    }
}

/// A toll of a relation (battle, attack), as an exact number, a range, or unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Casualties {
    /// The side the victims belonged to, if it is an entity of the graph.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "shared_text::opt_id"
    )]
    pub side: Option<EntityId>,
    /// Who the victims were, in words ("Tuareg traders").
    pub who: String,
    /// Killed or wounded.
    pub outcome: Outcome,
    /// The lowest number given; absent when the sources say the number is unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    /// The highest number given (equal to `min` for an exact figure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

/// An edge of the graph: a dated, evidenced statement that links two entities.
///
/// `start` and `end` keep the precision the source gives, and say only as much as it says:
/// each is an [`UncertainDate`], a partial date (`2012-06-27`) or bounds on one in EDTF
/// (`[..2012-04]` on or before, `[2013-09..]` on or after, `[2012-04..2012-06]` between). An
/// absent `end` means none is known and the relation goes on past the sources, except for
/// instantaneous kinds ([`RelationKind::is_instantaneous`]), which end within their start. The
/// summary says how each date or bound was derived. In `relations.json`:
///
/// ```json
/// {
///   "id": "islamists-control-gao",
///   "kind": "control",
///   "source": "islamists",
///   "target": "gao",
///   "start": "2012-06-27",
///   "end": "2013",
///   "summary": "The Islamists held Gao from the battle of 27 June 2012 until early 2013.",
///   "evidence": [{"document": "001_b268be08f6520170.txt", "start_byte": 3020, "end_byte": 3190}]
/// }
/// ```
// Lists and texts are boxed slices and strings, not `Vec` and `String`: a relation is never
// grown after loading, and a million of them are 48 MB smaller without capacities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// Stable slug: lowercase ASCII letters, digits and single hyphens.
    pub id: RelationId,
    /// What the relation states.
    pub kind: RelationKind,
    /// The entity the relation goes from (for symmetric kinds, one of the two).
    #[serde(deserialize_with = "shared_text::id")]
    pub source: EntityId,
    /// The entity the relation goes to.
    #[serde(deserialize_with = "shared_text::id")]
    pub target: EntityId,
    /// When it began, at the source's precision or as bounds (`[..2012-04]`); absent when
    /// unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<UncertainDate>,
    /// When it ended, at the source's precision or as bounds (`[2013-09..]`); absent when no
    /// end is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<UncertainDate>,
    /// True when the sources state the opposite ("refused to recognise").
    #[serde(default, skip_serializing_if = "is_false")]
    pub negated: bool,
    /// True for a standing fact outside the time the sources tell (a border, a town lying in
    /// a region, a state's armed forces): it has no dates, and questions about a day or
    /// period leave it out unless asked to include it (`--timeless`). An undated relation
    /// that is not timeless happened at some unknown time instead.
    #[serde(default, skip_serializing_if = "is_false")]
    pub timeless: bool,
    /// How firmly the sources state it.
    #[serde(default, skip_serializing_if = "is_asserted")]
    pub status: Status,
    /// Entities that make the claim, for alleged or disputed relations.
    #[serde(
        default,
        skip_serializing_if = "<[_]>::is_empty",
        deserialize_with = "shared_text::ids"
    )]
    #[schemars(with = "Vec<EntityId>")]
    pub claimed_by: ThinVec<EntityId>,
    /// Entities that deny or dispute it.
    #[serde(
        default,
        skip_serializing_if = "<[_]>::is_empty",
        deserialize_with = "shared_text::ids"
    )]
    #[schemars(with = "Vec<EntityId>")]
    pub disputed_by: ThinVec<EntityId>,
    /// Where it happened.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "shared_text::opt_id"
    )]
    pub place: Option<EntityId>,
    /// The event's name ("Battle of Gao").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub event: Option<ArcStr>,
    /// Tolls, one entry per group of victims.
    #[serde(
        default,
        skip_serializing_if = "<[_]>::is_empty",
        deserialize_with = "thin_list::exact_list"
    )]
    #[schemars(with = "Vec<Casualties>")]
    pub casualties: ThinVec<Casualties>,
    /// What the relation states, in the editors' own words, with how any date was inferred.
    pub summary: Box<str>,
    /// The spans of the sources that state it.
    #[serde(default)]
    pub evidence: Box<[Evidence]>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_asserted(s: &Status) -> bool {
    *s == Status::Asserted
}

/// The words [`Relation::dates_in`] writes dates with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateWords {
    /// A timeless relation's dates.
    pub timeless: &'static str,
    /// An undated relation's dates.
    pub undated: &'static str,
    /// An end coarser than the start, `{}` standing for it: `in {}`.
    pub within: &'static str,
    /// The narrow form of diagrams: a range within one year writes it once.
    pub short: bool,
}

impl DateWords {
    /// The English words of [`Relation::dates`].
    pub const ENGLISH: DateWords = DateWords {
        timeless: "timeless",
        undated: "undated",
        within: "in {}",
        short: false,
    };
}

impl Relation {
    /// The end to reason with: the stated end, or for an instantaneous kind without one, its
    /// start.
    pub fn effective_end(&self) -> Option<UncertainDate> {
        Relation::effective_end_of(self.kind, self.start, self.end)
    }

    /// [`effective_end`](Relation::effective_end) of a relation of `kind` from `start` to
    /// `end`: for a record read without building its relation.
    pub fn effective_end_of(
        kind: RelationKind,
        start: Option<UncertainDate>,
        end: Option<UncertainDate>,
    ) -> Option<UncertainDate> {
        match end {
            None if kind.is_instantaneous() => start,
            end => end,
        }
    }

    /// The dates as people read them, bounds as bounds: `2012-06-27`, `2012-04 → 2012-06-27`,
    /// `≤2012-04 → 2012-06-27` (began on or before April 2012), `2013 →` (open), `? → 2012-06`
    /// (unknown start), `timeless` or `undated`. An exact end coarser than the start reads
    /// `2012-06-27 → in 2013` (it ended some time in 2013, not when 2013 began).
    pub fn dates(&self) -> String {
        self.dates_in(&DateWords::ENGLISH)
    }

    /// [`dates`](Relation::dates) with the words of another language, and in a diagram's
    /// narrow form when `words.short` (a range within one year writes it once:
    /// `2012-04-06..06-27`).
    pub fn dates_in(&self, words: &DateWords) -> String {
        Relation::dates_of(self.kind, self.start, self.end, self.timeless, words)
    }

    /// [`dates_in`](Relation::dates_in) of a relation of `kind` from `start` to `end`,
    /// `timeless` or not: for a row read from a record without building its relation.
    pub fn dates_of(
        kind: RelationKind,
        start: Option<UncertainDate>,
        end: Option<UncertainDate>,
        timeless: bool,
        words: &DateWords,
    ) -> String {
        let coarser = match (start, end) {
            (Some(s), Some(UncertainDate::Exact(e))) => {
                s.written().1.is_some_and(|s| e.precision() < s.precision())
            }
            _ => false,
        };
        let show = |d: super::Human| {
            if words.short {
                format!("{d:#}")
            } else {
                d.to_string()
            }
        };
        let ended = |e: super::Human| {
            if coarser {
                words.within.replace("{}", &show(e))
            } else {
                show(e)
            }
        };
        match (start.map(|d| d.human()), end.map(|d| d.human())) {
            (None, None) if timeless => words.timeless.to_owned(),
            (None, None) => words.undated.to_owned(),
            (Some(s), None) if kind.is_instantaneous() => show(s),
            (Some(s), None) => format!("{} →", show(s)),
            (Some(s), Some(_)) if start == end => show(s),
            (Some(s), Some(e)) => format!("{} → {}", show(s), ended(e)),
            (None, Some(e)) => format!("? → {}", show(e)),
        }
    }

    /// True when `entity` is the source or the target.
    pub fn involves(&self, entity: &EntityId) -> bool {
        &self.source == entity || &self.target == entity
    }

    /// The other end from `entity` (the target when `entity` is the source, else the source).
    pub fn other(&self, entity: &EntityId) -> &EntityId {
        if &self.source == entity {
            &self.target
        } else {
            &self.source
        }
    }
}
