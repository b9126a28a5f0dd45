//! Number cells of scanned tables re-read from their pixels. Tesseract's Thai model
//! reads the Thai digits of printed score tables poorly (๙ as ๕ or ส, ๔ as ๕, ๗ as ๒),
//! so in table columns that hold numbers each cell is cut into glyphs (connected ink
//! components) and every glyph is matched against reference shapes of ๐-๙ drawn from
//! free Thai fonts (`thai_digits.tsv`, made by `scripts/make_digit_templates.sh`);
//! small round marks on the baseline are the decimal point, a lone flat stroke is "-".
//!
//! Input: the [`PageImage`], OCR [`Word`]s and the page's vertical rules; output: the
//! words with those cells' text replaced (one word per cell, box = the glyphs' box).

use super::layout::{rules_across, visual_lines, Rule, INK, RULE_INK};
use super::raster::PageImage;
use super::tesseract::Word;
use std::sync::OnceLock;

/// Farthest a glyph may lie from its nearest digit shape (squared grid distance plus
/// the aspect term of [`classify`]) and still be read as that digit. Clean scanned
/// digits come within about 30; the halves of a broken ๐ or two touching glyphs lie
/// beyond 40.
const MAX_DIGIT_DISTANCE: f32 = 40.0;

/// Side of the normalised glyph grid (must match the template script).
const GRID: usize = 20;

struct Template {
    digit: u8,
    aspect: f32,
    cells: Vec<f32>,
}

fn templates() -> &'static [Template] {
    static T: OnceLock<Vec<Template>> = OnceLock::new();
    T.get_or_init(|| {
        include_str!("thai_digits.tsv")
            .lines()
            .filter_map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                let digit: u8 = f.get(1)?.parse().ok()?;
                let aspect: f32 = f.get(2)?.parse().ok()?;
                let cells: Vec<f32> = f
                    .get(3)?
                    .chars()
                    .map(|c| c.to_digit(16).unwrap_or(0) as f32 / 15.0)
                    .collect();
                (cells.len() == GRID * GRID && digit < 10).then(|| Template {
                    digit,
                    aspect,
                    cells: blur(&cells),
                })
            })
            .collect()
    })
}

/// 3x3 box blur on the grid, so that a stroke one cell off still matches.
fn blur(g: &[f32]) -> Vec<f32> {
    let mut out = vec![0.0; g.len()];
    for y in 0..GRID {
        for x in 0..GRID {
            let (mut s, mut n) = (0.0, 0.0);
            for dy in -1i32..=1 {
                for dx in -1i32..=1 {
                    let (xx, yy) = (x as i32 + dx, y as i32 + dy);
                    if (0..GRID as i32).contains(&xx) && (0..GRID as i32).contains(&yy) {
                        s += g[yy as usize * GRID + xx as usize];
                        n += 1.0;
                    }
                }
            }
            out[y * GRID + x] = s / n;
        }
    }
    out
}

/// A connected component of ink: its box and pixels (absolute coordinates).
#[derive(Debug, Clone)]
struct Blob {
    x0: i64,
    y0: i64,
    x1: i64,
    y1: i64,
    pixels: Vec<(i64, i64)>,
}

impl Blob {
    fn w(&self) -> i64 {
        self.x1 - self.x0
    }
    fn h(&self) -> i64 {
        self.y1 - self.y0
    }
}

