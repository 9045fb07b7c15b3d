//! Saleguard's desktop shell. Each command is one line over the app layer; this crate
//! holds no rules of its own.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Parser;
use saleguard_app::accounts::dto::{
    Account, AddWatchOnly, ConfirmNewAccount, ImportMnemonic, ImportPrivateKey, KeyringStatus,
    NewMnemonic, RevealedSecret,
};
use saleguard_app::accounts::hardware::{
    AddHardwareAccount, HardwareAddressView, HardwareAddressesInput, HardwareDeviceView,
    HardwarePathInput,
};
use saleguard_app::budgets::{AmountValueView, BudgetInput, BudgetView, ValueInput};
use saleguard_app::chain::devices::{LedgerConnection, TrezorConnection};
use saleguard_app::chain::networks::{NetworkCheck, NetworkInput, NetworkView};
use saleguard_app::chain::plans::{ContributionInput, RefundInput, TransactionPlan};
use saleguard_app::chain::transactions::{FOLLOW_INTERVAL, TransactionView, TxProgress};
use saleguard_app::dto::AppInfo;
use saleguard_app::io::backup::{BackupPassphrase, BackupStatus, BackupSummary};
use saleguard_app::io::csv::{
    CsvExportKind, CsvExportSummary, CsvImportSummary, CsvPreview, CsvProgress,
};
use saleguard_app::io::export::{ExportSummary, ImportSummary};
use saleguard_app::io::price_history::PriceHistoryPreview;
use saleguard_app::participations::calendar::CalendarEvent;
use saleguard_app::participations::entries::EntryInput;
use saleguard_app::participations::kyc::KycInput;
use saleguard_app::participations::vesting::VestingInput;
use saleguard_app::participations::{MoveParticipation, Participation, StartParticipation};
use saleguard_app::portfolio::PortfolioView;
use saleguard_app::portfolio::charts::PortfolioCharts;
use saleguard_app::portfolio::trades::{TradeInput, TradeView};
use saleguard_app::pricing::{
    PriceApiInput, PriceInput, PriceRefresh, PriceSourceName, PriceSourcesView, PriceView,
};
use saleguard_app::research::{Country, ResearchInput, SaleResearch, Settings};
use saleguard_app::review::{ContactInput, ContactView};
use saleguard_app::review::{
    OfficialAddressInput, OfficialAddressView, OverrideInput, OverrideView, PolicyInput,
    ReviewInput, ReviewView,
};
use saleguard_app::sales::Sale;
use saleguard_app::sales::contract_terms::ContractTermsInput;
use saleguard_app::{
    AppError, DATA_DIR_ENV, DataPaths, ErrorCode, NATIVE_COIN_SYMBOLS, SaleDraft, Saleguard,
    SystemClock,
};
use specta_typescript::Typescript;
use std::collections::HashMap;
use std::sync::Mutex;
use tauri::ipc::Channel;
use tauri::{Manager, State};
use tokio::sync::Notify;

mod command_names;
pub use command_names::COMMAND_NAMES;

#[tauri::command(async)]
#[specta::specta]
fn app_info(app: State<'_, Saleguard>) -> Result<AppInfo, AppError> {
    Ok(app.info())
}

#[tauri::command(async)]
#[specta::specta]
fn list_sales(app: State<'_, Saleguard>) -> Result<Vec<Sale>, AppError> {
    app.list_sales()
}

#[tauri::command(async)]
#[specta::specta]
fn get_sale(app: State<'_, Saleguard>, id: i64) -> Result<Sale, AppError> {
    app.sale(id)
}

/// The sale as a user would type it: what the edit form starts from.
#[tauri::command(async)]
#[specta::specta]
fn get_sale_draft(app: State<'_, Saleguard>, id: i64) -> Result<SaleDraft, AppError> {
    app.sale_draft(id)
}

#[tauri::command(async)]
#[specta::specta]
fn create_sale(app: State<'_, Saleguard>, input: SaleDraft) -> Result<Sale, AppError> {
    app.create_sale(input)
}

#[tauri::command(async)]
#[specta::specta]
fn update_sale(app: State<'_, Saleguard>, id: i64, input: SaleDraft) -> Result<Sale, AppError> {
    app.update_sale(id, input)
}

#[tauri::command(async)]
#[specta::specta]
fn delete_sale(app: State<'_, Saleguard>, id: i64) -> Result<(), AppError> {
    app.delete_sale(id)
}

