//! A sale paid in a token that pulls its payment (tests/contracts/TokenPaidSale.sol) on a
//! real local chain, from the CLI: `saleguard contribute` approves exactly the
//! contribution, waits for it, then contributes; `saleguard allowance list` reads what
//! is left allowed from the token and `saleguard allowance revoke` takes it back; once
//! the sale has succeeded the tokens are claimed. The buyer's key is in a real keyring.

use crate::common;

use alloy_primitives::{Address, U256};
use common::{DataDir, import_anvil_key, now_seconds, signing_run};
use saleguard_testkit::{ANVIL_ACCOUNTS, Anvil};

fn tusd(whole: u64) -> U256 {
    U256::from(whole) * U256::from(1_000_000u64)
}

/// Every JSON document `saleguard --json` printed, in order.
fn documents(stdout: &[u8]) -> Vec<serde_json::Value> {
    let text = String::from_utf8_lossy(stdout);
    serde_json::Deserializer::from_str(&text)
        .into_iter::<serde_json::Value>()
        .map(|document| document.expect("JSON"))
        .collect()
}

#[test]
fn a_token_paid_contribution_is_approved_exactly_then_paid_and_the_rest_revoked() {
    let keyring = saleguard_testkit::KeyringSession::start();
    let anvil = Anvil::start();
    let buyer: Address = ANVIL_ACCOUNTS[1].0.parse().expect("address");
    let dollar = anvil.deploy_payment_token(buyer, tusd(1000));
    let sale = anvil.deploy_token_paid_sale(dollar, now_seconds() + 10 * 86_400);
    let dir = DataDir::new();
    dir.json(&[
        "sale",
        "add",
        "--name",
        "Paid",
        "--symbol",
        "PAID",
        "--decimals",
        "18",
        "--chain-id",
        "31337",
        "--address",
        &sale.to_checksum(None),
        "--currency",
        "erc20",
        "--currency-symbol",
        "TUSD",
        "--currency-address",
        &dollar.to_checksum(None),
        "--currency-decimals",
        "6",
        "--start",
        "2020-01-01 00:00",
        "--end",
        "2099-01-01 00:00",
        "--kyc",
        "no",
    ]);
    dir.json(&[
        "network",
        "set",
        "--chain-id",
        "31337",
        "--rpc-url",
        &anvil.url(),
    ]);
    dir.json(&[
        "action",
        "add",
        "--sale",
        "1",
        "--name",
        "Buy tokens",
        "--purpose",
        "contribute",
        "--call",
        "buyTokens(uint256 amount)",
        "--arg",
        "{amount}",
    ]);
    dir.json(&["participation", "start", "--sale", "1"]);
    assert_eq!(import_anvil_key(&dir, &keyring, "Buyer"), "1");

    // A dry run shows both: the approval of exactly 25 TUSD, then the contribution.
    let dry_run = [
        "contribute",
        "--participation",
        "1",
        "--from",
        "1",
        "--amount",
        "25",
        "--dry-run",
    ];
    let dry = dir.run(&dry_run);
    let plan: serde_json::Value = serde_json::from_slice(&dry.stdout).expect("JSON");
    let approval = &plan["payment"]["approval"];
    assert_eq!(approval["purpose"], "approval");
    assert_eq!(approval["transaction"]["to"], dollar.to_checksum(None));
    assert_eq!(
        approval["transaction"]["arguments"][1]["value"],
        tusd(25).to_string()
    );
    assert_eq!(plan["payment"]["allowance"], "0 TUSD");
    let words = dir.run_plain(&dry_run);
    let printed = String::from_utf8_lossy(&words.stdout);
    assert!(
        printed.contains("First, the approval") && printed.contains("Then, the contribution:"),
        "{printed}"
    );
    assert!(
        printed.contains("known once the approval is confirmed"),
        "no gas limit of 0 for the contribution that waits: {printed}"
    );

    // Signed: the approval, confirmed, then the contribution planned again and paid.
    let paid = signing_run(
        &dir,
        &keyring,
        &[
            "contribute",
            "--participation",
            "1",
            "--from",
            "1",
            "--amount",
            "25",
            "--yes",
        ],
        "",
    );
    assert!(
        paid.status.success(),
        "{}",
        String::from_utf8_lossy(&paid.stderr)
    );
    let printed = documents(&paid.stdout);
    let settled: Vec<(&str, &str)> = printed
        .iter()
        .filter(|document| document.get("status").is_some())
        .map(|document| {
            (
                document["purpose"].as_str().expect("purpose"),
                document["status"].as_str().expect("status"),
            )
        })
        .collect();
    assert_eq!(
        settled,
        [("approval", "confirmed"), ("contribution", "confirmed")]
    );
    assert_eq!(
        anvil.call_word(sale, "contributions(address)", Some(buyer)),
        tusd(25)
    );
    assert!(
        dir.json(&["allowance", "list"])
            .as_array()
            .expect("list")
            .is_empty(),
        "an exact approval leaves nothing allowed"
    );

    // An approval larger than needed, given with the sale's --arg: blocked, then kept
    // with its reason; listed; revoked.
    let blocked = dir.run(&[
        "act",
        "--participation",
        "1",
        "--from",
        "1",
        "--action",
        "Approve payment",
        "--amount",
        "10",
        "--arg",
        "amount=50000000",
        "--dry-run",
    ]);
    assert_eq!(blocked.status.code(), Some(1), "blocked");
    let plan: serde_json::Value = serde_json::from_slice(&blocked.stdout).expect("JSON");
    assert!(
        plan["review"]["findings"]
            .to_string()
            .contains("approval_above_contribution"),
        "{plan}"
    );
    let approved = signing_run(
        &dir,
        &keyring,
        &[
            "act",
            "--participation",
            "1",
            "--from",
            "1",
            "--action",
            "approve payment",
            "--amount",
            "10",
            "--arg",
            "amount=50000000",
            "--override",
            "buying twice this week, one approval for both",
            "--yes",
        ],
        "",
    );
    assert!(
        approved.status.success(),
        "{}",
        String::from_utf8_lossy(&approved.stderr)
    );
    let overrides = dir.json(&["overrides", "--sale", "1"]);
    assert_eq!(
        overrides[0]["reason"],
        "buying twice this week, one approval for both"
    );
    let listed = dir.json(&["allowance", "list", "--participation", "1"]);
    assert_eq!(listed[0]["spender"], sale.to_checksum(None));
    assert_eq!(listed[0]["amount"]["decimal"], "50");
    assert_eq!(listed[0]["unlimited"], false);

    let revoked = signing_run(
        &dir,
        &keyring,
        &[
            "allowance",
            "revoke",
            "--participation",
            "1",
            "--from",
            "1",
            "--spender",
            &sale.to_checksum(None),
            "--yes",
        ],
        "",
    );
    assert!(
        revoked.status.success(),
        "{}",
        String::from_utf8_lossy(&revoked.stderr)
    );
    assert!(
        dir.json(&["allowance", "list"])
            .as_array()
            .expect("list")
            .is_empty()
    );
    // The end of the journey: the sale ends and succeeds, the tokens bought are claimed.
    anvil.advance_time(11 * 86_400);
    let sale_token = Address::from_word(
        anvil
            .call_word(sale, "token()", None)
            .to_be_bytes::<32>()
            .into(),
    );
    dir.json(&[
        "sale",
        "contract",
        "1",
        "--token",
        &sale_token.to_checksum(None),
    ]);
    dir.json(&["participation", "move", "1", "--to", "succeeded"]);
    dir.json(&[
        "action",
        "add",
        "--sale",
        "1",
        "--name",
        "Claim tokens",
        "--purpose",
        "claim_tokens",
        "--call",
        "claim()",
    ]);
    let claimed = signing_run(
        &dir,
        &keyring,
        &[
            "act",
            "--participation",
            "1",
            "--from",
            "1",
            "--action",
            "Claim tokens",
            "--yes",
        ],
        "",
    );
    assert!(
        claimed.status.success(),
        "{}",
        String::from_utf8_lossy(&claimed.stderr)
    );
    let bought = tusd(25) * U256::from(saleguard_testkit::TOKEN_PAID_SALE_RATE);
    assert_eq!(
        anvil.call_word(sale_token, "balanceOf(address)", Some(buyer)),
        bought
    );
    let shown = dir.json(&["participation", "show", "1"]);
    assert_eq!(shown["state"], "tokens_distributed");
    let kinds: Vec<&str> = shown["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|entry| entry["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["contribution", "distribution"]);

    let (status, code) = dir.error_code(&[
        "allowance",
        "revoke",
        "--participation",
        "1",
        "--from",
        "1",
        "--spender",
        "0xnot",
        "--dry-run",
    ]);
    assert_eq!((status, code.as_str()), (2, "invalid_address"));
}
