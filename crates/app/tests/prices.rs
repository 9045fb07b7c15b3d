//! Price sources over a real SQLite file: price history from CSV, the online price API
//! (a local server on 127.0.0.1 replaying CoinGecko's recorded replies), the order the
//! sources are asked in, and the API key in a real keyring (GNOME Keyring over Secret
//! Service, in a private session: the scenarios that need it run in a child process).

use crate::common;

use common::{add_price, app};
use saleguard_app::dto::PageInput;
use saleguard_app::pricing::PriceSource;
use saleguard_app::pricing::api::PriceApiInput;
use saleguard_app::pricing::book::PriceQuery;
use saleguard_app::{ErrorCode, Saleguard};
use saleguard_testkit::{PriceApiServer, Reply, recorded};

const KEY: &str = "CG-demo-key-for-tests-1234";
const SERVICE: &str = saleguard_vault::KeyringNamespace::DEVELOPMENT;

fn api_on(app: &Saleguard, base_url: &str, key: Option<&str>) {
    app.set_price_api(&PriceApiInput {
        enabled: true,
        base_url: base_url.into(),
        api_key: key.map(str::to_owned),
    })
    .expect("saved");
}

fn eth_price(app: &Saleguard) -> Option<(String, PriceSource)> {
    let held = app.portfolio().expect("portfolio");
    held.holdings
        .iter()
        .find(|holding| holding.asset == "ETH")
        .and_then(|holding| holding.price.as_ref())
        .map(|price| (price.price.clone(), price.source))
}

/// 2 ETH bought, so the portfolio holds ETH to value.
fn holding_eth(app: &Saleguard) {
    app.record_trade(&saleguard_app::portfolio::trades::TradeInput {
        kind: "buy".into(),
        happened_at: "2026-11-01 10:00".into(),
        asset: "ETH".into(),
        decimals: "18".into(),
        amount: "2".into(),
        counter_asset: "USD".into(),
        counter_amount: "5000".into(),
        ..Default::default()
    })
    .expect("trade");
}

#[test]
fn the_online_source_is_off_until_enabled_and_the_sources_have_a_default_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    holding_eth(&app);
    let sources = app.price_sources().expect("sources");
    assert_eq!(
        sources.order,
        vec![PriceSource::Manual, PriceSource::Csv, PriceSource::Api]
    );
    assert!(!sources.api.enabled, "off by default");
    assert!(!sources.api.has_key);
    assert_eq!(sources.api.base_url, "https://api.coingecko.com/api/v3");
    let eth = sources
        .coins
        .iter()
        .find(|c| c.asset == "ETH")
        .expect("ETH listed");
    assert_eq!((eth.coin_id.as_str(), eth.chosen), ("ethereum", false));
    assert!(
        sources.coins.iter().all(|coin| coin.asset != "USD"),
        "the fiat a trade was paid in is not an asset to price"
    );
    let error = tokio_run(app.refresh_prices()).expect_err("off");
    assert_eq!(error.code, ErrorCode::PriceApiOff);
}

#[test]
fn bad_settings_are_refused_at_their_field_and_change_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    for bad in [
        "api.coingecko.com",
        "ftp://example.com/api",
        "https://x.test/api?key=1",
    ] {
        let error = app
            .set_price_api(&PriceApiInput {
                enabled: true,
                base_url: bad.into(),
                api_key: None,
            })
            .expect_err("refused");
        assert_eq!(error.invalid_fields[0].field, "baseUrl", "{bad}");
        assert_eq!(error.invalid_fields[0].code, ErrorCode::InvalidUrl);
    }
    assert!(!app.price_sources().expect("sources").api.enabled);
    for order in [
        vec![PriceSource::Api, PriceSource::Api, PriceSource::Csv],
        vec![PriceSource::Api],
    ] {
        let error = app.set_price_source_order(&order).expect_err("refused");
        assert_eq!(error.invalid_fields[0].field, "order");
        assert_eq!(error.invalid_fields[0].code, ErrorCode::InvalidChoice);
    }
    let error = app
        .set_price_api_coin("ETH", "Ethereum Coin!")
        .expect_err("refused");
    assert_eq!(error.invalid_fields[0].field, "coinId");
    let error = app.set_price_api_coin("", "ethereum").expect_err("refused");
    assert_eq!(error.invalid_fields[0].field, "asset");
}

