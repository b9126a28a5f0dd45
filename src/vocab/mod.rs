//! Domain wording as data, in one place: status labels, the words that head table
//! columns, the characters and symbol-font codes that draw checkboxes, the words written
//! before an item number, and the OIT catalogues and indicators of each fiscal year.
//!
//! Everything here is read from the TSV files under `data/` (embedded at build time), so
//! a new wording or a new year's list is a change to a data file, not to the code. The
//! readers and the extractor ask this module; none of them keeps its own word list.

pub mod catalogue;
pub mod chars;
pub mod kinds;

use std::sync::OnceLock;

const STATUS_LABELS: &str = include_str!("../../data/vocab/status_labels.tsv");
const HEADER_WORDS: &str = include_str!("../../data/vocab/header_words.tsv");
const CHECKBOX_GLYPHS: &str = include_str!("../../data/vocab/checkbox_glyphs.tsv");
const CODE_WORDS: &str = include_str!("../../data/vocab/code_words.tsv");
const WORDS: &str = include_str!("../../data/vocab/words.tsv");
const AGENCY_TYPES: &str = include_str!("../../data/vocab/agency_types.tsv");
const PLACE_PREFIXES: &str = include_str!("../../data/vocab/place_prefixes.tsv");
const LEVELS: &str = include_str!("../../data/vocab/levels.tsv");
const MONTHS: &str = include_str!("../../data/vocab/months.tsv");

/// The Buddhist-era years a document of this scheme may state (ITA began in 2556; a
/// margin on both sides). A four-digit number outside them is no fiscal year.
pub const PLAUSIBLE_BE_YEARS: std::ops::RangeInclusive<i32> = 2540..=2700;

/// The year a four-digit number names in the Buddhist era, if a plausible one: CE years
/// 1990-2100 are converted.
pub fn plausible_be_year(n: i32) -> Option<i32> {
    let be = if (1990..=2100).contains(&n) {
        n + 543
    } else {
        n
    };
    PLAUSIBLE_BE_YEARS.contains(&be).then_some(be)
}

/// The words of one list of `data/vocab/words.tsv`, in file order (empty for a list
/// the file does not have).
pub fn words(list: &str) -> &'static [&'static str] {
    static LISTS: OnceLock<Vec<(&'static str, Vec<&'static str>)>> = OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        let mut out: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
        for r in tsv_rows(WORDS) {
            let (Some(l), Some(w)) = (r.first(), r.get(1)) else {
                continue;
            };
            match out.iter_mut().find(|(name, _)| name == l) {
                Some((_, v)) => v.push(w),
                None => out.push((l, vec![w])),
            }
        }
        out
    });
    lists
        .iter()
        .find(|(name, _)| *name == list)
        .map(|(_, v)| v.as_slice())
        .unwrap_or(&[])
}

/// A regex group matching any word of a list, longest first; a space in a word matches
/// any run of spaces or tabs.
pub fn alternation(list: &str) -> String {
    alternation_of(words(list).iter().copied())
}

/// A regex group matching any of `words`, longest first; a space matches any run of
/// spaces or tabs.
pub fn alternation_of<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = words.collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let parts: Vec<String> = v
        .iter()
        .map(|w| {
            w.split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join("[ \\t]*")
        })
        .collect();
    format!("(?:{})", parts.join("|"))
}

/// Era markers ("พ.ศ.") as a regex group: a space may follow an inner dot, the final dot
/// may be missing.
pub fn era_alternation() -> String {
    let parts: Vec<String> = words("era")
        .iter()
        .map(|w| {
            let t = w.strip_suffix('.').unwrap_or(w);
            let inner = t
                .split('.')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join("\\.\\s?");
            if t.len() < w.len() {
                format!("{inner}\\.?")
            } else {
                inner
            }
        })
        .collect();
    format!("(?:{})", parts.join("|"))
}

/// The kind of place a prefix introduces (and a gazetteer name is).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    /// ตำบล / แขวง.
    Subdistrict,
    /// อำเภอ / เขต.
    District,
    /// จังหวัด.
    Province,
}

