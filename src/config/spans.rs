//! Where each value of a YAML file is: the positions a YAML parser with spans reports, by path
//! (`name`, `sources[2].path`, `params.first_year`), so that every diagnostic points at the
//! node it is about (never at a comment that mentions the same text), and the extent of each
//! entry, so that `validate` can set an entry aside and read on to the next error.

use std::collections::BTreeMap;

use saphyr_parser::{Event, Parser, Span};

/// One node: where its key and value start (1-based line and column) and the characters its
/// entry covers (key through the end of the value).
#[derive(Debug, Clone, Copy)]
struct Node {
    key: Option<(usize, usize)>,
    value: (usize, usize),
    start: usize,
    end: usize,
}

/// The nodes of a YAML text by path.
#[derive(Debug, Default)]
pub struct Spans {
    nodes: BTreeMap<String, Node>,
}

enum Frame {
    Map {
        path: String,
        key: Option<(String, Span)>,
        start: usize,
        at: (usize, usize),
        key_at: Option<(usize, usize)>,
        end: usize,
    },
    Seq {
        path: String,
        index: usize,
        start: usize,
        at: (usize, usize),
        key_at: Option<(usize, usize)>,
        end: usize,
    },
}

fn pos(span: &Span) -> (usize, usize) {
    (span.start.line(), span.start.col() + 1)
}

impl Spans {
    /// Index `text`; a text the parser cannot read gives an empty index (the YAML error itself
    /// is reported by the deserializer).
    pub fn index(text: &str) -> Spans {
        let mut spans = Spans::default();
        let mut stack: Vec<Frame> = Vec::new();
        for event in Parser::new_from_str(text) {
            let Ok((event, span)) = event else {
                break;
            };
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(Frame::Map { key: k @ None, .. }) = stack.last_mut() {
                        *k = Some((value.into_owned(), span));
                        continue;
                    }
                    let (path, start, key_at) = spans.child(&mut stack, &span);
                    spans.nodes.insert(
                        path,
                        Node {
                            key: key_at,
                            value: pos(&span),
                            start,
                            end: span.end.index(),
                        },
                    );
                    extend(&mut stack, span.end.index());
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let (path, start, key_at) = spans.child(&mut stack, &span);
                    let at = pos(&span);
                    let end = span.end.index();
                    stack.push(if matches!(event, Event::MappingStart(..)) {
                        Frame::Map {
                            path,
                            key: None,
                            start,
                            at,
                            key_at,
                            end,
                        }
                    } else {
                        Frame::Seq {
                            path,
                            index: 0,
                            start,
                            at,
                            key_at,
                            end,
                        }
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    if let Some(
                        Frame::Map {
                            path,
                            start,
                            at,
                            key_at,
                            end,
                            ..
                        }
                        | Frame::Seq {
                            path,
                            start,
                            at,
                            key_at,
                            end,
                            ..
                        },
                    ) = stack.pop()
                    {
                        // A flow collection ends with its bracket; a block one's end event is
                        // empty.
                        let end = if span.end.index() > span.start.index() {
                            end.max(span.end.index())
                        } else {
                            end
                        };
                        spans.nodes.insert(
                            path,
                            Node {
                                key: key_at,
                                value: at,
                                start,
                                end,
                            },
                        );
                        extend(&mut stack, end);
                    }
                }
                _ => {}
            }
        }
        spans
    }

    /// The path, entry start and key position of the value that comes next in the innermost
    /// container (and that container's bookkeeping moved on).
    fn child(&self, stack: &mut [Frame], span: &Span) -> (String, usize, Option<(usize, usize)>) {
        match stack.last_mut() {
            Some(Frame::Map { path, key, .. }) => {
                let (k, kspan) = key.take().unwrap_or_default();
                let p = if path.is_empty() {
                    k
                } else {
                    format!("{path}.{k}")
                };
                (p, kspan.start.index(), Some(pos(&kspan)))
            }
            Some(Frame::Seq { path, index, .. }) => {
                let p = format!("{path}[{index}]");
                *index += 1;
                (p, span.start.index(), None)
            }
            None => (String::new(), span.start.index(), None),
        }
    }

    /// Where the value at `path` starts, 1-based; (0, 0) when there is none.
    pub fn at(&self, path: &str) -> (usize, usize) {
        self.nodes.get(path).map_or((0, 0), |n| n.value)
    }

    /// Where the key of `path` starts (its value when it has no key), 1-based; (0, 0) when
    /// there is none.
    pub fn key(&self, path: &str) -> (usize, usize) {
        self.nodes
            .get(path)
            .map_or((0, 0), |n| n.key.unwrap_or(n.value))
    }

    /// The characters of the smallest entry that holds 1-based `line` and `col` (what a
    /// deserializer's error points at), in `text`.
    pub fn entry_at(&self, text: &str, line: usize, col: usize) -> Option<(usize, usize)> {
        let idx = char_index(text, line, col)?;
        self.nodes
            .values()
            .filter(|n| n.key.is_some() && n.start <= idx && idx < n.end.max(n.start + 1))
            .min_by_key(|n| n.end - n.start)
            .map(|n| (n.start, n.end))
    }
}

