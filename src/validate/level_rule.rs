//! `score_inconsistent` (level): a level that contradicts the scores, where the
//! assessment year's rule is known (`data/vocab/level_rules.tsv`). From 2566 the rule
//! asks each tool's score out of 100 as well; without the tools such a level is not
//! checked. A level the year's table does not list is not checked either.

use crate::diagnostic::{Flag, FlagCode, Severity};
use crate::model::Document;
use crate::vocab::kinds::level_rules;

pub fn check(doc: &mut Document) {
    let Some(a) = &doc.assessment else {
        return;
    };
    let (Some(year), Some(level), Some(total)) = (a.assessment_year, &a.level, &a.total) else {
        return;
    };
    let rules: Vec<_> = level_rules()
        .iter()
        .filter(|r| (r.from..=r.to).contains(&year))
        .collect();
    if !rules.iter().any(|r| r.level == level) {
        return;
    }
    let w = crate::vocab::kinds::tool_weights();
    let tools: Option<Vec<f64>> = [&a.iit, &a.eit, &a.oit]
        .iter()
        .zip(w)
        .map(|(t, w)| {
            t.as_ref().map(|s| {
                if a.tool_scale.as_deref() == Some("weighted") {
                    s.value * 100.0 / w
                } else {
                    s.value
                }
            })
        })
        .collect();
    let mut earned = None;
    for r in &rules {
        let tools_ok = match (r.min_tool, &tools) {
            (None, _) => true,
            (Some(m), Some(t)) => t.iter().all(|v| *v >= m - 1e-9),
            // The rule needs the tools and they are not stated: cannot be decided.
            (Some(_), None) if total.value >= r.min_total => return,
            (Some(_), None) => false,
        };
        if total.value >= r.min_total - 1e-9 && tools_ok {
            earned = Some(r.level);
            break;
        }
    }
    if let Some(e) = earned.filter(|e| e != level) {
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
