//! What the commands print: aligned text tables and the release comparison.

use super::*;

/// A plain aligned text table; rates and floats with one decimal, nulls as "..".
pub fn pretty(t: &Table) -> String {
    use crate::query::Value;
    let cells: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|v| match v {
                    Value::Null => format::NA.to_string(),
                    Value::Float(f) if f.fract() == 0.0 => format::number(*f, 0),
                    Value::Float(f) => format::number(*f, if f.abs() < 1.0 { 3 } else { 1 }),
                    other => other.as_text(),
                })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = t.columns.iter().map(|c| c.chars().count()).collect();
    for r in &cells {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |r: &[String]| {
        r.iter()
            .enumerate()
            .map(|(i, c)| format!("{c:<w$}", w = widths[i]))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = vec![line(&t.columns)];
    out.push(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("  "),
    );
    out.extend(cells.iter().map(|r| line(r)));
    out.join("\n")
}

pub(super) fn diff(
    old: &Path,
    new: &Path,
    pipeline: Option<&Path>,
    category: &str,
    threshold: f64,
    csv_out: Option<(&Path, bool)>,
    all: bool,
) -> Result<(), Error> {
    // Refused before any work: a file that exists (without --overwrite) or is an input.
    let inputs = match pipeline {
        Some(p) => crate::pipeline::protected(&crate::config::load(p)?).inputs,
        None => vec![old.to_path_buf(), new.to_path_buf()],
    };
    if let Some((path, overwrite)) = csv_out {
        crate::store::publish::refuse_file(path, overwrite, &inputs)?;
    }
    let d = match pipeline {
        Some(p) => {
            let p = crate::config::load(p)?;
            let id = |x: &Path| x.to_string_lossy().into_owned();
            crate::pipeline::diff::diff_releases(&p, &id(old), &id(new), threshold)?
        }
        None => crate::pipeline::diff::diff(old, new, category, threshold)?,
    };
    if let Some((path, overwrite)) = csv_out {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let err = |e: csv::Error| Error::Internal(format!("{}: {e}", path.display()));
        w.write_record(&d.table.columns).map_err(err)?;
        for r in &d.table.rows {
            w.write_record(r.iter().map(csv_cell)).map_err(err)?;
        }
        let bytes = w.into_inner().map_err(|e| Error::Internal(e.to_string()))?;
        crate::store::publish::write_file(path, &bytes, overwrite, &inputs)?;
    }
    stdout_line(&format!(
        "{category}: {} → {} (revisions over {} marked large)",
        old.display(),
        new.display(),
        format::per_cent_text(Some(threshold))
    ))?;
    for (status, unit, n, large) in &d.summary {
        let unit = if unit == "count" { "counts" } else { "rates" };
        let extra = if status == "changed" {
            format!(" ({large} large)")
        } else {
            String::new()
        };
        stdout_line(&format!("  {status:<8} {unit:<6} {n:>6}{extra}"))?;
    }
    let li = d.table.column("large");
    let si = d.table.column("status");
    let shown = Table {
        columns: d.table.columns.clone(),
        rows: d
            .table
            .rows
            .iter()
            .filter(|r| {
                all || li.is_some_and(|i| r[i] == crate::query::Value::Bool(true))
                    || si.is_some_and(|i| r[i].as_text() != "changed")
            })
            .cloned()
            .collect(),
    };
    stdout_line(&pretty(&shown))
}

/// A result cell as CSV text: numbers as numbers; text that a spreadsheet would run as a
/// formula is marked as text.
pub fn csv_cell(v: &crate::query::Value) -> String {
    match v {
        crate::query::Value::Text(s) => format::spreadsheet_safe(s).into_owned(),
        other => other.as_text(),
    }
}
