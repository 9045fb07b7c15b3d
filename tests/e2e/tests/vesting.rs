//! A user records a participation through to its tokens vesting, sets the vesting
//! plan, and sees the next unlock on the dashboard; on the way they score the sale's
//! due diligence and keep their KYC details.

use saleguard_e2e::AppSession;
use time::{Duration, OffsetDateTime, macros::format_description};

/// A UTC time `days` from now, as a user types it ("2026-12-18 12:00").
fn days_from_now(days: i64) -> String {
    let at = OffsetDateTime::now_utc() + Duration::days(days);
    at.format(format_description!("[year]-[month]-[day] 12:00"))
        .expect("formats")
}

#[tokio::test(flavor = "current_thread")]
async fn record_a_participation_through_to_vesting_and_see_the_next_unlock_on_the_dashboard() {
    let data_dir = tempfile::tempdir().expect("temp data dir");
    let app = AppSession::launch(data_dir.path()).await;
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
        ("startsAt", "2024-03-01 14:00"),
        ("endsAt", "2024-03-15 14:00"),
    ])
    .await;
    app.click("[data-testid='sale-row'] td").await;

    // Due diligence first: five factors scored and one red flag give a grade.
    app.click("[data-testid='sale-tab-diligence']").await;
    app.wait_for("[data-testid='scorecard-form']").await;
    for factor in [
        "whitepaper",
        "roadmap",
        "team",
        "market_potential",
        "token_economics",
    ] {
        app.click(&format!(
            "[data-testid='factor-{factor}'] input[value='4'] + label"
        ))
        .await;
    }
    app.click(
        "[data-testid='scorecard-form'] .mantine-Checkbox-root:has(input[value='no_third_party_audit']) label",
    )
    .await;
    app.fill("excludedJurisdictions", "US, CN").await;
    app.screenshot("vesting-01-scorecard").await;
    app.click("[data-testid='save-research']").await;
    app.wait_for_text_of("[data-testid='grade-letter']", "B")
        .await;
    app.wait_for_text_of("[data-testid='grade-points']", "70 points of 100")
        .await;
    app.scroll_to_top().await;
    app.screenshot("vesting-02-graded").await;

    // The participation, step by step (each dated now).
    app.click("[data-testid='sale-tab-overview']").await;
    app.click("[data-testid='start-participation']").await;
    app.wait_for("[data-testid='start-participation-form']")
        .await;
    app.fill_in(
        "[data-testid='start-participation-form']",
        "note",
        "Graded B; contributing 2 ETH",
    )
    .await;
    app.click("[data-testid='start-participation-form'] button[type='submit']")
        .await;
    app.wait_for_count("[data-testid='participation-step']", 1)
        .await;
    for (steps, state) in ["contributed", "succeeded", "tokens_distributed", "vesting"]
        .into_iter()
        .enumerate()
    {
        app.record_step(state, steps + 2).await;
    }
    app.screenshot("vesting-03-history").await;

    // KYC details are kept even where the sale does not require KYC.
    app.click("[data-testid='tab-kyc']").await;
    app.fill_in("[data-testid='kyc-form']", "provider", "Fractal ID")
        .await;
    app.fill_in("[data-testid='kyc-form']", "reference", "FRC-2231")
        .await;
    app.press_enter_in_form("[data-testid='kyc-form']", "reference")
        .await;
    app.wait_for_text("KYC details saved").await;
    app.screenshot("vesting-04-kyc").await;

    // The plan: 12 000 AUR, 10 % at a TGE three weeks away, then 12 months linear.
    let tge = days_from_now(21);
    app.click("[data-testid='tab-vesting']").await;
    app.wait_for("[data-testid='vesting-empty']").await;
    let form = "[data-testid='vesting-form']";
    for (name, value) in [
        ("totalTokens", "12000"),
        ("tgeAt", tge.as_str()),
        ("atTgePercent", "10"),
        ("cliffMonths", "0"),
        ("months", "12"),
    ] {
        app.fill_in(form, name, value).await;
    }
    app.screenshot("vesting-05-plan").await;
    app.press_enter_in_form(form, "months").await;
    app.wait_for("[data-testid='next-unlock']").await;
    app.wait_for_count("[data-testid='vesting-unlock']", 13)
        .await;
    app.screenshot("vesting-06-schedule").await;

    // The dashboard shows that first unlock: 10 % of 12 000.
    app.click("[data-testid='nav-dashboard']").await;
    app.wait_for_text_of("[data-testid='next-unlock-project']", "Aurora Network")
        .await;
    app.wait_for_text_of("[data-testid='next-unlock-amount']", "1,200 AUR")
        .await;
    app.wait_for("[data-testid='upcoming-event'][data-kind='unlock']")
        .await;
    app.screenshot("vesting-07-dashboard").await;

    app.click("[data-testid='open-calendar']").await;
    app.wait_for("[data-testid='calendar-month']").await;
    app.screenshot("vesting-08-calendar").await;
    app.quit().await;
}
