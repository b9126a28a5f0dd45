//! The CSV tables of a batch, one row per document, per OIT item, per indicator and per
//! flag. Every table starts with `doc_id` (the name of `documents/<id>.json`), so tables
//! join on it; the agency and fiscal year are repeated on each row so a table can be
//! read alone in a spreadsheet. UTF-8 (with a byte-order mark only under `--excel`,
//! [`TableOptions`]), RFC 4180 quoting (the `csv` crate), `\n` line ends; empty cell for
//! null.
//!
//! | file             | one row per                                                  |
//! |------------------|--------------------------------------------------------------|
//! | `documents.csv`  | document                                                     |
//! | `items.csv`      | document x OIT code (a code the document repeats: its first row, `duplicate=true`; items without a code each get a row) |
//! | `indicators.csv` | document x indicator                                         |
//! | `flags.csv`      | document x flag                                              |
//! | `results.csv`    | document x row of a results announcement                     |
//!
//! Every cell goes through [`CellWriter`] (this module's tables and the comparison
//! tables alike), which makes cells safe to open in a spreadsheet (issue 14, OWASP "CSV
//! injection"): a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets
//! a leading `'` (a plain number such as `-3.5` is left as it is), and control
//! characters are replaced by the visible Unicode control pictures (U+0000..U+001F to
//! U+2400..U+241F, DEL to U+2421; tab, CR and LF inside a cell are kept, quoted) or, for
//! C1 controls U+0080..U+009F, by U+FFFD. The JSON outputs keep the text as read.
//!
//! Each column has a type ([`Column`]), written into `datapackage.json` beside the
//! tables ([`super::datapackage`]) so that loaders keep codes such as `geocode` as text.

use crate::model::{Document, ItemStatus};
use crate::source::Span;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A CSV writer whose every cell is made spreadsheet-safe by [`safe_cell`]: the one
/// place where cells are written, for every CSV of the project.
pub struct CellWriter<W: std::io::Write>(csv::Writer<W>);

impl<W: std::io::Write> CellWriter<W> {
    pub fn new(writer: csv::Writer<W>) -> Self {
        CellWriter(writer)
    }

    /// Write one record, each cell through [`safe_cell`].
    pub fn write_record<I, T>(&mut self, record: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        self.0.write_record(
            record
                .into_iter()
                .map(|c| safe_cell(c.as_ref()).into_owned()),
        )
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// A cell that a spreadsheet shows as text and never runs as a formula, and that holds
/// no raw control characters (the module doc says how).
pub fn safe_cell(cell: &str) -> Cow<'_, str> {
    let control = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || ('\u{80}'..='\u{9F}').contains(&c)
    };
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(cell);
    if !formula && !cell.chars().any(control) {
        return Cow::Borrowed(cell);
    }
    let mut out = String::with_capacity(cell.len() + 1);
    if formula {
        out.push('\'');
    }
    for c in cell.chars() {
        out.push(match c as u32 {
            u @ 0x00..=0x08 | u @ 0x0B | u @ 0x0C | u @ 0x0E..=0x1F => {
                char::from_u32(0x2400 + u).unwrap_or('\u{FFFD}')
            }
            0x7F => '\u{2421}',
            0x80..=0x9F => '\u{FFFD}',
            _ => c,
        });
    }
    Cow::Owned(out)
}

/// `-3`, `+4.5`: a signed decimal number, harmless in a spreadsheet.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// How the CSV tables are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TableOptions {
    /// Start each CSV with a UTF-8 byte-order mark (`--excel`): Excel reads a CSV
    /// without one in the system's code page, which garbles Thai.
    pub bom: bool,
}

/// The UTF-8 byte-order mark (U+FEFF ZERO WIDTH NO-BREAK SPACE, encoded).
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

impl TableOptions {
    /// What a CSV file starts with.
    pub fn preamble(&self) -> &'static [u8] {
        if self.bom {
            BOM
        } else {
            b""
        }
    }
}

/// The type of a column, as Frictionless Table Schema names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    String,
    Integer,
    Number,
    /// `true` / `false`.
    Boolean,
}

impl ColumnType {
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnType::String => "string",
            ColumnType::Integer => "integer",
            ColumnType::Number => "number",
            ColumnType::Boolean => "boolean",
        }
    }
}

