//! Every SQL file against the hand-made fixture (tests/fixtures/make_fixtures.py).
//! Expected values are worked out by hand from the fixture; the arithmetic is in the comments.
//!
//! Fixture (window 2018–2021, P1 = 2018–19, P2 = 2020–21, min_countries 2, floor 100,000):
//!
//! | unit  | region   | population          | count 2018/19/20/21 | rate 2018/19/20/21 |
//! |-------|----------|---------------------|---------------------|--------------------|
//! | AAA   | Europe   | 1,000,000           | 12 18 30 40         | 1.2 1.8 3 4        |
//! | BBB   | Europe   | 2,000,000           | 100 100 80 60       | 5 5 4 3            |
//! | GBR_S | Europe   | none → implied 5e6  | 20 20 20 20         | 0.4 (all years)    |
//! | CCC   | Asia     | 500,000             | 5 .. 5 0            | 1 .. 1 0 (gap)     |
//! | DDD   | Asia     | 50,000 (tiny)       | 5 5 5 5             | 10 (all years)     |
//! | EEE   | Asia     | 1,000,000           | 30 30 90 95         | 3 3 9 9.5 (break)  |
//! | FFF   | Americas | 3,000,000           | .. .. 300 ..        | .. .. 10 ..        |
//!
//! M49 members: Europe AAA, BBB, GBR (60,000,000; no data) → region population 63e6;
//! Asia CCC, DDD, EEE → 1.55e6; Americas FFF → 3e6; world 67.55e6 (WLD is dropped).

use std::collections::BTreeMap;
use std::path::Path;

use kidnap_trends::query::Table;

use super::support::{approx, mini, null, results, row, sql};

/// The fixture's query results, and its tables for ad-hoc SQL, after `change` has edited a copy
/// of its input files.
struct Changed {
    results: BTreeMap<String, Table>,
    engine: kidnap_trends::query::Engine,
}

impl Changed {
    fn sql(&self, query: &str) -> Table {
        let batches = self.engine.run_sql(Path::new("test"), query).expect("sql");
        kidnap_trends::query::to_table(Path::new("test"), &batches).expect("table")
    }
}

impl std::ops::Index<&str> for Changed {
    type Output = Table;
    fn index(&self, name: &str) -> &Table {
        &self.results[name]
    }
}

fn results_with(change: impl FnOnce(&Path)) -> Changed {
    let tmp = super::support::sandbox();
    change(tmp.path());
    let p = kidnap_trends::config::load(&tmp.path().join("pipeline.yaml")).unwrap();
    let w = kidnap_trends::pipeline::ingest(&p).unwrap();
    let results = kidnap_trends::query::prepare::query(&p, &w).unwrap();
    let (engine, _) = kidnap_trends::query::prepare::prepare(&p, &w).unwrap();
    Changed { results, engine }
}

/// Append `lines` to the fixture file `name` in `dir`.
fn append(dir: &Path, name: &str, lines: &str) {
    super::support::edit(&dir.join(name), |s| s + lines);
}

/// A World Bank population row for `code`, the same in every year 2016–2023 (as the fixture's).
fn population_rows(code: &str, population: u64) -> String {
    (2016..=2023)
        .map(|y| format!("{code},{code},{y},{population}\r\n"))
        .collect()
}
/// The fixture's two rows (count, rate) of one unit-year of kidnapping.
fn cts_rows(iso3: &str, name: &str, region: &str, year: i32, count: f64, rate: f64) -> String {
    [("Counts", count), ("\"Rate per 100,000 population\"", rate)]
        .iter()
        .map(|(unit, v)| {
            format!(
                "{iso3},{name},{region},{region},Violent offences,by type of offence,Kidnapping,Total,Total,{year},{unit},{v},CTS\n"
            )
        })
        .collect()
}

#[test]
fn kidnapping_table_pairs_counts_and_rates_and_keeps_zero() {
    let t = sql(
        "SELECT iso3, year, count, rate, population, population_source, in_aggregate \
                 FROM kidnapping ORDER BY iso3, year",
    );
    // 4 + 4 + 3 + 4 + 4 + 1 + 4 unit-years; the Serious assault row is not there.
    assert_eq!(t.rows.len(), 24);
    let ccc =
        sql("SELECT count, rate, population FROM kidnapping WHERE iso3 = 'CCC' AND year = 2021");
    approx(&ccc.rows[0][0], 0.0); // a real zero stays zero
    approx(&ccc.rows[0][1], 0.0);
    approx(&ccc.rows[0][2], 500_000.0);
    let gap = sql("SELECT count(*) FROM kidnapping WHERE iso3 = 'CCC' AND year = 2019");
    approx(&gap.rows[0][0], 0.0); // absent stays absent: no row is invented
    // GBR_S has no World Bank population: implied = 20 / 0.4 × 100,000 = 5,000,000.
    let s = sql(
        "SELECT population, population_source, in_aggregate FROM kidnapping \
                 WHERE iso3 = 'GBR_S' AND year = 2018",
    );
    approx(&s.rows[0][0], 5_000_000.0);
    assert_eq!(s.rows[0][1].as_text(), "implied");
    assert_eq!(s.rows[0][2].as_text(), "true"); // GBR itself does not report
}

#[test]
fn breaks_flag_the_persistent_jump_only() {
    let t = sql("SELECT iso3, year, status FROM breaks ORDER BY iso3, year");
    // EEE 2019→2020: |ln(9/3)| = 1.0986 > ln 2 = 0.6931, max(30, 90) = 90 ≥ 20, and 2021 persists:
    // |9.5/9 − 1| = 0.0556 ≤ 0.25 → confirmed. AAA's steps (×1.5, ×1.67, ×1.33) stay under ×2;
    // CCC's fall to zero is on max(5, 0) = 5 < 20 cases and not adjacent to 2018 anyway.
    assert_eq!(t.rows.len(), 1, "{t:?}");
    assert_eq!(t.rows[0][0].as_text(), "EEE");
    assert_eq!(t.rows[0][1].as_text(), "2020");
    assert_eq!(t.rows[0][2].as_text(), "confirmed");
}

#[test]
fn panel_is_constant_complete_and_break_free() {
    let t = sql("SELECT iso3 FROM panel ORDER BY iso3");
    let got: Vec<String> = t.rows.iter().map(|r| r[0].as_text()).collect();
    // CCC has a gap (2019), FFF has one year, EEE has a confirmed break in 2020.
    // DDD is tiny but the population floor does not apply to the panel.
    assert_eq!(got, ["AAA", "BBB", "DDD", "GBR_S"]);
}

