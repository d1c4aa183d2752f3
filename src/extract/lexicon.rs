//! The word lists `extract` reads a language with: months, relative dates, negation, reported
//! speech and the relation triggers, one data file per language (`lexicons/ar.txt`, `fr.txt`,
//! `en.txt`, documented in `lexicons/README.md`), built into the binary and replaceable by a
//! user's own file.
//!
//! A line is `CATEGORY [ARGS]: phrase | phrase | ...`; `#` starts a comment. A phrase is one or
//! more words, each compared by its matching [`key`] (the name index's folding: case, accents,
//! Arabic diacritics and letter forms, the article), and a word ending in `*` matches any word
//! that starts with it.

use std::collections::HashMap;

use crate::model::{EntityKind, RelationKind};
use crate::names::{key, normalize};

/// A language `extract` has a lexicon for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Arabic.
    Ar,
    /// French.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The lexicon built into the binary for this language.
    pub fn builtin_lexicon(self) -> &'static str {
        match self {
            Lang::Ar => include_str!("../../lexicons/ar.txt"),
            Lang::Fr => include_str!("../../lexicons/fr.txt"),
            Lang::En => include_str!("../../lexicons/en.txt"),
        }
    }
}

/// A language code that names no language `extract` reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}; expected ar, fr or en")]
pub struct UnknownLang(pub String);

impl std::str::FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(text: &str) -> Result<Lang, UnknownLang> {
        match text {
            "ar" => Ok(Lang::Ar),
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang(text.to_owned())),
        }
    }
}

/// One word of a phrase: a whole matching key, or a prefix (`*` in the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Word {
    Whole(String),
    Prefix(String),
}

impl Word {
    pub(crate) fn matches(&self, token_key: &str) -> bool {
        match self {
            Word::Whole(w) => w == token_key,
            Word::Prefix(p) => token_key.starts_with(p.as_str()),
        }
    }
}

/// How a trigger word stands in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pos {
    /// A verb: subject before it (or right after it, in Arabic), object after it.
    Verb,
    /// A noun: one side before it, the other after "with"/"against" or in "between X and Y".
    Noun,
    /// A person's title before the group they lead.
    Title,
    /// "led by": the group before, its leader after.
    By,
    /// "including" (بما في ذلك, على وجه الخصوص, "notamment"): the actor it introduces (or
    /// follows) is a part of the actor listed before it, and shares that actor's role.
    Including,
}

/// What a date word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum DateWord {
    Filler,
    Preposition,
    Today,
    Yesterday,
    Tomorrow,
    DayBefore,
    NextDay,
    SameDay,
    SameWeek,
    SameMonth,
    SameYear,
    NextMonth,
    NextYear,
    PreviousMonth,
    PreviousYear,
    LastMonth,
    LastYear,
    ThisMonth,
    ThisYear,
    Past,
    Coming,
    Later,
    Earlier,
    Afterwards,
    Beforehand,
    Early,
    Mid,
    Late,
    By,
    After,
    Since,
    Until,
    From,
    To,
    /// "of"/من after a count of units: "بعد ثلاثة أيام من معارك", "after three days of
    /// fighting", "après trois jours de combats" count from an event, not from a date.
    Of,
    /// "of that" (من ذلك, "de cela"): the count is from the last date after all.
    OfThat,
}

impl DateWord {
    fn parse(name: &str) -> Option<DateWord> {
        use DateWord as D;
        Some(match name {
            "filler" => D::Filler,
            "preposition" => D::Preposition,
            "today" => D::Today,
            "yesterday" => D::Yesterday,
            "tomorrow" => D::Tomorrow,
            "day-before" => D::DayBefore,
            "next-day" => D::NextDay,
            "same-day" => D::SameDay,
            "same-week" => D::SameWeek,
            "same-month" => D::SameMonth,
            "same-year" => D::SameYear,
            "next-month" => D::NextMonth,
            "next-year" => D::NextYear,
            "previous-month" => D::PreviousMonth,
            "previous-year" => D::PreviousYear,
            "last-month" => D::LastMonth,
            "last-year" => D::LastYear,
            "this-month" => D::ThisMonth,
            "this-year" => D::ThisYear,
            "past" => D::Past,
            "coming" => D::Coming,
            "later" => D::Later,
            "earlier" => D::Earlier,
            "afterwards" => D::Afterwards,
            "of" => D::Of,
            "of-that" => D::OfThat,
            "beforehand" => D::Beforehand,
            "early" => D::Early,
            "mid" => D::Mid,
            "late" => D::Late,
            "by" => D::By,
            "after" => D::After,
            "since" => D::Since,
            "until" => D::Until,
            "from" => D::From,
            "to" => D::To,
            _ => return None,
        })
    }
}

