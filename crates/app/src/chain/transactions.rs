//! Signing, sending and following a planned transaction. Every status is written the
//! moment it is known (a crash loses nothing; [`Saleguard::transactions_in_flight`] is
//! where a restarted app picks the watch up again), and a draft is signed and sent at
//! most once, however often it is submitted.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use alloy_consensus::SignableTransaction;
use alloy_eips::Encodable2718;
use saleguard_chain::signer::{SignError, SigningState, sign_transaction};
use saleguard_chain::{ChainError, Inclusion, Node};
use saleguard_core::U256;
use saleguard_core::address::checksummed;
use saleguard_core::amount::format_amount;
use saleguard_core::network::Network;
use saleguard_core::review::{DraftContribution, Severity, Verdict, check_override};
use saleguard_store::{ParticipationId, Settlement, Store, TransactionRecord};
use serde::Serialize;

pub use saleguard_core::transaction::{TxPurpose, TxStatus};

use super::effects::{EffectsView, effects_view};
use super::plans::{ActInput, draft_transaction, request_of_record};
use super::signing::{AccountSigner, KeyringSigner, sign_error};
use crate::dto::{Amount, ListOrder, Page, PageInput};
use crate::review::overrides::override_refusal;
use crate::{AppError, ErrorCode, Saleguard};
use saleguard_core::account::{Account, AccountKind, HardwareWallet};
use saleguard_hardware::{LedgerSigner, TrezorSigner};

/// Live progress of a submission, for the wizard and the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase", tag = "state")]
pub enum TxProgress {
    /// Checking the draft again against the sale and the node.
    Reviewing,
    LoadingKey,
    /// Reaching the hardware wallet and checking it is ready.
    ConnectingDevice,
    /// The hardware wallet is locked and asks for its PIN on its own screen.
    WaitingForPin,
    /// Waiting for the user to confirm on the hardware wallet.
    WaitingForConfirmation,
    Signing,
    Signed {
        hash: String,
    },
    Sending,
    Sent {
        hash: String,
    },
    Mined {
        block: u64,
        confirmations: u64,
        needed: u32,
    },
    Confirmed {
        block: u64,
    },
    Failed {
        reason: String,
    },
    Dropped,
    Replaced,
}

/// One status a transaction reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TransactionEventView {
    pub status: TxStatus,
    pub detail: String,
    pub happened_at: String,
}

/// A transaction Saleguard planned, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TransactionView {
    pub id: String,
    pub participation_id: i64,
    pub purpose: TxPurpose,
    /// The sale's action it took, by its name then ("Withdraw tokens").
    pub action: String,
    pub status: TxStatus,
    pub chain_id: u64,
    pub from: String,
    pub to: String,
    pub value_wei: String,
    /// Base units of the sale's currency.
    pub amount: String,
    pub nonce: u64,
    pub hash: Option<String>,
    /// The explorer's page for it, when the network has an explorer.
    pub explorer_link: Option<String>,
    pub block_number: Option<u64>,
    pub failure: String,
    pub confirmations_needed: u32,
    /// The network fee paid in the chain's coin, once mined (gas used × effective gas
    /// price).
    pub fee_paid: Option<Amount>,
    /// The transaction of the same nonce this one replaces (sped up or cancelled).
    pub replaces: Option<String>,
    /// What it did, read from its receipt once confirmed.
    pub effects: Option<EffectsView>,
    pub events: Vec<TransactionEventView>,
}

/// How often the node is asked about a transaction while following it.
pub const FOLLOW_INTERVAL: Duration = Duration::from_millis(1500);

impl Saleguard {
    /// A transaction with its history.
    pub fn transaction(&self, id: &str) -> Result<TransactionView, AppError> {
        let store = self.store()?;
        let record = store.transaction(id.trim())?;
        let network = store.network(record.chain_id)?;
        view_of(&store, record, network.as_ref())
    }

    /// The explorer's page of a sent transaction, built from the stored hash and the
    /// network's explorer: the only kind of address the desktop opens in the browser.
    pub fn explorer_link(&self, id: &str) -> Result<String, AppError> {
        self.transaction(id)?.explorer_link.ok_or_else(|| {
            AppError::new(
                ErrorCode::NoExplorer,
                "this transaction has no explorer page: it was not sent, or its network has no explorer (Settings → Networks)",
            )
        })
    }

