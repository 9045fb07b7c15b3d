//! A user sets a budget for this year, records a price, edits the budget and makes
//! prices stale after 36 hours, in the Budget area.

use saleguard_e2e::AppSession;
use time::OffsetDateTime;

#[tokio::test(flavor = "current_thread")]
async fn set_a_budget_and_record_a_price() {
    let data_dir = tempfile::tempdir().expect("temp data dir");
    let app = AppSession::launch(data_dir.path()).await;
    app.click("[data-testid='nav-budget']").await;
    app.wait_for("[data-testid='budgets-empty']").await;
    app.screenshot("budget-01-empty").await;

    let form = "[data-testid='budget-form']";
    let year = OffsetDateTime::now_utc().year().to_string();
    app.fill_in(form, "year", &year).await;
    app.fill_in(form, "total", "-5000").await;
    app.press_enter_in_form(form, "total").await;
    app.wait_for(&format!("{form} [name='total'][aria-invalid='true']"))
        .await;
    app.screenshot("budget-02-refused").await;
    app.fill_in(form, "total", "5000").await;
    app.fill_in(form, "perSaleCap", "1500").await;
    app.fill_in(form, "maxSharePercent", "25").await;
    app.press_enter_in_form(form, "total").await;
    app.wait_for_text_of(
        "[data-testid='budget-committed']",
        "0 USD of 5,000 USD committed",
    )
    .await;

    let prices = "[data-testid='price-form']";
    app.fill_in(prices, "price", "3012.50").await;
    app.fill_in(prices, "observedAt", &format!("{year}-01-01 09:00"))
        .await;
    app.press_enter_in_form(prices, "price").await;
    app.wait_for_count("[data-testid='price-row']", 1).await;
    app.wait_for_text_in("[data-testid='prices-filters']", "1 price")
        .await;
    app.dismiss_notifications().await;
    app.scroll_into_view("[data-testid='price-book']").await;
    app.screenshot("budget-03-price-book").await;
    app.scroll_to_top().await;
    app.screenshot("budget-03-set").await;

    app.click("[data-testid='budget-card'] button[aria-label^='Edit the']")
        .await;
    let dialog = "[role='dialog']";
    app.wait_for(&format!("{dialog} [name='total']")).await;
    app.fill_in(dialog, "total", "6000").await;
    app.screenshot("budget-04-edit").await;
    app.press_enter_in_form(dialog, "total").await;
    app.wait_for_text_of(
        "[data-testid='budget-committed']",
        "0 USD of 6,000 USD committed",
    )
    .await;
    app.wait_for_count(dialog, 0).await;

    let rules = "[data-testid='review-rules-form']";
    app.dismiss_notifications().await;
    app.scroll_into_view(rules).await;
    app.fill_in(rules, "maxPriceAge", "36").await;
    app.choose(rules, "maxPriceAgeUnit", "hours").await;
    app.click(&format!("{rules} button[type='submit']")).await;
    app.wait_for_text("Review rules saved").await;
    assert_eq!(app.value_of("maxPriceAgeUnit").await, "hours");
    app.dismiss_notifications().await;
    app.scroll_into_view("[data-testid='review-rules']").await;
    app.screenshot("budget-05-rules-in-hours").await;
    app.quit().await;
}
