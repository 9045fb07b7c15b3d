//! The Ledger Ethereum app's screens for an EIP-1559 transaction, per app version, on a
//! Nano S Plus or Nano X (a Stax or Flex shows the same values in its own layout). Read
//! in github.com/LedgerHQ/app-ethereum at its release tags: `ux_approve_tx` in
//! `src_features/signTx/ui_flow_signTx.c` (to 1.9.x), `src_bagl/ui_flow_signTx.c` and
//! `src_bagl/ui_flow.c` (1.10–1.17), `src_nbgl/ui_approve_tx.c` (1.18 on); the tickers
//! and network names in `network.c` (`data/ledger-networks.tsv`).

use std::sync::OnceLock;

use alloy_consensus::SignableTransaction;
use alloy_primitives::U256;
use saleguard_core::account::HardwareWallet;
use saleguard_core::address::checksummed;

use super::{
    DevicePrompt, DeviceScreen, NetworkTable, Signing, Version, VersionRange, ether, range_of,
};

/// How the app walks through a transaction, from one version range to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    /// 1.9.0–1.9.4 and 1.9.8: a call is announced "Data Present"; "Address", no "From".
    DataPresent,
    /// 1.9.5–1.10.x (not 1.9.8): a call is announced "Blind Signing".
    BlindSigning,
    /// 1.11.0–1.11.1: no blind-signing setting; a call first warns "This transaction
    /// cannot be trusted" and asks to accept the risk; "From" and "To".
    NotTrusted,
    /// 1.11.2–1.13.x: a call first warns "Blind signing" and ends "Accept risk and send".
    BlindWarning,
    /// 1.14.0–1.17.x: as before, and the transaction's hash right after "Review".
    HashFirst,
    /// 1.18.0 on (the Nanos on Ledger's newer interface): "Network" after "Max fees",
    /// the hash last.
    Nbgl,
}

const fn v(major: u32, minor: u32, patch: u32) -> Version {
    Version::new(major, minor, patch)
}

const fn range(from: Version, until: Option<Version>, flow: Flow) -> VersionRange<Flow> {
    VersionRange { from, until, flow }
}

/// The app's versions from the first with EIP-1559 transactions (1.9.0), in order.
const RANGES: [VersionRange<Flow>; 8] = [
    range(v(1, 9, 0), Some(v(1, 9, 5)), Flow::DataPresent),
    range(v(1, 9, 5), Some(v(1, 9, 8)), Flow::BlindSigning),
    range(v(1, 9, 8), Some(v(1, 9, 9)), Flow::DataPresent),
    range(v(1, 9, 9), Some(v(1, 11, 0)), Flow::BlindSigning),
    range(v(1, 11, 0), Some(v(1, 11, 2)), Flow::NotTrusted),
    range(v(1, 11, 2), Some(v(1, 14, 0)), Flow::BlindWarning),
    range(v(1, 14, 0), Some(v(1, 18, 0)), Flow::HashFirst),
    range(v(1, 18, 0), None, Flow::Nbgl),
];

/// The newest app version whose screens were read.
pub(super) const NEWEST_READ: Version = v(1, 22, 0);

/// The first version that calls the coin of a chain it does not know "???" (before, it
/// called it "ETH", the Ethereum app's own coin).
const UNKNOWN_TICKER_FROM: Version = v(1, 10, 4);

/// The first version that writes the ticker after the number ("0.5 ETH", before "ETH 0.5").
const TICKER_AFTER_FROM: Version = v(1, 20, 0);

fn networks() -> &'static NetworkTable {
    static TABLE: OnceLock<NetworkTable> = OnceLock::new();
    TABLE.get_or_init(|| NetworkTable::parse(include_str!("../../data/ledger-networks.tsv")))
}

/// The Ledger's screens for `signing`, as app `version` shows them.
pub(super) fn prompt(version: Option<Version>, signing: Signing<'_>) -> DevicePrompt {
    let software = "Ethereum app";
    let (range, may_differ) = range_of(&RANGES, version, NEWEST_READ, software);
    let shown = version.unwrap_or(NEWEST_READ).max(range.from);
    let flow = range.flow;
    let screens = Screens::new(shown, flow, signing);
    let blind_signing = !signing.tx.input.is_empty();
    let mut notes = vec![
        "Screens of a Nano S Plus or Nano X; a Stax or Flex shows the same values in its own layout.".to_owned(),
        "With \"Nonce\" on in the Ethereum app's settings, a Nonce screen comes before the fees.".to_owned(),
    ];
    if flow == Flow::Nbgl && blind_signing {
        notes.push("The warning before a blind signing is worded by the device's system, not by the Ethereum app.".to_owned());
    }
    DevicePrompt {
        wallet: HardwareWallet::Ledger.name().to_owned(),
        blind_signing,
        shows_hash: blind_signing && matches!(flow, Flow::HashFirst | Flow::Nbgl),
        shows_raw_data: false,
        unknown_network_coin: screens.ticker_unknown.then(|| signing.coin.to_owned()),
        software: version.map(|version| format!("{software} {version}")),
        screens_of: format!("{software} {}", range.describe()),
        may_differ,
        notes,
        screens: screens.in_order(flow),
    }
}

/// The values the app writes on its screens.
struct Screens {
    review: DeviceScreen,
    from: DeviceScreen,
    amount: DeviceScreen,
    /// The destination: "Address" until 1.11.0, then "To".
    to: DeviceScreen,
    network: Option<DeviceScreen>,
    fees: DeviceScreen,
    hash: DeviceScreen,
    blind: bool,
    value_is_zero: bool,
    ticker_unknown: bool,
}

