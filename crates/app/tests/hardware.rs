//! Hardware accounts through the app layer, against a simulated Ledger (the Ethereum
//! app's APDUs over Speculos' TCP framing) and a real local chain: addresses listed and
//! checked on the device, an account added, contributions signed on the device and sent
//! — and every way the device can say no, leaving the draft intact and nothing sent.

use crate::common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{eth, hardware_sale, wall_clock_now};
use saleguard_app::accounts::hardware::{
    AddHardwareAccount, DeviceState, HardwareAddressesInput, HardwarePathInput,
};
use saleguard_app::chain::devices::LedgerConnection;
use saleguard_app::chain::plans::{ContributionInput, FeeSpeed};
use saleguard_app::chain::transactions::{TxProgress, TxStatus};
use saleguard_app::{AppError, DataPaths, ErrorCode, FixedClock, Saleguard};
use saleguard_testkit::{Anvil, LedgerMode, LedgerSimulator};

const FIRST: &str = "m/44'/60'/0'/0/0";

fn field_codes(error: &AppError) -> Vec<(String, ErrorCode)> {
    error
        .invalid_fields
        .iter()
        .map(|f| (f.field.clone(), f.code))
        .collect()
}

fn app(dir: &std::path::Path, ledger: &LedgerSimulator) -> Saleguard {
    Saleguard::start(DataPaths::at(dir), Arc::new(FixedClock(wall_clock_now())))
        .with_ledger_connection(LedgerConnection::Speculos(ledger.address().to_owned()))
}

fn listing(scheme: &str, start: u32, count: u32) -> HardwareAddressesInput {
    HardwareAddressesInput {
        wallet: "ledger".into(),
        scheme: scheme.into(),
        start,
        count,
    }
}

fn adding(label: &str, path: &str, address: &str) -> AddHardwareAccount {
    AddHardwareAccount {
        label: label.into(),
        wallet: "ledger".into(),
        path: path.into(),
        address: address.into(),
    }
}

#[tokio::test]
async fn addresses_are_listed_checked_on_the_device_and_added_as_accounts() {
    let ledger = LedgerSimulator::start(LedgerMode::Approve);
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path(), &ledger);

    let listed = app
        .hardware_addresses(&listing("ledger_live", 0, 3))
        .await
        .expect("listed");
    let paths: Vec<&str> = listed.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(
        paths,
        ["m/44'/60'/0'/0/0", "m/44'/60'/1'/0/0", "m/44'/60'/2'/0/0"]
    );
    for address in &listed {
        assert_eq!(
            address.address,
            LedgerSimulator::address_at(&address.path).to_checksum(None)
        );
        assert_eq!(address.account_id, None);
    }
    let legacy = app
        .hardware_addresses(&listing("legacy", 5, 1))
        .await
        .expect("listed");
    assert_eq!(legacy[0].path, "m/44'/60'/0'/5");

    // Show on the device: the user compares and confirms there.
    let shown = app
        .verify_hardware_address(&HardwarePathInput {
            wallet: "ledger".into(),
            path: FIRST.into(),
        })
        .await
        .expect("confirmed on the device");
    assert_eq!(shown, listed[0].address);
    assert_eq!(ledger.shown(), [LedgerSimulator::address_at(FIRST)]);

    // Without a node, no balances; with one, each address's coins on it.
    assert!(listed.iter().all(|a| a.balances.is_empty()));
    let anvil = Anvil::start();
    anvil.rpc(
        "anvil_setBalance",
        serde_json::json!([LedgerSimulator::address_at(FIRST), "0x14d1120d7b160000"]),
    );
    app.save_network(&saleguard_app::chain::networks::NetworkInput {
        rpc_url: anvil.url(),
        ..saleguard_core::network::NETWORK_PRESETS[2].to_draft()
    })
    .expect("network");
    let with_balances = app
        .hardware_addresses(&listing("ledger_live", 0, 2))
        .await
        .expect("listed");
    let balances: Vec<(u64, &str, Option<&str>)> = with_balances
        .iter()
        .flat_map(|a| a.balances.iter())
        .map(|b| (b.chain_id, b.network.as_str(), b.balance.as_deref()))
        .collect();
    assert_eq!(
        balances,
        [
            (31_337, "Local development chain", Some("1.5 ETH")),
            (31_337, "Local development chain", Some("0 ETH")),
        ]
    );
    // A node that went away: the addresses are still listed, without balances.
    drop(anvil);
    let without = app
        .hardware_addresses(&listing("ledger_live", 0, 1))
        .await
        .expect("listed all the same");
    assert_eq!(without[0].balances[0].balance, None);

    // The device must hold the chosen address at the chosen path.
    let mismatch = app
        .add_hardware_account(&adding("Ledger", FIRST, &listed[1].address))
        .await
        .expect_err("another path's address");
    assert_eq!(
        field_codes(&mismatch),
        [("address".to_owned(), ErrorCode::DeviceAddressMismatch)]
    );
    assert!(app.list_accounts().expect("accounts").is_empty());

    let account = app
        .add_hardware_account(&adding("Ledger", FIRST, &listed[0].address))
        .await
        .expect("added");
    assert_eq!(account.address, listed[0].address);
    assert_eq!(account.derivation_path.as_deref(), Some(FIRST));
    assert!(!account.has_secret, "nothing secret is kept");
    let again = app
        .hardware_addresses(&listing("ledger_live", 0, 1))
        .await
        .expect("listed");
    assert_eq!(again[0].account_id, Some(account.id));
    let duplicate = app
        .add_hardware_account(&adding("Ledger 2", FIRST, &listed[0].address))
        .await
        .expect_err("already an account");
    assert_eq!(duplicate.code, ErrorCode::AccountExists);

    // The user rejects the address on the device.
    ledger.set_mode(LedgerMode::Reject);
    let rejected = app
        .verify_hardware_address(&HardwarePathInput {
            wallet: "ledger".into(),
            path: FIRST.into(),
        })
        .await
        .expect_err("rejected");
    assert_eq!(rejected.code, ErrorCode::DeviceRejected);
}

