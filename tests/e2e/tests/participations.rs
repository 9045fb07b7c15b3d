//! A user starts a participation from a sale's page, records its next step (after a
//! date mistake), and finds it in the Participations list.

use saleguard_e2e::AppSession;

#[tokio::test(flavor = "current_thread")]
async fn start_a_participation_from_a_sale_and_record_its_next_step() {
    let data_dir = tempfile::tempdir().expect("temp data dir");
    let app = AppSession::launch(data_dir.path()).await;

    app.add_sale(&[
        ("projectName", "Borealis"),
        ("tokenSymbol", "BOR"),
        ("tokenDecimals", "18"),
        ("chainId", "1"),
        (
            "contributionAddress",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        ),
        ("currencySymbol", "ETH"),
        ("startsAt", "2027-03-01 14:00"),
        ("endsAt", "2027-03-15 14:00"),
    ])
    .await;
    app.click("[data-testid='sale-row'] td").await;

    app.click("[data-testid='start-participation']").await;
    app.wait_for("[data-testid='start-participation-form']")
        .await;
    let form = "[data-testid='start-participation-form']";
    app.fill_in(form, "note", "Read the whitepaper; team is public")
        .await;
    app.fill_in(form, "happenedAt", "2024-01-01 10:00").await;
    app.screenshot("participations-01-start").await;
    app.click("[data-testid='start-participation-form'] button[type='submit']")
        .await;
    app.wait_for("[data-testid='participation-timeline']").await;
    app.wait_for_count("[data-testid='participation-step']", 1)
        .await;
    app.wait_for_text("Read the whitepaper; team is public")
        .await;

    // A date before the first step is refused at the date field; the choice is kept.
    app.click("[data-testid='record-step-form'] input[name='to'][value='registered']")
        .await;
    app.fill("happenedAt", "2020-01-01 00:00").await;
    app.fill("note", "Registered on the project's site").await;
    // Enter submits, as a keyboard user does (the toasts of the last two saves cover
    // the bottom of the form at this window size).
    app.press_enter_in("happenedAt").await;
    app.wait_for("[name='happenedAt'][aria-invalid='true']")
        .await;
    assert_eq!(
        app.value_of("note").await,
        "Registered on the project's site"
    );
    app.screenshot("participations-02-date-refused").await;

    app.fill("happenedAt", "2024-01-02 09:30").await;
    app.press_enter_in("happenedAt").await;
    app.wait_for_count("[data-testid='participation-step']", 2)
        .await;
    app.wait_for_text("Registered on the project's site").await;
    app.screenshot("participations-03-timeline").await;

    app.click("[data-testid='nav-participations']").await;
    app.wait_for("[data-testid='participation-row']").await;
    app.wait_for_text("Borealis").await;
    app.screenshot("participations-04-list").await;
    app.quit().await;
}
