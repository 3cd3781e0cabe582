//! `explain`: where a number of the published report comes from.
//!
//! Takes a pipeline, its published output folder and an address (`T3/USA/rate`,
//! `N2/kidnappings`, `F2/Americas/2015/rate`); answers from that output — its warehouse, its
//! lineage and the parameters it was published with, never a new run — with the number as the
//! report prints it, the SQL file and the parameters it binds, the rules the SQL states, the
//! source cells behind the number, and a recomputation from those cells' text, done here,
//! independently of the SQL. A recomputation that disagrees (or that this module cannot do)
//! is an error: exit 1. `explain ITEM UNIT` says why a unit is not in an item (or why it is).

mod cells;
mod published;
mod recompute;
mod rules;
mod whynot;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::config::Pipeline;
use crate::error::{Error, Result};
use crate::query::{Engine, Table, Value};
use crate::report::spec::{Format, ReportSpec};

pub use cells::Cell;
pub use published::{Opened, open_published};

/// What `explain` prints.
pub struct Explanation {
    pub text: String,
    /// Why the command fails after printing `text`: a recomputation that disagrees, or none
    /// for this kind of number yet (exit 1).
    pub failure: Option<Error>,
}

/// The published output an explanation reads, opened once for any number of addresses.
pub struct Published {
    dir: PathBuf,
    pipeline: Pipeline,
    spec: ReportSpec,
    engine: Engine,
    lineage: cells::Lineage,
    /// The units of the warehouse's `countries` table.
    members: BTreeMap<String, recompute::Member>,
    /// How many observations of the previous release the warehouse keeps.
    previous_rows: usize,
    /// The warehouse's observations and population.
    tables: recompute::Tables,
    /// Item query results, run once each.
    results: std::cell::RefCell<BTreeMap<String, Table>>,
    /// What changed since the output was published (said before the answer).
    notes: Vec<String>,
}

/// One item of the report: a figure, a table or a narrative query.
struct Item {
    id: String,
    kind: &'static str,
    query: String,
    /// Result columns naming a row (`[iso3]`); none for a narrative item (one row).
    keys: Vec<String>,
    /// Printed formats of table columns.
    formats: BTreeMap<String, Format>,
    /// The columns a figure draws (its chart's keys); empty for tables and the narrative.
    drawn: Vec<String>,
}

/// `explain [PIPELINE] ADDRESS` and `explain [PIPELINE] ITEM UNIT`.
pub fn explain(pipeline: &Pipeline, output: Option<&Path>, args: &[String]) -> Result<Explanation> {
    Published::open(pipeline, output)?.explain(args)
}

impl Published {
    /// The pipeline's published output (`output`, else the pipeline's own).
    pub fn open(pipeline: &Pipeline, output: Option<&Path>) -> Result<Published> {
        published::open(pipeline, output)
    }

    /// One explanation: `[ADDRESS]`, `[ITEM]` or `[ITEM, UNIT]`.
    pub fn explain(&self, args: &[String]) -> Result<Explanation> {
        let mut text = String::new();
        for n in &self.notes {
            let _ = writeln!(text, "note: {n}");
        }
        let notes = text.len();
        let done = match args {
            [address] => explain_address(self, address, &mut text),
            [item, unit] => whynot::explain(self, &item_of(self, item)?, unit, &mut text),
            _ => {
                return Err(usage(
                    "explain takes an address (T3/USA/rate), an item (T3), or an item and a unit (T5 SVK)",
                ));
            }
        };
        match done {
            Ok(()) => Ok(Explanation {
                text,
                failure: None,
            }),
            // What was found is printed before the failure.
            Err(e) if text.len() > notes => Ok(Explanation {
                text,
                failure: Some(e),
            }),
            Err(e) => Err(e),
        }
    }

