//! Contribution transactions, decided without touching the network: how a sale takes
//! contributions on chain, the call a contribution makes, the fees to offer from recent
//! blocks, the checks on what the node reports, and the unsigned EIP-1559 transaction.
//!
//! The node's answers (balance, code, gas estimate, fee history) come in as values, so
//! every rule here is a pure function. Encoding is alloy's: `alloy-dyn-abi` for the
//! sale's own function, `alloy-sol-types` for ERC-20, `alloy-consensus` for the
//! transaction.

use alloy_consensus::TxEip1559;
use alloy_primitives::{Address, Bytes, TxKind, U256};
use alloy_sol_types::{SolCall, sol};

use crate::action::{ActionValueError, ActionValues, DecodedArgument, SaleAction};
use crate::address::{AddressError, checksummed, parse_address};
use crate::amount::format_amount;
use crate::review::{Finding, FindingCode, finding};
use crate::sale::{AcceptedCurrency, SaleTerms};

mod replacement;
mod status;

pub use replacement::{
    CANCEL_GAS_LIMIT, REPLACEMENT_BUMP_PERCENT, Replacement, replacement_call, replacement_fees,
    replacement_findings,
};
pub use status::{TxPurpose, TxStatus};

sol! {
    /// ERC-20, as much of it as a contribution and a distribution need.
    function transfer(address to, uint256 amount) returns (bool);
    function balanceOf(address owner) returns (uint256);
}

/// How a sale's token is known on chain, as typed. (How a contribution, a refund claim
/// and the other steps reach the sale are its actions: [`crate::action`].)
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ContractTermsDraft {
    /// The sale's token, whose transfers to the user are its deliveries; empty: not known.
    pub token_address: String,
}

/// How a sale's token is known on chain, checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContractTerms {
    pub token_address: Option<Address>,
}

/// One refused field of the contract terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContractTermsProblem {
    TokenAddress(AddressError),
}

impl ContractTermsProblem {
    /// The field at fault, as named in the draft.
    pub fn field(&self) -> &'static str {
        match self {
            Self::TokenAddress(_) => "tokenAddress",
        }
    }

    pub fn message(&self) -> String {
        match self {
            Self::TokenAddress(error) => error.to_string(),
        }
    }
}

impl ContractTerms {
    /// Checks every field; all problems at once.
    pub fn from_draft(draft: &ContractTermsDraft) -> Result<Self, Vec<ContractTermsProblem>> {
        let token_address = optional(&draft.token_address)
            .map(|input| {
                parse_address(input).map_err(|e| vec![ContractTermsProblem::TokenAddress(e)])
            })
            .transpose()?;
        Ok(Self { token_address })
    }

    pub fn to_draft(&self) -> ContractTermsDraft {
        ContractTermsDraft {
            token_address: self
                .token_address
                .as_ref()
                .map(checksummed)
                .unwrap_or_default(),
        }
    }
}

/// `input` trimmed, or `None` when that leaves nothing.
fn optional(input: &str) -> Option<&str> {
    let input = input.trim();
    (!input.is_empty()).then_some(input)
}

/// What a transaction does, for the summary and for the checks on it.
#[derive(Debug, Clone, PartialEq)]
pub enum CallKind {
    /// Coins sent to an address that should have no code.
    Transfer,
    /// A call of one of the sale's actions, with the values its templates took.
    ActionCall {
        action: Box<SaleAction>,
        values: ActionValues,
    },
    /// An ERC-20 `transfer(recipient, amount)` on the token's contract.
    TokenTransfer { recipient: Address, amount: U256 },
}

/// A call to make: where, with how many coins, with which data, and what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedCall {
    pub from: Address,
    pub to: Address,
    pub value: U256,
    pub input: Bytes,
    pub kind: CallKind,
}

/// A call's fields on the wire: enough to sign it, estimate it or replay it, whatever
/// it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRequest {
    pub from: Address,
    pub to: Address,
    pub value: U256,
    pub input: Bytes,
}

impl PlannedCall {
    /// What goes on the wire.
    pub fn request(&self) -> CallRequest {
        CallRequest {
            from: self.from,
            to: self.to,
            value: self.value,
            input: self.input.clone(),
        }
    }

