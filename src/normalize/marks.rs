//! Thai combining marks put in canonical order, character by character (no word list):
//!
//! - each consonant's marks sorted: PHINTHU, below vowel, above vowel, NIKHAHIT, tone mark,
//!   THANTHAKHAT/YAMAKKAN (consistent with the canonical combining classes 9 < 103 < 107
//!   that NFC sorts by, so the two never fight); identical marks collapsed; of several tone
//!   marks the last one kept (PyThaiNLP `remove_repeat_vowels`);
//! - spaces (one or two) between a consonant or mark and a following combining mark or
//!   SARA AM removed ("นั ้น" -> "นั้น", "ด ำ" -> "ดำ"): a mark never starts a word, the
//!   space is an extraction artefact (`../shared/reference/thai-pdf-notes.md` §1.5);
//! - SARA AM rebuilt from NIKHAHIT (+ tone mark) + SARA AA: `ํ่า` -> `่ำ` (HarfBuzz decomposes
//!   U+0E33 THAI CHARACTER SARA AM this way; tesseract always emits it), and `ำา` -> `ำ`
//!   (LibreOffice PDFs without ActualText); recorded as [`RepairKind::SaraAm`];
//! - tone marks typed after a following vowel moved before it ("กา่" -> "ก่า"), repeated
//!   following or leading vowels collapsed ("นาา" -> "นา"), SARA E twice -> SARA AE
//!   ("เเ" -> "แ"), LAKKHANGYAO -> SARA AA except after RU/LU (PyThaiNLP `reorder_vowels`).

use super::digits::utf8_len;
use super::offset_map::{PassOut, Rewriter};
use super::{Options, RepairKind};

const SARA_AA: char = '\u{0E32}';
const SARA_AM: char = '\u{0E33}';
const NIKHAHIT: char = '\u{0E4D}';
const SARA_E: char = '\u{0E40}';
const SARA_AE: char = '\u{0E41}';
const LAKKHANGYAO: char = '\u{0E45}';
const RU: char = '\u{0E24}';
const LU: char = '\u{0E26}';

/// Most marks one cluster may carry; longer runs are left for the next round.
const MAX_MARKS: usize = 12;

/// U+0E01 KO KAI ..= U+0E2E HO NOKHUK.
pub(crate) fn is_consonant(c: char) -> bool {
    ('\u{0E01}'..='\u{0E2E}').contains(&c)
}

/// Thai combining marks: MAI HAN-AKAT, SARA I..PHINTHU, MAITAIKHU..YAMAKKAN.
pub(crate) fn is_mark(c: char) -> bool {
    c == '\u{0E31}'
        || ('\u{0E34}'..='\u{0E3A}').contains(&c)
        || ('\u{0E47}'..='\u{0E4E}').contains(&c)
}

/// MAI EK, MAI THO, MAI TRI, MAI CHATTAWA.
pub(crate) fn is_tone(c: char) -> bool {
    ('\u{0E48}'..='\u{0E4B}').contains(&c)
}

/// SARA A, SARA AA, SARA AM, LAKKHANGYAO: vowels written after the consonant.
pub(crate) fn is_follow_vowel(c: char) -> bool {
    matches!(c, '\u{0E30}' | '\u{0E32}' | '\u{0E33}' | '\u{0E45}')
}

/// SARA E ..= SARA AI MAIMALAI: vowels written before the consonant.
pub(crate) fn is_lead_vowel(c: char) -> bool {
    ('\u{0E40}'..='\u{0E44}').contains(&c)
}

/// Position of a mark in canonical order: vowels and signs (above, below, PHINTHU,
/// MAITAIKHU, NIKHAHIT, YAMAKKAN) before tone marks and THANTHAKHAT, each group kept in
/// its written order (PyThaiNLP `reorder_vowels`). Consistent with NFC: every mark with a
/// non-zero combining class that may move (SARA U/UU 103, PHINTHU 9) sorts before the tone
/// marks (107).
fn rank(c: char) -> u8 {
    match c {
        '\u{0E48}'..='\u{0E4C}' => 2, // MAI EK..MAI CHATTAWA, THANTHAKHAT
        _ => 1,
    }
}

