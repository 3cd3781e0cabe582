//! Report: query results + report spec + templates → figures, tables and the report itself.
//!
//! Takes the result tables of a run and the report folder (`report.yaml`, `report.html.j2`,
//! `report.md.j2`); returns the artefacts as (relative path, bytes) pairs: `figures/*.svg|png`,
//! `tables/*.csv`, `report.html` (self-contained: inline SVG, CSS and font) and `report.md`.
//! Never writes files itself and never types a number in: every figure comes from a query.

pub mod format;
pub mod spec;
mod xlsx;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde::Serialize;

use crate::chart::{self, Bar, FigureText, Series};
use crate::config::Pipeline;
use crate::error::{Error, Result};
use crate::store::table::{Table, Value};
use spec::{ChartKind, FigureSpec, Format, ReportSpec, TableSpec};

/// The font the figures are measured with; embedded in the HTML so browsers draw the same.
pub const FONT_REGULAR: &[u8] = include_bytes!("../../reports/fonts/Inter-Regular.otf");
/// The bold face, for titles in the HTML.
pub const FONT_BOLD: &[u8] = include_bytes!("../../reports/fonts/Inter-Bold.otf");

/// One output file of the report stage.
pub struct Artefact {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

#[derive(Serialize)]
struct FigureCtx {
    id: String,
    number: u32,
    title: String,
    subtitle: String,
    notes: Vec<String>,
    svg: String,
    alt: String,
    data: TableCtx,
}

#[derive(Serialize, Clone)]
struct TableCtx {
    id: String,
    number: u32,
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    notes: Vec<String>,
    /// Per column: right-align (numbers) or not (text).
    numeric: Vec<bool>,
    /// The unformatted values and their formats, for the workbook.
    #[serde(skip)]
    values: Vec<Vec<Value>>,
    #[serde(skip)]
    formats: Vec<Format>,
}

#[derive(Serialize)]
struct ReleaseCtx {
    id: String,
    release: String,
    citation: String,
}

/// Render every artefact of the report.
pub fn build(
    pipeline: &Pipeline,
    spec: &ReportSpec,
    results: &BTreeMap<String, Table>,
) -> Result<Vec<Artefact>> {
    let dir = &pipeline.report_dir;
    let mut env = minijinja::Environment::new();
    add_filters(&mut env);
    let base_ctx = minijinja::context! {
        p => &pipeline.params,
        pipeline => &pipeline.name,
    };
    let text = |file: &str, template: &str| -> Result<String> {
        env.render_str(template, &base_ctx)
            .map_err(|e| Error::Report {
                file: dir.join(file),
                message: format!("in {template:?}: {e}"),
            })
    };
    let source_line = {
        let releases: Vec<String> = pipeline
            .sources
            .iter()
            .map(|s| s.citation.clone())
            .collect();
        format!(
            "Source: {}; population: {} (vintage {}).",
            releases.join("; "),
            pipeline.population.citation,
            pipeline.population.vintage
        )
    };
    let get = |q: &str| -> Result<&Table> {
        results
            .get(q)
            .ok_or_else(|| Error::Internal(format!("query {q} produced no result")))
    };

    let mut artefacts = Vec::new();
    let mut figures = Vec::new();
    // Texts first (templating), then the drawing, which dominates, on every core.
    let mut jobs = Vec::new();
    for (i, f) in spec.figures.iter().enumerate() {
        let table = get(&f.query)?;
        let ft = FigureText {
            id: f.id.clone(),
            number: i as u32 + 1,
            title: text("report.yaml", &f.title)?,
            subtitle: text("report.yaml", &f.subtitle)?,
            source: source_line.clone(),
            notes: f
                .notes
                .iter()
                .map(|n| text("report.yaml", n))
                .collect::<Result<_>>()?,
            description: String::new(),
        };
        let names = (
            text("report.yaml", f.start_name.as_deref().unwrap_or(""))?,
            text("report.yaml", f.end_name.as_deref().unwrap_or(""))?,
        );
        let mut f = f.clone();
        f.axis = text("report.yaml", &f.axis)?;
        jobs.push((f, ft, names, table));
    }
    let figures_start = std::time::Instant::now();
    let drawn: Vec<Result<(chart::Figure, String, TableCtx)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .iter()
            .map(|(f, ft, names, table)| {
                scope.spawn(move || draw(dir, f, ft.clone_with_desc(), table, names))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Error::Internal("a figure thread panicked".into())))
            })
            .collect()
    });
    for ((f, ft, _, _), result) in jobs.into_iter().zip(drawn) {
        let (fig, alt, data) = result?;
        artefacts.push(Artefact {
            path: format!("figures/{}.svg", f.id).into(),
            bytes: fig.svg.clone().into_bytes(),
        });
        artefacts.push(Artefact {
            path: format!("figures/{}.png", f.id).into(),
            bytes: fig.png,
        });
        let svg_inline = strip_xml_declaration(&fig.svg);
        figures.push(FigureCtx {
            id: f.id.clone(),
            number: ft.number,
            title: ft.title,
            subtitle: ft.subtitle,
            notes: ft.notes,
            svg: svg_inline,
            alt,
            data,
        });
    }

    tracing::info!(
        stage = "report: figures",
        seconds = figures_start.elapsed().as_secs_f64(),
        "Stage finished"
    );
    let tables_start = std::time::Instant::now();
    let mut tables = BTreeMap::new();
    let mut table_list = Vec::new();
    for (i, t) in spec.tables.iter().enumerate() {
        let ctx = table_ctx(dir, t, i as u32 + 1, get(&t.query)?, &|s| {
            text("report.yaml", s)
        })?;
        artefacts.push(Artefact {
            path: format!("tables/{}.csv", t.id).into(),
            bytes: table_csv(&ctx)?,
        });
        tables.insert(t.id.clone(), ctx.clone());
        table_list.push(ctx);
    }

    artefacts.push(Artefact {
        path: "tables.xlsx".into(),
        bytes: xlsx::workbook(&table_list)?,
    });

    tracing::info!(
        stage = "report: tables (csv, xlsx)",
        seconds = tables_start.elapsed().as_secs_f64(),
        "Stage finished"
    );
    let text_start = std::time::Instant::now();
    let mut narrative: BTreeMap<String, BTreeMap<String, Value>> = BTreeMap::new();
    for n in &spec.narrative {
        let row = get(n)?.records().into_iter().next().unwrap_or_default();
        narrative.insert(n.clone(), row);
    }

    let releases: Vec<ReleaseCtx> = pipeline
        .sources
        .iter()
        .map(|s| ReleaseCtx {
            id: s.id.clone(),
            release: s.release.clone(),
            citation: s.citation.clone(),
        })
        .collect();
    let title = text("report.yaml", &spec.title)?;
    let font = base64::engine::general_purpose::STANDARD.encode(FONT_REGULAR);
    let font_bold = base64::engine::general_purpose::STANDARD.encode(FONT_BOLD);
    let population = minijinja::context! {
        citation => &pipeline.population.citation,
        vintage => &pipeline.population.vintage,
    };
    let inner = minijinja::context! {
        p => &pipeline.params,
        n => &narrative,
        source_line => &source_line,
        population => &population,
    };
    let narrative_file = dir.join("narrative.j2");
    let narrative_src = std::fs::read_to_string(&narrative_file).map_err(|e| Error::Report {
        file: narrative_file.clone(),
        message: format!("cannot read: {e}"),
    })?;
    let mut nenv = minijinja::Environment::new();
    nenv.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    add_filters(&mut nenv);
    let narrative_text = nenv
        .render_str(&narrative_src, &inner)
        .map_err(|e| template_error(&narrative_file, e))?;
    let paragraphs: Vec<String> = narrative_text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let footnotes: Vec<String> = spec
        .footnotes
        .iter()
        .map(|f| {
            nenv.render_str(f, &inner).map_err(|e| Error::Report {
                file: dir.join("report.yaml"),
                message: format!("footnote {f:?}: {e}"),
            })
        })
        .collect::<Result<_>>()?;
    let ctx = minijinja::context! {
        title => title,
        p => &pipeline.params,
        pipeline => &pipeline.name,
        releases => releases,
        population => population,
        countries_citation => &pipeline.countries_citation,
        source_line => source_line,
        figures => figures,
        tables => tables,
        table_list => table_list,
        n => narrative,
        narrative => paragraphs,
        footnotes => footnotes,
        font_base64 => font,
        font_bold_base64 => font_bold,
    };
    for (file, out) in [
        ("report.html.j2", "report.html"),
        ("report.md.j2", "report.md"),
    ] {
        let path = dir.join(file);
        let src = std::fs::read_to_string(&path).map_err(|e| Error::Report {
            file: path.clone(),
            message: format!("cannot read: {e}"),
        })?;
        let mut env = minijinja::Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html.j2") {
                minijinja::AutoEscape::Html
            } else {
                minijinja::AutoEscape::None
            }
        });
        add_filters(&mut env);
        env.add_template_owned(file.to_string(), src)
            .map_err(|e| template_error(&path, e))?;
        let tmpl = env
            .get_template(file)
            .map_err(|e| template_error(&path, e))?;
        let rendered = tmpl.render(&ctx).map_err(|e| template_error(&path, e))?;
        artefacts.push(Artefact {
            path: out.into(),
            bytes: rendered.into_bytes(),
        });
    }
    tracing::info!(
        stage = "report: narrative, html, md",
        seconds = text_start.elapsed().as_secs_f64(),
        "Stage finished"
    );
    Ok(artefacts)
}

