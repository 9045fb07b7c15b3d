//! A user brings prices from two sources — a CSV of price history and an online price
//! API (a local server on 127.0.0.1 replaying CoinGecko's replies, one of them a rate
//! limit) — and sees the portfolio valued with the API's price, its source said, and the
//! charts over time.

use std::time::{SystemTime, UNIX_EPOCH};

use saleguard_e2e::AppSession;
use saleguard_testkit::{PriceApiServer, Reply};

const SECTION: &str = "[data-testid='price-sources-section']";

#[tokio::test(flavor = "current_thread")]
async fn prices_from_history_and_the_online_api_value_the_portfolio_and_its_charts() {
    let data_dir = tempfile::tempdir().expect("temp data dir");
    let files = saleguard_e2e::user_files();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    let server = PriceApiServer::start([
        Reply::ok(format!(
            r#"{{"xyz-protocol":{{"usd":3.4567,"last_updated_at":{}}}}}"#,
            now - 60
        )),
        Reply::rate_limited(Some(120)),
    ]);
    let app = AppSession::launch(data_dir.path()).await;
    app.click("[data-testid='nav-portfolio']").await;
    app.wait_for("[data-testid='trade-form']").await;
    app.record_trade(
        "buy",
        &[
            ("happenedAt", "2026-01-05 10:00"),
            ("asset", "XYZ"),
            ("amount", "100"),
            ("counterAmount", "250"),
            ("account", "Kraken"),
        ],
        1,
    )
    .await;

    // Price history from a CSV file, previewed then imported.
    app.click("[data-testid='nav-settings']").await;
    app.scroll_into_view(SECTION).await;
    let history = files.path().join("xyz-usd.csv");
    std::fs::write(
        &history,
        "date_utc,asset,currency,price\n2026-01-05,XYZ,USD,2.50\n2026-03-01,XYZ,USD,2.80\n2026-06-01,XYZ,USD,3.10\n",
    )
    .expect("history written");
    app.open_in_dialog(
        "[data-testid='price-history-choose']",
        "Import a price history",
        &history,
        None,
    )
    .await;
    app.wait_for_text_in("[data-testid='price-history-preview']", "3 rows")
        .await;
    app.scroll_into_view("[data-testid='price-history-preview']")
        .await;
    app.screenshot("prices-01-history-preview").await;
    app.click("[data-testid='price-history-confirm']").await;
    app.wait_for_text("Price history imported").await;
    app.dismiss_notifications().await;

    // The online price API: the token's coin id, then on, with the local server's URL.
    let coin = "[data-testid='price-coin-row'][data-asset='XYZ']";
    app.fill_in(coin, "coinId", "xyz-protocol").await;
    app.press_enter_in_form(coin, "coinId").await;
    app.wait_for_text_in(coin, "Yours").await;
    app.click("[data-testid='price-api-form'] .mantine-Switch-track")
        .await;
    app.fill_in(
        "[data-testid='price-api-form']",
        "baseUrl",
        &server.base_url(),
    )
    .await;
    app.click("[data-testid='price-api-save']").await;
    app.wait_for_text("Price API settings saved").await;
    app.dismiss_notifications().await;
    app.click("[data-testid='price-api-fetch']").await;
    app.wait_for_text("1 price fetched").await;
    app.wait_for_text_in("[data-testid='price-api-status']", "answered")
        .await;
    app.scroll_into_view("[data-testid='price-api-form']").await;
    app.screenshot("prices-02-api-fetched").await;
    app.dismiss_notifications().await;

    // A second fetch is rate limited with a long Retry-After: said, nothing changed.
    app.click("[data-testid='price-api-fetch']").await;
    app.wait_for_text("No prices were fetched").await;
    app.wait_for_text_in("[data-testid='price-api-failure']", "try again in 120 s")
        .await;
    app.screenshot("prices-03-rate-limited").await;
    app.dismiss_notifications().await;
    let requests = server.requests();
    assert_eq!(
        requests.len(),
        2,
        "one request a fetch, no retry inside the window"
    );
    assert!(
        requests[0]
            .target
            .contains("ids=xyz-protocol&vs_currencies=usd"),
        "{}",
        requests[0].target
    );

    // The portfolio: valued at the API's fresh price, its source said; the charts.
    app.click("[data-testid='nav-portfolio']").await;
    app.wait_for_text_of("[data-testid='portfolio-value-total-amount']", "345.67 USD")
        .await;
    app.wait_for_text_in("[data-testid='holdings-table']", "API")
        .await;
    app.wait_for("canvas[data-testid='value-chart']").await;
    assert!(
        app.count("[data-testid='value-figures'] [data-testid='chart-row']")
            .await
            > 1,
        "the value over time has points"
    );
    app.wait_for("[data-testid='budget-use-empty']").await;
    app.wait_for("[data-testid='unlock-calendar-empty']").await;
    app.dismiss_notifications().await;
    app.scroll_into_view("[data-testid='portfolio-over-time']")
        .await;
    app.screenshot("prices-04-charts").await;
    app.quit().await;
}
