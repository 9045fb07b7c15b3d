//! `saleguard review` (and `--override`) and `saleguard address`: the review before
//! signing and a sale's official addresses.

use std::process::ExitCode;

use saleguard_app::review::official_addresses::OfficialAddressInput;
use saleguard_app::review::overrides::OverrideInput;
use saleguard_app::review::{ReviewInput, Verdict};
use saleguard_app::{AppError, ErrorCode, Saleguard};

use crate::args::AddressCommand;
use crate::output::Output;

/// Prints the review; the exit status says whether something blocks (1) or the input
/// was not a contribution (2).
pub fn review(app: &Saleguard, input: &ReviewInput, output: &Output) -> ExitCode {
    match app.review_contribution(input) {
        Ok(view) => {
            output.review(&view);
            if view.verdict == Verdict::Blocked {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(error) => {
            output.error(&error);
            ExitCode::from(2)
        }
    }
}

/// Overrides what blocks and prints what was kept; exits 1 when a block can never be
/// overridden, 2 when the input or the reason is refused.
pub fn override_review(
    app: &Saleguard,
    review: ReviewInput,
    reason: String,
    output: &Output,
) -> ExitCode {
    match app.override_review(&OverrideInput { review, reason }) {
        Ok(kept) => {
            output.overrides(std::slice::from_ref(&kept));
            ExitCode::SUCCESS
        }
        Err(error) => {
            output.error(&error);
            if error.code == ErrorCode::NotOverridable {
                ExitCode::from(1)
            } else {
                ExitCode::from(2)
            }
        }
    }
}

pub fn address(app: &Saleguard, command: AddressCommand, output: &Output) -> Result<(), AppError> {
    match command {
        AddressCommand::Add {
            sale,
            address,
            source,
            seen,
        } => {
            let input = OfficialAddressInput {
                address,
                source,
                seen_at: seen.clone(),
            };
            let added = app.add_official_address(sale, &input)?;
            output.official_addresses(std::slice::from_ref(&added));
            output.recorded_now("--seen", &seen, &added.seen_at);
        }
        AddressCommand::List { sale } => output.official_addresses(&app.official_addresses(sale)?),
    }
    Ok(())
}
