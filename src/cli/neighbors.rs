//! `actorgraph neighbors`, `allies` and `enemies`: the actors linked to one actor.

use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::CliError;
use super::load_graph_for;
use super::output::{self, Table, word};
use super::render::{certainty_label, entity_label, kind_label, status_label};
use actorgraph::i18n::Term;
use actorgraph::query::{self, Certainty, Filter};
use actorgraph::view::{EntityView, RelationView};

#[derive(Serialize)]
struct NeighborJson<'a> {
    entity: EntityView<'a>,
    relation: RelationView<'a>,
    certainty: Option<Certainty>,
    /// The id of the actor's part (its armed forces) whose relation this is, or null.
    part: Option<&'a str>,
}

/// Prints the neighbours of `name` that `filter` admits.
pub fn run(global: &Global, name: &str, filter: &Filter) -> Result<ExitCode, CliError> {
    let graph = load_graph_for(
        global,
        &[name],
        filter,
        super::text_detail(global, actorgraph::cache::Detail::Table),
    )?;
    let ix = graph.resolve(name)?;
    let id = &graph.entity(ix).id;
    let found = query::neighbors(graph, ix, filter);
    if global.json {
        let rows: Vec<NeighborJson> = found
            .iter()
            .map(|n| NeighborJson {
                entity: graph.entity(n.entity).into(),
                relation: RelationView::new(graph.relation(n.relation), n.certainty),
                certainty: n.certainty,
                part: n.part.map(|p| graph.entity(p).id.as_str()),
            })
            .collect();
        return output::json(&rows)
            .map(|()| ExitCode::SUCCESS)
            .map_err(Into::into);
    }
    let timed = filter.period.is_some();
    let mut header = [
        Term::Dates,
        Term::Relation,
        Term::Actor,
        Term::Id,
        Term::StatusHeader,
        Term::Via,
    ]
    .map(word)
    .to_vec();
    if timed {
        header.insert(0, word(Term::Certainty));
    }
    let id_column = header.len() - 3;
    let mut table = Table::new(&header).keep_whole(id_column);
    for n in &found {
        let relation = graph.relation(n.relation);
        let other = graph.entity(n.entity);
        let near = n.part.map_or(id, |p| &graph.entity(p).id);
        let via = match n.part {
            Some(p) => format!(
                "{} (as {})",
                relation.id,
                output::terminal(entity_label(graph.entity(p)))
            ),
            None => relation.id.to_string(),
        };
        let mut row = vec![
            relation.dates(),
            kind_label(relation, Some(near)),
            entity_label(other).to_owned(),
            other.id.to_string(),
            status_label(relation),
            via,
        ];
        if timed {
            row.insert(0, certainty_label(n.certainty));
        }
        table.row(row);
    }
    let entity = graph.entity(ix);
    let head = format!(
        "{} ({}): {} linked\n",
        output::terminal(entity_label(entity)),
        entity.id,
        found.len()
    );
    // A hub's table is megabytes: written row by row, not joined into one string.
    let mut lines = output::Lines::stdout();
    lines.push_str(&head)?;
    table.render_to(&mut lines)?;
    lines.finish()?;
    Ok(ExitCode::SUCCESS)
}
