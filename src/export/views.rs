//! Report views: named selections of a graph drawn as DOT diagrams. A graph folder may list
//! its views in `views.json` (the built-in graph's list is `graph-data/azawad/views.json`,
//! embedded in the binary); `actorgraph export --all` writes `<name>.dot` and `<name>.svg` for
//! each, and for a view of the whole graph (`"pick": "all"`) also its interactive explorer
//! `<name>.html` (without quoted evidence; `"pick": "explorer"` writes the page alone, for a
//! graph too dense to print as one diagram), which is how `exports/` is made and how
//! `tests/it/exports.rs` and `tests/it/html.rs` find a stale file.
//!
//! ```json
//! [{"name": "mnla-ego", "title": "The MNLA and its neighbours", "pick": {"focus": {"actor": "mnla", "depth": 1}}},
//!  {"name": "may-2012", "title": "On 1 May 2012", "pick": {"at": "2012-05-01"}, "lang": "ar"}]
//! ```
//!
//! A `pick` is `"all"`, `"explorer"`, `{"at": DATE}`, `{"kinds": [KIND, …]}` (a theme over
//! all time), `{"focus": {"actor": NAME, "depth": N}}`, `{"diff": [DATE, DATE]}`,
//! `{"places": [KIND, …]}` or `{"timeline": {"actor": NAME, "kinds": [KIND, …]}}` (both
//! optional: without an actor, the towns and who held them); `lang` is `en` (the default), `ar` or `fr`;
//! `"places": true` draws towns, areas and geography too (by default a node-link view draws the
//! actors and the relations among them, [`Snapshot::among_actors`]).
//! `"direction": "left-to-right"` runs its ranks across rather than down (see [`Direction`]).

use graphviz_rust::dot_structures::{
    Graph as Dot, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph,
};
use serde::Deserialize;

use super::dot::{self, attr, quoted};
use super::timeline::{Rows, Timeline};
use super::{DiffView, Lang, Options};
use crate::graph::{EntityIx, Graph};
use crate::model::{EntityKind, PartialDate, RelationKind};
use crate::query::{self, Filter, Found, Snapshot};

/// The views file of a graph folder.
pub const VIEWS_FILE: &str = "views.json";

/// What a view selects.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Pick {
    /// Every entity and relation: a diagram, and the interactive explorer (`<name>.html`).
    All,
    /// Every entity and relation in the interactive explorer (`<name>.html`) only, for a graph
    /// too dense to print as one diagram (split it into `kinds` or `at` views for print).
    Explorer,
    /// Relations of these kinds over all time: a theme of the graph.
    Kinds(Vec<RelationKind>),
    /// The graph as it stood on a date.
    At(PartialDate),
    /// An actor and everything within some relations of it.
    Focus(Focus),
    /// What began, ended or changed certainty between two dates.
    Diff([PartialDate; 2]),
    /// Relations of these kinds over all time, the places they reach in one column.
    Places(Vec<RelationKind>),
    /// A timeline chart ([`super::timeline`]): towns and who held them, or an actor's links.
    Timeline(TimelinePick),
}

/// The rows and relations of a timeline view.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelinePick {
    /// One row per actor linked to this one (id, name or alias); without it, one row per town
    /// or area.
    #[serde(default)]
    pub actor: Option<String>,
    /// The relation kinds drawn (by default control for towns, every kind for an actor).
    #[serde(default)]
    pub kinds: Vec<RelationKind>,
}

/// The ego network a view focuses on.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Focus {
    /// The actor (id, name or alias).
    pub actor: String,
    /// How many relations away from it to go (1 by default).
    #[serde(default = "one")]
    pub depth: usize,
}

fn one() -> usize {
    1
}

/// A report view: a named, titled selection of the graph.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct View {
    /// The file name without extension, also the DOT graph's name.
    pub name: String,
    /// The title drawn above the diagram.
    pub title: String,
    /// What it shows.
    pub pick: Pick,
    /// The language of node labels.
    #[serde(default, deserialize_with = "lang")]
    pub lang: Lang,
    /// Also draw towns, regions and areas, the relations reaching them and geography between
    /// states (borders, part of); by default a diagram draws the actors
    /// ([`Snapshot::among_actors`]). A `places` pick always draws them.
    #[serde(default)]
    pub places: bool,
    /// Which way a node-link diagram's ranks run: `"top-to-bottom"` (the default) or
    /// `"left-to-right"`, which fits a landscape A4 page better when a view has many ranks of
    /// few actors (the 2013 and 2014 snapshots). A `places` pick always runs left to right.
    #[serde(default)]
    pub direction: Direction,
}