/// A unit of time in "four days later".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// What a phrase of the lexicon means.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Meaning {
    Month(u8),
    Weekday(u8),
    Number(u32),
    Unit(Unit),
    /// Two of a unit (the Arabic dual: يومين).
    Dual(Unit),
    Date(DateWord),
    Between,
    And,
    With,
    Against,
    Agent,
    /// An agent that sponsors ("برعاية X"): who does an attack so, but no side of a truce or
    /// talks it sponsors.
    Sponsor,
    /// A call for something ("دعا إلى", "called for", "appelé à"): a relation trigger right
    /// after it in its clause is asked for, not stated ("a call for talks is no talks held").
    Appeal,
    /// The side something is taken from ("استعادت X مدينة Y من Z", "retook Y from Z", "a
    /// repris Y à Z"): after a control verb's place, Z held the place until then.
    From,
    /// The side a place is lost to ("lost Y to Z", "a perdu Y au profit de Z", "خسرت Y
    /// لصالح Z"): after the place a verb of losing governs, Z holds it from then.
    Winner,
    /// A noun of a kind of place before its name, in a chain of constructs ("استعادة مدينة
    /// X": the retaking of the city of X): the name is the genitive of the noun before.
    Place,
    /// A determiner ("le", "les", "the"): the word right after it is a noun, never a verb
    /// ("le combat" is the fight, "qui combat" the verb).
    Determiner,
    /// An auxiliary of a compound tense ("a", "ont", "avait", "has", "had"): the word right
    /// after it is a verb, never a noun ("a attaqué" is the verb, though its key is the
    /// noun "attaque"'s).
    Auxiliary,
    /// The mark of an infinitive ("to"): a verb form that is also the infinitive
    /// ([`Trigger::finite`]) right after it states no act ("threatened to kill").
    Infinitive,
    Passive,
    Relative,
    Locative,
    /// Where something is fired or thrown ("على", "نحو", "at", "into", "sur"): after a noun
    /// of armed means, the target of a verb of launching ([`Trigger::fires`]).
    Toward,
    /// A locative of "in" (في, "in", "dans", "à"): a locative, and where an attack whose
    /// object is unnamed struck ("قصفت X أهدافا في مدينة Y", "attacked a police station in
    /// Y": Y was struck).
    Within,
    Partitive,
    Negation,
    /// The verb of "still" after its negation ("لا يزال", "ما زال", "n'a cessé de", "never
    /// stopped"): the negation right before it says that something goes on, so it negates
    /// no trigger ("لا يزال التنظيم يسيطر على X": the group still controls X).
    Still,
    Denial,
    Reported,
    /// A death announced ("أعلن مقتل X", announced X's death): the noun of killing in it names
    /// no attack by the announcer, and no attack at all.
    AnnouncedDeath,
    /// An accusation ("accused X of", "accusant X de", "اتهم X بـ"): the act X is accused of,
    /// a trigger after it in its sentence, is alleged, even across quotation marks.
    Accusation,
    /// A noun of death before its victim ("مقتل X", "the killing of X", "la mort de X"): the
    /// name after it is who died, no subject of a verb after it in its clause ("مقتل X في
    /// غارة استهدفت Y": X targeted nothing).
    Victim,
    /// The end of something ("انتهاء", "the end of", "la fin de") or its suspension
    /// ("تعليق", "suspended", "a suspendu"): the trigger right after it (at most two words
    /// between) ended on the date the sentence gives, not began.
    EndOf,
    /// Who facilitates or mediates talks or a truce ("faciliter des pourparlers entre X et
    /// Y", "mediated talks", "بوساطة"): a symmetric trigger it governs has for sides only the
    /// two after "between"; the facilitator is no party.
    Facilitator,
    Trigger(Trigger),
    /// A quantity or the members of a group before its name ("نصف مقاتلي X", "members of
    /// X"): the group may stand for the subject right after an Arabic verb.
    Quantity,
    /// A definite common noun that names an actor already named ("الحركة", "the group"),
    /// with the kinds of entity it may stand for.
    Anaphor(Vec<EntityKind>),
    /// A subject pronoun ("it", "they", "ils") standing for an actor already named, with the
    /// kinds it may stand for: read only right before a trigger verb.
    Pronoun(Vec<EntityKind>),
    /// A possessive determiner ("its", "their", "son", "leur") standing for an actor already
    /// named, with the kinds it may stand for: read only right before a title ("its
    /// spokesman, X", "son porte-parole X"), as a pronoun is.
    Possessive(Vec<EntityKind>),
    /// A mark of the pluperfect (كان … قد, "had"): the clause tells background, before the
    /// dates around it.
    Background,
    /// A mark of the future ("will", "va", "سوف", "المقرر"): a day and month without a year
    /// in its sentence may lie after the publication date.
    Future,
    /// The conjunction that opens reported content (قال إن, أكد أن, "said that"): what
    /// follows keeps its own time, not the narrative's.
    Complement,
    /// A word a clause may open with before a verb whose subject is the one before
    /// (ثم, كما, "then", "puis").
    Continues,
    /// A word for a region before a town's name (منطقة كيدال, "the regions of"): the town
    /// stands for its region.
    Region,
    /// A word that continues a list after a comma (بالإضافة إلى, إلى جانب, "as well as",
    /// "ainsi que"): the item after it shares the role of the items before.
    Also,
    /// "Any", "tout", "أي" between a denial and a trigger: the denial refuses what the
    /// trigger names ("a rejeté toute négociation"), a negation, not a claim disputed.
    Totality,
    /// A word before a title that makes it another office (نائب, "vice", "deputy", "former",
    /// "ancien"): "First Vice President X" does not lead the state.
    Deputy,
    /// "Alongside" (إلى جانب, "aux côtés de"): after a verb of fighting, the side named after
    /// it is an ally of the subject, not its enemy ("fought alongside X").
    Alongside,
    /// A preposition with the pronoun that takes up a relative clause's antecedent (عليها,
    /// عنه: "التي تسيطر عليها X", which X controls): the antecedent is the verb's object.
    Resumptive,
    /// People moved out of a place who are not the actor's own ("civilians", "foreigners",
    /// "المدنيين"): between a verb of leaving and the place, the actor did not leave it
    /// ("evacuated foreigners from Kigali").
    Evacuee,
    /// A site within a place (مطار, "airport", "aéroport"): the place named with it ("مطار
    /// الخرطوم", "the airport of Khartoum", "Khartoum airport") is where the site is, not what
    /// a verb's object is.
    Site,
    /// Two sides named together before ("الطرفان", "the two sides", "les deux camps"): the
    /// two ends of the last symmetric relation proposed, or the last pair named together.
    Pair,
    /// The country ("البلاد", "the country", "le pays"): the state the text's places lie in,
    /// or the only state the text has named.
    Country,
    /// A demonstrative before a definite noun ("هذه الجماعة"): the noun is an anaphor, the
    /// demonstrative part of its mention.
    Demonstrative,
    /// An Arabic preposition carrying the feminine singular pronoun ("منها", "عليها"): the
    /// one town named before it, when a place is what the verb or noun governs.
    Suffix,
    /// An Arabic noun of a side's forces or means carrying the side's possessive pronoun
    /// ("قواته", its forces; "جنودها", its soldiers; "طائراته", its aircraft): the side the
    /// pronoun stands for, as an actor.
    Held,
    /// A claim of responsibility ("تبنت", "تبنته", "a revendiqué", "revendiquée par",
    /// "claimed responsibility for", "claimed by"): the actor that claims an attack told
    /// beside it is its agent, and a territorial claim's verb before an attack noun claims
    /// the attack, not a territory.
    Responsibility,
    /// A military or police rank ("Colonel", "le général", "العقيد"): before a person's name
    /// it is no title of a group, and a title's person may stand after it ("army spokesman
    /// Major X").
    Rank,
    /// A noun of armed means (aircraft, artillery, drones, missiles, soldiers: طائرات,
    /// "avions", "warplanes"): with a state's adjective beside it ("طائرات حربية إسرائيلية",
    /// "des avions russes", "Turkish jets") it names the state's armed force as an actor.
    Means,
    /// The head word of an actor's name the graph does not know, with the kind it suggests.
    Head(EntityKind),
    Stop,
}

