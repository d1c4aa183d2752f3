//! `actorgraph show`: an entity with its relations, or one relation, with quoted evidence.

use std::io;
use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::CliError;
use super::output::{Lines, word};
use super::render::{
    entity_label, kind_label, kind_label_of, relation_text, status_label, status_label_of,
};
use super::{leak, load_graph_about, output, scoped, source_texts};
use actorgraph::cache;
use actorgraph::i18n::Term;
use actorgraph::load::SourceTexts;
use actorgraph::view::{EntityView, RelationView};
use actorgraph::{Entity, Relation};

#[derive(Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    entity: EntityView<'a>,
    relations: Vec<RelationView<'a>>,
}

/// Shows the relation with id `name`, else the entity `name` resolves to.
///
/// From an up-to-date cache, only what is shown is read: the relation with that id and the
/// entities it names, or else the entity and its relations: for the text of one entity, its
/// rows decoded one at a time, without a graph ([`cache::rows`]); otherwise, or when the name
/// is not one entity's, the scoped graph ([`load_graph_about`]).
pub fn run(global: &Global, name: &str) -> Result<ExitCode, CliError> {
    let relation = scoped(global, |dir| cache::scoped::relation(dir, name));
    if relation.is_none()
        && !global.json
        && global.sources.is_none()
        && let Some(mut rows) = scoped(global, |dir| cache::rows::rows(dir, name))
    {
        let entity = rows.entity().clone();
        let mut table = table();
        // A hub's rows are made on every core, in runs appended in order.
        let label = |name: &str| name.to_owned();
        let read = rows.chunks(1024, output::layout().lang, label, |rows| {
            let mut part = output::Table::default();
            for row in rows {
                record_row(&mut part, row);
            }
            part
        });
        // A damaged block met on the way: the whole load reports it and rebuilds the cache.
        if let Ok(parts) = read {
            table.append(parts);
            let text = entity_text(&entity, rows.len(), &table)?;
            text.finish()?;
            return Ok(ExitCode::SUCCESS);
        }
    }
    let graph = match relation {
        Some(graph) => leak(graph),
        // The table needs neither evidence nor descriptions; JSON and quotes do.
        None if global.json || global.sources.is_some() => {
            load_graph_about(global, &[name], cache::Detail::Full)?
        }
        None => load_graph_about(global, &[name], cache::Detail::Table)?,
    };
    let texts = source_texts(global, graph)?;
    if let Some(ix) = graph.relation_ix(name) {
        let relation = graph.relation(ix);
        if global.json {
            output::json(&quoted(RelationView::new(relation, None), texts.as_ref()))?;
        } else {
            output::text(&relation_text(graph, relation, texts.as_ref()))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let ix = graph.resolve(name)?;
    let entity = graph.entity(ix);
    if global.json {
        let relations = graph.incident(ix).iter().map(|&r| graph.relation(r));
        output::json(&ShowJson {
            entity: EntityView::from(entity),
            relations: relations
                .map(|r| quoted(RelationView::new(r, None), texts.as_ref()))
                .collect(),
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = table();
    for &r in graph.incident(ix) {
        let other = graph.entity(graph.other_end(r, ix));
        table.row(row(entity, graph.relation(r), other));
    }
    let mut text = entity_text(entity, graph.incident(ix).len(), &table)?;
    if let Some(texts) = &texts {
        for &r in graph.incident(ix) {
            text.push_str("\n")?;
            text.push_str(&relation_text(graph, graph.relation(r), Some(texts)))?;
        }
    }
    text.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// The table of an entity's relations, with its header and no row.
fn table() -> output::Table {
    let header = [
        Term::Dates,
        Term::Relation,
        Term::With,
        Term::StatusHeader,
        Term::Id,
    ]
    .map(word);
    output::Table::new(&header).keep_whole(4)
}

/// The row of `relation` in the table of `entity`'s relations, `other` at its other end.
fn row(entity: &Entity, relation: &Relation, other: &Entity) -> Vec<String> {
    vec![
        relation.dates(),
        kind_label(relation, Some(&entity.id)),
        entity_label(other).to_owned(),
        status_label(relation),
        relation.id.to_string(),
    ]
}

/// Adds to `table` the row of a relation read from the cache ([`cache::rows::Row`]): the
/// cells [`row`] gives for the relation it was read from.
fn record_row(table: &mut output::Table, row: &cache::rows::Row) {
    let dates = row.dates();
    let kind = kind_label_of(row.kind, row.negated, Some(row.outgoing));
    let status = status_label_of(row.status, &row.claimed_by, &row.disputed_by);
    table.row([
        dates.as_str(),
        kind.as_str(),
        row.other().label,
        status.as_str(),
        row.id,
    ]);
}

/// Writes `entity`'s names, lifetime and description, then `table`, the table of its `count`
/// relations, to stdout; gives the writer, for what follows.
fn entity_text(entity: &Entity, count: usize, table: &output::Table) -> io::Result<Lines> {
    // A hub's table is megabytes: written as it is made, not gathered into one string.
    let mut text = Lines::stdout();
    let t = output::terminal;
    let lang = output::layout().lang;
    writeln!(
        text,
        "{} ({}, {})",
        t(lang.name_of(entity)),
        entity.id,
        word(Term::EntityKind(entity.kind))
    )?;
    for (lang, name) in [
        ("en", &entity.names.en),
        ("ar", &entity.names.ar),
        ("fr", &entity.names.fr),
    ] {
        if let Some(name) = name {
            writeln!(text, "  {lang}: {}", t(name))?;
        }
    }
    if !entity.aliases.is_empty() {
        let aliases: Vec<String> = entity.aliases.iter().map(|a| t(a)).collect();
        writeln!(text, "  aliases: {}", aliases.join(", "))?;
    }
    if let Some(lifetime) = &entity.lifetime {
        let show = |d: Option<actorgraph::UncertainDate>| {
            d.map_or("?".to_owned(), |d| d.human().to_string())
        };
        writeln!(
            text,
            "  lifetime: {} → {}",
            show(lifetime.start),
            show(lifetime.end)
        )?;
    }
    writeln!(text, "  {}", t(&entity.description))?;
    writeln!(text, "\nrelations ({count}, by date):")?;
    table.render_to(&mut text)?;
    Ok(text)
}

/// `view` with its evidence quoted when the source documents were given (`--sources`), as the
/// text output quotes it.
fn quoted<'a>(view: RelationView<'a>, texts: Option<&'a SourceTexts>) -> RelationView<'a> {
    match texts {
        Some(texts) => view.quoting(texts),
        None => view,
    }
}
