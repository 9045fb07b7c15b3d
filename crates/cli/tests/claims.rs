//! `saleguard act` to the end of three more kinds of sale, on a real local chain with
//! the contracts of tests/contracts and the buyer's key in a real keyring: vested tokens
//! released by a vesting contract (another address than the sale's), a refund paid back
//! by the separate escrow that held the contribution, and a Merkle distributor's claim
//! with the proof typed as an argument; and tokens a sale delivered outside Saleguard,
//! found by `participation scan` in the chain's logs and recorded once.

use crate::common;

use alloy_primitives::{Address, U256};
use common::{DataDir, import_anvil_key, now_seconds, plan_and_result, signing_run};
use saleguard_testkit::merkle::{leaf, pair, proof_text};
use saleguard_testkit::{ANVIL_ACCOUNTS, Anvil, KeyringSession};

const ETH: u64 = 1_000_000_000_000_000_000;

fn eth(whole: u64) -> U256 {
    U256::from(whole) * U256::from(ETH)
}

/// A data folder with the sale at `address` on the local chain, ending at `ends`, its
/// node, its `actions` (`--name`, `--purpose`, then the rest of `action add`'s
/// arguments) and a participation in `state`.
fn sale_with_actions(
    anvil: &Anvil,
    address: Address,
    ends: &str,
    actions: &[&[&str]],
    state: &str,
) -> DataDir {
    let dir = DataDir::new();
    dir.json(&[
        "sale",
        "add",
        "--name",
        "Claimed",
        "--symbol",
        "CLM",
        "--decimals",
        "18",
        "--chain-id",
        "31337",
        "--address",
        &address.to_checksum(None),
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
    for action in actions {
        let mut args = vec!["action", "add", "--sale", "1"];
        args.extend_from_slice(action);
        dir.json(&args);
    }
    dir.json(&["participation", "start", "--sale", "1", "--state", state]);
    dir
}

/// `saleguard act --action NAME --yes` from `from`: the plan and the settled transaction.
fn act(
    dir: &DataDir,
    keyring: &KeyringSession,
    from: &str,
    name: &str,
) -> (serde_json::Value, serde_json::Value) {
    let output = signing_run(
        dir,
        keyring,
        &[
            "act",
            "--participation",
            "1",
            "--from",
            from,
            "--action",
            name,
            "--yes",
        ],
        "",
    );
    assert!(
        output.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    plan_and_result(&output.stdout)
}

#[test]
fn vested_tokens_are_released_by_the_vesting_contract() {
    let keyring = KeyringSession::start();
    let anvil = Anvil::start();
    let deployer: Address = ANVIL_ACCOUNTS[0].0.parse().expect("address");
    let buyer: Address = ANVIL_ACCOUNTS[1].0.parse().expect("address");
    let token = anvil.deploy_token("Claimed", "CLM", 18, deployer, eth(1_000_000));
    let vesting = anvil.deploy_vesting(token, buyer, now_seconds(), 1_000);
    anvil.transfer_token(token, vesting, eth(1000));
    anvil.advance_time(400);
    let vesting_address = vesting.to_checksum(None);
    let dir = sale_with_actions(
        &anvil,
        Address::repeat_byte(0x5a),
        "2021-01-01 00:00",
        &[&[
            "--name",
            "Release vested",
            "--purpose",
            "claim_vested",
            "--contract",
            &vesting_address,
            "--source",
            "the project's vesting page",
            "--call",
            "release(address beneficiary)",
            "--arg",
            "{account}",
        ]],
        "succeeded",
    );
    dir.json(&["sale", "contract", "1", "--token", &token.to_checksum(None)]);
    let buyer_id = import_anvil_key(&dir, &keyring, "Buyer");

    let (plan, settled) = act(&dir, &keyring, &buyer_id, "Release vested");
    assert_eq!(plan["purpose"], "vested_claim");
    assert_eq!(
        plan["transaction"]["to"], vesting_address,
        "the vesting contract, not the sale"
    );
    assert_eq!(settled["status"], "confirmed");
    let held = anvil.call_word(token, "balanceOf(address)", Some(buyer));
    assert!(
        held > U256::ZERO && held < eth(1000),
        "part has vested: {held}"
    );
    let shown = dir.json(&["participation", "show", "1"]);
    assert_eq!(shown["state"], "tokens_distributed");
    assert_eq!(shown["entries"][0]["kind"], "distribution");
    assert_eq!(
        shown["entries"][0]["amount"]["baseUnits"],
        held.to_string(),
        "as the logs say"
    );
}

#[test]
fn a_refund_held_by_an_escrow_is_claimed_from_it() {
    let keyring = KeyringSession::start();
    let anvil = Anvil::start();
    let sale = anvil.deploy_escrowed_sale(eth(5), now_seconds() + 60, 0);
    let escrow = Address::from_word(
        anvil
            .call_word(sale, "escrow()", None)
            .to_be_bytes::<32>()
            .into(),
    );
    let escrow_address = escrow.to_checksum(None);
    let dir = sale_with_actions(
        &anvil,
        sale,
        "2099-01-01 00:00",
        &[
            &[
                "--name",
                "Contribute",
                "--purpose",
                "contribute",
                "--call",
                "contribute()",
            ],
            &[
                "--name",
                "Finalize",
                "--purpose",
                "other",
                "--call",
                "finalize()",
            ],
            &[
                "--name",
                "Claim refund",
                "--purpose",
                "claim_refund",
                "--contract",
                &escrow_address,
                "--source",
                "the sale's contract, escrow()",
                "--call",
                "withdraw(address payee)",
                "--arg",
                "{account}",
            ],
        ],
        "registered",
    );
    let buyer_id = import_anvil_key(&dir, &keyring, "Buyer");
    let buyer: Address = ANVIL_ACCOUNTS[1].0.parse().expect("address");
    let output = signing_run(
        &dir,
        &keyring,
        &[
            "contribute",
            "--participation",
            "1",
            "--from",
            &buyer_id,
            "--amount",
            "1",
            "--yes",
        ],
        "",
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (_, contributed) = plan_and_result(&output.stdout);
    assert_eq!(contributed["status"], "confirmed");
    assert_eq!(
        anvil.call_word(escrow, "depositsOf(address)", Some(buyer)),
        eth(1),
        "held by the escrow, not the sale"
    );

    // The sale's minute passes below its soft cap; anyone finalises it; the escrow pays.
    anvil.advance_time(120);
    let (_, finalized) = act(&dir, &keyring, &buyer_id, "Finalize");
    assert_eq!(finalized["status"], "confirmed");
    let (plan, refunded) = act(&dir, &keyring, &buyer_id, "Claim refund");
    assert_eq!(plan["purpose"], "refund");
    assert_eq!(plan["transaction"]["to"], escrow_address);
    assert_eq!(refunded["status"], "confirmed");
    assert_eq!(
        anvil.call_word(escrow, "depositsOf(address)", Some(buyer)),
        U256::ZERO
    );
    assert_eq!(
        dir.json(&["participation", "show", "1"])["state"],
        "refunded"
    );
    // Refunded: a second claim is reviewed as blocked, and nothing is signed.
    let again = signing_run(
        &dir,
        &keyring,
        &[
            "act",
            "--participation",
            "1",
            "--from",
            &buyer_id,
            "--action",
            "Claim refund",
            "--dry-run",
        ],
        "",
    );
    assert_eq!(again.status.code(), Some(1), "blocked");
    let plan: serde_json::Value = serde_json::from_slice(&again.stdout).expect("the plan");
    let codes: Vec<&str> = plan["review"]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(codes.contains(&"nothing_to_refund"), "{codes:?}");
    assert!(codes.contains(&"participation_closed"), "{codes:?}");

    // Read again from the chain, the ledger holds: nothing to correct.
    let repair = signing_run(
        &dir,
        &keyring,
        &["participation", "repair", "1", "--dry-run"],
        "",
    );
    assert!(
        repair.status.success(),
        "{}",
        String::from_utf8_lossy(&repair.stderr)
    );
    let repair: serde_json::Value = serde_json::from_slice(&repair.stdout).expect("JSON");
    assert_eq!(
        repair["transactionsRead"], 3,
        "contribution, finalize, refund claim"
    );
    assert_eq!(repair["corrections"], serde_json::json!([]));
}

#[test]
fn a_merkle_claim_takes_the_proof_typed_on_the_command_line() {
    let keyring = KeyringSession::start();
    let anvil = Anvil::start();
    let deployer: Address = ANVIL_ACCOUNTS[0].0.parse().expect("address");
    let buyer: Address = ANVIL_ACCOUNTS[1].0.parse().expect("address");
    let token = anvil.deploy_token("Claimed", "CLM", 18, deployer, eth(1_000_000));
    let share = eth(250);
    let leaves = [
        leaf(0, Address::repeat_byte(0x01), eth(100)),
        leaf(1, buyer, share),
        leaf(2, Address::repeat_byte(0x03), eth(7)),
    ];
    let distributor =
        anvil.deploy_merkle_distributor(token, pair(pair(leaves[0], leaves[1]), leaves[2]));
    anvil.transfer_token(token, distributor, eth(357));
    let dir = sale_with_actions(
        &anvil,
        Address::repeat_byte(0x5a),
        "2021-01-01 00:00",
        &[&[
            "--name",
            "Claim from the distributor",
            "--purpose",
            "claim_tokens",
            "--contract",
            &distributor.to_checksum(None),
            "--source",
            "the project's claim page",
            "--call",
            "claim(uint256 index, address account, uint256 amount, bytes32[] proof)",
            "--arg",
            "1",
            "--arg",
            "{account}",
            "--arg",
            "{token_amount}",
            "--arg",
            "[]",
        ]],
        "succeeded",
    );
    dir.json(&["sale", "contract", "1", "--token", &token.to_checksum(None)]);
    let buyer_id = import_anvil_key(&dir, &keyring, "Buyer");
    let claim = |proof: &str, extra: &[&str]| {
        let proof = format!("proof={proof}");
        let mut args = vec![
            "act",
            "--participation",
            "1",
            "--from",
            &buyer_id,
            "--action",
            "Claim from the distributor",
            "--token-amount",
            "250",
            "--arg",
            &proof,
        ];
        args.extend_from_slice(extra);
        signing_run(&dir, &keyring, &args, "")
    };

    // A proof that is not a list of 32-byte words is refused before anything is planned.
    let refused = claim("[0x1234]", &["--dry-run"]);
    assert_eq!(refused.status.code(), Some(2));
    let error: serde_json::Value = serde_json::from_slice(&refused.stderr).expect("JSON");
    assert_eq!(error["code"], "invalid_argument");
    assert_eq!(error["field"], "arguments.3");

    let claimed = claim(&proof_text(&[leaves[0], leaves[2]]), &["--yes"]);
    assert!(
        claimed.status.success(),
        "{}",
        String::from_utf8_lossy(&claimed.stderr)
    );
    let (plan, settled) = plan_and_result(&claimed.stdout);
    assert_eq!(
        plan["transaction"]["arguments"][2]["value"],
        share.to_string()
    );
    assert_eq!(settled["status"], "confirmed");
    assert_eq!(
        anvil.call_word(token, "balanceOf(address)", Some(buyer)),
        share
    );
    let shown = dir.json(&["participation", "show", "1"]);
    assert_eq!(
        shown["entries"][0]["amount"]["baseUnits"],
        share.to_string()
    );
    assert_eq!(
        anvil.nonce(ANVIL_ACCOUNTS[1].0),
        1,
        "one transaction: the claim"
    );
}

#[test]
fn tokens_withdrawn_outside_saleguard_are_found_by_a_scan_once() {
    let anvil = Anvil::start();
    let deployer: Address = ANVIL_ACCOUNTS[0].0.parse().expect("address");
    let buyer: Address = ANVIL_ACCOUNTS[1].0.parse().expect("address");
    let sale = anvil.deploy_post_delivery_sale(now_seconds() + 60);
    let token = Address::from_word(
        anvil
            .call_word(sale, "token()", None)
            .to_be_bytes::<32>()
            .into(),
    );
    let selector =
        |signature: &str| alloy_primitives::keccak256(signature.as_bytes())[..4].to_vec();
    anvil.send(buyer, sale, eth(1), selector("contribute()"));
    let first = anvil.rpc("eth_blockNumber", serde_json::json!([]));
    let first = u64::from_str_radix(first.as_str().expect("hex").trim_start_matches("0x"), 16)
        .expect("hex");
    anvil.advance_time(120);
    anvil.send(deployer, sale, U256::ZERO, selector("finalize()"));
    let mut withdraw = selector("withdrawTokens(address)");
    withdraw.extend(buyer.into_word());
    anvil.send(deployer, sale, U256::ZERO, withdraw);

    let dir = sale_with_actions(&anvil, sale, "2099-01-01 00:00", &[], "contributed");
    dir.json(&["sale", "contract", "1", "--token", &token.to_checksum(None)]);
    dir.json(&[
        "account",
        "import",
        "--label",
        "Buyer",
        "--watch",
        &buyer.to_checksum(None),
    ]);
    let (status, code) = dir.error_code(&["participation", "scan", "1"]);
    assert_eq!(
        (status, code.as_str()),
        (1, "required"),
        "no block to start from"
    );

    let from = first.to_string();
    let scanned = dir.json(&["participation", "scan", "1", "--from-block", &from]);
    assert_eq!(scanned["distributions"].as_array().expect("list").len(), 1);
    assert_eq!(scanned["distributions"][0]["decimal"], "1000");
    assert_eq!(scanned["state"], "tokens_distributed");
    let again = dir.json(&["participation", "scan", "1", "--from-block", &from]);
    assert!(
        again["distributions"].as_array().expect("list").is_empty(),
        "recorded once"
    );
    let entries = dir.json(&["participation", "show", "1"])["entries"].clone();
    assert_eq!(entries.as_array().expect("entries").len(), 1);
    assert_eq!(entries[0]["source"], "found");
    assert!(entries[0]["logIndex"].is_u64());

    let words = dir.run_plain(&["participation", "transfers", "1"]);
    assert!(
        String::from_utf8_lossy(&words.stdout).contains("No transfers from others found"),
        "{}",
        String::from_utf8_lossy(&words.stdout)
    );
}
