//! A user adds a Ledger account in the real app — the device found, its addresses
//! listed, one shown on the device and compared — and contributes from it on a local
//! chain: the review says what the device will show, a rejection on the device leaves
//! the draft to sign again, and the approved signature is sent and confirmed. The Ledger
//! is the testkit's simulator, reached over Speculos' TCP transport.

use saleguard_e2e::{AppSession, ChainSale, ether};
use saleguard_testkit::{Anvil, LedgerMode, LedgerSimulator};

#[tokio::test(flavor = "current_thread")]
async fn a_ledger_account_is_added_and_signs_a_contribution_on_the_device() {
    let ledger = LedgerSimulator::start(LedgerMode::Approve);
    let anvil = Anvil::start();
    let chain_sale = ChainSale::deploy(&anvil);
    let sale = chain_sale.address;
    let path = "m/44'/60'/0'/0/0";
    let device_address = LedgerSimulator::address_at(path);
    anvil.rpc(
        "anvil_setBalance",
        serde_json::json!([device_address, "0x8ac7230489e80000"]),
    );

    let data_dir = tempfile::tempdir().expect("temp data dir");
    let app =
        AppSession::launch_with(data_dir.path(), &["--ledger-emulator", ledger.address()]).await;

    // Accounts → Add hardware wallet: the device, its addresses, one compared on it.
    app.click("[data-testid='nav-accounts']").await;
    app.click("[data-testid='add-hardware-account']").await;
    app.wait_for("[data-testid='hardware-device'][data-state='ready']")
        .await;
    app.wait_for_count("[data-testid='hardware-address-row']", 5)
        .await;
    app.wait_for_text_in(
        "[data-testid='hardware-addresses']",
        &device_address.to_checksum(None),
    )
    .await;
    app.screenshot("hardware-01-addresses").await;
    app.click("[data-testid='hardware-verify-0']").await;
    app.wait_for("[data-testid='hardware-verify-matched']")
        .await;
    assert_eq!(ledger.shown(), [device_address], "shown on the device");
    let add_form = "[data-testid='hardware-add-form']";
    app.fill_in(add_form, "label", "My Ledger").await;
    app.click("[data-testid='hardware-add']").await;
    app.wait_for_text(&device_address.to_checksum(None)).await;
    app.dismiss_notifications().await;
    app.screenshot("hardware-02-added").await;

    // The sale on the local chain, and a participation.
    app.set_up_deployed_sale(&anvil, &chain_sale, "hardware-03-network")
        .await;

    // The wizard with the Ledger account: what the device will show, before signing.
    app.click("[data-testid='contribute-button']").await;
    app.choose_wizard_account(1, "My Ledger (hardware wallet)")
        .await;
    app.fill_in("[data-testid='wizard-choose']", "amount", "1")
        .await;
    app.click("[data-testid='wizard-review']").await;
    app.wait_for("[data-testid='device-prompt'][data-blind-signing='true']")
        .await;
    let hash = app.text_of("[data-testid='device-prompt-hash']").await;
    assert!(hash.contains("0x"), "{hash}");
    app.scroll_into_view("[data-testid='device-prompt']").await;
    app.screenshot("hardware-04-device-prompt").await;

    // Rejected on the device: said plainly, nothing sent, the draft can be signed again.
    ledger.set_mode(LedgerMode::Reject);
    app.dismiss_notifications().await;
    app.click("[data-testid='wizard-sign']").await;
    app.wait_for_text_in(
        "[data-testid='wizard-sign-alert']",
        "rejected on the device: nothing was signed",
    )
    .await;
    app.screenshot("hardware-05-rejected").await;
    assert_eq!(anvil.nonce(&device_address.to_checksum(None)), 0);

    ledger.set_mode(LedgerMode::Approve);
    app.click("[data-testid='wizard-sign']").await;
    app.wait_for_text_in("[data-testid='wizard-result']", "Confirmed in block")
        .await;
    app.screenshot("hardware-06-result").await;
    assert_eq!(anvil.nonce(&device_address.to_checksum(None)), 1);
    assert_eq!(
        anvil.call_word(sale, "contributions(address)", Some(device_address)),
        ether()
    );
    app.quit().await;
}
