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

/// How a table's texts are rendered: a catalogue key (title, header) on its own, or with a
/// row's values (a column's `text`).
pub(super) type Render<'a> = dyn Fn(&str, Option<&minijinja::Value>) -> Result<String> + 'a;

/// One column of a filled table: a query column's index, or a template over the row.
enum Source<'s> {
    Field(usize),
    Text(&'s str),
}

pub(super) fn table_ctx(
    dir: &Path,
    t: &TableSpec,
    number: u32,
    (table, keys): (&Table, Option<&Table>),
    text: &Render<'_>,
    notes: Vec<String>,
    rules: &format::style::Rules,
) -> Result<TableCtx> {
    let mut sources = Vec::new();
    for c in &t.columns {
        if let Some(template) = &c.text {
            sources.push((Source::Text(template), Format::Text));
            continue;
        }
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
        sources.push((Source::Field(i), c.format));
    }
    let has_text = sources.iter().any(|(s, _)| matches!(s, Source::Text(_)));
    let mut values = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let ctx = has_text.then(|| row_value(table, row));
        let mut cells = Vec::with_capacity(sources.len());
        for (source, _) in &sources {
            cells.push(match source {
                Source::Field(i) => row[*i].clone(),
                Source::Text(template) => Value::Text(text(template, ctx.as_ref())?),
            });
        }
        values.push(cells);
    }
    let formats: Vec<Format> = sources.iter().map(|(_, f)| *f).collect();
    let rows = values
        .iter()
        .map(|row| {
            row.iter()
                .zip(&formats)
                .map(|(v, f)| printed_in(rules, v, *f))
                .collect()
        })
        .collect();
    Ok(TableCtx {
        id: t.id.clone(),
        number,
        title: text(&t.title_key(), None)?,
        headers: t
            .columns
            .iter()
            .map(|c| text(&c.header_key(&t.id), None))
            .collect::<Result<_>>()?,
        rows,
        notes,
        values,
        numeric: formats.iter().map(|f| *f != Format::Text).collect(),
        formats,
        // Addresses name rows by the original's keys (`T1/Americas`) in every language.
        cells: cell_addresses(t, keys.unwrap_or(table)),
    })
}

/// A query row as a template value: each column's value under its name (NULL as none).
pub(super) fn row_value(table: &Table, row: &[Value]) -> minijinja::Value {
    table
        .columns
        .iter()
        .zip(row)
        .map(|(name, v)| {
            let v = match v {
                Value::Null => minijinja::Value::from(()),
                Value::Bool(b) => minijinja::Value::from(*b),
                Value::Int(i) => minijinja::Value::from(*i),
                Value::Float(f) => minijinja::Value::from(*f),
                Value::Text(s) => minijinja::Value::from(s.as_str()),
            };
            (name.clone(), v)
        })
        .collect::<BTreeMap<String, minijinja::Value>>()
        .into()
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
    for values in &t.values {
        // Numbers in machine form from the values themselves (at the precision the report
        // prints, no grouping, the ASCII minus: the same in every language); text as printed,
        // with the ASCII minus.
        let cells: Vec<String> = values
            .iter()
            .zip(&t.formats)
            .map(|(v, f)| format::spreadsheet_safe(&machine(v, *f)).into_owned())
            .collect();
        w.write_record(&cells).map_err(err)?;
    }
    w.into_inner()
        .map_err(|e| Error::Internal(format!("writing table {}: {e}", t.id)))
}

/// A cell in machine form for the CSV: a number as [`format::plain`] writes it, at the precision
/// of [`printed`], the nil ("–") and not-available ("..") symbols as printed; a text as printed,
/// with the ASCII minus.
fn machine(v: &Value, format: Format) -> String {
    match (format, v.as_f64()) {
        (Format::Text, _) => printed(v, format).replace(format::MINUS, "-"),
        (_, None) => format::NA.to_string(),
        (Format::Count, Some(0.0)) => format::NIL.to_string(),
        (Format::Count | Format::Integer, Some(x)) => format::plain(x, 0),
        (Format::Rate, Some(x)) => format::plain(x, 1),
        (Format::Decimal2, Some(x)) => format::plain(x, 2),
        (Format::Percent, Some(x)) => format::plain(x * 100.0, 1),
    }
}

/// A table cell as the report prints it in `format`.
pub fn printed(v: &Value, format: Format) -> String {
    printed_in(&format::style::ENGLISH, v, format)
}

/// [`printed`] by the number rules of a language ("1,234.5", "1 234,5", "1.234,5").
pub fn printed_in(rules: &format::style::Rules, v: &Value, format: Format) -> String {
    let fixed = |decimals: usize, scale: f64| {
        v.as_f64().map_or(format::NA.to_string(), |x| {
            rules.number(x * scale, decimals)
        })
    };
    match format {
        Format::Text => match v {
            Value::Null => format::NA.to_string(),
            other => other.as_text(),
        },
        Format::Count if v.as_f64() == Some(0.0) => format::NIL.to_string(),
        Format::Count => fixed(0, 1.0),
        Format::Rate => fixed(1, 1.0),
        Format::Decimal2 => fixed(2, 1.0),
        Format::Percent => fixed(1, 100.0),
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
        let values = vec![
            Value::Text("Lithuania".into()),
            Value::Float(-0.977),
            Value::Float(-1234.0),
            Value::Float(175.34),
            Value::Int(0),
            Value::Null,
            Value::Text("a − b".into()),
        ];
        let formats = vec![
            Format::Text,
            Format::Percent,
            Format::Count,
            Format::Rate,
            Format::Count,
            Format::Decimal2,
            Format::Text,
        ];
        let rows = vec![
            values
                .iter()
                .zip(&formats)
                .map(|(v, f)| printed(v, *f))
                .collect::<Vec<_>>(),
        ];
        let t = TableCtx {
            id: "T".into(),
            number: 1,
            title: String::new(),
            headers: ["unit", "change", "count", "rate", "nil", "na", "text"]
                .map(String::from)
                .to_vec(),
            rows,
            notes: Vec::new(),
            numeric: formats.iter().map(|f| *f != Format::Text).collect(),
            values: vec![values],
            formats,
            cells: Vec::new(),
        };
        assert_eq!(t.rows[0][1], "−97.7", "the report prints the minus sign");
        assert_eq!(t.rows[0][2], "−1,234", "and groups the thousands");
        let csv = String::from_utf8(table_csv(&t).unwrap()).unwrap();
        assert_eq!(
            csv,
            "unit,change,count,rate,nil,na,text\nLithuania,-97.7,-1234,175.3,–,..,a - b\n"
        );
    }

    #[test]
    fn csv_numbers_come_from_the_values_not_the_printed_text() {
        // A document whose numbers print "175,3" (a decimal comma) writes 175.3, never 1753.
        let t = TableCtx {
            id: "T".into(),
            number: 1,
            title: String::new(),
            headers: vec!["rate".into()],
            rows: vec![vec!["175,3".into()]],
            notes: Vec::new(),
            numeric: vec![true],
            values: vec![vec![Value::Float(175.3)]],
            formats: vec![Format::Rate],
            cells: Vec::new(),
        };
        let csv = String::from_utf8(table_csv(&t).unwrap()).unwrap();
        assert_eq!(csv, "rate\n175.3\n");
    }
}
