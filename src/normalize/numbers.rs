//! Numbers and scores written with digits of any script: "๙๙.๑๘" -> 99.18,
//! "๑,๒๓๔.๕" -> 1234.5. A comma counts as a thousands separator only between groups of
//! three digits ("1,23" is the number 1 followed by text).

use super::digits::digit_value;
use std::ops::Range;

/// Characters of `s` from byte `i`, with their byte offsets.
fn digit_at(s: &str, i: usize) -> Option<(u32, usize)> {
    let c = s.get(i..)?.chars().next()?;
    digit_value(c).map(|d| (d, c.len_utf8()))
}

/// Scan a number starting with a digit at `i`: its end and its ASCII text.
fn scan(s: &str, i: usize) -> Option<(usize, String)> {
    let mut text = String::new();
    let mut q = i;
    let mut int_digits = 0;
    while let Some((d, len)) = digit_at(s, q) {
        text.push(char::from_digit(d, 10)?);
        q += len;
        int_digits += 1;
    }
    if int_digits == 0 {
        return None;
    }
    if int_digits <= 3 {
        // thousands groups: ",ddd" not followed by another digit
        loop {
            if s.as_bytes().get(q) != Some(&b',') {
                break;
            }
            let mut r = q + 1;
            let mut group = String::new();
            while let Some((d, len)) = digit_at(s, r) {
                if group.len() == 3 {
                    group.push('x'); // a fourth digit: not a group
                    break;
                }
                group.push(char::from_digit(d, 10)?);
                r += len;
            }
            if group.len() != 3 {
                break;
            }
            text.push_str(&group);
            q = r;
        }
    }
    if s.as_bytes().get(q) == Some(&b'.') {
        let mut r = q + 1;
        let mut frac = String::new();
        while let Some((d, len)) = digit_at(s, r) {
            frac.push(char::from_digit(d, 10)?);
            r += len;
        }
        if !frac.is_empty() {
            text.push('.');
            text.push_str(&frac);
            q = r;
        }
    }
    Some((q, text))
}

/// The first number in `s` with its byte range and its ASCII text (thousands separators
/// removed, decimals as written: "๑๐๐.๐๐" -> "100.00"). A minus sign directly before the
/// digits counts when it does not follow a letter or digit ("1-5" is 1, then 5).
pub fn find_number_text(s: &str) -> Option<(Range<usize>, String)> {
    let mut prev: Option<char> = None;
    let mut prev2: Option<char> = None;
    for (i, c) in s.char_indices() {
        if digit_value(c).is_some() {
            let (end, text) = scan(s, i)?;
            let signed = matches!(prev, Some('-' | '\u{2212}'))
                && !prev2.is_some_and(|p| p.is_alphanumeric());
            return Some(if signed {
                let sign_len = prev.map_or(1, char::len_utf8);
                (i - sign_len..end, format!("-{text}"))
            } else {
                (i..end, text)
            });
        }
        prev2 = prev;
        prev = Some(c);
    }
    None
}

/// The first number in `s` ("๙๙.๑๘", "๑,๒๓๔.๕"), with its byte range.
pub fn find_number(s: &str) -> Option<(Range<usize>, f64)> {
    let (r, text) = find_number_text(s)?;
    text.parse().ok().map(|n| (r, n))
}

/// `s` (trimmed) read as one number, or None when it holds anything else.
pub fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim();
    let (r, n) = find_number(t)?;
    (r.start == 0 && r.end == t.len()).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_numbers_in_any_digits() {
        let cases: [(&str, Option<&str>); 16] = [
            ("คะแนน ๙๙.๑๘ คะแนน", Some("99.18")),
            ("๑,๒๓๔.๕", Some("1234.5")),
            ("1,234,567", Some("1234567")),
            ("100.00", Some("100.00")),
            ("๑,๒๓", Some("1")),
            ("12,3456", Some("12")),
            ("1234,567", Some("1234")),
            ("ร้อยละ ๘๕", Some("85")),
            ("๘.๑", Some("8.1")),
            ("๑.", Some("1")),
            ("-5 องศา", Some("-5")),
            ("1-5", Some("1")),
            ("O๒๖", Some("26")),
            ("០២៣", Some("023")),
            ("ไม่มีตัวเลข", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(
                find_number_text(input).map(|(_, t)| t),
                want.map(String::from),
                "{input}"
            );
        }
    }

    #[test]
    fn ranges_and_values() {
        let s = "ได้ ๙๙.๑๘ คะแนน";
        let (r, n) = find_number(s).expect("number");
        assert_eq!(&s[r], "๙๙.๑๘");
        assert!((n - 99.18).abs() < 1e-9);
        assert_eq!(parse_number(" ๑,๒๓๔.๕ "), Some(1234.5));
        assert_eq!(parse_number("๑๒ คน"), None);
        assert_eq!(parse_number("-๓"), Some(-3.0));
    }
}
