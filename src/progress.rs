//! Progress of long steps: the stages say what they are doing and how far they are; the
//! command line decides whether and how to draw it (`cli::progress`).
//!
//! A stage opens a [`Task`] ("Reading cts.csv", 1.85 GB) and advances it; nothing is drawn
//! here and nothing is printed. Without a [`Sink`] installed (the library used on its own,
//! tests, `--progress never`) a task costs one atomic load when it opens and one per update.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// What a task counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Bytes of a file read.
    Bytes,
    /// Things done (tables written, figures drawn, cells recomputed).
    Items,
    /// Nothing countable: a step under way (typesetting the documents).
    Steps,
}

/// Where progress goes: the command line's drawing, or a test's record.
pub trait Sink: Send + Sync {
    /// Task `id` began: what it does, how much there is to do (if known) and in what unit.
    fn begin(&self, id: u64, what: &str, total: Option<u64>, unit: Unit);
    /// Task `id` has done `done` of its total.
    fn set(&self, id: u64, done: u64);
    /// Task `id` ended (done, failed or abandoned).
    fn end(&self, id: u64);
}

static SINK: OnceLock<Box<dyn Sink>> = OnceLock::new();
static NEXT: AtomicU64 = AtomicU64::new(1);

/// Send every task's progress to `sink` from now on (once per process; later calls are
/// ignored and return false).
pub fn install(sink: Box<dyn Sink>) -> bool {
    SINK.set(sink).is_ok()
}

/// One long step under way; ends when dropped.
pub struct Task {
    id: u64,
    done: AtomicU64,
    sink: Option<&'static dyn Sink>,
}

/// Open a task: `what` in words ("Reading cts.csv"), `total` in `unit` when known.
pub fn task(what: &str, total: Option<u64>, unit: Unit) -> Task {
    let sink = SINK.get().map(|s| &**s);
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    if let Some(s) = sink {
        s.begin(id, what, total, unit);
    }
    Task {
        id,
        done: AtomicU64::new(0),
        sink,
    }
}

impl Task {
    /// `n` more done (callable from several threads).
    pub fn add(&self, n: u64) {
        if let Some(s) = self.sink {
            let done = self.done.fetch_add(n, Ordering::Relaxed) + n;
            s.set(self.id, done);
        }
    }

    /// `done` of the total done.
    pub fn set(&self, done: u64) {
        if let Some(s) = self.sink {
            self.done.store(done, Ordering::Relaxed);
            s.set(self.id, done);
        }
    }
}

impl Drop for Task {
    fn drop(&mut self) {
        if let Some(s) = self.sink {
            s.end(self.id);
        }
    }
}

/// A file read with its bytes counted as a task ("Reading cts.csv", its size): the task ends
/// when the reader is dropped.
pub struct Reading<R> {
    inner: R,
    pos: u64,
    task: Task,
}

impl Reading<std::fs::File> {
    /// `file`, opened from `path`, read as a task named after the file ("Reading cts.csv" with
    /// `doing` "Reading").
    pub fn file(
        file: std::fs::File,
        path: &std::path::Path,
        doing: &str,
    ) -> Reading<std::fs::File> {
        let size = file.metadata().ok().map(|m| m.len());
        let name = path
            .file_name()
            .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy());
        Reading {
            inner: file,
            pos: 0,
            task: task(&format!("{doing} {name}"), size, Unit::Bytes),
        }
    }
}

impl<R: std::io::Read> std::io::Read for Reading<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        self.task.set(self.pos);
        Ok(n)
    }
}

/// A file read out of order (a workbook's zip) shows where it is.
impl<R: std::io::Seek> std::io::Seek for Reading<R> {
    fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
        self.pos = self.inner.seek(to)?;
        self.task.set(self.pos);
        Ok(self.pos)
    }
}
