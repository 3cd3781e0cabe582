//! Authored text: the Summary and the chapters a report author writes, in a small Markdown
//! subset, read into the document model.
//!
//! The subset: paragraphs, `##` and `###` subheadings, lists (subparagraphs (a), (i), …),
//! `*emphasis*`, `**bold**`, footnotes (`[^1]` and `[^1]: …`), cross-references `[@F2]`,
//! `[@T3]` and `[@label]` to a paragraph labelled `[#label]` at its end. Anything
//! else (raw HTML, links, images, code, tables, `#` headings) is an error at its line.
//!
//! Chapters are MiniJinja templates; the values they print pass through [`mask`] first, so a
//! value's punctuation is not Markdown (a country named `*b* [@F1] <i>` prints as itself) and
//! is restored in the text after parsing. A number the template prints from the data
//! (`{{ n.N2.kidnappings | num }}`) is also marked with its address ([`mark_values`]) and read
//! as [`Inline::Number`], so the HTML can say where it comes from.

use std::collections::BTreeMap;
use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Inline, Item};
use crate::error::{Error, Result};

/// First code point of the private-use block that stands for the ASCII punctuation of values.
const MASK: u32 = 0xE000;

/// Private-use code points around a marked value: its address, then its printed text.
const VALUE_OPEN: char = '\u{E080}';
const VALUE_SEP: char = '\u{E081}';
const VALUE_CLOSE: char = '\u{E082}';

mod marks;

pub use marks::{mark, mark_values};

/// Text with marked values split into text and numbers, unmasked.
fn values(s: &str, out: &mut Vec<Inline>) {
    let mut rest = s;
    while let Some(open) = rest.find(VALUE_OPEN) {
        let after = &rest[open + VALUE_OPEN.len_utf8()..];
        let (Some(sep), Some(close)) = (after.find(VALUE_SEP), after.find(VALUE_CLOSE)) else {
            break;
        };
        if sep > close {
            break;
        }
        if open > 0 {
            out.push(Inline::Text(unmask(&rest[..open])));
        }
        let text = unmask(&after[sep + VALUE_SEP.len_utf8()..close]);
        if !text.is_empty() {
            out.push(Inline::Number {
                address: unmask(&after[..sep]),
                text,
            });
        }
        rest = &after[close + VALUE_CLOSE.len_utf8()..];
    }
    // A stray marker (an authored file may not hold them) is dropped.
    let tail: String = rest
        .chars()
        .filter(|c| ![VALUE_OPEN, VALUE_SEP, VALUE_CLOSE].contains(c))
        .collect();
    if !tail.is_empty() {
        out.push(Inline::Text(unmask(&tail)));
    }
}

