//! `validate` reports every problem of a pipeline in one run: every YAML error at the parser's
//! position, broken templates, SQL that does not plan, and report columns no query returns.

use crate::support::{copy_dir, edit, own_report, root, run_in, sandbox, text};

#[test]
fn three_typos_in_one_pipeline_come_in_one_run() {
    let tmp = sandbox();
    let pipeline = tmp.path().join("pipeline.yaml");
    edit(&pipeline, |s| {
        s.replacen("sources:", "sourcse:", 1)
            .replacen("first_year:", "first_yeer:", 1)
            .replacen("top_n_table: 3", "top_n_table: ten", 1)
    });
    let yaml = std::fs::read_to_string(&pipeline).unwrap();
    let line_of = |needle: &str| yaml.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    for (needle, col, message, help) in [
        (
            "sourcse:",
            1,
            "unknown field `sourcse`",
            Some("did you mean `sources`?"),
        ),
        (
            "first_yeer:",
            3,
            "unknown field `first_yeer`",
            Some("did you mean `first_year`?"),
        ),
        ("top_n_table: ten", 16, "invalid type: string \"ten\"", None),
    ] {
        assert!(err.contains(message), "{message} missing:\n{err}");
        let at = format!("pipeline.yaml:{}:{col}", line_of(needle));
        assert!(err.contains(&at), "{at} missing:\n{err}");
        assert!(err.contains(&format!(
            "| {}",
            yaml.lines().nth(line_of(needle) - 1).unwrap()
        )));
        if let Some(h) = help {
            assert!(err.contains(h), "{h} missing:\n{err}");
        }
    }
    assert!(err.contains("3 errors in pipeline.yaml"), "{err}");
}

