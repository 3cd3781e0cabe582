//! A large UN-CTS csv file read on every core.
//!
//! One thread reads the file in blocks — as it is on disk when it is UTF-8 without carriage
//! returns (a byte-order mark dropped), else decoded as [`text::open`] decodes it (CRLF to LF,
//! Windows-1252 transcoded) — and cuts each at the last record end: a line feed outside a
//! quoted field, found by looking at the quote bytes only (`memchr`). Read as it is on disk,
//! the file is hashed from the same pieces by a thread of its own (one read serves the parse
//! and the manifest). Worker threads read each piece by its structure ([`scan::records`]):
//! a record with the header's number of fields in which the category's name does not occur is
//! skipped unparsed; the others go to the csv reader and the sequential reader's checks
//! ([`verdict`], [`utf8_error`]); the calling thread puts the kept records into the collector
//! in file order. Lines are exact: each piece knows the line it starts on. Errors are the
//! sequential reader's: the first read error of the file wins over the first broken record,
//! which wins over the collector's findings.
//!
//! Anything this reader does not handle exactly as the csv reader does — a quote that does not
//! open or close a field, a carriage return left after decoding, no header in the first block —
//! is left to the sequential reader, which reads the file again from the start.

use std::io::Read;
use std::sync::{Arc, mpsc};

use super::{CtsOutput, HEADER_SEARCH_ROWS};
use crate::config::Encoding;
use crate::config::Source;
use crate::ingest::IngestError;
use crate::ingest::csv_reader::{Verdict, cells_of, trimmed, utf8_error, verdict};
use crate::ingest::digests::Claim;
use crate::ingest::text;
use crate::ingest::unodc_cts::{CATEGORY, Cell, Collector};
use cut::{Quotes, cut};
use scan::{Scratch, Walked};

/// Bytes read at a time (a piece is about this long).
pub(crate) const BLOCK: usize = 1 << 20;

/// The longest run of bytes without a record end that is cut into pieces.
const LONGEST_PIECE: usize = 1 << 20;

