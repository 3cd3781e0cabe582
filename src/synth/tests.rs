use super::*;
use crate::config::Source;

fn synth(dir: &Path, name: &str, rows: u64, seed: u64, format: Format) -> Summary {
    write(&Options {
        rows,
        seed,
        out: dir.join(name),
        format,
        subnational_kidnapping: 8,
        overwrite: true,
    })
    .unwrap()
}

fn source(path: &Path) -> Source {
    Source::unodc_cts("synth", path, "synthetic", KIDNAPPING)
}

#[test]
fn splitmix64_matches_the_reference_stream() {
    // First outputs of the reference implementation for seed 1234567.
    let mut r = SplitMix64::new(1234567);
    assert_eq!(r.next_u64(), 6457827717110365317);
    assert_eq!(r.next_u64(), 3203168211198807973);
    assert_eq!(r.next_u64(), 9817491932198370423);
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let dir = tempfile::tempdir().unwrap();
    synth(dir.path(), "a.csv", 5000, 7, Format::Csv);
    synth(dir.path(), "b.csv", 5000, 7, Format::Csv);
    synth(dir.path(), "c.csv", 5000, 8, Format::Csv);
    let read = |n: &str| std::fs::read(dir.path().join(n)).unwrap();
    assert_eq!(read("a.csv"), read("b.csv"));
    assert_eq!(read("a.units.csv"), read("b.units.csv"));
    assert_ne!(read("a.csv"), read("c.csv"));
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 6, "{names:?}");
}

#[test]
fn row_count_is_exact_and_a_small_file_is_a_prefix_of_a_large_one() {
    let dir = tempfile::tempdir().unwrap();
    let small = synth(dir.path(), "s.csv", 2001, 3, Format::Csv);
    let large = synth(dir.path(), "l.csv", 70_000, 3, Format::Csv);
    let s = std::fs::read_to_string(dir.path().join("s.csv")).unwrap();
    let l = std::fs::read_to_string(dir.path().join("l.csv")).unwrap();
    assert_eq!(small.rows, 2001);
    // Banner (2 lines), header, data; no field holds a line break.
    assert_eq!(s.lines().count(), 3 + 2001);
    assert_eq!(l.lines().count(), 3 + 70_000);
    assert!(l.starts_with(&s));
    assert!(large.synthetic_units > 0, "{large:?}");
    // Kidnapping is a minority of the rows.
    let share = large.kidnapping_rows as f64 / large.rows as f64;
    assert!((0.03..0.2).contains(&share), "{share}");
}

#[test]
fn header_and_banner() {
    let dir = tempfile::tempdir().unwrap();
    synth(dir.path(), "h.csv", 10, 1, Format::Csv);
    let text = std::fs::read_to_string(dir.path().join("h.csv")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("UNODC,"));
    assert_eq!(
        lines[2],
        "Iso3_code,Country,Region,Subregion,Indicator,Dimension,Category,Sex,Age,Year,\
         Unit of measurement,VALUE,Source"
    );
    assert!(
        lines[3].starts_with("MEX,Mexico,Americas,Latin America and the Caribbean,"),
        "{}",
        lines[3]
    );
    let units = std::fs::read_to_string(dir.path().join("h.units.csv")).unwrap();
    assert!(units.starts_with("iso3,name,region,subregion,parent_iso3\n"));
    assert!(units.contains("\nGBR_E_W,United Kingdom (England and Wales),Europe,"));
}

