//! Document metadata: the agency (name, type, place), the fiscal year, the overall score
//! and level, and the other agencies a report names (template residue).
//!
//! All searches run on repaired page text (digits already ASCII); every value keeps the
//! byte range it was read from.

use super::Page;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// A value found on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    pub value: T,
    pub page: usize,
    pub range: Range<usize>,
}

/// An agency named in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct AgencyMention {
    /// Canonical full name: type prefix in full plus the place name.
    pub name: String,
    /// "อบจ." | "เทศบาลนคร" | "เทศบาลเมือง" | "เทศบาลตำบล" | "อบต."
    pub kind: &'static str,
    /// The kind of place an agency of this type is usually named after.
    pub named_after: Option<PlaceKind>,
    /// The place part of the name ("โคกสำราญ").
    pub place: String,
    /// Whether the place part starts with a known place name.
    pub known_place: bool,
    /// The known place name the place part starts with ("พระรักษ์" of a name cut short
    /// by a line break as "พระรักษ์เรีย").
    pub known_prefix: String,
    /// The name as written ("อบต.ท่าม่วง").
    pub written: String,
    pub page: usize,
    pub range: Range<usize>,
}

/// The longest known place name at the start of `s`, in bytes (the gazetteer's names).
pub fn place_prefix_len(s: &str) -> Option<usize> {
    crate::places::gazetteer().name_prefix_len(s)
}

/// Cut a place name from the Thai run that follows a prefix: the longest known place
/// name, extended to the next stop word ("ลำปางใหญ่", "โคกสำราญ|ได้จัดทำ").
pub fn cut_name(run: &str) -> (usize, bool) {
    let known = place_prefix_len(run);
    let from = known.unwrap_or_else(|| {
        run.char_indices()
            .nth(2)
            .map(|(i, _)| i)
            .unwrap_or(run.len())
    });
    let mut end = run.len();
    for w in crate::vocab::words("name_stop") {
        if let Some(i) = run[from..].find(w) {
            end = end.min(from + i);
        }
    }
    (end.max(known.unwrap_or(0)), known.is_some())
}

fn re_agency() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let types =
            crate::vocab::alternation_of(crate::vocab::agency_types().iter().map(|t| t.written));
        Regex::new(&format!(r"({types})\s?([\u{{0E01}}-\u{{0E4E}}]+)")).expect("valid regex")
    })
}

/// Every agency named on the page.
pub fn agency_mentions(page: &Page, page_idx: usize) -> Vec<AgencyMention> {
    let text = &page.rep.text;
    let mut out = Vec::new();
    for caps in re_agency().captures_iter(text) {
        let (Some(prefix), Some(run)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        let (len, known) = cut_name(run.as_str());
        let place = &run.as_str()[..len];
        if place.chars().count() < 2 {
            continue;
        }
        let Some(ty) = crate::vocab::agency_type(prefix.as_str()) else {
            continue;
        };
        let (full, kind) = (ty.full, ty.kind);
        let known_prefix = place_prefix_len(place)
            .map(|l| place[..l].to_string())
            .unwrap_or_default();
        out.push(AgencyMention {
            known_prefix,
            written: text[prefix.start()..run.start() + len].to_string(),
            name: format!("{full}{place}"),
            kind,
            named_after: ty.named_after,
            place: place.to_string(),
            known_place: known,
            page: page_idx,
            range: prefix.start()..run.start() + len,
        });
    }
    out
}

/// The report's own agency: the first named in the opening lines of the first page
/// that has text, else the most often named.
pub fn pick_agency(
    mentions: &[AgencyMention],
    opening_end: (usize, usize),
) -> Option<&AgencyMention> {
    let opening = mentions
        .iter()
        .find(|m| (m.page, m.range.start) < opening_end);
    if opening.is_some() {
        return opening;
    }
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        match counts.iter_mut().find(|(n, _, _)| *n == m.name) {
            Some(c) => c.1 += 1,
            None => counts.push((&m.name, 1, i)),
        }
    }
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|&(_, _, i)| &mentions[i])
}

