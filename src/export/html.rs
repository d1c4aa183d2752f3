//! The interactive explorer: one self-contained HTML file (data, script, styles inlined; no
//! network; opens from `file://`) with a time slider, filters, an actor's ego network, name
//! search, relation details, town-control lanes and a pair's history strip, in English,
//! French or Arabic.
//!
//! The graph is drawn by Cytoscape.js (vendored in `src/export/html/vendor/`, see its
//! README there), laid out with its built-in `cose` force layout. The page's own script and
//! styles are `src/export/html/app.js` and `app.css`. The data is one JSON object written by
//! [`crate::text::json`] (invisible characters escaped) with every `<` written `\u003c`, so
//! no text of the graph can close the script element. Everything the page reasons with is
//! computed here: a relation's days of possible and certain holding come from
//! [`Bounds`], dates are written as [`Relation::dates`] writes them,
//! and a typed query is folded by table ([`search`]), so the page shows what the command line
//! says. Evidence text is quoted only when source texts are given.

pub mod search;

use std::io::{self, Write};

use serde::Serialize;

use super::{Lang, Options};
use crate::graph::{EntityIx, Graph};
use crate::load::SourceTexts;
use crate::model::Bounds;
use crate::model::{Day, Entity, Evidence, Relation, UncertainDate};
use crate::names::key;
use crate::query::Snapshot;
use search::FoldTable;

/// The most relations a page draws: beyond this the force layout and the slider's redraws no
/// longer run smoothly in a browser, so [`check_size`] refuses the selection and asks for a
/// narrower one (an ego network or a period). Measured in headless Chromium on a busy 2-core
/// machine with a random graph of 800 entities and 3,000 relations: the page is ready (layout
/// done) in 5.5 s and a slider step redraws in about 50 ms, the edge of smooth.
pub const MAX_RELATIONS: usize = 3000;

const TEMPLATE: &str = include_str!("html/page.html");
const STYLE: &str = include_str!("html/app.css");
const SCRIPT: &str = include_str!("html/app.js");
const LABELS: &str = include_str!("html/labels.js");
const CYTOSCAPE: &str = include_str!("html/vendor/cytoscape.min.js");

/// A selection too big for the explorer to draw smoothly.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the selection holds {relations} relations, more than the {max} the HTML explorer draws \
     smoothly: select fewer with --focus NAME [--depth N], --from/--until or --at, --kind or \
     --status"
)]
pub struct TooBig {
    /// Relations in the selection.
    pub relations: usize,
    /// The limit, [`MAX_RELATIONS`].
    pub max: usize,
}

/// Refuses a selection of more than [`MAX_RELATIONS`] relations.
pub fn check_size(selection: &Snapshot) -> Result<(), TooBig> {
    let relations = selection.relations.len();
    if relations > MAX_RELATIONS {
        return Err(TooBig {
            relations,
            max: MAX_RELATIONS,
        });
    }
    Ok(())
}

/// Writes the explorer page of `selection` (the interface first in `options.lang`); with
/// `texts`, each relation's evidence is quoted from its source document. The caller checks
/// the size first ([`check_size`]). Same graph, selection and options: same bytes.
pub fn write(
    graph: &Graph,
    selection: &Snapshot,
    options: &Options,
    texts: Option<&SourceTexts>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let data = page_data(graph, selection, options, texts);
    let mut json = Vec::new();
    crate::text::json::to_writer(&mut json, &data)?;
    let json = String::from_utf8(json).map_err(io::Error::other)?;
    let title = escape_html(&data.title);
    let data = script_safe(&json);
    let dir = if data_lang(options) == "ar" {
        "rtl"
    } else {
        "ltr"
    };
    fill(
        TEMPLATE,
        &[
            ("lang", data_lang(options)),
            ("dir", dir),
            ("title", &title),
            ("style", STYLE),
            ("cytoscape", CYTOSCAPE),
            ("data", &data),
            ("terms", &script_safe(&terms())),
            ("labels", LABELS),
            ("script", SCRIPT),
        ],
        out,
    )
}

