//! Where a value came from: page numbers, byte ranges into a page's raw text, and
//! the [`Span`] every extracted value carries.
//!
//! Byte offsets index the *raw* text of one page, as it was read (before repair), so a
//! person can find the value in the original. Lines count from 1, columns count
//! characters (not bytes: a Thai character is three UTF-8 bytes) from 1.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A rectangle in PDF user-space points: `[x0, y0, x1, y1]` with the origin at the
/// bottom-left of the page (PDF 32000-1 §8.3.2.3).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BBox(pub [f64; 4]);

impl BBox {
    /// The smallest box holding both.
    pub fn union(self, other: BBox) -> BBox {
        let [a0, a1, a2, a3] = self.0;
        let [b0, b1, b2, b3] = other.0;
        BBox([a0.min(b0), a1.min(b1), a2.max(b2), a3.max(b3)])
    }

    /// Rounded to 0.01 pt so that output is stable across platforms.
    pub fn rounded(self) -> BBox {
        BBox(self.0.map(|v| (v * 100.0).round() / 100.0))
    }
}

/// Where a value came from in the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// Page number, from 1.
    pub page: u32,
    /// Line number inside the page's raw text, from 1.
    pub line: u32,
    /// Column of the first character, in characters, from 1.
    pub column: u32,
    /// Byte offset of the first byte in the page's raw text.
    pub byte_start: usize,
    /// Byte offset one past the last byte in the page's raw text.
    pub byte_end: usize,
    /// Box on the page in PDF points, for PDF input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bbox: Option<BBox>,
}

/// The raw text of one page, with a line index so that byte offsets can be turned
/// into line and column numbers (computed only when a span is made, as ruff does).
#[derive(Debug, Clone)]
pub struct PageText {
    /// Page number, from 1.
    pub number: u32,
    /// The page's raw text, exactly as read (UTF-8; invalid bytes replaced by U+FFFD).
    pub text: String,
    /// Byte offset where each line starts.
    line_starts: Vec<usize>,
    /// For PDF pages: boxes of byte ranges of `text`, sorted by start.
    pub boxes: Vec<(std::ops::Range<usize>, BBox)>,
}

impl PageText {
    pub fn new(number: u32, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        PageText {
            number,
            text,
            line_starts,
            boxes: Vec::new(),
        }
    }

    /// The span of a byte range of this page's raw text. Offsets are clamped into the
    /// text and moved back to a character boundary, so any input gives a valid span.
    pub fn span(&self, range: std::ops::Range<usize>) -> Span {
        let start = floor_char_boundary(&self.text, range.start.min(self.text.len()));
        let end = floor_char_boundary(&self.text, range.end.min(self.text.len())).max(start);
        let line_idx = match self.line_starts.binary_search(&start) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let line_start = self.line_starts[line_idx];
        let column = self.text[line_start..start].chars().count() as u32 + 1;
        Span {
            page: self.number,
            line: line_idx as u32 + 1,
            column,
            byte_start: start,
            byte_end: end,
            bbox: self.bbox_of(start..end),
        }
    }

    /// The union of the boxes that overlap a byte range, if the page has boxes.
    fn bbox_of(&self, range: std::ops::Range<usize>) -> Option<BBox> {
        let first = self.boxes.partition_point(|(r, _)| r.end <= range.start);
        self.boxes[first..]
            .iter()
            .take_while(|(r, _)| r.start < range.end.max(range.start + 1))
            .map(|(_, b)| *b)
            .reduce(BBox::union)
            .map(BBox::rounded)
    }
}

/// The largest char boundary at or before `i`.
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_counts_lines_and_characters() {
        let page = PageText::new(2, "ab\nกขค dd\n".to_string());
        let s = page.span(13..15); // "dd" after three Thai letters and a space
        assert_eq!((s.page, s.line, s.column), (2, 2, 5));
        assert_eq!((s.byte_start, s.byte_end), (13, 15));
    }

    #[test]
    fn span_clamps_to_char_boundaries() {
        let page = PageText::new(1, "กข".to_string());
        let s = page.span(1..100);
        assert_eq!((s.byte_start, s.byte_end), (0, 6));
    }
}
