//! `actorgraph show`: an entity with its relations, or one relation, with quoted evidence.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::CliError;
use super::render::{kind_label, label, status_label};
use super::{load_graph, output, source_texts};
use actorgraph::load::SourceTexts;
use actorgraph::view::{EntityView, RelationView};
use actorgraph::{EntityId, Graph, Relation};

#[derive(Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    entity: EntityView<'a>,
    relations: Vec<RelationView<'a>>,
}

/// Shows the relation with id `name`, else the entity `name` resolves to.
pub fn run(global: &Global, name: &str) -> Result<ExitCode, CliError> {
    let graph = load_graph(global)?;
    let texts = source_texts(global, &graph)?;
    if let Some(ix) = graph.relation_ix(&EntityId(name.to_owned())) {
        let relation = graph.relation(ix);
        if global.json {
            output::json(&RelationView::new(relation, None))?;
        } else {
            output::text(&relation_text(&graph, relation, texts.as_ref()))?;
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
        let show = |d: Option<actorgraph::PartialDate>| d.map_or("?".to_owned(), |d| d.to_string());
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
            label(&graph, relation.other(&entity.id)).to_owned(),
            status_label(relation),
            relation.id.to_string(),
        ]);
    }
    writeln!(text, "\nrelations ({}, by date):", graph.incident(ix).len()).ok();
    text.push_str(&table.render());
    if let Some(texts) = &texts {
        for &r in graph.incident(ix) {
            text.push('\n');
            text.push_str(&relation_text(&graph, graph.relation(r), Some(texts)));
        }
    }
    output::text(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// One relation in full, with its evidence quoted when the texts are available.
fn relation_text(graph: &Graph, relation: &Relation, texts: Option<&SourceTexts>) -> String {
    let t = output::terminal;
    let name = |id: &EntityId| {
        let e = graph.entity(graph.entity_ix(id).unwrap_or_default());
        format!("{} ({})", t(e.display_name()), e.id)
    };
    let mut text = String::new();
    let not = if relation.negated { "NOT " } else { "" };
    writeln!(
        text,
        "relation {}: {} {not}{} {} {}",
        relation.id,
        name(&relation.source),
        relation.kind,
        if relation.kind.is_symmetric() {
            "—"
        } else {
            "→"
        },
        name(&relation.target)
    )
    .ok();
    writeln!(text, "  dates: {}", relation.dates()).ok();
    writeln!(text, "  status: {}", status_label(relation)).ok();
    if let Some(place) = &relation.place {
        writeln!(text, "  place: {}", name(place)).ok();
    }
    if let Some(event) = &relation.event {
        writeln!(text, "  event: {}", t(event)).ok();
    }
    for c in &relation.casualties {
        let count = match (c.min, c.max) {
            (Some(min), Some(max)) if min != max => format!("{min}–{max}"),
            (Some(min), _) => min.to_string(),
            _ => "unknown number of".to_owned(),
        };
        let outcome = match c.outcome {
            actorgraph::Outcome::Killed => "killed",
            actorgraph::Outcome::Wounded => "wounded",
        };
        writeln!(text, "  casualties: {count} {} {outcome}", t(&c.who)).ok();
    }
    writeln!(text, "  summary: {}", t(&relation.summary)).ok();
    for (i, evidence) in relation.evidence.iter().enumerate() {
        writeln!(
            text,
            "  evidence [{}]: {} bytes {}..{}",
            i + 1,
            evidence.document,
            evidence.start_byte,
            evidence.end_byte
        )
        .ok();
        if let Some(texts) = texts {
            match texts.span(evidence) {
                Ok(span) => writeln!(text, "    «{}»", t(span.trim())),
                Err(e) => writeln!(text, "    (cannot quote: {e})"),
            }
            .ok();
        }
    }
    text
}
