//! Thai text repair: pure functions, no I/O. Every repair is recorded, and an
//! [`OffsetMap`] maps any byte position of the repaired text back to the raw bytes it
//! came from, so spans always point into the original text.
//!
//! (Foundation stub: the full rule set lands with issue 2; the API below is the contract
//! the rest of the crate uses.)

use std::borrow::Cow;
use std::ops::Range;

/// Which repairs to apply. `Default` applies every repair and keeps whitespace as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Thai, Lao, Khmer, Myanmar and full-width digits to ASCII.
    pub digits: bool,
    /// Rebuild SARA AM from NIKHAHIT + SARA AA and from "ส าหรับ"-style breaks.
    pub sara_am: bool,
    /// Thai font Private Use Area glyphs (U+F700-U+F71A) to standard code points.
    pub pua: bool,
    /// Remove zero-width characters (U+200B-U+200D, U+FEFF, U+00AD).
    pub zero_width: bool,
    /// Put duplicated or mis-ordered combining marks in canonical order.
    pub marks: bool,
    /// Decode HTML entities (`&amp;`, `&#3585;`).
    pub entities: bool,
    /// Unicode NFC.
    pub nfc: bool,
    /// Fold runs of spaces to one and trim line ends (tabs and line breaks are kept).
    pub fold_spaces: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            digits: true,
            sara_am: true,
            pua: true,
            zero_width: true,
            marks: true,
            entities: true,
            nfc: true,
            fold_spaces: false,
        }
    }
}

/// The kinds of repair, as counted in a document's `repairs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RepairKind {
    Digits,
    SaraAm,
    Pua,
    ZeroWidth,
    MarkOrder,
    Entity,
    Nfc,
    Whitespace,
}

impl RepairKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RepairKind::Digits => "digits",
            RepairKind::SaraAm => "sara_am",
            RepairKind::Pua => "pua",
            RepairKind::ZeroWidth => "zero_width",
            RepairKind::MarkOrder => "mark_order",
            RepairKind::Entity => "entity",
            RepairKind::Nfc => "nfc",
            RepairKind::Whitespace => "whitespace",
        }
    }
}

/// One repair: the raw bytes it replaced and the repaired bytes it wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    pub kind: RepairKind,
    pub raw: Range<usize>,
    pub out: Range<usize>,
}

/// Maps byte offsets of repaired text back to the raw text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// (out_offset, raw_offset) at the start of every edited or unedited run, sorted.
    anchors: Vec<(usize, usize)>,
    raw_len: usize,
}

impl OffsetMap {
    /// The raw byte offset that repaired offset `out` came from.
    pub fn to_raw(&self, out: usize) -> usize {
        let i = self.anchors.partition_point(|&(o, _)| o <= out);
        if i == 0 {
            return out.min(self.raw_len);
        }
        let (o, r) = self.anchors[i - 1];
        let next_raw = self.anchors.get(i).map(|&(_, r)| r).unwrap_or(self.raw_len);
        (r + (out - o)).min(next_raw)
    }

    /// The raw byte range a repaired range came from.
    pub fn range_to_raw(&self, out: Range<usize>) -> Range<usize> {
        let start = self.to_raw(out.start);
        let end = if out.end > out.start {
            // The end maps through the last byte, so a replaced run is covered whole.
            let i = self.anchors.partition_point(|&(o, _)| o < out.end);
            let next_raw = self.anchors.get(i).map(|&(_, r)| r);
            match next_raw {
                Some(r) if self.anchors[i].0 == out.end => r,
                _ => self.to_raw(out.end),
            }
        } else {
            start
        };
        start..end.max(start)
    }
}

/// Text after repair, the map back to the raw text, and the repairs made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Repaired {
    pub text: String,
    pub map: OffsetMap,
    pub repairs: Vec<Repair>,
}

