//! No secret reaches the log at any level: the chain and price paths run with
//! `SALEGUARD_LOG=trace`, an RPC URL whose path, query and user info carry canary keys
//! and a price API key that is one, and the log file is searched for them.

use crate::common;

use common::DataDir;
use saleguard_testkit::{Anvil, KeyringSession, PriceApiServer, RangeLimitedNode, Reply};

const CANARIES: [&str; 4] = [
    "CanaryPath7d1f",
    "CanaryQuery55",
    "CanaryUser19",
    "CanaryPriceKey91",
];

fn traced(dir: &DataDir, keyring: &KeyringSession, args: &[&str], stdin: &str) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_saleguard"));
    keyring.apply(&mut command);
    let mut child = command
        .env_remove("SALEGUARD_DATA_DIR")
        .env("SALEGUARD_LOG", "trace")
        .arg("--data-dir")
        .arg(dir.0.path())
        .arg("--json")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), stdin.as_bytes())
        .expect("written");
    let output = child.wait_with_output().expect("finished");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    for canary in CANARIES {
        for (what, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
            assert!(
                !String::from_utf8_lossy(bytes).contains(canary),
                "{canary} in the {what} of {args:?}"
            );
        }
    }
}

#[test]
fn the_chain_and_price_paths_at_trace_level_log_no_key() {
    let keyring = KeyringSession::start();
    let anvil = Anvil::start();
    let node = RangeLimitedNode::start(&anvil.url(), u64::MAX);
    let prices = PriceApiServer::start([Reply::ok(
        r#"{"ethereum":{"usd":3012.5,"last_updated_at":1764930000}}"#,
    )]);
    let dir = DataDir::new();
    let url = node
        .url()
        .replacen("http://", &format!("http://{}:pw@", CANARIES[2]), 1);
    let rpc_url = format!("{url}/v3/{}?apikey={}", CANARIES[0], CANARIES[1]);
    traced(
        &dir,
        &keyring,
        &["network", "set", "--chain-id", "31337", "--rpc-url-stdin"],
        &format!("{rpc_url}\n"),
    );
    traced(&dir, &keyring, &["network", "check", "31337"], "");
    traced(
        &dir,
        &keyring,
        &[
            "price",
            "api",
            "--enable",
            "--base-url",
            &prices.base_url(),
            "--key",
        ],
        &format!("{}\n", CANARIES[3]),
    );
    traced(&dir, &keyring, &["price", "coin", "ETH", "ethereum"], "");
    traced(&dir, &keyring, &["price", "fetch"], "");
    assert_eq!(
        prices.requests()[0].header("x-cg-demo-api-key"),
        Some(CANARIES[3]),
        "the key was used"
    );

    let log = std::fs::read_to_string(dir.0.path().join("logs/saleguard.log")).expect("the log");
    assert!(
        log.contains("TRACE") || log.contains("DEBUG"),
        "the log is at trace level: {log}"
    );
    for canary in CANARIES {
        assert!(!log.contains(canary), "{canary} is in the log:\n{log}");
    }
}
