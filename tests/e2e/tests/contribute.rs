//! A user contributes to a sale on a local chain (Anvil, with the sale contract
//! compiled from tests/contracts) through the real app: the node in Settings, the sale's
//! contract terms, the wizard's review with the transaction in plain words, signing
//! with the key from the keyring, the confirmed result recorded on the participation —
//! checked on chain as well, what its receipt proved shown under it, a check for tokens
//! that finds nothing new — and its explorer page opened in the browser; then the
//! sale ends under its soft cap and the refund is claimed through the same wizard.

use saleguard_e2e::{AppSession, ChainSale, form_text};
use saleguard_testkit::{ANVIL_ACCOUNTS, Anvil};

fn eth_tenths(tenths: u64) -> alloy_primitives::U256 {
    alloy_primitives::U256::from(tenths) * alloy_primitives::U256::from(100_000_000_000_000_000u64)
}

#[tokio::test(flavor = "current_thread")]
async fn a_contribution_is_reviewed_signed_and_confirmed_in_the_wizard() {
    let anvil = Anvil::start();
    let chain_sale = ChainSale::deploy(&anvil);
    let (sale, now) = (chain_sale.address, chain_sale.deployed_at);

    let data_dir = tempfile::tempdir().expect("temp data dir");
    let app = AppSession::launch(data_dir.path()).await;

    // The key to pay with, into the keyring.
    app.import_private_key(ANVIL_ACCOUNTS[1], "Anvil key").await;

    // A budget for the year in dollars, and what ETH was worth two hours ago.
    app.click("[data-testid='nav-budget']").await;
    let budget_form = "[data-testid='budget-form']";
    app.fill_in(budget_form, "year", &now.year().to_string())
        .await;
    app.fill_in(budget_form, "total", "20000").await;
    app.press_enter_in_form(budget_form, "total").await;
    app.wait_for("[data-testid='budget-committed']").await;
    let prices = "[data-testid='price-form']";
    app.fill_in(prices, "price", "3012.50").await;
    app.fill_in(
        prices,
        "observedAt",
        &form_text(now - time::Duration::hours(2)),
    )
    .await;
    app.press_enter_in_form(prices, "price").await;
    app.wait_for_count("[data-testid='price-row']", 1).await;

    // The local chain's node, the sale open now, how it takes contributions, and a
    // participation.
    app.set_up_deployed_sale(&anvil, &chain_sale, "contribute-01-network")
        .await;

    // The wizard: choose, review, sign, result.
    app.click("[data-testid='contribute-button']").await;
    app.wait_for("[data-testid='wizard-choose']").await;
    app.choose_wizard_account(1, "Anvil key").await;
    app.fill_in("[data-testid='wizard-choose']", "amount", "1.5")
        .await;
    // Its value in the budget's currency, as typed: 1.5 × 3,012.50.
    app.wait_for_text_in("[data-testid='amount-value']", "4,518.75 USD")
        .await;
    app.screenshot("contribute-02-choose").await;
    app.click("[data-testid='wizard-review']").await;
    app.wait_for("[data-testid='transaction-summary']").await;
    app.wait_for_text_in("[data-testid='summary-call']", "contribute()")
        .await;
    app.wait_for_text_in("[data-testid='summary-amount']", "1.5 ETH")
        .await;
    // The node ran it: what it would move, in words.
    app.wait_for_text_in("[data-testid='plan-preview']", "Would send 1.5 ETH")
        .await;
    app.wait_for_text_in("[data-testid='plan-preview']", "Would receive 1500")
        .await;
    app.scroll_to_top().await;
    app.screenshot("contribute-03-review").await;
    app.scroll_into_view("[data-testid='transaction-summary']")
        .await;
    app.screenshot("contribute-04-summary").await;

    app.dismiss_notifications().await;
    app.click("[data-testid='wizard-sign']").await;
    app.wait_for_text_in("[data-testid='wizard-result']", "Confirmed in block")
        .await;
    let hash = app.text_of("[data-testid='result-hash']").await;
    assert!(hash.starts_with("0x") && hash.len() == 66, "{hash}");
    app.screenshot("contribute-05-result").await;

    // The explorer's page opens in the system browser (a stand-in that notes what it
    // was asked to open: scripts/e2e.sh puts it on the PATH as xdg-open).
    app.click("[data-testid='explorer-link']").await;
    let opened = std::path::PathBuf::from(
        std::env::var("E2E_BROWSER_LOG").expect("E2E_BROWSER_LOG (set by scripts/e2e.sh)"),
    );
    let expected = format!("https://explorer.example/tx/{hash}");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let seen = std::fs::read_to_string(&opened).unwrap_or_default();
        if seen.lines().any(|line| line == expected) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the browser was not asked to open {expected}; it saw {seen:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }

    // On chain: one transaction, 1.5 ETH contributed by the account.
    let from: alloy_primitives::Address = ANVIL_ACCOUNTS[1].0.parse().expect("address");
    assert_eq!(anvil.nonce(ANVIL_ACCOUNTS[1].0), 1);
    assert_eq!(
        anvil.call_word(sale, "contributions(address)", Some(from)),
        eth_tenths(15)
    );

    // On the participation: the confirmed transaction, the contribution and the tokens.
    app.click("[data-testid='wizard-back-to-participation']")
        .await;
    app.wait_for_count("[data-testid='transaction-row']", 1)
        .await;
    app.wait_for_text_in("[data-testid='tx-status']", "onfirmed")
        .await;
    // What the receipt proved, under the transaction.
    app.wait_for_text_in("[data-testid='transaction-effects']", "Received 1500")
        .await;
    app.scroll_into_view("[data-testid='participation-transactions']")
        .await;
    app.screenshot("contribute-06-participation").await;
    // Checking for tokens finds the delivery the receipt already recorded: nothing new.
    app.click("[data-testid='scan-deliveries']").await;
    app.wait_for_text_in(
        "[data-testid='scan-result']",
        "No new delivery from the sale",
    )
    .await;
    app.scroll_into_view("[data-testid='participation-deliveries']")
        .await;
    app.screenshot("contribute-06b-tokens").await;

    // The sale ends under its soft cap (1.5 of 5 ETH): the refund is claimed through
    // the same wizard, and the participation ends refunded.
    anvil.advance_time(11 * 86_400);
    app.click("[data-testid='claim-refund']").await;
    app.wait_for("[data-testid='wizard-choose']").await;
    app.click("[data-testid='wizard-review']").await;
    app.wait_for_text_in("[data-testid='summary-call']", "claimRefund()")
        .await;
    app.scroll_to_top().await;
    app.screenshot("contribute-07-refund-review").await;
    app.dismiss_notifications().await;
    app.click("[data-testid='wizard-sign']").await;
    app.wait_for_text_in("[data-testid='wizard-result']", "Confirmed in block")
        .await;
    app.screenshot("contribute-08-refund-result").await;
    assert_eq!(
        anvil.call_word(sale, "contributions(address)", Some(from)),
        alloy_primitives::U256::ZERO,
        "the contribution came back"
    );
    app.click("[data-testid='wizard-back-to-participation']")
        .await;
    app.wait_for_count("[data-testid='transaction-row']", 2)
        .await;
    app.wait_for_text("Refunded").await;
    app.scroll_to_top().await;
    app.screenshot("contribute-09-refunded").await;
    app.quit().await;
}
