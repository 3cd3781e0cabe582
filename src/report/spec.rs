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

/// `report.yaml` as written: the figures' keys still a bag (each kind uses some of them).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReport {
    /// The catalogue key of the report's title (default `report-title`).
    #[serde(default)]
    title: Option<String>,
    figures: Vec<RawFigure>,
    tables: Vec<TableSpec>,
    narrative: Vec<String>,
    #[serde(default)]
    preview: Option<String>,
    document: DocumentSpec,
}

/// `document:` of `report.yaml`: the authored parts of the UN document and where the tables
/// go. Files are relative to the report folder.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSpec {
    /// The Summary (authored Markdown, a MiniJinja template; paragraphs not numbered).
    pub summary: String,
    /// The chapters, in order (I, II, …).
    pub chapters: Vec<ChapterSpec>,
    /// Tables set in the separate statistical annex instead of the body.
    #[serde(default)]
    pub annex: Vec<String>,
}

/// One chapter: its heading and its authored file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChapterSpec {
    /// The catalogue key of its heading (`chapter-introduction`).
    pub title: String,
    pub file: String,
    /// The chapter where a figure or table that no paragraph cites is set (at its end).
    #[serde(default)]
    pub floats: bool,
}

/// The whole report declaration, checked.
#[derive(Debug, Clone)]
pub struct ReportSpec {
    /// The catalogue key of the report's title.
    pub title: String,
    /// Figures, in order of appearance.
    pub figures: Vec<FigureSpec>,
    /// Tables, in order of appearance.
    pub tables: Vec<TableSpec>,
    /// Queries whose first row feeds the narrative (`n.N1.panel_n` in the template).
    pub narrative: Vec<String>,
    /// The table whose first rows `run` prints, as the report formats them.
    pub preview: Option<String>,
    /// Summary, chapters and annex of the document.
    pub document: DocumentSpec,
}

/// Chart kinds a figure can use (`kind:` in `report.yaml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ChartKind {
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

impl ChartKind {
    /// As written in `report.yaml`.
    fn name(self) -> &'static str {
        match self {
            ChartKind::StackedBars => "stacked_bars",
            ChartKind::Lines => "lines",
            ChartKind::HorizontalBars => "horizontal_bars",
            ChartKind::Strip => "strip",
            ChartKind::Dumbbell => "dumbbell",
            ChartKind::SmallMultiples => "small_multiples",
        }
    }
}

/// One figure as written in `report.yaml`: which query, which columns, which texts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    id: String,
    query: String,
    kind: ChartKind,
    #[serde(default)]
    x: Option<String>,
    #[serde(default)]
    y: Option<String>,
    #[serde(default)]
    series: Option<String>,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    annotation: Option<String>,
    #[serde(default)]
    median: Option<String>,
    #[serde(default)]
    start: Option<String>,
    #[serde(default)]
    end: Option<String>,
    #[serde(default)]
    start_name: Option<String>,
    #[serde(default)]
    end_name: Option<String>,
    #[serde(default)]
    secondary: Option<String>,
    #[serde(default)]
    marks: Option<String>,
    #[serde(default)]
    series_text: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    subtitle: Option<String>,
    #[serde(default)]
    axis: Option<String>,
    #[serde(default)]
    address: Vec<String>,
}

/// One figure: which query, its chart, which texts.
#[derive(Debug, Clone)]
pub struct FigureSpec {
    pub id: String,
    pub query: String,
    pub chart: Chart,
    /// The catalogue keys of its title, subtitle and axis label: by default message `F1`, its
    /// attributes `.subtitle` and `.axis` (its notes: `.note-1`, `.note-2`, …).
    pub title: String,
    pub subtitle: String,
    pub axis: String,
    /// The query columns whose values name one of its rows in an address (`F2/Americas/2015`:
    /// `[series, year]`), in order.
    pub address: Vec<String>,
    /// The name a row's series has in the legend, in place of the `series` column's value: a
    /// catalogue key whose message has the row's values (or a template over the row, `row`,
    /// calling `t()`): the query returns a code (`up`), the catalogue the words.
    pub series_text: Option<String>,
}

/// A figure's chart, by kind, with the query columns (and texts) that kind reads.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// One stacked bar per `x` (a year, or a category when `x` holds text), one segment per
    /// `series`.
    StackedBars {
        x: String,
        y: String,
        series: String,
    },
    /// One line per `series` over the years in `x`.
    Lines {
        x: String,
        y: String,
        series: String,
    },
    /// Ranked bars, one per `label`, with an optional text after each.
    HorizontalBars {
        label: String,
        y: String,
        annotation: Option<String>,
    },
    /// Dots per `label` on a log axis, one row per `series` (group), its `median` marked.
    Strip {
        series: String,
        label: String,
        y: String,
        median: String,
    },
    /// Two values per `label`, `start` and `end`, joined by a line; the legend names are
    /// templates.
    Dumbbell {
        label: String,
        start: String,
        end: String,
        start_name: String,
        end_name: String,
        annotation: Option<String>,
    },
    /// A grid of small line charts, one per `series` (unit), with a `secondary` line and the
    /// years where `marks` is true marked.
    SmallMultiples {
        x: String,
        y: String,
        series: String,
        secondary: String,
        marks: String,
    },
}

