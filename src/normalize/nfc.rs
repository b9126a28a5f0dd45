//! Unicode Normalization Form C (UAX #15), applied only where the text is not already NFC:
//! the quick check runs first, and only the segments around characters that fail it are
//! normalized, so NFC text costs one scan and no allocation.

use super::offset_map::{PassOut, Rewriter};
use super::RepairKind;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The repair pass: segments between ASCII characters that are not NFC are replaced by
/// their NFC form (trimmed to the characters that differ).
pub(crate) fn pass(src: &str) -> Option<PassOut> {
    if quick_yes(src) {
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
                    // rare; composed text may feed any earlier rule (U+037E -> ';')
                    rw.mark_dirty();
                    rw.replace(start..j - suf, &buf[pre..buf.len() - suf], RepairKind::Nfc);
                }
            }
        }
        i = j;
    }
    rw.finish()
}

/// The NFC quick check (UAX #15 §9) with a fast path for ASCII and the Thai block, whose
/// characters are all NFC_Quick_Check=Yes: only the canonical order of the Thai marks with a
/// non-zero combining class (U+0E38, U+0E39 ccc 103; U+0E3A ccc 9; U+0E48-U+0E4B ccc 107)
/// needs tracking. Other characters go through the `unicode-normalization` tables.
fn quick_yes(s: &str) -> bool {
    let b = s.as_bytes();
    let mut last_ccc = 0u8;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            last_ccc = 0;
            i += 1;
            continue;
        }
        if x == 0xE0 && i + 2 < b.len() && (b[i + 1] == 0xB8 || b[i + 1] == 0xB9) {
            let ccc = match (b[i + 1], b[i + 2]) {
                (0xB8, 0xB8 | 0xB9) => 103,
                (0xB8, 0xBA) => 9,
                (0xB9, 0x88..=0x8B) => 107,
                _ => 0,
            };
            if ccc != 0 && last_ccc > ccc {
                return false;
            }
            last_ccc = ccc;
            i += 3;
            continue;
        }
        let len = super::digits::utf8_len(x);
        let Some(c) = s.get(i..i + len).and_then(|t| t.chars().next()) else {
            return false;
        };
        let ccc = unicode_normalization::char::canonical_combining_class(c);
        if ccc != 0 && last_ccc > ccc {
            return false;
        }
        if is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes {
            return false;
        }
        last_ccc = ccc;
        i += len;
    }
    true
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
            assert_eq!(
                quick_yes(input),
                is_nfc_quick(input.chars()) == IsNormalized::Yes,
                "{input:?}"
            );
        }
    }
}
