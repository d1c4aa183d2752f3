//! Graphviz DOT diagrams, built as a graphviz-rust graph and printed as graphviz-rust's printer
//! prints it (by the `printer` module, which streams the same text into the writer).
//!
//! Style carries meaning, and a legend (under the title, the graph's label) explains what a
//! diagram uses:
//! - each entity kind has a shape and fill (armed group: box, state: house, city: circle …);
//! - each relation kind has a colour (conflict red, attack dark red, alliance green, support
//!   blue, control grey …); symmetric kinds have no arrow (`dir=none`);
//! - alleged or disputed relations are dashed, relations that only *possibly* hold on the date
//!   asked about are dotted, negated ones end in a bar (`arrowhead=tee`) and read `NOT …`;
//! - edge labels give the kind and the dates at their precision, tooltips the summary and the
//!   evidence (document and byte span); node labels are names in the chosen language;
//! - the diagram runs top to bottom, tightly spaced, with node names and edge label lines
//!   wrapped narrow, so that a few dozen actors print on A4 with readable labels;
//! - a diff diagram colours what began green, what ended grey and what changed certainty
//!   orange and bold.
//!
//! Node ids are the entities' slugs, quoted. Every text from the data is escaped on its way in,
//! so that it stays inside its string and out of the SVG markup, and shown as [`visible`] text.
//! The output depends only on the graph, the selection and the options: entities in graph
//! order, relations by date then id, legend entries in kind order.

mod edge;
mod legend;
mod printer;
mod style;
mod text;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::convert::Infallible;
use std::io::{self, BufWriter, Write};

use rayon::prelude::*;

use graphviz_rust::dot_structures::{
    Attribute, Edge, Graph as Dot, GraphAttributes, Id, Node, NodeId, Stmt,
};

pub use style::{ARABIC_FONTS, LATIN_FONTS, Look, Stroke, attr, colour, look, stroke};
pub use text::{quoted, visible};

use super::{Lang, Options};
use crate::graph::{EntityIx, Graph, RelationIx};
use crate::model::{Entity, RelationKind, Status};
use crate::query::{Certainty, Change, Found, Snapshot};
use legend::{LegendContent, Marks};
use printer::GraphPrinter;
use style::Difference;
pub(crate) use text::{justified, label, wrap};

/// Node labels are wrapped at about this many characters: narrow nodes, so that a rank of
/// them fits across a page (diagrams run top to bottom).
const WRAP: usize = 18;

