//! Cost basis at the scale issue 7 names: 10,000 lots (a participation's distributions
//! and tranches) matched against 100,000 disposals (trades), first in first out.

use std::hint::black_box;
use std::str::FromStr;

use criterion::{Criterion, criterion_group, criterion_main};
use saleguard_core::entry::{Entry, EntryKind};
use saleguard_core::portfolio::{
    Acquisition, Disposal, Lot, Money, NumberedEntry, Out, ParticipationBook, PortfolioInput,
    Trade, TradeKind, fifo, match_lots, portfolio, value_history,
};
use saleguard_core::price_book::{Price, PriceBook, PriceSource, SourceOrder};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::{Decimal, U256};

const LOTS: u64 = 10_000;
const DISPOSALS: u64 = 100_000;
const ASSETS: u64 = 50;

fn at(seconds: u64) -> UtcTimestamp {
    UtcTimestamp::from_unix_seconds(1_767_225_600 + i64::try_from(seconds).expect("fits"))
        .expect("a moment")
}

/// `LOTS` lots over `ASSETS` assets, each of 1,000 tokens (18 decimals) at a cost with
/// cents, then `DISPOSALS` disposals of a little under a twentieth of a lot each, so
/// that many take from two lots.
fn book() -> (Vec<Acquisition>, Vec<Disposal>) {
    let token = U256::from(10u64).pow(U256::from(18u64));
    let acquisitions = (0..LOTS)
        .map(|i| Acquisition {
            id: format!("lot-{i}"),
            asset: format!("T{}", i % ASSETS),
            quantity: U256::from(1000u64) * token,
            cost: Decimal::from_str(&format!("{}.37", 900 + i % 300)).expect("a decimal"),
            at: at(i),
        })
        .collect();
    let disposals = (0..DISPOSALS)
        .map(|i| Disposal {
            id: format!("trade-{i}"),
            asset: format!("T{}", i % ASSETS),
            quantity: U256::from(49u64) * token + U256::from(i),
            proceeds: Decimal::from_str("51.23").expect("a decimal"),
            fee: Decimal::from_str("0.10").expect("a decimal"),
            at: at(LOTS + i),
        })
        .collect();
    (acquisitions, disposals)
}

fn cost_basis(c: &mut Criterion) {
    let (acquisitions, disposals) = book();
    let mut group = c.benchmark_group("portfolio");
    group.sample_size(10);
    group.bench_function("fifo 10k lots, 100k disposals", |b| {
        b.iter(|| fifo(black_box(&acquisitions), black_box(&disposals)).expect("matched"));
    });
    // The same matching by position, as the valuation runs it: no id copied.
    let asset =
        |symbol: &str| usize::from_str(symbol.trim_start_matches('T')).expect("T and a number");
    let lots: Vec<Lot> = acquisitions
        .iter()
        .map(|lot| Lot {
            asset: asset(&lot.asset),
            quantity: lot.quantity,
            cost: lot.cost,
            at: lot.at,
        })
        .collect();
    let outs: Vec<Out> = disposals
        .iter()
        .map(|out| Out {
            asset: asset(&out.asset),
            quantity: out.quantity,
            proceeds: out.proceeds,
            fee: out.fee,
            at: out.at,
        })
        .collect();
    let assets = usize::try_from(ASSETS).expect("fits");
    group.bench_function("match_lots 10k lots, 100k disposals", |b| {
        b.iter(|| match_lots(black_box(&lots), black_box(&outs), assets).expect("matched"));
    });
    group.finish();
}

fn entry(id: u64, kind: EntryKind, asset: &str, amount: U256, seconds: u64) -> NumberedEntry {
    NumberedEntry {
        id: i64::try_from(id).expect("fits"),
        entry: Entry {
            kind,
            happened_at: at(seconds),
            asset: asset.to_owned(),
            decimals: 18,
            amount,
            reference: String::new(),
            from: String::new(),
            to: "Main".to_owned(),
            note: String::new(),
        },
    }
}