/// `data/vocab/place_prefixes.tsv`: (written prefix, kind).
pub fn place_prefixes() -> &'static [(&'static str, PlaceKind)] {
    static P: OnceLock<Vec<(&'static str, PlaceKind)>> = OnceLock::new();
    P.get_or_init(|| {
        tsv_rows(PLACE_PREFIXES)
            .filter_map(|r| {
                let kind = match *r.get(1)? {
                    "subdistrict" => PlaceKind::Subdistrict,
                    "district" => PlaceKind::District,
                    "province" => PlaceKind::Province,
                    _ => return None,
                };
                Some((*r.first()?, kind))
            })
            .collect()
    })
}

/// Place prefixes as the gazetteer matches them: each of [`place_prefixes`], and where it
/// has SARA AM (U+0E33) also spelt NIKHAHIT + SARA AA (U+0E4D U+0E32), as OCR and some
/// fonts write it; longest first, so that "กิ่งอำเภอ" is tried before "อำเภอ".
pub fn place_prefix_spellings() -> &'static [(String, PlaceKind)] {
    static P: OnceLock<Vec<(String, PlaceKind)>> = OnceLock::new();
    P.get_or_init(|| {
        let mut out: Vec<(String, PlaceKind)> = Vec::new();
        for &(p, kind) in place_prefixes() {
            out.push((p.to_string(), kind));
            if p.contains('\u{0E33}') {
                out.push((p.replace('\u{0E33}', "\u{0E4D}\u{0E32}"), kind));
            }
        }
        out.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        out
    })
}

/// One month of `data/vocab/months.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub full: &'static str,
    pub short: &'static str,
    /// The abbreviation's two parts ("ม.ค." = ("ม", "ค")).
    pub abbr: (&'static str, &'static str),
    /// Lower case.
    pub english: &'static str,
}

/// The twelve months in calendar order.
pub fn months() -> &'static [Month] {
    static M: OnceLock<Vec<Month>> = OnceLock::new();
    M.get_or_init(|| {
        tsv_rows(MONTHS)
            .filter_map(|r| {
                Some(Month {
                    full: r.get(1)?,
                    short: r.get(2)?,
                    abbr: (r.get(3)?, r.get(4)?),
                    english: r.get(5)?,
                })
            })
            .collect()
    })
}

/// One local-administration type of `data/vocab/agency_types.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgencyType {
    /// As written: the full name or an abbreviation.
    pub written: &'static str,
    pub full: &'static str,
    /// The type the output gives ("อบจ.", "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "อบต.").
    pub kind: &'static str,
    /// The kind of place the agency is usually named after.
    pub named_after: Option<PlaceKind>,
}

pub fn agency_types() -> &'static [AgencyType] {
    static T: OnceLock<Vec<AgencyType>> = OnceLock::new();
    T.get_or_init(|| {
        tsv_rows(AGENCY_TYPES)
            .filter_map(|r| {
                Some(AgencyType {
                    written: r.first()?,
                    full: r.get(1)?,
                    kind: r.get(2)?,
                    named_after: match r.get(3).copied() {
                        Some("province") => Some(PlaceKind::Province),
                        Some("subdistrict") => Some(PlaceKind::Subdistrict),
                        Some("district") => Some(PlaceKind::District),
                        _ => None,
                    },
                })
            })
            .collect()
    })
}

/// The agency type a written prefix names.
pub fn agency_type(written: &str) -> Option<&'static AgencyType> {
    agency_types().iter().find(|t| t.written == written)
}

/// Every level label as written (`data/vocab/levels.tsv`), longest first.
pub fn levels() -> &'static [&'static str] {
    static L: OnceLock<Vec<&'static str>> = OnceLock::new();
    L.get_or_init(|| levels_where(|_| true))
}

