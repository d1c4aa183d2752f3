//! The command line: turns arguments into library calls and prints their results.
//! Only this module (and `main.rs`) knows clap, terminals and exit codes.

mod accept;
mod add;
mod args;
mod balance;
mod blocs;
mod central;
mod chart;
mod check;
mod cite;
mod completions;
mod coverage;
mod diff;
mod error;
mod export;
mod extract;
mod find;
mod fit;
mod folder;
mod import;
mod index;
mod init;
mod list;
mod man;
mod merge;
mod neighbors;
mod output;
mod path;
mod relations;
mod remove;
mod render;
mod selection;
mod show;
mod snapshot;
mod target;
mod timeline;

use std::process::ExitCode;

pub use args::Args;
use args::{Command, Global};
use error::{Argument, Declined, Missing};
pub use error::{CliError, usage_error};

use actorgraph::load::{self, GraphFiles, SourceTexts};
use actorgraph::query::{self, Filter};
use actorgraph::{Graph, cache};

/// Runs the command `args` names.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let global = &args.global;
    output::set_layout(output::Layout {
        lang: args.command.language().lang,
        width: output::table_width(global.wide, global.width.map(usize::from)),
    });
    let result = match &args.command {
        Command::List { kinds, .. } => list::run(global, kinds),
        Command::Completions { shell } => completions::run(*shell),
        Command::Man { command, list } => man::run(command.as_deref(), *list),
        Command::Check { strict } => check::run(global, *strict),
        Command::Index => index::run(global),
        Command::Coverage => coverage::run(global),
        Command::Show { name, .. } => show::run(global, name),
        Command::Find { text, .. } => find::run(global, text),
        Command::Neighbors {
            name,
            select,
            parts,
            ..
        } => neighbors::run(global, name, &parts.apply(select.filter()?)),
        Command::Allies(asked) => relationship(global, asked, &query::ALLY_KINDS),
        Command::Enemies(asked) => relationship(global, asked, &query::ENEMY_KINDS),
        Command::Relations {
            with,
            select,
            parts,
            ..
        } => relations::run(global, with, &parts.apply(select.filter()?)),
        Command::Timeline {
            name, with, parts, ..
        } => timeline::run(
            global,
            name,
            with.as_deref(),
            &parts.apply(Filter::default()),
        ),
        Command::Path {
            from,
            to,
            at,
            kinds,
            certain,
            include_undated,
            timeless,
            max_hops,
            k,
            ..
        } => {
            let filter = Filter {
                kinds: kinds.clone(),
                period: at.map(|d| d.period()),
                certain_only: *certain,
                include_undated: *include_undated,
                include_timeless: *timeless,
                ..Filter::default()
            };
            let q = path::PathQuery {
                from,
                to,
                filter,
                k: *k,
                max_hops: *max_hops,
            };
            path::run(global, &q)
        }
        Command::Snapshot { select, .. } => snapshot::run(global, &select.filter()?),
        Command::Blocs { time, kinds, .. } => blocs::run(global, time, kinds),
        Command::Central {
            time,
            measure,
            top,
            kinds,
            ..
        } => central::run(global, time, *measure, *top, kinds),
        Command::Balance {
            from,
            until,
            step,
            certain,
            ..
        } => balance::run(global, *from, *until, *step, *certain),
        Command::Export(export) => export::run(global, export),
        Command::Init { dir } => init::run(dir),
        Command::Cite {
            document,
            phrase,
            add_source,
            language,
        } => cite::run(global, document, phrase, *add_source, language.as_deref()),
        Command::Add { element, input } => add::run(global, element.as_ref(), input.as_deref()),
        Command::Remove { id, cascade } => remove::run(global, id, *cascade),
        Command::Import {
            format:
                args::ImportFormat::Csv {
                    file,
                    into,
                    map,
                    skip_bad,
                },
        } => import::run(global, file, into, map, *skip_bad),
        Command::Merge {
            first,
            second,
            into,
        } => merge::run(global, first, second, into),
        Command::Extract {
            file,
            lang,
            anchor,
            lexicon,
            output,
        } => extract::run(
            global,
            &extract::Request {
                file,
                lang,
                anchor: *anchor,
                lexicon: lexicon.as_deref(),
                output: output.as_deref(),
            },
        ),
        Command::Accept {
            candidates,
            ids,
            into,
        } => accept::run(global, candidates, ids, into),
        Command::Diff {
            first,
            second,
            kinds,
            certain,
            ..
        } => {
            let filter = Filter {
                kinds: kinds.clone(),
                certain_only: *certain,
                ..Filter::default()
            };
            diff::run(global, *first, *second, &filter)
        }
    };
    match result {
        Err(e) if e.is_broken_pipe() => Ok(ExitCode::SUCCESS),
        other => other,
    }
}

