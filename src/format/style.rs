//! How the document's languages write numbers, per cents, dates and the document's numbering:
//! one table, the project's own, from what UN documents show (`LANGUAGES.md` of the project's
//! shared notes, with its sources: the UN Editorial Manual, aligned UN documents, the UN Spanish
//! Translation Service's manual). Locale libraries' defaults are not used: they differ from UN
//! practice (CLDR's Spanish groups digits only from five, its Arabic uses Arabic-Indic digits).
//!
//! What those sources leave open is marked `unsettled` in the table: the value given is the
//! default a pipeline setting will be able to change. English, French, Spanish and Russian so
//! far; the words of the document (and the forms of a noun after a number) are its catalogues'.

use super::NA;

/// The no-break space: a number's groups never break across lines or reorder.
pub const NBSP: char = '\u{a0}';

/// How a percentage follows its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PerCent {
    /// In words after a space: "12 per cent".
    Words(&'static str),
    /// The sign after a no-break space: "0,75 %".
    SpacedSign,
    /// The sign right after the number: "1%".
    Sign,
    /// In words whose form follows the number (Russian): one, few, many, and the form after a
    /// fraction.
    Forms {
        one: &'static str,
        few: &'static str,
        many: &'static str,
        fraction: &'static str,
    },
}

/// How a date is written, day first in every language here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// "16 May 2024".
    DayMonthYear,
    /// "8 juin 1999", the first of the month "1er juillet 1999".
    French,
    /// "8 de junio de 1999".
    Spanish,
    /// "8 июня 1999 года" (the month in the genitive).
    Russian,
}

/// The writing rules of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// BCP 47 primary tag.
    pub tag: &'static str,
    pub decimal: char,
    /// Thousands separator; `None`: digits not grouped.
    pub group: Option<char>,
    pub per_cent: PerCent,
    /// Month names as a date writes them (French and Spanish lower case, Russian genitive).
    pub months: [&'static str; 12],
    pub date: DateStyle,
    /// Subparagraph labels, first and second level: `(a)` … and `(i)` …, or `a)` … and `i)` ….
    pub subparagraphs: [Label; 2],
    /// Whole numbers from one up to this are written in words in running text (0: never).
    pub words_up_to: u32,
    /// The fields the sources leave open (their value here is the default of a setting).
    pub unsettled: &'static [&'static str],
}

/// A subparagraph label: a letter or a lower-case Roman numeral, in brackets or with one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// "(a)", "(i)".
    Brackets(Counter),
    /// "a)", "i)".
    Bracket(Counter),
}

/// What a label counts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counter {
    Letter,
    Roman,
}

const FRENCH_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const SPANISH_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const RUSSIAN_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// English, the original: the UN Editorial Manual (numbers under ten in words, "per cent"
/// written out, subparagraphs (a) and (i)).
pub const ENGLISH: Rules = Rules {
    tag: "en",
    decimal: '.',
    group: Some(','),
    per_cent: PerCent::Words("per cent"),
    months: super::prose::ENGLISH_MONTHS,
    date: DateStyle::DayMonthYear,
    subparagraphs: [
        Label::Brackets(Counter::Letter),
        Label::Brackets(Counter::Roman),
    ],
    words_up_to: 9,
    unsettled: &[],
};

/// French: "175,3", "15 897 900", "0,75 %", "8 juin 1999", "1er juillet 1999", "c) La mise en
/// recouvrement". The group separator (U+00A0 or U+202F) is unsettled; so is writing small
/// numbers in words.
pub const FRENCH: Rules = Rules {
    tag: "fr",
    decimal: ',',
    group: Some(NBSP),
    per_cent: PerCent::SpacedSign,
    months: FRENCH_MONTHS,
    date: DateStyle::French,
    subparagraphs: [
        Label::Bracket(Counter::Letter),
        Label::Bracket(Counter::Roman),
    ],
    words_up_to: 0,
    unsettled: &["group", "words_up_to"],
};

