//! The narrative in UN number style, whatever the numbers: every count slot of every sentence
//! rendered with 0, 1, 9, 10 and 38 (DOCUMENT_SPEC, "Numbers in running text"): numbers under
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
            for v in [0i64, 1, 9, 10, 38] {
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
