//! OCR words to page text: ruling lines found in the raster, words grouped into visual
//! lines (Tesseract's own line ids first, then lines at the same height across blocks
//! joined), and table cells separated by TAB where a ruling line or a wide gap lies
//! between words. The text has the flavour the PDF text reader writes: one line per
//! visual line, cells separated by TAB, checkbox states as ☐ / ☑ before their label.
//!
//! Input: [`Word`]s in raster pixels and the [`PageImage`]; output: a
//! [`PageText`] whose `boxes` map each word's byte range to its box in PDF points.

use super::raster::PageImage;
use super::tesseract::Word;
use crate::source::PageText;

/// A straight ruling line in raster pixels: vertical ones have `x0 ≈ x1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Position across the line (x for vertical, y for horizontal), pixel centre, at
    /// `pivot` along it.
    pub at: i64,
    /// Extent along the line.
    pub from: i64,
    pub to: i64,
    /// Drift across per pixel along (a skewed scan's rules are not axis-parallel).
    pub slope: f64,
    /// The position along the line where `at` holds.
    pub pivot: i64,
}

impl Rule {
    /// The rule's position across at `along` (x at a given y, for a vertical rule).
    pub fn at_along(&self, along: i64) -> i64 {
        self.at + (self.slope * (along - self.pivot) as f64).round() as i64
    }
}

/// Where the vertical `rules` crossing height `y` stand at that height, left to right:
/// the cell borders of the table row at `y`.
pub fn rules_across(rules: &[Rule], y: i64) -> Vec<i64> {
    let mut xs: Vec<i64> = rules
        .iter()
        .filter(|r| r.from <= y && r.to >= y)
        .map(|r| r.at_along(y))
        .collect();
    xs.sort_unstable();
    xs
}

/// Pixels darker than this are ink.
pub const INK: u8 = 140;

/// Pixels darker than this may belong to a ruling line: thin table borders come out
/// light gray from a blurred or JPEG-compressed scan; only long unbroken runs count.
pub const RULE_INK: u8 = 190;

/// Long straight runs of ink: vertical rules (scanning columns) or horizontal ones
/// (scanning rows), at least `min_len` pixels long, gaps of up to 4 pixels bridged,
/// adjacent columns/rows merged into one rule.
pub fn find_rules(img: &PageImage, vertical: bool, min_len: i64) -> Vec<Rule> {
    find_rules_at(img, vertical, min_len, RULE_INK)
        .into_iter()
        .map(|(r, _)| r)
        .collect()
}

