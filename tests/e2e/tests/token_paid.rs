//! A user takes part in a sale paid in a token through the real app, from the approval
//! to the claimed tokens (tests/contracts/TokenPaidSale.sol on a local chain): the
//! wizard reviews the approval of exactly the contribution together with the
//! contribution, signs the approval, plans the contribution again once it is confirmed
//! and signs that; nothing stays allowed; once the sale has succeeded the tokens are
//! claimed and recorded from the claim's logs.

use alloy_primitives::{Address, U256};
use saleguard_e2e::{AppSession, NewAction, PaymentToken, SaleOnChain, form_text};
use saleguard_testkit::{ANVIL_ACCOUNTS, Anvil, TOKEN_PAID_SALE_RATE};

fn tusd(whole: u64) -> U256 {
    U256::from(whole) * U256::from(1_000_000u64)
}

#[tokio::test(flavor = "current_thread")]
async fn a_token_paid_sale_from_the_approval_to_the_claimed_tokens() {
    let anvil = Anvil::start();
    let now = time::OffsetDateTime::now_utc();
    let buyer: Address = ANVIL_ACCOUNTS[1].0.parse().expect("address");
    let dollar = anvil.deploy_payment_token(buyer, tusd(1000));
    let deadline = u64::try_from(now.unix_timestamp()).expect("after 1970") + 86_400;
    let sale = anvil.deploy_token_paid_sale(dollar, deadline);
    let token = anvil.call_word(sale, "token()", None);
    let token = Address::from_word(token.to_be_bytes::<32>().into());

    let data_dir = tempfile::tempdir().expect("temp data dir");
    let app = AppSession::launch(data_dir.path()).await;
    app.import_private_key(ANVIL_ACCOUNTS[1], "Anvil key").await;
    let (sale_address, token_address, dollar_address) = (
        sale.to_checksum(None),
        token.to_checksum(None),
        dollar.to_checksum(None),
    );
    let (opens, closes) = (
        form_text(now - time::Duration::days(1)),
        form_text(now + time::Duration::days(7)),
    );
    app.set_up_sale_on_chain(
        &anvil.url(),
        &SaleOnChain {
            address: &sale_address,
            token: &token_address,
            window: (&opens, &closes),
            payment: Some(PaymentToken {
                symbol: "TUSD",
                address: &dollar_address,
                decimals: "6",
            }),
        },
        "token-paid-01-network",
        &[
            NewAction {
                purpose: "contribute",
                name: "Buy tokens",
                signature: "buyTokens(uint256 amount)",
                arguments: "{amount}",
            },
            NewAction {
                purpose: "claim_tokens",
                name: "Claim tokens",
                signature: "claim()",
                arguments: "",
            },
        ],
    )
    .await;

    // Contribute 100 TUSD: the approval first, reviewed with the contribution.
    app.click("[data-testid='contribute-button']").await;
    app.wait_for("[data-testid='wizard-choose']").await;
    app.choose_wizard_account(1, "Anvil key").await;
    app.fill_in("[data-testid='wizard-choose']", "amount", "100")
        .await;
    app.click("[data-testid='wizard-review']").await;
    app.wait_for_text_in("[data-testid='approval-first']", "may take 0 TUSD")
        .await;
    app.wait_for_text_in("[data-testid='summary-action']", "Approve payment")
        .await;
    app.wait_for_text_in("[data-testid='summary-arguments']", "100000000")
        .await;
    app.dismiss_notifications().await;
    app.scroll_to_top().await;
    app.screenshot("token-paid-02-approval-review").await;
    app.scroll_into_view("[data-testid='waiting-contribution']")
        .await;
    app.screenshot("token-paid-03-waiting-contribution").await;
    app.dismiss_notifications().await;
    app.click("[data-testid='wizard-sign']").await;

    // Confirmed: the contribution, planned again, to sign on its own.
    app.wait_for("[data-testid='approval-confirmed']").await;
    app.wait_for_text_in("[data-testid='summary-call']", "buyTokens(100000000)")
        .await;
    app.scroll_to_top().await;
    app.screenshot("token-paid-04-contribution-review").await;
    app.dismiss_notifications().await;
    app.click("[data-testid='wizard-sign']").await;
    app.wait_for_text_in("[data-testid='wizard-result']", "Confirmed in block")
        .await;
    app.screenshot("token-paid-05-contributed").await;
    assert_eq!(
        anvil.call_word(sale, "contributions(address)", Some(buyer)),
        tusd(100)
    );
    assert_eq!(
        anvil.call_word(dollar, "balanceOf(address)", Some(buyer)),
        tusd(900)
    );

    // The participation: two transactions, and nothing left allowed.
    app.click("[data-testid='wizard-back-to-participation']")
        .await;
    app.wait_for_count("[data-testid='transaction-row']", 2)
        .await;
    app.wait_for("[data-testid='allowances-empty']").await;
    app.scroll_into_view("[data-testid='participation-allowances']")
        .await;
    app.screenshot("token-paid-06-allowances").await;

    // The sale ends and succeeds; the tokens it owes are claimed.
    anvil.advance_time(2 * 86_400);
    app.record_step("succeeded", 3).await;
    app.click("[data-testid='take-action'][data-purpose='claim_tokens']")
        .await;
    app.wait_for("[data-testid='wizard-choose']").await;
    app.choose_wizard_account(1, "Anvil key").await;
    app.click("[data-testid='wizard-review']").await;
    app.wait_for_text_in("[data-testid='summary-call']", "claim()")
        .await;
    app.dismiss_notifications().await;
    app.click("[data-testid='wizard-sign']").await;
    app.wait_for_text_in("[data-testid='wizard-result']", "Confirmed in block")
        .await;
    let bought = tusd(100) * U256::from(TOKEN_PAID_SALE_RATE);
    assert_eq!(
        anvil.call_word(token, "balanceOf(address)", Some(buyer)),
        bought
    );
    app.click("[data-testid='wizard-back-to-participation']")
        .await;
    app.wait_for_text("Tokens received").await;
    app.click("[data-testid='tab-entries']").await;
    app.wait_for_text_in("[data-testid='entries-table']", "100,000 SALE")
        .await;
    app.screenshot("token-paid-07-claimed").await;
    app.quit().await;
}
