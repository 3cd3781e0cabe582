//! The document as one self-contained HTML file: masthead, Summary, chapters with their
//! paragraph numbers, figures (inline SVG) and tables where the text cites them, footnotes and
//! the statistical annex; the report folder's CSS and the embedded fonts inline. Every text is
//! escaped; nothing from the data is markup.

use std::fmt::Write as _;

use super::{Block, DocWords, Document, Figure, Grid, Inline, Item, Table};

/// `s` as HTML text or attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

fn inlines(v: &[Inline], doc: &Document, out: &mut String) {
    for i in v {
        match i {
            Inline::Text(t) => out.push_str(&escape(t)),
            // A number carries its address (`kidnap-trends explain` tells where it comes from).
            Inline::Number { address, text } => {
                let _ = write!(
                    out,
                    "<span data-cell=\"{}\">{}</span>",
                    escape(address),
                    escape(text)
                );
            }
            Inline::Emph(x) => {
                out.push_str("<em>");
                inlines(x, doc, out);
                out.push_str("</em>");
            }
            Inline::Strong(x) => {
                out.push_str("<strong>");
                inlines(x, doc, out);
                out.push_str("</strong>");
            }
            Inline::Ref { id, text } => {
                let _ = write!(out, "<a href=\"#{}\">{}</a>", escape(id), escape(text));
            }
            Inline::Note(n) => {
                let m = doc.mark(*n);
                let _ = write!(
                    out,
                    "<sup><a href=\"#fn{n}\" id=\"fnref{n}\" aria-label=\"{} {m}\">{m}</a></sup>",
                    escape(&doc.words.note)
                );
            }
        }
    }
}

fn items(v: &[Item], doc: &Document, out: &mut String) {
    if v.is_empty() {
        return;
    }
    out.push_str("<ol class=\"sub\">");
    for item in v {
        let _ = write!(
            out,
            "<li><span class=\"label\">{}</span> ",
            escape(&item.label)
        );
        inlines(&item.text, doc, out);
        items(&item.items, doc, out);
        out.push_str("</li>");
    }
    out.push_str("</ol>");
}