fn template_error(path: &Path, e: minijinja::Error) -> Error {
    let mut message = e.to_string();
    if let Some(line) = e.line() {
        message = format!("line {line}: {message}");
    }
    Error::Report {
        file: path.to_path_buf(),
        message,
    }
}

fn opt_f64(v: &minijinja::Value) -> Option<f64> {
    if v.is_none() || v.is_undefined() {
        return None;
    }
    f64::try_from(v.clone()).ok()
}

fn add_filters(env: &mut minijinja::Environment<'_>) {
    env.add_filter("rate", |v: minijinja::Value| format::rate(opt_f64(&v)));
    env.add_filter("count", |v: minijinja::Value| format::count(opt_f64(&v)));
    env.add_filter("per_cent", |v: minijinja::Value| {
        format::per_cent_text(opt_f64(&v))
    });
    env.add_filter("percent", |v: minijinja::Value| {
        format::percent(opt_f64(&v))
    });
    // A threshold as written in the pipeline: 5 → "5", 2.5 → "2.5", 0.125 → "0.13".
    env.add_filter("plain", |v: minijinja::Value| match opt_f64(&v) {
        Some(x) if x.fract() == 0.0 => format::number(x, 0),
        Some(x) if (x * 10.0).fract().abs() < 1e-9 => format::number(x, 1),
        Some(x) => format::number(x, 2),
        None => "..".to_string(),
    });
}