/// 10,000 participations (a contribution in ETH and two distributions each, over 50
/// tokens) and 100,000 trades (buys and sells of those tokens, each priced in USD), with
/// a price per token and ETH.
fn whole_portfolio() -> (Vec<ParticipationBook>, Vec<(i64, Trade)>, Vec<Price>) {
    let token = U256::from(10u64).pow(U256::from(18u64));
    let books = (0..LOTS)
        .map(|i| {
            let asset = format!("T{}", i % ASSETS);
            ParticipationBook {
                participation: i64::try_from(i).expect("fits"),
                sale: i64::try_from(i).expect("fits"),
                sale_name: format!("Sale {i}"),
                refunded: false,
                plan_total: Some(U256::from(2000u64) * token),
                // Gas of about 0.001 ETH for sending the contribution.
                fees: vec![(
                    at(i),
                    Money {
                        asset: "ETH".to_owned(),
                        amount: token / U256::from(1000u64),
                        decimals: 18,
                    },
                )],
                entries: vec![
                    entry(i * 3, EntryKind::Contribution, "ETH", token, i),
                    entry(
                        i * 3 + 1,
                        EntryKind::Distribution,
                        &asset,
                        U256::from(500u64) * token,
                        i + 1,
                    ),
                    entry(
                        i * 3 + 2,
                        EntryKind::Distribution,
                        &asset,
                        U256::from(500u64) * token,
                        i + 2,
                    ),
                ],
            }
        })
        .collect();
    let trades = (0..DISPOSALS)
        .map(|i| {
            let kind = if i % 3 == 0 {
                TradeKind::Buy
            } else {
                TradeKind::Sell
            };
            let trade = Trade {
                kind,
                happened_at: at(LOTS + 10 + i),
                asset: format!("T{}", i % ASSETS),
                decimals: 18,
                amount: U256::from(20u64) * token,
                counter: Some(Money {
                    asset: "USD".to_owned(),
                    amount: U256::from(5123u64),
                    decimals: 2,
                }),
                fee: None,
                account: "Kraken".to_owned(),
                to_account: String::new(),
                reference: String::new(),
                note: String::new(),
            };
            (i64::try_from(i).expect("fits"), trade)
        })
        .collect();
    let prices = (0..ASSETS)
        .map(|i| format!("T{i}"))
        .chain(["ETH".to_owned()])
        .map(|asset| Price {
            asset,
            currency: "USD".to_owned(),
            price: Decimal::from_str("2.5").expect("a decimal"),
            observed_at: at(0),
            source: PriceSource::Manual,
        })
        .collect();
    (books, trades, prices)
}

fn valuation(c: &mut Criterion) {
    let (books, trades, prices) = whole_portfolio();
    let mut group = c.benchmark_group("portfolio");
    group.sample_size(10);
    let book = PriceBook::new(&prices, i64::MAX, SourceOrder::default());
    group.bench_function("value 10k participations, 100k trades", |b| {
        b.iter(|| {
            portfolio(black_box(PortfolioInput {
                participations: &books,
                trades: &trades,
                book: &book,
                currency: "USD",
                now: at(LOTS + DISPOSALS + 100),
            }))
        });
    });
    let now = at(LOTS + DISPOSALS + 100);
    // The records span about a day here: 60 moments spread over it.
    let points: Vec<UtcTimestamp> = (0..60).map(|i| at(i * (LOTS + DISPOSALS) / 60)).collect();
    group.bench_function("value history, 60 points", |b| {
        b.iter(|| {
            value_history(
                black_box(PortfolioInput {
                    participations: &books,
                    trades: &trades,
                    book: &book,
                    currency: "USD",
                    now,
                }),
                &points,
            )
        });
    });
    group.finish();
}

criterion_group!(benches, cost_basis, valuation);
criterion_main!(benches);
