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

use super::marks::{
    is_consonant, is_follow_vowel, is_lead_vowel, is_mark, is_tone, thai_at, thai_before,
};
use super::offset_map::{PassOut, Rewriter};
use super::{Options, RepairKind};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
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

/// A small fast hasher for the short Thai keys (FxHash-style multiply-rotate); the keys
/// come from embedded data, so hash flooding is no concern.
#[derive(Debug, Default, Clone, Copy)]
struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
}

/// Index of a Thai character (U+0E00..U+0E7F) in the prefilter, 128 for anything else.
fn slot(c: Option<char>) -> usize {
    match c {
        Some(c @ '\u{0E00}'..='\u{0E7F}') => c as usize - 0x0E00,
        _ => 128,
    }
}

type FxMap<V> = HashMap<&'static str, V, BuildHasherDefault<Fx>>;

/// A node of the trie over the left parts read backwards from the vowel.
#[derive(Debug, Default)]
struct Node {
    /// (Thai character slot, child node), sorted by slot.
    kids: Vec<(u8, u32)>,
    /// Entries whose left part ends here.
    ids: Vec<u32>,
}

/// Entries by the text before the vowel (`by_left`, and `trie`: the same read backwards
/// from the vowel, so a lookup walks the text once), with a prefilter on the characters
/// around the vowel.
#[derive(Debug)]
struct Index {
    entries: Vec<Entry>,
    by_left: FxMap<Vec<usize>>,
    trie: Vec<Node>,
    /// Longest left part, in bytes.
    max_left: usize,
    /// (character before, character after) pairs that some entry has.
    around: Vec<bool>,
    /// Characters before the vowel of entries with nothing after it.
    before_only: [bool; 129],
}

impl Default for Index {
    fn default() -> Self {
        Index {
            entries: Vec::new(),
            by_left: HashMap::default(),
            trie: vec![Node::default()],
            max_left: 0,
            around: vec![false; 129 * 129],
            before_only: [false; 129],
        }
    }
}

impl Index {
    fn add(&mut self, left: &'static str, e: Entry) {
        self.max_left = self.max_left.max(left.len());
        let before = slot(left.chars().next_back());
        let first = e.right.chars().next();
        match first {
            Some(after) => self.around[before * 129 + slot(Some(after))] = true,
            None => self.before_only[before] = true,
        }
        let id = self.entries.len();
        self.entries.push(e);
        self.by_left.entry(left).or_default().push(id);
        let mut node = 0usize;
        for c in left.chars().rev() {
            let k = slot(Some(c)) as u8;
            node = match self.trie[node].kids.binary_search_by_key(&k, |&(s, _)| s) {
                Ok(j) => self.trie[node].kids[j].1 as usize,
                Err(j) => {
                    let new = self.trie.len();
                    self.trie.push(Node::default());
                    self.trie[node].kids.insert(j, (k, new as u32));
                    new
                }
            };
        }
        self.trie[node].ids.push(id as u32);
    }

    /// The child of `node` for the Thai character `c`.
    fn child(&self, node: usize, c: char) -> Option<usize> {
        let k = slot(Some(c)) as u8;
        let kids = &self.trie[node].kids;
        kids.binary_search_by_key(&k, |&(s, _)| s)
            .ok()
            .map(|j| kids[j].1 as usize)
    }

    fn get_left(&self, left: &str) -> impl Iterator<Item = &Entry> {
        self.by_left
            .get(left)
            .into_iter()
            .flatten()
            .map(|&id| &self.entries[id])
    }