#[tauri::command(async)]
#[specta::specta]
fn list_accounts(app: State<'_, Saleguard>) -> Result<Vec<Account>, AppError> {
    app.list_accounts()
}

#[tauri::command(async)]
#[specta::specta]
fn get_account(app: State<'_, Saleguard>, id: i64) -> Result<Account, AppError> {
    app.account(id)
}

/// Whether the OS keyring can be reached now, with guidance when it cannot.
#[tauri::command(async)]
#[specta::specta]
fn keyring_status(app: State<'_, Saleguard>) -> Result<KeyringStatus, AppError> {
    Ok(app.keyring_status())
}

/// A new 24-word recovery phrase, shown once; nothing is kept until it is confirmed.
#[tauri::command(async)]
#[specta::specta]
fn begin_new_account(app: State<'_, Saleguard>) -> Result<NewMnemonic, AppError> {
    app.begin_new_account()
}

#[tauri::command(async)]
#[specta::specta]
fn confirm_new_account(
    app: State<'_, Saleguard>,
    input: ConfirmNewAccount,
) -> Result<Account, AppError> {
    app.confirm_new_account(&input)
}

#[tauri::command(async)]
#[specta::specta]
fn cancel_new_account(app: State<'_, Saleguard>, pending_id: String) -> Result<(), AppError> {
    app.cancel_new_account(&pending_id);
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
fn import_mnemonic_account(
    app: State<'_, Saleguard>,
    input: ImportMnemonic,
) -> Result<Account, AppError> {
    app.import_mnemonic_account(&input)
}

#[tauri::command(async)]
#[specta::specta]
fn import_private_key_account(
    app: State<'_, Saleguard>,
    input: ImportPrivateKey,
) -> Result<Account, AppError> {
    app.import_private_key_account(&input)
}

#[tauri::command(async)]
#[specta::specta]
fn add_watch_only_account(
    app: State<'_, Saleguard>,
    input: AddWatchOnly,
) -> Result<Account, AppError> {
    app.add_watch_only_account(&input)
}

#[tauri::command(async)]
#[specta::specta]
fn derive_next_account(
    app: State<'_, Saleguard>,
    id: i64,
    label: Option<String>,
) -> Result<Account, AppError> {
    app.derive_next_account(id, label.as_deref())
}

#[tauri::command(async)]
#[specta::specta]
fn rename_account(app: State<'_, Saleguard>, id: i64, label: String) -> Result<Account, AppError> {
    app.rename_account(id, &label)
}

/// Removes the account (and its keyring entry when no other account uses it) once
/// `confirmation` repeats its name.
#[tauri::command(async)]
#[specta::specta]
fn remove_account(
    app: State<'_, Saleguard>,
    id: i64,
    confirmation: String,
) -> Result<(), AppError> {
    app.remove_account(id, &confirmation)
}

/// The account's secret, once `confirmation` repeats its name. Never cache the reply.
#[tauri::command(async)]
#[specta::specta]
fn reveal_account_secret(
    app: State<'_, Saleguard>,
    id: i64,
    confirmation: String,
) -> Result<RevealedSecret, AppError> {
    app.reveal_account_secret(id, &confirmation)
}

#[tauri::command(async)]
#[specta::specta]
fn set_sale_archived(app: State<'_, Saleguard>, id: i64, archived: bool) -> Result<Sale, AppError> {
    app.set_sale_archived(id, archived)
}

#[tauri::command(async)]
#[specta::specta]
fn list_participations(app: State<'_, Saleguard>) -> Result<Vec<Participation>, AppError> {
    app.list_participations()
}

#[tauri::command(async)]
#[specta::specta]
fn get_participation(app: State<'_, Saleguard>, id: i64) -> Result<Participation, AppError> {
    app.participation(id)
}

#[tauri::command(async)]
#[specta::specta]
fn start_participation(
    app: State<'_, Saleguard>,
    input: StartParticipation,
) -> Result<Participation, AppError> {
    app.start_participation(&input)
}

/// Records the participation's next step; its history is only ever appended to.
#[tauri::command(async)]
#[specta::specta]
fn move_participation(
    app: State<'_, Saleguard>,
    id: i64,
    input: MoveParticipation,
) -> Result<Participation, AppError> {
    app.move_participation(id, &input)
}

/// Sets (or replaces) how a participation's tokens unlock.
#[tauri::command(async)]
#[specta::specta]
fn set_vesting(
    app: State<'_, Saleguard>,
    id: i64,
    input: VestingInput,
) -> Result<Participation, AppError> {
    app.set_vesting(id, &input)
}

/// Sales opening and closing and token unlocks between two moments (empty `from`:
/// now; empty `to`: twelve months later).
#[tauri::command(async)]
#[specta::specta]
fn calendar(
    app: State<'_, Saleguard>,
    from: String,
    to: String,
) -> Result<Vec<CalendarEvent>, AppError> {
    app.calendar_between(&from, &to)
}

/// Records a contribution, refund or distribution made outside Saleguard.
#[tauri::command(async)]
#[specta::specta]
fn record_entry(
    app: State<'_, Saleguard>,
    id: i64,
    input: EntryInput,
) -> Result<Participation, AppError> {
    app.record_entry(id, &input)
}

/// The research on a sale: scorecard, grade, red flags, jurisdictions, whitepapers.
#[tauri::command(async)]
#[specta::specta]
fn get_research(app: State<'_, Saleguard>, sale_id: i64) -> Result<SaleResearch, AppError> {
    app.research(sale_id)
}

/// Saves the research on a sale, all of it or nothing.
#[tauri::command(async)]
#[specta::specta]
fn set_research(
    app: State<'_, Saleguard>,
    sale_id: i64,
    input: ResearchInput,
) -> Result<SaleResearch, AppError> {
    app.set_research(sale_id, &input)
}

/// Keeps the fingerprint of the whitepaper file the user picked (hashed in the UI with
/// the platform's SHA-256; the file itself never crosses).
#[tauri::command(async)]
#[specta::specta]
fn record_whitepaper(
    app: State<'_, Saleguard>,
    sale_id: i64,
    sha256: String,
    file_name: String,
    byte_count: u64,
) -> Result<SaleResearch, AppError> {
    app.record_whitepaper(sale_id, &sha256, &file_name, byte_count)
}

/// The user's settings.
#[tauri::command(async)]
#[specta::specta]
fn get_settings(app: State<'_, Saleguard>) -> Result<Settings, AppError> {
    app.settings()
}

/// Sets the country of residence (an ISO 3166-1 code; empty clears it).
#[tauri::command(async)]
#[specta::specta]
fn set_residence_country(app: State<'_, Saleguard>, code: String) -> Result<Settings, AppError> {
    app.set_residence_country(&code)
}

/// Every country, by name: the choices for the country of residence.
#[tauri::command(async)]
#[specta::specta]
fn list_countries() -> Result<Vec<Country>, AppError> {
    Ok(saleguard_app::research::countries())
}

/// Saves a participation's KYC details.
#[tauri::command(async)]
#[specta::specta]
fn set_kyc(app: State<'_, Saleguard>, id: i64, input: KycInput) -> Result<Participation, AppError> {
    app.set_kyc(id, &input)
}

/// Sets (or, empty, clears) the last day to claim a refund that is due.
#[tauri::command(async)]
#[specta::specta]
fn set_refund_deadline(
    app: State<'_, Saleguard>,
    id: i64,
    at: String,
) -> Result<Participation, AppError> {
    app.set_refund_deadline(id, &at)
}

/// Every budget, with what is committed of it now.
#[tauri::command(async)]
#[specta::specta]
fn list_budgets(app: State<'_, Saleguard>) -> Result<Vec<BudgetView>, AppError> {
    app.budgets()
}

/// Adds a budget for a period.
#[tauri::command(async)]
#[specta::specta]
fn add_budget(app: State<'_, Saleguard>, input: BudgetInput) -> Result<BudgetView, AppError> {
    app.add_budget(&input)
}

#[tauri::command(async)]
#[specta::specta]
fn remove_budget(app: State<'_, Saleguard>, id: i64) -> Result<(), AppError> {
    app.remove_budget(id)
}

/// The price book, newest first.
#[tauri::command(async)]
#[specta::specta]
fn list_prices(app: State<'_, Saleguard>) -> Result<Vec<PriceView>, AppError> {
    app.prices()
}

#[tauri::command(async)]
#[specta::specta]
fn add_price(app: State<'_, Saleguard>, input: PriceInput) -> Result<PriceView, AppError> {
    app.add_price(&input)
}

/// The price sources: their order, the online price API and its coin ids.
#[tauri::command(async)]
#[specta::specta]
fn get_price_sources(app: State<'_, Saleguard>) -> Result<PriceSourcesView, AppError> {
    app.price_sources()
}

/// Sets the order the price sources are asked in.
#[tauri::command(async)]
#[specta::specta]
fn set_price_source_order(
    app: State<'_, Saleguard>,
    order: Vec<PriceSourceName>,
) -> Result<PriceSourcesView, AppError> {
    app.set_price_source_order(&order)
}

/// Turns the online price API on or off, with its base URL and key (kept in the keyring).
#[tauri::command(async)]
#[specta::specta]
fn set_price_api(
    app: State<'_, Saleguard>,
    input: PriceApiInput,
) -> Result<PriceSourcesView, AppError> {
    app.set_price_api(&input)
}

/// Sets the price API's coin id for an asset; an empty id goes back to the default.
#[tauri::command(async)]
#[specta::specta]
fn set_price_api_coin(
    app: State<'_, Saleguard>,
    asset: String,
    coin_id: String,
) -> Result<PriceSourcesView, AppError> {
    app.set_price_api_coin(&asset, &coin_id)
}

/// Asks the online price API for the latest prices (bounded: timeouts, back-off).
#[tauri::command]
#[specta::specta]
async fn refresh_prices(app: State<'_, Saleguard>) -> Result<PriceRefresh, AppError> {
    app.refresh_prices().await
}

/// Checks a price history CSV's text whole; nothing is written.
#[tauri::command(async)]
#[specta::specta]
fn preview_price_history(
    app: State<'_, Saleguard>,
    contents: String,
) -> Result<PriceHistoryPreview, AppError> {
    app.preview_price_history(contents.as_bytes())
}

/// Imports a price history CSV's text, all or nothing; returns how many prices.
#[tauri::command(async)]
#[specta::specta]
fn import_price_history(app: State<'_, Saleguard>, contents: String) -> Result<u32, AppError> {
    app.import_price_history(contents.as_bytes())
}

/// The budget that applies now, with what is left of it; `null` without one.
#[tauri::command(async)]
#[specta::specta]
fn get_current_budget(app: State<'_, Saleguard>) -> Result<Option<BudgetView>, AppError> {
    app.current_budget()
}

/// The portfolio, valued now: holdings, cost basis, profit and loss.
#[tauri::command(async)]
#[specta::specta]
fn get_portfolio(app: State<'_, Saleguard>) -> Result<PortfolioView, AppError> {
    app.portfolio()
}

/// The portfolio's charts: value over time, the budget's use, the unlocks by month.
#[tauri::command(async)]
#[specta::specta]
fn get_portfolio_charts(app: State<'_, Saleguard>) -> Result<PortfolioCharts, AppError> {
    app.portfolio_charts()
}

/// Chooses the currency the portfolio is valued in.
#[tauri::command(async)]
#[specta::specta]
fn set_portfolio_currency(app: State<'_, Saleguard>, currency: String) -> Result<String, AppError> {
    app.set_portfolio_currency(&currency)
}

/// Every trade, newest first.
#[tauri::command(async)]
#[specta::specta]
fn list_trades(app: State<'_, Saleguard>) -> Result<Vec<TradeView>, AppError> {
    app.trades()
}

#[tauri::command(async)]
#[specta::specta]
fn record_trade(app: State<'_, Saleguard>, input: TradeInput) -> Result<TradeView, AppError> {
    app.record_trade(&input)
}

#[tauri::command(async)]
#[specta::specta]
fn remove_trade(app: State<'_, Saleguard>, id: i64) -> Result<(), AppError> {
    app.remove_trade(id)
}

/// A sale's official addresses, or every sale's (`saleId` null).
#[tauri::command(async)]
#[specta::specta]
fn list_official_addresses(
    app: State<'_, Saleguard>,
    sale_id: Option<i64>,
) -> Result<Vec<OfficialAddressView>, AppError> {
    app.official_addresses(sale_id)
}

#[tauri::command(async)]
#[specta::specta]
fn add_official_address(
    app: State<'_, Saleguard>,
    sale_id: i64,
    input: OfficialAddressInput,
) -> Result<OfficialAddressView, AppError> {
    app.add_official_address(sale_id, &input)
}

#[tauri::command(async)]
#[specta::specta]
fn list_contacts(app: State<'_, Saleguard>) -> Result<Vec<ContactView>, AppError> {
    app.contacts()
}

#[tauri::command(async)]
#[specta::specta]
fn add_contact(app: State<'_, Saleguard>, input: ContactInput) -> Result<ContactView, AppError> {
    app.add_contact(&input)
}

#[tauri::command(async)]
#[specta::specta]
fn remove_contact(app: State<'_, Saleguard>, id: i64) -> Result<(), AppError> {
    app.remove_contact(id)
}

#[tauri::command(async)]
#[specta::specta]
fn get_review_policy(app: State<'_, Saleguard>) -> Result<PolicyInput, AppError> {
    app.review_policy()
}

#[tauri::command(async)]
#[specta::specta]
fn set_review_policy(
    app: State<'_, Saleguard>,
    input: PolicyInput,
) -> Result<PolicyInput, AppError> {
    app.set_review_policy(&input)
}

/// Reviews a contribution before it is signed.
#[tauri::command(async)]
#[specta::specta]
fn review_contribution(
    app: State<'_, Saleguard>,
    input: ReviewInput,
) -> Result<ReviewView, AppError> {
    app.review_contribution(&input)
}

/// Opens a sent transaction's page on its network's explorer in the system browser.
/// The address is built here from the stored transaction, never taken from the window.
#[tauri::command(async)]
#[specta::specta]
fn open_in_explorer(app: State<'_, Saleguard>, transaction_id: String) -> Result<(), AppError> {
    let link = app.explorer_link(&transaction_id)?;
    open::that_detached(&link).map_err(|error| {
        tracing::warn!(kind = ?error.kind(), "the browser did not start");
        AppError::new(
            ErrorCode::BrowserUnavailable,
            "the system could not open a web browser; copy the link instead",
        )
    })
}

/// What an amount of a sale's currency is worth in the budget's currency.
#[tauri::command(async)]
#[specta::specta]
fn value_contribution(
    app: State<'_, Saleguard>,
    input: ValueInput,
) -> Result<AmountValueView, AppError> {
    app.value_contribution(&input)
}

/// Overrides what blocks a contribution, with a reason kept in the history.
#[tauri::command(async)]
#[specta::specta]
fn override_review(
    app: State<'_, Saleguard>,
    input: OverrideInput,
) -> Result<OverrideView, AppError> {
    app.override_review(&input)
}

/// Overridden reviews, newest first: of one sale, or of all (`saleId` null).
#[tauri::command(async)]
#[specta::specta]
fn list_review_overrides(
    app: State<'_, Saleguard>,
    sale_id: Option<i64>,
) -> Result<Vec<OverrideView>, AppError> {
    app.review_overrides(sale_id)
}

/// Writes every piece of data except secrets into the Downloads folder.
#[tauri::command(async)]
#[specta::specta]
fn export_data(app: State<'_, Saleguard>) -> Result<ExportSummary, AppError> {
    app.export_to_downloads()
}

/// Restores an export (the file's text, read by the window) into an empty data folder.
#[tauri::command(async)]
#[specta::specta]
fn import_data(app: State<'_, Saleguard>, contents: String) -> Result<ImportSummary, AppError> {
    app.import_json(&contents)
}

/// When the last encrypted backup was made, and whether it is time for one.
#[tauri::command(async)]
#[specta::specta]
fn backup_status(app: State<'_, Saleguard>) -> Result<BackupStatus, AppError> {
    app.backup_status()
}

/// Writes an encrypted backup of all data (secrets aside) into the Downloads folder.
#[tauri::command(async)]
#[specta::specta]
fn create_backup(
    app: State<'_, Saleguard>,
    input: BackupPassphrase,
) -> Result<BackupSummary, AppError> {
    app.create_backup(&input.passphrase)
}

/// Restores a backup (the file's text, read by the window) into an empty data folder.
#[tauri::command(async)]
#[specta::specta]
fn restore_backup(
    app: State<'_, Saleguard>,
    contents: String,
    input: BackupPassphrase,
) -> Result<ImportSummary, AppError> {
    app.restore_backup(contents.as_bytes(), &input.passphrase)
}

/// The configured networks, then the presets (without RPC URLs) not configured yet.
#[tauri::command(async)]
#[specta::specta]
fn list_networks(app: State<'_, Saleguard>) -> Result<Vec<NetworkView>, AppError> {
    app.networks()
}

/// A network as its edit form starts: saved, else the preset.
#[tauri::command(async)]
#[specta::specta]
fn get_network_draft(app: State<'_, Saleguard>, chain_id: u64) -> Result<NetworkInput, AppError> {
    app.network_draft(chain_id)
}

#[tauri::command(async)]
#[specta::specta]
fn save_network(app: State<'_, Saleguard>, input: NetworkInput) -> Result<NetworkView, AppError> {
    app.save_network(&input)
}

#[tauri::command(async)]
#[specta::specta]
fn remove_network(app: State<'_, Saleguard>, chain_id: u64) -> Result<(), AppError> {
    app.remove_network(chain_id)
}

/// The hardware wallets connected now, with their state.
#[tauri::command]
#[specta::specta]
async fn list_hardware_devices(
    app: State<'_, Saleguard>,
) -> Result<Vec<HardwareDeviceView>, AppError> {
    app.hardware_devices().await
}

/// A hardware wallet's addresses along a derivation path scheme.
#[tauri::command]
#[specta::specta]
async fn list_hardware_addresses(
    app: State<'_, Saleguard>,
    input: HardwareAddressesInput,
) -> Result<Vec<HardwareAddressView>, AppError> {
    app.hardware_addresses(&input).await
}

/// Shows an address on the device; answers once the user confirmed it there.
#[tauri::command]
#[specta::specta]
async fn verify_hardware_address(
    app: State<'_, Saleguard>,
    input: HardwarePathInput,
) -> Result<String, AppError> {
    app.verify_hardware_address(&input).await
}

/// Adds a hardware wallet's address as an account (public data only).
#[tauri::command]
#[specta::specta]
async fn add_hardware_account(
    app: State<'_, Saleguard>,
    input: AddHardwareAccount,
) -> Result<Account, AppError> {
    app.add_hardware_account(&input).await
}

/// Connects to the network's node and checks it serves the configured chain.
#[tauri::command]
#[specta::specta]
async fn check_network(app: State<'_, Saleguard>, chain_id: u64) -> Result<NetworkCheck, AppError> {
    app.check_network(chain_id).await
}

#[tauri::command(async)]
#[specta::specta]
fn get_contract_terms(
    app: State<'_, Saleguard>,
    sale_id: i64,
) -> Result<ContractTermsInput, AppError> {
    app.contract_terms(sale_id)
}

#[tauri::command(async)]
#[specta::specta]
fn set_contract_terms(
    app: State<'_, Saleguard>,
    sale_id: i64,
    input: ContractTermsInput,
) -> Result<ContractTermsInput, AppError> {
    app.set_contract_terms(sale_id, &input)
}

/// Plans a contribution against the node and keeps it as a draft to sign.
#[tauri::command]
#[specta::specta]
async fn prepare_contribution(
    app: State<'_, Saleguard>,
    input: ContributionInput,
) -> Result<TransactionPlan, AppError> {
    app.prepare_contribution(&input).await
}

/// Plans a refund claim against the node and keeps it as a draft to sign.
#[tauri::command]
#[specta::specta]
async fn prepare_refund(
    app: State<'_, Saleguard>,
    input: RefundInput,
) -> Result<TransactionPlan, AppError> {
    app.prepare_refund(&input).await
}

/// CSV imports in progress, so that the window can cancel one.
#[derive(Default)]
struct CsvImports(Mutex<HashMap<String, Arc<AtomicBool>>>);

/// Checks a CSV file's text whole and says what an import would add; nothing is written.
#[tauri::command(async)]
#[specta::specta]
fn preview_csv_import(app: State<'_, Saleguard>, contents: String) -> Result<CsvPreview, AppError> {
    app.preview_csv(contents.as_bytes())
}

/// Imports a CSV file's text all or nothing, reporting progress every 1,000 rows;
/// `cancel_csv_import` stops it with nothing added.
#[tauri::command(async)]
#[specta::specta]
fn import_csv(
    app: State<'_, Saleguard>,
    imports: State<'_, CsvImports>,
    contents: String,
    import_id: String,
    progress: Channel<CsvProgress>,
) -> Result<CsvImportSummary, AppError> {
    let cancelled = Arc::new(AtomicBool::new(false));
    if let Ok(mut pending) = imports.0.lock() {
        pending.insert(import_id.clone(), cancelled.clone());
    }
    let result = app.import_csv(contents.as_bytes(), |step| {
        let _ = progress.send(step);
        !cancelled.load(Ordering::SeqCst)
    });
    if let Ok(mut pending) = imports.0.lock() {
        pending.remove(&import_id);
    }
    result
}

/// Cancels a CSV import in progress: nothing of it is added.
#[tauri::command(async)]
#[specta::specta]
fn cancel_csv_import(imports: State<'_, CsvImports>, import_id: String) -> Result<(), AppError> {
    if let Some(cancelled) = imports
        .0
        .lock()
        .ok()
        .and_then(|p| p.get(&import_id).cloned())
    {
        cancelled.store(true, Ordering::SeqCst);
    }
    Ok(())
}

/// Writes the transactions or the holdings as CSV into the Downloads folder.
#[tauri::command(async)]
#[specta::specta]
fn export_csv(
    app: State<'_, Saleguard>,
    kind: CsvExportKind,
) -> Result<CsvExportSummary, AppError> {
    app.export_csv_to_downloads(kind)
}

/// Signings in progress, so that the window can cancel one.
#[derive(Default)]
struct Signings(Mutex<HashMap<String, Arc<Notify>>>);

/// Signs and sends a draft, reporting each step on `progress`; `cancel_signing` stops
/// it before the signature.
#[tauri::command]
#[specta::specta]
async fn send_transaction(
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
fn cancel_signing(signings: State<'_, Signings>, draft_id: String) -> Result<(), AppError> {
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
async fn follow_transaction(
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
fn get_transaction(app: State<'_, Saleguard>, id: String) -> Result<TransactionView, AppError> {
    app.transaction(&id)
}

#[tauri::command(async)]
#[specta::specta]
fn list_transactions(
    app: State<'_, Saleguard>,
    participation_id: i64,
) -> Result<Vec<TransactionView>, AppError> {
    app.transactions_of(participation_id)
}

/// Gives up on a planned draft (not signed).
#[tauri::command(async)]
#[specta::specta]
fn abandon_transaction(app: State<'_, Saleguard>, id: String) -> Result<TransactionView, AppError> {
    app.abandon_transaction(&id, "cancelled in the wizard")
}

/// Reads the sale's token balance and records what arrived.
#[tauri::command]
#[specta::specta]
async fn record_distribution(
    app: State<'_, Saleguard>,
    participation_id: i64,
) -> Result<Option<String>, AppError> {
    app.record_distribution(participation_id).await
}

/// Picks up the watch of every transaction signed but not settled (after a crash or a
/// closed window), in the background.
fn resume_watches(handle: &tauri::AppHandle) {
    let ids = handle
        .state::<Saleguard>()
        .transactions_in_flight()
        .unwrap_or_default();
    for id in ids {
        let handle = handle.clone();
        tauri::async_runtime::spawn(async move {
            let app = handle.state::<Saleguard>();
            if let Err(error) = app
                .follow_transaction(&id, FOLLOW_INTERVAL, &|_| {}, std::future::pending())
                .await
            {
                tracing::warn!(code = ?error.code, "a resumed watch stopped");
            }
        });
    }
}

/// The commands and types the UI sees; the TypeScript bindings are generated from this.
///
/// Row ids and chain ids are `number` in TypeScript: the core keeps chain ids below
/// 2^53 and row ids are small counters, so no precision is lost. Amounts never travel
/// as numbers (they are decimal strings), so this cast cannot touch money.
pub fn ipc() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(tauri_specta::collect_commands![
            app_info,
            list_sales,
            get_sale,
            get_sale_draft,
            create_sale,
            update_sale,
            delete_sale,
            list_accounts,
            get_account,
            keyring_status,
            begin_new_account,
            confirm_new_account,
            cancel_new_account,
            import_mnemonic_account,
            import_private_key_account,
            add_watch_only_account,
            derive_next_account,
            rename_account,
            remove_account,
            reveal_account_secret,
            set_sale_archived,
            list_participations,
            get_participation,
            start_participation,
            move_participation,
            set_vesting,
            calendar,
            record_entry,
            get_research,
            set_research,
            record_whitepaper,
            get_settings,
            set_residence_country,
            list_countries,
            set_kyc,
            set_refund_deadline,
            list_budgets,
            add_budget,
            remove_budget,
            list_prices,
            add_price,
            get_price_sources,
            set_price_source_order,
            set_price_api,
            set_price_api_coin,
            refresh_prices,
            preview_price_history,
            import_price_history,
            get_current_budget,
            backup_status,
            create_backup,
            restore_backup,
            preview_csv_import,
            import_csv,
            cancel_csv_import,
            export_csv,
            get_portfolio,
            get_portfolio_charts,
            set_portfolio_currency,
            list_trades,
            record_trade,
            remove_trade,
            list_official_addresses,
            add_official_address,
            list_contacts,
            add_contact,
            remove_contact,
            get_review_policy,
            set_review_policy,
            review_contribution,
            value_contribution,
            open_in_explorer,
            list_hardware_devices,
            list_hardware_addresses,
            verify_hardware_address,
            add_hardware_account,
            override_review,
            list_review_overrides,
            export_data,
            import_data,
            list_networks,
            get_network_draft,
            save_network,
            remove_network,
            check_network,
            get_contract_terms,
            set_contract_terms,
            prepare_contribution,
            prepare_refund,
            send_transaction,
            cancel_signing,
            follow_transaction,
            get_transaction,
            list_transactions,
            abandon_transaction,
            record_distribution,
        ])
        // The form defaults the native coin's symbol from the chain id with the core's table.
        .constant("NATIVE_COIN_SYMBOLS", native_coin_symbols())
        // The override dialog says how long a reason must be before it is sent.
        .constant(
            "OVERRIDE_REASON_MIN",
            saleguard_app::review::OVERRIDE_REASON_MIN,
        )
        .dangerously_cast_bigints_to_number()
        .disable_serde_phases()
}

/// Chain id (as a string, the form's type) → symbol.
fn native_coin_symbols() -> std::collections::BTreeMap<String, &'static str> {
    NATIVE_COIN_SYMBOLS
        .iter()
        .map(|(id, symbol)| (id.to_string(), *symbol))
        .collect()
}

/// How the bindings are written.
pub fn typescript() -> Typescript {
    Typescript::default()
        .header("// Generated from the Rust commands by tauri-specta: do not edit.\n// Regenerate with: UPDATE_BINDINGS=1 cargo test -p saleguard-desktop --test bindings")
}

/// The committed bindings file, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/bindings.ts";

#[derive(Debug, Parser)]
#[command(name = "saleguard-desktop", version, about = "Saleguard desktop app")]
struct DesktopArgs {
    /// Where Saleguard keeps its data (default: the OS application-data directory).
    #[arg(long, env = DATA_DIR_ENV, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Talk to a Speculos Ledger emulator's APDU port instead of a Ledger on USB.
    #[arg(long, env = saleguard_app::chain::devices::SPECULOS_ENV, value_name = "HOST:PORT")]
    ledger_emulator: Option<String>,
    /// Talk to a Trezor emulator's UDP port (the emulator's own is 127.0.0.1:21324).
    #[arg(long, env = saleguard_app::chain::devices::TREZOR_EMULATOR_ENV, value_name = "HOST:PORT")]
    trezor_emulator: Option<String>,
}

/// Starts the desktop app.
pub fn run() {
    let args = DesktopArgs::parse();
    let app = match DataPaths::resolve(args.data_dir) {
        Ok(paths) => {
            if let Err(error) = saleguard_app::init_file_logging(&paths) {
                eprintln!("saleguard: logging is off: {error}");
            }
            let app = Saleguard::start(paths, Arc::new(SystemClock));
            let app = match args.ledger_emulator {
                Some(address) => app.with_ledger_connection(LedgerConnection::Speculos(address)),
                None => app,
            };
            match args.trezor_emulator {
                Some(address) => app.with_trezor_connection(TrezorConnection::Emulator(address)),
                None => app,
            }
        }
        Err(error) => {
            eprintln!("saleguard: {error}");
            std::process::exit(1);
        }
    };
    let ipc = ipc();
    let result = tauri::Builder::default()
        .manage(app)
        .manage(Signings::default())
        .manage(CsvImports::default())
        .invoke_handler(ipc.invoke_handler())
        .setup(|app| {
            resume_watches(app.handle());
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("saleguard: the window could not be started: {error}");
        std::process::exit(1);
    }
}