#[test]
fn fetched_prices_value_the_portfolio_and_the_users_order_decides_between_sources() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    holding_eth(&app);
    // A manual price from two weeks ago: stale under the 7-day limit.
    add_price(&app, "ETH", "USD", "2500", "2026-11-20 10:00");
    let server = PriceApiServer::start([Reply::ok(recorded("simple_price_usd.json"))]);
    api_on(&app, &server.base_url(), None);
    app.set_price_api_coin("shib", "shiba-inu")
        .expect("coin id");
    let refresh = tokio_run(app.refresh_prices()).expect("fetched");
    assert_eq!(refresh.currencies, vec!["USD".to_owned()]);
    assert_eq!(
        refresh.prices, 2,
        "ETH and SHIB; USD is the currency itself"
    );
    let target = &server.requests()[0].target;
    assert!(
        target.contains("ids=ethereum%2Cshiba-inu&vs_currencies=usd"),
        "{target}"
    );

    // Manual first, but stale: the API's fresh price is used, with its source.
    assert_eq!(
        eth_price(&app),
        Some(("3012.4567891234".into(), PriceSource::Api))
    );
    // A fresh manual price wins while the manual book comes first…
    add_price(&app, "ETH", "USD", "2999", "2026-12-05 09:00");
    assert_eq!(eth_price(&app), Some(("2999".into(), PriceSource::Manual)));
    // …and the API's when the user puts it first.
    app.set_price_source_order(&[PriceSource::Api, PriceSource::Manual, PriceSource::Csv])
        .expect("order");
    assert_eq!(
        eth_price(&app),
        Some(("3012.4567891234".into(), PriceSource::Api))
    );
    let status = app.price_sources().expect("sources").api;
    assert_eq!(status.fetched_at.as_deref(), Some("2026-12-05T10:00:00Z"));
    assert_eq!(status.failure, None);
}

#[test]
fn a_failing_api_is_recorded_and_leaves_every_price_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    holding_eth(&app);
    add_price(&app, "ETH", "USD", "2999", "2026-12-05 09:00");
    let server = PriceApiServer::start([
        Reply::rate_limited(Some(1)),
        Reply::ok(recorded("simple_price_usd.json")),
        Reply::status(502, recorded("server_error.html")),
        Reply::status(502, recorded("server_error.html")),
        Reply::status(502, recorded("server_error.html")),
    ]);
    api_on(&app, &server.base_url(), None);
    // A rate limit with a short Retry-After is waited out.
    tokio_run(app.refresh_prices()).expect("after the wait");
    let before = app
        .prices(&PriceQuery::default(), PageInput::FIRST)
        .expect("prices")
        .rows;
    let error = tokio_run(app.refresh_prices()).expect_err("down");
    assert_eq!(error.code, ErrorCode::PriceApiFailed);
    assert!(error.message.contains("502"), "{}", error.message);
    assert_eq!(
        app.prices(&PriceQuery::default(), PageInput::FIRST)
            .expect("prices")
            .rows,
        before,
        "nothing changed"
    );
    let status = app.price_sources().expect("sources").api;
    assert_eq!(status.failure.as_deref(), Some(error.message.as_str()));
    assert!(
        status.fetched_at.is_some(),
        "the last success is still known"
    );
    // The app goes on: the portfolio is valued from what is there.
    assert!(eth_price(&app).is_some());
}

#[test]
fn an_api_that_is_not_there_is_unreachable_quickly_enough() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    holding_eth(&app);
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = closed.local_addr().expect("address").port();
    drop(closed);
    api_on(&app, &format!("http://127.0.0.1:{port}/api/v3"), None);
    let error = tokio_run(app.refresh_prices()).expect_err("nobody there");
    assert_eq!(error.code, ErrorCode::PriceApiUnreachable);
    assert!(
        error.message.contains(&format!("127.0.0.1:{port}")),
        "{}",
        error.message
    );
}

const HISTORY: &str = "\u{feff}date_utc,asset,currency,price\r\n\
2026-12-01 00:00,ETH,USD,2800.5\r\n\
2026-12-02,eth,usd,2850\r\n\
2026-12-03T00:00:00Z,ETH,EUR,\"2700.25\"\r\n";

