//! Laying a timeline chart out on a page: the title, one band per row with its bars in lanes,
//! the date axis with its grid, and a legend of the marks the chart uses.

use graphviz_rust::dot_structures::{Attribute, Id, Stmt};

use super::bars::{Bar, Row, Spans, lanes};
use super::canvas::{Align, Canvas, number, text_width};
use crate::export::Lang;
use crate::export::dot::{attr, colour, label, wrap};
use crate::graph::{EntityIx, Graph};
use crate::i18n::{self, Phrase, Term};
use crate::model::{Day, PartialDate, Status};

/// Space around the chart, in points.
const MARGIN: f64 = 6.0;
/// The width of the time axis.
const PLOT_WIDTH: f64 = 500.0;
/// The widest the column of row names may be.
const MAX_NAMES: f64 = 150.0;
/// Font sizes: names and bar labels, the axis, the title.
const FONT: f64 = 9.0;
const AXIS_FONT: f64 = 9.0;
const TITLE_FONT: f64 = 13.0;
/// A lane's height and a bar's.
const LANE: f64 = 15.0;
const BAR: f64 = 10.0;
/// Space above and below the lanes of a row.
const ROW_PAD: f64 = 3.0;
/// Row names are wrapped at about this many characters.
const NAME_WRAP: usize = 26;

/// Colour-blind-safe colours (Okabe and Ito) for the holders of towns, in order of first
/// appearance; a ninth holder takes the first colour again (bars are named, so colours only
/// help the eye).
const HOLDERS: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442",
];

/// What a chart draws with, and the marks it used (for the legend).
pub(super) struct Chart<'g> {
    /// The graph.
    pub graph: &'g Graph,
    /// The language of the words.
    pub lang: Lang,
    /// Bars coloured and named by the entity at their other end (towns), else by kind.
    pub by_holder: bool,
    /// The first and last day of the axis.
    pub days: (Day, Day),
}

/// The marks a chart used.
#[derive(Default)]
struct Marks {
    imprecise: bool,
    open: bool,
    event: bool,
    doubtful: bool,
    negated: bool,
}

/// The page being laid out.
struct Page {
    canvas: Canvas,
    marks: Marks,
    holders: Vec<EntityIx>,
    plot_left: f64,
    per_day: f64,
}

/// What the parts of one bar share: their node ids' prefix, colour, tooltip, line style and
/// top.
struct BarStyle {
    prefix: String,
    fill: &'static str,
    tooltip: Attribute,
    negated: bool,
    doubtful: bool,
    top: f64,
}

impl BarStyle {
    /// The node id of the bar's `part`.
    fn id(&self, part: &str) -> String {
        format!("{}_{part}", self.prefix)
    }
}

/// Shades the days `[from, to]` of a bar where its start or end may fall (`fade`: the
/// gradient), when they are wide enough to see.
fn shade(page: &mut Page, style: &BarStyle, part: &str, [from, to]: [f64; 2], fade: String) {
    if to - from >= 0.5 {
        page.marks.imprecise = true;
        let attrs = vec![attr("fillcolor", &fade), style.tooltip.clone()];
        page.canvas
            .rect(style.id(part), [from, style.top, to - from, BAR], attrs);
    }
}

