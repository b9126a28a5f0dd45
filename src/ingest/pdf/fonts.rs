//! PDF fonts as the interpreter needs them: how a string splits into codes, each code's
//! advance width, its Unicode text and whether it is a checkbox.
//!
//! Text comes from, in order: the ToUnicode CMap, `/Differences` glyph names, the base
//! encoding, the embedded TrueType `cmap` (inverted). For Type0 fonts the embedded
//! `cmap` is also a cross-check: where it names a Thai character for a glyph that
//! ToUnicode maps to a space or to a different Thai character, the font wins. That
//! repairs two faults of Word exports — the NIKHAHIT glyph of SARA AM mapped to U+0020
//! ("ด าเนิน" → "ดำเนิน") and the SARA AA glyph mapped to SARA AM ("ควำม" → "ความ") —
//! without guessing from words.

use super::checkboxes::{classify, BoxState, SymbolFont};
use super::cmap::ToUnicode;
use super::encoding::{glyph_name_to_unicode, BaseEncoding};
use super::truetype;
use lopdf::{Dictionary, Document, Object};
use std::cell::OnceCell;
use std::collections::HashMap;

/// What one character code of a font means.
#[derive(Debug, Clone)]
pub struct CodeInfo {
    /// Unicode text; U+FFFD when nothing maps the code.
    pub text: String,
    /// Advance in text space per unit font size (glyph width / 1000).
    pub width: f64,
    /// The checkbox this glyph shows, if it is one.
    pub checkbox: Option<BoxState>,
    /// No source gave text for the code.
    pub unmapped: bool,
    /// ToUnicode was overruled by the embedded font's `cmap`.
    pub repaired: bool,
}

/// One loaded font.
#[derive(Debug)]
pub struct Font {
    #[allow(dead_code)]
    pub base_font: String,
    pub symbol: SymbolFont,
    /// Type0 (composite) font.
    composite: bool,
    /// Codespace of a non-Identity composite encoding (embedded CMap).
    codespace: Option<ToUnicode>,
    to_unicode: Option<ToUnicode>,
    /// Entries the ToUnicode CMap declared when it was cut at its limit
    /// (`PdfOptions::max_cmap_entries`): the codes past it read as unmapped.
    pub cmap_overflow: Option<u64>,
    /// The composite font's `/W` array held more than [`MAX_CID_WIDTHS`] widths: the
    /// codes past them take the default width (their positions may drift).
    pub widths_cut: bool,
    /// Simple fonts: text per code from `/Differences` or the base encoding.
    simple: Vec<Option<String>>,
    widths: HashMap<u32, f64>,
    default_width: f64,
    /// Type3 glyph-space to text-space scale (FontMatrix a), else 0.001.
    scale: f64,
    cid_to_gid: Option<Vec<u16>>,
    /// Embedded TrueType font program, read lazily.
    font_file: Option<lopdf::ObjectId>,
    font_file_inline: Option<Vec<u8>>,
    gid_unicode: OnceCell<HashMap<u16, char>>,
    max_stream: usize,
    cache: std::cell::RefCell<HashMap<u32, CodeInfo>>,
}

/// Most widths read from a composite font's `/W` array (a range counts each code).
pub const MAX_CID_WIDTHS: usize = 200_000;

fn is_thai(c: char) -> bool {
    ('\u{0E01}'..='\u{0E5B}').contains(&c) || ('\u{F700}'..='\u{F71A}').contains(&c)
}

