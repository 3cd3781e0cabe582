use super::*;
use crate::config::{Layout, Role};
use crate::ingest::text::Encoding;

fn resolver() -> Resolver {
    let unit = |iso3: &str, m49: i32, name: &str| crate::ingest::Country {
        iso3: iso3.into(),
        m49: Some(m49),
        name: name.into(),
        region: "Americas".into(),
        subregion: "South America".into(),
        parent_iso3: None,
        other_names: Vec::new(),
    };
    Resolver::new(
        &[
            unit("COL", 170, "Colombia"),
            unit("MEX", 484, "Mexico"),
            unit("CIV", 384, "Côte d’Ivoire"),
        ],
        None,
    )
    .unwrap()
}

fn read(bytes: &[u8], encoding: Encoding, yaml: &str) -> Result<TableOutput, IngestError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    std::fs::write(&path, bytes).unwrap();
    let spec: TableSpec = yaml_serde::from_str(yaml).unwrap();
    assert!(spec.problems().is_empty(), "{:?}", spec.problems());
    let source = Source {
        id: "s".into(),
        layout: Layout::Table,
        path,
        release: "r".into(),
        citation: "c".into(),
        citations: Default::default(),
        category: "Kidnapping".into(),
        role: Role::Comparison,
        encoding,
        table: Some(spec),
    };
    read_table(&source, &resolver())
}

fn values(out: &TableOutput) -> Vec<String> {
    out.observations
        .iter()
        .map(|o| format!("{} {} {} {}", o.iso3, o.year, o.unit, o.value.unwrap()))
        .collect()
}

#[test]
fn long_table_with_title_rows_crlf_cp1252_filter_and_m49() {
    let text = b"T12,Crimes,,,\r\nArea,,Year,Series,Value\r\n384,C\xF4te d\x92Ivoire,2015,\"Kidnapping, rate\",0.3\r\n384,C\xF4te d\x92Ivoire,2015,Theft,\"1,322.6\"\r\n170,Colombia,2010,\"Kidnapping, rate\",\"1,000.5\"\r\n";
    let yaml = "header_row: 2\nfilter: { Series: \"Kidnapping, rate\" }\ncountry: { column: Area, code: m49 }\nyear: Year\nvalue: Value\nunit: rate_per_100k\nnumbers: { thousands: \",\" }\n";
    let out = read(text, Encoding::Windows1252, yaml).unwrap();
    assert_eq!(
        values(&out),
        [
            "CIV 2015 rate_per_100k 0.3",
            "COL 2010 rate_per_100k 1000.5"
        ]
    );
    assert_eq!(out.observations[0].country, "Côte d’Ivoire");
    assert_eq!(out.observations[0].source_row, 3);
    assert_eq!(out.observations[1].source_row, 5);
    assert!(out.findings.is_empty());
}

#[test]
fn wide_micro_data_summed_with_subunits_stopping_at_total() {
    let text = "MINISTERIO\nPOLICÍA\n,,,\nDIVIPOLA,DEPTO,MES,2010,2011\n05001,ANTIOQUIA,ene,1,0\n05002,ANTIOQUIA,feb,2,1\n11001,BOGOTÁ,ene,0,4\nTOTAL,,,3,5\nFUENTE: x,,,,\n,,,http://example.org,\n";
    let yaml = "header_starts_with: DIVIPOLA\nstop_at: TOTAL\ncountry: { value: COL }\nsubunit: { name: DEPTO }\nwide: [count]\naggregate: true\n";
    let out = read(text.as_bytes(), Encoding::Utf8, yaml).unwrap();
    assert_eq!(values(&out), ["COL 2010 count 3", "COL 2011 count 5"]);
    let subs: Vec<String> = out
        .subnational
        .iter()
        .map(|s| format!("{} {} {} {}", s.subunit, s.year, s.value, s.rows))
        .collect();
    assert_eq!(
        subs,
        [
            "ANTIOQUIA 2010 3 2",
            "ANTIOQUIA 2011 1 2",
            "BOGOTÁ 2010 0 1",
            "BOGOTÁ 2011 4 1"
        ]
    );
    assert_eq!(out.rows_read, 3);
}

