//! The Ledger signer against a simulated device speaking the Ethereum app's APDUs over
//! Speculos' TCP framing: every way a device can answer ends in the state or the typed
//! error the user should see, and nothing wrongly signed gets past the signature check.

use crate::common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use alloy_consensus::transaction::SignerRecoverable;
use alloy_consensus::{SignableTransaction, TxEip1559};
use alloy_primitives::Address;
use common::{PATH, path, quick, transaction};
use saleguard_chain::signer::{SignError, SigningState, sign_transaction};
use saleguard_core::account::DerivationPath;
use saleguard_hardware::{DeviceError, LedgerConnection, LedgerDevice, LedgerSigner};
use saleguard_testkit::{LedgerMode, LedgerSimulator};

async fn device(simulator: &LedgerSimulator) -> Arc<LedgerDevice> {
    let connection = LedgerConnection::Speculos(simulator.address().to_owned());
    Arc::new(
        LedgerDevice::connect(connection, quick())
            .await
            .expect("connected"),
    )
}

/// Signs through the full path (progress, cancel, signature check) and returns the
/// outcome with the states reported.
async fn sign(
    simulator: &LedgerSimulator,
    tx: TxEip1559,
) -> (Result<Address, SignError>, Vec<SigningState>) {
    let signer = LedgerSigner::new(
        device(simulator).await,
        path(),
        LedgerSimulator::address_at(PATH),
    );
    let states = Mutex::new(Vec::new());
    let report = |state: SigningState| states.lock().expect("lock").push(state);
    let outcome = sign_transaction(&signer, tx, &report, std::future::pending())
        .await
        .map(|signed| signed.recover_signer().expect("recoverable"));
    (outcome, states.into_inner().expect("states"))
}

#[tokio::test]
async fn addresses_are_read_and_shown_on_the_device_for_checking() {
    let simulator = LedgerSimulator::start(LedgerMode::Approve);
    let ledger = device(&simulator).await;
    let expected = LedgerSimulator::address_at(PATH);
    assert_eq!(ledger.address(&path(), false).await, Ok(expected));
    assert!(
        simulator.shown().is_empty(),
        "nothing shown for a silent read"
    );
    assert_eq!(ledger.address(&path(), true).await, Ok(expected));
    assert_eq!(simulator.shown(), [expected]);
    let other = DerivationPath::parse("m/44'/60'/1'/0/0").expect("path");
    assert_eq!(
        ledger.address(&other, false).await,
        Ok(LedgerSimulator::address_at("m/44'/60'/1'/0/0"))
    );
    assert_ne!(LedgerSimulator::address_at("m/44'/60'/1'/0/0"), expected);

    simulator.set_mode(LedgerMode::Reject);
    assert_eq!(
        ledger.address(&path(), true).await,
        Err(DeviceError::Rejected),
        "the user says the address on the screen is not the one shown in the app"
    );
}

#[tokio::test]
async fn an_approved_transaction_is_signed_by_the_account_and_reports_each_state() {
    let simulator = LedgerSimulator::start(LedgerMode::Approve);
    let (signer, states) = sign(&simulator, transaction(0)).await;
    assert_eq!(signer, Ok(LedgerSimulator::address_at(PATH)));
    assert_eq!(
        states,
        [
            SigningState::ConnectingDevice,
            SigningState::WaitingForConfirmation,
            SigningState::Signed
        ]
    );
    // A contract call whose payload takes three APDUs.
    let (signer, _) = sign(&simulator, transaction(600)).await;
    assert_eq!(signer, Ok(LedgerSimulator::address_at(PATH)));
    assert_eq!(simulator.signing_requests(), 2);
}

#[tokio::test]
async fn each_device_state_ends_in_its_own_error() {
    for (mode, data_len, expected) in [
        (LedgerMode::Reject, 0, DeviceError::Rejected),
        (LedgerMode::Locked, 0, DeviceError::Locked),
        (LedgerMode::AppNotOpen, 0, DeviceError::AppNotOpen),
        (
            LedgerMode::BlindSigningDisabled,
            68,
            DeviceError::BlindSigningDisabled,
        ),
        (LedgerMode::Disconnect, 0, DeviceError::Disconnected),
        (LedgerMode::Silent, 0, DeviceError::TimedOut(3)),
    ] {
        let simulator = LedgerSimulator::start(mode);
        let (outcome, states) = sign(&simulator, transaction(data_len)).await;
        assert_eq!(outcome, Err(SignError::Device(expected)), "{mode:?}");
        assert!(!states.contains(&SigningState::Signed), "{mode:?}");
    }
    // Blind signing off only matters for calls with data.
    let simulator = LedgerSimulator::start(LedgerMode::BlindSigningDisabled);
    let (outcome, _) = sign(&simulator, transaction(0)).await;
    assert_eq!(outcome, Ok(LedgerSimulator::address_at(PATH)));
}

#[tokio::test]
async fn malformed_answers_and_signatures_of_something_else_are_refused() {
    let simulator = LedgerSimulator::start(LedgerMode::Garbage);
    let (outcome, _) = sign(&simulator, transaction(0)).await;
    assert!(
        matches!(outcome, Err(SignError::Device(DeviceError::Malformed(_)))),
        "{outcome:?}"
    );
    let ledger = device(&simulator).await;
    assert!(matches!(
        ledger.address(&path(), false).await,
        Err(DeviceError::Malformed(_))
    ));

    // The device signs a transaction for another chain: the signature does not recover
    // to the account, so it is never broadcast.
    let simulator = LedgerSimulator::start(LedgerMode::SignOtherTransaction);
    let (outcome, _) = sign(&simulator, transaction(0)).await;
    assert!(
        matches!(outcome, Err(SignError::WrongSigner { expected, .. }) if expected == LedgerSimulator::address_at(PATH)),
        "{outcome:?}"
    );
}

