//! Numbers and dates in running text, by the rules of the document's language (DOCUMENT_SPEC,
//! "Numbers"; LANGUAGES.md): a count under ten in words, from ten in figures, the counts of one
//! series in the style of the largest, a sentence never beginning with a figure, zero always in
//! words ("no source rows", "none were removed"), a date as "16 May 2024".
//!
//! Every rule takes a [`Language`]. English has them all (the UN Editorial Manual); French,
//! Spanish and Russian write their numbers and dates by `style`'s table, Spanish its counts
//! from one to ten in words (the UN Spanish Translation Service), the others in figures
//! (unsettled, LANGUAGES.md); their zero, and the forms of a noun after a number, are their
//! catalogues' (a choice on `NUMBER($n)`).

use super::style::{self, Rules};
use super::{NA, number};

/// The language whose rules the running text follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    English,
    French,
    Spanish,
    Russian,
}

/// Spanish counts from one to ten in words (a count before a feminine noun: `una`).
const SPANISH_WORDS: [&str; 11] = [
    "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
];

/// How a count stands in its sentence: before the noun it counts ("nine series", "no source
/// rows") or for it, the noun left out ("86 were added and none removed").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    #[default]
    BeforeNoun,
    Alone,
}

/// A count with the style its series gives it: `figures` when another count of its series would
/// be a figure on its own (a count of ten or more is a figure whatever its series).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub n: Option<i64>,
    pub figures: bool,
}

impl Count {
    /// A count on its own: only its own size decides (see [`Language::count`]).
    pub fn single(n: Option<i64>) -> Count {
        Count { n, figures: false }
    }
}

/// The rule for a count in running text: words from zero to nine, figures otherwise.
fn in_words(n: i64) -> bool {
    (0..10).contains(&n)
}

