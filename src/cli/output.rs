//! Everything the command line prints, and the one terminal-safe rendering it goes through.
//!
//! Names, summaries, file names and arguments come from data someone else wrote. Printed raw,
//! an escape sequence in a name (`ESC[2J`, an OSC 52 clipboard write) would act on the
//! terminal, and a bidi override would reorder what is shown. So every byte the command line
//! prints goes through this module: text ([`text`]) and diagnostics ([`diagnostic`]) with every
//! invisible character dropped, JSON ([`json`]) with them escaped as `\u` sequences. The
//! `print!` family is disallowed elsewhere (clippy.toml).

use std::borrow::Cow;
use std::io::{self, Write};
use std::sync::OnceLock;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::fit;
use actorgraph::i18n::{self, Lang, Term};
use actorgraph::text::is_invisible;

/// The first-strong isolate and its closing pop, which [`terminal`] puts around right-to-left
/// text; the only invisible characters printed.
const ISOLATE: char = '\u{2068}';
const POP_ISOLATE: char = '\u{2069}';

/// Writes `value` as pretty JSON and a newline to stdout, invisible characters escaped
/// (`\u202e`), which every JSON reader reads back as the same string.
pub fn json<T: Serialize + ?Sized>(value: &T) -> io::Result<()> {
    let mut out = io::stdout().lock();
    actorgraph::text::json::to_writer_pretty(&mut out, value)?;
    writeln!(out)
}

/// Writes `bytes` to stdout as they are: only for text the tool generates from its own
/// definitions (completion scripts, manual pages), which holds no data and whose tabs and
/// escapes are meant for the shell or roff, not for a terminal.
pub fn generated(bytes: &[u8]) -> io::Result<()> {
    io::stdout().lock().write_all(bytes)
}

/// Writes `text` to stdout, terminal-safe ([`displayable`]).
pub fn text(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(displayable(text).as_bytes())
}

/// Text written to stdout as it is made, terminal-safe as [`text`] makes it: a command with
/// tens of thousands of rows writes each as it is formatted (`writeln!(lines, …)?`) instead
/// of collecting megabytes into one string.
///
/// Whole lines are passed through [`displayable`] in chunks of about [`Lines::CHUNK`] bytes:
/// what it keeps or drops depends only on the line a character is in, so the bytes printed
/// are those [`text`] prints for the whole text.
pub struct Lines {
    out: io::StdoutLock<'static>,
    pending: String,
}

impl Lines {
    /// How many bytes are gathered before their whole lines are written.
    const CHUNK: usize = 64 * 1024;

    /// Text for stdout, nothing written yet.
    pub fn stdout() -> Lines {
        Lines {
            out: io::stdout().lock(),
            pending: String::with_capacity(Self::CHUNK + 1024),
        }
    }

    /// Appends formatted text (what `write!` and `writeln!` call), writing the whole lines
    /// gathered once there are [`Lines::CHUNK`] bytes of them.
    pub fn write_fmt(&mut self, args: std::fmt::Arguments<'_>) -> io::Result<()> {
        // Writing to a string fails only when a `Display` implementation does.
        std::fmt::Write::write_fmt(&mut self.pending, args).map_err(io::Error::other)?;
        self.written()
    }

    /// Appends `text`, as [`Lines::write_fmt`] does.
    pub fn push_str(&mut self, text: &str) -> io::Result<()> {
        self.pending.push_str(text);
        self.written()
    }

    /// Writes the whole lines gathered once there are enough of them.
    fn written(&mut self) -> io::Result<()> {
        if self.pending.len() < Self::CHUNK {
            return Ok(());
        }
        let Some(end) = self.pending.rfind('\n') else {
            return Ok(());
        };
        self.out
            .write_all(displayable(&self.pending[..=end]).as_bytes())?;
        self.pending.drain(..=end);
        Ok(())
    }

    /// Writes what is left and flushes stdout.
    pub fn finish(mut self) -> io::Result<()> {
        self.out.write_all(displayable(&self.pending).as_bytes())?;
        self.out.flush()
    }
}