fn grid(g: &Grid, caption: &str, id: Option<&str>, w: &DocWords, out: &mut String) {
    match id {
        Some(id) => {
            let _ = write!(out, "<table id=\"{}\">", escape(id));
        }
        None => out.push_str("<table>"),
    }
    out.push_str(caption);
    out.push_str("<thead><tr>");
    for (i, h) in g.headers.iter().enumerate() {
        let num = g.numeric.get(i).copied().unwrap_or(false);
        let _ = write!(
            out,
            "<th scope=\"col\"{}>{}</th>",
            if num { " class=\"num\"" } else { "" },
            escape(h)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    if g.rows.is_empty() {
        let _ = writeln!(
            out,
            "<tr><td colspan=\"{}\">{}</td></tr>",
            g.headers.len().max(1),
            escape(&w.no_data)
        );
    }
    for (r, row) in g.rows.iter().enumerate() {
        let total = g.total.get(r).copied().unwrap_or(false);
        out.push_str(if total {
            "<tr class=\"total\">"
        } else {
            "<tr>"
        });
        for (i, c) in row.iter().enumerate() {
            let num = g.numeric.get(i).copied().unwrap_or(false);
            // A number carries its address (`kidnap-trends explain` tells where it comes from).
            let cell = match g.cells.get(r).and_then(|cells| cells.get(i)) {
                Some(a) if num => format!(" data-cell=\"{}\"", escape(a)),
                _ => String::new(),
            };
            let _ = write!(
                out,
                "<td{}{cell}>{}</td>",
                if num { " class=\"num\"" } else { "" },
                escape(c)
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

fn notes_and_source(notes: &[String], source: &str, out: &mut String) {
    out.push_str("<div class=\"notes\">");
    for n in notes {
        let _ = write!(out, "<p>{}</p>", escape(n));
    }
    if !source.is_empty() {
        let _ = write!(out, "<p class=\"source\">{}</p>", escape(source));
    }
    out.push_str("</div>\n");
}

fn figure(f: &Figure, w: &DocWords, out: &mut String) {
    let _ = write!(
        out,
        "<figure id=\"{}\">\n<figcaption><span class=\"label\">{}</span> <strong>{}</strong>",
        escape(&f.id),
        escape(&f.label),
        escape(&f.title)
    );
    if !f.subtitle.is_empty() {
        let _ = write!(
            out,
            "<br><span class=\"unit\">{}</span>",
            escape(&f.subtitle)
        );
    }
    out.push_str("</figcaption>\n");
    let _ = writeln!(
        out,
        "<div class=\"chart\" role=\"img\" aria-label=\"{}\">{}</div>",
        escape(&f.alt),
        f.svg
    );
    notes_and_source(&f.notes, &f.source, out);
    if !f.data.headers.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>{} {}</summary>",
            escape(&w.data_for),
            escape(&lower_first(&f.label))
        );
        grid(&f.data, "", None, w, out);
        out.push_str("</details>\n");
    }
    out.push_str("</figure>\n");
}

fn table(t: &Table, w: &DocWords, out: &mut String) {
    let caption = format!(
        "<caption><span class=\"label\">{}</span> <strong>{}</strong></caption>",
        escape(&t.label),
        escape(&t.title)
    );
    grid(&t.grid, &caption, Some(&t.id), w, out);
    notes_and_source(&t.notes, &t.source, out);
}

/// The page: `css` is the report folder's style sheet, `fonts` the @font-face rules.
pub fn write(doc: &Document, css: &str, fonts: &str) -> String {
    let m = &doc.masthead;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} – {}</title>\n<style>\n{fonts}\n{css}\n</style>\n</head>\n<body>\n<main>\n",
        escape(&doc.language),
        escape(&m.symbol),
        escape(&doc.title)
    );
    let _ = write!(
        out,
        "<header class=\"masthead\">\n<div class=\"un\">{}</div>\
         <div class=\"symbol\">{}</div>\n\
         <div class=\"organ\"><span class=\"emblem\" aria-hidden=\"true\"></span>{}</div>\n\
         <div class=\"distr\"><p>{}</p><p>{}</p>{}<p>{}</p></div>\n\
         <div class=\"slots\" aria-hidden=\"true\"><span>[job number]</span> <span>[barcode]</span></div>\n\
         </header>\n",
        escape(&doc.words.united_nations),
        escape(&m.symbol),
        escape(&m.organ),
        escape(&m.distribution),
        escape(&m.date),
        m.language
            .as_deref()
            .map(|l| format!("<p>{}</p>", escape(l)))
            .unwrap_or_default(),
        escape(&m.original)
    );
    if let Some(p) = &m.provisional {
        let _ = writeln!(out, "<p class=\"provisional\">{}</p>", escape(p));
    }
    let _ = writeln!(
        out,
        "<div class=\"session\"><p>{}</p><p>{}</p><p>{}</p>\
         <p>{}<a href=\"#agenda-note\" aria-label=\"{}\">*</a></p>\
         <p class=\"agenda-title\"><strong>{}</strong></p></div>",
        escape(&m.commission),
        escape(&m.session),
        escape(&m.place_and_dates),
        escape(&m.agenda_item),
        escape(&doc.words.note),
        escape(&m.agenda_title)
    );
    let _ = write!(
        out,
        "<h1>{}</h1>\n<p class=\"author\"><strong>{}</strong></p>\n",
        escape(&doc.title),
        escape(&doc.author_line)
    );
    let _ = writeln!(
        out,
        "<section class=\"summary\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">{}</h2>",
        escape(&doc.words.summary)
    );
    for p in &doc.summary {
        out.push_str("<p>");
        inlines(p, doc, &mut out);
        out.push_str("</p>\n");
    }
    out.push_str("</section>\n");
    for c in &doc.chapters {
        let _ = write!(
            out,
            "<section class=\"chapter\" id=\"chapter-{}\">\n<h2>{}. {}</h2>\n",
            escape(&c.number),
            escape(&c.number),
            escape(&c.title)
        );
        for b in &c.blocks {
            match b {
                Block::Heading { level, label, text } => {
                    let tag = if *level == 1 { "h3" } else { "h4" };
                    let _ = write!(out, "<{tag}>{} ", escape(label));
                    inlines(text, doc, &mut out);
                    let _ = writeln!(out, "</{tag}>");
                }
                Block::Paragraph {
                    number,
                    text,
                    items: sub,
                } => {
                    let _ = write!(
                        out,
                        "<div class=\"para\" id=\"para-{number}\"><span class=\"num\">{number}.</span><div><p>"
                    );
                    inlines(text, doc, &mut out);
                    out.push_str("</p>");
                    items(sub, doc, &mut out);
                    out.push_str("</div></div>\n");
                }
                Block::Figure(f) => figure(f, &doc.words, &mut out),
                Block::Table(t) => table(t, &doc.words, &mut out),
            }
        }
        out.push_str("</section>\n");
    }
    let _ = write!(
        out,
        "<section class=\"footnotes\" aria-label=\"{}\">\n<hr>\n<ol>\n",
        escape(&doc.words.notes)
    );
    let _ = writeln!(
        out,
        "<li id=\"agenda-note\" class=\"star\">* {}</li>",
        escape(&m.agenda_note)
    );
    // The Summary's notes (lettered), then the chapters' (numbered).
    let lettered = doc.summary_notes as usize;
    for (i, n) in doc.notes.iter().enumerate() {
        let k = i + 1;
        if k == 1 || k == lettered + 1 {
            out.push_str("</ol>\n");
            out.push_str(if k <= lettered {
                "<ol type=\"a\">\n"
            } else {
                "<ol>\n"
            });
        }
        let value = if k <= lettered { k } else { k - lettered };
        let _ = write!(out, "<li id=\"fn{k}\" value=\"{value}\">");
        inlines(n, doc, &mut out);
        let _ = writeln!(
            out,
            " <a href=\"#fnref{k}\" aria-label=\"{}\">↩</a></li>",
            escape(&doc.words.back)
        );
    }
    out.push_str("</ol>\n</section>\n");
    let _ = write!(
        out,
        "<section class=\"annex\" id=\"annex\">\n<h2>{}</h2>\n",
        escape(&doc.annex.title)
    );
    for t in &doc.annex.tables {
        table(t, &doc.words, &mut out);
    }
    out.push_str("</section>\n</main>\n</body>\n</html>\n");
    out
}

/// "Figure II" → "figure II" (a label in running text).
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}
