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

use serde::Deserialize;

use super::hash::sha256_file;
use crate::error::{Error, Result};

/// The tool's folder inside an output: ownership record, stat cache, last run (not artefacts).
pub const STATE_DIR: &str = ".kidnap-trends";
/// The ownership record, under `STATE_DIR`.
pub const OWNER_FILE: &str = "owner.json";
/// The manifest of an output, at its top.
pub const MANIFEST_FILE: &str = "manifest.json";
/// Marks a staging folder as this tool's until it is published (under `STATE_DIR`).
const STAGING_MARKER: &str = "staging.json";
/// Files under `STATE_DIR` the tool writes.
const TOOL_FILES: &[&str] = &[OWNER_FILE, "stat-cache.json", "last-run.json"];
const TOOL_NAME: &str = env!("CARGO_PKG_NAME");

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

/// A file or folder found in an existing output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    File,
    Dir,
    Link,
    Other,
}

/// A file the previous output's manifest lists.
#[derive(Debug, Clone, Deserialize)]
struct Listed {
    path: String,
    bytes: u64,
    sha256: String,
}

#[derive(Deserialize)]
struct PreviousManifest {
    tool: Option<ToolName>,
    #[serde(default)]
    outputs: Vec<Listed>,
}

#[derive(Deserialize)]
struct ToolName {
    name: String,
}

#[derive(Deserialize)]
struct Owner {
    tool: String,
}

/// What the target holds now.
#[derive(Debug, Clone, Default)]
struct Prior {
    /// The target exists (a folder).
    exists: bool,
    /// Files of this tool (listed and unchanged, the manifest, the tool's own files), relative.
    owned: Vec<String>,
    /// Everything else: (relative path, kind, why it counts as foreign if not obvious).
    foreign: Vec<(String, Kind, &'static str)>,
    /// Made by the previous version: a manifest of this tool but no ownership record.
    legacy: bool,
    /// Device and inode of the folder when it was looked at.
    id: Option<(u64, u64)>,
}

impl Prior {
    fn foreign_text(&self) -> String {
        const SHOWN: usize = 8;
        let mut names: Vec<String> = self
            .foreign
            .iter()
            .take(SHOWN)
            .map(|(p, k, why)| {
                let p = if *k == Kind::Dir {
                    format!("{p}/")
                } else {
                    p.clone()
                };
                if why.is_empty() {
                    p
                } else {
                    format!("{p} ({why})")
                }
            })
            .collect();
        if self.foreign.len() > SHOWN {
            names.push(format!("and {} more", self.foreign.len() - SHOWN));
        }
        names.join(", ")
    }
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

/// Write a file the user named (`diff --csv`, `synth --out`): never over one of `inputs`,
/// never over an existing file unless `overwrite`; written beside it first and renamed, so a
/// failure leaves what was there.
pub fn write_file(path: &Path, bytes: &[u8], overwrite: bool, inputs: &[PathBuf]) -> Result<()> {
    refuse_file(path, overwrite, inputs)?;
    let tmp = partial_name(path);
    let written = fault(&path.to_string_lossy()).and_then(|()| std::fs::write(&tmp, bytes));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::environment("cannot write", path, e));
    }
    rename_into(&tmp, path, overwrite).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Rename the finished file `from` to `to`; without `overwrite` never over a file that
/// appeared meanwhile (an atomic no-replace rename).
pub fn rename_into(from: &Path, to: &Path, overwrite: bool) -> Result<()> {
    let r = if overwrite {
        std::fs::rename(from, to)
    } else {
        rename_noreplace(from, to)
    };
    r.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Error::Output(format!(
                "{} already exists; choose another file, or pass --overwrite to replace it",
                to.display()
            ))
        } else {
            Error::environment("cannot write", to, e)
        }
    })
}

/// `renameat2(RENAME_NOREPLACE)`: fails with `AlreadyExists` when `b` exists.
#[cfg(target_os = "linux")]
fn rename_noreplace(a: &Path, b: &Path) -> std::io::Result<()> {
    renameat2(a, b, libc::RENAME_NOREPLACE)
}