/// A relation trigger: which kind, how it stands, and its flags.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Trigger {
    pub kind: RelationKind,
    pub pos: Pos,
    /// The date ends the relation (withdrew, lost).
    pub ends: bool,
    /// A word the sentence must also hold after the trigger.
    pub with: Option<Word>,
    /// A noun whose other side follows it directly (حدود Y), even for a symmetric kind.
    pub of: bool,
    /// An apposition: the source stands right before the trigger (at most one word and a
    /// comma between: "غاو في مالي", "X، أحد فصائل Y", "Bamako, the capital of Mali"), the
    /// target right after it.
    pub near: bool,
    /// A verb of expelling ("طرد X من Y", "expelled X from Y", "chassé X de Y"): what loses
    /// the place is the object before it when one is named, else the subject ("X was
    /// expelled from Y").
    pub expel: bool,
    /// The whole as subject ("تضم X Y", "regroupe Y", "comprises Y"): each object is a part
    /// of the subject (the relation reads from the object to the subject).
    pub whole: bool,
    /// Two sides as objects ("oppose X à Y", "pits X against Y"): the first object and the
    /// one after the next preposition are the two sides; the subject is none of them.
    pub pits: bool,
    /// A noun that is the relation only without the article: written with it, one word
    /// names an actor ("التحالف", the coalition; "تحالف بين X وY" is an alliance).
    pub indefinite: bool,
    /// A masdar whose genitive is its object, not its agent ("محاربة Y", fighting Y;
    /// "استعادة Y", retaking Y): with ل of purpose, the clause's subject does it to Y.
    pub object: bool,
    /// A noun whose genitive is its agent ("هجوم X", X's attack; not "مقتل X", X's death):
    /// with no object after "on"/"against", the genitive is no target of the name before
    /// ("انهار الجيش أمام هجوم X": X attacked, the army did not attack X).
    pub agent: bool,
    /// A verb of launching that states an attack only with a noun of armed means for object
    /// ("أطلقت X صواريخ على Y", "fired rockets at Y", "a tiré des roquettes sur Y"): the
    /// means follows the verb (or its subject) within four words, then a word of direction
    /// ([`Meaning::Toward`]), then the target.
    pub fires: bool,
    /// An Arabic title carrying its holder's possessive pronoun ("زعيمها X", its leader X;
    /// "المتحدث باسمه X", its spokesman X): the holder is the actor the pronoun stands for.
    pub owned: bool,
    /// An English verb form that is also the infinitive ("control", "hold", "kill"): it
    /// states an act only when no infinitive's mark ([`Meaning::Infinitive`], "to") stands
    /// right before it ("the rebels who control Kidal", not "threatened to kill",
    /// "vowed to retake").
    pub finite: bool,
    /// The title of a head of state or government ("president", "رئيس الوزراء"): a state's
    /// adjective right after it (right before it in English: "Georgian President X") names
    /// the state the person after it leads ("الرئيس الجورجي X", "le président ukrainien X").
    pub state: bool,
    /// The trigger as written in the lexicon, for `rule`.
    pub label: String,
}

