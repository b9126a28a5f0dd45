//! Word-level SARA AM (U+0E33) repairs, driven by embedded word lists (generated from the
//! CC0 PyThaiNLP dictionary by `scripts/gen_thai_words.py`; see that script for how each
//! list was filtered):
//!
//! - **space join**: "ส าหรับ" (the NIKHAHIT glyph lost, a space left) -> "สำหรับ", only where
//!   the joined text matches a word containing ำ (`data/sara_am_words.txt`) with enough
//!   context on both sides; a space before า that does not complete such a word stays;
//! - **swapped** ([`Options::sara_am_swapped`], on by default): ำ written for า by Word-style
//!   producers ("ควำม" -> "ความ", "กำร" -> "การ"), for frequent words whose wrong form is
//!   not a word itself (`data/sara_am_swapped.tsv`);
//! - **lost** ([`Options::sara_am_lost`], off by default): า written for ำ ("ดาเนิน" ->
//!   "ดำเนิน"), `data/sara_am_lost.tsv`.
//!
//! Character-level SARA AM repairs (NIKHAHIT + SARA AA) live in `marks.rs`. Every match
//! must end at a syllable end (not followed by a combining mark or a following vowel) and
//! must not start right after a leading vowel, and a dictionary word that contains the
//! wrong form (listed in the data as "protect") blocks the rewrite.

use super::marks::{is_consonant, is_follow_vowel, is_lead_vowel, is_mark, thai_at, thai_before};
use super::offset_map::{PassOut, Rewriter};
use super::{Options, RepairKind};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

const SARA_AA: &str = "\u{0E32}";
const SARA_AM: &str = "\u{0E33}";
const SARA_AM_BYTES: &[u8] = "\u{0E33}".as_bytes();
const SARA_AA_BYTES: &[u8] = "\u{0E32}".as_bytes();

/// One way a word can be split around a vowel of interest.
#[derive(Debug)]
struct Entry {
    /// Text after the vowel.
    right: &'static str,
    /// The text to write for the whole match (swapped/lost), or the word (join).
    fix: &'static str,
    /// The wrong form (swapped/lost) or the word (join).
    whole: &'static str,
    /// Dictionary words containing the wrong form.
    protect: Vec<&'static str>,
}

/// Entries by the text before the vowel.
#[derive(Debug, Default)]
struct Index {
    by_left: HashMap<&'static str, Vec<Entry>>,
    /// Longest left part, in bytes.
    max_left: usize,
}

impl Index {
    fn add(&mut self, left: &'static str, e: Entry) {
        self.max_left = self.max_left.max(left.len());
        self.by_left.entry(left).or_default().push(e);
    }
}

/// Words containing ำ, split at every ำ.
fn words_index() -> &'static Index {
    static IDX: OnceLock<Index> = OnceLock::new();
    IDX.get_or_init(|| {
        let mut idx = Index::default();
        for w in include_str!("data/sara_am_words.txt").lines() {
            let w = w.trim();
            for (k, _) in w.match_indices(SARA_AM) {
                idx.add(
                    &w[..k],
                    Entry {
                        right: &w[k + SARA_AM.len()..],
                        fix: w,
                        whole: w,
                        protect: Vec::new(),
                    },
                );
            }
        }
        idx
    })
}

/// wrong<TAB>right<TAB>protect,... lines, split at the first `vowel` of the wrong form.
fn pairs_index(data: &'static str, vowel: &str) -> Index {
    let mut idx = Index::default();
    for line in data.lines() {
        let mut cols = line.split('\t');
        let (Some(wrong), Some(fix)) = (cols.next(), cols.next()) else {
            continue;
        };
        let protect = cols
            .next()
            .map(|p| p.split(',').filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        if let Some(k) = wrong.find(vowel) {
            idx.add(
                &wrong[..k],
                Entry {
                    right: &wrong[k + vowel.len()..],
                    fix,
                    whole: wrong,
                    protect,
                },
            );
        }
    }
    idx
}

fn swapped_index() -> &'static Index {
    static IDX: OnceLock<Index> = OnceLock::new();
    IDX.get_or_init(|| pairs_index(include_str!("data/sara_am_swapped.tsv"), SARA_AM))
}

fn lost_index() -> &'static Index {
    static IDX: OnceLock<Index> = OnceLock::new();
    IDX.get_or_init(|| pairs_index(include_str!("data/sara_am_lost.tsv"), SARA_AA))
}

