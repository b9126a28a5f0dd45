//! Shaded table cells re-read on their own. A header cell on a gray fill, its label
//! wrapped over two lines in a narrow column ("เผยแพร่ / แล้ว", "ยังไม่เผย / แพร่"), is
//! read by the engine's page layout as junk ("ยแ", "— 6 ม"), and the extractor then
//! cannot tell which column holds which status. Each such cell (between two vertical
//! and two horizontal rules, narrower than a third of its table, its background darker
//! than the paper) is cut out, its fill stretched to white, padded, and read again as
//! one block of text (`--psm 6`); the new words replace the old ones when they read
//! better (more letters at no lower confidence). The first cell of a row that has ink
//! but no word (a code in a narrow column the page layout lost) is read the same way.
//!
//! Input: the [`PageImage`], the engine's [`Word`]s and options; output: the words with
//! those cells' words replaced, and how many cells were re-read.

use super::layout::{find_rules, median_height, rules_across, through_words, vertical_rules, Rule};
use super::raster::PageImage;
use super::tesseract::{self, Word};
use super::OcrOptions;

/// Most cells re-read on one page (each is an engine run).
const MAX_CELLS: usize = 40;

/// Cells to re-read: `[x0, y0, x1, y1)` inside its rules, and the box of the rules.
fn shaded_cells(img: &PageImage, words: &[Word]) -> Vec<([i64; 4], [i64; 4])> {
    let h = median_height(words);
    let vrules = vertical_rules(img, words);
    if vrules.len() < 2 {
        return Vec::new();
    }
    let hrules: Vec<Rule> = find_rules(img, false, (3 * h).max(40))
        .into_iter()
        .filter(|r| !through_words(r, words, h))
        .collect();
    let mut sample: Vec<u8> = img.pixels.iter().step_by(97).copied().collect();
    sample.sort_unstable();
    let paper = i64::from(sample.get(sample.len() * 4 / 5).copied().unwrap_or(255));
    let mut out = Vec::new();
    let mut rows: Vec<&Rule> = hrules.iter().collect();
    rows.sort_by_key(|r| r.at);
    for (k, a) in rows.iter().enumerate() {
        // The next rule below that runs along this one.
        let Some(b) = rows[k + 1..]
            .iter()
            .find(|b| b.at - a.at > h && b.from < a.to - 2 * h && a.from < b.to - 2 * h)
        else {
            continue;
        };
        let tall = b.at - a.at;
        if tall > 5 * h {
            continue;
        }
        let cy = (a.at + b.at) / 2;
        let xs = rules_across(&vrules, cy);
        if xs.len() < 3 {
            continue;
        }
        let table = xs[xs.len() - 1] - xs[0];
        // The first cell of a row the engine left empty though it has ink and the row
        // has text (a code in a narrow column, lost by the page layout).
        {
            let (l, r) = (xs[0], xs[1]);
            let outer = [l, a.at_along(cy), r, b.at_along(cy)];
            let has_word = |x0: i64, x1: i64| {
                words.iter().any(|w| {
                    let (x, y) = ((w.left + w.right()) / 2, (w.top + w.bottom()) / 2);
                    x > x0 && x < x1 && y > outer[1] && y < outer[3]
                })
            };
            let cell = [l + 5, outer[1] + 5, r - 4, outer[3] - 4];
            let ink = (cell[1]..cell[3])
                .flat_map(|y| (cell[0]..cell[2]).map(move |x| (x, y)))
                .filter(|&(x, y)| img.at(x, y) < super::layout::INK)
                .count() as i64;
            if r - l >= h
                && (r - l) * 3 <= table
                && cell[2] > cell[0]
                && cell[3] > cell[1]
                && !has_word(l, r)
                && has_word(r, xs[xs.len() - 1])
                && ink >= h
            {
                out.push((cell, outer));
            }
        }
        for p in xs.windows(2) {
            let (l, r) = (p[0], p[1]);
            if r - l < h || (r - l) * 3 > table {
                continue;
            }
            let cell = [l + 5, a.at_along(cy) + 5, r - 4, b.at_along(cy) - 4];
            if cell[2] - cell[0] < h / 2 || cell[3] - cell[1] < h / 2 {
                continue;
            }
            // The fill: the median of the cell's pixels (text is a small part of it).
            let mut px: Vec<u8> = (cell[1]..cell[3])
                .step_by(2)
                .flat_map(|y| (cell[0]..cell[2]).step_by(2).map(move |x| (x, y)))
                .map(|(x, y)| img.at(x, y))
                .collect();
            px.sort_unstable();
            let fill = i64::from(px.get(px.len() / 2).copied().unwrap_or(255));
            if fill < paper - 15 && fill > 120 {
                out.push((cell, [l, a.at_along(cy), r, b.at_along(cy)]));
            }
        }
    }
    out.truncate(MAX_CELLS);
    out
}

/// How a cell is prepared for the engine.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Variant {
    /// Fill stretched to white, blurred.
    Plain,
    /// The same, scaled up twice.
    Double,
    /// Black and white at the midpoint of ink and fill.
    Binary,
}

/// Whether the words of a cell, joined, are a header word or a status label.
fn known_label(words: &[Word]) -> bool {
    let joined: String = words
        .iter()
        .map(|w| w.text.as_str())
        .collect::<String>()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '|' | '[' | ']' | '(' | ')'))
        .collect();
    crate::vocab::status_label_exact(&joined).is_some()
        || crate::vocab::header_word(&joined).is_some()
}

/// Letters and digits of a text (what a reading is worth).
fn letters(words: &[Word]) -> usize {
    words
        .iter()
        .flat_map(|w| w.text.chars())
        .filter(|c| c.is_alphanumeric())
        .count()
}

