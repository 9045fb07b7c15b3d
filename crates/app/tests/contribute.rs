//! Planning contributions against a real local chain: Anvil on 127.0.0.1 with the sale
//! contract compiled from `tests/contracts/TokenSale.sol`, a real SQLite file, and the
//! use cases as the shells call them.

use crate::common;

use common::{chain_sale_draft, eth, start_on_chain, wall_clock_now as now};
use std::sync::Arc;

use alloy_primitives::{Address, U256};
use saleguard_app::accounts::dto::AddWatchOnly;
use saleguard_app::chain::networks::NetworkInput;
use saleguard_app::chain::plans::{ContributionInput, TransactionPlan};
use saleguard_app::review::Verdict;
use saleguard_app::sales::ActionPurpose;
use saleguard_app::sales::actions::ActionInput;
use saleguard_app::sales::contract_terms::ContractTermsInput;
use saleguard_app::{DataPaths, ErrorCode, FixedClock, Saleguard};
use saleguard_core::fixtures::native_sale_draft;
use saleguard_core::transaction::FeeSpeed;
use saleguard_testkit::{ANVIL_ACCOUNTS, Anvil};

/// Deploys the sale contract with a deadline in ten days.
async fn deploy_sale(anvil: &Anvil, soft_cap: U256, hard_cap: U256) -> Address {
    let deadline = u64::try_from(now().unix_seconds() + 10 * 86_400).expect("after 1970");
    anvil.deploy_token_sale(soft_cap, hard_cap, deadline)
}

struct Setup {
    _dir: tempfile::TempDir,
    app: Saleguard,
    participation: i64,
    sale: i64,
}

/// A sale at `sale_address` on chain 31337 (no KYC, no per-person limits, open now),
/// the network pointing at `rpc_url`, a participation, and a watch-only account.
fn setup(sale_address: Address, rpc_url: &str, call: &str) -> Setup {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Saleguard::start(DataPaths::at(dir.path()), Arc::new(FixedClock(now())));
    let draft = saleguard_app::SaleDraft {
        hard_cap: "100".into(),
        ends_at: now().add_days(7).expect("t").to_form_text(),
        ..chain_sale_draft(sale_address)
    };
    let (sale, participation) = start_on_chain(&app, rpc_url, draft, 1);
    common::contribute_and_refund_actions(&app, sale, call, "claimRefund()");
    Setup {
        _dir: dir,
        app,
        participation,
        sale,
    }
}

fn watch(app: &Saleguard, address: &str) -> i64 {
    app.add_watch_only_account(&AddWatchOnly {
        label: format!("Watch {}", &address[..8]),
        address: address.into(),
    })
    .expect("account")
    .id
}

async fn plan(
    setup: &Setup,
    account: i64,
    amount: &str,
) -> Result<TransactionPlan, saleguard_app::AppError> {
    setup
        .app
        .plan_contribution(&ContributionInput {
            participation_id: setup.participation,
            account_id: account,
            amount: amount.into(),
            fee_speed: FeeSpeed::Normal,
        })
        .await
}

fn codes(plan: &TransactionPlan) -> Vec<&str> {
    plan.review
        .findings
        .iter()
        .map(|f| f.code.as_str())
        .collect()
}

const NETWORK_CODES: [&str; 6] = [
    "would_revert",
    "insufficient_funds",
    "destination_has_no_code",
    "destination_is_contract",
    "calldata_mismatch",
    "fee_unusually_high",
];