#[cfg(not(target_os = "linux"))]
fn rename_noreplace(a: &Path, b: &Path) -> std::io::Result<()> {
    if std::fs::symlink_metadata(b).is_ok() {
        return Err(std::io::ErrorKind::AlreadyExists.into());
    }
    std::fs::rename(a, b)
}

/// Refuse to write the file `path` the user named when it is one of `inputs`, a folder, or
/// (without `overwrite`) an existing file.
pub fn refuse_file(path: &Path, overwrite: bool, inputs: &[PathBuf]) -> Result<()> {
    let real = resolve(path)?;
    for input in inputs {
        if std::fs::canonicalize(input).is_ok_and(|i| i == real) {
            return Err(Error::Output(format!(
                "{} is an input of this command; choose another file",
                path.display()
            )));
        }
    }
    match std::fs::metadata(&real) {
        Ok(md) if md.is_dir() => Err(Error::Output(format!(
            "{} is a folder; name a file",
            path.display()
        ))),
        Ok(_) if !overwrite => Err(Error::Output(format!(
            "{} already exists; choose another file, or pass --overwrite to replace it",
            path.display()
        ))),
        _ => Ok(()),
    }
}

/// The temporary name a file is written under before it is renamed into place.
pub fn partial_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.partial-{}", std::process::id()))
}

/// Test-only fault hook (debug builds): `KIDNAP_TRENDS_FAULT=no-space:<file>` makes writing
/// that output file fail as a full disk does.
fn fault(rel: &str) -> std::io::Result<()> {
    if cfg!(debug_assertions)
        && std::env::var("KIDNAP_TRENDS_FAULT")
            .ok()
            .and_then(|v| v.strip_prefix("no-space:").map(|f| f == rel))
            .unwrap_or(false)
    {
        return Err(std::io::Error::from_raw_os_error(libc::ENOSPC));
    }
    Ok(())
}

/// The canonical path `shown` names, whether or not it exists: the longest existing prefix
/// resolved (symbolic links followed), the rest appended with `.` and `..` applied.
pub(crate) fn resolve(shown: &Path) -> Result<PathBuf> {
    let abs = if shown.is_absolute() {
        shown.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| Error::environment("cannot read the current folder for", shown, e))?
            .join(shown)
    };
    for c in abs.components() {
        if let Component::Normal(n) = c
            && n.len() > 255
        {
            return Err(Error::environment(
                "cannot publish to",
                shown,
                std::io::Error::from_raw_os_error(libc::ENAMETOOLONG),
            ));
        }
    }
    if let Some(name) = abs.file_name()
        && name.len() + ".staging-4294967295".len() + 1 > 255
    {
        return Err(Error::environment(
            "cannot publish to",
            shown,
            std::io::Error::new(
                std::io::ErrorKind::InvalidFilename,
                "the folder name leaves no room for the staging folder beside it (at most 236 bytes)",
            ),
        ));
    }
    let comps: Vec<Component> = abs.components().collect();
    let mut existing = comps.len();
    let mut base = loop {
        let prefix: PathBuf = comps[..existing].iter().collect();
        match std::fs::canonicalize(&prefix) {
            Ok(real) => break real,
            Err(e) if e.raw_os_error() == Some(libc::ENOTDIR) => {
                return Err(Error::environment(
                    "cannot publish to",
                    shown,
                    std::io::Error::new(
                        e.kind(),
                        format!("a part of the path is a file, not a folder ({e})"),
                    ),
                ));
            }
            Err(e) if std::fs::symlink_metadata(&prefix).is_ok() => {
                return Err(Error::Output(format!(
                    "{} is a symbolic link that leads nowhere ({}: {e}); choose a new or \
                     empty folder",
                    shown.display(),
                    prefix.display()
                )));
            }
            Err(e) if existing <= 1 => {
                return Err(Error::environment("cannot publish to", shown, e));
            }
            Err(_) => existing -= 1,
        }
    };
    for c in &comps[existing..] {
        match c {
            Component::ParentDir => {
                base.pop();
            }
            Component::Normal(n) => base.push(n),
            _ => {}
        }
    }
    Ok(base)
}

