use std::str::FromStr;

use super::*;
use crate::portfolio::{Money, TradeDraft};
use crate::price_book::{PriceSource, SourceOrder};

fn at(text: &str) -> UtcTimestamp {
    UtcTimestamp::parse(text).expect("time")
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).expect("decimal")
}

fn units(whole: u64, decimals: u8) -> U256 {
    U256::from(whole) * U256::from(10u64).pow(U256::from(decimals))
}

fn price(asset: &str, price: &str, when: &str) -> Price {
    Price {
        asset: asset.into(),
        currency: "USD".into(),
        price: dec(price),
        observed_at: at(when),
        source: PriceSource::Manual,
    }
}

fn entry(
    id: i64,
    kind: EntryKind,
    when: &str,
    asset: &str,
    decimals: u8,
    amount: U256,
    to: &str,
) -> NumberedEntry {
    NumberedEntry {
        id,
        entry: Entry {
            kind,
            happened_at: at(when),
            asset: asset.into(),
            decimals,
            amount,
            reference: String::new(),
            from: String::new(),
            to: to.into(),
            note: String::new(),
        },
    }
}

fn paid(id: i64, when: &str, eth: u64) -> NumberedEntry {
    entry(
        id,
        EntryKind::Contribution,
        when,
        "ETH",
        18,
        units(eth, 18),
        "",
    )
}

fn received(id: i64, when: &str, tokens: u64, to: &str) -> NumberedEntry {
    entry(
        id,
        EntryKind::Distribution,
        when,
        "XYZ",
        18,
        units(tokens, 18),
        to,
    )
}

fn participation(entries: Vec<NumberedEntry>) -> ParticipationBook {
    ParticipationBook {
        fees: Vec::new(),
        participation: 1,
        sale: 7,
        sale_name: "Xyz Protocol".into(),
        refunded: false,
        plan_total: None,
        entries,
    }
}

fn trade(
    id: i64,
    kind: &str,
    when: &str,
    amount: &str,
    counter: &str,
    fee: &str,
    (account, to): (&str, &str),
) -> (i64, Trade) {
    let draft = TradeDraft {
        kind: kind.into(),
        happened_at: when.into(),
        asset: "XYZ".into(),
        decimals: "18".into(),
        amount: amount.into(),
        counter_asset: if counter.is_empty() {
            String::new()
        } else {
            "USD".into()
        },
        counter_amount: counter.into(),
        fee_asset: if fee.is_empty() {
            String::new()
        } else {
            "USD".into()
        },
        fee_amount: fee.into(),
        account: account.into(),
        to_account: to.into(),
        ..TradeDraft::default()
    };
    (
        id,
        Trade::from_draft(&draft, at("2027-01-01 00:00")).expect("valid trade"),
    )
}

fn compute(
    participations: &[ParticipationBook],
    trades: &[(i64, Trade)],
    prices: &[Price],
) -> Portfolio {
    let book = PriceBook::new(prices, 7 * 86_400, SourceOrder::default());
    portfolio(PortfolioInput {
        participations,
        trades,
        book: &book,
        currency: "USD",
        now: at("2026-12-31 00:00"),
    })
}

fn prices() -> Vec<Price> {
    vec![
        price("ETH", "3000", "2026-01-01 00:00"),
        price("ETH", "3100", "2026-06-01 00:00"),
        price("XYZ", "4", "2026-12-30 00:00"),
    ]
}

#[test]
fn vested_tranches_share_the_contribution_and_the_rest_is_to_come() {
    let mut book = participation(vec![
        paid(1, "2026-02-01 00:00", 1),
        received(2, "2026-03-01 00:00", 250, "Main"),
        received(3, "2026-04-01 00:00", 250, "Main"),
    ]);
    book.plan_total = Some(units(1_000, 18));
    let portfolio = compute(&[book], &[], &prices());
    let sale = &portfolio.sales[0];
    assert_eq!(sale.paid, Some(dec("3000")));
    assert_eq!(sale.received, units(500, 18));
    assert_eq!(sale.cost_held, Some(dec("1500")));
    assert_eq!(sale.cost_to_come, Some(dec("1500")));
    assert_eq!(sale.value, Some(dec("2000")));
    assert_eq!(sale.unrealized, Some(dec("500")));
    let holding = &portfolio.holdings[0];
    assert_eq!(
        (holding.asset.as_str(), holding.quantity),
        ("XYZ", units(500, 18))
    );
    assert_eq!(
        holding.now.price.as_ref().map(|p| p.observed_at),
        Some(at("2026-12-30 00:00"))
    );
    assert_eq!(
        holding.places,
        vec![PlaceHolding {
            place: "Main".into(),
            quantity: units(500, 18)
        }]
    );
    assert_eq!(
        portfolio.value,
        Sum {
            amount: dec("2000"),
            complete: true
        }
    );
    assert_eq!(portfolio.cost_to_come.amount, dec("1500"));
    assert_eq!(portfolio.method, "FIFO");
}

