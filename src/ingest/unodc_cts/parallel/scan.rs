//! The structure of a piece of csv text, found 64 bytes at a time.
//!
//! Takes a piece that starts at a record boundary and whose quotes the reader has checked (a
//! quote opens a field at its start and closes it before a delimiter, a line end or the end of
//! the file; `""` inside). Each 64-byte block becomes four bit masks — commas, line feeds,
//! quotes and bytes over 127 — with one vector compare per 16 bytes; a prefix XOR of the quote
//! mask says which bytes lie inside a quoted field, so the delimiters and record ends are the
//! commas and line feeds outside. Hands on, in file order, each record's place, its number of
//! fields, its field `category` (unless quoted) and the physical lines it spans: the caller
//! decides from that alone whether to parse it. Never parses a field nor allocates.

/// One record of a piece, or a blank line (`start == end`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Line<'a> {
    /// Where the record starts in the piece.
    pub start: usize,
    /// Where it ends: its line feed, or the end of the piece.
    pub end: usize,
    /// Its number of fields (1 + the commas outside quoted fields).
    pub fields: usize,
    /// Its field `category`, untrimmed; `None` when that field is quoted or absent.
    pub category: Option<&'a [u8]>,
    /// How many lines it spans (1 + the line feeds inside its quoted fields).
    pub lines: usize,
}

/// The four masks of one block: bit `i` stands for byte `i`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Masks {
    comma: u64,
    line_feed: u64,
    quote: u64,
    high: u64,
}

/// Bit `i` set where an odd number of the bits `0..=i` of `x` are set: inside a quoted field,
/// from its opening quote up to (not including) its closing one.
fn prefix_xor(mut x: u64) -> u64 {
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    x
}

/// The masks, a byte at a time (any target; the reference of the vector version).
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn masks_scalar(block: &[u8; 64]) -> Masks {
    let mut m = Masks::default();
    for (i, &b) in block.iter().enumerate() {
        m.comma |= u64::from(b == b',') << i;
        m.line_feed |= u64::from(b == b'\n') << i;
        m.quote |= u64::from(b == b'"') << i;
        m.high |= u64::from(b >= 0x80) << i;
    }
    m
}

/// The masks with SSE2 (part of every x86-64 processor): 16 bytes a compare.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn masks_sse2(block: &[u8; 64]) -> Masks {
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_movemask_epi8, _mm_set_epi64x, _mm_set1_epi8};
    let (comma, line_feed, quote) = (
        _mm_set1_epi8(b',' as i8),
        _mm_set1_epi8(b'\n' as i8),
        _mm_set1_epi8(b'"' as i8),
    );
    let mut m = Masks::default();
    for (k, lane) in block.chunks_exact(16).enumerate() {
        let half = |at: usize| {
            let mut word = [0u8; 8];
            word.copy_from_slice(&lane[at..at + 8]);
            i64::from_le_bytes(word)
        };
        let v = _mm_set_epi64x(half(8), half(0));
        // `as u16`: the movemask's 16 bits, without the sign of the i32 it comes in.
        let bits = |x| u64::from(_mm_movemask_epi8(x) as u16) << (16 * k);
        m.comma |= bits(_mm_cmpeq_epi8(v, comma));
        m.line_feed |= bits(_mm_cmpeq_epi8(v, line_feed));
        m.quote |= bits(_mm_cmpeq_epi8(v, quote));
        m.high |= bits(v);
    }
    m
}

