//! Cleaning rules for numbers and names as national tables print them.
//!
//! Takes a cell's text and the source's declared rules; returns a value, "not reported", or
//! what was expected. Rules: surrounding spaces are ignored; a declared missing marker (`..`,
//! `NA`, an empty cell) is "not reported"; a declared zero marker (`-`, `-   `) is zero; a
//! declared thousands separator is accepted only between groups of three digits (`1,045`, not
//! `1,04,5` or `10,45`); anything else must be a plain decimal number. Never guesses: `1.045`
//! is one point zero four five, whatever the separator, and a negative or non-finite number is
//! refused.

pub use crate::config::spec::NumberRules;

/// A cleaned number cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// Not reported (empty cell or a missing marker).
    Missing,
    /// A non-negative finite number.
    Value(f64),
}

impl NumberRules {
    /// What this source accepts in a number cell, for messages.
    pub fn expected(&self) -> String {
        let mut parts = vec!["a number ≥ 0".to_string()];
        if let Some(t) = self.thousands {
            parts.push(format!("with `{t}` between thousands"));
        }
        let mut markers: Vec<String> = self
            .missing
            .iter()
            .filter(|m| !m.is_empty())
            .map(|m| format!("`{m}`"))
            .collect();
        markers.push("an empty cell".into());
        parts.push(format!("or {} (not reported)", markers.join(", ")));
        if !self.zero.is_empty() {
            let z: Vec<String> = self.zero.iter().map(|m| format!("`{m}`")).collect();
            parts.push(format!("or {} (zero)", z.join(", ")));
        }
        parts.join(" ")
    }

    /// Clean one cell's text; `None` when it is not a number under these rules.
    pub fn parse(&self, text: &str) -> Option<Number> {
        let t = text.trim();
        if t.is_empty() || self.missing.iter().any(|m| m.trim() == t) {
            return Some(Number::Missing);
        }
        if self.zero.iter().any(|m| m.trim() == t) {
            return Some(Number::Value(0.0));
        }
        let plain = match self.thousands {
            Some(sep) if t.contains(sep) => strip_thousands(t, sep)?,
            _ => t.to_string(),
        };
        parse_plain(&plain).map(Number::Value)
    }
}

/// `1,234,567.5` → `1234567.5` when every group after the first has exactly three digits and
/// the first has one to three; `None` otherwise.
fn strip_thousands(t: &str, sep: char) -> Option<String> {
    let (int, frac) = match t.find('.') {
        Some(i) if sep != '.' => (&t[..i], Some(&t[i..])),
        _ => (t, None),
    };
    let mut groups = int.split(sep);
    let first = groups.next()?;
    // `0,500` is not five hundred: a leading group never starts with 0.
    if first.is_empty()
        || first.len() > 3
        || first.starts_with('0')
        || !first.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut out = first.to_string();
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        out.push_str(g);
    }
    if let Some(f) = frac {
        out.push_str(f);
    }
    Some(out)
}

/// A plain decimal: digits with at most one point, then an optional exponent (`1e-05`, as
/// spreadsheet and pandas exports write small rates); ≥ 0 and finite.
/// The largest value a source cell may hold: 2^53, the largest whole number a Float64 (the
/// warehouse's `value`) holds exactly, and far inside what the SQL's Int64 counts hold. A
/// larger number (`1e308`, `99999999999999999999`) is a bad value, not data.
pub const MAX_VALUE: f64 = 9_007_199_254_740_992.0;

/// What a bad value's message says is expected of a number this large.
pub const MAX_VALUE_TEXT: &str = "a number no larger than 9,007,199,254,740,992 (2^53)";

/// A value a warehouse column can hold: finite, ≥ 0 and at most `MAX_VALUE`.
pub fn in_range(v: f64) -> bool {
    v.is_finite() && (0.0..=MAX_VALUE).contains(&v)
}

/// Whether `text` reads as a number over `MAX_VALUE` (for the message).
pub fn too_large(text: &str) -> bool {
    text.trim()
        .replace(',', "")
        .parse::<f64>()
        .is_ok_and(|v| v > MAX_VALUE)
}

