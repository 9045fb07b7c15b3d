//! A sale followed to its end on a real local chain (Anvil, with the contracts of
//! tests/contracts): a post-delivery sale from the contribution to the finalisation and
//! the withdrawal of the tokens it kept, vested tokens released by another contract, and
//! a Merkle distributor's claim with a proof typed as a literal. The account's key is in
//! a real GNOME Keyring (the scenarios run in a child test process inside a private
//! session); every step is checked on the chain and in the database.

use crate::common;

use common::{entries_of, eth, wall_clock_now as now};
use std::sync::Arc;
use std::time::Duration;

use alloy_primitives::B256;
use saleguard_app::accounts::dto::ImportPrivateKey;
use saleguard_app::chain::allowances::RevokeInput;
use saleguard_app::chain::plans::{ActInput, ArgumentValue, ContributionInput, TransactionPlan};
use saleguard_app::chain::replacements::{ReplaceInput, Replacement};
use saleguard_app::chain::transactions::{TransactionView, TxProgress, TxPurpose, TxStatus};
use saleguard_app::participations::{MoveParticipation, ParticipationState};
use saleguard_app::sales::ActionPurpose;
use saleguard_app::sales::actions::ActionInput;
use saleguard_app::sales::contract_terms::ContractTermsInput;
use saleguard_app::{DataPaths, ErrorCode, FixedClock, Saleguard, UtcTimestamp};
use saleguard_core::{Address, U256};
use saleguard_testkit::merkle::{leaf, pair, proof_text};
use saleguard_testkit::{ANVIL_ACCOUNTS, Anvil};

const DAY: i64 = 86_400;

#[test]
fn sale_journeys_run_against_a_real_keyring() {
    let keyring = saleguard_testkit::KeyringSession::start();
    common::run_ignored_in(&keyring, &["actions_on_chain::"], 7);
}

/// The user's data folder, opened at `at`; the user's account (Anvil's second) is in
/// the keyring.
struct Wallet {
    dir: tempfile::TempDir,
    app: Saleguard,
    sale: i64,
    participation: i64,
    account: i64,
    address: Address,
}

fn open(dir: &std::path::Path, at: UtcTimestamp) -> Saleguard {
    Saleguard::start(DataPaths::at(dir), Arc::new(FixedClock(at)))
}

fn later(days: i64) -> UtcTimestamp {
    UtcTimestamp::from_unix_seconds(now().unix_seconds() + days * DAY).expect("a time")
}

/// A sale at `contribution_address` on `anvil` open from `starts` to `ends` days from
/// now, whose token is `token`, with a participation and the user's account.
fn wallet(
    anvil: &Anvil,
    contribution_address: Address,
    (starts, ends): (i64, i64),
    token: Address,
) -> Wallet {
    let draft = saleguard_app::SaleDraft {
        starts_at: later(starts).to_form_text(),
        ends_at: later(ends).to_form_text(),
        ..common::chain_sale_draft(contribution_address)
    };
    wallet_for(anvil, draft, token)
}

/// The sale of `draft` on `anvil`, whose token is `token`, with a participation and the
/// user's account.
fn wallet_for(anvil: &Anvil, draft: saleguard_app::SaleDraft, token: Address) -> Wallet {
    common::require_keyring_session("sale_journeys_run_against_a_real_keyring");
    let dir = tempfile::tempdir().expect("temp dir");
    let app = open(dir.path(), now());
    let (sale, participation) = common::start_on_chain(&app, &anvil.url(), draft, 1);
    app.set_contract_terms(
        sale,
        &ContractTermsInput {
            token_address: token.to_checksum(None),
        },
    )
    .expect("the token");
    let account = app
        .import_private_key_account(&ImportPrivateKey {
            label: "Anvil".into(),
            private_key: ANVIL_ACCOUNTS[1].1.into(),
        })
        .expect("imported into the keyring")
        .id;
    Wallet {
        dir,
        app,
        sale,
        participation,
        account,
        address: ANVIL_ACCOUNTS[1].0.parse().expect("address"),
    }
}

impl Wallet {
    /// The sale's action `name` for `purpose`, calling `signature` on `contract` (the
    /// sale's own address when none) with `arguments`.
    fn add_action(
        &self,
        name: &str,
        purpose: ActionPurpose,
        contract: Option<Address>,
        signature: &str,
        arguments: &[&str],
    ) -> i64 {
        self.app
            .add_action(
                self.sale,
                &ActionInput {
                    name: name.into(),
                    purpose,
                    contract: contract.map(|c| c.to_checksum(None)).unwrap_or_default(),
                    contract_source: if contract.is_some() {
                        "the project's claim page".into()
                    } else {
                        String::new()
                    },
                    signature: signature.into(),
                    arguments: arguments.iter().map(|a| (*a).to_owned()).collect(),
                    claimable: String::new(),
                },
            )
            .expect("the action")
            .id
    }

    fn act(&self, action: i64, arguments: &[(&str, &str)]) -> ActInput {
        ActInput {
            participation_id: self.participation,
            action_id: Some(action),
            account_id: self.account,
            arguments: arguments
                .iter()
                .map(|(parameter, value)| ArgumentValue {
                    parameter: (*parameter).into(),
                    value: (*value).into(),
                })
                .collect(),
            ..ActInput::default()
        }
    }

    /// Re-opens the data folder `days` from now.
    fn reopen(&mut self, days: i64) {
        self.app = open(self.dir.path(), later(days));
    }

    fn move_to(&self, state: ParticipationState) {
        self.app
            .move_participation(
                self.participation,
                &MoveParticipation {
                    to: state,
                    happened_at: String::new(),
                    note: "recorded by hand".into(),
                },
            )
            .expect("moved");
    }

    fn state(&self) -> ParticipationState {
        self.app
            .participation(self.participation)
            .expect("participation")
            .state
    }

