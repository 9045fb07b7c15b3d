//! A transaction stuck unmined, sped up (the same transaction with higher fees) or
//! cancelled (a transfer of nothing from the account to itself), both with its nonce:
//! reviewed, kept as a draft that names the transaction it replaces, signed like any
//! other. Whichever of them is mined is the one that counts; following it marks the
//! others replaced.

use alloy_consensus::{SignableTransaction, TxEip1559};
use saleguard_chain::{Inclusion, Node};
use saleguard_core::account::HardwareWallet;
use saleguard_core::address::checksummed;
use saleguard_core::amount::format_amount;
use saleguard_core::network::Network;
use saleguard_core::review::{Review, Verdict};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::transaction::{
    CANCEL_GAS_LIMIT, Fees, TxPurpose, TxStatus, max_fee_cost, replacement_call, replacement_fees,
    replacement_findings, unsigned_transaction,
};
use saleguard_core::{Bytes, U256};
use saleguard_hardware::{DeviceSoftware, Signing, device_prompt};
use saleguard_store::{TakenAction, TransactionRecord};
use serde::{Deserialize, Serialize};

use super::plans::{
    FeeSpeed, TransactionPlan, TransactionSummary, new_draft_id, request_of_record,
};
use crate::review::review_view;

use crate::{AppError, ErrorCode, Saleguard};
pub use saleguard_core::transaction::Replacement;

/// A stuck transaction to speed up or cancel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReplaceInput {
    pub transaction_id: String,
    pub how: Replacement,
    /// The fees offered: at least the replaced transaction's raised by 10 %, or what
    /// recent blocks need at this speed when that is more.
    #[serde(default)]
    pub fee_speed: FeeSpeed,
}

/// A replacement before it is kept: the draft's fields, and what shows them.
struct PlannedReplacement {
    record: TransactionRecord,
    tx: TxEip1559,
    review: Review,
    reviewed_at: UtcTimestamp,
    network: Network,
    wallet: Option<HardwareWallet>,
    /// The software drawing the hardware wallet's screens, if it could be asked.
    device_software: Option<DeviceSoftware>,
    fee_speed: FeeSpeed,
    sale_address: String,
    currency: (String, u8),
}

impl Saleguard {
    /// Plans a replacement without keeping it: a dry run.
    pub async fn plan_replacement(
        &self,
        input: &ReplaceInput,
    ) -> Result<TransactionPlan, AppError> {
        let planned = self.planned_replacement(input).await?;
        Ok(replacement_view(&planned, None))
    }

    /// Plans a replacement and keeps it as a draft to sign
    /// ([`Saleguard::send_transaction`]); none is kept when the review blocks it.
    pub async fn prepare_replacement(
        &self,
        input: &ReplaceInput,
    ) -> Result<TransactionPlan, AppError> {
        let mut planned = self.planned_replacement(input).await?;
        if planned.review.verdict == Verdict::Blocked {
            return Ok(replacement_view(&planned, None));
        }
        planned.record.id = new_draft_id()?;
        self.store()?.insert_transaction(&planned.record)?;
        tracing::info!(
            draft = %planned.record.id,
            replaces = ?planned.record.replaces,
            "replacement planned"
        );
        let draft = Some(planned.record.id.clone());
        Ok(replacement_view(&planned, draft))
    }

