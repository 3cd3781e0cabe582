//! Digests of input files taken while the readers read them, for whoever needs the files'
//! sha256 (the manifest, the fingerprint) at the same time.
//!
//! Takes the paths whose reader hashes the bytes it reads (a large csv source: one read serves
//! both, on a thread of its own); returns, to a thread that asks for one of them, the reader's
//! size and sha256 once the reader has them, or `None` when it could not take them (the file
//! went to a reader that does not hash, or the ingest stopped first): the asker then reads the
//! file itself. A reader claims a file ([`Digests::claim`]) and hands the claim to the thread
//! that hashes it, which may finish after the ingest has returned (the warehouse is built
//! meanwhile); a claim that is dropped unfulfilled (a failed or stopped read) says `None`.
//! Never blocks past [`Digests::close`], which the ingest calls however it ends, but for the
//! claimed files, whose hashing threads end by themselves.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

/// A file's size and hex sha256.
pub type Digest = (u64, String);

/// The digests of the files a reader hashes, shared between the ingest and other threads.
#[derive(Debug, Default)]
pub struct Digests {
    slots: Mutex<BTreeMap<PathBuf, Slot>>,
    ready: Condvar,
}

/// Where a file's digest stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Slot {
    /// A reader may still hash it.
    Awaited,
    /// A thread is hashing it.
    Claimed,
    /// The digest, or `None` when no reader hashed the file whole.
    Done(Option<Digest>),
}

/// The right, and the duty, to say a file's digest: dropped unfulfilled, it says `None`.
#[derive(Debug)]
pub struct Claim {
    digests: Arc<Digests>,
    path: PathBuf,
    fulfilled: bool,
}

impl Claim {
    /// The file's digest (or `None`: not hashed whole).
    pub fn fulfil(mut self, digest: Option<Digest>) {
        self.fulfilled = true;
        self.digests.put(&self.path, digest);
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        if !self.fulfilled {
            self.digests.put(&self.path, None);
        }
    }
}

impl Digests {
    /// Digests expected for `paths` (the files [`crate::ingest::hashed_while_read`] picks).
    pub fn expecting(paths: impl IntoIterator<Item = PathBuf>) -> Digests {
        Digests {
            slots: Mutex::new(paths.into_iter().map(|p| (p, Slot::Awaited)).collect()),
            ready: Condvar::new(),
        }
    }

    fn slots(&self) -> MutexGuard<'_, BTreeMap<PathBuf, Slot>> {
        self.slots.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The claim on `path` for a reader that will hash it, if its digest is awaited and
    /// nobody claimed it yet.
    pub fn claim(self: &Arc<Self>, path: &Path) -> Option<Claim> {
        let mut slots = self.slots();
        let slot = slots.get_mut(path).filter(|s| **s == Slot::Awaited)?;
        *slot = Slot::Claimed;
        Some(Claim {
            digests: Arc::clone(self),
            path: path.to_path_buf(),
            fulfilled: false,
        })
    }

    /// The reader's digest of `path`, waiting for it; `None` when no reader hashed it (or none
    /// was expected to).
    pub fn wait(&self, path: &Path) -> Option<Digest> {
        let mut slots = self.slots();
        loop {
            match slots.get(path) {
                None => return None,
                Some(Slot::Done(done)) => return done.clone(),
                Some(_) => slots = self.ready.wait(slots).unwrap_or_else(|e| e.into_inner()),
            }
        }
    }

    /// The digest of `path` (or `None`); the first word on a file stands.
    fn put(&self, path: &Path, digest: Option<Digest>) {
        let mut slots = self.slots();
        if let Some(slot) = slots.get_mut(path)
            && !matches!(slot, Slot::Done(_))
        {
            *slot = Slot::Done(digest);
            self.ready.notify_all();
        }
    }

    /// No reader will claim anything more: every file still awaited and unclaimed is `None`
    /// (a claimed one gets its digest from its hashing thread).
    pub fn close(&self) {
        let mut slots = self.slots();
        for slot in slots.values_mut() {
            if *slot == Slot::Awaited {
                *slot = Slot::Done(None);
            }
        }
        self.ready.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_asker_gets_the_hashing_threads_digest_or_none() {
        let d = Arc::new(Digests::expecting([
            PathBuf::from("a.csv"),
            PathBuf::from("b.csv"),
            PathBuf::from("c.csv"),
        ]));
        assert_eq!(d.wait(Path::new("z.csv")), None);
        let a = d.claim(Path::new("a.csv")).unwrap();
        let b = d.claim(Path::new("b.csv")).unwrap();
        // Claimed once only; never for a file nobody awaits.
        assert!(d.claim(Path::new("a.csv")).is_none() && d.claim(Path::new("z.csv")).is_none());
        // Closing leaves the claimed files to their threads, and says `None` of the others.
        d.close();
        assert_eq!(d.wait(Path::new("c.csv")), None);
        std::thread::scope(|s| {
            let wait_a = s.spawn(|| d.wait(Path::new("a.csv")));
            let wait_b = s.spawn(|| d.wait(Path::new("b.csv")));
            s.spawn(move || a.fulfil(Some((3, "abc".into()))));
            // A claim dropped unfulfilled (a read that stopped) says `None`.
            s.spawn(move || drop(b));
            assert_eq!(wait_a.join().unwrap(), Some((3, "abc".into())));
            assert_eq!(wait_b.join().unwrap(), None);
        });
    }
}
