//! Money as Saleguard counts it: fiat and prices are `Decimal` (exact base-10), amounts
//! of coins stay integers of base units until they are valued. What a budget or a price
//! may be counted in, shares in basis points, and how a value is rounded for people:
//! at its currency's minor units.

use std::borrow::Cow;
use std::str::FromStr;

use alloy_primitives::U256;
use rust_decimal::Decimal;

use crate::amount::format_amount;

/// The places a coin's value is shown with (a coin has no minor unit of its own).
pub const COIN_DISPLAY_PLACES: u32 = 8;

/// An amount of base units as a decimal of whole units, if it fits.
pub fn whole_units(amount: U256, decimals: u8) -> Option<Decimal> {
    // A mantissa of 96 bits at up to 28 places is a `Decimal` as it is: the same value
    // and scale the text below gives, without writing and reading it.
    if let Ok(mantissa) = u128::try_from(amount)
        && mantissa < 1 << 96
        && decimals <= 28
    {
        let (mantissa, scale) = without_trailing_zeros(mantissa, u32::from(decimals));
        let mantissa = i128::try_from(mantissa).expect("under 2^96");
        return Some(Decimal::from_i128_with_scale(mantissa, scale));
    }
    let text = format_amount(amount, decimals);
    Decimal::from_str_exact(&text)
        .or_else(|_| Decimal::from_str(&text))
        .ok()
}

/// `mantissa` at `scale` places without the fraction's trailing zeros (`1500` at 3 is
/// `15` at 1), as an amount written out has none. Counted in `u64` once it fits: a
/// 128-bit division is a library call, a 64-bit one by ten a multiplication.
fn without_trailing_zeros(mut mantissa: u128, mut scale: u32) -> (u128, u32) {
    while scale > 0 && mantissa > u128::from(u64::MAX) && mantissa.is_multiple_of(10) {
        mantissa /= 10;
        scale -= 1;
    }
    if let Ok(mut small) = u64::try_from(mantissa) {
        while scale > 0 && small.is_multiple_of(10) {
            small /= 10;
            scale -= 1;
        }
        mantissa = u128::from(small);
    }
    (mantissa, scale)
}

/// A coin or currency symbol as compared: trimmed, in capitals. Borrowed when it is
/// already so (symbols are kept in capitals), so a lookup need not allocate.
pub fn symbol_key(symbol: &str) -> Cow<'_, str> {
    let trimmed = symbol.trim();
    if trimmed.bytes().any(|b| b.is_ascii_lowercase()) {
        Cow::Owned(trimmed.to_ascii_uppercase())
    } else {
        Cow::Borrowed(trimmed)
    }
}

/// `part` as a share of `whole`, in basis points (rounded down); `None` for a zero whole.
pub fn share_bps(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    part.checked_mul(Decimal::from(10_000))?
        .checked_div(whole)
        .map(|bps| bps.floor())
}

/// Whether `code` is an ISO 4217 currency, not a coin.
pub fn is_fiat(code: &str) -> bool {
    iso_currency::Currency::from_code(code.trim()).is_some()
}

/// What a budget or a price is counted in: an ISO 4217 currency (`USD`, `EUR`) or a
/// coin Saleguard knows from a sale (`ETH`, `USDC`).
pub fn parse_currency(text: &str, known_coins: &[&str]) -> Option<String> {
    let code = text.trim().to_ascii_uppercase();
    if iso_currency::Currency::from_code(&code).is_some()
        || known_coins
            .iter()
            .any(|coin| coin.eq_ignore_ascii_case(&code))
    {
        Some(code)
    } else {
        None
    }
}

/// How many decimal places a value in `currency` is shown with: an ISO 4217
/// currency's own minor units (USD 2, JPY 0, KWD 3); a coin, or a unit ISO 4217 gives
/// no minor unit (gold, the SDR), [`COIN_DISPLAY_PLACES`].
pub fn display_places(currency: &str) -> u32 {
    iso_currency::Currency::from_code(&currency.trim().to_ascii_uppercase())
        .and_then(iso_currency::Currency::exponent)
        .map_or(COIN_DISPLAY_PLACES, u32::from)
}

/// `value` rounded for display in `currency` ([`display_places`]), without trailing
/// zeros: the one rounding every value shown to people goes through.
pub fn rounded(value: Decimal, currency: &str) -> Decimal {
    value.round_dp(display_places(currency)).normalize()
}

/// What is wrong with one field of a budget or a price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyProblemKind {
    Required,
    UnknownCurrency,
    Choice,
    Year,
    Month,
    Datetime,
    EndsBeforeStart,
    /// Not a positive decimal (zero, negative, malformed, too many digits).
    Amount,
    CapAboveTotal,
    Percent,
    InTheFuture,
    Symbol,
}

/// One problem at a field named as on the wire (`total`, `perSaleCap`, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyProblem {
    pub field: &'static str,
    pub kind: MoneyProblemKind,
    pub message: String,
}

pub(crate) fn problem(
    field: &'static str,
    kind: MoneyProblemKind,
    message: impl Into<String>,
) -> MoneyProblem {
    MoneyProblem {
        field,
        kind,
        message: message.into(),
    }
}

