//! The real binary, end to end: outputs, exit codes, determinism, and bad input.

use std::path::{Path, PathBuf};

use super::support::{bin, copy_dir, edit, mini, root, run_in, sandbox, snapshot_dir, text};

#[test]
fn run_writes_the_whole_report_and_is_byte_identical_on_rerun() {
    let tmp = sandbox();
    let out = run_in(tmp.path(), &["run", "pipeline.yaml"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let dir = tmp.path().join("out");
    for f in [
        "report.html",
        "report.md",
        "report.docx",
        "annex.docx",
        "document.json",
        "manifest.json",
        "figures/F1.svg",
        "figures/F1.png",
        "figures/F2.svg",
        "figures/F2.png",
        "figures/F5.svg",
        "figures/F5.png",
        "tables/T1.csv",
        "tables/T2.csv",
        "tables/T3.csv",
        "warehouse/observations.parquet",
        "warehouse/population.parquet",
        "warehouse/countries.parquet",
    ] {
        assert!(dir.join(f).is_file(), "missing {f}");
    }
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    // Self-contained: no external scripts, styles, images or fonts.
    for bad in ["src=\"http", "href=\"http", "url(http", "<script", "<link"] {
        assert!(!html.contains(bad), "report.html contains {bad}");
    }
    assert_eq!(html.matches("<svg").count(), 8);
    // Every figure has alt text generated from the data, and a data table.
    assert_eq!(html.matches("<summary>Data for figure").count(), 8);
    assert!(
        html.contains("aria-label=\"Highest kidnapping rates"),
        "F5 alt text"
    );
    // The text as read, without the spans that give each computed number its address.
    let mut plain = String::new();
    let mut rest = html.as_str();
    while let Some(i) = rest.find("<span data-cell=\"") {
        plain.push_str(&rest[..i]);
        let after = &rest[i..];
        let (open, close) = (after.find('>').unwrap(), after.find("</span>").unwrap());
        plain.push_str(&after[open + 1..close]);
        rest = &after[close + "</span>".len()..];
    }
    plain.push_str(rest);
    let html = plain;
    // N4: AAA, EEE up; BBB down; DDD, GBR_S stable (see golden.rs).
    assert!(html.contains(
        "the rate rose in two, fell in one and stayed within ±10 per cent in two of the five"
    ));
    // N5: no region's panel reaches 50 % of its population: no comparison is made.
    assert!(html.contains("No region&#x27;s panel covers 50 per cent of its population"));
    // N6: 95 + 60 = 155 of 220 = 70.5 %.
    assert!(html.contains(
        "two countries and areas (Epsilonland; Betaland) accounted for 70 per cent of the 220"
    ));
    // N7: EEE's break.
    assert!(html.contains("One series shows a likely definitional or recording break"));
    // The standalone figure files keep their title block, with the document's numeral; the
    // document draws its figures bare and sets "Figure I" and the title as text.
    let f1 = std::fs::read_to_string(dir.join("figures/F1.svg")).unwrap();
    assert!(f1.contains("<title>Figure I. "), "figures/F1.svg");
    assert!(
        !html.contains("<title>Figure"),
        "a bare figure in the document"
    );
    assert!(html.contains("<span class=\"label\">Figure I</span> <strong>"));
    // N2: 220 kidnappings over 9.55 M people in 2021 → 2.303… → "2.3"; median (3 + 4)/2 = 3.5.
    assert!(
        html.contains("recorded a total of 220 kidnappings, a combined rate of 2.3 per 100,000"),
        "{html}"
    );
    assert!(html.contains("the median rate was 3.5"));
    assert!(html.contains("from 0.0 per 100,000 in Gammaland to 9.5 in Epsilonland"));
    // N3: (125/137 − 1) = −8.76 % is inside the ±10 % band → "broadly stable".
    assert!(html.contains("remained broadly stable (a decrease of 8.8 per cent) between 2018 and 2021, from 1.7 to 1.6"));
    // T3 in CSV: FFF first, with its 2020 year; '..' for what is not available.
    let t3 = std::fs::read_to_string(dir.join("tables/T3.csv")).unwrap();
    let lines: Vec<&str> = t3.lines().collect();
    assert_eq!(
        lines[1],
        "1,Philand (Plurinational State of),Americas,2020,300,10.0,..,.."
    );
    assert_eq!(lines[2], "2,Epsilonland,Asia,2021,95,9.5,7.2,208.3");
    // T2: Asia withheld (one panel unit).
    let t2 = std::fs::read_to_string(dir.join("tables/T2.csv")).unwrap();
    assert!(
        t2.lines().any(|l| l == "Asia,1,3.2,..,..,..,..,..,.."),
        "{t2}"
    );
    let md = std::fs::read_to_string(dir.join("report.md")).unwrap();
    assert!(md.contains("![") && md.contains("](figures/F1.svg)"));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["tables"]["observations"], 48);
    assert_eq!(manifest["inputs"][0]["path"], "cts.csv");
    assert_eq!(manifest["inputs"][0]["sha256"].as_str().unwrap().len(), 64);
    assert!(
        manifest["outputs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["path"] == "report.html")
    );

    let first = snapshot_dir(&dir);
    let again = run_in(tmp.path(), &["-q", "run", "--force", "pipeline.yaml"]);
    assert!(again.status.success());
    assert!(again.stdout.is_empty(), "-q prints nothing");
    let second = snapshot_dir(&dir);
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (k, v) in &first {
        assert!(second[k] == *v, "{} differs between runs", k.display());
    }
    // No staging or old folders are left behind, nor the lock (it exists while a run holds it).
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with('.')
        })
        .collect();
    assert!(leftovers.is_empty());
}

