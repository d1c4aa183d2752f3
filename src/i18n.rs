//! The one translation table: the words the command line shows around the data (table
//! headers, relation and entity kinds, statuses, certainties) in English, French and Arabic,
//! and the name of an entity in a language.
//!
//! English is the vocabulary of the data files and of `--json` (`alliance`, `part_of`,
//! `asserted`) written as words (`part of`), so English output reads as the data does; JSON
//! output is never translated. The command line, the diagrams, the timeline charts and the
//! HTML explorer all take their words from here.
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
use crate::model::{Certainty, DateWords, Entity, EntityKind, RelationKind, Status};
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

/// The form of `words` ([English, French, Arabic]) in `lang`.
fn pick(words: [&'static str; 3], lang: Lang) -> &'static str {
    let [en, fr, ar] = words;
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
        Lang::Ar => ar,
    }
}

/// The word `term` in `lang`.
pub fn text(lang: Lang, term: Term) -> &'static str {
    pick(term.forms(), lang)
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
    let [en, fr, ar] = match kind {
        K::Alliance => ["alliance", "alliance", "تحالف"],
        K::Conflict => ["conflict", "conflit", "نزاع"],
        K::Attack => ["attack", "attaque", "هجوم"],
        K::Support => ["support", "soutien", "دعم"],
        K::Recognition => ["recognition", "reconnaissance", "اعتراف"],
        K::Control => ["control", "contrôle", "سيطرة"],
        K::Ceasefire => ["ceasefire", "cessez-le-feu", "وقف إطلاق النار"],
        K::Negotiation => ["negotiation", "négociation", "مفاوضات"],
        K::Agreement => ["agreement", "accord", "اتفاق"],
        K::Declaration => ["declaration", "déclaration", "إعلان"],
        K::Claim => ["claim", "revendication", "مطالبة"],
        K::Leadership => ["leadership", "direction", "قيادة"],
        K::Membership => ["membership", "appartenance", "عضوية"],
        K::PartOf => ["part of", "partie de", "جزء من"],
        K::Borders => ["borders", "frontière commune", "حدود مشتركة"],
        K::Capital => ["capital", "capitale", "عاصمة"],
        K::Defection => ["defection", "défection", "انشقاق"],
        K::Denunciation => ["denunciation", "dénonciation", "إدانة"],
        K::Administration => ["administration", "administration", "إدارة"],
        K::Presence => ["presence", "présence", "وجود"],
        K::Interview => ["interview", "entretien", "مقابلة"],
        K::Destabilisation => ["destabilisation", "déstabilisation", "زعزعة الاستقرار"],
        K::ArmedForceOf => ["armed force of", "forces armées de", "قوات مسلحة تابعة لـ"],
        K::Goal => ["goal", "objectif", "هدف"],
        K::Threat => ["threat", "menace", "تهديد"],
        K::Hiding => ["hiding", "clandestinité", "تخفٍّ"],
        K::Overlaps => ["overlaps", "chevauchement", "تداخل"],
    };
    [en, fr, ar]
}

/// The rows of the table for entity kinds.
fn entity_kind(kind: EntityKind) -> [&'static str; 3] {
    use EntityKind as K;
    let [en, fr, ar] = match kind {
        K::ArmedGroup => ["armed group", "groupe armé", "جماعة مسلحة"],
        K::PoliticalMovement => ["political movement", "mouvement politique", "حركة سياسية"],
        K::Coalition => ["coalition", "coalition", "ائتلاف"],
        K::State => ["state", "État", "دولة"],
        K::UnrecognisedState => [
            "unrecognised state",
            "État non reconnu",
            "دولة غير معترف بها",
        ],
        K::IntergovernmentalOrganisation => [
            "intergovernmental organisation",
            "organisation intergouvernementale",
            "منظمة حكومية دولية",
        ],
        K::Person => ["person", "personne", "شخص"],
        K::People => ["people", "peuple", "شعب"],
        K::City => ["city", "ville", "مدينة"],
        K::Region => ["region", "région", "منطقة"],
        K::NaturalArea => ["natural area", "espace naturel", "منطقة طبيعية"],
        K::MediaOutlet => ["media outlet", "média", "وسيلة إعلام"],
        K::ArmedForce => ["armed force", "forces armées", "قوات مسلحة"],
    };
    [en, fr, ar]
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

/// The short name of month `month` (1–12) in `lang`.
///
/// ```
/// use actorgraph::i18n::{Lang, month};
/// assert_eq!(month(2, Lang::Fr), "févr.");
/// assert_eq!(month(6, Lang::Ar), "يونيو");
/// ```
pub fn month(month: u32, lang: Lang) -> &'static str {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const FR: [&str; 12] = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ];
    const AR: [&str; 12] = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ];
    let i = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::En => EN[i],
        Lang::Fr => FR[i],
        Lang::Ar => AR[i],
    }
}

