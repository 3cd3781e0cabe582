//! Checks of a catalogue file beyond Fluent's grammar: every message carries a context comment
//! for its translators, and a choice on a number selects on `NUMBER($n)` (a bare `{ $n -> … }`
//! would never match a plural category: the catalogue's numbers are values of their own).

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// The ids of the messages of a catalogue file, in order (none for a file that does not parse).
pub(super) fn message_ids(text: &str) -> Vec<String> {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) | Err((r, _)) => r,
    };
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Every problem of a catalogue file, each naming its line.
pub(super) fn problems(text: &str) -> Vec<String> {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) | Err((r, _)) => r,
    };
    let mut out = Vec::new();
    for entry in &resource.body {
        let (id, comment, value, attributes) = match entry {
            Entry::Message(m) => (m.id.name, &m.comment, m.value.as_ref(), &m.attributes),
            Entry::Term(t) => (t.id.name, &t.comment, Some(&t.value), &t.attributes),
            _ => continue,
        };
        let line = line_of(text, id);
        if comment.is_none() {
            out.push(format!(
                "line {line}: message {id} has no comment: say above it, for its translators, \
                 where it appears and what each variable holds"
            ));
        }
        let mut bare = Vec::new();
        for p in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
            bare_selectors(p, &mut bare);
        }
        for var in bare {
            out.push(format!(
                "line {line}: message {id} chooses on the bare ${var}: write {{ NUMBER(${var}) -> … }} \
                 (plural categories and [0] match a NUMBER)"
            ));
        }
    }
    out
}

/// The variables a pattern selects on bare (`{ $n -> … }`), nested choices included.
fn bare_selectors(p: &Pattern<&str>, out: &mut Vec<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expression_selectors(expression, out);
        }
    }
}

fn expression_selectors(e: &Expression<&str>, out: &mut Vec<String>) {
    match e {
        Expression::Select { selector, variants } => {
            if let InlineExpression::VariableReference { id } = selector {
                out.push(id.name.to_string());
            }
            for v in variants {
                bare_selectors(&v.value, out);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            expression_selectors(expression, out)
        }
        Expression::Inline(_) => {}
    }
}

/// The line (from 1) where `id` is defined.
fn line_of(text: &str, id: &str) -> usize {
    text.lines()
        .position(|l| {
            l.strip_prefix(id)
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map_or(0, |i| i + 1)
}
