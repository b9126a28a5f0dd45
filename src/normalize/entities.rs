//! HTML character references decoded: the named ones that occur in office and web text
//! (`&amp;`, `&nbsp;`, `&ldquo;` ...) and numeric ones (`&#3585;`, `&#x0E01;`, with digits of
//! any script). The trailing `;` is required, so "AT&T" and "Q&A" stay as they are.
//! Numeric references follow the HTML Standard §13.2.5.80 ("numeric character reference end
//! state"): 0, surrogates and values above U+10FFFF become U+FFFD, 0x80-0x9F are read as
//! windows-1252. References to line breaks and other control characters are left as written
//! (decoding them would split a line); references to zero-width characters decode to nothing.

use super::digits::digit_value;
use super::offset_map::{PassOut, Rewriter};
use super::zero_width::is_zero_width;
use super::RepairKind;

/// Named references, sorted by name for binary search (HTML Standard names; case matters).
const NAMED: &[(&str, char)] = &[
    ("AMP", '&'),
    ("COPY", '©'),
    ("GT", '>'),
    ("LT", '<'),
    ("QUOT", '"'),
    ("REG", '®'),
    ("Tab", '\t'),
    ("ZeroWidthSpace", '\u{200B}'),
    ("acute", '´'),
    ("amp", '&'),
    ("apos", '\''),
    ("bdquo", '„'),
    ("brvbar", '¦'),
    ("bull", '•'),
    ("cedil", '¸'),
    ("cent", '¢'),
    ("check", '✓'),
    ("circ", 'ˆ'),
    ("copy", '©'),
    ("cross", '✗'),
    ("curren", '¤'),
    ("dagger", '†'),
    ("darr", '↓'),
    ("deg", '°'),
    ("divide", '÷'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("euro", '€'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("ge", '≥'),
    ("gt", '>'),
    ("harr", '↔'),
    ("hellip", '…'),
    ("iexcl", '¡'),
    ("infin", '∞'),
    ("iquest", '¿'),
    ("laquo", '«'),
    ("larr", '←'),
    ("ldquo", '“'),
    ("le", '≤'),
    ("lsaquo", '‹'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("macr", '¯'),
    ("mdash", '—'),
    ("micro", 'µ'),
    ("middot", '·'),
    ("minus", '−'),
    ("nbsp", '\u{00A0}'),
    ("ndash", '–'),
    ("ne", '≠'),
    ("not", '¬'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("para", '¶'),
    ("permil", '‰'),
    ("plusmn", '±'),
    ("pound", '£'),
    ("prime", '′'),
    ("quot", '"'),
    ("raquo", '»'),
    ("rarr", '→'),
    ("rdquo", '”'),
    ("reg", '®'),
    ("rsaquo", '›'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("sect", '§'),
    ("shy", '\u{00AD}'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("thinsp", '\u{2009}'),
    ("tilde", '˜'),
    ("times", '×'),
    ("trade", '™'),
    ("uarr", '↑'),
    ("uml", '¨'),
    ("yen", '¥'),
    ("zwj", '\u{200D}'),
    ("zwnj", '\u{200C}'),
];

/// windows-1252 for 0x80..=0x9F (HTML Standard, numeric character reference end state);
/// '\0' where the byte is unassigned (the reference is then left as written).
const CP1252: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// The character an HTML reference at the start of `s` stands for, and the reference's
/// length in bytes. `s` must start with '&'.
pub fn decode_entity(s: &str) -> Option<(char, usize)> {
    let rest = s.strip_prefix('&')?;
    if let Some(num) = rest.strip_prefix('#') {
        let (hex, body) = match num.strip_prefix(['x', 'X']) {
            Some(b) => (true, b),
            None => (false, num),
        };
        let mut value: u32 = 0;
        let mut digits = 0;
        let mut consumed = 0;
        for c in body.chars() {
            let d = if hex { c.to_digit(16) } else { digit_value(c) };
            match d {
                Some(d) => {
                    digits += 1;
                    if digits > 8 {
                        return None;
                    }
                    value = value.saturating_mul(if hex { 16 } else { 10 }) + d;
                    consumed += c.len_utf8();
                }
                None => break,
            }
        }
        if digits == 0 || !body[consumed..].starts_with(';') {
            return None;
        }
        let len = 1 + 1 + usize::from(hex) + consumed + 1;
        let c = match value {
            0 | 0xD800..=0xDFFF | 0x110000.. => '\u{FFFD}',
            0x80..=0x9F => CP1252[(value - 0x80) as usize],
            v => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        if c == '\0' || (c.is_control() && c != '\t') {
            return None;
        }
        return Some((c, len));
    }
    let end = rest
        .bytes()
        .take(16)
        .position(|b| !b.is_ascii_alphanumeric())?;
    if rest.as_bytes().get(end) != Some(&b';') || end == 0 {
        return None;
    }
    let name = &rest[..end];
    let i = NAMED.binary_search_by(|(n, _)| (*n).cmp(name)).ok()?;
    Some((NAMED[i].1, 1 + end + 1))
}

/// The repair pass: every reference decoded once (the pipeline repeats until nothing
/// changes, so "&amp;lt;" ends as "<").
pub(crate) fn pass(src: &str) -> Option<PassOut> {
    let mut rw = Rewriter::new(src);
    for i in memchr::memchr_iter(b'&', src.as_bytes()) {
        if i < rw.done() {
            continue;
        }
        if let Some((c, len)) = decode_entity(&src[i..]) {
            let mut buf = [0u8; 4];
            let with = if is_zero_width(c) {
                ""
            } else {
                c.encode_utf8(&mut buf)
            };
            if c.is_ascii() || with.is_empty() {
                // "&amp;lt;", "&am&#112;;", "&amp&#8203;;": the decoded (or removed)
                // character may start, end or join another reference
                rw.mark_dirty();
            }
            rw.replace(i..i + len, with, RepairKind::Entity);
        }
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_table_is_sorted() {
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn decodes_references() {
        let cases = [
            ("a &amp; b", "a & b"),
            ("&lt;p&gt;", "<p>"),
            ("&#3585;&#x0E02;&#X0e04;", "กขค"),
            ("&#๓๕๘๕;", "ก"),
            ("&nbsp;", "\u{00A0}"),
            ("&ldquo;ITA&rdquo;", "“ITA”"),
            ("ก&#8203;ข", "กข"),
            ("&#0;", "\u{FFFD}"),
            ("&#xD800;", "\u{FFFD}"),
            ("&#150;", "–"),
            ("&AMP;", "&"),
            // left as written
            ("Q&A", "Q&A"),
            ("AT&T;", "AT&T;"),
            ("&amp", "&amp"),
            ("&unknown;", "&unknown;"),
            ("&#;", "&#;"),
            ("&#10;", "&#10;"),
            ("&#x;", "&#x;"),
            ("& ;", "& ;"),
            ("&#99999999999;", "&#99999999999;"),
        ];
        for (input, want) in cases {
            let got = pass(input)
                .map(|p| p.text)
                .unwrap_or_else(|| input.to_string());
            assert_eq!(got, want, "{input:?}");
        }
    }
}
