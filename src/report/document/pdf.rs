//! The document as issued: `report.pdf` and `annex.pdf`, A4, PDF/UA-1 (tagged: headings,
//! paragraphs, tables with header cells, figures with alternative text; title and language
//! set; bookmarks from the headings), every font embedded. Typst, in process.
//!
//! The model is written as one Typst source in code mode: every text from the data or from
//! an author is a Typst string literal (`"…"`, with `\` and `"` escaped), never markup, so a
//! country named `#read("/etc/hostname") *b* $x$ ]` prints as itself. The compiler's world
//! holds that source, the fonts shipped with the project (Liberation Serif for the text,
//! Inter for the figures' text) and the figures' SVGs, and refuses every other file.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use super::{Block, Document, Figure, Inline, Item, Table};
use crate::error::{Error, Result};

/// `s` as a Typst string literal.
pub fn lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Writer<'a> {
    doc: &'a Document,
    /// Footnotes already set (a second mark points to the first).
    noted: std::collections::BTreeSet<u32>,
}

impl Writer<'_> {
    /// Inlines as a Typst code block's statements.
    fn inlines(&mut self, v: &[Inline]) -> String {
        let mut out = String::from("{");
        for i in v {
            match i {
                Inline::Text(t) | Inline::Number { text: t, .. } => {
                    let _ = write!(out, "{};", lit(t));
                }
                Inline::Emph(x) => {
                    let inner = self.inlines(x);
                    let _ = write!(out, "emph({inner});");
                }
                Inline::Strong(x) => {
                    let inner = self.inlines(x);
                    let _ = write!(out, "strong({inner});");
                }
                Inline::Ref { id, text } => {
                    let target = self.doc.annex.tables.iter().any(|t| &t.id == id);
                    if target {
                        // In the separate annex: text only.
                        let _ = write!(out, "{};", lit(text));
                    } else {
                        let _ = write!(out, "link(label({}), {});", lit(id), lit(text));
                    }
                }
                Inline::Note(n) => {
                    if self.noted.insert(*n) {
                        let body = self
                            .doc
                            .notes
                            .get(*n as usize - 1)
                            .cloned()
                            .unwrap_or_default();
                        let inner = self.inlines(&body);
                        // The Summary's notes are lettered; the chapters' count from 1 again.
                        let numbering = if self.doc.lettered(*n) {
                            "numbering: \"a\", "
                        } else {
                            ""
                        };
                        let _ = write!(out, "[#footnote({numbering}{inner})<fn{n}>];");
                    } else {
                        let _ = write!(out, "footnote(<fn{n}>);");
                    }
                }
            }
        }
        out.push('}');
        out
    }

    fn items(&mut self, v: &[Item], depth: u32, out: &mut String) {
        for item in v {
            let inner = self.inlines(&item.text);
            let indent = 1.0 + 0.8 * f64::from(depth);
            let _ = writeln!(
                out,
                "#par(hanging-indent: 0.8cm, {{h({indent:.1}cm); box(width: 0.8cm, {}); {inner}}})",
                lit(&item.label)
            );
            self.items(&item.items, depth + 1, out);
        }
    }

    fn small(&self, lines: &[String], source: &str, out: &mut String) {
        for l in lines
            .iter()
            .map(String::as_str)
            .chain(std::iter::once(source).filter(|s| !s.is_empty()))
        {
            let _ = writeln!(out, "#par(text(size: 8pt, {}))", lit(l));
        }
    }

    fn figure(&self, f: &Figure, out: &mut String) {
        let mut caption = format!("{}; linebreak(); strong({})", lit(&f.label), lit(&f.title));
        if !f.subtitle.is_empty() {
            let _ = write!(
                caption,
                "; linebreak(); text(size: 9pt, style: \"italic\", {})",
                lit(&f.subtitle)
            );
        }
        let _ = writeln!(
            out,
            // The caption is kept on the page of its drawing.
            "#block(breakable: false)[#figure(image(read({path}, encoding: none), format: \"svg\", width: 100%, alt: {alt}), \
             kind: image, supplement: none, numbering: none, \
             caption: figure.caption(position: top, {{{caption}}})) {label}]",
            path = lit(&format!("/figures/{}.svg", f.id)),
            alt = lit(&f.alt),
            label = format_args!("<{}>", f.id),
        );
        self.small(&f.notes, &f.source, out);
    }

    fn table(&self, t: &Table, out: &mut String) {
        let g = &t.grid;
        let cols = g.headers.len().max(1);
        let align: Vec<&str> = (0..cols)
            .map(|i| {
                if g.numeric.get(i).copied().unwrap_or(false) {
                    "right"
                } else {
                    "left"
                }
            })
            .collect();
        let mut cells = String::new();
        let _ = write!(cells, "table.header(repeat: true, ");
        for h in &g.headers {
            let _ = write!(cells, "strong({}), ", lit(h));
        }
        cells.push_str("), table.hline(stroke: 0.6pt), ");
        if g.rows.is_empty() {
            let _ = write!(
                cells,
                "table.cell(colspan: {cols}, {}), ",
                lit(&self.doc.words.no_data)
            );
        }
        for (r, row) in g.rows.iter().enumerate() {
            let total = g.total.get(r).copied().unwrap_or(false);
            for c in row {
                if total {
                    let _ = write!(cells, "strong({}), ", lit(c));
                } else {
                    let _ = write!(cells, "{}, ", lit(c));
                }
            }
        }
        // Each column in proportion to what it holds (the model's widths).
        let columns = g
            .widths()
            .iter()
            .map(|w| format!("{w:.4}fr"))
            .collect::<Vec<_>>()
            .join(", ")
            + if cols == 1 { "," } else { "" };
        let _ = writeln!(
            out,
            "#figure(kind: table, supplement: none, numbering: none, \
             caption: figure.caption(position: top, {{{}; linebreak(); strong({})}}), \
             text(size: 8pt, table(columns: ({columns}), align: ({}), stroke: none, inset: (x: 3pt, y: 2pt), \
             table.hline(stroke: 0.8pt), {cells} table.hline(stroke: 0.8pt)))) <{}>",
            lit(&t.label),
            lit(&t.title),
            align.join(", ") + if cols == 1 { "," } else { "" },
            t.id,
        );
        self.small(&t.notes, &t.source, out);
    }
}