#[test]
fn f1_counts_reporting_units_by_year_and_region() {
    let t = &results()["F1"];
    let get = |y: &str, r: &str| {
        t.rows
            .iter()
            .find(|row| row[0].as_text() == y && row[1].as_text() == r)
            .map(|row| row[2].as_f64().unwrap_or(-1.0))
    };
    assert_eq!(get("2018", "Europe"), Some(3.0)); // AAA, BBB, GBR_S
    assert_eq!(get("2018", "Asia"), Some(3.0)); // CCC, DDD, EEE
    assert_eq!(get("2019", "Asia"), Some(2.0)); // CCC missing
    assert_eq!(get("2020", "Americas"), Some(1.0)); // FFF
    assert_eq!(get("2021", "Americas"), None);
    assert_eq!(t.rows.len(), 4 + 4 + 1); // Europe ×4 years, Asia ×4, Americas ×1
}

#[test]
fn f2_aggregates_counts_over_population_never_rates() {
    let t = &results()["F2"];
    // Asia has one panel unit (DDD) < min_countries 2: not shown. Americas has none.
    assert!(t.rows.iter().all(|r| r[1].as_text() != "Asia"));
    let europe: Vec<f64> = t
        .rows
        .iter()
        .filter(|r| r[1].as_text() == "Europe")
        .map(|r| r[t.column("rate").unwrap()].as_f64().unwrap())
        .collect();
    // Europe panel population 1e6 + 2e6 + 5e6 = 8e6.
    // 2018: (12 + 100 + 20) / 8e6 × 1e5 = 1.65; 2019: 138 → 1.725; 2020: 130 → 1.625; 2021: 120 → 1.5.
    // (A mean of the three rates would give (1.2 + 5 + 0.4) / 3 = 2.2 in 2018.)
    let expected = [1.65, 1.725, 1.625, 1.5];
    for (g, e) in europe.iter().zip(expected) {
        assert!((g - e).abs() < 1e-9, "{europe:?}");
    }
    // All panel: + DDD (5 cases, 50,000 people): 137/8.05e6×1e5 … 125/8.05e6×1e5.
    let all = row(t, "year", "2021");
    assert_eq!(all["series"].as_text(), "Europe");
    let all_2021 = t
        .rows
        .iter()
        .find(|r| r[1].as_text() == "All panel countries" && r[3].as_text() == "2021")
        .expect("all-panel 2021");
    approx(&all_2021[t.column("rate").unwrap()], 125.0 / 8.05e6 * 1e5);
    // Labels: Europe 8e6 / 63e6 = 12.7 % → 13 %; all 8.05e6 / 67.55e6 = 11.9 % → 12 %.
    assert_eq!(
        all["label"].as_text(),
        "Europe (3 countries, 13 % of population)"
    );
    assert_eq!(
        all_2021[0].as_text(),
        "All panel countries (4, 12 % of world population)"
    );
}

#[test]
fn f5_ranks_latest_year_above_the_floor_with_annotations() {
    let t = &results()["F5"];
    let names: Vec<String> = t.rows.iter().map(|r| r[1].as_text()).collect();
    // Latest year in 2019–2021: FFF 2020 (10), EEE 9.5, AAA 4, BBB 3, GBR_S 0.4, CCC 0.
    // DDD (rate 10) has 50,000 inhabitants < 100,000: not ranked.
    assert_eq!(names, ["FFF", "EEE", "AAA", "BBB", "GBR_S", "CCC"]);
    let ann: Vec<String> = t
        .rows
        .iter()
        .map(|r| r[t.column("annotation").unwrap()].as_text())
        .collect();
    // FFF's latest year is 2020 ≠ 2021; CCC recorded 0 < 10 cases → dagger.
    assert_eq!(ann, ["2020", "", "", "", "", "†"]);
}

#[test]
fn t1_availability_by_region() {
    let t = &results()["T1"];
    let e = row(t, "region", "Europe");
    approx(e["countries"], 3.0); // AAA, BBB, GBR (GBR_S is part of GBR)
    approx(e["reporting"], 3.0); // AAA, BBB, GBR_S
    approx(e["panel"], 3.0);
    approx(e["population_share"], 8e6 / 63e6); // (1 + 2 + 5) M of 63 M
    let a = row(t, "region", "Asia");
    approx(a["panel"], 1.0);
    approx(a["population_share"], 1.0); // CCC's zero in 2021 is data: 0.5 + 0.05 + 1 of 1.55 M
    let am = row(t, "region", "Americas");
    approx(am["population_share"], 0.0); // FFF has no 2021 value
    let total = row(t, "region", "Total");
    approx(total["countries"], 7.0);
    approx(total["reporting"], 7.0);
    approx(total["panel"], 4.0);
    approx(total["population_share"], 9.55e6 / 67.55e6);
    assert_eq!(t.rows.last().unwrap()[0].as_text(), "Total");
}

#[test]
fn t2_panel_rates_change_cagr_slope_median() {
    let t = &results()["T2"];
    let e = row(t, "region", "Europe");
    approx(e["panel_n"], 3.0);
    approx(e["population_share"], 8e6 / 63e6);
    approx(e["rate_first"], 1.65);
    approx(e["rate_last"], 1.5);
    approx(e["change"], 1.5 / 1.65 - 1.0); // −9.09 %
    approx(e["cagr"], (1.5f64 / 1.65).powf(1.0 / 3.0) - 1.0);
    // OLS over (2018, 1.65) (2019, 1.725) (2020, 1.625) (2021, 1.5): x̄ = 2019.5, ȳ = 1.625;
    // Σ(x−x̄)(y−ȳ) = −1.5×0.025 − 0.5×0.1 + 0.5×0 + 1.5×(−0.125) = −0.275; Σ(x−x̄)² = 5.
    approx(e["slope"], -0.055);
    approx(e["median_rate"], 3.0); // median of 4, 3, 0.4
    // Asia rests on 1 panel unit < 2: every rate withheld.
    let a = row(t, "region", "Asia");
    approx(a["panel_n"], 1.0);
    for k in [
        "rate_first",
        "rate_last",
        "change",
        "cagr",
        "slope",
        "median_rate",
    ] {
        null(a[k]);
    }
    let all = row(t, "region", "All panel countries");
    approx(all["rate_first"], 137.0 / 8.05e6 * 1e5);
    approx(all["rate_last"], 125.0 / 8.05e6 * 1e5);
    approx(all["change"], 125.0 / 137.0 - 1.0);
    // Counts 137, 143, 135, 125 around 135: Σ(x−x̄)(c−c̄) = −3 − 4 + 0 − 15 = −22 → −4.4 per year
    // over a constant 8.05e6 → −4.4 / 80.5 per 100,000.
    approx(all["slope"], -4.4 / 80.5);
    approx(all["median_rate"], 3.5); // 0.4, 3, 4, 10
}

