//! What the review asks the chain before anything is signed, on a real local chain: the
//! node simulates the exact transaction (`debug_traceCall`) and the plan says what it
//! would move — coins sent, tokens received, an allowance given, a payment taken — and
//! a malicious sale that pulls more than the contribution through an earlier approval
//! is blocked, whatever the reason typed; a node that cannot simulate is said once; and
//! a claim whose contract says nothing is claimable is blocked.

use crate::common;

use alloy_primitives::keccak256;
use common::eth;
use saleguard_app::accounts::dto::AddWatchOnly;
use saleguard_app::chain::plans::{ContributionInput, TransactionPlan};
use saleguard_app::sales::ActionPurpose;
use saleguard_app::sales::actions::ActionInput;
use saleguard_app::sales::contract_terms::ContractTermsInput;
use saleguard_app::{ErrorCode, Saleguard};
use saleguard_core::{Address, U256};
use saleguard_testkit::{ANVIL_ACCOUNTS, Anvil, RangeLimitedNode};

fn buyer() -> Address {
    ANVIL_ACCOUNTS[1].0.parse().expect("address")
}

fn tusd(whole: u64) -> U256 {
    U256::from(whole) * U256::from(1_000_000u64)
}

/// A data folder following the sale of `draft` on the node at `rpc_url`, watching the
/// buyer's account: `(app, participation, account)`.
fn following(
    dir: &std::path::Path,
    rpc_url: &str,
    draft: saleguard_app::SaleDraft,
    token: Option<Address>,
    contribute: Option<(&str, &[&str])>,
) -> (Saleguard, i64, i64) {
    let app = common::app(dir);
    let (sale, participation) = common::start_on_chain(&app, rpc_url, draft, 1);
    if let Some(token) = token {
        app.set_contract_terms(
            sale,
            &ContractTermsInput {
                token_address: token.to_checksum(None),
            },
        )
        .expect("the token");
    }
    if let Some((signature, arguments)) = contribute {
        app.add_action(
            sale,
            &ActionInput {
                name: "Contribute".into(),
                purpose: ActionPurpose::Contribute,
                contract: String::new(),
                contract_source: String::new(),
                signature: signature.into(),
                arguments: arguments.iter().map(|a| (*a).to_owned()).collect(),
                claimable: String::new(),
            },
        )
        .expect("the action");
    }
    let account = app
        .add_watch_only_account(&AddWatchOnly {
            label: "Buyer".into(),
            address: buyer().to_checksum(None),
        })
        .expect("the buyer")
        .id;
    (app, participation, account)
}

fn contribution(participation: i64, account: i64, amount: &str) -> ContributionInput {
    ContributionInput {
        participation_id: participation,
        account_id: account,
        amount: amount.into(),
        fee_speed: Default::default(),
    }
}

fn lines(plan: &TransactionPlan) -> Vec<String> {
    plan.preview
        .as_ref()
        .expect("a preview")
        .iter()
        .map(|line| line.words.clone())
        .collect()
}

fn codes(plan: &TransactionPlan) -> Vec<&str> {
    plan.review
        .findings
        .iter()
        .map(|f| f.code.as_str())
        .collect()
}

fn token_paid_draft(sale: Address, dollar: Address) -> saleguard_app::SaleDraft {
    let erc20 = saleguard_core::fixtures::erc20_sale_draft("Token Paid Sale");
    saleguard_app::SaleDraft {
        currency_kind: erc20.currency_kind,
        currency_symbol: "TUSD".into(),
        currency_address: dollar.to_checksum(None),
        currency_decimals: erc20.currency_decimals,
        pricing_kind: erc20.pricing_kind,
        pricing_amount: erc20.pricing_amount,
        soft_cap: "10000".into(),
        hard_cap: "50000".into(),
        ..common::chain_sale_draft(sale)
    }
}

