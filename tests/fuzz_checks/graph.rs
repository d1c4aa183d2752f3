//! A small arbitrary graph for the exporter targets, decoded from fuzz bytes with `arbitrary`
//! and put through the loader, so that the exporters see what they would see from real files.
//!
//! One to five entities `e0`… of any kind, with any names, aliases, descriptions and
//! lifetimes; up to five relations `r0`… between them, of a kind their endpoint kinds allow,
//! with any summaries, events, casualties, claimants, places and dates (ordered so the loader
//! accepts them); up to two source documents that evidence cites. Strings are arbitrary
//! Unicode (NUL, controls, bidi overrides, quotes, markup…) cut to [`MAX_CHARS`] characters.
//! When the loader refuses the strings as they are (a name with no letter, a name two entities
//! share, a document name that is not a plain file name, a relation that outlives an entity's
//! lifetime), the graph is built again with every name suffixed ` nI` (I its entity), the
//! documents named `docI.txt` and no lifetimes, which it must accept.
//! A view picks the selection (everything, or what holds on a date), the label language, a
//! title and a diff.

use std::borrow::Cow;

use actorgraph::export::{DiffView, Lang, Options};
use actorgraph::load::{self, GraphFiles, Layout};
use actorgraph::query::{self, Filter, Snapshot};
use actorgraph::{EntityKind, Graph, PartialDate, RelationKind, Status};
use arbitrary::{Arbitrary, Unstructured};
use serde_json::{Map, Value, json};

/// The most entities, relations and documents built.
const MAX_ENTITIES: usize = 5;
const MAX_RELATIONS: usize = 5;
const MAX_DOCUMENTS: usize = 2;
/// The most characters kept of each arbitrary string.
const MAX_CHARS: usize = 200;

#[derive(Debug, Default, Arbitrary)]
struct Input {
    entities: Vec<EntityInput>,
    relations: Vec<RelationInput>,
    documents: Vec<String>,
    view: ViewInput,
}

#[derive(Debug, Default, Arbitrary)]
struct EntityInput {
    kind: u8,
    en: Option<String>,
    ar: Option<String>,
    fr: Option<String>,
    aliases: Vec<String>,
    lifetime: Option<(Option<DateInput>, Option<DateInput>)>,
    description: String,
}

#[derive(Debug, Arbitrary)]
struct RelationInput {
    kind: u8,
    source: u8,
    target: u8,
    start: Option<DateInput>,
    end: Option<DateInput>,
    negated: bool,
    status: u8,
    claimed_by: Vec<u8>,
    disputed_by: Vec<u8>,
    place: Option<u8>,
    event: Option<String>,
    casualties: Vec<CasualtyInput>,
    evidence: Vec<(u8, u16, u16)>,
    summary: String,
}

#[derive(Debug, Arbitrary)]
struct CasualtyInput {
    side: Option<u8>,
    killed: bool,
    min: Option<u32>,
    more: u32,
    who: String,
}

#[derive(Debug, Clone, Copy, Arbitrary)]
struct DateInput {
    year: u16,
    month: u8,
    day: u8,
}

#[derive(Debug, Default, Arbitrary)]
struct ViewInput {
    lang: u8,
    at: Option<DateInput>,
    diff: Option<(DateInput, DateInput)>,
    title: Option<String>,
}

/// A loaded graph, the selection to export and the options to export it with.
pub struct Case {
    /// The graph, as the loader built it.
    pub graph: Graph,
    /// What to export.
    pub selection: Snapshot,
    /// Language, title, diff.
    pub options: Options,
}