/// Why the parallel reader gave the file back to the sequential one.
#[derive(Debug)]
pub(crate) struct Fallback(pub &'static str);

/// What reading gives: the output (or the error) as the sequential reader would give it, or a
/// fallback.
pub(crate) type Outcome = std::result::Result<Result<CtsOutput, IngestError>, Fallback>;

/// One piece of the file: whole records, starting on line `line`. Its first record is
/// numbered `first`, as the csv reader numbers a record that follows blank lines: the line
/// after the previous record's end.
struct Piece {
    index: usize,
    line: usize,
    first: usize,
    bytes: Arc<Vec<u8>>,
}

/// What a worker found in a piece.
#[derive(Default)]
struct Found {
    /// The records of the category: line and cells.
    rows: Vec<(usize, Vec<Cell>)>,
    /// The first record that is not UTF-8 (a read error).
    read_error: Option<IngestError>,
    /// The first record with another number of fields.
    broken: Option<IngestError>,
    fallback: Option<Fallback>,
}

/// Read `source` (a csv file of the UN-CTS layout) on `threads` worker threads, in pieces of
/// about `block` bytes.
#[cfg(test)]
pub(crate) fn read(source: &Source, threads: usize, block: usize) -> Outcome {
    read_hashing(source, threads, block, None)
}

/// Why a file read as it is on disk goes to the decoded reading: a carriage return, which the
/// decoding takes out of a CRLF line end.
const RAW_CARRIAGE_RETURN: &str = "a carriage return in the raw bytes";

/// [`read`], and with a `claim` the file's size and sha256, when the file is read as it is on
/// disk (UTF-8 without carriage returns, most files): one read of the file serves the parse
/// and the hash, which a thread of its own computes from the pieces as they go by and hands
/// to the claim — possibly after this returns (the hash of a large file takes longer than its
/// parse). The claim says `None` when the file was decoded first, or not read to its end.
pub(crate) fn read_hashing(
    source: &Source,
    threads: usize,
    block: usize,
    mut claim: Option<Claim>,
) -> Outcome {
    if matches!(
        text::resolve(&source.path, source.encoding),
        Ok(Encoding::Utf8)
    ) {
        match read_from(source, threads, block, Some(&mut claim)) {
            Err(Fallback(why)) if why == RAW_CARRIAGE_RETURN => {}
            done => return done,
        }
    }
    read_from(source, threads, block, None)
}

/// The input as [`text::open`] gives it (`raw` false), or the file's bytes as they are with a
/// UTF-8 byte-order mark taken off (`raw`), and the bytes taken off.
fn open(source: &Source, raw: bool) -> Result<(Box<dyn Read + Send>, Vec<u8>), IngestError> {
    if !raw {
        return text::open(&source.path, source.encoding).map(|(input, _)| (input, Vec::new()));
    }
    let error = |e: std::io::Error| IngestError::Open {
        file: source.path.clone(),
        message: e.to_string(),
    };
    let file = std::fs::File::open(&source.path).map_err(error)?;
    let mut file = crate::progress::Reading::file(file, &source.path, "Reading");
    let mut head = Vec::with_capacity(3);
    (&mut file).take(3).read_to_end(&mut head).map_err(error)?;
    if head == b"\xEF\xBB\xBF" {
        Ok((Box::new(file), head))
    } else {
        Ok((Box::new(std::io::Cursor::new(head).chain(file)), Vec::new()))
    }
}

/// The reading of [`read_hashing`], from the decoded text or (`raw`, with a place for the
/// claim) the bytes on disk. The claim goes to the hashing thread once the header is found.
fn read_from(
    source: &Source,
    threads: usize,
    block: usize,
    claim: Option<&mut Option<Claim>>,
) -> Outcome {
    let block = block.max(1);
    let raw = claim.is_some();
    let carriage_return = if raw {
        RAW_CARRIAGE_RETURN
    } else {
        "a carriage return"
    };
    let (mut input, bom) = match open(source, raw) {
        Ok(x) => x,
        Err(e) => return Ok(Err(e)),
    };
    let read_error = |e: std::io::Error| IngestError::Open {
        file: source.path.clone(),
        message: e.to_string(),
    };
    // The header, found as the sequential reader finds it, in the first block or two.
    let mut first = Vec::with_capacity(block);
    let mut at_end;
    let mut q = Quotes::default();
    let (header_row, names, rest_at, rest_line) = loop {
        match (&mut input).take(block as u64).read_to_end(&mut first) {
            Ok(n) => at_end = n < block || n == 0,
            Err(e) => return Ok(Err(read_error(e))),
        }
        if memchr::memchr(b'\r', &first).is_some() {
            return Err(Fallback(carriage_return));
        }
        if !q.scan(&first, at_end) {
            return Err(Fallback("a quote the csv reader reads as text"));
        }
        let end = if at_end {
            Some(first.len())
        } else {
            cut(&first, &mut q)
        };
        let mut records = 0;
        let mut found = None;
        if let Some(end) = end {
            let mut header = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(&first[..end]);
            let mut record = csv::ByteRecord::new();
            while records < HEADER_SEARCH_ROWS {
                match header.read_byte_record(&mut record) {
                    Ok(true) => records += 1,
                    Ok(false) => break,
                    Err(_) => {
                        return Err(Fallback("the csv reader failed on the header"));
                    }
                }
                let line = record.position().map_or(0, |p| p.line() as usize);
                if utf8_error(&source.path, source.encoding, &record, line).is_some() {
                    return Err(Fallback("a record before the header is not UTF-8"));
                }
                if record
                    .iter()
                    .any(|f| trimmed(f).eq_ignore_ascii_case("Iso3_code"))
                {
                    let names: Vec<String> =
                        record.iter().map(|f| trimmed(f).to_string()).collect();
                    // The rest starts where the header record ends, on the next line.
                    let at = header.position();
                    found = Some((line, names, at.byte() as usize, at.line() as usize));
                    break;
                }
            }
        }
        if let Some(found) = found {
            break found;
        }
        // (No header record is longer than this: MAX_CELL_CHARS a field.)
        if at_end || records >= HEADER_SEARCH_ROWS || first.len() > 1 << 20 {
            return Err(Fallback("no header"));
        }
    };
    let mut collector = match Collector::new(source, header_row, &names) {
        Ok(c) => c,
        Err(_) => return Err(Fallback("the header lacks a column")),
    };
    let category = collector.index[CATEGORY];
    let width = names.len();
    let threads = threads.max(1);
    let (piece_tx, piece_rx) = mpsc::sync_channel::<Piece>(threads);
    let piece_rx = std::sync::Mutex::new(piece_rx);
    let (found_tx, found_rx) = mpsc::channel::<(usize, Found)>();
    // A piece's buffer goes back to the reader once parsed (and hashed), and the reader fills
    // it again: memory stays at the pieces in flight, whatever the file's size.
    let (free_tx, free_rx) = mpsc::channel::<Vec<u8>>();
    // Read as it is on disk, the file is hashed from the pieces, in order, after the bytes
    // before them (a byte-order mark, the banner and the header), by a thread that may outlive
    // this call: the warehouse is built while it ends.
    let hash_tx = claim.and_then(Option::take).map(|claim| {
        let prefix = [bom.as_slice(), &first[..rest_at]].concat();
        hashing::spawn(prefix, claim, free_tx.clone(), threads)
    });
    let hashing_thread = hash_tx.is_some();
    let reader_result = std::thread::scope(|scope| {
        for _ in 0..threads {
            let found_tx = found_tx.clone();
            let free_tx = free_tx.clone();
            let piece_rx = &piece_rx;
            scope.spawn(move || {
                if hashing_thread {
                    hashing::yield_to_the_hash();
                }
                let mut scratch = Scratch::default();
                loop {
                    let piece = {
                        let rx = piece_rx.lock().unwrap_or_else(|e| e.into_inner());
                        rx.recv()
                    };
                    let Ok(piece) = piece else { break };
                    let f = parse(
                        source,
                        &piece,
                        (header_row, width),
                        category,
                        (&mut scratch, carriage_return),
                    );
                    let index = piece.index;
                    recycle(&free_tx, piece.bytes);
                    if found_tx.send((index, f)).is_err() {
                        break;
                    }
                }
            });
        }
        drop((found_tx, free_tx));
        // The reader: the rest of the first block, then block after block, cut at record ends.
        let reader = scope.spawn(move || -> Result<usize, Result<IngestError, Fallback>> {
            if hashing_thread {
                hashing::yield_to_the_hash();
            }
            let mut index = 0;
            // The line a piece starts on, and the line after the last record's end so far.
            let (mut line, mut after_record) = (rest_line, rest_line);
            let mut send = |bytes: Vec<u8>| -> bool {
                let lines = memchr::memchr_iter(b'\n', &bytes).count();
                let trailing = bytes.iter().rev().take_while(|b| **b == b'\n').count();
                let piece = Piece {
                    index,
                    line,
                    first: after_record,
                    bytes: Arc::new(bytes),
                };
                if trailing < piece.bytes.len() {
                    after_record = line + lines - trailing.max(1) + 1;
                }
                index += 1;
                line += lines;
                if let Some(tx) = &hash_tx
                    && tx
                        .send(hashing::ToHash::Bytes(Arc::clone(&piece.bytes)))
                        .is_err()
                {
                    return false;
                }
                piece_tx.send(piece).is_ok()
            };
            let mut carry = first.split_off(rest_at);
            drop(first);
            let mut q = Quotes::default();
            let mut done = at_end;
            loop {
                if !done {
                    carry.reserve(block);
                    // (A carriage return past the first block: the workers see it.)
                    match (&mut input).take(block as u64).read_to_end(&mut carry) {
                        Ok(n) => done = n < block || n == 0,
                        Err(e) => return Err(Ok(read_error(e))),
                    }
                }
                if !q.scan(&carry, done) {
                    return Err(Err(Fallback("a quote the csv reader reads as text")));
                }
                if done {
                    if !carry.is_empty() && !send(std::mem::take(&mut carry)) {
                        return Err(Err(Fallback("a worker thread stopped")));
                    }
                    // Read to its end: the hash stands for the file.
                    if let Some(tx) = &hash_tx {
                        let _ = tx.send(hashing::ToHash::End);
                    }
                    break;
                }
                match cut(&carry, &mut q) {
                    Some(end) => {
                        // The rest starts at a record boundary: scanned again from its start.
                        q = Quotes::default();
                        let mut rest = free_rx
                            .try_recv()
                            .unwrap_or_else(|_| Vec::with_capacity(2 * block));
                        rest.extend_from_slice(&carry[end..]);
                        carry.truncate(end);
                        if !send(std::mem::replace(&mut carry, rest)) {
                            return Err(Err(Fallback("a worker thread stopped")));
                        }
                    }
                    // A record this long is a broken file (a field is at most MAX_CELL_CHARS):
                    // the sequential reader says where, without rescanning it block by block.
                    None if carry.len() > LONGEST_PIECE.max(2 * block) => {
                        return Err(Err(Fallback("a record longer than a piece")));
                    }
                    None => {}
                }
            }
            Ok(index)
        });
        // The pieces' findings, in file order.
        let mut pending: std::collections::BTreeMap<usize, Found> = Default::default();
        let mut next = 0;
        let mut first_read_error: Option<IngestError> = None;
        let mut first_broken: Option<IngestError> = None;
        let mut fallback: Option<Fallback> = None;
        for (i, f) in found_rx.iter() {
            pending.insert(i, f);
            while let Some(f) = pending.remove(&next) {
                next += 1;
                if fallback.is_some() {
                    continue;
                }
                if let Some(fb) = f.fallback {
                    fallback = Some(fb);
                    continue;
                }
                if first_read_error.is_none() {
                    first_read_error = f.read_error;
                }
                if first_broken.is_none() && first_read_error.is_none() {
                    for (line, cells) in &f.rows {
                        collector.push(*line, cells);
                    }
                    first_broken = f.broken;
                }
            }
        }
        let read = reader
            .join()
            .unwrap_or(Err(Err(Fallback("the reader thread panicked"))));
        if let Some(fb) = fallback {
            return Err(Err(fb));
        }
        match read {
            Err(e) => Err(e),
            Ok(n) if n != next => Err(Err(Fallback("a worker thread stopped"))),
            Ok(n) => match (first_read_error, first_broken) {
                (Some(e), _) | (None, Some(e)) => Err(Ok(e)),
                (None, None) => Ok(n),
            },
        }
    });
    match reader_result {
        Ok(_) => Ok(collector.finish()),
        Err(Ok(e)) => Ok(Err(e)),
        Err(Err(fb)) => Err(fb),
    }
}

/// Give a parsed (and hashed) piece's buffer back to the reader, once nobody else holds it.
fn recycle(free: &mpsc::Sender<Vec<u8>>, bytes: Arc<Vec<u8>>) {
    if let Ok(mut bytes) = Arc::try_unwrap(bytes) {
        bytes.clear();
        let _ = free.send(bytes);
    }
}

/// The records of one piece, checked as the sequential reader checks them: by the walk of
/// [`parse_plain`] when the piece is UTF-8 (most pieces), else record by record by the csv
/// reader, so that the first record that is not UTF-8 is the one reported.
/// A carriage return in the piece hands the file back (`carriage_return` says why).
fn parse(
    source: &Source,
    piece: &Piece,
    header: (usize, usize),
    category: usize,
    (scratch, carriage_return): (&mut Scratch, &'static str),
) -> Found {
    match parse_plain(source, piece, header, category, scratch) {
        Ok(found) => found,
        Err(Walked::CarriageReturn) => Found {
            fallback: Some(Fallback(carriage_return)),
            ..Found::default()
        },
        Err(_) => parse_csv(source, piece, header, category),
    }
}

/// The records of a piece that is not UTF-8, each read by the csv reader.
fn parse_csv(source: &Source, piece: &Piece, header: (usize, usize), category: usize) -> Found {
    let mut found = Found::default();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(piece.bytes.as_slice());
    let mut record = csv::ByteRecord::new();
    let mut first = true;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(_) => {
                found.fallback = Some(Fallback("the csv reader failed on a piece"));
                break;
            }
        }
        let at = record.position().map_or(1, |p| p.line() as usize);
        let line = if first {
            piece.first
        } else {
            piece.line + at - 1
        };
        first = false;
        if let Some(e) = utf8_error(&source.path, source.encoding, &record, line) {
            found.read_error = Some(e);
            break;
        }
        if found.broken.is_some() {
            continue;
        }
        match verdict(source, &record, line, header, category) {
            Verdict::Skip => {}
            Verdict::Keep => found.rows.push((line, cells_of(&record))),
            Verdict::Broken(e) => found.broken = Some(e),
        }
    }
    found
}

