//! Checks over the whole document that raise flags: text in a foreign script, repeated
//! text, and a ticked status that the progress text contradicts.

use crate::model::ItemStatus;
use std::collections::HashMap;
use std::ops::Range;

/// The script of a letter that does not belong in a Thai report, if it is one.
pub fn foreign_script(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{1780}'..='\u{17FF}' | '\u{19E0}'..='\u{19FF}' => "Khmer",
        '\u{0E80}'..='\u{0EFF}' => "Lao",
        '\u{1000}'..='\u{109F}' => "Myanmar",
        '\u{0900}'..='\u{097F}' => "Devanagari",
        '\u{0980}'..='\u{0DFF}' => "Indic",
        '\u{0600}'..='\u{06FF}' => "Arabic",
        '\u{0400}'..='\u{04FF}' => "Cyrillic",
        '\u{4E00}'..='\u{9FFF}' | '\u{3040}'..='\u{30FF}' => "CJK",
        '\u{AC00}'..='\u{D7AF}' => "Hangul",
        _ => return None,
    })
}

/// Blocks of lines in a foreign script: (byte range in the text, script, line count).
/// Lines with three or more foreign letters count; blocks separated by up to three
/// other lines are joined.
pub fn foreign_blocks(text: &str) -> Vec<(Range<usize>, &'static str, usize)> {
    let mut blocks: Vec<(Range<usize>, &'static str, usize, usize)> = Vec::new(); // + last line idx
    let mut offset = 0;
    for (li, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let mut count = 0;
        let mut script = "";
        for c in line.chars() {
            if let Some(s) = foreign_script(c) {
                count += 1;
                script = s;
            }
        }
        if count < 3 {
            continue;
        }
        let end = start + line.trim_end().len();
        match blocks.last_mut() {
            Some(b) if li - b.3 <= 4 && b.1 == script => {
                b.0.end = end;
                b.2 += 1;
                b.3 = li;
            }
            _ => blocks.push((start..end, script, 1, li)),
        }
    }
    blocks.into_iter().map(|(r, s, n, _)| (r, s, n)).collect()
}

/// The key lines are compared by: letters only (digits, punctuation and spacing
/// dropped), so "๑. บริหารราชการ" and "๒. บริหารราชการ" are the same line.
pub fn repeat_key(s: &str) -> String {
    s.chars().filter(|&c| is_letter(c)).collect()
}

/// `char::is_alphabetic` with a fast path for ASCII and Thai (the general lookup is a
/// binary search over Unicode tables, and this runs on every character of every line).
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7F}' => false,
        '\u{0E01}'..='\u{0E2E}'
        | '\u{0E30}'..='\u{0E3A}'
        | '\u{0E40}'..='\u{0E46}'
        | '\u{0E4D}' => true,
        '\u{0E00}'..='\u{0E7F}' => false,
        _ => c.is_alphabetic(),
    }
}

/// Lines of running text repeated `min_count` times or more in a run (each repeat
/// within three lines of the one before), as OCR hallucination writes them; a value that
/// recurs across a document (a unit's name in every row) is not a run. Returns (id of
/// the first line of the run, its text, run length). `lines` are (any id, text) in
/// document order.
pub fn repeated_lines<T: Clone>(
    lines: &[(T, String)],
    min_count: usize,
) -> Vec<(T, String, usize)> {
    // key -> (first index of the current run, last index seen, run length, best run)
    let mut runs: HashMap<String, (usize, usize, usize)> = HashMap::new();
    let mut best: HashMap<String, (usize, usize)> = HashMap::new();
    for (i, (_, text)) in lines.iter().enumerate() {
        let key = repeat_key(text);
        if key.chars().count() < 5 {
            continue;
        }
        let run = runs.entry(key.clone()).or_insert((i, i, 0));
        if i - run.1 > 3 {
            *run = (i, i, 0);
        }
        run.1 = i;
        run.2 += 1;
        let (first, _, n) = *run;
        let b = best.entry(key).or_insert((first, n));
        if n > b.1 {
            *b = (first, n);
        }
    }
    let mut out: Vec<(usize, usize)> = best
        .into_values()
        .filter(|(_, n)| *n >= min_count)
        .collect();
    out.sort();
    out.into_iter()
        .map(|(first, n)| (lines[first].0.clone(), lines[first].1.clone(), n))
        .collect()
}