/// Which way the ranks of a node-link diagram run (Graphviz `rankdir`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Ranks top to bottom (`rankdir=TB`).
    #[default]
    TopToBottom,
    /// Ranks left to right (`rankdir=LR`).
    LeftToRight,
}

fn lang<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
    let text = String::deserialize(d)?;
    text.parse().map_err(serde::de::Error::custom)
}

/// A views file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {reason}")]
pub struct ViewsError {
    /// Which file.
    pub file: String,
    /// What is wrong (serde's message, with line and column).
    pub reason: String,
}

/// Reads the views listed in `bytes`, the contents of `file` (a JSON array of views; view
/// names must be unique and usable as file names: lowercase letters, digits and hyphens).
pub fn read(file: &str, bytes: &[u8]) -> Result<Vec<View>, ViewsError> {
    let error = |reason: String| ViewsError {
        file: file.to_owned(),
        reason,
    };
    let views: Vec<View> = serde_json::from_slice(bytes).map_err(|e| error(e.to_string()))?;
    let mut names = std::collections::BTreeSet::new();
    for view in &views {
        if !crate::model::is_slug(&view.name) {
            return Err(error(format!(
                "view name {:?}: use lowercase ASCII letters and digits joined by hyphens",
                view.name
            )));
        }
        if !names.insert(view.name.as_str()) {
            return Err(error(format!("view {:?} is listed twice", view.name)));
        }
    }
    Ok(views)
}

/// The built-in graph's views (`graph-data/azawad/views.json`), the diagrams of `exports/`.
///
/// ```
/// let views = actorgraph::export::views::builtin();
/// let graph = actorgraph::load::load(&actorgraph::load::GraphFiles::builtin()).unwrap();
/// assert!(views[0].html(&graph).unwrap().is_some() && views[0].dot(&graph).is_err());
/// let dot = views[1].dot(&graph).unwrap();
/// assert!(dot.starts_with(b"digraph \"hostilities\" {"));
/// ```
pub fn builtin() -> Vec<View> {
    read(
        "graph-data/azawad/views.json",
        include_bytes!("../../graph-data/azawad/views.json"),
    )
    .expect("the built-in views are valid (tested)")
}

/// A view that cannot be drawn from this graph (an unknown actor, a bad date).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("view {view}: {reason}")]
pub struct ViewError {
    /// The view's name.
    pub view: String,
    /// What went wrong.
    pub reason: String,
}

impl View {
    /// The view's DOT diagram of `graph`, named after the view.
    pub fn diagram(&self, graph: &Graph) -> Result<Dot, ViewError> {
        let error = |reason: String| ViewError {
            view: self.name.clone(),
            reason,
        };
        let mut options = Options {
            lang: self.lang,
            title: Some(self.title.clone()),
            ..Options::default()
        };
        let selection = match &self.pick {
            Pick::Timeline(pick) => return self.timeline(graph, pick),
            Pick::Explorer => {
                return Err(error(format!(
                    "an explorer view has no diagram, only {}.html",
                    self.name
                )));
            }
            Pick::All => self.drawn(graph, query::snapshot(graph, &Filter::default())),
            Pick::Kinds(kinds) => self.drawn(
                graph,
                query::snapshot(graph, &Filter::default().with_kinds(kinds)),
            ),
            Pick::At(day) => {
                self.drawn(graph, query::snapshot(graph, &Filter::during(day.period())))
            }
            Pick::Focus(Focus { actor, depth }) => {
                let center = graph.resolve(actor).map_err(|e| error(e.to_string()))?;
                let filter = Filter::default();
                ego_network(graph, center, *depth, &filter, self.places)
            }
            Pick::Diff([first, second]) => {
                let (selection, diff) = diff_selection(graph, *first, *second, &Filter::default());
                options.diff = Some(diff);
                self.drawn(graph, selection)
            }
            Pick::Places(kinds) => query::snapshot(graph, &Filter::default().with_kinds(kinds)),
        };
        let mut diagram = dot::diagram(graph, &selection, &options);
        if let Dot::DiGraph { id, stmts, .. } = &mut diagram {
            *id = quoted(&self.name);
            let places = matches!(self.pick, Pick::Places(_));
            if places || self.direction == Direction::LeftToRight {
                // For places: actors on the left, the places in a column on the right.
                if let Some(Stmt::GAttribute(GraphAttributes::Graph(attrs))) = stmts.first_mut() {
                    attrs.retain(|a| a.0 != Id::Plain("rankdir".into()));
                    attrs.insert(0, attr("rankdir", "LR"));
                }
            }
            if places {
                // Before the first edge: tie each label to its edge with a line.
                let defaults = GraphAttributes::Edge(vec![attr("decorate", "true")]);
                let first_edge = stmts.iter().position(|s| matches!(s, Stmt::Edge(_)));
                stmts.insert(
                    first_edge.unwrap_or(stmts.len()),
                    Stmt::GAttribute(defaults),
                );
                stmts.push(places_column(graph, &selection, self.lang));
            }
        }
        Ok(diagram)
    }