/// A phrase of the lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub words: Vec<Word>,
    pub meaning: Meaning,
    /// The first word is written with the Arabic article (المدعومة: a participle, no verb
    /// form), so it takes no verb inflection.
    pub definite: bool,
}

/// A language's lexicon, indexed by the first word of each phrase.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Phrases by their first word's whole key.
    whole: HashMap<String, Vec<usize>>,
    /// Phrases whose first word is a prefix, by that prefix.
    prefix: HashMap<String, Vec<usize>>,
    /// The longest prefix, in characters.
    longest_prefix: usize,
    phrases: Vec<Phrase>,
    /// How verbs change with person and number (the `inflection` lines).
    inflection: Inflection,
    /// The adjectives of states no regular ending derives from their names (the `demonym`
    /// lines: "French", "allemande", "أمريكي"): a state's name key, its adjectives' keys.
    demonyms: Vec<(String, Vec<String>)>,
    /// The capitals of states (the `capital` lines: "Moscow", "Moscou", "موسكو"): a state's
    /// name key, its capital's name keys.
    capitals: Vec<(String, Vec<String>)>,
}

/// How a language's verbs change with person and number, read from the lexicon's
/// `inflection` lines: a verb trigger listed in one person is read in every other one, so the
/// lexicon lists a verb once per tense, not once per person (`يسيطر` also reads يسيطرون,
/// تسيطران, يسيطروا; `سيطر` also reads سيطروا, سيطرتا).
#[derive(Debug, Clone, Default)]
struct Inflection {
    /// Person prefixes of the imperfect that stand for one another (ي, ت: يسيطر, تسيطر).
    persons: Vec<String>,
    /// Endings of the imperfect's persons (ون, ان, ن), read only on a form that starts with
    /// a person prefix: a noun's plural (مسلحون) does not start with one.
    imperfect: Vec<String>,
    /// Endings of any verb form (وا, ا, تا, ت), each with the fewest letters the form keeps
    /// without it: "ا" after three letters is also the accusative of a masdar (قصفا, دعما).
    endings: Vec<(String, usize)>,
}

