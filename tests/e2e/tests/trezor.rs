//! A user adds a Trezor account in the real app — the device found locked, then ready,
//! its addresses listed by Trezor Suite's scheme, one shown on the device and compared —
//! and contributes from it on a local chain: the review says the Trezor shows the call's
//! raw data to compare, a rejection on the device leaves the draft to sign again, and the
//! signing follows the device through its PIN and its confirmation to a confirmed
//! transaction. The Trezor is the testkit's simulator on the emulator's UDP port.

use saleguard_e2e::{AppSession, ChainSale, ether};
use saleguard_testkit::{Anvil, TrezorMode, TrezorSimulator};

/// The simulator on the Trezor emulator's own port when it is free, else on another.
fn simulator(mode: TrezorMode) -> TrezorSimulator {
    match std::net::UdpSocket::bind("127.0.0.1:21324") {
        Ok(probe) => {
            drop(probe);
            TrezorSimulator::start_at(21324, mode)
        }
        Err(_) => TrezorSimulator::start(mode),
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_trezor_account_is_added_and_signs_a_contribution_after_its_pin() {
    let trezor = simulator(TrezorMode::Pin);
    let anvil = Anvil::start();
    let chain_sale = ChainSale::deploy(&anvil);
    let sale = chain_sale.address;
    let path = "m/44'/60'/0'/0/0";
    let device_address = TrezorSimulator::address_at(path);
    anvil.rpc(
        "anvil_setBalance",
        serde_json::json!([device_address, "0x8ac7230489e80000"]),
    );

    let data_dir = tempfile::tempdir().expect("temp data dir");
    let app =
        AppSession::launch_with(data_dir.path(), &["--trezor-emulator", trezor.address()]).await;

    // Accounts → Add hardware wallet: the Trezor is found locked, then unlocked.
    app.click("[data-testid='nav-accounts']").await;
    app.click("[data-testid='add-hardware-account']").await;
    app.wait_for("[data-testid='hardware-device'][data-state='locked']")
        .await;
    app.wait_for_text_in("[data-testid='hardware-device']", "Trezor Model T")
        .await;
    app.screenshot("trezor-01-locked").await;
    trezor.set_mode(TrezorMode::Approve);
    app.click("[data-testid='hardware-check-again']").await;
    app.wait_for("[data-testid='hardware-device'][data-state='ready']")
        .await;
    app.wait_for("[data-testid='hardware-scheme-bip44']:checked")
        .await;
    app.wait_for_count("[data-testid='hardware-address-row']", 5)
        .await;
    app.wait_for_text_in(
        "[data-testid='hardware-addresses']",
        &device_address.to_checksum(None),
    )
    .await;
    app.screenshot("trezor-02-addresses").await;
    app.click("[data-testid='hardware-verify-0']").await;
    app.wait_for("[data-testid='hardware-verify-matched']")
        .await;
    assert_eq!(trezor.shown(), [device_address], "shown on the device");
    let add_form = "[data-testid='hardware-add-form']";
    app.fill_in(add_form, "label", "My Trezor").await;
    app.click("[data-testid='hardware-add']").await;
    app.wait_for_text(&device_address.to_checksum(None)).await;
    app.wait_for_text("On your Trezor; it never leaves it.")
        .await;
    app.dismiss_notifications().await;

    // The sale on the local chain, and a participation.
    app.set_up_deployed_sale(&anvil, &chain_sale, "trezor-03-network")
        .await;

    // The wizard with the Trezor account: it cannot decode contribute(), and shows the
    // raw data to compare.
    app.click("[data-testid='contribute-button']").await;
    app.choose_wizard_account(1, "My Trezor (hardware wallet)")
        .await;
    app.fill_in("[data-testid='wizard-choose']", "amount", "1")
        .await;
    app.click("[data-testid='wizard-review']").await;
    app.wait_for("[data-testid='device-prompt-raw-data']").await;
    app.dismiss_notifications().await;
    app.wait_for_text_in(
        "[data-testid='device-prompt']",
        "What your Trezor will show",
    )
    .await;
    app.scroll_into_view("[data-testid='device-prompt']").await;
    app.screenshot("trezor-04-device-prompt").await;

    // Rejected on the device: said plainly, nothing sent, the draft can be signed again.
    trezor.set_mode(TrezorMode::Reject);
    app.dismiss_notifications().await;
    app.click("[data-testid='wizard-sign']").await;
    app.wait_for_text_in(
        "[data-testid='wizard-sign-alert']",
        "rejected on the device: nothing was signed",
    )
    .await;
    app.screenshot("trezor-05-rejected").await;
    assert_eq!(anvil.nonce(&device_address.to_checksum(None)), 0);

    // Locked again: the app says to enter the PIN on the device, then to confirm there.
    trezor.set_mode(TrezorMode::Pin);
    trezor.pause_at_prompts();
    app.click("[data-testid='wizard-sign']").await;
    app.wait_for("[data-testid='device-signing'][data-device-state='waitingForPin']")
        .await;
    app.scroll_into_view("[data-testid='device-signing']").await;
    app.screenshot("trezor-06-pin").await;
    trezor.release_one();
    app.wait_for("[data-testid='device-signing'][data-device-state='waitingForConfirmation']")
        .await;
    app.wait_for("[data-testid='device-countdown']").await;
    app.scroll_into_view("[data-testid='device-signing']").await;
    app.screenshot("trezor-07-confirm").await;
    trezor.resume();
    app.wait_for_text_in("[data-testid='wizard-result']", "Confirmed in block")
        .await;
    app.screenshot("trezor-08-result").await;
    assert_eq!(anvil.nonce(&device_address.to_checksum(None)), 1);
    assert_eq!(
        anvil.call_word(sale, "contributions(address)", Some(device_address)),
        ether()
    );
    app.quit().await;
}