/// Run a good pipeline, break one input, run again: check the message, the exit code, and that
/// the published output is untouched.
fn bad_input(break_it: impl FnOnce(&Path), code: i32, expect: &[&str]) -> String {
    let tmp = sandbox();
    let good = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(good.status.success(), "{}", text(&good.stderr));
    let before = snapshot_dir(&tmp.path().join("out"));
    break_it(tmp.path());
    let bad = run_in(tmp.path(), &["run", "pipeline.yaml"]);
    let stderr = text(&bad.stderr);
    assert_eq!(bad.status.code(), Some(code), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for e in expect {
        assert!(stderr.contains(e), "expected {e:?} in:\n{stderr}");
    }
    assert_eq!(
        snapshot_dir(&tmp.path().join("out")),
        before,
        "published output changed"
    );
    stderr
}

#[test]
fn missing_source_file_is_a_config_error() {
    let err = bad_input(
        |d| std::fs::remove_file(d.join("cts.csv")).unwrap(),
        2,
        &["pipeline.yaml:8:11", "cts.csv does not exist"],
    );
    insta::assert_snapshot!(
        "missing_source",
        err.replace(&*tempfile::env::temp_dir().to_string_lossy(), "<tmp>")
    );
}

#[test]
fn yaml_typo_names_line_column_and_suggests_the_key() {
    let err = bad_input(
        |d| {
            edit(&d.join("pipeline.yaml"), |s| {
                s.replace("sources:", "sourcse:")
            })
        },
        2,
        &[
            "unknown field `sourcse`",
            "pipeline.yaml:5:1",
            "did you mean `sources`?",
        ],
    );
    insta::assert_snapshot!("yaml_typo", err);
}

#[test]
fn wrong_type_in_params_is_reported_with_its_line() {
    let err = bad_input(
        |d| {
            edit(&d.join("pipeline.yaml"), |s| {
                s.replace("first_year: 2018", "first_year: twenty")
            })
        },
        2,
        &["pipeline.yaml:21:15", "invalid type"],
    );
    insta::assert_snapshot!("wrong_type", err);
}

#[test]
fn header_without_value_column_names_file_row_and_column() {
    bad_input(
        |d| edit(&d.join("cts.csv"), |s| s.replacen(",VALUE,", ",VALU,", 1)),
        1,
        &["cts.csv: row 3: the header lacks column `VALUE`"],
    );
}

#[test]
fn non_numeric_value_names_file_row_and_column() {
    bad_input(
        |d| {
            edit(&d.join("cts.csv"), |s| {
                s.replacen("Counts,12,CTS", "Counts,twelve,CTS", 1)
            })
        },
        1,
        &[
            "cts.csv: row 4, column L (VALUE): expected a number ≥ 0 (or an empty cell), found \"twelve\"",
        ],
    );
}

#[test]
fn a_number_no_column_can_hold_is_a_bad_value_at_ingest() {
    for huge in ["1e308", "99999999999999999999"] {
        bad_input(
            |d| {
                edit(&d.join("cts.csv"), |s| {
                    s.replacen("Counts,12,CTS", &format!("Counts,{huge},CTS"), 1)
                })
            },
            1,
            &[&format!(
                "cts.csv: row 4, column L (VALUE): expected a number no larger than \
                 9,007,199,254,740,992 (2^53), found \"{huge}\""
            )],
        );
    }
}

#[test]
fn unknown_country_code_suggests_the_closest() {
    bad_input(
        |d| edit(&d.join("cts.csv"), |s| s.replace("\nBBB,", "\nBBX,")),
        1,
        &["unknown country code `BBX`", "did you mean `BBB`?"],
    );
}

#[test]
fn corrupt_xlsx_is_a_data_error() {
    bad_input(
        |d| {
            std::fs::write(d.join("cts.xlsx"), b"PK\x03\x04 not really a zip").unwrap();
            edit(&d.join("pipeline.yaml"), |s| {
                s.replace("path: cts.csv", "path: cts.xlsx")
            });
        },
        1,
        &["cts.xlsx: cannot read: not a readable xlsx workbook"],
    );
}

#[test]
fn validate_accepts_every_shipped_pipeline() {
    let mut pipelines: Vec<PathBuf> = std::fs::read_dir(root().join("pipelines"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    pipelines.sort();
    assert!(!pipelines.is_empty());
    let out = bin()
        .arg("validate")
        .args(&pipelines)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("ok: "));
}

#[test]
fn validate_rejects_a_broken_sql_file() {
    let tmp = sandbox();
    let q = tmp.path().join("queries");
    crate::support::copy_dir(&root().join("queries/ccpcj"), &q);
    std::fs::write(q.join("T9.sql"), "SELEC year FROM kidnapping").unwrap();
    edit(&tmp.path().join("pipeline.yaml"), |s| {
        s.replace(&*root().join("queries/ccpcj").to_string_lossy(), "queries")
    });
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("T9.sql"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let out = run_in(&root(), &["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let help = run_in(&root(), &["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("Examples:"));
}

#[test]
fn query_subcommand_answers_ad_hoc_sql_with_bound_parameters() {
    let out = run_in(
        &root(),
        &[
            "query",
            "tests/fixtures/mini/pipeline.yaml",
            "SELECT iso3, count FROM kidnapping WHERE year = $last_year AND iso3 < 'C' ORDER BY iso3",
            "--format",
            "csv",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "iso3,count\nAAA,40\nBBB,60\n");
}

#[test]
fn render_regenerates_from_the_warehouse_without_the_sources() {
    let tmp = sandbox();
    assert!(
        run_in(tmp.path(), &["-q", "run", "pipeline.yaml"])
            .status
            .success()
    );
    let before = std::fs::read(tmp.path().join("out/report.md")).unwrap();
    // The sources may be gone: render reads only the warehouse (and the population/country
    // files named for the manifest are still checked by `run`, not by `render`).
    std::fs::write(tmp.path().join("cts.csv"), "not the source any more").unwrap();
    let out = run_in(tmp.path(), &["-q", "render", "pipeline.yaml"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read(tmp.path().join("out/report.md")).unwrap(),
        before
    );
}

#[test]
fn an_unchanged_pipeline_is_not_rerun_and_a_template_edit_only_rerenders() {
    let tmp = sandbox();
    assert!(
        run_in(tmp.path(), &["-q", "run", "pipeline.yaml"])
            .status
            .success()
    );
    let before = snapshot_dir(&tmp.path().join("out"));
    let again = run_in(tmp.path(), &["run", "pipeline.yaml"]);
    assert!(again.status.success());
    assert!(
        text(&again.stdout).starts_with("Up to date: out"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(snapshot_dir(&tmp.path().join("out")), before);
    let plan = run_in(tmp.path(), &["plan", "pipeline.yaml"]);
    assert_eq!(
        text(&plan.stdout),
        "1 ingest: skip: unchanged\n2 query: skip: unchanged\n3 report: skip: unchanged\n"
    );
    // A changed input reruns everything; the plan says why.
    edit(&tmp.path().join("cts.csv"), |s| {
        s.replacen("Counts,12,CTS", "Counts,13,CTS", 1)
    });
    let plan = run_in(tmp.path(), &["plan", "pipeline.yaml"]);
    assert!(text(&plan.stdout).contains("1 ingest: run: input files or source settings changed"));
    edit(&tmp.path().join("cts.csv"), |s| {
        s.replacen("Counts,13,CTS", "Counts,12,CTS", 1)
    });
    // --force always runs.
    let forced = run_in(tmp.path(), &["run", "--force", "pipeline.yaml"]);
    assert!(
        text(&forced.stdout).contains("ingested"),
        "{}",
        text(&forced.stdout)
    );
}

#[test]
fn touching_an_input_is_no_change_but_new_bytes_of_the_same_size_are() {
    use sha2::Digest;
    use std::time::{Duration, SystemTime};
    let set_mtime = |path: &Path, t: SystemTime| {
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(t)
            .unwrap();
    };
    let tmp = sandbox();
    assert!(
        run_in(tmp.path(), &["-q", "run", "pipeline.yaml"])
            .status
            .success()
    );
    let out = tmp.path().join("out");
    let before = snapshot_dir(&out);
    let csv = tmp.path().join("cts.csv");
    let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_750_000_000);

    // Touched: same bytes, another modification time.
    set_mtime(&csv, t0);
    let again = run_in(tmp.path(), &["run", "pipeline.yaml"]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(
        text(&again.stdout).starts_with("Up to date: out"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(snapshot_dir(&out), before);

    // Other bytes of the same size, and a modification time one second later.
    let len = std::fs::metadata(&csv).unwrap().len();
    edit(&csv, |s| s.replacen("Counts,12,CTS", "Counts,13,CTS", 1));
    assert_eq!(std::fs::metadata(&csv).unwrap().len(), len);
    set_mtime(&csv, t0 + Duration::from_secs(1));
    let rerun = run_in(tmp.path(), &["run", "pipeline.yaml"]);
    assert!(rerun.status.success(), "{}", text(&rerun.stderr));
    assert!(
        text(&rerun.stdout).contains("ingested"),
        "{}",
        text(&rerun.stdout)
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let sha: String = sha2::Sha256::digest(std::fs::read(&csv).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(manifest["inputs"][0]["path"], "cts.csv");
    assert_eq!(manifest["inputs"][0]["sha256"], sha.as_str());
}

#[test]
fn a_second_run_on_a_locked_output_exits_4_with_a_clear_message() {
    let tmp = sandbox();
    let held = kidnap_trends::store::lock(&tmp.path().join("out")).unwrap();
    let out = run_in(tmp.path(), &["run", "pipeline.yaml"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(
        text(&out.stderr).contains("another kidnap-trends run is writing out"),
        "{}",
        text(&out.stderr)
    );
    drop(held);
    assert!(
        run_in(tmp.path(), &["-q", "run", "pipeline.yaml"])
            .status
            .success()
    );
}

#[test]
fn a_run_killed_at_any_point_leaves_the_previous_output_complete() {
    let tmp = sandbox();
    assert!(
        run_in(tmp.path(), &["-q", "run", "pipeline.yaml"])
            .status
            .success()
    );
    let before = snapshot_dir(&tmp.path().join("out"));
    // Kill forced reruns with SIGKILL at several moments (start-up, ingest, queries, figures,
    // publishing); each time the published output must be exactly the previous one.
    for delay_ms in [5u64, 40, 150, 400, 800, 1500, 2500] {
        let mut child = bin()
            .args(["-q", "run", "--force", "pipeline.yaml"])
            .current_dir(tmp.path())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let now = snapshot_dir(&tmp.path().join("out"));
        // Either the kill came before publication (previous output intact) or after it (a
        // complete new output, byte-identical since the inputs did not change).
        assert_eq!(now, before, "output changed after a kill at {delay_ms} ms");
    }
    let next = run_in(tmp.path(), &["run", "--force", "pipeline.yaml"]);
    assert!(next.status.success(), "{}", text(&next.stderr));
    assert_eq!(snapshot_dir(&tmp.path().join("out")), before);
    let leftovers: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".staging-") || n.contains(".old-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn diff_of_a_release_with_itself_finds_nothing_and_writes_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("d.csv");
    let f = mini().join("cts.csv");
    let x = mini().join("cts.xlsx");
    let out = run_in(
        &root(),
        &[
            "diff",
            f.to_str().unwrap(),
            x.to_str().unwrap(),
            "--csv",
            csv.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("changed  counts      0 (0 large)"),
        "{stdout}"
    );
    assert!(stdout.contains("added    rates       0"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        "status,unit,iso3,country,year,old_value,new_value,relative_change,large\n"
    );
    let missing = run_in(&root(), &["diff", "no-such.xlsx", f.to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("no-such.xlsx does not exist"));
}

#[test]
fn run_prints_the_preview_table_as_the_report_formats_it() {
    let tmp = sandbox();
    let out = run_in(tmp.path(), &["run", "pipeline.yaml"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let csv = std::fs::read_to_string(tmp.path().join("out/tables/T3.csv")).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    assert!(stdout.contains("Table 3. "), "{stdout}");
    for h in header {
        assert!(stdout.contains(h), "header {h} missing:\n{stdout}");
    }
    // The first row's cells as table 3 prints them (the CSV has the same cells).
    let first: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
    let line = stdout.lines().find(|l| l.starts_with("1 ")).unwrap();
    for cell in first {
        assert!(line.contains(cell), "{cell} missing from {line:?}");
    }
}

#[test]
fn editing_any_file_of_the_report_folder_rerenders_without_reingesting() {
    let tmp = sandbox();
    let report = tmp.path().join("report");
    let shipped = root().join("reports/ccpcj-kidnapping");
    copy_dir(&shipped, &report);
    edit(&tmp.path().join("pipeline.yaml"), |s| {
        s.replace(&shipped.to_string_lossy().into_owned(), "report")
    });
    let first = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let plan = |tmp: &std::path::Path| text(&run_in(tmp, &["plan", "pipeline.yaml"]).stdout);
    assert!(plan(tmp.path()).contains("3 report: skip: unchanged"));
    // A chapter in a subfolder and the narrative template are inputs of the report step.
    for (file, change) in [
        ("chapters/introduction.md", "Mandate and sources.\n"),
        ("narrative.j2", ""),
    ] {
        let path = report.join(file);
        let before = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{before}{change}\n")).unwrap();
        let p = plan(tmp.path());
        // The sources are not read again; the report (with the queries it shows) is redone.
        assert!(p.contains("1 ingest: skip"), "{file}: {p}");
        assert!(
            p.contains("3 report: run: report spec or templates changed"),
            "{file}: {p}"
        );
        let m = std::fs::read_to_string(tmp.path().join("out/manifest.json")).unwrap();
        assert!(
            m.contains(file),
            "{file} is listed in the manifest's report files"
        );
        std::fs::write(&path, before).unwrap();
    }
}

#[test]
fn a_warehouse_with_other_tables_is_rebuilt_by_run_and_refused_by_render() {
    // An output published by another version of the tool, whose tables differ: its manifest
    // records another warehouse schema.
    let tmp = sandbox();
    assert!(
        run_in(tmp.path(), &["-q", "run", "pipeline.yaml"])
            .status
            .success()
    );
    let manifest = tmp.path().join("out/manifest.json");
    let text_before = std::fs::read_to_string(&manifest).unwrap();
    let i = text_before.find(" schema ").unwrap() + " schema ".len();
    let older = format!(
        "{}0000000000000000{}",
        &text_before[..i],
        &text_before[i + 16..]
    );
    std::fs::write(&manifest, older).unwrap();
    let render = run_in(tmp.path(), &["-q", "render", "pipeline.yaml"]);
    assert_eq!(render.status.code(), Some(2), "{}", text(&render.stderr));
    assert!(text(&render.stderr).contains("another version of kidnap-trends"));
    // `run` reads the sources again instead of reusing the warehouse.
    let run = run_in(tmp.path(), &["run", "pipeline.yaml"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(
        text(&run.stdout).contains("ingested"),
        "{}",
        text(&run.stdout)
    );
}

#[test]
fn two_checkouts_at_other_paths_write_the_same_bytes() {
    // The same inputs in two folders: every artefact — the Word manuscript and the tagged PDF
    // included — is byte for byte the same (no path, time or machine inside any file).
    let a = sandbox();
    let b = sandbox();
    for dir in [a.path(), b.path()] {
        let out = run_in(dir, &["-q", "run", "pipeline.yaml"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let first = crate::support::snapshot_dir(&a.path().join("out"));
    let second = crate::support::snapshot_dir(&b.path().join("out"));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(
            second[path] == *bytes,
            "{} differs between the two folders",
            path.display()
        );
    }
    for f in [
        "report.pdf",
        "annex.pdf",
        "report.docx",
        "annex.docx",
        "warehouse/lineage.parquet",
    ] {
        assert!(first.contains_key(std::path::Path::new(f)), "{f}");
    }
}
