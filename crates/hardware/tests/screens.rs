//! The preview of a device's screens against the simulated device's own, for every
//! version range read: the simulator reports its version, Saleguard asks it, previews,
//! signs, and the screens the simulator drew (as that version draws them, written apart
//! from the preview in the test kit) must be the preview's, screen for screen.

use crate::common;

use std::sync::Arc;

use alloy_consensus::TxEip1559;
use alloy_primitives::{Address, Bytes, TxKind, U256};
use common::{PATH, path, quick, transaction};
use saleguard_chain::signer::sign_transaction;
use saleguard_core::account::HardwareWallet;
use saleguard_hardware::{
    DevicePrompt, DeviceSoftware, LedgerConnection, LedgerDevice, LedgerSigner, Signing,
    TrezorConnection, TrezorDevice, TrezorSigner, Version, device_prompt,
};
use saleguard_testkit::{LedgerMode, LedgerSimulator, TrezorMode, TrezorSimulator};

/// What the review signs: plain transfers and contract calls, with and without coins,
/// on chains the devices know and on one they do not.
fn transactions() -> Vec<(&'static str, TxEip1559)> {
    let tx = |chain_id: u64, value: u128, input: &[u8]| TxEip1559 {
        chain_id,
        nonce: 7,
        gas_limit: 120_000,
        max_fee_per_gas: 31_500_000_000,
        max_priority_fee_per_gas: 1_500_000_000,
        to: TxKind::Call(Address::repeat_byte(0x5a)),
        value: U256::from(value),
        access_list: Default::default(),
        input: Bytes::copy_from_slice(input),
    };
    let contribute = [0xd7, 0xbb, 0x99, 0xba];
    vec![
        (
            "transfer on Ethereum",
            tx(1, 1_500_000_000_000_000_000, &[]),
        ),
        (
            "call sending coins on Ethereum",
            tx(1, 250_000_000_000_000_000, &contribute),
        ),
        (
            "call without coins on Sepolia",
            tx(11_155_111, 0, &contribute),
        ),
        (
            "transfer on Polygon",
            tx(137, 12_000_000_000_000_000_000_000, &[]),
        ),
        (
            "call on a local chain",
            tx(31_337, 1_000_000_000_000_000_000, &contribute),
        ),
        ("transfer on OP Mainnet", tx(10, 7, &[])),
        ("call with 2,000 bytes of data", transaction(2_000)),
    ]
}

fn preview(
    wallet: HardwareWallet,
    software: &DeviceSoftware,
    from: Address,
    tx: &TxEip1559,
) -> DevicePrompt {
    let max_fee_wei = U256::from(tx.gas_limit) * U256::from(tx.max_fee_per_gas);
    device_prompt(
        wallet,
        Some(software),
        Signing {
            tx,
            from,
            max_fee_wei,
            coin: "ETH",
        },
    )
}

fn pairs(prompt: &DevicePrompt) -> Vec<(String, String)> {
    prompt
        .screens
        .iter()
        .map(|screen| (screen.label.clone(), screen.value.clone()))
        .collect()
}

/// One version of each range, and the versions at their edges.
const LEDGER_VERSIONS: [(u8, u8, u8); 14] = [
    (1, 9, 0),
    (1, 9, 4),
    (1, 9, 5),
    (1, 9, 8),
    (1, 9, 9),
    (1, 10, 3),
    (1, 10, 4),
    (1, 11, 0),
    (1, 11, 2),
    (1, 13, 0),
    (1, 14, 0),
    (1, 18, 0),
    (1, 20, 0),
    (1, 22, 0),
];

#[tokio::test]
async fn a_ledger_shows_what_the_preview_says_for_every_app_version_read() {
    let simulator = LedgerSimulator::start(LedgerMode::Approve);
    let from = LedgerSimulator::address_at(PATH);
    let mut compared = 0;
    for (major, minor, patch) in LEDGER_VERSIONS {
        simulator.set_app_version(major, minor, patch);
        let connection = LedgerConnection::Speculos(simulator.address().to_owned());
        let device = Arc::new(
            LedgerDevice::connect(connection, quick())
                .await
                .expect("connected"),
        );
        let (a, b, c) = device.configuration().await.expect("configuration").version;
        let software =
            DeviceSoftware::LedgerEthereumApp(Version::new(a.into(), b.into(), c.into()));
        for (what, tx) in transactions() {
            let prompt = preview(HardwareWallet::Ledger, &software, from, &tx);
            assert_eq!(prompt.may_differ, None, "{major}.{minor}.{patch} was read");
            let signer = LedgerSigner::new(Arc::clone(&device), path(), from);
            sign_transaction(&signer, tx.clone(), &|_| {}, std::future::pending())
                .await
                .unwrap_or_else(|error| panic!("{what}: {error}"));
            let shown = simulator.screens().pop().expect("screens shown");
            assert_eq!(pairs(&prompt), shown, "app {major}.{minor}.{patch}, {what}");
            assert_eq!(
                prompt.shows_hash,
                shown.iter().any(|(label, _)| label.ends_with("hash")),
                "app {major}.{minor}.{patch}, {what}: the hash to compare"
            );
            compared += 1;
        }
    }
    assert_eq!(compared, LEDGER_VERSIONS.len() * transactions().len());
}

