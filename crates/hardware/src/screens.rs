//! What a hardware wallet's screens show for a transaction before the user confirms
//! it, screen by screen, as the firmware shows them — so the review can show the same
//! and the user can compare. Saleguard gives a device no metadata to decode a call: a
//! Ledger asks for blind signing and shows the hash, a Trezor shows the raw data.

use alloy_consensus::{SignableTransaction, TxEip1559};
use alloy_primitives::U256;
use saleguard_core::account::HardwareWallet;
use saleguard_core::address::checksummed;
use saleguard_core::amount::format_amount;
use saleguard_core::network::Network;

/// What `wallet` will show for `tx` on `network`, whose fees cost at most `max_fee_wei`.
pub fn device_prompt(
    wallet: HardwareWallet,
    tx: &TxEip1559,
    network: &Network,
    max_fee_wei: U256,
) -> DevicePrompt {
    match wallet {
        HardwareWallet::Ledger => ledger_prompt(tx, network, max_fee_wei),
        HardwareWallet::Trezor => trezor_prompt(tx, network, max_fee_wei),
    }
}

/// An amount of the network's coin as a device writes it: "1.5 ETH".
fn coins(wei: U256, network: &Network, symbol: &str) -> String {
    format!("{} {symbol}", format_amount(wei, network.native_decimals))
}

/// What a hardware wallet shows before the user confirms a transaction.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DevicePrompt {
    /// "Ledger" or "Trezor".
    pub wallet: String,
    /// The device cannot read the call and asks for blind signing: it must be enabled
    /// in the Ethereum app's settings, and the user compares the hash instead (a Ledger).
    pub blind_signing: bool,
    /// The device cannot read the call and shows its raw data for the user to compare
    /// (a Trezor).
    pub shows_raw_data: bool,
    /// The network's coin ("ETH") when the device does not know the network and calls
    /// the coin "UNKN" on its screens (a Trezor on a chain its firmware does not know).
    pub unknown_network_coin: Option<String>,
    /// The device's screens, in order, as label and value.
    pub screens: Vec<DeviceScreen>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DeviceScreen {
    pub label: String,
    pub value: String,
}

/// What a Ledger's Ethereum app shows for `tx`: the coins sent, the destination, the
/// network and the most the fees can cost; for a call with data (Saleguard gives the
/// device no metadata to decode it) a blind-signing warning and the hash to compare.
fn ledger_prompt(tx: &TxEip1559, network: &Network, max_fee_wei: U256) -> DevicePrompt {
    let value = coins(tx.value, network, &network.native_symbol);
    let max_fee = coins(max_fee_wei, network, &network.native_symbol);
    let screen = |label: &str, value: String| DeviceScreen {
        label: label.to_owned(),
        value,
    };
    let blind_signing = !tx.input.is_empty();
    let mut screens = Vec::new();
    if blind_signing {
        screens.push(screen(
            "Blind signing",
            "the device cannot show what this call does".to_owned(),
        ));
    }
    screens.push(screen("Amount", value));
    screens.push(screen(
        if blind_signing { "Contract" } else { "Address" },
        tx.to.to().map(checksummed).unwrap_or_default(),
    ));
    screens.push(screen(
        "Network",
        format!("{} ({})", network.name, network.chain_id),
    ));
    screens.push(screen("Max fees", max_fee));
    if blind_signing {
        screens.push(screen("Transaction hash", tx.signature_hash().to_string()));
    }
    DevicePrompt {
        wallet: HardwareWallet::Ledger.name().to_owned(),
        blind_signing,
        shows_raw_data: false,
        unknown_network_coin: None,
        screens,
    }
}

/// The chains a Trezor's firmware knows by itself (others need network definitions,
/// which Saleguard does not send: the device then calls the coin "UNKN").
const TREZOR_BUILT_IN_CHAINS: [u64; 9] = [1, 10, 56, 61, 137, 8453, 17_000, 42_161, 11_155_111];