/// Prints `message` on stderr, one line per line, each terminal-safe as
/// [`actorgraph::text::visible`] shows it (its indentation kept).
///
/// A diagnostic that cannot be written (stderr full, closed or redirected to `/dev/full`) is
/// dropped: the command still ends with its documented exit code, never a panic.
pub fn diagnostic(message: &str) {
    let mut shown = String::with_capacity(message.len() + 1);
    for line in message.lines() {
        let body = line.trim_start_matches(' ');
        shown.push_str(&line[..line.len() - body.len()]);
        shown.push_str(&actorgraph::text::visible_line(body));
        shown.push('\n');
    }
    let _ = io::stderr().lock().write_all(shown.as_bytes());
}

/// `text` as it may reach a terminal: every invisible character dropped except line feeds
/// and the isolates [`terminal`] adds, which are kept only as pairs balanced within a line (a
/// stray pop is dropped, an isolate left open is closed at the end of its line), so no
/// control, escape sequence or override is ever printed.
fn displayable(text: &str) -> Cow<'_, str> {
    if !has_invisible(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut open = 0usize;
    for c in text.chars() {
        match c {
            '\n' => {
                out.extend(std::iter::repeat_n(POP_ISOLATE, open));
                open = 0;
                out.push(c);
            }
            ISOLATE => {
                open += 1;
                out.push(c);
            }
            POP_ISOLATE if open > 0 => {
                open -= 1;
                out.push(c);
            }
            c if is_invisible(c) => {}
            c => out.push(c),
        }
    }
    out.extend(std::iter::repeat_n(POP_ISOLATE, open));
    Cow::Owned(out)
}

/// True when `text` holds an invisible character ([`is_invisible`]) other than a line feed;
/// ASCII bytes (most of a table, even of Arabic names) are taken as characters without
/// decoding UTF-8.
fn has_invisible(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    // Printable ASCII and line feeds: most of a table, even of Arabic names.
    let plain = |b: u8| (b' '..=b'~').contains(&b) || b == b'\n';
    loop {
        // Stepped over 32 bytes at a time, each block tested without a branch per byte
        // (which the compiler vectorises).
        while let Some(block) = bytes.get(at..at + 32)
            && block.iter().fold(true, |all, &b| all & plain(b))
        {
            at += 32;
        }
        let Some(&b) = bytes.get(at) else {
            return false;
        };
        if plain(b) {
            at += 1;
            continue;
        }
        if b.is_ascii() {
            if b != b'\n' && is_invisible(char::from(b)) {
                return true;
            }
            at += 1;
        } else {
            // `at` is on a character boundary: only whole characters are stepped over.
            let Some(c) = text[at..].chars().next() else {
                return false;
            };
            if is_invisible(c) {
                return true;
            }
            at += c.len_utf8();
        }
    }
}

/// True when `text` holds right-to-left letters (Arabic, Hebrew, Syriac, Thaana, N'Ko).
fn has_rtl(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

/// True when stdout is a terminal (asked once).
fn stdout_is_terminal() -> bool {
    use std::io::IsTerminal;
    static TERMINAL: OnceLock<bool> = OnceLock::new();
    *TERMINAL.get_or_init(|| io::stdout().is_terminal())
}

/// Makes `text` safe and readable in a terminal, as one line: invisible characters (controls,
/// bidi overrides, zero-width) are dropped and whitespace runs become one space, and, when
/// stdout is a terminal, right-to-left text is wrapped in a first-strong isolate (U+2068 …
/// U+2069) so that it displays right-to-left without reordering the columns around it. Piped
/// output gets no isolates, so tools see plain lines.
pub fn terminal(text: &str) -> String {
    isolated(actorgraph::text::visible(text), stdout_is_terminal())
}

/// `clean` (visible text) wrapped in a first-strong isolate when `isolate` and it holds
/// right-to-left letters.
fn isolated(clean: String, isolate: bool) -> String {
    if isolate && has_rtl(&clean) {
        format!("{ISOLATE}{clean}{POP_ISOLATE}")
    } else {
        clean
    }
}

/// How text output is laid out: the language of its labels and the width its tables fit.
#[derive(Debug, Clone, Copy, Default)]
pub struct Layout {
    /// The language of headers, kinds, statuses and entity names (`--lang`).
    pub lang: Lang,
    /// The display columns tables fit, or none to keep every cell whole.
    pub width: Option<usize>,
}

static LAYOUT: OnceLock<Layout> = OnceLock::new();

/// Sets the layout of everything printed after; set once, before the command runs (as the
/// terminal is asked once), so that every table and label of the command agrees.
pub fn set_layout(layout: Layout) {
    let _ = LAYOUT.set(layout);
}

/// The layout [`set_layout`] set, else English and whole cells.
pub fn layout() -> Layout {
    LAYOUT.get().copied().unwrap_or_default()
}

/// The word `term` in the output language.
pub fn word(term: Term) -> &'static str {
    i18n::text(layout().lang, term)
}

