//! The structure of a piece of csv text, found 64 bytes at a time.
//!
//! Takes a piece that starts at a record boundary and whose quotes the reader has checked (a
//! quote opens a field at its start and closes it before a delimiter, a line end or the end of
//! the file; `""` inside), and the text a kept record's field must hold. Each 64-byte block
//! becomes four bit masks — commas, line feeds, quotes and bytes over 127 — with one vector
//! compare per 16, 32 or 64 bytes; a prefix XOR of the quote mask says which bytes lie inside a
//! quoted field, so the delimiters and record ends are the commas and line feeds outside.
//! Running counts of the delimiters give each record's number of fields from two look-ups, and
//! one search of the piece for the wanted text (`memmem`) says which records may hold it.
//! Hands on, in file order, each record's place, its number of fields, whether it holds the
//! wanted text and the physical lines it spans: the caller decides from that alone whether to
//! parse it. A record that holds a byte over 127 is checked to be UTF-8. Never parses a field.

/// One record of a piece, or a blank line (`start == end`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Line {
    /// Where the record starts in the piece.
    pub start: usize,
    /// Where it ends: its line feed, or the end of the piece.
    pub end: usize,
    /// Its number of fields (1 + the commas outside quoted fields).
    pub fields: usize,
    /// Whether the wanted text occurs in it (anywhere: a record without it cannot hold it in
    /// a field, trimmed or quoted).
    pub candidate: bool,
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
    carriage_return: u64,
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

/// The masks, a byte at a time (any target; the reference of the vector versions).
#[cfg(any(test, not(target_arch = "x86_64")))]
fn masks_scalar(block: &[u8; 64]) -> Masks {
    let mut m = Masks::default();
    for (i, &b) in block.iter().enumerate() {
        m.comma |= u64::from(b == b',') << i;
        m.line_feed |= u64::from(b == b'\n') << i;
        m.quote |= u64::from(b == b'"') << i;
        m.high |= u64::from(b >= 0x80) << i;
        m.carriage_return |= u64::from(b == b'\r') << i;
    }
    m
}

/// The masks with SSE2 (part of every x86-64 processor): 16 bytes a compare.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn masks_sse2(block: &[u8; 64]) -> Masks {
    use std::arch::x86_64::*;
    let (comma, line_feed, quote) = (
        _mm_set1_epi8(b',' as i8),
        _mm_set1_epi8(b'\n' as i8),
        _mm_set1_epi8(b'"' as i8),
    );
    let mut m = Masks::default();
    for k in 0..4 {
        // SAFETY: the 16 bytes at 16k lie in the 64 of `block`; an unaligned load.
        let v = unsafe { _mm_loadu_si128(block.as_ptr().add(16 * k).cast()) };
        // `as u16`: the movemask's 16 bits, without the sign of the i32 it comes in.
        let bits = |x| u64::from(_mm_movemask_epi8(x) as u16) << (16 * k);
        m.comma |= bits(_mm_cmpeq_epi8(v, comma));
        m.line_feed |= bits(_mm_cmpeq_epi8(v, line_feed));
        m.quote |= bits(_mm_cmpeq_epi8(v, quote));
        m.high |= bits(v);
        m.carriage_return |= bits(_mm_cmpeq_epi8(v, _mm_set1_epi8(b'\r' as i8)));
    }
    m
}

/// The masks with AVX2: 32 bytes a compare.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn masks_avx2(block: &[u8; 64]) -> Masks {
    use std::arch::x86_64::*;
    let (comma, line_feed, quote) = (
        _mm256_set1_epi8(b',' as i8),
        _mm256_set1_epi8(b'\n' as i8),
        _mm256_set1_epi8(b'"' as i8),
    );
    let mut m = Masks::default();
    for k in 0..2 {
        // SAFETY: the 32 bytes at 32k lie in the 64 of `block`; an unaligned load.
        let v = unsafe { _mm256_loadu_si256(block.as_ptr().add(32 * k).cast()) };
        let bits = |x| u64::from(_mm256_movemask_epi8(x) as u32) << (32 * k);
        m.comma |= bits(_mm256_cmpeq_epi8(v, comma));
        m.line_feed |= bits(_mm256_cmpeq_epi8(v, line_feed));
        m.quote |= bits(_mm256_cmpeq_epi8(v, quote));
        m.high |= bits(v);
        m.carriage_return |= bits(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'\r' as i8)));
    }
    m
}

