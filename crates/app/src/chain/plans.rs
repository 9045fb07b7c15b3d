//! Contributions and refund claims on chain: the plan (the review with the network's
//! checks, and the unsigned transaction the user would sign), kept as a draft with an id
//! so that it is signed and sent at most once.

use alloy_consensus::{SignableTransaction, TxEip1559};
use saleguard_chain::Node;
use saleguard_core::account::{Account, AccountId, HardwareWallet};
use saleguard_core::address::checksummed;
use saleguard_core::amount::format_amount;
use saleguard_core::network::Network;
use saleguard_core::review::{Review, Verdict};
use saleguard_core::sale::{AcceptedCurrency, Sale};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::transaction::{
    CallRequest, Fees, PlannedCall, TxPurpose, TxStatus, gas_limit_for, max_fee_cost,
    network_findings, unsigned_transaction,
};
use saleguard_core::{Bytes, U256};
use saleguard_hardware::device_prompt;
use saleguard_store::{ParticipationId, TransactionRecord};
use serde::{Deserialize, Serialize};

pub use saleguard_core::transaction::FeeSpeed;
pub use saleguard_hardware::{DevicePrompt, DeviceScreen};

use crate::review::{ReviewInput, ReviewView, review_view};
use crate::{AppError, ErrorCode, Saleguard};

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

/// A refund claim to plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RefundInput {
    pub participation_id: i64,
    pub account_id: i64,
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
    /// The contribution, with its currency ("0.5 ETH"); "0 ETH" for a refund claim.
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
    /// For an account on a hardware wallet: what its screen will show, to compare.
    pub device_prompt: Option<DevicePrompt>,
}

/// The review of a transaction with the network's checks, and the transaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TransactionPlan {
    /// The draft to sign: none for a dry run, or when the node says the call fails.
    pub draft_id: Option<String>,
    pub purpose: TxPurpose,
    pub review: ReviewView,
    pub transaction: TransactionSummary,
}

/// A planned transaction before it is kept: everything signing needs.
pub(crate) struct Planned {
    pub(crate) purpose: TxPurpose,
    pub(crate) participation: ParticipationId,
    pub(crate) sale: Sale,
    pub(crate) account: Account,
    /// The hardware wallet holding the account's key, if one does.
    pub(crate) wallet: Option<HardwareWallet>,
    pub(crate) network: Network,
    pub(crate) call: PlannedCall,
    pub(crate) amount: U256,
    pub(crate) review: Review,
    pub(crate) reviewed_at: UtcTimestamp,
    pub(crate) tx: TxEip1559,
    pub(crate) fee_speed: FeeSpeed,
}

/// The unsigned transaction a stored draft describes: exactly the reviewed fields.
pub(crate) fn draft_transaction(record: &TransactionRecord) -> TxEip1559 {
    unsigned_transaction(
        &request_of_record(record),
        record.chain_id,
        record.nonce,
        record.gas_limit,
        Fees {
            max_fee_per_gas: record.max_fee_per_gas,
            max_priority_fee_per_gas: record.max_priority_fee_per_gas,
        },
    )
}

/// The call a stored transaction makes, as it goes on the wire.
pub(crate) fn request_of_record(record: &TransactionRecord) -> CallRequest {
    CallRequest {
        from: record.from,
        to: record.to,
        value: record.value,
        input: record.input.clone(),
    }
}

fn hex(bytes: &[u8]) -> String {
    Bytes::copy_from_slice(bytes).to_string()
}

/// A refund claim's review: only the network's checks apply.
fn network_only(findings: Vec<saleguard_core::review::Finding>) -> Review {
    Review {
        findings: Vec::new(),
        verdict: Verdict::Clear,
        budget: None,
    }
    .with(findings)
}

impl Saleguard {
    /// Plans a contribution: the review of the sale's rules, the budget and the
    /// network's checks (balance, code, gas estimate or revert reason, fees, calldata),
    /// and the unsigned EIP-1559 transaction with the node's pending nonce. Nothing is
    /// signed, sent or kept: a dry run.
    pub async fn plan_contribution(
        &self,
        input: &ContributionInput,
    ) -> Result<TransactionPlan, AppError> {
        let planned = self.planned_contribution(input).await?;
        Ok(self.plan_view(&planned, None))
    }

