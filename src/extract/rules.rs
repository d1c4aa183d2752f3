//! The rules that attach a trigger to the actors its sentence names.
//!
//! | rule | reads | example |
//! |---|---|---|
//! | `between` | a symmetric trigger next to "بين X و Y" / "between X and Y" / "كل من X و Y" | معارك بين X و Y |
//! | `passive` | a passive auxiliary before the trigger and its agent after "من قبل" / "by" / "par", in the trigger's clause | تم إخلاء Y من قبل X |
//! | `title` | a person's title before a group, the person next to it | الأمين العام لـX Y |
//! | `by` | "led by": the group before, its leader after | X بقيادة Y |
//! | `verb-vso` | Arabic verb-subject-object: the subject right after the verb | استعادت X Y |
//! | `verb-svo` | subject before the verb, object after it | X seized Y |
//! | `coordination` | a symmetric verb after "X و Y" / "X and Y" | X and Y clashed |
//! | `noun` | one side before the noun (or right after it), the other after مع/على/ضد/with/against | شنت X هجوما على Y |
//!
//! A trigger a call asks for ("called for talks") is read by no rule; a name inside a
//! relative clause is no source of a noun in or after it (its antecedent is); a "with" or
//! "against" word right after another trigger in a phrase of place ("في الحرب على",
//! "in the war against") marks that trigger's object, not the verb's before it.
//!
//! A candidate is proposed only when both ends are found and the relation kind accepts their
//! entity kinds; a sentence a rule cannot read gives nothing rather than a guess.

mod structure;

use super::lexicon::{DateWord, Lang, Matches, Meaning, Pos, Trigger};
use super::mentions::{Beside, Mention};
use super::tokens::{Kind, Token};
use crate::model::RelationKind;

/// True for the kinds whose object may follow a locative preposition: the place held
/// ("towns in the Kidal region"), where an actor is present or hides, what it aims at or
/// threatens ("to found a state in Azawad").
fn locative_object(kind: RelationKind) -> bool {
    matches!(
        kind,
        RelationKind::Control
            | RelationKind::Presence
            | RelationKind::Hiding
            | RelationKind::Goal
            | RelationKind::Threat
    )
}

/// How far (in tokens) an actor may stand from its trigger.
const WINDOW: usize = 15;

/// The markers of one sentence, by token index.
#[derive(Debug, Default)]
pub(crate) struct Markers {
    pub negation: Vec<usize>,
    /// Where each verb of "still" stands ([`Meaning::Still`]).
    pub still: Vec<usize>,
    pub denial: bool,
    /// Where each denial that disputes stands (not a refusal: see [`markers`]).
    pub denials: Vec<usize>,
    pub reported: Vec<usize>,
    /// Where each determiner stands ("le", "the"; [`Meaning::Determiner`]).
    pub determiner: Vec<usize>,
    /// Where each auxiliary stands ("a", "avoir", "has"; [`Meaning::Auxiliary`]).
    pub auxiliary: Vec<usize>,
    /// Deaths announced ("أعلن مقتل"): first token, one past the last.
    pub announced_death: Vec<(usize, usize)>,
    /// Where each accusation stands ([`Meaning::Accusation`]).
    pub accusation: Vec<usize>,
    /// Where each noun of death before its victim ends ([`Meaning::Victim`]).
    pub victim: Vec<usize>,
    /// Where each word of "the end of" ends ([`Meaning::EndOf`]).
    pub end_of: Vec<usize>,
    /// Words of facilitating or mediating ([`Meaning::Facilitator`]): first token, one past
    /// the last.
    pub facilitator: Vec<(usize, usize)>,
    /// The dates of the sentence: first token, one past the last (set by the caller).
    pub dates: Vec<(usize, usize)>,
    pub relative: Vec<usize>,
    /// Locative markers: (first token, one past the last).
    pub locative: Vec<(usize, usize)>,
    /// The locatives of "in" among them ([`Meaning::Within`]).
    pub within: Vec<(usize, usize)>,
    /// Words of direction ([`Meaning::Toward`]): first token, one past the last.
    pub toward: Vec<(usize, usize)>,
    /// Nouns of armed means not part of a mention ([`Meaning::Means`]): first token, one
    /// past the last.
    pub means: Vec<(usize, usize)>,
    pub partitive: Vec<usize>,
    /// Quantities and member nouns before a name: (first token, one past the last).
    pub quantity: Vec<(usize, usize)>,
    /// Words that continue a clause with the subject before (ثم, كما).
    pub continues: Vec<usize>,
    /// Marks of the pluperfect (قد, "had").
    pub background: Vec<usize>,
    /// Conjunctions opening reported content (أن, "that").
    pub complement: Vec<usize>,
    /// Sites within a place (مطار, "airport"): first token, one past the last.
    pub site: Vec<(usize, usize)>,
    pub between: Vec<(usize, usize)>,
    pub and: Vec<usize>,
    /// Words that continue a list after a comma (بالإضافة إلى, "as well as", "ainsi que",
    /// and "with" right after a comma): first token, one past the last.
    pub also: Vec<(usize, usize)>,
    /// Where each word of another office before a title ends ([`Meaning::Deputy`]).
    pub deputy: Vec<usize>,
    /// Where each "alongside" starts (إلى جانب, "aux côtés de"; see [`Meaning::Alongside`]).
    pub alongside: Vec<usize>,
    /// "after" (بعد, "après"): what follows tells an earlier event of the same clause.
    pub after: Vec<usize>,
    /// A preposition with a pronoun taking up a relative clause's antecedent (عليها).
    pub resumptive: Vec<usize>,
    /// Where each noun of people moved out of a place stands (see [`Meaning::Evacuee`]).
    pub evacuee: Vec<usize>,
    pub with: Vec<(usize, usize)>,
    pub agent: Vec<(usize, usize)>,
    /// "from" after a control verb's place (see [`Meaning::From`]): first token, one past
    /// the last.
    pub from: Vec<(usize, usize)>,
    /// "to" after a lost place (see [`Meaning::Winner`]): first token, one past the last.
    pub winner: Vec<(usize, usize)>,
    /// Nouns of a kind of place before its name (مدينة, بلدة; see [`Meaning::Place`]).
    pub place: Vec<usize>,
    /// The agents of `agent` that sponsor (see [`Meaning::Sponsor`]).
    pub sponsor: Vec<(usize, usize)>,
    /// Where each call for something ends ("دعا إلى", "called for", "appelé à"; see
    /// [`Meaning::Appeal`]).
    pub appeal: Vec<usize>,
    pub passive: Vec<usize>,
    /// Ranks before a person's name ([`Meaning::Rank`]): first token, one past the last.
    pub rank: Vec<(usize, usize)>,
    /// Claims of responsibility ([`Meaning::Responsibility`]): first token, one past the last.
    pub responsibility: Vec<(usize, usize)>,
    /// Triggers: first token, one past the last, and the trigger.
    pub triggers: Vec<(usize, usize, Trigger)>,
}

/// "X a revendiqué l'attaque contre Y", "X claimed responsibility for the attack": a claim of
/// responsibility with an attack noun at most three tokens after it claims the attack; the
/// territorial claim its verb also spells ("revendique") is not read there, nor is "claimed"
/// reported speech.
fn claimed_attacks(m: &mut Markers) {
    let claims: Vec<(usize, usize)> = m
        .responsibility
        .iter()
        .copied()
        .filter(|&(_, end)| {
            m.triggers.iter().any(|(x, _, t)| {
                t.kind == RelationKind::Attack && t.pos == Pos::Noun && *x >= end && *x <= end + 3
            })
        })
        .collect();
    let overlaps = |x: usize, y: usize| claims.iter().any(|&(a, b)| x < b && a < y);
    m.triggers
        .retain(|(x, y, t)| t.kind != RelationKind::Claim || !overlaps(*x, *y));
    m.reported.retain(|&r| !overlaps(r, r + 1));
}

/// Reads the markers and triggers of the sentence `tokens[first..last]`, skipping the tokens
/// inside `mentions` (a name is never a trigger: لتحرير in the MNLA's name).
pub(crate) fn markers(
    lexicon: &Matches,
    tokens: &[Token],
    first: usize,
    last: usize,
    mentions: &[Mention],
) -> Markers {
    let mut m = Markers::default();
    let (mut denials, mut totality) = (Vec::new(), Vec::new());
    let mut inside = mentions.iter().peekable();
    let mut i = first;
    while i < last {
        while inside.peek().is_some_and(|x| x.last <= i) {
            inside.next();
        }
        if let Some(x) = inside.peek()
            && x.first <= i
        {
            i = x.last;
            continue;
        }
        if tokens[i].kind != Kind::Word {
            i += 1;
            continue;
        }
        let found: Vec<&(usize, &super::lexicon::Phrase)> =
            lexicon[i].iter().filter(|(n, _)| i + n <= last).collect();
        let mut advance = 1;
        for &&(n, phrase) in &found {
            let span = (i, i + n);
            match &phrase.meaning {
                // "بدعم من X" (with the support of X): a preposition written on the word
                // makes it a noun; the same letters as a verb are not read.
                Meaning::Trigger(t)
                    if t.pos == Pos::Verb && preposition_on(&tokens[i], &phrase.words[0]) => {}
                // "le combat", "the attacks": a word right after a determiner is a noun.
                Meaning::Trigger(t)
                    if t.pos == Pos::Verb
                        && i > first
                        && word_before(lexicon, i, &Meaning::Determiner) => {}
                // "des centaines de combattants du X": a member noun before its group's
                // name ("combattants du", a quantity) is no verb ("combatt*").
                Meaning::Trigger(t)
                    if t.pos == Pos::Verb
                        && found.iter().any(|(_, p)| p.meaning == Meaning::Quantity) => {}
                // "condemned attacks on civilians": a word right after a verb of the lexicon
                // (no "and" on it) is a noun.
                Meaning::Trigger(t)
                    if t.pos == Pos::Verb
                        && !tokens[i].conjunction
                        && m.triggers
                            .last()
                            .is_some_and(|(_, end, x)| *end == i && x.pos == Pos::Verb) => {}
                // "threatened to kill", "vowed to retake": an infinitive states no act.
                Meaning::Trigger(t)
                    if t.finite && i > first && word_before(lexicon, i, &Meaning::Infinitive) => {}
                // "a attaqué", "has attacked": a word right after an auxiliary is a verb.
                Meaning::Trigger(t)
                    if t.pos == Pos::Noun
                        && i > first
                        && word_before(lexicon, i, &Meaning::Auxiliary) => {}
                // "التحالف" alone is the coalition, an actor, not an alliance; "التحالف بين X
                // وY", "التحالف مع X" are alliances, an adjective (with the article, as its
                // noun) between them too: "التحالف المفترض بين".
                Meaning::Trigger(t)
                    if t.indefinite
                        && tokens[i].definite
                        && !sides_follow(lexicon, i + n)
                        && !(tokens.get(i + n).is_some_and(|t| t.definite)
                            && sides_follow(lexicon, i + n + 1)) => {}
                // "أعلن مقتل X": a death announced is no attack stated.
                Meaning::Trigger(_) if m.announced_death.iter().any(|&(x, y)| x < i && i < y) => {}
                // Several triggers of one span (a verb and a noun written alike) are all
                // kept; the first that reads is used.
                Meaning::Trigger(t)
                    if m.triggers
                        .last()
                        .is_none_or(|(start, end, _)| *end <= i || (*start, *end) == span) =>
                {
                    m.triggers.push((i, i + n, t.clone()));
                    advance = advance.max(n);
                }
                Meaning::Negation => m.negation.push(i),
                Meaning::Still => m.still.push(i),
                Meaning::Denial => denials.push(i),
                Meaning::Totality => totality.push(i),
                Meaning::Reported => m.reported.push(i),
                Meaning::Accusation => m.accusation.push(i),
                Meaning::Victim => m.victim.push(i + n),
                Meaning::EndOf => m.end_of.push(i + n),
                Meaning::Facilitator => m.facilitator.push(span),
                Meaning::AnnouncedDeath => m.announced_death.push(span),
                Meaning::Determiner => m.determiner.push(i),
                Meaning::Auxiliary => m.auxiliary.push(i),
                Meaning::Relative => m.relative.push(i),
                Meaning::Locative => m.locative.push(span),
                Meaning::Within => {
                    m.locative.push(span);
                    m.within.push(span);
                }
                Meaning::Toward => m.toward.push(span),
                Meaning::Means => m.means.push(span),
                Meaning::Partitive => m.partitive.push(i),
                Meaning::Quantity => {
                    m.quantity.push(span);
                    advance = advance.max(n);
                }
                Meaning::Continues => m.continues.push(i),
                Meaning::Background => m.background.push(i),
                Meaning::Complement => m.complement.push(i),
                Meaning::Site => m.site.push(span),
                Meaning::Between => m.between.push(span),
                Meaning::And => m.and.push(i),
                Meaning::With | Meaning::Against => {
                    m.with.push(span);
                    // "…، مع مالي", ", with Y": after a comma, "with" adds an item to a list.
                    if phrase.meaning == Meaning::With
                        && i > first
                        && tokens[i - 1].kind == Kind::Clause
                    {
                        m.also.push(span);
                    }
                }
                Meaning::Also => {
                    m.also.push(span);
                    advance = advance.max(n);
                }
                Meaning::Deputy => m.deputy.push(i + n),
                Meaning::Alongside => m.alongside.push(i),
                Meaning::Date(DateWord::Later | DateWord::After) => m.after.push(i),
                Meaning::Resumptive => m.resumptive.push(i),
                Meaning::Evacuee => m.evacuee.push(i),
                Meaning::Agent => m.agent.push(span),
                Meaning::From => m.from.push(span),
                Meaning::Winner => m.winner.push(span),
                Meaning::Place => m.place.push(i),
                Meaning::Sponsor => {
                    m.agent.push(span);
                    m.sponsor.push(span);
                }
                Meaning::Passive => m.passive.push(i),
                Meaning::Responsibility => m.responsibility.push(span),
                Meaning::Rank => {
                    m.rank.push(span);
                    advance = advance.max(n);
                }
                Meaning::Appeal => {
                    m.appeal.push(i + n);
                    advance = advance.max(n);
                }
                _ => {}
            }
        }
        i += advance;
    }
    // "a rejeté dimanche toute négociation", "denied holding any talks": a denial with
    // "any" right before a trigger (at most three words after the denial, a name's not
    // counted) refuses what the trigger names: a negation of it. Any other denial disputes
    // the sentence's claims.
    for d in denials {
        let refusal = totality.iter().any(|&t| {
            t > d
                && plain_words(tokens, mentions, d + 1, t) <= 3
                && m.triggers.iter().any(|&(x, _, _)| x == t + 1)
        });
        if refusal {
            m.negation.push(d);
        } else {
            m.denial = true;
            m.denials.push(d);
        }
    }
    claimed_attacks(&mut m);
    m.negation.sort_unstable();
    // A negation at most two words before a verb of "still" ("لا يزال", "n'a cessé de",
    // "did not stop") belongs to it: what follows goes on, it is not negated.
    let still = std::mem::take(&mut m.still);
    m.negation
        .retain(|&n| !still.iter().any(|&s| n < s && s - n <= 2));
    m.still = still;
    fight_alongside(&mut m, tokens, mentions);
    m
}

