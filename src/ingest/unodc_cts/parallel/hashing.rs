//! The thread that hashes a csv file from the pieces its reader cuts, for the manifest.
//!
//! Takes the bytes before the first piece (a byte-order mark, the banner, the header), a claim
//! on the file's digest and the pieces in file order; fulfils the claim with the file's size
//! and sha256 once the reader says it read the file to its end, with `None` otherwise. Gives
//! each piece's buffer back to the reader when the parsers are done with it too. Never blocks
//! the caller: it may end after the read has returned (the hash of a large file takes longer
//! than its parse).

use std::sync::{Arc, mpsc};

use sha2::{Digest as _, Sha256};

use super::recycle;
use crate::ingest::digests::Claim;

/// What the hashing thread is sent: the pieces in order, then word that the file was read to
/// its end (without it, the hash is of part of the file and stands for nothing).
pub(super) enum ToHash {
    Bytes(Arc<Vec<u8>>),
    End,
}

/// Start the hashing thread; the sender takes at most `queue` pieces ahead of it (memory).
pub(super) fn spawn(
    prefix: Vec<u8>,
    claim: Claim,
    free: mpsc::Sender<Vec<u8>>,
    queue: usize,
) -> mpsc::SyncSender<ToHash> {
    let (tx, rx) = mpsc::sync_channel::<ToHash>(queue);
    std::thread::spawn(move || {
        let mut hash = Sha256::new();
        hash.update(&prefix);
        let mut size = prefix.len() as u64;
        let mut whole = false;
        for message in rx {
            match message {
                ToHash::Bytes(bytes) => {
                    hash.update(bytes.as_slice());
                    size += bytes.len() as u64;
                    recycle(&free, bytes);
                }
                ToHash::End => whole = true,
            }
        }
        let hex: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
        claim.fulfil(whole.then_some((size, hex)));
    });
    tx
}

/// Lower the calling thread's priority a little: the file's hash, one thread that cannot be
/// split, sets the pace of the whole read; the reader and the parsers, whose work can wait,
/// leave it a core of its own.
pub(super) fn yield_to_the_hash() {
    #[cfg(target_os = "linux")]
    // SAFETY: plain system calls on the calling thread, no memory handed over.
    unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        let _ = libc::setpriority(libc::PRIO_PROCESS, tid, NICE);
    }
}

/// How much lower (`nice`) the reader's and the parsers' threads run than the hash's.
#[cfg(target_os = "linux")]
const NICE: libc::c_int = 10;
