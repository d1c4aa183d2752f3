//! Names for generated entities: an English, French and Arabic name made of the same invented
//! words, a slug id, and aliases (acronyms, Latin spelling variants, Arabic spellings with
//! diacritics), all unique under `actorgraph::names::key` across the whole graph.

use std::collections::HashSet;

use actorgraph::{EntityId, EntityKind, Names};

use super::Rng;

/// Syllables of invented words, in Latin and Arabic script, read the same way.
const SYLLABLES: [(&str, &str); 32] = [
    ("ta", "تا"),
    ("ma", "ما"),
    ("sa", "سا"),
    ("ki", "كي"),
    ("dal", "دال"),
    ("me", "مي"),
    ("na", "نا"),
    ("ka", "كا"),
    ("tin", "تين"),
    ("za", "زا"),
    ("wa", "وا"),
    ("gou", "غو"),
    ("ra", "را"),
    ("lo", "لو"),
    ("bi", "بي"),
    ("du", "دو"),
    ("fa", "فا"),
    ("ha", "ها"),
    ("ja", "جا"),
    ("ku", "كو"),
    ("ri", "ري"),
    ("sou", "سو"),
    ("tam", "تام"),
    ("mar", "مار"),
    ("kel", "كل"),
    ("bou", "بو"),
    ("ag", "اغ"),
    ("ar", "ار"),
    ("il", "ايل"),
    ("ou", "او"),
    ("dar", "دار"),
    ("sin", "سين"),
];

/// Given names of people, in Latin and Arabic script.
const GIVEN: [(&str, &str); 20] = [
    ("Iyad", "إياد"),
    ("Bilal", "بلال"),
    ("Moussa", "موسى"),
    ("Ahmed", "أحمد"),
    ("Mohamed", "محمد"),
    ("Ibrahim", "إبراهيم"),
    ("Hamma", "حما"),
    ("Omar", "عمر"),
    ("Ali", "علي"),
    ("Hassan", "حسن"),
    ("Youssef", "يوسف"),
    ("Fatima", "فاطمة"),
    ("Aicha", "عائشة"),
    ("Mariam", "مريم"),
    ("Sidi", "سيدي"),
    ("Abdou", "عبدو"),
    ("Mokhtar", "مختار"),
    ("Intalla", "انتالا"),
    ("Zeinab", "زينب"),
    ("Salem", "سالم"),
];

/// Name patterns of one entity kind: English, French and Arabic, `{}` standing for the word.
type Pattern = (&'static str, &'static str, &'static str);

fn patterns(kind: EntityKind) -> &'static [Pattern] {
    use EntityKind as E;
    match kind {
        E::ArmedGroup => &[
            ("{} Brigade", "Brigade {}", "كتيبة {}"),
            ("{} Front", "Front {}", "جبهة {}"),
            ("{} Battalion", "Bataillon {}", "سرية {}"),
            ("{} Militia", "Milice {}", "ميليشيا {}"),
        ],
        E::PoliticalMovement => &[
            (
                "Movement for the Liberation of {}",
                "Mouvement pour la libération de {}",
                "الحركة الوطنية لتحرير {}",
            ),
            (
                "{} Unity Movement",
                "Mouvement pour l'unité de {}",
                "حركة وحدة {}",
            ),
            (
                "{} Salvation Council",
                "Conseil de salut de {}",
                "مجلس إنقاذ {}",
            ),
        ],
        E::Coalition => &[
            ("{} Coalition", "Coalition {}", "تحالف {}"),
            ("{} Alliance", "Alliance {}", "ائتلاف {}"),
        ],
        E::State => &[
            ("Republic of {}", "République de {}", "جمهورية {}"),
            ("Kingdom of {}", "Royaume de {}", "مملكة {}"),
        ],
        E::UnrecognisedState => &[("State of {}", "État de {}", "دولة {}")],
        E::IntergovernmentalOrganisation => &[
            (
                "{} Community of States",
                "Communauté des États de {}",
                "مجموعة دول {}",
            ),
            ("Union of {}", "Union de {}", "اتحاد {}"),
        ],
        E::People => &[
            ("Kel {}", "Kel {}", "كل {}"),
            ("{} people", "peuple {}", "شعب {}"),
        ],
        E::City => &[("{}", "{}", "{}")],
        E::Region => &[("{} Region", "Région de {}", "منطقة {}")],
        E::NaturalArea => &[
            ("{} Mountains", "Montagnes de {}", "جبال {}"),
            ("{} Desert", "Désert de {}", "صحراء {}"),
            ("{} Valley", "Vallée de {}", "وادي {}"),
        ],
        E::MediaOutlet => &[
            ("Radio {}", "Radio {}", "إذاعة {}"),
            ("{} Times", "Le {}", "صحيفة {}"),
            ("{} TV", "Télé {}", "تلفزيون {}"),
        ],
        E::ArmedForce => &[(
            "Armed Forces of {}",
            "Forces armées de {}",
            "القوات المسلحة {}",
        )],
        // People are named from given names, see `Namer::person`.
        E::Person => &[("{}", "{}", "{}")],
    }
}