impl Spans {
    /// The characters of the value of the smallest entry that holds 1-based `line` and `col`,
    /// in `text`: from where the value starts to the end of the entry.
    pub fn value_at(&self, text: &str, line: usize, col: usize) -> Option<(usize, usize)> {
        self.value_entry(text, line, col).map(|(_, range)| range)
    }

    /// The path of the smallest entry that holds 1-based `line` and `col`, and its value's
    /// characters (as `value_at`).
    pub fn value_entry(
        &self,
        text: &str,
        line: usize,
        col: usize,
    ) -> Option<(&str, (usize, usize))> {
        let idx = char_index(text, line, col)?;
        let (path, node) = self
            .nodes
            .iter()
            .filter(|(_, n)| n.key.is_some() && n.start <= idx && idx < n.end.max(n.start + 1))
            .min_by_key(|(_, n)| n.end - n.start)?;
        let start = char_index(text, node.value.0, node.value.1)?;
        (start < node.end).then_some((path.as_str(), (start, node.end)))
    }
}

impl Spans {
    /// The 1-based first and last lines of the entry at `path`, in `text`.
    pub fn lines_of(&self, text: &str, path: &str) -> Option<(usize, usize)> {
        let node = self.nodes.get(path)?;
        let line_at = |idx: usize| text.chars().take(idx).filter(|c| *c == '\n').count() + 1;
        Some((
            line_at(node.start),
            line_at(node.end.saturating_sub(1).max(node.start)),
        ))
    }
}

/// The character index of 1-based `line` and `col` in `text`.
fn char_index(text: &str, line: usize, col: usize) -> Option<usize> {
    let mut idx = 0;
    for (i, l) in text.split('\n').enumerate() {
        if i + 1 == line {
            return Some(idx + col.saturating_sub(1));
        }
        idx += l.chars().count() + 1;
    }
    None
}

/// A value ended at `end`: the containers around it end no earlier.
fn extend(stack: &mut [Frame], end: usize) {
    for f in stack {
        match f {
            Frame::Map { end: e, .. } | Frame::Seq { end: e, .. } => *e = (*e).max(end),
        }
    }
}

/// `text` with the characters `start..end` blanked and `value` written at `start` (it must fit).
pub fn fill(text: &str, range: (usize, usize), value: &str) -> String {
    let blanked = blank(text, range);
    let mut chars: Vec<char> = blanked.chars().collect();
    for (i, c) in value.chars().enumerate() {
        chars[range.0 + i] = c;
    }
    chars.into_iter().collect()
}

/// `text` with the characters `start..end` blanked (spaces; line breaks kept), so that every
/// other position stays where it was.
pub fn blank(text: &str, (start, end): (usize, usize)) -> String {
    text.chars()
        .enumerate()
        .map(|(i, c)| {
            if (start..end).contains(&i) && c != '\n' && c != '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "# countries: data/x.csv is mentioned here\nname: x\ncountries:\n  path: data/x.csv\n  aliases: a.csv\nsources:\n  - id: one\n    path: one.csv\n  - id: two\n    table: { value: COL, typo: 1 }\n";

    #[test]
    fn positions_come_from_the_parser_not_from_text_search() {
        let s = Spans::index(YAML);
        assert_eq!(s.at("countries.path"), (4, 9));
        assert_eq!(s.key("countries.aliases"), (5, 3));
        assert_eq!(s.at("sources[1].id"), (9, 9));
        assert_eq!(s.at("sources[1].table.typo"), (10, 32));
        assert_eq!(s.at("nothing"), (0, 0));
    }

    #[test]
    fn an_entry_is_blanked_whole_and_nothing_moves() {
        let s = Spans::index(YAML);
        let (line, col) = s.key("sources[1].table.typo");
        let cut = blank(YAML, s.entry_at(YAML, line, col).unwrap());
        assert!(cut.contains("table: { value: COL,         }"), "{cut}");
        let (line, col) = s.key("countries");
        let cut = blank(YAML, s.entry_at(YAML, line, col).unwrap());
        assert_eq!(cut.lines().count(), YAML.lines().count());
        assert!(!cut.contains("aliases") && cut.contains("name: x"), "{cut}");
    }

    #[test]
    fn a_wrong_value_is_replaced_in_place_flow_brackets_included() {
        let t = "params:\n  first_year: 2018\n  last_year: [2021]\n  p1: [2018, 2019]\n";
        let s = Spans::index(t);
        let range = s.value_at(t, 3, 14).unwrap();
        assert_eq!(
            fill(t, range, "0"),
            "params:\n  first_year: 2018\n  last_year: 0     \n  p1: [2018, 2019]\n"
        );
        let range = s.value_at(t, 2, 15).unwrap();
        assert_eq!(&fill(t, range, "[]")[..27], "params:\n  first_year: []  \n");
    }
}