/// The Thai level labels (from 2566), longest first.
pub fn thai_levels() -> &'static [&'static str] {
    static L: OnceLock<Vec<&'static str>> = OnceLock::new();
    L.get_or_init(|| levels_where(|scheme| scheme == "thai"))
}

/// A Thai word's letters as an OCR engine may confuse them: combining marks (tone marks,
/// upper and lower vowels) dropped, and each letter of an `ocr_lookalike` class of
/// `data/vocab/words.tsv` taken as that class's first letter.
pub fn lookalike_form(s: &str) -> String {
    let classes = words("ocr_lookalike");
    s.chars()
        .filter(|&c| !chars::is_combining(c))
        .map(|c| {
            classes
                .iter()
                .find(|cl| cl.contains(c))
                .and_then(|cl| cl.chars().next())
                .unwrap_or(c)
        })
        .collect()
}

/// The Thai level whose [`lookalike_form`] is the token's, when exactly one level's is
/// (none for a token of fewer than three letters).
pub fn level_by_lookalike(token: &str) -> Option<&'static str> {
    static FORMS: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        thai_levels()
            .iter()
            .map(|lv| (*lv, lookalike_form(lv)))
            .collect()
    });
    let form = lookalike_form(token);
    if form.chars().count() < 3 {
        return None;
    }
    let mut hits = forms.iter().filter(|(_, f)| *f == form);
    match (hits.next(), hits.next()) {
        (Some((lv, _)), None) => Some(lv),
        _ => None,
    }
}

fn levels_where(keep: impl Fn(&str) -> bool) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = tsv_rows(LEVELS)
        .filter(|r| r.get(1).is_some_and(|s| keep(s)))
        .filter_map(|r| r.first().copied())
        .collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    v
}

/// The data rows of an embedded TSV file: comment lines (`#`) and the header line
/// skipped, fields split at TAB.
pub(crate) fn tsv_rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// What a status label says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StatusKind {
    Done,
    NotDone,
    InProgress,
}

impl StatusKind {
    fn parse(s: &str) -> Option<StatusKind> {
        match s {
            "done" => Some(StatusKind::Done),
            "not_done" => Some(StatusKind::NotDone),
            "in_progress" => Some(StatusKind::InProgress),
            _ => None,
        }
    }
}

/// One status label of `data/vocab/status_labels.tsv`.
#[derive(Debug, Clone)]
pub struct StatusLabel {
    pub kind: StatusKind,
    pub label: &'static str,
    /// Only a label where it stands alone between marks or the cell's edges.
    pub cell_only: bool,
}

/// The form two spellings of a label share: spaces dropped, SARA AM however written
/// (U+0E33, NIKHAHIT + SARA AA in either order, or lost to SARA AA alone) as SARA AA.
/// It folds exactly the variations [`label_pattern`] allows.
fn label_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            c if c.is_whitespace() => {}
            '\u{0E33}' => out.push('\u{0E32}'),
            // NIKHAHIT beside SARA AA is the broken SARA AM: keep only the SARA AA.
            '\u{0E4D}' if out.ends_with('\u{0E32}') => {}
            '\u{0E32}' if out.ends_with('\u{0E4D}') => {
                out.pop();
                out.push('\u{0E32}');
            }
            c => out.push(c),
        }
    }
    out
}

/// Labels of at least this many characters are also matched with their above and
/// below vowels and tone marks dropped or misread, as OCR writes them ("ดำเนนการแล้ว",
/// "ด้าเน็นการแล้ว" for ดำเนินการแล้ว); shorter ones (มี, ไม่มี) only as written.
const LOOSE_LABEL_CHARS: usize = 6;

/// One above or below vowel or tone mark, or none (an OCR-damaged mark).
const ANY_MARK: &str = "[\u{0E31}\u{0E34}-\u{0E3A}\u{0E47}-\u{0E4E}]?";