    /// A participation's transactions, oldest first (the readable export; the window
    /// and the CLI read them a page at a time or as a stream).
    pub fn transactions_of(&self, participation_id: i64) -> Result<Vec<TransactionView>, AppError> {
        let store = self.store()?;
        let networks = store.networks()?;
        store
            .transactions_of(ParticipationId(participation_id))?
            .into_iter()
            .map(|record| view_on(&store, record, &networks))
            .collect()
    }

    /// One page of a participation's transactions in `order`, with how many it has. A
    /// participation that is not there is said so, not shown as one with none.
    pub fn transactions(
        &self,
        participation_id: i64,
        order: ListOrder,
        page: PageInput,
    ) -> Result<Page<TransactionView>, AppError> {
        let request = page.checked()?;
        let store = self.store()?;
        let participation = store.participation(ParticipationId(participation_id))?.id;
        let networks = store.networks()?;
        let records = store.transactions_page(participation, order.into(), request)?;
        Page::try_of(records, request.offset, |record| {
            view_on(&store, record, &networks)
        })
    }

    /// Every transaction of a participation in `order`, handed to `each` as it is read.
    pub fn each_transaction(
        &self,
        participation_id: i64,
        order: ListOrder,
        mut each: impl FnMut(TransactionView) -> Result<(), AppError>,
    ) -> Result<(), AppError> {
        let store = self.store()?;
        let participation = store.participation(ParticipationId(participation_id))?.id;
        let networks = store.networks()?;
        store.each_transaction(participation, order.into(), |record| {
            each(view_on(&store, record, &networks)?)
        })
    }

    /// The ids of transactions signed but not settled: a restarted app follows them.
    pub fn transactions_in_flight(&self) -> Result<Vec<String>, AppError> {
        Ok(self
            .store()?
            .transactions_in_flight()?
            .into_iter()
            .map(|record| record.id)
            .collect())
    }

    /// Gives up on a planned draft (the user did not confirm it): it is kept, marked
    /// abandoned, and can no longer be signed. A draft already signed is not changed.
    pub fn abandon_transaction(&self, id: &str, why: &str) -> Result<TransactionView, AppError> {
        let result = self.store()?.advance_transaction(
            id.trim(),
            TxStatus::Planned,
            TxStatus::Abandoned,
            None,
            &truncate(why),
            &Settlement::default(),
            self.clock.now(),
        );
        match result {
            Ok(()) | Err(saleguard_store::StoreError::TransactionChanged { .. }) => {
                self.transaction(id)
            }
            Err(error) => Err(error.into()),
        }
    }

    /// Signs and sends a planned draft, unless `cancel` completes first. The draft is
    /// checked again first: the sale's rules and the node's facts must still allow it
    /// (with `override_reason` for overridable blocks), the account's next nonce must
    /// still be the draft's, and the transaction must be exactly the one reviewed.
    /// A draft already signed or sent is not signed again: its current state is
    /// returned (a double click, a retry after a timeout).
    pub async fn send_transaction(
        &self,
        draft_id: &str,
        override_reason: Option<&str>,
        progress: &(dyn Fn(TxProgress) + Send + Sync),
        cancel: impl Future<Output = ()>,
    ) -> Result<TransactionView, AppError> {
        let record = self.store()?.transaction(draft_id.trim())?;
        match record.status {
            TxStatus::Planned => {}
            TxStatus::Signed => return self.resend(&record, progress).await,
            _ => return self.transaction(&record.id),
        }
        progress(TxProgress::Reviewing);
        let account_id = record.account_id.ok_or_else(|| {
            AppError::new(
                ErrorCode::AccountNotFound,
                "the draft's account was removed",
            )
        })?;
        match record.replaces.as_deref() {
            Some(replaces) => self.check_replacement_again(&record, replaces).await?,
            None => {
                self.check_again(&record, account_id, override_reason)
                    .await?;
            }
        }
        self.sign_and_send(&record, account_id, progress, cancel)
            .await
    }