#[tokio::test]
async fn a_second_request_while_the_prompt_is_up_is_refused_as_busy() {
    let simulator = LedgerSimulator::start(LedgerMode::Silent);
    let ledger = device(&simulator).await;
    let first = {
        let ledger = Arc::clone(&ledger);
        tokio::spawn(async move { ledger.sign(&path(), &transaction(0)).await })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        ledger.sign(&path(), &transaction(0)).await,
        Err(DeviceError::Busy)
    );
    assert_eq!(first.await.expect("joined"), Err(DeviceError::TimedOut(3)));
    // The prompt is still up on the device: the reply is still owed.
    assert_eq!(ledger.address(&path(), false).await, Err(DeviceError::Busy));
}

#[tokio::test]
async fn no_device_is_a_clear_error_not_a_hang_or_a_panic() {
    let unused = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let address = unused.local_addr().expect("address").to_string();
    drop(unused);
    let error = LedgerDevice::connect(LedgerConnection::Speculos(address.clone()), quick())
        .await
        .expect_err("nothing listens");
    assert_eq!(
        error,
        DeviceError::NotFound(format!("Ledger emulator at {address}"))
    );
    assert!(error.to_string().contains("connect it, unlock it"));
    // USB: this machine has no Ledger (and possibly no USB at all); either way the
    // answer is an error that says so, within the timeout, not a panic.
    let usb = tokio::time::timeout(
        Duration::from_secs(20),
        LedgerDevice::connect(LedgerConnection::Usb, quick()),
    )
    .await
    .expect("answered in time");
    if let Err(error) = usb {
        assert_eq!(error, DeviceError::NotFound("Ledger".to_owned()));
    }
}

#[test]
fn the_signing_payload_is_the_eip_2718_signing_encoding() {
    // What the device hashes is exactly what the signature is checked against.
    let tx = transaction(4);
    let mut encoded = Vec::new();
    tx.encode_for_signing(&mut encoded);
    assert_eq!(encoded[0], 0x02);
    assert_eq!(alloy_primitives::keccak256(&encoded), tx.signature_hash());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_process_is_told_at_once_who_has_the_device_and_the_answer_stays_with_the_asker() {
    // Two connections stand for two processes: the lock is taken per open lock file.
    let simulator = LedgerSimulator::start(LedgerMode::Approve);
    let (first, second) = (device(&simulator).await, device(&simulator).await);
    assert!(second.configuration().await.is_ok(), "free while idle");

    simulator.pause_at_prompts();
    let asking = {
        let first = Arc::clone(&first);
        tokio::spawn(async move { first.address(&path(), true).await })
    };
    wait_for_prompt(&simulator).await;
    let before = simulator.requests();
    assert_eq!(
        second.configuration().await,
        Err(DeviceError::InUse(Some(std::process::id())))
    );
    assert_eq!(
        second.address(&path(), true).await,
        Err(DeviceError::InUse(Some(std::process::id())))
    );
    assert_eq!(simulator.requests(), before, "nothing reached the device");
    assert!(
        DeviceError::InUse(Some(42))
            .to_string()
            .starts_with("busy: in use by Saleguard (pid 42)")
    );

    simulator.resume();
    let expected = LedgerSimulator::address_at(PATH);
    assert_eq!(asking.await.expect("joined"), Ok(expected));
    assert_eq!(simulator.shown(), [expected], "shown once, to the asker");
    assert_eq!(second.address(&path(), false).await, Ok(expected));
    assert!(
        first.configuration().await.is_ok(),
        "the second lets the device go once answered"
    );
}

#[tokio::test]
async fn a_prompt_left_unanswered_keeps_the_device_for_one_more_confirmation_time() {
    let simulator = LedgerSimulator::start(LedgerMode::Silent);
    let (first, second) = (device(&simulator).await, device(&simulator).await);
    assert_eq!(
        first.sign(&path(), &transaction(0)).await,
        Err(DeviceError::TimedOut(3))
    );
    // Its answer could still come, and must not reach anyone else.
    assert_eq!(
        second.configuration().await,
        Err(DeviceError::InUse(Some(std::process::id())))
    );
    // Nothing asks the first connection again: after one more confirmation time (3 s
    // here) the device is let go, and another process may ask (this simulated device
    // still shows the silent prompt, so the question goes unanswered).
    tokio::time::sleep(quick().confirmation + Duration::from_millis(500)).await;
    assert_eq!(second.configuration().await, Err(DeviceError::TimedOut(2)));
    // Both connections gone (the prompt with the first): the device is free.
    drop((first, second));
    simulator.set_mode(LedgerMode::Approve);
    assert!(device(&simulator).await.configuration().await.is_ok());
}

/// Waits, off the runtime's threads, until the simulator shows a prompt.
async fn wait_for_prompt(simulator: &LedgerSimulator) {
    tokio::task::block_in_place(|| simulator.wait_for_prompt());
}
