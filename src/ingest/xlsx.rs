//! The xlsx reader: a workbook's sheet as rows of cells, streamed in sheet order (calamine),
//! for both layouts.

use std::io::{Read, Seek};
use std::path::Path;

use calamine::{Data, DataRef, Reader, XlsxError};

use super::IngestError;
use super::unodc_cts::{Cell, Stop};

/// An xlsx workbook whose bytes are counted as they are read (progress of a large workbook).
pub(crate) type CountedXlsx =
    calamine::Xlsx<std::io::BufReader<crate::progress::Reading<std::fs::File>>>;

/// Open the workbook at `path`, its reading shown as progress.
pub(crate) fn open_xlsx(path: &Path) -> Result<CountedXlsx, IngestError> {
    let file = std::fs::File::open(path).map_err(|e| xlsx_open_error(path, XlsxError::Io(e)))?;
    let file = std::io::BufReader::new(crate::progress::Reading::file(file, path, "Reading"));
    calamine::Reader::new(file).map_err(|e| xlsx_open_error(path, e))
}

pub(crate) fn xlsx_open_error(path: &Path, e: XlsxError) -> IngestError {
    IngestError::Open {
        file: path.to_path_buf(),
        message: format!(
            "not a readable xlsx workbook ({})",
            calamine::Error::Xlsx(e)
        ),
    }
}

pub(crate) fn xlsx_sheet_error(path: &Path, e: XlsxError) -> IngestError {
    IngestError::Open {
        file: path.to_path_buf(),
        message: format!("cannot read the first sheet ({})", calamine::Error::Xlsx(e)),
    }
}

/// A sheet cell as the layout parser sees it (the same mapping as the whole-sheet reader's).
pub(crate) fn cell_of(d: &DataRef<'_>) -> Cell {
    match d {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_string()),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Int(n) => Cell::Number(*n as f64),
        other => Cell::Other(Data::from(other.clone()).to_string()),
    }
}

/// A non-empty sheet cell: (row, column), 0-based, and its value.
pub(crate) type SheetCell<'a> = ((u32, u32), DataRef<'a>);

/// The rows of the first sheet of an xlsx workbook, one at a time, as the whole-sheet reader
/// gives them: every row from the first that holds a non-empty cell to the last (rows without
/// cells come out empty), each cell at its column.
pub(crate) struct SheetRows<'a, RS: Read + Seek> {
    pub(crate) path: &'a Path,
    /// `None` when the first sheet is not a worksheet (a chart sheet): no rows.
    pub(crate) cells: Option<calamine::XlsxCellReader<'a, RS>>,
    /// The first non-empty cell of the next row, read ahead.
    pub(crate) ahead: Option<SheetCell<'a>>,
    /// Row of the last cell read.
    pub(crate) last: u32,
    /// The next row to hand out (0-based); `None` before the first non-empty cell.
    pub(crate) row: Option<u32>,
    /// The reader has reached the end of the sheet data.
    pub(crate) done: bool,
    /// The current row's cells, by column (0-based).
    pub(crate) current: Vec<DataRef<'a>>,
}

impl<'a, RS: Read + Seek> SheetRows<'a, RS> {
    /// The next non-empty cell in sheet order.
    pub(crate) fn next_cell(&mut self) -> Result<Option<SheetCell<'a>>, Stop> {
        // The reader must not be asked again once it has reached the end of the sheet data.
        let Some(reader) = self.cells.as_mut().filter(|_| !self.done) else {
            return Ok(None);
        };
        loop {
            match reader.next_cell() {
                Ok(Some(c)) if *c.get_value() == DataRef::Empty => {}
                Ok(Some(c)) => {
                    let (r, col) = c.get_position();
                    if r < self.last {
                        return Err(Stop::OutOfOrder);
                    }
                    self.last = r;
                    return Ok(Some(((r, col), c.get_value().clone())));
                }
                Ok(None) => {
                    self.done = true;
                    return Ok(None);
                }
                Err(e) => return Err(xlsx_sheet_error(self.path, e).into()),
            }
        }
    }

    /// Assemble the next row into `self.current`; its 1-based sheet row, or `None` at the end.
    pub(crate) fn next(&mut self) -> Result<Option<usize>, Stop> {
        self.current.clear();
        if self.ahead.is_none() {
            self.ahead = self.next_cell()?;
        }
        let Some(((r, _), _)) = self.ahead else {
            return Ok(None);
        };
        let row = *self.row.get_or_insert(r);
        self.row = Some(row + 1);
        if r > row {
            // A row with no cells between two rows with cells.
            return Ok(Some(row as usize + 1));
        }
        while let Some(((r, c), value)) = self.ahead.take() {
            if r != row {
                self.ahead = Some(((r, c), value));
                break;
            }
            let c = c as usize;
            if self.current.len() <= c {
                self.current.resize(c + 1, DataRef::Empty);
            }
            self.current[c] = value;
            self.ahead = self.next_cell()?;
        }
        Ok(Some(row as usize + 1))
    }

    /// The current row as cells.
    pub(crate) fn cells(&self) -> Vec<Cell> {
        self.current.iter().map(cell_of).collect()
    }

    /// `error`, unless the rest of the sheet cannot be read: reading errors take precedence
    /// over content errors, as when the sheet was loaded whole first.
    pub(crate) fn after_rest(mut self, error: IngestError) -> Stop {
        loop {
            match self.next_cell() {
                Ok(Some(_)) => {}
                Ok(None) => return Stop::Ingest(error),
                Err(stop) => return stop,
            }
        }
    }
}

/// Rows of the first sheet loaded whole, each with its 1-based sheet row number (for a sheet
/// whose rows are stored out of order).
pub(crate) fn read_xlsx(path: &Path) -> Result<Vec<(usize, Vec<Cell>)>, IngestError> {
    read_xlsx_sheet(path, None)
}

/// Rows of a sheet (the first when `sheet` is `None`) loaded whole, as cells, with 1-based
/// row numbers as the spreadsheet shows them.
pub(crate) fn read_xlsx_sheet(
    path: &Path,
    sheet: Option<&str>,
) -> Result<Vec<(usize, Vec<Cell>)>, IngestError> {
    let open = |message: String| IngestError::Open {
        file: path.to_path_buf(),
        message,
    };
    let mut book = calamine::open_workbook_auto(path)
        .map_err(|e| open(format!("not a readable xlsx workbook ({e})")))?;
    let range = match sheet {
        Some(name) => book.worksheet_range(name).map_err(|e| {
            open(format!(
                "no readable sheet {name:?} ({e}); sheets: {}",
                book.sheet_names().join(", ")
            ))
        })?,
        None => book
            .worksheet_range_at(0)
            .ok_or_else(|| open("the workbook has no sheet".into()))?
            .map_err(|e| open(format!("cannot read the first sheet ({e})")))?,
    };
    let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
    let first_col = range.start().map(|(_, c)| c as usize).unwrap_or(0);
    let mut out = Vec::with_capacity(range.height());
    for (i, row) in range.rows().enumerate() {
        let mut cells = vec![Cell::Empty; first_col];
        cells.extend(row.iter().map(|d| match d {
            Data::Empty => Cell::Empty,
            Data::String(s) => Cell::Text(s.clone()),
            Data::Float(f) => Cell::Number(*f),
            Data::Int(n) => Cell::Number(*n as f64),
            other => Cell::Other(other.to_string()),
        }));
        out.push((first_row + i + 1, cells));
    }
    Ok(out)
}
