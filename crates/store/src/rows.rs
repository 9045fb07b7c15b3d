//! Reading stored values back: what every table module needs when a row holds a value
//! this version cannot read.

use saleguard_core::timestamp::UtcTimestamp;

use crate::StoreError;

/// A stored value that does not read back; `what` names it.
pub(crate) fn invalid(what: &str) -> StoreError {
    StoreError::InvalidRow {
        what: what.to_owned(),
    }
}

/// Unix seconds read back as a moment; `what` names the column for the error.
pub(crate) fn moment(seconds: i64, what: &str) -> Result<UtcTimestamp, StoreError> {
    UtcTimestamp::from_unix_seconds(seconds).map_err(|_| invalid(what))
}

/// Base units as the digits they are kept as. Amounts that fit 128 bits (nearly all)
/// are written by the standard library, several times faster than `U256`'s own
/// formatting; the digits are the same.
pub(crate) fn base_units_text(amount: saleguard_core::U256) -> String {
    u128::try_from(amount).map_or_else(|_| amount.to_string(), |small| small.to_string())
}

#[cfg(test)]
mod tests {
    use saleguard_core::U256;

    use super::base_units_text;

    #[test]
    fn base_units_are_written_as_their_digits_at_every_size() {
        let mut amounts = vec![U256::ZERO, U256::from(1u8), U256::MAX];
        for bits in [63, 64, 65, 127, 128, 129, 200] {
            let edge = U256::from(1u8) << bits;
            amounts.extend([edge - U256::from(1u8), edge, edge + U256::from(1u8)]);
        }
        for amount in amounts {
            assert_eq!(base_units_text(amount), amount.to_string(), "{amount:#x}");
        }
        assert_eq!(
            base_units_text(U256::from(1_250_000_000_000_000_000u64)),
            "1250000000000000000"
        );
    }
}
