//! `saleguard trade` and `saleguard portfolio` against a temporary data directory.

use crate::common;

use common::DataDir;

fn buy(dir: &DataDir) -> serde_json::Value {
    dir.json(&[
        "trade",
        "add",
        "--kind",
        "buy",
        "--at",
        "2025-06-01 10:00",
        "--asset",
        "xyz",
        "--decimals",
        "18",
        "--amount",
        "100",
        "--price",
        "250.50",
        "--currency",
        "USD",
        "--fee",
        "1.5",
        "--fee-currency",
        "usd",
        "--account",
        "Kraken",
    ])
}

#[test]
fn a_trade_recorded_shows_in_the_portfolio_with_its_price_and_time() {
    let dir = DataDir::new();
    let recorded = buy(&dir);
    assert_eq!(recorded[0]["amount"]["decimal"], "100");
    assert_eq!(recorded[0]["counter"]["decimal"], "250.5");
    dir.json(&[
        "trade",
        "add",
        "--kind",
        "transfer",
        "--at",
        "2025-06-02 10:00",
        "--asset",
        "XYZ",
        "--decimals",
        "18",
        "--amount",
        "40",
        "--account",
        "Kraken",
        "--to",
        "Cold wallet",
    ]);
    dir.json(&[
        "price",
        "add",
        "--asset",
        "XYZ",
        "--currency",
        "USD",
        "--price",
        "3",
        "--at",
        "2025-07-01 00:00",
    ]);

    let portfolio = dir.json(&["portfolio"]);
    assert_eq!(portfolio["currency"], "USD");
    assert_eq!(portfolio["method"], "FIFO");
    let holding = &portfolio["holdings"][0];
    assert_eq!(holding["asset"], "XYZ");
    assert_eq!(holding["value"], "300");
    assert_eq!(holding["cost"], "252");
    assert_eq!(holding["price"]["observedAt"], "2025-07-01T00:00:00Z");
    assert_eq!(holding["places"][0]["place"], "Kraken");
    assert_eq!(holding["places"][0]["quantity"]["decimal"], "60");
    assert_eq!(holding["places"][1]["place"], "Cold wallet");

    // The text says the same, with the price's time beside the value.
    let text = std::process::Command::new(assert_cmd::cargo::cargo_bin("saleguard"))
        .env_remove("SALEGUARD_DATA_DIR")
        .arg("--data-dir")
        .arg(dir.0.path())
        .arg("portfolio")
        .output()
        .expect("runs");
    let text = String::from_utf8(text.stdout).expect("UTF-8");
    assert!(text.contains("Portfolio in USD, cost basis FIFO"), "{text}");
    assert!(text.contains("3 USD (2025-07-01T00:00:00Z"), "{text}");
    assert!(text.contains("300 USD"), "{text}");

    let trades = dir.json(&["trade", "list"]);
    assert_eq!(trades.as_array().map(Vec::len), Some(2));
    let newest = trades[0]["id"].as_i64().expect("id").to_string();
    dir.json(&["trade", "rm", &newest]);
    assert_eq!(
        dir.error_code(&["trade", "rm", &newest]),
        (1, "trade_not_found".to_owned())
    );
}

#[test]
fn bad_trades_and_currencies_are_refused_and_change_nothing() {
    let dir = DataDir::new();
    let base = [
        ("--kind", "buy"),
        ("--at", "2025-06-01 10:00"),
        ("--asset", "XYZ"),
        ("--decimals", "18"),
        ("--amount", "1"),
        ("--price", "2"),
        ("--currency", "USD"),
        ("--account", "Kraken"),
    ];
    for (changed, code) in [
        (("--kind", "swap"), "invalid_choice"),
        (("--at", "next week"), "invalid_datetime"),
        (("--amount", "1e5"), "invalid_amount"),
        (("--price", ""), "required"),
        (("--currency", "U S D"), "invalid_symbol"),
        (("--decimals", "99"), "invalid_decimals"),
    ] {
        let mut args = vec!["trade", "add"];
        for (flag, value) in base {
            args.extend([flag, if flag == changed.0 { changed.1 } else { value }]);
        }
        let (status, got) = dir.error_code(&args);
        assert_eq!((status, got.as_str()), (1, code), "{args:?}");
    }
    assert_eq!(
        dir.json(&["trade", "list"]).as_array().map(Vec::len),
        Some(0)
    );
    assert_eq!(
        dir.error_code(&["portfolio", "--currency", "NOPE1"]),
        (1, "unknown_currency".to_owned())
    );
    let empty = dir.json(&["portfolio", "--currency", "chf"]);
    assert_eq!(empty["currency"], "CHF");
    assert_eq!(empty["currencyChosen"], true);
    assert_eq!(empty["holdings"].as_array().map(Vec::len), Some(0));
}

