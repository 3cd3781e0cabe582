//! `explain` on the fixture's published output: the number as printed, its cells (worked out
//! by hand from tests/fixtures/mini/cts.csv and population.csv) and the recomputation; "why
//! not" for rankings, selections and the panel; errors for unknown addresses.

use std::path::Path;
use std::sync::OnceLock;

use crate::support::{bin, run_in, sandbox, text};

/// The fixture run once, published in a sandbox that lives as long as the test binary.
fn published() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let tmp = sandbox();
        let out = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        tmp
    })
    .path()
}

fn explain(args: &[&str]) -> (i32, String, String) {
    let out = bin()
        .arg("explain")
        .arg("pipeline.yaml")
        .args(args)
        .current_dir(published())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

#[track_caller]
fn ok(args: &[&str]) -> String {
    let (code, out, err) = explain(args);
    assert_eq!(code, 0, "{args:?}: {out}\n{err}");
    out
}

#[test]
fn a_total_lists_its_cells_and_is_recomputed() {
    let out = ok(&["N2/kidnappings"]);
    // 40 + 60 + 0 + 5 + 95 + 20 (lines 10, 18, 24, 32, 40, 48).
    assert!(out.starts_with("N2/kidnappings = 220\n"), "{out}");
    assert!(out.contains("queries/ccpcj/N2.sql"), "{out}");
    assert!(out.contains("$last_year = 2021"), "{out}");
    for line in [10, 18, 24, 32, 40, 48] {
        assert!(
            out.contains(&format!("cts.csv row {line}, L (VALUE)")),
            "{line}: {out}"
        );
    }
    // Line 52 repeats AAA 2021 (999) and was quarantined: not a cell of the total.
    assert!(!out.contains("row 52"), "{out}");
    assert!(out.contains("Σ of 6 counts in 2021"), "{out}");
    assert!(out.contains("= 220: equal to the published value"), "{out}");
}

#[test]
fn an_aggregate_rate_uses_the_implied_population_where_there_is_no_other() {
    // 220 ÷ (1 + 2 + 0.5 + 0.05 + 1 + 5 million) × 100,000 = 2.30…; Scotland's 5 million is
    // 20 ÷ 0.4 × 100,000 (lines 48 and 49).
    let out = ok(&["N2/combined_rate"]);
    assert!(out.starts_with("N2/combined_rate = 2.3\n"), "{out}");
    assert!(out.contains("220 ÷ 9550000 × 100,000"), "{out}");
    assert!(
        out.contains("row 49, L (VALUE) \"0.4\" (GBR_S 2021 rate_per_100k)"),
        "{out}"
    );
}

#[test]
fn a_table_cell_is_printed_as_the_table_prints_it() {
    // T3 ranks FFF 10, EEE 9.5, AAA 4 (the top 3); AAA's 2021 rate is line 11's "4".
    let out = ok(&["T3/AAA/rate"]);
    assert!(out.starts_with("T3/AAA/rate = 4.0\n"), "{out}");
    assert!(out.contains("row 11, L (VALUE) \"4\""), "{out}");
    assert!(
        out.contains("the rate_per_100k cell of AAA in 2021: 4"),
        "{out}"
    );
    // The rules come from the SQL's own comments, the tables it reads named.
    assert!(out.contains("reads the tables: "), "{out}");
    assert!(out.contains("rate_ranking"), "{out}");
}

#[test]
fn period_means_and_their_change() {
    // AAA: (1.2 + 1.8) / 2 = 1.5 in 2018–2019, (3 + 4) / 2 = 3.5 in 2020–2021: +133.3 %.
    let out = ok(&["T3/AAA/p1_mean"]);
    assert!(out.starts_with("T3/AAA/p1_mean = 1.5\n"), "{out}");
    let out = ok(&["T3/AAA/change"]);
    assert!(
        out.contains("P2 mean ÷ P1 mean − 1 = 3.5 ÷ 1.5 − 1"),
        "{out}"
    );
    let out = ok(&["T5/increase/2/change"]);
    assert!(out.starts_with("T5/Increase/2/change = "), "{out}");
    assert!(out.contains("3.5 ÷ 1.5 − 1"), "{out}");
}

#[test]
fn year_on_year_and_moving_average() {
    // AAA 2019: 1.8 ÷ 1.2 − 1 = 50 per cent (the 2018 count, 12, is not a small count).
    let out = ok(&["T6/AAA/2019/yoy"]);
    assert!(
        out.contains("rate 2019 ÷ rate 2018 − 1 = 1.8 ÷ 1.2 − 1"),
        "{out}"
    );
    assert!(out.contains("equal to the published value"), "{out}");
}

#[test]
fn a_count_of_units() {
    // Europe in 2018: AAA, BBB and Scotland.
    let out = ok(&["F1/Europe/2018/countries"]);
    assert!(out.starts_with("F1/Europe/2018/countries = 3\n"), "{out}");
    assert!(out.contains("3 distinct units"), "{out}");
}

#[test]
fn why_a_unit_is_not_ranked() {
    // BBB's 3.0 is fourth after FFF 10, EEE 9.5 and AAA 4.
    let out = ok(&["T3", "BBB"]);
    assert!(
        out.contains("BBB (Betaland) is not in T3: rule \"top 3\": rank 4 of 6"),
        "{out}"
    );
    assert!(
        out.contains("the last listed, rank 3, is AAA (Alphaland) with 4.0"),
        "{out}"
    );
    // Deltaland has 50,000 inhabitants.
    let out = ok(&["T3", "DDD"]);
    assert!(
        out.contains("rule \"population floor\": population 50,000"),
        "{out}"
    );
    let out = ok(&["T3", "EEE"]);
    assert!(
        out.contains("EEE (Epsilonland) is in T3: rank 2 of 6"),
        "{out}"
    );
    // Gammaland has one year in 2018–2019; Scotland's mean did not move.
    let out = ok(&["T5", "CCC"]);
    assert!(
        out.contains("rule \"period means need two years\""),
        "{out}"
    );
    let out = ok(&["T5", "GBR_S"]);
    assert!(out.contains("did not change"), "{out}");
    // Epsilonland's 2020 break keeps it out of the panel; Gammaland lacks 2019.
    let out = ok(&["F2", "EEE"]);
    assert!(
        out.contains("rule \"series break\": a confirmed break in 2020"),
        "{out}"
    );
    let out = ok(&["F2", "CCC"]);
    assert!(out.contains("2019: no data"), "{out}");
}

#[test]
fn an_item_lists_its_addresses() {
    let out = ok(&["T3"]);
    assert!(out.contains("  T3/FFF\n  T3/EEE\n  T3/AAA\n"), "{out}");
}

#[test]
fn unknown_addresses_are_usage_errors() {
    let (code, _, err) = explain(&["T99/AAA"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no item `T99`"), "{err}");
    let (code, _, err) = explain(&["T3/ZZZ/rate"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("T3 has no row ZZZ"), "{err}");
    let (code, _, err) = explain(&["T3/AAA/nonsense"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no column `nonsense`"), "{err}");
}

#[test]
fn explain_needs_a_published_output() {
    let tmp = sandbox();
    let out = run_in(tmp.path(), &["explain", "pipeline.yaml", "N2/kidnappings"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("no published output"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn every_number_of_the_default_report_that_explain_recomputes_agrees() {
    // Every printed number of the tables, figures and narrative, over the shipped data: each
    // one is recomputed by explain from its cells and gives the same value and the same
    // string; a kind of number with no recomputation fails the test.
    let out = crate::support::default_output();
    let p = kidnap_trends::config::load(
        &crate::support::root().join("pipelines/ccpcj-kidnapping.yaml"),
    )
    .unwrap();
    let session = kidnap_trends::explain::Published::open(&p, Some(out)).unwrap();
    let addresses = session.printed_addresses().unwrap();
    assert!(addresses.len() > 3000, "{}", addresses.len());
    let (mut agreed, mut missing) = (0, std::collections::BTreeSet::new());
    let mut wrong = Vec::new();
    for a in &addresses {
        match session
            .explain(std::slice::from_ref(a))
            .and_then(|e| e.failure.map_or(Ok(()), Err))
        {
            Ok(()) => agreed += 1,
            Err(e) => {
                let m = e.to_string();
                if m.contains("no independent recomputation") {
                    // The kind: item and column.
                    let parts: Vec<&str> = a.split('/').collect();
                    missing.insert(format!("{}/{}", parts[0], parts[parts.len() - 1]));
                } else {
                    wrong.push(m);
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {}: {:#?}",
        wrong.len(),
        addresses.len(),
        &wrong[..wrong.len().min(20)]
    );
    eprintln!(
        "{agreed} of {} printed numbers recomputed and agreeing; not yet recomputed: {missing:?}",
        addresses.len()
    );
    // Every number the report prints is recomputed.
    assert!(
        missing.is_empty() && agreed == addresses.len(),
        "{agreed} of {}; not recomputed: {missing:?}",
        addresses.len()
    );
}

#[test]
fn every_number_of_the_summary_and_the_chapters_carries_an_address_that_explains_it() {
    // In the HTML, a number the text prints from the data is a span with its address; explain
    // gives the same number for it (in figures; the text may spell it out in words).
    let out = crate::support::default_output();
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let summary = html
        .split("<h2")
        .find(|s| s.contains(">Summary<"))
        .expect("a Summary section");
    assert!(
        summary.contains("<span data-cell=\"N2/kidnappings\">58,307</span>"),
        "{summary}"
    );
    let mut spans = std::collections::BTreeSet::new();
    for piece in html.split("<span data-cell=\"").skip(1) {
        let (address, rest) = piece.split_once("\">").unwrap();
        let (shown, _) = rest.split_once("</span>").unwrap();
        spans.insert((address.to_string(), shown.to_string()));
    }
    assert!(spans.len() >= 20, "{spans:?}");
    let p = kidnap_trends::config::load(
        &crate::support::root().join("pipelines/ccpcj-kidnapping.yaml"),
    )
    .unwrap();
    let session = kidnap_trends::explain::Published::open(&p, Some(out)).unwrap();
    for (address, shown) in &spans {
        let e = session.explain(std::slice::from_ref(address)).unwrap();
        let first = e.text.lines().next().unwrap_or_default();
        let printed = first
            .split_once(" = ")
            .map(|(_, v)| v.to_string())
            .unwrap_or_default();
        let as_words = printed.replace(',', "").parse::<i64>().ok().map(|n| {
            use kidnap_trends::format::{Count, Language, Role};
            let (en, c) = (Language::English, Count::single(Some(n)));
            [Role::BeforeNoun, Role::Alone]
                .into_iter()
                .flat_map(|r| [en.count(c, r), en.sentence_start(c, r)])
                .collect::<Vec<_>>()
        });
        assert!(
            &printed == shown || as_words.is_some_and(|w| w.contains(shown)),
            "{address}: the text prints {shown:?}, explain {printed:?}"
        );
    }
}
