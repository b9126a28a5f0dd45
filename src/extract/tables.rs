//! Rows to entities: OIT item rows, indicator rows and measure rows, with their
//! continuation rows merged (a row whose code cell is empty continues the one above,
//! also across a page break or a repeated header).

use super::Page;
use crate::layout::{Cell, Row, RowKind, Tok, TokKind};
use crate::normalize;
use crate::vocab::StatusKind;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// What kind of table the last header row opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Items,
    Indicators,
    Measures,
    Other,
}

/// An entity being read: its rows' tokens gathered in order.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Page index and row index of the opening row.
    pub page: usize,
    /// Range of the opening row's key text (code + title) in the repaired page text.
    pub range: Range<usize>,
    /// For items: the written code's range in the repaired text and its number.
    pub code_range: Option<Range<usize>>,
    pub written: Option<u32>,
    /// Number of an indicator or measure.
    pub number: u32,
    pub title: String,
    /// Status tokens of every row, page-tagged (ranges are per page).
    pub toks: Vec<(usize, Tok)>,
    /// Notes: text after the status marks.
    pub notes: Vec<String>,
    /// Cell count of the opening row, to recognise continuation rows.
    pub cells: usize,
    /// Index of the title cell in the opening row.
    pub title_cell: usize,
    /// The opening row is a line of text (plain OCR or layout text), not a table row.
    pub line_layout: bool,
    /// Layout text: the column where the status marks stand.
    pub status_col: Option<usize>,
}

#[derive(Debug, Default)]
pub struct Tables {
    pub items: Vec<Entity>,
    pub indicators: Vec<Entity>,
    pub measures: Vec<Entity>,
    /// Rows that belong to no table and carry no status: running text, for checks.
    pub text_rows: Vec<(usize, Range<usize>, String)>,
}

fn re_indicator() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"^\s*{}\s*(\d{{1,2}})(?:\s|$|[^\d.])",
            crate::vocab::alternation("indicator_word")
        ))
        .expect("valid regex")
    })
}

/// A text that starts with the indicator word ("ตัวชี้วัด...").
fn re_indicator_word() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!("^{}", crate::vocab::alternation("indicator_word")))
            .expect("valid regex")
    })
}

/// "3. การเปิดเผยข้อมูล ☑ ดำเนินการ": a numbered line that carries its own status.
fn re_numbered_line() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^\s*(\d{1,2})[.)]\s+\S").expect("valid regex"))
}

fn re_number_cell() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"^\s*(?:{}\s*)?(\d{{1,2}})\s*[.)]?\s*$",
            crate::vocab::alternation("measure_word")
        ))
        .expect("valid regex")
    })
}

/// A header row: two or more short cells that are header words.
fn header_kind(row: &Row) -> Option<TableKind> {
    // A row that opens an item or an indicator is data, whatever words it holds
    // ("ข้อมูลผู้บริหาร", a status label).
    let first = row
        .first_filled()
        .map(|i| row.cells[i].text())
        .unwrap_or_default();
    // A bare number leading it too ("2) | ข้อมูลผู้บริหาร | ... | ดำเนินการ": a title that
    // starts with a header word, beside a status label).
    if code_at_start(first.trim_start()).is_some()
        || weak_code_at_start(first.trim()).is_some()
        || re_indicator().is_match(&first)
    {
        return None;
    }
    let texts: Vec<String> = if row.cells.len() < 2 && !row.header {
        // A header written as one line of words ("ข้อ ข้อมูล องค์ประกอบ ผู้รับผิดชอบ").
        let text = row.cells.first().map(Cell::text).unwrap_or_default();
        let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
        if text.chars().count() > 120 || words.len() < 3 {
            return None;
        }
        words
    } else {
        row.cells.iter().map(Cell::text).collect()
    };
    if texts.len() < 2 {
        return None;
    }
    // Header words (data/vocab/header_words.tsv) and status labels heading status
    // columns count; strong header words must be among them: labels alone do not make a
    // header.
    let words: Vec<Option<&crate::vocab::HeaderWord>> =
        texts.iter().map(|t| crate::vocab::header_word(t)).collect();
    let hits = texts
        .iter()
        .zip(&words)
        .filter(|(t, w)| w.is_some() || crate::vocab::status_label_exact(t).is_some())
        .count();
    let needed = if row.cells.len() < 2 && !row.header {
        3.max(texts.len() * 2 / 3)
    } else {
        2
    };
    let column_words = words.iter().flatten().filter(|w| w.strong).count();
    if (hits < needed || column_words == 0) && !(row.header && hits >= 1) {
        return None;
    }
    if row
        .cells
        .iter()
        .flat_map(|c| &c.toks)
        .any(|t| matches!(t.kind, TokKind::Box(_)))
    {
        return None;
    }
    use crate::vocab::TableHint;
    let first = texts
        .iter()
        .zip(&words)
        .find(|(t, _)| !t.is_empty())
        .and_then(|(_, w)| *w);
    let any = |hint: TableHint| words.iter().flatten().any(|w| w.table == hint);
    Some(if first.is_some_and(|w| w.table == TableHint::Indicators) {
        TableKind::Indicators
    } else if any(TableHint::Items) {
        TableKind::Items
    } else if any(TableHint::Measures) {
        TableKind::Measures
    } else if any(TableHint::Indicators) {
        TableKind::Indicators
    } else {
        TableKind::Other
    })
}

/// The first text token of a cell (skipping breaks), trimmed, with its range.
fn first_text(cell: &Cell) -> Option<(&Tok, usize)> {
    cell.toks
        .iter()
        .enumerate()
        .find(|(_, t)| t.kind == TokKind::Text && !t.text.trim().is_empty())
        .map(|(i, t)| (t, i))
}

/// An item code at the start of `s`: (number, byte length). Codes led by "0"/"๐" need a
/// digit right after ("0๑๑", "๐๑๓"); "O"/"o" may be followed by a space or dot ("O 5").
pub fn code_at_start(s: &str) -> Option<(u32, usize)> {
    // A doubled lead ("0๐43", "O043" as OCR reads a ruling beside the O) counts once.
    let digit_run = |t: &str| {
        t.chars()
            .take_while(|c| c.is_ascii_digit() || normalize::ascii_digit(*c).is_some())
            .count()
    };
    let zero = |c: char| normalize::digit_value(c) == Some(0);
    let first = s.chars().next()?;
    if matches!(first, 'O' | 'o') || zero(first) {
        let rest = &s[first.len_utf8()..];
        if rest.starts_with(zero) && digit_run(rest) == 3 {
            let (n, len) = code_at_start(rest)?;
            return Some((n, len + first.len_utf8()));
        }
    }
    if zero(first) {
        let second = s[first.len_utf8()..].chars().next()?;
        if !(second.is_ascii_digit() || normalize::ascii_digit(second).is_some()) {
            return None;
        }
    }
    // "O0" alone: a code cut by a wrap whose last digits are on the next line or lost;
    // its number comes from the digits below, else from the sequence and the title.
    if matches!(first, 'O' | 'o') {
        let mut after = s[first.len_utf8()..].chars();
        if let (Some(z), next) = (after.next(), after.next()) {
            if zero(z) && next.is_none_or(char::is_whitespace) {
                return Some((0, first.len_utf8() + z.len_utf8()));
            }
        }
    }
    let (n, len) = normalize::parse_item_code(s)?;
    let rest = &s[len..];
    // The code must end there: not "0.5", "O1234", "Online".
    match rest.chars().next() {
        None => {}
        Some(c) if c.is_whitespace() || matches!(c, '.' | ')' | ':' | '-') => {
            if c == '.' && rest[1..].chars().next().is_some_and(|d| d.is_ascii_digit()) {
                return None;
            }
        }
        Some(c) if !c.is_ascii_alphanumeric() && normalize::ascii_digit(c).is_none() => {}
        _ => return None,
    }
    (1..=99).contains(&n).then_some((n, len))
}