    /// Plans a contribution and keeps it as a draft to sign ([`Saleguard::send_transaction`]).
    /// A plan whose call the node says fails is not kept.
    pub async fn prepare_contribution(
        &self,
        input: &ContributionInput,
    ) -> Result<TransactionPlan, AppError> {
        let planned = self.planned_contribution(input).await?;
        let draft = self.keep_draft(&planned)?;
        Ok(self.plan_view(&planned, draft))
    }

    /// Plans a refund claim without keeping it: a dry run.
    pub async fn plan_refund(&self, input: &RefundInput) -> Result<TransactionPlan, AppError> {
        let planned = self.planned_refund(input).await?;
        Ok(self.plan_view(&planned, None))
    }

    /// Plans a refund claim (the sale's refund function) and keeps it as a draft.
    pub async fn prepare_refund(&self, input: &RefundInput) -> Result<TransactionPlan, AppError> {
        let planned = self.planned_refund(input).await?;
        let draft = self.keep_draft(&planned)?;
        Ok(self.plan_view(&planned, draft))
    }

    pub(crate) async fn planned_contribution(
        &self,
        input: &ContributionInput,
    ) -> Result<Planned, AppError> {
        let (participation, sale, account, contract) =
            self.transaction_parties(input.participation_id, input.account_id)?;
        let wallet = self.store()?.hardware_wallet(account.id)?;
        let network = self.configured_network(sale.terms.chain_id).await?;
        let reviewed = self.reviewed(&ReviewInput {
            sale_id: sale.id.0,
            from: input.account_id.to_string(),
            to: checksummed(&sale.terms.contribution_address),
            amount: input.amount.clone(),
            chain_id: network.chain_id.to_string(),
            at: String::new(),
        })?;
        let amount = reviewed.draft.amount;
        let call = PlannedCall::contribution(&sale.terms, &contract, account.address, amount);
        let token = match &sale.terms.currency {
            AcceptedCurrency::Erc20 { address, .. } => Some(*address),
            AcceptedCurrency::Native { .. } => None,
        };
        let (tx, findings) = self
            .ask_node(&call, &network, &sale, input.fee_speed, token)
            .await?;
        Ok(Planned {
            purpose: TxPurpose::Contribution,
            participation,
            tx,
            review: reviewed.outcome.with(findings),
            reviewed_at: reviewed.at,
            sale,
            account,
            wallet,
            network,
            call,
            amount,
            fee_speed: input.fee_speed,
        })
    }

    pub(crate) async fn planned_refund(&self, input: &RefundInput) -> Result<Planned, AppError> {
        let (participation, sale, account, contract) =
            self.transaction_parties(input.participation_id, input.account_id)?;
        let wallet = self.store()?.hardware_wallet(account.id)?;
        let call = PlannedCall::refund(&sale.terms, &contract, account.address).ok_or_else(|| {
            AppError::new(
                ErrorCode::NoRefundCall,
                "this sale's terms name no refund function: add it (e.g. claimRefund()) under the sale's contract terms",
            )
        })?;
        let network = self.configured_network(sale.terms.chain_id).await?;
        let (tx, findings) = self
            .ask_node(&call, &network, &sale, input.fee_speed, None)
            .await?;
        Ok(Planned {
            purpose: TxPurpose::Refund,
            participation,
            tx,
            review: network_only(findings),
            reviewed_at: self.clock.now(),
            sale,
            account,
            wallet,
            network,
            call,
            amount: U256::ZERO,
            fee_speed: input.fee_speed,
        })
    }

    /// Asks the node about `call` (balance, code, gas estimate or revert reason, fees
    /// at `speed`, the pending nonce): the unsigned transaction, and the network's
    /// findings on it.
    async fn ask_node(
        &self,
        call: &PlannedCall,
        network: &Network,
        sale: &Sale,
        speed: FeeSpeed,
        token: Option<saleguard_core::Address>,
    ) -> Result<(TxEip1559, Vec<saleguard_core::review::Finding>), AppError> {
        let node = Node::connect(network).await?;
        let facts = node.facts(call, speed, token).await?;
        let nonce = node.pending_nonce(call.from).await?;
        let findings = network_findings(
            call,
            &facts,
            (network.native_symbol.as_str(), network.native_decimals),
            (sale.terms.currency.symbol(), sale.terms.currency.decimals()),
        );
        let gas_limit = facts.estimate.as_ref().map_or(0, |gas| gas_limit_for(*gas));
        let tx = unsigned_transaction(
            &call.request(),
            network.chain_id,
            nonce,
            gas_limit,
            facts.fees,
        );
        Ok((tx, findings))
    }

