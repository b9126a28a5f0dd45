//! The `assessment` block of an analysis report (the O42 kind): the assessment year,
//! total and level, the tool scores IIT / EIT / OIT with their scale, the ten indicator
//! scores, question and item scores by lower-case code (i1.., e1.., o1..), the previous
//! year's total and the stated difference.
//!
//! Read line by line from the repaired text of every page. A line is keyed by what it
//! names, tried in order: a question code at its start, an indicator title, a tool, a
//! total word, a difference word (all wording from `data/vocab/score_words.tsv` and
//! `data/catalogues/indicators.tsv`); its score is the first number after the key that is
//! a score (0-100, not a year, not a weight such as "น้ำหนัก 30"), for questions the last.
//! Every number keeps its text as written and its span. A key stated again with another
//! number keeps the first and raises `score_inconsistent` naming both places.

use crate::diagnostic::{Flag, FlagCode, Severity};
use crate::extract::meta;
use crate::layout::Page;
use crate::model::{Assessment, IndicatorScore, QuestionScore, Stated};
use crate::vocab::kinds::score_words;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

/// A total stated on a line: the year before it, the value, the page and the line.
struct Total {
    year: Option<(i32, Range<usize>)>,
    value: Stated,
    page: usize,
    line: Range<usize>,
}

/// One number of a line: its range in the page's repaired text and value.
#[derive(Debug, Clone)]
struct Num {
    range: Range<usize>,
    value: f64,
}

/// The numbers of `line` (starting at byte `base` of the page) that can be scores: with
/// decimals or 100 (any whole number 0-100 where `whole` is set: item scores 100 / 0).
fn score_numbers(line: &str, base: usize, whole: bool) -> Vec<Num> {
    let weights = score_words("weight_word");
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((r, v)) = crate::normalize::find_number(&line[at..]) {
        let r = at + r.start..at + r.end;
        at = r.end;
        let before = line[..r.start].trim_end_matches([' ', '\t', '(', ':', '=']);
        let is_weight = weights.iter().any(|w| before.ends_with(w));
        // A bare integer in brackets ("(30)", "(40)") is the tool's weight.
        let bracketed = line[..r.start].trim_end().ends_with('(')
            && line[r.end..].trim_start().starts_with(')')
            && !line[r.clone()].contains('.');
        let part_of_code = line[r.end..].starts_with(['.', ',']) && {
            // "9.1" of a sub-indicator heading is not a score when a title follows.
            let after = &line[r.end + 1..];
            after.chars().next().is_some_and(|c| !c.is_ascii_digit())
        };
        let decimal = line[r.clone()].contains('.');
        let shape = whole || decimal || v == 100.0;
        if (0.0..=100.0).contains(&v) && shape && !is_weight && !bracketed && !part_of_code {
            out.push(Num {
                range: base + r.start..base + r.end,
                value: v,
            });
        }
    }
    out
}

/// What a line states.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Question(String),
    Indicator(u32),
    Tool(usize),
}

fn squeeze(s: &str) -> String {
    s.split([' ', '\t']).collect()
}

/// A question or item code at the start of the line ("i1", "E 15", "o43", "O12"): the
/// lower-case code and where it ends.
fn question_code(line: &str) -> Option<(String, usize)> {
    let t = line.trim_start();
    let lead = line.len() - t.len();
    let mut chars = t.char_indices();
    let (_, c) = chars.next()?;
    let letter = match c.to_ascii_lowercase() {
        'i' | 'e' | 'o' => c.to_ascii_lowercase(),
        _ => return None,
    };
    let rest = &t[1..];
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let n: u32 = digits.parse().ok()?;
    let max = match letter {
        'i' => 30,
        'e' => 15,
        _ => 43,
    };
    let end = 1 + digits.len();
    // Not "E15a" or "O1.2": the code ends at a space, tab or a Thai letter.
    let next = t[end..].chars().next();
    if !(1..=max).contains(&n) || next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.') {
        return None;
    }
    Some((format!("{letter}{n}"), lead + end))
}

