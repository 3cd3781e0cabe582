//! Assembling the document: paragraph numbers through the whole text, "Figure II" and
//! "Table 3" labels, cross-references resolved, footnotes numbered in order, subparagraph and
//! subheading labels, and every figure and body table set after the first paragraph that
//! cites it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::authored::{self, Authored};
pub use super::references::{capital, named, reference_names};
use super::references::{cited, resolve, resolve_items};
use super::{
    Annex, Block, Chapter, DocWords, Document, Figure, Inline, Item, Masthead, Table, roman,
};
use crate::config::DocumentSettings;
use crate::error::{Error, Result};

/// What the report stage has rendered, in document order.
pub struct Parts {
    pub settings: DocumentSettings,
    /// The document's own words in its language; whether it is the original (whose words the
    /// settings' texts are).
    pub words: DocWords,
    pub original: bool,
    pub summary_file: PathBuf,
    pub summary: Authored,
    pub chapters: Vec<ChapterPart>,
    /// Figures in their spec order (labels are set here).
    pub figures: Vec<Figure>,
    /// Tables of the body, in spec order.
    pub tables: Vec<Table>,
    /// Tables of the statistical annex, in spec order.
    pub annex: Vec<Table>,
}

/// One chapter as authored.
pub struct ChapterPart {
    pub title: String,
    pub file: PathBuf,
    pub text: Authored,
    /// Takes the figures and tables that no paragraph cites.
    pub floats: bool,
}

/// The masthead: the settings' values (the original's words: a translation takes its own from
/// the catalogue) and, for what is not given, a visible placeholder, never an invented value.
fn masthead(s: &DocumentSettings, w: &DocWords, original: bool) -> Masthead {
    let given = |v: &Option<String>| v.clone().filter(|_| original);
    let or_slot = |v: &Option<String>, i: usize| given(v).unwrap_or_else(|| w.slot(i));
    Masthead {
        // The symbol, date and agenda number are the same in every language.
        symbol: s.symbol.clone().unwrap_or_else(|| w.slot(0)),
        organ: given(&s.organ).unwrap_or_else(|| w.organ.clone()),
        distribution: w.distribution.clone(),
        date: s
            .date
            .as_deref()
            .map_or_else(|| w.slot(1), |d| s.lang().date(d)),
        language: w.language_line.clone(),
        original: w.original.clone(),
        commission: given(&s.commission).unwrap_or_else(|| w.commission.clone()),
        session: or_slot(&s.session, 2),
        place_and_dates: or_slot(&s.place_and_dates, 3),
        agenda_item: w.agenda_item(&s.agenda_item.clone().unwrap_or_else(|| w.slot(4))),
        agenda_title: or_slot(&s.agenda_title, 5),
        agenda_note: format!("{}.", s.agenda_symbol.clone().unwrap_or_else(|| w.slot(6))),
        provisional: w.provisional.clone(),
    }
}

/// Lower-case letters for the n-th subparagraph (0 → "a", 25 → "z", 26 → "aa").
fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn label_items(items: &mut [Item], depth: usize, lang: crate::format::Language) {
    for (i, item) in items.iter_mut().enumerate() {
        item.label = match depth % 4 {
            // The first two levels as the language labels them ("a)", "i)" in French and
            // Spanish, LANGUAGES.md); English keeps the Editorial Manual's below.
            d @ (0 | 1) if lang != crate::format::Language::English => {
                lang.rules().subparagraph(d, i as u32 + 1)
            }
            0 => format!("({})", letters(i)),
            1 => format!("({})", roman(i as u32 + 1).to_lowercase()),
            2 => format!("{}.", letters(i)),
            _ => format!("{}.", roman(i as u32 + 1).to_lowercase()),
        };
        label_items(&mut item.items, depth + 1, lang);
    }
}

