//! The review policy: the lowest due-diligence grade and the red flags that block
//! signing, and how old a price may be before it is a finding.

use saleguard_core::diligence::{GradeLetter, RedFlag};
use saleguard_core::review::DiligencePolicy;
use saleguard_store::{MAX_PRICE_AGE_HOURS, ReviewPolicy};
use serde::{Deserialize, Serialize};

use crate::{AppError, ErrorCode, FieldError, Saleguard};

/// The review policy as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PolicyInput {
    /// `A` to `F`; empty for no minimum.
    pub minimum_grade: String,
    pub blocking_flags: Vec<String>,
    /// How long a price stays fresh: a whole number of `max_price_age_unit`.
    pub max_price_age: String,
    pub max_price_age_unit: PriceAgeUnit,
    /// Whether a destination no source of the project's own vouches for is blocked
    /// rather than warned about.
    pub official_source_required: bool,
}

/// The unit a staleness limit is typed in. A limit read back is in days when it is a
/// whole number of days, else in hours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum PriceAgeUnit {
    Hours,
    #[default]
    Days,
}

impl PriceAgeUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Hours => "hours",
            Self::Days => "days",
        }
    }

    fn hours(self) -> u32 {
        match self {
            Self::Hours => 1,
            Self::Days => 24,
        }
    }
}

/// A limit in hours as typed: `(amount, unit)`.
fn price_age_as_typed(hours: u32) -> (String, PriceAgeUnit) {
    if hours.is_multiple_of(24) {
        ((hours / 24).to_string(), PriceAgeUnit::Days)
    } else {
        (hours.to_string(), PriceAgeUnit::Hours)
    }
}

/// A typed limit in hours, or `None` when it is not a whole number up to ten years.
fn price_age_in_hours(amount: &str, unit: PriceAgeUnit) -> Option<u32> {
    let digits = !amount.is_empty() && amount.bytes().all(|b| b.is_ascii_digit());
    digits
        .then(|| amount.parse::<u32>().ok())
        .flatten()
        .and_then(|amount| amount.checked_mul(unit.hours()))
        .filter(|hours| *hours <= MAX_PRICE_AGE_HOURS)
}

impl Saleguard {
    pub fn review_policy(&self) -> Result<PolicyInput, AppError> {
        let policy = self.store()?.review_policy()?;
        let (max_price_age, max_price_age_unit) = price_age_as_typed(policy.max_price_age_hours);
        Ok(PolicyInput {
            minimum_grade: policy
                .diligence
                .minimum_grade
                .map(|g| g.as_str().to_owned())
                .unwrap_or_default(),
            blocking_flags: policy
                .diligence
                .blocking_flags
                .iter()
                .map(|f| f.as_str().to_owned())
                .collect(),
            max_price_age,
            max_price_age_unit,
            official_source_required: policy.diligence.official_source_required,
        })
    }

    pub fn set_review_policy(&self, input: &PolicyInput) -> Result<PolicyInput, AppError> {
        let mut problems = Vec::new();
        let minimum_grade = if input.minimum_grade.trim().is_empty() {
            None
        } else {
            let grade = GradeLetter::parse(&input.minimum_grade);
            if grade.is_none() {
                problems.push(FieldError {
                    field: "minimumGrade".to_owned(),
                    code: ErrorCode::InvalidChoice,
                    message: "A, B, C, D or F; empty for no minimum".to_owned(),
                });
            }
            grade
        };
        let mut blocking_flags = Vec::new();
        for flag in &input.blocking_flags {
            match RedFlag::parse(flag.trim()) {
                Some(flag) if !blocking_flags.contains(&flag) => blocking_flags.push(flag),
                Some(_) => {}
                None => problems.push(FieldError {
                    field: "blockingFlags".to_owned(),
                    code: ErrorCode::InvalidChoice,
                    message: format!("{flag:?} is not one of the red flags"),
                }),
            }
        }
        let unit = input.max_price_age_unit;
        let max_price_age_hours = price_age_in_hours(&input.max_price_age, unit);
        if max_price_age_hours.is_none() {
            let most = MAX_PRICE_AGE_HOURS / unit.hours();
            problems.push(FieldError {
                field: "maxPriceAge".to_owned(),
                code: ErrorCode::InvalidAmount,
                message: format!("a whole number of {} from 0 to {most}", unit.as_str()),
            });
        }
        let (Some(max_price_age_hours), true) = (max_price_age_hours, problems.is_empty()) else {
            return Err(AppError::refused(problems));
        };
        self.store()?.set_review_policy(&ReviewPolicy {
            diligence: DiligencePolicy {
                minimum_grade,
                blocking_flags,
                official_source_required: input.official_source_required,
            },
            max_price_age_hours,
        })?;
        tracing::info!("review policy set");
        self.review_policy()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_is_typed_in_hours_or_days_and_read_back_in_the_larger_unit() {
        use PriceAgeUnit::{Days, Hours};
        for (amount, unit, hours) in [
            ("36", Hours, Some(36)),
            ("48", Hours, Some(48)),
            ("7", Days, Some(168)),
            ("0", Days, Some(0)),
            ("3650", Days, Some(87_600)),
            ("87600", Hours, Some(87_600)),
            ("3651", Days, None),
            ("87601", Hours, None),
            ("1.5", Days, None),
            (" 7", Days, None),
            ("-1", Hours, None),
            ("", Days, None),
            ("99999999999", Hours, None),
        ] {
            assert_eq!(price_age_in_hours(amount, unit), hours, "{amount} {unit:?}");
        }
        assert_eq!(price_age_as_typed(36), ("36".to_owned(), Hours));
        assert_eq!(price_age_as_typed(48), ("2".to_owned(), Days));
        assert_eq!(price_age_as_typed(0), ("0".to_owned(), Days));
    }
}
