//! Preparing the engine for a pipeline: parameters and thresholds bound, the warehouse
//! registered, the release comparison and quality checks run, the table stages materialised;
//! then every output query, on all cores.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use arrow::array::RecordBatch;

use crate::config::Pipeline;
use crate::error::{Error, Result};
use crate::query::{Engine, Table};
use crate::store::warehouse::{Name, Warehouse};

/// Register the warehouse and run every SQL file; table stages are materialised first. The
/// lineage is among the results, as table `lineage` (and its summary, `lineage_sources`).
pub fn query(pipeline: &Pipeline, warehouse: &Warehouse) -> Result<BTreeMap<String, Table>> {
    let (mut results, lineage) = query_with_lineage(pipeline, warehouse)?;
    results.insert(
        crate::query::lineage::LINEAGE_TABLE.to_string(),
        crate::query::to_table(
            Path::new(crate::query::lineage::LINEAGE_SOURCE),
            std::slice::from_ref(&lineage),
        )?,
    );
    Ok(results)
}

/// Every SQL file's result, with the lineage's summary (`lineage_sources`: the sources of
/// each item, what the report and the manifest read), and the lineage table as a record
/// batch (for the warehouse).
pub fn query_with_lineage(
    pipeline: &Pipeline,
    warehouse: &Warehouse,
) -> Result<(BTreeMap<String, Table>, RecordBatch)> {
    let (engine, mut results) = prepare(pipeline, warehouse)?;
    let outputs: Vec<(String, PathBuf)> = pipeline
        .query_files()?
        .into_iter()
        .filter(|(name, _)| !pipeline.tables.contains(name))
        .collect();
    let lineage_files = pipeline.lineage_files()?;
    // The output queries and the lineage queries only read: all of them on all cores (each
    // query runs in one partition), the lineage queries first; the thread that finishes the
    // last of them resolves the lineage while the other threads go on with the output
    // queries. The first failure in file order is reported (output queries, then lineage).
    let jobs: Vec<Job> = lineage_files
        .iter()
        .enumerate()
        .map(|(k, (n, f))| Job::Lineage(k, n, f))
        .chain(outputs.iter().map(|(n, f)| Job::Output(n, f)))
        .collect();
    let parts: std::sync::Mutex<Vec<Option<Result<RecordBatch>>>> =
        std::sync::Mutex::new((0..lineage_files.len()).map(|_| None).collect());
    let finished = std::sync::atomic::AtomicUsize::new(0);
    // The lineage queries' rows resolved, or the first of them that failed.
    let resolve = |parts: Vec<Option<Result<RecordBatch>>>| -> Option<Result<RecordBatch>> {
        let mut rows = Vec::with_capacity(parts.len());
        for part in parts {
            match part? {
                Ok(r) => rows.push(r),
                Err(e) => return Some(Err(e)),
            }
        }
        let start = std::time::Instant::now();
        let lineage = crate::query::lineage::resolve(warehouse, pipeline, rows);
        tracing::debug!(
            seconds = start.elapsed().as_secs_f64(),
            "Lineage resolved to source cells"
        );
        Some(lineage)
    };
    let lineage_start = std::time::Instant::now();
    let done = crate::parallel::map(&jobs, |job| {
        let start = std::time::Instant::now();
        let (span, ran) = match job {
            Job::Output(name, file) => {
                let span = tracing::debug_span!("query", name = %name);
                let ran = span.in_scope(|| engine.run_file(file).map(Ran::Output));
                (span, ran)
            }
            Job::Lineage(k, item, file) => {
                let span = tracing::debug_span!("lineage query", item = %item);
                let rows = span.in_scope(|| crate::query::lineage::run_one(&engine, item, file));
                let mut all = parts.lock().unwrap_or_else(|e| e.into_inner());
                all[*k] = Some(rows);
                let last = finished.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1
                    == lineage_files.len();
                let resolved = if last {
                    let all = std::mem::take(&mut *all);
                    span.in_scope(|| resolve(all))
                } else {
                    None
                };
                (span, Ok(Ran::Lineage(resolved)))
            }
        };
        span.in_scope(|| {
            tracing::debug!(seconds = start.elapsed().as_secs_f64(), "Query finished")
        });
        ran
    });
    let panicked = || Error::Internal("a query thread panicked".into());
    let mut resolved = None;
    // A lineage job whose thread panicked.
    let mut lineage_lost = false;
    for (job, ran) in jobs.iter().zip(done) {
        match (job, ran) {
            (Job::Output(name, _), Some(ran)) => {
                if let Ran::Output(table) = ran? {
                    results.insert(name.to_string(), table);
                }
            }
            (Job::Lineage(..), Some(Ok(Ran::Lineage(r)))) => {
                if r.is_some() {
                    resolved = r;
                }
            }
            (Job::Output(..), None) => return Err(panicked()),
            (Job::Lineage(..), _) => lineage_lost = true,
        }
    }
    if lineage_lost {
        return Err(panicked());
    }
    let lineage = match resolved {
        Some(lineage) => lineage?,
        None if lineage_files.is_empty() => {
            crate::query::lineage::resolve(warehouse, pipeline, Vec::new())?
        }
        None => return Err(panicked()),
    };
    tracing::info!(
        stage = "sql: output and lineage queries",
        rows = lineage.num_rows(),
        seconds = lineage_start.elapsed().as_secs_f64(),
        "Stage finished"
    );
    results.insert(
        crate::store::warehouse::LINEAGE_SOURCES.to_string(),
        crate::query::lineage::sources(&lineage)?,
    );
    Ok((results, lineage))
}

