//! The writers of a synthetic file: csv and xlsx sinks for the generated rows, and the units
//! file beside them.

use super::*;

struct CsvSink<W: Write> {
    writer: csv::Writer<W>,
    value: String,
}

impl<W: Write> Sink for CsvSink<W> {
    fn row(&mut self, r: &Row) -> std::io::Result<()> {
        use std::fmt::Write as _;
        self.value.clear();
        let _ = write!(self.value, "{}", r.value);
        let [a, b, c, d, e, f, g, h, i, j, k] = r.text_cells();
        self.writer
            .write_record([
                a,
                b,
                c,
                d,
                e,
                f,
                g,
                h,
                i,
                j,
                k,
                self.value.as_str(),
                r.source,
            ])
            .map_err(std::io::Error::other)
    }
}

struct XlsxSink<'a> {
    sheet: &'a mut rust_xlsxwriter::Worksheet,
    next_row: u32,
}

impl Sink for XlsxSink<'_> {
    fn row(&mut self, r: &Row) -> std::io::Result<()> {
        let x = |e: rust_xlsxwriter::XlsxError| std::io::Error::other(e.to_string());
        let n = self.next_row;
        // UNODC's workbook stores the year as text, as the csv does.
        for (c, t) in r.text_cells().iter().enumerate() {
            self.sheet.write_string(n, c as u16, *t).map_err(x)?;
        }
        self.sheet.write_number(n, 11, r.value).map_err(x)?;
        self.sheet.write_string(n, 12, r.source).map_err(x)?;
        self.next_row += 1;
        Ok(())
    }
}

pub(super) fn write_csv(path: &Path, options: &Options, units: &mut Vec<Unit>) -> Result<u64> {
    let file = std::fs::File::create(path).map_err(|e| io_error(path, e))?;
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(BufWriter::with_capacity(1 << 20, file));
    let err = |e: csv::Error| io_error(path, e);
    writer.write_record(["UNODC", BANNER[0]]).map_err(err)?;
    writer.write_record([BANNER[1]]).map_err(err)?;
    writer.write_record(HEADER).map_err(err)?;
    let mut sink = CsvSink {
        writer,
        value: String::new(),
    };
    let kidnapping = fill(path, options, &mut sink, units)?;
    let inner = sink
        .writer
        .into_inner()
        .map_err(|e| io_error(path, e.error()))?;
    inner
        .into_inner()
        .map_err(|e| io_error(path, e.error()))?
        .sync_all()
        .map_err(|e| io_error(path, e))?;
    Ok(kidnapping)
}

/// The data rows of `options` into `sink`; returns the kidnapping rows written.
fn fill(path: &Path, options: &Options, sink: &mut dyn Sink, units: &mut Vec<Unit>) -> Result<u64> {
    generate(
        options.seed,
        options.rows,
        options.subnational_kidnapping,
        sink,
        units,
    )
    .map_err(|e| io_error(path, e))
}

pub(super) fn write_xlsx(path: &Path, options: &Options, units: &mut Vec<Unit>) -> Result<u64> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};
    let x = |e: rust_xlsxwriter::XlsxError| io_error(path, e);
    let mut book = Workbook::new();
    // A fixed document date, so the same rows give the same bytes.
    let fixed = ExcelDateTime::from_ymd(2000, 1, 1).map_err(x)?;
    book.set_properties(
        &DocProperties::new()
            .set_title("Synthetic UN-CTS data")
            .set_author("kidnap-trends synth")
            .set_creation_datetime(&fixed),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("data").map_err(x)?;
    sheet.write_string(0, 0, "UNODC").map_err(x)?;
    sheet.write_string(0, 1, BANNER[0]).map_err(x)?;
    sheet.write_string(1, 0, BANNER[1]).map_err(x)?;
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(2, c as u16, *h).map_err(x)?;
    }
    let mut sink = XlsxSink { sheet, next_row: 3 };
    let kidnapping = fill(path, options, &mut sink, units)?;
    book.save(path).map_err(x)?;
    Ok(kidnapping)
}

/// The units the M49 table lacks, in the layout of `data/reference/reporting-units.csv`; the
/// embedded ones are always listed, so that a pipeline may use them with any row count.
pub(super) fn write_units(path: &Path, used: &[Unit]) -> Result<()> {
    let file = std::fs::File::create(path).map_err(|e| io_error(path, e))?;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(BufWriter::new(file));
    let err = |e: csv::Error| io_error(path, e);
    w.write_record(["iso3", "name", "region", "subregion", "parent_iso3"])
        .map_err(err)?;
    let embedded = (0..UNITS.len()).map(unit);
    let synthetic = used.iter().skip(UNITS.len());
    for u in embedded.collect::<Vec<_>>().iter().chain(synthetic) {
        if u.listed {
            w.write_record([
                u.iso3.as_str(),
                u.name.as_str(),
                u.region,
                u.subregion,
                u.parent.as_deref().unwrap_or(""),
            ])
            .map_err(err)?;
        }
    }
    w.flush().map_err(|e| io_error(path, e))?;
    Ok(())
}
