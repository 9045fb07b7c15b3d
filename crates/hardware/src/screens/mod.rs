//! What a hardware wallet's screens show for a transaction before the user confirms
//! it, screen by screen, as the version of its software shows them — so the review can
//! show the same and the user can compare. Saleguard gives a device no metadata to
//! decode a call: a Ledger asks for blind signing, a Trezor shows the raw data.
//!
//! Each version range below was read in the software's published source at its release
//! tags (`docs/device-screens.md` cites file and tag for each); a version outside them,
//! or a device that did not say its version, gets the nearest range's screens and a
//! warning that they may differ.

mod ledger;
mod trezor;

pub use trezor::model_name as trezor_model_name;

use std::fmt;

use alloy_consensus::TxEip1559;
use alloy_primitives::{Address, U256};
use saleguard_core::account::HardwareWallet;

/// A version as devices report them: the Ledger Ethereum app's, a Trezor's firmware.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    pub major: u32,
    pub minor: u32,
    pub patch: u32,
}

impl Version {
    pub const fn new(major: u32, minor: u32, patch: u32) -> Self {
        Self {
            major,
            minor,
            patch,
        }
    }

    /// "1.14.0" → 1.14.0; anything else is not a version.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('.').map(str::parse::<u32>);
        let version = Self::new(
            parts.next()?.ok()?,
            parts.next()?.ok()?,
            parts.next()?.ok()?,
        );
        parts.next().is_none().then_some(version)
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// The software on the device that draws its screens, as the device reported it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeviceSoftware {
    /// The Ledger's Ethereum app.
    LedgerEthereumApp(Version),
    /// A Trezor's firmware, with the model its features name ("1", "T", "Safe 3", …).
    TrezorFirmware { version: Version, model: String },
}

/// A transaction as the device receives it, and what the review knows beside it.
#[derive(Debug, Clone, Copy)]
pub struct Signing<'a> {
    pub tx: &'a TxEip1559,
    /// The account signing: the device derives it from the path it is given.
    pub from: Address,
    /// The most the fees can cost (max fee per gas × gas limit), in wei.
    pub max_fee_wei: U256,
    /// The network's coin as the review names it ("ETH"), for a device that does not.
    pub coin: &'a str,
}

/// What `wallet` will show for `signing`, as the version in `software` shows it (none:
/// the device did not say, and the newest screens known are shown with a warning).
pub fn device_prompt(
    wallet: HardwareWallet,
    software: Option<&DeviceSoftware>,
    signing: Signing<'_>,
) -> DevicePrompt {
    match (wallet, software) {
        (HardwareWallet::Ledger, Some(DeviceSoftware::LedgerEthereumApp(version))) => {
            ledger::prompt(Some(*version), signing)
        }
        (HardwareWallet::Ledger, _) => ledger::prompt(None, signing),
        (HardwareWallet::Trezor, Some(DeviceSoftware::TrezorFirmware { version, model })) => {
            trezor::prompt(Some((*version, model.as_str())), signing)
        }
        (HardwareWallet::Trezor, _) => trezor::prompt(None, signing),
    }
}

/// What a hardware wallet shows before the user confirms a transaction.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DevicePrompt {
    /// "Ledger" or "Trezor".
    pub wallet: String,
    /// The device cannot read the call and asks for blind signing: it must be enabled
    /// in the Ethereum app's settings (a Ledger).
    pub blind_signing: bool,
    /// The device shows the transaction's hash, for the user to compare with the one
    /// the review shows (a Ledger's Ethereum app from 1.14.0, for a blind-signed call).
    pub shows_hash: bool,
    /// The device cannot read the call and shows its raw data for the user to compare
    /// (a Trezor).
    pub shows_raw_data: bool,
    /// The network's coin ("ETH") when the device does not know the network and does
    /// not name the coin on its screens ("UNKN" on a Trezor, "???" on a Ledger).
    pub unknown_network_coin: Option<String>,
    /// The device's software as it reported it ("Ethereum app 1.14.0"); none when it
    /// could not be asked.
    pub software: Option<String>,
    /// Whose screens these are: the version range they were read for.
    pub screens_of: String,
    /// Why the device's screens may differ from these (a version not read, a device
    /// that could not be asked); none when they are the device's own.
    pub may_differ: Option<String>,
    /// What else to know about these screens.
    pub notes: Vec<String>,
    /// The device's screens, in order, as label and value.
    pub screens: Vec<DeviceScreen>,
}

/// One screen: its title or label, and what it shows beside it (empty for a screen
/// that is only words).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DeviceScreen {
    pub label: String,
    pub value: String,
}

impl DeviceScreen {
    fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            value: value.into(),
        }
    }

    fn words(label: impl Into<String>) -> Self {
        Self::new(label, "")
    }
}

/// A range of versions that show the same screens: `from` up to, not including, `until`
/// (none: up to the newest version read).
#[derive(Debug, Clone, Copy)]
struct VersionRange<Flow> {
    from: Version,
    until: Option<Version>,
    flow: Flow,
}

