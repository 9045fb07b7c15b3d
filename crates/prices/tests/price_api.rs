//! The price client against a local server on 127.0.0.1 replaying CoinGecko's recorded
//! replies: prices, rate limits, key refusals, server errors, hangs and garbage.

use std::str::FromStr;
use std::time::Duration;

use saleguard_core::Decimal;
use saleguard_core::price_book::PriceSource;
use saleguard_prices::{Coin, Limits, PriceApi, PriceApiError};
use saleguard_testkit::{PriceApiServer, Reply, recorded};
use zeroize::Zeroizing;

const KEY: &str = "CG-test-key-never-shown";

fn quick() -> Limits {
    Limits {
        timeout: Duration::from_millis(800),
        connect_timeout: Duration::from_millis(800),
        attempts: 3,
        first_back_off: Duration::from_millis(20),
        longest_wait: Duration::from_secs(2),
        min_interval: Duration::ZERO,
    }
}

fn coins() -> Vec<Coin> {
    [
        ("ETH", "ethereum"),
        ("USDC", "usd-coin"),
        ("SHIB", "shiba-inu"),
        ("XYZ", "xyz-protocol"),
    ]
    .into_iter()
    .map(|(asset, id)| Coin {
        asset: asset.into(),
        coin_id: id.into(),
    })
    .collect()
}

fn api(server: &PriceApiServer, key: Option<&str>) -> PriceApi {
    PriceApi::new(
        &server.base_url(),
        key.map(|key| Zeroizing::new(key.to_owned())),
        quick(),
    )
    .expect("a client")
}

fn decimal(text: &str) -> Decimal {
    Decimal::from_str(text).expect("a decimal")
}

#[tokio::test]
async fn prices_arrive_exact_with_their_time_and_unknown_coins_are_named() {
    let server = PriceApiServer::start([Reply::ok(recorded("simple_price_usd.json"))]);
    let fetched = api(&server, Some(KEY))
        .latest(&coins(), "USD")
        .await
        .expect("prices");
    let prices: Vec<(&str, Decimal, i64)> = fetched
        .prices
        .iter()
        .map(|p| (p.asset.as_str(), p.price, p.observed_at.unix_seconds()))
        .collect();
    assert_eq!(
        prices,
        vec![
            ("ETH", decimal("3012.4567891234"), 1_796_464_680),
            ("USDC", decimal("0.999812"), 1_796_464_670),
            ("SHIB", decimal("0.000008412"), 1_796_464_655),
        ],
        "every digit the API sent, none a float rounded"
    );
    assert!(
        fetched
            .prices
            .iter()
            .all(|p| p.source == PriceSource::Api && p.currency == "USD")
    );
    assert_eq!(fetched.unknown, vec!["XYZ".to_owned()]);

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].target,
        "/api/v3/simple/price?ids=ethereum%2Cshiba-inu%2Cusd-coin%2Cxyz-protocol&vs_currencies=usd&include_last_updated_at=true&precision=full"
    );
    assert_eq!(requests[0].header("x-cg-demo-api-key"), Some(KEY));
}

#[tokio::test]
async fn without_a_key_no_key_header_is_sent() {
    let server = PriceApiServer::start([Reply::ok(recorded("simple_price_usd.json"))]);
    api(&server, None)
        .latest(&coins(), "usd")
        .await
        .expect("prices");
    let request = &server.requests()[0];
    assert!(
        request
            .headers
            .iter()
            .all(|(name, _)| !name.contains("api-key"))
    );
}