impl Inflection {
    /// The other forms a word's key may be an inflection of: its key without one ending, and
    /// either of these with another person prefix. Empty when the lexicon has no
    /// `inflection` lines.
    fn bases(&self, key: &str) -> Vec<String> {
        let person = |w: &str| {
            self.persons
                .iter()
                .find(|p| w.starts_with(p.as_str()))
                .cloned()
        };
        let mut stems = vec![key.to_owned()];
        for ending in &self.imperfect {
            if let Some(stem) = key.strip_suffix(ending.as_str())
                && person(stem).is_some()
                && stem.chars().count() >= 3
            {
                stems.push(stem.to_owned());
            }
        }
        for (ending, least) in &self.endings {
            if let Some(stem) = key.strip_suffix(ending.as_str())
                && stem.chars().count() >= *least
            {
                stems.push(stem.to_owned());
            }
        }
        let mut out = Vec::new();
        for stem in stems {
            if let Some(p) = person(&stem) {
                for other in self.persons.iter().filter(|o| **o != p) {
                    out.push(format!("{other}{}", &stem[p.len()..]));
                }
            }
            if stem != key {
                out.push(stem);
            }
        }
        out
    }

    fn add(&mut self, args: &[&str], forms: Vec<String>) -> Result<(), String> {
        match args {
            ["person"] => self.persons.extend(forms),
            ["imperfect"] => self.imperfect.extend(forms),
            ["ending"] => self.endings.extend(forms.into_iter().map(|f| (f, 2))),
            ["ending", least] => {
                let least = least
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=10).contains(n))
                    .ok_or("inflection ending needs a number of letters from 1 to 10")?;
                self.endings
                    .extend(forms.into_iter().map(|f| (f, least)));
            }
            _ => return Err("expected `inflection person`, `inflection imperfect` or `inflection ending [LETTERS]`".into()),
        }
        Ok(())
    }
}

/// A line of a lexicon that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("lexicon line {line}: {message}")]
pub struct LexiconError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Lexicon {
    /// Reads a lexicon file's text, reporting the first line it cannot read.
    ///
    /// ```
    /// use actorgraph::extract::Lexicon;
    /// let lexicon = Lexicon::parse("month 6: juin\ntrigger conflict noun: combats").unwrap();
    /// assert!(Lexicon::parse("month 13: x").is_err());
    /// # let _ = lexicon;
    /// ```
    pub fn parse(text: &str) -> Result<Lexicon, LexiconError> {
        let mut lexicon = Lexicon::default();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            let fail = |message: String| LexiconError {
                line: i + 1,
                message,
            };
            let (head, body) = line
                .split_once(':')
                .ok_or_else(|| fail("expected `CATEGORY [ARGS]: phrase | phrase`".into()))?;
            if let Some(args) = head.trim().strip_prefix("inflection") {
                let args: Vec<&str> = args.split_whitespace().collect();
                let forms = body.split('|').map(key).filter(|k| !k.is_empty()).collect();
                lexicon.inflection.add(&args, forms).map_err(fail)?;
                continue;
            }
            let named = |prefix: &str| head.trim().strip_prefix(prefix);
            if let Some((names, table)) = named("demonym ")
                .map(|n| (n, &mut lexicon.demonyms))
                .or_else(|| named("capital ").map(|n| (n, &mut lexicon.capitals)))
            {
                let forms: Vec<String> =
                    body.split('|').map(key).filter(|k| !k.is_empty()).collect();
                for name in names.split('/').map(key).filter(|k| !k.is_empty()) {
                    table.push((name, forms.clone()));
                }
                continue;
            }
            let meaning = meaning(head.trim()).map_err(fail)?;
            for phrase in body.split('|') {
                let words: Vec<Word> = phrase.split_whitespace().flat_map(words_of).collect();
                if words.is_empty() {
                    continue;
                }
                let definite = phrase
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| normalize(w).starts_with("ال"));
                lexicon.add(Phrase {
                    words,
                    meaning: meaning.clone(),
                    definite,
                });
            }
        }
        Ok(lexicon)
    }

    /// The adjectives of the `demonym` lines: the key of a state's name, the keys of its
    /// adjectives ("france" → "french"). Which entity the name is, the graph says.
    pub(crate) fn demonyms(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.demonyms
            .iter()
            .map(|(n, a)| (n.as_str(), a.as_slice()))
    }

    /// The capitals of the `capital` lines: the key of a state's name, the keys of its
    /// capital's names ("russia" → "moscow"). Which entities they are, the graph says.
    pub(crate) fn capitals(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.capitals
            .iter()
            .map(|(n, a)| (n.as_str(), a.as_slice()))
    }

    fn add(&mut self, phrase: Phrase) {
        let slot = self.phrases.len();
        match &phrase.words[0] {
            Word::Whole(w) => self.whole.entry(w.clone()).or_default().push(slot),
            Word::Prefix(p) => {
                self.longest_prefix = self.longest_prefix.max(p.chars().count());
                self.prefix.entry(p.clone()).or_default().push(slot);
            }
        }
        self.phrases.push(phrase);
    }

    /// Every phrase whose words match the keys `keys[0..]` (each token's key and its form
    /// without a one-letter clitic, for the first word only), with the number of tokens each
    /// covers; longest first.
    pub(crate) fn matches<'a>(&'a self, first: &[&str], rest: &[&str]) -> Vec<(usize, &'a Phrase)> {
        let mut out: Vec<(usize, &Phrase)> = Vec::new();
        let consider = |slot: usize, out: &mut Vec<(usize, &'a Phrase)>| {
            let phrase = &self.phrases[slot];
            let n = phrase.words.len();
            if n - 1 <= rest.len()
                && phrase.words[1..]
                    .iter()
                    .zip(rest)
                    .all(|(w, k)| w.matches(k))
                && !out.iter().any(|(_, p)| std::ptr::eq(*p, phrase))
            {
                out.push((n, phrase));
            }
        };
        for k in first {
            for &slot in self.whole.get(*k).into_iter().flatten() {
                consider(slot, &mut out);
            }
            if !self.prefix.is_empty() {
                for (end, _) in k.char_indices().skip(1) {
                    for &slot in self.prefix.get(&k[..end]).into_iter().flatten() {
                        consider(slot, &mut out);
                    }
                }
                for &slot in self.prefix.get(*k).into_iter().flatten() {
                    consider(slot, &mut out);
                }
            }
        }
        // A word no phrase lists as written may be a verb trigger in another person or
        // number (يسيطرون for يسيطر): a listed form always wins.
        if out.is_empty() {
            for k in first {
                for base in self.inflection.bases(k) {
                    for &slot in self.whole.get(&base).into_iter().flatten() {
                        let phrase = &self.phrases[slot];
                        if !phrase.definite
                            && matches!(
                                &phrase.meaning,
                                Meaning::Trigger(Trigger { pos: Pos::Verb, .. })
                            )
                        {
                            consider(slot, &mut out);
                        }
                    }
                }
            }
        }
        out.sort_by_key(|m| std::cmp::Reverse(m.0));
        out
    }
}