impl Case {
    /// Decodes `data` into a graph, loads it and picks the view. `None` when `arbitrary` cannot
    /// decode the bytes at all.
    pub fn from_bytes(data: &[u8]) -> Option<Case> {
        let input = Input::arbitrary_take_rest(Unstructured::new(data)).ok()?;
        let graph = input
            .load(false)
            .or_else(|| input.load(true))
            .unwrap_or_else(|| {
                let files = input.files(true);
                panic!(
                    "the generated graph does not load: {:#?}",
                    load::check(&files, None).problems
                )
            });
        let view = &input.view;
        let selection = match view.at {
            None => query::snapshot(&graph, &Filter::default()),
            Some(at) => query::snapshot(&graph, &Filter::during(at.date().period())),
        };
        let diff = view.diff.map(|(a, b)| {
            let (first, second) = (a.date(), b.date());
            DiffView {
                first,
                second,
                diff: query::diff(&graph, first.period(), second.period(), &Filter::default()),
            }
        });
        let options = Options {
            lang: [Lang::En, Lang::Ar, Lang::Fr][usize::from(view.lang % 3)],
            title: view.title.as_deref().map(clip),
            diff,
            // One edge per relation, so that the `dot` check can match each edge to its
            // relation; bundles are labelled through the same escaping.
            unbundled: true,
        };
        Some(Case {
            graph,
            selection,
            options,
        })
    }
}

impl Input {
    fn entities(&self) -> Vec<&EntityInput> {
        static ONE: EntityInput = EntityInput {
            kind: 0,
            en: None,
            ar: None,
            fr: None,
            aliases: Vec::new(),
            lifetime: None,
            description: String::new(),
        };
        let mut entities: Vec<&EntityInput> = self.entities.iter().take(MAX_ENTITIES).collect();
        if entities.is_empty() {
            entities.push(&ONE);
        }
        entities
    }

    /// The graph's three files; `tame` suffixes names and renames documents.
    fn files(&self, tame: bool) -> GraphFiles {
        let entities = self.entities();
        let kinds: Vec<EntityKind> = entities.iter().map(|e| e.kind()).collect();
        let documents: Vec<String> = self
            .documents
            .iter()
            .take(MAX_DOCUMENTS)
            .enumerate()
            .map(|(i, d)| if tame { format!("doc{i}.txt") } else { clip(d) })
            .collect();
        let entity_json: Vec<Value> = entities
            .iter()
            .enumerate()
            .map(|(i, e)| e.json(i, tame))
            .collect();
        let relation_json: Vec<Value> = self
            .relations
            .iter()
            .take(MAX_RELATIONS)
            .enumerate()
            .filter_map(|(j, r)| r.json(j, &kinds, &documents))
            .collect();
        let source_json: Vec<Value> = documents
            .iter()
            .map(|d| {
                json!({
                    "document": d,
                    "language": "en",
                    "sha256": "0".repeat(64),
                    "description": "fuzz",
                })
            })
            .collect();
        let bytes = |values: Vec<Value>| {
            Cow::Owned(serde_json::to_vec_pretty(&values).expect("JSON values serialise"))
        };
        GraphFiles {
            origin: "fuzz".to_owned(),
            layout: Layout::Folder,
            entities: bytes(entity_json),
            relations: bytes(relation_json),
            sources: bytes(source_json),
        }
    }

    fn load(&self, tame: bool) -> Option<Graph> {
        load::check(&self.files(tame), None).graph
    }
}

impl EntityInput {
    fn kind(&self) -> EntityKind {
        EntityKind::ALL[usize::from(self.kind) % EntityKind::ALL.len()]
    }

    fn json(&self, i: usize, tame: bool) -> Value {
        let name = |s: &str| {
            if tame {
                format!("{} n{i}", clip(s))
            } else {
                clip(s)
            }
        };
        let mut names = Map::new();
        for (lang, n) in [("en", &self.en), ("ar", &self.ar), ("fr", &self.fr)] {
            if let Some(n) = n {
                names.insert(lang.to_owned(), Value::String(name(n)));
            }
        }
        let aliases: Vec<String> = self.aliases.iter().take(3).map(|a| name(a)).collect();
        let mut entity = json!({
            "id": format!("e{i}"),
            "kind": self.kind().as_str(),
            "names": names,
            "aliases": aliases,
            "description": clip(&self.description),
        });
        // Tame: no lifetime, which a generated relation could outlive (an error).
        if let Some((start, end)) = self.lifetime.filter(|_| !tame) {
            let (start, end) = ordered(start.map(DateInput::date), end.map(DateInput::date));
            let mut lifetime = Map::new();
            if let Some(start) = start {
                lifetime.insert("start".to_owned(), json!(start.to_string()));
            }
            if let Some(end) = end {
                lifetime.insert("end".to_owned(), json!(end.to_string()));
            }
            entity["lifetime"] = Value::Object(lifetime);
        }
        entity
    }
}

