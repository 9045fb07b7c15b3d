//! The price book and the trades read a page at a time (and streamed), filtered and
//! ordered in SQL, from a real SQLite file.

use saleguard_core::portfolio::{Money, Trade, TradeKind};
use saleguard_core::price_book::{Price, PriceSource};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::{Decimal, U256};
use saleguard_store::{
    MAX_PAGE_ROWS, Page, PageRequest, PriceFilter, PriceRecord, Store, StoreError, TimeOrder,
    TradeFilter, TradeRecord,
};

fn open(dir: &tempfile::TempDir) -> Store {
    Store::open(&dir.path().join("paging.sqlite3")).expect("open")
}

fn moment(seconds: i64) -> UtcTimestamp {
    UtcTimestamp::from_unix_seconds(1_800_000_000 + seconds).expect("a moment")
}

const ASSETS: [&str; 3] = ["ARB", "ETH", "OP"];

/// 300 prices: three assets in turn, two currencies, every tenth moment shared by the
/// next price (ties the order must break by the row id), one price a manual one.
fn prices() -> Vec<Price> {
    (0..300)
        .map(|index: i64| Price {
            asset: ASSETS[index as usize % 3].to_owned(),
            currency: if index % 2 == 0 { "USD" } else { "EUR" }.to_owned(),
            price: Decimal::new(index * 7 + 1, 2),
            observed_at: moment(index - i64::from(index % 10 == 1)),
            source: if index == 0 {
                PriceSource::Manual
            } else {
                PriceSource::Csv
            },
        })
        .collect()
}

fn with_prices(dir: &tempfile::TempDir) -> Store {
    let mut store = open(dir);
    store
        .insert_prices(&prices(), moment(1_000), |_| true)
        .expect("inserted")
        .expect("not stopped");
    store
}

/// Every row of a list, read page by page.
fn every_page<T>(mut page: impl FnMut(PageRequest) -> Page<T>, limit: u32) -> Vec<T> {
    let mut rows = Vec::new();
    loop {
        let read = page(PageRequest {
            offset: u32::try_from(rows.len()).expect("small"),
            limit,
        });
        let done = read.rows.len() < limit as usize;
        assert!(read.rows.len() <= limit as usize);
        rows.extend(read.rows);
        if done {
            assert_eq!(
                rows.len(),
                read.total as usize,
                "the total counts every row"
            );
            return rows;
        }
    }
}

fn streamed_prices(store: &Store, filter: &PriceFilter, order: TimeOrder) -> Vec<PriceRecord> {
    let mut rows = Vec::new();
    store
        .each_price(filter, order, |row| {
            rows.push(row);
            Ok::<_, StoreError>(())
        })
        .expect("streamed");
    rows
}

fn key(record: &PriceRecord) -> (UtcTimestamp, i64) {
    (record.price.observed_at, record.id)
}

#[test]
fn pages_of_the_price_book_cover_it_once_in_order_whatever_the_filter() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = with_prices(&dir);
    let everything = prices();
    let filters = [
        PriceFilter::default(),
        PriceFilter {
            asset: Some("ETH".into()),
            currency: None,
        },
        PriceFilter {
            asset: Some("OP".into()),
            currency: Some("EUR".into()),
        },
        PriceFilter {
            asset: None,
            currency: Some("USD".into()),
        },
    ];
    for filter in &filters {
        let kept = |price: &Price| {
            filter
                .asset
                .as_ref()
                .is_none_or(|asset| &price.asset == asset)
                && filter
                    .currency
                    .as_ref()
                    .is_none_or(|currency| &price.currency == currency)
        };
        let expected = everything.iter().filter(|price| kept(price)).count();
        for order in [TimeOrder::NewestFirst, TimeOrder::OldestFirst] {
            let paged = every_page(
                |request| store.prices_page(filter, order, request).expect("page"),
                37,
            );
            assert_eq!(paged.len(), expected, "{filter:?}");
            assert!(paged.iter().all(|record| kept(&record.price)), "{filter:?}");
            let keys: Vec<_> = paged.iter().map(key).collect();
            let mut sorted = keys.clone();
            sorted.sort();
            if order == TimeOrder::NewestFirst {
                sorted.reverse();
            }
            assert_eq!(keys, sorted, "{filter:?} {order:?}: ordered, ties by id");
            sorted.dedup();
            assert_eq!(sorted.len(), keys.len(), "no row twice");
            assert_eq!(
                streamed_prices(&store, filter, order),
                paged,
                "streaming reads the same rows as the pages"
            );
        }
    }
    assert_eq!(
        store.prices().expect("all"),
        streamed_prices(&store, &PriceFilter::default(), TimeOrder::NewestFirst),
        "the valuation's price book is the list, newest first"
    );
    let first = &store
        .prices_page(
            &PriceFilter::default(),
            TimeOrder::OldestFirst,
            PageRequest {
                offset: 0,
                limit: 1,
            },
        )
        .expect("page")
        .rows[0];
    assert_eq!(first.price, everything[0], "read back exactly");
}

