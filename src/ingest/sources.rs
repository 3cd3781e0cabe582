//! The source set: every source of a pipeline read (on all cores, the costliest first), row
//! rules applied, rows split by role, and the reference tables read: an `Ingested` value.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use arrow::array::RecordBatch;
use serde::Serialize;

use crate::config::Pipeline;
use crate::error::{Error, IngestError, Result};
use crate::ingest;

/// Every table read from a pipeline's inputs (the warehouse, before it is stored).
#[derive(Debug)]
pub struct Ingested {
    /// The main sources' observations.
    pub observations: RecordBatch,
    /// Observations of the release named by `previous:` (empty when there is none).
    pub previous: RecordBatch,
    /// Every release of the main source, with its id.
    pub releases: RecordBatch,
    /// Other publishers' country-year figures.
    pub comparisons: RecordBatch,
    /// Sub-national rows.
    pub subnational: RecordBatch,
    /// The cells behind each summed observation.
    pub source_cells: RecordBatch,
    /// Source rows that failed a row rule.
    pub quarantine: RecordBatch,
    /// The pipeline's sources.
    pub sources: RecordBatch,
    /// Population by unit and year.
    pub population: RecordBatch,
    /// Units and regions.
    pub countries: RecordBatch,
}

/// What one source yielded.
#[derive(Default)]
struct SourceRows {
    observations: Vec<ingest::Observation>,
    subnational: Vec<ingest::SubObservation>,
    findings: Vec<ingest::Finding>,
    cells: Vec<ingest::SourceCell>,
}

/// Read one source of any layout; UN-CTS codes are resolved (aliases such as `GBR_EW`
/// become the reference code) and unknown ones become findings.
/// `resolver` waits for the reference tables (read meanwhile); `None` when they could not be
/// read (the caller reports that error before this one).
fn read_source<'r>(
    source: &crate::config::Source,
    resolver: &dyn Fn() -> Option<&'r ingest::Resolver>,
    digests: &Arc<ingest::Digests>,
) -> Result<SourceRows> {
    let no_reference = || Error::Internal("the reference tables were not read".into());
    let _span = tracing::info_span!("ingest", source = %source.id).entered();
    let start = std::time::Instant::now();
    let rows = match source.layout {
        crate::config::Layout::Table => {
            let t = ingest::read_table(source, resolver().ok_or_else(no_reference)?)?;
            tracing::info!(
                rows_read = t.rows_read,
                observations = t.observations.len(),
                "Source read"
            );
            SourceRows {
                observations: t.observations,
                subnational: t.subnational,
                findings: t.findings,
                cells: t.cells,
            }
        }
        crate::config::Layout::UnodcCts => {
            let out = ingest::unodc_cts::read_unodc_cts_hashing(source, digests)?;
            let resolver = resolver().ok_or_else(no_reference)?;
            let mut findings = out.findings;
            let mut observations = Vec::with_capacity(out.observations.len());
            for mut o in out.observations {
                match resolver.resolve(ingest::CodeKind::Iso3, &o.iso3) {
                    Ok(c) => {
                        o.iso3.clone_from(&c.iso3);
                        observations.push(o);
                    }
                    Err(hint) => findings.push(ingest::Finding {
                        rule: ingest::Rule::UnknownCode,
                        source_id: source.id.clone(),
                        file: source.path.clone(),
                        row: o.source_row as usize,
                        column: "A (Iso3_code)".into(),
                        iso3: None,
                        year: Some(o.year),
                        message: IngestError::UnknownCode {
                            file: source.path.clone(),
                            row: o.source_row as usize,
                            column: "Iso3_code".into(),
                            code: o.iso3.clone(),
                            hint,
                        }
                        .to_string(),
                        raw: format!("{} | {} | {} | {:?}", o.iso3, o.country, o.year, o.value),
                    }),
                }
            }
            tracing::info!(observations = observations.len(), "Source read");
            SourceRows {
                observations,
                subnational: Vec::new(),
                findings,
                cells: Vec::new(),
            }
        }
    };
    tracing::info!(
        source = %source.id,
        seconds = start.elapsed().as_secs_f64(),
        "Source read"
    );
    Ok(rows)
}