#[test]
fn t3_top_rates_with_three_year_average_and_period_change() {
    let t = &results()["T3"];
    let names: Vec<String> = t.rows.iter().map(|r| r[1].as_text()).collect();
    assert_eq!(names, ["FFF", "EEE", "AAA"]);
    let f = row(t, "iso3", "FFF");
    approx(f["year"], 2020.0);
    approx(f["count"], 300.0);
    null(f["average_3y"]); // only 2020 of 2018–2020
    null(f["change"]); // no P1 data
    let e = row(t, "iso3", "EEE");
    approx(e["average_3y"], (3.0 + 9.0 + 9.5) / 3.0);
    approx(e["p1_mean"], 3.0);
    approx(e["p2_mean"], 9.25);
    approx(e["change"], 9.25 / 3.0 - 1.0);
    assert_eq!(e["direction"].as_text(), "up");
    let a = row(t, "iso3", "AAA");
    approx(a["average_3y"], (1.8 + 3.0 + 4.0) / 3.0);
    approx(a["change"], 3.5 / 1.5 - 1.0); // P1 (1.2 + 1.8)/2, P2 (3 + 4)/2
}

#[test]
fn n1_n2_n3_narrative_numbers() {
    let r = results();
    let n1 = row(&r["N1"], "panel_n", "4");
    approx(n1["reporting"], 7.0);
    approx(n1["panel_population_share"], 8.05e6 / 67.55e6);
    let n2 = &r["N2"];
    assert_eq!(n2.rows.len(), 1);
    let n2 = row(n2, "units", "6"); // AAA BBB CCC DDD EEE GBR_S in 2021
    approx(n2["kidnappings"], 40.0 + 60.0 + 0.0 + 5.0 + 95.0 + 20.0);
    // Σ population = 1 + 2 + 0.5 + 0.05 + 1 + 5 = 9.55 M → 220 / 9.55e6 × 1e5.
    approx(n2["combined_rate"], 220.0 / 9.55e6 * 1e5);
    approx(n2["median_rate"], 3.5); // 0, 0.4, 3, 4, 9.5, 10
    assert_eq!(n2["min_country"].as_text(), "Gammaland"); // 0, a real value
    approx(n2["min_ties"], 1.0);
    approx(n2["max_ties"], 1.0);
    assert_eq!(n2["max_country"].as_text(), "Epsilonland"); // DDD (10) is under the floor
    let n3 = row(&r["N3"], "panel_n", "4");
    approx(n3["rate_first"], 137.0 / 8.05e6 * 1e5);
    approx(n3["rate_last"], 125.0 / 8.05e6 * 1e5);
    approx(n3["change"], 125.0 / 137.0 - 1.0);
    approx(n3["cagr"], (125.0f64 / 137.0).powf(1.0 / 3.0) - 1.0);
}

#[test]
fn latest_and_periods_tables() {
    let l = sql("SELECT iso3, year, rankable FROM latest ORDER BY iso3");
    let got: Vec<String> = l
        .rows
        .iter()
        .map(|r| format!("{}:{}:{}", r[0].as_text(), r[1].as_text(), r[2].as_text()))
        .collect();
    // Latest year within 2019–2021; DDD (50,000 inhabitants) may not be ranked.
    assert_eq!(
        got,
        [
            "AAA:2021:true",
            "BBB:2021:true",
            "CCC:2021:true",
            "DDD:2021:false",
            "EEE:2021:true",
            "FFF:2020:true",
            "GBR_S:2021:true",
        ]
    );
    let p = sql(
        "SELECT iso3, p1_mean, p2_mean, p1_count_mean, change, direction, has_break \
                 FROM periods ORDER BY iso3",
    );
    let get = |iso: &str| row(&p, "iso3", iso);
    let a = get("AAA");
    approx(a["p1_mean"], 1.5); // (1.2 + 1.8) / 2
    approx(a["p2_mean"], 3.5); // (3 + 4) / 2
    approx(a["p1_count_mean"], 15.0); // (12 + 18) / 2
    approx(a["change"], 3.5 / 1.5 - 1.0);
    assert_eq!(a["direction"].as_text(), "up");
    let b = get("BBB");
    approx(b["change"], 3.5 / 5.0 - 1.0); // −30 %
    assert_eq!(b["direction"].as_text(), "down");
    let c = get("CCC");
    null(c["p1_mean"]); // only 2018 of P1 = 2018–2019: needs both
    approx(c["p2_mean"], 0.5); // (1 + 0) / 2: the zero counts
    null(c["direction"]);
    assert_eq!(get("DDD")["direction"].as_text(), "stable");
    assert_eq!(get("GBR_S")["direction"].as_text(), "stable");
    assert_eq!(get("EEE")["has_break"].as_text(), "true");
}

#[test]
fn f3_indexes_the_panel_rates_on_the_base_year() {
    let t = &results()["F3"];
    let europe: Vec<f64> = t
        .rows
        .iter()
        .filter(|r| r[1].as_text() == "Europe")
        .map(|r| r[t.column("index").unwrap()].as_f64().unwrap())
        .collect();
    // 100 × (1.65, 1.725, 1.625, 1.5) / 1.65
    let expected = [100.0, 172.5 / 1.65, 162.5 / 1.65, 150.0 / 1.65];
    for (g, e) in europe.iter().zip(expected) {
        assert!((g - e).abs() < 1e-9, "{europe:?}");
    }
    assert_eq!(europe.len(), 4);
}

#[test]
fn f4_latest_rates_by_region_with_medians() {
    let t = &results()["F4"];
    assert_eq!(t.rows.len(), 7); // every unit, DDD included: F4 ranks nothing
    approx(row(t, "iso3", "AAA")["median_rate"], 3.0); // Europe: 0.4, 3, 4
    approx(row(t, "iso3", "CCC")["median_rate"], 9.5); // Asia: 0, 9.5, 10
    approx(row(t, "iso3", "FFF")["median_rate"], 10.0); // Americas: 10
}

#[test]
fn f6_and_f8_compare_the_periods() {
    let f6 = &results()["F6"];
    let order: Vec<String> = f6.rows.iter().map(|r| r[0].as_text()).collect();
    // Changes: EEE 9.25/3 − 1 = +208 %, AAA 3.5/1.5 − 1 = +133 %, GBR_S 0, BBB 3.5/5 − 1 = −30 %;
    // CCC and FFF lack a P1 mean. DDD (change 0) has 50,000 inhabitants < the 100,000 floor:
    // not shown (it would sit between AAA and GBR_S, at a rate of 10).
    assert_eq!(order, ["EEE", "AAA", "GBR_S", "BBB"]);
    assert_eq!(row(f6, "iso3", "EEE")["flag"].as_text(), "b");
    let f8 = &results()["F8"];
    let cells: Vec<String> = f8
        .rows
        .iter()
        .map(|r| format!("{} {} {}", r[0].as_text(), r[1].as_text(), r[2].as_text()))
        .collect();
    assert_eq!(
        cells,
        [
            "Asia Up 1",
            "Asia Stable 1",
            "Asia Down 0",
            "Europe Up 1",
            "Europe Stable 1",
            "Europe Down 1"
        ]
    );
}