    async fn planned_replacement(
        &self,
        input: &ReplaceInput,
    ) -> Result<PlannedReplacement, AppError> {
        let (original, wallet, sale) = {
            let store = self.store()?;
            let original = store.transaction(input.transaction_id.trim())?;
            let wallet = match original.account_id {
                Some(account) => store.hardware_wallet(account)?,
                None => None,
            };
            let sale = store.sale(store.participation(original.participation_id)?.sale_id)?;
            (original, wallet, sale)
        };
        refuse_unless_sent(&original)?;
        if original.account_id.is_none() {
            return Err(AppError::new(
                ErrorCode::AccountNotFound,
                "the account that signed it was removed: add it again to replace the transaction",
            ));
        }
        let network = self.configured_network(original.chain_id).await?;
        let node = Node::connect(&network).await?;
        still_pending(&node, &original).await?;
        let call = replacement_call(&request_of_record(&original), input.how);
        let suggested = node.fee_history().await?.suggest(input.fee_speed);
        let fees = replacement_fees(
            Fees {
                max_fee_per_gas: original.max_fee_per_gas,
                max_priority_fee_per_gas: original.max_priority_fee_per_gas,
            },
            suggested,
        );
        let gas_limit = match input.how {
            Replacement::SpeedUp => original.gas_limit,
            Replacement::Cancel => CANCEL_GAS_LIMIT,
        };
        let balance = node.balance(original.from).await?;
        let coin = (network.native_symbol.as_str(), network.native_decimals);
        let findings = replacement_findings(&call, gas_limit, &fees, balance, coin);
        let tx = unsigned_transaction(&call, network.chain_id, original.nonce, gas_limit, fees);
        let now = self.clock.now();
        let (purpose, amount, taken) = match input.how {
            Replacement::SpeedUp => (original.purpose, original.amount, original.taken.clone()),
            Replacement::Cancel => (
                TxPurpose::Cancellation,
                U256::ZERO,
                TakenAction {
                    action_name: "Cancel".to_owned(),
                    ..TakenAction::default()
                },
            ),
        };
        let record = TransactionRecord {
            id: String::new(),
            participation_id: original.participation_id,
            purpose,
            account_id: original.account_id,
            chain_id: original.chain_id,
            from: call.from,
            to: call.to,
            value: call.value,
            amount,
            input: call.input.clone(),
            nonce: original.nonce,
            gas_limit,
            max_fee_per_gas: fees.max_fee_per_gas,
            max_priority_fee_per_gas: fees.max_priority_fee_per_gas,
            signing_hash: tx.signature_hash().to_string(),
            hash: None,
            raw: None,
            status: TxStatus::Planned,
            block_number: None,
            failure: String::new(),
            created_at: now,
            updated_at: now,
            fee_wei: None,
            taken,
            replaces: Some(original.id.clone()),
        };
        let clear = Review {
            findings: Vec::new(),
            verdict: Verdict::Clear,
            budget: None,
        };
        Ok(PlannedReplacement {
            record,
            tx,
            review: clear.with(findings),
            reviewed_at: now,
            network,
            device_software: self.device_software(wallet).await,
            wallet,
            fee_speed: input.fee_speed,
            sale_address: checksummed(&sale.terms.contribution_address),
            currency: (
                sale.terms.currency.symbol().to_owned(),
                sale.terms.currency.decimals(),
            ),
        })
    }

    /// Right before a replacement is signed: the transaction it replaces must still be
    /// unmined, and the account must still afford it.
    pub(crate) async fn check_replacement_again(
        &self,
        record: &TransactionRecord,
        replaces: &str,
    ) -> Result<(), AppError> {
        let original = self.store()?.transaction(replaces)?;
        let outdated = |what: &str| {
            AppError::new(
                ErrorCode::ReviewOutdated,
                format!("the transaction it replaces {what}: nothing was signed"),
            )
        };
        if original.status != TxStatus::Sent {
            return Err(outdated(&format!("is {} now", original.status.as_str())));
        }
        let network = self.configured_network(record.chain_id).await?;
        let node = Node::connect(&network).await?;
        still_pending(&node, &original)
            .await
            .map_err(|_| outdated("was mined or replaced meanwhile"))?;
        let fees = Fees {
            max_fee_per_gas: record.max_fee_per_gas,
            max_priority_fee_per_gas: record.max_priority_fee_per_gas,
        };
        let balance = node.balance(record.from).await?;
        let coin = (network.native_symbol.as_str(), network.native_decimals);
        let findings = replacement_findings(
            &request_of_record(record),
            record.gas_limit,
            &fees,
            balance,
            coin,
        );
        if let Some(short) = findings.first() {
            return Err(AppError::new(
                ErrorCode::ReviewBlocked,
                format!("the review blocks this transaction: {}", short.message),
            ));
        }
        Ok(())
    }
}

