//! Printing a graphviz-rust graph as DOT text, streamed into a writer.
//!
//! The text is byte for byte what graphviz-rust's own printer gives with
//! `PrinterContext::default().with_node_mult_attr_s_l()`: one statement per line, indented by
//! two spaces per level; a node, edge or attribute statement with several attributes lists
//! them one per line, separated by commas; an edge whose text in that layout is at most 90
//! bytes long is written on one line instead (`"a" -> "b" [x="1",y="2"]`).
//!
//! graphviz-rust's printer returns a `String` built from the `String`s of every part, joined
//! with `format!`, and prints every edge twice to measure it. On a diagram of 100,000
//! relations that took longer than building the diagram. This printer writes each part once,
//! straight into the writer, and measures an edge by counting its bytes without keeping them,
//! stopping as soon as it is too long to fit on one line.
//!
//! Complexity: O(size of the text), plus a pass over the first 91 bytes of each edge.

use std::io::{self, Write};

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Port, Stmt, Subgraph, Vertex,
};

/// Spaces added per level of nesting.
const INDENT_STEP: usize = 2;
/// An edge that fits in this many bytes (laid out over several lines) is put on one line.
const INLINE_SIZE: usize = 90;

/// Writes `graph` as graphviz-rust's printer would, without a final line break.
///
/// Two shapes graphviz-rust's printer panics on are written as far as they go: a port with
/// neither name nor compass point as nothing, an edge chain without vertices as its
/// attributes.
pub(super) fn print(graph: &Graph, out: &mut impl Write) -> io::Result<()> {
    GraphPrinter::begin(graph, out)?.end()
}

/// A graph printed statement by statement, so that a statement can be built, printed and
/// dropped before the next is built: [`begin`](Self::begin) writes the head and the
/// statements the graph holds, [`stmt`](Self::stmt) each further one, [`end`](Self::end)
/// the closing brace. The text is the same as [`print`](fn@print)'s for the graph holding all of them.
pub(super) struct GraphPrinter<W> {
    printer: Printer<W>,
    empty: bool,
}

impl<W: Write> GraphPrinter<W> {
    /// Writes the head of `graph` (`digraph "id" {`) and its statements.
    pub(super) fn begin(graph: &Graph, out: W) -> io::Result<Self> {
        let (keyword, id, strict, stmts) = match graph {
            Graph::Graph { id, strict, stmts } => ("graph ", id, *strict, stmts),
            Graph::DiGraph { id, strict, stmts } => ("digraph ", id, *strict, stmts),
        };
        let mut printer = Printer {
            out,
            indent: INDENT_STEP,
            inline: false,
            directed: matches!(graph, Graph::DiGraph { .. }),
        };
        if strict {
            printer.text("strict ")?;
        }
        printer.text(keyword)?;
        printer.id(id)?;
        printer.text(" {")?;
        printer.line_break()?;
        let mut this = GraphPrinter {
            printer,
            empty: true,
        };
        for stmt in stmts {
            this.stmt(stmt)?;
        }
        Ok(this)
    }

    /// Writes one more statement of the graph.
    pub(super) fn stmt(&mut self, stmt: &Stmt) -> io::Result<()> {
        if !self.empty {
            self.printer.line_break()?;
        }
        self.empty = false;
        self.printer.stmt(stmt)
    }

    /// Writes one more statement of the graph, printed before by [`stmt_text`].
    pub(super) fn printed(&mut self, text: &[u8]) -> io::Result<()> {
        if !self.empty {
            self.printer.line_break()?;
        }
        self.empty = false;
        self.printer.out.write_all(text)
    }

    /// Writes the closing brace, without a line break after it.
    pub(super) fn end(mut self) -> io::Result<()> {
        self.printer.line_break()?;
        self.printer.text("}")
    }
}

/// The text of `stmt` as [`GraphPrinter::stmt`] writes it into a graph (`directed` when a
/// digraph), after the line break before it: so that statements can be printed on every
/// core, then written in order by [`GraphPrinter::printed`].
pub(super) fn stmt_text(stmt: &Stmt, directed: bool) -> io::Result<Vec<u8>> {
    let mut printer = Printer {
        out: Vec::new(),
        indent: INDENT_STEP,
        inline: false,
        directed,
    };
    printer.stmt(stmt)?;
    Ok(printer.out)
}

