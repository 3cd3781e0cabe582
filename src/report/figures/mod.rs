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

/// A value as a figure's data table and alt text print it: whole numbers without decimals,
/// others with one.
fn value_fmt(v: f64) -> String {
    if v.fract() == 0.0 {
        format::number(v, 0)
    } else {
        format::number(v, 1)
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
) -> Result<Drawn> {
    let data = TableCtx {
        id: f.id.clone(),
        number: text.number,
        title: format!("Data for figure {}", text.number),
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
                xy::stacked_by_category(f, text, table, (xi, col(y)?, col(series)?), x, data)
            } else {
                xy::over_years(f, text, table, (xi, col(y)?, col(series)?), data, true)
            }
        }
        Chart::Lines { x, y, series } => xy::over_years(
            f,
            text,
            table,
            (col(x)?, col(y)?, col(series)?),
            data,
            false,
        ),
        Chart::HorizontalBars {
            label,
            y,
            annotation,
        } => {
            let ai = annotation.as_deref().map(col).transpose()?;
            bars::draw(f, text, table, (col(label)?, col(y)?, ai), data)
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
        ),
    }
}
