//! `actorgraph export`: a selection of the graph as a diagram or an exchange format, a
//! rendered image (`--render`), or every diagram of exports/ (`--all`).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::{ExportArgs, Exported, Global};
use super::error::{Argument, CliError, Declined, Missing, Verb};
use super::target::{Inputs, output_path};
use super::{leak, load_graph, output, scoped, source_texts};
use actorgraph::Graph;
use actorgraph::cache;
use actorgraph::export::render::{self, ImageFormat, Rendered};
use actorgraph::export::{self, Contents as _, Format, Options, html, views};
use actorgraph::query::{self, Snapshot};

/// Selects, then writes to stdout, a file or (for several parts) a folder.
pub fn run(global: &Global, args: &ExportArgs) -> Result<ExitCode, CliError> {
    if let Some(done) = whole_from_cache(global, args)? {
        return Ok(done);
    }
    let graph = export_graph(global, args)?;
    let inputs = Inputs::of(global, graph.sources());
    let format = match args.format {
        None => {
            let dir = args.output.as_deref().unwrap_or(Path::new("exports"));
            return all(global, graph, &inputs, dir);
        }
        Some(Exported::Timeline) => return super::chart::run(graph, &inputs, args),
        Some(Exported::Format(format)) => format,
    };
    if args.actor.is_some() {
        return Err(Argument::Elsewhere {
            flag: "--actor",
            belongs: "chooses the rows of a timeline: use `export timeline --actor NAME`, or \
                      --focus NAME for an ego network",
        }
        .into());
    }
    let (selection, options) = select(graph, format, args)?;
    if format == Format::Parquet {
        return parquet(graph, &selection, args);
    }
    if format == Format::Html && args.render.is_none() {
        return explorer(global, graph, &inputs, &selection, &options, args);
    }
    let output = output_path(args.output.as_deref());
    if let Some(image) = args.render {
        if format != Format::Dot {
            return Err(Argument::Elsewhere {
                flag: "--render",
                belongs: RENDER_BELONGS,
            }
            .into());
        }
        let mut dot = Vec::new();
        export::write(format, "", graph, &selection, &options, &mut dot)?;
        let rendered = rendered(render::render(&dot, image))?;
        match output {
            Some(path) => inputs.write(path, |w| w.write_all(&rendered))?,
            None => std::io::stdout().lock().write_all(&rendered)?,
        }
        return Ok(ExitCode::SUCCESS);
    }
    if format.from_contents() {
        let contents = export::contents(format, graph, &selection);
        write_parts(&inputs, format, output, |outs| {
            export::write_contents_parts(format, &contents, &options, outs)
        })?;
    } else {
        write_parts(&inputs, format, output, |mut outs| {
            let out = outs.pop().expect("one part");
            export::write(format, "", graph, &selection, &options, out)
        })?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the parts of an export in `format` with `write`, which gets one writer per part (in
/// the order of [`Format::parts`]): one part to stdout or to the file `output`, several into
/// the folder `output` (required), all of them written before any replaces its file, never
/// over one of the `inputs`.
fn write_parts(
    inputs: &Inputs,
    format: Format,
    output: Option<&Path>,
    write: impl FnOnce(Vec<&mut dyn std::io::Write>) -> std::io::Result<()>,
) -> Result<(), CliError> {
    match (output, format.parts()) {
        (None, [_]) => write(vec![&mut std::io::stdout().lock()])?,
        (None, parts) => {
            return Err(Missing::OutputFolder {
                format: format.to_string(),
                parts: parts.join(", "),
            }
            .into());
        }
        (Some(path), [_]) => inputs.write(path, |w| write(vec![w]))?,
        (Some(dir), parts) => {
            std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
            let paths: Vec<PathBuf> = parts.iter().map(|part| dir.join(part)).collect();
            let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
            inputs.write_all(dir, &paths, write)?;
        }
    }
    Ok(())
}

/// Writes an export of the whole graph from an up-to-date cache, a batch of relations at a
/// time ([`cache::whole`]), without loading the graph, for a format best written so
/// ([`Format::streamed_whole`]): to stdout, a file or (for several parts) a folder, or a
/// Parquet folder. `None` when the command asks for more or less than everything (a selection, a
/// focus, a diff, a rendered image), or there is no cache to read so: then the graph is
/// loaded.
fn whole_from_cache(global: &Global, args: &ExportArgs) -> Result<Option<ExitCode>, CliError> {
    let Some(Exported::Format(format)) = args.format else {
        return Ok(None);
    };
    let everything = args.focus.is_none()
        && args.diff.is_none()
        && args.actor.is_none()
        && args.render.is_none()
        && args.select.filter()? == query::Filter::default();
    if !format.streamed_whole() || !everything {
        return Ok(None);
    }
    let folder = match format {
        Format::Parquet => Some(parquet_folder(args)?),
        _ => None,
    };
    let Some(whole) = scoped(global, |dir| cache::whole::open(dir).map(Some)) else {
        return Ok(None);
    };
    if let Some(dir) = folder {
        let written = export::parquet::write_dir_of(&whole, dir).map_err(Declined::from)?;
        say_written(&written, dir);
        return Ok(Some(ExitCode::SUCCESS));
    }
    let options = options(args)?;
    let inputs = Inputs::of(global, whole.sources());
    write_parts(
        &inputs,
        format,
        output_path(args.output.as_deref()),
        |outs| export::write_contents_parts(format, &whole, &options, outs),
    )?;
    Ok(Some(ExitCode::SUCCESS))
}

/// Writes the Parquet folder `-o DIR` (required: the tables are several files) and says what
/// it holds.
fn parquet(graph: &Graph, selection: &Snapshot, args: &ExportArgs) -> Result<ExitCode, CliError> {
    let dir = parquet_folder(args)?;
    let written = export::parquet::write_dir(graph, selection, dir).map_err(Declined::from)?;
    say_written(&written, dir);
    Ok(ExitCode::SUCCESS)
}

/// The folder a Parquet export is written to: `-o DIR`, required (the tables are several
/// files); an image cannot be rendered of it.
fn parquet_folder(args: &ExportArgs) -> Result<&Path, CliError> {
    let Some(dir) = output_path(args.output.as_deref()) else {
        return Err(Missing::OutputFolder {
            format: Format::Parquet.to_string(),
            parts: "entities, names, relations by start year, evidence, tolls and sources tables"
                .to_owned(),
        }
        .into());
    };
    if args.render.is_some() {
        return Err(Argument::Elsewhere {
            flag: "--render",
            belongs: RENDER_BELONGS,
        }
        .into());
    }
    Ok(dir)
}

/// Says on stderr what the Parquet folder `dir` holds.
fn say_written(written: &export::parquet::Written, dir: &Path) {
    output::diagnostic(&format!(
        "wrote {} entities, {} names, {} relations ({} files), {} evidence spans, {} tolls \
         and {} sources to {}",
        written.entities,
        written.names,
        written.relations,
        written.relation_files.len(),
        written.evidence,
        written.casualties,
        written.sources,
        dir.display()
    ));
}

/// Writes the HTML explorer of `selection`, quoting evidence when --sources is given; refuses
/// a selection too big to draw smoothly (exit 2, saying what to select).
fn explorer(
    global: &Global,
    graph: &Graph,
    inputs: &Inputs,
    selection: &Snapshot,
    options: &Options,
    args: &ExportArgs,
) -> Result<ExitCode, CliError> {
    html::check_size(selection).map_err(Declined::from)?;
    let texts = source_texts(global, graph)?;
    let write =
        |w: &mut dyn std::io::Write| html::write(graph, selection, options, texts.as_ref(), w);
    match output_path(args.output.as_deref()) {
        Some(path) => inputs.write(path, write)?,
        None => write(&mut std::io::stdout().lock())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes every view of the graph (its folder's `views.json`, or the built-in graph's) into
/// `dir`, as `<name>.dot` and `<name>.svg` (and `<name>.html` for the whole graph's).
fn all(global: &Global, graph: &Graph, inputs: &Inputs, dir: &Path) -> Result<ExitCode, CliError> {
    let views = match &global.data {
        None => views::builtin(),
        Some(data) => {
            let file = data.join(views::VIEWS_FILE);
            let bytes = std::fs::read(&file).map_err(|e| CliError::File {
                verb: Verb::ReadViews,
                path: file.clone(),
                fault: e.into(),
            })?;
            views::read(&file.display().to_string(), &bytes).map_err(Declined::from)?
        }
    };
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    // Every file made before any is written: a view that fails to draw changes nothing.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let (mut diagrams, mut explorers) = (0, 0);
    for view in &views {
        if let Some(page) = whole_graph_page(graph, view) {
            files.push((format!("{}.html", view.name), page));
            explorers += 1;
        }
        if !view.has_diagram() {
            continue;
        }
        let dot = view.dot(graph).map_err(Declined::from)?;
        let svg = rendered(render::render(&dot, ImageFormat::Svg)).map_err(|error| {
            Declined::ViewRender {
                view: view.name.clone(),
                error: Box::new(error),
            }
        })?;
        files.push((format!("{}.dot", view.name), dot));
        files.push((format!("{}.svg", view.name), svg));
        diagrams += 1;
    }
    for (name, bytes) in &files {
        inputs.write(&dir.join(name), |w| w.write_all(bytes))?;
    }
    output::diagnostic(&format!(
        "wrote {diagrams} diagrams (.dot and .svg) and {explorers} explorer(s) (.html) to {}",
        dir.display()
    ));
    Ok(ExitCode::SUCCESS)
}

/// The explorer page of a whole-graph view; a graph too big for the explorer gets a warning
/// instead (its diagrams are still written).
fn whole_graph_page(graph: &Graph, view: &views::View) -> Option<Vec<u8>> {
    match view.html(graph) {
        Ok(page) => page,
        Err(e) => {
            output::diagnostic(&format!("warning: no {}.html: {e}", view.name));
            None
        }
    }
}

/// The image of a render, after printing `dot`'s warnings; a failed render is a usage error
/// (exit 2) with a one-line message.
pub fn rendered(result: Result<Rendered, render::RenderError>) -> Result<Vec<u8>, CliError> {
    let rendered = result.map_err(Declined::from)?;
    for warning in &rendered.warnings {
        output::diagnostic(&format!("warning: dot: {warning}"));
    }
    Ok(rendered.bytes)
}

/// The deepest ego network read from a cache in part: deeper ones reach most of a big graph,
/// which the whole read decodes faster than one record at a time.
const SCOPED_EGO_DEPTH: usize = 2;

/// The graph an export reads: for a DOT diagram of an ego network (`export dot --focus NAME`
/// of at most [`SCOPED_EGO_DEPTH`] relations), from an up-to-date cache only what that
/// network needs ([`cache::scoped::read_ego`]), whose ego network is the whole graph's;
/// otherwise the whole graph.
fn export_graph(global: &Global, args: &ExportArgs) -> Result<&'static Graph, CliError> {
    if let (Some(Exported::Format(Format::Dot)), Some(name), None, None) =
        (&args.format, &args.focus, &args.diff, &args.actor)
        && args.depth <= SCOPED_EGO_DEPTH
    {
        let filter = args.select.filter()?;
        let read = |dir: &Path| cache::scoped::read_ego(dir, name, args.depth, &filter);
        if let Some(graph) = scoped(global, read) {
            return Ok(leak(graph));
        }
    }
    load_graph(global)
}

/// The relations and entities to export, and the drawing options.
pub fn select(
    graph: &Graph,
    format: Format,
    args: &ExportArgs,
) -> Result<(Snapshot, Options), CliError> {
    let filter = args.select.filter()?;
    let mut options = options(args)?;
    if let Some(dates) = &args.diff {
        if format != Format::Dot {
            return Err(Argument::Elsewhere {
                flag: "--diff",
                belongs: "draws a DOT diagram: use `export dot --diff D1 D2`",
            }
            .into());
        }
        let (selection, diff) = views::diff_selection(graph, dates[0], dates[1], &filter);
        options.diff = Some(diff);
        return Ok((actors_unless(args.places, graph, selection), options));
    }
    // A diagram of a date or of an actor's network draws the actors, as the views do
    // (`--places` adds the towns and geography); a town's network is about places; the
    // whole graph, and exchange formats, keep every relation.
    let places = args.places || format != Format::Dot;
    let selection = match &args.focus {
        Some(name) => views::ego_network(graph, graph.resolve(name)?, args.depth, &filter, places),
        None if filter.period.is_some() => {
            actors_unless(places, graph, query::snapshot(graph, &filter))
        }
        None => query::snapshot(graph, &filter),
    };
    Ok((selection, options))
}

/// How to draw or label the export `args` ask for (their base IRI checked).
fn options(args: &ExportArgs) -> Result<Options, CliError> {
    if let Some(base) = &args.base_iri {
        export::rdf::check_base(base).map_err(Argument::from)?;
    }
    Ok(Options {
        lang: args.lang,
        title: args.title.clone(),
        unbundled: args.no_bundle,
        base_iri: args.base_iri.clone(),
        directed_only: args.directed_only,
        ..Options::default()
    })
}

/// The selection, or unless `places` only the actors and the relations among them
/// ([`Snapshot::among_actors`]).
fn actors_unless(places: bool, graph: &Graph, selection: Snapshot) -> Snapshot {
    if places {
        selection
    } else {
        selection.among_actors(graph)
    }
}

fn io_error(path: &Path, e: std::io::Error) -> CliError {
    CliError::File {
        verb: Verb::Create,
        path: path.to_owned(),
        fault: e.into(),
    }
}

/// Where `--render` belongs, when given to another format.
const RENDER_BELONGS: &str = "draws a DOT diagram: use `export dot --render svg|png|pdf`";