/// Spanish: "116,3 millones", "1.998.234.600 dólares" (older documents; current practice
/// unsettled), "1%", "8 de junio de 1999" (months lower case), "a) Pidió"; cardinals one to ten
/// in letters except rates and percentages (UN Spanish Translation Service).
pub const SPANISH: Rules = Rules {
    tag: "es",
    decimal: ',',
    group: Some('.'),
    per_cent: PerCent::Sign,
    months: SPANISH_MONTHS,
    date: DateStyle::Spanish,
    subparagraphs: [
        Label::Bracket(Counter::Letter),
        Label::Bracket(Counter::Roman),
    ],
    words_up_to: 10,
    unsettled: &["group"],
};

/// Russian: "12,5 процента", "на 24 процента", "8 июня 1999 года". The group separator (a
/// space), the subparagraph labels and small numbers in words are unsettled.
pub const RUSSIAN: Rules = Rules {
    tag: "ru",
    decimal: ',',
    group: Some(NBSP),
    per_cent: PerCent::Forms {
        one: "процент",
        few: "процента",
        many: "процентов",
        fraction: "процента",
    },
    months: RUSSIAN_MONTHS,
    date: DateStyle::Russian,
    subparagraphs: [
        Label::Bracket(Counter::Letter),
        Label::Bracket(Counter::Roman),
    ],
    words_up_to: 0,
    unsettled: &["group", "subparagraphs", "words_up_to"],
};

/// Every language with rules, the original first.
pub const ALL: [Rules; 4] = [ENGLISH, FRENCH, SPANISH, RUSSIAN];

impl Rules {
    /// The rules of a BCP 47 tag ("fr", "es-419"); `None` for a language without them.
    pub fn of(tag: &str) -> Option<&'static Rules> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        ALL.iter().find(|r| r.tag.eq_ignore_ascii_case(primary))
    }

    /// A number with `decimals` decimals, the language's decimal mark and groups, the minus sign
    /// "−"; ".." when it is not finite.
    pub fn number(&self, x: f64, decimals: usize) -> String {
        let Some((negative, int, frac)) = super::digits(x, decimals) else {
            return NA.to_string();
        };
        let mut out = String::new();
        if negative {
            out.push(super::MINUS);
        }
        for (i, ch) in int.chars().enumerate() {
            if let Some(g) = self.group
                && i > 0
                && (int.len() - i).is_multiple_of(3)
            {
                out.push(g);
            }
            out.push(ch);
        }
        if let Some(f) = frac {
            out.push(self.decimal);
            out.push_str(&f);
        }
        out
    }

    /// A percentage of `p` (already in per cent) with `decimals` decimals: "12 per cent",
    /// "0,75 %", "1%", "12,5 процента".
    pub fn per_cent(&self, p: f64, decimals: usize) -> String {
        let n = self.number(p, decimals);
        match self.per_cent {
            PerCent::Words(w) => format!("{n} {w}"),
            PerCent::SpacedSign => format!("{n}{NBSP}%"),
            PerCent::Sign => format!("{n}%"),
            PerCent::Forms {
                one,
                few,
                many,
                fraction,
            } => {
                let word = if n.contains(self.decimal) {
                    fraction
                } else {
                    let whole = p.abs().round() as u64;
                    match (whole % 10, whole % 100) {
                        (1, h) if h != 11 => one,
                        (2..=4, h) if !(12..=14).contains(&h) => few,
                        _ => many,
                    }
                };
                format!("{n} {word}")
            }
        }
    }

    /// A date as the language writes it: "16 May 2024", "1er juillet 1999", "8 de junio de
    /// 1999", "8 июня 1999 года"; `None` for a day or month out of range.
    pub fn date(&self, year: i32, month: u32, day: u32) -> Option<String> {
        let name = self
            .months
            .get(usize::try_from(month).ok()?.checked_sub(1)?)?;
        if !(1..=31).contains(&day) {
            return None;
        }
        Some(match self.date {
            DateStyle::DayMonthYear => format!("{day} {name} {year}"),
            DateStyle::French if day == 1 => format!("1er {name} {year}"),
            DateStyle::French => format!("{day} {name} {year}"),
            DateStyle::Spanish => format!("{day} de {name} de {year}"),
            DateStyle::Russian => format!("{day} {name} {year} года"),
        })
    }

    /// The label of the `n`-th subparagraph (from 1) at `level` 0 or 1: "(b)", "iii)".
    pub fn subparagraph(&self, level: usize, n: u32) -> String {
        let label = self.subparagraphs[level.min(1)];
        let (Label::Brackets(counter) | Label::Bracket(counter)) = label;
        let mark = match counter {
            Counter::Letter => letters(n),
            Counter::Roman => super::roman(n).to_lowercase(),
        };
        match label {
            Label::Brackets(_) => format!("({mark})"),
            Label::Bracket(_) => format!("{mark})"),
        }
    }
}