/// One column of a table: its header, type and meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub kind: ColumnType,
    pub description: &'static str,
}

const fn text(name: &'static str, description: &'static str) -> Column {
    Column {
        name,
        kind: ColumnType::String,
        description,
    }
}

const fn int(name: &'static str, description: &'static str) -> Column {
    Column {
        name,
        kind: ColumnType::Integer,
        description,
    }
}

const DOC_ID: Column = text("doc_id", "the document's id: documents/<doc_id>.json");
const AGENCY_NAME: Column = text("agency_name", "agency name as the gazetteer writes it");
const AGENCY_TYPE: Column = text(
    "agency_type",
    "อบจ., เทศบาลนคร, เทศบาลเมือง, เทศบาลตำบล or อบต.",
);
const PROVINCE: Column = text("province", "province of the agency");
const GEOCODE: Column = text(
    "geocode",
    "DOPA place code of the agency (text: a code, not a number)",
);
const FISCAL_YEAR: Column = int("fiscal_year", "fiscal year, Buddhist Era (2566)");
const PAGE: Column = int("page", "page of the value, from 1");
const LINE: Column = int("line", "line of the value on its page, from 1");

pub const DOCUMENTS_COLUMNS: &[Column] = &[
    DOC_ID,
    text("path", "the input file as the run named or found it"),
    text("sha256", "SHA-256 of the input file, lowercase hex"),
    text("format", "pdf or text"),
    int("pages", "pages read"),
    text("text_origin", "pdf_text, ocr_text, ocr_engine or none"),
    text("status", "ok, partial or failed"),
    AGENCY_NAME,
    AGENCY_TYPE,
    text("subdistrict", "subdistrict of the agency"),
    text("district", "district of the agency"),
    PROVINCE,
    GEOCODE,
    FISCAL_YEAR,
    Column {
        name: "overall_score",
        kind: ColumnType::Number,
        description: "overall ITA score as written",
    },
    text("level", "level as written (ผ่านดีเยี่ยม, AA)"),
    text(
        "catalogue",
        "OIT list the items were matched against (2566-2567)",
    ),
    int("measures", "number of measures"),
    int("indicators", "number of indicators"),
    int("items", "number of OIT items (every occurrence)"),
    int("items_done", "OIT items done"),
    int("items_not_done", "OIT items not done"),
    int("items_in_progress", "OIT items in progress"),
    int("items_conflict", "OIT items with contradictory ticks"),
    int("items_unknown", "OIT items without a tick"),
    int("flags", "number of flags"),
    int("errors", "flags of severity error"),
    int("warnings", "flags of severity warning"),
];

pub const ITEMS_COLUMNS: &[Column] = &[
    DOC_ID,
    AGENCY_NAME,
    AGENCY_TYPE,
    PROVINCE,
    GEOCODE,
    FISCAL_YEAR,
    text("code", "OIT item code, O1..O43; empty when none could be read"),
    text("raw_code", "the code as written (๐๑, 0๑๑): text"),
    text("title", "the item's title as written"),
    text("catalogue_title", "the catalogue's title for the code"),
    text(
        "status",
        "done, not_done, in_progress, conflict or unknown",
    ),
    Column {
        name: "code_corrected",
        kind: ColumnType::Boolean,
        description: "the written code was wrong and was corrected",
    },
    Column {
        name: "duplicate",
        kind: ColumnType::Boolean,
        description: "the document has this code more than once (flag item_duplicate); the row is its first occurrence",
    },
    PAGE,
    LINE,
    text("notes", "progress text of the row"),
];

pub const INDICATORS_COLUMNS: &[Column] = &[
    DOC_ID,
    AGENCY_NAME,
    AGENCY_TYPE,
    PROVINCE,
    GEOCODE,
    FISCAL_YEAR,
    int("number", "indicator number, 1..10"),
    text("title", "the indicator's title as written"),
    text("status", "done, not_done, in_progress, conflict or unknown"),
    PAGE,
    LINE,
    text("notes", "progress text of the row"),
];

pub const FLAGS_COLUMNS: &[Column] = &[
    DOC_ID,
    AGENCY_NAME,
    FISCAL_YEAR,
    text("code", "flag code (status_missing, item_duplicate, ...)"),
    text("severity", "info, warning or error"),
    text("message", "what was found"),
    PAGE,
    LINE,
];

