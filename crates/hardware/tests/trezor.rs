//! The Trezor signer against a simulated device speaking the Trezor wire protocol over
//! the emulator's UDP transport: every way a device can answer ends in the state or the
//! typed error the user should see, a cancelled signing clears the device's prompt, and
//! nothing wrongly signed gets past the signature check.

use crate::common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use alloy_consensus::TxEip1559;
use alloy_consensus::transaction::SignerRecoverable;
use alloy_primitives::Address;
use common::{PATH, path, quick, transaction};
use saleguard_chain::signer::{SignError, SigningState, sign_transaction};
use saleguard_core::account::DerivationPath;
use saleguard_hardware::{DeviceError, TrezorConnection, TrezorDevice, TrezorSigner};
use saleguard_testkit::{TrezorMode, TrezorSimulator};

async fn device(simulator: &TrezorSimulator) -> Arc<TrezorDevice> {
    let connection = TrezorConnection::Emulator(simulator.address().to_owned());
    Arc::new(
        TrezorDevice::connect(connection, quick())
            .await
            .expect("connected"),
    )
}

/// Signs through the full path (progress, cancel, signature check) on `device`, and
/// returns the outcome with the states reported.
async fn sign_on(
    device: Arc<TrezorDevice>,
    tx: TxEip1559,
    cancel: impl std::future::Future<Output = ()>,
) -> (Result<Address, SignError>, Vec<SigningState>) {
    let signer = TrezorSigner::new(device, path(), TrezorSimulator::address_at(PATH));
    let states = Mutex::new(Vec::new());
    let report = |state: SigningState| states.lock().expect("lock").push(state);
    let outcome = sign_transaction(&signer, tx, &report, cancel)
        .await
        .map(|signed| signed.recover_signer().expect("recoverable"));
    (outcome, states.into_inner().expect("states"))
}

async fn sign(
    simulator: &TrezorSimulator,
    tx: TxEip1559,
) -> (Result<Address, SignError>, Vec<SigningState>) {
    sign_on(device(simulator).await, tx, std::future::pending()).await
}

#[tokio::test]
async fn addresses_are_read_and_shown_on_the_device_for_checking() {
    let simulator = TrezorSimulator::start(TrezorMode::Approve);
    let trezor = device(&simulator).await;
    let expected = TrezorSimulator::address_at(PATH);
    assert_eq!(trezor.address(&path(), false).await, Ok(expected));
    assert!(
        simulator.shown().is_empty(),
        "nothing shown for a silent read"
    );
    assert_eq!(trezor.address(&path(), true).await, Ok(expected));
    assert_eq!(simulator.shown(), [expected]);
    let other = "m/44'/60'/0'/0/1";
    assert_eq!(
        trezor
            .address(&DerivationPath::parse(other).expect("path"), false)
            .await,
        Ok(TrezorSimulator::address_at(other))
    );
    assert_ne!(TrezorSimulator::address_at(other), expected);

    let features = trezor.features().await.expect("features");
    assert_eq!(features.model, "T");
    assert_eq!(features.firmware, (2, 8, 1));
    assert!(features.unlocked);

    simulator.set_mode(TrezorMode::Reject);
    assert_eq!(
        trezor.address(&path(), true).await,
        Err(DeviceError::Rejected),
        "the user says the address on the screen is not the one shown in the app"
    );
}

#[tokio::test]
async fn an_approved_transaction_is_signed_by_the_account_and_reports_each_state() {
    let simulator = TrezorSimulator::start(TrezorMode::Approve);
    let tx = transaction(0);
    let (signer, states) = sign(&simulator, tx.clone()).await;
    assert_eq!(signer, Ok(TrezorSimulator::address_at(PATH)));
    assert_eq!(
        states,
        [
            SigningState::ConnectingDevice,
            SigningState::WaitingForConfirmation,
            SigningState::Signed
        ]
    );
    assert_eq!(simulator.signing_requests(), [tx]);

    // A contract call with more data than the first message carries: the device asks for
    // the rest in chunks (showing the first pages in between), and signs exactly the data
    // sent.
    let long = transaction(2500);
    let (signer, _) = sign(&simulator, long.clone()).await;
    assert_eq!(signer, Ok(TrezorSimulator::address_at(PATH)));
    assert_eq!(simulator.chunks_requested(), [1024, 452]);
    assert_eq!(simulator.signing_requests()[1], long);
}

