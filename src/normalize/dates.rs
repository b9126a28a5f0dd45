//! Thai (and English) dates in text -> ISO 8601 Gregorian dates.
//!
//! Accepted: day, month, year in any digits; month names full ("กุมภาพันธ์"), short
//! ("กุมภา") or abbreviated with or without dots and spaces ("ก.พ.", "ก.พ", "ก. พ.", "กพ");
//! an optional era ("พ.ศ.", "พ.ศ", "พศ", "ค.ศ.", "B.E.", "A.D.", "ปี") with or without a
//! space ("พ.ศ.๒๕๖๖"); numeric dates "d/m/yyyy", "d-m-yyyy", "d.m.yyyy"; English months
//! ("15 January 2023", "January 15, 2023"). Years: 4-digit years above 2300 are Buddhist Era
//! (minus 543), others Common Era; 2-digit years are BE 25yy (CE 20yy after "ค.ศ." or with
//! an English month), as PyThaiNLP's `thai_strptime` reads them. Day and month are
//! validated (leap years included). Ranges: "๑ ต.ค. ๖๕ - ๓๑ มี.ค. ๖๖", "๑ - ๓๑ ต.ค. ๒๕๖๕",
//! "๑ ต.ค. - ๓๑ ธ.ค. ๖๕", with "-", "–", "ถึง", "ถึงวันที่", "จนถึง", "to", and the OCR form
//! with the dash lost ("๑ ต.ค ๖๕๓๑ มี.ค ๖๖"); ranges of whole months ("ต.ค. ๖๕ - มี.ค. ๖๖"
//! -> 2022-10-01 .. 2023-03-31). Times of day between month and year are skipped
//! ("6 ต.ค. 01:40:00 2519", as `thai_strftime("%c")` writes it); "2566-02-08" reads too.

use super::digits::digit_value;
use std::ops::Range;
use std::sync::OnceLock;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Era {
    Be,
    Ce,
}