/// The phrases of a lexicon that match at each token of a text, longest first: computed once
/// per text, read by the date scanner, the mention finder and the rules alike.
pub(crate) type Matches<'a> = Vec<Vec<(usize, &'a Phrase)>>;

impl Lexicon {
    /// The phrases matching at each token of `tokens` (a phrase spans at most six words).
    pub(crate) fn at_each<'a>(&'a self, tokens: &[super::tokens::Token]) -> Matches<'a> {
        use super::tokens::Kind;
        (0..tokens.len())
            .map(|i| {
                if tokens[i].kind != Kind::Word {
                    return Vec::new();
                }
                let rest: Vec<&str> = tokens[i + 1..tokens.len().min(i + 6)]
                    .iter()
                    .take_while(|t| t.kind == Kind::Word)
                    .map(|t| t.key.as_str())
                    .collect();
                self.matches(&tokens[i].keys(), &rest)
            })
            .collect()
    }
}

/// The matching words of one whitespace-separated word of a phrase: its [`key`] may hold
/// several (an apostrophe or hyphen separates words), and a final `*` makes the last a prefix.
fn words_of(word: &str) -> Vec<Word> {
    let (body, prefix) = match word.strip_suffix('*') {
        Some(body) => (body, true),
        None => (word, false),
    };
    let k = key(body);
    let mut parts: Vec<Word> = k
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| Word::Whole(w.to_owned()))
        .collect();
    if prefix && let Some(Word::Whole(last)) = parts.pop() {
        parts.push(Word::Prefix(last));
    }
    parts
}

fn meaning(head: &str) -> Result<Meaning, String> {
    let mut parts = head.split_whitespace();
    let category = parts.next().unwrap_or_default();
    let args: Vec<&str> = parts.collect();
    if let Some(marker) = marker(category) {
        return Ok(marker);
    }
    Ok(match category {
        "month" => Meaning::Month(number(category, &args, 12)? as u8),
        "weekday" => Meaning::Weekday(number(category, &args, 7)? as u8),
        "number" => Meaning::Number(number(category, &args, 1000)?),
        "unit" => Meaning::Unit(unit(category, &args)?),
        "dual" => Meaning::Dual(unit(category, &args)?),
        "date" => Meaning::Date(
            args.first()
                .and_then(|a| DateWord::parse(a))
                .ok_or_else(|| format!("unknown date word {:?}", args.first()))?,
        ),
        "anaphor" => Meaning::Anaphor(entity_kinds(category, &args)?),
        "pronoun" => Meaning::Pronoun(entity_kinds(category, &args)?),
        "possessive" => Meaning::Possessive(entity_kinds(category, &args)?),
        "entity" => {
            let kind = args.first().ok_or("entity needs a kind")?;
            Meaning::Head(entity_kind(kind)?)
        }
        "trigger" => Meaning::Trigger(trigger(&args)?),
        other => return Err(format!("unknown category {other:?}")),
    })
}

