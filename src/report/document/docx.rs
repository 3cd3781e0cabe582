//! The document as a Word manuscript (`report.docx`, and `annex.docx` for the statistical
//! annex): the OOXML parts written from the model, as the Editorial Manual asks of
//! manuscripts — Times New Roman 12 pt, double-spaced; real Word styles (Title, Heading 1–3,
//! Normal, Footnote Text, Caption); paragraph numbers and subparagraphs (a), (i) from one
//! numbering definition, so they renumber when an editor inserts a paragraph; cross-references
//! as REF fields to bookmarks; real footnotes; tables with a repeating header row; figures as
//! images with their alternative text; the symbol in the page header and page numbers in the
//! footer; title and language in the document properties. No timestamps: the same document
//! gives the same bytes.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;

use super::{Block, Document, Figure, Inline, Item, Table};
use crate::error::{Error, Result};

mod parts;
use parts::{NS, XML, numbering, section, styles};

/// `s` as XML character data or attribute value; characters XML 1.0 cannot hold are dropped.
fn x(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A run of text with optional run properties; a tab is Word's tab.
fn run(text: &str, props: &str) -> String {
    let rpr = if props.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{props}</w:rPr>")
    };
    let body: Vec<String> = text
        .split('\t')
        .map(|t| format!("<w:t xml:space=\"preserve\">{}</w:t>", x(t)))
        .collect();
    format!("<w:r>{rpr}{}</w:r>", body.join("<w:tab/>"))
}

/// A field (`REF _Ref… \h`, `PAGE`) with its current result, so that readers that do not update
/// fields still show the right text.
fn field(instr: &str, result: &str, props: &str) -> String {
    let rpr = if props.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{props}</w:rPr>")
    };
    format!(
        "<w:r>{rpr}<w:fldChar w:fldCharType=\"begin\"/></w:r>\
         <w:r>{rpr}<w:instrText xml:space=\"preserve\"> {} </w:instrText></w:r>\
         <w:r>{rpr}<w:fldChar w:fldCharType=\"separate\"/></w:r>{}\
         <w:r>{rpr}<w:fldChar w:fldCharType=\"end\"/></w:r>",
        x(instr),
        run(result, props)
    )
}

/// The bookmark name of a figure, a table or a paragraph (Word: letters, digits, `_`).
fn bookmark(id: &str) -> String {
    let clean: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("_Ref_{clean}")
}

struct Writer<'a> {
    doc: &'a Document,
    /// Bookmark ids in order of creation.
    bookmarks: u32,
    /// Image relationships: (rId, media file name, bytes).
    images: Vec<(String, String, Vec<u8>)>,
    /// The next drawing id (`wp:docPr id`).
    drawings: u32,
    pngs: &'a BTreeMap<String, (Vec<u8>, u32, u32)>,
}

