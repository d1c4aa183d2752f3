//! The words diagrams draw, in the three languages of `--lang`: relation kinds, entity kinds,
//! month names and the phrases of legends. One table per kind of word, so that every diagram
//! (DOT views, timeline charts) says a kind the same way.
//!
//! The Arabic month names are the ones of the Arabic press of the Maghreb and Sahel read by
//! the sources' authors (يناير … ديسمبر, the Gregorian months), not the Levantine names.

use super::Lang;
use crate::model::{EntityKind, RelationKind, Status};

/// A word in English, French and Arabic.
type Words = [&'static str; 3];

fn pick(words: Words, lang: Lang) -> &'static str {
    match lang {
        Lang::En => words[0],
        Lang::Fr => words[1],
        Lang::Ar => words[2],
    }
}

/// The label of a relation kind in `lang` (`part of`, `partie de`, `جزء من`).
///
/// ```
/// use actorgraph::RelationKind;
/// use actorgraph::export::{Lang, words::relation_kind};
/// assert_eq!(relation_kind(RelationKind::Control, Lang::Fr), "contrôle");
/// assert_eq!(relation_kind(RelationKind::Control, Lang::Ar), "سيطرة");
/// ```
pub fn relation_kind(kind: RelationKind, lang: Lang) -> &'static str {
    use RelationKind as K;
    let words = match kind {
        K::Alliance => ["alliance", "alliance", "تحالف"],
        K::Conflict => ["conflict", "conflit", "نزاع"],
        K::Attack => ["attack", "attaque", "هجوم"],
        K::Support => ["support", "soutien", "دعم"],
        K::Recognition => ["recognition", "reconnaissance", "اعتراف"],
        K::Control => ["control", "contrôle", "سيطرة"],
        K::Ceasefire => ["ceasefire", "cessez-le-feu", "وقف إطلاق النار"],
        K::Negotiation => ["negotiation", "négociation", "تفاوض"],
        K::Agreement => ["agreement", "accord", "اتفاق"],
        K::Declaration => ["declaration", "déclaration", "إعلان"],
        K::Claim => ["claim", "revendication", "مطالبة"],
        K::Leadership => ["leadership", "direction", "قيادة"],
        K::Membership => ["membership", "appartenance", "عضوية"],
        K::PartOf => ["part of", "partie de", "جزء من"],
        K::Borders => ["borders", "frontalier de", "يحد"],
        K::Capital => ["capital", "capitale", "عاصمة"],
        K::Defection => ["defection", "défection", "انشقاق"],
        K::Denunciation => ["denunciation", "dénonciation", "تنديد"],
        K::Administration => ["administration", "administration", "إدارة"],
        K::Presence => ["presence", "présence", "تواجد"],
        K::Interview => ["interview", "entretien", "مقابلة"],
        K::Destabilisation => ["destabilisation", "déstabilisation", "زعزعة الاستقرار"],
        K::ArmedForceOf => ["armed force of", "force armée de", "قوة مسلحة لـ"],
        K::Goal => ["goal", "objectif", "هدف"],
        K::Threat => ["threat", "menace", "تهديد"],
        K::Hiding => ["hiding", "refuge", "اختباء"],
        K::Overlaps => ["overlaps", "recoupe", "يتداخل مع"],
    };
    pick(words, lang)
}

/// The label of an entity kind in `lang`.
pub fn entity_kind(kind: EntityKind, lang: Lang) -> &'static str {
    use EntityKind as E;
    let words = match kind {
        E::ArmedGroup => ["armed group", "groupe armé", "جماعة مسلحة"],
        E::PoliticalMovement => ["political movement", "mouvement politique", "حركة سياسية"],
        E::Coalition => ["coalition", "coalition", "ائتلاف"],
        E::State => ["state", "État", "دولة"],
        E::UnrecognisedState => [
            "unrecognised state",
            "État non reconnu",
            "دولة غير معترف بها",
        ],
        E::IntergovernmentalOrganisation => [
            "intergovernmental organisation",
            "organisation intergouvernementale",
            "منظمة حكومية دولية",
        ],
        E::Person => ["person", "personne", "شخص"],
        E::People => ["people", "peuple", "شعب"],
        E::City => ["town", "ville", "مدينة"],
        E::Region => ["region", "région", "إقليم"],
        E::NaturalArea => ["natural area", "espace naturel", "منطقة طبيعية"],
        E::MediaOutlet => ["media outlet", "média", "وسيلة إعلام"],
        E::ArmedForce => ["armed force", "force armée", "قوة مسلحة"],
    };
    pick(words, lang)
}

/// The short name of month `month` (1–12) in `lang`.
///
/// ```
/// use actorgraph::export::{Lang, words::month};
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

/// The word for a relation's status in `lang` (`alleged`, `allégué`, `مزعوم`).
pub fn status(status: Status, lang: Lang) -> &'static str {
    let words = match status {
        Status::Asserted => ["asserted", "affirmé", "مؤكد"],
        Status::Alleged => ["alleged", "allégué", "مزعوم"],
        Status::Disputed => ["disputed", "contesté", "متنازع عليه"],
    };
    pick(words, lang)
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
        P::Bundled => [
            "several relations: count, kinds, dates",
            "plusieurs relations : nombre, types, dates",
            "عدة علاقات: العدد والأنواع والتواريخ",
        ],
    };
    pick(words, lang)
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
    use std::collections::BTreeSet;

    #[test]
    fn every_kind_has_a_distinct_label_in_every_language() {
        for lang in [Lang::En, Lang::Fr, Lang::Ar] {
            let relations: BTreeSet<&str> = (RelationKind::ALL.into_iter())
                .map(|k| relation_kind(k, lang))
                .collect();
            assert_eq!(relations.len(), RelationKind::ALL.len(), "{lang:?}");
            let entities: BTreeSet<&str> = (EntityKind::ALL.into_iter())
                .map(|k| entity_kind(k, lang))
                .collect();
            assert_eq!(entities.len(), EntityKind::ALL.len(), "{lang:?}");
            let months: BTreeSet<&str> = (1..=12).map(|m| month(m, lang)).collect();
            assert_eq!(months.len(), 12);
        }
    }

    #[test]
    fn english_labels_are_the_data_names_spelt_out() {
        for kind in RelationKind::ALL {
            assert_eq!(
                relation_kind(kind, Lang::En),
                kind.as_str().replace('_', " ")
            );
        }
    }
}
