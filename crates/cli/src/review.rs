//! `saleguard review` (and `--override`) and `saleguard address`: the review before
//! signing and a sale's official addresses.

use std::process::ExitCode;

use saleguard_app::review::official_addresses::{
    AddressSourceInput, OfficialAddressInput, OfficialAddressView,
};
use saleguard_app::review::overrides::OverrideInput;
use saleguard_app::review::{ReviewInput, Verdict};
use saleguard_app::{AppError, ErrorCode, Saleguard};

use crate::args::{AddressCommand, SourceCommand, SourceFields};
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
            purpose,
            chain_id,
            source,
        } => {
            let seen = source.seen.clone();
            let input = OfficialAddressInput {
                address,
                purpose,
                chain_id,
                source: source_input(source),
            };
            let added = app.add_official_address(sale, &input)?;
            output.official_addresses(std::slice::from_ref(&added));
            recorded_source(output, &seen, &added);
        }
        AddressCommand::List { sale } => output.official_addresses(&app.official_addresses(sale)?),
        AddressCommand::Source(SourceCommand::Add { id, source }) => {
            let seen = source.seen.clone();
            let changed = app.add_address_source(id, &source_input(source))?;
            output.official_addresses(std::slice::from_ref(&changed));
            recorded_source(output, &seen, &changed);
        }
        AddressCommand::Source(SourceCommand::List { id }) => {
            output.address_sources(&app.official_address(id)?);
        }
        AddressCommand::Source(SourceCommand::Rm { id }) => {
            let left = app.remove_address_source(id)?;
            output.removed("source", id);
            match left {
                Some(left) if !output.json => output.official_addresses(&[left]),
                Some(_) => {}
                None => output.note("That was its last source: the address is no longer recorded."),
            }
        }
        AddressCommand::Retire { id, reason } => {
            let retired = app.retire_official_address(id, &reason)?;
            output.official_addresses(std::slice::from_ref(&retired));
        }
    }
    Ok(())
}

/// The moment of the source just added (the newest), when `--seen` was left out.
fn recorded_source(output: &Output, seen: &str, address: &OfficialAddressView) {
    if let Some(newest) = address.sources.iter().max_by_key(|source| source.id) {
        output.recorded_now("--seen", seen, &newest.seen_at);
    }
}

fn source_input(fields: SourceFields) -> AddressSourceInput {
    AddressSourceInput {
        kind: fields.kind,
        location: fields.source,
        seen_at: fields.seen,
        note: fields.note,
    }
}