impl Chart<'_> {
    /// The chart's nodes: title, rows, axis, legend.
    pub fn draw(&self, rows: &[Row], undated: usize, title: Option<&str>) -> Vec<Stmt> {
        let names = self.names_width(rows);
        let (first, last) = self.days;
        let mut page = Page {
            canvas: Canvas::new(self.lang == Lang::Ar),
            marks: Marks::default(),
            holders: Vec::new(),
            plot_left: MARGIN + names + 6.0,
            per_day: PLOT_WIDTH / f64::from(last.0 - first.0 + 1),
        };
        let mut top = MARGIN;
        if let Some(title) = title {
            let anchor = (MARGIN, top + TITLE_FONT * 0.7, Align::Start);
            page.canvas
                .text("title".into(), &[title], anchor, TITLE_FONT, vec![]);
            top += TITLE_FONT * 1.8;
        }
        let plot_top = top;
        let mut bands = Vec::new();
        for row in rows {
            let height = self.row(&mut page, row, top, names);
            bands.push((top, height));
            top += height;
        }
        self.axis(&mut page, plot_top, top);
        self.legend(&mut page, top + AXIS_FONT * 4.5, undated);
        let width = page.plot_left + PLOT_WIDTH + 60.0;
        let mut stmts = backgrounds(&bands, width, page.canvas.right_to_left());
        stmts.extend(page.canvas.into_stmts(width));
        stmts
    }

    /// The width of the column of row names.
    fn names_width(&self, rows: &[Row]) -> f64 {
        let widest = rows
            .iter()
            .flat_map(|r| wrap(self.lang.name_of(self.graph.entity(r.entity)), NAME_WRAP))
            .map(|line| text_width(&line, FONT))
            .fold(0.0, f64::max);
        widest.min(MAX_NAMES)
    }

    /// The x of the start of `day`.
    fn x(&self, page: &Page, day: Day) -> f64 {
        page.plot_left + f64::from(day.0 - self.days.0.0) * page.per_day
    }

    /// Draws a row from `top`: its name and its bars in lanes. Returns its height.
    fn row(&self, page: &mut Page, row: &Row, top: f64, names: f64) -> f64 {
        let placed: Vec<(Bar, Spans, String, [f64; 2])> = row
            .bars
            .iter()
            .map(|&bar| {
                let spans = bar.dates.spans(self.days.0, self.days.1);
                let text = self.bar_label(bar);
                let from = self.x(page, spans.start.0);
                let to = self.x(page, Day(spans.end.1.0 + 1));
                (bar, spans, text, [from, to])
            })
            .collect();
        let extents: Vec<(f64, f64)> = placed
            .iter()
            .map(|(bar, _, text, [from, to])| {
                let core = to - from;
                let text_w = text_width(text, FONT);
                let outside = text_w + 6.0 > core || bar.dates.event;
                (*from, if outside { to + 4.0 + text_w } else { *to })
            })
            .collect();
        let (lane_of, count) = lanes(&extents, 3.0);
        let height = count as f64 * LANE + 2.0 * ROW_PAD;
        let entity = self.graph.entity(row.entity);
        let name = wrap(self.lang.name_of(entity), NAME_WRAP);
        let name: Vec<&str> = name.iter().map(String::as_str).collect();
        let anchor = (MARGIN + names, top + height / 2.0, Align::End);
        let id = format!("row_{}", entity.id);
        page.canvas.text(id, &name, anchor, FONT, vec![]);
        for ((bar, spans, text, _), lane) in placed.into_iter().zip(lane_of) {
            let lane_top = top + ROW_PAD + lane as f64 * LANE + (LANE - BAR) / 2.0;
            self.bar(page, (bar, spans), &text, lane_top);
        }
        height
    }

    /// A bar's label: the holder's name, or the relation's kind; `NOT` before a negated one,
    /// its status after a doubtful one.
    fn bar_label(&self, bar: Bar) -> String {
        let relation = self.graph.relation(bar.relation);
        let mut text = if self.by_holder {
            let holder = self.graph.entity(bar.other);
            match self.lang {
                // The acronym (MNLA) when there is one: bars are short.
                Lang::En | Lang::Fr => holder.label().to_owned(),
                Lang::Ar => self.lang.name_of(holder).to_owned(),
            }
        } else {
            i18n::text(self.lang, Term::Kind(relation.kind)).to_owned()
        };
        if relation.negated {
            text = format!("{} {text}", i18n::phrase(Phrase::Not, self.lang));
        }
        if relation.status != Status::Asserted {
            text = format!(
                "{text} ({})",
                i18n::text(self.lang, Term::Status(relation.status))
            );
        }
        text
    }

    /// The colour of a bar.
    fn colour(&self, page: &mut Page, bar: Bar) -> &'static str {
        if !self.by_holder {
            return colour(self.graph.relation(bar.relation).kind);
        }
        let i = match page.holders.iter().position(|&h| h == bar.other) {
            Some(i) => i,
            None => {
                page.holders.push(bar.other);
                page.holders.len() - 1
            }
        };
        HOLDERS[i % HOLDERS.len()]
    }

    /// Draws one bar (or an event's diamond) at `top`, with its label inside or after it.
    fn bar(&self, page: &mut Page, (bar, spans): (Bar, Spans), text: &str, top: f64) {
        let relation = self.graph.relation(bar.relation);
        let style = BarStyle {
            prefix: format!("bar_{}", relation.id),
            fill: self.colour(page, bar),
            tooltip: Attribute(
                Id::Plain("tooltip".into()),
                label([format!("{} · {}", relation.dates(), relation.summary())]),
            ),
            negated: relation.negated,
            doubtful: relation.status != Status::Asserted,
            top,
        };
        // The x of the earliest and latest start, and of the earliest and latest end.
        let xs = [
            self.x(page, spans.start.0),
            self.x(page, spans.start.1),
            self.x(page, Day(spans.end.0.0 + 1)),
            self.x(page, Day(spans.end.1.0 + 1)),
        ];
        page.marks.doubtful |= style.doubtful;
        page.marks.negated |= style.negated;
        page.marks.event |= bar.dates.event;
        page.marks.open |= bar.dates.open && !bar.dates.event;
        if bar.dates.event {
            self.diamond(page, &style, xs, text);
            return;
        }
        let fill = style.fill;
        let (fade_in, fade_out) = if page.canvas.right_to_left() {
            (format!("{fill}:white"), format!("white:{fill}"))
        } else {
            (format!("white:{fill}"), format!("{fill}:white"))
        };
        shade(page, &style, "start", [xs[0], xs[1]], fade_in);
        let core_fill = match (style.negated, style.doubtful) {
            (true, _) => "white".to_owned(),
            (false, true) => format!("{fill}66"),
            (false, false) => fill.to_owned(),
        };
        let core = [xs[1], (xs[2] - xs[1]).max(1.5)];
        let mut attrs = vec![attr("fillcolor", &core_fill)];
        attrs.extend(outline(fill, style.negated, style.doubtful));
        attrs.push(style.tooltip.clone());
        page.canvas
            .rect(style.id("core"), [core[0], top, core[1], BAR], attrs);
        let end = xs[2].max(core[0] + core[1]);
        if bar.dates.open {
            let attrs = vec![
                attr("shape", "triangle"),
                attr("orientation", open_direction(page.canvas.right_to_left())),
                attr("fillcolor", fill),
            ];
            page.canvas
                .rect(style.id("open"), [end, top - 1.0, 6.0, BAR + 2.0], attrs);
        } else {
            shade(page, &style, "end", [xs[2], xs[3]], fade_out);
        }
        let after = xs[3].max(end) + if bar.dates.open { 6.0 } else { 0.0 };
        self.bar_text(page, &style, core, after, text);
    }

    /// An event (a relation of one day, however imprecise): a diamond in the middle of the
    /// days it may fall on, those days shaded, its label after.
    fn diamond(&self, page: &mut Page, style: &BarStyle, xs: [f64; 4], text: &str) {
        let fill = style.fill;
        shade(page, style, "span", [xs[0], xs[3]], format!("{fill}55"));
        let middle = (xs[0] + xs[3]) / 2.0;
        let mut attrs = vec![attr("shape", "diamond"), attr("fillcolor", fill)];
        attrs.extend(outline(fill, style.negated, style.doubtful));
        attrs.push(style.tooltip.clone());
        page.canvas.rect(
            style.id("core"),
            [middle - 5.0, style.top - 1.0, 10.0, BAR + 2.0],
            attrs,
        );
        let after = xs[3].max(middle + 5.0);
        self.outside_label(page, style.id("label"), text, after, style.top);
    }

    /// A bar's label: inside its certain part (`core`: left and width) when it fits, else
    /// just after the bar (at `after`).
    fn bar_text(&self, page: &mut Page, style: &BarStyle, core: [f64; 2], after: f64, text: &str) {
        if text_width(text, FONT) + 6.0 > core[1] {
            self.outside_label(page, style.id("label"), text, after, style.top);
            return;
        }
        let ink = if style.negated || style.doubtful {
            "black"
        } else {
            ink(style.fill)
        };
        let anchor = (
            core[0] + core[1] / 2.0,
            style.top + BAR / 2.0,
            Align::Centre,
        );
        page.canvas.text(
            style.id("label"),
            &[text],
            anchor,
            FONT,
            vec![attr("fontcolor", ink)],
        );
    }

    /// A label just after a bar that is too short to hold it.
    fn outside_label(&self, page: &mut Page, id: String, text: &str, after: f64, top: f64) {
        let anchor = (after + 3.0, top + BAR / 2.0, Align::Start);
        page.canvas.text(id, &[text], anchor, FONT, vec![]);
    }

    /// The grid and labels of the date axis below the rows, from `top` to `bottom`: a line at
    /// each month (darker at each year), month names when there is room (else the first month
    /// of each quarter), and the years.
    fn axis(&self, page: &mut Page, top: f64, bottom: f64) {
        let (first, last) = self.days;
        let (y, m, _) = first.civil();
        let mut month = PartialDate::from_parts(y as u16, m as u8, 0).ok();
        let widest = (1..=12)
            .map(|m| text_width(i18n::month(m, self.lang), AXIS_FONT))
            .fold(0.0, f64::max);
        let month_width = 30.0 * page.per_day;
        let every = if widest + 4.0 <= month_width { 1 } else { 3 };
        let mut years: Vec<(i64, f64, f64)> = Vec::new();
        while let Some(date) = month.filter(|d| d.first_day() <= last) {
            let (year, m, _) = date.parts();
            let from = self.x(page, date.first_day());
            let to = self.x(page, Day(date.last_day().0.min(last.0) + 1));
            let grid = if m == 1 { "#8c8c8c" } else { "#dddddd" };
            let line = vec![attr("fillcolor", grid)];
            let id = format!("axis_{year}_{m:02}");
            page.canvas
                .rect(id.clone(), [from, top, 0.6, bottom - top + 3.0], line);
            if (u32::from(m) - 1) % every == 0 && to - from >= widest * 0.6 {
                let anchor = ((from + to) / 2.0, bottom + AXIS_FONT, Align::Centre);
                let name = i18n::month(u32::from(m), self.lang);
                page.canvas
                    .text(format!("{id}_name"), &[name], anchor, AXIS_FONT, vec![]);
            }
            match years.last_mut() {
                Some((y, _, end)) if *y == i64::from(year) => *end = to,
                _ => years.push((i64::from(year), from, to)),
            }
            month = next_month(date);
        }
        for (year, from, to) in years {
            if to - from >= text_width("2012", FONT) {
                let anchor = ((from + to) / 2.0, bottom + AXIS_FONT * 2.6, Align::Centre);
                let text = year.to_string();
                page.canvas
                    .text(format!("axis_{year}"), &[&text], anchor, FONT, vec![]);
            }
        }
        let edge = self.x(page, Day(last.0 + 1));
        let frame = vec![attr("fillcolor", "#8c8c8c")];
        page.canvas.rect(
            "axis_end".into(),
            [edge, top, 0.6, bottom - top + 3.0],
            frame.clone(),
        );
        page.canvas.rect(
            "axis_line".into(),
            [page.plot_left, bottom, edge - page.plot_left, 0.8],
            frame,
        );
    }

    /// The legend from `top`: a sample and its words for each mark the chart used, in a
    /// line that wraps; a note on relations left out for lack of dates.
    fn legend(&self, page: &mut Page, top: f64, undated: usize) {
        let marks = std::mem::take(&mut page.marks);
        let samples = samples(&marks, page.canvas.right_to_left());
        let right = page.plot_left + PLOT_WIDTH;
        let mut x = page.plot_left;
        let mut y = top;
        for (id, phrase, attrs) in samples {
            let text = i18n::phrase(phrase, self.lang);
            let width = 22.0 + 4.0 + text_width(text, FONT) + 14.0;
            if x + width > right && x > page.plot_left {
                x = page.plot_left;
                y += LANE;
            }
            let small = attrs.iter().any(|a| a.0 == Id::Plain("shape".into()));
            let size = if small {
                [x + 8.0, y - 1.0, 8.0, BAR + 2.0]
            } else {
                [x, y, 22.0, BAR]
            };
            page.canvas.rect(format!("legend_{id}"), size, attrs);
            let anchor = (x + 26.0, y + BAR / 2.0, Align::Start);
            page.canvas
                .text(format!("legend_{id}_text"), &[text], anchor, FONT, vec![]);
            x += width;
        }
        if undated > 0 {
            y += LANE;
            let text = format!("{}: {undated}", i18n::phrase(Phrase::Undated, self.lang));
            let anchor = (page.plot_left, y + BAR / 2.0, Align::Start);
            page.canvas
                .text("legend_undated".into(), &[&text], anchor, FONT, vec![]);
        }
    }
}