/// A printed value made inert for the Markdown around it: its ASCII punctuation moved to the
/// private-use area (restored after parsing), its line breaks turned into spaces.
pub fn mask(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_ascii_punctuation() => char::from_u32(MASK + c as u32).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// Undo [`mask`].
fn unmask(s: &str) -> String {
    s.chars()
        .map(|c| match c as u32 {
            x if (MASK..MASK + 128).contains(&x) => char::from_u32(x - MASK).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// One block of authored text.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `##` is level 1 (A., B.), `###` level 2 (1., 2.).
    Heading { level: u8, text: Vec<Inline> },
    Paragraph {
        text: Vec<Inline>,
        items: Vec<Item>,
        /// `[#label]` at the paragraph's end: cited as `[@label]`.
        label: Option<String>,
    },
}

/// An authored file read: its blocks, its footnotes (`Inline::Note(n)` is `notes[n - 1]`) and
/// every cross-reference with its line, for checking against the document's labels.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Authored {
    pub blocks: Vec<Block>,
    pub notes: Vec<Vec<Inline>>,
    pub refs: Vec<(String, usize)>,
}

enum Target {
    Block(Option<u8>, usize),
    ItemText,
    Emph,
    Strong,
    Note(String),
}

/// Read `text` (a rendered template of `file`); every problem is reported at once, with its
/// line.
pub fn parse(file: &Path, text: &str) -> Result<Authored> {
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let mut errors: Vec<String> = Vec::new();
    let mut out = Authored::default();
    let mut targets: Vec<(Target, Vec<Inline>)> = Vec::new();
    let mut para_opened: Vec<bool> = Vec::new();
    let mut lists: Vec<Vec<Item>> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut labels: Vec<Option<String>> = Vec::new();
    let mut note_order: Vec<String> = Vec::new();
    let mut defs: BTreeMap<String, (Vec<Inline>, usize)> = BTreeMap::new();
    let mut lines: Vec<usize> = Vec::new();

    let push = |targets: &mut Vec<(Target, Vec<Inline>)>, inline: Inline| {
        if let Some((_, v)) = targets.last_mut() {
            match (v.last_mut(), inline) {
                (Some(Inline::Text(a)), Inline::Text(b)) => a.push_str(&b),
                (_, inline) => v.push(inline),
            }
        }
    };
    let options = Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let line = line_of(range.start);
        let mut refuse = |what: &str| {
            errors.push(format!(
                "line {line}: {what} is not part of the chapter Markdown subset (paragraphs, \
                 `##`/`###` headings, lists, *emphasis*, **bold**, footnotes, [@label] references)"
            ))
        };
        match event {
            Event::Start(Tag::Paragraph) => {
                let inside = matches!(
                    targets.last(),
                    Some((Target::ItemText | Target::Note(_), _))
                );
                if inside {
                    push(&mut targets, Inline::Text(" ".into()));
                } else {
                    targets.push((Target::Block(None, line), Vec::new()));
                }
                para_opened.push(!inside);
            }
            Event::End(TagEnd::Paragraph) => {
                if para_opened.pop() == Some(true)
                    && let Some((Target::Block(None, at), text)) = targets.pop()
                {
                    lines.push(at);
                    out.blocks.push(Block::Paragraph {
                        text,
                        items: Vec::new(),
                        label: None,
                    });
                    labels.push(None);
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let level = match level {
                    pulldown_cmark::HeadingLevel::H2 => 1,
                    pulldown_cmark::HeadingLevel::H3 => 2,
                    _ => {
                        errors.push(format!(
                            "line {line}: use `##` (A., B.) or `###` (1., 2.) for subheadings; \
                             the chapter's own heading comes from report.yaml"
                        ));
                        1
                    }
                };
                targets.push((Target::Block(Some(level), line), Vec::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((Target::Block(Some(level), at), text)) = targets.pop() {
                    lines.push(at);
                    out.blocks.push(Block::Heading { level, text });
                    labels.push(None);
                }
            }
            Event::Start(Tag::List(_)) => lists.push(Vec::new()),
            Event::End(TagEnd::List(_)) => {
                let done = lists.pop().unwrap_or_default();
                if let Some(open) = items.last_mut() {
                    open.items = done;
                } else {
                    match out.blocks.last_mut() {
                        Some(Block::Paragraph { items, .. }) if items.is_empty() => *items = done,
                        _ => errors.push(format!(
                            "line {line}: a list (subparagraphs) must follow the paragraph it \
                             belongs to"
                        )),
                    }
                }
            }
            Event::Start(Tag::Item) => {
                items.push(Item {
                    label: String::new(),
                    text: Vec::new(),
                    items: Vec::new(),
                });
                targets.push((Target::ItemText, Vec::new()));
            }
            Event::End(TagEnd::Item) => {
                if let (Some(mut item), Some((Target::ItemText, text))) =
                    (items.pop(), targets.pop())
                {
                    item.text = text;
                    if let Some(list) = lists.last_mut() {
                        list.push(item);
                    }
                }
            }
            Event::Start(Tag::Emphasis) => targets.push((Target::Emph, Vec::new())),
            Event::Start(Tag::Strong) => targets.push((Target::Strong, Vec::new())),
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => {
                if let Some((kind, inner)) = targets.pop() {
                    let inline = match kind {
                        Target::Strong => Inline::Strong(inner),
                        _ => Inline::Emph(inner),
                    };
                    push(&mut targets, inline);
                }
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                targets.push((Target::Note(label.to_string()), Vec::new()));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((Target::Note(label), text)) = targets.pop() {
                    let text = trim(text);
                    defs.insert(label, (text, line));
                }
            }
            Event::FootnoteReference(label) => {
                let label = label.to_string();
                let n = match note_order.iter().position(|l| *l == label) {
                    Some(i) => i + 1,
                    None => {
                        note_order.push(label);
                        note_order.len()
                    }
                };
                push(&mut targets, Inline::Note(n as u32));
            }
            Event::Text(t) => push(&mut targets, Inline::Text(t.to_string())),
            Event::SoftBreak | Event::HardBreak => push(&mut targets, Inline::Text(" ".into())),
            Event::Html(_) | Event::InlineHtml(_) => refuse("raw HTML"),
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Code(_) => refuse("`code`"),
            Event::Start(Tag::Link { .. }) => refuse("a link"),
            Event::Start(Tag::Image { .. }) => refuse("an image"),
            Event::Start(Tag::CodeBlock(_)) => refuse("a code block"),
            Event::Start(Tag::BlockQuote(_)) => refuse("a block quote"),
            Event::Start(Tag::Table(_)) => refuse("a table"),
            Event::Rule => refuse("a rule"),
            Event::Start(_) => refuse("this construct"),
            _ => {}
        }
    }

    // Text runs: cross-references split out, paragraph labels read, values unmasked.
    let mut blocks = Vec::new();
    for (block, line) in out.blocks.drain(..).zip(lines) {
        let mut fin = |v: Vec<Inline>| finish(trim(v), line, &mut out.refs, &mut errors);
        blocks.push(match block {
            Block::Heading { level, text } => Block::Heading {
                level,
                text: fin(text),
            },
            Block::Paragraph { text, items, .. } => {
                let (text, label) = take_label(text);
                Block::Paragraph {
                    text: fin(text),
                    items: finish_items(items, line, &mut out.refs, &mut errors),
                    label,
                }
            }
        });
    }
    out.blocks = blocks;
    for label in &note_order {
        match defs.remove(label) {
            Some((text, line)) => out
                .notes
                .push(finish(text, line, &mut out.refs, &mut errors)),
            None => errors.push(format!("footnote [^{label}] has no definition")),
        }
    }
    for (label, (_, line)) in defs {
        errors.push(format!(
            "line {line}: footnote [^{label}] is defined but never cited"
        ));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Error::Report {
            file: file.to_path_buf(),
            message: errors.join("; "),
        })
    }
}

fn finish_items(
    items: Vec<Item>,
    line: usize,
    refs: &mut Vec<(String, usize)>,
    errors: &mut Vec<String>,
) -> Vec<Item> {
    items
        .into_iter()
        .map(|i| Item {
            label: i.label,
            text: finish(trim(i.text), line, refs, errors),
            items: finish_items(i.items, line, refs, errors),
        })
        .collect()
}

/// Leading and trailing white space of a run of inlines removed.
fn trim(mut v: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(t)) = v.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some(Inline::Text(t)) = v.last_mut() {
        *t = t.trim_end().to_string();
    }
    v.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    v
}

/// A trailing `[#label]` taken off a paragraph.
fn take_label(mut v: Vec<Inline>) -> (Vec<Inline>, Option<String>) {
    if let Some(Inline::Text(t)) = v.last_mut() {
        let trimmed = t.trim_end();
        if trimmed.ends_with(']')
            && let Some(start) = trimmed.rfind("[#")
        {
            let label = trimmed[start + 2..trimmed.len() - 1].to_string();
            if is_id(&label) {
                *t = trimmed[..start].trim_end().to_string();
                return (v, Some(label));
            }
        }
    }
    (v, None)
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':'))
}