impl<Flow: Copy> VersionRange<Flow> {
    fn contains(&self, version: Version) -> bool {
        self.from <= version && self.until.is_none_or(|until| version < until)
    }

    /// "1.14.0 to 1.17.x", "1.9.5 to 1.9.7", "1.9.8", "from 1.18.0".
    fn describe(&self) -> String {
        let Some(until) = self.until else {
            return format!("from {}", self.from);
        };
        let last = match (until.minor, until.patch) {
            (0, 0) => format!("{}.x", until.major - 1),
            (minor, 0) => format!("{}.{}.x", until.major, minor - 1),
            (minor, patch) => Version::new(until.major, minor, patch - 1).to_string(),
        };
        if last == self.from.to_string() {
            last
        } else {
            format!("{} to {last}", self.from)
        }
    }
}

/// Where `version` falls in `ranges` (ordered, contiguous), and why the screens may
/// differ when it falls outside them: older than the first, newer than `newest_read`.
fn range_of<Flow: Copy>(
    ranges: &[VersionRange<Flow>],
    version: Option<Version>,
    newest_read: Version,
    software: &str,
) -> (VersionRange<Flow>, Option<String>) {
    let first = ranges[0];
    let last = ranges[ranges.len() - 1];
    match version {
        None => (
            last,
            Some(format!(
                "The device could not be asked which {software} version it has: these are the screens of {software} {newest_read}, the newest read; connect and unlock it (review again) to see its own."
            )),
        ),
        Some(version) if version < first.from => (
            first,
            Some(format!(
                "{software} {version} is older than any version whose screens were read ({}): the screens may differ. Updating it is safer.",
                first.from
            )),
        ),
        Some(version) if version > newest_read && last.contains(version) => (
            last,
            Some(format!(
                "{software} {version} is newer than {newest_read}, the newest whose screens were read: they may differ."
            )),
        ),
        Some(version) => (
            ranges
                .iter()
                .copied()
                .find(|range| range.contains(version))
                .unwrap_or(last),
            None,
        ),
    }
}

/// A table of networks a device's software knows, read from a data file: lines of
/// tab-separated `chain_id`, two words, `from` and `until` versions; `#` lines are
/// comments.
struct NetworkTable {
    rows: Vec<NetworkRow>,
}

struct NetworkRow {
    chain_id: u64,
    first: &'static str,
    second: &'static str,
    versions: VersionRange<()>,
}

impl NetworkTable {
    fn parse(text: &'static str) -> Self {
        let rows = text
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .map(|line| {
                let fields: Vec<&str> = line.split('\t').collect();
                let [chain_id, first, second, from, until] = fields[..] else {
                    panic!("a network table line has five fields: {line}");
                };
                NetworkRow {
                    chain_id: chain_id.parse().expect("a chain ID"),
                    first,
                    second,
                    versions: VersionRange {
                        from: Version::parse(from).expect("a version"),
                        until: (!until.is_empty())
                            .then(|| Version::parse(until).expect("a version")),
                        flow: (),
                    },
                }
            })
            .collect();
        Self { rows }
    }

    /// The two words the table gives `chain_id` in `version`, if it knows it then.
    fn lookup(&self, chain_id: u64, version: Version) -> Option<(&'static str, &'static str)> {
        self.rows
            .iter()
            .find(|row| row.chain_id == chain_id && row.versions.contains(version))
            .map(|row| (row.first, row.second))
    }
}

/// `wei` in ether, as both vendors' firmware writes it: no trailing zeros, no point
/// for a whole number.
fn ether(wei: U256) -> String {
    saleguard_core::amount::format_amount(wei, 18)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_read_and_order_as_devices_number_them() {
        let version = Version::parse("1.14.0").expect("a version");
        assert_eq!(version, Version::new(1, 14, 0));
        assert_eq!(version.to_string(), "1.14.0");
        assert!(Version::new(1, 9, 20) < Version::new(1, 10, 0));
        for not_a_version in ["", "1.14", "1.14.0.1", "1.x.0", "-1.2.3", "1..2"] {
            assert_eq!(Version::parse(not_a_version), None, "{not_a_version:?}");
        }
    }

    #[test]
    fn a_range_says_which_versions_it_covers() {
        let range = |from, until| VersionRange {
            from,
            until,
            flow: (),
        };
        let hash_first = range(Version::new(1, 14, 0), Some(Version::new(1, 18, 0)));
        assert_eq!(hash_first.describe(), "1.14.0 to 1.17.x");
        assert!(hash_first.contains(Version::new(1, 17, 9)));
        assert!(!hash_first.contains(Version::new(1, 18, 0)));
        let one_patch = range(Version::new(1, 9, 8), Some(Version::new(1, 9, 9)));
        assert_eq!(one_patch.describe(), "1.9.8");
        let patches = range(Version::new(2, 6, 3), Some(Version::new(2, 8, 7)));
        assert_eq!(patches.describe(), "2.6.3 to 2.8.6");
        assert_eq!(
            range(Version::new(1, 18, 0), None).describe(),
            "from 1.18.0"
        );
    }
}
