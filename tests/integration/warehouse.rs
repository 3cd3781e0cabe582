//! The warehouse: Parquet types and order, and xlsx and csv giving the same observations.

use std::fs::File;

use arrow::datatypes::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::Compression;

use super::support::{mini, root};

#[test]
fn xlsx_and_csv_sources_ingest_to_identical_observations() {
    let csv = kidnap_trends::config::load(&mini().join("pipeline.yaml")).unwrap();
    let xlsx = kidnap_trends::config::load(&mini().join("pipeline-xlsx.yaml")).unwrap();
    let a = kidnap_trends::ingest::sources::ingest(&csv)
        .unwrap()
        .observations;
    let b = kidnap_trends::ingest::sources::ingest(&xlsx)
        .unwrap()
        .observations;
    // 24 unit-years × (count, rate); the Serious assault row is filtered out.
    assert_eq!(a.num_rows(), 48);
    assert_eq!(a, b);
}

#[test]
fn parquet_round_trip_keeps_types_order_and_compression() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_kidnap-trends"))
        .args(["-q", "run"])
        .arg(mini().join("pipeline.yaml"))
        .arg("--out")
        .arg(&out)
        .current_dir(root())
        .status()
        .unwrap();
    assert!(status.success());
    let file = File::open(out.join("warehouse/observations.parquet")).unwrap();
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    let meta = builder.metadata().clone();
    let schema = builder.schema().clone();
    assert_eq!(
        schema.field_with_name("year").unwrap().data_type(),
        &DataType::Int32
    );
    assert_eq!(
        schema.field_with_name("value").unwrap().data_type(),
        &DataType::Float64
    );
    assert!(schema.field_with_name("value").unwrap().is_nullable());
    assert_eq!(
        schema.field_with_name("iso3").unwrap().data_type(),
        &DataType::Utf8
    );
    let rg = meta.row_group(0);
    assert!(matches!(rg.column(0).compression(), Compression::ZSTD(_)));
    assert_eq!(rg.sorting_columns().map(|s| s.len()), Some(3));
    let batches: Vec<_> = builder.build().unwrap().collect::<Result<_, _>>().unwrap();
    let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
    assert_eq!(rows, 48);
    // Sorted by (category, iso3, year): check iso3/year are non-decreasing.
    let b = &batches[0];
    let iso = b.column_by_name("iso3").unwrap();
    let iso = iso
        .as_any()
        .downcast_ref::<arrow::array::StringArray>()
        .unwrap();
    let year = b.column_by_name("year").unwrap();
    let year = year
        .as_any()
        .downcast_ref::<arrow::array::Int32Array>()
        .unwrap();
    for i in 1..b.num_rows() {
        assert!((iso.value(i - 1), year.value(i - 1)) <= (iso.value(i), year.value(i)));
    }
    // The fractional-free fixture has exact values: AAA 2018 count 12.
    let value = b.column_by_name("value").unwrap();
    let value = value
        .as_any()
        .downcast_ref::<arrow::array::Float64Array>()
        .unwrap();
    assert_eq!(
        (iso.value(0), year.value(0), value.value(0)),
        ("AAA", 2018, 12.0)
    );
}

#[test]
fn diff_lists_added_removed_and_revised_country_years() {
    // Old = the fixture; new = the fixture with AAA 2018 count 12 → 13 (+8.3 %, not large),
    // BBB 2021 rate 3 → 4 (+33 %, large), FFF 2020 removed, a new HHH 2021 count.
    let tmp = tempfile::tempdir().unwrap();
    let old = mini().join("cts.csv");
    let text = std::fs::read_to_string(&old).unwrap();
    let mut new_text: String = text
        .lines()
        .filter(|l| !l.starts_with("FFF,"))
        .map(|l| {
            if l.starts_with("AAA,") && l.contains(",2018,Counts,12,") {
                l.replace(",12,CTS", ",13,CTS")
            } else if l.starts_with("BBB,")
                && l.contains(",2021,\"Rate per 100,000 population\",3,")
            {
                l.replace(",3,CTS", ",4,CTS")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    new_text.push_str("\nHHH,Etaland,Asia,Western Asia,Violent offences,by type of offence,Kidnapping,Total,Total,2021,Counts,7,CTS\n");
    let new = tmp.path().join("new.csv");
    std::fs::write(&new, new_text).unwrap();
    let d = kidnap_trends::pipeline::diff::diff(&old, &new, "Kidnapping", 0.10).unwrap();
    let rows: Vec<String> = d
        .table
        .rows
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {} {}",
                r[0].as_text(),
                r[1].as_text(),
                r[2].as_text(),
                r[4].as_text(),
                r[8].as_text()
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "added count HHH 2021 false",
            "removed count FFF 2020 false",
            "removed rate_per_100k FFF 2020 false",
            "changed count AAA 2018 false",
            "changed rate_per_100k BBB 2021 true",
        ]
    );
    let rc = d.table.column("relative_change").unwrap();
    let aaa = d
        .table
        .rows
        .iter()
        .find(|r| r[2].as_text() == "AAA")
        .unwrap();
    assert!((aaa[rc].as_f64().unwrap() - (13.0 / 12.0 - 1.0)).abs() < 1e-12);
    assert!(
        d.summary
            .contains(&("changed".into(), "rate_per_100k".into(), 1, 1))
    );
}
