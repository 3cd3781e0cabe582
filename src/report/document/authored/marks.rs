//! The marking of a template's numbers: each number printed from the narrative's data carries
//! its address (`N2/kidnappings`) through the Markdown reading into the document model.

use super::{VALUE_CLOSE, VALUE_OPEN, VALUE_SEP, mask};

/// The filters that print a number (a value printed without one, a name, is not marked).
const NUMBER_FILTERS: [&str; 6] = ["num", "Num", "count", "rate", "per_cent", "percent"];

/// A template's number tags marked with their address: `{{ n.N2.kidnappings | num }}` is
/// printed between markers naming `N2/kidnappings` (read back by [`super::parse`] as an
/// [`super::Inline::Number`]). Only a tag that is exactly a narrative value and number filters is
/// marked; the rest of the template is left as it is.
pub fn mark_values(template: &str) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let tag = &rest[start..start + len + 2];
        out.push_str(&rest[..start]);
        if let Some(call) = message_call(&tag[2..tag.len() - 2]) {
            out.push_str("{{");
            out.push_str(&call);
            out.push_str("}}");
            rest = &rest[start + len + 2..];
            continue;
        }
        match value_address(&tag[2..tag.len() - 2]) {
            Some(address) => {
                out.push(VALUE_OPEN);
                out.push_str(&mask(&address));
                out.push(VALUE_SEP);
                out.push_str(tag);
                out.push(VALUE_CLOSE);
            }
            None => out.push_str(tag),
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

/// `N2/kidnappings` for the inside of `{{ n.N2.kidnappings | num }}`; `None` for any other
/// tag (whitespace control `{{-` … `-}}` left aside).
fn value_address(inner: &str) -> Option<String> {
    let inner = inner.trim_start_matches('-').trim_end_matches('-').trim();
    let mut parts = inner.split('|').map(str::trim);
    let path: Vec<&str> = parts.next()?.split('.').collect();
    let filters: Vec<&str> = parts.collect();
    let ident = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    match path[..] {
        ["n", item, field]
            if ident(item)
                && ident(field)
                && !filters.is_empty()
                && filters.iter().all(|f| {
                    NUMBER_FILTERS.contains(&f.split('(').next().unwrap_or("").trim())
                }) =>
        {
            Some(format!("{item}/{field}"))
        }
        _ => None,
    }
}

/// A printed text marked with its address (the numbers of a catalogue message).
pub fn mark(address: &str, text: &str) -> String {
    format!(
        "{VALUE_OPEN}{}{VALUE_SEP}{}{VALUE_CLOSE}",
        mask(address),
        mask(text)
    )
}

/// The inside of a `{{ t(…) }}` tag with each narrative value `n.N2.kidnappings` among its
/// arguments written `cell(n.N2.kidnappings, "N2/kidnappings")`, so that the message prints it
/// marked; `None` for any other tag. Quoted text is left as it is.
fn message_call(inner: &str) -> Option<String> {
    let body = inner.trim_start_matches('-').trim_start();
    if !body.starts_with("t(") {
        return None;
    }
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let chars: Vec<char> = inner.chars().collect();
    let mut out = String::with_capacity(inner.len() + 32);
    let mut i = 0;
    let mut quote: Option<char> = None;
    while i < chars.len() {
        let c = chars[i];
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        if c == '"' || c == '\'' {
            quote = Some(c);
            out.push(c);
            i += 1;
            continue;
        }
        // Only a named value that is exactly `n.<item>.<field>` (after `=`, before `,` or `)`).
        let after_equals = chars[..i]
            .iter()
            .rposition(|c| !c.is_whitespace())
            .is_some_and(|j| chars[j] == '=' && (j == 0 || !"=!<>".contains(chars[j - 1])));
        if after_equals && c == 'n' && chars.get(i + 1) == Some(&'.') {
            // n.<item>.<field>
            let mut j = i + 2;
            let item_start = j;
            while j < chars.len() && ident(chars[j]) {
                j += 1;
            }
            let item: String = chars[item_start..j].iter().collect();
            if !item.is_empty() && chars.get(j) == Some(&'.') {
                let field_start = j + 1;
                let mut k = field_start;
                while k < chars.len() && ident(chars[k]) {
                    k += 1;
                }
                let field: String = chars[field_start..k].iter().collect();
                let ends = chars[k..]
                    .iter()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|&c| c == ',' || c == ')');
                if !field.is_empty() && ends {
                    out.push_str(&format!("cell(n.{item}.{field}, \"{item}/{field}\")"));
                    i = k;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_call_marks_its_narrative_values() {
        assert_eq!(
            message_call(r#" t("n1", units=n.N1.reporting, y=p.last_year, s="n.N1.x") "#).unwrap(),
            r#" t("n1", units=cell(n.N1.reporting, "N1/reporting"), y=p.last_year, s="n.N1.x") "#
        );
        // Only a value on its own: not inside an expression.
        let call = r#"t("a", d=("x" if n.N3.c is none else "y"), b=(n.N2.k > 1), c = n.N2.k )"#;
        assert_eq!(
            message_call(call).unwrap(),
            r#"t("a", d=("x" if n.N3.c is none else "y"), b=(n.N2.k > 1), c = cell(n.N2.k, "N2/k") )"#
        );
        assert_eq!(message_call(" n.N1.x | num "), None);
        assert_eq!(
            mark_values("{{- t('a', x=n.N2.k) }} {{ n.N2.k | num }}")
                .matches("cell(")
                .count(),
            1
        );
    }
}
