//! `saleguard policy`: what blocks signing besides budgets and the sale's terms.

use saleguard_app::review::policy::{PolicyInput, PriceAgeUnit};
use saleguard_app::{AppError, Saleguard};

use crate::output::Output;

/// The options of `saleguard policy`: each given one replaces its rule.
pub struct PolicyChange {
    pub minimum_grade: Option<String>,
    pub blocking_flags: Vec<String>,
    pub max_price_age: Option<(String, PriceAgeUnit)>,
    pub require_official_source: Option<bool>,
}

/// Shows the policy, or changes the options given and shows the result.
pub fn policy(app: &Saleguard, change: PolicyChange, output: &Output) -> Result<(), AppError> {
    let PolicyChange {
        minimum_grade,
        blocking_flags,
        max_price_age,
        require_official_source,
    } = change;
    if minimum_grade.is_none()
        && blocking_flags.is_empty()
        && max_price_age.is_none()
        && require_official_source.is_none()
    {
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
        official_source_required: require_official_source.unwrap_or(kept.official_source_required),
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