/// [`find_rules`] at a given ink threshold, each rule with the number of pixel runs
/// merged into it (about its thickness).
fn find_rules_at(img: &PageImage, vertical: bool, min_len: i64, thresh: u8) -> Vec<(Rule, i64)> {
    let (across, along) = if vertical {
        (img.width as i64, img.height as i64)
    } else {
        (img.height as i64, img.width as i64)
    };
    let ink = |a: i64, b: i64| -> bool {
        if vertical {
            img.at(a, b) < thresh
        } else {
            img.at(b, a) < thresh
        }
    };
    // Each run is traced: it may step one pixel sideways per pixel along, so a rule of a
    // skewed scan (0.8° drifts one pixel in 70) is followed instead of broken up.
    let mut runs: Vec<Rule> = Vec::new();
    for a in 0..across {
        let mut start: Option<(i64, i64)> = None; // (b, across position at start)
        let mut p = a;
        let mut gap = 0;
        for b in 0..=along {
            let hit = if b >= along {
                None
            } else if start.is_none() {
                ink(a, b).then_some(a)
            } else {
                [p, p - 1, p + 1].into_iter().find(|&q| ink(q, b))
            };
            match (hit, start) {
                (Some(q), None) => {
                    start = Some((b, q));
                    p = q;
                    gap = 0;
                }
                (Some(q), Some(_)) => {
                    p = q;
                    gap = 0;
                }
                (None, Some((s, a0))) => {
                    gap += 1;
                    if gap > 4 || b >= along {
                        let end = b - gap + 1;
                        if end - s >= min_len {
                            runs.push(Rule {
                                at: (a0 + p) / 2,
                                from: s,
                                to: end,
                                slope: (p - a0) as f64 / (end - s).max(1) as f64,
                                pivot: (s + end) / 2,
                            });
                        }
                        start = None;
                        p = a;
                    }
                }
                (None, None) => {}
            }
        }
    }
    // Merge runs in neighbouring columns that overlap along the line (thick or
    // slightly skewed rules).
    runs.sort_by_key(|r| (r.at, r.from));
    // (rule, sum of at, sum of pivots, count, longest run's length and slope)
    let mut merged: Vec<(Rule, i64, i64, i64, i64, f64)> = Vec::new();
    for r in runs {
        let len = r.to - r.from;
        if let Some(m) = merged
            .iter_mut()
            .rev()
            .take(16)
            .find(|m| r.at - m.0.at <= 3 && r.from < m.0.to && m.0.from < r.to)
        {
            m.0.from = m.0.from.min(r.from);
            m.0.to = m.0.to.max(r.to);
            m.0.at = r.at;
            m.1 += r.at;
            m.2 += r.pivot;
            m.3 += 1;
            if len > m.4 {
                m.4 = len;
                m.5 = r.slope;
            }
        } else {
            merged.push((r, r.at, r.pivot, 1, len, r.slope));
        }
    }
    let mut rules: Vec<(Rule, i64)> = merged
        .into_iter()
        .map(|(r, sum, pivots, n, _, slope)| {
            (
                Rule {
                    at: sum / n.max(1),
                    pivot: pivots / n.max(1),
                    slope,
                    ..r
                },
                n,
            )
        })
        .collect();
    // Pieces of one rule broken by a faint stretch (or a stamp over it) lie on one
    // line with a short gap: join them so every row between still sees the rule.
    rules.sort_by_key(|(r, _)| (r.from, r.at));
    let mut joined: Vec<(Rule, i64)> = Vec::new();
    for (r, n) in rules {
        if let Some((j, jn)) = joined.iter_mut().find(|(j, _)| {
            (j.at_along(r.pivot) - r.at).abs() <= 6
                && r.from >= j.from
                && r.from - j.to <= 6 * min_len
        }) {
            j.to = j.to.max(r.to);
            *jn = (*jn).max(n);
        } else {
            joined.push((r, n));
        }
    }
    joined.sort_by_key(|(r, _)| (r.at, r.from));
    joined
}

/// A visual line: words left to right.
#[derive(Debug, Clone)]
pub(crate) struct VLine {
    pub(crate) top: i64,
    pub(crate) bottom: i64,
    pub(crate) words: Vec<Word>,
}

impl VLine {
    fn left(&self) -> i64 {
        self.words.iter().map(|w| w.left).min().unwrap_or(0)
    }
    fn right(&self) -> i64 {
        self.words.iter().map(|w| w.right()).max().unwrap_or(0)
    }
}

/// Median of word heights (a stand-in for the text size), at least 8 pixels.
pub fn median_height(words: &[Word]) -> i64 {
    let mut h: Vec<i64> = words.iter().map(|w| w.height).collect();
    h.sort_unstable();
    h.get(h.len() / 2).copied().unwrap_or(20).max(8)
}

/// Group words into visual lines: Tesseract's (block, paragraph, line) first, then
/// lines whose vertical extents mostly overlap and whose horizontal extents do not
/// are the same visual line (table cells Tesseract read as separate blocks).
pub(crate) fn visual_lines(words: &[Word]) -> Vec<VLine> {
    let mut by_id: std::collections::BTreeMap<(u32, u32, u32), Vec<Word>> = Default::default();
    for w in words {
        by_id
            .entry((w.block, w.par, w.line))
            .or_default()
            .push(w.clone());
    }
    let mut tlines: Vec<VLine> = by_id
        .into_values()
        .map(|ws| {
            // The line's extent from the median word, so one tall glyph or mark does not
            // stretch it.
            let mut tops: Vec<i64> = ws.iter().map(|w| w.top).collect();
            let mut bottoms: Vec<i64> = ws.iter().map(|w| w.bottom()).collect();
            tops.sort_unstable();
            bottoms.sort_unstable();
            VLine {
                top: tops[tops.len() / 2],
                bottom: bottoms[bottoms.len() / 2],
                words: ws,
            }
        })
        .collect();
    tlines.sort_by_key(|l| ((l.top + l.bottom) / 2, l.left()));
    let mut out: Vec<VLine> = Vec::new();
    for t in tlines {
        let th = (t.bottom - t.top).max(1);
        let found = out.iter_mut().rev().take(8).find(|v| {
            let overlap = t.bottom.min(v.bottom) - t.top.max(v.top);
            let h = th.min(v.bottom - v.top).max(1);
            let apart = t.left() >= v.right() - h / 2 || t.right() <= v.left() + h / 2;
            2 * overlap >= h && apart
        });
        match found {
            Some(v) => {
                v.top = v.top.min(t.top);
                v.bottom = v.bottom.max(t.bottom);
                v.words.extend(t.words);
            }
            None => out.push(t),
        }
    }
    for v in &mut out {
        v.words.sort_by_key(|w| w.left);
    }
    out.sort_by_key(|v| ((v.top + v.bottom) / 2, v.left()));
    out
}

