//! Where a block of csv text may be cut into pieces: after a record's end, never inside a
//! quoted field.
//!
//! Takes the text read so far, from a record boundary on, and whether more follows; returns
//! the end of its last whole record, found by looking at the quote bytes only (`memchr`), or
//! says the quoting is not the csv reader's (a quote that does not open or close a field),
//! which hands the file to the sequential reader. Scans each byte once however the buffer
//! grows.

/// Where quoting leaves a buffer that starts at a record boundary, scanned as far as `pos`
/// (so that a buffer that grows is not scanned again from its start).
#[derive(Default)]
pub(super) struct Quotes {
    /// Scanned up to here (a quote whose next byte is not yet known stops the scan at it).
    pos: usize,
    /// Where the quoted field the scan is in opened, if it is in one.
    open_at: Option<usize>,
    /// Quoted fields (open, close) that hold a line feed.
    spans: Vec<(usize, usize)>,
    /// [`cut`] has looked for a record end below this.
    searched: usize,
}

impl Quotes {
    /// Scan `buf` on from `self.pos`; `false` when a quote does not open or close a field the
    /// way the csv reader reads it (`"` after a delimiter or at a line start; `""` inside; `"`
    /// before a delimiter, a line end or the end of the file). With `last` false (more
    /// follows), a quote whose next byte is unknown stops the scan.
    pub(super) fn scan(&mut self, buf: &[u8], last: bool) -> bool {
        let mut it = memchr::memchr_iter(b'"', &buf[self.pos..]).map(|i| i + self.pos);
        while let Some(i) = it.next() {
            match self.open_at {
                None => {
                    if i > 0 && !matches!(buf[i - 1], b',' | b'\n') {
                        return false;
                    }
                    self.open_at = Some(i);
                }
                Some(open) => match buf.get(i + 1) {
                    Some(b'"') => {
                        // An escaped quote: skip its second half.
                        it.next();
                    }
                    Some(b',' | b'\n') => {
                        if memchr::memchr(b'\n', &buf[open..i]).is_some() {
                            self.spans.push((open, i));
                        }
                        self.open_at = None;
                    }
                    None if last => self.open_at = None,
                    None => {
                        self.pos = i;
                        return true;
                    }
                    Some(_) => return false,
                },
            }
        }
        self.pos = buf.len();
        true
    }
}

/// The end (exclusive) of the last whole record of `buf`: just after a line feed outside any
/// quoted field.
pub(super) fn cut(buf: &[u8], q: &mut Quotes) -> Option<usize> {
    let mut limit = q.open_at.unwrap_or(buf.len());
    // Below `searched`, an earlier call found no record end, and none can appear there.
    let from = q.searched.min(limit);
    q.searched = limit;
    loop {
        let nl = from + memchr::memrchr(b'\n', &buf[from..limit])?;
        match q.spans.iter().rev().find(|(o, c)| *o < nl && nl < *c) {
            Some((open, _)) => limit = (*open).max(from),
            None => return Some(nl + 1),
        }
    }
}
