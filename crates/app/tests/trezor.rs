//! Trezor accounts through the app layer, against a simulated Trezor (the wire protocol
//! over the emulator's UDP transport) and a real local chain: the device listed with its
//! state, addresses listed and checked on the device, an account added, contributions
//! signed on the device (after its PIN) and sent — and every way the device can say no,
//! leaving the draft intact and nothing sent.

use crate::common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{eth, hardware_sale, wall_clock_now};
use saleguard_app::accounts::hardware::{
    AddHardwareAccount, DeviceState, HardwareAddressesInput, HardwarePathInput,
};
use saleguard_app::chain::devices::{LedgerConnection, TrezorConnection};
use saleguard_app::chain::plans::{ContributionInput, FeeSpeed, TransactionPlan};
use saleguard_app::chain::transactions::{TxProgress, TxStatus};
use saleguard_app::{DataPaths, ErrorCode, FixedClock, Saleguard};
use saleguard_testkit::{Anvil, LedgerMode, LedgerSimulator, TrezorMode, TrezorSimulator};

const FIRST: &str = "m/44'/60'/0'/0/0";

/// The app with a simulated Trezor, and no Ledger (nothing listens where it would be).
fn app(dir: &std::path::Path, trezor: &TrezorSimulator) -> Saleguard {
    let nowhere = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a port")
        .local_addr()
        .expect("address")
        .to_string();
    Saleguard::start(DataPaths::at(dir), Arc::new(FixedClock(wall_clock_now())))
        .with_ledger_connection(LedgerConnection::Speculos(nowhere))
        .with_trezor_connection(TrezorConnection::Emulator(trezor.address().to_owned()))
}

fn on_trezor(path: &str) -> HardwarePathInput {
    HardwarePathInput {
        wallet: "trezor".into(),
        path: path.into(),
    }
}

/// The simulated Trezor's first address added as an account, and a contribution of 1 ETH
/// from it planned in `participation`.
async fn trezor_contribution(app: &Saleguard, participation: i64) -> TransactionPlan {
    let account = app
        .add_hardware_account(&AddHardwareAccount {
            label: "Trezor".into(),
            wallet: "trezor".into(),
            path: FIRST.into(),
            address: TrezorSimulator::address_at(FIRST).to_checksum(None),
        })
        .await
        .expect("added")
        .id;
    app.prepare_contribution(&ContributionInput {
        participation_id: participation,
        account_id: account,
        amount: "1".into(),
        fee_speed: FeeSpeed::Normal,
    })
    .await
    .expect("planned")
}

#[tokio::test]
async fn a_trezor_is_listed_with_its_state_beside_a_ledger() {
    let trezor = TrezorSimulator::start(TrezorMode::Approve);
    let ledger = LedgerSimulator::start(LedgerMode::Approve);
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path(), &trezor)
        .with_ledger_connection(LedgerConnection::Speculos(ledger.address().to_owned()));
    let devices = app.hardware_devices().await.expect("listed");
    let wallets: Vec<&str> = devices.iter().map(|d| d.wallet.as_str()).collect();
    assert_eq!(wallets, ["ledger", "trezor"]);
    let found = &devices[1];
    assert_eq!(found.state, DeviceState::Ready);
    assert_eq!(found.model.as_deref(), Some("Trezor Model T"));
    assert_eq!(found.label.as_deref(), Some("Saleguard test"));
    assert_eq!(found.firmware.as_deref(), Some("2.8.1"));
    assert_eq!(found.blind_signing, None, "a Trezor has no such setting");
    assert_eq!(
        found.connection,
        format!("Trezor emulator at {}", trezor.address())
    );

    for (mode, state, says) in [
        (
            TrezorMode::Pin,
            DeviceState::Locked,
            "unlock it with your PIN",
        ),
        (
            TrezorMode::PinOnComputer,
            DeviceState::Locked,
            "unlock it in Trezor Suite",
        ),
    ] {
        trezor.set_mode(mode);
        let devices = app.hardware_devices().await.expect("listed");
        assert_eq!(devices[1].state, state, "{mode:?}");
        assert!(devices[1].message.contains(says), "{}", devices[1].message);
    }
    trezor.set_mode(TrezorMode::Busy);
    // Busy only shows on a request that needs the device: the listing still reads it.
    assert_eq!(
        app.hardware_devices().await.expect("listed")[1].state,
        DeviceState::Ready
    );

    // A Trezor that is gone is not listed; the Ledger still is.
    let alone = tempfile::tempdir().expect("temp dir");
    let unused = std::net::UdpSocket::bind("127.0.0.1:0").expect("a port");
    let nowhere = unused.local_addr().expect("address").to_string();
    drop(unused);
    let without = Saleguard::start(
        DataPaths::at(alone.path()),
        Arc::new(FixedClock(wall_clock_now())),
    )
    .with_ledger_connection(LedgerConnection::Speculos(ledger.address().to_owned()))
    .with_trezor_connection(TrezorConnection::Emulator(nowhere));
    let devices = without.hardware_devices().await.expect("listed");
    assert_eq!(devices.len(), 1);
    assert_eq!(devices[0].wallet, "ledger");
}

