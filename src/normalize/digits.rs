//! Decimal digits of every script (Unicode general category Nd) to ASCII: Thai ๐-๙, Lao,
//! Khmer, Myanmar, full-width and the rest; and which scripts a text used.

use super::offset_map::{PassOut, Rewriter};
use super::RepairKind;
use std::borrow::Cow;

/// The code point of DIGIT ZERO of every non-ASCII decimal digit set (Unicode 14 `Nd`, plus
/// the sets added in Unicode 15 and 16), each followed by ONE..NINE, and the script's name.
/// Generated from Python's `unicodedata` (see the module tests for the check against Rust's
/// own Unicode tables).
const DIGIT_ZEROS: &[(u32, &str)] = &[
    (0x0660, "arabic-indic"),
    (0x06F0, "extended-arabic-indic"),
    (0x07C0, "nko"),
    (0x0966, "devanagari"),
    (0x09E6, "bengali"),
    (0x0A66, "gurmukhi"),
    (0x0AE6, "gujarati"),
    (0x0B66, "oriya"),
    (0x0BE6, "tamil"),
    (0x0C66, "telugu"),
    (0x0CE6, "kannada"),
    (0x0D66, "malayalam"),
    (0x0DE6, "sinhala-lith"),
    (0x0E50, "thai"),
    (0x0ED0, "lao"),
    (0x0F20, "tibetan"),
    (0x1040, "myanmar"),
    (0x1090, "myanmar-shan"),
    (0x17E0, "khmer"),
    (0x1810, "mongolian"),
    (0x1946, "limbu"),
    (0x19D0, "new-tai-lue"),
    (0x1A80, "tai-tham-hora"),
    (0x1A90, "tai-tham-tham"),
    (0x1B50, "balinese"),
    (0x1BB0, "sundanese"),
    (0x1C40, "lepcha"),
    (0x1C50, "ol-chiki"),
    (0xA620, "vai"),
    (0xA8D0, "saurashtra"),
    (0xA900, "kayah-li"),
    (0xA9D0, "javanese"),
    (0xA9F0, "myanmar-tai-laing"),
    (0xAA50, "cham"),
    (0xABF0, "meetei-mayek"),
    (0xFF10, "fullwidth"),
    (0x104A0, "osmanya"),
    (0x10D30, "hanifi-rohingya"),
    (0x10D40, "garay"),
    (0x11066, "brahmi"),
    (0x110F0, "sora-sompeng"),
    (0x11136, "chakma"),
    (0x111D0, "sharada"),
    (0x112F0, "khudawadi"),
    (0x11450, "newa"),
    (0x114D0, "tirhuta"),
    (0x11650, "modi"),
    (0x116C0, "takri"),
    (0x116D0, "myanmar-pao"),
    (0x116DA, "myanmar-eastern-pwo-karen"),
    (0x11730, "ahom"),
    (0x118E0, "warang-citi"),
    (0x11950, "dives-akuru"),
    (0x11BF0, "sunuwar"),
    (0x11C50, "bhaiksuki"),
    (0x11D50, "masaram-gondi"),
    (0x11DA0, "gunjala-gondi"),
    (0x11F50, "kawi"),
    (0x16130, "gurung-khema"),
    (0x16A60, "mro"),
    (0x16AC0, "tangsa"),
    (0x16B50, "pahawh-hmong"),
    (0x16D70, "kirat-rai"),
    (0x1CCF0, "outlined"),
    (0x1D7CE, "mathematical-bold"),
    (0x1D7D8, "mathematical-double-struck"),
    (0x1D7E2, "mathematical-sans-serif"),
    (0x1D7EC, "mathematical-sans-serif-bold"),
    (0x1D7F6, "mathematical-monospace"),
    (0x1E140, "nyiakeng-puachue-hmong"),
    (0x1E2F0, "wancho"),
    (0x1E4F0, "nag-mundari"),
    (0x1E5F1, "ol-onal"),
    (0x1E950, "adlam"),
    (0x1FBF0, "segmented"),
];

/// Index into [`DIGIT_ZEROS`] of the digit set holding `c`.
fn digit_set(c: char) -> Option<usize> {
    let cp = c as u32;
    if cp < 0x0660 {
        return None;
    }
    let i = DIGIT_ZEROS
        .partition_point(|&(z, _)| z <= cp)
        .checked_sub(1)?;
    (cp - DIGIT_ZEROS[i].0 < 10).then_some(i)
}

/// The ASCII digit for a decimal digit of another script, if `c` is one.
pub fn ascii_digit(c: char) -> Option<char> {
    // U+0E50..U+0E59 THAI DIGIT ZERO..NINE first: by far the most frequent here.
    if ('\u{0E50}'..='\u{0E59}').contains(&c) {
        return char::from_digit(c as u32 - 0x0E50, 10);
    }
    let i = digit_set(c)?;
    char::from_digit(c as u32 - DIGIT_ZEROS[i].0, 10)
}

