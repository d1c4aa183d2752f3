//! The visual vocabulary of diagrams: a colour per relation kind, a shape per entity kind, line
//! styles for doubt and negation, colours for diffs, and the legend that explains them.

use std::collections::BTreeSet;

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};

use super::text::{label, quoted};
use crate::model::{EntityKind, RelationKind};

/// Fonts for labels in Latin script first, with Arabic glyphs in the fallbacks.
pub const LATIN_FONTS: &str = "Noto Sans, Noto Sans Arabic, DejaVu Sans";
/// Fonts for Arabic labels: a font with Arabic glyphs (joined, right to left) first.
pub const ARABIC_FONTS: &str = "Noto Sans Arabic, Noto Sans, DejaVu Sans";

/// How a relation differs between the two dates of a diff diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Difference {
    /// It did not hold on the first date and holds on the second: green.
    Began,
    /// It held on the first date and not on the second: grey.
    Ended,
    /// It held on both, with a different certainty: orange and bold.
    Changed,
}

impl Difference {
    /// Every difference, in legend order.
    pub const ALL: [Difference; 3] = [Difference::Began, Difference::Ended, Difference::Changed];

    /// `began`, `ended` or `changed`.
    pub fn name(self) -> &'static str {
        match self {
            Difference::Began => "began",
            Difference::Ended => "ended",
            Difference::Changed => "changed",
        }
    }

    /// The edge colour.
    pub fn colour(self) -> &'static str {
        match self {
            Difference::Began => "#2e7d32",
            Difference::Ended => "#9e9e9e",
            Difference::Changed => "#ef6c00",
        }
    }

    /// The edge's pen width.
    pub fn width(self) -> &'static str {
        match self {
            Difference::Began => "2",
            Difference::Ended => "1",
            Difference::Changed => "2.5",
        }
    }
}

/// The edge colour of a relation kind.
///
/// ```
/// use actorgraph::RelationKind;
/// use actorgraph::export::dot::colour;
/// assert_eq!(colour(RelationKind::Conflict), "#d32f2f");
/// ```
pub fn colour(kind: RelationKind) -> &'static str {
    use RelationKind as K;
    match kind {
        K::Alliance => "#2e7d32",
        K::Conflict => "#d32f2f",
        K::Attack => "#7f0000",
        K::Support => "#1565c0",
        K::Recognition => "#7b1fa2",
        K::Control => "#616161",
        K::Ceasefire => "#00897b",
        K::Negotiation => "#827717",
        K::Agreement => "#006064",
        K::Declaration => "#c2185b",
        K::Claim => "#a1887f",
        K::Leadership => "#283593",
        K::Membership => "#0288d1",
        K::PartOf => "#90a4ae",
        K::Borders => "#795548",
        K::Capital => "#f9a825",
        K::Defection => "#ff7043",
        K::Denunciation => "#4a148c",
        K::Administration => "#455a64",
        K::Presence => "#bdbdbd",
        K::Interview => "#00acc1",
        K::Destabilisation => "#8d6e63",
        K::ArmedForceOf => "#37474f",
        K::Goal => "#6a1b9a",
        K::Threat => "#e65100",
        K::Hiding => "#9e9d24",
        K::Overlaps => "#b0bec5",
    }
}

/// How an entity kind is drawn: Graphviz shape, fill colour and style.
pub struct Look {
    /// The node shape.
    pub shape: &'static str,
    /// The fill colour.
    pub fill: &'static str,
    /// The node style.
    pub style: &'static str,
}

/// The look of an entity kind.
pub fn look(kind: EntityKind) -> Look {
    use EntityKind as E;
    let (shape, fill) = match kind {
        E::ArmedGroup => ("box", "#fdecea"),
        E::PoliticalMovement => ("hexagon", "#fff3e0"),
        E::Coalition => ("doubleoctagon", "#fff8e1"),
        E::State => ("house", "#e3f2fd"),
        E::UnrecognisedState => ("house", "#f5f5f5"),
        E::IntergovernmentalOrganisation => ("component", "#e8eaf6"),
        E::Person => ("ellipse", "#f3e5f5"),
        E::People => ("egg", "#fce4ec"),
        E::City => ("circle", "#e8f5e9"),
        E::Region => ("tab", "#f1f8e9"),
        E::NaturalArea => ("folder", "#f9fbe7"),
        E::MediaOutlet => ("note", "#eceff1"),
        E::ArmedForce => ("box3d", "#e0f2f1"),
    };
    let style = match kind {
        E::UnrecognisedState => "filled,dashed",
        _ => "filled",
    };
    Look { shape, fill, style }
}

/// `name=value`, the value quoted.
pub fn attr(name: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(name.to_owned()), quoted(value))
}

/// The line styles a diagram uses, for the legend.
#[derive(Debug, Clone, Copy, Default)]
pub struct Marks {
    /// Some relation is alleged or disputed (dashed).
    pub doubtful: bool,
    /// Some relation only possibly holds on the date asked about (dotted).
    pub possible: bool,
    /// Some relation is negated (tee arrow, `NOT`).
    pub negated: bool,
}

/// What a legend explains.
pub struct LegendContent {
    /// Entity kinds drawn.
    pub entities: BTreeSet<EntityKind>,
    /// Relation kinds drawn (their colours); empty in a diff diagram.
    pub relations: BTreeSet<RelationKind>,
    /// Line styles drawn.
    pub marks: Marks,
    /// In a diff diagram: the two dates.
    pub diff: Option<(String, String)>,
}

