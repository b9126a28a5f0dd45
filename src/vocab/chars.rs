//! Thai character classes, in one place for every stage.

/// Thai consonants, vowels and marks (U+0E01-U+0E2E, U+0E30-U+0E4E): a letter of a Thai
/// word, for "is this glued to a word" tests.
#[inline]
pub fn is_thai_letter(c: char) -> bool {
    ('\u{0E01}'..='\u{0E2E}').contains(&c) || ('\u{0E30}'..='\u{0E4E}').contains(&c)
}

/// Thai consonants (U+0E01-U+0E2E).
#[inline]
pub fn is_thai_consonant(c: char) -> bool {
    ('\u{0E01}'..='\u{0E2E}').contains(&c)
}

/// Thai digits ๐-๙ (U+0E50-U+0E59).
#[inline]
pub fn is_thai_digit(c: char) -> bool {
    ('\u{0E50}'..='\u{0E59}').contains(&c)
}

/// Any character of the Thai block except digits and the currency sign.
#[inline]
pub fn is_thai(c: char) -> bool {
    ('\u{0E01}'..='\u{0E5B}').contains(&c)
}

/// Thai above and below vowels and tone marks: zero-width on the page, no column of
/// their own in layout text.
#[inline]
pub fn is_combining(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// Display width of a text in character columns, as `pdftotext -layout` places it: Thai
/// combining marks take no column of their own.
pub fn display_width(s: &str) -> usize {
    s.chars().filter(|c| !is_combining(*c)).count()
}

/// Whether a string holds any Thai character.
pub fn has_thai(s: &str) -> bool {
    s.chars().any(is_thai)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_thai_letter('ก') && is_thai_letter('ำ') && !is_thai_letter('๑'));
        assert!(is_combining('\u{0E49}') && !is_combining('า'));
        assert!(has_thai("abc ก") && !has_thai("abc 123"));
    }
}