/// A phrase of a legend or a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// The legend's heading.
    Legend,
    /// A relation whose dates are known to the day it is drawn with.
    Certain,
    /// Shading: the start or end lies somewhere in the shaded span.
    Imprecise,
    /// Alleged or disputed.
    Doubtful,
    /// Possibly held on the date asked about.
    Possible,
    /// Stated not to hold.
    Negated,
    /// The word put before a negated relation's kind.
    Not,
    /// No end in the sources: it goes on past them.
    Open,
    /// A one-off act (an attack, a declaration).
    Event,
    /// Relations the sources give no date for, left out of a timeline.
    Undated,
    /// The heading of a timeline's colour key when bars are coloured by actor.
    Holders,
    /// The word after a bundle's count.
    Relations,
    /// Several relations between two entities drawn as one edge.
    Bundled,
    /// The heading of a diagram's column of towns, regions and areas.
    Places,
}

/// The phrase in `lang`.
pub fn phrase(phrase: Phrase, lang: Lang) -> &'static str {
    use Phrase as P;
    let words = match phrase {
        P::Legend => ["Legend", "Légende", "مفتاح الرسم"],
        P::Certain => ["held throughout", "certain", "مؤكد"],
        P::Imprecise => [
            "date imprecise: somewhere in the shaded span",
            "date imprécise : dans la partie estompée",
            "تاريخ غير دقيق: في الجزء المظلل",
        ],
        P::Doubtful => [
            "alleged or disputed",
            "allégué ou contesté",
            "مزعوم أو متنازع عليه",
        ],
        P::Possible => [
            "possibly held then",
            "peut-être à cette date",
            "ربما في ذلك التاريخ",
        ],
        P::Negated => ["NOT: stated not to hold", "NON : démenti", "نفي: لم يحدث"],
        P::Not => ["NOT", "NON", "لا"],
        P::Open => [
            "no end in the sources",
            "sans fin dans les sources",
            "لا نهاية في المصادر",
        ],
        P::Event => ["one-off act", "acte ponctuel", "حدث واحد"],
        P::Undated => [
            "relations without dates, not drawn",
            "relations sans date, non dessinées",
            "علاقات بلا تاريخ، غير مرسومة",
        ],
        P::Holders => ["held by", "tenu par", "بيد"],
        P::Relations => ["relations", "relations", "علاقات"],
        P::Places => ["Towns and areas", "Villes et régions", "المدن والمناطق"],
        P::Bundled => [
            "several relations: count, kinds, years",
            "plusieurs relations : nombre, types, années",
            "عدة علاقات: العدد والأنواع والسنوات",
        ],
    };
    pick(words, lang)
}

/// The words dates are written with in `lang` ([`Relation::dates_in`](crate::Relation::dates_in)):
/// `timeless`, `undated`, `in 2013`.
pub fn date_words(lang: Lang) -> DateWords {
    DateWords {
        timeless: pick(["timeless", "permanent", "دائم"], lang),
        undated: pick(["undated", "non daté", "بلا تاريخ"], lang),
        within: pick(["in {}", "en {}", "في {}"], lang),
        short: false,
    }
}

/// A diff diagram's title: what changed between the dates `first` and `second`, in `lang`.
pub fn diff_title(first: &str, second: &str, lang: Lang) -> String {
    pick(
        [
            "What changed between {a} and {b}",
            "Ce qui a changé entre {a} et {b}",
            "ما تغير بين {a} و{b}",
        ],
        lang,
    )
    .replace("{a}", first)
    .replace("{b}", second)
}

/// A diff's legend line for `difference` (`began`, `ended` or `changed`) between the dates
/// `first` and `second`, in `lang`.
pub fn difference(difference: &str, first: &str, second: &str, lang: Lang) -> String {
    let words = match difference {
        "began" => ["began", "commencé", "بدأ"],
        "ended" => ["ended", "terminé", "انتهى"],
        _ => ["certainty changed", "certitude changée", "تغير اليقين"],
    };
    let between = pick(
        ["between {a} and {b}", "entre {a} et {b}", "بين {a} و{b}"],
        lang,
    );
    format!(
        "{} {}",
        pick(words, lang),
        between.replace("{a}", first).replace("{b}", second)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_has_three_distinct_nonempty_forms_where_languages_differ() {
        for kind in RelationKind::ALL {
            let [en, fr, ar] = Term::Kind(kind).forms();
            assert_eq!(
                en,
                kind.as_str().replace('_', " "),
                "the data's word, spelt out"
            );
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
    fn every_month_has_a_distinct_name_in_every_language() {
        for lang in [Lang::En, Lang::Fr, Lang::Ar] {
            let months: std::collections::BTreeSet<&str> =
                (1..=12).map(|m| month(m, lang)).collect();
            assert_eq!(months.len(), 12, "{lang:?}");
        }
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
