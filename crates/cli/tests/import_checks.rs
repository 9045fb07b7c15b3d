//! The files that once left a data folder no command could read: each is refused, or
//! every read command answers afterwards — in words, as people run them, never a panic.

use crate::common;

use common::{DataDir, add_sale};
use serde_json::{Value, json};

const OWN: &str = "0x52908400098527886E0F7030069857D2E4169EE7";

/// An export holding a sale, a trade, a price and a contact.
fn export() -> Value {
    let dir = DataDir::new();
    add_sale(&dir);
    dir.json(&[
        "trade",
        "add",
        "--kind",
        "buy",
        "--at",
        "2025-06-01 10:00",
        "--asset",
        "XYZ",
        "--decimals",
        "18",
        "--amount",
        "1",
        "--price",
        "2",
        "--currency",
        "USD",
        "--account",
        "Kraken",
    ]);
    dir.json(&[
        "price",
        "add",
        "--asset",
        "XYZ",
        "--currency",
        "USD",
        "--price",
        "3",
        "--at",
        "2025-07-01 00:00",
    ]);
    dir.json(&["contact", "add", "--label", "Cold", "--address", OWN]);
    let output = dir.run_plain(&["export"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON")
}

/// Every read command, as people run it: none may fail on the data or panic.
const READS: &[&[&str]] = &[
    &["sale", "list"],
    &["sale", "show", "1"],
    &["participation", "list"],
    &["trade", "list"],
    &["price", "list"],
    &["contact", "list"],
    &["portfolio"],
    &["budget", "list"],
    &["network", "list"],
    &["csv", "export"],
    &["csv", "export", "--holdings"],
    &["export"],
];

#[test]
fn files_that_once_broke_every_read_are_refused_or_readable() {
    let document = export();
    let long = |n: usize| json!("x".repeat(n));
    let cases: Vec<(&str, &str, &str, Value)> = vec![
        ("trades", "happened_at", "", json!(-1)),
        ("trades", "amount_base_units", "", json!("9".repeat(80))),
        ("settings", "value", "price_source_order", json!("csv,csv")),
        ("contacts", "note", "", long(70_000)),
        ("prices", "asset", "", long(10_000_000)),
        ("prices", "currency", "", long(100_000)),
        ("sales", "notes", "", long(10_000)),
    ];
    for (table, column, key, value) in cases {
        let mut edited = document.clone();
        let rows = edited["tables"][table].as_array_mut().expect("rows");
        match rows
            .iter_mut()
            .find(|row| key.is_empty() || row["key"] == key)
        {
            Some(row) => row[column] = value,
            // A setting never changed is not in the file: the file adds it.
            None => rows.push(json!({ "key": key, column: value })),
        }
        let dir = DataDir::new();
        let file = dir.0.path().join("edited.json");
        std::fs::write(&file, serde_json::to_vec(&edited).expect("JSON")).expect("written");
        let case = format!("{table}.{column} {key}");
        let imported = dir.run_plain(&["import", file.to_str().expect("path")]);
        match imported.status.code() {
            Some(0) => {
                for read in READS {
                    let output = dir.run_plain(read);
                    let stderr = String::from_utf8_lossy(&output.stderr);
                    assert!(
                        output.status.success(),
                        "{case}: {read:?} exited {:?}: {stderr}",
                        output.status.code()
                    );
                }
                // A review may refuse what it is asked (exit 1) or block it (exit 2),
                // never fail on the data.
                let review = dir.run(&[
                    "review", "--sale", "1", "--from", OWN, "--to", OWN, "--amount", "1",
                ]);
                let stderr = String::from_utf8_lossy(&review.stderr);
                assert!(
                    matches!(review.status.code(), Some(0..=2))
                        && !stderr.contains("database_corrupt"),
                    "{case}: review exited {:?}: {stderr}",
                    review.status.code()
                );
            }
            code => {
                let stderr = String::from_utf8_lossy(&imported.stderr);
                assert_eq!(code, Some(1), "{case}: {stderr}");
                assert!(stderr.contains("import_refused"), "{case}: {stderr}");
                assert_eq!(
                    dir.json(&["sale", "list"]),
                    json!([]),
                    "{case}: a refused import changes nothing"
                );
            }
        }
    }
}

#[test]
fn a_dry_run_checks_a_file_and_writes_nothing() {
    let document = export();
    let dir = DataDir::new();
    add_sale(&dir);
    let file = dir.0.path().join("export.json");
    std::fs::write(&file, serde_json::to_vec(&document).expect("JSON")).expect("written");
    let path = file.to_str().expect("path");
    // Into a folder that holds data: a real import is refused, a check still says.
    let checked = dir.json(&["import", "--dry-run", path]);
    let trades = checked["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .find(|t| t["table"] == "trades")
        .expect("trades")["rows"]
        .clone();
    assert_eq!(trades, json!(1));
    assert_eq!(dir.json(&["trade", "list"]), json!([]), "nothing written");
    assert_eq!(
        dir.error_code(&["import", path]),
        (1, "data_not_empty".to_owned())
    );
    let mut broken = document.clone();
    broken["tables"]["contacts"][0]["note"] = json!("x".repeat(501));
    std::fs::write(&file, serde_json::to_vec(&broken).expect("JSON")).expect("written");
    assert_eq!(
        dir.error_code(&["import", "--dry-run", path]),
        (1, "import_refused".to_owned())
    );
}
