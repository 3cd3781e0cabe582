//! The stat cache: each file is hashed at most once per run (`FileHashes`), and the manifest
//! reuses those hashes. A published output also keeps, in `.kidnap-trends/stat-cache.json`,
//! each input's size, modification and change times (ns), device and inode with its sha256: a
//! file whose stat is unchanged since then is not read again (as git's index does), so a
//! refresh with nothing changed costs a few `stat` calls whatever the input sizes. That file is
//! a cache, not an artefact: it is not listed in `manifest.json`, and `--force` ignores it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::ingest::Digests;

/// Where a published output keeps its stat cache (inside the output folder, not an artefact).
pub use crate::store::publish::STATE_DIR;
const STAT_CACHE: &str = "stat-cache.json";

/// A file modified this recently (mtime or ctime) before the run started is hashed but not
/// recorded: a second change within the file system's timestamp granularity could leave its
/// stat unchanged.
const RACY_MARGIN: Duration = Duration::from_secs(2);

/// What identifies a file's contents without reading them, as far as the OS tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stat {
    size: u64,
    mtime_ns: i64,
    ctime_ns: i64,
    dev: u64,
    ino: u64,
}

impl Stat {
    #[cfg(unix)]
    fn of(path: &Path) -> Option<Stat> {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(path).ok()?;
        if !m.is_file() {
            return None;
        }
        let ns = |s: i64, n: i64| s.saturating_mul(1_000_000_000).saturating_add(n);
        Some(Stat {
            size: m.len(),
            mtime_ns: ns(m.mtime(), m.mtime_nsec()),
            ctime_ns: ns(m.ctime(), m.ctime_nsec()),
            dev: m.dev(),
            ino: m.ino(),
        })
    }

    #[cfg(not(unix))]
    fn of(_path: &Path) -> Option<Stat> {
        None
    }

    /// Old enough, relative to `started`, that a later change would show in the stat.
    fn settled(&self, started: SystemTime) -> bool {
        let Ok(since_epoch) = started.duration_since(SystemTime::UNIX_EPOCH) else {
            return false;
        };
        let limit =
            i64::try_from(since_epoch.saturating_sub(RACY_MARGIN).as_nanos()).unwrap_or(i64::MAX);
        self.mtime_ns < limit && self.ctime_ns < limit
    }
}

/// One line of the stat cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct StatEntry {
    path: String,
    stat: Stat,
    sha256: String,
}

#[derive(Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct StatCache {
    files: Vec<StatEntry>,
}

/// Size and sha256 of the files a run reads, each hashed at most once per run; a file whose
/// stat matches the previous output's stat cache reuses the hash recorded there.
#[derive(Debug)]
pub struct FileHashes {
    known: BTreeMap<String, StatEntry>,
    seen: BTreeMap<PathBuf, (u64, String, Option<Stat>)>,
    started: SystemTime,
    loaded: StatCache,
    /// Files a reader of the ingest hashes while reading them: their digests are awaited
    /// instead of read again.
    readers: Option<Arc<Digests>>,
}

impl FileHashes {
    /// No stat cache: every file is hashed (`--force`).
    pub fn fresh() -> FileHashes {
        FileHashes {
            known: BTreeMap::new(),
            seen: BTreeMap::new(),
            started: SystemTime::now(),
            loaded: StatCache::default(),
            readers: None,
        }
    }

    /// Take the digests of the files that `readers` names from there (waiting for them) instead
    /// of reading those files again.
    pub fn set_readers(&mut self, readers: Arc<Digests>) {
        self.readers = Some(readers);
    }

    /// Reuse the stat cache of the published output folder `target`, when it has one.
    pub fn reusing(target: &Path) -> FileHashes {
        let mut h = FileHashes::fresh();
        let path = target.join(STATE_DIR).join(STAT_CACHE);
        if let Some(cache) = std::fs::read(&path)
            .ok()
            .and_then(|b| serde_json::from_slice::<StatCache>(&b).ok())
        {
            h.known = cache
                .files
                .iter()
                .map(|e| (e.path.clone(), e.clone()))
                .collect();
            h.loaded = cache;
        }
        h
    }

    /// Size and hex sha256 of `path`.
    pub fn sha256(&mut self, path: &Path) -> Result<(u64, String)> {
        if let Some((bytes, sha, _)) = self.seen.get(path) {
            return Ok((*bytes, sha.clone()));
        }
        // Stat before reading: a change during the read then shows at the next run.
        let stat = Stat::of(path);
        let key = path.to_string_lossy();
        let recorded = stat.and_then(|now| {
            self.known
                .get(key.as_ref())
                .filter(|e| e.stat == now)
                .map(|e| (e.stat.size, e.sha256.clone()))
        });
        let (bytes, sha, stat) = match recorded {
            // Recorded when it was settled; unchanged since.
            Some((bytes, sha)) => (bytes, sha, stat),
            None => {
                let read = self.readers.as_ref().and_then(|r| r.wait(path));
                let (bytes, sha) = match read {
                    Some(digest) => digest,
                    None => crate::store::hash::sha256_file(path)?,
                };
                let stat = stat.filter(|s| s.size == bytes && s.settled(self.started));
                (bytes, sha, stat)
            }
        };
        self.seen
            .insert(path.to_path_buf(), (bytes, sha.clone(), stat));
        Ok((bytes, sha))
    }