/// `allies`/`enemies`: the actor's neighbours by the given kinds at the given time, negated
/// relations out, only parties (no town, no people) as the other end.
fn relationship(
    global: &Global,
    asked: &args::Relationship,
    kinds: &[actorgraph::RelationKind],
) -> Result<ExitCode, CliError> {
    let filter = Filter {
        positive_only: true,
        parties_only: true,
        ..asked.time.filter()?.with_kinds(kinds)
    };
    neighbors::run(global, &asked.name, &asked.parts.apply(filter))
}

/// The filter of a network question (`blocs`, `central`): its time, which must be given,
/// the kinds asked for or `default_kinds`, negated relations out.
fn network_filter(
    command: &str,
    time: &args::Time,
    kinds: &[actorgraph::RelationKind],
    default_kinds: &[actorgraph::RelationKind],
) -> Result<Filter, CliError> {
    let filter = time.filter()?;
    if filter.period.is_none() {
        return Err(Missing::Date {
            command: command.to_owned(),
        }
        .into());
    }
    let kinds = if kinds.is_empty() {
        default_kinds
    } else {
        kinds
    };
    Ok(Filter {
        positive_only: true,
        ..filter.with_kinds(kinds)
    })
}

/// The actors `names` resolve to: one, or two different ones for a pair.
///
/// The same actor named twice (by two spellings, or `timeline X --with X`) is no pair, and
/// three or more names are no question any command answers: both are usage errors.
fn resolve_actors(
    graph: &Graph,
    names: &[&str],
) -> Result<Vec<actorgraph::graph::EntityIx>, CliError> {
    if names.len() > 2 {
        let given: Vec<String> = names.iter().map(|n| format!("--with {n:?}")).collect();
        return Err(Argument::TooManyActors {
            count: names.len(),
            given: given.join(" "),
        }
        .into());
    }
    let actors = names
        .iter()
        .map(|name| graph.resolve(name))
        .collect::<Result<Vec<_>, _>>()?;
    if let [first, second] = actors[..]
        && first == second
    {
        return Err(Argument::SameActor {
            first: names[0].to_owned(),
            second: names[1].to_owned(),
            id: graph.entity(first).id.to_string(),
        }
        .into());
    }
    Ok(actors)
}

/// The graph files the options name: `--data DIR`, else the built-in graph.
fn graph_files(global: &Global) -> Result<GraphFiles, CliError> {
    Ok(match &global.data {
        Some(path) => GraphFiles::read_path(path)?,
        None => GraphFiles::builtin(),
    })
}

/// Loads the graph the options name, failing on any error in it. A graph folder is read from
/// its cache when it has an up-to-date one (and `--no-cache` is not given); a cache that
/// cannot be used is rebuilt, saying why on stderr.
///
/// The graph lives until the process exits: commands run once and exit, and the system takes
/// back a big graph's memory at once, where freeing its millions of strings one by one would
/// cost a third of a warm start.
fn load_graph(global: &Global) -> Result<&'static Graph, CliError> {
    load_owned(global).map(leak)
}

/// Loads what a command about the actors `names` needs: from an up-to-date cache, only those
/// actors and their relations ([`cache::scoped`]), which answers every question about them as
/// the whole graph would; otherwise (no cache, `--no-cache`, a stale or damaged cache, one of
/// several names that matches nothing) the whole graph, as [`load_graph`] does.
///
/// One name that matches nothing fails as resolving it in the whole graph would, with the
/// suggestions found in the cache's sorted keys ([`cache::scoped::unknown`]), unless
/// `--sources` is given (`show` reports a problem with the sources first, from the whole
/// load).
fn load_graph_about(
    global: &Global,
    names: &[&str],
    detail: cache::Detail,
) -> Result<&'static Graph, CliError> {
    load_graph_for(global, names, &actorgraph::query::Filter::default(), detail)
}

