//! Ends named by something other than a name or a definite noun of the lexicon (issue 16):
//! "the two sides" (الطرفان, les deux camps), "the country" (البلاد, le pays), a
//! demonstrative before a definite noun (هذه الجماعة), an Arabic preposition carrying a
//! pronoun (انسحب منها), and a bare definite noun that is the head word of an actor the text
//! has named (التنسيقية after تنسيقية الحركات الأزوادية).
//!
//! Each is resolved only when its antecedent is unambiguous, from what the text has said
//! before; otherwise it names nothing. A candidate one of whose ends is found this way reads
//! `+coreference` in its `rule`, at 0.1 lower confidence.

use std::collections::{HashMap, HashSet};

use super::lexicon::{Lang, Matches, Meaning};
use super::mentions::{Mention, Who};
use super::tokens::{Kind, Token};
use super::{Draft, Extractor, Here, rules};
use crate::graph::Graph;
use crate::model::{EntityKind, RelationKind};
use crate::names::keyed_names;

/// What the graph says that coreference needs, computed once per extractor.
#[derive(Debug, Default)]
pub(crate) struct Tables {
    /// Each town's or region's state, through the graph's `part_of` (a town in a region in a
    /// state), when it lies in exactly one.
    state_of: HashMap<usize, usize>,
    /// The key of the first word of each name of two words or more → the entities whose
    /// name it starts ("تنسيقية" → the CMA).
    heads: HashMap<String, Vec<usize>>,
}

impl Tables {
    pub(crate) fn new(graph: &Graph) -> Tables {
        let entities = graph.entities();
        let mut up: HashMap<usize, Vec<usize>> = HashMap::new();
        for r in graph.relations() {
            if r.kind != RelationKind::PartOf {
                continue;
            }
            if let (Some(s), Some(t)) = (
                graph.entity_ix(r.source.as_str()),
                graph.entity_ix(r.target.as_str()),
            ) {
                up.entry(s.index()).or_default().push(t.index());
            }
        }
        let mut state_of = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            if !matches!(e.kind, EntityKind::City | EntityKind::Region) {
                continue;
            }
            // The states above it, two steps at most (a town, its region, its state).
            let mut states = HashSet::new();
            let mut frontier = vec![i];
            for _ in 0..2 {
                let mut next = Vec::new();
                for p in frontier
                    .iter()
                    .flat_map(|f| up.get(f).into_iter().flatten())
                {
                    match entities[*p].kind {
                        EntityKind::State => {
                            states.insert(*p);
                        }
                        EntityKind::Region => next.push(*p),
                        _ => {}
                    }
                }
                frontier = next;
            }
            if states.len() == 1 {
                state_of.insert(i, *states.iter().next().unwrap_or(&i));
            }
        }
        let mut heads: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            for (k, _) in keyed_names(e) {
                if let Some((first, _)) = k.split_once(' ') {
                    let slot = heads.entry(first.to_owned()).or_default();
                    if !slot.contains(&i) {
                        slot.push(i);
                    }
                }
            }
        }
        Tables { state_of, heads }
    }
}

/// What the text has said so far that coreference reads.
#[derive(Debug, Default)]
pub(crate) struct Memory {
    /// The two ends of the last symmetric relation proposed, or of the last two actors named
    /// together ("X و Y", "X and Y"), and the byte where the text named them.
    pair: Option<(usize, usize, usize)>,
    /// The entities the sentence before named, in order.
    previous: Vec<usize>,
    /// The entities the sentence being read names, in order.
    current: Vec<usize>,
    /// Every entity the document has named, before the sentence being read.
    named: Vec<usize>,
    /// How many candidates had been proposed when the sentence being read began.
    seen: usize,
    /// The last two actors the sentence being read names together ("X و Y"), and where.
    together: Option<(usize, usize, usize)>,
}

