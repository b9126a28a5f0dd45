//! Positioned glyphs to OCR-style page text: Thai marks attached to their base by
//! position, glyphs grouped into lines by baseline and into words by gaps, ruling lines
//! snapped into table grids (one text line per row, cells separated by TAB, spanning
//! cells padded so columns stay aligned), and everything in reading order (top to
//! bottom). Each word or cell run gets a box.

use super::checkboxes::BoxState;
use super::interpreter::{Glyph, PageContent};
use super::thai;
use crate::layout::BoxMethod;
use std::ops::Range;

/// Byte ranges of a line's words with their boxes.
type WordBoxes = Vec<(Range<usize>, [f64; 4])>;
/// Horizontal and vertical rulings of one connected table.
type LineGroup = (Vec<[f64; 3]>, Vec<[f64; 3]>);

/// A checkbox placed in an output line: its byte range in the line's text, state, how it
/// was seen, and its box.
pub type LineMark = (Range<usize>, BoxState, BoxMethod, [f64; 4]);

/// One output line: its text and the boxes of its words and checkboxes.
#[derive(Debug, Clone, Default)]
pub struct OutLine {
    pub text: String,
    pub boxes: Vec<(Range<usize>, [f64; 4])>,
    /// The checkboxes of the line, in order.
    pub marks: Vec<LineMark>,
    /// The first row of a ruled table (a header candidate).
    pub table_first_row: bool,
    /// Top of the line, for ordering.
    top: f64,
    left: f64,
}

/// A glyph after mark attachment.
#[derive(Debug, Clone)]
struct Item {
    text: String,
    bbox: [f64; 4],
    base: f64,
    size: f64,
    space: bool,
    checkbox: bool,
    /// For a checkbox: its state and how it was seen.
    mark: Option<(BoxState, BoxMethod)>,
}

fn union(a: [f64; 4], b: [f64; 4]) -> [f64; 4] {
    [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[2].max(b[2]),
        a[3].max(b[3]),
    ]
}

/// Glyphs to items: whitespace kept as spacing hints (zero-width whitespace dropped),
/// tick marks drawn over an empty box tick it, Thai marks joined to their base.
fn items(glyphs: Vec<Glyph>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(glyphs.len());
    let mut glyphs = glyphs;
    one_box_per_place(&mut glyphs);
    // Ticks over empty boxes.
    let ticks: Vec<usize> = (0..glyphs.len()).filter(|&i| glyphs[i].tick).collect();
    let mut consumed = vec![false; glyphs.len()];
    for &t in &ticks {
        let tb = glyphs[t].bbox;
        let (cx, cy) = ((tb[0] + tb[2]) / 2.0, (tb[1] + tb[3]) / 2.0);
        if let Some(b) = glyphs.iter().position(|g| {
            g.checkbox == Some(super::checkboxes::BoxState::Empty)
                && cx >= g.bbox[0]
                && cx <= g.bbox[2]
                && cy >= g.bbox[1]
                && cy <= g.bbox[3]
        }) {
            glyphs[b].checkbox = Some(super::checkboxes::BoxState::Ticked);
            consumed[t] = true;
        }
    }
    for (i, g) in glyphs.into_iter().enumerate() {
        if consumed[i] {
            continue;
        }
        if let Some(state) = g.checkbox {
            out.push(Item {
                text: state.as_char().to_string(),
                bbox: g.bbox,
                base: g.base,
                size: g.size,
                space: false,
                checkbox: true,
                mark: Some((state, g.box_method)),
            });
            continue;
        }
        if g.text.chars().all(char::is_whitespace) {
            if !g.zero_width && !g.text.is_empty() {
                out.push(Item {
                    text: String::new(),
                    bbox: g.bbox,
                    base: g.base,
                    size: g.size,
                    space: true,
                    checkbox: false,
                    mark: None,
                });
            }
            continue;
        }
        let text = thai::map_pua(&g.text);
        if thai::all_marks(&text) {
            if let Some(b) = find_base(&out, &g) {
                out[b].text.push_str(&text);
                continue;
            }
        }
        out.push(Item {
            text,
            bbox: g.bbox,
            base: g.base,
            size: g.size,
            space: false,
            checkbox: false,
            mark: None,
        });
    }
    substitute_boxes(&mut out);
    for it in &mut out {
        if it.text.chars().any(thai::is_mark) {
            it.text = thai::order_marks(&it.text);
        }
    }
    out
}

