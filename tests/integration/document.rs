//! The report as a UN document (DOCUMENT_SPEC.md), read from the HTML and Markdown the run
//! writes: its parts in order, paragraph numbers through the whole text, every figure and body
//! table cited by a paragraph before it appears and numbered in order of appearance, the annex
//! apart, the word count in `document.json`, and authored chapters checked like the YAML.

use std::path::Path;

use super::support::{
    docx_text_through_libreoffice, edit, folded, mini, own_report, poppler, run_in, sandbox, text,
};

/// Positions in `html` of each `<figure id=…>` / `<table id=…>` and of the first link to it.
fn floats_and_citations(html: &str) -> Vec<(String, usize, Option<usize>)> {
    let mut out = Vec::new();
    for (tag, prefix) in [("<figure id=\"", 'F'), ("<table id=\"", 'T')] {
        let mut from = 0;
        while let Some(i) = html[from..].find(tag) {
            let at = from + i;
            let id_start = at + tag.len();
            let id_end = id_start + html[id_start..].find('"').unwrap();
            let id = html[id_start..id_end].to_string();
            assert!(id.starts_with(prefix), "{id}");
            let cite = html.find(&format!("<a href=\"#{id}\">"));
            out.push((id, at, cite));
            from = id_end;
        }
    }
    out.sort_by_key(|(_, at, _)| *at);
    out
}

/// The labels of the floats in order of appearance ("Figure I", "Table 1", …).
fn labels(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    let tag = "<span class=\"label\">";
    while let Some(i) = html[from..].find(tag) {
        let s = from + i + tag.len();
        let e = s + html[s..].find('<').unwrap();
        let label = &html[s..e];
        if label.starts_with("Figure ") || label.starts_with("Table ") {
            out.push(label.to_string());
        }
        from = e;
    }
    out
}