/// An item number in the forms that carry no O: a code word ("ข้อ ๑", "ข้อที่ 5"),
/// "(๑)", "๑." / "๑)" (not a decimal or a sub-indicator number "9.1"), "OIT1", or a
/// bare number. Returns (number, byte length, strong): OIT-led codes are strong, the
/// others weak (they are codes only where the table or the title says so).
pub fn weak_code_at_start(s: &str) -> Option<(u32, usize, bool)> {
    let digits_at = |t: &str| -> Option<(u32, usize)> {
        let mut n = 0u32;
        let mut len = 0;
        for (count, c) in t
            .chars()
            .map_while(|c| normalize::digit_value(c).map(|d| (d, c)))
            .enumerate()
        {
            if count == 2 {
                return None;
            }
            n = n * 10 + c.0;
            len += c.1.len_utf8();
        }
        (len > 0 && (1..=99).contains(&n)).then_some((n, len))
    };
    // What may follow a code: the end, a space, or punctuation (not a digit, a letter or
    // a decimal part).
    let ends_ok = |rest: &str| match rest.chars().next() {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some('.') | Some(')') | Some(':') | Some('-') => {
            let after = rest[1..].chars().next();
            !after.is_some_and(|d| d.is_ascii_digit() || normalize::ascii_digit(d).is_some())
        }
        Some(c) => !c.is_alphanumeric() && normalize::ascii_digit(c).is_none(),
    };
    // "OIT1", "OIT 1", "OIT-1"
    if s.len() >= 4 && s.is_char_boundary(3) && s[..3].eq_ignore_ascii_case("oit") {
        let rest = &s[3..];
        let skip = rest.len() - rest.trim_start_matches([' ', '.', '-', ':']).len();
        if skip <= 2 {
            if let Some((n, len)) = digits_at(&rest[skip..]) {
                if ends_ok(&rest[skip + len..]) {
                    return Some((n, 3 + skip + len, true));
                }
            }
        }
        return None;
    }
    for w in crate::vocab::code_words() {
        if let Some(rest) = s.strip_prefix(w) {
            let skip = rest.len() - rest.trim_start_matches([' ', '.']).len();
            if let Some((n, len)) = digits_at(&rest[skip..]) {
                if ends_ok(&rest[skip + len..]) {
                    return Some((n, w.len() + skip + len, false));
                }
            }
            return None;
        }
    }
    if let Some(rest) = s.strip_prefix('(') {
        let skip = rest.len() - rest.trim_start().len();
        let (n, len) = digits_at(&rest[skip..])?;
        let after = &rest[skip + len..];
        let close = after.len() - after.trim_start().len();
        return after[close..]
            .starts_with(')')
            .then_some((n, 1 + skip + len + close + 1, false));
    }
    let (n, len) = digits_at(s)?;
    let rest = &s[len..];
    if !ends_ok(rest) {
        return None;
    }
    // "๑." and "๑)" take their mark with them.
    let mark = usize::from(rest.starts_with(['.', ')']));
    Some((n, len + mark, false))
}

/// A row that is only one digit (any script) in its first cell: the wrapped end of the
/// code above.
fn wrapped_code_digit(row: &Row) -> Option<u32> {
    let fc = row.first_filled()?;
    if fc != 0 || row.cells.iter().skip(1).any(|c| !c.is_blank()) {
        return None;
    }
    lone_digit(&row.cells[0].text())
}

/// A plain line that gives its title before its code ("โครงสร้าง 0๑ - X", "โครงสร้าง
/// หน้าที่และอำนาจ ๑)", "... ข้อที่ ๑"): the line's tokens with the code moved to the front,
/// each keeping its own byte range. Only where the words before the code are that item's
/// title in some OIT list, so a code-like word in running text stays where it is.
fn title_first(row: &Row) -> Option<Row> {
    if row.kind != RowKind::Plain || row.cells.len() != 1 {
        return None;
    }
    let cell = &row.cells[0];
    let (tok, ti) = first_text(cell)?;
    let text = tok.text.as_str();
    let lead = text.trim_start();
    if code_at_start(lead).is_some() || weak_code_at_start(lead).is_some() {
        return None;
    }
    let code_at = |t: &str| code_at_start(t).or_else(|| weak_code_at_start(t).map(|c| (c.0, c.1)));
    let (p, len) = text
        .char_indices()
        .filter(|(i, c)| !c.is_whitespace() && *i > 0 && text[..*i].ends_with(char::is_whitespace))
        .find_map(|(i, _)| {
            let (n, len) = code_at(&text[i..])?;
            // The code ends the line's words: only marks, dashes or a colon after it
            // (not "(อ้างอิงจาก ๐๔) เป็นต้น" in running text).
            let after = &text[i + len..];
            let wordy = after.split_whitespace().any(|w| {
                w.chars().any(char::is_alphanumeric)
                    && !crate::vocab::words("column_mark").contains(&w)
            });
            if wordy || text[..i].trim_end().ends_with('(') {
                return None;
            }
            fits_catalogue(&text[..i], Some(n)).then_some((i, len))
        })?;
    let start = tok.range.start;
    let mut toks = Vec::with_capacity(cell.toks.len() + 2);
    toks.extend(cell.toks[..ti].iter().cloned());
    toks.push(Tok {
        kind: TokKind::Text,
        text: text[p..p + len].to_string(),
        range: start + p..start + p + len,
    });
    toks.push(Tok {
        kind: TokKind::Text,
        text: text[..p].to_string(),
        range: start..start + p,
    });
    if p + len < text.len() {
        toks.push(Tok {
            kind: TokKind::Text,
            text: text[p + len..].to_string(),
            range: start + p + len..tok.range.end,
        });
    }
    toks.extend(cell.toks[ti + 1..].iter().cloned());
    let mut out = row.clone();
    out.cells[0].toks = toks;
    Some(out)
}

/// "1. การปฏิบัติหน้าที่": a number followed by the name of the indicator of that
/// number (data/catalogue indicators), however the line is indented.
fn named_indicator(text: &str) -> Option<u32> {
    let t = text.trim();
    let (n, len, _) = weak_code_at_start(t)?;
    let name = crate::vocab::catalogue::indicators().get((n as usize).checked_sub(1)?)?;
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    // A table ruling OCR read as "|" or ":" may stand between the number and the name.
    let rest = t[len..].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '|' | ':'));
    squash(rest).starts_with(&squash(name)).then_some(n)
}

/// The value of a text that is one digit of any script alone ("1", "๓").
fn lone_digit(text: &str) -> Option<u32> {
    let mut chars = text.trim().chars();
    let d = normalize::digit_value(chars.next()?)?;
    chars.next().is_none().then_some(d)
}

/// A header row of status labels only (two or more, one per cell, no boxes): the labels
/// of the status columns below.
fn label_header(row: &Row) -> Option<Vec<Option<StatusKind>>> {
    if row.cells.iter().any(Cell::has_box) {
        return None;
    }
    let mut labels = Vec::with_capacity(row.cells.len());
    let mut n = 0;
    for c in &row.cells {
        if c.is_blank() {
            labels.push(None);
            continue;
        }
        let l = crate::vocab::status_label_exact(&c.text())?;
        labels.push(Some(l.kind));
        n += 1;
    }
    if n < 2 {
        return None;
    }
    Some(labels)
}

/// The status labels of a header whose cells wrap onto the row below it, as a two-line
/// header cell is read line by line ("ดำเนินการ" over "แล้ว", "อยู่ระหว่าง" over
/// "ดำเนินการ", "ยังไม่ดำเนิน" over "การ"): each column's text joined with the text of
/// `row` in that column. `None` unless `row` is such a continuation: no box and no code,
/// text only in columns the header fills, and at least one joined column a status label
/// that the header cell alone was not. Rule strokes read as characters (`|`, `(`) at the
/// ends of a piece are left out of the join.
fn wrapped_header_labels(
    header: &Row,
    row: &Row,
    labels: &[Option<StatusKind>],
) -> Option<Vec<Option<StatusKind>>> {
    if row.cells.len() > header.cells.len() || row.cells.iter().any(Cell::has_box) {
        return None;
    }
    let first = row.cells[row.first_filled()?].text();
    if code_at_start(first.trim_start()).is_some() || weak_code_at_start(first.trim()).is_some() {
        return None;
    }
    let piece = |c: &Cell| {
        c.text()
            .trim_matches(|ch: char| ch.is_whitespace() || ch.is_ascii_punctuation())
            .to_string()
    };
    let mut out: Vec<Option<StatusKind>> = labels.to_vec();
    out.resize(header.cells.len(), None);
    let mut gained = 0;
    for (i, cell) in row.cells.iter().enumerate() {
        if cell.is_blank() {
            continue;
        }
        let top = piece(&header.cells[i]);
        if top.is_empty() {
            return None;
        }
        if let Some(l) = crate::vocab::status_label_exact(&format!("{top}{}", piece(cell))) {
            if out[i] != Some(l.kind) {
                gained += 1;
            }
            out[i] = Some(l.kind);
        }
    }
    (gained > 0).then_some(out)
}

