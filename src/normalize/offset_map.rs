//! The map from repaired text back to raw text, and the [`Rewriter`] every repair pass
//! writes through.
//!
//! A pass turns its input into an output by copying unchanged runs in bulk and writing
//! replacements; each replacement is an [`Edit`] (input byte range -> output byte range).
//! One pass's edits form a [`Layer`]; an [`OffsetMap`] is the stack of layers of all passes
//! that changed something. Mapping an output offset back walks the layers from the last to
//! the first. Inside a replaced run an offset maps to the start of the replaced input (for a
//! range start) or to its end (for a range end), so it always lands on a char boundary and a
//! mapped range covers the whole replaced raw text.

use super::RepairKind;
use std::cell::RefCell;
use std::ops::Range;

thread_local! {
    /// One spare output buffer per thread: passes reuse the text an earlier pass no longer
    /// needs instead of allocating (and page-faulting) a fresh block each time.
    static SPARE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Hand a no longer needed text buffer back for the next pass to write into.
pub(crate) fn give_back(mut s: String) {
    s.clear();
    SPARE.with(|c| {
        let mut c = c.borrow_mut();
        if c.as_ref().is_none_or(|x| x.capacity() < s.capacity()) {
            *c = Some(s);
        }
    });
}

fn take_spare() -> String {
    SPARE.with(|c| c.borrow_mut().take()).unwrap_or_default()
}

/// One replacement made by a pass: `src` bytes of its input became `out` bytes of its output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Edit {
    pub src: Range<usize>,
    pub out: Range<usize>,
}

/// The edits of one pass, sorted and non-overlapping; text between them is copied as is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Layer {
    pub edits: Vec<Edit>,
}

/// Which side of a position a mapping should land on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Start of the character at the position (range starts).
    Start,
    /// End of the character before the position (range ends).
    End,
}

impl Layer {
    /// Maps `pos` in one space to the other; `fwd` = input -> output.
    fn map(&self, pos: usize, side: Side, fwd: bool) -> usize {
        let a = |e: &Edit| if fwd { e.src.clone() } else { e.out.clone() };
        let b = |e: &Edit| if fwd { e.out.clone() } else { e.src.clone() };
        let edits = &self.edits;
        let first = edits.partition_point(|e| a(e).end < pos);
        let mut touching_start: Option<usize> = None;
        let mut touching_end: Option<usize> = None;
        let mut j = first;
        while j < edits.len() && a(&edits[j]).start <= pos {
            let (ar, br) = (a(&edits[j]), b(&edits[j]));
            if ar.start < pos && pos < ar.end {
                return match side {
                    Side::Start => br.start,
                    Side::End => br.end,
                };
            }
            for (ap, bp) in [(ar.start, br.start), (ar.end, br.end)] {
                if ap == pos {
                    touching_start = Some(touching_start.map_or(bp, |v| v.max(bp)));
                    touching_end = Some(touching_end.map_or(bp, |v| v.min(bp)));
                }
            }
            j += 1;
        }
        match (side, touching_start, touching_end) {
            (Side::Start, Some(v), _) | (Side::End, _, Some(v)) => v,
            _ => {
                // In a copied run: same distance from the end of the previous edit.
                match first.checked_sub(1).map(|i| &edits[i]) {
                    Some(e) => b(e).end + (pos - a(e).end),
                    None => pos,
                }
            }
        }
    }
}

/// Maps byte offsets of repaired text back to the raw text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    layers: Vec<Layer>,
    raw_len: usize,
    out_len: usize,
}

impl OffsetMap {
    /// The map of text that was not changed (`len` bytes).
    pub fn identity(len: usize) -> Self {
        OffsetMap {
            layers: Vec::new(),
            raw_len: len,
            out_len: len,
        }
    }

    pub(crate) fn from_layers(layers: Vec<Layer>, raw_len: usize, out_len: usize) -> Self {
        OffsetMap {
            layers,
            raw_len,
            out_len,
        }
    }

    /// True when the repaired text is the raw text.
    pub fn is_identity(&self) -> bool {
        self.layers.is_empty()
    }

    fn back(&self, out: usize, side: Side) -> usize {
        let mut p = out;
        if !self.layers.is_empty() || self.raw_len > 0 {
            p = p.min(self.out_len.max(self.raw_len));
        }
        for layer in self.layers.iter().rev() {
            p = layer.map(p, side, false);
        }
        if self.layers.is_empty() {
            p
        } else {
            p.min(self.raw_len)
        }
    }

    /// The raw byte offset that repaired offset `out` came from (the start of the raw text
    /// of the character at `out`; the end of the raw text for `out` = repaired length).
    pub fn to_raw(&self, out: usize) -> usize {
        self.back(out, Side::Start)
    }

    /// The raw byte range a repaired range came from; a range that touches a replaced run
    /// covers the whole replaced raw text.
    pub fn range_to_raw(&self, out: Range<usize>) -> Range<usize> {
        let start = self.back(out.start, Side::Start);
        if out.end <= out.start {
            return start..start;
        }
        let end = self.back(out.end, Side::End);
        start..end.max(start)
    }

    /// The repaired byte range a raw range became (a range that touches a replaced run
    /// takes in its whole replacement). Offsets past the raw text are clamped.
    pub fn range_from_raw(&self, raw: Range<usize>) -> Range<usize> {
        if self.layers.is_empty() {
            return raw.start..raw.end.max(raw.start);
        }
        let (mut s, mut e) = (raw.start.min(self.raw_len), raw.end.min(self.raw_len));
        for layer in &self.layers {
            s = layer.map(s, Side::Start, true);
            e = layer.map(e, Side::End, true);
        }
        s.min(self.out_len)..e.max(s).min(self.out_len)
    }

