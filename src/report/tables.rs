//! Tables of the report: each table spec filled from its query's result, as CSV too.

use super::*;

#[derive(Serialize, Clone)]
pub(super) struct TableCtx {
    pub(super) id: String,
    pub(super) number: u32,
    pub(super) title: String,
    pub(super) headers: Vec<String>,
    pub(super) rows: Vec<Vec<String>>,
    pub(super) notes: Vec<String>,
    /// Per column: right-align (numbers) or not (text).
    pub(super) numeric: Vec<bool>,
    /// The unformatted values and their formats, for the workbook.
    #[serde(skip)]
    pub(super) values: Vec<Vec<Value>>,
    #[serde(skip)]
    pub(super) formats: Vec<Format>,
    /// The address of each printed cell (`T3/USA/rate`; see `explain`), when the spec names
    /// the row's columns (`address:`).
    #[serde(skip)]
    pub(super) cells: Vec<Vec<String>>,
}

pub(super) fn table_ctx(
    dir: &Path,
    t: &TableSpec,
    number: u32,
    table: &Table,
    text: &dyn Fn(&str) -> Result<String>,
) -> Result<TableCtx> {
    let mut idx = Vec::new();
    for c in &t.columns {
        let i = table.column(&c.field).ok_or_else(|| Error::Report {
            file: dir.join("report.yaml"),
            message: format!(
                "table {}: query {} has no column `{}` (it has {})",
                t.id,
                t.query,
                c.field,
                table.columns.join(", ")
            ),
        })?;
        idx.push((i, c.format));
    }
    let rows = table
        .rows
        .iter()
        .map(|row| idx.iter().map(|(i, fmt)| printed(&row[*i], *fmt)).collect())
        .collect();
    Ok(TableCtx {
        id: t.id.clone(),
        number,
        title: text(&t.title)?,
        headers: t
            .columns
            .iter()
            .map(|c| text(&c.header))
            .collect::<Result<_>>()?,
        rows,
        notes: t.notes.iter().map(|n| text(n)).collect::<Result<_>>()?,
        values: table
            .rows
            .iter()
            .map(|row| idx.iter().map(|(i, _)| row[*i].clone()).collect())
            .collect(),
        formats: idx.iter().map(|(_, f)| *f).collect(),
        numeric: idx.iter().map(|(_, f)| *f != Format::Text).collect(),
        cells: cell_addresses(t, table),
    })
}

/// `ID/key…/field` for every printed cell of `table` (none when the spec names no keys).
fn cell_addresses(t: &TableSpec, table: &Table) -> Vec<Vec<String>> {
    let keys: Option<Vec<usize>> = t.address.iter().map(|k| table.column(k)).collect();
    let Some(keys) = keys.filter(|k| !k.is_empty()) else {
        return Vec::new();
    };
    table
        .rows
        .iter()
        .map(|row| {
            let mut base = t.id.clone();
            for k in &keys {
                base.push('/');
                base.push_str(&row[*k].as_text());
            }
            t.columns
                .iter()
                .map(|c| format!("{base}/{}", c.field))
                .collect()
        })
        .collect()
}

pub(super) fn table_csv(t: &TableCtx) -> Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let err = |e: csv::Error| Error::Internal(format!("writing table {}: {e}", t.id));
    w.write_record(&t.headers).map_err(err)?;
    for row in &t.rows {
        // CSV holds plain numbers, as spreadsheets read them: no thousands separators, and
        // the ASCII hyphen-minus for the typeset minus sign.
        let plain: Vec<String> = row
            .iter()
            .map(|c| c.replace(format::MINUS, "-"))
            .map(|c| {
                if c.chars()
                    .all(|ch| ch.is_ascii_digit() || ",.-".contains(ch))
                {
                    c.replace(',', "")
                } else {
                    c.clone()
                }
            })
            .map(|c| format::spreadsheet_safe(&c).into_owned())
            .collect();
        w.write_record(&plain).map_err(err)?;
    }
    w.into_inner()
        .map_err(|e| Error::Internal(format!("writing table {}: {e}", t.id)))
}

/// A table cell as the report prints it in `format`.
pub fn printed(v: &Value, format: Format) -> String {
    match format {
        Format::Text => match v {
            Value::Null => format::NA.to_string(),
            other => other.as_text(),
        },
        Format::Count => format::with_nil(v.as_f64(), format::count),
        Format::Rate => format::rate(v.as_f64()),
        Format::Decimal2 => v
            .as_f64()
            .map_or(format::NA.to_string(), |x| format::number(x, 2)),
        Format::Percent => format::percent(v.as_f64()),
        Format::Integer => v
            .as_f64()
            .map_or(format::NA.to_string(), |x| format!("{x:.0}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_plain_numbers_with_the_ascii_minus() {
        let t = TableCtx {
            id: "T".into(),
            number: 1,
            title: String::new(),
            headers: vec!["unit".into(), "change".into(), "count".into()],
            rows: vec![vec![
                "Lithuania".into(),
                format::percent(Some(-0.977)),
                format::count(Some(-1234.0)),
            ]],
            notes: Vec::new(),
            numeric: vec![false, true, true],
            values: Vec::new(),
            formats: Vec::new(),
            cells: Vec::new(),
        };
        assert_eq!(t.rows[0][1], "−97.7", "the report prints the minus sign");
        let csv = String::from_utf8(table_csv(&t).unwrap()).unwrap();
        assert_eq!(csv, "unit,change,count\nLithuania,-97.7,-1234\n");
    }
}
