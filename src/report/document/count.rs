//! The word count of the document against the 8,500-word limit of reports originating in the
//! Secretariat: Summary, chapters, headings, captions, notes, sources, table cells and
//! footnotes; the masthead and the separate statistical annex excluded.

use super::{Block, Document, Inline, Item, plain};

/// Words of `s`: runs of non-space characters holding a letter or a digit.
fn count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn items(v: &[Item]) -> usize {
    v.iter()
        .map(|i| count(&plain(&i.text)) + items(&i.items))
        .sum()
}

/// The document's words, as the limit counts them.
pub fn words(doc: &Document) -> usize {
    let text = |v: &[Inline]| count(&plain(v));
    let mut n = count(&doc.title) + count(&doc.author_line) + count("Summary");
    n += doc.summary.iter().map(|p| text(p)).sum::<usize>();
    for c in &doc.chapters {
        n += count(&c.number) + count(&c.title);
        for b in &c.blocks {
            n += match b {
                Block::Heading { text: t, .. } => text(t),
                Block::Paragraph {
                    text: t, items: i, ..
                } => text(t) + items(i),
                Block::Figure(f) => {
                    count(&f.label)
                        + count(&f.title)
                        + count(&f.subtitle)
                        + f.notes.iter().map(|x| count(x)).sum::<usize>()
                        + count(&f.source)
                }
                Block::Table(t) => {
                    count(&t.label)
                        + count(&t.title)
                        + t.grid.headers.iter().map(|x| count(x)).sum::<usize>()
                        + t.grid
                            .rows
                            .iter()
                            .flatten()
                            .map(|x| count(x))
                            .sum::<usize>()
                        + t.notes.iter().map(|x| count(x)).sum::<usize>()
                        + count(&t.source)
                }
            };
        }
    }
    n + doc.notes.iter().map(|x| text(x)).sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_with_a_letter_or_digit() {
        assert_eq!(
            count("In 2023, 58,307 kidnappings – a rate of 3.3 (see figure II)."),
            11
        );
        assert_eq!(count(" – . .. "), 0);
    }
}
