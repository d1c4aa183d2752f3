//! Relations: dated, evidenced edges between two entities.

use std::borrow::Cow;
use std::fmt;

use arcstr::ArcStr;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

use super::Account;
use super::particulars::{Particulars, Stated};
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
/// summary says how each date or bound was derived. What few relations state (claimants,
/// disputers, place, event name, tolls) is read through methods ([`Relation::place`], …)
/// and held in [`Particulars`]. In `relations.json` (its schema:
/// `graph-data/schema/relations.schema.json`):
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
// 80 bytes on 64-bit targets: the summary and spans share one heap block (`Account`), and
// the rare fields one more, held only when stated (`Particulars`); a million relations are
// loaded at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// Stable slug: lowercase ASCII letters, digits and single hyphens.
    pub id: RelationId,
    /// What the relation states.
    pub kind: RelationKind,
    /// The entity the relation goes from (for symmetric kinds, one of the two).
    pub source: EntityId,
    /// The entity the relation goes to.
    pub target: EntityId,
    /// When it began, at the source's precision or as bounds; `None` when unknown.
    pub start: Option<UncertainDate>,
    /// When it ended, at the source's precision or as bounds; `None` when no end is known.
    pub end: Option<UncertainDate>,
    /// True when the sources state the opposite ("refused to recognise").
    pub negated: bool,
    /// True for a standing fact outside the time the sources tell (a border, a town lying in
    /// a region, a state's armed forces): it has no dates, and questions about a day or
    /// period leave it out unless asked to include it (`--timeless`). An undated relation
    /// that is not timeless happened at some unknown time instead.
    pub timeless: bool,
    /// How firmly the sources state it.
    pub status: Status,
    /// Its summary and evidence spans, read through [`Relation::summary`] and
    /// [`Relation::evidence`].
    pub account: Account,
    /// Its claimants, disputers, place, event name and tolls, if it states any.
    pub particulars: Particulars,
}

// A relation as `relations.json` writes it: what [`Relation`] is read from, and the schema
// it is described by (its doc comments are the schema's descriptions).
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
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Relation")]
struct RelationRecord<'a> {
    /// Stable slug: lowercase ASCII letters, digits and single hyphens.
    id: RelationId,
    /// What the relation states.
    kind: RelationKind,
    /// The entity the relation goes from (for symmetric kinds, one of the two).
    #[serde(deserialize_with = "shared_text::id")]
    source: EntityId,
    /// The entity the relation goes to.
    #[serde(deserialize_with = "shared_text::id")]
    target: EntityId,
    /// When it began, at the source's precision or as bounds (`[..2012-04]`); absent when
    /// unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start: Option<UncertainDate>,
    /// When it ended, at the source's precision or as bounds (`[2013-09..]`); absent when no
    /// end is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<UncertainDate>,
    /// True when the sources state the opposite ("refused to recognise").
    #[serde(default, skip_serializing_if = "is_false")]
    negated: bool,
    /// True for a standing fact outside the time the sources tell (a border, a town lying in
    /// a region, a state's armed forces): it has no dates, and questions about a day or
    /// period leave it out unless asked to include it (`--timeless`). An undated relation
    /// that is not timeless happened at some unknown time instead.
    #[serde(default, skip_serializing_if = "is_false")]
    timeless: bool,
    /// How firmly the sources state it.
    #[serde(default, skip_serializing_if = "is_asserted")]
    status: Status,
    /// Entities that make the claim, for alleged or disputed relations.
    #[serde(
        default,
        skip_serializing_if = "<[_]>::is_empty",
        deserialize_with = "shared_text::ids"
    )]
    #[schemars(with = "Vec<EntityId>")]
    claimed_by: ThinVec<EntityId>,
    /// Entities that deny or dispute it.
    #[serde(
        default,
        skip_serializing_if = "<[_]>::is_empty",
        deserialize_with = "shared_text::ids"
    )]
    #[schemars(with = "Vec<EntityId>")]
    disputed_by: ThinVec<EntityId>,
    /// Where it happened.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "shared_text::opt_id"
    )]
    place: Option<EntityId>,
    /// The event's name ("Battle of Gao").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    event: Option<ArcStr>,
    /// Tolls, one entry per group of victims.
    #[serde(
        default,
        skip_serializing_if = "<[_]>::is_empty",
        deserialize_with = "thin_list::exact_list"
    )]
    #[schemars(with = "Vec<Casualties>")]
    casualties: ThinVec<Casualties>,
    /// What the relation states, in the editors' own words, with how any date was inferred.
    #[serde(borrow)]
    summary: Cow<'a, str>,
    /// The spans of the sources that state it.
    #[serde(default)]
    evidence: Vec<Evidence>,
}

