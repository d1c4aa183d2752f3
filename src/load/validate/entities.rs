//! The checks of `entities.json`: ids, kinds, names and aliases, lifetimes.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::*;
use crate::load::json::Element;
use crate::load::problem::Code;
use crate::load::problem::{Problem, quote};
use crate::model::Entity;
use crate::names;

pub(super) fn check_entities(
    entities: &[Element<Entity>],
    file: &str,
    problems: &mut Vec<Problem>,
) {
    let mut first_line = HashMap::new();
    // Matching key of each name → the entity that first used it.
    let mut owners: HashMap<String, &str> = HashMap::new();
    for element in entities {
        let entity = &element.value;
        let at = Site::new(file, element, "entity", entity.id.as_str());
        check_id(&at, entity.id.as_str(), problems);
        check_text(
            &at,
            ".description",
            &entity.description,
            Length::Text,
            problems,
        );
        if let Some(first) = first_line.insert(entity.id.as_str(), element.line) {
            problems.push(at.error(
                Code::DuplicateId,
                "",
                format!("duplicate id: also defined at {file}:{first}"),
            ));
            continue;
        }
        if let Some(lifetime) = &entity.lifetime {
            check_order(&at, ".lifetime", lifetime.start, lifetime.end, problems);
        }
        let mut own = HashSet::new();
        for (field, name) in named_fields(entity) {
            if !check_length(&at, &field, name, Length::Name, problems) {
                continue;
            }
            if let Some(suspicion) = crate::text::suspicion(name) {
                problems.push(at.warning(
                    Code::SuspiciousName,
                    &field,
                    format!("name {} {}", quote(name), suspicion.describe()),
                ));
            }
            let key = names::key(name);
            if key.is_empty() {
                problems.push(at.error(
                    Code::EmptyName,
                    &field,
                    format!("name {} has no letters or digits", quote(name)),
                ));
                continue;
            }
            if !own.insert(key.clone()) {
                continue;
            }
            match owners.get(&key) {
                Some(owner) => problems.push(at.error(
                    Code::SharedAlias,
                    &field,
                    format!(
                        "name {} is also a name of entity {}; a name must identify one entity",
                        quote(name),
                        quote(owner)
                    ),
                )),
                None => {
                    owners.insert(key, entity.id.as_str());
                }
            }
        }
    }
}

/// Every name of an entity with its JSON field (`.names.en`, `.aliases[2]`).
fn named_fields(entity: &Entity) -> impl Iterator<Item = (String, &str)> {
    let names = [
        ("en", &entity.names.en),
        ("ar", &entity.names.ar),
        ("fr", &entity.names.fr),
    ]
    .into_iter()
    .filter_map(|(lang, name)| Some((format!(".names.{lang}"), name.as_deref()?)));
    let aliases = entity
        .aliases
        .iter()
        .enumerate()
        .map(|(i, alias)| (format!(".aliases[{i}]"), alias.as_str()));
    names.chain(aliases)
}
