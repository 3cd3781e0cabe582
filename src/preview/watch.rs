//! What a preview watches: the pipeline file, the report folder and the queries folder, by a
//! short poll of each file's size, modification time and inode (an editor that saves by
//! writing a new file and renaming it over the old one changes the inode), with the changes
//! of one save gathered until the files have been still for a moment.

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long the watched files must be still before a change counts (one save of an editor
/// may be several writes and a rename).
const SETTLE: Duration = Duration::from_millis(150);

/// What changed, by kind of file.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Changed {
    /// The pipeline file (parameters, sources, settings).
    pub pipeline: bool,
    /// A SQL file.
    pub queries: bool,
    /// A file of the report folder (spec, chapters, templates, CSS).
    pub report: bool,
}

type Stamp = (u64, i64, i64, u64);

/// The watched files as last seen.
pub struct Watch {
    pipeline: PathBuf,
    queries: PathBuf,
    report: PathBuf,
    seen: BTreeMap<PathBuf, Stamp>,
    pending: Changed,
    last_change: Option<Instant>,
}

impl Watch {
    /// Start watching (the files as they are now are the baseline).
    pub fn new(pipeline: &Path, queries: &Path, report: &Path) -> Watch {
        let mut w = Watch {
            pipeline: pipeline.to_path_buf(),
            queries: queries.to_path_buf(),
            report: report.to_path_buf(),
            seen: BTreeMap::new(),
            pending: Changed::default(),
            last_change: None,
        };
        w.seen = w.snapshot();
        w
    }

    /// Watch these folders from now on (the pipeline file named others).
    pub fn retarget(&mut self, queries: &Path, report: &Path) {
        self.queries = queries.to_path_buf();
        self.report = report.to_path_buf();
    }

    /// What changed since the last settled change, once the files are still again.
    pub fn poll(&mut self) -> Option<Changed> {
        let now = self.snapshot();
        if now != self.seen {
            let changed: std::collections::BTreeSet<PathBuf> = now
                .keys()
                .chain(self.seen.keys())
                .filter(|k| now.get(*k) != self.seen.get(*k))
                .cloned()
                .collect();
            for k in changed {
                self.mark(&k);
            }
            self.seen = now;
            self.last_change = Some(Instant::now());
            return None;
        }
        match self.last_change {
            Some(t) if t.elapsed() >= SETTLE => {
                self.last_change = None;
                Some(std::mem::take(&mut self.pending))
            }
            _ => None,
        }
    }

    fn mark(&mut self, path: &Path) {
        if path == self.pipeline {
            self.pending.pipeline = true;
        } else if path.starts_with(&self.queries) {
            self.pending.queries = true;
        } else {
            self.pending.report = true;
        }
    }

    fn snapshot(&self) -> BTreeMap<PathBuf, Stamp> {
        let mut out = BTreeMap::new();
        stamp(&self.pipeline, &mut out);
        for dir in [&self.queries, &self.report] {
            walk(dir, &mut out, 0);
        }
        out
    }
}

fn stamp(path: &Path, out: &mut BTreeMap<PathBuf, Stamp>) {
    if let Ok(m) = std::fs::metadata(path) {
        out.insert(
            path.to_path_buf(),
            (m.len(), m.mtime(), m.mtime_nsec(), m.ino()),
        );
    }
}

/// Every file under `dir` (editors' hidden swap and backup files left aside).
fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, Stamp>, depth: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
            continue;
        }
        let path = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() && depth < 8 => walk(&path, out, depth + 1),
            Ok(_) => stamp(&path, out),
            Err(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_by_rename_counts_once_it_settles_and_says_what_changed() {
        let tmp = tempfile::tempdir().unwrap();
        let (q, r) = (tmp.path().join("q"), tmp.path().join("r"));
        std::fs::create_dir_all(&q).unwrap();
        std::fs::create_dir_all(r.join("chapters")).unwrap();
        let p = tmp.path().join("p.yaml");
        std::fs::write(&p, "a").unwrap();
        std::fs::write(q.join("N1.sql"), "SELECT 1").unwrap();
        std::fs::write(r.join("chapters/a.md"), "x").unwrap();
        let mut w = Watch::new(&p, &q, &r);
        assert_eq!(w.poll(), None);
        // An editor's save: a new file renamed over the old one, same size.
        let tmp_file = r.join("chapters/.a.md.tmp");
        std::fs::write(&tmp_file, "y").unwrap();
        std::fs::rename(&tmp_file, r.join("chapters/a.md")).unwrap();
        assert_eq!(w.poll(), None, "not yet settled");
        std::thread::sleep(SETTLE + Duration::from_millis(20));
        assert_eq!(
            w.poll(),
            Some(Changed {
                report: true,
                ..Changed::default()
            })
        );
        assert_eq!(w.poll(), None, "reported once");
        std::fs::write(q.join("N2.sql"), "SELECT 2").unwrap();
        std::fs::write(&p, "b").unwrap();
        assert_eq!(w.poll(), None);
        std::thread::sleep(SETTLE + Duration::from_millis(20));
        assert_eq!(
            w.poll(),
            Some(Changed {
                pipeline: true,
                queries: true,
                report: false
            })
        );
    }
}
