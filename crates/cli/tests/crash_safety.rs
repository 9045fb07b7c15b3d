//! Crash safety: the real CLI on real writes — large CSV imports, imports of an export
//! into a fresh folder, new sales, ledger entries — killed with SIGKILL at random
//! moments. After every kill the database passes `PRAGMA integrity_check`, every write
//! the CLI acknowledged (it exited with success) is there, and no write is there in
//! part: a CSV import's rows are all there or none, an import of an export is whole or
//! leaves the folder empty, so it can be run again.
//!
//! Seeded: the seed is printed, and `CRASH_SEED=N` repeats a run. `CRASH_CYCLES=N`
//! sets how many writes are tried (default 60, about a minute and a half here); `scripts/crash-soak.sh`
//! runs 1,000 and docs/crash-safety.md reports the last soak. Every 100 cycles
//! (`CRASH_FOLDER_CYCLES`) the writes move to a fresh data folder, so a long soak's file
//! stays near a million trades instead of growing to millions, and its checks (SQLite's
//! integrity check of the whole file after every kill) stay minutes, not a day.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{DataDir, add_sale};

/// splitmix64: small, seeded, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// One kind of write, and what it leaves when it completes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Write {
    /// `sale add` of a sale named after the cycle: one sale.
    Sale,
    /// `participation record`: one ledger entry, its reference named after the cycle.
    Entry,
    /// `csv import` of thousands of trades, each noted with the cycle.
    CsvImport,
    /// `import` of an export into a fresh folder.
    ExportImport,
}

/// What one cycle must find: exactly `rows` (acknowledged), or 0 or `rows` (killed).
struct Expected {
    write: Write,
    rows: i64,
    acknowledged: bool,
}

fn saleguard() -> PathBuf {
    assert_cmd::cargo::cargo_bin("saleguard")
}

/// Runs the CLI against `data_dir`, killing it with SIGKILL after `kill_after` if it has
/// not finished: whether it finished with success, and how long it ran.
fn run_killed(data_dir: &Path, args: &[String], kill_after: Option<Duration>) -> (bool, Duration) {
    let started = Instant::now();
    let mut child = Command::new(saleguard())
        .env_remove("SALEGUARD_DATA_DIR")
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--json")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the CLI starts");
    loop {
        if let Some(status) = child.try_wait().expect("waits") {
            return (status.success(), started.elapsed());
        }
        if kill_after.is_some_and(|limit| started.elapsed() >= limit) {
            child.kill().expect("SIGKILL");
            let status = child.wait().expect("reaped");
            return (status.success(), started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// `rows` trades, all noted `cycle-N`.
fn csv_of(cycle: u64, rows: u64) -> String {
    let mut text = String::from(
        "date_utc,type,asset,decimals,amount,counter_asset,counter_amount,account,note\n",
    );
    for row in 0..rows {
        text.push_str(&format!(
            "2025-{:02}-{:02} 10:00,buy,XYZ,18,{}.{:03},USD,{},Kraken,cycle-{cycle}\n",
            1 + row % 12,
            1 + row % 28,
            1 + row % 500,
            row % 1000,
            2 + row % 90,
        ));
    }
    text
}

/// How many rows each cycle's tag has, in the table each write leaves it in: sales by
/// name, ledger entries by reference, trades by note (one scan of each table).
fn rows_by_tag(db: &rusqlite::Connection) -> BTreeMap<(Write, String), i64> {
    let mut found = BTreeMap::new();
    for (write, sql) in [
        (
            Write::Sale,
            "SELECT project_name, count(*) FROM sales GROUP BY project_name",
        ),
        (
            Write::Entry,
            "SELECT reference, count(*) FROM ledger_entries GROUP BY reference",
        ),
        (
            Write::CsvImport,
            "SELECT note, count(*) FROM trades GROUP BY note",
        ),
    ] {
        let mut statement = db.prepare(sql).expect("prepared");
        let rows = statement
            .query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
            })
            .expect("counted");
        for row in rows {
            let (tag, rows) = row.expect("a count");
            found.insert((write, tag), rows);
        }
    }
    found
}

/// A data folder ready for every write: a sale with a participation to record entries
/// on, and `seed` (a CSV of 20,000 trades) imported.
fn prepared_folder(seed: &Path) -> DataDir {
    let dir = DataDir::new();
    add_sale(&dir);
    dir.json(&[
        "participation",
        "start",
        "--sale",
        "1",
        "--state",
        "kyc_approved",
        "--at",
        "2026-01-05 00:00",
    ]);
    dir.json(&["csv", "import", seed.to_str().expect("path")]);
    dir
}

/// Opens the folder's database as SQLite itself, after a kill: it must pass its
/// integrity check. `None` when the CLI was killed before it made the file.
fn checked_database(data_dir: &Path) -> Option<rusqlite::Connection> {
    let path = data_dir.join("saleguard.sqlite3");
    if !path.exists() {
        return None;
    }
    let db =
        rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
            .expect("opens");
    let verdict: String = db
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("checked");
    assert_eq!(verdict, "ok", "{}", data_dir.display());
    Some(db)
}

/// Every table's rows, to compare a whole import with its source (none before the
/// schema was made).
fn table_counts(db: Option<rusqlite::Connection>) -> BTreeMap<String, i64> {
    let Some(db) = db else {
        return BTreeMap::new();
    };
    let tables: Vec<String> = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'")
        .expect("prepared")
        .query_map([], |row| row.get(0))
        .expect("listed")
        .collect::<Result<_, _>>()
        .expect("names");
    tables
        .into_iter()
        .map(|table| {
            let rows = db
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                    row.get(0)
                })
                .expect("counted");
            (table, rows)
        })
        .collect()
}