fn check_document(out: &Path, body_tables: usize) {
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let annex_at = html
        .find("<section class=\"annex\"")
        .expect("an annex section");
    // Every figure and body table is cited before it appears.
    for (id, at, cite) in floats_and_citations(&html) {
        if at > annex_at {
            continue;
        }
        let cite = cite.unwrap_or_else(|| panic!("{id} is never cited"));
        assert!(cite < at, "{id} appears before the paragraph that cites it");
    }
    // Numbered in order of appearance: Figure I, II, …; Table 1, 2, …; the annex continues.
    let got = labels(&html);
    let figures: Vec<&String> = got.iter().filter(|l| l.starts_with("Figure")).collect();
    let want: Vec<String> = (1..=figures.len() as u32)
        .map(|n| format!("Figure {}", kidnap_trends::format::roman(n)))
        .collect();
    assert_eq!(figures, want.iter().collect::<Vec<_>>());
    let tables: Vec<&String> = got.iter().filter(|l| l.starts_with("Table")).collect();
    let want: Vec<String> = (1..=tables.len()).map(|n| format!("Table {n}")).collect();
    assert_eq!(tables, want.iter().collect::<Vec<_>>());
    assert_eq!(
        html[..annex_at].matches("<caption>").count(),
        body_tables,
        "body tables"
    );
    // The parts in order.
    let order = [
        "class=\"masthead\"",
        "class=\"session\"",
        "<h1>",
        "id=\"summary\"",
        "id=\"chapter-I\"",
        "id=\"chapter-II\"",
        "id=\"chapter-III\"",
        "id=\"chapter-IV\"",
        "id=\"chapter-V\"",
        "class=\"footnotes\"",
        "class=\"annex\"",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|m| html.find(m).unwrap_or_else(|| panic!("no {m}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "parts out of order");
    // Paragraphs numbered 1, 2, … through the whole document (not restarting per chapter).
    let numbers: Vec<u32> = html
        .match_indices("<div class=\"para\" id=\"para-")
        .map(|(i, m)| {
            let s = i + m.len();
            html[s..s + html[s..].find('"').unwrap()].parse().unwrap()
        })
        .collect();
    assert!(numbers.len() > 10, "{numbers:?}");
    assert_eq!(numbers, (1..=numbers.len() as u32).collect::<Vec<_>>());
    // Markdown: the same numbers.
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    for n in &numbers {
        assert!(
            md.contains(&format!("\n{n}\\. ")),
            "paragraph {n} in report.md"
        );
    }
    // Figure text at least 7 pt when the figure is printed at the A4 text width (160 mm for
    // the drawing's 960 px: 453.5 pt).
    let svg_width = 960.0;
    let points_per_px = 160.0 / 25.4 * 72.0 / svg_width;
    let sizes: Vec<f64> = html
        .match_indices("font-size=\"")
        .map(|(i, m)| {
            let s = i + m.len();
            html[s..s + html[s..].find('"').unwrap()].parse().unwrap()
        })
        .collect();
    assert!(sizes.len() > 100);
    for px in sizes {
        assert!(
            px * points_per_px >= 7.0,
            "{px} px prints at {:.1} pt",
            px * points_per_px
        );
    }
    assert_eq!(
        html.matches("<svg width=\"960\"").count(),
        8,
        "every figure 960 px wide"
    );
    // The word count, against the limit.
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("document.json")).unwrap()).unwrap();
    assert_eq!(doc["word_limit"], 8500);
    assert!(doc["words"].as_u64().unwrap() > 1000);
    assert_eq!(doc["paragraphs"], numbers.len());
    // The manifest records the same count.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["document"], doc);
}

#[test]
fn the_fixture_document_has_its_parts_numbers_and_citations() {
    let tmp = sandbox();
    let out = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    check_document(&tmp.path().join("out"), 5);
    let md = std::fs::read_to_string(tmp.path().join("out/report.md")).unwrap();
    // Placeholders for what the settings do not give, never invented values.
    assert!(md.contains("United Nations — \\[symbol\\]"), "{md}");
    assert!(md.contains("*To be completed:*"));
    // The references read as UN text.
    assert!(md.contains("(see figure I and table 1)"), "{md}");
    assert!(md.contains("(see figures II and III and table 2)"), "{md}");
}

#[test]
fn the_default_document_cites_every_figure_and_table_before_it_appears() {
    let out = super::support::default_output();
    check_document(out, 5);
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    // N2 and N1 as the Commission reads them.
    assert!(md.contains("In 2023, 73 countries and areas recorded a total of 58,307 kidnappings"));
    assert!(md.contains("Thirty-eight of them reported in every year"));
    // The manuscript, through LibreOffice: the Summary's and chapter II's sentences.
    if let Some(t) = docx_text_through_libreoffice(&out.join("report.docx")) {
        let t = folded(&t);
        assert!(
            t.contains("In 2023, 73 countries and areas recorded a total of 58,307 kidnappings"),
            "{t}"
        );
        assert!(
            t.contains("Thirty-eight of them reported in every year"),
            "{t}"
        );
    }
}

/// The shipped report folder copied beside the fixture, so its chapters can be broken.
#[test]
fn a_chapter_outside_the_subset_is_a_validate_error_at_its_line() {
    let tmp = sandbox();
    let report = own_report(tmp.path());
    std::fs::write(
        report.join("chapters/measures.md"),
        "First paragraph.\n\n<script>alert(1)</script>\n\nSee [@F99].\n",
    )
    .unwrap();
    std::fs::remove_file(report.join("chapters/assistance.md")).unwrap();
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("chapters/measures.md: line 3: raw HTML"),
        "{err}"
    );
    assert!(err.contains("chapters/assistance.md: cannot read"), "{err}");
    // The reference is checked once the chapter is inside the subset.
    std::fs::write(
        report.join("chapters/measures.md"),
        "First paragraph.\n\nSee [@F99].\n",
    )
    .unwrap();
    std::fs::write(report.join("chapters/assistance.md"), "Text.\n").unwrap();
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("line 3: [@F99] names no figure"), "{err}");
    // A run refuses too, and the published output is untouched.
    assert!(!tmp.path().join("out").exists());
    let _ = mini();
}