/// The pattern of a label: SARA AM also as NIKHAHIT + SARA AA (either order) or SARA AA
/// alone, and one space allowed between any two characters. A long label
/// ([`LOOSE_LABEL_CHARS`]) also takes any mark, or none, where it has one, and any mark
/// for the NIKHAHIT of SARA AM.
fn label_pattern(label: &str) -> String {
    let loose = label.chars().count() >= LOOSE_LABEL_CHARS;
    let mut out = String::new();
    for (i, c) in label.chars().enumerate() {
        if i > 0 {
            out.push_str(" ?");
        }
        match c {
            '\u{0E33}' if loose => out.push_str(&format!(
                "(?:\u{0E33}|{ANY_MARK} ?\u{0E32}|\u{0E32} ?{ANY_MARK})"
            )),
            '\u{0E33}' => {
                out.push_str("(?:\u{0E33}|\u{0E4D} ?\u{0E32}|\u{0E32} ?\u{0E4D}|\u{0E32})")
            }
            c if loose && chars::is_combining(c) => out.push_str(ANY_MARK),
            c => out.push_str(&regex::escape(&c.to_string())),
        }
    }
    out
}

/// The form of a long label OCR damage keeps: [`label_key`] without its above and below
/// vowels and tone marks.
fn loose_label_key(s: &str) -> String {
    label_key(s)
        .chars()
        .filter(|&c| !chars::is_combining(c))
        .collect()
}

/// Every status label, longest first (so a longer label wins where two start at one place).
pub fn status_labels() -> &'static [StatusLabel] {
    static LABELS: OnceLock<Vec<StatusLabel>> = OnceLock::new();
    LABELS.get_or_init(|| {
        let mut v: Vec<StatusLabel> = tsv_rows(STATUS_LABELS)
            .filter_map(|r| {
                let kind = StatusKind::parse(r.first()?)?;
                Some(StatusLabel {
                    kind,
                    label: r.get(1)?,
                    cell_only: r.get(2) == Some(&"cell"),
                })
            })
            .collect();
        v.sort_by_key(|l| std::cmp::Reverse(l.label.chars().count()));
        v
    })
}

/// One alternation of every status label's pattern, longest first, for a tokenizer's
/// combined pattern.
pub fn status_label_alternation() -> String {
    status_labels()
        .iter()
        .map(|l| label_pattern(l.label))
        .collect::<Vec<_>>()
        .join("|")
}

/// The label a piece of text matched by [`status_label_alternation`] is: one lookup of
/// its folded form ([`label_key`]).
pub fn status_label_of(matched: &str) -> Option<&'static StatusLabel> {
    static BY_KEY: OnceLock<std::collections::HashMap<String, usize>> = OnceLock::new();
    let by_key = BY_KEY.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        // Longest first: where two labels fold alike, the longer (listed first) wins.
        for (i, l) in status_labels().iter().enumerate() {
            m.entry(label_key(l.label)).or_insert(i);
        }
        m
    });
    // Long labels by their form without marks, where that form is one label's only.
    static BY_LOOSE_KEY: OnceLock<std::collections::HashMap<String, Option<usize>>> =
        OnceLock::new();
    let by_loose = BY_LOOSE_KEY.get_or_init(|| {
        let mut m: std::collections::HashMap<String, Option<usize>> =
            std::collections::HashMap::new();
        for (i, l) in status_labels().iter().enumerate() {
            if l.label.chars().count() < LOOSE_LABEL_CHARS {
                continue;
            }
            let kind = l.kind;
            m.entry(loose_label_key(l.label))
                .and_modify(|v| {
                    if v.is_some_and(|j| status_labels()[j].kind != kind) {
                        *v = None;
                    }
                })
                .or_insert(Some(i));
        }
        m
    });
    by_key
        .get(&label_key(matched))
        .copied()
        .or_else(|| by_loose.get(&loose_label_key(matched)).copied().flatten())
        .map(|i| &status_labels()[i])
}

/// The status label a whole (trimmed) text is, if it is one.
pub fn status_label_exact(text: &str) -> Option<&'static StatusLabel> {
    let t = text.trim();
    if t.is_empty() || t.len() > 80 {
        return None;
    }
    status_label_of(t)
}

