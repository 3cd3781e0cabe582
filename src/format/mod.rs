//! UN number style, the one formatter of every output: report tables and text, chart ticks and
//! value labels, the command line.
//!
//! Takes numbers (or their absence); returns strings: one decimal for rates, thousands
//! separators, "per cent", ".." for not available, "–" for nil and the minus sign "−"
//! (U+2212) for negative numbers. Never prints "NaN" or "inf", and never prints an absent value
//! as zero.

/// Not available.
pub const NA: &str = "..";
/// Nil (a real zero) in tables.
pub const NIL: &str = "–";
/// The minus sign of negative numbers (U+2212, not the hyphen).
pub const MINUS: char = '−';

mod prose;
pub mod style;
pub use prose::{Count, Language, Role, iso_date_parts};

/// A CSV cell that a spreadsheet cannot run: text beginning with `=`, `+`, `-`, `@`, a tab or a
/// carriage return is a formula when Excel or LibreOffice opens the file, so it gets a leading
/// apostrophe (the spreadsheets' own mark for "text"). A plain number (`-12`, `3.5`) stays a
/// number.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    let starts_live = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if starts_live && !is_plain_number(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// `-?digits[.digits]`: what a CSV of this tool writes for a number.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let mut parts = digits.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// 1 → "I", 4 → "IV", 19 → "XIX".
pub fn roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// A number's digits at `decimals` decimals: whether it is negative (a value that rounds to
/// zero is not), its integer digits and its decimals; `None` when it is not finite.
fn digits(x: f64, decimals: usize) -> Option<(bool, String, Option<String>)> {
    if !x.is_finite() {
        return None;
    }
    let s = format!("{:.*}", decimals, x.abs());
    let negative = x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0');
    Some(match s.split_once('.') {
        Some((i, f)) => (negative, i.to_string(), Some(f.to_string())),
        None => (negative, s, None),
    })
}

/// A number with `decimals` decimals, comma thousands separators and the minus sign "−"; a
/// value that rounds to zero has no sign; a non-finite value is not available ("..").
pub fn number(x: f64, decimals: usize) -> String {
    style::ENGLISH.number(x, decimals)
}

/// A number in machine form, as spreadsheets and programs read it in any language: `decimals`
/// decimals after a full stop, no grouping, the ASCII hyphen-minus ("-1234.5"); ".." when it
/// is not finite.
pub fn plain(x: f64, decimals: usize) -> String {
    let Some((negative, int, frac)) = digits(x, decimals) else {
        return NA.to_string();
    };
    let sign = if negative { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{int}.{f}"),
        None => format!("{sign}{int}"),
    }
}

/// A rate per 100,000: one decimal ("1.8", "1,234.5").
pub fn rate(x: Option<f64>) -> String {
    x.map_or_else(|| NA.to_string(), |v| number(v, 1))
}

/// A count: whole number with separators ("4,595"); fractional estimates are rounded.
pub fn count(x: Option<f64>) -> String {
    x.map_or_else(|| NA.to_string(), |v| number(v, 0))
}

/// A relative change or share as a percentage number for tables ("12.3", "-4.0").
pub fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| NA.to_string(), |v| number(v * 100.0, 1))
}

/// A share or change in running text: "12 per cent", "4.5 per cent" (absolute value; the
/// sentence says the direction). Whole per cent from 10 up, one decimal below.
pub fn per_cent_text(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => {
            let p = (v * 100.0).abs();
            let decimals = if p >= 9.95 { 0 } else { 1 };
            format!("{} per cent", number(p, decimals))
        }
        _ => NA.to_string(),
    }
}

/// Table cell variant of a value: exact zero shows as nil ("–").
pub fn with_nil(x: Option<f64>, f: fn(Option<f64>) -> String) -> String {
    match x {
        Some(0.0) => NIL.to_string(),
        other => f(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_form_has_no_grouping_and_the_ascii_minus() {
        assert_eq!(plain(-1234567.25, 1), "-1234567.2");
        assert_eq!(number(-1234567.25, 1), "−1,234,567.2");
        assert_eq!(plain(-0.04, 1), "0.0"); // rounds to zero: no sign
        assert_eq!(plain(4698.0, 0), "4698");
        assert_eq!(plain(f64::NAN, 2), NA);
    }

    #[test]
    fn un_style() {
        assert_eq!(rate(Some(1.8149)), "1.8");
        assert_eq!(rate(Some(1234.56)), "1,234.6");
        assert_eq!(rate(None), "..");
        assert_eq!(count(Some(4595.0)), "4,595");
        assert_eq!(count(Some(56651.548)), "56,652");
        assert_eq!(count(Some(1_000_000.0)), "1,000,000");
        assert_eq!(count(Some(999.0)), "999");
        assert_eq!(percent(Some(-0.04)), "−4.0");
        assert_eq!(number(-1500.0, 0), "−1,500");
        assert_eq!(number(-0.04, 1), "0.0");
        assert_eq!(number(12345.678, 2), "12,345.68");
        assert_eq!(percent(Some(-0.0001)), "0.0");
        assert_eq!(per_cent_text(Some(0.1234)), "12 per cent");
        assert_eq!(per_cent_text(Some(-0.045)), "4.5 per cent");
        assert_eq!(with_nil(Some(0.0), count), "–");
        assert_eq!(with_nil(None, count), "..");
        assert_eq!(number(f64::NAN, 1), "..");
    }

    #[test]
    fn csv_cells_never_become_formulas() {
        for live in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1",
            "-1+2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "-",
            "-.5",
        ] {
            assert_eq!(spreadsheet_safe(live), format!("'{live}"), "{live:?}");
        }
        for kept in ["-12", "-97.7", "3.5", "0", "Pakistan", "..", "–", "a=b", ""] {
            assert_eq!(spreadsheet_safe(kept), kept, "{kept:?}");
        }
    }
}
