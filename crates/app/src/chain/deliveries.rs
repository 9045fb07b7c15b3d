//! "Check for tokens": the sale token's transfers to the user's accounts, found in the
//! chain's logs wherever they happened — a claim made in Saleguard or elsewhere, an
//! airdrop, a delivery by the sale — read range by range (halved when the node refuses
//! one as too large), resumable, each recorded once by its transaction and log. What
//! came from the sale is a distribution; what came from anyone else is kept apart and
//! counted only when the user says so.

use std::collections::HashMap;
use std::future::Future;

use saleguard_chain::{ChainError, FoundTransfer, Node};
use saleguard_core::Address;
use saleguard_core::address::checksummed;
use saleguard_core::delivery::{BlockRanges, Origin, origin};
use saleguard_core::entry::{Entry, EntryKind, ProvedEntry};
use saleguard_core::participation::ParticipationState;
use saleguard_core::sale::Sale;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_store::{
    DeliveryScan, EntrySource, ParticipationId, TransferFromOther, TransferFromOtherRecord,
};
use serde::{Deserialize, Serialize};

use super::effects::steps_along;
use crate::dto::Amount;
use crate::{AppError, ErrorCode, Saleguard};

/// A scan to run, as asked in the window or on the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScanInput {
    pub participation_id: i64,
    /// The block to read from, when no transaction of the participation is recorded on
    /// chain (a participation recorded by hand), or to read earlier blocks again.
    #[serde(default)]
    pub from_block: Option<u64>,
}

/// How far a scan has read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScanProgress {
    pub first_block: u64,
    /// The last block read so far.
    pub scanned_to: u64,
    /// The chain's latest block when the scan began: where it ends.
    pub last_block: u64,
    /// How many blocks a request asks for now (halved when the node refused more).
    pub range: u64,
    /// Deliveries newly recorded so far.
    pub found: u32,
}

/// A transfer of the sale's token to the user that did not come from the sale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TransferFromOtherView {
    pub id: i64,
    pub transaction: String,
    pub log_index: u64,
    pub block: u64,
    pub happened_at: String,
    pub from: String,
    pub to: String,
    pub amount: Amount,
    /// Whether the user counted it as a distribution of this sale.
    pub counted: bool,
}

/// What a scan found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScanSummary {
    pub first_block: u64,
    pub scanned_to: u64,
    /// Deliveries from the sale recorded by this scan (none when they were recorded
    /// before: each log is recorded once).
    pub distributions: Vec<Amount>,
    /// Transfers from others found by this scan, not counted.
    pub from_others: Vec<TransferFromOtherView>,
    /// The participation's state after the scan.
    pub state: ParticipationState,
}

/// What the scan needs to know before it asks the node.
struct Plan {
    sale: Sale,
    token: Address,
    accounts: Vec<Address>,
    /// The sale's own contracts: its address and every action's.
    sale_contracts: Vec<Address>,
    first_block: u64,
    start: u64,
}

fn view_of(record: &TransferFromOtherRecord, sale: &Sale) -> TransferFromOtherView {
    let transfer = &record.transfer;
    TransferFromOtherView {
        id: record.id,
        transaction: transfer.transaction.clone(),
        log_index: transfer.log_index,
        block: transfer.block,
        happened_at: transfer.happened_at.to_rfc3339(),
        from: checksummed(&transfer.from),
        to: checksummed(&transfer.to),
        amount: Amount::new(
            transfer.amount,
            sale.terms.token_decimals,
            &sale.terms.token_symbol,
        ),
        counted: record.counted_as.is_some(),
    }
}

/// The ledger entry a delivery of the sale's token proves.
fn delivery_entry(sale: &Sale, found: &TransferFromOther, note: &str) -> ProvedEntry {
    ProvedEntry {
        entry: Entry {
            kind: EntryKind::Distribution,
            happened_at: found.happened_at,
            asset: sale.terms.token_symbol.clone(),
            decimals: sale.terms.token_decimals,
            amount: found.amount,
            reference: found.transaction.clone(),
            from: checksummed(&found.from),
            to: checksummed(&found.to),
            note: note.to_owned(),
        },
        log_index: Some(found.log_index),
    }
}