/// Calls `each` for every record and blank line of `bytes`, in order, until it returns
/// `false`. Returns whether every byte looked at was ASCII.
pub(super) fn records<'a>(
    bytes: &'a [u8],
    category: usize,
    each: impl FnMut(Line<'a>) -> bool,
) -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of the x86-64 baseline: every processor this code runs on has it.
        unsafe { records_sse2(bytes, category, each) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        walk(bytes, category, each, masks_scalar)
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn records_sse2<'a>(bytes: &'a [u8], category: usize, each: impl FnMut(Line<'a>) -> bool) -> bool {
    walk(bytes, category, each, |b| masks_sse2(b))
}

/// The record walk over the masks of `masks`.
#[inline(always)]
fn walk<'a>(
    bytes: &'a [u8],
    category: usize,
    mut each: impl FnMut(Line<'a>) -> bool,
    masks: impl Fn(&[u8; 64]) -> Masks,
) -> bool {
    // The record being walked: its start, its current field's start and index, its category
    // field, and whether a line feed inside a quoted field may lie in it.
    let (mut start, mut field_start, mut field) = (0usize, 0usize, 0usize);
    let mut found: Option<(usize, usize)> = None;
    let mut quoted_lines = false;
    // All ones while a quoted field goes on from one block into the next.
    let mut carry = 0u64;
    let mut high = 0u64;
    let category_of = |(s, e): (usize, usize)| (bytes.get(s) != Some(&b'"')).then(|| &bytes[s..e]);
    let lines_of = |s: usize, e: usize, maybe: bool| {
        1 + if maybe {
            memchr::memchr_iter(b'\n', &bytes[s..e]).count()
        } else {
            0
        }
    };
    let mut tail = [0u8; 64];
    for (b, chunk) in bytes.chunks(64).enumerate() {
        let block: &[u8; 64] = match chunk.try_into() {
            Ok(block) => block,
            Err(_) => {
                // The last, short block, padded with bytes that match no mask.
                tail[..chunk.len()].copy_from_slice(chunk);
                &tail
            }
        };
        let m = masks(block);
        high |= m.high;
        let inside = prefix_xor(m.quote) ^ carry;
        carry = ((inside as i64) >> 63) as u64;
        let inner_line_feeds = m.line_feed & inside;
        quoted_lines |= inner_line_feeds != 0;
        let ends = m.line_feed & !inside;
        let mut separators = (m.comma | m.line_feed) & !inside;
        let at = b * 64;
        while separators != 0 {
            let i = separators.trailing_zeros();
            separators &= separators - 1;
            let p = at + i as usize;
            if field == category {
                found = Some((field_start, p));
            }
            if ends >> i & 1 == 0 {
                field += 1;
                field_start = p + 1;
                continue;
            }
            let line = Line {
                start,
                end: p,
                fields: if p == start { 0 } else { field + 1 },
                category: found.filter(|_| p > start).and_then(category_of),
                lines: lines_of(start, p, quoted_lines),
            };
            if !each(line) {
                return high == 0;
            }
            (start, field_start, field, found) = (p + 1, p + 1, 0, None);
            quoted_lines = i < 63 && inner_line_feeds >> (i + 1) != 0;
        }
    }
    if start < bytes.len() {
        // The last record, without its line end.
        if field == category {
            found = Some((field_start, bytes.len()));
        }
        each(Line {
            start,
            end: bytes.len(),
            fields: field + 1,
            category: found.and_then(category_of),
            lines: lines_of(start, bytes.len(), quoted_lines),
        });
    }
    high == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The records of `text` as the walk finds them, with the category in field 1.
    fn lines(text: &str) -> Vec<(usize, usize, usize, Option<String>, usize)> {
        let mut out = Vec::new();
        records(text.as_bytes(), 1, |l| {
            out.push((
                l.start,
                l.end,
                l.fields,
                l.category.map(|c| String::from_utf8(c.to_vec()).unwrap()),
                l.lines,
            ));
            true
        });
        out
    }

    #[test]
    fn the_vector_masks_are_the_byte_masks() {
        let mut block = [0u8; 64];
        for (i, b) in block.iter_mut().enumerate() {
            *b = b",\n\"a\xc3\xa9 "[i % 7];
        }
        block[15] = b',';
        block[16] = b'\n';
        block[63] = b'"';
        let scalar = masks_scalar(&block);
        assert_eq!(
            scalar.comma.count_ones() as usize,
            block.iter().filter(|b| **b == b',').count()
        );
        #[cfg(target_arch = "x86_64")]
        // SAFETY: SSE2 is part of the x86-64 baseline.
        assert_eq!(unsafe { masks_sse2(&block) }, scalar);
    }

    #[test]
    fn records_fields_and_the_category_by_hand() {
        // Offsets: "a,b,c\n" 0..5, blank line at 6, "x,\"q,\nr\",z\n" 7..17, "d,e" 18..21.
        let text = "a,b,c\n\nx,\"q,\nr\",z\nd,e";
        assert_eq!(
            lines(text),
            vec![
                (0, 5, 3, Some("b".into()), 1),
                (6, 6, 0, None, 1),
                (7, 17, 3, None, 2),
                (18, 21, 2, Some("e".into()), 1),
            ]
        );
        // An escaped quote does not end the quoted field; a missing field has no category.
        assert_eq!(
            lines("\"a\"\",\",b\nc\n"),
            vec![(0, 8, 2, Some("b".into()), 1), (9, 10, 1, None, 1)]
        );
    }

    #[test]
    fn a_quoted_field_across_blocks_and_records_at_every_offset() {
        // The same records after 0..130 bytes of padding records: a quoted line feed and
        // comma at every position relative to the 64-byte blocks.
        for pad in 0..130 {
            let mut text = String::new();
            let mut expected = Vec::new();
            let mut at = 0;
            for _ in 0..pad / 10 {
                text.push_str("p,qqqqqq\n");
                expected.push((at, at + 8, 2, Some("qqqqqq".to_string()), 1));
                at += 9;
            }
            let fill = "f".repeat(pad % 10);
            let record = format!("{fill},\"long, quoted\n{fill}\",k\n");
            text.push_str(&record);
            expected.push((at, at + record.len() - 1, 3, None, 2));
            at += record.len();
            text.push_str("z,w");
            expected.push((at, at + 3, 2, Some("w".into()), 1));
            assert_eq!(lines(&text), expected, "padding {pad}");
        }
    }

    #[test]
    fn non_ascii_bytes_are_seen_and_the_walk_stops_when_asked() {
        assert!(records(b"a,b\n", 1, |_| true));
        assert!(!records("a,é\n".as_bytes(), 1, |_| true));
        let mut seen = 0;
        records(b"a\nb\nc\n", 0, |_| {
            seen += 1;
            seen < 2
        });
        assert_eq!(seen, 2);
    }
}