#[test]
fn without_a_plan_the_tokens_received_carry_the_whole_cost_exactly() {
    let book = participation(vec![
        paid(1, "2026-02-01 00:00", 1),
        received(2, "2026-03-01 00:00", 1, ""),
        received(3, "2026-04-01 00:00", 1, ""),
        received(4, "2026-05-01 00:00", 1, ""),
    ]);
    let sell = trade(9, "sell", "2026-06-01 00:00", "1", "10", "", ("", ""));
    let portfolio = compute(&[book], &[sell], &prices());
    let sale = &portfolio.sales[0];
    assert_eq!(sale.cost_to_come, Some(Decimal::ZERO));
    // Two thirds of 3000 are still held; the lots add up to exactly what was paid.
    let sold_cost = dec("10") - sale.realized.expect("known");
    assert_eq!(sale.cost_held.expect("known") + sold_cost, dec("3000"));
    assert_eq!(portfolio.realized.amount, dec("-990"));
}

#[test]
fn a_sell_across_lots_realizes_per_lot_with_fees() {
    let book = participation(vec![
        paid(1, "2026-02-01 00:00", 1),
        received(2, "2026-03-01 00:00", 1_000, "Main"),
    ]);
    let trades = vec![
        trade(
            1,
            "buy",
            "2026-03-10 00:00",
            "1000",
            "5000",
            "10",
            ("Kraken", ""),
        ),
        trade(
            2,
            "sell",
            "2026-07-01 00:00",
            "1500",
            "9000",
            "30",
            ("Kraken", ""),
        ),
    ];
    let portfolio = compute(&[book], &trades, &prices());
    // FIFO: the distribution (cost 3000) then half the buy (cost 2505).
    assert_eq!(
        portfolio.realized.amount,
        dec("8970") - dec("3000") - dec("2505")
    );
    // The sale's share of the proceeds is the share of its tokens in the sell: 2/3.
    assert_eq!(portfolio.sales[0].realized, Some(dec("5980") - dec("3000")));
    assert_eq!(portfolio.sales[0].held, U256::ZERO);
    let holding = &portfolio.holdings[0];
    assert_eq!(holding.quantity, units(500, 18));
    assert_eq!(holding.cost, Some(dec("2505")));
    assert_eq!(holding.unrealized, Some(dec("2000") - dec("2505")));
    assert_eq!(holding.realized, Some(dec("3465")));
    // Places: 1000 arrived at Main, Kraken bought 1000 and sold 1500 — more than it held.
    assert!(portfolio.problems.iter().any(
        |p| matches!(p, PortfolioProblem::MovedMoreThanHeld { place, .. } if place == "Kraken")
    ));
}

#[test]
fn a_refund_burns_the_tokens_and_realizes_only_the_currency_move() {
    let mut book = participation(vec![
        paid(1, "2026-02-01 00:00", 1),
        received(2, "2026-02-01 00:00", 1_000, "Main"),
        entry(
            3,
            EntryKind::Refund,
            "2026-06-02 00:00",
            "ETH",
            18,
            units(1, 18),
            "",
        ),
    ]);
    book.refunded = true;
    let portfolio = compute(std::slice::from_ref(&book), &[], &prices());
    assert!(
        portfolio.holdings.iter().all(|h| h.quantity.is_zero()),
        "{:?}",
        portfolio.holdings
    );
    assert_eq!(portfolio.sales[0].held, U256::ZERO);
    assert_eq!(portfolio.sales[0].realized, Some(dec("100")));
    assert_eq!(portfolio.realized.amount, dec("100"));
    assert!(portfolio.holdings.iter().all(|h| h.places.is_empty()));
    // Nothing was received before the refund: the refund against the payment.
    book.entries.remove(1);
    let portfolio = compute(&[book], &[], &prices());
    assert_eq!(portfolio.sales[0].realized, Some(dec("100")));
    assert!(portfolio.holdings.is_empty());
}

#[test]
fn a_partial_refund_lowers_the_cost_of_the_tokens() {
    let book = participation(vec![
        paid(1, "2026-02-01 00:00", 2),
        entry(
            2,
            EntryKind::Refund,
            "2026-02-02 00:00",
            "ETH",
            18,
            units(1, 18) / U256::from(2u64),
            "",
        ),
        received(3, "2026-03-01 00:00", 100, ""),
    ]);
    let portfolio = compute(&[book], &[], &prices());
    assert_eq!(portfolio.sales[0].cost_held, Some(dec("4500")));
    assert_eq!(portfolio.sales[0].refunded, Some(dec("1500")));
    assert_eq!(portfolio.realized.amount, Decimal::ZERO);
}

