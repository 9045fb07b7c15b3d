//! Networks, planning, signing, sending and following transactions.

use saleguard_app::chain::allowances::{AllowanceView, RevokeInput};
use saleguard_app::chain::deliveries::{
    ScanInput, ScanProgress, ScanSummary, TransferFromOtherView,
};
use saleguard_app::chain::networks::{NetworkCheck, NetworkInput, NetworkView};
use saleguard_app::chain::plans::{ActInput, ContributionInput, RefundInput, TransactionPlan};
use saleguard_app::chain::repair::{CorrectionView, LedgerRepair};
use saleguard_app::chain::replacements::ReplaceInput;
use saleguard_app::chain::transactions::{FOLLOW_INTERVAL, TransactionView, TxProgress};
use saleguard_app::dto::{ListOrder, Page, PageInput};
use saleguard_app::participations::Participation;
use saleguard_app::{AppError, ErrorCode, Saleguard};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tauri::State;
use tauri::ipc::Channel;
use tokio::sync::Notify;

/// Work in progress the window can cancel: signings by their draft id, scans for token
/// deliveries by `scan:` and their participation's id.
#[derive(Default)]
pub(crate) struct Signings(Mutex<HashMap<String, Arc<Notify>>>);

impl Signings {
    /// Registers `key`'s work: what cancels it.
    fn start(&self, key: &str) -> Arc<Notify> {
        let cancel = Arc::new(Notify::new());
        if let Ok(mut pending) = self.0.lock() {
            pending.insert(key.to_owned(), cancel.clone());
        }
        cancel
    }

    fn finish(&self, key: &str) {
        if let Ok(mut pending) = self.0.lock() {
            pending.remove(key);
        }
    }

    fn cancel(&self, key: &str) {
        let pending = self.0.lock().ok().and_then(|p| p.get(key).cloned());
        if let Some(cancel) = pending {
            cancel.notify_one();
        }
    }
}

/// The configured networks, then the presets (without RPC URLs) not configured yet.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_networks(app: State<'_, Saleguard>) -> Result<Vec<NetworkView>, AppError> {
    app.networks()
}

