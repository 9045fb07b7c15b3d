//! Contributions on chain: the plan (the review with the network's checks, and the
//! unsigned transaction the user would sign).

use alloy_consensus::SignableTransaction;
use saleguard_chain::Node;
use saleguard_core::U256;
use saleguard_core::address::checksummed;
use saleguard_core::amount::format_amount;
use saleguard_core::sale::AcceptedCurrency;
use saleguard_core::transaction::{
    PlannedCall, gas_limit_for, max_fee_cost, network_findings, unsigned_transaction,
};
use saleguard_store::ParticipationId;
use serde::{Deserialize, Serialize};

pub use saleguard_core::transaction::FeeSpeed;

use crate::review::{ReviewInput, ReviewView, review_view};
use crate::{AppError, Saleguard};

/// A contribution to plan, as chosen in the wizard or on the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContributionInput {
    pub participation_id: i64,
    pub account_id: i64,
    /// Whole units of the sale's accepted currency ("0.5").
    pub amount: String,
    #[serde(default)]
    pub fee_speed: FeeSpeed,
}

/// The transaction as the user will sign it, in words and in numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TransactionSummary {
    pub from: String,
    /// The transaction's destination: the sale, or the token's contract for a sale paid
    /// in a token.
    pub to: String,
    /// The sale's address, where the contribution ends up.
    pub sale_address: String,
    /// The contribution, with its currency ("0.5 ETH").
    pub amount: String,
    /// Coins the transaction carries, in wei and in words.
    pub value_wei: String,
    pub value: String,
    pub chain_id: u64,
    pub network: String,
    /// The call in words (`contribute()`), none for a plain transfer.
    pub decoded_call: Option<String>,
    /// The calldata, 0x-hex.
    pub data: String,
    pub nonce: u64,
    /// 0 when the node could not estimate (the call reverts).
    pub gas_limit: u64,
    pub fee_speed: FeeSpeed,
    pub max_fee_per_gas: String,
    pub max_priority_fee_per_gas: String,
    /// The most the fees can cost, with the coin ("0.00042 ETH").
    pub max_fee: String,
    /// What the signer signs: the EIP-1559 signing hash of this exact transaction.
    pub signing_hash: String,
    /// The unsigned transaction, EIP-2718 encoded for signing, 0x-hex.
    pub unsigned: String,
}

/// The review of a contribution with the network's checks, and its transaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContributionPlan {
    pub review: ReviewView,
    pub transaction: TransactionSummary,
}

impl Saleguard {
    /// Plans a contribution: the review of the sale's rules, the budget and the
    /// network's checks (balance, code, gas estimate or revert reason, fees, calldata),
    /// and the unsigned EIP-1559 transaction with the node's pending nonce. Nothing is
    /// signed or sent.
    pub async fn plan_contribution(
        &self,
        input: &ContributionInput,
    ) -> Result<ContributionPlan, AppError> {
        let (sale, account, contract) = {
            let store = self.store()?;
            let participation = store.participation(ParticipationId(input.participation_id))?;
            let sale = store.sale(participation.sale_id)?;
            let account = store.account(saleguard_core::account::AccountId(input.account_id))?;
            let contract = store.contract_terms(sale.id, &sale.terms)?;
            (sale, account, contract)
        };
        let network = self.configured_network(sale.terms.chain_id)?;
        let reviewed = self.reviewed(&ReviewInput {
            sale_id: sale.id.0,
            from: input.account_id.to_string(),
            to: checksummed(&sale.terms.contribution_address),
            amount: input.amount.clone(),
            chain_id: network.chain_id.to_string(),
            at: String::new(),
        })?;
        let from = account.address;
        let amount = reviewed.draft.amount;
        let call = PlannedCall::contribution(&sale.terms, &contract, from, amount);
        let node = Node::connect(&network).await?;
        let token = match &sale.terms.currency {
            AcceptedCurrency::Erc20 { address, .. } => Some(*address),
            AcceptedCurrency::Native { .. } => None,
        };
        let facts = node.facts(&call, input.fee_speed, token).await?;
        let nonce = node.pending_nonce(from).await?;
        let coin = (network.native_symbol.as_str(), network.native_decimals);
        let currency = (sale.terms.currency.symbol(), sale.terms.currency.decimals());
        let findings = network_findings(&call, &facts, coin, currency);
        let outcome = reviewed.outcome.with(findings);
        let gas_limit = facts.estimate.as_ref().map_or(0, |gas| gas_limit_for(*gas));
        let tx = unsigned_transaction(&call, network.chain_id, nonce, gas_limit, facts.fees);
        let show = |amount: U256, (symbol, decimals): (&str, u8)| {
            format!("{} {symbol}", format_amount(amount, decimals))
        };
        let transaction = TransactionSummary {
            from: checksummed(&from),
            to: checksummed(&call.to),
            sale_address: checksummed(&sale.terms.contribution_address),
            amount: show(amount, currency),
            value_wei: call.value.to_string(),
            value: show(call.value, coin),
            chain_id: network.chain_id,
            network: network.name.clone(),
            decoded_call: call.decoded(currency.1, currency.0),
            data: call.input.to_string(),
            nonce,
            gas_limit,
            fee_speed: input.fee_speed,
            max_fee_per_gas: facts.fees.max_fee_per_gas.to_string(),
            max_priority_fee_per_gas: facts.fees.max_priority_fee_per_gas.to_string(),
            max_fee: show(max_fee_cost(gas_limit, &facts.fees), coin),
            signing_hash: tx.signature_hash().to_string(),
            unsigned: alloy_primitives_hex(&tx.encoded_for_signing()),
        };
        tracing::info!(
            participation = input.participation_id,
            verdict = ?outcome.verdict,
            "contribution planned"
        );
        Ok(ContributionPlan {
            review: review_view(outcome, reviewed.at),
            transaction,
        })
    }
}

fn alloy_primitives_hex(bytes: &[u8]) -> String {
    saleguard_core::Bytes::copy_from_slice(bytes).to_string()
}