#[tokio::test]
async fn a_contribution_the_chain_accepts_is_planned_with_its_unsigned_transaction() {
    let anvil = Anvil::start();
    let sale_address = deploy_sale(&anvil, eth(5), eth(10)).await;
    let setup = setup(sale_address, &anvil.url(), "contribute()");
    let account = watch(&setup.app, ANVIL_ACCOUNTS[1].0);
    let plan = plan(&setup, account, "1.5").await.expect("planned");

    let network_codes: Vec<_> = codes(&plan)
        .into_iter()
        .filter(|code| NETWORK_CODES.contains(code))
        .collect();
    assert_eq!(
        network_codes,
        Vec::<&str>::new(),
        "{:?}",
        plan.review.findings
    );
    assert_ne!(
        plan.review.verdict,
        Verdict::Blocked,
        "{:?}",
        plan.review.findings
    );
    let tx = &plan.transaction;
    assert_eq!(tx.to, sale_address.to_checksum(None));
    assert_eq!(tx.from, ANVIL_ACCOUNTS[1].0);
    assert_eq!(tx.amount, "1.5 ETH");
    assert_eq!(tx.value_wei, (eth(3) / U256::from(2u64)).to_string());
    assert_eq!(tx.decoded_call.as_deref(), Some("contribute()"));
    assert_eq!(tx.data, "0xd7bb99ba");
    assert_eq!((tx.chain_id, tx.nonce), (31_337, 0));
    assert!(
        tx.gas_limit > 21_000,
        "a contract call costs more than a transfer"
    );
    let max_fee_per_gas: u128 = tx.max_fee_per_gas.parse().expect("a number");
    assert!(max_fee_per_gas > 0);
    assert!(
        tx.unsigned.starts_with("0x02"),
        "an EIP-1559 transaction: {}",
        tx.unsigned
    );
    assert_eq!(tx.signing_hash.len(), 66);
}

#[tokio::test]
async fn a_contribution_past_the_hard_cap_is_blocked_with_the_revert_reason() {
    let anvil = Anvil::start();
    let sale_address = deploy_sale(&anvil, eth(5), eth(10)).await;
    let setup = setup(sale_address, &anvil.url(), "contribute()");
    let account = watch(&setup.app, ANVIL_ACCOUNTS[1].0);
    let plan = plan(&setup, account, "11").await.expect("planned");
    assert_eq!(plan.review.verdict, Verdict::Blocked);
    let revert = plan
        .review
        .findings
        .iter()
        .find(|f| f.code.as_str() == "would_revert")
        .expect("the node's refusal is a finding");
    assert!(revert.message.contains("hard cap"), "{}", revert.message);
    assert!(!revert.overridable);
    assert_eq!(plan.transaction.gas_limit, 0);
}

#[tokio::test]
async fn an_account_that_cannot_pay_value_and_fees_is_blocked() {
    let anvil = Anvil::start();
    let sale_address = deploy_sale(&anvil, eth(5), eth(10)).await;
    let setup = setup(sale_address, &anvil.url(), "contribute()");
    let empty = watch(&setup.app, "0x000000000000000000000000000000000000dEaD");
    let plan = plan(&setup, empty, "1").await.expect("planned");
    assert_eq!(plan.review.verdict, Verdict::Blocked);
    assert!(
        codes(&plan).contains(&"insufficient_funds"),
        "{:?}",
        codes(&plan)
    );
}

#[tokio::test]
async fn the_destination_must_be_a_contract_exactly_when_a_call_is_expected() {
    let anvil = Anvil::start();
    let sale_address = deploy_sale(&anvil, eth(5), eth(10)).await;
    // A plain transfer to the sale contract: it has code, and refuses plain coins.
    let transfer = setup(sale_address, &anvil.url(), "");
    let account = watch(&transfer.app, ANVIL_ACCOUNTS[1].0);
    let plan_transfer = plan(&transfer, account, "1").await.expect("planned");
    let found = codes(&plan_transfer);
    assert!(found.contains(&"destination_is_contract"), "{found:?}");
    assert!(
        found.contains(&"would_revert"),
        "the contract refuses plain coins: {found:?}"
    );

    // A call to an address without code.
    let no_code: Address = ANVIL_ACCOUNTS[2].0.parse().expect("address");
    let call = setup(no_code, &anvil.url(), "contribute()");
    let account = watch(&call.app, ANVIL_ACCOUNTS[1].0);
    let plan_call = plan(&call, account, "1").await.expect("planned");
    assert!(
        codes(&plan_call).contains(&"destination_has_no_code"),
        "{:?}",
        codes(&plan_call)
    );
    assert_eq!(plan_call.review.verdict, Verdict::Blocked);
}

