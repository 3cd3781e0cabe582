//! Text files in the encoding their source declares, handed on as UTF-8.
//!
//! Takes a path and a declared encoding; returns a reader of UTF-8 bytes with any byte-order
//! mark removed. `utf-8` is checked strictly later (record by record, so a bad byte is reported
//! with its line); `windows-1252` is transcoded as it streams; `auto` looks at the bytes from the
//! first non-ASCII byte on (64 KiB of them): valid UTF-8 there means UTF-8, anything else means
//! Windows-1252 (the encoding national offices' spreadsheet exports use); a pure ASCII file
//! reads the same either way. Never loads the whole file.

use std::io::Read;
use std::path::Path;

use super::IngestError;
pub use crate::config::spec::Encoding;

/// How much of the file `auto` looks at.
const SNIFF: usize = 64 * 1024;

/// A reader of the file's text as UTF-8 bytes, and the encoding it was read in.
pub fn open(
    path: &Path,
    declared: Encoding,
) -> Result<(Box<dyn Read + Send>, Encoding), IngestError> {
    let open = |message: String| IngestError::Open {
        file: path.to_path_buf(),
        message,
    };
    let encoding = resolve(path, declared)?;
    let file = std::fs::File::open(path).map_err(|e| open(e.to_string()))?;
    let mut file = crate::progress::Reading::file(file, path, "Reading");
    let mut head = Vec::with_capacity(4);
    (&mut file)
        .take(3)
        .read_to_end(&mut head)
        .map_err(|e| open(e.to_string()))?;
    let reader: Box<dyn Read + Send> = match encoding {
        Encoding::Windows1252 => Box::new(CrlfToLf::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding_rs::WINDOWS_1252))
                .build(std::io::Cursor::new(head).chain(file)),
        )),
        _ => {
            if head.starts_with(b"\xEF\xBB\xBF") {
                head.drain(..3);
            }
            Box::new(CrlfToLf::new(std::io::Cursor::new(head).chain(file)))
        }
    };
    Ok((reader, encoding))
}

/// The encoding the file is read in: the declared one, or for `auto` the one its first
/// non-ASCII bytes show.
pub fn resolve(path: &Path, declared: Encoding) -> Result<Encoding, IngestError> {
    Ok(match declared {
        Encoding::Auto => match first_non_ascii(path).map_err(|e| IngestError::Open {
            file: path.to_path_buf(),
            message: e.to_string(),
        })? {
            Some(window) if !looks_like_utf8(&window) => Encoding::Windows1252,
            _ => Encoding::Utf8,
        },
        other => other,
    })
}

/// Turns CRLF line ends into LF as bytes stream through. The csv reader counts a CRLF file's
/// lines one short after the first record (it takes the LF for the start of the next record);
/// with LF only, every row number in a message is the line an editor shows.
struct CrlfToLf<R> {
    inner: R,
    /// Raw bytes of the last read.
    raw: Vec<u8>,
    /// Converted bytes not yet handed out, from `pos`.
    out: Vec<u8>,
    pos: usize,
    /// A CR ended the last raw chunk: whether it precedes an LF is not known yet.
    pending_cr: bool,
    eof: bool,
}

impl<R: Read> CrlfToLf<R> {
    fn new(inner: R) -> Self {
        CrlfToLf {
            inner,
            raw: vec![0; 64 * 1024],
            out: Vec::with_capacity(64 * 1024),
            pos: 0,
            pending_cr: false,
            eof: false,
        }
    }

    fn fill(&mut self) -> std::io::Result<()> {
        self.out.clear();
        self.pos = 0;
        let n = self.inner.read(&mut self.raw)?;
        if n == 0 {
            self.eof = true;
            if std::mem::take(&mut self.pending_cr) {
                self.out.push(b'\r');
            }
            return Ok(());
        }
        let raw = &self.raw[..n];
        if std::mem::take(&mut self.pending_cr) && raw[0] != b'\n' {
            self.out.push(b'\r');
        }
        // Copied a run at a time between the CRs that end a CRLF (or the raw chunk).
        let mut start = 0;
        for i in memchr::memchr_iter(b'\r', raw) {
            match raw.get(i + 1) {
                Some(b'\n') => {}
                Some(_) => continue,
                None => self.pending_cr = true,
            }
            self.out.extend_from_slice(&raw[start..i]);
            start = i + 1;
        }
        self.out.extend_from_slice(&raw[start..]);
        Ok(())
    }
}

