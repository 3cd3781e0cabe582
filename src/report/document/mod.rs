//! The document model: the report as the Commission receives it (DOCUMENT_SPEC.md), built once
//! from the settings, the authored chapters, the narrative and the query results, and read by
//! every writer (HTML, Markdown).
//!
//! Takes nothing from the disk itself: `build` assembles it from parts the report stage has
//! rendered. Every text in it is plain text (never markup): the writers escape it for their
//! format.

pub mod authored;
pub mod build;
mod count;
pub mod docx;
pub mod html;
pub mod markdown;
#[cfg(feature = "pdf")]
pub mod pdf;

pub use build::{Parts, assemble};
pub use count::words;

/// The whole document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub masthead: Masthead,
    /// "International cooperation to prevent, combat and eliminate kidnapping …".
    pub title: String,
    /// "Report of the Executive Director".
    pub author_line: String,
    /// BCP 47 language tag.
    pub language: String,
    /// The Summary's paragraphs (not numbered).
    pub summary: Vec<Vec<Inline>>,
    pub chapters: Vec<Chapter>,
    /// Footnotes, numbered from 1 in order of first reference (`Inline::Note(n)`): the
    /// Summary's first, marked with letters, then the chapters', marked 1, 2, … ([`Self::mark`]).
    pub notes: Vec<Vec<Inline>>,
    /// How many of `notes` are the Summary's.
    pub summary_notes: u32,
    pub annex: Annex,
    /// Figures and tables that no paragraph cites (set at the end of the `floats` chapter).
    pub uncited: Vec<String>,
}

/// First-page furniture; unknown values are visible placeholders (`[symbol]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Masthead {
    pub symbol: String,
    pub organ: String,
    pub distribution: String,
    /// "2 March 2026".
    pub date: String,
    pub original: String,
    pub commission: String,
    pub session: String,
    pub place_and_dates: String,
    /// "Item 6 of the provisional agenda".
    pub agenda_item: String,
    pub agenda_title: String,
    /// The footnote on the agenda item: "E/CN.15/2026/1.".
    pub agenda_note: String,
}

/// A chapter: "I. Introduction" and its blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Chapter {
    /// Roman numeral, "II".
    pub number: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A subheading: level 1 is "A.", level 2 "1.".
    Heading {
        level: u8,
        label: String,
        text: Vec<Inline>,
    },
    /// A numbered paragraph with its subparagraphs.
    Paragraph {
        number: u32,
        text: Vec<Inline>,
        items: Vec<Item>,
    },
    Figure(Figure),
    Table(Table),
}

/// A subparagraph: "(a)", then "(i)", then "a.", then "i.".
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub label: String,
    pub text: Vec<Inline>,
    pub items: Vec<Item>,
}

/// Running text.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Emph(Vec<Inline>),
    Strong(Vec<Inline>),
    /// A resolved cross-reference: the element it points to (`F2`, `T3`, `para-12`), `text` as
    /// printed ("figure II", "table 3", "para. 12").
    Ref {
        id: String,
        text: String,
    },
    /// A footnote mark: the note's number.
    Note(u32),
    /// A number computed from the data, as printed, with its address (`N2/kidnappings`:
    /// `kidnap-trends explain` says where it comes from).
    Number {
        address: String,
        text: String,
    },
}

/// A figure as the document sets it: "Figure II", its title and unit line above, the drawing,
/// notes and source below.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// "F2".
    pub id: String,
    /// "Figure II".
    pub label: String,
    pub title: String,
    pub subtitle: String,
    /// The bare drawing (no title, notes or source of its own), without XML declaration.
    pub svg: String,
    /// What the figure shows and its extremes.
    pub alt: String,
    pub notes: Vec<String>,
    pub source: String,
    /// The numbers behind the drawing.
    pub data: Grid,
}

/// A table as the document sets it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// "T3".
    pub id: String,
    /// "Table 3", or "Table 6" in the annex.
    pub label: String,
    pub title: String,
    pub grid: Grid,
    pub notes: Vec<String>,
    pub source: String,
}

/// Header row and body cells, all as printed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Per column: right-aligned (numbers).
    pub numeric: Vec<bool>,
    /// Per row: a total line.
    pub total: Vec<bool>,
    /// Per row and column: the address of the number (`T3/USA/rate`), or none.
    pub cells: Vec<Vec<String>>,
}

impl Grid {
    /// Each column's share of the table's width, from what it holds: a column is as wide as its
    /// longest number or its header's longest word (a header wraps between words and at
    /// hyphens), a text column as its longest text up to 28 characters (it wraps beyond), plus
    /// a margin. Every writer sets its columns in these proportions.
    pub fn widths(&self) -> Vec<f64> {
        const TEXT: usize = 28;
        let cols = self.headers.len().max(1);
        let weights: Vec<f64> = (0..cols)
            .map(|i| {
                let header = self.headers.get(i).map_or(0, |h| {
                    h.split(|c: char| c.is_whitespace() || c == '-')
                        .map(|w| w.chars().count())
                        .max()
                        .unwrap_or(0)
                });
                let numeric = self.numeric.get(i).copied().unwrap_or(false);
                let body = self
                    .rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|c| {
                        let n = c.chars().count();
                        if numeric { n } else { n.min(TEXT) }
                    })
                    .max()
                    .unwrap_or(0);
                (header.max(body) + 2) as f64
            })
            .collect();
        let total: f64 = weights.iter().sum();
        weights.iter().map(|w| w / total).collect()
    }
}

/// The statistical annex, issued separately.
#[derive(Debug, Clone, PartialEq)]
pub struct Annex {
    pub title: String,
    pub tables: Vec<Table>,
}

pub use crate::format::roman;

impl Document {
    /// The printed mark of footnote `n`: a lower-case letter for a note of the Summary (a, b,
    /// …, z, aa, ab, …), else its number among the chapters' notes.
    pub fn mark(&self, n: u32) -> String {
        if n == 0 || n > self.summary_notes {
            return n.saturating_sub(self.summary_notes).to_string();
        }
        letters(n)
    }

    /// Whether footnote `n` is one of the Summary's (marked with a letter).
    pub fn lettered(&self, n: u32) -> bool {
        n >= 1 && n <= self.summary_notes
    }
}

/// 1 → a, 26 → z, 27 → aa.
fn letters(mut n: u32) -> String {
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The text of inlines without any markup (footnote marks dropped).
pub fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Number { text: t, .. } => out.push_str(t),
            Inline::Emph(x) | Inline::Strong(x) => out.push_str(&plain(x)),
            Inline::Ref { text, .. } => out.push_str(text),
            Inline::Note(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        let got: Vec<String> = [1, 2, 3, 4, 5, 8, 9, 10, 14, 19, 40].map(roman).into();
        assert_eq!(
            got,
            [
                "I", "II", "III", "IV", "V", "VIII", "IX", "X", "XIV", "XIX", "XL"
            ]
        );
    }
}