/// The ink threshold of one cell: Otsu's split of its gray levels, kept between
/// [`INK`] and [`RULE_INK`]. A JPEG-compressed or upsampled scan draws the thin top
/// and bottom of a ๐ in light gray; at the page-wide [`INK`] the ring falls apart into
/// two strokes that match no digit.
fn ink_level(img: &PageImage, r: [i64; 4]) -> u8 {
    let [x0, y0, x1, y1] = r;
    let mut hist = [0u64; 256];
    for y in y0..y1 {
        for x in x0..x1 {
            hist[img.at(x, y) as usize] += 1;
        }
    }
    let total: u64 = hist.iter().sum();
    if total == 0 {
        return INK;
    }
    let sum_all: f64 = hist
        .iter()
        .enumerate()
        .map(|(v, &n)| v as f64 * n as f64)
        .sum();
    let (mut w0, mut sum0, mut best, mut level) = (0f64, 0f64, -1f64, INK);
    for (t, &n) in hist.iter().enumerate() {
        w0 += n as f64;
        sum0 += t as f64 * n as f64;
        let w1 = total as f64 - w0;
        if w0 == 0.0 || w1 == 0.0 {
            continue;
        }
        let (m0, m1) = (sum0 / w0, (sum_all - sum0) / w1);
        let between = w0 * w1 * (m0 - m1) * (m0 - m1);
        if between > best {
            best = between;
            // Pixels at or below t are ink.
            level = (t + 1).min(255) as u8;
        }
    }
    level.clamp(INK, RULE_INK)
}

/// 8-connected ink components inside a region. Columns and rows that are mostly ink
/// are ruling lines, not glyphs, and are left out (a digit touching a rule stays whole).
fn blobs(img: &PageImage, r: [i64; 4]) -> Vec<Blob> {
    let [x0, y0, x1, y1] = r;
    let (w, h) = ((x1 - x0).max(0) as usize, (y1 - y0).max(0) as usize);
    let ink_below = ink_level(img, r);
    let mut seen = vec![false; w * h];
    for x in 0..w {
        let ink = (0..h)
            .filter(|&y| img.at(x0 + x as i64, y0 + y as i64) < ink_below)
            .count();
        if ink * 10 > h * 6 {
            (0..h).for_each(|y| seen[y * w + x] = true);
        }
    }
    for y in 0..h {
        let ink = (0..w)
            .filter(|&x| img.at(x0 + x as i64, y0 + y as i64) < ink_below)
            .count();
        if ink * 10 > w * 6 {
            (0..w).for_each(|x| seen[y * w + x] = true);
        }
    }
    let mut out = Vec::new();
    for sy in 0..h {
        for sx in 0..w {
            if seen[sy * w + sx] || img.at(x0 + sx as i64, y0 + sy as i64) >= ink_below {
                continue;
            }
            let mut stack = vec![(sx, sy)];
            seen[sy * w + sx] = true;
            let mut b = Blob {
                x0: i64::MAX,
                y0: i64::MAX,
                x1: i64::MIN,
                y1: i64::MIN,
                pixels: Vec::new(),
            };
            while let Some((x, y)) = stack.pop() {
                let (ax, ay) = (x0 + x as i64, y0 + y as i64);
                b.x0 = b.x0.min(ax);
                b.y0 = b.y0.min(ay);
                b.x1 = b.x1.max(ax + 1);
                b.y1 = b.y1.max(ay + 1);
                b.pixels.push((ax, ay));
                for dy in -1i64..=1 {
                    for dx in -1i64..=1 {
                        let (nx, ny) = (x as i64 + dx, y as i64 + dy);
                        if nx < 0 || ny < 0 || nx >= w as i64 || ny >= h as i64 {
                            continue;
                        }
                        let i = ny as usize * w + nx as usize;
                        if !seen[i] && img.at(x0 + nx, y0 + ny) < ink_below {
                            seen[i] = true;
                            stack.push((nx as usize, ny as usize));
                        }
                    }
                }
            }
            out.push(b);
        }
    }
    out
}