/// Cross-references `[@id]` split out of the text runs; the rest unmasked.
fn finish(
    v: Vec<Inline>,
    line: usize,
    refs: &mut Vec<(String, usize)>,
    errors: &mut Vec<String>,
) -> Vec<Inline> {
    let mut out = Vec::new();
    for inline in v {
        match inline {
            Inline::Text(t) => {
                let mut rest = t.as_str();
                while let Some(start) = rest.find("[@") {
                    let Some(len) = rest[start..].find(']') else {
                        break;
                    };
                    let id = &rest[start + 2..start + len];
                    if !is_id(id) {
                        break;
                    }
                    if start > 0 {
                        values(&rest[..start], &mut out);
                    }
                    refs.push((id.to_string(), line));
                    out.push(Inline::Ref {
                        id: id.to_string(),
                        text: String::new(),
                    });
                    rest = &rest[start + len + 1..];
                }
                if rest.contains("[^") {
                    errors.push(format!(
                        "line {line}: a footnote mark `[^…]` without its definition"
                    ));
                }
                if !rest.is_empty() {
                    values(rest, &mut out);
                }
            }
            Inline::Emph(x) => out.push(Inline::Emph(finish(x, line, refs, errors))),
            Inline::Strong(x) => out.push(Inline::Strong(finish(x, line, refs, errors))),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Authored {
        parse(Path::new("t.md"), s).unwrap()
    }

    fn text(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.into())]
    }

    #[test]
    fn paragraphs_headings_lists_notes_and_references() {
        let a = read(
            "## Sources\n\nFirst *one*, see [@F2] and [@T3].[^n] [#first]\n\nThe Commission may wish to:\n\n- act;\n- **decide**.\n  - sub\n\n[^n]: A note, see [@first].\n",
        );
        assert_eq!(
            a.blocks[0],
            Block::Heading {
                level: 1,
                text: text("Sources")
            }
        );
        let Block::Paragraph { text: t, label, .. } = &a.blocks[1] else {
            panic!()
        };
        assert_eq!(label.as_deref(), Some("first"));
        assert_eq!(
            t,
            &vec![
                Inline::Text("First ".into()),
                Inline::Emph(text("one")),
                Inline::Text(", see ".into()),
                Inline::Ref {
                    id: "F2".into(),
                    text: String::new()
                },
                Inline::Text(" and ".into()),
                Inline::Ref {
                    id: "T3".into(),
                    text: String::new()
                },
                Inline::Text(".".into()),
                Inline::Note(1),
            ]
        );
        let Block::Paragraph { items, .. } = &a.blocks[2] else {
            panic!()
        };
        assert_eq!(items.len(), 2);
        assert_eq!(
            items[1].text,
            vec![Inline::Strong(text("decide")), Inline::Text(".".into())]
        );
        assert_eq!(items[1].items[0].text, text("sub"));
        assert_eq!(a.notes.len(), 1);
        let ids: Vec<&str> = a.refs.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["F2", "T3", "first"]);
    }

    #[test]
    fn masked_values_print_as_themselves() {
        let value = "Pakistan #read(\"/etc/hostname\") *b* [@F1] <script>x</script> [^1] [#l]";
        let a = read(&format!("In {}, rates rose.\n", mask(value)));
        assert!(a.refs.is_empty());
        assert_eq!(
            a.blocks[0],
            Block::Paragraph {
                text: text(&format!("In {value}, rates rose.")),
                items: Vec::new(),
                label: None
            }
        );
        // At the start of a line, a value opens no block either.
        let a = read(&format!("{}\n", mask("# 1. - > x")));
        assert_eq!(
            a.blocks,
            [Block::Paragraph {
                text: text("# 1. - > x"),
                items: Vec::new(),
                label: None
            }]
        );
    }

    #[test]
    fn outside_the_subset_is_an_error_with_its_line() {
        for (src, want) in [
            ("Text\n\n<div>x</div>\n", "line 3: raw HTML"),
            ("Text with <b>bold</b>.\n", "line 1: raw HTML"),
            ("a [link](http://x)\n", "line 1: a link"),
            ("# Title\n", "line 1: use `##`"),
            ("x\n\n```\ncode\n```\n", "line 3: a code block"),
            ("x[^a]\n", "definition"),
            ("x\n\n[^a]: unused\n", "never cited"),
            ("- a list first\n", "must follow the paragraph"),
        ] {
            let e = parse(Path::new("c.md"), src).unwrap_err().to_string();
            assert!(e.contains(want), "{src:?}: {e}");
            assert!(e.contains("c.md"), "{e}");
        }
    }
}
