//! Real national and international sources, read through the YAML-declared layouts, checked
//! against figures stated in each dataset's PROVENANCE.md (counted by the people who collected
//! the files, not by this program): row counts, units, yearly sums, and the cross-source
//! identity "Colombian police micro-data summed by year = UNODC's count" for 2010–2015.

use std::collections::BTreeMap;
use std::path::Path;

use kidnap_trends::query::{Table, Value};

use super::support::root;

/// A pipeline over the shipped data: the 2022 UN-CTS csv export (Windows-1252, old codes) as
/// the main source, and the other publications as comparisons.
fn pipeline(dir: &Path) -> kidnap_trends::config::Pipeline {
    let data = root().join("data");
    let d = |p: &str| data.join(p).to_string_lossy().into_owned();
    let yaml = format!(
        r#"name: sources
title: Sources
sources:
  - id: cts-2022
    layout: unodc-cts
    path: "{cts}"
    encoding: windows-1252
    release: "2022-06"
    citation: UNODC
    category: Kidnapping
  - id: cts-2023
    role: release
    layout: unodc-cts
    path: "{cts2023}"
    release: "2023-05-12"
    citation: UNODC
    category: Kidnapping
  - id: legacy
    role: comparison
    layout: table
    path: "{legacy}"
    release: "2017"
    citation: UNODC legacy
    category: Kidnapping
    table:
      header_row: 1
      fill_down: [Region, Sub-region]
      country: {{ column: Country/territory, code: name }}
      footnote_marks: "*"
      wide: [count, rate_per_100k]
      numbers: {{ thousands: ",", missing: [""], zero: ["-"] }}
  - id: legacy-rates
    role: comparison
    layout: table
    path: "{legacy_rates}"
    release: "2019"
    citation: UNODC legacy rates
    category: Kidnapping
    table:
      country: {{ column: Country, code: name }}
      footnote_marks: "*"
      wide: [rate_per_100k]
      numbers: {{ missing: [""], zero: ["-"] }}
  - id: unsd
    role: comparison
    layout: table
    path: "{unsd}"
    encoding: auto
    release: "2023-10"
    citation: UNSD
    category: Kidnapping
    table:
      header_row: 2
      filter: {{ Series: "Kidnapping at the national level, rate per 100,000" }}
      country: {{ column: Region/Country/Area, code: m49 }}
      year: Year
      value: Value
      unit: rate_per_100k
      numbers: {{ thousands: "," }}
  - id: colombia
    role: comparison
    layout: table
    path: "{colombia}"
    release: "2017-01-17"
    citation: DIJIN
    category: Kidnapping
    table:
      header_starts_with: DIVIPOLA
      stop_at: TOTAL
      country: {{ value: COL }}
      subunit: {{ name: DEPARTAMENTO POLÍTICO }}
      wide: [count]
      aggregate: true
  - id: mexico
    role: comparison
    layout: table
    path: "{mexico}"
    release: "2025-07"
    citation: SESNSP
    category: Kidnapping
    table:
      filter: {{ tipo_de_delito: Secuestro }}
      country: {{ value: MEX }}
      subunit: {{ name: nombre_estado, code: cve_ent }}
      year: n_year
      value: n_victimas
      unit: count
      aggregate: true
population:
  path: "{population}"
  citation: WB
  vintage: "x"
countries:
  path: "{countries}"
  units: "{units}"
  aliases: "{aliases}"
  citation: M49
params:
  first_year: 2013
  last_year: 2020
  p1: [2013, 2015]
  p2: [2018, 2020]
  top_n_table: 10
  top_n_chart: 15
  population_floor: 100000
  min_countries: 3
  region_share_for_text: 0.5
  stable_band: 0.10
queries:
  dir: "{queries}"
  tables: [kidnapping, rate_series, breaks, window_breaks, panel, panel_years, region_population, latest, rate_ranking, periods, panel_agg]
report:
  dir: "{report}"
"#,
        cts = d("unodc-cts-violent-releases/data_cts_violent_and_sexual_crime_2022.csv"),
        cts2023 = d("unodc-cts-violent-releases/data_cts_violent_and_sexual_crime_2023-05-12.xlsx"),
        legacy = d("unodc-cts-kidnapping-legacy/cts_kidnapping_2003_2015.csv"),
        legacy_rates = d("unodc-cts-kidnapping-legacy/kidnapping_rate_2011_2015.csv"),
        unsd = d("unsd-syb66-crime/SYB66_328_202310_Intentional homicides and other crimes.csv"),
        colombia = d("colombia-dijin-secuestro/secuestro_2010_2016.csv"),
        mexico = d("mexico-sesnsp-secuestro/victimas_secuestro_ent_mensual_2015_2025.csv"),
        population = d("population-worldbank/population.csv"),
        countries = d("country-codes-m49/country-codes.csv"),
        units = d("reference/reporting-units.csv"),
        aliases = d("reference/aliases.csv"),
        queries = root().join("queries/ccpcj").display(),
        report = root().join("reports/ccpcj-kidnapping").display(),
    );
    let path = dir.join("sources.yaml");
    std::fs::write(&path, yaml).unwrap();
    kidnap_trends::config::load(&path).unwrap()
}

