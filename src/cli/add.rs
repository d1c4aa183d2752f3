//! `actorgraph add entity|relation …` and `add --json -`: one element into the --data graph
//! folder, validated against the whole graph as `check` would before anything is written.

use std::io::Read;
use std::process::ExitCode;

use serde::Serialize;

use super::args::{AddElement, Global};
use super::cite::{document_text, sources_dir};
use super::error::{Argument, CliError, Declined, Missing, OK};
use super::folder::{self, Folder};
use super::output;
use actorgraph::edit::add::{NewElement, add, add_json, proposed_entity_id, proposed_relation_id};
use actorgraph::edit::{Change, Rejected};
use actorgraph::{
    Account, Entity, EntityId, Evidence, Names, Particulars, Relation, RelationId, cite,
};

#[derive(Serialize)]
struct Added<'a> {
    added: &'a str,
    id: &'a str,
    files: Vec<&'a str>,
    warnings: &'a [actorgraph::load::Problem],
}

/// Runs `add`: an element from the arguments, or (`-`) JSON from standard input.
pub fn run(
    global: &Global,
    element: Option<&AddElement>,
    input: Option<&str>,
) -> Result<ExitCode, CliError> {
    let folder = Folder::of_data(global, "add")?;
    let sources = global.sources.as_deref();
    let (what, result): (&str, Result<(Change, String), Rejected>) = match (element, input) {
        (Some(element), None) => {
            let new = build(global, &folder, element)?;
            let what = match new {
                NewElement::Entity(_) => "entity",
                NewElement::Relation(_) => "relation",
                NewElement::Source(_) => "source",
            };
            let id = new.id().to_owned();
            (
                what,
                add(&folder.files, &folder.elements, new, sources).map(|c| (c, id)),
            )
        }
        (None, Some("-")) => {
            let mut text = String::new();
            std::io::stdin()
                .take(actorgraph::load::limits::MAX_FILE_BYTES)
                .read_to_string(&mut text)
                .map_err(CliError::Stdin)?;
            (
                "element",
                add_json(&folder.files, &folder.elements, &text, sources),
            )
        }
        _ => {
            return Err(Missing::WhatToAdd.into());
        }
    };
    let (change, id) = match result {
        Ok(done) => done,
        Err(rejected) => return folder::rejected(global, &rejected),
    };
    let inputs = sources
        .map(|dir| {
            folder
                .elements
                .sources
                .iter()
                .map(|s| ("a source document".to_owned(), dir.join(&s.document)))
                .collect()
        })
        .unwrap_or_default();
    folder.write(&change, inputs)?;
    let files: Vec<&str> = change.writes().map(|(name, _)| name).collect();
    if global.json {
        output::json(&Added {
            added: what,
            id: &id,
            files,
            warnings: &change.warnings,
        })?;
    } else {
        folder::warn(&change.warnings);
        output::text(&format!(
            "added {what} {id:?} to {} ({})\n",
            folder.dir.display(),
            files.join(", ")
        ))?;
    }
    Ok(ExitCode::from(OK))
}

/// The element the arguments describe, names resolved and evidence found.
fn build(global: &Global, folder: &Folder, element: &AddElement) -> Result<NewElement, CliError> {
    match element {
        AddElement::Entity {
            id: given,
            kind,
            names,
            aliases,
            description,
        } => {
            let entity_names = names_given(names)?;
            // Proposed from its label: a Latin acronym alias (MNLA) when it has one, else its
            // first name.
            let mut entity = Entity {
                id: EntityId::new("placeholder")?,
                kind: *kind,
                names: entity_names,
                aliases: aliases.clone(),
                lifetime: None,
                description: description.clone(),
            };
            entity.id = EntityId::new(&match given {
                Some(given) => given.clone(),
                None => proposed_entity_id(&folder.elements, entity.label()),
            })?;
            Ok(NewElement::Entity(entity))
        }
        AddElement::Relation {
            id: given,
            kind,
            source,
            target,
            start,
            end,
            evidence,
            status,
            summary,
            place,
            negated,
        } => {
            let graph = &folder.graph;
            let resolve = |name: &str| -> Result<actorgraph::EntityId, CliError> {
                Ok(graph.entity(graph.resolve(name)?).id.clone())
            };
            let (source, target) = (resolve(source)?, resolve(target)?);
            let place = place.as_deref().map(resolve).transpose()?;
            let relation_id = match given {
                Some(given) => given.clone(),
                None => proposed_relation_id(
                    &folder.elements,
                    source.as_str(),
                    kind.as_str(),
                    target.as_str(),
                ),
            };
            let spans = evidence
                .iter()
                .map(|e| find_evidence(global, e))
                .collect::<Result<Vec<_>, _>>()?;
            let mut relation = Relation {
                id: RelationId::new(&relation_id)?,
                kind: *kind,
                source,
                target,
                start: *start,
                end: *end,
                negated: *negated,
                timeless: false,
                status: *status,
                account: Account::new(summary, spans),
                particulars: Particulars::default(),
            };
            relation.set_place(place);
            Ok(NewElement::Relation(relation))
        }
    }
}

/// The names given as `LANG=NAME` (`--name en=Gao --name ar=غاو`).
fn names_given(given: &[String]) -> Result<Names, CliError> {
    let mut names = Names::default();
    for name in given {
        let (lang, text) = name.split_once('=').ok_or_else(|| {
            CliError::from(Argument::NameForm {
                given: name.clone(),
            })
        })?;
        let slot = match lang.trim() {
            "en" => &mut names.en,
            "ar" => &mut names.ar,
            "fr" => &mut names.fr,
            other => {
                return Err(Argument::NameLanguage {
                    lang: other.to_owned(),
                }
                .into());
            }
        };
        *slot = Some(text.to_owned());
    }
    Ok(names)
}

/// The one span `DOC:phrase` names, found as `cite` finds it.
fn find_evidence(global: &Global, given: &str) -> Result<Evidence, CliError> {
    let (document, phrase) = given.split_once(':').ok_or_else(|| {
        CliError::from(Argument::EvidenceForm {
            given: given.to_owned(),
        })
    })?;
    let dir = sources_dir(global, "--evidence")?;
    let (_, text) = document_text(dir, document)?;
    let spans = cite::find(&text, phrase);
    match &spans[..] {
        [span] => Ok(Evidence::passage(document.into(), span.clone()).map_err(Declined::from)?),
        [] => Err(Argument::EvidenceAbsent {
            phrase: phrase.to_owned(),
            document: document.to_owned(),
        }
        .into()),
        many => Err(Argument::EvidenceAmbiguous {
            phrase: phrase.to_owned(),
            document: document.to_owned(),
            spans: many.to_vec(),
        }
        .into()),
    }
}
