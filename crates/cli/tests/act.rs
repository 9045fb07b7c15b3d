//! `saleguard act` against a real local chain: a post-delivery sale (tests/contracts)
//! the buyer contributed to outside Saleguard is finalised and its tokens withdrawn with
//! the sale's actions, signed with a key in a real keyring; and every refusal exits 2
//! with its code before anything is planned.

use crate::common;

use common::{DataDir, import_anvil_key, now_seconds, plan_and_result, signing_run};
use saleguard_testkit::{ANVIL_ACCOUNTS, Anvil};

const ETH: u128 = 1_000_000_000_000_000_000;

/// A post-delivery sale on `anvil` that takes contributions for a minute, kept in a data
/// folder as a sale that ended (in 2021: the app's clock is the system's), with its
/// token, its network, its "Finalize" and "Withdraw tokens" actions, a participation in
/// `state` and the buyer's address as a watch-only account: `(folder, sale contract)`.
fn post_delivery_sale(anvil: &Anvil, ends: &str, state: &str) -> (DataDir, String) {
    let sale = anvil.deploy_post_delivery_sale(now_seconds() + 60);
    let token = anvil.call_word(sale, "token()", None);
    let token = alloy_primitives::Address::from_word(token.to_be_bytes::<32>().into());
    let sale = sale.to_checksum(None);
    let dir = DataDir::new();
    dir.json(&[
        "sale",
        "add",
        "--name",
        "Delivered",
        "--symbol",
        "DLVR",
        "--decimals",
        "18",
        "--chain-id",
        "31337",
        "--address",
        &sale,
        "--start",
        "2020-01-01 00:00",
        "--end",
        ends,
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
    dir.json(&["sale", "contract", "1", "--token", &token.to_checksum(None)]);
    dir.json(&[
        "action",
        "add",
        "--sale",
        "1",
        "--name",
        "Finalize",
        "--purpose",
        "other",
        "--call",
        "finalize()",
    ]);
    let withdraw = dir.json(&[
        "action",
        "add",
        "--sale",
        "1",
        "--name",
        "Withdraw tokens",
        "--purpose",
        "claim_tokens",
        "--call",
        "withdrawTokens(address beneficiary)",
        "--arg",
        "{account}",
    ]);
    assert_eq!(withdraw[0]["canonicalSignature"], "withdrawTokens(address)");
    dir.json(&["participation", "start", "--sale", "1", "--state", state]);
    dir.json(&[
        "account",
        "import",
        "--label",
        "Buyer",
        "--watch",
        ANVIL_ACCOUNTS[1].0,
    ]);
    (dir, sale)
}

#[test]
fn refusals_exit_2_with_their_code_and_plan_nothing() {
    let anvil = Anvil::start();
    let (dir, _) = post_delivery_sale(&anvil, "2099-01-01 00:00", "contributed");
    let act = |extra: &[&str]| {
        let mut args = vec!["act", "--participation", "1", "--from", "1", "--dry-run"];
        args.extend_from_slice(extra);
        dir.error_code(&args)
    };
    assert_eq!(
        act(&["--action", "Claim airdrop"]),
        (2, "action_not_found".to_owned())
    );
    let output = dir.run(&[
        "act",
        "--participation",
        "1",
        "--from",
        "1",
        "--action",
        "Claim airdrop",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("“Finalize”, “Withdraw tokens”"),
        "the sale's actions are named: {stderr}"
    );
    assert_eq!(
        act(&["--action", "withdraw tokens"]),
        (2, "action_not_offered".to_owned()),
        "found whatever its case, but the sale has not ended"
    );
    assert_eq!(
        act(&["--action", "Finalize", "--arg", "beneficiary"]),
        (2, "invalid_argument".to_owned()),
        "NAME=VALUE"
    );
    assert_eq!(
        act(&["--action", "Finalize", "--arg", "who=0x12"]),
        (2, "invalid_argument".to_owned()),
        "finalize() takes no arguments"
    );
    let listed = dir.json(&["tx", "list", "--participation", "1"]);
    assert_eq!(listed, serde_json::json!([]), "nothing was planned");

    // A dry run of a call the node says reverts: the reason, and exit 1.
    let output = dir.run(&[
        "act",
        "--participation",
        "1",
        "--from",
        "1",
        "--action",
        "Finalize",
        "--dry-run",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let plan: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(plan["purpose"], "call");
    assert_eq!(plan["transaction"]["action"], "Finalize");
    assert!(
        plan["review"]["findings"]
            .to_string()
            .contains("sale not ended"),
        "{plan}"
    );
}

#[test]
fn a_post_delivery_sale_is_finalised_and_its_tokens_withdrawn() {
    let keyring = saleguard_testkit::KeyringSession::start();
    let anvil = Anvil::start();
    let (dir, sale) = post_delivery_sale(&anvil, "2021-01-01 00:00", "contributed");
    // The buyer contributed outside Saleguard, then the sale's minute passed.
    let buyer: alloy_primitives::Address = ANVIL_ACCOUNTS[1].0.parse().expect("address");
    let selector = alloy_primitives::keccak256("contribute()")[..4].to_vec();
    anvil.send(
        buyer,
        sale.parse().expect("address"),
        alloy_primitives::U256::from(ETH),
        selector,
    );
    anvil.advance_time(120);
    dir.json(&["account", "rm", "1", "--confirm", "Buyer"]);
    let buyer_id = import_anvil_key(&dir, &keyring, "Buyer");
    let act = |action: &str| {
        signing_run(
            &dir,
            &keyring,
            &[
                "act",
                "--participation",
                "1",
                "--from",
                &buyer_id,
                "--action",
                action,
                "--yes",
            ],
            "",
        )
    };

    let finalized = act("Finalize");
    assert!(
        finalized.status.success(),
        "{}",
        String::from_utf8_lossy(&finalized.stderr)
    );
    let (_, settled) = plan_and_result(&finalized.stdout);
    assert_eq!(settled["status"], "confirmed");
    assert_eq!(settled["purpose"], "call");

    let withdrawn = act("Withdraw tokens");
    assert!(
        withdrawn.status.success(),
        "{}",
        String::from_utf8_lossy(&withdrawn.stderr)
    );
    let (plan, settled) = plan_and_result(&withdrawn.stdout);
    assert_eq!(plan["purpose"], "token_claim");
    assert_eq!(
        plan["transaction"]["arguments"][0]["value"],
        ANVIL_ACCOUNTS[1].0
    );
    assert_eq!(settled["status"], "confirmed");

    let shown = dir.json(&["participation", "show", "1"]);
    assert_eq!(shown["state"], "tokens_distributed");
    let entries = shown["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 1, "{shown}");
    assert_eq!(entries[0]["kind"], "distribution");
    assert_eq!(
        entries[0]["amount"]["baseUnits"],
        (1000 * ETH).to_string(),
        "1 ETH at 1000 tokens per wei, as the logs say"
    );
    assert_eq!(entries[0]["reference"], settled["hash"]);
    assert_eq!(anvil.nonce(ANVIL_ACCOUNTS[1].0), 3);
}
