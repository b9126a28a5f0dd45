//! OCR text input: bytes to pages of raw text. Pages are split at form feeds (U+000C),
//! as `pdftotext` writes them, and at explicit page markers OCR tools write. A form feed
//! at the very end closes the last page (`pdftotext` ends every page with one); it does
//! not open an empty page.
//!
//! [`read_text_limited`] reads at most [`TextLimits::max_bytes`] and cuts lines longer
//! than [`TextLimits::max_line_bytes`] (issue 13: a 100 MB single line took 11 s and
//! 789 MB and came out `ok`); what is cut is said in a `too_large` warning.

use crate::diagnostic::{Flag, FlagCode, Severity};
use crate::source::{floor_char_boundary, PageText};

#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error("file is empty")]
    Empty,
    #[error("file is not text: {0} of the first 4096 bytes are control bytes")]
    Binary(usize),
}

/// How much of a text input is read (`--max-input-mb`, `--max-line-kb`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextLimits {
    /// Bytes of the input read; the rest is not.
    pub max_bytes: usize,
    /// Bytes of one line kept; the rest of the line is not.
    pub max_line_bytes: usize,
}

impl Default for TextLimits {
    fn default() -> Self {
        TextLimits {
            max_bytes: 16_000_000,
            max_line_bytes: 1_000_000,
        }
    }
}

impl TextLimits {
    /// No limits (text supplied beside a PDF, tests).
    pub const NONE: TextLimits = TextLimits {
        max_bytes: usize::MAX,
        max_line_bytes: usize::MAX,
    };
}

/// Split OCR text into pages. Invalid UTF-8 is replaced by U+FFFD (never dropped).
pub fn read_text(bytes: &[u8]) -> Result<Vec<PageText>, TextError> {
    read_text_limited(bytes, &TextLimits::NONE).map(|(pages, _)| pages)
}

/// [`read_text`] within `limits`: the pages, and a `too_large` warning for each limit
/// that cut something.
pub fn read_text_limited(
    bytes: &[u8],
    limits: &TextLimits,
) -> Result<(Vec<PageText>, Vec<Flag>), TextError> {
    let mut flags = Vec::new();
    let bytes = if bytes.len() > limits.max_bytes {
        // Cut at a line break, else at a character boundary (UTF-8 continuation bytes
        // are 0b10xx_xxxx).
        let mut end = limits.max_bytes;
        match memchr::memrchr(b'\n', &bytes[..end]) {
            Some(nl) => end = nl + 1,
            None => {
                while end > 0 && bytes[end] & 0xC0 == 0x80 {
                    end -= 1;
                }
            }
        }
        flags.push(Flag::new(
            FlagCode::TooLarge,
            Severity::Warning,
            format!(
                "the file is {} bytes, over the limit of {} (--max-input-mb): only the first {} bytes were read",
                bytes.len(),
                limits.max_bytes,
                end
            ),
            None,
        ));
        &bytes[..end]
    } else {
        bytes
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(TextError::Empty);
    }
    let head = &bytes[..bytes.len().min(4096)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if control * 20 > head.len() {
        return Err(TextError::Binary(control));
    }
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let text = text.strip_suffix('\u{000C}').unwrap_or(text);
    let mut cut_lines = 0usize;
    let mut first_cut = None;
    let pages: Vec<PageText> = text
        .split('\u{000C}')
        .enumerate()
        .map(|(i, t)| {
            let (t, cuts) = cut_long_lines(t, limits.max_line_bytes);
            let page = PageText::new(i as u32 + 1, t);
            if let Some(&(start, end)) = cuts.first() {
                first_cut.get_or_insert_with(|| page.span(start..end));
            }
            cut_lines += cuts.len();
            page
        })
        .collect();
    if let Some(span) = first_cut {
        flags.push(Flag::new(
            FlagCode::TooLarge,
            Severity::Warning,
            format!(
                "{cut_lines} line(s) longer than {} bytes (--max-line-kb) were cut there; the first is at page {} line {}",
                limits.max_line_bytes, span.page, span.line
            ),
            Some(span),
        ));
    }
    Ok((pages, flags))
}

/// `text` with every line cut to at most `max` bytes (at a character boundary), and the
/// byte range of each cut line's kept part in the result.
fn cut_long_lines(text: &str, max: usize) -> (String, Vec<(usize, usize)>) {
    if text.len() <= max || text.split('\n').all(|line| line.len() <= max) {
        return (text.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(text.len().min(max * 4));
    let mut cuts = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.len() > max {
            let kept = &line[..floor_char_boundary(line, max)];
            cuts.push((out.len(), out.len() + kept.len()));
            out.push_str(kept);
        } else {
            out.push_str(line);
        }
    }
    (out, cuts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_final_form_feed_closes_the_last_page() {
        let cases: &[(&str, usize)] = &[("a\u{c}b\u{c}", 2), ("a\u{c}b", 2), ("a\u{c}\u{c}b", 3)];
        for (text, pages) in cases {
            assert_eq!(
                read_text(text.as_bytes()).unwrap().len(),
                *pages,
                "{text:?}"
            );
        }
    }

    #[test]
    fn limits_cut_and_flag() {
        let limits = TextLimits {
            max_bytes: 20,
            max_line_bytes: 6,
        };
        // Over the size: cut at the last line break before 20 bytes.
        let (pages, flags) = read_text_limited(b"abc\ndefgh\nijk\nlmnopqrstu\n", &limits).unwrap();
        assert_eq!(pages[0].text, "abc\ndefgh\nijk\n");
        assert_eq!(flags.len(), 1);
        assert!(
            flags[0].message.contains("first 14 bytes"),
            "{}",
            flags[0].message
        );
        // A long line: cut at a character boundary (ก is 3 bytes), flagged with its span.
        let (pages, flags) = read_text_limited("ab\nกขค\nxy".as_bytes(), &limits).unwrap();
        assert_eq!(pages[0].text, "ab\nกข\nxy");
        assert_eq!(flags.len(), 1);
        let span = flags[0].span.as_ref().unwrap();
        assert_eq!((span.line, span.byte_start, span.byte_end), (2, 3, 9));
        // One single line over both limits: cut at a character boundary, two flags.
        let (pages, flags) = read_text_limited("ก".repeat(10).as_bytes(), &limits).unwrap();
        assert_eq!(pages[0].text, "กก");
        assert_eq!(flags.len(), 2);
        // Within the limits: nothing cut, no flag.
        let (_, flags) = read_text_limited(b"abc\ndef", &limits).unwrap();
        assert!(flags.is_empty());
    }
}
