//! The document's kind (`doc_kind`), decided by the ordered rules of
//! `data/vocab/doc_kinds.tsv` ([`crate::vocab::kinds`]): the first rule that holds
//! decides. A rule tests what the extractor found (`structure`), the title lines or the
//! whole text. Where no rule holds the kind stays null here; the validate stage makes
//! it `not_ita` when the document has no ITA content.
//!
//! For `oit_evidence`, an OIT code written in the title lines ("O18") names the item the
//! document is evidence for.

use crate::layout::Doc;
use crate::model::{DocKind, Document, ItemStatus};
use crate::vocab::kinds::{kind_rules, KindRule, Where};

/// How many lines with text count as the title.
const TITLE_LINES: usize = 12;

/// The kind, the rule that decided it, and the item an evidence document names.
pub fn decide(doc: &Document, layout: &Doc) -> (Option<DocKind>, Option<String>, Option<String>) {
    let title = title_lines(layout);
    let Some(rule) = kind_rules().iter().find(|r| holds(r, doc, layout, &title)) else {
        return (None, None, None);
    };
    let item = (rule.kind == DocKind::OitEvidence)
        .then(|| evidence_item(&title))
        .flatten();
    (Some(rule.kind), Some(rule.describe()), item)
}

fn holds(rule: &KindRule, doc: &Document, layout: &Doc, title: &str) -> bool {
    match rule.place {
        Where::Structure => structure(rule.word, doc),
        Where::Title => contains(title, rule.word),
        Where::TitleStart => title.lines().any(|l| l.trim_start().starts_with(rule.word)),
        Where::Text => layout
            .pages
            .iter()
            .any(|p| contains(&p.rep.text, rule.word)),
    }
}

/// The structural tests a rule may name.
fn structure(test: &str, doc: &Document) -> bool {
    match test {
        "ticked_rows" => {
            doc.oit_items
                .iter()
                .any(|i| i.status != ItemStatus::Unknown)
                || doc
                    .indicators
                    .iter()
                    .any(|i| i.status != ItemStatus::Unknown)
        }
        "results_rows" => doc.results.len() >= 3,
        "assessment" => doc
            .assessment
            .as_ref()
            .is_some_and(|a| a.number_count() >= 3),
        "checklist_rows" => !doc.oit_items.is_empty() || !doc.indicators.is_empty(),
        _ => false,
    }
}

/// Whether `text` holds `word`, a space in the word matching any run of spaces or tabs
/// (and none: words split by a PDF's glyph gaps).
fn contains(text: &str, word: &str) -> bool {
    if !word.contains(' ') {
        return text.contains(word);
    }
    let squeeze = |s: &str| s.split([' ', '\t']).collect::<String>();
    squeeze(text).contains(&squeeze(word))
}

/// The title: the first lines with text of the first page that has text, less the rows
/// of tables among them (a budget table's "แผนงานสาธารณสุข" row or a header cell
/// "ชื่อโครงการ" is not the document's title; the lines count toward the twelve all the
/// same).
fn title_lines(layout: &Doc) -> String {
    use crate::layout::BlockKind;
    let Some(p) = layout.pages.iter().find(|p| !p.rep.text.trim().is_empty()) else {
        return String::new();
    };
    let mut lines: Vec<&str> = Vec::new();
    let mut seen = 0;
    for b in &p.blocks {
        for r in &p.rows[b.rows.clone()] {
            let text = p.rep.text.get(r.range.clone()).unwrap_or("");
            let with_text: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
            if with_text.is_empty() {
                continue;
            }
            if b.kind != BlockKind::Table {
                lines.extend(with_text.iter().copied().take(TITLE_LINES - seen));
            }
            seen = (seen + with_text.len()).min(TITLE_LINES);
            if seen == TITLE_LINES {
                return lines.join("\n");
            }
        }
    }
    lines.join("\n")
}

/// An OIT code written with its letter in the title ("O18", "O 18"): a zero standing
/// for the letter is not taken here, where numbers are common.
fn evidence_item(title: &str) -> Option<String> {
    let mut rest = title;
    let mut base = 0;
    while let Some((r, n)) = crate::normalize::find_item_code(rest) {
        let first = rest[r.clone()].chars().next();
        if first.is_some_and(|c| !c.is_numeric()) {
            return Some(format!("O{n}"));
        }
        base += r.end;
        rest = &title[base..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_item_needs_the_letter() {
        assert_eq!(
            evidence_item("รายงาน O18 ผลการใช้จ่าย").as_deref(),
            Some("O18")
        );
        assert_eq!(evidence_item("ปี ๐๑ และ O 5").as_deref(), Some("O5"));
        assert_eq!(evidence_item("ปีงบประมาณ 2567"), None);
    }

    #[test]
    fn spaced_words_match_runs_of_space() {
        assert!(contains("ผลการ  วิเคราะห์", "ผลการ วิเคราะห์"));
        assert!(contains("ผลการวิเคราะห์", "ผลการ วิเคราะห์"));
        assert!(!contains("ผลการ", "วิเคราะห์"));
    }
}