/// The grammatical gender and number an Arabic pronoun ها needs of its antecedent: a
/// feminine singular or a plural of things. A town or a state is feminine; a group is what
/// its first word is (حركة, قوات: yes; تنظيم, جيش: no; the unknown, a name in Latin letters:
/// it may be).
fn takes_ha(graph: &Graph, tokens: &[Token], m: &Mention) -> bool {
    let Who::Known(e) = m.who else {
        return false;
    };
    match graph.entities()[e].kind {
        EntityKind::City | EntityKind::State | EntityKind::UnrecognisedState => true,
        EntityKind::Person => false,
        _ => {
            let key = &tokens[m.first].key;
            key.ends_with('ه') || key.ends_with("ات") || !key.chars().any(crate::text::is_arabic)
        }
    }
}

/// True when token `i` is a bare definite noun in Arabic: the article, and after it nothing
/// that could continue it as an adjective (a definite word) or a name.
fn bare_definite(matches: &Matches, tokens: &[Token], i: usize, last: usize) -> bool {
    tokens[i].definite
        && (i + 1 >= last
            || tokens[i + 1].kind != Kind::Word
            || tokens[i + 1].number.is_some()
            || !matches[i + 1].is_empty()
            || !tokens[i + 1].definite)
}

/// Adds to a sentence's `mentions` (tokens `first..last`, already resolved by names and the
/// lexicon's definite nouns) the ends named by coreference, and notes what the sentence
/// names. `candidates` is what the extractor has proposed so far.
#[allow(clippy::too_many_arguments)]
pub(crate) fn resolve(
    tables: &Tables,
    graph: &Graph,
    lang: Lang,
    matches: &Matches,
    tokens: &[Token],
    (first, last): (usize, usize),
    mentions: &mut Vec<Mention>,
    memory: &mut Memory,
    candidates: &[super::Candidate],
) {
    memory.begin_sentence(graph, matches, tokens, candidates);
    let covered =
        |mentions: &[Mention], i: usize| mentions.iter().any(|m| m.first <= i && i < m.last);
    let mut added = Vec::new();
    for i in first..last {
        if tokens[i].kind != Kind::Word || covered(mentions, i) {
            continue;
        }
        let arabic = lang == Lang::Ar;
        let mut span = None;
        // "The two sides" cites back to where the text named them: its evidence then names
        // both ends.
        let mut start = tokens[i].start;
        for (n, p) in matches[i].iter().filter(|(n, _)| i + n <= last) {
            let who = match p.meaning {
                Meaning::Pair if !arabic || tokens[i].definite => memory.pair.map(|(x, y, at)| {
                    start = at;
                    Who::Pair(x, y)
                }),
                Meaning::Country => memory.country(tables, graph, mentions, i).map(Who::Known),
                Meaning::Suffix if arabic && !resumptive(matches, i) => {
                    suffix_town(graph, tokens, mentions, memory, i).map(Who::Known)
                }
                _ => None,
            };
            if let Some(who) = who {
                span = Some((*n, who));
                break;
            }
        }
        if span.is_none()
            && arabic
            && bare_definite(matches, tokens, i, last)
            && let Some(e) = memory.head_noun(tables, mentions, &tokens[i], i)
        {
            span = Some((1, Who::Known(e)));
        }
        if let Some((n, who)) = span {
            added.push(Mention {
                first: i,
                last: i + n,
                start,
                end: tokens[i + n - 1].end,
                who,
                resolved: true,
                beside: None,
            });
        }
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| m.first);
    // "هذه الجماعة": the demonstrative belongs to the resolved noun after it.
    for m in mentions.iter_mut() {
        let d = m.first.wrapping_sub(1);
        if m.resolved
            && m.first > first
            && tokens[d].kind == Kind::Word
            && matches[d]
                .iter()
                .any(|(_, p)| p.meaning == Meaning::Demonstrative)
        {
            m.first = d;
            m.start = tokens[d].start;
        }
    }
    for m in mentions.iter() {
        if let Who::Known(e) = m.who {
            memory.current.push(e);
        }
    }
    // "X و Y", "X and Y": two actors named together.
    let actor = |m: &Mention| match m.who {
        Who::Known(e) => graph.entities()[e].kind.is_actor().then_some(e),
        _ => None,
    };
    for w in mentions.windows(2) {
        let (Some(x), Some(y)) = (actor(&w[0]), actor(&w[1])) else {
            continue;
        };
        let and = (w[1].first == w[0].last && tokens[w[1].first].conjunction)
            || (w[1].first == w[0].last + 1
                && matches[w[0].last]
                    .iter()
                    .any(|(_, p)| p.meaning == Meaning::And));
        if and && x != y {
            memory.together = Some((x, y, w[0].start));
        }
    }
}

