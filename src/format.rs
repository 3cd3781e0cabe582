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

/// Group the digits of a non-negative integer string with commas.
fn group(int_digits: &str) -> String {
    let mut out = String::with_capacity(int_digits.len() + int_digits.len() / 3);
    for (i, ch) in int_digits.chars().enumerate() {
        if i > 0 && (int_digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A number with `decimals` decimals, comma thousands separators and the minus sign "−"; a
/// value that rounds to zero has no sign; a non-finite value is not available ("..").
pub fn number(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return NA.to_string();
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let negative = x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push(MINUS);
    }
    out.push_str(&group(&int));
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    out
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

/// A whole number in words, lower case: "zero", "nine", "thirty-eight", "one hundred and
/// five", "two thousand and twelve"; the minus sign written "minus". Beyond a billion, figures.
pub fn words(n: i64) -> String {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    fn below_hundred(n: u64) -> String {
        match n {
            0..=19 => ONES[n as usize].to_string(),
            _ if n.is_multiple_of(10) => TENS[(n / 10) as usize].to_string(),
            _ => format!("{}-{}", TENS[(n / 10) as usize], ONES[(n % 10) as usize]),
        }
    }
    fn below_thousand(n: u64) -> String {
        match (n / 100, n % 100) {
            (0, r) => below_hundred(r),
            (h, 0) => format!("{} hundred", ONES[h as usize]),
            (h, r) => format!("{} hundred and {}", ONES[h as usize], below_hundred(r)),
        }
    }
    if n < 0 {
        return format!(
            "minus {}",
            words(n.unsigned_abs().min(i64::MAX as u64) as i64)
        );
    }
    let n = n as u64;
    if n >= 1_000_000_000 {
        return number(n as f64, 0);
    }
    let mut parts = Vec::new();
    for (scale, name) in [(1_000_000, "million"), (1_000, "thousand")] {
        if !(n / scale).is_multiple_of(1000) {
            parts.push(format!("{} {name}", below_thousand(n / scale % 1000)));
        }
    }
    let rest = n % 1000;
    match (parts.is_empty(), rest) {
        (true, r) => parts.push(below_thousand(r)),
        (false, 0) => {}
        (false, r) if r < 100 => parts.push(format!("and {}", below_hundred(r))),
        (false, r) => parts.push(below_thousand(r)),
    }
    parts.join(" ")
}

/// A count in running text, UN style: words under ten ("nine series", "one country"), figures
/// from ten ("38", "4,595").
pub fn in_text(n: i64) -> String {
    if in_words(n) {
        words(n)
    } else {
        number(n as f64, 0)
    }
}

/// A factor as a multiple in running text: "fivefold" for a whole factor from two to nine (in
/// words, as a count would be), "10-fold" and "2.5-fold" otherwise.
pub fn fold(x: f64) -> String {
    if x.fract() == 0.0 && (2.0..=9.0).contains(&x) {
        format!("{}fold", words(x as i64))
    } else if x.fract() == 0.0 {
        format!("{}-fold", number(x, 0))
    } else {
        let decimals = if (x * 10.0).fract().abs() < 1e-9 {
            1
        } else {
            2
        };
        format!("{}-fold", number(x, decimals))
    }
}

/// The UN rule for a count in running text: words from zero to nine, figures otherwise.
fn in_words(n: i64) -> bool {
    (0..10).contains(&n)
}

/// A count that begins a sentence: always in words, capitalised ("Nine series …",
/// "Thirty-eight of them …"); a sentence never begins with a figure.
pub fn sentence_start(n: i64) -> String {
    let w = words(n);
    let mut chars = w.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => w,
    }
}

/// Counts of one series in running text ("rose in 12, fell in 7 and stayed stable in 3"): the
/// rule for the largest applies to all — all in figures when one would be a figure on its
/// own, else all in words. A missing count is "..", as everywhere.
pub fn series_in_text(ns: &[Option<i64>]) -> Vec<String> {
    let figures = ns.iter().flatten().any(|&n| !in_words(n));
    ns.iter()
        .map(|n| match *n {
            None => "..".to_string(),
            Some(n) if figures => number(n as f64, 0),
            Some(n) => words(n),
        })
        .collect()
}

/// A date as UN documents write it: "2025-06-02" → "2 June 2025", "2022-06" → "June 2022";
/// anything else as given.
pub fn date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = iso.trim().split('-').collect();
    let num = |s: &str| s.parse::<usize>().ok();
    let month = |m: &str| {
        num(m)
            .filter(|m| (1..=12).contains(m))
            .map(|m| MONTHS[m - 1])
    };
    match parts[..] {
        [y, m, d] if y.len() == 4 && num(y).is_some() => match (month(m), num(d)) {
            (Some(m), Some(d)) if (1..=31).contains(&d) => format!("{d} {m} {y}"),
            _ => iso.to_string(),
        },
        [y, m] if y.len() == 4 && num(y).is_some() => match month(m) {
            Some(m) => format!("{m} {y}"),
            None => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn numbers_in_running_text() {
        let cases = [
            (0, "zero"),
            (1, "one"),
            (9, "nine"),
            (10, "ten"),
            (19, "nineteen"),
            (20, "twenty"),
            (38, "thirty-eight"),
            (100, "one hundred"),
            (105, "one hundred and five"),
            (249, "two hundred and forty-nine"),
            (1000, "one thousand"),
            (2012, "two thousand and twelve"),
            (58_307, "fifty-eight thousand three hundred and seven"),
            (1_000_001, "one million and one"),
        ];
        for (n, w) in cases {
            assert_eq!(words(n), w, "{n}");
        }
        assert_eq!(in_text(1), "one");
        assert_eq!(in_text(9), "nine");
        assert_eq!(in_text(10), "10");
        assert_eq!(in_text(4595), "4,595");
        assert_eq!(date("2025-06-02"), "2 June 2025");
        assert_eq!(date("2022-06"), "June 2022");
        assert_eq!(date("2022-13"), "2022-13");
        assert_eq!(date("release 4"), "release 4");
        assert_eq!(sentence_start(9), "Nine");
        assert_eq!(sentence_start(38), "Thirty-eight");
        assert_eq!(sentence_start(0), "Zero");
        assert_eq!(
            series_in_text(&[Some(29), Some(32), Some(11)]),
            ["29", "32", "11"]
        );
        assert_eq!(
            series_in_text(&[Some(12), Some(7), Some(3)]),
            ["12", "7", "3"]
        );
        assert_eq!(
            series_in_text(&[Some(1), Some(7), Some(3)]),
            ["one", "seven", "three"]
        );
        assert_eq!(series_in_text(&[Some(10), None]), ["10", ".."]);
        assert_eq!(series_in_text(&[Some(2), None]), ["two", ".."]);
    }

    #[test]
    fn a_multiple_is_written_out_under_ten() {
        assert_eq!(fold(5.0), "fivefold");
        assert_eq!(fold(2.0), "twofold");
        assert_eq!(fold(10.0), "10-fold");
        assert_eq!(fold(2.5), "2.5-fold");
        assert_eq!(fold(1.25), "1.25-fold");
    }
}