#[test]
fn a_chapter_edit_reaches_the_document() {
    let tmp = sandbox();
    let report = own_report(tmp.path());
    let first = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    edit(&report.join("chapters/assistance.md"), |_| {
        "In {{ p.last_year | year }}, the Office trained *{{ pipeline }}* staff [@x].\n\nAnother. [#x]\n"
            .into()
    });
    let again = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    let md = std::fs::read_to_string(tmp.path().join("out/report.md")).unwrap();
    let html = std::fs::read_to_string(tmp.path().join("out/report.html")).unwrap();
    // The value is printed as text, the authored emphasis is markup, the label resolves.
    let n: u32 = html
        .split("<div class=\"para\" id=\"para-")
        .find(|s| s.contains("Another."))
        .and_then(|s| s.split('"').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(
        html.contains(&format!(
            "the Office trained <em>mini</em> staff <a href=\"#para-{n}\">para. {n}</a>"
        )),
        "{html}"
    );
    assert!(
        md.contains(&format!("the Office trained *mini* staff para. {n}.")),
        "{md}"
    );
}

/// A part of a DOCX package, as text.
fn part(docx: &Path, name: &str) -> String {
    let f = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(f).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
    s
}

#[test]
fn the_word_manuscript_has_styles_numbering_footnotes_alt_text_and_header_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let run = super::support::bin()
        .args(["-q", "run"])
        .arg(mini().join("pipeline.yaml"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", text(&run.stderr));
    let docx = out.join("report.docx");
    let styles = part(&docx, "word/styles.xml");
    for id in [
        "Normal",
        "Title",
        "Heading1",
        "Heading2",
        "FootnoteText",
        "Caption",
    ] {
        assert!(
            styles.contains(&format!("w:styleId=\"{id}\"")),
            "style {id}"
        );
    }
    // Times New Roman 12 pt, double-spaced.
    assert!(styles.contains("w:ascii=\"Times New Roman\""));
    assert!(styles.contains("<w:sz w:val=\"24\"/>"));
    assert!(styles.contains("w:line=\"480\""));
    let numbering = part(&docx, "word/numbering.xml");
    assert!(numbering.contains("<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>"));
    assert!(numbering.contains("<w:lvlText w:val=\"(%2)\"/>"));
    let body = part(&docx, "word/document.xml");
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("document.json")).unwrap()).unwrap();
    // Every numbered paragraph takes its number from the numbering definition.
    assert_eq!(
        body.matches("<w:pStyle w:val=\"NumberedPara\"/><w:numPr><w:ilvl w:val=\"0\"/>")
            .count() as u64,
        doc["paragraphs"].as_u64().unwrap()
    );
    // Real footnotes, as many as the HTML's.
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let notes = html.matches("<li id=\"fn").count();
    assert!(notes >= 2);
    assert_eq!(body.matches("<w:footnoteReference w:id=").count(), notes);
    let footnotes = part(&docx, "word/footnotes.xml");
    assert_eq!(footnotes.matches("<w:footnoteRef/>").count(), notes);
    // Figures as images with their alternative text; header rows that repeat.
    assert_eq!(body.matches("<wp:docPr id=").count(), 8);
    assert!(
        !body.contains("descr=\"\""),
        "a figure without alternative text"
    );
    assert!(body.contains("descr=\"Highest kidnapping rates"));
    assert_eq!(body.matches("<w:tblHeader/>").count(), 5, "body tables");
    let annex = part(&out.join("annex.docx"), "word/document.xml");
    assert_eq!(annex.matches("<w:tblHeader/>").count(), 5, "annex tables");
    // Cross-references are fields on bookmarks.
    assert!(body.contains("REF _Ref_F1 \\h"));
    assert!(body.contains("<w:bookmarkStart w:id=\"1\" w:name=\"_Ref_para_1\"/>"));
    // The symbol in the page header, page numbers in the footer, properties set.
    assert!(part(&docx, "word/header1.xml").contains("[symbol]"));
    assert!(part(&docx, "word/footer1.xml").contains(" PAGE "));
    let core = part(&docx, "docProps/core.xml");
    assert!(core.contains("<dc:language>en</dc:language>"));
    assert!(core.contains("<dc:title>International cooperation to prevent"));
    // A real reader: LibreOffice converts it, and its text holds the Summary and chapter II.
    if let Some(pdf_text) = docx_text_through_libreoffice(&docx) {
        let t = folded(&pdf_text);
        assert!(t.contains("Summary"), "{t}");
        assert!(
            t.contains("II. Trends in kidnapping recorded by the police")
                || t.contains("II.Trends"),
            "{t}"
        );
        assert!(t.contains("recorded a total of 220 kidnappings"), "{t}");
        assert!(t.contains("4. "), "paragraph numbers: {t}");
    }
    if let Some(annex_text) = docx_text_through_libreoffice(&out.join("annex.docx")) {
        assert!(folded(&annex_text).contains("Statistical annex"));
    }
}