    /// Every number the report prints in its tables, figures and narrative, by address: each
    /// row's numeric columns (`T3/USA/rate`) and each narrative value (`N2/kidnappings`).
    pub fn printed_addresses(&self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        let ids: Vec<String> = self
            .spec
            .figures
            .iter()
            .map(|f| f.id.clone())
            .chain(self.spec.tables.iter().map(|t| t.id.clone()))
            .chain(self.spec.narrative.iter().cloned())
            .collect();
        for id in ids {
            let item = item_of(self, &id)?;
            let table = self.result(&item)?;
            let fields: Vec<&String> = match item.kind {
                "table" => item
                    .formats
                    .iter()
                    .filter(|(_, f)| **f != Format::Text)
                    .map(|(c, _)| c)
                    .collect(),
                "figure" => item.drawn.iter().collect(),
                _ => table.columns.iter().collect(),
            };
            for row in &table.rows {
                let base = row_address(&item, &table, row);
                for f in &fields {
                    if let Some(i) = table.column(f)
                        && matches!(row[i], Value::Int(_) | Value::Float(_))
                        && !item.keys.contains(f)
                    {
                        out.push(format!("{base}/{f}"));
                    }
                }
            }
        }
        Ok(out)
    }
}

fn usage(message: impl Into<String>) -> Error {
    Error::Output(message.into())
}

fn item_of(p: &Published, id: &str) -> Result<Item> {
    let spec = &p.spec;
    if let Some(f) = spec.figures.iter().find(|f| f.id.eq_ignore_ascii_case(id)) {
        return Ok(Item {
            id: f.id.clone(),
            kind: "figure",
            query: f.query.clone(),
            keys: f.address.clone(),
            formats: BTreeMap::new(),
            drawn: f.columns().iter().map(|(_, c)| c.to_string()).collect(),
        });
    }
    if let Some(t) = spec.tables.iter().find(|t| t.id.eq_ignore_ascii_case(id)) {
        return Ok(Item {
            id: t.id.clone(),
            kind: "table",
            query: t.query.clone(),
            keys: t.address.clone(),
            formats: t
                .columns
                .iter()
                .map(|c| (c.field.clone(), c.format))
                .collect(),
            drawn: Vec::new(),
        });
    }
    if let Some(n) = spec.narrative.iter().find(|n| n.eq_ignore_ascii_case(id)) {
        return Ok(Item {
            id: n.clone(),
            kind: "narrative item",
            query: n.clone(),
            keys: Vec::new(),
            formats: BTreeMap::new(),
            drawn: Vec::new(),
        });
    }
    let known: Vec<&str> = spec
        .figures
        .iter()
        .map(|f| f.id.as_str())
        .chain(spec.tables.iter().map(|t| t.id.as_str()))
        .chain(spec.narrative.iter().map(String::as_str))
        .collect();
    Err(usage(format!(
        "no item `{id}` in the report (items: {})",
        known.join(", ")
    )))
}

impl Published {
    fn result(&self, item: &Item) -> Result<Table> {
        if let Some(t) = self.results.borrow().get(&item.query) {
            return Ok(t.clone());
        }
        let file = self
            .pipeline
            .queries_dir
            .join(format!("{}.sql", item.query));
        let t = self.engine.run_file(&file)?;
        self.results
            .borrow_mut()
            .insert(item.query.clone(), t.clone());
        Ok(t)
    }

    /// Lineage rows of `address`, as cells.
    fn cells(&self, address: &str) -> Vec<Cell> {
        self.lineage.cells(address)
    }

    /// Addresses of the lineage under `prefix` (`T3/`).
    fn addresses(&self, prefix: &str) -> Vec<String> {
        self.lineage.addresses(prefix, None)
    }
}

/// The row address of each row of `table` (`T3/USA`).
fn row_address(item: &Item, table: &Table, row: &[Value]) -> String {
    let mut a = item.id.clone();
    for k in &item.keys {
        if let Some(i) = table.column(k) {
            a.push('/');
            a.push_str(&row[i].as_text());
        }
    }
    a
}

