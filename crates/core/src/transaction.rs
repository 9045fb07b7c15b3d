//! Contribution transactions, decided without touching the network: how a sale takes
//! contributions on chain, the call a contribution makes, the fees to offer from recent
//! blocks, the checks on what the node reports, and the unsigned EIP-1559 transaction.
//!
//! The node's answers (balance, code, gas estimate, fee history) come in as values, so
//! every rule here is a pure function. Encoding is alloy's: `alloy-dyn-abi` for the
//! sale's own function, `alloy-sol-types` for ERC-20, `alloy-consensus` for the
//! transaction.

use alloy_consensus::TxEip1559;
use alloy_dyn_abi::{DynSolType, DynSolValue, JsonAbiExt};
use alloy_json_abi::Function;
use alloy_primitives::{Address, Bytes, TxKind, U256};
use alloy_sol_types::{SolCall, sol};

use crate::address::{AddressError, checksummed, parse_address};
use crate::amount::format_amount;
use crate::review::{Finding, FindingCode, finding};
use crate::sale::{AcceptedCurrency, SaleTerms};

mod status;

pub use status::{TxPurpose, TxStatus};

sol! {
    /// ERC-20, as much of it as a contribution and a distribution need.
    function transfer(address to, uint256 amount) returns (bool);
    function balanceOf(address owner) returns (uint256);
}

/// Most characters in a function signature.
pub const MAX_SIGNATURE_CHARS: usize = 200;

/// How a sale takes contributions on chain, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ContractTermsDraft {
    /// The payable function a contribution calls, such as `contribute()` or
    /// `buyTokens(address)`; empty: a plain transfer (or, for a sale paid in a token,
    /// an ERC-20 transfer to the sale's address).
    pub contribution_call: String,
    /// The function that returns a contribution after a failed sale, such as
    /// `claimRefund()`; empty: the sale offers no refunds on chain.
    pub refund_call: String,
    /// The sale's token, whose `balanceOf` records the distribution; empty: not known.
    pub token_address: String,
}

/// A function of the sale's contract. Its `address` parameters are the contributing
/// account (the beneficiary); other parameter types are refused, since Saleguard
/// would have to guess their values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallSignature(Function);

impl CallSignature {
    pub fn parse(input: &str) -> Result<Self, SignatureProblem> {
        let input = input.trim();
        if input.chars().count() > MAX_SIGNATURE_CHARS {
            return Err(SignatureProblem::TooLong);
        }
        let function = Function::parse(input).map_err(|_| SignatureProblem::Malformed)?;
        if let Some(parameter) = function.inputs.iter().find(|p| p.ty != "address") {
            return Err(SignatureProblem::UnsupportedParameter(parameter.ty.clone()));
        }
        Ok(Self(function))
    }

    /// `buyTokens(address)`: the canonical form, as stored and shown.
    pub fn signature(&self) -> String {
        self.0.signature()
    }

    /// The calldata calling this function for `account`.
    fn encode_for(&self, account: Address) -> Bytes {
        let arguments: Vec<DynSolValue> = self
            .0
            .inputs
            .iter()
            .map(|_| DynSolValue::Address(account))
            .collect();
        // Every parameter is an address and every argument one: encoding cannot fail.
        Bytes::from(self.0.abi_encode_input(&arguments).unwrap_or_default())
    }

    /// The addresses `input` passes, if it is a call of this function.
    fn decode(&self, input: &[u8]) -> Option<Vec<Address>> {
        let (selector, arguments) = input.split_at_checked(4)?;
        if selector != self.0.selector().as_slice() {
            return None;
        }
        let types = vec![DynSolType::Address; self.0.inputs.len()];
        let decoded = DynSolType::Tuple(types).abi_decode_params(arguments).ok()?;
        let values = decoded.as_tuple()?.iter().map(DynSolValue::as_address);
        values.collect()
    }
}

/// Why a function signature was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureProblem {
    #[error(
        "write the function as its name and parameter types, such as contribute() or buyTokens(address)"
    )]
    Malformed,
    #[error("at most {MAX_SIGNATURE_CHARS} characters")]
    TooLong,
    #[error("only address parameters (the contributing account) can be filled in, not {0}")]
    UnsupportedParameter(String),
}

/// How a sale takes contributions on chain, checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContractTerms {
    pub contribution_call: Option<CallSignature>,
    pub refund_call: Option<CallSignature>,
    pub token_address: Option<Address>,
}

/// One refused field of the contract terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContractTermsProblem {
    ContributionCall(SignatureProblem),
    /// A sale paid in a token is paid with an ERC-20 transfer, not a payable call.
    CallWithTokenCurrency,
    RefundCall(SignatureProblem),
    TokenAddress(AddressError),
}

impl ContractTermsProblem {
    /// The field at fault, as named in the draft.
    pub fn field(&self) -> &'static str {
        match self {
            Self::ContributionCall(_) | Self::CallWithTokenCurrency => "contributionCall",
            Self::RefundCall(_) => "refundCall",
            Self::TokenAddress(_) => "tokenAddress",
        }
    }

    pub fn message(&self) -> String {
        match self {
            Self::ContributionCall(problem) | Self::RefundCall(problem) => problem.to_string(),
            Self::CallWithTokenCurrency => "this sale is paid in a token: contributions are ERC-20 transfers to its address, so leave the function empty".to_owned(),
            Self::TokenAddress(error) => error.to_string(),
        }
    }
}