#[test]
fn csv_files_are_checked_imported_and_exported() {
    let dir = DataDir::new();
    let file = dir.0.path().join("trades.csv");
    std::fs::write(
        &file,
        "date_utc,type,asset,decimals,amount,counter_asset,counter_amount,account\n\
         2025-06-01 10:00,buy,XYZ,18,100,USD,250.5,\"Kraken, main\"\n",
    )
    .expect("written");
    let path = file.to_str().expect("path");
    let preview = dir.json(&["csv", "import", path, "--dry-run"]);
    assert_eq!(
        (preview["rows"].as_u64(), preview["trades"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        dir.json(&["trade", "list"]).as_array().map(Vec::len),
        Some(0),
        "a dry run adds nothing"
    );
    let imported = dir.json(&["csv", "import", path]);
    assert_eq!(imported["trades"], 1);

    let exported = dir.run(&["csv", "export"]);
    let text = String::from_utf8(exported.stdout).expect("UTF-8");
    assert!(
        text.starts_with("date_utc,type,asset,decimals,amount,"),
        "{text}"
    );
    assert!(
        text.contains("2025-06-01T10:00:00Z,buy,XYZ,18,100,USD,250.5,,,\"Kraken, main\""),
        "{text}"
    );

    std::fs::write(&file, "date_utc,type,asset,amount\nsoon,buy,XYZ,1\n").expect("written");
    assert_eq!(
        dir.error_code(&["csv", "import", path, "--dry-run"]),
        (1, "import_refused".to_owned())
    );
    assert_eq!(
        dir.error_code(&["csv", "import", path]),
        (1, "import_refused".to_owned())
    );
    assert_eq!(
        dir.json(&["trade", "list"]).as_array().map(Vec::len),
        Some(1),
        "nothing half-imported"
    );
}

fn with_stdin(dir: &DataDir, args: &[&str], stdin: &str) -> std::process::Output {
    assert_cmd::Command::cargo_bin("saleguard")
        .expect("binary")
        .env_remove("SALEGUARD_DATA_DIR")
        .arg("--data-dir")
        .arg(dir.0.path())
        .arg("--json")
        .args(args)
        .write_stdin(stdin)
        .output()
        .expect("runs")
}

#[test]
fn a_backup_is_written_and_restored_with_its_passphrase_from_standard_input() {
    let dir = DataDir::new();
    buy(&dir);
    let status = dir.json(&["backup", "status"]);
    assert_eq!(
        (status["lastBackupAt"].is_null(), status["due"].as_bool()),
        (true, Some(true))
    );
    let file = dir.0.path().join("backup.age");
    let path = file.to_str().expect("path");
    let created = with_stdin(
        &dir,
        &["backup", "create", "--output", path],
        "correct horse battery\n",
    );
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(text.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"));
    assert!(!text.contains("Kraken"));
    assert_eq!(dir.json(&["backup", "status"])["due"], false);

    let fresh = DataDir::new();
    let wrong = with_stdin(&fresh, &["backup", "restore", path], "not the passphrase\n");
    assert_eq!(wrong.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("wrong_passphrase"));
    let restored = with_stdin(
        &fresh,
        &["backup", "restore", path],
        "correct horse battery\n",
    );
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    assert_eq!(fresh.json(&["trade", "list"])[0]["account"], "Kraken");
    let short = with_stdin(&dir, &["backup", "create", "--output", path], "short\n");
    assert!(String::from_utf8_lossy(&short.stderr).contains("weak_passphrase"));
}

#[test]
fn price_history_is_imported_and_the_online_source_is_set_up_and_asked() {
    let dir = DataDir::new();
    buy(&dir);
    let file = dir.0.path().join("prices.csv");
    std::fs::write(
        &file,
        "date_utc,asset,currency,price\n2025-06-02,XYZ,USD,260\n2025-06-03 00:00,XYZ,USD,270.25\n",
    )
    .expect("written");
    let path = file.to_str().expect("path");
    let preview = dir.json(&["price", "import", path, "--dry-run"]);
    assert_eq!(
        (preview["rows"].as_u64(), preview["prices"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(
        dir.json(&["price", "list"]).as_array().map(Vec::len),
        Some(0)
    );
    dir.run(&["price", "import", path]);
    let prices = dir.json(&["price", "list"]);
    assert_eq!(prices[0]["price"], "270.25");
    assert_eq!(prices[0]["source"], "csv");
    std::fs::write(&file, "date_utc,asset,currency,price\nlater,XYZ,USD,1\n").expect("written");
    assert_eq!(
        dir.error_code(&["price", "import", path]),
        (1, "import_refused".to_owned())
    );

    assert_eq!(
        dir.error_code(&["price", "fetch"]),
        (1, "price_api_off".to_owned()),
        "off by default"
    );
    let server = saleguard_testkit::PriceApiServer::start([saleguard_testkit::Reply::ok(
        r#"{"xyz-protocol":{"usd":301.5,"last_updated_at":1764930000}}"#,
    )]);
    let sources = dir.json(&["price", "api", "--enable", "--base-url", &server.base_url()]);
    assert_eq!(sources["api"]["enabled"], true);
    dir.json(&["price", "coin", "XYZ", "xyz-protocol"]);
    let order = dir.json(&["price", "sources", "--order", "api,csv,manual"]);
    assert_eq!(order["order"], serde_json::json!(["api", "csv", "manual"]));
    let fetched = dir.json(&["price", "fetch"]);
    assert_eq!(fetched["prices"], 1);
    let portfolio = dir.json(&["portfolio"]);
    let xyz = &portfolio["holdings"][0];
    assert_eq!(xyz["price"]["price"], "301.5");
    assert_eq!(xyz["price"]["source"], "api");
    assert_eq!(
        dir.error_code(&["price", "sources", "--order", "api,api,csv"])
            .1,
        "invalid_choice"
    );
    assert_eq!(
        dir.error_code(&["price", "sources", "--order", "api,web,csv"])
            .1,
        "invalid_arguments"
    );
}
