//! Money as several capabilities show it: the portfolio's currency and decimal values
//! rounded for display.

use saleguard_core::Decimal;
use saleguard_store::Store;

use crate::AppError;

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
pub(crate) fn rounded(amount: Decimal, currency: &str) -> String {
    saleguard_core::money::rounded(amount, currency).to_string()
}

/// "12.5" from basis points.
pub(crate) fn percent(bps: Decimal) -> String {
    (bps / Decimal::from(100)).normalize().to_string()
}
