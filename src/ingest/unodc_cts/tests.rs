use super::*;
use crate::config::Encoding;
use std::path::Path;

#[test]
fn years_from_text_or_number() {
    assert_eq!(parse_year(&Cell::Text("2003".into())), Some(2003));
    assert_eq!(parse_year(&Cell::Text(" 2003 ".into())), Some(2003));
    assert_eq!(parse_year(&Cell::Number(2019.0)), Some(2019));
    assert_eq!(parse_year(&Cell::Number(2019.5)), None);
    assert_eq!(parse_year(&Cell::Text("20O3".into())), None);
    assert_eq!(parse_year(&Cell::Text("1066".into())), None);
}

#[test]
fn values_are_parsed_strictly() {
    assert_eq!(parse_value(&Cell::Number(0.0)), Some(0.0));
    assert_eq!(parse_value(&Cell::Number(56651.548)), Some(56651.548));
    assert_eq!(parse_value(&Cell::Text("12.5".into())), Some(12.5));
    assert_eq!(parse_value(&Cell::Text("1,234".into())), None);
    assert_eq!(parse_value(&Cell::Text("..".into())), None);
    assert_eq!(parse_value(&Cell::Text("n/a".into())), None);
    assert_eq!(parse_value(&Cell::Number(-1.0)), None);
    assert_eq!(parse_value(&Cell::Number(f64::NAN)), None);
}

const HEAD: &str = "Iso3_code,Country,Region,Subregion,Indicator,Dimension,Category,Sex,Age,\
                    Year,Unit of measurement,VALUE,Source\n";

fn row(code: &str, category: &str, year: &str, unit: &str, value: &str) -> String {
    format!(
        "{code},\"Name, of {code}\",Europe,Northern Europe,Violent offences,by type of offence,\
         {category},Total,Total,{year},{unit},{value},CTS\n"
    )
}

fn source(dir: &Path, bytes: &[u8]) -> Source {
    let path = dir.join("cts.csv");
    std::fs::write(&path, bytes).unwrap();
    Source {
        encoding: Encoding::Utf8,
        ..Source::unodc_cts("t", &path, "r", "Kidnapping")
    }
}

/// Findings as errors (the first one), as a pipeline without `quality:` limits treats them.
fn strict(r: Result<CtsOutput, IngestError>) -> Result<Vec<Observation>, String> {
    let out = r.map_err(|e| e.to_string())?;
    match out.findings.first() {
        Some(f) => Err(f.message.clone()),
        None => Ok(out.observations),
    }
}

/// The csv path as it was before streaming: the whole file as cells, then `parse_rows`.
fn read_whole(source: &Source) -> Result<CtsOutput, IngestError> {
    let bytes = std::fs::read(&source.path).unwrap();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let rows = reader
        .byte_records()
        .map(|r| {
            let r = r.unwrap();
            let line = r.position().unwrap().line() as usize;
            let cells = r
                .iter()
                .map(|f| match std::str::from_utf8(f).unwrap() {
                    "" => Cell::Empty,
                    t => Cell::Text(t.to_string()),
                })
                .collect();
            (line, cells)
        })
        .collect();
    parse_rows(source, rows)
}

#[test]
fn streamed_csv_gives_what_the_whole_file_gave() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("\u{FEFF}UNODC,banner\n02/06/2025\n\n");
    text.push_str(&HEAD.replace("Iso3_code", " iso3_CODE "));
    for (i, code) in ["AAA", "BBB", "CCC"].iter().enumerate() {
        for year in 2018..2022 {
            let y = year.to_string();
            text.push_str(&row(code, "Serious assault", &y, "Counts", "100"));
            text.push_str(&row(code, " Kidnapping ", &y, "Counts", &format!("{i}")));
            text.push_str(&row(
                code,
                "Kidnapping",
                &y,
                "\"Rate per 100,000 population\"",
                "",
            ));
            text.push_str(",,,,,,,,,,,,\n\n");
        }
    }
    text.push_str("DDD,Short row,,,,,Kidnapping\n");
    let src = source(dir.path(), text.as_bytes());
    // A short row is refused as such (the whole-file reader only saw its empty Year).
    let err = strict(read_csv(&src)).unwrap_err();
    assert!(
        err.contains("row 64, column 7 fields: expected 13 fields"),
        "{err}"
    );
    assert!(
        strict(read_whole(&src))
            .unwrap_err()
            .contains("column J (Year)")
    );

    let text = text.replace("DDD,Short row,,,,,Kidnapping\n", "");
    let src = source(dir.path(), text.as_bytes());
    let streamed = strict(read_csv(&src)).unwrap();
    assert_eq!(streamed.len(), 24);
    assert_eq!(streamed, strict(read_whole(&src)).unwrap());
    assert_eq!(streamed[0].country, "Name, of AAA");
    assert_eq!(streamed[0].source_row, 6);
    assert_eq!(streamed[1].value, None);
}

