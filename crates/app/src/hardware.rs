//! Hardware wallets as use cases: the addresses a connected Ledger holds at the usual
//! derivation paths, an address shown on the device for the user to compare, and
//! hardware accounts (public data only: the address, the path and the wallet). Signing
//! with them goes through the same `send_transaction` as software accounts.

use std::sync::Arc;

use saleguard_chain::Node;
use saleguard_core::Address;
use saleguard_core::account::{
    AccountKind, DerivationPath, HardwareWallet, NewAccount, PathScheme, parse_label,
};
use saleguard_core::address::{checksummed, parse_address};
use saleguard_core::amount::format_amount;
use saleguard_core::network::Network;
use saleguard_hardware::ledger::Timeouts;
use saleguard_hardware::{DeviceError, LedgerDevice};
use serde::{Deserialize, Serialize};

use crate::accounts::{
    FieldCheck, address_problem, label_problem, path_problem, refuse_duplicates, view,
};
use crate::{AppError, ErrorCode, Saleguard, accounts_dto as dto};

/// Most addresses listed at once.
pub const MAX_ADDRESSES_LISTED: u32 = 20;

pub use saleguard_hardware::{LedgerConnection, SPECULOS_ENV};

/// Which addresses of the device to list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HardwareAddressesInput {
    /// `ledger` (Trezor support is still to come).
    pub wallet: String,
    /// `ledger_live`, `legacy` or `bip44`.
    pub scheme: String,
    /// The first index, from 0.
    pub start: u32,
    /// How many, 1 to 20.
    pub count: u32,
}

/// One address of the device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HardwareAddressView {
    pub index: u32,
    pub path: String,
    pub address: String,
    /// The account it already is, if any.
    pub account_id: Option<i64>,
    /// What it holds on each network with a node, in its coin ("1.5 ETH").
    pub balances: Vec<AddressBalanceView>,
}

/// An address's coins on one network; none when the node could not say (the listing
/// does not wait on a node that is down).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AddressBalanceView {
    pub chain_id: u64,
    pub network: String,
    pub balance: Option<String>,
}

/// An address at a path, to show on the device or to add as an account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HardwarePathInput {
    pub wallet: String,
    pub path: String,
}

/// A hardware account to add: the address the user saw listed (the device is asked
/// again, and must agree).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AddHardwareAccount {
    pub label: String,
    pub wallet: String,
    pub path: String,
    pub address: String,
}

/// Where a connected device stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum DeviceStateName {
    /// Unlocked, Ethereum app open.
    Ready,
    Locked,
    AppNotOpen,
    /// Busy with an earlier request (a prompt on its screen).
    Busy,
    /// It answered something else; the message says what.
    Unusable,
}

/// A hardware wallet Saleguard found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HardwareDeviceView {
    /// `ledger`.
    pub wallet: String,
    /// How it is reached: "Ledger" (USB) or "Ledger emulator at host:port".
    pub connection: String,
    pub state: DeviceStateName,
    /// The Ethereum app's version, when it is open.
    pub app_version: Option<String>,
    /// Whether blind signing is enabled in the Ethereum app (contract calls need it).
    pub blind_signing: Option<bool>,
    /// What to do, in words (empty when ready).
    pub message: String,
}

/// The wallet as typed: only Ledger is connected so far.
fn wallet_of(text: &str) -> Result<HardwareWallet, (ErrorCode, String)> {
    match HardwareWallet::parse(text.trim()) {
        Some(HardwareWallet::Ledger) => Ok(HardwareWallet::Ledger),
        Some(HardwareWallet::Trezor) => Err((
            ErrorCode::InvalidChoice,
            "Trezor is not supported yet: only Ledger for now".to_owned(),
        )),
        None => Err((
            ErrorCode::InvalidChoice,
            "choose ledger (Trezor support is still to come)".to_owned(),
        )),
    }
}

/// A device's refusal as the app's error: each its own code, the message says what to do.
pub(crate) fn device_error(error: DeviceError) -> AppError {
    let code = match &error {
        DeviceError::NotFound(_) => ErrorCode::DeviceNotFound,
        DeviceError::Locked => ErrorCode::DeviceLocked,
        DeviceError::AppNotOpen => ErrorCode::DeviceAppNotOpen,
        DeviceError::BlindSigningDisabled => ErrorCode::BlindSigningDisabled,
        DeviceError::Rejected => ErrorCode::DeviceRejected,
        DeviceError::TimedOut(_) => ErrorCode::DeviceTimeout,
        DeviceError::Disconnected => ErrorCode::DeviceDisconnected,
        DeviceError::Busy => ErrorCode::DeviceBusy,
        DeviceError::Malformed(_) => ErrorCode::DeviceMalformed,
        DeviceError::Refused(_) => ErrorCode::DeviceRefused,
    };
    AppError::new(code, error.to_string())
}

