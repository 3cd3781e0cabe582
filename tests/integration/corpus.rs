//! The bad-input corpus (`tests/corpus/`, made by `make_corpus.py`): every malformed source or
//! pipeline gets one clear message (file, row or line, column, what was expected), the
//! documented exit code, no panic, and leaves the published output exactly as it was.
//! Valid variants (BOM, CRLF) must be accepted.

use std::process::Command;

use super::support::{localise, mini, root, sandbox, snapshot_dir};

/// (corpus file, exit code, text the message must contain).
const CASES: &[(&str, i32, &str)] = &[
    // Source files in place of cts.csv / cts.xlsx.
    ("empty.csv", 1, "cts.csv: no header row found"),
    (
        "header-only.csv",
        1,
        "cts.csv: no rows with Category = \"Kidnapping\"",
    ),
    (
        "wrong-header.csv",
        1,
        "no header row found in the first 20 rows; expected a row with the columns Iso3_code",
    ),
    (
        "missing-column.csv",
        1,
        "cts.csv: row 3: the header lacks column `Country`",
    ),
    ("bom.csv", 0, ""),
    ("crlf.csv", 0, ""),
    (
        "cp1252.csv",
        1,
        "cts.csv: row 4, column B (field 2): expected UTF-8 text",
    ),
    ("binary.csv", 1, "expected UTF-8 text"),
    (
        "non-numeric-value.csv",
        1,
        "cts.csv: row 6, column L (VALUE): expected a number ≥ 0 (or an empty cell), found \"eighteen\"",
    ),
    (
        "thousands-separator.csv",
        1,
        "column L (VALUE): expected a number ≥ 0 (or an empty cell), found \"1,000\"",
    ),
    (
        "negative-count.csv",
        1,
        "row 6, column L (VALUE): expected a number ≥ 0 (or an empty cell), found \"-18\"",
    ),
    ("na-marker.csv", 1, "found \"..\""),
    (
        "duplicate-rows.csv",
        1,
        "cts.csv: row 5: duplicate AAA 2018 count (first seen on row 4)",
    ),
    (
        "huge-cell.csv",
        1,
        "cts.csv: row 4, column B (Country): expected a cell of at most 1,000 characters",
    ),
    (
        "bad-year.csv",
        1,
        "row 6, column J (Year): expected a year between 1900 and 2100, found \"20l9\"",
    ),
    (
        "bad-unit.csv",
        1,
        "row 6, column K (Unit of measurement): expected `Counts` or `Rate per 100,000 population`",
    ),
    (
        "empty-code.csv",
        1,
        "row 4, column A (Iso3_code): expected a country code",
    ),
    (
        "unknown-code.csv",
        1,
        "unknown country code `BBX`; did you mean `BBB`?",
    ),
    ("unterminated-quote.csv", 1, "expected 13 fields"),
    (
        "not-a-zip.xlsx",
        1,
        "cts.xlsx: cannot read: not a readable xlsx workbook",
    ),
    (
        "truncated.xlsx",
        1,
        "cts.xlsx: cannot read: not a readable xlsx workbook",
    ),
    (
        "empty.xlsx",
        1,
        "cts.xlsx: cannot read: not a readable xlsx workbook",
    ),
    ("xlsx-empty-sheet.xlsx", 1, "cts.xlsx: no header row found"),
    // Valid, though no spreadsheet program stores rows out of order.
    ("xlsx-rows-out-of-order.xlsx", 0, ""),
    (
        "xlsx-no-value-column.xlsx",
        1,
        "cts.xlsx: row 3: the header lacks column `VALUE`",
    ),
    (
        "xlsx-text-value.xlsx",
        1,
        "cts.xlsx: row 6, column L (VALUE): expected a number ≥ 0 (or an empty cell), found \"n/a\"",
    ),
    // Pipelines in place of pipeline.yaml.
    ("unknown-key.yaml", 2, "pipeline.yaml:5:1"),
    ("unknown-nested-key.yaml", 2, "did you mean `category`?"),
    (
        "wrong-type.yaml",
        2,
        "params.first_year: invalid type: sequence, expected i32",
    ),
    (
        "missing-path.yaml",
        2,
        "file no-such-file.csv does not exist",
    ),
    (
        "bad-params.yaml",
        2,
        "`top_n_table` must be at least 1 (got 0)",
    ),
    (
        "unknown-layout.yaml",
        2,
        "unknown variant `unodc-ctz`, expected `unodc-cts`",
    ),
    ("empty.yaml", 2, "missing field `name`"),
    ("not-yaml.yaml", 2, "pipeline.yaml:1:7"),
    ("deeply-nested.yaml", 2, "unknown field `extra`"),
    ("alias-bomb.yaml", 2, "pipeline.yaml:1:1"),
    ("duplicate-key.yaml", 2, "duplicate field `name`"),
];

#[test]
fn every_malformed_input_is_refused_clearly_and_leaves_the_output_intact() {
    assert!(CASES.len() >= 25);
    let corpus = root().join("tests/corpus");
    let tmp = sandbox();
    let dir = tmp.path();
    let good_yaml = std::fs::read_to_string(dir.join("pipeline.yaml")).unwrap();
    // A hang is a failure too: each run gets two minutes (a debug build needs a few seconds).
    let run = || {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kidnap-trends"))
            .args(["run", "--force", "pipeline.yaml"])
            .current_dir(dir)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > std::time::Duration::from_secs(120) {
                let _ = child.kill();
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        child.wait_with_output().unwrap()
    };
    std::fs::write(dir.join("pipeline.yaml"), &good_yaml).unwrap();
    assert!(run().status.success());
    let published = snapshot_dir(&dir.join("out"));
    let mut failures = Vec::new();
    for (name, code, expect) in CASES {
        let case = corpus.join(name);
        let (target, yaml) = match name.rsplit('.').next() {
            Some("yaml") => (
                "pipeline.yaml",
                localise(&std::fs::read_to_string(&case).unwrap()),
            ),
            Some("xlsx") => (
                "cts.xlsx",
                good_yaml.replace("path: cts.csv", "path: cts.xlsx"),
            ),
            _ => ("cts.csv", good_yaml.clone()),
        };
        std::fs::write(dir.join("pipeline.yaml"), &yaml).unwrap();
        if target != "pipeline.yaml" {
            std::fs::copy(&case, dir.join(target)).unwrap();
        }
        let out = run();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let now = snapshot_dir(&dir.join("out"));
        let intact = *code == 0 || now == published;
        let ok = out.status.code() == Some(*code)
            && stderr.contains(expect)
            && !stderr.contains("panicked")
            && intact;
        if !ok {
            // Which published files changed, if any.
            let changed: Vec<String> = published
                .keys()
                .chain(now.keys())
                .filter(|k| published.get(*k) != now.get(*k))
                .map(|k| k.display().to_string())
                .collect();
            failures.push(format!(
                "{name}: exit {:?}, output changed: {changed:?}, stderr:\n{stderr}",
                out.status.code()
            ));
        }
        // Restore the good inputs and output for the next case.
        std::fs::copy(mini().join("cts.csv"), dir.join("cts.csv")).unwrap();
        std::fs::copy(mini().join("cts.xlsx"), dir.join("cts.xlsx")).unwrap();
        std::fs::write(dir.join("pipeline.yaml"), &good_yaml).unwrap();
        if *code == 0 {
            assert!(run().status.success());
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