    /// A contribution of `amount` (base units of the sale's currency) from `from`: the
    /// sale's contribute action if it has one (a payable call, or a plain transfer),
    /// else a plain transfer. For a sale paid in a token: its contribute action, which
    /// pulls the payment with `transferFrom` once approved and carries no coins, or
    /// without one an ERC-20 transfer to the sale.
    pub fn contribution(
        sale: &SaleTerms,
        contribute: Option<&SaleAction>,
        from: Address,
        amount: U256,
        token_amount: Option<U256>,
    ) -> Result<Self, ActionValueError> {
        let sale_address = sale.contribution_address;
        let contribute = contribute.filter(|action| action.function.is_some());
        let token_paid = matches!(sale.currency, AcceptedCurrency::Erc20 { .. });
        if let (AcceptedCurrency::Erc20 { address, .. }, None) = (&sale.currency, contribute) {
            return Ok(Self {
                from,
                to: *address,
                value: U256::ZERO,
                input: Bytes::from(
                    transferCall {
                        to: sale_address,
                        amount,
                    }
                    .abi_encode(),
                ),
                kind: CallKind::TokenTransfer {
                    recipient: sale_address,
                    amount,
                },
            });
        }
        let values = ActionValues {
            account: from,
            amount: Some(amount),
            token_amount,
        };
        Ok(match contribute {
            Some(action) => Self {
                from,
                to: action.target(sale),
                value: if token_paid { U256::ZERO } else { amount },
                input: action.encode(&values)?,
                kind: CallKind::ActionCall {
                    action: Box::new(action.clone()),
                    values,
                },
            },
            None => Self {
                from,
                to: sale_address,
                value: amount,
                input: Bytes::new(),
                kind: CallKind::Transfer,
            },
        })
    }

    /// One of the sale's actions other than a contribution, taken by `values.account`:
    /// a call of its function on its contract, with no coins sent.
    pub fn action(
        sale: &SaleTerms,
        action: &SaleAction,
        values: ActionValues,
    ) -> Result<Self, ActionValueError> {
        Ok(Self {
            from: values.account,
            to: action.target(sale),
            value: U256::ZERO,
            input: action.encode(&values)?,
            kind: CallKind::ActionCall {
                action: Box::new(action.clone()),
                values,
            },
        })
    }

    /// The amount of the sale's token this call pays, when it is a contribution in one:
    /// the ERC-20 transfer's amount, or the `{amount}` a call that pulls it passes.
    pub fn token_payment(&self) -> Option<U256> {
        match &self.kind {
            CallKind::TokenTransfer { amount, .. } => Some(*amount),
            CallKind::ActionCall { values, .. } if self.value.is_zero() => values.amount,
            CallKind::ActionCall { .. } | CallKind::Transfer => None,
        }
    }

    /// Whether the destination must be a contract.
    pub fn expects_code(&self) -> bool {
        !matches!(self.kind, CallKind::Transfer)
    }

    /// The arguments of the call, each with its name and type, as it will be signed:
    /// decoded again from the calldata.
    pub fn arguments(&self) -> Vec<DecodedArgument> {
        match &self.kind {
            CallKind::Transfer => Vec::new(),
            CallKind::ActionCall { action, .. } => action.decode(&self.input).unwrap_or_default(),
            CallKind::TokenTransfer { recipient, amount } => vec![
                DecodedArgument {
                    name: "to".to_owned(),
                    ty: "address".to_owned(),
                    value: checksummed(recipient),
                },
                DecodedArgument {
                    name: "amount".to_owned(),
                    ty: "uint256".to_owned(),
                    value: amount.to_string(),
                },
            ],
        }
    }

    /// The call in words: `buyTokens(0xAbC…)`, `transfer(0xAbC…, 1.5 USDC)`, or none.
    pub fn decoded(&self, decimals: u8, symbol: &str) -> Option<String> {
        match &self.kind {
            CallKind::Transfer => None,
            CallKind::ActionCall { action, .. } => {
                let name = action.function.as_ref().map(|f| f.name.clone())?;
                let arguments: Vec<String> =
                    self.arguments().into_iter().map(|a| a.value).collect();
                Some(format!("{name}({})", arguments.join(", ")))
            }
            CallKind::TokenTransfer { recipient, amount } => Some(format!(
                "transfer({}, {} {symbol})",
                checksummed(recipient),
                format_amount(*amount, decimals)
            )),
        }
    }

