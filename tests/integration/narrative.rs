//! The narrative in UN number style, whatever the numbers: every count slot of every sentence
//! rendered with 0, 1, 9, 10, 11 and 38 (DOCUMENT_SPEC, "Numbers in running text"): numbers under
//! ten in words except with per cent, rates and units; no sentence begins with a figure.

use kidnap_trends::query::Value;
use kidnap_trends::report::NarrativeValues;

use super::support::{mini, results};

/// The fixture's narrative values (the first row of each narrative query).
fn base() -> (kidnap_trends::config::Pipeline, NarrativeValues) {
    let p = kidnap_trends::config::load(&mini().join("pipeline.yaml")).unwrap();
    let spec = spec(&p);
    let n = spec
        .narrative
        .iter()
        .map(|q| {
            let row = results()[q]
                .records()
                .into_iter()
                .next()
                .unwrap_or_default();
            (q.clone(), row)
        })
        .collect();
    (p, n)
}

/// Month names, written out here rather than taken from the code under test: a day of the
/// month stays a figure ("2 June 2025").
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

/// What is wrong with `paragraph` in UN number style, if anything: each problem with the
/// single-digit figure it is about, if it is about one.
fn style_problems(paragraph: &str) -> Vec<(Option<i64>, String)> {
    let mut problems = Vec::new();
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let bare = w.trim_matches(|c: char| "(),.;:".contains(c));
        let next = words.get(i + 1).copied().unwrap_or("");
        let digit = bare.len() == 1 && bare.chars().all(|c| c.is_ascii_digit());
        let previous = if i > 0 { words[i - 1] } else { "" };
        // With units, percentages and rates a number stays a figure, as does a reference
        // ("figure 2", "annex table 7").
        let reference = ["figure", "figures", "table", "tables", "para."].contains(&previous);
        // A day of the month is a figure ("1 January 2025").
        let date = MONTHS.contains(&next.trim_matches(|c: char| "(),.;:".contains(c)));
        if digit && next != "per" && !reference && !date {
            problems.push((
                bare.parse().ok(),
                format!("a figure under ten in the text: {w:?} (then {next:?})"),
            ));
        }
        let starts_sentence = i == 0 || words[i - 1].ends_with('.');
        if starts_sentence && w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            problems.push((None, format!("a sentence begins with a figure: {w:?}")));
        }
    }
    if paragraph.contains(" % ") {
        problems.push((None, "a % sign in running text".into()));
    }
    problems
}

/// Counts that one sentence gives as a series (from ten up in one of them, all are figures),
/// and words of the paragraph that holds it.
const SERIES: [(&[&str], &str); 5] = [
    (&["N4.up", "N4.down", "N4.stable"], "the rate rose in"),
    (&["R1.added", "R1.removed"], "Since the previous release"),
    (
        &[
            "R1.counts_revised",
            "R1.counts_large",
            "R1.rates_revised",
            "R1.rates_large",
        ],
        "Since the previous release",
    ),
    (
        &["N8.quarantined", "N8.rate_mismatch", "N8.implausible_jump"],
        "Quality rules",
    ),
    (&["N8.orphans", "N8.doubles"], "Quality rules"),
];

/// The counts of the series in `para` that the rule of the largest writes as figures (a
/// series with a count of ten or more): only these may stand as single-digit figures.
fn series_figures(n: &NarrativeValues, para: &str) -> Vec<i64> {
    let value = |slot: &str| {
        let (q, f) = slot.split_once('.').unwrap();
        n.get(q)
            .and_then(|row| row.get(f))
            .and_then(Value::as_f64)
            .map(|v| v as i64)
    };
    SERIES
        .iter()
        .filter(|(_, marker)| para.contains(marker))
        .map(|(slots, _)| slots.iter().filter_map(|s| value(s)).collect::<Vec<_>>())
        .filter(|counts| counts.iter().any(|&v| v >= 10))
        .flatten()
        .collect()
}

/// The narrative rendered with the values `n`, one paragraph a line.
fn spec(p: &kidnap_trends::config::Pipeline) -> kidnap_trends::report::spec::ReportSpec {
    kidnap_trends::pipeline::load_report_spec(p).unwrap()
}