const fn number(name: &'static str, description: &'static str) -> Column {
    Column {
        name,
        kind: ColumnType::Number,
        description,
    }
}

/// One row per agency row of a results announcement (issue 10).
pub const RESULTS_COLUMNS: &[Column] = &[
    DOC_ID,
    FISCAL_YEAR,
    int(
        "rank",
        "rank as printed (after sequence repair); empty when unreadable",
    ),
    text("agency_written", "the agency's name as the table writes it"),
    text(
        "agency_type",
        "type as written (เทศบาลนคร, วิทยาลัยเทคนิค, องค์การบริหารส่วนตำบล)",
    ),
    text(
        "subdistrict",
        "subdistrict the agency is named after, where resolved",
    ),
    text("district", "district the agency is in, where resolved"),
    text("province", "province the agency is in, where resolved"),
    GEOCODE,
    number("iit", "IIT score out of 30; empty for '-' or unreadable"),
    number("eit", "EIT score out of 30"),
    number("oit", "OIT score out of 40"),
    number("total", "total out of 100"),
    text("level", "level as written; empty when unreadable"),
    text(
        "level_as_read",
        "the level cell as read when it named the level only nearly (OCR); empty otherwise",
    ),
    Column {
        name: "repaired",
        kind: ColumnType::Boolean,
        description: "a digit or the rank was changed so the row adds up",
    },
    Column {
        name: "flagged",
        kind: ColumnType::Boolean,
        description: "the scores do not add up and no small repair makes them (score_inconsistent)",
    },
    PAGE,
    LINE,
    text("text", "the row as written"),
];

/// The tables, in the order [`TableRows`] holds them, with their file names.
pub const TABLES: [(&str, &[Column]); 5] = [
    ("documents.csv", DOCUMENTS_COLUMNS),
    ("items.csv", ITEMS_COLUMNS),
    ("indicators.csv", INDICATORS_COLUMNS),
    ("flags.csv", FLAGS_COLUMNS),
    ("results.csv", RESULTS_COLUMNS),
];

/// The CSV bytes of a header line.
pub fn header_bytes(columns: &[Column]) -> Vec<u8> {
    csv_bytes(|w| w.write_record(columns.iter().map(|c| c.name)))
}

/// One document's rows of each table, as CSV bytes without header.
#[derive(Debug, Default)]
pub struct TableRows(pub [Vec<u8>; 5]);

