//! The report's tables and figures as it prints them, outside a full build: the `preview` table
//! of `run`, any table's printed cells, a figure's series as its legend names them; and the
//! naming of a figure's series by its `series_text`.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::spec::{FigureSpec, ReportSpec};
use super::tables::{self, table_ctx};
use super::templates::SpecTexts;
use crate::config::Pipeline;
use crate::error::Result;
use crate::store::table::{Table, Value};

/// The first `rows` rows of the spec's `preview` table as the report prints them (formatted
/// cells as text, the report's headers), with its caption; `None` without a preview.
pub fn preview(
    pipeline: &Pipeline,
    spec: &ReportSpec,
    results: &BTreeMap<String, Table>,
    rows: usize,
) -> Result<Option<(String, Table)>> {
    match &spec.preview {
        Some(id) => printed_table(pipeline, spec, results, id, rows),
        None => Ok(None),
    }
}

/// The first `rows` rows of table `id` of the spec as the report prints them (formatted cells
/// and the texts of `text` columns, the report's headers), with its caption; `None` when the
/// spec has no such table or its query no result.
pub fn printed_table(
    pipeline: &Pipeline,
    spec: &ReportSpec,
    results: &BTreeMap<String, Table>,
    id: &str,
    rows: usize,
) -> Result<Option<(String, Table)>> {
    let Some((i, t)) = spec.tables.iter().enumerate().find(|(_, t)| t.id == id) else {
        return Ok(None);
    };
    let Some(table) = results.get(&t.query) else {
        return Ok(None);
    };
    let texts = SpecTexts::new(pipeline, spec)?;
    let render = |s: &str, row: Option<&minijinja::Value>| texts.render(s, row);
    let notes = texts.notes(&t.id)?;
    let t = table_ctx(
        &pipeline.report_dir,
        t,
        i as u32 + 1,
        (table, None),
        &render,
        notes,
        pipeline.document.lang().rules(),
    )?;
    let shown = Table {
        columns: t.headers.clone(),
        rows: t
            .rows
            .iter()
            .take(rows)
            .map(|r| r.iter().map(|c| Value::Text(c.clone())).collect())
            .collect(),
    };
    Ok(Some((format!("Table {}. {}", t.number, t.title), shown)))
}

/// Figure `id`'s query result as the figure draws it: each row's series named by the figure's
/// `series_text`; `None` when the spec has no such figure or its query no result.
pub fn figure_table(
    pipeline: &Pipeline,
    spec: &ReportSpec,
    results: &BTreeMap<String, Table>,
    id: &str,
) -> Result<Option<Table>> {
    let Some(f) = spec.figures.iter().find(|f| f.id == id) else {
        return Ok(None);
    };
    let Some(table) = results.get(&f.query) else {
        return Ok(None);
    };
    let texts = SpecTexts::new(pipeline, spec)?;
    let named = series_named(f, table, &|s, row| texts.render(s, Some(row)))?;
    Ok(Some(named.into_owned()))
}

/// The figure's query result with each row's series named by the figure's `series_text` (a
/// template over the row), when it has one; the query's own result otherwise.
pub(super) fn series_named<'t>(
    f: &FigureSpec,
    table: &'t Table,
    row_text: &dyn Fn(&str, &minijinja::Value) -> Result<String>,
) -> Result<Cow<'t, Table>> {
    let (Some(template), Some(column)) = (&f.series_text, f.series_column()) else {
        return Ok(Cow::Borrowed(table));
    };
    let Some(i) = table.column(column) else {
        return Ok(Cow::Borrowed(table));
    };
    let mut named = table.clone();
    for (row, original) in named.rows.iter_mut().zip(&table.rows) {
        row[i] = Value::Text(row_text(template, &tables::row_value(table, original))?);
    }
    Ok(Cow::Owned(named))
}