impl FigureSpec {
    /// The query column that names each row's series, for the charts that have one.
    pub fn series_column(&self) -> Option<&str> {
        match &self.chart {
            Chart::StackedBars { series, .. }
            | Chart::Lines { series, .. }
            | Chart::Strip { series, .. }
            | Chart::SmallMultiples { series, .. } => Some(series),
            Chart::HorizontalBars { .. } | Chart::Dumbbell { .. } => None,
        }
    }

    /// The query columns this figure reads, by the key that names each.
    pub fn columns(&self) -> Vec<(&'static str, &str)> {
        match &self.chart {
            Chart::StackedBars { x, y, series } | Chart::Lines { x, y, series } => {
                vec![("x", x.as_str()), ("y", y), ("series", series)]
            }
            Chart::HorizontalBars {
                label,
                y,
                annotation,
            } => [("label", label.as_str()), ("y", y)]
                .into_iter()
                .chain(annotation.as_deref().map(|a| ("annotation", a)))
                .collect(),
            Chart::Strip {
                series,
                label,
                y,
                median,
            } => vec![
                ("series", series.as_str()),
                ("label", label),
                ("y", y),
                ("median", median),
            ],
            Chart::Dumbbell {
                label,
                start,
                end,
                annotation,
                ..
            } => [("label", label.as_str()), ("start", start), ("end", end)]
                .into_iter()
                .chain(annotation.as_deref().map(|a| ("annotation", a)))
                .collect(),
            Chart::SmallMultiples {
                x,
                y,
                series,
                secondary,
                marks,
            } => vec![
                ("x", x.as_str()),
                ("y", y),
                ("series", series),
                ("secondary", secondary),
                ("marks", marks),
            ],
        }
    }
}