impl FigureText {
    fn clone_with_desc(&self) -> FigureText {
        FigureText {
            id: self.id.clone(),
            number: self.number,
            title: self.title.clone(),
            subtitle: self.subtitle.clone(),
            source: self.source.clone(),
            notes: self.notes.clone(),
            description: self.description.clone(),
        }
    }
}

fn column(dir: &Path, f: &FigureSpec, table: &Table, name: &Option<String>) -> Result<usize> {
    let name = name.as_deref().unwrap_or_default();
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

/// Draw one figure; returns it, its alt text and its data table.
fn draw(
    dir: &Path,
    f: &FigureSpec,
    mut text: FigureText,
    table: &Table,
    names: &(String, String),
) -> Result<(chart::Figure, String, TableCtx)> {
    let yi = column(dir, f, table, &Some(f.y.clone()))?;
    let mut data = TableCtx {
        id: f.id.clone(),
        number: text.number,
        title: format!("Data for figure {}", text.number),
        headers: Vec::new(),
        rows: Vec::new(),
        notes: Vec::new(),
        numeric: Vec::new(),
        values: Vec::new(),
        formats: Vec::new(),
    };
    let value_fmt = |v: f64| {
        if v.fract() == 0.0 {
            format::number(v, 0)
        } else {
            format::number(v, 1)
        }
    };
    match f.kind {
        ChartKind::StackedBars
            if table.rows.iter().any(|r| {
                column(dir, f, table, &f.x).is_ok_and(|xi| matches!(r[xi], Value::Text(_)))
            }) =>
        {
            let xi = column(dir, f, table, &f.x)?;
            let si = column(dir, f, table, &f.series)?;
            let mut categories: Vec<String> = Vec::new();
            let mut names: Vec<String> = Vec::new();
            for r in &table.rows {
                let (c, n) = (r[xi].as_text(), r[si].as_text());
                if !categories.contains(&c) {
                    categories.push(c);
                }
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            let series: Vec<(String, Vec<f64>)> = names
                .iter()
                .map(|n| {
                    let values = categories
                        .iter()
                        .map(|c| {
                            table
                                .rows
                                .iter()
                                .find(|r| r[xi].as_text() == *c && r[si].as_text() == *n)
                                .and_then(|r| r[yi].as_f64())
                                .unwrap_or(0.0)
                        })
                        .collect();
                    (n.clone(), values)
                })
                .collect();
            data.headers = std::iter::once(f.x.clone().unwrap_or_default())
                .chain(names.iter().cloned())
                .collect();
            data.rows = categories
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    std::iter::once(c.clone())
                        .chain(series.iter().map(|s| value_fmt(s.1[i])))
                        .collect()
                })
                .collect();
            let totals: Vec<String> = categories
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let parts: Vec<String> = series
                        .iter()
                        .filter(|s| s.1[i] > 0.0)
                        .map(|s| format!("{} {}", value_fmt(s.1[i]), s.0))
                        .collect();
                    format!("{c}: {}", parts.join(", "))
                })
                .collect();
            let alt = format!(
                "{}. Stacked bars of {} by {}: {}.",
                text.title,
                f.axis.to_lowercase(),
                f.x.clone().unwrap_or_default(),
                totals.join("; ")
            );
            text.description = alt.clone();
            let fig = chart::stacked_bars_by_category(&text, &categories, &series, &f.axis)?;
            Ok((fig, alt, data))
        }
        ChartKind::Strip => {
            let gi = column(dir, f, table, &f.series)?;
            let li = column(dir, f, table, &f.label)?;
            let mi = column(dir, f, table, &f.median)?;
            let mut groups: Vec<String> = Vec::new();
            let mut medians: Vec<(String, f64)> = Vec::new();
            let mut dots = Vec::new();
            for r in &table.rows {
                let g = r[gi].as_text();
                if !groups.contains(&g) {
                    groups.push(g.clone());
                    if let Some(m) = r[mi].as_f64() {
                        medians.push((g.clone(), m));
                    }
                }
                if let Some(v) = r[yi].as_f64() {
                    dots.push(chart::Dot {
                        group: g,
                        label: r[li].as_text(),
                        value: v,
                    });
                }
            }
            data.headers = vec!["Group".into(), "Country or area".into(), f.axis.clone()];
            data.rows = dots
                .iter()
                .map(|d| vec![d.group.clone(), d.label.clone(), format::number(d.value, 1)])
                .collect();
            let parts: Vec<String> = groups
                .iter()
                .map(|g| {
                    let vals: Vec<&chart::Dot> = dots.iter().filter(|d| d.group == *g).collect();
                    let hi = vals.iter().max_by(|a, b| a.value.total_cmp(&b.value));
                    let lo = vals.iter().min_by(|a, b| a.value.total_cmp(&b.value));
                    let med = medians.iter().find(|m| m.0 == *g).map(|m| m.1);
                    format!(
                        "{g}: {} units, median {}, from {} ({}) to {} ({})",
                        vals.len(),
                        format::rate(med),
                        lo.map_or(String::new(), |d| format::number(d.value, 1)),
                        lo.map_or(String::new(), |d| d.label.clone()),
                        hi.map_or(String::new(), |d| format::number(d.value, 1)),
                        hi.map_or(String::new(), |d| d.label.clone()),
                    )
                })
                .collect();
            let alt = format!(
                "{}. Dots of {} on a logarithmic scale, one row per group. {}.",
                text.title,
                f.axis.to_lowercase(),
                parts.join("; ")
            );
            text.description = alt.clone();
            Ok((
                chart::strip_log(&text, &groups, &dots, &medians, &f.axis)?,
                alt,
                data,
            ))
        }
        ChartKind::Dumbbell => {
            let li = column(dir, f, table, &f.label)?;
            let si = column(dir, f, table, &f.start)?;
            let ei = column(dir, f, table, &f.end)?;
            let ai = match &f.annotation {
                Some(_) => Some(column(dir, f, table, &f.annotation)?),
                None => None,
            };
            let rows: Vec<chart::Dumbbell> = table
                .rows
                .iter()
                .filter_map(|r| {
                    Some(chart::Dumbbell {
                        label: r[li].as_text(),
                        start: r[si].as_f64()?,
                        end: r[ei].as_f64()?,
                        flag: ai.map(|i| r[i].as_text()).unwrap_or_default(),
                    })
                })
                .collect();
            data.headers = vec![
                "Country or area".into(),
                names.0.clone(),
                names.1.clone(),
                "Flag".into(),
            ];
            data.rows = rows
                .iter()
                .map(|d| {
                    vec![
                        d.label.clone(),
                        format::number(d.start, 1),
                        format::number(d.end, 1),
                        d.flag.clone(),
                    ]
                })
                .collect();
            let up = rows.iter().filter(|d| d.end > d.start).count();
            let down = rows.iter().filter(|d| d.end < d.start).count();
            let alt = format!(
                "{}. For {} countries and areas, {} and {} joined by a line: {} higher in the second period, {} lower{}.",
                text.title,
                rows.len(),
                names.0,
                names.1,
                up,
                down,
                rows.first().map_or(String::new(), |d| format!(
                    "; largest rise first ({})",
                    d.label
                ))
            );
            text.description = alt.clone();
            Ok((
                chart::dumbbell(&text, &rows, &names.0, &names.1, &f.axis)?,
                alt,
                data,
            ))
        }
        ChartKind::SmallMultiples => {
            let xi = column(dir, f, table, &f.x)?;
            let si = column(dir, f, table, &f.series)?;
            let ci = column(dir, f, table, &f.secondary)?;
            let ki = column(dir, f, table, &f.marks)?;
            let mut panels: Vec<chart::Panel> = Vec::new();
            for r in &table.rows {
                let name = r[si].as_text();
                let Some(x) = r[xi].as_f64().map(|x| x as i32) else {
                    continue;
                };
                if panels.last().is_none_or(|p| p.title != name) {
                    panels.push(chart::Panel {
                        title: name.clone(),
                        ..Default::default()
                    });
                }
                if let Some(p) = panels.last_mut() {
                    if let Some(y) = r[yi].as_f64() {
                        p.rate.push((x, y));
                    }
                    if let Some(m) = r[ci].as_f64() {
                        p.moving_average.push((x, m));
                    }
                    if matches!(r[ki], Value::Bool(true)) {
                        p.breaks.push(x);
                    }
                }
                data.rows.push(vec![
                    name,
                    x.to_string(),
                    r[yi]
                        .as_f64()
                        .map_or(format::NA.to_string(), |v| format::number(v, 1)),
                    r[ci]
                        .as_f64()
                        .map_or(format::NA.to_string(), |v| format::number(v, 1)),
                    if matches!(r[ki], Value::Bool(true)) {
                        "b".into()
                    } else {
                        String::new()
                    },
                ]);
            }
            data.headers = vec![
                "Country or area".into(),
                "Year".into(),
                f.axis.clone(),
                "3-year moving average".into(),
                "Break".into(),
            ];
            let parts: Vec<String> = panels
                .iter()
                .map(|p| {
                    let first = p
                        .rate
                        .first()
                        .map_or(String::new(), |v| format::number(v.1, 1));
                    let last = p
                        .rate
                        .last()
                        .map_or(String::new(), |v| format::number(v.1, 1));
                    let b = if p.breaks.is_empty() {
                        String::new()
                    } else {
                        ", series break".into()
                    };
                    format!("{} from {first} to {last}{b}", p.title)
                })
                .collect();
            let alt = format!(
                "{}. {} small line charts of {}: {}.",
                text.title,
                panels.len(),
                f.axis.to_lowercase(),
                parts.join("; ")
            );
            text.description = alt.clone();
            Ok((chart::small_multiples(&text, &panels)?, alt, data))
        }
        ChartKind::StackedBars | ChartKind::Lines => {
            let xi = column(dir, f, table, &f.x)?;
            let si = column(dir, f, table, &f.series)?;
            let mut series: Vec<Series> = Vec::new();
            let mut years: Vec<i32> = Vec::new();
            for row in &table.rows {
                let (Some(x), Some(y)) = (row[xi].as_f64(), row[yi].as_f64()) else {
                    continue;
                };
                let name = row[si].as_text();
                let x = x as i32;
                if !years.contains(&x) {
                    years.push(x);
                }
                match series.iter_mut().find(|s| s.name == name) {
                    Some(s) => s.points.push((x, y)),
                    None => series.push(Series {
                        name,
                        points: vec![(x, y)],
                    }),
                }
            }
            years.sort_unstable();
            if f.kind == ChartKind::StackedBars {
                series.sort_by(|a, b| a.name.cmp(&b.name));
            }
            data.headers = std::iter::once("Year".to_string())
                .chain(series.iter().map(|s| s.name.clone()))
                .collect();
            for y in &years {
                let mut row = vec![y.to_string()];
                for s in &series {
                    row.push(
                        s.points
                            .iter()
                            .find(|p| p.0 == *y)
                            .map_or(format::NA.to_string(), |p| value_fmt(p.1)),
                    );
                }
                data.rows.push(row);
            }
            let alt = describe_xy(f.kind, &text, &series, &years, &f.axis);
            text.description = alt.clone();
            let fig = if f.kind == ChartKind::StackedBars {
                chart::stacked_bars(&text, &years, &series, &f.axis)?
            } else {
                chart::lines(&text, &series, &f.axis)?
            };
            Ok((fig, alt, data))
        }
        ChartKind::HorizontalBars => {
            let li = column(dir, f, table, &f.label)?;
            let ai = match &f.annotation {
                Some(_) => Some(column(dir, f, table, &f.annotation)?),
                None => None,
            };
            let bars: Vec<Bar> = table
                .rows
                .iter()
                .filter_map(|row| {
                    Some(Bar {
                        label: row[li].as_text(),
                        value: row[yi].as_f64()?,
                        annotation: ai.map(|i| row[i].as_text()).unwrap_or_default(),
                    })
                })
                .collect();
            data.headers = vec!["Country or area".into(), f.axis.clone(), "Note".into()];
            data.rows = bars
                .iter()
                .map(|b| {
                    vec![
                        b.label.clone(),
                        format::number(b.value, 1),
                        b.annotation.clone(),
                    ]
                })
                .collect();
            let alt = match (bars.first(), bars.last()) {
                (Some(hi), Some(lo)) => format!(
                    "{}. Horizontal bars ranking {} countries or areas by {}: highest {} ({}), lowest shown {} ({}).",
                    text.title,
                    bars.len(),
                    f.axis.to_lowercase(),
                    hi.label,
                    format::number(hi.value, 1),
                    lo.label,
                    format::number(lo.value, 1)
                ),
                _ => format!("{}. No data.", text.title),
            };
            text.description = alt.clone();
            Ok((chart::horizontal_bars(&text, &bars, &f.axis)?, alt, data))
        }
    }
}

