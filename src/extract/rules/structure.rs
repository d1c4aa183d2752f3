//! Constructions that place a trigger's actors away from its plain subject and object (issue
//! 16, structure), read from the grammar of news Arabic, French and English:
//!
//! | rule | reads | example |
//! |---|---|---|
//! | `participle` | a passive participle without auxiliary, or an infinitive passive, and its agent | "X, reconnu par Y"; "Backed by Y, X seized Z"; "avant d'être repoussés par Y" |
//! | `agent-noun` | a noun governed by a preposition whose agent follows it: the agent does it for the clause's subject | "سيطرت X على Z بدعم من Y"; "avec le soutien de Y"; "with the support of Y" |
//! | `fronted` | a prepositional phrase with "with" opening the sentence: the other side | "مع Y أجرت X مقابلة"; "Avec Y, X a signé un accord" |
//! | `partitive` | a noun's object as a group of a people or group | "قتل المدنيين من Y" |
//! | `genitive` | a noun's source as its genitive after "of", the other side after a preposition | "l'offensive de X contre Y"; "انسحاب X من Y" |
//! | `after` | a noun after "after" whose other side is named: the clause's subject is the first side | "…، بعد اشتباكات مع Y"; "after heavy fighting with Y" |
//! | `whole` | a verb whose subject is the whole and whose objects are its parts | "regroupe Y et Z"; "تضم Y" |
//! | `pits` | a verb with both sides as objects | "qui oppose X aux Y"; "pitting X against Y" |
//! | `object-relative` | a relative clause with its own subject: the antecedent is the object | "Y, que X contrôle"; "Y, which X controls"; "Y، التي تسيطر عليها X" |
//! | `object-control` | "accuse X of doing": X does it | "accuse X d'armer Y"; "accused X of arming Y" |
//! | `purpose` | "in support of Y": Y is the one supported | "دعما لـY"; "in support of Y"; "en soutien au Y" |
//! | `role` | a role noun after ك ("as") | "X كإداريين لـY" |
//! | `masdar` | a masdar of purpose with ل, its object as genitive: the clause's subject does it | "شكلت X تحالفا لمحاربة Y" |
//!
//! Lists continued by بالإضافة إلى, "as well as", "ainsi que", or "with" after a comma are read
//! by [`Sentence::listed_after`] through [`Sentence::also_between`].

use super::{Reading, Sentence, read};
use crate::extract::lexicon::{Lang, Pos, Trigger};
use crate::extract::tokens::Kind;

/// How far (in words) an agent may stand after its marker ("par des instructeurs russes et
/// des paramilitaires du groupe Wagner").
const AGENT_WORDS: usize = 8;

