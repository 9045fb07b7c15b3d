//! A user records trades by hand and from a CSV file, a price, and sees their portfolio: holdings with the price's
//! time, a value not known said as such, the allocation charts, and the dashboard's
//! headline numbers.

use std::path::PathBuf;

use saleguard_e2e::AppSession;

const TRADES: &str = "[data-testid='trade-form']";
const PASSPHRASE: &str = "correct horse battery staple";

#[tokio::test(flavor = "current_thread")]
async fn record_trades_and_see_the_portfolio() {
    let data_dir = tempfile::tempdir().expect("temp data dir");
    let files = saleguard_e2e::user_files();
    let app = AppSession::launch(data_dir.path()).await;
    app.click("[data-testid='nav-portfolio']").await;
    app.wait_for("[data-testid='portfolio-empty']").await;
    app.wait_for("[data-testid='trades-empty']").await;
    app.screenshot("portfolio-01-empty").await;

    // A refused field first: a comma in the price.
    app.fill_in(TRADES, "happenedAt", "2026-01-05 10:00").await;
    app.fill_in(TRADES, "asset", "XYZ").await;
    app.fill_in(TRADES, "amount", "100").await;
    app.fill_in(TRADES, "counterAmount", "250,50").await;
    app.click(&format!("{TRADES} button[type='submit']")).await;
    app.wait_for(&format!(
        "{TRADES} [name='counterAmount'][aria-invalid='true']"
    ))
    .await;
    app.screenshot("portfolio-02-refused").await;
    app.record_trade(
        "buy",
        &[("counterAmount", "250.50"), ("account", "Kraken")],
        1,
    )
    .await;
    app.record_trade(
        "buy",
        &[
            ("happenedAt", "2026-02-01 10:00"),
            ("asset", "ABC"),
            ("amount", "10"),
            ("counterAmount", "100"),
            ("account", "Kraken"),
        ],
        2,
    )
    .await;
    app.record_trade(
        "transfer",
        &[
            ("happenedAt", "2026-02-02 10:00"),
            ("asset", "XYZ"),
            ("amount", "40"),
            ("account", "Kraken"),
            ("toAccount", "Cold wallet"),
        ],
        3,
    )
    .await;

    // A spreadsheet's rows: a bad file first (every problem by row), then a good one.
    let csv_import = "[data-testid='csv-import']";
    let csv_title = "Import transactions from CSV";
    let bad = files.path().join("bad.csv");
    std::fs::write(
        &bad,
        "date_utc,type,asset,decimals,amount,counter_asset,counter_amount,account\n\
         2026-03-01 10:00,sell,XYZ,18,10,USD,1,5,Kraken\n\
         someday,buy,XYZ,18,5,USD,10,Kraken\n",
    )
    .expect("bad CSV written");
    app.open_in_dialog(
        csv_import,
        csv_title,
        &bad,
        Some("portfolio-03-csv-open-dialog"),
    )
    .await;
    app.wait_for_count("[data-testid='csv-error-row']", 2).await;
    app.scroll_into_view("[data-testid='csv-panel']").await;
    app.screenshot("portfolio-04-csv-refused").await;
    let good = files.path().join("kraken export.csv");
    std::fs::write(
        &good,
        "\u{feff}date_utc,type,asset,decimals,amount,counter_asset,counter_amount,fee_asset,fee_amount,account,note\r\n\
         2026-03-01 10:00,sell,XYZ,18,10,USD,45,USD,0.5,Kraken,\"partial, first\"\r\n\
         2026-03-02 10:00,buy,ABC,18,5,USD,60,,,Kraken,\r\n",
    )
    .expect("CSV written");
    app.open_in_dialog(csv_import, csv_title, &good, None).await;
    app.wait_for_text_in("[data-testid='csv-preview']", "2 rows — 2 trades")
        .await;
    app.screenshot("portfolio-05-csv-preview").await;
    app.click("[data-testid='csv-confirm-import']").await;
    app.wait_for_count("[data-testid='trade-row']", 5).await;
    app.dismiss_notifications().await;

    // A price for XYZ, none for ABC.
    app.click("[data-testid='nav-budget']").await;
    let prices = "[data-testid='price-form']";
    app.fill_in(prices, "asset", "XYZ").await;
    app.fill_in(prices, "price", "3").await;
    app.fill_in(prices, "observedAt", "2026-06-01 09:00").await;
    app.press_enter_in_form(prices, "price").await;
    app.wait_for_count("[data-testid='price-row']", 1).await;

    app.click("[data-testid='nav-portfolio']").await;
    app.wait_for_text_of("[data-testid='portfolio-value-total-amount']", "270 USD")
        .await;
    app.wait_for("[data-testid='portfolio-value-total-incomplete']")
        .await;
    app.wait_for_text_in("[data-testid='holdings-table']", "Kraken: 50 XYZ")
        .await;
    app.wait_for_text_in("[data-testid='holdings-table']", "Cold wallet: 40 XYZ")
        .await;
    app.wait_for_text_in("[data-testid='holdings-table']", "No price")
        .await;
    app.wait_for("[data-testid='allocation-by-asset'] canvas")
        .await;
    assert_eq!(
        app.count("[data-testid='portfolio-problems']").await,
        0,
        "every record adds up: nothing to warn about"
    );
    app.dismiss_notifications().await;
    app.scroll_to_top().await;
    app.screenshot("portfolio-06-holdings").await;
    app.scroll_into_view("[data-testid='trades-table']").await;
    app.wait_for_text_in("[data-testid='trades-filters']", "5 trades")
        .await;
    app.screenshot("portfolio-07-trades").await;
    // The buys of ABC only: filtered by the backend, read a page at a time.
    let filters = "[data-testid='trades-filters']";
    app.click(&format!("{filters} input[value='buy'] + label"))
        .await;
    app.wait_for_text_in(filters, "3 trades").await;
    app.click("[data-testid='trades-filters-asset']").await;
    app.click("[role='option'][value='ABC']").await;
    app.wait_for_text_in(filters, "2 trades").await;
    app.wait_for_count("[data-testid='trade-row']", 2).await;
    app.scroll_into_view("[data-testid='trades-table']").await;
    app.screenshot("portfolio-07-trades-by-kind").await;

    app.click("[data-testid='nav-dashboard']").await;
    app.wait_for_text_of("[data-testid='dashboard-value-total-amount']", "270 USD")
        .await;
    app.wait_for("[data-testid='dashboard-value-total-incomplete']")
        .await;
    app.wait_for_text_of("[data-testid='dashboard-profit-total-amount']", "+64 USD")
        .await;
    app.screenshot("portfolio-08-dashboard").await;

    // The transactions as CSV for a tax tool, where the user says in the save dialog.
    let downloads =
        std::env::var("E2E_DOWNLOADS").expect("scripts/e2e.sh names the Downloads folder");
    app.click("[data-testid='nav-portfolio']").await;
    let for_taxes = files.path().join("for my accountant.csv");
    app.save_in_dialog(
        "[data-testid='csv-export-transactions']",
        "Export transactions as CSV",
        Some(&for_taxes),
    )
    .await;
    // The notification fades in: its text is there once it is shown.
    app.wait_for_text_in("[data-testid='csv-export-path']", "for my accountant.csv")
        .await;
    let csv = PathBuf::from(app.text_of("[data-testid='csv-export-path']").await);
    assert_eq!(csv, for_taxes);
    let exported = std::fs::read_to_string(&csv).expect("the CSV is there");
    assert!(
        exported.contains(",sell,XYZ,18,10,USD,45,USD,0.5,Kraken,,,\"partial, first\",,45,USD"),
        "{exported}"
    );
    app.dismiss_notifications().await;

    // An encrypted backup from Settings (the reminder sent the user there)…
    app.click("[data-testid='nav-settings']").await;
    app.wait_for_text_in("[data-testid='backup-status']", "No backup yet.")
        .await;
    let form = "[data-testid='backup-form']";
    app.fill_in(form, "passphrase", PASSPHRASE).await;
    app.fill_in(form, "again", PASSPHRASE).await;
    app.save_in_dialog(
        "[data-testid='create-backup']",
        "Save the encrypted backup",
        None,
    )
    .await;
    let backup = PathBuf::from(app.text_of("[data-testid='backup-path']").await);
    assert!(backup.starts_with(&downloads), "{}", backup.display());
    let armored = std::fs::read_to_string(&backup).expect("the backup is there");
    assert!(armored.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"));
    assert!(!armored.contains("Kraken"), "nothing readable in it");
    app.wait_for_text_in("[data-testid='backup-status']", "Last backup")
        .await;
    app.scroll_into_view("[data-testid='backup-done']").await;
    app.screenshot("portfolio-09-backup").await;
    app.quit().await;

    // …restored into a new data folder, with its passphrase after a wrong one.
    let second_dir = tempfile::tempdir().expect("temp data dir");
    let app = AppSession::launch(second_dir.path()).await;
    app.click("[data-testid='nav-settings']").await;
    app.open_in_dialog(
        "[data-testid='choose-backup']",
        "Restore an encrypted backup",
        &backup,
        None,
    )
    .await;
    app.fill("restorePassphrase", "not the passphrase").await;
    app.click("[data-testid='restore-backup']").await;
    app.wait_for_text_in("[data-testid='restore-form']", "does not open this backup")
        .await;
    app.screenshot("portfolio-10-wrong-passphrase").await;
    app.fill("restorePassphrase", PASSPHRASE).await;
    app.click("[data-testid='restore-backup']").await;
    app.wait_for_text("Backup restored").await;
    app.click("[data-testid='nav-portfolio']").await;
    app.wait_for_text_of("[data-testid='portfolio-value-total-amount']", "270 USD")
        .await;
    app.wait_for_count("[data-testid='trade-row']", 5).await;
    app.screenshot("portfolio-11-restored").await;
    app.quit().await;
}
