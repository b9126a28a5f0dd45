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

/// The text encodings the reader decodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    /// UTF-8 that began with a byte-order mark (removed).
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// TIS-620 / Windows-874 (Thai legacy; Windows-874 is TIS-620 plus a few symbols).
    Windows874,
}

impl TextEncoding {
    /// The name as written in the output (`Source::encoding`), a WHATWG label.
    pub fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf8Bom => "utf-8-bom",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Windows874 => "windows-874",
        }
    }

    fn decoder(self) -> &'static encoding_rs::Encoding {
        match self {
            TextEncoding::Utf8 | TextEncoding::Utf8Bom => encoding_rs::UTF_8,
            TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
            TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
            TextEncoding::Windows874 => encoding_rs::WINDOWS_874,
        }
    }
}

/// A text input read: its pages, the warnings of the reader, and the encoding used.
#[derive(Debug, Clone)]
pub struct TextRead {
    pub pages: Vec<PageText>,
    pub flags: Vec<Flag>,
    pub encoding: TextEncoding,
}

/// Fewest high bytes (0x80 and up) for TIS-620 to be considered at all: a stray byte in
/// ASCII text says nothing about the encoding.
const TIS620_MIN_HIGH_BYTES: usize = 4;

/// The encoding of `bytes`: a byte-order mark decides; else UTF-8 when the bytes are
/// (almost) valid UTF-8; else TIS-620 / Windows-874 when nearly every high byte is a
/// Thai character of that code page; else UTF-8 (bad bytes become U+FFFD).
pub fn detect_encoding(bytes: &[u8]) -> TextEncoding {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return TextEncoding::Utf8Bom;
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return TextEncoding::Utf16Le;
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return TextEncoding::Utf16Be;
    }
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    if high < TIS620_MIN_HIGH_BYTES || std::str::from_utf8(bytes).is_ok() {
        return TextEncoding::Utf8;
    }
    // High bytes that fall in invalid UTF-8 sequences.
    let mut invalid = 0usize;
    let mut rest = bytes;
    while let Err(e) = std::str::from_utf8(rest) {
        let skip = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
        invalid += skip;
        rest = &rest[e.valid_up_to() + skip..];
    }
    // TIS-620 Thai letters, vowels, tone marks and digits: 0xA1-0xDA and 0xDF-0xFB.
    let thai = bytes
        .iter()
        .filter(|&&b| matches!(b, 0xA1..=0xDA | 0xDF..=0xFB))
        .count();
    if invalid * 2 >= high && thai * 10 >= high * 9 {
        TextEncoding::Windows874
    } else {
        TextEncoding::Utf8
    }
}

/// Split OCR text into pages. Invalid UTF-8 is replaced by U+FFFD (never dropped).
pub fn read_text(bytes: &[u8]) -> Result<Vec<PageText>, TextError> {
    read_text_limited(bytes, &TextLimits::NONE).map(|(pages, _)| pages)
}

/// [`read_text`] within `limits`: the pages, and a `too_large` warning for each limit
/// that cut something (and an `invalid_encoding` warning for bytes that did not decode).
pub fn read_text_limited(
    bytes: &[u8],
    limits: &TextLimits,
) -> Result<(Vec<PageText>, Vec<Flag>), TextError> {
    read_text_decoded(bytes, limits).map(|r| (r.pages, r.flags))
}

/// [`read_text_limited`], with the encoding that was used.
pub fn read_text_decoded(bytes: &[u8], limits: &TextLimits) -> Result<TextRead, TextError> {
    let encoding = detect_encoding(bytes);
    let mut flags = Vec::new();
    if !matches!(encoding, TextEncoding::Utf8 | TextEncoding::Utf8Bom) {
        // Decode first, then read the UTF-8 within the limits. At most `max_bytes` of
        // input are decoded (an even number for UTF-16); a cut is said.
        let mut end = bytes.len().min(limits.max_bytes);
        if matches!(encoding, TextEncoding::Utf16Le | TextEncoding::Utf16Be) {
            end &= !1;
        }
        let (mut text, had_errors) = encoding.decoder().decode_with_bom_removal(&bytes[..end]);
        if end < bytes.len() {
            // As for UTF-8: the cut falls after the last whole line, when there is one.
            if let Some(nl) = text.rfind('\n') {
                text.to_mut().truncate(nl + 1);
            }
            flags.push(Flag::new(
                FlagCode::TooLarge,
                Severity::Warning,
                format!(
                    "the file is {} bytes, over the limit of {} (--max-input-mb): only the first {end} bytes were read",
                    bytes.len(),
                    limits.max_bytes
                ),
                None,
            ));
        }
        let unlimited = TextLimits {
            max_bytes: usize::MAX,
            ..*limits
        };
        let mut read = read_utf8(text.as_bytes(), &unlimited)?;
        if had_errors {
            let bad = read
                .pages
                .iter()
                .map(|p| p.text.matches('\u{FFFD}').count())
                .sum::<usize>();
            read.flags.insert(0, invalid_flag(bad, encoding));
        }
        flags.append(&mut read.flags);
        return Ok(TextRead {
            pages: read.pages,
            flags,
            encoding,
        });
    }
    let mut read = read_utf8(bytes, limits)?;
    read.encoding = encoding;
    Ok(read)
}