impl Sentence<'_> {
    /// The readings of the constructions of this module for the trigger at tokens `a..b`.
    pub(super) fn structure_readings(
        &self,
        a: usize,
        b: usize,
        trigger: &Trigger,
        out: &mut Vec<Reading>,
    ) {
        if trigger.near || !matches!(trigger.pos, Pos::Verb | Pos::Noun) {
            return;
        }
        if trigger.whole {
            self.whole_readings(a, b, out);
            return;
        }
        if trigger.pits {
            self.pits_readings(b, out);
            return;
        }
        self.participle_readings(a, b, out);
        if trigger.pos == Pos::Verb {
            self.object_relative_readings(a, b, out);
            self.object_control_readings(a, b, trigger, out);
        }
        self.agent_noun_readings(a, b, out);
        self.fronted_readings(a, b, trigger, out);
        if trigger.pos == Pos::Noun {
            self.genitive_readings(a, b, trigger, out);
            self.after_readings(a, b, out);
            self.role_readings(a, b, out);
            if trigger.kind == crate::model::RelationKind::Support {
                self.purpose_readings(a, b, out);
            }
        }
    }

    /// True when a word that continues a list (بالإضافة إلى, "as well as", or "with" after a
    /// comma) stands between tokens `from` and `to`, right before `to` or one word before.
    pub(super) fn also_between(&self, from: usize, to: usize) -> bool {
        self.markers
            .also
            .iter()
            .any(|&(x, y)| x >= from && y <= to && self.gap(y, to) <= 3)
    }

    /// The first mention after the agent marker ending at token `end`: within a few words, in
    /// the same clause ("par des instructeurs russes et des paramilitaires du groupe Wagner").
    /// A definite noun right before a name ("du groupe russe Wagner") gives way to the name.
    fn agent_after(&self, end: usize) -> Option<usize> {
        let near = |from: usize, m: usize, words: usize| {
            let first = self.mentions[m].first;
            self.gap(from, first) <= words && !self.clause_between(from, first)
        };
        let m = self
            .after(end)
            .next()
            .filter(|&m| near(end, m, AGENT_WORDS))?;
        let named = self
            .mentions
            .get(m + 1)
            .filter(|_| self.mentions[m].resolved && near(self.mentions[m].last, m + 1, 2));
        Some(named.map_or(m, |_| m + 1))
    }

    /// The subject of a clause whose own subject is left unstated (a participle, an
    /// infinitive, a noun governed by a preposition) at tokens `a..b`: the name it hangs on
    /// right before it (a comma between at most: "X, reconnu par"), the antecedent of a
    /// relative pronoun opening its clause ("X, qui bénéficient du soutien de"), the first name
    /// of the sentence no preposition governs when the clause names no actor before `a`, or,
    /// when the clause opens the sentence, the first such name after the next comma
    /// ("Appuyées par Y, elles ont …").
    /// Several names may qualify (a dateline's town first): the caller lets the kinds choose.
    fn unstated_subject(&self, a: usize, b: usize) -> Vec<usize> {
        let clause_start = self.clause_start(a);
        if let Some(m) = self.before(a) {
            let end = self.mentions[m].last;
            // "X, qui bénéficient du soutien de": a relative pronoun opens the clause.
            let relative = end + 1 == clause_start
                && self.markers.relative.contains(&clause_start)
                && !m_in(self, m, clause_start, a);
            let apposed =
                end == a || (end + 1 == a && self.tokens[end].kind == Kind::Clause) || relative;
            if apposed {
                return vec![m];
            }
            if m_in(self, m, clause_start, a) {
                return Vec::new(); // the clause names its own actors: not this construction
            }
        }
        if clause_start > self.first {
            return self.subjects_before(a).take(3).collect();
        }
        // The clause opens the sentence: the subject follows the next punctuation.
        let Some(comma) = (b..self.last).find(|&i| self.tokens[i].kind == Kind::Clause) else {
            return Vec::new();
        };
        (0..self.mentions.len())
            .find(|&m| {
                let first = self.mentions[m].first;
                first > comma && self.gap(comma, first) <= 3 && !self.governed(m)
            })
            .into_iter()
            .collect()
    }

    /// The names before token `a` that no preposition governs, first first, not across a
    /// coordinated clause ("…، وبعد أربعة أشهر استعادت …", ", and …"): what may be the
    /// subject of a clause that leaves it unstated.
    fn subjects_before(&self, a: usize) -> impl Iterator<Item = usize> + '_ {
        let coordinated = (self.first..a)
            .rev()
            .find(|&p| {
                self.tokens[p].kind != Kind::Word
                    && p + 1 < a
                    && (self.tokens[p + 1].conjunction || self.markers.and.contains(&(p + 1)))
            })
            .map_or(self.first, |p| p + 1);
        (0..self.mentions.len()).filter(move |&m| {
            let x = &self.mentions[m];
            x.first >= coordinated && x.last <= a && !self.governed(m)
        })
    }

    /// Arabic: mention `m` is the object of the preposition ب written on it after a
    /// participle or adjective ("المرتبطة بتنظيم القاعدة", affiliated with al-Qaeda): no
    /// source of a noun that follows.
    pub(super) fn prepositional(&self, m: usize) -> bool {
        let first = self.mentions[m].first;
        let t = &self.tokens[first];
        // بتنظيم: ب written on the word; بالحركة, للحركة: a preposition before the article
        // (the key keeps neither).
        let written = (t.key.starts_with('ب') && t.bare.is_some())
            || (t.prefixed && t.definite && t.bare.is_none() && !t.conjunction);
        self.lang == Lang::Ar
            && written
            && first > self.first
            && self.tokens[first - 1].kind == Kind::Word
            && self.tokens[first - 1].definite
            && !self.mentions.iter().any(|x| x.last == first)
    }

    /// True when the verb trigger at tokens `a..b` is an Arabic participle with its agent
    /// after it ("المدعومة من فرنسا", "المدعومة من قبل"): no finite verb, so neither its
    /// subject nor its object is read as a verb's.
    pub(super) fn arabic_participle(&self, a: usize, b: usize) -> bool {
        self.lang == Lang::Ar
            && self.tokens[a].definite
            && !self.tokens[a].prefixed
            && (self.markers.partitive.contains(&b)
                || self.markers.agent.iter().any(|&(x, _)| x == b))
    }

    /// True when mention `m` is the agent of an Arabic participle ("المدعومة من فرنسا"):
    /// no object of the verb before it.
    pub(super) fn participle_agent(&self, m: usize) -> bool {
        let first = self.mentions[m].first;
        first >= self.first + 2
            && self.markers.triggers.iter().any(|&(x, y, ref t)| {
                t.pos == Pos::Verb
                    && self.arabic_participle(x, y)
                    && self.gap(y, first) <= 2
                    && !self
                        .mentions
                        .iter()
                        .any(|o| o.first >= y && o.last <= first)
            })
    }

    /// "X, reconnu par Y", "Backed by Y, X seized Z", "avant d'être repoussés par Y": a verb
    /// followed right away by the agent marker is a passive participle, whose patient is the
    /// subject it leaves unstated (an auxiliary may stand before it: an infinitive, "être").
    fn participle_readings(&self, a: usize, b: usize, out: &mut Vec<Reading>) {
        // Arabic writes a participle with the article (القوات المدعومة من X, the forces
        // backed by X), its agent after من as well as من قبل.
        let end = if self.lang == Lang::Ar {
            let participle = self.tokens[a].definite && !self.tokens[a].prefixed;
            let agent = self
                .markers
                .agent
                .iter()
                .find(|(x, _)| *x == b)
                .map(|&(_, e)| e);
            match agent.or_else(|| self.markers.partitive.contains(&b).then_some(b + 1)) {
                Some(end) if participle => end,
                _ => return,
            }
        } else {
            match self.markers.agent.iter().find(|(x, _)| *x == b) {
                Some(&(_, end)) => end,
                None => return,
            }
        };
        let Some(agent) = self.agent_after(end) else {
            return;
        };
        // With a finite auxiliary and its subject in the clause, the passive rule reads it.
        let auxiliary = self.markers.passive.iter().any(|&p| p < a && p + 2 >= a);
        let confidence = if auxiliary { 0.82 } else { 0.8 };
        for (n, patient) in self.unstated_subject(a, b).into_iter().enumerate() {
            if patient != agent {
                out.push(read(
                    agent,
                    patient,
                    "participle",
                    confidence - 0.01 * n as f64,
                ));
            }
        }
    }

    /// "Y, que X contrôle", "Y, which X controls", "Y، التي تسيطر عليها X": a relative clause
    /// whose own subject is named has the antecedent for the verb's object (the nearest name
    /// before the pronoun, or the one before that across an apposition: the kinds decide).
    fn object_relative_readings(&self, a: usize, b: usize, out: &mut Vec<Reading>) {
        let Some(&r) = self
            .markers
            .relative
            .iter()
            .chain(&self.markers.complement)
            .filter(|&&r| r > self.first && r < a && self.tokens[r - 1].kind == Kind::Clause)
            .max()
        else {
            return;
        };
        let subject = if self.lang == Lang::Ar {
            // The verb right after the pronoun, then the resumptive pronoun, then the subject.
            (r + 1 == a && self.markers.resumptive.contains(&b))
                .then(|| self.after(b + 1).next())
                .flatten()
                .filter(|&m| self.mentions[m].first == b + 1)
        } else {
            // The subject between the pronoun and the verb, auxiliaries after it.
            self.after(r + 1).next().filter(|&m| {
                let x = &self.mentions[m];
                self.gap(r + 1, x.first) <= 1 && x.last <= a && self.gap(x.last, a) <= 2
            })
        };
        let Some(subject) = subject else {
            return;
        };
        let mut antecedents: Vec<usize> = (0..self.mentions.len())
            .rev()
            .filter(|&m| self.mentions[m].last < r && self.mentions[m].last + 12 > r)
            .take(2)
            .collect();
        // "الفاشر، كبرى مدن دارفور، التي", "Syrte, ville natale de Kadhafi, que": a name
        // inside an apposition (words before it after a comma) gives way to the apposition's
        // head, named right before that comma.
        if let Some(&near) = antecedents.first() {
            let first = self.mentions[near].first;
            let comma = (self.first..first)
                .rev()
                .find(|&i| self.tokens[i].kind != Kind::Word);
            // An apposition is a short noun phrase: not "BUJUMBURA (AFP) - Le Burundi a fermé
            // sa frontière avec le Rwanda, qu'il".
            if let Some(c) = comma
                && self.gap(c + 1, first) > 0
                && self.gap(c + 1, first) <= 4
                && let Some(head) = self.before(c).filter(|&h| self.mentions[h].last == c)
            {
                antecedents = vec![head, near];
            }
        }
        // "le Rwanda, qu'il accuse de …", "the CNDD-FDD, which it accuses of …": a pronoun
        // subject of the clause stands for the subject of the clause its antecedent is in
        // (the accuser), not for the last actor named.
        let subject = if self.lang != Lang::Ar && self.pronoun_in_object_relative(subject) {
            let Some(&near) = antecedents.iter().max_by_key(|&&m| self.mentions[m].first) else {
                return;
            };
            let Some(main) = self
                .subject_before(self.mentions[near].first)
                .filter(|&m| m != near)
            else {
                return;
            };
            antecedents.retain(|&m| m != main);
            main
        } else {
            subject
        };
        for (n, o) in antecedents.into_iter().enumerate() {
            out.push(read(subject, o, "object-relative", 0.7 - 0.02 * n as f64));
        }
    }

    /// "accuse X d'armer Y", "accused X of arming Y": an infinitive or gerund after "of" has
    /// for subject the object of the verb before it (the one accused), not that verb's
    /// subject; an auxiliary may stand between ("d'avoir attaqué", "of having attacked").
    fn object_control_readings(
        &self,
        a: usize,
        b: usize,
        trigger: &Trigger,
        out: &mut Vec<Reading>,
    ) {
        if self.lang == Lang::Ar || a < self.first + 2 {
            return;
        }
        let of = if self.markers.auxiliary.contains(&(a - 1)) {
            a - 2
        } else {
            a - 1
        };
        if of < self.first + 1 || !self.markers.partitive.contains(&of) {
            return;
        }
        let Some(x) = self.before(of).filter(|&x| self.mentions[x].last == of) else {
            return;
        };
        // X is the object of a verb: right after it, or joined to a name right after it.
        let object_of_verb = |m: usize| {
            let first = self.mentions[m].first;
            self.markers
                .triggers
                .iter()
                .any(|&(_, end, ref t)| t.pos == Pos::Verb && end <= first && end + 2 >= first)
        };
        let mut head = x;
        while !object_of_verb(head)
            && let Some(prev) = head.checked_sub(1)
            && self.joined(prev, head)
        {
            head = prev;
        }
        if object_of_verb(head) {
            out.extend(self.object_readings(x, b, trigger, "object-control", 0.78));
        }
    }

    /// "سيطرت X على Z بدعم من Y", "avec le soutien de Y", "with the support of Y", "qui
    /// bénéficient du soutien de Y": a trigger governed by a preposition (written on it in
    /// Arabic, or right before it), its agent after "of"; the agent does it for the subject
    /// of the clause.
    fn agent_noun_readings(&self, a: usize, b: usize, out: &mut Vec<Reading>) {
        let t = &self.tokens[a];
        let written_on = self.lang == Lang::Ar
            && t.bare.is_some()
            && t.key.starts_with(['ب', 'ل'])
            && !t.conjunction;
        let before = |i: usize| {
            i > self.first
                && (self.markers.with.iter().any(|&(_, y)| y == i)
                    || self.markers.partitive.contains(&(i - 1)))
        };
        // "with the support of": an article may stand between.
        let governed = written_on || before(a) || (a > self.first + 1 && before(a - 1));
        // "بدعم جوي من Y", "avec le soutien aérien de Y": one adjective, a word of no name,
        // may stand between the noun and "of" (in English it stands before the noun); it is
        // indefinite as the noun after the preposition is ("بقتل المدنيين من Y": the
        // definite word is the noun's object, and Y is no agent).
        let of = [b, b + 1].into_iter().find(|&i| {
            self.markers.partitive.contains(&i)
                && self.gap(b, i) == i - b
                && self.tokens[b..i].iter().all(|t| !t.definite)
        });
        let (true, Some(of)) = (governed, of) else {
            return;
        };
        let Some(agent) = self.agent_after(of + 1) else {
            return;
        };
        // "X, qui bénéficient du soutien de Y": the antecedent; "seized Z, a stronghold of W,
        // with the support of Y": the subject of the clause, not a name in apposition; "Avec
        // le soutien de Y, X a …": the subject after the comma.
        let mut subjects = Vec::new();
        if self.relative_opens(a) {
            subjects.extend(self.unstated_subject(a, b).into_iter().take(1));
        }
        for m in self.subjects_before(a).take(2) {
            if !subjects.contains(&m) {
                subjects.push(m);
            }
        }
        if subjects.is_empty() {
            subjects = self.unstated_subject(a, b);
        }
        for (n, subject) in subjects.into_iter().enumerate() {
            if subject != agent {
                out.push(read(agent, subject, "agent-noun", 0.8 - 0.01 * n as f64));
            }
        }
    }

    /// True when the clause of token `a` opens with a relative pronoun ("…, qui bénéficient").
    fn relative_opens(&self, a: usize) -> bool {
        self.markers.relative.contains(&self.clause_start(a))
    }

    /// The first token of the clause of token `a`: after the last punctuation before it.
    fn clause_start(&self, a: usize) -> usize {
        (self.first..a)
            .rev()
            .find(|&i| self.tokens[i].kind != Kind::Word)
            .map_or(self.first, |i| i + 1)
    }

    /// "مع Y أجرت X مقابلة", "Avec Y, X a signé un accord": "with" and a name opening the
    /// sentence give the other side of a symmetric trigger or an interview.
    fn fronted_readings(&self, a: usize, b: usize, trigger: &Trigger, out: &mut Vec<Reading>) {
        use crate::model::RelationKind as K;
        if !(trigger.kind.is_symmetric() || trigger.kind == K::Interview) {
            return;
        }
        let Some(&(_, end)) =
            self.markers.with.iter().find(|&&(x, _)| {
                x == self.first && !self.markers.also.iter().any(|&(y, _)| y == x)
            })
        else {
            return;
        };
        let Some(other) = self.right_after(end) else {
            return;
        };
        if self.mentions[other].last > a {
            return;
        }
        let source = if trigger.pos == Pos::Noun || self.lang != Lang::Ar {
            self.before(a)
        } else {
            self.after(b)
                .next()
                .filter(|&m| self.mentions[m].first == b)
        };
        if let Some(s) = source.filter(|&s| s > other) {
            out.push(read(s, other, "fronted", 0.65));
        }
    }

    /// The genitive of a noun after "of" ("l'offensive de X contre Y", "the withdrawal of X
    /// from Y") or written right after it ("انسحاب X من Y"), with the other side after "with",
    /// "against" or, for control, the place after "from" or "in" ("الإطاحة بسلطة X في Y"); and
    /// "قتل المدنيين من Y": a noun's object a group of a people or group.
    fn genitive_readings(&self, a: usize, b: usize, trigger: &Trigger, out: &mut Vec<Reading>) {
        let at = |i: usize| {
            self.after(i)
                .next()
                .filter(|&m| self.mentions[m].first == i)
        };
        // "of the MNLA", "de l'UPC": an article may stand between.
        let genitive = at(b).or_else(|| {
            self.markers
                .partitive
                .contains(&b)
                .then(|| at(b + 1).or_else(|| at(b + 2)))
                .flatten()
        });
        if let Some(g) = genitive {
            let end = self.mentions[g].last;
            if let Some(t) = self
                .marked_object(end)
                .filter(|&t| self.mentions[t].first <= end + 3)
            {
                out.push(read(g, t, "genitive", 0.65));
            } else if trigger.kind == crate::model::RelationKind::Control
                && (self.markers.partitive.contains(&end)
                    || self.markers.locative.iter().any(|&(x, _)| x == end))
                && let Some(place) = self.after(end).next().filter(|&m| {
                    let first = self.mentions[m].first;
                    first <= end + 2 && self.gap(end, first) <= 2
                })
            {
                out.push(read(g, place, "genitive", 0.65));
            }
            return;
        }
        if trigger.kind.is_symmetric() {
            return;
        }
        // "قتل المدنيين من الفولاني", "killing civilians from the Fulani": a common noun,
        // then "of"/"from" and a name: the name's group is the object.
        let Some(m) = self.after(b).next() else {
            return;
        };
        let first = self.mentions[m].first;
        let partitive_object = first > b + 1
            && self.markers.partitive.contains(&(first - 1))
            && self.gap(b, first) <= 4
            && !self.clause_between(b, first)
            && !self.markers.with.iter().any(|&(x, _)| x >= b && x < first)
            && !self
                .markers
                .locative
                .iter()
                .any(|&(x, _)| x >= b && x < first);
        if partitive_object
            && let Some(s) = self.before(a).filter(|&s| {
                let end = self.mentions[s].last;
                end + 10 >= a && !self.clause_between(end, a)
            })
        {
            out.push(read(s, m, "partitive", 0.6));
        }
    }

    /// "…، بعد يومين من اشتباكات عنيفة مع Y", "after heavy fighting with Y": a noun told after
    /// "after", whose other side is named, has the clause's subject for its first side.
    fn after_readings(&self, a: usize, b: usize, out: &mut Vec<Reading>) {
        let told_after = self
            .markers
            .after
            .iter()
            .any(|&x| x < a && self.gap(x + 1, a) <= 4 && !self.clause_between(x, a));
        if !told_after {
            return;
        }
        let Some(t) = self.marked_object(b) else {
            return;
        };
        for (n, s) in self.subjects_before(a).take(2).enumerate() {
            out.push(read(s, t, "after", 0.6 - 0.05 * n as f64));
        }
    }

    /// True when token `i` carries the preposition ل (لمالي, للحكومة).
    fn lam_on(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        self.lang == Lang::Ar
            && t.kind == Kind::Word
            && ((t.key.starts_with('ل') && t.bare.is_some())
                || (t.prefixed && t.definite && t.bare.is_none() && !t.conjunction))
    }

    /// "ترسل قوات دعما لمطالبة مالي", "in support of Mali", "en soutien au Mali": a noun
    /// of support not governed by "with" ("دعما" alone, or after "in"/"en"), then "for"/"of"
    /// and the one supported (through one more noun at most: "لمطالبة مالي", for Mali's
    /// claim); the supporter is the clause's unstated subject.
    fn purpose_readings(&self, a: usize, b: usize, out: &mut Vec<Reading>) {
        if b >= self.last {
            return;
        }
        let opens = if self.lang == Lang::Ar {
            !self.tokens[a].prefixed && self.lam_on(b)
        } else {
            a > self.first
                && self.markers.locative.iter().any(|&(_, y)| y == a)
                && (self.markers.partitive.contains(&b)
                    || self.markers.locative.iter().any(|&(x, _)| x == b))
        };
        if !opens {
            return;
        }
        let from = if self.lang == Lang::Ar { b } else { b + 1 };
        let Some(target) = self.after(from).next().filter(|&m| {
            let first = self.mentions[m].first;
            first <= from + 1 && !self.clause_between(from, first)
        }) else {
            return;
        };
        // The clause's own subject when it names one ("ECOWAS may send troops in support of
        // Mali"), else the one it leaves unstated.
        let mut subjects: Vec<usize> = (0..self.mentions.len())
            .filter(|&m| self.mentions[m].last <= a && !self.governed(m))
            .filter(|&m| !self.clause_between(self.mentions[m].last, a))
            .take(2)
            .collect();
        if subjects.is_empty() {
            subjects = self.unstated_subject(a, b);
        }
        for (n, s) in subjects.into_iter().enumerate() {
            if s != target {
                out.push(read(s, target, "purpose", 0.6 - 0.01 * n as f64));
            }
        }
    }

    /// "شكلت X وY تحالفا لمحاربة Z" (to fight Z), "تسعى X لاستعادة Z": a masdar whose
    /// genitive is its object (lexicon flag `object`), written with ل of purpose and followed
    /// right away by a name, is done by the clause's subject to that name (the subject
    /// nearest the masdar; the caller adds the subjects joined to it). Whether the trigger
    /// at `a..b` is such a masdar.
    pub(super) fn masdar_readings(&self, a: usize, b: usize, out: &mut Vec<Reading>) -> bool {
        if !self.lam_on(a) {
            return false;
        }
        let Some(object) = self
            .after(b)
            .next()
            .filter(|&m| self.mentions[m].first == b)
        else {
            return false;
        };
        // The nearest name before it in its clause that no preposition governs ("كل من X
        // وY", both X and Y, is a subject).
        let prepositional = |m: usize| {
            let first = self.mentions[m].first;
            self.markers
                .locative
                .iter()
                .chain(&self.markers.with)
                .chain(&self.markers.agent)
                .any(|&(_, end)| end <= first && end + 2 >= first)
        };
        if let Some(subject) = self
            .before(a)
            .filter(|&m| !self.clause_between(self.mentions[m].last, a) && !prepositional(m))
        {
            out.push(read(subject, object, "masdar", 0.6));
        }
        true
    }

    /// "أعلن X كإداريين مؤقتين لأزواد" (X as administrators of Azawad): a noun with ك ("as")
    /// right after a name says what that name is to the one after ل, an adjective between at
    /// most.
    fn role_readings(&self, a: usize, b: usize, out: &mut Vec<Reading>) {
        let t = &self.tokens[a];
        if self.lang != Lang::Ar || !(t.key.starts_with('ك') && t.bare.is_some()) {
            return;
        }
        let Some(s) = self.before(a).filter(|&s| self.mentions[s].last == a) else {
            return;
        };
        let target = self.after(b).next().filter(|&m| {
            let first = self.mentions[m].first;
            self.gap(b, first) <= 1 && !self.clause_between(b, first) && self.lam_on(first)
        });
        if let Some(target) = target {
            out.push(read(s, target, "role", 0.65));
        }
    }

    /// "La coalition regroupe Y et Z", "تضم التنسيقية Y", "The alliance comprises Y": each
    /// object is a part of the subject (an "including" word may stand between).
    fn whole_readings(&self, a: usize, b: usize, out: &mut Vec<Reading>) {
        let whole = if self.lang == Lang::Ar {
            self.subject_of(a, b)
        } else {
            self.subject_before(a)
        };
        let Some(whole) = whole else {
            return;
        };
        let from = if self.mentions[whole].first >= b {
            self.mentions[whole].last
        } else {
            b
        };
        if let Some(part) = self.after(from).next().filter(|&m| {
            let first = self.mentions[m].first;
            self.gap(from, first) <= 3 && !self.clause_between(from, first)
        }) {
            out.push(read(part, whole, "whole", 0.7));
        }
    }

    /// "qui oppose X aux Y", "the war pitting X against Y": the first object and the name
    /// after the next preposition are the two sides.
    fn pits_readings(&self, b: usize, out: &mut Vec<Reading>) {
        let Some(x) = self.after(b).next().filter(|&m| {
            let first = self.mentions[m].first;
            self.gap(b, first) <= 4 && !self.clause_between(b, first)
        }) else {
            return;
        };
        let end = self.mentions[x].last;
        let y = self.after(end).find(|&m| {
            let first = self.mentions[m].first;
            first > end
                && first <= end + 8
                && !self.clause_between(end, first)
                && (self.markers.locative.iter().any(|&(_, e)| e == first)
                    || self.markers.with.iter().any(|&(_, e)| e == first))
        });
        if let Some(y) = y {
            out.push(read(x, y, "pits", 0.8));
        }
    }
}

/// True when mention `m` lies in tokens `from..to`.
fn m_in(sentence: &Sentence, m: usize, from: usize, to: usize) -> bool {
    let x = &sentence.mentions[m];
    x.first >= from && x.last <= to
}
