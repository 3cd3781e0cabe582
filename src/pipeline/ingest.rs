//! `ingest`: sources → warehouse only (used by the benchmarks in benches/).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Options, cache, protected, target};
use crate::config::Pipeline;
use crate::error::Result;
use crate::ingest::Digests;
use crate::store::manifest::{Record, manifest};
use crate::store::warehouse::Warehouse;
use crate::store::{self, Output};

/// What `ingest_warehouse` published.
#[derive(Debug)]
pub struct IngestSummary {
    /// The published warehouse folder, `<output>/warehouse`.
    pub warehouse: PathBuf,
    /// Rows per warehouse table.
    pub tables: BTreeMap<String, usize>,
}

/// Read the pipeline's inputs and publish an output folder holding only the warehouse
/// (`<output>/warehouse/*.parquet`), its manifest and ownership record (the pipeline's `output`
/// unless `output` is given), under the same rules as `run`: a later `run` or `render` into
/// the same folder reuses that warehouse. A failed ingest leaves the previous output as it was.
pub fn ingest_warehouse(
    pipeline: &Pipeline,
    output: Option<&Path>,
    options: Options,
) -> Result<IngestSummary> {
    let shown = target(pipeline, output);
    let mut out = Output::open(&shown, &protected(pipeline), options.carry_over)?;
    out.verify()?;
    // An input the hashing cannot read is reported first, as when it ran before the ingest.
    let mut hashes = cache::FileHashes::fresh();
    let (fingerprint, _, written) = ingest_beside_fingerprint(pipeline, &mut hashes, |warehouse| {
        let warehouse = warehouse?;
        let staging = out.staging(&pipeline.name)?;
        let wh = staging.subdir("warehouse")?;
        warehouse.write(&wh)?;
        Ok((staging, warehouse.row_counts()))
    });
    let mut fingerprint = fingerprint?;
    let (staging, tables) = written?;
    // Queries and report were not run: a later `run` renders them from this warehouse.
    fingerprint.queries.clear();
    fingerprint.report.clear();
    let record = Record {
        pipeline,
        tables: &tables,
        results: None,
        fingerprint: &fingerprint,
        warnings: &[],
    };
    let manifest = manifest(record, staging.path(), &mut |p: &Path| hashes.sha256(p))?;
    staging.write(store::publish::MANIFEST_FILE, &manifest)?;
    hashes.save(staging.path())?;
    out.publish(staging)?;
    Ok(IngestSummary {
        warehouse: shown.join("warehouse"),
        tables,
    })
}

/// Ingest `pipeline` while its fingerprint is taken on another thread (into `hashes`), and
/// `then` do what follows the ingest: the inputs are hashed for the manifest while they are
/// read, a large csv by its reader from the bytes it reads (one read of the file), and `then`
/// runs while that hash may still be ending. The fingerprint, the seconds its thread took, and
/// what `then` returned.
pub(super) fn ingest_beside_fingerprint<T>(
    pipeline: &Pipeline,
    hashes: &mut cache::FileHashes,
    then: impl FnOnce(Result<Warehouse>) -> Result<T>,
) -> (Result<cache::Fingerprint>, f64, Result<T>) {
    let readers = Arc::new(Digests::expecting(
        crate::ingest::sources::hashed_while_read(pipeline),
    ));
    hashes.set_readers(Arc::clone(&readers));
    std::thread::scope(|scope| {
        let hashing = scope.spawn(move || {
            let started = std::time::Instant::now();
            let fingerprint = cache::fingerprint(pipeline, hashes);
            (fingerprint, started.elapsed().as_secs_f64())
        });
        let done = then(crate::ingest::sources::ingest_hashing(pipeline, &readers).map(warehouse));
        let (fingerprint, seconds) = hashing
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (fingerprint, seconds, done)
    })
}

/// Read every input of `pipeline` into the warehouse tables.
pub fn ingest(pipeline: &Pipeline) -> Result<Warehouse> {
    Ok(warehouse(crate::ingest::sources::ingest(pipeline)?))
}

/// The warehouse of what ingest read.
pub(super) fn warehouse(i: crate::ingest::sources::Ingested) -> Warehouse {
    Warehouse::new([
        i.observations,
        i.previous,
        i.releases,
        i.comparisons,
        i.subnational,
        i.source_cells,
        i.quarantine,
        i.sources,
        i.population,
        i.countries,
    ])
}
