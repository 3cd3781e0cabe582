//! Text from the data is never interpreted: country names that look like markup or formulas
//! reach every output as the text they are.

use crate::support::*;

const FORMULA: &str = r#"=HYPERLINK("http://x","y")"#;
const MARKUP: &str = "<script>alert(1)</script> *b* | [l](u) # x";

/// `name` as a CSV field.
fn field(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[test]
fn hostile_country_names_are_text_in_csv_markdown_html_and_xlsx() {
    let tmp = sandbox();
    for f in ["countries.csv", "cts.csv"] {
        edit(&tmp.path().join(f), |s| {
            s.replace("Alphaland", &field(FORMULA))
                .replace("Betaland", &field(MARKUP))
        });
    }
    let out = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out_dir = tmp.path().join("out");

    // CSV: no text cell a spreadsheet would run; the name is there, marked as text.
    let mut seen = false;
    for entry in std::fs::read_dir(out_dir.join("tables")).unwrap() {
        let path = entry.unwrap().path();
        let mut r = csv::Reader::from_path(&path).unwrap();
        for rec in r.records() {
            for cell in rec.unwrap().iter() {
                let live = cell.starts_with(['=', '+', '@', '\t', '\r'])
                    || (cell.starts_with('-') && cell.parse::<f64>().is_err());
                assert!(!live, "{}: live formula cell {cell:?}", path.display());
                seen |= cell == format!("'{FORMULA}");
            }
        }
    }
    assert!(
        seen,
        "the formula-like name appears, marked as text, in some table"
    );

    // Markdown: escaped, so the name prints as itself.
    let md = std::fs::read_to_string(out_dir.join("report.md")).unwrap();
    assert!(!md.contains("<script>"), "raw HTML in report.md");
    assert!(!md.contains("*b*"), "emphasis in report.md");
    assert!(md.contains(r"\<script\>alert(1)\</script\> \*b\* \| \[l\](u) # x"));

    // HTML: escaped.
    let html = std::fs::read_to_string(out_dir.join("report.html")).unwrap();
    assert!(!html.contains("<script>alert"), "raw script in report.html");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; *b*"));

    // XLSX: the formula-like name is a string cell, and no sheet holds a formula.
    use calamine::{Data, Reader};
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(out_dir.join("tables.xlsx")).unwrap();
    let mut as_text = false;
    for sheet in book.sheet_names() {
        let formulas = book.worksheet_formula(&sheet).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "a formula in sheet {sheet}"
        );
        let range = book.worksheet_range(&sheet).unwrap();
        as_text |= range
            .used_cells()
            .any(|(_, _, c)| *c == Data::String(FORMULA.to_string()));
    }
    assert!(
        as_text,
        "the formula-like name is a text cell of tables.xlsx"
    );
}
