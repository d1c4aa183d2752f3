//! The closed vocabulary of relation kinds, with the direction and endpoints of each.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::EntityKind;

/// What a relation states. Each kind is either symmetric (stored once, in either order) or
/// directed source→target, and may only join certain kinds of entity; see
/// [`RelationKind::accepts`].
///
/// "Actor" below means any entity kind but city, region and natural area; "place" means city,
/// region, natural area, state or unrecognised state.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// Symmetric, actor–actor: the two fight on the same side.
    Alliance,
    /// Symmetric, actor–actor: hostilities between two sides, including a dated battle or siege.
    Conflict,
    /// Source actor → target actor or place: a one-sided strike (bombing, massacre, shooting).
    Attack,
    /// Source actor → target actor: the source backs the target (troops, arms, operations).
    Support,
    /// Source actor → target actor: the source recognises the target (negated: refuses to).
    Recognition,
    /// Source actor → target place: the source holds the town or area.
    Control,
    /// Symmetric, actor–actor: a ceasefire between the two.
    Ceasefire,
    /// Symmetric, actor–actor: talks between the two.
    Negotiation,
    /// Symmetric, actor–actor: a deal the two agreed; its terms go in the summary.
    Agreement,
    /// Source actor → target state or unrecognised state: the source declares it (independence).
    Declaration,
    /// Source actor → target place: the source claims the territory.
    Claim,
    /// Source person → target actor: the source leads the target.
    Leadership,
    /// Source actor → target actor: the source is a member or part of the target group, coalition
    /// or people.
    Membership,
    /// Source place → target place: the source lies within the target.
    PartOf,
    /// Symmetric, place–place: the two share a border.
    Borders,
    /// Source city → target state, unrecognised state or region: the source is (or was meant to
    /// be) the target's capital.
    Capital,
    /// Source actor → target actor: members of the source went over to the target.
    Defection,
    /// Source actor → target actor: the source publicly condemns the target.
    Denunciation,
    /// Source actor → target place: the source administers the territory.
    Administration,
    /// Source actor → target place: the source is present or active in the area.
    Presence,
    /// Source media outlet → target actor: the outlet interviewed the target.
    Interview,
    /// Source (any) → target (any): the source's fate or action destabilised the target.
    Destabilisation,
    /// Source armed force → target state or unrecognised state: the source is the target's
    /// armed forces, a part of it. Questions about the state include what its forces did,
    /// marked as theirs (see [`crate::query::Filter::with_parts`]).
    ArmedForceOf,
    /// Source actor → target actor or place: the source seeks or intends something for the
    /// target (a democratic state, sharia, a base); what it seeks is in the summary. States an
    /// aim, not that it came about.
    Goal,
    /// Source actor → target actor or place: the source threatens or prepares hostile action
    /// the texts do not report as carried out (a warning that troops may be sent, troops
    /// massing for an attack).
    Threat,
    /// Source actor → target place: the source went underground or operated clandestinely in
    /// the area (it was no longer openly present).
    Hiding,
    /// Symmetric, place–place: the two areas overlap without either containing the other.
    Overlaps,
}

/// Which entity kinds may stand at one end of a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// Any entity kind.
    Any,
    /// Any actor (not a city, region or natural area).
    Actor,
    /// Any place (city, region, natural area, state, unrecognised state).
    Place,
    /// A person.
    Person,
    /// A city or town.
    City,
    /// A state or unrecognised state.
    Polity,
    /// A state, unrecognised state or region.
    PolityOrRegion,
    /// A media outlet.
    MediaOutlet,
    /// An actor or a place: anything that can be struck.
    Target,
    /// A state's armed forces.
    ArmedForce,
}