/// Writes `template` with each `{{name}}` replaced by its value, in one pass over the template
/// (a value is never searched for placeholders).
fn fill(template: &str, values: &[(&str, &str)], out: &mut dyn Write) -> io::Result<()> {
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        let close = rest[open..]
            .find("}}")
            .map(|c| open + c)
            .ok_or_else(|| io::Error::other("unclosed placeholder in the page template"))?;
        let name = &rest[open + 2..close];
        let value = values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
            .ok_or_else(|| io::Error::other(format!("unknown placeholder {name}")))?;
        out.write_all(&rest.as_bytes()[..open])?;
        out.write_all(value.as_bytes())?;
        rest = &rest[close + 2..];
    }
    out.write_all(rest.as_bytes())
}

fn data_lang(options: &Options) -> &'static str {
    lang_code(options.lang)
}

/// `json` with every `<` written `\u003c`: the same JSON to a parser, and no `</script>` or
/// `<!--` can end or confuse the script element that holds it.
/// The words of every relation kind, status and entity kind in English, French and Arabic, as
/// a JSON object by data name, from the one translation table ([`crate::i18n`]).
fn terms() -> String {
    use crate::i18n::{Term, text};
    use crate::model::{EntityKind, RelationKind, Status};
    let words = |term: Term| [Lang::En, Lang::Fr, Lang::Ar].map(|lang| text(lang, term));
    let mut all = serde_json::Map::new();
    let kinds = RelationKind::ALL
        .iter()
        .map(|&k| (k.as_str(), words(Term::Kind(k))));
    let statuses = Status::ALL
        .iter()
        .map(|&s| (s.as_str(), words(Term::Status(s))));
    let entities = EntityKind::ALL
        .iter()
        .map(|&k| (k.as_str(), words(Term::EntityKind(k))));
    for (name, forms) in kinds.chain(statuses).chain(entities) {
        all.insert(name.to_owned(), serde_json::json!(forms));
    }
    serde_json::Value::Object(all).to_string()
}

fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// Text escaped for an HTML element or attribute.
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Everything the page shows.
#[derive(Serialize)]
struct PageData<'a> {
    title: String,
    lang: &'static str,
    /// The first and last day of the slider (days since 1970-01-01), see [`span`].
    span: [i32; 2],
    /// True when the evidence is quoted (the export had source texts).
    quoted: bool,
    entities: Vec<EntityData<'a>>,
    relations: Vec<RelationData<'a>>,
    fold: FoldTable,
}

/// An entity: the selection's (drawn) and the others its relations name (claimants, places,
/// casualties' sides).
#[derive(Serialize)]
struct EntityData<'a> {
    id: &'a str,
    kind: &'static str,
    drawn: bool,
    /// The short label (a Latin acronym) when the entity has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    short: Option<&'a str>,
    en: &'a str,
    fr: &'a str,
    ar: &'a str,
    description: &'a str,
    /// The [`key`] of each of its names and aliases, sorted, unique.
    keys: Vec<String>,
}

/// A relation with everything its details panel and the time slider need.
#[derive(Serialize)]
struct RelationData<'a> {
    id: &'a str,
    kind: &'static str,
    source: usize,
    target: usize,
    status: &'static str,
    negated: bool,
    timeless: bool,
    /// As [`Relation::dates`] writes them (`≤2012-04 → 2012-06-27`).
    dates: String,
    start: Option<DateData>,
    end: Option<DateData>,
    /// The days it possibly holds: [earliest start, latest end], `null` for unbounded.
    possible: [Option<i32>; 2],
    /// The days it certainly holds: [latest start, earliest end], or `null` when none.
    certain: Option<[Option<i32>; 2]>,
    claimed_by: Vec<usize>,
    disputed_by: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<&'a str>,
    casualties: Vec<CasualtyData<'a>>,
    summary: &'a str,
    evidence: Vec<EvidenceData<'a>>,
}

/// A start or end date: as written for reading, and its earliest and latest days (`null`
/// when unbounded).
#[derive(Serialize)]
struct DateData {
    written: String,
    earliest: Option<i32>,
    latest: Option<i32>,
}

/// A toll.
#[derive(Serialize)]
struct CasualtyData<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    side: Option<usize>,
    who: &'a str,
    outcome: crate::model::Outcome,
    min: Option<u32>,
    max: Option<u32>,
}

