//! The portfolio over a real SQLite file: holdings from a participation's entries and the
//! user's trades, valued with the price book, cost basis FIFO, in the user's currency.

use crate::common;

use common::{DESIGNATED, OWN, add_price, app, prepared};
use saleguard_app::ErrorCode;
use saleguard_app::dto::PageInput;
use saleguard_app::participations::entries::EntryInput;
use saleguard_app::portfolio::PortfolioView;
use saleguard_app::portfolio::trades::TradeInput;
use saleguard_app::portfolio::trades::TradeQuery;

fn distribution(app: &saleguard_app::Saleguard, participation: i64, amount: &str) {
    app.record_entry(
        participation,
        &EntryInput {
            kind: "distribution".into(),
            happened_at: "2026-12-03 10:00".into(),
            asset: "AUR".into(),
            decimals: "18".into(),
            amount: amount.into(),
            reference: String::new(),
            from: DESIGNATED.into(),
            to: OWN.into(),
            note: String::new(),
        },
    )
    .expect("distribution");
}

fn trade(kind: &str, amount: &str, counter: (&str, &str), account: &str, to: &str) -> TradeInput {
    TradeInput {
        kind: kind.into(),
        happened_at: "2026-12-04 10:00".into(),
        asset: "AUR".into(),
        decimals: "18".into(),
        amount: amount.into(),
        counter_asset: counter.0.into(),
        counter_amount: counter.1.into(),
        account: account.into(),
        to_account: to.into(),
        ..TradeInput::default()
    }
}

fn participation_of(app: &saleguard_app::Saleguard) -> i64 {
    app.list_participations().expect("participations")[0].id
}

fn aur(view: &PortfolioView) -> &saleguard_app::portfolio::HoldingView {
    view.holdings
        .iter()
        .find(|h| h.asset == "AUR")
        .expect("AUR held")
}

#[test]
fn tokens_received_are_held_at_their_contributions_cost_and_valued_with_their_price() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, _sale, _account) = prepared(dir.path());
    let participation = participation_of(&app);
    distribution(&app, participation, "1000");
    add_price(&app, "AUR", "USD", "4", "2026-12-05 09:00");

    let view = app.portfolio().expect("portfolio");
    assert_eq!(
        (view.currency.as_str(), view.currency_chosen),
        ("USD", false),
        "the budget's currency"
    );
    assert_eq!(view.method, "FIFO");
    let holding = aur(&view);
    assert_eq!(holding.quantity.decimal, "1000");
    assert_eq!(holding.cost.as_deref(), Some("3000"));
    assert_eq!(holding.value.as_deref(), Some("4000"));
    assert_eq!(holding.unrealized.as_deref(), Some("1000"));
    assert_eq!(holding.value_share_percent.as_deref(), Some("100"));
    let used = holding.price.as_ref().expect("a price");
    assert_eq!(
        (used.price.as_str(), used.observed_at.as_str(), used.stale),
        ("4", "2026-12-05T09:00:00Z", false)
    );
    assert_eq!(holding.places.len(), 1);
    assert_eq!(
        holding.places[0].place, "Main",
        "the account's label, not its address"
    );
    let sale = &view.sales[0];
    assert_eq!(
        (
            sale.sale_name.as_str(),
            sale.paid.as_deref(),
            sale.value.as_deref()
        ),
        ("Aurora", Some("3000"), Some("4000"))
    );
    assert_eq!(
        (view.value.amount.as_str(), view.value.complete),
        ("4000", true)
    );
    assert!(view.problems.is_empty(), "{:?}", view.problems);
    // The dashboard's budget left: the year's budget less the payment counted in it.
    let budget = app
        .current_budget()
        .expect("budget")
        .expect("one applies now");
    assert_eq!(
        (budget.period.as_str(), budget.left.as_str()),
        ("2026", "17000")
    );
}