#[test]
fn legacy_wide_sheet_counts_then_rates_fill_down_markers_footnotes() {
    let text = "Region,Sub-region,Country/territory,2010,2011,2010,2011\nAmericas,South America,Colombia*,\" 3,198 \",-   , 6.9 ,-   \n,,Mexico,, 1* ,, 0.01 \n,,,,,,\n,,,,,,\n";
    let yaml = "fill_down: [Region, Sub-region]\ncountry: { column: Country/territory, code: name }\nfootnote_marks: \"*\"\nwide: [count, rate_per_100k]\nnumbers: { thousands: \",\", missing: [\"\"], zero: [\"-\"] }\n";
    let out = read(text.as_bytes(), Encoding::Utf8, yaml).unwrap();
    assert_eq!(
        values(&out),
        [
            "COL 2010 count 3198",
            "COL 2010 rate_per_100k 6.9",
            "COL 2011 count 0",
            "COL 2011 rate_per_100k 0",
            "MEX 2011 count 1",
            "MEX 2011 rate_per_100k 0.01",
        ]
    );
}

#[test]
fn bad_rows_become_findings_with_their_reason() {
    let text = "Country,Year,Value\nColombia,2010,12\nColombai,2011,3\nMexico,2010,twelve\nMexico,2011,-4\nColombia,2010,13\nMexico,20x1,5\n";
    let yaml = "country: { column: Country, code: name }\nyear: Year\nvalue: Value\nunit: count\n";
    let out = read(text.as_bytes(), Encoding::Utf8, yaml).unwrap();
    assert_eq!(values(&out), ["COL 2010 count 12"]);
    let got: Vec<(String, usize, &str)> = out
        .findings
        .iter()
        .map(|f| (f.rule.name().to_string(), f.row, f.message.as_str()))
        .collect();
    assert_eq!(got.len(), 5, "{got:#?}");
    assert_eq!(got[0].0, "unknown_code");
    assert!(
        got[0].2.ends_with(
            "row 3, column A (Country): unknown country code `Colombai`; did you mean `Colombia`?"
        ),
        "{}",
        got[0].2
    );
    assert_eq!((got[1].0.as_str(), got[1].1), ("bad_value", 4));
    assert!(got[1].2.contains("row 4, column C (Value): expected a number ≥ 0 or `..`, an empty cell (not reported), found \"twelve\""), "{}", got[1].2);
    assert_eq!((got[2].0.as_str(), got[2].1), ("negative_value", 5));
    assert_eq!((got[3].0.as_str(), got[3].1), ("duplicate", 6));
    assert!(
        got[3]
            .2
            .contains("row 6: duplicate COL 2010 count (first seen on row 2)")
    );
    assert_eq!((got[4].0.as_str(), got[4].1), ("bad_value", 7));
    assert!(
        got[4]
            .2
            .contains("column B (Year): expected a year between 1900 and 2100")
    );
}

fn source_at(path: &Path, yaml: &str) -> Source {
    Source {
        id: "s".into(),
        layout: Layout::Table,
        path: path.to_path_buf(),
        release: "r".into(),
        citation: "c".into(),
        citations: Default::default(),
        category: "Kidnapping".into(),
        role: Role::Comparison,
        encoding: Encoding::Utf8,
        table: Some(yaml_serde::from_str(yaml).unwrap()),
    }
}