/// "fought alongside X", "combattent aux côtés du M23", "قاتلت X إلى جانب Y": a verb of
/// fighting followed in its clause by "alongside" names an ally after it, so it states an
/// alliance. Only the verb's subject (in Arabic, after the verb) and adverbs may stand between.
fn fight_alongside(m: &mut Markers, tokens: &[Token], mentions: &[Mention]) {
    for (_, b, trigger) in &mut m.triggers {
        if trigger.kind != RelationKind::Conflict || trigger.pos != Pos::Verb {
            continue;
        }
        let b = *b;
        let fits = |s: usize| {
            s >= b
                && s <= b + 6
                && tokens[b..s].iter().all(|t| t.kind == Kind::Word)
                && mentions
                    .iter()
                    .filter(|x| x.first >= b && x.last <= s)
                    .count()
                    <= 1
                && plain_words(tokens, mentions, b, s) <= 1
        };
        if m.alongside.iter().any(|&s| fits(s)) {
            trigger.kind = RelationKind::Alliance;
            trigger.label = "alliance verb alongside".to_owned();
        }
    }
}

/// How many words from token `from` to `to` are outside every name (punctuation not counted).
fn plain_words(tokens: &[Token], mentions: &[Mention], from: usize, to: usize) -> usize {
    (from..to)
        .filter(|&i| {
            tokens[i].kind == Kind::Word && !mentions.iter().any(|m| m.first <= i && i < m.last)
        })
        .count()
}

/// Whether a one-word phrase meaning `meaning` stands right before token `i`: a determiner
/// ("le", "the"), an auxiliary ("a", "ont", "has") or an infinitive's mark ("to").
fn word_before(lexicon: &Matches, i: usize, meaning: &Meaning) -> bool {
    lexicon[i - 1]
        .iter()
        .any(|&(n, p)| n == 1 && p.meaning == *meaning)
}

/// Whether "between" or "with" stands at `i`, naming a relation's sides after its noun.
fn sides_follow(lexicon: &Matches, i: usize) -> bool {
    lexicon.get(i).is_some_and(|found| {
        found
            .iter()
            .any(|(_, p)| matches!(p.meaning, Meaning::Between | Meaning::With))
    })
}

/// True when `token` matches the phrase word `first` only without an Arabic preposition
/// written on it (ب, ك, after و or ف too), or carries one before its article (بالتدخل):
/// "بدعم" is "with the support", never a verb, as no preposition is written on a verb.
fn preposition_on(token: &Token, first: &super::lexicon::Word) -> bool {
    if token.governed {
        return true;
    }
    if first.matches(&token.key) {
        return false;
    }
    let mut letters = token.key.chars();
    let (one, two) = (letters.next(), letters.next());
    let via = |bare: &Option<String>| bare.as_deref().is_some_and(|b| first.matches(b));
    (via(&token.bare) && matches!(one, Some('ب' | 'ك')))
        || (via(&token.bare2) && matches!(two, Some('ب' | 'ك')))
}

/// A reading of a trigger: source and target mention indexes, the rule, its confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Reading {
    pub source: usize,
    pub target: usize,
    pub rule: &'static str,
    pub confidence: f64,
}

/// A reading of `source` and `target` by `rule`.
fn read(source: usize, target: usize, rule: &'static str, confidence: f64) -> Reading {
    Reading {
        source,
        target,
        rule,
        confidence,
    }
}

/// The sentence a rule reads.
pub(crate) struct Sentence<'a> {
    pub lang: Lang,
    pub tokens: &'a [Token],
    pub first: usize,
    pub last: usize,
    pub mentions: &'a [Mention],
    pub markers: &'a Markers,
}