fn mean_conf(words: &[Word]) -> f32 {
    if words.is_empty() {
        0.0
    } else {
        words.iter().map(|w| w.conf).sum::<f32>() / words.len() as f32
    }
}

/// Re-read the shaded cells of a page's tables; returns the words and the number of
/// cells whose reading was replaced.
pub fn reread_shaded_cells(
    img: &PageImage,
    mut words: Vec<Word>,
    opts: &OcrOptions,
) -> (Vec<Word>, usize) {
    let cells = shaded_cells(img, &words);
    let mut replaced = 0;
    for (k, (c, outer)) in cells.iter().enumerate() {
        let inside = |w: &Word| {
            let (x, y) = ((w.left + w.right()) / 2, (w.top + w.bottom()) / 2);
            x > outer[0] && x < outer[2] && y > outer[1] && y < outer[3]
        };
        let old: Vec<Word> = words.iter().filter(|w| inside(w)).cloned().collect();
        // Readings at the raster's size, then twice as large, then black and white; the
        // first that is a known header word or status label wins, else the best.
        let mut best: Option<Vec<Word>> = None;
        for variant in [Variant::Plain, Variant::Double, Variant::Binary] {
            let Some(new) = read_cell(img, *c, opts, 70_000 + k as u32, variant) else {
                continue;
            };
            // A lost code needs one reading with letters or digits; a header one that
            // is a known word.
            if known_label(&new) || old.is_empty() && letters(&new) > 0 {
                best = Some(new);
                break;
            }
            let score = |ws: &[Word]| (letters(ws), mean_conf(ws) as i64);
            if best.as_ref().is_none_or(|b| score(&new) > score(b)) {
                best = Some(new);
            }
        }
        let Some(new) = best else {
            continue;
        };
        let better = old.is_empty() && letters(&new) > 0
            || known_label(&new) && !known_label(&old)
            || letters(&new) > letters(&old) && mean_conf(&new) + 5.0 >= mean_conf(&old);
        if !better {
            continue;
        }
        words.retain(|w| !inside(w));
        words.extend(new);
        replaced += 1;
    }
    words.sort_by_key(|w| (w.block, w.par, w.line, w.left));
    (words, replaced)
}

/// Read one cell alone: its fill stretched to white, a white margin around it, one
/// block of text. Words come back in page pixels, in blocks from `block`.
pub(super) fn read_cell(
    img: &PageImage,
    c: [i64; 4],
    opts: &OcrOptions,
    block: u32,
    variant: Variant,
) -> Option<Vec<Word>> {
    const PAD: i64 = 16;
    let (w, h) = (c[2] - c[0], c[3] - c[1]);
    let mut px: Vec<u8> = (c[1]..c[3])
        .flat_map(|y| (c[0]..c[2]).map(move |x| (x, y)))
        .map(|(x, y)| img.at(x, y))
        .collect();
    let mut sorted = px.clone();
    sorted.sort_unstable();
    let fill = f32::from(sorted.get(sorted.len() / 2).copied().unwrap_or(255)).max(1.0);
    for p in &mut px {
        *p = ((f32::from(*p) * 255.0 / fill).min(255.0)) as u8;
    }
    // A 3x3 blur: the page raster is often a low-resolution scan scaled up, whose
    // blocky letter edges the engine reads worse than smooth ones.
    let src = px.clone();
    for y in 1..h - 1 {
        for x in 1..w - 1 {
            let mut sum = 0u32;
            for dy in -1..=1 {
                for dx in -1..=1 {
                    sum += u32::from(src[((y + dy) * w + x + dx) as usize]);
                }
            }
            px[(y * w + x) as usize] = (sum / 9) as u8;
        }
    }
    if variant == Variant::Binary {
        let (lo, hi) = (
            f32::from(sorted.first().copied().unwrap_or(0)),
            f32::from(sorted.get(sorted.len() / 2).copied().unwrap_or(255)),
        );
        let mid = ((lo + hi * 255.0 / fill) / 2.0) as u8;
        for p in &mut px {
            *p = if *p < mid { 0 } else { 255 };
        }
    }
    let k = if variant == Variant::Double { 2 } else { 1 };
    let (cw, ch) = (w * k + 2 * PAD, h * k + 2 * PAD);
    let mut canvas = vec![255u8; (cw * ch) as usize];
    for y in 0..h * k {
        for x in 0..w * k {
            // Bilinear when scaling up.
            let (fx, fy) = (x as f32 / k as f32, y as f32 / k as f32);
            let (x0, y0) = (fx as i64, fy as i64);
            let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
            let (ax, ay) = (fx - x0 as f32, fy - y0 as f32);
            let g = |xx: i64, yy: i64| f32::from(px[(yy * w + xx) as usize]);
            let v = g(x0, y0) * (1.0 - ax) * (1.0 - ay)
                + g(x1, y0) * ax * (1.0 - ay)
                + g(x0, y1) * (1.0 - ax) * ay
                + g(x1, y1) * ax * ay;
            canvas[((y + PAD) * cw + x + PAD) as usize] = v as u8;
        }
    }
    let mut crop = PageImage::from_pixels(img.page, cw as u32, ch as u32, canvas, img.scale);
    crop.dpi = img.dpi * k as f64;
    let cell_opts = OcrOptions {
        psm: 6,
        ..opts.clone()
    };
    let words = tesseract::run(&crop, &cell_opts).ok()?;
    Some(
        words
            .into_iter()
            .filter(|wd| !wd.text.trim().is_empty())
            .map(|mut wd| {
                wd.left = (wd.left - PAD) / k + c[0];
                wd.top = (wd.top - PAD) / k + c[1];
                wd.width /= k;
                wd.height /= k;
                wd.block += block;
                wd
            })
            .collect(),
    )
}
