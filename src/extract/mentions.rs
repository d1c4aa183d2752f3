//! Where a text names an actor: the graph's entities by every name and alias (matched through
//! the name index's keys, a clitic allowed on the first word), and actors the graph does not
//! know, found by the head noun of their name (حركة, جماعة, "Front", "armée" ...).

use std::collections::HashMap;

use super::lexicon::{Matches, Meaning};
use super::tokens::{Kind, Token};
use crate::graph::Graph;
use crate::model::EntityKind;
use crate::names::keyed_names;

/// Who a mention names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Who {
    /// An entity of the graph, by index.
    Known(usize),
    /// An actor the graph does not know: the key of its name, and a proposed kind.
    New { key: String, kind: EntityKind },
    /// A definite noun ("الحركة", "the group") standing for the last actor of one of these
    /// kinds named before it in the paragraph; resolved (or dropped) by the caller.
    Anaphor(Vec<EntityKind>),
    /// A subject pronoun ("it", "they", "ils") right before a trigger verb: the subject of
    /// the clause before when it fits, else like [`Who::Anaphor`].
    Pronoun(Vec<EntityKind>),
    /// A noun of a side's forces carrying its possessive pronoun ("قواته", its forces), with
    /// the pronoun: the last actor named before it that agrees with the pronoun, when that
    /// is a group, a state or an organisation; resolved (or dropped) by the caller.
    Held(&'static str),
    /// "The two sides" (الطرفان, les deux camps), resolved to the two ends of the last
    /// symmetric relation or the last pair named together: read only as the subject of a
    /// symmetric trigger (see `coref`).
    Pair(usize, usize),
}

/// A span of tokens that names an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    pub first: usize,
    pub last: usize,
    pub start: usize,
    pub end: usize,
    pub who: Who,
    /// True when it names its actor by a definite noun or stands for an unstated subject,
    /// resolved from the sentences before.
    pub resolved: bool,
    /// Names its actor by a state's adjective beside a noun of armed means or a noun
    /// trigger ("طائرات إسرائيلية", "غارة إسرائيلية"): which noun.
    pub beside: Option<Beside>,
}

/// The noun a state's adjective stands beside when it names the state's armed force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Beside {
    /// A noun of armed means ("طائرات حربية إسرائيلية", "des avions russes", "Turkish
    /// jets"): the mention spans the noun and the adjective.
    Means,
    /// A noun trigger ("غارة إسرائيلية", "une frappe française", "a Russian air strike"):
    /// the mention is the adjective alone, naming the state, the noun's agent whichever side
    /// of the noun it stands.
    Noun,
}

/// `mentions` (in order) with `extra` inserted in its place, and its index: a name that
/// stands for an actor in one reading only (a state's adjective, an unstated subject).
pub(crate) fn inserted(mentions: &[Mention], extra: Mention) -> (Vec<Mention>, usize) {
    let at = mentions.partition_point(|m| m.first < extra.first);
    let mut out = Vec::with_capacity(mentions.len() + 1);
    out.extend_from_slice(&mentions[..at]);
    out.push(extra);
    out.extend_from_slice(&mentions[at..]);
    (out, at)
}

/// Every name of a graph's entities, by the key of its first word.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// First word → (all words, entity, written only in capitals); `usize::MAX` for a name
    /// two entities share.
    by_first: HashMap<String, Vec<(Vec<String>, usize, bool)>>,
    /// A town → the region named after it ("Kidal" → "Kidal Region", "منطقة كيدال"): a
    /// region one of whose names is one of the town's names and at most two more words.
    region_of: HashMap<usize, usize>,
    /// Each entity's kind, by index.
    kinds: Vec<EntityKind>,
}