use crate::vocab::chars::has_thai;

/// A box seen twice at one place (a form widget and the square or glyph drawn under it,
/// as LibreOffice exports HTML form checkboxes) is one box: the widget, whose state is
/// the field's value, wins; else the first drawn.
fn one_box_per_place(glyphs: &mut Vec<Glyph>) {
    let boxes: Vec<usize> = (0..glyphs.len())
        .filter(|&i| glyphs[i].checkbox.is_some())
        .collect();
    if boxes.len() < 2 {
        return;
    }
    let area = |b: &[f64; 4]| ((b[2] - b[0]).max(0.0)) * ((b[3] - b[1]).max(0.0));
    let overlap = |a: &[f64; 4], b: &[f64; 4]| {
        let w = a[2].min(b[2]) - a[0].max(b[0]);
        let h = a[3].min(b[3]) - a[1].max(b[1]);
        if w <= 0.0 || h <= 0.0 {
            return 0.0;
        }
        w * h / area(a).min(area(b)).max(1e-6)
    };
    let rank = |g: &Glyph| match g.box_method {
        BoxMethod::Widget => 0,
        BoxMethod::Vector => 1,
        _ => 2,
    };
    let mut drop = vec![false; glyphs.len()];
    for (k, &i) in boxes.iter().enumerate() {
        for &j in &boxes[k + 1..] {
            if drop[i] || drop[j] || overlap(&glyphs[i].bbox, &glyphs[j].bbox) < 0.4 {
                continue;
            }
            // The widget (then a drawn square, then a glyph) stays; ties keep the first.
            let lose = if rank(&glyphs[j]) < rank(&glyphs[i]) {
                i
            } else {
                j
            };
            drop[lose] = true;
        }
    }
    if drop.iter().any(|d| *d) {
        let mut k = 0;
        glyphs.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
    }
}

/// Lone "þ", "¨", "R", "£" … tokens next to Thai text are Wingdings / Wingdings 2
/// checkboxes drawn with a substitute font: turn them into boxes.
fn substitute_boxes(items: &mut [Item]) {
    for i in 0..items.len() {
        let Some(state) = super::checkboxes::substitute_letter(&items[i].text) else {
            continue;
        };
        if items[i].checkbox {
            continue;
        }
        let it = &items[i];
        let em = it.size.max(1.0);
        let same_line = |o: &Item| (o.base - it.base).abs() < em * 0.5;
        // Neighbours in stream order on the same line (spaces count as separation).
        let prev = items[..i].iter().rev().find(|o| same_line(o));
        let next = items[i + 1..].iter().find(|o| same_line(o));
        let apart = |o: Option<&Item>, left: bool| match o {
            None => true,
            Some(o) if o.space => true,
            Some(o) => {
                let gap = if left {
                    it.bbox[0] - o.bbox[2]
                } else {
                    o.bbox[0] - it.bbox[2]
                };
                gap > em * 0.12
            }
        };
        let thai_near = |o: Option<&Item>| o.is_some_and(|o| !o.space && has_thai(&o.text));
        let prev_word = items[..i].iter().rev().find(|o| same_line(o) && !o.space);
        let next_word = items[i + 1..].iter().find(|o| same_line(o) && !o.space);
        if apart(prev, true) && apart(next, false) && (thai_near(prev_word) || thai_near(next_word))
        {
            items[i].text = state.as_char().to_string();
            items[i].checkbox = true;
            items[i].mark = Some((state, BoxMethod::Glyph));
        }
    }
}