/// Cut a blob wider than about 1.4 digits into `round(w / h)` parts at the columns with
/// the least ink near each expected boundary.
fn split_wide(g: Blob, digit_h: i64) -> Vec<Blob> {
    if digit_h <= 0 || g.w() * 10 <= digit_h * 14 || g.h() * 2 < digit_h {
        return vec![g];
    }
    let parts = ((g.w() as f64 / digit_h as f64).round() as i64).clamp(2, 6);
    let mut ink = vec![0u32; g.w() as usize];
    for &(x, _) in &g.pixels {
        ink[(x - g.x0) as usize] += 1;
    }
    let step = g.w() / parts;
    let mut cuts = Vec::new();
    for k in 1..parts {
        let centre = k * step;
        let lo = (centre - step / 3).max(1);
        let hi = (centre + step / 3).min(g.w() - 1);
        let cut = (lo..=hi)
            .min_by_key(|&x| (ink[x as usize], (x - centre).abs()))
            .unwrap_or(centre);
        cuts.push(g.x0 + cut);
    }
    let mut out: Vec<Blob> = Vec::new();
    let mut bounds = vec![g.x0];
    bounds.extend(cuts);
    bounds.push(g.x1);
    for w in bounds.windows(2) {
        let pixels: Vec<(i64, i64)> = g
            .pixels
            .iter()
            .copied()
            .filter(|&(x, _)| x >= w[0] && x < w[1])
            .collect();
        if pixels.is_empty() {
            continue;
        }
        let mut b = Blob {
            x0: i64::MAX,
            y0: i64::MAX,
            x1: i64::MIN,
            y1: i64::MIN,
            pixels,
        };
        for &(x, y) in &b.pixels {
            b.x0 = b.x0.min(x);
            b.y0 = b.y0.min(y);
            b.x1 = b.x1.max(x + 1);
            b.y1 = b.y1.max(y + 1);
        }
        out.push(b);
    }
    out
}

/// Normalise a glyph into the grid the same way the template script does.
fn normalise(b: &Blob) -> Vec<f32> {
    let (bw, bh) = (b.w() as f64, b.h() as f64);
    let mut ink = vec![false; (b.w() * b.h()) as usize];
    for &(x, y) in &b.pixels {
        ink[((y - b.y0) * b.w() + (x - b.x0)) as usize] = true;
    }
    let s = GRID as f64 / bw.max(bh);
    let (ox, oy) = ((GRID as f64 - bw * s) / 2.0, (GRID as f64 - bh * s) / 2.0);
    let mut cells = Vec::with_capacity(GRID * GRID);
    for gy in 0..GRID {
        for gx in 0..GRID {
            let (sx0, sx1) = ((gx as f64 - ox) / s, (gx as f64 + 1.0 - ox) / s);
            let (sy0, sy1) = ((gy as f64 - oy) / s, (gy as f64 + 1.0 - oy) / s);
            let (mut tot, mut n) = (0u32, 0u32);
            let mut yy = sy0.floor() as i64;
            while (yy as f64) < sy1 {
                let mut xx = sx0.floor() as i64;
                while (xx as f64) < sx1 {
                    if xx >= 0
                        && yy >= 0
                        && xx < b.w()
                        && yy < b.h()
                        && ink[(yy * b.w() + xx) as usize]
                    {
                        tot += 1;
                    }
                    n += 1;
                    xx += 1;
                }
                yy += 1;
            }
            let v = if n == 0 { 0.0 } else { tot as f32 / n as f32 };
            // Quantised like the templates (hex nibbles).
            cells.push((v * 15.0).round() / 15.0);
        }
    }
    blur(&cells)
}

/// The nearest digit and how sure: (digit, distance, gap to the best other digit).
fn classify(b: &Blob) -> (u8, f32, f32) {
    let g = normalise(b);
    let aspect = b.w() as f32 / b.h().max(1) as f32;
    let mut best = [f32::INFINITY; 10];
    for t in templates() {
        let d: f32 = t
            .cells
            .iter()
            .zip(&g)
            .map(|(a, b)| (a - b) * (a - b))
            .sum::<f32>()
            + 8.0 * (t.aspect.ln() - aspect.ln()).powi(2);
        let slot = &mut best[t.digit as usize];
        *slot = slot.min(d);
    }
    let mut order: Vec<usize> = (0..10).collect();
    order.sort_by(|&a, &b| best[a].total_cmp(&best[b]));
    (
        order[0] as u8,
        best[order[0]],
        best[order[1]] - best[order[0]],
    )
}