/// Refuse an output that is or holds an input, lies in the queries or report folder, is the
/// current or home folder or holds it, has no parent, or is an existing file.
fn refuse_protected(shown: &Path, real: &Path, protected: &Protected) -> Result<()> {
    let say = |what: String| {
        Err(Error::Output(format!(
            "{} {what}; choose a new or empty folder",
            shown.display()
        )))
    };
    if real.parent().is_none() {
        return say("is the root of the file system".into());
    }
    if std::fs::metadata(real).is_ok_and(|m| !m.is_dir()) {
        return say("is an existing file, not a folder".into());
    }
    if let (Ok(md), Some(Ok(up))) = (
        std::fs::metadata(real),
        real.parent().map(std::fs::metadata),
    ) {
        use std::os::unix::fs::MetadataExt;
        if md.dev() != up.dev() {
            return say(
                "is a mount point (it cannot be swapped atomically); name a folder inside it"
                    .into(),
            );
        }
    }
    if let Some(home) = std::env::var_os("HOME").and_then(|h| std::fs::canonicalize(h).ok())
        && home.starts_with(real)
    {
        return say("is the home folder or holds it".into());
    }
    for input in &protected.inputs {
        let input = std::fs::canonicalize(input).unwrap_or_else(|_| input.clone());
        if input == real {
            return say("is an input of the pipeline".into());
        }
        if input.starts_with(real) {
            return say(format!(
                "holds an input of the pipeline ({})",
                input.display()
            ));
        }
    }
    for (what, folder) in &protected.folders {
        let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.clone());
        if real.starts_with(&folder) {
            return say(format!(
                "lies inside the {what} folder ({})",
                folder.display()
            ));
        }
        if folder.starts_with(real) {
            return say(format!("holds the {what} folder ({})", folder.display()));
        }
    }
    if let Ok(cwd) = std::env::current_dir().and_then(std::fs::canonicalize)
        && cwd.starts_with(real)
    {
        return say("is the current folder or holds it".into());
    }
    Ok(())
}

/// Create the missing folders above the output; returns those created, outermost first.
fn create_parents(shown: &Path, parent: &Path) -> Result<Vec<PathBuf>> {
    let mut missing: Vec<PathBuf> = parent
        .ancestors()
        .take_while(|p| std::fs::symlink_metadata(p).is_err())
        .map(Path::to_path_buf)
        .collect();
    missing.reverse();
    let mut created = Vec::new();
    for dir in missing {
        match std::fs::create_dir(&dir) {
            Ok(()) => created.push(dir),
            // Another run made it meanwhile: there, but not ours to remove.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => {}
            Err(e) => {
                for d in created.iter().rev() {
                    let _ = std::fs::remove_dir(d);
                }
                return Err(Error::environment("cannot create the folder of", shown, e));
            }
        }
    }
    Ok(created)
}

/// Every file and folder under `root`, relative, without following links.
fn walk(root: &Path, rel: &str, out: &mut Vec<(String, Kind, bool)>) -> Result<()> {
    let dir = if rel.is_empty() {
        root.to_path_buf()
    } else {
        root.join(rel)
    };
    let rd = std::fs::read_dir(&dir).map_err(|e| Error::environment("cannot list", &dir, e))?;
    let mut names: Vec<String> = rd
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for n in names {
        let r = if rel.is_empty() {
            n
        } else {
            format!("{rel}/{n}")
        };
        let md = std::fs::symlink_metadata(root.join(&r))
            .map_err(|e| Error::environment("cannot read", &root.join(&r), e))?;
        let kind = if md.is_symlink() {
            Kind::Link
        } else if md.is_dir() {
            Kind::Dir
        } else if md.is_file() {
            Kind::File
        } else {
            Kind::Other
        };
        if kind == Kind::Dir {
            let before = out.len();
            walk(root, &r, out)?;
            let empty = out.len() == before;
            out.push((r, Kind::Dir, empty));
        } else {
            out.push((r, kind, false));
        }
    }
    Ok(())
}

