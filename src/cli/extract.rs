//! `actorgraph extract`: candidate relations from a text, for review.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::Global;
use super::error::{CliError, Declined, Verb};
use super::target::{Inputs, output_path};
use super::{load_graph, output};
use actorgraph::extract::{self, Extraction, Extractor, Lang, Party};
use actorgraph::load::read_document;
use actorgraph::{Graph, PartialDate};

/// What `extract` was asked.
pub struct Request<'a> {
    pub file: &'a Path,
    pub lang: &'a str,
    pub anchor: Option<PartialDate>,
    pub lexicon: Option<&'a Path>,
    pub output: Option<&'a Path>,
}

/// Reads the text, extracts, prints or writes the candidates.
pub fn run(global: &Global, request: &Request) -> Result<ExitCode, CliError> {
    let graph = load_graph(global)?;
    let path = locate(global, request.file);
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let bytes = read_document(&path).map_err(|e| CliError::File {
        verb: Verb::ReadText,
        path: path.clone(),
        fault: e.into(),
    })?;
    let text = extract::text_of(&path.display().to_string(), &bytes).map_err(Declined::from)?;
    let lang = match request.lang {
        "auto" => extract::detect(text),
        other => other.parse::<Lang>().map_err(Declined::Language)?,
    };
    let lexicon = match request.lexicon {
        Some(file) => Some(std::fs::read_to_string(file).map_err(|e| CliError::File {
            verb: Verb::ReadLexicon,
            path: file.to_owned(),
            fault: e.into(),
        })?),
        None => None,
    };
    let extractor =
        Extractor::new(graph, lang, lexicon.as_deref()).map_err(|error| Declined::Lexicon {
            file: request
                .lexicon
                .map_or("built-in".into(), |f| f.display().to_string()),
            error,
        })?;
    let found = extractor.extract(&name, text, request.anchor);
    if let Some(out) = output_path(request.output) {
        let inputs = Inputs::of(global, graph.sources());
        inputs.write(out, |w| actorgraph::text::json::to_writer_pretty(w, &found))?;
        output::diagnostic(&format!(
            "{} candidate(s), {} new actor(s) written to {}",
            found.candidates.len(),
            found.entities.len(),
            out.display()
        ));
    } else if global.json || request.output.is_some() {
        output::json(&found)?;
    } else {
        output::text(&table(graph, text, &found))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The file `file` names, or the registered document of that name under `--sources`.
fn locate(global: &Global, file: &Path) -> PathBuf {
    if !file.exists()
        && let Some(dir) = &global.sources
    {
        let candidate = dir.join(file);
        if candidate.exists() {
            return candidate;
        }
    }
    file.to_path_buf()
}

fn table(graph: &Graph, text: &str, found: &Extraction) -> String {
    let name = |p: &Party| match p {
        Party::Known(id) => graph.entity_ix(id.as_str()).map_or(id.to_string(), |ix| {
            graph.entity(ix).display_name().to_owned()
        }),
        Party::New { new } => format!("{new} (new)"),
    };
    let mut out = format!(
        "{}: {} candidate(s), {} new actor(s)\n",
        found.document,
        found.candidates.len(),
        found.entities.len()
    );
    let mut table = output::Table::new(&[
        "CONF", "KIND", "SOURCE", "TARGET", "START", "END", "STATUS", "ID",
    ]);
    let date =
        |d: Option<actorgraph::UncertainDate>| d.map_or("-".into(), |d| d.human().to_string());
    for c in &found.candidates {
        let kind = if c.negated {
            format!("NOT {}", c.kind)
        } else {
            c.kind.to_string()
        };
        table.row(vec![
            format!("{:.2}", c.confidence),
            kind,
            name(&c.source),
            name(&c.target),
            date(c.start),
            date(c.end),
            c.status.to_string(),
            c.id.clone(),
        ]);
    }
    out.push_str(&table.render());
    for c in &found.candidates {
        out.push_str(&format!("\n{} [{}]\n", c.id, c.rule));
        for e in &c.evidence {
            let quote = text.get(e.start_byte..e.end_byte).unwrap_or_default();
            out.push_str(&format!(
                "  {}:{}-{}: {}\n",
                e.document,
                e.start_byte,
                e.end_byte,
                output::terminal(&actorgraph::text::visible(quote))
            ));
        }
    }
    out
}