#[tokio::test]
async fn a_locked_device_asks_for_its_pin_on_its_screen_then_signs() {
    let simulator = TrezorSimulator::start(TrezorMode::Pin);
    let trezor = device(&simulator).await;
    assert!(!trezor.features().await.expect("features").unlocked);
    let (signer, states) =
        sign_on(Arc::clone(&trezor), transaction(0), std::future::pending()).await;
    assert_eq!(signer, Ok(TrezorSimulator::address_at(PATH)));
    assert_eq!(
        states,
        [
            SigningState::ConnectingDevice,
            SigningState::WaitingForPin,
            SigningState::WaitingForConfirmation,
            SigningState::Signed
        ]
    );
    assert!(trezor.features().await.expect("features").unlocked);
}

#[tokio::test]
async fn a_passphrase_is_left_to_the_device_and_the_signing_goes_on() {
    let simulator = TrezorSimulator::start(TrezorMode::Passphrase);
    let (signer, states) = sign(&simulator, transaction(0)).await;
    assert_eq!(signer, Ok(TrezorSimulator::address_at(PATH)));
    assert_eq!(
        states,
        [
            SigningState::ConnectingDevice,
            SigningState::WaitingForConfirmation,
            SigningState::Signed
        ]
    );
}

#[tokio::test]
async fn each_device_state_ends_in_its_own_error() {
    for (mode, expected) in [
        (TrezorMode::Reject, DeviceError::Rejected),
        (TrezorMode::WrongPin, DeviceError::Locked),
        (TrezorMode::PinOnComputer, DeviceError::PinOnComputer),
        (TrezorMode::Busy, DeviceError::Busy),
        (TrezorMode::Disconnect, DeviceError::Disconnected),
        (TrezorMode::Truncated, DeviceError::Disconnected),
        (TrezorMode::Silent, DeviceError::TimedOut(3)),
    ] {
        let simulator = TrezorSimulator::start(mode);
        let (outcome, states) = sign(&simulator, transaction(68)).await;
        assert_eq!(outcome, Err(SignError::Device(expected)), "{mode:?}");
        assert!(!states.contains(&SigningState::Signed), "{mode:?}");
    }
}

#[tokio::test]
async fn a_trezor_one_asking_for_its_pin_on_the_computer_is_told_apart() {
    let simulator = TrezorSimulator::start(TrezorMode::PinOnComputer);
    let trezor = device(&simulator).await;
    let features = trezor.features().await.expect("features");
    assert!(features.pin_on_computer() && !features.unlocked);
    // Asked for an address anyway, the request is ended on the device.
    assert_eq!(
        trezor.address(&path(), false).await,
        Err(DeviceError::PinOnComputer)
    );
    assert_eq!(simulator.cancelled(), 1);
    assert!(
        DeviceError::PinOnComputer
            .to_string()
            .contains("unlock it in Trezor Suite")
    );
}

#[tokio::test]
async fn malformed_answers_and_signatures_of_something_else_are_refused() {
    let simulator = TrezorSimulator::start(TrezorMode::Approve);
    let trezor = device(&simulator).await;
    simulator.set_mode(TrezorMode::Garbage);
    let (outcome, _) = sign_on(Arc::clone(&trezor), transaction(0), std::future::pending()).await;
    assert!(
        matches!(outcome, Err(SignError::Device(DeviceError::Malformed(_)))),
        "{outcome:?}"
    );
    assert!(matches!(
        trezor.address(&path(), false).await,
        Err(DeviceError::Malformed(_))
    ));

    // The device signs a transaction for another chain: the signature does not recover
    // to the account, so it is never broadcast.
    let simulator = TrezorSimulator::start(TrezorMode::SignOtherTransaction);
    let (outcome, _) = sign(&simulator, transaction(0)).await;
    assert!(
        matches!(outcome, Err(SignError::WrongSigner { expected, .. }) if expected == TrezorSimulator::address_at(PATH)),
        "{outcome:?}"
    );
}

#[tokio::test]
async fn a_second_request_while_the_prompt_is_up_is_refused_as_busy() {
    let simulator = TrezorSimulator::start(TrezorMode::Silent);
    let trezor = device(&simulator).await;
    let first = {
        let trezor = Arc::clone(&trezor);
        tokio::spawn(async move { trezor.sign(&path(), &transaction(0), &|_| {}).await })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        trezor.sign(&path(), &transaction(0), &|_| {}).await,
        Err(DeviceError::Busy)
    );
    assert_eq!(trezor.address(&path(), false).await, Err(DeviceError::Busy));
    assert_eq!(first.await.expect("joined"), Err(DeviceError::TimedOut(3)));
}

