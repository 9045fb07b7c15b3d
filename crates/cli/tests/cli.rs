//! The `saleguard` binary against a temporary data directory.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

struct DataDir(tempfile::TempDir);

impl DataDir {
    fn new() -> Self {
        Self(tempfile::tempdir().expect("temp dir"))
    }

    fn saleguard(&self) -> Command {
        let mut command = Command::cargo_bin("saleguard").expect("binary is built");
        command
            .arg("--data-dir")
            .arg(self.0.path())
            .env_remove("SALEGUARD_DATA_DIR");
        command
    }

    /// Adds a valid sale, with `changes` (flag, value pairs) replacing or adding options.
    fn add(&self, changes: &[&str]) -> assert_cmd::assert::Assert {
        let mut options: Vec<(&str, &str)> = vec![
            ("--name", "Aurora Network"),
            ("--symbol", "AUR"),
            ("--decimals", "18"),
            ("--chain-id", "1"),
            ("--address", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
            ("--soft-cap", "100"),
            ("--hard-cap", "500"),
            ("--start", "2026-12-01 14:00"),
            ("--end", "2026-12-15 14:00"),
        ];
        for change in changes.chunks(2) {
            match options.iter_mut().find(|(flag, _)| *flag == change[0]) {
                Some(option) => option.1 = change[1],
                None => options.push((change[0], change[1])),
            }
        }
        let args = options.into_iter().flat_map(|(flag, value)| [flag, value]);
        self.saleguard().args(["sale", "add"]).args(args).assert()
    }

    fn json(&self, args: &[&str]) -> Value {
        let output = self
            .saleguard()
            .arg("--json")
            .args(args)
            .output()
            .expect("runs");
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).expect("stdout is JSON")
    }
}

#[test]
fn add_list_show_edit_and_remove_a_sale() {
    let data = DataDir::new();
    data.add(&["--min", "0.1", "--rate", "1000"])
        .success()
        .stdout(predicate::str::contains("Added sale 1."))
        .stdout(predicate::str::contains("0.1 ETH"));

    data.saleguard()
        .args(["sale", "list"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Aurora Network").and(predicate::str::contains("500 ETH")),
        );

    let shown = data.json(&["sale", "show", "1"]);
    assert_eq!(shown["minContribution"]["baseUnits"], "100000000000000000");
    assert_eq!(shown["pricing"]["kind"], "rate");

    data.saleguard()
        .args(["sale", "edit", "1", "--hard-cap", "750.5", "--kyc", "yes"])
        .assert()
        .success();
    let edited = data.json(&["sale", "show", "1"]);
    assert_eq!(edited["hardCap"]["decimal"], "750.5");
    assert_eq!(edited["kycRequired"], true);
    assert_eq!(
        edited["softCap"]["decimal"], "100",
        "fields not given stay as they were"
    );

    data.saleguard()
        .args(["sale", "rm", "1", "--yes"])
        .assert()
        .success()
        .stdout("Deleted sale 1 (Aurora Network).\n");
    assert_eq!(data.json(&["sale", "list"]), Value::Array(vec![]));
}

#[test]
fn bad_input_fails_with_the_code_on_stderr_and_stores_nothing() {
    let data = DataDir::new();
    let cases: &[(&[&str], &str)] = &[
        (
            &["--soft-cap", "600"],
            "error[soft_cap_above_hard_cap]: --soft-cap: the soft cap (600 ETH) is above the hard cap (500 ETH)",
        ),
        (&["--end", "2026-11-01 00:00"], "error[ends_before_start]"),
        (
            &["--address", "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"],
            "error[bad_checksum]",
        ),
        (&["--address", "0x1234"], "error[invalid_address]"),
        (&["--hard-cap", "1e18"], "error[invalid_amount]"),
        (&["--min", "-1"], "error[invalid_amount]"),
        (&["--max", "1,5"], "error[invalid_amount]"),
        (
            &["--min", "0.0000000000000000001"],
            "error[too_many_decimal_places]",
        ),
        (&["--name", ""], "error[required]"),
        (&["--decimals", "37"], "error[invalid_decimals]"),
        (
            &["--whitepaper", "javascript:alert(1)"],
            "error[invalid_url]",
        ),
    ];
    for (extra, expected) in cases {
        data.add(extra)
            .failure()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains(*expected));
    }
    let long_name = "x".repeat(10 * 1024);
    data.add(&["--name", &long_name])
        .failure()
        .stderr(predicate::str::contains("error[too_long]"));
    assert_eq!(
        data.json(&["sale", "list"]),
        Value::Array(vec![]),
        "nothing was stored"
    );
}

