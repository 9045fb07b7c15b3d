//! A CSV import at the scale issue 7 names: 100,000 rows checked whole, then added in one
//! transaction with prepared statements, into a real SQLite file (`synchronous=FULL`).
//! Run with `cargo bench -p saleguard-app --bench csv_import`; results are recorded in
//! docs/performance.md as rows per second.

use std::sync::Arc;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use saleguard_app::{DataPaths, FixedClock, Saleguard, UtcTimestamp};

const ROWS: u64 = 100_000;

fn file() -> String {
    let mut text = String::from(
        "date_utc,type,asset,decimals,amount,counter_asset,counter_amount,fee_asset,fee_amount,account,note\n",
    );
    for n in 0..ROWS {
        let kind = if n % 4 == 3 { "sell" } else { "buy" };
        text.push_str(&format!(
            "2026-11-{:02} {:02}:{:02},{kind},T{},18,{}.25,USD,{}.5,USD,0.1,\"Kraken, main\",row {n}\n",
            1 + n % 28,
            n % 24,
            n % 60,
            n % 50,
            1 + n % 900,
            10 + n % 5000,
        ));
    }
    text
}

fn benches(c: &mut Criterion) {
    let text = file();
    let now = UtcTimestamp::parse("2026-12-05 00:00").expect("literal");
    let mut group = c.benchmark_group("csv");
    group.sample_size(10);
    group.throughput(Throughput::Elements(ROWS));
    group.bench_function("check 100k rows (preview)", |b| {
        let dir = tempfile::tempdir().expect("temp dir");
        let app = Saleguard::start(DataPaths::at(dir.path()), Arc::new(FixedClock(now)));
        b.iter(|| app.preview_csv(text.as_bytes()).expect("checked"));
    });
    group.bench_function("import 100k rows into a new database", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let app = Saleguard::start(DataPaths::at(dir.path()), Arc::new(FixedClock(now)));
                app.trades().expect("opened");
                (dir, app)
            },
            |(dir, app)| {
                let summary = app.import_csv(text.as_bytes(), |_| true).expect("imported");
                assert_eq!(u64::from(summary.trades), ROWS);
                (dir, app)
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(csv_benches, benches);
criterion_main!(csv_benches);
