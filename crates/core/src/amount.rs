//! Token amounts: integers in base units, with the token's decimals beside them.
//!
//! Parsing is exact and strict: `"1.2"` at 18 decimals is exactly
//! `1_200_000_000_000_000_000`. Every number a person types or a file carries — an
//! amount, a price, a budget — follows one grammar, [`plain_number`]: ASCII digits,
//! optionally a dot and more digits (`1500`, `1500.25`, `0.5`). Anything else (`1e18`,
//! `-1`, `+1`, `1,5`, `0x10`, `.5`, `5.`, ` 1`, a no-break space) is refused, and so is
//! a value with more fractional digits than the token has. No floating point is
//! involved anywhere on this path. Base units in a file are digits only
//! ([`parse_base_units`]).

use alloy_primitives::U256;

/// The largest number of decimals a token may declare (ERC-20 allows `uint8`, but
/// anything past 36 is a mistake or an attack on display code).
pub const MAX_DECIMALS: u8 = 36;

/// Why a string is not a valid amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("enter an amount")]
    Empty,
    #[error("remove the spaces before or after the number")]
    Spaces,
    #[error("amounts cannot be negative")]
    Negative,
    #[error("write the number without a sign (e.g. 1.5, not +1.5)")]
    Sign,
    #[error("use a dot as the decimal separator, without thousands separators (e.g. 1500.25)")]
    Separator,
    #[error("write the amount as plain digits (e.g. 1000000), not in scientific notation")]
    Exponent,
    #[error("not a number: digits with at most one dot between them (e.g. 1.5 or 0.5)")]
    Malformed,
    #[error(
        "at most {decimals} digits after the decimal point: this asset has {decimals} decimals"
    )]
    TooManyDecimalPlaces { decimals: u8 },
    #[error("this amount is too large")]
    TooLarge,
}

/// The one grammar of a number typed or read from a file: `digits ["." digits]`, ASCII
/// only, nothing before or after. Returns the whole and the fractional digits.
pub fn plain_number(text: &str) -> Result<(&str, &str), AmountError> {
    if text.is_empty() {
        return Err(AmountError::Empty);
    }
    if text.trim().is_empty() {
        return Err(AmountError::Empty);
    }
    if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
        return Err(AmountError::Spaces);
    }
    if text.starts_with('-') {
        return Err(AmountError::Negative);
    }
    if text.starts_with('+') {
        return Err(AmountError::Sign);
    }
    if text
        .chars()
        .any(|c| matches!(c, ',' | '_' | '\'') || c.is_whitespace())
    {
        return Err(AmountError::Separator);
    }
    if !text.starts_with("0x") && text.bytes().any(|b| b == b'e' || b == b'E') {
        return Err(AmountError::Exponent);
    }
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) if !fraction.is_empty() => (whole, fraction),
        Some(_) => return Err(AmountError::Malformed),
        None => (text, ""),
    };
    let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !is_digits(whole) || !(fraction.is_empty() || is_digits(fraction)) {
        return Err(AmountError::Malformed);
    }
    Ok((whole, fraction))
}

/// Parses a decimal string into integer base units at `decimals` decimals.
pub fn parse_amount(input: &str, decimals: u8) -> Result<U256, AmountError> {
    let (whole, fraction) = plain_number(input)?;
    // Trailing zeros carry no value: "1.500" at 1 decimal is 1.5.
    let fraction = fraction.trim_end_matches('0');
    if fraction.len() > usize::from(decimals) {
        return Err(AmountError::TooManyDecimalPlaces { decimals });
    }
    let padding = u32::from(decimals) - u32::try_from(fraction.len()).expect("at most 36");
    digits_value(whole, fraction)
        .and_then(|value| value.checked_mul(U256::from(10u8).checked_pow(U256::from(padding))?))
        .ok_or(AmountError::TooLarge)
}

/// The number the ASCII digits of `whole` then `fraction` write; `None` past 256 bits.
/// Counted in `u128` while it fits (nearly every amount), which costs a multiplication
/// and an addition per digit.
fn digits_value(whole: &str, fraction: &str) -> Option<U256> {
    let mut digits = whole.bytes().chain(fraction.bytes()).map(|b| b - b'0');
    let mut small: u128 = 0;
    for digit in digits.by_ref() {
        match small
            .checked_mul(10)
            .and_then(|value| value.checked_add(u128::from(digit)))
        {
            Some(value) => small = value,
            None => {
                let ten = U256::from(10u8);
                let mut large = U256::from(small)
                    .checked_mul(ten)?
                    .checked_add(U256::from(digit))?;
                for digit in digits {
                    large = large.checked_mul(ten)?.checked_add(U256::from(digit))?;
                }
                return Some(large);
            }
        }
    }
    Some(U256::from(small))
}

