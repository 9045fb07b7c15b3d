//! "Check for tokens" against a real local chain, through a node that limits log
//! queries like a public one: tokens a post-delivery sale sent (withdrawn outside
//! Saleguard) are found and recorded once however often the scan runs, tokens from
//! another person are shown apart and counted only when the user says so, and the scan
//! covers every block although the node refuses ranges over 1,000 blocks.

use crate::common;

use std::sync::Mutex;

use alloy_primitives::{B256, keccak256};
use common::{entries_of, eth};
use saleguard_app::accounts::dto::AddWatchOnly;
use saleguard_app::chain::deliveries::{ScanInput, ScanProgress};
use saleguard_app::participations::{MoveParticipation, ParticipationState};
use saleguard_app::sales::contract_terms::ContractTermsInput;
use saleguard_app::{ErrorCode, Saleguard};
use saleguard_core::{Address, U256};
use saleguard_testkit::{ANVIL_ACCOUNTS, Anvil, RangeLimitedNode};

fn address(index: usize) -> Address {
    ANVIL_ACCOUNTS[index].0.parse().expect("address")
}

fn call(signature: &str, arguments: Vec<u8>) -> Vec<u8> {
    let mut input = keccak256(signature.as_bytes())[..4].to_vec();
    input.extend(arguments);
    input
}

/// An address as an ABI word.
fn word(address: Address) -> Vec<u8> {
    address.into_word().to_vec()
}

fn latest_block(anvil: &Anvil) -> u64 {
    let hex = anvil.rpc("eth_blockNumber", serde_json::json!([]));
    u64::from_str_radix(
        hex.as_str().expect("a quantity").trim_start_matches("0x"),
        16,
    )
    .expect("hex")
}

async fn scan(
    app: &Saleguard,
    input: &ScanInput,
) -> (
    saleguard_app::chain::deliveries::ScanSummary,
    Vec<ScanProgress>,
) {
    let seen = Mutex::new(Vec::new());
    let summary = app
        .scan_deliveries(
            input,
            &|step| seen.lock().expect("lock").push(step),
            std::future::pending(),
        )
        .await
        .expect("scanned");
    (summary, seen.into_inner().expect("lock"))
}