#[tokio::test]
async fn a_rate_limit_with_retry_after_is_waited_out_then_prices_come() {
    let server = PriceApiServer::start([
        Reply::rate_limited(Some(1)),
        Reply::ok(recorded("simple_price_usd.json")),
    ]);
    let fetched = api(&server, None)
        .latest(&coins(), "USD")
        .await
        .expect("prices");
    assert_eq!(fetched.prices.len(), 3);
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn a_retry_after_longer_than_we_wait_ends_the_try_at_once() {
    let server = PriceApiServer::start([Reply::rate_limited(Some(120))]);
    let error = api(&server, None)
        .latest(&coins(), "USD")
        .await
        .expect_err("limited");
    assert!(
        matches!(
            &error,
            PriceApiError::RateLimited {
                retry_after: Some(120),
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("try again in 120 s"), "{error}");
    assert_eq!(
        server.requests().len(),
        1,
        "no second request inside the window"
    );
}

#[tokio::test]
async fn repeated_rate_limits_and_server_errors_stop_after_the_attempts() {
    let server = PriceApiServer::start([
        Reply::rate_limited(None),
        Reply::rate_limited(None),
        Reply::rate_limited(None),
        Reply::rate_limited(None),
    ]);
    let error = api(&server, None)
        .latest(&coins(), "USD")
        .await
        .expect_err("limited");
    assert!(
        matches!(
            error,
            PriceApiError::RateLimited {
                retry_after: None,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(server.requests().len(), 3, "three attempts, then give up");

    let server = PriceApiServer::start([
        Reply::status(502, recorded("server_error.html")),
        Reply::ok(recorded("simple_price_usd.json")),
    ]);
    let fetched = api(&server, None)
        .latest(&coins(), "USD")
        .await
        .expect("second try");
    assert_eq!(fetched.prices.len(), 3);

    let server =
        PriceApiServer::start((0..3).map(|_| Reply::status(502, recorded("server_error.html"))));
    let error = api(&server, None)
        .latest(&coins(), "USD")
        .await
        .expect_err("down");
    match &error {
        PriceApiError::Failed {
            status, message, ..
        } => {
            assert_eq!(*status, 502);
            assert!(message.contains("502 Bad Gateway"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_refused_key_is_said_once_and_the_key_appears_nowhere() {
    let server = PriceApiServer::start([Reply::status(401, recorded("invalid_key.json"))]);
    let error = api(&server, Some(KEY))
        .latest(&coins(), "USD")
        .await
        .expect_err("refused");
    assert!(
        matches!(error, PriceApiError::KeyRefused { status: 401, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("API Key Missing"), "{error}");
    assert!(!error.to_string().contains(KEY) && !format!("{error:?}").contains(KEY));
    assert_eq!(server.requests().len(), 1, "a refused key is not retried");
}

#[tokio::test]
async fn a_hanging_api_times_out_and_an_absent_one_is_unreachable() {
    let server = PriceApiServer::start(
        (0..3)
            .map(|_| Reply::ok(recorded("simple_price_usd.json")).delayed(Duration::from_secs(3))),
    );
    let error = api(&server, None)
        .latest(&coins(), "USD")
        .await
        .expect_err("too slow");
    assert!(matches!(error, PriceApiError::TimedOut { .. }), "{error:?}");

    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = closed.local_addr().expect("address").port();
    drop(closed);
    let api =
        PriceApi::new(&format!("http://127.0.0.1:{port}/api/v3"), None, quick()).expect("client");
    let error = api.latest(&coins(), "USD").await.expect_err("nobody there");
    assert!(
        matches!(error, PriceApiError::Unreachable { .. }),
        "{error:?}"
    );
    assert!(
        error.to_string().starts_with(&format!("127.0.0.1:{port}")),
        "{error}"
    );
}

#[tokio::test]
async fn garbage_is_refused_as_malformed() {
    for body in [
        "<html>maintenance</html>",
        "{\"ethereum\":{\"usd\":\"abc\"}}",
        "[]",
    ] {
        let server = PriceApiServer::start([Reply::ok(body)]);
        let error = api(&server, None)
            .latest(&coins(), "USD")
            .await
            .expect_err("garbage");
        assert!(
            matches!(error, PriceApiError::Malformed { .. }),
            "{body}: {error:?}"
        );
    }
    let server = PriceApiServer::start([Reply::status(404, "{\"error\":\"Not Found\"}")]);
    let error = api(&server, None)
        .latest(&coins(), "USD")
        .await
        .expect_err("wrong path");
    assert!(
        matches!(error, PriceApiError::Failed { status: 404, .. }),
        "{error:?}"
    );
    assert_eq!(server.requests().len(), 1, "a 404 is not retried");
}

#[tokio::test]
async fn requests_are_spaced_by_the_minimum_interval() {
    let server = PriceApiServer::start([
        Reply::ok(recorded("simple_price_usd.json")),
        Reply::ok(recorded("simple_price_usd.json")),
    ]);
    let api = PriceApi::new(
        &server.base_url(),
        None,
        Limits {
            min_interval: Duration::from_millis(300),
            ..quick()
        },
    )
    .expect("client");
    let started = tokio::time::Instant::now();
    api.latest(&coins(), "USD").await.expect("first");
    api.latest(&coins(), "USD").await.expect("second");
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "the second request waited for the interval"
    );
}