/// Apply the repairs `opts` asks for to `raw`.
pub fn repair(raw: &str, opts: &Options) -> Repaired {
    let mut text = String::with_capacity(raw.len());
    let mut anchors = Vec::new();
    let mut repairs = Vec::new();
    let mut in_edit = false;
    for (i, c) in raw.char_indices() {
        let mapped = if opts.digits { ascii_digit(c) } else { None };
        match mapped {
            Some(d) => {
                anchors.push((text.len(), i));
                repairs.push(Repair {
                    kind: RepairKind::Digits,
                    raw: i..i + c.len_utf8(),
                    out: text.len()..text.len() + 1,
                });
                text.push(d);
                in_edit = true;
            }
            None => {
                if in_edit {
                    anchors.push((text.len(), i));
                    in_edit = false;
                }
                text.push(c);
            }
        }
    }
    Repaired {
        text,
        map: OffsetMap {
            anchors,
            raw_len: raw.len(),
        },
        repairs,
    }
}

/// The ASCII digit for a decimal digit of another script, if `c` is one.
pub fn ascii_digit(c: char) -> Option<char> {
    let base = match c {
        '\u{0E50}'..='\u{0E59}' => 0x0E50, // THAI DIGIT ZERO..NINE
        '\u{0ED0}'..='\u{0ED9}' => 0x0ED0, // LAO DIGIT ZERO..NINE
        '\u{17E0}'..='\u{17E9}' => 0x17E0, // KHMER DIGIT ZERO..NINE
        '\u{1040}'..='\u{1049}' => 0x1040, // MYANMAR DIGIT ZERO..NINE
        '\u{FF10}'..='\u{FF19}' => 0xFF10, // FULLWIDTH DIGIT ZERO..NINE
        _ => return None,
    };
    char::from_digit(c as u32 - base, 10)
}

/// Digits of any script to ASCII, borrowing when nothing changes.
pub fn digits_to_ascii(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| ascii_digit(c).is_some()) {
        Cow::Owned(s.chars().map(|c| ascii_digit(c).unwrap_or(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// A date found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// Byte range of the date (or range of dates) in the searched text.
    pub range: Range<usize>,
    /// ISO Gregorian date, "YYYY-MM-DD".
    pub date: String,
    /// End of a range ("๑ ต.ค. ๖๕ - ๓๑ มี.ค. ๖๖"), ISO.
    pub end: Option<String>,
}

/// Every Thai or CE date in `s`, in order.
pub fn find_dates(_s: &str) -> Vec<FoundDate> {
    Vec::new()
}

/// The first number in `s` ("๙๙.๑๘", "๑,๒๓๔.๕"), with its byte range.
pub fn find_number(s: &str) -> Option<(Range<usize>, f64)> {
    let re = regex_number();
    let ascii = digits_to_ascii(s);
    // Digits of other scripts are 3 bytes; search the original with a digit class.
    let _ = ascii;
    re.find(s).and_then(|m| {
        let v: String = digits_to_ascii(m.as_str()).replace(',', "");
        v.parse().ok().map(|n| (m.range(), n))
    })
}

fn regex_number() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r"[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})+(?:\.[0-9๐-๙]+)?|[0-9๐-๙]+(?:\.[0-9๐-๙]+)?",
        )
        .expect("valid regex")
    })
}

/// The OIT item number of a code written "O๒๖", "0๑๑", "๐๑๓", "o๑", "O 5"; None if `s`
/// does not start with one. Returns the number and the byte length consumed.
pub fn parse_item_code(s: &str) -> Option<(u32, usize)> {
    let mut chars = s.char_indices().peekable();
    let (_, first) = *chars.peek()?;
    let lead = matches!(first, 'O' | 'o' | '0' | '๐' | 'Ｏ' | 'ｏ');
    if !lead {
        return None;
    }
    chars.next();
    while let Some(&(_, c)) = chars.peek() {
        if c == ' ' || c == '.' {
            chars.next();
        } else {
            break;
        }
    }
    let mut n = 0u32;
    let mut digits = 0;
    let mut end = 0;
    while let Some(&(i, c)) = chars.peek() {
        let d = if c.is_ascii_digit() {
            Some(c)
        } else {
            ascii_digit(c)
        };
        match d {
            Some(d) if digits < 3 => {
                n = n * 10 + d.to_digit(10)?;
                digits += 1;
                end = i + c.len_utf8();
                chars.next();
            }
            _ => break,
        }
    }
    if digits == 0 {
        return None;
    }
    Some((n, end))
}
