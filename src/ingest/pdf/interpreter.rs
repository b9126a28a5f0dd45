//! The content-stream interpreter: text state and CTM (`Tf Tj TJ ' " Td TD Tm T* TL Tc
//! Tw Tz Ts BT ET cm q Q`), marked content with `/ActualText` (which replaces the glyphs
//! it spans), Form XObjects (`Do`, depth-bounded and cycle-safe) and path operators
//! (`m l c v y h re` painted by `S s f F f* B B* b b* n`) for ruling lines and
//! vector checkboxes. Output: positioned glyphs and line segments in page space.

use super::checkboxes::{is_box_size, is_tick_mark, BoxState, Square};
use super::fonts::{Font, MAX_CID_WIDTHS};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

/// Most operators run per page (all streams and forms together).
pub const MAX_OPS: usize = 3_000_000;
/// Default for [`super::PdfOptions::max_glyphs`].
pub const MAX_GLYPHS: usize = 2_000_000;
/// Deepest Form XObject nesting followed.
pub const MAX_FORM_DEPTH: usize = 8;
const MAX_STACK: usize = 512;

/// One glyph (or an ActualText run standing for several) in page space.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub text: String,
    /// [x0, y0, x1, y1] in PDF points.
    pub bbox: [f64; 4],
    /// Baseline y.
    pub base: f64,
    /// Font size in page space.
    pub size: f64,
    pub checkbox: Option<BoxState>,
    /// How the checkbox was seen (a font glyph, a form widget, a drawn square).
    pub box_method: crate::layout::BoxMethod,
    /// A check mark without a box (may be drawn over an empty box).
    pub tick: bool,
    /// A zero-width glyph (combining marks are drawn this way).
    pub zero_width: bool,
    /// No Unicode for the glyph (its text is U+FFFD).
    pub unmapped: bool,
}