impl Writer<'_> {
    fn inlines(&self, v: &[Inline], props: &str, out: &mut String) {
        for i in v {
            match i {
                Inline::Text(t) | Inline::Number { text: t, .. } => out.push_str(&run(t, props)),
                Inline::Emph(inner) => self.inlines(inner, &format!("{props}<w:i/>"), out),
                Inline::Strong(inner) => self.inlines(inner, &format!("{props}<w:b/>"), out),
                Inline::Ref { id, text } => {
                    // "figure II": the word as text, the numeral as a field on the bookmark
                    // (a reference to the separate annex stays text: its bookmark is there).
                    let in_annex = self.doc.annex.tables.iter().any(|t| &t.id == id);
                    match text.rsplit_once(' ') {
                        Some((word, number)) if !in_annex => {
                            out.push_str(&run(&format!("{word} "), props));
                            let instr = if id.starts_with("para-") {
                                format!("REF {} \\r \\h", bookmark(id))
                            } else {
                                format!("REF {} \\h", bookmark(id))
                            };
                            out.push_str(&field(&instr, number, props));
                        }
                        _ => out.push_str(&run(text, props)),
                    }
                }
                // A note of the Summary carries its letter as a custom mark (Word numbers
                // only the others, so the chapters' notes start at 1).
                Inline::Note(n) if self.doc.lettered(*n) => {
                    let _ = write!(
                        out,
                        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>\
                         <w:footnoteReference w:id=\"{n}\" w:customMarkFollows=\"1\"/>\
                         <w:t>{}</w:t></w:r>",
                        self.doc.mark(*n)
                    );
                }
                Inline::Note(n) => {
                    let _ = write!(
                        out,
                        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>\
                         <w:footnoteReference w:id=\"{n}\"/></w:r>"
                    );
                }
            }
        }
    }

    fn bookmarked(&mut self, id: &str, inner: &str) -> String {
        self.bookmarks += 1;
        let n = self.bookmarks;
        format!(
            "<w:bookmarkStart w:id=\"{n}\" w:name=\"{}\"/>{inner}<w:bookmarkEnd w:id=\"{n}\"/>",
            bookmark(id)
        )
    }

    fn items(&self, v: &[Item], level: u32, out: &mut String) {
        for item in v {
            let _ = write!(
                out,
                "<w:p><w:pPr><w:pStyle w:val=\"Subparagraph\"/><w:numPr><w:ilvl w:val=\"{level}\"/>\
                 <w:numId w:val=\"1\"/></w:numPr></w:pPr>"
            );
            self.inlines(&item.text, "", out);
            out.push_str("</w:p>");
            self.items(&item.items, level + 1, out);
        }
    }

    fn plain_paragraph(&self, style: &str, text: &str, out: &mut String) {
        let _ = write!(
            out,
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{}</w:p>",
            run(text, "")
        );
    }

    /// "Figure II" / "Table 3" with the numeral bookmarked, then the bold title.
    fn caption(&mut self, id: &str, label: &str, title: &str, out: &mut String) {
        let (word, number) = label.rsplit_once(' ').unwrap_or((label, ""));
        let numeral = self.bookmarked(id, &run(number, ""));
        let _ = write!(
            out,
            "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/></w:pPr>{}{numeral}</w:p>\
             <w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:spacing w:before=\"0\" w:after=\"60\"/></w:pPr>{}</w:p>",
            run(&format!("{word} "), ""),
            run(title, "<w:b/>")
        );
    }

    fn notes_and_source(&self, notes: &[String], source: &str, out: &mut String) {
        for n in notes {
            self.plain_paragraph("TableNote", n, out);
        }
        if !source.is_empty() {
            self.plain_paragraph("TableNote", source, out);
        }
    }

    fn figure(&mut self, f: &Figure, out: &mut String) {
        self.caption(&f.id, &f.label, &f.title, out);
        if !f.subtitle.is_empty() {
            self.plain_paragraph("CaptionUnit", &f.subtitle, out);
        }
        if let Some((png, w, h)) = self.pngs.get(&f.id) {
            self.drawings += 1;
            let rid = format!("rIdImg{}", self.drawings);
            let name = format!("{}.png", f.id);
            // 16 cm wide, the A4 text width; the height keeps the drawing's proportions.
            let cx: u64 = 5_760_000;
            let cy: u64 = cx * u64::from(*h) / u64::from((*w).max(1));
            let _ = write!(
                out,
                "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/></w:pPr><w:r><w:drawing>\
                 <wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
                 <wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{id}\" name=\"{name}\" descr=\"{alt}\"/>\
                 <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
                 <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
                 <pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"{name}\" descr=\"{alt}\"/><pic:cNvPicPr/></pic:nvPicPr>\
                 <pic:blipFill><a:blip r:embed=\"{rid}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
                 <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
                 <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>\
                 </a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
                id = self.drawings,
                alt = x(&f.alt),
            );
            self.images.push((rid, name, png.clone()));
        }
        self.notes_and_source(&f.notes, &f.source, out);
    }

    fn table(&mut self, t: &Table, out: &mut String) {
        self.caption(&t.id, &t.label, &t.title, out);
        let g = &t.grid;
        let cols = g.headers.len().max(1);
        // Each column in proportion to what it holds (the model's widths), in twentieths of a
        // point of the 16 cm text width; a fixed layout so that every reader keeps them.
        let widths: Vec<u32> = g
            .widths()
            .iter()
            .map(|w| (w * 9072.0).round() as u32)
            .collect();
        out.push_str(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"DataTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>\
             <w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0020\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" \
             w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
        );
        for w in &widths {
            let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
        }
        out.push_str("</w:tblGrid>");
        let cell = |i: usize, text: &str, right: bool, bold: bool, out: &mut String| {
            let jc = if right { "<w:jc w:val=\"right\"/>" } else { "" };
            let _ = write!(
                out,
                "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr>\
                 <w:pStyle w:val=\"TableText\"/>{jc}</w:pPr>{}</w:p></w:tc>",
                widths.get(i).copied().unwrap_or(9072),
                run(text, if bold { "<w:b/>" } else { "" })
            );
        };
        // The header row repeats on every page.
        out.push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
        for (i, h) in g.headers.iter().enumerate() {
            cell(i, h, g.numeric.get(i).copied().unwrap_or(false), true, out);
        }
        out.push_str("</w:tr>");
        if g.rows.is_empty() {
            out.push_str("<w:tr>");
            cell(0, &self.doc.words.no_data, false, false, out);
            for i in 1..cols {
                cell(i, "", false, false, out);
            }
            out.push_str("</w:tr>");
        }
        for (r, row) in g.rows.iter().enumerate() {
            let total = g.total.get(r).copied().unwrap_or(false);
            out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (i, c) in row.iter().enumerate() {
                cell(i, c, g.numeric.get(i).copied().unwrap_or(false), total, out);
            }
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl>");
        self.notes_and_source(&t.notes, &t.source, out);
    }

    /// The body of the manuscript.
    fn body(&mut self) -> String {
        let doc = self.doc;
        let m = &doc.masthead;
        let mut out = String::new();
        // Masthead: "United Nations" and the symbol, the organ, the distribution lines; a slot
        // for the emblem and for the job number and barcode that conference services add.
        self.plain_paragraph(
            "Masthead",
            &format!("{}\t{}", doc.words.united_nations, m.symbol),
            &mut out,
        );
        self.plain_paragraph("Organ", &format!("[emblem]  {}", m.organ), &mut out);
        for line in m.distribution_lines() {
            self.plain_paragraph("Distribution", line, &mut out);
        }
        for line in [&m.commission, &m.session, &m.place_and_dates] {
            self.plain_paragraph("Session", line, &mut out);
        }
        let _ = write!(
            out,
            "<w:p><w:pPr><w:pStyle w:val=\"Session\"/></w:pPr>{}<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>*</w:t></w:r></w:p>",
            run(&m.agenda_item, "")
        );
        let _ = write!(
            out,
            "<w:p><w:pPr><w:pStyle w:val=\"Session\"/></w:pPr>{}</w:p>",
            run(&m.agenda_title, "<w:b/>")
        );
        self.plain_paragraph("Slots", "[job number]  [barcode]", &mut out);
        self.plain_paragraph("Title", &doc.title, &mut out);
        self.plain_paragraph("Subtitle", &doc.author_line, &mut out);
        self.plain_paragraph("SummaryHeading", &doc.words.summary, &mut out);
        for p in &doc.summary {
            out.push_str("<w:p><w:pPr><w:pStyle w:val=\"SummaryText\"/></w:pPr>");
            self.inlines(p, "", &mut out);
            out.push_str("</w:p>");
        }
        let _ = write!(
            out,
            "<w:p><w:pPr><w:pStyle w:val=\"TableNote\"/></w:pPr>{}</w:p>",
            run(&format!("* {}", m.agenda_note), "")
        );
        for c in &doc.chapters {
            let _ = write!(
                out,
                "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>{}</w:p>",
                run(&format!("{}.\t{}", c.number, c.title), "")
            );
            for b in &c.blocks {
                match b {
                    Block::Heading { level, label, text } => {
                        let style = if *level == 1 { "Heading2" } else { "Heading3" };
                        let _ = write!(
                            out,
                            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{}",
                            run(&format!("{label}\t"), "")
                        );
                        self.inlines(text, "", &mut out);
                        out.push_str("</w:p>");
                    }
                    Block::Paragraph {
                        number,
                        text,
                        items,
                    } => {
                        // The number comes from the numbering definition; the bookmark spans
                        // the paragraph so that REF \r gives its number.
                        let mut inner = String::new();
                        self.inlines(text, "", &mut inner);
                        let marked = self.bookmarked(&format!("para-{number}"), &inner);
                        let _ = write!(
                            out,
                            "<w:p><w:pPr><w:pStyle w:val=\"NumberedPara\"/><w:numPr><w:ilvl w:val=\"0\"/>\
                             <w:numId w:val=\"1\"/></w:numPr></w:pPr>{marked}</w:p>"
                        );
                        self.items(items, 1, &mut out);
                    }
                    Block::Figure(f) => self.figure(f, &mut out),
                    Block::Table(t) => self.table(t, &mut out),
                }
            }
        }
        out
    }

    fn annex_body(&mut self) -> String {
        let doc = self.doc;
        let mut out = String::new();
        self.plain_paragraph(
            "Masthead",
            &format!("{}\t{}", doc.words.united_nations, doc.masthead.symbol),
            &mut out,
        );
        self.plain_paragraph("Title", &doc.title, &mut out);
        self.plain_paragraph("Subtitle", &doc.annex.title, &mut out);
        for t in &doc.annex.tables {
            self.table(t, &mut out);
        }
        out
    }

    fn footnotes(&self) -> String {
        let mut out = String::from(
            "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>\
             <w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>",
        );
        for (i, n) in self.doc.notes.iter().enumerate() {
            let k = i as u32 + 1;
            let mark = if self.doc.lettered(k) {
                format!("<w:t>{}</w:t>", self.doc.mark(k))
            } else {
                "<w:footnoteRef/>".to_string()
            };
            let _ = write!(
                out,
                "<w:footnote w:id=\"{k}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>\
                 <w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>{mark}</w:r>{}",
                run(" ", "")
            );
            self.inlines(n, "", &mut out);
            out.push_str("</w:p></w:footnote>");
        }
        out
    }
}