/// The indicator a line names: its number and where the title ends (byte in `line`).
fn indicator_in(line: &Squeezed) -> Option<(u32, usize)> {
    let mut found: Option<(u32, usize, usize)> = None;
    for (n, name) in indicator_names() {
        if let Some(end) = line.end_of(name) {
            // The longest title wins ("การเปิดเผยข้อมูลสาธารณะ" over its prefix).
            if found.is_none_or(|(_, _, len)| name.len > len) {
                found = Some((*n, end, name.len));
            }
        }
    }
    found.map(|(n, end, _)| (n, end))
}

/// A word squeezed (spaces and tabs out) with its searcher, and the length of the word
/// as written.
struct Word {
    finder: memchr::memmem::Finder<'static>,
    len: usize,
}

impl Word {
    fn new(word: &str) -> Word {
        Word {
            finder: memchr::memmem::Finder::new(squeeze(word).as_bytes()).into_owned(),
            len: word.len(),
        }
    }
}

/// The words of each list of `score_words.tsv`, squeezed, built once.
fn words(list: &str) -> &'static [Word] {
    static LISTS: OnceLock<Vec<(&'static str, Vec<Word>)>> = OnceLock::new();
    LISTS
        .get_or_init(|| {
            crate::vocab::kinds::score_word_lists()
                .iter()
                .map(|(name, ws)| (*name, ws.iter().map(|w| Word::new(w)).collect()))
                .collect()
        })
        .iter()
        .find(|(name, _)| *name == list)
        .map_or(&[], |(_, v)| v.as_slice())
}

/// Each indicator's catalogue title and the other names of list `indicator_N`, with
/// the indicator's number, built once.
fn indicator_names() -> &'static [(u32, Word)] {
    static NAMES: OnceLock<Vec<(u32, Word)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let titles = crate::vocab::catalogue::indicators();
        let mut out = Vec::new();
        for (i, title) in titles.iter().enumerate() {
            let n = i as u32 + 1;
            out.push((n, Word::new(title)));
            for w in score_words(&format!("indicator_{n}")) {
                out.push((n, Word::new(w)));
            }
        }
        out
    })
}

/// A line with its spaces and tabs taken out, built once and asked for many words.
struct Squeezed {
    sq: String,
    /// (squeezed byte end, line byte end) of each character kept.
    map: Vec<(usize, usize)>,
}

impl Squeezed {
    fn new(line: &str) -> Self {
        let mut map = Vec::new();
        let mut sq = String::with_capacity(line.len());
        for (i, c) in line.char_indices() {
            if c == ' ' || c == '\t' {
                continue;
            }
            sq.push(c);
            map.push((sq.len(), i + c.len_utf8()));
        }
        Squeezed { sq, map }
    }

    /// Where `word` ends in the line, spaces and tabs ignored on both sides.
    fn end_of(&self, word: &Word) -> Option<usize> {
        let pos = word.finder.find(self.sq.as_bytes())?;
        let end = pos + word.finder.needle().len();
        self.map
            .binary_search_by_key(&end, |(s, _)| *s)
            .ok()
            .map(|k| self.map[k].1)
    }
}

/// Whether the line starts with indicator number `n` ("ตัวชี้วัดที่ 9", "9.", "๙").
fn leads_with_number(line: &str, n: u32) -> bool {
    let mut t = line.trim_start();
    for lead in score_words("indicator_lead") {
        if let Some(rest) = t.strip_prefix(lead) {
            t = rest.trim_start();
        }
    }
    crate::normalize::find_number(t).is_some_and(|(r, v)| r.start == 0 && v == f64::from(n))
}

fn tool_in(line: &Squeezed) -> Option<(usize, usize)> {
    ["tool_iit", "tool_eit", "tool_oit"]
        .iter()
        .enumerate()
        .find_map(|(i, list)| {
            words(list)
                .iter()
                .find_map(|w| line.end_of(w))
                .map(|end| (i, end))
        })
}

