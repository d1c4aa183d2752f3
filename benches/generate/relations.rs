//! Generated relations: every kind, endpoints the kind accepts, partial dates, statuses,
//! negation, places, casualties and evidence spans into the synthetic reports.

use std::io;

use actorgraph::{
    Account, Casualties, Entity, EntityId, Outcome, PartialDate, Particulars, Relation, RelationId,
    RelationKind, Status,
};

use super::Rng;
use super::dates;
use super::documents::Documents;
use super::endpoints::Endpoints;

/// How many relations of each kind, per ten thousand, with the English and Arabic verbs of the
/// sentences that state them.
const KIND_MIX: [(RelationKind, u64, &str, &str); 22] = [
    (RelationKind::Alliance, 800, "allied with", "تحالف مع"),
    (RelationKind::Conflict, 1800, "fought", "قاتل"),
    (RelationKind::Attack, 2000, "attacked", "هاجم"),
    (RelationKind::Support, 800, "supported", "دعم"),
    (RelationKind::Recognition, 200, "recognised", "اعترف ب"),
    (RelationKind::Control, 600, "controlled", "سيطر على"),
    (
        RelationKind::Ceasefire,
        300,
        "agreed a ceasefire with",
        "اتفق على هدنة مع",
    ),
    (
        RelationKind::Negotiation,
        400,
        "negotiated with",
        "تفاوض مع",
    ),
    (
        RelationKind::Agreement,
        300,
        "signed an agreement with",
        "وقع اتفاقا مع",
    ),
    (RelationKind::Declaration, 50, "declared", "أعلن"),
    (RelationKind::Claim, 200, "claimed", "طالب ب"),
    (RelationKind::Leadership, 500, "led", "قاد"),
    (
        RelationKind::Membership,
        600,
        "was a member of",
        "كان عضوا في",
    ),
    (RelationKind::PartOf, 200, "lies within", "يقع في"),
    (RelationKind::Borders, 100, "borders", "يحد"),
    (RelationKind::Capital, 50, "is the capital of", "عاصمة"),
    (
        RelationKind::Defection,
        200,
        "lost fighters to",
        "انشق عنه مقاتلون إلى",
    ),
    (RelationKind::Denunciation, 400, "denounced", "ندد ب"),
    (RelationKind::Administration, 150, "administered", "أدار"),
    (
        RelationKind::Presence,
        600,
        "was present in",
        "كان حاضرا في",
    ),
    (RelationKind::Interview, 200, "interviewed", "حاور"),
    (
        RelationKind::Destabilisation,
        150,
        "destabilised",
        "زعزع استقرار",
    ),
];

/// Kinds that may carry a place and an event name.
const LOCATED: [RelationKind; 5] = [
    RelationKind::Conflict,
    RelationKind::Attack,
    RelationKind::Ceasefire,
    RelationKind::Negotiation,
    RelationKind::Agreement,
];

/// Everything relations are drawn from.
pub struct Draw<'a> {
    /// The entities.
    pub entities: &'a [Entity],
    /// Endpoint draws weighted by prominence.
    pub endpoints: &'a Endpoints,
    /// Where evidence sentences go.
    pub documents: &'a mut Documents,
}

/// A generated relation with the indexes of its ends.
pub struct Generated {
    /// The relation.
    pub relation: Relation,
    /// Index of the source entity.
    pub source: usize,
    /// Index of the target entity.
    pub target: usize,
}