/// An evidence span: where it is, and its text when the export quotes.
#[derive(Serialize)]
struct EvidenceData<'a> {
    document: &'a str,
    start_byte: u64,
    end_byte: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    row: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'a str>,
}

fn page_data<'a>(
    graph: &'a Graph,
    selection: &Snapshot,
    options: &Options,
    texts: Option<&'a SourceTexts>,
) -> PageData<'a> {
    let mut people = People::new(&selection.entities);
    let relations: Vec<RelationData> = selection
        .relations
        .iter()
        .map(|found| relation_data(graph.relation(found.relation), graph, &mut people, texts))
        .collect();
    let entities: Vec<EntityData> = people
        .order
        .iter()
        .map(|&ix| entity_data(graph.entity(ix), people.drawn.contains(&ix)))
        .collect();
    let fold = FoldTable::for_keys(
        entities
            .iter()
            .flat_map(|e| e.keys.iter().map(String::as_str)),
    );
    PageData {
        title: options
            .title
            .clone()
            .unwrap_or_else(|| "actorgraph explorer".to_owned()),
        lang: data_lang(options),
        span: span(&relations),
        quoted: texts.is_some(),
        entities,
        relations,
        fold,
    }
}

/// The entities a page holds, numbered in the order they are first needed: the drawn ones
/// (the selection's, in index order), then those relations name.
struct People {
    order: Vec<EntityIx>,
    drawn: std::collections::BTreeSet<EntityIx>,
    number: std::collections::BTreeMap<EntityIx, usize>,
}

impl People {
    fn new(drawn: &[EntityIx]) -> People {
        let mut people = People {
            order: Vec::new(),
            drawn: drawn.iter().copied().collect(),
            number: std::collections::BTreeMap::new(),
        };
        for &ix in drawn {
            people.number_of(ix);
        }
        people
    }

    /// The page's number for entity `ix`, given on first use.
    fn number_of(&mut self, ix: EntityIx) -> usize {
        let next = self.order.len();
        let number = *self.number.entry(ix).or_insert(next);
        if number == next {
            self.order.push(ix);
        }
        number
    }

    /// The page's number of the entity with id `id` (every id of a loaded graph resolves).
    fn of_id(&mut self, graph: &Graph, id: &crate::model::EntityId) -> usize {
        let ix = graph
            .entity_ix(id.as_str())
            .expect("a loaded graph's relations name its entities");
        self.number_of(ix)
    }
}

fn entity_data(entity: &Entity, drawn: bool) -> EntityData<'_> {
    let display = entity.display_name();
    let label = entity.label();
    let mut keys: Vec<String> = entity
        .all_names()
        .chain([entity.id.as_str()])
        .map(key)
        .filter(|k| !k.is_empty())
        .collect();
    keys.sort();
    keys.dedup();
    EntityData {
        id: entity.id.as_str(),
        kind: entity.kind.as_str(),
        drawn,
        short: (label != display).then_some(label),
        en: Lang::En.name_of(entity),
        fr: Lang::Fr.name_of(entity),
        ar: Lang::Ar.name_of(entity),
        description: &entity.description,
        keys,
    }
}

fn relation_data<'a>(
    relation: &'a Relation,
    graph: &Graph,
    people: &mut People,
    texts: Option<&'a SourceTexts>,
) -> RelationData<'a> {
    let bounds = Bounds::of(relation);
    let mut ids = |list: &[crate::model::EntityId]| -> Vec<usize> {
        list.iter().map(|id| people.of_id(graph, id)).collect()
    };
    let claimed_by = ids(relation.claimed_by());
    let disputed_by = ids(relation.disputed_by());
    RelationData {
        id: relation.id.as_str(),
        kind: relation.kind.as_str(),
        source: people.of_id(graph, &relation.source),
        target: people.of_id(graph, &relation.target),
        status: relation.status.as_str(),
        negated: relation.negated,
        timeless: relation.timeless,
        dates: relation.dates(),
        start: relation.start.map(date_data),
        end: relation.effective_end().map(date_data),
        possible: [day(bounds.start_first), day(bounds.end_last)],
        certain: (bounds.start_last <= bounds.end_first)
            .then(|| [day(bounds.start_last), day(bounds.end_first)]),
        claimed_by,
        disputed_by,
        place: relation.place().map(|id| people.of_id(graph, id)),
        event: relation.event(),
        casualties: relation
            .casualties()
            .iter()
            .map(|c| CasualtyData {
                side: c.side.as_ref().map(|id| people.of_id(graph, id)),
                who: &c.who,
                outcome: c.outcome,
                min: c.min,
                max: c.max,
            })
            .collect(),
        summary: relation.summary(),
        evidence: relation
            .evidence()
            .iter()
            .map(|e| evidence_data(e, texts))
            .collect(),
    }
}

