//! Store: Arrow batches → Parquet files, hashing, the output's lock, and publication of an
//! output folder (`publish`).
//!
//! Takes record batches and a staging folder; returns nothing but files. Parquet is written
//! with zstd, statistics on, and the sort order recorded. A run builds its whole output in a
//! hidden staging folder beside the target and swaps it in at the end, so a reader never sees a
//! half-written file and a failed run never replaces the previous output; and it never
//! publishes over anything this tool did not write (`publish`).

pub mod hash;
pub mod manifest;
mod paths;
pub mod publish;
mod scan;
pub mod table;
pub mod warehouse;

/// Whether a process runs (a stopped run's or preview's leftovers may go).
pub use paths::alive as process_alive;
pub use publish::{Output, Protected, Staging};

use std::fs::File;
use std::path::{Path, PathBuf};

use arrow::array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::SortingColumn;
use parquet::file::properties::{EnabledStatistics, WriterProperties};

use crate::error::{Error, Result};

fn store_error(
    context: &'static str,
    path: &Path,
    e: impl std::error::Error + Send + Sync + 'static,
) -> Error {
    Error::Store {
        context,
        path: path.to_path_buf(),
        source: Box::new(e),
    }
}

/// A Parquet writer's failure: an OS error (a full disk) is the environment's, not a bug.
fn parquet_error(context: &'static str, path: &Path, e: parquet::errors::ParquetError) -> Error {
    let io = match &e {
        parquet::errors::ParquetError::External(inner) => inner
            .downcast_ref::<std::io::Error>()
            .map(|io| std::io::Error::new(io.kind(), io.to_string())),
        _ => None,
    };
    match io {
        Some(io) => Error::environment(context, path, io),
        None => store_error(context, path, e),
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
    let file = File::create(path).map_err(|e| Error::environment("cannot create", path, e))?;
    let mut writer = ArrowWriter::try_new(file, schema, Some(props))
        .map_err(|e| parquet_error("cannot start Parquet file", path, e))?;
    writer
        .write(batch)
        .map_err(|e| parquet_error("cannot write Parquet", path, e))?;
    writer
        .close()
        .map_err(|e| parquet_error("cannot finish Parquet file", path, e))?;
    Ok(())
}

/// An exclusive lock on an output folder, held until dropped (released by the OS even when
/// the process is killed).
#[derive(Debug)]
pub struct Lock {
    file: File,
    path: PathBuf,
    id: (u64, u64),
}

/// Take the lock of `target` (`.<name>.lock` beside the folder it names, canonically) or fail
/// at once if another run holds it.
pub fn lock(target: &Path) -> Result<Lock> {
    let real = paths::resolve(target)?;
    let parent = real.parent().map(Path::to_path_buf).unwrap_or_default();
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    lock_at(target, &parent.join(format!(".{name}.lock")))
}

/// Take the lock file `path` of output `shown`. The file is removed again when the lock is
/// released, so a run leaves nothing beside its output: after locking, the path must still
/// name the file locked (else another run removed it meanwhile, and the lock is taken again).
/// A link or a non-empty file of that name is not the tool's: refused, never followed or
/// removed.
pub(crate) fn lock_at(shown: &Path, path: &Path) -> Result<Lock> {
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
    loop {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(path)
            .map_err(|e| {
                if e.raw_os_error() == Some(libc::ELOOP) {
                    not_a_lock(path)
                } else {
                    Error::environment("cannot create the lock file", path, e)
                }
            })?;
        let held = file
            .metadata()
            .map_err(|e| Error::environment("cannot lock", path, e))?;
        if !held.is_file() || held.len() != 0 {
            return Err(not_a_lock(path));
        }
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(Error::Busy {
                    output: shown.to_path_buf(),
                    lock: path.to_path_buf(),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(Error::environment("cannot lock", path, e));
            }
        }
        match std::fs::symlink_metadata(path) {
            Ok(now) if now.dev() == held.dev() && now.ino() == held.ino() => {
                return Ok(Lock {
                    file,
                    path: path.to_path_buf(),
                    id: (held.dev(), held.ino()),
                });
            }
            _ => continue,
        }
    }
}

fn not_a_lock(path: &Path) -> Error {
    Error::Output(format!(
        "{} exists and is not a kidnap-trends lock file (a lock is an empty file); move it",
        path.display()
    ))
}

impl Drop for Lock {
    fn drop(&mut self) {
        use std::os::unix::fs::MetadataExt;
        // Removed while still held, so that no other run can lock a file about to vanish;
        // only if the name still is the file locked.
        if std::fs::symlink_metadata(&self.path).is_ok_and(|m| (m.dev(), m.ino()) == self.id) {
            let _ = std::fs::remove_file(&self.path);
        }
        let _ = self.file.unlock();
    }
}
