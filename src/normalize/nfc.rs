//! Unicode Normalization Form C (UAX #15), applied only where the text is not already NFC:
//! the quick check runs first, and only the segments around characters that fail it are
//! normalized, so NFC text costs one scan and no allocation.

use super::offset_map::{PassOut, Rewriter};
use super::RepairKind;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The repair pass: segments between ASCII characters that are not NFC are replaced by
/// their NFC form (trimmed to the characters that differ).
pub(crate) fn pass(src: &str) -> Option<PassOut> {
    if is_nfc_quick(src.chars()) == IsNormalized::Yes {
        return None;
    }
    let b = src.as_bytes();
    let mut rw = Rewriter::new(src);
    let mut i = 0;
    let mut buf = String::new();
    while i < b.len() {
        if b[i] < 0x80 {
            i += 1;
            continue;
        }
        // A segment runs from the ASCII character before it (which may be a base that a
        // following combining mark composes with) to the next ASCII character.
        let seg_start = if i > 0 { i - 1 } else { 0 };
        let mut j = i;
        while j < b.len() && b[j] >= 0x80 {
            j += 1;
        }
        let seg = &src[seg_start..j];
        if is_nfc_quick(seg.chars()) != IsNormalized::Yes {
            buf.clear();
            buf.extend(seg.nfc());
            if buf != seg {
                // Trim the common prefix and suffix (on char boundaries of both).
                let pre = common_prefix(seg, &buf);
                let suf = common_suffix(&seg[pre..], &buf[pre..]);
                let start = seg_start + pre;
                if start >= rw.done() {
                    rw.replace(start..j - suf, &buf[pre..buf.len() - suf], RepairKind::Nfc);
                }
            }
        }
        i = j;
    }
    rw.finish()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or_else(|| a.len().min(b.len()), |((i, _), _)| i)
}

fn common_suffix(a: &str, b: &str) -> usize {
    let mut n = 0;
    for (x, y) in a.chars().rev().zip(b.chars().rev()) {
        if x != y {
            break;
        }
        n += x.len_utf8();
    }
    n.min(a.len()).min(b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_only_what_is_not_nfc() {
        let cases = [
            ("cafe\u{0301}", "café"),
            ("e\u{0301} and a\u{0300}", "é and à"),
            ("\u{212B}", "Å"),
            // Thai: MAI EK before SARA U is reordered by canonical ordering (ccc 107 > 103)
            ("ก\u{0E48}\u{0E38}", "ก\u{0E38}\u{0E48}"),
            ("ภาษาไทย", "ภาษาไทย"),
            ("plain", "plain"),
        ];
        for (input, want) in cases {
            let got = pass(input)
                .map(|p| p.text)
                .unwrap_or_else(|| input.to_string());
            assert_eq!(got, want, "{input:?}");
            assert_eq!(got, input.nfc().collect::<String>());
        }
    }
}