/// The width tables fit: none with `--wide`; `--width N`; when stdout is a terminal, `$COLUMNS`
/// or else the terminal's width (at least [`fit::MIN_WIDTH`]); none when stdout is not a
/// terminal, so that a pipe, a file or `| less -S` gets whole lines and scripts see every byte
/// of every cell.
pub fn table_width(wide: bool, width: Option<usize>) -> Option<usize> {
    if wide {
        return None;
    }
    if width.is_some() || !stdout_is_terminal() {
        return width;
    }
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok());
    columns
        .filter(|&c: &usize| c > 0)
        .or_else(|| terminal_size::terminal_size_of(io::stdout()).map(|(w, _)| usize::from(w.0)))
        .map(|w| w.max(fit::MIN_WIDTH))
}

/// A table of text cells, printed with columns aligned by display width and fitted to the
/// layout's width ([`table_width`]).
///
/// The cells' text is kept one after the other in one string, each cell's display width
/// measured once as it is added: a hub's table of 40k rows is one allocation, not 200k.
#[derive(Debug, Default)]
pub struct Table {
    /// Every cell's text, terminal-safe, one after the other, row by row.
    text: String,
    /// Each cell: where its text ends in `text`, and its display width.
    cells: Vec<(usize, usize)>,
    /// Where each row's cells end in `cells`.
    rows: Vec<usize>,
    keep: Vec<bool>,
    /// What becomes of the rows added.
    mode: Mode,
}

/// What a [`Table`] does with the rows added to it.
#[derive(Debug, Default)]
enum Mode {
    /// Keeps their cells, to be fitted once every row is in.
    #[default]
    Kept,
    /// Keeps only each column's natural width so far ([`Table::measuring`]).
    Measuring(Vec<usize>),
    /// Writes each as a line of its text in columns of these widths ([`Table::fitted`]).
    Fitted(Vec<usize>),
}

impl Table {
    /// A table whose first row is `header`.
    pub fn new(header: &[&str]) -> Table {
        let mut table = Table::default();
        table.row(header.iter().map(|h| actorgraph::text::visible(h)));
        table
    }

    /// Adds the rows of `parts` after this table's, in order: a table made in parts on
    /// every core, each part a table of no header ([`Table::default`]).
    pub fn append(&mut self, parts: Vec<Table>) {
        self.text.reserve(parts.iter().map(|p| p.text.len()).sum());
        self.cells
            .reserve(parts.iter().map(|p| p.cells.len()).sum());
        self.rows.reserve(parts.iter().map(|p| p.rows.len()).sum());
        for part in parts {
            let (text, cells) = (self.text.len(), self.cells.len());
            self.text.push_str(&part.text);
            (self.cells).extend(part.cells.iter().map(|&(end, width)| (text + end, width)));
            self.rows.extend(part.rows.iter().map(|&end| cells + end));
        }
    }

    /// Marks column `column` (ids, which a user copies into the next command) to be cut only
    /// when cutting every other column is not enough.
    pub fn keep_whole(mut self, column: usize) -> Table {
        if self.keep.len() <= column {
            self.keep.resize(column + 1, false);
        }
        self.keep[column] = true;
        self
    }

    /// A table that keeps no row, only the natural width of each column ([`Table::widen`]):
    /// the first reading of a table printed in parts, to learn its widths before any part is
    /// written.
    pub fn measuring() -> Table {
        Table {
            mode: Mode::Measuring(Vec::new()),
            ..Table::default()
        }
    }

