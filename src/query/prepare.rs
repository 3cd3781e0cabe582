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
            Path::new(crate::query::lineage::CELLS_SQL_FILE),
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
    let (mut engine, mut results) = prepare(pipeline, warehouse)?;
    let outputs: Vec<(String, PathBuf)> = pipeline
        .query_files()?
        .into_iter()
        .filter(|(name, _)| !pipeline.tables.contains(name))
        .collect();
    let lineage_files = pipeline.lineage_files()?;
    // The output queries and the lineage queries only read: all of them on all cores (each
    // query runs in one partition); the first failure in file order is reported.
    let jobs: Vec<Job> = outputs
        .iter()
        .map(|(n, f)| Job::Output(n, f))
        .chain(lineage_files.iter().map(|(n, f)| Job::Lineage(n, f)))
        .collect();
    let lineage_start = std::time::Instant::now();
    let done = crate::parallel::map(&jobs, |job| {
        let start = std::time::Instant::now();
        let ran = match job {
            Job::Output(name, file) => {
                let _span = tracing::debug_span!("query", name = %name).entered();
                engine.run_file(file).map(Ran::Output)
            }
            Job::Lineage(item, file) => {
                let _span = tracing::debug_span!("lineage query", item = %item).entered();
                crate::query::lineage::run_one(&engine, item, file).map(Ran::Lineage)
            }
        };
        tracing::debug!(seconds = start.elapsed().as_secs_f64(), "Query finished");
        ran
    });
    let mut parts = Vec::with_capacity(lineage_files.len());
    for (job, ran) in jobs.iter().zip(done) {
        match ran.ok_or_else(|| Error::Internal("a query thread panicked".into()))?? {
            Ran::Output(table) => {
                if let Job::Output(name, _) = job {
                    results.insert(name.to_string(), table);
                }
            }
            Ran::Lineage(rows) => parts.push(rows),
        }
    }
    let lineage = crate::query::lineage::resolve(&mut engine, pipeline, parts)?;
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

/// One query of [`query_with_lineage`]: an output query, or an item's lineage query.
enum Job<'a> {
    Output(&'a str, &'a Path),
    Lineage(&'a str, &'a Path),
}

/// What a [`Job`] gives.
enum Ran {
    Output(Table),
    Lineage(RecordBatch),
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

/// Every SQL file of the pipeline planned and run over `warehouse` (for `validate`: the
/// warehouse's tables with no observations), in materialisation order, each failure kept:
/// the results of the files that ran, and every error.
pub fn dry_run(
    pipeline: &Pipeline,
    warehouse: &Warehouse,
) -> (BTreeMap<String, Table>, Vec<Error>) {
    let mut errors = Vec::new();
    let mut results = BTreeMap::new();
    let files = match pipeline.query_files() {
        Ok(f) => f,
        Err(e) => return (results, vec![e]),
    };
    let tables: Vec<String> = pipeline.tables.clone();
    let mut staged = pipeline.clone();
    staged.tables.clear();
    let (engine, checks) = match prepare(&staged, warehouse) {
        Ok(x) => x,
        Err(e) => return (results, vec![e]),
    };
    results.extend(checks);
    for (name, file) in files.iter().filter(|(n, _)| tables.contains(n)) {
        if let Err(e) = engine.materialise(name, file) {
            errors.push(e);
        }
    }
    for (name, file) in files.iter().filter(|(n, _)| !tables.contains(n)) {
        match engine.run_file(file) {
            Ok(t) => {
                results.insert(name.clone(), t);
            }
            Err(e) => errors.push(e),
        }
    }
    errors.extend(crate::query::lineage::check(&engine, pipeline));
    (results, errors)
}
