//! Data quality end to end: rows failing a row rule go to quarantine with their reason when the
//! pipeline's `quality:` limits allow it and stop the run otherwise; checks over the warehouse
//! are listed in quality.json and stop the run above their `max`. Expected findings are worked
//! out by hand from the fixture (tests/fixtures/mini/cts.csv).

use std::path::Path;

use super::support::{edit, run_in, sandbox, snapshot_dir, text};

/// Add a `quality:` block to the sandbox pipeline.
fn with_quality(dir: &Path, block: &str) {
    edit(&dir.join("pipeline.yaml"), |s| {
        s.replace("population:\n", &format!("quality:\n{block}population:\n"))
    });
}

const ZZZ_ROW: &str = "ZZZ,Zedland,Europe,Northern Europe,Violent offences,by type of offence,Kidnapping,Total,Total,2019,Counts,7,CTS\n";

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn rule<'a>(q: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    q["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == name)
        .unwrap()
}

#[test]
fn an_allowed_bad_row_is_quarantined_with_its_reason_and_the_report_says_so() {
    let tmp = sandbox();
    edit(&tmp.path().join("cts.csv"), |s| s + ZZZ_ROW);
    with_quality(tmp.path(), "  unknown_code: { max: 1 }\n");
    let out = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let q = json(&tmp.path().join("out/quality.json"));
    let r = rule(&q, "unknown_code");
    assert_eq!(r["findings"], 1);
    assert_eq!(r["status"], "warn");
    let row = &q["quarantine"][0];
    assert_eq!(row["rule"], "unknown_code");
    // cts.csv has 52 lines; the added row is line 53.
    assert_eq!(row["row"], 53);
    assert_eq!(row["source_id"], "mini-cts");
    assert!(
        row["reason"]
            .as_str()
            .unwrap()
            .contains("cts.csv: row 53, column Iso3_code: unknown country code `ZZZ`"),
        "{row}"
    );
    assert!(
        row["source_row"]
            .as_str()
            .unwrap()
            .starts_with("ZZZ | Zedland")
    );
    // The observation is not in the warehouse; the report's quality table counts it.
    let md = std::fs::read_to_string(tmp.path().join("out/report.md")).unwrap();
    assert!(md.contains("set aside one source row"), "{md}");
    let t10 = std::fs::read_to_string(tmp.path().join("out/tables/T10.csv")).unwrap();
    assert!(
        t10.lines().any(|l| l.starts_with(
            "Row rule,A country code or name no reference table knows (quarantined),1,1"
        )),
        "{t10}"
    );
}

