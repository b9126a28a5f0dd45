//! Title similarity against an OIT catalogue, and recovery of item codes from the
//! written code, the sequence and the title. The lists themselves are data
//! ([`crate::vocab::catalogue`]).

pub use crate::vocab::catalogue::{for_year, Catalogue};

/// Characters that carry a title's identity: Thai letters and vowels, Latin letters;
/// digits, spaces, punctuation and tone marks (often displaced by OCR) are dropped.
fn skeleton(s: &str) -> Vec<char> {
    s.chars()
        .filter_map(|c| match c {
            // U+0E33 SARA AM counts as U+0E32 SARA AA: OCR and Word exports swap them.
            '\u{0E33}' => Some('\u{0E32}'),
            '\u{0E01}'..='\u{0E2E}' | '\u{0E30}'..='\u{0E3A}' | '\u{0E40}'..='\u{0E45}' => Some(c),
            'a'..='z' => Some(c),
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// A title's character bigrams as a sorted, de-duplicated set of packed pairs (two
/// 21-bit code points in a u64), so similarity is a linear merge.
pub type Grams = Vec<u64>;

fn bigrams(chars: &[char]) -> Grams {
    let mut g: Grams = chars
        .windows(2)
        .map(|w| (u64::from(w[0]) << 21) | u64::from(w[1]))
        .collect();
    g.sort_unstable();
    g.dedup();
    g
}

/// How many elements two sorted sets share.
fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Pre-computed bigrams of a catalogue's titles.
pub struct Prepared {
    pub catalogue: &'static Catalogue,
    grams: Vec<Grams>,
}

impl Prepared {
    /// The prepared form of a known catalogue, built once per list.
    pub fn of(catalogue: &'static Catalogue) -> &'static Prepared {
        static ALL: std::sync::OnceLock<Vec<Prepared>> = std::sync::OnceLock::new();
        let all = ALL.get_or_init(|| {
            crate::vocab::catalogue::catalogues()
                .iter()
                .map(Prepared::new)
                .collect()
        });
        all.iter()
            .find(|p| std::ptr::eq(p.catalogue, catalogue))
            .expect("every catalogue is prepared")
    }

    pub fn new(catalogue: &'static Catalogue) -> Self {
        Prepared {
            catalogue,
            grams: catalogue
                .titles
                .iter()
                .map(|t| bigrams(&skeleton(t)))
                .collect(),
        }
    }

    /// Similarity in [0, 1] of a written title to catalogue item `code` (1-43): the share
    /// of the catalogue title's bigrams found in the written title, blended with Dice so
    /// a long written title (catalogue title plus description) still scores well but not
    /// perfectly.
    pub fn similarity(&self, written: &[u64], code: usize) -> f64 {
        let cat = &self.grams[code - 1];
        if cat.is_empty() || written.is_empty() {
            return 0.0;
        }
        let common = common(cat, written) as f64;
        let coverage = common / cat.len() as f64;
        let dice = 2.0 * common / (cat.len() + written.len()) as f64;
        0.75 * coverage + 0.25 * dice
    }
}

impl Prepared {
    /// How well a written title and catalogue item `code` cover each other: the larger of
    /// the share of the catalogue title's bigrams in the written title and the share of
    /// the written title's in the catalogue title.
    pub fn fit(&self, written: &[u64], code: usize) -> f64 {
        let Some(cat) = self.grams.get(code.wrapping_sub(1)) else {
            return 0.0;
        };
        if cat.is_empty() || written.is_empty() {
            return 0.0;
        }
        let common = common(cat, written) as f64;
        let of_cat = common / cat.len() as f64;
        // A cut title must be long enough to say which item it is.
        let of_written = if written.len() >= 10 {
            0.9 * common / written.len() as f64
        } else {
            0.0
        };
        of_cat.max(of_written)
    }
}

/// Bigrams of a written title, for [`Prepared::similarity`].
pub fn title_grams(title: &str) -> Grams {
    bigrams(&skeleton(title))
}

/// Codes OCR may have produced for `code`: each digit swapped for a look-alike Thai
/// digit (๓→๙, ๔→๕, ๘→๕, ...), as seen in real scans (DESIGN.md §3).
pub fn is_confusable(written: u32, code: u32) -> bool {
    // Item codes are small: a table built once answers them without allocating (the
    // alignment asks for every code of the catalogue for every row).
    const SMALL: usize = 128;
    static TABLE: std::sync::OnceLock<Vec<bool>> = std::sync::OnceLock::new();
    let (w, c) = (written as usize, code as usize);
    if w < SMALL && c < SMALL {
        let table = TABLE.get_or_init(|| {
            (0..SMALL * SMALL)
                .map(|i| confusable_by_digits((i / SMALL) as u32, (i % SMALL) as u32))
                .collect()
        });
        return table[w * SMALL + c];
    }
    confusable_by_digits(written, code)
}

/// [`is_confusable`], digit by digit.
fn confusable_by_digits(written: u32, code: u32) -> bool {
    if written == code {
        return true;
    }
    let w = written.to_string();
    let c = code.to_string();
    if w.len() != c.len() {
        // A dropped or doubled digit ("๐๔๓" read as "๔", "O5" as "O55").
        return (w.len() + 1 == c.len() && c.contains(&w))
            || (c.len() + 1 == w.len() && w.contains(&c));
    }
    let diffs: Vec<(char, char)> = w.chars().zip(c.chars()).filter(|(a, b)| a != b).collect();
    diffs.len() == 1 && similar_digits(diffs[0].0, diffs[0].1)
}

/// Pairs of Thai digits that OCR confuses (๓/๙, ๔/๕, ๘/๕, ๖/๙, ๐/๑ ...), as ASCII.
fn similar_digits(a: char, b: char) -> bool {
    const PAIRS: [(char, char); 9] = [
        ('3', '9'),
        ('4', '5'),
        ('8', '5'),
        ('6', '9'),
        ('0', '1'),
        ('2', '3'),
        ('1', '7'),
        ('8', '6'),
        ('5', '6'),
    ];
    PAIRS
        .iter()
        .any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
}

/// One item row as read, for code assignment.
pub struct ItemEvidence {
    /// The written code's number, if any could be read.
    pub written: Option<u32>,
    pub grams: Grams,
}

/// Assign catalogue codes (1-43) to item rows in document order: a monotone alignment
/// (codes never go back; a repeated code is allowed, at a cost, for duplicated rows)
/// that maximises agreement with the written codes and the titles.
pub fn assign_codes(prep: &Prepared, items: &[ItemEvidence]) -> Vec<u32> {
    let n = items.len();
    if n == 0 {
        return Vec::new();
    }
    let k = prep.catalogue.len();
    if k == 0 {
        return vec![0; n];
    }
    // score[i][c]: how well item i fits code c+1.
    let score: Vec<Vec<f64>> = items
        .iter()
        .map(|it| {
            let mut row = vec![0.0; k];
            for (c, slot) in row.iter_mut().enumerate() {
                let code = c as u32 + 1;
                let sim = prep.similarity(&it.grams, c + 1);
                let code_score = match it.written {
                    Some(w) if w == code => 1.0,
                    Some(w) if is_confusable(w, code) => 0.35,
                    Some(w) if (1..=k as u32).contains(&w) => -0.6,
                    _ => 0.0,
                };
                *slot = code_score + 1.2 * sim;
            }
            row
        })
        .collect();
    // dp[i][c]: best total for items 0..=i with item i at code c (monotone non-decreasing).
    const REPEAT_COST: f64 = 0.9;
    let mut dp = vec![vec![f64::NEG_INFINITY; k]; n];
    let mut back = vec![vec![usize::MAX; k]; n];
    dp[0] = score[0].clone();
    for i in 1..n {
        // Best over strictly smaller codes, running maximum.
        let mut best_prev = f64::NEG_INFINITY;
        let mut best_arg = usize::MAX;
        for c in 0..k {
            let same = dp[i - 1][c] - REPEAT_COST;
            let (v, arg) = if best_prev >= same {
                (best_prev, best_arg)
            } else {
                (same, c)
            };
            if arg != usize::MAX {
                dp[i][c] = v + score[i][c];
                back[i][c] = arg;
            }
            if dp[i - 1][c] > best_prev {
                best_prev = dp[i - 1][c];
                best_arg = c;
            }
        }
    }
    let mut c = (0..k)
        .max_by(|&a, &b| dp[n - 1][a].total_cmp(&dp[n - 1][b]))
        .unwrap_or(0);
    let mut out = vec![0u32; n];
    for i in (0..n).rev() {
        out[i] = c as u32 + 1;
        if i > 0 {
            c = back[i][c];
            if c == usize::MAX {
                c = 0;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confusable_codes() {
        let cases = [
            (99, 39, true),
            (50, 40, true),
            (53, 43, true),
            (12, 12, true),
            (12, 40, false),
            (4, 43, true),
        ];
        for (w, c, want) in cases {
            assert_eq!(is_confusable(w, c), want, "{w} vs {c}");
            assert_eq!(confusable_by_digits(w, c), want, "{w} vs {c}");
        }
        // The table agrees with the digits everywhere it answers, and beyond it.
        for w in 0..140 {
            for c in 0..140 {
                assert_eq!(
                    is_confusable(w, c),
                    confusable_by_digits(w, c),
                    "{w} vs {c}"
                );
            }
        }
    }

    #[test]
    fn misread_codes_recovered_from_sequence_and_title() {
        let prep = Prepared::of(for_year(2566).unwrap());
        let rows = [
            (Some(38), "รายงานผลการ ดำเนินการป้องกัน การทุจริตประจำปี"),
            (Some(99), "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ"),
            (Some(50), "การ ชู บ ใ ศ ลี อ น จริยธรรม"),
            (Some(51), "การ ประ เ มื น จริยธรรมเจ้าหน้าที่ ของรัฐ"),
            (Some(52), "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
            (
                Some(53),
                "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสในหน่วยงาน",
            ),
        ];
        let ev: Vec<ItemEvidence> = rows
            .iter()
            .map(|(w, t)| ItemEvidence {
                written: *w,
                grams: title_grams(t),
            })
            .collect();
        assert_eq!(assign_codes(prep, &ev), vec![38, 39, 40, 41, 42, 43]);
    }

    #[test]
    fn year_picks_the_list() {
        assert_eq!(
            for_year(2565).map(|c| c.titles[9]),
            Some("แผนดำเนินงานประจำปี")
        );
        assert_eq!(
            for_year(2567).map(|c| c.titles[9]),
            Some("นโยบายคุ้มครองข้อมูลส่วนบุคคล")
        );
        assert_eq!(for_year(2568).map(|c| c.len()), Some(28));
    }
}
