//! Progress drawn on stderr: the stages' tasks (`crate::progress`) as indicatif bars, each
//! shown only once it has run for a moment, and the log lines written above the bars (never
//! through them).

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::progress::{Sink, Unit};

/// `--progress`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// On a terminal only, and not with `-q` or `--log-format json`.
    Auto,
    /// Always, even when stderr is not a terminal (the bars' escape codes go wherever it goes).
    Always,
    /// Never.
    Never,
}

/// How long a task runs before its bar is drawn (a step shorter than this never shows one).
/// `KIDNAP_TRENDS_PROGRESS_DELAY_MS` sets it (the tests draw at once).
const DELAY: Duration = Duration::from_millis(400);

/// The bars of the tasks under way.
pub struct Drawing {
    multi: MultiProgress,
    tasks: Mutex<HashMap<u64, Entry>>,
    delay: Duration,
}

struct Entry {
    what: String,
    total: Option<u64>,
    unit: Unit,
    begun: Instant,
    done: u64,
    bar: Option<ProgressBar>,
}

/// Whether to draw, from the mode, `-q`, the log format and whether stderr is a terminal.
pub fn wanted(mode: Mode, quiet: bool, json_logs: bool, stderr_is_terminal: bool) -> bool {
    match mode {
        Mode::Never => false,
        Mode::Always => true,
        Mode::Auto => stderr_is_terminal && !quiet && !json_logs,
    }
}

/// Start drawing: the stages' tasks go to the returned drawing from now on.
pub fn start(terminal: bool) -> Arc<Drawing> {
    let target = if terminal {
        ProgressDrawTarget::stderr_with_hz(10)
    } else {
        ProgressDrawTarget::term_like_with_hz(Box::new(Stderr), 10)
    };
    let delay = std::env::var("KIDNAP_TRENDS_PROGRESS_DELAY_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(DELAY, Duration::from_millis);
    let drawing = Arc::new(Drawing {
        multi: MultiProgress::with_draw_target(target),
        tasks: Mutex::new(HashMap::new()),
        delay,
    });
    crate::progress::install(Box::new(Shared(drawing.clone())));
    // Shows the bars whose task has run long enough, even one that has not advanced since.
    let watcher = Arc::downgrade(&drawing);
    std::thread::spawn(move || {
        while let Some(d) = watcher.upgrade() {
            d.show_due();
            drop(d);
            std::thread::sleep(Duration::from_millis(50));
        }
    });
    drawing
}

impl Drawing {
    fn show_due(&self) {
        let mut tasks = self.tasks.lock().unwrap_or_else(|e| e.into_inner());
        for e in tasks.values_mut() {
            self.show_if_due(e);
        }
    }

    /// The task's bar, once it has run for the delay.
    fn show_if_due(&self, e: &mut Entry) {
        if e.bar.is_none() && e.begun.elapsed() >= self.delay {
            let bar = self.multi.add(new_bar(e));
            bar.set_position(e.done);
            bar.enable_steady_tick(Duration::from_millis(120));
            e.bar = Some(bar);
        }
    }

    /// Take every bar off the screen (before the command prints its result).
    pub fn clear(&self) {
        let mut tasks = self.tasks.lock().unwrap_or_else(|e| e.into_inner());
        for (_, e) in tasks.drain() {
            if let Some(bar) = e.bar {
                bar.finish_and_clear();
            }
        }
        let _ = self.multi.clear();
    }

    /// Write `bytes` (log lines) to stderr above the bars.
    fn write_above(&self, bytes: &[u8]) -> std::io::Result<()> {
        self.multi
            .suspend(|| std::io::stderr().lock().write_all(bytes))
    }
}

fn new_bar(e: &Entry) -> ProgressBar {
    let (template, total) = match (e.unit, e.total) {
        (Unit::Bytes, Some(t)) => (
            "{spinner} {msg:28} [{bar:30}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left)",
            Some(t),
        ),
        (Unit::Items, Some(t)) => ("{spinner} {msg:28} [{bar:30}] {pos}/{len}", Some(t)),
        (Unit::Bytes, None) => ("{spinner} {msg:28} {bytes} ({bytes_per_sec})", None),
        _ => ("{spinner} {msg:28} {elapsed}", None),
    };
    let bar = match total {
        Some(t) => ProgressBar::new(t),
        None => ProgressBar::new_spinner(),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(e.what.clone());
    bar
}

/// The drawing as the stages' sink.
struct Shared(Arc<Drawing>);

impl Sink for Shared {
    fn begin(&self, id: u64, what: &str, total: Option<u64>, unit: Unit) {
        let mut e = Entry {
            what: what.to_string(),
            total,
            unit,
            begun: Instant::now(),
            done: 0,
            bar: None,
        };
        self.0.show_if_due(&mut e);
        let mut tasks = self.0.tasks.lock().unwrap_or_else(|e| e.into_inner());
        tasks.insert(id, e);
    }

    fn set(&self, id: u64, done: u64) {
        let mut tasks = self.0.tasks.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(e) = tasks.get_mut(&id) {
            e.done = done;
            match &e.bar {
                Some(bar) => bar.set_position(done),
                None => self.0.show_if_due(e),
            }
        }
    }

    fn end(&self, id: u64) {
        let mut tasks = self.0.tasks.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(Entry { bar: Some(bar), .. }) = tasks.remove(&id) {
            bar.finish_and_clear();
        }
    }
}

/// Log lines to stderr: above the bars while they are drawn, else straight.
#[derive(Clone)]
pub struct LogWriter(pub Option<Arc<Drawing>>);

impl std::io::Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &self.0 {
            Some(d) => d.write_above(buf).map(|()| buf.len()),
            None => std::io::stderr().lock().write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for LogWriter {
    type Writer = LogWriter;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

/// stderr as a terminal for `--progress always` when it is not one: ANSI cursor moves, 100
/// columns (or `COLUMNS`).
#[derive(Debug)]
struct Stderr;

impl Stderr {
    fn put(&self, s: &str) -> std::io::Result<()> {
        std::io::stderr().lock().write_all(s.as_bytes())
    }

    /// The cursor moved `n` places (ANSI CSI `code`: A up, B down, C right, D left).
    fn moved(&self, n: usize, code: char) -> std::io::Result<()> {
        if n == 0 {
            return Ok(());
        }
        self.put(&format!("\x1b[{n}{code}"))
    }
}

impl indicatif::TermLike for Stderr {
    fn width(&self) -> u16 {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(100)
    }
    fn move_cursor_up(&self, n: usize) -> std::io::Result<()> {
        self.moved(n, 'A')
    }
    fn move_cursor_down(&self, n: usize) -> std::io::Result<()> {
        self.moved(n, 'B')
    }
    fn move_cursor_right(&self, n: usize) -> std::io::Result<()> {
        self.moved(n, 'C')
    }
    fn move_cursor_left(&self, n: usize) -> std::io::Result<()> {
        self.moved(n, 'D')
    }
    fn write_line(&self, s: &str) -> std::io::Result<()> {
        self.put(&format!("{s}\n"))
    }
    fn write_str(&self, s: &str) -> std::io::Result<()> {
        self.put(s)
    }
    fn clear_line(&self) -> std::io::Result<()> {
        self.put("\r\x1b[2K")
    }
    fn flush(&self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}