/// The package: (part name, bytes), in a fixed order.
fn package(
    title: &str,
    language: &str,
    symbol: &str,
    body: &str,
    footnotes: &str,
    images: &[(String, String, Vec<u8>)],
) -> Vec<(String, Vec<u8>)> {
    let mut parts = Vec::new();
    let mut add = |name: &str, text: String| parts.push((name.to_string(), text.into_bytes()));
    add(
        "[Content_Types].xml",
        format!(
            "{XML}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Default Extension=\"png\" ContentType=\"image/png\"/>\
             <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
             <Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
             <Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
             <Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>\
             <Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
             <Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
             <Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
             <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
             <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
             </Types>"
        ),
    );
    add(
        "_rels/.rels",
        format!(
            "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
             <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
             <Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
             </Relationships>"
        ),
    );
    add(
        "docProps/core.xml",
        format!(
            "{XML}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:language>{}</dc:language>\
             <dc:identifier>{}</dc:identifier></cp:coreProperties>",
            x(title),
            x(language),
            x(symbol)
        ),
    );
    add(
        "docProps/app.xml",
        format!(
            "{XML}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
             <Application>{} {}</Application></Properties>",
            env!("CARGO_PKG_NAME"),
            env!("CARGO_PKG_VERSION")
        ),
    );
    let mut rels = String::from(
        "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rIdNumbering\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>\
         <Relationship Id=\"rIdFootnotes\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"footnotes.xml\"/>\
         <Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>\
         <Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>",
    );
    for (rid, name, _) in images {
        let _ = write!(
            rels,
            "<Relationship Id=\"{rid}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/{name}\"/>"
        );
    }
    add(
        "word/_rels/document.xml.rels",
        format!(
            "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>"
        ),
    );
    add(
        "word/document.xml",
        format!(
            "{XML}<w:document {NS}><w:body>{body}{}</w:body></w:document>",
            section(true)
        ),
    );
    add("word/styles.xml", styles(language));
    add("word/numbering.xml", numbering());
    add(
        "word/footnotes.xml",
        format!("{XML}<w:footnotes {NS}>{footnotes}</w:footnotes>"),
    );
    add(
        "word/settings.xml",
        format!(
            "{XML}<w:settings {NS}><w:defaultTabStop w:val=\"567\"/>\
             <w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>\
             <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
             </w:settings>"
        ),
    );
    add(
        "word/header1.xml",
        format!(
            "{XML}<w:hdr {NS}><w:p><w:pPr><w:pStyle w:val=\"Masthead\"/><w:jc w:val=\"right\"/></w:pPr>{}</w:p></w:hdr>",
            run(symbol, "")
        ),
    );
    add(
        "word/footer1.xml",
        format!(
            "{XML}<w:ftr {NS}><w:p><w:pPr><w:pStyle w:val=\"Session\"/><w:jc w:val=\"center\"/></w:pPr>{}</w:p></w:ftr>",
            field("PAGE", "1", "")
        ),
    );
    for (_, name, bytes) in images {
        parts.push((format!("word/media/{name}"), bytes.clone()));
    }
    parts
}

