//! `score_inconsistent` (difference): a stated change from the previous year must be
//! this year's total minus last year's, within 0.01. The flag points at the stated
//! difference and names both totals' places.

use crate::diagnostic::{Flag, FlagCode, Severity};
use crate::model::Document;

pub fn check(doc: &mut Document) {
    let Some(a) = &doc.assessment else {
        return;
    };
    let (Some(total), Some(prev), Some(diff)) = (&a.total, &a.previous_total, &a.stated_difference)
    else {
        return;
    };
    let actual = total.value - prev.value;
    if (actual - diff.value).abs() > 0.01 + 1e-9 {
        let message = format!(
            "stated difference {} (page {} line {}) is not {} - {} = {actual:.2} (pages {} and {})",
            diff.text,
            diff.span.page,
            diff.span.line,
            total.text,
            prev.text,
            total.span.page,
            prev.span.page
        );
        let span = Some(diff.span.clone());
        doc.flags.push(Flag::new(
            FlagCode::ScoreInconsistent,
            Severity::Warning,
            message,
            span,
        ));
    }
}
