//! A page of pinned Graphviz nodes: rectangles and texts placed at coordinates in points,
//! measured from the top left, printed as nodes with `pos="x,y!"` for Graphviz's `neato`
//! (which keeps pinned nodes where they are) to draw. Right to left, the page is mirrored:
//! what starts at the left starts at the right, and text flush with its start is flush right.

use graphviz_rust::dot_structures::{Attribute, Id, Node, NodeId, Stmt};

use crate::export::dot::{attr, quoted};

/// Where a text stands against its anchor, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    /// Its start is at the anchor (left to right: it runs rightwards from it).
    Start,
    /// Its end is at the anchor.
    End,
    /// It is centred on the anchor.
    Centre,
}

/// One node: its box (left, top, width, height in points, left to right) and attributes.
struct Item {
    id: String,
    left: f64,
    top: f64,
    width: f64,
    height: f64,
    attrs: Vec<Attribute>,
}

/// The nodes of a page, in drawing order (later ones on top).
pub(super) struct Canvas {
    items: Vec<Item>,
    right_to_left: bool,
}

/// About how wide `text` is at `size` points (an average glyph of Noto Sans is a little over
/// half the font size wide, of Noto Sans Arabic about two thirds); used to keep labels apart,
/// never to clip them.
pub(super) fn text_width(text: &str, size: f64) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| {
            if crate::text::is_arabic(c) {
                0.66
            } else {
                0.56
            }
        })
        .sum();
    ems * size
}

impl Canvas {
    /// An empty page, mirrored when `right_to_left`.
    pub fn new(right_to_left: bool) -> Canvas {
        Canvas {
            items: Vec::new(),
            right_to_left,
        }
    }

    /// True when the page is mirrored.
    pub fn right_to_left(&self) -> bool {
        self.right_to_left
    }

    /// A rectangle from `left` to `left + width` and `top` to `top + height`.
    pub fn rect(
        &mut self,
        id: String,
        [left, top, width, height]: [f64; 4],
        attrs: Vec<Attribute>,
    ) {
        self.items.push(Item {
            id,
            left,
            top,
            width,
            height,
            attrs,
        });
    }

    /// Text lines centred vertically on `middle`, placed against `anchor` as `align` says;
    /// `attrs` add to the text's (font size and colour …).
    pub fn text(
        &mut self,
        id: String,
        lines: &[&str],
        (anchor, middle, align): (f64, f64, Align),
        size: f64,
        mut attrs: Vec<Attribute>,
    ) {
        let width = lines
            .iter()
            .map(|l| text_width(l, size))
            .fold(0.0, f64::max)
            + 2.0;
        let height = lines.len() as f64 * size * 1.25;
        let left = match align {
            Align::Start => anchor,
            Align::End => anchor - width,
            Align::Centre => anchor - width / 2.0,
        };
        let flush_left = (align == Align::Start) != self.right_to_left;
        let end = match align {
            Align::Centre => "\\n",
            _ if flush_left => "\\l",
            _ => "\\r",
        };
        let label = crate::export::dot::justified(lines, end);
        attrs.splice(
            0..0,
            [
                Attribute(Id::Plain("label".into()), label),
                attr("shape", "plaintext"),
                attr("fixedsize", "shape"),
                attr("style", ""),
                attr("fontsize", &number(size)),
            ],
        );
        self.items.push(Item {
            id,
            left,
            top: middle - height / 2.0,
            width,
            height,
            attrs,
        });
    }

    /// The nodes, pinned, for a page `width` points wide.
    pub fn into_stmts(self, width: f64) -> impl Iterator<Item = Stmt> {
        let right_to_left = self.right_to_left;
        self.items.into_iter().map(move |item| {
            let left = if right_to_left {
                width - item.left - item.width
            } else {
                item.left
            };
            let x = left + item.width / 2.0;
            let y = -(item.top + item.height / 2.0);
            let mut attrs = vec![
                attr("pos", &format!("{},{}!", number(x), number(y))),
                attr("width", &number(item.width / 72.0)),
                attr("height", &number(item.height / 72.0)),
            ];
            attrs.extend(item.attrs);
            Stmt::Node(Node::new(NodeId(quoted(&item.id), None), attrs))
        })
    }
}

/// A coordinate or size, rounded to a hundredth, without trailing zeros (`12.5`, `3`).
pub(super) fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(3.0), "3");
        assert_eq!(number(-0.001), "0");
        assert_eq!(number(1.0 / 3.0), "0.33");
    }

    #[test]
    fn right_to_left_mirrors_positions_and_flushes_text_right() {
        let mut page = Canvas::new(true);
        page.rect("a".into(), [10.0, 0.0, 20.0, 10.0], vec![]);
        page.text("t".into(), &["x"], (10.0, 5.0, Align::Start), 9.0, vec![]);
        let dot: Vec<String> = page.into_stmts(100.0).map(|s| format!("{s:?}")).collect();
        assert!(dot[0].contains("80,-5!"), "{}", dot[0]);
        assert!(dot[1].contains("x\\\\r"), "{}", dot[1]);
    }
}