/// What a Trezor shows for `tx`: a call's raw data first (it has no metadata to decode
/// it), then the recipient, the coins sent, the network and the most the fees can cost —
/// in "UNKN" on a chain its firmware does not know.
fn trezor_prompt(tx: &TxEip1559, network: &Network, max_fee_wei: U256) -> DevicePrompt {
    let screen = |label: String, value: String| DeviceScreen { label, value };
    let known = TREZOR_BUILT_IN_CHAINS.contains(&network.chain_id);
    let symbol = if known {
        network.native_symbol.as_str()
    } else {
        "UNKN"
    };
    let shows_raw_data = !tx.input.is_empty();
    let mut screens = Vec::new();
    if shows_raw_data {
        screens.push(screen(
            format!("Input data ({} bytes)", tx.input.len()),
            tx.input.to_string(),
        ));
    }
    screens.push(screen(
        "Recipient".to_owned(),
        tx.to.to().map(checksummed).unwrap_or_default(),
    ));
    screens.push(screen(
        "Amount".to_owned(),
        coins(tx.value, network, symbol),
    ));
    screens.push(screen(
        "Network".to_owned(),
        if known {
            format!("{} ({})", network.name, network.chain_id)
        } else {
            format!("Unknown network (chain ID {})", network.chain_id)
        },
    ));
    screens.push(screen(
        "Maximum fee".to_owned(),
        coins(max_fee_wei, network, symbol),
    ));
    DevicePrompt {
        wallet: HardwareWallet::Trezor.name().to_owned(),
        blind_signing: false,
        shows_raw_data,
        unknown_network_coin: (!known).then(|| network.native_symbol.clone()),
        screens,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::{Address, TxKind};

    fn network(chain_id: u64, name: &str) -> Network {
        Network {
            chain_id,
            name: name.to_owned(),
            native_symbol: "ETH".to_owned(),
            native_decimals: 18,
            rpc_url: None,
            explorer_url: None,
            confirmations: 2,
        }
    }

    #[test]
    fn a_trezor_names_the_coin_only_on_chains_its_firmware_knows() {
        let to = Address::repeat_byte(0x11);
        let tx = TxEip1559 {
            chain_id: 1,
            to: TxKind::Call(to),
            value: U256::from(1_500_000_000_000_000_000u128),
            ..TxEip1559::default()
        };
        let fee = U256::from(420_000_000_000_000u128);
        let screens = |prompt: DevicePrompt| -> Vec<(String, String)> {
            prompt
                .screens
                .into_iter()
                .map(|s| (s.label, s.value))
                .collect()
        };
        let transfer = trezor_prompt(&tx, &network(1, "Ethereum"), fee);
        assert!(!transfer.shows_raw_data && !transfer.blind_signing);
        assert_eq!(transfer.unknown_network_coin, None);
        assert_eq!(
            screens(transfer),
            [
                ("Recipient".to_owned(), checksummed(&to)),
                ("Amount".to_owned(), "1.5 ETH".to_owned()),
                ("Network".to_owned(), "Ethereum (1)".to_owned()),
                ("Maximum fee".to_owned(), "0.00042 ETH".to_owned()),
            ]
        );
        let elsewhere = TxEip1559 {
            chain_id: 999,
            ..tx
        };
        let unknown = screens(trezor_prompt(&elsewhere, &network(999, "Devnet"), fee));
        assert_eq!(unknown[1].1, "1.5 UNKN");
        assert_eq!(unknown[2].1, "Unknown network (chain ID 999)");
        assert_eq!(unknown[3].1, "0.00042 UNKN");
    }

    #[test]
    fn a_ledger_shows_a_transfer_plainly_and_a_call_with_its_hash_to_compare() {
        let to = Address::repeat_byte(0x22);
        let transfer = TxEip1559 {
            chain_id: 11_155_111,
            to: TxKind::Call(to),
            value: U256::from(250_000_000_000_000_000u128),
            ..TxEip1559::default()
        };
        let fee = U256::from(21_000_000_000_000u128);
        let network = network(11_155_111, "Sepolia");
        let prompt = device_prompt(HardwareWallet::Ledger, &transfer, &network, fee);
        assert_eq!(prompt.wallet, "Ledger");
        assert!(!prompt.blind_signing && !prompt.shows_raw_data);
        let shown: Vec<(&str, &str)> = prompt
            .screens
            .iter()
            .map(|s| (s.label.as_str(), s.value.as_str()))
            .collect();
        let address = checksummed(&to);
        assert_eq!(
            shown,
            [
                ("Amount", "0.25 ETH"),
                ("Address", address.as_str()),
                ("Network", "Sepolia (11155111)"),
                ("Max fees", "0.000021 ETH"),
            ]
        );

        let call = TxEip1559 {
            input: vec![0xd7, 0xbb, 0x99, 0xba].into(),
            ..transfer
        };
        let prompt = device_prompt(HardwareWallet::Ledger, &call, &network, fee);
        assert!(
            prompt.blind_signing,
            "a call the device cannot decode is blind-signed"
        );
        let labels: Vec<&str> = prompt.screens.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Blind signing",
                "Amount",
                "Contract",
                "Network",
                "Max fees",
                "Transaction hash"
            ]
        );
        assert_eq!(
            prompt.screens[5].value,
            call.signature_hash().to_string(),
            "the hash to compare is the one the device signs"
        );
    }
}