/// An agency that is not a local administration (a college, a hospital, a district
/// health office, a department), named in the opening lines: the first word there that
/// starts with a type of the `agency_type` list of `data/vocab/score_words.tsv`, as
/// written up to the next space or dot, unless the line names it as the parent
/// (`parent_marker`, "สังกัด"). Returns the page index, the byte range of the name in
/// the repaired text, and the name.
pub fn other_agency_in_opening(
    pages: &[Page],
    opening_end: (usize, usize),
) -> Option<(usize, Range<usize>, String)> {
    let (pi, end) = opening_end;
    let text = &pages.get(pi)?.rep.text;
    let opening = &text[..crate::source::floor_char_boundary(text, end)];
    let types = crate::vocab::kinds::score_words("agency_type");
    let parents = crate::vocab::kinds::score_words("parent_marker");
    let leads = crate::vocab::kinds::score_words("agency_lead");
    let mut at = 0;
    for line in opening.split_inclusive('\n') {
        let line_start = at;
        at += line.len();
        for (i, _) in line.char_indices() {
            let before = &line[..i];
            // A name starts a word: not inside one, unless a word that leads a name is
            // glued before it ("เว็บไซต์ของโรงพยาบาลบางกระทุ่ม", list `agency_lead`).
            if before
                .chars()
                .next_back()
                .is_some_and(crate::vocab::chars::is_thai)
                && !leads.iter().any(|w| before.ends_with(w))
            {
                continue;
            }
            let rest = &line[i..];
            let Some(ty) = types
                .iter()
                .filter(|t| rest.starts_with(*t))
                .max_by_key(|t| t.len())
            else {
                continue;
            };
            let len = rest
                .find(|c: char| c.is_whitespace() || c == '.' || c == '(')
                .unwrap_or(rest.len());
            // The type alone ("โรงพยาบาล" in running text) names no agency.
            if len <= ty.len() || parents.iter().any(|p| before.contains(p)) {
                continue;
            }
            let start = line_start + i;
            return Some((pi, start..start + len, rest[..len].to_string()));
        }
    }
    None
}

/// Which part of a place a mention names.
pub use crate::vocab::PlaceKind;

fn re_place() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let prefixes =
            crate::vocab::alternation_of(crate::vocab::place_prefixes().iter().map(|p| p.0));
        Regex::new(&format!(r"({prefixes})\s?([\u{{0E01}}-\u{{0E4E}}]+)")).expect("valid regex")
    })
}

/// Subdistrict, district and province stated in `text` (the first of each), skipping
/// "ตำบล" inside an agency's name (เทศบาลตำบล, องค์การบริหารส่วนตำบล).
pub fn places_in(text: &str) -> Vec<(PlaceKind, String, Range<usize>)> {
    let mut out: Vec<(PlaceKind, String, Range<usize>)> = Vec::new();
    for caps in re_place().captures_iter(text) {
        let (Some(p), Some(run)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        let before = &text[..p.start()];
        // "ตำบล" that ends an agency type's name (เทศบาลตำบล) is not a place prefix.
        if crate::vocab::agency_types().iter().any(|t| {
            t.full
                .strip_suffix(p.as_str())
                .is_some_and(|head| !head.is_empty() && before.ends_with(head))
        }) {
            continue;
        }
        // Abbreviations must stand as words ("อ." not inside "ต่อ.").
        if p.as_str().ends_with('.') {
            if let Some(c) = before.chars().next_back() {
                if ('\u{0E01}'..='\u{0E4E}').contains(&c) {
                    continue;
                }
            }
        }
        let Some(&(_, kind)) = crate::vocab::place_prefixes()
            .iter()
            .find(|(w, _)| *w == p.as_str())
        else {
            continue;
        };
        let run_s = run.as_str();
        let (mut len, known) = cut_name(run_s);
        if !known {
            // Unknown names stop at the first stop word only; keep at least two letters.
            len = len.max(
                run_s
                    .char_indices()
                    .nth(2)
                    .map(|(i, _)| i)
                    .unwrap_or(run_s.len()),
            );
        }
        let name = run_s[..len].to_string();
        if name.chars().count() < 2 {
            continue;
        }
        if !out.iter().any(|(k, _, _)| *k == kind) {
            out.push((kind, name, p.start()..run.start() + len));
        }
    }
    out
}

fn re_year() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"{}\s*{}?\s*(\d{{4}})",
            crate::vocab::alternation("year_lead"),
            crate::vocab::era_alternation()
        ))
        .expect("valid regex")
    })
}

/// Fiscal-year mentions ("ประจำปีงบประมาณ พ.ศ. 2566") in text, as BE years.
pub fn years_in(text: &str) -> Vec<(i32, Range<usize>)> {
    re_year()
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(1)?;
            let y: i32 = m.as_str().parse().ok()?;
            crate::vocab::plausible_be_year(y)
                .map(|be| (be, c.get(0).map(|g| g.range()).unwrap_or(m.range())))
        })
        .collect()
}

fn re_score() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let word = crate::vocab::alternation("score_word");
        Regex::new(&format!(
            concat!(
                r"{word}{qualifier}?[ \t]*(?:ITA[ \t]*)?",
                r"(?:{year}[ \t]*(?:{era}[ \t]?)?\d{{4}}[ \t]*)?",
                r"(?:{link}|=|:)?[ \t]*(\d{{1,3}}(?:\.\d{{1,4}})?)(?:[ \t]*{word})?",
                r"|(\d{{1,3}}\.\d{{1,4}})[ \t]*{word}"
            ),
            word = word,
            qualifier = crate::vocab::alternation("score_qualifier"),
            year = crate::vocab::alternation("score_year_lead"),
            era = crate::vocab::era_alternation(),
            link = crate::vocab::alternation("score_link"),
        ))
        .expect("valid regex")
    })
}