    /// False when no entry can match around a vowel at byte `p` of length `len`.
    fn may_match(&self, b: &[u8], p: usize, len: usize) -> bool {
        let before = slot(thai_before(b, p));
        let after = slot(thai_at(b, p + len));
        self.before_only[before] || self.around[before * 129 + after]
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
    // For the swapped list, a real word with this SARA AM that runs past the match
    // ("ระห่ำ" around "ห่ำ", "ข่าวสำคัญ") keeps it.
    let check_words = std::ptr::eq(idx, swapped_index());
    let b = src.as_bytes();
    if !idx.may_match(b, p, vowel_len) {
        return None;
    }
    let after = src.get(p + vowel_len..)?;
    let mut best: Option<(Range<usize>, &'static str)> = None;
    let mut node = 0;
    let mut start = p;
    while let Some(c) = thai_before(b, start) {
        let Some(next) = idx.child(node, c) else {
            break;
        };
        node = next;
        start -= 3;
        for e in idx.trie[node]
            .ids
            .iter()
            .map(|&id| &idx.entries[id as usize])
        {
            let end = p + vowel_len + e.right.len();
            let ok = after.starts_with(e.right)
                && ends_syllable(b, end)
                && starts_syllable(b, start)
                && !protected(src, start, e)
                && !(check_words && am_word_runs_past(src, p, start..end));
            if ok && best.as_ref().is_none_or(|(r, _)| end - start > r.len()) {
                best = Some((start..end, e.fix));
            }
        }
    }
    best
}

/// True when a word of the SARA AM list matches the text around the SARA AM at `p` and
/// runs past `range` on either side.
fn am_word_runs_past(src: &str, p: usize, range: Range<usize>) -> bool {
    let idx = words_index();
    let b = src.as_bytes();
    let Some(after) = src.get(p + 3..) else {
        return false;
    };
    let mut node = 0;
    let mut start = p;
    while let Some(c) = thai_before(b, start) {
        let Some(next) = idx.child(node, c) else {
            break;
        };
        node = next;
        start -= 3;
        for e in idx.trie[node]
            .ids
            .iter()
            .map(|&id| &idx.entries[id as usize])
        {
            let end = p + 3 + e.right.len();
            if after.starts_with(e.right)
                && (start < range.start || end > range.end)
                && ends_syllable(b, end)
                && starts_syllable(b, start)
            {
                return true;
            }
        }
    }
    false
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
        let Some(l) = src.get(i - left..i) else {
            left += 3;
            continue;
        };
        for e in idx.get_left(l) {
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
            if best.as_ref().is_none_or(|(n, _)| context > *n) {
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

/// The left parts of [`words_index`] that hold a ำ themselves, in the index's order:
/// the only ones [`join_match_back`] can use (issue 14: walking every left part for
/// each candidate made spaced SARA AM text slow).
fn am_lefts() -> &'static [(&'static str, Vec<usize>)] {
    static LEFTS: OnceLock<Vec<(&'static str, Vec<usize>)>> = OnceLock::new();
    LEFTS.get_or_init(|| {
        words_index()
            .by_left
            .iter()
            .filter(|(left, _)| left.contains(SARA_AM))
            .map(|(left, ids)| (*left, ids.clone()))
            .collect()
    })
}

fn join_match_back(src: &str, i: usize, aa_end: usize) -> Option<(usize, Vec<Range<usize>>)> {
    let idx = words_index();
    let b = src.as_bytes();
    let mut best: Option<(usize, Vec<Range<usize>>)> = None;
    for (left, ids) in am_lefts() {
        for e in ids.iter().map(|&id| &idx.entries[id]) {
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
            if best.as_ref().is_none_or(|(n, _)| context > *n) {
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
    let fix_end = fix_at + fix.len();
    memchr::memmem::find_iter(window.as_bytes(), SARA_AM_BYTES).any(|k| {
        pair_match(&window, k, 3, swapped_index())
            .is_some_and(|(r, _)| r.start < fix_end && fix_at < r.end)
    })
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// True when the text after a rewrite ending at `end` (after any spaces) starts with a
/// following vowel or a mark, which the mark rules may merge with the rewritten vowel.
fn feeds_marks(b: &[u8], end: usize) -> bool {
    let mut r = end;
    while b.get(r) == Some(&b' ') {
        r += 1;
    }
    thai_at(b, r).is_some_and(|c| is_mark(c) || is_follow_vowel(c))
}

/// The word-list pass: swapped and lost SARA AM ("ควำม" -> "ความ", "ดาเนิน" -> "ดำเนิน").
pub(crate) fn pass_pairs(src: &str, opts: &Options) -> Option<PassOut> {
    let b = src.as_bytes();
    let mut edits: Vec<(Range<usize>, &'static str)> = Vec::new();
    let mut dirty = false;
    if opts.sara_am_swapped {
        for p in memchr::memmem::find_iter(b, SARA_AM_BYTES) {
            if let Some(m) = pair_match(src, p, 3, swapped_index()) {
                dirty |= opts.sara_am_lost || feeds_marks(b, m.0.end);
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
                dirty |= feeds_marks(b, m.0.end);
                edits.push(m);
            }
        }
    }
    write(src, edits, dirty)
}

/// The space-join pass: "ส าหรับ" -> "สำหรับ" where the result is a known word.
pub(crate) fn pass_join(src: &str, opts: &Options) -> Option<PassOut> {
    if !opts.sara_am {
        return None;
    }
    let b = src.as_bytes();
    let mut edits: Vec<(Range<usize>, &'static str)> = Vec::new();
    let mut dirty = false;
    let finder = memchr::memmem::Finder::new(" \u{0E32}".as_bytes());
    for k in finder.find_iter(b) {
        // k is the last space before SARA AA; the run may start one space earlier.
        let i = if k > 0 && b[k - 1] == b' ' { k - 1 } else { k };
        if broken_am_at(b, i) != Some(k + 4) {
            continue;
        }
        if let Some(spots) = join_match(src, i, k + 4) {
            for r in spots {
                // The new SARA AM may feed the mark rules (a mark before or after it) or
                // a swapped-list word: then the pipeline takes another round.
                dirty |= thai_before(b, r.start).is_some_and(is_mark)
                    || thai_at(b, r.end).is_some_and(|c| is_mark(c) || is_follow_vowel(c))
                    || (opts.sara_am_swapped && swapped_would_revert(src, &(r.clone(), SARA_AM)));
                edits.push((r, SARA_AM));
            }
        }
    }
    // "น ้า": the NIKHAHIT glyph lost before a tone mark ("น้ำ" drawn as น, ํ, ้, า).
    // Candidates: a space followed by a character of U+0E40..U+0E7F (E0 B9 xx).
    for k in memchr::memmem::find_iter(b, b" \xE0\xB9") {
        let t = k + 1;
        let Some(tone) = thai_at(b, t).filter(|&t| is_tone(t)) else {
            continue;
        };
        let p = t + 3;
        if b.get(p..p + 3) != Some(SARA_AA_BYTES) {
            continue;
        }
        let mut i = t;
        while i > 0 && b[i - 1] == b' ' && t - i < 2 {
            i -= 1;
        }
        if i == t || !thai_before(b, i).is_some_and(is_consonant) {
            continue;
        }
        if let Some(with) = join_tone_match(src, i, tone, p + 3) {
            edits.push((i..p + 3, with));
        }
    }
    write(src, edits, dirty)
}

/// Tone mark + SARA AM, for the spot a "น ้า" join rewrites.
const TONE_AM: [&str; 4] = [
    "\u{0E48}\u{0E33}",
    "\u{0E49}\u{0E33}",
    "\u{0E4A}\u{0E33}",
    "\u{0E4B}\u{0E33}",
];

/// For "C␠T า" (consonant, spaces, tone mark, SARA AA ending at `aa_end`): tone + SARA AM
/// when a word containing "C T ำ" matches there with the same context rules as the plain
/// join.
fn join_tone_match(src: &str, i: usize, tone: char, aa_end: usize) -> Option<&'static str> {
    let idx = words_index();
    let b = src.as_bytes();
    let mut best: Option<usize> = None;
    let mut left = 3;
    while left <= idx.max_left && left <= i {
        let Some(l) = src.get(i - left..i) else {
            left += 3;
            continue;
        };
        let key = format!("{l}{tone}");
        for e in idx.get_left(&key) {
            let mut spots = Vec::new();
            let Some(end) = match_fwd(src, aa_end, e.right, &mut spots) else {
                continue;
            };
            let start = i - left;
            if !spots.is_empty() || !ends_syllable(b, end) || !starts_syllable(b, start) {
                continue;
            }
            let context = e.whole.chars().count().saturating_sub(1);
            let delimited = !thai_before(b, start).is_some_and(is_thai_letter)
                && !thai_at(b, end).is_some_and(is_thai_letter);
            if (context >= 3 || delimited) && best.is_none_or(|n| context > n) {
                best = Some(context);
            }
        }
        left += 3;
    }
    best?;
    TONE_AM
        .get((tone as u32).checked_sub(0x0E48)? as usize)
        .copied()
}

/// Write sorted, non-overlapping `edits` (an overlapping one is left for the next round).
fn write(
    src: &str,
    mut edits: Vec<(Range<usize>, &'static str)>,
    mut dirty: bool,
) -> Option<PassOut> {
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut rw = Rewriter::new(src);
    for (r, with) in edits {
        if r.start >= rw.done() {
            rw.replace(r, with, RepairKind::SaraAm);
        } else {
            dirty = true; // an overlapping match may apply once the first is written
        }
    }
    if dirty {
        rw.mark_dirty();
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str, opts: &Options) -> String {
        let once = pass_pairs(input, opts)
            .map(|p| p.text)
            .unwrap_or_else(|| input.to_string());
        pass_join(&once, opts).map(|p| p.text).unwrap_or(once)
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
            ("น ้า", "น้ำ"),
            ("น ้าท่วม", "น้ำท่วม"),
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
            (
                "สีดำ ข่าวสำคัญ บ้าระห่ำ วันรำลึก ครอบงำนักการเมือง",
                "สีดำ ข่าวสำคัญ บ้าระห่ำ วันรำลึก ครอบงำนักการเมือง",
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
        ];
        for (input, want) in cases {
            assert_eq!(run(input, &on), want, "{input}");
        }
    }

    #[test]
    fn fixes_are_never_wrong_forms() {
        // A repaired word must not itself be rewritten again (no cycles).
        for idx in [swapped_index(), lost_index()] {
            {
                for e in &idx.entries {
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