fn num(o: &Object) -> Option<f64> {
    o.as_float().ok().map(f64::from).filter(|v| v.is_finite())
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

impl Font {
    /// Load a font dictionary, its ToUnicode CMap kept to `max_cmap` entries. Never
    /// fails: missing parts fall back to defaults.
    pub fn load(doc: &Document, dict: &Dictionary, max_stream: usize, max_cmap: usize) -> Font {
        let name = |d: &Dictionary, k: &[u8]| -> Option<String> {
            d.get_deref(k, doc)
                .ok()
                .and_then(|o| o.as_name().ok())
                .map(|n| String::from_utf8_lossy(n).into_owned())
        };
        let base_font = name(dict, b"BaseFont").unwrap_or_default();
        let subtype = name(dict, b"Subtype").unwrap_or_default();
        let composite = subtype == "Type0";
        let stream_bytes = |o: &Object| -> Option<Vec<u8>> {
            let s = deref(doc, o).as_stream().ok()?;
            s.decompressed_content_with_limit(max_stream)
                .ok()
                .or_else(|| (s.dict.get(b"Filter").is_err()).then(|| s.content.clone()))
        };
        let to_unicode = dict
            .get(b"ToUnicode")
            .ok()
            .and_then(stream_bytes)
            .map(|b| ToUnicode::parse_limited(&b, max_cmap));
        let mut font = Font {
            cmap_overflow: to_unicode.as_ref().and_then(|t| t.overflow),
            widths_cut: false,
            symbol: SymbolFont::from_base_font(&base_font),
            base_font,
            composite,
            codespace: None,
            to_unicode,
            simple: Vec::new(),
            widths: HashMap::new(),
            default_width: if composite { 1.0 } else { 0.5 },
            scale: 0.001,
            cid_to_gid: None,
            font_file: None,
            font_file_inline: None,
            gid_unicode: OnceCell::new(),
            max_stream,
            cache: Default::default(),
        };
        if composite {
            font.load_composite(doc, dict, &stream_bytes);
        } else {
            font.load_simple(doc, dict, &subtype);
        }
        font
    }

    fn set_font_file(&mut self, doc: &Document, desc: &Dictionary) {
        match desc.get(b"FontFile2") {
            Ok(Object::Reference(id)) => self.font_file = Some(*id),
            Ok(o @ Object::Stream(_)) => {
                self.font_file_inline = o
                    .as_stream()
                    .ok()
                    .and_then(|s| s.decompressed_content_with_limit(self.max_stream).ok())
            }
            _ => {}
        }
        let _ = doc;
    }

    fn load_composite(
        &mut self,
        doc: &Document,
        dict: &Dictionary,
        stream_bytes: &dyn Fn(&Object) -> Option<Vec<u8>>,
    ) {
        match dict.get(b"Encoding").map(|o| deref(doc, o)) {
            Ok(Object::Name(n)) if n.starts_with(b"Identity") => {}
            Ok(o @ Object::Stream(_)) => {
                self.codespace = stream_bytes(o).map(|b| ToUnicode::parse(&b))
            }
            // Predefined CJK CMaps: two-byte codes are the usual case.
            _ => {}
        }
        let Some(desc) = dict
            .get_deref(b"DescendantFonts", doc)
            .ok()
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, o).as_dict().ok())
        else {
            return;
        };
        if let Some(dw) = desc.get_deref(b"DW", doc).ok().and_then(num) {
            self.default_width = dw / 1000.0;
        }
        if let Ok(w) = desc.get_deref(b"W", doc).and_then(Object::as_array) {
            let mut i = 0;
            let mut budget = MAX_CID_WIDTHS;
            while i < w.len() && budget > 0 {
                let Some(first) = num(deref(doc, &w[i])) else {
                    break;
                };
                match w.get(i + 1).map(|o| deref(doc, o)) {
                    Some(Object::Array(ws)) => {
                        for (k, o) in ws.iter().enumerate() {
                            if let Some(v) = num(deref(doc, o)) {
                                self.widths.insert(first as u32 + k as u32, v / 1000.0);
                            }
                            budget = budget.saturating_sub(1);
                        }
                        i += 2;
                    }
                    Some(o) => {
                        let (Some(last), Some(v)) =
                            (num(o), w.get(i + 2).and_then(|o| num(deref(doc, o))))
                        else {
                            break;
                        };
                        let (a, b) = (first as u32, (last as u32).min(first as u32 + 65535));
                        for c in a..=b {
                            self.widths.insert(c, v / 1000.0);
                        }
                        budget = budget.saturating_sub((b - a) as usize + 1);
                        i += 3;
                    }
                    None => break,
                }
            }
            self.widths_cut = budget == 0 && i < w.len();
        }
        if let Ok(o @ Object::Stream(_)) = desc.get(b"CIDToGIDMap").map(|o| deref(doc, o)) {
            if let Some(b) = stream_bytes(o) {
                self.cid_to_gid = Some(
                    b.chunks(2)
                        .map(|c| (c[0] as u16) << 8 | c.get(1).copied().unwrap_or(0) as u16)
                        .collect(),
                );
            }
        }
        if let Ok(fd) = desc
            .get_deref(b"FontDescriptor", doc)
            .and_then(Object::as_dict)
        {
            self.set_font_file(doc, fd);
        }
    }

    fn load_simple(&mut self, doc: &Document, dict: &Dictionary, subtype: &str) {
        if subtype == "Type3" {
            if let Ok(m) = dict
                .get_deref(b"FontMatrix", doc)
                .and_then(Object::as_array)
            {
                if let Some(a) = m.first().and_then(num) {
                    if a.abs() > 1e-9 && a.abs() < 10.0 {
                        self.scale = a.abs();
                    }
                }
            }
        }
        let fd = dict
            .get_deref(b"FontDescriptor", doc)
            .and_then(Object::as_dict)
            .ok();
        let symbolic = fd
            .and_then(|d| d.get_deref(b"Flags", doc).ok())
            .and_then(|o| o.as_i64().ok())
            .map(|f| f & 4 != 0 && f & 32 == 0)
            .unwrap_or(false);
        if let Some(d) = fd {
            if let Some(mw) = d.get_deref(b"MissingWidth", doc).ok().and_then(num) {
                self.default_width = mw * self.scale;
            }
            self.set_font_file(doc, d);
        }
        let first = dict
            .get_deref(b"FirstChar", doc)
            .ok()
            .and_then(|o| o.as_i64().ok())
            .unwrap_or(0)
            .clamp(0, 255) as u32;
        if let Ok(ws) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) {
            for (k, o) in ws.iter().take(256).enumerate() {
                if let Some(v) = num(deref(doc, o)) {
                    self.widths.insert(first + k as u32, v * self.scale);
                }
            }
        }
        // Encoding: base + differences.
        let mut base = if symbolic || self.symbol != SymbolFont::Other {
            BaseEncoding::Builtin
        } else if subtype == "Type1" {
            BaseEncoding::Standard
        } else {
            BaseEncoding::WinAnsi
        };
        let mut diffs: Vec<(u32, String)> = Vec::new();
        match dict.get(b"Encoding").map(|o| deref(doc, o)) {
            Ok(Object::Name(n)) => base = BaseEncoding::from_name(n).unwrap_or(base),
            Ok(Object::Dictionary(d)) => {
                if let Ok(n) = d.get(b"BaseEncoding").and_then(Object::as_name) {
                    base = BaseEncoding::from_name(n).unwrap_or(base);
                }
                if let Ok(arr) = d.get_deref(b"Differences", doc).and_then(Object::as_array) {
                    let mut code = 0u32;
                    for o in arr.iter().take(1024) {
                        match deref(doc, o) {
                            Object::Integer(i) => code = (*i).clamp(0, 255) as u32,
                            Object::Name(n) => {
                                if code < 256 {
                                    diffs.push((code, String::from_utf8_lossy(n).into_owned()));
                                }
                                code += 1;
                            }
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
        self.simple = (0..256u32)
            .map(|c| base.decode(c as u8).map(String::from))
            .collect();
        for (code, name) in diffs {
            self.simple[code as usize] = glyph_name_to_unicode(&name);
        }
    }

    /// Split a string operand into codes: (code, byte length).
    pub fn codes<'b>(&'b self, bytes: &'b [u8]) -> impl Iterator<Item = (u32, usize)> + 'b {
        let mut i = 0;
        std::iter::from_fn(move || {
            if i >= bytes.len() {
                return None;
            }
            let len = if !self.composite {
                1
            } else if let Some(cs) = &self.codespace {
                cs.code_len(&bytes[i..], 2)
            } else {
                2
            }
            .min(bytes.len() - i)
            .max(1);
            let code = bytes[i..i + len]
                .iter()
                .fold(0u32, |a, &b| a << 8 | b as u32);
            i += len;
            Some((code, len))
        })
    }

    fn gid_unicode(&self, doc: &Document) -> &HashMap<u16, char> {
        self.gid_unicode.get_or_init(|| {
            if let Some(b) = &self.font_file_inline {
                return truetype::glyph_to_unicode(b);
            }
            self.font_file
                .and_then(|id| doc.get_object(id).ok())
                .and_then(|o| o.as_stream().ok())
                .and_then(|s| s.decompressed_content_with_limit(self.max_stream).ok())
                .map(|b| truetype::glyph_to_unicode(&b))
                .unwrap_or_default()
        })
    }

    fn gid(&self, code: u32) -> u16 {
        match &self.cid_to_gid {
            Some(map) => map.get(code as usize).copied().unwrap_or(0),
            None => code as u16,
        }
    }

    /// What a code means (cached per font).
    pub fn info(&self, doc: &Document, code: u32) -> CodeInfo {
        if let Some(i) = self.cache.borrow().get(&code) {
            return i.clone();
        }
        let info = self.compute(doc, code);
        self.cache.borrow_mut().insert(code, info.clone());
        info
    }

    fn compute(&self, doc: &Document, code: u32) -> CodeInfo {
        let width = self
            .widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width);
        let tu = self
            .to_unicode
            .as_ref()
            .and_then(|t| t.map.get(&code))
            .cloned();
        let mut repaired = false;
        let text = if self.composite {
            let tu_char = tu.as_deref().and_then(|s| {
                let mut cs = s.chars();
                let c = cs.next()?;
                cs.next().is_none().then_some(c)
            });
            // The known faults: no entry; a zero-width glyph mapped to whitespace (a
            // mark, e.g. NIKHAHIT); SARA AM on a glyph that may be SARA AA; legacy PUA.
            // Only these consult the embedded font, so most fonts are never inflated.
            let suspicious = match (&tu, tu_char) {
                (None, _) => true,
                (Some(s), _) if s.trim().is_empty() => width < 0.1,
                (_, Some(c)) => c == '\u{0E33}' || ('\u{F700}'..='\u{F71A}').contains(&c),
                _ => false,
            };
            let font_char = if suspicious {
                self.gid_unicode(doc).get(&self.gid(code)).copied()
            } else {
                None
            };
            match (tu, font_char) {
                (Some(t), Some(f))
                    if is_thai(f)
                        && tu_char != Some(f)
                        && (t.trim().is_empty() || tu_char.is_some_and(is_thai)) =>
                {
                    repaired = true;
                    Some(f.to_string())
                }
                (Some(t), _) => Some(t),
                (None, Some(f)) => Some(f.to_string()),
                (None, None) => None,
            }
        } else {
            tu.or_else(|| self.simple.get(code as usize).cloned().flatten())
        };
        let unmapped = text.is_none();
        let text = text.unwrap_or_else(|| "\u{FFFD}".to_string());
        let checkbox = classify(self.symbol, &text, (!self.composite).then_some(code));
        let text = match checkbox {
            None => super::checkboxes::symbol_text(self.symbol, &text)
                .map(String::from)
                .unwrap_or(text),
            Some(_) => text,
        };
        CodeInfo {
            text,
            width,
            checkbox,
            unmapped,
            repaired,
        }
    }
}
