//! The review policy.

use saleguard_app::review::policy::PolicyInput;

use super::{Output, print_json};
use crate::out;

impl Output {
    pub fn policy(&self, policy: &PolicyInput) {
        if self.json {
            return print_json(policy);
        }
        let or_none = |text: String| {
            if text.is_empty() {
                "none".to_owned()
            } else {
                text
            }
        };
        out!(
            "  {:<22}{}",
            "Minimum grade",
            or_none(policy.minimum_grade.clone())
        );
        out!(
            "  {:<22}{}",
            "Blocking red flags",
            or_none(policy.blocking_flags.join(", "))
        );
        out!(
            "  {:<22}{} {}",
            "Prices stay fresh",
            policy.max_price_age,
            policy.max_price_age_unit.as_str()
        );
        out!(
            "  {:<22}{}",
            "Official source",
            if policy.official_source_required {
                "required: a destination no source of the project's own vouches for is blocked"
            } else {
                "warned about when missing"
            }
        );
    }
}
