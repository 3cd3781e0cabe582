//! Query: the warehouse tables + SQL files → result tables, through one DataFusion session.
//!
//! Takes record batches (or Parquet files) to register and SQL files to run; returns each
//! result as a plain `Table` of typed cells. Pipeline parameters are bound as named
//! placeholders (`$first_year`) — they are never spliced into SQL text.

use std::path::Path;

use arrow::array::{Array, ArrayRef, AsArray, RecordBatch};
use arrow::datatypes::{DataType, Float64Type, Int32Type, Int64Type};
use datafusion::common::ScalarValue;
use datafusion::execution::context::{SessionConfig, SessionContext};
use datafusion::prelude::ParquetReadOptions;
use datafusion::sql::parser::DFParser;

use crate::config::{ParamValue, Params};
use crate::error::{Error, QueryError, Result};
pub use crate::store::table::{Table, Value};

pub mod diff;
pub mod lineage;
pub mod prepare;
pub mod quality;

/// One DataFusion session with the pipeline's parameters.
pub struct Engine {
    ctx: SessionContext,
    runtime: tokio::runtime::Runtime,
    params: Vec<(String, ScalarValue)>,
}

impl Engine {
    /// A session whose SQL sees `params` as named placeholders.
    pub fn new(params: &Params) -> Result<Engine> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .build()
            .map_err(|e| Error::Internal(format!("cannot start the query runtime: {e}")))?;
        // One partition: the warehouse holds one category (thousands of rows), so splitting
        // the scans only adds planning and repartitioning (about 15 % of the SQL stage of the
        // default run); the two cores are better spent on the two workbooks and the figures.
        let mut config = SessionConfig::new()
            .with_target_partitions(1)
            .with_information_schema(true);
        // One optimizer pass: the plans are over tables of thousands of rows, where planning,
        // not execution, is most of a query's time (the lineage queries' especially); a
        // second and third pass changed no result and cost about 15 % of the SQL stage.
        config.options_mut().optimizer.max_passes = 1;
        let ctx = SessionContext::new_with_config(config);
        let params = params
            .bindings()
            .into_iter()
            .map(|(name, v)| {
                let scalar = match v {
                    ParamValue::Year(y) => ScalarValue::Int32(Some(y)),
                    ParamValue::Int(i) => ScalarValue::Int64(Some(i)),
                    ParamValue::Float(f) => ScalarValue::Float64(Some(f)),
                };
                (name.to_string(), scalar)
            })
            .collect();
        Ok(Engine {
            ctx,
            runtime,
            params,
        })
    }

    /// Bind one more named parameter (`$name`) for every later statement.
    pub fn bind(&mut self, name: &str, value: ScalarValue) {
        self.params.retain(|(n, _)| n != name);
        self.params.push((name.to_string(), value));
    }

    /// A session with explicit named parameters (for SQL outside a pipeline).
    pub fn with_bindings(params: Vec<(String, ScalarValue)>) -> Result<Engine> {
        let mut engine = Engine::new(&Params::default())?;
        engine.params = params;
        Ok(engine)
    }

    /// Make a batch visible to SQL as table `name`.
    pub fn register_batch(&self, name: &str, batch: RecordBatch) -> Result<()> {
        self.ctx
            .register_batch(name, batch)
            .map(|_| ())
            .map_err(|e| Error::Internal(format!("cannot register table {name}: {e}")))
    }

    /// Make a Parquet file visible to SQL as table `name`.
    pub fn register_parquet(&self, name: &str, path: &Path) -> Result<()> {
        let p = path.to_string_lossy().into_owned();
        self.runtime
            .block_on(
                self.ctx
                    .register_parquet(name, &p, ParquetReadOptions::default()),
            )
            .map_err(|e| engine_error(path, e))
    }

    /// Run SQL text with the parameters bound; `file` names it in errors.
    pub fn run_sql(&self, file: &Path, sql: &str) -> Result<Vec<RecordBatch>> {
        let err = |e: datafusion::error::DataFusionError| engine_error(file, e);
        self.runtime.block_on(async {
            let df = self.ctx.sql(sql).await.map_err(err)?;
            let df = df.with_param_values(self.params.clone()).map_err(err)?;
            df.collect().await.map_err(err)
        })
    }

    /// Run one SQL file and return its result as a table.
    pub fn run_file(&self, file: &Path) -> Result<Table> {
        let sql = read_sql(file)?;
        self.run_table(file, &sql)
    }

    /// Run SQL text and return its result as a table (columns named even when it has no rows).
    pub fn run_table(&self, file: &Path, sql: &str) -> Result<Table> {
        self.run_typed(file, sql).map(|(table, _)| table)
    }

    /// [`Self::run_file`], with each result column and a value of its type (zero, empty text or
    /// false): what `validate` gives the templates to try, from the same plan.
    pub fn run_file_sampled(&self, file: &Path) -> Result<(Table, Vec<(String, Value)>)> {
        let sql = read_sql(file)?;
        let (table, schema) = self.run_typed(file, &sql)?;
        let samples = schema
            .fields()
            .iter()
            .map(|f| {
                let t = f.data_type();
                let sample = if t.is_integer() {
                    Value::Int(0)
                } else if t.is_numeric() {
                    Value::Float(0.0)
                } else if *t == DataType::Boolean {
                    Value::Bool(false)
                } else {
                    Value::Text(String::new())
                };
                (f.name().clone(), sample)
            })
            .collect();
        Ok((table, samples))
    }

    /// The result of SQL text as a table, and its schema.
    fn run_typed(&self, file: &Path, sql: &str) -> Result<(Table, arrow::datatypes::Schema)> {
        let err = |e: datafusion::error::DataFusionError| engine_error(file, e);
        let (schema, batches) = self.runtime.block_on(async {
            let df = self.ctx.sql(sql).await.map_err(err)?;
            let df = df.with_param_values(self.params.clone()).map_err(err)?;
            let schema = df.schema().as_arrow().clone();
            Ok::<_, Error>((schema, df.collect().await.map_err(err)?))
        })?;
        let mut table = to_table(file, &batches)?;
        if table.columns.is_empty() {
            table.columns = schema.fields().iter().map(|f| f.name().clone()).collect();
        }
        Ok((table, schema))
    }

    /// Run one SQL file and register its result as table `name` for later queries.
    pub fn materialise(&self, name: &str, file: &Path) -> Result<usize> {
        let sql = read_sql(file)?;
        self.materialise_sql(name, file, &sql)
    }

    /// Like `materialise`, for SQL held in memory (`file` names it in messages).
    pub fn materialise_sql(&self, name: &str, file: &Path, sql: &str) -> Result<usize> {
        let sql = sql.to_string();
        let batches = self.run_sql(file, &sql)?;
        let rows = batches.iter().map(RecordBatch::num_rows).sum();
        let schema = match batches.first() {
            Some(b) => b.schema(),
            None => {
                // An empty result still needs its schema: plan it again to get it.
                let df = self
                    .runtime
                    .block_on(self.ctx.sql(&sql))
                    .and_then(|df| df.with_param_values(self.params.clone()))
                    .map_err(|e| engine_error(file, e))?;
                std::sync::Arc::new(df.schema().as_arrow().clone())
            }
        };
        let table = datafusion::datasource::MemTable::try_new(schema, vec![batches])
            .map_err(|e| engine_error(file, e))?;
        self.ctx
            .register_table(name, std::sync::Arc::new(table))
            .map_err(|e| engine_error(file, e))?;
        Ok(rows)
    }
}

