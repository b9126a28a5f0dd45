//! Checkbox states from pixels: find the printed square beside each status label
//! (ดำเนินการ "done", ยังไม่ได้ดำเนินการ "not done") and decide ticked or empty from the
//! ink inside it, so that a hand-drawn "/" or "✓" counts as much as a printed ☑.
//! OCR engines read boxes as "O", "[]", "ㅁ" or nothing, so their words over the box
//! are replaced by ☐ / ☑.
//!
//! Input: the [`PageImage`] and OCR [`Word`]s; output: [`Tick`]s with a confidence.

use super::layout::{find_rules, median_height, rules_across, visual_lines, Rule, VLine, INK};
use super::raster::PageImage;
use super::tesseract::Word;
use crate::source::{BBox, PageText};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickState {
    Ticked,
    Empty,
}

impl TickState {
    /// The glyph written into the page text.
    pub fn glyph(self) -> &'static str {
        match self {
            TickState::Ticked => "☑",
            TickState::Empty => "☐",
        }
    }
}

/// A checkbox found in the image.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub state: TickState,
    /// 0.5 (a guess) .. 1.0 (clear), from how far the ink inside is from the threshold.
    pub confidence: f32,
    /// Fraction of the box's inside that is ink.
    pub ink: f32,
    /// The label the box belongs to, as OCR read it.
    pub label: String,
    /// The box in raster pixels `[x0, y0, x1, y1)`.
    pub pixels: [i64; 4],
    /// The box in PDF points.
    pub bbox: BBox,
    /// Where the ☐/☑ glyph is in the page text (set by [`locate`]).
    pub byte_range: Option<std::ops::Range<usize>>,
}

/// Ink fraction above which a box counts as ticked.
const TICK_INK: f32 = 0.045;

/// Words that name a status: they contain "นินการ" (ดำเนินการ with any rendering of
/// SARA AM, U+0E33) or start the "not done" label (ยังไม่...).
fn is_status_label(t: &str) -> bool {
    // Spellings OCR gives for ดำเนินการ: SARA AM as U+0E33, as NIKHAHIT + SARA AA, lost
    // ("ดาเนินการ"), or the last letters misread.
    crate::vocab::words("ocr_label_piece")
        .iter()
        .any(|p| t.contains(p))
        || is_not_done_lead(t)
}

/// Whether an OCR word starts the "not done" label (ยังไม่...).
fn is_not_done_lead(t: &str) -> bool {
    crate::vocab::words("ocr_not_done_lead")
        .iter()
        .any(|w| t.starts_with(w))
}

/// Longest run of ink along a column (`vertical`) or row inside a region.
fn longest_run(img: &PageImage, vertical: bool, at: i64, from: i64, to: i64) -> i64 {
    let (mut best, mut cur) = (0, 0);
    for p in from..to {
        let on = if vertical {
            img.at(at, p) < INK
        } else {
            img.at(p, at) < INK
        };
        cur = if on { cur + 1 } else { 0 };
        best = best.max(cur);
    }
    best
}