/// The `sources` table: one row per source of the pipeline, sorted by id.
fn sources_batch(pipeline: &Pipeline) -> RecordBatch {
    use arrow::array::{ArrayRef, Int32Array, StringArray};
    use std::sync::Arc;
    let base = pipeline.file.parent().unwrap_or(Path::new(""));
    let mut rows: Vec<([String; 8], Option<i32>)> = pipeline
        .sources
        .iter()
        .map(|s| {
            (
                [
                    s.id.clone(),
                    yaml_name(&s.role),
                    yaml_name(&s.layout),
                    s.release.clone(),
                    s.citation.clone(),
                    yaml_name(&s.encoding),
                    crate::config::relative(base, &s.path),
                    sheet_of(s),
                ],
                s.table
                    .as_ref()
                    .and_then(|t| t.decimals)
                    .map(|d| d.min(15) as i32),
            )
        })
        .collect();
    rows.sort();
    let schema = sources_schema();
    let names = SOURCE_TEXT_COLUMNS;
    let mut columns: Vec<ArrayRef> = (0..names.len())
        .map(|i| Arc::new(StringArray::from_iter_values(rows.iter().map(|r| &r.0[i]))) as ArrayRef)
        .collect();
    columns.push(Arc::new(Int32Array::from_iter(rows.iter().map(|r| r.1))));
    arrow::array::RecordBatch::try_new(schema, columns)
        .unwrap_or_else(|e| unreachable!("sources schema mismatch: {e}"))
}

const SOURCE_TEXT_COLUMNS: [&str; 8] = [
    "id", "role", "layout", "release", "citation", "encoding", "file", "sheet",
];

/// The `sources` schema.
pub fn sources_schema() -> arrow::datatypes::SchemaRef {
    use arrow::datatypes::{DataType, Field, Schema};
    let mut fields: Vec<Field> = SOURCE_TEXT_COLUMNS
        .iter()
        .map(|n| Field::new(*n, DataType::Utf8, false))
        .collect();
    fields.push(Field::new("decimals", DataType::Int32, true));
    std::sync::Arc::new(Schema::new(fields))
}

/// The schemas of every warehouse table, in the order of the warehouse: what a published
/// warehouse must match to be reused (the tool's fingerprint hashes them).
pub fn warehouse_schemas() -> Vec<arrow::datatypes::SchemaRef> {
    vec![
        ingest::observations_schema(),
        ingest::observations_schema(),
        ingest::observations_schema(),
        ingest::observations_schema(),
        ingest::subnational_batch(Vec::new()).schema(),
        ingest::source_cells_batch(Vec::new()).schema(),
        ingest::quarantine_batch(&[], Path::new("")).schema(),
        sources_schema(),
        ingest::population_schema(),
        ingest::countries_batch(&[]).schema(),
    ]
}

/// The sheet an xlsx source is read from (the one its `table:` names, else the first); empty
/// for a csv source, or when the workbook cannot be opened (reading it then says why).
fn sheet_of(source: &crate::config::Source) -> String {
    if ingest::extension(&source.path) != "xlsx" {
        return String::new();
    }
    if let Some(name) = source.table.as_ref().and_then(|t| t.sheet.clone()) {
        return name;
    }
    calamine::open_workbook_auto(&source.path)
        .ok()
        .and_then(|book| {
            use calamine::Reader as _;
            book.sheet_names().first().cloned()
        })
        .unwrap_or_default()
}

/// An enum value as the pipeline YAML spells it (`comparison`, `windows-1252`).
fn yaml_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// One source's observations, failing as `run` would when its rows break the pipeline's
/// row-rule limits (for commands that read a single source, such as `diff`).
pub fn read_source_checked(
    pipeline: &Pipeline,
    source: &crate::config::Source,
    resolver: &ingest::Resolver,
) -> Result<Vec<ingest::Observation>> {
    let rows = read_source(source, &|| Some(resolver), &Arc::default())?;
    quality_gate(pipeline, &rows.findings)?;
    Ok(rows.observations)
}