/// A cursor over the searched text.
#[derive(Debug, Clone, Copy)]
struct Cur<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cur<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn prev(&self) -> Option<char> {
        self.s[..self.pos].chars().next_back()
    }

    fn eat(&mut self, lit: &str) -> bool {
        if self.rest().starts_with(lit) {
            self.pos += lit.len();
            true
        } else {
            false
        }
    }

    fn eat_ci(&mut self, lit: &str) -> bool {
        let r = self.rest();
        if r.len() >= lit.len()
            && r.is_char_boundary(lit.len())
            && r[..lit.len()].eq_ignore_ascii_case(lit)
        {
            self.pos += lit.len();
            true
        } else {
            false
        }
    }

    /// Spaces (and no-break spaces); returns how many bytes were skipped.
    fn ws(&mut self) -> usize {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c == ' ' || c == '\u{00A0}' || c == '\t' {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
        self.pos - start
    }

    /// A run of digits (any script): value and digit count (count > 4 means "too long").
    fn num(&mut self) -> Option<(u32, usize, usize)> {
        let start = self.pos;
        let mut v: u32 = 0;
        let mut n = 0;
        while let Some(c) = self.peek() {
            let Some(d) = digit_value(c) else { break };
            v = v.saturating_mul(10).saturating_add(d);
            n += 1;
            self.pos += c.len_utf8();
        }
        (n > 0).then_some((v, n, start))
    }

    /// A month name; `english` tells whether it was an English one.
    fn month(&mut self) -> Option<(u32, bool)> {
        let save = self.pos;
        let months = crate::vocab::months();
        // Most places start no month name: the first character tells (every position of a
        // Thai word after a number comes here). None when some name is empty.
        static FIRSTS: OnceLock<Option<Vec<char>>> = OnceLock::new();
        let firsts = FIRSTS.get_or_init(|| {
            let mut v = Vec::new();
            for m in months {
                for w in [m.full, m.short, m.abbr.0] {
                    v.push(w.chars().next()?);
                }
            }
            v.sort_unstable();
            v.dedup();
            Some(v)
        });
        if let (Some(firsts), Some(c)) = (firsts, self.peek()) {
            if !c.is_ascii_alphabetic() && firsts.binary_search(&c).is_err() {
                return None;
            }
        }
        for (i, m) in months.iter().enumerate() {
            if self.eat(m.full) {
                return Some((i as u32 + 1, false));
            }
        }
        for (i, m) in months.iter().enumerate() {
            if self.eat(m.short) {
                return Some((i as u32 + 1, false));
            }
        }
        // Abbreviations: longer first parts first ("มี" before "ม").
        static ORDER: OnceLock<Vec<usize>> = OnceLock::new();
        let order = ORDER.get_or_init(|| {
            let mut order: Vec<usize> = (0..months.len()).collect();
            order.sort_by_key(|&i| std::cmp::Reverse(months[i].abbr.0.len()));
            order
        });
        for &i in order {
            let (a, b) = months[i].abbr;
            self.pos = save;
            if !self.eat(a) {
                continue;
            }
            let dot1 = self.eat(".");
            if dot1 {
                self.ws();
            }
            if !self.eat(b) {
                continue;
            }
            let dot2 = self.eat(".");
            // Without a final dot the abbreviation must not run into more Thai letters.
            if !dot2 && self.peek().is_some_and(crate::vocab::chars::is_thai_letter) {
                continue;
            }
            if !dot1
                && !dot2
                && self
                    .peek()
                    .is_some_and(|c| c.is_alphanumeric() && digit_value(c).is_none())
            {
                continue;
            }
            return Some((i as u32 + 1, false));
        }
        self.pos = save;
        for (i, m) in months.iter().enumerate() {
            if self.eat_ci(m.english) {
                if !self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                    return Some((i as u32 + 1, true));
                }
                self.pos = save;
            }
            if self.eat_ci(&m.english[..3]) {
                if self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                    self.pos = save;
                    continue;
                }
                self.eat(".");
                return Some((i as u32 + 1, true));
            }
        }
        self.pos = save;
        None
    }

    /// An era marker (with optional spaces inside).
    fn era(&mut self) -> Option<Era> {
        let save = self.pos;
        let mut words: Vec<(&str, Era)> = crate::vocab::words("era_be")
            .iter()
            .map(|w| (*w, Era::Be))
            .chain(crate::vocab::words("era_ce").iter().map(|w| (*w, Era::Ce)))
            .collect();
        words.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        for (lit, era) in words {
            let latin_end = lit.ends_with(|c: char| c.is_ascii_alphabetic());
            if self.eat(lit) {
                if !(latin_end && self.peek().is_some_and(|c| c.is_ascii_alphabetic())) {
                    return Some(era);
                }
                self.pos = save;
            }
        }
        None
    }
}

fn leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The Gregorian year for a written year.
fn gregorian(value: u32, digits: usize, era: Option<Era>, english: bool) -> Option<i32> {
    let v = value as i32;
    let y = match (digits, era) {
        (4, Some(Era::Be)) => v - 543,
        (4, Some(Era::Ce)) => v,
        (4, None) if v > 2300 => v - 543,
        (4, None) => v,
        (2, Some(Era::Ce)) => 2000 + v,
        (2, None) if english => 2000 + v,
        (2, _) => 2500 + v - 543,
        _ => return None,
    };
    (1800..=2200).contains(&y).then_some(y)
}

