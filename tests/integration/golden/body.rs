//! Figures F1–F8, body tables T1–T5 and narrative N1–N3 on the fixture.

use super::*;

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
    let series = t.column("series").unwrap();
    let year = t.column("year").unwrap();
    assert!(t.rows.iter().all(|r| r[series].as_text() != "Asia"));
    let europe: Vec<f64> = t
        .rows
        .iter()
        .filter(|r| r[series].as_text() == "Europe")
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
        .find(|r| r[series].as_text() == "All panel countries" && r[year].as_text() == "2021")
        .expect("all-panel 2021");
    approx(&all_2021[t.column("rate").unwrap()], 125.0 / 8.05e6 * 1e5);
    // Labels (the report's words, from the figure's `series_text`): Europe 8e6 / 63e6 = 12.7 %
    // → 13 %; all 8.05e6 / 67.55e6 = 11.9 % → 12 %.
    let named = crate::support::figure("F2", results());
    let label = |s: &str, y: &str| {
        let i = t
            .rows
            .iter()
            .position(|r| r[series].as_text() == s && r[year].as_text() == y)
            .unwrap();
        named.rows[i][series].as_text()
    };
    assert_eq!(
        label("Europe", "2021"),
        "Europe (3 countries, 13 per cent of population)"
    );
    assert_eq!(
        label("All panel countries", "2021"),
        "All panel countries (4, 12 per cent of world population)"
    );
    // Asia's panel is DDD alone: one country, 50,000 / 1.55e6 = 3.2 % → 3 per cent (the label
    // of F2's rule on table panel_agg, where Asia has its rows though it is not drawn).
    let panel_agg = sql("SELECT * FROM panel_agg WHERE series = 'Asia'");
    let as_f2 = std::collections::BTreeMap::from([("F2".to_string(), panel_agg)]);
    let asia = crate::support::figure("F2", &as_f2);
    assert_eq!(
        asia.rows[0][asia.column("series").unwrap()].as_text(),
        "Asia (1 country, 3 per cent of population)"
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
        .filter(|r| r[t.column("series").unwrap()].as_text() == "Europe")
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
