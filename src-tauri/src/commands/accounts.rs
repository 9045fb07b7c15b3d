//! Software and hardware accounts.

use saleguard_app::accounts::dto::{
    Account, AddWatchOnly, ConfirmNewAccount, ImportMnemonic, ImportPrivateKey, KeyringStatus,
    NewMnemonic, RevealedSecret,
};
use saleguard_app::accounts::hardware::{
    AddHardwareAccount, HardwareAddressView, HardwareAddressesInput, HardwareDeviceView,
    HardwarePathInput,
};
use saleguard_app::{AppError, Saleguard};
use tauri::State;

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_accounts(app: State<'_, Saleguard>) -> Result<Vec<Account>, AppError> {
    app.list_accounts()
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn get_account(app: State<'_, Saleguard>, id: i64) -> Result<Account, AppError> {
    app.account(id)
}

/// Whether the OS keyring can be reached now, with guidance when it cannot.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn keyring_status(app: State<'_, Saleguard>) -> Result<KeyringStatus, AppError> {
    Ok(app.keyring_status())
}

/// A new 24-word recovery phrase, shown once; nothing is kept until it is confirmed.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn begin_new_account(app: State<'_, Saleguard>) -> Result<NewMnemonic, AppError> {
    app.begin_new_account()
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn confirm_new_account(
    app: State<'_, Saleguard>,
    input: ConfirmNewAccount,
) -> Result<Account, AppError> {
    app.confirm_new_account(&input)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn cancel_new_account(
    app: State<'_, Saleguard>,
    pending_id: String,
) -> Result<(), AppError> {
    app.cancel_new_account(&pending_id);
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn import_mnemonic_account(
    app: State<'_, Saleguard>,
    input: ImportMnemonic,
) -> Result<Account, AppError> {
    app.import_mnemonic_account(&input)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn import_private_key_account(
    app: State<'_, Saleguard>,
    input: ImportPrivateKey,
) -> Result<Account, AppError> {
    app.import_private_key_account(&input)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn add_watch_only_account(
    app: State<'_, Saleguard>,
    input: AddWatchOnly,
) -> Result<Account, AppError> {
    app.add_watch_only_account(&input)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn derive_next_account(
    app: State<'_, Saleguard>,
    id: i64,
    label: Option<String>,
) -> Result<Account, AppError> {
    app.derive_next_account(id, label.as_deref())
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn rename_account(
    app: State<'_, Saleguard>,
    id: i64,
    label: String,
) -> Result<Account, AppError> {
    app.rename_account(id, &label)
}

/// Removes the account (and its keyring entry when no other account uses it) once
/// `confirmation` repeats its name.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn remove_account(
    app: State<'_, Saleguard>,
    id: i64,
    confirmation: String,
) -> Result<(), AppError> {
    app.remove_account(id, &confirmation)
}

/// The account's secret, once `confirmation` repeats its name. Never cache the reply.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn reveal_account_secret(
    app: State<'_, Saleguard>,
    id: i64,
    confirmation: String,
) -> Result<RevealedSecret, AppError> {
    app.reveal_account_secret(id, &confirmation)
}

/// The hardware wallets connected now, with their state.
#[tauri::command]
#[specta::specta]
pub(crate) async fn list_hardware_devices(
    app: State<'_, Saleguard>,
) -> Result<Vec<HardwareDeviceView>, AppError> {
    app.hardware_devices().await
}

/// A hardware wallet's addresses along a derivation path scheme.
#[tauri::command]
#[specta::specta]
pub(crate) async fn list_hardware_addresses(
    app: State<'_, Saleguard>,
    input: HardwareAddressesInput,
) -> Result<Vec<HardwareAddressView>, AppError> {
    app.hardware_addresses(&input).await
}

/// Shows an address on the device; answers once the user confirmed it there.
#[tauri::command]
#[specta::specta]
pub(crate) async fn verify_hardware_address(
    app: State<'_, Saleguard>,
    input: HardwarePathInput,
) -> Result<String, AppError> {
    app.verify_hardware_address(&input).await
}

/// Adds a hardware wallet's address as an account (public data only).
#[tauri::command]
#[specta::specta]
pub(crate) async fn add_hardware_account(
    app: State<'_, Saleguard>,
    input: AddHardwareAccount,
) -> Result<Account, AppError> {
    app.add_hardware_account(&input).await
}