/// Source indexes, the slowest to read first. Reading time is estimated from the file size:
/// an xlsx file (zipped XML) costs about ten times a csv or Parquet file of the same size
/// (measured on the shipped sources: 1.4 MB of xlsx ≈ 0.38 s, 17.5 MB of csv ≈ 0.48 s).
fn longest_first(sources: &[crate::config::Source]) -> Vec<usize> {
    let cost = |s: &crate::config::Source| {
        let bytes = std::fs::metadata(&s.path).map_or(0, |m| m.len());
        let xlsx = ingest::extension(&s.path) == "xlsx";
        bytes.saturating_mul(if xlsx { 10 } else { 1 })
    };
    let mut order: Vec<(u64, usize)> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (cost(s), i))
        .collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    order.into_iter().map(|(_, i)| i).collect()
}

/// Fail when more rows failed a row rule than the pipeline allows.
fn quality_gate(pipeline: &Pipeline, findings: &[ingest::Finding]) -> Result<()> {
    for rule in ingest::Rule::ALL {
        let failed: Vec<&ingest::Finding> = findings.iter().filter(|f| f.rule == rule).collect();
        let max = pipeline.quality.row_limit(rule);
        let Some(first) = failed.first() else {
            continue;
        };
        if failed.len() > max {
            let message = if max == 0 {
                first.message.clone()
            } else {
                format!(
                    "{} rows failed the rule `{}`, more than the {} that `quality.{}.max` allows; the first: {}",
                    failed.len(),
                    rule.name(),
                    max,
                    rule.name(),
                    first.message
                )
            };
            return Err(IngestError::Quality { message }.into());
        }
    }
    Ok(())
}

/// Read every input into the warehouse tables; sources are read two at a time.
pub fn ingest(pipeline: &Pipeline) -> Result<Ingested> {
    ingest_hashing(pipeline, &Arc::default())
}

/// The files of `pipeline` whose reader hashes them while it reads them (for
/// [`ingest::Digests::expecting`]).
pub fn hashed_while_read(pipeline: &Pipeline) -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = pipeline
        .sources
        .iter()
        .filter(|s| ingest::hashed_while_read(s))
        .map(|s| s.path.clone())
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