/// An item code at the start of a cell's text, strong (O-led, zero-led, OIT-led) or weak.
fn cell_code(cell: &Cell) -> Option<(u32, usize, bool)> {
    let (tok, _) = first_text(cell)?;
    let s = tok.text.trim_start();
    code_at_start(s)
        .map(|(n, len)| (n, len, true))
        .or_else(|| weak_code_at_start(s))
}

/// Whether a cell holds its code and nothing else: one text token, all of it the code.
fn code_only(cell: &Cell, code: &(u32, usize, bool)) -> bool {
    let mut texts = cell
        .toks
        .iter()
        .filter(|t| t.kind == TokKind::Text && !t.text.trim().is_empty());
    // A colon or a dot after the code is still the code alone ("O๑ :").
    matches!((texts.next(), texts.next()), (Some(t), None)
    if t.text.trim().get(code.1..).is_some_and(|rest| {
        rest.chars().all(|c| c.is_whitespace() || matches!(c, ':' | '.' | ')'))
    }))
}

/// The code cell of a row and its code: among the cells at the row's start that hold
/// only a code (an ordinal column, a code column), an O-led code wins, else the last
/// (nearest the title); a cell with a code and text after it (a code written in the
/// title cell) ends the search.
fn code_cell(row: &Row, fc: usize, kind: TableKind) -> (usize, Option<(u32, usize, bool)>) {
    if kind == TableKind::Indicators && row.kind != RowKind::Html {
        // Numbers in an indicator table are indicators (unless an O says otherwise).
        // A bare number whose title is that item's title in an OIT list is an item all
        // the same: an item table headed "ตัวชี้วัด | หัวข้อ | สถานะ".
        let item_title = |c: &(u32, usize, bool)| {
            let text = row.cells[fc].text();
            let rest = text.trim_start().get(c.1..).unwrap_or("");
            let rest = if rest.trim().is_empty() {
                row.cells.get(fc + 1).map(Cell::text).unwrap_or_default()
            } else {
                rest.to_string()
            };
            fits_catalogue(&rest, Some(c.0))
        };
        return match row.cells.get(fc).and_then(cell_code) {
            Some(c) if c.2 || item_title(&c) => (fc, Some(c)),
            _ => (fc, None),
        };
    }
    let mut best: Option<(usize, (u32, usize, bool))> = None;
    for (i, cell) in row.cells.iter().enumerate().skip(fc) {
        if cell.is_blank() {
            continue;
        }
        let Some(code) = cell_code(cell) else {
            break;
        };
        let whole = code_only(cell, &code);
        match best {
            Some((_, b)) if b.2 && !code.2 => {}
            _ => best = Some((i, code)),
        }
        if !whole || row.kind == RowKind::Plain || row.kind == RowKind::Layout && i > fc + 1 {
            break;
        }
    }
    if best.is_none() && row.kind != RowKind::Plain && row.cells[fc].has_status() {
        // Status first, then the code (alone or leading its title): columns in
        // another order.
        for (i, cell) in row.cells.iter().enumerate().skip(fc + 1).take(2) {
            if cell.has_status() {
                continue;
            }
            // A bare number alone after a status cell is no code (a wrapped URL's "7").
            if let Some(code) = cell_code(cell).filter(|c| c.2 || !code_only(cell, c)) {
                return (i, Some(code));
            }
        }
    }
    if best.is_none()
        && matches!(
            row.kind,
            RowKind::Tsv | RowKind::Pipe | RowKind::Html | RowKind::Layout
        )
    {
        // Title first, then a cell holding only the code (columns in another order).
        for (i, cell) in row.cells.iter().enumerate().skip(fc + 1).take(2) {
            if let Some(code) = cell_code(cell) {
                if code_only(cell, &code)
                    && has_letters(&row.cells[fc].text())
                    && !row.cells[fc].has_status()
                {
                    return (i, Some(code));
                }
            }
        }
    }
    match best {
        Some((i, c)) => (i, Some(c)),
        None => (fc, None),
    }
}

/// Whether a written title reads as a title of some OIT list (of item `number` of the
/// list, where given): most of the catalogue title's letters are in it, or (for a title
/// cut by a wrap) most of its letters are in the catalogue title.
fn fits_catalogue(title: &str, number: Option<u32>) -> bool {
    let grams = super::catalogue::title_grams(title);
    if grams.len() < 3 {
        return false;
    }
    // An indicator's name ("การปฏิบัติหน้าที่") is not an item title.
    static INDICATORS: OnceLock<Vec<super::catalogue::Grams>> = OnceLock::new();
    let indicators = INDICATORS.get_or_init(|| {
        crate::vocab::catalogue::indicators()
            .iter()
            .map(|t| super::catalogue::title_grams(t))
            .filter(|g| !g.is_empty())
            .collect()
    });
    let indicator = indicators
        .iter()
        .any(|g| grams.iter().filter(|x| g.binary_search(x).is_ok()).count() * 5 >= g.len() * 4);
    if indicator && grams.len() < 16 {
        return false;
    }
    crate::vocab::catalogue::catalogues().iter().any(|cat| {
        let prep = super::catalogue::Prepared::of(cat);
        match number {
            Some(n) => prep.fit(&grams, n as usize) >= 0.6,
            None => (1..=cat.len()).any(|c| prep.fit(&grams, c) >= 0.6),
        }
    })
}

/// Status tokens and notes of a row, from its first cell with status marks on.
fn status_and_notes(row: &Row, from_cell: usize) -> (Vec<Tok>, Option<String>) {
    let start = row
        .cells
        .iter()
        .enumerate()
        .skip(from_cell)
        .find(|(_, c)| c.has_status())
        .map(|(i, _)| i);
    let Some(start) = start else {
        return (Vec::new(), None);
    };
    let mut toks = Vec::new();
    let mut notes_toks: Vec<&Tok> = Vec::new();
    for cell in &row.cells[start..] {
        toks.push(Tok {
            kind: TokKind::Break,
            text: String::new(),
            range: cell.range.start..cell.range.start,
        });
        let last_mark = cell
            .toks
            .iter()
            .rposition(|t| matches!(t.kind, TokKind::Box(_) | TokKind::Label(_)));
        for (i, t) in cell.toks.iter().enumerate() {
            toks.push(t.clone());
            if last_mark.is_none_or(|m| i > m) {
                notes_toks.push(t);
            }
        }
    }
    let notes = crate::layout::join_text(notes_toks.into_iter());
    (toks, Some(notes))
}

