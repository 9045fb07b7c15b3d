//! The hardware wallets Saleguard signs with: each connected device is kept between
//! calls (a prompt still on a device keeps its connection busy, and a new connection
//! would read that prompt's answer as its own) and forgotten when it went away.

use std::future::Future;
use std::sync::Arc;

use saleguard_core::Address;
use saleguard_core::account::{DerivationPath, HardwareWallet};
use saleguard_hardware::{
    DeviceError, DeviceSoftware, LedgerDevice, Timeouts, TrezorDevice, Version,
};

pub use saleguard_hardware::{
    LedgerConnection, SPECULOS_ENV, TREZOR_EMULATOR_ENV, TrezorConnection,
};

use crate::{AppError, ErrorCode, Saleguard};

/// How long a plan waits for a device to say which software it runs.
const ASKING_FOR_SOFTWARE: std::time::Duration = std::time::Duration::from_secs(3);

/// A device's refusal as the app's error: each its own code, the message says what to do.
pub(crate) fn device_error(error: DeviceError) -> AppError {
    AppError::new(device_error_code(&error), error.to_string())
}

/// A device's refusal to sign as the app's error: as [`device_error`], saying that
/// nothing was signed when the device was asked and did not sign.
pub(crate) fn signing_device_error(error: DeviceError) -> AppError {
    AppError::new(device_error_code(&error), error.when_signing())
}

fn device_error_code(error: &DeviceError) -> ErrorCode {
    match error {
        DeviceError::NotFound(_) => ErrorCode::DeviceNotFound,
        DeviceError::Locked | DeviceError::PinOnComputer => ErrorCode::DeviceLocked,
        DeviceError::AppNotOpen => ErrorCode::DeviceAppNotOpen,
        DeviceError::BlindSigningDisabled => ErrorCode::BlindSigningDisabled,
        DeviceError::Rejected => ErrorCode::DeviceRejected,
        DeviceError::TimedOut(_) => ErrorCode::DeviceTimeout,
        DeviceError::Disconnected => ErrorCode::DeviceDisconnected,
        DeviceError::Busy | DeviceError::InUse(_) => ErrorCode::DeviceBusy,
        DeviceError::Malformed(_) => ErrorCode::DeviceMalformed,
        DeviceError::Refused(_) => ErrorCode::DeviceRefused,
    }
}

/// A connected device, reused between calls: a prompt still on the device keeps its
/// connection busy, and a new connection would read that prompt's answer as its own.
#[derive(Debug)]
pub(crate) struct DeviceSlot<Connection, Device> {
    pub(crate) connection: Connection,
    device: tokio::sync::Mutex<Option<Arc<Device>>>,
}

impl<Connection: Clone, Device> DeviceSlot<Connection, Device> {
    pub(crate) fn new(connection: Connection) -> Self {
        Self {
            connection,
            device: tokio::sync::Mutex::new(None),
        }
    }

    /// The device, connecting with `connect` if need be.
    async fn get<Connecting>(
        &self,
        connect: impl FnOnce(Connection) -> Connecting,
    ) -> Result<Arc<Device>, AppError>
    where
        Connecting: Future<Output = Result<Device, DeviceError>>,
    {
        let mut slot = self.device.lock().await;
        if let Some(device) = slot.as_ref() {
            return Ok(Arc::clone(device));
        }
        let device = connect(self.connection.clone())
            .await
            .map(Arc::new)
            .map_err(device_error)?;
        *slot = Some(Arc::clone(&device));
        Ok(device)
    }

    pub(crate) async fn forget(&self) {
        *self.device.lock().await = None;
    }
}

/// A connected device of either kind.
#[derive(Debug, Clone)]
pub(crate) enum Device {
    Ledger(Arc<LedgerDevice>),
    Trezor(Arc<TrezorDevice>),
}

