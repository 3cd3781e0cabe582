//! `kidnap-trends query` without the ingest: registers a published Parquet warehouse, materialises
//! the pipeline's tables and runs one SQL file, as the `query` command does after reading the
//! sources. For benches/compare.sh (the command itself always re-reads the sources).
//!
//! Usage: warehouse_query PIPELINE WAREHOUSE_DIR SQL_FILE  (prints the result as csv)

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [pipeline, warehouse, sql] = args.as_slice() else {
        eprintln!("usage: warehouse_query PIPELINE WAREHOUSE_DIR SQL_FILE");
        std::process::exit(2);
    };
    if let Err(e) = run(Path::new(pipeline), Path::new(warehouse), Path::new(sql)) {
        eprintln!("error: {e}");
        std::process::exit(e.exit_code());
    }
}

fn run(pipeline: &Path, warehouse: &Path, sql: &Path) -> kidnap_trends::error::Result<()> {
    use kidnap_trends::store::warehouse::read_parquet;
    let p = kidnap_trends::config::load(pipeline)?;
    let engine = kidnap_trends::query::Engine::new(&p.params)?;
    for table in [
        "observations",
        "previous_observations",
        "population",
        "countries",
    ] {
        let batch = read_parquet(&warehouse.join(format!("{table}.parquet")))?;
        engine.register_batch(table, batch)?;
    }
    for (name, file) in p.query_files()? {
        if p.tables.contains(&name) {
            engine.materialise(&name, &file)?;
        }
    }
    let table = engine.run_file(sql)?;
    println!("{}", table.columns.join(","));
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(|v| v.as_text()).collect();
        println!("{}", cells.join(","));
    }
    Ok(())
}
