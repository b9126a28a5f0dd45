//! The ITA catalogue: indicator names and the OIT item lists per fiscal year
//! (`shared/reference/ita-catalogue.md`), title similarity, and recovery of item codes
//! from the written code, the sequence and the title.
//!
//! The same code means different things in different years (O10 is นโยบายคุ้มครองข้อมูล
//! ส่วนบุคคล in 2566-2567 and แผนดำเนินงานประจำปี in 2564-2565), so items are matched
//! against the list of the document's fiscal year; a year with no known list is never
//! forced onto one.

/// Indicator names 1-10 (same numbering 2564-2568).
pub const INDICATORS: [&str; 10] = [
    "การปฏิบัติหน้าที่",
    "การใช้งบประมาณ",
    "การใช้อำนาจ",
    "การใช้ทรัพย์สินของราชการ",
    "การแก้ไขปัญหาการทุจริต",
    "คุณภาพการดำเนินงาน",
    "ประสิทธิภาพการสื่อสาร",
    "การปรับปรุงการทำงาน",
    "การเปิดเผยข้อมูล",
    "การป้องกันการทุจริต",
];

/// O1-O43 for fiscal years 2566 and 2567.
pub const OIT_2566: [&str; 43] = [
    "โครงสร้าง",
    "ข้อมูลผู้บริหาร",
    "อำนาจหน้าที่",
    "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
    "ข้อมูลการติดต่อ",
    "กฎหมายที่เกี่ยวข้อง",
    "ข่าวประชาสัมพันธ์",
    "Q&A",
    "Social Network",
    "นโยบายคุ้มครองข้อมูลส่วนบุคคล",
    "แผนการดำเนินงานและการใช้จ่ายงบประมาณประจำปี",
    "รายงานการกำกับติดตามการดำเนินงานและการใช้จ่ายงบประมาณ ประจำปี รอบ 6 เดือน",
    "รายงานผลการดำเนินงานประจำปี",
    "คู่มือหรือมาตรฐานการปฏิบัติงาน",
    "คู่มือหรือมาตรฐานการให้บริการ",
    "ข้อมูลเชิงสถิติการให้บริการ",
    "รายงานผลการสำรวจความพึงพอใจการให้บริการ",
    "E-Service",
    "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ",
    "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
    "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
    "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี",
    "นโยบายหรือแผนการบริหารทรัพยากรบุคคล",
    "การดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล",
    "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล",
    "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
    "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "การเปิดโอกาสให้เกิดการมีส่วนร่วม",
    "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
    "การสร้างวัฒนธรรม No Gift Policy",
    "รายงานผลตามนโยบาย No Gift Policy",
    "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี",
    "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ",
    "แผนปฏิบัติการป้องกันการทุจริต",
    "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน",
    "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี",
    "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ",
    "การขับเคลื่อนจริยธรรม",
    "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ",
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
];

/// O1-O43 for fiscal years 2564 and 2565.
pub const OIT_2564: [&str; 43] = [
    "โครงสร้าง",
    "ข้อมูลผู้บริหาร",
    "อำนาจหน้าที่",
    "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
    "ข้อมูลการติดต่อ",
    "กฎหมายที่เกี่ยวข้อง",
    "ข่าวประชาสัมพันธ์",
    "Q&A",
    "Social Network",
    "แผนดำเนินงานประจำปี",
    "รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน",
    "รายงานผลการดำเนินงานประจำปี",
    "คู่มือหรือมาตรฐานการปฏิบัติงาน",
    "คู่มือหรือมาตรฐานการให้บริการ",
    "ข้อมูลเชิงสถิติการให้บริการ",
    "รายงานผลการสำรวจความพึงพอใจการให้บริการ",
    "E-Service",
    "แผนการใช้จ่ายงบประมาณประจำปี",
    "รายงานการกำกับติดตามการใช้จ่ายงบประมาณประจำปี รอบ 6 เดือน",
    "รายงานผลการใช้จ่ายงบประมาณประจำปี",
    "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ",
    "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
    "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
    "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี",
    "นโยบายการบริหารทรัพยากรบุคคล",
    "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล",
    "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล",
    "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
    "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ช่องทางการรับฟังความคิดเห็น",
    "การเปิดโอกาสให้เกิดการมีส่วนร่วม",
    "เจตจำนงสุจริตของผู้บริหาร",
    "การมีส่วนร่วมของผู้บริหาร",
    "การประเมินความเสี่ยงการทุจริตประจำปี",
    "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต",
    "การเสริมสร้างวัฒนธรรมองค์กร",
    "แผนปฏิบัติการป้องกันการทุจริต",
    "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน",
    "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี",
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
];

