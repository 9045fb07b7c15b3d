//! The review policy: the lowest due-diligence grade and the red flags that block
//! signing, and how old a price may be before it is a finding.

use saleguard_core::diligence::{GradeLetter, RedFlag};
use saleguard_core::review::DiligencePolicy;
use saleguard_store::ReviewPolicy;
use serde::{Deserialize, Serialize};

use crate::{AppError, ErrorCode, FieldError, Saleguard};

/// The review policy as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PolicyInput {
    /// `A` to `F`; empty for no minimum.
    pub minimum_grade: String,
    pub blocking_flags: Vec<String>,
    pub max_price_age_days: String,
}

impl Saleguard {
    pub fn review_policy(&self) -> Result<PolicyInput, AppError> {
        let policy = self.store()?.review_policy()?;
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
            max_price_age_days: policy.max_price_age_days.to_string(),
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
        let max_price_age_days = match input.max_price_age_days.trim().parse::<u32>() {
            Ok(days) if days <= 3650 => Some(days),
            _ => {
                problems.push(FieldError {
                    field: "maxPriceAgeDays".to_owned(),
                    code: ErrorCode::InvalidAmount,
                    message: "a whole number of days from 0 to 3650".to_owned(),
                });
                None
            }
        };
        let (Some(max_price_age_days), true) = (max_price_age_days, problems.is_empty()) else {
            return Err(AppError::refused(problems));
        };
        self.store()?.set_review_policy(&ReviewPolicy {
            diligence: DiligencePolicy {
                minimum_grade,
                blocking_flags,
            },
            max_price_age_days,
        })?;
        tracing::info!("review policy set");
        self.review_policy()
    }
}