/// Read every page's rows into items, indicators and measures.
pub fn read_tables(pages: &[Page]) -> Tables {
    let mut t = Tables::default();
    let mut kind = TableKind::Other;
    #[derive(Clone, Copy, PartialEq)]
    enum Open {
        None,
        Item(usize),
        Indicator(usize),
        Measure(usize),
    }
    let mut pending: Option<(usize, Range<usize>, u32)> = None;
    let mut header_labels: Vec<Option<StatusKind>> = Vec::new();
    // The row whose cells `header_labels` stand over (their places, on a PDF or scan).
    let mut label_row: Option<&Row> = None;
    let mut header_cells = 0usize;
    let mut header_right = false;
    // The status labels of a header that names them in one cell, in order (a plain OCR
    // line "ข้อ ข้อมูล ดำเนินการ ยังไม่ได้ดำเนินการ"): the rows below give their marks in the
    // same order at the end of the line.
    let mut header_seq: Vec<StatusKind> = Vec::new();
    // The rows of a layout-text header, top to bottom: the header-word row and the rows
    // under it until the first data row (labels wrapped over two or three lines, under a
    // spanning "ผลการดำเนินการ"). Marks below are labelled by the column they stand in.
    let mut band: Vec<&Row> = Vec::new();
    let mut band_open = false;
    // The header row just read, while the row below may still continue its cells.
    let mut header_row: Option<&Row> = None;
    let mut open = Open::None;
    for (pi, page) in pages.iter().enumerate() {
        for row in &page.rows {
            if row.kind == RowKind::Blank {
                continue;
            }
            if band_open {
                let first = row
                    .first_filled()
                    .map(|i| row.cells[i].text())
                    .unwrap_or_default();
                if row.kind != RowKind::Layout
                    || row.cells.iter().any(Cell::has_box)
                    || code_at_start(first.trim_start()).is_some()
                    || weak_code_at_start(first.trim()).is_some()
                    || band.len() >= 5
                {
                    band_open = false;
                } else {
                    band.push(row);
                }
            }
            if let Some(labels) =
                header_row.and_then(|h| wrapped_header_labels(h, row, &header_labels))
            {
                header_labels = labels;
                label_row = header_row;
                header_row = None;
                continue;
            }
            header_row = None;
            if let Some(seq) = label_line(row) {
                // The second line of a plain header: the status labels alone, in order.
                header_seq = seq;
                continue;
            }
            if let Some(labels) = label_header(row) {
                // The second row of a two-row header: status labels under a spanning
                // "ผลการดำเนินการ". An HTML row that lost cells to the rowspans above
                // stands at the right of the rows below.
                header_right = row.kind == RowKind::Html && labels.len() < header_cells;
                header_labels = labels;
                label_row = Some(row);
                header_seq.clear();
                continue;
            }
            if let Some(k) = header_kind(row) {
                header_cells = row.cells.len();
                header_right = false;
                header_row = Some(row);
                kind = k;
                header_seq = label_sequence(row);
                band.clear();
                if row.kind == RowKind::Layout {
                    band.push(row);
                    band_open = true;
                }
                // Status columns headed by their labels ("ดำเนินการแล้ว | ยังไม่ได้ดำเนินการ"),
                // with bare boxes in the rows below.
                label_row = Some(row);
                header_labels = row
                    .cells
                    .iter()
                    .map(|c| {
                        c.toks.iter().find_map(|t| match t.kind {
                            TokKind::Label(d) => Some(d),
                            _ => None,
                        })
                    })
                    .collect();
                continue;
            }
            let labelled;
            let has_labels = row
                .cells
                .iter()
                .flat_map(|c| &c.toks)
                .any(|t| matches!(t.kind, TokKind::Label(_)));
            let row = if let Some(r) = (!has_labels)
                .then(|| label_tail_slots(row, &header_seq))
                .flatten()
                .or_else(|| {
                    (!has_labels && !band_open && row.kind == RowKind::Layout)
                        .then(|| label_layout_columns(row, &band))
                        .flatten()
                }) {
                labelled = r;
                &labelled
            } else if header_labels.iter().any(Option::is_some) && !has_labels {
                labelled = label_bare_boxes(row, &header_labels, header_right, label_row);
                &labelled
            } else {
                row
            };
            let reordered;
            let row = match title_first(row) {
                Some(r) => {
                    reordered = r;
                    &reordered
                }
                None => row,
            };
            let Some(fc) = row.first_filled() else {
                continue;
            };
            let first_cell = &row.cells[fc];
            let first_str = first_cell.text();
            // The digit of a code cut to "O0", alone on a line below it (after its status
            // lines, as OCR reads a vertically centred cell): the code's last digit, not a
            // code of its own.
            if let (Open::Item(i), Some(d)) = (open, wrapped_code_digit(row)) {
                let e = &mut t.items[i];
                if e.written == Some(0) && d > 0 {
                    e.written = Some(d);
                    e.number = d;
                    continue;
                }
            }
            // A code wrapped inside its cell of a layout table, with the rest of the row
            // going on beside it ("O1 | รายงานการกำกับ..." over "1 | ประจำปี รอบ 6 เดือน"):
            // a lone digit under a code written with an O or a leading zero ends that code.
            if let (Open::Item(i), RowKind::Layout) = (open, row.kind) {
                let lone = lone_digit(&first_str);
                let e = &t.items[i];
                // The code above was an O-led or zero-led one (a strong code).
                let strong_above = e.code_range.clone().is_some_and(|r| {
                    pages[e.page]
                        .rep
                        .text
                        .get(r)
                        .is_some_and(|c| code_at_start(c).is_some())
                });
                if let (Some(d), Some(w)) = (lone, e.written.filter(|w| *w < 10)) {
                    let code_beside = row
                        .cells
                        .iter()
                        .skip(fc + 1)
                        .any(|c| cell_code(c).is_some_and(|x| x.2));
                    if strong_above && row.cells.len() > fc + 1 && !code_beside {
                        let e = &mut t.items[i];
                        e.written = Some(w * 10 + d);
                        e.number = w * 10 + d;
                        let mut rest = row.clone();
                        rest.cells.remove(fc);
                        continue_entity(e, &rest, 0, pi);
                        continue;
                    }
                }
            }
            // A code alone on its line takes the next line as its title (plain OCR).
            if let Some((ppi, code_range, n)) = pending.take() {
                let title = first_str.trim().to_string();
                if has_letters(&title) && !row.has_status() && !is_heading(&title) {
                    let range = if ppi == pi {
                        code_range.start..row.range.end
                    } else {
                        code_range.clone()
                    };
                    t.items.push(Entity {
                        page: ppi,
                        range,
                        code_range: Some(code_range),
                        written: Some(n),
                        number: n,
                        title,
                        toks: Vec::new(),
                        notes: Vec::new(),
                        cells: 1,
                        title_cell: 0,
                        line_layout: true,
                        status_col: None,
                    });
                    open = Open::Item(t.items.len() - 1);
                    kind = TableKind::Items;
                    continue;
                }
            }
            // An OIT item row: a code at the start of the code cell (the first filled
            // cell, or, where several cells at the row's start hold only numbers, the
            // one that reads as a code: an O-led code over an ordinal, else the number
            // nearest the title).
            if kind == TableKind::Indicators && restarts_numbering(row, fc, &t.indicators) {
                // The numbers start again under an indicator table (1 after 10), on a
                // row with a status of its own: the next table's first rows, its header
                // unread (a scan's "ข้อมูล" read as "อมูล"). Such a table is an item table.
                kind = TableKind::Items;
                open = Open::None;
            }
            let row_fc = fc;
            let (cc, found) = code_cell(row, fc, kind);
            let code_cell = &row.cells[cc];
            if let (Some((tok, ti)), Some((n, len, strong))) = (first_text(code_cell), found) {
                let mut lead = tok.text.len() - tok.text.trim_start().len();
                let (mut n, mut len, mut strong) = (n, len, strong);
                // A running ordinal before the real code in one cell ("๑๑. ๐๑ โครงสร้าง"):
                // the O-led or zero-led code after the bare number is the code.
                if !strong {
                    let after = &tok.text[lead + len..];
                    let gap = after.len() - after.trim_start().len();
                    // A second bare number is the code when the title after it is that
                    // item's title and not the first number's ("๘ 8 Q&A" under ลำดับ |
                    // ข้อ | ข้อมูล).
                    let second = code_at_start(after.trim_start()).or_else(|| {
                        let t = after.trim_start();
                        weak_code_at_start(t)
                            .filter(|c| {
                                c.2 || (!fits_catalogue(t, Some(n))
                                    && fits_catalogue(&t[c.1..], Some(c.0)))
                            })
                            .map(|c| (c.0, c.1))
                    });
                    if let Some((n2, len2)) = second {
                        lead += len + gap;
                        (n, len, strong) = (n2, len2, true);
                    }
                }
                let s = &tok.text[lead..];
                let fc = cc;
                let first_cell = code_cell;
                {
                    let code_range = tok.range.start + lead..tok.range.start + lead + len;
                    // Title: the rest of the code cell, else the next filled cell.
                    let mut rest = Cell {
                        toks: Vec::new(),
                        range: code_range.end..first_cell.range.end,
                        col: first_cell.col,
                        bbox: first_cell.bbox,
                    };
                    let mut rest_tok = tok.clone();
                    rest_tok.text = s[len..].to_string();
                    rest_tok.range = code_range.end..tok.range.end;
                    rest.toks.push(rest_tok);
                    rest.toks.extend(first_cell.toks[ti + 1..].iter().cloned());
                    let mut title = title_of(&rest);
                    let mut title_cell = fc;
                    if title.is_empty() && cc > row_fc && has_letters(&title_of(&row.cells[row_fc]))
                    {
                        // The title stands before the code (columns in another order).
                        title = title_of(&row.cells[row_fc]);
                    } else if title.is_empty() {
                        // The next filled cell; a status cell before a cell of words
                        // is passed over (code | status | title columns).
                        let after = || row.cells.iter().enumerate().skip(fc + 1);
                        let next = after().find(|(_, c)| !c.is_blank());
                        let next = match next {
                            Some((_, c)) if c.has_status() => after()
                                .find(|(_, c)| !c.has_status() && has_letters(&title_of(c)))
                                .or(next),
                            other => other,
                        };
                        if let Some((i, c)) = next {
                            title = title_of(c);
                            title_cell = i;
                        } else if !row.has_status()
                            && (kind == TableKind::Items || !t.items.is_empty() || strong)
                        {
                            pending = Some((pi, code_range, n));
                            continue;
                        }
                    }
                    let plain_ok = row.kind != RowKind::Plain
                        || row.has_status()
                        || kind == TableKind::Items
                        || !t.items.is_empty()
                        || strong
                        || (kind == TableKind::Indicators && fits_catalogue(&title, Some(n)));
                    // A number without an O is a code only in an item table or beside
                    // a title from an OIT list.
                    // In an item table it must also go on the sequence of the codes
                    // above (a numbered list in a description starts again at 1).
                    let last = t.items.last().map(|e| e.number).unwrap_or(0);
                    let longest = crate::vocab::catalogue::catalogues()
                        .iter()
                        .map(|c| c.len() as u32)
                        .max()
                        .unwrap_or(0);
                    // Elsewhere the title must be the title of that number in some OIT
                    // list, or, on a row with a status, of any item: a numbered heading
                    // of an analysis report ("๑. รายงานสรุปผลการจัดซื้อจัดจ้าง") fits some
                    // title too. This holds under an indicator-like header as well ("ตัวชี้วัด
                    // | หัวข้อ | สถานะ" over item rows): the title decides, not the header.
                    let weak_ok = strong
                        || (n <= longest
                            && kind != TableKind::Measures
                            && ((kind == TableKind::Items
                                && n > last
                                && row.kind != RowKind::Plain
                                && row.has_status())
                                || fits_catalogue(&title, (!row.has_status()).then_some(n))));
                    // A code with ticks on its row is an item even when its title sits on
                    // the lines around it (OCR of a vertically centred code cell).
                    let titled =
                        has_letters(&title) || (row.has_status() && row.kind != RowKind::Plain);
                    let indicator_title = re_indicator().is_match(&title);
                    if titled
                        && plain_ok
                        && weak_ok
                        && !re_indicator_word().is_match(&first_str)
                        && (!indicator_title || strong)
                        && (strong || named_indicator(&first_str).is_none())
                        // A cut "O0" is an item only with a title from an OIT list (its
                        // number then comes from the digits below or that title).
                        && (n > 0 || fits_catalogue(&title, None))
                    {
                        let (toks, notes) = status_and_notes(row, title_cell + 1);
                        let (toks, notes) = if toks.is_empty() {
                            // Status marks inside the code or title cell (plain lines,
                            // unruled tables).
                            status_and_notes(row, fc)
                        } else {
                            (toks, notes)
                        };
                        let (toks, notes) = if toks.is_empty() && row_fc < fc {
                            // The status cell before the code (status | code and title).
                            status_and_notes(row, row_fc)
                        } else {
                            (toks, notes)
                        };
                        t.items.push(Entity {
                            page: pi,
                            range: code_range.start..row.range.end,
                            code_range: Some(code_range),
                            written: Some(n),
                            number: n,
                            title,
                            toks: toks.into_iter().map(|x| (pi, x)).collect(),
                            notes: notes.into_iter().collect(),
                            cells: row.cells.len(),
                            title_cell,
                            line_layout: matches!(row.kind, RowKind::Plain | RowKind::Layout),
                            status_col: status_col(row),
                        });
                        open = Open::Item(t.items.len() - 1);
                        kind = TableKind::Items;
                        continue;
                    }
                }
            }
            // An indicator row: "ตัวชี้วัดที่ N title", or "N" in an indicator table.
            let numbered_status_line = || {
                (row.has_status()
                    && matches!(row.kind, RowKind::Plain | RowKind::Layout)
                    && row.indent < 2
                    && kind != TableKind::Items)
                    .then(|| {
                        re_numbered_line()
                            .captures(&first_str)
                            .and_then(|c| c[1].parse::<u32>().ok())
                    })
                    .flatten()
            };
            // "9 | ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล": a number cell, then the indicator.
            let numbered_indicator_cell = || {
                let n: u32 = re_number_cell()
                    .captures(&first_str)
                    .and_then(|c| c[1].parse().ok())?;
                let next = row.cells.iter().skip(fc + 1).find(|c| !c.is_blank())?;
                let m: u32 = re_indicator()
                    .captures(&next.text())
                    .and_then(|c| c[1].parse().ok())?;
                (m == n).then_some(n)
            };
            let ind = re_indicator()
                .captures(&first_str)
                .and_then(|c| c[1].parse::<u32>().ok())
                .or_else(numbered_indicator_cell)
                .or_else(numbered_status_line)
                .or_else(|| named_indicator(&first_str))
                .or_else(|| {
                    // A bare number in the first column; an indented "1." is a list
                    // item inside the row above.
                    (kind == TableKind::Indicators && row.indent < 2 && fc == 0)
                        .then(|| {
                            re_number_cell()
                                .captures(&first_str)
                                .and_then(|c| c[1].parse().ok())
                        })
                        .flatten()
                })
                .filter(|n| (1..=10).contains(n));
            if let Some(n) = ind {
                let title = {
                    let stripped = strip_indicator_prefix(&title_of(first_cell));
                    if stripped.is_empty() {
                        row.cells
                            .iter()
                            .skip(fc + 1)
                            .find(|c| !c.is_blank())
                            .map(title_of)
                            .unwrap_or_default()
                    } else {
                        stripped
                    }
                };
                let (toks, notes) = status_and_notes(row, fc + 1);
                let (toks, notes) = if toks.is_empty() {
                    status_and_notes(row, fc)
                } else {
                    (toks, notes)
                };
                let existing = t.indicators.iter().position(|e| e.number == n);
                match existing {
                    // A repeated indicator row continues it (table split over pages).
                    Some(i) => {
                        let e = &mut t.indicators[i];
                        e.toks.push((pi, break_tok()));
                        e.toks.extend(toks.into_iter().map(|x| (pi, x)));
                        e.notes.extend(notes);
                        open = Open::Indicator(i);
                    }
                    None => {
                        t.indicators.push(Entity {
                            page: pi,
                            range: first_cell.range.clone(),
                            code_range: None,
                            written: None,
                            number: n,
                            title,
                            toks: toks.into_iter().map(|x| (pi, x)).collect(),
                            notes: notes.into_iter().collect(),
                            cells: row.cells.len(),
                            title_cell: fc,
                            line_layout: matches!(row.kind, RowKind::Plain | RowKind::Layout),
                            status_col: status_col(row),
                        });
                        open = Open::Indicator(t.indicators.len() - 1);
                    }
                }
                kind = TableKind::Indicators;
                continue;
            }
            // A measure row: "N." in a measures table.
            if kind == TableKind::Measures && row.cells.len() >= 2 {
                if let Some(n) = re_number_cell()
                    .captures(&first_str)
                    .and_then(|c| c[1].parse::<u32>().ok())
                {
                    let title = row
                        .cells
                        .iter()
                        .skip(fc + 1)
                        .find(|c| !c.is_blank())
                        .map(title_of)
                        .unwrap_or_default();
                    t.measures.push(Entity {
                        page: pi,
                        range: row.range.clone(),
                        code_range: None,
                        written: None,
                        number: n,
                        title,
                        toks: Vec::new(),
                        notes: Vec::new(),
                        cells: row.cells.len(),
                        title_cell: fc + 1,
                        line_layout: false,
                        status_col: None,
                    });
                    open = Open::Measure(t.measures.len() - 1);
                    continue;
                }
            }
            // A code wrapped inside its cell: the rest of its digits alone on the next
            // line ("O๑" then "๐" for O10).
            if let (Open::Item(i), Some(d)) = (open, wrapped_code_digit(row)) {
                let e = &mut t.items[i];
                if let Some(w) = e.written.filter(|w| *w < 10) {
                    e.written = Some(w * 10 + d);
                    e.number = w * 10 + d;
                    continue;
                }
            }
            // A continuation row, unless it is the next item with an unread code?
            let heading = is_heading(&first_str);
            // The item above: the open one, or in an item table the last one (a section
            // heading row between them closed it), or none yet under the table's header.
            let above = match open {
                Open::Item(i) => Some(Some(i)),
                Open::None if kind == TableKind::Items => Some(t.items.len().checked_sub(1)),
                _ => None,
            };
            if let (Some(i), false) = (above, heading) {
                if let Some(e) = unread_code_item(row, fc, i.map(|i| &t.items[i]), pi) {
                    t.items.push(e);
                    open = Open::Item(t.items.len() - 1);
                    continue;
                }
            }
            let target = match open {
                Open::Item(i) => Some(&mut t.items[i]),
                Open::Indicator(i) => Some(&mut t.indicators[i]),
                _ => None,
            };
            if !row.has_status() && matches!(row.kind, RowKind::Plain | RowKind::Layout) {
                t.text_rows.push((pi, row.range.clone(), row.text()));
            }
            if let Some(e) = target {
                if !heading && (row.has_status() || is_continuation(row, fc, e)) {
                    continue_entity(e, row, fc, pi);
                    continue;
                }
                // Running text under an entity of a text-only layout (one cell a line):
                // its notes once the status is read, else part of its body.
                if !heading && e.line_layout && row.kind == RowKind::Plain {
                    if e.toks
                        .iter()
                        .any(|(_, t)| matches!(t.kind, TokKind::Box(_)))
                    {
                        e.notes.push(first_str);
                    }
                    continue;
                }
            }
            if matches!(row.kind, RowKind::Plain) && !row.has_status() {
                open = Open::None;
            }
        }
    }
    t
}