#[test]
fn a_missing_price_is_unknown_never_zero() {
    let book = participation(vec![
        entry(
            1,
            EntryKind::Contribution,
            "2026-02-01 00:00",
            "BTC",
            8,
            units(1, 8),
            "",
        ),
        received(2, "2026-03-01 00:00", 100, ""),
    ]);
    let portfolio = compute(std::slice::from_ref(&book), &[], &prices());
    assert_eq!(portfolio.sales[0].paid, None);
    assert_eq!(portfolio.sales[0].cost_held, None);
    assert_eq!(portfolio.sales[0].unrealized, None);
    assert_eq!(portfolio.sales[0].value, Some(dec("400")));
    assert!(!portfolio.cost.complete);
    assert!(portfolio.value.complete);
    assert!(portfolio.problems.contains(&PortfolioProblem::NoPrice {
        what: "contribution 1 of Xyz Protocol".into(),
        asset: "BTC".into(),
        currency: "USD".into(),
        at: at("2026-02-01 00:00"),
    }));
    // No price for the token now: the holding has no value, and the total says so.
    let portfolio = compute(&[book], &[], &prices()[..2]);
    assert_eq!(portfolio.holdings[0].now.value, None);
    assert!(matches!(
        portfolio.holdings[0].now.problem,
        Some(PriceProblem::Missing { .. })
    ));
    assert!(!portfolio.value.complete);
}

#[test]
fn a_stale_price_is_used_and_said() {
    let book = participation(vec![
        paid(1, "2026-02-01 00:00", 1),
        received(2, "2026-03-01 00:00", 10, ""),
    ]);
    let old = vec![
        price("ETH", "3000", "2026-01-01 00:00"),
        price("XYZ", "2", "2026-11-01 00:00"),
    ];
    let portfolio = compute(&[book], &[], &old);
    assert_eq!(portfolio.holdings[0].now.value, Some(dec("20")));
    assert!(matches!(
        portfolio.holdings[0].now.problem,
        Some(PriceProblem::Stale { .. })
    ));
}

#[test]
fn selling_more_than_recorded_is_said_and_leaves_the_rest() {
    let trades = vec![
        trade(1, "buy", "2026-03-01 00:00", "10", "20", "", ("", "")),
        trade(2, "sell", "2026-04-01 00:00", "15", "45", "", ("", "")),
        trade(3, "buy", "2026-05-01 00:00", "5", "15", "", ("", "")),
    ];
    let portfolio = compute(&[], &trades, &prices());
    assert!(portfolio.problems.contains(&PortfolioProblem::Oversold {
        what: "trade 2".into(),
        asset: "XYZ".into(),
        short_by: units(5, 18),
    }));
    assert!(!portfolio.realized.complete);
    assert_eq!(portfolio.holdings[0].quantity, units(5, 18));
    assert_eq!(portfolio.holdings[0].cost, Some(dec("15")));
}

#[test]
fn transfers_move_tokens_between_places_only() {
    let trades = vec![
        trade(
            1,
            "buy",
            "2026-03-01 00:00",
            "100",
            "200",
            "",
            ("Kraken", ""),
        ),
        trade(
            2,
            "transfer",
            "2026-03-02 00:00",
            "60",
            "",
            "",
            ("Kraken", "Ledger"),
        ),
    ];
    let portfolio = compute(&[], &trades, &prices());
    let holding = &portfolio.holdings[0];
    assert_eq!(holding.quantity, units(100, 18));
    assert_eq!(holding.cost, Some(dec("200")));
    assert_eq!(
        holding.places,
        vec![
            PlaceHolding {
                place: "Ledger".into(),
                quantity: units(60, 18)
            },
            PlaceHolding {
                place: "Kraken".into(),
                quantity: units(40, 18)
            },
        ]
    );
    assert!(portfolio.problems.is_empty(), "{:?}", portfolio.problems);
}

#[test]
fn records_of_one_asset_at_other_decimals_are_rescaled() {
    let book = participation(vec![
        paid(1, "2026-02-01 00:00", 1),
        entry(
            2,
            EntryKind::Distribution,
            "2026-03-01 00:00",
            "XYZ",
            6,
            units(10, 6),
            "",
        ),
    ]);
    let trades = vec![trade(1, "buy", "2026-03-02 00:00", "5", "20", "", ("", ""))];
    let portfolio = compute(&[book], &trades, &prices());
    assert_eq!(portfolio.holdings[0].decimals, 18);
    assert_eq!(portfolio.holdings[0].quantity, units(15, 18));
    assert_eq!(portfolio.holdings[0].now.value, Some(dec("60")));
}

