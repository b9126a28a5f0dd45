//! `score_inconsistent` (level): a level that contradicts the scores, where the
//! assessment year's rule is known (`data/vocab/level_rules.tsv`). From 2566 the rule
//! asks each tool's score out of 100 as well; without the tools such a level is not
//! checked. A level the year's table does not list is not checked either.
//!
//! Two places are checked: the assessment block of an analysis report, and the rows of
//! a results announcement. An announcement whose levels depart from the rule in many
//! rows follows a rule of its own (an agency's own assessment of its units, such as the
//! vocational colleges' "ระดับต่ำกว่ากรม"): it gets one `info` flag saying how many rows
//! depart, and its levels are kept as written; where only a few rows depart (at most
//! one in five of those the rule decides), each of them is a warning.

use crate::diagnostic::{Flag, FlagCode, Severity};
use crate::model::Document;
use crate::source::Span;
use crate::vocab::kinds::level_rules;

/// Most rows, per row the rule decides, that may depart from it for the rule to be
/// taken as the table's own: above it, the table follows another rule.
const MAX_DEPARTING: f64 = 0.2;

/// What the year's rule says of a written level.
#[derive(Debug, PartialEq)]
enum Verdict {
    /// The rule gives this level (the written one or another).
    Earns(&'static str),
    /// The year has no rule, the level is not one it lists, or it needs the tools and
    /// they are not stated.
    Undecided,
}

/// The level that `total` (and `tools`, each out of 100) earn in `year`, for a
/// written `level`.
fn verdict(year: i32, level: &str, total: f64, tools: Option<[f64; 3]>) -> Verdict {
    let rules: Vec<_> = level_rules()
        .iter()
        .filter(|r| (r.from..=r.to).contains(&year))
        .collect();
    if !rules.iter().any(|r| r.level == level) {
        return Verdict::Undecided;
    }
    for r in &rules {
        let tools_ok = match (r.min_tool, tools) {
            (None, _) => true,
            (Some(m), Some(t)) => t.iter().all(|v| *v >= m - 1e-9),
            // The rule needs the tools and they are not stated: cannot be decided.
            (Some(_), None) if total >= r.min_total => return Verdict::Undecided,
            (Some(_), None) => false,
        };
        if total >= r.min_total - 1e-9 && tools_ok {
            return Verdict::Earns(r.level);
        }
    }
    Verdict::Undecided
}

/// Tool scores out of 100, from scores on the weighted scale (30 / 30 / 40) or already
/// out of 100.
fn out_of_100(tools: [Option<f64>; 3], weighted: bool) -> Option<[f64; 3]> {
    let w = crate::vocab::kinds::tool_weights();
    let [a, b, c] = tools;
    let t = [a?, b?, c?];
    Some(std::array::from_fn(|i| {
        if weighted {
            t[i] * 100.0 / w[i]
        } else {
            t[i]
        }
    }))
}

pub fn check(doc: &mut Document) {
    check_assessment(doc);
    check_results(doc);
}

fn check_assessment(doc: &mut Document) {
    let Some(a) = &doc.assessment else {
        return;
    };
    let (Some(year), Some(level), Some(total)) = (a.assessment_year, &a.level, &a.total) else {
        return;
    };
    let tools = out_of_100(
        [&a.iit, &a.eit, &a.oit].map(|t| t.as_ref().map(|s| s.value)),
        a.tool_scale.as_deref() == Some("weighted"),
    );
    let Verdict::Earns(e) = verdict(year, level, total.value, tools) else {
        return;
    };
    if e != level {
        let message = format!(
            "level {level} (page {} line {}) contradicts the scores: total {} gives {e} under the {year} rule",
            a.level_span.as_ref().map(|s| s.page).unwrap_or(0),
            a.level_span.as_ref().map(|s| s.line).unwrap_or(0),
            total.text
        );
        let span = a.level_span.clone().or(Some(total.span.clone()));
        doc.flags.push(Flag::new(
            FlagCode::ScoreInconsistent,
            Severity::Warning,
            message,
            span,
        ));
    }
}

/// The rows of a results announcement, in the year of the announcement. Rows already
/// flagged (scores that do not add up) are not judged again.
fn check_results(doc: &mut Document) {
    let Some(year) = doc.fiscal_year else {
        return;
    };
    let mut decided = 0usize;
    let mut departing: Vec<(String, Span)> = Vec::new();
    for r in doc.results.iter().filter(|r| !r.flagged) {
        let (Some(level), Some(total)) = (&r.level, r.total) else {
            continue;
        };
        let Verdict::Earns(e) =
            verdict(year, level, total, out_of_100([r.iit, r.eit, r.oit], true))
        else {
            continue;
        };
        decided += 1;
        if e != level {
            let rank = r.rank.map(|n| n.to_string()).unwrap_or_else(|| "?".into());
            departing.push((
                format!(
                    "results row {rank} ({}): level {level} contradicts the scores: total {total:.2} gives {e} under the {year} rule",
                    r.agency_written
                ),
                r.span.clone(),
            ));
        }
    }
    if departing.is_empty() {
        return;
    }
    if departing.len() as f64 <= decided as f64 * MAX_DEPARTING {
        for (message, span) in departing {
            doc.flags.push(Flag::new(
                FlagCode::ScoreInconsistent,
                Severity::Warning,
                message,
                Some(span),
            ));
        }
    } else {
        let (first, span) = &departing[0];
        doc.flags.push(Flag::new(
            FlagCode::ScoreInconsistent,
            Severity::Info,
            format!(
                "the levels of {} of the {decided} results rows the {year} rule decides depart from it: the table follows a rule of its own, so its levels are kept as written and not flagged one by one (first: {first})",
                departing.len()
            ),
            Some(span.clone()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_decides_with_the_tools_from_2566() {
        // 2567: ผ่านดี needs each tool at 85 or more.
        assert_eq!(
            verdict(2567, "ผ่านดี", 90.0, Some([90.0, 90.0, 90.0])),
            Verdict::Earns("ผ่านดี")
        );
        assert_eq!(
            verdict(2567, "ผ่านดี", 90.0, Some([90.0, 80.0, 90.0])),
            Verdict::Earns("ผ่าน")
        );
        assert_eq!(verdict(2567, "ผ่านดี", 90.0, None), Verdict::Undecided);
        // Below every tool condition the total alone decides.
        assert_eq!(
            verdict(2567, "ผ่านดี", 72.0, None),
            Verdict::Earns("ต้องปรับปรุง")
        );
        // A level the year does not list.
        assert_eq!(verdict(2568, "ปรับปรุง", 20.0, None), Verdict::Undecided);
        assert_eq!(verdict(2565, "A", 90.0, None), Verdict::Earns("A"));
    }

    fn announcement(rows: &[(f64, f64, f64, &str)]) -> Document {
        let opts = crate::pipeline::PipelineOptions::default();
        let mut doc = crate::pipeline::process_bytes("x.txt", b"hello\n", &opts);
        doc.flags.clear();
        doc.fiscal_year = Some(2567);
        for (k, (i, e, o, level)) in rows.iter().enumerate() {
            doc.results.push(crate::model::ResultRow {
                rank: Some(k as u32 + 1),
                agency_written: format!("เทศบาลตำบล{k}"),
                agency: Default::default(),
                iit: Some(*i),
                eit: Some(*e),
                oit: Some(*o),
                total: Some(i + e + o),
                level: Some(level.to_string()),
                level_as_read: None,
                repaired: false,
                flagged: false,
                span: Span {
                    page: 1,
                    line: k as u32 + 1,
                    column: 1,
                    byte_start: 0,
                    byte_end: 1,
                    bbox: None,
                },
                rank_span: None,
                text: String::new(),
            });
        }
        doc
    }

    #[test]
    fn one_row_against_the_rule_is_flagged() {
        let mut rows = vec![(29.0, 29.0, 39.0, "ผ่านดีเยี่ยม"); 5];
        // 27.55 + 26.90 + 38.00 = 92.45: ผ่านดี at best, written ผ่านดีเยี่ยม.
        rows.push((27.55, 26.90, 38.00, "ผ่านดีเยี่ยม"));
        let mut doc = announcement(&rows);
        check_results(&mut doc);
        assert_eq!(doc.flags.len(), 1, "{:?}", doc.flags);
        let f = &doc.flags[0];
        assert_eq!(
            (f.code, f.severity),
            (FlagCode::ScoreInconsistent, Severity::Warning)
        );
        assert!(f.message.contains("results row 6"), "{}", f.message);
        assert_eq!(f.span.as_ref().map(|s| s.line), Some(6));
    }

    #[test]
    fn a_table_of_its_own_rule_gets_one_note() {
        // Levels by total alone (ผ่านดี from 85 whatever the tools): 2 of 4 depart.
        let rows = [
            (29.0, 29.0, 39.0, "ผ่านดีเยี่ยม"),
            (29.9, 30.0, 30.3, "ผ่านดี"),
            (29.6, 27.6, 33.5, "ผ่านดี"),
            (28.8, 26.9, 34.6, "ผ่านดี"),
        ];
        let mut doc = announcement(&rows);
        check_results(&mut doc);
        assert_eq!(doc.flags.len(), 1, "{:?}", doc.flags);
        let f = &doc.flags[0];
        assert_eq!(f.severity, Severity::Info);
        assert!(f.message.contains("2 of the 4"), "{}", f.message);
    }
}
