//! The legend of a diagram: one compact table (Graphviz HTML-like label) that explains only
//! what the diagram draws — the entity kinds (their fill and name), the relation kinds (a
//! sample of their line and arrowhead in their colour), the line styles of doubt,
//! possibility, negation and bundles, or a diff's colours — in the diagram's language. It is
//! the graph's label, under the title, in columns of at most [`ROWS`] rows: a short strip
//! above the drawing, which takes no rank and leaves the layout as tight as it is (a node
//! would widen and deepen the first rank).

use std::collections::BTreeSet;

use graphviz_rust::dot_structures::{Attribute, GraphAttributes, Id, Stmt};

use super::style::{Difference, Stroke, attr, look, stroke};
use super::text::visible;
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

impl Marks {
    /// The styles either uses.
    pub fn and(self, other: Marks) -> Marks {
        Marks {
            doubtful: self.doubtful || other.doubtful,
            possible: self.possible || other.possible,
            negated: self.negated || other.negated,
            bundled: self.bundled || other.bundled,
        }
    }
}

/// A legend column holds at most this many rows: the legend is a wide, short strip.
pub const ROWS: usize = 4;

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

/// A row: a sample cell and its words; in a right-to-left language the words stand on the
/// sample's left, aligned right.
fn row(sample: &str, text: &str, lang: Lang) -> String {
    let text = html(text);
    match lang {
        Lang::Ar => format!("<TR><TD ALIGN=\"RIGHT\">{text}</TD><TD>{sample}</TD></TR>"),
        Lang::En | Lang::Fr => format!("<TR><TD>{sample}</TD><TD ALIGN=\"LEFT\">{text}</TD></TR>"),
    }
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

/// The graph's label: the title (escaped, 18 points) over the legend (9 points), as one
/// HTML-like table; the legend's entity kinds first, then the relation kinds and line
/// styles, in columns of at most [`ROWS`] rows (from the right in Arabic).
pub fn legend(content: &LegendContent, title: Option<&str>) -> Stmt {
    let (left, right) = rows(content);
    let column = |rows: &[String]| {
        format!(
            "<TD VALIGN=\"TOP\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">{}</TABLE></TD>",
            rows.concat()
        )
    };
    // Every column as tall as the tallest, padded with blank rows: a shorter one would be
    // stretched, its swatches drawn tall.
    let height = left.len().max(right.len()).min(ROWS);
    let blank = "<TR><TD>&#160;</TD><TD>&#160;</TD></TR>".to_owned();
    let mut columns: Vec<String> = [left, right]
        .iter()
        .flat_map(|rows| {
            rows.chunks(ROWS)
                .map(|chunk| {
                    let mut chunk = chunk.to_vec();
                    chunk.resize(height, blank.clone());
                    column(&chunk)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    if content.lang == Lang::Ar {
        // Read right to left: the entity kinds' first column on the right.
        columns.reverse();
    }
    // The heading beside the columns (before the first in reading order), not above them:
    // the strip stays as short as its columns.
    let heading = format!(
        "<TD VALIGN=\"TOP\"><B>{}</B></TD>",
        html(i18n::phrase(Phrase::Legend, content.lang))
    );
    match content.lang {
        Lang::Ar => columns.push(heading),
        Lang::En | Lang::Fr => columns.insert(0, heading),
    }
    let legend = format!(
        "<TABLE BORDER=\"1\" COLOR=\"#9e9e9e\" CELLBORDER=\"0\" CELLSPACING=\"2\" STYLE=\"ROUNDED\"><TR>{}</TR></TABLE>",
        columns.concat()
    );
    let title = title.map_or_else(String::new, |t| {
        format!(
            "<TR><TD><FONT POINT-SIZE=\"18\">{}</FONT></TD></TR>",
            html(t)
        )
    });
    let label = format!(
        "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">{title}<TR><TD><FONT POINT-SIZE=\"9\">{legend}</FONT></TD></TR></TABLE>>"
    );
    Stmt::GAttribute(GraphAttributes::Graph(vec![
        Attribute(Id::Plain("label".into()), Id::Html(label)),
        attr("labelloc", "t"),
    ]))
}

/// The legend's rows: the entity kinds, then the relation kinds (or a diff's colours) and
/// the line styles drawn.
fn rows(content: &LegendContent) -> (Vec<String>, Vec<String>) {
    let lang = content.lang;
    let mut left = Vec::new();
    for &kind in &content.entities {
        let look = look(kind);
        let swatch = format!(
            "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLPADDING=\"0\" BGCOLOR=\"{}\"><TR><TD WIDTH=\"18\" HEIGHT=\"9\"></TD></TR></TABLE>",
            look.fill
        );
        left.push(row(&swatch, i18n::text(lang, Term::EntityKind(kind)), lang));
    }
    let mut right = Vec::new();
    for &kind in &content.relations {
        let sample = stroke_sample(stroke(kind), kind.is_symmetric());
        right.push(row(&sample, i18n::text(lang, Term::Kind(kind)), lang));
    }
    if let Some((first, second)) = &content.diff {
        for difference in Difference::ALL {
            let text = i18n::difference(difference.name(), first, second, lang);
            right.push(row(&line(difference.colour(), "━━━━", ""), &text, lang));
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
            right.push(row(&line(grey, body, ""), i18n::phrase(phrase, lang), lang));
        }
    }
    (left, right)
}