impl<'de> Deserialize<'de> for Relation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Relation, D::Error> {
        RelationRecord::deserialize(d).map(Relation::from)
    }
}

impl From<RelationRecord<'_>> for Relation {
    fn from(r: RelationRecord<'_>) -> Relation {
        Relation {
            id: r.id,
            kind: r.kind,
            source: r.source,
            target: r.target,
            start: r.start,
            end: r.end,
            negated: r.negated,
            timeless: r.timeless,
            status: r.status,
            account: Account::new(&r.summary, r.evidence),
            particulars: Particulars::new(Stated {
                claimed_by: r.claimed_by,
                disputed_by: r.disputed_by,
                place: r.place,
                event: r.event,
                casualties: r.casualties,
            }),
        }
    }
}

// Writes the fields of `RelationRecord` in its order, each left out where the record's
// attributes leave it out: the same JSON as the record's.
impl Serialize for Relation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let start = self.start.as_ref();
        let end = self.end.as_ref();
        let status = (!is_asserted(&self.status)).then_some(&self.status);
        let (claimed_by, disputed_by) = (self.claimed_by(), self.disputed_by());
        let (place, event, casualties) = (self.place(), self.event(), self.casualties());
        let optional = [
            start.is_some(),
            end.is_some(),
            self.negated,
            self.timeless,
            status.is_some(),
            !claimed_by.is_empty(),
            !disputed_by.is_empty(),
            place.is_some(),
            event.is_some(),
            !casualties.is_empty(),
        ];
        let len = 6 + optional.iter().filter(|&&written| written).count();
        let mut fields = s.serialize_struct("Relation", len)?;
        fields.serialize_field("id", &self.id)?;
        fields.serialize_field("kind", &self.kind)?;
        fields.serialize_field("source", &self.source)?;
        fields.serialize_field("target", &self.target)?;
        if let Some(start) = start {
            fields.serialize_field("start", start)?;
        }
        if let Some(end) = end {
            fields.serialize_field("end", end)?;
        }
        if self.negated {
            fields.serialize_field("negated", &true)?;
        }
        if self.timeless {
            fields.serialize_field("timeless", &true)?;
        }
        if let Some(status) = status {
            fields.serialize_field("status", status)?;
        }
        if !claimed_by.is_empty() {
            fields.serialize_field("claimed_by", claimed_by)?;
        }
        if !disputed_by.is_empty() {
            fields.serialize_field("disputed_by", disputed_by)?;
        }
        if let Some(place) = place {
            fields.serialize_field("place", place)?;
        }
        if let Some(event) = event {
            fields.serialize_field("event", event)?;
        }
        if !casualties.is_empty() {
            fields.serialize_field("casualties", casualties)?;
        }
        fields.serialize_field("summary", self.summary())?;
        fields.serialize_field("evidence", self.evidence())?;
        fields.end()
    }
}

