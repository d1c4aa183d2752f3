//! `actorgraph show`: an entity with its relations, or one relation, with quoted evidence.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::args::Global;
use super::error::CliError;
use super::output::word;
use super::render::{kind_label, label, relation_text, status_label};
use super::{leak, load_graph_about, output, scoped, source_texts};
use actorgraph::cache;
use actorgraph::i18n::Term;
use actorgraph::load::SourceTexts;
use actorgraph::view::{EntityView, RelationView};

#[derive(Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    entity: EntityView<'a>,
    relations: Vec<RelationView<'a>>,
}

/// Shows the relation with id `name`, else the entity `name` resolves to.
///
/// From an up-to-date cache, only what is shown is read: the relation with that id and the
/// entities it names, or else the entity and its relations ([`load_graph_about`]).
pub fn run(global: &Global, name: &str) -> Result<ExitCode, CliError> {
    let graph = match scoped(global, |dir| cache::scoped::relation(dir, name)) {
        Some(graph) => leak(graph),
        None => load_graph_about(global, &[name])?,
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
    let relations = graph.incident(ix).iter().map(|&r| graph.relation(r));
    if global.json {
        output::json(&ShowJson {
            entity: EntityView::from(entity),
            relations: relations
                .map(|r| quoted(RelationView::new(r, None), texts.as_ref()))
                .collect(),
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = String::new();
    let t = output::terminal;
    let lang = output::layout().lang;
    writeln!(
        text,
        "{} ({}, {})",
        t(lang.name_of(entity)),
        entity.id,
        word(Term::EntityKind(entity.kind))
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
    let header = [
        Term::Dates,
        Term::Relation,
        Term::With,
        Term::StatusHeader,
        Term::Id,
    ]
    .map(word);
    let mut table = output::Table::new(&header).keep_whole(4);
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

/// `view` with its evidence quoted when the source documents were given (`--sources`), as the
/// text output quotes it.
fn quoted<'a>(view: RelationView<'a>, texts: Option<&'a SourceTexts>) -> RelationView<'a> {
    match texts {
        Some(texts) => view.quoting(texts),
        None => view,
    }
}