impl Gazetteer {
    /// Indexes the ids, names and aliases of `graph`'s entities, by their matching keys.
    pub fn new(graph: &Graph) -> Gazetteer {
        let mut by_first: HashMap<String, Vec<(Vec<String>, usize, bool)>> = HashMap::new();
        for (i, entity) in graph.entities().iter().enumerate() {
            for (k, written) in keyed_names(entity) {
                let words: Vec<String> = k.split(' ').map(str::to_owned).collect();
                let capitals = written == entity.id.as_str() || acronym(written);
                let slot = by_first.entry(words[0].clone()).or_default();
                match slot.iter_mut().find(|(w, _, _)| *w == words) {
                    Some((_, e, _)) if *e != i => *e = usize::MAX,
                    Some((_, _, caps)) => *caps &= capitals,
                    None => slot.push((words, i, capitals)),
                }
            }
        }
        let region_of = regions_of_towns(graph);
        Gazetteer {
            by_first,
            region_of,
            kinds: graph.entities().iter().map(|e| e.kind).collect(),
        }
    }

    /// The longest name starting at token `i`: its length in tokens and entity.
    pub(crate) fn at(&self, tokens: &[Token], i: usize) -> Option<(usize, usize)> {
        self.longest(tokens, i, &tokens[i].keys())
    }

    /// True when the name of the words `first..last` starts with the word at `first` as
    /// written, no clitic taken off ("واشنطن", "وزارة الدفاع": no "and" on them).
    pub(crate) fn whole(&self, tokens: &[Token], first: usize, last: usize) -> bool {
        self.longest(tokens, first, &[tokens[first].key.as_str()])
            .is_some_and(|(n, _)| first + n == last)
    }

    /// The longest name starting at token `i` whose first word is one of `firsts` (the
    /// word's keys): its length in tokens and entity.
    fn longest(&self, tokens: &[Token], i: usize, firsts: &[&str]) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for first in firsts {
            for (words, entity, capitals) in self.by_first.get(*first).into_iter().flatten() {
                let n = words.len();
                // "AU", "UN" and ids are no French "au", "un": an acronym matches a word
                // written with a capital.
                let fits = (!capitals || tokens[i].upper)
                    && i + n <= tokens.len()
                    && words[1..]
                        .iter()
                        .zip(&tokens[i + 1..i + n])
                        .all(|(w, t)| t.kind == Kind::Word && *w == t.key);
                if fits && best.is_none_or(|(m, _)| n > m) {
                    best = Some((n, *entity));
                }
            }
        }
        best.filter(|(_, e)| *e != usize::MAX)
    }
}

/// True for a name written as an acronym: one word of two to six Latin capitals ("AU",
/// "MNLA"), which a text writes the same way.
fn acronym(written: &str) -> bool {
    (2..=6).contains(&written.len()) && written.chars().all(|c| c.is_ascii_uppercase())
}

/// Each town's region, when the graph has exactly one region named after it.
fn regions_of_towns(graph: &Graph) -> HashMap<usize, usize> {
    let entities = graph.entities();
    let names = |i: usize| -> Vec<Vec<String>> {
        keyed_names(&entities[i])
            .map(|(k, _)| k.split(' ').map(str::to_owned).collect())
            .collect()
    };
    let towns: Vec<(usize, Vec<Vec<String>>)> = (0..entities.len())
        .filter(|&i| entities[i].kind == EntityKind::City)
        .map(|i| (i, names(i)))
        .collect();
    let mut out: HashMap<usize, usize> = HashMap::new();
    for r in (0..entities.len()).filter(|&i| entities[i].kind == EntityKind::Region) {
        for region_name in names(r) {
            for (town, town_names) in &towns {
                let named = town_names.iter().any(|t| {
                    region_name.len() > t.len()
                        && region_name.len() <= t.len() + 2
                        && region_name.windows(t.len()).any(|w| w == t.as_slice())
                });
                if named {
                    let slot = out.entry(*town).or_insert(r);
                    if *slot != r {
                        *slot = usize::MAX;
                    }
                }
            }
        }
    }
    out.retain(|_, r| *r != usize::MAX);
    out
}