impl Endpoint {
    /// True when an entity of `kind` may stand at this end.
    pub fn accepts(self, kind: EntityKind) -> bool {
        use EntityKind as E;
        match self {
            Endpoint::Any | Endpoint::Target => true,
            Endpoint::Actor => kind.is_actor(),
            Endpoint::Place => kind.is_place(),
            Endpoint::Person => kind == E::Person,
            Endpoint::City => kind == E::City,
            Endpoint::Polity => matches!(kind, E::State | E::UnrecognisedState),
            Endpoint::PolityOrRegion => {
                matches!(kind, E::State | E::UnrecognisedState | E::Region)
            }
            Endpoint::MediaOutlet => kind == E::MediaOutlet,
            Endpoint::ArmedForce => kind == E::ArmedForce,
        }
    }

    /// A short phrase for error messages ("an actor", "a place").
    pub fn describe(self) -> &'static str {
        match self {
            Endpoint::Any => "any entity",
            Endpoint::Actor => "an actor (not a city, region or natural area)",
            Endpoint::Place => "a place (city, region, natural area, state)",
            Endpoint::Person => "a person",
            Endpoint::City => "a city",
            Endpoint::Polity => "a state or unrecognised state",
            Endpoint::PolityOrRegion => "a state, unrecognised state or region",
            Endpoint::MediaOutlet => "a media outlet",
            Endpoint::Target => "an actor or a place",
            Endpoint::ArmedForce => "an armed force",
        }
    }
}

impl RelationKind {
    /// Every kind, in declaration order.
    pub const ALL: [RelationKind; 27] = [
        RelationKind::Alliance,
        RelationKind::Conflict,
        RelationKind::Attack,
        RelationKind::Support,
        RelationKind::Recognition,
        RelationKind::Control,
        RelationKind::Ceasefire,
        RelationKind::Negotiation,
        RelationKind::Agreement,
        RelationKind::Declaration,
        RelationKind::Claim,
        RelationKind::Leadership,
        RelationKind::Membership,
        RelationKind::PartOf,
        RelationKind::Borders,
        RelationKind::Capital,
        RelationKind::Defection,
        RelationKind::Denunciation,
        RelationKind::Administration,
        RelationKind::Presence,
        RelationKind::Interview,
        RelationKind::Destabilisation,
        RelationKind::ArmedForceOf,
        RelationKind::Goal,
        RelationKind::Threat,
        RelationKind::Hiding,
        RelationKind::Overlaps,
    ];