/// Only a transaction the node has and has not mined can be replaced.
fn refuse_unless_sent(original: &TransactionRecord) -> Result<(), AppError> {
    let why = match original.status {
        TxStatus::Sent => return Ok(()),
        TxStatus::Signed => {
            "it is signed but has not reached the node: send it again (follow it) before replacing it".to_owned()
        }
        TxStatus::Planned => {
            "it was never signed: abandon the draft instead".to_owned()
        }
        status => format!("it is {} already", status.as_str()),
    };
    Err(AppError::new(
        ErrorCode::NotReplaceable,
        format!("only a transaction sent and not yet mined can be sped up or cancelled; {why}"),
    ))
}

/// Refuses a transaction the node says is mined, replaced or dropped.
async fn still_pending(node: &Node, original: &TransactionRecord) -> Result<(), AppError> {
    let hash = original
        .hash
        .as_deref()
        .and_then(|hash| hash.parse().ok())
        .ok_or_else(|| {
            AppError::new(ErrorCode::DatabaseCorrupt, "a sent transaction has no hash")
        })?;
    match node.inclusion(hash, original.from, original.nonce).await? {
        Inclusion::Pending => Ok(()),
        _ => Err(AppError::new(
            ErrorCode::NotReplaceable,
            "it was mined, replaced or dropped meanwhile: follow it to see what happened",
        )),
    }
}

fn replacement_view(planned: &PlannedReplacement, draft_id: Option<String>) -> TransactionPlan {
    let network = &planned.network;
    let record = &planned.record;
    let tx = &planned.tx;
    let coin = (network.native_symbol.as_str(), network.native_decimals);
    let show = |amount: U256, (symbol, decimals): (&str, u8)| {
        format!("{} {symbol}", format_amount(amount, decimals))
    };
    let fees = Fees {
        max_fee_per_gas: tx.max_fee_per_gas,
        max_priority_fee_per_gas: tx.max_priority_fee_per_gas,
    };
    let max_fee_wei = max_fee_cost(tx.gas_limit, &fees);
    let action = match record.purpose {
        TxPurpose::Cancellation => "Cancel".to_owned(),
        _ => format!("Speed up: {}", record.taken.action_name),
    };
    TransactionPlan {
        draft_id,
        purpose: record.purpose,
        review: review_view(planned.review.clone(), planned.reviewed_at),
        payment: None,
        // The same call, already reviewed with its preview; a cancellation moves nothing.
        preview: None,
        transaction: TransactionSummary {
            from: checksummed(&record.from),
            to: checksummed(&record.to),
            sale_address: planned.sale_address.clone(),
            amount: show(
                record.amount,
                (planned.currency.0.as_str(), planned.currency.1),
            ),
            value_wei: record.value.to_string(),
            value: show(record.value, coin),
            chain_id: network.chain_id,
            network: network.name.clone(),
            action,
            decoded_call: None,
            arguments: Vec::new(),
            data: record.input.to_string(),
            nonce: tx.nonce,
            gas_limit: tx.gas_limit,
            fee_speed: planned.fee_speed,
            max_fee_per_gas: tx.max_fee_per_gas.to_string(),
            max_priority_fee_per_gas: tx.max_priority_fee_per_gas.to_string(),
            max_fee: show(max_fee_wei, coin),
            signing_hash: tx.signature_hash().to_string(),
            unsigned: Bytes::from(tx.encoded_for_signing()).to_string(),
            device_prompt: planned.wallet.map(|wallet| {
                let signing = Signing {
                    tx,
                    from: record.from,
                    max_fee_wei,
                    coin: &network.native_symbol,
                };
                device_prompt(wallet, planned.device_software.as_ref(), signing)
            }),
        },
    }
}