impl Device {
    pub(crate) async fn address(
        &self,
        path: &DerivationPath,
        show_on_device: bool,
    ) -> Result<Address, DeviceError> {
        match self {
            Self::Ledger(device) => device.address(path, show_on_device).await,
            Self::Trezor(device) => device.address(path, show_on_device).await,
        }
    }
}

impl Saleguard {
    /// Talks to a Speculos emulator (or a simulator) instead of a Ledger on USB.
    pub fn with_ledger_connection(mut self, connection: LedgerConnection) -> Self {
        self.ledger_device = DeviceSlot::new(connection);
        self
    }

    /// Talks to a Trezor emulator (or a simulator).
    pub fn with_trezor_connection(mut self, connection: TrezorConnection) -> Self {
        self.trezor_device = DeviceSlot::new(connection);
        self
    }

    /// The connected Ledger, connecting if need be.
    pub(crate) async fn connected_ledger(&self) -> Result<Arc<LedgerDevice>, AppError> {
        self.ledger_device
            .get(|connection| LedgerDevice::connect(connection, Timeouts::default()))
            .await
    }

    /// The connected Trezor, connecting if need be.
    pub(crate) async fn connected_trezor(&self) -> Result<Arc<TrezorDevice>, AppError> {
        self.trezor_device
            .get(|connection| TrezorDevice::connect(connection, Timeouts::default()))
            .await
    }

    /// The software drawing `wallet`'s screens, as the device reports it; none for an
    /// account without a device, or when the device cannot be asked within a few
    /// seconds (not connected, locked, busy elsewhere): the preview of its screens then
    /// says they may differ.
    pub(crate) async fn device_software(
        &self,
        wallet: Option<HardwareWallet>,
    ) -> Option<DeviceSoftware> {
        let asking = async {
            match wallet? {
                HardwareWallet::Ledger => {
                    let device = self.connected_ledger().await.ok()?;
                    let (major, minor, patch) = device.configuration().await.ok()?.version;
                    Some(DeviceSoftware::LedgerEthereumApp(Version::new(
                        major.into(),
                        minor.into(),
                        patch.into(),
                    )))
                }
                HardwareWallet::Trezor => {
                    let features = self.connected_trezor().await.ok()?.features().await.ok()?;
                    let (major, minor, patch) = features.firmware;
                    Some(DeviceSoftware::TrezorFirmware {
                        version: Version::new(major, minor, patch),
                        model: features.model.clone(),
                    })
                }
            }
        };
        tokio::time::timeout(ASKING_FOR_SOFTWARE, asking)
            .await
            .ok()
            .flatten()
    }

    pub(crate) async fn device(&self, wallet: HardwareWallet) -> Result<Device, AppError> {
        Ok(match wallet {
            HardwareWallet::Ledger => Device::Ledger(self.connected_ledger().await?),
            HardwareWallet::Trezor => Device::Trezor(self.connected_trezor().await?),
        })
    }

    /// Forgets a device that went away (or answered garbage), so the next call connects
    /// again.
    pub(crate) async fn forget_device_after(&self, wallet: HardwareWallet, error: &AppError) {
        if matches!(
            error.code,
            ErrorCode::DeviceDisconnected | ErrorCode::DeviceMalformed
        ) {
            match wallet {
                HardwareWallet::Ledger => self.ledger_device.forget().await,
                HardwareWallet::Trezor => self.trezor_device.forget().await,
            }
        }
    }

    /// The address at `path` on a connected device (shown on it with `show_on_device`),
    /// a refusal as the app's error.
    pub(crate) async fn device_address(
        &self,
        wallet: HardwareWallet,
        device: &Device,
        path: &DerivationPath,
        show_on_device: bool,
    ) -> Result<Address, AppError> {
        match device.address(path, show_on_device).await {
            Ok(address) => Ok(address),
            Err(error) => {
                let error = device_error(error);
                self.forget_device_after(wallet, &error).await;
                Err(error)
            }
        }
    }
}
