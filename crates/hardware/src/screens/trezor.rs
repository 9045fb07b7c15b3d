//! A Trezor's screens for an EIP-1559 transaction, per firmware version. Read in
//! github.com/trezor/trezor-firmware at its release tags: `sign_tx_eip1559.py`,
//! `sign_tx.py` and `layout.py` under `core/src/apps/ethereum`, the layouts'
//! `confirm_ethereum_tx` and the strings of `core/translations/en.json` (Model T and the
//! Safe models share them); `legacy/firmware/ethereum.c` for the Model One. The coins
//! the firmware knows by itself are in `data/trezor-networks.tsv`.

use std::sync::OnceLock;

use alloy_primitives::U256;
use saleguard_core::account::HardwareWallet;
use saleguard_core::address::checksummed;

use super::{
    DevicePrompt, DeviceScreen, NetworkTable, Signing, Version, VersionRange, ether, range_of,
};

/// How the firmware walks through a transaction, from one version range to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    /// 2.6.3–2.8.6: a call's data first ("CONFIRM DATA"), then "RECIPIENT" and a
    /// "SUMMARY" of the amount and the most the fees can cost.
    Recipient,
    /// 2.8.7–2.11.1: "Input data", then "Address" (the recipient, or the contract
    /// interacted with), then "Summary".
    Address,
    /// 2.11.2 on: the data screen is titled "Data"; the firmware first tries to
    /// clear-sign a call it knows.
    Data,
}

const fn v(major: u32, minor: u32, patch: u32) -> Version {
    Version::new(major, minor, patch)
}

const RANGES: [VersionRange<Flow>; 3] = [
    VersionRange {
        from: v(2, 6, 3),
        until: Some(v(2, 8, 7)),
        flow: Flow::Recipient,
    },
    VersionRange {
        from: v(2, 8, 7),
        until: Some(v(2, 11, 2)),
        flow: Flow::Address,
    },
    VersionRange {
        from: v(2, 11, 2),
        until: None,
        flow: Flow::Data,
    },
];

/// The newest firmware whose screens were read.
pub(super) const NEWEST_READ: Version = v(2, 12, 4);

fn networks() -> &'static NetworkTable {
    static TABLE: OnceLock<NetworkTable> = OnceLock::new();
    TABLE.get_or_init(|| NetworkTable::parse(include_str!("../../data/trezor-networks.tsv")))
}

/// The Trezor's screens for `signing`, as firmware `firmware` (version, model) shows them.
pub(super) fn prompt(firmware: Option<(Version, &str)>, signing: Signing<'_>) -> DevicePrompt {
    let tx = signing.tx;
    let model_one = firmware.is_some_and(|(_, model)| model == "1");
    let version = firmware.map(|(version, _)| version);
    let software = "Trezor firmware";
    let (range, mut may_differ) = range_of(&RANGES, version, NEWEST_READ, software);
    let shown = version
        .unwrap_or(NEWEST_READ)
        .clamp(range.from, NEWEST_READ);
    let symbol = networks()
        .lookup(tx.chain_id, shown)
        .map(|(symbol, _)| symbol);
    let amount = |wei: U256| coins(wei, symbol.unwrap_or("UNKN"));
    let destination = tx.to.to().map(checksummed).unwrap_or_default();
    let call = !tx.input.is_empty();
    let data_size = format!("Size: {} bytes", tx.input.len());
    let mut notes = Vec::new();
    let mut screens = Vec::new();
    let screens_of = if model_one {
        may_differ = Some(
            "The Model One's screens were not read version by version: it shows Send (amount) to (address), the data, then the fees per gas and the most they can cost. Compare the amount, the address and the data.".to_owned(),
        );
        screens.push(DeviceScreen::new(
            "Send",
            format!("{} to {destination}", legacy_coins(tx.value, symbol)),
        ));
        if call {
            screens.push(DeviceScreen::new(
                format!("Transaction data: {data_size}"),
                tx.input.to_string(),
            ));
        }
        screens.push(DeviceScreen::new(
            "Confirm fee: Maximum fee",
            legacy_coins(signing.max_fee_wei, symbol),
        ));
        "a Trezor Model One".to_owned()
    } else {
        let flow = range.flow;
        if call {
            let title = match flow {
                Flow::Recipient => "CONFIRM DATA",
                Flow::Address => "Input data",
                Flow::Data => "Data",
            };
            screens.push(DeviceScreen::new(
                format!("{title}: {data_size}"),
                tx.input.to_string(),
            ));
        }
        let (address_title, summary) = match flow {
            Flow::Recipient => ("RECIPIENT".to_owned(), "SUMMARY"),
            Flow::Address | Flow::Data if call => {
                ("Address: Interaction contract".to_owned(), "Summary")
            }
            Flow::Address | Flow::Data => ("Address: Recipient".to_owned(), "Summary"),
        };
        screens.push(DeviceScreen::new(address_title, destination));
        screens.push(DeviceScreen::new(
            format!("{summary}: Amount"),
            amount(tx.value),
        ));
        screens.push(DeviceScreen::new(
            format!("{summary}: Maximum fee"),
            amount(signing.max_fee_wei),
        ));
        notes
            .push("The summary's info button shows the gas limit and the fees per gas.".to_owned());
        if flow == Flow::Data && call {
            notes.push("This firmware first tries to recognise a call it can show in words; Saleguard's calls it shows as data.".to_owned());
        }
        format!("Trezor firmware {}", range.describe())
    };
    DevicePrompt {
        wallet: HardwareWallet::Trezor.name().to_owned(),
        blind_signing: false,
        shows_hash: false,
        shows_raw_data: call,
        unknown_network_coin: symbol.is_none().then(|| signing.coin.to_owned()),
        software: firmware
            .map(|(version, model)| format!("{} firmware {version}", model_name(model))),
        screens_of,
        may_differ,
        notes,
        screens,
    }
}