#[test]
fn a_missing_file_is_reported_where_the_key_is_not_where_a_comment_mentions_it() {
    let tmp = tempfile::tempdir().unwrap();
    let data = root().join("data");
    let yaml = std::fs::read_to_string(root().join("pipelines/ccpcj-kidnapping.yaml"))
        .unwrap()
        .replace("../data", &data.to_string_lossy())
        .replace("../queries", &root().join("queries").to_string_lossy())
        .replace("../reports", &root().join("reports").to_string_lossy())
        .replace("reference/aliases.csv\n", "reference/no-such-aliases.csv\n");
    let line = yaml
        .lines()
        .position(|l| l.trim_start().starts_with("aliases:"))
        .unwrap()
        + 1;
    assert!(
        yaml.lines()
            .take(line - 1)
            .any(|l| l.contains("aliases.csv")),
        "the shipped pipeline mentions the file in a comment above the key"
    );
    std::fs::write(tmp.path().join("p.yaml"), yaml).unwrap();
    let out = run_in(tmp.path(), &["validate", "p.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("no-such-aliases.csv does not exist"), "{err}");
    assert!(err.contains(&format!("p.yaml:{line}:12")), "{err}");
}

#[test]
fn templates_sql_and_report_columns_are_all_checked_at_once() {
    let tmp = sandbox();
    let report = tmp.path().join("report");
    let sql = tmp.path().join("sql");
    copy_dir(&root().join("reports/ccpcj-kidnapping"), &report);
    copy_dir(&root().join("queries/ccpcj"), &sql);
    edit(&tmp.path().join("pipeline.yaml"), |s| {
        s.replace(
            &root()
                .join("reports/ccpcj-kidnapping")
                .to_string_lossy()
                .into_owned(),
            &report.to_string_lossy(),
        )
        .replace(
            &root().join("queries/ccpcj").to_string_lossy().into_owned(),
            &sql.to_string_lossy(),
        )
    });
    let good = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    assert!(good.status.success(), "{}", text(&good.stderr));
    // Three problems in three files; `validate` used to pass the first and stop at the second.
    edit(&report.join("narrative.j2"), |s| s + "{% if %}\n");
    edit(&sql.join("T4.sql"), |s| s.replacen("SELECT", "SELEC", 1));
    edit(&report.join("report.yaml"), |s| {
        s.replacen("field: panel_n,", "field: panel_count,", 1)
    });
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    for expect in [
        "narrative.j2: line",
        "syntax error",
        "T4.sql: SQL error",
        "table T2: `field: panel_count` is not a column of query T2",
        // Its heading is attribute .panel_count of T2-columns, which the catalogue lacks.
        "uses message T2-columns.panel_count",
        "4 problems in pipeline.yaml",
    ] {
        assert!(err.contains(expect), "{expect} missing:\n{err}");
    }
    assert!(!tmp.path().join("out").exists(), "validate wrote nothing");
}

#[test]
fn checks_run_on_after_a_wrongly_typed_required_key() {
    // A wrongly typed required value used to end the reading: the missing file below it, and
    // the unknown table stage, were only reported after the first fix.
    let tmp = sandbox();
    let pipeline = tmp.path().join("pipeline.yaml");
    edit(&pipeline, |s| {
        s.replacen("top_n_table: 3", "top_n_table: ten", 1)
            .replacen("last_year: 2021", "last_year: [2021]", 1)
            .replacen("population.csv", "no-such-population.csv", 1)
    });
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    for expect in [
        "params.top_n_table: invalid type: string \"ten\", expected i64",
        "params.last_year: invalid type: sequence, expected i32",
        "no-such-population.csv does not exist",
        "3 errors in pipeline.yaml",
    ] {
        assert!(err.contains(expect), "{expect} missing:\n{err}");
    }
    // The placeholders that stood in for the two values are never reported themselves (no
    // "first_year after last_year", no "top_n_table must be positive").
    assert_eq!(err.matches("error:").count(), 3, "{err}");
}

#[test]
fn report_yaml_problems_come_all_at_once_at_their_lines() {
    let tmp = sandbox();
    let report = own_report(tmp.path());
    let yaml = report.join("report.yaml");
    edit(&yaml, |s| {
        s.replacen("preview: T3", "preview: T33", 1)
            .replacen("    query: T3\n", "    query: T3x\n", 1)
            .replacen("  annex:", "  anex:", 1)
            .replacen("kind: dumbbell\n", "kind: dumbbell\n    x: year\n", 1)
            .replacen("    median: median_rate\n", "", 1)
    });
    let text_of = std::fs::read_to_string(&yaml).unwrap();
    let line_of = |needle: &str| text_of.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    for (expect, needle, below) in [
        ("unknown field `anex`", "anex:", 0),
        ("no query named `T3x`", "query: T3x", 0),
        ("preview: no table with id `T33`", "preview: T33", 0),
        (
            "figure F6: a dumbbell chart does not read `x`",
            "kind: dumbbell",
            1,
        ),
        ("figure F4: a strip chart needs `median`", "kind: strip", 0),
    ] {
        assert!(err.contains(expect), "{expect} missing:\n{err}");
        let at = format!("report.yaml:{}:", line_of(needle) + below);
        assert!(err.contains(&at), "{at} missing:\n{err}");
    }
    assert!(err.contains("did you mean `annex`?"), "{err}");
    assert!(err.contains("did you mean `T3`?"), "{err}");
}

/// A number printed without the filter that says what it is (`{{ n.N7.confirmed }}` instead of
/// a message printing it with NUM) is an error at its file and line, even in a branch that the
/// dry run (no observations) does not take; so is a year without `| year`; and a message of the
/// catalogue naming a value it does not have is an error naming the catalogue and the message.
#[test]
fn a_bare_number_in_running_text_is_a_validate_error() {
    let tmp = sandbox();
    let report = own_report(tmp.path());
    let narrative = report.join("narrative.j2");
    let original = std::fs::read_to_string(&narrative).unwrap();
    let line_of = |needle: &str| {
        original
            .lines()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} not in narrative.j2"))
            + 1
    };
    let n7 = line_of("{{ t(\"n7-breaks\", confirmed=n.N7.confirmed) }}");
    std::fs::write(
        &narrative,
        original.replace(
            "{{ t(\"n7-breaks\", confirmed=n.N7.confirmed) }}",
            "{{ t(\"n7-breaks\", confirmed=n.N7.confirmed) }} {{ n.N7.confirmed }}",
        ),
    )
    .unwrap();
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    for expect in [
        format!("narrative.j2: line {n7}"),
        "printed without a filter that says what it is".into(),
        "`| num`".into(),
    ] {
        assert!(err.contains(&expect), "{expect} missing:\n{err}");
    }
    // A year printed bare in the Summary.
    std::fs::write(&narrative, &original).unwrap();
    edit(&report.join("summary.j2"), |s| {
        s.replacen(
            "{{ t(\"summary-caveat\") }}",
            "{{ t(\"summary-caveat\") }} {{ p.first_year }}",
            1,
        )
    });
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("summary.j2: line") && err.contains("the number 2018"),
        "{err}"
    );
    // A title naming a value no message has.
    edit(&report.join("summary.j2"), |s| {
        s.replacen(" {{ p.first_year }}", "", 1)
    });
    edit(&report.join("locales/en/report.ftl"), |s| {
        s.replacen(
            "by region, { $first_year }",
            "by region, { $first_yaer }",
            1,
        )
    });
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("report.ftl") && err.contains("message F1") && err.contains("first_yaer"),
        "{err}"
    );
}