#[cfg(feature = "pdf")]
#[test]
fn the_pdf_is_tagged_pdf_ua_with_every_font_embedded() {
    let tmp = sandbox();
    // A country name that is Typst markup, and worse, prints as itself.
    let hostile = "Pakistan #read(\"/etc/hostname\") *b* $x$ ]";
    for f in ["countries.csv", "cts.csv"] {
        edit(&tmp.path().join(f), |s| {
            s.replace(
                "Alphaland",
                &format!("\"{}\"", hostile.replace('"', "\"\"")),
            )
        });
    }
    let run = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let pdf = tmp.path().join("out/report.pdf");
    let annex = tmp.path().join("out/annex.pdf");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let Some(meta) = poppler("pdfinfo", &["-meta"], &pdf) else {
        return;
    };
    assert!(
        meta.contains("pdfuaid:part") && meta.contains('1'),
        "{meta}"
    );
    let info = poppler("pdfinfo", &[], &pdf).unwrap();
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains("Page size:") && info.contains("595.") && info.contains("841."),
        "A4: {info}"
    );
    assert!(
        info.contains("Title:           International cooperation to prevent"),
        "{info}"
    );
    let structure = poppler("pdfinfo", &["-struct"], &pdf).unwrap();
    for tag in ["H1", "H2", "P", "Table", "TH", "TD", "Figure"] {
        assert!(structure.contains(tag), "no {tag} in the structure tree");
    }
    let fonts = poppler("pdffonts", &[], &pdf).unwrap();
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in &rows {
        // name type encoding emb sub uni object ID: "emb" is the column after the encoding.
        assert!(row.contains(" yes "), "a font not embedded: {row}");
    }
    assert!(fonts.contains("LiberationSerif"), "{fonts}");
    let t = folded(&poppler("pdftotext", &[], &pdf).unwrap());
    assert!(
        t.contains("recorded a total of 220 kidnappings, a combined rate of 2.3 per 100,000"),
        "{t}"
    );
    assert!(
        t.contains("1. In paragraph 10 of its resolution 2009/24"),
        "{t}"
    );
    assert!(
        t.contains(hostile),
        "the hostile name prints literally: {t}"
    );
    let a = folded(&poppler("pdftotext", &[], &annex).unwrap());
    assert!(a.contains("Statistical annex"), "{a}");
    assert!(
        poppler("pdfinfo", &["-meta"], &annex)
            .unwrap()
            .contains("pdfuaid:part")
    );
}

#[test]
fn a_note_of_the_summary_is_lettered_and_the_chapters_notes_count_from_one() {
    // DOCUMENT_SPEC: footnote marks in the Summary are letters; the chapters' are numbers.
    let tmp = sandbox();
    let report = own_report(tmp.path());
    edit(&report.join("summary.j2"), |s| {
        format!("{s}\n\nThe data are those Member States reported.[^s]\n\n[^s]: Summary note.\n")
    });
    edit(&report.join("chapters/assistance.md"), |_| {
        "The Office trained staff.[^c]\n\n[^c]: Chapter note.\n".into()
    });
    let run = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let out = tmp.path().join("out");
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    // The Summary's note is the first of the document (id 1), marked a.
    assert!(
        html.contains(
            "reported.<sup><a href=\"#fn1\" id=\"fnref1\" aria-label=\"note a\">a</a></sup>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<ol type=\"a\">\n<li id=\"fn1\" value=\"1\">Summary note."),
        "{html}"
    );
    let chapter_mark = html
        .split("The Office trained staff.")
        .nth(1)
        .and_then(|s| s.split("</a></sup>").next())
        .unwrap();
    // The chapters' notes are numbered apart from it: note k of the document is the
    // chapters' k − 1 (the introduction's notes come first).
    let k: u32 = chapter_mark
        .split("id=\"fnref")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|k| k.parse().ok())
        .unwrap();
    assert!(k > 1);
    assert!(
        chapter_mark.ends_with(&format!("aria-label=\"note {0}\">{0}", k - 1)),
        "{chapter_mark}"
    );
    let c = k - 1;
    assert!(
        md.contains("reported.[^a]") && md.contains("[^a]: Summary note."),
        "{md}"
    );
    assert!(
        md.contains(&format!("staff.[^{c}]")) && md.contains(&format!("[^{c}]: Chapter note.")),
        "{md}"
    );
    let docx = out.join("report.docx");
    let body = part(&docx, "word/document.xml");
    assert!(
        body.contains("<w:footnoteReference w:id=\"1\" w:customMarkFollows=\"1\"/><w:t>a</w:t>"),
        "the Summary's note carries its letter"
    );
    let notes = part(&docx, "word/footnotes.xml");
    let first = notes
        .split("<w:footnote w:id=\"1\">")
        .nth(1)
        .and_then(|s| s.split("</w:footnote>").next())
        .unwrap();
    assert!(
        first.contains("<w:t>a</w:t></w:r>") && first.contains("Summary note."),
        "{first}"
    );
    assert!(!first.contains("<w:footnoteRef/>"), "{first}");
    if let Some(t) = poppler("pdftotext", &["-layout"], &out.join("report.pdf")) {
        let t = folded(&t);
        assert!(t.contains("a Summary note."), "{t}");
        // pdftotext may run the raised mark into the text.
        assert!(
            t.contains(&format!("{c} Chapter note.")) || t.contains(&format!("{c}Chapter note.")),
            "{t}"
        );
    }
}