/// The legend's samples: certain bars always, and each mark the chart used (`marks`).
fn samples(marks: &Marks, right_to_left: bool) -> Vec<(&'static str, Phrase, Vec<Attribute>)> {
    let grey = "#6f6f6f";
    let fade_in = if right_to_left {
        "#6f6f6f:white"
    } else {
        "white:#6f6f6f"
    };
    let mut samples: Vec<(&str, Phrase, Vec<Attribute>)> =
        vec![("certain", Phrase::Certain, vec![attr("fillcolor", grey)])];
    let optional = [
        (
            marks.imprecise,
            "imprecise",
            Phrase::Imprecise,
            vec![attr("fillcolor", fade_in)],
        ),
        (
            marks.open,
            "open",
            Phrase::Open,
            vec![
                attr("shape", "triangle"),
                attr("orientation", open_direction(right_to_left)),
                attr("fillcolor", grey),
            ],
        ),
        (marks.event, "event", Phrase::Event, {
            let mut a = vec![attr("shape", "diamond"), attr("fillcolor", grey)];
            a.extend(outline(grey, false, false));
            a
        }),
        (marks.doubtful, "doubtful", Phrase::Doubtful, {
            let mut a = vec![attr("fillcolor", "#6f6f6f66")];
            a.extend(outline(grey, false, true));
            a
        }),
        (marks.negated, "negated", Phrase::Negated, {
            let mut a = vec![attr("fillcolor", "white")];
            a.extend(outline(grey, true, false));
            a
        }),
    ];
    samples.extend(
        optional
            .into_iter()
            .filter(|(shown, ..)| *shown)
            .map(|(_, id, phrase, attrs)| (id, phrase, attrs)),
    );
    samples
}