/// Canonical combining class of a Thai mark (UnicodeData.txt): SARA U/UU 103, PHINTHU 9,
/// tone marks 107, the rest 0.
fn ccc(c: char) -> u8 {
    match c {
        '\u{0E38}' | '\u{0E39}' => 103,
        '\u{0E3A}' => 9,
        '\u{0E48}'..='\u{0E4B}' => 107,
        _ => 0,
    }
}

/// Unicode canonical ordering (UAX #15 §3.11 / D109) of adjacent marks with non-zero
/// combining classes, so the result is what NFC would keep ("ฺุ" -> "ฺุ").
fn canonical_order(marks: &mut [char]) {
    loop {
        let mut swapped = false;
        for j in 1..marks.len() {
            let (a, b) = (ccc(marks[j - 1]), ccc(marks[j]));
            if b != 0 && a > b {
                marks.swap(j - 1, j);
                swapped = true;
            }
        }
        if !swapped {
            break;
        }
    }
}

/// The Thai character (U+0E00..U+0E7F) whose UTF-8 starts at `i`, if any.
#[inline]
pub(crate) fn thai_at(b: &[u8], i: usize) -> Option<char> {
    match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(0xE0), Some(&m @ (0xB8 | 0xB9)), Some(&l @ 0x80..=0xBF)) => {
            char::from_u32(0x0E00 + ((m as u32 - 0xB8) << 6) + (l as u32 - 0x80))
        }
        _ => None,
    }
}

/// The Thai character that ends at byte `i` (exclusive), if any.
#[inline]
pub(crate) fn thai_before(b: &[u8], i: usize) -> Option<char> {
    i.checked_sub(3).and_then(|s| thai_at(b, s))
}

/// After the spaces at `q`, the position of the next byte, when there is at least one.
fn skip_spaces(b: &[u8], q: usize) -> Option<usize> {
    let mut r = q;
    while r < b.len() && b[r] == b' ' {
        r += 1;
    }
    (r > q).then_some(r)
}

/// Character classes of U+0E00..U+0E7F for the scan loop.
const OTHER: u8 = 0;
const CONS: u8 = 1;
const MARK: u8 = 2;
const FOLLOW: u8 = 3;
const LEAD: u8 = 4;

const CLASS: [u8; 128] = {
    let mut t = [OTHER; 128];
    let mut k = 0;
    while k < 128 {
        let c = 0x0E00 + k as u32;
        t[k] = if c >= 0x0E01 && c <= 0x0E2E {
            CONS
        } else if c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E) {
            MARK
        } else if c == 0x0E30 || c == 0x0E32 || c == 0x0E33 || c == 0x0E45 {
            FOLLOW
        } else if c >= 0x0E40 && c <= 0x0E44 {
            LEAD
        } else {
            OTHER
        };
        k += 1;
    }
    t
};

/// The class of the Thai character at `i` (`OTHER` for anything else), and whether the
/// byte at `i` is a space.
#[inline]
fn class_at(b: &[u8], i: usize) -> (u8, bool) {
    match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(0xE0), Some(&m @ (0xB8 | 0xB9)), Some(&l)) => (
            CLASS[(((m - 0xB8) as usize) << 6) | (l & 0x3F) as usize],
            false,
        ),
        (Some(b' '), _, _) => (OTHER, true),
        _ => (OTHER, false),
    }
}