fn explain_address(p: &Published, address: &str, out: &mut String) -> Result<()> {
    let parts: Vec<&str> = address.split('/').collect();
    let item = item_of(p, parts[0])?;
    let table = p.result(&item)?;
    let rest = &parts[1..];
    let n = item.keys.len();
    if rest.len() < n || (rest.is_empty() && !item.keys.is_empty()) {
        return list(p, &item, &table, rest, out);
    }
    // The row: key values matched as text, case aside.
    let row = table
        .rows
        .iter()
        .find(|r| {
            item.keys.iter().zip(rest).all(|(k, want)| {
                table
                    .column(k)
                    .is_some_and(|i| r[i].as_text().eq_ignore_ascii_case(want))
            })
        })
        .or(if n == 0 { table.rows.first() } else { None });
    let Some(row) = row else {
        return Err(usage(format!(
            "{} has no row {} (`kidnap-trends explain {}` lists its addresses; \
             `kidnap-trends explain {} UNIT` says why a unit is not in it)",
            item.id,
            rest[..n].join("/"),
            item.id,
            item.id
        )));
    };
    let row_addr = if n == 0 {
        item.id.clone()
    } else {
        row_address(&item, &table, row)
    };
    let Some(field) = rest.get(n) else {
        // A row: its fields, each with its address.
        let _ = writeln!(out, "{row_addr}: {} {} of the report", item.kind, item.id);
        for (i, c) in table.columns.iter().enumerate() {
            let _ = writeln!(out, "  {row_addr}/{c} = {}", shown(&item, c, &row[i]));
        }
        return Ok(());
    };
    let Some(fi) = table
        .columns
        .iter()
        .position(|c| c.eq_ignore_ascii_case(field))
    else {
        return Err(usage(format!(
            "{} has no column `{field}` (it has {})",
            item.id,
            table.columns.join(", ")
        )));
    };
    let field = table.columns[fi].clone();
    let value = &row[fi];
    let printed = shown(&item, &field, value);
    let _ = writeln!(out, "{row_addr}/{field} = {printed}");
    let _ = writeln!(
        out,
        "  as printed in {} {} of the report published at {}",
        item.kind,
        item.id,
        p.dir.display()
    );
    let sql_file = p.pipeline.queries_dir.join(format!("{}.sql", item.query));
    rules::sql_and_rules(p, &sql_file, out)?;
    // The cells: the field's own lineage address when it has one, else the row's.
    let field_addr = format!("{row_addr}/{field}");
    let mut cells = p.cells(&field_addr);
    let mut cells_addr = field_addr.clone();
    if cells.is_empty()
        && let Some(a) = recompute::narrative_address(&item.id, &field)
    {
        cells_addr = format!("{}/{a}", item.id);
        cells = p.cells(&cells_addr);
    }
    // A figure 4 median rests on the region's rates.
    if item.id == "F4"
        && field == "median_rate"
        && let Some(region) = rest.first()
    {
        cells_addr = format!("F4/{}/median", table_text(&table, row, "region", region));
        cells = p.cells(&cells_addr);
    }
    if cells.is_empty() {
        cells = p.cells(&row_addr);
        cells_addr = row_addr.clone();
    }
    print_cells(&cells, &cells_addr, out);
    // The recomputation, from the cells' text.
    let ctx = recompute::Context {
        item: &item.id,
        field: &field,
        row: table
            .columns
            .iter()
            .cloned()
            .zip(row.iter().cloned())
            .collect(),
        params: &p.pipeline.params,
        previous: p.pipeline.previous.as_ref().map(|s| s.id.as_str()),
        sources: &p.pipeline.sources,
        members: &p.members,
        lineage: &|a| p.cells(a),
        under: &|prefix| p.addresses(prefix),
        previous_rows: p.previous_rows,
        quality: &p.pipeline.quality,
        tables: &p.tables,
    };
    match recompute::recompute(&ctx, &cells) {
        // Not available in the report, and not computable from the cells: they agree.
        Some(Err(why)) if matches!(value, Value::Null) => {
            let _ = writeln!(
                out,
                "  recomputed from the cells' text: not available ({why}), as printed ({printed})"
            );
            Ok(())
        }
        Some(Ok((x, how))) => {
            // A whole number the report holds as an integer is printed as one.
            let again = match value {
                Value::Int(_) if x.fract() == 0.0 && x.abs() < 9.0e15 => {
                    shown(&item, &field, &Value::Int(x as i64))
                }
                _ => shown(&item, &field, &Value::Float(x)),
            };
            let agrees = match value.as_f64() {
                Some(v) => (x - v).abs() <= 1e-9 * v.abs().max(1e-300) || x == v,
                None => false,
            };
            let _ = writeln!(out, "  recomputed from the cells' text: {how}");
            if agrees && again == printed {
                let _ = writeln!(
                    out,
                    "    = {again}: equal to the published value to 1e-9 relative, printed the same"
                );
                Ok(())
            } else {
                Err(Error::Ingest(crate::error::IngestError::Quality {
                    message: format!(
                        "{row_addr}/{field}: the recomputation from the source cells gives {x} \
                         (printed {again}), the report {} (printed {printed})",
                        value.as_text()
                    ),
                }))
            }
        }
        Some(Err(why)) => Err(Error::Ingest(crate::error::IngestError::Quality {
            message: format!("{row_addr}/{field}: cannot recompute from the cells: {why}"),
        })),
        None => Err(Error::Ingest(crate::error::IngestError::Quality {
            message: format!(
                "{row_addr}/{field}: no independent recomputation of this kind of number yet; \
                 its cells are listed above"
            ),
        })),
    }
}

