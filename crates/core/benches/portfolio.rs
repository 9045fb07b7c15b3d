//! Cost basis at the scale issue 7 names: 10,000 lots (a participation's distributions
//! and tranches) matched against 100,000 disposals (trades), first in first out.

use std::hint::black_box;
use std::str::FromStr;

use criterion::{Criterion, criterion_group, criterion_main};
use saleguard_core::portfolio::{Acquisition, Disposal, fifo};
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
    group.finish();
}

criterion_group!(benches, cost_basis);
criterion_main!(benches);