    /// The participation, its sale, the account and the sale's contract terms.
    fn transaction_parties(
        &self,
        participation_id: i64,
        account_id: i64,
    ) -> Result<
        (
            ParticipationId,
            Sale,
            Account,
            saleguard_core::transaction::ContractTerms,
        ),
        AppError,
    > {
        let store = self.store()?;
        let participation = store.participation(ParticipationId(participation_id))?;
        let sale = store.sale(participation.sale_id)?;
        let account = store.account(AccountId(account_id))?;
        let contract = store.contract_terms(sale.id, &sale.terms)?;
        Ok((participation.id, sale, account, contract))
    }

    /// Keeps a plan as a draft with a fresh id; none when the call fails anyway.
    fn keep_draft(&self, planned: &Planned) -> Result<Option<String>, AppError> {
        if planned.tx.gas_limit == 0 {
            return Ok(None);
        }
        let id = saleguard_vault::random_id("").map_err(|error| {
            AppError::new(
                ErrorCode::Internal,
                format!("the system's random source failed: {error}"),
            )
        })?;
        let now = self.clock.now();
        self.store()?.insert_transaction(&TransactionRecord {
            id: id.clone(),
            participation_id: planned.participation,
            purpose: planned.purpose,
            account_id: Some(planned.account.id),
            chain_id: planned.network.chain_id,
            from: planned.account.address,
            to: planned.call.to,
            value: planned.call.value,
            amount: planned.amount,
            input: planned.call.input.clone(),
            nonce: planned.tx.nonce,
            gas_limit: planned.tx.gas_limit,
            max_fee_per_gas: planned.tx.max_fee_per_gas,
            max_priority_fee_per_gas: planned.tx.max_priority_fee_per_gas,
            signing_hash: planned.tx.signature_hash().to_string(),
            hash: None,
            raw: None,
            status: TxStatus::Planned,
            block_number: None,
            failure: String::new(),
            created_at: now,
            updated_at: now,
            fee_wei: None,
        })?;
        tracing::info!(draft = %id, purpose = planned.purpose.as_str(), "transaction planned");
        Ok(Some(id))
    }

    fn plan_view(&self, planned: &Planned, draft_id: Option<String>) -> TransactionPlan {
        let network = &planned.network;
        let terms = &planned.sale.terms;
        let coin = (network.native_symbol.as_str(), network.native_decimals);
        let currency = (terms.currency.symbol(), terms.currency.decimals());
        let show = |amount: U256, (symbol, decimals): (&str, u8)| {
            format!("{} {symbol}", format_amount(amount, decimals))
        };
        let tx = &planned.tx;
        let fees = Fees {
            max_fee_per_gas: tx.max_fee_per_gas,
            max_priority_fee_per_gas: tx.max_priority_fee_per_gas,
        };
        let value = show(planned.call.value, coin);
        let max_fee_wei = max_fee_cost(tx.gas_limit, &fees);
        let max_fee = show(max_fee_wei, coin);
        let device_prompt = planned
            .wallet
            .map(|wallet| device_prompt(wallet, tx, network, max_fee_wei));
        TransactionPlan {
            draft_id,
            purpose: planned.purpose,
            review: review_view(planned.review.clone(), planned.reviewed_at),
            transaction: TransactionSummary {
                from: checksummed(&planned.account.address),
                to: checksummed(&planned.call.to),
                sale_address: checksummed(&terms.contribution_address),
                amount: show(planned.amount, currency),
                value_wei: planned.call.value.to_string(),
                value,
                chain_id: network.chain_id,
                network: network.name.clone(),
                decoded_call: planned.call.decoded(currency.1, currency.0),
                data: planned.call.input.to_string(),
                nonce: tx.nonce,
                gas_limit: tx.gas_limit,
                fee_speed: planned.fee_speed,
                max_fee_per_gas: tx.max_fee_per_gas.to_string(),
                max_priority_fee_per_gas: tx.max_priority_fee_per_gas.to_string(),
                max_fee,
                signing_hash: tx.signature_hash().to_string(),
                unsigned: hex(&tx.encoded_for_signing()),
                device_prompt,
            },
        }
    }
}