impl RawFigure {
    /// The typed chart, or the keys its kind needs and lacks, and those it does not read.
    fn chart(&self) -> std::result::Result<Chart, (Vec<&'static str>, Vec<&'static str>)> {
        let keys: [(&'static str, &Option<String>); 12] = [
            ("x", &self.x),
            ("y", &self.y),
            ("series", &self.series),
            ("label", &self.label),
            ("annotation", &self.annotation),
            ("median", &self.median),
            ("start", &self.start),
            ("end", &self.end),
            ("start_name", &self.start_name),
            ("end_name", &self.end_name),
            ("secondary", &self.secondary),
            ("marks", &self.marks),
        ];
        let (needs, may): (&[&str], &[&str]) = match self.kind {
            ChartKind::StackedBars | ChartKind::Lines => (&["x", "y", "series"], &[]),
            ChartKind::HorizontalBars => (&["label", "y"], &["annotation"]),
            ChartKind::Strip => (&["series", "label", "y", "median"], &[]),
            ChartKind::Dumbbell => (
                &["label", "start", "end"],
                &["annotation", "start_name", "end_name"],
            ),
            ChartKind::SmallMultiples => (&["x", "y", "series", "secondary", "marks"], &[]),
        };
        let missing: Vec<&'static str> = keys
            .iter()
            .filter(|(k, v)| needs.contains(k) && v.is_none())
            .map(|(k, _)| *k)
            .collect();
        let unused: Vec<&'static str> = keys
            .iter()
            .filter(|(k, v)| !needs.contains(k) && !may.contains(k) && v.is_some())
            .map(|(k, _)| *k)
            .collect();
        if !missing.is_empty() || !unused.is_empty() {
            return Err((missing, unused));
        }
        let get = |v: &Option<String>| v.clone().unwrap_or_default();
        Ok(match self.kind {
            ChartKind::StackedBars => Chart::StackedBars {
                x: get(&self.x),
                y: get(&self.y),
                series: get(&self.series),
            },
            ChartKind::Lines => Chart::Lines {
                x: get(&self.x),
                y: get(&self.y),
                series: get(&self.series),
            },
            ChartKind::HorizontalBars => Chart::HorizontalBars {
                label: get(&self.label),
                y: get(&self.y),
                annotation: self.annotation.clone(),
            },
            ChartKind::Strip => Chart::Strip {
                series: get(&self.series),
                label: get(&self.label),
                y: get(&self.y),
                median: get(&self.median),
            },
            ChartKind::Dumbbell => Chart::Dumbbell {
                label: get(&self.label),
                start: get(&self.start),
                end: get(&self.end),
                start_name: self
                    .start_name
                    .clone()
                    .unwrap_or_else(|| format!("{}.start-name", self.id)),
                end_name: self
                    .end_name
                    .clone()
                    .unwrap_or_else(|| format!("{}.end-name", self.id)),
                annotation: self.annotation.clone(),
            },
            ChartKind::SmallMultiples => Chart::SmallMultiples {
                x: get(&self.x),
                y: get(&self.y),
                series: get(&self.series),
                secondary: get(&self.secondary),
                marks: get(&self.marks),
            },
        })
    }
}

impl TableSpec {
    /// The catalogue key of its title.
    pub fn title_key(&self) -> String {
        self.title.clone().unwrap_or_else(|| self.id.clone())
    }
}

impl ColumnSpec {
    /// The catalogue key of its heading in table `table`.
    pub fn header_key(&self, table: &str) -> String {
        self.header
            .clone()
            .unwrap_or_else(|| format!("{table}-columns.{}", self.field))
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

/// One column of a table: a query column printed in `format`, or, with `text`, a catalogue
/// message with the row's values (`{ DECIMALS($rate, places: 2) }`), or a template over the row
/// (`row`) calling `t()`, so that the query returns codes and numbers and the words are the
/// catalogue's. Its heading is attribute `.<field>` of message `<table>-columns` unless
/// `header` names another key. `field` names the column in the cells' addresses
/// (`T7/MEX/2019/0/rule`); a `text` column need not be a query column.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnSpec {
    pub field: String,
    #[serde(default)]
    pub header: Option<String>,
    #[serde(default)]
    pub format: Format,
    #[serde(default)]
    pub text: Option<String>,
}

/// One table: which query, which columns, which texts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    pub id: String,
    pub query: String,
    /// The catalogue key of its title (default: message `<id>`; notes `.note-1`, …).
    #[serde(default)]
    pub title: Option<String>,
    pub columns: Vec<ColumnSpec>,
    /// The query columns whose values name one of its rows in an address (`T3/USA`: `[iso3]`).
    #[serde(default)]
    pub address: Vec<String>,
}

/// Read and check `report.yaml`; `queries` are the names of the pipeline's SQL files. Every
/// problem is reported at once, at its line and column, as a pipeline's are.
pub fn load(path: &Path, queries: &[String]) -> Result<ReportSpec> {
    let raw = diag::read(path, |spec: &RawReport, spans| check(spec, spans, queries))?;
    let figures = raw
        .figures
        .into_iter()
        .map(|f| {
            let chart = f.chart().map_err(|_| {
                crate::error::Error::Internal(format!("figure {} passed its check", f.id))
            })?;
            Ok(FigureSpec {
                title: f.title.clone().unwrap_or_else(|| f.id.clone()),
                subtitle: f
                    .subtitle
                    .clone()
                    .unwrap_or_else(|| format!("{}.subtitle", f.id)),
                axis: f.axis.clone().unwrap_or_else(|| format!("{}.axis", f.id)),
                id: f.id,
                query: f.query,
                chart,
                address: f.address,
                series_text: f.series_text,
            })
        })
        .collect::<Result<_>>()?;
    Ok(ReportSpec {
        title: raw.title.unwrap_or_else(|| "report-title".into()),
        figures,
        tables: raw.tables,
        narrative: raw.narrative,
        preview: raw.preview,
        document: raw.document,
    })
}

fn check(spec: &RawReport, spans: &Spans, queries: &[String]) -> Vec<Diag> {
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
        if f.series_text.is_some() && f.series.is_none() {
            problems.push(Diag::at(
                spans,
                &format!("figures[{i}].series_text"),
                format!(
                    "figure {}: `series_text` names the series of a chart that has `series`",
                    f.id
                ),
            ));
        }
        if let Err((missing, unused)) = f.chart() {
            let kind = f.kind.name();
            for key in missing {
                problems.push(Diag::at(
                    spans,
                    &format!("figures[{i}].kind"),
                    format!("figure {}: a {kind} chart needs `{key}`", f.id),
                ));
            }
            for key in unused {
                problems.push(Diag::at(
                    spans,
                    &format!("figures[{i}].{key}"),
                    format!("figure {}: a {kind} chart does not read `{key}`", f.id),
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
    let table_ids: Vec<&str> = spec.tables.iter().map(|t| t.id.as_str()).collect();
    for (i, id) in spec.document.annex.iter().enumerate() {
        if !table_ids.contains(&id.as_str()) {
            problems.push(
                Diag::at(
                    spans,
                    &format!("document.annex[{i}]"),
                    format!("annex: no table with id `{id}`"),
                )
                .help(diag::did_you_mean(id, &table_ids)),
            );
        }
    }
    if spec.document.chapters.iter().filter(|c| c.floats).count() > 1 {
        problems.push(Diag::at(
            spans,
            "document.chapters",
            "only one chapter may take the uncited figures and tables (`floats: true`)".into(),
        ));
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
