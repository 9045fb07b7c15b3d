//! What a user waits for in the Sales area: checking a form, saving a sale (with
//! `synchronous=FULL`, so each save waits for the disk), and listing many sales.
//! Run with `cargo bench -p saleguard-app`; results are recorded in docs/performance.md.

use std::sync::Arc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use saleguard_app::{
    CurrencyKind, DataPaths, FixedClock, PricingKind, SaleDraft, Saleguard, UtcTimestamp,
};
use saleguard_core::sale::SaleTerms;

fn draft(index: usize) -> SaleDraft {
    SaleDraft {
        project_name: format!("Project {index}"),
        token_symbol: "AUR".into(),
        token_decimals: "18".into(),
        chain_id: "1".into(),
        contribution_address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".into(),
        currency_kind: CurrencyKind::Erc20,
        currency_symbol: "USDC".into(),
        currency_address: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48".into(),
        currency_decimals: "6".into(),
        pricing_kind: PricingKind::Price,
        pricing_amount: "0.05".into(),
        soft_cap: "100000".into(),
        hard_cap: "2500000.5".into(),
        min_contribution: "100".into(),
        max_contribution: "25000".into(),
        starts_at: "2026-12-01 14:00".into(),
        ends_at: "2026-12-15 14:00".into(),
        kyc_required: true,
        whitepaper_url: "https://project.example/whitepaper.pdf".into(),
        notes: "Official address seen on the project's site and announcement channel.".into(),
    }
}

fn app(dir: &std::path::Path) -> Saleguard {
    let now = UtcTimestamp::parse("2026-12-05 00:00").expect("literal");
    Saleguard::start(DataPaths::at(dir), Arc::new(FixedClock(now)))
}

fn benches(c: &mut Criterion) {
    let sample = draft(1);
    c.bench_function("validate a sale draft", |b| {
        b.iter(|| SaleTerms::from_draft(std::hint::black_box(&sample)))
    });

    let dir = tempfile::tempdir().expect("temp dir");
    let saleguard = app(dir.path());
    c.bench_function("create a sale (validate + durable insert)", |b| {
        b.iter_batched(
            || draft(7),
            |d| saleguard.create_sale(d).expect("valid"),
            BatchSize::SmallInput,
        )
    });

    let dir = tempfile::tempdir().expect("temp dir");
    let saleguard = app(dir.path());
    for index in 0..1_000 {
        saleguard.create_sale(draft(index)).expect("valid");
    }
    c.bench_function("list 1000 sales", |b| {
        b.iter(|| saleguard.list_sales().expect("list"))
    });

    let dir = tempfile::tempdir().expect("temp dir");
    c.bench_function("open and migrate a new database", |b| {
        b.iter_batched(
            || tempfile::tempdir_in(dir.path()).expect("temp dir"),
            |fresh| {
                let opened = app(fresh.path());
                assert!(opened.startup_error().is_none());
                (opened, fresh)
            },
            BatchSize::PerIteration,
        )
    });
}

criterion_group!(sales, benches);
criterion_main!(sales);
