//! `saleguard price list` and `saleguard trade list`: long lists streamed whole,
//! filtered and ordered, and a reader that stops early ends them quietly.

use crate::common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::DataDir;

const MOMENTS: usize = 1_500;

/// The `i`-th moment of the imported history, one hour apart from 2025-01-01.
fn moment(i: usize) -> String {
    format!(
        "2025-{:02}-{:02} {:02}:00",
        1 + i / (28 * 24),
        1 + (i / 24) % 28,
        i % 24
    )
}

/// A data folder with 3,000 imported prices: XYZ and ABC in USD at each moment.
fn price_book() -> DataDir {
    let dir = DataDir::new();
    let mut csv = String::from("date_utc,asset,currency,price\n");
    for i in 0..MOMENTS {
        let at = moment(i);
        csv.push_str(&format!(
            "{at},XYZ,USD,{}.25\n{at},ABC,USD,{}.5\n",
            100 + i % 900,
            7000 + i % 900
        ));
    }
    let file = dir.0.path().join("history.csv");
    std::fs::write(&file, csv).expect("written");
    let imported = dir.run(&["price", "import", file.to_str().expect("path")]);
    assert!(imported.status.success(), "{imported:?}");
    dir
}

#[test]
fn the_price_book_is_listed_whole_filtered_and_in_either_order() {
    let dir = price_book();
    let all = dir.json(&["price", "list"]);
    let all = all.as_array().expect("a JSON array");
    assert_eq!(all.len(), MOMENTS * 2, "every price, not a page of them");
    let xyz = dir.json(&["price", "list", "--asset", " xyz "]);
    let xyz = xyz.as_array().expect("array");
    assert_eq!(xyz.len(), MOMENTS);
    assert!(xyz.iter().all(|price| price["asset"] == "XYZ"));
    let seen: Vec<&str> = xyz
        .iter()
        .map(|price| price["observedAt"].as_str().expect("time"))
        .collect();
    assert!(
        seen.windows(2).all(|pair| pair[0] > pair[1]),
        "newest first"
    );
    assert_eq!(xyz[0]["price"], format!("{}.25", 100 + (MOMENTS - 1) % 900));
    let oldest = dir.json(&["price", "list", "--asset", "XYZ", "--oldest-first"]);
    let mut reversed = oldest.as_array().expect("array").clone();
    reversed.reverse();
    assert_eq!(&reversed, xyz, "oldest first is the same list reversed");
    assert_eq!(
        dir.json(&["price", "list", "--currency", "EUR"]),
        serde_json::json!([]),
        "no price in EUR"
    );

    // Streamed element by element, laid out as the whole array written at once: each
    // element two spaces in, its fields four.
    let raw =
        String::from_utf8(dir.run(&["price", "list", "--currency", "USD"]).stdout).expect("text");
    let parsed: serde_json::Value = serde_json::from_str(&raw).expect("JSON");
    assert_eq!(parsed.as_array().map(Vec::len), Some(all.len()));
    assert!(raw.starts_with("[\n  {\n    \"id\": ") && raw.ends_with("\n  }\n]\n"));
    assert!(
        raw.lines()
            .all(|line| matches!(line, "[" | "]" | "  {" | "  }," | "  }")
                || line.starts_with("    \"")),
        "{raw}"
    );

    let text = dir.run_plain(&["price", "list", "--asset", "ABC"]);
    assert!(text.status.success());
    let text = String::from_utf8(text.stdout).expect("text");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        MOMENTS + 1,
        "a header, then one line per price"
    );
    assert!(lines[0].starts_with("  ID  ASSET"), "{}", lines[0]);
    let width = lines[1].len();
    assert!(
        lines[1..].iter().all(|line| line.len() == width),
        "every block of the table aligned with the first"
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_list_quietly() {
    let dir = price_book();
    for json in [false, true] {
        let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("saleguard"));
        command
            .env_remove("SALEGUARD_DATA_DIR")
            .arg("--data-dir")
            .arg(dir.0.path());
        if json {
            command.arg("--json");
        }
        let mut child = command
            .args(["price", "list"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut first)
            .expect("a line");
        // The reader is gone (as `| head -1` leaves), with most of the list unwritten.
        let output = child.wait_with_output().expect("ends");
        assert!(!first.is_empty());
        assert!(output.status.success(), "json {json}: {:?}", output.status);
        assert!(
            output.stderr.is_empty(),
            "json {json}: no error for a closed pipe: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn a_filter_that_cannot_match_is_refused_by_its_option() {
    let dir = DataDir::new();
    assert_eq!(
        dir.error_code(&["price", "list", "--asset", "not a symbol"]),
        (1, "invalid_symbol".to_owned())
    );
    assert!(
        dir.run(&["trade", "list", "--kind", "swap"])
            .stdout
            .is_empty(),
        "a refusal writes no part of a JSON list"
    );
    let output = dir.run_plain(&["trade", "list", "--kind", "swap", "--asset", "E/TH"]);
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(message.contains("--asset: a symbol"), "{message}");
    assert!(
        message.contains("--kind: buy, sell or transfer"),
        "{message}"
    );
    assert!(output.stdout.is_empty(), "nothing listed");
    let empty = dir.run_plain(&["trade", "list"]);
    assert!(
        String::from_utf8_lossy(&empty.stdout).starts_with("No trade: saleguard trade add"),
        "the empty list says how to fill it"
    );
}

#[test]
fn a_participations_transactions_are_listed_or_its_absence_is_said() {
    let dir = DataDir::new();
    let missing = dir.run(&["tx", "list", "--participation", "1"]);
    assert!(!missing.status.success());
    let error: serde_json::Value = serde_json::from_slice(&missing.stderr).expect("a JSON error");
    assert_eq!(error["code"], "participation_not_found");
    assert!(missing.stdout.is_empty(), "no part of a list");

    dir.json(&common::sale_add_args("Aurora"));
    dir.json(&["participation", "start", "--sale", "1"]);
    assert_eq!(
        dir.json(&["tx", "list", "--participation", "1"]),
        serde_json::json!([])
    );
    let empty = dir.run_plain(&["tx", "list", "--participation", "1"]);
    assert!(empty.status.success(), "{empty:?}");
    assert_eq!(
        String::from_utf8_lossy(&empty.stdout),
        "No transactions for this participation yet.\n"
    );
}
