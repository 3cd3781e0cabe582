//! Figures of the report in the house theme: stacked bars per year or per
//! category, lines over years, ranked horizontal bars, dot strips on a log
//! axis, dumbbells and small multiples, each rendered to SVG and PNG.
//!
//! Takes figure texts (number, title, unit line, source, notes, description)
//! and plain data (series of `(year, value)` points or labelled bars);
//! returns a [`Figure`] holding an accessible SVG (with `<title>` and
//! `<desc>`) and a PNG of the same drawing, byte-identical from run to run.
//! It must never panic on empty or odd input (no series, one year, zeros,
//! NaN) — it draws a sensible chart or returns [`ChartError`] — never use a
//! system font (Inter is embedded), never touch the file system and never
//! print.
//!
//! The layout is computed once into a backend-neutral `scene::Scene` that
//! is then painted on plotters' SVG and bitmap backends.

mod axis;
mod bars;
mod dumbbell;
mod frame;
mod glyphs;
mod lines;
mod multiples;
mod scene;
mod strip;
mod theme;

pub use crate::error::ChartError;
use frame::Furniture;

/// Texts around a figure.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FigureText {
    /// Figure identifier used in errors, e.g. "F1".
    pub id: String,
    /// 2 → the title is drawn as "Figure II. {title}" (the document's roman numerals).
    pub number: u32,
    pub title: String,
    /// Unit line, e.g. "Rate per 100,000 population".
    pub subtitle: String,
    /// E.g. "Source: UNODC, UN-CTS (release 2 June 2025); World Bank population."
    pub source: String,
    /// Extra footnote lines drawn under the chart.
    pub notes: Vec<String>,
    /// Goes into the SVG `<desc>`.
    pub description: String,
    /// Drawn for a document that sets the number, title, unit line, notes and source as its
    /// own text: no title block and no footer but the chart's own notes.
    pub bare: bool,
    /// The chart's own words in the document's language.
    pub words: ChartWords,
}

thread_local! {
    /// The number style of the chart being drawn on this thread (see [`in_style`]).
    static STYLE: std::cell::Cell<&'static crate::format::style::Rules> =
        const { std::cell::Cell::new(&crate::format::style::ENGLISH) };
}

/// Runs `draw` with the charts' numbers (ticks, values, totals) in the style of `rules`,
/// then restores the previous style: every chart drawn inside prints "1 234,5" for French.
pub fn in_style<T>(rules: &'static crate::format::style::Rules, draw: impl FnOnce() -> T) -> T {
    let before = STYLE.with(|s| s.replace(rules));
    let out = draw();
    STYLE.with(|s| s.set(before));
    out
}

/// A number as the chart being drawn prints it (its document language's style).
pub(crate) fn number(x: f64, decimals: usize) -> String {
    STYLE.with(|s| s.get().number(x, decimals))
}

/// The words a chart draws itself: the title block's "Figure", empty-chart notices, legend
/// entries. English by default; the report gives the document language's.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartWords {
    pub figure: String,
    /// In an empty chart.
    pub no_data: String,
    /// In an empty small chart.
    pub no_data_short: String,
    /// In place of a bar's value.
    pub no_value: String,
    pub rate: String,
    pub moving_average: String,
    pub series_break: String,
    pub increase: String,
    pub decrease: String,
    pub no_change: String,
}

impl Default for ChartWords {
    fn default() -> ChartWords {
        let s = |x: &str| x.to_string();
        ChartWords {
            figure: s("Figure"),
            no_data: s("No data to show"),
            no_data_short: s("No data"),
            no_value: s("no data"),
            rate: s("Rate"),
            moving_average: s("3-year moving average"),
            series_break: s("Series break"),
            increase: s("Increase"),
            decrease: s("Decrease"),
            no_change: s("No change"),
        }
    }
}

/// A named sequence of `(year, value)` points.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    pub name: String,
    pub points: Vec<(i32, f64)>,
}

/// One bar of a ranked horizontal bar chart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// Drawn after the printed value at the bar's end, e.g. "2022†"; may be empty.
    pub annotation: String,
}

/// One dot of a strip chart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dot {
    /// Row the dot belongs to, e.g. a region.
    pub group: String,
    /// The unit, e.g. a country; the highest unit of each row is labelled.
    pub label: String,
    pub value: f64,
}

/// One row of a dumbbell chart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dumbbell {
    pub label: String,
    pub start: f64,
    pub end: f64,
    /// Printed after the row, e.g. "b"; may be empty.
    pub flag: String,
}

/// One panel of a small-multiples figure.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Panel {
    pub title: String,
    pub rate: Vec<(i32, f64)>,
    pub moving_average: Vec<(i32, f64)>,
    /// Years in which the series breaks (drawn between the year and the one before).
    pub breaks: Vec<i32>,
}