fn csv_bytes<F>(fill: F) -> Vec<u8>
where
    F: FnOnce(&mut CellWriter<&mut Vec<u8>>) -> csv::Result<()>,
{
    let mut buf = Vec::new();
    {
        let mut w = CellWriter::new(
            csv::WriterBuilder::new()
                .has_headers(false)
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(&mut buf),
        );
        // Writing into memory cannot fail on I/O; a record is always well-formed here.
        let _ = fill(&mut w);
        let _ = w.flush();
    }
    buf
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn page_line(span: Option<&Span>) -> [String; 2] {
    match span {
        Some(s) => [s.page.to_string(), s.line.to_string()],
        None => [String::new(), String::new()],
    }
}

/// All table rows of one document.
pub fn rows(doc_id: &str, doc: &Document) -> TableRows {
    let a = &doc.agency;
    let name = opt(&a.name);
    let kind = opt(&a.agency_type);
    let province = opt(&a.province);
    let geocode = opt(&a.geocode);
    let year = opt(&doc.fiscal_year);

    let count = |s: ItemStatus| doc.oit_items.iter().filter(|i| i.status == s).count();
    let severity =
        |s: crate::diagnostic::Severity| doc.flags.iter().filter(|f| f.severity == s).count();
    let documents = csv_bytes(|w| {
        w.write_record([
            doc_id.to_string(),
            doc.source.path.clone(),
            doc.source.sha256.clone(),
            enum_str(&doc.source.format),
            doc.source.pages.to_string(),
            enum_str(&doc.source.text_origin),
            doc.status.as_str().to_string(),
            name.clone(),
            kind.clone(),
            opt(&a.subdistrict),
            opt(&a.district),
            province.clone(),
            geocode.clone(),
            year.clone(),
            opt(&doc.overall_score),
            opt(&doc.level),
            opt(&doc.catalogue),
            doc.measures.len().to_string(),
            doc.indicators.len().to_string(),
            doc.oit_items.len().to_string(),
            count(ItemStatus::Done).to_string(),
            count(ItemStatus::NotDone).to_string(),
            count(ItemStatus::InProgress).to_string(),
            count(ItemStatus::Conflict).to_string(),
            count(ItemStatus::Unknown).to_string(),
            doc.flags.len().to_string(),
            severity(crate::diagnostic::Severity::Error).to_string(),
            severity(crate::diagnostic::Severity::Warning).to_string(),
        ])
    });
    // One row per code: a repeated code keeps its first occurrence, marked duplicate.
    let mut occurrences: BTreeMap<&str, usize> = BTreeMap::new();
    for code in doc.oit_items.iter().filter_map(|i| i.code.as_deref()) {
        *occurrences.entry(code).or_default() += 1;
    }
    let items = csv_bytes(|w| {
        let mut written: BTreeMap<&str, ()> = BTreeMap::new();
        for item in &doc.oit_items {
            let duplicate = match item.code.as_deref() {
                Some(code) => {
                    if written.insert(code, ()).is_some() {
                        continue;
                    }
                    occurrences.get(code).is_some_and(|&n| n > 1)
                }
                None => false,
            };
            let [page, line] = page_line(Some(&item.span));
            w.write_record([
                doc_id,
                &name,
                &kind,
                &province,
                &geocode,
                &year,
                item.code.as_deref().unwrap_or(""),
                item.raw_code.as_deref().unwrap_or(""),
                &item.title,
                item.catalogue_title.as_deref().unwrap_or(""),
                item.status.as_str(),
                bool_str(item.code_corrected),
                bool_str(duplicate),
                &page,
                &line,
                &item.notes,
            ])?;
        }
        Ok(())
    });
    let indicators = csv_bytes(|w| {
        for ind in &doc.indicators {
            let [page, line] = page_line(Some(&ind.span));
            w.write_record([
                doc_id,
                &name,
                &kind,
                &province,
                &geocode,
                &year,
                &ind.number.to_string(),
                &ind.title,
                ind.status.as_str(),
                &page,
                &line,
                &ind.notes,
            ])?;
        }
        Ok(())
    });
    let flags = csv_bytes(|w| {
        for flag in &doc.flags {
            let [page, line] = page_line(flag.span.as_ref());
            w.write_record([
                doc_id,
                &name,
                &year,
                flag.code.as_str(),
                &enum_str(&flag.severity),
                &flag.message,
                &page,
                &line,
            ])?;
        }
        Ok(())
    });
    let results = csv_bytes(|w| {
        for r in &doc.results {
            let [page, line] = page_line(Some(&r.span));
            w.write_record([
                doc_id.to_string(),
                year.clone(),
                opt(&r.rank),
                r.agency_written.clone(),
                opt(&r.agency.agency_type),
                opt(&r.agency.subdistrict),
                opt(&r.agency.district),
                opt(&r.agency.province),
                opt(&r.agency.geocode),
                opt(&r.iit),
                opt(&r.eit),
                opt(&r.oit),
                opt(&r.total),
                opt(&r.level),
                opt(&r.level_as_read),
                bool_str(r.repaired).to_string(),
                bool_str(r.flagged).to_string(),
                page,
                line,
                r.text.clone(),
            ])?;
        }
        Ok(())
    });
    TableRows([documents, items, indicators, flags, results])
}

fn bool_str(v: bool) -> &'static str {
    if v {
        "true"
    } else {
        "false"
    }
}