    /// Right before a draft is signed: planned again from the same action and values,
    /// it must be the same transaction with the account's next nonce, and what blocks
    /// it must be overridden with `override_reason` (kept in the sale's history).
    async fn check_again(
        &self,
        record: &TransactionRecord,
        account_id: saleguard_core::account::AccountId,
        override_reason: Option<&str>,
    ) -> Result<(), AppError> {
        let planned = self
            .planned_action(&self.act_of_record(record, account_id)?)
            .await?;
        let unchanged = planned.purpose == record.purpose
            && planned.call.to == record.to
            && planned.call.value == record.value
            && planned.call.input == record.input
            && planned.account.address == record.from;
        if !unchanged || planned.tx.nonce != record.nonce {
            let what = if unchanged {
                "the account sent another transaction since the review (its nonce moved)"
            } else {
                "the sale's terms, its action or the account changed since the review"
            };
            return Err(AppError::new(
                ErrorCode::ReviewOutdated,
                format!(
                    "{what}: review the {} again; nothing was signed",
                    record.purpose.words()
                ),
            ));
        }
        if planned
            .payment
            .as_ref()
            .is_some_and(|p| p.approval.is_some())
        {
            return Err(AppError::new(
                ErrorCode::ReviewOutdated,
                "the sale may no longer take this contribution from the account (its allowance went down): approve it again; nothing was signed",
            ));
        }
        if planned.review.verdict == Verdict::Blocked {
            let Some(reason) = override_reason else {
                let blocks: Vec<String> = planned
                    .review
                    .findings
                    .iter()
                    .filter(|f| f.severity() == Severity::Block)
                    .map(|f| f.message.clone())
                    .collect();
                return Err(AppError::new(
                    ErrorCode::ReviewBlocked,
                    format!("the review blocks this transaction: {}", blocks.join(" ")),
                ));
            };
            let reason = check_override(&planned.review, reason).map_err(override_refusal)?;
            let draft = DraftContribution {
                from: planned.account.address,
                to: checksummed(&planned.sale.terms.contribution_address),
                amount: planned.amount,
                chain_id: planned.network.chain_id,
            };
            self.insert_override(
                planned.sale.id,
                &draft,
                planned.sale.terms.contribution_address,
                planned.review.clone(),
                planned.reviewed_at,
                reason,
            )?;
        }
        Ok(())
    }

    /// Signs the stored draft exactly as reviewed, keeps it signed, and sends it.
    async fn sign_and_send(
        &self,
        record: &TransactionRecord,
        account_id: saleguard_core::account::AccountId,
        progress: &(dyn Fn(TxProgress) + Send + Sync),
        cancel: impl Future<Output = ()>,
    ) -> Result<TransactionView, AppError> {
        let tx = draft_transaction(record);
        if tx.signature_hash().to_string() != record.signing_hash {
            return Err(AppError::new(
                ErrorCode::Internal,
                "the stored draft does not match its reviewed signing hash: nothing was signed",
            ));
        }
        let account = self.store()?.account(account_id)?;
        let hardware = account.kind == AccountKind::Hardware;
        if hardware {
            progress(TxProgress::ConnectingDevice);
        }
        // Reaching the device is part of signing: it can be cancelled too.
        let mut cancel = std::pin::pin!(cancel);
        let signer = tokio::select! {
            biased;
            () = &mut cancel => return Err(sign_error(SignError::Cancelled)),
            signer = self.signer_of(&account) => signer?,
        };
        // The signer's own "signed" is reported below, with the hash, once it is kept;
        // reaching a device was reported above, before connecting.
        let report = |state: SigningState| match state {
            SigningState::LoadingKey => progress(TxProgress::LoadingKey),
            SigningState::ConnectingDevice if hardware => {}
            SigningState::ConnectingDevice => progress(TxProgress::ConnectingDevice),
            SigningState::WaitingForPin => progress(TxProgress::WaitingForPin),
            SigningState::WaitingForConfirmation => progress(TxProgress::WaitingForConfirmation),
            SigningState::Signing => progress(TxProgress::Signing),
            SigningState::Signed => {}
        };
        let signed = match sign_transaction(&signer, tx, &report, cancel).await {
            Ok(signed) => signed,
            Err(error) => {
                let error = signer.error_of(error);
                if let Some(wallet) = signer.wallet() {
                    self.forget_device_after(wallet, &error).await;
                }
                return Err(error);
            }
        };
        let hash = signed.tx_hash().to_string();
        let raw = saleguard_core::Bytes::from(signed.encoded_2718()).to_string();
        let marked = self
            .store()?
            .mark_signed(&record.id, &hash, &raw, self.clock.now());
        match marked {
            Ok(()) => {}
            // A second submission signed meanwhile: the first one's state stands.
            Err(saleguard_store::StoreError::TransactionChanged { .. }) => {
                return self.transaction(&record.id);
            }
            Err(error) => return Err(error.into()),
        }
        tracing::info!(draft = %record.id, %hash, "transaction signed");
        progress(TxProgress::Signed { hash: hash.clone() });
        let record = self.store()?.transaction(&record.id)?;
        self.resend(&record, progress).await
    }