/// Writes the selection as a DOT diagram: [`print`](fn@print) of [`diagram`], but each
/// statement is built, printed and dropped before the next, so that a diagram of a million
/// relations is never whole in memory.
///
/// Complexity: O(entities + relations of the selection, and the length of their texts).
///
/// ```
/// use actorgraph::export::{Options, dot};
/// let graph = actorgraph::load::load(&actorgraph::load::GraphFiles::builtin()).unwrap();
/// let gao = graph.resolve("Gao").unwrap();
/// let selection = actorgraph::query::ego(&graph, gao, 1, &Default::default());
/// let mut out = Vec::new();
/// dot::write(&graph, &selection, &Options::default(), &mut out).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.starts_with("digraph \"actorgraph\" {"));
/// assert!(text.contains("\"gao\"["));
/// ```
pub fn write(
    graph: &Graph,
    selection: &Snapshot,
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let empty = empty();
    let directed = matches!(empty, Dot::DiGraph { .. });
    let mut printer = GraphPrinter::begin(&empty, &mut out)?;
    statements(
        graph,
        selection,
        options,
        |stmt| printer::stmt_text(&stmt, directed),
        |text| printer.printed(&text?),
    )?;
    printer.end()?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Prints a diagram as graphviz-rust's printer does with `with_node_mult_attr_s_l` (one
/// statement per line, several attributes one per line, short edges on one line), followed by
/// a line break. The text goes to `out` through a buffer, never whole in memory.
pub fn print(diagram: &Dot, out: &mut dyn Write) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    printer::print(diagram, &mut out)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// The diagram of the selection, as a graphviz-rust graph named `actorgraph`, as
/// [`write`](fn@write) prints it.
pub fn diagram(graph: &Graph, selection: &Snapshot, options: &Options) -> Dot {
    let mut diagram = empty();
    if let Dot::DiGraph { stmts, .. } = &mut diagram {
        stmts.reserve(selection.entities.len() + selection.relations.len() + 4);
        let Ok(()) = statements(
            graph,
            selection,
            options,
            |stmt| stmt,
            |stmt| {
                stmts.push(stmt);
                Ok::<_, Infallible>(())
            },
        );
    }
    diagram
}

/// The graph named `actorgraph`, without statements.
fn empty() -> Dot {
    Dot::DiGraph {
        id: quoted("actorgraph"),
        strict: false,
        stmts: Vec::new(),
    }
}

/// How many nodes or edges [`statements`] builds on every core before it hands them on: a
/// batch of statements of a few hundred bytes each, so that a diagram of a million
/// relations is never whole in memory.
const BATCH: usize = 4096;

/// Builds the statements of the diagram of the selection, turns each into what `made` makes of
/// it, and hands those to `emit` in order: the defaults, one node per entity, one edge per
/// relation (or bundle), the legend. Nodes and edges are built and made on every core, a
/// [`BATCH`] at a time, so that whoever emits them needs to hold only one batch.
fn statements<T: Send, E>(
    graph: &Graph,
    selection: &Snapshot,
    options: &Options,
    made: impl Fn(Stmt) -> T + Sync,
    mut emit: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    for stmt in defaults(options.lang) {
        emit(made(stmt))?;
    }
    let changes = changes(options);
    let mut legend = LegendContent {
        lang: options.lang,
        entities: BTreeSet::new(),
        relations: BTreeSet::new(),
        marks: Marks::default(),
        diff: options
            .diff
            .as_ref()
            .map(|d| (d.first.to_string(), d.second.to_string())),
    };
    for batch in selection.entities.chunks(BATCH) {
        let nodes: Vec<T> = (batch.par_iter())
            .with_min_len(64)
            .map(|&e| made(Stmt::Node(node(graph.entity(e), options.lang))))
            .collect();
        legend
            .entities
            .extend(batch.iter().map(|&e| graph.entity(e).kind));
        for node in nodes {
            emit(node)?;
        }
    }
    let diff = legend.diff.is_some();
    let groups = parallel(graph, selection, !options.unbundled, &changes);
    for batch in groups.chunks(BATCH) {
        let edges: Vec<(T, Drawn)> = (batch.par_iter())
            .with_min_len(64)
            .map(|group| {
                let (edge, drawn) = group_edge(graph, group, &changes, diff, options.lang);
                (made(Stmt::Edge(edge)), drawn)
            })
            .collect();
        for (edge, drawn) in edges {
            legend.marks = legend.marks.and(drawn.marks);
            legend.relations.extend(drawn.kind);
            emit(edge)?;
        }
    }
    // The title and legend: a graph attribute holds wherever it stands, so it can follow the
    // edges that decide what the legend lists.
    emit(made(legend::legend(&legend, title(options).as_deref())))
}

/// The graph, node and edge defaults: fonts for `lang`, sizes, spacing.
fn defaults(lang: Lang) -> [Stmt; 3] {
    let fonts = match lang {
        Lang::Ar => ARABIC_FONTS,
        Lang::En | Lang::Fr => LATIN_FONTS,
    };
    // Top to bottom, tightly spaced: a network of actors has few ranks, each wide, and its
    // edge labels stand beside their edges; so drawn, the committed views print on A4 with
    // labels of 7 points or more (tests/it/exports.rs measures them).
    let graph_attrs = vec![
        attr("rankdir", "TB"),
        attr("charset", "UTF-8"),
        attr("fontname", fonts),
        attr("nodesep", "0.1"),
        attr("ranksep", "0.2"),
    ];
    [
        Stmt::GAttribute(GraphAttributes::Graph(graph_attrs)),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", fonts),
            attr("fontsize", "10"),
            attr("margin", "0.05,0.03"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", fonts),
            attr("fontsize", "9"),
        ])),
    ]
}

/// The diagram's title: the one asked for, else a diff's own (in the diagram's language).
fn title(options: &Options) -> Option<String> {
    options.title.clone().or_else(|| {
        let diff = options.diff.as_ref()?;
        let (first, second) = (diff.first.to_string(), diff.second.to_string());
        Some(crate::i18n::diff_title(&first, &second, options.lang))
    })
}

