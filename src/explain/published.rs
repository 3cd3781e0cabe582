//! A published output opened for `explain` and `query`: its manifest's parameters, what
//! changed since it was published, an engine over its warehouse with the lineage registered,
//! and the warehouse tables the recomputations read (`countries`, `observations`,
//! `population`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Published, cells, recompute};
use crate::config::{Params, Pipeline};
use crate::error::{Error, Result};
use crate::query::Engine;
use crate::query::lineage::LINEAGE_TABLE;
use crate::store::warehouse::Name;

/// A published output opened for SQL: its folder, the pipeline with the parameters it was
/// published with, an engine over its warehouse (its lineage registered as table `lineage`),
/// and what changed since it was published.
pub struct Opened {
    pub dir: PathBuf,
    pub pipeline: Pipeline,
    pub engine: Engine,
    pub notes: Vec<String>,
    /// The lineage table, when the output has one.
    pub lineage: Option<arrow::array::RecordBatch>,
    /// The warehouse's `source_cells` (what each summed observation adds up).
    pub source_cells: arrow::array::RecordBatch,
    /// The warehouse's `countries` (M49 membership, regions, parents).
    pub countries: arrow::array::RecordBatch,
    /// How many observations of the previous release the warehouse keeps.
    pub previous_rows: usize,
    /// The warehouse's observations and population (the quality checks run again).
    pub tables: recompute::Tables,
}

/// Open the published output of `pipeline` (at `output`, else the pipeline's own) for SQL;
/// `None` when there is none.
pub fn open_published(pipeline: &Pipeline, output: Option<&Path>) -> Result<Option<Opened>> {
    let dir = crate::pipeline::target(pipeline, output);
    let manifest_file = dir.join(crate::store::publish::MANIFEST_FILE);
    let manifest: serde_json::Value = match std::fs::read(&manifest_file) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
            Error::Output(format!(
                "{} is not a manifest of kidnap-trends ({e})",
                manifest_file.display()
            ))
        })?,
        Err(_) => return Ok(None),
    };
    let mut notes = Vec::new();
    let mut pipeline = pipeline.clone();
    match serde_json::from_value::<Params>(manifest["params"].clone()) {
        Ok(params) => {
            if params != pipeline.params {
                notes.push(
                    "the pipeline's parameters changed since this output was published; \
                     answering with the parameters it was published with"
                        .into(),
                );
            }
            pipeline.params = params;
        }
        Err(_) => notes.push("the manifest records no parameters; using the pipeline's".into()),
    }
    let mut hashes = crate::pipeline::cache::FileHashes::reusing(&dir);
    let now = crate::pipeline::cache::fingerprint(&pipeline, &mut hashes)?;
    if let Some(before) = crate::pipeline::cache::published(&dir) {
        if before.ingest != now.ingest || before.tool != now.tool {
            notes.push(format!(
                "the inputs changed since the output at {} was published (run `kidnap-trends \
                 run` to refresh it); this answers from the published warehouse",
                dir.display()
            ));
        }
        if before.queries != now.queries {
            notes.push(
                "the SQL files changed since this output was published; they run as they \
                 are now"
                    .into(),
            );
        }
    }
    let warehouse = crate::store::warehouse::Warehouse::read(&dir)?;
    let table = |name: Name| warehouse.get(name).clone();
    let (engine, _) = crate::query::prepare::prepare(&pipeline, &warehouse)?;
    let lineage_file = dir
        .join("warehouse")
        .join(format!("{LINEAGE_TABLE}.parquet"));
    let lineage = if lineage_file.is_file() {
        let batch = crate::store::warehouse::read_parquet(&lineage_file)?;
        engine.register_batch(LINEAGE_TABLE, batch.clone())?;
        Some(batch)
    } else {
        None
    };
    Ok(Some(Opened {
        dir,
        pipeline,
        engine,
        notes,
        lineage,
        source_cells: table(Name::SourceCells),
        countries: table(Name::Countries),
        previous_rows: warehouse.get(Name::Previous).num_rows(),
        tables: recompute::Tables {
            observations: table(Name::Observations),
            population: table(Name::Population),
        },
    }))
}

pub(super) fn open(pipeline: &Pipeline, output: Option<&Path>) -> Result<Published> {
    // The lineage and the queries over the published warehouse: a second or more on a large
    // output.
    let _task = crate::progress::task(
        "Reading the published output",
        None,
        crate::progress::Unit::Steps,
    );
    let Some(Opened {
        dir,
        pipeline,
        engine,
        notes,
        lineage,
        source_cells,
        countries,
        previous_rows,
        tables,
    }) = open_published(pipeline, output)?
    else {
        return Err(Error::Output(format!(
            "no published output at {} (run `kidnap-trends run` first, or name one with --out)",
            crate::pipeline::target(pipeline, output).display()
        )));
    };
    let spec = crate::pipeline::load_report_spec(&pipeline)?;
    let Some(batch) = lineage else {
        return Err(Error::Output(format!(
            "{} has no lineage (published by an earlier version): run `kidnap-trends run --force`",
            dir.display()
        )));
    };
    Ok(Published {
        dir,
        pipeline,
        spec,
        engine,
        lineage: cells::Lineage::new(&batch, &source_cells)?,
        members: members(&countries)?,
        previous_rows,
        tables,
        results: Default::default(),
        notes,
    })
}

/// The `countries` table by code: M49 membership, region and parent.
fn members(countries: &arrow::array::RecordBatch) -> Result<BTreeMap<String, recompute::Member>> {
    use arrow::array::{Array, AsArray};
    let col = |name: &str| {
        let a = countries
            .column_by_name(name)
            .ok_or_else(|| Error::Output(format!("the countries table has no column `{name}`")))?;
        arrow::compute::cast(a, &arrow::datatypes::DataType::Utf8)
            .map_err(|e| Error::Output(format!("countries column `{name}`: {e}")))
    };
    let (iso3, m49, region, parent) = (
        col("iso3")?,
        col("m49")?,
        col("region")?,
        col("parent_iso3")?,
    );
    let (iso3, m49, region, parent) = (
        iso3.as_string::<i32>(),
        m49.as_string::<i32>(),
        region.as_string::<i32>(),
        parent.as_string::<i32>(),
    );
    Ok((0..countries.num_rows())
        .map(|i| {
            (
                iso3.value(i).to_string(),
                recompute::Member {
                    m49: m49.is_valid(i),
                    region: region.value(i).to_string(),
                    parent: parent.is_valid(i).then(|| parent.value(i).to_string()),
                },
            )
        })
        .collect())
}
