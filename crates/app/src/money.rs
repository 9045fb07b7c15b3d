//! Money as several capabilities show it: the portfolio's currency, decimal values
//! rounded for display, and the problems of a typed budget or price as field errors.

use saleguard_core::amount::{AmountError, parse_amount};
use saleguard_core::money::{MoneyProblem, MoneyProblemKind};
use saleguard_core::{Decimal, U256};
use saleguard_store::Store;

use crate::{AppError, ErrorCode, FieldError};

/// The currency values are shown in when the user has chosen none and has no budget.
pub const DEFAULT_CURRENCY: &str = "USD";

/// The chosen currency, else the latest budget's, else USD; and whether it was chosen.
pub(crate) fn portfolio_currency(store: &Store) -> Result<(String, bool), AppError> {
    if let Some(currency) = store.currency()? {
        return Ok((currency, true));
    }
    let latest_budget = store.budgets()?.into_iter().max_by_key(|record| record.id);
    Ok((
        latest_budget.map_or_else(
            || DEFAULT_CURRENCY.to_owned(),
            |record| record.budget.currency,
        ),
        false,
    ))
}

/// A value as shown to people: at `currency`'s minor units (USD 2, JPY 0, KWD 3; a coin
/// eight places), through the core's one rounding.
pub(crate) fn rounded_text(amount: Decimal, currency: &str) -> String {
    saleguard_core::money::rounded(amount, currency).to_string()
}

/// An amount as typed (whole units with `decimals` places), in base units; every
/// problem is an error at `field`.
pub(crate) fn typed_amount(field: &str, text: &str, decimals: u8) -> Result<U256, AppError> {
    parse_amount(text, decimals).map_err(|error| {
        let code = match error {
            AmountError::TooManyDecimalPlaces { .. } => ErrorCode::TooManyDecimalPlaces,
            AmountError::TooLarge => ErrorCode::AmountTooLarge,
            _ => ErrorCode::InvalidAmount,
        };
        AppError::at_field(field, code, error.to_string())
    })
}

/// "12.5" from basis points.
pub(crate) fn percent(bps: Decimal) -> String {
    (bps / Decimal::from(100)).normalize().to_string()
}

/// A typed budget's or price's problem as the error code its field shows.
fn money_code(kind: MoneyProblemKind) -> ErrorCode {
    match kind {
        MoneyProblemKind::Required => ErrorCode::Required,
        MoneyProblemKind::UnknownCurrency => ErrorCode::UnknownCurrency,
        MoneyProblemKind::Choice => ErrorCode::InvalidChoice,
        MoneyProblemKind::Year | MoneyProblemKind::Month => ErrorCode::InvalidPeriod,
        MoneyProblemKind::Datetime => ErrorCode::InvalidDatetime,
        MoneyProblemKind::EndsBeforeStart => ErrorCode::EndsBeforeStart,
        MoneyProblemKind::Amount => ErrorCode::InvalidAmount,
        MoneyProblemKind::CapAboveTotal => ErrorCode::CapAboveTotal,
        MoneyProblemKind::Percent => ErrorCode::InvalidPercent,
        MoneyProblemKind::InTheFuture => ErrorCode::InTheFuture,
        MoneyProblemKind::Symbol => ErrorCode::InvalidSymbol,
    }
}

pub(crate) fn money_problem(problem: MoneyProblem) -> FieldError {
    FieldError {
        field: problem.field.to_owned(),
        code: money_code(problem.kind),
        message: problem.message,
    }
}

/// A budget or a price refused, with every problem at its field.
pub(crate) fn refused(problems: Vec<MoneyProblem>) -> AppError {
    AppError::refused(problems.into_iter().map(money_problem).collect())
}