/// The overall score: the first "คะแนน N" or "N คะแนน" with 0 <= N <= 100.
pub fn score_in(text: &str) -> Option<(f64, Range<usize>)> {
    re_score().captures_iter(text).find_map(|c| {
        let m = c.get(1).or_else(|| c.get(2))?;
        let v: f64 = m.as_str().parse().ok()?;
        (0.0..=100.0).contains(&v).then(|| (v, m.range()))
    })
}

fn re_level() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"{}[ \t]*{}?[ \t]*(?:=|:)?[ \t]*({})(?:[^A-Za-z]|$)",
            crate::vocab::alternation("level_word"),
            crate::vocab::alternation("level_qualifier"),
            levels_alternation()
        ))
        .expect("valid regex")
    })
}

/// Every level label, longest first ("ผ่านดีเยี่ยม" before "ผ่าน", "AA" before "A").
fn levels_alternation() -> String {
    crate::vocab::alternation_of(crate::vocab::levels().iter().copied())
}

fn re_level_after_score() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"^[ \t]*{}?[ \t]*[(（][ \t]*(?:{}[ \t]*)?({})[ \t]*[)）]",
            crate::vocab::alternation("score_word"),
            crate::vocab::alternation("level_word"),
            levels_alternation()
        ))
        .expect("valid regex")
    })
}

/// A level in parentheses right after the score ("91.23 (ผ่านดี)"), with its range in
/// `tail`.
pub fn level_after_score(tail: &str) -> Option<(String, Range<usize>)> {
    let c = re_level_after_score().captures(tail)?;
    let m = c.get(1)?;
    Some((m.as_str().to_string(), m.range()))
}

/// The level as written ("ผ่านดีเยี่ยม", "A"): the first "ระดับ X".
pub fn level_in(text: &str) -> Option<(String, Range<usize>)> {
    re_level().captures_iter(text).find_map(|c| {
        let m = c.get(1)?;
        Some((m.as_str().to_string(), m.range()))
    })
}