/// Everything read from one page's content.
#[derive(Debug, Default)]
pub struct PageContent {
    pub glyphs: Vec<Glyph>,
    /// Horizontal rulings: (y, x0, x1).
    pub hlines: Vec<[f64; 3]>,
    /// Vertical rulings: (x, y0, y1).
    pub vlines: Vec<[f64; 3]>,
    pub squares: Vec<Square>,
    /// Small squares filled with a colour (chart legend swatches, not checkboxes).
    pub swatches: Vec<[f64; 4]>,
    pub diagonals: Vec<[f64; 4]>,
    pub unmapped: usize,
    pub repaired: usize,
    /// Images drawn: image XObjects (also inside forms) and inline images.
    pub images: usize,
    /// The content could not be read to its end.
    pub truncated: bool,
    /// The time budget ran out while reading the page.
    pub timed_out: bool,
    /// The reader limits the page reached, each with its number (`limit_reached`):
    /// operators, glyphs, and the CMap of each font first loaded on the page.
    pub limits: Vec<String>,
    /// Damage that lost part of the page (`parse_error`): glyphs placed at a position
    /// that is not a finite number, a Form XObject that draws itself.
    pub damage: Vec<String>,
    /// Glyphs dropped because their box was not finite (a degenerate or overflowing
    /// text matrix).
    pub nonfinite_glyphs: usize,
    pub(crate) ops: usize,
}

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b` (row-vector convention of PDF: p' = p × a × b).
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    tc: f64,
    tw: f64,
    th: f64,
    tl: f64,
    rise: f64,
    /// The fill / stroke colour is (nearly) white.
    fill_white: bool,
    stroke_white: bool,
}

/// Whether colour operands mean white: gray 1, RGB 1 1 1, CMYK 0 0 0 0.
fn is_white(n: &[f64]) -> bool {
    match n.len() {
        1 | 3 => n.iter().all(|v| *v >= 0.95),
        4 => n.iter().all(|v| *v <= 0.05),
        _ => false,
    }
}

/// Fonts loaded once per document, by object id.
#[derive(Default)]
pub struct FontCache {
    by_id: HashMap<ObjectId, Rc<Font>>,
}

pub struct Interpreter<'d> {
    doc: &'d Document,
    fonts: &'d mut FontCache,
    max_stream: usize,
    out: PageContent,
    gs: GState,
    stack: Vec<GState>,
    tm: Matrix,
    tlm: Matrix,
    /// Marked-content stack: Some((first glyph index, ActualText)) for ActualText spans.
    marked: Vec<Option<(usize, String)>>,
    path: Vec<[f64; 4]>,
    rects: Vec<[f64; 4]>,
    cur: (f64, f64),
    start: (f64, f64),
    forms: Vec<ObjectId>,
    deadline: Option<std::time::Instant>,
    max_ops: usize,
    max_glyphs: usize,
    max_cmap: usize,
    /// The glyph limit was reached (said once).
    glyphs_cut: bool,
    /// The operator limit was reached (said once).
    ops_cut: bool,
}

/// A named resource (`/Font`, `/XObject`, `/Properties`) of a resource dictionary.
fn resource<'a>(
    doc: &'a Document,
    res: Option<&'a Dictionary>,
    kind: &[u8],
    name: &[u8],
) -> Option<&'a Object> {
    let dict = res?.get_deref(kind, doc).ok()?.as_dict().ok()?;
    dict.get(name).ok()
}

fn nums(ops: &[Object]) -> Vec<f64> {
    ops.iter()
        .map(|o| o.as_float().map(f64::from).unwrap_or(0.0))
        .map(|v| if v.is_finite() { v } else { 0.0 })
        .collect()
}

impl<'d> Interpreter<'d> {
    pub fn new(doc: &'d Document, fonts: &'d mut FontCache, max_stream: usize) -> Self {
        Interpreter {
            doc,
            fonts,
            max_stream,
            out: PageContent::default(),
            gs: GState {
                ctm: IDENTITY,
                font: None,
                size: 0.0,
                tc: 0.0,
                tw: 0.0,
                th: 1.0,
                tl: 0.0,
                rise: 0.0,
                fill_white: false,
                stroke_white: false,
            },
            stack: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            marked: Vec::new(),
            path: Vec::new(),
            rects: Vec::new(),
            cur: (0.0, 0.0),
            start: (0.0, 0.0),
            forms: Vec::new(),
            deadline: None,
            max_ops: MAX_OPS,
            max_glyphs: MAX_GLYPHS,
            max_cmap: super::cmap::MAX_ENTRIES,
            glyphs_cut: false,
            ops_cut: false,
        }
    }

    /// Read at most `max_ops` operators and keep at most `max_glyphs` glyphs of the page.
    pub fn set_limits(&mut self, max_ops: usize, max_glyphs: usize) {
        self.max_ops = max_ops;
        self.max_glyphs = max_glyphs;
    }

    /// Keep at most `max_entries` entries of each ToUnicode CMap loaded.
    pub fn set_cmap_limit(&mut self, max_entries: usize) {
        self.max_cmap = max_entries;
    }

    /// Stop reading (and mark the page truncated) after this instant.
    pub fn set_deadline(&mut self, deadline: Option<std::time::Instant>) {
        self.deadline = deadline;
    }

    /// Start from `m` instead of the identity (turns rotated pages upright).
    pub fn set_base_ctm(&mut self, m: [f64; 6]) {
        self.gs.ctm = m;
    }

    pub fn finish(mut self) -> PageContent {
        self.out.unmapped = self.out.glyphs.iter().filter(|g| g.unmapped).count();
        self.out
    }

    /// Run a content stream with its resources.
    pub fn run(&mut self, content: &[u8], resources: Option<&Dictionary>) {
        let mut lexer = super::content::Lexer::new(content);
        let mut operands = Vec::new();
        while let Some(op) = lexer.next_op(&mut operands) {
            self.out.ops += 1;
            if self.out.ops > self.max_ops {
                // Not `truncated`: the limit is its own flag, not a parse error. Said
                // once, though the forms that were running stop one after another.
                if !self.ops_cut {
                    self.ops_cut = true;
                    self.out.limits.push(format!(
                        "the page has more than {} content operators (the limit): the rest was not read",
                        self.max_ops
                    ));
                }
                break;
            }
            if self.out.ops.is_multiple_of(4096)
                && self.deadline.is_some_and(|d| std::time::Instant::now() > d)
            {
                self.out.truncated = true;
                self.out.timed_out = true;
                break;
            }
            self.op(op, &operands, resources);
        }
        for cut in lexer.cut {
            if !self.out.limits.contains(&cut) {
                self.out.limits.push(cut);
            }
        }
    }

    fn set_font(&mut self, res: Option<&Dictionary>, name: &[u8]) {
        let Some(obj) = resource(self.doc, res, b"Font", name) else {
            self.gs.font = None;
            return;
        };
        let font = match obj {
            Object::Reference(id) => {
                if let Some(f) = self.fonts.by_id.get(id) {
                    Some(f.clone())
                } else if let Ok(d) = self.doc.get_dictionary(*id) {
                    let f = Rc::new(self.load_font(d, name));
                    self.fonts.by_id.insert(*id, f.clone());
                    Some(f)
                } else {
                    None
                }
            }
            Object::Dictionary(d) => Some(Rc::new(self.load_font(d, name))),
            _ => None,
        };
        self.gs.font = font;
    }

    /// Load a font (once per document for a referenced font); a CMap cut at its limit
    /// is said in the page's limits, by the font's resource name.
    fn load_font(&mut self, dict: &Dictionary, name: &[u8]) -> Font {
        let font = Font::load(self.doc, dict, self.max_stream, self.max_cmap);
        if let Some(declared) = font.cmap_overflow {
            self.out.limits.push(format!(
                "ToUnicode CMap of font {}: {declared} entries, limit {}; the rest not read (shown as U+FFFD)",
                String::from_utf8_lossy(name),
                self.max_cmap
            ));
        }
        if font.widths_cut {
            self.out.limits.push(format!(
                "widths of font {}: more than {} (the limit); the rest take the default width",
                String::from_utf8_lossy(name),
                MAX_CID_WIDTHS
            ));
        }
        font
    }

    fn op(&mut self, operator: &str, ops: &[Object], res: Option<&Dictionary>) {
        match operator {
            "q" if self.stack.len() < MAX_STACK => self.stack.push(self.gs.clone()),
            "Q" => {
                if let Some(g) = self.stack.pop() {
                    self.gs = g;
                }
            }
            "cm" => {
                let n = nums(ops);
                if n.len() == 6 {
                    let m = [n[0], n[1], n[2], n[3], n[4], n[5]];
                    self.gs.ctm = mul(&m, &self.gs.ctm);
                }
            }
            "g" | "rg" | "k" | "sc" | "scn" => self.gs.fill_white = is_white(&nums(ops)),
            "G" | "RG" | "K" | "SC" | "SCN" => self.gs.stroke_white = is_white(&nums(ops)),
            "cs" => self.gs.fill_white = false,
            "CS" => self.gs.stroke_white = false,
            "BT" => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            "ET" => {}
            "Tf" => {
                if let Some(Object::Name(n)) = ops.first() {
                    self.set_font(res, n);
                }
                if let Some(s) = ops.get(1).and_then(|o| o.as_float().ok()) {
                    self.gs.size = f64::from(s);
                }
            }
            "Tc" => self.gs.tc = nums(ops).first().copied().unwrap_or(0.0),
            "Tw" => self.gs.tw = nums(ops).first().copied().unwrap_or(0.0),
            "Tz" => self.gs.th = nums(ops).first().copied().unwrap_or(100.0) / 100.0,
            "TL" => self.gs.tl = nums(ops).first().copied().unwrap_or(0.0),
            "Ts" => self.gs.rise = nums(ops).first().copied().unwrap_or(0.0),
            "Td" | "TD" => {
                let n = nums(ops);
                if n.len() == 2 {
                    if operator == "TD" {
                        self.gs.tl = -n[1];
                    }
                    self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, n[0], n[1]], &self.tlm);
                    self.tm = self.tlm;
                }
            }
            "Tm" => {
                let n = nums(ops);
                if n.len() == 6 {
                    self.tlm = [n[0], n[1], n[2], n[3], n[4], n[5]];
                    self.tm = self.tlm;
                }
            }
            "T*" => self.next_line(),
            "Tj" => {
                if let Some(Object::String(s, _)) = ops.first() {
                    self.show(s);
                }
            }
            "'" => {
                self.next_line();
                if let Some(Object::String(s, _)) = ops.first() {
                    self.show(s);
                }
            }
            "\"" => {
                let n = nums(ops);
                if n.len() >= 2 {
                    self.gs.tw = n[0];
                    self.gs.tc = n[1];
                }
                self.next_line();
                if let Some(Object::String(s, _)) = ops.get(2) {
                    self.show(s);
                }
            }
            "TJ" => {
                if let Some(Object::Array(items)) = ops.first() {
                    for it in items {
                        match it {
                            Object::String(s, _) => self.show(s),
                            Object::Integer(_) | Object::Real(_) => {
                                let v = it.as_float().map(f64::from).unwrap_or(0.0);
                                let tx = -v / 1000.0 * self.gs.size * self.gs.th;
                                if tx.is_finite() {
                                    self.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.tm);
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            "BMC" => self.marked.push(None),
            "BDC" => {
                let actual = self.actual_text(ops, res);
                self.marked.push(actual.map(|t| (self.out.glyphs.len(), t)));
            }
            "EMC" => {
                if let Some(Some((start, text))) = self.marked.pop() {
                    self.apply_actual_text(start, text);
                }
            }
            "m" => {
                let n = nums(ops);
                if n.len() == 2 {
                    self.cur = apply(&self.gs.ctm, n[0], n[1]);
                    self.start = self.cur;
                }
            }
            "l" => {
                let n = nums(ops);
                if n.len() == 2 {
                    let p = apply(&self.gs.ctm, n[0], n[1]);
                    self.push_seg(self.cur, p);
                    self.cur = p;
                }
            }
            "c" | "v" | "y" => {
                let n = nums(ops);
                if n.len() >= 4 {
                    let k = n.len();
                    // A curve is not a ruling: move without a segment.
                    self.cur = apply(&self.gs.ctm, n[k - 2], n[k - 1]);
                }
            }
            "h" => {
                if self.cur != self.start {
                    self.push_seg(self.cur, self.start);
                }
                self.cur = self.start;
            }
            "re" => {
                let n = nums(ops);
                if n.len() == 4 {
                    let pts = [
                        apply(&self.gs.ctm, n[0], n[1]),
                        apply(&self.gs.ctm, n[0] + n[2], n[1]),
                        apply(&self.gs.ctm, n[0] + n[2], n[1] + n[3]),
                        apply(&self.gs.ctm, n[0], n[1] + n[3]),
                    ];
                    let xs = pts.map(|p| p.0);
                    let ys = pts.map(|p| p.1);
                    let r = [
                        xs.iter().copied().fold(f64::INFINITY, f64::min),
                        ys.iter().copied().fold(f64::INFINITY, f64::min),
                        xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                        ys.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                    ];
                    if self.rects.len() < 100_000 {
                        self.rects.push(r);
                    }
                    self.cur = pts[0];
                    self.start = pts[0];
                }
            }
            "S" | "s" => self.paint(true, false),
            "f" | "F" | "f*" => self.paint(false, true),
            "B" | "B*" | "b" | "b*" => self.paint(true, true),
            "n" => {
                self.path.clear();
                self.rects.clear();
            }
            "Do" => {
                if let Some(Object::Name(n)) = ops.first() {
                    self.do_xobject(res, n);
                }
            }
            // An inline image (its data stepped over by the lexer).
            "BI" => self.out.images += 1,
            _ => {}
        }
    }

    fn next_line(&mut self) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -self.gs.tl], &self.tlm);
        self.tm = self.tlm;
    }

    fn push_seg(&mut self, a: (f64, f64), b: (f64, f64)) {
        if self.path.len() < 100_000 {
            self.path.push([a.0, a.1, b.0, b.1]);
        }
    }

    fn paint(&mut self, stroke: bool, fill: bool) {
        let segs = std::mem::take(&mut self.path);
        let rects = std::mem::take(&mut self.rects);
        let out = &mut self.out;
        if out.hlines.len() + out.vlines.len() > 200_000 {
            return;
        }
        // Invisible (white) strokes and fills draw no rulings.
        let stroke = stroke && !self.gs.stroke_white;
        let fill_visible = fill && !self.gs.fill_white;
        if !stroke && !fill_visible {
            return;
        }
        for s in segs {
            let (dx, dy) = ((s[2] - s[0]).abs(), (s[3] - s[1]).abs());
            if dy < 0.8 && dx > 1.0 {
                out.hlines
                    .push([(s[1] + s[3]) / 2.0, s[0].min(s[2]), s[0].max(s[2])]);
            } else if dx < 0.8 && dy > 1.0 {
                out.vlines
                    .push([(s[0] + s[2]) / 2.0, s[1].min(s[3]), s[1].max(s[3])]);
            } else if stroke && dx > 1.0 && dy > 1.0 && out.diagonals.len() < 10_000 {
                out.diagonals.push(s);
            }
        }
        for r in rects {
            let (w, h) = (r[2] - r[0], r[3] - r[1]);
            if is_box_size(w, h) {
                if fill_visible {
                    out.swatches.push(r);
                } else if stroke {
                    out.squares.push(Square { rect: r });
                }
            } else if h < 2.5 && w > 1.0 {
                out.hlines.push([(r[1] + r[3]) / 2.0, r[0], r[2]]);
            } else if w < 2.5 && h > 1.0 {
                out.vlines.push([(r[0] + r[2]) / 2.0, r[1], r[3]]);
            } else if stroke {
                out.hlines.push([r[1], r[0], r[2]]);
                out.hlines.push([r[3], r[0], r[2]]);
                out.vlines.push([r[0], r[1], r[3]]);
                out.vlines.push([r[2], r[1], r[3]]);
            }
        }
    }

    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.gs.font.clone() else {
            return;
        };
        let gs = &self.gs;
        let size = gs.size;
        for (code, len) in font.codes(bytes) {
            let info = font.info(self.doc, code);
            let trm = mul(
                &mul(&[size * gs.th, 0.0, 0.0, size, 0.0, gs.rise], &self.tm),
                &gs.ctm,
            );
            let w = info.width;
            let corners = [
                apply(&trm, 0.0, -0.22),
                apply(&trm, w, -0.22),
                apply(&trm, w, 0.8),
                apply(&trm, 0.0, 0.8),
            ];
            let bx = [
                corners.iter().map(|p| p.0).fold(f64::INFINITY, f64::min),
                corners.iter().map(|p| p.1).fold(f64::INFINITY, f64::min),
                corners
                    .iter()
                    .map(|p| p.0)
                    .fold(f64::NEG_INFINITY, f64::max),
                corners
                    .iter()
                    .map(|p| p.1)
                    .fold(f64::NEG_INFINITY, f64::max),
            ];
            let (_, base) = apply(&trm, 0.0, 0.0);
            let eff = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            if info.repaired {
                self.out.repaired += 1;
            }
            if self.out.glyphs.len() >= self.max_glyphs {
                if !self.glyphs_cut {
                    self.glyphs_cut = true;
                    self.out.limits.push(format!(
                        "the page has more than {} glyphs (the limit): the rest were not kept",
                        self.max_glyphs
                    ));
                }
            } else if !bx.iter().all(|v| v.is_finite()) {
                self.out.nonfinite_glyphs += 1;
            } else {
                self.out.glyphs.push(Glyph {
                    tick: info.checkbox.is_none() && is_tick_mark(font.symbol, &info.text),
                    text: info.text,
                    bbox: bx,
                    base,
                    size: eff,
                    checkbox: info.checkbox,
                    zero_width: w.abs() < 0.01,
                    unmapped: info.unmapped,
                    box_method: crate::layout::BoxMethod::Glyph,
                });
            }
            let single_space = len == 1 && code == 32;
            let tx = (w * size + gs.tc + if single_space { gs.tw } else { 0.0 }) * gs.th;
            if tx.is_finite() {
                self.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.tm);
            }
        }
    }

    fn actual_text(&self, ops: &[Object], res: Option<&Dictionary>) -> Option<String> {
        let dict = match ops.get(1)? {
            Object::Dictionary(d) => d,
            Object::Name(n) => match resource(self.doc, res, b"Properties", n)? {
                Object::Reference(id) => self.doc.get_dictionary(*id).ok()?,
                Object::Dictionary(d) => d,
                _ => return None,
            },
            _ => return None,
        };
        let o = dict.get_deref(b"ActualText", self.doc).ok()?;
        lopdf::decode_text_string(o).ok()
    }

    fn apply_actual_text(&mut self, start: usize, text: String) {
        let glyphs = &mut self.out.glyphs;
        if start >= glyphs.len() || glyphs[start..].iter().any(|g| g.checkbox.is_some()) {
            return;
        }
        let mut bbox = glyphs[start].bbox;
        for g in &glyphs[start + 1..] {
            bbox = [
                bbox[0].min(g.bbox[0]),
                bbox[1].min(g.bbox[1]),
                bbox[2].max(g.bbox[2]),
                bbox[3].max(g.bbox[3]),
            ];
        }
        glyphs.truncate(start + 1);
        let g = &mut glyphs[start];
        g.bbox = bbox;
        g.text = text;
        g.zero_width = false;
        g.unmapped = false;
    }

    fn do_xobject(&mut self, res: Option<&Dictionary>, name: &[u8]) {
        let Some(Object::Reference(id)) = resource(self.doc, res, b"XObject", name).cloned() else {
            return;
        };
        if self.forms.contains(&id) {
            let cut = "a Form XObject draws itself (a cycle): the repeated drawing was not read"
                .to_string();
            if !self.out.damage.contains(&cut) {
                self.out.damage.push(cut);
            }
            return;
        }
        if self.forms.len() >= MAX_FORM_DEPTH {
            let cut = format!(
                "Form XObjects nested deeper than {MAX_FORM_DEPTH} (the limit): the deeper ones were not read"
            );
            if !self.out.limits.contains(&cut) {
                self.out.limits.push(cut);
            }
            return;
        }
        let doc = self.doc;
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            return;
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Form") => {}
            Ok(b"Image") => {
                self.out.images += 1;
                return;
            }
            _ => return,
        }
        let Ok(content) = stream
            .decompressed_content_with_limit(self.max_stream)
            .or_else(|e| {
                if stream.dict.get(b"Filter").is_err() {
                    Ok(stream.content.clone())
                } else {
                    Err(e)
                }
            })
        else {
            self.out.truncated = true;
            return;
        };
        let form_res = stream
            .dict
            .get_deref(b"Resources", doc)
            .and_then(Object::as_dict)
            .ok()
            .or(res);
        let saved = (self.gs.clone(), self.stack.len(), self.tm, self.tlm);
        if let Ok(m) = stream
            .dict
            .get_deref(b"Matrix", doc)
            .and_then(Object::as_array)
        {
            let n = nums(m);
            if n.len() == 6 {
                self.gs.ctm = mul(&[n[0], n[1], n[2], n[3], n[4], n[5]], &self.gs.ctm);
            }
        }
        self.forms.push(id);
        self.run(&content, form_res);
        self.forms.pop();
        self.gs = saved.0;
        self.stack.truncate(saved.1);
        self.tm = saved.2;
        self.tlm = saved.3;
    }
}