#[test]
fn f7_small_multiples_with_centred_moving_average() {
    let t = &results()["F7"];
    let units: Vec<String> = {
        let mut v: Vec<String> = t.rows.iter().map(|r| r[1].as_text()).collect();
        v.dedup();
        v
    };
    // Counts in 2021 (population ≥ 100,000): EEE 95, BBB 60, AAA 40, GBR_S 20, CCC 0.
    assert_eq!(units, ["EEE", "BBB", "AAA", "GBR_S", "CCC"]);
    let aaa: Vec<_> = t.rows.iter().filter(|r| r[1].as_text() == "AAA").collect();
    let ma = t.column("moving_average").unwrap();
    null(&aaa[0][ma]); // 2018 needs 2017
    approx(&aaa[1][ma], (1.2 + 1.8 + 3.0) / 3.0);
    approx(&aaa[2][ma], (1.8 + 3.0 + 4.0) / 3.0);
    null(&aaa[3][ma]); // 2021 needs 2022
    let ccc: Vec<_> = t.rows.iter().filter(|r| r[1].as_text() == "CCC").collect();
    assert_eq!(ccc.len(), 3); // the 2019 gap is not invented
    assert!(
        ccc.iter()
            .all(|r| r[ma] == kidnap_trends::query::Value::Null)
    );
    let brk = t.column("is_break").unwrap();
    let eee_breaks: Vec<String> = t
        .rows
        .iter()
        .filter(|r| r[1].as_text() == "EEE" && r[brk].as_text() == "true")
        .map(|r| r[3].as_text())
        .collect();
    assert_eq!(eee_breaks, ["2020"]);
}

#[test]
fn t4_top_counts_with_share_of_all_latest_counts() {
    let t = &results()["T4"];
    let names: Vec<String> = t.rows.iter().map(|r| r[1].as_text()).collect();
    assert_eq!(names, ["FFF", "EEE", "BBB"]);
    // Σ latest counts of every unit (DDD included): 300 + 95 + 60 + 40 + 20 + 0 + 5 = 520.
    approx(row(t, "iso3", "FFF")["share"], 300.0 / 520.0);
    approx(row(t, "iso3", "BBB")["share"], 60.0 / 520.0);
}

#[test]
fn t5_increases_and_decreases_on_a_base_of_ten() {
    let t = &results()["T5"];
    let got: Vec<String> = t
        .rows
        .iter()
        .map(|r| format!("{} {}", r[0].as_text(), r[3].as_text()))
        .collect();
    // Eligible (P1 mean count ≥ 10): AAA 15, BBB 100, EEE 30, GBR_S 20 (change 0: neither list).
    // DDD's mean count is 5; CCC and FFF have no P1 mean.
    assert_eq!(got, ["Increase EEE", "Increase AAA", "Decrease BBB"]);
    assert_eq!(row(t, "iso3", "EEE")["flag"].as_text(), "b");
}

#[test]
fn t6_and_t7_annex() {
    let t6 = &results()["T6"];
    assert_eq!(t6.rows.len(), 24); // every unit-year of 2018–2021
    let flags: Vec<String> = t6
        .rows
        .iter()
        .filter(|r| !r[6].as_text().is_empty())
        .map(|r| format!("{} {} {}", r[1].as_text(), r[2].as_text(), r[6].as_text()))
        .collect();
    assert_eq!(flags, ["EEE 2020 b"]);
    let yoy = t6.column("yoy").unwrap();
    let cell = |iso: &str, year: &str| {
        t6.rows
            .iter()
            .find(|r| r[1].as_text() == iso && r[2].as_text() == year)
            .map(|r| r[yoy].clone())
            .unwrap()
    };
    approx(&cell("AAA", "2019"), 1.8 / 1.2 - 1.0); // adjacent, count 12 ≥ 10
    approx(&cell("BBB", "2020"), 4.0 / 5.0 - 1.0);
    null(&cell("AAA", "2018")); // no 2017
    null(&cell("CCC", "2020")); // 2019 is a gap: no change across it
    null(&cell("CCC", "2021")); // previous count 5 < 10: suppressed
    null(&cell("DDD", "2019")); // previous count 5 < 10
    approx(&cell("EEE", "2020"), 9.0 / 3.0 - 1.0);
    let t7 = &results()["T7"];
    assert_eq!(t7.rows.len(), 1, "{t7:?}"); // the fixture's rates match count/population exactly
    let r = row(t7, "iso3", "EEE");
    assert_eq!(r["change"].as_text(), "rate 3.0 → 9.0 (count 30 → 90)");
    assert_eq!(
        r["treatment"].as_text(),
        "Excluded from the panel and its trend aggregates; 2020 marked b, period change flagged b"
    );
    // N7 counts what T7 says it excluded: one row, EEE.
    approx(row(&results()["N7"], "confirmed", "1")["confirmed"], 1.0);
}

#[test]
fn n4_to_n7_narrative_numbers() {
    let r = results();
    let n4 = row(&r["N4"], "compared", "5");
    approx(n4["up"], 2.0); // AAA, EEE
    approx(n4["down"], 1.0); // BBB
    approx(n4["stable"], 2.0); // DDD, GBR_S
    approx(n4["with_break"], 1.0);
    let n5 = row(&r["N5"], "qualifying", "0");
    // Europe's panel covers 8 of 63 M (13 % < 50 %): no region may be named as a whole.
    approx(n5["shown"], 1.0);
    null(n5["highest_region"]);
    let n6 = row(&r["N6"], "units", "2");
    // 2021: EEE 95 + BBB 60 = 155 of 220 = 70.5 % ≥ 50 %, while EEE alone is 43.2 %.
    approx(n6["kidnappings"], 155.0);
    approx(n6["share"], 155.0 / 220.0);
    assert_eq!(n6["countries"].as_text(), "Epsilonland; Betaland");
    let n7 = row(&r["N7"], "confirmed", "1");
    approx(n7["possible"], 0.0);
}