    /// What a stored draft took, as it would be chosen again: the same action with the
    /// same values. A draft whose action was removed since cannot be checked again.
    fn act_of_record(
        &self,
        record: &TransactionRecord,
        account_id: saleguard_core::account::AccountId,
    ) -> Result<ActInput, AppError> {
        // A contribution by transfer and the standard approval have no action of their own.
        let by_default = matches!(
            record.purpose,
            TxPurpose::Contribution | TxPurpose::Approval
        );
        if !by_default && record.taken.action_id.is_none() {
            return Err(AppError::new(
                ErrorCode::ReviewOutdated,
                format!(
                    "the action “{}” was removed since the review: nothing was signed",
                    record.taken.action_name
                ),
            ));
        }
        let store = self.store()?;
        let sale = store.sale(store.participation(record.participation_id)?.sale_id)?;
        let whole = |amount: U256, decimals: u8| {
            if amount.is_zero() {
                String::new()
            } else {
                format_amount(amount, decimals)
            }
        };
        Ok(ActInput {
            participation_id: record.participation_id.0,
            action_id: record.taken.action_id,
            account_id: account_id.0,
            amount: whole(record.amount, sale.terms.currency.decimals()),
            token_amount: record
                .taken
                .token_amount
                .map(|amount| whole(amount, sale.terms.token_decimals))
                .unwrap_or_default(),
            arguments: record.taken.arguments.clone(),
            approval: record.purpose == TxPurpose::Approval,
            fee_speed: Default::default(),
        })
    }

    /// Who signs for `account`: its hardware wallet, or its key in the keyring.
    async fn signer_of(&self, account: &Account) -> Result<AccountSigner, AppError> {
        if account.kind != AccountKind::Hardware {
            let signer = KeyringSigner::for_account(Arc::clone(&self.keyring), account)?;
            return Ok(AccountSigner::Keyring(signer));
        }
        let wallet = self.store()?.hardware_wallet(account.id)?;
        let path = account.derivation_path.clone();
        match (wallet, path) {
            (Some(HardwareWallet::Ledger), Some(path)) => Ok(AccountSigner::Ledger(
                LedgerSigner::new(self.connected_ledger().await?, path, account.address),
            )),
            (Some(HardwareWallet::Trezor), Some(path)) => Ok(AccountSigner::Trezor(
                TrezorSigner::new(self.connected_trezor().await?, path, account.address),
            )),
            _ => Err(AppError::new(
                ErrorCode::NoSecret,
                format!(
                    "\"{}\" is held by a hardware wallet Saleguard cannot sign with yet",
                    account.label
                ),
            )),
        }
    }

    /// Sends a signed draft's raw transaction (again): `signed` → `sent`. The node
    /// accepting a transaction it already knows is not an error.
    async fn resend(
        &self,
        record: &TransactionRecord,
        progress: &(dyn Fn(TxProgress) + Send + Sync),
    ) -> Result<TransactionView, AppError> {
        let network = self.configured_network(record.chain_id).await?;
        let raw = record.raw.as_deref().unwrap_or_default();
        let bytes: saleguard_core::Bytes = raw.parse().map_err(|_| {
            AppError::new(
                ErrorCode::DatabaseCorrupt,
                "a signed transaction cannot be read back",
            )
        })?;
        progress(TxProgress::Sending);
        let node = Node::connect(&network).await?;
        match node.send_raw(&bytes).await {
            Ok(_) => {}
            Err(ChainError::Refused { message, .. }) if message.contains("already known") => {}
            Err(ChainError::Refused { message, .. }) => {
                self.store()?.advance_transaction(
                    &record.id,
                    TxStatus::Signed,
                    TxStatus::Failed,
                    None,
                    &truncate(&format!("the node refused it: {message}")),
                    &Settlement::default(),
                    self.clock.now(),
                )?;
                progress(TxProgress::Failed { reason: message });
                return self.transaction(&record.id);
            }
            Err(other) => return Err(other.into()),
        }
        self.store()?.advance_transaction(
            &record.id,
            TxStatus::Signed,
            TxStatus::Sent,
            None,
            "",
            &Settlement::default(),
            self.clock.now(),
        )?;
        let hash = record.hash.clone().unwrap_or_default();
        tracing::info!(draft = %record.id, %hash, "transaction sent");
        progress(TxProgress::Sent { hash });
        self.transaction(&record.id)
    }