/// The document from its parts.
pub fn assemble(parts: Parts) -> Result<Document> {
    let Parts {
        settings,
        words,
        original,
        summary_file,
        summary,
        chapters,
        mut figures,
        mut tables,
        annex,
    } = parts;

    // Labels of figures and tables; cross-reference names.
    let mut names = {
        let f: Vec<&str> = figures.iter().map(|f| f.id.as_str()).collect();
        let t: Vec<&str> = tables.iter().map(|t| t.id.as_str()).collect();
        let a: Vec<&str> = annex.iter().map(|t| t.id.as_str()).collect();
        reference_names(&words, &f, &t, &a)
    };
    for f in figures.iter_mut() {
        f.label = capital(&names[&f.id]);
    }
    for t in tables.iter_mut() {
        t.label = capital(&names[&t.id]);
    }
    let mut annex_tables = annex;
    for t in annex_tables.iter_mut() {
        // "Table 6": the table noun and the number the annex gives it.
        let number = names[&t.id].rsplit(' ').next().unwrap_or_default();
        t.label = capital(&format!("{} {number}", words.table[0]));
    }
    // Paragraph numbers, through the whole document.
    let mut number = 0u32;
    for c in &chapters {
        for b in &c.text.blocks {
            if let authored::Block::Paragraph { label, .. } = b {
                number += 1;
                if let Some(l) = label {
                    if names.contains_key(l) {
                        return Err(Error::Report {
                            file: c.file.clone(),
                            message: format!(
                                "paragraph label [#{l}] is already a figure, table or paragraph label"
                            ),
                        });
                    }
                    names.insert(l.clone(), format!("{} {number}", words.para[0]));
                }
            }
        }
    }
    // Every reference must name something.
    let known: Vec<&str> = names.keys().map(String::as_str).collect();
    for (file, text) in std::iter::once((&summary_file, &summary))
        .chain(chapters.iter().map(|c| (&c.file, &c.text)))
    {
        let unknown: Vec<String> = text
            .refs
            .iter()
            .filter(|(id, _)| !names.contains_key(id))
            .map(|(id, line)| {
                let hint = crate::config::diag::did_you_mean(id, &known)
                    .map(|h| format!(" ({h})"))
                    .unwrap_or_default();
                format!("line {line}: [@{id}] names no figure, table or paragraph label{hint}")
            })
            .collect();
        if !unknown.is_empty() {
            return Err(Error::Report {
                file: file.clone(),
                message: unknown.join("; "),
            });
        }
    }

    let mut notes: Vec<Vec<Inline>> = Vec::new();
    let take_notes = |text: &Authored, notes: &mut Vec<Vec<Inline>>| -> u32 {
        let offset = notes.len() as u32;
        for n in &text.notes {
            let mut n = n.clone();
            resolve(&mut n, &names, &words, offset);
            notes.push(n);
        }
        offset
    };

    let summary_offset = take_notes(&summary, &mut notes);
    let summary_notes = notes.len() as u32;
    let summary_paras: Vec<Vec<Inline>> = summary
        .blocks
        .iter()
        .filter_map(|b| match b {
            authored::Block::Paragraph { text, .. } => {
                let mut t = text.clone();
                resolve(&mut t, &names, &words, summary_offset);
                Some(t)
            }
            authored::Block::Heading { .. } => None,
        })
        .collect();

    // Uncited floats keep their spec order: figures first, then tables.
    let float_order: Vec<String> = figures
        .iter()
        .map(|f| f.id.clone())
        .chain(tables.iter().map(|t| t.id.clone()))
        .collect();
    let mut floats: BTreeMap<String, Block> = figures
        .into_iter()
        .map(|f| (f.id.clone(), Block::Figure(f)))
        .chain(tables.into_iter().map(|t| (t.id.clone(), Block::Table(t))))
        .collect();
    let mut placed: BTreeSet<String> = BTreeSet::new();
    let mut number = 0u32;
    let mut out_chapters = Vec::new();
    let mut float_home = None;
    for (ci, c) in chapters.iter().enumerate() {
        let offset = take_notes(&c.text, &mut notes);
        let mut blocks = Vec::new();
        let (mut h1, mut h2) = (0u32, 0u32);
        for b in &c.text.blocks {
            match b {
                authored::Block::Heading { level, text } => {
                    let label = if *level == 1 {
                        h1 += 1;
                        h2 = 0;
                        format!("{}.", (b'A' + ((h1 - 1) % 26) as u8) as char)
                    } else {
                        h2 += 1;
                        format!("{h2}.")
                    };
                    let mut text = text.clone();
                    resolve(&mut text, &names, &words, offset);
                    blocks.push(Block::Heading {
                        level: *level,
                        label,
                        text,
                    });
                }
                authored::Block::Paragraph { text, items, .. } => {
                    number += 1;
                    let (mut text, mut items) = (text.clone(), items.clone());
                    resolve(&mut text, &names, &words, offset);
                    label_items(&mut items, 0, settings.lang());
                    resolve_items(&mut items, &names, &words, offset);
                    let mut ids = Vec::new();
                    cited(&text, &items, &mut ids);
                    blocks.push(Block::Paragraph {
                        number,
                        text,
                        items,
                    });
                    for id in ids {
                        if placed.insert(id.clone())
                            && let Some(f) = floats.remove(&id)
                        {
                            blocks.push(f);
                        }
                    }
                }
            }
        }
        if c.floats {
            float_home = Some(ci);
        }
        out_chapters.push(Chapter {
            number: roman(ci as u32 + 1),
            title: c.title.clone(),
            blocks,
        });
    }
    let mut uncited = Vec::new();
    // What no paragraph cites goes to the end of its chapter (ordered figures, then tables).
    if !floats.is_empty() {
        let home = float_home.unwrap_or(out_chapters.len().saturating_sub(1));
        let rest: Vec<Block> = float_order
            .iter()
            .filter_map(|id| floats.remove(id))
            .collect();
        for b in &rest {
            match b {
                Block::Figure(f) => uncited.push(f.id.clone()),
                Block::Table(t) => uncited.push(t.id.clone()),
                _ => {}
            }
        }
        if let Some(ch) = out_chapters.get_mut(home) {
            ch.blocks.extend(rest);
        }
    }
    Ok(Document {
        masthead: masthead(&settings, &words, original),
        title: settings
            .title
            .clone()
            .filter(|_| original)
            .unwrap_or_else(|| words.title.clone()),
        author_line: words.author_line.clone(),
        language: settings.language.clone().unwrap_or_else(|| "en".into()),
        summary: summary_paras,
        chapters: out_chapters,
        notes,
        summary_notes,
        annex: Annex {
            title: words.annex_title.clone(),
            tables: annex_tables,
        },
        uncited,
        words,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn subparagraphs_are_labelled_as_the_language_labels_them() {
        use crate::format::Language;
        let item = |items: Vec<Item>| Item {
            label: String::new(),
            text: Vec::new(),
            items,
        };
        let mut list = vec![item(vec![item(vec![]), item(vec![])]), item(vec![])];
        let labels = |l: &[Item]| l.iter().map(|i| i.label.clone()).collect::<Vec<_>>();
        label_items(&mut list, 0, Language::English);
        assert_eq!(labels(&list), ["(a)", "(b)"]);
        assert_eq!(labels(&list[0].items), ["(i)", "(ii)"]);
        label_items(&mut list, 0, Language::French);
        assert_eq!(labels(&list), ["a)", "b)"]);
        assert_eq!(labels(&list[0].items), ["i)", "ii)"]);
    }

    use super::*;
    use crate::report::document::Grid;
    use crate::report::document::references::group_references;
    use std::path::Path;

    fn figure(id: &str) -> Figure {
        Figure {
            id: id.into(),
            label: String::new(),
            title: format!("title {id}"),
            subtitle: String::new(),
            svg: "<svg/>".into(),
            alt: String::new(),
            notes: Vec::new(),
            source: String::new(),
            data: Grid::default(),
        }
    }

    fn table(id: &str) -> Table {
        Table {
            id: id.into(),
            label: String::new(),
            title: format!("title {id}"),
            grid: Grid::default(),
            notes: Vec::new(),
            source: String::new(),
        }
    }

    fn parts(chapters: &[&str]) -> Parts {
        Parts {
            words: DocWords::default(),
            original: true,
            settings: DocumentSettings {
                symbol: Some("E/CN.15/2026/9".into()),
                ..Default::default()
            },
            summary_file: "summary.md".into(),
            summary: authored::parse(Path::new("summary.md"), "Summary text.\n").unwrap(),
            chapters: chapters
                .iter()
                .enumerate()
                .map(|(i, text)| ChapterPart {
                    title: format!("Chapter {i}"),
                    file: format!("c{i}.md").into(),
                    text: authored::parse(Path::new("c.md"), text).unwrap(),
                    floats: i == 1,
                })
                .collect(),
            figures: vec![figure("F1"), figure("F2"), figure("F3")],
            tables: vec![table("T1"), table("T2")],
            annex: vec![table("T6")],
        }
    }

    #[test]
    fn numbers_labels_references_and_floats() {
        let doc = assemble(parts(&[
            "One.[^a] [#one]\n\nTwo, see [@F2] and [@T2].\n\n[^a]: Note.\n",
            "## Trends\n\nThree, see [@one], [@F1], [@T6].\n\n- first\n- second [@F2]\n\nFour.[^b]\n\n[^b]: Other.\n",
        ]))
        .unwrap();
        assert_eq!(doc.masthead.symbol, "E/CN.15/2026/9");
        assert_eq!(
            doc.masthead.session, "[session]",
            "a placeholder, not a guess"
        );
        let c1 = &doc.chapters[0];
        assert_eq!(c1.number, "I");
        let kinds: Vec<String> = c1
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { number, .. } => format!("p{number}"),
                Block::Figure(f) => f.label.clone(),
                Block::Table(t) => t.label.clone(),
                Block::Heading { label, .. } => label.clone(),
            })
            .collect();
        assert_eq!(kinds, ["p1", "p2", "Figure II", "Table 2"]);
        let c2 = &doc.chapters[1];
        let kinds: Vec<String> = c2
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { number, .. } => format!("p{number}"),
                Block::Figure(f) => f.label.clone(),
                Block::Table(t) => t.label.clone(),
                Block::Heading { label, .. } => label.clone(),
            })
            .collect();
        // F1 after the paragraph citing it; F3 and T1 (never cited) at the end of the floats
        // chapter, figures first; F2 is set once only.
        assert_eq!(
            kinds,
            ["A.", "p3", "Figure I", "p4", "Figure III", "Table 1"]
        );
        let Block::Paragraph { text, items, .. } = &c2.blocks[1] else {
            panic!()
        };
        assert_eq!(
            super::super::plain(text),
            "Three, see para. 1, figure I, annex table 3."
        );
        let mut v = vec![
            Inline::Ref {
                id: "F2".into(),
                text: "figure II".into(),
            },
            Inline::Text(", ".into()),
            Inline::Ref {
                id: "F3".into(),
                text: "figure III".into(),
            },
            Inline::Text(" and ".into()),
            Inline::Ref {
                id: "T2".into(),
                text: "table 2".into(),
            },
            Inline::Text(" and ".into()),
            Inline::Ref {
                id: "T3".into(),
                text: "table 3".into(),
            },
        ];
        group_references(&mut v, &DocWords::default());
        assert_eq!(
            super::super::plain(&v),
            "figures II and III and tables 2 and 3"
        );
        assert_eq!(items[0].label, "(a)");
        assert_eq!(items[1].label, "(b)");
        assert_eq!(doc.notes.len(), 2);
        let Block::Paragraph { text, .. } = &c2.blocks[3] else {
            panic!()
        };
        assert_eq!(text.last(), Some(&Inline::Note(2)));
        assert_eq!(doc.annex.tables[0].label, "Table 3");
    }

    #[test]
    fn an_unknown_reference_is_an_error_at_its_line() {
        let e = assemble(parts(&["One.\n\nTwo [@F9].\n", "x\n"]))
            .unwrap_err()
            .to_string();
        assert!(e.contains("c0.md") && e.contains("line 3: [@F9]"), "{e}");
    }

    #[test]
    fn subparagraph_labels() {
        assert_eq!(letters(0), "a");
        assert_eq!(letters(25), "z");
        assert_eq!(letters(26), "aa");
    }
}