/// A known OIT list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Catalogue {
    /// "2566-2567" or "2564-2565".
    pub name: &'static str,
    pub titles: &'static [&'static str; 43],
}

pub const CATALOGUE_2566: Catalogue = Catalogue {
    name: "2566-2567",
    titles: &OIT_2566,
};
pub const CATALOGUE_2564: Catalogue = Catalogue {
    name: "2564-2565",
    titles: &OIT_2564,
};

/// The catalogue of a fiscal year (BE), if it is known.
pub fn for_year(year: i32) -> Option<Catalogue> {
    match year {
        2564 | 2565 => Some(CATALOGUE_2564),
        2566 | 2567 => Some(CATALOGUE_2566),
        _ => None,
    }
}

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
    pub catalogue: Catalogue,
    grams: Vec<Grams>,
}

impl Prepared {
    /// The prepared form of a known catalogue, built once.
    pub fn of(catalogue: Catalogue) -> Option<&'static Prepared> {
        static P2566: std::sync::OnceLock<Prepared> = std::sync::OnceLock::new();
        static P2564: std::sync::OnceLock<Prepared> = std::sync::OnceLock::new();
        if catalogue == CATALOGUE_2564 {
            Some(P2564.get_or_init(|| Prepared::new(CATALOGUE_2564)))
        } else if catalogue == CATALOGUE_2566 {
            Some(P2566.get_or_init(|| Prepared::new(CATALOGUE_2566)))
        } else {
            None
        }
    }

    pub fn new(catalogue: Catalogue) -> Self {
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

/// Bigrams of a written title, for [`Prepared::similarity`].
pub fn title_grams(title: &str) -> Grams {
    bigrams(&skeleton(title))
}

/// Codes OCR may have produced for `code`: each digit swapped for a look-alike Thai
/// digit (๓→๙, ๔→๕, ๘→๕, ...), as seen in real scans (DESIGN.md §3).
pub fn is_confusable(written: u32, code: u32) -> bool {
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
    const K: usize = 43;
    // score[i][c]: how well item i fits code c+1.
    let score: Vec<[f64; K]> = items
        .iter()
        .map(|it| {
            let mut row = [0.0; K];
            for (c, slot) in row.iter_mut().enumerate() {
                let code = c as u32 + 1;
                let sim = prep.similarity(&it.grams, c + 1);
                let code_score = match it.written {
                    Some(w) if w == code => 1.0,
                    Some(w) if is_confusable(w, code) => 0.35,
                    Some(w) if (1..=43).contains(&w) => -0.6,
                    _ => 0.0,
                };
                *slot = code_score + 1.2 * sim;
            }
            row
        })
        .collect();
    // dp[i][c]: best total for items 0..=i with item i at code c (monotone non-decreasing).
    const REPEAT_COST: f64 = 0.9;
    let mut dp = vec![[f64::NEG_INFINITY; K]; n];
    let mut back = vec![[usize::MAX; K]; n];
    dp[0] = score[0];
    for i in 1..n {
        // Best over strictly smaller codes, running maximum.
        let mut best_prev = f64::NEG_INFINITY;
        let mut best_arg = usize::MAX;
        for c in 0..K {
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
    let mut c = (0..K)
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
        }
    }

    #[test]
    fn misread_codes_recovered_from_sequence_and_title() {
        let prep = Prepared::new(CATALOGUE_2566);
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
        assert_eq!(assign_codes(&prep, &ev), vec![38, 39, 40, 41, 42, 43]);
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
        assert_eq!(for_year(2568), None);
    }
}