/// Alt text for charts over years, generated from the data: what is shown and its extremes.
fn describe_xy(
    kind: ChartKind,
    text: &FigureText,
    series: &[Series],
    years: &[i32],
    axis: &str,
) -> String {
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return format!("{}. No data.", text.title);
    };
    let fmt = |v: f64| {
        if v.fract() == 0.0 {
            format::number(v, 0)
        } else {
            format::number(v, 1)
        }
    };
    match kind {
        ChartKind::StackedBars => {
            let totals: Vec<(i32, f64)> = years
                .iter()
                .map(|y| {
                    (
                        *y,
                        series
                            .iter()
                            .flat_map(|s| s.points.iter())
                            .filter(|p| p.0 == *y)
                            .map(|p| p.1)
                            .sum(),
                    )
                })
                .collect();
            let hi = totals
                .iter()
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            let lo = totals
                .iter()
                .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
            format!(
                "{}. Stacked bars of {} by year, {first}–{last}, split by {}. Total highest {} in {}, lowest {} in {}.",
                text.title,
                axis.to_lowercase(),
                names.join(", "),
                hi.map_or(String::new(), |h| fmt(h.1)),
                hi.map_or(0, |h| h.0),
                lo.map_or(String::new(), |l| fmt(l.1)),
                lo.map_or(0, |l| l.0),
            )
        }
        _ => {
            let mut parts = Vec::new();
            for s in series {
                let hi = s.points.iter().max_by(|a, b| a.1.total_cmp(&b.1));
                let lo = s.points.iter().min_by(|a, b| a.1.total_cmp(&b.1));
                if let (Some(h), Some(l)) = (hi, lo) {
                    parts.push(format!(
                        "{}: from {} to {}, highest {} ({}), lowest {} ({})",
                        s.name,
                        fmt(s.points.first().map_or(0.0, |p| p.1)),
                        fmt(s.points.last().map_or(0.0, |p| p.1)),
                        fmt(h.1),
                        h.0,
                        fmt(l.1),
                        l.0
                    ));
                }
            }
            format!(
                "{}. Lines of {} by year, {first}–{last}. {}.",
                text.title,
                axis.to_lowercase(),
                parts.join("; ")
            )
        }
    }
}

