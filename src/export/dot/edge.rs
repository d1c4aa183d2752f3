//! Drawing relations as edges: one relation, or the parallel relations of one pair bundled.

use std::fmt::Write as _;
use std::iter;

use graphviz_rust::dot_structures::{Attribute, Edge, EdgeTy, Id, NodeId, Vertex};

use super::style::{Difference, attr, stroke};
use super::text::{LabelText, label, quoted};
use crate::export::Lang;
use crate::i18n::{self, Phrase, Term};
use crate::model::{
    DateWords, EntityId, PartialDate, Relation, RelationKind, Status, UncertainDate,
};
use crate::query::{Certainty, Change};

/// A bundle's label lists at most this many kinds, then `…`.
const BUNDLE_KINDS: usize = 5;

/// Edge label lines longer than this many characters are broken (after the kind's `:`,
/// then before a date range's `→`), so that labels stay narrow beside their edges.
const WRAP: usize = 22;

/// `line` in lines of about [`WRAP`] characters: broken after the first `: ` (the kind of a
/// bundle's line), then each part before its ` → ` (the end of a date range); never inside a
/// date or a phrase such as `in 2013`.
fn fit(line: &str) -> Vec<String> {
    let long = |part: &str| part.chars().count() > WRAP;
    if !long(line) {
        return vec![line.to_owned()];
    }
    let parts = match line.split_once(": ") {
        Some((head, rest)) => vec![format!("{head}:"), rest.to_owned()],
        None => vec![line.to_owned()],
    };
    parts
        .into_iter()
        .flat_map(|part| match part.split_once(" → ") {
            Some((start, end)) if long(&part) => vec![start.to_owned(), format!("→ {end}")],
            _ => vec![part],
        })
        .collect()
}

/// The label of an edge: its lines, each [`fit`] to [`WRAP`].
fn wrapped_label(lines: &[String]) -> Attribute {
    let lines: Vec<String> = lines.iter().flat_map(|line| fit(line)).collect();
    Attribute(Id::Plain("label".into()), label(&lines))
}

/// The kind as an edge reads it in `lang`: `NOT` before a negated one, the status after a
/// doubtful one.
fn head(relation: &Relation, lang: Lang) -> String {
    let mut head = i18n::text(lang, Term::Kind(relation.kind)).to_owned();
    if relation.negated {
        head = format!("{} {head}", i18n::phrase(Phrase::Not, lang));
    }
    if relation.status != Status::Asserted {
        head = format!(
            "{head} ({})",
            i18n::text(lang, Term::Status(relation.status))
        );
    }
    head
}

/// An edge: kind (with `NOT` and status) and dates in the label, summary and evidence in the
/// tooltip, the kind's stroke (or the diff's colour), dashed when doubtful, dotted when
/// possible.
pub(super) fn edge(
    relation: &Relation,
    certainty: Option<Certainty>,
    change: Option<(Difference, Change)>,
    lang: Lang,
) -> Edge {
    let mut lines = vec![head(relation, lang), relation.dates_in(&date_words(lang))];
    let symmetric = relation.kind.is_symmetric();
    let mut attrs = match change {
        None => stroke(relation.kind).attrs(symmetric),
        Some((difference, change)) => {
            lines.push(match (difference, change.before, change.after) {
                (Difference::Changed, Some(a), Some(b)) => {
                    format!("{} → {}", a.as_str(), b.as_str())
                }
                _ => difference.name().to_owned(),
            });
            let colour = difference.colour();
            let mut attrs = vec![
                attr("color", colour),
                attr("fontcolor", colour),
                attr("penwidth", difference.width()),
            ];
            if symmetric {
                attrs.push(attr("dir", "none"));
            }
            attrs
        }
    };
    attrs.insert(0, wrapped_label(&lines));
    attrs.insert(1, tooltip(iter::once(relation)));
    let mut styles = Vec::new();
    if relation.status != Status::Asserted {
        styles.push("dashed");
    }
    if certainty == Some(Certainty::Possible) {
        styles.retain(|s| *s != "dashed");
        styles.push("dotted");
    }
    if change.is_some_and(|(d, _)| d == Difference::Changed) {
        styles.push("bold");
    }
    if !styles.is_empty() {
        attrs.push(attr("style", &styles.join(",")));
    }
    if relation.negated {
        attrs.retain(|a| a.0 != Id::Plain("arrowhead".into()) && a.0 != Id::Plain("dir".into()));
        if symmetric {
            attrs.extend([attr("dir", "both"), attr("arrowtail", "tee")]);
        }
        attrs.push(attr("arrowhead", "tee"));
    }
    pair(&relation.source, &relation.target, attrs)
}

