//! `no_ita_content`: a document with nothing of the ITA in it is not passed as `ok`. It
//! is flagged (and so `partial`) when it yields no OIT item, no indicator and no score,
//! and either no agency and no fiscal year either (a saved 404 page, "hello"), or no
//! word of the ITA anywhere in its text (list `ita_marker` of `data/vocab/words.tsv`: an agency's letter
//! about a council meeting). A document that already says why it is empty (no text
//! layer, a reader error) gets no second flag. A document given a kind by the rules of
//! `data/vocab/doc_kinds.tsv` is not flagged; a flagged one is of kind `not_ita`.

use crate::diagnostic::{Flag, FlagCode, Severity};
use crate::layout::Doc;
use crate::model::{DocKind, Document};

pub fn check(doc: &mut Document, layout: &Doc) {
    // A document whose kind is decided by its title or its tables (evidence for an OIT
    // item, a results announcement, an analysis) has its ITA content: nothing to flag.
    if doc.doc_kind.is_some_and(|k| k != DocKind::NotIta) {
        return;
    }
    let nothing_read =
        doc.oit_items.is_empty() && doc.indicators.is_empty() && doc.overall_score.is_none();
    let no_place = doc.agency.name.is_none() && doc.fiscal_year.is_none();
    let empty = nothing_read
        && (no_place
            || !layout.pages.iter().any(|p| {
                crate::vocab::words("ita_marker")
                    .iter()
                    .any(|w| p.rep.text.contains(w))
            }));
    let explained = doc.flags.iter().any(|f| {
        f.severity >= Severity::Warning
            && matches!(
                f.code,
                FlagCode::NoTextLayer
                    | FlagCode::ParseError
                    | FlagCode::Encrypted
                    | FlagCode::Timeout
                    | FlagCode::TooLarge
            )
    });
    if empty && !explained {
        doc.doc_kind = Some(DocKind::NotIta);
        doc.doc_kind_rule = Some("no ITA content".to_string());
        let message = if no_place {
            "no agency, fiscal year, OIT item, indicator or score found: not an ITA report, or nothing in it could be read"
        } else {
            "no OIT item, indicator or score, and no word of the ITA in the text: not an ITA report"
        };
        doc.flags.push(Flag::new(
            FlagCode::NoItaContent,
            Severity::Warning,
            message,
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::model::DocStatus;
    use crate::pipeline::{process_bytes, PipelineOptions};

    #[test]
    fn empty_documents_are_partial_with_a_flag() {
        for text in [
            "hello\n",
            "<html><body><h1>404 Not Found</h1></body></html>",
        ] {
            let doc = process_bytes("x.txt", text.as_bytes(), &PipelineOptions::default());
            assert_eq!(doc.status, DocStatus::Partial, "{text}");
            assert!(doc
                .flags
                .iter()
                .any(|f| f.code.as_str() == "no_ita_content"));
        }
        let seed = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/seed_1afe833d.txt"
        ))
        .expect("seed fixture");
        let doc = process_bytes("seed.txt", &seed, &PipelineOptions::default());
        assert!(!doc
            .flags
            .iter()
            .any(|f| f.code.as_str() == "no_ita_content"));
    }
}
