//! The screens the simulated devices show for a transaction, per version of their
//! software — written the way the firmware builds them (step by step, amounts from the
//! decimal digits, the network tables the software carries), apart from Saleguard's
//! preview, so a test comparing the two finds where the preview is wrong. The sources
//! per version are cited in `docs/device-screens.md`.

use alloy_consensus::{SignableTransaction, TxEip1559};
use alloy_primitives::{Address, U256};

/// A version as the device reports it.
pub type Version = (u32, u32, u32);

/// One screen: label and value.
pub type Screen = (String, String);

fn screen(label: &str, value: impl Into<String>) -> Screen {
    (label.to_owned(), value.into())
}

/// The row of a network table (`crates/hardware/data/*.tsv`, the facts the software
/// carries) for `chain_id` in `version`.
fn network_row(table: &str, chain_id: u64, version: Version) -> Option<(String, String)> {
    let parse = |text: &str| -> Version {
        let parts: Vec<u32> = text
            .split('.')
            .map(|n| n.parse().expect("number"))
            .collect();
        (parts[0], parts[1], parts[2])
    };
    table
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| line.split('\t').collect::<Vec<_>>())
        .find(|fields| {
            fields[0].parse::<u64>().ok() == Some(chain_id)
                && parse(fields[3]) <= version
                && (fields[4].is_empty() || version < parse(fields[4]))
        })
        .map(|fields| (fields[1].to_owned(), fields[2].to_owned()))
}

/// The firmware's `adjustDecimals`: the digits of `wei` with the point 18 from the
/// right, trailing zeros (and a bare point) dropped.
fn adjust_decimals(wei: U256) -> String {
    let digits = wei.to_string();
    let padded = format!("{digits:0>19}");
    let (whole, fraction) = padded.split_at(padded.len() - 18);
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        whole.to_owned()
    } else {
        format!("{whole}.{fraction}")
    }
}

/// What the Ledger Ethereum app `version` (Nano S Plus / X) shows for `tx`, signed by
/// `from` (the address of the path it is given), in order.
pub fn ledger(version: Version, from: Address, tx: &TxEip1559) -> Vec<Screen> {
    let table = include_str!("../../hardware/data/ledger-networks.tsv");
    let known = network_row(table, tx.chain_id, version);
    // get_displayable_ticker: the table's, else the app's own coin on its own chain,
    // else (from 1.10.4) "???".
    let ticker = match &known {
        Some((_, ticker)) => ticker.clone(),
        None if tx.chain_id == 1 || version < (1, 10, 4) => "ETH".to_owned(),
        None => "???".to_owned(),
    };
    let amount_text = |wei: U256| {
        if version >= (1, 20, 0) {
            format!("{} {ticker}", adjust_decimals(wei))
        } else {
            format!("{ticker} {}", adjust_decimals(wei))
        }
    };
    let data_present = !tx.input.is_empty();
    let nbgl = version >= (1, 18, 0);
    let full_amount = amount_text(tx.value);
    let max_fee = amount_text(U256::from(tx.gas_limit) * U256::from(tx.max_fee_per_gas));
    let to_address = tx
        .to
        .to()
        .map(|to| to.to_checksum(None))
        .unwrap_or_default();
    let network_name = match &known {
        Some((name, _)) => name.clone(),
        None => tx.chain_id.to_string(),
    };
    let display_network = tx.chain_id != 1;
    let tx_hash = format!("0x{}", alloy_primitives::hex::encode(tx.signature_hash()));
    let from_text = from.to_checksum(None);
    let mut flow: Vec<Screen> = Vec::new();
    if nbgl {
        // ui_approve_tx.c: the SDK's blind-signing warning, the review's tag-value pairs,
        // the finish screen.
        if data_present {
            flow.push(screen("Blind signing ahead", ""));
        }
        flow.push(screen("Review transaction", ""));
        flow.push(screen("From", from_text));
        if !data_present || !tx.value.is_zero() {
            flow.push(screen("Amount", full_amount));
        }
        flow.push(screen("To", to_address));
        flow.push(screen("Max fees", max_fee));
        if display_network {
            flow.push(screen("Network", network_name));
        }
        if data_present {
            flow.push(screen("Tx hash", tx_hash));
            flow.push(screen("Accept risk and sign transaction", ""));
        } else {
            flow.push(screen("Sign transaction", ""));
        }
        return flow;
    }
    let data_word = version < (1, 9, 5) || version == (1, 9, 8);
    let not_trusted = ((1, 11, 0)..(1, 11, 2)).contains(&version);
    let warned = version >= (1, 11, 2);
    let hash_shown = version >= (1, 14, 0);
    let from_shown = version >= (1, 11, 0);
    if data_present && not_trusted {
        flow.push(screen("This transaction cannot be trusted", ""));
        flow.push(screen(
            "Your Ledger cannot decode this transaction. If you sign it, you could be authorizing malicious actions that can drain your wallet.",
            "",
        ));
        flow.push(screen("Learn more:", "ledger.com/e8"));
        flow.push(screen("Accept risk and review transaction", ""));
    } else if data_present && warned {
        flow.push(screen("Blind signing", ""));
    }
    flow.push(screen("Review transaction", ""));
    if data_present && !from_shown {
        flow.push(screen(
            if data_word {
                "Data Present"
            } else {
                "Blind Signing"
            },
            "",
        ));
    }
    if data_present && hash_shown {
        flow.push(screen("Transaction hash", tx_hash));
    }
    if from_shown {
        flow.push(screen("From", from_text));
    }
    if !(data_present && hash_shown && tx.value.is_zero()) {
        flow.push(screen("Amount", full_amount));
    }
    flow.push(screen(
        if from_shown { "To" } else { "Address" },
        to_address,
    ));
    if display_network {
        flow.push(screen("Network", network_name));
    }
    flow.push(screen("Max Fees", max_fee));
    if data_present && not_trusted {
        flow.push(screen("You accepted the risks", ""));
    }
    flow.push(screen(
        if data_present && warned {
            "Accept risk and send"
        } else {
            "Accept and send"
        },
        "",
    ));
    flow
}