/// Sort what `root` holds into this tool's files and everything else. `verify` compares the
/// listed files' sha256 too (sizes always).
fn scan(root: &Path, verify: bool) -> Result<Prior> {
    let mut prior = Prior::default();
    match std::fs::symlink_metadata(root) {
        Err(_) => return Ok(prior),
        Ok(md) if !md.is_dir() && !md.is_symlink() => return Ok(prior),
        Ok(md) => {
            use std::os::unix::fs::MetadataExt;
            prior.exists = true;
            prior.id = Some((md.dev(), md.ino()));
        }
    }
    let mut entries = Vec::new();
    walk(root, "", &mut entries)?;
    let owner_ok = std::fs::read(root.join(STATE_DIR).join(OWNER_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice::<Owner>(&b).ok())
        .is_some_and(|o| o.tool == TOOL_NAME);
    let manifest = std::fs::read(root.join(MANIFEST_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice::<PreviousManifest>(&b).ok());
    // The previous version of the tool wrote no ownership record, only its manifest.
    let legacy = manifest
        .as_ref()
        .and_then(|m| m.tool.as_ref())
        .is_some_and(|t| t.name == TOOL_NAME);
    let owned_folder = owner_ok || legacy;
    prior.legacy = legacy && !owner_ok;
    let listed: std::collections::BTreeMap<&str, &Listed> = manifest
        .as_ref()
        .map(|m| m.outputs.iter().map(|l| (l.path.as_str(), l)).collect())
        .unwrap_or_default();
    let tool_files: BTreeSet<String> = TOOL_FILES
        .iter()
        .map(|f| format!("{STATE_DIR}/{f}"))
        .chain([MANIFEST_FILE.to_string()])
        .collect();
    for (rel, kind, empty) in entries {
        match kind {
            Kind::Dir if !empty => {}
            Kind::File
                if owned_folder && (tool_files.contains(&rel) || is_stat_cache_temp(&rel)) =>
            {
                prior.owned.push(rel)
            }
            Kind::File if owned_folder && listed.contains_key(rel.as_str()) => {
                let l = listed[rel.as_str()];
                let path = root.join(&rel);
                let same_size = std::fs::metadata(&path).is_ok_and(|m| m.len() == l.bytes);
                let same = same_size && (!verify || sha256_file(&path)?.1 == l.sha256);
                if same {
                    prior.owned.push(rel);
                } else {
                    prior
                        .foreign
                        .push((rel, kind, "changed since this tool wrote it"));
                }
            }
            _ => prior.foreign.push((rel, kind, "")),
        }
    }
    Ok(prior)
}

/// The stat cache's temporary file (`stat-cache.json.<pid>`), left by a run killed while
/// writing it.
fn is_stat_cache_temp(rel: &str) -> bool {
    rel.strip_prefix(STATE_DIR)
        .and_then(|r| r.strip_prefix("/stat-cache.json."))
        .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Remove the listed files of a previous output under `root`, then every folder that leaves
/// empty (folders of `moved` files too: they were carried into the new output), and `root`
/// itself if it is empty; nothing else.
fn remove_owned(root: &Path, owned: &[String], moved: &[String]) {
    let mut dirs = BTreeSet::new();
    for rel in owned {
        let _ = std::fs::remove_file(root.join(rel));
    }
    for rel in moved {
        dirs.insert(PathBuf::from(rel));
    }
    for rel in owned.iter().chain(moved) {
        let mut p = Path::new(rel.as_str());
        while let Some(parent) = p.parent().filter(|p| !p.as_os_str().is_empty()) {
            dirs.insert(parent.to_path_buf());
            p = parent;
        }
    }
    // Deepest first.
    let mut dirs: Vec<PathBuf> = dirs.into_iter().collect();
    dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for d in dirs {
        let _ = std::fs::remove_dir(root.join(d));
    }
    let _ = std::fs::remove_dir(root);
}

/// A staging folder this tool made and never finished.
fn is_marked_staging(dir: &Path) -> bool {
    std::fs::read(dir.join(STATE_DIR).join(STAGING_MARKER))
        .ok()
        .and_then(|b| serde_json::from_slice::<Owner>(&b).ok())
        .is_some_and(|o| o.tool == TOOL_NAME)
}

/// Whether process `pid` is running.
fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists; nothing is sent.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Atomically exchange two paths (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    renameat2(a, b, libc::RENAME_EXCHANGE)
}

#[cfg(target_os = "linux")]
fn renameat2(a: &Path, b: &Path, flags: libc::c_uint) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both pointers are valid NUL-terminated strings for the duration of the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            flags,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("no atomic exchange on this platform"))
}

#[cfg(test)]
mod tests;