#[tokio::test]
async fn trezor_addresses_are_listed_checked_on_the_device_and_added() {
    let trezor = TrezorSimulator::start(TrezorMode::Approve);
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path(), &trezor);
    let listed = app
        .hardware_addresses(&HardwareAddressesInput {
            wallet: "trezor".into(),
            scheme: "bip44".into(),
            start: 0,
            count: 3,
        })
        .await
        .expect("listed");
    let paths: Vec<&str> = listed.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(
        paths,
        ["m/44'/60'/0'/0/0", "m/44'/60'/0'/0/1", "m/44'/60'/0'/0/2"]
    );
    for address in &listed {
        assert_eq!(
            address.address,
            TrezorSimulator::address_at(&address.path).to_checksum(None)
        );
    }
    let shown = app
        .verify_hardware_address(&on_trezor(FIRST))
        .await
        .expect("confirmed on the device");
    assert_eq!(shown, listed[0].address);
    assert_eq!(trezor.shown(), [TrezorSimulator::address_at(FIRST)]);

    let mismatch = app
        .add_hardware_account(&AddHardwareAccount {
            label: "Trezor".into(),
            wallet: "trezor".into(),
            path: FIRST.into(),
            address: listed[1].address.clone(),
        })
        .await
        .expect_err("another path's address");
    let fields: Vec<(&str, ErrorCode)> = mismatch
        .invalid_fields
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(fields, [("address", ErrorCode::DeviceAddressMismatch)]);
    let account = app
        .add_hardware_account(&AddHardwareAccount {
            label: "Trezor".into(),
            wallet: "trezor".into(),
            path: FIRST.into(),
            address: listed[0].address.clone(),
        })
        .await
        .expect("added");
    assert_eq!(account.address, listed[0].address);
    assert!(!account.has_secret, "nothing secret is kept");
    assert_eq!(account.hardware_wallet.as_deref(), Some("trezor"));
    let listed_accounts = app.list_accounts().expect("accounts");
    assert_eq!(
        listed_accounts[0].hardware_wallet.as_deref(),
        Some("trezor")
    );

    trezor.set_mode(TrezorMode::Reject);
    let rejected = app
        .verify_hardware_address(&on_trezor(FIRST))
        .await
        .expect_err("rejected");
    assert_eq!(rejected.code, ErrorCode::DeviceRejected);
    trezor.set_mode(TrezorMode::PinOnComputer);
    let locked = app
        .verify_hardware_address(&on_trezor(FIRST))
        .await
        .expect_err("a Trezor One's PIN is typed on the computer");
    assert_eq!(locked.code, ErrorCode::DeviceLocked);
    assert!(
        locked.message.contains("Trezor Suite"),
        "{}",
        locked.message
    );
}