impl ContractTerms {
    /// Checks every field against the sale it belongs to; all problems at once.
    pub fn from_draft(
        draft: &ContractTermsDraft,
        sale: &SaleTerms,
    ) -> Result<Self, Vec<ContractTermsProblem>> {
        let mut problems = Vec::new();
        let contribution_call = match optional(&draft.contribution_call) {
            None => None,
            Some(_) if matches!(sale.currency, AcceptedCurrency::Erc20 { .. }) => {
                problems.push(ContractTermsProblem::CallWithTokenCurrency);
                None
            }
            Some(input) => CallSignature::parse(input)
                .map_err(|e| problems.push(ContractTermsProblem::ContributionCall(e)))
                .ok(),
        };
        let refund_call = optional(&draft.refund_call).and_then(|input| {
            CallSignature::parse(input)
                .map_err(|e| problems.push(ContractTermsProblem::RefundCall(e)))
                .ok()
        });
        let token_address = optional(&draft.token_address).and_then(|input| {
            parse_address(input)
                .map_err(|e| problems.push(ContractTermsProblem::TokenAddress(e)))
                .ok()
        });
        if problems.is_empty() {
            Ok(Self {
                contribution_call,
                refund_call,
                token_address,
            })
        } else {
            Err(problems)
        }
    }

    pub fn to_draft(&self) -> ContractTermsDraft {
        ContractTermsDraft {
            contribution_call: self
                .contribution_call
                .as_ref()
                .map(CallSignature::signature)
                .unwrap_or_default(),
            refund_call: self
                .refund_call
                .as_ref()
                .map(CallSignature::signature)
                .unwrap_or_default(),
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallKind {
    /// Coins sent to an address that should have no code.
    Transfer,
    /// A call of the sale's function (payable for a contribution).
    ContractCall(CallSignature),
    /// An ERC-20 `transfer(recipient, amount)` on the token's contract.
    TokenTransfer { recipient: Address, amount: U256 },
}

/// A call to make: where, with how many coins, with which data, and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
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

    /// A contribution of `amount` (base units of the sale's currency) from `from`.
    pub fn contribution(
        sale: &SaleTerms,
        contract: &ContractTerms,
        from: Address,
        amount: U256,
    ) -> Self {
        let sale_address = sale.contribution_address;
        match (&sale.currency, &contract.contribution_call) {
            (AcceptedCurrency::Erc20 { address, .. }, _) => Self {
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
            },
            (AcceptedCurrency::Native { .. }, Some(call)) => Self {
                from,
                to: sale_address,
                value: amount,
                input: call.encode_for(from),
                kind: CallKind::ContractCall(call.clone()),
            },
            (AcceptedCurrency::Native { .. }, None) => Self {
                from,
                to: sale_address,
                value: amount,
                input: Bytes::new(),
                kind: CallKind::Transfer,
            },
        }
    }

    /// The refund claim of `from`, if the sale offers one on chain.
    pub fn refund(sale: &SaleTerms, contract: &ContractTerms, from: Address) -> Option<Self> {
        let call = contract.refund_call.as_ref()?;
        Some(Self {
            from,
            to: sale.contribution_address,
            value: U256::ZERO,
            input: call.encode_for(from),
            kind: CallKind::ContractCall(call.clone()),
        })
    }

    /// Whether the destination must be a contract.
    pub fn expects_code(&self) -> bool {
        !matches!(self.kind, CallKind::Transfer)
    }

    /// The call in words: `buyTokens(0xAbC…)`, `transfer(0xAbC…, 1.5 USDC)`, or none.
    pub fn decoded(&self, decimals: u8, symbol: &str) -> Option<String> {
        match &self.kind {
            CallKind::Transfer => None,
            CallKind::ContractCall(call) => {
                let arguments = call.decode(&self.input).unwrap_or_default();
                let arguments: Vec<String> = arguments.iter().map(checksummed).collect();
                Some(format!("{}({})", call.0.name, arguments.join(", ")))
            }
            CallKind::TokenTransfer { recipient, amount } => Some(format!(
                "transfer({}, {} {symbol})",
                checksummed(recipient),
                format_amount(*amount, decimals)
            )),
        }
    }

    /// Whether `input` is exactly the call this plan expects: the function's selector
    /// and the arguments it must carry.
    pub fn calldata_matches(&self, input: &[u8]) -> bool {
        match &self.kind {
            CallKind::Transfer => input.is_empty(),
            CallKind::ContractCall(call) => call
                .decode(input)
                .is_some_and(|arguments| arguments.iter().all(|a| *a == self.from)),
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
                "{} has no contract code on this chain, but this contribution calls a contract there: the address or the network is wrong.",
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
    if let (CallKind::TokenTransfer { amount, .. }, Some(held)) = (&call.kind, facts.token_balance)
        && held < *amount
    {
        out.push(finding(
            FindingCode::InsufficientFunds,
            format!(
                "The account holds {} but the contribution is {}.",
                show(held, currency),
                show(*amount, currency)
            ),
            vec![
                ("balance", show(held, currency)),
                ("needed", show(*amount, currency)),
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