    /// Follows a sent transaction until it is confirmed, fails, is dropped or replaced,
    /// writing each status as it becomes known; returns when it is settled or when
    /// `cancel` completes (the watch can be picked up again later).
    pub async fn follow_transaction(
        &self,
        id: &str,
        interval: Duration,
        progress: &(dyn Fn(TxProgress) + Send + Sync),
        cancel: impl Future<Output = ()>,
    ) -> Result<TransactionView, AppError> {
        let watch = async {
            // One connection (and one chain-id check) for the whole watch, not per poll.
            let mut node: Option<(Network, Node)> = None;
            loop {
                let record = self.store()?.transaction(id.trim())?;
                if record.status.is_final() || record.status == TxStatus::Planned {
                    return self.transaction(&record.id);
                }
                if record.status == TxStatus::Signed {
                    self.resend(&record, progress).await?;
                    continue;
                }
                if node.is_none() {
                    let network = self.configured_network(record.chain_id).await?;
                    let connected = Node::connect(&network).await?;
                    node = Some((network, connected));
                }
                let Some((network, connected)) = &node else {
                    continue;
                };
                if self
                    .check_once(&record, network, connected, progress)
                    .await?
                {
                    return self.transaction(&record.id);
                }
                tokio::time::sleep(interval).await;
            }
        };
        tokio::select! {
            biased;
            () = cancel => self.transaction(id.trim()),
            result = watch => result,
        }
    }

    /// Asks the node once about a sent or mined transaction and records what changed;
    /// whether it is settled.
    async fn check_once(
        &self,
        record: &TransactionRecord,
        network: &Network,
        node: &Node,
        progress: &(dyn Fn(TxProgress) + Send + Sync),
    ) -> Result<bool, AppError> {
        let hash = record
            .hash
            .as_deref()
            .and_then(|h| h.parse().ok())
            .ok_or_else(|| {
                AppError::new(ErrorCode::DatabaseCorrupt, "a sent transaction has no hash")
            })?;
        let now = self.clock.now();
        match node.inclusion(hash, record.from, record.nonce).await? {
            Inclusion::Pending => Ok(false),
            Inclusion::Mined {
                block,
                succeeded: false,
                fee_wei,
                ..
            } => {
                let reason = node.failure_reason(&request_of_record(record), block).await;
                let reason = if reason.is_empty() {
                    "reverted".to_owned()
                } else {
                    reason
                };
                self.store()?.advance_transaction(
                    &record.id,
                    record.status,
                    TxStatus::Failed,
                    Some(block),
                    &truncate(&reason),
                    &Settlement {
                        fee_wei: Some(fee_wei),
                        ..Settlement::default()
                    },
                    now,
                )?;
                tracing::warn!(draft = %record.id, block, "transaction failed on chain");
                progress(TxProgress::Failed { reason });
                self.settle_rivals(record, network, node).await?;
                Ok(true)
            }
            Inclusion::Mined {
                block,
                confirmations,
                succeeded: true,
                fee_wei,
                logs,
                ..
            } => {
                let needed = network.confirmations;
                if confirmations < u64::from(needed) {
                    if record.status == TxStatus::Sent {
                        self.store()?.advance_transaction(
                            &record.id,
                            TxStatus::Sent,
                            TxStatus::Mined,
                            Some(block),
                            "",
                            &Settlement {
                                fee_wei: Some(fee_wei),
                                ..Settlement::default()
                            },
                            now,
                        )?;
                    }
                    progress(TxProgress::Mined {
                        block,
                        confirmations,
                        needed,
                    });
                    return Ok(false);
                }
                let effects = Self::effects_of(node, record, block, fee_wei, &logs).await;
                let settlement = Settlement {
                    fee_wei: Some(fee_wei),
                    ..self.settlement_of(record, &effects, now)?
                };
                self.store()?.advance_transaction(
                    &record.id,
                    record.status,
                    TxStatus::Confirmed,
                    Some(block),
                    "",
                    &settlement,
                    now,
                )?;
                tracing::info!(draft = %record.id, block, "transaction confirmed");
                progress(TxProgress::Confirmed { block });
                self.settle_rivals(record, network, node).await?;
                Ok(true)
            }
            Inclusion::Replaced => {
                self.settle_without_effect(
                    record,
                    TxStatus::Replaced,
                    "another transaction with its nonce was mined",
                )?;
                progress(TxProgress::Replaced);
                Ok(true)
            }
            Inclusion::Dropped if self.has_pending_rival(record)? => {
                // Replaced in the node's pool by a speed-up or a cancellation not mined
                // yet: which of them counts is known once one is mined.
                Ok(false)
            }
            Inclusion::Dropped => {
                self.settle_without_effect(
                    record,
                    TxStatus::Dropped,
                    "the node no longer knows it",
                )?;
                progress(TxProgress::Dropped);
                Ok(true)
            }
        }
    }