/// The masks with AVX-512 (BW): the whole block a compare.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512bw")]
fn masks_avx512(block: &[u8; 64]) -> Masks {
    use std::arch::x86_64::*;
    // SAFETY: the 64 bytes of `block`; an unaligned load.
    let v = unsafe { _mm512_loadu_si512(block.as_ptr().cast()) };
    Masks {
        comma: _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(b',' as i8)),
        line_feed: _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(b'\n' as i8)),
        quote: _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(b'"' as i8)),
        high: _mm512_movepi8_mask(v),
        carriage_return: _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(b'\r' as i8)),
    }
}

/// The bit masks of a piece, a word per 64 bytes, kept from piece to piece by a worker.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    words: Vec<Word>,
    /// The words that hold a byte over 127, and those that hold a line feed inside a quoted
    /// field (few of either).
    high: Vec<usize>,
    inner: Vec<usize>,
}

/// The structural masks of 64 bytes.
#[derive(Debug, Default, Clone, Copy)]
struct Word {
    /// Line feeds outside quoted fields: the record ends.
    ends: u64,
    /// Commas outside quoted fields: the delimiters.
    commas: u64,
    /// How many delimiters the words before this one hold.
    commas_before: u32,
}

/// Whether a word of `first..=last` is in `words` (ascending), from `at` on; `at` moves past
/// the words before `first` (the records come in order).
#[inline(always)]
fn touches(words: &[usize], at: &mut usize, first: usize, last: usize) -> bool {
    while words.get(*at).is_some_and(|w| *w < first) {
        *at += 1;
    }
    words.get(*at).is_some_and(|w| *w <= last)
}

/// How many delimiters lie before byte `at` of a piece of `words` (`at` up to its length).
#[inline(always)]
fn before(words: &[Word], at: usize) -> u32 {
    let (w, b) = (at / 64, at % 64);
    match words.get(w) {
        Some(word) => word.commas_before + (word.commas & ((1u64 << b) - 1)).count_ones(),
        // Just past the last word: all of them.
        None => words
            .last()
            .map_or(0, |word| word.commas_before + word.commas.count_ones()),
    }
}

/// How many delimiters lie in `start..end`.
#[inline(always)]
fn between(words: &[Word], start: usize, end: usize) -> u32 {
    before(words, end) - before(words, start)
}

/// How a walk ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Walked {
    /// Every record was handed on, or the caller stopped the walk.
    Done,
    /// A record that holds a byte over 127 is not UTF-8: the walk stopped there (the caller
    /// reads the piece otherwise).
    NotUtf8,
    /// The piece holds a carriage return: no record was handed on.
    CarriageReturn,
}