/// True when the phrase ending right before token `i` is a region word (منطقة, مناطق,
/// "regions of").
fn after_region_word(lexicon: &Matches, tokens: &[Token], i: usize) -> bool {
    (i.saturating_sub(3)..i).any(|j| {
        tokens[j].kind == Kind::Word
            && lexicon[j]
                .iter()
                .any(|(n, p)| j + n == i && p.meaning == Meaning::Region)
    })
}

/// The mentions in `tokens[first..last]` (a sentence), in order, never overlapping.
pub(crate) fn find(
    gazetteer: &Gazetteer,
    lexicon: &Matches,
    latin: bool,
    tokens: &[Token],
    first: usize,
    last: usize,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut in_region_list = false;
    let mut i = first;
    while i < last {
        if tokens[i].kind != Kind::Word {
            i += 1;
            continue;
        }
        if let Some((n, mut entity)) = gazetteer.at(&tokens[..last], i) {
            // "l'Armée nationale de développement": a longer name starting inside a name
            // ("l'armée") is the one written.
            let inside = (i + 1..i + n).any(|j| {
                gazetteer
                    .at(&tokens[..last], j)
                    .is_some_and(|(m, _)| m > n && j + m > i + n)
            });
            if inside {
                i += 1;
                continue;
            }
            // "مناطق تمبكتو وكيدال وغاو", "the regions of Kidal and Gao": the towns' regions.
            let region_word = after_region_word(lexicon, tokens, i);
            let listed = in_region_list
                && out.last().is_some_and(|m: &Mention| {
                    (m.last == i && tokens[i].conjunction)
                        || (m.last + 1 == i
                            && lexicon[m.last]
                                .iter()
                                .any(|(_, p)| p.meaning == Meaning::And))
                });
            in_region_list = false;
            if (region_word || listed)
                && let Some(&r) = gazetteer.region_of.get(&entity)
            {
                entity = r;
                in_region_list = true;
            }
            let start = head_before(gazetteer, lexicon, latin, tokens, (i, entity), &out);
            out.push(mention(tokens, start, i + n, Who::Known(entity)));
            i += n;
            continue;
        }
        // "l'armée malienne" is a name that starts inside "l'armée".
        if let Some((n, kinds)) = anaphor(gazetteer, lexicon, latin, tokens, i, last)
            && (i + 1..i + n).all(|j| gazetteer.at(&tokens[..last], j).is_none())
        {
            out.push(mention(tokens, i, i + n, Who::Anaphor(kinds.to_vec())));
            i += n;
            continue;
        }
        // "وقال حزب الله إن مقاتليه فجروا": its fighters, the party.
        if lexicon[i]
            .iter()
            .any(|(n, p)| *n == 1 && p.meaning == Meaning::Held)
            && let Some(suffix) = super::tokens::possessive_suffix(&tokens[i].key)
        {
            out.push(mention(tokens, i, i + 1, Who::Held(suffix)));
            i += 1;
            continue;
        }
        if let Some(kinds) = pronoun(lexicon, tokens, i, last) {
            out.push(mention(tokens, i, i + 1, Who::Pronoun(kinds.to_vec())));
            i += 1;
            continue;
        }
        let found = if latin {
            new_latin(gazetteer, lexicon, tokens, i, last, i == first)
        } else {
            new_arabic(gazetteer, lexicon, tokens, i, last)
        };
        match found {
            Some((end, kind)) => {
                let key = tokens[i..end]
                    .iter()
                    .map(|t| t.key.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push(mention(tokens, i, end, Who::New { key, kind }));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Where the mention of a known actor whose name starts at token `first` starts: at the
/// head noun right before the name, when there is one ("حركة أنصار الدين", "لجماعة بوكو
/// حرام", "le groupe Ansar Dine"): a head of a group's name (`entity` lines, not an armed
/// force's, whose noun names the force of a state), written without the article in Arabic
/// (the first term of a construct) and in lower case in French and English, for an actor
/// that is neither a state nor a place, and outside the mention before (`before`). The name
/// alone is the entity's; the head makes it one mention, so that what governs the head
/// governs the name ("على مواقع حركة X").
fn head_before(
    gazetteer: &Gazetteer,
    lexicon: &Matches,
    latin: bool,
    tokens: &[Token],
    (first, entity): (usize, usize),
    before: &[Mention],
) -> usize {
    let actor = gazetteer.kinds.get(entity).is_some_and(|k| {
        k.is_actor() && !matches!(k, EntityKind::State | EntityKind::UnrecognisedState)
    });
    let Some(j) = first.checked_sub(1) else {
        return first;
    };
    let head = tokens[j].kind == Kind::Word
        && lexicon[j].iter().any(|(n, p)| {
            *n == 1 && matches!(p.meaning, Meaning::Head(k) if k != EntityKind::ArmedForce)
        })
        && if latin {
            !tokens[j].upper
        } else {
            !tokens[j].definite
        };
    let free = before.last().is_none_or(|m| m.last <= j);
    if actor && head && free { j } else { first }
}

fn mention(tokens: &[Token], first: usize, last: usize, who: Who) -> Mention {
    Mention {
        first,
        last,
        start: tokens[first].start,
        end: tokens[last - 1].end,
        who,
        resolved: false,
        beside: None,
    }
}

/// The length of the definite noun standing for an actor at token `i`, when it is one: in
/// Arabic a word with the article not followed by a word that could continue a name
/// ("الحركة،", "للحركة" then a verb of the lexicon; not "الحركة الشعبية"), in French and
/// English the phrase in lower case ("the movement"; "the Movement for ..." is a name).
fn anaphor<'a>(
    gazetteer: &Gazetteer,
    lexicon: &'a Matches,
    latin: bool,
    tokens: &[Token],
    i: usize,
    last: usize,
) -> Option<(usize, &'a [EntityKind])> {
    let (n, kinds) =
        lexicon[i]
            .iter()
            .filter(|(n, _)| i + n <= last)
            .find_map(|(n, p)| match &p.meaning {
                Meaning::Anaphor(kinds) => Some((*n, kinds.as_slice())),
                _ => None,
            })?;
    let next = tokens.get(i + n).filter(|_| i + n < last);
    // "the city of Gao", "la ville de Gao": the name that follows is what it stands for.
    let of_a_name = next.is_some()
        && lexicon[i + n]
            .iter()
            .any(|(k, p)| *k == 1 && p.meaning == Meaning::Partitive)
        && i + n + 1 < last
        && gazetteer.at(&tokens[..last], i + n + 1).is_some();
    if of_a_name {
        return None;
    }
    let ends = next
        .is_none_or(|t| t.kind != Kind::Word || t.number.is_some() || !lexicon[i + n].is_empty());
    // Arabic: the first term of a construct (إضافة) never takes the article, and an
    // adjective agrees with its noun in taking it; so a word without the article after a
    // definite noun (الجماعة عادت, الجماعة بتجنيد) does not continue it.
    let ok = if latin {
        !tokens[i + n - 1].upper
    } else {
        tokens[i].definite && (ends || next.is_some_and(|t| !t.definite))
    };
    ok.then_some((n, kinds))
}

/// The kinds a subject pronoun at token `i` may stand for, when a trigger verb follows it
/// within three words in its clause ("it had recaptured", "ils ont repris"): a pronoun
/// elsewhere is an object or an impersonal subject ("il faut"), not read. A possessive is
/// read right before a title ("its spokesman, X").
fn pronoun<'a>(
    lexicon: &'a Matches,
    tokens: &[Token],
    i: usize,
    last: usize,
) -> Option<&'a [EntityKind]> {
    // "its spokesman, X", "son porte-parole X": a possessive right before a title of a
    // group's (not a head of state's: "son Premier ministre" is a government's, whose
    // head the possessive names).
    let title = |j: usize| {
        lexicon[j].iter().any(|(_, p)| {
            matches!(&p.meaning, Meaning::Trigger(t) if t.pos == super::lexicon::Pos::Title && !t.state)
        })
    };
    if let Some(kinds) = lexicon[i].iter().find_map(|(n, p)| match &p.meaning {
        Meaning::Possessive(kinds) if *n == 1 => Some(kinds.as_slice()),
        _ => None,
    }) {
        return (i + 1 < last && title(i + 1)).then_some(kinds);
    }
    let kinds = lexicon[i].iter().find_map(|(n, p)| match &p.meaning {
        Meaning::Pronoun(kinds) if *n == 1 => Some(kinds.as_slice()),
        _ => None,
    })?;
    (i + 1..(i + 4).min(last))
        .take_while(|&j| tokens[j].kind == Kind::Word)
        .any(|j| {
            lexicon[j].iter().any(|(_, p)| {
                matches!(&p.meaning, Meaning::Trigger(t) if t.pos == super::lexicon::Pos::Verb)
            })
        })
        .then_some(kinds)
}

/// A word that may not continue an actor's name: punctuation, a number, a known name, or any
/// word of the lexicon other than a head noun.
fn ends_name(gazetteer: &Gazetteer, lexicon: &Matches, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    t.kind != Kind::Word
        || t.number.is_some()
        || gazetteer.at(tokens, i).is_some()
        || !lexicon[i]
            .iter()
            .all(|(_, p)| matches!(p.meaning, Meaning::Head(_)))
}

/// The head noun phrase starting at `i`, when it is one: its end and kind.
fn head(lexicon: &Matches, i: usize, last: usize) -> Option<(usize, EntityKind)> {
    lexicon[i]
        .iter()
        .filter(|(n, _)| i + n <= last)
        .find_map(|(n, p)| match p.meaning {
            Meaning::Head(kind) => Some((i + n, kind)),
            _ => None,
        })
}

/// Arabic: a head noun (without a clitic) and one to three words after it, up to a word that
/// cannot continue a name or that carries the conjunction و.
fn new_arabic(
    gazetteer: &Gazetteer,
    lexicon: &Matches,
    tokens: &[Token],
    i: usize,
    last: usize,
) -> Option<(usize, EntityKind)> {
    // A head written with a preposition and the article (للميليشيات, بالحركة) is no name's
    // start: the name would begin after the preposition, in a phrase about something else.
    if tokens[i].prefixed {
        return None;
    }
    let (mut end, kind) = head(lexicon, i, last)?;
    let head_end = end;
    while end < last && end < head_end + 3 {
        let t = &tokens[end];
        if ends_name(gazetteer, lexicon, tokens, end) || t.conjunction {
            break;
        }
        end += 1;
    }
    (end > head_end).then_some((end, kind))
}

/// French and English: a run of capitalised words (with "of", "de", "du", "la" ... between
/// them) holding a head noun ("Front", "Army", "Mouvement"), or of two to four capitalised
/// words that are no lexicon word (a person's name), not starting a sentence.
fn new_latin(
    gazetteer: &Gazetteer,
    lexicon: &Matches,
    tokens: &[Token],
    i: usize,
    last: usize,
    sentence_start: bool,
) -> Option<(usize, EntityKind)> {
    const CONNECTORS: [&str; 15] = [
        "of", "for", "the", "in", "de", "du", "des", "la", "l", "d", "pour", "and", "et", "en",
        "le",
    ];
    // A run starts at its first capitalised word that is no other lexicon word ("The",
    // "Yesterday" open sentences, not names).
    if !tokens[i].upper || ends_name(gazetteer, lexicon, tokens, i) {
        return None;
    }
    let mut end = i;
    let mut words = 0;
    while end < last {
        let t = &tokens[end];
        if t.kind != Kind::Word || (end > i && gazetteer.at(tokens, end).is_some()) {
            break;
        }
        if t.upper {
            end += 1;
            words += 1;
        } else if CONNECTORS.contains(&t.key.as_str())
            && tokens
                .get(end + 1)
                .is_some_and(|n| n.upper && n.kind == Kind::Word)
            && end + 1 < last
        {
            end += 1;
        } else {
            break;
        }
        if words >= 8 {
            break;
        }
    }
    let heads: Vec<EntityKind> = (i..end)
        .filter_map(|j| head(lexicon, j, end).map(|(_, k)| k))
        .collect();
    if let Some(kind) = heads.first() {
        return (words >= 2).then_some((end, *kind));
    }
    // "Central African troops": capitalised adjectives before a head noun written in lower
    // case name an actor of the head's kind, not a person.
    if end < last
        && let Some((head_end, kind)) = head(lexicon, end, last)
    {
        return Some((head_end, kind));
    }
    let plain = (i..end).all(|j| {
        tokens[j].upper && !ends_name(gazetteer, lexicon, tokens, j) && tokens[j].key.len() > 1
    });
    (plain && !sentence_start && (2..=4).contains(&words)).then_some((end, EntityKind::Person))
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::Lang;
    use super::super::tokens::tokenize;
    use super::*;
    use crate::load::{GraphFiles, load};

    fn names(lang: Lang, text: &str) -> Vec<String> {
        let graph = load(&GraphFiles::builtin()).unwrap();
        let gazetteer = Gazetteer::new(&graph);
        let lexicon = crate::extract::Lexicon::parse(lang.builtin_lexicon()).unwrap();
        let tokens = tokenize(text);
        let matches = lexicon.at_each(&tokens);
        find(
            &gazetteer,
            &matches,
            lang != Lang::Ar,
            &tokens,
            0,
            tokens.len(),
        )
        .into_iter()
        .map(|m| {
            let who = match &m.who {
                Who::Known(e) => graph.entities()[*e].id.to_string(),
                Who::New { kind, .. } => format!("new {kind:?}"),
                Who::Anaphor(kinds) => format!("anaphor {kinds:?}"),
                Who::Pronoun(kinds) => format!("pronoun {kinds:?}"),
                Who::Held(pronoun) => format!("held {pronoun}"),
                Who::Pair(x, y) => format!("pair {x} {y}"),
            };
            format!("{} = {who}", &text[m.start..m.end])
        })
        .collect()
    }

    #[test]
    fn known_names_with_clitics_and_articles() {
        assert_eq!(
            names(
                Lang::Ar,
                "وأعلنت الحركة الوطنية لتحرير أزواد وبالإسلاميين ولغاو"
            ),
            [
                "الحركة الوطنية لتحرير أزواد = mnla",
                "وبالإسلاميين = islamists",
                "ولغاو = gao"
            ]
        );
    }

    #[test]
    fn a_bare_definite_noun_is_an_anaphor_and_a_longer_one_a_name() {
        assert_eq!(
            names(Lang::Ar, "الأمين العام للحركة ، قال"),
            ["للحركة = anaphor [PoliticalMovement, ArmedGroup, Coalition]"]
        );
        assert_eq!(
            names(Lang::Ar, "قالت الحركة الشعبية الجديدة"),
            ["الحركة الشعبية الجديدة = new PoliticalMovement"]
        );
        assert_eq!(
            names(Lang::En, "the leader of the movement said"),
            ["the movement = anaphor [PoliticalMovement, ArmedGroup, Coalition]"]
        );
        assert_eq!(
            names(Lang::Fr, "selon lui, le mouvement a dit"),
            ["le mouvement = anaphor [PoliticalMovement, ArmedGroup, Coalition]"]
        );
        assert_eq!(
            names(Lang::Fr, "l'armée malienne"),
            ["armée malienne = malian-army"]
        );
    }

    #[test]
    fn unknown_actors_by_their_head_noun() {
        assert_eq!(
            names(
                Lang::En,
                "Yesterday the Movement for Unity and Jihad in West Africa clashed with the MNLA."
            ),
            [
                "Movement for Unity and Jihad in West Africa = new PoliticalMovement",
                "MNLA = mnla"
            ]
        );
        assert_eq!(
            names(Lang::Ar, "هاجمت جماعة نصرة الإسلام والمسلمين الجيش المالي"),
            [
                "جماعة نصرة الإسلام = new ArmedGroup",
                "الجيش المالي = malian-army"
            ]
        );
    }
}
