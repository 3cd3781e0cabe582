//! Regression guards beside the hand-computed golden values: insta snapshots of every query's
//! result on the fixture (every row, every value at full precision), of one figure's SVG and of
//! the HTML report. A change in any of them fails until it is reviewed (`cargo insta review`)
//! and its snapshot committed; CI runs with `INSTA_UPDATE=no` and fails on a pending
//! `.snap.new`.

use kidnap_trends::query::{Table, Value};

use super::support::{mini, results, sql};

/// A value as the snapshot shows it: floats at full precision (the shortest text that reads
/// back to the same bits), NULL as NULL.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => "NULL".into(),
        Value::Float(f) => format!("{f:?}"),
        other => other.as_text(),
    }
}

/// `t` as an aligned text table, header first.
fn pretty(t: &Table, sort: bool) -> String {
    let mut rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(cell).collect())
        .collect();
    if sort {
        rows.sort();
    }
    let widths: Vec<usize> = (0..t.columns.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([t.columns[i].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect::<Vec<_>>()
            .join(" | ")
            .trim_end()
            .to_string()
    };
    let mut out = vec![
        line(&t.columns),
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("-+-"),
    ];
    out.extend(rows.iter().map(|r| line(r)));
    format!("{} rows\n{}\n", rows.len(), out.join("\n"))
}

#[test]
fn every_query_result_on_the_fixture() {
    for (name, table) in results() {
        insta::assert_snapshot!(format!("query_{name}"), pretty(table, false));
    }
}

#[test]
fn every_materialised_table_on_the_fixture() {
    let p = kidnap_trends::config::load(&mini().join("pipeline.yaml")).unwrap();
    for name in &p.tables {
        // Table stages need not be sorted: the rows are, here.
        let t = sql(&format!("SELECT * FROM {name}"));
        insta::assert_snapshot!(format!("table_{name}"), pretty(&t, true));
    }
}

#[test]
fn one_figure_and_the_html_report() {
    let p = kidnap_trends::config::load(&mini().join("pipeline.yaml")).unwrap();
    let spec = kidnap_trends::pipeline::load_report_spec(&p).unwrap();
    let artefacts = kidnap_trends::report::build(&p, &spec, results()).unwrap();
    let get = |path: &str| {
        let a = artefacts
            .iter()
            .find(|a| a.path == std::path::Path::new(path))
            .unwrap_or_else(|| panic!("no {path}"));
        String::from_utf8(a.bytes.clone()).unwrap()
    };
    insta::assert_snapshot!("figure_F2_svg", get("figures/F2.svg"));
    // The embedded fonts (base64, a few hundred kB) are the assets' business, not the report's.
    let html = get("report.html");
    let html = without_base64(&html);
    insta::assert_snapshot!("report_html", html);
}

/// `html` with every `base64,` payload replaced by its length.
fn without_base64(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 4);
    let mut rest = html;
    while let Some(i) = rest.find("base64,") {
        out.push_str(&rest[..i + 7]);
        rest = &rest[i + 7..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '+' || c == '/' || c == '='))
            .unwrap_or(rest.len());
        out.push_str(&format!("[{} bytes of base64]", end));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