/// The role of a table column, from the word that heads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    Code,
    Ordinal,
    Title,
    Components,
    Status,
    Owner,
    Period,
    Notes,
    Evidence,
    Method,
    Indicator,
    Measure,
}

/// The kind of table a header word opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableHint {
    Items,
    Indicators,
    Measures,
    None,
}

/// One header word of `data/vocab/header_words.tsv`.
#[derive(Debug, Clone, Copy)]
pub struct HeaderWord {
    pub role: ColumnRole,
    pub word: &'static str,
    pub exact: bool,
    pub strong: bool,
    pub table: TableHint,
}

pub fn header_words() -> &'static [HeaderWord] {
    static WORDS: OnceLock<Vec<HeaderWord>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut v: Vec<HeaderWord> = tsv_rows(HEADER_WORDS)
            .filter_map(|r| {
                let role = match *r.first()? {
                    "code" => ColumnRole::Code,
                    "ordinal" => ColumnRole::Ordinal,
                    "title" => ColumnRole::Title,
                    "components" => ColumnRole::Components,
                    "status" => ColumnRole::Status,
                    "owner" => ColumnRole::Owner,
                    "period" => ColumnRole::Period,
                    "notes" => ColumnRole::Notes,
                    "evidence" => ColumnRole::Evidence,
                    "method" => ColumnRole::Method,
                    "indicator" => ColumnRole::Indicator,
                    "measure" => ColumnRole::Measure,
                    _ => return None,
                };
                Some(HeaderWord {
                    role,
                    word: r.get(1)?,
                    exact: r.get(2) == Some(&"exact"),
                    strong: r.get(3) != Some(&"weak"),
                    table: match r.get(4).copied() {
                        Some("items") => TableHint::Items,
                        Some("indicators") => TableHint::Indicators,
                        Some("measures") => TableHint::Measures,
                        _ => TableHint::None,
                    },
                })
            })
            .collect();
        // Longest first: "ลำดับที่" before "ลำดับ", "รายการข้อมูล" before "รายการ".
        v.sort_by_key(|w| std::cmp::Reverse(w.word.chars().count()));
        v
    })
}

/// The header word a cell's text is or starts with (short cells only: a header cell is
/// a few words, never a paragraph).
pub fn header_word(cell: &str) -> Option<&'static HeaderWord> {
    let t = cell.trim();
    if t.is_empty() || t.chars().count() > 40 {
        return None;
    }
    header_words().iter().find(|w| {
        if w.exact {
            t == w.word
                || t.strip_prefix(w.word)
                    .is_some_and(|r| r.starts_with(|c: char| !c.is_alphanumeric()))
        } else {
            t.starts_with(w.word)
        }
    })
}

/// The state a checkbox glyph shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GlyphState {
    Unchecked,
    Checked,
    Crossed,
}

/// Where a checkbox glyph entry applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlyphFont {
    /// A Unicode box in any font, and in text.
    Unicode,
    /// A mark typed as a character: text only.
    Text,
    /// A U+F0xx symbol-font code point, in any font and in text.
    Pua,
    Wingdings,
    Wingdings2,
}

/// `data/vocab/checkbox_glyphs.tsv`: (font, code, state).
pub fn checkbox_glyphs() -> &'static [(GlyphFont, u32, GlyphState)] {
    static GLYPHS: OnceLock<Vec<(GlyphFont, u32, GlyphState)>> = OnceLock::new();
    GLYPHS.get_or_init(|| {
        tsv_rows(CHECKBOX_GLYPHS)
            .filter_map(|r| {
                let font = match *r.first()? {
                    "unicode" => GlyphFont::Unicode,
                    "text" => GlyphFont::Text,
                    "pua" => GlyphFont::Pua,
                    "wingdings" => GlyphFont::Wingdings,
                    "wingdings2" => GlyphFont::Wingdings2,
                    _ => return None,
                };
                let code = u32::from_str_radix(r.get(1)?, 16).ok()?;
                let state = match *r.get(2)? {
                    "unchecked" => GlyphState::Unchecked,
                    "checked" => GlyphState::Checked,
                    "crossed" => GlyphState::Crossed,
                    _ => return None,
                };
                Some((font, code, state))
            })
            .collect()
    })
}