fn zip(parts: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    let err = |e: zip::result::ZipError| Error::Internal(format!("writing the DOCX: {e}"));
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let text = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644)
        .last_modified_time(zip::DateTime::default());
    let binary = text.compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in parts {
        let options = if name.ends_with(".png") { binary } else { text };
        w.start_file(name.as_str(), options).map_err(err)?;
        w.write_all(bytes)
            .map_err(|e| Error::Internal(format!("writing the DOCX: {e}")))?;
    }
    Ok(w.finish().map_err(err)?.into_inner())
}

/// `report.docx` and `annex.docx`. `pngs` are the bare drawings by figure id, with their
/// pixel width and height.
pub fn write(
    doc: &Document,
    pngs: &BTreeMap<String, (Vec<u8>, u32, u32)>,
) -> Result<(Vec<u8>, Vec<u8>)> {
    let mut w = Writer {
        doc,
        bookmarks: 0,
        images: Vec::new(),
        drawings: 0,
        pngs,
    };
    let body = w.body();
    let notes = w.footnotes();
    let report = zip(&package(
        &doc.title,
        &doc.language,
        &doc.masthead.symbol,
        &body,
        &notes,
        &w.images,
    ))?;
    let mut a = Writer {
        doc,
        bookmarks: 0,
        images: Vec::new(),
        drawings: 0,
        pngs,
    };
    let annex_body = a.annex_body();
    let separators = Writer {
        doc: &Document {
            notes: Vec::new(),
            ..doc.clone()
        },
        bookmarks: 0,
        images: Vec::new(),
        drawings: 0,
        pngs,
    }
    .footnotes();
    let annex = zip(&package(
        &format!("{}: {}", doc.title, doc.annex.title),
        &doc.language,
        &doc.masthead.symbol,
        &annex_body,
        &separators,
        &[],
    ))?;
    Ok((report, annex))
}