/// The fixture workbook (UN-CTS layout, banner rows) read as a generic long table: its
/// Kidnapping counts are those of the csv twin, row for row (tests/fixtures/make_fixtures.py
/// writes both from one list).
#[test]
fn xlsx_and_parquet_tables_read_like_csv() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    let resolver = {
        let countries =
            crate::ingest::read_countries(&root.join("countries.csv"), &root.join("units.csv"))
                .unwrap();
        Resolver::new(&countries, None).unwrap()
    };
    let yaml = "header_starts_with: Iso3_code\nfilter: { Category: Kidnapping, Unit of measurement: Counts }\ncountry: { column: Iso3_code }\nyear: Year\nvalue: VALUE\nunit: count\n";
    let from = |file: &str| {
        let mut spec = yaml.to_string();
        if file.ends_with(".parquet") {
            spec = spec.replace("header_starts_with: Iso3_code\n", "");
        }
        let out = read_table(&source_at(&root.join(file), &spec), &resolver).unwrap();
        assert!(out.findings.is_empty(), "{:?}", out.findings);
        values(&out)
    };
    let csv = from("cts.csv");
    assert_eq!(csv.len(), 24);
    assert_eq!(from("cts.xlsx"), csv);

    // The same rows as a Parquet file, year and value as doubles (as pandas or DuckDB write
    // them: a year read as the text "2018.0" would be refused).
    let dir = tempfile::tempdir().unwrap();
    let obs = crate::ingest::read_unodc_cts(&Source {
        encoding: Encoding::Utf8,
        ..Source::unodc_cts("t", &root.join("cts.csv"), "r", "Kidnapping")
    })
    .unwrap()
    .observations;
    let counts: Vec<_> = obs.iter().filter(|o| o.unit == "count").collect();
    let batch = arrow::array::RecordBatch::try_from_iter(vec![
        (
            "Iso3_code",
            std::sync::Arc::new(arrow::array::StringArray::from_iter_values(
                counts.iter().map(|o| o.iso3.clone()),
            )) as arrow::array::ArrayRef,
        ),
        (
            "Category",
            std::sync::Arc::new(arrow::array::StringArray::from_iter_values(
                counts.iter().map(|_| "Kidnapping"),
            )),
        ),
        (
            "Unit of measurement",
            std::sync::Arc::new(arrow::array::StringArray::from_iter_values(
                counts.iter().map(|_| "Counts"),
            )),
        ),
        (
            "Year",
            std::sync::Arc::new(arrow::array::Float64Array::from_iter_values(
                counts.iter().map(|o| f64::from(o.year)),
            )),
        ),
        (
            "VALUE",
            std::sync::Arc::new(arrow::array::Float64Array::from_iter(
                counts.iter().map(|o| o.value),
            )),
        ),
    ])
    .unwrap();
    let path = dir.path().join("t.parquet");
    let file = std::fs::File::create(&path).unwrap();
    let mut writer = parquet::arrow::ArrowWriter::try_new(file, batch.schema(), None).unwrap();
    writer.write(&batch).unwrap();
    writer.close().unwrap();
    let out = read_table(
        &source_at(&path, &yaml.replace("header_starts_with: Iso3_code\n", "")),
        &resolver,
    )
    .unwrap();
    assert_eq!(values(&out), csv);
}

#[test]
fn year_groups_follow_the_header_order_not_repetition() {
    // Counts for 2018–2019, then rates for 2017–2019: 2017 starts the second group.
    let text = "Country,2018,2019,2017,2018,2019\nColombia,10,20,0.5,0.6,0.7\n";
    let yaml = "country: { column: Country, code: name }\nwide: [count, rate_per_100k]\n";
    let out = read(text.as_bytes(), Encoding::Utf8, yaml).unwrap();
    assert_eq!(
        values(&out),
        [
            "COL 2017 rate_per_100k 0.5",
            "COL 2018 count 10",
            "COL 2018 rate_per_100k 0.6",
            "COL 2019 count 20",
            "COL 2019 rate_per_100k 0.7",
        ]
    );
    // A third group with two units declared is refused, naming the column.
    let e = read(
        b"Country,2018,2018,2018\nColombia,1,2,3\n",
        Encoding::Utf8,
        yaml,
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("row 1, column D: expected at most 2 group(s) of ascending year columns"),
        "{e}"
    );
}