#[tokio::test]
async fn the_preview_says_what_each_action_would_move() {
    let anvil = Anvil::start();
    let deadline = common::wall_clock_now().unix_seconds() as u64 + 10 * 86_400;
    // A sale that sends its tokens in the contribution's own transaction.
    let sale = anvil.deploy_token_sale(eth(5), eth(10), deadline);
    let token = Address::from_word(
        anvil
            .call_word(sale, "token()", None)
            .to_be_bytes::<32>()
            .into(),
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, participation, account) = following(
        dir.path(),
        &anvil.url(),
        common::chain_sale_draft(sale),
        Some(token),
        Some(("contribute()", &[])),
    );
    let plan = app
        .plan_contribution(&contribution(participation, account, "1.5"))
        .await
        .expect("planned");
    assert_eq!(
        lines(&plan),
        [
            format!(
                "Would send 1.5 ETH to {} (the transaction's value)",
                sale.to_checksum(None)
            ),
            "Would receive 1500 SALE (minted)".to_owned(),
        ]
    );
    assert!(
        !codes(&plan).contains(&"unexpected_effect"),
        "{:?}",
        codes(&plan)
    );

    // A sale paid in a token: the approval, exactly; then the payment it takes.
    let dollar = anvil.deploy_payment_token(buyer(), tusd(1_000));
    let paid = anvil.deploy_token_paid_sale(dollar, deadline);
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, participation, account) = following(
        dir.path(),
        &anvil.url(),
        token_paid_draft(paid, dollar),
        None,
        Some(("buyTokens(uint256 amount)", &["{amount}"])),
    );
    let plan = app
        .plan_contribution(&contribution(participation, account, "100"))
        .await
        .expect("planned");
    let approval = plan
        .payment
        .as_ref()
        .and_then(|p| p.approval.as_deref())
        .expect("an approval first");
    assert_eq!(
        lines(approval),
        [format!(
            "Would allow {} to take 100 TUSD",
            paid.to_checksum(None)
        )]
    );
    assert_eq!(
        plan.preview, None,
        "the contribution waits for the approval"
    );
    let mut approve = keccak256("approve(address,uint256)")[..4].to_vec();
    approve.extend(paid.into_word());
    approve.extend(tusd(100).to_be_bytes::<32>());
    anvil.send(buyer(), dollar, U256::ZERO, approve);
    let plan = app
        .plan_contribution(&contribution(participation, account, "100"))
        .await
        .expect("planned");
    assert!(
        lines(&plan).contains(&format!(
            "Would send 100 TUSD to {}",
            paid.to_checksum(None)
        )),
        "{:?}",
        lines(&plan)
    );
    assert!(
        !codes(&plan).contains(&"unexpected_effect"),
        "{:?}",
        codes(&plan)
    );
}

#[tokio::test]
async fn a_sale_that_would_take_more_than_the_contribution_is_blocked_for_good() {
    let anvil = Anvil::start();
    let dollar = anvil.deploy_payment_token(buyer(), tusd(1_000));
    let greedy = anvil.deploy_greedy_sale(dollar);
    // An earlier, larger approval the malicious sale can draw on.
    let mut approve = keccak256("approve(address,uint256)")[..4].to_vec();
    approve.extend(greedy.into_word());
    approve.extend(tusd(500).to_be_bytes::<32>());
    anvil.send(buyer(), dollar, U256::ZERO, approve);
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, participation, account) = following(
        dir.path(),
        &anvil.url(),
        token_paid_draft(greedy, dollar),
        None,
        Some(("buyTokens(uint256 amount)", &["{amount}"])),
    );
    let plan = app
        .prepare_contribution(&contribution(participation, account, "100"))
        .await
        .expect("planned");
    assert!(
        lines(&plan).contains(&format!(
            "Would send 200 TUSD to {}",
            greedy.to_checksum(None)
        )),
        "{:?}",
        lines(&plan)
    );
    let unexpected = plan
        .review
        .findings
        .iter()
        .find(|f| f.code == "unexpected_effect")
        .unwrap_or_else(|| panic!("blocked: {:?}", codes(&plan)));
    assert!(!unexpected.overridable);
    assert!(
        unexpected
            .message
            .contains("200 TUSD leaving your account, more than the 100 TUSD"),
        "{}",
        unexpected.message
    );
    let draft = plan.draft_id.expect("kept, to show it");
    let refused = app
        .send_transaction(
            &draft,
            Some("the project says this is how it works"),
            &|_| {},
            std::future::pending(),
        )
        .await
        .expect_err("never signed");
    assert_eq!(refused.code, ErrorCode::NotOverridable);
    assert_eq!(
        anvil.nonce(&buyer().to_checksum(None)),
        1,
        "only the approval was ever sent"
    );
}

#[tokio::test]
async fn a_node_that_cannot_simulate_is_said_once_and_the_review_goes_on() {
    let anvil = Anvil::start();
    let deadline = common::wall_clock_now().unix_seconds() as u64 + 10 * 86_400;
    let sale = anvil.deploy_token_sale(eth(5), eth(10), deadline);
    // A public node's way: no tracer.
    let proxy = RangeLimitedNode::start_without(&anvil.url(), 1_000, &["debug_traceCall"]);
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, participation, account) = following(
        dir.path(),
        &proxy.url(),
        common::chain_sale_draft(sale),
        None,
        Some(("contribute()", &[])),
    );
    let plan = app
        .plan_contribution(&contribution(participation, account, "1"))
        .await
        .expect("planned");
    assert_eq!(plan.preview, None);
    let unavailable: Vec<_> = plan
        .review
        .findings
        .iter()
        .filter(|f| f.code == "preview_unavailable")
        .collect();
    assert_eq!(unavailable.len(), 1, "{:?}", codes(&plan));
    assert_eq!(
        unavailable[0].severity,
        saleguard_app::review::Severity::Info
    );
    assert!(
        unavailable[0].message.contains("does not exist"),
        "{}",
        unavailable[0].message
    );
}