/// A network as its edit form starts: saved, else the preset.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn get_network_draft(
    app: State<'_, Saleguard>,
    chain_id: u64,
) -> Result<NetworkInput, AppError> {
    app.network_draft(chain_id)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn save_network(
    app: State<'_, Saleguard>,
    input: NetworkInput,
) -> Result<NetworkView, AppError> {
    app.save_network(&input)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn remove_network(app: State<'_, Saleguard>, chain_id: u64) -> Result<(), AppError> {
    app.remove_network(chain_id)
}

/// Connects to the network's node and checks it serves the configured chain.
#[tauri::command]
#[specta::specta]
pub(crate) async fn check_network(
    app: State<'_, Saleguard>,
    chain_id: u64,
) -> Result<NetworkCheck, AppError> {
    app.check_network(chain_id).await
}

/// Plans a contribution against the node and keeps it as a draft to sign.
#[tauri::command]
#[specta::specta]
pub(crate) async fn prepare_contribution(
    app: State<'_, Saleguard>,
    input: ContributionInput,
) -> Result<TransactionPlan, AppError> {
    app.prepare_contribution(&input).await
}

/// Plans a refund claim against the node and keeps it as a draft to sign.
#[tauri::command]
#[specta::specta]
pub(crate) async fn prepare_refund(
    app: State<'_, Saleguard>,
    input: RefundInput,
) -> Result<TransactionPlan, AppError> {
    app.prepare_refund(&input).await
}

/// Plans one of the sale's actions (a token or vested claim, a call the user named…)
/// against the node and keeps it as a draft to sign.
#[tauri::command]
#[specta::specta]
pub(crate) async fn prepare_action(
    app: State<'_, Saleguard>,
    input: ActInput,
) -> Result<TransactionPlan, AppError> {
    app.prepare_action(&input).await
}

/// What the user's accounts allow the contracts of a participation's sale to take (of
/// every participation's, without one), read from the tokens now.
#[tauri::command]
#[specta::specta]
pub(crate) async fn list_allowances(
    app: State<'_, Saleguard>,
    participation_id: Option<i64>,
) -> Result<Vec<AllowanceView>, AppError> {
    app.allowances(participation_id).await
}

/// Plans the revocation of an allowance (an approval of nothing) and keeps it as a
/// draft to sign.
#[tauri::command]
#[specta::specta]
pub(crate) async fn prepare_revoke(
    app: State<'_, Saleguard>,
    input: RevokeInput,
) -> Result<TransactionPlan, AppError> {
    app.prepare_revoke(&input).await
}

/// Plans a stuck transaction's replacement (sped up, or cancelled) and keeps it as a
/// draft to sign.
#[tauri::command]
#[specta::specta]
pub(crate) async fn prepare_replacement(
    app: State<'_, Saleguard>,
    input: ReplaceInput,
) -> Result<TransactionPlan, AppError> {
    app.prepare_replacement(&input).await
}

/// Signs and sends a draft, reporting each step on `progress`; `cancel_signing` stops
/// it before the signature.
#[tauri::command]
#[specta::specta]
pub(crate) async fn send_transaction(
    app: State<'_, Saleguard>,
    signings: State<'_, Signings>,
    draft_id: String,
    override_reason: Option<String>,
    progress: Channel<TxProgress>,
) -> Result<TransactionView, AppError> {
    let cancel = signings.start(&draft_id);
    let report = move |step: TxProgress| {
        let _ = progress.send(step);
    };
    let result = app
        .send_transaction(
            &draft_id,
            override_reason.as_deref(),
            &report,
            cancel.notified(),
        )
        .await;
    signings.finish(&draft_id);
    result
}

/// Cancels a signing in progress (before its signature); nothing is sent.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn cancel_signing(
    signings: State<'_, Signings>,
    draft_id: String,
) -> Result<(), AppError> {
    signings.cancel(&draft_id);
    Ok(())
}

/// Follows a sent transaction to its end, reporting each step on `progress`.
#[tauri::command]
#[specta::specta]
pub(crate) async fn follow_transaction(
    app: State<'_, Saleguard>,
    id: String,
    progress: Channel<TxProgress>,
) -> Result<TransactionView, AppError> {
    let report = move |step: TxProgress| {
        let _ = progress.send(step);
    };
    app.follow_transaction(&id, FOLLOW_INTERVAL, &report, std::future::pending())
        .await
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn get_transaction(
    app: State<'_, Saleguard>,
    id: String,
) -> Result<TransactionView, AppError> {
    app.transaction(&id)
}

/// One page of a participation's transactions (at most 500), in the order asked.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_transactions(
    app: State<'_, Saleguard>,
    participation_id: i64,
    order: ListOrder,
    page: PageInput,
) -> Result<Page<TransactionView>, AppError> {
    app.transactions(participation_id, order, page)
}

/// Gives up on a planned draft (not signed).
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn abandon_transaction(
    app: State<'_, Saleguard>,
    id: String,
) -> Result<TransactionView, AppError> {
    app.abandon_transaction(&id, "cancelled in the wizard")
}

/// Checks for tokens: the sale token's transfers to the user's accounts, read from the
/// chain's logs, reporting how far it read on `progress`; `cancel_delivery_scan` stops
/// it (what was read is kept).
#[tauri::command]
#[specta::specta]
pub(crate) async fn scan_deliveries(
    app: State<'_, Saleguard>,
    signings: State<'_, Signings>,
    input: ScanInput,
    progress: Channel<ScanProgress>,
) -> Result<ScanSummary, AppError> {
    let key = format!("scan:{}", input.participation_id);
    let cancel = signings.start(&key);
    let report = move |step: ScanProgress| {
        let _ = progress.send(step);
    };
    let result = app
        .scan_deliveries(&input, &report, cancel.notified())
        .await;
    signings.finish(&key);
    result
}

/// Stops a scan for token deliveries; what it read is kept.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn cancel_delivery_scan(
    signings: State<'_, Signings>,
    participation_id: i64,
) -> Result<(), AppError> {
    signings.cancel(&format!("scan:{participation_id}"));
    Ok(())
}

/// Transfers of the sale's token to the user from others than the sale, as scans found
/// them.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_transfers_from_others(
    app: State<'_, Saleguard>,
    participation_id: i64,
) -> Result<Vec<TransferFromOtherView>, AppError> {
    app.transfers_from_others(participation_id)
}

/// Reads the effects of a participation's confirmed transactions again and says what
/// differs from its ledger; nothing is changed.
#[tauri::command]
#[specta::specta]
pub(crate) async fn plan_ledger_repair(
    app: State<'_, Saleguard>,
    participation_id: i64,
) -> Result<LedgerRepair, AppError> {
    app.plan_repair(participation_id).await
}

/// Corrects the ledger as shown (`seen`), the old values kept in the history.
#[tauri::command]
#[specta::specta]
pub(crate) async fn apply_ledger_repair(
    app: State<'_, Saleguard>,
    participation_id: i64,
    seen: Vec<CorrectionView>,
) -> Result<Participation, AppError> {
    app.apply_repair(participation_id, &seen).await
}

/// Counts a transfer from another as a distribution of its sale.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn count_transfer(
    app: State<'_, Saleguard>,
    id: i64,
) -> Result<TransferFromOtherView, AppError> {
    app.count_transfer(id)
}

/// Opens a sent transaction's page on its network's explorer in the system browser.
/// The address is built here from the stored transaction, never taken from the window.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn open_in_explorer(
    app: State<'_, Saleguard>,
    transaction_id: String,
) -> Result<(), AppError> {
    let link = app.explorer_link(&transaction_id)?;
    open::that_detached(&link).map_err(|error| {
        tracing::warn!(kind = ?error.kind(), "the browser did not start");
        AppError::new(
            ErrorCode::BrowserUnavailable,
            "the system could not open a web browser; copy the link instead",
        )
    })
}