    /// The snake_case name used in the data files and on the command line.
    pub fn as_str(self) -> &'static str {
        use RelationKind as K;
        match self {
            K::Alliance => "alliance",
            K::Conflict => "conflict",
            K::Attack => "attack",
            K::Support => "support",
            K::Recognition => "recognition",
            K::Control => "control",
            K::Ceasefire => "ceasefire",
            K::Negotiation => "negotiation",
            K::Agreement => "agreement",
            K::Declaration => "declaration",
            K::Claim => "claim",
            K::Leadership => "leadership",
            K::Membership => "membership",
            K::PartOf => "part_of",
            K::Borders => "borders",
            K::Capital => "capital",
            K::Defection => "defection",
            K::Denunciation => "denunciation",
            K::Administration => "administration",
            K::Presence => "presence",
            K::Interview => "interview",
            K::Destabilisation => "destabilisation",
            K::ArmedForceOf => "armed_force_of",
            K::Goal => "goal",
            K::Threat => "threat",
            K::Hiding => "hiding",
            K::Overlaps => "overlaps",
        }
    }

    /// True when the relation reads the same both ways (alliance, conflict, ceasefire,
    /// negotiation, agreement, borders, overlaps).
    pub fn is_symmetric(self) -> bool {
        use RelationKind as K;
        matches!(
            self,
            K::Alliance
                | K::Conflict
                | K::Ceasefire
                | K::Negotiation
                | K::Agreement
                | K::Borders
                | K::Overlaps
        )
    }

    /// True for one-off acts (attack, declaration, denunciation, interview): without an `end`,
    /// such a relation ends within the precision of its `start` rather than going on.
    pub fn is_instantaneous(self) -> bool {
        use RelationKind as K;
        matches!(
            self,
            K::Attack | K::Declaration | K::Denunciation | K::Interview
        )
    }

    /// True for the kinds that describe the map rather than the actors: how places lie
    /// (part of, borders, overlaps, capital), whose two ends are places (a state being both an
    /// actor and a place). Diagrams of actors leave them out unless geography is asked for.
    pub fn is_geographic(self) -> bool {
        use RelationKind as K;
        matches!(self, K::PartOf | K::Borders | K::Overlaps | K::Capital)
    }

    /// The entity kinds allowed at the source and the target end.
    pub fn endpoints(self) -> (Endpoint, Endpoint) {
        use Endpoint as P;
        use RelationKind as K;
        match self {
            K::Alliance
            | K::Conflict
            | K::Support
            | K::Recognition
            | K::Ceasefire
            | K::Negotiation
            | K::Agreement
            | K::Membership
            | K::Defection
            | K::Denunciation => (P::Actor, P::Actor),
            K::Attack => (P::Actor, P::Target),
            K::Control | K::Claim | K::Administration | K::Presence => (P::Actor, P::Place),
            K::Declaration => (P::Actor, P::Polity),
            K::Leadership => (P::Person, P::Actor),
            K::PartOf | K::Borders => (P::Place, P::Place),
            K::Capital => (P::City, P::PolityOrRegion),
            K::Interview => (P::MediaOutlet, P::Actor),
            K::Destabilisation => (P::Any, P::Any),
            K::ArmedForceOf => (P::ArmedForce, P::Polity),
            K::Goal | K::Threat => (P::Actor, P::Target),
            K::Hiding => (P::Actor, P::Place),
            K::Overlaps => (P::Place, P::Place),
        }
    }

    /// True when this kind may join a `source` entity to a `target` entity (either way round
    /// for symmetric kinds).
    pub fn accepts(self, source: EntityKind, target: EntityKind) -> bool {
        let (s, t) = self.endpoints();
        (s.accepts(source) && t.accepts(target))
            || (self.is_symmetric() && s.accepts(target) && t.accepts(source))
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A relation kind name that is not in the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown relation kind {0:?}; expected one of: {list}", list = RelationKind::ALL.map(RelationKind::as_str).join(", "))]
pub struct UnknownKind(pub String);

impl FromStr for RelationKind {
    type Err = UnknownKind;

    fn from_str(text: &str) -> Result<RelationKind, UnknownKind> {
        let wanted = text.trim().to_lowercase().replace('-', "_");
        RelationKind::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| UnknownKind(text.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_serde_and_from_str() {
        for kind in RelationKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
            assert_eq!(kind.as_str().parse::<RelationKind>().unwrap(), kind);
        }
        assert_eq!(
            "armed-force-of".parse::<RelationKind>().unwrap(),
            RelationKind::ArmedForceOf
        );
        assert_eq!(
            "part-of".parse::<RelationKind>().unwrap(),
            RelationKind::PartOf
        );
        assert!("friendship".parse::<RelationKind>().is_err());
    }

    #[test]
    fn control_joins_an_actor_to_a_place() {
        use EntityKind as E;
        assert!(RelationKind::Control.accepts(E::PoliticalMovement, E::City));
        assert!(!RelationKind::Control.accepts(E::City, E::PoliticalMovement));
        assert!(!RelationKind::Alliance.accepts(E::City, E::State));
        assert!(RelationKind::Borders.accepts(E::UnrecognisedState, E::State));
        assert!(RelationKind::Capital.accepts(E::City, E::UnrecognisedState));
        assert!(!RelationKind::Leadership.accepts(E::ArmedGroup, E::Person));
        assert!(RelationKind::ArmedForceOf.accepts(E::ArmedForce, E::State));
        assert!(!RelationKind::ArmedForceOf.accepts(E::State, E::ArmedForce));
    }
}
