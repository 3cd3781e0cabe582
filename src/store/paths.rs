//! Paths an output may take: canonical resolution, the refusals (inputs, queries and report
//! folders, the current and home folders, files, mount points), the folders made for it, and
//! the file writes and renames that never replace what they must not.

use std::path::{Component, Path, PathBuf};

use super::publish::Protected;
use crate::error::{Error, Result};

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
pub(crate) fn rename_noreplace(a: &Path, b: &Path) -> std::io::Result<()> {
    renameat2(a, b, libc::RENAME_NOREPLACE)
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn rename_noreplace(a: &Path, b: &Path) -> std::io::Result<()> {
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
pub(crate) fn fault(rel: &str) -> std::io::Result<()> {
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
pub(crate) fn refuse_protected(shown: &Path, real: &Path, protected: &Protected) -> Result<()> {
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
pub(crate) fn create_parents(shown: &Path, parent: &Path) -> Result<Vec<PathBuf>> {
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

/// Whether process `pid` is running.
pub fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists; nothing is sent.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Atomically exchange two paths (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
pub(crate) fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    renameat2(a, b, libc::RENAME_EXCHANGE)
}

#[cfg(target_os = "linux")]
pub(crate) fn renameat2(a: &Path, b: &Path, flags: libc::c_uint) -> std::io::Result<()> {
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
pub(crate) fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("no atomic exchange on this platform"))
}