fn render(p: &kidnap_trends::config::Pipeline, n: &NarrativeValues) -> String {
    kidnap_trends::report::narrative_paragraphs(p, &spec(p), n)
        .unwrap_or_else(|e| panic!("{}", e.rendered()))
        .join("\n")
}

#[test]
fn every_count_slot_with_0_1_9_10_and_38() {
    let (p, base) = base();
    let spec = spec(&p);
    let mut slots = 0;
    let mut failures = Vec::new();
    for (query, row) in &base {
        for (field, value) in row {
            let integral = match value {
                Value::Int(_) => true,
                Value::Float(f) => f.fract() == 0.0,
                _ => false,
            };
            if !integral {
                continue;
            }
            slots += 1;
            for v in [0i64, 1, 9, 10, 11, 38] {
                let mut n = base.clone();
                n.get_mut(query)
                    .unwrap()
                    .insert(field.clone(), Value::Int(v));
                let paragraphs = kidnap_trends::report::narrative_paragraphs(&p, &spec, &n)
                    .unwrap_or_else(|e| panic!("{query}.{field} = {v}: {}", e.rendered()));
                let slot = format!("{query}.{field}");
                for para in &paragraphs {
                    let allowed = series_figures(&n, para);
                    for (digit, problem) in style_problems(para) {
                        if digit.is_some_and(|d| allowed.contains(&d)) {
                            // The rule of the largest: its series mates are figures too.
                            continue;
                        }
                        failures.push(format!("{slot} = {v}: {problem}\n  in: {para}"));
                    }
                }
            }
        }
    }
    assert!(slots >= 30, "only {slots} numeric slots found");
    failures.dedup();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_examples_of_the_document_spec() {
    let (p, mut n) = base();
    let set = |n: &mut NarrativeValues, q: &str, f: &str, v: i64| {
        n.get_mut(q).unwrap().insert(f.into(), Value::Int(v));
    };
    set(&mut n, "N7", "confirmed", 9);
    set(&mut n, "N6", "units", 1);
    set(&mut n, "N1", "panel_n", 38);
    set(&mut n, "N4", "up", 29);
    set(&mut n, "N4", "down", 32);
    set(&mut n, "N4", "stable", 11);
    set(&mut n, "N4", "compared", 72);
    let text = render(&p, &n);
    for expect in [
        "Nine series show a likely definitional or recording break",
        "one country or area (",
        "Thirty-eight of them reported in every year",
        "the rate rose in 29, fell in 32 and stayed within ±10 per cent in 11 of the 72",
    ] {
        assert!(text.contains(expect), "{expect:?} missing:\n{text}");
    }
    set(&mut n, "N4", "up", 1);
    set(&mut n, "N4", "down", 7);
    set(&mut n, "N4", "stable", 3);
    let text = render(&p, &n);
    assert!(
        text.contains(
            "rose in one, fell in seven and stayed within ±10 per cent in three of the 72"
        ),
        "{text}"
    );
    // The sources paragraph speaks of the data, not of the tool.
    assert!(!text.contains("warehouse"), "{text}");
}

/// A count as the editor writes it, by hand: before its noun (`alone` false) or standing for
/// it; zero always in words.
fn written(k: i64, alone: bool) -> &'static str {
    match (k, alone) {
        (0, false) => "no",
        (0, true) => "none",
        (1, _) => "one",
        (9, _) => "nine",
        (10, _) => "10",
        (11, _) => "11",
        _ => unreachable!("{k}"),
    }
}

fn capitalised(k: i64) -> &'static str {
    match k {
        0 => "No",
        1 => "One",
        9 => "Nine",
        10 => "Ten",
        11 => "Eleven",
        _ => unreachable!("{k}"),
    }
}

fn units(k: i64) -> &'static str {
    if k == 1 {
        "country or area"
    } else {
        "countries and areas"
    }
}

fn plural(k: i64, one: &'static str, many: &'static str) -> &'static str {
    if k == 1 { one } else { many }
}

