//! Checkbox states from pixels: find the printed square beside each status label
//! (ดำเนินการ "done", ยังไม่ได้ดำเนินการ "not done") and decide ticked or empty from the
//! ink inside it, so that a hand-drawn "/" or "✓" counts as much as a printed ☑.
//! OCR engines read boxes as "O", "[]", "ㅁ" or nothing, so their words over the box
//! are replaced by ☐ / ☑.
//!
//! Input: the [`PageImage`] and OCR [`Word`]s; output: [`Tick`]s with a confidence.

use super::layout::{median_height, INK};
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
    t.contains("นินการ") || t.starts_with("ยัง")
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
                    if best.map_or(true, |(_, s)| score < s) {
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
        if !w.text.starts_with("ยัง")
            && prev.is_some_and(|p| {
                (p.block, p.par, p.line) == (w.block, w.par, w.line)
                    && p.text.contains("ได้")
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
        let (block, par, line, conf) =
            label.map_or((0, 0, 0, 0.0), |w| (w.block, w.par, w.line, w.conf));
        words.push(Word {
            block,
            par,
            line,
            left: l,
            top,
            width: r - l + 1,
            height: b - top + 1,
            conf,
            text: t.state.glyph().to_string(),
        });
    }
    words.sort_by_key(|w| (w.block, w.par, w.line, w.left));
}

/// Fill in each tick's byte range in the page text (the glyph with the tick's box).
pub fn locate(mut ticks: Vec<Tick>, page: &PageText) -> Vec<Tick> {
    for t in &mut ticks {
        t.byte_range = page
            .boxes
            .iter()
            .find(|(r, b)| *b == t.bbox && page.text.get(r.clone()) == Some(t.state.glyph()))
            .map(|(r, _)| r.clone());
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

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