/// The `cluster_legend` subgraph: one node per entity kind drawn in its shape, one sample edge
/// per relation kind in its colour, per line style and per diff colour. Legend nodes and edges
/// carry `legend_…` ids (SVG element ids), unlike the diagram's own `node…`/`edge…`.
pub fn legend(content: &LegendContent) -> Stmt {
    let mut stmts = vec![
        Stmt::Attribute(attr("label", "Legend")),
        Stmt::Attribute(attr("style", "rounded")),
        Stmt::Attribute(attr("color", "#9e9e9e")),
    ];
    for &kind in &content.entities {
        let look = look(kind);
        let name = format!("legend_{}", kind.as_str());
        stmts.push(Stmt::Node(Node::new(
            NodeId(quoted(&name), None),
            vec![
                Attribute(
                    Id::Plain("label".into()),
                    label([kind.as_str().replace('_', " ")]),
                ),
                attr("id", &name),
                attr("shape", look.shape),
                attr("style", look.style),
                attr("fillcolor", look.fill),
                attr("fontsize", "10"),
            ],
        )));
    }
    let mut samples: Vec<(String, String, Vec<Attribute>)> = Vec::new();
    for &kind in &content.relations {
        let mut attrs = vec![attr("color", colour(kind)), attr("fontcolor", colour(kind))];
        if kind.is_symmetric() {
            attrs.push(attr("dir", "none"));
        }
        samples.push((
            kind.as_str().to_owned(),
            kind.as_str().replace('_', " "),
            attrs,
        ));
    }
    if let Some((first, second)) = &content.diff {
        for difference in Difference::ALL {
            let text = match difference {
                Difference::Changed => format!("certainty changed between {first} and {second}"),
                _ => format!("{} between {first} and {second}", difference.name()),
            };
            let colour = difference.colour();
            let attrs = vec![
                attr("color", colour),
                attr("fontcolor", colour),
                attr("penwidth", difference.width()),
            ];
            samples.push((difference.name().to_owned(), text, attrs));
        }
    }
    let marks = content.marks;
    let styles = [
        (
            marks.doubtful,
            "alleged",
            "alleged or disputed",
            vec![attr("style", "dashed")],
        ),
        (
            marks.possible,
            "possible",
            "possibly held then",
            vec![attr("style", "dotted")],
        ),
        (
            marks.negated,
            "negated",
            "NOT: stated not to hold",
            vec![attr("arrowhead", "tee")],
        ),
    ];
    for (shown, name, text, attrs) in styles {
        if shown {
            samples.push((name.to_owned(), text.to_owned(), attrs));
        }
    }
    let mut ends: [Vec<Stmt>; 2] = [vec![rank_same()], vec![rank_same()]];
    let mut previous: Option<[String; 2]> = None;
    for (name, text, mut attrs) in samples {
        let [from, to] = [format!("legend_{name}_from"), format!("legend_{name}_to")];
        if let Some(above) = previous.replace([from.clone(), to.clone()]) {
            // Invisible edges within a rank keep the samples in order, one under the other
            // (in a left-to-right layout, a flat edge's tail is drawn below its head).
            for (side, (a, b)) in ends.iter_mut().zip(above.iter().zip([&from, &to])) {
                side.push(Stmt::Edge(pair(b, a, vec![attr("style", "invis")])));
            }
        }
        for end in [&from, &to] {
            stmts.push(Stmt::Node(Node::new(
                NodeId(quoted(end), None),
                vec![
                    attr("id", end),
                    attr("shape", "point"),
                    attr("width", "0.05"),
                    attr("label", ""),
                ],
            )));
        }
        attrs.insert(0, Attribute(Id::Plain("label".into()), label([text])));
        attrs.push(attr("id", &format!("legend_{name}")));
        stmts.push(Stmt::Edge(pair(&from, &to, attrs)));
    }
    for (side, stmts_of_side) in ["legend_starts", "legend_ends"].into_iter().zip(ends) {
        stmts.push(Stmt::Subgraph(Subgraph {
            id: quoted(side),
            stmts: stmts_of_side,
        }));
    }
    Stmt::Subgraph(Subgraph {
        id: quoted("cluster_legend"),
        stmts,
    })
}

/// `rank="same"`.
fn rank_same() -> Stmt {
    Stmt::Attribute(attr("rank", "same"))
}

/// An edge `from -> to`.
fn pair(from: &str, to: &str, attributes: Vec<Attribute>) -> Edge {
    let end = |id: &str| Vertex::N(NodeId(quoted(id), None));
    Edge {
        ty: EdgeTy::Pair(end(from), end(to)),
        attributes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_relation_kind_has_its_own_colour() {
        let colours: BTreeSet<&str> = RelationKind::ALL.into_iter().map(colour).collect();
        assert_eq!(colours.len(), RelationKind::ALL.len());
        let diffs: BTreeSet<&str> = Difference::ALL
            .into_iter()
            .map(Difference::colour)
            .collect();
        assert_eq!(diffs.len(), 3);
    }

    #[test]
    fn every_entity_kind_has_its_own_look() {
        let looks: BTreeSet<(&str, &str, &str)> = EntityKind::ALL
            .into_iter()
            .map(|k| {
                let l = look(k);
                (l.shape, l.style, l.fill)
            })
            .collect();
        assert_eq!(looks.len(), EntityKind::ALL.len());
        assert_eq!(look(EntityKind::UnrecognisedState).style, "filled,dashed");
    }
}
