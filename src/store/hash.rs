//! Hashing: sha256 of bytes and of files, for fingerprints, manifests and ownership checks.

use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// Hex sha256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Hex sha256 of byte strings one after the other (as of their concatenation, without it).
pub fn sha256_hex_of_parts<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hex(&hasher.finalize())
}

/// Size and hex sha256 of a file, read in blocks (memory stays flat for any file size).
pub fn sha256_file(path: &Path) -> Result<(u64, String)> {
    let err = |e: std::io::Error| Error::environment("cannot read for checksum", path, e);
    let file = std::fs::File::open(path).map_err(err)?;
    let mut file = crate::progress::Reading::file(file, path, "Checksum of");
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0u64;
    loop {
        let n = file.read(&mut buf).map_err(err)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        total += n as u64;
    }
    Ok((total, hex(&hasher.finalize())))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