/// True when a word match ending at `end` ends a syllable: not followed by a combining
/// mark or a following vowel (then its last consonant would belong to the next syllable).
fn ends_syllable(b: &[u8], end: usize) -> bool {
    !thai_at(b, end).is_some_and(|c| is_mark(c) || is_follow_vowel(c))
}

/// True when a word match may start at `start`: not right after a leading vowel.
fn starts_syllable(b: &[u8], start: usize) -> bool {
    !thai_before(b, start).is_some_and(is_lead_vowel)
}

/// A protect word of `e` occurs around the match of its wrong form at `start`.
fn protected(src: &str, start: usize, e: &Entry) -> bool {
    e.protect.iter().any(|p| {
        p.match_indices(e.whole).any(|(off, _)| {
            start
                .checked_sub(off)
                .and_then(|s| src.get(s..))
                .is_some_and(|t| t.starts_with(p))
        })
    })
}

/// The best swapped/lost rewrite around the vowel at `p`: (range, fix).
fn pair_match(
    src: &str,
    p: usize,
    vowel_len: usize,
    idx: &Index,
) -> Option<(Range<usize>, &'static str)> {
    let b = src.as_bytes();
    let mut best: Option<(Range<usize>, &'static str)> = None;
    let mut left = 0;
    while left <= idx.max_left && left <= p {
        let start = p - left;
        if let Some(entries) = src.get(start..p).and_then(|l| idx.by_left.get(l)) {
            for e in entries {
                let end = p + vowel_len + e.right.len();
                let ok = src
                    .get(p + vowel_len..)
                    .is_some_and(|t| t.starts_with(e.right))
                    && ends_syllable(b, end)
                    && starts_syllable(b, start)
                    && !protected(src, start, e);
                if ok && best.as_ref().map_or(true, |(r, _)| end - start > r.len()) {
                    best = Some((start..end, e.fix));
                }
            }
        }
        left += 3;
    }
    best
}

/// A broken SARA AM: one or two spaces then SARA AA, right after a consonant or a mark.
/// Returns the end of the SARA AA.
fn broken_am_at(b: &[u8], i: usize) -> Option<usize> {
    let prev = thai_before(b, i)?;
    if !(is_consonant(prev) || is_mark(prev)) {
        return None;
    }
    let mut r = i;
    while r < b.len() && b[r] == b' ' && r - i < 2 {
        r += 1;
    }
    (r > i && b.get(r..r + 3) == Some(SARA_AA_BYTES)).then_some(r + 3)
}

/// Match `word_part` forwards from `at`, where each ำ of the word may be written as a
/// broken SARA AM; broken spots are pushed to `spots`. Returns the end of the match.
fn match_fwd(
    src: &str,
    at: usize,
    word_part: &str,
    spots: &mut Vec<Range<usize>>,
) -> Option<usize> {
    let b = src.as_bytes();
    let mut q = at;
    for c in word_part.chars() {
        let mut tmp = [0u8; 4];
        let cb = c.encode_utf8(&mut tmp).as_bytes();
        if b.get(q..q + cb.len()) == Some(cb) {
            q += cb.len();
        } else if c == '\u{0E33}' {
            let end = broken_am_at(b, q)?;
            spots.push(q..end);
            q = end;
        } else {
            return None;
        }
    }
    Some(q)
}

/// Match `word_part` backwards ending at `at`, same rules. Returns the start of the match.
fn match_back(
    src: &str,
    at: usize,
    word_part: &str,
    spots: &mut Vec<Range<usize>>,
) -> Option<usize> {
    let b = src.as_bytes();
    let mut q = at;
    for c in word_part.chars().rev() {
        let mut tmp = [0u8; 4];
        let cb = c.encode_utf8(&mut tmp).as_bytes();
        if q >= cb.len() && b.get(q - cb.len()..q) == Some(cb) {
            q -= cb.len();
        } else if c == '\u{0E33}' && q >= 4 && b.get(q - 3..q) == Some(SARA_AA_BYTES) {
            let mut s = q - 3;
            let mut spaces = 0;
            while s > 0 && b[s - 1] == b' ' && spaces < 2 {
                s -= 1;
                spaces += 1;
            }
            if spaces == 0 || broken_am_at(b, s) != Some(q) {
                return None;
            }
            spots.push(s..q);
            q = s;
        } else {
            return None;
        }
    }
    Some(q)
}

fn is_thai_letter(c: char) -> bool {
    ('\u{0E01}'..='\u{0E4E}').contains(&c)
}

/// The broken spots to rewrite for the join candidate at `i` (spaces, then SARA AA ending
/// at `aa_end`), using the best word of the list.
fn join_match(src: &str, i: usize, aa_end: usize) -> Option<Vec<Range<usize>>> {
    let idx = words_index();
    let b = src.as_bytes();
    let mut best: Option<(usize, Vec<Range<usize>>)> = None;
    let mut left = 3;
    while left <= idx.max_left && left <= i {
        let Some(entries) = src.get(i - left..i).and_then(|l| idx.by_left.get(l)) else {
            // the left part may itself hold a broken spot: try the slow path
            left += 3;
            continue;
        };
        for e in entries {
            let mut spots = Vec::with_capacity(2);
            spots.push(i..aa_end);
            let Some(end) = match_fwd(src, aa_end, e.right, &mut spots) else {
                continue;
            };
            let start = i - left;
            if !ends_syllable(b, end) || !starts_syllable(b, start) {
                continue;
            }
            let context = (e.whole.chars().count()).saturating_sub(1);
            let delimited = !thai_before(b, start).is_some_and(is_thai_letter)
                && !thai_at(b, end).is_some_and(is_thai_letter);
            if context < 3 && !delimited {
                continue;
            }
            if best.as_ref().map_or(true, |(n, _)| context > *n) {
                best = Some((context, spots));
            }
        }
        left += 3;
    }
    if best.is_none() {
        // The text before may hold another broken spot ("ค าน า"): match whole words whose
        // last ำ is this one, backwards with broken spots allowed.
        best = join_match_back(src, i, aa_end);
    }
    best.map(|(_, spots)| spots)
}

fn join_match_back(src: &str, i: usize, aa_end: usize) -> Option<(usize, Vec<Range<usize>>)> {
    let idx = words_index();
    let b = src.as_bytes();
    let mut best: Option<(usize, Vec<Range<usize>>)> = None;
    for (left, entries) in &idx.by_left {
        if !left.contains(SARA_AM) {
            continue;
        }
        for e in entries {
            let mut spots = Vec::new();
            let Some(start) = match_back(src, i, left, &mut spots) else {
                continue;
            };
            if spots.is_empty() {
                continue;
            }
            spots.reverse();
            spots.push(i..aa_end);
            let Some(end) = match_fwd(src, aa_end, e.right, &mut spots) else {
                continue;
            };
            if !ends_syllable(b, end) || !starts_syllable(b, start) {
                continue;
            }
            let context = e.whole.chars().count() - 1;
            if best.as_ref().map_or(true, |(n, _)| context > *n) {
                best = Some((context, spots));
            }
        }
    }
    best
}

/// True when writing `fix` over `range` would create a SARA AM that the swapped list turns
/// back into SARA AA ("บิดาเนิน": "ดาเนิน" -> "ดำเนิน" would give "บิดำ", the swapped form of
/// "บิดา"); such a lost-SARA-AM rewrite is skipped so the two lists never undo each other.
fn swapped_would_revert(src: &str, (range, fix): &(Range<usize>, &'static str)) -> bool {
    let lo = floor_boundary(src, range.start.saturating_sub(48));
    let hi = floor_boundary(src, (range.end + 48).min(src.len()));
    let mut window = String::with_capacity(hi - lo + fix.len());
    window.push_str(&src[lo..range.start]);
    let fix_at = window.len();
    window.push_str(fix);
    window.push_str(&src[range.end..hi]);
    let wb = window.as_bytes();
    memchr::memmem::find_iter(&wb[fix_at..fix_at + fix.len()], SARA_AM_BYTES)
        .any(|k| pair_match(&window, fix_at + k, 3, swapped_index()).is_some())
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The repair pass.
pub(crate) fn pass(src: &str, opts: &Options) -> Option<PassOut> {
    let b = src.as_bytes();
    let mut edits: Vec<(Range<usize>, &'static str)> = Vec::new();
    if opts.sara_am {
        let finder = memchr::memmem::Finder::new(" \u{0E32}".as_bytes());
        for k in finder.find_iter(b) {
            // k is the last space before SARA AA; the run may start one space earlier.
            let i = if k > 0 && b[k - 1] == b' ' { k - 1 } else { k };
            if broken_am_at(b, i) != Some(k + 4) {
                continue;
            }
            if let Some(spots) = join_match(src, i, k + 4) {
                edits.extend(spots.into_iter().map(|r| (r, SARA_AM)));
            }
        }
    }
    if opts.sara_am_swapped {
        for p in memchr::memmem::find_iter(b, SARA_AM_BYTES) {
            if let Some(m) = pair_match(src, p, 3, swapped_index()) {
                edits.push(m);
            }
        }
    }
    if opts.sara_am_lost {
        for p in memchr::memmem::find_iter(b, SARA_AA_BYTES) {
            if let Some(m) = pair_match(src, p, 3, lost_index()) {
                if opts.sara_am_swapped && swapped_would_revert(src, &m) {
                    continue;
                }
                edits.push(m);
            }
        }
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut rw = Rewriter::new(src);
    for (r, with) in edits {
        if r.start >= rw.done() {
            rw.replace(r, with, RepairKind::SaraAm);
        }
    }
    rw.finish()
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
    fn joins_broken_sara_am_into_known_words() {
        let o = Options::default();
        let cases = [
            ("การประกาศส าหรับปี", "การประกาศสำหรับปี"),
            ("ส าหรับ", "สำหรับ"),
            ("ด าเนินการ", "ดำเนินการ"),
            ("ท าให้", "ทำให้"),
            ("จ านวน ๕ คน", "จำนวน ๕ คน"),
            ("ก าหนด", "กำหนด"),
            ("ค าสั่ง", "คำสั่ง"),
            ("ค าน า", "คำนำ"),
            ("ต าบล", "ตำบล"),
            ("อ าเภอ", "อำเภอ"),
            ("ประจ าปี", "ประจำปี"),
            ("ส านักงาน", "สำนักงาน"),
            ("น้ า", "น้ำ"),
            ("ท า", "ทำ"),
            ("ส  าคัญ", "สำคัญ"),
        ];
        for (input, want) in cases {
            assert_eq!(run(input, &o), want, "{input}");
        }
    }

    #[test]
    fn keeps_spaces_before_sara_aa_that_make_no_word() {
        let o = Options::default();
        for s in [
            "ไป าก",
            "ตัวอักษร า",
            "สระ า ใช้",
            "เขียน าน",
            "abc า",
            "ก าข",
            "สาหรับ",
        ] {
            assert_eq!(run(s, &o), s, "{s}");
        }
    }

    #[test]
    fn swapped_sara_am() {
        let o = Options::default();
        let cases = [
            ("ควำมโปร่งใส", "ความโปร่งใส"),
            ("กำรประเมิน", "การประเมิน"),
            ("ตำมมาตรการ", "ตามมาตรการ"),
            ("แผนงำน", "แผนงาน"),
            // real words with ำ stay
            (
                "สำนักงาน ดำเนินการ ทำงาน กำไร ตำบล กำราบ",
                "สำนักงาน ดำเนินการ ทำงาน กำไร ตำบล กำราบ",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(run(input, &o), want, "{input}");
        }
        let off = Options {
            sara_am_swapped: false,
            ..Options::default()
        };
        assert_eq!(run("ควำม", &off), "ควำม");
    }

    #[test]
    fn lost_sara_am_only_when_asked() {
        let o = Options::default();
        assert_eq!(run("ดาเนินการ", &o), "ดาเนินการ");
        let on = Options {
            sara_am_lost: true,
            ..Options::default()
        };
        let cases = [
            ("ดาเนินการ", "ดำเนินการ"),
            ("กาหนด", "กำหนด"),
            ("จานวน", "จำนวน"),
            ("ตาบล", "ตำบล"),
            ("การ ความ งาน ตาม", "การ ความ งาน ตาม"),
            ("บิดาเนิน", "บิดาเนิน"),
        ];
        for (input, want) in cases {
            assert_eq!(run(input, &on), want, "{input}");
        }
    }

    #[test]
    fn fixes_are_never_wrong_forms() {
        // A repaired word must not itself be rewritten again (no cycles).
        for idx in [swapped_index(), lost_index()] {
            for entries in idx.by_left.values() {
                for e in entries {
                    let fixed = e.fix;
                    let again = run(
                        fixed,
                        &Options {
                            sara_am_lost: true,
                            ..Options::default()
                        },
                    );
                    assert_eq!(again, fixed, "{} -> {} changes again", e.whole, fixed);
                }
            }
        }
    }
}
