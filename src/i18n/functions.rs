//! The catalogue's functions: how a message prints its numbers, by the rules of its language
//! (`format::style`, `format::prose`). Fluent's own number formatting is not used: it ignores
//! the language (and CLDR's defaults differ from UN practice anyway).
//!
//! | function | prints | English |
//! |---|---|---|
//! | `NUM($n)` | a count in running text | "nine", "38", "4,595"; zero "no" |
//! | `NUM($n, role: "alone")` | a count standing for its noun | zero "none" |
//! | `NUM($n, position: "start")` | a count beginning a sentence | "Nine", "No" |
//! | `NUM($a, $b, $c)` | `$a` in the style of its series | figures if any is ten or more |
//! | `FIGURE($n)` | a whole number in figures | "100,000" |
//! | `RATE($x)` | a rate, one decimal | "2.3" |
//! | `PERCENT($x)` | a share (0.125) as a percentage | "12.5 per cent", "12 per cent" |
//! | `PERCENT($x, decimals: 0)` | with fixed decimals | "13 per cent" |
//! | `PERCENT($x, exact: 1)` | as written in the pipeline | "5 per cent" |
//! | `PLAIN($x)` | a setting as written | "5", "2.5", "0.13" |
//! | `DECIMALS($x, places: 2)` | fixed decimals; nothing when missing | "4,698", "2.50" |
//! | `FOLD($x)` | a factor | "fivefold", "2.5-fold" |
//! | `DATE($d)` | an ISO date or month | "16 May 2024", "June 2022" |
//! | `NUMBER($n)` | (selector) the number, for `[one]`, `[0]` … | |
//!
//! A bare `{ $n }` prints a number's digits unseparated (a year). A missing value prints "..".

use std::borrow::Cow;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions, FluentType};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::format::style::Rules;
use crate::format::{Count, Language, NA, Role};

/// Where a value of the document's text comes from, and how the text marks it (the narrative's
/// numbers carry their `explain` address into the HTML).
#[derive(Debug, Clone)]
pub struct Cell {
    pub address: String,
    /// Wraps the printed text with the address.
    pub mark: fn(&str, &str) -> String,
}

impl PartialEq for Cell {
    fn eq(&self, other: &Cell) -> bool {
        self.address == other.address
    }
}

/// A number argument: its value (`None`: not available) and, for a number of the data, its
/// cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub value: Option<f64>,
    pub cell: Option<Cell>,
}

impl Arg {
    pub fn new(value: Option<f64>) -> Arg {
        Arg { value, cell: None }
    }

    /// The argument as a catalogue value.
    pub fn into_value<'a>(self) -> FluentValue<'a> {
        FluentValue::Custom(Box::new(self))
    }

    fn marked(&self, text: String) -> String {
        match &self.cell {
            Some(c) if !text.is_empty() => (c.mark)(&c.address, &text),
            _ => text,
        }
    }

    fn bare(&self) -> String {
        let text = match self.value {
            Some(v) if v.is_finite() && v.fract() == 0.0 => format!("{}", v as i64),
            Some(v) if v.is_finite() => format!("{v}"),
            _ => NA.to_string(),
        };
        self.marked(text)
    }
}

impl FluentType for Arg {
    fn duplicate(&self) -> Box<dyn FluentType + Send> {
        Box::new(self.clone())
    }
    fn as_string(&self, _: &intl_memoizer::IntlLangMemoizer) -> Cow<'static, str> {
        self.bare().into()
    }
    fn as_string_threadsafe(
        &self,
        _: &intl_memoizer::concurrent::IntlLangMemoizer,
    ) -> Cow<'static, str> {
        self.bare().into()
    }
}

/// Private-use code points around a function's complaint in its output (read by [`problem`]).
const PROBLEM_OPEN: char = '\u{E0F0}';
const PROBLEM_CLOSE: char = '\u{E0F1}';

/// A function's complaint in a formatted message, if any.
pub(super) fn problem(text: &str) -> Option<&str> {
    let start = text.find(PROBLEM_OPEN)? + PROBLEM_OPEN.len_utf8();
    let end = text[start..].find(PROBLEM_CLOSE)? + start;
    Some(&text[start..end])
}