#[test]
fn a_subnational_unit_is_never_added_to_its_reporting_country() {
    // Copy the fixture and let GBR itself report in 2021 (count 120, rate 0.2 → 60 M people).
    let tmp = super::support::sandbox();
    let mut cts = std::fs::read_to_string(tmp.path().join("cts.csv")).unwrap();
    for (unit, v) in [
        ("Counts", "120"),
        ("\"Rate per 100,000 population\"", "0.2"),
    ] {
        cts.push_str(&format!(
            "GBR,United Kingdom,Europe,Northern Europe,Violent offences,by type of offence,Kidnapping,Total,Total,2021,{unit},{v},CTS\n"
        ));
    }
    std::fs::write(tmp.path().join("cts.csv"), cts).unwrap();
    let p = kidnap_trends::config::load(&tmp.path().join("pipeline.yaml")).unwrap();
    let w = kidnap_trends::pipeline::ingest(&p).unwrap();
    let r = kidnap_trends::query::prepare::query(&p, &w).unwrap();
    // The checks say so: GBR_S reports alongside its country in 2021 only, and without it in
    // 2018–2020.
    let checks = &r["quality_checks"];
    let (c, i, y) = (
        checks.column("check_name").unwrap(),
        checks.column("iso3").unwrap(),
        checks.column("year").unwrap(),
    );
    let sub: Vec<String> = checks
        .rows
        .iter()
        .filter(|x| x[c].as_text().starts_with("subnational"))
        .map(|x| format!("{} {} {}", x[c].as_text(), x[i].as_text(), x[y].as_text()))
        .collect();
    assert_eq!(
        sub,
        [
            "subnational_with_national GBR_S 2021",
            "subnational_without_national GBR_S 2018",
            "subnational_without_national GBR_S 2019",
            "subnational_without_national GBR_S 2020",
        ]
    );
    // GBR_S leaves the panel (not in aggregates in 2021); GBR has one year only.
    let t2 = row(&r["T2"], "region", "Europe");
    approx(t2["panel_n"], 2.0);
    // N6/N2 totals count GBR's 120, not GBR_S's 20 on top: 220 − 20 + 120 = 320.
    let n6 = row(&r["N6"], "units", "2");
    approx(n6["total"], 320.0);
    let n2 = row(&r["N2"], "units", "7");
    approx(n2["kidnappings"], 320.0);
    // Combined rate over in-aggregate units: 320 / (9.55 M − 5 M + 60 M) × 1e5.
    approx(n2["combined_rate"], 320.0 / 64.55e6 * 1e5);
}

#[test]
fn r1_r2_compare_with_the_previous_release() {
    // Previous release = the fixture with AAA 2018 count 10 (now 12: +20 %, large), BBB 2019
    // count 99 (now 100: +1 %), and a GBR_S 2017 row that is no longer there (removed).
    let tmp = super::support::sandbox();
    let text = std::fs::read_to_string(tmp.path().join("cts.csv")).unwrap();
    let mut prev = text
        .replacen("2018,Counts,12,CTS", "2018,Counts,10,CTS", 1)
        .replacen("BBB,Betaland,Europe,Western Europe,Violent offences,by type of offence,Kidnapping,Total,Total,2019,Counts,100,",
                  "BBB,Betaland,Europe,Western Europe,Violent offences,by type of offence,Kidnapping,Total,Total,2019,Counts,99,", 1);
    prev.push_str("GBR_S,United Kingdom (Scotland),Europe,Northern Europe,Violent offences,by type of offence,Kidnapping,Total,Total,2017,Counts,20,CTS\n");
    std::fs::write(tmp.path().join("previous.csv"), prev).unwrap();
    super::support::edit(&tmp.path().join("pipeline.yaml"), |s| {
        s.replace(
            "population:\n",
            "  - id: mini-previous\n    layout: unodc-cts\n    role: release\n    path: previous.csv\n    release: \"2024-01-01\"\n    citation: Fixture\n    category: Kidnapping\nprevious: \"2024-01-01\"\npopulation:\n",
        )
    });
    let p = kidnap_trends::config::load(&tmp.path().join("pipeline.yaml")).unwrap();
    let w = kidnap_trends::pipeline::ingest(&p).unwrap();
    let r = kidnap_trends::query::prepare::query(&p, &w).unwrap();
    let r1 = row(&r["R1"], "previous_release", "2024-01-01");
    approx(r1["added"], 0.0);
    approx(r1["removed"], 1.0); // GBR_S 2017
    approx(r1["counts_revised"], 2.0); // AAA 2018, BBB 2019
    approx(r1["counts_large"], 1.0); // 12/10 − 1 = 20 % > 10 %; 100/99 − 1 = 1 %
    approx(r1["rates_revised"], 0.0);
    let r2 = &r["R2"];
    let got: Vec<String> = r2
        .rows
        .iter()
        .map(|x| format!("{} {} {}", x[1].as_text(), x[2].as_text(), x[6].as_text()))
        .collect();
    assert_eq!(got, ["GBR_S 2017 removed", "AAA 2018 revised"]);
    approx(&r2.rows[1][5], 12.0 / 10.0 - 1.0);
    // Without a previous release the appendix is empty.
    let base = results();
    approx(row(&base["R1"], "previous_rows", "0")["previous_rows"], 0.0);
    assert!(base["R2"].rows.is_empty());
}

#[test]
fn regional_population_never_adds_a_subnational_unit_to_its_country() {
    // Give GBR_S a World Bank population of 5,000,000 (what its count and rate imply, 20 / 0.4 ×
    // 100,000, so its own rows do not move). GBR's 60 M already hold Scotland: Europe's
    // population stays AAA 1 M + BBB 2 M + GBR 60 M = 63 M (adding GBR_S would make it 68 M), the
    // world's 67.55 M, in T1 as in panel_agg (T2, F2) and N1.
    let r = results_with(|d| append(d, "population.csv", &population_rows("GBR_S", 5_000_000)));
    let t1 = &r["T1"];
    // Covered in 2021: AAA 1 M + BBB 2 M + GBR_S 5 M = 8 M of 63 M.
    approx(row(t1, "region", "Europe")["population_share"], 8e6 / 63e6);
    approx(row(t1, "region", "Europe")["countries"], 3.0);
    // Every unit reports in 2021 but FFF: 9.55 M of 67.55 M.
    approx(
        row(t1, "region", "Total")["population_share"],
        9.55e6 / 67.55e6,
    );
    // Europe's panel (AAA, BBB, GBR_S): 8 M of the same 63 M.
    approx(
        row(&r["T2"], "region", "Europe")["population_share"],
        8e6 / 63e6,
    );
    // All panel units (+ DDD 0.05 M): 8.05 M of 67.55 M.
    approx(
        row(&r["N1"], "panel_n", "4")["panel_population_share"],
        8.05e6 / 67.55e6,
    );
}