/// The base glyph a mark belongs to: among recent glyphs on the same line, one whose
/// box holds the mark's origin strictly, else one that ends there, else one that starts
/// there; the most recent wins ties. Falls back to the previous glyph.
fn find_base(out: &[Item], mark: &Glyph) -> Option<usize> {
    let mx = mark.bbox[0];
    let tol = (mark.size * 0.06).max(0.3);
    let lo = out.len().saturating_sub(12);
    let same_line =
        |it: &Item| !it.space && !it.checkbox && (it.base - mark.base).abs() < mark.size * 0.5;
    let mut best: Option<(u8, usize)> = None;
    for i in (lo..out.len()).rev() {
        let it = &out[i];
        if !same_line(it) {
            continue;
        }
        let rank = if mx > it.bbox[0] + tol && mx < it.bbox[2] - tol {
            3
        } else if (mx - it.bbox[2]).abs() <= tol {
            2
        } else if (mx - it.bbox[0]).abs() <= tol {
            1
        } else {
            0
        };
        if rank > 0 && best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, i));
        }
    }
    best.map(|(_, i)| i).or_else(|| {
        out.iter()
            .rposition(|it| !it.space && !it.checkbox)
            .filter(|&i| same_line(&out[i]))
    })
}

/// Lines of items by baseline; each line sorted left to right.
fn group_lines(mut its: Vec<Item>) -> Vec<Vec<Item>> {
    its.sort_by(|a, b| b.base.total_cmp(&a.base));
    let mut lines: Vec<(f64, f64, Vec<Item>)> = Vec::new();
    for it in its {
        let tol = (it.size * 0.35).max(1.0);
        match lines.last_mut() {
            Some((base, size, line)) if (*base - it.base).abs() < tol.max(*size * 0.35) => {
                line.push(it);
                let _ = size;
            }
            _ => lines.push((it.base, it.size, vec![it])),
        }
    }
    lines
        .into_iter()
        .map(|(_, _, mut l)| {
            l.sort_by(|a, b| a.bbox[0].total_cmp(&b.bbox[0]));
            l
        })
        .collect()
}

/// Text builder that records word boxes and repairs SARA AM across glyphs.
#[derive(Default)]
struct Builder {
    text: String,
    boxes: Vec<(Range<usize>, [f64; 4])>,
    marks: Vec<LineMark>,
    word: Option<(usize, [f64; 4])>,
}

impl Builder {
    fn end_word(&mut self) {
        if let Some((start, b)) = self.word.take() {
            if self.text.len() > start {
                self.boxes.push((start..self.text.len(), b));
            }
        }
    }

    fn sep(&mut self, s: &str) {
        self.end_word();
        if !self.text.is_empty() && !self.text.ends_with([' ', '\t']) {
            self.text.push_str(s);
        } else if s == "\t" && self.text.ends_with(' ') {
            self.text.pop();
            self.text.push('\t');
        }
    }

    fn push(&mut self, text: &str, bbox: [f64; 4]) {
        let start = self.text.len();
        let mut t = text;
        // NIKHAHIT (+ tone) then SARA AA -> (tone) SARA AM; SARA AM then SARA AA -> SARA AM.
        if let Some(rest) = t.strip_prefix('\u{0E32}') {
            let tail: Vec<char> = self.text.chars().rev().take(2).collect();
            match tail.as_slice() {
                ['\u{0E4D}', ..] => {
                    self.text.pop();
                    self.text.push('\u{0E33}');
                    t = rest;
                }
                [tone @ '\u{0E48}'..='\u{0E4B}', '\u{0E4D}', ..] => {
                    let tone = *tone;
                    self.text.pop();
                    self.text.pop();
                    self.text.push(tone);
                    self.text.push('\u{0E33}');
                    t = rest;
                }
                ['\u{0E33}', ..] => t = rest,
                _ => {}
            }
        }
        self.text.push_str(t);
        let start = self
            .word
            .map(|(s, _)| s)
            .unwrap_or(start.min(self.text.len()));
        let b = self.word.map(|(_, b)| union(b, bbox)).unwrap_or(bbox);
        self.word = Some((start.min(self.text.len()), b));
    }

    fn finish(mut self) -> (String, WordBoxes, Vec<LineMark>) {
        self.end_word();
        while self.text.ends_with([' ', '\t']) {
            self.text.pop();
        }
        let len = self.text.len();
        self.boxes.retain(|(r, _)| r.start < len);
        for (r, _) in &mut self.boxes {
            r.end = r.end.min(len);
        }
        self.marks.retain(|m| m.0.end <= len);
        (self.text, self.boxes, self.marks)
    }
}

