//! Lineage: the source cells behind each address, worked out by hand on the fixture
//! (tests/fixtures/mini/cts.csv: line 4 is AAA's 2018 count, line 5 its rate, and so on), and
//! the "Source:" lines built from them.

use std::collections::BTreeSet;

use datafusion::common::ScalarValue;
use kidnap_trends::store::warehouse::Warehouse;

use crate::support::{default_output, results, run_in, sandbox, text};

/// (source, unit, year, measure, file, row) of every cell of `address`.
fn cells(address: &str) -> BTreeSet<(String, String, i64, String, String, i64)> {
    let t = &results()["lineage"];
    let c = |n: &str| t.column(n).unwrap_or_else(|| panic!("no column {n}"));
    let (a, s, u, y, m, f, r) = (
        c("address"),
        c("source_id"),
        c("iso3"),
        c("year"),
        c("unit"),
        c("file"),
        c("row"),
    );
    t.rows
        .iter()
        .filter(|row| row[a].as_text() == address)
        .map(|row| {
            (
                row[s].as_text(),
                row[u].as_text(),
                row[y].as_f64().unwrap() as i64,
                row[m].as_text(),
                row[f].as_text(),
                row[r].as_f64().map_or(-1, |v| v as i64),
            )
        })
        .collect()
}

fn count(iso3: &str, year: i64, row: i64) -> (String, String, i64, String, String, i64) {
    let m = "mini-cts".to_string();
    (m, iso3.into(), year, "count".into(), "cts.csv".into(), row)
}

#[test]
fn a_bar_of_figure_1_rests_on_the_counts_it_counts() {
    // Europe, 2018: AAA (line 4), BBB (line 12) and Scotland (line 42) report a count.
    let expected: BTreeSet<_> = [
        count("AAA", 2018, 4),
        count("BBB", 2018, 12),
        count("GBR_S", 2018, 42),
    ]
    .into_iter()
    .collect();
    assert_eq!(cells("F1/Europe/2018"), expected);
}

#[test]
fn a_cell_is_named_by_its_column_and_its_text() {
    // Line 4 of cts.csv: `AAA,…,2018,Counts,12,CTS`; the value is column L, `VALUE`.
    let t = &results()["lineage"];
    let c = |n: &str| t.column(n).unwrap();
    let row = t
        .rows
        .iter()
        .find(|r| r[c("address")].as_text() == "F1/Europe/2018" && r[c("iso3")].as_text() == "AAA")
        .unwrap();
    assert_eq!(row[c("column_name")].as_text(), "L (VALUE)");
    assert_eq!(row[c("cell")].as_text(), "12");
    // A World Bank population: population.csv's line 7 is `AAA,AAA,2021,1000000`.
    let pop = t
        .rows
        .iter()
        .find(|r| {
            r[c("address")].as_text() == "N2/combined_rate"
                && r[c("iso3")].as_text() == "AAA"
                && r[c("unit")].as_text() == "population"
        })
        .unwrap();
    assert_eq!(pop[c("row")].as_f64(), Some(7.0));
    assert_eq!(pop[c("column_name")].as_text(), "D (Value)");
    assert_eq!(pop[c("cell")].as_text(), "1000000");
}

#[test]
fn the_total_of_kidnappings_rests_on_the_first_of_duplicate_rows() {
    // N2's 2021 total: AAA 40 (line 10; line 52 repeats AAA 2021 and is quarantined), BBB 60
    // (18), CCC 0 (24), DDD 5 (32), EEE 95 (40) and Scotland 20 (48, its country does not
    // report).
    let expected: BTreeSet<_> = [
        count("AAA", 2021, 10),
        count("BBB", 2021, 18),
        count("CCC", 2021, 24),
        count("DDD", 2021, 32),
        count("EEE", 2021, 40),
        count("GBR_S", 2021, 48),
    ]
    .into_iter()
    .collect();
    assert_eq!(cells("N2/kidnappings"), expected);
    let sum: f64 = [40.0, 60.0, 0.0, 5.0, 95.0, 20.0].iter().sum();
    crate::support::approx(
        &results()["N2"].rows[0][results()["N2"].column("kidnappings").unwrap()],
        sum,
    );
}