/// [`ingest()`], telling `digests` what the readers hash (a large file's digest may come after
/// this returns); `digests` is closed when it returns, whatever happened.
pub fn ingest_hashing(pipeline: &Pipeline, digests: &Arc<ingest::Digests>) -> Result<Ingested> {
    struct Close<'a>(&'a ingest::Digests);
    impl Drop for Close<'_> {
        fn drop(&mut self) {
            self.0.close();
        }
    }
    let _close = Close(digests);
    use crate::config::Role;
    // Sources are independent: read them on all cores, each thread taking the next source,
    // the longest first (so that a large file does not start last and run alone); results
    // in source order, so the first failing source is the same whichever thread read it.
    let sources = &pipeline.sources;
    let order = longest_first(sources);
    // The reference tables (countries and units, then the population) are read meanwhile: a
    // UN-CTS source needs the resolver only once read. Their errors come first, as when they
    // were read before the sources (the population's after the sources' ones).
    type Reference = std::result::Result<(Vec<ingest::Country>, ingest::Resolver), Error>;
    let reference: std::sync::OnceLock<Reference> = std::sync::OnceLock::new();
    let (read, population) = std::thread::scope(|scope| {
        let population = scope.spawn(|| {
            let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let countries = ingest::read_countries(&pipeline.countries, &pipeline.units)?;
                let resolver = ingest::Resolver::new(&countries, pipeline.aliases.as_deref())?;
                Ok((countries, resolver))
            }));
            // Set whatever happened: the source readers wait for it.
            let _ =
                reference.set(read.unwrap_or_else(|_| {
                    Err(Error::Internal("the reference reader panicked".into()))
                }));
            let Some(Ok((countries, _))) = reference.get() else {
                return None;
            };
            let known: BTreeSet<String> = countries.iter().map(|c| c.iso3.clone()).collect();
            Some(ingest::read_population(&pipeline.population.path, &known))
        });
        let resolver = || reference.wait().as_ref().ok().map(|(_, r)| r);
        let read = crate::parallel::map(&order, |&i| read_source(&sources[i], &resolver, digests));
        let population = population
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (read, population)
    });
    let (countries, _) = reference
        .into_inner()
        .unwrap_or_else(|| Err(Error::Internal("the reference tables were not read".into())))?;
    let mut results: Vec<(usize, Result<SourceRows>)> = order
        .iter()
        .copied()
        .zip(read)
        .map(|(i, r)| {
            let r = r.unwrap_or_else(|| Err(Error::Internal("a source reader panicked".into())));
            (i, r)
        })
        .collect();
    results.sort_by_key(|(i, _)| *i);
    let mut main = Vec::new();
    let mut releases = Vec::new();
    let mut comparisons = Vec::new();
    let mut subnational = Vec::new();
    let mut findings = Vec::new();
    let mut cells = Vec::new();
    for (i, result) in results {
        let rows = result?;
        let source = &sources[i];
        findings.extend(rows.findings);
        subnational.extend(rows.subnational);
        cells.extend(rows.cells);
        match source.role {
            // Moved, not copied, into an empty list (a large source's rows are tens of MB);
            // the releases table takes the main rows from their batch, below.
            Role::Main => {
                if main.is_empty() {
                    main = rows.observations;
                } else {
                    main.extend(rows.observations);
                }
            }
            Role::Release => releases.extend(rows.observations),
            Role::Comparison => comparisons.extend(rows.observations),
        }
    }
    quality_gate(pipeline, &findings)?;
    let previous: Vec<ingest::Observation> = match &pipeline.previous {
        Some(p) => releases
            .iter()
            .filter(|o| o.source_id == p.id)
            .cloned()
            .collect(),
        None => Vec::new(),
    };
    let population =
        population.ok_or_else(|| Error::Internal("the population table was not read".into()))??;
    let observations = ingest::observations_batch(main);
    // Every release: the other releases' rows and the main ones, in the tables' one order.
    let releases = ingest::with_observations(ingest::observations_batch(releases), &observations);
    Ok(Ingested {
        observations,
        previous: ingest::observations_batch(previous),
        releases,
        comparisons: ingest::observations_batch(comparisons),
        subnational: ingest::subnational_batch(subnational),
        source_cells: ingest::source_cells_batch(cells),
        quarantine: ingest::quarantine_batch(&findings, &pipeline.file),
        sources: sources_batch(pipeline),
        population,
        countries: ingest::countries_batch(&countries),
    })
}

/// The warehouse tables of `pipeline` without reading its sources: the reference tables (units,
/// population) and the sources table as `ingest` makes them, every observation table empty.
/// What `validate` plans the SQL against.
pub fn schema_only(pipeline: &Pipeline) -> Result<Ingested> {
    let countries = ingest::read_countries(&pipeline.countries, &pipeline.units)?;
    let known: BTreeSet<String> = countries.iter().map(|c| c.iso3.clone()).collect();
    Ok(Ingested {
        observations: ingest::observations_batch(Vec::new()),
        previous: ingest::observations_batch(Vec::new()),
        releases: ingest::observations_batch(Vec::new()),
        comparisons: ingest::observations_batch(Vec::new()),
        subnational: ingest::subnational_batch(Vec::new()),
        source_cells: ingest::source_cells_batch(Vec::new()),
        quarantine: ingest::quarantine_batch(&[], &pipeline.file),
        sources: sources_batch(pipeline),
        population: ingest::read_population(&pipeline.population.path, &known)?,
        countries: ingest::countries_batch(&countries),
    })
}