const TREZOR_VERSIONS: [(u32, u32, u32); 8] = [
    (2, 6, 3),
    (2, 7, 0),
    (2, 8, 6),
    (2, 8, 7),
    (2, 8, 10),
    (2, 11, 1),
    (2, 11, 2),
    (2, 12, 4),
];

#[tokio::test]
async fn a_trezor_shows_what_the_preview_says_for_every_firmware_read() {
    let simulator = TrezorSimulator::start(TrezorMode::Approve);
    let from = TrezorSimulator::address_at(PATH);
    for model in ["T", "Safe 3", "Safe 5"] {
        for version in TREZOR_VERSIONS {
            simulator.set_firmware(version, model);
            let connection = TrezorConnection::Emulator(simulator.address().to_owned());
            let device = Arc::new(
                TrezorDevice::connect(connection, quick())
                    .await
                    .expect("connected"),
            );
            let features = device.features().await.expect("features");
            let (a, b, c) = features.firmware;
            let software = DeviceSoftware::TrezorFirmware {
                version: Version::new(a, b, c),
                model: features.model.clone(),
            };
            for (what, tx) in transactions() {
                let prompt = preview(HardwareWallet::Trezor, &software, from, &tx);
                assert_eq!(prompt.may_differ, None, "{version:?} was read");
                let signer = TrezorSigner::new(Arc::clone(&device), path(), from);
                sign_transaction(&signer, tx.clone(), &|_| {}, std::future::pending())
                    .await
                    .unwrap_or_else(|error| panic!("{what}: {error}"));
                let shown = simulator.screens().pop().expect("screens shown");
                assert_eq!(
                    pairs(&prompt),
                    shown,
                    "{model} firmware {version:?}, {what}"
                );
                assert_eq!(prompt.shows_raw_data, !tx.input.is_empty());
            }
        }
    }
}

#[test]
fn a_version_not_read_or_not_told_is_previewed_with_a_warning() {
    let (_, tx) = transactions().remove(2);
    let from = Address::repeat_byte(0x11);
    let ledger = |version: Option<Version>| {
        let software = version.map(DeviceSoftware::LedgerEthereumApp);
        let max_fee_wei = U256::from(1u8);
        device_prompt(
            HardwareWallet::Ledger,
            software.as_ref(),
            Signing {
                tx: &tx,
                from,
                max_fee_wei,
                coin: "ETH",
            },
        )
    };
    let old = ledger(Some(Version::new(1, 8, 8)));
    assert!(
        old.may_differ
            .as_deref()
            .is_some_and(|why| why.contains("older")),
        "{old:?}"
    );
    assert_eq!(old.software.as_deref(), Some("Ethereum app 1.8.8"));
    let new = ledger(Some(Version::new(1, 23, 1)));
    assert!(
        new.may_differ
            .as_deref()
            .is_some_and(|why| why.contains("newer")),
        "{new:?}"
    );
    assert_eq!(new.screens_of, "Ethereum app from 1.18.0");
    let untold = ledger(None);
    assert!(
        untold
            .may_differ
            .as_deref()
            .is_some_and(|why| why.contains("could not be asked"))
    );
    assert_eq!(untold.software, None);
    assert_eq!(pairs(&untold), pairs(&ledger(Some(Version::new(1, 22, 0)))));
    let read = ledger(Some(Version::new(1, 22, 0)));
    assert_eq!(read.may_differ, None);

    let trezor = |firmware: Option<(Version, &str)>| {
        let software = firmware.map(|(version, model)| DeviceSoftware::TrezorFirmware {
            version,
            model: model.to_owned(),
        });
        let max_fee_wei = U256::from(1u8);
        device_prompt(
            HardwareWallet::Trezor,
            software.as_ref(),
            Signing {
                tx: &tx,
                from,
                max_fee_wei,
                coin: "ETH",
            },
        )
    };
    let older = trezor(Some((Version::new(2, 5, 3), "T")));
    assert!(older.may_differ.is_some(), "{older:?}");
    let one = trezor(Some((Version::new(1, 12, 1), "1")));
    assert!(
        one.may_differ
            .as_deref()
            .is_some_and(|why| why.contains("Model One"))
    );
    assert_eq!(
        one.software.as_deref(),
        Some("Trezor Model One firmware 1.12.1")
    );
    assert!(trezor(None).may_differ.is_some());
    assert_eq!(
        trezor(Some((Version::new(2, 8, 10), "Safe 3"))).may_differ,
        None
    );
}