#[tokio::test]
async fn a_node_serving_another_chain_is_refused_before_anything_is_planned() {
    let other = Anvil::start_with_chain_id(5);
    let setup = setup(
        ANVIL_ACCOUNTS[2].0.parse().expect("address"),
        &other.url(),
        "",
    );
    let account = watch(&setup.app, ANVIL_ACCOUNTS[1].0);
    let error = plan(&setup, account, "1").await.expect_err("refused");
    assert_eq!(error.code, ErrorCode::WrongChain);
    assert!(error.message.contains("chain 5"), "{}", error.message);
    let check = setup
        .app
        .check_network(31_337)
        .await
        .expect_err("refused too");
    assert_eq!(check.code, ErrorCode::WrongChain);
}

#[tokio::test]
async fn a_missing_or_unreachable_node_is_a_clear_error() {
    // (A URL holding an API key goes to the keyring: tests/signing.rs checks that an
    // unreachable one is named without its key.)
    let mut anvil = Anvil::start();
    let url = anvil.url();
    anvil.stop();
    let setup = setup(ANVIL_ACCOUNTS[2].0.parse().expect("address"), &url, "");
    let account = watch(&setup.app, ANVIL_ACCOUNTS[1].0);
    let error = plan(&setup, account, "1").await.expect_err("refused");
    assert_eq!(error.code, ErrorCode::NodeUnreachable);
    assert!(
        error.message.contains("http://127.0.0.1:"),
        "{}",
        error.message
    );

    setup
        .app
        .save_network(&saleguard_core::network::NETWORK_PRESETS[2].to_draft())
        .expect("saved without a URL");
    let error = plan(&setup, account, "1").await.expect_err("refused");
    assert_eq!(error.code, ErrorCode::NetworkNotConfigured);

    setup.app.remove_network(31_337).expect("removed");
    let error = plan(&setup, account, "1").await.expect_err("refused");
    assert_eq!(error.code, ErrorCode::NetworkNotFound);
    let _ = setup.sale;
}

#[tokio::test]
async fn networks_list_presets_until_configured_and_refuse_bad_fields() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Saleguard::start(DataPaths::at(dir.path()), Arc::new(FixedClock(now())));
    let listed = app.networks().expect("networks");
    assert_eq!(
        listed
            .iter()
            .map(|n| (n.chain_id, n.configured, n.rpc_url.clone()))
            .collect::<Vec<_>>(),
        [
            (1, false, None),
            (11_155_111, false, None),
            (31_337, false, None)
        ],
        "presets, none with an endpoint"
    );
    let error = app
        .save_network(&NetworkInput {
            chain_id: "abc".into(),
            rpc_url: "ws://node".into(),
            ..saleguard_core::network::NETWORK_PRESETS[0].to_draft()
        })
        .expect_err("refused");
    let fields: Vec<_> = error
        .invalid_fields
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        fields,
        [
            ("chainId", ErrorCode::InvalidChainId),
            ("rpcUrl", ErrorCode::InvalidUrl)
        ]
    );
    assert_eq!(
        app.networks()
            .expect("networks")
            .iter()
            .filter(|n| n.configured)
            .count(),
        0
    );

    let anvil = Anvil::start();
    app.save_network(&NetworkInput {
        rpc_url: anvil.url(),
        ..app.network_draft(31_337).expect("the preset")
    })
    .expect("saved");
    let check = app.check_network(31_337).await.expect("the node answers");
    assert_eq!(check.rpc_host, anvil.url());
    let listed = app.networks().expect("networks");
    assert_eq!(listed[0].chain_id, 31_337);
    assert!(listed[0].configured);
}