/// Base units as a file stores them: ASCII digits only (no dot, sign or separator),
/// at most what a 256-bit integer holds.
pub fn parse_base_units(text: &str) -> Result<U256, AmountError> {
    let (_, fraction) = plain_number(text)?;
    if !fraction.is_empty() {
        return Err(AmountError::Malformed);
    }
    parse_amount(text, 0)
}

/// Formats base units as an exact decimal string, without trailing zeros
/// (`1500000000000000000` at 18 decimals is `"1.5"`).
pub fn format_amount(base_units: U256, decimals: u8) -> String {
    // Amounts that fit 128 bits (nearly all) are written by the standard library, several
    // times faster than `U256`'s own formatting; the digits are the same.
    let digits = u128::try_from(base_units)
        .map_or_else(|_| base_units.to_string(), |small| small.to_string());
    let decimals = usize::from(decimals);
    if decimals == 0 {
        return digits;
    }
    let padded = if digits.len() <= decimals {
        format!("{}{digits}", "0".repeat(decimals + 1 - digits.len()))
    } else {
        digits
    };
    let (whole, fraction) = padded.split_at(padded.len() - decimals);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        whole.to_owned()
    } else {
        format!("{whole}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn wei(s: &str) -> U256 {
        U256::from_str_radix(s, 10).expect("test literal is a number")
    }

    #[test]
    fn parses_exact_decimal_strings_into_base_units() {
        let cases: &[(&str, u8, &str)] = &[
            ("1.2", 18, "1200000000000000000"),
            ("1", 18, "1000000000000000000"),
            ("0.000000000000000001", 18, "1"),
            ("1.500", 1, "15"),
            ("42", 0, "42"),
            ("0.5", 2, "50"),
            ("000.10", 6, "100000"),
            ("0", 18, "0"),
            ("0.0", 0, "0"),
            (
                "115792089237316195423570985008687907853269984665640564039457584007913129639935",
                0,
                "115792089237316195423570985008687907853269984665640564039457584007913129639935",
            ),
        ];
        for (input, decimals, expected) in cases {
            assert_eq!(
                parse_amount(input, *decimals),
                Ok(wei(expected)),
                "parsing {input:?} at {decimals} decimals"
            );
        }
    }

    #[test]
    fn refuses_everything_that_is_not_a_plain_decimal() {
        let cases: &[(&str, u8, AmountError)] = &[
            ("", 18, AmountError::Empty),
            ("   ", 18, AmountError::Empty),
            (" 1", 18, AmountError::Spaces),
            ("1 ", 18, AmountError::Spaces),
            ("\u{a0}1", 18, AmountError::Spaces),
            ("1\u{a0}", 18, AmountError::Spaces),
            ("1\t", 18, AmountError::Spaces),
            ("1\u{202f}000", 18, AmountError::Separator),
            ("-1", 18, AmountError::Negative),
            ("+1", 18, AmountError::Sign),
            ("1.", 18, AmountError::Malformed),
            (".5", 18, AmountError::Malformed),
            ("-.5", 18, AmountError::Negative),
            ("1,5", 18, AmountError::Separator),
            ("1_000", 18, AmountError::Separator),
            ("1 000", 18, AmountError::Separator),
            ("1e18", 18, AmountError::Exponent),
            ("1E3", 18, AmountError::Exponent),
            ("0x10", 18, AmountError::Malformed),
            ("1.2.3", 18, AmountError::Malformed),
            (".", 18, AmountError::Malformed),
            ("abc", 18, AmountError::Malformed),
            ("１", 18, AmountError::Malformed),
            ("NaN", 18, AmountError::Malformed),
            (
                "0.0000000000000000001",
                18,
                AmountError::TooManyDecimalPlaces { decimals: 18 },
            ),
            ("1.5", 0, AmountError::TooManyDecimalPlaces { decimals: 0 }),
            (
                "115792089237316195423570985008687907853269984665640564039457584007913129639936",
                0,
                AmountError::TooLarge,
            ),
            ("1", 78, AmountError::TooLarge),
        ];
        for (input, decimals, expected) in cases {
            assert_eq!(
                parse_amount(input, *decimals).as_ref(),
                Err(expected),
                "parsing {input:?} at {decimals} decimals"
            );
        }
    }

    #[test]
    fn base_units_are_digits_only() {
        assert_eq!(parse_base_units("0"), Ok(U256::ZERO));
        assert_eq!(parse_base_units("00120"), Ok(U256::from(120)));
        for (text, expected) in [
            ("1.5", AmountError::Malformed),
            ("1.0", AmountError::Malformed),
            ("1_000", AmountError::Separator),
            ("+1", AmountError::Sign),
            ("", AmountError::Empty),
            (" 1", AmountError::Spaces),
            ("0x10", AmountError::Malformed),
            (&"9".repeat(80), AmountError::TooLarge),
        ] {
            assert_eq!(parse_base_units(text), Err(expected), "{text:?}");
        }
    }

    #[test]
    fn formats_without_trailing_zeros() {
        assert_eq!(format_amount(wei("1500000000000000000"), 18), "1.5");
        assert_eq!(format_amount(wei("1"), 18), "0.000000000000000001");
        assert_eq!(format_amount(wei("0"), 18), "0");
        assert_eq!(format_amount(wei("1000"), 3), "1");
        assert_eq!(format_amount(wei("1234"), 0), "1234");
        assert_eq!(format_amount(wei("100"), 6), "0.0001");
    }

    /// How `parse_amount` turned checked digits into base units before it counted them:
    /// written out with the padding and read back.
    fn parse_amount_by_text(input: &str, decimals: u8) -> Result<U256, AmountError> {
        let (whole, fraction) = plain_number(input)?;
        let fraction = fraction.trim_end_matches('0');
        if fraction.len() > usize::from(decimals) {
            return Err(AmountError::TooManyDecimalPlaces { decimals });
        }
        let padding = usize::from(decimals) - fraction.len();
        let digits = format!("{whole}{fraction}{}", "0".repeat(padding));
        let digits = digits.trim_start_matches('0');
        if digits.is_empty() {
            return Ok(U256::ZERO);
        }
        U256::from_str_radix(digits, 10).map_err(|_| AmountError::TooLarge)
    }

    #[test]
    fn base_units_are_written_as_their_digits_at_every_size() {
        let mut amounts = vec![U256::ZERO, U256::from(1u8), U256::MAX];
        for bits in [63, 64, 65, 127, 128, 129, 200] {
            let edge = U256::from(1u8) << bits;
            amounts.extend([edge - U256::from(1u8), edge, edge + U256::from(1u8)]);
        }
        for amount in amounts {
            assert_eq!(format_amount(amount, 0), amount.to_string(), "{amount:#x}");
        }
        assert_eq!(
            format_amount(U256::from(1_250_000_000_000_000_000u64), 0),
            "1250000000000000000"
        );
    }

    #[test]
    fn amounts_at_the_edge_of_256_bits() {
        let max = U256::MAX.to_string();
        assert_eq!(parse_amount(&max, 0), Ok(U256::MAX));
        assert_eq!(parse_amount(&format!("000{max}"), 0), Ok(U256::MAX));
        let over = (U256::MAX - U256::from(9u8)).to_string().replace("6", "7");
        assert_eq!(parse_amount(&over, 0), parse_amount_by_text(&over, 0));
        assert_eq!(parse_amount(&max, 1), Err(AmountError::TooLarge));
        assert_eq!(
            parse_amount(&format!("{max}0"), 0),
            Err(AmountError::TooLarge)
        );
        let u128_edge = u128::MAX.to_string();
        assert_eq!(parse_amount(&u128_edge, 0), Ok(U256::from(u128::MAX)));
        assert_eq!(
            parse_amount(&format!("{u128_edge}.5"), 1),
            parse_amount_by_text(&format!("{u128_edge}.5"), 1)
        );
    }

    proptest! {
        #[test]
        fn counting_digits_gives_what_reading_them_as_text_gave(
            whole in "[0-9]{1,90}",
            fraction in proptest::option::of("[0-9]{1,40}"),
            decimals in 0u8..=MAX_DECIMALS,
        ) {
            let input = match fraction {
                Some(fraction) => format!("{whole}.{fraction}"),
                None => whole,
            };
            prop_assert_eq!(
                parse_amount(&input, decimals),
                parse_amount_by_text(&input, decimals)
            );
        }

        #[test]
        fn format_then_parse_is_the_identity(limbs in any::<[u64; 4]>(), decimals in 0u8..=MAX_DECIMALS) {
            let value = U256::from_limbs(limbs);
            let text = format_amount(value, decimals);
            prop_assert_eq!(parse_amount(&text, decimals), Ok(value));
        }
    }
}
