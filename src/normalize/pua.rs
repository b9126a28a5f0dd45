//! Thai font Private Use Area glyphs to standard code points.
//!
//! Legacy Thai fonts (TH Sarabun, Tahoma, Angsana/Cordia, the TLWG fonts) hold shifted
//! variants of the above/below marks at Windows PUA U+F700-U+F71A (Apple: U+F884-U+F89E);
//! text shaped without OpenType, or a ToUnicode CMap built from the font's `cmap`, carries
//! them. The mapping is HarfBuzz's Thai fallback shaper (`src/hb-ot-shaper-thai.cc`, tables
//! `SD/SDL/SL/RD_mappings`), a pure 1:1 substitution; see
//! `../shared/reference/thai-pdf-notes.md` §1.1.

use super::offset_map::{PassOut, Rewriter};
use super::RepairKind;

/// Windows PUA U+F700..=U+F71A, in order.
const WIN: [char; 27] = [
    '\u{0E10}', // F700 THO THAN, descender removed
    '\u{0E34}', // F701 SARA I, shift left
    '\u{0E35}', // F702 SARA II, shift left
    '\u{0E36}', // F703 SARA UE, shift left
    '\u{0E37}', // F704 SARA UEE, shift left
    '\u{0E48}', // F705 MAI EK, down-left
    '\u{0E49}', // F706 MAI THO, down-left
    '\u{0E4A}', // F707 MAI TRI, down-left
    '\u{0E4B}', // F708 MAI CHATTAWA, down-left
    '\u{0E4C}', // F709 THANTHAKHAT, down-left
    '\u{0E48}', // F70A MAI EK, shift down
    '\u{0E49}', // F70B MAI THO, shift down
    '\u{0E4A}', // F70C MAI TRI, shift down
    '\u{0E4B}', // F70D MAI CHATTAWA, shift down
    '\u{0E4C}', // F70E THANTHAKHAT, shift down
    '\u{0E0D}', // F70F YO YING, descender removed
    '\u{0E31}', // F710 MAI HAN-AKAT, shift left
    '\u{0E4D}', // F711 NIKHAHIT, shift left
    '\u{0E47}', // F712 MAITAIKHU, shift left
    '\u{0E48}', // F713 MAI EK, shift left
    '\u{0E49}', // F714 MAI THO, shift left
    '\u{0E4A}', // F715 MAI TRI, shift left
    '\u{0E4B}', // F716 MAI CHATTAWA, shift left
    '\u{0E4C}', // F717 THANTHAKHAT, shift left
    '\u{0E38}', // F718 SARA U, shift down
    '\u{0E39}', // F719 SARA UU, shift down
    '\u{0E3A}', // F71A PHINTHU, shift down
];

/// Apple PUA U+F884..=U+F89E, in order.
const MAC: [char; 27] = [
    '\u{0E31}', // F884 MAI HAN-AKAT
    '\u{0E34}', // F885 SARA I
    '\u{0E35}', // F886 SARA II
    '\u{0E36}', // F887 SARA UE
    '\u{0E37}', // F888 SARA UEE
    '\u{0E47}', // F889 MAITAIKHU
    '\u{0E48}', // F88A MAI EK (shift left)
    '\u{0E48}', // F88B MAI EK (shift down)
    '\u{0E48}', // F88C MAI EK (down-left)
    '\u{0E49}', // F88D MAI THO
    '\u{0E49}', // F88E
    '\u{0E49}', // F88F
    '\u{0E4A}', // F890 MAI TRI
    '\u{0E4A}', // F891
    '\u{0E4A}', // F892
    '\u{0E4B}', // F893 MAI CHATTAWA
    '\u{0E4B}', // F894
    '\u{0E4B}', // F895
    '\u{0E4C}', // F896 THANTHAKHAT
    '\u{0E4C}', // F897
    '\u{0E4C}', // F898
    '\u{0E4D}', // F899 NIKHAHIT
    '\u{0E0D}', // F89A YO YING
    '\u{0E38}', // F89B SARA U
    '\u{0E39}', // F89C SARA UU
    '\u{0E3A}', // F89D PHINTHU
    '\u{0E10}', // F89E THO THAN
];

/// The standard Thai character a font PUA glyph stands for.
pub fn pua_to_thai(c: char) -> Option<char> {
    match c as u32 {
        cp @ 0xF700..=0xF71A => Some(WIN[(cp - 0xF700) as usize]),
        cp @ 0xF884..=0xF89E => Some(MAC[(cp - 0xF884) as usize]),
        _ => None,
    }
}

/// The repair pass: every Thai PUA glyph to its standard code point.
pub(crate) fn pass(src: &str) -> Option<PassOut> {
    let b = src.as_bytes();
    let mut rw = Rewriter::new(src);
    // U+F700..U+F71A = EF 9C 80..9A; U+F884..U+F89E = EF A2 84..9E.
    for i in memchr::memchr_iter(0xEF, b) {
        if i < rw.done() || i + 2 >= b.len() {
            continue;
        }
        if !matches!(b[i + 1], 0x9C | 0xA2) {
            continue;
        }
        let Some(c) = src.get(i..i + 3).and_then(|s| s.chars().next()) else {
            continue;
        };
        if let Some(t) = pua_to_thai(c) {
            let mut buf = [0u8; 4];
            rw.replace(i..i + 3, t.encode_utf8(&mut buf), RepairKind::Pua);
        }
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_windows_and_mac_pua() {
        let cases = [
            ('\u{F700}', '\u{0E10}'),
            ('\u{F705}', '\u{0E48}'),
            ('\u{F706}', '\u{0E49}'),
            ('\u{F709}', '\u{0E4C}'),
            ('\u{F70A}', '\u{0E48}'),
            ('\u{F70B}', '\u{0E49}'),
            ('\u{F70C}', '\u{0E4A}'),
            ('\u{F70D}', '\u{0E4B}'),
            ('\u{F70E}', '\u{0E4C}'),
            ('\u{F70F}', '\u{0E0D}'),
            ('\u{F710}', '\u{0E31}'),
            ('\u{F711}', '\u{0E4D}'),
            ('\u{F712}', '\u{0E47}'),
            ('\u{F713}', '\u{0E48}'),
            ('\u{F717}', '\u{0E4C}'),
            ('\u{F718}', '\u{0E38}'),
            ('\u{F719}', '\u{0E39}'),
            ('\u{F71A}', '\u{0E3A}'),
            ('\u{F884}', '\u{0E31}'),
            ('\u{F88B}', '\u{0E48}'),
            ('\u{F899}', '\u{0E4D}'),
            ('\u{F89E}', '\u{0E10}'),
        ];
        for (pua, want) in cases {
            assert_eq!(pua_to_thai(pua), Some(want), "{:X}", pua as u32);
        }
        for other in [
            '\u{F6FF}', '\u{F71B}', '\u{F883}', '\u{F89F}', '\u{F052}', 'ก',
        ] {
            assert_eq!(pua_to_thai(other), None, "{:X}", other as u32);
        }
    }

    #[test]
    fn pass_rewrites_text() {
        let cases = [
            ("ที\u{F70B}", "ที้"),
            ("ผู\u{F70B}", "ผู้"),
            ("\u{F700}าน", "ฐาน"),
            ("ก\u{F710}\u{F70A}", "กั่"),
            ("plain \u{F052} text", "plain \u{F052} text"),
        ];
        for (input, want) in cases {
            let got = pass(input)
                .map(|p| p.text)
                .unwrap_or_else(|| input.to_string());
            assert_eq!(got, want, "{input:?}");
        }
    }
}
