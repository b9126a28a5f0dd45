//! `data/vocab/doc_kinds.tsv`: the ordered rules that decide a document's kind
//! (`doc_kind`), applied by [`crate::extract::doc_kind`]; and `data/vocab/score_words.tsv`:
//! the wording of results and scores (agency types beyond local administrations, ...).

use crate::model::DocKind;
use std::sync::OnceLock;

const DOC_KINDS: &str = include_str!("../../data/vocab/doc_kinds.tsv");
const SCORE_WORDS: &str = include_str!("../../data/vocab/score_words.tsv");
const LEVEL_RULES: &str = include_str!("../../data/vocab/level_rules.tsv");

/// One row of `data/vocab/level_rules.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelRule {
    pub from: i32,
    pub to: i32,
    pub level: &'static str,
    pub min_total: f64,
    /// Each tool's least score out of 100, if the level asks one.
    pub min_tool: Option<f64>,
}

/// The level rules in file order.
pub fn level_rules() -> &'static [LevelRule] {
    static R: OnceLock<Vec<LevelRule>> = OnceLock::new();
    R.get_or_init(|| {
        super::tsv_rows(LEVEL_RULES)
            .filter_map(|r| {
                Some(LevelRule {
                    from: r.first()?.parse().ok()?,
                    to: r.get(1)?.parse().ok()?,
                    level: r.get(2)?,
                    min_total: r.get(3)?.parse().ok()?,
                    min_tool: r.get(4).and_then(|v| v.parse().ok()),
                })
            })
            .collect()
    })
}

/// The tools' weights in the total (IIT, EIT, OIT), from `score_words.tsv`.
pub fn tool_weights() -> [f64; 3] {
    let w: Vec<f64> = score_words("tool_weight")
        .iter()
        .filter_map(|v| v.parse().ok())
        .collect();
    [w.first(), w.get(1), w.get(2)].map(|v| v.copied().unwrap_or(0.0))
}

/// Every list of `data/vocab/score_words.tsv` with its words, lists and words in file
/// order.
pub fn score_word_lists() -> &'static [(&'static str, Vec<&'static str>)] {
    static LISTS: OnceLock<Vec<(&'static str, Vec<&'static str>)>> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut out: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
        for r in super::tsv_rows(SCORE_WORDS) {
            let (Some(l), Some(w)) = (r.first().copied(), r.get(1).copied()) else {
                continue;
            };
            match out.iter_mut().find(|(name, _)| *name == l) {
                Some((_, v)) => v.push(w),
                None => out.push((l, vec![w])),
            }
        }
        out
    })
}

/// The words of one list of `data/vocab/score_words.tsv`, in file order (empty for a
/// list the file does not have).
pub fn score_words(list: &str) -> &'static [&'static str] {
    score_word_lists()
        .iter()
        .find(|(name, _)| *name == list)
        .map_or(&[], |(_, v)| v.as_slice())
}

/// Where a rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    /// A test of what the extractor found, named by the rule's word.
    Structure,
    /// The document's title lines.
    Title,
    /// A title line that starts with the word ("โครงการเสริมสร้างคุณธรรม …", not "๑. ชื่อ
    /// โครงการ …" of a form's field).
    TitleStart,
    /// Anywhere in the text.
    Text,
}

/// One rule: the kind it gives, where it looks, and its word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindRule {
    pub kind: DocKind,
    pub place: Where,
    pub word: &'static str,
}

impl KindRule {
    /// How the rule is named in `doc_kind_rule` ("title: คู่มือ").
    pub fn describe(&self) -> String {
        let w = match self.place {
            Where::Structure => "structure",
            Where::Title => "title",
            Where::TitleStart => "title_start",
            Where::Text => "text",
        };
        format!("{w}: {}", self.word)
    }
}

/// The rules in file order. A row with an unknown kind or place is a data error and
/// fails the build's tests (`rules_parse`), never silently skipped at run time.
pub fn kind_rules() -> &'static [KindRule] {
    static R: OnceLock<Vec<KindRule>> = OnceLock::new();
    R.get_or_init(|| {
        super::tsv_rows(DOC_KINDS)
            .filter_map(|r| {
                let kind = DocKind::parse(r.first()?)?;
                let place = match *r.get(1)? {
                    "structure" => Where::Structure,
                    "title" => Where::Title,
                    "title_start" => Where::TitleStart,
                    "text" => Where::Text,
                    _ => return None,
                };
                Some(KindRule {
                    kind,
                    place,
                    word: r.get(2)?,
                })
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_parse() {
        let rows = super::super::tsv_rows(DOC_KINDS).count();
        assert_eq!(
            kind_rules().len(),
            rows,
            "a row of doc_kinds.tsv is malformed"
        );
        assert_eq!(
            level_rules().len(),
            super::super::tsv_rows(LEVEL_RULES).count()
        );
        assert_eq!(tool_weights().iter().sum::<f64>(), 100.0);
        assert!(kind_rules()
            .iter()
            .any(|r| r.kind == DocKind::ResultsAnnouncement && r.place == Where::Structure));
    }
}