/// A table column's `text` and a figure's `series_text` are checked by `validate` over a row of
/// their query with sample numbers, though the dry run's tables are empty.
#[test]
fn a_bare_number_in_a_row_text_is_a_validate_error() {
    let tmp = sandbox();
    let report = own_report(tmp.path());
    let catalogue = report.join("locales/en/report.ftl");
    edit(&catalogue, |s| {
        s.replacen(
            "(count { DECIMALS($prev_count, places: 0) }",
            "(count { NOSUCH($prev_count) }",
            1,
        )
    });
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("report.ftl") && err.contains("T7-change") && err.contains("NOSUCH"),
        "{err}"
    );
    // Said once, not once for each sample number.
    assert_eq!(err.matches("message T7-change").count(), 1, "{err}");
    // A figure's series name with a function that does not exist, in the branch a sample row
    // takes (its text columns hold a placeholder word, so a branch on a code is not taken).
    edit(&catalogue, |s| {
        s.replacen(
            "(count { NOSUCH($prev_count) }",
            "(count { DECIMALS($prev_count, places: 0) }",
            1,
        )
        .replacen("*[other] Down", "*[other] { NOSUCH($units) }", 1)
    });
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("report.ftl") && err.contains("F8-series") && err.contains("NOSUCH"),
        "{err}"
    );
}

/// A value a row text names and its query does not give is an error, not an empty string.
#[test]
fn a_misspelt_row_value_is_a_validate_error() {
    let tmp = sandbox();
    let report = own_report(tmp.path());
    edit(&report.join("locales/en/report.ftl"), |s| {
        s.replacen(
            "{ DECIMALS($prev_rate, places: 2) }",
            "{ DECIMALS($prev_rat, places: 2) }",
            1,
        )
    });
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("report.ftl") && err.contains("T7-change") && err.contains("prev_rat"),
        "{err}"
    );
}

/// The catalogue against the report: a message the report uses and the catalogue lacks (in a
/// branch no sample takes too), a message nothing uses, a message without its translators'
/// comment are `validate` errors, each naming its file.
#[test]
fn the_catalogue_has_every_message_the_report_uses_and_no_other() {
    let tmp = sandbox();
    let report = own_report(tmp.path());
    let catalogue = report.join("locales/en/narrative.ftl");
    edit(&catalogue, |s| {
        s.replacen("\nn5-one = ", "\nn5-single = ", 1) + "\nstray-words = Nothing uses this.\n"
    });
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    for expect in [
        "narrative.j2: uses message n5-one, which the \"en\" catalogue does not have",
        "narrative.ftl: line",
        "message n5-single is used nowhere in the report",
        "message stray-words has no comment",
        "message stray-words is used nowhere",
    ] {
        assert!(err.contains(expect), "{expect} missing:\n{err}");
    }
}
