//! Accounts, software and hardware.

use saleguard_app::accounts::dto::{Account, AccountKind, NewMnemonic, RevealedSecret};
use saleguard_app::accounts::hardware::{DeviceState, HardwareAddressView, HardwareDeviceView};

use super::{Output, print_json, print_table};
use crate::out;

impl Output {
    pub fn accounts(&self, accounts: &[Account]) {
        if self.json {
            return print_json(&accounts);
        }
        if accounts.is_empty() {
            out!("No accounts yet. Create one with: saleguard account new --label NAME");
            return;
        }
        let rows: Vec<Vec<String>> = accounts
            .iter()
            .map(|a| {
                vec![
                    a.id.to_string(),
                    a.label.clone(),
                    kind_words(a.kind).to_owned(),
                    a.address.clone(),
                    a.derivation_path.clone().unwrap_or_else(|| "—".to_owned()),
                ]
            })
            .collect();
        print_table(&["ID", "NAME", "KIND", "ADDRESS", "PATH"], &rows, &[0]);
    }

    pub fn account(&self, account: &Account, verb: &str) {
        if self.json {
            return print_json(account);
        }
        if !verb.is_empty() {
            out!("{verb} account {}.", account.id);
        }
        for (label, value) in [
            ("Name", account.label.clone()),
            ("Address", account.address.clone()),
            ("Kind", kind_words(account.kind).to_owned()),
            (
                "Derivation path",
                account
                    .derivation_path
                    .clone()
                    .unwrap_or_else(|| "—".to_owned()),
            ),
            (
                "Secret",
                if account.has_secret {
                    "in the OS keyring"
                } else {
                    "none"
                }
                .to_owned(),
            ),
            ("Added (UTC)", account.created_at.clone()),
        ] {
            out!("  {label:<22}{value}");
        }
    }

    /// The one showing of a new recovery phrase.
    pub fn new_phrase(&self, new: &NewMnemonic) {
        if self.json {
            print_json(new);
        } else {
            out!(
                "Your new recovery phrase. Write the 24 words down on paper, in order, and keep them safe."
            );
            out!("Anyone with these words controls the account; Saleguard shows them only now.");
            out!("");
            for (row, chunk) in new.words.chunks(4).enumerate() {
                let cells: Vec<String> = chunk
                    .iter()
                    .enumerate()
                    .map(|(i, word)| format!("{:>2}. {word:<10}", row * 4 + i + 1))
                    .collect();
                out!("  {}", cells.join("  ").trim_end());
            }
            out!("");
            out!("Address: {}  ({})", new.address, new.derivation_path);
            out!("To confirm, enter the words asked for below.");
        }
        use std::io::Write as _;
        let _ = std::io::stdout().flush();
    }

    pub fn revealed(&self, secret: &RevealedSecret) {
        if self.json {
            return print_json(secret);
        }
        match secret {
            RevealedSecret::Mnemonic {
                words,
                has_passphrase,
                derivation_path,
            } => {
                out!("{}", words.join(" "));
                out!("Derivation path: {derivation_path}");
                if *has_passphrase {
                    out!("This account also uses a BIP-39 passphrase (not shown).");
                }
            }
            RevealedSecret::PrivateKey { private_key } => out!("{private_key}"),
        }
    }

    pub fn account_removed(&self, account: &Account) {
        if self.json {
            return print_json(&serde_json::json!({ "removed": account.id }));
        }
        out!("Removed account {} ({}).", account.id, account.label);
    }

    pub fn hardware_devices(&self, devices: &[HardwareDeviceView]) {
        if self.json {
            return print_json(&devices);
        }
        if devices.is_empty() {
            out!(
                "No hardware wallet found: connect your Ledger (unlocked, Ethereum app open) or your Trezor."
            );
            return;
        }
        let rows: Vec<Vec<String>> = devices
            .iter()
            .map(|d| {
                let state = match d.state {
                    DeviceState::Ready if d.app_version.is_some() => format!(
                        "ready: Ethereum app {}, blind signing {}",
                        d.app_version.as_deref().unwrap_or("?"),
                        if d.blind_signing == Some(true) {
                            "on"
                        } else {
                            "off"
                        }
                    ),
                    DeviceState::Ready => {
                        format!("ready: firmware {}", d.firmware.as_deref().unwrap_or("?"))
                    }
                    _ => d.message.clone(),
                };
                let device = match (&d.model, &d.label) {
                    (Some(model), Some(label)) => format!("{model} \"{label}\""),
                    (Some(model), None) => model.clone(),
                    _ => String::new(),
                };
                vec![d.wallet.clone(), d.connection.clone(), device, state]
            })
            .collect();
        print_table(&["WALLET", "CONNECTION", "DEVICE", "STATE"], &rows, &[]);
    }

    pub fn hardware_addresses(&self, addresses: &[HardwareAddressView]) {
        if self.json {
            return print_json(&addresses);
        }
        let rows: Vec<Vec<String>> = addresses
            .iter()
            .map(|a| {
                let balances: Vec<String> = a
                    .balances
                    .iter()
                    .map(|b| match &b.balance {
                        Some(balance) => format!("{balance} ({})", b.network),
                        None => format!("? ({}: no answer)", b.network),
                    })
                    .collect();
                vec![
                    a.index.to_string(),
                    a.path.clone(),
                    a.address.clone(),
                    balances.join(", "),
                    a.account_id
                        .map(|id| format!("account {id}"))
                        .unwrap_or_default(),
                ]
            })
            .collect();
        print_table(&["INDEX", "PATH", "ADDRESS", "BALANCE", ""], &rows, &[0]);
    }

    pub fn verified_address(&self, address: &str) {
        if self.json {
            return print_json(
                &serde_json::json!({ "address": address, "confirmed_on_device": true }),
            );
        }
        out!("{address}: confirmed on the device.");
    }
}

fn kind_words(kind: AccountKind) -> &'static str {
    match kind {
        AccountKind::GeneratedMnemonic => "new recovery phrase",
        AccountKind::ImportedMnemonic => "imported recovery phrase",
        AccountKind::PrivateKey => "private key",
        AccountKind::WatchOnly => "watch-only",
        AccountKind::Hardware => "hardware wallet",
    }
}
