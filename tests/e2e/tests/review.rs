//! A user reviews a contribution to a sale that has not opened yet: the review blocks
//! it, a too-short reason is refused, and the override with a real reason is kept in
//! the sale's history of overridden reviews.

use std::path::PathBuf;

use saleguard_e2e::AppSession;
use time::OffsetDateTime;

const OWN: &str = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
const IMPORT: &str = "[data-testid='import-data']";
const IMPORT_TITLE: &str = "Import a Saleguard export";
const REASON: &str = "The team moved the opening; I contribute on the day it opens";

#[tokio::test(flavor = "current_thread")]
async fn a_blocked_review_is_overridden_with_a_reason_kept_in_the_history() {
    let data_dir = tempfile::tempdir().expect("temp data dir");
    let app = AppSession::launch(data_dir.path()).await;

    // An address to pay from.
    app.add_watch_only_account(OWN, "Main").await;

    // A sale that opens next year.
    let next_year = OffsetDateTime::now_utc().year() + 1;
    app.add_sale(&[
        ("projectName", "Aurora Network"),
        ("tokenSymbol", "AUR"),
        ("tokenDecimals", "18"),
        ("chainId", "1"),
        (
            "contributionAddress",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        ),
        ("currencySymbol", "ETH"),
        ("startsAt", &format!("{next_year}-03-01 14:00")),
        ("endsAt", &format!("{next_year}-03-15 14:00")),
    ])
    .await;
    app.click("[data-testid='sale-row'] td").await;
    app.click("a[data-testid='review-contribution']").await;

    let form = "[data-testid='review-form']";
    app.fill_in(form, "amount", "1.5").await;
    app.press_enter_in_form(form, "amount").await;
    app.wait_for("[data-testid='review-verdict'][data-verdict='blocked']")
        .await;
    app.wait_for_text("Blocks").await;
    app.wait_for("[data-testid='overrides-empty']").await;
    app.scroll_into_view("[data-testid='review-verdict']").await;
    app.screenshot("review-01-blocked").await;

    app.click("[data-testid='open-override']").await;
    let reason = "[data-testid='override-form']";
    app.fill_in(reason, "reason", "why not").await;
    app.click(&format!("{reason} button[type='submit']")).await;
    app.wait_for(&format!("{reason} [name='reason'][aria-invalid='true']"))
        .await;
    assert_eq!(
        app.value_of("reason").await,
        "why not",
        "what was typed stays"
    );
    assert_eq!(app.count("[data-testid='override-entry']").await, 0);
    app.screenshot("review-02-reason-refused").await;

    app.fill_in(reason, "reason", REASON).await;
    app.click(&format!("{reason} button[type='submit']")).await;
    app.wait_for("[data-testid='override-recorded']").await;
    app.wait_for_count("[data-testid='override-entry']", 1)
        .await;
    app.wait_for_text_of("[data-testid='override-reason']", REASON)
        .await;
    app.scroll_into_view("[data-testid='override-recorded']")
        .await;
    app.screenshot("review-03-overridden").await;

    // Everything, the override too, is exported from Settings into Downloads, under the
    // name the save dialog suggests (a user who cancels the dialog first gets nothing)…
    app.click("[data-testid='nav-settings']").await;
    app.cancel_dialog("[data-testid='export-data']", "Export all data")
        .await;
    assert_eq!(app.count("[data-testid='export-done']").await, 0);
    app.save_in_dialog("[data-testid='export-data']", "Export all data", None)
        .await;
    let exported = PathBuf::from(app.text_of("[data-testid='export-path']").await);
    let downloads =
        std::env::var("E2E_DOWNLOADS").expect("scripts/e2e.sh names the Downloads folder");
    assert!(
        exported.starts_with(&downloads),
        "{} in {downloads}",
        exported.display()
    );
    let day = OffsetDateTime::now_utc().date();
    assert_eq!(
        exported.file_name().and_then(|name| name.to_str()),
        Some(format!("saleguard-export-{day}.json").as_str())
    );
    let document = std::fs::read_to_string(&exported).expect("the export is there");
    let parsed: serde_json::Value = serde_json::from_str(&document).expect("JSON");
    assert!(
        parsed["format_version"].as_u64().is_some_and(|v| v >= 6) && document.contains(REASON),
        "a current export with the override's reason"
    );
    app.scroll_into_view("[data-testid='export-done']").await;
    app.screenshot("review-04-exported").await;

    // …is not merged into data that is already there…
    app.open_in_dialog(IMPORT, IMPORT_TITLE, &exported, None)
        .await;
    let refusal = app.text_of("[data-testid='import-failed']").await;
    assert!(refusal.contains("empty data folder"), "{refusal}");
    app.screenshot("review-05-import-refused").await;
    app.quit().await;

    // …and comes back whole in an empty data folder.
    let fresh = tempfile::tempdir().expect("temp data dir");
    let app = AppSession::launch(fresh.path()).await;
    app.click("[data-testid='nav-settings']").await;
    app.open_in_dialog(IMPORT, IMPORT_TITLE, &exported, None)
        .await;
    app.wait_for("[data-testid='import-done']").await;
    app.screenshot("review-06-imported").await;
    app.click("[data-testid='nav-sales']").await;
    app.wait_for_text("Aurora Network").await;
    app.quit().await;
}