/// Which way an open end's triangle points: forward in time.
fn open_direction(right_to_left: bool) -> &'static str {
    if right_to_left { "90" } else { "-90" }
}

/// Bands behind every other row, across the page, so that a row reads across.
fn backgrounds(bands: &[(f64, f64)], width: f64, right_to_left: bool) -> Vec<Stmt> {
    let mut canvas = Canvas::new(right_to_left);
    for (i, &(top, height)) in bands.iter().enumerate().filter(|(i, _)| i % 2 == 0) {
        let attrs = vec![attr("fillcolor", "#f2f2f2")];
        canvas.rect(
            format!("band_{i}"),
            [MARGIN, top, width - 2.0 * MARGIN, height],
            attrs,
        );
    }
    canvas.into_stmts(width).collect()
}

/// The border of a bar: none for a plain one; dashed in the bar's colour for a negated
/// (hollow) or doubtful (pale) one.
fn outline(colour: &str, negated: bool, doubtful: bool) -> Vec<Attribute> {
    match (negated, doubtful) {
        (false, false) => vec![],
        _ => vec![
            attr("color", colour),
            attr("penwidth", &number(if negated { 1.4 } else { 1.0 })),
            attr("style", "filled,dashed"),
        ],
    }
}

/// Black or white, whichever reads better on `fill` (`#rrggbb`), by its relative luminance.
fn ink(fill: &str) -> &'static str {
    let channel = |i: usize| {
        let value = u8::from_str_radix(fill.get(i..i + 2).unwrap_or("ff"), 16).unwrap_or(255);
        let c = f64::from(value) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    if luminance > 0.22 { "black" } else { "white" }
}

/// The month after `date` (a month).
fn next_month(date: PartialDate) -> Option<PartialDate> {
    let (year, month, _) = date.parts();
    if month == 12 {
        PartialDate::from_parts(year + 1, 1, 0).ok()
    } else {
        PartialDate::from_parts(year, month + 1, 0).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_reads_black_on_light_and_white_on_dark() {
        assert_eq!(ink("#F0E442"), "black");
        assert_eq!(ink("#E69F00"), "black");
        assert_eq!(ink("#0072B2"), "white");
        assert_eq!(ink("#000000"), "white");
    }
}