#[tokio::test]
async fn deliveries_are_found_in_the_logs_once_and_others_are_told_apart() {
    let anvil = Anvil::start();
    let deployer = address(0);
    let (buyer, friend) = (address(1), address(2));
    let deadline = anvil_time(&anvil) + 86_400;
    let sale = anvil.deploy_post_delivery_sale(deadline);
    let token = Address::from_word(B256::from(
        anvil.call_word(sale, "token()", None).to_be_bytes::<32>(),
    ));
    // Both contribute outside Saleguard; then many blocks pass.
    anvil.send(buyer, sale, eth(1), call("contribute()", Vec::new()));
    let first_block = latest_block(&anvil);
    anvil.send(friend, sale, eth(2), call("contribute()", Vec::new()));
    anvil.mine_many(4_000);
    anvil.advance_time(2 * 86_400);
    anvil.send(deployer, sale, U256::ZERO, call("finalize()", Vec::new()));
    // Someone withdraws the buyer's tokens for them (as the sale allows anyone to).
    anvil.send(
        deployer,
        sale,
        U256::ZERO,
        call("withdrawTokens(address)", word(buyer)),
    );
    anvil.send(
        deployer,
        sale,
        U256::ZERO,
        call("withdrawTokens(address)", word(friend)),
    );
    // The friend passes the buyer 7 tokens: bought elsewhere, not the distribution.
    anvil.send(
        friend,
        token,
        U256::ZERO,
        call(
            "transfer(address,uint256)",
            [word(buyer), eth(7).to_be_bytes::<32>().to_vec()].concat(),
        ),
    );

    let node = RangeLimitedNode::start(&anvil.url(), 1_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let app = common::app(dir.path());
    let (sale_id, participation) =
        common::start_on_chain(&app, &node.url(), common::chain_sale_draft(sale), 1);
    app.add_watch_only_account(&AddWatchOnly {
        label: "Buyer".into(),
        address: buyer.to_checksum(None),
    })
    .expect("the buyer's account");
    // The contribution was made elsewhere; the user recorded that it was.
    app.move_participation(
        participation,
        &MoveParticipation {
            to: ParticipationState::Contributed,
            happened_at: String::new(),
            note: String::new(),
        },
    )
    .expect("contributed");
    let input = ScanInput {
        participation_id: participation,
        from_block: None,
    };

    // The token is not known yet; then no transaction says where to start.
    let error = app
        .scan_deliveries(&input, &|_| {}, std::future::pending())
        .await
        .expect_err("no token");
    assert_eq!(error.code, ErrorCode::TokenUnknown);
    app.set_contract_terms(
        sale_id,
        &ContractTermsInput {
            token_address: token.to_checksum(None),
        },
    )
    .expect("the token");
    let error = app
        .scan_deliveries(&input, &|_| {}, std::future::pending())
        .await
        .expect_err("no block to start from");
    assert_eq!(
        (error.code, error.field.as_deref()),
        (ErrorCode::Required, Some("fromBlock"))
    );

    let input = ScanInput {
        from_block: Some(first_block),
        ..input
    };
    let (summary, steps) = scan(&app, &input).await;
    let last = latest_block(&anvil);
    assert_eq!(
        (summary.first_block, summary.scanned_to),
        (first_block, last)
    );
    assert!(
        node.refused() > 0,
        "the node refused the first, wide ranges"
    );
    assert!(node.widest_served() <= 1_000, "{}", node.widest_served());
    assert!(
        steps
            .last()
            .is_some_and(|s| s.scanned_to == last && s.range <= 1_000),
        "{steps:?}"
    );
    let amounts: Vec<String> = summary
        .distributions
        .iter()
        .map(|a| a.decimal.clone())
        .collect();
    assert_eq!(
        amounts,
        ["1000"],
        "the sale's delivery: 1 ETH at 1,000 tokens each"
    );
    assert_eq!(summary.from_others.len(), 1);
    let other = &summary.from_others[0];
    assert_eq!(
        (
            other.amount.decimal.as_str(),
            other.from.as_str(),
            other.counted
        ),
        ("7", friend.to_checksum(None).as_str(), false)
    );
    assert_eq!(summary.state, ParticipationState::TokensDistributed);

    let entries = entries_of(&app, participation);
    assert_eq!(
        entries.len(),
        1,
        "only the sale's delivery is a distribution"
    );
    assert_eq!(entries[0].source, "found");
    assert!(entries[0].log_index.is_some());
    assert_eq!(entries[0].amount.base_units, eth(1_000).to_string());

    // Twice more, from the start again: nothing is recorded twice.
    for _ in 0..2 {
        let (again, _) = scan(&app, &input).await;
        assert!(again.distributions.is_empty() && again.from_others.is_empty());
    }
    assert_eq!(entries_of(&app, participation).len(), 1);
    assert_eq!(
        app.transfers_from_others(participation)
            .expect("read")
            .len(),
        1
    );

    // A later scan resumes where the last one stopped.
    anvil.mine_many(3);
    let (resumed, steps) = scan(
        &app,
        &ScanInput {
            from_block: None,
            ..input.clone()
        },
    )
    .await;
    assert_eq!(resumed.scanned_to, last + 3);
    assert_eq!(
        steps[0].scanned_to, last,
        "started after the last block read"
    );

    // The user says the friend's tokens were this sale's after all: counted once.
    let counted = app.count_transfer(other.id).expect("counted");
    assert!(counted.counted);
    app.count_transfer(other.id)
        .expect("counting again changes nothing");
    let entries = entries_of(&app, participation);
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1].amount.base_units, eth(7).to_string());
    assert_eq!(
        app.count_transfer(999).expect_err("no such transfer").code,
        ErrorCode::TransferNotFound
    );
}

fn anvil_time(anvil: &Anvil) -> u64 {
    let block = anvil.rpc("eth_getBlockByNumber", serde_json::json!(["latest", false]));
    u64::from_str_radix(
        block["timestamp"]
            .as_str()
            .expect("a time")
            .trim_start_matches("0x"),
        16,
    )
    .expect("hex")
}