/// A Trezor's model in words, from what its features say ("T" → "Trezor Model T").
pub fn model_name(model: &str) -> String {
    match model {
        "1" => "Trezor Model One".to_owned(),
        "T" => "Trezor Model T".to_owned(),
        other if other.starts_with("Safe") => format!("Trezor {other}"),
        other => format!("Trezor ({other})"),
    }
}

/// An amount as the core firmware writes it (`format_ethereum_amount`): under 10⁹ wei in
/// wei ("21 Wei ETH"), else in the coin, thousands grouped with commas ("1,250.5 ETH").
fn coins(wei: U256, symbol: &str) -> String {
    if wei < U256::from(1_000_000_000u64) {
        format!("{} Wei {symbol}", group_thousands(&wei.to_string()))
    } else {
        format!("{} {symbol}", group_thousands(&ether(wei)))
    }
}

/// An amount as the Model One writes it: under 10⁹ wei in wei ("21 Wei"), else in the
/// coin.
fn legacy_coins(wei: U256, symbol: Option<&str>) -> String {
    if wei < U256::from(1_000_000_000u64) {
        format!("{} Wei", group_thousands(&wei.to_string()))
    } else {
        format!(
            "{} {}",
            group_thousands(&ether(wei)),
            symbol.unwrap_or("UNKN")
        )
    }
}

/// "1234567.5" → "1,234,567.5".
fn group_thousands(number: &str) -> String {
    let (whole, fraction) = number
        .split_once('.')
        .map_or((number, None), |(w, f)| (w, Some(f)));
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match fraction {
        Some(fraction) => format!("{grouped}.{fraction}"),
        None => grouped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_as_the_firmware_writes_them() {
        assert_eq!(coins(U256::ZERO, "ETH"), "0 Wei ETH");
        assert_eq!(
            coins(U256::from(999_999_999u64), "ETH"),
            "999,999,999 Wei ETH"
        );
        assert_eq!(
            coins(U256::from(1_000_000_000u64), "tSEP"),
            "0.000000001 tSEP"
        );
        let many = U256::from(1_234_567_500_000_000_000_000_000u128);
        assert_eq!(coins(many, "ETH"), "1,234,567.5 ETH");
        assert_eq!(group_thousands("100"), "100");
        assert_eq!(group_thousands("1000"), "1,000");
    }

    #[test]
    fn the_coin_table_follows_the_firmware_versions() {
        let table = networks();
        assert_eq!(table.lookup(11_155_111, v(2, 8, 1)), None);
        assert_eq!(
            table.lookup(11_155_111, v(2, 8, 3)),
            Some(("tSEP", "Sepolia"))
        );
        assert_eq!(table.lookup(137, v(2, 7, 0)), Some(("MATIC", "Polygon")));
        assert_eq!(table.lookup(137, NEWEST_READ), Some(("POL", "Polygon")));
        assert_eq!(
            table.lookup(17_000, v(2, 9, 4)),
            None,
            "Holesky left in 2.9.4"
        );
        for pair in RANGES.windows(2) {
            assert_eq!(pair[0].until, Some(pair[1].from));
        }
    }
}
