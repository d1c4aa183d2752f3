//! `actorgraph show`: an entity with its relations, or one relation, with quoted evidence.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::CliError;
use super::render::{kind_label, label, relation_text, status_label};
use super::{load_graph, output, source_texts};
use actorgraph::view::{EntityView, RelationView};

#[derive(Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    entity: EntityView<'a>,
    relations: Vec<RelationView<'a>>,
}

/// Shows the relation with id `name`, else the entity `name` resolves to.
pub fn run(global: &Global, name: &str) -> Result<ExitCode, CliError> {
    let graph = load_graph(global)?;
    let texts = source_texts(global, graph)?;
    if let Some(ix) = graph.relation_ix(name) {
        let relation = graph.relation(ix);
        if global.json {
            output::json(&RelationView::new(relation, None))?;
        } else {
            output::text(&relation_text(graph, relation, texts.as_ref()))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let ix = graph.resolve(name)?;
    let entity = graph.entity(ix);
    let relations = graph.incident(ix).iter().map(|&r| graph.relation(r));
    if global.json {
        output::json(&ShowJson {
            entity: EntityView::from(entity),
            relations: relations.map(|r| RelationView::new(r, None)).collect(),
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = String::new();
    let t = output::terminal;
    writeln!(
        text,
        "{} ({}, {})",
        t(entity.display_name()),
        entity.id,
        entity.kind
    )
    .ok();
    for (lang, name) in [
        ("en", &entity.names.en),
        ("ar", &entity.names.ar),
        ("fr", &entity.names.fr),
    ] {
        if let Some(name) = name {
            writeln!(text, "  {lang}: {}", t(name)).ok();
        }
    }
    if !entity.aliases.is_empty() {
        let aliases: Vec<String> = entity.aliases.iter().map(|a| t(a)).collect();
        writeln!(text, "  aliases: {}", aliases.join(", ")).ok();
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
        )
        .ok();
    }
    writeln!(text, "  {}", t(&entity.description)).ok();
    let mut table = output::Table::new(&["DATES", "RELATION", "WITH", "STATUS", "ID"]);
    for relation in relations {
        table.row(vec![
            relation.dates(),
            kind_label(relation, Some(&entity.id)),
            label(graph, relation.other(&entity.id)).to_owned(),
            status_label(relation),
            relation.id.to_string(),
        ]);
    }
    writeln!(text, "\nrelations ({}, by date):", graph.incident(ix).len()).ok();
    text.push_str(&table.render());
    if let Some(texts) = &texts {
        for &r in graph.incident(ix) {
            text.push('\n');
            text.push_str(&relation_text(graph, graph.relation(r), Some(texts)));
        }
    }
    output::text(&text)?;
    Ok(ExitCode::SUCCESS)
}
