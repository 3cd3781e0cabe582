//! Tables as one Excel workbook: a sheet per table with its title, headers, values and notes.
//!
//! Takes the report's tables; returns the bytes of `tables.xlsx`. Numbers are written as numbers
//! with a display format (rates one decimal, counts with separators, shares as per cent), absent
//! values as "..". Never stamps the current time: the document date is fixed so the same tables
//! give the same bytes.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format as XFormat, Workbook};

use super::TableCtx;
use super::spec::Format;
use crate::error::{Error, Result};
use crate::store::table::Value;

fn xerr(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::Internal(format!("writing tables.xlsx: {e}"))
}

/// Build `tables.xlsx`; `label` is the document language's "Table", `symbols` its line on the
/// symbols.
pub fn workbook(tables: &[TableCtx], (label, symbols): (&str, &str)) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2000, 1, 1).map_err(xerr)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title("kidnap-trends tables")
            .set_author("kidnap-trends")
            .set_creation_datetime(&fixed),
    );
    let title = XFormat::new().set_bold().set_font_size(12);
    let header = XFormat::new()
        .set_bold()
        .set_text_wrap()
        .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin);
    let note = XFormat::new().set_italic().set_font_color("#555555");
    let rate = XFormat::new().set_num_format("#,##0.0");
    let count = XFormat::new().set_num_format("#,##0");
    let percent = XFormat::new().set_num_format("0.0");
    let decimal2 = XFormat::new().set_num_format("0.00");
    let integer = XFormat::new().set_num_format("0");
    let na = XFormat::new().set_align(rust_xlsxwriter::FormatAlign::Right);
    for t in tables {
        let ws = wb.add_worksheet();
        ws.set_name(&t.id).map_err(xerr)?;
        ws.write_string_with_format(0, 0, format!("{label} {}. {}", t.number, t.title), &title)
            .map_err(xerr)?;
        for (c, h) in t.headers.iter().enumerate() {
            ws.write_string_with_format(2, c as u16, h, &header)
                .map_err(xerr)?;
            ws.set_column_width(c as u16, if c == 0 { 34 } else { 14 })
                .map_err(xerr)?;
        }
        for (r, row) in t.values.iter().enumerate() {
            let r = (r + 3) as u32;
            for (c, v) in row.iter().enumerate() {
                let c = c as u16;
                let fmt = t.formats.get(c as usize).copied().unwrap_or_default();
                match (v, fmt) {
                    (Value::Null, _) => ws.write_string_with_format(r, c, "..", &na).map(|_| ()),
                    (v, Format::Text) => ws.write_string(r, c, v.as_text()).map(|_| ()),
                    (v, f) => match v.as_f64() {
                        Some(x) => {
                            let (x, nf) = match f {
                                Format::Rate => (x, &rate),
                                Format::Count => (x, &count),
                                Format::Percent => (x * 100.0, &percent),
                                Format::Decimal2 => (x, &decimal2),
                                _ => (x, &integer),
                            };
                            ws.write_number_with_format(r, c, x, nf).map(|_| ())
                        }
                        None => ws.write_string(r, c, v.as_text()).map(|_| ()),
                    },
                }
                .map_err(xerr)?;
            }
        }
        let mut r = (t.values.len() + 4) as u32;
        for n in &t.notes {
            ws.write_string_with_format(r, 0, n, &note).map_err(xerr)?;
            r += 1;
        }
        ws.write_string_with_format(r, 0, symbols, &note)
            .map_err(xerr)?;
    }
    wb.save_to_buffer().map_err(xerr)
}