fn iso(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// A parsed date: ISO parts plus where the parse stopped.
#[derive(Debug, Clone, Copy)]
struct Ymd {
    y: i32,
    m: u32,
    d: u32,
}

impl Ymd {
    fn valid(self) -> bool {
        (1..=12).contains(&self.m) && self.d >= 1 && self.d <= days_in_month(self.y, self.m)
    }
    fn iso(self) -> String {
        iso(self.y, self.m, self.d)
    }
}

/// What a date parse found at a position.
#[derive(Debug, Clone, Copy)]
enum Part {
    /// A full date.
    Full(Ymd),
    /// Day and month, no year.
    DayMonth(u32, u32),
}

/// The year after a month: optional spaces, era, spaces, then 2 or 4 digits. On a 3-4 digit
/// number that is no valid year but runs into a month name, the first two digits are the
/// year and the cursor stops inside the number (the dash was lost: "๖๕๓๑ มี.ค").
fn year(c: &mut Cur, english: bool) -> Option<i32> {
    let save = c.pos;
    c.ws();
    if c.eat(",") {
        c.ws();
    }
    // a time of day between month and year ("6 ต.ค. 01:40:00 2519", as `%c` writes it)
    let before_time = c.pos;
    if !(skip_time(c) && c.ws() > 0) {
        c.pos = before_time;
    }
    let era = c.era();
    if era.is_none() {
        // "ปี ๒๕๖๖"
        let p = c.pos;
        if !(c.eat("ปี") && c.ws() < 3) {
            c.pos = p;
        }
    }
    c.ws();
    let Some((v, n, start)) = c.num() else {
        c.pos = save;
        return None;
    };
    if let Some(y) = gregorian(v, n, era, english) {
        return Some(y);
    }
    if (3..=4).contains(&n) {
        // split "๖๕๓๑" into "๖๕" and "๓๑" when a month follows
        let after = c.pos;
        let mut probe = *c;
        probe.ws();
        if probe.month().is_some() {
            let mut k = Cur { s: c.s, pos: start };
            let mut v2 = 0;
            for _ in 0..2 {
                let ch = k.peek()?;
                v2 = v2 * 10 + digit_value(ch)?;
                k.pos += ch.len_utf8();
            }
            if let Some(y) = gregorian(v2, 2, era, english) {
                c.pos = k.pos;
                return Some(y);
            }
        }
        c.pos = after;
    }
    c.pos = save;
    None
}

/// "HH:MM" or "HH:MM:SS" at the cursor; true when one was skipped.
fn skip_time(c: &mut Cur) -> bool {
    let save = c.pos;
    let mut parts = 0;
    loop {
        match c.num() {
            Some((_, n, _)) if n <= 2 => parts += 1,
            _ => break,
        }
        if parts == 3 || !c.eat(":") {
            break;
        }
    }
    if parts >= 2 && !c.rest().starts_with(':') {
        true
    } else {
        c.pos = save;
        false
    }
}

/// A date starting with its day at the cursor.
fn day_first(c: &mut Cur) -> Option<Part> {
    let (d, dn, _) = c.num()?;
    if dn > 2 {
        return None;
    }
    let after_day = c.pos;
    c.ws();
    let p = c.pos;
    if !c.eat("เดือน") {
        c.pos = p;
    }
    c.ws();
    let sep_pos = c.pos;
    let sep = c.peek().filter(|ch| matches!(ch, '-' | '/' | '.'));
    if let Some(sep) = sep {
        c.pos += 1;
        // named month between separators ("15-ก.ค.-2565")
        if let Some((m, english)) = c.month() {
            if c.eat(&sep.to_string()) {
                if let Some(y) = year(c, english) {
                    return Some(Part::Full(Ymd { y, m, d }));
                }
            }
        }
        c.pos = sep_pos + 1;
        // numeric d/m/y
        if let Some((m, mn, _)) = c.num() {
            if mn <= 2 && c.eat(&sep.to_string()) {
                if let Some((v, n, _)) = c.num() {
                    let ok_len = n == 4 || (n == 2 && sep != '.');
                    if ok_len && c.peek().is_none_or(|ch| digit_value(ch).is_none()) {
                        if let Some(y) = gregorian(v, n, None, false) {
                            return Some(Part::Full(Ymd { y, m, d }));
                        }
                    }
                }
            }
        }
        c.pos = after_day;
        return None;
    }
    let (m, english) = c.month()?;
    let after_month = c.pos;
    if let Some(y) = year(c, english) {
        return Some(Part::Full(Ymd { y, m, d }));
    }
    c.pos = after_month;
    Some(Part::DayMonth(d, m))
}

/// An English date starting with its month ("January 15, 2023").
fn month_first(c: &mut Cur) -> Option<Ymd> {
    let (m, english) = c.month()?;
    if !english || c.ws() == 0 {
        return None;
    }
    let (d, dn, _) = c.num()?;
    if dn > 2 {
        return None;
    }
    let y = year(c, true)?;
    Some(Ymd { y, m, d })
}

/// A range connector ("-", "–", "ถึง", "ถึงวันที่", "จนถึง", "to").
fn dash(c: &mut Cur) -> bool {
    let save = c.pos;
    c.ws();
    for lit in ["จนถึงวันที่", "ถึงวันที่", "จนถึง", "ถึง", "-", "–", "—", "~"]
    {
        if c.eat(lit) {
            c.ws();
            let p = c.pos;
            if !c.eat("วันที่") {
                c.pos = p;
            }
            c.ws();
            return true;
        }
    }
    if c.eat_ci("to") && c.ws() > 0 {
        return true;
    }
    c.pos = save;
    false
}

/// "๑ - ๓๑ ต.ค. ๖๕": a bare day, a connector, then a full date of the same month.
fn bare_day_range(s: &str, start: usize) -> Option<FoundDate> {
    let mut k = Cur { s, pos: start };
    let (d, dn, _) = k.num()?;
    if dn > 2 || !dash(&mut k) {
        return None;
    }
    let Some(Part::Full(end)) = day_first(&mut k) else {
        return None;
    };
    let begin = Ymd { d, ..end };
    (begin.valid() && end.valid() && d <= end.d).then(|| FoundDate {
        range: start..k.pos,
        date: begin.iso(),
        end: Some(end.iso()),
    })
}

/// "2023-02-08", "2566/02/08": a 4-digit year first, then month and day with the same
/// separator ('-' or '/').
fn year_first(s: &str, start: usize) -> Option<FoundDate> {
    let mut c = Cur { s, pos: start };
    let (v, n, _) = c.num()?;
    if n != 4 {
        return None;
    }
    let sep = c.peek().filter(|ch| matches!(ch, '-' | '/'))?;
    c.pos += 1;
    let (m, mn, _) = c.num()?;
    if mn > 2 || !c.eat(&sep.to_string()) {
        return None;
    }
    let (d, dn, _) = c.num()?;
    if dn > 2 || c.peek().is_some_and(|ch| digit_value(ch).is_some()) {
        return None;
    }
    let ymd = Ymd {
        y: gregorian(v, 4, None, false)?,
        m,
        d,
    };
    ymd.valid().then(|| FoundDate {
        range: start..c.pos,
        date: ymd.iso(),
        end: None,
    })
}

/// A range of whole months, "ต.ค. ๖๕ - มี.ค. ๖๖" or "ตุลาคม - ธันวาคม ๒๕๖๕": from the first
/// day of the first month to the last day of the second (the first year may be left out).
fn month_range(s: &str, start: usize) -> Option<FoundDate> {
    let mut c = Cur { s, pos: start };
    let (m1, english) = c.month()?;
    let y1 = year(&mut c, english);
    if !dash(&mut c) {
        return None;
    }
    let (m2, english2) = c.month()?;
    let y2 = year(&mut c, english2)?;
    let y1 = y1.unwrap_or(if m1 > m2 { y2 - 1 } else { y2 });
    let begin = Ymd { y: y1, m: m1, d: 1 };
    let end = Ymd {
        y: y2,
        m: m2,
        d: days_in_month(y2, m2),
    };
    ((begin.y, begin.m) <= (end.y, end.m)).then(|| FoundDate {
        range: start..c.pos,
        date: begin.iso(),
        end: Some(end.iso()),
    })
}

/// A date (or range) whose first character is at `start`.
fn date_at(s: &str, start: usize) -> Option<FoundDate> {
    let mut c = Cur { s, pos: start };
    let first = match day_first(&mut c) {
        Some(p) => p,
        None => {
            if let Some(f) = bare_day_range(s, start) {
                return Some(f);
            }
            if let Some(f) = year_first(s, start) {
                return Some(f);
            }
            let mut e = Cur { s, pos: start };
            let ymd = month_first(&mut e)?;
            return ymd.valid().then(|| FoundDate {
                range: start..e.pos,
                date: ymd.iso(),
                end: None,
            });
        }
    };
    let after_first = c.pos;
    // A second date: after a connector, or straight on when the dash was lost inside a
    // number ("๖๕๓๑ มี.ค ๖๖": the cursor stopped between digits).
    let mid_number =
        c.prev().and_then(digit_value).is_some() && c.peek().and_then(digit_value).is_some();
    let mut k = c;
    let second = if mid_number || dash(&mut k) {
        if mid_number {
            k = c;
        }
        match day_first(&mut k) {
            Some(Part::Full(end)) if end.valid() => Some((end, k.pos)),
            _ => None,
        }
    } else {
        None
    };
    match (first, second) {
        (Part::Full(b), Some((e, end_pos))) if b.valid() => Some(FoundDate {
            range: start..end_pos,
            date: b.iso(),
            end: Some(e.iso()),
        }),
        (Part::Full(b), _) if b.valid() && !mid_number => Some(FoundDate {
            range: start..after_first,
            date: b.iso(),
            end: None,
        }),
        (Part::DayMonth(d, m), Some((e, end_pos))) => {
            let y = if m > e.m { e.y - 1 } else { e.y };
            let b = Ymd { y, m, d };
            b.valid().then(|| FoundDate {
                range: start..end_pos,
                date: b.iso(),
                end: Some(e.iso()),
            })
        }
        _ => None,
    }
}

/// Every Thai or CE date in `s`, in order.
pub fn find_dates(s: &str) -> Vec<FoundDate> {
    let mut found = Vec::new();
    let mut prev: Option<char> = None;
    let mut skip_to = 0;
    for (i, ch) in s.char_indices() {
        if i < skip_to {
            prev = Some(ch);
            continue;
        }
        let starts_number = digit_value(ch).is_some()
            && !prev.is_some_and(|p| digit_value(p).is_some() || p == '.' || p == '/');
        let starts_word = ch.is_ascii_alphabetic() && !prev.is_some_and(|p| p.is_alphanumeric());
        let starts_thai = crate::vocab::chars::is_thai_letter(ch)
            && !prev.is_some_and(crate::vocab::chars::is_thai_letter);
        if starts_number || starts_word {
            if let Some(f) = date_at(s, i) {
                skip_to = f.range.end;
                found.push(f);
            }
        } else if starts_thai {
            if let Some(f) = month_range(s, i) {
                skip_to = f.range.end;
                found.push(f);
            }
        }
        prev = Some(ch);
    }
    found
}

/// `s` (trimmed) read as one date, ISO; None when it holds anything else.
pub fn parse_date(s: &str) -> Option<String> {
    let t = s.trim();
    let f = find_dates(t).into_iter().next()?;
    (f.range == (0..t.len()) && f.end.is_none()).then_some(f.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(s: &str) -> Option<(String, Option<String>)> {
        find_dates(s).into_iter().next().map(|f| (f.date, f.end))
    }

    #[test]
    fn single_dates() {
        let cases: [(&str, Option<&str>); 33] = [
            ("วันที่ ๘ กุมภาพันธ์ ๒๕๖๖", Some("2023-02-08")),
            ("๒๑ กุมภาพันธ์ ๒๕๖๖", Some("2023-02-21")),
            ("15 ก.ค. 2565", Some("2022-07-15")),
            ("15 ก.ค 2565", Some("2022-07-15")),
            ("15 ก. ค. 2565", Some("2022-07-15")),
            ("15 กค 2565", Some("2022-07-15")),
            ("๑ ต.ค. ๖๕", Some("2022-10-01")),
            ("๓๑ มี.ค. ๖๖", Some("2023-03-31")),
            ("๕ มิ.ย. ๒๕๖๖", Some("2023-06-05")),
            ("๕ เม.ย. พ.ศ.๒๕๖๖", Some("2023-04-05")),
            ("๑ มกราคม พ.ศ. ๒๕๖๗", Some("2024-01-01")),
            ("๑๒ ธันวา ๖๕", Some("2022-12-12")),
            ("วันที่ ๓ เดือนพฤศจิกายน ปี ๒๕๖๕", Some("2022-11-03")),
            ("15 มกราคม 2023", Some("2023-01-15")),
            ("15 มกราคม ค.ศ. 23", Some("2023-01-15")),
            ("29 ก.พ. 2567", Some("2024-02-29")),
            ("29 ก.พ. 2566", None),
            ("31 เม.ย. 2566", None),
            ("0 ม.ค. 2566", None),
            ("๑๕/๐๗/๒๕๖๕", Some("2022-07-15")),
            ("15-07-2022", Some("2022-07-15")),
            ("3 January 2023", Some("2023-01-03")),
            ("January 3, 2023", Some("2023-01-03")),
            ("ปีงบประมาณ พ.ศ.๒๕๖๖", None),
            ("ข้อ ๙.๔ การบริหาร", None),
            ("มีนาคม", None),
            ("พ   6 ต.ค. 01:40:00 2519", Some("1976-10-06")),
            ("วันพุธที่ 06 ตุลาคม พ.ศ. 2519 เวลา 01:40น.", Some("1976-10-06")),
            ("(พ 06-ต.ค.-19)", Some("1976-10-06")),
            ("05-7-65 09:00:01", Some("2022-07-05")),
            ("15 ก.ค. 2565 09:00:01", Some("2022-07-15")),
            ("2023-02-08", Some("2023-02-08")),
            ("๒๕๖๖/๐๒/๐๘", Some("2023-02-08")),
        ];
        for (input, want) in cases {
            assert_eq!(
                first(input).map(|(d, _)| d),
                want.map(String::from),
                "{input}"
            );
        }
    }

    #[test]
    fn ranges() {
        let cases = [
            ("๑ ต.ค. ๖๕ - ๓๑ มี.ค. ๖๖", ("2022-10-01", "2023-03-31")),
            ("(๑ ต.ค ๖๕๓๑ มี.ค ๖๖)", ("2022-10-01", "2023-03-31")),
            ("๑ - ๓๑ ต.ค. ๒๕๖๕", ("2022-10-01", "2022-10-31")),
            ("๑ ต.ค. - ๓๑ ธ.ค. ๖๕", ("2022-10-01", "2022-12-31")),
            ("๑ ต.ค. ถึง ๓๑ มี.ค. ๖๖", ("2022-10-01", "2023-03-31")),
            (
                "ตั้งแต่วันที่ ๑ ตุลาคม ๒๕๖๕ ถึงวันที่ ๓๐ กันยายน ๒๕๖๖",
                ("2022-10-01", "2023-09-30"),
            ),
            ("ระยะเวลา ต.ค. ๖๕ - มี.ค. ๖๖", ("2022-10-01", "2023-03-31")),
            ("ตุลาคม - ธันวาคม ๒๕๖๕", ("2022-10-01", "2022-12-31")),
            ("พ.ย. ๒๕๖๖ – ก.พ. ๒๕๖๗", ("2023-11-01", "2024-02-29")),
        ];
        for (input, (a, b)) in cases {
            assert_eq!(
                first(input),
                Some((a.to_string(), Some(b.to_string()))),
                "{input}"
            );
        }
    }

    #[test]
    fn ranges_are_byte_ranges_of_the_input() {
        let s = "เมื่อวันที่ ๘ กุมภาพันธ์ ๒๕๖๖ โดยมี และ 1 ม.ค. 2566";
        let found = find_dates(s);
        assert_eq!(found.len(), 2);
        assert_eq!(&s[found[0].range.clone()], "๘ กุมภาพันธ์ ๒๕๖๖");
        assert_eq!(&s[found[1].range.clone()], "1 ม.ค. 2566");
        assert_eq!(parse_date(" ๘ ก.พ. ๖๖ "), Some("2023-02-08".to_string()));
        assert_eq!(parse_date("๘ ก.พ. ๖๖ แล้ว"), None);
    }
}
