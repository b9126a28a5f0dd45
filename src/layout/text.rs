//! Page text to rows of cells of tokens, for every OCR text flavour:
//!
//! - tab-separated rows with inline HTML fragments (`<p>`, `<li>`, `<br>`,
//!   `<input type="checkbox"/>`), as vision-language OCR models write them;
//! - markdown pipe tables (`| a | b<br>c |`);
//! - full HTML tables (`<table><tr><td>`), parsed with the `scraper` HTML parser;
//! - plain OCR lines and `pdftotext -layout` column text (cells split at runs of two
//!   or more spaces, continuation lines indented).
//!
//! Every token keeps its byte range in the *repaired* page text; [`super::Page::span`]
//! maps it back to the raw text. Checkbox characters, bracket forms and status labels
//! come from [`crate::vocab`].
//!
//! Hostile tables are bounded by [`LayoutLimits`] (issue 14): rows of one table, cells
//! of one row, element nesting of an HTML table. What a limit leaves out is said in a
//! `limit_reached` warning on the page ([`super::Page::flags`]).

use super::{BoxMethod, BoxState, Cell, Checkbox, Page, Row, RowKind, Tok, TokKind};
use crate::diagnostic::{Flag, FlagCode, Severity};
use crate::source::{BBox, PageText};
use crate::vocab::{self, GlyphState};
use regex::Regex;
use std::sync::OnceLock;

/// Limits of the table reader (issue 14). Past each, the rest is not read and the page
/// carries a `limit_reached` warning with the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutLimits {
    /// Most rows of one table: an HTML `<table>`, or a run of TSV or pipe rows. The rows
    /// past it are read as blank rows (their text stays in the page, not in the table).
    pub max_table_rows: usize,
    /// Most cells of one row (HTML, pipe, TSV or layout columns); the cells past it are
    /// not read.
    pub max_table_cols: usize,
    /// Deepest element nesting inside an HTML table block; deeper tags are ignored
    /// (their text is kept, as text of the element at the limit).
    pub max_html_depth: usize,
}

impl Default for LayoutLimits {
    fn default() -> Self {
        LayoutLimits {
            max_table_rows: 100_000,
            max_table_cols: 1_000,
            max_html_depth: 256,
        }
    }
}

/// One limit reached: the byte range (in the repaired text) where the cut begins, and
/// what was left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Cut {
    pub range: std::ops::Range<usize>,
    pub message: String,
}

/// A page of OCR text in the model: the text repaired once, then split into rows, within
/// the default [`LayoutLimits`].
pub fn page(raw: PageText) -> Page {
    page_within(raw, &LayoutLimits::default())
}

/// [`page`] within `limits`: each limit reached is a `limit_reached` warning in the
/// page's [`Page::flags`], with the span where the cut begins.
pub fn page_within(raw: PageText, limits: &LayoutLimits) -> Page {
    let rep = super::repair(&raw);
    let (mut rows, cuts) = rows_within(&rep.text, limits);
    if !raw.boxes.is_empty() {
        place_cells(&mut rows, &raw, &rep);
    }
    let mut page = Page::new(raw, rep, rows);
    for cut in cuts {
        let span = page.span(cut.range);
        let message = format!("page {}: {}", page.number(), cut.message);
        page.flags.push(Flag::new(
            FlagCode::LimitReached,
            Severity::Warning,
            message,
            Some(span),
        ));
    }
    page
}

/// Cells and rows of a page whose words have boxes (OCR text: the engine's word boxes)
/// get the box of the words inside them, so that a mark can be matched with the header
/// cell over it by place. Linear: words and cells are both in text order.
fn place_cells(rows: &mut [Row], raw: &PageText, rep: &crate::normalize::Repaired) {
    let words: Vec<(std::ops::Range<usize>, BBox)> = raw
        .boxes
        .iter()
        .map(|(r, b)| (rep.map.range_from_raw(r.clone()), *b))
        .collect();
    for row in rows.iter_mut() {
        let mut row_box: Option<BBox> = None;
        for cell in &mut row.cells {
            let from = words.partition_point(|(r, _)| r.start < cell.range.start);
            let b = words[from..]
                .iter()
                .take_while(|(r, _)| r.start < cell.range.end)
                .filter(|(r, _)| r.end <= cell.range.end)
                .map(|(_, b)| *b)
                .reduce(BBox::union);
            if let Some(b) = b {
                cell.bbox = Some(b.rounded());
                row_box = Some(row_box.map_or(b, |r| r.union(b)));
            }
        }
        if row.bbox.is_none() {
            row.bbox = row_box.map(BBox::rounded);
        }
    }
}

