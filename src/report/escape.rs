//! Text from the data made inert for the markup it lands in.
//!
//! Country names, citations and notes come from files the tool does not control; in Markdown
//! they must print as themselves, never as emphasis, links, tables or raw HTML.

/// `s` as literal Markdown text (CommonMark): the inline punctuation that could start markup is
/// backslash-escaped everywhere, the block markers (`#`, `-`, `+`, `=`, `>`, `1.`) at the start,
/// and line breaks become spaces so that a value never opens a block of its own.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, ch) in s.chars().enumerate() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '{' | '}'
            | '$' => {
                out.push('\\');
                out.push(ch);
            }
            '#' | '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(ch),
        }
    }
    // "1. x" or "1) x" at the start would open an ordered list ("7.6" would not).
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0
        && matches!(out.as_bytes().get(digits), Some(b'.' | b')'))
        && out
            .as_bytes()
            .get(digits + 1)
            .is_none_or(|b| b.is_ascii_whitespace())
    {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_text_stays_text() {
        assert_eq!(markdown("Pakistan"), "Pakistan");
        assert_eq!(
            markdown("2013–2023, 3.3 per 100,000"),
            "2013–2023, 3.3 per 100,000"
        );
        assert_eq!(
            markdown("<script>alert(1)</script> *b*"),
            "\\<script\\>alert(1)\\</script\\> \\*b\\*"
        );
        assert_eq!(markdown("a | b"), "a \\| b");
        assert_eq!(markdown("[x](http://y)"), "\\[x\\](http://y)");
        assert_eq!(markdown("# title"), "\\# title");
        assert_eq!(markdown("- item"), "\\- item");
        assert_eq!(markdown("1. item"), "1\\. item");
        assert_eq!(markdown("1."), "1\\.");
        assert_eq!(markdown("7.6"), "7.6");
        assert_eq!(markdown("a\n# b"), "a # b");
        assert_eq!(markdown("&lt;"), "\\&lt;");
        assert_eq!(markdown("Bosnia-Herzegovina"), "Bosnia-Herzegovina");
    }
}
