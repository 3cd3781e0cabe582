//! Publish: where an output folder may be written, and replacing it without ever losing a file
//! this tool did not write.
//!
//! An output folder is built in a hidden staging folder beside its target and swapped in with
//! one atomic exchange. What the exchange may replace is decided first, on canonical paths:
//! nothing, an empty folder, or a folder this tool published (its ownership record
//! `.kidnap-trends/owner.json`, or a manifest of the previous version of the tool) holding only
//! the files its manifest lists, unchanged, beside `manifest.json` and the tool's own files
//! under `.kidnap-trends/`. Anything else is refused before any work is done, and again under
//! the lock just before the exchange. The previous output is then removed file by file, only
//! the files its manifest lists; never a whole tree. An output that is an input of the pipeline
//! or contains one, lies inside its queries or report folder, is the current or home folder or
//! contains it, or is an existing regular file is refused. A target that is a symbolic link to a
//! folder is published through the link: the folder it points to is replaced, the link stays.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use super::paths::{alive, create_parents, exchange, fault, refuse_protected, resolve};
pub use super::paths::{partial_name, refuse_file, rename_into, write_file};
use super::scan::{Kind, Prior, is_marked_staging, remove_owned, scan};
use crate::error::{Error, Result};

/// The tool's folder inside an output: ownership record, stat cache, last run (not artefacts).
pub const STATE_DIR: &str = ".kidnap-trends";
/// The ownership record, under `STATE_DIR`.
pub const OWNER_FILE: &str = "owner.json";
/// The manifest of an output, at its top.
pub const MANIFEST_FILE: &str = "manifest.json";
/// Marks a staging folder as this tool's until it is published (under `STATE_DIR`).
pub(crate) const STAGING_MARKER: &str = "staging.json";
/// Files under `STATE_DIR` the tool writes.
pub(crate) const TOOL_FILES: &[&str] = &[OWNER_FILE, "stat-cache.json", "last-run.json"];
pub(crate) const TOOL_NAME: &str = env!("CARGO_PKG_NAME");

/// What an output may never be, contain, or lie inside.
#[derive(Debug, Default, Clone)]
pub struct Protected {
    /// Files the command reads (sources, reference tables, the pipeline file): an output may
    /// be none of them and contain none of them.
    pub inputs: Vec<PathBuf>,
    /// Folders an output may not lie inside (the queries and report folders), with a name for
    /// the message.
    pub folders: Vec<(&'static str, PathBuf)>,
}

/// An output folder this command may write, held under its lock until dropped.
#[derive(Debug)]
pub struct Output {
    shown: PathBuf,
    real: PathBuf,
    carry_over: bool,
    /// Folders created for the output's parent, removed again (when empty) if nothing was
    /// published.
    created: Vec<PathBuf>,
    published: bool,
    lock: Option<super::Lock>,
}

impl Output {
    /// Check that `shown` may be published to, take its lock, clean up the leftovers of dead
    /// runs, and check what it holds: everything `publish` will check again at the end.
    pub fn open(shown: &Path, protected: &Protected, carry_over: bool) -> Result<Output> {
        let real = resolve(shown)?;
        refuse_protected(shown, &real, protected)?;
        let parent = real.parent().map(Path::to_path_buf).unwrap_or_default();
        let created = create_parents(shown, &parent)?;
        let mut output = Output {
            shown: shown.to_path_buf(),
            real,
            carry_over,
            created,
            published: false,
            lock: None,
        };
        output.lock = Some(super::lock_at(shown, &output.lock_path())?);
        output.clean_leftovers();
        output.check(false)?;
        Ok(output)
    }

    /// The same checks as `open`, without locking, creating or cleaning anything (`plan`,
    /// `validate`).
    pub fn inspect(shown: &Path, protected: &Protected, carry_over: bool) -> Result<PathBuf> {
        let real = resolve(shown)?;
        refuse_protected(shown, &real, protected)?;
        let output = Output {
            shown: shown.to_path_buf(),
            real,
            carry_over,
            created: Vec::new(),
            published: false,
            lock: None,
        };
        output.check(false)?;
        Ok(output.real.clone())
    }

