//! Whitespace folding (only when [`super::Options::fold_spaces`] is set): runs of spaces
//! (U+0020, NO-BREAK SPACE, the U+2000-U+200A spaces, NARROW NO-BREAK SPACE, MEDIUM
//! MATHEMATICAL SPACE, IDEOGRAPHIC SPACE) become one U+0020; runs at the start or end of a
//! line or next to a tab are removed. Tabs and line breaks are kept: they carry table
//! structure.

use super::offset_map::{PassOut, Rewriter};
use super::RepairKind;

/// Length of the space character starting at byte `i`, if there is one.
#[inline]
fn space_at(b: &[u8], i: usize) -> Option<usize> {
    match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(b' '), _, _) => Some(1),
        (Some(0xC2), Some(0xA0), _) => Some(2),
        (Some(0xE2), Some(0x80), Some(0x80..=0x8A | 0xAF)) => Some(3),
        (Some(0xE2), Some(0x81), Some(0x9F)) => Some(3),
        (Some(0xE3), Some(0x80), Some(0x80)) => Some(3),
        _ => None,
    }
}

/// True when byte `x` ends a line or a cell.
fn is_edge(x: u8) -> bool {
    matches!(x, b'\n' | b'\r' | b'\t')
}

/// The repair pass.
pub(crate) fn pass(src: &str) -> Option<PassOut> {
    let b = src.as_bytes();
    let mut rw = Rewriter::new(src);
    // Candidates: ' ' and the lead bytes of the other spaces (C2, E2, E3); U+3000 is rare,
    // so E3 is searched only when the text has it at all.
    let has_e3 = memchr::memchr(0xE3, b).is_some();
    let mut i = 0;
    while i < b.len() {
        let next = if has_e3 {
            b[i..]
                .iter()
                .position(|&x| matches!(x, b' ' | 0xC2 | 0xE2 | 0xE3))
        } else {
            memchr::memchr3(b' ', 0xC2, 0xE2, &b[i..])
        };
        let Some(k) = next else { break };
        i += k;
        let Some(mut len) = space_at(b, i) else {
            i += 1;
            continue;
        };
        let mut j = i;
        let mut plain = true;
        while len > 0 {
            plain &= len == 1;
            j += len;
            len = space_at(b, j).unwrap_or(0);
        }
        let at_edge = i == 0 || is_edge(b[i - 1]) || j == b.len() || is_edge(b[j]);
        if at_edge {
            rw.replace(i..j, "", RepairKind::Whitespace);
        } else if !(plain && j == i + 1) {
            rw.replace(i..j, " ", RepairKind::Whitespace);
        }
        i = j;
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_trims() {
        let cases = [
            ("ก    ข    ค", "ก ข ค"),
            ("  นำหน้า", "นำหน้า"),
            ("ท้าย   \nบรรทัด  ", "ท้าย\nบรรทัด"),
            ("a \t b", "a\tb"),
            ("a\t\tb", "a\t\tb"),
            ("x\u{00A0}\u{3000}y", "x y"),
            ("x\u{00A0}y", "x y"),
            ("x\r\n", "x\r\n"),
            ("x  \r\ny", "x\r\ny"),
            ("   ", ""),
            ("a b", "a b"),
            ("ไทย – ดี", "ไทย – ดี"),
        ];
        for (input, want) in cases {
            let got = pass(input)
                .map(|p| p.text)
                .unwrap_or_else(|| input.to_string());
            assert_eq!(got, want, "{input:?}");
        }
    }
}