/// A phrase repeated within one line many times ("บทที่ ๓๐๑ บทที่ ๓๐๒ บทที่ ๓๐๓ ..."):
/// the word and its count, when one word makes half or more of four or more words.
pub fn repeated_phrase(line: &str) -> Option<(String, usize)> {
    let words: Vec<String> = line
        .split_whitespace()
        .map(repeat_key)
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 4 {
        return None;
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in &words {
        *counts.entry(w).or_default() += 1;
    }
    let (w, n) = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
    (n >= 4 && n * 2 >= words.len() && w.chars().count() >= 3).then(|| (w.to_string(), n))
}

/// Whether the ticked status contradicts the progress notes: "not done" ticked while the
/// notes describe finished work, or "done" ticked while the notes say it is not done.
pub fn contradicts(status: ItemStatus, notes: &str) -> Option<&'static str> {
    let notes = notes.trim();
    if notes.chars().count() < 6 {
        return None;
    }
    let negated = crate::vocab::words("not_done_notes")
        .iter()
        .any(|w| notes.contains(w));
    // A done word counts only where no negation stands right before it
    // ("ยังไม่ได้ดำเนินการ", "ไม่ได้จัดทำ", "อยู่ระหว่างจัดทำ").
    let done = crate::vocab::words("done_notes").iter().any(|w| {
        notes.match_indices(w).any(|(i, _)| {
            let before = notes[..i].trim_end();
            !crate::vocab::words("negation_before")
                .iter()
                .any(|n| before.ends_with(n))
        })
    });
    match status {
        ItemStatus::NotDone if done && !negated => {
            Some("ticked not done, but the progress notes describe finished work")
        }
        ItemStatus::Done if negated && !done => {
            Some("ticked done, but the progress notes say the work is not done")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_blocks_join_nearby_lines() {
        let t = "ไทย\nប្រធានគណៈកម្មាធិការ\n\n(ឈ្មោះ ឈប់ស្រប)\nไทย\nไทย\nไทย\nไทย\nไทย\nក្រុងភ្នំពេញ ថ្ងៃទី";
        let b = foreign_blocks(t);
        assert_eq!(b.len(), 2);
        assert_eq!((b[0].1, b[0].2), ("Khmer", 2));
    }

    #[test]
    fn repeats() {
        let lines: Vec<(usize, String)> = (0..6)
            .map(|i| (i, format!("{i}. บริหารราชการบริหารส่วนท้องถิ่น")))
            .collect();
        assert_eq!(repeated_lines(&lines, 5).len(), 1);
        assert_eq!(repeated_lines(&lines[..4], 5).len(), 0);
        assert!(repeated_phrase("บทที่ 301 บทที่ 302 บทที่ 303 บทที่ 304").is_some());
        assert!(repeated_phrase("การประชุม คณะกรรมการ ครั้งที่ 1").is_none());
    }

    #[test]
    fn contradictions() {
        let cases = [
            (
                ItemStatus::NotDone,
                "-มีการจัดทำประกาศนโยบายต่อต้านการทุจริต",
                true,
            ),
            (ItemStatus::NotDone, "อยู่ระหว่างการจัดทำ", false),
            (ItemStatus::Done, "ยังไม่ได้ดำเนินการ เนื่องจากงบประมาณ", true),
            (ItemStatus::Done, "เผยแพร่บนเว็บไซต์แล้ว", false),
            (ItemStatus::NotDone, "", false),
        ];
        for (s, notes, want) in cases {
            assert_eq!(contradicts(s, notes).is_some(), want, "{notes}");
        }
    }
}
