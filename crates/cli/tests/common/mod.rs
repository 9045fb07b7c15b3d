//! A temporary data directory and the `saleguard` binary run against it, with `--json`.
// Each test binary uses its own part of this module.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;

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

/// Sale 1: Aurora, paid in ETH on chain 1, KYC required, January 2026.
pub fn add_sale(dir: &DataDir) {
    dir.json(&[
        "sale",
        "add",
        "--name",
        "Aurora",
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
        "--kyc",
        "yes",
    ]);
}