/// The repair pass.
pub(crate) fn pass(src: &str, opts: &Options) -> Option<PassOut> {
    if !opts.marks && !opts.sara_am {
        return None;
    }
    let b = src.as_bytes();
    let mut rw = Rewriter::new(src);
    let mut buf = String::new();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x != 0xE0 {
            i += utf8_len(x);
            continue;
        }
        let (class, _) = class_at(b, i);
        if class == OTHER {
            i += 3;
            continue;
        }
        if class == CONS {
            // Fast path: most consonants are followed by a plain character.
            let q = i + 3;
            let (next, space) = class_at(b, q);
            i = if space || next == MARK || next == FOLLOW {
                match well_formed(b, q) {
                    Some(end) => end,
                    None => match thai_at(b, i) {
                        Some(c) => cluster(src, i, c, opts, &mut rw, &mut buf),
                        None => q,
                    },
                }
            } else {
                q
            };
            continue;
        }
        let Some(c) = thai_at(b, i) else {
            i += 3;
            continue;
        };
        if opts.marks
            && class == MARK
            && (i == 0 || matches!(b[i - 1], b' ' | b'\n' | b'\r' | b'\t'))
        {
            // A dangling mark (at a line start or after a space, not joinable to a
            // consonant): removed, as PyThaiNLP `remove_dangling` does.
            let mut j = i + 3;
            while class_at(b, j).0 == MARK {
                j += 3;
            }
            rw.mark_dirty(); // the spaces around it may now need folding
            rw.replace(i..j, "", RepairKind::MarkOrder);
            i = j;
            continue;
        }
        if opts.marks && class == LEAD {
            let mut j = i + 3;
            while thai_at(b, j) == Some(c) {
                j += 3;
            }
            if j > i + 3 {
                // "เเแ" -> "แแ" needs one more look
                rw.mark_dirty();
                let with = if c == SARA_E { SARA_AE } else { c };
                rw.replace(i..j, with.encode_utf8(&mut [0; 4]), RepairKind::MarkOrder);
            }
            i = j;
            continue;
        }
        let prev = src[..i].chars().next_back();
        if opts.marks && c == LAKKHANGYAO && !matches!(prev, None | Some(RU | LU | '\n' | '\r')) {
            rw.mark_dirty(); // the new SARA AA may double the one before it
            rw.replace(i..i + 3, "\u{0E32}", RepairKind::MarkOrder);
            i += 3;
            continue;
        }
        // Marks or a following vowel after a character that is not a consonant (a leading
        // vowel, a letter of another script): the same ordering rules, with that character
        // as the base ("เา้" -> "เ้า").
        if let Some(p) = prev.filter(|p| !matches!(p, ' ' | '\n' | '\r' | '\t')) {
            let start = i - p.len_utf8();
            if (class == MARK || class == FOLLOW) && start >= rw.done() {
                let edits = rw.edit_count();
                i = cluster(src, start, p, opts, &mut rw, &mut buf).max(i + 3);
                if rw.edit_count() > edits {
                    // rare garbage ("ำํา" -> "ำำ"): the result may need another look
                    rw.mark_dirty();
                }
                continue;
            }
        }
        i += 3;
    }
    rw.finish()
}

/// The end of a cluster tail starting at `q` (right after a consonant) when it is plainly
/// canonical, so [`cluster`] need not look at it: marks in strictly increasing rank, no
/// NIKHAHIT, then at most one following vowel (not LAKKHANGYAO) that is not followed by a
/// mark, another following vowel or a space; no space before the tail.
#[inline]
fn well_formed(b: &[u8], q: usize) -> Option<usize> {
    let mut r = q;
    let mut last_rank = None;
    loop {
        let (class, space) = class_at(b, r);
        if space {
            return None;
        }
        if class != MARK {
            break;
        }
        let m = thai_at(b, r)?;
        let k = rank(m);
        if m == NIKHAHIT || last_rank.is_some_and(|l| l >= k) {
            return None;
        }
        last_rank = Some(k);
        r += 3;
    }
    if class_at(b, r).0 == FOLLOW {
        if thai_at(b, r) == Some(LAKKHANGYAO) {
            return None;
        }
        r += 3;
        let (class, space) = class_at(b, r);
        if class == MARK || class == FOLLOW || space {
            return None;
        }
    }
    Some(r)
}