/// N1–N8 and R1 with their counts set to 0, 1, 9, 10 and 11, against sentences written here by
/// hand: words under ten, zero as "no" or "none", never a zero as a figure, dates written out.
#[test]
fn each_narrative_item_with_counts_0_1_9_10_and_11() {
    let (p, base) = base();
    for k in [0i64, 1, 9, 10, 11] {
        let mut n = base.clone();
        let mut set = |q: &str, f: &str, v: Value| {
            n.entry(q.into()).or_default().insert(f.into(), v);
        };
        for f in ["reporting", "panel_n"] {
            set("N1", f, Value::Int(k));
        }
        set("N3", "panel_n", Value::Int(k));
        for f in ["units", "kidnappings"] {
            set("N2", f, Value::Int(k));
        }
        for f in ["units", "total"] {
            set("N6", f, Value::Int(k));
        }
        for f in ["up", "down", "stable", "with_break"] {
            set("N4", f, Value::Int(k));
        }
        set("N4", "compared", Value::Int(30));
        for f in ["confirmed", "possible"] {
            set("N7", f, Value::Int(k));
        }
        set("R1", "previous_rows", Value::Int(500));
        set("R1", "previous_release", Value::Text("2024-05-16".into()));
        for f in [
            "added",
            "removed",
            "counts_revised",
            "counts_large",
            "rates_revised",
            "rates_large",
        ] {
            set("R1", f, Value::Int(k));
        }
        set("N8", "releases", Value::Int(k + 1));
        set("N8", "first_release", Value::Text("2022-06".into()));
        for f in [
            "other_sources",
            "quarantined",
            "rate_mismatch",
            "implausible_jump",
            "orphans",
            "doubles",
        ] {
            set("N8", f, Value::Int(k));
        }
        let text = render(&p, &n);
        let (w, a, c) = (written(k, false), written(k, true), capitalised(k));
        let mut expect: Vec<String> = vec![
            format!("{w} {} reported police-recorded kidnappings", units(k)),
            format!(
                "rose in {a}, fell in {a} and stayed within ±10 per cent in {a} of the 30 countries"
            ),
            format!(
                "Since the previous release (16 May 2024), {w} {} added and {a} removed; {w} {} revised ({a} by more than",
                plural(k, "country-year was", "country-years were"),
                plural(k, "count was", "counts were"),
            ),
            format!(
                "set aside {w} source {} and flagged {w} published {}",
                plural(k, "row", "rows"),
                plural(k, "rate", "rates"),
            ),
        ];
        if k == 0 {
            expect.extend(
                [
                    "None reported in every year of the period",
                    "No country or area reported in every year from",
                    "No country or area has kidnapping data for",
                    "No series shows a definitional or recording break",
                    "No sub-national unit reports on its own or alongside its country.",
                ]
                .map(String::from),
            );
            for absent in [
                "Kidnappings are concentrated",
                "with a series break",
                "further jump",
                "Besides the current release",
            ] {
                assert!(!text.contains(absent), "k = 0: {absent:?} in:\n{text}");
            }
        } else {
            expect.extend([
                format!("{c} of them reported in every year"),
                format!("In the {w} panel {}", units(k)),
                format!(
                    "{w} {} recorded a total of {w} {}",
                    units(k),
                    plural(k, "kidnapping", "kidnappings")
                ),
                format!(
                    "of the {w} {} recorded",
                    plural(k, "kidnapping", "kidnappings")
                ),
                format!("({w} of them with a series break"),
                format!(
                    "{c} {} a likely definitional or recording break",
                    plural(k, "series shows", "series show")
                ),
                format!("{c} further {}", plural(k, "jump awaits", "jumps await")),
                format!(
                    "include {w} earlier {} of the UN-CTS data (the earliest of June 2022)",
                    plural(k, "release", "releases")
                ),
                format!(
                    "report on their own in {w} {} ",
                    plural(k, "country-year", "country-years")
                ),
                format!("alongside their country in {a} (left out"),
            ]);
        }
        for e in &expect {
            assert!(
                text.contains(e.as_str()),
                "k = {k}: {e:?} missing in:\n{text}"
            );
        }
        // Zero is never a figure in running text, nor is a date ISO.
        for word in text.split_whitespace() {
            let bare = word.trim_matches(|c: char| "(),.;:".contains(c));
            assert_ne!(bare, "0", "k = {k}: a zero as a figure in:\n{text}");
            let iso = bare.len() >= 7
                && bare.as_bytes()[4] == b'-'
                && bare[..4].bytes().all(|b| b.is_ascii_digit());
            assert!(!iso, "k = {k}: an ISO date {bare:?} in:\n{text}");
        }
    }
}
