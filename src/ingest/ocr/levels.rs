//! The level cell of a results row, read again alone when the page's reading of it is
//! no level: a signature or a handwritten initial over the cell turns the whole-page
//! reading into noise ("HUA ผื"), while the cell cut out and read alone gives the
//! printed word, or a near reading of it that [`super::scores::find_level`] matches by
//! OCR look-alikes. A row is a results row when its line holds three or more scores;
//! the level column is where the other rows of the page have their level. A reading
//! that still names no level changes nothing: the row keeps its null level and its
//! `result_unreadable` flag.

use super::cells::{read_cell, Variant};
use super::scores::{ascii_digits, find_level, parse_score};
use super::tesseract::Word;
use super::{OcrOptions, PageImage};

/// Fewest rows with a level read as printed that place the level column.
const MIN_LEVEL_ROWS: usize = 3;

/// Words of one line, left to right, as indices into the page's words.
fn lines(words: &[Word]) -> Vec<Vec<usize>> {
    let mut keys: Vec<(u32, u32, u32)> = words.iter().map(|w| (w.block, w.par, w.line)).collect();
    keys.sort_unstable();
    keys.dedup();
    keys.iter()
        .map(|k| {
            let mut ix: Vec<usize> = (0..words.len())
                .filter(|&i| (words[i].block, words[i].par, words[i].line) == *k)
                .collect();
            ix.sort_by_key(|&i| words[i].left);
            ix
        })
        .collect()
}

/// The position (in `line`) of the last score word, when the line holds three or more.
fn last_score(words: &[Word], line: &[usize]) -> Option<usize> {
    let scores: Vec<usize> = (0..line.len())
        .filter(|&k| parse_score(&ascii_digits(&words[line[k]].text)).is_some())
        .collect();
    (scores.len() >= 3).then(|| *scores.last().unwrap())
}

/// Re-read the level cells of the page's results rows whose level is unread; returns
/// the words and how many cells' readings were replaced.
pub fn reread_level_cells(
    img: &PageImage,
    mut words: Vec<Word>,
    opts: &OcrOptions,
) -> (Vec<Word>, usize) {
    let text = |ix: &[usize], words: &[Word]| {
        ix.iter()
            .map(|&i| words[i].text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut column: Option<(i64, i64)> = None;
    let mut level_rows = 0;
    let mut unread: Vec<(Vec<usize>, usize)> = Vec::new();
    for line in lines(&words) {
        let Some(k) = last_score(&words, &line) else {
            continue;
        };
        let tail = &line[k + 1..];
        match find_level(&text(tail, &words)) {
            // A level written exactly places the column.
            Some((_, None)) if !tail.is_empty() => {
                let (l, r) = (
                    tail.iter().map(|&i| words[i].left).min().unwrap_or(0),
                    tail.iter().map(|&i| words[i].right()).max().unwrap_or(0),
                );
                column = Some(column.map_or((l, r), |(a, b)| (a.min(l), b.max(r))));
                level_rows += 1;
            }
            Some(_) => {}
            None => unread.push((line, k)),
        }
    }
    let Some((col_left, col_right)) = column.filter(|_| level_rows >= MIN_LEVEL_ROWS) else {
        return (words, 0);
    };
    let mut replaced = 0;
    let mut remove: Vec<usize> = Vec::new();
    let mut added: Vec<Word> = Vec::new();
    for (n, (line, k)) in unread.into_iter().enumerate() {
        let score = &words[line[k]];
        let top = line.iter().map(|&i| words[i].top).min().unwrap_or(0);
        let bottom = line.iter().map(|&i| words[i].bottom()).max().unwrap_or(0);
        let pad = ((bottom - top) / 3).max(4);
        let cell = [
            (score.right() + pad).max(col_left - pad).max(0),
            (top - pad).max(0),
            (col_right + 2 * pad).min(img.width as i64),
            (bottom + pad).min(img.height as i64),
        ];
        if cell[2] - cell[0] < 8 || cell[3] - cell[1] < 8 {
            continue;
        }
        let found = [Variant::Plain, Variant::Double, Variant::Binary]
            .into_iter()
            .filter_map(|v| read_cell(img, cell, opts, 90_000 + n as u32, v))
            .find(|new| {
                let ix: Vec<usize> = (0..new.len()).collect();
                find_level(&text(&ix, new)).is_some()
            });
        let Some(new) = found else {
            continue;
        };
        let (block, par, ln) = (score.block, score.par, score.line);
        remove.extend(line[k + 1..].iter().copied().filter(|&i| {
            let x = (words[i].left + words[i].right()) / 2;
            x >= cell[0] && x <= cell[2]
        }));
        added.extend(new.into_iter().map(|mut w| {
            (w.block, w.par, w.line) = (block, par, ln);
            w
        }));
        replaced += 1;
    }
    if replaced > 0 {
        remove.sort_unstable();
        for i in remove.into_iter().rev() {
            words.remove(i);
        }
        words.extend(added);
        words.sort_by_key(|w| (w.block, w.par, w.line, w.left));
    }
    (words, replaced)
}