/// Words that are only a ruling line read as a character ("|", "l", "I", "[", "]").
fn is_rule_noise(w: &Word, rules: &[Rule]) -> bool {
    let t = w.text.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '|' | '!' | 'l' | 'I' | '[' | ']' | '1' | '/' | '\\'))
        && rules.iter().any(|r| {
            let x = r.at_along((w.top + w.bottom()) / 2);
            x >= w.left - 3 && x <= w.right() + 3 && r.from <= w.top && r.to >= w.bottom()
        })
}

/// Strokes a ruling line is read as at the edge of a word it touches.
fn is_rule_stroke(c: char) -> bool {
    matches!(
        c,
        '|' | '!' | '[' | ']' | '(' | ')' | '{' | '}' | '\\' | '/'
    )
}

/// Chars of a word that take room on the line (Thai vowel signs and tone marks above
/// or below their base take none).
fn spacing_chars(s: &str) -> usize {
    s.chars()
        .filter(|&c| !matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'))
        .count()
        .max(1)
}

/// A word the engine read together with the ruling line at its start or end
/// ("|([การปฏิบัติหน้าที่", "ไเ|การใช้งบประมาณ", "(|การป้องกัน"): the rule's stroke, and
/// the one or two glyphs misread around it, are cut off when a vertical rule crosses
/// the word where they stand, and the word's box is narrowed to the rest, so that the
/// rule separates the cells on either side. Words with no rule through such a piece are
/// left as they are.
fn cut_rule_strokes(w: &Word, rules: &[Rule]) -> Word {
    let cy = (w.top + w.bottom()) / 2;
    let xs: Vec<i64> = rules
        .iter()
        .filter(|r| r.from <= w.top && r.to >= w.bottom())
        .map(|r| r.at_along(cy))
        .filter(|&x| x >= w.left - 3 && x <= w.right() + 3)
        .collect();
    if xs.is_empty() {
        return w.clone();
    }
    let total = spacing_chars(&w.text) as i64;
    let width_of = |piece: &str| w.width * spacing_chars(piece) as i64 / total;
    let mut out = w.clone();
    // The longest start of at most three chars that ends in a stroke, crossed by a rule.
    let chars: Vec<(usize, char)> = w.text.char_indices().collect();
    let head = (0..chars.len().min(3)).rev().find_map(|i| {
        let end = chars.get(i + 1).map_or(w.text.len(), |c| c.0);
        if !is_rule_stroke(chars[i].1) || end == w.text.len() {
            return None;
        }
        let cut = width_of(&w.text[..end]);
        xs.iter()
            .any(|&x| x <= w.left + cut + 3)
            .then_some((end, cut))
    });
    if let Some((end, cut)) = head {
        out.text = w.text[end..].to_string();
        out.left += cut;
        out.width -= cut;
    }
    // The same at the end of the word.
    let chars: Vec<(usize, char)> = out.text.char_indices().collect();
    let n = chars.len();
    let tail = (0..n.min(3)).rev().find_map(|k| {
        let i = n - 1 - k;
        if !is_rule_stroke(chars[i].1) || i == 0 {
            return None;
        }
        let start = chars[i].0;
        let cut =
            out.width * spacing_chars(&out.text[start..]) as i64 / spacing_chars(&out.text) as i64;
        xs.iter()
            .any(|&x| x >= out.right() - cut - 3)
            .then_some((start, cut))
    });
    if let Some((start, cut)) = tail {
        out.text.truncate(start);
        out.width -= cut;
    }
    out
}

/// Vertical ruling lines of a page, long enough not to be letter strokes.
pub fn vertical_rules(img: &PageImage, words: &[Word]) -> Vec<Rule> {
    find_rules(img, true, (3 * median_height(words)).max(40))
}

/// Build the page text from OCR words.
pub fn page_text(img: &PageImage, words: &[Word]) -> PageText {
    page_text_with_rules(img, words, &vertical_rules(img, words))
}

/// Build the page text from OCR words and the page's vertical rules.
pub fn page_text_with_rules(img: &PageImage, words: &[Word], vrules: &[Rule]) -> PageText {
    let h = median_height(words);
    let words: Vec<Word> = words
        .iter()
        .filter(|w| !is_rule_noise(w, vrules))
        .map(|w| cut_rule_strokes(w, vrules))
        .collect();
    let lines = visual_lines(&words);
    let hrules: Vec<Rule> = if vrules.len() >= 2 {
        find_rules(img, false, (3 * h).max(40))
            .into_iter()
            .filter(|r| !through_words(r, &words, h))
            .collect()
    } else {
        Vec::new()
    };
    let mut text = String::new();
    let mut boxes = Vec::new();
    for group in table_rows(&lines, vrules, &hrules, h) {
        let group: Vec<&VLine> = group.iter().map(|&i| &lines[i]).collect();
        write_row(img, &group, vrules, h, &mut text, &mut boxes);
    }
    let mut page = PageText::new(img.page, text);
    page.boxes = boxes;
    page
}

/// Whether a horizontal "rule" runs through the middle of words: the bottoms of a
/// line of letters joined into one run, not a row rule.
pub(crate) fn through_words(r: &Rule, words: &[Word], h: i64) -> bool {
    words.iter().any(|w| {
        let y = r.at_along((w.left + w.right()) / 2);
        w.height < 2 * h
            && w.text.chars().count() >= 2
            && w.left < r.to
            && w.right() > r.from
            && y > w.top + w.height / 4
            && y < w.bottom() - w.height / 4
    })
}

/// Most visual lines one table row may span (a wrapped title, a two-line header).
const MAX_ROW_LINES: usize = 4;

/// Visual lines grouped into output rows: consecutive lines of a table that lie
/// between the same two horizontal rules (a cell's text wrapped onto more lines, a
/// header of two lines, a status box centred in a tall row) are one row, as the PDF
/// text reader writes it; every other line is a row of its own.
fn table_rows(lines: &[VLine], vrules: &[Rule], hrules: &[Rule], h: i64) -> Vec<Vec<usize>> {
    // The band of a line: the nearest horizontal rules above and below its middle that
    // run under all of its words (a short stroke inside a cell is no row rule).
    let band = |line: &VLine| -> Option<(usize, usize, i64)> {
        let cy = (line.top + line.bottom) / 2;
        let crossing = vrules.iter().filter(|r| r.from <= cy && r.to >= cy).count();
        if crossing < 2 {
            return None;
        }
        let cx = (line.left() + line.right()) / 2;
        let all = |r: &Rule| {
            line.words.iter().all(|w| {
                let x = (w.left + w.right()) / 2;
                r.from - 6 <= x && r.to + 6 >= x
            })
        };
        let up = (0..hrules.len())
            .filter(|&k| all(&hrules[k]) && hrules[k].at_along(cx) <= cy)
            .max_by_key(|&k| hrules[k].at_along(cx))?;
        let down = (0..hrules.len())
            .filter(|&k| all(&hrules[k]) && hrules[k].at_along(cx) > cy)
            .min_by_key(|&k| hrules[k].at_along(cx))?;
        let tall = hrules[down].at_along(cx) - hrules[up].at_along(cx);
        Some((up, down, tall))
    };
    let bands: Vec<Option<(usize, usize, i64)>> = lines.iter().map(band).collect();
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut j = i + 1;
        if let Some((up, down, tall)) = bands[i] {
            // A row is at most a few lines tall; a taller band is a table without row rules.
            if tall <= (MAX_ROW_LINES as i64 + 1) * 2 * h {
                // Where a row rule was missed, the band holds several rows: a second line
                // with text in the table's first cell (a code, a number) starts a new row.
                let mut first_cell = opens_first_cell(&lines[i], vrules);
                // Bands by height (rules are sorted top to bottom): a line whose band
                // holds the row's, or lies within it, belongs to the row (a rule under
                // some cells of a header only, the baseline of its first line).
                let (mut lo, mut hi) = (up, down);
                while j < lines.len()
                    && j - i < MAX_ROW_LINES
                    && bands[j].is_some_and(|(u, d, t)| {
                        let inside = u >= lo && d <= hi;
                        let holds = u <= lo && d >= hi && t <= (MAX_ROW_LINES as i64 + 1) * 2 * h;
                        inside || holds
                    })
                {
                    if let Some((u, d, _)) = bands[j] {
                        lo = lo.min(u);
                        hi = hi.max(d);
                    }
                    let f = opens_first_cell(&lines[j], vrules);
                    if f && first_cell {
                        break;
                    }
                    first_cell |= f;
                    j += 1;
                }
            }
        }
        out.push((i..j).collect());
        i = j;
    }
    out
}

