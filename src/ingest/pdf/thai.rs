//! Thai glyph-level repairs done while a page is laid out: which characters are
//! combining marks, the legacy-font Private Use Area forms (HarfBuzz's Thai fallback
//! tables, Windows and Mac columns) mapped back, and canonical mark order in a cluster.

/// Thai combining marks: MAI HAN-AKAT, the above/below vowels, tone marks, THANTHAKHAT,
/// NIKHAHIT, YAMAKKAN.
pub fn is_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// Whether every character of `s` is a Thai combining mark (and there is one).
pub fn all_marks(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| is_mark(c) || pua(c).is_some_and(is_mark))
}

/// The standard character for a legacy Thai PUA glyph code point.
pub fn pua(c: char) -> Option<char> {
    const WIN: [u32; 27] = [
        0x0E10, 0x0E34, 0x0E35, 0x0E36, 0x0E37, 0x0E48, 0x0E49, 0x0E4A, 0x0E4B, 0x0E4C, 0x0E48,
        0x0E49, 0x0E4A, 0x0E4B, 0x0E4C, 0x0E0D, 0x0E31, 0x0E4D, 0x0E47, 0x0E48, 0x0E49, 0x0E4A,
        0x0E4B, 0x0E4C, 0x0E38, 0x0E39, 0x0E3A,
    ];
    // Mac: F884..F89E in the same roles (shift-left vowels, tone marks in three
    // variants, below vowels, letters without descender).
    const MAC: [u32; 27] = [
        0x0E31, 0x0E34, 0x0E35, 0x0E36, 0x0E37, 0x0E47, 0x0E48, 0x0E48, 0x0E48, 0x0E49, 0x0E49,
        0x0E49, 0x0E4A, 0x0E4A, 0x0E4A, 0x0E4B, 0x0E4B, 0x0E4B, 0x0E4C, 0x0E4C, 0x0E4C, 0x0E4D,
        0x0E0D, 0x0E38, 0x0E39, 0x0E3A, 0x0E10,
    ];
    let u = c as u32;
    let v = match u {
        0xF700..=0xF71A => WIN[(u - 0xF700) as usize],
        0xF884..=0xF89E => MAC[(u - 0xF884) as usize],
        _ => return None,
    };
    char::from_u32(v)
}

/// Legacy PUA code points replaced.
pub fn map_pua(s: &str) -> String {
    s.chars().map(|c| pua(c).unwrap_or(c)).collect()
}

fn mark_rank(c: char) -> u8 {
    match c {
        '\u{0E38}'..='\u{0E3A}' => 1,                           // below vowels
        '\u{0E31}' | '\u{0E34}'..='\u{0E37}' | '\u{0E47}' => 2, // above vowels, MAITAIKHU
        '\u{0E4D}' => 3,                                        // NIKHAHIT
        '\u{0E48}'..='\u{0E4B}' => 4,                           // tone marks
        _ => 5,                                                 // THANTHAKHAT, YAMAKKAN
    }
}

/// Marks after each base put in canonical order (vowel before tone mark), duplicates
/// dropped: `ต ้ ั` → `ตั้`.
pub fn order_marks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut String| {
        run.sort_by_key(|&c| mark_rank(c));
        run.dedup();
        out.extend(run.drain(..));
    };
    for c in s.chars() {
        if is_mark(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs() {
        assert_eq!(map_pua("\u{0E1B}\u{F70B}"), "ป้");
        assert_eq!(map_pua("\u{0E19}\u{F710}"), "นั");
        assert_eq!(map_pua("\u{F700}"), "ฐ");
        assert_eq!(order_marks("ต\u{0E49}\u{0E31}ง"), "ตั้ง");
        assert_eq!(order_marks("ก\u{0E48}\u{0E48}"), "ก่");
        assert!(all_marks("\u{0E49}\u{0E31}"));
        assert!(all_marks("\u{F70B}"));
        assert!(!all_marks("า"));
        assert!(!all_marks(""));
    }
}