fn parse_plain(t: &str) -> Option<f64> {
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let digits = mantissa.bytes().filter(u8::is_ascii_digit).count();
    let points = mantissa.bytes().filter(|b| *b == b'.').count();
    if digits == 0 || points > 1 || digits + points != mantissa.len() {
        return None;
    }
    if let Some(e) = exponent {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        if e.is_empty() || !e.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let v = t.parse::<f64>().ok()?;
    in_range(v).then_some(v)
}

/// A name with footnote markers (`Mexico*`, `Chile**`) and surrounding spaces removed; inner
/// runs of spaces become one.
pub fn clean_name(text: &str, footnote_marks: &str) -> String {
    let t = text
        .trim()
        .trim_end_matches(|c: char| footnote_marks.contains(c) || c.is_whitespace());
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn legacy() -> NumberRules {
        NumberRules {
            thousands: Some(','),
            missing: vec!["".into(), "..".into()],
            zero: vec!["-".into()],
        }
    }

    #[test]
    fn each_rule() {
        let r = legacy();
        assert_eq!(r.parse(" 235 "), Some(Number::Value(235.0)));
        assert_eq!(r.parse(" 3,198 "), Some(Number::Value(3198.0)));
        assert_eq!(r.parse("1,322.6"), Some(Number::Value(1322.6)));
        assert_eq!(r.parse("-   "), Some(Number::Value(0.0)));
        assert_eq!(r.parse(""), Some(Number::Missing));
        assert_eq!(r.parse(".."), Some(Number::Missing));
        assert_eq!(r.parse("0.27"), Some(Number::Value(0.27)));
        assert_eq!(r.parse("1e-05"), Some(Number::Value(1e-5)));
        assert_eq!(r.parse("2.5E+3"), Some(Number::Value(2500.0)));
        assert_eq!(r.parse("9007199254740992"), Some(Number::Value(MAX_VALUE)));
        assert_eq!(r.parse("9007199254740993.5"), None);
        assert_eq!(r.parse("1e308"), None);
        // Misplaced separators, signs, words, several points: refused.
        for bad in [
            "1,04,5", "10,45", ",100", "100,", "1,0000", "-5", "+5", "abc", "1.2.3", "NaN", "inf",
            "1 000", "1,000,00", "0,500", "1e", "e5", "1e-", "1e5.5", ".", "1.e-",
        ] {
            assert_eq!(r.parse(bad), None, "{bad:?}");
        }
        // Without a declared separator a comma is an error, not a thousands mark.
        assert_eq!(NumberRules::default().parse("1,000"), None);
        // Without a declared zero marker a dash is an error.
        assert_eq!(NumberRules::default().parse("-"), None);
        // `NA` is missing only when declared.
        assert_eq!(NumberRules::default().parse("NA"), None);
        let na = NumberRules {
            missing: vec!["NA".into()],
            ..NumberRules::default()
        };
        assert_eq!(na.parse("NA"), Some(Number::Missing));
    }

    #[test]
    fn names() {
        assert_eq!(clean_name(" Mexico* ", "*"), "Mexico");
        assert_eq!(clean_name("Chile**", "*"), "Chile");
        assert_eq!(clean_name("Côte  d’Ivoire", "*"), "Côte d’Ivoire");
        assert_eq!(clean_name("Mexico*", ""), "Mexico*");
    }

    /// `n` written with a separator every three digits.
    fn grouped(n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    }

    proptest! {
        #[test]
        fn grouped_integers_read_back(n in 0u64..1_000_000_000_000, pad in 0usize..4) {
            let text = format!("{}{}{}", " ".repeat(pad), grouped(n), " ".repeat(pad));
            prop_assert_eq!(legacy().parse(&text), Some(Number::Value(n as f64)));
        }

        #[test]
        fn plain_decimals_read_back(n in 0u32..10_000_000, d in 0u32..100) {
            let text = format!("{n}.{d:02}");
            let want: f64 = text.parse().unwrap();
            prop_assert_eq!(legacy().parse(&text), Some(Number::Value(want)));
            prop_assert_eq!(NumberRules::default().parse(&text), Some(Number::Value(want)));
        }

        #[test]
        fn never_negative_never_panics(s in "\\PC{0,12}") {
            match legacy().parse(&s) {
                Some(Number::Value(v)) => prop_assert!(in_range(v)),
                Some(Number::Missing) | None => {}
            }
        }

        #[test]
        fn a_misplaced_separator_is_refused(a in 1u32..1000, b in 0u32..10_000) {
            // Groups after the first must have exactly three digits.
            let b_text = b.to_string();
            prop_assume!(b_text.len() != 3);
            prop_assert_eq!(legacy().parse(&format!("{a},{b_text}")), None);
        }

        #[test]
        fn names_lose_only_trailing_marks(name in "[A-Za-z][A-Za-z ]{0,20}[A-Za-z]", stars in 0usize..3) {
            let text = format!("{name}{}", "*".repeat(stars));
            let want = name.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(clean_name(&text, "*"), want);
        }
    }
}