/// The town a preposition carrying ها (منها, عليها) stands for: the one town the sentence
/// names before it, or if it names none, the one the sentence before named; never when an
/// actor that ها could also stand for is named between that town and the pronoun (the
/// subject or genitive right before the pronoun aside: "انسحاب الجيش منها").
fn suffix_town(
    graph: &Graph,
    tokens: &[Token],
    mentions: &[Mention],
    memory: &Memory,
    i: usize,
) -> Option<usize> {
    let entities = graph.entities();
    let town = |e: usize| entities[e].kind == EntityKind::City;
    let before: Vec<&Mention> = mentions.iter().filter(|m| m.last <= i).collect();
    let here: Vec<usize> = before
        .iter()
        .filter_map(|m| match m.who {
            Who::Known(e) if town(e) => Some(e),
            _ => None,
        })
        .collect();
    let (candidates, from) = if here.is_empty() {
        let previous: Vec<usize> = memory
            .previous
            .iter()
            .copied()
            .filter(|&e| town(e))
            .collect();
        (previous, 0)
    } else {
        let from = before
            .iter()
            .rposition(|m| matches!(m.who, Who::Known(e) if town(e)))
            .unwrap_or(0);
        (here, from + 1)
    };
    let e = only(&candidates)?;
    // "انسحاب الجيش منها": the word right before the pronoun is its clause's subject or
    // genitive, which a pronoun object never stands for.
    let adjacent = before.last().filter(|m| m.last == i || m.last + 1 == i);
    let rival = before[from.min(before.len())..].iter().any(|m| {
        !adjacent.is_some_and(|a| std::ptr::eq(*a, *m))
            && matches!(m.who, Who::Known(x) if entities[x].kind.is_actor())
            && takes_ha(graph, tokens, m)
    });
    (!rival).then_some(e)
}

/// Whether the pronoun at `i` takes up a relative clause's antecedent ("غاو، التي تسيطر عليها
/// X": the relative pronoun, the verb, then the pronoun): the structure of the clause says
/// what it stands for (`rules::structure`), not the nearest town.
fn resumptive(matches: &Matches, i: usize) -> bool {
    let is = |j: usize, meaning: Meaning| matches[j].iter().any(|(_, p)| p.meaning == meaning);
    i >= 2 && is(i, Meaning::Resumptive) && is(i - 2, Meaning::Relative)
}

/// The one distinct entity of `entities`, if there is exactly one.
fn only(entities: &[usize]) -> Option<usize> {
    let first = *entities.first()?;
    entities.iter().all(|&e| e == first).then_some(first)
}

impl Memory {
    /// Before a sentence: the sentence before is now the previous one, and the candidates
    /// proposed since say which pair was last named together.
    fn begin_sentence(
        &mut self,
        graph: &Graph,
        matches: &Matches,
        tokens: &[Token],
        candidates: &[super::Candidate],
    ) {
        let _ = (matches, tokens);
        let together = self.together.take();
        for c in &candidates[self.seen.min(candidates.len())..] {
            if !c.kind.is_symmetric() {
                continue;
            }
            let ix = |p: &super::Party| match p {
                super::Party::Known(id) => graph.entity_ix(id.as_str()).map(|x| x.index()),
                super::Party::New { .. } => None,
            };
            if let (Some(s), Some(t)) = (ix(&c.source), ix(&c.target)) {
                let at = c.evidence.first().map_or(0, |e| e.start_byte);
                self.pair = Some((s, t, at));
            }
        }
        // Two actors the sentence named together ("X و Y شكلا تحالفا لمحاربة Z") are its
        // pair before the relations it proposed with a third.
        if together.is_some() {
            self.pair = together;
        }
        self.seen = candidates.len();
        for &e in &self.current {
            if !self.named.contains(&e) {
                self.named.push(e);
            }
        }
        self.previous = std::mem::take(&mut self.current);
    }