    /// Every entry: kind, amount in base units, reference, note.
    fn entries(&self) -> Vec<(String, String, String, String)> {
        entries_of(&self.app, self.participation)
            .into_iter()
            .map(|e| (e.kind, e.amount.base_units, e.reference, e.note))
            .collect()
    }
}

fn quiet(_: TxProgress) {}

/// Signs, sends and follows a kept plan to its end.
async fn take(app: &Saleguard, plan: &TransactionPlan) -> TransactionView {
    let draft = plan.draft_id.as_deref().unwrap_or_else(|| {
        panic!("a draft to sign: {:?}", plan.review.findings);
    });
    let sent = app
        .send_transaction(draft, None, &quiet, std::future::pending())
        .await
        .expect("sent");
    app.follow_transaction(
        &sent.id,
        Duration::from_millis(50),
        &quiet,
        std::future::pending(),
    )
    .await
    .expect("followed")
}

fn address_of(word: U256) -> Address {
    Address::from_word(B256::from(word.to_be_bytes::<32>()))
}

fn chain_now() -> u64 {
    u64::try_from(now().unix_seconds()).expect("after 1970")
}

/// A token of the project's with a million units, all held by Anvil's first account.
fn project_token(anvil: &Anvil) -> Address {
    let deployer: Address = ANVIL_ACCOUNTS[0].0.parse().expect("address");
    anvil.deploy_token("Aurora", "AUR", 18, deployer, eth(1_000_000))
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn a_post_delivery_sale_is_followed_from_the_contribution_to_the_withdrawal() {
    let anvil = Anvil::start();
    let deadline = chain_now() + 10 * 86_400;
    let sale = anvil.deploy_post_delivery_sale(deadline);
    let token = address_of(anvil.call_word(sale, "token()", None));
    let mut wallet = wallet(&anvil, sale, (-1, 10), token);
    wallet.add_action(
        "Contribute",
        ActionPurpose::Contribute,
        None,
        "contribute()",
        &[],
    );
    let finalize = wallet.add_action("Finalize", ActionPurpose::Other, None, "finalize()", &[]);
    let withdraw = wallet.add_action(
        "Withdraw tokens",
        ActionPurpose::ClaimTokens,
        None,
        "withdrawTokens(address beneficiary)",
        &["{account}"],
    );
    wallet
        .app
        .add_budget(&saleguard_app::budgets::BudgetInput {
            currency: "ETH".into(),
            period: "year".into(),
            year: now().to_rfc3339()[..4].to_owned(),
            total: "20".into(),
            ..saleguard_app::budgets::BudgetInput::default()
        })
        .expect("a budget");

    // While the sale is open, its tokens cannot be claimed: nothing is planned.
    let refused = wallet
        .app
        .prepare_action(&wallet.act(withdraw, &[]))
        .await
        .expect_err("not offered yet");
    assert_eq!(
        refused.code,
        ErrorCode::ActionNotOffered,
        "{}",
        refused.message
    );
    assert!(
        refused.message.contains("“Withdraw tokens”"),
        "{}",
        refused.message
    );

    let plan = wallet
        .app
        .prepare_contribution(&ContributionInput {
            participation_id: wallet.participation,
            account_id: wallet.account,
            amount: "1".into(),
            fee_speed: Default::default(),
        })
        .await
        .expect("planned");
    assert_eq!(plan.transaction.action, "Contribute");
    let contributed = take(&wallet.app, &plan).await;
    assert_eq!(contributed.status, TxStatus::Confirmed);
    assert_eq!(wallet.state(), ParticipationState::Contributed);
    assert_eq!(
        anvil.call_word(sale, "owed(address)", Some(wallet.address)),
        eth(1000),
        "the sale keeps the tokens bought"
    );

    // The sale ends, on the chain and in the app.
    anvil.advance_time(11 * 86_400);
    wallet.reopen(11);
    let early = wallet
        .app
        .plan_action(&wallet.act(withdraw, &[]))
        .await
        .expect("planned, dry");
    assert!(early.draft_id.is_none(), "the node says it reverts");
    assert!(
        early
            .review
            .findings
            .iter()
            .any(|f| f.message.contains("not finalized")),
        "{:?}",
        early.review.findings
    );

    let finalized = take(
        &wallet.app,
        &wallet
            .app
            .prepare_action(&wallet.act(finalize, &[]))
            .await
            .expect("planned"),
    )
    .await;
    assert_eq!(
        (finalized.purpose, finalized.status),
        (TxPurpose::Call, TxStatus::Confirmed)
    );
    assert_eq!(finalized.action, "Finalize");
    assert_eq!(
        wallet.entries().len(),
        1,
        "a call the user named records nothing"
    );
    assert_eq!(wallet.state(), ParticipationState::Contributed);

    let plan = wallet
        .app
        .prepare_action(&wallet.act(withdraw, &[]))
        .await
        .expect("planned");
    assert_eq!(plan.purpose, TxPurpose::TokenClaim);
    let arguments: Vec<(String, String, String)> = plan
        .transaction
        .arguments
        .iter()
        .map(|a| (a.name.clone(), a.ty.clone(), a.value.clone()))
        .collect();
    assert_eq!(
        arguments,
        [(
            "beneficiary".to_owned(),
            "address".to_owned(),
            wallet.address.to_checksum(None)
        )],
        "decoded again from the calldata"
    );
    let withdrawn = take(&wallet.app, &plan).await;
    assert_eq!(withdrawn.status, TxStatus::Confirmed);
    let received = anvil.call_word(token, "balanceOf(address)", Some(wallet.address));
    assert_eq!(received, eth(1000));
    assert_eq!(
        anvil.call_word(sale, "owed(address)", Some(wallet.address)),
        U256::ZERO
    );
    let entries = wallet.entries();
    assert_eq!(entries.len(), 2, "{entries:?}");
    let (kind, amount, reference, note) = &entries[1];
    assert_eq!(kind, "distribution");
    assert_eq!(*amount, received.to_string(), "what the chain says arrived");
    assert_eq!(Some(reference), withdrawn.hash.as_ref());
    assert!(note.contains("receipt"), "{note}");
    let proved = &entries_of(&wallet.app, wallet.participation)[1];
    assert!(proved.log_index.is_some(), "the log that proves it is kept");
    assert_eq!(wallet.state(), ParticipationState::TokensDistributed);

    // A second withdrawal would revert: nothing left to sign.
    let again = wallet
        .app
        .plan_action(&wallet.act(withdraw, &[]))
        .await
        .expect("planned, dry");
    assert!(again.draft_id.is_none());
    assert!(
        again
            .review
            .findings
            .iter()
            .any(|f| f.message.contains("nothing to withdraw")),
        "{:?}",
        again.review.findings
    );
    assert_eq!(wallet.entries().len(), 2, "and nothing more recorded");
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn vested_tokens_are_released_by_another_contract_and_recorded_from_its_logs() {
    let anvil = Anvil::start();
    let token = project_token(&anvil);
    let buyer: Address = ANVIL_ACCOUNTS[1].0.parse().expect("address");
    let vesting = anvil.deploy_vesting(token, buyer, chain_now(), 1_000);
    anvil.transfer_token(token, vesting, eth(1000));
    // A sale that ended yesterday; its address is not called here.
    let mut wallet = wallet(&anvil, Address::repeat_byte(0x5a), (-10, -1), token);
    let release = wallet.add_action(
        "Release vested",
        ActionPurpose::ClaimVested,
        Some(vesting),
        "release(address beneficiary)",
        &["{account}"],
    );

    let refused = wallet
        .app
        .prepare_action(&wallet.act(release, &[]))
        .await
        .expect_err("nothing bought yet");
    assert_eq!(refused.code, ErrorCode::ActionNotOffered);
    assert!(
        wallet
            .app
            .transactions_of(wallet.participation)
            .expect("list")
            .is_empty(),
        "nothing was kept"
    );

    wallet.move_to(ParticipationState::Contributed);
    wallet.move_to(ParticipationState::Succeeded);
    anvil.advance_time(400);
    wallet.reopen(0);
    let plan = wallet
        .app
        .prepare_action(&wallet.act(release, &[]))
        .await
        .expect("planned");
    assert_eq!(
        plan.transaction.to,
        vesting.to_checksum(None),
        "the vesting contract is called, not the sale"
    );
    assert_eq!(plan.purpose, TxPurpose::VestedClaim);
    let preview = plan.preview.clone().expect("the node simulated it");
    assert_eq!(preview.len(), 1, "{preview:?}");
    assert!(
        preview[0].words.starts_with("Would receive ")
            && preview[0]
                .words
                .ends_with(&format!("SALE from {}", vesting.to_checksum(None))),
        "{}",
        preview[0].words
    );
    let released = take(&wallet.app, &plan).await;
    assert_eq!(released.status, TxStatus::Confirmed);
    let held = anvil.call_word(token, "balanceOf(address)", Some(buyer));
    assert!(
        held > U256::ZERO && held < eth(1000),
        "part has vested: {held}"
    );
    let entries = wallet.entries();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0].0, "distribution");
    assert_eq!(entries[0].1, held.to_string(), "exactly what the logs say");
    assert_eq!(wallet.state(), ParticipationState::TokensDistributed);
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn a_merkle_claim_takes_its_proof_as_a_literal_and_a_wrong_one_is_never_signed() {
    let anvil = Anvil::start();
    let token = project_token(&anvil);
    let buyer: Address = ANVIL_ACCOUNTS[1].0.parse().expect("address");
    let share = eth(250);
    let leaves = [
        leaf(0, Address::repeat_byte(0x01), eth(100)),
        leaf(1, buyer, share),
        leaf(2, Address::repeat_byte(0x03), eth(7)),
    ];
    let root = pair(pair(leaves[0], leaves[1]), leaves[2]);
    let distributor = anvil.deploy_merkle_distributor(token, root);
    anvil.transfer_token(token, distributor, eth(357));
    let wallet = wallet(&anvil, Address::repeat_byte(0x5a), (-10, -1), token);
    wallet.move_to(ParticipationState::Contributed);
    wallet.move_to(ParticipationState::Succeeded);
    let proof = proof_text(&[leaves[0], leaves[2]]);
    let claim = wallet.add_action(
        "Claim from the distributor",
        ActionPurpose::ClaimTokens,
        Some(distributor),
        "claim(uint256 index, address account, uint256 amount, bytes32[] proof)",
        &["1", "{account}", &share.to_string(), &proof],
    );

    // A value of the wrong type, given when taking it, is refused at its argument.
    let refused = wallet
        .app
        .prepare_action(&wallet.act(claim, &[("proof", "[0x1234]")]))
        .await
        .expect_err("a bytes32 is 32 bytes");
    assert_eq!(refused.code, ErrorCode::InvalidArgument);
    assert_eq!(refused.invalid_fields[0].field, "arguments.3");
    // A proof of the right type but not of this leaf: the node says it reverts.
    let wrong = wallet
        .app
        .prepare_action(&wallet.act(claim, &[("proof", &proof_text(&[leaves[2], leaves[0]]))]))
        .await
        .expect("planned");
    assert!(wrong.draft_id.is_none(), "never kept to sign");
    assert!(
        wrong
            .review
            .findings
            .iter()
            .any(|f| f.message.contains("invalid proof")),
        "{:?}",
        wrong.review.findings
    );
    assert!(
        wallet
            .app
            .transactions_of(wallet.participation)
            .expect("list")
            .is_empty(),
        "nothing was kept or sent"
    );

    let plan = wallet
        .app
        .prepare_action(&wallet.act(claim, &[]))
        .await
        .expect("planned");
    let proof_shown = plan
        .transaction
        .arguments
        .iter()
        .find(|a| a.name == "proof")
        .expect("the proof");
    assert_eq!(proof_shown.ty, "bytes32[]");
    assert_eq!(proof_shown.value, proof);
    let claimed = take(&wallet.app, &plan).await;
    assert_eq!(claimed.status, TxStatus::Confirmed);
    assert_eq!(
        anvil.call_word(token, "balanceOf(address)", Some(buyer)),
        share
    );
    let entries = wallet.entries();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0].1, share.to_string());
    assert_eq!(wallet.state(), ParticipationState::TokensDistributed);
}

