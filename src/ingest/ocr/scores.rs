//! ITA results tables read by OCR (number, agency name, IIT /30, EIT /30, OIT /40,
//! total /100, level), with digits the engine misread repaired by the table's own
//! arithmetic: IIT + EIT + OIT = total, each score within its maximum, and totals not
//! increasing down the ranking. A row that cannot be made consistent is flagged, never
//! silently kept.
//!
//! Input: OCR [`PageText`]s (one line per table row, cells by TAB or space); output:
//! [`ScoreRow`]s in page order.

use crate::source::PageText;
use std::sync::OnceLock;

/// One row of a results table.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    /// Rank number as printed (1..).
    pub number: Option<u32>,
    /// Agency name as OCR read it.
    pub name: String,
    /// Scores in hundredths (2989 = 29.89); `None` where the table shows "-" or
    /// nothing could be read.
    pub iit: Option<u32>,
    pub eit: Option<u32>,
    pub oit: Option<u32>,
    pub total: Option<u32>,
    /// Level as printed ("ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ไม่ผ่าน", "ปรับปรุง").
    pub level: Option<String>,
    /// The level's token as read when it was not written exactly (one letter off, or
    /// letters OCR confuses): the level above is then a repair.
    pub level_as_read: Option<String>,
    /// Some digit was changed (or a missing score computed) to satisfy the arithmetic.
    pub repaired: bool,
    /// The scores do not add up and no small repair makes them.
    pub flagged: bool,
    /// A rank read but out of sequence with a trusted neighbour (a 279 after 432): not
    /// a rank, so `number` is `None`.
    pub rank_out_of_sequence: Option<u32>,
    /// Page and byte range of the row's line in that page's text.
    pub page: u32,
    pub byte_range: std::ops::Range<usize>,
}

/// Maximum points of IIT, EIT, OIT and total, in hundredths.
const MAX: [u32; 4] = [3000, 3000, 4000, 10000];

/// Digits an OCR engine confuses, Thai shapes first (๓/๙, ๔/๕, ๕/๘, ๖/๘, ๐/๙ ...)
/// then Latin ones; each pair is tried in both directions.
const CONFUSIONS: &[(u8, u8)] = &[
    (3, 9),
    (4, 5),
    (5, 8),
    (6, 8),
    (0, 9),
    (2, 6),
    (0, 8),
    (1, 7),
    (3, 8),
    (5, 6),
    (6, 9),
    (0, 6),
    (1, 4),
    (7, 9),
    (2, 7),
];

/// Thai digits (U+0E50..U+0E59) to ASCII; other characters unchanged.
pub(super) fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{0E50}'..='\u{0E59}' => char::from(b'0' + (c as u32 - 0x0E50) as u8),
            other => other,
        })
        .collect()
}

/// A score token: "29.89", "29,89", "29.8", "2989" (decimal point lost), "-".
pub(super) fn parse_score(tok: &str) -> Option<Option<u32>> {
    let t = tok.trim_matches(|c: char| matches!(c, '|' | '(' | ')' | '[' | ']' | '"' | '\'' | '*'));
    if t == "-" || t == "–" || t == "—" {
        return Some(None);
    }
    let t = t.replace(',', ".");
    if !t.chars().all(|c| c.is_ascii_digit() || c == '.') || !t.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i.to_string(), f.replace('.', "")),
        // Decimal point lost: scores are printed with two decimals.
        None if t.len() >= 3 => (t[..t.len() - 2].to_string(), t[t.len() - 2..].to_string()),
        None => return None,
    };
    if int.len() > 3 || frac.is_empty() || frac.len() > 2 {
        return None;
    }
    let i: u32 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let f: u32 = if frac.len() == 1 {
        frac.parse::<u32>().ok()? * 10
    } else {
        frac.parse().ok()?
    };
    Some(Some(i * 100 + f))
}