#[tokio::test]
async fn connected_devices_are_listed_with_their_state() {
    let ledger = LedgerSimulator::start(LedgerMode::Approve);
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path(), &ledger);
    let devices = app.hardware_devices().await.expect("listed");
    assert_eq!(devices.len(), 1);
    assert_eq!(devices[0].state, DeviceState::Ready);
    assert_eq!(devices[0].app_version.as_deref(), Some("1.22.0"));
    assert_eq!(devices[0].blind_signing, Some(true));
    assert_eq!(
        devices[0].connection,
        format!("Ledger emulator at {}", ledger.address())
    );
    for (mode, state, says) in [
        (LedgerMode::Locked, DeviceState::Locked, "unlock it"),
        (
            LedgerMode::AppNotOpen,
            DeviceState::AppNotOpen,
            "open the Ethereum app",
        ),
    ] {
        ledger.set_mode(mode);
        let devices = app.hardware_devices().await.expect("listed");
        assert_eq!(devices[0].state, state);
        assert!(devices[0].message.contains(says), "{}", devices[0].message);
    }
    ledger.set_mode(LedgerMode::BlindSigningDisabled);
    assert_eq!(
        app.hardware_devices().await.expect("listed")[0].blind_signing,
        Some(false)
    );

    // Nothing listening: no device, an empty list.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a port")
        .local_addr()
        .expect("address")
        .to_string();
    let nowhere = tempfile::tempdir().expect("temp dir");
    let alone = Saleguard::start(
        DataPaths::at(nowhere.path()),
        Arc::new(FixedClock(wall_clock_now())),
    )
    .with_ledger_connection(LedgerConnection::Speculos(port));
    assert!(alone.hardware_devices().await.expect("listed").is_empty());
}

#[tokio::test]
async fn bad_input_is_refused_at_its_field_before_the_device_is_asked() {
    let ledger = LedgerSimulator::start(LedgerMode::Locked);
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path(), &ledger);
    let error = app
        .hardware_addresses(&HardwareAddressesInput {
            wallet: "keepkey".into(),
            scheme: "electrum".into(),
            start: 0,
            count: 21,
        })
        .await
        .expect_err("refused");
    assert_eq!(
        field_codes(&error),
        [
            ("wallet".to_owned(), ErrorCode::InvalidChoice),
            ("scheme".to_owned(), ErrorCode::InvalidChoice),
            ("count".to_owned(), ErrorCode::InvalidValue),
        ]
    );
    let error = app
        .hardware_addresses(&listing("bip44", u32::MAX - 1, 5))
        .await
        .expect_err("past the last index");
    assert_eq!(
        field_codes(&error),
        [("start".to_owned(), ErrorCode::InvalidValue)]
    );
    let error = app
        .add_hardware_account(&adding("", "m/44'/x", "0x12"))
        .await
        .expect_err("refused");
    assert_eq!(
        field_codes(&error),
        [
            ("path".to_owned(), ErrorCode::InvalidDerivationPath),
            ("address".to_owned(), ErrorCode::InvalidAddress),
            ("label".to_owned(), ErrorCode::Required),
        ]
    );
    // Valid input reaches the device, which is locked.
    let locked = app
        .hardware_addresses(&listing("bip44", 0, 1))
        .await
        .expect_err("locked");
    assert_eq!(locked.code, ErrorCode::DeviceLocked);
    assert!(locked.message.contains("unlock it"), "{}", locked.message);
}