/// The tooltip of an edge: each relation's summary and evidence (document and byte span),
/// written into one string sized for them, each evidence line made in one reused buffer.
fn tooltip<'r>(relations: impl Iterator<Item = &'r Relation> + Clone) -> Attribute {
    let size: usize = (relations.clone())
        .map(|r| r.summary().len() + 2 + r.evidence().len() * EVIDENCE_LINE)
        .sum();
    let mut text = LabelText::with_capacity(size);
    let mut line = String::new();
    for relation in relations {
        text.line(relation.summary());
        for e in relation.evidence() {
            line.clear();
            // Writing to a string does not fail.
            let _ = write!(
                line,
                "evidence: {} bytes {}–{}",
                e.document,
                e.start_byte(),
                e.end_byte()
            );
            text.line(&line);
        }
    }
    Attribute(Id::Plain("tooltip".into()), text.into_id())
}

/// About how many bytes a tooltip's evidence line takes (`evidence: report-en-000.txt bytes
/// 875874–875931` and its line break), to size the tooltip's string.
const EVIDENCE_LINE: usize = 56;

/// One edge for several relations between the same two entities (in date order, at least
/// two): the count, then a line per kind with how many and the dates of the first and last
/// (`conflict ×3: 2012-06-27 … 2014 →`); the kind's stroke when they share one kind, else a
/// dark grey line, wider for more; dashed when all are doubtful, dotted when all only
/// possibly hold; an arrow only when all go one way. In a diff, relations that differ alike
/// (`change`: how, and the line that says so) in the difference's colour.
pub(super) fn bundle(
    relations: &[(&Relation, Option<Certainty>)],
    change: Option<(Difference, String)>,
    lang: Lang,
) -> Edge {
    let kinds = by_kind(relations);
    let mut lines = bundle_lines(relations.len(), &kinds, lang);
    if let Some((_, note)) = &change {
        lines.push(note.clone());
    }
    let (first, _) = relations[0];
    let one_way = relations.iter().all(|(r, _)| {
        !r.kind.is_symmetric() && r.source == first.source && r.target == first.target
    });
    let mut attrs = bundle_stroke(
        change.as_ref().map(|(d, _)| *d),
        &kinds,
        relations.len(),
        one_way,
    );
    attrs.insert(0, wrapped_label(&lines));
    attrs.insert(1, tooltip(relations.iter().map(|(r, _)| *r)));
    let mut styles = Vec::new();
    if relations.iter().all(|(r, _)| r.status != Status::Asserted) {
        styles.push("dashed");
    } else if relations
        .iter()
        .all(|(_, c)| *c == Some(Certainty::Possible))
    {
        styles.push("dotted");
    }
    if change.is_some_and(|(d, _)| d == Difference::Changed) {
        styles.push("bold");
    }
    if !styles.is_empty() {
        attrs.push(attr("style", &styles.join(",")));
    }
    pair(&first.source, &first.target, attrs)
}