fn word_end(line: &Squeezed, list: &str) -> Option<usize> {
    words(list).iter().filter_map(|w| line.end_of(w)).min()
}

/// The assessment block of the pages (None when nothing was stated), with flags.
pub fn read_assessment(
    pages: &[Page],
    fiscal_year: Option<i32>,
) -> (Option<Assessment>, Vec<Flag>) {
    let mut flags = Vec::new();
    let mut keyed: BTreeMap<Key, Stated> = BTreeMap::new();
    let mut totals: Vec<Total> = Vec::new();
    let mut difference: Option<Stated> = None;
    for (pi, p) in pages.iter().enumerate() {
        let text = &p.rep.text;
        let mut base = 0;
        for raw_line in text.split_inclusive('\n') {
            let line = raw_line.trim_end_matches(['\n', '\r']);
            let lb = base;
            base += raw_line.len();
            let stated = |n: &Num| Stated {
                value: n.value,
                text: p.raw_text(n.range.clone()).to_string(),
                span: p.span(n.range.clone()),
            };
            // Every value read here is a number on its line: a line without a digit
            // holds none (most lines of a checklist), and is not squeezed.
            if !line
                .chars()
                .any(|c| crate::normalize::digit_value(c).is_some())
            {
                continue;
            }
            let sq = Squeezed::new(line);
            let key_and_num = if let Some((code, end)) = question_code(line) {
                score_numbers(&line[end..], lb + end, true)
                    .pop()
                    .map(|n| (Key::Question(code), n))
            } else if let Some((n, end)) = indicator_in(&sq).filter(|(n, _)| {
                // A tool's name may hold an indicator's title ("การเปิดเผยข้อมูลสาธารณะ
                // (OIT)"): with a tool named, the line is the indicator's only where it
                // leads with the indicator's number.
                tool_in(&sq).is_none() || leads_with_number(line, *n)
            }) {
                score_numbers(&line[end..], lb + end, false)
                    .into_iter()
                    .next()
                    .map(|v| (Key::Indicator(n), v))
            } else if let Some((t, end)) = tool_in(&sq) {
                score_numbers(&line[end..], lb + end, false)
                    .into_iter()
                    .next()
                    .map(|v| (Key::Tool(t), v))
            } else {
                None
            };
            if let Some((key, n)) = key_and_num {
                let s = stated(&n);
                match keyed.get(&key) {
                    Some(first) if (first.value - s.value).abs() > 0.005 => {
                        flags.push(Flag::new(
                            FlagCode::ScoreInconsistent,
                            Severity::Warning,
                            format!(
                                "{} is stated as {} (page {} line {}) and as {} (page {} line {})",
                                key_name(&key),
                                first.text,
                                first.span.page,
                                first.span.line,
                                s.text,
                                s.span.page,
                                s.span.line
                            ),
                            Some(s.span.clone()),
                        ));
                    }
                    Some(_) => {}
                    None => {
                        keyed.insert(key, s);
                    }
                }
                continue;
            }
            if let Some(end) = word_end(&sq, "difference_up").or(word_end(&sq, "difference_down")) {
                let down = word_end(&sq, "difference_down").is_some();
                if let Some(n) = score_numbers(&line[end..], lb + end, false)
                    .into_iter()
                    .next()
                {
                    let mut s = stated(&n);
                    if down {
                        s.value = -s.value;
                    }
                    difference.get_or_insert(s);
                }
                // A line may state the totals before its difference: read it on.
                let tail = &line[..end];
                collect_totals(&Squeezed::new(tail), tail, lb, pi, p, &mut totals);
                continue;
            }
            collect_totals(&sq, line, lb, pi, p, &mut totals);
        }
    }
    let mut a = Assessment::default();
    // The assessment year: the latest year a total is stated for, else the fiscal year.
    let year_of = |t: &Total| t.year.as_ref().map(|y| y.0);
    let latest = totals.iter().filter_map(year_of).max();
    a.assessment_year = latest.or(fiscal_year);
    if let Some(t) = totals
        .iter()
        .find(|t| latest.is_none() || year_of(t) == latest)
    {
        a.total = Some(t.value.clone());
        if let Some((_, r)) = &t.year {
            a.assessment_year_span = Some(pages[t.page].span(r.clone()));
        }
        let line = &pages[t.page].rep.text[t.line.clone()];
        if let Some((l, r)) = meta::level_in(line).or_else(|| {
            crate::vocab::levels()
                .iter()
                .find_map(|lv| line.find(lv).map(|i| (lv.to_string(), i..i + lv.len())))
        }) {
            a.level = Some(l);
            a.level_span = Some(pages[t.page].span(t.line.start + r.start..t.line.start + r.end));
        }
    }
    if let Some(y) = latest {
        if let Some(prev) = totals
            .iter()
            .filter(|t| year_of(t).is_some_and(|py| py < y))
            .max_by_key(|t| year_of(t))
        {
            a.previous_total = Some(prev.value.clone());
            a.previous_year = year_of(prev);
        }
    }
    a.stated_difference = difference;
    for (key, s) in keyed {
        match key {
            Key::Tool(0) => a.iit = Some(s),
            Key::Tool(1) => a.eit = Some(s),
            Key::Tool(_) => a.oit = Some(s),
            Key::Indicator(n) => a.indicators.push(IndicatorScore {
                number: n,
                score: s,
            }),
            Key::Question(code) => a.questions.push(QuestionScore { code, score: s }),
        }
    }
    a.questions.sort_by_key(|q| {
        let (l, n) = q.code.split_at(1);
        (l.to_string(), n.parse::<u32>().unwrap_or(0))
    });
    a.questions.sort_by_key(|q| match &q.code[..1] {
        "i" => 0,
        "e" => 1,
        _ => 2,
    });
    let tools = [&a.iit, &a.eit, &a.oit];
    if tools.iter().any(|t| t.is_some()) {
        let weighted = tools
            .iter()
            .zip([30.0, 30.0, 40.0])
            .all(|(t, max)| t.as_ref().is_none_or(|s| s.value <= max));
        a.tool_scale = Some(if weighted { "weighted" } else { "percent" }.to_string());
    }
    let empty = a.total.is_none() && a.number_count() == 0;
    (if empty { None } else { Some(a) }, flags)
}