    fn cache(&self) -> StatCache {
        StatCache {
            files: self
                .seen
                .iter()
                .filter_map(|(path, (_, sha, stat))| {
                    stat.map(|stat| StatEntry {
                        path: path.to_string_lossy().into_owned(),
                        stat,
                        sha256: sha.clone(),
                    })
                })
                .collect(),
        }
    }

    /// Write the stat cache of the files hashed so far into the output folder `dir` (a staging
    /// folder, or the published output when the run found nothing to do and the cache changed).
    pub fn save(&self, dir: &Path) -> Result<()> {
        let cache = self.cache();
        let state = dir.join(STATE_DIR);
        let err = |path: &Path, e: std::io::Error| {
            Error::environment("cannot write the stat cache", path, e)
        };
        std::fs::create_dir_all(&state).map_err(|e| err(&state, e))?;
        let mut json =
            serde_json::to_vec_pretty(&cache).map_err(|e| Error::Internal(e.to_string()))?;
        json.push(b'\n');
        let path = state.join(STAT_CACHE);
        let tmp = state.join(format!("{STAT_CACHE}.{}", std::process::id()));
        std::fs::write(&tmp, json).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            err(&tmp, e)
        })?;
        std::fs::rename(&tmp, &path).map_err(|e| err(&path, e))
    }

    /// Whether the stat cache would differ from the one loaded.
    pub fn changed(&self) -> bool {
        self.cache() != self.loaded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ABC: &str = "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb";
    const ABD: &str = "b10bd3130c1c0c13552e64356445290992346ad995cc5c1388a1e6150bc21c07";

    fn set_mtime(path: &Path, t: SystemTime) {
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(t)
            .unwrap();
    }

    /// Hashes whose clock is a minute ahead, so that files written by the test count as
    /// settled (not modified within the racy margin).
    fn ahead() -> FileHashes {
        let mut h = FileHashes::fresh();
        h.started = SystemTime::now() + Duration::from_secs(60);
        h
    }

    #[cfg(unix)]
    #[test]
    fn a_file_whose_stat_is_unchanged_reuses_the_recorded_hash() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let f = dir.path().join("input.csv");
        std::fs::write(&f, "abc\n").unwrap();
        let mut h = ahead();
        assert_eq!(h.sha256(&f).unwrap(), (4, ABC.to_string()));
        // Asked twice in one run, the file is hashed once (same answer).
        assert_eq!(h.sha256(&f).unwrap(), (4, ABC.to_string()));
        h.save(&out).unwrap();

        // Doctor the recorded hash: a reuse returns it, a read of the file would not.
        let cache = out.join(STATE_DIR).join(STAT_CACHE);
        let text = std::fs::read_to_string(&cache).unwrap();
        assert_eq!(text.matches(ABC).count(), 1);
        std::fs::write(&cache, text.replace(ABC, &"0".repeat(64))).unwrap();
        let mut again = FileHashes::reusing(&out);
        assert_eq!(again.sha256(&f).unwrap(), (4, "0".repeat(64)));
        assert!(!again.changed());
        // `--force` does not look at the cache.
        assert_eq!(FileHashes::fresh().sha256(&f).unwrap().1, ABC);

        // Same size, other bytes, another modification time: read again.
        std::fs::write(&f, "abd\n").unwrap();
        set_mtime(&f, SystemTime::now() - Duration::from_secs(3600));
        let mut after = FileHashes::reusing(&out);
        after.started = SystemTime::now() + Duration::from_secs(60);
        assert_eq!(after.sha256(&f).unwrap(), (4, ABD.to_string()));
        assert!(after.changed());
        after.save(&out).unwrap();
        // Only touched (same bytes, new time): read again, same hash; the entry, now stale
        // and not settled (its change time is now), is dropped from the cache.
        set_mtime(&f, SystemTime::now() - Duration::from_secs(7200));
        let mut touched = FileHashes::reusing(&out);
        assert_eq!(touched.sha256(&f).unwrap(), (4, ABD.to_string()));
        assert!(touched.cache().files.is_empty() && touched.changed());
    }

    #[test]
    fn a_file_changed_just_before_the_run_is_hashed_but_not_recorded() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("input.csv");
        std::fs::write(&f, "abc\n").unwrap();
        let mut h = FileHashes::fresh();
        assert_eq!(h.sha256(&f).unwrap(), (4, ABC.to_string()));
        assert!(h.cache().files.is_empty());
        // A missing file is an error, as before.
        assert!(h.sha256(&dir.path().join("missing.csv")).is_err());
    }
}
