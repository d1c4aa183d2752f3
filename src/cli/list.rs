//! `actorgraph list [--kind K]…`: every entity, or those of some kinds, by kind then id.

use std::process::ExitCode;

use super::args::Global;
use super::error::CliError;
use super::load_graph;
use super::output::{self, Table, word};
use super::render::entity_label;
use actorgraph::EntityKind;
use actorgraph::graph::EntityIx;
use actorgraph::i18n::Term;
use actorgraph::view::EntityView;

/// Lists the entities of the kinds `kinds` (all when empty), by kind (in the order of
/// [`EntityKind::ALL`]) then id; text shows each one's id, kind, name in the output language
/// and number of relations, JSON the entity objects.
pub fn run(global: &Global, kinds: &[EntityKind]) -> Result<ExitCode, CliError> {
    let graph = load_graph(global)?;
    let mut listed: Vec<EntityIx> = graph
        .entity_indexes()
        .filter(|&ix| kinds.is_empty() || kinds.contains(&graph.entity(ix).kind))
        .collect();
    listed.sort_by(|&a, &b| {
        let (a, b) = (graph.entity(a), graph.entity(b));
        (a.kind, &a.id).cmp(&(b.kind, &b.id))
    });
    if global.json {
        let rows: Vec<EntityView> = listed
            .iter()
            .map(|&ix| EntityView::from(graph.entity(ix)))
            .collect();
        output::json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let header = [Term::Id, Term::KindHeader, Term::Name, Term::Relations].map(word);
    let mut table = Table::new(&header).keep_whole(0);
    for &ix in &listed {
        let entity = graph.entity(ix);
        table.row(vec![
            entity.id.to_string(),
            word(Term::EntityKind(entity.kind)).to_owned(),
            entity_label(entity).to_owned(),
            graph.incident(ix).len().to_string(),
        ]);
    }
    let head = format!("{} of {} entities\n", listed.len(), graph.entities().len());
    output::text(&(head + &table.render()))?;
    Ok(ExitCode::SUCCESS)
}