#[test]
fn trades_move_and_sell_tokens_and_realize_first_in_first_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, _sale, _account) = prepared(dir.path());
    distribution(&app, participation_of(&app), "1000");
    add_price(&app, "AUR", "USD", "4", "2026-12-05 09:00");
    app.record_trade(&trade("transfer", "500", ("", ""), "Main", "Kraken"))
        .expect("transfer");
    let sell = app
        .record_trade(&TradeInput {
            fee_asset: "USD".into(),
            fee_amount: "10".into(),
            ..trade("sell", "400", ("USD", "2000"), "Kraken", "")
        })
        .expect("sell");
    assert_eq!(
        sell.counter.as_ref().map(|c| c.decimal.as_str()),
        Some("2000")
    );

    let view = app.portfolio().expect("portfolio");
    let holding = aur(&view);
    assert_eq!(holding.quantity.decimal, "600");
    assert_eq!(holding.cost.as_deref(), Some("1800"));
    assert_eq!(
        holding.realized.as_deref(),
        Some("790"),
        "1990 net for 400 tokens that cost 1200"
    );
    let places: Vec<_> = holding
        .places
        .iter()
        .map(|p| (p.place.as_str(), p.quantity.decimal.as_str()))
        .collect();
    assert_eq!(places, vec![("Main", "500"), ("Kraken", "100")]);
    assert_eq!(view.sales[0].realized.as_deref(), Some("790"));
    assert_eq!(view.realized.amount, "790");

    // The trades are kept in the file: a second start reads them back, newest first.
    drop(app);
    let again = app_at(dir.path());
    let trades = again
        .trades(&TradeQuery::default(), PageInput::FIRST)
        .expect("trades")
        .rows;
    assert_eq!(
        trades.iter().map(|t| t.kind.as_str()).collect::<Vec<_>>(),
        vec!["sell", "transfer"]
    );
    again.remove_trade(trades[0].id).expect("removed");
    assert_eq!(
        aur(&again.portfolio().expect("portfolio")).quantity.decimal,
        "1000"
    );
    assert_eq!(
        again.remove_trade(trades[0].id).expect_err("gone").code,
        ErrorCode::TradeNotFound
    );
}

fn app_at(dir: &std::path::Path) -> saleguard_app::Saleguard {
    app(dir)
}

#[test]
fn a_value_without_a_price_is_unknown_and_said() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, _sale, _account) = prepared(dir.path());
    app.record_trade(&TradeInput {
        asset: "ZED".into(),
        ..trade("buy", "10", ("BTC", "0.5"), "Kraken", "")
    })
    .expect("a buy paid in BTC");
    let view = app.portfolio().expect("portfolio");
    let zed = view
        .holdings
        .iter()
        .find(|h| h.asset == "ZED")
        .expect("ZED");
    assert_eq!(
        (
            zed.cost.as_deref(),
            zed.value.as_deref(),
            zed.price.as_ref()
        ),
        (None, None, None)
    );
    assert!(!view.value.complete && !view.cost.complete);
    let codes: Vec<_> = view.problems.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, vec!["no_price"]);
    assert!(
        view.problems[0].message.contains("BTC in USD"),
        "{}",
        view.problems[0].message
    );
    // The sale's tokens have not arrived: what was paid waits as the cost of tokens to come.
    assert_eq!(view.sales[0].cost_to_come.as_deref(), Some("3000"));
    assert_eq!(view.cost_to_come.amount, "3000");
}

#[test]
fn the_currency_is_the_users_choice_and_checked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, _sale, _account) = prepared(dir.path());
    assert_eq!(app.set_portfolio_currency(" eur ").expect("EUR"), "EUR");
    let view = app.portfolio().expect("portfolio");
    assert_eq!(
        (view.currency.as_str(), view.currency_chosen),
        ("EUR", true)
    );
    assert_eq!(
        view.sales[0].paid, None,
        "no ETH/EUR price: unknown, not zero"
    );
    add_price(&app, "ETH", "EUR", "2800.123", "2026-12-01 09:00");
    assert_eq!(
        app.portfolio().expect("portfolio").sales[0].paid.as_deref(),
        Some("2800.12")
    );
    let refused = app
        .set_portfolio_currency("DOGECOIN1")
        .expect_err("unknown");
    assert_eq!(refused.invalid_fields[0].code, ErrorCode::UnknownCurrency);
    assert_eq!(
        app.set_portfolio_currency(" ")
            .expect_err("empty")
            .invalid_fields[0]
            .code,
        ErrorCode::Required
    );
    assert_eq!(
        app.portfolio().expect("portfolio").currency,
        "EUR",
        "a refusal changes nothing"
    );
}

#[test]
fn a_bad_trade_is_refused_field_by_field_and_nothing_is_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let error = app
        .record_trade(&TradeInput {
            kind: "swap".into(),
            happened_at: "2027-02-01 00:00".into(),
            asset: String::new(),
            decimals: "x".into(),
            amount: "1".into(),
            counter_asset: "USD".into(),
            counter_amount: "1,5".into(),
            ..TradeInput::default()
        })
        .expect_err("refused");
    assert_eq!(
        error.code,
        ErrorCode::InvalidChoice,
        "the first problem leads"
    );
    let fields: Vec<_> = error
        .invalid_fields
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        fields,
        vec![
            ("kind", ErrorCode::InvalidChoice),
            ("happenedAt", ErrorCode::InTheFuture),
            ("asset", ErrorCode::Required),
            ("decimals", ErrorCode::InvalidDecimals),
        ]
    );
    let error = app
        .record_trade(&trade("buy", "1", ("USD", "1,5"), "", ""))
        .expect_err("refused");
    assert_eq!(error.invalid_fields[0].field, "counterAmount");
    assert_eq!(error.invalid_fields[0].code, ErrorCode::InvalidAmount);
    assert!(
        app.trades(&TradeQuery::default(), PageInput::FIRST)
            .expect("trades")
            .rows
            .is_empty()
    );
    assert_eq!(app.current_budget().expect("no budget"), None);
    let empty = app.portfolio().expect("an empty portfolio");
    assert!(empty.holdings.is_empty() && empty.sales.is_empty());
    assert_eq!(
        (empty.currency.as_str(), empty.value.amount.as_str()),
        ("USD", "0")
    );
}

