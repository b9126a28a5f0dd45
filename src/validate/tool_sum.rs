//! `score_inconsistent` (tools): an analysis report's tool scores must make its total
//! within 0.01 — summed where they are stated weighted (out of 30 / 30 / 40), weighted
//! by `tool_weight` of `data/vocab/score_words.tsv` where stated out of 100. The flag
//! points at the total and names the tools' places.

use crate::diagnostic::{Flag, FlagCode, Severity};
use crate::model::Document;

pub fn check(doc: &mut Document) {
    let Some(a) = &doc.assessment else {
        return;
    };
    let (Some(total), Some(iit), Some(eit), Some(oit)) = (&a.total, &a.iit, &a.eit, &a.oit) else {
        return;
    };
    let w = crate::vocab::kinds::tool_weights();
    let tools = [iit, eit, oit];
    let sum: f64 = if a.tool_scale.as_deref() == Some("weighted") {
        tools.iter().map(|t| t.value).sum()
    } else {
        tools.iter().zip(w).map(|(t, w)| t.value * w / 100.0).sum()
    };
    if (sum - total.value).abs() > 0.01 + 1e-9 {
        let places: Vec<String> = ["IIT", "EIT", "OIT"]
            .iter()
            .zip(tools)
            .map(|(n, t)| format!("{n} {} (page {} line {})", t.text, t.span.page, t.span.line))
            .collect();
        let message = format!(
            "the tools make {sum:.2} ({}), not the total {} stated on page {} line {}",
            places.join(", "),
            total.text,
            total.span.page,
            total.span.line
        );
        let span = Some(total.span.clone());
        doc.flags.push(Flag::new(
            FlagCode::ScoreInconsistent,
            Severity::Warning,
            message,
            span,
        ));
    }
}
