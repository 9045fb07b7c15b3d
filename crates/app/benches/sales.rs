//! What a user waits for in the Sales area: checking a form, saving a sale (with
//! `synchronous=FULL`, so each save waits for the disk), and listing many sales.
//! Run with `cargo bench -p saleguard-app`; results are recorded in docs/performance.md.

use std::sync::Arc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use saleguard_app::{DataPaths, FixedClock, SaleDraft, Saleguard, UtcTimestamp};
use saleguard_core::fixtures::erc20_sale_draft;
use saleguard_core::sale::SaleTerms;

fn draft(index: usize) -> SaleDraft {
    erc20_sale_draft(&format!("Project {index}"))
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
