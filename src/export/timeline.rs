//! Timeline charts: a Gantt chart of relations over time, as a DOT graph of pinned nodes that
//! Graphviz (`layout=neato`, positions in points) draws to SVG, PNG or PDF.
//!
//! - Rows are towns and areas (who held them: bars named and coloured by holder), or the
//!   actors linked to one actor (bars named and coloured by relation kind).
//! - A bar is solid where the relation certainly held (from its latest possible start to its
//!   earliest possible end, [`UncertainDate`](crate::UncertainDate)'s bounds) and fades over
//!   the span where an imprecise start or end lies (`2012-06` fades across June; `[..2012-04]`
//!   from the axis's start to April); a relation with no end runs to the axis's end and ends
//!   in an arrowhead. One-off acts (attacks, declarations) are diamonds.
//! - Negated relations are hollow, dashed and read `NOT …`; alleged or disputed ones are
//!   pale with a dashed border and say so.
//! - The axis shows years and months; labels are in the language asked for, and under
//!   `--lang ar` the chart reads right to left (rows on the right, time running leftwards),
//!   the Arabic text shaped by Graphviz's Pango.
//!
//! A chart depends only on the graph and the request: rows in the order of their first
//! relation, bars in date order, lanes assigned greedily. Relations without dates cannot be
//! placed on a time axis: the chart says how many were left out.

mod bars;
mod canvas;
mod draw;

use std::io::{self, Write};

use graphviz_rust::dot_structures::{Graph as Dot, GraphAttributes, Stmt};

use super::Lang;
use super::dot::{ARABIC_FONTS, LATIN_FONTS, attr, quoted};
use crate::graph::{EntityIx, Graph};
use crate::model::{RelationKind, Status};
use crate::query::{self, Filter};
use bars::is_town_or_area;

/// What a timeline chart has a row for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// Towns, regions and natural areas: the relations reaching each (as an end or as the
    /// relation's place), named by the actor at the other end.
    Towns,
    /// The actors linked to this one (its armed forces' links included): their relations
    /// with it, named by kind.
    LinkedTo(EntityIx),
}

/// A timeline chart to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The rows.
    pub rows: Rows,
    /// Relation kinds to draw; empty means [`RelationKind::Control`] for towns and every kind
    /// for an actor.
    pub kinds: Vec<RelationKind>,
    /// Statuses to draw; empty for all.
    pub statuses: Vec<Status>,
    /// The language of names, kinds, months and legend.
    pub lang: Lang,
    /// The title above the chart.
    pub title: Option<String>,
}

/// Why there is no chart to draw.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimelineError {
    /// The chart of towns: no dated relation of the kinds asked for reaches a town or area.
    #[error("no relation of {kinds} reaches a town or area; try --kind control, or --actor NAME")]
    NoTown {
        /// The kinds asked for (`any kind` for none).
        kinds: String,
    },
    /// The chart of one actor: it has no dated relation of the kinds asked for.
    #[error("{actor} has no dated relation of {kinds}")]
    NoRelation {
        /// The actor's name.
        actor: String,
        /// The kinds asked for (`any kind` for none).
        kinds: String,
    },
}

