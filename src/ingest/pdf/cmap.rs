//! ToUnicode CMaps (PDF 32000-1 §9.10.3): `codespacerange`, `bfchar`, and `bfrange`
//! with either a start value or an array of values; multi-byte codes and multi-character
//! destinations (ligatures). Bounded: a crafted range cannot allocate more than the
//! limit it is read with ([`MAX_ENTRIES`] by default, `PdfOptions::max_cmap_entries`);
//! how many entries the CMap declared past it is kept, for the `limit_reached` flag.

use std::collections::HashMap;

/// Default for the most code-to-text entries kept from one CMap
/// (`PdfOptions::max_cmap_entries`).
pub const MAX_ENTRIES: usize = 1 << 17;

/// A parsed ToUnicode map.
#[derive(Debug, Clone, Default)]
pub struct ToUnicode {
    /// Code (big-endian value of its bytes) to text.
    pub map: HashMap<u32, String>,
    /// Codespace ranges: (byte length, low, high).
    pub codespace: Vec<(u8, u32, u32)>,
    /// Entries the CMap declares (`bfchar` pairs, `bfrange` sizes), counted also past
    /// the limit; `Some` only when entries were left out for the limit.
    pub overflow: Option<u64>,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok<'a> {
    Hex(Vec<u8>),
    Name(&'a [u8]),
    Word(&'a [u8]),
    Open,
    Close,
}

fn tokens(data: &[u8]) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        match b {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let start = i + 1;
                let mut j = start;
                while j < data.len() && data[j] != b'>' {
                    j += 1;
                }
                let digits: Vec<u8> = data[start..j.min(data.len())]
                    .iter()
                    .filter(|c| c.is_ascii_hexdigit())
                    .copied()
                    .collect();
                let mut bytes = Vec::with_capacity(digits.len() / 2 + 1);
                for pair in digits.chunks(2) {
                    let hi = hex_val(pair[0]);
                    let lo = pair.get(1).map(|&c| hex_val(c)).unwrap_or(0);
                    bytes.push(hi << 4 | lo);
                }
                out.push(Tok::Hex(bytes));
                i = j + 1;
            }
            b'[' => {
                out.push(Tok::Open);
                i += 1;
            }
            b']' => {
                out.push(Tok::Close);
                i += 1;
            }
            b'(' => {
                // Literal strings only appear in CIDSystemInfo; skip them (nesting aware).
                let mut depth = 0usize;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'/' => {
                let start = i + 1;
                i = start;
                while i < data.len() && !is_delim(data[i]) {
                    i += 1;
                }
                out.push(Tok::Name(&data[start..i]));
            }
            _ if b.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < data.len() && !is_delim(data[i]) {
                    i += 1;
                }
                if i == start {
                    i += 1;
                } else {
                    out.push(Tok::Word(&data[start..i]));
                }
            }
        }
    }
    out
}

fn is_delim(b: u8) -> bool {
    b.is_ascii_whitespace() || matches!(b, b'<' | b'>' | b'[' | b']' | b'(' | b')' | b'/' | b'%')
}

fn hex_val(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => 0,
    }
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, &b| acc << 8 | b as u32)
}