#[test]
fn a_sum_with_a_bad_or_empty_cell_is_left_out_not_published_short() {
    let text = "DEPTO,2018,2019\nNorth,1,2\nSouth,x,3\nEast,4,\nWest,5,6\nTotal,10,11\n";
    let yaml = "stop_at: TOTAL\ncountry: { value: COL }\nsubunit: { name: DEPTO }\nwide: [count]\naggregate: true\n";
    let out = read(text.as_bytes(), Encoding::Utf8, yaml).unwrap();
    // 2018 lacks South (bad cell), 2019 lacks East (empty cell): neither year is published,
    // at national or sub-national level; both cells are findings.
    assert!(out.observations.is_empty(), "{:?}", values(&out));
    assert!(out.subnational.is_empty());
    let rows: Vec<(usize, &str)> = out
        .findings
        .iter()
        .map(|f| (f.row, f.rule.name()))
        .collect();
    assert_eq!(rows, [(3, "bad_value"), (4, "bad_value")]);
    assert!(
        out.findings[1]
            .message
            .contains("declare `zero: [\"\"]` if an empty cell means zero")
    );
    // The footer marker is matched whatever its case; one that never comes is an error.
    let e = read(b"DEPTO,2018\nNorth,1\n", Encoding::Utf8, yaml).unwrap_err();
    assert!(
        e.to_string().contains(
            "no row starts with `TOTAL` (`stop_at`): the footer would have been read as data"
        ),
        "{e}"
    );
}

#[test]
fn an_unknown_fixed_country_is_one_finding_not_one_per_row() {
    let text = "DEPTO,2018\nNorth,1\nSouth,2\nEast,3\n";
    let yaml =
        "country: { value: COLL }\nsubunit: { name: DEPTO }\nwide: [count]\naggregate: true\n";
    let out = read(text.as_bytes(), Encoding::Utf8, yaml).unwrap();
    assert!(out.observations.is_empty());
    assert_eq!(out.findings.len(), 1, "{:?}", out.findings);
    assert!(
        out.findings[0].message.contains(
            "row 2, column `country.value` of the pipeline: unknown country code `COLL`; did you mean `COL`?"
        ),
        "{}",
        out.findings[0].message
    );
}

#[test]
fn a_source_that_yields_nothing_is_an_error() {
    let text = "Series,Country,Year,Value\nTheft,Colombia,2018,5\n";
    let yaml = "filter: { Series: kidnapping }\ncountry: { column: Country, code: name }\nyear: Year\nvalue: Value\nunit: count\n";
    let e = read(text.as_bytes(), Encoding::Utf8, yaml).unwrap_err();
    assert!(e.to_string().ends_with("t.csv: no observations: 0 of the 1 data rows passed `filter`, and none of them has a value"), "{e}");
}

#[test]
fn header_and_spec_problems() {
    let e = read(
        b"a,b\n1,2\n",
        Encoding::Utf8,
        "header_starts_with: DIVIPOLA\ncountry: { value: COL }\nwide: [count]\n",
    )
    .unwrap_err();
    assert!(e.to_string().contains("no header row found in the first 2 rows; expected a row with the columns starting with `DIVIPOLA`"), "{e}");
    let e = read(
        b"Country,Year\nColombia,2010\n",
        Encoding::Utf8,
        "country: { column: Country, code: name }\nyear: Year\nvalue: Value\nunit: count\n",
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("row 1: the header lacks column `Value`; found `Country`, `Year`"),
        "{e}"
    );
    let spec: TableSpec = yaml_serde::from_str(
        "country: { column: A, value: COL }\nwide: [rate_per_100k]\naggregate: true\nyear: Y\n",
    )
    .unwrap();
    let p = spec.problems();
    assert_eq!(p.len(), 3, "{p:?}");
}
