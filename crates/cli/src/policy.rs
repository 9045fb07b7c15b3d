//! `saleguard policy`: what blocks signing besides budgets and the sale's terms.

use saleguard_app::review::policy::{PolicyInput, PriceAgeUnit};
use saleguard_app::{AppError, Saleguard};

use crate::output::Output;

/// Shows the policy, or changes the options given and shows the result.
pub fn policy(
    app: &Saleguard,
    minimum_grade: Option<String>,
    blocking_flags: Vec<String>,
    max_price_age: Option<(String, PriceAgeUnit)>,
    output: &Output,
) -> Result<(), AppError> {
    if minimum_grade.is_none() && blocking_flags.is_empty() && max_price_age.is_none() {
        output.policy(&app.review_policy()?);
        return Ok(());
    }
    let kept = app.review_policy()?;
    let none = |text: &str| text.trim().eq_ignore_ascii_case("none");
    let input = PolicyInput {
        minimum_grade: match minimum_grade {
            Some(grade) if none(&grade) => String::new(),
            Some(grade) => grade,
            None => kept.minimum_grade.clone(),
        },
        blocking_flags: if blocking_flags.is_empty() {
            kept.blocking_flags.clone()
        } else {
            blocking_flags
                .into_iter()
                .filter(|flag| !none(flag))
                .collect()
        },
        ..kept
    };
    let input = match max_price_age {
        Some((amount, unit)) => PolicyInput {
            max_price_age: amount,
            max_price_age_unit: unit,
            ..input
        },
        None => input,
    };
    output.policy(&app.set_review_policy(&input)?);
    Ok(())
}