/// Read a number cell: Thai digits, '.', '-'. `None` when the cell holds no glyphs or
/// something that is not a number (a glyph far taller than the digits, say).
fn read_cell(
    img: &PageImage,
    region: [i64; 4],
    band: (i64, i64),
    digit_h: i64,
) -> Option<(String, [i64; 4], f32)> {
    let speck = ((digit_h / 7).max(2)).pow(2);
    let mut parts: Vec<Blob> = blobs(img, region)
        .into_iter()
        // Specks, remnants of ruling lines along the cell's edges, and ink of the rows
        // above and below (centre outside this line's band).
        .filter(|b| {
            let cy = (b.y0 + b.y1) / 2;
            b.pixels.len() as i64 >= speck
                && b.h() < 3 * digit_h
                && b.w() < 6 * digit_h
                && cy >= band.0
                && cy <= band.1
        })
        .collect();
    if parts.is_empty() {
        return None;
    }
    parts.sort_by_key(|b| b.x0);
    // Pieces of one broken glyph overlap in x: join them.
    let mut glyphs: Vec<Blob> = Vec::new();
    for b in parts {
        if let Some(g) = glyphs.last_mut() {
            let overlap = g.x1.min(b.x1) - g.x0.max(b.x0);
            if overlap * 2 > b.w().min(g.w()) && b.h() > digit_h / 3 && g.h() > digit_h / 3 {
                g.x0 = g.x0.min(b.x0);
                g.y0 = g.y0.min(b.y0);
                g.x1 = g.x1.max(b.x1);
                g.y1 = g.y1.max(b.y1);
                g.pixels.extend(b.pixels);
                continue;
            }
        }
        glyphs.push(b);
    }
    let tall = glyphs.iter().map(|g| g.h()).max().unwrap_or(0);
    // Digits printed close together touch in a scan: cut glyphs much wider than a digit
    // at their thinnest columns.
    let glyphs: Vec<Blob> = glyphs
        .into_iter()
        .flat_map(|g| split_wide(g, tall))
        .collect();
    let bottom = glyphs
        .iter()
        .filter(|g| g.h() * 2 > tall)
        .map(|g| g.y1)
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    let mut bbox = [i64::MAX, i64::MAX, i64::MIN, i64::MIN];
    let mut margin = f32::INFINITY;
    for g in &glyphs {
        let flat = g.w() >= 2 * g.h();
        let c = if flat && g.h() * 2 < digit_h && glyphs.len() == 1 {
            '-'
        } else if flat && g.h() * 2 < digit_h {
            // A piece of a ruling line left in the cell.
            continue;
        } else if g.h() * 3 < tall && g.w() * 2 < tall && g.y1 + tall / 4 >= bottom {
            '.'
        } else if g.h() * 3 < tall {
            // A mark off the baseline (noise, part of a neighbouring row): skip.
            continue;
        } else {
            let (d, dist, m) = classify(g);
            if dist > MAX_DIGIT_DISTANCE {
                // A shape like no digit (a broken or merged glyph): the cell's reading
                // would be a guess, and the engine's text stays.
                return None;
            }
            margin = margin.min(m);
            char::from_u32(0x0E50 + d as u32).unwrap_or('\u{FFFD}')
        };
        // One decimal point at most between digits.
        if c == '.' && (text.is_empty() || text.ends_with('.')) {
            continue;
        }
        text.push(c);
        bbox = [
            bbox[0].min(g.x0),
            bbox[1].min(g.y0),
            bbox[2].max(g.x1),
            bbox[3].max(g.y1),
        ];
    }
    while text.ends_with('.') {
        text.pop();
    }
    (!text.is_empty()).then_some((text, bbox, margin))
}