fn break_tok() -> Tok {
    Tok {
        kind: TokKind::Break,
        text: String::new(),
        range: 0..0,
    }
}

/// The next item of an item table whose code did not read ("63", ">" or "OK" where a
/// scan had ๓): a table row under an item that has its status (or the first row under
/// the table's header, `above` None), with a short cell in the code's place, then a
/// title from an OIT list, then a status of its own. Its code then comes from the
/// sequence and the title alone (`written` is None; the cell before the title is kept as
/// written and the code is flagged `item_code_corrected`). None for any other row, which
/// may then continue the item above.
fn unread_code_item(row: &Row, fc: usize, above: Option<&Entity>, pi: usize) -> Option<Entity> {
    if matches!(row.kind, RowKind::Plain | RowKind::Blank) || !row.has_status() {
        return None;
    }
    let above_has_status = above.is_none_or(|e| {
        e.toks
            .iter()
            .any(|(_, t)| t.kind.is_real_box() || matches!(t.kind, TokKind::Label(_)))
    });
    // The title: the first filled cell without marks holding words, more than three
    // characters (a shorter one, "OK", is the misread code); the status stands after it.
    let (ti, cell) = row.cells.iter().enumerate().skip(fc).find(|(_, c)| {
        !c.is_blank()
            && !c.has_box()
            && !c.has_status()
            && has_letters(&title_of(c))
            && title_of(c).chars().count() > 3
    })?;
    let title = title_of(cell);
    if !fits_catalogue(&title, None) {
        return None;
    }
    // Under an item whose status did not read, the row may be that item's wrapped last
    // line: it is the next item only when its title is the title of one of the next two
    // numbers (the one after may have lost its own row, too).
    let next_title =
        || above.is_some_and(|e| (1..=2).any(|d| fits_catalogue(&title, Some(e.number + d))));
    if !above_has_status && !next_title() {
        return None;
    }
    let (toks, notes) = status_and_notes(row, ti + 1);
    if toks.is_empty() {
        return None;
    }
    // The row has the shape of an item row: a short cell where the code stands, then
    // the title. A title fragment alone, in the first column or after an empty one, is
    // the wrapped title of the item above.
    let code_cell = row.cells[fc..ti].iter().find(|c| !c.is_blank())?;
    if code_cell.text().trim().chars().count() > 6 {
        return None;
    }
    Some(Entity {
        page: pi,
        range: code_cell.range.start..row.range.end,
        code_range: Some(code_cell.range.clone()),
        written: None,
        number: above.map_or(1, |e| e.number + 1),
        title,
        toks: toks.into_iter().map(|x| (pi, x)).collect(),
        notes: notes.into_iter().collect(),
        cells: row.cells.len(),
        title_cell: ti,
        line_layout: matches!(row.kind, RowKind::Layout),
        status_col: status_col(row),
    })
}