/// What a plan's review found, by code.
fn found(plan: &TransactionPlan) -> Vec<&str> {
    plan.review
        .findings
        .iter()
        .map(|f| f.code.as_str())
        .collect()
}

/// `whole` Test Dollars (6 decimals) in base units.
fn tusd(whole: u64) -> U256 {
    U256::from(whole) * U256::from(1_000_000u64)
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn a_token_paid_sale_is_approved_exactly_then_paid_and_an_unlimited_approval_needs_a_reason()
{
    let anvil = Anvil::start();
    let buyer: Address = ANVIL_ACCOUNTS[1].0.parse().expect("address");
    let dollar = anvil.deploy_payment_token(buyer, tusd(1000));
    let sale = anvil.deploy_token_paid_sale(dollar, chain_now() + 10 * 86_400);
    let sale_token = address_of(anvil.call_word(sale, "token()", None));
    let erc20 = saleguard_core::fixtures::erc20_sale_draft("Token Paid Sale");
    let mut wallet = wallet_for(
        &anvil,
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
        },
        sale_token,
    );
    wallet.add_action(
        "Buy tokens",
        ActionPurpose::Contribute,
        None,
        "buyTokens(uint256 amount)",
        &["{amount}"],
    );
    let (participation_id, account_id) = (wallet.participation, wallet.account);
    let contribution = |amount: &str| ContributionInput {
        participation_id,
        account_id,
        amount: amount.into(),
        fee_speed: Default::default(),
    };
    let state_before = wallet.state();

    // Nothing is allowed yet: the approval comes first, for exactly the contribution.
    let plan = wallet
        .app
        .prepare_contribution(&contribution("100"))
        .await
        .expect("planned");
    let payment = plan.payment.as_ref().expect("the sale pulls the payment");
    assert_eq!(payment.spender, sale.to_checksum(None));
    assert_eq!(payment.token, dollar.to_checksum(None));
    assert_eq!(payment.allowance, "0 TUSD");
    assert_eq!(
        plan.draft_id, None,
        "the contribution waits for the approval"
    );
    assert!(
        !found(&plan).contains(&"would_revert"),
        "failing for want of the allowance is expected: {:?}",
        plan.review.findings
    );
    let approval = payment.approval.as_deref().expect("an approval first");
    assert_eq!(approval.purpose, TxPurpose::Approval);
    assert_eq!(approval.transaction.to, dollar.to_checksum(None));
    assert_eq!(approval.transaction.action, "Approve payment");
    let arguments: Vec<(&str, &str)> = approval
        .transaction
        .arguments
        .iter()
        .map(|a| (a.name.as_str(), a.value.as_str()))
        .collect();
    let exact = tusd(100).to_string();
    assert_eq!(
        arguments,
        [
            ("spender", sale.to_checksum(None).as_str()),
            ("amount", exact.as_str())
        ],
        "decoded again from the calldata"
    );
    assert_eq!(
        found(approval),
        ["current_allowance"],
        "exact: nothing blocks"
    );
    let approved = take(&wallet.app, approval).await;
    assert_eq!(
        (approved.purpose, approved.status),
        (TxPurpose::Approval, TxStatus::Confirmed)
    );
    assert_eq!(wallet.state(), state_before, "an approval moves no money");
    assert!(wallet.entries().is_empty(), "and records none");

    // Planned again: the allowance covers it, the node can check it, it is signed.
    let plan = wallet
        .app
        .prepare_contribution(&contribution("100"))
        .await
        .expect("planned");
    let payment = plan.payment.as_ref().expect("pulled");
    assert_eq!(payment.allowance, "100 TUSD");
    assert!(payment.approval.is_none());
    assert_eq!(plan.transaction.to, sale.to_checksum(None));
    assert_eq!(plan.transaction.value_wei, "0", "no coins: the token pays");
    let paid = take(&wallet.app, &plan).await;
    assert_eq!(paid.status, TxStatus::Confirmed, "{:?}", paid.failure);
    assert_eq!(
        anvil.call_word(sale, "contributions(address)", Some(buyer)),
        tusd(100)
    );
    assert_eq!(
        anvil.call_word(dollar, "balanceOf(address)", Some(buyer)),
        tusd(900)
    );
    assert_eq!(wallet.state(), ParticipationState::Contributed);
    let entries = wallet.entries();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(
        (entries[0].0.as_str(), entries[0].1.clone()),
        ("contribution", tusd(100).to_string()),
        "paid in TUSD; the sale keeps the tokens until it has ended"
    );

    // The sale's own approval asks for everything: blocked until a reason is given.
    let unlimited = U256::MAX.to_string();
    let approve = wallet.add_action(
        "Approve payment",
        ActionPurpose::ApprovePayment,
        None,
        "approve(address spender, uint256 amount)",
        &[&sale.to_checksum(None), &unlimited],
    );
    let plan = wallet
        .app
        .prepare_contribution(&contribution("50"))
        .await
        .expect("planned");
    let approval = plan
        .payment
        .as_ref()
        .and_then(|p| p.approval.as_deref())
        .expect("the allowance is spent: approve again");
    assert_eq!(
        found(approval),
        ["approval_unlimited", "current_allowance"],
        "{:?}",
        approval.review.findings
    );
    let draft = approval.draft_id.as_deref().expect("kept: overridable");
    let refused = wallet
        .app
        .send_transaction(draft, None, &quiet, std::future::pending())
        .await
        .expect_err("blocked without a reason");
    assert_eq!(refused.code, ErrorCode::ReviewBlocked);
    let reason = "the project's contract needs a standing approval; revoked after";
    let sent = wallet
        .app
        .send_transaction(draft, Some(reason), &quiet, std::future::pending())
        .await
        .expect("overridden");
    let followed = wallet
        .app
        .follow_transaction(
            &sent.id,
            Duration::from_millis(50),
            &quiet,
            std::future::pending(),
        )
        .await
        .expect("followed");
    assert_eq!(followed.status, TxStatus::Confirmed);
    let history = wallet
        .app
        .review_overrides(Some(wallet.sale))
        .expect("the history");
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].reason, reason);
    assert!(
        history[0]
            .findings
            .iter()
            .any(|f| f.code == "approval_unlimited"),
        "kept with the findings it overrode"
    );

    // A literal that is not a number is refused at its field (the second, counted from
    // 0 like every list field); nothing is kept.
    let kept = wallet
        .app
        .transactions_of(wallet.participation)
        .expect("list")
        .len();
    let refused = wallet
        .app
        .prepare_action(&ActInput {
            amount: "50".into(),
            approval: true,
            ..wallet.act(approve, &[("amount", "lots")])
        })
        .await
        .expect_err("not a uint256");
    assert_eq!(
        refused.code,
        ErrorCode::InvalidArgument,
        "{}",
        refused.message
    );
    assert_eq!(
        refused.field.as_deref(),
        Some("arguments.1"),
        "{:?}",
        refused.invalid_fields
    );
    assert_eq!(
        wallet
            .app
            .transactions_of(wallet.participation)
            .expect("list")
            .len(),
        kept
    );
    // The window reads the same views a page at a time, the newest first.
    let mut newest_first = wallet
        .app
        .transactions_of(wallet.participation)
        .expect("list");
    newest_first.reverse();
    assert!(newest_first.len() > 1, "more than one page of one");
    let mut paged = Vec::new();
    while paged.len() < newest_first.len() {
        let offset = u32::try_from(paged.len()).expect("a few");
        let page = wallet
            .app
            .transactions(
                wallet.participation,
                saleguard_app::dto::ListOrder::NewestFirst,
                saleguard_app::dto::PageInput { offset, limit: 1 },
            )
            .expect("a page");
        assert_eq!(
            (page.offset, page.total as usize),
            (offset, newest_first.len())
        );
        assert_eq!(page.rows.len(), 1);
        paged.extend(page.rows);
    }
    assert_eq!(paged, newest_first);

    // The standing allowance is listed, read from the token; after the sale has ended
    // (when no approval is offered any more) it is revoked by an approval of nothing.
    let listed = wallet
        .app
        .allowances(Some(wallet.participation))
        .await
        .expect("read from the token");
    let seen: Vec<(&str, &str, bool)> = listed
        .iter()
        .map(|a| (a.spender.as_str(), a.owner.as_str(), a.unlimited))
        .collect();
    let sale_checksummed = sale.to_checksum(None);
    assert_eq!(
        seen,
        [(sale_checksummed.as_str(), ANVIL_ACCOUNTS[1].0, true)]
    );
    assert_eq!(listed[0].amount.base_units, U256::MAX.to_string());
    wallet.reopen(11);
    let ended = wallet
        .app
        .prepare_contribution(&contribution("1"))
        .await
        .expect_err("the sale has ended");
    assert_eq!(ended.code, ErrorCode::ActionNotOffered);
    let revoke = wallet
        .app
        .prepare_revoke(&RevokeInput {
            participation_id: wallet.participation,
            account_id: wallet.account,
            spender: sale.to_checksum(None),
            fee_speed: Default::default(),
        })
        .await
        .expect("planned");
    assert_eq!(found(&revoke), ["current_allowance"]);
    assert!(
        revoke.review.findings[0]
            .message
            .contains("may take any amount"),
        "{}",
        revoke.review.findings[0].message
    );
    assert_eq!(revoke.transaction.action, "Approve payment");
    let revoked = take(&wallet.app, &revoke).await;
    assert_eq!(
        (revoked.purpose, revoked.status),
        (TxPurpose::Approval, TxStatus::Confirmed)
    );
    assert!(
        wallet
            .app
            .allowances(Some(wallet.participation))
            .await
            .expect("read")
            .is_empty(),
        "nothing is allowed any more"
    );
    assert_eq!(
        wallet.state(),
        ParticipationState::Contributed,
        "neither approvals nor revocations move the participation"
    );

    // The end of the journey: the tokens bought, claimed once the sale has ended.
    anvil.advance_time(11 * 86_400);
    let claim = wallet.add_action(
        "Claim tokens",
        ActionPurpose::ClaimTokens,
        None,
        "claim()",
        &[],
    );
    let claimed = take(
        &wallet.app,
        &wallet
            .app
            .prepare_action(&wallet.act(claim, &[]))
            .await
            .expect("planned"),
    )
    .await;
    assert_eq!(claimed.status, TxStatus::Confirmed);
    let bought = tusd(100) * U256::from(saleguard_testkit::TOKEN_PAID_SALE_RATE);
    assert_eq!(
        anvil.call_word(sale_token, "balanceOf(address)", Some(buyer)),
        bought
    );
    let entries = wallet.entries();
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert_eq!(entries[1].0, "distribution");
    assert_eq!(entries[1].1, bought.to_string(), "as the claim's logs say");
    assert_eq!(Some(&entries[1].2), claimed.hash.as_ref());
    assert_eq!(wallet.state(), ParticipationState::TokensDistributed);
}