/// a, b, …, z, aa, bb, … (the Editorial Manual's run past z doubles the letter).
fn letters(n: u32) -> String {
    let n = n.max(1) - 1;
    let letter = char::from(b'a' + (n % 26) as u8);
    std::iter::repeat_n(letter, (n / 26 + 1) as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // The examples are those LANGUAGES.md quotes from UN documents.
    #[test]
    fn numbers_as_un_documents_write_them() {
        assert_eq!(FRENCH.number(175.3, 1), "175,3");
        assert_eq!(FRENCH.number(15_897_900.0, 0), "15\u{a0}897\u{a0}900");
        assert_eq!(SPANISH.number(116.3, 1), "116,3");
        assert_eq!(SPANISH.number(1_998_234_600.0, 0), "1.998.234.600");
        assert_eq!(RUSSIAN.number(12.5, 1), "12,5");
        assert_eq!(ENGLISH.number(-1_234_567.25, 1), "−1,234,567.2");
        assert_eq!(
            ENGLISH.number(-1_234_567.25, 1),
            super::super::number(-1_234_567.25, 1)
        );
        assert_eq!(FRENCH.number(f64::NAN, 1), "..");
    }

    #[test]
    fn per_cents_as_un_documents_write_them() {
        assert_eq!(FRENCH.per_cent(0.75, 2), "0,75\u{a0}%");
        assert_eq!(SPANISH.per_cent(1.0, 0), "1%");
        assert_eq!(RUSSIAN.per_cent(12.5, 1), "12,5 процента");
        assert_eq!(RUSSIAN.per_cent(24.0, 0), "24 процента");
        assert_eq!(RUSSIAN.per_cent(21.0, 0), "21 процент");
        assert_eq!(RUSSIAN.per_cent(11.0, 0), "11 процентов");
        assert_eq!(RUSSIAN.per_cent(15.0, 0), "15 процентов");
        assert_eq!(ENGLISH.per_cent(12.0, 0), "12 per cent");
    }

    #[test]
    fn dates_as_un_documents_write_them() {
        assert_eq!(FRENCH.date(1999, 6, 8).unwrap(), "8 juin 1999");
        assert_eq!(FRENCH.date(1999, 7, 1).unwrap(), "1er juillet 1999");
        assert_eq!(SPANISH.date(1999, 6, 8).unwrap(), "8 de junio de 1999");
        assert_eq!(SPANISH.date(2008, 5, 1).unwrap(), "1 de mayo de 2008");
        assert_eq!(RUSSIAN.date(1999, 6, 8).unwrap(), "8 июня 1999 года");
        assert_eq!(ENGLISH.date(2024, 5, 16).unwrap(), "16 May 2024");
        assert_eq!(FRENCH.date(1999, 13, 1), None);
        assert_eq!(FRENCH.date(1999, 0, 1), None);
    }

    #[test]
    fn subparagraphs_as_the_editorial_manual_labels_them() {
        assert_eq!(ENGLISH.subparagraph(0, 1), "(a)");
        assert_eq!(ENGLISH.subparagraph(1, 3), "(iii)");
        assert_eq!(FRENCH.subparagraph(0, 3), "c)");
        assert_eq!(SPANISH.subparagraph(0, 1), "a)");
        assert_eq!(SPANISH.subparagraph(1, 2), "ii)");
        assert_eq!(ENGLISH.subparagraph(0, 27), "(aa)");
    }

    #[test]
    fn a_tag_finds_its_rules() {
        assert_eq!(Rules::of("fr").unwrap().tag, "fr");
        assert_eq!(Rules::of("es-419").unwrap().tag, "es");
        assert_eq!(Rules::of("RU").unwrap().tag, "ru");
        assert!(Rules::of("de").is_none());
        // What the sources leave open is said, field by field.
        for r in ALL {
            for f in r.unsettled {
                assert!(["group", "subparagraphs", "words_up_to"].contains(f), "{f}");
            }
        }
    }
}