impl Timeline {
    /// The chart of `graph` as a DOT graph named `name`.
    ///
    /// Errors with a [`TimelineError`] when no relation selected has dates.
    ///
    /// Complexity: O(R log R) for the R relations selected, plus O(B·L) to lay out B bars in
    /// L lanes.
    ///
    /// ```
    /// use actorgraph::export::timeline::{Rows, Timeline};
    /// let graph = actorgraph::load::load(&actorgraph::load::GraphFiles::builtin()).unwrap();
    /// let chart = Timeline { rows: Rows::Towns, kinds: vec![], statuses: vec![],
    ///                        lang: Default::default(), title: None };
    /// let mut dot = Vec::new();
    /// chart.write(&graph, "towns", &mut dot).unwrap();
    /// let dot = String::from_utf8(dot).unwrap();
    /// assert!(dot.contains("layout=\"neato\""));
    /// assert!(dot.contains("\"bar_islamists-control-gao_core\""));
    /// ```
    pub fn chart(&self, graph: &Graph, name: &str) -> Result<Dot, TimelineError> {
        let (rows, undated) = self.rows(graph);
        if rows.is_empty() {
            return Err(self.nothing_to_draw(graph));
        }
        let Some(days) = bars::axis_days(&rows) else {
            return Err(self.nothing_to_draw(graph));
        };
        let fonts = match self.lang {
            Lang::Ar => ARABIC_FONTS,
            Lang::En | Lang::Fr => LATIN_FONTS,
        };
        let mut stmts = vec![
            Stmt::GAttribute(GraphAttributes::Graph(vec![
                attr("layout", "neato"),
                attr("inputscale", "72"),
                attr("overlap", "true"),
                attr("splines", "false"),
                attr("charset", "UTF-8"),
                attr("fontname", fonts),
                attr("bgcolor", "white"),
                attr("pad", "0.2"),
            ])),
            Stmt::GAttribute(GraphAttributes::Node(vec![
                attr("shape", "box"),
                attr("fixedsize", "true"),
                attr("label", ""),
                attr("style", "filled"),
                attr("penwidth", "0"),
                attr("margin", "0"),
                attr("fontname", fonts),
            ])),
        ];
        let chart = draw::Chart {
            graph,
            lang: self.lang,
            by_holder: self.rows == Rows::Towns,
            days,
        };
        stmts.extend(chart.draw(&rows, undated, self.title.as_deref()));
        Ok(Dot::DiGraph {
            id: quoted(name),
            strict: false,
            stmts,
        })
    }

    /// Writes the chart's DOT text ([`chart`](Self::chart)) to `out`.
    pub fn write(&self, graph: &Graph, name: &str, out: &mut dyn Write) -> io::Result<()> {
        let chart = self.chart(graph, name).map_err(io::Error::other)?;
        super::dot::print(&chart, out)
    }

    /// The filter of the relations drawn.
    fn filter(&self) -> Filter {
        let kinds = match (self.rows, self.kinds.is_empty()) {
            (Rows::Towns, true) => vec![RelationKind::Control],
            _ => self.kinds.clone(),
        };
        Filter {
            kinds,
            statuses: self.statuses.clone(),
            with_parts: true,
            ..Filter::default()
        }
    }

    /// The rows, and how many relations selected had no dates.
    fn rows(&self, graph: &Graph) -> (Vec<bars::Row>, usize) {
        let filter = self.filter();
        match self.rows {
            Rows::Towns => {
                let found = query::relations(graph, &[], &filter);
                bars::rows(graph, found.iter().map(|f| f.relation), |r| {
                    let (source, target) = graph.ends(r);
                    let town = |e: EntityIx| is_town_or_area(graph.entity(e).kind);
                    match (town(source), town(target)) {
                        (_, true) => Some((target, source)),
                        (true, false) => Some((source, target)),
                        (false, false) => {
                            let place = graph.relation(r).place()?;
                            let place = graph.entity_ix(place.as_str())?;
                            town(place).then_some((place, source))
                        }
                    }
                })
            }
            Rows::LinkedTo(actor) => {
                let group = query::with_parts(graph, actor, true);
                let found = query::relations(graph, &[actor], &filter);
                bars::rows(graph, found.iter().map(|f| f.relation), |r| {
                    let (source, target) = graph.ends(r);
                    match (group.contains(&source), group.contains(&target)) {
                        (true, false) => Some((target, target)),
                        (false, true) => Some((source, source)),
                        _ => None,
                    }
                })
            }
        }
    }

    /// Why there is nothing to draw: what was asked for.
    fn nothing_to_draw(&self, graph: &Graph) -> TimelineError {
        let kinds = self.filter().kinds;
        let kinds = if kinds.is_empty() {
            "any kind".to_owned()
        } else {
            let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
            names.join(", ")
        };
        match self.rows {
            Rows::Towns => TimelineError::NoTown { kinds },
            Rows::LinkedTo(actor) => TimelineError::NoRelation {
                actor: graph.entity(actor).display_name().to_owned(),
                kinds,
            },
        }
    }
}