/// The categories that take no argument: words that mark a structure.
fn marker(category: &str) -> Option<Meaning> {
    Some(match category {
        "between" => Meaning::Between,
        "and" => Meaning::And,
        "with" => Meaning::With,
        "against" => Meaning::Against,
        "agent" => Meaning::Agent,
        "sponsor" => Meaning::Sponsor,
        "appeal" => Meaning::Appeal,
        "from" => Meaning::From,
        "winner" => Meaning::Winner,
        "place" => Meaning::Place,
        "determiner" => Meaning::Determiner,
        "auxiliary" => Meaning::Auxiliary,
        "infinitive" => Meaning::Infinitive,
        "passive" => Meaning::Passive,
        "relative" => Meaning::Relative,
        "locative" => Meaning::Locative,
        "within" => Meaning::Within,
        "toward" => Meaning::Toward,
        "partitive" => Meaning::Partitive,
        "negation" => Meaning::Negation,
        "still" => Meaning::Still,
        "denial" => Meaning::Denial,
        "reported" => Meaning::Reported,
        "accusation" => Meaning::Accusation,
        "announced-death" => Meaning::AnnouncedDeath,
        "victim" => Meaning::Victim,
        "end-of" => Meaning::EndOf,
        "facilitator" => Meaning::Facilitator,
        "stop" => Meaning::Stop,
        "region" => Meaning::Region,
        "quantity" => Meaning::Quantity,
        "continues" => Meaning::Continues,
        "background" => Meaning::Background,
        "future" => Meaning::Future,
        "complement" => Meaning::Complement,
        "site" => Meaning::Site,
        "means" => Meaning::Means,
        "rank" => Meaning::Rank,
        "responsibility" => Meaning::Responsibility,
        "also" => Meaning::Also,
        "deputy" => Meaning::Deputy,
        "totality" => Meaning::Totality,
        "alongside" => Meaning::Alongside,
        "resumptive" => Meaning::Resumptive,
        "evacuee" => Meaning::Evacuee,
        "pair" => Meaning::Pair,
        "country" => Meaning::Country,
        "demonstrative" => Meaning::Demonstrative,
        "suffix" => Meaning::Suffix,
        "held" => Meaning::Held,
        _ => return None,
    })
}

/// The number from 1 to `max` a category's first argument gives.
fn number(category: &str, args: &[&str], max: u32) -> Result<u32, String> {
    args.first()
        .and_then(|a| a.parse::<u32>().ok())
        .filter(|n| (1..=max).contains(n))
        .ok_or_else(|| format!("{category} needs a number from 1 to {max}"))
}

/// The unit of time a category's first argument names.
fn unit(category: &str, args: &[&str]) -> Result<Unit, String> {
    match args.first().copied() {
        Some("day") => Ok(Unit::Day),
        Some("week") => Ok(Unit::Week),
        Some("month") => Ok(Unit::Month),
        Some("year") => Ok(Unit::Year),
        _ => Err(format!("{category} needs day, week, month or year")),
    }
}

fn entity_kind(kind: &str) -> Result<EntityKind, String> {
    serde_json::from_value(serde_json::Value::String(kind.to_owned()))
        .map_err(|_| format!("unknown entity kind {kind:?}"))
}

/// The entity kinds, separated by commas, a category's first argument lists.
fn entity_kinds(category: &str, args: &[&str]) -> Result<Vec<EntityKind>, String> {
    args.first()
        .ok_or_else(|| format!("{category} needs entity kinds"))?
        .split(',')
        .map(entity_kind)
        .collect()
}