impl Draw<'_> {
    /// Relation number `n`.
    pub fn relation(&mut self, rng: &mut Rng, n: usize) -> io::Result<Generated> {
        let (kind, _, verb, verb_ar) = KIND_MIX[rng.weighted(&KIND_MIX.map(|k| k.1))];
        let (source_end, target_end) = kind.endpoints();
        let source = self.endpoints.draw(rng, source_end);
        let mut target = self.endpoints.draw(rng, target_end);
        while target == source {
            target = self.endpoints.draw(rng, target_end);
        }
        let (start, end) = relation_dates(rng, kind);
        let id = |i: usize| self.entities[i].id.clone();
        let actor = |rng: &mut Rng| id(self.endpoints.draw(rng, actorgraph::Endpoint::Actor));
        let status = match rng.weighted(&[850, 100, 50]) {
            0 => Status::Asserted,
            1 => Status::Alleged,
            _ => Status::Disputed,
        };
        let claimed_by = match status {
            Status::Asserted => vec![],
            _ => vec![actor(rng)],
        };
        let disputed_by = match status {
            Status::Disputed => vec![actor(rng)],
            _ => vec![],
        };
        let negated_share = if kind == RelationKind::Recognition {
            300
        } else {
            20
        };
        let negated = rng.chance(negated_share);
        let located = LOCATED.contains(&kind) && rng.chance(250);
        let place = located.then(|| self.endpoints.draw(rng, actorgraph::Endpoint::City));
        let event = place
            .filter(|_| kind == RelationKind::Conflict && rng.chance(400))
            .map(|p| format!("Battle of {}", english(&self.entities[p])));
        let casualties =
            if matches!(kind, RelationKind::Attack | RelationKind::Conflict) && rng.chance(200) {
                let side = rng.chance(500).then(|| id(target));
                vec![casualties(rng, side)]
            } else {
                vec![]
            };
        let (source_entity, target_entity) = (&self.entities[source], &self.entities[target]);
        let not = if negated { "It is not so that " } else { "" };
        let at = place.map_or(String::new(), |p| {
            format!(" at {}", english(&self.entities[p]))
        });
        let summary = format!(
            "{not}{} {verb} {}{at} ({}).",
            english(source_entity),
            english(target_entity),
            dates_text(start, end),
        );
        let mut evidence = vec![self.documents.cite_english(&summary)?];
        if rng.chance(300) {
            let sentence = format!(
                "{} {verb_ar} {} ({}).",
                arabic(source_entity),
                arabic(target_entity),
                dates_text(start, end),
            );
            evidence.push(self.documents.cite_arabic(&sentence)?);
        }
        let mut relation = Relation {
            id: RelationId::new(&format!("{}-{n}", kind.as_str().replace('_', "-"))).unwrap(),
            kind,
            source: id(source),
            target: id(target),
            start: start.map(Into::into),
            end: end.map(Into::into),
            negated,
            timeless: false,
            status,
            account: Account::new(&summary, evidence),
            particulars: Particulars::default(),
        };
        relation.set_claimed_by(claimed_by.into());
        relation.set_disputed_by(disputed_by.into());
        relation.set_place(place.map(id));
        relation.set_event(event.map(Into::into));
        relation.set_casualties(casualties.into());
        Ok(Generated {
            relation,
            source,
            target,
        })
    }
}

/// Start and end: 1 % undated; else a start in 1990–2024 and, for 60 %, an end some days to
/// decades later (within days for one-off acts), each at day, month or year precision.
fn relation_dates(rng: &mut Rng, kind: RelationKind) -> (Option<PartialDate>, Option<PartialDate>) {
    if rng.chance(10) {
        return (None, None);
    }
    let start_day = dates::random_day(rng);
    let start = dates::containing(rng, start_day);
    if rng.chance(400) {
        return (Some(start), None);
    }
    let length = if kind.is_instantaneous() {
        rng.below(30)
    } else {
        match rng.weighted(&[50, 35, 15]) {
            0 => rng.below(365),
            1 => 365 + rng.below(4 * 365),
            _ => 5 * 365 + rng.below(15 * 365),
        }
    };
    let end_day = (start_day + length as i32).min(dates::last_day());
    (Some(start), Some(dates::containing(rng, end_day)))
}

fn casualties(rng: &mut Rng, side: Option<EntityId>) -> Casualties {
    let who = *rng.pick(&["fighters", "civilians", "soldiers", "traders"]);
    let outcome = if rng.chance(800) {
        Outcome::Killed
    } else {
        Outcome::Wounded
    };
    let (min, max) = if rng.chance(100) {
        (None, None)
    } else {
        let min = rng.below(200) as u32;
        (Some(min), Some(min + rng.below(50) as u32))
    };
    Casualties {
        side,
        who: who.to_owned(),
        outcome,
        min,
        max,
    }
}

fn english(entity: &Entity) -> &str {
    entity.names.en.as_deref().unwrap_or(entity.id.as_str())
}

fn arabic(entity: &Entity) -> &str {
    entity.names.ar.as_deref().unwrap_or(entity.id.as_str())
}

fn dates_text(start: Option<PartialDate>, end: Option<PartialDate>) -> String {
    match (start, end) {
        (None, _) => "undated".to_owned(),
        (Some(s), None) => format!("from {s}"),
        (Some(s), Some(e)) => format!("{s} to {e}"),
    }
}
