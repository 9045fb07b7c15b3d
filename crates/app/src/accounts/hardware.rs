//! Hardware wallets as use cases: the Ledger and Trezor devices connected and where they
//! stand, the addresses a device holds at the usual derivation paths, an address shown
//! on the device for the user to compare, and hardware accounts (public data only: the
//! address, the path and the wallet). Signing with them goes through the same
//! `send_transaction` as software accounts.

use saleguard_chain::Node;
use saleguard_core::Address;
pub use saleguard_core::account::HardwareWallet;
use saleguard_core::account::{AccountKind, DerivationPath, NewAccount, PathScheme, parse_label};
use saleguard_core::address::{checksummed, parse_address};
use saleguard_core::amount::format_amount;
use saleguard_core::network::Network;
use saleguard_hardware::DeviceError;
use serde::{Deserialize, Serialize};

use super::dto;
use super::{FieldCheck, address_problem, label_problem, path_problem, refuse_duplicates, view};
use crate::chain::devices::device_error;
use crate::{AppError, ErrorCode, Saleguard};

/// Most addresses listed at once.
pub const MAX_ADDRESSES_LISTED: u32 = 20;

/// Which addresses of the device to list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HardwareAddressesInput {
    /// `ledger` or `trezor`.
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
pub enum DeviceState {
    /// Unlocked, Ethereum app open (a Ledger), ready to sign.
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
    /// `ledger` or `trezor`.
    pub wallet: String,
    /// How it is reached: "Ledger" (USB), "Ledger emulator at host:port", "Trezor
    /// emulator at host:port".
    pub connection: String,
    /// The model, when the device says ("Trezor Model T").
    pub model: Option<String>,
    /// The name the owner gave it, if any.
    pub label: Option<String>,
    pub state: DeviceState,
    /// The Ethereum app's version (a Ledger), when it is open.
    pub app_version: Option<String>,
    /// The firmware's version (a Trezor).
    pub firmware: Option<String>,
    /// Whether blind signing is enabled in the Ethereum app (a Ledger's contract calls
    /// need it); none for a Trezor, which shows a call's data instead.
    pub blind_signing: Option<bool>,
    /// What to do, in words (empty when ready).
    pub message: String,
}

impl HardwareDeviceView {
    /// A device found ready, before anything else is known of it.
    fn ready(wallet: HardwareWallet, connection: String) -> Self {
        Self {
            wallet: wallet.as_str().to_owned(),
            connection,
            model: None,
            label: None,
            state: DeviceState::Ready,
            app_version: None,
            firmware: None,
            blind_signing: None,
            message: String::new(),
        }
    }
}

/// The wallet as typed.
fn wallet_of(text: &str) -> Result<HardwareWallet, (ErrorCode, String)> {
    HardwareWallet::parse(text.trim()).ok_or((
        ErrorCode::InvalidChoice,
        "choose ledger or trezor".to_owned(),
    ))
}

impl Saleguard {
    /// The hardware wallets connected now, each with its state; none found is an empty
    /// list, not an error.
    pub async fn hardware_devices(&self) -> Result<Vec<HardwareDeviceView>, AppError> {
        let mut found = Vec::new();
        found.extend(self.ledger_view().await?);
        found.extend(self.trezor_view().await);
        Ok(found)
    }

    async fn ledger_view(&self) -> Result<Option<HardwareDeviceView>, AppError> {
        let device = match self.connected_ledger().await {
            Ok(device) => device,
            Err(error) if error.code == ErrorCode::DeviceNotFound => return Ok(None),
            Err(error) => return Err(error),
        };
        let mut view =
            HardwareDeviceView::ready(HardwareWallet::Ledger, device.connection().describe());
        match device.configuration().await {
            Ok(configuration) => {
                let (major, minor, patch) = configuration.version;
                view.app_version = Some(format!("{major}.{minor}.{patch}"));
                view.blind_signing = Some(configuration.blind_signing);
            }
            Err(error) => {
                view.state = match error {
                    DeviceError::Locked => DeviceState::Locked,
                    DeviceError::AppNotOpen => DeviceState::AppNotOpen,
                    DeviceError::Busy | DeviceError::InUse(_) => DeviceState::Busy,
                    DeviceError::Disconnected | DeviceError::NotFound(_) => {
                        self.ledger_device.forget().await;
                        return Ok(None);
                    }
                    _ => DeviceState::Unusable,
                };
                view.message = error.to_string();
            }
        }
        Ok(Some(view))
    }

    /// The Trezor, if one answers: ready, locked (a Trezor One's PIN is typed on the
    /// computer: the message says where to unlock it), busy, or unusable and why.
    async fn trezor_view(&self) -> Option<HardwareDeviceView> {
        let mut view = HardwareDeviceView::ready(
            HardwareWallet::Trezor,
            self.trezor_device.connection.describe(),
        );
        let features = match self.connected_trezor().await {
            Ok(device) => device.features().await.map_err(device_error),
            Err(error) => Err(error),
        };
        match features {
            Ok(features) => {
                let (major, minor, patch) = features.firmware;
                view.model = Some(saleguard_hardware::trezor_model_name(&features.model));
                view.label.clone_from(&features.label);
                view.firmware = Some(format!("{major}.{minor}.{patch}"));
                if let Some(error) = features.unusable() {
                    view.state = DeviceState::Unusable;
                    view.message = error.to_string();
                } else if !features.unlocked {
                    view.state = DeviceState::Locked;
                    view.message = if features.pin_on_computer() {
                        DeviceError::PinOnComputer
                    } else {
                        DeviceError::Locked
                    }
                    .to_string();
                }
            }
            Err(error) => match error.code {
                ErrorCode::DeviceNotFound => return None,
                ErrorCode::DeviceDisconnected => {
                    self.trezor_device.forget().await;
                    return None;
                }
                ErrorCode::DeviceBusy => {
                    view.state = DeviceState::Busy;
                    view.message = error.message;
                }
                _ => {
                    self.forget_device_after(HardwareWallet::Trezor, &error)
                        .await;
                    view.state = DeviceState::Unusable;
                    view.message = error.message;
                }
            },
        }
        Some(view)
    }

    /// The device's addresses at `count` consecutive indexes of a path scheme, each with
    /// the account it already is.
    pub async fn hardware_addresses(
        &self,
        input: &HardwareAddressesInput,
    ) -> Result<Vec<HardwareAddressView>, AppError> {
        let mut fields = FieldCheck::default();
        let wallet = fields.check("wallet", wallet_of(&input.wallet));
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
        let (Some(wallet), Some(paths)) = (wallet, paths) else {
            return Err(AppError::new(ErrorCode::Internal, "input checks disagree"));
        };
        let device = self.device(wallet).await?;
        let mut listed = Vec::with_capacity(paths.len());
        for (index, path) in paths {
            let address = self.device_address(wallet, &device, &path, false).await?;
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
        let wallet = fields.check("wallet", wallet_of(&input.wallet));
        let path = fields.check(
            "path",
            DerivationPath::parse(&input.path).map_err(path_problem),
        );
        fields.finish()?;
        let (Some(wallet), Some(path)) = (wallet, path) else {
            return Err(AppError::new(ErrorCode::Internal, "checks disagree"));
        };
        let device = self.device(wallet).await?;
        let address = self.device_address(wallet, &device, &path, true).await?;
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
        let device = self.device(wallet).await?;
        let on_device = self.device_address(wallet, &device, &path, false).await?;
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