#[tokio::test]
async fn a_contribution_is_signed_on_a_trezor_and_every_refusal_leaves_the_draft_intact() {
    let trezor = TrezorSimulator::start(TrezorMode::Approve);
    let anvil = Anvil::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path(), &trezor);
    let device_address = TrezorSimulator::address_at(FIRST);
    let (sale_address, participation) = hardware_sale(&app, &anvil, device_address);
    let plan = trezor_contribution(&app, participation).await;
    let draft = plan.draft_id.clone().expect("a draft");

    // Before the prompt: what the Trezor will show. It cannot decode contribute(): it
    // shows the raw data, to compare byte for byte; and its firmware does not know the
    // local chain, so it calls the coin "UNKN".
    let prompt = plan
        .transaction
        .device_prompt
        .clone()
        .expect("a hardware account");
    assert_eq!(prompt.wallet, "Trezor");
    assert!(prompt.shows_raw_data && !prompt.blind_signing);
    assert_eq!(prompt.unknown_network_coin.as_deref(), Some("ETH"));
    let screens: Vec<(&str, &str)> = prompt
        .screens
        .iter()
        .map(|s| (s.label.as_str(), s.value.as_str()))
        .collect();
    let sale_text = sale_address.to_checksum(None);
    let max_fee_unknown = plan.transaction.max_fee.replace(" ETH", " UNKN");
    let data_label = format!(
        "CONFIRM DATA: Size: {} bytes",
        (plan.transaction.data.len() - 2) / 2
    );
    assert_eq!(
        prompt.software.as_deref(),
        Some("Trezor Model T firmware 2.8.1")
    );
    assert_eq!(
        prompt.may_differ, None,
        "the device's own firmware was read"
    );
    assert_eq!(
        screens,
        [
            (data_label.as_str(), plan.transaction.data.as_str()),
            ("RECIPIENT", sale_text.as_str()),
            ("SUMMARY: Amount", "1 UNKN"),
            ("SUMMARY: Maximum fee", max_fee_unknown.as_str()),
        ]
    );
    let previewed: Vec<(String, String)> = screens
        .iter()
        .map(|(label, value)| ((*label).to_owned(), (*value).to_owned()))
        .collect();

    let intact = |mode: TrezorMode| {
        let kept = app.transaction(&draft).expect("the draft");
        assert_eq!(kept.status, TxStatus::Planned, "{mode:?}");
        assert_eq!(kept.hash, None, "{mode:?}");
        assert_eq!(
            anvil.nonce(&device_address.to_checksum(None)),
            0,
            "{mode:?}"
        );
    };
    for (mode, code) in [
        (TrezorMode::Reject, ErrorCode::DeviceRejected),
        (TrezorMode::WrongPin, ErrorCode::DeviceLocked),
        (TrezorMode::PinOnComputer, ErrorCode::DeviceLocked),
        (TrezorMode::Busy, ErrorCode::DeviceBusy),
        (TrezorMode::SignOtherTransaction, ErrorCode::SigningFailed),
        (TrezorMode::Garbage, ErrorCode::DeviceMalformed),
        (TrezorMode::Disconnect, ErrorCode::DeviceDisconnected),
        (TrezorMode::Truncated, ErrorCode::DeviceDisconnected),
    ] {
        trezor.set_mode(mode);
        let error = app
            .send_transaction(&draft, None, &|_| {}, std::future::pending())
            .await
            .expect_err("not signed");
        assert_eq!(error.code, code, "{mode:?}: {}", error.message);
        intact(mode);
    }

    // A second request while the device shows the first one's prompt: refused as busy,
    // and the first goes on undisturbed.
    trezor.set_mode(TrezorMode::Approve);
    trezor.pause_at_prompts();
    let (first, second) = tokio::join!(
        app.send_transaction(
            &draft,
            None,
            &|_| {},
            tokio::time::sleep(Duration::from_secs(2))
        ),
        async {
            tokio::time::sleep(Duration::from_millis(700)).await;
            app.verify_hardware_address(&on_trezor(FIRST)).await
        }
    );
    assert_eq!(
        second.expect_err("busy").code,
        ErrorCode::DeviceBusy,
        "one request at a time"
    );
    assert_eq!(
        first.expect_err("cancelled").code,
        ErrorCode::SigningCancelled
    );
    intact(TrezorMode::Approve);
    trezor.resume();
    tokio::time::sleep(Duration::from_millis(300)).await;

    // Cancelled in the app while the prompt is up: the device is told, nothing is sent.
    trezor.set_mode(TrezorMode::Silent);
    let cancelled = app
        .send_transaction(
            &draft,
            None,
            &|_| {},
            tokio::time::sleep(Duration::from_millis(500)),
        )
        .await
        .expect_err("cancelled");
    assert_eq!(cancelled.code, ErrorCode::SigningCancelled);
    intact(TrezorMode::Silent);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        trezor.cancelled(),
        2,
        "each cancelled prompt was cleared on the device"
    );

    // Locked: the device asks for its PIN on its screen, then for the confirmation.
    trezor.set_mode(TrezorMode::Pin);
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
        trezor.screens().last(),
        Some(&previewed),
        "the device showed what the review previewed"
    );
    let states = states.into_inner().expect("states");
    let device_states: Vec<&TxProgress> = states
        .iter()
        .filter(|s| {
            matches!(
                s,
                TxProgress::ConnectingDevice
                    | TxProgress::WaitingForPin
                    | TxProgress::WaitingForConfirmation
            )
        })
        .collect();
    assert_eq!(
        device_states,
        [
            &TxProgress::ConnectingDevice,
            &TxProgress::WaitingForPin,
            &TxProgress::WaitingForConfirmation
        ]
    );
    let signed = trezor.signing_requests();
    let last = signed.last().expect("signed");
    assert_eq!(last.input.to_string(), plan.transaction.data);

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

