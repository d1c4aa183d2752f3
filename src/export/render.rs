//! Rendering DOT with Graphviz: the text is piped into `dot -T<format>` and its output captured.
//!
//! Nothing is written to disk here: the caller gets the bytes only when `dot` succeeded, and
//! writes them atomically ([`crate::atomic::write`]), so a failed render never leaves a
//! half-written or clobbered file.

use std::fmt;
use std::io::{self, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::str::FromStr;

/// An image format Graphviz renders to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ImageFormat {
    /// Scalable vector graphics, with tooltips.
    Svg,
    /// A bitmap.
    Png,
    /// A printable document.
    Pdf,
}

impl ImageFormat {
    /// Every image format.
    pub const ALL: [ImageFormat; 3] = [ImageFormat::Svg, ImageFormat::Png, ImageFormat::Pdf];

    /// The name on the command line, also `dot`'s `-T` value and the file extension.
    pub fn name(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
            ImageFormat::Pdf => "pdf",
        }
    }
}

impl fmt::Display for ImageFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ImageFormat {
    type Err = String;

    fn from_str(text: &str) -> Result<ImageFormat, String> {
        ImageFormat::ALL
            .into_iter()
            .find(|f| f.name() == text.to_ascii_lowercase())
            .ok_or_else(|| format!("unknown image format {text:?}; expected svg, png or pdf"))
    }
}

/// Why Graphviz could not render a diagram.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// There is no `dot` program on the `PATH`.
    #[error(
        "Graphviz `dot` not found: install it (apt-get install graphviz, brew install graphviz)"
    )]
    NotFound,
    /// `dot` could not be run or talked to.
    #[error("cannot run Graphviz `dot`: {0}")]
    Io(#[from] io::Error),
    /// `dot` failed (exited non-zero or was killed); `stderr` is what it said, on one line.
    #[error("Graphviz `dot -T{format}` failed ({status}){}", describe(.stderr))]
    Failed {
        /// The format asked for.
        format: ImageFormat,
        /// How it ended.
        status: ExitStatus,
        /// Its messages, joined on one line.
        stderr: String,
    },
}

fn describe(stderr: &str) -> String {
    if stderr.is_empty() {
        String::new()
    } else {
        format!(": {stderr}")
    }
}

/// A rendered image, and what `dot` warned about while making it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The image.
    pub bytes: Vec<u8>,
    /// `dot`'s warnings, one per line; empty when it said nothing.
    pub warnings: Vec<String>,
}

/// Renders `dot_text` to `format` with Graphviz `dot` (found on the `PATH`).
///
/// Errors with [`RenderError::NotFound`] when `dot` is not installed, and with
/// [`RenderError::Failed`] (and `dot`'s messages) when it exits non-zero or is killed.
///
/// ```no_run
/// use actorgraph::export::render::{ImageFormat, render};
/// let svg = render(b"digraph { a -> b }", ImageFormat::Svg).unwrap();
/// assert!(svg.warnings.is_empty());
/// assert!(String::from_utf8(svg.bytes).unwrap().contains("<svg"));
/// ```
pub fn render(dot_text: &[u8], format: ImageFormat) -> Result<Rendered, RenderError> {
    let mut child = Command::new("dot")
        .arg(format!("-T{}", format.name()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => RenderError::NotFound,
            _ => RenderError::Io(e),
        })?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| io::Error::other("no stdin"))?;
    // Feed stdin from a thread so that `dot` never blocks on a full stdout or stderr pipe.
    let output = std::thread::scope(|scope| {
        let feeder = scope.spawn(move || stdin.write_all(dot_text));
        let output = child.wait_with_output();
        (output, feeder.join())
    });
    let (output, fed) = output;
    let output = output?;
    let stderr: Vec<String> = String::from_utf8_lossy(&output.stderr)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if !output.status.success() {
        return Err(RenderError::Failed {
            format,
            status: output.status,
            stderr: stderr.join("; "),
        });
    }
    match fed {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(RenderError::Io(e)),
        Err(_) => return Err(RenderError::Io(io::Error::other("writing to dot panicked"))),
    }
    Ok(Rendered {
        bytes: output.stdout,
        warnings: stderr,
    })
}