#[test]
fn a_population_the_source_implies_rests_on_its_count_and_rate() {
    // The combined rate: World Bank population for AAA–EEE in 2021; Scotland has none, so its
    // population is count ÷ rate × 100,000 and its cells are lines 48 and 49.
    let got = cells("N2/combined_rate");
    // population.csv: 8 lines per unit from 2016, after the header; 2021 is the sixth.
    let pop = |iso3: &str| {
        let row = 2
            + 8 * ["AAA", "BBB", "CCC", "DDD", "EEE"]
                .iter()
                .position(|u| *u == iso3)
                .unwrap_or(9) as i64
            + 5;
        (
            "population".to_string(),
            iso3.to_string(),
            2021,
            "population".to_string(),
            "population.csv".to_string(),
            row,
        )
    };
    for iso3 in ["AAA", "BBB", "CCC", "DDD", "EEE"] {
        assert!(got.contains(&pop(iso3)), "{iso3}: {got:?}");
    }
    assert!(got.contains(&count("GBR_S", 2021, 48)), "{got:?}");
    let rate = (
        "mini-cts".to_string(),
        "GBR_S".to_string(),
        2021,
        "rate_per_100k".to_string(),
        "cts.csv".to_string(),
        49,
    );
    assert!(got.contains(&rate), "{got:?}");
    assert!(!got.contains(&pop("GBR_S")));
}

#[test]
fn every_item_that_prints_numbers_has_lineage() {
    let spec = kidnap_trends::report::spec::load(
        &crate::support::root().join("reports/ccpcj-kidnapping/report.yaml"),
        &results().keys().cloned().collect::<Vec<_>>(),
    )
    .unwrap();
    let t = &results()["lineage"];
    let item = t.column("item").unwrap();
    let items: BTreeSet<String> = t.rows.iter().map(|r| r[item].as_text()).collect();
    let printed = spec
        .figures
        .iter()
        .map(|f| (f.id.clone(), f.query.clone()))
        .chain(spec.tables.iter().map(|t| (t.id.clone(), t.query.clone())));
    for (id, query) in printed {
        if !results()[&query].rows.is_empty() {
            assert!(items.contains(&id), "{id} prints rows but has no lineage");
        }
    }
}

#[test]
fn each_figure_cites_the_data_it_uses() {
    let tmp = sandbox();
    let out = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let md = std::fs::read_to_string(tmp.path().join("out/report.md")).unwrap();
    let after = |heading: &str| -> String {
        let start = md
            .find(heading)
            .unwrap_or_else(|| panic!("{heading} in {md}"));
        md[start..]
            .lines()
            .find(|l| l.starts_with("*Source:"))
            .unwrap()
            .to_string()
    };
    // Figure I counts reporting units: the counts only, no population.
    assert_eq!(after("Figure I\n"), "*Source: Fixture UN-CTS file.*");
    // Figure II's rates divide by population.
    assert_eq!(
        after("Figure II\n"),
        "*Source: Fixture UN-CTS file; population: Fixture population (vintage 2025).*"
    );
}