/// The checkbox state a character shows in text (Unicode boxes, typed marks, symbol-font
/// code points), if any.
pub fn text_glyph_state(c: char) -> Option<GlyphState> {
    let u = c as u32;
    checkbox_glyphs()
        .iter()
        .find(|(f, code, _)| {
            *code == u && matches!(f, GlyphFont::Unicode | GlyphFont::Text | GlyphFont::Pua)
        })
        .map(|(_, _, s)| *s)
}

/// A box character a PDF reader turns into a checkbox itself (Unicode boxes and
/// symbol-font code points), as opposed to a mark typed as text (✓, ■).
pub fn is_box_glyph(c: char) -> bool {
    let u = c as u32;
    checkbox_glyphs()
        .iter()
        .any(|(f, code, _)| *code == u && matches!(f, GlyphFont::Unicode | GlyphFont::Pua))
}

/// The checkbox state of a code in a font class (`Unicode` and `Pua` entries apply in
/// every font).
pub fn font_glyph_state(font: GlyphFont, code: u32) -> Option<GlyphState> {
    checkbox_glyphs()
        .iter()
        .find(|(f, c, _)| *c == code && *f == font)
        .map(|(_, _, s)| *s)
}

/// A character class of every text checkbox character, for a tokenizer's pattern.
pub fn text_glyph_class(state: GlyphState) -> String {
    let mut out = String::from("[");
    for (f, code, s) in checkbox_glyphs() {
        if *s == state && matches!(f, GlyphFont::Unicode | GlyphFont::Text | GlyphFont::Pua) {
            if let Some(c) = char::from_u32(*code) {
                out.push_str(&format!("\\u{{{:X}}}", c as u32));
            }
        }
    }
    out.push(']');
    out
}

