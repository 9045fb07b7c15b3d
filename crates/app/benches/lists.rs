//! The long lists of a power user, read as the window reads them: a price book of
//! 1,000,000 prices (ten assets, two currencies) and 100,000 trades in the real data
//! file, a page of 200 rows at a time — the first page, one asset's, a page halfway down
//! —, the assets to filter by, and the whole price book streamed as the CLI prints it.
//! Run with `cargo bench -p saleguard-app --bench lists`; results are recorded in
//! docs/performance.md.

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use saleguard_app::dto::{ListOrder, PageInput};
use saleguard_app::portfolio::trades::TradeQuery;
use saleguard_app::pricing::book::PriceQuery;
use saleguard_app::{DataPaths, FixedClock, Saleguard, UtcTimestamp};
use saleguard_core::Decimal;
use saleguard_core::portfolio::{Money, Trade, TradeKind};
use saleguard_core::price_book::{Price, PriceSource};
use saleguard_core::{U256, timestamp};
use saleguard_store::{ImportedRow, Store};

const PRICES: u32 = 1_000_000;
const TRADES: u32 = 100_000;
const ASSETS: [&str; 10] = [
    "ETH", "BTC", "SOL", "ARB", "OP", "DOT", "ATOM", "LINK", "UNI", "AAVE",
];
const PAGE: u32 = 200;

fn moment(index: u32) -> timestamp::UtcTimestamp {
    UtcTimestamp::from_unix_seconds(1_600_000_000 + i64::from(index) * 60).expect("a moment")
}

/// The data file, written once through the store (as imports write it).
fn seeded(dir: &std::path::Path) {
    let mut store = Store::open(&dir.join("saleguard.sqlite3")).expect("store");
    let prices: Vec<Price> = (0..PRICES)
        .map(|index| Price {
            asset: ASSETS[index as usize % ASSETS.len()].to_owned(),
            currency: if index % 7 == 0 { "EUR" } else { "USD" }.to_owned(),
            price: Decimal::new(i64::from(index) * 37 + 1, 4),
            observed_at: moment(index / 10),
            source: PriceSource::Csv,
        })
        .collect();
    store
        .insert_prices(&prices, moment(0), |_| true)
        .expect("prices")
        .expect("not stopped");
    let trades = (0..TRADES).map(|index| {
        ImportedRow::Trade(Trade {
            kind: if index % 3 == 0 {
                TradeKind::Sell
            } else {
                TradeKind::Buy
            },
            happened_at: moment(index),
            asset: ASSETS[index as usize % ASSETS.len()].to_owned(),
            decimals: 18,
            amount: U256::from(index + 1),
            counter: Some(Money {
                asset: "USD".into(),
                amount: U256::from(index * 100 + 5),
                decimals: 2,
            }),
            fee: None,
            account: "Kraken".into(),
            to_account: String::new(),
            reference: String::new(),
            note: String::new(),
        })
    });
    store
        .insert_imported(trades, moment(0), |_| true)
        .expect("trades")
        .expect("not stopped");
}

fn page(offset: u32) -> PageInput {
    PageInput {
        offset,
        limit: PAGE,
    }
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    seeded(dir.path());
    let now = UtcTimestamp::parse("2026-12-10 12:00").expect("literal");
    let app = Saleguard::start(DataPaths::at(dir.path()), Arc::new(FixedClock(now)));
    let every_price = PriceQuery::default();
    let eth = PriceQuery {
        asset: "ETH".into(),
        ..PriceQuery::default()
    };
    let eth_in_eur_oldest = PriceQuery {
        asset: "ETH".into(),
        currency: "EUR".into(),
        order: ListOrder::OldestFirst,
    };
    let mut group = c.benchmark_group("lists");
    group.bench_function("first page of 1,000,000 prices", |b| {
        b.iter(|| {
            let first = app.prices(&every_price, page(0)).expect("page");
            assert_eq!((first.rows.len(), first.total), (PAGE as usize, PRICES));
            first
        })
    });
    group.bench_function("first page of one asset's 100,000 prices", |b| {
        b.iter(|| app.prices(&eth, page(0)).expect("page"))
    });
    group.bench_function("first page of one pair's prices, oldest first", |b| {
        b.iter(|| app.prices(&eth_in_eur_oldest, page(0)).expect("page"))
    });
    group.bench_function("a page halfway down 1,000,000 prices", |b| {
        b.iter(|| app.prices(&every_price, page(PRICES / 2)).expect("page"))
    });
    group.bench_function("the assets of 1,000,000 prices", |b| {
        b.iter(|| {
            let assets = app.price_assets().expect("assets");
            assert_eq!(assets.len(), ASSETS.len());
            assets
        })
    });
    group.bench_function("first page of 100,000 trades", |b| {
        b.iter(|| app.trades(&TradeQuery::default(), page(0)).expect("page"))
    });
    group.bench_function("the assets of 100,000 trades", |b| {
        b.iter(|| app.trade_assets().expect("assets"))
    });
    group.bench_function("first page of one asset's sells", |b| {
        let sells = TradeQuery {
            asset: "SOL".into(),
            kind: "sell".into(),
            order: ListOrder::NewestFirst,
        };
        b.iter(|| app.trades(&sells, page(0)).expect("page"))
    });
    group.sample_size(10);
    group.bench_function("stream 1,000,000 prices", |b| {
        b.iter(|| {
            let mut count = 0u32;
            app.each_price(&every_price, |_| {
                count += 1;
                Ok(())
            })
            .expect("streamed");
            assert_eq!(count, PRICES);
        })
    });
    group.finish();
}

criterion_group!(lists, benches);
criterion_main!(lists);