/// UTF-16BE bytes to text; lone surrogates become U+FFFD.
pub fn utf16be(bytes: &[u8]) -> String {
    let units = bytes
        .chunks(2)
        .map(|c| (c[0] as u16) << 8 | c.get(1).copied().unwrap_or(0) as u16);
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

/// `bytes` with its last UTF-16 unit increased by `k` (bfrange destinations).
fn utf16_plus(bytes: &[u8], k: u32) -> String {
    if bytes.len() < 2 {
        return utf16be(bytes);
    }
    let mut b = bytes.to_vec();
    let n = b.len();
    let last = ((b[n - 2] as u32) << 8 | b[n - 1] as u32).wrapping_add(k) & 0xFFFF;
    b[n - 2] = (last >> 8) as u8;
    b[n - 1] = last as u8;
    utf16be(&b)
}

impl ToUnicode {
    /// Parse CMap bytes with the default limit ([`MAX_ENTRIES`]). Never fails: what
    /// cannot be read is skipped.
    pub fn parse(data: &[u8]) -> ToUnicode {
        ToUnicode::parse_limited(data, MAX_ENTRIES)
    }

    /// Parse CMap bytes, keeping at most `max_entries` entries; the entries declared
    /// past them are counted (never expanded) into [`ToUnicode::overflow`]. Linear in
    /// the bytes, whatever the ranges declare.
    pub fn parse_limited(data: &[u8], max_entries: usize) -> ToUnicode {
        let toks = tokens(data);
        let mut out = ToUnicode::default();
        let mut declared = 0u64;
        let mut dropped = false;
        let mut i = 0;
        while i < toks.len() {
            match &toks[i] {
                Tok::Word(b"begincodespacerange") => {
                    i += 1;
                    while i + 1 < toks.len() {
                        match (&toks[i], &toks[i + 1]) {
                            (Tok::Hex(lo), Tok::Hex(hi)) => {
                                let len = lo.len().clamp(1, 4) as u8;
                                out.codespace.push((len, code_of(lo), code_of(hi)));
                                i += 2;
                            }
                            _ => break,
                        }
                    }
                }
                Tok::Word(b"beginbfchar") => {
                    i += 1;
                    while i + 1 < toks.len() {
                        let src = match &toks[i] {
                            Tok::Hex(s) => code_of(s),
                            _ => break,
                        };
                        // A code already kept may be redefined (the last definition wins, as before).
                        let full = out.map.len() >= max_entries && !out.map.contains_key(&src);
                        match &toks[i + 1] {
                            Tok::Hex(d) => {
                                declared += 1;
                                if full {
                                    dropped = true;
                                } else {
                                    out.map.insert(src, utf16be(d));
                                }
                            }
                            Tok::Name(n) => {
                                declared += 1;
                                if full {
                                    dropped = true;
                                } else if let Some(s) = super::encoding::glyph_name_to_unicode(
                                    &String::from_utf8_lossy(n),
                                ) {
                                    out.map.insert(src, s);
                                }
                            }
                            _ => break,
                        }
                        i += 2;
                    }
                }
                Tok::Word(b"beginbfrange") => {
                    i += 1;
                    while i + 2 < toks.len() {
                        let (lo, hi) = match (&toks[i], &toks[i + 1]) {
                            (Tok::Hex(a), Tok::Hex(b)) => (code_of(a), code_of(b)),
                            _ => break,
                        };
                        // Codes lo..=hi (an inverted range declares one code, as before).
                        let count = hi.saturating_sub(lo);
                        match &toks[i + 2] {
                            Tok::Hex(d) => {
                                declared += u64::from(count) + 1;
                                let room = max_entries.saturating_sub(out.map.len()) as u64;
                                if u64::from(count) + 1 > room {
                                    dropped = true;
                                }
                                let take = (u64::from(count) + 1).min(room) as u32;
                                for k in 0..take {
                                    out.map.insert(lo + k, utf16_plus(d, k));
                                }
                                i += 3;
                            }
                            Tok::Open => {
                                let mut j = i + 3;
                                let mut k = 0u32;
                                while j < toks.len() && toks[j] != Tok::Close {
                                    if let Tok::Hex(d) = &toks[j] {
                                        if k <= count {
                                            declared += 1;
                                            if out.map.len() >= max_entries
                                                && !out.map.contains_key(&(lo + k))
                                            {
                                                dropped = true;
                                            } else {
                                                out.map.insert(lo + k, utf16be(d));
                                            }
                                        }
                                        k = k.saturating_add(1);
                                    }
                                    j += 1;
                                }
                                i = j + 1;
                            }
                            _ => break,
                        }
                    }
                }
                _ => i += 1,
            }
        }
        out.overflow = dropped.then_some(declared);
        out
    }

    /// The byte length of the code starting at `bytes`, from the codespace ranges
    /// (shortest match), or `default` when none matches.
    pub fn code_len(&self, bytes: &[u8], default: usize) -> usize {
        for &(len, lo, hi) in &self.codespace {
            let len = len as usize;
            if bytes.len() >= len {
                let c = code_of(&bytes[..len]);
                if (lo..=hi).contains(&c) {
                    return len;
                }
            }
        }
        default
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_word_style_cmap() {
        let src = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0021> <0040> <01F0> <0020> endbfchar
            2 beginbfrange <00D6> <00D7> <0E01> <0105> <0107> [<0E30> <0E31> <0E320E33>] endbfrange
            1 beginbfchar <0003> <00660069> endbfchar
            endcmap";
        let tu = ToUnicode::parse(src);
        let get = |c: u32| tu.map.get(&c).map(String::as_str);
        assert_eq!(get(0x21), Some("@"));
        assert_eq!(get(0x1F0), Some(" "));
        assert_eq!(get(0xD6), Some("ก"));
        assert_eq!(get(0xD7), Some("ข"));
        assert_eq!(get(0x105), Some("ะ"));
        assert_eq!(get(0x107), Some("าำ"));
        assert_eq!(get(0x3), Some("fi"));
        assert_eq!(get(0x4), None);
        assert_eq!(tu.codespace, vec![(2, 0, 0xFFFF)]);
        assert_eq!(tu.code_len(&[0, 1, 2], 1), 2);
    }

    #[test]
    fn hostile_ranges_are_bounded() {
        let src = b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange";
        let tu = ToUnicode::parse(src);
        assert!(tu.map.len() <= MAX_ENTRIES);
        assert_eq!(tu.overflow, Some(1 << 32));
        let tu = ToUnicode::parse(b"beginbfchar <01> endbfchar <");
        assert!(tu.map.is_empty());
        assert_eq!(tu.overflow, None);
    }

    #[test]
    fn the_limit_counts_declared_entries_and_keeps_the_first() {
        // (cmap, limit, entries kept, overflow)
        let cases: &[(&[u8], usize, usize, Option<u64>)] = &[
            (b"beginbfrange <00> <09> <0041> endbfrange", 10, 10, None),
            (b"beginbfrange <00> <09> <0041> endbfrange", 4, 4, Some(10)),
            (
                b"beginbfchar <01> <0041> <02> <0042> <03> <0043> endbfchar",
                2,
                2,
                Some(3),
            ),
            (
                b"beginbfrange <00> <02> [<0041> <0042> <0043>] endbfrange",
                1,
                1,
                Some(3),
            ),
            // Duplicates overwrite: nothing is left out.
            (b"beginbfchar <01> <0041> <01> <0042> endbfchar", 1, 1, None),
        ];
        for &(src, limit, kept, overflow) in cases {
            let tu = ToUnicode::parse_limited(src, limit);
            let name = String::from_utf8_lossy(src);
            assert_eq!(
                (tu.map.len(), tu.overflow),
                (kept, overflow),
                "{name} limit {limit}"
            );
        }
        let tu = ToUnicode::parse_limited(b"beginbfrange <00> <09> <0041> endbfrange", 4);
        assert_eq!(tu.map.get(&3).map(String::as_str), Some("D"));
    }
}
