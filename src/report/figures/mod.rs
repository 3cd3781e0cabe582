//! Figures of the report: each figure spec drawn from its query's result, with its alt text
//! and its data table; one module per chart kind.

mod bars;
mod dumbbell;
mod multiples;
mod strip;
mod xy;

use super::*;
use spec::Chart;

/// The index of query column `name` in `table`, or an error naming the figure and the columns
/// the query has.
pub(super) fn column(dir: &Path, f: &FigureSpec, table: &Table, name: &str) -> Result<usize> {
    table.column(name).ok_or_else(|| Error::Report {
        file: dir.join("report.yaml"),
        message: format!(
            "figure {}: query {} has no column `{name}` (it has {})",
            f.id,
            f.query,
            table.columns.join(", ")
        ),
    })
}

/// The figures' own words (alt text, data tables) from the catalogue's `figure-…` messages,
/// and the numbers in the style of the document's language.
pub(super) struct Fw<'a> {
    pub(super) catalogue: &'a crate::i18n::Catalogue,
    pub(super) rules: &'static format::style::Rules,
}

/// The words a chart draws itself, from the catalogue (`figure-chart`), its title block's
/// "Figure" from the document's cross-reference noun.
pub(super) fn chart_words(
    catalogue: &crate::i18n::Catalogue,
    doc: &document::DocWords,
) -> Result<chart::ChartWords> {
    let m = |a: &str| catalogue.format(&format!("figure-chart.{a}"), None);
    Ok(chart::ChartWords {
        figure: document::build::capital(&doc.figure[0]),
        no_data: m("no-data")?,
        no_data_short: m("no-data-short")?,
        no_value: m("no-value")?,
        rate: m("rate")?,
        moving_average: m("moving-average")?,
        series_break: m("series-break")?,
        increase: m("increase")?,
        decrease: m("decrease")?,
        no_change: m("no-change")?,
    })
}

/// A message's argument: a text, or a whole number printed as its digits.
pub(super) enum A {
    T(String),
    N(f64),
}

impl Fw<'_> {
    /// Message `key` with `args`.
    pub(super) fn say(&self, key: &str, args: &[(&str, A)]) -> Result<String> {
        let mut a = fluent_bundle::FluentArgs::new();
        for (k, v) in args {
            a.set(
                *k,
                match v {
                    A::T(s) => crate::i18n::text(s.clone()),
                    A::N(x) => crate::i18n::Arg::new(Some(*x)).into_value(),
                },
            );
        }
        self.catalogue.format(key, Some(&a))
    }

    /// A heading of a figure's data table: `figure-data.<name>`.
    pub(super) fn heading(&self, name: &str) -> Result<String> {
        self.catalogue.format(&format!("figure-data.{name}"), None)
    }

    /// A number with `decimals` decimals in the language's style.
    pub(super) fn number(&self, x: f64, decimals: usize) -> String {
        self.rules.number(x, decimals)
    }

    /// A value as a figure's data table and alt text print it: whole numbers without
    /// decimals, others with one.
    pub(super) fn value(&self, v: f64) -> String {
        self.rules.number(v, if v.fract() == 0.0 { 0 } else { 1 })
    }
}

/// What drawing one figure gives: the figure, its alt text and its data table.
type Drawn = (chart::Figure, String, TableCtx);

/// Draw one figure; `names` are the dumbbell's legend names, templated.
pub(super) fn draw(
    dir: &Path,
    f: &FigureSpec,
    text: FigureText,
    table: &Table,
    names: &(String, String),
    w: &Fw,
) -> Result<Drawn> {
    let data = TableCtx {
        id: f.id.clone(),
        number: text.number,
        title: w.say(
            "figure-data.title",
            &[("number", A::N(f64::from(text.number)))],
        )?,
        headers: Vec::new(),
        rows: Vec::new(),
        notes: Vec::new(),
        numeric: Vec::new(),
        values: Vec::new(),
        formats: Vec::new(),
        cells: Vec::new(),
    };
    let col = |name: &str| column(dir, f, table, name);
    match &f.chart {
        Chart::StackedBars { x, y, series } => {
            let xi = col(x)?;
            if table.rows.iter().any(|r| matches!(r[xi], Value::Text(_))) {
                xy::stacked_by_category(f, text, table, (xi, col(y)?, col(series)?), x, data, w)
            } else {
                xy::over_years(f, text, table, (xi, col(y)?, col(series)?), data, true, w)
            }
        }
        Chart::Lines { x, y, series } => xy::over_years(
            f,
            text,
            table,
            (col(x)?, col(y)?, col(series)?),
            data,
            false,
            w,
        ),
        Chart::HorizontalBars {
            label,
            y,
            annotation,
        } => {
            let ai = annotation.as_deref().map(col).transpose()?;
            bars::draw(f, text, table, (col(label)?, col(y)?, ai), data, w)
        }
        Chart::Strip {
            series,
            label,
            y,
            median,
        } => strip::draw(
            f,
            text,
            table,
            (col(series)?, col(label)?, col(y)?, col(median)?),
            data,
            w,
        ),
        Chart::Dumbbell {
            label,
            start,
            end,
            annotation,
            ..
        } => {
            let ai = annotation.as_deref().map(col).transpose()?;
            dumbbell::draw(
                f,
                text,
                table,
                (col(label)?, col(start)?, col(end)?, ai),
                names,
                data,
                w,
            )
        }
        Chart::SmallMultiples {
            x,
            y,
            series,
            secondary,
            marks,
        } => multiples::draw(
            f,
            text,
            table,
            (col(x)?, col(y)?, col(series)?, col(secondary)?, col(marks)?),
            data,
            w,
        ),
    }
}
