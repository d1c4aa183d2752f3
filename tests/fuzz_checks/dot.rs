//! The `dot` target: any names and texts in a graph → DOT that graphviz-rust parses back with
//! the labels kept.

use actorgraph::export::{self, Format, Lang};
use actorgraph::i18n::{self, Phrase, Term};
use actorgraph::text::{is_invisible, visible};
use actorgraph::{DateWords, Status};
use graphviz_rust::dot_structures::{
    Attribute, EdgeTy, Graph as Dot, GraphAttributes, Id, NodeId, Stmt, Vertex,
};

use super::graph::Case;

/// Node labels are wrapped at about this many characters (as `export::dot` does).
const WRAP: usize = 28;

/// Exports a small arbitrary graph (see [`Case`]) as DOT and parses it back with graphviz-rust.
///
/// The DOT holds no invisible character but line breaks between statements, and exactly: the
/// three attribute statements, one node per selected entity (in order, with its id), one edge
/// per selected relation (between its endpoints' ids), and the graph label holding the title and
/// the legend (an HTML-like table), so nothing was injected. Each label is a quoted string with no escape but `\\`, `\"` and the `\n` line
/// break, and no `&` but `&amp;`; unescaped, a node label is the [`visible`] text of the name
/// in the chosen language, wrapped at spaces, and its tooltip the visible kind and description;
/// an edge's label starts with its kind and dates (in the chosen language, a range of two days
/// of one year written `2012-04-06..06-27`, a long date range broken before its `→`) and its tooltip is its summary and evidence; the title stands in the
/// graph label as its visible text, HTML-escaped.
pub fn dot(data: &[u8]) {
    let Some(case) = Case::from_bytes(data) else {
        return;
    };
    let (graph, selection, options) = (&case.graph, &case.selection, &case.options);
    let mut out = Vec::new();
    export::write(Format::Dot, "", graph, selection, options, &mut out)
        .expect("writing to a Vec does not fail");
    let text = String::from_utf8(out).expect("DOT is UTF-8");
    if let Some(c) = text.chars().find(|&c| c != '\n' && is_invisible(c)) {
        panic!("invisible character {c:?} in the DOT:\n{text}");
    }
    let parsed = graphviz_rust::parse(&text)
        .unwrap_or_else(|e| panic!("the DOT does not parse back: {e}\n{text}"));
    let Dot::DiGraph { stmts, .. } = &parsed else {
        panic!("not a digraph:\n{text}")
    };
    let (mut nodes, mut edges, mut legends, mut attributes) = (vec![], vec![], 0, vec![]);
    for stmt in stmts {
        match stmt {
            Stmt::Node(node) => nodes.push(node),
            Stmt::Edge(edge) => edges.push(edge),
            Stmt::Subgraph(_) => legends += 1,
            Stmt::GAttribute(a) => attributes.push(a),
            Stmt::Attribute(a) => panic!("unexpected statement {a:?} in\n{text}"),
        }
    }
    assert_eq!((attributes.len(), legends), (4, 0), "{text}");
    assert_eq!(nodes.len(), selection.entities.len(), "{text}");
    assert_eq!(edges.len(), selection.relations.len(), "{text}");

    for (node, &e) in nodes.iter().zip(&selection.entities) {
        let entity = graph.entity(e);
        assert_eq!(node.id, NodeId(quoted(entity.id.as_str()), None));
        let name = options.lang.name_of(entity);
        let lines = label(&node.attributes, "label");
        assert_eq!(lines.join(" "), visible(name), "label of {}", entity.id);
        for line in &lines {
            assert!(
                line.chars().count() <= WRAP || !line.contains(' '),
                "{line:?} is not wrapped"
            );
        }
        let kind = entity.kind.as_str().replace('_', " ");
        let tooltip = format!("{name} ({kind}): {}", entity.description);
        assert_eq!(label(&node.attributes, "tooltip"), [visible(&tooltip)]);
    }

    for (edge, found) in edges.iter().zip(&selection.relations) {
        let relation = graph.relation(found.relation);
        let EdgeTy::Pair(Vertex::N(from), Vertex::N(to)) = &edge.ty else {
            panic!("not an edge between two nodes: {edge:?}")
        };
        assert_eq!(from, &NodeId(quoted(relation.source.as_str()), None));
        assert_eq!(to, &NodeId(quoted(relation.target.as_str()), None));
        let lang = options.lang;
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
        let lines = label(&edge.attributes, "label");
        assert_eq!(lines[0], head, "{}", relation.id);
        // The dates in the diagram's words and narrow form (a range of two days in one year
        // writes it once).
        let words = DateWords {
            short: true,
            ..i18n::date_words(lang)
        };
        let dates = relation.dates_in(&words);
        let dates_lines = if lines.get(1) == Some(&dates) { 1 } else { 2 };
        assert_eq!(lines[1..=dates_lines].join(" "), dates, "{}", relation.id);
        assert!(lines.len() <= dates_lines + 3, "{lines:?}");
        let mut tooltip = vec![visible(relation.summary())];
        tooltip.extend(relation.evidence().iter().map(|e| {
            visible(&format!(
                "evidence: {} bytes {}–{}",
                e.document,
                e.start_byte(),
                e.end_byte()
            ))
        }));
        assert_eq!(
            label(&edge.attributes, "tooltip"),
            tooltip,
            "{}",
            relation.id
        );
    }

    let graph_label = attributes
        .iter()
        .rev()
        .find_map(|a| match a {
            GraphAttributes::Graph(attributes) => attributes
                .iter()
                .find(|a| a.0 == Id::Plain("label".to_owned())),
            _ => None,
        })
        .expect("the graph label");
    let Id::Html(html) = &graph_label.1 else {
        panic!("the graph label is not HTML-like: {graph_label:?}")
    };
    if let Some(title) = &options.title {
        let escaped = visible(title)
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;");
        let shown = format!("<FONT POINT-SIZE=\"18\">{escaped}</FONT>");
        assert!(html.contains(&shown), "title {title:?} not in {html}");
    }
    // Arabic labels need a font with Arabic glyphs: the graph names one.
    if options.lang == Lang::Ar {
        assert!(text.contains(export::dot::ARABIC_FONTS));
    }
}

