//! Checks of a catalogue file beyond Fluent's grammar: every message carries a context comment
//! for its translators; and the choices of a message on a bare variable (`{ $n -> … }`), which
//! must be texts: a number is chosen on through `NUMBER($n)` (the catalogue's numbers are values
//! of their own, and would never match a plural category or `[0]`).

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
        let (id, comment) = match entry {
            Entry::Message(m) => (m.id.name, &m.comment),
            Entry::Term(t) => (t.id.name, &t.comment),
            _ => continue,
        };
        let line = line_of(text, id);
        if comment.is_none() {
            out.push(format!(
                "line {line}: message {id} has no comment: say above it, for its translators, \
                 where it appears and what each variable holds"
            ));
        }
    }
    out
}

/// The variables a pattern selects on bare (`{ $n -> … }`), nested choices included.
pub(super) fn bare_selectors(p: &Pattern<&str>, out: &mut Vec<String>) {
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
pub(super) fn line_of(text: &str, id: &str) -> usize {
    text.lines()
        .position(|l| {
            l.strip_prefix(id)
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map_or(0, |i| i + 1)
}

/// The messages a catalogue file's messages refer to (`{ T7-state }`).
pub(super) fn references(text: &str) -> Vec<String> {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) | Err((r, _)) => r,
    };
    let mut out = Vec::new();
    for entry in &resource.body {
        let (value, attributes) = match entry {
            Entry::Message(m) => (m.value.as_ref(), &m.attributes),
            Entry::Term(t) => (Some(&t.value), &t.attributes),
            _ => continue,
        };
        for p in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
            pattern_references(p, &mut out);
        }
    }
    out
}

fn pattern_references(p: &Pattern<&str>, out: &mut Vec<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expression_references(expression, out);
        }
    }
}

fn expression_references(e: &Expression<&str>, out: &mut Vec<String>) {
    match e {
        Expression::Select { selector, variants } => {
            inline_references(selector, out);
            for v in variants {
                pattern_references(&v.value, out);
            }
        }
        Expression::Inline(i) => inline_references(i, out),
    }
}

fn inline_references(i: &InlineExpression<&str>, out: &mut Vec<String>) {
    match i {
        InlineExpression::MessageReference { id, .. } => out.push(id.name.to_string()),
        InlineExpression::Placeable { expression } => expression_references(expression, out),
        _ => {}
    }
}