    /// Whether the view is drawn as a diagram (`<name>.dot` and `<name>.svg`): all but an
    /// explorer view.
    pub fn has_diagram(&self) -> bool {
        self.pick != Pick::Explorer
    }

    /// What of `selection` the view draws: the actors and the relations among them, unless it
    /// asks for `places` too.
    fn drawn(&self, graph: &Graph, selection: Snapshot) -> Snapshot {
        if self.places {
            selection
        } else {
            selection.among_actors(graph)
        }
    }

    /// The chart of a timeline view.
    fn timeline(&self, graph: &Graph, pick: &TimelinePick) -> Result<Dot, ViewError> {
        let error = |reason: String| ViewError {
            view: self.name.clone(),
            reason,
        };
        let rows = match &pick.actor {
            Some(actor) => Rows::LinkedTo(graph.resolve(actor).map_err(|e| error(e.to_string()))?),
            None => Rows::Towns,
        };
        let timeline = Timeline {
            rows,
            kinds: pick.kinds.clone(),
            statuses: Vec::new(),
            lang: self.lang,
            title: Some(self.title.clone()),
        };
        timeline
            .chart(graph, &self.name)
            .map_err(|e| error(e.to_string()))
    }

    /// The view's DOT diagram as bytes, as `exports/<name>.dot` holds it.
    pub fn dot(&self, graph: &Graph) -> Result<Vec<u8>, ViewError> {
        let mut out = Vec::new();
        let diagram = self.diagram(graph)?;
        dot::print(&diagram, &mut out).map_err(|e| ViewError {
            view: self.name.clone(),
            reason: e.to_string(),
        })?;
        Ok(out)
    }

    /// The view's HTML explorer (`<name>.html`), for a view of the whole graph (`"pick":
    /// "all"` or `"explorer"`); `None` for other views, which are drawn as diagrams only. An
    /// error when the graph is too big for the explorer ([`super::html::check_size`]).
    pub fn html(&self, graph: &Graph) -> Result<Option<Vec<u8>>, ViewError> {
        if !matches!(self.pick, Pick::All | Pick::Explorer) {
            return Ok(None);
        }
        let error = |reason: String| ViewError {
            view: self.name.clone(),
            reason,
        };
        let selection = query::snapshot(graph, &Filter::default());
        super::html::check_size(&selection).map_err(|e| error(e.to_string()))?;
        let options = Options {
            lang: self.lang,
            title: Some(self.title.clone()),
            ..Options::default()
        };
        let mut out = Vec::new();
        super::html::write(graph, &selection, &options, None, &mut out)
            .map_err(|e| error(e.to_string()))?;
        Ok(Some(out))
    }
}

/// The ego network a diagram draws of `center` ([`query::ego`]): the actors and the relations
/// among them, unless `places` or the center is a town or area (whose network is about
/// places), and always the center itself, even alone.
pub fn ego_network(
    graph: &Graph,
    center: EntityIx,
    depth: usize,
    filter: &Filter,
    places: bool,
) -> Snapshot {
    let ego = query::ego(graph, center, depth, filter);
    if places || !graph.entity(center).kind.is_actor() {
        return ego;
    }
    let mut drawn = ego.among_actors(graph);
    if let Err(at) = drawn.entities.binary_search(&center) {
        drawn.entities.insert(at, center);
    }
    drawn
}