/// Where the printer is: the writer, the current indentation, and whether it is putting an
/// edge on one line.
struct Printer<W> {
    out: W,
    indent: usize,
    inline: bool,
    directed: bool,
}

impl<W: Write> Printer<W> {
    fn text(&mut self, text: &str) -> io::Result<()> {
        self.out.write_all(text.as_bytes())
    }

    /// A line break, except on one line.
    fn line_break(&mut self) -> io::Result<()> {
        if self.inline { Ok(()) } else { self.text("\n") }
    }

    /// `width` spaces, except on one line.
    fn pad(&mut self, width: usize) -> io::Result<()> {
        const SPACES: &str = "                                ";
        if self.inline {
            return Ok(());
        }
        let mut left = width;
        while left > 0 {
            let n = left.min(SPACES.len());
            self.text(&SPACES[..n])?;
            left -= n;
        }
        Ok(())
    }

    /// Runs `f` one level deeper (the same level on one line).
    fn nested(&mut self, f: impl FnOnce(&mut Self) -> io::Result<()>) -> io::Result<()> {
        let step = if self.inline { 0 } else { INDENT_STEP };
        self.indent += step;
        let result = f(self);
        self.indent -= step;
        result
    }

    fn id(&mut self, id: &Id) -> io::Result<()> {
        match id {
            Id::Html(text) | Id::Escaped(text) | Id::Plain(text) => self.text(text),
            Id::Anonymous(_) => Ok(()),
        }
    }

    fn node_id(&mut self, NodeId(id, port): &NodeId) -> io::Result<()> {
        self.id(id)?;
        match port {
            Some(Port(name, compass)) => {
                if let Some(name) = name {
                    self.text(":")?;
                    self.id(name)?;
                }
                if let Some(compass) = compass {
                    self.text(":")?;
                    self.text(compass)?;
                }
                Ok(())
            }
            None => Ok(()),
        }
    }

    fn attribute(&mut self, Attribute(name, value): &Attribute) -> io::Result<()> {
        self.id(name)?;
        self.text("=")?;
        self.id(value)
    }

    /// `[a=1]`, or several attributes one per line, or nothing when there are none.
    fn attributes(&mut self, attributes: &[Attribute]) -> io::Result<()> {
        match attributes {
            [] => Ok(()),
            [one] => {
                self.text("[")?;
                self.attribute(one)?;
                self.text("]")
            }
            several => {
                let outer = self.indent;
                self.text("[")?;
                self.nested(|p| {
                    for (i, attribute) in several.iter().enumerate() {
                        if i > 0 {
                            p.text(",")?;
                        }
                        p.line_break()?;
                        p.pad(p.indent)?;
                        p.attribute(attribute)?;
                    }
                    Ok(())
                })?;
                self.line_break()?;
                self.pad(outer)?;
                self.text("]")
            }
        }
    }

    fn stmts(&mut self, stmts: &[Stmt]) -> io::Result<()> {
        for (i, stmt) in stmts.iter().enumerate() {
            if i > 0 {
                self.line_break()?;
            }
            self.stmt(stmt)?;
        }
        Ok(())
    }

    /// A statement on its own line, indented.
    fn stmt(&mut self, stmt: &Stmt) -> io::Result<()> {
        self.pad(self.indent)?;
        match stmt {
            Stmt::Node(node) => self.node(node),
            Stmt::Subgraph(subgraph) => self.subgraph(subgraph),
            Stmt::Attribute(attribute) => self.attribute(attribute),
            Stmt::GAttribute(defaults) => self.defaults(defaults),
            Stmt::Edge(edge) => self.edge(edge),
        }
    }

    fn node(&mut self, node: &Node) -> io::Result<()> {
        self.node_id(&node.id)?;
        self.attributes(&node.attributes)
    }

    /// `graph[…]`, `node[…]` or `edge[…]`.
    fn defaults(&mut self, defaults: &GraphAttributes) -> io::Result<()> {
        let (keyword, attributes) = match defaults {
            GraphAttributes::Graph(a) => ("graph", a),
            GraphAttributes::Node(a) => ("node", a),
            GraphAttributes::Edge(a) => ("edge", a),
        };
        self.text(keyword)?;
        self.attributes(attributes)
    }

