//! The one translation table: the words the command line shows around the data (table
//! headers, relation and entity kinds, statuses, certainties) in English, French and Arabic,
//! and the name of an entity in a language.
//!
//! English is the vocabulary of the data files and of `--json` (`alliance`, `part_of`,
//! `asserted`), so English output reads as the data does; JSON output is never translated.
//! Every word has its three forms in one row of `Term::forms`: a word cannot be added in one
//! language and forgotten in another.
//!
//! ```
//! use actorgraph::i18n::{Term, text};
//! use actorgraph::export::Lang;
//! use actorgraph::RelationKind;
//! assert_eq!(text(Lang::Fr, Term::Kind(RelationKind::Control)), "contrôle");
//! assert_eq!(text(Lang::Ar, Term::Dates), "التواريخ");
//! ```

pub use crate::export::Lang;
use crate::model::{Certainty, Entity, EntityKind, RelationKind, Status};
use crate::names::normalize::key;

/// A word or phrase the command line shows in the chosen language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    /// Header: how surely a relation holds.
    Certainty,
    /// Header: a relation's dates.
    Dates,
    /// Header: a relation's or entity's kind.
    KindHeader,
    /// Header: the entity a relation goes from.
    Source,
    /// Header: the entity a relation goes to.
    Target,
    /// Header: asserted, alleged or disputed.
    StatusHeader,
    /// Header: an id.
    Id,
    /// Header: a relation as seen from one actor.
    Relation,
    /// Header: the other end of a relation.
    With,
    /// Header: a linked actor.
    Actor,
    /// Header: the relation through which an actor is linked.
    Via,
    /// Header: the two ends of a relation.
    Between,
    /// Header: how well a name matched.
    Score,
    /// Header: an entity's name.
    Name,
    /// Header: the name or alias a query matched.
    Matched,
    /// Header: a place in a ranking.
    Rank,
    /// Header: a month or year of a series.
    Step,
    /// Header: how many relations an entity has.
    Relations,
    /// Header: pairs of actors with only positive ties.
    PositivePairs,
    /// Header: pairs of actors with only negative ties.
    NegativePairs,
    /// Header: pairs of actors both allied and opposed.
    Mixed,
    /// Header: triangles of actors all tied to one another.
    Triangles,
    /// Header: the share of balanced triangles.
    Balanced,
    /// Before a negated relation's kind: `NOT recognition`.
    Not,
    /// Before the actors who claim a relation.
    ClaimedBy,
    /// Before the actors who dispute a relation.
    DisputedBy,
    /// A relation kind.
    Kind(RelationKind),
    /// An entity kind.
    EntityKind(EntityKind),
    /// A relation's status.
    Status(Status),
    /// How surely a relation holds.
    Certain(Certainty),
}

/// The word `term` in `lang`.
pub fn text(lang: Lang, term: Term) -> &'static str {
    let [en, fr, ar] = term.forms();
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
        Lang::Ar => ar,
    }
}