/// The connected Ledger, reused between calls: a prompt still on the device keeps its
/// connection busy, and a new connection would read that prompt's answer as its own.
#[derive(Debug)]
pub(crate) struct LedgerSlot {
    connection: LedgerConnection,
    device: tokio::sync::Mutex<Option<Arc<LedgerDevice>>>,
}

impl LedgerSlot {
    pub(crate) fn new(connection: LedgerConnection) -> Self {
        Self {
            connection,
            device: tokio::sync::Mutex::new(None),
        }
    }
}

impl Saleguard {
    /// Talks to a Speculos emulator (or a simulator) instead of a Ledger on USB.
    pub fn with_ledger_connection(mut self, connection: LedgerConnection) -> Self {
        self.ledger = LedgerSlot::new(connection);
        self
    }

    /// The connected Ledger, connecting if need be.
    pub(crate) async fn ledger(&self) -> Result<Arc<LedgerDevice>, AppError> {
        let mut slot = self.ledger.device.lock().await;
        if let Some(device) = slot.as_ref() {
            return Ok(Arc::clone(device));
        }
        let device = LedgerDevice::connect(self.ledger.connection.clone(), Timeouts::default())
            .await
            .map(Arc::new)
            .map_err(device_error)?;
        *slot = Some(Arc::clone(&device));
        Ok(device)
    }

    /// Forgets a device that went away (or answered garbage), so the next call connects
    /// again.
    pub(crate) async fn forget_ledger_after(&self, error: &AppError) {
        if matches!(
            error.code,
            ErrorCode::DeviceDisconnected | ErrorCode::DeviceMalformed
        ) {
            *self.ledger.device.lock().await = None;
        }
    }

    /// The address at `path` on the connected Ledger (shown on it with
    /// `show_on_device`), a refusal as the app's error.
    async fn ledger_address(
        &self,
        device: &LedgerDevice,
        path: &DerivationPath,
        show_on_device: bool,
    ) -> Result<Address, AppError> {
        match device.address(path, show_on_device).await {
            Ok(address) => Ok(address),
            Err(error) => {
                let error = device_error(error);
                self.forget_ledger_after(&error).await;
                Err(error)
            }
        }
    }

    /// The hardware wallets connected now, each with its state; none found is an empty
    /// list, not an error.
    pub async fn hardware_devices(&self) -> Result<Vec<HardwareDeviceView>, AppError> {
        let device = match self.ledger().await {
            Ok(device) => device,
            Err(error) if error.code == ErrorCode::DeviceNotFound => return Ok(Vec::new()),
            Err(error) => return Err(error),
        };
        let mut view = HardwareDeviceView {
            wallet: HardwareWallet::Ledger.as_str().to_owned(),
            connection: device.connection().describe(),
            state: DeviceStateName::Ready,
            app_version: None,
            blind_signing: None,
            message: String::new(),
        };
        match device.configuration().await {
            Ok(configuration) => {
                let (major, minor, patch) = configuration.version;
                view.app_version = Some(format!("{major}.{minor}.{patch}"));
                view.blind_signing = Some(configuration.blind_signing);
            }
            Err(error) => {
                view.state = match error {
                    DeviceError::Locked => DeviceStateName::Locked,
                    DeviceError::AppNotOpen => DeviceStateName::AppNotOpen,
                    DeviceError::Busy => DeviceStateName::Busy,
                    DeviceError::Disconnected | DeviceError::NotFound(_) => {
                        *self.ledger.device.lock().await = None;
                        return Ok(Vec::new());
                    }
                    _ => DeviceStateName::Unusable,
                };
                view.message = error.to_string();
            }
        }
        Ok(vec![view])
    }

    /// The device's addresses at `count` consecutive indexes of a path scheme, each with
    /// the account it already is.
    pub async fn hardware_addresses(
        &self,
        input: &HardwareAddressesInput,
    ) -> Result<Vec<HardwareAddressView>, AppError> {
        let mut fields = FieldCheck::default();
        fields.check("wallet", wallet_of(&input.wallet));
        let scheme = fields.check(
            "scheme",
            PathScheme::parse(input.scheme.trim()).ok_or((
                ErrorCode::InvalidChoice,
                "choose ledger_live, legacy or bip44".to_owned(),
            )),
        );
        let count = fields.check(
            "count",
            Some(input.count)
                .filter(|count| (1..=MAX_ADDRESSES_LISTED).contains(count))
                .ok_or((
                    ErrorCode::InvalidValue,
                    format!("list 1 to {MAX_ADDRESSES_LISTED} addresses at a time"),
                )),
        );
        let paths = match (scheme, count) {
            (Some(scheme), Some(count)) => fields.check(
                "start",
                (input.start..input.start.saturating_add(count))
                    .map(|index| scheme.path(index).map(|path| (index, path)))
                    .collect::<Option<Vec<_>>>()
                    .ok_or((
                        ErrorCode::InvalidValue,
                        "no address lies that far along".to_owned(),
                    )),
            ),
            _ => None,
        };
        fields.finish()?;
        let paths = paths.unwrap_or_default();
        let device = self.ledger().await?;
        let mut listed = Vec::with_capacity(paths.len());
        for (index, path) in paths {
            let address = self.ledger_address(&device, &path, false).await?;
            listed.push((index, path, address));
        }
        let addresses: Vec<_> = listed.iter().map(|(_, _, address)| *address).collect();
        let mut balances = self.balances_of(&addresses).await;
        let store = self.store()?;
        listed
            .into_iter()
            .enumerate()
            .map(|(position, (index, path, address))| {
                Ok(HardwareAddressView {
                    index,
                    path: path.to_string(),
                    address: checksummed(&address),
                    account_id: store.account_with_address(&address)?.map(|a| a.id.0),
                    balances: balances
                        .iter_mut()
                        .map(|(network, values)| AddressBalanceView {
                            chain_id: network.chain_id,
                            network: network.name.clone(),
                            balance: values.get_mut(position).and_then(Option::take),
                        })
                        .collect(),
                })
            })
            .collect()
    }