#[test]
fn a_sales_token_and_actions_are_checked_whole_and_unique() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Saleguard::start(DataPaths::at(dir.path()), Arc::new(FixedClock(now())));
    let sale = app
        .create_sale(native_sale_draft("Aurora"))
        .expect("sale")
        .id;
    let fields = |error: saleguard_app::AppError| -> Vec<(String, ErrorCode)> {
        error
            .invalid_fields
            .into_iter()
            .map(|f| (f.field, f.code))
            .collect()
    };
    assert_eq!(
        fields(
            app.set_contract_terms(
                sale,
                &ContractTermsInput {
                    token_address: "0xnot".into()
                }
            )
            .expect_err("refused")
        ),
        [("tokenAddress".to_owned(), ErrorCode::InvalidAddress)]
    );
    assert_eq!(
        app.contract_terms(sale).expect("unchanged"),
        ContractTermsInput::default()
    );

    let vesting = ActionInput {
        name: "Release vested".into(),
        purpose: ActionPurpose::ClaimVested,
        contract: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".into(),
        contract_source: "the project's vesting page".into(),
        signature: "release(address beneficiary, uint8 tranche)".into(),
        arguments: vec!["{account}".into(), "300".into()],
        claimable: String::new(),
    };
    assert_eq!(
        fields(app.add_action(sale, &vesting).expect_err("refused")),
        [("arguments.1".to_owned(), ErrorCode::InvalidArgument)],
        "300 is not a uint8"
    );
    let vesting = ActionInput {
        arguments: vec!["{account}".into(), "2".into()],
        ..vesting
    };
    let added = app.add_action(sale, &vesting).expect("added");
    assert_eq!(added.target, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    assert_eq!(added.canonical_signature, "release(address,uint8)");
    assert_eq!(
        added
            .arguments
            .iter()
            .map(|a| (a.name.as_str(), a.ty.as_str(), a.value.as_str(), a.template))
            .collect::<Vec<_>>(),
        [
            ("beneficiary", "address", "{account}", true),
            ("tranche", "uint8", "2", false)
        ]
    );
    assert_eq!(app.action_draft(added.id).expect("draft"), vesting);

    // One action per name, and one per purpose but for calls the user names.
    let same_name = ActionInput {
        purpose: ActionPurpose::Other,
        ..vesting.clone()
    };
    assert_eq!(
        fields(app.add_action(sale, &same_name).expect_err("refused")),
        [("name".to_owned(), ErrorCode::ActionExists)]
    );
    let same_purpose = ActionInput {
        name: "Release again".into(),
        ..vesting.clone()
    };
    assert_eq!(
        fields(app.add_action(sale, &same_purpose).expect_err("refused")),
        [("purpose".to_owned(), ErrorCode::ActionExists)]
    );
    let finalize = ActionInput {
        name: "Finalize".into(),
        purpose: ActionPurpose::Other,
        contract: String::new(),
        contract_source: String::new(),
        signature: "finalize()".into(),
        arguments: Vec::new(),
        claimable: String::new(),
    };
    let other = app.add_action(sale, &finalize).expect("added");
    app.add_action(
        sale,
        &ActionInput {
            name: "Finalize round 2".into(),
            signature: "finalizeRound(uint256 round)".into(),
            arguments: vec!["2".into()],
            ..finalize.clone()
        },
    )
    .expect("two calls the user names");
    let renamed = app
        .update_action(
            other.id,
            &ActionInput {
                name: "Finalise".into(),
                ..finalize
            },
        )
        .expect("updated");
    assert_eq!((renamed.id, renamed.name.as_str()), (other.id, "Finalise"));
    assert_eq!(app.sale_actions(sale).expect("actions").len(), 3);
    app.remove_action(other.id).expect("removed");
    assert_eq!(
        app.remove_action(other.id).expect_err("gone").code,
        ErrorCode::ActionNotFound
    );
    assert_eq!(app.sale_actions(sale).expect("actions").len(), 2);
}