    /// Whether `input` is exactly the call this plan expects: the function's selector
    /// and every argument it must carry.
    pub fn calldata_matches(&self, input: &[u8]) -> bool {
        match &self.kind {
            CallKind::Transfer => input.is_empty(),
            CallKind::ActionCall { action, values } => action
                .encode(values)
                .is_ok_and(|expected| expected.as_ref() == input),
            CallKind::TokenTransfer { recipient, amount } => transferCall::abi_decode(input)
                .is_ok_and(|call| call.to == *recipient && call.amount == *amount),
        }
    }
}

/// The call reading an ERC-20 balance.
pub fn balance_of_call(owner: Address) -> Bytes {
    Bytes::from(balanceOfCall { owner }.abi_encode())
}

/// How fast the user wants the transaction included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum FeeSpeed {
    Slow,
    #[default]
    Normal,
    Fast,
}

impl FeeSpeed {
    pub const ALL: [FeeSpeed; 3] = [Self::Slow, Self::Normal, Self::Fast];

    /// The reward percentile of recent blocks this speed tips at.
    pub fn percentile(self) -> u8 {
        match self {
            Self::Slow => 10,
            Self::Normal => 50,
            Self::Fast => 90,
        }
    }

    fn index(self) -> usize {
        match self {
            Self::Slow => 0,
            Self::Normal => 1,
            Self::Fast => 2,
        }
    }
}

/// Recent blocks as `eth_feeHistory` reports them: the base fee of each and of the next
/// block, and the priority fees paid at the 10th, 50th and 90th percentiles.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FeeHistory {
    /// Oldest first; the last is the next block's.
    pub base_fees: Vec<u128>,
    pub rewards: Vec<[u128; 3]>,
}

/// An EIP-1559 fee choice, in wei per gas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fees {
    pub max_fee_per_gas: u128,
    pub max_priority_fee_per_gas: u128,
}

impl FeeHistory {
    /// The next block's base fee.
    pub fn next_base_fee(&self) -> u128 {
        self.base_fees.last().copied().unwrap_or_default()
    }

    /// The median base fee of the recent blocks (not the next one).
    pub fn median_base_fee(&self) -> u128 {
        let recent = &self.base_fees[..self.base_fees.len().saturating_sub(1)];
        median(recent.to_vec()).unwrap_or_else(|| self.next_base_fee())
    }

    /// The fees to offer at `speed`: the median tip recent blocks paid at the speed's
    /// percentile, on top of twice the next base fee (room for six full blocks in a
    /// row before the transaction is priced out).
    pub fn suggest(&self, speed: FeeSpeed) -> Fees {
        let tips: Vec<u128> = self.rewards.iter().map(|r| r[speed.index()]).collect();
        let tip = median(tips).unwrap_or_default();
        Fees {
            max_fee_per_gas: self.next_base_fee().saturating_mul(2).saturating_add(tip),
            max_priority_fee_per_gas: tip,
        }
    }
}

fn median(mut values: Vec<u128>) -> Option<u128> {
    values.sort_unstable();
    values.get(values.len() / 2).copied()
}

/// The gas limit for an estimate: 20 % headroom, since state may change before the
/// transaction is mined.
pub fn gas_limit_for(estimate: u64) -> u64 {
    estimate.saturating_add(estimate / 5)
}

/// What the node said about a planned call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkFacts {
    /// The sender's coins, in wei.
    pub balance: U256,
    /// The sender's balance of the sale's token when paying in one.
    pub token_balance: Option<U256>,
    pub destination_has_code: bool,
    /// The gas estimate, or the reason the call reverts.
    pub estimate: Result<u64, String>,
    pub fees: Fees,
    pub history: FeeHistory,
}

/// The most a transaction can cost in fees: gas limit × max fee per gas.
pub fn max_fee_cost(gas_limit: u64, fees: &Fees) -> U256 {
    U256::from(gas_limit).saturating_mul(U256::from(fees.max_fee_per_gas))
}