impl Term {
    /// The term in English, French and Arabic: the translation table.
    fn forms(self) -> [&'static str; 3] {
        match self {
            Term::Certainty => ["CERTAINTY", "CERTITUDE", "اليقين"],
            Term::Dates => ["DATES", "DATES", "التواريخ"],
            Term::KindHeader => ["KIND", "TYPE", "النوع"],
            Term::Source => ["SOURCE", "SOURCE", "المصدر"],
            Term::Target => ["TARGET", "CIBLE", "الهدف"],
            Term::StatusHeader => ["STATUS", "STATUT", "الحالة"],
            Term::Id => ["ID", "ID", "المعرّف"],
            Term::Relation => ["RELATION", "RELATION", "العلاقة"],
            Term::With => ["WITH", "AVEC", "مع"],
            Term::Actor => ["ACTOR", "ACTEUR", "الفاعل"],
            Term::Via => ["VIA", "PAR", "عبر"],
            Term::Between => ["BETWEEN", "ENTRE", "بين"],
            Term::Score => ["SCORE", "SCORE", "الدرجة"],
            Term::Name => ["NAME", "NOM", "الاسم"],
            Term::Matched => ["MATCHED", "TROUVÉ PAR", "المطابقة"],
            Term::Rank => ["RANK", "RANG", "الترتيب"],
            Term::Step => ["STEP", "PÉRIODE", "الفترة"],
            Term::Relations => ["RELATIONS", "RELATIONS", "العلاقات"],
            Term::PositivePairs => ["+PAIRS", "+PAIRES", "+أزواج"],
            Term::NegativePairs => ["-PAIRS", "-PAIRES", "-أزواج"],
            Term::Mixed => ["MIXED", "MIXTES", "مختلطة"],
            Term::Triangles => ["TRIANGLES", "TRIANGLES", "مثلثات"],
            Term::Balanced => ["BALANCED", "ÉQUILIBRÉS", "متوازنة"],
            Term::Not => ["NOT", "NON", "لا"],
            Term::ClaimedBy => ["claimed by", "revendiqué par", "يدّعيها"],
            Term::DisputedBy => ["disputed by", "contesté par", "ينازع فيها"],
            Term::Kind(kind) => relation_kind(kind),
            Term::EntityKind(kind) => entity_kind(kind),
            Term::Status(status) => match status {
                Status::Asserted => ["asserted", "affirmé", "مؤكَّد"],
                Status::Alleged => ["alleged", "allégué", "مزعوم"],
                Status::Disputed => ["disputed", "contesté", "متنازع عليه"],
            },
            Term::Certain(certainty) => match certainty {
                Certainty::Certain => ["certain", "certain", "يقيني"],
                Certainty::Possible => ["possible", "possible", "محتمل"],
            },
        }
    }
}

/// The rows of the table for relation kinds.
fn relation_kind(kind: RelationKind) -> [&'static str; 3] {
    use RelationKind as K;
    let [fr, ar] = match kind {
        K::Alliance => ["alliance", "تحالف"],
        K::Conflict => ["conflit", "نزاع"],
        K::Attack => ["attaque", "هجوم"],
        K::Support => ["soutien", "دعم"],
        K::Recognition => ["reconnaissance", "اعتراف"],
        K::Control => ["contrôle", "سيطرة"],
        K::Ceasefire => ["cessez-le-feu", "وقف إطلاق النار"],
        K::Negotiation => ["négociation", "مفاوضات"],
        K::Agreement => ["accord", "اتفاق"],
        K::Declaration => ["déclaration", "إعلان"],
        K::Claim => ["revendication", "مطالبة"],
        K::Leadership => ["direction", "قيادة"],
        K::Membership => ["appartenance", "عضوية"],
        K::PartOf => ["partie de", "جزء من"],
        K::Borders => ["frontière commune", "حدود مشتركة"],
        K::Capital => ["capitale", "عاصمة"],
        K::Defection => ["défection", "انشقاق"],
        K::Denunciation => ["dénonciation", "إدانة"],
        K::Administration => ["administration", "إدارة"],
        K::Presence => ["présence", "وجود"],
        K::Interview => ["entretien", "مقابلة"],
        K::Destabilisation => ["déstabilisation", "زعزعة الاستقرار"],
        K::ArmedForceOf => ["forces armées de", "قوات مسلحة تابعة لـ"],
        K::Goal => ["objectif", "هدف"],
        K::Threat => ["menace", "تهديد"],
        K::Hiding => ["clandestinité", "تخفٍّ"],
        K::Overlaps => ["chevauchement", "تداخل"],
    };
    [kind.as_str(), fr, ar]
}

/// The rows of the table for entity kinds.
fn entity_kind(kind: EntityKind) -> [&'static str; 3] {
    use EntityKind as K;
    let [fr, ar] = match kind {
        K::ArmedGroup => ["groupe armé", "جماعة مسلحة"],
        K::PoliticalMovement => ["mouvement politique", "حركة سياسية"],
        K::Coalition => ["coalition", "ائتلاف"],
        K::State => ["État", "دولة"],
        K::UnrecognisedState => ["État non reconnu", "دولة غير معترف بها"],
        K::IntergovernmentalOrganisation => {
            ["organisation intergouvernementale", "منظمة حكومية دولية"]
        }
        K::Person => ["personne", "شخص"],
        K::People => ["peuple", "شعب"],
        K::City => ["ville", "مدينة"],
        K::Region => ["région", "منطقة"],
        K::NaturalArea => ["espace naturel", "منطقة طبيعية"],
        K::MediaOutlet => ["média", "وسيلة إعلام"],
        K::ArmedForce => ["forces armées", "قوات مسلحة"],
    };
    [kind.as_str(), fr, ar]
}