/// A positive decimal as typed, in the one grammar of numbers
/// ([`crate::amount::plain_number`]: `1500`, `1500.50`; no signs, spaces, exponents or
/// separators).
pub(crate) fn positive_decimal(field: &'static str, text: &str) -> Result<Decimal, MoneyProblem> {
    const EXAMPLE: &str = "a positive number with a dot for decimals, e.g. 5000 or 1999.99";
    match crate::amount::plain_number(text) {
        Err(crate::amount::AmountError::Empty) => {
            return Err(problem(field, MoneyProblemKind::Required, "required"));
        }
        Err(error) => {
            return Err(problem(
                field,
                MoneyProblemKind::Amount,
                format!("{error}; {EXAMPLE}"),
            ));
        }
        Ok(_) => {}
    }
    match Decimal::from_str_exact(text) {
        Ok(value) if value > Decimal::ZERO => Ok(value.normalize()),
        _ => Err(problem(field, MoneyProblemKind::Amount, EXAMPLE)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn decimal(text: &str) -> Decimal {
        text.parse().expect("a decimal")
    }

    /// How `whole_units` was computed before its fast path: written out and read back.
    fn whole_units_by_text(amount: U256, decimals: u8) -> Option<Decimal> {
        let text = format_amount(amount, decimals);
        Decimal::from_str_exact(&text)
            .or_else(|_| Decimal::from_str(&text))
            .ok()
    }

    fn shown(value: Option<Decimal>) -> Option<String> {
        value.map(|value| value.to_string())
    }

    proptest! {
        #[test]
        fn whole_units_equal_the_amount_written_out(
            limbs in any::<[u64; 4]>(),
            bits in 0usize..=256,
            decimals in 0u8..=40,
        ) {
            let amount = if bits == 256 {
                U256::from_limbs(limbs)
            } else {
                U256::from_limbs(limbs) & ((U256::from(1u8) << bits) - U256::from(1u8))
            };
            // Equal as text too: the same scale, so the same digits shown.
            prop_assert_eq!(
                shown(whole_units(amount, decimals)),
                shown(whole_units_by_text(amount, decimals))
            );
        }
    }

    #[test]
    fn whole_units_at_the_edges_of_the_fast_path() {
        let edge = U256::from(1u8) << 96;
        for amount in [U256::ZERO, U256::from(1u8), edge - U256::from(1u8), edge] {
            for decimals in [0, 1, 18, 27, 28, 29, 40] {
                assert_eq!(
                    shown(whole_units(amount, decimals)),
                    shown(whole_units_by_text(amount, decimals)),
                    "{amount} at {decimals}"
                );
            }
        }
        assert_eq!(
            shown(whole_units(U256::from(1_500_000u64), 6)),
            Some("1.5".to_owned())
        );
        assert_eq!(
            shown(whole_units(U256::from(1_000u64), 0)),
            Some("1000".to_owned())
        );
    }

    #[test]
    fn a_symbol_is_compared_trimmed_in_capitals_and_borrowed_when_it_is() {
        assert_eq!(symbol_key(" eth "), "ETH");
        assert!(matches!(symbol_key("ETH"), Cow::Borrowed("ETH")));
        assert!(matches!(symbol_key(" USDC"), Cow::Borrowed("USDC")));
        assert!(matches!(symbol_key("Usdc"), Cow::Owned(_)));
        assert_eq!(symbol_key("$rx-1"), "$RX-1");
    }

    #[test]
    fn typed_decimals_follow_the_one_grammar_of_numbers() {
        assert_eq!(
            positive_decimal("total", "1999.990"),
            Ok(decimal("1999.99"))
        );
        assert_eq!(positive_decimal("total", "0.5"), Ok(decimal("0.5")));
        let kind = |text: &str| positive_decimal("total", text).map_err(|problem| problem.kind);
        assert_eq!(kind(""), Err(MoneyProblemKind::Required));
        for refused in [
            " 1",
            "1 ",
            "\u{a0}1",
            "1.",
            ".5",
            "+1",
            "-1",
            "1e3",
            "1,5",
            "0",
            "0.00",
            "1.2.3",
            "99999999999999999999999999999999",
        ] {
            assert_eq!(kind(refused), Err(MoneyProblemKind::Amount), "{refused:?}");
        }
        let spaced = positive_decimal("total", " 1").expect_err("refused");
        assert!(spaced.message.contains("spaces"), "{}", spaced.message);
    }

    #[test]
    fn values_are_shown_at_their_currencys_minor_units() {
        for (currency, value, shown) in [
            ("USD", "1234.565", "1234.56"),
            ("usd", "1234.575", "1234.58"),
            ("EUR", "10.1", "10.1"),
            ("JPY", "1234.5", "1234"),
            ("JPY", "1235.5", "1236"),
            ("KWD", "12.34567", "12.346"),
            ("BHD", "0.0005", "0"),
            ("CLF", "1.23456", "1.2346"),
            ("XAU", "1.123456789", "1.12345679"),
            ("ETH", "0.123456789123", "0.12345679"),
            ("USDC", "1.5", "1.5"),
        ] {
            assert_eq!(
                rounded(decimal(value), currency).to_string(),
                shown,
                "{value} {currency}"
            );
        }
        assert_eq!(display_places("JPY"), 0);
        assert_eq!(display_places("KWD"), 3);
        assert_eq!(display_places("USD"), 2);
        assert_eq!(display_places("ETH"), COIN_DISPLAY_PLACES);
    }

    #[test]
    fn absurd_amounts_are_reported_not_wrapped() {
        assert_eq!(whole_units(U256::MAX, 18), None);
        assert_eq!(
            share_bps("1".parse().expect("decimal"), Decimal::ZERO),
            None
        );
        assert_eq!(
            share_bps("1".parse().expect("decimal"), "3".parse().expect("decimal")),
            Some(Decimal::from(3_333))
        );
    }
}