/// In a diff diagram, how each relation drawn differs between the two dates.
fn changes(options: &Options) -> BTreeMap<RelationIx, (Difference, Change)> {
    options
        .diff
        .iter()
        .flat_map(|d| {
            let tag = |difference| move |c: &Change| (c.relation, (difference, *c));
            (d.diff.began.iter().map(tag(Difference::Began)))
                .chain(d.diff.ended.iter().map(tag(Difference::Ended)))
                .chain(d.diff.changed.iter().map(tag(Difference::Changed)))
        })
        .collect()
}

/// What an edge adds to the legend: the line styles it uses, and outside a diff the kind
/// whose stroke it draws, if it draws one kind.
struct Drawn {
    marks: Marks,
    kind: Option<RelationKind>,
}

/// The edge of one group of [`parallel`] relations: the relation's own edge, or a bundle; and
/// what it adds to the legend (in a `diff` diagram, no kind).
fn group_edge(
    graph: &Graph,
    group: &[Found],
    changes: &BTreeMap<RelationIx, (Difference, Change)>,
    diff: bool,
    lang: Lang,
) -> (Edge, Drawn) {
    let mut marks = Marks::default();
    let mut members = Vec::with_capacity(group.len());
    for &found in group {
        let relation = graph.relation(found.relation);
        marks.doubtful |= relation.status != Status::Asserted;
        marks.possible |= found.certainty == Some(Certainty::Possible);
        marks.negated |= relation.negated;
        members.push((relation, found.certainty));
    }
    // A bundle of several kinds is drawn grey: only single kinds show a kind's stroke.
    let kind = members[0].0.kind;
    let kind = (!diff && members.iter().all(|(r, _)| r.kind == kind)).then_some(kind);
    let edge = match members.as_slice() {
        [(relation, certainty)] => {
            let change = changes.get(&group[0].relation).copied();
            edge::edge(relation, *certainty, change, lang)
        }
        _ => {
            marks.bundled = true;
            let change = changes
                .get(&group[0].relation)
                .map(|(difference, _)| (*difference, change_note(group, changes)));
            edge::bundle(&members, change, lang)
        }
    };
    (edge, Drawn { marks, kind })
}

/// The selection's relations, one group per edge: with `bundle`, the relations between one
/// pair of entities (either way) that differ alike in a diff (all began, all ended or all
/// changed certainty; any, outside a diff) together, groups in the order of their first
/// relation; else each relation alone.
fn parallel(
    graph: &Graph,
    selection: &Snapshot,
    bundle: bool,
    changes: &BTreeMap<RelationIx, (Difference, Change)>,
) -> Vec<Vec<Found>> {
    if !bundle {
        return selection.relations.iter().map(|&f| vec![f]).collect();
    }
    let mut groups: Vec<Vec<Found>> = Vec::new();
    let mut group_of: HashMap<(EntityIx, EntityIx, Option<Difference>), usize> =
        HashMap::with_capacity(selection.relations.len());
    for &found in &selection.relations {
        let (a, b) = graph.ends(found.relation);
        let difference = changes.get(&found.relation).map(|(d, _)| *d);
        let key = (a.min(b), a.max(b), difference);
        match group_of.get(&key) {
            Some(&i) => groups[i].push(found),
            None => {
                group_of.insert(key, groups.len());
                groups.push(vec![found]);
            }
        }
    }
    groups
}

/// What a diff bundle's last label line says: the one change of certainty its relations share
/// (`possible → certain`), else how they differ (`began`, `ended`, `changed`).
fn change_note(group: &[Found], changes: &BTreeMap<RelationIx, (Difference, Change)>) -> String {
    let notes: BTreeSet<String> = group
        .iter()
        .filter_map(|f| changes.get(&f.relation))
        .map(
            |(difference, change)| match (difference, change.before, change.after) {
                (Difference::Changed, Some(a), Some(b)) => {
                    format!("{} → {}", a.as_str(), b.as_str())
                }
                _ => difference.name().to_owned(),
            },
        )
        .collect();
    match notes.into_iter().collect::<Vec<_>>().as_slice() {
        [one] => one.clone(),
        _ => group
            .first()
            .and_then(|f| changes.get(&f.relation))
            .map_or_else(String::new, |(d, _)| d.name().to_owned()),
    }
}

