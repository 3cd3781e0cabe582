//! Report specs: `reports/<name>/report.yaml` declares the figures and tables of a report.
//!
//! Takes the YAML text; returns a checked `ReportSpec`. A report author adds a figure or a
//! table here (query, chart kind, columns, titles, notes) without touching Rust. Never accepts
//! unknown keys; errors carry file:line:column.

use std::path::Path;

use serde::Deserialize;

use crate::config::diag::{self, Diag};
use crate::config::spans::Spans;
use crate::error::Result;

/// The whole report declaration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportSpec {
    /// Report title (a template: may use `{{ p.first_year }}` etc.).
    pub title: String,
    /// Figures, in order of appearance.
    pub figures: Vec<FigureSpec>,
    /// Tables, in order of appearance.
    pub tables: Vec<TableSpec>,
    /// Queries whose first row feeds the narrative (`n.N1.panel_n` in the template).
    pub narrative: Vec<String>,
    /// Footnotes printed at the end of the report (templates).
    pub footnotes: Vec<String>,
    /// The table whose first rows `run` prints, as the report formats them.
    #[serde(default)]
    pub preview: Option<String>,
}

/// Chart kinds a figure can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// One stacked bar per x value, one segment per series.
    StackedBars,
    /// One line per series.
    Lines,
    /// Ranked horizontal bars.
    HorizontalBars,
    /// Dots per unit on a log axis, one row per group, group medians marked.
    Strip,
    /// Two values per unit (start and end) joined by a line.
    Dumbbell,
    /// A grid of small line charts, one per unit, with a secondary line and marked years.
    SmallMultiples,
}

/// One figure: which query, which columns, which texts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureSpec {
    pub id: String,
    pub query: String,
    pub kind: ChartKind,
    /// Column with the x value (years) — stacked bars and lines.
    #[serde(default)]
    pub x: Option<String>,
    /// Column with the plotted value.
    pub y: String,
    /// Column naming the series — stacked bars and lines.
    #[serde(default)]
    pub series: Option<String>,
    /// Column with the bar label — horizontal bars.
    #[serde(default)]
    pub label: Option<String>,
    /// Column with text printed after the bar or row — horizontal bars, dumbbell.
    #[serde(default)]
    pub annotation: Option<String>,
    /// Column with each group's median — strip.
    #[serde(default)]
    pub median: Option<String>,
    /// Columns with the start and end values — dumbbell.
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    /// Legend names of the start and end markers — dumbbell (templates).
    #[serde(default)]
    pub start_name: Option<String>,
    #[serde(default)]
    pub end_name: Option<String>,
    /// Column with a second line (e.g. a moving average) — small multiples.
    #[serde(default)]
    pub secondary: Option<String>,
    /// Boolean column marking years (e.g. series breaks) — small multiples.
    #[serde(default)]
    pub marks: Option<String>,
    pub title: String,
    pub subtitle: String,
    pub axis: String,
    #[serde(default)]
    pub notes: Vec<String>,
}

impl FigureSpec {
    /// The query columns this figure reads, by the key that names each.
    pub fn columns(&self) -> Vec<(&'static str, &str)> {
        let optional = [
            ("x", &self.x),
            ("series", &self.series),
            ("label", &self.label),
            ("annotation", &self.annotation),
            ("median", &self.median),
            ("start", &self.start),
            ("end", &self.end),
            ("secondary", &self.secondary),
            ("marks", &self.marks),
        ];
        let mut out = vec![("y", self.y.as_str())];
        out.extend(
            optional
                .into_iter()
                .filter_map(|(k, v)| v.as_deref().map(|v| (k, v))),
        );
        out
    }
}

/// How a table column is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// As given.
    #[default]
    Text,
    /// Whole number with separators; zero as "–".
    Count,
    /// One decimal.
    Rate,
    /// Two decimals (slopes and other small quantities).
    Decimal2,
    /// Fraction shown as per cent with one decimal.
    Percent,
    /// A plain integer such as a year or a rank.
    Integer,
}