/// A trigger's arguments: its relation kind, its part of speech, then its flags.
fn trigger(args: &[&str]) -> Result<Trigger, String> {
    let kind: RelationKind = args
        .first()
        .ok_or("trigger needs a relation kind")?
        .parse()
        .map_err(|e: crate::model::UnknownKind| e.to_string())?;
    let pos = match args.get(1).copied() {
        Some("verb") => Pos::Verb,
        Some("noun") => Pos::Noun,
        Some("title") => Pos::Title,
        Some("by") => Pos::By,
        Some("including") => Pos::Including,
        other => return Err(format!("unknown part of speech {other:?}")),
    };
    let mut trigger = Trigger {
        kind,
        pos,
        ends: false,
        with: None,
        of: false,
        near: false,
        expel: false,
        whole: false,
        pits: false,
        indefinite: false,
        object: false,
        agent: false,
        state: false,
        fires: false,
        owned: false,
        finite: false,
        label: format!("{} {}", kind.as_str(), args[1]),
    };
    for flag in &args[2..] {
        if *flag == "end" {
            trigger.ends = true;
            trigger.label.push_str(" end");
        } else if *flag == "of" {
            trigger.of = true;
        } else if *flag == "near" {
            trigger.near = true;
        } else if *flag == "expel" {
            trigger.expel = true;
        } else if *flag == "whole" {
            trigger.whole = true;
        } else if *flag == "pits" {
            trigger.pits = true;
        } else if *flag == "indefinite" {
            trigger.indefinite = true;
        } else if *flag == "object" {
            trigger.object = true;
        } else if *flag == "agent" {
            trigger.agent = true;
        } else if *flag == "state" {
            trigger.state = true;
        } else if *flag == "fires" {
            trigger.fires = true;
        } else if *flag == "owned" {
            trigger.owned = true;
        } else if *flag == "finite" {
            trigger.finite = true;
        } else if let Some(word) = flag.strip_prefix("with=") {
            trigger.with = words_of(word).pop();
        } else {
            return Err(format!("unknown trigger flag {flag:?}"));
        }
    }
    Ok(trigger)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_parse() {
        for lang in [Lang::Ar, Lang::Fr, Lang::En] {
            let lexicon = Lexicon::parse(lang.builtin_lexicon()).unwrap();
            assert!(lexicon.phrases.len() > 100, "{lang:?}");
        }
    }

    #[test]
    fn phrases_match_by_key_and_prefix() {
        let lexicon =
            Lexicon::parse("trigger conflict verb: اشتبك*\nmonth 1: كانون الثاني").unwrap();
        let found = lexicon.matches(&["اشتبكت"], &[]);
        assert_eq!(found.len(), 1);
        let found = lexicon.matches(&["كانون"], &["ثاني"]);
        assert!(matches!(found[0].1.meaning, Meaning::Month(1)));
        assert!(lexicon.matches(&["كانون"], &[]).is_empty());
    }

    #[test]
    fn a_verb_is_read_in_every_person_and_number() {
        let lexicon = Lexicon::parse(
            "inflection person: ي | ت\ninflection imperfect: ون | ان | ن\n\
             inflection ending: وا | تا | ت\ninflection ending 4: ا\n\
             trigger control verb: يسيطر | سيطر\ntrigger support verb: دعم | المدعوم\n\
             trigger support noun: دعما\ntrigger attack verb: قصف\nentity armed_group: مسلح",
        )
        .unwrap();
        let verb = |word: &str| {
            lexicon
                .matches(&[word], &[])
                .iter()
                .any(|(_, p)| matches!(&p.meaning, Meaning::Trigger(t) if t.pos == Pos::Verb))
        };
        for form in [
            "يسيطر",
            "تسيطر",
            "يسيطرون",
            "تسيطرون",
            "يسيطرن",
            "تسيطرن",
            "يسيطران",
            "تسيطران",
            "يسيطروا",
            "يسيطرا",
            "سيطروا",
            "سيطرا",
            "سيطرت",
            "سيطرتا",
            "دعموا",
            "دعمت",
            "دعمتا",
        ] {
            assert!(verb(form), "{form}");
        }
        // A listed noun wins (دعما); ا after three letters is a masdar's accusative; a
        // participle listed with the article takes no inflection (مدعوما); the imperfect's
        // endings need a person prefix (مسلحون, سيطرون).
        for noun in ["دعما", "قصفا", "مدعوما", "مسلحون", "سيطرون", "سيطره"]
        {
            assert!(!verb(noun), "{noun}");
        }
        // Without `inflection` lines, only the forms listed.
        let plain = Lexicon::parse("trigger control verb: يسيطر").unwrap();
        assert!(plain.matches(&["يسيطرون"], &[]).is_empty());
        assert!(Lexicon::parse("inflection ending 0: ا").is_err());
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let err = Lexicon::parse("# c\nmonth 1: x\ntrigger nothing verb: y").unwrap_err();
        assert_eq!(err.line, 3);
    }
}