fn complain<'a>(what: String) -> FluentValue<'a> {
    FluentValue::String(format!("{PROBLEM_OPEN}{what}{PROBLEM_CLOSE}").into())
}

/// A positional argument as a number argument: a catalogue value of ours, or a number literal.
fn arg(v: Option<&FluentValue>) -> Option<Arg> {
    match v? {
        FluentValue::Custom(c) => c.as_any().downcast_ref::<Arg>().cloned(),
        FluentValue::Number(n) => Some(Arg::new(Some(n.value))),
        FluentValue::None => Some(Arg::new(None)),
        _ => None,
    }
}

fn named_str<'a>(named: &'a FluentArgs, name: &'a str) -> Option<&'a str> {
    match named.get(name)? {
        FluentValue::String(s) => Some(s.as_ref()),
        _ => None,
    }
}

fn named_num(named: &FluentArgs, name: &str) -> Option<f64> {
    match named.get(name)? {
        FluentValue::Number(n) => Some(n.value),
        _ => None,
    }
}

/// The functions whose text carries a data value's address (settings, factors and dates do not).
const MARKED: [&str; 4] = ["NUM", "FIGURE", "RATE", "PERCENT"];

/// Registers every function on `bundle`, printing by `rules`.
pub(super) fn register(bundle: &mut FluentBundle<FluentResource>, rules: &'static Rules) {
    let lang = Language::from_tag(rules.tag);
    type F =
        fn(&Rules, Option<Language>, &Arg, &[FluentValue], &FluentArgs) -> Result<String, String>;
    let table: [(&str, F); 10] = [
        ("NUM", num),
        ("FIGURE", |r, _, a, _, _| Ok(whole(r, a.value))),
        ("RATE", |r, _, a, _, _| Ok(fixed(r, a.value, 1))),
        ("PERCENT", percent),
        ("PLAIN", |r, _, a, _, _| Ok(plain(r, a.value))),
        ("DECIMALS", |r, _, a, _, named| {
            let places = named_num(named, "places").unwrap_or(0.0).clamp(0.0, 6.0) as usize;
            Ok(a.value
                .filter(|x| x.is_finite())
                .map(|x| r.number(x, places))
                .unwrap_or_default())
        }),
        ("FOLD", |_, l, a, _, _| match l {
            Some(Language::English) => Ok(a
                .value
                .map_or_else(|| NA.to_string(), |x| Language::English.fold(x))),
            _ => Err(
                "FOLD writes English words (\"fivefold\"): in this language print the \
                      factor with PLAIN and write the words around it"
                    .into(),
            ),
        }),
        ("NUMBER", |_, _, _, _, _| Ok(String::new())),
        ("YEAR", |_, _, a, _, _| Ok(a.bare())),
        ("DATE", |_, _, _, _, _| Ok(String::new())),
    ];
    for (name, f) in table {
        let result = match name {
            // The selector form: the number itself (plural categories, exact keys), "none" when
            // missing.
            "NUMBER" => bundle.add_function(name, |pos, _| match arg(pos.first()) {
                Some(Arg { value: Some(v), .. }) => {
                    FluentValue::Number(FluentNumber::new(v, FluentNumberOptions::default()))
                }
                Some(_) => FluentValue::String("none".into()),
                None => match pos.first() {
                    Some(FluentValue::String(s)) => FluentValue::String(s.clone()),
                    _ => complain("NUMBER takes a number".into()),
                },
            }),
            // An ISO date or month written as the language writes dates; other text as it is.
            "DATE" => bundle.add_function(name, move |pos, _| match pos.first() {
                Some(FluentValue::String(s)) => {
                    let written = date(rules, lang, s);
                    FluentValue::String(written.into())
                }
                Some(FluentValue::None) => FluentValue::String(NA.into()),
                _ => complain("DATE takes a date (text)".into()),
            }),
            _ => bundle.add_function(name, move |pos, named| {
                let Some(a) = arg(pos.first()) else {
                    return complain(format!("{name} takes a number"));
                };
                match f(rules, lang, &a, pos, named) {
                    // The counts, rates and shares of the data carry their address.
                    Ok(text) if MARKED.contains(&name) => {
                        FluentValue::String(a.marked(text).into())
                    }
                    Ok(text) => FluentValue::String(text.into()),
                    Err(e) => complain(e),
                }
            }),
        };
        // A name registered twice would be a bug of this table.
        debug_assert!(result.is_ok(), "{name} registered twice");
    }
}