impl Sentence<'_> {
    /// The words between tokens `from` and `to` that are not part of a mention.
    fn gap(&self, from: usize, to: usize) -> usize {
        plain_words(self.tokens, self.mentions, from, to)
    }

    /// True when a comma, colon or bracket stands between tokens `from` and `to`.
    fn clause_between(&self, from: usize, to: usize) -> bool {
        self.tokens[from..to].iter().any(|t| t.kind != Kind::Word)
    }

    /// True when the trigger at `a` is negated: a negation at most three words before it,
    /// not counting the words of a name between them (لم تكن الحركة … تسيطر), nor a date and
    /// its marks ("رفض في أيار/مايو الماضي أي حوار", "refused in May any talks").
    pub(crate) fn negated(&self, a: usize) -> bool {
        self.markers.negation.iter().any(|&n| {
            n < a && {
                let marks = (n..a).any(|i| !self.dated(i) && self.tokens[i].kind != Kind::Word);
                self.undated_gap(n + 1, a) <= 3 && !marks
            }
        })
    }

    /// True when token `i` is part of a date expression.
    fn dated(&self, i: usize) -> bool {
        self.markers.dates.iter().any(|&(x, y)| x <= i && i < y)
    }

    /// The words between tokens `from` and `to` that are part of neither a mention nor a
    /// date.
    fn undated_gap(&self, from: usize, to: usize) -> usize {
        (from..to)
            .filter(|&i| {
                !self.dated(i)
                    && self.tokens[i].kind == Kind::Word
                    && !self.mentions.iter().any(|m| m.first <= i && i < m.last)
            })
            .count()
    }

    /// True when the trigger at token `a` is what a call asks for: a call ("دعا إلى",
    /// "called for", "appelé à") at most four words before it in its clause, the words of a
    /// name not counted ("called for talks between the warring parties", "urged the MNLA to
    /// negotiate"). What is asked for is not stated to have happened; what "after" tells
    /// between them is ("called for calm after X attacked Y").
    pub(crate) fn appealed(&self, a: usize) -> bool {
        self.markers.appeal.iter().any(|&e| {
            e <= a
                && self.gap(e, a) <= 4
                && !self.clause_between(e, a)
                && !self.markers.after.iter().any(|&x| x >= e && x < a)
        })
    }

    /// True when the trigger at `a..b` is reported speech: a reporting word at most twelve
    /// words before it, or after it in the same clause ("…, according to X") but not after
    /// an "after" that tells another event ("suspended the truce after X was accused of").
    /// What an accusation at most twelve words before it names is alleged too, across
    /// quotation marks ("accusant le Rwanda de mener « une guerre » contre la RDC").
    pub(crate) fn reported(&self, a: usize, b: usize) -> bool {
        self.markers.reported.iter().any(|&r| {
            let opens_sentence = self.gap(self.first, r) <= 2;
            (r < a && self.gap(r, a) <= 12 && (opens_sentence || !self.clause_between(r, a)))
                || (r >= b
                    && !self.clause_between(b, r)
                    && !self.markers.after.iter().any(|&x| x >= b && x < r))
        }) || self
            .markers
            .accusation
            .iter()
            .any(|&r| r < a && self.gap(r, a) <= 12)
    }

    /// The mentions after token `b`, in order, within the window.
    fn after(&self, b: usize) -> impl Iterator<Item = usize> + '_ {
        self.mentions
            .iter()
            .enumerate()
            .filter(move |(_, m)| m.first >= b && m.first < b + WINDOW)
            .map(|(i, _)| i)
    }

    /// The nearest mention ending at or before token `a`, within the window.
    fn before(&self, a: usize) -> Option<usize> {
        self.mentions
            .iter()
            .enumerate()
            .rev()
            .find(|(_, m)| m.last <= a && m.last + WINDOW > a)
            .map(|(i, _)| i)
    }

    /// True when mention `y` is joined to the mention before it by "and" (a word, or the
    /// clitic و on its first word).
    pub(crate) fn joined(&self, x: usize, y: usize) -> bool {
        let (mx, my) = (&self.mentions[x], &self.mentions[y]);
        if my.first < mx.last || my.first > mx.last + 2 {
            return false;
        }
        let clitic = self.tokens[my.first].conjunction;
        let word = self
            .markers
            .and
            .iter()
            .any(|&a| a >= mx.last && a < my.first);
        (clitic && my.first == mx.last) || word
    }

    /// True when mention `m` follows an agent marker or "led by": it is the agent of another
    /// phrase, not an object.
    fn introduced_by_agent(&self, m: usize) -> bool {
        let first = self.mentions[m].first;
        self.markers.agent.iter().any(|&(_, end)| end == first)
            || self
                .markers
                .triggers
                .iter()
                .any(|(_, end, t)| *end == first && t.pos == Pos::By)
    }

    /// The mentions after `m` joined to it in a list ("Y من الجنوب ، وZ من الغرب", "Y and
    /// Z"): each `alike` (of the first one's kind), carrying "and" (a word or the clitic و),
    /// at most five words after the one before.
    /// "took Gao, Timbuktu and Kidal": an item after a comma alone belongs to the list when
    /// a later one carries "and".
    pub(crate) fn listed_after(&self, m: usize, alike: impl Fn(usize) -> bool) -> Vec<usize> {
        let mut out = Vec::new();
        let mut closed = 0; // the items up to the last one that carried "and"
        let mut prev = m;
        for next in m + 1..self.mentions.len() {
            if !alike(next) {
                continue; // a name of another kind inside the list (a direction: والشمال)
            }
            let (p, n) = (&self.mentions[prev], &self.mentions[next]);
            if self.gap(p.last, n.first) > 5
                || self.tokens[p.last..n.first]
                    .iter()
                    .any(|t| t.kind == Kind::Stop)
            {
                break;
            }
            let and = self.tokens[n.first].conjunction
                || self.markers.and.iter().any(|&x| x >= p.last && x < n.first)
                || self.also_between(p.last, n.first);
            if (!and && !self.comma_linked(prev, next)) || self.verb_between(p.last, n.first) {
                break;
            }
            out.push(next);
            if and {
                closed = out.len();
            }
            prev = next;
        }
        out.truncate(closed);
        out
    }

    /// True when mention `y` follows mention `x` with only a comma between ("Chad, Sudan").
    fn comma_linked(&self, x: usize, y: usize) -> bool {
        let between = &self.tokens[self.mentions[x].last..self.mentions[y].first];
        between.len() == 1 && between[0].kind == Kind::Clause
    }

    /// The side that place `m`, the object of a control verb, was taken from: "استعادت X
    /// مدينة Y (بالكامل) من Z", "retook Y from Z", "a repris Y aux jihadistes de Z": the name
    /// right after "from", which follows the place with at most two words between (an adverb,
    /// an apposition's noun), in the same clause.
    pub(crate) fn taken_from(&self, m: usize) -> Option<usize> {
        self.side_after(m, &self.markers.from)
    }

    /// The side that place `m`, the object of a verb of losing, was lost to: "lost Y (the
    /// following year) to Z", "a perdu Y au profit de Z", "خسرت Y لصالح Z" (as
    /// [`Self::taken_from`], after a `winner` word), or the agent of a passive: "was driven
    /// out of Y by Z", "a été chassé de Y par Z", "طُرد من Y من قبل Z".
    pub(crate) fn lost_to(&self, m: usize) -> Option<usize> {
        self.side_after(m, &self.markers.winner)
            .or_else(|| self.side_after(m, &self.markers.agent))
    }

    /// The name right after one of `words` (first token, one past the last) that follows
    /// place `m` with at most two words between (a date's not counted: "lost Y the
    /// following year to Z"), in the same clause.
    fn side_after(&self, m: usize, words: &[(usize, usize)]) -> Option<usize> {
        let end = self.mentions[m].last;
        let &(_, word) = words.iter().find(|&&(x, _)| {
            x >= end && self.undated_gap(end, x) <= 2 && !self.clause_between(end, x)
        })?;
        self.right_after(word)
            .filter(|&z| z > m && !self.clause_between(word, self.mentions[z].first))
    }

    /// The mention that starts right after token `b` (at most one word between).
    pub(crate) fn right_after(&self, b: usize) -> Option<usize> {
        self.after(b).find(|&m| self.mentions[m].first <= b + 1)
    }

    /// Every reading of the trigger at tokens `a..b`, most confident first.
    pub(crate) fn readings(&self, a: usize, b: usize, trigger: &Trigger) -> Vec<Reading> {
        if !self.required(b, trigger) {
            return Vec::new();
        }
        let mut out = Vec::new();
        // "faciliter des pourparlers entre X et Y", "mediated talks between X and Y": the
        // facilitator is no side; the two after "between" are.
        if trigger.kind.is_symmetric() && self.facilitated(a) {
            self.between_readings(a, b, &mut out);
            return out;
        }
        // "لمحاربة Y" (to fight Y): a masdar of purpose with its object is read by that
        // construction alone, not as a noun whose sides are around it.
        if trigger.object && self.masdar_readings(a, b, &mut out) {
            return out;
        }
        if trigger.kind.is_symmetric() {
            self.between_readings(a, b, &mut out);
        }
        self.passive_readings(a, b, trigger, &mut out);
        if trigger.near {
            // An apposition: "غاو في مالي", "X، أحد فصائل Y", "Bamako, the capital of Mali".
            // "X, the MNLA's armed wing": the possessor is the other side.
            let possessor = self.possessor_before(a, 1);
            if let Some(t) = possessor {
                if let Some(s) = self.appositive_before(self.mentions[t].first) {
                    out.push(read(s, t, "apposition", 0.7));
                }
            } else if let Some(s) = self.appositive_before(a)
                && let Some(t) = self.right_after(b)
            {
                out.push(read(s, t, "apposition", 0.7));
            }
            return out;
        }
        if trigger.pos == Pos::Noun
            && let Some(g) = self.adjective_agent(a, b)
        {
            self.agent_readings(g, (a, b), trigger, &mut out);
            return out;
        }
        match trigger.pos {
            Pos::Including => self.including_readings(a, b, &mut out),
            Pos::Title => self.title_readings(a, b, trigger, &mut out),
            Pos::By => {
                let leader = match &trigger.with {
                    Some(word) => self.agent_word_after(b, word),
                    None => self.right_after(b),
                };
                if let Some(leader) = leader
                    && let Some(group) = self.before(a).filter(|&g| self.mentions[g].last + 2 >= a)
                {
                    out.push(read(leader, group, "by", 0.8));
                }
            }
            // The whole as subject, both sides as objects: read by the structure rules only.
            Pos::Verb if trigger.whole || trigger.pits || self.arabic_participle(a, b) => {}
            Pos::Verb => self.verb_readings(a, b, trigger, &mut out),
            Pos::Noun => self.noun_readings(a, b, trigger, &mut out),
        }
        self.structure_readings(a, b, trigger, &mut out);
        out.sort_by(|x, y| y.confidence.total_cmp(&x.confidence));
        out
    }

    /// True when a word of facilitating or mediating governs the trigger at token `a`: it is
    /// the trigger itself ("la médiation", "mediation") or stands at most three words before
    /// it in its clause ("accepted to facilitate talks", "بوساطة", "يسهل المحادثات").
    fn facilitated(&self, a: usize) -> bool {
        self.markers.facilitator.iter().any(|&(x, y)| {
            x == a
                || (y <= a
                        && self.gap(y, a) <= 3
                        && !self.clause_between(y, a)
                        // "par l'intermédiaire de X des discussions": X carries the talks,
                        // whose sides are read as a noun's.
                        && !self.mentions.iter().any(|m| m.first >= y && m.last <= a))
        })
    }

    /// "between X and Y" near a symmetric trigger: X and Y are its two sides.
    fn between_readings(&self, a: usize, b: usize, out: &mut Vec<Reading>) {
        for &(x, y) in &self.markers.between {
            // "disputed by both X and Y" (من قبل كل من) names two agents, not two sides.
            if self.markers.agent.iter().any(|&(_, end)| end == x) {
                continue;
            }
            let near = (y >= b && x <= b + 4) || (x + 8 >= a && x < a);
            // "agreed to facilitate talks between X and Y": the sides of the noun nearer.
            let nearer = x >= b
                && self.markers.triggers.iter().any(|(t, _, tr)| {
                    *t >= b && *t < x && tr.kind.is_symmetric() && tr.pos == Pos::Noun
                });
            if !near || nearer {
                continue;
            }
            if let Some(m1) = self
                .after(y)
                .next()
                .filter(|&m| self.mentions[m].first <= y + 1)
                && let Some(m2) = self.after(self.mentions[m1].last).next()
                && self.joined(m1, m2)
            {
                // "بين X و Y ضد Z", "between X and Y against Z": X and Y are one side,
                // each read against Z (the caller adds X).
                let against = self.marked_object(self.mentions[m2].last).filter(|&z| {
                    self.markers
                        .with
                        .iter()
                        .any(|&(x, _)| x == self.mentions[m2].last)
                        && z > m2
                });
                match against {
                    Some(z) => out.push(read(m2, z, "noun", 0.8)),
                    None => out.push(read(m1, m2, "between", 0.85)),
                }
            }
        }
    }

    /// The passive with an agent: "was seized by X", "من قبل X", and a noun with its agent.
    fn passive_readings(&self, a: usize, b: usize, trigger: &Trigger, out: &mut Vec<Reading>) {
        // "was seized", "has been accused", "تم إخلاء": the auxiliary right before the
        // verb, or one word (an adverb) between.
        let passive = self.markers.passive.iter().any(|&p| p < a && p + 2 >= a);
        // The agent is in the trigger's clause: not "le conflit qui l'oppose aux Y, trois
        // jours après l'annonce par X", "part of Y, …, when a checkpoint set up by X"; nor
        // another verb's ("مدرسة تابعة لوكالة Y … استُهدفت من قبل X": X targeted it).
        if let Some(&marker @ (_, agent_end)) =
            self.markers.agent.iter().find(|(x, _)| {
                *x >= b && !self.clause_between(b, *x) && !self.verb_between(b - 1, *x)
            })
            && !(trigger.kind.is_symmetric() && self.markers.sponsor.contains(&marker))
            && let Some(agent) = self.right_after(agent_end)
        {
            let object = self.after(b).find(|&m| self.mentions[m].last < agent_end);
            // "X was driven out of Y by Z", "X a été chassé de Y par Z": X loses Y (Z takes
            // it, [`Sentence::lost_to`]); "Y was abandoned by Z": Z loses Y.
            let loser = (passive && trigger.ends && object.is_some())
                .then(|| self.subject_before_verb(a))
                .flatten();
            if let Some(patient) = object.or_else(|| self.before(a))
                && (passive || trigger.pos == Pos::Noun)
            {
                out.push(read(loser.unwrap_or(agent), patient, "passive", 0.8));
            }
        }
    }

    /// "X، بما في ذلك Y" / "X، وY على وجه الخصوص": Y is a part of X.
    fn including_readings(&self, a: usize, b: usize, out: &mut Vec<Reading>) {
        // "X، بما في ذلك Y" / "X، وY على وجه الخصوص": Y is a part of X.
        // The part may carry a description first: "بمن فيهم الزعيم البارز Y".
        let described = self.after(b).next().filter(|&y| {
            let first = self.mentions[y].first;
            y > 0 && self.gap(b, first) <= 3 && !self.clause_between(b, first)
        });
        let part = described.or_else(|| {
            self.before(a)
                .filter(|&y| self.mentions[y].last == a && y > 0)
        });
        if let Some(y) = part
            && let Some(x) = self.appositive_before(self.mentions[y].first.min(a))
            && x < y
        {
            out.push(read(y, x, "including", 0.6));
        }
    }

    /// A title between a group and a person.
    fn title_readings(&self, a: usize, b: usize, trigger: &Trigger, out: &mut Vec<Reading>) {
        // "le porte-parole du MNLA": "du" belongs to the title before it, which says what
        // the person is: a title of another kind is read on its own, and "du" gives nothing
        // ("le chef de la CEDEAO, X" keeps the leadership "de" reads; "le MNLA du secrétaire
        // général X" keeps the title after "du").
        if self.markers.partitive.contains(&a)
            && self
                .markers
                .triggers
                .iter()
                .any(|&(_, end, ref t)| t.pos == Pos::Title && end == a && t.kind != trigger.kind)
        {
            return;
        }
        // "The UPC's leader, Ali Darassa", "les FSR du général Dagalo", "l'UPC
        // d'Ali Darassa": the group right before the title, the person right after
        // (the caller keeps the reading whose kinds fit).
        // A possessive may stand two words before the title ("GAM's self-styled prime
        // minister, Malik Mahmud").
        if let Some(person) = self.person_after(b)
            && let Some(group) = self.before(a).filter(|&g| {
                // "BUJUMBURA (AFP) - Le Premier ministre X": the dateline's agency is no
                // group of the title (a mark and a word between); "l'ANL (ANL) du maréchal X"
                // keeps its acronym's bracket.
                let end = self.mentions[g].last;
                g != person
                    && (self.possessor_before(a, 2) == Some(g)
                        || (end + 2 >= a
                            && !(self.clause_between(end, a) && self.gap(end, a) >= 1)))
            })
        {
            out.push(read(person, group, "title", 0.6));
        }
        // "X's spokesman, Y": the name after a comma is the person, never the group.
        if let Some(group) = self
            .right_after(b)
            .filter(|&g| !self.clause_between(b, self.mentions[g].first))
        {
            let group_end = self.mentions[group].last;
            let person = self
                .person_after(group_end)
                .or_else(|| self.before(a).filter(|&p| self.mentions[p].last + 2 >= a));
            if let Some(person) = person {
                out.push(read(person, group, "title", 0.75));
            }
        }
    }

    /// The person named after a minister's title ending at token `b` and its portfolio: at
    /// most four words between, none of them a verb or noun of the lexicon, and no punctuation but a comma right
    /// before the name ("le ministre de l'Intérieur, X", "وزير الداخلية X", "minister X").
    pub(crate) fn portfolio_person(&self, b: usize) -> Option<usize> {
        let m = self.after(b).next()?;
        let first = self.mentions[m].first;
        // A portfolio opens with "of" ("de l'Intérieur", "of Defence"); any other word
        // after the title may be an adjective of a state the graph does not know ("la
        // ministre canadienne", "الدبلوماسي السويسري").
        if first > b && !self.markers.partitive.contains(&b) {
            return None;
        }
        let only_comma = (b..first)
            .filter(|&i| self.tokens[i].kind != Kind::Word)
            .all(|i| i + 1 == first && self.tokens[i].kind == Kind::Clause);
        // "de" is a title of its own ("les FSR du général X"), no verb or noun.
        let trigger =
            self.markers.triggers.iter().any(|&(x, _, ref t)| {
                x >= b && x < first && matches!(t.pos, Pos::Verb | Pos::Noun)
            });
        (self.gap(b, first) <= 4 && only_comma && !trigger).then_some(m)
    }

    /// The person named right after token `b` (at most one word between), or after a rank
    /// and its article ("army spokesman Major X", "le porte-parole du MNLA, le colonel X",
    /// "المتحدث باسم الجيش العقيد X").
    fn person_after(&self, b: usize) -> Option<usize> {
        let after_rank = self.markers.rank.iter().find_map(|&(x, y)| {
            let lead = (b..x).all(|i| {
                self.tokens[i].kind == Kind::Clause || self.markers.determiner.contains(&i)
            });
            (x >= b && x <= b + 3 && lead)
                .then(|| self.after(y).find(|&m| self.mentions[m].first == y))
                .flatten()
        });
        after_rank.or_else(|| self.right_after(b))
    }

    /// A verb's subject (before it, or after it in Arabic) and its objects.
    fn verb_readings(&self, a: usize, b: usize, trigger: &Trigger, out: &mut Vec<Reading>) {
        let symmetric = trigger.kind.is_symmetric();
        let subject = self.subject_before_verb(a);
        // "مقتل X في غارة استهدفت Y", "the killing of X in a strike that hit Y": who died
        // is no subject of a verb after his death in its clause.
        let subject = subject.filter(|&s| !self.victim(s, a));
        // "X a accusé les forces serbes d'avoir massacré", "X accused Y of killing": the
        // accuser did not do what it accuses another of (the one accused, when named, is
        // read by the structure rules); "X has been accused of arming Y" keeps X.
        let subject = subject.filter(|&s| {
            !self.markers.accusation.iter().any(|&c| {
                c >= self.mentions[s].last
                    && c < a
                    && !self.markers.passive.iter().any(|&p| p < c && p + 3 >= c)
            })
        });
        // "نفى المتحدث باسم X Y أن تكون قواتهم قد هاجمت", "Y denied that their forces
        // attacked": what a speaker reports has its own subject.
        let subject = subject.filter(|&s| !self.reported_clause_subject(s, a));
        // "الجماعة، التي يقودها X وتنشط في Y": the clause's later verb is its antecedent's.
        let in_clause = self.clause_antecedent(a);
        let subject = in_clause.or(subject);
        let adjacent_subject = subject
            .filter(|&s| self.mentions[s].last + 1 >= a)
            .or(in_clause);
        // The subject right after the verb, or after a partitive ("مسلحون من X").
        let first_after = self.after(b).next().filter(|&m| {
            let first = self.mentions[m].first;
            first == b
                || (first <= b + 2
                    && self.markers.partitive.contains(&(first - 1))
                    && self.gap(b, first) <= 2)
                // "فر ما يقرب من نصف مقاتلي X": a quantity of X's members.
                || (first <= b + 8 && self.quantified(b, first))
                // "شجبت دول مختلفة، بما في ذلك فرنسا، …": a named part of an
                // unnamed subject.
                || self
                    .including()
                    .any(|(x, y)| y == first && self.gap(b, x) <= 3)
        });
        self.vso_readings(a, trigger, adjacent_subject, first_after, out);
        let subject = subject.filter(|&s| {
            let end = self.mentions[s].last;
            self.lang != Lang::Ar
                || !self.clause_between(end, a)
                || self.markers.relative.iter().any(|&r| r >= end && r < a)
                // "الحوثيون، المدعومون من إيران، قد سيطروا": the apposition's head.
                || self.before(a).is_some_and(|n| n != s && self.arabic_apposition_head(n, a) == s)
                // "X، وY على وجه الخصوص، كانت …": only the apposition between.
                || self.including().any(|(x, y)| {
                    x == end && self.gap(y, a) == 0 && self.gap(end, a) == self.gap(x, y)
                })
        });
        // "has been accused of arming X": the name before a passive verb is what
        // undergoes it, not its agent (read by the passive rule when one is named).
        // French "est"/"sont" also make the perfect of "s'est retiré", "est entré":
        // only "été" marks the passive there.
        // English "is active in" is no passive: the verb must be a participle
        // (accused, taken).
        let participle = self.tokens[a].key.ends_with("ed") || self.tokens[a].key.ends_with("en");
        let passive_voice = self.markers.passive.iter().any(|&p| {
            p < a
                && p + 2 >= a
                && match self.lang {
                    Lang::Fr => self.tokens[p..a].iter().any(|t| t.key == "ete"),
                    Lang::En => participle,
                    Lang::Ar => false,
                }
        });
        // A verb of expelling in the passive has what was expelled as its subject ("X a été
        // chassé de Y": X loses Y), as its active form has it as its object.
        let subject = subject.filter(|_| self.lang == Lang::Ar || !passive_voice || trigger.expel);
        // "l'Algérie, qu'il accuse de …": the pronoun is the clause's subject, read with the
        // antecedent for object by the structure rules.
        let subject = subject.filter(|&s| !self.pronoun_in_object_relative(s));
        if let Some(s) = subject {
            let close = self.mentions[s].last + 4 >= a;
            let confidence = if close { 0.75 } else { 0.65 };
            let objects = self.object_readings(s, b, trigger, "verb-svo", confidence);
            // "X and Y clashed", not "X and Y, which border the country": a relative
            // clause says of each what it says, the pair is not its two sides. When the verb
            // has an object ("X et Y ont formé une alliance pour combattre Z"), the pair is
            // read only if no object fits (the kinds decide).
            if symmetric
                && let Some(x) = s.checked_sub(1)
                && self.joined(x, s)
                && !self
                    .markers
                    .relative
                    .iter()
                    .any(|&r| r >= self.mentions[s].last && r < a)
            {
                let confidence = if objects.is_empty() { 0.7 } else { 0.6 };
                out.push(read(x, s, "coordination", confidence));
            }
            out.extend(objects);
        }
    }

    /// Arabic verb-subject-object (and verb-object-subject), when no subject stands right
    /// before the verb.
    fn vso_readings(
        &self,
        a: usize,
        trigger: &Trigger,
        adjacent_subject: Option<usize>,
        first_after: Option<usize>,
        out: &mut Vec<Reading>,
    ) {
        let symmetric = trigger.kind.is_symmetric();
        // After a relative pronoun (التي تستهدف Y) the subject is the antecedent.
        let relative_verb = self.markers.relative.iter().any(|&r| r + 1 == a);
        if self.lang == Lang::Ar
            && adjacent_subject.is_none()
            && !relative_verb
            && let Some(s) = first_after
        {
            // "هاجمت فرنسا وتشاد الإسلامويين": names joined to the subject after the verb
            // are subjects too, never its object; the last stands for them (the caller reads
            // its co-subjects). Of a symmetric kind they are the two sides ("اشتبكت X وY").
            // When the kinds refuse the last as a subject ("كتائب من مصراتة والزنتان"), the
            // first alone is read, with the objects after the joined names.
            let mut last = s;
            while !symmetric && self.mentions.get(last + 1).is_some() && self.joined(last, last + 1)
            {
                last += 1;
            }
            let after_subject = self.mentions[s].last;
            if last != s {
                let end = self.mentions[last].last;
                out.extend(self.object_readings(last, end, trigger, "verb-vso", 0.7));
                let first_alone = self.object_readings(s, after_subject, trigger, "verb-vso", 0.7);
                out.extend(first_alone.into_iter().filter(|r| r.target > last));
                return;
            }
            out.extend(self.object_readings(s, after_subject, trigger, "verb-vso", 0.7));
            // Verb-object-subject, which Arabic allows when the subject is long or
            // in focus ("ويقود قوات الدعم السريع محمد حمدان دقلو"): read only when
            // the kinds refuse the usual order (the caller tries readings in turn).
            // "ندد X في Y": a name after a locative is where, never the subject.
            if !symmetric
                && let Some(t) = self.right_after(after_subject)
                && !self
                    .markers
                    .locative
                    .iter()
                    .any(|&(x, end)| x >= after_subject && end <= self.mentions[t].first)
            {
                out.push(read(t, s, "verb-vos", 0.6));
            }
        }
    }

    /// A noun trigger: its source before it, by an agent or as its genitive, and its object.
    fn noun_readings(&self, a: usize, b: usize, trigger: &Trigger, out: &mut Vec<Reading>) {
        let symmetric = trigger.kind.is_symmetric();
        // In Arabic the genitive may end a chain of constructs with a noun of place between
        // ("السيطرة على مدينة X", "استعادة بلدة X"); not any noun: "مقتل زعيم X" is the
        // killing of X's leader, not of X.
        let construct = |i: usize| self.lang == Lang::Ar && self.markers.place.contains(&i);
        let genitive = self.after(b).next().filter(|&m| {
            let first = self.mentions[m].first;
            first == b || (first == b + 1 && construct(b))
        });
        // "X a engagé par l'intermédiaire de Y des discussions": the name before Y.
        let source = self
            .before(a)
            .and_then(|s| match self.intermediary(s) {
                true => s.checked_sub(1),
                false => Some(s),
            })
            .filter(|&s| self.mentions[s].last + 10 >= a)
            .and_then(|s| self.noun_source(s, a))
            .filter(|&s| !self.prepositional(s) && !self.apposed(s) && !self.intermediary(s))
            // "X condemned the attacks on Y", "دان X تفجير Y": the act condemned is not
            // the condemner's; "since the killing of Y by a missile": the means names
            // another author.
            .filter(|_| !self.condemned(a) && !self.means_named(b));
        // "attacks sponsored by X against Y": the agent is the source.
        let agent = self
            .markers
            .agent
            .iter()
            .filter(|(x, _)| *x >= b && *x <= b + 6)
            .find_map(|&(_, y)| self.after(y).find(|&m| self.mentions[m].first == y));
        // "هجوم على Y تبنته X", "the attack on Y, claimed by X": the claimer is the agent.
        if trigger.kind == RelationKind::Attack
            && let Some(c) = self.claimer(b)
        {
            let targets = [self.marked_object(b), self.killed_in(a)];
            for t in targets.into_iter().flatten().filter(|&t| t != c) {
                out.push(read(c, t, "claimed", 0.65));
            }
            return;
        }
        // "مقتل X بصاروخ روسي": the state whose means killed X is the agent.
        if let Some(Some(m)) = self.named_means(b)
            && let Some(t) = genitive
        {
            out.push(read(m, t, "means", 0.6));
            return;
        }
        // "هجوم X على Y", "مواقع X في Y": a noun whose genitive is its agent or holder reads
        // no name before it when the genitive is named.
        let source = source.filter(|_| !(trigger.agent && genitive.is_some()));
        for s in agent.into_iter().chain(source).chain(genitive) {
            let from = if Some(s) == genitive || Some(s) == agent {
                self.mentions[s].last
            } else {
                b
            };
            if let Some(t) = self.noun_object(from, trigger) {
                out.push(read(s, t, "noun", 0.65));
            } else if Some(s) != genitive
                && let Some(t) = genitive
                && (!symmetric || trigger.of)
                && !trigger.agent
            {
                out.push(read(s, t, "noun", 0.6));
            }
        }
        // "X and Y clashed"; not "X and Y in operations against Z", where X and Y
        // are one side (each read against Z by the caller).
        // Not "برعاية X و Y، لكن الهدنة": a pair governed by a preposition or cut
        // from the noun by punctuation is no side of it.
        if symmetric
            && out.is_empty()
            && let Some(s) = source
            && let Some(x) = s.checked_sub(1)
            && self.joined(x, s)
            && !self.governed(x)
            && !self.introduced_by_agent(x)
            && !self.clause_between(self.mentions[s].last, a)
        {
            out.push(read(x, s, "coordination", 0.7));
        }
    }

    /// The targets of the attack told by the trigger at tokens `a..b`, read as if its author
    /// were named: a verb's objects, a noun's object after "on"/"against"/على or who was
    /// killed in it ("Gunmen attacked Y", "قُتل X في هجوم").
    pub(crate) fn attack_targets(&self, a: usize, b: usize, trigger: &Trigger) -> Vec<usize> {
        match trigger.pos {
            Pos::Verb => self.objects(b, trigger),
            Pos::Noun => self
                .marked_object(b)
                .into_iter()
                .chain(self.killed_in(a))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The claimer of the attack noun at tokens `a..b` when a claim of responsibility ends
    /// at most three tokens before it and the noun names no target ("وتبنت جماعة X الهجوم",
    /// "X a revendiqué l'attaque", "X claimed responsibility for the attack"): the claim's
    /// subject. The attack is one told before.
    pub(crate) fn claims_attack_before(&self, a: usize, b: usize) -> Option<usize> {
        let &(x, y) = self
            .markers
            .responsibility
            .iter()
            .find(|&&(_, end)| end <= a && end + 3 >= a)?;
        if self.marked_object(b).is_some() || self.killed_in(a).is_some() {
            return None;
        }
        self.subject_of(x, y)
    }

    /// The actor that claims the attack told by the noun ending at token `b`: the name right
    /// after a claim of responsibility that follows the noun in its sentence, at most six
    /// words between, a name's not counted ("هجوم على Y تبنته X", "l'attaque contre Y,
    /// revendiquée par X", "the attack on Y, claimed by X"; one word between the claim and
    /// the name: "par", "by").
    fn claimer(&self, b: usize) -> Option<usize> {
        self.markers
            .responsibility
            .iter()
            .filter(|&&(x, _)| x >= b && self.gap(b, x) <= 6)
            .find_map(|&(_, y)| self.right_after(y))
    }

    /// The state's adjective that names the agent of the noun at tokens `a..b` ("غارة
    /// إسرائيلية", "une frappe française", "an Israeli air strike"; [`Beside::Noun`]):
    /// after the noun in Arabic and French, before it in English, at most two words between.
    fn adjective_agent(&self, a: usize, b: usize) -> Option<usize> {
        self.mentions.iter().position(|m| {
            m.beside == Some(Beside::Noun)
                && match self.lang {
                    Lang::En => m.last <= a && m.last + 2 >= a,
                    _ => m.first >= b && m.first <= b + 2,
                }
        })
    }

    /// Readings of a noun trigger at tokens `a..b` whose agent is the state's adjective `g`:
    /// the object after "with"/"against"/"on"/على ("غارة إسرائيلية على صور"), else, for an
    /// attack, who was killed in it ("مقتل X في غارة إسرائيلية", "X was killed in an Israeli
    /// strike", "X a été tué dans une frappe française"). No name before the noun is its
    /// agent.
    fn agent_readings(
        &self,
        g: usize,
        (a, b): (usize, usize),
        trigger: &Trigger,
        out: &mut Vec<Reading>,
    ) {
        let from = self.mentions[g].last.max(b);
        let killed = || {
            (trigger.kind == RelationKind::Attack)
                .then(|| self.killed_in(a))
                .flatten()
        };
        if let Some(t) = self.marked_object(from).or_else(killed) {
            out.push(read(g, t, "adjective", 0.65));
        }
    }

    /// Who was killed in the event told by the noun at token `a`, right after a locative
    /// (في, "in", "dans"; at most two words between: "in an Israeli air strike"): the nearest
    /// name before the locative in its clause, when a noun of death stands before it
    /// ("مقتل X في", "the killing of X in") or a trigger of attack stands between the name
    /// and the locative or right before the name ("X was killed in", "قُتل X في", "X a été
    /// tué dans").
    fn killed_in(&self, a: usize) -> Option<usize> {
        let &(x, _) =
            self.markers.locative.iter().rev().find(|&&(x, end)| {
                end <= a && self.gap(end, a) <= 2 && !self.clause_between(x, a)
            })?;
        let m = self.before(x)?;
        let (first, last) = (self.mentions[m].first, self.mentions[m].last);
        if self.clause_between(last, x) {
            return None;
        }
        let died = self
            .markers
            .victim
            .iter()
            .any(|&e| e <= first && self.gap(e, first) <= 4 && !self.clause_between(e, first));
        let attacked = self.markers.triggers.iter().any(|(s, e, t)| {
            t.kind == RelationKind::Attack
                && ((*s >= last && *e <= x)
                    || (*e <= first && self.gap(*e, first) <= 2 && !self.clause_between(*e, first)))
        });
        (died || attacked).then_some(m)
    }

    /// Readings of a verb's subject `s` with each of its objects after token `b`, at
    /// `confidence`. For a verb of expelling, an object may also lose the place named after
    /// it ("طرد الجيش من المنطقة": the army loses the area), read first: the kinds decide
    /// ("X was expelled from Gao and Timbuktu": X loses both, as no town loses a town).
    fn object_readings(
        &self,
        s: usize,
        b: usize,
        trigger: &Trigger,
        rule: &'static str,
        confidence: f64,
    ) -> Vec<Reading> {
        let objects = self.objects(b, trigger);
        let mut out = Vec::new();
        for (k, &t) in objects.iter().enumerate() {
            if trigger.expel {
                for &o in &objects[..k] {
                    out.push(read(o, t, "expel", confidence + 0.05));
                }
            }
            out.push(read(s, t, rule, confidence));
        }
        if objects.is_empty() && trigger.kind == RelationKind::Attack && trigger.with.is_none() {
            for t in self.struck_places(b) {
                out.push(read(s, t, "struck-place", confidence - 0.1));
            }
        }
        out
    }

    /// Where a verb of launching ending at token `b` fires ([`Trigger::fires`]): a noun of
    /// armed means within four words after `b` (a name's words not counted: the subject of
    /// an Arabic verb stands between), a word of direction at most three words after it
    /// ("أطلقت X نحو عشرين صاروخا على مدينة Y", "fired mortar rounds at Y", "a tiré des
    /// roquettes sur Y"), and the name after it (at most two words between: "the town of"),
    /// all in one clause. The word of direction and the target's mention.
    fn fired_at(&self, b: usize) -> Option<(usize, usize)> {
        let &(_, means_end) = self
            .markers
            .means
            .iter()
            .find(|&&(x, _)| x >= b && self.gap(b, x) <= 4 && !self.clause_between(b, x))?;
        let &(w, w_end) = self.markers.toward.iter().find(|&&(x, _)| {
            x >= means_end && self.gap(means_end, x) <= 3 && !self.clause_between(means_end, x)
        })?;
        let m = self.after(w_end).next().filter(|&m| {
            let first = self.mentions[m].first;
            self.gap(w_end, first) <= 2 && !self.clause_between(w_end, first)
        })?;
        Some((w, m))
    }

    /// The places an attack struck when its object is unnamed: the first name after the verb
    /// ending at token `b` follows a locative of "in" (at most two words between: "in the
    /// town of"), with one to six words and no new clause before the locative ("قصفت X أكثر
    /// من مئة هدف في مدينتي Y وZ", "attacked a police station in Y", "a multiplié les raids
    /// dans les districts de Y et de Z"); the places listed with it too. A named object
    /// ("attacked the MNLA in Gao") leaves the place where the attack was, not what it struck;
    /// "near" is no locative of "in". The kinds keep only places (rule `struck-place`).
    fn struck_places(&self, b: usize) -> Vec<usize> {
        let Some(m) = self.after(b).next() else {
            return Vec::new();
        };
        let first = self.mentions[m].first;
        let within = self.markers.within.iter().any(|&(x, end)| {
            x > b
                && !self.dated(x)
                && end <= first
                && (1..=6).contains(&self.undated_gap(b, x))
                && self.gap(end, first) <= 2
        });
        if !within || self.clause_between(b, first) || self.new_clause_between(b, first) {
            return Vec::new();
        }
        self.with_listed(m)
    }

    /// Mention `m` and the names listed with it ("Y وZ", "Y et Z", "Y, Z and W").
    fn with_listed(&self, m: usize) -> Vec<usize> {
        std::iter::once(m)
            .chain(self.listed_after(m, |_| true))
            .collect()
    }

    /// The objects of a verb whose last token is before `b`: the mention right after it, or
    /// after "with"/"against"/"on", then the next ones (three at most, five for a trigger that
    /// needs a later word, whose object is often far: أعلنت X … استقلال Y).
    fn objects(&self, b: usize, trigger: &Trigger) -> Vec<usize> {
        if trigger.fires {
            return self
                .fired_at(b)
                .map_or_else(Vec::new, |(_, m)| self.with_listed(m));
        }
        match &trigger.with {
            // The object of "declared the independence of Y" follows the required word.
            // Where an actor is, hides or aims ("تسعى X إلى إقامة دولة في Y"), or what it spans,
            // may stand a few words after the preposition.
            Some(word) => {
                let far = locative_object(trigger.kind) || trigger.kind == RelationKind::Overlaps;
                self.word_at(b, self.last, word)
                    .and_then(|w| {
                        self.after(w + 1).next().filter(|&m| {
                            let first = self.mentions[m].first;
                            first == w + 1
                                // "أطلق X النار على Y": after a "with"/"against" word.
                                || (first == w + 2
                                    && self.markers.with.iter().any(|&(x, _)| x == w + 1))
                                || (far
                                    && self.gap(w + 1, first) <= 3
                                    && !self.clause_between(w + 1, first))
                        })
                    })
                    .into_iter()
                    .collect()
            }
            None => self
                .after(b)
                .filter(|&m| {
                    let first = self.mentions[m].first;
                    !self.introduced_by_agent(m)
                        && !self.participle_agent(m)
                        && !self.object_of_another(b, first)
                        && !self.including().any(|(_, j)| j == first)
                        // "ادعت X أن Y …", "said that Y …": the clause a complement opens
                        // holds no object of the verb before it.
                        && !self.markers.complement.iter().any(|&c| c >= b && c < first)
                        // "agreed to facilitate talks between Y and Z": the talks' sides.
                        && !self.markers.facilitator.iter().any(|&(x, _)| x >= b && x < first)
                        // "condemned the attacks on Y", "دان X تفجير Y": the act is what is
                        // condemned, no name after it.
                        && !(trigger.kind == RelationKind::Denunciation
                            && self.markers.triggers.iter().any(|&(x, _, ref t)| {
                                x >= b && x < first && t.pos == Pos::Noun && !t.near
                            }))
                        && self.gap(b, first) <= 6
                        && !self.new_clause_between(b, first)
                        // "evacuated foreigners from Kigali": who leaves is not the actor.
                        && !(trigger.ends
                            && !trigger.expel
                            && self.markers.evacuee.iter().any(|&x| x >= b && x < first))
                        // "attacked militants near Gao": Gao is where. For control, the place
                        // holding what was taken ("towns in the Kidal region") is held in part;
                        // for presence and aims the place is what the relation is about.
                        && (locative_object(trigger.kind)
                            || !self.markers.locative.iter().any(|&(_, end)| {
                                // "قرب قرية X": a noun of place between.
                                end == first
                                    || (end + 1 == first && self.markers.place.contains(&end))
                            }))
                        && !self.site_of(m)
                        && !self.described_in_apposition(b, m)
                })
                .take(3)
                .collect(),
        }
    }

    /// True when mention `m` is who died and the verb at token `a` tells the place or means
    /// of the death: a noun of death ("مقتل", "the killing of", "la mort de";
    /// [`Meaning::Victim`]) before the name in its clause, at most four words between, the
    /// words of a name not counted ("اغتيال الأمين العام لـX Y"), and a locative between the
    /// name and the verb ("في غارة استهدفت", "in a strike that hit"): the verb hangs on the
    /// strike. "وفاة X زعزعت …" (X's death unsettled …) keeps X.
    fn victim(&self, m: usize, a: usize) -> bool {
        let (first, last) = (self.mentions[m].first, self.mentions[m].last);
        self.markers
            .victim
            .iter()
            .any(|&e| e <= first && self.gap(e, first) <= 4 && !self.clause_between(e, first))
            && self
                .markers
                .locative
                .iter()
                .any(|&(x, _)| x >= last && x < a)
    }

    /// True when mention `m` stands inside an apposition that opens with the comma at token
    /// `b`, right after a name, and that a later comma closes ("أدانت الجزائر، الداعم الرئيسي
    /// لـX، العملية", "Algeria, X's main backer, condemned"): it describes the name before,
    /// it is no object of the verb. Not a list ("X، وY", "X, as well as Y"), nor names alone
    /// between the commas.
    fn in_apposition_after(&self, b: usize, m: usize) -> bool {
        let (first, last) = (self.mentions[m].first, self.mentions[m].last);
        let opens = self.tokens.get(b).is_some_and(|t| t.kind == Kind::Clause)
            && b < first
            && self.mentions.iter().any(|p| p.last == b);
        let list = self.tokens.get(b + 1).is_some_and(|t| t.conjunction)
            || self.markers.and.iter().any(|&x| x > b && x < first)
            || self.markers.also.iter().any(|&(x, _)| x > b && x < first)
            || self.markers.with.iter().any(|&(x, _)| x == b + 1)
            || self.including().any(|(x, _)| x > b && x < first);
        let close = (last..self.last).find(|&i| self.tokens[i].kind != Kind::Word);
        let closed = close.is_some_and(|c| {
            self.tokens[c].kind == Kind::Clause && self.gap(b, c) >= 1 // more than a name
        });
        opens && !list && closed && !self.clause_between(b + 1, first)
    }

    /// True when mention `m` is named inside an apposition opened by a definite noun at the
    /// comma at token `b` ("الجزائر، الداعم الرئيسي للبوليساريو،"): not "تدعي X، مناطق Y وZ،
    /// بالإضافة إلى W", whose indefinite noun after the comma starts the verb's objects.
    fn described_in_apposition(&self, b: usize, m: usize) -> bool {
        self.in_apposition_after(b, m)
            && self.gap(b, self.mentions[m].first) >= 1
            && self.tokens.get(b + 1).is_some_and(|t| t.definite)
    }

    /// True when mention `m` is named inside the apposition of a name before it (see
    /// [`Self::described_in_apposition`]): it is neither that clause's object nor the source
    /// of a noun after the apposition.
    fn apposed(&self, m: usize) -> bool {
        self.mentions[..m]
            .iter()
            .any(|p| self.described_in_apposition(p.last, m))
    }

    /// True when a comma closes what follows mention `s` right before the verb at token `a`
    /// (at most two words between: "…, has condemned").
    fn closed_before(&self, s: usize, a: usize) -> bool {
        (self.mentions[s].last..a)
            .rev()
            .find(|&i| self.tokens[i].kind != Kind::Word)
            .is_some_and(|c| self.tokens[c].kind == Kind::Clause && self.gap(c, a) <= 2)
    }

    /// True when the trigger at token `a` is what "the end of" right before it names
    /// ("انتهاء العمل بالاتفاق", "the end of the truce", "la fin de la trêve"): at most two
    /// words between, no other trigger and no punctuation.
    /// "Suspended" governs its object directly: "علق على الهدنة" (commented on the truce),
    /// with "with"/"against" between, ends nothing.
    pub(crate) fn ended(&self, a: usize) -> bool {
        self.markers.end_of.iter().any(|&e| {
            e <= a
                && self.gap(e, a) <= 2
                && !self.clause_between(e, a)
                && !self.markers.with.iter().any(|&(x, _)| x >= e && x < a)
                && !self
                    .markers
                    .triggers
                    .iter()
                    .any(|(x, _, _)| *x >= e && *x < a)
        })
    }

    /// True when mention `m` is named through an intermediary: right after a word of
    /// facilitating ("par l'intermédiaire de X", "through the good offices of X", "بوساطة
    /// X"), at most three words between in its clause. It carries what is done; it does not
    /// do it.
    fn intermediary(&self, m: usize) -> bool {
        let first = self.mentions[m].first;
        self.markers
            .facilitator
            .iter()
            .any(|&(_, y)| y <= first && self.gap(y, first) <= 3 && !self.clause_between(y, first))
    }

    /// True when the noun trigger at token `a` is the object of a verb of condemnation
    /// before it in its clause, only its subject and a determiner between ("condemned the
    /// attacks", "a condamné l'attentat", "دان X تفجير"): the act is condemned, its author
    /// is not the condemner.
    fn condemned(&self, a: usize) -> bool {
        // An accusation tells what the one accused did ("accused X of attacks", "اتهمت X
        // Y بتفجير"). Only the Arabic subject after the verb, with its title, may stand
        // between ("ودان الرئيس المشترك لـX Y تفجير").
        let (names, words) = if self.lang == Lang::Ar {
            (2, 3)
        } else {
            (0, 1)
        };
        self.markers.triggers.iter().any(|&(start, end, ref t)| {
            t.kind == RelationKind::Denunciation
                && t.pos == Pos::Verb
                && !self.markers.accusation.contains(&start)
                && end <= a
                && self.gap(end, a) <= words
                && !self.clause_between(end, a)
                && self
                    .mentions
                    .iter()
                    .filter(|m| m.first >= end && m.last <= a)
                    .count()
                    <= names
        })
    }

    /// True when the means or agent of the death told by the noun ending at token `b` is
    /// named after its victim in the clause ("since the killing of X by a missile", "مقتل X
    /// في نيسان بصاروخ"): an agent marker, or in Arabic a word with ب written on it that is
    /// no name; a date between is passed over. The clause's subject is not its author.
    fn means_named(&self, b: usize) -> bool {
        self.named_means(b).is_some()
    }

    /// The means or agent [`Sentence::means_named`] finds after the noun of death ending at
    /// token `b`, with the state's armed force it names when a state's adjective stands
    /// beside it ("مقتل X بصاروخ روسي": a Russian missile, [`Beside::Means`]).
    fn named_means(&self, b: usize) -> Option<Option<usize>> {
        // The noun of death is the trigger, or its phrase ends with "of" after it.
        if !self.markers.victim.iter().any(|&e| e == b || e == b + 1) {
            return None;
        }
        let in_date = |i: usize| self.markers.dates.iter().any(|&(x, y)| x <= i && i < y);
        let with_ba = |t: &Token| {
            self.lang == Lang::Ar && t.key.starts_with('ب') && t.bare.is_some() && !t.definite
        };
        let mut words = 0;
        for i in b..self.last {
            let t = &self.tokens[i];
            if let Some(m) = self
                .mentions
                .iter()
                .position(|m| m.first <= i && i < m.last)
            {
                let means = &self.mentions[m];
                if means.first == i && means.beside == Some(Beside::Means) && with_ba(t) {
                    return Some(Some(m));
                }
                continue;
            }
            if in_date(i) {
                continue;
            }
            if t.kind != Kind::Word {
                return None;
            }
            if self.markers.agent.iter().any(|&(x, _)| x == i) || with_ba(t) {
                return Some(None);
            }
            words += 1;
            if words > 6 {
                return None;
            }
        }
        None
    }

    /// True when mention `s` is a person named with a title (a spokesman, an official:
    /// "المتحدث باسم X Y", "X's spokesman, Y", "Y, X's spokesman,") and a complement ("أن",
    /// "that", "que") stands between it and the verb at token `a`, the clause it opens
    /// holding at least two words before the verb, names not counted ("نفى … Y أن تكون
    /// قواتهم قد هاجمت", "Y denied that their forces had attacked"): he speaks, the act is
    /// the clause's own subject's. An actor that says what its own units did ("قال الجيش إن
    /// دباباته دخلت") is not a titled person and keeps the act.
    fn reported_clause_subject(&self, s: usize, a: usize) -> bool {
        let (first, end) = (self.mentions[s].first, self.mentions[s].last);
        let titled = self.markers.triggers.iter().any(|&(x, y, ref t)| {
            t.pos == Pos::Title
                && ((y <= first && first <= y + 8 && self.gap(y, first) <= 2)
                    || (x >= end && x <= end + 3))
        });
        titled
            && self
                .markers
                .complement
                .iter()
                .any(|&c| c >= end && c < a && self.gap(c + 1, a) >= 2)
    }

    /// True when mention `m` names where a site is: right after a site noun ("مطار الخرطوم"),
    /// after one and "of" ("the airport of Khartoum", "l'aéroport de Bangui"), or in English
    /// right before one ("Khartoum airport"). A verb's object is then the site, not the place.
    fn site_of(&self, m: usize) -> bool {
        let (first, last) = (self.mentions[m].first, self.mentions[m].last);
        let of = |i: usize| self.markers.partitive.contains(&i);
        self.markers.site.iter().any(|&(x, y)| {
            y == first || (y + 1 == first && of(y)) || (self.lang == Lang::En && x == last)
        })
    }

    /// True when a new clause opens between tokens `from` and `to`: punctuation then "and"
    /// ("condemned attacks on civilians, and the AU called …", "« atrocités » et l'UA a …"),
    /// or another verb of the lexicon ("انسحب من العاصمة وتمركز في …"). A name after it is
    /// that clause's, not an object of the verb before.
    fn new_clause_between(&self, from: usize, to: usize) -> bool {
        let punctuation = (from..to).find(|&i| self.tokens[i].kind != Kind::Word);
        // "…، ونفذه بالتعاون مع Y": a word carrying و after the comma opens a new clause
        // when it is no name (a list's next item is one: "…، وY").
        let and_after = punctuation.is_some_and(|p| {
            self.markers.and.iter().any(|&x| x > p && x < to)
                || self.tokens.get(to).is_some_and(|t| t.conjunction)
                || (p + 1 < to
                    && self.tokens[p + 1].kind == Kind::Word
                    && self.tokens[p + 1].conjunction
                    && !self.mentions.iter().any(|m| m.first == p + 1))
        });
        and_after || self.verb_between(from, to)
    }

    /// True when mention `m` names who denies the act told by the trigger at token `a`: a
    /// denial before the trigger, whose denier is in Arabic the first name after it (at most
    /// three words between, a title's: "نفى المتحدث باسم X"), before any complement, and in
    /// French and English its subject ("X denied", "Sudan, which has denied"). An actor
    /// denying its own act says it did not do it: the candidate is negated, not disputed
    /// ("نفى الجيش اشتباك وحداته مع Y", "X has denied supporting Y"). Not an act told before
    /// the denial ("…, ce que X a démenti": the text tells it, X disputes it), nor one in a
    /// relative clause on the denier ("نفت X، التي تسيطر على Y، …").
    pub(crate) fn denied_by(&self, m: usize, a: usize) -> bool {
        let who = &self.mentions[m].who;
        self.markers.denials.iter().filter(|&&d| d < a).any(|&d| {
            let denier = if self.lang == Lang::Ar {
                self.after(d + 1).next().filter(|&x| {
                    let first = self.mentions[x].first;
                    self.gap(d + 1, first) <= 3
                        && !self.clause_between(d, first)
                        && !self.markers.complement.iter().any(|&c| c > d && c < first)
                })
            } else {
                self.subject_before(d)
            };
            // The relative right after the denier and its comma, when the denial comes
            // before them (Arabic verb first).
            denier.is_some_and(|x| {
                let end = self.mentions[x].last;
                let relative_clause = self.tokens.get(end).is_some_and(|t| t.kind == Kind::Clause)
                    && self
                        .markers
                        .relative
                        .iter()
                        .any(|&r| r == end + 1 && r > d && r < a);
                self.mentions[x].who == *who && !relative_clause
            })
        })
    }

    /// True when a verb of the lexicon starts between tokens `from` and `to` (exclusive) with
    /// what it requires after it ([`Self::required`]): "مئة هدف في Y" holds no verb "هدف"
    /// (aimed), which needs إلى.
    fn verb_between(&self, from: usize, to: usize) -> bool {
        self.markers
            .triggers
            .iter()
            .any(|(x, y, t)| *x > from && *x < to && t.pos == Pos::Verb && self.required(*y, t))
    }

    /// True when the sentence holds after token `b` what the trigger ending there requires:
    /// its word (`with=`) and, for a verb of launching, armed means and a target
    /// ([`Trigger::fires`]).
    fn required(&self, b: usize, trigger: &Trigger) -> bool {
        trigger
            .with
            .as_ref()
            .is_none_or(|word| self.word_at(b, self.last, word).is_some())
            && (!trigger.fires || self.fired_at(b).is_some())
    }

    /// The subject standing before the verb at token `a`: in Arabic the name right before it
    /// (the head of an apposition closed before the verb), in French and English
    /// [`Self::subject_before`].
    fn subject_before_verb(&self, a: usize) -> Option<usize> {
        match self.lang {
            Lang::Ar => self.before(a).map(|s| self.arabic_apposition_head(s, a)),
            _ => self.subject_before(a),
        }
        .filter(|&s| !self.unnamed_subject_after_complement(s, a))
    }

    /// True when what a speaker says opens between mention `s` and the verb at token `a`
    /// with a subject the text does not name: a bare complement ("إن", "أن"; with a
    /// pronoun on it the pronoun is the subject) or "that"/"que" and a determiner, then at
    /// most three words and no name ("وقال X إن الغارة استهدفت Y", "X said that the strike
    /// hit Y"). The speaker is not the verb's subject; its armed means may be ("وقال الجيش
    /// إن دبابات اللواء 401 دخلت المعبر").
    fn unnamed_subject_after_complement(&self, s: usize, a: usize) -> bool {
        let from = self.mentions[s].last;
        self.markers.complement.iter().any(|&c| {
            c >= from
                && c + 1 < a
                && !self.markers.means.iter().any(|&(x, _)| x == c + 1)
                && (c + 1..a).all(|i| self.tokens[i].kind == Kind::Word)
                && !self.mentions.iter().any(|m| m.first > c && m.first < a)
                && self.gap(c + 1, a) <= 3
                && match self.lang {
                    Lang::Ar => super::tokens::possessive_suffix(&self.tokens[c].key).is_none(),
                    _ => self.markers.determiner.contains(&(c + 1)),
                }
        })
    }

    /// French and English: the nearest mention before token `a` that is not governed by a
    /// preposition, which no subject is ("split from the Seleka coalition and later joined",
    /// "les FSR du général Dagalo ont annoncé"); at most two governed ones are passed over.
    fn subject_before(&self, a: usize) -> Option<usize> {
        if let Some(r) = self.subject_relative(a) {
            if let Some(antecedent) = self.antecedent(r) {
                return Some(antecedent);
            }
            // "the attackers, who occupied Gao": a relative clause hanging on a common noun
            // with its determiner (at most two more words before the comma, no name) has no
            // named subject, not the name before it.
            let noun_phrase = (r.saturating_sub(4)..r.saturating_sub(1)).any(|d| {
                self.markers.determiner.contains(&d)
                    && !self.mentions.iter().any(|m| m.first < r && m.last > d)
                    && !self.clause_between(d, r - 1)
            });
            if noun_phrase {
                return None;
            }
        }
        if let Some(antecedent) = self.clause_antecedent(a) {
            return Some(antecedent);
        }
        let mut s = self.before(a)?;
        let head = self.apposition_head(s, a);
        if head != s {
            return Some(head);
        }
        if self.own_subject_between(self.mentions[s].last, a) {
            return None;
        }
        for _ in 0..2 {
            if !self.governed(s) {
                return Some(s);
            }
            s = s.checked_sub(1)?;
            if self.mentions[s].last + WINDOW <= a {
                return None;
            }
        }
        (!self.governed(s)).then_some(s)
    }

    /// The name a verb at token `a` has for subject when `s`, the name right before it, is
    /// named inside an apposition closed by a comma before the verb: "Algeria, Polisario's
    /// main backer, condemned", "الحوثيون، المدعومون من إيران، قد سيطروا" (the Houthis, not
    /// Iran); else `s`.
    pub(crate) fn apposition_head(&self, s: usize, a: usize) -> usize {
        if !self.closed_before(s, a) {
            return s;
        }
        // The apposition may name more than one ("X, the MNLA's affiliate in Gao, attacked"):
        // its head is the name before the first of them, with no punctuation between that
        // first and `s`.
        let first_inside = (s.saturating_sub(2)..=s).find(|&f| {
            f > 0
                && self.in_apposition_after(self.mentions[f - 1].last, f)
                && !self.clause_between(self.mentions[f].first, self.mentions[s].last)
        });
        first_inside.map_or(s, |f| f - 1)
    }

    /// [`Self::apposition_head`] for an Arabic verb, where a comma before the verb usually
    /// opens a clause of its own: only an apposition that is a noun phrase (no verb in it,
    /// participles with the article aside: "المدعومون من إيران") and a verb right after
    /// its closing comma (قد aside): "الحوثيون، المدعومون من إيران، قد سيطروا", not "…،
    /// فيما يقود الجيش X" or "سيطروا على صنعاء، ثم زحفوا جنوبا، ففر".
    fn arabic_apposition_head(&self, s: usize, a: usize) -> usize {
        let head = self.apposition_head(s, a);
        if head == s {
            return s;
        }
        let verb_inside = self.markers.triggers.iter().any(|(x, _, t)| {
            *x >= self.mentions[head].last
                && *x < self.mentions[s].first
                && t.pos == Pos::Verb
                && !self.tokens[*x].definite
        });
        let close = (self.mentions[s].last..a)
            .rev()
            .find(|&i| self.tokens[i].kind != Kind::Word);
        let verb_follows =
            close.is_some_and(|c| (c + 1..a).all(|i| self.markers.background.contains(&i)));
        if verb_inside || !verb_follows {
            s
        } else {
            head
        }
    }

    /// True when the verb at token `a` opens a clause of its own after a comma or colon
    /// later than token `from`: a determiner right after the mark, then its noun phrase (at
    /// most four words, no mark between) and the verb ("Mozambique : les jihadistes frappent
    /// Macomia", "In Mali, the rebels attacked Gao"). The name before the mark is not the
    /// verb's subject; an apposition closed by a comma ("X, the armed group, attacked") is.
    fn own_subject_between(&self, from: usize, a: usize) -> bool {
        (from..a).any(|c| {
            self.tokens[c].kind == Kind::Clause
                && self.markers.determiner.contains(&(c + 1))
                && a - (c + 1) <= 4
                && !self.clause_between(c + 1, a)
        })
    }

    /// French and English: the relative pronoun opening a non-restrictive relative clause
    /// whose antecedent ([`Sentence::antecedent`]) is the subject of the verb at token `a`:
    /// the verb inside the clause with no name between the pronoun and it ("Egypt, which
    /// backs the army"), or right after the clause closes ("The group, which controls Ouaka,
    /// has clashed with …").
    fn subject_relative(&self, a: usize) -> Option<usize> {
        let r = self.clause_relative(a)?;
        let named_between =
            |from: usize| self.mentions.iter().any(|m| m.first >= from && m.last <= a);
        let close = (r + 1..a)
            .rev()
            .find(|&i| self.tokens[i].kind != Kind::Word);
        let fits = match close {
            None => !named_between(r),
            Some(c) => self.gap(c, a) <= 2 && !named_between(c),
        };
        fits.then_some(r)
    }

    /// True when mention `s` is a pronoun (a one-word mention resolved from before) right
    /// after a relative pronoun or "que" that follows a comma: "l'Algérie, qu'il accuse",
    /// "Algeria, which it accuses". It stands for the subject of the clause before, and the
    /// antecedent is the object.
    pub(super) fn pronoun_in_object_relative(&self, s: usize) -> bool {
        let m = &self.mentions[s];
        m.resolved
            && m.last == m.first + 1
            && self
                .markers
                .relative
                .iter()
                .chain(&self.markers.complement)
                .any(|&r| {
                    r > self.first
                        && r < m.first
                        && self.tokens[r - 1].kind == Kind::Clause
                        && self.gap(r + 1, m.first) == 0
                        && !self.clause_between(r + 1, m.first)
                })
    }

    /// The antecedent of the relative clause that the coordinated verb at token `a`
    /// continues, when a name stands inside the clause before the verb ("الجماعة، التي
    /// يقودها X وتنشط في Y", "the group, which is led by X and operates in Y", "le groupe,
    /// qui est dirigé par X et opère dans Y"): a relative clause's later verbs are said of
    /// its antecedent, not of the object or agent of its first verb.
    fn clause_antecedent(&self, a: usize) -> Option<usize> {
        if !self.coordinated(a) {
            return None;
        }
        let r = self.clause_relative(a)?;
        let named_inside = self.mentions.iter().any(|m| m.first > r && m.last <= a);
        if self.clause_between(r, a) || !named_inside {
            return None;
        }
        self.antecedent(r)
    }

    /// The last relative pronoun before token `a` that opens a clause (a comma or another
    /// clause mark right before it): "X, which", "X، التي".
    fn clause_relative(&self, a: usize) -> Option<usize> {
        self.markers
            .relative
            .iter()
            .rev()
            .find(|&&r| r < a && r > self.first && self.tokens[r - 1].kind == Kind::Clause)
            .copied()
    }

    /// The name a relative pronoun at token `r` hangs on: the one right before it with only
    /// punctuation between, a comma and at most a closing bracket ("X, qui", "X (Y), which",
    /// "X (Y)، الذي": the name in brackets is X's own).
    fn antecedent(&self, r: usize) -> Option<usize> {
        self.before(r).filter(|&m| {
            let between = &self.tokens[self.mentions[m].last..r];
            let marks = between.iter().filter(|t| t.kind == Kind::Clause).count();
            let words = between.iter().filter(|t| t.kind == Kind::Word).count();
            // "X, qui", "X (Y), qui" (Y a name), "X (AD), qui" (a name the graph does not
            // know: three marks around at most three words).
            between.last().is_some_and(|t| t.kind == Kind::Clause)
                && marks + words == between.len()
                && (words == 0 && marks <= 2 || words <= 3 && marks >= 3)
        })
    }

    /// The source of a noun trigger at token `a` when `s` is the nearest name before it: a
    /// name inside a relative clause after a comma ("X, qui combat Y, multiplie les attaques",
    /// "X, which fights Y, carried out attacks", "X، التي تقاتل Y، تشن هجمات") is the
    /// clause's, not the source of a noun in or after that clause; the clause's antecedent is
    /// (none when no name stands right before the pronoun).
    ///
    /// A restrictive clause, the pronoun right after its antecedent ("the Islamists who run
    /// the Adrar des Ifoghas launched attacks on Kidal", "شن المقاتلون الإسلامويون الذين
    /// يديرون جبال X هجوما على Y"), gives its antecedent too, unless a pronoun in the clause
    /// takes up the antecedent as an object ("المدن التي يسيطر عليها X": X is the clause's
    /// subject).
    fn noun_source(&self, s: usize, a: usize) -> Option<usize> {
        let first = self.mentions[s].first;
        let relative = self.markers.relative.iter().rev().find(|&&r| {
            r < first
                && r > self.first
                && (self.tokens[r - 1].kind == Kind::Clause || self.restrictive(r, first))
                && !self.clause_between(r, first)
        });
        match relative {
            Some(&r) if r < a && self.tokens[r - 1].kind == Kind::Clause => self.antecedent(r),
            Some(&r) if r < a => self.mentions.iter().position(|m| m.last == r),
            _ => Some(s),
        }
    }

    /// True when the relative pronoun at token `r` opens a restrictive clause right after a
    /// name, with no pronoun before token `to` taking the name up as an object (عليها).
    fn restrictive(&self, r: usize, to: usize) -> bool {
        self.mentions.iter().any(|m| m.last == r)
            && !self.markers.resumptive.iter().any(|&p| p > r && p < to)
    }

    /// True when mention `m` is the object of a preposition or of a verb: a locative,
    /// "with"/"against", agent or "between" marker or a verb of the lexicon right before it (an article or one word between: "in the
    /// Kidal region", "du général X"), or "of"/"from" after a name or a verb of the lexicon
    /// ("FSR du général X", "split from X"); not "fighters of X", where X stands for the
    /// fighters.
    fn governed(&self, m: usize) -> bool {
        let first = self.mentions[m].first;
        let near = |end: usize| end <= first && end + 2 >= first;
        let marked = self
            .markers
            .locative
            .iter()
            .chain(&self.markers.with)
            .chain(&self.markers.agent)
            .chain(&self.markers.between)
            .any(|&(_, end)| near(end))
            // the object of a verb before ("split from the Seleka coalition"); not in
            // Arabic, where the name after a verb is its subject
            || self.lang != Lang::Ar
                && self
                .markers
                .triggers
                .iter()
                .any(|&(_, end, ref t)| near(end) && t.pos == Pos::Verb);
        let of = self.markers.partitive.iter().any(|&p| {
            near(p + 1)
                && p > self.first
                // "Jeudi, des miliciens du MNLA": an article before the name's noun, not
                // "of" after a name ("les FSR (FSR) du général X").
                && !(p + 1 < first
                    && self.markers.determiner.contains(&p)
                    && !self.mentions.iter().any(|x| x.last <= p && x.last + 1 >= p))
                && (self.tokens[p - 1].kind != Kind::Word
                    || self.mentions.iter().any(|x| x.last == p)
                    || self
                        .markers
                        .triggers
                        .iter()
                        .any(|&(_, end, ref t)| end == p && t.pos == Pos::Verb))
        });
        marked || of
    }

    /// True when every word from token `from` to `to` is a quantity, a member noun or a
    /// partitive (ما يقرب من نصف مقاتلي, "some of the fighters of").
    fn quantified(&self, from: usize, to: usize) -> bool {
        let mut i = from;
        let mut any = false;
        while i < to {
            if let Some(&(_, end)) = self.markers.quantity.iter().find(|(s, _)| *s == i) {
                i = end;
                any = true;
            } else if self.markers.partitive.contains(&i) {
                i += 1;
            } else {
                return false;
            }
        }
        any && i == to
    }

    /// True when the trigger at token `a` opens its clause: nothing before it in the clause
    /// but words that continue the one before (ثم, كما, "then") and negations.
    /// The clause starts after the last punctuation or name before the trigger ("seized Kidal
    /// and then retook Gao").
    pub(crate) fn opens_clause(&self, a: usize) -> bool {
        let punctuation = (self.first..a)
            .rev()
            .find(|&i| self.tokens[i].kind != Kind::Word)
            .map_or(self.first, |i| i + 1);
        let name = self.before(a).map_or(self.first, |m| self.mentions[m].last);
        let start = punctuation.max(name);
        (start..a).all(|i| {
            self.markers.continues.contains(&i)
                || self.markers.and.contains(&i)
                || self.markers.negation.contains(&i)
        }) && (start == punctuation || start < a || self.tokens[a].conjunction)
            || (self.lang == Lang::Ar && self.coordinated(a))
    }

    /// True when the verb at token `a` is coordinated to the clause before: it carries the
    /// conjunction و, or "and"/"et" stands right before it (with only words like "later",
    /// "then" or an auxiliary between: "and later joined", "et a repris").
    pub(crate) fn coordinated(&self, a: usize) -> bool {
        if self.tokens[a].conjunction {
            return true;
        }
        for i in (self.first..a).rev() {
            if self.markers.and.contains(&i) {
                return true;
            }
            let continues =
                self.markers.continues.contains(&i) || self.markers.negation.contains(&i);
            if self.tokens[i].kind != Kind::Word || !continues {
                return false;
            }
        }
        false
    }

    /// True when every mention between tokens `from` and `to` is governed by a verb or a
    /// preposition (an object, a place): none could be the subject of a verb at `to`.
    pub(crate) fn only_objects_between(&self, from: usize, to: usize) -> bool {
        (0..self.mentions.len())
            .filter(|&m| self.mentions[m].first >= from && self.mentions[m].last <= to)
            .all(|m| self.governed(m))
    }

    /// The subject of the verb at tokens `a..b` by position alone, whatever the relation:
    /// in Arabic the name right after the verb (or after a quantity of its members), else
    /// the one right before it; in French and English the nearest ungoverned name before it.
    pub(crate) fn subject_of(&self, a: usize, b: usize) -> Option<usize> {
        if self.lang == Lang::Ar {
            let after = self.after(b).next().filter(|&m| {
                let first = self.mentions[m].first;
                first == b || (first <= b + 8 && self.quantified(b, first))
            });
            after.or_else(|| self.before(a).filter(|&s| self.mentions[s].last == a))
        } else {
            self.subject_before(a)
                .filter(|&s| self.gap(self.mentions[s].last, a) <= 3)
        }
    }

    /// True when the word after a verb ending before token `b` is no subject of its own: a
    /// name (its object), punctuation or a word of the lexicon (على, "in"), not an unknown
    /// noun or pronoun ("انضم بعضهم").
    pub(crate) fn no_subject_after(&self, b: usize) -> bool {
        b >= self.last
            || self.tokens[b].kind != Kind::Word
            || self.mentions.iter().any(|m| m.first == b)
            || self.markers.locative.iter().any(|&(x, _)| x == b)
            || self.markers.with.iter().any(|&(x, _)| x == b)
            || self.markers.partitive.contains(&b)
    }

    /// True when the trigger at token `a` is told as background: a pluperfect mark at most
    /// four words before it in its clause ("وكانت الحركة قد سيطرت", "had seized").
    /// So is what a speaker says ("وأكد أن …", "said that …"): a complement before it.
    pub(crate) fn background(&self, a: usize) -> bool {
        self.markers
            .background
            .iter()
            .any(|&p| p < a && self.gap(p + 1, a) <= 4 && !self.clause_between(p, a))
            || self.markers.complement.iter().any(|&c| c < a)
    }

    /// The "including" markers of the sentence: (first token, one past the last).
    fn including(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.markers
            .triggers
            .iter()
            .filter(|(_, _, t)| t.pos == Pos::Including)
            .map(|&(a, b, _)| (a, b))
    }

    /// The mention standing right before token `a` in apposition: at most one word and a
    /// comma (or bracket) between.
    fn appositive_before(&self, a: usize) -> Option<usize> {
        self.before(a).filter(|&m| {
            let end = self.mentions[m].last;
            end + 3 >= a
                && self.gap(end, a) <= 1
                && self.tokens[end..a]
                    .iter()
                    .all(|t| matches!(t.kind, Kind::Word | Kind::Clause))
        })
    }

    /// English: the name whose possessive stands right before the noun at token `a`, at
    /// most `words` plain words between ("the MNLA's armed wing", "al-Qaida's affiliate",
    /// "GAM's self-styled prime minister").
    fn possessor_before(&self, a: usize, words: usize) -> Option<usize> {
        if self.lang != Lang::En {
            return None;
        }
        self.before(a).filter(|&m| {
            let end = self.mentions[m].last;
            end < a
                && self.tokens[end].key == "s"
                && self.gap(end + 1, a) <= words
                && !self.clause_between(end, a)
        })
    }

    /// The mentions that share the role of mention `s` as the subject of a trigger: those
    /// joined to it by "and" before it (X و Y), and the whole an "including" apposition
    /// names a part of (X، وY على وجه الخصوص؛ X، بما في ذلك Y).
    pub(crate) fn co_subjects(&self, s: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut cur = s;
        while let Some(x) = cur.checked_sub(1) {
            let (mx, mc) = (&self.mentions[x], &self.mentions[cur]);
            let apposed = self
                .including()
                .any(|(i, j)| (j <= mc.first && i >= mx.last) || (i == mc.last && i > mx.last))
                && self.gap(mx.last, mc.first) <= 4;
            // "Chad, Sudan and Cameroon border …": a comma links items before an "and".
            let listed = !out.is_empty() && self.comma_linked(x, cur);
            // "X, along with Y, attacked", "X، إلى جانب Y، هاجمت": an item added to X.
            let added = self.also_between(mx.last, mc.first) && self.gap(mx.last, mc.first) <= 4;
            if !(self.joined(x, cur) || apposed || listed || added) {
                break;
            }
            out.push(x);
            cur = x;
        }
        // After a subject that follows its verb: "هاجمت X، بما في ذلك Y، …".
        let end = self.mentions[s].last;
        if let Some(y) = self.mentions.get(s + 1)
            && self
                .including()
                .any(|(i, j)| i >= end && self.gap(end, i) == 0 && self.gap(j, y.first) == 0)
        {
            out.push(s + 1);
        }
        // "هاجمت X، إلى جانب Y، …": an item added after a subject.
        if let Some(y) = self.mentions.get(s + 1)
            && !out.contains(&(s + 1))
            && self.also_between(end, y.first)
            && self.gap(end, y.first) <= 4
        {
            out.push(s + 1);
        }
        out
    }

    /// The first token from `from` to `to` (within the sentence) that is `word`, the word a
    /// trigger requires after it (`with=`).
    fn word_at(&self, from: usize, to: usize, word: &super::lexicon::Word) -> Option<usize> {
        (from..to.min(self.last)).find(|&i| self.tokens[i].keys().iter().any(|k| word.matches(k)))
    }

    /// The name right after `word` (an agent's "by", "par"), which follows token `b` with at
    /// most four words between and neither a name nor a trigger among them: "dirigé sur le
    /// terrain par X", "led, according to experts, by X"; not "led the attack on Gao,
    /// backed by Y".
    fn agent_word_after(&self, b: usize, word: &super::lexicon::Word) -> Option<usize> {
        let w = self.word_at(b, b + 8, word)?;
        let clear = self.gap(b, w) <= 4
            && !self.mentions.iter().any(|m| m.first >= b && m.first < w)
            && !self
                .markers
                .triggers
                .iter()
                .any(|&(x, _, _)| x >= b && x < w);
        clear.then(|| self.right_after(w + 1)).flatten()
    }

    /// The object of a noun trigger after token `b`: the name right after the word its
    /// trigger requires ("operation … against Y": `with=against`, so "a joint operation with
    /// X against Y" has Y), else [`Sentence::marked_object`].
    fn noun_object(&self, b: usize, trigger: &Trigger) -> Option<usize> {
        match &trigger.with {
            Some(word) => self
                .word_at(b, b + 8, word)
                .and_then(|w| self.right_after(w + 1)),
            None => self.marked_object(b),
        }
    }

    /// The mention right after a "with"/"against" marker that follows token `b`, or right
    /// after `b` itself.
    fn marked_object(&self, b: usize) -> Option<usize> {
        self.markers
            .with
            .iter()
            .filter(|&&(x, _)| x >= b && x <= b + 6 && !self.another_trigger_before(b, x))
            .find_map(|&(_, y)| self.right_after(y))
    }

    /// True when a trigger other than the one ending at token `b` stands between it and the
    /// "with"/"against" word at `x`, right before that word (an adjective between at most),
    /// inside a phrase of place or circumstance ("في", "in", "dans"): the word marks that
    /// trigger's object ("تحالفت مع Y في الحرب على Z": على is الحرب's; "allied with Y in the
    /// war against Z"; "alliée à Y dans la guerre contre Z"). A trigger that completes the
    /// verb ("اتفقت على وقف إطلاق النار مع Y", "signed a truce with Y") shares its object.
    fn another_trigger_before(&self, b: usize, x: usize) -> bool {
        self.markers.triggers.iter().any(|&(start, end, _)| {
            start >= b
                && end <= x
                && self.gap(end, x) <= 1
                && self
                    .markers
                    .locative
                    .iter()
                    .any(|&(l, e)| l >= b && e <= start && self.gap(e, start) <= 1)
        })
    }

    /// True when the mention starting at token `first` follows a "with"/"against" word that
    /// marks the object of another trigger after token `b` (see
    /// [`Sentence::another_trigger_before`]): no object of the trigger ending at `b`.
    fn object_of_another(&self, b: usize, first: usize) -> bool {
        self.markers.with.iter().any(|&(x, y)| {
            x >= b && y <= first && self.gap(y, first) <= 1 && self.another_trigger_before(b, x)
        })
    }
}
