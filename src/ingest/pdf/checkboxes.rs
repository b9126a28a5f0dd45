//! Checkboxes in born-digital PDFs, rendered as ☐ ☑ ☒ in the page text:
//! symbol-font glyphs decided by (font family, code) — both the U+F0xx form a symbol
//! `cmap` gives and the Latin-1 form of the same byte —, Unicode box characters in any
//! font, AcroForm checkbox widgets (`/FT /Btn`, on when `/AS` or `/V` is not `/Off`),
//! and legacy form fields drawn as vector squares (ticked when diagonals cross them).

use crate::vocab::{font_glyph_state, GlyphFont, GlyphState};
use lopdf::{Dictionary, Document, Object};

/// The state of one checkbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoxState {
    Empty,
    Ticked,
    Crossed,
}

impl BoxState {
    /// The character the page text shows.
    pub fn as_char(self) -> char {
        match self {
            BoxState::Empty => '\u{2610}',
            BoxState::Ticked => '\u{2611}',
            BoxState::Crossed => '\u{2612}',
        }
    }
}

/// The symbol fonts whose codes mean checkboxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolFont {
    Wingdings,
    Wingdings2,
    /// Adobe Symbol (bullets and math signs in Word lists).
    Symbol,
    Other,
}

impl SymbolFont {
    /// Classify a `/BaseFont` name: subset prefix (`ABCDEF+`) dropped, case, spaces,
    /// hyphens and style suffixes ignored.
    pub fn from_base_font(name: &str) -> SymbolFont {
        let name = match name.split_once('+') {
            Some((prefix, rest)) if prefix.len() == 6 => rest,
            _ => name,
        };
        let norm: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if norm.starts_with("wingdings2") {
            SymbolFont::Wingdings2
        } else if norm.starts_with("wingdings3") {
            SymbolFont::Other
        } else if norm.starts_with("wingdings") {
            SymbolFont::Wingdings
        } else if norm == "symbol" || norm == "symbolmt" {
            SymbolFont::Symbol
        } else {
            SymbolFont::Other
        }
    }
}

impl From<GlyphState> for BoxState {
    fn from(s: GlyphState) -> Self {
        match s {
            GlyphState::Unchecked => BoxState::Empty,
            GlyphState::Checked => BoxState::Ticked,
            GlyphState::Crossed => BoxState::Crossed,
        }
    }
}

impl BoxState {
    /// The model's state of this box.
    pub fn model(self) -> crate::layout::BoxState {
        match self {
            BoxState::Empty => crate::layout::BoxState::Unchecked,
            BoxState::Ticked => crate::layout::BoxState::Checked,
            BoxState::Crossed => crate::layout::BoxState::Crossed,
        }
    }
}

/// The checkbox a glyph shows, from its font and its Unicode text (or its one-byte code
/// when the font gives no text), by the glyph table `data/vocab/checkbox_glyphs.tsv`.
pub fn classify(font: SymbolFont, text: &str, code: Option<u32>) -> Option<BoxState> {
    let mut chars = text.chars();
    let first = chars.next();
    let single = if chars.next().is_none() { first } else { None };
    if let Some(c) = single {
        if let Some(s) = font_glyph_state(GlyphFont::Unicode, c as u32) {
            return Some(s.into());
        }
    }
    let table = match font {
        SymbolFont::Symbol => return None,
        // A symbol-font code point kept by a substitute font (LibreOffice draws
        // Wingdings with OpenSymbol at the same U+F0xx when Wingdings is missing).
        SymbolFont::Other => {
            return single.and_then(|c| font_glyph_state(GlyphFont::Pua, c as u32).map(Into::into))
        }
        SymbolFont::Wingdings => GlyphFont::Wingdings,
        SymbolFont::Wingdings2 => GlyphFont::Wingdings2,
    };
    // The symbol-page byte: U+F0xx or a Latin-1 character, else the raw code.
    let byte = match single.map(|c| c as u32) {
        Some(u @ 0xF000..=0xF0FF) => u & 0xFF,
        Some(u @ 0x20..=0xFF) => u,
        _ => match code {
            Some(c) if c <= 0xFF => c,
            _ => return None,
        },
    };
    font_glyph_state(table, byte).map(Into::into)
}

/// The box a lone Latin-1 letter stands for when a Wingdings / Wingdings 2 run was
/// drawn with a substitute font (the PDF then says "þ" or "R" in DejaVu Sans). Only
/// used for a standalone one-letter token next to Thai text (see layout).
pub fn substitute_letter(text: &str) -> Option<BoxState> {
    match text {
        "\u{FE}" | "R" => Some(BoxState::Ticked),
        "\u{A8}" | "\u{A3}" => Some(BoxState::Empty),
        "\u{FD}" | "S" | "T" => Some(BoxState::Crossed),
        _ => None,
    }
}