/// A node: the entity's name in `lang`, wrapped, in its kind's shape; the tooltip gives the
/// kind and description.
fn node(entity: &Entity, lang: Lang) -> Node {
    let look = look(entity.kind);
    let name = lang.name_of(entity);
    let tooltip = format!(
        "{name} ({}): {}",
        entity.kind.as_str().replace('_', " "),
        entity.description
    );
    Node::new(
        NodeId(quoted(entity.id.as_str()), None),
        vec![
            Attribute(Id::Plain("label".into()), label(wrap(name, WRAP))),
            Attribute(Id::Plain("tooltip".into()), label([tooltip])),
            attr("shape", look.shape),
            attr("style", look.style),
            attr("fillcolor", look.fill),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{GraphFiles, load};
    use crate::query::{Filter, snapshot};

    fn azawad() -> Graph {
        load(&GraphFiles::builtin()).unwrap()
    }

    fn text(graph: &Graph, selection: &Snapshot, options: &Options) -> String {
        let mut out = Vec::new();
        write(graph, selection, options, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn same_input_same_bytes() {
        let graph = azawad();
        let selection = snapshot(&graph, &Filter::default());
        let options = Options::default();
        assert_eq!(
            text(&graph, &selection, &options),
            text(&graph, &selection, &options)
        );
    }

    #[test]
    fn write_prints_the_diagram() {
        let graph = azawad();
        let mnla = graph.resolve("mnla").unwrap();
        let first = "2012-05-01".parse::<crate::PartialDate>().unwrap();
        let second = "2013-03-01".parse::<crate::PartialDate>().unwrap();
        let (diff_selection, diff) =
            crate::export::views::diff_selection(&graph, first, second, &Filter::default());
        let cases = [
            (snapshot(&graph, &Filter::default()), Options::default()),
            (
                crate::query::ego(&graph, mnla, 2, &Filter::default()),
                Options {
                    lang: Lang::Ar,
                    title: Some("A \"title\"".into()),
                    ..Options::default()
                },
            ),
            (
                diff_selection,
                Options {
                    diff: Some(diff),
                    ..Options::default()
                },
            ),
            (
                Snapshot {
                    entities: vec![],
                    relations: vec![],
                },
                Options::default(),
            ),
        ];
        for (selection, options) in cases {
            let mut printed = Vec::new();
            print(&diagram(&graph, &selection, &options), &mut printed).unwrap();
            assert_eq!(text(&graph, &selection, &options).into_bytes(), printed);
        }
    }

    #[test]
    fn a_diff_bundles_the_relations_of_a_pair_that_differ_alike() {
        let graph = azawad();
        let first = "2012-05-01".parse::<crate::PartialDate>().unwrap();
        let second = "2013-03-01".parse::<crate::PartialDate>().unwrap();
        let (selection, diff) =
            crate::export::views::diff_selection(&graph, first, second, &Filter::default());
        let pair = [
            graph.resolve("mnla").unwrap(),
            graph.resolve("islamists").unwrap(),
        ];
        let mut differences = BTreeSet::new();
        let mut relations = 0;
        for (list, difference) in [
            (&diff.diff.began, Difference::Began),
            (&diff.diff.ended, Difference::Ended),
            (&diff.diff.changed, Difference::Changed),
        ] {
            for change in list {
                let (a, b) = graph.ends(change.relation);
                if pair.contains(&a) && pair.contains(&b) {
                    differences.insert(difference);
                    relations += 1;
                }
            }
        }
        assert!(relations > differences.len(), "nothing to bundle");
        let options = Options {
            diff: Some(diff),
            ..Options::default()
        };
        let dot = text(&graph, &selection, &options);
        let edges = dot.matches("\"mnla\" -> \"islamists\"").count()
            + dot.matches("\"islamists\" -> \"mnla\"").count();
        assert_eq!(edges, differences.len(), "{dot}");
        let unbundled = Options {
            unbundled: true,
            ..options
        };
        let dot = text(&graph, &selection, &unbundled);
        let edges = dot.matches("\"mnla\" -> \"islamists\"").count()
            + dot.matches("\"islamists\" -> \"mnla\"").count();
        assert_eq!(edges, relations);
    }

    #[test]
    fn arabic_labels_use_a_font_with_arabic_glyphs() {
        let graph = azawad();
        let mnla = graph.resolve("mnla").unwrap();
        let selection = crate::query::ego(&graph, mnla, 0, &Filter::default());
        let options = Options {
            lang: Lang::Ar,
            ..Options::default()
        };
        let dot = text(&graph, &selection, &options);
        assert!(
            dot.contains("label=\"الحركة الوطنية\\nلتحرير أزواد\""),
            "{dot}"
        );
        assert!(dot.contains(&format!("fontname=\"{ARABIC_FONTS}\"")));
    }
}