#[test]
fn more_bad_rows_than_allowed_stop_the_run_and_leave_the_output() {
    let tmp = sandbox();
    assert!(
        run_in(tmp.path(), &["-q", "run", "pipeline.yaml"])
            .status
            .success()
    );
    let before = snapshot_dir(&tmp.path().join("out"));
    edit(&tmp.path().join("cts.csv"), |s| {
        s + ZZZ_ROW + &ZZZ_ROW.replace("2019", "2020")
    });
    with_quality(tmp.path(), "  unknown_code: { max: 1 }\n");
    let out = run_in(tmp.path(), &["run", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("2 rows failed the rule `unknown_code`, more than the 1 that `quality.unknown_code.max` allows; the first: "),
        "{err}"
    );
    assert!(
        err.contains("row 53, column Iso3_code: unknown country code `ZZZ`"),
        "{err}"
    );
    assert_eq!(before, snapshot_dir(&tmp.path().join("out")));
}

#[test]
fn warehouse_checks_list_what_the_fixture_holds_and_fail_above_their_max() {
    // Consecutive counts in the fixture: AAA 12 18 30 40; BBB 100 100 80 60; CCC 5 (2018),
    // 5 0 (2020–21); DDD 5 5 5 5; EEE 30 30 90 95; GBR_S 20 20 20 20 (its country GBR never
    // reports). Jumps beyond 2.5-fold with either count ≥ 1: EEE 2020 (30 → 90) and CCC 2021
    // (5 → 0); CCC 2018 → 2020 is not a year-to-year change.
    let tmp = sandbox();
    with_quality(
        tmp.path(),
        "  implausible_jump: { factor: 2.5, min_count: 1 }\n",
    );
    let out = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let q = json(&tmp.path().join("out/quality.json"));
    let found: Vec<String> = q["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["check_name"] != "rate_mismatch")
        .map(|c| {
            format!(
                "{} {} {}",
                c["check_name"].as_str().unwrap(),
                c["iso3"].as_str().unwrap(),
                c["year"]
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "implausible_jump CCC 2021",
            "implausible_jump EEE 2020",
            "subnational_without_national GBR_S 2018",
            "subnational_without_national GBR_S 2019",
            "subnational_without_national GBR_S 2020",
            "subnational_without_national GBR_S 2021",
        ]
    );
    assert_eq!(rule(&q, "implausible_jump")["status"], "warn");
    assert_eq!(rule(&q, "bad_value")["status"], "ok");

    // With min_count 10 CCC (5 → 0) is no longer a jump; with max 0 the one left fails the run.
    let before = snapshot_dir(&tmp.path().join("out"));
    edit(&tmp.path().join("pipeline.yaml"), |s| {
        s.replace(
            "implausible_jump: { factor: 2.5, min_count: 1 }",
            "implausible_jump: { factor: 2.5, min_count: 10, max: 0 }",
        )
    });
    let out = run_in(tmp.path(), &["run", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("quality check `implausible_jump` (count changes by more than the jump factor from one year to the next): 1 findings, more than the 0 that `quality.implausible_jump.max` allows; the first: Epsilonland (EEE) 2020: count 30 in 2019, 90 in 2020"),
        "{err}"
    );
    assert_eq!(before, snapshot_dir(&tmp.path().join("out")));
}

#[test]
fn a_quality_typo_is_a_config_error_with_the_known_keys() {
    let tmp = sandbox();
    with_quality(tmp.path(), "  implausible_jumps: { max: 3 }\n");
    let out = run_in(tmp.path(), &["run", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("unknown field `implausible_jumps`"), "{err}");
    assert!(err.contains("did you mean `implausible_jump`?"), "{err}");
}

#[test]
fn render_after_an_input_change_leaves_the_change_for_the_next_run() {
    let tmp = sandbox();
    assert!(
        run_in(tmp.path(), &["-q", "run", "pipeline.yaml"])
            .status
            .success()
    );
    // A new count in the source, then `render` (which reads only the published warehouse).
    edit(&tmp.path().join("cts.csv"), |s| {
        s.replace("2018,Counts,12,CTS", "2018,Counts,13,CTS")
    });
    let render = run_in(tmp.path(), &["-q", "render", "pipeline.yaml"]);
    assert!(render.status.success(), "{}", text(&render.stderr));
    let plan = run_in(tmp.path(), &["plan", "pipeline.yaml"]);
    let said = text(&plan.stdout);
    assert!(said.contains("ingest"), "{said}");
    assert!(!said.contains("Up to date"), "{said}");
    let run = run_in(tmp.path(), &["run", "pipeline.yaml"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(
        !text(&run.stdout).contains("Up to date"),
        "{}",
        text(&run.stdout)
    );
    let t6 = std::fs::read_to_string(tmp.path().join("out/tables/T6.csv")).unwrap();
    assert!(
        t6.lines().any(|l| l.starts_with("Alphaland,2018,13,")),
        "{t6}"
    );
}

#[test]
fn a_second_main_source_is_a_config_error() {
    let tmp = sandbox();
    edit(&tmp.path().join("pipeline.yaml"), |s| {
        s.replace(
            "population:\n",
            "  - id: again\n    layout: unodc-cts\n    path: cts.xlsx\n    release: \"x\"\n    citation: c\n    category: Kidnapping\npopulation:\n",
        )
    });
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("`sources` needs exactly one source with `role: main` (the default), the report's data; found 2"),
        "{err}"
    );
}

#[test]
fn acknowledged_findings_are_listed_but_only_new_ones_and_stale_acknowledgements_warn() {
    // The fixture's only check findings: Scotland (GBR_S) reports 2018–2021 without the
    // United Kingdom, four findings of subnational_without_national.
    let tmp = sandbox();
    let plain = run_in(tmp.path(), &["run", "pipeline.yaml"]);
    assert!(plain.status.success(), "{}", text(&plain.stderr));
    assert!(
        text(&plain.stderr).contains("check subnational_without_national: 4 new findings"),
        "{}",
        text(&plain.stderr)
    );

    let tmp = sandbox();
    with_quality(
        tmp.path(),
        "  acknowledged:\n    - { check: subnational_without_national, unit: GBR_S, reason: usual UN-CTS structure }\n    - { check: subnational_without_national, unit: GBR_S, year: 2017, reason: old }\n",
    );
    let out = run_in(tmp.path(), &["run", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("new finding"), "{err}");
    // The 2017 acknowledgement matches nothing: that warns.
    assert!(
        err.contains(
            "the acknowledgement of subnational_without_national for GBR_S 2017 matches no finding"
        ),
        "{err}"
    );
    let q = json(&tmp.path().join("out/quality.json"));
    let r = rule(&q, "subnational_without_national");
    assert_eq!(r["findings"], 4);
    assert_eq!(r["acknowledged"], 4);
    let checks = q["checks"].as_array().unwrap();
    assert_eq!(checks.len(), 4, "all findings are still listed");
    assert!(
        checks
            .iter()
            .all(|c| c["acknowledged"] == "usual UN-CTS structure")
    );
    assert_eq!(q["stale_acknowledgements"][0]["year"], 2017);

    // A misspelt check is a configuration error with a suggestion.
    let tmp = sandbox();
    with_quality(
        tmp.path(),
        "  acknowledged:\n    - { check: rate_mismatsh, unit: ALB, year: 2019, reason: known }\n",
    );
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("no check `rate_mismatsh` (did you mean `rate_mismatch`?)"),
        "{err}"
    );
}