/// The preamble: page, text, headings, figures.
fn preamble(doc: &Document, title: &str) -> String {
    format!(
        "#set document(title: {title}, date: none)\n\
         #set text(font: \"Liberation Serif\", size: 10pt, lang: {lang})\n\
         #set page(paper: \"a4\", margin: (x: 2.2cm, top: 2.5cm, bottom: 2.5cm), \
           header: context {{ if counter(page).get().first() > 1 {{ align(right, text(size: 9pt, weight: \"bold\", {symbol})) }} }}, \
           footer: context align(center, text(size: 9pt, counter(page).display())))\n\
         #set par(justify: true, spacing: 0.9em)\n\
         #set heading(numbering: none)\n\
         #show heading: set block(above: 1.4em, below: 0.8em)\n\
         #show heading: set text(hyphenate: false)\n\
         #show heading.where(level: 1): set text(size: 14pt)\n\
         #show heading.where(level: 2): set text(size: 12pt)\n\
         #show heading.where(level: 3): set text(size: 10pt)\n\
         #show figure: set block(breakable: true)\n\
         #show table: set par(justify: false)\n\
         #set table.cell(breakable: false)\n\
         #show figure.caption: set align(left)\n\
         #show figure.caption: it => block(sticky: true, it)\n\
         #show figure.caption: set text(size: 10pt)\n",
        title = lit(title),
        // Typst takes the primary language ("en" of "en-GB").
        lang = lit(doc.language.split(['-', '_']).next().unwrap_or("en")),
        symbol = lit(&doc.masthead.symbol),
    )
}

fn report_source(doc: &Document) -> String {
    let m = &doc.masthead;
    let mut w = Writer {
        doc,
        noted: Default::default(),
    };
    let mut out = preamble(doc, &doc.title);
    let _ = writeln!(
        out,
        "#grid(columns: (1fr, 1fr), align: (left + bottom, right + bottom), \
         text(size: 11pt, weight: \"bold\", {}), text(size: 14pt, weight: \"bold\", {}))\n\
         #line(length: 100%, stroke: 0.6pt)\n\
         #grid(columns: (auto, 1fr, auto), column-gutter: 8pt, align: (horizon, horizon, right), \
         box(width: 1.1cm, height: 1.1cm, stroke: 0.4pt + luma(180), radius: 50%), \
         text(size: 16pt, weight: \"bold\", {}), text(size: 9pt, {{{}; linebreak(); {}; linebreak(); {}}}))\n\
         #text(size: 7pt, fill: luma(100), {})\n\
         #line(length: 100%, stroke: 1.6pt)",
        lit(&doc.words.united_nations),
        lit(&m.symbol),
        lit(&m.organ),
        lit(&m.distribution),
        lit(&m.date),
        match &m.language {
            Some(l) => format!("{}; linebreak(); {}", lit(l), lit(&m.original)),
            None => lit(&m.original),
        },
        lit("[job number]  [barcode]"),
    );
    if let Some(p) = &m.provisional {
        let _ = writeln!(out, "#par(justify: false, emph({}))", lit(p));
    }
    let _ = writeln!(
        out,
        "#par(justify: false, {{{}; linebreak(); {}; linebreak(); {}; linebreak(); {}; \
         footnote(numbering: \"*\", {}); linebreak(); strong({})}})\n#counter(footnote).update(0)",
        lit(&m.commission),
        lit(&m.session),
        lit(&m.place_and_dates),
        lit(&m.agenda_item),
        lit(&m.agenda_note),
        lit(&m.agenda_title),
    );
    let _ = writeln!(
        out,
        "#v(1em)\n#pad(left: 2cm, {{set par(justify: false); set text(hyphenate: false); \
         text(size: 14pt, weight: \"bold\", {}); parbreak(); strong({})}})",
        lit(&doc.title),
        lit(&doc.author_line)
    );
    let mut summary = String::new();
    for p in &doc.summary {
        let inner = w.inlines(p);
        let _ = write!(summary, "par({inner}); ");
    }
    let _ = writeln!(
        out,
        "#block(stroke: 0.6pt, inset: 10pt, width: 100%, {{align(center, heading(level: 1, {})); {summary}}})",
        lit(&doc.words.summary)
    );
    if doc.summary_notes > 0 {
        out.push_str("#counter(footnote).update(0)\n");
    }
    for c in &doc.chapters {
        let _ = writeln!(
            out,
            "#heading(level: 1, {})",
            lit(&format!("{}. {}", c.number, c.title))
        );
        for b in &c.blocks {
            match b {
                Block::Heading { level, label, text } => {
                    let inner = w.inlines(text);
                    let _ = writeln!(
                        out,
                        "#heading(level: {}, {{{}; {inner}}})",
                        level + 1,
                        lit(&format!("{label} "))
                    );
                }
                Block::Paragraph {
                    number,
                    text,
                    items,
                } => {
                    let inner = w.inlines(text);
                    let _ = writeln!(
                        out,
                        "#par(hanging-indent: 1cm, {{box(width: 1cm, {}); {inner}}}) <para-{number}>",
                        lit(&format!("{number}."))
                    );
                    w.items(items, 0, &mut out);
                }
                Block::Figure(f) => w.figure(f, &mut out),
                Block::Table(t) => w.table(t, &mut out),
            }
        }
    }
    out
}