    /// Each address's coins on every network with a node, in words; a node that cannot
    /// be reached (or a URL the keyring no longer has) gives none, and is logged.
    async fn balances_of(&self, addresses: &[Address]) -> Vec<(Network, Vec<Option<String>>)> {
        let networks = match self.store().and_then(|store| Ok(store.networks()?)) {
            Ok(networks) => networks,
            Err(_) => return Vec::new(),
        };
        let mut found = Vec::new();
        for saved in networks.into_iter().filter(|n| n.rpc_url.is_some()) {
            let mut values = vec![None; addresses.len()];
            let connected = match self.configured_network(saved.chain_id).await {
                Ok(network) => Node::connect(&network).await.map_err(AppError::from),
                Err(error) => Err(error),
            };
            match connected {
                Ok(node) => {
                    for (value, address) in values.iter_mut().zip(addresses) {
                        *value = node.balance(*address).await.ok().map(|wei| {
                            format!(
                                "{} {}",
                                format_amount(wei, saved.native_decimals),
                                saved.native_symbol
                            )
                        });
                    }
                }
                Err(error) => {
                    tracing::info!(chain_id = saved.chain_id, code = ?error.code, "no balances from this network");
                }
            }
            found.push((saved, values));
        }
        found
    }

    /// Shows the address at `path` on the device, for the user to compare with the one
    /// on screen; returns it once they confirm there.
    pub async fn verify_hardware_address(
        &self,
        input: &HardwarePathInput,
    ) -> Result<String, AppError> {
        let mut fields = FieldCheck::default();
        fields.check("wallet", wallet_of(&input.wallet));
        let path = fields.check(
            "path",
            DerivationPath::parse(&input.path).map_err(path_problem),
        );
        fields.finish()?;
        let path = path.ok_or_else(|| AppError::new(ErrorCode::Internal, "checks disagree"))?;
        let device = self.ledger().await?;
        let address = self.ledger_address(&device, &path, true).await?;
        Ok(checksummed(&address))
    }

    /// Adds the device's address at a path as an account. The device is asked again and
    /// must give the address the user chose; nothing secret is stored.
    pub async fn add_hardware_account(
        &self,
        input: &AddHardwareAccount,
    ) -> Result<dto::Account, AppError> {
        let mut fields = FieldCheck::default();
        let wallet = fields.check("wallet", wallet_of(&input.wallet));
        let path = fields.check(
            "path",
            DerivationPath::parse(&input.path).map_err(path_problem),
        );
        let address = fields.check(
            "address",
            parse_address(&input.address).map_err(address_problem),
        );
        let label = fields.check("label", parse_label(&input.label).map_err(label_problem));
        fields.finish()?;
        let (Some(wallet), Some(path), Some(address), Some(label)) = (wallet, path, address, label)
        else {
            return Err(AppError::new(ErrorCode::Internal, "input checks disagree"));
        };
        refuse_duplicates(&*self.store()?, &label, &address, "address")?;
        let device = self.ledger().await?;
        let on_device = self.ledger_address(&device, &path, false).await?;
        if on_device != address {
            return Err(AppError::at_field(
                "address",
                ErrorCode::DeviceAddressMismatch,
                format!(
                    "the device holds {} at {path}, not this address: is it the same device (and passphrase)?",
                    checksummed(&on_device)
                ),
            ));
        }
        let _one_change_at_a_time = self.account_changes();
        let mut store = self.store()?;
        refuse_duplicates(&store, &label, &address, "address")?;
        let account = store.insert_hardware_account(
            &NewAccount {
                label,
                kind: AccountKind::Hardware,
                address,
                derivation_path: Some(path),
                secret_reference: None,
            },
            wallet,
            self.clock.now(),
        )?;
        tracing::info!(id = account.id.0, "hardware account added");
        view(&store, &account)
    }
}