#[test]
fn price_history_imports_all_or_nothing_with_row_numbers_and_never_doubles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let preview = app
        .preview_price_history(HISTORY.as_bytes())
        .expect("preview");
    assert_eq!((preview.rows, preview.error_count), (3, 0));
    assert_eq!(preview.sample[1].asset, "ETH");
    assert_eq!(preview.sample[2].price, "2700.25");
    assert!(
        app.prices(&PriceQuery::default(), PageInput::FIRST)
            .expect("prices")
            .rows
            .is_empty(),
        "a preview writes nothing"
    );
    assert_eq!(
        app.import_price_history(HISTORY.as_bytes())
            .expect("imported"),
        3
    );
    assert_eq!(
        app.import_price_history(HISTORY.as_bytes()).expect("again"),
        3
    );
    let prices = app
        .prices(&PriceQuery::default(), PageInput::FIRST)
        .expect("prices")
        .rows;
    assert_eq!(prices.len(), 3, "the same history twice is kept once");
    assert!(prices.iter().all(|p| p.source == PriceSource::Csv));

    let bad = "date_utc,asset,currency,price\n\
2026-12-01,ETH,USD,2800\n\
yesterday,ETH,USD,2800\n\
2030-01-01,ETH,USD,2800\n\
2026-12-01,ETH,DOLLARS,2800\n\
2026-12-01,ETH,USD,-5\n\
2026-12-01,,USD,1\n\
2026-12-01,ETH,USD\n";
    let preview = app.preview_price_history(bad.as_bytes()).expect("preview");
    let found: Vec<(u32, &str, ErrorCode)> = preview
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str(), e.code))
        .collect();
    assert_eq!(
        found,
        vec![
            (3, "date_utc", ErrorCode::InvalidDatetime),
            (4, "date_utc", ErrorCode::InTheFuture),
            (5, "currency", ErrorCode::UnknownCurrency),
            (6, "price", ErrorCode::InvalidAmount),
            (7, "asset", ErrorCode::Required),
            (8, "", ErrorCode::InvalidValue),
        ]
    );
    let error = app
        .import_price_history(bad.as_bytes())
        .expect_err("refused");
    assert_eq!(error.code, ErrorCode::ImportRefused);
    assert_eq!(error.invalid_fields[0].field, "row 3: date_utc");
    assert_eq!(
        app.prices(&PriceQuery::default(), PageInput::FIRST)
            .expect("prices")
            .rows
            .len(),
        3,
        "nothing added"
    );

    let error = app
        .import_price_history(b"date_utc,asset,price\n2026-12-01,ETH,1\n")
        .expect_err("no currency column");
    assert_eq!(error.invalid_fields[0].field, "row 1: currency");
    let error = app.import_price_history(b"").expect_err("empty");
    assert_eq!(error.code, ErrorCode::EmptyFile);
    let error = app
        .import_price_history(b"\xff\xfed\x00a\x00")
        .expect_err("UTF-16");
    assert_eq!(error.code, ErrorCode::FileUnreadable);
}

#[test]
fn price_api_key_scenarios_run_against_a_real_keyring() {
    let keyring = saleguard_testkit::KeyringSession::start();
    common::run_ignored_in(&keyring, &["prices::in_keyring"], 2);
    let found = keyring.secret_tool(&["search", "--all", "service", SERVICE]);
    assert!(
        !String::from_utf8_lossy(&found.stdout).contains(KEY),
        "the key was forgotten at the end"
    );
}

fn in_keyring_session() {
    common::require_keyring_session("price_api_key_scenarios_run_against_a_real_keyring");
}