/// Whether OCR text looks like a Thai-digit number, perhaps misread: mostly Thai digits
/// (U+0E50..U+0E59), or Thai digits with a decimal point, and no Latin letters or Arabic
/// digits. The engine reads Arabic digits well, and an item-code column read as "012"
/// must never be re-read as Thai digits.
fn numeric_like(t: &str) -> bool {
    let n = t.chars().filter(|c| !c.is_whitespace()).count();
    if t.trim() == "-" {
        return true;
    }
    if n == 0 || t.chars().any(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    let digits = t
        .chars()
        .filter(|c| crate::vocab::chars::is_thai_digit(*c))
        .count();
    digits * 2 >= n || t.contains('.') && digits > 0
}

/// Lowercase Latin letters and punctuation only: what the engine writes when it falls
/// back to its English model on Thai digits ("wasn" for ๒๙.๙๓, "ca.clo").
fn latin_garbage(t: &str) -> bool {
    let t = t.trim();
    t.chars().count() >= 2
        && t.chars().any(|c| c.is_ascii_lowercase())
        && !t.chars().any(|c| {
            c.is_ascii_uppercase() || c.is_ascii_digit() || ('\u{0E01}'..='\u{0E4F}').contains(&c)
        })
}

/// Re-read the cells of numeric table columns from the pixels.
pub fn reread_number_cells(
    img: &PageImage,
    words: Vec<Word>,
    vrules: &[Rule],
    digit_h: i64,
) -> Vec<Word> {
    if templates().is_empty() || vrules.is_empty() {
        return words;
    }
    let lines = visual_lines(&words);
    // Cells: (column key, line index, left rule, right rule); column key = left rule x / 16.
    let mut cells: Vec<(i64, usize, i64, i64)> = Vec::new();
    for (li, line) in lines.iter().enumerate() {
        let cy = (line.top + line.bottom) / 2;
        let xs = rules_across(vrules, cy);
        for pair in xs.windows(2) {
            if pair[1] - pair[0] > digit_h {
                cells.push((pair[0] / 16, li, pair[0], pair[1]));
            }
        }
    }
    let text_of = |li: usize, l: i64, r: i64| -> String {
        lines[li]
            .words
            .iter()
            .filter(|w| (w.left + w.right()) / 2 > l && (w.left + w.right()) / 2 < r)
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join("")
    };
    // A column holds numbers when most of its non-empty cells read as numbers.
    let mut votes: std::collections::BTreeMap<i64, (u32, u32)> = Default::default();
    for &(key, li, l, r) in &cells {
        let t = text_of(li, l, r);
        if t.trim().is_empty() {
            continue;
        }
        let v = votes.entry(key).or_default();
        v.1 += 1;
        if numeric_like(&t) {
            v.0 += 1;
        }
    }
    let numeric = |key: i64| {
        [key - 1, key, key + 1]
            .iter()
            .filter_map(|k| votes.get(k))
            .any(|&(num, all)| all >= 3 && num * 2 >= all)
    };
    let mut replaced: Vec<(usize, i64, i64, Word)> = Vec::new();
    for &(key, li, l, r) in &cells {
        if !numeric(key) {
            continue;
        }
        let t = text_of(li, l, r);
        // Only cells the engine read as a number (or as Latin garbage); a header ("IIT",
        // "ที่") or a name in a number column keeps its OCR text, and so does "-".
        if t.trim() == "-" || !(numeric_like(&t) || latin_garbage(&t)) {
            continue;
        }
        let line = &lines[li];
        let pad = (line.bottom - line.top) / 2;
        let region = [l + 4, line.top - pad, r - 3, line.bottom + pad];
        let Some((text, b, margin)) = read_cell(img, region, (line.top, line.bottom), digit_h)
        else {
            continue;
        };
        let (block, par, wline) = line
            .words
            .first()
            .map_or((0, 0, 0), |w| (w.block, w.par, w.line));
        replaced.push((
            li,
            l,
            r,
            template_word(text, b, margin, (block, par, wline)),
        ));
    }
    with_cells_replaced(words, &lines, replaced)
}

/// The page's words with the words of each re-read cell — (line index, left rule, right
/// rule, new word) — replaced by its new reading.
fn with_cells_replaced(
    words: Vec<Word>,
    lines: &[super::layout::VLine],
    replaced: Vec<(usize, i64, i64, Word)>,
) -> Vec<Word> {
    if replaced.is_empty() {
        return words;
    }
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    for (li, line) in lines.iter().enumerate() {
        for w in &line.words {
            let cx = (w.left + w.right()) / 2;
            let gone = replaced
                .iter()
                .any(|(rl, l, r, _)| *rl == li && cx > *l && cx < *r);
            if !gone {
                out.push(w.clone());
            }
        }
    }
    out.extend(replaced.into_iter().map(|(_, _, _, w)| w));
    out
}

/// A code cell the engine read as digits that no item code is: three digits or more
/// not led by 0 ("๕๕๖๕", "652"), as Thai-digit codes (๐๑, ๐๒) come out.
fn implausible_code(t: &str) -> bool {
    let t = t.trim();
    let digit = |c: char| c.is_ascii_digit() || crate::vocab::chars::is_thai_digit(c);
    let digits = t.chars().filter(|&c| digit(c)).count();
    !t.is_empty()
        && t.chars().all(|c| digit(c) || c.is_ascii_punctuation())
        && digits >= 3
        && t.chars().next().and_then(crate::normalize::digit_value) != Some(0)
}

/// Code cells in Thai digits re-read from the pixels: in a table whose first column
/// the engine read, in five lines or more, as digits no code is ("๕๕๖๕" for
/// ๐๑), every first cell of that column is read with the digit shapes instead, and
/// its words replaced where that reading is Thai digits only (one to three).
pub fn reread_code_cells(
    img: &PageImage,
    words: Vec<Word>,
    vrules: &[Rule],
    digit_h: i64,
) -> Vec<Word> {
    if templates().is_empty() || vrules.len() < 3 {
        return words;
    }
    let lines = visual_lines(&words);
    // (line index, left rule, right rule) of each line's first cell.
    let mut firsts: Vec<(usize, i64, i64)> = Vec::new();
    for (li, line) in lines.iter().enumerate() {
        let cy = (line.top + line.bottom) / 2;
        let xs = rules_across(vrules, cy);
        if xs.len() >= 3 && xs[1] - xs[0] > digit_h {
            firsts.push((li, xs[0], xs[1]));
        }
    }
    let text_of = |li: usize, l: i64, r: i64| -> String {
        lines[li]
            .words
            .iter()
            .filter(|w| (w.left + w.right()) / 2 > l && (w.left + w.right()) / 2 < r)
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join("")
    };
    let votes = firsts
        .iter()
        .filter(|&&(li, l, r)| implausible_code(&text_of(li, l, r)))
        .count();
    if votes < 5 {
        return words;
    }
    let mut replaced: Vec<(usize, i64, i64, Word)> = Vec::new();
    for &(li, l, r) in &firsts {
        let t = text_of(li, l, r);
        // "O12", "Q&A": Latin letters are read well; "ข้อ", a header word, is no code.
        let thai_letters = t
            .chars()
            .filter(|c| crate::vocab::chars::is_thai_consonant(*c))
            .count();
        if thai_letters >= 2
            || t.chars()
                .any(|c| c.is_alphabetic() && !('\u{0E01}'..='\u{0E4F}').contains(&c))
        {
            continue;
        }
        let line = &lines[li];
        let pad = (line.bottom - line.top) / 4;
        let region = [l + 4, line.top - pad, r - 3, line.bottom + pad];
        let Some((text, b, margin)) = read_cell(img, region, (line.top, line.bottom), digit_h)
        else {
            continue;
        };
        let n = text.chars().count();
        if !(1..=3).contains(&n) || !text.chars().all(crate::vocab::chars::is_thai_digit) {
            continue;
        }
        let (block, par, wline) = line
            .words
            .first()
            .map_or((0, 0, 0), |w| (w.block, w.par, w.line));
        replaced.push((
            li,
            l,
            r,
            template_word(text, b, margin, (block, par, wline)),
        ));
    }
    with_cells_replaced(words, &lines, replaced)
}

/// A word read by the digit templates, its confidence from the margin of the glyphs'
/// best match over the next, in the engine's scale.
fn template_word(text: String, b: [i64; 4], margin: f32, at: (u32, u32, u32)) -> Word {
    Word::from_box(text, b, (50.0 + margin * 10.0).min(99.0), at)
}

/// The value of a word the engine read as four digits (Thai or Arabic, one misread
/// letter allowed: "๒๕๒ส๕" has five characters and four digits), if it did.
fn four_digit_value(t: &str) -> Option<i32> {
    let t = t.trim_matches(|c: char| c.is_ascii_punctuation());
    if t.contains(['.', ',']) {
        // A decimal or grouped number, not a year.
        return None;
    }
    let digits: String = t
        .chars()
        .filter_map(crate::normalize::digit_value)
        .filter_map(|d| char::from_digit(d, 10))
        .collect();
    (digits.len() == 4 && t.chars().count() <= 5)
        .then(|| digits.parse().ok())
        .flatten()
}

/// The first column from `x` outwards (`dir` -1 or 1) with no ink in `band`, at most
/// `max` pixels away.
fn ink_edge(img: &PageImage, x: i64, dir: i64, band: (i64, i64), max: i64) -> i64 {
    let inked = |x: i64| (band.0..band.1).any(|y| img.at(x, y) < INK);
    let mut at = x;
    while (at - x).abs() < max && inked(at) {
        at += dir;
    }
    at
}

/// The year a reading names: four Thai digits, a plausible Buddhist-era year.
fn year_reading(text: &str) -> Option<i32> {
    (text.chars().count() == 4 && text.chars().all(crate::vocab::chars::is_thai_digit))
        .then(|| four_digit_value(text))
        .flatten()
        .and_then(crate::vocab::plausible_be_year)
}

/// Years in running text re-read from the pixels. The engine's Thai model reads a
/// year in Thai digits in body text as digits no year is (๒๕๖๘ as ๒๕๒๕, the ๖ taken
/// for ๒); a word it read as four digits naming no plausible year is read again with
/// the digit shapes, and replaced when that reading is four Thai digits naming one. A
/// number that reads as a year already, or whose shapes read as no year, keeps the
/// engine's text.
pub fn reread_year_words(img: &PageImage, words: Vec<Word>, digit_h: i64) -> (Vec<Word>, usize) {
    if templates().is_empty() {
        return (words, 0);
    }
    let mut n = 0;
    let words = words
        .into_iter()
        .map(|w| {
            let Some(v) = four_digit_value(&w.text) else {
                return w;
            };
            if crate::vocab::plausible_be_year(v).is_some() {
                return w;
            }
            // The engine's word boxes clip the outer strokes of the first and last digit:
            // each side is widened to the first column without ink (at most a digit).
            let pad = w.height / 2;
            let band = (w.top, w.top + w.height);
            let region = [
                ink_edge(img, w.left, -1, band, digit_h) - 2,
                w.top - pad,
                ink_edge(img, w.right(), 1, band, digit_h) + 2,
                w.top + w.height + pad,
            ];
            let Some((text, b, margin)) = read_cell(img, region, band, digit_h)
                .map(|(t, b, m)| (t.replace('.', ""), b, m))
                .filter(|(t, _, _)| year_reading(t).is_some())
            else {
                return w;
            };
            n += 1;
            template_word(text, b, margin, (w.block, w.par, w.line))
        })
        .collect();
    (words, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_digit_words_and_years() {
        assert_eq!(four_digit_value("๒๕๒๕"), Some(2525));
        assert_eq!(four_digit_value("๒๕๒ส๕"), Some(2525));
        assert_eq!(four_digit_value("(2568)"), Some(2568));
        assert_eq!(four_digit_value("๒๕.๖๘"), None);
        assert_eq!(four_digit_value("๑,๒๓๔"), None);
        assert_eq!(four_digit_value("๕๓๓"), None);
        assert_eq!(year_reading("๒๕๖๘"), Some(2568));
        // No plausible year, or not four Thai digits: no reading to take.
        assert_eq!(year_reading("๒๕๒๕"), None);
        assert_eq!(year_reading("2568"), None);
        assert_eq!(year_reading("๒๕๖"), None);
    }

    #[test]
    fn templates_load_and_recognise_themselves() {
        let t = templates();
        assert!(t.len() >= 100, "{} templates", t.len());
        for d in 0..10u8 {
            assert!(t.iter().any(|x| x.digit == d));
        }
    }

    #[test]
    fn numeric_like_cells() {
        let cases = [
            ("๒๙.๘๙", true),
            ("๓๓๕.ส๕๓", true),
            ("ca.clo", false),
            ("O12", false),
            ("012", false),
            ("-", true),
            ("ผ่านดี", false),
            ("วิทยาลัยเทคนิค", false),
            ("๑๐", true),
        ];
        for (t, want) in cases {
            assert_eq!(numeric_like(t), want, "{t}");
        }
    }

    #[test]
    fn latin_garbage_cells() {
        for (t, want) in [
            ("wasn", true),
            ("ca.clo", true),
            ("IIT", false),
            ("Olt", false),
            ("๒๙", false),
            ("-", false),
        ] {
            assert_eq!(latin_garbage(t), want, "{t}");
        }
    }

    /// A glyph drawn from a template's own grid is classified as that digit.
    #[test]
    fn grid_glyphs_classify() {
        let src = include_str!("thai_digits.tsv");
        for line in src.lines().filter(|l| l.starts_with("Laksaman\t")) {
            let f: Vec<&str> = line.split('\t').collect();
            let want: u8 = f[1].parse().unwrap();
            // Upscale the 20x20 grid 2x into a blob.
            let mut b = Blob {
                x0: i64::MAX,
                y0: i64::MAX,
                x1: i64::MIN,
                y1: i64::MIN,
                pixels: vec![],
            };
            for (i, c) in f[3].chars().enumerate() {
                if c.to_digit(16).unwrap() >= 8 {
                    let (x, y) = ((i % GRID) as i64 * 2, (i / GRID) as i64 * 2);
                    for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                        b.pixels.push((x + dx, y + dy));
                        b.x0 = b.x0.min(x + dx);
                        b.y0 = b.y0.min(y + dy);
                        b.x1 = b.x1.max(x + dx + 1);
                        b.y1 = b.y1.max(y + dy + 1);
                    }
                }
            }
            assert_eq!(classify(&b).0, want);
        }
    }

    /// A ring (a ๐) whose sides are dark but whose thin top and bottom came out light
    /// gray, as JPEG or upsampling leaves them: one blob at the cell's own ink level;
    /// at the page-wide [`INK`] it would fall apart into two strokes.
    #[test]
    fn light_ring_stays_one_glyph() {
        let (w, h) = (40u32, 40u32);
        let mut px = vec![255u8; (w * h) as usize];
        let (cx, cy) = (20.0f64, 20.0f64);
        for y in 0..h {
            for x in 0..w {
                let (dx, dy) = (x as f64 - cx, (y as f64 - cy) / 1.3);
                let r = (dx * dx + dy * dy).sqrt();
                if (7.0..9.5).contains(&r) {
                    // Sides dark, top and bottom (|dx| small) light gray.
                    px[(y * w + x) as usize] = if dx.abs() > 3.0 { 90 } else { 170 };
                }
            }
        }
        let img = PageImage::from_pixels(1, w, h, px, 1.0);
        let level = ink_level(&img, [0, 0, w as i64, h as i64]);
        assert!(level > 170 && level <= RULE_INK, "level {level}");
        let b = blobs(&img, [0, 0, w as i64, h as i64]);
        assert_eq!(b.len(), 1, "{} blobs", b.len());
        // A clean black-on-white cell keeps the page's level.
        let clean = PageImage::from_pixels(1, 4, 1, vec![0, 255, 0, 255], 1.0);
        assert_eq!(ink_level(&clean, [0, 0, 4, 1]), INK);
    }
}