/// A rendered figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub svg: String,
    pub png: Vec<u8>,
}

/// Tallest canvas ever produced (horizontal bars grow with their count).
const MAX_HEIGHT: i32 = 16_000;
/// Smallest height left for the chart body between header and footer.
const MIN_BODY: i32 = 300;
/// Widest year range a year axis accepts.
const MAX_YEAR_SPAN: i64 = 500;

/// One stacked bar per year, one segment per series (e.g. countries
/// reporting, by region), on an integer value axis. Missing, negative and
/// non-finite values count as zero; points for years not in `years` are
/// ignored.
pub fn stacked_bars(
    text: &FigureText,
    years: &[i32],
    series: &[Series],
    y_label: &str,
) -> Result<Figure, ChartError> {
    render(text, || bars::stacked(text, years, series, y_label))
}

/// One line per series over the years, with a distinct marker shape per
/// series. Missing years and non-finite values break the line. If the last
/// of several series is named like a total ("All countries", "Total",
/// "World", "Global", "Overall …"), it is drawn thicker and in black.
pub fn lines(text: &FigureText, series: &[Series], y_label: &str) -> Result<Figure, ChartError> {
    render(text, || lines::layout(text, series, y_label))
}

/// Ranked bars, first bar at the top, labels on the left; each bar's value is
/// printed at its end with one decimal, followed by its annotation. The
/// canvas grows taller with the number of bars.
pub fn horizontal_bars(
    text: &FigureText,
    bars: &[Bar],
    x_label: &str,
) -> Result<Figure, ChartError> {
    render(text, || bars::horizontal(text, bars, x_label))
}

/// Dot strip on a logarithmic x axis: one row per group (in the order of
/// `groups`, then any group only found in `dots`), one translucent dot per
/// unit, jittered vertically so that close values stay visible, the
/// group's median (from `medians`) as a dark vertical bar labelled "Median
/// x", and the highest unit of each row labelled by name. Values ≤ 0 are
/// drawn as hollow circles in a separate "0" column at the left and the
/// note "n units with a rate of 0 shown at left" is added after the notes;
/// non-finite values are left out. Decades (…, 0.1, 1, 10, 100, …) are
/// labelled plainly. The canvas grows taller with the number of groups.
pub fn strip_log(
    text: &FigureText,
    groups: &[String],
    dots: &[Dot],
    medians: &[(String, f64)],
    x_label: &str,
) -> Result<Figure, ChartError> {
    let text = strip::with_zero_note(text, dots);
    render(&text, || {
        strip::layout(&text, groups, dots, medians, x_label)
    })
}

/// One row per unit, first at the top: a hollow circle at `start`, a filled
/// one at `end`, joined by a line coloured by the sign of `end − start`
/// (vermillion up, blue down, grey equal); a circle inside a ring when both
/// coincide. Labels sit on the left, `flag` after the rightmost marker. The
/// legend names the markers `start_name` and `end_name` and the colours
/// that occur. Non-finite values are left out (a row with neither prints
/// "no data"). The canvas grows taller with the number of rows.
pub fn dumbbell(
    text: &FigureText,
    rows: &[Dumbbell],
    start_name: &str,
    end_name: &str,
    x_label: &str,
) -> Result<Figure, ChartError> {
    render(text, || {
        dumbbell::layout(text, rows, start_name, end_name, x_label)
    })
}

/// A grid of small line charts, four per row, sharing the year range of
/// all panels but each with its own value axis from 0: `rate` solid with
/// small markers, `moving_average` dashed in near-black (missing years
/// break both), a dotted vertical line marked "b" before each year in
/// `breaks`. Long panel titles are shortened with "…". The shared legend
/// lists "Rate", and "3-year moving average" and "Series break" when some
/// panel has them. The canvas grows taller with the number of rows.
pub fn small_multiples(text: &FigureText, panels: &[Panel]) -> Result<Figure, ChartError> {
    render(text, || multiples::layout(text, panels))
}

/// One stacked bar per category (in the given order, labels wrapped under
/// the bars), one segment per series in the given order, the total printed
/// above each bar. `series` holds one value per category; missing,
/// negative and non-finite values count as zero. The value axis and totals
/// use whole numbers when every value is whole.
pub fn stacked_bars_by_category(
    text: &FigureText,
    categories: &[String],
    series: &[(String, Vec<f64>)],
    y_label: &str,
) -> Result<Figure, ChartError> {
    render(text, || {
        bars::by_category(text, categories, series, y_label)
    })
}

/// Height of a fixed-size chart: the house height, or taller when long
/// titles, legends or notes would leave less than `MIN_BODY` for the chart.
fn fixed_canvas_height(furniture: &Furniture, height: i32) -> i32 {
    let needed = furniture.header_height() + MIN_BODY + furniture.footer_height();
    height.max(needed).min(MAX_HEIGHT)
}

