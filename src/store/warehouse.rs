//! The warehouse: its tables (one list drives the struct, writing, reading and registration),
//! written as zstd Parquet and read back.

use std::collections::BTreeMap;
use std::path::Path;

use arrow::array::RecordBatch;

use crate::error::{Error, Result};

/// The table of the report's lineage (address → source cells), written beside the warehouse
/// tables by the query stage.
pub const LINEAGE: &str = "lineage";
/// The result that sums the lineage up: for each item, the sources it rests on and how many
/// lineage rows each gives (columns `item`, `source_id`, `rows`). Not a warehouse table.
pub const LINEAGE_SOURCES: &str = "lineage_sources";

/// A warehouse table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Name {
    /// The main sources' observations: the report's data.
    Observations,
    /// Observations of the release named by `previous:` (empty when there is none).
    Previous,
    /// Every release of the main source kept with its id: the main sources and the
    /// `role: release` sources.
    Releases,
    /// Other publishers' country-year figures (`role: comparison` sources).
    Comparisons,
    /// Sub-national rows of sources that have them.
    Subnational,
    /// The cells behind each observation that sums several (lineage).
    SourceCells,
    /// Source rows that failed a row rule, with the reason.
    Quarantine,
    /// The pipeline's sources: id, role, layout, release, citation, encoding, file.
    Sources,
    /// World Bank population by unit and year.
    Population,
    /// ISO3 ↔ M49 regions and the reporting units.
    Countries,
}

const BY_UNIT_YEAR: &[&str] = &["category", "iso3", "year"];

/// Every table: its name, its file and SQL name, and the columns its Parquet file is sorted by.
pub const TABLES: [(Name, &str, &[&str]); 10] = [
    (Name::Observations, "observations", BY_UNIT_YEAR),
    (Name::Previous, "previous_observations", BY_UNIT_YEAR),
    (
        Name::Releases,
        "releases",
        &["release", "category", "iso3", "year"],
    ),
    (
        Name::Comparisons,
        "comparisons",
        &["source_id", "iso3", "year"],
    ),
    (
        Name::Subnational,
        "subnational",
        &["source_id", "iso3", "subunit_code", "year"],
    ),
    (
        Name::SourceCells,
        "source_cells",
        &["source_id", "iso3", "year", "unit", "row"],
    ),
    (Name::Quarantine, "quarantine", &["source_id", "row"]),
    (Name::Sources, "sources", &["id"]),
    (Name::Population, "population", &["iso3", "year"]),
    (Name::Countries, "countries", &["iso3"]),
];

/// The warehouse tables, in the order of `TABLES`.
#[derive(Debug, Clone)]
pub struct Warehouse {
    batches: [RecordBatch; 10],
}

impl Warehouse {
    /// The warehouse of these batches, given in the order of `TABLES`.
    pub fn new(batches: [RecordBatch; 10]) -> Warehouse {
        Warehouse { batches }
    }

    /// One table.
    pub fn get(&self, name: Name) -> &RecordBatch {
        &self.batches[name as usize]
    }

    /// (SQL and file name, batch, Parquet sort order) of every table, in a fixed order.
    pub fn tables(
        &self,
    ) -> impl Iterator<Item = (&'static str, &RecordBatch, &'static [&'static str])> {
        TABLES
            .iter()
            .zip(&self.batches)
            .map(|((_, name, order), batch)| (*name, batch, *order))
    }

    /// Rows per table.
    pub fn row_counts(&self) -> BTreeMap<String, usize> {
        self.tables()
            .map(|(n, b, _)| (n.to_string(), b.num_rows()))
            .collect()
    }

    /// Write every table into `dir` (zstd Parquet, sort order recorded).
    pub fn write(&self, dir: &Path) -> Result<()> {
        // The tables are independent files: written on every core, the first error in table
        // order reported.
        let tables: Vec<_> = self.tables().collect();
        let rows = tables.iter().map(|(_, b, _)| b.num_rows() as u64).sum();
        let task = crate::progress::task(
            "Writing the warehouse",
            Some(rows),
            crate::progress::Unit::Items,
        );
        let written = crate::parallel::map(&tables, |(name, batch, order)| {
            let done = super::write_parquet(&dir.join(format!("{name}.parquet")), batch, order);
            task.add(batch.num_rows() as u64);
            done
        });
        for w in written {
            w.unwrap_or_else(|| Err(Error::Internal("a table writer panicked".into())))?;
        }
        Ok(())
    }

    /// Read the warehouse of a published output folder.
    pub fn read(output: &Path) -> Result<Warehouse> {
        let wh = output.join("warehouse");
        let mut batches = Vec::with_capacity(TABLES.len());
        for (_, name, _) in TABLES {
            batches.push(read_parquet(&wh.join(format!("{name}.parquet")))?);
        }
        let batches: [RecordBatch; 10] = batches
            .try_into()
            .map_err(|_| Error::Internal("warehouse table count".into()))?;
        Ok(Warehouse { batches })
    }
}

/// Read a whole Parquet file into one batch.
pub fn read_parquet(path: &Path) -> Result<arrow::array::RecordBatch> {
    // A warehouse file that is not Parquet is bad data (exit 1), not a bug.
    let err = |e: &dyn std::fmt::Display| {
        Error::Ingest(crate::error::IngestError::Open {
            file: path.to_path_buf(),
            message: format!("not a readable warehouse table: {e}"),
        })
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::Output(format!(
                "{} does not exist: the output holds no published warehouse (run \
                 `kidnap-trends run` first)",
                path.display()
            )));
        }
        Err(e) => return Err(Error::environment("cannot read", path, e)),
    };
    let builder = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| err(&e))?;
    let schema = builder.schema().clone();
    let reader = builder.build().map_err(|e| err(&e))?;
    let batches = reader
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| err(&e))?;
    arrow::compute::concat_batches(&schema, &batches).map_err(|e| err(&e))
}