#[tokio::test]
async fn a_contribution_is_signed_on_the_device_and_every_refusal_leaves_the_draft_intact() {
    let ledger = LedgerSimulator::start(LedgerMode::Approve);
    let anvil = Anvil::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path(), &ledger);
    let device_address = LedgerSimulator::address_at(FIRST);
    let (sale_address, participation) = hardware_sale(&app, &anvil, device_address);
    let account = app
        .add_hardware_account(&adding("Ledger", FIRST, &device_address.to_checksum(None)))
        .await
        .expect("added")
        .id;
    let input = ContributionInput {
        participation_id: participation,
        account_id: account,
        amount: "1".into(),
        fee_speed: FeeSpeed::Normal,
    };
    let plan = app.prepare_contribution(&input).await.expect("planned");
    let draft = plan.draft_id.clone().expect("a draft");

    // Before the prompt: what the device will show. contribute() is a call the device
    // cannot decode: blind signing, and the hash to compare.
    let prompt = plan.transaction.device_prompt.expect("a hardware account");
    assert!(prompt.blind_signing);
    let screens: Vec<(&str, &str)> = prompt
        .screens
        .iter()
        .map(|s| (s.label.as_str(), s.value.as_str()))
        .collect();
    let sale_text = sale_address.to_checksum(None);
    assert_eq!(prompt.software.as_deref(), Some("Ethereum app 1.22.0"));
    assert_eq!(prompt.may_differ, None, "the device's own version was read");
    assert!(prompt.shows_hash);
    let max_fee = plan.transaction.max_fee.replace(" ETH", " ???");
    assert_eq!(
        screens,
        [
            ("Blind signing ahead", ""),
            ("Review transaction", ""),
            ("From", device_address.to_checksum(None).as_str()),
            ("Amount", "1 ???"),
            ("To", sale_text.as_str()),
            ("Max fees", max_fee.as_str()),
            ("Network", "31337"),
            ("Tx hash", plan.transaction.signing_hash.as_str()),
            ("Accept risk and sign transaction", ""),
        ],
        "the app does not know the local chain: its coin is ???"
    );
    let previewed: Vec<(String, String)> = screens
        .iter()
        .map(|(label, value)| ((*label).to_owned(), (*value).to_owned()))
        .collect();

    // Each refusal: its own code, the draft still planned, nothing on chain.
    for (mode, code) in [
        (LedgerMode::Reject, ErrorCode::DeviceRejected),
        (LedgerMode::Locked, ErrorCode::DeviceLocked),
        (LedgerMode::AppNotOpen, ErrorCode::DeviceAppNotOpen),
        (
            LedgerMode::BlindSigningDisabled,
            ErrorCode::BlindSigningDisabled,
        ),
        (LedgerMode::SignOtherTransaction, ErrorCode::SigningFailed),
        (LedgerMode::Garbage, ErrorCode::DeviceMalformed),
        (LedgerMode::Disconnect, ErrorCode::DeviceDisconnected),
    ] {
        ledger.set_mode(mode);
        let error = app
            .send_transaction(&draft, None, &|_| {}, std::future::pending())
            .await
            .expect_err("not signed");
        assert_eq!(error.code, code, "{mode:?}: {}", error.message);
        let kept = app.transaction(&draft).expect("the draft");
        assert_eq!(kept.status, TxStatus::Planned, "{mode:?}");
        assert_eq!(kept.hash, None, "{mode:?}");
        assert_eq!(
            anvil.nonce(&device_address.to_checksum(None)),
            0,
            "{mode:?}"
        );
    }

    // Approved on the device (after a disconnect, the app connects again).
    ledger.set_mode(LedgerMode::Approve);
    let states = Mutex::new(Vec::new());
    let sent = app
        .send_transaction(
            &draft,
            None,
            &|step: TxProgress| states.lock().expect("lock").push(step),
            std::future::pending(),
        )
        .await
        .expect("signed on the device and sent");
    assert_eq!(sent.status, TxStatus::Sent);
    assert_eq!(
        ledger.screens().last(),
        Some(&previewed),
        "the device showed what the review previewed"
    );
    let states = states.into_inner().expect("states");
    let connecting = states
        .iter()
        .position(|s| *s == TxProgress::ConnectingDevice)
        .expect("connecting shown");
    let waiting = states
        .iter()
        .position(|s| *s == TxProgress::WaitingForConfirmation)
        .expect("the prompt shown");
    assert!(connecting < waiting, "{states:?}");
    assert!(
        !states.contains(&TxProgress::LoadingKey),
        "no keyring involved"
    );

    let done = app
        .follow_transaction(
            &draft,
            Duration::from_millis(50),
            &|_| {},
            std::future::pending(),
        )
        .await
        .expect("followed");
    assert_eq!(done.status, TxStatus::Confirmed);
    assert_eq!(
        anvil.call_word(sale_address, "contributions(address)", Some(device_address)),
        eth(1)
    );
}