/// Whether `row` continues the open entity `e`.
fn is_continuation(row: &Row, fc: usize, e: &Entity) -> bool {
    let has_open_status = e
        .toks
        .iter()
        .any(|(_, t)| t.kind.is_real_box() || matches!(t.kind, TokKind::Label(_)));
    match row.kind {
        RowKind::Tsv | RowKind::Pipe | RowKind::Html => {
            fc > 0 || row.cells.len() < e.cells || (row.has_status() && !has_open_status)
        }
        RowKind::Layout => {
            row.indent >= 2
                || row.cells.first().is_some_and(|c| c.col > 0)
                || (row.has_status() && !has_open_status)
        }
        RowKind::Plain => row.has_status() && !has_open_status || row.indent >= 2,
        RowKind::Blank => false,
    }
}

/// A row of an indicator table whose bare number starts the numbering again: the row
/// has a status of its own, an indicator of that number was read already with a status,
/// and a higher one follows it (an item table's "1", "2" under indicators 1-10).
fn restarts_numbering(row: &Row, fc: usize, indicators: &[Entity]) -> bool {
    if row.indent >= 2 || !row.has_status() {
        return false;
    }
    let Some(n) = re_number_cell()
        .captures(&row.cells[fc].text())
        .and_then(|c| c[1].parse::<u32>().ok())
    else {
        return false;
    };
    let seen = |e: &&Entity| e.number == n && e.toks.iter().any(|(_, t)| t.kind.is_mark());
    let highest = indicators.iter().map(|e| e.number).max().unwrap_or(0);
    highest > n && indicators.iter().any(|e| seen(&e))
}

/// Merge a continuation row into an entity: its status marks and notes, and a short
/// title fragment where the title column continues.
fn continue_entity(e: &mut Entity, row: &Row, fc: usize, pi: usize) {
    // Title continuation: the cell under the title column (or the first cell of a row
    // that lost its empty code cell), when it is short and not a bullet of description.
    let under_status = row.kind == RowKind::Layout
        && e.status_col
            .zip(row.cells.first())
            .is_some_and(|(sc, c)| c.col + 3 >= sc);
    let title_idx = if under_status {
        None
    } else if fc == 0 && row.cells.len() < e.cells {
        Some(0)
    } else if row.kind == RowKind::Layout {
        None
    } else {
        Some(e.title_cell)
    };
    if let Some(i) = title_idx {
        if let Some(c) = row.cells.get(i) {
            if !c.has_status() && e.title_cell < e.cells {
                let s = title_of(c);
                let short = s.chars().count() <= 60;
                if short
                    && !s.is_empty()
                    && !s.starts_with('-')
                    && (i == 0 || i == e.title_cell)
                    && has_letters(&s)
                {
                    e.title.push(' ');
                    e.title.push_str(&s);
                }
            }
        }
    }
    join_wrapped_label(e, row);
    let (toks, notes) = status_and_notes(row, 0);
    if !toks.is_empty() {
        e.toks.push((pi, break_tok()));
        e.toks.extend(toks.into_iter().map(|x| (pi, x)));
        if row.kind == RowKind::Layout {
            e.status_col = e.status_col.or(status_col(row));
        }
    } else if let (RowKind::Layout, Some(sc)) = (row.kind, e.status_col) {
        // Layout text: wrapped lines of the status column are notes.
        let text = row
            .cells
            .iter()
            .filter(|c| c.col + 3 >= sc)
            .map(Cell::text)
            .collect::<Vec<_>>()
            .join(" ");
        if !text.is_empty() {
            e.notes.push(text);
        }
    }
    e.notes.extend(notes);
}

/// A label wrapped in its status cell of layout text ("ได้ดำเนิน" over "การ"): the first
/// word of `row` under the entity's status column ends the text after its last box.
fn join_wrapped_label(e: &mut Entity, row: &Row) {
    let (RowKind::Layout, Some(sc)) = (row.kind, e.status_col) else {
        return;
    };
    let head = row
        .cells
        .iter()
        .find(|c| c.col + 3 >= sc)
        .map(Cell::text)
        .unwrap_or_default();
    let Some(head) = head.split_whitespace().next() else {
        return;
    };
    let Some(b) = e
        .toks
        .iter()
        .rposition(|(_, t)| matches!(t.kind, TokKind::Box(_)))
    else {
        return;
    };
    if let Some((_, t)) = e.toks[b + 1..]
        .iter_mut()
        .find(|(_, t)| t.kind != TokKind::Break && !t.text.trim().is_empty())
    {
        if t.kind == TokKind::Text {
            let joined = format!("{}{head}", t.text.trim());
            if let Some(l) = crate::vocab::status_label_exact(&joined) {
                t.kind = TokKind::Label(l.kind);
            }
        }
    }
}

