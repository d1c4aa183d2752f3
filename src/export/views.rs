//! The diagrams kept in `exports/`: each [`View`] is a named selection of the graph, drawn as
//! DOT (and rendered to SVG by `actorgraph export --all`, which writes `<name>.dot` and
//! `<name>.svg` for every view in [`VIEWS`]).
//!
//! The list lives here, in the library, so that a test can regenerate every view and fail when
//! a committed file is stale.

use graphviz_rust::dot_structures::{Graph as Dot, GraphAttributes, Node, NodeId, Stmt, Subgraph};

use super::dot::{self, attr, quoted};
use super::{DiffView, Lang, Options};
use crate::graph::Graph;
use crate::model::{EntityKind, PartialDate, RelationKind};
use crate::query::{self, Filter, Found, Snapshot};

/// What a view selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// Every entity and relation.
    All,
    /// The graph as it stood on a date (`YYYY[-MM[-DD]]`).
    At(&'static str),
    /// An actor (id or name) and everything within `depth` relations of it.
    Focus(&'static str, usize),
    /// What began, ended or changed certainty between two dates.
    Diff(&'static str, &'static str),
    /// Relations of these kinds over all time, the places they reach in one column.
    Places(&'static [RelationKind]),
}

/// A diagram of `exports/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    /// The file name without extension, also the DOT graph's name.
    pub name: &'static str,
    /// The title drawn above the diagram.
    pub title: &'static str,
    /// What it shows.
    pub pick: Pick,
    /// The language of node labels.
    pub lang: Lang,
}

const fn view(name: &'static str, title: &'static str, pick: Pick) -> View {
    View {
        name,
        title,
        pick,
        lang: Lang::En,
    }
}

/// Every view of `exports/`, in the order they are written.
pub const VIEWS: [View; 9] = [
    view(
        "azawad",
        "The Azawad conflict (Mali, 2012–2014): every actor and relation",
        Pick::All,
    ),
    view(
        "snapshot-2012-05-01",
        "The Azawad conflict on 2012-05-01",
        Pick::At("2012-05-01"),
    ),
    View {
        lang: Lang::Ar,
        ..view(
            "snapshot-2012-05-01-ar",
            "The Azawad conflict on 2012-05-01 (Arabic names)",
            Pick::At("2012-05-01"),
        )
    },
    view(
        "snapshot-2012-07-01",
        "The Azawad conflict on 2012-07-01",
        Pick::At("2012-07-01"),
    ),
    view(
        "snapshot-2013-03-01",
        "The Azawad conflict on 2013-03-01",
        Pick::At("2013-03-01"),
    ),
    view(
        "snapshot-2014-03-01",
        "The Azawad conflict on 2014-03-01",
        Pick::At("2014-03-01"),
    ),
    view(
        "mnla-ego",
        "The MNLA and every actor one relation away",
        Pick::Focus("mnla", 1),
    ),
    view(
        "diff-2012-05-01-2013-03-01",
        "What changed between 2012-05-01 and 2013-03-01",
        Pick::Diff("2012-05-01", "2013-03-01"),
    ),
    view(
        "town-control",
        "Who controlled the towns and areas, and when",
        Pick::Places(&[RelationKind::Control]),
    ),
];

/// A view that cannot be drawn from this graph (an unknown actor, a bad date).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("view {view}: {reason}")]
pub struct ViewError {
    /// The view's name.
    pub view: &'static str,
    /// What went wrong.
    pub reason: String,
}

impl View {
    /// The view's DOT diagram of `graph`, named after the view.
    pub fn diagram(&self, graph: &Graph) -> Result<Dot, ViewError> {
        let error = |reason: String| ViewError {
            view: self.name,
            reason,
        };
        let date = |text: &str| {
            text.parse::<PartialDate>()
                .map_err(|e| error(e.to_string()))
        };
        let mut options = Options {
            lang: self.lang,
            title: Some(self.title.to_owned()),
            diff: None,
        };
        let selection = match self.pick {
            Pick::All => query::snapshot(graph, &Filter::default()),
            Pick::At(day) => query::snapshot(graph, &Filter::during(date(day)?.period())),
            Pick::Focus(name, depth) => {
                let center = graph.resolve(name).map_err(|e| error(e.to_string()))?;
                query::ego(graph, center, depth, &Filter::default())
            }
            Pick::Diff(first, second) => {
                let (selection, diff) =
                    diff_selection(graph, date(first)?, date(second)?, &Filter::default());
                options.diff = Some(diff);
                selection
            }
            Pick::Places(kinds) => query::snapshot(graph, &Filter::default().with_kinds(kinds)),
        };
        let mut diagram = dot::diagram(graph, &selection, &options);
        if let Dot::DiGraph { id, stmts, .. } = &mut diagram {
            *id = quoted(self.name);
            if let Pick::Places(_) = self.pick {
                // Before the first edge: tie each label to its edge with a line.
                let defaults = GraphAttributes::Edge(vec![attr("decorate", "true")]);
                let first_edge = stmts.iter().position(|s| matches!(s, Stmt::Edge(_)));
                stmts.insert(
                    first_edge.unwrap_or(stmts.len()),
                    Stmt::GAttribute(defaults),
                );
                stmts.push(places_column(graph, &selection));
            }
        }
        Ok(diagram)
    }

    /// The view's DOT diagram as bytes, as `exports/<name>.dot` holds it.
    ///
    /// ```
    /// use actorgraph::export::views::VIEWS;
    /// let graph = actorgraph::load::load(&actorgraph::load::GraphFiles::builtin()).unwrap();
    /// let dot = VIEWS[0].dot(&graph).unwrap();
    /// assert!(dot.starts_with(b"digraph \"azawad\" {"));
    /// ```
    pub fn dot(&self, graph: &Graph) -> Result<Vec<u8>, ViewError> {
        let mut out = Vec::new();
        let diagram = self.diagram(graph)?;
        dot::print(&diagram, &mut out).map_err(|e| ViewError {
            view: self.name,
            reason: e.to_string(),
        })?;
        Ok(out)
    }
}

/// A cluster holding the selection's towns, regions and natural areas in one rank, so that a
/// control diagram reads as actors on one side, places in a column on the other.
fn places_column(graph: &Graph, selection: &Snapshot) -> Stmt {
    let mut stmts = vec![
        Stmt::Attribute(attr("rank", "same")),
        Stmt::Attribute(attr("label", "Towns and areas")),
        Stmt::Attribute(attr("style", "rounded,dashed")),
        Stmt::Attribute(attr("color", "#9e9e9e")),
    ];
    for &e in &selection.entities {
        let entity = graph.entity(e);
        let place = matches!(
            entity.kind,
            EntityKind::City | EntityKind::Region | EntityKind::NaturalArea
        );
        if place {
            let id = NodeId(quoted(entity.id.as_str()), None);
            stmts.push(Stmt::Node(Node::new(id, Vec::new())));
        }
    }
    Stmt::Subgraph(Subgraph {
        id: quoted("cluster_places"),
        stmts,
    })
}

/// The selection of a diff diagram: every relation `filter` admits that began, ended or
/// changed certainty between `first` and `second`, by date then id, with the entities it
/// joins; and the diff to colour them by.
///
/// Complexity: O(R log R) for R relations.
pub fn diff_selection(
    graph: &Graph,
    first: PartialDate,
    second: PartialDate,
    filter: &Filter,
) -> (Snapshot, DiffView) {
    let diff = query::diff(graph, first.period(), second.period(), filter);
    let mut relations: Vec<Found> = [&diff.began, &diff.ended, &diff.changed]
        .into_iter()
        .flatten()
        .map(|c| Found {
            relation: c.relation,
            certainty: c.after.or(c.before),
        })
        .collect();
    relations.sort_by(|a, b| {
        crate::graph::chronological(graph.relation(a.relation), graph.relation(b.relation))
    });
    let selection = Snapshot::joining(graph, relations);
    (
        selection,
        DiffView {
            first,
            second,
            diff,
        },
    )
}