    fn subgraph(&mut self, subgraph: &Subgraph) -> io::Result<()> {
        let outer = self.indent;
        self.text("subgraph ")?;
        self.id(&subgraph.id)?;
        self.text(" {")?;
        self.line_break()?;
        self.nested(|p| p.stmts(&subgraph.stmts))?;
        self.line_break()?;
        self.pad(outer)?;
        self.text("}")
    }

    fn vertex(&mut self, vertex: &Vertex) -> io::Result<()> {
        match vertex {
            Vertex::N(node_id) => self.node_id(node_id),
            Vertex::S(subgraph) => self.subgraph(subgraph),
        }
    }

    /// An edge, on one line when it fits in [`INLINE_SIZE`] bytes laid out over several.
    fn edge(&mut self, edge: &Edge) -> io::Result<()> {
        if !self.inline {
            let mut measure = Printer {
                out: Measure(0),
                indent: self.indent,
                inline: false,
                directed: self.directed,
            };
            if measure.edge_text(edge).is_ok() {
                self.inline = true;
                let result = self.edge_text(edge);
                self.inline = false;
                return result;
            }
        }
        self.edge_text(edge)
    }

    fn edge_text(&mut self, edge: &Edge) -> io::Result<()> {
        let bond = if self.directed { " -> " } else { " -- " };
        match &edge.ty {
            EdgeTy::Pair(from, to) => {
                self.vertex(from)?;
                self.text(bond)?;
                self.vertex(to)?;
                if !edge.attributes.is_empty() {
                    self.text(" ")?;
                }
            }
            EdgeTy::Chain(vertices) => {
                for (i, vertex) in vertices.iter().enumerate() {
                    if i > 0 {
                        self.text(bond)?;
                    }
                    self.vertex(vertex)?;
                }
            }
        }
        self.attributes(&edge.attributes)
    }
}

/// A writer that counts bytes and fails once there are more than [`INLINE_SIZE`].
struct Measure(usize);

impl Write for Measure {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        if self.0 > INLINE_SIZE {
            return Err(io::ErrorKind::FileTooLarge.into());
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use graphviz_rust::dot_structures::*;
    use graphviz_rust::printer::{DotPrinter, PrinterContext};
    use proptest::prelude::*;

    use crate::export::Options;
    use crate::export::views;
    use crate::load::{GraphFiles, load};
    use crate::query::{Filter, snapshot};

    /// graphviz-rust's text of `graph`, as `dot::print` used to write it.
    fn reference(graph: &Graph) -> String {
        let mut context = PrinterContext::default();
        context.with_node_mult_attr_s_l();
        graph.print(&mut context)
    }

