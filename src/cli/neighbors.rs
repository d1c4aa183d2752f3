//! `actorgraph neighbors`, `allies` and `enemies`: the actors linked to one actor.

use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::CliError;
use super::output::{self, Table, word};
use super::render::{
    entity_label, kind_label, kind_label_of, relation_row, status_label, status_label_of,
};
use super::{load_graph_for, scoped};
use actorgraph::Entity;
use actorgraph::cache;
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
///
/// From an up-to-date cache, the table is made from the relations' records' heads, without a
/// graph ([`cache::rows::neighbors`]); otherwise, or for JSON or a name that is not one
/// entity's, from the scoped graph ([`load_graph_for`]).
pub fn run(global: &Global, name: &str, filter: &Filter) -> Result<ExitCode, CliError> {
    let timed = filter.period.is_some();
    if !global.json
        && let Some(mut rows) = scoped(global, |dir| cache::rows::neighbors(dir, name, filter))
    {
        // A hub's rows are made on every core, in runs appended in order.
        let label = |name: &str| name.to_owned();
        let read = rows.chunks(1024, output::layout().lang, label, |rows| {
            let mut run = Table::default();
            for row in rows {
                let (other, part) = (row.other(), row.part.map(|p| p.name));
                let cells = [
                    &row.dates(),
                    &kind_label_of(row.kind, row.negated, Some(row.outgoing)),
                    other.label,
                    other.id,
                    &status_label_of(row.status, &row.claimed_by, &row.disputed_by),
                    &via(row.id, part),
                ];
                relation_row(&mut run, timed.then_some(row.certainty), cells);
            }
            (run, rows.len())
        });
        // A damaged block met on the way: the whole load reports it and rebuilds the cache.
        if let Ok(parts) = read {
            let entity = rows.entity();
            let count = parts.iter().map(|(_, n)| n).sum();
            let mut table = table(timed);
            table.append(parts.into_iter().map(|(part, _)| part).collect());
            return print(entity, count, &table);
        }
    }
    let graph = load_graph_for(
        global,
        &[name],
        filter,
        super::text_detail(global, cache::Detail::Table),
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
    let mut table = table(timed);
    for n in &found {
        let relation = graph.relation(n.relation);
        let other = graph.entity(n.entity);
        let near = n.part.map_or(id, |p| &graph.entity(p).id);
        let cells = [
            &relation.dates(),
            &kind_label(relation, Some(near)),
            entity_label(other),
            other.id.as_str(),
            &status_label(relation),
            &via(
                relation.id.as_str(),
                n.part.map(|p| entity_label(graph.entity(p))),
            ),
        ];
        relation_row(&mut table, timed.then_some(n.certainty), cells);
    }
    print(graph.entity(ix), found.len(), &table)
}

/// The table's header, with a certainty column when `timed` (a date or period asked about).
fn table(timed: bool) -> Table {
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
    Table::new(&header).keep_whole(id_column)
}

/// The relation's id, with the actor's part whose relation it is, when there is one.
fn via(relation: &str, part: Option<&str>) -> String {
    match part {
        Some(p) => format!("{relation} (as {})", output::terminal(p)),
        None => relation.to_owned(),
    }
}

/// Prints the head line, `entity` and its `count` neighbours, then the table.
fn print(entity: &Entity, count: usize, table: &Table) -> Result<ExitCode, CliError> {
    let head = format!(
        "{} ({}): {count} linked\n",
        output::terminal(entity_label(entity)),
        entity.id,
    );
    // A hub's table is megabytes: written row by row, not joined into one string.
    let mut lines = output::Lines::stdout();
    lines.push_str(&head)?;
    table.render_to(&mut lines)?;
    lines.finish()?;
    Ok(ExitCode::SUCCESS)
}
