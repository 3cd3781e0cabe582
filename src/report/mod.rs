//! Report: query results + report spec + templates → figures, tables and the report itself.
//!
//! Takes the result tables of a run and the report folder (`report.yaml`, `report.html.j2`,
//! `report.md.j2`); returns the artefacts as (relative path, bytes) pairs: `figures/*.svg|png`,
//! `tables/*.csv`, `report.html` (self-contained: inline SVG, CSS and font) and `report.md`.
//! Never writes files itself and never types a number in: every figure comes from a query.

pub mod document;
mod escape;
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
pub use printed::{figure_table, preview, printed_table};
pub use tables::printed;
use tables::{TableCtx, table_csv, table_ctx};

mod figures;
mod names;
mod printed;
mod tables;
mod templates;
mod words;

pub use templates::{NarrativeValues, check_authored, narrative_paragraphs};
use templates::{SpecTexts, authored_parts, narrative_ctx};
pub use words::check_catalogue;

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

/// Render every artefact of the report.
pub fn build(
    pipeline: &Pipeline,
    spec: &ReportSpec,
    results: &BTreeMap<String, Table>,
) -> Result<Vec<Artefact>> {
    build_with(pipeline, spec, results, true)
}

/// The messages of the catalogue the code itself uses (the document's own words).
pub const DOCUMENT_KEYS: &[&str] = &[
    templates::UNTRANSLATED,
    "document-provisional",
    "document-masthead",
    "document-slots",
    "document-references",
    "document-headings",
    "figure-no-data",
    "figure-bars",
    "figure-dumbbell",
    "figure-strip",
    "figure-strip-group",
    "figure-multiples",
    "figure-multiples-panel",
    "figure-stacked-categories",
    "figure-stacked-years",
    "figure-lines",
    "figure-line",
    "figure-data",
    "figure-chart",
];

/// The report in each language of `languages` (the original first): the original's files
/// where the output is, every other language's under `<language>/`.
pub fn build_languages(
    pipeline: &Pipeline,
    spec: &ReportSpec,
    results: &BTreeMap<String, Table>,
    languages: &[String],
) -> Result<Vec<Artefact>> {
    let original = pipeline.document.original();
    let mut all = Vec::new();
    for tag in languages {
        let started = std::time::Instant::now();
        let mut artefacts = build(&pipeline.in_language(tag), spec, results)?;
        if *tag != original {
            for a in &mut artefacts {
                a.path = std::path::Path::new(tag).join(&a.path);
            }
        }
        tracing::info!(
            stage = "report",
            language = %tag,
            seconds = started.elapsed().as_secs_f64(),
            "Stage finished"
        );
        all.extend(artefacts);
    }
    Ok(all)
}

