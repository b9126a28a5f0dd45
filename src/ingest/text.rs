//! OCR text input: bytes to pages of raw text. Pages are split at form feeds (U+000C),
//! as `pdftotext` writes them, and at explicit page markers OCR tools write.

use crate::source::PageText;

#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error("file is empty")]
    Empty,
    #[error("file is not text: {0} of the first 4096 bytes are control bytes")]
    Binary(usize),
}

/// Split OCR text into pages. Invalid UTF-8 is replaced by U+FFFD (never dropped).
pub fn read_text(bytes: &[u8]) -> Result<Vec<PageText>, TextError> {
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
    Ok(text
        .split('\u{000C}')
        .enumerate()
        .map(|(i, t)| PageText::new(i as u32 + 1, t.to_string()))
        .collect())
}