/// One column of a table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnSpec {
    pub field: String,
    pub header: String,
    #[serde(default)]
    pub format: Format,
}

/// One table: which query, which columns, which texts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    pub id: String,
    pub query: String,
    pub title: String,
    pub columns: Vec<ColumnSpec>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// Read and check `report.yaml`; `queries` are the names of the pipeline's SQL files. Every
/// problem is reported at once, at its line and column, as a pipeline's are.
pub fn load(path: &Path, queries: &[String]) -> Result<ReportSpec> {
    diag::read(path, |spec: &ReportSpec, spans| check(spec, spans, queries))
}

fn check(spec: &ReportSpec, spans: &Spans, queries: &[String]) -> Vec<Diag> {
    let mut problems = Vec::new();
    let names: Vec<&str> = queries.iter().map(String::as_str).collect();
    let query = |at: String, q: &str, problems: &mut Vec<Diag>| {
        if !names.contains(&q) {
            problems.push(
                Diag::at(spans, &at, format!("no query named `{q}`"))
                    .help(diag::did_you_mean(q, &names)),
            );
        }
    };
    // Ids name output files (figures/F1.svg, tables/T1.csv): plain names only.
    let plain = |id: &str| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    let ids = spec
        .figures
        .iter()
        .enumerate()
        .map(|(i, f)| (format!("figures[{i}].id"), &f.id))
        .chain(
            spec.tables
                .iter()
                .enumerate()
                .map(|(i, t)| (format!("tables[{i}].id"), &t.id)),
        );
    for (at, id) in ids {
        if !plain(id) {
            problems.push(Diag::at(
                spans,
                &at,
                format!("id {id:?}: ids name output files; use letters, digits, `_` and `-` only"),
            ));
        }
    }
    for (i, f) in spec.figures.iter().enumerate() {
        query(format!("figures[{i}].query"), &f.query, &mut problems);
        let need: &[(&str, &Option<String>)] = match f.kind {
            ChartKind::StackedBars | ChartKind::Lines => &[("x", &f.x), ("series", &f.series)],
            ChartKind::HorizontalBars => &[("label", &f.label)],
            ChartKind::Strip => &[
                ("series", &f.series),
                ("label", &f.label),
                ("median", &f.median),
            ],
            ChartKind::Dumbbell => &[
                ("label", &f.label),
                ("start", &f.start),
                ("end", &f.end),
                ("start_name", &f.start_name),
                ("end_name", &f.end_name),
            ],
            ChartKind::SmallMultiples => &[
                ("x", &f.x),
                ("series", &f.series),
                ("secondary", &f.secondary),
                ("marks", &f.marks),
            ],
        };
        for (key, v) in need {
            if v.is_none() {
                problems.push(Diag::at(
                    spans,
                    &format!("figures[{i}].kind"),
                    format!("figure {}: this chart kind needs `{key}`", f.id),
                ));
            }
        }
    }
    for (i, t) in spec.tables.iter().enumerate() {
        query(format!("tables[{i}].query"), &t.query, &mut problems);
        if t.columns.is_empty() {
            problems.push(Diag::at(
                spans,
                &format!("tables[{i}].columns"),
                format!("table {}: `columns` is empty", t.id),
            ));
        }
    }
    for (i, n) in spec.narrative.iter().enumerate() {
        query(format!("narrative[{i}]"), n, &mut problems);
    }
    if let Some(id) = &spec.preview
        && !spec.tables.iter().any(|t| &t.id == id)
    {
        let ids: Vec<&str> = spec.tables.iter().map(|t| t.id.as_str()).collect();
        problems.push(
            Diag::at(
                spans,
                "preview",
                format!("preview: no table with id `{id}`"),
            )
            .help(diag::did_you_mean(id, &ids)),
        );
    }
    problems
}