    /// The check of `open` with every listed file's sha256 compared too (an author's edit of
    /// the same size): for commands about to do work.
    pub fn verify(&self) -> Result<()> {
        self.check(true).map(|_| ())
    }

    /// The folder as the user named it (for messages).
    pub fn shown(&self) -> &Path {
        &self.shown
    }

    /// The canonical folder written.
    pub fn path(&self) -> &Path {
        &self.real
    }

    fn name(&self) -> String {
        self.real
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    fn parent(&self) -> PathBuf {
        self.real
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default()
    }

    fn lock_path(&self) -> PathBuf {
        self.parent().join(format!(".{}.lock", self.name()))
    }

    /// What the target holds, refused unless this tool may replace it.
    fn check(&self, verify: bool) -> Result<Prior> {
        if std::fs::symlink_metadata(&self.real).is_ok_and(|m| !m.is_dir()) {
            return Err(Error::Output(format!(
                "{} is an existing file, not a folder; choose a new or empty folder",
                self.shown.display()
            )));
        }
        let prior = scan(&self.real, verify)?;
        if !prior.foreign.is_empty() && !self.carry_over {
            let n = prior.foreign.len();
            return Err(Error::Output(format!(
                "{} holds {n} {} this tool did not write ({}); choose a new or empty folder, \
                 or move them (--carry-over keeps them, unchanged, in the new output)",
                self.shown.display(),
                if n == 1 { "file" } else { "files" },
                prior.foreign_text()
            )));
        }
        Ok(prior)
    }

    /// Start building the new output: an empty staging folder beside the target, marked as
    /// this run's, with the ownership record written.
    pub fn staging(&self, pipeline: &str) -> Result<Staging> {
        let dir = self
            .parent()
            .join(format!(".{}.staging-{}", self.name(), std::process::id()));
        std::fs::create_dir(&dir)
            .map_err(|e| Error::environment("cannot create the staging folder", &dir, e))?;
        let staging = Staging {
            dir,
            shown: self.shown.clone(),
            published: false,
        };
        let marker = serde_json::json!({ "tool": TOOL_NAME, "pid": std::process::id() });
        staging.write(
            &format!("{STATE_DIR}/{STAGING_MARKER}"),
            marker.to_string().as_bytes(),
        )?;
        let owner = serde_json::json!({ "tool": TOOL_NAME, "pipeline": pipeline });
        let mut owner =
            serde_json::to_vec_pretty(&owner).map_err(|e| Error::Internal(e.to_string()))?;
        owner.push(b'\n');
        staging.write(&format!("{STATE_DIR}/{OWNER_FILE}"), &owner)?;
        Ok(staging)
    }

    /// Swap `staging` in place of the target. The target is checked again first (under the
    /// lock); with `carry_over`, files this tool did not write move into the new output
    /// unchanged; the previous output is then removed file by file, as its manifest lists.
    pub fn publish(&mut self, mut staging: Staging) -> Result<PathBuf> {
        let prior = self.check(true)?;
        let carried = self.carry_into(&staging, &prior)?;
        let marker = staging.dir.join(STATE_DIR).join(STAGING_MARKER);
        std::fs::remove_file(&marker)
            .map_err(|e| Error::environment("cannot finish the staging folder", &marker, e))?;
        let old = self
            .parent()
            .join(format!(".{}.old-{}", self.name(), std::process::id()));
        if !prior.exists {
            std::fs::rename(&staging.dir, &self.real)
                .map_err(|e| Error::environment("cannot publish", &self.shown, e))?;
            staging.published = true;
            self.published = true;
            return Ok(self.real.clone());
        }
        match exchange(&staging.dir, &self.real) {
            Ok(()) => {
                // From here the staging name holds the previous output: never remove it whole.
                staging.published = true;
                self.published = true;
                if let Err(e) = self.same_as_checked(&staging.dir, &prior) {
                    // Swap back: the previous output (or whatever is there now) returns whole.
                    if exchange(&staging.dir, &self.real).is_ok() {
                        staging.published = false;
                        self.published = false;
                    }
                    return Err(e);
                }
                if std::fs::rename(&staging.dir, &old).is_err() {
                    self.retire(&staging.dir, &prior, &carried);
                    return Ok(self.real.clone());
                }
            }
            Err(_) => {
                // No atomic exchange here: move the previous output aside, then the new one in.
                std::fs::rename(&self.real, &old).map_err(|e| {
                    Error::environment("cannot move the previous output aside", &self.shown, e)
                })?;
                if let Err(e) = std::fs::rename(&staging.dir, &self.real) {
                    let _ = std::fs::rename(&old, &self.real);
                    return Err(Error::environment("cannot publish", &self.shown, e));
                }
                staging.published = true;
                self.published = true;
            }
        }
        self.retire(&old, &prior, &carried);
        Ok(self.real.clone())
    }

    /// After the exchange: the folder swapped out must be the one checked (same device and
    /// inode, nothing new in it), else the run stops and the caller swaps it back.
    fn same_as_checked(&self, old: &Path, prior: &Prior) -> Result<()> {
        let now = scan(old, false)?;
        let known: BTreeSet<&String> = prior
            .owned
            .iter()
            .chain(prior.foreign.iter().map(|(r, _, _)| r))
            .collect();
        let newcomers: Vec<&String> = now
            .owned
            .iter()
            .chain(now.foreign.iter().map(|(r, _, _)| r))
            .filter(|r| !known.contains(r))
            .collect();
        if now.id != prior.id || !newcomers.is_empty() {
            return Err(Error::Output(format!(
                "{} changed while this run was publishing it{}; nothing was replaced, run again",
                self.shown.display(),
                if newcomers.is_empty() {
                    String::new()
                } else {
                    format!(
                        " ({} new: {})",
                        newcomers.len(),
                        newcomers
                            .iter()
                            .take(5)
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
            )));
        }
        Ok(())
    }

    /// Copy the files this tool did not write into the staging folder (the originals follow
    /// by rename once the new output is in place). Refused when the new output writes a file
    /// of the same name.
    fn carry_into(&self, staging: &Staging, prior: &Prior) -> Result<Vec<String>> {
        let mut carried = Vec::new();
        if !self.carry_over {
            return Ok(carried);
        }
        for (rel, kind, _) in &prior.foreign {
            let from = self.real.join(rel);
            let to = staging.dir.join(rel);
            if std::fs::symlink_metadata(&to).is_ok() {
                return Err(Error::Output(format!(
                    "cannot carry {} over into the new output of {}: the new output writes a \
                     file of that name; move it first",
                    rel,
                    self.shown.display()
                )));
            }
            if let Some(p) = to.parent()
                && let Err(e) = std::fs::create_dir_all(p)
            {
                if p.ancestors()
                    .any(|a| std::fs::symlink_metadata(a).is_ok_and(|m| !m.is_dir()))
                {
                    return Err(Error::Output(format!(
                        "cannot carry {rel} over into the new output of {}: the new output \
                         writes a file where its folder would be; move it first",
                        self.shown.display()
                    )));
                }
                return Err(Error::environment("cannot create folder", p, e));
            }
            let err = |e| Error::environment("cannot carry over", &from, e);
            match kind {
                Kind::File => {
                    std::fs::copy(&from, &to).map_err(err)?;
                }
                Kind::Dir => std::fs::create_dir(&to).map_err(err)?,
                Kind::Link => {
                    let target = std::fs::read_link(&from).map_err(err)?;
                    std::os::unix::fs::symlink(target, &to).map_err(err)?;
                }
                Kind::Other => {
                    return Err(Error::Output(format!(
                        "cannot carry {} over: it is neither a file, a folder nor a link",
                        from.display()
                    )));
                }
            }
            carried.push(rel.clone());
        }
        Ok(carried)
    }

    /// After the exchange: move the carried originals into the new output (over their
    /// copies), then remove what the previous output's manifest lists, and the folder if that
    /// leaves it empty. Whatever remains stays, with a warning.
    fn retire(&self, old: &Path, prior: &Prior, carried: &[String]) {
        for rel in carried {
            let from = old.join(rel);
            if std::fs::symlink_metadata(&from).is_ok_and(|m| !m.is_dir()) {
                let _ = std::fs::rename(&from, self.real.join(rel));
            }
        }
        remove_owned(old, &prior.owned, carried);
        if old.exists() {
            tracing::warn!(
                folder = %old.display(),
                "The previous output still holds files this tool did not write; left in place"
            );
        }
    }

    /// Remove the leftovers of runs of this output that died: staging folders (marked, every
    /// file theirs) and previous outputs (only the files their manifest lists). A file that an
    /// earlier version of the tool swapped out of the way is put back.
    fn clean_leftovers(&self) {
        let name = self.name();
        let prefixes = [format!(".{name}.staging-"), format!(".{name}.old-")];
        let Ok(rd) = std::fs::read_dir(self.parent()) else {
            return;
        };
        for entry in rd.flatten() {
            let n = entry.file_name().to_string_lossy().into_owned();
            let Some(pid) = prefixes
                .iter()
                .find_map(|p| n.strip_prefix(p.as_str()))
                .and_then(|rest| rest.parse::<u32>().ok())
            else {
                continue;
            };
            if pid != std::process::id() && alive(pid) {
                continue;
            }
            let path = entry.path();
            let Ok(md) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if !md.is_dir() {
                self.restore(&path);
            } else if is_marked_staging(&path) {
                let _ = std::fs::remove_dir_all(&path);
            } else if let Ok(prior) = scan(&path, true) {
                if prior.foreign.is_empty() {
                    remove_owned(&path, &prior.owned, &[]);
                } else {
                    tracing::warn!(folder = %path.display(), "Leftover of an earlier run holds files this tool did not write; left in place");
                }
            }
        }
    }

    /// Put back a user's file that an earlier version of the tool moved aside when it
    /// published over it.
    /// Only a regular file is put back, into a free name, or over an output of the previous
    /// version (no ownership record: the version that made this mistake), whose listed files
    /// are removed first; an output of this version is never removed for it.
    fn restore(&self, file: &Path) {
        let regular = std::fs::symlink_metadata(file).is_ok_and(|m| m.is_file());
        let free = regular
            && match std::fs::symlink_metadata(&self.real) {
                Err(_) => true,
                Ok(md) if md.is_dir() && !self.real.join(STATE_DIR).join(OWNER_FILE).exists() => {
                    match scan(&self.real, true) {
                        Ok(prior) if prior.foreign.is_empty() && prior.legacy => {
                            remove_owned(&self.real, &prior.owned, &[]);
                            !self.real.exists()
                        }
                        _ => false,
                    }
                }
                Ok(_) => false,
            };
        if free && std::fs::rename(file, &self.real).is_ok() {
            tracing::warn!(
                file = %self.shown.display(),
                "Restored a file an earlier version of kidnap-trends had moved aside"
            );
        } else {
            tracing::warn!(
                file = %file.display(),
                "A file an earlier version of kidnap-trends moved aside could not be put back; left in place"
            );
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        self.lock.take();
        if !self.published {
            for dir in self.created.iter().rev() {
                let _ = std::fs::remove_dir(dir);
            }
        }
    }
}

/// An output folder under construction, beside the folder it will replace.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    shown: PathBuf,
    published: bool,
}

impl Staging {
    /// The folder to write into.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Create a sub-folder of the staging folder.
    pub fn subdir(&self, rel: &str) -> Result<PathBuf> {
        let p = self.dir.join(rel);
        std::fs::create_dir_all(&p)
            .map_err(|e| Error::environment("cannot create folder", &self.shown.join(rel), e))?;
        Ok(p)
    }

    /// Write a file of the new output (`rel` to its top), creating its folder; errors name
    /// the file where it is being published.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        if Path::new(rel)
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
        {
            return Err(Error::Internal(format!(
                "output file {rel:?} is not a plain path inside the output"
            )));
        }
        let path = self.dir.join(rel);
        let shown = self.shown.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::environment("cannot create folder", &shown, e))?;
        }
        fault(rel)
            .and_then(|()| std::fs::write(&path, bytes))
            .map_err(|e| Error::environment("cannot write", &shown, e))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // Everything in an unpublished staging folder was written by this run.
        if !self.published {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests;