/// The text of `row`'s column `name`, or `default` when it has none.
fn table_text(table: &Table, row: &[Value], name: &str, default: &str) -> String {
    table
        .column(name)
        .map_or_else(|| default.to_string(), |i| row[i].as_text())
}

fn print_cells(cells: &[Cell], address: &str, out: &mut String) {
    const SHOWN: usize = 12;
    let _ = writeln!(out, "  source cells ({} under {address}):", cells.len());
    for c in cells.iter().take(SHOWN) {
        let _ = writeln!(out, "    {}", c.describe());
    }
    if cells.len() > SHOWN {
        let _ = writeln!(
            out,
            "    … and {} more (`kidnap-trends query` reads them all: SELECT * FROM lineage WHERE address = '{address}')",
            cells.len() - SHOWN
        );
    }
}

/// A value as the report prints it: a table column in its format; otherwise by what the
/// column holds.
fn shown(item: &Item, field: &str, v: &Value) -> String {
    if let Some(f) = item.formats.get(field) {
        return crate::report::printed(v, *f);
    }
    let f = field.to_ascii_lowercase();
    let Some(x) = v.as_f64() else {
        return match v {
            Value::Null => crate::format::NA.to_string(),
            other => other.as_text(),
        };
    };
    if matches!(v, Value::Int(_)) || f == "year" || f.ends_with("_year") {
        return if f.contains("year") {
            format!("{x:.0}")
        } else {
            crate::format::count(Some(x))
        };
    }
    if f.contains("share") || f.contains("change") || f == "cagr" || f == "yoy" {
        crate::format::per_cent_text(Some(x))
    } else if f.contains("rate") || f.contains("mean") || f == "index" || f.contains("average") {
        crate::format::rate(Some(x))
    } else {
        crate::format::count(Some(x))
    }
}

/// An item's rows and their addresses (`explain T3`), or those under a partial address.
fn list(p: &Published, item: &Item, table: &Table, rest: &[&str], out: &mut String) -> Result<()> {
    let _ = writeln!(
        out,
        "{} {}: {} rows; addresses {}/{}[/column]",
        item.kind,
        item.id,
        table.rows.len(),
        item.id,
        item.keys.join("/")
    );
    for r in &table.rows {
        let a = row_address(item, table, r);
        let parts: Vec<&str> = a.split('/').skip(1).collect();
        if rest
            .iter()
            .zip(&parts)
            .all(|(w, g)| w.eq_ignore_ascii_case(g))
        {
            let _ = writeln!(out, "  {a}");
        }
    }
    let _ = writeln!(out, "columns: {}", table.columns.join(", "));
    let lineage = p.addresses(&format!("{}/", item.id));
    let _ = writeln!(out, "lineage addresses: {}", lineage.len());
    Ok(())
}