/// `format_ethereum_amount` of the Trezor core firmware: under 10⁹ wei in wei, else in
/// the coin, the whole part grouped by thousands.
fn trezor_amount(wei: U256, symbol: &str) -> String {
    let grouped = |text: String| {
        let (whole, rest) = match text.find('.') {
            Some(point) => (text[..point].to_owned(), text[point..].to_owned()),
            None => (text.clone(), String::new()),
        };
        let mut out = Vec::new();
        for (i, c) in whole.chars().rev().enumerate() {
            if i > 0 && i % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out.iter().rev().collect::<String>() + &rest
    };
    if wei < U256::from(10u64).pow(U256::from(9u64)) {
        format!("{} Wei {symbol}", grouped(wei.to_string()))
    } else {
        format!("{} {symbol}", grouped(adjust_decimals(wei)))
    }
}

/// What a Trezor with core firmware `version` (Model T, Safe 3, Safe 5) shows for `tx`.
pub fn trezor(version: Version, tx: &TxEip1559) -> Vec<Screen> {
    let table = include_str!("../../hardware/data/trezor-networks.tsv");
    let symbol =
        network_row(table, tx.chain_id, version).map_or_else(|| "UNKN".to_owned(), |row| row.0);
    let is_contract_interaction = !tx.input.is_empty();
    let recipient = tx
        .to
        .to()
        .map(|to| to.to_checksum(None))
        .unwrap_or_default();
    let maximum_fee = trezor_amount(
        U256::from(tx.gas_limit) * U256::from(tx.max_fee_per_gas),
        &symbol,
    );
    let total_amount = trezor_amount(tx.value, &symbol);
    let size = format!("Size: {} bytes", tx.input.len());
    let mut flow = Vec::new();
    let summary = if version < (2, 8, 7) {
        "SUMMARY"
    } else {
        "Summary"
    };
    if is_contract_interaction {
        let title = if version < (2, 8, 7) {
            "CONFIRM DATA"
        } else if version < (2, 11, 2) {
            "Input data"
        } else {
            "Data"
        };
        flow.push((format!("{title}: {size}"), tx.input.to_string()));
    }
    if version < (2, 8, 7) {
        flow.push(screen("RECIPIENT", recipient));
    } else if is_contract_interaction {
        flow.push(screen("Address: Interaction contract", recipient));
    } else {
        flow.push(screen("Address: Recipient", recipient));
    }
    flow.push((format!("{summary}: Amount"), total_amount));
    flow.push((format!("{summary}: Maximum fee"), maximum_fee));
    flow
}