#[tokio::test]
async fn a_cancelled_signing_clears_the_prompt_on_the_device() {
    let simulator = TrezorSimulator::start(TrezorMode::Silent);
    let trezor = device(&simulator).await;
    let (outcome, states) = sign_on(
        Arc::clone(&trezor),
        transaction(0),
        tokio::time::sleep(Duration::from_millis(500)),
    )
    .await;
    assert_eq!(outcome, Err(SignError::Cancelled));
    assert!(states.contains(&SigningState::WaitingForConfirmation));
    // The device is told to cancel, and is free for the next request.
    simulator.set_mode(TrezorMode::Approve);
    let mut waited = 0;
    while simulator.cancelled() == 0 && waited < 50 {
        tokio::time::sleep(Duration::from_millis(20)).await;
        waited += 1;
    }
    assert_eq!(simulator.cancelled(), 1);
    let (signer, _) = sign_on(trezor, transaction(0), std::future::pending()).await;
    assert_eq!(signer, Ok(TrezorSimulator::address_at(PATH)));
}

#[tokio::test]
async fn a_device_pulled_out_is_found_again_once_it_is_back() {
    let simulator = TrezorSimulator::start(TrezorMode::Disconnect);
    let trezor = device(&simulator).await;
    let started = std::time::Instant::now();
    let (outcome, _) = sign_on(Arc::clone(&trezor), transaction(0), std::future::pending()).await;
    assert_eq!(outcome, Err(SignError::Device(DeviceError::Disconnected)));
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "told at once, not after the confirmation time: {:?}",
        started.elapsed()
    );
    simulator.set_mode(TrezorMode::Approve);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let (signer, _) = sign(&simulator, transaction(0)).await;
    assert_eq!(signer, Ok(TrezorSimulator::address_at(PATH)));
}

#[tokio::test]
async fn no_device_is_a_clear_error_not_a_hang() {
    let unused = std::net::UdpSocket::bind("127.0.0.1:0").expect("a port");
    let address = unused.local_addr().expect("address").to_string();
    drop(unused);
    let error = TrezorDevice::connect(TrezorConnection::Emulator(address.clone()), quick())
        .await
        .expect_err("nothing listens");
    assert_eq!(
        error,
        DeviceError::NotFound(format!("Trezor emulator at {address}"))
    );
    assert!(error.to_string().contains("connect it, unlock it"));
    // USB: this machine has no Trezor (and possibly no USB at all); either way the
    // answer is an error that says so, within the timeout, not a panic.
    let usb = tokio::time::timeout(
        Duration::from_secs(20),
        TrezorDevice::connect(TrezorConnection::Usb, quick()),
    )
    .await
    .expect("answered in time");
    if let Err(error) = usb {
        assert!(
            matches!(&error, DeviceError::NotFound(what) if what == "Trezor")
                || matches!(&error, DeviceError::Refused(_)),
            "{error:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_process_is_told_at_once_who_has_the_device_and_the_answer_stays_with_the_asker() {
    // Two connections stand for two processes: the lock is taken per open lock file.
    let simulator = TrezorSimulator::start(TrezorMode::Approve);
    let (first, second) = (device(&simulator).await, device(&simulator).await);
    simulator.pause_at_prompts();
    let asking = {
        let first = Arc::clone(&first);
        tokio::spawn(async move { first.address(&path(), true).await })
    };
    tokio::task::block_in_place(|| simulator.wait_for_prompt());
    let before = simulator.messages();
    assert_eq!(
        second.features().await.err(),
        Some(DeviceError::InUse(Some(std::process::id())))
    );
    assert_eq!(
        TrezorDevice::connect(
            TrezorConnection::Emulator(simulator.address().to_owned()),
            quick()
        )
        .await
        .err(),
        Some(DeviceError::InUse(Some(std::process::id()))),
        "a new connection would end the prompt: it is refused before it says anything"
    );
    assert_eq!(simulator.messages(), before, "nothing reached the device");
    assert_eq!(simulator.cancelled(), 0);

    simulator.resume();
    let expected = TrezorSimulator::address_at(PATH);
    assert_eq!(asking.await.expect("joined"), Ok(expected));
    assert_eq!(simulator.shown(), [expected], "shown once, to the asker");
    assert_eq!(second.address(&path(), false).await, Ok(expected));
}