    /// A table that keeps no cell but writes each row as it is added, in columns of `widths`
    /// ([`Table::fit`]), as [`Table::render`] writes it in a table of those widths: a part of a
    /// table printed in parts ([`Table::into_text`]).
    pub fn fitted(widths: Vec<usize>) -> Table {
        Table {
            mode: Mode::Fitted(widths),
            ..Table::default()
        }
    }

    /// The text of the rows of a table made [`Table::fitted`].
    pub fn into_text(self) -> String {
        self.text
    }

    /// Adds a row; cells are made terminal-safe.
    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        match &mut self.mode {
            Mode::Kept => {}
            Mode::Measuring(natural) => {
                for (c, cell) in cells.into_iter().enumerate() {
                    let width = display_width(&actorgraph::text::visible_line(cell.as_ref()));
                    if natural.len() <= c {
                        natural.resize(c + 1, 0);
                    }
                    natural[c] = natural[c].max(width);
                }
                return;
            }
            Mode::Fitted(widths) => {
                let (out, isolate) = (&mut self.text, stdout_is_terminal());
                let start = out.len();
                // The padding after a cell is written before the next: none after the last.
                let mut after = 0;
                for (c, cell) in cells.into_iter().enumerate() {
                    pad(out, after);
                    let cell = actorgraph::text::visible_line(cell.as_ref());
                    let shown = push_fitted(out, &cell, display_width(&cell), widths[c], isolate);
                    after = widths[c] - shown + fit::GAP;
                }
                out.truncate(start + out[start..].trim_end().len());
                out.push('\n');
                return;
            }
        }
        for cell in cells {
            let start = self.text.len();
            self.text
                .push_str(&actorgraph::text::visible_line(cell.as_ref()));
            let width = display_width(&self.text[start..]);
            self.cells.push((self.text.len(), width));
        }
        self.rows.push(self.cells.len());
    }

    /// Each row's cells: their text and display width.
    fn each_row(&self) -> impl Iterator<Item = impl Iterator<Item = (&str, usize)>> {
        let mut first = 0;
        self.rows.iter().map(move |&end| {
            let cells = &self.cells[first..end];
            let mut start = if first == 0 {
                0
            } else {
                self.cells[first - 1].0
            };
            first = end;
            cells.iter().map(move |&(end, width)| {
                let cell = &self.text[start..end];
                start = end;
                (cell, width)
            })
        })
    }

    /// The table as text, two spaces between columns, no trailing spaces, fitted to the
    /// layout's width.
    pub fn render(&self) -> String {
        self.render_within(layout().width, stdout_is_terminal())
    }

    /// Writes the table to `lines` as [`Table::render`] gives it, row by row.
    pub fn render_to(&self, lines: &mut Lines) -> io::Result<()> {
        self.rows_within(layout().width, stdout_is_terminal(), |row| {
            lines.push_str(row)
        })
    }

    /// The table fitted to `width` display columns (none: whole), right-to-left cells
    /// isolated when `isolate`: cells are cut first, then isolated, so every isolate closes.
    fn render_within(&self, width: Option<usize>, isolate: bool) -> String {
        let columns = self.columns();
        let mut out =
            String::with_capacity(self.text.len() + self.rows.len() * (columns * fit::GAP + 1));
        let written: io::Result<()> = self.rows_within(width, isolate, |row| {
            out.push_str(row);
            Ok(())
        });
        debug_assert!(written.is_ok(), "a string takes every row");
        out
    }

    /// How many columns the widest row has.
    fn columns(&self) -> usize {
        self.row_lengths().max().unwrap_or(0)
    }

    /// Gives `row` each line of the table fitted to `width` display columns (none: whole),
    /// with its line feed, right-to-left cells isolated when `isolate`: cells are cut
    /// first, then isolated, so every isolate closes. Stops at the first error `row` gives.
    fn rows_within(
        &self,
        width: Option<usize>,
        isolate: bool,
        row: impl FnMut(&str) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut natural = Vec::new();
        self.widen(&mut natural);
        let widths = self.widths_within(&natural, width);
        self.rows_fitted(&widths, isolate, row)
    }

    /// Raises `natural` to the display width of the widest cell of each column: the natural
    /// widths of a table printed in parts ([`Table::fit`], [`Table::fitted`]), each
    /// part widening them in turn.
    pub fn widen(&self, natural: &mut Vec<usize>) {
        let measured = match &self.mode {
            Mode::Measuring(measured) => &measured[..],
            _ => &[],
        };
        let columns = self.columns().max(measured.len());
        if natural.len() < columns {
            natural.resize(columns, 0);
        }
        for (c, &width) in measured.iter().enumerate() {
            natural[c] = natural[c].max(width);
        }
        for cells in self.each_row() {
            for (c, (_, width)) in cells.enumerate() {
                natural[c] = natural[c].max(width);
            }
        }
    }

    /// The widths of the columns of this table's parts, whose natural widths are `natural`
    /// ([`Table::widen`]), fitted to the layout's width with this table's columns kept
    /// whole ([`Table::keep_whole`]).
    pub fn fit(&self, natural: &[usize]) -> Vec<usize> {
        self.widths_within(natural, layout().width)
    }

    /// The rows (a header) as text in columns of `widths` ([`Table::fit`]), as
    /// [`Table::render`] gives them in a table of those widths.
    pub fn render_fitted(&self, widths: &[usize]) -> String {
        let mut out = String::with_capacity(
            self.text.len() + self.rows.len() * (widths.len() * fit::GAP + 1),
        );
        let written: io::Result<()> = self.rows_fitted(widths, stdout_is_terminal(), |row| {
            out.push_str(row);
            Ok(())
        });
        debug_assert!(written.is_ok(), "a string takes every row");
        out
    }

    /// The widths of columns of `natural` widths fitted to `width` display columns (none:
    /// whole).
    fn widths_within(&self, natural: &[usize], width: Option<usize>) -> Vec<usize> {
        match width {
            Some(width) => fit::widths(natural, &self.keep, width),
            None => natural.to_vec(),
        }
    }

    /// Gives `row` each line of the table in columns of `widths`, as [`Table::rows_within`]
    /// does.
    fn rows_fitted(
        &self,
        widths: &[usize],
        isolate: bool,
        mut row: impl FnMut(&str) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut out = String::new();
        for (cells, count) in self.each_row().zip(self.row_lengths()) {
            out.clear();
            for (c, (cell, natural)) in cells.enumerate() {
                let shown = push_fitted(&mut out, cell, natural, widths[c], isolate);
                if c + 1 < count {
                    pad(&mut out, widths[c] - shown + fit::GAP);
                }
            }
            out.truncate(out.trim_end().len());
            out.push('\n');
            row(&out)?;
        }
        Ok(())
    }

    /// How many cells each row has.
    fn row_lengths(&self) -> impl Iterator<Item = usize> {
        let mut first = 0;
        self.rows
            .iter()
            .map(move |&end| end - std::mem::replace(&mut first, end))
    }
}