/// `text` as the quoted id the exporter writes for a slug.
fn quoted(text: &str) -> Id {
    Id::Escaped(format!("\"{text}\""))
}

/// The lines of attribute `name`, unescaped as Graphviz reads a label.
fn label(attributes: &[Attribute], name: &str) -> Vec<String> {
    let value = attributes
        .iter()
        .find(|a| a.0 == Id::Plain(name.to_owned()))
        .unwrap_or_else(|| panic!("no {name} in {attributes:?}"));
    unescape(&value.1)
}

/// The lines of a quoted DOT label: `\\` is a backslash, `\"` a quote, `\n` a line break, and
/// `&amp;` an ampersand (Graphviz decodes entities in labels). Panics on any other escape, a
/// bare `&` or quote, or a raw line break: the exporter writes none.
fn unescape(id: &Id) -> Vec<String> {
    let Id::Escaped(quoted) = id else {
        panic!("label is not a quoted string: {id:?}")
    };
    let inner = quoted
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .unwrap_or_else(|| panic!("label is not quoted: {quoted}"));
    let mut lines = vec![String::new()];
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        let line = lines.last_mut().expect("one line at least");
        match c {
            '\\' => match chars.next() {
                Some('n') => lines.push(String::new()),
                Some(c @ ('\\' | '"')) => line.push(c),
                other => panic!("escape \\{other:?} in {quoted}"),
            },
            '"' | '\n' | '\r' => panic!("raw {c:?} in {quoted}"),
            c => line.push(c),
        }
    }
    for line in &mut lines {
        let bare = line
            .match_indices('&')
            .any(|(i, _)| !line[i..].starts_with("&amp;"));
        assert!(!bare, "a bare & that Graphviz would decode: {quoted}");
        *line = line.replace("&amp;", "&");
    }
    lines
}
