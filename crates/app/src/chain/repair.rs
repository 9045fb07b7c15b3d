//! Repair of past records: the effects of every confirmed transaction of a participation
//! read again from the chain and settled as they are today ([`super::effects`]); what
//! differs from the ledger — an amount recorded by an older version's inference, an
//! entry no transaction proves, one the chain proves that is missing — is shown, and
//! corrected once the user confirms, the old values kept in the participation's history.

use saleguard_chain::{Inclusion, Node};
use saleguard_core::entry::{EntryKind, ProvedEntry};
use saleguard_core::receipt::CoinsReturned;
use saleguard_core::settlement::{Confirmed, SaleAssets, settle};
use saleguard_core::transaction::{TxPurpose, TxStatus};
use saleguard_store::{EntryCorrection, EntryRecord, EntrySource, NewStep, ParticipationId};
use serde::{Deserialize, Serialize};

use crate::dto::Amount;
use crate::participations::Participation;
use crate::{AppError, ErrorCode, Saleguard};

/// One correction of the ledger, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CorrectionView {
    /// `amend`, `remove` or `add`.
    pub action: String,
    /// `contribution`, `refund` or `distribution`.
    pub kind: String,
    /// The transaction (or the reference) it is about.
    pub reference: String,
    /// What the ledger says now; none for an entry to add.
    pub recorded: Option<Amount>,
    /// What the chain proves; none for an entry to remove.
    pub proved: Option<Amount>,
    pub log_index: Option<u64>,
    pub why: String,
}

/// What reading a participation's transactions again found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LedgerRepair {
    pub participation_id: i64,
    /// How many confirmed transactions were read again.
    pub transactions_read: u32,
    pub corrections: Vec<CorrectionView>,
    /// What could not be compared, and why (a receipt the node no longer has, coins that
    /// could not be measured): left as it is.
    pub left_alone: Vec<String>,
}

/// A correction with what applying it takes.
struct Planned {
    view: CorrectionView,
    correction: EntryCorrection,
}

fn amount_of(entry: &saleguard_core::entry::Entry) -> Amount {
    Amount::new(entry.amount, entry.decimals, &entry.asset)
}

/// Whether `record` is what `proved` proves: the same kind, and the same log (or both
/// proved without one).
fn same_line(record: &EntryRecord, proved: &ProvedEntry) -> bool {
    record.entry.kind == proved.entry.kind && record.log_index == proved.log_index
}

impl Saleguard {
    /// Reads the effects of every confirmed transaction of `participation_id` again and
    /// says what differs from its ledger. Nothing is changed.
    pub async fn plan_repair(&self, participation_id: i64) -> Result<LedgerRepair, AppError> {
        let planned = self.planned_repair(participation_id).await?;
        Ok(planned.0)
    }

    /// Corrects the ledger as [`Saleguard::plan_repair`] said, once the user saw it:
    /// `seen` must be what reading the chain again finds now (else nothing changes and
    /// the user looks again). The old values are kept in the participation's history.
    pub async fn apply_repair(
        &self,
        participation_id: i64,
        seen: &[CorrectionView],
    ) -> Result<Participation, AppError> {
        let (repair, planned) = self.planned_repair(participation_id).await?;
        if repair.corrections != seen {
            return Err(AppError::new(
                ErrorCode::ReviewOutdated,
                "the ledger or the chain changed since the corrections were shown: look at them again; nothing was changed",
            ));
        }
        if planned.is_empty() {
            return self.participation(participation_id);
        }
        let now = self.clock.now();
        let lines: Vec<String> = repair
            .corrections
            .iter()
            .map(|c| {
                let show = |a: &Option<Amount>| {
                    a.as_ref().map_or("nothing".to_owned(), |a| {
                        format!("{} {}", a.decimal, a.symbol)
                    })
                };
                format!(
                    "{} {} ({}): was {}, now {}",
                    c.action,
                    c.kind,
                    c.reference,
                    show(&c.recorded),
                    show(&c.proved)
                )
            })
            .collect();
        let corrections: Vec<EntryCorrection> = planned.into_iter().map(|p| p.correction).collect();
        let mut store = self.store()?;
        let participation = store.participation(ParticipationId(participation_id))?;
        let note: String = format!(
            "Ledger corrected from the chain's receipts:\n{}",
            lines.join("\n")
        )
        .chars()
        .take(2_000)
        .collect();
        // Dated with the last step, so that a step recorded later may still be dated
        // before today; when it was written is its recording time.
        let happened_at = participation
            .last_step()
            .map_or(now, |step| step.happened_at);
        store.correct_entries(
            participation.id,
            participation.state,
            &corrections,
            &NewStep {
                to: participation.state,
                happened_at,
                note,
            },
            now,
        )?;
        drop(store);
        tracing::info!(
            participation = participation_id,
            corrections = corrections.len(),
            "ledger corrected from the chain"
        );
        self.participation(participation_id)
    }

