//! Store: Arrow batches → Parquet files, and atomic publication of an output folder.
//!
//! Takes record batches and a staging folder; returns nothing but files. Parquet is written
//! with zstd, statistics on, and the sort order recorded. A run builds its whole output in a
//! hidden staging folder beside the target and swaps it in at the end, so a reader never sees a
//! half-written file and a failed run never replaces the previous output.

use std::fs::File;
use std::path::{Path, PathBuf};

use arrow::array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::SortingColumn;
use parquet::file::properties::{EnabledStatistics, WriterProperties};

use crate::error::{Error, Result};

fn store_error(context: &'static str, path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Store {
        context,
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// Write one batch to a Parquet file; `sorted_by` names the leading columns it is sorted on.
pub fn write_parquet(path: &Path, batch: &RecordBatch, sorted_by: &[&str]) -> Result<()> {
    let schema = batch.schema();
    let sorting: Vec<SortingColumn> = sorted_by
        .iter()
        .filter_map(|name| schema.index_of(name).ok())
        .map(|i| SortingColumn {
            column_idx: i as i32,
            descending: false,
            nulls_first: false,
        })
        .collect();
    let level = ZstdLevel::try_new(3).map_err(|e| store_error("zstd level", path, e))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(level))
        .set_statistics_enabled(EnabledStatistics::Page)
        .set_sorting_columns(Some(sorting))
        .build();
    let file = File::create(path).map_err(|e| store_error("cannot create", path, e))?;
    let mut writer = ArrowWriter::try_new(file, schema, Some(props))
        .map_err(|e| store_error("cannot start Parquet file", path, e))?;
    writer
        .write(batch)
        .map_err(|e| store_error("cannot write Parquet", path, e))?;
    writer
        .close()
        .map_err(|e| store_error("cannot finish Parquet file", path, e))?;
    Ok(())
}

/// An output folder under construction, beside the folder it will replace.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    published: bool,
}

impl Staging {
    /// Create an empty hidden staging folder next to `target`.
    pub fn new(target: &Path) -> Result<Staging> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .ok_or_else(|| store_error("output path has no folder name", target, "invalid"))?
            .to_string_lossy()
            .into_owned();
        std::fs::create_dir_all(&parent)
            .map_err(|e| store_error("cannot create output parent", &parent, e))?;
        // Only the holder of the output's lock gets here, so leftovers of killed runs can go.
        if let Ok(rd) = std::fs::read_dir(&parent) {
            for e in rd.flatten() {
                let n = e.file_name().to_string_lossy().into_owned();
                if n.starts_with(&format!(".{name}.staging-"))
                    || n.starts_with(&format!(".{name}.old-"))
                {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)
                .map_err(|e| store_error("cannot clear staging folder", &dir, e))?;
        }
        std::fs::create_dir_all(&dir)
            .map_err(|e| store_error("cannot create staging folder", &dir, e))?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            published: false,
        })
    }

    /// The folder to write into.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Create a sub-folder of the staging folder.
    pub fn subdir(&self, name: &str) -> Result<PathBuf> {
        let p = self.dir.join(name);
        std::fs::create_dir_all(&p).map_err(|e| store_error("cannot create folder", &p, e))?;
        Ok(p)
    }

    /// Swap the staging folder in place of the target: one atomic exchange where the file
    /// system allows it (the previous output is then never absent, even for a moment);
    /// otherwise the previous output is moved aside first and removed once the new one is in place.
    pub fn publish(mut self) -> Result<PathBuf> {
        if self.target.exists() && exchange(&self.dir, &self.target).is_ok() {
            self.published = true;
            // `dir` now holds the previous output.
            std::fs::remove_dir_all(&self.dir)
                .map_err(|e| store_error("cannot remove previous output", &self.dir, e))?;
            return Ok(self.target.clone());
        }
        let old = self.dir.with_file_name(
            self.dir
                .file_name()
                .map(|n| n.to_string_lossy().replace(".staging-", ".old-"))
                .unwrap_or_else(|| "old".into()),
        );
        let had_old = self.target.exists();
        if had_old {
            std::fs::rename(&self.target, &old)
                .map_err(|e| store_error("cannot move previous output aside", &self.target, e))?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(store_error("cannot publish output", &self.target, e));
        }
        self.published = true;
        if had_old {
            std::fs::remove_dir_all(&old)
                .map_err(|e| store_error("cannot remove previous output", &old, e))?;
        }
        Ok(self.target.clone())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.published {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Atomically exchange two paths (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
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
            libc::RENAME_EXCHANGE,
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

/// An exclusive lock on an output folder, held until dropped (released by the OS even when
/// the process is killed).
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Take the lock of `target` (`.<name>.lock` beside it) or fail at once if another run holds it.
pub fn lock(target: &Path) -> Result<Lock> {
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)
        .map_err(|e| store_error("cannot create output parent", &parent, e))?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let path = parent.join(format!(".{name}.lock"));
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| store_error("cannot open lock file", &path, e))?;
    match file.try_lock() {
        Ok(()) => Ok(Lock { _file: file }),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::Busy {
            output: target.to_path_buf(),
            lock: path,
        }),
        Err(std::fs::TryLockError::Error(e)) => Err(store_error("cannot lock", &path, e)),
    }
}
