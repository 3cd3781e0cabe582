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
mod references;
pub mod words;

pub use build::{Parts, assemble};
pub use count::words;
pub use words::DocWords;

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
    /// The document's own words in its language.
    pub words: DocWords,
}

/// First-page furniture; unknown values are visible placeholders (`[symbol]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Masthead {
    pub symbol: String,
    pub organ: String,
    pub distribution: String,
    /// "2 March 2026".
    pub date: String,
    /// In a translation, its language ("Français"), above the "Original" line.
    pub language: Option<String>,
    pub original: String,
    pub commission: String,
    pub session: String,
    pub place_and_dates: String,
    /// "Item 6 of the provisional agenda".
    pub agenda_item: String,
    pub agenda_title: String,
    /// The footnote on the agenda item: "E/CN.15/2026/1.".
    pub agenda_note: String,
    /// Under the masthead of a provisional translation: that it has not been reviewed.
    pub provisional: Option<String>,
}

impl Masthead {
    /// The distribution lines in order: "Distr.: General", the date, in a translation its
    /// language, the "Original" line, and the provisional line when there is one.
    pub fn distribution_lines(&self) -> impl Iterator<Item = &String> {
        [
            Some(&self.distribution),
            Some(&self.date),
            self.language.as_ref(),
            Some(&self.original),
            self.provisional.as_ref(),
        ]
        .into_iter()
        .flatten()
    }
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
    /// Each column's share of the table's width, from what it holds. A column needs its
    /// header's longest word (a header wraps between words and after hyphens) and its longest
    /// number, or its longest word for text, unbroken; a text column would like its header and
    /// its longest text on one line, up to 40 characters. Within the width of about 95 characters a line of table text
    /// holds (8 pt in the PDF, 9 pt in Word, on a 16 cm text width) every column gets what it
    /// needs and the text columns share the rest in proportion to what they would like. Every
    /// writer sets its columns in these proportions.
    pub fn widths(&self) -> Vec<f64> {
        const LINE: f64 = 95.0;
        const TEXT: usize = 40;
        const MARGIN: usize = 2;
        let longest_word = |t: &str| {
            t.split_inclusive(|c: char| c.is_whitespace() || c == '-')
                .map(|w| w.trim_end().chars().count())
                .max()
                .unwrap_or(0)
        };
        let cols = self.headers.len().max(1);
        let (need, like): (Vec<f64>, Vec<f64>) = (0..cols)
            .map(|i| {
                let header = self.headers.get(i).map_or(0, |h| longest_word(h));
                let numeric = self.numeric.get(i).copied().unwrap_or(false);
                let body = self.rows.iter().filter_map(|r| r.get(i));
                let (need, like) = if numeric {
                    let n = body.map(|c| c.chars().count()).max().unwrap_or(0);
                    (n, n)
                } else {
                    let full = self
                        .headers
                        .get(i)
                        .map_or(0, |h| h.chars().count().min(TEXT));
                    body.fold((0, full), |(need, like), c| {
                        (
                            need.max(longest_word(c)),
                            like.max(c.chars().count().min(TEXT)),
                        )
                    })
                };
                let need = need.max(header) + MARGIN;
                (need as f64, (like + MARGIN).max(need) as f64)
            })
            .unzip();
        let (needed, liked): (f64, f64) = (need.iter().sum(), like.iter().sum());
        let weights: Vec<f64> = if liked <= LINE || needed >= LINE {
            if liked <= LINE { like } else { need }
        } else {
            let k = (LINE - needed) / (liked - needed);
            need.iter()
                .zip(&like)
                .map(|(n, l)| n + (l - n) * k)
                .collect()
        };
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

#[cfg(test)]
mod widths {
    use super::Grid;

    fn grid(headers: &[&str], numeric: &[bool], rows: &[&[&str]]) -> Grid {
        Grid {
            headers: headers.iter().map(|s| s.to_string()).collect(),
            numeric: numeric.to_vec(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect(),
            ..Grid::default()
        }
    }

    #[test]
    fn a_column_gets_its_longest_word_and_text_shares_the_rest() {
        // Short: every column as wide as it would like (the text in full), scaled to the width.
        let g = grid(
            &["Country or area", "Year"],
            &[false, true],
            &[&["Chad", "2020"]],
        );
        let w = g.widths();
        assert!((w[0] - 17.0 / 23.0).abs() < 1e-12, "{w:?}"); // "Country or area" + 2
        assert!((w[1] - 6.0 / 23.0).abs() < 1e-12, "{w:?}");
        // Wide: six numeric columns keep their header words ("Country-" of "Country-years",
        // 8 + 2), the text column needs "publication" (11 + 2) and takes what is left of 95
        // characters: 95 − 6 × 10 = 35 (it would like 40 + 2).
        let mut headers = vec!["Other publication"];
        headers.extend(["Country-years"; 6]);
        let mut numeric = vec![false];
        numeric.extend([true; 6]);
        let long = "UNODC, Kidnapping at the national level, 2003–2015 (legacy per-crime table)";
        let mut row = vec![long];
        row.extend(["1,143"; 6]);
        let w = grid(&headers, &numeric, &[&row]).widths();
        let unit = 1.0 / 95.0;
        assert!((w[1] - 10.0 * unit).abs() < 1e-12, "{w:?}");
        assert!((w[0] - 35.0 * unit).abs() < 1e-12, "{w:?}");
    }
}