    fn ours(graph: &Graph) -> String {
        let mut out = Vec::new();
        super::print(graph, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn plain(text: &str) -> Id {
        Id::Plain(text.to_owned())
    }

    fn escaped(text: &str) -> Id {
        Id::Escaped(format!("\"{text}\""))
    }

    fn attr(name: &str, value: Id) -> Attribute {
        Attribute(plain(name), value)
    }

    fn node_id(name: &str) -> NodeId {
        NodeId(escaped(name), None)
    }

    fn edge(from: &str, to: &str, attributes: Vec<Attribute>) -> Stmt {
        Stmt::Edge(Edge {
            ty: EdgeTy::Pair(Vertex::N(node_id(from)), Vertex::N(node_id(to))),
            attributes,
        })
    }

    fn digraph(stmts: Vec<Stmt>) -> Graph {
        Graph::DiGraph {
            id: escaped("g"),
            strict: false,
            stmts,
        }
    }

    #[track_caller]
    fn same(graph: &Graph) {
        assert_eq!(ours(graph), reference(graph));
    }

    #[test]
    fn empty_graphs_of_every_kind() {
        for strict in [false, true] {
            same(&Graph::Graph {
                id: plain("g"),
                strict,
                stmts: vec![],
            });
            same(&Graph::DiGraph {
                id: Id::Anonymous(String::new()),
                strict,
                stmts: vec![],
            });
        }
    }

    #[test]
    fn nodes_with_none_one_or_several_attributes() {
        same(&digraph(vec![
            Stmt::Node(Node::new(node_id("a"), vec![])),
            Stmt::Node(Node::new(node_id("b"), vec![attr("shape", plain("box"))])),
            Stmt::Node(Node::new(
                node_id("c"),
                vec![
                    attr("label", escaped("one\\ntwo")),
                    attr("tooltip", escaped("say \\\"hi\\\" \\\\ back")),
                    attr("shape", plain("box")),
                ],
            )),
        ]));
    }

    #[test]
    fn ports_and_html_labels() {
        let port = |name: Option<&str>, compass: Option<&str>| {
            NodeId(
                plain("n"),
                Some(Port(name.map(plain), compass.map(str::to_owned))),
            )
        };
        same(&digraph(vec![
            Stmt::Node(Node::new(port(Some("p"), Some("ne")), vec![])),
            Stmt::Node(Node::new(port(None, Some("s")), vec![])),
            Stmt::Node(Node::new(
                port(Some("q"), None),
                vec![
                    attr("label", Id::Html("<<b>bold</b> &amp; <i>x</i>>".into())),
                    attr("shape", plain("plain")),
                ],
            )),
        ]));
    }

    #[test]
    fn short_edges_go_on_one_line_and_long_ones_over_several() {
        let long = "x".repeat(60);
        same(&digraph(vec![
            edge("a", "b", vec![]),
            edge("a", "b", vec![attr("style", escaped("invis"))]),
            edge(
                "a",
                "b",
                vec![attr("color", escaped("red")), attr("dir", plain("none"))],
            ),
            edge("a", "b", vec![attr("label", escaped(&long))]),
            edge(
                "a",
                "b",
                vec![attr("label", escaped(&long)), attr("dir", plain("none"))],
            ),
        ]));
    }

    #[test]
    fn edges_around_the_one_line_limit() {
        // "a" -> "b" [\n    label="…"\n  ] is 31 bytes plus the label.
        for length in 40..80 {
            let label = "y".repeat(length);
            let g = digraph(vec![edge(
                "a",
                "b",
                vec![attr("label", escaped(&label)), attr("k", plain("v"))],
            )]);
            same(&g);
        }
    }

    #[test]
    fn undirected_chains_and_subgraph_vertices() {
        let inner = Subgraph {
            id: plain("s"),
            stmts: vec![
                Stmt::Node(Node::new(node_id("x"), vec![attr("a", plain("1"))])),
                edge("x", "y", vec![attr("a", plain("1")), attr("b", plain("2"))]),
            ],
        };
        let stmts = vec![
            Stmt::Edge(Edge {
                ty: EdgeTy::Chain(vec![
                    Vertex::N(node_id("a")),
                    Vertex::N(node_id("b")),
                    Vertex::N(node_id("c")),
                ]),
                attributes: vec![attr("a", plain("1")), attr("b", plain("2"))],
            }),
            Stmt::Edge(Edge {
                ty: EdgeTy::Pair(Vertex::S(inner.clone()), Vertex::N(node_id("z"))),
                attributes: vec![attr("label", escaped(&"w".repeat(100)))],
            }),
            Stmt::Edge(Edge {
                ty: EdgeTy::Pair(Vertex::N(node_id("z")), Vertex::S(inner)),
                attributes: vec![],
            }),
        ];
        same(&Graph::Graph {
            id: plain("u"),
            strict: true,
            stmts: stmts.clone(),
        });
        same(&digraph(stmts));
    }

    #[test]
    fn nested_and_empty_subgraphs_and_defaults() {
        same(&digraph(vec![
            Stmt::GAttribute(GraphAttributes::Graph(vec![
                attr("rankdir", escaped("LR")),
                attr("label", escaped("A \\\"quoted\\\" title")),
            ])),
            Stmt::GAttribute(GraphAttributes::Node(vec![attr("shape", plain("box"))])),
            Stmt::GAttribute(GraphAttributes::Edge(vec![])),
            Stmt::Attribute(attr("rank", escaped("same"))),
            Stmt::Subgraph(Subgraph {
                id: escaped("cluster_a"),
                stmts: vec![
                    Stmt::Attribute(attr("label", escaped("A"))),
                    Stmt::Subgraph(Subgraph {
                        id: Id::Anonymous(String::new()),
                        stmts: vec![],
                    }),
                    Stmt::Subgraph(Subgraph {
                        id: plain("deeper"),
                        stmts: vec![
                            Stmt::Node(Node::new(
                                node_id("n"),
                                vec![attr("a", plain("1")), attr("b", plain("2"))],
                            )),
                            edge("n", "m", vec![attr("a", plain("1")), attr("b", plain("2"))]),
                        ],
                    }),
                ],
            }),
        ]));
    }

    #[test]
    fn every_diagram_of_the_builtin_graph() {
        let graph = load(&GraphFiles::builtin()).unwrap();
        for view in views::builtin().iter().filter(|v| v.has_diagram()) {
            same(&view.diagram(&graph).unwrap());
        }
        let everything = snapshot(&graph, &Filter::default());
        same(&super::super::diagram(
            &graph,
            &everything,
            &Options::default(),
        ));
    }

    /// Ids that exercise quoting, escapes, line breaks, HTML and non-ASCII text.
    fn any_id() -> impl Strategy<Value = Id> {
        let text = "[a-z\"\\\\\n <>&é٣ ]{0,40}";
        prop_oneof![
            text.prop_map(Id::Plain),
            text.prop_map(|t| Id::Escaped(format!("\"{t}\""))),
            text.prop_map(|t| Id::Html(format!("<{t}>"))),
            Just(Id::Anonymous(String::new())),
        ]
    }

    fn any_node_id() -> impl Strategy<Value = NodeId> {
        let port = prop_oneof![
            (any_id(), proptest::option::of("[nsew]{1,2}"))
                .prop_map(|(id, compass)| Port(Some(id), compass)),
            "[nsew]{1,2}".prop_map(|compass| Port(None, Some(compass))),
        ];
        (any_id(), proptest::option::of(port)).prop_map(|(id, port)| NodeId(id, port))
    }

    fn any_attributes() -> impl Strategy<Value = Vec<Attribute>> {
        proptest::collection::vec(
            (any_id(), any_id()).prop_map(|(name, value)| Attribute(name, value)),
            0..4,
        )
    }

    fn any_stmts() -> impl Strategy<Value = Vec<Stmt>> {
        let leaf = prop_oneof![
            (any_node_id(), any_attributes()).prop_map(|(id, a)| Stmt::Node(Node::new(id, a))),
            (any_id(), any_id()).prop_map(|(n, v)| Stmt::Attribute(Attribute(n, v))),
            any_attributes().prop_map(|a| Stmt::GAttribute(GraphAttributes::Edge(a))),
            (any_node_id(), any_node_id(), any_attributes()).prop_map(|(a, b, attributes)| {
                Stmt::Edge(Edge {
                    ty: EdgeTy::Pair(Vertex::N(a), Vertex::N(b)),
                    attributes,
                })
            }),
        ];
        let stmt = leaf.prop_recursive(3, 24, 4, |inner| {
            let subgraph = (any_id(), proptest::collection::vec(inner, 0..4))
                .prop_map(|(id, stmts)| Subgraph { id, stmts })
                .boxed();
            prop_oneof![
                subgraph.clone().prop_map(Stmt::Subgraph),
                (subgraph, any_node_id(), any_attributes()).prop_map(|(s, n, attributes)| {
                    Stmt::Edge(Edge {
                        ty: EdgeTy::Chain(vec![Vertex::N(n), Vertex::S(s)]),
                        attributes,
                    })
                }),
            ]
        });
        proptest::collection::vec(stmt, 0..6)
    }

    proptest! {
        #[test]
        fn prints_what_graphviz_rust_prints(
            stmts in any_stmts(),
            directed in any::<bool>(),
            strict in any::<bool>(),
            id in any_id(),
        ) {
            let graph = if directed {
                Graph::DiGraph { id, strict, stmts }
            } else {
                Graph::Graph { id, strict, stmts }
            };
            prop_assert_eq!(ours(&graph), reference(&graph));
        }

        #[test]
        fn statements_printed_one_by_one_make_the_same_text(
            stmts in any_stmts(),
            held in 0usize..8,
        ) {
            let held = held.min(stmts.len());
            let begun = digraph(stmts[..held].to_vec());
            let mut out = Vec::new();
            let mut printer = super::GraphPrinter::begin(&begun, &mut out).unwrap();
            for stmt in &stmts[held..] {
                printer.stmt(stmt).unwrap();
            }
            printer.end().unwrap();
            prop_assert_eq!(String::from_utf8(out).unwrap(), reference(&digraph(stmts)));
        }
    }
}