impl RelationInput {
    /// The relation `rJ`, or `None` when no kind joins its endpoints (or it has one entity).
    fn json(&self, j: usize, kinds: &[EntityKind], documents: &[String]) -> Option<Value> {
        let n = kinds.len();
        let entity = |x: u8| format!("e{}", usize::from(x) % n);
        let source = usize::from(self.source) % n;
        let mut target = usize::from(self.target) % n;
        if target == source {
            if n == 1 {
                return None;
            }
            target = (source + 1) % n;
        }
        let allowed: Vec<RelationKind> = RelationKind::ALL
            .into_iter()
            .filter(|k| k.accepts(kinds[source], kinds[target]))
            .collect();
        if allowed.is_empty() {
            return None;
        }
        let kind = allowed[usize::from(self.kind) % allowed.len()];
        let status = Status::ALL[usize::from(self.status) % Status::ALL.len()];
        let mut relation = json!({
            "id": format!("r{j}"),
            "kind": kind.as_str(),
            "source": format!("e{source}"),
            "target": format!("e{target}"),
            "negated": self.negated,
            "status": status.as_str(),
            "claimed_by": self.claimed_by.iter().take(2).map(|&x| entity(x)).collect::<Vec<_>>(),
            "disputed_by": self.disputed_by.iter().take(2).map(|&x| entity(x)).collect::<Vec<_>>(),
            "summary": clip(&self.summary),
        });
        let (start, end) = ordered(
            self.start.map(DateInput::date),
            self.end.map(DateInput::date),
        );
        if let Some(start) = start {
            relation["start"] = json!(start.to_string());
        }
        if let Some(end) = end {
            relation["end"] = json!(end.to_string());
        }
        if let Some(place) = self.place {
            relation["place"] = json!(entity(place));
        }
        if let Some(event) = &self.event {
            relation["event"] = json!(clip(event));
        }
        let casualties: Vec<Value> = self
            .casualties
            .iter()
            .take(2)
            .map(|c| {
                let mut value = json!({
                    "who": clip(&c.who),
                    "outcome": if c.killed { "killed" } else { "wounded" },
                });
                if let Some(side) = c.side {
                    value["side"] = json!(entity(side));
                }
                if let Some(min) = c.min {
                    value["min"] = json!(min);
                    value["max"] = json!(min.saturating_add(c.more % 1000));
                }
                value
            })
            .collect();
        relation["casualties"] = json!(casualties);
        if !documents.is_empty() {
            let evidence: Vec<Value> = self
                .evidence
                .iter()
                .take(2)
                .map(|&(d, start, length)| {
                    json!({
                        "document": documents[usize::from(d) % documents.len()],
                        "start_byte": start,
                        "end_byte": u64::from(start) + u64::from(length),
                    })
                })
                .collect();
            relation["evidence"] = json!(evidence);
        }
        Some(relation)
    }
}

impl DateInput {
    /// A valid date: the year brought into 1–9999, a month of 0 (none) to 12, a day dropped when
    /// that month does not have it.
    fn date(self) -> PartialDate {
        let year = 1 + self.year % 9999;
        let month = self.month % 13;
        let day = self.day % 32;
        let texts = [
            format!("{year:04}-{month:02}-{day:02}"),
            format!("{year:04}-{month:02}"),
            format!("{year:04}"),
        ];
        let skip = match (month, day) {
            (0, _) => 2,
            (_, 0) => 1,
            _ => 0,
        };
        texts[skip..]
            .iter()
            .find_map(|t| t.parse().ok())
            .expect("a year in 1–9999 is a date")
    }
}

/// `start` and `end` swapped when `end` ends before `start` begins.
fn ordered(
    start: Option<PartialDate>,
    end: Option<PartialDate>,
) -> (Option<PartialDate>, Option<PartialDate>) {
    match (start, end) {
        (Some(s), Some(e)) if e.last_day() < s.first_day() => (Some(e), Some(s)),
        other => other,
    }
}

/// The first [`MAX_CHARS`] characters of `s`.
fn clip(s: &str) -> String {
    s.chars().take(MAX_CHARS).collect()
}