fn annex_source(doc: &Document) -> String {
    let w = Writer {
        doc,
        noted: Default::default(),
    };
    let title = format!("{}: {}", doc.title, doc.annex.title);
    let mut out = preamble(doc, &title);
    let _ = writeln!(
        out,
        "#grid(columns: (1fr, 1fr), align: (left, right), text(size: 11pt, weight: \"bold\", {}), \
         text(size: 14pt, weight: \"bold\", {}))\n#line(length: 100%, stroke: 1.6pt)\n\
         #text(size: 12pt, weight: \"bold\", {})\n#heading(level: 1, {})",
        lit(&doc.words.united_nations),
        lit(&doc.masthead.symbol),
        lit(&doc.title),
        lit(&doc.annex.title)
    );
    for t in &doc.annex.tables {
        w.table(t, &mut out);
    }
    out
}

/// The compiler's world: one source, the shipped fonts, the figures; nothing else.
struct DocWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    files: HashMap<FileId, Bytes>,
}

fn file_id(path: &str) -> Result<FileId> {
    let vpath =
        VirtualPath::new(path).map_err(|e| Error::Internal(format!("typst path {path}: {e:?}")))?;
    Ok(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.get(&id).cloned().ok_or(FileError::AccessDenied)
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn fonts() -> Vec<Font> {
    crate::assets::SERIF
        .iter()
        .chain([crate::assets::FONT_REGULAR, crate::assets::FONT_BOLD].iter())
        .flat_map(|bytes| Font::iter(Bytes::new(bytes.to_vec())))
        .collect()
}

/// Compile `source` and export it under PDF/UA-1; `name` is for errors.
fn compile(
    name: &str,
    source: String,
    files: HashMap<FileId, Bytes>,
    ident: &str,
) -> Result<Vec<u8>> {
    let fonts = fonts();
    let world = DocWorld {
        library: LazyHash::new(<Library as LibraryExt>::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        main: Source::new(file_id("/main.typ")?, source),
        files,
    };
    let fail = |what: &str, diags: &[typst::diag::SourceDiagnostic]| {
        let messages: Vec<String> = diags.iter().map(|d| d.message.to_string()).collect();
        Error::Internal(format!("{name}: {what}: {}", messages.join("; ")))
    };
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|d| fail("typesetting failed", &d))?;
    let standards = PdfStandards::new(&[PdfStandard::Ua_1])
        .map_err(|e| Error::Internal(format!("{name}: {}", e.message())))?;
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|d| fail("PDF/UA-1 export failed", &d))
}

/// `report.pdf` and `annex.pdf`; `svgs` are the bare drawings by figure id.
pub fn write(doc: &Document, svgs: &BTreeMap<String, String>) -> Result<(Vec<u8>, Vec<u8>)> {
    let mut files = HashMap::new();
    for (id, svg) in svgs {
        files.insert(
            file_id(&format!("/figures/{id}.svg"))?,
            Bytes::new(svg.clone().into_bytes()),
        );
    }
    let ident = format!("{} {}", doc.masthead.symbol, doc.title);
    let report = compile("report.pdf", report_source(doc), files, &ident)?;
    let annex = compile(
        "annex.pdf",
        annex_source(doc),
        HashMap::new(),
        &format!("{ident} annex"),
    )?;
    Ok((report, annex))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_hold_any_text() {
        assert_eq!(lit("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(lit("x\ny"), "\"x y\"");
        assert_eq!(
            lit("Pakistan #read(\"/etc/hostname\") *b* $x$ ]"),
            "\"Pakistan #read(\\\"/etc/hostname\\\") *b* $x$ ]\""
        );
    }
}