/// The canvas of a chart drawn one row per item under an x axis (horizontal bars, dumbbells,
/// dot strips): rows of equal height between `min_row` and `max_row` pixels, the whole no
/// taller than `MAX_HEIGHT`. `None` holds the "no data" scene when there are no items; `what`
/// names the items in the error when they cannot fit.
struct RowCanvas {
    scene: scene::Scene,
    region: frame::Region,
    /// Height of one row.
    row: i32,
    /// Number of rows.
    count: i32,
}

fn row_canvas(
    furniture: Furniture,
    x_label: &str,
    count: usize,
    (min_row, max_row): (i32, i32),
    what: &str,
) -> Result<Result<RowCanvas, scene::Scene>, String> {
    use theme::TextKind;
    let axis_height = 10
        + TextKind::Tick.line_height()
        + if x_label.trim().is_empty() {
            0
        } else {
            10 + TextKind::Label.line_height()
        };
    let fixed = furniture.header_height() + furniture.footer_height() + axis_height;
    if count == 0 {
        let height = fixed_canvas_height(&furniture, theme::HEIGHT);
        let message = furniture.no_data.clone();
        let (mut scene, region) = furniture.into_scene(height);
        axis::no_data(&mut scene, region, &message);
        return Ok(Err(scene));
    }
    let n = i32::try_from(count).unwrap_or(i32::MAX);
    let row = ((theme::HEIGHT - fixed) / n).clamp(min_row, max_row);
    let height = row
        .checked_mul(n)
        .and_then(|rows| rows.checked_add(fixed))
        .filter(|&h| h <= MAX_HEIGHT)
        .ok_or_else(|| {
            format!("{count} {what} do not fit in a figure of at most {MAX_HEIGHT} pixels")
        })?;
    let (scene, region) = furniture.into_scene(height);
    Ok(Ok(RowCanvas {
        scene,
        region,
        row,
        count: n,
    }))
}

fn check_year_span(first: i32, last: i32) -> Result<(), String> {
    let span = i64::from(last) - i64::from(first);
    if span > MAX_YEAR_SPAN {
        Err(format!(
            "years {first}–{last} span more than {MAX_YEAR_SPAN} years"
        ))
    } else {
        Ok(())
    }
}

fn render(
    text: &FigureText,
    layout: impl FnOnce() -> Result<scene::Scene, String>,
) -> Result<Figure, ChartError> {
    let draw_error = |message: String| ChartError::Draw {
        figure: text.id.clone(),
        message,
    };
    theme::ensure_fonts().map_err(draw_error)?;
    let scene = layout().map_err(draw_error)?;
    let svg = scene::svg(&scene).map_err(draw_error)?;
    let svg = finish_svg(&svg, text).map_err(draw_error)?;
    let png = scene::png(&scene).map_err(draw_error)?;
    Ok(Figure { svg, png })
}

fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Adds `<title>` and `<desc>` after the opening `<svg …>` tag, lists Inter
/// first with a generic fallback, and makes SVG text match the bitmap:
/// plotters writes `font-size = size / 1.24` and a baseline 0.76 em below
/// the anchor, while its rasteriser draws an em of `size × units_per_em /
/// (ascent − descent)` with the baseline `size / 2` below the anchor.
fn finish_svg(svg: &str, text: &FigureText) -> Result<String, String> {
    let open = svg
        .find("<svg")
        .and_then(|start| svg[start..].find('>').map(|end| start + end + 1))
        .ok_or("plotters produced no <svg> element")?;
    let title = format!(
        "{} {}. {}",
        text.words.figure,
        crate::format::roman(text.number),
        text.title.trim()
    );
    let mut body = svg[open..].replace(
        &format!("font-family=\"{}\"", theme::FAMILY),
        &format!("font-family=\"{}, sans-serif\"", theme::FAMILY),
    );
    if let Some(em) = theme::metrics(theme::TextKind::Label).map(|m| m.em_per_size()) {
        body = body.replace("dy=\"0.76em\"", &format!("dy=\"{:.3}em\"", 0.5 / em));
        for kind in theme::TextKind::ALL {
            body = body.replace(
                &format!("font-size=\"{}\"", kind.size() / 1.24),
                &format!("font-size=\"{:.2}\"", kind.size() * em),
            );
        }
    }
    let title = if text.bare {
        String::new()
    } else {
        format!("\n<title>{}</title>", xml_escape(&title))
    };
    Ok(format!(
        "{}{title}\n<desc>{}</desc>{}",
        &svg[..open],
        xml_escape(&text.description),
        body
    ))
}

#[cfg(test)]
mod tests;