/// `bytes` as text in the encoding [`detect_encoding`] finds, byte-order mark removed
/// and bad bytes replaced by U+FFFD.
pub fn decode_to_string(bytes: &[u8]) -> String {
    let (text, _) = detect_encoding(bytes)
        .decoder()
        .decode_with_bom_removal(bytes);
    text.into_owned()
}

/// The `invalid_encoding` warning: `count` characters could not be decoded.
fn invalid_flag(count: usize, encoding: TextEncoding) -> Flag {
    Flag::new(
        FlagCode::InvalidEncoding,
        Severity::Warning,
        format!(
            "{count} byte sequence(s) are not valid {}: each was replaced by U+FFFD",
            encoding.as_str()
        ),
        None,
    )
}

/// UTF-8 bytes (perhaps with a byte-order mark) to pages within `limits`.
fn read_utf8(bytes: &[u8], limits: &TextLimits) -> Result<TextRead, TextError> {
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
    if let std::borrow::Cow::Owned(decoded) = &text {
        let bad = decoded.matches('\u{FFFD}').count() - count_fffd(bytes);
        flags.push(invalid_flag(bad, TextEncoding::Utf8));
    }
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
    Ok(TextRead {
        pages,
        flags,
        encoding: TextEncoding::Utf8,
    })
}

/// U+FFFD characters written in valid UTF-8 in `bytes` (they are not decoding faults).
fn count_fffd(bytes: &[u8]) -> usize {
    memchr::memmem::find_iter(bytes, "\u{FFFD}".as_bytes()).count()
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

    fn decode(bytes: &[u8]) -> (String, TextEncoding, Vec<FlagCode>) {
        let r = read_text_decoded(bytes, &TextLimits::default()).unwrap();
        let text = r.pages.iter().map(|p| p.text.as_str()).collect::<Vec<_>>();
        (
            text.join("\u{c}"),
            r.encoding,
            r.flags.iter().map(|f| f.code).collect(),
        )
    }

    #[test]
    fn encodings_are_detected_and_decoded() {
        let thai = "ข้อ O1 โครงสร้าง\u{c}หน้า ๒";
        // UTF-16 LE and BE with a byte-order mark (Notepad's "Unicode").
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in thai.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le), (thai.into(), TextEncoding::Utf16Le, vec![]));
        assert_eq!(decode(&be), (thai.into(), TextEncoding::Utf16Be, vec![]));
        // UTF-8 with a byte-order mark: the mark is removed.
        let bom = [&[0xEF, 0xBB, 0xBF][..], thai.as_bytes()].concat();
        assert_eq!(decode(&bom), (thai.into(), TextEncoding::Utf8Bom, vec![]));
        // TIS-620: Thai U+0E01..U+0E5B are bytes 0xA1..0xFB.
        let tis: Vec<u8> = thai
            .chars()
            .map(|c| match c as u32 {
                u @ 0x0E01..=0x0E5B => (u - 0x0E01 + 0xA1) as u8,
                u => u as u8,
            })
            .collect();
        assert_eq!(
            decode(&tis),
            (thai.into(), TextEncoding::Windows874, vec![])
        );
        // Plain UTF-8, and UTF-8 with one bad byte: U+FFFD and a flag, not TIS-620.
        assert_eq!(
            decode(thai.as_bytes()),
            (thai.into(), TextEncoding::Utf8, vec![])
        );
        let bad = [thai.as_bytes(), &[0xE0]].concat();
        let (text, enc, flags) = decode(&bad);
        assert!(text.ends_with('\u{FFFD}'));
        assert_eq!(enc, TextEncoding::Utf8);
        assert_eq!(flags, vec![FlagCode::InvalidEncoding]);
        // A U+FFFD written in valid UTF-8 is not a decoding fault.
        assert_eq!(decode("a \u{FFFD} b".as_bytes()).2, vec![]);
    }

    #[test]
    fn utf16_is_cut_within_the_limits_at_an_even_byte() {
        let mut le = vec![0xFF, 0xFE];
        for u in "abc\ndef\n".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let limits = TextLimits {
            max_bytes: 13,
            max_line_bytes: 100,
        };
        let r = read_text_decoded(&le, &limits).unwrap();
        assert_eq!(r.pages[0].text, "abc\n");
        assert_eq!(r.flags[0].code, FlagCode::TooLarge);
    }
}