fn re_tag() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9]*)([^<>]*)>").expect("valid regex")
    })
}

/// Checkbox characters and bracket forms, and status labels, in text.
fn re_mark() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pattern = format!(
            concat!(
                // empty boxes, and empty brackets "[ ]", "(   )"
                r"(?P<empty>{empty}|\[\s*\]|\(\s{{0,5}}\))",
                // ticked boxes and marks, and ticked brackets "[x]", "( / )"
                r"|(?P<ticked>{checked}|\[\s*[xX\u{{2713}}\u{{2714}}/\u{{2715}}\u{{2717}}]\s*\]|\(\s*[xX\u{{2713}}\u{{2714}}/]\s*\))",
                r"|(?P<crossed>{crossed})",
                // status labels (data/vocab/status_labels.tsv), tolerant of broken SARA AM
                r"|(?P<label>{labels})",
                // a bare "/" between spaces: a tick typed without a box
                r"|(?P<soft>(?:^|\s)/(?:\s|$))",
            ),
            empty = vocab::text_glyph_class(GlyphState::Unchecked),
            checked = vocab::text_glyph_class(GlyphState::Checked),
            crossed = vocab::text_glyph_class(GlyphState::Crossed),
            labels = vocab::status_label_alternation(),
        );
        Regex::new(&pattern).expect("valid mark pattern")
    })
}

/// Whether a cell-only label stands alone: only spaces, marks or brackets between it and
/// the edges of its text or the next mark.
fn stands_alone(before: &str, after: &str) -> bool {
    let edge = |s: &str, left: bool| {
        let t = s.trim();
        let c = if left {
            t.chars().next_back()
        } else {
            t.chars().next()
        };
        match c {
            None => true,
            Some(c) => {
                vocab::text_glyph_state(c).is_some()
                    || matches!(c, ']' | ')' | '[' | '(' | '/' | ':')
            }
        }
    };
    // Right after its box ("[x] มี -ได้จัดทำข้อมูล..."), a short label is the box's label
    // whatever follows it as a word (the note after it).
    let after_box = before
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| vocab::text_glyph_state(c).is_some() || matches!(c, ']' | ')'));
    // A note after it that starts with a dash ("ครบถ้วน -จัดทำข้อมูล..."), as in a cell
    // whose box came as a tag before this text.
    edge(before, true) && (after_box || edge(after, false) || after.trim_start().starts_with('-'))
}

/// What a match of [`re_mark`] is.
enum Mark {
    Box(BoxState),
    /// A bare "/" between spaces.
    Soft,
    Label,
}

/// Classify a match of [`re_mark`] by its text: a lone "/", a box character (the glyph
/// table), a bracket form ("[x]", "( )": empty inside or not), else a status label.
fn mark_of(m: &str) -> Mark {
    let t = m.trim();
    if t == "/" {
        return Mark::Soft;
    }
    let mut chars = t.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if let Some(state) = vocab::text_glyph_state(c) {
            return Mark::Box(match state {
                GlyphState::Unchecked => BoxState::Unchecked,
                GlyphState::Checked => BoxState::Checked,
                GlyphState::Crossed => BoxState::Crossed,
            });
        }
    }
    if t.len() >= 2 && (t.starts_with('[') || t.starts_with('(')) {
        let inner = t[1..t.len() - 1].trim();
        return Mark::Box(if inner.is_empty() {
            BoxState::Unchecked
        } else {
            BoxState::Checked
        });
    }
    Mark::Label
}

/// Tokenize plain text (no tags) starting at byte `base` of the page text.
pub(crate) fn tokenize_text(s: &str, base: usize, out: &mut Vec<Tok>) {
    tokenize_marks(s, base, out, true)
}