/// A post-delivery sale open for ten days whose contribution is signed and sent while
/// the node mines nothing (automine off): the wallet and the stuck transaction.
async fn stuck_contribution(anvil: &Anvil) -> (Wallet, Address, TransactionView, TransactionPlan) {
    let sale = anvil.deploy_post_delivery_sale(chain_now() + 10 * 86_400);
    let token = address_of(anvil.call_word(sale, "token()", None));
    let wallet = wallet(anvil, sale, (-1, 10), token);
    wallet.add_action(
        "Contribute",
        ActionPurpose::Contribute,
        None,
        "contribute()",
        &[],
    );
    let plan = wallet
        .app
        .prepare_contribution(&ContributionInput {
            participation_id: wallet.participation,
            account_id: wallet.account,
            amount: "1".into(),
            fee_speed: Default::default(),
        })
        .await
        .expect("planned");
    anvil.rpc("evm_setAutomine", serde_json::json!([false]));
    let sent = wallet
        .app
        .send_transaction(
            plan.draft_id.as_deref().expect("a draft"),
            None,
            &quiet,
            std::future::pending(),
        )
        .await
        .expect("sent");
    assert_eq!(sent.status, TxStatus::Sent);
    // Followed for a moment: the node has it, nothing is mined.
    let watched = wallet
        .app
        .follow_transaction(
            &sent.id,
            Duration::from_millis(50),
            &quiet,
            tokio::time::sleep(Duration::from_millis(300)),
        )
        .await
        .expect("followed");
    assert_eq!(watched.status, TxStatus::Sent, "stuck");
    (wallet, sale, sent, plan)
}

