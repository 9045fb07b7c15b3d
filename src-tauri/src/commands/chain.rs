//! Networks, planning, signing, sending and following transactions.

use saleguard_app::chain::allowances::{AllowanceView, RevokeInput};
use saleguard_app::chain::networks::{NetworkCheck, NetworkInput, NetworkView};
use saleguard_app::chain::plans::{ActInput, ContributionInput, RefundInput, TransactionPlan};
use saleguard_app::chain::replacements::ReplaceInput;
use saleguard_app::chain::transactions::{FOLLOW_INTERVAL, TransactionView, TxProgress};
use saleguard_app::{AppError, ErrorCode, Saleguard};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tauri::State;
use tauri::ipc::Channel;
use tokio::sync::Notify;

/// Signings in progress, so that the window can cancel one.
#[derive(Default)]
pub(crate) struct Signings(Mutex<HashMap<String, Arc<Notify>>>);

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
    let cancel = Arc::new(Notify::new());
    if let Ok(mut pending) = signings.0.lock() {
        pending.insert(draft_id.clone(), cancel.clone());
    }
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
    if let Ok(mut pending) = signings.0.lock() {
        pending.remove(&draft_id);
    }
    result
}

/// Cancels a signing in progress (before its signature); nothing is sent.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn cancel_signing(
    signings: State<'_, Signings>,
    draft_id: String,
) -> Result<(), AppError> {
    let pending = signings
        .0
        .lock()
        .ok()
        .and_then(|p| p.get(&draft_id).cloned());
    if let Some(cancel) = pending {
        cancel.notify_one();
    }
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

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_transactions(
    app: State<'_, Saleguard>,
    participation_id: i64,
) -> Result<Vec<TransactionView>, AppError> {
    app.transactions_of(participation_id)
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

/// Reads the sale's token balance and records what arrived.
#[tauri::command]
#[specta::specta]
pub(crate) async fn record_distribution(
    app: State<'_, Saleguard>,
    participation_id: i64,
) -> Result<Option<String>, AppError> {
    app.record_distribution(participation_id).await
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
