//! One data row of a `table` source: its country, sub-national unit, years and values read,
//! checked and summed.

use super::*;

impl Reader<'_> {
    pub(super) fn row_with(
        &mut self,
        cols: &Columns,
        row: usize,
        cells: &[Cell],
        mut texts: Vec<Cow<'_, str>>,
    ) -> Result<(), IngestError> {
        // Fill-down first: filters may look at a filled column.
        if self.last.len() < texts.len() {
            self.last.resize(texts.len(), String::new());
        }
        for &c in &cols.fill_down {
            if c < texts.len() {
                if texts[c].is_empty() {
                    texts[c] = Cow::Owned(self.last[c].clone());
                } else {
                    self.last[c] = texts[c].to_string();
                }
            }
        }
        let get = |i: usize| texts.get(i).map(|t| t.as_ref()).unwrap_or("");
        if cols.filter.iter().any(|(c, want)| get(*c) != want) {
            return Ok(());
        }
        self.rows_kept += 1;
        let file = self.file();
        let cell_error = |column: usize, expected: String| IngestError::Cell {
            file: file.clone(),
            row,
            column: match cols.names.get(column) {
                Some(n) if !n.is_empty() => format!("{} ({n})", column_letter(column)),
                _ => column_letter(column),
            },
            expected,
            found: texts.get(column).map(|t| t.to_string()).unwrap_or_default(),
        };
        // The country.
        let (country_text, country_col) = match (&self.spec.country.value, cols.country) {
            (Some(v), _) => (v.clone(), usize::MAX),
            (None, Some(c)) => (clean_name(get(c), &self.spec.footnote_marks), c),
            (None, None) => return Ok(()),
        };
        // A fixed country is resolved once; a bad one is one finding, on the first data row.
        let resolved = match &self.fixed_country {
            Some(Ok(iso3)) => Ok(iso3.clone()),
            Some(Err(())) => return Ok(()),
            None => self
                .resolver
                .resolve(self.spec.country.code, &country_text)
                .map(|c| c.iso3.clone()),
        };
        if self.spec.country.value.is_some() && self.fixed_country.is_none() {
            self.fixed_country = Some(resolved.clone().map_err(|_| ()));
        }
        let iso3 = match resolved {
            Ok(iso3) => iso3,
            Err(hint) => {
                let column = match cols.names.get(country_col) {
                    Some(n) if !n.is_empty() => format!("{} ({n})", column_letter(country_col)),
                    _ if country_col == usize::MAX => "`country.value` of the pipeline".into(),
                    _ => column_letter(country_col),
                };
                let e = IngestError::UnknownCode {
                    file: file.clone(),
                    row,
                    column,
                    code: country_text,
                    hint,
                };
                self.finding(
                    &cols.names,
                    Rule::UnknownCode,
                    row,
                    country_col,
                    e,
                    &texts,
                    (None, None),
                );
                return Ok(());
            }
        };
        let (sub_code, sub_name) = match cols.subunit_name {
            Some(n) => {
                let name = get(n).to_string();
                let code = cols
                    .subunit_code
                    .map(|c| get(c).to_string())
                    .unwrap_or_else(|| name.clone());
                (code, name)
            }
            None => (String::new(), String::new()),
        };
        // The values: one per long row, or one per year column.
        let mut values: Vec<(usize, i32, Unit)> = Vec::new();
        match (cols.year, cols.value, self.spec.unit) {
            (Some(yc), Some(vc), Some(unit)) => {
                let year = match cells.get(yc) {
                    Some(Cell::Number(n)) if n.fract() == 0.0 => Some(*n as i64),
                    _ => get(yc).parse::<i64>().ok(),
                }
                .filter(|y| (1900..=2100).contains(y));
                let Some(year) = year else {
                    let e = cell_error(yc, "a year between 1900 and 2100".into());
                    self.finding(
                        &cols.names,
                        Rule::BadValue,
                        row,
                        yc,
                        e,
                        &texts,
                        (Some(iso3), None),
                    );
                    return Ok(());
                };
                values.push((vc, year as i32, unit));
            }
            _ => values.extend(cols.wide.iter().copied()),
        }
        for (col, year, unit) in values {
            if let Some([from, to]) = self.spec.years
                && !(from..=to).contains(&year)
            {
                continue;
            }
            let number = match cells.get(col) {
                Some(Cell::Number(n)) if n.is_finite() && *n >= 0.0 => Some(Number::Value(*n)),
                // A footnote mark after a number (`1,045*`) is not part of it.
                _ => self.spec.numbers.parse(
                    get(col)
                        .trim()
                        .trim_end_matches(|c: char| self.spec.footnote_marks.contains(c)),
                ),
            };
            let v = match number {
                Some(Number::Missing) if self.spec.aggregate => {
                    // A summed table with a hole: the sum would look complete and be short.
                    self.incomplete.insert((iso3.clone(), year, unit));
                    let e = cell_error(
                        col,
                        format!(
                            "a number in every summed cell ({}; declare `zero: [\"\"]` if an empty cell means zero)",
                            self.spec.numbers.expected()
                        ),
                    );
                    self.finding(
                        &cols.names,
                        Rule::BadValue,
                        row,
                        col,
                        e,
                        &texts,
                        (Some(iso3.clone()), Some(year)),
                    );
                    continue;
                }
                Some(Number::Missing) => continue,
                Some(Number::Value(v)) => v,
                None => {
                    if self.spec.aggregate {
                        self.incomplete.insert((iso3.clone(), year, unit));
                    }
                    let negative = get(col).trim().starts_with('-')
                        && get(col)
                            .trim()
                            .trim_start_matches('-')
                            .trim()
                            .parse::<f64>()
                            .is_ok();
                    let rule = if negative {
                        Rule::Negative
                    } else {
                        Rule::BadValue
                    };
                    let e = if crate::ingest::clean::too_large(get(col)) {
                        cell_error(col, crate::ingest::clean::MAX_VALUE_TEXT.to_string())
                    } else {
                        cell_error(col, self.spec.numbers.expected())
                    };
                    self.finding(
                        &cols.names,
                        rule,
                        row,
                        col,
                        e,
                        &texts,
                        (Some(iso3.clone()), Some(year)),
                    );
                    continue;
                }
            };
            let key = (iso3.clone(), sub_code.clone(), year, unit);
            let source_cell = SummedCell {
                row,
                column: match cols.labels.get(col) {
                    Some(label) => label.clone(),
                    None => column_label(&cols.names, col),
                },
                text: match cells.get(col) {
                    Some(Cell::Number(n)) => format!("{n}"),
                    _ => get(col).to_string(),
                },
            };
            match self.sums.get_mut(&key) {
                Some(sum) if self.spec.aggregate => {
                    sum.value += v;
                    sum.rows += 1;
                    sum.cells.push(source_cell);
                }
                Some(sum) => {
                    let e = IngestError::Duplicate {
                        file: file.clone(),
                        row,
                        first_row: sum.first_row,
                        what: format!("{iso3} {year} {}", unit.name()),
                    };
                    self.finding(
                        &cols.names,
                        Rule::Duplicate,
                        row,
                        col,
                        e,
                        &texts,
                        (Some(iso3.clone()), Some(year)),
                    );
                }
                None => {
                    self.sums.insert(
                        key,
                        Sum {
                            value: v,
                            first_row: row,
                            rows: 1,
                            subunit: sub_name.clone(),
                            cells: vec![source_cell],
                        },
                    );
                }
            }
        }
        Ok(())
    }
}
