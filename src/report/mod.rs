//! Report: query results + report spec + templates → figures, tables and the report itself.
//!
//! Takes the result tables of a run and the report folder (`report.yaml`, `report.html.j2`,
//! `report.md.j2`); returns the artefacts as (relative path, bytes) pairs: `figures/*.svg|png`,
//! `tables/*.csv`, `report.html` (self-contained: inline SVG, CSS and font) and `report.md`.
//! Never writes files itself and never types a number in: every figure comes from a query.

pub mod spec;
mod xlsx;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde::Serialize;

use crate::chart::{self, Bar, FigureText, Series};
use crate::config::Pipeline;
use crate::error::{Error, Result};
use crate::format;
use crate::store::table::{Table, Value};
use spec::{FigureSpec, Format, ReportSpec, TableSpec};

use crate::assets::{FONT_BOLD, FONT_REGULAR};
use figures::draw;
use tables::{TableCtx, table_csv, table_ctx};

mod figures;
mod tables;

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
        q => &pipeline.quality,
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
        let names = match &f.chart {
            spec::Chart::Dumbbell {
                start_name,
                end_name,
                ..
            } => (
                text("report.yaml", start_name)?,
                text("report.yaml", end_name)?,
            ),
            _ => (String::new(), String::new()),
        };
        let mut f = f.clone();
        f.axis = text("report.yaml", &f.axis)?;
        jobs.push((f, ft, names, table));
    }
    let figures_start = std::time::Instant::now();
    let drawn: Vec<Result<(chart::Figure, String, TableCtx)>> =
        crate::parallel::map(&jobs, |(f, ft, names, table)| {
            draw(dir, f, ft.clone_with_desc(), table, names)
        })
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err(Error::Internal("a figure thread panicked".into()))))
        .collect();
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
    let mut narrative = NarrativeValues::new();
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
    let paragraphs = narrative_paragraphs(pipeline, &narrative, &source_line)?;
    let nenv = narrative_env();
    let inner = narrative_ctx(pipeline, &narrative, &source_line);
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

/// The first row of each narrative query, by query name (`n.N1.panel_n` in the templates).
pub type NarrativeValues = BTreeMap<String, BTreeMap<String, Value>>;

/// The environment of the narrative and footnotes: strict undefined values, the number filters.
fn narrative_env() -> minijinja::Environment<'static> {
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    add_filters(&mut env);
    env
}

fn narrative_ctx(pipeline: &Pipeline, n: &NarrativeValues, source_line: &str) -> minijinja::Value {
    minijinja::context! {
        p => &pipeline.params,
        n => n,
        source_line => source_line,
        population => minijinja::context! {
            citation => &pipeline.population.citation,
            vintage => &pipeline.population.vintage,
        },
    }
}

/// The narrative's paragraphs: the report folder's `narrative.j2` rendered with the values `n`
/// (blank lines separate paragraphs; white space is folded).
pub fn narrative_paragraphs(
    pipeline: &Pipeline,
    n: &NarrativeValues,
    source_line: &str,
) -> Result<Vec<String>> {
    let file = pipeline.report_dir.join("narrative.j2");
    let src = std::fs::read_to_string(&file).map_err(|e| Error::Report {
        file: file.clone(),
        message: format!("cannot read: {e}"),
    })?;
    let text = narrative_env()
        .render_str(&src, narrative_ctx(pipeline, n, source_line))
        .map_err(|e| template_error(&file, e))?;
    Ok(text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect())
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
    env.add_filter("date", |v: String| format::date(&v));
    // Counts in running text: words under ten, figures from ten; `Num` begins a sentence
    // (always words, capitalised); `series(a, b, c)` applies the rule of the largest to all.
    env.add_filter("num", |v: minijinja::Value| match opt_f64(&v) {
        Some(x) if x.fract() == 0.0 => format::in_text(x as i64),
        other => format::count(other),
    });
    env.add_filter("Num", |v: minijinja::Value| match opt_f64(&v) {
        Some(x) if x.fract() == 0.0 => format::sentence_start(x as i64),
        other => format::count(other),
    });
    env.add_function(
        "series",
        |args: minijinja::value::Rest<minijinja::Value>| {
            let ns: Vec<Option<i64>> = args.iter().map(|v| opt_f64(v).map(|x| x as i64)).collect();
            format::series_in_text(&ns)
        },
    );
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

fn strip_xml_declaration(svg: &str) -> String {
    match svg.find("<svg") {
        Some(i) => svg[i..].to_string(),
        None => svg.to_string(),
    }
}

/// The first `rows` rows of the spec's `preview` table as the report prints them (formatted
/// cells as text, the report's headers), with its caption; `None` without a preview.
pub fn preview(
    pipeline: &Pipeline,
    spec: &ReportSpec,
    results: &BTreeMap<String, Table>,
    rows: usize,
) -> Result<Option<(String, Table)>> {
    let Some(id) = &spec.preview else {
        return Ok(None);
    };
    let Some((i, t)) = spec.tables.iter().enumerate().find(|(_, t)| &t.id == id) else {
        return Ok(None);
    };
    let Some(table) = results.get(&t.query) else {
        return Ok(None);
    };
    let mut env = minijinja::Environment::new();
    add_filters(&mut env);
    let ctx = minijinja::context! {
        p => &pipeline.params,
        q => &pipeline.quality,
        pipeline => &pipeline.name,
    };
    let file = pipeline.report_dir.join("report.yaml");
    let render = |s: &str| {
        env.render_str(s, &ctx)
            .map_err(|e| template_error(&file, e))
    };
    let t = table_ctx(&pipeline.report_dir, t, i as u32 + 1, table, &render)?;
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
