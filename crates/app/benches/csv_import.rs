//! A CSV import at the scale issue 7 names: 100,000 rows checked whole, then added in one
//! transaction with prepared statements, into a real SQLite file (`synchronous=FULL`).
//! Run with `cargo bench -p saleguard-app --bench csv_import`; results are recorded in
//! docs/performance.md as rows per second.
//!
//! The baseline beside it: the same rows, already in the form the store binds, inserted
//! with bare rusqlite (one prepared statement, one transaction) into the same freshly
//! migrated file with the same pragmas — what this disk and SQLite allow an import.

use saleguard_app::dto::PageInput;
use saleguard_app::portfolio::trades::TradeQuery;
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
                app.trades(&TradeQuery::default(), PageInput::FIRST)
                    .expect("opened");
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
    group.bench_function("baseline: bare rusqlite insert of 100k rows", |b| {
        let rows = bound_rows();
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let paths = DataPaths::at(dir.path());
                let app = Saleguard::start(paths.clone(), Arc::new(FixedClock(now)));
                app.trades(&TradeQuery::default(), PageInput::FIRST)
                    .expect("opened and migrated");
                drop(app);
                (dir, paths)
            },
            |(dir, paths)| {
                bare_insert(&paths.database(), &rows);
                dir
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

/// A row as the store binds it: kind, moment, asset, decimals, amount, the counter's
/// asset, decimals and amount, the fee's, the account and the note.
type BoundRow = (
    &'static str,
    i64,
    String,
    u8,
    String,
    &'static str,
    u8,
    String,
    &'static str,
    u8,
    &'static str,
    &'static str,
    String,
);

/// The rows of `file()`, parsed and written as the store writes them.
fn bound_rows() -> Vec<BoundRow> {
    let start = UtcTimestamp::parse("2026-11-01 00:00")
        .expect("literal")
        .unix_seconds();
    (0..ROWS)
        .map(|n| {
            let whole = 1 + n % 900;
            let seconds =
                i64::try_from(((n % 28) * 24 + n % 24) * 3600 + (n % 60) * 60).expect("fits");
            (
                if n % 4 == 3 { "sell" } else { "buy" },
                start + seconds,
                format!("T{}", n % 50),
                18,
                format!("{whole}250000000000000000"),
                "USD",
                1,
                format!("{}5", 10 + n % 5000),
                "USD",
                1,
                "1",
                "Kraken, main",
                format!("row {n}"),
            )
        })
        .collect()
}

fn bare_insert(database: &std::path::Path, rows: &[BoundRow]) {
    let mut conn = rusqlite::Connection::open(database).expect("opened");
    conn.pragma_update(None, "journal_mode", "WAL")
        .expect("WAL");
    conn.pragma_update(None, "synchronous", "FULL")
        .expect("FULL");
    let tx = conn.transaction().expect("a transaction");
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO trades (kind, happened_at, asset, decimals, amount_base_units, \
                 counter_asset, counter_decimals, counter_base_units, fee_asset, fee_decimals, \
                 fee_base_units, account, to_account, reference, note, recorded_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, '', '', ?13, ?14)",
            )
            .expect("prepared");
        for row in rows {
            insert
                .execute(rusqlite::params![
                    row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8, row.9, row.10,
                    row.11, row.12, row.1
                ])
                .expect("inserted");
        }
    }
    tx.commit().expect("committed");
}

criterion_group!(csv_benches, benches);
criterion_main!(csv_benches);