#[test]
fn a_participation_still_waiting_for_its_tokens_has_its_cost_to_come() {
    let portfolio = compute(
        &[participation(vec![paid(1, "2026-02-01 00:00", 1)])],
        &[],
        &prices(),
    );
    assert_eq!(portfolio.sales[0].cost_to_come, Some(dec("3000")));
    assert_eq!(portfolio.sales[0].token, None);
    assert_eq!(portfolio.sales[0].value, Some(Decimal::ZERO));
    assert!(portfolio.holdings.is_empty());
    assert_eq!(
        portfolio.value,
        Sum {
            amount: Decimal::ZERO,
            complete: true
        }
    );
}

#[test]
fn the_value_over_time_follows_quantities_and_the_prices_known_then() {
    let books = [participation(vec![
        paid(1, "2026-01-10 00:00", 1),
        received(2, "2026-02-01 00:00", 1000, "0xabc"),
    ])];
    let trades = [trade(
        10,
        "sell",
        "2026-04-01 00:00",
        "400",
        "100",
        "",
        ("0xabc", ""),
    )];
    let prices = [
        price("XYZ", "0.10", "2026-02-01 00:00"),
        price("XYZ", "0.25", "2026-03-15 00:00"),
    ];
    let book = PriceBook::new(&prices, i64::MAX, SourceOrder::default());
    let input = PortfolioInput {
        participations: &books,
        trades: &trades,
        book: &book,
        currency: "USD",
        now: at("2026-12-31 00:00"),
    };
    let points = [
        at("2026-05-01 00:00"),
        at("2026-01-15 00:00"),
        at("2026-02-15 00:00"),
        at("2026-03-20 00:00"),
        at("2026-03-20 00:00"),
    ];
    let history: Vec<(UtcTimestamp, Decimal, Vec<String>)> = value_history(input, &points)
        .into_iter()
        .map(|point| (point.at, point.value, point.unpriced))
        .collect();
    assert_eq!(
        history,
        vec![
            (at("2026-01-15 00:00"), dec("0"), vec![]),
            (at("2026-02-15 00:00"), dec("100"), vec![]),
            (at("2026-03-20 00:00"), dec("250"), vec![]),
            (at("2026-05-01 00:00"), dec("150"), vec![]),
        ],
        "nothing before the tokens came, 1000 at 0.10, then at 0.25, then 600 left after the sale; one point per moment"
    );
    let unpriced = PriceBook::new(&[], i64::MAX, SourceOrder::default());
    let history = value_history(
        PortfolioInput {
            book: &unpriced,
            ..input
        },
        &[at("2026-02-15 00:00")],
    );
    assert_eq!(history[0].value, dec("0"));
    assert_eq!(
        history[0].unpriced,
        vec!["XYZ".to_owned()],
        "said, not zero"
    );
}

#[test]
fn history_points_span_first_to_now_in_whole_days() {
    let points = history_points(at("2026-01-01 00:00"), at("2026-01-31 12:00"), 10);
    assert_eq!(points.first(), Some(&at("2026-01-01 00:00")));
    assert_eq!(points.last(), Some(&at("2026-01-31 12:00")));
    assert!(points.windows(2).all(|pair| pair[0] < pair[1]));
    assert_eq!(
        points[1].unix_seconds() - points[0].unix_seconds(),
        3 * 86_400,
        "30.5 days over 10 points: every 3 days"
    );
    assert_eq!(
        history_points(at("2026-01-31 12:00"), at("2026-01-31 12:00"), 10),
        vec![at("2026-01-31 12:00")],
        "nothing yet: just now"
    );
}

#[test]
fn the_network_fee_of_a_contribution_is_part_of_its_tokens_cost() {
    let mut book = participation(vec![
        paid(1, "2026-02-01 00:00", 1),
        received(2, "2026-03-01 00:00", 100, ""),
    ]);
    // 0.002 ETH of gas at 3000 USD: 6 USD.
    book.fees.push((
        at("2026-02-01 00:00"),
        Money {
            asset: "ETH".into(),
            amount: units(2, 15),
            decimals: 18,
        },
    ));
    let portfolio = compute(&[book.clone()], &[], &prices());
    let sale = &portfolio.sales[0];
    assert_eq!(sale.paid, Some(dec("3006")));
    assert_eq!(sale.cost_held, Some(dec("3006")));

    // A fee without a price makes the cost unknown, not lower.
    book.fees[0].0 = at("2025-01-01 00:00");
    let portfolio = compute(&[book], &[], &prices());
    assert_eq!(portfolio.sales[0].paid, None);
    assert!(!portfolio.cost.complete);
}