impl Language {
    /// The language of a BCP 47 tag ("en", "en-GB"); `None` for one without rules yet.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Language::English),
            "fr" => Some(Language::French),
            "es" => Some(Language::Spanish),
            "ru" => Some(Language::Russian),
            _ => None,
        }
    }

    /// The languages with rules, as tags (for messages).
    pub const TAGS: &'static [&'static str] = &["en", "fr", "es", "ru"];

    /// The language's tag.
    pub fn tag(self) -> &'static str {
        self.rules().tag
    }

    /// The language's writing rules (`style`).
    pub fn rules(self) -> &'static Rules {
        match self {
            Language::English => &style::ENGLISH,
            Language::French => &style::FRENCH,
            Language::Spanish => &style::SPANISH,
            Language::Russian => &style::RUSSIAN,
        }
    }

    /// A whole number in words, lower case: "zero", "nine", "thirty-eight", "one hundred and
    /// five", "two thousand and twelve"; the minus sign written "minus". From a billion, figures.
    /// Spanish: "uno" to "diez"; beyond the words a language has, figures.
    pub fn words(self, n: i64) -> String {
        match self {
            Language::English => english_words(n),
            Language::Spanish if (0..=10).contains(&n) => SPANISH_WORDS[n as usize].into(),
            _ => self.rules().number(n as f64, 0),
        }
    }

    /// Whether the count `n` is written in words in running text.
    fn in_words(self, n: i64) -> bool {
        match self {
            Language::English => in_words(n),
            _ => (1..=i64::from(self.rules().words_up_to)).contains(&n),
        }
    }

    /// A count in running text by the rules of its series ([`Count`]) and its place in the
    /// sentence: "no" or "none" for zero, "nine", "38", "4,595"; ".." when it is missing.
    pub fn count(self, c: Count, role: Role) -> String {
        match (self, c.n) {
            (_, None) => NA.to_string(),
            (Language::English, Some(0)) => match role {
                Role::BeforeNoun => "no".into(),
                Role::Alone => "none".into(),
            },
            // Spanish "un país" before its (masculine) noun, "uno" standing for it; a feminine
            // noun takes its own words in the catalogue (a choice on NUMBER).
            (Language::Spanish, Some(1)) if !c.figures && role == Role::BeforeNoun => "un".into(),
            (_, Some(n)) if c.figures || !self.in_words(n) => self.rules().number(n as f64, 0),
            (_, Some(n)) => self.words(n),
        }
    }

    /// A count that begins a sentence: always in words, capitalised ("Nine series …",
    /// "Thirty-eight of them …", "No series …", "None …").
    pub fn sentence_start(self, c: Count, role: Role) -> String {
        let w = match c.n {
            None => return NA.to_string(),
            Some(0) => self.count(c, role),
            Some(n) => self.words(n),
        };
        let mut chars = w.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => w,
        }
    }

    /// The counts of one series ("rose in 12, fell in 7 and stayed stable in 3"): all in
    /// figures when one would be a figure on its own, else all in words; zero in words always.
    pub fn series(self, ns: &[Option<i64>]) -> Vec<Count> {
        let figures = ns.iter().flatten().any(|&n| n != 0 && !self.in_words(n));
        ns.iter().map(|&n| Count { n, figures }).collect()
    }

    /// A year: its figures, unseparated ("2024").
    pub fn year(self, y: i64) -> String {
        y.to_string()
    }

    /// A factor as a multiple: "fivefold" for a whole factor from two to nine (in words, as a
    /// count would be), "10-fold" and "2.5-fold" otherwise.
    pub fn fold(self, x: f64) -> String {
        if !x.is_finite() {
            return NA.to_string();
        }
        if x.fract() == 0.0 && (2.0..=9.0).contains(&x) {
            format!("{}fold", self.words(x as i64))
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

    /// A date as UN documents write it: "2025-06-02" → "2 June 2025", a month "2022-06" →
    /// "June 2022"; anything else as given.
    pub fn date(self, iso: &str) -> String {
        self.written_date(iso).unwrap_or_else(|| iso.to_string())
    }

    /// [`Self::date`] of an ISO date or month; `None` for any other text (which running text
    /// prints as it is).
    pub fn written_date(self, iso: &str) -> Option<String> {
        let (y, m, d) = iso_date(iso)?;
        let rules = self.rules();
        Some(match (self, d) {
            (_, Some(d)) => rules.date(y.parse().ok()?, m as u32, d as u32)?,
            (Language::English | Language::French, None) => format!("{} {y}", rules.months[m - 1]),
            (Language::Spanish, None) => format!("{} de {y}", rules.months[m - 1]),
            // A month on its own takes the nominative in Russian, which the table does not
            // hold: the month as given.
            (Language::Russian, None) => return None,
        })
    }
}

/// (year, month 1–12, day) of an ISO date ("2025-06-02") or month ("2022-06").
pub fn iso_date_parts(iso: &str) -> Option<(i32, u32, Option<u32>)> {
    let (y, m, d) = iso_date(iso)?;
    Some((y.parse().ok()?, m as u32, d.map(|d| d as u32)))
}

/// (year, month 1–12, day) of an ISO date or month.
fn iso_date(iso: &str) -> Option<(&str, usize, Option<usize>)> {
    let parts: Vec<&str> = iso.trim().split('-').collect();
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let year = *parts.first()?;
    if !digits(year, 4..=4) {
        return None;
    }
    let month = match parts.get(1) {
        Some(m) if digits(m, 1..=2) => m.parse::<usize>().ok().filter(|m| (1..=12).contains(m))?,
        _ => return None,
    };
    match parts[..] {
        [_, _] => Some((year, month, None)),
        [_, _, d] if digits(d, 1..=2) => {
            let day = d.parse::<usize>().ok().filter(|d| (1..=31).contains(d))?;
            Some((year, month, Some(day)))
        }
        _ => None,
    }
}

pub(super) const ENGLISH_MONTHS: [&str; 12] = [
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

fn english_words(n: i64) -> String {
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
            english_words(n.unsigned_abs().min(i64::MAX as u64) as i64)
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

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Language = Language::English;

    fn text(n: i64) -> String {
        EN.count(Count::single(Some(n)), Role::BeforeNoun)
    }

    #[test]
    fn numbers_in_words() {
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
            assert_eq!(EN.words(n), w, "{n}");
        }
    }

    #[test]
    fn counts_in_running_text() {
        assert_eq!(text(0), "no");
        assert_eq!(EN.count(Count::single(Some(0)), Role::Alone), "none");
        assert_eq!(text(1), "one");
        assert_eq!(text(9), "nine");
        assert_eq!(text(10), "10");
        assert_eq!(text(11), "11");
        assert_eq!(text(4595), "4,595");
        assert_eq!(text(-3), "−3");
        assert_eq!(EN.count(Count::single(None), Role::Alone), "..");
        let start = |n, role| EN.sentence_start(Count::single(Some(n)), role);
        assert_eq!(start(9, Role::BeforeNoun), "Nine");
        assert_eq!(start(38, Role::BeforeNoun), "Thirty-eight");
        assert_eq!(start(0, Role::BeforeNoun), "No");
        assert_eq!(start(0, Role::Alone), "None");
    }

    #[test]
    fn a_series_takes_the_style_of_its_largest_but_zero_stays_words() {
        let series = |ns: &[Option<i64>], role| -> Vec<String> {
            EN.series(ns)
                .into_iter()
                .map(|c| EN.count(c, role))
                .collect()
        };
        assert_eq!(
            series(&[Some(29), Some(32), Some(11)], Role::BeforeNoun),
            ["29", "32", "11"]
        );
        assert_eq!(
            series(&[Some(12), Some(7), Some(3)], Role::BeforeNoun),
            ["12", "7", "3"]
        );
        assert_eq!(
            series(&[Some(1), Some(7), Some(3)], Role::BeforeNoun),
            ["one", "seven", "three"]
        );
        assert_eq!(series(&[Some(86), Some(0)], Role::Alone), ["86", "none"]);
        assert_eq!(series(&[Some(0), Some(0)], Role::BeforeNoun), ["no", "no"]);
        assert_eq!(series(&[Some(10), None], Role::BeforeNoun), ["10", ".."]);
        assert_eq!(series(&[Some(2), None], Role::BeforeNoun), ["two", ".."]);
    }

    #[test]
    fn dates_are_written_out() {
        assert_eq!(EN.date("2025-06-02"), "2 June 2025");
        assert_eq!(EN.date("2024-05-16"), "16 May 2024");
        assert_eq!(EN.date("2022-06"), "June 2022");
        assert_eq!(EN.date("2022-13"), "2022-13");
        assert_eq!(EN.date("2022-06-32"), "2022-06-32");
        assert_eq!(EN.date("release 4"), "release 4");
        assert_eq!(EN.date("2024"), "2024");
        for text in ["2024", "20240-05", "2024-05-1x", "Pakistan"] {
            assert_eq!(EN.written_date(text), None, "{text}");
        }
    }

    #[test]
    fn a_multiple_is_written_out_under_ten() {
        assert_eq!(EN.fold(5.0), "fivefold");
        assert_eq!(EN.fold(2.0), "twofold");
        assert_eq!(EN.fold(10.0), "10-fold");
        assert_eq!(EN.fold(2.5), "2.5-fold");
        assert_eq!(EN.fold(1.25), "1.25-fold");
    }

    #[test]
    fn languages_by_tag() {
        assert_eq!(Language::from_tag("en"), Some(EN));
        assert_eq!(Language::from_tag("en-GB"), Some(EN));
        assert_eq!(Language::from_tag("fr-CA"), Some(Language::French));
        assert_eq!(Language::from_tag("de"), None);
    }

    #[test]
    fn counts_in_the_other_languages() {
        // Spanish: one to ten in words (UN Spanish Translation Service); French and Russian in
        // figures; every language's zero is its catalogue's (here the figure).
        let es = Language::Spanish;
        assert_eq!(es.count(Count::single(Some(7)), Role::BeforeNoun), "siete");
        assert_eq!(es.count(Count::single(Some(1)), Role::BeforeNoun), "un");
        assert_eq!(es.count(Count::single(Some(1)), Role::Alone), "uno");
        assert_eq!(es.count(Count::single(Some(10)), Role::BeforeNoun), "diez");
        assert_eq!(es.count(Count::single(Some(11)), Role::BeforeNoun), "11");
        assert_eq!(
            es.count(Count::single(Some(1998)), Role::BeforeNoun),
            "1.998"
        );
        assert_eq!(
            es.sentence_start(Count::single(Some(3)), Role::BeforeNoun),
            "Tres"
        );
        let fr = Language::French;
        assert_eq!(fr.count(Count::single(Some(7)), Role::BeforeNoun), "7");
        assert_eq!(
            fr.count(Count::single(Some(15897)), Role::Alone),
            "15\u{a0}897"
        );
        assert_eq!(fr.count(Count::single(Some(0)), Role::Alone), "0");
        assert_eq!(fr.date("1999-07-01"), "1er juillet 1999");
        assert_eq!(es.date("2022-06"), "junio de 2022");
        assert_eq!(Language::Russian.date("1999-06-08"), "8 июня 1999 года");
        // A series: Spanish words unless one is past ten.
        assert_eq!(
            es.series(&[Some(3), Some(12)])
                .iter()
                .map(|c| es.count(*c, Role::Alone))
                .collect::<Vec<_>>(),
            ["3", "12"]
        );
    }
}