#[test]
fn the_default_report_cites_only_what_each_item_uses() {
    let out = default_output();
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    let cts = "UNODC, Violent and sexual crime, UN-CTS, data portal release 2 June 2025";
    let sources = |heading: &str| -> String {
        let start = md.find(heading).unwrap_or_else(|| panic!("{heading}"));
        md[start..]
            .lines()
            .find(|l| l.starts_with("*Source:"))
            .unwrap()
            .to_string()
    };
    assert_eq!(sources("Figure I\n"), format!("*Source: {cts}.*"));
    let f2 = sources("Figure II\n");
    assert!(
        f2.starts_with(&format!("*Source: {cts}; population: World Bank")),
        "{f2}"
    );
    for other in ["Colombia", "SESNSP", "UNSD", "legacy"] {
        assert!(!f2.contains(other), "{f2}");
    }
    // Table 9 compares the main release with the other publications: it cites them all.
    let t9 = sources("The same statistics in other publications");
    for other in [
        "DIJIN",
        "SESNSP",
        "UNSD",
        "legacy per-crime",
        "2011–2015",
        cts,
    ] {
        assert!(t9.contains(other), "{other} not in {t9}");
    }
    // The lineage is a warehouse table, counted in the manifest.
    assert!(out.join("warehouse/lineage.parquet").is_file());
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert!(
        manifest["tables"]["lineage"].as_u64().unwrap() > 1000,
        "{}",
        manifest["tables"]
    );
}

#[test]
fn table_numbers_carry_their_address_and_query_reads_the_lineage() {
    let tmp = sandbox();
    let out = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let html = std::fs::read_to_string(tmp.path().join("out/report.html")).unwrap();
    // AAA's 2021 rate in table 3, as `explain T3/AAA/rate` names it.
    assert!(
        html.contains("<td class=\"num\" data-cell=\"T3/AAA/rate\">4.0</td>"),
        "{html}"
    );
    let q = run_in(
        tmp.path(),
        &[
            "query",
            "pipeline.yaml",
            "SELECT count(*) AS n FROM lineage WHERE address = 'N2/kidnappings'",
            "--format",
            "csv",
        ],
    );
    assert!(q.status.success(), "{}", text(&q.stderr));
    assert_eq!(text(&q.stdout), "n\n6\n");
    // The inputs change: query still answers from what was published, and says so.
    let cts = tmp.path().join("cts.csv");
    let edited =
        std::fs::read_to_string(&cts)
            .unwrap()
            .replacen("2021,Counts,40,", "2021,Counts,41,", 1);
    std::fs::write(&cts, edited).unwrap();
    let q = run_in(
        tmp.path(),
        &[
            "query",
            "pipeline.yaml",
            "SELECT count FROM kidnapping WHERE iso3 = 'AAA' AND year = 2021",
            "--format",
            "csv",
        ],
    );
    assert!(q.status.success(), "{}", text(&q.stderr));
    assert_eq!(text(&q.stdout), "count\n40\n");
    assert!(
        text(&q.stderr).contains("the inputs changed since"),
        "{}",
        text(&q.stderr)
    );
}

#[test]
fn a_summed_value_is_one_lineage_row_and_explain_lists_every_cell_it_adds() {
    // Colombia's 2010 kidnappings in table 9: the police file's column H (2010) summed over
    // its municipality rows. Worked out from the csv here: every row from line 10 up to the
    // TOTAL row, and the sum of their 2010 cells.
    let out = default_output();
    let csv = std::fs::read_to_string(
        crate::support::root().join("data/colombia-dijin-secuestro/secuestro_2010_2016.csv"),
    )
    .unwrap();
    let (mut rows, mut total) = (0usize, 0.0);
    for line in csv.lines().skip(9) {
        let f: Vec<&str> = line.split(',').collect();
        if f[0].trim().starts_with("TOTAL") {
            break;
        }
        rows += 1;
        total += f[7].trim().parse::<f64>().unwrap();
    }
    let p = kidnap_trends::config::load(
        &crate::support::root().join("pipelines/ccpcj-kidnapping.yaml"),
    )
    .unwrap();
    let session = kidnap_trends::explain::Published::open(&p, Some(out)).unwrap();
    let e = session
        .explain(&["T9/colombia-dijin/count/in_both".to_string()])
        .unwrap();
    let line = e
        .text
        .lines()
        .find(|l| l.contains("colombia-dijin") && l.ends_with("(COL 2010 count)"))
        .unwrap_or_else(|| panic!("{}", e.text));
    assert!(
        line.contains(&format!(
            "the sum of {rows} cells: row 10 H (2010) \"1\" + row 11"
        )),
        "{line}"
    );
    // One lineage row stands for the sum; `cells` says how many it adds up.
    let q = crate::support::bin()
        .args(["query"])
        .arg(crate::support::root().join("pipelines/ccpcj-kidnapping.yaml"))
        .arg(
            "SELECT l.cells, l.value, (SELECT count(*) FROM source_cells s WHERE \
             s.source_id = l.source_id AND s.iso3 = 'COL' AND s.year = 2010 AND \
             s.unit = 'count') AS listed FROM lineage l WHERE l.address = \
             'T9/colombia-dijin/count' AND l.source_id = 'colombia-dijin' AND l.year = 2010",
        )
        .args(["--format", "csv", "--out"])
        .arg(out)
        .output()
        .unwrap();
    assert!(q.status.success(), "{}", text(&q.stderr));
    assert_eq!(
        text(&q.stdout),
        format!("cells,value,listed\n{rows},{total},{rows}\n")
    );
}