#[test]
fn a_page_holds_at_most_the_largest_page_and_past_the_end_holds_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = open(&dir);
    let many: Vec<Price> = (0..i64::from(MAX_PAGE_ROWS) + 20)
        .map(|index| Price {
            asset: "ETH".into(),
            currency: "USD".into(),
            price: Decimal::ONE,
            observed_at: moment(index),
            source: PriceSource::Csv,
        })
        .collect();
    store
        .insert_prices(&many, moment(0), |_| true)
        .expect("inserted");
    let all = PriceFilter::default();
    let huge = store
        .prices_page(
            &all,
            TimeOrder::NewestFirst,
            PageRequest {
                offset: 0,
                limit: u32::MAX,
            },
        )
        .expect("page");
    assert_eq!(huge.rows.len(), MAX_PAGE_ROWS as usize);
    assert_eq!(huge.total as usize, many.len());
    let past = store
        .prices_page(
            &all,
            TimeOrder::NewestFirst,
            PageRequest {
                offset: 10_000,
                limit: 50,
            },
        )
        .expect("page");
    assert!(past.rows.is_empty());
    assert_eq!(past.total as usize, many.len());
    let none = store
        .prices_page(
            &PriceFilter {
                asset: Some("BTC".into()),
                currency: None,
            },
            TimeOrder::NewestFirst,
            PageRequest {
                offset: 0,
                limit: 50,
            },
        )
        .expect("page");
    assert_eq!((none.rows.len(), none.total), (0, 0));
}

#[test]
fn the_assets_of_the_price_book_and_the_trades_are_listed_once_in_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = with_prices(&dir);
    assert_eq!(store.price_assets().expect("assets"), ["ARB", "ETH", "OP"]);
    assert!(store.trade_assets().expect("assets").is_empty());
    for trade in trades().iter().take(7) {
        store.insert_trade(trade, moment(0)).expect("trade");
    }
    assert_eq!(store.trade_assets().expect("assets"), ["ARB", "ETH", "OP"]);
}

#[test]
fn an_error_while_streaming_stops_the_walk_and_is_returned() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = with_prices(&dir);
    let mut seen = 0;
    let stopped = store.each_price(&PriceFilter::default(), TimeOrder::NewestFirst, |_| {
        seen += 1;
        if seen == 3 {
            Err(StoreError::TransferNotFound(7))
        } else {
            Ok(())
        }
    });
    assert!(
        matches!(stopped, Err(StoreError::TransferNotFound(7))),
        "{stopped:?}"
    );
    assert_eq!(seen, 3, "no row after the error");
}

fn usd(cents: u64) -> Money {
    Money {
        asset: "USD".into(),
        amount: U256::from(cents),
        decimals: 2,
    }
}

/// 120 trades of three assets, each kind in turn, some at the same moment.
fn trades() -> Vec<Trade> {
    (0..120)
        .map(|index: i64| {
            let kind = TradeKind::ALL[index as usize % 3];
            Trade {
                kind,
                happened_at: moment(index / 2),
                asset: ASSETS[(index as usize / 3) % 3].to_owned(),
                decimals: 18,
                amount: U256::from(index as u64 + 1),
                counter: (kind != TradeKind::Transfer).then(|| usd(index as u64 * 100)),
                fee: None,
                account: "wallet".into(),
                to_account: if kind == TradeKind::Transfer {
                    "exchange"
                } else {
                    ""
                }
                .into(),
                reference: String::new(),
                note: String::new(),
            }
        })
        .collect()
}

#[test]
fn pages_of_the_trades_cover_them_once_in_order_by_asset_and_kind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = open(&dir);
    let trades = trades();
    for trade in &trades {
        store.insert_trade(trade, moment(0)).expect("trade");
    }
    for asset in [None, Some("ETH")] {
        for kind in [None, Some(TradeKind::Sell)] {
            let filter = TradeFilter {
                asset: asset.map(str::to_owned),
                kind,
            };
            let kept = |trade: &Trade| {
                asset.is_none_or(|asset| trade.asset == asset)
                    && kind.is_none_or(|kind| trade.kind == kind)
            };
            for order in [TimeOrder::NewestFirst, TimeOrder::OldestFirst] {
                let paged = every_page(
                    |request| store.trades_page(&filter, order, request).expect("page"),
                    7,
                );
                let mut expected: Vec<(UtcTimestamp, i64)> = trades
                    .iter()
                    .enumerate()
                    .filter(|(_, trade)| kept(trade))
                    .map(|(index, trade)| (trade.happened_at, index as i64 + 1))
                    .collect();
                if order == TimeOrder::NewestFirst {
                    expected.reverse();
                }
                let keys: Vec<_> = paged
                    .iter()
                    .map(|record: &TradeRecord| (record.trade.happened_at, record.id))
                    .collect();
                assert_eq!(keys, expected, "{filter:?} {order:?}");
                assert!(paged.iter().all(|record| kept(&record.trade)));
                assert_eq!(
                    paged[0].trade,
                    trades[usize::try_from(paged[0].id - 1).expect("id")],
                    "read back exactly"
                );
                let mut streamed = Vec::new();
                store
                    .each_trade(&filter, order, |record| {
                        streamed.push(record);
                        Ok::<_, StoreError>(())
                    })
                    .expect("streamed");
                assert_eq!(streamed, paged);
            }
        }
    }
}