    async fn planned_repair(
        &self,
        participation_id: i64,
    ) -> Result<(LedgerRepair, Vec<Planned>), AppError> {
        let (sale, token, transactions, entries) = {
            let store = self.store()?;
            let participation = store.participation(ParticipationId(participation_id))?;
            let sale = store.sale(participation.sale_id)?;
            let token = store.contract_terms(sale.id)?.token_address;
            let transactions: Vec<_> = store
                .transactions_of(participation.id)?
                .into_iter()
                .filter(|t| t.status == TxStatus::Confirmed && t.hash.is_some())
                .collect();
            (sale, token, transactions, store.entries(participation.id)?)
        };
        let mut planned = Vec::new();
        let mut left_alone = Vec::new();
        let signed: Vec<&EntryRecord> = entries
            .iter()
            .filter(|e| e.source == EntrySource::Signed)
            .collect();
        // An older version recorded a delivery as a balance difference: nothing proves it.
        for record in signed
            .iter()
            .filter(|e| e.entry.reference.starts_with("balanceOf at block"))
        {
            planned.push(Planned {
                view: CorrectionView {
                    action: "remove".to_owned(),
                    kind: record.entry.kind.as_str().to_owned(),
                    reference: record.entry.reference.clone(),
                    recorded: Some(amount_of(&record.entry)),
                    proved: None,
                    log_index: None,
                    why: "inferred from a balance, not proved by a transaction: check for tokens to find the deliveries in the chain's logs".to_owned(),
                },
                correction: EntryCorrection::Remove { id: record.id },
            });
        }
        if !transactions.is_empty() {
            let network = self.configured_network(sale.terms.chain_id).await?;
            let node = Node::connect(&network).await?;
            for record in &transactions {
                let hash = record.hash.clone().unwrap_or_default();
                let Ok(parsed) = hash.parse() else {
                    left_alone.push(format!("{hash}: not a transaction hash"));
                    continue;
                };
                let (block, fee_wei, logs) = match node
                    .inclusion(parsed, record.from, record.nonce)
                    .await?
                {
                    Inclusion::Mined {
                        block,
                        fee_wei,
                        logs,
                        succeeded: true,
                        ..
                    } => (block, fee_wei, logs),
                    _ => {
                        left_alone.push(format!(
                                "{hash}: the node has no receipt of it now (a node that keeps less history, or a chain that was reset)"
                            ));
                        continue;
                    }
                };
                let effects = Self::effects_of(&node, record, block, fee_wei, &logs).await;
                let recorded: Vec<&&EntryRecord> = signed
                    .iter()
                    .filter(|e| e.entry.reference.eq_ignore_ascii_case(&hash))
                    .collect();
                let at = recorded
                    .first()
                    .map_or(record.updated_at, |e| e.entry.happened_at);
                let settled = settle(
                    &Confirmed {
                        purpose: record.purpose,
                        hash: &hash,
                        account: record.from,
                        value: record.value,
                        effects: &effects,
                        at,
                    },
                    SaleAssets {
                        terms: &sale.terms,
                        token,
                    },
                );
                let unmeasured = matches!(effects.coins_returned, CoinsReturned::Unknown(_));
                if let CoinsReturned::Unknown(why) = &effects.coins_returned
                    && (record.purpose == TxPurpose::Refund || !record.value.is_zero())
                {
                    left_alone.push(format!(
                        "{hash}: the coins it returned could not be measured ({why})"
                    ));
                }
                let mut matched = vec![false; recorded.len()];
                for proved in &settled.entries {
                    // The line that proves it; else a refund recorded without its log
                    // before, proved by one now: the same refund with another amount.
                    let found = recorded
                        .iter()
                        .position(|r| same_line(r, proved))
                        .or_else(|| {
                            recorded.iter().enumerate().position(|(i, r)| {
                                !matched[i]
                                    && r.entry.kind == proved.entry.kind
                                    && r.log_index.is_none()
                                    && proved.entry.kind != EntryKind::Distribution
                            })
                        });
                    let Some(index) = found else {
                        planned.push(Planned {
                            view: CorrectionView {
                                action: "add".to_owned(),
                                kind: proved.entry.kind.as_str().to_owned(),
                                reference: hash.clone(),
                                recorded: None,
                                proved: Some(amount_of(&proved.entry)),
                                log_index: proved.log_index,
                                why: "proved by the transaction, not recorded".to_owned(),
                            },
                            correction: EntryCorrection::Add(proved.clone()),
                        });
                        continue;
                    };
                    matched[index] = true;
                    let existing = recorded[index];
                    if existing.entry.amount != proved.entry.amount
                        || existing.log_index != proved.log_index
                    {
                        planned.push(Planned {
                            view: CorrectionView {
                                action: "amend".to_owned(),
                                kind: proved.entry.kind.as_str().to_owned(),
                                reference: hash.clone(),
                                recorded: Some(amount_of(&existing.entry)),
                                proved: Some(amount_of(&proved.entry)),
                                log_index: proved.log_index,
                                why: "the chain proves another amount".to_owned(),
                            },
                            correction: EntryCorrection::Amend {
                                id: existing.id,
                                amount: proved.entry.amount,
                                log_index: proved.log_index,
                                note: proved.entry.note.clone(),
                            },
                        });
                    }
                }
                for (index, existing) in recorded.iter().enumerate() {
                    // What could not be measured may be right: left as it is.
                    if matched[index] || (unmeasured && existing.log_index.is_none()) {
                        continue;
                    }
                    planned.push(Planned {
                        view: CorrectionView {
                            action: "remove".to_owned(),
                            kind: existing.entry.kind.as_str().to_owned(),
                            reference: hash.clone(),
                            recorded: Some(amount_of(&existing.entry)),
                            proved: None,
                            log_index: existing.log_index,
                            why: "the transaction proves no such amount".to_owned(),
                        },
                        correction: EntryCorrection::Remove { id: existing.id },
                    });
                }
            }
        }
        let repair = LedgerRepair {
            participation_id,
            transactions_read: u32::try_from(transactions.len()).unwrap_or(u32::MAX),
            corrections: planned.iter().map(|p| p.view.clone()).collect(),
            left_alone,
        };
        Ok((repair, planned))
    }
}