/// One query of [`query_with_lineage`]: an output query, or an item's lineage query (with
/// its place among them).
enum Job<'a> {
    Output(&'a str, &'a Path),
    Lineage(usize, &'a str, &'a Path),
}

/// What a [`Job`] gives.
enum Ran {
    Output(Table),
    /// The resolved lineage, from the thread that ran the last lineage query.
    Lineage(Option<Result<RecordBatch>>),
}

/// A query engine with the pipeline's parameters and quality thresholds bound, the warehouse
/// registered, the quality checks run (table `quality_checks`, also returned by name) and the
/// pipeline's table stages materialised: what every SQL file of the pipeline, and an ad-hoc
/// query, may read.
pub fn prepare(
    pipeline: &Pipeline,
    warehouse: &Warehouse,
) -> Result<(Engine, BTreeMap<String, Table>)> {
    let mut engine = Engine::new(&pipeline.params)?;
    crate::query::quality::bind(&mut engine, &pipeline.quality);
    for (name, batch, _) in warehouse.tables() {
        engine.register_batch(name, batch.clone())?;
    }
    // Table `release_changes`: the appendix's comparison with the previous release, by the
    // same SQL as the `diff` command.
    engine.register_batch("old_release", warehouse.get(Name::Previous).clone())?;
    engine.register_batch("new_release", warehouse.get(Name::Observations).clone())?;
    engine.bind(
        "threshold",
        datafusion::common::ScalarValue::Float64(Some(pipeline.params.revision_threshold)),
    );
    engine.materialise_sql(
        "release_changes",
        Path::new(crate::query::diff::DIFF_SQL_FILE),
        crate::query::diff::DIFF_SQL,
    )?;
    let mut results = BTreeMap::new();
    results.insert(
        crate::query::quality::CHECKS_TABLE.to_string(),
        crate::query::quality::run_checks(&engine)?,
    );
    for (name, file) in pipeline.query_files()? {
        if pipeline.tables.contains(&name) {
            let _span = tracing::debug_span!("query", name = %name).entered();
            let rows = engine.materialise(&name, &file)?;
            tracing::debug!(rows, "Table materialised");
        }
    }
    Ok((engine, results))
}

/// What a dry run gives `validate`.
#[derive(Default)]
pub struct DryRun {
    /// The results of the files that ran (no rows over an empty warehouse).
    pub results: BTreeMap<String, Table>,
    /// Every error.
    pub errors: Vec<Error>,
    /// Each result's columns with a value of their type ([`crate::query::Engine::run_file_sampled`]).
    pub samples: BTreeMap<String, Vec<(String, crate::query::Value)>>,
}

/// Every SQL file of the pipeline planned and run over `warehouse` (for `validate`: the
/// warehouse's tables with no observations), in materialisation order, each failure kept.
pub fn dry_run(pipeline: &Pipeline, warehouse: &Warehouse) -> DryRun {
    let mut errors = Vec::new();
    let mut results = BTreeMap::new();
    let mut samples = BTreeMap::new();
    let failed = |e| DryRun {
        errors: vec![e],
        ..DryRun::default()
    };
    let files = match pipeline.query_files() {
        Ok(f) => f,
        Err(e) => return failed(e),
    };
    let tables: Vec<String> = pipeline.tables.clone();
    let mut staged = pipeline.clone();
    staged.tables.clear();
    let (engine, checks) = match prepare(&staged, warehouse) {
        Ok(x) => x,
        Err(e) => return failed(e),
    };
    results.extend(checks);
    for (name, file) in files.iter().filter(|(n, _)| tables.contains(n)) {
        if let Err(e) = engine.materialise(name, file) {
            errors.push(e);
        }
    }
    for (name, file) in files.iter().filter(|(n, _)| !tables.contains(n)) {
        match engine.run_file_sampled(file) {
            Ok((t, s)) => {
                results.insert(name.clone(), t);
                samples.insert(name.clone(), s);
            }
            Err(e) => errors.push(e),
        }
    }
    errors.extend(crate::query::lineage::check(&engine, pipeline));
    DryRun {
        results,
        errors,
        samples,
    }
}
