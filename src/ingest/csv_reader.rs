//! The csv reader: records streamed through a buffer, as byte fields, with exact line numbers,
//! for both layouts.

use std::io::Read;
use std::path::Path;

use super::text::{self, Encoding};
use super::unodc_cts::CSV_BUFFER;
use super::unodc_cts::Cell;
use super::{IngestError, column_letter};
use crate::config::Source;

/// Records of a csv file, read one at a time in the source's encoding; each is checked to be
/// well-formed UTF-8 before it is handed out.
pub(crate) struct CsvRecords<'a> {
    path: &'a Path,
    reader: csv::Reader<Box<dyn Read + Send>>,
    pub(crate) record: csv::ByteRecord,
    /// The encoding the source declared (for the advice in a message).
    declared: Encoding,
}

/// A record (checked to be UTF-8) as cells.
pub(crate) fn cells_of(record: &csv::ByteRecord) -> Vec<Cell> {
    record
        .iter()
        .map(|f| match std::str::from_utf8(f) {
            Ok("") => Cell::Empty,
            Ok(s) => Cell::Text(s.to_string()),
            // Checked by `utf8_error`.
            Err(_) => Cell::Other(String::from_utf8_lossy(f).into_owned()),
        })
        .collect()
}

/// The error of a record that is not UTF-8 text (its first such field), if it is not.
pub(crate) fn utf8_error(
    path: &Path,
    declared: Encoding,
    record: &csv::ByteRecord,
    line: usize,
) -> Option<IngestError> {
    if record.as_slice().is_ascii() {
        return None;
    }
    let (col, field) = record
        .iter()
        .enumerate()
        .find(|(_, f)| std::str::from_utf8(f).is_err())?;
    Some(IngestError::Cell {
        file: path.to_path_buf(),
        row: line,
        column: format!("{} (field {})", column_letter(col), col + 1),
        expected: match declared {
            Encoding::Auto => "UTF-8 text (`encoding: auto` found UTF-8 at the file's first non-ASCII bytes; declare `encoding: windows-1252` for this source, or re-save the file as UTF-8)",
            _ => "UTF-8 text (declare `encoding: windows-1252` or `encoding: auto` for this source, or re-save the file as UTF-8)",
        }
        .into(),
        found: String::from_utf8_lossy(field).into_owned(),
    })
}

impl<'a> CsvRecords<'a> {
    pub(crate) fn open(path: &'a Path, encoding: Encoding) -> Result<Self, IngestError> {
        let (input, used) = text::open(path, encoding)?;
        if encoding == Encoding::Auto {
            tracing::debug!(file = %path.display(), encoding = ?used, "Encoding detected");
        }
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(CSV_BUFFER)
            .from_reader(input);
        Ok(CsvRecords {
            path,
            reader,
            record: csv::ByteRecord::new(),
            declared: encoding,
        })
    }

    /// Read the next record into `self.record`; its 1-based line, or `None` at the end.
    pub(crate) fn next(&mut self) -> Result<Option<usize>, IngestError> {
        let open = |message: String| IngestError::Open {
            file: self.path.to_path_buf(),
            message,
        };
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => {}
            Ok(false) => return Ok(None),
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                return Err(match e.kind() {
                    // A failing read, as when the file could not be read whole.
                    csv::ErrorKind::Io(io) => open(io.to_string()),
                    _ => open(format!("line {line}: malformed csv ({e})")),
                });
            }
        }
        let line = self
            .record
            .position()
            .map(|p| p.line() as usize)
            .unwrap_or(0);
        if let Some(e) = utf8_error(self.path, self.declared, &self.record, line) {
            return Err(e);
        }
        Ok(Some(line))
    }

    /// Field `i` of the current record, trimmed ("" when the record is shorter).
    pub(crate) fn text(&self, i: usize) -> &str {
        self.record
            .get(i)
            .and_then(|f| std::str::from_utf8(f).ok())
            .unwrap_or("")
            .trim()
    }

    /// The current record as cells.
    pub(crate) fn cells(&self) -> Vec<Cell> {
        cells_of(&self.record)
    }

    /// `error`, unless a later record cannot be read: reading errors take precedence over
    /// content errors, wherever they are in the file, as when the file was read whole first.
    pub(crate) fn after_rest(mut self, error: IngestError) -> IngestError {
        loop {
            match self.next() {
                Ok(Some(_)) => {}
                Ok(None) => return error,
                Err(read_error) => return read_error,
            }
        }
    }
}

/// What reading a csv source does with one record (well-formed UTF-8) of line `line`.
pub(crate) enum Verdict {
    /// Another category, or a blank record.
    Skip,
    /// A record of the category: its cells go to the collector.
    Keep,
    /// A broken file: the record has another number of fields than the header.
    Broken(IngestError),
}

/// The verdict on `record`, the header being on row `header_row` with `width` fields and the
/// category in field `category`.
pub(crate) fn verdict(
    source: &Source,
    record: &csv::ByteRecord,
    line: usize,
    (header_row, width): (usize, usize),
    category: usize,
) -> Verdict {
    let blank = || record.iter().all(<[u8]>::is_empty);
    // A row with another number of fields (a stray or unterminated quote, a cut line) is a
    // broken file whatever its category.
    if record.len() != width && !blank() {
        return Verdict::Broken(IngestError::Cell {
            file: source.path.clone(),
            row: line,
            column: format!("{} fields", record.len()),
            expected: format!("{width} fields, as in the header on row {header_row}"),
            found: String::from_utf8_lossy(record.as_slice())
                .chars()
                .take(80)
                .collect(),
        });
    }
    // Most rows are another category: look at that one field and move on.
    let field = record.get(category).map(trimmed).unwrap_or("");
    if field != source.category || blank() {
        return Verdict::Skip;
    }
    Verdict::Keep
}

/// A field as trimmed text ("" when it is not UTF-8, which `CsvRecords::next` has excluded).
pub(crate) fn trimmed(field: &[u8]) -> &str {
    std::str::from_utf8(field).unwrap_or("").trim()
}