/// The lineage resolved by the tool, against the same resolution written in SQL
/// (`tests/sql/lineage_cells.sql`) and run by DataFusion over the same warehouse and lineage
/// rows: the same rows, none twice, in the documented order.
fn resolution_agrees_with_sql(pipeline: &std::path::Path, warehouse: &Warehouse) {
    use kidnap_trends::query::lineage;
    let p = kidnap_trends::config::load(pipeline).unwrap();
    let (mut engine, _) = kidnap_trends::query::prepare::prepare(&p, warehouse).unwrap();
    let parts: Vec<_> = p
        .lineage_files()
        .unwrap()
        .iter()
        .map(|(item, file)| lineage::run_one(&engine, item, file).unwrap())
        .collect();
    let ours = lineage::resolve(warehouse, &p, parts.clone()).unwrap();
    engine
        .register_batch("lineage_raw", lineage::rows(parts).unwrap())
        .unwrap();
    engine.bind(
        "population_file",
        ScalarValue::Utf8(Some(lineage::population_file(&p))),
    );
    let file = crate::support::root().join("tests/sql/lineage_cells.sql");
    let sql = std::fs::read_to_string(&file).unwrap();
    let theirs = engine.run_sql(&file, &sql).unwrap();
    let table = |batches: &[arrow::array::RecordBatch]| {
        kidnap_trends::query::to_table(std::path::Path::new("lineage"), batches).unwrap()
    };
    let (ours, theirs) = (table(std::slice::from_ref(&ours)), table(&theirs));
    assert_eq!(ours.columns, theirs.columns);
    assert!(!ours.rows.is_empty());
    let key = |t: &kidnap_trends::query::Table| -> Vec<String> {
        t.rows.iter().map(|r| format!("{r:?}")).collect()
    };
    let (mut a, mut b) = (key(&ours), key(&theirs));
    // The SQL sorts by item, address, source, unit, year, measure, row and column: ours is in
    // that order too.
    let order = |t: &kidnap_trends::query::Table| -> Vec<String> {
        t.rows.iter().map(|r| format!("{:?}", &r[..2])).collect()
    };
    assert_eq!(order(&ours), order(&theirs));
    a.sort();
    b.sort();
    assert_eq!(a.len(), b.len(), "row counts differ");
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y);
    }
    let before = a.len();
    a.dedup();
    assert_eq!(a.len(), before, "a lineage row appears twice");
}

#[test]
fn the_lineage_resolved_in_rust_equals_its_sql_statement_on_the_fixture() {
    let p = kidnap_trends::config::load(&crate::support::mini().join("pipeline.yaml")).unwrap();
    let w = kidnap_trends::pipeline::ingest(&p).unwrap();
    resolution_agrees_with_sql(&p.file, &w);
}

#[test]
fn the_lineage_resolved_in_rust_equals_its_sql_statement_on_the_default_pipeline() {
    let w = Warehouse::read(default_output()).unwrap();
    resolution_agrees_with_sql(
        &crate::support::root().join("pipelines/ccpcj-kidnapping.yaml"),
        &w,
    );
}