/// The serde name of a unit enum variant ("pdf", "ocr_text", "warning").
fn enum_str<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_neutralised_and_controls_made_visible() {
        let cases = [
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            ("+SUM(A1:A2)", "'+SUM(A1:A2)"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            ("@SUM(1)", "'@SUM(1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("-3.5", "-3.5"),
            ("+12", "+12"),
            ("-", "'-"),
            ("-1.", "'-1."),
            ("a\u{1b}[31mb\u{7}\u{0}", "a\u{241b}[31mb\u{2407}\u{2400}"),
            ("x\u{7f}\u{85}y", "x\u{2421}\u{FFFD}y"),
            ("line\nnext\tcol", "line\nnext\tcol"),
            ("โครงสร้าง = 1", "โครงสร้าง = 1"),
        ];
        for (cell, want) in cases {
            assert_eq!(safe_cell(cell), want, "{cell:?}");
        }
        // Through the writer: the cell is quoted where it must be, and read back safe.
        let bytes = csv_bytes(|w| w.write_record(["=1+1", "a\u{0}b"]));
        assert_eq!(bytes, "'=1+1,a\u{2400}b\n".as_bytes());
    }
    use crate::diagnostic::FlagCode;
    use crate::model::{OitItem, SourceFormat};

    fn span(page: u32, line: u32) -> Span {
        Span {
            page,
            line,
            column: 1,
            byte_start: 0,
            byte_end: 1,
            bbox: None,
        }
    }

    #[test]
    fn rows_carry_doc_context_and_quote_text() {
        let mut doc = crate::pipeline::failed(
            "in/a.txt",
            "ab",
            SourceFormat::Text,
            FlagCode::ParseError,
            "bad, \"quoted\"\nline".into(),
        );
        doc.agency.name = Some("เทศบาลตำบลโคกสำราญ".into());
        doc.fiscal_year = Some(2566);
        doc.oit_items.push(OitItem {
            code: Some("O1".into()),
            raw_code: Some("๐๑".into()),
            title: "โครงสร้าง".into(),
            catalogue_title: None,
            status: ItemStatus::NotDone,
            code_corrected: true,
            notes: String::new(),
            span: span(3, 14),
            status_source: None,
            score: None,
        });
        let TableRows([docs, items, inds, flags, _]) = rows("a-00", &doc);
        let docs = String::from_utf8(docs).unwrap();
        assert!(docs.starts_with("a-00,in/a.txt,ab,text,0,none,failed,เทศบาลตำบลโคกสำราญ,"));
        assert_eq!(docs.lines().count(), 1);
        assert_eq!(
            String::from_utf8(items).unwrap(),
            "a-00,เทศบาลตำบลโคกสำราญ,,,,2566,O1,๐๑,โครงสร้าง,,not_done,true,false,3,14,\n"
        );
        assert!(inds.is_empty());
        assert_eq!(
            String::from_utf8(flags).unwrap(),
            "a-00,เทศบาลตำบลโคกสำราญ,2566,parse_error,error,\"bad, \"\"quoted\"\"\nline\",,\n"
        );
    }

    #[test]
    fn items_one_row_per_code_with_duplicates_marked() {
        let mut doc =
            crate::pipeline::failed("x", "", SourceFormat::Text, FlagCode::Timeout, "t".into());
        for (code, title) in [
            (Some("O1"), "a"),
            (Some("O2"), "b"),
            (Some("O1"), "a again"),
            (None, "c"),
            (None, "d"),
        ] {
            doc.oit_items.push(OitItem {
                code: code.map(String::from),
                raw_code: None,
                title: title.into(),
                catalogue_title: None,
                status: ItemStatus::Done,
                code_corrected: false,
                notes: String::new(),
                span: span(1, 1),
                status_source: None,
                score: None,
            });
        }
        let TableRows([_, items, _, _, _]) = rows("x", &doc);
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(items.as_slice());
        let dup = ITEMS_COLUMNS
            .iter()
            .position(|c| c.name == "duplicate")
            .unwrap();
        let got: Vec<(String, String, String)> = r
            .records()
            .map(|rec| {
                let rec = rec.unwrap();
                (rec[6].to_string(), rec[8].to_string(), rec[dup].to_string())
            })
            .collect();
        let want = [
            ("O1", "a", "true"),
            ("O2", "b", "false"),
            ("", "c", "false"),
            ("", "d", "false"),
        ];
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn headers_match_row_widths() {
        let doc =
            crate::pipeline::failed("x", "", SourceFormat::Pdf, FlagCode::Timeout, "t".into());
        let TableRows(parts) = rows("x", &doc);
        for ((_, columns), bytes) in TABLES.iter().zip(parts.iter()) {
            let mut r = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(bytes.as_slice());
            for rec in r.records() {
                assert_eq!(rec.unwrap().len(), columns.len());
            }
        }
    }
}