/// Calls `each` for every record and blank line of `bytes`, in order, until it returns
/// `false`; a record is a candidate when `want` occurs in it.
pub(super) fn records(
    bytes: &[u8],
    want: &[u8],
    scratch: &mut Scratch,
    each: impl FnMut(Line) -> bool,
) -> Walked {
    #[cfg(target_arch = "x86_64")]
    {
        // (Every processor with AVX2 counts bits in one instruction: `popcnt`.)
        if std::is_x86_feature_detected!("avx512bw") && std::is_x86_feature_detected!("popcnt") {
            // SAFETY: the processor has AVX-512 BW and POPCNT (detected just above).
            return unsafe { records_avx512(bytes, want, scratch, each) };
        }
        if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("popcnt") {
            // SAFETY: the processor has AVX2 and POPCNT (detected just above).
            return unsafe { records_avx2(bytes, want, scratch, each) };
        }
        // SAFETY: SSE2 is part of the x86-64 baseline: every processor this code runs on has it.
        unsafe { records_sse2(bytes, want, scratch, each) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        walk(bytes, want, scratch, each, masks_scalar)
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512bw,popcnt")]
fn records_avx512(
    bytes: &[u8],
    want: &[u8],
    scratch: &mut Scratch,
    each: impl FnMut(Line) -> bool,
) -> Walked {
    walk(bytes, want, scratch, each, |b| masks_avx512(b))
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,popcnt")]
fn records_avx2(
    bytes: &[u8],
    want: &[u8],
    scratch: &mut Scratch,
    each: impl FnMut(Line) -> bool,
) -> Walked {
    walk(bytes, want, scratch, each, |b| masks_avx2(b))
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn records_sse2(
    bytes: &[u8],
    want: &[u8],
    scratch: &mut Scratch,
    each: impl FnMut(Line) -> bool,
) -> Walked {
    walk(bytes, want, scratch, each, |b| masks_sse2(b))
}

/// The masks of the piece (structural ones after the quotes), then the records, one per
/// record end, each summed up from the running counts.
#[inline(always)]
fn walk(
    bytes: &[u8],
    want: &[u8],
    scratch: &mut Scratch,
    mut each: impl FnMut(Line) -> bool,
    masks: impl Fn(&[u8; 64]) -> Masks,
) -> Walked {
    let Scratch { words, high, inner } = scratch;
    words.clear();
    words.resize(bytes.len().div_ceil(64), Word::default());
    high.clear();
    inner.clear();
    // All ones while a quoted field goes on from one block into the next.
    let mut carry = 0u64;
    let mut commas = 0u32;
    let mut carriage_return = 0u64;
    let mut tail = [0u8; 64];
    for (w, (word, chunk)) in words.iter_mut().zip(bytes.chunks(64)).enumerate() {
        let block: &[u8; 64] = match chunk.try_into() {
            Ok(block) => block,
            Err(_) => {
                // The last, short block, padded with bytes that match no mask.
                tail[..chunk.len()].copy_from_slice(chunk);
                &tail
            }
        };
        let m = masks(block);
        carriage_return |= m.carriage_return;
        // Most blocks hold no quote and start outside one.
        let inside = if m.quote | carry == 0 {
            0
        } else {
            prefix_xor(m.quote) ^ carry
        };
        carry = ((inside as i64) >> 63) as u64;
        *word = Word {
            ends: m.line_feed & !inside,
            commas: m.comma & !inside,
            commas_before: commas,
        };
        commas += word.commas.count_ones();
        if m.high != 0 {
            high.push(w);
        }
        if m.line_feed & inside != 0 {
            inner.push(w);
        }
    }
    let (words, high, inner) = (&*words, &*high, &*inner);
    if carriage_return != 0 {
        return Walked::CarriageReturn;
    }
    // A text with a line feed or a quote could be written otherwise in the file (escaped,
    // split by a record end): then every record is a candidate.
    let exact = !want.is_empty() && !want.iter().any(|b| matches!(b, b'\n' | b'"'));
    let mut hits = memchr::memmem::find_iter(bytes, want);
    let mut hit = if exact { hits.next() } else { Some(0) };
    let (mut high_at, mut inner_at) = (0, 0);
    let mut start = 0;
    // The record ends in order, then the end of the piece for a last record without its line
    // end. (One loop, no closure: a closure would not take the target features of the
    // function it is in, and counting bits would cost a dozen instructions instead of one.)
    let (mut w, mut ends) = (0, words.first().map_or(0, |word| word.ends));
    loop {
        let end = if ends != 0 {
            let end = w * 64 + ends.trailing_zeros() as usize;
            ends &= ends - 1;
            end
        } else if w + 1 < words.len() {
            w += 1;
            ends = words[w].ends;
            continue;
        } else if start < bytes.len() {
            w = words.len();
            bytes.len()
        } else {
            return Walked::Done;
        };
        let line = if start == end {
            Line {
                start,
                end,
                fields: 0,
                candidate: false,
                lines: 1,
            }
        } else {
            let (first, last) = (start / 64, (end - 1) / 64);
            let text = &bytes[start..end];
            if touches(high, &mut high_at, first, last) && std::str::from_utf8(text).is_err() {
                return Walked::NotUtf8;
            }
            while exact && hit.is_some_and(|h| h < start) {
                hit = hits.next();
            }
            Line {
                start,
                end,
                fields: 1 + between(words, start, end) as usize,
                candidate: !exact || hit.is_some_and(|h| h + want.len() <= end),
                // Every line feed of a record but its end is inside a quoted field.
                lines: 1 + if touches(inner, &mut inner_at, first, last) {
                    memchr::memchr_iter(b'\n', text).count()
                } else {
                    0
                },
            }
        };
        if !each(line) || w == words.len() {
            return Walked::Done;
        }
        start = end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The records of `text` as the walk finds them, candidates for "KEEP".
    fn lines(text: &str) -> Vec<(usize, usize, usize, bool, usize)> {
        let mut out = Vec::new();
        records(text.as_bytes(), b"KEEP", &mut Scratch::default(), |l| {
            out.push((l.start, l.end, l.fields, l.candidate, l.lines));
            true
        });
        out
    }

    #[test]
    fn the_vector_masks_are_the_byte_masks() {
        let mut block = [0u8; 64];
        let mut state = 7u64;
        for round in 0..200 {
            for b in block.iter_mut() {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                *b = b",\n\"a\xc3\xa9 \x80\xff"[(state >> 59) as usize % 9];
            }
            let scalar = masks_scalar(&block);
            assert_eq!(
                scalar.comma.count_ones() as usize,
                block.iter().filter(|b| **b == b',').count()
            );
            #[cfg(target_arch = "x86_64")]
            {
                // SAFETY: SSE2 is part of the x86-64 baseline.
                assert_eq!(unsafe { masks_sse2(&block) }, scalar, "round {round}");
                if std::is_x86_feature_detected!("avx2") {
                    // SAFETY: detected just above.
                    assert_eq!(unsafe { masks_avx2(&block) }, scalar, "round {round}");
                }
                if std::is_x86_feature_detected!("avx512bw") {
                    // SAFETY: detected just above.
                    assert_eq!(unsafe { masks_avx512(&block) }, scalar, "round {round}");
                }
            }
        }
    }

    #[test]
    fn running_counts_by_hand() {
        let mut words = Vec::new();
        let mut total = 0;
        for commas in [0b1011u64, 0, 1 << 63, 0b1] {
            words.push(Word {
                commas,
                commas_before: total,
                ..Word::default()
            });
            total += commas.count_ones();
        }
        let n = |start, end| between(&words, start, end);
        assert_eq!(n(0, 4), 3);
        assert_eq!(n(1, 2), 1);
        assert_eq!(n(2, 3), 0);
        assert_eq!(n(0, 256), 5);
        assert_eq!(n(4, 191), 0);
        assert_eq!(n(4, 192), 1);
        assert_eq!(n(191, 193), 2);
        let mut at = 0;
        assert!(!touches(&[1, 5], &mut at, 2, 4));
        assert!(touches(&[1, 5], &mut at, 4, 5));
        assert_eq!(at, 1);
    }

    #[test]
    fn records_fields_and_candidates_by_hand() {
        // Offsets: "a,KEEP,c\n" 0..8, blank line at 9, "x,\"q,\nr\",KEEP\n" 10..23,
        // "d,KEE" 24..29 (the wanted text cut short is no candidate).
        let text = "a,KEEP,c\n\nx,\"q,\nr\",KEEP\nd,KEE";
        assert_eq!(
            lines(text),
            vec![
                (0, 8, 3, true, 1),
                (9, 9, 0, false, 1),
                (10, 23, 3, true, 2),
                (24, 29, 2, false, 1),
            ]
        );
        // An escaped quote does not end the quoted field; a quoted "KEEP" is a candidate.
        assert_eq!(
            lines("\"a\"\",\",b\nc\n\"KEEP\",\n"),
            vec![
                (0, 8, 2, false, 1),
                (9, 10, 1, false, 1),
                (11, 18, 2, true, 1)
            ]
        );
        // A wanted text with a quote or a line feed makes every record a candidate.
        let mut all = Vec::new();
        records(b"a\nb\n", b"x\"y", &mut Scratch::default(), |l| {
            all.push(l.candidate);
            true
        });
        assert_eq!(all, [true, true]);
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
                expected.push((at, at + 8, 2, false, 1));
                at += 9;
            }
            let fill = "f".repeat(pad % 10);
            let record = format!("{fill},\"long, KEEP\n{fill}\",k\n");
            text.push_str(&record);
            expected.push((at, at + record.len() - 1, 3, true, 2));
            at += record.len();
            text.push_str("z,KEEP");
            expected.push((at, at + 6, 2, true, 1));
            assert_eq!(lines(&text), expected, "padding {pad}");
        }
    }

    #[test]
    fn a_record_that_is_not_utf8_or_a_carriage_return_stops_the_walk_as_does_the_caller() {
        let mut scratch = Scratch::default();
        let walk = |bytes: &[u8], scratch: &mut Scratch| records(bytes, b"K", scratch, |_| true);
        assert_eq!(walk("a,é\n".as_bytes(), &mut scratch), Walked::Done);
        assert_eq!(walk(b"a,b\n\xff,\n", &mut scratch), Walked::NotUtf8);
        // A carriage return anywhere, before any record is handed on.
        let mut seen = 0;
        let cr = records(b"a\nb\r\nc", b"K", &mut scratch, |_| {
            seen += 1;
            true
        });
        assert_eq!((cr, seen), (Walked::CarriageReturn, 0));
        let mut seen = 0;
        records(b"a\nb\nc\n", b"K", &mut scratch, |_| {
            seen += 1;
            seen < 2
        });
        assert_eq!(seen, 2);
    }
}
