//! Glyph placement for the bitmap output. plotters 0.3.7's ab_glyph text
//! rasteriser puts each glyph's ink at the pen position and drops the
//! glyph's left side bearing, which makes letter spacing visibly uneven
//! ("count ries"). To draw text properly in the PNG, the scene painter sets
//! each glyph on its own at `pen + left side bearing`, using the horizontal
//! metrics read here from the embedded font's `cmap`, `hhea` and `hmtx`.
//!
//! Takes the bytes of an OpenType font, a font size and a string; returns
//! each visible glyph's character and pixel offset from the text's left
//! edge. It must never panic on malformed font data (every read is
//! bounds-checked and a failure yields `None`, so the caller falls back to
//! drawing the whole string at once) and never does glyph shaping or
//! kerning — neither does plotters, so widths agree with its layout.

/// Horizontal metrics of one font face.
pub struct Metrics {
    data: &'static [u8],
    cmap: Cmap,
    hmtx: usize,
    long_metrics: u16,
    /// Ascent minus descent in font units: ab_glyph's pixel scale divides
    /// the requested size by this.
    height: f64,
    units_per_em: f64,
}

enum Cmap {
    Format4(usize),
    Format12(usize),
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    let bytes = data.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([bytes[0], bytes[1]]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let bytes = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}

fn i16_at(data: &[u8], at: usize) -> Option<i16> {
    u16_at(data, at).map(|v| i16::from_be_bytes(v.to_be_bytes()))
}

fn table(data: &[u8], tag: &[u8; 4]) -> Option<usize> {
    let count = usize::from(u16_at(data, 4)?);
    (0..count).find_map(|i| {
        let record = 12 + 16 * i;
        (data.get(record..record + 4)? == tag).then_some(())?;
        usize::try_from(u32_at(data, record + 8)?).ok()
    })
}

impl Metrics {
    pub fn parse(data: &'static [u8]) -> Option<Metrics> {
        let hhea = table(data, b"hhea")?;
        let cmap = table(data, b"cmap")?;
        let mut format4 = None;
        let mut format12 = None;
        for i in 0..usize::from(u16_at(data, cmap + 2)?) {
            let record = cmap + 4 + 8 * i;
            let (platform, encoding) = (u16_at(data, record)?, u16_at(data, record + 2)?);
            let sub = cmap.checked_add(usize::try_from(u32_at(data, record + 4)?).ok()?)?;
            let unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            match u16_at(data, sub)? {
                4 if unicode => format4 = format4.or(Some(sub)),
                12 if unicode => format12 = format12.or(Some(sub)),
                _ => {}
            }
        }
        let cmap = format12
            .map(Cmap::Format12)
            .or(format4.map(Cmap::Format4))?;
        let height = f64::from(i16_at(data, hhea + 4)?) - f64::from(i16_at(data, hhea + 6)?);
        let units_per_em = f64::from(u16_at(data, table(data, b"head")? + 18)?);
        if units_per_em <= 0.0 {
            return None;
        }
        Some(Metrics {
            units_per_em,
            data,
            cmap,
            hmtx: table(data, b"hmtx")?,
            long_metrics: u16_at(data, hhea + 34)?.max(1),
            height: if height > 0.0 { height } else { return None },
        })
    }

    /// The em of text rasterised at plotters font size 1, in pixels.
    pub fn em_per_size(&self) -> f64 {
        self.units_per_em / self.height
    }

    fn glyph(&self, c: char) -> Option<u16> {
        let code = u32::from(c);
        let data = self.data;
        match self.cmap {
            Cmap::Format12(sub) => {
                let groups = usize::try_from(u32_at(data, sub + 12)?).ok()?;
                (0..groups).find_map(|g| {
                    let at = sub + 16 + 12 * g;
                    let (start, end) = (u32_at(data, at)?, u32_at(data, at + 4)?);
                    let first = u32_at(data, at + 8)?;
                    (start..=end)
                        .contains(&code)
                        .then(|| u16::try_from(first.checked_add(code - start)?).ok())?
                })
            }
            Cmap::Format4(sub) => {
                let code = u16::try_from(code).ok()?;
                let segments = usize::from(u16_at(data, sub + 6)? / 2);
                let ends = sub + 14;
                let starts = ends + 2 * segments + 2;
                let deltas = starts + 2 * segments;
                let offsets = deltas + 2 * segments;
                let seg = (0..segments)
                    .find(|&s| u16_at(data, ends + 2 * s).is_some_and(|end| end >= code))?;
                let start = u16_at(data, starts + 2 * seg)?;
                if start > code {
                    return None;
                }
                let delta = u16_at(data, deltas + 2 * seg)?;
                let range_offset = usize::from(u16_at(data, offsets + 2 * seg)?);
                if range_offset == 0 {
                    return Some(code.wrapping_add(delta));
                }
                let at = offsets + 2 * seg + range_offset + 2 * usize::from(code - start);
                let glyph = u16_at(data, at)?;
                (glyph != 0).then_some(glyph.wrapping_add(delta))
            }
        }
    }

    /// Advance width and left side bearing in font units.
    fn horizontal(&self, glyph: u16) -> Option<(f64, f64)> {
        let last = self.long_metrics - 1;
        let advance = u16_at(self.data, self.hmtx + 4 * usize::from(glyph.min(last)))?;
        let lsb = if glyph <= last {
            i16_at(self.data, self.hmtx + 4 * usize::from(glyph) + 2)?
        } else {
            let extra = usize::from(glyph - self.long_metrics);
            i16_at(
                self.data,
                self.hmtx + 4 * usize::from(self.long_metrics) + 2 * extra,
            )?
        };
        Some((f64::from(advance), f64::from(lsb)))
    }

    /// For each non-blank character: where plotters must be asked to draw
    /// it, as an offset from the text's left edge, so that its ink lands
    /// where the font wants it.
    pub fn place(&self, size: f64, text: &str) -> Option<Vec<(char, i32)>> {
        let scale = size / self.height;
        let mut pen = 0.0f64;
        let mut placed = Vec::with_capacity(text.len());
        for c in text.chars() {
            let (advance, lsb) = self.horizontal(self.glyph(c).unwrap_or(0))?;
            if !c.is_whitespace() {
                // plotters starts the glyph's pixel box at the given x; the
                // box itself begins at floor(lsb) within the glyph.
                let x = pen.round() + (lsb * scale).floor();
                placed.push((c, x as i32));
            }
            pen += advance * scale;
        }
        Some(placed)
    }
}

#[cfg(test)]
mod tests {
    use super::super::theme::{self, TextKind};

    #[test]
    fn metrics_agree_with_plotters_widths() {
        theme::ensure_fonts().expect("fonts");
        for kind in [TextKind::Title, TextKind::Label] {
            let metrics = theme::metrics(kind).expect("parsable font");
            let text = "Bolivia (Plurinational State of) 12,345.6 2022†";
            let placed = metrics.place(kind.size(), text).expect("placed");
            assert_eq!(
                placed.len(),
                text.chars().filter(|c| !c.is_whitespace()).count()
            );
            assert!(placed.windows(2).all(|w| w[0].1 < w[1].1));
            let (last, x) = placed[placed.len() - 1];
            let tail = theme::text_width(kind, &last.to_string());
            assert!((x + tail - theme::text_width(kind, text)).abs() <= 3);
        }
    }
}
