//! The document as Markdown (CommonMark with footnotes and pipe tables): the same parts and
//! paragraph numbers as every other format; every text escaped, so a value prints as itself.

use std::fmt::Write as _;

use super::{Block, Document, Figure, Grid, Inline, Item, Table};
use crate::report::escape::markdown as esc;

fn inlines(v: &[Inline], doc: &Document, out: &mut String) {
    for i in v {
        match i {
            Inline::Text(t) | Inline::Number { text: t, .. } => out.push_str(&esc(t)),
            Inline::Emph(x) => {
                out.push('*');
                inlines(x, doc, out);
                out.push('*');
            }
            Inline::Strong(x) => {
                out.push_str("**");
                inlines(x, doc, out);
                out.push_str("**");
            }
            Inline::Ref { text, .. } => out.push_str(&esc(text)),
            Inline::Note(n) => {
                let _ = write!(out, "[^{}]", doc.mark(*n));
            }
        }
    }
}

fn items(v: &[Item], depth: usize, doc: &Document, out: &mut String) {
    for item in v {
        let _ = write!(out, "{}- {} ", "  ".repeat(depth), esc(&item.label));
        inlines(&item.text, doc, out);
        out.push('\n');
        items(&item.items, depth + 1, doc, out);
    }
}

fn grid(g: &Grid, no_data: &str, out: &mut String) {
    if g.rows.is_empty() {
        let _ = write!(out, "{}\n\n", esc(no_data));
        return;
    }
    out.push('|');
    for h in &g.headers {
        let _ = write!(out, " {} |", esc(h));
    }
    out.push_str("\n|");
    for i in 0..g.headers.len() {
        let num = g.numeric.get(i).copied().unwrap_or(false);
        out.push_str(if num { "---:|" } else { "---|" });
    }
    out.push('\n');
    for row in &g.rows {
        out.push('|');
        for c in row {
            let _ = write!(out, " {} |", esc(c));
        }
        out.push('\n');
    }
    out.push('\n');
}

fn notes_and_source(notes: &[String], source: &str, out: &mut String) {
    for n in notes {
        let _ = writeln!(out, "*{}*\n", esc(n));
    }
    if !source.is_empty() {
        let _ = writeln!(out, "*{}*\n", esc(source));
    }
}

fn figure(f: &Figure, out: &mut String) {
    let _ = writeln!(out, "{}\n\n**{}**\n", esc(&f.label), esc(&f.title));
    if !f.subtitle.is_empty() {
        let _ = writeln!(out, "{}\n", esc(&f.subtitle));
    }
    let _ = writeln!(out, "![{}](figures/{}.svg)\n", esc(&f.alt), f.id);
    notes_and_source(&f.notes, &f.source, out);
}

fn table(t: &Table, no_data: &str, out: &mut String) {
    let _ = writeln!(out, "{}\n\n**{}**\n", esc(&t.label), esc(&t.title));
    grid(&t.grid, no_data, out);
    notes_and_source(&t.notes, &t.source, out);
}

/// The whole document.
pub fn write(doc: &Document) -> String {
    let m = &doc.masthead;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {}\n\n{}\n\n{} · {} · {}{}\n",
        esc(&doc.words.united_nations),
        esc(&m.symbol),
        esc(&m.organ),
        esc(&m.distribution),
        esc(&m.date),
        m.language
            .as_deref()
            .map(|l| format!("{} · ", esc(l)))
            .unwrap_or_default(),
        esc(&m.original)
    );
    if let Some(p) = &m.provisional {
        let _ = writeln!(out, "*{}*\n", esc(p));
    }
    let _ = writeln!(
        out,
        "{}  \n{}  \n{}  \n{}\\*  \n**{}**\n",
        esc(&m.commission),
        esc(&m.session),
        esc(&m.place_and_dates),
        esc(&m.agenda_item),
        esc(&m.agenda_title)
    );
    let _ = writeln!(
        out,
        "# {}\n\n**{}**\n",
        esc(&doc.title),
        esc(&doc.author_line)
    );
    let _ = write!(out, "## {}\n\n", esc(&doc.words.summary));
    for p in &doc.summary {
        inlines(p, doc, &mut out);
        out.push_str("\n\n");
    }
    for c in &doc.chapters {
        let _ = writeln!(out, "## {}. {}\n", c.number, esc(&c.title));
        for b in &c.blocks {
            match b {
                Block::Heading { level, label, text } => {
                    let _ = write!(out, "{} {} ", "#".repeat(*level as usize + 2), label);
                    inlines(text, doc, &mut out);
                    out.push_str("\n\n");
                }
                Block::Paragraph {
                    number,
                    text,
                    items: sub,
                } => {
                    let _ = write!(out, "{number}\\. ");
                    inlines(text, doc, &mut out);
                    out.push_str("\n\n");
                    if !sub.is_empty() {
                        items(sub, 0, doc, &mut out);
                        out.push('\n');
                    }
                }
                Block::Figure(f) => figure(f, &mut out),
                Block::Table(t) => table(t, &doc.words.no_data, &mut out),
            }
        }
    }
    let _ = writeln!(out, "\\* {}\n", esc(&m.agenda_note));
    for (i, n) in doc.notes.iter().enumerate() {
        let _ = write!(out, "[^{}]: ", doc.mark(i as u32 + 1));
        inlines(n, doc, &mut out);
        out.push_str("\n\n");
    }
    let _ = writeln!(out, "## {}\n", esc(&doc.annex.title));
    for t in &doc.annex.tables {
        table(t, &doc.words.no_data, &mut out);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
