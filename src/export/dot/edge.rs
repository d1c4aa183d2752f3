//! Drawing one relation as an edge.

use std::borrow::Cow;
use std::iter;

use graphviz_rust::dot_structures::{Attribute, Edge, EdgeTy, Id, NodeId, Vertex};

use super::style::{Difference, attr, colour};
use super::text::{label, quoted};
use crate::model::{EntityId, Relation, Status};
use crate::query::{Certainty, Change};

/// An edge: kind (with `NOT` and status) and dates in the label, summary and evidence in the
/// tooltip, the kind's colour (or the diff's), dashed when doubtful, dotted when possible.
pub(super) fn edge(
    relation: &Relation,
    certainty: Option<Certainty>,
    change: Option<(Difference, Change)>,
) -> Edge {
    let mut head = relation.kind.as_str().replace('_', " ");
    if relation.negated {
        head = format!("NOT {head}");
    }
    if relation.status != Status::Asserted {
        head = format!("{head} ({})", relation.status);
    }
    let mut lines = vec![head, relation.dates()];
    let (colour, width) = match change {
        None => (colour(relation.kind), "1.2"),
        Some((difference, change)) => {
            lines.push(match (difference, change.before, change.after) {
                (Difference::Changed, Some(a), Some(b)) => {
                    format!("{} → {}", a.as_str(), b.as_str())
                }
                _ => difference.name().to_owned(),
            });
            (difference.colour(), difference.width())
        }
    };
    let evidence = relation.evidence.iter().map(|e| {
        Cow::Owned(format!(
            "evidence: {} bytes {}–{}",
            e.document, e.start_byte, e.end_byte
        ))
    });
    let tooltip = iter::once(Cow::Borrowed(&*relation.summary)).chain(evidence);
    let mut attrs = vec![
        Attribute(Id::Plain("label".into()), label(&lines)),
        Attribute(Id::Plain("tooltip".into()), label(tooltip)),
        attr("color", colour),
        attr("fontcolor", colour),
        attr("penwidth", width),
    ];
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
    match (relation.kind.is_symmetric(), relation.negated) {
        (true, false) => attrs.push(attr("dir", "none")),
        (true, true) => attrs.extend([
            attr("dir", "both"),
            attr("arrowhead", "tee"),
            attr("arrowtail", "tee"),
        ]),
        (false, true) => attrs.push(attr("arrowhead", "tee")),
        (false, false) => {}
    }
    let end = |id: &EntityId| Vertex::N(NodeId(quoted(id.as_str()), None));
    Edge {
        ty: EdgeTy::Pair(end(&relation.source), end(&relation.target)),
        attributes: attrs,
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
        let evidence = &alleged.evidence[0];
        let cited = format!(
            "evidence: {} bytes {}–{}",
            evidence.document, evidence.start_byte, evidence.end_byte
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
        let dot = text(&graph, &selection);
        // One per possible relation, plus the legend's sample.
        assert_eq!(dot.matches("style=\"dotted\"").count(), possible + 1);
    }
}
