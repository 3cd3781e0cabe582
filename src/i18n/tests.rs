//! The catalogue's functions against hand-written expectations (LANGUAGES.md's examples).

use super::*;
use crate::format::style;

fn catalogue(tag: &str, ftl: &str) -> Catalogue {
    Catalogue::from_sources(
        tag,
        style::Rules::of(tag).unwrap(),
        vec![(PathBuf::from("test.ftl"), ftl.to_string())],
    )
    .unwrap()
}

fn n(x: f64) -> FluentValue<'static> {
    Arg::new(Some(x)).into_value()
}

fn fmt(c: &Catalogue, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let mut a = FluentArgs::new();
    for (k, v) in args {
        a.set(*k, v.clone());
    }
    c.format(key, Some(&a)).unwrap()
}

const UNITS: &str = "# $n: units
units = { NUM($n) } { NUMBER($n) ->
    [one] country or area
   *[other] countries and areas
}
# $n: a count starting a sentence
start = { NUM($n, position: \"start\") } of them
# $a, $b: a series
series = { NUM($a, $a, $b) } and { NUM($b, $a, $b, role: \"alone\") }
# $x: a share
share = { PERCENT($x) }, { PERCENT($x, decimals: 0) }, { PERCENT($x, exact: 1) }
# $x: a rate; $y a year
rate = { RATE($x) } in { $y }; { FIGURE($x) }; { PLAIN($x) }; [{ DECIMALS($x, places: 2) }]
    .note-1 = first
    .note-2 = second
# $d: a date
date = { DATE($d) }
";

#[test]
fn english_counts_follow_the_editorial_manual() {
    let c = catalogue("en", UNITS);
    assert_eq!(fmt(&c, "units", &[("n", n(1.0))]), "one country or area");
    assert_eq!(
        fmt(&c, "units", &[("n", n(9.0))]),
        "nine countries and areas"
    );
    assert_eq!(
        fmt(&c, "units", &[("n", n(4595.0))]),
        "4,595 countries and areas"
    );
    assert_eq!(fmt(&c, "units", &[("n", n(0.0))]), "no countries and areas");
    assert_eq!(fmt(&c, "start", &[("n", n(38.0))]), "Thirty-eight of them");
    // A series in the style of its largest: 12 makes 7 a figure; zero stays in words.
    assert_eq!(
        fmt(&c, "series", &[("a", n(7.0)), ("b", n(12.0))]),
        "7 and 12"
    );
    assert_eq!(
        fmt(&c, "series", &[("a", n(3.0)), ("b", n(0.0))]),
        "three and none"
    );
}

#[test]
fn numbers_by_each_language() {
    let args = [("x", n(0.053)), ("y", n(2023.0))];
    let en = catalogue("en", UNITS);
    assert_eq!(
        fmt(&en, "share", &args[..1]),
        "5.3 per cent, 5 per cent, 5.3 per cent"
    );
    let fr = catalogue("fr", UNITS);
    assert_eq!(
        fmt(&fr, "share", &args[..1]),
        "5,3\u{a0}%, 5\u{a0}%, 5,3\u{a0}%"
    );
    let es = catalogue("es", UNITS);
    assert_eq!(fmt(&es, "share", &args[..1]), "5,3%, 5%, 5,3%");
    let ru = catalogue("ru", UNITS);
    assert_eq!(
        fmt(&ru, "share", &[("x", n(0.24))]),
        "24 процента, 24 процента, 24 процента"
    );
    let big = [("x", n(15897900.0)), ("y", n(2023.0))];
    assert_eq!(
        fmt(&en, "rate", &big),
        "15,897,900.0 in 2023; 15,897,900; 15,897,900; [15,897,900.00]"
    );
    assert_eq!(
        fmt(&fr, "rate", &big),
        "15\u{a0}897\u{a0}900,0 in 2023; 15\u{a0}897\u{a0}900; 15\u{a0}897\u{a0}900; [15\u{a0}897\u{a0}900,00]"
    );
    assert_eq!(
        fmt(&es, "rate", &[("x", n(116.3)), ("y", n(2023.0))]),
        "116,3 in 2023; 116; 116,3; [116,30]"
    );
    // A missing value: ".." in running text, nothing in a cell.
    assert_eq!(
        fmt(
            &en,
            "rate",
            &[("x", Arg::new(None).into_value()), ("y", n(2023.0))]
        ),
        ".. in 2023; ..; ..; []"
    );
    assert_eq!(
        fmt(&fr, "date", &[("d", text("1999-07-01"))]),
        "1er juillet 1999"
    );
    assert_eq!(
        fmt(&es, "date", &[("d", text("1999-06-08"))]),
        "8 de junio de 1999"
    );
    assert_eq!(
        fmt(&ru, "date", &[("d", text("1999-06-08"))]),
        "8 июня 1999 года"
    );
    assert_eq!(fmt(&en, "date", &[("d", text("2022-06"))]), "June 2022");
    assert_eq!(en.numbered("rate", "note"), ["rate.note-1", "rate.note-2"]);
}

#[test]
fn russian_plural_forms_select_by_number() {
    let c = catalogue(
        "ru",
        "# $n: countries
units = { NUM($n) } { NUMBER($n) ->
    [one] страна
    [few] страны
   *[many] стран
}
",
    );
    for (k, want) in [
        (1.0, "1 страна"),
        (3.0, "3 страны"),
        (11.0, "11 стран"),
        (21.0, "21 страна"),
    ] {
        assert_eq!(fmt(&c, "units", &[("n", n(k))]), want);
    }
}

#[test]
fn a_marked_value_carries_its_address() {
    let c = catalogue("en", UNITS);
    let arg = Arg {
        value: Some(9.0),
        cell: Some(functions::Cell {
            address: "N1/units".into(),
            mark: |a, t| format!("<{a}|{t}>"),
        }),
    };
    assert_eq!(
        fmt(&c, "units", &[("n", arg.into_value())]),
        "<N1/units|nine> countries and areas"
    );
}

#[test]
fn problems_are_errors_naming_the_message() {
    let c = catalogue("en", UNITS);
    let e = c.format("units", None).unwrap_err().to_string();
    assert!(e.contains("units"), "{e}");
    let e = c.format("nothing", None).unwrap_err().to_string();
    assert!(e.contains("no such message"), "{e}");
    let e = c
        .format(
            "units",
            Some(&{
                let mut a = FluentArgs::new();
                a.set("n", n(2.5));
                a
            }),
        )
        .unwrap_err()
        .to_string();
    assert!(e.contains("whole count"), "{e}");
    let bad = Catalogue::from_sources(
        "en",
        &style::ENGLISH,
        vec![(PathBuf::from("x.ftl"), "a = one\nb = { \n".into())],
    )
    .unwrap_err()
    .to_string();
    assert!(
        bad.contains("x.ftl") && bad.contains("line 3, column 1"),
        "{bad}"
    );
    let lint = catalogue("en", "a = { $n ->\n   *[other] x\n}\n# ok\nb = y\n")
        .lint()
        .unwrap_err()
        .to_string();
    assert!(lint.contains("a has no comment"), "{lint}");
    let bare = catalogue("en", "# x\na = { $n ->\n   *[other] x\n}\n");
    let e = bare.format(
        "a",
        Some(&{
            let mut a = FluentArgs::new();
            a.set("n", n(1.0));
            a
        }),
    );
    assert!(e.unwrap_err().to_string().contains("NUMBER($n)"));
    assert!(!lint.contains("message b"), "{lint}");
}