impl Screens {
    /// The values as app `version` writes them, on the screens of `flow` (its range's).
    fn new(version: Version, flow: Flow, signing: Signing<'_>) -> Self {
        let tx = signing.tx;
        let known = networks().lookup(tx.chain_id, version);
        let ticker_unknown = known.is_none() && tx.chain_id != 1 && version >= UNKNOWN_TICKER_FROM;
        let ticker = match known {
            Some((_, ticker)) => ticker,
            None if ticker_unknown => "???",
            None => "ETH",
        };
        let amount = |wei: U256| {
            if version >= TICKER_AFTER_FROM {
                format!("{} {ticker}", ether(wei))
            } else {
                format!("{ticker} {}", ether(wei))
            }
        };
        let nbgl = flow == Flow::Nbgl;
        let destination = tx.to.to().map(checksummed).unwrap_or_default();
        Self {
            review: DeviceScreen::words("Review transaction"),
            from: DeviceScreen::new("From", checksummed(&signing.from)),
            amount: DeviceScreen::new("Amount", amount(tx.value)),
            to: DeviceScreen::new(
                if matches!(flow, Flow::DataPresent | Flow::BlindSigning) {
                    "Address"
                } else {
                    "To"
                },
                destination,
            ),
            // Only the Ethereum app's own chain goes without a Network screen.
            network: (tx.chain_id != 1).then(|| {
                DeviceScreen::new(
                    "Network",
                    known.map_or_else(|| tx.chain_id.to_string(), |(name, _)| name.to_owned()),
                )
            }),
            fees: DeviceScreen::new(
                if nbgl { "Max fees" } else { "Max Fees" },
                amount(signing.max_fee_wei),
            ),
            hash: DeviceScreen::new(
                if nbgl { "Tx hash" } else { "Transaction hash" },
                tx.signature_hash().to_string(),
            ),
            blind: !tx.input.is_empty(),
            value_is_zero: tx.value.is_zero(),
            ticker_unknown,
        }
    }

    /// The screens in the order `flow` shows them.
    fn in_order(self, flow: Flow) -> Vec<DeviceScreen> {
        let blind = self.blind;
        // From 1.14.0 a call that sends no coin skips the Amount screen.
        let amount =
            (!(blind && self.value_is_zero && matches!(flow, Flow::HashFirst | Flow::Nbgl)))
                .then_some(self.amount);
        let accept = if blind && matches!(flow, Flow::BlindWarning | Flow::HashFirst) {
            "Accept risk and send"
        } else {
            "Accept and send"
        };
        let mut screens = Vec::new();
        match flow {
            Flow::DataPresent | Flow::BlindSigning => {
                screens.push(self.review);
                if blind {
                    screens.push(DeviceScreen::words(if flow == Flow::DataPresent {
                        "Data Present"
                    } else {
                        "Blind Signing"
                    }));
                }
                screens.extend(amount);
                screens.push(self.to);
                screens.extend(self.network);
                screens.push(self.fees);
                screens.push(DeviceScreen::words(accept));
            }
            Flow::NotTrusted | Flow::BlindWarning | Flow::HashFirst => {
                if blind && flow == Flow::NotTrusted {
                    screens.extend([
                        DeviceScreen::words("This transaction cannot be trusted"),
                        DeviceScreen::words(
                            "Your Ledger cannot decode this transaction. If you sign it, you could be authorizing malicious actions that can drain your wallet.",
                        ),
                        DeviceScreen::new("Learn more:", "ledger.com/e8"),
                        DeviceScreen::words("Accept risk and review transaction"),
                    ]);
                } else if blind {
                    screens.push(DeviceScreen::words("Blind signing"));
                }
                screens.push(self.review);
                if blind && flow == Flow::HashFirst {
                    screens.push(self.hash);
                }
                screens.push(self.from);
                screens.extend(amount);
                screens.push(self.to);
                screens.extend(self.network);
                screens.push(self.fees);
                if blind && flow == Flow::NotTrusted {
                    screens.push(DeviceScreen::words("You accepted the risks"));
                }
                screens.push(DeviceScreen::words(accept));
            }
            Flow::Nbgl => {
                if blind {
                    screens.push(DeviceScreen::words("Blind signing ahead"));
                }
                screens.push(self.review);
                screens.push(self.from);
                screens.extend(amount);
                screens.push(self.to);
                screens.push(self.fees);
                screens.extend(self.network);
                if blind {
                    screens.push(self.hash);
                }
                screens.push(DeviceScreen::words(if blind {
                    "Accept risk and sign transaction"
                } else {
                    "Sign transaction"
                }));
            }
        }
        screens
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ranges_follow_each_other_without_a_gap() {
        for pair in RANGES.windows(2) {
            assert_eq!(pair[0].until, Some(pair[1].from));
        }
        assert_eq!(RANGES[RANGES.len() - 1].until, None);
    }

    #[test]
    fn the_network_table_knows_what_each_version_called_a_chain() {
        let table = networks();
        assert_eq!(table.lookup(1, v(1, 9, 0)), Some(("Ethereum", "ETH")));
        assert_eq!(table.lookup(10, v(1, 10, 4)), Some(("Optimism", "ETH")));
        assert_eq!(table.lookup(10, v(1, 11, 0)), Some(("OP Mainnet", "ETH")));
        assert_eq!(table.lookup(137, v(1, 11, 2)), Some(("Polygon", "MATIC")));
        assert_eq!(table.lookup(137, v(1, 14, 0)), Some(("Polygon", "POL")));
        assert_eq!(table.lookup(11_155_111, v(1, 10, 3)), None);
        assert_eq!(
            table.lookup(11_155_111, v(1, 10, 4)),
            Some(("Sepolia", "ETH"))
        );
        assert_eq!(table.lookup(31_337, NEWEST_READ), None);
    }
}