/// Score and level from a results table: a row labelled คะแนนรวม (or คะแนนเฉลี่ย,
/// รวม, คะแนน ITA) with the number in a later cell, and a row labelled ระดับ... with
/// the level. Returns ((score, page, range), (level, page, range)).
#[allow(clippy::type_complexity)]
pub fn score_level_in_rows(
    pages: &[Page],
) -> (
    Option<(f64, usize, Range<usize>)>,
    Option<(String, usize, Range<usize>)>,
) {
    let mut score = None;
    let mut level = None;
    for (pi, p) in pages.iter().enumerate() {
        for (ri, row) in p.rows.iter().enumerate() {
            let Some(fc) = row.first_filled() else {
                continue;
            };
            let label = row.cells[fc].text();
            // The value in a later cell, or, for a label alone on its line (plain OCR of a
            // table), on the next line.
            let value = if row.cells.len() >= 2 {
                row.cells.iter().skip(fc + 1).find(|c| !c.is_blank())
            } else if label.chars().count() <= 30 {
                p.rows[ri + 1..]
                    .iter()
                    .find(|r| r.first_filled().is_some())
                    .filter(|r| r.cells.len() == 1)
                    .and_then(|r| r.cells.first())
            } else {
                None
            };
            let Some(value) = value else { continue };
            let vtext = value.text();
            let vrange = value
                .toks
                .iter()
                .find(|t| !t.text.trim().is_empty())
                .map(|t| t.range.clone())
                .unwrap_or(value.range.clone());
            if score.is_none()
                && crate::vocab::words("score_label")
                    .iter()
                    .any(|l| label.starts_with(l))
            {
                if let Ok(v) = vtext.trim().parse::<f64>() {
                    if (0.0..=100.0).contains(&v) {
                        score = Some((v, pi, vrange.clone()));
                    }
                }
            }
            if level.is_none()
                && crate::vocab::words("level_word")
                    .iter()
                    .any(|w| label.starts_with(w))
            {
                let v = vtext.trim();
                if crate::vocab::levels().contains(&v) {
                    level = Some((v.to_string(), pi, vrange));
                }
            }
        }
    }
    (score, level)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_of(text: &str) -> Page {
        let raw = crate::source::PageText::new(1, text.to_string());
        let rep = crate::layout::repair(&raw);
        Page::new(raw, rep, Vec::new())
    }

    #[test]
    fn another_kind_of_agency_is_read_from_the_opening() {
        let text =
            "รายงานผลการวิเคราะห์\nจัดทำโดย งานพัสดุ\nโรงพยาบาลพิชัย\nสังกัด สำนักงานสาธารณสุขจังหวัดอุตรดิตถ์\n";
        let pages = [page_of(text)];
        let (_, r, name) = other_agency_in_opening(&pages, (0, text.len())).unwrap();
        assert_eq!(name, "โรงพยาบาลพิชัย");
        assert_eq!(&text[r], "โรงพยาบาลพิชัย");
        // Only the parent named, or the type alone in running text: no agency.
        for t in [
            "สังกัด สำนักงานสาธารณสุขจังหวัดอุตรดิตถ์\n",
            "ผู้มารับบริการที่โรงพยาบาล แห่งนี้\n",
            "กิจกรรมคุณธรรม\n",
        ] {
            let pages = [page_of(t)];
            assert_eq!(other_agency_in_opening(&pages, (0, t.len())), None, "{t}");
        }
        // Glued to the word before it that leads a name (a real hospital's form).
        let t = "แบบฟอร์มการขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์ของโรงพยาบาลบางกระทุ่ม\n";
        let pages = [page_of(t)];
        let (_, _, name) = other_agency_in_opening(&pages, (0, t.len())).unwrap();
        assert_eq!(name, "โรงพยาบาลบางกระทุ่ม");
        // Written in a form's dotted field.
        let t = "ชื่อสถานศึกษา...วิทยาลัยเทคนิคกันทรลักษ์.......จังหวัด.....ศรีสะเกษ\n";
        let pages = [page_of(t)];
        let (_, _, name) = other_agency_in_opening(&pages, (0, t.len())).unwrap();
        assert_eq!(name, "วิทยาลัยเทคนิคกันทรลักษ์");
    }

    #[test]
    fn names_cut_from_unspaced_text() {
        let cases = [
            ("โคกสำราญได้จัดทำ", "โคกสำราญ", true),
            ("ลำปางใหญ่", "ลำปางใหญ่", true),
            ("สุราษฎร์ธานี", "สุราษฎร์ธานี", true),
            ("ผ่านทางเว็บไซต์", "ผ่านทางเว็บไซต์", false),
        ];
        for (run, want, known) in cases {
            let (len, k) = cut_name(run);
            assert_eq!((&run[..len], k), (want, known), "{run}");
        }
    }

    #[test]
    fn places_skip_agency_names() {
        let t = "เทศบาลตำบลโคกสำราญ ตำบลโคกสำราญ อำเภอบ้านแพ้ว จังหวัดขอนแก่น";
        let got: Vec<(PlaceKind, String)> =
            places_in(t).into_iter().map(|(k, n, _)| (k, n)).collect();
        assert_eq!(
            got,
            vec![
                (PlaceKind::Subdistrict, "โคกสำราญ".to_string()),
                (PlaceKind::District, "บ้านแพ้ว".to_string()),
                (PlaceKind::Province, "ขอนแก่น".to_string())
            ]
        );
    }

    #[test]
    fn year_score_level() {
        assert_eq!(
            years_in("ประจำปีงบประมาณ พ.ศ.2566 และ").first().map(|y| y.0),
            Some(2566)
        );
        assert_eq!(years_in("ปีงบประมาณ 2023").first().map(|y| y.0), Some(2566));
        // A line wrapped after ประจำปี: the era still makes the number a year.
        assert_eq!(
            years_in("งบประมาณ พ.ศ. 2568 จำนวน 533 แห่ง")
                .first()
                .map(|y| y.0),
            Some(2568)
        );
        assert!(years_in("งบประมาณ 2568 บาท").is_empty());
        // A year OCR misread out of range is no year.
        assert!(years_in("ประจำปีงบประมาณ พ.ศ. 2525").is_empty());
        let t = "โดยภาพรวมคะแนน 99.18 คะแนน อยู่ในระดับผ่านดีเยี่ยม";
        assert_eq!(score_in(t).map(|s| s.0), Some(99.18));
        assert_eq!(level_in(t).map(|l| l.0), Some("ผ่านดีเยี่ยม".to_string()));
        assert_eq!(level_in("ระดับถึงความสำคัญ"), None);
        assert_eq!(
            level_in("ผลการประเมินระดับ AA (95.2)").map(|l| l.0),
            Some("AA".to_string())
        );
        assert_eq!(
            score_in("ผลคะแนน ITA ปี 2565 = 96.20").map(|s| s.0),
            Some(96.2)
        );
        assert_eq!(score_in("คะแนนที่ได้ 91.23 (ผ่านดี)").map(|s| s.0), Some(91.23));
        assert_eq!(
            level_after_score(" (ผ่านดี)").map(|l| l.0),
            Some("ผ่านดี".to_string())
        );
        assert_eq!(
            years_in("ผลการประเมิน ITA ปี 2565").first().map(|y| y.0),
            Some(2565)
        );
    }
}