impl Saleguard {
    /// Reads the sale token's transfers to the user's accounts from the chain's logs,
    /// from where the last scan stopped (or the participation's first recorded block,
    /// or `from_block`) to the latest block, until done or `cancel` completes; what was
    /// read is kept after every range, so a scan stopped anyhow resumes where it was.
    pub async fn scan_deliveries(
        &self,
        input: &ScanInput,
        progress: &(dyn Fn(ScanProgress) + Send + Sync),
        cancel: impl Future<Output = ()>,
    ) -> Result<ScanSummary, AppError> {
        let participation = ParticipationId(input.participation_id);
        let plan = self.scan_plan(participation, input.from_block)?;
        let network = self.configured_network(plan.sale.terms.chain_id).await?;
        let node = Node::connect(&network).await?;
        let last_block = node.latest_block().await?;
        let mut ranges = BlockRanges::new(plan.start, last_block, BlockRanges::FIRST_WIDTH);
        let mut distributions = Vec::new();
        let mut others = Vec::new();
        let mut block_times = HashMap::new();
        // A plan starts at or after its first block: what was read ends just before.
        let mut scanned_to = plan.start.saturating_sub(1);
        let mut cancel = std::pin::pin!(cancel);
        progress(ScanProgress {
            first_block: plan.first_block,
            scanned_to,
            last_block,
            range: ranges.width(),
            found: 0,
        });
        while let Some((from, to)) = ranges.next_range() {
            let asked = node.token_transfers_to(plan.token, &plan.accounts, from, to);
            let answer = tokio::select! {
                biased;
                () = &mut cancel => break,
                answer = asked => answer,
            };
            let found = match answer {
                Ok(found) => found,
                Err(error @ (ChainError::Refused { .. } | ChainError::Timeout { .. })) => {
                    if ranges.refused().is_err() {
                        return Err(AppError::new(
                            ErrorCode::NodeRefused,
                            format!(
                                "the node refused to give the token's transfers even for block {from} alone ({error}); what was read up to block {scanned_to} is kept"
                            ),
                        ));
                    }
                    tracing::info!(
                        from,
                        to,
                        range = ranges.width(),
                        "the node refused a range: halved"
                    );
                    continue;
                }
                Err(error) => return Err(error.into()),
            };
            for transfer in &found {
                let happened_at = self.time_of(&node, transfer, &mut block_times).await?;
                let recorded = self.record_found(participation, &plan, transfer, happened_at)?;
                match recorded {
                    Some(Found::Distribution(amount)) => distributions.push(amount),
                    Some(Found::FromOther(id)) => others.push(id),
                    None => {}
                }
            }
            ranges.read_up_to(to);
            scanned_to = to;
            self.store()?.save_delivery_scan(
                participation,
                &DeliveryScan {
                    token: plan.token,
                    first_block: plan.first_block,
                    scanned_to,
                },
                self.clock.now(),
            )?;
            progress(ScanProgress {
                first_block: plan.first_block,
                scanned_to,
                last_block,
                range: ranges.width(),
                found: u32::try_from(distributions.len() + others.len()).unwrap_or(u32::MAX),
            });
        }
        let state = self.after_deliveries(participation, &plan.sale, !distributions.is_empty())?;
        let store = self.store()?;
        let from_others = store
            .transfers_from_others(participation)?
            .iter()
            .filter(|record| others.contains(&record.id))
            .map(|record| view_of(record, &plan.sale))
            .collect();
        tracing::info!(
            participation = input.participation_id,
            scanned_to,
            distributions = distributions.len(),
            others = others.len(),
            "token deliveries scanned"
        );
        Ok(ScanSummary {
            first_block: plan.first_block,
            scanned_to,
            distributions,
            from_others,
            state,
        })
    }

    /// The transfers of the sale's token to the user that did not come from the sale,
    /// as scans found them.
    pub fn transfers_from_others(
        &self,
        participation_id: i64,
    ) -> Result<Vec<TransferFromOtherView>, AppError> {
        let store = self.store()?;
        let participation = store.participation(ParticipationId(participation_id))?;
        let sale = store.sale(participation.sale_id)?;
        Ok(store
            .transfers_from_others(participation.id)?
            .iter()
            .map(|record| view_of(record, &sale))
            .collect())
    }

    /// Counts a transfer from another as a distribution of its sale, as the user says
    /// (tokens the project sent from a wallet of its own, say): it enters the ledger with
    /// its transaction and log, once.
    pub fn count_transfer(&self, id: i64) -> Result<TransferFromOtherView, AppError> {
        let now = self.clock.now();
        let (record, sale) = {
            let store = self.store()?;
            let record = store.transfer_from_other(id)?;
            let participation = store.participation(record.participation_id)?;
            (record, store.sale(participation.sale_id)?)
        };
        let entry = delivery_entry(
            &sale,
            &record.transfer,
            &format!(
                "Found in the chain's logs; a transfer from {} counted as a distribution by the user",
                checksummed(&record.transfer.from)
            ),
        );
        self.store()?.insert_proved_entry(
            record.participation_id,
            &entry,
            EntrySource::Found,
            now,
        )?;
        self.after_deliveries(record.participation_id, &sale, true)?;
        let counted = self.store()?.transfer_from_other(id)?;
        Ok(view_of(&counted, &sale))
    }

