//! The CSV tables of a batch, one row per document, per OIT item, per indicator and per
//! flag. Every table starts with `doc_id` (the name of `documents/<id>.json`), so tables
//! join on it; the agency and fiscal year are repeated on each row so a table can be
//! read alone in a spreadsheet. UTF-8 without a byte-order mark, RFC 4180 quoting (the
//! `csv` crate), `\n` line ends; empty cell for null.
//!
//! | file             | one row per          |
//! |------------------|----------------------|
//! | `documents.csv`  | document             |
//! | `items.csv`      | document x OIT item  |
//! | `indicators.csv` | document x indicator |
//! | `flags.csv`      | document x flag      |

use crate::model::{Document, ItemStatus};
use crate::source::Span;

pub const DOCUMENTS_HEADER: &[&str] = &[
    "doc_id",
    "path",
    "sha256",
    "format",
    "pages",
    "text_origin",
    "status",
    "agency_name",
    "agency_type",
    "subdistrict",
    "district",
    "province",
    "geocode",
    "fiscal_year",
    "overall_score",
    "level",
    "catalogue",
    "measures",
    "indicators",
    "items",
    "items_done",
    "items_not_done",
    "items_conflict",
    "items_unknown",
    "flags",
    "errors",
    "warnings",
];

pub const ITEMS_HEADER: &[&str] = &[
    "doc_id",
    "agency_name",
    "agency_type",
    "province",
    "geocode",
    "fiscal_year",
    "code",
    "raw_code",
    "title",
    "catalogue_title",
    "status",
    "code_corrected",
    "page",
    "line",
    "notes",
];

pub const INDICATORS_HEADER: &[&str] = &[
    "doc_id",
    "agency_name",
    "agency_type",
    "province",
    "geocode",
    "fiscal_year",
    "number",
    "title",
    "status",
    "page",
    "line",
    "notes",
];

pub const FLAGS_HEADER: &[&str] = &[
    "doc_id",
    "agency_name",
    "fiscal_year",
    "code",
    "severity",
    "message",
    "page",
    "line",
];

/// The tables, in the order [`TableRows`] holds them, with their file names.
pub const TABLES: [(&str, &[&str]); 4] = [
    ("documents.csv", DOCUMENTS_HEADER),
    ("items.csv", ITEMS_HEADER),
    ("indicators.csv", INDICATORS_HEADER),
    ("flags.csv", FLAGS_HEADER),
];

/// One document's rows of each table, as CSV bytes without header.
#[derive(Debug, Default)]
pub struct TableRows(pub [Vec<u8>; 4]);

/// The CSV bytes of a header line.
pub fn header_bytes(header: &[&str]) -> Vec<u8> {
    csv_bytes(|w| w.write_record(header))
}

fn csv_bytes<F>(fill: F) -> Vec<u8>
where
    F: FnOnce(&mut csv::Writer<&mut Vec<u8>>) -> csv::Result<()>,
{
    let mut buf = Vec::new();
    {
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(&mut buf);
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
            count(ItemStatus::Conflict).to_string(),
            count(ItemStatus::Unknown).to_string(),
            doc.flags.len().to_string(),
            severity(crate::diagnostic::Severity::Error).to_string(),
            severity(crate::diagnostic::Severity::Warning).to_string(),
        ])
    });
    let items = csv_bytes(|w| {
        for item in &doc.oit_items {
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
                if item.code_corrected { "true" } else { "false" },
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
    TableRows([documents, items, indicators, flags])
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
        });
        let TableRows([docs, items, inds, flags]) = rows("a-00", &doc);
        let docs = String::from_utf8(docs).unwrap();
        assert!(docs.starts_with("a-00,in/a.txt,ab,text,0,none,failed,เทศบาลตำบลโคกสำราญ,"));
        assert_eq!(docs.lines().count(), 1);
        assert_eq!(
            String::from_utf8(items).unwrap(),
            "a-00,เทศบาลตำบลโคกสำราญ,,,,2566,O1,๐๑,โครงสร้าง,,not_done,true,3,14,\n"
        );
        assert!(inds.is_empty());
        assert_eq!(
            String::from_utf8(flags).unwrap(),
            "a-00,เทศบาลตำบลโคกสำราญ,2566,parse_error,error,\"bad, \"\"quoted\"\"\nline\",,\n"
        );
    }

    #[test]
    fn headers_match_row_widths() {
        let doc =
            crate::pipeline::failed("x", "", SourceFormat::Pdf, FlagCode::Timeout, "t".into());
        let TableRows(parts) = rows("x", &doc);
        for ((_, header), bytes) in TABLES.iter().zip(parts.iter()) {
            let mut r = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(bytes.as_slice());
            for rec in r.records() {
                assert_eq!(rec.unwrap().len(), header.len());
            }
        }
    }
}