/// The network's checks on a planned call: it must not revert, the sender must afford
/// value plus the maximum fee, the destination must (or must not) be a contract, the
/// calldata must be the expected call, and the fee should not be far above recent blocks.
pub fn network_findings(
    call: &PlannedCall,
    facts: &NetworkFacts,
    coin: (&str, u8),
    currency: (&str, u8),
) -> Vec<Finding> {
    let mut out = Vec::new();
    let show = |amount: U256, (symbol, decimals): (&str, u8)| {
        format!("{} {symbol}", format_amount(amount, decimals))
    };
    if call.expects_code() && !facts.destination_has_code {
        out.push(finding(
            FindingCode::DestinationHasNoCode,
            format!(
                "{} has no contract code on this chain, but this transaction calls a contract there: the address or the network is wrong.",
                checksummed(&call.to)
            ),
            vec![("to", checksummed(&call.to))],
        ));
    } else if !call.expects_code() && facts.destination_has_code {
        out.push(finding(
            FindingCode::DestinationIsContract,
            format!(
                "{} is a contract, but the sale's terms describe a plain transfer: a contract may refuse or keep coins sent without a call. Note the sale's function in its terms.",
                checksummed(&call.to)
            ),
            vec![("to", checksummed(&call.to))],
        ));
    }
    if !call.calldata_matches(&call.input) {
        out.push(finding(
            FindingCode::CalldataMismatch,
            "The transaction's data is not the sale's call with your account: do not sign it."
                .to_owned(),
            vec![("input", call.input.to_string())],
        ));
    }
    let gas_limit = match &facts.estimate {
        Ok(estimate) => gas_limit_for(*estimate),
        Err(reason) => {
            let reason = if reason.trim().is_empty() {
                "no reason given".to_owned()
            } else {
                reason.clone()
            };
            out.push(finding(
                FindingCode::WouldRevert,
                format!("The node says this transaction would fail: {reason}."),
                vec![("revert_reason", reason)],
            ));
            0
        }
    };
    let fee = max_fee_cost(gas_limit, &facts.fees);
    let needed = call.value.saturating_add(fee);
    if facts.balance < needed {
        out.push(finding(
            FindingCode::InsufficientFunds,
            format!(
                "The account holds {} but needs up to {} ({} plus at most {} in fees).",
                show(facts.balance, coin),
                show(needed, coin),
                show(call.value, coin),
                show(fee, coin),
            ),
            vec![
                ("balance", show(facts.balance, coin)),
                ("needed", show(needed, coin)),
            ],
        ));
    }
    if let (Some(amount), Some(held)) = (call.token_payment(), facts.token_balance)
        && held < amount
    {
        out.push(finding(
            FindingCode::InsufficientFunds,
            format!(
                "The account holds {} but the contribution is {}.",
                show(held, currency),
                show(amount, currency)
            ),
            vec![
                ("balance", show(held, currency)),
                ("needed", show(amount, currency)),
            ],
        ));
    }
    let usual = facts
        .history
        .median_base_fee()
        .saturating_add(facts.fees.max_priority_fee_per_gas);
    if usual > 0 && facts.fees.max_fee_per_gas > usual.saturating_mul(3) {
        out.push(finding(
            FindingCode::FeeUnusuallyHigh,
            format!(
                "The maximum fee, {} per gas, is more than three times what recent blocks needed ({}); waiting may cost less.",
                show(U256::from(facts.fees.max_fee_per_gas), ("gwei", 9)),
                show(U256::from(usual), ("gwei", 9)),
            ),
            vec![
                ("max_fee_per_gas", facts.fees.max_fee_per_gas.to_string()),
                ("recent_fee_per_gas", usual.to_string()),
            ],
        ));
    }
    out
}

/// The unsigned EIP-1559 transaction of a call.
pub fn unsigned_transaction(
    call: &CallRequest,
    chain_id: u64,
    nonce: u64,
    gas_limit: u64,
    fees: Fees,
) -> TxEip1559 {
    TxEip1559 {
        chain_id,
        nonce,
        gas_limit,
        max_fee_per_gas: fees.max_fee_per_gas,
        max_priority_fee_per_gas: fees.max_priority_fee_per_gas,
        to: TxKind::Call(call.to),
        value: call.value,
        access_list: Default::default(),
        input: call.input.clone(),
    }
}

#[cfg(test)]
mod tests;
