//! The checks of `entities.json`: ids, kinds, names and aliases, lifetimes.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use rayon::prelude::*;

use super::*;
use crate::load::json::Element;
use crate::load::problem::Code;
use crate::load::problem::{Problem, quote};
use crate::model::Entity;
use crate::names;

/// Checks every entity and gives the matching key of each of its names, in the order of
/// [`Entity::all_names`]: the keys the name index is built with, so names are folded once.
///
/// What concerns one entity alone (its id, description, lifetime, each name's length, letters
/// and characters, and the keys) is checked on every core; what concerns several (a duplicate
/// id, a name shared with another entity) in one pass in file order after it, so the problems
/// come in the order one pass gives them.
pub(super) fn check_entities(
    entities: &[Element<Entity>],
    file: &str,
    problems: &mut Vec<Problem>,
) -> NameKeys {
    let (alone, keys): (Vec<Alone>, Vec<Box<[String]>>) = entities
        .par_iter()
        .with_min_len(256)
        .map(|element| check_alone(element, file))
        .unzip();
    let mut first_line = HashMap::new();
    // Matching key of each name → the entity that first used it.
    let mut owners: HashMap<&str, &str> = HashMap::new();
    for ((element, alone), keys) in entities.iter().zip(alone).zip(&keys) {
        let entity = &element.value;
        let at = Site::new(file, element, "entity", entity.id.as_str());
        problems.extend(alone.before);
        if let Some(first) = first_line.insert(entity.id.as_str(), element.line) {
            problems.push(at.error(
                Code::DuplicateId,
                "",
                format!("duplicate id: also defined at {file}:{first}"),
            ));
            continue;
        }
        let mut own = HashSet::new();
        for step in alone.after {
            let (field, name, key) = match step {
                Step::Problem(problem) => {
                    problems.push(problem);
                    continue;
                }
                Step::Claim { field, name, slot } => (field, name, keys[slot].as_str()),
            };
            if !own.insert(key) {
                continue;
            }
            match owners.get(key) {
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
    drop(owners);
    NameKeys::new(keys)
}

/// What the checks of one entity alone found: the problems to report before its id is known
/// to be its own, and those after, with each name whose key it claims.
struct Alone<'a> {
    before: Vec<Problem>,
    after: Vec<Step<'a>>,
}

/// A problem, or a name that claims its key for its entity (unless another entity has).
enum Step<'a> {
    Problem(Problem),
    Claim {
        field: String,
        name: &'a str,
        /// The name's position in [`Entity::all_names`].
        slot: usize,
    },
}

/// The checks of one entity that need no other, and the keys of its names.
fn check_alone<'a>(element: &'a Element<Entity>, file: &str) -> (Alone<'a>, Box<[String]>) {
    let entity = &element.value;
    let at = Site::new(file, element, "entity", entity.id.as_str());
    let mut before = Vec::new();
    check_id(&at, entity.id.as_str(), &mut before);
    check_text(
        &at,
        ".description",
        &entity.description,
        Length::Text,
        &mut before,
    );
    let mut problems = Vec::new();
    if let Some(lifetime) = &entity.lifetime {
        check_order(
            &at,
            ".lifetime",
            lifetime.start,
            lifetime.end,
            &mut problems,
        );
    }
    let mut after: Vec<Step> = problems.into_iter().map(Step::Problem).collect();
    // A name over the length limit is an error below and never indexed: it is not folded
    // (a 100 MB alias would cost seconds), and its key stays empty.
    let keys: Box<[String]> = (entity.all_names())
        .map(|name| match names::too_long(name) {
            true => String::new(),
            false => names::key(name),
        })
        .collect();
    for (slot, (field, name)) in named_fields(entity).enumerate() {
        let mut problems = Vec::new();
        let fits = check_length(&at, &field, name, Length::Name, &mut problems);
        if fits && let Some(suspicion) = crate::text::suspicion(name) {
            problems.push(at.warning(
                Code::SuspiciousName,
                &field,
                format!("name {} {}", quote(name), suspicion.describe()),
            ));
        }
        let empty = fits && keys[slot].is_empty();
        if empty {
            problems.push(at.error(
                Code::EmptyName,
                &field,
                format!("name {} has no letters or digits", quote(name)),
            ));
        }
        after.extend(problems.into_iter().map(Step::Problem));
        if fits && !empty {
            after.push(Step::Claim { field, name, slot });
        }
    }
    (Alone { before, after }, keys)
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
