//! A new user adds their first sale in the real app, makes a mistake, fixes it, finds
//! the sale again after restarting, edits it, and deletes it.

use saleguard_e2e::AppSession;

#[tokio::test(flavor = "current_thread")]
async fn add_a_sale_see_the_inline_error_fix_it_find_it_after_a_restart_edit_and_delete_it() {
    let data_dir = tempfile::tempdir().expect("temp data dir");

    let app = AppSession::launch(data_dir.path()).await;
    app.screenshot("01-dashboard").await;
    app.click("[data-testid='nav-sales']").await;
    app.wait_for("[data-testid='add-sale']").await;
    app.screenshot("02-sales-empty").await;

    app.click("[data-testid='add-sale']").await;
    app.wait_for("[data-testid='sale-form']").await;
    for (name, value) in [
        ("projectName", "Aurora Network"),
        ("tokenSymbol", "AUR"),
        ("tokenDecimals", "18"),
        ("chainId", "1"),
        (
            "contributionAddress",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        ),
        ("currencySymbol", "ETH"),
        ("softCap", "600"),
        ("hardCap", "500"),
        ("minContribution", "0.1"),
        ("maxContribution", "10"),
        ("startsAt", "2026-12-01 14:00"),
        ("endsAt", "2027-01-15 14:00"),
    ] {
        app.fill(name, value).await;
    }
    app.screenshot("03-form-filled").await;
    app.click("[data-testid='sale-form'] button[type='submit']")
        .await;

    // The core refuses soft cap > hard cap; the form shows it at the soft cap field.
    app.wait_for("[name='softCap'][aria-invalid='true']").await;
    app.wait_for_text("the soft cap (600 ETH) is above the hard cap (500 ETH)")
        .await;
    assert_eq!(
        app.value_of("projectName").await,
        "Aurora Network",
        "nothing typed is lost"
    );
    assert_eq!(app.value_of("softCap").await, "600");
    app.screenshot("04-inline-error").await;

    app.fill("softCap", "100").await;
    app.click("[data-testid='sale-form'] button[type='submit']")
        .await;
    app.wait_for("[data-testid='sale-row']").await;
    app.wait_for_text("Aurora Network").await;
    app.screenshot("05-sale-listed").await;
    app.quit().await;

    let app = AppSession::launch(data_dir.path()).await;
    app.click("[data-testid='nav-sales']").await;
    app.wait_for("[data-testid='sale-row']").await;
    app.wait_for_text("Aurora Network").await;
    app.screenshot("06-after-restart").await;

    // Edit: the form starts from the stored terms, written as the user typed them.
    app.click("[data-testid='sale-row'] td").await;
    app.click("[data-testid='edit-sale']").await;
    app.wait_for("[data-testid='sale-form']").await;
    assert_eq!(app.value_of("startsAt").await, "2026-12-01 14:00");
    assert_eq!(app.value_of("minContribution").await, "0.1");
    app.fill("hardCap", "750.25").await;
    app.click("[data-testid='sale-form'] button[type='submit']")
        .await;
    app.wait_for_text("750.25 ETH").await;
    app.screenshot("07-sale-edited").await;

    // Delete, after confirming.
    app.click("[data-testid='delete-sale']").await;
    app.click("[data-testid='confirm-delete']").await;
    app.wait_for("[data-testid='sales-empty']").await;
    app.screenshot("08-sale-deleted").await;
    app.quit().await;

    assert!(
        data_dir.path().join("saleguard.sqlite3").exists(),
        "the data went to the chosen data dir"
    );
}