    /// The state "the country" stands for: the one the towns and regions named so far lie
    /// in, else the only state named so far.
    fn country(
        &self,
        tables: &Tables,
        graph: &Graph,
        mentions: &[Mention],
        i: usize,
    ) -> Option<usize> {
        let entities = graph.entities();
        let named: Vec<usize> = self
            .named
            .iter()
            .copied()
            .chain(
                mentions
                    .iter()
                    .filter(|m| m.last <= i)
                    .filter_map(|m| match m.who {
                        Who::Known(e) => Some(e),
                        _ => None,
                    }),
            )
            .collect();
        let of_places: Vec<usize> = named
            .iter()
            .filter_map(|e| tables.state_of.get(e).copied())
            .collect();
        if let Some(s) = only(&of_places) {
            return Some(s);
        }
        if !of_places.is_empty() {
            return None;
        }
        let states: Vec<usize> = self
            .named
            .iter()
            .copied()
            .filter(|&e| entities[e].kind == EntityKind::State)
            .collect();
        only(&states)
    }

    /// The actor a bare definite noun stands for when it is the first word of the name of
    /// exactly one actor the text has named ("التنسيقية" after "تنسيقية الحركات
    /// الأزوادية").
    fn head_noun(
        &self,
        tables: &Tables,
        mentions: &[Mention],
        token: &Token,
        i: usize,
    ) -> Option<usize> {
        let candidates = tables.heads.get(&token.key)?;
        let in_sentence = mentions
            .iter()
            .filter(|m| m.last <= i)
            .filter_map(|m| match m.who {
                Who::Known(e) => Some(e),
                _ => None,
            });
        let named: Vec<usize> = self
            .named
            .iter()
            .copied()
            .chain(in_sentence)
            .filter(|e| candidates.contains(e))
            .collect();
        only(&named)
    }
}

/// How many actors a sentence's mentions name: "the two sides" counts two.
pub(crate) fn named_count(mentions: &[Mention]) -> usize {
    mentions
        .iter()
        .map(|m| if matches!(m.who, Who::Pair(..)) { 2 } else { 1 })
        .sum()
}

impl Extractor<'_> {
    /// "وقع الطرفان اتفاقا", "les deux camps ont négocié", "the two sides clashed": a
    /// symmetric trigger whose subject is "the two sides" (right before it, or in Arabic
    /// right after the verb; the genitive right after a noun) has them for its two ends.
    pub(super) fn propose_pair(&self, sentence: &rules::Sentence, here: &Here, out: &mut Draft) {
        let (a, b) = (here.a, here.b);
        if !here.trigger.kind.is_symmetric() {
            return;
        }
        let tokens = sentence.tokens;
        let words = |from: usize, to: usize| tokens[from..to].iter().all(|t| t.kind == Kind::Word);
        let Some((p, x, y)) = sentence.mentions.iter().enumerate().find_map(|(k, m)| {
            let Who::Pair(x, y) = m.who else { return None };
            let before = m.last <= a && m.last + 2 >= a && words(m.last, a);
            let after = m.first >= b
                && m.first <= b + 1
                && words(b, m.first)
                && (self.lang == Lang::Ar || here.trigger.pos == super::lexicon::Pos::Noun);
            (before || after).then_some((k, x, y))
        }) else {
            return;
        };
        let mut with_pair = sentence.mentions.to_vec();
        with_pair[p].who = Who::Known(x);
        let mut partner = with_pair[p].clone();
        partner.who = Who::Known(y);
        with_pair.insert(p + 1, partner);
        let sentence = rules::Sentence {
            mentions: &with_pair,
            ..*sentence
        };
        let reading = rules::Reading {
            source: p,
            target: p + 1,
            rule: "coordination",
            confidence: 0.7,
        };
        // The passage read runs from where the text named the two to the trigger's sentence.
        let passage = Here {
            sentence: super::tokens::Sentence {
                start: here.sentence.start.min(with_pair[p].start),
                ..here.sentence
            },
            ..*here
        };
        if let Some((reading, source, target)) = self.fits(here.trigger.kind, &with_pair, reading) {
            self.emit(&sentence, &passage, reading, source, target, out);
        }
    }
}