/// Tokenize text; with `boxes` false, box characters are left as text (the reader
/// placed its boxes already) and only labels and typed marks are found.
pub(crate) fn tokenize_marks(s: &str, base: usize, out: &mut Vec<Tok>, boxes: bool) {
    let mut last = 0;
    // `find_iter`, not captures: a match says what it is by its text (see `mark_of`),
    // and captures would run the slower backtracking engine on every line.
    for m in re_mark().find_iter(s) {
        let glyph = m.as_str().chars().count() == 1;
        let boxed = |state: BoxState| {
            let method = if glyph {
                BoxMethod::Glyph
            } else {
                BoxMethod::Typed
            };
            TokKind::Box(Checkbox::new(state, method))
        };
        // Reader-placed boxes: a box character the PDF reader already turned into a
        // checkbox is text here; marks typed as characters (✓, ■) are still marks.
        if !boxes && glyph && m.as_str().chars().next().is_some_and(vocab::is_box_glyph) {
            continue;
        }
        let kind = match mark_of(m.as_str()) {
            Mark::Box(state) => boxed(state),
            Mark::Soft => {
                let mut b = Checkbox::new(BoxState::Checked, BoxMethod::Typed);
                b.confidence = 0.5;
                TokKind::Box(b)
            }
            Mark::Label => {
                // A label must stand as a word: not glued to Thai letters on either side
                // ("การดำเนินการ", "ดำเนินการประชุม" are text).
                let before = s[..m.start()].chars().next_back();
                let after = s[m.end()..].chars().next();
                if before.is_some_and(vocab::chars::is_thai_letter)
                    || after.is_some_and(vocab::chars::is_thai_letter)
                {
                    continue;
                }
                let Some(label) = vocab::status_label_of(m.as_str()) else {
                    continue;
                };
                if label.cell_only && !stands_alone(&s[..m.start()], &s[m.end()..]) {
                    continue;
                }
                TokKind::Label(label.kind)
            }
        };
        if m.start() > last {
            out.push(Tok {
                kind: TokKind::Text,
                text: s[last..m.start()].to_string(),
                range: base + last..base + m.start(),
            });
        }
        let text = match kind {
            TokKind::Label(_) => m.as_str().to_string(),
            _ => String::new(),
        };
        out.push(Tok {
            kind,
            text,
            range: base + m.start()..base + m.end(),
        });
        last = m.end();
    }
    if last < s.len() {
        out.push(Tok {
            kind: TokKind::Text,
            text: s[last..].to_string(),
            range: base + last..base + s.len(),
        });
    }
}

/// Tokenize a cell that may hold inline HTML fragments. Tags are markers here (the
/// fragment is flat: paragraphs, list items, breaks, checkbox inputs), so they are
/// recognised in place to keep exact byte ranges.
fn tokenize_cell(s: &str, base: usize) -> Vec<Tok> {
    let mut toks = Vec::new();
    if !s.contains('<') {
        tokenize_text(s, base, &mut toks);
        return toks;
    }
    let mut last = 0;
    for caps in re_tag().captures_iter(s) {
        let m = caps.get(0).expect("group 0");
        let name = caps[2].to_ascii_lowercase();
        let attrs = caps[3].to_ascii_lowercase();
        tokenize_text(&s[last..m.start()], base + last, &mut toks);
        last = m.end();
        let range = base + m.start()..base + m.end();
        match name.as_str() {
            "input" if attrs.contains("checkbox") || attrs.contains("checked") => toks.push(Tok {
                kind: attribute_box(has_checked_attr(&attrs)),
                text: String::new(),
                range,
            }),
            "p" | "br" | "li" | "ul" | "ol" | "div" | "tr" | "td" | "th" | "table" | "h1"
            | "h2" | "h3" | "h4" => toks.push(Tok {
                kind: TokKind::Break,
                text: String::new(),
                range,
            }),
            _ => {}
        }
    }
    tokenize_text(&s[last..], base + last, &mut toks);
    toks
}

/// An HTML checkbox input as a token kind.
fn attribute_box(checked: bool) -> TokKind {
    let state = if checked {
        BoxState::Checked
    } else {
        BoxState::Unchecked
    };
    TokKind::Box(Checkbox::new(state, BoxMethod::Attribute))
}

/// Whether an `<input>` tag's attributes carry `checked` (HTML: a boolean attribute,
/// present means ticked, whatever its value).
fn has_checked_attr(attrs: &str) -> bool {
    attrs
        .split(|c: char| c.is_whitespace() || c == '/')
        .any(|a| a == "checked" || a.starts_with("checked="))
}

/// Split a page's repaired text into rows, within the default [`LayoutLimits`] (what a
/// limit leaves out is not said: use [`rows_within`]).
pub fn rows_of(text: &str) -> Vec<Row> {
    rows_within(text, &LayoutLimits::default()).0
}

