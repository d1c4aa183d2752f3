//! Entities: the actors and places that relations join.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{EntityId, UncertainDate};

/// What an entity is: a closed list, so that relation kinds can say what they may join.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// An armed movement, militia, faction or battalion that is not a state's force.
    ArmedGroup,
    /// A political or separatist movement, armed or not (MNLA, MSA).
    PoliticalMovement,
    /// A coalition or loose alliance of groups treated as one side ("the Islamists").
    Coalition,
    /// A recognised sovereign state, also standing for its government.
    State,
    /// A self-declared state no other state recognised (Azawad 2012–2013).
    UnrecognisedState,
    /// An intergovernmental organisation (ECOWAS).
    IntergovernmentalOrganisation,
    /// A named individual.
    Person,
    /// A people or ethnic group (Tuareg, Fulani).
    People,
    /// A city, town or village.
    City,
    /// An administrative or historical region.
    Region,
    /// A desert, mountain range or other natural area.
    NaturalArea,
    /// A newspaper, broadcaster or programme.
    MediaOutlet,
    /// A state's armed forces as an actor distinct from its government.
    ArmedForce,
}

impl EntityKind {
    /// Every kind, in declaration order.
    pub const ALL: [EntityKind; 13] = [
        EntityKind::ArmedGroup,
        EntityKind::PoliticalMovement,
        EntityKind::Coalition,
        EntityKind::State,
        EntityKind::UnrecognisedState,
        EntityKind::IntergovernmentalOrganisation,
        EntityKind::Person,
        EntityKind::People,
        EntityKind::City,
        EntityKind::Region,
        EntityKind::NaturalArea,
        EntityKind::MediaOutlet,
        EntityKind::ArmedForce,
    ];

    /// The snake_case name used in the data files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::ArmedGroup => "armed_group",
            EntityKind::PoliticalMovement => "political_movement",
            EntityKind::Coalition => "coalition",
            EntityKind::State => "state",
            EntityKind::UnrecognisedState => "unrecognised_state",
            EntityKind::IntergovernmentalOrganisation => "intergovernmental_organisation",
            EntityKind::Person => "person",
            EntityKind::People => "people",
            EntityKind::City => "city",
            EntityKind::Region => "region",
            EntityKind::NaturalArea => "natural_area",
            EntityKind::MediaOutlet => "media_outlet",
            EntityKind::ArmedForce => "armed_force",
        }
    }

    /// True for kinds that act: everything but towns, regions and natural areas.
    pub fn is_actor(self) -> bool {
        !matches!(
            self,
            EntityKind::City | EntityKind::Region | EntityKind::NaturalArea
        )
    }

    /// True for kinds that can be a party to a fight, an enemy or an ally: actors other than
    /// a people (whose members are victims or fighters, not a side) and a media outlet.
    pub fn is_party(self) -> bool {
        self.is_actor() && !matches!(self, EntityKind::People | EntityKind::MediaOutlet)
    }

    /// True for kinds that are territory: towns, regions, natural areas and states.
    pub fn is_place(self) -> bool {
        matches!(
            self,
            EntityKind::City
                | EntityKind::Region
                | EntityKind::NaturalArea
                | EntityKind::State
                | EntityKind::UnrecognisedState
        )
    }
}

/// An entity kind name that is not in the list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown entity kind {0:?}; expected one of: {list}", list = EntityKind::ALL.map(EntityKind::as_str).join(", "))]
pub struct UnknownEntityKind(pub String);

impl std::str::FromStr for EntityKind {
    type Err = UnknownEntityKind;

    /// The kind a snake_case name (or its hyphenated form) names.
    fn from_str(text: &str) -> Result<EntityKind, UnknownEntityKind> {
        let wanted = text.trim().to_lowercase().replace('-', "_");
        EntityKind::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| UnknownEntityKind(text.to_owned()))
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An entity's name in the languages it is known in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// Arabic name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ar: Option<String>,
    /// French name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
}

impl Names {
    /// The names in English, Arabic and French, each if present: the order every rule that
    /// picks among them follows.
    pub fn by_lang(&self) -> [Option<&str>; 3] {
        [&self.en, &self.ar, &self.fr].map(Option::as_deref)
    }

    /// The names that are present, English first, then Arabic, then French.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.by_lang().into_iter().flatten()
    }
}

/// The name to show of an entity whose names are `names` ([`Names::by_lang`]) and id `id`:
/// English, else Arabic, else French, else the id. [`Entity::display_name`] for names read
/// in place (a cache's record).
pub fn display_name<'a>(names: [Option<&'a str>; 3], id: &'a str) -> &'a str {
    names.into_iter().flatten().next().unwrap_or(id)
}

/// When an entity existed, at the precision the sources give or as bounds (EDTF, see
/// [`UncertainDate`]); either side may be unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lifetime {
    /// When it came into being.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<UncertainDate>,
    /// When it ceased to exist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<UncertainDate>,
}

/// A node of the graph: an actor (movement, state, person, people …) or a place.
///
/// In `entities.json`, one object per entity:
///
/// ```json
/// {
///   "id": "gao",
///   "kind": "city",
///   "names": {"en": "Gao", "ar": "غاو", "fr": "Gao"},
///   "aliases": ["جاو", "Gao"],
///   "description": "Largest town of northern Mali, interim capital of Azawad in 2012."
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// Stable slug: lowercase ASCII letters, digits and single hyphens.
    pub id: EntityId,
    /// What the entity is.
    pub kind: EntityKind,
    /// Its name in English, Arabic and French, where known.
    #[serde(default)]
    pub names: Names,
    /// Every other spelling the sources use, plus common Latin forms (acronyms, French forms).
    /// Always written, `[]` when there is none (the layout of `entities.json`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// When it existed, if the sources say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<Lifetime>,
    /// One line describing it, in the editors' own words.
    pub description: String,
}

impl Entity {
    /// The name to show: English, else Arabic, else French, else the id.
    pub fn display_name(&self) -> &str {
        display_name(self.names.by_lang(), self.id.as_str())
    }

    /// A short label for tables and diagrams: a Latin acronym alias (`MNLA`, `ECOWAS`) when
    /// there is one, else [`display_name`](Entity::display_name).
    pub fn label(&self) -> &str {
        self.aliases
            .iter()
            .find(|a| {
                (2..=8).contains(&a.len())
                    && a.bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            })
            .map_or_else(|| self.display_name(), String::as_str)
    }

    /// Every name and alias, names first.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        self.names
            .iter()
            .chain(self.aliases.iter().map(String::as_str))
    }
}