#[test]
fn a_bad_byte_anywhere_outranks_a_bad_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = HEAD.as_bytes().to_vec();
    bytes.extend(row("AAA", "Kidnapping", "2019", "Counts", "twelve").as_bytes());
    bytes.extend(row("AAA", "Robbery", "2019", "Counts", "1").as_bytes());
    bytes.extend(b"AAA,Bad \xFF byte,Europe\n");
    let src = source(dir.path(), &bytes);
    let err = strict(read_csv(&src)).unwrap_err();
    assert!(
        err.ends_with(
            "cts.csv: row 4, column B (field 2): expected UTF-8 text (declare `encoding: \
             windows-1252` or `encoding: auto` for this source, or re-save the file as UTF-8), found \"Bad \u{FFFD} byte\""
        ),
        "{err}"
    );
    // Without the bad byte, the bad cell.
    let src = source(dir.path(), &bytes[..bytes.len() - 24]);
    let err = strict(read_csv(&src)).unwrap_err();
    assert!(
        err.ends_with(
            "row 2, column L (VALUE): expected a number ≥ 0 (or an empty cell), found \"twelve\""
        ),
        "{err}"
    );
}

fn xlsx_source(path: &Path) -> Source {
    Source {
        encoding: Encoding::Utf8,
        ..Source::unodc_cts("t", path, "r", "Kidnapping")
    }
}

/// The sheet loaded whole, then parsed (the xlsx path before streaming).
fn xlsx_whole(source: &Source) -> Result<Vec<Observation>, String> {
    strict(read_xlsx(&source.path).and_then(|rows| parse_rows(source, rows)))
}

#[test]
fn streamed_xlsx_gives_what_the_whole_sheet_gave() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // (file, Kidnapping rows, first and last sheet row kept), counted with openpyxl.
    let real = [
        (
            "data/unodc-cts-violent-2025/data_cts_violent_and_sexual_crime.xlsx",
            3810,
            2053,
            17893,
        ),
        (
            "data/unodc-cts-violent-releases/data_cts_violent_and_sexual_crime_2024-05-16.xlsx",
            3638,
            1981,
            16872,
        ),
    ];
    for (file, n, first, last) in real {
        let src = xlsx_source(&root.join(file));
        let streamed = strict(read_unodc_cts(&src)).unwrap();
        assert_eq!(streamed.len(), n, "{file}");
        assert_eq!(streamed[0].source_row, first);
        assert_eq!(streamed[n - 1].source_row, last);
        assert_eq!(streamed[0].iso3, "ARE");
        assert_eq!((streamed[0].year, streamed[0].value), (2003, Some(434.0)));
        assert_eq!(streamed, xlsx_whole(&src).unwrap(), "{file}");
    }
    // Every error as before, word for word.
    for file in [
        "xlsx-no-value-column.xlsx",
        "xlsx-text-value.xlsx",
        "xlsx-empty-sheet.xlsx",
        "truncated.xlsx",
        "not-a-zip.xlsx",
        "empty.xlsx",
    ] {
        let src = xlsx_source(&root.join("tests/corpus").join(file));
        let streamed = strict(read_unodc_cts(&src)).unwrap_err();
        assert_eq!(streamed, xlsx_whole(&src).unwrap_err(), "{file}");
    }
}

#[test]
fn an_xlsx_with_rows_out_of_order_is_read_whole() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = xlsx_source(&root.join("tests/corpus/xlsx-rows-out-of-order.xlsx"));
    assert!(matches!(stream_xlsx(&src), Err(Stop::OutOfOrder)));
    // The same rows as the fixture's csv (the workbook was written from it, as text).
    let csv = xlsx_source(&root.join("tests/fixtures/mini/cts.csv"));
    let from_csv = strict(read_unodc_cts(&csv)).unwrap();
    assert_eq!(from_csv.len(), 48);
    assert_eq!(strict(read_unodc_cts(&src)).unwrap(), from_csv);
}

#[test]
fn header_duplicates_and_empty_category_are_reported_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<Vec<u8>> = vec![
        b"a,b\nc,d\n".to_vec(),
        "x\n".repeat(25).into_bytes(),
        HEAD.replace(",VALUE", ",VALU").into_bytes(),
        format!("{HEAD}{}", row("AAA", "Robbery", "2019", "Counts", "1")).into_bytes(),
        format!(
            "{HEAD}{}{}",
            row("AAA", "Kidnapping", "2019", "Counts", "1"),
            row("AAA", "Kidnapping", "2019", "Counts", "2")
        )
        .into_bytes(),
    ];
    let expected = [
        "no header row found in the first 2 rows",
        "no header row found in the first 20 rows",
        "row 1: the header lacks column `VALUE`",
        "no rows with Category = \"Kidnapping\"",
        "row 3: duplicate AAA 2019 count (first seen on row 2)",
    ];
    for (bytes, want) in cases.iter().zip(expected) {
        let src = source(dir.path(), bytes);
        let err = strict(read_csv(&src)).unwrap_err();
        assert!(err.contains(want), "{err}");
        assert_eq!(err, strict(read_whole(&src)).unwrap_err());
    }
    let missing = source(dir.path(), b"");
    std::fs::remove_file(&missing.path).unwrap();
    let err = strict(read_csv(&missing)).unwrap_err();
    assert!(err.contains("cannot read: No such file"), "{err}");
}