#[tokio::test]
async fn looking_for_the_device_is_part_of_signing_and_can_be_cancelled() {
    let trezor = TrezorSimulator::start(TrezorMode::Approve);
    let anvil = Anvil::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let device_address = TrezorSimulator::address_at(FIRST);
    let draft = {
        let app = app(dir.path(), &trezor);
        let (_, participation) = hardware_sale(&app, &anvil, device_address);
        trezor_contribution(&app, participation)
            .await
            .draft_id
            .expect("a draft")
    };

    // Later, something holds the emulator's port but never answers: Saleguard keeps
    // looking for the device (up to 10 s), and the user cancels meanwhile.
    let mute = std::net::UdpSocket::bind("127.0.0.1:0").expect("a port");
    let nowhere = mute.local_addr().expect("address").to_string();
    let app = Saleguard::start(
        DataPaths::at(dir.path()),
        Arc::new(FixedClock(wall_clock_now())),
    )
    .with_trezor_connection(TrezorConnection::Emulator(nowhere));
    let states = Mutex::new(Vec::new());
    let started = std::time::Instant::now();
    let cancelled = app
        .send_transaction(
            &draft,
            None,
            &|step: TxProgress| states.lock().expect("lock").push(step),
            tokio::time::sleep(Duration::from_millis(300)),
        )
        .await
        .expect_err("cancelled");
    assert_eq!(cancelled.code, ErrorCode::SigningCancelled);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "at once, not after the search: {:?}",
        started.elapsed()
    );
    assert_eq!(
        states.into_inner().expect("states").last(),
        Some(&TxProgress::ConnectingDevice),
        "the device is looked for as soon as the review is checked"
    );
    assert_eq!(
        app.transaction(&draft).expect("the draft").status,
        TxStatus::Planned
    );
}
