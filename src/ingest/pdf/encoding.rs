//! Simple-font encodings: the base encodings a PDF may name (WinAnsi, Standard,
//! MacRoman as an approximation), `/Differences`, and glyph names to Unicode
//! (Adobe Glyph List subset plus the `uniXXXX` / `uXXXX` conventions).

use super::glyphlist::AGL;

/// WinAnsiEncoding (PDF 32000-1 Annex D) 0x80..0x9F; the rest is Latin-1.
const WIN_ANSI_80: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// A base encoding of a simple font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseEncoding {
    WinAnsi,
    Standard,
    MacRoman,
    /// The font's own built-in encoding (symbolic fonts): code = character.
    Builtin,
}

impl BaseEncoding {
    pub fn from_name(name: &[u8]) -> Option<BaseEncoding> {
        match name {
            b"WinAnsiEncoding" => Some(BaseEncoding::WinAnsi),
            b"StandardEncoding" => Some(BaseEncoding::Standard),
            b"MacRomanEncoding" | b"MacExpertEncoding" => Some(BaseEncoding::MacRoman),
            _ => None,
        }
    }

    /// The character for a one-byte code, if the encoding defines it.
    pub fn decode(self, code: u8) -> Option<char> {
        match self {
            BaseEncoding::WinAnsi => match code {
                0x80..=0x9F => match WIN_ANSI_80[(code - 0x80) as usize] {
                    0 => None,
                    u => char::from_u32(u as u32),
                },
                0x20..=0xFF => Some(code as char),
                _ => None,
            },
            BaseEncoding::Standard => match code {
                0x27 => Some('\u{2019}'),
                0x60 => Some('\u{2018}'),
                0x20..=0x7E => Some(code as char),
                _ => None,
            },
            // MacRoman differs from Latin-1 above 0x7F; ITA reports do not use it for
            // text, so only ASCII is trusted.
            BaseEncoding::MacRoman => match code {
                0x20..=0x7E => Some(code as char),
                _ => None,
            },
            BaseEncoding::Builtin => match code {
                0x20..=0xFF => Some(code as char),
                _ => None,
            },
        }
    }
}

/// The Unicode text of a glyph name, if known.
pub fn glyph_name_to_unicode(name: &str) -> Option<String> {
    // Drop a suffix such as ".alt" or "_1".
    let base = name.split('.').next().unwrap_or(name);
    if base.is_empty() {
        return None;
    }
    if let Ok(i) = AGL.binary_search_by(|(n, _)| (*n).cmp(base)) {
        return char::from_u32(AGL[i].1).map(String::from);
    }
    if let Some(hex) = base.strip_prefix("uni") {
        if hex.len() >= 4 && hex.len() % 4 == 0 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let units: Vec<u16> = (0..hex.len() / 4)
                .filter_map(|i| u16::from_str_radix(&hex[i * 4..i * 4 + 4], 16).ok())
                .collect();
            let s: String = char::decode_utf16(units).filter_map(Result::ok).collect();
            return (!s.is_empty()).then_some(s);
        }
    }
    if let Some(hex) = base.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .map(String::from);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names() {
        for (name, want) in [
            ("A", Some("A")),
            ("space", Some(" ")),
            ("kokaithai", Some("ก")),
            ("saraamthai", Some("ำ")),
            ("uni0E33", Some("ำ")),
            ("uni0E400E01", Some("เก")),
            ("u1F600", Some("😀")),
            ("a.sc", Some("a")),
            ("g123", None),
            ("", None),
        ] {
            assert_eq!(glyph_name_to_unicode(name).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn base_encodings() {
        assert_eq!(BaseEncoding::WinAnsi.decode(0x95), Some('•'));
        assert_eq!(BaseEncoding::WinAnsi.decode(0x81), None);
        assert_eq!(BaseEncoding::WinAnsi.decode(0xFE), Some('þ'));
        assert_eq!(BaseEncoding::Standard.decode(0x27), Some('’'));
        assert_eq!(BaseEncoding::MacRoman.decode(0xA8), None);
    }
}
