//! OIT item codes as written in ITA reports and their OCR: "O๒๖", "0๑๑", "๐๑๓", "o๑",
//! "O 5", "O.5", "O-5" -> item 26, 11, 13, 1, 5. The letter O (Latin, full-width, Greek or
//! Cyrillic look-alikes) may be followed by a space, '.', '-' or ':'; a zero digit standing
//! for the O (any script) must be followed directly by one or two digits. English words
//! starting with O ("Online", "OIT") are not codes: digits must follow.

use super::digits::digit_value;
use std::ops::Range;

/// Leading characters read as the letter O.
fn is_letter_o(c: char) -> bool {
    matches!(
        c,
        'O' | 'o' | 'Ｏ' | 'ｏ' | '\u{039F}' | '\u{03BF}' | '\u{041E}' | '\u{043E}'
    )
}

/// The OIT item number of a code written "O๒๖", "0๑๑", "๐๑๓", "o๑", "O 5"; None if `s`
/// does not start with one. Returns the number and the byte length consumed.
pub fn parse_item_code(s: &str) -> Option<(u32, usize)> {
    let mut it = s.char_indices().peekable();
    let (_, first) = it.next()?;
    let letter = is_letter_o(first);
    if !letter && digit_value(first) != Some(0) {
        return None;
    }
    if letter {
        // one separator at most (or two spaces)
        let mut seps = 0;
        while let Some(&(_, c)) = it.peek() {
            if seps < 2 && (c == ' ' || (seps == 0 && matches!(c, '.' | '-' | ':'))) {
                seps += 1;
                it.next();
            } else {
                break;
            }
        }
    }
    let mut n = 0u32;
    let mut digits = 0;
    let mut end = 0;
    while let Some(&(i, c)) = it.peek() {
        match digit_value(c) {
            Some(d) => {
                if digits == 2 {
                    return None; // three or more digits: a number, not a code
                }
                n = n * 10 + d;
                digits += 1;
                end = i + c.len_utf8();
                it.next();
            }
            None => break,
        }
    }
    if digits == 0 || n == 0 {
        return None;
    }
    // Not a code when it runs on into a Latin letter ("O5G"), or, for a zero-for-O code,
    // into a decimal part ("0๑.๕").
    match it.peek() {
        Some(&(_, c)) if c.is_ascii_alphabetic() => return None,
        Some(&(i, '.' | ','))
            if !letter && s[i + 1..].chars().next().and_then(digit_value).is_some() =>
        {
            return None
        }
        _ => {}
    }
    Some((n, end))
}

/// The first item code in `s`: its byte range and number. A code must not follow a letter
/// or digit directly ("TO5", "10๑๑" are not codes).
pub fn find_item_code(s: &str) -> Option<(Range<usize>, u32)> {
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        let lead = is_letter_o(c) || digit_value(c) == Some(0);
        let boundary = !prev.is_some_and(|p| {
            p.is_alphanumeric() || (matches!(p, '.' | ',') && digit_value(c).is_some())
        });
        if lead && boundary {
            if let Some((n, len)) = parse_item_code(&s[i..]) {
                return Some((i..i + len, n));
            }
        }
        prev = Some(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_at_the_start() {
        let cases: [(&str, Option<u32>); 22] = [
            ("O๒๖", Some(26)),
            ("0๑๑", Some(11)),
            ("๐๑๓", Some(13)),
            ("o๑", Some(1)),
            ("O 5", Some(5)),
            ("O.5", Some(5)),
            ("O-12", Some(12)),
            ("O43 รายงาน", Some(43)),
            ("Ｏ１", Some(1)),
            ("О7", Some(7)), // Cyrillic O
            ("๐๙๙", Some(99)),
            ("O๒๖\tรายงาน", Some(26)),
            ("Online", None),
            ("OIT", None),
            ("O", None),
            ("O 1G", None),
            ("O100", None),
            ("0.5", None),
            ("0 5", None),
            ("00", None),
            ("๐๑.๕", None),
            ("12", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_item_code(input).map(|(n, _)| n), want, "{input}");
        }
        assert_eq!(parse_item_code("O๒๖ ข้อ"), Some((26, "O๒๖".len())));
    }

    #[test]
    fn finds_codes_in_lines() {
        let cases: [(&str, Option<u32>); 9] = [
            ("ข้อ O๒๖ รายงานผล", Some(26)),
            ("<p>0๒๙</p>", Some(29)),
            ("(อ้างอิงจาก ๐๓๖)", Some(36)),
            ("Online OIT O 5", Some(5)),
            ("TO5", None),
            ("ปี 2566 และ 10๑๑", None),
            ("100.05", None),
            ("ONE TWO", None),
            ("ข้อมูล", None),
        ];
        for (input, want) in cases {
            assert_eq!(find_item_code(input).map(|(_, n)| n), want, "{input}");
        }
    }
}