impl Extractor<'_> {
    /// "بعد انسحاب الجيش منها": a noun trigger, its genitive (the agent), then a preposition
    /// carrying a pronoun that stands for a town: the town is the noun's object, as "من
    /// المدينة" would be.
    pub(super) fn propose_suffix(&self, sentence: &rules::Sentence, here: &Here, out: &mut Draft) {
        if here.trigger.pos != super::lexicon::Pos::Noun {
            return;
        }
        let mentions = sentence.mentions;
        let Some(g) = mentions.iter().position(|m| m.first == here.b) else {
            return;
        };
        let Some(t) = mentions.get(g + 1).map(|_| g + 1) else {
            return;
        };
        let m = &mentions[t];
        let tokens = sentence.tokens;
        let suffix = m.resolved
            && m.first == mentions[g].last
            && m.last == m.first + 1
            && !tokens[m.first].definite
            && matches!(m.who, Who::Known(e) if self.graph.entities()[e].kind == EntityKind::City);
        if !suffix {
            return;
        }
        let reading = rules::Reading {
            source: g,
            target: t,
            rule: "noun",
            // As a noun read with its object after "with"/"against".
            confidence: 0.65,
        };
        if let Some((reading, source, target)) = self.fits(here.trigger.kind, mentions, reading) {
            self.emit(sentence, here, reading, source, target, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::read;
    use super::Lang;

    #[test]
    fn the_two_sides_are_the_last_pair_named_together() {
        // The sides of the last symmetric relation.
        assert_eq!(
            read(
                Lang::Ar,
                "اشتبكت الحركة الوطنية لتحرير أزواد مع أنصار الدين قرب كيدال. ثم وقع الطرفان اتفاقا لوقف إطلاق النار."
            ),
            [
                "conflict mnla ansar-dine - -",
                "agreement mnla ansar-dine - -",
                "ceasefire mnla ansar-dine - -"
            ]
        );
        assert_eq!(
            read(
                Lang::En,
                "The MNLA clashed with Ansar Dine near Kidal. The two sides later signed a ceasefire."
            ),
            [
                "conflict mnla ansar-dine - -",
                "agreement mnla ansar-dine - -"
            ]
        );
        // Two actors named together ("et"), then the sides of a symmetric verb.
        assert_eq!(
            read(
                Lang::Fr,
                "Le MNLA et Ansar Dine ont combattu à Kidal. Les deux camps ont ensuite négocié."
            ),
            [
                "conflict mnla ansar-dine - -",
                "negotiation mnla ansar-dine - -"
            ]
        );
        // No pair before: nothing; "طرفان" without the article is any two parties.
        assert_eq!(
            read(Lang::Ar, "وقع الطرفان اتفاقا لوقف إطلاق النار."),
            Vec::<String>::new()
        );
        assert_eq!(
            read(
                Lang::Ar,
                "اشتبكت الحركة الوطنية لتحرير أزواد مع أنصار الدين قرب كيدال. ثم وقع طرفان اتفاقا لوقف إطلاق النار."
            ),
            ["conflict mnla ansar-dine - -"]
        );
        assert_eq!(
            read(
                Lang::En,
                "The MNLA seized Kidal. The two sides later signed a ceasefire."
            ),
            ["control mnla kidal - -"]
        );
    }

    #[test]
    fn the_country_is_the_only_state_named_before() {
        assert_eq!(
            read(
                Lang::En,
                "Ansar Dine attacked Mali in 2012. It later withdrew from the country."
            ),
            [
                "attack ansar-dine mali 2012 -",
                "control ansar-dine mali - -"
            ]
        );
        assert_eq!(
            read(
                Lang::Fr,
                "Ansar Dine a attaqué le Mali en 2012. Le groupe s'est ensuite retiré du pays."
            ),
            [
                "attack ansar-dine mali 2012 -",
                "control ansar-dine mali - -"
            ]
        );
        assert_eq!(
            read(
                Lang::Ar,
                "هاجمت أنصار الدين مالي في 2012. ثم انسحبت الجماعة من البلاد."
            ),
            [
                "attack ansar-dine mali 2012 -",
                "control ansar-dine mali - -"
            ]
        );
        // Two states named: which country is not said.
        assert_eq!(
            read(
                Lang::En,
                "Ansar Dine attacked Mali and Niger in 2012. It later withdrew from the country."
            ),
            [
                "attack ansar-dine mali 2012 -",
                "attack ansar-dine niger 2012 -"
            ]
        );
    }

    #[test]
    fn a_demonstrative_belongs_to_its_noun() {
        assert_eq!(
            read(
                Lang::Ar,
                "أعلن إياد أغ غالي تأسيس أنصار الدين في 2012. وقد انشقت هذه الجماعة عن الحركة الوطنية لتحرير أزواد."
            ),
            ["defection ansar-dine mnla - -"]
        );
        assert_eq!(
            read(
                Lang::En,
                "Ansar Dine was founded in 2012. This group later split from the MNLA."
            ),
            ["defection ansar-dine mnla - -"]
        );
        assert_eq!(
            read(
                Lang::Fr,
                "Ansar Dine a été fondé en 2012. Ce groupe a ensuite fait scission avec le MNLA."
            ),
            ["defection ansar-dine mnla - -"]
        );
        // No group named before: nothing.
        assert_eq!(
            read(
                Lang::Ar,
                "وقد انشقت هذه الجماعة عن الحركة الوطنية لتحرير أزواد."
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_preposition_with_a_pronoun_is_the_one_town_before() {
        // A noun's object, after its genitive.
        assert_eq!(
            read(
                Lang::Ar,
                "دخلت أنصار الدين غاو في يونيو 2012 بعد انسحاب الجيش المالي منها."
            ),
            [
                "control ansar-dine gao 2012-06 -",
                "control malian-army gao - 2012-06"
            ]
        );
        // A verb's object.
        assert_eq!(
            read(
                Lang::Ar,
                "سيطرت الحركة الوطنية لتحرير أزواد على غاو. ثم انسحب الجيش المالي منها."
            ),
            ["control mnla gao - -", "control malian-army gao - -"]
        );
        // Two towns: which one is not said.
        assert_eq!(
            read(
                Lang::Ar,
                "سيطرت الحركة الوطنية لتحرير أزواد على غاو وكيدال. ثم انسحب الجيش المالي منها."
            ),
            ["control mnla gao - -", "control mnla kidal - -"]
        );
        // The town is in the sentence before and a movement (feminine, like ها) is named
        // between: it may be what the pronoun stands for.
        assert_eq!(
            read(
                Lang::Ar,
                "دخلت أنصار الدين غاو في يونيو 2012. وبعد أيام أدانت الحركة الوطنية لتحرير أزواد الهجوم بعد انسحاب الجيش المالي منها."
            )
            .iter()
            .filter(|c| c.contains("gao"))
            .count(),
            1
        );
    }

    #[test]
    fn a_state_s_adjective_on_a_noun_trigger_is_its_agent() {
        assert_eq!(
            read(
                Lang::Ar,
                "تواصلت الغارات المالية على أنصار الدين قرب كيدال."
            ),
            ["attack mali ansar-dine - -"]
        );
        assert_eq!(
            read(
                Lang::Fr,
                "Les frappes maliennes contre Ansar Dine ont repris près de Kidal."
            ),
            ["attack mali ansar-dine - -"]
        );
        assert_eq!(
            read(
                Lang::En,
                "Nigerien airstrikes on Ansar Dine resumed near Kidal."
            ),
            ["attack niger ansar-dine - -"]
        );
        // An Arabic adjective agrees with its noun in the article: "الغارات مالية" is no
        // noun and adjective; an adjective the graph has no state for names nothing.
        assert_eq!(
            read(Lang::Ar, "تواصلت الغارات مالية على أنصار الدين."),
            Vec::<String>::new()
        );
        assert_eq!(
            read(Lang::En, "Rwandan airstrikes on Ansar Dine resumed."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_bare_definite_noun_is_the_one_actor_whose_name_it_heads() {
        assert_eq!(
            read(
                Lang::Ar,
                "اجتمعت المجموعة الاقتصادية لدول غرب أفريقيا في أبوجا. وهددت المجموعة الحركة الوطنية لتحرير أزواد."
            ),
            ["threat ecowas mnla - -"]
        );
        // Nothing named before: nothing.
        assert_eq!(
            read(Lang::Ar, "وهددت المجموعة الحركة الوطنية لتحرير أزواد."),
            Vec::<String>::new()
        );
    }
}