/// Readable text for the other symbol-font glyphs ITA reports use (check marks without a
/// box, list bullets), which otherwise come out as private-use U+F0xx or Latin-1 letters.
pub fn symbol_text(font: SymbolFont, text: &str) -> Option<&'static str> {
    let mut chars = text.chars();
    let c = chars.next()? as u32;
    if chars.next().is_some() {
        return None;
    }
    let pua = (0xF020..=0xF0FF).contains(&c);
    let byte = if pua { c & 0xFF } else { c };
    Some(match (font, byte) {
        (SymbolFont::Wingdings, 0xFC) => "\u{2713}",
        (SymbolFont::Wingdings, 0xFB) => "\u{2717}",
        (SymbolFont::Wingdings, 0x9F | 0x6C) => "\u{25CF}",
        (SymbolFont::Wingdings, 0xA7 | 0x6E) => "\u{25AA}",
        (SymbolFont::Wingdings, 0x76) => "\u{2756}",
        (SymbolFont::Wingdings, 0xD8) => "\u{27A2}",
        (SymbolFont::Wingdings2, 0x50) => "\u{2713}",
        (SymbolFont::Wingdings2, 0x4F) => "\u{2717}",
        (SymbolFont::Symbol, 0xB7) => "\u{2022}",
        (SymbolFont::Symbol, 0xD7) => "\u{00D7}",
        (SymbolFont::Symbol, 0xAE) => "\u{2192}",
        (SymbolFont::Symbol, 0xB0) => "\u{00B0}",
        // U+F0xx in an unknown (substitute) font: the Wingdings check marks and the
        // Symbol bullet, the only ones common enough to guess.
        (SymbolFont::Other, 0xFC) if pua => "\u{2713}",
        (SymbolFont::Other, 0xFB) if pua => "\u{2717}",
        (SymbolFont::Other, 0xB7) if pua => "\u{2022}",
        _ => return None,
    })
}

/// A check mark without a box (drawn over an empty box by some authors).
pub fn is_tick_mark(font: SymbolFont, text: &str) -> bool {
    let c = text.chars().next().map(|c| c as u32).unwrap_or(0);
    let byte = if (0xF000..=0xF0FF).contains(&c) {
        c & 0xFF
    } else {
        c
    };
    (0x2713..=0x2718).contains(&c)
        || (font == SymbolFont::Wingdings && matches!(byte, 0xFC | 0xFB))
        || (font == SymbolFont::Wingdings2 && matches!(byte, 0x50 | 0x4F))
}

/// A checkbox widget: its state and rectangle in PDF points.
#[derive(Debug, Clone, PartialEq)]
pub struct Widget {
    pub state: BoxState,
    pub rect: [f64; 4],
}

fn name_of<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    dict.get_deref(key, doc).ok()?.as_name().ok()
}

/// Checkbox widgets among a page's annotations. `/FT` and `/Ff` are inherited from
/// parent fields (bounded walk); radio buttons and push buttons are skipped.
pub fn page_widgets(doc: &Document, page: &Dictionary) -> Vec<Widget> {
    let mut out = Vec::new();
    let Ok(annots) = page.get_deref(b"Annots", doc).and_then(Object::as_array) else {
        return out;
    };
    for a in annots.iter().take(10_000) {
        let dict = match a {
            Object::Reference(id) => match doc.get_dictionary(*id) {
                Ok(d) => d,
                Err(_) => continue,
            },
            Object::Dictionary(d) => d,
            _ => continue,
        };
        if name_of(doc, dict, b"Subtype") != Some(b"Widget") {
            continue;
        }
        // Inherit FT and Ff.
        let (mut ft, mut ff): (Option<&[u8]>, Option<i64>) = (None, None);
        let mut v: Option<&[u8]> = None;
        let mut cur = dict;
        for _ in 0..16 {
            ft = ft.or_else(|| name_of(doc, cur, b"FT"));
            ff = ff.or_else(|| cur.get_deref(b"Ff", doc).ok().and_then(|o| o.as_i64().ok()));
            v = v.or_else(|| name_of(doc, cur, b"V"));
            match cur.get_deref(b"Parent", doc).and_then(Object::as_dict) {
                Ok(p) => cur = p,
                Err(_) => break,
            }
        }
        if ft != Some(b"Btn") {
            continue;
        }
        let ff = ff.unwrap_or(0);
        if ff & 0x8000 != 0 || ff & 0x10000 != 0 {
            continue;
        }
        let state = name_of(doc, dict, b"AS").or(v);
        let on = matches!(state, Some(s) if s != b"Off");
        let Ok(rect) = dict.get_deref(b"Rect", doc).and_then(Object::as_array) else {
            continue;
        };
        let r: Vec<f64> = rect
            .iter()
            .filter_map(|o| o.as_float().ok())
            .map(f64::from)
            .collect();
        if r.len() != 4 || r.iter().any(|x| !x.is_finite()) {
            continue;
        }
        out.push(Widget {
            state: if on {
                BoxState::Ticked
            } else {
                BoxState::Empty
            },
            rect: [
                r[0].min(r[2]),
                r[1].min(r[3]),
                r[0].max(r[2]),
                r[1].max(r[3]),
            ],
        });
    }
    out
}