/// A row whose boxes stand bare in status columns: each box gets its column's label
/// from the header row, as if written beside it.
///
/// A mark typed alone in such a cell ("x", "/": `column_mark` in `data/vocab/words.tsv`)
/// is a tick. With `right`, the labels stand over the last columns of the row.
///
/// On a PDF or a scan, where the cells and the header's cells have their places
/// (`header`, the row the labels stand over), a mark takes the label whose header cell
/// stands over it: OCR noise of the rulings read as cells of their own shifts the cells'
/// order, not their places.
fn label_bare_boxes(
    row: &Row,
    labels: &[Option<StatusKind>],
    right: bool,
    header: Option<&Row>,
) -> Row {
    let mut out = row.clone();
    let offset = if right {
        row.cells.len().saturating_sub(labels.len())
    } else {
        0
    };
    // The labelled header cells' x ranges, when every one of them has its place.
    let placed: Option<Vec<(f64, f64, StatusKind)>> = header.and_then(|h| {
        labels
            .iter()
            .enumerate()
            .filter_map(|(j, l)| l.map(|l| (j, l)))
            .map(|(j, l)| {
                let b = h.cells.get(j)?.bbox?;
                Some((b.0[0], b.0[2], l))
            })
            .collect()
    });
    // Some(label) for a cell under the status columns, Some(None) for a cell elsewhere,
    // None where the places are not known.
    let label_over = |cell: &Cell| -> Option<Option<StatusKind>> {
        let placed = placed.as_ref().filter(|p| !p.is_empty())?;
        let b = cell.bbox?;
        let x = (b.0[0] + b.0[2]) / 2.0;
        let lo = placed.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
        let hi = placed.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
        if !(lo..=hi).contains(&x) {
            return Some(None);
        }
        let best = placed
            .iter()
            .min_by(|a, c| {
                let d = |p: &(f64, f64, StatusKind)| {
                    if (p.0..=p.1).contains(&x) {
                        0.0
                    } else {
                        (p.0 - x).abs().min((p.1 - x).abs())
                    }
                };
                d(a).total_cmp(&d(c))
            })
            .map(|p| p.2);
        Some(best)
    };
    for (i, cell) in out.cells.iter_mut().enumerate() {
        let by_index = || i.checked_sub(offset).and_then(|j| labels.get(j)).copied();
        let Some(done) = label_over(cell).unwrap_or_else(|| by_index().flatten()) else {
            continue;
        };
        let done = &done;
        if !cell.has_box() {
            if let Some(t) = typed_column_mark(cell) {
                cell.toks = vec![t];
            }
        }
        let mut toks = Vec::with_capacity(cell.toks.len() + 1);
        for t in cell.toks.drain(..) {
            let is_box = matches!(t.kind, TokKind::Box(_));
            let end = t.range.end;
            toks.push(t);
            if is_box {
                toks.push(Tok {
                    kind: TokKind::Label(*done),
                    text: String::new(),
                    range: end..end,
                });
            }
        }
        cell.toks = toks;
    }
    out
}