impl JsonSchema for Relation {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        RelationRecord::<'static>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        RelationRecord::<'static>::json_schema(generator)
    }
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

    /// What the relation states, in the editors' own words, with how any date was inferred.
    pub fn summary(&self) -> &str {
        self.account.summary()
    }

    /// The spans of the sources that state it.
    pub fn evidence(&self) -> &[Evidence] {
        self.account.evidence()
    }

    /// The spans, to change in place (their number stays).
    pub fn evidence_mut(&mut self) -> &mut [Evidence] {
        self.account.evidence_mut()
    }

    /// Sets the summary.
    pub fn set_summary(&mut self, summary: &str) {
        self.account = Account::new(summary, self.evidence().to_vec());
    }

    /// Sets the spans.
    pub fn set_evidence(&mut self, evidence: Vec<Evidence>) {
        self.account = Account::new(self.summary(), evidence);
    }

    /// Entities that make the claim, for an alleged or disputed relation.
    pub fn claimed_by(&self) -> &[EntityId] {
        self.particulars.stated().map_or(&[], |s| &s.claimed_by)
    }

    /// Entities that deny or dispute it.
    pub fn disputed_by(&self) -> &[EntityId] {
        self.particulars.stated().map_or(&[], |s| &s.disputed_by)
    }

    /// Where it happened.
    pub fn place(&self) -> Option<&EntityId> {
        self.particulars.stated()?.place.as_ref()
    }

    /// The event's name ("Battle of Gao").
    pub fn event(&self) -> Option<&str> {
        self.particulars.stated()?.event.as_deref()
    }

    /// Tolls, one entry per group of victims.
    pub fn casualties(&self) -> &[Casualties] {
        self.particulars.stated().map_or(&[], |s| &s.casualties)
    }

    /// Sets the entities that make the claim.
    pub fn set_claimed_by(&mut self, claimed_by: ThinVec<EntityId>) {
        self.particulars.edit(|s| s.claimed_by = claimed_by);
    }

    /// Sets the entities that deny or dispute it.
    pub fn set_disputed_by(&mut self, disputed_by: ThinVec<EntityId>) {
        self.particulars.edit(|s| s.disputed_by = disputed_by);
    }

    /// Sets where it happened.
    pub fn set_place(&mut self, place: Option<EntityId>) {
        self.particulars.edit(|s| s.place = place);
    }

    /// Sets the event's name.
    pub fn set_event(&mut self, event: Option<ArcStr>) {
        self.particulars.edit(|s| s.event = event);
    }

    /// Sets the tolls.
    pub fn set_casualties(&mut self, casualties: ThinVec<Casualties>) {
        self.particulars.edit(|s| s.casualties = casualties);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field, each optional one stated, in the order the record writes them.
    const FULL: &str = r#"{"id":"raid-on-gao","kind":"attack","source":"mujao","target":"mnla","start":"[2012-06..2012-07]","end":"2012-07","negated":true,"timeless":true,"status":"disputed","claimed_by":["mujao"],"disputed_by":["mnla","mali"],"place":"gao","event":"Battle of Gao","casualties":[{"side":"mnla","who":"fighters","outcome":"killed","min":20,"max":35}],"summary":"A raid.","evidence":[{"document":"a.txt","start_byte":1,"end_byte":9,"row":3}]}"#;

    /// Issue 19's memory target counts on it: a field added here costs its bytes in each of
    /// a large graph's million relations.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_relation_takes_80_bytes() {
        assert_eq!(std::mem::size_of::<Relation>(), 80);
    }

    #[test]
    fn the_json_of_a_relation_reads_back_to_the_same_bytes() {
        let relation: Relation = serde_json::from_str(FULL).unwrap();
        assert_eq!(relation.claimed_by(), [EntityId::new("mujao").unwrap()]);
        assert_eq!(relation.disputed_by().len(), 2);
        assert_eq!(relation.place().map(EntityId::as_str), Some("gao"));
        assert_eq!(relation.event(), Some("Battle of Gao"));
        assert_eq!(relation.casualties()[0].max, Some(35));
        assert_eq!(serde_json::to_string(&relation).unwrap(), FULL);
    }

    /// The fields a relation must have, and no others.
    const BARE: &str =
        r#"{"id":"r","kind":"alliance","source":"a","target":"b","summary":"","evidence":[]}"#;

    #[test]
    fn a_relation_that_states_no_particulars_holds_no_block_for_them() {
        let relation: Relation = serde_json::from_str(BARE).unwrap();
        assert_eq!(relation.particulars, Particulars::default());
        assert_eq!(serde_json::to_string(&relation).unwrap(), BARE);
    }

    #[test]
    fn setting_the_particulars_back_to_none_leaves_an_equal_relation() {
        let original: Relation = serde_json::from_str(BARE).unwrap();
        let mut relation = original.clone();
        relation.set_event(Some("Battle of Gao".into()));
        relation.set_disputed_by([EntityId::new("c").unwrap()].into_iter().collect());
        assert_ne!(relation, original);
        relation.set_event(None);
        relation.set_disputed_by(ThinVec::new());
        assert_eq!(relation, original);
    }

    #[test]
    fn a_summary_with_escapes_is_read_unescaped_and_written_escaped_again() {
        let escaped = BARE.replace(r#""summary":"""#, r#""summary":"A \"raid\"\n\u00e9""#);
        let relation: Relation = serde_json::from_str(&escaped).unwrap();
        assert_eq!(relation.summary(), "A \"raid\"\né");
        assert_eq!(
            serde_json::to_string(&relation).unwrap(),
            escaped.replace(r"\u00e9", "é")
        );
    }

    #[test]
    fn an_unknown_field_is_named_with_those_expected() {
        let odd =
            r#"{"id":"r","kind":"alliance","source":"a","target":"b","summary":"","places":"x"}"#;
        let error = serde_json::from_str::<Relation>(odd)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("unknown field `places`, expected one of `id`"),
            "{error}"
        );
    }
}