/// A cluster holding the selection's towns, regions and natural areas in one rank, so that a
/// control diagram reads as actors on one side, places in a column on the other.
fn places_column(graph: &Graph, selection: &Snapshot, lang: Lang) -> Stmt {
    let heading = crate::i18n::phrase(crate::i18n::Phrase::Places, lang);
    let mut stmts = vec![
        Stmt::Attribute(attr("rank", "same")),
        Stmt::Attribute(attr("label", heading)),
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
        crate::graph::cmp_chronologically(graph.relation(a.relation), graph.relation(b.relation))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_views_are_valid() {
        assert_eq!(builtin().len(), 16);
    }

    /// The theme views draw, among them, every relation between actors of the whole graph,
    /// each once; the explorer view is its page alone.
    #[test]
    fn the_theme_views_split_the_whole_graph() {
        let graph = crate::load::load(&crate::load::GraphFiles::builtin()).unwrap();
        let whole = query::snapshot(&graph, &Filter::default()).among_actors(&graph);
        let mut drawn = Vec::new();
        for view in builtin() {
            let Pick::Kinds(kinds) = &view.pick else {
                continue;
            };
            let selection = view.drawn(
                &graph,
                query::snapshot(&graph, &Filter::default().with_kinds(kinds)),
            );
            drawn.extend(selection.relations.iter().map(|f| f.relation));
        }
        drawn.sort();
        let mut all: Vec<_> = whole.relations.iter().map(|f| f.relation).collect();
        all.sort();
        assert_eq!(drawn, all);
        let explorer = builtin().into_iter().find(|v| v.name == "azawad").unwrap();
        assert_eq!(explorer.pick, Pick::Explorer);
        assert!(explorer.diagram(&graph).is_err());
        assert!(explorer.html(&graph).unwrap().is_some());
    }

    /// The column of places is headed in the view's language.
    #[test]
    fn the_places_column_speaks_the_view_language() {
        let graph = crate::load::load(&crate::load::GraphFiles::builtin()).unwrap();
        let json =
            br#"[{"name": "t", "title": "t", "pick": {"places": ["control"]}, "lang": "ar"}]"#;
        let view = &read("v", json).unwrap()[0];
        let dot = String::from_utf8(view.dot(&graph).unwrap()).unwrap();
        assert!(dot.contains("label=\"المدن والمناطق\""), "{dot}");
        assert!(!dot.contains("Towns and areas"), "{dot}");
    }

    /// A view focused on a town draws its places (an actors-only drawing would be empty); on
    /// an actor, the actors.
    #[test]
    fn a_town_focus_draws_places_and_an_actor_focus_actors() {
        let graph = crate::load::load(&crate::load::GraphFiles::builtin()).unwrap();
        let view = |actor: &str| View {
            name: "v".into(),
            title: "t".into(),
            pick: Pick::Focus(Focus {
                actor: actor.into(),
                depth: 1,
            }),
            lang: Lang::En,
            places: false,
            direction: Direction::TopToBottom,
        };
        let text = |v: View| String::from_utf8(v.dot(&graph).unwrap()).unwrap();
        assert!(text(view("gao")).contains("\"gao\"["));
        let mnla = text(view("mnla"));
        assert!(mnla.contains("\"islamists\"[") && !mnla.contains("\"gao\"["));
        let with_places = View {
            places: true,
            ..view("mnla")
        };
        assert!(text(with_places).contains("\"gao\"["));
    }

    #[test]
    fn views_files_are_read_and_checked() {
        let views = read(
            "views.json",
            br#"[{"name": "may", "title": "May", "pick": {"at": "2012-05"}, "lang": "ar"},
                 {"name": "town", "title": "Towns", "pick": {"places": ["control"]}}]"#,
        )
        .unwrap();
        assert_eq!(views[0].pick, Pick::At("2012-05".parse().unwrap()));
        assert_eq!((views[0].lang, views[1].lang), (Lang::Ar, Lang::En));
        assert_eq!(views[0].direction, Direction::TopToBottom);
        let across =
            br#"[{"name": "a", "title": "t", "pick": "all", "direction": "left-to-right"}]"#;
        assert_eq!(
            read("v", across).unwrap()[0].direction,
            Direction::LeftToRight
        );
        let bad = |json: &[u8]| read("views.json", json).unwrap_err().to_string();
        assert!(bad(br#"[{"name": "a", "title": "t", "pick": "al"}]"#).contains("unknown variant"));
        let themes = br#"[{"name": "w", "title": "t", "pick": {"kinds": ["conflict", "attack"]}},
                          {"name": "x", "title": "t", "pick": "explorer"}]"#;
        let themes = read("v", themes).unwrap();
        use crate::RelationKind::{Attack, Conflict};
        assert_eq!(themes[0].pick, Pick::Kinds(vec![Conflict, Attack]));
        assert_eq!(themes[1].pick, Pick::Explorer);
        assert!(themes[0].has_diagram() && !themes[1].has_diagram());
        assert!(
            bad(br#"[{"name": "a", "title": "t", "pick": {"kinds": ["war"]}}]"#).contains("war")
        );
        let sideways = br#"[{"name": "a", "title": "t", "pick": "all", "direction": "up"}]"#;
        assert!(bad(sideways).contains("unknown variant"));
        assert!(bad(br#"[{"name": "A b", "title": "t", "pick": "all"}]"#).contains("view name"));
        let twice = br#"[{"name": "a", "title": "t", "pick": "all"}, {"name": "a", "title": "u", "pick": "all"}]"#;
        assert!(bad(twice).contains("listed twice"));
        assert!(
            bad(br#"[{"name": "a", "title": "t", "pick": {"at": "2012-13"}}]"#)
                .contains("views.json")
        );
    }
}
