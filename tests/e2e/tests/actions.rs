//! A user follows a post-delivery sale to its end through the real app: they bought on
//! the sale's own site (a contribution outside Saleguard, on a local chain with the sale
//! contract from tests/contracts), record that they contributed, and once the sale has
//! ended take its actions in the wizard — "Finalize", a call anyone may make, and
//! "Withdraw tokens", its token claim with the account passed as `{account}` — each
//! reviewed with its arguments decoded, signed with the key from the keyring, and
//! followed to its confirmation; the tokens that arrived are recorded from the logs.

use saleguard_e2e::{AppSession, NewAction, ether, form_text};
use saleguard_testkit::{ANVIL_ACCOUNTS, Anvil};

#[tokio::test(flavor = "current_thread")]
async fn a_post_delivery_sale_is_finalised_and_its_tokens_claimed_in_the_wizard() {
    let anvil = Anvil::start();
    let now = time::OffsetDateTime::now_utc();
    let deadline = u64::try_from(now.unix_timestamp()).expect("after 1970") + 60;
    let sale = anvil.deploy_post_delivery_sale(deadline);
    let token = anvil.call_word(sale, "token()", None);
    let token = alloy_primitives::Address::from_word(token.to_be_bytes::<32>().into());
    let buyer: alloy_primitives::Address = ANVIL_ACCOUNTS[1].0.parse().expect("address");
    // Bought on the sale's site, then the sale's minute passed.
    anvil.send(
        buyer,
        sale,
        ether(),
        alloy_primitives::keccak256("contribute()")[..4].to_vec(),
    );
    anvil.advance_time(120);

    let data_dir = tempfile::tempdir().expect("temp data dir");
    let app = AppSession::launch(data_dir.path()).await;
    // The key to pay with, into the keyring.
    app.import_private_key(ANVIL_ACCOUNTS[1], "Anvil key").await;

    // The sale, which ended yesterday, with its two actions after the sale.
    app.set_up_chain_sale(
        &anvil.url(),
        &sale.to_checksum(None),
        &token.to_checksum(None),
        (
            &form_text(now - time::Duration::days(10)),
            &form_text(now - time::Duration::days(1)),
        ),
        "actions-01-network",
        &[
            NewAction {
                purpose: "other",
                name: "Finalize",
                signature: "finalize()",
                arguments: "",
            },
            NewAction {
                purpose: "claim_tokens",
                name: "Withdraw tokens",
                signature: "withdrawTokens(address beneficiary)",
                arguments: "{account}",
            },
        ],
    )
    .await;
    app.record_step("contributed", 2).await;
    app.wait_for_count("[data-testid='take-action']", 2).await;
    app.scroll_to_top().await;
    app.screenshot("actions-02-offered").await;

    // Finalize: a call the user named, that records nothing.
    app.click("[data-testid='take-action'][data-purpose='other']")
        .await;
    app.wait_for("[data-testid='wizard-choose']").await;
    app.choose_wizard_account(1, "Anvil key").await;
    app.click("[data-testid='wizard-review']").await;
    app.wait_for_text_in("[data-testid='summary-call']", "finalize()")
        .await;
    app.scroll_to_top().await;
    app.screenshot("actions-03-finalize-review").await;
    app.dismiss_notifications().await;
    app.click("[data-testid='wizard-sign']").await;
    app.wait_for_text_in("[data-testid='wizard-result']", "Confirmed in block")
        .await;
    app.click("[data-testid='wizard-back-to-participation']")
        .await;
    app.wait_for_count("[data-testid='transaction-row']", 1)
        .await;

    // Withdraw tokens: the account passed as the beneficiary, decoded from the calldata.
    app.click("[data-testid='take-action'][data-purpose='claim_tokens']")
        .await;
    app.wait_for("[data-testid='wizard-argument-template']")
        .await;
    app.choose_wizard_account(1, "Anvil key").await;
    app.screenshot("actions-04-choose").await;
    app.click("[data-testid='wizard-review']").await;
    app.wait_for_text_in("[data-testid='summary-arguments']", ANVIL_ACCOUNTS[1].0)
        .await;
    app.scroll_into_view("[data-testid='transaction-summary']")
        .await;
    app.screenshot("actions-05-review").await;
    app.dismiss_notifications().await;
    app.click("[data-testid='wizard-sign']").await;
    app.wait_for_text_in("[data-testid='wizard-result']", "Confirmed in block")
        .await;
    app.screenshot("actions-06-result").await;

    // On chain: the tokens the sale kept are the buyer's now.
    assert_eq!(
        anvil.call_word(token, "balanceOf(address)", Some(buyer)),
        ether() * alloy_primitives::U256::from(1000u64)
    );
    assert_eq!(
        anvil.call_word(sale, "owed(address)", Some(buyer)),
        alloy_primitives::U256::ZERO
    );

    // On the participation: tokens distributed, the entry read from the logs.
    app.click("[data-testid='wizard-back-to-participation']")
        .await;
    app.wait_for_count("[data-testid='transaction-row']", 2)
        .await;
    app.wait_for_text("Tokens received").await;
    app.scroll_to_top().await;
    app.screenshot("actions-07-distributed").await;
    app.click("[data-testid='tab-entries']").await;
    app.wait_for_text_in("[data-testid='entries-table']", "1,000 SALE")
        .await;
    app.screenshot("actions-08-entries").await;
    app.quit().await;
}
