//! Zero-width and invisible formatting characters removed: U+200B ZERO WIDTH SPACE,
//! U+200C ZERO WIDTH NON-JOINER, U+200D ZERO WIDTH JOINER, U+2060 WORD JOINER,
//! U+FEFF ZERO WIDTH NO-BREAK SPACE (byte order mark) and U+00AD SOFT HYPHEN. PDF producers
//! and web editors put them between Thai words as line-break hints; they break matching.

use super::offset_map::{PassOut, Rewriter};
use super::RepairKind;

/// True for a character this pass removes.
pub fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// The repair pass: every zero-width character removed.
pub(crate) fn pass(src: &str) -> Option<PassOut> {
    let b = src.as_bytes();
    let mut rw = Rewriter::new(src);
    // Lead bytes: E2 (U+200B-D, U+2060), EF (U+FEFF), C2 (U+00AD).
    for i in memchr::memchr3_iter(0xE2, 0xEF, 0xC2, b) {
        if i < rw.done() {
            continue;
        }
        let len = match (b.get(i), b.get(i + 1), b.get(i + 2)) {
            (Some(0xE2), Some(0x80), Some(0x8B..=0x8D)) => 3,
            (Some(0xE2), Some(0x81), Some(0xA0)) => 3,
            (Some(0xEF), Some(0xBB), Some(0xBF)) => 3,
            (Some(0xC2), Some(0xAD), _) => 2,
            _ => continue,
        };
        rw.replace(i..i + len, "", RepairKind::ZeroWidth);
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_zero_width_characters() {
        let cases = [
            ("สวัสดี\u{200B}ครับ", "สวัสดีครับ"),
            ("ภาษา\u{200C}ไทย", "ภาษาไทย"),
            ("a\u{200D}b\u{FEFF}c\u{00AD}d\u{2060}e", "abcde"),
            ("\u{FEFF}ข้อมูล", "ข้อมูล"),
            ("\u{200B}\u{200B}", ""),
            // look-alikes that stay: LRM, NBSP, en space, other E2/EF/C2 characters
            (
                "a\u{200E}b\u{00A0}c\u{2002}d–e©f",
                "a\u{200E}b\u{00A0}c\u{2002}d–e©f",
            ),
        ];
        for (input, want) in cases {
            let got = pass(input)
                .map(|p| p.text)
                .unwrap_or_else(|| input.to_string());
            assert_eq!(got, want, "{input:?}");
            assert_eq!(
                input
                    .chars()
                    .filter(|&c| !is_zero_width(c))
                    .collect::<String>(),
                want
            );
        }
    }
}