/// The names, aliases and id of one entity.
#[derive(Debug, Clone)]
pub struct Naming {
    /// The entity's id (a slug of its acronym or English name).
    pub id: EntityId,
    /// Its English, French and Arabic names.
    pub names: Names,
    /// Other spellings.
    pub aliases: Vec<String>,
}

/// Hands out names whose matching keys no other entity uses.
#[derive(Debug, Default)]
pub struct Namer {
    taken: HashSet<String>,
}

impl Namer {
    /// Names entity number `n` of `kind`: invented words first, a numeric suffix (the entity's
    /// number, so unique) when three draws collide with names already handed out.
    pub fn name(&mut self, rng: &mut Rng, kind: EntityKind, n: usize) -> Naming {
        let mut attempt = 0;
        let (en, fr, ar) = loop {
            let suffix = (attempt == 3).then_some(n);
            let candidate = self.candidate(rng, kind, suffix);
            attempt += 1;
            let keys = [&candidate.0, &candidate.1, &candidate.2].map(|t| key(t));
            if keys.iter().all(|k| !self.taken.contains(k)) {
                break candidate;
            }
            assert!(attempt <= 3, "suffixed name {candidate:?} is taken");
        };
        for name in [&en, &fr, &ar] {
            self.taken.insert(key(name));
        }
        let mut aliases = Vec::new();
        let acronym = acronym(&en);
        let acronym = acronym.filter(|a| {
            matches!(
                kind,
                EntityKind::PoliticalMovement
                    | EntityKind::IntergovernmentalOrganisation
                    | EntityKind::Coalition
                    | EntityKind::ArmedGroup
            ) && self.claim(a)
        });
        if let Some(a) = &acronym {
            aliases.push(a.clone());
        }
        if let Some(variant) = latin_variant(&en).filter(|v| rng.chance(500) && self.claim(v)) {
            aliases.push(variant);
        }
        if rng.chance(400) {
            // Same key as the Arabic name: exercises normalisation, never collides.
            aliases.push(with_diacritics(&ar));
        }
        let id = slug(acronym.as_deref().unwrap_or(&en));
        Naming {
            id: EntityId::new(&id).unwrap(),
            names: Names {
                en: Some(en),
                ar: Some(ar),
                fr: Some(fr),
            },
            aliases,
        }
    }

    /// Takes `name`'s key if no entity has it yet.
    fn claim(&mut self, name: &str) -> bool {
        self.taken.insert(key(name))
    }

    /// English, French and Arabic names for `kind`, with an optional numeric suffix.
    fn candidate(
        &self,
        rng: &mut Rng,
        kind: EntityKind,
        suffix: Option<usize>,
    ) -> (String, String, String) {
        let (mut en, mut fr, mut ar) = if kind == EntityKind::Person {
            let (given_en, given_ar) = *rng.pick(&GIVEN);
            let (family_en, family_ar) = word(rng);
            (
                format!("{given_en} ag {family_en}"),
                format!("{given_en} ag {family_en}"),
                format!("{given_ar} آغ {family_ar}"),
            )
        } else {
            let (pattern_en, pattern_fr, pattern_ar) = *rng.pick(patterns(kind));
            let (word_en, word_ar) = word(rng);
            (
                pattern_en.replace("{}", &word_en),
                pattern_fr.replace("{}", &word_en),
                pattern_ar.replace("{}", &word_ar),
            )
        };
        if let Some(n) = suffix {
            en = format!("{en} {n}");
            fr = format!("{fr} {n}");
            ar = format!("{ar} {}", arabic_digits(n));
        }
        (en, fr, ar)
    }
}

/// The matching key actorgraph compares names by.
fn key(name: &str) -> String {
    actorgraph::names::key(name)
}

/// An invented word of two or three syllables, capitalised, with its Arabic spelling.
fn word(rng: &mut Rng) -> (String, String) {
    let count = 2 + rng.below(2);
    let (mut latin, mut arabic) = (String::new(), String::new());
    for _ in 0..count {
        let (l, a) = rng.pick(&SYLLABLES);
        latin.push_str(l);
        arabic.push_str(a);
    }
    let mut chars = latin.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase());
    (first.into_iter().chain(chars).collect(), arabic)
}

/// The initials of the capitalised words of an English name (`Movement for the Liberation of
/// Tamasna` → `MLT`), when there are two to six.
fn acronym(name: &str) -> Option<String> {
    let letters: String = name
        .split(' ')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_ascii_uppercase())
        .collect();
    (2..=6).contains(&letters.len()).then_some(letters)
}

/// A Latin spelling variant (`ou` → `u`, `k` → `q`), when it differs.
fn latin_variant(name: &str) -> Option<String> {
    let variant = name.replace("ou", "u").replace('k', "q");
    (variant != name).then_some(variant)
}

/// The Arabic name with a fatha after its first letter and a tatweel after its second.
fn with_diacritics(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        out.push(c);
        match i {
            0 => out.push('\u{064E}'),
            1 => out.push('\u{0640}'),
            _ => {}
        }
    }
    out
}

/// A number in Eastern Arabic digits.
fn arabic_digits(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32('٠' as u32 + (c as u32 - '0' as u32)).unwrap_or(c))
        .collect()
}

/// A lowercase slug of ASCII letters and digits joined by single hyphens.
fn slug(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}