/// The status labels of a header row in order, when one of its cells names two or more
/// of them (the header is one line of text, not one cell per column); else empty.
fn label_sequence(row: &Row) -> Vec<StatusKind> {
    let per_cell = |c: &Cell| {
        c.toks
            .iter()
            .filter_map(|t| match t.kind {
                TokKind::Label(d) => Some(d),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    if !row.cells.iter().any(|c| per_cell(c).len() >= 2) {
        return Vec::new();
    }
    row.cells.iter().flat_map(per_cell).collect()
}

/// A one-cell line that holds two or more status labels and nothing else ("ดำเนินการ
/// อยู่ระหว่างดำเนินการ ยังไม่ดำเนินการ" under "ข้อ ข้อมูล ผลการดำเนินการ"): the labels in order.
fn label_line(row: &Row) -> Option<Vec<StatusKind>> {
    if row.cells.iter().filter(|c| !c.is_blank()).count() != 1 {
        return None;
    }
    let cell = &row.cells[row.first_filled()?];
    let mut labels = Vec::new();
    let mut only_labels = true;
    for t in &cell.toks {
        match t.kind {
            TokKind::Label(k) => labels.push(k),
            TokKind::Text if t.text.trim().is_empty() => {}
            TokKind::Break => {}
            TokKind::Text => only_labels = false,
            TokKind::Box(_) => return None,
        }
    }
    if only_labels && labels.len() >= 2 {
        return Some(labels);
    }
    // Short labels that only count standing alone ("มี ไม่มี"): every word a label.
    let words: Vec<StatusKind> = cell
        .text()
        .split_whitespace()
        .map(|w| crate::vocab::status_label_exact(w).map(|l| l.kind))
        .collect::<Option<_>>()?;
    (words.len() >= 2).then_some(words)
}

/// A row whose status marks stand at the end of its text, one per status column of a
/// header that named the columns in one line (`labels`, in order): "๐๓ อำนาจหน้าที่ ✔ -".
/// The marks are the last run of boxes, typed marks (`column_mark`) and empty-column
/// placeholders (`column_empty`) in the row's last filled cell; a run as long as `labels`
/// that holds a box pairs its i-th slot with the i-th label. `None` when there is no
/// such run.
fn label_tail_slots(row: &Row, labels: &[StatusKind]) -> Option<Row> {
    if labels.len() < 2 {
        return None;
    }
    let ci = row.cells.iter().rposition(|c| !c.is_blank())?;
    let cell = &row.cells[ci];
    #[derive(Clone, Copy, PartialEq)]
    enum W {
        Box,
        Mark,
        Empty,
        Other,
    }
    // Words of the cell: (token index, byte range in the token's text, kind).
    let mut words: Vec<(usize, Range<usize>, W)> = Vec::new();
    for (ti, t) in cell.toks.iter().enumerate() {
        match t.kind {
            TokKind::Box(_) => words.push((ti, 0..0, W::Box)),
            TokKind::Text => {
                let mut at = 0;
                for w in t.text.split_whitespace() {
                    let start = at + t.text[at..].find(w).unwrap_or(0);
                    at = start + w.len();
                    let kind = if crate::vocab::words("column_mark").contains(&w) {
                        W::Mark
                    } else if crate::vocab::words("column_empty").contains(&w) {
                        W::Empty
                    } else {
                        W::Other
                    };
                    words.push((ti, start..at, kind));
                }
            }
            TokKind::Break => {}
            TokKind::Label(_) => words.push((ti, 0..0, W::Other)),
        }
    }
    // The last run of slots as long as the labels.
    let mut end = words.len();
    let run = loop {
        while end > 0 && words[end - 1].2 == W::Other {
            end -= 1;
        }
        if end == 0 {
            return None;
        }
        let mut start = end;
        while start > 0 && words[start - 1].2 != W::Other {
            start -= 1;
        }
        if end - start == labels.len()
            && words[start..end]
                .iter()
                .any(|w| matches!(w.2, W::Box | W::Mark))
        {
            break start..end;
        }
        end = start;
    };
    let slots = &words[run];
    let mut toks = Vec::with_capacity(cell.toks.len() + 2 * labels.len());
    for (ti, t) in cell.toks.iter().enumerate() {
        // (slot index, byte range in the token's text) of the marks in this token.
        let mine: Vec<(usize, Range<usize>)> = slots
            .iter()
            .enumerate()
            .filter(|(_, s)| s.0 == ti && matches!(s.2, W::Box | W::Mark))
            .map(|(i, s)| (i, s.1.clone()))
            .collect();
        if mine.is_empty() {
            toks.push(t.clone());
            continue;
        }
        let label = |i: usize, at: usize| Tok {
            kind: TokKind::Label(labels[i]),
            text: String::new(),
            range: at..at,
        };
        if let TokKind::Box(_) = t.kind {
            toks.push(t.clone());
            toks.push(label(mine[0].0, t.range.end));
            continue;
        }
        // Typed marks inside a text token: split it around them.
        let mut at = 0;
        for (i, r) in mine {
            if r.start > at {
                toks.push(Tok {
                    kind: TokKind::Text,
                    text: t.text[at..r.start].to_string(),
                    range: t.range.start + at..t.range.start + r.start,
                });
            }
            let range = t.range.start + r.start..t.range.start + r.end;
            toks.push(Tok {
                kind: TokKind::Box(crate::layout::Checkbox::new(
                    crate::layout::BoxState::Checked,
                    crate::layout::BoxMethod::Typed,
                )),
                text: String::new(),
                range: range.clone(),
            });
            toks.push(label(i, range.end));
            at = r.end;
        }
        if at < t.text.len() {
            toks.push(Tok {
                kind: TokKind::Text,
                text: t.text[at..].to_string(),
                range: t.range.start + at..t.range.end,
            });
        }
    }
    let mut out = row.clone();
    out.cells[ci].toks = toks;
    Some(out)
}

/// The status label of the layout column at display column `x`: the header band's
/// cells over `x` (one per band row, the nearest), top to bottom; the longest run of
/// them that joins into a status label ("ยังไม่ได้ดำเนิน" + "การ"; "อยู่ระหว่าง" +
/// "ดำเนินการ" under a spanning "ผลการดำเนินการ").
fn column_label(band: &[&Row], x: usize) -> Option<StatusKind> {
    let mut parts: Vec<String> = Vec::new();
    for r in band {
        let over = r
            .cells
            .iter()
            .filter(|c| !c.is_blank())
            .filter_map(|c| {
                let text = c.text();
                let w = crate::vocab::chars::display_width(&text).max(1);
                (c.col <= x + 2 && x < c.col + w + 2)
                    .then(|| ((2 * c.col + w).abs_diff(2 * x), text))
            })
            .min_by_key(|(d, _)| *d);
        if let Some((_, text)) = over {
            parts.push(text);
        }
    }
    for len in (1..=parts.len()).rev() {
        for i in 0..=parts.len() - len {
            let joined: String = parts[i..i + len].concat();
            if let Some(l) = crate::vocab::status_label_exact(&joined) {
                return Some(l.kind);
            }
        }
    }
    None
}

/// A layout row whose marks stand alone in status columns headed, in the band above, by
/// their labels (wrapped or under a spanning header): each mark cell gets the label of
/// its column. `None` unless at least one mark found its label.
fn label_layout_columns(row: &Row, band: &[&Row]) -> Option<Row> {
    if band.is_empty() {
        return None;
    }
    let mut out = row.clone();
    let mut found = 0;
    for cell in out.cells.iter_mut() {
        if !cell.has_box() {
            match typed_column_mark(cell) {
                Some(t) => cell.toks = vec![t],
                None => continue,
            }
        }
        let marks: Vec<usize> = cell
            .toks
            .iter()
            .enumerate()
            .filter(|(_, t)| matches!(t.kind, TokKind::Box(_)))
            .map(|(i, _)| i)
            .collect();
        if marks.len() != 1 || has_letters(&cell.text()) {
            continue;
        }
        let x = cell.col + crate::vocab::chars::display_width(&cell.text()).max(1) / 2;
        let Some(kind) = column_label(band, x) else {
            continue;
        };
        let end = cell.toks[marks[0]].range.end;
        cell.toks.insert(
            marks[0] + 1,
            Tok {
                kind: TokKind::Label(kind),
                text: String::new(),
                range: end..end,
            },
        );
        found += 1;
    }
    (found > 0).then_some(out)
}

/// A cell that holds only a typed mark, as a ticked typed box over the mark's text.
fn typed_column_mark(cell: &Cell) -> Option<Tok> {
    let mut texts = cell
        .toks
        .iter()
        .filter(|t| t.kind != TokKind::Break && !t.text.trim().is_empty());
    let t = texts.next()?;
    if texts.next().is_some() || t.kind != TokKind::Text {
        return None;
    }
    let mark = t.text.trim();
    let is_mark = |list| crate::vocab::words(list).contains(&mark);
    (is_mark("column_mark") || is_mark("column_mark_cell")).then(|| {
        let lead = t.text.len() - t.text.trim_start().len();
        let start = t.range.start + lead;
        Tok {
            kind: TokKind::Box(crate::layout::Checkbox::new(
                crate::layout::BoxState::Checked,
                crate::layout::BoxMethod::Typed,
            )),
            text: String::new(),
            range: start..start + mark.len(),
        }
    })
}

/// Column of the first cell with status marks, for layout rows.
fn status_col(row: &Row) -> Option<usize> {
    if row.kind != RowKind::Layout {
        return None;
    }
    row.cells.iter().find(|c| c.has_status()).map(|c| c.col)
}

/// A heading that ends the table above it ("ตัวชี้วัดย่อยที่ 9.2", "**บทที่ 3**").
fn is_heading(s: &str) -> bool {
    let s = s.trim_start_matches(['*', '#', ' ']);
    crate::vocab::words("section_heading")
        .iter()
        .any(|h| s.starts_with(h))
}

fn title_of(c: &Cell) -> String {
    c.first_paragraph()
        // Table rulings read as "|", "(" or "'" by OCR are not part of a title.
        .trim_matches(|ch: char| {
            ch.is_whitespace() || matches!(ch, '-' | ':' | '|' | '(' | ')' | '\'' | ',' | '.' | '"')
        })
        .to_string()
}

fn has_letters(s: &str) -> bool {
    s.chars()
        .filter(|&c| super::checks::is_letter(c))
        .take(2)
        .count()
        >= 2
}

fn strip_indicator_prefix(s: &str) -> String {
    let m = re_indicator()
        .captures(s)
        .and_then(|c| c.get(1))
        .or_else(|| re_numbered_line().captures(s).and_then(|c| c.get(1)));
    match m {
        Some(m) => s[m.end()..]
            .trim_start_matches(['.', ')'])
            .trim()
            .to_string(),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of OCR text whose words have boxes: each TAB-separated cell is one word
    /// spanning the x range given for it.
    fn placed_page(lines: &[&[(&str, f64, f64)]]) -> Page {
        let mut text = String::new();
        let mut boxes = Vec::new();
        for (li, cells) in lines.iter().enumerate() {
            let y = 700.0 - 20.0 * li as f64;
            for (ci, (word, x0, x1)) in cells.iter().enumerate() {
                if ci > 0 {
                    text.push('\t');
                }
                let start = text.len();
                text.push_str(word);
                boxes.push((
                    start..text.len(),
                    crate::source::BBox([*x0, y, *x1, y + 10.0]),
                ));
            }
            text.push('\n');
        }
        let mut raw = crate::source::PageText::new(1, text);
        raw.boxes = boxes;
        crate::layout::text::page(raw)
    }

    #[test]
    fn marks_take_the_label_of_the_header_cell_over_them() {
        let page = placed_page(&[
            &[
                ("ข้อ", 10.0, 20.0),
                ("ข้อมูล", 40.0, 80.0),
                ("ดำเนินการแล้ว", 300.0, 360.0),
                ("ยังไม่ดำเนินการ", 400.0, 460.0),
            ],
            // The mark under ยังไม่ดำเนินการ, in the third cell of its row.
            &[
                ("๐๑", 10.0, 20.0),
                ("โครงสร้าง", 40.0, 90.0),
                ("/", 420.0, 425.0),
            ],
            // Ruling noise read as a cell of its own before the title; the mark under
            // ดำเนินการแล้ว, in the fourth cell.
            &[
                ("๐๒", 10.0, 20.0),
                ("=", 30.0, 32.0),
                ("ข้อมูลผู้บริหาร", 40.0, 120.0),
                ("/", 320.0, 325.0),
            ],
            // A tick that OCR read as "v".
            &[
                ("๐๓", 10.0, 20.0),
                ("อำนาจหน้าที่", 40.0, 100.0),
                ("v", 322.0, 328.0),
            ],
        ]);
        assert!(page.rows[1].cells.iter().all(|c| c.bbox.is_some()));
        let t = read_tables(std::slice::from_ref(&page));
        let got: Vec<(u32, crate::model::ItemStatus)> = t
            .items
            .iter()
            .map(|e| {
                let toks: Vec<&Tok> = e.toks.iter().map(|(_, t)| t).collect();
                (
                    e.number,
                    super::super::status::read_status(&toks, true).status,
                )
            })
            .collect();
        use crate::model::ItemStatus::{Done, NotDone};
        assert_eq!(got, [(1, NotDone), (2, Done), (3, Done)]);
    }

    #[test]
    fn numbered_indicator_names() {
        let first = crate::vocab::catalogue::indicators()[0];
        // A ruling OCR read as "|" between the number and the name.
        for text in [
            format!("1 {first}"),
            format!("1 |{first}"),
            format!("๑ : {first}"),
        ] {
            assert_eq!(named_indicator(&text), Some(1), "{text}");
        }
        assert_eq!(named_indicator(&format!("2 |{first}")), None);
    }

    #[test]
    fn item_codes_at_start() {
        let cases: &[(&str, Option<u32>)] = &[
            ("O๒๖", Some(26)),
            ("0๑๑", Some(11)),
            ("๐๑๓", Some(13)),
            ("o๑", Some(1)),
            ("O 5 ข้อมูล", Some(5)),
            ("๐๙๙", Some(99)),
            ("O๓๘ รายงานผล", Some(38)),
            ("Online", None),
            ("OIT", None),
            ("0.5 คะแนน", None),
            ("๐", None),
            ("2566", None),
            ("0๐43", Some(43)),
            ("O043", Some(43)),
        ];
        for (s, want) in cases {
            assert_eq!(code_at_start(s).map(|c| c.0), *want, "{s}");
        }
    }
}