    /// Once a transaction is mined, the others signed with its nonce (what it sped up
    /// or cancelled, or what replaced it) never will be: each is asked about once and
    /// found replaced, so that only the mined one counts.
    async fn settle_rivals(
        &self,
        record: &TransactionRecord,
        network: &Network,
        node: &Node,
    ) -> Result<(), AppError> {
        // Read first: the store's lock must not be held while each rival is settled.
        let rivals = self.store()?.unsettled_with_nonce_of(record)?;
        for rival in rivals {
            if rival.status == TxStatus::Signed {
                // Never sent, and now it never can be.
                self.settle_without_effect(
                    &rival,
                    TxStatus::Replaced,
                    "another transaction with its nonce was mined",
                )?;
                continue;
            }
            Box::pin(self.check_once(&rival, network, node, &|_| {})).await?;
        }
        Ok(())
    }

    /// Whether another transaction with `record`'s nonce is sent and not settled.
    fn has_pending_rival(&self, record: &TransactionRecord) -> Result<bool, AppError> {
        let rivals = self.store()?.unsettled_with_nonce_of(record)?;
        Ok(rivals
            .iter()
            .any(|rival| matches!(rival.status, TxStatus::Sent | TxStatus::Mined)))
    }

    fn settle_without_effect(
        &self,
        record: &TransactionRecord,
        to: TxStatus,
        why: &str,
    ) -> Result<(), AppError> {
        self.store()?.advance_transaction(
            &record.id,
            record.status,
            to,
            None,
            why,
            &Settlement::default(),
            self.clock.now(),
        )?;
        tracing::warn!(draft = %record.id, status = to.as_str(), "transaction not mined");
        Ok(())
    }
}

/// Failure texts are kept to 500 characters (the column's limit).
fn truncate(text: &str) -> String {
    text.chars().take(500).collect()
}

/// A transaction as the UI shows it: with its history and its explorer page.
/// [`view_of`] with the record's network found among `networks`.
fn view_on(
    store: &Store,
    record: TransactionRecord,
    networks: &[Network],
) -> Result<TransactionView, AppError> {
    let network = networks.iter().find(|n| n.chain_id == record.chain_id);
    view_of(store, record, network)
}

fn view_of(
    store: &Store,
    record: TransactionRecord,
    network: Option<&Network>,
) -> Result<TransactionView, AppError> {
    let events = store.transaction_events(&record.id)?;
    let native = network.map_or(("ETH", 18), |n| {
        (n.native_symbol.as_str(), n.native_decimals)
    });
    let effects = effects_view(store, &record, native)?;
    Ok(TransactionView {
        effects,
        id: record.id.clone(),
        participation_id: record.participation_id.0,
        purpose: record.purpose,
        action: record.taken.action_name.clone(),
        status: record.status,
        chain_id: record.chain_id,
        from: checksummed(&record.from),
        to: checksummed(&record.to),
        value_wei: record.value.to_string(),
        amount: record.amount.to_string(),
        nonce: record.nonce,
        explorer_link: record
            .hash
            .as_deref()
            .and_then(|hash| network?.transaction_link(hash)),
        hash: record.hash,
        replaces: record.replaces,
        block_number: record.block_number,
        failure: record.failure,
        confirmations_needed: network.map_or(1, |n| n.confirmations),
        fee_paid: record.fee_wei.map(|fee| match network {
            Some(network) => Amount::new(fee, network.native_decimals, &network.native_symbol),
            None => Amount::new(fee, 18, "ETH"),
        }),
        events: events
            .into_iter()
            .map(|event| TransactionEventView {
                status: event.status,
                detail: event.detail,
                happened_at: event.happened_at.to_rfc3339(),
            })
            .collect(),
    })
}