#[test]
#[ignore = "run by price_api_key_scenarios_run_against_a_real_keyring"]
fn in_keyring_the_key_is_kept_there_sent_in_a_header_and_never_stored_or_shown() {
    in_keyring_session();
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    holding_eth(&app);
    let server = PriceApiServer::start([
        Reply::ok(recorded("simple_price_usd.json")),
        Reply::status(401, recorded("invalid_key.json")),
    ]);
    api_on(&app, &server.base_url(), Some(KEY));
    assert!(app.price_sources().expect("sources").api.has_key);
    tokio_run(app.refresh_prices()).expect("fetched");
    assert_eq!(server.requests()[0].header("x-cg-demo-api-key"), Some(KEY));
    let database = std::fs::read(dir.path().join("saleguard.sqlite3")).expect("database");
    assert!(
        !String::from_utf8_lossy(&database).contains(KEY),
        "the key is not in the database"
    );
    // Saving again without a key keeps it (a new client is made for the new settings).
    api_on(&app, &server.base_url(), None);
    let error = tokio_run(app.refresh_prices()).expect_err("refused key");
    assert_eq!(error.code, ErrorCode::PriceApiKeyRefused);
    assert!(
        error.message.contains("API Key Missing"),
        "{}",
        error.message
    );
    assert!(!error.message.contains(KEY));
    assert_eq!(server.requests()[1].header("x-cg-demo-api-key"), Some(KEY));
    // An empty key forgets it, in the keyring too.
    api_on(&app, &server.base_url(), Some(""));
    assert!(!app.price_sources().expect("sources").api.has_key);
}

#[test]
#[ignore = "run by price_api_key_scenarios_run_against_a_real_keyring"]
fn in_keyring_a_key_lost_from_the_keyring_is_said_clearly() {
    in_keyring_session();
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    holding_eth(&app);
    let server = PriceApiServer::start([]);
    api_on(&app, &server.base_url(), Some(KEY));
    // Another program (or a restore on another computer) loses the entry.
    drop(app);
    let cleared = std::process::Command::new("secret-tool")
        .args(["clear", "service", SERVICE])
        .status()
        .expect("secret-tool runs");
    assert!(cleared.success());
    let reopened = common::app(dir.path());
    let error = tokio_run(reopened.refresh_prices()).expect_err("no key");
    assert_eq!(error.code, ErrorCode::KeyringEntryMissing);
    assert!(
        error.message.contains("Settings → Price sources"),
        "{}",
        error.message
    );
    assert!(
        server.requests().is_empty(),
        "nothing was asked without the key"
    );
}

fn tokio_run<T>(future: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
        .block_on(future)
}

#[test]
fn the_price_book_is_read_a_page_at_a_time_filtered_as_typed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    for day in 1..=9 {
        add_price(
            &app,
            "ETH",
            "USD",
            &format!("300{day}"),
            &format!("2026-11-0{day} 10:00"),
        );
        add_price(
            &app,
            "BTC",
            "EUR",
            "90000",
            &format!("2026-11-0{day} 11:00"),
        );
    }
    let eth = PriceQuery {
        asset: " eth ".into(),
        ..PriceQuery::default()
    };
    let page = app
        .prices(
            &eth,
            PageInput {
                offset: 2,
                limit: 3,
            },
        )
        .expect("a page");
    assert_eq!((page.offset, page.total), (2, 9));
    let shown: Vec<&str> = page.rows.iter().map(|price| price.price.as_str()).collect();
    assert_eq!(
        shown,
        ["3007", "3006", "3005"],
        "newest first, after the first two"
    );
    let oldest = PriceQuery {
        order: saleguard_app::dto::ListOrder::OldestFirst,
        currency: "eur".into(),
        ..PriceQuery::default()
    };
    let first = app
        .prices(
            &oldest,
            PageInput {
                offset: 0,
                limit: 1,
            },
        )
        .expect("page");
    assert_eq!(first.rows[0].observed_at, "2026-11-01T11:00:00Z");
    assert_eq!(first.total, 9);
    assert_eq!(app.price_assets().expect("assets"), ["BTC", "ETH"]);

    for limit in [0, 501] {
        let refused = app
            .prices(&PriceQuery::default(), PageInput { offset: 0, limit })
            .expect_err("no such page");
        assert_eq!(refused.code, ErrorCode::InvalidArgument);
        assert_eq!(refused.field.as_deref(), Some("limit"));
    }
    let refused = app
        .prices(
            &PriceQuery {
                asset: "ETH/USD".into(),
                currency: "a currency".into(),
                ..PriceQuery::default()
            },
            PageInput::FIRST,
        )
        .expect_err("not symbols");
    let fields: Vec<(&str, ErrorCode)> = refused
        .invalid_fields
        .iter()
        .map(|field| (field.field.as_str(), field.code))
        .collect();
    assert_eq!(
        fields,
        [
            ("asset", ErrorCode::InvalidSymbol),
            ("currency", ErrorCode::InvalidSymbol)
        ]
    );
}