/// As [`load_graph_about`], for a question that `filter` selects the actors' relations for:
/// from a cache, only the relations it admits are read
/// ([`cache::scoped::read_for`]), so a hub's `--at D` reads those that may hold on D.
///
/// From a cache, the relations, and the entities they refer to but the named ones, are
/// decoded in `detail`: for a command that prints only lines or rows of them
/// ([`text_detail`]), no evidence and no description.
fn load_graph_for(
    global: &Global,
    names: &[&str],
    filter: &actorgraph::query::Filter,
    detail: cache::Detail,
) -> Result<&'static Graph, CliError> {
    let read =
        |dir: &std::path::Path| match (cache::scoped::read_for(dir, names, filter, detail)?, names)
        {
            (Some(graph), _) => Ok(Some(Ok(graph))),
            (None, [name]) if global.sources.is_none() => {
                cache::scoped::unknown(dir, name).map(|e| Some(Err(e)))
            }
            (None, _) => Ok(None),
        };
    match scoped(global, read) {
        Some(Ok(graph)) => Ok(leak(graph)),
        Some(Err(unknown)) => Err(unknown.into()),
        None => load_graph(global),
    }
}

/// How much of the relations a command that prints a line or a row per relation needs: what
/// its text prints (`text`, [`cache::Detail::Table`] or [`cache::Detail::Timeline`]), or
/// every field for JSON, which shows them all.
fn text_detail(global: &Global, text: cache::Detail) -> cache::Detail {
    if global.json {
        cache::Detail::Full
    } else {
        text
    }
}

/// What a scoped read of an up-to-date cache gives (`read`, one of [`cache::scoped`]'s
/// readers), when the options name a graph folder, `--no-cache` is not given, and the read
/// finds what it looks for; `None` otherwise, and the command loads the whole graph, which
/// reports and rebuilds a cache that cannot be used.
fn scoped<T>(
    global: &Global,
    read: impl FnOnce(&std::path::Path) -> Result<Option<T>, cache::CacheError>,
) -> Option<T> {
    let dir = global
        .data
        .as_deref()
        .filter(|d| d.is_dir() && !global.no_cache)?;
    read(dir).ok().flatten()
}

fn leak(graph: Graph) -> &'static Graph {
    Box::leak(Box::new(graph))
}

fn load_owned(global: &Global) -> Result<Graph, CliError> {
    match &global.data {
        Some(dir) if dir.is_dir() && !global.no_cache => {
            let (graph, warmth) = cache::load_dir(dir)?;
            if let cache::Warmth::Rebuilt {
                reason,
                write_error,
            } = warmth
            {
                let file = cache::path(dir);
                let outcome = match write_error {
                    None => "rebuilt it from the JSON files".to_owned(),
                    Some(e) => format!("could not rebuild it: {e}"),
                };
                output::diagnostic(&format!(
                    "warning: cache {} not used ({reason})\n  {outcome}",
                    file.display()
                ));
            }
            Ok(graph)
        }
        _ => Ok(load::load_owned(graph_files(global)?)?),
    }
}

/// The source documents, when `--sources` is given; problems reading them are errors.
fn source_texts(global: &Global, graph: &Graph) -> Result<Option<SourceTexts>, CliError> {
    let Some(dir) = &global.sources else {
        return Ok(None);
    };
    let mut problems = Vec::new();
    let located = graph.sources().iter().enumerate().map(|(i, s)| {
        (
            s,
            load::Location::file(load::SOURCES_FILE),
            format!("$[{i}]"),
        )
    });
    let texts = SourceTexts::read(dir, located, &mut problems);
    match problems.into_iter().next() {
        Some(problem) => Err(Declined::SourceText(Box::new(problem)).into()),
        None => Ok(Some(texts)),
    }
}