/// The engine's refusal of the SQL in `file`, its source kept.
fn engine_error(file: &Path, e: impl std::error::Error + Send + Sync + 'static) -> Error {
    QueryError::Engine {
        file: file.to_path_buf(),
        source: Box::new(e),
    }
    .into()
}

fn read_sql(file: &Path) -> Result<String> {
    std::fs::read_to_string(file).map_err(|source| {
        Error::from(QueryError::Read {
            file: file.to_path_buf(),
            source,
        })
    })
}

/// Parse a SQL file without running it (for `validate`).
pub fn check_sql(file: &Path) -> Result<()> {
    let sql = read_sql(file)?;
    let statements = DFParser::parse_sql(&sql).map_err(|e| engine_error(file, e))?;
    if statements.len() != 1 {
        return Err(QueryError::Invalid {
            file: file.to_path_buf(),
            message: format!(
                "expected exactly one SQL statement, found {}",
                statements.len()
            ),
        }
        .into());
    }
    Ok(())
}

/// Convert record batches into a `Table`.
pub fn to_table(file: &Path, batches: &[RecordBatch]) -> Result<Table> {
    let Some(first) = batches.first() else {
        return Ok(Table {
            columns: Vec::new(),
            rows: Vec::new(),
        });
    };
    let columns: Vec<String> = first
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    let mut rows = Vec::new();
    for batch in batches {
        let cols: Vec<&ArrayRef> = batch.columns().iter().collect();
        for r in 0..batch.num_rows() {
            let mut row = Vec::with_capacity(cols.len());
            for col in &cols {
                row.push(cell(file, col, r)?);
            }
            rows.push(row);
        }
    }
    Ok(Table { columns, rows })
}

fn cell(file: &Path, col: &ArrayRef, r: usize) -> Result<Value> {
    if col.is_null(r) {
        return Ok(Value::Null);
    }
    Ok(match col.data_type() {
        DataType::Boolean => Value::Bool(col.as_boolean().value(r)),
        DataType::Int32 => Value::Int(col.as_primitive::<Int32Type>().value(r) as i64),
        DataType::Int64 => Value::Int(col.as_primitive::<Int64Type>().value(r)),
        DataType::Int8
        | DataType::Int16
        | DataType::UInt8
        | DataType::UInt16
        | DataType::UInt32
        | DataType::UInt64 => match arrow::compute::cast(col, &DataType::Int64) {
            Ok(a) if !a.is_null(r) => Value::Int(a.as_primitive::<Int64Type>().value(r)),
            _ => Value::Null,
        },
        DataType::Float64 => {
            let f = col.as_primitive::<Float64Type>().value(r);
            if f.is_finite() {
                Value::Float(f)
            } else {
                Value::Null
            }
        }
        DataType::Utf8 => Value::Text(col.as_string::<i32>().value(r).to_string()),
        DataType::LargeUtf8 => Value::Text(col.as_string::<i64>().value(r).to_string()),
        DataType::Utf8View => Value::Text(col.as_string_view().value(r).to_string()),
        other => {
            let cast = arrow::compute::cast(col, &DataType::Float64)
                .ok()
                .filter(|_| other.is_numeric())
                .map(|a| Value::Float(a.as_primitive::<Float64Type>().value(r)));
            match cast {
                Some(v) => v,
                None => {
                    let s = arrow::compute::cast(col, &DataType::Utf8).map_err(|e| {
                        Error::from(QueryError::Invalid {
                            file: file.to_path_buf(),
                            message: format!("column of type {other} cannot be shown: {e}"),
                        })
                    })?;
                    Value::Text(s.as_string::<i32>().value(r).to_string())
                }
            }
        }
    })
}
