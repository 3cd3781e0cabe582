//! Cross-references in the document: how a figure, table or paragraph is cited ("figure II",
//! "annex table 7", "para. 12"), references resolved to that text, a run of references of one kind
//! grouped under one plural noun, and the ids a paragraph cites.

use std::collections::BTreeMap;

use super::{DocWords, Inline, Item, roman};

/// References resolved to their printed text and footnote marks moved by `offset`.
pub(super) fn resolve(
    v: &mut [Inline],
    names: &BTreeMap<String, String>,
    words: &DocWords,
    offset: u32,
) {
    let para = format!("{} ", words.para[0]);
    for i in v.iter_mut() {
        match i {
            Inline::Ref { id, text } => {
                if let Some(name) = names.get(id) {
                    *text = name.clone();
                    // A paragraph is found by its number.
                    if let Some(n) = name.strip_prefix(&para) {
                        *id = format!("para-{n}");
                    }
                }
            }
            Inline::Note(n) => *n += offset,
            Inline::Emph(x) | Inline::Strong(x) => resolve(x, names, words, offset),
            Inline::Text(_) | Inline::Number { .. } => {}
        }
    }
    group_references(v, words);
}

/// "figure II, figure III and table 2" → "figures II and III and table 2": references of one
/// kind that follow each other (joined by ", " or " and ") share one plural noun.
pub(super) fn group_references(v: &mut [Inline], words: &DocWords) {
    let and = format!(" {} ", words.and);
    let split = |t: &str| -> Option<(String, String)> {
        let (kind, number) = t.rsplit_once(' ')?;
        Some((kind.to_string(), number.to_string()))
    };
    let mut i = 0;
    while i < v.len() {
        let Inline::Ref { text, .. } = &v[i] else {
            i += 1;
            continue;
        };
        let Some((kind, _)) = split(text) else {
            i += 1;
            continue;
        };
        let mut members = vec![i];
        let mut j = i;
        while j + 2 < v.len() {
            let joined = matches!(&v[j + 1], Inline::Text(t) if t == ", " || *t == and);
            let same = matches!(&v[j + 2], Inline::Ref { text, .. }
                if split(text).is_some_and(|(k, _)| k == kind));
            if !(joined && same) {
                break;
            }
            members.push(j + 2);
            j += 2;
        }
        if members.len() > 1 {
            let last = members.len() - 1;
            for (n, &m) in members.iter().enumerate().skip(1) {
                v[m - 1] = Inline::Text(if n == last { and.clone() } else { ", ".into() });
            }
            let plural = words.plural(&kind).unwrap_or(&kind).to_string();
            for (n, &m) in members.iter().enumerate() {
                if let Inline::Ref { text, .. } = &mut v[m]
                    && let Some((_, number)) = split(text)
                {
                    *text = if n == 0 {
                        format!("{plural} {number}")
                    } else {
                        number
                    };
                }
            }
        }
        i = j + 1;
    }
    for inline in v.iter_mut() {
        if let Inline::Emph(x) | Inline::Strong(x) = inline {
            group_references(x, words);
        }
    }
}

pub(super) fn resolve_items(
    items: &mut [Item],
    names: &BTreeMap<String, String>,
    words: &DocWords,
    offset: u32,
) {
    for item in items {
        resolve(&mut item.text, names, words, offset);
        resolve_items(&mut item.items, names, words, offset);
    }
}

/// The ids cited in a paragraph, in order.
pub(super) fn cited(text: &[Inline], items: &[Item], out: &mut Vec<String>) {
    for i in text {
        match i {
            Inline::Ref { id, .. } => out.push(id.clone()),
            Inline::Emph(x) | Inline::Strong(x) => cited(x, &[], out),
            _ => {}
        }
    }
    for item in items {
        cited(&item.text, &item.items, out);
    }
}

/// How a reference to each figure and table prints: figures "figure I", "figure II", …;
/// body tables "table 1", …; annex tables numbered on, "annex table 6".
pub fn reference_names(
    words: &DocWords,
    figures: &[&str],
    tables: &[&str],
    annex: &[&str],
) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for (i, id) in figures.iter().enumerate() {
        names.insert(
            id.to_string(),
            format!("{} {}", words.figure[0], roman(i as u32 + 1)),
        );
    }
    for (i, id) in tables.iter().enumerate() {
        names.insert(id.to_string(), format!("{} {}", words.table[0], i + 1));
    }
    for (i, id) in annex.iter().enumerate() {
        names.insert(
            id.to_string(),
            format!("{} {}", words.annex_table[0], tables.len() + i + 1),
        );
    }
    names
}

/// "figure II" → "Figure II".
pub fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The plain text of authored inlines with references printed by `names` (an unknown one as
/// its label).
pub fn named(v: &[Inline], names: &BTreeMap<String, String>, words: &DocWords) -> String {
    let mut v = v.to_vec();
    resolve(&mut v, names, words, 0);
    for i in v.iter_mut() {
        if let Inline::Ref { id, text } = i
            && text.is_empty()
        {
            *text = format!("[@{id}]");
        }
    }
    super::plain(&v)
}