#[test]
fn the_charts_give_value_over_time_budget_use_and_the_unlocks_by_month() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, _sale, _account) = prepared(dir.path());
    let participation = participation_of(&app);
    app.set_vesting(
        participation,
        &saleguard_app::participations::vesting::VestingInput {
            total_tokens: "1200".into(),
            tge_at: "2026-12-01 00:00".into(),
            kind: "linear".into(),
            at_tge_percent: "10".into(),
            cliff_months: "0".into(),
            months: "12".into(),
            frequency: "monthly".into(),
            tranches: Vec::new(),
        },
    )
    .expect("vesting");
    distribution(&app, participation, "120");
    add_price(&app, "AUR", "USD", "2", "2026-12-04 00:00");

    let charts = app.portfolio_charts().expect("charts");
    assert_eq!(charts.currency, "USD");
    let last = charts.value_over_time.last().expect("points");
    assert_eq!(last.at, "2026-12-05T10:00:00Z", "the last point is now");
    assert_eq!(
        last.value,
        app.portfolio().expect("portfolio").value.amount,
        "the last point is the portfolio's value"
    );
    assert_eq!(last.value, "240");
    let first = &charts.value_over_time[0];
    assert_eq!(first.at, "2026-12-02T10:00:00Z", "from the first record");
    assert_eq!(first.value, "0", "no tokens yet at the payment");

    let budget = charts.budget.expect("the year's budget applies");
    assert_eq!(
        (budget.period.as_str(), budget.total.as_str()),
        ("2026", "20000")
    );
    assert_eq!(budget.steps.len(), 1);
    assert_eq!(budget.steps[0].committed, "3000", "1 ETH at 3000 USD");
    assert!(budget.steps[0].complete);

    let months: Vec<(&str, &str, Option<&str>)> = charts
        .unlocks
        .iter()
        .flat_map(|month| {
            month.tokens.iter().map(move |token| {
                (
                    month.month.as_str(),
                    token.amount.decimal.as_str(),
                    token.value.as_deref(),
                )
            })
        })
        .collect();
    assert_eq!(months.len(), 12, "twelve monthly unlocks ahead: {months:?}");
    assert_eq!(months[0], ("2027-01", "90", Some("180")));
    assert!(months.iter().all(|(_, amount, _)| *amount == "90"));
}

#[test]
fn trades_are_read_a_page_at_a_time_by_asset_and_kind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    for (day, asset, kind) in [
        (1, "ETH", "buy"),
        (2, "XYZ", "buy"),
        (3, "ETH", "sell"),
        (4, "ETH", "buy"),
    ] {
        app.record_trade(&TradeInput {
            kind: kind.into(),
            happened_at: format!("2026-11-0{day} 10:00"),
            asset: asset.into(),
            decimals: "18".into(),
            amount: "1".into(),
            counter_asset: "USD".into(),
            counter_amount: "100".into(),
            ..TradeInput::default()
        })
        .expect("trade");
    }
    let bought_eth = TradeQuery {
        asset: "eth".into(),
        kind: " Buy ".into(),
        ..TradeQuery::default()
    };
    let page = app.trades(&bought_eth, PageInput::FIRST).expect("page");
    let days: Vec<&str> = page
        .rows
        .iter()
        .map(|trade| &trade.happened_at[..10])
        .collect();
    assert_eq!(days, ["2026-11-04", "2026-11-01"]);
    assert_eq!(page.total, 2);
    assert_eq!(app.trade_assets().expect("assets"), ["ETH", "XYZ"]);
    let refused = app
        .trades(
            &TradeQuery {
                kind: "swap".into(),
                ..TradeQuery::default()
            },
            PageInput::FIRST,
        )
        .expect_err("no such kind");
    assert_eq!(
        (refused.code, refused.field.as_deref()),
        (ErrorCode::InvalidChoice, Some("kind"))
    );
}
