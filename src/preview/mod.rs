//! `preview`: the document rendered from the published warehouse into a private folder and
//! served on the loopback address; the pipeline file, the report folder and the queries are
//! watched, and each save renders the document again and makes the open page reload itself.
//!
//! Never writes the published output: the private folder lies beside it
//! (`.NAME.preview-PID`, with the tool's marker) and is removed when the preview stops; one a
//! killed preview left is removed at the next start. A render that fails (a template, a
//! reference, SQL) is shown in the page with its file, line and message, and the last good
//! document stays a link away. Re-renders skip what a save does not change: the queries run
//! again only when the pipeline file or a SQL file changed, and the Word and PDF documents are
//! made only when asked for.

pub mod server;
pub mod watch;

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::config::Pipeline;
use crate::error::{Error, Result};
use crate::pipeline::preview::{Published, document, published, results};
use crate::query::Table;

/// How a preview runs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The port on 127.0.0.1; 0 takes a free one.
    pub port: u16,
    /// Also make the Word and PDF documents at each render.
    pub manuscripts: bool,
    /// Preview this output folder's warehouse instead of the pipeline's `output`.
    pub output: Option<PathBuf>,
    /// Preview the document in this one of the pipeline's languages (default: the original).
    pub lang: Option<String>,
}

/// The pipeline at `file`, as it writes its document in `lang` (one of its languages).
fn load(file: &Path, lang: Option<&str>) -> Result<crate::config::Pipeline> {
    let pipeline = crate::config::load(file)?;
    let Some(lang) = lang else {
        return Ok(pipeline);
    };
    let all = pipeline.document.languages();
    if !all.iter().any(|l| l == lang) {
        return Err(crate::error::ConfigError::Invalid(format!(
            "--lang {lang}: the pipeline writes {} (document.languages)",
            all.join(", ")
        ))
        .into());
    }
    Ok(pipeline.in_language(lang))
}

/// What a preview tells the command line.
pub enum Event<'a> {
    /// Serving at `url`, rendering into `folder`; `sources_changed` when the published
    /// warehouse is older than the sources.
    Serving {
        url: String,
        folder: &'a Path,
        sources_changed: bool,
    },
    /// A render finished in `seconds` (the queries ran again with it when `queries`).
    Rendered { seconds: f64, queries: bool },
    /// A render failed; the page shows why.
    Failed(&'a Error),
    /// Stopped by Ctrl-C or SIGTERM; the private folder is removed.
    Stopped,
}

/// The marker file of a preview's private folder.
const MARKER: &str = ".kidnap-trends-preview";

static STOP: AtomicBool = AtomicBool::new(false);

extern "C" fn on_signal(_: libc::c_int) {
    STOP.store(true, Ordering::SeqCst);
}

/// Preview the pipeline at `file` until Ctrl-C or SIGTERM.
pub fn preview(file: &Path, options: &Options, on: &mut dyn FnMut(Event<'_>)) -> Result<()> {
    let mut pipeline = load(file, options.lang.as_deref())?;
    let first = published(&pipeline, options.output.as_deref())?;
    let folder = private_folder(&first.dir)?;
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, options.port)))
        .map_err(|e| {
            Error::environment(
                format!("cannot listen on 127.0.0.1 port {}", options.port),
                Path::new("127.0.0.1"),
                e,
            )
        })?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::environment("cannot read the address of", Path::new("127.0.0.1"), e))?;
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, on_signal as *const () as libc::sighandler_t);
        libc::signal(libc::SIGTERM, on_signal as *const () as libc::sighandler_t);
    }
    STOP.store(false, Ordering::SeqCst);
    let state = Arc::new(server::State::default());
    let mut session = Session {
        folder: folder.clone(),
        published: first,
        results: None,
        manuscripts: options.manuscripts,
        state: state.clone(),
    };
    // Watched from before the first render, so that a save during it is not missed.
    let mut watch = watch::Watch::new(&pipeline.file, &pipeline.queries_dir, &pipeline.report_dir);
    session.render(&pipeline, true, on);
    let server = std::thread::spawn(move || server::serve(listener, state, &STOP));
    on(Event::Serving {
        url: format!("http://{addr}/"),
        folder: &folder,
        sources_changed: session.published.sources_changed,
    });
    while !STOP.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(100));
        let Some(changed) = watch.poll() else {
            continue;
        };
        if changed.pipeline {
            // Its sources or output may be others now: the published output again.
            let reloaded = load(file, options.lang.as_deref()).and_then(|p| {
                let out = published(&p, options.output.as_deref())?;
                Ok((p, out))
            });
            match reloaded {
                Ok((p, out)) => {
                    pipeline = p;
                    session.published = out;
                    watch.retarget(&pipeline.queries_dir, &pipeline.report_dir);
                }
                Err(e) => {
                    session.failed(&e, on);
                    continue;
                }
            }
        }
        session.render(&pipeline, changed.queries || changed.pipeline, on);
    }
    let _ = server.join();
    let _ = std::fs::remove_dir_all(&folder);
    on(Event::Stopped);
    Ok(())
}

