//! A temporary data directory and the `saleguard` binary run against it, with `--json`.

use assert_cmd::Command;
use serde_json::Value;

/// Seconds since 1970 now: a deadline for a contract deployed in the test.
pub fn now_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
}

pub struct DataDir(pub tempfile::TempDir);

impl DataDir {
    pub fn new() -> Self {
        Self(tempfile::tempdir().expect("temp dir"))
    }

    pub fn run(&self, args: &[&str]) -> std::process::Output {
        Command::cargo_bin("saleguard")
            .expect("binary")
            .env_remove("SALEGUARD_DATA_DIR")
            .arg("--data-dir")
            .arg(self.0.path())
            .arg("--json")
            .args(args)
            .output()
            .expect("runs")
    }

    /// `saleguard ARGS` as people run it: words, not JSON.
    pub fn run_plain(&self, args: &[&str]) -> std::process::Output {
        Command::cargo_bin("saleguard")
            .expect("binary")
            .env_remove("SALEGUARD_DATA_DIR")
            .arg("--data-dir")
            .arg(self.0.path())
            .args(args)
            .output()
            .expect("runs")
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).expect("JSON")
    }

    pub fn error_code(&self, args: &[&str]) -> (i32, String) {
        let output = self.run(args);
        let error: Value = serde_json::from_slice(&output.stderr)
            .unwrap_or_else(|_| panic!("{args:?}: {}", String::from_utf8_lossy(&output.stderr)));
        (
            output.status.code().unwrap_or(-1),
            error["code"].as_str().expect("code").to_owned(),
        )
    }
}

/// `sale add` of a sale called `name` on chain 1, January 2026 (`--kyc yes` and the like
/// go after it).
pub fn sale_add_args(name: &str) -> Vec<&str> {
    vec![
        "sale",
        "add",
        "--name",
        name,
        "--symbol",
        "AUR",
        "--decimals",
        "18",
        "--chain-id",
        "1",
        "--address",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "--start",
        "2026-01-01 00:00",
        "--end",
        "2026-02-01 00:00",
    ]
}

/// Sale 1: Aurora, paid in ETH on chain 1, KYC required, January 2026.
pub fn add_sale(dir: &DataDir) {
    let mut args = sale_add_args("Aurora");
    args.extend(["--kyc", "yes"]);
    dir.json(&args);
}

/// The plan and the settled transaction a signing command prints, in that order.
pub fn plan_and_result(stdout: &[u8]) -> (serde_json::Value, serde_json::Value) {
    let stdout = String::from_utf8_lossy(stdout);
    let mut documents =
        serde_json::Deserializer::from_str(&stdout).into_iter::<serde_json::Value>();
    let plan = documents.next().expect("the plan").expect("JSON");
    let settled = documents.next().expect("the result").expect("JSON");
    (plan, settled)
}

/// Imports Anvil's second development key as the account `label`, into `keyring`:
/// its id, as the CLI takes it.
pub fn import_anvil_key(
    dir: &DataDir,
    keyring: &saleguard_testkit::KeyringSession,
    label: &str,
) -> String {
    let imported = signing_run(
        dir,
        keyring,
        &["account", "import", "--label", label, "--private-key"],
        &format!("{}\n", saleguard_testkit::ANVIL_ACCOUNTS[1].1),
    );
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let account: Value = serde_json::from_slice(&imported.stdout).expect("JSON");
    account["id"].to_string()
}

/// Runs `saleguard --json ARGS` inside `keyring`'s session with `stdin` as input.
pub fn signing_run(
    dir: &DataDir,
    keyring: &saleguard_testkit::KeyringSession,
    args: &[&str],
    stdin: &str,
) -> std::process::Output {
    signing_spawn(dir, keyring, args, stdin)
        .wait_with_output()
        .expect("finished")
}

/// Starts `saleguard --json ARGS` inside `keyring`'s session with `stdin` as input,
/// without waiting for it: a command that follows a transaction until it is mined.
pub fn signing_spawn(
    dir: &DataDir,
    keyring: &saleguard_testkit::KeyringSession,
    args: &[&str],
    stdin: &str,
) -> std::process::Child {
    use std::io::Write;
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_saleguard"));
    keyring.apply(&mut command);
    let mut child = command
        .env_remove("SALEGUARD_DATA_DIR")
        .arg("--data-dir")
        .arg(dir.0.path())
        .arg("--json")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("written");
    child
}
