//! A transaction stuck unmined, replaced: the same transaction with higher fees (sped
//! up), or a transfer of nothing from the account to itself (cancelled), both with its
//! nonce, so that whichever is mined first is the only one that counts.

use alloy_primitives::{Bytes, U256};

use super::{CallRequest, Fees, max_fee_cost};
use crate::amount::format_amount;
use crate::review::{Finding, FindingCode, finding};

/// How much a replacement raises both fees over the transaction it replaces, at least:
/// nodes refuse a smaller bump as "replacement transaction underpriced" (geth's and
/// Anvil's rule is 10 %).
pub const REPLACEMENT_BUMP_PERCENT: u128 = 10;

/// The gas of a transfer of nothing to an address without code: exactly 21 000.
pub const CANCEL_GAS_LIMIT: u64 = 21_000;

/// How a stuck transaction is replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Replacement {
    /// The same transaction, with higher fees.
    SpeedUp,
    /// A transfer of nothing to the sender, with higher fees.
    Cancel,
}

impl Replacement {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SpeedUp => "speed_up",
            Self::Cancel => "cancel",
        }
    }
}

/// `fee` raised by the bump, rounded up, and by at least one wei.
fn bumped(fee: u128) -> u128 {
    let raise = fee
        .saturating_mul(REPLACEMENT_BUMP_PERCENT)
        .div_ceil(100)
        .max(1);
    fee.saturating_add(raise)
}

/// The fees of a replacement: each of the original's raised by the bump, or what recent
/// blocks need now (`suggested`) when that is more; never a max fee below the tip.
pub fn replacement_fees(original: Fees, suggested: Fees) -> Fees {
    let tip = bumped(original.max_priority_fee_per_gas).max(suggested.max_priority_fee_per_gas);
    let max_fee = bumped(original.max_fee_per_gas)
        .max(suggested.max_fee_per_gas)
        .max(tip);
    Fees {
        max_fee_per_gas: max_fee,
        max_priority_fee_per_gas: tip,
    }
}

/// What replaces `original`: itself to speed it up; a transfer of nothing from the
/// sender to itself to cancel it.
pub fn replacement_call(original: &CallRequest, how: Replacement) -> CallRequest {
    match how {
        Replacement::SpeedUp => original.clone(),
        Replacement::Cancel => CallRequest {
            from: original.from,
            to: original.from,
            value: U256::ZERO,
            input: Bytes::new(),
        },
    }
}

/// The review of a replacement: the account must afford its value and its fees at most.
pub fn replacement_findings(
    call: &CallRequest,
    gas_limit: u64,
    fees: &Fees,
    balance: U256,
    coin: (&str, u8),
) -> Vec<Finding> {
    let show = |amount: U256| format!("{} {}", format_amount(amount, coin.1), coin.0);
    let fee = max_fee_cost(gas_limit, fees);
    let needed = call.value.saturating_add(fee);
    if balance >= needed {
        return Vec::new();
    }
    vec![finding(
        FindingCode::InsufficientFunds,
        format!(
            "The account holds {} but its replacement needs up to {} ({} plus at most {} in fees).",
            show(balance),
            show(needed),
            show(call.value),
            show(fee)
        ),
        vec![("balance", show(balance)), ("needed", show(needed))],
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::Address;

    fn fees(max_fee_per_gas: u128, max_priority_fee_per_gas: u128) -> Fees {
        Fees {
            max_fee_per_gas,
            max_priority_fee_per_gas,
        }
    }

    #[test]
    fn a_replacement_raises_both_fees_by_the_bump_at_least() {
        let original = fees(30_000_000_000, 2_000_000_000);
        assert_eq!(
            replacement_fees(original, fees(1, 1)),
            fees(33_000_000_000, 2_200_000_000),
            "10 % more on both"
        );
        assert_eq!(
            replacement_fees(fees(15, 1), fees(0, 0)),
            fees(17, 2),
            "rounded up, and at least one wei more"
        );
        assert_eq!(
            replacement_fees(original, fees(50_000_000_000, 3_000_000_000)),
            fees(50_000_000_000, 3_000_000_000),
            "what recent blocks need, when that is more"
        );
        let tip_high = replacement_fees(fees(10, 9), fees(0, 40));
        assert!(tip_high.max_fee_per_gas >= tip_high.max_priority_fee_per_gas);
        assert_eq!(
            replacement_fees(fees(u128::MAX, u128::MAX), fees(0, 0)),
            fees(u128::MAX, u128::MAX),
            "saturates rather than wraps"
        );
    }

    #[test]
    fn a_cancellation_sends_nothing_to_the_sender() {
        let original = CallRequest {
            from: Address::repeat_byte(0x11),
            to: Address::repeat_byte(0x22),
            value: U256::from(5u64),
            input: Bytes::from_static(&[1, 2, 3]),
        };
        assert_eq!(replacement_call(&original, Replacement::SpeedUp), original);
        let cancel = replacement_call(&original, Replacement::Cancel);
        assert_eq!(
            (cancel.from, cancel.to, cancel.value, cancel.input.len()),
            (original.from, original.from, U256::ZERO, 0)
        );
    }

    #[test]
    fn a_replacement_the_account_cannot_pay_for_is_blocked() {
        let call = CallRequest {
            from: Address::repeat_byte(0x11),
            to: Address::repeat_byte(0x11),
            value: U256::ZERO,
            input: Bytes::new(),
        };
        let fee = fees(1_000_000_000, 1);
        let cost = max_fee_cost(CANCEL_GAS_LIMIT, &fee);
        assert!(replacement_findings(&call, CANCEL_GAS_LIMIT, &fee, cost, ("ETH", 18)).is_empty());
        let short = replacement_findings(
            &call,
            CANCEL_GAS_LIMIT,
            &fee,
            cost - U256::from(1),
            ("ETH", 18),
        );
        assert_eq!(short[0].code, FindingCode::InsufficientFunds);
    }
}
