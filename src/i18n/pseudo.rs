//! A pseudo-language made from a catalogue: every letter of every message's text accented
//! ("Kidnapping rate" → "Kídñáppíñg ráté"), the message ids, variables, functions, variant
//! keys and the document's Markdown tokens (`[@F1]`, `[^note]`, `*`) left as they are. A
//! document written in it shows at a glance any word that does not come from the catalogue (a
//! word left in the SQL, a template or the chart code), and tests search its files for the
//! original's sentences.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// The accented form of an ASCII letter (others as they are).
fn accent(c: char) -> char {
    const FROM: &str = "aceinouyAEINOUCY";
    const TO: &str = "áçéíñóúýÁÉÍÑÓÚÇÝ";
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

/// A text with its letters accented, except inside the document's bracketed tokens.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    let mut depth = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '[' if matches!(chars.peek(), Some('@' | '^' | '#')) => {
                depth += 1;
                out.push(c);
            }
            ']' if depth > 0 => {
                depth -= 1;
                out.push(c);
            }
            c if depth > 0 => out.push(c),
            c => out.push(accent(c)),
        }
    }
    out
}

fn pattern(p: &mut Pattern<String>) {
    for el in &mut p.elements {
        match el {
            PatternElement::TextElement { value } => *value = text(value),
            PatternElement::Placeable { expression } => expression_text(expression),
        }
    }
}

fn expression_text(e: &mut Expression<String>) {
    match e {
        Expression::Select { variants, .. } => {
            for v in variants {
                pattern(&mut v.value);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            expression_text(expression)
        }
        Expression::Inline(InlineExpression::StringLiteral { value }) => *value = text(value),
        Expression::Inline(_) => {}
    }
}

/// A catalogue file in the pseudo-language (a file that does not parse is returned as it is:
/// loading it reports the error).
pub fn catalogue(ftl: &str) -> String {
    let Ok(mut resource) = fluent_syntax::parser::parse(ftl.to_string()) else {
        return ftl.to_string();
    };
    for entry in &mut resource.body {
        let (value, attributes) = match entry {
            Entry::Message(m) => (m.value.as_mut(), &mut m.attributes),
            Entry::Term(t) => (Some(&mut t.value), &mut t.attributes),
            _ => continue,
        };
        if let Some(v) = value {
            pattern(v);
        }
        for a in attributes {
            pattern(&mut a.value);
        }
    }
    fluent_syntax::serializer::serialize(&resource)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_change_and_the_markup_does_not() {
        assert_eq!(text("Rate (see [@F2])"), "Ráté (séé [@F2])");
        let pseudo = catalogue(
            "# c\nm = In { $y }, { NUMBER($n) ->\n    [one] one unit\n   *[other] units\n}\n",
        );
        assert!(pseudo.contains("Íñ { $y }, { NUMBER($n) ->"), "{pseudo}");
        assert!(
            pseudo.contains("[one] óñé úñít") && pseudo.contains("*[other] úñíts"),
            "{pseudo}"
        );
    }
}