impl<R: Read> Read for CrlfToLf<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.pos == self.out.len() {
            if self.eof {
                return Ok(0);
            }
            self.fill()?;
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// The bytes from the first non-ASCII byte of the file on (at most `SNIFF` of them), or `None`
/// for a pure ASCII file, which reads the same in either encoding. The file is read in blocks
/// up to that byte only.
fn first_non_ascii(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    let mut file = std::fs::File::open(path)?;
    let mut buf = vec![0u8; SNIFF];
    // A byte-order mark says UTF-8 outright.
    let mut filled = 0;
    loop {
        let n = file.read(&mut buf[filled..])?;
        if n == 0 && filled == 0 {
            return Ok(None);
        }
        filled += n;
        if n != 0 && filled < buf.len() {
            continue;
        }
        let block = &buf[..filled];
        if block.starts_with(b"\xEF\xBB\xBF") {
            return Ok(Some(block.to_vec()));
        }
        if let Some(i) = block.iter().position(|b| !b.is_ascii()) {
            let mut window = block[i..].to_vec();
            // Complete the window so that a character is never judged cut in half.
            if window.len() < SNIFF {
                let mut more = vec![0u8; SNIFF - window.len()];
                let m = file.read(&mut more)?;
                window.extend_from_slice(&more[..m]);
            }
            return Ok(Some(window));
        }
        if n == 0 {
            return Ok(None);
        }
        filled = 0;
    }
}

/// Valid UTF-8, allowing a character cut at the end of the sample.
fn looks_like_utf8(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], enc: Encoding) -> (String, Encoding) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f.csv");
        std::fs::write(&p, bytes).unwrap();
        let (mut r, used) = open(&p, enc).unwrap();
        let mut out = Vec::new();
        r.read_to_end(&mut out).unwrap();
        (String::from_utf8(out).unwrap(), used)
    }

    /// A reader handing out its bytes in pieces of the given sizes, in turn.
    struct Pieces<'a>(&'a [u8], &'a [usize], usize);

    impl Read for Pieces<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let want = self.1[self.2 % self.1.len()];
            self.2 += 1;
            let n = want.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn crlf_becomes_lf_wherever_the_reads_split_it() {
        let text = b"a,b\r\nc\rd\r\n\r\n\r\r\ne\r";
        // By hand: each CRLF becomes LF; a CR alone stays, the last one too.
        let want = b"a,b\nc\rd\n\n\r\ne\r";
        for sizes in [&[1][..], &[2], &[3, 1], &[4, 2, 1], &[64]] {
            let mut out = Vec::new();
            CrlfToLf::new(Pieces(text, sizes, 0))
                .read_to_end(&mut out)
                .unwrap();
            assert_eq!(out, want, "pieces of {sizes:?}");
        }
    }

    #[test]
    fn declared_and_detected() {
        // "Côte d’Ivoire" in Windows-1252: ô = 0xF4, ’ = 0x92.
        let cp = b"C\xF4te d\x92Ivoire\r\n";
        assert_eq!(
            read(cp, Encoding::Windows1252),
            ("Côte d’Ivoire\n".into(), Encoding::Windows1252)
        );
        assert_eq!(
            read(cp, Encoding::Auto),
            ("Côte d’Ivoire\n".into(), Encoding::Windows1252)
        );
        let utf = "\u{FEFF}Côte d’Ivoire\n".as_bytes();
        assert_eq!(
            read(utf, Encoding::Auto),
            ("Côte d’Ivoire\n".into(), Encoding::Utf8)
        );
        assert_eq!(read(utf, Encoding::Utf8).0, "Côte d’Ivoire\n");
    }

    #[test]
    fn crlf_becomes_lf_across_chunk_boundaries() {
        let text = b"a,b\r\nc\r,d\r\n\r\ne\r";
        for chunk in 1..8 {
            struct Chunked<'a>(&'a [u8], usize);
            impl Read for Chunked<'_> {
                fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                    let n = self.1.min(self.0.len()).min(buf.len());
                    buf[..n].copy_from_slice(&self.0[..n]);
                    self.0 = &self.0[n..];
                    Ok(n)
                }
            }
            let mut out = Vec::new();
            let mut r = CrlfToLf::new(Chunked(text, chunk));
            let mut buf = [0u8; 3];
            loop {
                let n = r.read(&mut buf).unwrap();
                if n == 0 {
                    break;
                }
                out.extend_from_slice(&buf[..n]);
            }
            assert_eq!(out, b"a,b\nc\r,d\n\ne\r", "chunk {chunk}");
        }
    }

    #[test]
    fn auto_decides_at_the_first_non_ascii_byte_however_far_into_the_file() {
        let mut cp = "x,y\n".repeat(100_000).into_bytes();
        cp.extend_from_slice(b"C\xF4te\n");
        let (text, used) = read(&cp, Encoding::Auto);
        assert_eq!(used, Encoding::Windows1252);
        assert!(text.ends_with("x,y\nCôte\n"));
        let mut utf = "x,y\n".repeat(100_000).into_bytes();
        utf.extend_from_slice("Côte\n".as_bytes());
        assert_eq!(read(&utf, Encoding::Auto).1, Encoding::Utf8);
        assert_eq!(read(b"plain ascii\n", Encoding::Auto).1, Encoding::Utf8);
        assert_eq!(read(b"", Encoding::Auto).1, Encoding::Utf8);
    }

    #[test]
    fn a_cut_character_at_the_end_of_the_sample_is_still_utf8() {
        let mut s = "a".repeat(SNIFF - 1).into_bytes();
        s.extend_from_slice("ô".as_bytes());
        assert!(looks_like_utf8(&s[..SNIFF]));
        assert!(!looks_like_utf8(b"abc\xF4def"));
    }
}
