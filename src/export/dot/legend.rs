//! The legend of a diagram: one compact table node (Graphviz HTML-like label) that explains
//! only what the diagram draws — the entity kinds (their fill and name), the relation kinds
//! (a sample of their line and arrowhead in their colour), the line styles of doubt,
//! possibility, negation and bundles, or a diff's colours — in the diagram's language. As a
//! node without edges it takes the first rank, beside the graph, in two short columns.

use std::collections::BTreeSet;

use graphviz_rust::dot_structures::{Attribute, Id, Node, NodeId, Stmt, Subgraph};

use super::style::{Difference, Stroke, attr, look, stroke};
use super::text::{quoted, visible};
use crate::export::Lang;
use crate::i18n::{self, Phrase, Term};
use crate::model::{EntityKind, RelationKind};

/// The line styles a diagram uses, for the legend.
#[derive(Debug, Clone, Copy, Default)]
pub struct Marks {
    /// Some relation is alleged or disputed (dashed).
    pub doubtful: bool,
    /// Some relation only possibly holds on the date asked about (dotted).
    pub possible: bool,
    /// Some relation is negated (tee arrow, `NOT`).
    pub negated: bool,
    /// Some edge bundles several relations.
    pub bundled: bool,
}

/// What a legend explains.
pub struct LegendContent {
    /// The language of its words.
    pub lang: Lang,
    /// Entity kinds drawn.
    pub entities: BTreeSet<EntityKind>,
    /// Relation kinds drawn (their colours); empty in a diff diagram.
    pub relations: BTreeSet<RelationKind>,
    /// Line styles drawn.
    pub marks: Marks,
    /// In a diff diagram: the two dates.
    pub diff: Option<(String, String)>,
}

/// `text` made visible and escaped for an HTML-like label.
fn html(text: &str) -> String {
    visible(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A row: a sample cell and its words.
fn row(sample: &str, text: &str) -> String {
    format!(
        "<TR><TD>{sample}</TD><TD ALIGN=\"LEFT\">{}</TD></TR>",
        html(text)
    )
}

/// A line sample drawn with box-drawing characters in `colour`: heavy for a wide pen, double
/// for a double line, dashed or dotted, ending in the arrowhead's look.
fn line(colour: &str, body: &str, head: &str) -> String {
    format!("<FONT COLOR=\"{colour}\">{body}{head}</FONT>")
}

/// The glyph of a Graphviz arrowhead.
fn arrowhead(name: &str) -> &'static str {
    match name {
        "none" => "",
        "empty" => "▷",
        "vee" => "⋗",
        "dot" => "●",
        "odot" => "○",
        "box" => "■",
        "diamond" => "◆",
        "odiamond" => "◇",
        "tee" => "┤",
        _ => "▶",
    }
}

/// The sample line of a stroke.
fn stroke_sample(stroke: Stroke, symmetric: bool) -> String {
    let body = match (
        stroke.double,
        stroke.width.parse::<f64>().unwrap_or(1.0) >= 2.0,
    ) {
        (true, _) => "════",
        (false, true) => "━━━━",
        (false, false) => "────",
    };
    let head = if symmetric {
        ""
    } else {
        arrowhead(stroke.arrowhead)
    };
    line(stroke.colour, body, head)
}

/// The legend: a subgraph `legend` holding one node, with the id `legend` (also its SVG
/// element id), apart from the diagram's own nodes.
pub fn legend(content: &LegendContent) -> Stmt {
    let lang = content.lang;
    let mut left = Vec::new();
    for &kind in &content.entities {
        let look = look(kind);
        let swatch = format!(
            "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLPADDING=\"0\" BGCOLOR=\"{}\"><TR><TD WIDTH=\"18\" HEIGHT=\"9\"></TD></TR></TABLE>",
            look.fill
        );
        left.push(row(&swatch, i18n::text(lang, Term::EntityKind(kind))));
    }
    let mut right = Vec::new();
    for &kind in &content.relations {
        let sample = stroke_sample(stroke(kind), kind.is_symmetric());
        right.push(row(&sample, i18n::text(lang, Term::Kind(kind))));
    }
    if let Some((first, second)) = &content.diff {
        for difference in Difference::ALL {
            let text = i18n::difference(difference.name(), first, second, lang);
            right.push(row(&line(difference.colour(), "━━━━", ""), &text));
        }
    }
    let grey = "#4D4D4D";
    let marks = content.marks;
    let styles = [
        (marks.bundled, "━━━━", Phrase::Bundled),
        (marks.doubtful, "╌╌╌╌", Phrase::Doubtful),
        (marks.possible, "┈┈┈┈", Phrase::Possible),
        (marks.negated, "────┤", Phrase::Negated),
    ];
    for (shown, body, phrase) in styles {
        if shown {
            right.push(row(&line(grey, body, ""), i18n::phrase(phrase, lang)));
        }
    }
    let column = |rows: Vec<String>| {
        format!(
            "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">{}</TABLE>",
            rows.concat()
        )
    };
    let heading = html(i18n::phrase(Phrase::Legend, lang));
    let mut cells = String::new();
    for rows in [left, right] {
        if !rows.is_empty() {
            cells.push_str(&format!("<TD VALIGN=\"TOP\">{}</TD>", column(rows)));
        }
    }
    let table = format!(
        "<<TABLE BORDER=\"1\" COLOR=\"#9e9e9e\" CELLBORDER=\"0\" CELLSPACING=\"2\" STYLE=\"ROUNDED\"><TR><TD COLSPAN=\"2\"><B>{heading}</B></TD></TR><TR>{cells}</TR></TABLE>>"
    );
    let node = Node::new(
        NodeId(quoted("legend"), None),
        vec![
            Attribute(Id::Plain("label".into()), Id::Html(table)),
            attr("id", "legend"),
            attr("shape", "plaintext"),
            attr("fontsize", "9"),
        ],
    );
    Stmt::Subgraph(Subgraph {
        id: quoted("legend"),
        stmts: vec![Stmt::Node(node)],
    })
}