fn whole(r: &Rules, x: Option<f64>) -> String {
    fixed(r, x, 0)
}

fn fixed(r: &Rules, x: Option<f64>, decimals: usize) -> String {
    x.map_or_else(|| NA.to_string(), |x| r.number(x, decimals))
}

/// A setting as written: whole, one decimal or two.
fn plain(r: &Rules, x: Option<f64>) -> String {
    match x {
        Some(x) if x.fract() == 0.0 => r.number(x, 0),
        Some(x) if (x * 10.0).fract().abs() < 1e-9 => r.number(x, 1),
        Some(x) => r.number(x, 2),
        None => NA.to_string(),
    }
}

fn percent(
    r: &Rules,
    _: Option<Language>,
    a: &Arg,
    _: &[FluentValue],
    named: &FluentArgs,
) -> Result<String, String> {
    let Some(v) = a.value.filter(|v| v.is_finite()) else {
        return Ok(NA.to_string());
    };
    let p = v * 100.0;
    if named_num(named, "exact").is_some() {
        let text = plain(r, Some(p));
        // The words after the number, as the language writes them.
        let tail = r.per_cent(1.0, 0);
        let tail = tail.strip_prefix(&r.number(1.0, 0)).unwrap_or(&tail);
        return Ok(match r.per_cent {
            crate::format::style::PerCent::Forms { .. } => r.per_cent(p, 0),
            _ => format!("{text}{tail}"),
        });
    }
    let p = p.abs();
    let decimals = match named_num(named, "decimals") {
        Some(d) => d.clamp(0.0, 6.0) as usize,
        None if p >= 9.95 => 0,
        None => 1,
    };
    Ok(r.per_cent(p, decimals))
}

/// `NUM`: a count in running text ([`Language::count`]); `$a` printed in the style of the
/// series of all its positional arguments.
fn num(
    r: &Rules,
    lang: Option<Language>,
    a: &Arg,
    pos: &[FluentValue],
    named: &FluentArgs,
) -> Result<String, String> {
    let whole_of = |a: &Arg| -> Result<Option<i64>, String> {
        match a.value {
            None => Ok(None),
            Some(x) if x.fract() == 0.0 => Ok(Some(x as i64)),
            Some(x) => Err(format!(
                "NUM prints a whole count, not {x}: use RATE, FIGURE or PLAIN"
            )),
        }
    };
    let role = match named_str(named, "role") {
        None => Role::BeforeNoun,
        Some("alone") => Role::Alone,
        Some(other) => return Err(format!("NUM role {other:?}: the only role is \"alone\"")),
    };
    let start = match named_str(named, "position") {
        None => false,
        Some("start") => true,
        Some(other) => {
            return Err(format!(
                "NUM position {other:?}: the only position is \"start\""
            ));
        }
    };
    let mut ns = vec![whole_of(a)?];
    for p in pos.iter().skip(1) {
        let other = arg(Some(p)).ok_or("NUM takes numbers")?;
        ns.push(whole_of(&other)?);
    }
    let Some(lang) = lang else {
        // A language without number words in running text: figures.
        return Ok(ns[0].map_or_else(|| NA.to_string(), |n| r.number(n as f64, 0)));
    };
    let count: Count = lang.series(&ns)[0];
    Ok(if start {
        lang.sentence_start(count, role)
    } else {
        lang.count(count, role)
    })
}

fn date(r: &Rules, lang: Option<Language>, iso: &str) -> String {
    match lang {
        Some(l) => l.date(iso),
        None => crate::format::iso_date_parts(iso)
            .and_then(|(y, m, d)| match d {
                Some(d) => r.date(y, m, d),
                None => Some(format!("{} {y}", r.months[(m - 1) as usize])),
            })
            .unwrap_or_else(|| iso.to_string()),
    }
}