fn evidence_data<'a>(evidence: &'a Evidence, texts: Option<&'a SourceTexts>) -> EvidenceData<'a> {
    EvidenceData {
        document: &evidence.document,
        start_byte: evidence.start_byte(),
        end_byte: evidence.end_byte(),
        row: evidence.row(),
        quote: texts.and_then(|t| t.span(evidence).ok()),
    }
}

fn date_data(date: UncertainDate) -> DateData {
    DateData {
        written: date.human().to_string(),
        earliest: day(date.earliest()),
        latest: day(date.latest()),
    }
}

/// A day as the page counts it, `None` for an unbounded side.
fn day(day: Day) -> Option<i32> {
    (day != Day::MIN && day != Day::MAX).then_some(day.0)
}

/// The days the slider runs over: from the first day by which 95% of the days the relations'
/// dates name have begun (so that one bound a decade early, `≤2002-04-06`, does not squeeze
/// the years most relations hold into a corner) to the last day any date names; when none
/// is dated, the single day 1 January 1970 (day 0). Bounds outside stay in the details and
/// the "all dates" view.
fn span(relations: &[RelationData]) -> [i32; 2] {
    let mut days: Vec<i32> = relations
        .iter()
        .flat_map(|r| {
            [&r.start, &r.end]
                .into_iter()
                .flatten()
                .flat_map(|d| [d.earliest, d.latest])
                .flatten()
        })
        .collect();
    days.sort_unstable();
    match (days.get(days.len() / 20), days.last()) {
        (Some(&first), Some(&last)) => [first, last],
        _ => [0, 0],
    }
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Fr => "fr",
        Lang::Ar => "ar",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityKind, RelationKind, Status};

    #[test]
    fn every_kind_and_status_has_its_three_words() {
        let terms: serde_json::Value = serde_json::from_str(&terms()).unwrap();
        let names = RelationKind::ALL
            .iter()
            .map(|k| k.as_str())
            .chain(EntityKind::ALL.iter().map(|k| k.as_str()))
            .chain(Status::ALL.iter().map(|s| s.as_str()));
        for name in names {
            let forms = terms[name].as_array().unwrap_or_else(|| panic!("{name}"));
            assert_eq!(forms.len(), 3, "{name}");
            assert!(
                forms
                    .iter()
                    .all(|f| f.as_str().is_some_and(|f| !f.is_empty())),
                "{name}"
            );
        }
    }

    #[test]
    fn data_cannot_close_its_script_element() {
        let safe = script_safe(r#"{"a":"</script><!--"}"#);
        assert!(!safe.contains('<'));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["a"], "</script><!--");
    }

    #[test]
    fn no_asset_can_end_its_element_early() {
        for (name, text) in [
            ("app.js", SCRIPT),
            ("labels.js", LABELS),
            ("cytoscape", CYTOSCAPE),
        ] {
            let lower = text.to_ascii_lowercase();
            assert!(
                !lower.contains("</script") && !lower.contains("<!--"),
                "{name}"
            );
        }
        assert!(!STYLE.to_ascii_lowercase().contains("</style"));
    }

    #[test]
    fn placeholders_are_filled_once_and_values_are_not_searched() {
        let mut out = Vec::new();
        fill("a{{x}}b{{y}}", &[("x", "{{y}}"), ("y", "2")], &mut out).unwrap();
        assert_eq!(out, b"a{{y}}b2");
        assert!(fill("{{z}}", &[], &mut Vec::new()).is_err());
    }
}