/// The kinds of a bundle's relations, in the order they first appear, each with its
/// relations.
fn by_kind<'r>(
    relations: &[(&'r Relation, Option<Certainty>)],
) -> Vec<(RelationKind, Vec<&'r Relation>)> {
    let mut kinds: Vec<(RelationKind, Vec<&Relation>)> = Vec::new();
    for &(relation, _) in relations {
        match kinds.iter_mut().find(|(k, _)| *k == relation.kind) {
            Some((_, list)) => list.push(relation),
            None => kinds.push((relation.kind, vec![relation])),
        }
    }
    kinds
}

/// A bundle's label lines: how many relations, then a line per kind (at most
/// [`BUNDLE_KINDS`], then `…`) with how many and their dates.
fn bundle_lines(count: usize, kinds: &[(RelationKind, Vec<&Relation>)], lang: Lang) -> Vec<String> {
    let mut lines = vec![format!("{count} {}", i18n::phrase(Phrase::Relations, lang))];
    for (kind, list) in kinds.iter().take(BUNDLE_KINDS) {
        let name = i18n::text(lang, Term::Kind(*kind));
        let years = years(list, lang);
        lines.push(match list.as_slice() {
            [one] => format!("{}: {years}", head(one, lang)),
            several => format!("{name} ×{}: {years}", several.len()),
        });
    }
    if kinds.len() > BUNDLE_KINDS {
        lines.push("…".to_owned());
    }
    lines
}

/// How a bundle of `count` relations is drawn: in a diff, the `difference`'s colour; else the
/// kind's stroke when it has one kind, a dark grey line, wider for more, when several; an
/// arrow only when all go `one_way`.
fn bundle_stroke(
    difference: Option<Difference>,
    kinds: &[(RelationKind, Vec<&Relation>)],
    count: usize,
    one_way: bool,
) -> Vec<Attribute> {
    let (colour, width) = match (difference, kinds) {
        (Some(difference), _) => (difference.colour(), difference.width().to_owned()),
        (None, [(kind, _)]) => return stroke(*kind).attrs(!one_way),
        (None, _) => {
            let width = (1.0 + 0.25 * count as f64).min(3.5);
            ("#4D4D4D", format!("{width:.2}"))
        }
    };
    let mut attrs = vec![
        attr("color", colour),
        attr("fontcolor", colour),
        attr("penwidth", &width),
    ];
    if !one_way {
        attrs.push(attr("dir", "none"));
    }
    attrs
}

/// The words of a diagram's dates in `lang`, in their narrow form (`2012-04-06..06-27`).
fn date_words(lang: Lang) -> DateWords {
    DateWords {
        short: true,
        ..i18n::date_words(lang)
    }
}

/// A date to the year, bounds as bounds (`2012`, `≤2012`, `≥2013`, `2012..2013`), and the
/// last year it may fall in (none for `≥`).
fn year(date: UncertainDate) -> (String, Option<u16>) {
    let year = |d: PartialDate| d.parts().0;
    match date {
        UncertainDate::Exact(d) => (year(d).to_string(), Some(year(d))),
        UncertainDate::NotAfter(d) => (format!("≤{}", year(d)), Some(year(d))),
        UncertainDate::NotBefore(d) => (format!("≥{}", year(d)), None),
        UncertainDate::Between(a, b) if year(a) == year(b) => (year(a).to_string(), Some(year(a))),
        UncertainDate::Between(a, b) => (format!("{}..{}", year(a), year(b)), Some(year(b))),
    }
}

/// The years relations of one kind in a bundle span, so that its label stays a line per
/// kind (the exact dates are on the edges `--no-bundle` draws): the earliest start's year,
/// then `→` when one goes on, else the latest end's year when it may be later (`2012–2013`,
/// `2012–≤2013` for an end between 2012 and 2013, `≤2012` for one that began by 2012 and
/// ended in 2012); `timeless` or `undated` when none has a date.
fn years(relations: &[&Relation], lang: Lang) -> String {
    let words = i18n::date_words(lang);
    if relations
        .iter()
        .all(|r| r.start.is_none() && r.end.is_none())
    {
        let timeless = relations.iter().all(|r| r.timeless);
        return (if timeless {
            words.timeless
        } else {
            words.undated
        })
        .to_owned();
    }
    let (start, start_last) = relations
        .iter()
        .filter_map(|r| r.start)
        .min_by_key(|d| (d.earliest(), d.latest()))
        .map_or_else(|| ("?".to_owned(), None), year);
    let open = relations
        .iter()
        .any(|r| r.effective_end().is_none() && !r.timeless);
    let last = relations
        .iter()
        .filter_map(|r| r.effective_end())
        .max_by_key(|d| (d.latest(), d.earliest()))
        .map(year);
    match (open, last) {
        (true, _) => format!("{start} →"),
        (false, Some((_, end_last))) if end_last.is_some() && end_last == start_last => start,
        // An end between two years reads as its latest: `2012–≤2013`.
        (false, Some((end, Some(end_last)))) if end.contains("..") => {
            format!("{start}–≤{end_last}")
        }
        (false, Some((end, _))) => format!("{start}–{end}"),
        (false, None) => start,
    }
}

/// An edge from `source` to `target`.
fn pair(source: &EntityId, target: &EntityId, attributes: Vec<Attribute>) -> Edge {
    let end = |id: &EntityId| Vertex::N(NodeId(quoted(id.as_str()), None));
    Edge {
        ty: EdgeTy::Pair(end(source), end(target)),
        attributes,
    }
}

#[cfg(test)]
mod tests {
    use crate::export::Options;
    use crate::export::dot::{colour, write};
    use crate::graph::Graph;
    use crate::load::{GraphFiles, load};
    use crate::query::{Certainty, Filter, Found, Snapshot, snapshot};
    use crate::{PartialDate, RelationKind, Status};

    fn azawad() -> Graph {
        load(&GraphFiles::builtin()).unwrap()
    }

    fn text(graph: &Graph, selection: &Snapshot) -> String {
        let mut out = Vec::new();
        write(graph, selection, &Options::default(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The printed edge of the relation with this id.
    fn edge_of(graph: &Graph, id: &str) -> String {
        let r = graph.relation_ix(id).unwrap();
        let relation = graph.relation(r);
        let found = Snapshot {
            entities: vec![],
            relations: vec![Found {
                relation: r,
                certainty: None,
            }],
        };
        let dot = text(graph, &found);
        let start = format!("\"{}\" -> \"{}\" [", relation.source, relation.target);
        let at = dot.find(&start).unwrap();
        dot[at..at + dot[at..].find(']').unwrap()].to_owned()
    }

    #[test]
    fn a_bundle_gives_each_kind_its_years() {
        use super::years;
        use crate::export::Lang;
        let relation = |start: Option<&str>, end: Option<&str>| -> crate::Relation {
            let mut json = serde_json::json!({"id": "r", "kind": "conflict", "source": "a",
                "target": "b", "summary": ""});
            if let Some(start) = start {
                json["start"] = start.into();
            }
            if let Some(end) = end {
                json["end"] = end.into();
            }
            serde_json::from_value(json).unwrap()
        };
        let years = |list: &[crate::Relation]| years(&list.iter().collect::<Vec<_>>(), Lang::En);
        let open = relation(Some("[..2012-06-27]"), None);
        let closed = relation(Some("2012-04-06"), Some("2013-06"));
        assert_eq!(years(&[closed.clone(), open]), "≤2012 →");
        assert_eq!(years(std::slice::from_ref(&closed)), "2012–2013");
        let within = relation(Some("[..2012-06-27]"), Some("[2012-04-06..2012-06-27]"));
        assert_eq!(years(&[within]), "≤2012");
        let by = relation(Some("2012-04-06"), Some("[2012-04-06..2013-12]"));
        assert_eq!(years(&[by]), "2012–≤2013");
        let later = relation(Some("2013-06"), Some("[2013-09..]"));
        assert_eq!(years(&[later]), "2013–≥2013");
        assert_eq!(years(&[relation(None, None)]), "undated");
    }

    #[test]
    fn long_label_lines_break_after_the_kind_and_before_the_end() {
        use super::fit;
        assert_eq!(fit("conflict ×2: 2013 →"), ["conflict ×2: 2013 →"]);
        assert_eq!(
            fit("goal: 2012-04-06..2012-06-27 → ≤2013-12"),
            ["goal:", "2012-04-06..2012-06-27", "→ ≤2013-12"]
        );
        assert_eq!(
            fit("part of: 2012-04-06 → in 2013"),
            ["part of:", "2012-04-06 → in 2013"]
        );
        assert_eq!(
            fit("2012-04-06..2012-12 → 2012-04-06..2013-12"),
            ["2012-04-06..2012-12", "→ 2012-04-06..2013-12"]
        );
        assert_eq!(
            fit("a-very-long-word-without-any-break"),
            ["a-very-long-word-without-any-break"]
        );
    }

    #[test]
    fn symmetric_kinds_have_no_arrow_and_negated_ones_a_bar() {
        let graph = azawad();
        let negated = graph
            .relations()
            .iter()
            .find(|r| r.negated && !r.kind.is_symmetric())
            .unwrap();
        let edge = edge_of(&graph, negated.id.as_str());
        assert!(edge.contains("arrowhead=\"tee\""), "{edge}");
        assert!(edge.contains("label=\"NOT "), "{edge}");
        let conflict = graph
            .relations()
            .iter()
            .find(|r| r.kind == RelationKind::Conflict && !r.negated)
            .unwrap();
        let edge = edge_of(&graph, conflict.id.as_str());
        assert!(edge.contains("dir=\"none\""), "{edge}");
        assert!(edge.contains(&format!("color=\"{}\"", colour(conflict.kind))));
    }

    #[test]
    fn doubtful_relations_are_dashed_and_cite_their_evidence() {
        let graph = azawad();
        let alleged = graph
            .relations()
            .iter()
            .find(|r| r.status == Status::Alleged)
            .unwrap();
        let edge = edge_of(&graph, alleged.id.as_str());
        assert!(edge.contains("style=\"dashed\""), "{edge}");
        assert!(edge.contains("(alleged)"), "{edge}");
        let evidence = &alleged.evidence()[0];
        let cited = format!(
            "evidence: {} bytes {}–{}",
            evidence.document,
            evidence.start_byte(),
            evidence.end_byte()
        );
        assert!(edge.contains(&cited), "{edge}");
    }

    #[test]
    fn possible_relations_are_dotted() {
        let graph = azawad();
        let day = "2012-05-01".parse::<PartialDate>().unwrap();
        let selection = snapshot(&graph, &Filter::during(day.period()));
        let possible = selection
            .relations
            .iter()
            .filter(|f| f.certainty == Some(Certainty::Possible))
            .count();
        assert!(possible > 0);
        let unbundled = Options {
            unbundled: true,
            ..Options::default()
        };
        let mut out = Vec::new();
        write(&graph, &selection, &unbundled, &mut out).unwrap();
        let dot = String::from_utf8(out).unwrap();
        // One per possible relation; the legend explains them in words.
        assert_eq!(dot.matches("style=\"dotted\"").count(), possible);
        assert!(dot.contains("possibly held then"));
    }

    #[test]
    fn parallel_relations_are_bundled_into_one_edge_unless_asked() {
        let graph = azawad();
        let mnla = graph.resolve("mnla").unwrap();
        let islamists = graph.resolve("islamists").unwrap();
        let between = crate::query::relations(&graph, &[mnla, islamists], &Filter::default());
        assert!(between.len() > 5);
        let selection = Snapshot::joining(&graph, between.clone());
        let bundled = text(&graph, &selection);
        assert_eq!(bundled.matches(" -> ").count(), 1, "{bundled}");
        assert!(bundled.contains(&format!("label=\"{} relations\\n", between.len())));
        assert!(bundled.contains("conflict ×"), "{bundled}");
        let unbundled = Options {
            unbundled: true,
            ..Options::default()
        };
        let mut out = Vec::new();
        write(&graph, &selection, &unbundled, &mut out).unwrap();
        let separate = String::from_utf8(out).unwrap();
        assert_eq!(separate.matches(" -> ").count(), between.len());
    }

    #[test]
    fn labels_and_legend_follow_the_language() {
        let graph = azawad();
        let mnla = graph.resolve("mnla").unwrap();
        let selection = crate::query::ego(&graph, mnla, 1, &Filter::default());
        for (lang, kind, legend) in [
            (crate::export::Lang::Fr, "contrôle", "Légende"),
            (crate::export::Lang::Ar, "سيطرة", "مفتاح الرسم"),
        ] {
            let options = Options {
                lang,
                ..Options::default()
            };
            let mut out = Vec::new();
            write(&graph, &selection, &options, &mut out).unwrap();
            let dot = String::from_utf8(out).unwrap();
            assert!(dot.contains(kind) && dot.contains(legend), "{dot}");
            assert!(!dot.contains("label=\"control\\n"), "{dot}");
            // Dates in words too: no English `undated` or `timeless` under an edge's kind.
            assert!(
                !dot.contains("\\nundated") && !dot.contains("\\ntimeless"),
                "{dot}"
            );
            let undated = crate::i18n::date_words(lang).undated;
            assert!(dot.contains(&format!("\\n{undated}")), "{dot}");
        }
    }
}
