//! `saleguard review`, `budget`, `price`, `address` and `policy`.

use std::process::ExitCode;

use saleguard_app::budgets::BudgetInput;
use saleguard_app::pricing::PriceInput;
use saleguard_app::pricing::{PriceApiInput, PriceSource};
use saleguard_app::review::ContactInput;
use saleguard_app::review::{
    OfficialAddressInput, OverrideInput, PolicyInput, ReviewInput, Verdict,
};
use saleguard_app::{AppError, ErrorCode, Saleguard};

use crate::args::{AddressCommand, BudgetCommand, ContactCommand, PriceCommand};
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

pub fn contact(app: &Saleguard, command: ContactCommand, output: &Output) -> Result<(), AppError> {
    match command {
        ContactCommand::Add {
            label,
            address,
            note,
        } => output.contacts(&[app.add_contact(&ContactInput {
            label,
            address,
            note,
        })?]),
        ContactCommand::List => output.contacts(&app.contacts()?),
        ContactCommand::Rm { id } => {
            app.remove_contact(id)?;
            output.removed("contact", id);
        }
    }
    Ok(())
}

pub fn budget(app: &Saleguard, command: BudgetCommand, output: &Output) -> Result<(), AppError> {
    match command {
        BudgetCommand::Add {
            currency,
            year,
            month,
            from,
            until,
            total,
            cap,
            max_share,
        } => {
            let period = if !from.is_empty() || !until.is_empty() {
                "custom"
            } else if !month.is_empty() {
                "month"
            } else {
                "year"
            };
            let input = BudgetInput {
                currency,
                period: period.to_owned(),
                year,
                month,
                from,
                until,
                total,
                per_sale_cap: cap,
                max_share_percent: max_share,
            };
            output.budgets(&[app.add_budget(&input)?]);
        }
        BudgetCommand::List => output.budgets(&app.budgets()?),
        BudgetCommand::Rm { id } => {
            app.remove_budget(id)?;
            output.removed("budget", id);
        }
    }
    Ok(())
}

pub fn price(app: &Saleguard, command: PriceCommand, output: &Output) -> Result<(), AppError> {
    match command {
        PriceCommand::Add {
            asset,
            currency,
            price,
            at,
        } => {
            let input = PriceInput {
                asset,
                currency,
                price,
                observed_at: at,
            };
            output.prices(&[app.add_price(&input)?]);
        }
        PriceCommand::List => output.prices(&app.prices()?),
        PriceCommand::Import { file, dry_run } => {
            let bytes = crate::portfolio::read_file(&file)?;
            let preview = app.preview_price_history(&bytes)?;
            if dry_run || preview.error_count > 0 {
                output.price_history(&preview);
                if preview.error_count > 0 {
                    return Err(AppError::new(
                        ErrorCode::ImportRefused,
                        format!(
                            "{} problems in the file: nothing was added",
                            preview.error_count
                        ),
                    ));
                }
            } else {
                let added = app.import_price_history(&bytes)?;
                output.note(&format!("Imported {added} prices."));
            }
        }
        PriceCommand::Fetch => {
            let refresh = crate::chain::block_on(app.refresh_prices())??;
            output.price_refresh(&refresh);
        }
        PriceCommand::Sources { order } => {
            let view = if order.is_empty() {
                app.price_sources()?
            } else {
                let names = order
                    .iter()
                    .map(|name| match name.trim() {
                        "manual" => Ok(PriceSource::Manual),
                        "csv" => Ok(PriceSource::Csv),
                        "api" => Ok(PriceSource::Api),
                        other => Err(AppError::new(
                            ErrorCode::InvalidArguments,
                            format!("{other:?} is not a price source: manual, csv or api"),
                        )),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                app.set_price_source_order(&names)?
            };
            output.price_sources(&view);
        }
        PriceCommand::Api {
            enable,
            disable,
            base_url,
            key,
            forget_key,
        } => {
            let current = app.price_sources()?.api;
            let api_key = if key {
                Some(crate::accounts::read_secret("API key: ")?.to_string())
            } else if forget_key {
                Some(String::new())
            } else {
                None
            };
            let base_url = base_url.unwrap_or_else(|| {
                if current.base_url == current.default_base_url {
                    String::new()
                } else {
                    current.base_url.clone()
                }
            });
            let view = app.set_price_api(&PriceApiInput {
                enabled: (current.enabled || enable) && !disable,
                base_url,
                api_key,
            })?;
            output.price_sources(&view);
        }
        PriceCommand::Coin { asset, coin_id } => {
            output.price_sources(&app.set_price_api_coin(&asset, &coin_id)?);
        }
    }
    Ok(())
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
                seen_at: seen,
            };
            output.official_addresses(&[app.add_official_address(sale, &input)?]);
        }
        AddressCommand::List { sale } => output.official_addresses(&app.official_addresses(sale)?),
    }
    Ok(())
}

/// Shows the policy, or changes the options given and shows the result.
pub fn policy(
    app: &Saleguard,
    minimum_grade: Option<String>,
    blocking_flags: Vec<String>,
    max_price_age_days: Option<String>,
    output: &Output,
) -> Result<(), AppError> {
    if minimum_grade.is_none() && blocking_flags.is_empty() && max_price_age_days.is_none() {
        output.policy(&app.review_policy()?);
        return Ok(());
    }
    let kept = app.review_policy()?;
    let none = |text: &str| text.trim().eq_ignore_ascii_case("none");
    let input = PolicyInput {
        minimum_grade: match minimum_grade {
            Some(grade) if none(&grade) => String::new(),
            Some(grade) => grade,
            None => kept.minimum_grade,
        },
        blocking_flags: if blocking_flags.is_empty() {
            kept.blocking_flags
        } else {
            blocking_flags
                .into_iter()
                .filter(|flag| !none(flag))
                .collect()
        },
        max_price_age_days: max_price_age_days.unwrap_or(kept.max_price_age_days),
    };
    output.policy(&app.set_review_policy(&input)?);
    Ok(())
}