/// Split a page's repaired text into rows within `limits`, with what each limit reached
/// left out.
pub fn rows_within(text: &str, limits: &LayoutLimits) -> (Vec<Row>, Vec<Cut>) {
    let mut rows = Vec::new();
    let mut cuts = Vec::new();
    let mut offset = 0;
    // Rows of the current run of TSV or pipe rows, and whether its cut was said.
    let mut run = 0usize;
    let mut run_cut = false;
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(raw_line) = lines.next() {
        let start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        if line.to_ascii_lowercase().contains("<table") {
            // Gather the whole table block, then parse it as HTML.
            let mut closed = line.to_ascii_lowercase().contains("</table");
            while !closed {
                let Some(next) = lines.next() else { break };
                offset += next.len();
                closed = next.to_ascii_lowercase().contains("</table");
            }
            rows.extend(html_table_rows(
                &text[start..offset],
                start,
                limits,
                &mut cuts,
            ));
            run = 0;
            continue;
        }
        let mut row = line_row(line, start, limits, &mut cuts);
        if matches!(row.kind, RowKind::Tsv | RowKind::Pipe)
            || (row.kind == RowKind::Blank && run > 0 && !line.trim().is_empty())
        {
            // A pipe table's separator line (`|---|`) is a blank row of the run.
            run += 1;
            if run > limits.max_table_rows {
                if !run_cut {
                    run_cut = true;
                    cuts.push(Cut {
                        range: row.range.clone(),
                        message: format!(
                            "a table of more than {} rows (max_table_rows, the limit): the rows from here to the table's end were not read as table rows",
                            limits.max_table_rows
                        ),
                    });
                }
                row.kind = RowKind::Blank;
                row.cells.clear();
            }
        } else {
            run = 0;
            run_cut = false;
        }
        rows.push(row);
    }
    (rows, cuts)
}

/// The cells of `text` (at byte `base` of the page) split at `sep`, at most
/// `limits.max_table_cols` of them.
fn split_cells(
    text: &str,
    sep: char,
    base: usize,
    limits: &LayoutLimits,
    cuts: &mut Vec<Cut>,
) -> Vec<Cell> {
    let mut cells = Vec::new();
    let mut pos = 0;
    for part in text.split(sep) {
        if cells.len() == limits.max_table_cols {
            cuts.push(cols_cut(base + pos..base + text.len(), limits));
            break;
        }
        cells.push(Cell {
            toks: tokenize_cell(part, base + pos),
            range: base + pos..base + pos + part.len(),
            col: 0,
            bbox: None,
        });
        pos += part.len() + sep.len_utf8();
    }
    cells
}

/// The cut of a row's cells past `max_table_cols`, from `range` on.
fn cols_cut(range: std::ops::Range<usize>, limits: &LayoutLimits) -> Cut {
    Cut {
        range,
        message: format!(
            "a row of more than {} cells (max_table_cols, the limit): the rest of the row was not read",
            limits.max_table_cols
        ),
    }
}

/// One line of text as a row.
fn line_row(line: &str, start: usize, limits: &LayoutLimits, cuts: &mut Vec<Cut>) -> Row {
    let range = start..start + line.len();
    if line.trim().is_empty() {
        return Row {
            kind: RowKind::Blank,
            cells: Vec::new(),
            range,
            indent: 0,
            header: false,
            bbox: None,
        };
    }
    let indent = line.chars().take_while(|c| *c == ' ').count();
    if line.contains('\t') {
        return Row {
            kind: RowKind::Tsv,
            cells: split_cells(line, '\t', start, limits, cuts),
            range,
            indent,
            header: false,
            bbox: None,
        };
    }
    let trimmed = line.trim();
    if trimmed.starts_with('|') && trimmed.len() > 1 && trimmed[1..].contains('|') {
        let lead = line.len() - line.trim_start().len();
        let inner_start = lead + 1;
        let inner = trimmed[1..].strip_suffix('|').unwrap_or(&trimmed[1..]);
        let is_separator = inner
            .chars()
            .all(|c| matches!(c, '-' | ':' | '|' | ' ' | '\t'));
        let cells = if is_separator {
            Vec::new()
        } else {
            split_cells(inner, '|', start + inner_start, limits, cuts)
        };
        return Row {
            kind: if is_separator {
                RowKind::Blank
            } else {
                RowKind::Pipe
            },
            cells,
            range,
            indent: 0,
            header: false,
            bbox: None,
        };
    }
    // Layout text: cells at runs of two or more spaces.
    let mut cells = Vec::new();
    let mut cell_start: Option<usize> = None;
    let mut spaces = 0;
    let mut col = 0;
    let mut cell_col = 0;
    let mut last_nonspace_end = 0;
    for (i, c) in line.char_indices() {
        if c == ' ' || c == '\u{3000}' {
            spaces += 1;
        } else {
            if cell_start.is_none() {
                cell_start = Some(i);
                cell_col = col;
            } else if spaces >= 2 && !line[..last_nonspace_end].ends_with(['(', '[']) {
                let s = cell_start.expect("cell started");
                if cells.len() + 1 >= limits.max_table_cols {
                    // The cell open now is the last allowed (pushed after the loop).
                    cuts.push(cols_cut(start + i..start + line.len(), limits));
                    break;
                }
                let part = &line[s..last_nonspace_end];
                cells.push(Cell {
                    toks: tokenize_cell(part, start + s),
                    range: start + s..start + last_nonspace_end,
                    col: cell_col,
                    bbox: None,
                });
                cell_start = Some(i);
                cell_col = col;
            }
            spaces = 0;
            last_nonspace_end = i + c.len_utf8();
        }
        // Thai combining marks take no column of their own.
        if !vocab::chars::is_combining(c) {
            col += 1;
        }
    }
    if let Some(s) = cell_start {
        let part = &line[s..last_nonspace_end];
        cells.push(Cell {
            toks: tokenize_cell(part, start + s),
            range: start + s..start + last_nonspace_end,
            col: cell_col,
            bbox: None,
        });
    }
    Row {
        kind: if cells.len() > 1 || indent >= 2 {
            RowKind::Layout
        } else {
            RowKind::Plain
        },
        cells,
        range,
        indent,
        header: false,
        bbox: None,
    }
}