#[test]
fn kills_at_random_moments_lose_nothing_acknowledged_and_leave_nothing_half_done() {
    let seed = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|seed| seed.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .expect("after 1970")
                .as_nanos() as u64
        });
    let cycles: u64 = std::env::var("CRASH_CYCLES")
        .ok()
        .and_then(|cycles| cycles.parse().ok())
        .unwrap_or(60);
    eprintln!("crash safety: seed {seed} (CRASH_SEED={seed} repeats this run), {cycles} cycles");
    let per_folder: u64 = std::env::var("CRASH_FOLDER_CYCLES")
        .ok()
        .and_then(|cycles| cycles.parse().ok())
        .filter(|cycles| *cycles > 0)
        .unwrap_or(100);
    let mut rng = Rng(seed);

    // The seed CSV and the export to import (a prepared folder with its 20,000 trades)
    // outlive the folders the writes go to.
    let kept = tempfile::tempdir().expect("temp dir");
    let csv = kept.path().join("seed.csv");
    std::fs::write(&csv, csv_of(0, 20_000)).expect("written");
    let mut dir = prepared_folder(&csv);
    let export = kept.path().join("export.json");
    dir.json(&["export", "--output", export.to_str().expect("path")]);
    let source_counts = table_counts(checked_database(dir.0.path()));
    assert_eq!(source_counts["trades"], 20_000, "the export to import");

    // How long each write takes when left alone, so kills land inside it.
    let mut took: BTreeMap<Write, Duration> = BTreeMap::new();
    let mut expected: BTreeMap<u64, Expected> = BTreeMap::new();
    let (mut kills, mut finished) = (0u64, 0u64);
    for cycle in 1..=cycles {
        if cycle > 1 && (cycle - 1) % per_folder == 0 {
            // A fresh folder: what was acknowledged in the last one was checked after
            // its every kill.
            dir = prepared_folder(&csv);
            expected.clear();
        }
        let write = match rng.below(10) {
            0..=1 => Write::Sale,
            2..=3 => Write::Entry,
            4..=7 => Write::CsvImport,
            _ => Write::ExportImport,
        };
        let tag = format!("cycle-{cycle}");
        let fresh = tempfile::tempdir().expect("temp dir");
        let (data_dir, args, rows): (&Path, Vec<String>, i64) = match write {
            Write::Sale => (
                dir.0.path(),
                common::sale_add_args(&tag)
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
                1,
            ),
            Write::Entry => (
                dir.0.path(),
                [
                    "participation",
                    "record",
                    "1",
                    "--kind",
                    "contribution",
                    "--at",
                    "2026-01-05 00:00",
                    "--asset",
                    "ETH",
                    "--decimals",
                    "18",
                    "--amount",
                    "0.1",
                    "--reference",
                    tag.as_str(),
                ]
                .map(str::to_owned)
                .to_vec(),
                1,
            ),
            Write::CsvImport => {
                let rows = 2_000 + rng.below(18_000);
                let file = dir.0.path().join(format!("{tag}.csv"));
                std::fs::write(&file, csv_of(cycle, rows)).expect("written");
                (
                    dir.0.path(),
                    vec!["csv".into(), "import".into(), file.display().to_string()],
                    rows as i64,
                )
            }
            Write::ExportImport => (
                fresh.path(),
                vec!["import".into(), export.display().to_string()],
                source_counts["trades"],
            ),
        };
        // Three kills in four; a kill lands anywhere from the start to a little past
        // the time the write took when it was last left alone.
        let kill_after = (rng.below(4) != 0).then(|| {
            let usual = took
                .get(&write)
                .copied()
                .unwrap_or(Duration::from_millis(400));
            let window = (usual.as_micros() as u64 * 5 / 4).max(1);
            Duration::from_micros(rng.below(window))
        });
        let (acknowledged, elapsed) = run_killed(data_dir, &args, kill_after);
        if write == Write::CsvImport {
            // Only the database is checked; a soak keeps no thousand CSV files.
            std::fs::remove_file(&args[2]).expect("the CSV file removed");
        }
        if kill_after.is_none() {
            assert!(
                acknowledged,
                "cycle {cycle}: {write:?} failed when left alone"
            );
            took.insert(write, elapsed);
            finished += 1;
        } else if !acknowledged {
            kills += 1;
        }

        if write == Write::ExportImport {
            // The fresh folder holds the whole export, or no data and imports again.
            let counts = table_counts(checked_database(fresh.path()));
            // A fresh folder starts with its own settings and review policy.
            let whole = source_counts.iter().all(|(table, rows)| {
                counts.get(table) == Some(rows) || table == "settings" || table == "review_policy"
            });
            let rows_of = |table: &str| counts.get(table).copied().unwrap_or(0);
            let empty = rows_of("trades") == 0 && rows_of("sales") == 0;
            assert!(
                whole || (empty && !acknowledged),
                "cycle {cycle} (seed {seed}): an import left {counts:?}"
            );
            if empty {
                let (again, _) = run_killed(fresh.path(), &args, None);
                assert!(
                    again,
                    "cycle {cycle} (seed {seed}): the import cannot run again"
                );
                let counts = table_counts(checked_database(fresh.path()));
                assert_eq!(counts["trades"], rows, "cycle {cycle}: the second import");
            }
            continue;
        }
        expected.insert(
            cycle,
            Expected {
                write,
                rows,
                acknowledged,
            },
        );
        // Everything acknowledged so far is there, nothing in part, after this kill.
        let db = checked_database(dir.0.path()).expect("the database");
        let found_by_tag = rows_by_tag(&db);
        for (earlier, expectation) in &expected {
            if expectation.write == Write::ExportImport {
                unreachable!("checked in its own folder");
            }
            let found = found_by_tag
                .get(&(expectation.write, format!("cycle-{earlier}")))
                .copied()
                .unwrap_or(0);
            let allowed = if expectation.acknowledged {
                found == expectation.rows
            } else {
                found == 0 || found == expectation.rows
            };
            assert!(
                allowed,
                "cycle {cycle} (seed {seed}): {:?} of cycle {earlier} (acknowledged: {}) left {found} of {} rows",
                expectation.write, expectation.acknowledged, expectation.rows
            );
        }
        drop(db);
        // And the app itself still opens it.
        dir.json(&["sale", "list"]);
    }
    eprintln!(
        "crash safety: {cycles} cycles, {kills} writes killed before they finished, {finished} left alone (seed {seed})"
    );
    assert!(
        cycles < 20 || kills * 3 >= cycles,
        "too few kills landed inside a write: {kills} of {cycles}"
    );
}