/// The level named in a line: a token equal to a level, or one character off
/// ("ผ่านตดีเยี่ยม"), else a level contained in the line, else a token after the last
/// score that has one level's letters up to OCR look-alikes
/// ([`crate::vocab::level_by_lookalike`]: "ผานติ" for ผ่านดี). Returns the level and,
/// when it was not written exactly, the token as read.
pub(super) fn find_level(line: &str) -> Option<(String, Option<String>)> {
    let tokens: Vec<&str> = line.split(['\t', ' ']).filter(|t| !t.is_empty()).collect();
    // Every line of every document passes here: only a Thai token within one character of
    // a level's length can be within one edit of it, so the distance is computed for those
    // alone (the same answer, far fewer distances).
    static LEVEL_LENS: OnceLock<Vec<(&'static str, usize)>> = OnceLock::new();
    let levels = LEVEL_LENS.get_or_init(|| {
        crate::vocab::thai_levels()
            .iter()
            .map(|lv| (*lv, lv.chars().count()))
            .collect()
    });
    let trim = |t: &str| {
        t.trim_matches(|c: char| c.is_ascii_punctuation())
            .to_string()
    };
    for t in tokens.iter().rev() {
        let t = trim(t);
        if !crate::vocab::chars::has_thai(&t) {
            continue;
        }
        let n = t.chars().count();
        let best = levels
            .iter()
            .filter(|(_, len)| len.abs_diff(n) <= 1)
            .map(|(lv, _)| (strsim::levenshtein(&t, lv), *lv))
            .min_by_key(|(d, _)| *d);
        if let Some((d, lv)) = best {
            if d == 0 || (d == 1 && lv.chars().count() >= 4) {
                return Some((lv.to_string(), (d > 0).then_some(t)));
            }
        }
    }
    if let Some(lv) = crate::vocab::thai_levels()
        .iter()
        .find(|lv| line.contains(*lv))
    {
        return Some((lv.to_string(), None));
    }
    tokens
        .iter()
        .rev()
        .take_while(|t| parse_score(&ascii_digits(t)).is_none())
        .map(|t| trim(t))
        .filter(|t| crate::vocab::chars::has_thai(t))
        .find_map(|t| crate::vocab::level_by_lookalike(&t).map(|lv| (lv.to_string(), Some(t))))
}

/// Read one OCR line as a table row, if it has a rank number and a level or scores.
fn parse_row(line: &str) -> Option<ScoreRow> {
    // A row needs a rank or three scores, and a score is digits or a dash: most lines of
    // a text have neither, and are passed over before any tokenizing (every document's
    // every line comes here).
    let digit = line
        .chars()
        .any(|c| c.is_ascii_digit() || crate::vocab::chars::is_thai_digit(c));
    if !digit && line.matches(['-', '–', '—']).take(3).count() < 3 {
        return None;
    }
    let l = ascii_digits(line);
    // Ruling lines read as characters ("|", "[", "ไ|") are not cells.
    let toks: Vec<&str> = l
        .split(['\t', ' '])
        .map(|t| t.trim_matches(|c: char| matches!(c, '|' | '[' | ']' | '(' | ')' | ':' | ';')))
        .filter(|t| !t.is_empty())
        .collect();
    let first = toks.first()?;
    let number: Option<u32> = first
        .trim_end_matches('.')
        .parse()
        .ok()
        .filter(|n| (1..=9999).contains(n));
    let mut scores: Vec<Option<u32>> = Vec::new();
    // The tokens before the first score; those holding a level word are not part of the
    // name, and are told apart only where it matters (most lines are no row).
    let mut before_scores: Vec<&str> = Vec::new();
    let is_level_word = |t: &str| crate::vocab::thai_levels().iter().any(|lv| t.contains(lv));
    for (i, t) in toks.iter().enumerate() {
        if i == 0 && number.is_some() {
            continue;
        }
        if let Some(s) = parse_score(t) {
            // A number glued to a name cell is not a score; scores come after the name.
            if scores.len() < 4 || before_scores.iter().any(|t| !is_level_word(t)) {
                scores.push(s);
                continue;
            }
        }
        if scores.is_empty() {
            before_scores.push(t);
        }
    }
    // A row needs its rank and either a level or scores; the name is Thai text.
    if number.is_none() && scores.len() < 3 {
        return None;
    }
    let name: Vec<&str> = before_scores
        .into_iter()
        .filter(|t| !is_level_word(t))
        .collect();
    let (level, level_as_read) = find_level(&l).unzip();
    let level_as_read = level_as_read.flatten();
    if level.is_none() && scores.len() < 3 {
        return None;
    }
    if scores.len() > 4 {
        // Extra numbers (a split decimal) — keep the last four, nearest the level.
        scores = scores.split_off(scores.len() - 4);
    }
    // With fewer than four, the scores are taken as the leading columns.
    let mut s = [None; 4];
    for (i, v) in scores.into_iter().enumerate() {
        s[i] = v;
    }
    Some(ScoreRow {
        number,
        name: name.join(" "),
        iit: s[0],
        eit: s[1],
        oit: s[2],
        total: s[3],
        level,
        level_as_read,
        repaired: false,
        flagged: false,
        rank_out_of_sequence: None,
        page: 0,
        byte_range: 0..0,
    })
}

fn consistent(v: &[u32; 4]) -> bool {
    v.iter().zip(MAX).all(|(x, m)| *x <= m) && v[0] + v[1] + v[2] == v[3]
}

/// Candidate values of `x` with one digit changed: (value, cost), common confusions cheap.
fn one_digit_variants(x: u32) -> Vec<(u32, u32)> {
    let digits: Vec<u8> = format!("{x:03}").bytes().map(|b| b - b'0').collect();
    let mut out = Vec::new();
    for (i, &d) in digits.iter().enumerate() {
        for nd in 0..10u8 {
            if nd == d {
                continue;
            }
            let common = CONFUSIONS
                .iter()
                .position(|&(a, b)| (a, b) == (d, nd) || (b, a) == (d, nd));
            let cost = common.map_or(20, |p| 1 + p as u32 / 5);
            let mut v = digits.clone();
            v[i] = nd;
            let n = v.iter().fold(0u32, |acc, &d| acc * 10 + d as u32);
            out.push((n, cost));
        }
    }
    out
}

/// Make a row's scores add up, changing as little as possible. `bounds` is the range
/// the total must lie in (from the neighbouring rows of a ranking), if known. A part
/// score shown as "-" (no score) counts as 0 in the sum.
fn repair(row: &mut ScoreRow, bounds: (u32, u32)) {
    let vals = [row.iit, row.eit, row.oit, row.total];
    if vals.iter().all(|v| v.is_none()) {
        // "-" in every column: no score, nothing to check.
        return;
    }
    let in_bounds = |t: u32| t >= bounds.0 && t <= bounds.1;
    let v = vals.map(|x| x.unwrap_or(0));
    let Some(_) = vals[3] else {
        // No total: compute it from three part scores, else it cannot be checked.
        if vals[..3].iter().all(|x| x.is_some()) {
            let mut c = v;
            c[3] = v[0] + v[1] + v[2];
            if consistent(&c) {
                set(row, c);
                row.repaired = true;
                return;
            }
        }
        row.flagged = true;
        return;
    };
    if consistent(&v) {
        if !in_bounds(v[3]) {
            // Adds up but breaks the ranking: two misreads that cancel are unlikely, but say so.
            row.flagged = true;
        }
        return;
    }
    // One part score unreadable (not "-"): what the total leaves for it.
    let missing: Vec<usize> = (0..3).filter(|&i| vals[i].is_none()).collect();
    if missing.len() == 1 {
        let m = missing[0];
        let others: u32 = (0..3).filter(|&i| i != m).map(|i| v[i]).sum();
        if v[3] > others {
            let mut c = v;
            c[m] = v[3] - others;
            if consistent(&c) && in_bounds(c[3]) {
                set(row, c);
                row.repaired = true;
                return;
            }
        }
    }
    // One digit wrong in one of the numbers read.
    let mut best: Option<([u32; 4], u32)> = None;
    let mut tie = false;
    for i in (0..4).filter(|&i| vals[i].is_some()) {
        for (n, cost) in one_digit_variants(v[i]) {
            let mut c = v;
            c[i] = n;
            if !consistent(&c) {
                continue;
            }
            let cost = cost + if in_bounds(c[3]) { 0 } else { 50 };
            match best {
                Some((_, b)) if b < cost => {}
                Some((_, b)) if b == cost => tie = true,
                _ => {
                    best = Some((c, cost));
                    tie = false;
                }
            }
        }
    }
    match best {
        // Two equally likely repairs: do not guess.
        Some((c, cost)) if cost < 50 && !tie => {
            let fields = [&mut row.iit, &mut row.eit, &mut row.oit, &mut row.total];
            for ((field, new), old) in fields.into_iter().zip(c).zip(vals) {
                if old.is_some() {
                    *field = Some(new);
                }
            }
            row.repaired = true;
        }
        _ => row.flagged = true,
    }
}

fn set(row: &mut ScoreRow, v: [u32; 4]) {
    row.iit = Some(v[0]);
    row.eit = Some(v[1]);
    row.oit = Some(v[2]);
    row.total = Some(v[3]);
}

/// Read results-table rows from OCR pages and repair them.
pub fn score_table(pages: &[PageText]) -> Vec<ScoreRow> {
    let mut rows = Vec::new();
    for page in pages {
        let mut offset = 0;
        for line in page.text.split_inclusive('\n') {
            let range = offset..offset + line.trim_end_matches('\n').len();
            offset += line.len();
            if let Some(mut r) = parse_row(line.trim_end()) {
                r.page = page.number;
                r.byte_range = range;
                rows.push(r);
            }
        }
    }
    // Rank numbers run 1, 2, 3 ... down the table. A number is trusted when a
    // neighbour continues it; between two trusted rows whose numbers differ by exactly
    // the count of rows between them, the rows in between are numbered in sequence.
    let trusted: Vec<bool> = (0..rows.len())
        .map(|i| {
            let Some(n) = rows[i].number else {
                return false;
            };
            (i > 0 && rows[i - 1].number == n.checked_sub(1))
                || rows.get(i + 1).is_some_and(|r| r.number == Some(n + 1))
        })
        .collect();
    let anchors: Vec<usize> = (0..rows.len()).filter(|&i| trusted[i]).collect();
    for pair in anchors.windows(2) {
        let (i, j) = (pair[0], pair[1]);
        let (Some(a), Some(b)) = (rows[i].number, rows[j].number) else {
            continue;
        };
        if j > i + 1 && b > a && (b - a) as usize == j - i {
            for (k, row) in rows.iter_mut().enumerate().take(j).skip(i + 1) {
                let want = a + (k - i) as u32;
                if row.number != Some(want) {
                    row.number = Some(want);
                    row.repaired = true;
                }
            }
        }
    }
    // A rank below a trusted rank just above it (or above one just below it), and not
    // continued itself, is a misreading; it is not guessed.
    for i in 0..rows.len() {
        let Some(n) = rows[i].number.filter(|_| !trusted[i]) else {
            continue;
        };
        let near = |j: usize| trusted[j] && rows[j].page == rows[i].page;
        let after = i > 0 && near(i - 1) && rows[i - 1].number.is_some_and(|p| n <= p);
        let before =
            i + 1 < rows.len() && near(i + 1) && rows[i + 1].number.is_some_and(|q| n >= q);
        if after || before {
            rows[i].number = None;
            rows[i].rank_out_of_sequence = Some(n);
        }
    }
    // Totals do not increase down a ranking: the neighbours' totals bound each row's.
    let totals: Vec<Option<u32>> = rows
        .iter()
        .map(|r| match (r.iit, r.eit, r.oit, r.total) {
            (Some(a), Some(b), Some(c), Some(t)) if a + b + c == t => Some(t),
            _ => None,
        })
        .collect();
    for i in 0..rows.len() {
        let adjacent = |j: usize| {
            rows[j]
                .number
                .zip(rows[i].number)
                .is_some_and(|(a, b)| a.abs_diff(b) == 1)
        };
        let hi = (0..i)
            .rev()
            .take(1)
            .filter(|&j| adjacent(j))
            .find_map(|j| totals[j])
            .unwrap_or(MAX[3]);
        let lo = (i + 1..rows.len())
            .take(1)
            .filter(|&j| adjacent(j))
            .find_map(|j| totals[j])
            .unwrap_or(0);
        let bounds = if lo <= hi { (lo, hi) } else { (0, MAX[3]) };
        repair(&mut rows[i], bounds);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_tokens() {
        let cases: &[(&str, Option<Option<u32>>)] = &[
            ("29.89", Some(Some(2989))),
            ("๒๙.๘๙", None), // Thai digits are converted before tokens are parsed
            ("2989", Some(Some(2989))),
            ("5.41", Some(Some(541))),
            ("40,00", Some(Some(4000))),
            ("-", Some(None)),
            ("วิทยาลัย", None),
            ("7", None),
        ];
        for (t, want) in cases {
            assert_eq!(parse_score(t), *want, "{t}");
        }
    }

    fn page(text: &str) -> PageText {
        PageText::new(1, text.to_string())
    }

    #[test]
    fn rows_read_and_repaired() {
        let p = page(
            "ที่\tชื่อสถานศึกษา\tIIT\tEIT\tOIT\tรวม\n\
             ๑\tวิทยาลัยเทคนิคเชียงใหม่\t๓๐.๐๐\t๒๙.๘๙\t๔๐.๐๐\t๙๙.๘๙\tผ่านดีเยี่ยม\n\
             ๒\tวิทยาลัยการอาชีพนวมินทราชูทิศ\t๒๙.๙๒\t๒๙.๙๓\t๕๐.๐๐\t๙๙.๘๕\tผ่านดีเยี่ยม\n\
             ๓\tวิทยาลัยอาชีวศึกษาปัตตานี\t๒๙.๙๖\t๒๙.๘๐\t๔๐.๐๐\t๙๙.๗๖\tผ่านดีเยี่ยม\n\
             ๔๒๗\tวิทยาลัยเทคนิคสตูล\t-\t-\t-\t-\tปรับปรุง\n\
             ๔๒๘\tวิทยาลัยเทคนิค\t๑๒.๐๐\t๑๑.๑๑\t๑.๐๐\t๙๙.๙๙\tปรับปรุง\n",
        );
        let rows = score_table(&[p]);
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[0].number, Some(1));
        assert_eq!(
            (rows[0].total, rows[0].repaired, rows[0].flagged),
            (Some(9989), false, false)
        );
        assert_eq!(rows[0].name, "วิทยาลัยเทคนิคเชียงใหม่");
        assert_eq!(rows[0].level.as_deref(), Some("ผ่านดีเยี่ยม"));
        // ๔ read as ๕ in OIT: 50.00 -> 40.00.
        assert_eq!((rows[1].oit, rows[1].repaired), (Some(4000), true));
        assert_eq!((rows[3].total, rows[3].flagged), (None, false));
        assert!(rows[4].flagged);
    }

    #[test]
    fn an_ambiguous_row_is_flagged_not_guessed() {
        // The real OVEC row 422 as once read: IIT 23.14, total 23.34 ("-" elsewhere). Either
        // number may hold the misread digit (๑ / ๓): two equally likely repairs, flagged.
        let p = page(
            "๔๒๑\tวิทยาลัยเทคนิค\t๒๕.๐๐\t-\t-\t๒๕.๐๐\tปรับปรุง\n\
             ๔๒๒\tวิทยาลัยอาชีวศึกษาเสาวภา\t๒๓.๑๔\t-\t-\t๒๓.๓๔\tปรับปรุง\n\
             ๔๒๓\tวิทยาลัยเกษตรและเทคโนโลยีนครสวรรค์\t-\t-\t๒๒.๗๐\t๒๒.๗๐\tปรับปรุง\n",
        );
        let rows = score_table(&[p]);
        assert_eq!(rows.len(), 3);
        assert!(rows[1].flagged, "{:?}", rows[1]);
        assert!(!rows[1].repaired);
        assert_eq!((rows[1].iit, rows[1].total), (Some(2314), Some(2334)));
        assert!(!rows[0].flagged && !rows[2].flagged);
    }

    #[test]
    fn a_rank_out_of_sequence_is_not_kept() {
        // The last row's ๔๓๓ read as ๒๗๙ is not a rank (below the ๔๓๒ above it); a ๙
        // between ๒ and ๔๓๑ may be one (an excerpt of a table skips rows): kept.
        let rows = score_table(&[page(
            "๑\tวิทยาลัยเทคนิคเชียงใหม่\t๓๐.๐๐\t๒๙.๘๙\t๔๐.๐๐\t๙๙.๘๙\tผ่านดีเยี่ยม\n\
             ๒\tวิทยาลัยการอาชีพนวมินทราชูทิศ\t๒๙.๙๒\t๒๙.๙๓\t๔๐.๐๐\t๙๙.๘๕\tผ่านดีเยี่ยม\n\
             ๙\tวิทยาลัยอาชีวศึกษาปัตตานี\t๒๙.๙๖\t๒๙.๘๐\t๔๐.๐๐\t๙๙.๗๖\tผ่านดีเยี่ยม\n\
             ๔๓๑\tวิทยาลัยเทคนิคสตูล\t-\t-\t-\t-\tปรับปรุง\n\
             ๔๓๒\tวิทยาลัยเทคนิคสตูล\t-\t-\t-\t-\tปรับปรุง\n\
             ๒๗๙\tวิทยาลัยการอาชีพขุขันธ์\t-\t-\t-\t-\tปรับปรุง\n",
        )]);
        let ranks: Vec<_> = rows.iter().map(|r| r.number).collect();
        assert_eq!(
            ranks,
            [Some(1), Some(2), Some(9), Some(431), Some(432), None]
        );
        assert_eq!(rows[5].rank_out_of_sequence, Some(279));
        assert_eq!(rows[2].rank_out_of_sequence, None);
        // Out of sequence above a trusted pair: not a rank either.
        let rows = score_table(&[page(
            "๙\tวิทยาลัยเทคนิคเชียงใหม่\t๓๐.๐๐\t๒๙.๘๙\t๔๐.๐๐\t๙๙.๘๙\tผ่านดีเยี่ยม\n\
             ๒\tวิทยาลัยการอาชีพนวมินทราชูทิศ\t๒๙.๙๒\t๒๙.๙๓\t๔๐.๐๐\t๙๙.๘๕\tผ่านดีเยี่ยม\n\
             ๓\tวิทยาลัยอาชีวศึกษาปัตตานี\t๒๙.๙๖\t๒๙.๘๐\t๔๐.๐๐\t๙๙.๗๖\tผ่านดีเยี่ยม\n",
        )]);
        assert_eq!(
            (rows[0].number, rows[0].rank_out_of_sequence),
            (None, Some(9))
        );
    }

    #[test]
    fn levels_exact_and_one_off() {
        let cases = [
            ("๑ ก ผ่านดีเยี่ยม", Some("ผ่านดีเยี่ยม")),
            ("๓ ก ผ่านตดีเยี่ยม", Some("ผ่านดีเยี่ยม")),
            ("๒ ก ผ่านดี", Some("ผ่านดี")),
            ("๔ ก |ปรับปรุง", Some("ปรับปรุง")),
            ("๕ ก HUA ผื", None),
            // Read alone, that cell: no tone mark, ต for ด, ิ for ี.
            ("๖ ก ๙๐.๒๓ ผานติ ร", Some("ผ่านดี")),
            // Letters no level has up to look-alikes, and a name before the scores.
            ("๗ ก ๙๐.๒๓ ผานกิ", None),
            ("๘ ผานติ ๙๐.๒๓", None),
        ];
        for (line, want) in cases {
            assert_eq!(find_level(line).map(|l| l.0).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn dashes_count_as_zero() {
        let rows = score_table(&[page(
            "๔๒๕ วิทยาลัย - - ๕.๔๑ ๕.๔๑ ปรับปรุง\n๔๒๖ วิทยาลัย - - ๑.๐๘ ๑.๐๙ ปรับปรุง\n",
        )]);
        assert_eq!(
            (
                rows[0].oit,
                rows[0].total,
                rows[0].flagged,
                rows[0].repaired
            ),
            (Some(541), Some(541), false, false)
        );
        assert_eq!(rows[0].iit, None);
        // 1.08 vs 1.09: which one is wrong is a tie, so the row is flagged, not guessed.
        assert!(rows[1].flagged && !rows[1].repaired);
    }

    #[test]
    fn rank_numbers_restored_between_trusted_neighbours() {
        let rows = score_table(&[page(
            "๔๒๕ ก - - ๕.๔๑ ๕.๔๑ ปรับปรุง\n๔๒๖ ก - - - - ปรับปรุง\n๒๘๒๕๖๕ ก - - - - ปรับปรุง\n๕๒๕ ก - - - - ปรับปรุง\n๔๒๙ ก - - - - ปรับปรุง\n๔๓๐ ก - - - - ปรับปรุง\n",
        )]);
        let numbers: Vec<Option<u32>> = rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [425, 426, 427, 428, 429, 430].map(Some).to_vec());
        assert!(rows[2].repaired && rows[3].repaired && !rows[4].repaired);
    }

    #[test]
    fn missing_score_computed() {
        let rows = score_table(&[page("๑๖๐ วิทยาลัยการอาชีพปราณบุรี ๓๐.๐๐ ๒๙.๒๓ ๓๒.๔๓ ผ่านดี\n")]);
        assert_eq!((rows[0].total, rows[0].repaired), (Some(9166), true));
    }
}