/// Lay out one line of items into the builder.
fn build_line(b: &mut Builder, line: &[Item], tabs: bool) {
    let mut prev: Option<&Item> = None;
    // Space glyphs met since the previous word: each one's horizontal centre.
    let mut spaces: Vec<f64> = Vec::new();
    for it in line {
        if it.space {
            spaces.push((it.bbox[0] + it.bbox[2]) / 2.0);
            continue;
        }
        if let Some(p) = prev {
            let gap = it.bbox[0] - p.bbox[2];
            let em = it.size.max(p.size).max(1.0);
            // A space separates only where it is drawn between the two glyphs. Excel
            // overprints a cell's space under the first digit of a number (the real
            // budget export: `1 5,543,246`); that space lies inside a glyph, not between.
            let margin = 0.05 * em;
            let inside = |g: &Item, x: f64| x > g.bbox[0] + margin && x < g.bbox[2] - margin;
            let spaced = spaces.iter().any(|&x| !inside(p, x) && !inside(it, x));
            if tabs && gap > 2.5 * em {
                b.sep("\t");
            } else if spaced || gap > 0.22 * em || it.checkbox || p.checkbox {
                b.sep(" ");
            }
        }
        spaces.clear();
        let at = b.text.len();
        b.push(&it.text, it.bbox);
        if it.checkbox {
            b.end_word();
            if let Some((state, method)) = it.mark {
                b.marks.push((at..b.text.len(), state, method, it.bbox));
            }
        }
        prev = Some(it);
    }
}

/// Merge collinear segments: (pos, a, b) sorted, snapped within `snap`, joined when the
/// gap is below `join`.
fn merge_lines(mut v: Vec<[f64; 3]>, snap: f64, join: f64) -> Vec<[f64; 3]> {
    v.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    // Snap positions into clusters.
    let mut clusters: Vec<Vec<[f64; 3]>> = Vec::new();
    for s in v {
        match clusters.last_mut() {
            Some(c) if (s[0] - c[0][0]).abs() <= snap => c.push(s),
            _ => clusters.push(vec![s]),
        }
    }
    let mut out = Vec::new();
    for mut c in clusters {
        let pos = c.iter().map(|s| s[0]).sum::<f64>() / c.len() as f64;
        c.sort_by(|a, b| a[1].total_cmp(&b[1]));
        let mut cur = [pos, c[0][1], c[0][2]];
        for s in &c[1..] {
            if s[1] <= cur[2] + join {
                cur[2] = cur[2].max(s[2]);
            } else {
                out.push(cur);
                cur = [pos, s[1], s[2]];
            }
        }
        out.push(cur);
    }
    out
}

/// A ruled table: distinct column x's and row y's (top to bottom), the v-lines for
/// spanning checks.
#[derive(Debug)]
struct Table {
    xs: Vec<f64>,
    ys: Vec<f64>,
    vlines: Vec<[f64; 3]>,
}

impl Table {
    fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.xs[0]
            && x <= self.xs[self.xs.len() - 1]
            && y <= self.ys[0]
            && y >= self.ys[self.ys.len() - 1]
    }

    /// Whether a vertical ruling at column boundary `j` crosses row `r`.
    fn has_boundary(&self, j: usize, r: usize) -> bool {
        let x = self.xs[j];
        let ymid = (self.ys[r] + self.ys[r + 1]) / 2.0;
        self.vlines
            .iter()
            .any(|v| (v[0] - x).abs() <= 2.0 && v[1] <= ymid && v[2] >= ymid)
    }
}

fn distinct(mut v: Vec<f64>, tol: f64) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    for x in v {
        match out.last() {
            Some(&l) if x - l <= tol => {}
            _ => out.push(x),
        }
    }
    out
}