/// Whether a line has a word in the first cell of the table it crosses.
fn opens_first_cell(line: &VLine, vrules: &[Rule]) -> bool {
    let cy = (line.top + line.bottom) / 2;
    let xs = rules_across(vrules, cy);
    xs.len() >= 2
        && line.words.iter().any(|w| {
            let x = (w.left + w.right()) / 2;
            x > xs[0] && x < xs[1]
        })
}

/// Write one output row (one visual line, or the lines of one table row) to the text.
fn write_row(
    img: &PageImage,
    group: &[&VLine],
    vrules: &[Rule],
    h: i64,
    text: &mut String,
    boxes: &mut Vec<(std::ops::Range<usize>, crate::source::BBox)>,
) {
    let top = group.iter().map(|l| l.top).min().unwrap_or(0);
    let bottom = group.iter().map(|l| l.bottom).max().unwrap_or(0);
    let lh = group
        .iter()
        .map(|l| l.bottom - l.top)
        .min()
        .unwrap_or(0)
        .max(h / 2)
        .max(1);
    let cy = if group.len() == 1 {
        (top + bottom) / 2
    } else {
        (group[0].top + group[0].bottom) / 2
    };
    // Vertical rules crossing this row, left to right.
    let crossing = rules_across(vrules, cy);
    let in_table = crossing.len() >= 2;
    // Words in output order: by cell (for a row of several lines), then line, then x.
    // (cell, line within the cell, word)
    let into = (lh / 2).max(2);
    let cell_of = |w: &Word| crossing.iter().filter(|&&x| x < w.left + into).count();
    let mut seq: Vec<(usize, usize, &Word)> = Vec::new();
    for (k, line) in group.iter().enumerate() {
        for w in &line.words {
            seq.push((if group.len() > 1 { cell_of(w) } else { 0 }, k, w));
        }
    }
    if group.len() > 1 {
        // Within a cell, lines by height: a box glyph the layout put on a line of its
        // own stands with the words beside it, not after the cell's other lines.
        seq.sort_by_key(|&(c, _, w)| (c, w.top + w.bottom()));
        let mut sub = 0;
        let mut last: Option<(usize, i64)> = None;
        for item in &mut seq {
            let cy = (item.2.top + item.2.bottom()) / 2;
            match last {
                Some((c, y)) if c == item.0 && cy - y <= lh / 2 => {}
                _ => {
                    sub += 1;
                    last = Some((item.0, cy));
                }
            }
            item.1 = sub;
        }
    }
    seq.sort_by_key(|&(c, k, w)| (c, k, w.left));
    let mut prev: Option<(usize, &Word)> = None;
    if in_table {
        // Leading empty cells: rules between the table's left border and the first word.
        let first = seq.first().map_or(0, |s| s.2.left);
        let before = crossing.iter().filter(|&&x| x < first).count();
        for _ in 1..before {
            text.push('\t');
        }
    }
    for &(_, k, w) in &seq {
        if let Some((pk, p)) = prev {
            let sep = if group.len() > 1 && (cell_of(p) != cell_of(w) || pk != k) {
                let n = cell_of(w).saturating_sub(cell_of(p));
                if n > 0 {
                    "\t".repeat(n)
                } else {
                    " ".to_string()
                }
            } else {
                // The engine's box of a word often takes in a bit of the rule before it.
                let rules_between = crossing
                    .iter()
                    .filter(|&&x| x > p.right() - 2 && x < w.left + into)
                    .count();
                let gap = w.left - p.right();
                // In a row of several lines the engine's line ids say nothing of cells
                // (a box glyph has its own).
                let same_tline =
                    group.len() > 1 || (p.block, p.par, p.line) == (w.block, w.par, w.line);
                if rules_between > 0 {
                    "\t".repeat(rules_between)
                } else if (!in_table && gap > 2 * lh) || (!same_tline && gap > lh) || gap > 4 * lh {
                    "\t".to_string()
                } else {
                    " ".to_string()
                }
            };
            text.push_str(&sep);
        }
        let start = text.len();
        text.push_str(&w.text);
        let bbox = img.pixel_box_to_pdf(
            w.left as f64,
            w.top as f64,
            w.right() as f64,
            w.bottom() as f64,
        );
        boxes.push((start..text.len(), bbox));
        prev = Some((k, w));
    }
    text.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(block: u32, line: u32, left: i64, top: i64, width: i64, text: &str) -> Word {
        Word {
            block,
            par: 1,
            line,
            left,
            top,
            width,
            height: 20,
            conf: 90.0,
            text: text.into(),
        }
    }

    fn blank(w: u32, h: u32) -> PageImage {
        PageImage::from_pixels(1, w, h, vec![255; (w * h) as usize], 1.0)
    }

    #[test]
    fn lines_cells_and_boxes() {
        let img = blank(1000, 400);
        let words = vec![
            word(1, 1, 10, 10, 50, "ที่"),
            word(1, 1, 70, 12, 60, "ชื่อ"),
            // Another block at the same height far right: a new cell.
            word(2, 1, 600, 11, 60, "รวม"),
            word(3, 1, 10, 60, 40, "๑"),
            word(3, 1, 60, 60, 40, "วิทยาลัย"),
        ];
        let page = page_text(&img, &words);
        assert_eq!(page.text, "ที่ ชื่อ\tรวม\n๑ วิทยาลัย\n");
        assert_eq!(page.boxes.len(), 5);
        let s = page.span(page.text.find("รวม").unwrap()..page.text.find("รวม").unwrap() + 9);
        // Pixel box (600,11)-(660,31) on a 400 px high page at 1 px/pt.
        assert_eq!(s.bbox.unwrap().0, [600.0, 369.0, 660.0, 389.0]);
    }

    #[test]
    fn rule_strokes_read_into_a_word_are_cut_off() {
        // A rule at x=100 read as "|([" before the title, and as "ไเ|" (misread glyphs
        // around the stroke) on the next line; "(ไม่มี)" on the third line touches no rule.
        let mut img = blank(400, 200);
        for x in [5u32, 100, 395] {
            for y in 0..200u32 {
                img.pixels[(y * 400 + x) as usize] = 0;
            }
        }
        let rules = find_rules(&img, true, 60);
        let words = vec![
            word(1, 1, 10, 20, 20, "1"),
            word(1, 1, 96, 20, 200, "|([การปฏิบัติหน้าที่"),
            word(1, 2, 10, 80, 20, "2"),
            word(1, 2, 94, 80, 180, "ไเ|การใช้งบประมาณ"),
            word(1, 3, 10, 140, 20, "3"),
            word(1, 3, 150, 140, 60, "(ไม่มี)"),
        ];
        let page = page_text_with_rules(&img, &words, &rules);
        assert_eq!(page.text, "1\tการปฏิบัติหน้าที่\n2\tการใช้งบประมาณ\n3\t(ไม่มี)\n");
    }

    #[test]
    fn ruling_lines_split_cells() {
        let mut img = blank(400, 200);
        for x in [5u32, 100, 300, 395] {
            for y in 0..200u32 {
                img.pixels[(y * 400 + x) as usize] = 0;
            }
        }
        let rules = find_rules(&img, true, 60);
        assert_eq!(
            rules.iter().map(|r| r.at).collect::<Vec<_>>(),
            vec![5, 100, 300, 395]
        );
        let words = vec![
            word(1, 1, 10, 50, 30, "๑"),
            word(1, 1, 310, 50, 30, "๙๙.๘๙"),
        ];
        let page = page_text(&img, &words);
        // An empty middle cell keeps its place: two rules between the words.
        assert_eq!(page.text, "๑\t\t๙๙.๘๙\n");
    }
}