#[tokio::test]
async fn a_claim_the_contract_says_is_empty_is_blocked() {
    let anvil = Anvil::start();
    let deployer: Address = ANVIL_ACCOUNTS[0].0.parse().expect("address");
    let token = anvil.deploy_token("Vested", "VST", 18, deployer, eth(1_000_000));
    let starts = common::wall_clock_now().unix_seconds() as u64 + 30 * 86_400;
    // Nothing vests for a month: the view says 0.
    let vesting = anvil.deploy_vesting(token, buyer(), starts, 1_000);
    anvil.transfer_token(token, vesting, eth(1000));
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, participation, account) = following(
        dir.path(),
        &anvil.url(),
        common::chain_sale_draft(Address::repeat_byte(0x5a)),
        Some(token),
        None,
    );
    let sale = app.participation(participation).expect("read").sale_id;
    let release = |claimable: &str| {
        let name = format!("Release {}", claimable.len());
        app.add_action(
            sale,
            &ActionInput {
                name: name.clone(),
                purpose: ActionPurpose::Other,
                contract: vesting.to_checksum(None),
                contract_source: "the project's vesting page".into(),
                signature: "release(address beneficiary)".into(),
                arguments: vec!["{account}".into()],
                claimable: claimable.into(),
            },
        )
    };
    let refused = release("releasable(address)").expect_err("only claims name a view");
    assert_eq!(refused.invalid_fields[0].field, "claimable");
    let action = app
        .add_action(
            sale,
            &ActionInput {
                name: "Release vested".into(),
                purpose: ActionPurpose::ClaimVested,
                contract: vesting.to_checksum(None),
                contract_source: "the project's vesting page".into(),
                signature: "release(address beneficiary)".into(),
                arguments: vec!["{account}".into()],
                claimable: "releasable(address)".into(),
            },
        )
        .expect("the claim")
        .id;
    for state in [
        saleguard_app::participations::ParticipationState::Contributed,
        saleguard_app::participations::ParticipationState::Succeeded,
    ] {
        app.move_participation(
            participation,
            &saleguard_app::participations::MoveParticipation {
                to: state,
                happened_at: String::new(),
                note: String::new(),
            },
        )
        .expect("moved");
    }
    let plan = app
        .plan_action(&saleguard_app::chain::plans::ActInput {
            participation_id: participation,
            action_id: Some(action),
            account_id: account,
            ..Default::default()
        })
        .await
        .expect("planned");
    let nothing = plan
        .review
        .findings
        .iter()
        .find(|f| f.code == "nothing_claimable")
        .unwrap_or_else(|| panic!("blocked: {:?}", codes(&plan)));
    assert!(!nothing.overridable);
    assert_eq!(plan.review.verdict, saleguard_app::review::Verdict::Blocked);
    assert!(
        !codes(&plan).contains(&"action_contract_not_official"),
        "no vesting address is recorded: nothing to compare with"
    );

    // The project published another vesting contract: this one is not it.
    let published = Address::repeat_byte(0x7e).to_checksum(None);
    let mut input = common::official_input(
        &published,
        saleguard_core::official::SourceKind::Website,
        "https://aurora.example/vesting",
        "",
    );
    input.purpose = saleguard_core::official::AddressPurpose::Vesting;
    let other = app.add_official_address(sale, &input).expect("recorded");
    let act = saleguard_app::chain::plans::ActInput {
        participation_id: participation,
        action_id: Some(action),
        account_id: account,
        ..Default::default()
    };
    let plan = app.plan_action(&act).await.expect("planned");
    let finding = plan
        .review
        .findings
        .iter()
        .find(|f| f.code == "action_contract_not_official")
        .unwrap_or_else(|| panic!("flagged: {:?}", codes(&plan)));
    assert!(finding.overridable);
    assert!(finding.message.contains(&published), "{}", finding.message);

    // Once the contract called is the one published, it is not flagged.
    input.address = vesting.to_checksum(None);
    app.add_official_address(sale, &input).expect("recorded");
    app.retire_official_address(other.id, "an old page")
        .expect("retired");
    let plan = app.plan_action(&act).await.expect("planned");
    assert!(
        !codes(&plan).contains(&"action_contract_not_official"),
        "{:?}",
        codes(&plan)
    );
}
