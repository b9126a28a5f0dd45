//! The `cmap` table of an embedded TrueType font, inverted to glyph id → Unicode. Used
//! where a PDF's ToUnicode is missing a code or is known to lie (Word maps the Thai
//! NIKHAHIT glyph to a space and the SARA AA glyph to SARA AM). Bounds-checked
//! throughout: a broken font yields an empty map, never a panic.

use std::collections::HashMap;

fn u16_at(d: &[u8], o: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*d.get(o)?, *d.get(o + 1)?]))
}

fn u32_at(d: &[u8], o: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *d.get(o)?,
        *d.get(o + 1)?,
        *d.get(o + 2)?,
        *d.get(o + 3)?,
    ]))
}

/// Glyph id → character from the font's best Unicode `cmap` subtable. For symbol
/// subtables (3,0) the characters are the U+F0xx private-use values.
pub fn glyph_to_unicode(font: &[u8]) -> HashMap<u16, char> {
    parse(font).unwrap_or_default()
}

fn parse(font: &[u8]) -> Option<HashMap<u16, char>> {
    let num_tables = u16_at(font, 4)? as usize;
    let mut cmap = None;
    for t in 0..num_tables.min(64) {
        let rec = 12 + t * 16;
        if font.get(rec..rec + 4)? == b"cmap" {
            let off = u32_at(font, rec + 8)? as usize;
            let len = u32_at(font, rec + 12)? as usize;
            cmap = font.get(off..off.checked_add(len)?.min(font.len()));
        }
    }
    let cmap = cmap?;
    let n = u16_at(cmap, 2)? as usize;
    // Preference: (3,10) full Unicode, (3,1) BMP, (0,x) Unicode, (3,0) symbol.
    let mut best: Option<(u8, usize)> = None;
    for k in 0..n.min(64) {
        let rec = 4 + k * 8;
        let (pid, eid) = (u16_at(cmap, rec)?, u16_at(cmap, rec + 2)?);
        let off = u32_at(cmap, rec + 4)? as usize;
        let rank = match (pid, eid) {
            (3, 10) => 4,
            (3, 1) => 3,
            (0, _) => 2,
            (3, 0) => 1,
            _ => continue,
        };
        if best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, off));
        }
    }
    let (_, off) = best?;
    let sub = cmap.get(off..)?;
    let mut out = HashMap::new();
    match u16_at(sub, 0)? {
        4 => {
            let seg_x2 = u16_at(sub, 6)? as usize;
            let ends = 14;
            let starts = ends + seg_x2 + 2;
            let deltas = starts + seg_x2;
            let ranges = deltas + seg_x2;
            for s in 0..seg_x2 / 2 {
                let end = u16_at(sub, ends + 2 * s)? as u32;
                let start = u16_at(sub, starts + 2 * s)? as u32;
                let delta = u16_at(sub, deltas + 2 * s)?;
                let ro = u16_at(sub, ranges + 2 * s)? as usize;
                if start > end || start == 0xFFFF {
                    continue;
                }
                for c in start..=end {
                    let gid = if ro == 0 {
                        (c as u16).wrapping_add(delta)
                    } else {
                        let at = ranges + 2 * s + ro + 2 * (c - start) as usize;
                        match u16_at(sub, at) {
                            Some(0) | None => continue,
                            Some(g) => g.wrapping_add(delta),
                        }
                    };
                    if gid != 0 {
                        if let Some(ch) = char::from_u32(c) {
                            out.entry(gid).or_insert(ch);
                        }
                    }
                }
            }
        }
        12 => {
            let groups = u32_at(sub, 12)? as usize;
            for g in 0..groups.min(1 << 16) {
                let at = 16 + g * 12;
                let (s, e, gid) = (u32_at(sub, at)?, u32_at(sub, at + 4)?, u32_at(sub, at + 8)?);
                if e < s || e - s > 0x10000 {
                    continue;
                }
                for c in s..=e {
                    let gid = gid + (c - s);
                    if let (Ok(g16), Some(ch)) = (u16::try_from(gid), char::from_u32(c)) {
                        if g16 != 0 {
                            out.entry(g16).or_insert(ch);
                        }
                    }
                }
            }
        }
        6 => {
            let first = u16_at(sub, 6)? as u32;
            let count = u16_at(sub, 8)? as usize;
            for k in 0..count {
                let gid = u16_at(sub, 10 + 2 * k)?;
                if let Some(ch) = char::from_u32(first + k as u32) {
                    if gid != 0 {
                        out.entry(gid).or_insert(ch);
                    }
                }
            }
        }
        0 => {
            for c in 0..256usize {
                let gid = *sub.get(6 + c)? as u16;
                if gid != 0 {
                    out.entry(gid).or_insert(c as u8 as char);
                }
            }
        }
        _ => {}
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal font: table directory with one `cmap` table holding a (3,1) format 4
    /// subtable mapping U+0E32..U+0E33 to glyphs 5..6 and U+0E4D to glyph 9.
    fn tiny_font() -> Vec<u8> {
        let mut sub = Vec::new();
        let segs: [(u16, u16, u16); 3] = [
            (0x0E32, 0x0E33, 5),
            (0x0E4D, 0x0E4D, 9),
            (0xFFFF, 0xFFFF, 1),
        ];
        let push = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_be_bytes());
        push(&mut sub, 4);
        push(&mut sub, 0); // length (unused)
        push(&mut sub, 0);
        push(&mut sub, (segs.len() * 2) as u16);
        push(&mut sub, 0);
        push(&mut sub, 0);
        push(&mut sub, 0);
        for s in segs {
            push(&mut sub, s.1);
        }
        push(&mut sub, 0);
        for s in segs {
            push(&mut sub, s.0);
        }
        for s in segs {
            push(&mut sub, s.2.wrapping_sub(s.0));
        }
        for _ in segs {
            push(&mut sub, 0);
        }
        let mut cmap = Vec::new();
        push(&mut cmap, 0);
        push(&mut cmap, 1);
        push(&mut cmap, 3);
        push(&mut cmap, 1);
        cmap.extend_from_slice(&12u32.to_be_bytes());
        cmap.extend_from_slice(&sub);
        let mut font = vec![0, 1, 0, 0];
        push(&mut font, 1);
        font.extend_from_slice(&[0; 6]);
        font.extend_from_slice(b"cmap");
        font.extend_from_slice(&[0; 4]);
        font.extend_from_slice(&28u32.to_be_bytes());
        font.extend_from_slice(&(cmap.len() as u32).to_be_bytes());
        font.extend_from_slice(&cmap);
        font
    }

    #[test]
    fn inverts_format_4() {
        let m = glyph_to_unicode(&tiny_font());
        assert_eq!(m.get(&5), Some(&'\u{0E32}'));
        assert_eq!(m.get(&6), Some(&'\u{0E33}'));
        assert_eq!(m.get(&9), Some(&'\u{0E4D}'));
        assert_eq!(m.get(&7), None);
    }

    #[test]
    fn broken_fonts_give_nothing() {
        let f = tiny_font();
        for cut in [0, 3, 11, 20, 30, 40, f.len() - 3] {
            let _ = glyph_to_unicode(&f[..cut]);
        }
        assert!(glyph_to_unicode(b"garbage").is_empty());
    }
}