/// Signs and sends a replacement, mines one block and follows it to its end.
async fn replace_and_mine(
    anvil: &Anvil,
    wallet: &Wallet,
    plan: &TransactionPlan,
) -> TransactionView {
    let sent = wallet
        .app
        .send_transaction(
            plan.draft_id.as_deref().expect("a draft"),
            None,
            &quiet,
            std::future::pending(),
        )
        .await
        .expect("sent");
    anvil.mine(1);
    let followed = tokio::time::timeout(
        Duration::from_secs(60),
        wallet.app.follow_transaction(
            &sent.id,
            Duration::from_millis(50),
            &quiet,
            std::future::pending(),
        ),
    )
    .await;
    match followed {
        Ok(view) => view.expect("followed"),
        Err(_) => panic!(
            "not settled within a minute: {:?}; block {:?}",
            wallet
                .app
                .transactions_of(wallet.participation)
                .expect("list")
                .iter()
                .map(|t| (t.purpose, t.status, t.hash.clone(), t.events.len()))
                .collect::<Vec<_>>(),
            anvil.rpc("eth_getBlockByNumber", serde_json::json!(["latest", false]))["transactions"]
        ),
    }
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn a_stuck_contribution_sped_up_counts_once_and_the_first_is_marked_replaced() {
    let anvil = Anvil::start();
    let (wallet, sale, stuck, stuck_plan) = stuck_contribution(&anvil).await;
    let replacing = |how| ReplaceInput {
        transaction_id: stuck.id.clone(),
        how,
        fee_speed: Default::default(),
    };
    let plan = wallet
        .app
        .prepare_replacement(&replacing(Replacement::SpeedUp))
        .await
        .expect("planned");
    let original = wallet.app.transaction(&stuck.id).expect("kept");
    assert_eq!(plan.purpose, TxPurpose::Contribution);
    assert_eq!(plan.transaction.action, "Speed up: Contribute");
    assert_eq!(plan.transaction.nonce, original.nonce);
    assert_eq!(
        plan.transaction.value_wei,
        eth(1).to_string(),
        "the same transaction"
    );
    let fee = |text: &str| text.parse::<u128>().expect("wei");
    let raised = |was: &str, now: &str| fee(now) * 100 >= fee(was) * 110;
    assert!(
        raised(
            &stuck_plan.transaction.max_fee_per_gas,
            &plan.transaction.max_fee_per_gas
        ) && raised(
            &stuck_plan.transaction.max_priority_fee_per_gas,
            &plan.transaction.max_priority_fee_per_gas
        ),
        "both fees at least 10 % above the stuck one's: {:?} → {:?}",
        (
            &stuck_plan.transaction.max_fee_per_gas,
            &stuck_plan.transaction.max_priority_fee_per_gas
        ),
        (
            &plan.transaction.max_fee_per_gas,
            &plan.transaction.max_priority_fee_per_gas
        )
    );

    let done = replace_and_mine(&anvil, &wallet, &plan).await;
    assert_eq!(done.status, TxStatus::Confirmed, "{}", done.failure);
    assert_eq!(done.replaces.as_deref(), Some(stuck.id.as_str()));
    let first = wallet
        .app
        .plan_replacement(&replacing(Replacement::SpeedUp))
        .await
        .expect_err("settled now");
    assert_eq!(first.code, ErrorCode::NotReplaceable);
    assert_eq!(
        wallet.app.transaction(&stuck.id).expect("kept").status,
        TxStatus::Replaced,
        "the first was never mined, and is marked so"
    );
    // On chain and in the records: one contribution, the one that was mined.
    assert_eq!(
        anvil.call_word(sale, "owed(address)", Some(wallet.address)),
        eth(1000),
        "1 ETH bought, once"
    );
    let entries = wallet.entries();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(Some(&entries[0].2), done.hash.as_ref());
    assert_eq!(wallet.state(), ParticipationState::Contributed);

    // Neither a mined transaction nor a replaced one can be replaced.
    for id in [&done.id, &stuck.id] {
        let refused = wallet
            .app
            .prepare_replacement(&ReplaceInput {
                transaction_id: id.clone(),
                how: Replacement::Cancel,
                fee_speed: Default::default(),
            })
            .await
            .expect_err("settled");
        assert_eq!(
            refused.code,
            ErrorCode::NotReplaceable,
            "{}",
            refused.message
        );
    }
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn a_stuck_contribution_cancelled_sends_nothing_and_records_nothing() {
    let anvil = Anvil::start();
    let (wallet, sale, stuck, _) = stuck_contribution(&anvil).await;
    let state_before = wallet.state();
    let plan = wallet
        .app
        .prepare_replacement(&ReplaceInput {
            transaction_id: stuck.id.clone(),
            how: Replacement::Cancel,
            fee_speed: Default::default(),
        })
        .await
        .expect("planned");
    assert_eq!(plan.purpose, TxPurpose::Cancellation);
    assert_eq!(
        plan.transaction.to, ANVIL_ACCOUNTS[1].0,
        "to the sender itself"
    );
    assert_eq!(
        (
            plan.transaction.value_wei.as_str(),
            plan.transaction.gas_limit
        ),
        ("0", 21_000)
    );
    let stuck_fees = wallet.app.transaction(&stuck.id).expect("kept");
    assert_eq!(plan.transaction.nonce, stuck_fees.nonce);

    let done = replace_and_mine(&anvil, &wallet, &plan).await;
    assert_eq!(
        (done.purpose, done.status),
        (TxPurpose::Cancellation, TxStatus::Confirmed)
    );
    assert_eq!(
        wallet.app.transaction(&stuck.id).expect("kept").status,
        TxStatus::Replaced
    );
    assert_eq!(
        anvil.call_word(sale, "owed(address)", Some(wallet.address)),
        U256::ZERO,
        "the contribution never happened"
    );
    assert_eq!(anvil.nonce(ANVIL_ACCOUNTS[1].0), 1, "one transaction mined");
    assert!(wallet.entries().is_empty());
    assert_eq!(wallet.state(), state_before);
}

/// The account's coins at the latest block, in wei.
fn coins_of(anvil: &Anvil, address: Address) -> U256 {
    let answer = anvil.rpc(
        "eth_getBalance",
        serde_json::json!([address.to_checksum(None), "latest"]),
    );
    let hex = answer.as_str().expect("a quantity");
    U256::from_str_radix(hex.trim_start_matches("0x"), 16).expect("hex")
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn a_refund_held_by_a_separate_escrow_is_recorded_as_measured_and_claimed_once() {
    let anvil = Anvil::start();
    // The escrow keeps 5 % of each refund: the ledger must say 0.95, not 1.
    let sale = anvil.deploy_escrowed_sale(eth(5), chain_now() + 10 * 86_400, 500);
    let escrow = address_of(anvil.call_word(sale, "escrow()", None));
    let token = project_token(&anvil);
    let mut wallet = wallet(&anvil, sale, (-1, 10), token);
    wallet.add_action(
        "Contribute",
        ActionPurpose::Contribute,
        None,
        "contribute()",
        &[],
    );
    let finalize = wallet.add_action("Finalize", ActionPurpose::Other, None, "finalize()", &[]);
    let refund = wallet.add_action(
        "Claim refund",
        ActionPurpose::ClaimRefund,
        Some(escrow),
        "withdraw(address payee)",
        &["{account}"],
    );
    let plan = wallet
        .app
        .prepare_contribution(&ContributionInput {
            participation_id: wallet.participation,
            account_id: wallet.account,
            amount: "1".into(),
            fee_speed: Default::default(),
        })
        .await
        .expect("planned");
    assert_eq!(take(&wallet.app, &plan).await.status, TxStatus::Confirmed);
    assert_eq!(
        anvil.call_word(escrow, "depositsOf(address)", Some(wallet.address)),
        eth(1),
        "the escrow holds the contribution, not the sale"
    );

    // Before the sale is finalised the escrow refuses: the node's reason, nothing kept.
    let early = wallet
        .app
        .plan_action(&wallet.act(refund, &[]))
        .await
        .expect("planned, dry");
    assert!(early.draft_id.is_none());
    assert!(
        early
            .review
            .findings
            .iter()
            .any(|f| f.message.contains("refunds not open")),
        "{:?}",
        early.review.findings
    );

    anvil.advance_time(11 * 86_400);
    wallet.reopen(11);
    let finalized = take(
        &wallet.app,
        &wallet
            .app
            .prepare_action(&wallet.act(finalize, &[]))
            .await
            .expect("planned"),
    )
    .await;
    assert_eq!(finalized.status, TxStatus::Confirmed);

    let before = coins_of(&anvil, wallet.address);
    let plan = wallet
        .app
        .prepare_action(&wallet.act(refund, &[]))
        .await
        .expect("planned");
    assert_eq!(plan.purpose, TxPurpose::Refund);
    assert_eq!(
        plan.transaction.to,
        escrow.to_checksum(None),
        "the escrow is called"
    );
    let preview: Vec<String> = plan
        .preview
        .as_ref()
        .expect("the node simulated it")
        .iter()
        .map(|line| line.words.clone())
        .collect();
    assert_eq!(
        preview,
        ["Would get back 0.95 ETH"],
        "the escrow's fee shows before"
    );
    let refunded = take(&wallet.app, &plan).await;
    assert_eq!(refunded.status, TxStatus::Confirmed);
    let fee: U256 = refunded
        .fee_paid
        .as_ref()
        .expect("mined")
        .base_units
        .parse()
        .expect("wei");
    let paid_back = coins_of(&anvil, wallet.address) + fee - before;
    assert_eq!(
        paid_back,
        eth(1) * U256::from(95u64) / U256::from(100u64),
        "the escrow paid the contribution back, less its fee"
    );
    assert_eq!(
        anvil.call_word(escrow, "depositsOf(address)", Some(wallet.address)),
        U256::ZERO
    );
    let entries = wallet.entries();
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert_eq!(entries[1].0, "refund");
    assert_eq!(
        entries[1].1,
        paid_back.to_string(),
        "the refund is what the chain paid, measured, not what was contributed"
    );
    assert_eq!(entries[1].2, refunded.hash.clone().expect("a hash"));
    assert_eq!(wallet.state(), ParticipationState::Refunded);
    let effects = refunded.effects.clone().expect("the effects read");
    assert!(
        effects
            .moved
            .iter()
            .any(|e| e.words.starts_with("Got back 0.95 ETH")),
        "{effects:?}"
    );

    // Refunded: a second claim is reviewed as blocked, and nothing is signed without a
    // reason.
    let again = wallet
        .app
        .prepare_action(&wallet.act(refund, &[]))
        .await
        .expect("planned");
    let codes: Vec<&str> = again
        .review
        .findings
        .iter()
        .map(|f| f.code.as_str())
        .collect();
    assert!(codes.contains(&"refund_already_paid"), "{codes:?}");
    assert!(codes.contains(&"participation_closed"), "{codes:?}");
    let draft = again
        .draft_id
        .clone()
        .expect("kept: the escrow does not revert");
    let nonce = anvil.nonce(&wallet.address.to_checksum(None));
    let refused = wallet
        .app
        .send_transaction(&draft, None, &quiet, std::future::pending())
        .await
        .expect_err("blocked");
    assert_eq!(refused.code, ErrorCode::ReviewBlocked);
    assert_eq!(
        anvil.nonce(&wallet.address.to_checksum(None)),
        nonce,
        "nothing sent"
    );

    // Sent anyway, with a reason: the escrow pays nothing, so nothing is recorded and the
    // participation stays where it is.
    let sent = wallet
        .app
        .send_transaction(
            &draft,
            Some("the project says refunds are paid in two parts"),
            &quiet,
            std::future::pending(),
        )
        .await
        .expect("sent");
    let empty = wallet
        .app
        .follow_transaction(
            &sent.id,
            Duration::from_millis(50),
            &quiet,
            std::future::pending(),
        )
        .await
        .expect("followed");
    assert_eq!(empty.status, TxStatus::Confirmed);
    assert_eq!(wallet.entries().len(), 2, "no second refund recorded");
    assert_eq!(wallet.state(), ParticipationState::Refunded);
    let effects = empty.effects.expect("the effects read");
    assert!(effects.moved.is_empty(), "{effects:?}");
    assert!(effects.remark.contains("no refund"), "{}", effects.remark);

    // The ledger as an older version wrote it: the refund inferred as everything
    // contributed, and a delivery read from a balance.
    let refund_hash = refunded.hash.clone().expect("a hash");
    {
        let db = rusqlite::Connection::open(wallet.dir.path().join("saleguard.sqlite3"))
            .expect("the data file");
        db.execute(
            "UPDATE ledger_entries SET amount_base_units = ?1 WHERE kind = 'refund'",
            [eth(1).to_string()],
        )
        .expect("the old refund");
        db.execute(
            "INSERT INTO ledger_entries (participation_id, kind, source, happened_at, asset,
                 decimals, amount_base_units, reference, recorded_at)
             VALUES (?1, 'distribution', 'signed', 1800000000, 'SALE', 18, '5', 'balanceOf at block 9', 1800000000)",
            [wallet.participation],
        )
        .expect("the old delivery");
    }
    let repair = wallet
        .app
        .plan_repair(wallet.participation)
        .await
        .expect("read again");
    assert_eq!(
        repair.transactions_read, 4,
        "contribution, finalize and two refund claims"
    );
    let found: Vec<(&str, &str, Option<&str>, Option<&str>)> = repair
        .corrections
        .iter()
        .map(|c| {
            (
                c.action.as_str(),
                c.kind.as_str(),
                c.recorded.as_ref().map(|a| a.decimal.as_str()),
                c.proved.as_ref().map(|a| a.decimal.as_str()),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("remove", "distribution", Some("0.000000000000000005"), None),
            ("amend", "refund", Some("1"), Some("0.95")),
        ]
    );
    assert_eq!(repair.corrections[1].reference, refund_hash);
    assert_eq!(
        wallet.entries().len(),
        3,
        "nothing changed before the user confirms"
    );
    let stale = [repair.corrections[1].clone()];
    assert_eq!(
        wallet
            .app
            .apply_repair(wallet.participation, &stale)
            .await
            .expect_err("not what is found now")
            .code,
        ErrorCode::ReviewOutdated
    );
    let repaired = wallet
        .app
        .apply_repair(wallet.participation, &repair.corrections)
        .await
        .expect("corrected");
    let amounts: Vec<(String, String)> = entries_of(&wallet.app, repaired.id)
        .iter()
        .map(|e| (e.kind.clone(), e.amount.base_units.clone()))
        .collect();
    assert_eq!(
        amounts,
        [
            ("contribution".to_owned(), eth(1).to_string()),
            ("refund".to_owned(), paid_back.to_string())
        ]
    );
    let note = &repaired.history.last().expect("a note").note;
    assert!(
        note.contains("was 1 ETH, now 0.95 ETH"),
        "the old value kept: {note}"
    );
    assert_eq!(repaired.state, ParticipationState::Refunded);
    let again = wallet
        .app
        .plan_repair(wallet.participation)
        .await
        .expect("read again");
    assert!(again.corrections.is_empty(), "{:?}", again.corrections);
}