/// [`build`], with the Word manuscripts and the PDF documents only when `manuscripts` (a
/// preview leaves them out unless asked).
pub fn build_with(
    pipeline: &Pipeline,
    spec: &ReportSpec,
    results: &BTreeMap<String, Table>,
    manuscripts: bool,
) -> Result<Vec<Artefact>> {
    let dir = &pipeline.report_dir;
    let texts = SpecTexts::new(pipeline, spec)?;
    let text = |template: &str| texts.text(template);
    let row_text = |template: &str, row: &minijinja::Value| texts.render(template, Some(row));
    // Each figure and table cites exactly the sources its numbers rest on (table `lineage`).
    let cited = results
        .get(crate::store::warehouse::LINEAGE_SOURCES)
        .map(sources_by_item)
        .unwrap_or_default();
    let doc_words = texts.document_words();
    let source_of = |item: &str| source_line(pipeline, &doc_words, cited.get(item));
    // The names of the document's language; the original's stay the cells' addresses.
    let shown = names::localised(pipeline, results)?;
    let get = |q: &str| -> Result<&Table> {
        shown
            .get(q)
            .ok_or_else(|| Error::Internal(format!("query {q} produced no result")))
    };

    let mut artefacts = Vec::new();
    let mut figures = Vec::new();
    let mut bare_pngs = BTreeMap::new();
    let mut bare_svgs: BTreeMap<String, String> = BTreeMap::new();
    // Texts first (templating), then the drawing, which dominates, on every core.
    let mut jobs = Vec::new();
    let chart_words = figures::chart_words(texts.catalogue(), &doc_words)?;
    for (i, f) in spec.figures.iter().enumerate() {
        let table = printed::series_named(f, get(&f.query)?, &row_text)?;
        let ft = FigureText {
            id: f.id.clone(),
            number: i as u32 + 1,
            title: text(&f.title)?,
            subtitle: text(&f.subtitle)?,
            source: source_of(&f.id),
            notes: texts.notes(&f.id)?,
            description: String::new(),
            bare: false,
            words: chart_words.clone(),
        };
        let names = match &f.chart {
            spec::Chart::Dumbbell {
                start_name,
                end_name,
                ..
            } => (text(start_name)?, text(end_name)?),
            _ => (String::new(), String::new()),
        };
        let mut f = f.clone();
        f.axis = text(&f.axis)?;
        jobs.push((f, ft, names, table));
    }
    let figures_start = std::time::Instant::now();
    // Each figure twice: whole (title, notes and source drawn in) for figures/, and bare for
    // the document, which sets those as its own text.
    type Twice = (chart::Figure, String, TableCtx, chart::Figure);
    let drawn: Vec<Result<Twice>> = crate::parallel::map(&jobs, |(f, ft, names, table)| {
        let w = figures::Fw {
            catalogue: texts.catalogue(),
            rules: pipeline.document.lang().rules(),
        };
        // The charts' numbers in the document language's style.
        let draw = |text| chart::in_style(w.rules, || draw(dir, f, text, table, names, &w));
        let (fig, alt, data) = draw(ft.clone_with_desc())?;
        // The document sets the notes as text: only what the chart adds itself is drawn.
        let bare = FigureText {
            bare: true,
            notes: Vec::new(),
            ..ft.clone_with_desc()
        };
        let (doc_fig, _, _) = draw(bare)?;
        Ok((fig, alt, data, doc_fig))
    })
    .into_iter()
    .map(|r| r.unwrap_or_else(|| Err(Error::Internal("a figure thread panicked".into()))))
    .collect();
    for ((f, ft, _, _), result) in jobs.into_iter().zip(drawn) {
        let (fig, alt, data, bare) = result?;
        if let Some((w, h)) = png_size(&bare.png) {
            bare_pngs.insert(f.id.clone(), (bare.png.clone(), w, h));
        }
        let bare_svg = strip_xml_declaration(&bare.svg);
        bare_svgs.insert(f.id.clone(), bare.svg.clone());
        artefacts.push(Artefact {
            path: format!("figures/{}.svg", f.id).into(),
            bytes: fig.svg.clone().into_bytes(),
        });
        artefacts.push(Artefact {
            path: format!("figures/{}.png", f.id).into(),
            bytes: fig.png,
        });
        let svg_inline = bare_svg;
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
        let ctx = table_ctx(
            dir,
            t,
            i as u32 + 1,
            (get(&t.query)?, results.get(&t.query)),
            &|s, row| texts.render(s, row),
            texts.notes(&t.id)?,
            pipeline.document.lang().rules(),
        )?;
        artefacts.push(Artefact {
            path: format!("tables/{}.csv", t.id).into(),
            bytes: table_csv(&ctx)?,
        });
        tables.insert(t.id.clone(), ctx.clone());
        table_list.push(ctx);
    }

    artefacts.push(Artefact {
        path: "tables.xlsx".into(),
        bytes: xlsx::workbook(
            &table_list,
            (
                &document::build::capital(&doc_words.table[0]),
                &doc_words.symbols,
            ),
        )?,
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
    let (body_tables, annex_tables): (Vec<_>, Vec<_>) = table_list
        .iter()
        .map(|t| doc_table(t, source_of(&t.id)))
        .partition(|t| !spec.document.annex.contains(&t.id));
    let ctx = narrative_ctx(pipeline, &narrative);
    let (summary, chapters) = authored_parts(pipeline, texts.words(), spec, &ctx)?;
    let parts = document::Parts {
        settings: pipeline.document.clone(),
        words: texts.document_words(),
        original: pipeline.document.tag() == pipeline.document.original(),
        summary_file: dir.join(&spec.document.summary),
        summary,
        chapters,
        figures: figures
            .into_iter()
            .map(|f| document::Figure {
                source: source_of(&f.id),
                id: f.id,
                label: String::new(),
                title: f.title,
                subtitle: f.subtitle,
                svg: f.svg,
                alt: f.alt,
                notes: f.notes,
                data: document::Grid {
                    cells: Vec::new(),
                    total: vec![false; f.data.rows.len()],
                    numeric: (0..f.data.headers.len()).map(|i| i > 0).collect(),
                    headers: f.data.headers,
                    rows: f.data.rows,
                },
            })
            .collect(),
        tables: body_tables,
        annex: annex_tables,
    };
    let doc = document::assemble(parts)?;
    // (A dry run has no observations, so no figure has rows and no narrative cites anything:
    // nothing to warn about.)
    let drawn = spec
        .figures
        .iter()
        .any(|f| results.get(&f.query).is_some_and(|t| !t.rows.is_empty()));
    if !doc.uncited.is_empty() && drawn {
        tracing::warn!(
            ids = doc.uncited.join(", "),
            "No paragraph cites these figures and tables: set at the end of their chapter"
        );
    }
    let words = document::words(&doc);
    // The limit is the original's; a translation reports its count only.
    let original = pipeline.document.tag() == pipeline.document.original();
    if original && words > WORD_LIMIT {
        tracing::warn!(
            words,
            over = words - WORD_LIMIT,
            "The document is over the 8,500-word limit of reports originating in the Secretariat"
        );
    } else {
        tracing::info!(words, limit = WORD_LIMIT, "Document word count");
    }
    let css = read_input(&dir.join("report.css"))?;
    let fonts = format!(
        "@font-face {{ font-family: \"Inter\"; font-style: normal; font-weight: 400; src: url(data:font/otf;base64,{}) format(\"opentype\"); }}\n\
         @font-face {{ font-family: \"Inter\"; font-style: normal; font-weight: 600 700; src: url(data:font/otf;base64,{}) format(\"opentype\"); }}",
        base64::engine::general_purpose::STANDARD.encode(FONT_REGULAR),
        base64::engine::general_purpose::STANDARD.encode(FONT_BOLD),
    );
    // The PDF is typeset on a thread of its own while the HTML and the Word files are written.
    let (pdfs, docx, html) = std::thread::scope(|scope| {
        #[cfg(feature = "pdf")]
        let pdf = manuscripts.then(|| {
            scope.spawn(|| {
                let start = std::time::Instant::now();
                let _task = crate::progress::task(
                    "Typesetting the PDF",
                    None,
                    crate::progress::Unit::Steps,
                );
                let out = document::pdf::write(&doc, &bare_svgs);
                tracing::info!(
                    stage = "report: pdf",
                    seconds = start.elapsed().as_secs_f64(),
                    "Stage finished"
                );
                out
            })
        });
        #[cfg(not(feature = "pdf"))]
        let _ = (scope, &bare_svgs);
        let html = document::html::write(&doc, &css, &fonts);
        let docx = manuscripts.then(|| {
            let start = std::time::Instant::now();
            let task = crate::progress::task(
                "Writing the Word manuscript",
                None,
                crate::progress::Unit::Steps,
            );
            let docx = document::docx::write(&doc, &bare_pngs);
            drop(task);
            tracing::info!(
                stage = "report: docx",
                seconds = start.elapsed().as_secs_f64(),
                "Stage finished"
            );
            docx
        });
        #[cfg(feature = "pdf")]
        let pdfs = pdf.map(|pdf| {
            pdf.join()
                .unwrap_or_else(|_| Err(Error::Internal("the PDF thread panicked".into())))
        });
        #[cfg(not(feature = "pdf"))]
        let pdfs: Option<Result<(Vec<u8>, Vec<u8>)>> = None;
        (pdfs, docx, html)
    });
    artefacts.push(Artefact {
        path: "report.html".into(),
        bytes: html.into_bytes(),
    });
    if let Some(docx) = docx {
        let (docx, annex_docx) = docx?;
        artefacts.push(Artefact {
            path: "report.docx".into(),
            bytes: docx,
        });
        artefacts.push(Artefact {
            path: "annex.docx".into(),
            bytes: annex_docx,
        });
    }
    if let Some(pdfs) = pdfs {
        let (pdf, annex_pdf) = pdfs?;
        artefacts.push(Artefact {
            path: "report.pdf".into(),
            bytes: pdf,
        });
        artefacts.push(Artefact {
            path: "annex.pdf".into(),
            bytes: annex_pdf,
        });
    }
    let mut md = document::markdown::write(&doc);
    md.push('\n');
    artefacts.push(Artefact {
        path: "report.md".into(),
        bytes: md.into_bytes(),
    });
    artefacts.push(Artefact {
        path: "document.json".into(),
        bytes: if original {
            format!(
                "{{\n  \"words\": {words},\n  \"word_limit\": {WORD_LIMIT},\n  \"paragraphs\": {}\n}}\n",
                paragraph_count(&doc)
            )
        } else {
            format!(
                "{{\n  \"words\": {words},\n  \"paragraphs\": {}\n}}\n",
                paragraph_count(&doc)
            )
        }
        .into_bytes(),
    });
    tracing::info!(
        stage = "report: document (html, md, docx, pdf)",
        seconds = text_start.elapsed().as_secs_f64(),
        "Stage finished"
    );
    Ok(artefacts)
}

/// Item → the ids of the sources its lineage rows come from (`population`, `main`...), from
/// the lineage's summary.
fn sources_by_item(lineage: &Table) -> BTreeMap<String, std::collections::BTreeSet<String>> {
    let mut out: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    if let (Some(i), Some(s)) = (lineage.column("item"), lineage.column("source_id")) {
        for row in &lineage.rows {
            out.entry(row[i].as_text())
                .or_default()
                .insert(row[s].as_text());
        }
    }
    out
}

/// "Source: …" for an item whose numbers rest on `sources`: their citations in the pipeline's
/// order, the World Bank population last. An item with no lineage rows (nothing matched: a
/// table of revisions with none) was computed from the main sources alone.
fn source_line(
    pipeline: &Pipeline,
    words: &document::DocWords,
    sources: Option<&std::collections::BTreeSet<String>>,
) -> String {
    let mut cites: Vec<&str> = pipeline
        .sources
        .iter()
        .filter(|s| match sources {
            Some(ids) => ids.contains(&s.id),
            None => s.role == crate::config::Role::Main,
        })
        .map(|s| s.citation.as_str())
        .collect();
    if cites.is_empty() {
        cites = pipeline
            .sources
            .iter()
            .filter(|s| s.role == crate::config::Role::Main)
            .map(|s| s.citation.as_str())
            .collect();
    }
    let mut line = format!("{} {}", words.source, cites.join("; "));
    if sources.is_some_and(|ids| ids.contains("population")) {
        let pop = &pipeline.population;
        // The vintage as the document writes dates ("6 March 2026").
        line.push_str("; ");
        line.push_str(
            &words
                .population
                .replace("{citation}", &pop.citation)
                .replace("{vintage}", &pipeline.document.lang().date(&pop.vintage)),
        );
    }
    line.push('.');
    line
}

/// Reports originating in the Secretariat: at most 8,500 words (DOCUMENT_SPEC, "Length").
pub const WORD_LIMIT: usize = 8_500;

fn paragraph_count(doc: &document::Document) -> usize {
    doc.chapters
        .iter()
        .flat_map(|c| &c.blocks)
        .filter(|b| matches!(b, document::Block::Paragraph { .. }))
        .count()
}

fn read_input(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::Report {
        file: path.to_path_buf(),
        message: format!("cannot read: {e}"),
    })
}

/// A report table as the document sets it.
fn doc_table(t: &TableCtx, source: String) -> document::Table {
    document::Table {
        id: t.id.clone(),
        label: String::new(),
        title: t.title.clone(),
        grid: document::Grid {
            headers: t.headers.clone(),
            total: t
                .rows
                .iter()
                .map(|r| {
                    r.first()
                        .is_some_and(|c| c == "Total" || c == "All panel countries")
                })
                .collect(),
            rows: t.rows.clone(),
            numeric: t.numeric.clone(),
            cells: t.cells.clone(),
        },
        notes: t.notes.clone(),
        source,
    }
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
            bare: self.bare,
            words: self.words.clone(),
        }
    }
}

/// Width and height of a PNG, from its IHDR chunk.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let word = |at: usize| Some(u32::from_be_bytes(png.get(at..at + 4)?.try_into().ok()?));
    (png.get(12..16)? == b"IHDR").then_some(())?;
    Some((word(16)?, word(20)?))
}

fn strip_xml_declaration(svg: &str) -> String {
    match svg.find("<svg") {
        Some(i) => svg[i..].to_string(),
        None => svg.to_string(),
    }
}