/// Appends to `out` the terminal-safe `cell` of display width `natural` in a column of
/// `width`: whole, or cut to the width; isolated when `isolate` and right-to-left (cut first,
/// then isolated, so every isolate closes). Gives the display width shown.
fn push_fitted(out: &mut String, cell: &str, natural: usize, width: usize, isolate: bool) -> usize {
    if natural <= width {
        // Whole, as `fit::truncate` keeps it: no copy unless isolated.
        if isolate {
            out.push_str(&isolated(cell.to_owned(), true));
        } else {
            out.push_str(cell);
        }
        natural
    } else {
        let cut = fit::truncate(cell, width);
        let shown = cut.width();
        out.push_str(&isolated(cut, isolate));
        shown
    }
}

/// The display width of a terminal-safe `cell`: its length when it is printable ASCII, one
/// column a byte (most cells: dates, kinds, ids), else as `unicode-width` measures it.
fn display_width(cell: &str) -> usize {
    if cell.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        cell.len()
    } else {
        cell.width()
    }
}

/// Appends `n` spaces to `out`.
fn pad(out: &mut String, n: usize) {
    const SPACES: &str = "                                                                ";
    let mut left = n;
    while left > 0 {
        let now = left.min(SPACES.len());
        out.push_str(&SPACES[..now]);
        left -= now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displayable_text_keeps_lines_and_balanced_isolates_only() {
        assert_eq!(displayable("plain\nlines"), "plain\nlines");
        assert_eq!(displayable("a\u{1b}[2Jb\u{9b}c\u{202e}d\r\n"), "a[2Jbcd\n");
        assert_eq!(
            displayable("\u{2069}x \u{2068}ar\u{2069} \u{2068}open\nnext"),
            "x \u{2068}ar\u{2069} \u{2068}open\u{2069}\nnext"
        );
        assert_eq!(displayable("\u{1b}]52;c;SGVsbG8=\u{7}"), "]52;c;SGVsbG8=");
    }

    proptest::proptest! {
        /// Whatever the text, what is printed holds no invisible character but line feeds
        /// and isolates, each isolate closed on its own line, and the visible characters in
        /// their order.
        #[test]
        fn nothing_invisible_survives_and_isolates_balance(
            text in "[a-zب \n\t\r\u{0}\u{1b}\u{7f}\u{9b}\u{200b}\u{202e}\u{2066}\u{2068}\u{2069}\u{fffe}\u{e0041}]{0,32}",
        ) {
            proptest::prop_assert_eq!(
                has_invisible(&text),
                text.chars().any(|c| c != '\n' && is_invisible(c))
            );
            let shown = displayable(&text);
            for line in shown.split('\n') {
                let mut open = 0i32;
                for c in line.chars() {
                    match c {
                        ISOLATE => open += 1,
                        POP_ISOLATE => open -= 1,
                        c => proptest::prop_assert!(!is_invisible(c), "{c:?} in {shown:?}"),
                    }
                    proptest::prop_assert!(open >= 0, "{shown:?}");
                }
                proptest::prop_assert_eq!(open, 0, "{:?}", shown);
            }
            let visible = |t: &str| -> String { t.chars().filter(|&c| !is_invisible(c)).collect() };
            proptest::prop_assert_eq!(visible(&shown), visible(&text));
        }
    }

    proptest::proptest! {
        /// A fitted table: every line within the width in display columns, every isolate
        /// closed on its line, every cell a prefix of whole characters of its text.
        #[test]
        fn a_fitted_table_fits_and_keeps_its_isolates_balanced(
            cells in proptest::collection::vec(
                proptest::collection::vec("[a-z ب\u{064e}中é\u{202e}\u{2068}\u{2069}]{0,30}", 1..7),
                1..5,
            ),
            width in super::fit::MIN_WIDTH..120,
            keep in 0usize..7,
        ) {
            let mut table = Table::new(&["ID", "NAME"]).keep_whole(keep);
            for row in &cells {
                table.row(row.clone());
            }
            let shown = table.render_within(Some(width), true);
            for line in shown.lines() {
                proptest::prop_assert!(line.width() <= width, "{line:?} > {width}");
                let mut open = 0i32;
                for c in line.chars() {
                    match c {
                        ISOLATE => open += 1,
                        POP_ISOLATE => open -= 1,
                        c => proptest::prop_assert!(!is_invisible(c), "{c:?} in {line:?}"),
                    }
                    proptest::prop_assert!((0..=1).contains(&open), "{line:?}");
                }
                proptest::prop_assert_eq!(open, 0, "{:?}", line);
            }
            proptest::prop_assert_eq!(shown.lines().count(), cells.len() + 1);
            // Made in parts of two rows, appended.
            let mut appended = Table::new(&["ID", "NAME"]).keep_whole(keep);
            appended.append(
                (cells.chunks(2))
                    .map(|rows| {
                        let mut part = Table::default();
                        for row in rows {
                            part.row(row.clone());
                        }
                        part
                    })
                    .collect(),
            );
            proptest::prop_assert_eq!(appended.render_within(Some(width), true), shown);
            proptest::prop_assert_eq!(
                table.render_within(None, false),
                table.render_within(Some(10_000), false)
            );
        }
    }
}
