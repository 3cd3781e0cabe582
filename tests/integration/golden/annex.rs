//! The annex (T6–T10), narrative N4–N8, the release comparison, the M49 populations and the
//! pipeline's thresholds on the fixture.

use super::*;

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
    approx(r["prev_rate"], 3.0);
    approx(r["rate"], 9.0);
    assert_eq!(r["status"].as_text(), "confirmed");
    assert_eq!(r["panel_state"].as_text(), "out_by_break");
    // The words are the report's: table 7 as printed.
    let printed = crate::support::printed("T7");
    let r = row(&printed, "Country or area", "Epsilonland");
    assert_eq!(
        r["Observation"].as_text(),
        "rate 3.00 → 9.00 (count 30 → 90)"
    );
    assert_eq!(
        r["Rule"].as_text(),
        "Series break (rate doubled or halved, persisted)"
    );
    assert_eq!(
        r["Treatment"].as_text(),
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
    let tmp = crate::support::sandbox();
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
    let tmp = crate::support::sandbox();
    let text = std::fs::read_to_string(tmp.path().join("cts.csv")).unwrap();
    let mut prev = text
        .replacen("2018,Counts,12,CTS", "2018,Counts,10,CTS", 1)
        .replacen("BBB,Betaland,Europe,Western Europe,Violent offences,by type of offence,Kidnapping,Total,Total,2019,Counts,100,",
                  "BBB,Betaland,Europe,Western Europe,Violent offences,by type of offence,Kidnapping,Total,Total,2019,Counts,99,", 1);
    prev.push_str("GBR_S,United Kingdom (Scotland),Europe,Northern Europe,Violent offences,by type of offence,Kidnapping,Total,Total,2017,Counts,20,CTS\n");
    std::fs::write(tmp.path().join("previous.csv"), prev).unwrap();
    crate::support::edit(&tmp.path().join("pipeline.yaml"), |s| {
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
    let printed = r.printed("T7");
    let tc = printed.column("Treatment").unwrap();
    let got: Vec<String> = t7
        .rows
        .iter()
        .zip(&printed.rows)
        .map(|(x, p)| {
            format!(
                "{} {}: {}",
                x[t7.column("iso3").unwrap()].as_text(),
                x[t7.column("year").unwrap()].as_text(),
                p[tc].as_text()
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
    let excluded = printed
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
    let (series, year) = (f2.column("series").unwrap(), f2.column("year").unwrap());
    let named = crate::support::figure("F2", &r.results);
    let label = |s: &str| {
        let i = f2
            .rows
            .iter()
            .position(|x| x[series].as_text() == s)
            .unwrap();
        named.rows[i][series].as_text()
    };
    assert_eq!(
        label("Europe"),
        "Europe (4 countries, 16 per cent of population)"
    );
    assert_eq!(
        label("All panel countries"),
        "All panel countries (5, 15 per cent of world population)"
    );
    // XKX's count and population are in its region's aggregate: 2018 (12 + 100 + 20 + 10) /
    // 10 M × 1e5 = 1.42.
    let europe_2018 = f2
        .rows
        .iter()
        .find(|x| x[series].as_text() == "Europe" && x[year].as_text() == "2018")
        .unwrap();
    approx(&europe_2018[f2.column("rate").unwrap()], 1.42);
    // N1: the panel's 10.05 M of the world's 67.55 M.
    approx(
        row(&r["N1"], "panel_n", "5")["panel_population_share"],
        10.05e6 / 67.55e6,
    );
}

#[test]
fn the_source_line_names_the_source_once() {
    // The fixture pipeline cites "Fixture UN-CTS file" and "Fixture population", vintage 2025:
    // the line under each figure is the source line itself, "Source: " written once.
    let tmp = crate::support::sandbox();
    let out = crate::support::run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(
        out.status.success(),
        "{}",
        crate::support::text(&out.stderr)
    );
    let md = std::fs::read_to_string(tmp.path().join("out/report.md")).unwrap();
    let expected = "*Source: Fixture UN-CTS file; population: Fixture population (vintage 2025).*";
    assert!(md.lines().any(|l| l == expected), "{md}");
    let html = std::fs::read_to_string(tmp.path().join("out/report.html")).unwrap();
    assert!(!md.contains("Source: Source") && !html.contains("Source: Source"));
}

/// Table 10's rows as "rule kind findings spread".
fn t10_rows(t10: &Table) -> Vec<String> {
    t10.rows
        .iter()
        .map(|x| {
            let get = |c: &str| x[t10.column(c).unwrap()].as_text();
            let [rule, kind, findings, spread] = ["rule", "kind", "findings", "spread"].map(get);
            format!("{rule} {kind} {findings} {spread}")
        })
        .collect()
}

/// What table 10 as printed says of `rule` (its row in the query's order).
fn t10_rule(t10: &Table, printed: &Table, rule: &str) -> String {
    let i = t10
        .rows
        .iter()
        .position(|x| x[0].as_text() == rule)
        .unwrap();
    printed.rows[i][printed.column("Rule").unwrap()].as_text()
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
    let got = t10_rows(t10);
    // rule, kind, findings, units or sources concerned (GBR_S only).
    assert_eq!(
        got,
        [
            "bad_value row_rule 0 0",
            "negative_value row_rule 0 0",
            "duplicate row_rule 0 0",
            "unknown_code row_rule 0 0",
            "rate_mismatch check 0 0",
            "implausible_jump check 0 0",
            "subnational_without_national check 4 1",
            "subnational_with_national check 0 0",
        ]
    );
    // The words are the report's: table 10 as printed, in the rules' order.
    let printed = crate::support::printed("T10");
    let desc = |rule: &str| t10_rule(t10, &printed, rule);
    assert_eq!(printed.rows[0][0].as_text(), "Row rule");
    assert_eq!(printed.rows[4][0].as_text(), "Check");
    assert_eq!(
        desc("bad_value"),
        "A cell that is not what its column holds (quarantined)"
    );
    assert_eq!(
        desc("subnational_without_national"),
        "Sub-national unit reporting in a year its country does not (shown as a unit of its own)"
    );
    assert_eq!(
        desc("rate_mismatch"),
        "Published rate more than 10 per cent away from count ÷ World Bank population × 100,000"
    );
    assert_eq!(
        desc("implausible_jump"),
        "Count changing more than fivefold from one year to the next (either year at least 20)"
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
        crate::support::edit(&d.join("pipeline.yaml"), |s| {
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
    assert_eq!(c["unit"].as_text(), "count");
    // The measure's name is the report's (rows in the query's order).
    let printed = r.printed("T9");
    let measure = printed.column("Measure").unwrap();
    assert_eq!(printed.rows[0][measure].as_text(), "Kidnappings");
    assert_eq!(printed.rows[1][measure].as_text(), "Rate per 100,000");
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
    assert_eq!(t["unit"].as_text(), "rate_per_100k");
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
    let got = t10_rows(t10);
    assert_eq!(
        got,
        [
            "bad_value row_rule 0 0",
            "negative_value row_rule 0 0",
            "duplicate row_rule 0 0",
            "unknown_code row_rule 1 1",
            "rate_mismatch check 0 0",
            "implausible_jump check 1 1",
            "subnational_without_national check 4 1",
            "subnational_with_national check 0 0",
        ]
    );
    let printed = r.printed("T10");
    let desc = |rule: &str| t10_rule(t10, &printed, rule);
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
