//! Digests of input files taken while the readers read them, for whoever needs the files'
//! sha256 (the manifest, the fingerprint) at the same time.
//!
//! Takes the paths whose reader hashes the bytes it reads (a large csv source: one read serves
//! both, on a thread of its own); returns, to a thread that asks for one of them, the reader's
//! size and sha256 once the reader has them, or `None` when it could not take them (the file
//! went to a reader that does not hash, or the ingest stopped first): the asker then reads the
//! file itself. Never blocks past [`Digests::close`], which the ingest calls however it ends.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, MutexGuard};

/// A file's size and hex sha256.
pub type Digest = (u64, String);

/// The digests of the files a reader hashes, shared between the ingest and other threads.
#[derive(Debug, Default)]
pub struct Digests {
    /// `None` while the file's reader may still hash it; `Some(None)` when it did not.
    slots: Mutex<BTreeMap<PathBuf, Option<Option<Digest>>>>,
    ready: Condvar,
}

impl Digests {
    /// Digests expected for `paths` (the files [`crate::ingest::hashed_while_read`] picks).
    pub fn expecting(paths: impl IntoIterator<Item = PathBuf>) -> Digests {
        Digests {
            slots: Mutex::new(paths.into_iter().map(|p| (p, None)).collect()),
            ready: Condvar::new(),
        }
    }

    fn slots(&self) -> MutexGuard<'_, BTreeMap<PathBuf, Option<Option<Digest>>>> {
        self.slots.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether a reader is expected to hash `path`.
    pub fn expects(&self, path: &Path) -> bool {
        self.slots().contains_key(path)
    }

    /// The reader's digest of `path`, waiting for it; `None` when no reader hashed it (or none
    /// was expected to).
    pub fn wait(&self, path: &Path) -> Option<Digest> {
        let mut slots = self.slots();
        loop {
            match slots.get(path) {
                None => return None,
                Some(Some(done)) => return done.clone(),
                Some(None) => slots = self.ready.wait(slots).unwrap_or_else(|e| e.into_inner()),
            }
        }
    }

    /// What the reader of `path` found: its digest, or `None` when it did not hash the file
    /// whole. The first word on a file stands.
    pub fn put(&self, path: &Path, digest: Option<Digest>) {
        let mut slots = self.slots();
        if let Some(slot @ None) = slots.get_mut(path) {
            *slot = Some(digest);
            self.ready.notify_all();
        }
    }

    /// No reader will hash anything more: every file still awaited is `None`.
    pub fn close(&self) {
        let mut slots = self.slots();
        for slot in slots.values_mut() {
            slot.get_or_insert(None);
        }
        self.ready.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_asker_gets_the_readers_digest_or_none_after_close() {
        let d = Digests::expecting([PathBuf::from("a.csv"), PathBuf::from("b.csv")]);
        assert!(d.expects(Path::new("a.csv")) && !d.expects(Path::new("c.csv")));
        assert_eq!(d.wait(Path::new("c.csv")), None);
        std::thread::scope(|s| {
            let a = s.spawn(|| d.wait(Path::new("a.csv")));
            let b = s.spawn(|| d.wait(Path::new("b.csv")));
            d.put(Path::new("a.csv"), Some((3, "abc".into())));
            // A second word on the same file does not change the first.
            d.put(Path::new("a.csv"), None);
            d.close();
            assert_eq!(a.join().unwrap(), Some((3, "abc".into())));
            assert_eq!(b.join().unwrap(), None);
        });
    }
}