    /// Where a scan starts, what it looks for and for whom.
    fn scan_plan(
        &self,
        participation: ParticipationId,
        from_block: Option<u64>,
    ) -> Result<Plan, AppError> {
        let store = self.store()?;
        let record = store.participation(participation)?;
        let sale = store.sale(record.sale_id)?;
        let token = store.contract_terms(sale.id)?.token_address.ok_or_else(|| {
            AppError::new(
                ErrorCode::TokenUnknown,
                "the sale's token contract is not recorded: add it under the sale's on-chain terms, then check for tokens",
            )
        })?;
        let transactions = store.transactions_of(participation)?;
        let mut accounts: Vec<Address> = transactions
            .iter()
            .filter(|t| t.hash.is_some())
            .map(|t| t.from)
            .collect();
        if accounts.is_empty() {
            accounts = store.accounts()?.iter().map(|a| a.address).collect();
        }
        accounts.sort_unstable();
        accounts.dedup();
        if accounts.is_empty() {
            return Err(AppError::new(
                ErrorCode::AccountNotFound,
                "there is no account to look for tokens in: add or import the account that received them",
            ));
        }
        let mut sale_contracts: Vec<Address> = store
            .actions(sale.id)?
            .iter()
            .map(|action| action.action.target(&sale.terms))
            .collect();
        sale_contracts.push(sale.terms.contribution_address);
        sale_contracts.push(token);
        let first_recorded = transactions.iter().filter_map(|t| t.block_number).min();
        let kept = store
            .delivery_scan(participation)?
            .filter(|scan| scan.token == token);
        let (first_block, start) = match (kept, from_block, first_recorded) {
            (Some(scan), Some(asked), _) if asked < scan.first_block => (asked, asked),
            (Some(scan), _, _) => (scan.first_block, scan.scanned_to.saturating_add(1)),
            (None, Some(asked), _) => (asked, asked),
            (None, None, Some(first)) => (first, first),
            (None, None, None) => {
                return Err(AppError::at_field(
                    "fromBlock",
                    ErrorCode::Required,
                    "no transaction of this participation is recorded on chain: give the block to look from (the sale's start, say)",
                ));
            }
        };
        Ok(Plan {
            sale,
            token,
            accounts,
            sale_contracts,
            first_block,
            start,
        })
    }

    /// When `transfer`'s block was made: from the log when the node gave it, else asked
    /// once per block.
    async fn time_of(
        &self,
        node: &Node,
        transfer: &FoundTransfer,
        known: &mut HashMap<u64, u64>,
    ) -> Result<UtcTimestamp, AppError> {
        let seconds = match transfer
            .block_time
            .or_else(|| known.get(&transfer.block).copied())
        {
            Some(seconds) => seconds,
            None => node.block_time(transfer.block).await?,
        };
        known.insert(transfer.block, seconds);
        UtcTimestamp::from_unix_seconds(i64::try_from(seconds).unwrap_or(i64::MAX)).map_err(|_| {
            AppError::new(
                ErrorCode::NodeRefused,
                format!("the node gave block {} an impossible time", transfer.block),
            )
        })
    }

    /// Records one transfer the scan found, unless its log is recorded already.
    fn record_found(
        &self,
        participation: ParticipationId,
        plan: &Plan,
        found: &FoundTransfer,
        happened_at: UtcTimestamp,
    ) -> Result<Option<Found>, AppError> {
        let transfer = &found.transfer;
        if transfer.amount.is_zero() || transfer.from == transfer.to {
            return Ok(None);
        }
        let seen = TransferFromOther {
            transaction: found.transaction.to_string(),
            log_index: transfer.log_index,
            block: found.block,
            happened_at,
            token: transfer.token,
            from: transfer.from,
            to: transfer.to,
            amount: transfer.amount,
        };
        let now = self.clock.now();
        let mut store = self.store()?;
        match origin(transfer.from, &plan.sale_contracts) {
            Origin::Sale => {
                let note = if transfer.from == Address::ZERO {
                    "Found in the chain's logs: tokens minted to the account"
                } else {
                    "Found in the chain's logs: a transfer from the sale's contracts"
                };
                let entry = delivery_entry(&plan.sale, &seen, note);
                let new =
                    store.insert_proved_entry(participation, &entry, EntrySource::Found, now)?;
                Ok(new.then(|| {
                    Found::Distribution(Amount::new(
                        transfer.amount,
                        plan.sale.terms.token_decimals,
                        &plan.sale.terms.token_symbol,
                    ))
                }))
            }
            Origin::Elsewhere => {
                if !store.insert_transfer_from_other(participation, &seen, now)? {
                    return Ok(None);
                }
                let id = store
                    .transfers_from_others(participation)?
                    .iter()
                    .find(|r| {
                        r.transfer.transaction == seen.transaction
                            && r.transfer.log_index == seen.log_index
                    })
                    .map(|r| r.id);
                Ok(id.map(Found::FromOther))
            }
        }
    }

    /// Once a delivery is recorded, the sale succeeded and its tokens were distributed:
    /// the participation moves there, as far as its state allows. Its state after.
    fn after_deliveries(
        &self,
        participation: ParticipationId,
        sale: &Sale,
        delivered: bool,
    ) -> Result<ParticipationState, AppError> {
        let mut store = self.store()?;
        let record = store.participation(participation)?;
        if !delivered {
            return Ok(record.state);
        }
        let now = self.clock.now();
        let steps = steps_along(
            record.state,
            &[
                ParticipationState::Succeeded,
                ParticipationState::TokensDistributed,
            ],
            sale.terms.kyc_required,
            "Tokens found on chain",
            now,
        );
        let mut state = record.state;
        for (from, step) in &steps {
            state = store.record_step(participation, *from, step, now)?.state;
        }
        Ok(state)
    }
}

/// What one transfer the scan found became.
enum Found {
    Distribution(Amount),
    FromOther(i64),
}