/// A piece read by its structure ([`scan::records`]): a record with the header's number of
/// fields in which the category's name does not occur is skipped — most records, never
/// parsed. Any other record (one that may be of the category, a blank or a broken one) is
/// read by the csv reader and checked by [`verdict`], as [`parse_csv`] does. Lines
/// are numbered as the csv reader numbers them: a record after blank lines on the line after
/// the previous record's end. `Err` when the piece is not UTF-8 or holds a carriage return.
fn parse_plain(
    source: &Source,
    piece: &Piece,
    (header_row, width): (usize, usize),
    category: usize,
    scratch: &mut Scratch,
) -> Result<Found, Walked> {
    let mut found = Found::default();
    let bytes = piece.bytes.as_slice();
    let want = source.category.as_str();
    let mut record = csv::ByteRecord::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(std::io::Cursor::new(bytes));
    let (mut physical, mut number) = (piece.line, piece.first);
    let walked = scan::records(bytes, want.as_bytes(), scratch, |line| {
        if line.start == line.end {
            physical += 1;
            return true; // The csv reader skips an empty line.
        }
        let line_number = number;
        number = physical + line.lines;
        physical += line.lines;
        if line.fields == width && !line.candidate {
            return true;
        }
        // One csv reader for the piece, moved to the record (building a reader is dear).
        let mut at = csv::Position::new();
        at.set_byte(line.start as u64);
        let read = reader
            .seek(at)
            .and_then(|()| reader.read_byte_record(&mut record));
        match read {
            Ok(true) => {}
            Ok(false) => return true,
            Err(_) => {
                found.fallback = Some(Fallback("the csv reader failed on a piece"));
                return false;
            }
        }
        match verdict(source, &record, line_number, (header_row, width), category) {
            Verdict::Skip => true,
            Verdict::Keep => {
                found.rows.push((line_number, cells_of(&record)));
                true
            }
            Verdict::Broken(e) => {
                // No record after it can be a read error if the piece is UTF-8: done.
                found.broken = Some(e);
                false
            }
        }
    });
    if walked != Walked::Done {
        return Err(walked);
    }
    // The walk stopped at a broken record: a later one that is not UTF-8 comes first.
    let stopped = found.broken.is_some() || found.fallback.is_some();
    match !stopped || std::str::from_utf8(bytes).is_ok() {
        true => Ok(found),
        false => Err(Walked::NotUtf8),
    }
}

mod cut;
mod hashing;
mod scan;

#[cfg(test)]
mod tests;