#[test]
fn csv_round_trips_through_the_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let summary = synth(dir.path(), "r.csv", 60_000, 11, Format::Csv);
    let obs = crate::ingest::read_unodc_cts(&source(&summary.data))
        .unwrap()
        .observations;
    assert_eq!(obs.len() as u64, summary.kidnapping_rows);
    let name = |code: &str| {
        obs.iter()
            .find(|o| o.iso3 == code)
            .map(|o| o.country.clone())
    };
    assert_eq!(
        name("VEN").as_deref(),
        Some("Venezuela, Bolivarian Republic of")
    );
    assert_eq!(name("CIV").as_deref(), Some("Côte d'Ivoire"));
    assert_eq!(name("TUR").as_deref(), Some("Türkiye"));
    assert_eq!(
        name("BOL").as_deref(),
        Some("Bolivia (Plurinational State of)")
    );
    assert_eq!(
        name("GBR_E_W").as_deref(),
        Some("United Kingdom (England and Wales)")
    );
    let counts: Vec<f64> = obs
        .iter()
        .filter(|o| o.unit == "count")
        .filter_map(|o| o.value)
        .collect();
    assert_eq!(counts.iter().filter(|v| v.fract() != 0.0).count(), 1);
    assert!(counts.contains(&0.0));
    // About 10 % of unit-years are missing.
    let mut years = std::collections::BTreeMap::<&str, std::collections::BTreeSet<i32>>::new();
    for o in &obs {
        years.entry(o.iso3.as_str()).or_default().insert(o.year);
    }
    let present: usize = years.values().map(|y| y.len()).sum();
    let missing = 1.0 - present as f64 / (years.len() as f64 * 35.0);
    assert!((0.05..0.16).contains(&missing), "{missing}");
    // Every count has its rate, consistent with one population per unit and year.
    for pair in obs.chunks_exact(2) {
        assert_eq!(pair[0].unit, "count");
        assert_eq!(pair[1].unit, "rate_per_100k");
        assert_eq!((pair[0].year, &pair[0].iso3), (pair[1].year, &pair[1].iso3));
    }
    // The units file makes every code known to the pipeline's countries table.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let countries = crate::ingest::read_countries(
        &root.join("data/country-codes-m49/country-codes.csv"),
        &summary.units_file,
    )
    .unwrap();
    for o in &obs {
        let c = countries.iter().find(|c| c.iso3 == o.iso3);
        let c = c.unwrap_or_else(|| panic!("{} unknown", o.iso3));
        assert_eq!(c.region, o.region, "{}", o.iso3);
        assert_eq!(c.subregion, o.subregion, "{}", o.iso3);
    }
}

#[test]
fn xlsx_ingests_like_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let a = synth(dir.path(), "x.csv", 3000, 5, Format::Csv);
    let b = synth(dir.path(), "x.xlsx", 3000, 5, Format::Xlsx);
    let from_csv = crate::ingest::read_unodc_cts(&source(&a.data))
        .unwrap()
        .observations;
    let from_xlsx = crate::ingest::read_unodc_cts(&source(&b.data))
        .unwrap()
        .observations;
    assert!(!from_csv.is_empty());
    assert_eq!(from_csv, from_xlsx);
    let c = synth(dir.path(), "y.xlsx", 3000, 5, Format::Xlsx);
    assert_eq!(
        std::fs::read(&b.data).unwrap(),
        std::fs::read(&c.data).unwrap()
    );
}

#[test]
fn embedded_units_agree_with_the_m49_table() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let s = synth(dir.path(), "u.csv", 10, 1, Format::Csv);
    let countries = crate::ingest::read_countries(
        &root.join("data/country-codes-m49/country-codes.csv"),
        &s.units_file,
    )
    .unwrap();
    // Every line of units.csv read (a malformed line would be dropped).
    assert_eq!(UNITS.len(), include_str!("units.csv").lines().count() - 1);
    assert_eq!(UNITS.len(), 62);
    for u in UNITS.iter() {
        let c = countries.iter().find(|c| c.iso3 == u.iso3).unwrap();
        assert_eq!(
            (c.region.as_str(), c.subregion.as_str()),
            (u.region, u.subregion)
        );
        assert_eq!(c.m49.is_some(), u.m49, "{}", u.iso3);
    }
}

#[test]
fn row_counts_parse_with_suffixes() {
    assert_eq!(parse_rows("10k"), Ok(10_000));
    assert_eq!(parse_rows("1M"), Ok(1_000_000));
    assert_eq!(parse_rows("2500"), Ok(2500));
    assert!(parse_rows("0").is_err());
    assert!(parse_rows("ten").is_err());
}