/// The short label of `entity` in `lang`, for tables: in English its [`Entity::label`] (a
/// Latin acronym alias, else its name); in French the acronym alias that abbreviates its
/// French name (`CEDEAO`, not `ECOWAS`; `MNLA`), else its French name; in Arabic its Arabic
/// name. An entity without a name in the language keeps its English label.
///
/// ```
/// # use actorgraph::{Entity, EntityId, EntityKind, Names};
/// use actorgraph::i18n::{Lang, label};
/// let ecowas = Entity {
///     id: EntityId::new("ecowas").unwrap(),
///     kind: EntityKind::IntergovernmentalOrganisation,
///     names: Names {
///         en: Some("Economic Community of West African States".into()),
///         ar: Some("المجموعة الاقتصادية لدول غرب أفريقيا".into()),
///         fr: Some("Communauté économique des États de l'Afrique de l'Ouest".into()),
///     },
///     aliases: vec!["ECOWAS".into(), "CEDEAO".into()],
///     lifetime: None,
///     description: String::new(),
/// };
/// assert_eq!(label(Lang::En, &ecowas), "ECOWAS");
/// assert_eq!(label(Lang::Fr, &ecowas), "CEDEAO");
/// assert_eq!(label(Lang::Ar, &ecowas), "المجموعة الاقتصادية لدول غرب أفريقيا");
/// ```
pub fn label(lang: Lang, entity: &Entity) -> &str {
    match lang {
        Lang::En => entity.label(),
        Lang::Ar => entity.names.ar.as_deref().unwrap_or_else(|| entity.label()),
        Lang::Fr => match &entity.names.fr {
            None => entity.label(),
            Some(name) => entity
                .aliases
                .iter()
                .find(|a| is_acronym(a) && abbreviates(a, name))
                .map_or(name.as_str(), String::as_str),
        },
    }
}

/// True for a Latin acronym: two to eight capital letters or digits.
fn is_acronym(alias: &str) -> bool {
    (2..=8).contains(&alias.len())
        && alias
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// True when the letters of `acronym` are, in order, initials of words of `name` (elided
/// articles `l'`, `d'` and accents aside): `MNLA` abbreviates "Mouvement national de
/// libération de l'Azawad".
fn abbreviates(acronym: &str, name: &str) -> bool {
    let folded = key(&name.replace(['\'', '’'], " "));
    let mut initials = folded
        .split(' ')
        .filter(|w| w.chars().count() > 1)
        .filter_map(|w| w.chars().next());
    key(acronym)
        .chars()
        .all(|letter| initials.any(|initial| initial == letter))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_has_three_distinct_nonempty_forms_where_languages_differ() {
        for kind in RelationKind::ALL {
            let [en, fr, ar] = Term::Kind(kind).forms();
            assert!(!en.is_empty() && !fr.is_empty() && !ar.is_empty(), "{kind}");
            assert_ne!(en, ar, "{kind}");
        }
        for kind in EntityKind::ALL {
            let [en, fr, ar] = Term::EntityKind(kind).forms();
            assert!(!fr.is_empty(), "{kind}");
            assert_ne!(en, ar, "{kind}");
        }
        assert_eq!(text(Lang::En, Term::Status(Status::Alleged)), "alleged");
        assert_eq!(text(Lang::Fr, Term::Status(Status::Alleged)), "allégué");
    }

    #[test]
    fn an_acronym_abbreviates_the_initials_of_a_name() {
        let mnla = "Mouvement national de libération de l'Azawad";
        assert!(abbreviates("MNLA", mnla));
        assert!(!abbreviates("ECOWAS", mnla));
        let ecowas = "Communauté économique des États de l'Afrique de l'Ouest";
        assert!(abbreviates("CEDEAO", ecowas));
        assert!(!abbreviates("ECOWAS", ecowas));
    }
}