/// Sides of a box: runs of adjacent positions whose longest ink run is long enough,
/// reduced to their centre and thickness.
fn sides(
    img: &PageImage,
    vertical: bool,
    range: (i64, i64),
    along: (i64, i64),
    min: i64,
) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    let mut start: Option<i64> = None;
    for a in range.0..=range.1 {
        let on = a < range.1 && longest_run(img, vertical, a, along.0, along.1) >= min;
        match (on, start) {
            (true, None) => start = Some(a),
            (false, Some(s)) => {
                out.push(((s + a - 1) / 2, a - s));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Find the square box in a search region: two vertical sides and two horizontal
/// sides about as far apart, nearest to `anchor_x` (the label's left edge).
fn find_box(img: &PageImage, region: [i64; 4], h: i64, anchor_x: i64) -> Option<[i64; 4]> {
    let [x0, y0, x1, y1] = region;
    let min_side = (h * 2 / 5).max(5);
    let vs = sides(img, true, (x0, x1), (y0, y1), min_side);
    let hs = sides(img, false, (y0, y1), (x0, x1), min_side);
    let mut best: Option<([i64; 4], i64)> = None;
    for (i, &(l, lt)) in vs.iter().enumerate() {
        for &(r, rt) in &vs[i + 1..] {
            let d = r - l;
            if d < min_side || d > 2 * h {
                continue;
            }
            for (j, &(t, tt)) in hs.iter().enumerate() {
                for &(b, bt) in &hs[j + 1..] {
                    let e = b - t;
                    // Printed boxes are square (within a quarter).
                    if (e - d).abs() * 4 > d {
                        continue;
                    }
                    // The sides must actually bound this square: the vertical sides'
                    // ink spans its height.
                    let vl = longest_run(img, true, l, t - 2, b + 3);
                    let vr = longest_run(img, true, r, t - 2, b + 3);
                    let ht = longest_run(img, false, t, l - 2, r + 3);
                    let hb = longest_run(img, false, b, l - 2, r + 3);
                    if vl * 10 < 8 * e || vr * 10 < 8 * e || ht * 10 < 8 * d || hb * 10 < 8 * d {
                        continue;
                    }
                    let thick = lt.max(rt).max(tt).max(bt);
                    let score = (anchor_x - r).abs() + 4 * thick + 2 * (e - d).abs();
                    if best.is_none_or(|(_, s)| score < s) {
                        best = Some(([l, t, r, b], score));
                    }
                }
            }
        }
    }
    best.map(|(b, _)| b)
}

/// The fraction of ink inside a box, its border (and a margin) left out.
fn inside_ink(img: &PageImage, b: [i64; 4]) -> f32 {
    let [l, t, r, bt] = b;
    let m = ((r - l) / 6).max(3);
    let (mut ink, mut n) = (0u32, 0u32);
    for y in t + m..bt - m {
        for x in l + m..r - m {
            n += 1;
            if img.at(x, y) < INK {
                ink += 1;
            }
        }
    }
    if n == 0 {
        0.0
    } else {
        ink as f32 / n as f32
    }
}

/// Boxes beside status labels, in reading order (top to bottom, left to right).
pub fn find_ticks(img: &PageImage, words: &[Word]) -> Vec<Tick> {
    let h = median_height(words);
    let mut out: Vec<Tick> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !is_status_label(&w.text) {
            continue;
        }
        // "ดำเนินการ" right after a "ยังไม่ได้" word belongs to that label.
        let prev = i.checked_sub(1).and_then(|j| words.get(j));
        if !is_not_done_lead(&w.text)
            && prev.is_some_and(|p| {
                (p.block, p.par, p.line) == (w.block, w.par, w.line)
                    && crate::vocab::words("ocr_not_done_joiner")
                        .iter()
                        .any(|j| p.text.contains(j))
                    && w.left - p.right() < h
            })
        {
            continue;
        }
        let lh = w.height.max(h);
        let region = [
            w.left - 3 * lh,
            w.top - lh / 2,
            w.left + lh / 4,
            w.bottom() + lh / 2,
        ];
        let Some(b) = find_box(img, region, lh, w.left) else {
            continue;
        };
        if out.iter().any(|t| t.pixels == b) {
            continue;
        }
        let ink = inside_ink(img, b);
        let state = if ink >= TICK_INK {
            TickState::Ticked
        } else {
            TickState::Empty
        };
        let confidence = (0.5 + (ink - TICK_INK).abs() / (2.0 * TICK_INK)).min(1.0);
        out.push(Tick {
            state,
            confidence: (confidence * 100.0).round() / 100.0,
            ink: (ink * 1000.0).round() / 1000.0,
            label: w.text.clone(),
            pixels: b,
            bbox: img.pixel_box_to_pdf(
                b[0] as f64,
                b[1] as f64,
                b[2] as f64 + 1.0,
                b[3] as f64 + 1.0,
            ),
            byte_range: None,
        });
    }
    out
}

/// Pixels darker than this belong to a box outline (thin borders of a 150 dpi JPEG come
/// out mid-gray once scaled up).
const OUTLINE_INK: u8 = 170;

/// Label given to boxes found by their shape alone.
pub const SHAPE_LABEL: &str = "";

/// Checkboxes found by their shape alone, wherever they stand (status columns headed
/// by a shaded or wrapped header, form widgets): connected components of ink about a
/// text line tall (0.3 to 1.4 times the median word height), square within a fifth,
/// whose four sides are straight lines of ink covering at least four fifths of their
/// length with ink at all four corners, and hollow. A box drawn twice (an inner outline
/// inside an outer one) is the inner one. Boxes in `known` (found beside a label) are
/// left out. The state comes from the ink inside, as for [`find_ticks`].
pub fn find_shape_boxes(img: &PageImage, words: &[Word], known: &[Tick]) -> Vec<Tick> {
    let sized: Vec<Word> = words
        .iter()
        .filter(|w| w.text.chars().count() >= 3)
        .cloned()
        .collect();
    let h = median_height(if sized.is_empty() { words } else { &sized });
    let (smin, smax) = ((h * 3 / 10).max(12), (h * 14 / 10).max(16));
    let mut cands: Vec<[i64; 4]> = components(img, OUTLINE_INK, smax + 4)
        .into_iter()
        .filter(|b| {
            let (w, hh) = (b[2] - b[0] + 1, b[3] - b[1] + 1);
            let s = w.max(hh);
            s >= smin && s <= smax && (w - hh).abs() * 5 <= s && is_outline(img, *b)
        })
        .collect();
    // Inner outlines first: a larger box around an accepted one is the same box.
    cands.sort_by_key(|b| (b[2] - b[0]) * (b[3] - b[1]));
    let mut out: Vec<Tick> = Vec::new();
    for b in cands {
        let overlaps = |p: &[i64; 4]| {
            let cx = (b[0] + b[2]) / 2;
            let cy = (b[1] + b[3]) / 2;
            let pcx = (p[0] + p[2]) / 2;
            let pcy = (p[1] + p[3]) / 2;
            (cx >= p[0] && cx <= p[2] && cy >= p[1] && cy <= p[3])
                || (pcx >= b[0] && pcx <= b[2] && pcy >= b[1] && pcy <= b[3])
        };
        if known.iter().any(|t| overlaps(&t.pixels)) || out.iter().any(|t| overlaps(&t.pixels)) {
            continue;
        }
        let ink = inside_ink(img, b);
        // A filled square is a bullet, not a box.
        if ink > 0.6 {
            continue;
        }
        let state = if ink >= TICK_INK {
            TickState::Ticked
        } else {
            TickState::Empty
        };
        let confidence = (0.5 + (ink - TICK_INK).abs() / (2.0 * TICK_INK)).min(1.0);
        out.push(Tick {
            state,
            confidence: (confidence * 100.0).round() / 100.0,
            ink: (ink * 1000.0).round() / 1000.0,
            label: SHAPE_LABEL.to_string(),
            pixels: b,
            bbox: img.pixel_box_to_pdf(
                b[0] as f64,
                b[1] as f64,
                b[2] as f64 + 1.0,
                b[3] as f64 + 1.0,
            ),
            byte_range: None,
        });
    }
    out.sort_by_key(|t| (t.pixels[1], t.pixels[0]));
    out
}

/// Bounding boxes `[x0, y0, x1, y1]` (inclusive) of the 8-connected components of
/// pixels darker than `thresh`, leaving out those wider or taller than `max_side`.
fn components(img: &PageImage, thresh: u8, max_side: i64) -> Vec<[i64; 4]> {
    let (w, h) = (img.width as usize, img.height as usize);
    let mut seen = vec![false; w * h];
    let mut out = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for start in 0..w * h {
        if seen[start] || img.pixels[start] >= thresh {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let mut b = [i64::MAX, i64::MAX, i64::MIN, i64::MIN];
        let mut big = false;
        while let Some(i) = stack.pop() {
            let (x, y) = ((i % w) as i64, (i / w) as i64);
            b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
            if b[2] - b[0] > max_side || b[3] - b[1] > max_side {
                big = true;
            }
            for dy in -1i64..=1 {
                for dx in -1i64..=1 {
                    let (nx, ny) = (x + dx, y + dy);
                    if nx < 0 || ny < 0 || nx >= w as i64 || ny >= h as i64 {
                        continue;
                    }
                    let j = ny as usize * w + nx as usize;
                    if !seen[j] && img.pixels[j] < thresh {
                        seen[j] = true;
                        stack.push(j);
                    }
                }
            }
        }
        if !big {
            out.push(b);
        }
    }
    out
}

/// Whether a component's box is a square outline: each side a line of ink along at
/// least four fifths of its length (within a band a sixth of the side thick), and ink
/// at each corner.
fn is_outline(img: &PageImage, b: [i64; 4]) -> bool {
    let [x0, y0, x1, y1] = b;
    let s = (x1 - x0).max(y1 - y0) + 1;
    let t = (s / 6).max(2);
    let ink = |x: i64, y: i64| img.at(x, y) < OUTLINE_INK;
    let covered = |horizontal: bool, from: i64| {
        let (a0, a1) = if horizontal { (x0, x1) } else { (y0, y1) };
        let hit = (a0..=a1)
            .filter(|&a| (from..from + t).any(|c| if horizontal { ink(a, c) } else { ink(c, a) }))
            .count() as i64;
        hit * 5 >= (a1 - a0 + 1) * 4
    };
    let corner = |cx: i64, cy: i64, dx: i64, dy: i64| {
        (0..t).any(|i| (0..t).any(|j| ink(cx + dx * i, cy + dy * j)))
    };
    covered(true, y0)
        && covered(true, y1 - t + 1)
        && covered(false, x0)
        && covered(false, x1 - t + 1)
        && corner(x0, y0, 1, 1)
        && corner(x1, y0, -1, 1)
        && corner(x0, y1, 1, -1)
        && corner(x1, y1, -1, -1)
}

/// Replace the words the engine read over boxes found by their shape with the boxes'
/// glyphs; each glyph joins the line of the nearest word beside it at its height, or
/// a line of its own (which the layout joins to the words at that height).
pub fn replace_shape_box_words(words: &mut Vec<Word>, ticks: &[Tick]) {
    for (k, t) in ticks.iter().enumerate() {
        let [l, top, r, b] = t.pixels;
        let m = (r - l) / 4;
        // The engine's reading of the box, and specks it read beside it ("‘", "ธะ"):
        // short words within one and a half box sides.
        let s = (r - l + 1).max(b - top + 1);
        words.retain(|w| {
            let ox = w.right().min(r + m) - w.left.max(l - m);
            let oy = w.bottom().min(b + m) - w.top.max(top - m);
            let over = ox > 0 && oy > 0 && ox * oy * 10 > 3 * w.width * w.height;
            let near = w.right() > l - s * 3 / 2
                && w.left < r + s * 3 / 2
                && w.bottom() > top - s
                && w.top < b + s
                && w.text.chars().count() <= 3
                && !w.text.contains(['☐', '☑']);
            !(over || near)
        });
        let cy = (top + b) / 2;
        let near = words
            .iter()
            .filter(|w| w.top <= cy && w.bottom() >= cy && !w.text.contains(['☐', '☑']))
            .min_by_key(|w| (w.left - r).abs().min((w.right() - l).abs()))
            .filter(|w| (w.left - r).abs().min((w.right() - l).abs()) <= 3 * (r - l + 1))
            .map(|w| (w.block, w.par, w.line, w.conf));
        words.push(glyph_word(
            t,
            near.unwrap_or((90_000 + k as u32, 1, 1, 90.0)),
        ));
    }
    words.sort_by_key(|w| (w.block, w.par, w.line, w.left));
}

/// Replace the words an OCR engine read over each box with the box's glyph, placed on
/// the label's line so it lands just before the label.
pub fn replace_box_words(words: &mut Vec<Word>, ticks: &[Tick]) {
    for t in ticks {
        let [l, top, r, b] = t.pixels;
        let m = (r - l) / 4;
        words.retain(|w| {
            let ox = w.right().min(r + m) - w.left.max(l - m);
            let oy = w.bottom().min(b + m) - w.top.max(top - m);
            // Drop words largely over the box (the engine's reading of the box itself).
            !(ox > 0 && oy > 0 && ox * oy * 10 > 3 * w.width * w.height)
        });
        let label = words
            .iter()
            .find(|w| w.text == t.label && w.left >= r - 2 && w.top <= b && w.bottom() >= top)
            .cloned();
        words.push(glyph_word(
            t,
            label.map_or((0, 0, 0, 0.0), |w| (w.block, w.par, w.line, w.conf)),
        ));
    }
    words.sort_by_key(|w| (w.block, w.par, w.line, w.left));
}

/// The word that stands for a box in the page text: its glyph over its pixels, on the
/// engine line `(block, par, line)` with confidence `conf`.
fn glyph_word(t: &Tick, (block, par, line, conf): (u32, u32, u32, f32)) -> Word {
    let [l, top, r, b] = t.pixels;
    Word {
        block,
        par,
        line,
        left: l,
        top,
        width: r - l + 1,
        height: b - top + 1,
        conf,
        text: t.state.glyph().to_string(),
    }
}

/// Fill in each tick's byte range in the page text (the glyph with the tick's box:
/// ☑ / ☐ for boxes, ✓ for marks in status columns; empty column cells have none).
pub fn locate(mut ticks: Vec<Tick>, page: &PageText) -> Vec<Tick> {
    for t in &mut ticks {
        t.byte_range = page
            .boxes
            .iter()
            .find(|(r, b)| {
                *b == t.bbox && matches!(page.text.get(r.clone()), Some(g) if g == t.state.glyph() || g == "✓")
            })
            .map(|(r, _)| r.clone());
    }
    ticks
}

/// The cell of a table around a point: the nearest vertical rules left and right of
/// `x` that cross height `y`.
fn cell_at(rules: &[Rule], x: i64, y: i64) -> Option<(i64, i64)> {
    let left = rules
        .iter()
        .filter(|r| r.at_along(y) <= x && r.from <= y && r.to >= y)
        .map(|r| r.at_along(y))
        .max()?;
    let right = rules
        .iter()
        .filter(|r| r.at_along(y) > x && r.from <= y && r.to >= y)
        .map(|r| r.at_along(y))
        .min()?;
    Some((left, right))
}

/// Ticks written in status columns: a table whose header cells are the status labels
/// (ดำเนินการ | ยังไม่ได้ดำเนินการ) and whose rows carry a mark ("✓", "/", "X") in one
/// of those cells, without printed boxes. Each row band (between horizontal rules, or
/// the text lines when there are none) under a header cell is checked for ink; a marked
/// cell becomes a "✓" word (the engine's reading of the mark is dropped), an unmarked
/// one an `Empty` tick with no glyph.
pub fn find_column_ticks(img: &PageImage, words: &mut Vec<Word>, vrules: &[Rule]) -> Vec<Tick> {
    // Text height from real words (noise specks read as "a" or "." would shrink it).
    let sized: Vec<Word> = words
        .iter()
        .filter(|w| w.text.chars().count() >= 3)
        .cloned()
        .collect();
    let h = median_height(if sized.is_empty() { words } else { &sized });
    let lines = visual_lines(words);
    // Header cells: (left rule, right rule, band bottom, label). They sit on one line,
    // the table's header row: one cell holding just the "done" label, another just the
    // "not done" label (a title such as "การดำเนินการตามมาตรการ..." is not a header).
    let mut headers: Vec<(i64, i64, i64, String)> = Vec::new();
    for line in &lines {
        if line.words.iter().any(|w| w.text.contains(['☐', '☑'])) {
            continue;
        }
        let cy = (line.top + line.bottom) / 2;
        let mut cells: Vec<(i64, i64, String)> = Vec::new();
        for w in &line.words {
            let Some((l, r)) = cell_at(vrules, (w.left + w.right()) / 2, cy) else {
                continue;
            };
            if cells.iter().any(|c| c.0 == l) {
                continue;
            }
            let text: String = line
                .words
                .iter()
                .filter(|x| (x.left + x.right()) / 2 > l && (x.left + x.right()) / 2 < r)
                .map(|x| x.text.as_str())
                .collect();
            let n = text.chars().count();
            // Just the label: ดำเนินการ is 9 characters, ยังไม่ได้ดำเนินการ 18.
            if is_status_label(&text) && n <= 22 && r - l <= 20 * h {
                cells.push((l, r, text));
            }
        }
        let has_not_done = cells.iter().any(|c| is_not_done_lead(&c.2));
        let has_done = cells.iter().any(|c| !is_not_done_lead(&c.2));
        if has_done && has_not_done {
            headers = cells
                .into_iter()
                .map(|(l, r, t)| (l, r, line.bottom, t))
                .collect();
            break;
        }
    }
    if headers.len() < 2 {
        // One status column alone is a title or a note, not a tick table.
        return Vec::new();
    }
    let hrules = find_rules(img, false, (2 * h).max(30));
    // The table's left border, at the height of the header.
    let header_mid = headers.iter().map(|hd| hd.2).min().unwrap_or(0) - h / 2;
    let first_left = vrules
        .iter()
        .filter(|r| r.from <= header_mid && r.to >= header_mid)
        .map(|r| r.at_along(header_mid))
        .min()
        .unwrap_or(0);
    let mut out = Vec::new();
    for (l, r, header_bottom, label) in &headers {
        // Row bands under the header, while the column's rules go on.
        let mut ys: Vec<i64> = hrules
            .iter()
            .filter(|hr| hr.from <= l + 3 && hr.to >= r - 3 && hr.at > *header_bottom)
            .map(|hr| hr.at)
            .collect();
        ys.sort_unstable();
        ys.dedup_by(|a, b| (*a - *b).abs() < h / 2);
        let bands: Vec<(i64, i64)> = if ys.len() >= 2 {
            ys.windows(2).map(|p| (p[0], p[1])).collect()
        } else {
            // No row rules (too faint, or none printed): rows are the lines with text in
            // the table's first column, each reaching halfway to its neighbours.
            let first_col = cell_at(vrules, first_left + 1, header_mid);
            let anchors: Vec<i64> = lines
                .iter()
                .filter(|ln| ln.top > *header_bottom)
                .filter(|ln| {
                    first_col.is_some_and(|(a, b)| {
                        ln.words
                            .iter()
                            .any(|w| (w.left + w.right()) / 2 > a && (w.left + w.right()) / 2 < b)
                    })
                })
                .map(|ln| (ln.top + ln.bottom) / 2)
                .collect();
            let mut b = Vec::new();
            for (k, &y) in anchors.iter().enumerate() {
                let up = if k == 0 {
                    header_bottom + (y - header_bottom) / 4
                } else {
                    (anchors[k - 1] + y) / 2
                };
                let down = anchors.get(k + 1).map_or(y + (y - up), |&n| (y + n) / 2);
                b.push((up, down));
            }
            b
        };
        // The column's two rules, followed down the page (they drift on a skewed scan).
        let hy = header_bottom - h / 2;
        let rule_near = |x: i64| {
            vrules
                .iter()
                .filter(|vr| vr.from <= hy && vr.to >= hy)
                .min_by_key(|vr| (vr.at_along(hy) - x).abs())
                .filter(|vr| (vr.at_along(hy) - x).abs() <= 6)
        };
        let (Some(rule_l), Some(rule_r)) = (rule_near(*l), rule_near(*r)) else {
            continue;
        };
        for (top, bottom) in bands {
            let cy = (top + bottom) / 2;
            if !(rule_l.from <= cy && rule_l.to >= cy && rule_r.from <= cy && rule_r.to >= cy) {
                break;
            }
            let (l, r) = (&rule_l.at_along(cy), &rule_r.at_along(cy));
            // Marks sit inside the cell; keep clear of its borders.
            let (mx, my) = ((h / 2).max(8), (h / 5).max(3));
            let region = [l + mx, top + my, r - mx, bottom - my];
            let (ink, bbox) = ink_in(img, region);
            let area = ((region[2] - region[0]) * (region[3] - region[1])).max(1) as f32;
            let frac = ink as f32 / area;
            // A mark is a stroke at least a third of a letter tall.
            let marked = bbox.is_some_and(|b| b[3] - b[1] >= h / 3 && b[2] - b[0] >= h / 4)
                && ink as i64 >= h;
            let state = if marked {
                TickState::Ticked
            } else {
                TickState::Empty
            };
            let b = bbox.unwrap_or(region);
            let confidence = if marked {
                (0.5 + frac * 20.0).min(1.0)
            } else {
                (1.0 - frac * 50.0).clamp(0.5, 1.0)
            };
            out.push(Tick {
                state,
                confidence: (confidence * 100.0).round() / 100.0,
                ink: (frac * 1000.0).round() / 1000.0,
                label: label.clone(),
                pixels: b,
                bbox: img.pixel_box_to_pdf(b[0] as f64, b[1] as f64, b[2] as f64, b[3] as f64),
                byte_range: None,
            });
            if marked {
                // The engine's reading of the mark ("/", "v", "J") goes; Thai text stays.
                words.retain(|w| {
                    let cx = (w.left + w.right()) / 2;
                    let cyw = (w.top + w.bottom()) / 2;
                    let inside = cx > *l && cx < *r && cyw > top && cyw < bottom;
                    !(inside
                        && w.text.chars().count() <= 3
                        && !w.text.chars().any(crate::vocab::chars::is_thai_consonant))
                });
                // The mark joins the row's line: the one in this band with text in the
                // table's first column (a wrapped title's other lines have none), else
                // the nearest.
                let first_col = cell_at(vrules, first_left + 1, header_mid);
                let in_first = |ln: &&VLine| {
                    first_col.is_some_and(|(a, c)| {
                        ln.words
                            .iter()
                            .any(|w| (w.left + w.right()) / 2 > a && (w.left + w.right()) / 2 < c)
                    })
                };
                let mid = |ln: &VLine| (ln.top + ln.bottom) / 2;
                let near = lines
                    .iter()
                    .filter(|ln| mid(ln) > top && mid(ln) < bottom)
                    .find(in_first)
                    .or_else(|| {
                        lines
                            .iter()
                            .min_by_key(|ln| (mid(ln) - (b[1] + b[3]) / 2).abs())
                    })
                    .and_then(|ln| ln.words.first())
                    .map_or((0, 0, 0), |w| (w.block, w.par, w.line));
                words.push(Word {
                    block: near.0,
                    par: near.1,
                    line: near.2,
                    left: b[0],
                    top: b[1],
                    width: b[2] - b[0],
                    height: b[3] - b[1],
                    conf: 90.0,
                    text: "✓".to_string(),
                });
            }
        }
    }
    words.sort_by_key(|w| (w.block, w.par, w.line, w.left));
    out
}

/// A cell looked at for a mark: (column key = left rule, box between the rules, ink
/// box, kind: 0 empty, 1 mark, 2 text).
type MarkCell = (i64, [i64; 4], Option<[i64; 4]>, u8);

/// Marks without boxes in narrow table columns found from the pixels alone ("/", "✓",
/// "X" typed or drawn in the cell of the status that holds; the engine reads them as
/// "“", "ศ์", "/" or nothing, and a wrapped header may not be read as labels at all).
/// The table's cells are the rectangles between vertical and horizontal rules; a
/// column (cells under one left rule, at most six text lines wide) whose cells hold one
/// small lump of ink (a letter tall at most one and a half, no word of Thai letters)
/// in at least three rows, and more often than text, is a mark column: each marked cell
/// becomes a "✓" word (the engine's short readings in it dropped), an unmarked one has
/// nothing. Cells already holding a box glyph are left alone.
pub fn find_cell_marks(img: &PageImage, words: &mut Vec<Word>, vrules: &[Rule]) -> Vec<Tick> {
    let sized: Vec<Word> = words
        .iter()
        .filter(|w| w.text.chars().count() >= 3)
        .cloned()
        .collect();
    let h = median_height(if sized.is_empty() { words } else { &sized });
    if vrules.len() < 3 {
        return Vec::new();
    }
    let mut hrules: Vec<Rule> = find_rules(img, false, (3 * h).max(40))
        .into_iter()
        .filter(|r| !super::layout::through_words(r, words, h))
        .collect();
    hrules.sort_by_key(|r| r.at);
    let mut cells: Vec<MarkCell> = Vec::new();
    for (k, a) in hrules.iter().enumerate() {
        let Some(b) = hrules[k + 1..]
            .iter()
            .find(|b| b.at - a.at > h * 2 / 3 && b.from < a.to - h && a.from < b.to - h)
        else {
            continue;
        };
        if b.at - a.at > 6 * h {
            continue;
        }
        let cy = (a.at + b.at) / 2;
        let xs = rules_across(vrules, cy);
        for (ci, p) in xs.windows(2).enumerate() {
            let (l, r) = (p[0], p[1]);
            // The first column holds the row's code or number, never its status.
            if ci == 0 || r - l < h || r - l > 6 * h || l < a.from - 8 || r > a.to + 8 {
                continue;
            }
            let outer = [l, a.at_along(cy), r, b.at_along(cy)];
            let inside: Vec<&Word> = words
                .iter()
                .filter(|w| {
                    let (x, y) = ((w.left + w.right()) / 2, (w.top + w.bottom()) / 2);
                    x > outer[0] && x < outer[2] && y > outer[1] && y < outer[3]
                })
                .collect();
            if inside.iter().any(|w| w.text.contains(['☐', '☑', '✓'])) {
                continue;
            }
            // Text: a word of Thai letters, or letters and digits the engine read well
            // (a code "01", "O5"); a mark is read as punctuation, a stray letter or
            // nothing.
            let thai_word = inside.iter().any(|w| {
                w.text
                    .chars()
                    .filter(|c| crate::vocab::chars::is_thai_consonant(*c))
                    .count()
                    >= 3
                    || w.text.chars().filter(|c| c.is_alphanumeric()).count() >= 2
                        && w.text
                            .chars()
                            .any(|c| c.is_ascii_digit() || crate::vocab::chars::is_thai_digit(c))
            });
            let (mx, my) = ((h / 5).max(6), (h / 8).max(5));
            let region = [l + mx, outer[1] + my, r - mx, outer[3] - my];
            let (ink, bbox) = ink_in(img, region);
            let kind = if thai_word {
                2
            } else {
                match bbox {
                    Some(bx)
                        if ink as i64 >= h
                            && bx[3] - bx[1] >= h / 3
                            && bx[3] - bx[1] <= h * 3 / 2
                            && bx[2] - bx[0] <= h * 6 / 5 =>
                    {
                        1
                    }
                    Some(_) if ink as i64 >= h => 2,
                    _ => 0,
                }
            };
            cells.push((l, outer, bbox, kind));
        }
    }
    // Columns by their left rule.
    let mut keys: Vec<i64> = cells.iter().map(|c| c.0).collect();
    keys.sort_unstable();
    keys.dedup_by(|a, b| (*a - *b).abs() <= 8);
    let mut out = Vec::new();
    for key in keys {
        let col: Vec<&MarkCell> = cells.iter().filter(|c| (c.0 - key).abs() <= 8).collect();
        let marks = col.iter().filter(|c| c.3 == 1).count();
        let text = col.iter().filter(|c| c.3 == 2).count();
        if marks < 3 || marks <= text {
            continue;
        }
        for c in col.iter().filter(|c| c.3 == 1) {
            let (outer, b) = (c.1, c.2.unwrap_or(c.1));
            words.retain(|w| {
                let (x, y) = ((w.left + w.right()) / 2, (w.top + w.bottom()) / 2);
                let inside = x > outer[0] && x < outer[2] && y > outer[1] && y < outer[3];
                !(inside && w.text.chars().count() <= 3)
            });
            let cy = (b[1] + b[3]) / 2;
            let near = words
                .iter()
                .filter(|w| w.top <= cy && w.bottom() >= cy)
                .min_by_key(|w| (w.left - b[2]).abs().min((w.right() - b[0]).abs()))
                .map(|w| (w.block, w.par, w.line));
            let (block, par, line) = near.unwrap_or((95_000 + out.len() as u32, 1, 1));
            words.push(Word::from_box("✓".to_string(), b, 90.0, (block, par, line)));
            out.push(Tick {
                state: TickState::Ticked,
                confidence: 0.8,
                ink: 0.0,
                label: SHAPE_LABEL.to_string(),
                pixels: b,
                bbox: img.pixel_box_to_pdf(b[0] as f64, b[1] as f64, b[2] as f64, b[3] as f64),
                byte_range: None,
            });
        }
    }
    words.sort_by_key(|w| (w.block, w.par, w.line, w.left));
    out
}

/// Ink pixels in a region and their bounding box, leaving out columns and rows that are
/// mostly ink (a ruling line drifting into the region on a skewed scan).
fn ink_in(img: &PageImage, r: [i64; 4]) -> (u32, Option<[i64; 4]>) {
    let (w, h) = ((r[2] - r[0]).max(0), (r[3] - r[1]).max(0));
    let rule_col: Vec<bool> = (r[0]..r[2])
        .map(|x| (r[1]..r[3]).filter(|&y| img.at(x, y) < INK).count() as i64 * 2 > h)
        .collect();
    let rule_row: Vec<bool> = (r[1]..r[3])
        .map(|y| (r[0]..r[2]).filter(|&x| img.at(x, y) < INK).count() as i64 * 2 > w)
        .collect();
    let mut n = 0;
    let mut b = [i64::MAX, i64::MAX, i64::MIN, i64::MIN];
    for y in r[1]..r[3] {
        for x in r[0]..r[2] {
            let near_rule = (-2..=2).any(|d| {
                let i = x - r[0] + d;
                i >= 0 && i < w && rule_col[i as usize]
            }) || (-2..=2).any(|d| {
                let j = y - r[1] + d;
                j >= 0 && j < h && rule_row[j as usize]
            });
            if !near_rule && img.at(x, y) < INK {
                n += 1;
                b = [b[0].min(x), b[1].min(y), b[2].max(x + 1), b[3].max(y + 1)];
            }
        }
    }
    (n, (n > 0).then_some(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_columns_marked_by_hand() {
        // Rules at x = 0, 100, 200, 300 over y 0..160; rows between horizontal rules at
        // y = 40, 80, 120, 160; a "/" in column 2 of row 1 and column 3 of row 2.
        let (w, h) = (301u32, 161u32);
        let mut img = PageImage::from_pixels(1, w, h, vec![255; (w * h) as usize], 1.0);
        for y in 0..h {
            for x in [0u32, 100, 200, 300] {
                img.pixels[(y * w + x) as usize] = 0;
            }
        }
        for y in [0u32, 40, 80, 120, 160] {
            for x in 0..w {
                img.pixels[(y * w + x) as usize] = 0;
            }
        }
        for (cx, cy) in [(150i64, 60i64), (250, 100)] {
            for i in -12..12 {
                for t in 0..3 {
                    img.pixels[((cy - i) as u32 * w + (cx + i / 2 + t) as u32) as usize] = 0;
                }
            }
        }
        let word = |left: i64, top: i64, text: &str| Word {
            block: 1,
            par: 1,
            line: (top / 40) as u32,
            left,
            top,
            width: 60,
            height: 20,
            conf: 90.0,
            text: text.into(),
        };
        let mut words = vec![
            word(110, 10, "ดำเนินการ"),
            word(210, 10, "ยังไม่ได้ดำเนินการ"),
            word(10, 50, "O1"),
            word(10, 90, "O2"),
            word(10, 130, "O3"),
        ];
        let vrules = find_rules(&img, true, 60);
        let ticks = find_column_ticks(&img, &mut words, &vrules);
        let states: Vec<(String, TickState)> =
            ticks.iter().map(|t| (t.label.clone(), t.state)).collect();
        assert_eq!(ticks.len(), 6, "{states:?}");
        assert_eq!(
            ticks
                .iter()
                .filter(|t| t.state == TickState::Ticked)
                .count(),
            2
        );
        let page = super::super::layout::page_text_with_rules(&img, &words, &vrules);
        assert_eq!(
            page.text,
            "\tดำเนินการ\tยังไม่ได้ดำเนินการ\nO1\t✓\nO2\t\t✓\nO3\n"
        );
    }

    /// A 30 px box at (20, 20) with a 2 px border; `mark` draws a "/" inside.
    fn page_with_box(mark: bool) -> PageImage {
        let (w, h) = (200u32, 80u32);
        let mut img = PageImage::from_pixels(1, w, h, vec![255; (w * h) as usize], 1.0);
        let mut set = |x: i64, y: i64| img.pixels[(y as u32 * w + x as u32) as usize] = 0;
        for i in 20..=50 {
            for t in 0..2 {
                set(i, 20 + t);
                set(i, 50 - t);
                set(20 + t, i);
                set(50 - t, i);
            }
        }
        if mark {
            for i in 0..24 {
                for t in 0..3 {
                    set(24 + i + t, 46 - i);
                }
            }
        }
        img
    }

    fn label() -> Word {
        Word {
            block: 1,
            par: 1,
            line: 1,
            left: 60,
            top: 22,
            width: 90,
            height: 28,
            conf: 90.0,
            text: "ดำเนินการ".into(),
        }
    }

    #[test]
    fn empty_and_ticked_boxes() {
        for (mark, want) in [(false, TickState::Empty), (true, TickState::Ticked)] {
            let img = page_with_box(mark);
            let ticks = find_ticks(&img, &[label()]);
            assert_eq!(ticks.len(), 1, "mark {mark}");
            assert_eq!(ticks[0].state, want);
            assert_eq!(ticks[0].pixels, [20, 20, 49, 49]);
            assert!(ticks[0].confidence > 0.7, "{:?}", ticks[0]);
        }
    }

    #[test]
    fn box_words_become_glyphs() {
        let img = page_with_box(true);
        let mut words = vec![
            Word {
                left: 21,
                top: 21,
                width: 28,
                height: 28,
                text: "O".into(),
                ..label()
            },
            label(),
        ];
        let ticks = find_ticks(&img, &words);
        replace_box_words(&mut words, &ticks);
        let page = super::super::layout::page_text(&img, &words);
        assert_eq!(page.text, "☑ ดำเนินการ\n");
        let ticks = locate(ticks, &page);
        assert_eq!(ticks[0].byte_range, Some(0..3));
    }
}