/// The value of a decimal digit of any script, ASCII included.
pub fn digit_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    ascii_digit(c).map(|d| d as u32 - '0' as u32)
}

/// The script name of a non-ASCII decimal digit ("thai", "lao", "khmer", "myanmar",
/// "fullwidth", ...).
pub fn digit_script(c: char) -> Option<&'static str> {
    digit_set(c).map(|i| DIGIT_ZEROS[i].1)
}

/// The scripts of the non-ASCII digits in `s`, in order of first appearance.
pub fn digit_scripts(s: &str) -> Vec<&'static str> {
    let mut seen: Vec<&'static str> = Vec::new();
    for c in s.chars().filter(|c| !c.is_ascii()) {
        if let Some(name) = digit_script(c) {
            if !seen.contains(&name) {
                seen.push(name);
            }
        }
    }
    seen
}

/// Digits of any script to ASCII, borrowing when nothing changes.
pub fn digits_to_ascii(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| !c.is_ascii() && ascii_digit(c).is_some()) {
        Cow::Owned(s.chars().map(|c| ascii_digit(c).unwrap_or(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// The repair pass: every non-ASCII digit becomes its ASCII digit.
pub(crate) fn pass(src: &str) -> Option<PassOut> {
    let b = src.as_bytes();
    let mut rw = Rewriter::new(src);
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            i += 1;
            continue;
        }
        // Thai block fast path: E0 B8 xx / E0 B9 xx; digits are E0 B9 90..99.
        if x == 0xE0 && i + 2 < b.len() && (b[i + 1] == 0xB8 || b[i + 1] == 0xB9) {
            if b[i + 1] == 0xB9 && (0x90..=0x99).contains(&b[i + 2]) {
                let d = [b'0' + (b[i + 2] - 0x90)];
                rw.replace(i..i + 3, ascii(&d), RepairKind::Digits);
            }
            i += 3;
            continue;
        }
        let len = utf8_len(x);
        if let Some(c) = src.get(i..i + len).and_then(|s| s.chars().next()) {
            if let Some(d) = ascii_digit(c) {
                let mut buf = [0u8; 4];
                rw.replace(i..i + len, d.encode_utf8(&mut buf), RepairKind::Digits);
            }
        }
        i += len;
    }
    rw.finish()
}

fn ascii(d: &[u8]) -> &str {
    std::str::from_utf8(d).unwrap_or("0")
}

/// Length of the UTF-8 sequence starting with byte `x` (1 for a continuation byte, so a
/// scan always advances).
pub(crate) fn utf8_len(x: u8) -> usize {
    match x {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_every_script() {
        let cases = [
            ("๐๑๒๓๔๕๖๗๘๙", "0123456789"),
            ("໐໑໒໓໔໕໖໗໘໙", "0123456789"),
            ("០១២៣៤៥៦៧៨៩", "0123456789"),
            ("၀၁၂၃၄၅၆၇၈၉", "0123456789"),
            ("႐႑႒႓႔႕႖႗႘႙", "0123456789"),
            ("０１２３４５６７８９", "0123456789"),
            ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
            ("०१२३४५६७८९", "0123456789"),
            ("256๒", "2562"),
            ("๑,๒๓๔.๕", "1,234.5"),
            ("ปี ๒๕๖๖", "ปี 2566"),
            ("no digits", "no digits"),
            ("½ ² Ⅻ ①", "½ ² Ⅻ ①"), // numeric but not decimal digits: unchanged
        ];
        for (input, want) in cases {
            assert_eq!(digits_to_ascii(input), want, "{input}");
            let got = pass(input)
                .map(|p| p.text)
                .unwrap_or_else(|| input.to_string());
            assert_eq!(got, want, "pass {input}");
        }
    }

    #[test]
    fn table_agrees_with_rust_unicode_data() {
        for (i, &(zero, name)) in DIGIT_ZEROS.iter().enumerate() {
            for k in 0..10 {
                let c = char::from_u32(zero + k).expect("valid code point");
                assert!(c.is_numeric(), "{name} {c:?} is not numeric in Rust");
                assert_eq!(digit_value(c), Some(k), "{name} {c:?}");
            }
            // the code point after NINE is not a digit of this set
            assert_ne!(digit_set(char::from_u32(zero + 10).unwrap_or('a')), Some(i));
        }
    }

    #[test]
    fn reports_scripts_in_order() {
        let cases: [(&str, &[&str]); 4] = [
            ("ปี ๒๕๖๖ และ ២០២៣", &["thai", "khmer"]),
            ("１２ ໑ ၁", &["fullwidth", "lao", "myanmar"]),
            ("2566", &[]),
            ("๑๒", &["thai"]),
        ];
        for (input, want) in cases {
            assert_eq!(digit_scripts(input), want, "{input}");
        }
    }
}