    /// Maps a range in the text after layer `k` forward to the final text.
    pub(crate) fn forward_from(&self, k: usize, r: Range<usize>) -> Range<usize> {
        let (mut s, mut e) = (r.start, r.end);
        for layer in self.layers.iter().skip(k + 1) {
            s = layer.map(s, Side::Start, true);
            e = layer.map(e, Side::End, true);
        }
        s..e.max(s)
    }

    /// Maps a range in the input of layer `k` back to the raw text.
    pub(crate) fn back_from(&self, k: usize, r: Range<usize>) -> Range<usize> {
        let (mut s, mut e) = (r.start, r.end);
        for layer in self.layers.iter().take(k).rev() {
            s = layer.map(s, Side::Start, false);
            e = layer.map(e, Side::End, false);
        }
        s..e.max(s)
    }
}

/// The result of a pass that changed something.
#[derive(Debug, Clone)]
pub(crate) struct PassOut {
    pub text: String,
    pub edits: Vec<Edit>,
    pub kinds: Vec<RepairKind>,
    /// The output may need an earlier pass (or this one) again: the pipeline runs another
    /// round. Passes set it only where their output can feed an earlier rule.
    pub dirty: bool,
}

/// Builds a pass's output: unchanged runs are copied in bulk, nothing is allocated until
/// the first replacement.
pub(crate) struct Rewriter<'a> {
    src: &'a str,
    out: String,
    edits: Vec<Edit>,
    kinds: Vec<RepairKind>,
    done: usize,
    dirty: bool,
}

impl<'a> Rewriter<'a> {
    pub fn new(src: &'a str) -> Self {
        Rewriter {
            src,
            out: String::new(),
            edits: Vec::new(),
            kinds: Vec::new(),
            done: 0,
            dirty: false,
        }
    }

    /// Ask for another round of the pipeline (see [`PassOut::dirty`]).
    pub fn mark_dirty(&mut self) {
        self.dirty = true;
    }

    /// Number of replacements so far.
    pub fn edit_count(&self) -> usize {
        self.edits.len()
    }

    /// Bytes of the input already consumed (copied or replaced).
    pub fn done(&self) -> usize {
        self.done
    }

    /// Replace `range` of the input (at or after everything consumed so far) with `with`.
    pub fn replace(&mut self, range: Range<usize>, with: &str, kind: RepairKind) {
        debug_assert!(range.start >= self.done && range.end >= range.start);
        if self.out.capacity() == 0 {
            self.out = take_spare();
            self.out.reserve(self.src.len() + 16);
        }
        self.out.push_str(&self.src[self.done..range.start]);
        let start = self.out.len();
        self.out.push_str(with);
        self.edits.push(Edit {
            src: range.clone(),
            out: start..self.out.len(),
        });
        self.kinds.push(kind);
        self.done = range.end;
    }

    /// The pass output, or None when nothing was replaced.
    pub fn finish(mut self) -> Option<PassOut> {
        if self.edits.is_empty() {
            return None;
        }
        self.out.push_str(&self.src[self.done..]);
        Some(PassOut {
            text: self.out,
            edits: self.edits,
            kinds: self.kinds,
            dirty: self.dirty,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Pair = (usize, usize);

    fn layer(edits: &[(Pair, Pair)]) -> Layer {
        Layer {
            edits: edits
                .iter()
                .map(|&((a, b), (c, d))| Edit {
                    src: a..b,
                    out: c..d,
                })
                .collect(),
        }
    }

    #[test]
    fn maps_back_through_replacements_and_deletions() {
        // raw "a๑b\u{200B}c" -> "a1bc": ๑ (1..4) -> "1" (1..2); ZWSP (5..8) deleted (3..3).
        let m = OffsetMap::from_layers(vec![layer(&[((1, 4), (1, 2)), ((5, 8), (3, 3))])], 9, 4);
        let cases = [(0, 0), (1, 1), (2, 4), (3, 8), (4, 9)];
        for (out, raw) in cases {
            assert_eq!(m.to_raw(out), raw, "out {out}");
        }
        assert_eq!(m.range_to_raw(1..2), 1..4);
        assert_eq!(m.range_to_raw(2..3), 4..5);
        assert_eq!(m.range_to_raw(3..4), 8..9);
        assert_eq!(m.range_to_raw(0..4), 0..9);
    }

    #[test]
    fn composes_layers_and_maps_forward() {
        // layer 0: "&amp;x" -> "&x" ; layer 1: "&x" -> "&&x" (insert at 1)
        let m = OffsetMap::from_layers(
            vec![layer(&[((0, 5), (0, 1))]), layer(&[((1, 1), (1, 2))])],
            6,
            3,
        );
        assert_eq!(m.range_to_raw(0..1), 0..5);
        assert_eq!(m.range_to_raw(2..3), 5..6);
        assert_eq!(m.forward_from(0, 0..1), 0..1);
        assert_eq!(m.back_from(1, 1..2), 5..6);
    }

    #[test]
    fn identity_maps_to_itself() {
        let m = OffsetMap::identity(5);
        assert_eq!(m.to_raw(3), 3);
        assert_eq!(m.range_to_raw(1..4), 1..4);
        assert!(m.is_identity());
    }
}