/// The warning above the page when the published warehouse is older than the sources.
fn banner_of(published: &Published) -> Option<String> {
    published.sources_changed.then(|| {
        "The sources changed since this output was published: the preview shows the published \
         data (run `kidnap-trends run` to read them again)."
            .to_string()
    })
}

/// A preview's renders.
struct Session {
    folder: PathBuf,
    published: Published,
    /// The query results of the last good query run.
    results: Option<BTreeMap<String, Table>>,
    manuscripts: bool,
    state: Arc<server::State>,
}

impl Session {
    /// Render the document (running the queries first when `queries` or when they never
    /// ran), write it to the private folder and show it.
    fn render(&mut self, pipeline: &Pipeline, queries: bool, on: &mut dyn FnMut(Event<'_>)) {
        let start = Instant::now();
        if queries || self.results.is_none() {
            match results(pipeline, &self.published) {
                Ok(r) => self.results = Some(r),
                Err(e) => return self.failed(&e, on),
            }
        }
        let Some(results) = &self.results else {
            return;
        };
        let artefacts = match document(pipeline, results, self.manuscripts) {
            Ok(a) => a,
            Err(e) => return self.failed(&e, on),
        };
        let files: BTreeMap<String, Vec<u8>> = artefacts
            .into_iter()
            .map(|a| (a.path.to_string_lossy().replace('\\', "/"), a.bytes))
            .collect();
        if let Err(e) = write_folder(&self.folder, &files) {
            return self.failed(&e, on);
        }
        let banner = banner_of(&self.published);
        self.state.update(|s| {
            s.files = Arc::new(files);
            s.error = None;
            s.banner = banner;
        });
        on(Event::Rendered {
            seconds: start.elapsed().as_secs_f64(),
            queries,
        });
    }

    fn failed(&mut self, e: &Error, on: &mut dyn FnMut(Event<'_>)) {
        let text = e.rendered();
        self.state.update(|s| s.error = Some(text));
        on(Event::Failed(e));
    }
}

/// The private folder beside `output` (`.NAME.preview-PID`), made empty with the tool's
/// marker; the folders of killed previews of the same output are removed first (only those
/// with the marker and a dead process).
fn private_folder(output: &Path) -> Result<PathBuf> {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let prefix = format!(".{name}.preview-");
    if let Ok(entries) = std::fs::read_dir(&parent) {
        for e in entries.flatten() {
            let file_name = e.file_name();
            let Some(pid) = file_name
                .to_str()
                .and_then(|n| n.strip_prefix(&prefix))
                .and_then(|p| p.parse::<u32>().ok())
            else {
                continue;
            };
            let path = e.path();
            let ours = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir())
                && path.join(MARKER).is_file();
            if ours && !crate::store::process_alive(pid) {
                tracing::info!(folder = %path.display(), "Removing a stopped preview's folder");
                let _ = std::fs::remove_dir_all(&path);
            }
        }
    }
    let folder = parent.join(format!("{prefix}{}", std::process::id()));
    let err = |e| Error::environment("cannot create the preview folder", &folder, e);
    if folder.exists() {
        std::fs::remove_dir_all(&folder).map_err(err)?;
    }
    std::fs::create_dir_all(&folder).map_err(err)?;
    std::fs::write(
        folder.join(MARKER),
        "A preview of kidnap-trends renders here; removed when it stops.\n",
    )
    .map_err(err)?;
    Ok(folder)
}

/// The private folder holding exactly `files` (and the marker).
fn write_folder(folder: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<()> {
    let err = |p: &Path, e| Error::environment("cannot write the preview file", p, e);
    if let Ok(entries) = std::fs::read_dir(folder) {
        for e in entries.flatten() {
            if e.file_name() != MARKER {
                let p = e.path();
                let gone = if p.is_dir() {
                    std::fs::remove_dir_all(&p)
                } else {
                    std::fs::remove_file(&p)
                };
                gone.map_err(|e| err(&p, e))?;
            }
        }
    }
    for (rel, bytes) in files {
        let path = folder.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| err(dir, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| err(&path, e))?;
    }
    Ok(())
}