fn table_ctx(
    dir: &Path,
    t: &TableSpec,
    number: u32,
    table: &Table,
    text: &dyn Fn(&str) -> Result<String>,
) -> Result<TableCtx> {
    let mut idx = Vec::new();
    for c in &t.columns {
        let i = table.column(&c.field).ok_or_else(|| Error::Report {
            file: dir.join("report.yaml"),
            message: format!(
                "table {}: query {} has no column `{}` (it has {})",
                t.id,
                t.query,
                c.field,
                table.columns.join(", ")
            ),
        })?;
        idx.push((i, c.format));
    }
    let rows = table
        .rows
        .iter()
        .map(|row| {
            idx.iter()
                .map(|(i, fmt)| {
                    let v = &row[*i];
                    match fmt {
                        Format::Text => match v {
                            Value::Null => format::NA.to_string(),
                            other => other.as_text(),
                        },
                        Format::Count => format::with_nil(v.as_f64(), format::count),
                        Format::Rate => format::rate(v.as_f64()),
                        Format::Decimal2 => v
                            .as_f64()
                            .map_or(format::NA.to_string(), |x| format::number(x, 2)),
                        Format::Percent => format::percent(v.as_f64()),
                        Format::Integer => v
                            .as_f64()
                            .map_or(format::NA.to_string(), |x| format!("{x:.0}")),
                    }
                })
                .collect()
        })
        .collect();
    Ok(TableCtx {
        id: t.id.clone(),
        number,
        title: text(&t.title)?,
        headers: t
            .columns
            .iter()
            .map(|c| text(&c.header))
            .collect::<Result<_>>()?,
        rows,
        notes: t.notes.iter().map(|n| text(n)).collect::<Result<_>>()?,
        values: table
            .rows
            .iter()
            .map(|row| idx.iter().map(|(i, _)| row[*i].clone()).collect())
            .collect(),
        formats: idx.iter().map(|(_, f)| *f).collect(),
        numeric: idx.iter().map(|(_, f)| *f != Format::Text).collect(),
    })
}

fn table_csv(t: &TableCtx) -> Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let err = |e: csv::Error| Error::Internal(format!("writing table {}: {e}", t.id));
    w.write_record(&t.headers).map_err(err)?;
    for row in &t.rows {
        // CSV holds plain numbers: no thousands separators.
        let plain: Vec<String> = row
            .iter()
            .map(|c| {
                if c.chars()
                    .all(|ch| ch.is_ascii_digit() || ",.-".contains(ch))
                {
                    c.replace(',', "")
                } else {
                    c.clone()
                }
            })
            .collect();
        w.write_record(&plain).map_err(err)?;
    }
    w.into_inner()
        .map_err(|e| Error::Internal(format!("writing table {}: {e}", t.id)))
}

fn strip_xml_declaration(svg: &str) -> String {
    match svg.find("<svg") {
        Some(i) => svg[i..].to_string(),
        None => svg.to_string(),
    }
}