/// Canonicalise the cluster of the consonant `base` at `start`; returns the end of what
/// it consumed.
fn cluster(
    src: &str,
    start: usize,
    base: char,
    opts: &Options,
    rw: &mut Rewriter,
    buf: &mut String,
) -> usize {
    let b = src.as_bytes();
    let mut q = start + base.len_utf8();
    // Fast exit: the next character is plain (not a mark, space, or following vowel).
    match (b.get(q), thai_at(b, q)) {
        (Some(b' '), _) => {}
        (_, Some(n)) if is_mark(n) || is_follow_vowel(n) => {}
        _ => return q,
    }
    let mut marks = [' '; MAX_MARKS + 4];
    let mut n = 0;
    // Whether anything differs from the input (only then is the cluster rebuilt).
    let mut changed = false;
    loop {
        if let Some(m) = thai_at(b, q).filter(|&m| is_mark(m)) {
            if n == MAX_MARKS {
                break;
            }
            marks[n] = m;
            n += 1;
            q += 3;
            continue;
        }
        if opts.marks && (n > 0 || is_consonant(base)) {
            if let Some(r) = skip_spaces(b, q) {
                if thai_at(b, r).is_some_and(is_mark) {
                    q = r;
                    changed = true;
                    continue;
                }
            }
        }
        break;
    }
    let mut sara_am = false;
    let mut dirty = n == MAX_MARKS;
    let mut follow = None;
    if opts.sara_am && marks[..n].contains(&NIKHAHIT) {
        // NIKHAHIT (+ tone) + SARA AA (or a doubled SARA AM) -> SARA AM.
        let r = if opts.marks {
            skip_spaces(b, q).unwrap_or(q)
        } else {
            q
        };
        if matches!(thai_at(b, r), Some(SARA_AA | SARA_AM)) {
            let mut k = 0;
            for j in 0..n {
                if marks[j] != NIKHAHIT {
                    marks[k] = marks[j];
                    k += 1;
                }
            }
            n = k;
            follow = Some(SARA_AM);
            sara_am = true;
            changed = true;
            q = r + 3;
        }
    }
    if follow.is_none() {
        let r = if opts.marks {
            skip_spaces(b, q).filter(|&r| thai_at(b, r) == Some(SARA_AM))
        } else {
            None
        };
        let r = r.unwrap_or(q);
        if let Some(f) = thai_at(b, r).filter(|&f| is_follow_vowel(f)) {
            follow = Some(f);
            changed |= r != q;
            q = r + 3;
        }
    }
    if let Some(mut f) = follow {
        // Doubled following vowels, "ำา", and tone marks after the vowel, in any mix
        // ("ทํา่า" -> "ท่ำ").
        loop {
            match thai_at(b, q) {
                Some(x) if x == f && opts.marks => q += 3,
                // "กา า  า" -> "กา": the same following vowel again after spaces
                None if opts.marks
                    && b.get(q) == Some(&b' ')
                    && skip_spaces(b, q).is_some_and(|r| thai_at(b, r) == Some(f)) =>
                {
                    q = skip_spaces(b, q).unwrap_or(q) + 3;
                    dirty = true;
                }
                Some(SARA_AA) if f == SARA_AM && opts.sara_am => {
                    sara_am = true;
                    q += 3;
                }
                Some(t) if is_tone(t) && opts.marks && n < MAX_MARKS => {
                    marks[n] = t;
                    n += 1;
                    q += 3;
                }
                _ => break,
            }
            changed = true;
        }
        if opts.marks {
            if f == LAKKHANGYAO && !matches!(base, RU | LU) {
                f = SARA_AA;
                follow = Some(f);
                dirty = true;
                changed = true;
            }
            dirty |= n == MAX_MARKS;
        }
    }
    let marks = &mut marks[..n];
    let mut n_out = n;
    if opts.marks {
        // already canonical: ranks strictly increasing (so no duplicates, one tone at most)
        changed |= marks.windows(2).any(|w| rank(w[0]) >= rank(w[1]));
    }
    if !changed {
        return q;
    }
    if opts.marks {
        marks.sort_by_key(|&m| rank(m)); // stable: original order within a rank
        canonical_order(marks);
        let mut k = 0;
        for j in 0..n {
            let m = marks[j];
            let next_is_tone = j + 1 < n && is_tone(marks[j + 1]);
            if (k > 0 && marks[k - 1] == m) || (is_tone(m) && next_is_tone) {
                continue; // a duplicate, or a tone mark followed by another tone mark
            }
            marks[k] = m;
            k += 1;
        }
        n_out = k;
    }
    buf.clear();
    buf.push(base);
    buf.extend(&marks[..n_out]);
    if let Some(f) = follow {
        buf.push(f);
    }
    if buf.as_str() != &src[start..q] && start >= rw.done() {
        let kind = if sara_am {
            RepairKind::SaraAm
        } else {
            RepairKind::MarkOrder
        };
        rw.replace(start..q, buf, kind);
        // Marks left after the rewritten cluster (after its following vowel) can only be
        // looked at in the next round.
        if dirty || matches!(class_at(b, q).0, MARK | FOLLOW) {
            rw.mark_dirty();
        }
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str, opts: &Options) -> String {
        pass(input, opts)
            .map(|p| p.text)
            .unwrap_or_else(|| input.to_string())
    }

    #[test]
    fn canonical_order_and_sara_am() {
        let o = Options::default();
        let cases = [
            // NIKHAHIT + SARA AA -> SARA AM, with a tone mark between
            ("ทํา", "ทำ"),
            ("น\u{0E4D}\u{0E49}\u{0E32}", "น้ำ"),
            ("ค\u{0E49}\u{0E4D}\u{0E32}", "ค้ำ"),
            ("ดำาเนินการ", "ดำเนินการ"),
            ("ด ำเนิน", "ดำเนิน"),
            ("กํ าหนด", "กำหนด"),
            // tone before an above vowel
            ("ที\u{0E48}", "ที่"),
            ("ท\u{0E48}\u{0E35}", "ที่"),
            ("ก\u{0E49}\u{0E31}น", "กั้น"),
            ("ผ\u{0E49}\u{0E39}", "ผู้"),
            // duplicated marks, several tone marks (last kept)
            ("ดีีีี", "ดี"),
            ("ก\u{0E48}\u{0E48}", "ก่"),
            ("ก\u{0E48}\u{0E49}", "ก้"),
            ("นานาาา", "นานา"),
            ("เเปลก", "แปลก"),
            ("โโต", "โต"),
            // a tone mark typed after the vowel
            ("กา\u{0E48}", "ก่า"),
            ("ก้ำ", "ก้ำ"),
            ("กำ\u{0E49}", "ก้ำ"),
            // spaces before a combining mark
            ("นั ้น", "นั้น"),
            ("พ ุ่ม", "พุ่ม"),
            ("ก    ่", "ก่"),
            // dangling marks at a line start or after a space (PyThaiNLP remove_dangling)
            ("\u{0E48}ก", "ก"),
            ("\u{0E48}\u{0E49}ก", "ก"),
            ("คำ \u{0E48}ที่สอง", "คำ ที่สอง"),
            ("ก\n\u{0E31}น", "ก\nน"),
            // repeated following vowels, also across spaces
            ("กาา", "กา"),
            ("กา า  า  า", "กา"),
            ("กา าาะา", "กาะา"),
            ("นๅคา", "นาคา"),
            ("กะ\u{0E48}", "ก\u{0E48}ะ"),
            ("ก\u{0E48}\u{0E49}\u{0E48}\u{0E49}", "ก\u{0E49}"),
            // canonical combining classes respected: PHINTHU (9) before SARA U (103)
            ("ก\u{0E38}\u{0E4C}\u{0E3A}", "ก\u{0E3A}\u{0E38}\u{0E4C}"),
            ("ต ้องการ", "ต้องการ"),
            // LAKKHANGYAO
            ("มหาๅ", "มหาา"),
            ("ฤๅษี", "ฤๅษี"),
        ];
        for (input, want) in cases {
            assert_eq!(run(input, &o), want, "{input}");
        }
    }

    #[test]
    fn leaves_correct_text_alone() {
        let o = Options::default();
        for s in [
            "ภาษาไทย ก้ำกึ่ง น้ำ ที่ ผู้ใหญ่ สำหรับ กั้น",
            "ไป าก",
            "ก า",
            "๑่",
            "ตัง้",
            "abc่",
            "ป่ า",
        ] {
            assert_eq!(run(s, &o), s, "{s}");
        }
    }

    #[test]
    fn options_switch_rules_off() {
        let no_marks = Options {
            marks: false,
            ..Options::default()
        };
        assert_eq!(run("ทํา", &no_marks), "ทำ");
        assert_eq!(run("ที\u{0E48}", &no_marks), "ที\u{0E48}");
        let no_am = Options {
            sara_am: false,
            ..Options::default()
        };
        assert_eq!(run("ทํา", &no_am), "ทํา");
    }
}