#[test]
fn t7_says_what_the_panel_and_the_flags_did_with_each_break() {
    // A copy of the fixture (window 2018–2021) with four more break cases:
    // * BBB 2017: count 40, rate 2 (40 / 2 M × 1e5). 2017 → 2018: |ln(5/2)| = 0.916 > ln 2 = 0.693
    //   on max(40, 100) = 100 ≥ 20 cases, 2019 stays (5/5 − 1 = 0) → confirmed, but t = 2018 = Y0:
    //   the whole window is on the new level, BBB stays in the panel;
    // * HHH (1 M people) 2018–2022: counts 20 50 50 120 120, rates 2 5 5 12 12. 2019: ln 2.5 =
    //   0.916, 2020 stays → confirmed; 2021: ln 2.4 = 0.875, max(50, 120) ≥ 20, 2022 (after Y1)
    //   stays → confirmed. Its first break excludes it; the second finds it already excluded;
    // * III (1 M) 2019–2020 only: rates 2 → 5 (counts 20 → 50), no 2021 → possible; III is
    //   out of the panel anyway (no 2018, no 2021);
    // * JJJ (1 M) 2018–2021: rates 1 1 1 3 (counts 10 10 10 30): 2021 ln 3 = 1.10 on 30 cases,
    //   no 2022 → possible; JJJ has every year, so it is in the panel.
    let r = results_with(|d| {
        let mut cts = cts_rows("BBB", "Betaland", "Europe", 2017, 40.0, 2.0);
        for (y, c) in [
            (2018, 20.0),
            (2019, 50.0),
            (2020, 50.0),
            (2021, 120.0),
            (2022, 120.0),
        ] {
            cts += &cts_rows("HHH", "Etaland", "Asia", y, c, c / 10.0);
        }
        for (y, c) in [(2019, 20.0), (2020, 50.0)] {
            cts += &cts_rows("III", "Iotaland", "Asia", y, c, c / 10.0);
        }
        for (y, c) in [(2018, 10.0), (2019, 10.0), (2020, 10.0), (2021, 30.0)] {
            cts += &cts_rows("JJJ", "Jotaland", "Asia", y, c, c / 10.0);
        }
        append(d, "cts.csv", &cts);
        let mut pop = String::new();
        let mut m49 = String::new();
        for (code, name, n) in [
            ("HHH", "Etaland", 907),
            ("III", "Iotaland", 908),
            ("JJJ", "Jotaland", 909),
        ] {
            pop += &population_rows(code, 1_000_000);
            m49 += &format!("{code},{n},Asia,Western Asia,{name},{name}\n");
        }
        append(d, "population.csv", &pop);
        append(d, "countries.csv", &m49);
    });
    let panel: Vec<String> = r
        .sql("SELECT iso3 FROM panel ORDER BY iso3")
        .rows
        .iter()
        .map(|x| x[0].as_text())
        .collect();
    // HHH has a break inside the window, III misses 2018 and 2021; BBB and JJJ stay.
    assert_eq!(panel, ["AAA", "BBB", "DDD", "GBR_S", "JJJ"]);
    let t7 = &r["T7"];
    let (yc, tc) = (t7.column("year").unwrap(), t7.column("treatment").unwrap());
    let got: Vec<String> = t7
        .rows
        .iter()
        .map(|x| {
            format!(
                "{} {}: {}",
                x[1].as_text(),
                x[yc].as_text(),
                x[tc].as_text()
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "BBB 2018: Jump into 2018, the first year: not a break within the window; the unit \
             stays in the panel and its trend aggregates; 2018 marked b, period change not flagged",
            "EEE 2020: Excluded from the panel and its trend aggregates; 2020 marked b, period \
             change flagged b",
            "HHH 2019: Excluded from the panel and its trend aggregates; 2019 marked b, period \
             change flagged b",
            "HHH 2021: Series already excluded from the panel by its break in 2019; 2021 marked \
             b, period change flagged b",
            "III 2020: Not confirmed: the unit is not in the panel for lack of data in some year; \
             not marked b, period change not flagged",
            "JJJ 2021: Not confirmed: the unit stays in the panel and its trend aggregates; not \
             marked b, period change not flagged",
        ]
    );
    // What the texts claim, checked where it happens: T6 marks the confirmed years only …
    let t6 = &r["T6"];
    let marked: Vec<String> = t6
        .rows
        .iter()
        .filter(|x| x[6].as_text() == "b")
        .map(|x| format!("{} {}", x[1].as_text(), x[2].as_text()))
        .collect();
    assert_eq!(marked, ["BBB 2018", "EEE 2020", "HHH 2019", "HHH 2021"]);
    // … and the period change carries "b" for EEE and HHH only (BBB's break is at Y0).
    let flagged: Vec<String> = r
        .sql("SELECT iso3 FROM periods WHERE has_break ORDER BY iso3")
        .rows
        .iter()
        .map(|x| x[0].as_text())
        .collect();
    assert_eq!(flagged, ["EEE", "HHH"]);
    // N7 = the T7 rows saying "Excluded": EEE 2020 and HHH 2019 → 2 series; possible: III, JJJ.
    let excluded = t7
        .rows
        .iter()
        .filter(|x| x[tc].as_text().starts_with("Excluded"))
        .count();
    assert_eq!(excluded, 2);
    let n7 = row(&r["N7"], "confirmed", "2");
    approx(n7["possible"], 2.0);
}

#[test]
fn region_and_world_populations_are_the_m49_members_only() {
    // A copy of the fixture with a unit that reports but is no M49 member, like Kosovo under
    // UNSCR 1244: XKX in the reporting-units table (no parent), a World Bank population of
    // 2,000,000, and 10 kidnappings a year 2018–2021 (rate 10 / 2 M × 1e5 = 0.5).
    let r = results_with(|d| {
        append(
            d,
            "units.csv",
            "XKX,Kosovo under UNSCR 1244,Europe,Southern Europe,\n",
        );
        append(d, "population.csv", &population_rows("XKX", 2_000_000));
        let mut cts = String::new();
        for y in 2018..=2021 {
            cts += &cts_rows("XKX", "Kosovo under UNSCR 1244", "Europe", y, 10.0, 0.5);
        }
        append(d, "cts.csv", &cts);
    });
    let t1 = &r["T1"];
    let e = row(t1, "region", "Europe");
    approx(e["countries"], 3.0); // AAA, BBB, GBR: XKX is no member (it was counted: 4)
    approx(e["reporting"], 4.0); // AAA, BBB, GBR_S, XKX: it still reports
    approx(e["panel"], 4.0);
    // Covered in 2021: AAA 1 M + BBB 2 M + GBR_S 5 M + XKX 2 M = 10 M, over the members'
    // 1 + 2 + 60 = 63 M (not 65 M with XKX).
    approx(e["population_share"], 10e6 / 63e6);
    let total = row(t1, "region", "Total");
    approx(total["countries"], 7.0); // AAA BBB GBR CCC DDD EEE FFF (was 8)
    approx(total["reporting"], 8.0);
    approx(total["panel"], 5.0);
    // 9.55 M + 2 M covered of the world's 67.55 M members.
    approx(total["population_share"], 11.55e6 / 67.55e6);
    // T2/F2 (panel_agg): Europe's panel AAA, BBB, GBR_S, XKX = 10 M of 63 M = 15.87 % → "16 %"
    // (10 / 65 = 15.38 % → "15 %" before); all panel units 10.05 M of 67.55 M = 14.88 % → "15 %"
    // (10.05 / 69.55 = 14.45 % → "14 %" before).
    let t2 = &r["T2"];
    approx(row(t2, "region", "Europe")["population_share"], 10e6 / 63e6);
    approx(
        row(t2, "region", "All panel countries")["population_share"],
        10.05e6 / 67.55e6,
    );
    let f2 = &r["F2"];
    let label = |series: &str| {
        let r = f2.rows.iter().find(|x| x[1].as_text() == series).unwrap();
        r[0].as_text()
    };
    assert_eq!(label("Europe"), "Europe (4 countries, 16 % of population)");
    assert_eq!(
        label("All panel countries"),
        "All panel countries (5, 15 % of world population)"
    );
    // XKX's count and population are in its region's aggregate: 2018 (12 + 100 + 20 + 10) /
    // 10 M × 1e5 = 1.42.
    let europe_2018 = f2
        .rows
        .iter()
        .find(|x| x[1].as_text() == "Europe" && x[3].as_text() == "2018")
        .unwrap();
    approx(&europe_2018[f2.column("rate").unwrap()], 1.42);
    // N1: the panel's 10.05 M of the world's 67.55 M.
    approx(
        row(&r["N1"], "panel_n", "5")["panel_population_share"],
        10.05e6 / 67.55e6,
    );
}

#[test]
fn footnote_1_names_the_source_once() {
    // The fixture pipeline cites "Fixture UN-CTS file" and "Fixture population", vintage 2025:
    // footnote 1 is the source line itself, "Source: " written once.
    let tmp = super::support::sandbox();
    let out = super::support::run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(
        out.status.success(),
        "{}",
        super::support::text(&out.stderr)
    );
    let md = std::fs::read_to_string(tmp.path().join("out/report.md")).unwrap();
    let expected = "1. Source: Fixture UN-CTS file; population: Fixture population (vintage 2025).";
    assert!(md.lines().any(|l| l == expected), "{md}");
    let html = std::fs::read_to_string(tmp.path().join("out/report.html")).unwrap();
    assert!(!md.contains("Source: Source") && !html.contains("Source: Source"));
}

#[test]
fn n8_t9_t10_on_the_fixture_as_it_is() {
    let r = results();
    // One release (the fixture's, 2025-01-01), no other publication, nothing quarantined.
    // Checks at their defaults (tolerance 10 %, factor 5, min count 20): every rate is exactly
    // count ÷ population × 1e5 (GBR_S has no World Bank population: not checked); the largest
    // year-on-year factor is EEE's 90 / 30 = 3 < 5 (CCC's 5 → 0 is on max(5, 0) < 20 cases);
    // GBR_S reports without GBR in 2018, 2019, 2020 and 2021 → 4; never with it → 0.
    let n8 = row(&r["N8"], "releases", "1");
    assert_eq!(n8["first_release"].as_text(), "2025-01-01");
    for (k, v) in [
        ("other_sources", 0.0),
        ("quarantined", 0.0),
        ("rate_mismatch", 0.0),
        ("implausible_jump", 0.0),
        ("orphans", 4.0),
        ("doubles", 0.0),
        ("tolerance_percent", 10.0), // round(0.10 × 100, 1)
        ("jump_factor", 5.0),
    ] {
        approx(n8[k], v);
    }
    assert!(r["T9"].rows.is_empty()); // no comparison source
    let t10 = &r["T10"];
    let got: Vec<String> = t10
        .rows
        .iter()
        .map(|x| format!("{} {} {}", x[0].as_text(), x[3].as_text(), x[4].as_text()))
        .collect();
    // rule, findings, units or sources concerned (GBR_S only).
    assert_eq!(
        got,
        [
            "bad_value 0 0",
            "negative_value 0 0",
            "duplicate 0 0",
            "unknown_code 0 0",
            "rate_mismatch 0 0",
            "implausible_jump 0 0",
            "subnational_without_national 4 1",
            "subnational_with_national 0 0",
        ]
    );
    let desc = |rule: &str| row(t10, "rule", rule)["description"].as_text();
    assert_eq!(
        desc("rate_mismatch"),
        "Published rate more than 10 per cent away from count ÷ World Bank population × 100,000"
    );
    assert_eq!(
        desc("implausible_jump"),
        "Count changing more than 5-fold from one year to the next (either year at least 20)"
    );
}

#[test]
fn n8_t9_t10_with_other_publications_a_quarantined_row_and_tighter_checks() {
    // A copy of the fixture with
    // * two other publications: counts (AAA 2018 12, AAA 2019 19, BBB 2018 100, FFF 2021 310)
    //   and rates published to one decimal (AAA 2018 1.2, BBB 2020 4.1, EEE 2021 9.8, DDD 2017 10);
    // * a row with the unknown code ZZZ, allowed once (quarantined);
    // * a rate tolerance of 1.5 % and a jump factor of 2.5.
    let r = results_with(|d| {
        std::fs::write(
            d.join("counts.csv"),
            "iso3,year,value\nAAA,2018,12\nAAA,2019,19\nBBB,2018,100\nFFF,2021,310\n",
        )
        .unwrap();
        std::fs::write(
            d.join("rates.csv"),
            "iso3,year,value\nAAA,2018,1.2\nBBB,2020,4.1\nEEE,2021,9.8\nDDD,2017,10\n",
        )
        .unwrap();
        append(
            d,
            "cts.csv",
            "ZZZ,Zedland,Europe,Northern Europe,Violent offences,by type of offence,Kidnapping,Total,Total,2019,Counts,7,CTS\n",
        );
        let other = |id: &str, file: &str, unit: &str, extra: &str| {
            format!(
                "  - id: {id}\n    role: comparison\n    layout: table\n    path: {file}\n    release: \"2024\"\n    citation: \"Other {id}\"\n    category: Kidnapping\n    table:\n      country: {{ column: iso3, code: iso3 }}\n      year: year\n      value: value\n      unit: {unit}\n{extra}"
            )
        };
        super::support::edit(&d.join("pipeline.yaml"), |s| {
            s.replace(
                "population:\n",
                &format!(
                    "{}{}quality:\n  unknown_code: {{ max: 1 }}\n  rate_mismatch: {{ tolerance: 0.015 }}\n  implausible_jump: {{ factor: 2.5 }}\npopulation:\n",
                    other("other-counts", "counts.csv", "count", ""),
                    other("other-rates", "rates.csv", "rate_per_100k", "      decimals: 1\n"),
                ),
            )
        });
    });
    // N8: still one UN-CTS release; 2 other publications; 1 row set aside (ZZZ). Jumps above
    // 2.5-fold on ≥ 20 cases: EEE 30 → 90 (3×) only (AAA 18 → 30 is 1.67×; CCC's 5 → 0 is on
    // 5 cases). Rates: all exact, none beyond 1.5 %.
    let n8 = row(&r["N8"], "releases", "1");
    for (k, v) in [
        ("other_sources", 2.0),
        ("quarantined", 1.0),
        ("rate_mismatch", 0.0),
        ("implausible_jump", 1.0),
        ("orphans", 4.0),
        ("doubles", 0.0),
        ("tolerance_percent", 1.5), // round(0.015 × 100, 1)
        ("jump_factor", 2.5),
    ] {
        approx(n8[k], v);
    }
    let t9 = &r["T9"];
    assert_eq!(t9.rows.len(), 2, "{t9:?}");
    // Counts: 2018–2021, units AAA BBB FFF = 3, 4 country-years, 3 also in this release (FFF
    // has no 2021), 2 equal (AAA 2018 12 = 12, BBB 2018 100 = 100; AAA 2019 19 ≠ 18); gaps
    // 0, 1, 0 → median 0, largest 1.
    let c = row(t9, "source_id", "other-counts");
    assert_eq!(c["measure"].as_text(), "Kidnappings");
    assert_eq!(c["source"].as_text(), "Other other-counts");
    for (k, v) in [
        ("first_year", 2018.0),
        ("last_year", 2021.0),
        ("units", 3.0),
        ("country_years", 4.0),
        ("in_both", 3.0),
        ("agree", 2.0),
        ("median_gap", 0.0),
        ("max_gap", 1.0),
    ] {
        approx(c[k], v);
    }
    // Rates (one decimal: agree within 0.05): 2017–2021, 4 units and country-years, 3 in this
    // release (DDD has no 2017); gaps |1.2 − 1.2| = 0 (agrees), |4.1 − 4| = 0.1, |9.8 − 9.5| =
    // 0.3 → 1 agreeing, median 0.1, largest 0.3.
    let t = row(t9, "source_id", "other-rates");
    assert_eq!(t["measure"].as_text(), "Rate per 100,000");
    for (k, v) in [
        ("first_year", 2017.0),
        ("last_year", 2021.0),
        ("units", 4.0),
        ("country_years", 4.0),
        ("in_both", 3.0),
        ("agree", 1.0),
    ] {
        approx(t[k], v);
    }
    let near = |v: &kidnap_trends::query::Value, e: f64| {
        assert!((v.as_f64().unwrap() - e).abs() < 1e-9, "{v:?} ≠ {e}");
    };
    near(t["median_gap"], 0.1);
    near(t["max_gap"], 0.3);
    // T10: ZZZ in one source; EEE's jump in one unit; GBR_S's 4 years in one unit.
    let t10 = &r["T10"];
    let got: Vec<String> = t10
        .rows
        .iter()
        .map(|x| format!("{} {} {}", x[0].as_text(), x[3].as_text(), x[4].as_text()))
        .collect();
    assert_eq!(
        got,
        [
            "bad_value 0 0",
            "negative_value 0 0",
            "duplicate 0 0",
            "unknown_code 1 1",
            "rate_mismatch 0 0",
            "implausible_jump 1 1",
            "subnational_without_national 4 1",
            "subnational_with_national 0 0",
        ]
    );
    let desc = |rule: &str| row(t10, "rule", rule)["description"].as_text();
    assert_eq!(
        desc("rate_mismatch"),
        "Published rate more than 1.5 per cent away from count ÷ World Bank population × 100,000"
    );
    assert_eq!(
        desc("implausible_jump"),
        "Count changing more than 2.5-fold from one year to the next (either year at least 20)"
    );
}

/// The thresholds that used to be constants in the SQL are the pipeline's parameters: moving
/// them moves the results (defaults: small_count 10, multiples 12, break_ratio 2).
#[test]
fn thresholds_are_pipeline_parameters() {
    let mut p = kidnap_trends::config::load(&mini().join("pipeline.yaml")).unwrap();
    let w = kidnap_trends::pipeline::ingest(&p).unwrap();
    let run =
        |p: &kidnap_trends::config::Pipeline| kidnap_trends::query::prepare::query(p, &w).unwrap();
    let daggers = |t: &Table| {
        let d = t.column("dagger").unwrap();
        t.rows.iter().filter(|r| r[d].as_text() == "†").count()
    };
    let units = |t: &Table| {
        let i = t.column("iso3").unwrap();
        t.rows
            .iter()
            .map(|r| r[i].as_text())
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    };
    let before = run(&p);
    let t3_rows = before["T3"].rows.len();
    assert!(
        daggers(&before["T3"]) < t3_rows,
        "some ranked count is 10 or more"
    );
    assert!(units(&before["F7"]) > 1);
    // Every count below 1,000 is small; one unit in the small multiples.
    p.params.small_count = 1000.0;
    p.params.multiples = 1;
    let after = run(&p);
    assert_eq!(daggers(&after["T3"]), t3_rows);
    assert_eq!(units(&after["F7"]), 1);
    // BBB's 100 → 80 (×0.8) is no jump at factor 2, and is one at factor 1.2 on ≥ 20 cases.
    let bbb_breaks = |p: &kidnap_trends::config::Pipeline| {
        let (engine, _) = kidnap_trends::query::prepare::prepare(p, &w).unwrap();
        let b = engine
            .run_table(
                Path::new("t"),
                "SELECT year, status FROM breaks WHERE iso3 = 'BBB'",
            )
            .unwrap();
        b.rows
            .iter()
            .map(|r| (r[0].as_text(), r[1].as_text()))
            .collect::<Vec<_>>()
    };
    assert!(bbb_breaks(&p).is_empty());
    // ln(4/5) = −0.223 beyond ln 1.2 = 0.182 on 100 cases, and 2021's 3/4 − 1 = −0.25 holds
    // within break_hold 0.25: confirmed; 2021 (4 → 3) has no next year: possible.
    p.params.break_ratio = 1.2;
    assert_eq!(
        bbb_breaks(&p),
        [
            ("2020".to_string(), "confirmed".to_string()),
            ("2021".into(), "possible".into())
        ]
    );
}