fn sql(engine: &kidnap_trends::query::Engine, q: &str) -> Table {
    engine.run_table(Path::new("test"), q).unwrap()
}

fn ints(t: &Table) -> Vec<Vec<i64>> {
    t.rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|v| match v {
                    Value::Int(i) => *i,
                    Value::Float(f) => *f as i64,
                    other => panic!("not a number: {other:?}"),
                })
                .collect()
        })
        .collect()
}

#[test]
fn real_sources_read_as_their_provenance_describes() {
    let tmp = tempfile::tempdir().unwrap();
    let p = pipeline(tmp.path());
    let w = kidnap_trends::pipeline::ingest(&p).unwrap();
    let (engine, results) = kidnap_trends::query::prepare::prepare(&p, &w).unwrap();
    assert!(results.contains_key("quality_checks"));

    // 2022 csv: 1,622 counts and 1,551 rates (PROVENANCE: "3,173 (1,622 counts, 1,551 rates)"),
    // 144 ISO keys; its GBR_EW and KOS are the reference codes GBR_E_W and XKX.
    let t = sql(
        &engine,
        "SELECT sum(CASE WHEN unit = 'count' THEN 1 ELSE 0 END), \
                sum(CASE WHEN unit = 'rate_per_100k' THEN 1 ELSE 0 END), count(DISTINCT iso3) \
         FROM observations",
    );
    assert_eq!(ints(&t), [[1622, 1551, 144]]);
    let codes = sql(
        &engine,
        "SELECT DISTINCT iso3 FROM observations WHERE iso3 IN ('GBR_E_W', 'XKX', 'GBR_EW', 'KOS') ORDER BY iso3",
    );
    let codes: Vec<String> = codes.rows.iter().map(|r| r[0].as_text()).collect();
    assert_eq!(codes, ["GBR_E_W", "XKX"]);
    // Windows-1252 names decoded (PROVENANCE: "`Republic of Türkiye` (2022)").
    let tur = sql(
        &engine,
        "SELECT DISTINCT country FROM observations WHERE iso3 = 'TUR'",
    );
    assert_eq!(tur.rows[0][0].as_text(), "Republic of Türkiye");

    // Colombia: police micro-data summed by year = the TOTAL row 282, 305, 305, 299, 288,
    // 213, 205 — and = UNODC's counts for 2010–2015.
    let col = sql(
        &engine,
        "SELECT c.year, c.value, o.value FROM comparisons c \
         LEFT JOIN observations o ON o.iso3 = c.iso3 AND o.year = c.year AND o.unit = c.unit \
         WHERE c.source_id = 'colombia' ORDER BY c.year",
    );
    let totals: Vec<(i64, i64)> = col
        .rows
        .iter()
        .map(|r| (r[0].as_f64().unwrap() as i64, r[1].as_f64().unwrap() as i64))
        .collect();
    assert_eq!(
        totals,
        [
            (2010, 282),
            (2011, 305),
            (2012, 305),
            (2013, 299),
            (2014, 288),
            (2015, 213),
            (2016, 205)
        ]
    );
    for r in col.rows.iter().filter(|r| r[0].as_f64().unwrap() <= 2015.0) {
        assert_eq!(r[1], r[2], "Colombia {}: police ≠ UNODC", r[0].as_text());
    }
    // 28 departments, every one summed from its municipalities.
    let deps = sql(
        &engine,
        "SELECT count(DISTINCT subunit) FROM subnational WHERE source_id = 'colombia'",
    );
    assert_eq!(ints(&deps), [[28]]);

    // Mexico: victims per year (PROVENANCE: 2015 1,312; 2016 1,381; …; 2024 908;
    // 2025 January–June 381), 32 states.
    let mex = sql(
        &engine,
        "SELECT year, value FROM comparisons WHERE source_id = 'mexico' ORDER BY year",
    );
    assert_eq!(
        ints(&mex),
        [
            [2015, 1312],
            [2016, 1381],
            [2017, 1390],
            [2018, 1560],
            [2019, 1629],
            [2020, 1047],
            [2021, 816],
            [2022, 724],
            [2023, 844],
            [2024, 908],
            [2025, 381]
        ]
    );
    let states = sql(
        &engine,
        "SELECT count(DISTINCT subunit_code), sum(value) FROM subnational WHERE source_id = 'mexico' AND year = 2015",
    );
    assert_eq!(ints(&states), [[32, 1312]]);

    // Legacy sheet: 130 country rows, every name resolved (old names, footnote stars,
    // sub-national units); nothing quarantined anywhere.
    let legacy = sql(
        &engine,
        "SELECT count(DISTINCT iso3) FROM comparisons WHERE source_id = 'legacy'",
    );
    assert_eq!(ints(&legacy), [[130]]);
    let legacy_col = sql(
        &engine,
        "SELECT year, value FROM comparisons WHERE source_id = 'legacy' AND iso3 = 'COL' \
         AND unit = 'count' AND year BETWEEN 2010 AND 2015 ORDER BY year",
    );
    assert_eq!(
        ints(&legacy_col),
        [
            [2010, 282],
            [2011, 305],
            [2012, 305],
            [2013, 299],
            [2014, 288],
            [2015, 213]
        ]
    );
    // `-   ` is zero: Singapore 2004 (a dash in both halves of the row).
    let sgp = sql(
        &engine,
        "SELECT unit, value FROM comparisons WHERE source_id = 'legacy' AND iso3 = 'SGP' AND year = 2004 ORDER BY unit",
    );
    assert_eq!(sgp.rows.len(), 2);
    assert!(sgp.rows.iter().all(|r| r[1].as_f64() == Some(0.0)));
    // Quoted thousands: PROVENANCE counts 100 cells such as `" 3,198 "` (all counts, none
    // below 1,000); `-   ` = zero: 214 cells, 107 of them in the count half (counted in the raw
    // file, where no count is written as a literal 0).
    let marked = sql(
        &engine,
        "SELECT sum(CASE WHEN value >= 1000 THEN 1 ELSE 0 END), \
                sum(CASE WHEN value = 0 THEN 1 ELSE 0 END) \
         FROM comparisons WHERE source_id = 'legacy' AND unit = 'count'",
    );
    assert_eq!(ints(&marked), [[100, 107]]);

    // UNSD yearbook: 541 kidnapping rows, 143 countries or areas (PROVENANCE), Windows-1252
    // detected.
    let unsd = sql(
        &engine,
        "SELECT count(*), count(DISTINCT iso3) FROM comparisons WHERE source_id = 'unsd'",
    );
    assert_eq!(ints(&unsd), [[541, 143]]);
    let q = sql(&engine, "SELECT count(*) FROM quarantine");
    assert_eq!(ints(&q), [[0]]);

    let by_source: BTreeMap<String, usize> = sql(
        &engine,
        "SELECT source_id, count(*) FROM comparisons GROUP BY source_id ORDER BY source_id",
    )
    .rows
    .iter()
    .map(|r| (r[0].as_text(), r[1].as_f64().unwrap() as usize))
    .collect();
    assert_eq!(by_source.len(), 5);

    // The 2011–2015 rate table is "the same vintage and values as the rate half" of the legacy
    // sheet (PROVENANCE): two layouts, two readers, the same numbers.
    let same = sql(
        &engine,
        "SELECT count(*) AS both_n, sum(CASE WHEN a.value = b.value THEN 1 ELSE 0 END) AS same_n, \
                (SELECT count(*) FROM comparisons WHERE source_id = 'legacy' \
                   AND unit = 'rate_per_100k' AND year BETWEEN 2011 AND 2015) AS legacy_n, \
                (SELECT count(*) FROM comparisons WHERE source_id = 'legacy-rates') AS rates_n \
         FROM comparisons a JOIN comparisons b \
           ON a.iso3 = b.iso3 AND a.year = b.year AND a.unit = b.unit \
         WHERE a.source_id = 'legacy' AND b.source_id = 'legacy-rates'",
    );
    let same = ints(&same);
    assert_eq!(same[0][0], same[0][1], "{same:?}");
    assert_eq!(same[0][0], same[0][2], "{same:?}");
    assert_eq!(same[0][0], same[0][3], "{same:?}");

    // Both releases in the warehouse with their ids: 2023-05-12 has 1,728 country-years of
    // counts and 1,728 of rates (PROVENANCE: "3,456 (1,728 country-years)").
    let rel = sql(
        &engine,
        "SELECT release, count(*) FROM releases GROUP BY release ORDER BY release",
    );
    let rel: Vec<(String, f64)> = rel
        .rows
        .iter()
        .map(|r| (r[0].as_text(), r[1].as_f64().unwrap()))
        .collect();
    assert_eq!(
        rel,
        [
            ("2022-06".to_string(), 3173.0),
            ("2023-05-12".to_string(), 3456.0)
        ]
    );
    // The code drift (GBR_EW → GBR_E_W, KOS → XKX) is not a change between releases.
    let d =
        kidnap_trends::pipeline::diff::diff_releases(&p, "2022-06", "2023-05-12", 0.10).unwrap();
    let (si, ii) = (
        d.table.column("status").unwrap(),
        d.table.column("iso3").unwrap(),
    );
    let drift: Vec<String> = d
        .table
        .rows
        .iter()
        .filter(|r| {
            r[si].as_text() != "changed" && ["GBR_E_W", "XKX"].contains(&r[ii].as_text().as_str())
        })
        .map(|r| format!("{} {}", r[si].as_text(), r[ii].as_text()))
        .filter(|x| x.starts_with("removed"))
        .collect();
    assert!(drift.is_empty(), "{drift:?}");
    let removed = d
        .summary
        .iter()
        .filter(|(status, _, _, _)| status == "removed")
        .map(|(_, _, n, _)| n)
        .sum::<usize>();
    assert_eq!(removed, 0);
}
