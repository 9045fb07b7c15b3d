//! A user records where a sale's contribution address was published: a first source
//! from a private message, which the review blocks, then a second source from the
//! project's own website beside it, which clears that block; then a third, an
//! "announcement" on a known phishing domain, which the due-diligence page flags and the
//! review blocks; and a list of known scams of the user's own, imported in Settings.

use saleguard_e2e::AppSession;
use saleguard_testkit::{PriceApiServer, Reply};
use time::OffsetDateTime;

const OWN: &str = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
const DESIGNATED: &str = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

#[tokio::test(flavor = "current_thread")]
async fn a_private_message_alone_blocks_and_the_projects_own_source_clears_it() {
    let data_dir = tempfile::tempdir().expect("temp data dir");
    let files = saleguard_e2e::user_files();
    let app = AppSession::launch(data_dir.path()).await;

    app.add_watch_only_account(OWN, "Main").await;

    let year = OffsetDateTime::now_utc().year();
    app.add_sale(&[
        ("projectName", "Aurora Network"),
        ("tokenSymbol", "AUR"),
        ("tokenDecimals", "18"),
        ("chainId", "1"),
        ("contributionAddress", DESIGNATED),
        ("currencySymbol", "ETH"),
        ("startsAt", &format!("{}-01-01 00:00", year - 1)),
        ("endsAt", &format!("{}-12-31 00:00", year + 1)),
    ])
    .await;
    app.click("[data-testid='sale-row'] td").await;

    // The address, as a stranger sent it in a direct message.
    app.click("[data-testid='add-official-address']").await;
    let form = "[data-testid='official-address-form']";
    app.fill_in(form, "address", DESIGNATED).await;
    app.choose(form, "kind", "Private").await;
    app.fill_in(form, "location", "a DM from \"Aurora admin\" on Telegram")
        .await;
    app.press_enter_in_form(form, "location").await;
    app.wait_for("[data-testid='address-trust'][data-trust='private_only']")
        .await;
    app.dismiss_notifications().await;
    app.scroll_into_view("[data-testid='official-addresses-section']")
        .await;
    app.screenshot("official-01-private-message-only").await;

    app.click("a[data-testid='review-contribution']").await;
    let review = "[data-testid='review-form']";
    app.fill_in(review, "amount", "0.5").await;
    app.press_enter_in_form(review, "amount").await;
    app.wait_for("[data-testid='finding'][data-code='private_message_only']")
        .await;
    app.wait_for("[data-testid='review-verdict'][data-verdict='blocked']")
        .await;
    app.scroll_into_view("[data-testid='finding'][data-code='private_message_only']")
        .await;
    app.screenshot("official-02-blocked").await;

    // The project's own website shows the same address: a second source, beside it.
    app.click("[data-testid='nav-sales']").await;
    app.click("[data-testid='sale-row'] td").await;
    app.click("[data-testid='add-address-source']").await;
    app.choose(form, "kind", "Website").await;
    app.fill_in(form, "location", "https://aurora.example/sale")
        .await;
    app.press_enter_in_form(form, "location").await;
    app.wait_for_count("[data-testid='source-kind']", 2).await;
    app.wait_for("[data-testid='address-trust'][data-trust='vouched']")
        .await;
    app.dismiss_notifications().await;
    app.scroll_into_view("[data-testid='official-addresses-section']")
        .await;
    app.screenshot("official-03-second-source").await;

    app.click("a[data-testid='review-contribution']").await;
    app.fill_in(review, "amount", "0.5").await;
    app.press_enter_in_form(review, "amount").await;
    app.wait_for("[data-testid='review-verdict']").await;
    assert_eq!(
        app.count("[data-testid='finding'][data-code='private_message_only']")
            .await,
        0,
        "the project's own source clears the block"
    );
    assert_eq!(
        app.count("[data-testid='finding'][data-code='not_from_official_source']")
            .await,
        0
    );
    app.screenshot("official-04-review-after").await;

    // An "announcement" on a domain of the shipped phishing list.
    app.click("[data-testid='nav-sales']").await;
    app.click("[data-testid='sale-row'] td").await;
    app.click("[data-testid='add-address-source']").await;
    app.choose(form, "kind", "Announcement").await;
    app.fill_in(form, "location", "https://free-azuki.com/aurora-sale")
        .await;
    app.press_enter_in_form(form, "location").await;
    app.wait_for_count("[data-testid='source-kind']", 3).await;
    app.dismiss_notifications().await;
    app.click("[data-testid='sale-tab-diligence']").await;
    app.wait_for("[data-testid='link-hit'][data-code='scam_domain']")
        .await;
    app.wait_for_text_in("[data-testid='link-hits']", "eth-phishing-detect 1.2.0")
        .await;
    app.scroll_into_view("[data-testid='link-hits']").await;
    app.screenshot("official-05-phishing-link-on-due-diligence")
        .await;

    app.click("a[data-testid='review-contribution']").await;
    app.fill_in(review, "amount", "0.5").await;
    app.press_enter_in_form(review, "amount").await;
    app.wait_for("[data-testid='finding'][data-code='scam_domain']")
        .await;
    app.wait_for("[data-testid='review-verdict'][data-verdict='blocked']")
        .await;
    app.scroll_into_view("[data-testid='finding'][data-code='scam_domain']")
        .await;
    app.screenshot("official-06-phishing-link-blocks").await;

    // The user's own list of known scams, imported in Settings.
    let list = files.path().join("aurora-scams.csv");
    std::fs::write(
        &list,
        "entry,note\naurora-airdrop.example,fake airdrop\n0x00000000000000000000000000000000000DEaD1,drainer\n",
    )
    .expect("list written");
    app.click("[data-testid='nav-settings']").await;
    app.wait_for("[data-testid='scam-lists-empty']").await;
    app.open_in_dialog(
        "[data-testid='scam-list-choose']",
        "Import a list of known scams",
        &list,
        None,
    )
    .await;
    app.click("[data-testid='scam-list-import']").await;
    app.wait_for_text_in("[data-testid='scam-list-row']", "aurora-scams")
        .await;
    app.wait_for_text_in(
        "[data-testid='scam-list-contents']",
        "1 phishing domain · 1 scam address",
    )
    .await;
    app.dismiss_notifications().await;
    app.scroll_into_view("[data-testid='scam-lists']").await;
    app.screenshot("official-07-own-scam-list").await;

    // A list a team shares at a web address (a local server here): fetched when the
    // user imports it, and again only when they press Refresh.
    let server = PriceApiServer::start([
        Reply::ok("entry,note\nteam-airdrop.example,seen in the team chat\n"),
        Reply::ok("entry,note\nteam-airdrop.example,\nteam-claim.example,\n"),
    ]);
    let url = format!("{}/team/scams.csv", server.base_url());
    app.click("[data-testid='scam-list-from-url']").await;
    let url_form = "[data-testid='scam-list-url-form']";
    app.fill_in(url_form, "url", &url).await;
    app.fill_in(url_form, "name", "Team list").await;
    app.scroll_into_view(url_form).await;
    app.screenshot("official-08-list-from-a-web-address").await;
    app.click("[data-testid='scam-list-url-import']").await;
    app.wait_for_text_in("[data-testid='scam-lists-table']", "Team list")
        .await;
    app.wait_for("[data-testid='scam-list-refresh']").await;
    app.dismiss_notifications().await;
    app.click("[data-testid='scam-list-refresh']").await;
    app.wait_for_text_in("[data-testid='scam-lists-table']", "2 phishing domains")
        .await;
    assert_eq!(server.requests().len(), 2, "one fetch each, when asked");
    app.dismiss_notifications().await;
    app.scroll_into_view("[data-testid='scam-lists']").await;
    app.screenshot("official-09-list-refreshed").await;
    app.quit().await;
}
