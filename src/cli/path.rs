//! `actorgraph path`: the shortest chains of relations between two actors.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::{Argument, CliError, NoResult};
use super::load_graph;
use super::output::{self, terminal};
use super::render::{entity_ids, entity_label, kind_label};
use actorgraph::query::{self, Filter};
use actorgraph::view::RelationView;

/// The most paths `-k` may ask for; each costs a search per relation of the previous one.
const MAX_PATHS: usize = 100;

/// What to look for, as the options give it.
pub struct PathQuery<'a> {
    /// Start actor name.
    pub from: &'a str,
    /// End actor name.
    pub to: &'a str,
    /// Which relations may be followed.
    pub filter: Filter,
    /// How many paths (`None`: one, printed as a single object).
    pub k: Option<usize>,
    /// Longest path in relations.
    pub max_hops: usize,
}

#[derive(Serialize)]
struct PathJson<'a> {
    entities: Vec<&'a str>,
    relations: Vec<RelationView<'a>>,
}

/// Prints the shortest paths, or fails with exit 1 when there is none.
pub fn run(global: &Global, q: &PathQuery) -> Result<ExitCode, CliError> {
    if let Some(k) = q.k
        && !(1..=MAX_PATHS).contains(&k)
    {
        return Err(Argument::PathCount { max: MAX_PATHS }.into());
    }
    let graph = load_graph(global)?;
    let (from, to) = (graph.resolve(q.from)?, graph.resolve(q.to)?);
    let found = query::shortest_paths(graph, from, to, &q.filter, q.k.unwrap_or(1), q.max_hops);
    if !found.complete {
        output::diagnostic(&format!(
            "warning: the search for more paths stopped after reading {} relations; these are \
             the {} shortest paths, and more may exist: narrow it with --at, --kind or a lower \
             --max-hops",
            query::MAX_PATH_WORK,
            found.paths.len()
        ));
    }
    let paths = found.paths;
    if paths.is_empty() {
        return Err(NoResult::NoPath {
            from: graph.entity(from).id.to_string(),
            to: graph.entity(to).id.to_string(),
            hops: q.max_hops,
        }
        .into());
    }
    if global.json {
        let views: Vec<PathJson> = paths
            .iter()
            .map(|p| PathJson {
                entities: entity_ids(graph, &p.entities),
                relations: p
                    .relations
                    .iter()
                    .map(|&r| {
                        let relation = graph.relation(r);
                        RelationView::new(
                            relation,
                            q.filter
                                .period
                                .and_then(|d| actorgraph::Bounds::of(relation).certainty(d)),
                        )
                    })
                    .collect(),
            })
            .collect();
        match q.k {
            None => output::json(&views[0])?,
            Some(_) => output::json(&views)?,
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = String::new();
    for (n, path) in paths.iter().enumerate() {
        writeln!(text, "path {} ({} hop(s)):", n + 1, path.hops()).ok();
        for (i, &e) in path.entities.iter().enumerate() {
            let entity = graph.entity(e);
            writeln!(text, "  {} ({})", terminal(entity_label(entity)), entity.id).ok();
            if let Some(&r) = path.relations.get(i) {
                let relation = graph.relation(r);
                writeln!(
                    text,
                    "    {} [{}] {}",
                    kind_label(relation, Some(&entity.id)),
                    relation.dates(),
                    relation.id
                )
                .ok();
            }
        }
    }
    output::text(&text)?;
    Ok(ExitCode::SUCCESS)
}