fn key_name(k: &Key) -> String {
    match k {
        Key::Question(c) => c.clone(),
        Key::Indicator(n) => format!("indicator {n}"),
        Key::Tool(t) => ["IIT", "EIT", "OIT"][*t].to_string(),
    }
}

/// Years (BE) stated on a score line: any whole number 2540-2700 ("ปี 2565",
/// "พ.ศ. ๒๕๖๖"), with its range in `line`.
fn years_in(line: &str) -> Vec<(i32, Range<usize>)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((r, v)) = crate::normalize::find_number(&line[at..]) {
        let r = at + r.start..at + r.end;
        at = r.end;
        if v.fract() == 0.0 && (2540.0..=2700.0).contains(&v) {
            out.push((v as i32, r));
        }
    }
    out
}

/// Totals stated on a line with a total word, after it: each paired with the year
/// stated nearest before it on the line, if any.
fn collect_totals(
    sq: &Squeezed,
    line: &str,
    lb: usize,
    pi: usize,
    p: &Page,
    totals: &mut Vec<Total>,
) {
    let Some(end) = word_end(sq, "total_word") else {
        return;
    };
    let years = years_in(line);
    for n in score_numbers(&line[end..], lb + end, false) {
        let at = n.range.start - lb;
        let year = years
            .iter()
            .rfind(|(_, r)| r.end <= at)
            .map(|(y, r)| (*y, lb + r.start..lb + r.end));
        totals.push(Total {
            year,
            value: Stated {
                value: n.value,
                text: p.raw_text(n.range.clone()).to_string(),
                span: p.span(n.range.clone()),
            },
            page: pi,
            line: lb..lb + line.len(),
        });
    }
}