fn find_tables(content: &PageContent) -> Vec<Table> {
    let h = merge_lines(content.hlines.clone(), 1.5, 2.0);
    let v = merge_lines(content.vlines.clone(), 1.5, 2.0);
    let h: Vec<[f64; 3]> = h.into_iter().filter(|s| s[2] - s[1] >= 5.0).collect();
    let v: Vec<[f64; 3]> = v.into_iter().filter(|s| s[2] - s[1] >= 5.0).collect();
    if h.len() < 2 || v.len() < 3 || h.len() * v.len() > 4_000_000 {
        return Vec::new();
    }
    // Union-find over all lines; h i is node i, v j is node h.len()+j.
    let n = h.len() + v.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let tol = 2.5;
    for (i, hl) in h.iter().enumerate() {
        for (j, vl) in v.iter().enumerate() {
            if vl[0] >= hl[1] - tol
                && vl[0] <= hl[2] + tol
                && hl[0] >= vl[1] - tol
                && hl[0] <= vl[2] + tol
            {
                let (a, b) = (root(&mut parent, i), root(&mut parent, h.len() + j));
                parent[a] = b;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, LineGroup> = Default::default();
    for i in 0..n {
        let r = root(&mut parent, i);
        let e = groups.entry(r).or_default();
        if i < h.len() {
            e.0.push(h[i]);
        } else {
            e.1.push(v[i - h.len()]);
        }
    }
    let mut tables = Vec::new();
    for (_, (hs, vs)) in groups {
        let xs = distinct(vs.iter().map(|s| s[0]).collect(), 2.0);
        let mut ys = distinct(hs.iter().map(|s| s[0]).collect(), 2.0);
        ys.reverse();
        if xs.len() < 3 || ys.len() < 2 {
            continue;
        }
        tables.push(Table { xs, ys, vlines: vs });
    }
    tables
}

fn centre(b: &[f64; 4]) -> (f64, f64) {
    ((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0)
}

/// The centre used to place an item in a cell: horizontally the box centre, vertically
/// a little above the baseline (boxes of big glyphs reach into the row above).
fn anchor(it: &Item) -> (f64, f64) {
    (centre(&it.bbox).0, it.base + it.size * 0.25)
}

fn line_top(line: &[Item]) -> f64 {
    line.iter()
        .map(|i| i.base + i.size * 0.7)
        .fold(f64::NEG_INFINITY, f64::max)
}

/// Narrowest gap between text columns of an unruled table, in points.
const MIN_GUTTER: f64 = 2.0;

/// Vertical gaps (x0, x1) that no item of `lines` covers, between the leftmost and
/// rightmost item.
fn gutters(lines: &[Vec<Item>]) -> Vec<(f64, f64)> {
    let mut iv: Vec<(f64, f64)> = lines
        .iter()
        .flatten()
        .filter(|it| !it.space)
        .map(|it| (it.bbox[0], it.bbox[2]))
        .collect();
    iv.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = Vec::new();
    let mut cur: Option<(f64, f64)> = None;
    for (a, b) in iv {
        match cur {
            Some((s, e)) if a - e < MIN_GUTTER => cur = Some((s, e.max(b))),
            Some((_, e)) => {
                out.push((e, a));
                cur = Some((a, b));
            }
            None => cur = Some((a, b)),
        }
    }
    out
}

/// The gutters that are column boundaries: in at least 70% of the lines an item starts
/// right at the gutter's right edge (a left-aligned column). Gaps inside a column's
/// text rarely line up like that.
fn aligned_gutters(lines: &[Vec<Item>]) -> Vec<(f64, f64)> {
    gutters(lines)
        .into_iter()
        .filter(|g| {
            let aligned = lines
                .iter()
                .filter(|l| {
                    l.iter()
                        .any(|it| !it.space && (it.bbox[0] - g.1).abs() <= 2.0)
                })
                .count();
            aligned * 10 >= lines.len() * 7
        })
        .collect()
}

/// Column-alignment fallback for tables without rulings: the longest run of at least
/// three consecutive, closely spaced lines from `start` that keeps at least two common
/// gutters (three columns). Returns the end of the run and its gutters.
///
/// The first value is where the aligned run ends (at least `start + 1`), so that a long
/// run that is not a table is not searched again from each of its lines.
fn aligned_block(lines: &[Vec<Item>], start: usize) -> (usize, Option<Vec<(f64, f64)>>) {
    if lines.len() > 400 {
        return (start + 1, None);
    }
    let mut end = start + 1;
    let mut best = None;
    while end < lines.len() && end - start < 200 {
        let prev = &lines[end - 1];
        let next = &lines[end];
        let size = prev.iter().map(|i| i.size).fold(1.0, f64::max);
        let gap = prev.first().map(|i| i.base).unwrap_or(0.0)
            - next.first().map(|i| i.base).unwrap_or(0.0);
        if gap > size * 2.6 {
            break;
        }
        let g = aligned_gutters(&lines[start..=end]);
        if g.len() < 2 {
            break;
        }
        end += 1;
        // Only a block with a continuation line (empty first column) needs rebuilding
        // into rows; otherwise each line already is a row (and lists of boxed items,
        // which align too, stay plain lines).
        let split = g[0].1 - 2.0;
        let continued = lines[start..end].iter().any(|l| {
            l.iter()
                .filter(|it| !it.space)
                .all(|it| it.bbox[0] >= split)
        });
        // A first column of checkboxes is a checklist ("☑ label" lines with hanging
        // indents), not a table.
        let box_list = lines[start..end].iter().all(|l| {
            l.iter()
                .filter(|it| !it.space && it.bbox[2] <= g[0].0 + 0.5)
                .all(|it| it.checkbox)
        });
        if end - start >= 3 && continued && !box_list {
            best = Some((end, g));
        }
    }
    match best {
        Some((e, g)) => (e, Some(g)),
        None => (end, None),
    }
}

/// One row of an aligned block: top, left, and per column the line pieces.
type BlockRow = (f64, f64, Vec<Vec<Vec<Item>>>);

/// Rows of an aligned block: a line with text in the first column starts a row, other
/// lines continue it; each column's pieces are joined with spaces, columns with TAB.
fn block_rows(lines: &[Vec<Item>], gutters: &[(f64, f64)]) -> Vec<OutLine> {
    let ncols = gutters.len() + 1;
    let col_of = |it: &Item| {
        let x = (it.bbox[0] + it.bbox[2]) / 2.0;
        gutters.iter().filter(|g| x > (g.0 + g.1) / 2.0).count()
    };
    let mut rows: Vec<BlockRow> = Vec::new();
    for line in lines {
        let mut cols: Vec<Vec<Item>> = vec![Vec::new(); ncols];
        for it in line {
            cols[col_of(it)].push(it.clone());
        }
        let starts_row = !cols[0].iter().all(|i| i.space);
        match rows.last_mut() {
            Some(row) if !starts_row => {
                for (c, items) in cols.into_iter().enumerate() {
                    if !items.is_empty() {
                        row.2[c].push(items);
                    }
                }
            }
            _ => rows.push((
                line_top(line),
                line.first().map(|i| i.bbox[0]).unwrap_or(0.0),
                cols.into_iter()
                    .map(|c| if c.is_empty() { vec![] } else { vec![c] })
                    .collect(),
            )),
        }
    }
    let mut out = Vec::new();
    for (top, left, cols) in rows {
        let mut b = Builder::default();
        for (c, pieces) in cols.iter().enumerate() {
            if c > 0 {
                b.end_word();
                while b.text.ends_with(' ') {
                    b.text.pop();
                }
                b.text.push('\t');
            }
            for (k, piece) in pieces.iter().enumerate() {
                if k > 0 {
                    b.sep(" ");
                }
                build_line(&mut b, piece, false);
            }
        }
        let (mut text, boxes, marks) = b.finish();
        while text.ends_with('\t') {
            text.pop();
        }
        if !text.is_empty() {
            out.push(OutLine {
                text,
                boxes,
                marks,
                table_first_row: false,
                top,
                left,
            });
        }
    }
    out
}

/// One free line as an output line (skipped when empty).
fn plain_line(out: &mut Vec<OutLine>, line: &[Item]) {
    let mut b = Builder::default();
    build_line(&mut b, line, true);
    let (text, boxes, marks) = b.finish();
    if text.is_empty() {
        return;
    }
    out.push(OutLine {
        text,
        boxes,
        marks,
        table_first_row: false,
        top: line_top(line),
        left: line.first().map(|i| i.bbox[0]).unwrap_or(0.0),
    });
}

/// Lay out a page.
pub fn layout(content: PageContent, extra: Vec<Glyph>) -> Vec<OutLine> {
    let tables = find_tables(&content);
    let mut glyphs = content.glyphs;
    glyphs.extend(extra);
    let its = items(glyphs);
    // Bucket items: per table cell, or free.
    let mut free = Vec::new();
    let mut cells: Vec<Vec<Vec<Item>>> = tables
        .iter()
        .map(|t| vec![Vec::new(); (t.ys.len() - 1) * (t.xs.len() - 1)])
        .collect();
    'outer: for it in its {
        let (x, y) = anchor(&it);
        for (ti, t) in tables.iter().enumerate() {
            if t.contains(x, y) {
                let r =
                    t.ys.windows(2)
                        .position(|w| y <= w[0] && y >= w[1])
                        .unwrap_or(0);
                let c =
                    t.xs.windows(2)
                        .position(|w| x >= w[0] && x <= w[1])
                        .unwrap_or(0);
                cells[ti][r * (t.xs.len() - 1) + c].push(it);
                continue 'outer;
            }
        }
        free.push(it);
    }
    let mut out = Vec::new();
    let lines = group_lines(free);
    let mut i = 0;
    while i < lines.len() {
        let (end, table) = aligned_block(&lines, i);
        if let Some(gutters) = table {
            out.extend(block_rows(&lines[i..end], &gutters));
            i = end;
            continue;
        }
        let until = if end - i >= 3 { end } else { i + 1 };
        for line in &lines[i..until] {
            plain_line(&mut out, line);
        }
        i = until;
    }
    for (ti, t) in tables.iter().enumerate() {
        let ncols = t.xs.len() - 1;
        let mut first = true;
        for r in 0..t.ys.len() - 1 {
            let mut b = Builder::default();
            let mut any = false;
            let mut c = 0;
            let mut cell_idx = 0;
            while c < ncols {
                // Span to the next real boundary.
                let mut end = c + 1;
                while end < ncols && !t.has_boundary(end, r) {
                    end += 1;
                }
                let mut items: Vec<Item> = Vec::new();
                for k in c..end {
                    items.append(&mut std::mem::take(&mut cells[ti][r * ncols + k]));
                }
                if cell_idx > 0 {
                    b.end_word();
                    // Trim a trailing space before the cell separator.
                    while b.text.ends_with(' ') {
                        b.text.pop();
                    }
                    b.text.push('\t');
                }
                cell_idx += 1;
                let lines = group_lines(items);
                for (li, line) in lines.iter().enumerate() {
                    if li > 0 {
                        b.sep(" ");
                    }
                    build_line(&mut b, line, false);
                    any = true;
                }
                for _ in c + 1..end {
                    b.end_word();
                    b.text.push('\t');
                }
                c = end;
            }
            if !any {
                continue;
            }
            let (mut text, boxes, marks) = b.finish();
            // Cells may be empty at the end: keep column count stable but drop pure tabs.
            while text.ends_with('\t') {
                text.pop();
            }
            out.push(OutLine {
                text,
                boxes,
                marks,
                table_first_row: first,
                top: t.ys[r] - 0.01,
                left: t.xs[0],
            });
            first = false;
        }
    }
    out.sort_by(|a, b| b.top.total_cmp(&a.top).then(a.left.total_cmp(&b.left)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str, x0: f64, x1: f64, base: f64) -> Glyph {
        Glyph {
            text: text.to_string(),
            bbox: [x0, base - 3.0, x1, base + 12.0],
            base,
            size: 16.0,
            checkbox: None,
            tick: false,
            zero_width: (x1 - x0).abs() < 0.01,
            unmapped: false,
            box_method: crate::layout::BoxMethod::Glyph,
        }
    }

    fn text_of(lines: &[OutLine]) -> Vec<String> {
        lines.iter().map(|l| l.text.clone()).collect()
    }

    #[test]
    fn marks_attach_by_position_and_sara_am_is_rebuilt() {
        // ด ํ า เ น ิ น  (Word: NIKHAHIT zero-width after ด, SARA AA separate)
        let glyphs = vec![
            g("ด", 10.0, 18.0, 700.0),
            g("\u{0E4D}", 18.0, 18.0, 700.0),
            g("า", 18.0, 25.0, 700.0),
            g("เ", 25.0, 31.0, 700.0),
            g("น", 31.0, 39.0, 700.0),
            g("\u{0E34}", 39.0, 39.0, 700.0),
            g("น", 39.0, 47.0, 700.0),
        ];
        let content = PageContent {
            glyphs,
            ..Default::default()
        };
        assert_eq!(text_of(&layout(content, vec![])), vec!["ดำเนิน"]);
    }

    #[test]
    fn a_space_drawn_under_a_digit_does_not_split_the_number() {
        // Excel: the cell's space is overprinted on the first digit of `15,543`;
        // a space drawn between two words still separates them.
        let glyphs = vec![
            g("1", 10.0, 13.3, 700.0),
            g(" ", 10.5, 12.5, 700.0),
            g("5", 13.35, 16.6, 700.0),
            g(",", 16.65, 18.1, 700.0),
            g("5", 18.1, 21.4, 700.0),
            g("4", 21.45, 24.7, 700.0),
            g("3", 24.75, 28.0, 700.0),
            g("ก", 40.0, 48.0, 700.0),
            g(" ", 48.0, 49.5, 700.0),
            g("ข", 49.5, 57.5, 700.0),
        ];
        let content = PageContent {
            glyphs,
            ..Default::default()
        };
        assert_eq!(text_of(&layout(content, vec![])), vec!["15,543 ก ข"]);
    }

    #[test]
    fn tone_mark_drawn_late_goes_to_its_base() {
        // ต ั ง then ้ drawn back over ต (LibreOffice order).
        let glyphs = vec![
            g("ต", 10.0, 18.0, 700.0),
            g("\u{0E31}", 14.0, 14.0, 700.0),
            g("ง", 18.0, 26.0, 700.0),
            g("\u{0E49}", 15.0, 15.0, 700.0),
        ];
        let content = PageContent {
            glyphs,
            ..Default::default()
        };
        assert_eq!(text_of(&layout(content, vec![])), vec!["ตั้ง"]);
    }

    #[test]
    fn lines_words_and_checkboxes() {
        let mut bx = g("☐", 10.0, 20.0, 600.0);
        bx.checkbox = Some(super::super::checkboxes::BoxState::Ticked);
        let glyphs = vec![
            g("ข", 30.0, 38.0, 700.0),
            g("ก", 10.0, 18.0, 700.0),
            g("ค", 60.0, 68.0, 700.0),
            bx,
            g("ด", 22.0, 30.0, 600.0),
        ];
        let content = PageContent {
            glyphs,
            ..Default::default()
        };
        let lines = layout(content, vec![]);
        assert_eq!(text_of(&lines), vec!["ก ข ค", "☑ ด"]);
        assert_eq!(lines[0].boxes.len(), 3);
        assert_eq!(lines[1].boxes[0].0, 0..3);
    }

    #[test]
    fn ruled_table_rows_become_tab_lines() {
        // Two columns, two rows; second row's first cell holds two lines.
        let hlines = vec![
            [700.0, 0.0, 200.0],
            [680.0, 0.0, 200.0],
            [640.0, 0.0, 200.0],
        ];
        let vlines = vec![
            [0.0, 640.0, 700.0],
            [100.0, 640.0, 700.0],
            [200.0, 640.0, 700.0],
        ];
        let glyphs = vec![
            g("A", 5.0, 12.0, 685.0),
            g("B", 105.0, 112.0, 685.0),
            g("C", 5.0, 12.0, 665.0),
            g("D", 5.0, 12.0, 645.0),
            g("E", 105.0, 112.0, 665.0),
        ];
        let content = PageContent {
            glyphs,
            hlines,
            vlines,
            ..Default::default()
        };
        let lines = layout(content, vec![]);
        assert_eq!(text_of(&lines), vec!["A\tB", "C D\tE"]);
        assert!(lines[0].table_first_row);
    }
}