#[test]
fn unknown_ids_and_unconfirmed_deletes_are_refused() {
    let data = DataDir::new();
    for args in [["sale", "show", "42"], ["sale", "rm", "42"]] {
        data.saleguard()
            .args(args)
            .assert()
            .failure()
            .code(1)
            .stderr("error[sale_not_found]: no sale with id 42\n");
    }
    data.add(&[]).success();
    // No terminal and no --yes: nothing is deleted.
    data.saleguard()
        .args(["sale", "rm", "1"])
        .write_stdin("y\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains("error[confirmation_required]"));
    assert_eq!(
        data.json(&["sale", "list"]).as_array().map(Vec::len),
        Some(1)
    );
}

#[test]
fn json_errors_carry_the_wire_shape() {
    let data = DataDir::new();
    let output = data
        .saleguard()
        .args(["--json", "sale", "show", "7"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let error: Value = serde_json::from_slice(&output.stderr).expect("stderr is JSON");
    assert_eq!(error["code"], "sale_not_found");
    assert_eq!(error["field"], Value::Null);
}

#[test]
fn the_environment_variable_chooses_the_data_dir_and_a_foreign_file_is_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let database = dir.path().join("saleguard.sqlite3");
    std::fs::write(&database, "a spreadsheet, not a database").expect("write");
    Command::cargo_bin("saleguard")
        .expect("binary")
        .env("SALEGUARD_DATA_DIR", dir.path())
        .args(["sale", "list"])
        .assert()
        .failure()
        .stderr(predicate::str::starts_with("error[not_a_database]"));
    assert_eq!(
        std::fs::read_to_string(&database).expect("read"),
        "a spreadsheet, not a database"
    );
}

#[test]
fn a_command_line_that_does_not_parse_is_an_invalid_arguments_error() {
    let data = DataDir::new();
    data.saleguard()
        .args(["sale", "add", "--no-such-option"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("error[invalid_arguments]: "));
    let output = data
        .saleguard()
        .args(["--json", "sale", "frobnicate"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let error: Value = serde_json::from_slice(&output.stderr).expect("stderr is JSON");
    assert_eq!(error["code"], "invalid_arguments");
    data.saleguard()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("sale"));
}

#[test]
fn the_native_coin_symbol_follows_the_chain_and_changing_currency_asks_for_a_symbol() {
    let data = DataDir::new();
    data.add(&["--chain-id", "56"])
        .success()
        .stdout(predicate::str::contains("500 BNB"));
    data.add(&["--chain-id", "424242"])
        .failure()
        .stderr(predicate::str::contains(
            "error[required]: --currency-symbol",
        ));
    data.add(&["--chain-id", "424242", "--currency-symbol", "XYZ"])
        .success();

    data.saleguard()
        .args([
            "sale",
            "edit",
            "1",
            "--currency",
            "erc20",
            "--currency-address",
            "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
            "--currency-decimals",
            "6",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "error[required]: --currency-symbol",
        ));
    assert_eq!(
        data.json(&["sale", "show", "1"])["currency"]["symbol"],
        "BNB",
        "the failed edit changed nothing"
    );
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    let data = DataDir::new();
    data.add(&[]).success();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("saleguard"))
        .arg("--data-dir")
        .arg(data.0.path())
        .args(["sale", "list"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait");
    assert!(
        output.status.success(),
        "exit {:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}
