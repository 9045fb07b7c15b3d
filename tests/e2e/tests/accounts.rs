//! A user imports the well-known test recovery phrase, sees its address, finds the
//! account after a restart, and removes it; the secret leaves the OS keyring with it.
//! Runs against the GNOME Keyring that scripts/e2e.sh starts on the test session bus.

use std::process::Command;

use saleguard_e2e::AppSession;

const TEST_PHRASE: &str = "test test test test test test test test test test test junk";
const TEST_ADDRESS: &str = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
/// The keyring service of debug builds.
const SERVICE: &str = "com.saleguard.desktop.development";

/// Saleguard's items in the session's keyring, as libsecret's own CLI sees them.
fn keyring_items() -> String {
    let output = Command::new("secret-tool")
        .args(["search", "--all", "service", SERVICE])
        .output()
        .expect("secret-tool");
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[tokio::test(flavor = "current_thread")]
async fn import_the_test_phrase_see_its_address_after_a_restart_and_remove_it() {
    let data_dir = tempfile::tempdir().expect("temp data dir");
    let before = keyring_items();

    let app = AppSession::launch(data_dir.path()).await;
    app.click("[data-testid='nav-accounts']").await;
    app.wait_for("[data-testid='accounts-empty']").await;
    app.screenshot("accounts-01-empty").await;

    // A new phrase is shown once, with the words to write down.
    app.click("[data-testid='create-account']").await;
    app.wait_for("[data-testid='recovery-phrase']").await;
    app.screenshot("accounts-02-new-phrase").await;

    app.click("[data-testid='nav-accounts']").await;
    app.click("[data-testid='import-account']").await;
    app.wait_for("[data-testid='import-mnemonic-form']").await;
    app.fill("phrase", &TEST_PHRASE.replace("junk", "junq"))
        .await;
    app.fill("label", "Anvil").await;
    app.click("[data-testid='import-mnemonic-form'] button[type='submit']")
        .await;
    app.wait_for("[name='phrase'][aria-invalid='true']").await;
    app.wait_for_text("word 12 is not in the BIP-39 English word list: check its spelling")
        .await;
    assert_eq!(
        app.value_of("label").await,
        "Anvil",
        "nothing typed is lost"
    );
    app.screenshot("accounts-03-import-error").await;

    app.fill("phrase", TEST_PHRASE).await;
    app.click("[data-testid='import-mnemonic-form'] button[type='submit']")
        .await;
    app.wait_for_text(TEST_ADDRESS).await;
    app.screenshot("accounts-04-imported").await;
    app.quit().await;
    let with_account = keyring_items();
    assert!(
        with_account.matches("account-secret-").count() > before.matches("account-secret-").count(),
        "the secret is in the OS keyring: {with_account}"
    );

    let app = AppSession::launch(data_dir.path()).await;
    app.click("[data-testid='nav-accounts']").await;
    app.wait_for("[data-testid='account-row']").await;
    app.wait_for_text(TEST_ADDRESS).await;
    app.screenshot("accounts-05-after-restart").await;

    app.click("[data-testid='account-row'] td").await;
    app.click("[data-testid='remove-account']").await;
    app.wait_for("[data-testid='remove-account-form']").await;
    app.fill("confirmation", "Anvil").await;
    app.screenshot("accounts-06-remove-confirmation").await;
    app.click("[data-testid='remove-account-form'] button[type='submit']")
        .await;
    app.wait_for("[data-testid='accounts-empty']").await;
    app.screenshot("accounts-07-removed").await;
    app.quit().await;

    assert_eq!(
        keyring_items().matches("account-secret-").count(),
        before.matches("account-secret-").count(),
        "the secret left the keyring with the account"
    );
}