/// Words written before an item number in place of the letter O ("ข้อ ๑"), longest first.
pub fn code_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut v: Vec<&'static str> = tsv_rows(CODE_WORDS)
            .filter_map(|r| r.first().copied())
            .collect();
        v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        v
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn labels_match_broken_forms() {
        for (text, kind) in [
            ("ดำเนินการ", StatusKind::Done),
            ("ด าเนินการ", StatusKind::Done),
            ("ดําเนินการ", StatusKind::Done),
            ("ดาเนินการ", StatusKind::Done),
            ("ดำเนิน การ", StatusKind::Done),
            ("ยังไม่ได้ดำเนินการ", StatusKind::NotDone),
            ("ยังไม่ ได้ดำเนินการ", StatusKind::NotDone),
            ("เผยแพร่แล้ว", StatusKind::Done),
            ("ยังไม่เผยแพร่", StatusKind::NotDone),
            ("อยู่ระหว่างดำเนินการ", StatusKind::InProgress),
            ("มี", StatusKind::Done),
            ("ไม่มี", StatusKind::NotDone),
            // OCR: marks dropped or misread in a long label.
            ("ดำเนนการแล้ว", StatusKind::Done),
            ("ด้าเน็นการแล้ว", StatusKind::Done),
            ("ดำเน่นการแล้ว", StatusKind::Done),
            ("ยังไมได้ดำเนินการ", StatusKind::NotDone),
            ("อยูระหวางดำเนินการ", StatusKind::InProgress),
        ] {
            assert_eq!(
                status_label_exact(text).map(|l| l.kind),
                Some(kind),
                "{text}"
            );
        }
        assert!(status_label_exact("การดำเนินการ").is_none());
        // Short labels take no such damage: "มี" is not "มื".
        assert!(status_label_exact("มื").is_none());
        assert!(status_label_exact("ไม่มื").is_none());
        assert!(status_label_exact("รายงานผล").is_none());
    }

    #[test]
    fn header_words_by_role() {
        assert_eq!(
            header_word("ลำดับที่").map(|w| w.role),
            Some(ColumnRole::Ordinal)
        );
        assert_eq!(header_word("ที่").map(|w| w.role), Some(ColumnRole::Ordinal));
        assert!(header_word("ที่ตั้ง").is_none());
        assert_eq!(
            header_word("URL / ลิงก์").map(|w| w.role),
            Some(ColumnRole::Evidence)
        );
        assert_eq!(
            header_word("รายการข้อมูล").map(|w| w.table),
            Some(TableHint::Items)
        );
        assert!(!header_word("รายการ").unwrap().strong);
    }

    #[test]
    fn every_word_list_the_code_uses_is_in_the_data() {
        for list in [
            "year_lead",
            "era",
            "score_word",
            "score_qualifier",
            "score_year_lead",
            "score_link",
            "score_label",
            "level_word",
            "level_qualifier",
            "name_stop",
            "done_notes",
            "not_done_notes",
            "negation_before",
            "section_heading",
            "indicator_word",
            "measure_word",
            "ita_marker",
            "sara_am_for_sara_aa",
            "ocr_label_piece",
            "ocr_not_done_lead",
            "ocr_not_done_joiner",
        ] {
            assert!(!words(list).is_empty(), "word list {list} is missing");
        }
        assert!(words("no_such_list").is_empty());
        assert_eq!(
            agency_type("อบต.").map(|t| t.full),
            Some("องค์การบริหารส่วนตำบล")
        );
        assert_eq!(
            agency_type("ทต.").and_then(|t| t.named_after),
            Some(PlaceKind::Subdistrict)
        );
        assert!(place_prefixes().contains(&("อ.", PlaceKind::District)));
        let spellings = place_prefix_spellings();
        assert!(spellings.contains(&("กิ่งอ\u{0E4D}\u{0E32}เภอ".to_string(), PlaceKind::District)));
        let at = |p: &str| spellings.iter().position(|(s, _)| s == p).unwrap();
        assert!(at("กิ่งอำเภอ") < at("อำเภอ"));
        assert_eq!(months().len(), 12);
        assert_eq!(months()[2].abbr, ("มี", "ค"));
        assert_eq!(months()[11].english, "december");
        assert_eq!(levels().first(), Some(&"ต้องปรับปรุงโดยด่วน"));
        assert!(!thai_levels().contains(&"A"));
    }

    #[test]
    fn alternations_escape_and_stretch_spaces() {
        let re = Regex::new(&format!(
            "^{}$",
            alternation_of(["ITA ปี", "พ.ศ."].into_iter())
        ))
        .unwrap();
        assert!(re.is_match("ITA   ปี") && re.is_match("ITAปี") && re.is_match("พ.ศ."));
        assert!(!re.is_match("พxศx"));
        let era = Regex::new(&format!("^{}$", era_alternation())).unwrap();
        for s in ["พ.ศ.", "พ.ศ", "พ. ศ.", "ค.ศ."] {
            assert!(era.is_match(s), "{s}");
        }
    }

    #[test]
    fn glyph_table_for_text_and_fonts() {
        assert_eq!(text_glyph_state('☐'), Some(GlyphState::Unchecked));
        assert_eq!(text_glyph_state('\u{F0FE}'), Some(GlyphState::Checked));
        assert_eq!(text_glyph_state('✓'), Some(GlyphState::Checked));
        assert_eq!(text_glyph_state('a'), None);
        assert_eq!(
            font_glyph_state(GlyphFont::Wingdings, 0xFE),
            Some(GlyphState::Checked)
        );
        assert_eq!(
            font_glyph_state(GlyphFont::Wingdings2, 0xA3),
            Some(GlyphState::Unchecked)
        );
        assert_eq!(font_glyph_state(GlyphFont::Wingdings, 0x52), None);
    }
}
