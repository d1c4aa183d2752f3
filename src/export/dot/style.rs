//! The visual vocabulary of diagrams: a colour per relation kind, a shape per entity kind, line
//! styles for doubt and negation, colours for diffs, and the legend that explains them.

use graphviz_rust::dot_structures::{Attribute, Id};

use super::text::quoted;
use crate::model::{EntityKind, RelationKind};

/// Fonts for labels in Latin script first, with Arabic glyphs in the fallbacks.
pub const LATIN_FONTS: &str = "Noto Sans, Noto Sans Arabic, DejaVu Sans";
/// Fonts for Arabic labels: a font with Arabic glyphs (joined, right to left) first.
pub const ARABIC_FONTS: &str = "Noto Sans Arabic, Noto Sans, DejaVu Sans";

/// How a relation differs between the two dates of a diff diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

/// The Okabe–Ito colours, distinguishable with the common colour-vision deficiencies (and
/// a grey); relation kinds share them in families, and kinds of one colour differ by line
/// ([`Stroke`]).
mod okabe_ito {
    pub const ORANGE: &str = "#E69F00";
    pub const SKY_BLUE: &str = "#56B4E9";
    pub const GREEN: &str = "#009E73";
    pub const BLUE: &str = "#0072B2";
    pub const VERMILLION: &str = "#D55E00";
    pub const PURPLE: &str = "#CC79A7";
    pub const BLACK: &str = "#000000";
    pub const GREY: &str = "#8C8C8C";
}

/// How an edge of a relation kind is drawn: a colour from a colour-blind-safe palette, and
/// a line that tells apart the kinds sharing it (width, a double line, the arrowhead).
/// Dashes and dots are kept for doubt and possibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stroke {
    /// The colour.
    pub colour: &'static str,
    /// The pen width.
    pub width: &'static str,
    /// Drawn as two parallel lines (Graphviz `color="c:invis:c"`).
    pub double: bool,
    /// The arrowhead of a directed kind (symmetric kinds have none).
    pub arrowhead: &'static str,
}

/// The stroke of a relation kind.
///
/// ```
/// use actorgraph::RelationKind;
/// use actorgraph::export::dot::stroke;
/// assert_eq!(stroke(RelationKind::Conflict).colour, "#D55E00");
/// assert!(stroke(RelationKind::Alliance).double);
/// ```
pub fn stroke(kind: RelationKind) -> Stroke {
    use RelationKind as K;
    use okabe_ito::*;
    let (colour, width, double, arrowhead) = match kind {
        K::Alliance => (GREEN, "1.2", true, "none"),
        K::Support => (GREEN, "1.4", false, "normal"),
        K::Ceasefire => (SKY_BLUE, "1.2", true, "none"),
        K::Negotiation => (SKY_BLUE, "1.4", false, "none"),
        K::Membership => (SKY_BLUE, "1.4", false, "normal"),
        K::Agreement => (BLUE, "1.2", true, "none"),
        K::Recognition => (BLUE, "1.4", false, "empty"),
        K::Leadership => (BLUE, "1.4", false, "normal"),
        K::Conflict => (VERMILLION, "2.6", false, "none"),
        K::Attack => (VERMILLION, "1.4", false, "normal"),
        K::Threat => (VERMILLION, "1.4", false, "vee"),
        K::Destabilisation => (VERMILLION, "1.4", false, "odot"),
        K::Denunciation => (PURPLE, "1.4", false, "vee"),
        K::Declaration => (PURPLE, "1.4", false, "dot"),
        K::Defection => (PURPLE, "1.4", false, "normal"),
        K::Claim => (ORANGE, "1.4", false, "odiamond"),
        K::Goal => (ORANGE, "1.4", false, "diamond"),
        K::Interview => (ORANGE, "1.4", false, "normal"),
        K::Control => (BLACK, "2", false, "normal"),
        K::Administration => (BLACK, "1.2", false, "box"),
        K::ArmedForceOf => (BLACK, "1.2", false, "odot"),
        K::Presence => (GREY, "1.2", false, "dot"),
        K::Hiding => (GREY, "1.2", false, "odot"),
        K::Capital => (GREY, "1.2", false, "box"),
        K::PartOf => (GREY, "1.2", false, "normal"),
        K::Borders => (GREY, "1.2", true, "none"),
        K::Overlaps => (GREY, "1.2", false, "none"),
    };
    Stroke {
        colour,
        width,
        double,
        arrowhead,
    }
}

/// The colour of a relation kind ([`stroke`]'s).
pub fn colour(kind: RelationKind) -> &'static str {
    stroke(kind).colour
}

impl Stroke {
    /// The edge attributes that draw it: colour (doubled for a double line), label colour,
    /// pen width and, for a directed kind, its arrowhead; `dir=none` for a symmetric one.
    pub fn attrs(self, symmetric: bool) -> Vec<Attribute> {
        let colour = if self.double {
            format!("{0}:invis:{0}", self.colour)
        } else {
            self.colour.to_owned()
        };
        let mut attrs = vec![
            attr("color", &colour),
            attr("fontcolor", self.colour),
            attr("penwidth", self.width),
        ];
        if symmetric {
            attrs.push(attr("dir", "none"));
        } else if self.arrowhead != "normal" {
            attrs.push(attr("arrowhead", self.arrowhead));
        }
        attrs
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_relation_kind_has_its_own_stroke() {
        let strokes: BTreeSet<Stroke> = RelationKind::ALL.into_iter().map(stroke).collect();
        assert_eq!(strokes.len(), RelationKind::ALL.len());
        for kind in RelationKind::ALL {
            assert_eq!(
                stroke(kind).arrowhead == "none",
                kind.is_symmetric(),
                "{kind:?}"
            );
        }
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