/// A small stroked square that may be a legacy form checkbox.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Square {
    pub rect: [f64; 4],
}

/// Whether a rectangle has checkbox proportions: 6–20 pt, nearly square.
pub fn is_box_size(w: f64, h: f64) -> bool {
    (6.0..=20.0).contains(&w) && (6.0..=20.0).contains(&h) && (w / h - 1.0).abs() < 0.2
}

/// The state of a vector square: ticked when at least one diagonal segment lies inside
/// it (LibreOffice draws a checked legacy form field as a square with an X), else empty.
pub fn square_state(sq: &Square, diagonals: &[[f64; 4]]) -> BoxState {
    let [x0, y0, x1, y1] = sq.rect;
    let tol = 1.5;
    let inside = |x: f64, y: f64| x >= x0 - tol && x <= x1 + tol && y >= y0 - tol && y <= y1 + tol;
    let n = diagonals
        .iter()
        .filter(|d| {
            inside(d[0], d[1])
                && inside(d[2], d[3])
                && (d[2] - d[0]).abs() > (x1 - x0) * 0.4
                && (d[3] - d[1]).abs() > (y1 - y0) * 0.4
        })
        .count();
    if n >= 1 {
        BoxState::Ticked
    } else {
        BoxState::Empty
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbol_fonts() {
        for (name, want) in [
            ("BCDJEE+Wingdings-Regular", SymbolFont::Wingdings),
            ("BCDHEE+Wingdings2", SymbolFont::Wingdings2),
            ("Wingdings 2", SymbolFont::Wingdings2),
            ("Wingdings3", SymbolFont::Other),
            ("ABCDEE+TH SarabunPSK", SymbolFont::Other),
        ] {
            assert_eq!(SymbolFont::from_base_font(name), want, "{name}");
        }
    }

    #[test]
    fn classify_table() {
        use BoxState::*;
        use SymbolFont::*;
        let cases: &[(SymbolFont, &str, Option<u32>, Option<BoxState>)] = &[
            (Wingdings, "\u{F0FE}", None, Some(Ticked)),
            (Wingdings, "\u{FE}", None, Some(Ticked)),
            (Wingdings, "\u{F0A8}", None, Some(Empty)),
            (Wingdings, "\u{A8}", None, Some(Empty)),
            (Wingdings, "\u{F0FD}", None, Some(Crossed)),
            (Wingdings2, "\u{F052}", None, Some(Ticked)),
            (Wingdings2, "R", None, Some(Ticked)),
            (Wingdings2, "\u{F0A3}", None, Some(Empty)),
            (Wingdings2, "S", None, Some(Crossed)),
            (Wingdings2, "T", None, Some(Crossed)),
            (Wingdings2, "", Some(0x52), Some(Ticked)),
            (Other, "R", Some(0x52), None),
            (Other, "\u{2610}", None, Some(Empty)),
            (Other, "\u{2611}", None, Some(Ticked)),
            (Other, "\u{2612}", None, Some(Crossed)),
            (Wingdings, "\u{F0FC}", None, None),
            (Other, "\u{F0FE}", None, Some(Ticked)),
            (Other, "\u{F0A8}", None, Some(Empty)),
            (Other, "\u{F0B7}", None, None),
            (Symbol, "\u{F0B7}", None, None),
        ];
        for (f, t, c, want) in cases {
            assert_eq!(classify(*f, t, *c), *want, "{f:?} {t:?} {c:?}");
        }
    }

    #[test]
    fn symbol_texts() {
        use SymbolFont::*;
        for (f, t, want) in [
            (Wingdings, "\u{F0FC}", Some("✓")),
            (Wingdings, "\u{FC}", Some("✓")),
            (Wingdings2, "P", Some("✓")),
            (Symbol, "\u{F0B7}", Some("•")),
            (Other, "\u{F0B7}", Some("•")),
            (Other, "\u{B7}", None),
            (Other, "P", None),
            (Wingdings, "ab", None),
        ] {
            assert_eq!(symbol_text(f, t), want, "{f:?} {t:?}");
        }
        assert!(is_tick_mark(Other, "✓"));
    }

    #[test]
    fn vector_squares() {
        let sq = Square {
            rect: [100.0, 100.0, 110.0, 110.0],
        };
        assert_eq!(square_state(&sq, &[]), BoxState::Empty);
        let d1 = [100.0, 100.0, 110.0, 110.0];
        let d2 = [100.0, 110.0, 110.0, 100.0];
        assert_eq!(square_state(&sq, &[d1]), BoxState::Ticked);
        assert_eq!(square_state(&sq, &[d1, d2]), BoxState::Ticked);
        assert_eq!(
            square_state(&sq, &[[200.0, 200.0, 210.0, 210.0]]),
            BoxState::Empty
        );
        assert!(is_box_size(10.0, 10.5));
        assert!(!is_box_size(40.0, 10.0));
    }
}