/// Rows of an HTML `<table>` block, parsed with a real HTML parser. Byte ranges are
/// found by locating each text node and input tag in the block in document order.
fn html_table_rows(
    block: &str,
    base: usize,
    limits: &LayoutLimits,
    cuts: &mut Vec<Cut>,
) -> Vec<Row> {
    use scraper::{Html, Node, Selector};
    let doc = match within_depth(block, limits.max_html_depth) {
        Some((flat, at)) => {
            cuts.push(Cut {
                range: base + at..base + at,
                message: format!(
                    "an HTML table nests elements deeper than {} (max_html_depth, the limit): the deeper tags were ignored, their text kept",
                    limits.max_html_depth
                ),
            });
            Html::parse_fragment(&flat)
        }
        None => Html::parse_fragment(block),
    };
    let (Ok(tr_sel), Ok(cell_sel)) = (Selector::parse("tr"), Selector::parse("td, th")) else {
        return Vec::new();
    };
    let lower = block.to_ascii_lowercase();
    let mut cursor = 0usize;
    let mut rows = Vec::new();
    // Rows still covered by a rowspan from above, per grid column: each row's cells are
    // placed at their grid columns, with an empty cell where a cell above reaches down
    // and after a cell that spans columns, so that a two-row header's labels stand over
    // the columns they head ("ข้อ" rowspan 2 | "ผลการดำเนินการ" colspan 2, then
    // "ดำเนินการ | ยังไม่ดำเนินการ" under it).
    let mut covered: Vec<usize> = Vec::new();
    /// Largest rowspan / colspan taken from a document (more is hostile input).
    const MAX_SPAN: usize = 64;
    /// Widest grid spans are placed on; cells beyond it are taken one by one.
    const MAX_GRID: usize = 256;
    let blank = |at: usize| Cell {
        toks: Vec::new(),
        range: at..at,
        col: 0,
        bbox: None,
    };
    let mut cols_said = false;
    let mut spans_said = false;
    for (n, tr) in doc.select(&tr_sel).enumerate() {
        if n == limits.max_table_rows {
            let at = lower[cursor..]
                .find("<tr")
                .map(|i| cursor + i)
                .unwrap_or(cursor);
            cuts.push(Cut {
                range: base + at..base + block.len(),
                message: format!(
                    "an HTML table of more than {} rows (max_table_rows, the limit): the rest of the table was not read",
                    limits.max_table_rows
                ),
            });
            break;
        }
        let row_start = lower[cursor..]
            .find("<tr")
            .map(|i| cursor + i)
            .unwrap_or(cursor);
        let mut cells = Vec::new();
        let mut header = false;
        let mut grid = 0usize;
        for cell in tr.select(&cell_sel) {
            if cells.len() >= limits.max_table_cols {
                if !cols_said {
                    cols_said = true;
                    let at = lower[cursor..]
                        .find("<t")
                        .map(|i| cursor + i)
                        .unwrap_or(cursor);
                    cuts.push(cols_cut(base + at..base + at, limits));
                }
                break;
            }
            while covered.get(grid).is_some_and(|&c| c > 0) {
                covered[grid] -= 1;
                cells.push(blank(base + cursor));
                grid += 1;
            }
            let span = |name: &str| {
                cell.value()
                    .attr(name)
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .max(1)
            };
            let (mut rowspan, mut colspan) = (span("rowspan"), span("colspan"));
            let cell_start = lower[cursor..]
                .find("<t")
                .map(|i| cursor + i)
                .unwrap_or(cursor);
            let spans_cut = if rowspan.max(colspan) > MAX_SPAN {
                (rowspan, colspan) = (rowspan.min(MAX_SPAN), colspan.min(MAX_SPAN));
                Some(format!(
                    "an HTML cell spans more than {MAX_SPAN} rows or columns (the limit): read as {MAX_SPAN}"
                ))
            } else if grid + colspan > MAX_GRID {
                // Past any real table's width: spans are no longer placed.
                (rowspan, colspan) = (1, 1);
                Some(format!(
                    "an HTML table wider than {MAX_GRID} grid columns (the limit): the spans past it were not placed"
                ))
            } else {
                None
            };
            if let Some(message) = spans_cut.filter(|_| !spans_said) {
                spans_said = true;
                cuts.push(Cut {
                    range: base + cell_start..base + cell_start,
                    message,
                });
            }
            header |= cell.value().name() == "th";
            let mut toks = Vec::new();
            for node in cell.descendants() {
                match node.value() {
                    Node::Text(t) => {
                        let t: &str = t;
                        let trimmed = t.trim();
                        if trimmed.is_empty() {
                            continue;
                        }
                        match block[cursor..].find(trimmed) {
                            Some(i) => {
                                let at = cursor + i;
                                tokenize_text(trimmed, base + at, &mut toks);
                                cursor = at + trimmed.len();
                            }
                            None => {
                                // Text the parser changed (entities, whitespace): keep it,
                                // placed at the cursor.
                                let before = toks.len();
                                tokenize_text(trimmed, base + cursor, &mut toks);
                                for t in &mut toks[before..] {
                                    t.range = base + cursor..base + cursor;
                                }
                            }
                        }
                    }
                    Node::Element(e) => {
                        let name = e.name();
                        let at = lower[cursor..]
                            .find(&format!("<{name}"))
                            .map(|i| cursor + i);
                        let tag_range = at
                            .map(|a| {
                                let end = block[a..]
                                    .find('>')
                                    .map(|j| a + j + 1)
                                    .unwrap_or(block.len());
                                a..end
                            })
                            .unwrap_or(cursor..cursor);
                        match name {
                            "input" => {
                                let ty = e.attr("type").unwrap_or("").to_ascii_lowercase();
                                if ty == "checkbox" || e.attr("checked").is_some() {
                                    toks.push(Tok {
                                        kind: attribute_box(e.attr("checked").is_some()),
                                        text: String::new(),
                                        range: base + tag_range.start..base + tag_range.end,
                                    });
                                    cursor = tag_range.end.max(cursor);
                                }
                            }
                            "p" | "br" | "li" | "div" => {
                                toks.push(Tok {
                                    kind: TokKind::Break,
                                    text: String::new(),
                                    range: base + tag_range.start..base + tag_range.end,
                                });
                            }
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            let cell_end = lower[cursor..]
                .find("</t")
                .map(|i| cursor + i)
                .unwrap_or(cursor);
            cells.push(Cell {
                toks,
                range: base + cell_start.min(cell_end)..base + cell_end,
                col: 0,
                bbox: None,
            });
            if covered.len() < (grid + colspan).min(MAX_GRID) {
                covered.resize((grid + colspan).min(MAX_GRID), 0);
            }
            for k in 0..colspan {
                if k > 0 {
                    cells.push(blank(base + cell_end));
                }
                if let Some(c) = covered.get_mut(grid + k) {
                    *c = rowspan - 1;
                }
            }
            grid += colspan;
        }
        // Columns at the row's end still covered from above.
        if covered[grid.min(covered.len())..].iter().any(|&c| c > 0) {
            while grid < covered.len() {
                if covered[grid] > 0 {
                    covered[grid] -= 1;
                }
                cells.push(blank(base + cursor));
                grid += 1;
            }
        }
        // The end tag runs to its '>' (it may be cut off: then to the end of "</tr").
        let row_end = lower[cursor..]
            .find("</tr")
            .map(|i| {
                let tag = cursor + i;
                block[tag..]
                    .find('>')
                    .map_or(tag + "</tr".len(), |j| tag + j + 1)
            })
            .unwrap_or(cursor);
        cursor = row_end.max(cursor);
        rows.push(Row {
            kind: RowKind::Html,
            cells,
            range: base + row_start..base + row_end.max(row_start),
            indent: 0,
            header,
            bbox: None,
        });
    }
    rows
}

/// Elements whose end tag HTML lets be left out, or that have none (void elements):
/// the parser closes them itself, so they do not count towards the nesting depth
/// (a sloppy `<tr><td>a<td>b` over a thousand rows is not deep).
const IMPLIED_END: &[&str] = &[
    "p", "li", "dt", "dd", "td", "th", "tr", "thead", "tbody", "tfoot", "option", "optgroup", "rb",
    "rt", "rp", "rtc", "colgroup", "caption", "br", "input", "img", "hr", "meta", "link", "col",
    "wbr", "area", "base", "embed", "param", "source", "track",
];

/// `block` with every tag nested deeper than `max_depth` replaced by spaces of the same
/// length (so byte offsets stay), and the offset of the first tag replaced; `None` when
/// nothing is that deep. Depth counts the open elements that need an end tag. One pass
/// over the tags: the HTML parser, whose scope checks walk its stack of open elements,
/// then never sees a stack deeper than the limit.
fn within_depth(block: &str, max_depth: usize) -> Option<(String, usize)> {
    let mut depth = 0usize;
    let mut deep: Vec<std::ops::Range<usize>> = Vec::new();
    for caps in re_tag().captures_iter(block) {
        let m = caps.get(0).expect("group 0");
        let name = caps[2].to_ascii_lowercase();
        if IMPLIED_END.contains(&name.as_str()) || caps[3].trim_end().ends_with('/') {
            continue;
        }
        if &caps[1] == "/" {
            if depth > max_depth {
                deep.push(m.range());
            }
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > max_depth {
                deep.push(m.range());
            }
        }
    }
    let first = deep.first()?.start;
    let mut flat = block.as_bytes().to_vec();
    for r in deep {
        flat[r].fill(b' ');
    }
    // Only ASCII tag bytes were replaced by ASCII spaces: still UTF-8.
    Some((String::from_utf8(flat).ok()?, first))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::vocab::StatusKind;

    /// Non-text tokens as short names: box0 / box1 (empty / ticked), done / notdone, br.
    fn kinds(row: &Row) -> Vec<&'static str> {
        row.cells
            .iter()
            .flat_map(|c| c.toks.iter().map(|t| t.kind))
            .filter_map(|k| match k {
                TokKind::Text => None,
                TokKind::Box(b) if b.ticked() => Some("box1"),
                TokKind::Box(_) => Some("box0"),
                TokKind::Label(StatusKind::Done) => Some("done"),
                TokKind::Label(StatusKind::NotDone) => Some("notdone"),
                TokKind::Label(StatusKind::InProgress) => Some("inprogress"),
                TokKind::Break => Some("br"),
            })
            .collect()
    }

    #[test]
    fn tsv_row_with_inline_html() {
        let line = "๐๑\tโครงสร้าง\t<p>ยังไม่ดำเนินการ <input type=\"checkbox\"/></p> <p>ดำเนินการ <input checked=\"\" type=\"checkbox\"/></p>";
        let rows = rows_of(line);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].kind, RowKind::Tsv);
        assert_eq!(rows[0].cells.len(), 3);
        assert_eq!(
            kinds(&rows[0]),
            vec!["br", "notdone", "box0", "br", "br", "done", "box1", "br"]
        );
    }

    #[test]
    fn glyph_and_bracket_boxes() {
        let cases: &[(&str, Vec<&str>)] = &[
            (
                "☐ ยังไม่ได้ดำเนินการ ☑ ดำเนินการ",
                vec!["box0", "notdone", "box1", "done"],
            ),
            (
                "[ ] ยังไม่ดำเนินการ [x] ดำเนินการ",
                vec!["box0", "notdone", "box1", "done"],
            ),
            (
                "( / ) ดำเนินการ (   ) ยังไม่ได้ดำเนินการ",
                vec!["box1", "done", "box0", "notdone"],
            ),
            (
                "\u{F0FE} ดำเนินการ \u{F0A8} ยังไม่ได้ดำเนินการ",
                vec!["box1", "done", "box0", "notdone"],
            ),
            (
                "\u{F052} ดำเนินการ \u{F0A3} ยังไม่ได้ดำเนินการ",
                vec!["box1", "done", "box0", "notdone"],
            ),
            ("-ดำเนินการประชุม การดำเนินการ", vec![]),
            ("ยังไม่ได้ด าเนินการ", vec!["notdone"]),
        ];
        for (text, want) in cases {
            let rows = rows_of(text);
            assert_eq!(&kinds(&rows[0]), want, "{text}");
        }
    }

    #[test]
    fn pipe_rows_and_separators() {
        let rows = rows_of("| ข้อ | ข้อมูล |\n|---|---|\n| O1 | โครงสร้าง<br>ต่อ |");
        assert_eq!(rows[0].kind, RowKind::Pipe);
        assert_eq!(rows[1].kind, RowKind::Blank);
        assert_eq!(rows[2].cells[1].text(), "โครงสร้าง ต่อ");
    }

    #[test]
    fn layout_columns() {
        let rows = rows_of("O1   โครงสร้าง     ☑ ดำเนินการ\n     ต่อท้าย");
        assert_eq!(rows[0].kind, RowKind::Layout);
        assert_eq!(rows[0].cells.len(), 3);
        assert_eq!(rows[1].indent, 5);
        assert_eq!(rows[1].cells[0].col, 5);
    }

    #[test]
    fn cut_off_row_end_tag_before_a_multibyte_char() {
        // Fuzz finding (issue 14): "</tr" then a 3-byte char used to be stepped over by
        // a fixed 5 bytes, slicing inside the char.
        for text in ["<table><th><tr></tr\u{FFFD}", "<table><tr><td>ก</td></trก>"] {
            let rows = rows_of(text);
            for r in &rows {
                assert!(text.is_char_boundary(r.range.end), "{text:?} {r:?}");
            }
        }
    }

    #[test]
    fn html_table_spans_point_at_text() {
        let text = "<table>\n<tr><th>ข้อ</th><th>ข้อมูล</th></tr>\n<tr><td>O2</td><td>ข้อมูลผู้บริหาร <input type=\"checkbox\" checked> ดำเนินการ</td></tr>\n</table>";
        let rows = rows_of(text);
        assert_eq!(rows.len(), 2);
        assert!(rows[0].header);
        let cell = &rows[1].cells[1];
        let t = &cell.toks[0];
        assert_eq!(&text[t.range.clone()], "ข้อมูลผู้บริหาร");
        assert!(cell
            .toks
            .iter()
            .any(|t| matches!(t.kind, TokKind::Box(b) if b.ticked())));
    }

    #[test]
    fn html_rowspan_and_colspan_place_cells_on_the_grid() {
        let text = "<table>\n<tr><th rowspan=\"2\">ข้อ</th><th colspan=\"2\">ผลการดำเนินการ</th><th rowspan=\"2\">ข้อมูล</th></tr>\n<tr><th>ดำเนินการ</th><th>ยังไม่ดำเนินการ</th></tr>\n<tr><td>O1</td><td>☑</td><td>☐</td><td>โครงสร้าง</td></tr>\n</table>";
        let rows = rows_of(text);
        let texts = |r: &Row| r.cells.iter().map(Cell::text).collect::<Vec<_>>();
        assert_eq!(texts(&rows[0]), ["ข้อ", "ผลการดำเนินการ", "", "ข้อมูล"]);
        assert_eq!(texts(&rows[1]), ["", "ดำเนินการ", "ยังไม่ดำเนินการ", ""]);
        assert_eq!(rows[2].cells.len(), 4);
        assert!(rows[2].cells[1].has_box());
    }

    #[test]
    fn hostile_spans_stay_bounded() {
        let mut text = String::from("<table><tr>");
        for _ in 0..2000 {
            text.push_str("<td rowspan=\"100000\" colspan=\"100000\">x</td>");
        }
        text.push_str("</tr>");
        for _ in 0..200 {
            text.push_str("<tr><td>y</td></tr>");
        }
        text.push_str("</table>");
        let rows = rows_of(&text);
        let cells: usize = rows.iter().map(|r| r.cells.len()).sum();
        // 2000 cells plus at most the capped grid per row.
        assert!(cells < 2000 + 64 + 201 * 257, "{cells} cells");
    }
}
