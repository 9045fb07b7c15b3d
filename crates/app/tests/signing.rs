//! Signing, sending and following contributions and refunds on a real local chain
//! (Anvil with the sale contract from tests/contracts), with the account's key in a real
//! GNOME Keyring and a real SQLite file. Each scenario checks the database afterwards as
//! well as the chain.
//!
//! The keyring is chosen through the process environment (the session bus), so the
//! scenarios run in a child test process started inside a private keyring session by
//! `signing_scenarios_run_against_a_real_keyring`.

use crate::common;

use common::{
    chain_sale_draft, eth, sale_contract_and_budget, start_on_chain, wall_clock_now as now,
};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use saleguard_app::accounts::dto::{AddWatchOnly, ImportPrivateKey};
use saleguard_app::chain::networks::NetworkInput;
use saleguard_app::chain::plans::{ContributionInput, FeeSpeed, RefundInput, TransactionPlan};
use saleguard_app::chain::transactions::{TransactionView, TxProgress, TxStatus};
use saleguard_app::participations::ParticipationState;
use saleguard_app::review::Severity;
use saleguard_app::{AppError, DataPaths, ErrorCode, FixedClock, Saleguard, UtcTimestamp};
use saleguard_core::U256;
use saleguard_core::network::NETWORK_PRESETS;
use saleguard_testkit::{ANVIL_ACCOUNTS, Anvil};
use saleguard_vault::{AccountSecret, Keyring, KeyringNamespace, SecretString};

#[test]
fn signing_scenarios_run_against_a_real_keyring() {
    let keyring = saleguard_testkit::KeyringSession::start();
    common::run_ignored_in(&keyring, &["signing::"], 13);
}

struct Chain {
    anvil: Anvil,
    sale: saleguard_core::Address,
}

/// A node with a sale: rate 1000, soft cap 5 ETH, hard cap 10 ETH, ten days to go.
fn chain() -> Chain {
    common::require_keyring_session("signing_scenarios_run_against_a_real_keyring");
    let anvil = Anvil::start();
    let deadline = u64::try_from(now().unix_seconds()).expect("after 1970") + 10 * 86_400;
    let sale = anvil.deploy_token_sale(eth(5), eth(10), deadline);
    Chain { anvil, sale }
}

struct Wallet {
    dir: tempfile::TempDir,
    app: Saleguard,
    sale: i64,
    participation: i64,
    account: i64,
}

fn open(dir: &std::path::Path, at: UtcTimestamp) -> Saleguard {
    Saleguard::start(DataPaths::at(dir), Arc::new(FixedClock(at)))
}

/// The sale as the user keeps it (its terms, the network with `confirmations`, the
/// contract terms with the token), a participation, a budget of 20 ETH for the year,
/// and Anvil's second account imported into the keyring.
fn wallet(chain: &Chain, confirmations: u32) -> Wallet {
    let wallet = wallet_for(chain, confirmations, chain_sale_draft(chain.sale));
    sale_contract_and_budget(&wallet.app, &chain.anvil, wallet.sale, chain.sale);
    wallet
}

/// A sale made of `draft` in a fresh data folder, the network with `confirmations`, a
/// participation, and Anvil's second account imported into the keyring.
fn wallet_for(chain: &Chain, confirmations: u32, draft: saleguard_app::SaleDraft) -> Wallet {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = open(dir.path(), now());
    let (sale, participation) = start_on_chain(&app, &chain.anvil.url(), draft, confirmations);
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
    }
}

fn contribution(wallet: &Wallet, amount: &str) -> ContributionInput {
    ContributionInput {
        participation_id: wallet.participation,
        account_id: wallet.account,
        amount: amount.into(),
        fee_speed: FeeSpeed::Normal,
    }
}

fn quiet(_: TxProgress) {}

async fn prepare(wallet: &Wallet, amount: &str) -> TransactionPlan {
    wallet
        .app
        .prepare_contribution(&contribution(wallet, amount))
        .await
        .expect("planned")
}

async fn send(
    wallet: &Wallet,
    draft: &str,
    reason: Option<&str>,
) -> Result<TransactionView, AppError> {
    wallet
        .app
        .send_transaction(draft, reason, &quiet, std::future::pending())
        .await
}

async fn follow(app: &Saleguard, id: &str) -> TransactionView {
    app.follow_transaction(
        id,
        Duration::from_millis(50),
        &quiet,
        std::future::pending(),
    )
    .await
    .expect("followed")
}

fn statuses(view: &TransactionView) -> Vec<TxStatus> {
    view.events.iter().map(|e| e.status).collect()
}

fn entries_of(app: &Saleguard, participation: i64) -> Vec<(String, String, String)> {
    common::entries_of(app, participation)
        .into_iter()
        .map(|e| (e.kind, e.source, e.amount.decimal))
        .collect()
}

fn committed(app: &Saleguard) -> String {
    app.budgets().expect("budgets")[0].committed.clone()
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn a_reviewed_contribution_is_signed_mined_confirmed_and_recorded() {
    let chain = chain();
    let wallet = wallet(&chain, 1);
    let plan = prepare(&wallet, "1.5").await;
    assert_ne!(plan.review.verdict, saleguard_app::review::Verdict::Blocked);
    assert_eq!(
        plan.transaction.device_prompt, None,
        "a software account has no device to compare with"
    );
    let draft = plan.draft_id.expect("a draft to sign");
    assert_eq!(
        wallet.app.explorer_link(&draft).expect_err("not sent").code,
        saleguard_app::ErrorCode::NoExplorer
    );

    let seen = std::sync::Mutex::new(Vec::new());
    let record = |step: TxProgress| seen.lock().expect("lock").push(step);
    let sent = wallet
        .app
        .send_transaction(&draft, None, &record, std::future::pending())
        .await
        .expect("sent");
    assert_eq!(sent.status, TxStatus::Sent);
    let hash = sent.hash.clone().expect("a hash");
    let steps = seen.lock().expect("lock").clone();
    assert_eq!(steps[0], TxProgress::Reviewing);
    assert!(steps.contains(&TxProgress::LoadingKey), "{steps:?}");
    assert!(
        steps.contains(&TxProgress::Sent { hash: hash.clone() }),
        "{steps:?}"
    );

    let done = follow(&wallet.app, &draft).await;
    assert_eq!(done.status, TxStatus::Confirmed);
    assert_eq!(
        statuses(&done),
        [
            TxStatus::Planned,
            TxStatus::Signed,
            TxStatus::Sent,
            TxStatus::Confirmed
        ]
    );
    assert!(done.block_number.is_some());

    // On chain: one transaction from the account, the contribution and the tokens.
    let from = ANVIL_ACCOUNTS[1].0.parse().expect("address");
    assert_eq!(chain.anvil.nonce(ANVIL_ACCOUNTS[1].0), 1);
    assert_eq!(
        chain
            .anvil
            .call_word(chain.sale, "contributions(address)", Some(from)),
        eth(3) / U256::from(2u64)
    );
    // In the database: the contribution with its hash, the distribution read from
    // balanceOf, the participation moved on, the budget committed.
    let participation = wallet
        .app
        .participation(wallet.participation)
        .expect("read");
    assert_eq!(participation.state, ParticipationState::Contributed);
    assert!(
        participation
            .history
            .last()
            .expect("a step")
            .note
            .contains(&hash)
    );
    assert_eq!(
        entries_of(&wallet.app, wallet.participation),
        [
            (
                "contribution".to_owned(),
                "signed".to_owned(),
                "1.5".to_owned()
            ),
            (
                "distribution".to_owned(),
                "signed".to_owned(),
                "1500".to_owned()
            ),
        ]
    );
    assert_eq!(
        common::entries_of(&wallet.app, wallet.participation)[0].reference,
        hash
    );
    assert_eq!(committed(&wallet.app), "1.5");

    // The network fee, from the receipt, is recorded and is part of what the tokens cost.
    let receipt = chain
        .anvil
        .rpc("eth_getTransactionReceipt", serde_json::json!([hash]));
    let word = |name: &str| {
        U256::from_str_radix(
            receipt[name]
                .as_str()
                .expect("a quantity")
                .trim_start_matches("0x"),
            16,
        )
        .expect("hex")
    };
    let fee = word("gasUsed") * word("effectiveGasPrice");
    assert!(!fee.is_zero());
    let fee_paid = done.fee_paid.clone().expect("the fee paid");
    assert_eq!(
        (fee_paid.base_units, fee_paid.symbol),
        (fee.to_string(), "ETH".to_owned())
    );
    let outcome = wallet.app.portfolio().expect("portfolio").sales.remove(0);
    let paid = saleguard_core::Decimal::from_str(&saleguard_core::amount::format_amount(
        eth(3) / U256::from(2u64) + fee,
        18,
    ))
    .expect("decimal")
    .round_dp(8)
    .normalize()
    .to_string();
    assert_eq!(outcome.paid, Some(paid), "1.5 ETH and the gas, in ETH");

    // The explorer page: none until the network has an explorer, then the hash's.
    assert_eq!(
        wallet
            .app
            .explorer_link(&draft)
            .expect_err("no explorer")
            .code,
        saleguard_app::ErrorCode::NoExplorer
    );
    wallet
        .app
        .save_network(&NetworkInput {
            rpc_url: chain.anvil.url(),
            explorer_url: "https://explorer.example/".into(),
            ..NETWORK_PRESETS[2].to_draft()
        })
        .expect("explorer added");
    assert_eq!(
        wallet.app.explorer_link(&draft).expect("a page"),
        format!("https://explorer.example/tx/{hash}")
    );

    // Sending a settled draft again changes nothing.
    let again = send(&wallet, &draft, None).await.expect("the same state");
    assert_eq!(again.status, TxStatus::Confirmed);
    assert_eq!(chain.anvil.nonce(ANVIL_ACCOUNTS[1].0), 1);
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn a_contribution_past_the_hard_cap_is_blocked_and_never_kept() {
    let chain = chain();
    let wallet = wallet(&chain, 1);
    let plan = prepare(&wallet, "11").await;
    assert_eq!(plan.review.verdict, saleguard_app::review::Verdict::Blocked);
    assert!(
        plan.review
            .findings
            .iter()
            .any(|f| f.code == "would_revert" && f.message.contains("hard cap"))
    );
    assert_eq!(plan.draft_id, None, "a call that fails is not a draft");
    assert_eq!(
        wallet
            .app
            .transactions_of(wallet.participation)
            .expect("list"),
        []
    );
    assert_eq!(chain.anvil.nonce(ANVIL_ACCOUNTS[1].0), 0);
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn a_sale_under_its_soft_cap_refunds_and_the_budget_gets_the_amount_back() {
    let chain = chain();
    let wallet = wallet(&chain, 1);
    let draft = prepare(&wallet, "1").await.draft_id.expect("draft");
    send(&wallet, &draft, None).await.expect("sent");
    assert_eq!(
        follow(&wallet.app, &draft).await.status,
        TxStatus::Confirmed
    );
    assert_eq!(committed(&wallet.app), "1");

    // Before the deadline the contract refuses a refund: the review says why.
    let refund = RefundInput {
        participation_id: wallet.participation,
        account_id: wallet.account,
        fee_speed: FeeSpeed::Normal,
    };
    let early = wallet.app.prepare_refund(&refund).await.expect("planned");
    assert!(
        early
            .review
            .findings
            .iter()
            .any(|f| f.message.contains("sale not ended"))
    );
    assert_eq!(early.draft_id, None);

    chain.anvil.advance_time(11 * 86_400);
    let plan = wallet.app.prepare_refund(&refund).await.expect("planned");
    assert_eq!(
        plan.transaction.decoded_call.as_deref(),
        Some("claimRefund()")
    );
    let refund_draft = plan.draft_id.expect("draft");
    send(&wallet, &refund_draft, None).await.expect("sent");
    let done = follow(&wallet.app, &refund_draft).await;
    assert_eq!(done.status, TxStatus::Confirmed);

    let participation = wallet
        .app
        .participation(wallet.participation)
        .expect("read");
    assert_eq!(participation.state, ParticipationState::Refunded);
    let states: Vec<ParticipationState> = participation.history.iter().map(|s| s.to).collect();
    assert_eq!(
        states[states.len() - 3..],
        [
            ParticipationState::SoftCapMissed,
            ParticipationState::RefundDue,
            ParticipationState::Refunded
        ]
    );
    let entries = entries_of(&wallet.app, wallet.participation);
    assert!(
        entries.contains(&("refund".to_owned(), "signed".to_owned(), "1".to_owned())),
        "{entries:?}"
    );
    let refund = common::entries_of(&wallet.app, wallet.participation)
        .into_iter()
        .find(|e| e.kind == "refund")
        .expect("the refund");
    assert_eq!(
        (refund.from.as_str(), refund.to.as_str()),
        (chain.sale.to_checksum(None).as_str(), ANVIL_ACCOUNTS[1].0),
        "from the sale back to the account"
    );
    assert_eq!(
        committed(&wallet.app),
        "0",
        "the refund gives the budget its amount back"
    );
    let from = ANVIL_ACCOUNTS[1].0.parse().expect("address");
    assert_eq!(
        chain
            .anvil
            .call_word(chain.sale, "contributions(address)", Some(from)),
        U256::ZERO
    );
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn a_node_serving_another_chain_signs_nothing() {
    let chain = chain();
    let wallet = wallet(&chain, 1);
    let draft = prepare(&wallet, "1").await.draft_id.expect("draft");
    // The network now points at a node of another chain.
    let other = Anvil::start_with_chain_id(5);
    wallet
        .app
        .save_network(&NetworkInput {
            rpc_url: other.url(),
            ..wallet.app.network_draft(31_337).expect("saved")
        })
        .expect("changed");
    let error = send(&wallet, &draft, None).await.expect_err("refused");
    assert_eq!(error.code, ErrorCode::WrongChain);
    let view = wallet.app.transaction(&draft).expect("kept");
    assert_eq!(view.status, TxStatus::Planned, "nothing signed");
    assert_eq!(view.hash, None);
    assert_eq!(chain.anvil.nonce(ANVIL_ACCOUNTS[1].0), 0);
    assert_eq!(other.nonce(ANVIL_ACCOUNTS[1].0), 0);
}

/// A software key is not recovered after it signs: the signer derives its address from
/// the key the keyring gives and refuses one that is not the account's, before signing.
#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn a_keyring_key_of_another_address_signs_nothing() {
    let chain = chain();
    let wallet = wallet(&chain, 1);
    let draft = prepare(&wallet, "1").await.draft_id.expect("draft");
    // Someone replaced the account's keyring item with another key.
    let reference: String = rusqlite::Connection::open(DataPaths::at(wallet.dir.path()).database())
        .expect("the database")
        .query_row(
            "SELECT secret_ref FROM accounts WHERE id = ?1",
            [wallet.account],
            |row| row.get(0),
        )
        .expect("the account's keyring reference");
    let other =
        AccountSecret::private_key(&SecretString::from(ANVIL_ACCOUNTS[2].1)).expect("a key");
    Keyring::new(KeyringNamespace::for_this_build())
        .store_secret(&reference, "replaced", &other)
        .expect("replaced");
    let error = send(&wallet, &draft, None).await.expect_err("refused");
    assert_eq!(error.code, ErrorCode::SigningFailed);
    assert!(
        error.message.contains("belongs to another address"),
        "{}",
        error.message
    );
    let view = wallet.app.transaction(&draft).expect("kept");
    assert_eq!(view.status, TxStatus::Planned, "nothing signed");
    assert_eq!(view.hash, None);
    for (address, _) in &ANVIL_ACCOUNTS[1..3] {
        assert_eq!(chain.anvil.nonce(address), 0, "nothing sent from {address}");
    }
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn a_double_submission_of_one_draft_sends_one_transaction() {
    let chain = chain();
    let wallet = wallet(&chain, 1);
    let draft = prepare(&wallet, "1").await.draft_id.expect("draft");
    let (first, second) = tokio::join!(send(&wallet, &draft, None), send(&wallet, &draft, None));
    let (first, second) = (first.expect("first"), second.expect("second"));
    assert_eq!(first.hash, second.hash, "both name the one transaction");
    let done = follow(&wallet.app, &draft).await;
    assert_eq!(done.status, TxStatus::Confirmed);
    assert_eq!(
        statuses(&done)
            .iter()
            .filter(|s| **s == TxStatus::Signed)
            .count(),
        1
    );
    assert_eq!(
        chain.anvil.nonce(ANVIL_ACCOUNTS[1].0),
        1,
        "one transaction on chain"
    );
    assert_eq!(committed(&wallet.app), "1", "counted once");
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn a_watch_interrupted_by_a_crash_is_picked_up_and_recorded_after_a_restart() {
    let chain = chain();
    let wallet = wallet(&chain, 3);
    let draft = prepare(&wallet, "2").await.draft_id.expect("draft");
    send(&wallet, &draft, None).await.expect("sent");
    // One look: mined, one confirmation of three. Then the app is gone.
    let seen = std::sync::Mutex::new(Vec::new());
    let record = |step: TxProgress| seen.lock().expect("lock").push(step);
    let cancel = async {
        while !seen
            .lock()
            .expect("lock")
            .iter()
            .any(|s| matches!(s, TxProgress::Mined { .. }))
        {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    let interrupted = wallet
        .app
        .follow_transaction(&draft, Duration::from_millis(50), &record, cancel)
        .await
        .expect("interrupted");
    assert_eq!(interrupted.status, TxStatus::Mined);
    let Wallet {
        dir,
        app,
        participation,
        ..
    } = wallet;
    drop(app);

    chain.anvil.mine(3);
    let restarted = open(dir.path(), now());
    assert_eq!(
        restarted.transactions_in_flight().expect("in flight"),
        std::slice::from_ref(&draft)
    );
    let done = follow(&restarted, &draft).await;
    assert_eq!(done.status, TxStatus::Confirmed);
    assert_eq!(
        restarted.transactions_in_flight().expect("none left"),
        Vec::<String>::new()
    );
    assert_eq!(
        entries_of(&restarted, participation)[0],
        (
            "contribution".to_owned(),
            "signed".to_owned(),
            "2".to_owned()
        )
    );
    assert_eq!(
        restarted.participation(participation).expect("read").state,
        ParticipationState::Contributed
    );
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn what_blocks_needs_a_reason_and_a_watch_only_account_cannot_sign() {
    let chain = chain();
    let wallet = wallet(&chain, 1);
    // The user's clock says the sale has not opened yet (its terms start tomorrow),
    // while the contract already accepts: a block that a reason may override.
    let later = wallet.app.sale_draft(1).expect("draft");
    wallet
        .app
        .update_sale(
            1,
            saleguard_app::SaleDraft {
                starts_at: now().add_days(1).expect("t").to_form_text(),
                ..later
            },
        )
        .expect("updated");
    let draft = prepare(&wallet, "1").await.draft_id.expect("draft");
    let error = send(&wallet, &draft, None).await.expect_err("blocked");
    assert_eq!(error.code, ErrorCode::ReviewBlocked);
    assert!(error.message.contains("opens on"), "{}", error.message);
    let error = send(&wallet, &draft, Some("too short"))
        .await
        .expect_err("reason refused");
    assert_eq!(error.code, ErrorCode::TooShort);
    assert_eq!(
        wallet.app.transaction(&draft).expect("kept").status,
        TxStatus::Planned
    );
    let sent = send(
        &wallet,
        &draft,
        Some("the team opened the sale early on its blog"),
    )
    .await
    .expect("overridden");
    assert_eq!(sent.status, TxStatus::Sent);
    let history = wallet.app.review_overrides(Some(1)).expect("history");
    assert_eq!(history.len(), 1);
    assert_eq!(
        history[0].reason,
        "the team opened the sale early on its blog"
    );

    let watcher = wallet
        .app
        .add_watch_only_account(&AddWatchOnly {
            label: "Watched".into(),
            address: ANVIL_ACCOUNTS[2].0.into(),
        })
        .expect("watch-only")
        .id;
    let plan = wallet
        .app
        .prepare_contribution(&ContributionInput {
            account_id: watcher,
            ..contribution(&wallet, "1")
        })
        .await
        .expect("planned");
    let watched_draft = plan.draft_id.expect("draft");
    let error = send(
        &wallet,
        &watched_draft,
        Some("the team opened the sale early on its blog"),
    )
    .await
    .expect_err("no key");
    assert_eq!(error.code, ErrorCode::NoSecret);
    assert_eq!(
        wallet.app.transaction(&watched_draft).expect("kept").status,
        TxStatus::Planned
    );
    assert_eq!(chain.anvil.nonce(ANVIL_ACCOUNTS[2].0), 0);
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn a_draft_whose_nonce_moved_must_be_reviewed_again() {
    let chain = chain();
    let wallet = wallet(&chain, 1);
    let first = prepare(&wallet, "1").await.draft_id.expect("draft");
    let second = prepare(&wallet, "1").await.draft_id.expect("draft");
    send(&wallet, &first, None).await.expect("sent");
    follow(&wallet.app, &first).await;
    let error = send(&wallet, &second, None).await.expect_err("stale");
    assert_eq!(error.code, ErrorCode::ReviewOutdated);
    assert_eq!(
        wallet.app.transaction(&second).expect("kept").status,
        TxStatus::Planned
    );
    assert_eq!(chain.anvil.nonce(ANVIL_ACCOUNTS[1].0), 1);
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn a_transaction_that_reverts_when_mined_is_recorded_as_failed_with_its_reason() {
    let chain = chain();
    let wallet = wallet(&chain, 1);
    // Blocks are mined by hand: the contribution is sent while the sale is open, and
    // its block comes after the deadline, so it reverts there.
    chain
        .anvil
        .rpc("evm_setAutomine", serde_json::json!([false]));
    let draft = prepare(&wallet, "1").await.draft_id.expect("draft");
    send(&wallet, &draft, None).await.expect("sent");
    chain.anvil.advance_time(11 * 86_400);
    let failed = follow(&wallet.app, &draft).await;
    assert_eq!(failed.status, TxStatus::Failed);
    assert!(failed.failure.contains("sale ended"), "{}", failed.failure);
    assert!(failed.block_number.is_some());
    assert_eq!(
        entries_of(&wallet.app, wallet.participation),
        [],
        "a failed contribution counts for nothing"
    );
    assert_eq!(committed(&wallet.app), "0");
    assert_eq!(
        wallet
            .app
            .participation(wallet.participation)
            .expect("read")
            .state,
        ParticipationState::Registered
    );
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn dropped_and_replaced_transactions_are_told_apart_and_count_for_nothing() {
    let chain = chain();
    let wallet = wallet(&chain, 1);
    chain
        .anvil
        .rpc("evm_setAutomine", serde_json::json!([false]));
    let dropped = prepare(&wallet, "1").await.draft_id.expect("draft");
    let sent = send(&wallet, &dropped, None).await.expect("sent");
    chain.anvil.rpc(
        "anvil_dropTransaction",
        serde_json::json!([sent.hash.clone().expect("hash")]),
    );
    let view = follow(&wallet.app, &dropped).await;
    assert_eq!(view.status, TxStatus::Dropped);

    // Another transaction takes the nonce of a sent one: the sent one is replaced.
    let replaced = prepare(&wallet, "1").await.draft_id.expect("draft");
    let sent = send(&wallet, &replaced, None).await.expect("sent");
    chain.anvil.rpc(
        "anvil_dropTransaction",
        serde_json::json!([sent.hash.clone().expect("hash")]),
    );
    chain.anvil.rpc(
        "eth_sendTransaction",
        serde_json::json!([{
            "from": ANVIL_ACCOUNTS[1].0,
            "to": ANVIL_ACCOUNTS[2].0,
            "value": "0x1",
            "nonce": "0x0",
        }]),
    );
    chain.anvil.mine(1);
    let view = follow(&wallet.app, &replaced).await;
    assert_eq!(view.status, TxStatus::Replaced);
    assert_eq!(entries_of(&wallet.app, wallet.participation), []);
    assert_eq!(
        wallet
            .app
            .participation(wallet.participation)
            .expect("read")
            .state,
        ParticipationState::Registered
    );
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn a_contribution_paid_in_a_token_transfers_the_token_and_is_recorded() {
    let chain = chain();
    let holder: saleguard_core::Address = ANVIL_ACCOUNTS[1].0.parse().expect("address");
    let project: saleguard_core::Address = ANVIL_ACCOUNTS[2].0.parse().expect("address");
    let tusd = |whole: u64| U256::from(whole) * U256::from(1_000_000u64);
    let token = chain.anvil.deploy_payment_token(holder, tusd(1000));
    let erc20 = saleguard_core::fixtures::erc20_sale_draft("Token Paid Sale");
    let wallet = wallet_for(
        &chain,
        1,
        saleguard_app::SaleDraft {
            currency_kind: erc20.currency_kind,
            currency_symbol: "TUSD".into(),
            currency_address: token.to_checksum(None),
            currency_decimals: erc20.currency_decimals,
            pricing_kind: erc20.pricing_kind,
            pricing_amount: erc20.pricing_amount,
            soft_cap: "10000".into(),
            hard_cap: "50000".into(),
            ..chain_sale_draft(project)
        },
    );

    // More than the account holds: blocked by the token balance, nothing kept.
    let short = wallet
        .app
        .prepare_contribution(&contribution(&wallet, "1000.5"))
        .await
        .expect("planned");
    assert!(
        short
            .review
            .findings
            .iter()
            .any(|f| f.code == "insufficient_funds" && f.severity == Severity::Block),
        "{:?}",
        short.review.findings
    );
    assert_eq!(short.draft_id, None, "the transfer would revert");

    let plan = prepare(&wallet, "250.5").await;
    let summary = &plan.transaction;
    assert_eq!(summary.to, token.to_checksum(None), "sent to the token");
    assert_eq!(summary.sale_address, project.to_checksum(None));
    assert_eq!(summary.value_wei, "0");
    assert_eq!(summary.amount, "250.5 TUSD");
    assert_eq!(
        summary.decoded_call.as_deref(),
        Some(format!("transfer({}, 250.5 TUSD)", project.to_checksum(None)).as_str())
    );
    let draft = plan.draft_id.expect("a draft to sign");
    send(&wallet, &draft, None).await.expect("sent");
    let done = follow(&wallet.app, &draft).await;
    assert_eq!(done.status, TxStatus::Confirmed, "{:?}", done.failure);

    // On chain: the project holds the tokens, the account the rest, no coins moved.
    let balance = |owner| {
        chain
            .anvil
            .call_word(token, "balanceOf(address)", Some(owner))
    };
    assert_eq!(balance(project), U256::from(250_500_000u64));
    assert_eq!(balance(holder), tusd(1000) - U256::from(250_500_000u64));
    // In the database: the contribution in TUSD, the participation moved on.
    let participation = wallet
        .app
        .participation(wallet.participation)
        .expect("read");
    assert_eq!(participation.state, ParticipationState::Contributed);
    assert_eq!(
        entries_of(&wallet.app, wallet.participation),
        [(
            "contribution".to_owned(),
            "signed".to_owned(),
            "250.5".to_owned()
        )]
    );
    let entry = &common::entries_of(&wallet.app, wallet.participation)[0];
    assert_eq!(entry.amount.symbol, "TUSD");
    assert_eq!(
        (entry.from.as_str(), entry.to.as_str()),
        (ANVIL_ACCOUNTS[1].0, project.to_checksum(None).as_str()),
        "from the account to the project, not to the token contract"
    );
}

/// Every file under `dir` (database, WAL, logs), with its bytes.
fn files_under(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            found.extend(files_under(&path));
        } else {
            let bytes = std::fs::read(&path).expect("readable");
            found.push((path, bytes));
        }
    }
    found
}

/// The Saleguard items of this keyring, as libsecret's own client lists them.
fn keyring_items() -> String {
    let output = std::process::Command::new("secret-tool")
        .args([
            "search",
            "--all",
            "--unlock",
            "service",
            "com.saleguard.desktop.development",
        ])
        .output()
        .expect("secret-tool");
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[tokio::test]
#[ignore = "runs inside a keyring session"]
async fn an_rpc_url_with_an_api_key_is_kept_in_the_keyring_and_never_in_the_database() {
    let chain = chain();
    let wallet = wallet(&chain, 1);
    let with_key = |url: String| NetworkInput {
        rpc_url: url,
        ..NETWORK_PRESETS[2].to_draft()
    };
    let secret_url = format!("{}/?apikey=SECRET-API-KEY", chain.anvil.url());
    let saved = wallet
        .app
        .save_network(&with_key(secret_url.clone()))
        .expect("saved");
    assert!(saved.rpc_url_in_keyring);
    let short = format!("{}/", chain.anvil.url());
    assert_eq!(saved.rpc_url.as_deref(), Some(short.as_str()));
    assert!(keyring_items().contains("rpc-url-"), "{}", keyring_items());

    // The node is reached with the URL from the keyring.
    let plan = prepare(&wallet, "1").await;
    assert!(plan.draft_id.is_some());
    // Nowhere on disk, nor in an export.
    for (path, bytes) in files_under(wallet.dir.path()) {
        assert!(
            !bytes.windows(14).any(|w| w == b"SECRET-API-KEY"),
            "{} holds the API key",
            path.display()
        );
    }
    let export = wallet.app.export_json().expect("export");
    assert!(!export.contains("SECRET-API-KEY"));

    // The edit form shows the short URL; saving it unchanged keeps the key.
    let draft = wallet.app.network_draft(31_337).expect("draft");
    assert_eq!(draft.rpc_url, short);
    assert!(
        wallet
            .app
            .save_network(&draft)
            .expect("saved")
            .rpc_url_in_keyring
    );
    prepare(&wallet, "1").await;

    // Another URL without a key replaces it, and the keyring entry goes.
    let plain = wallet
        .app
        .save_network(&with_key(
            chain.anvil.url().replace("127.0.0.1", "localhost"),
        ))
        .expect("saved");
    assert!(!plain.rpc_url_in_keyring);
    assert!(!keyring_items().contains("rpc-url-"), "{}", keyring_items());

    // An export keeps the keyring reference, never the URL; restored on this computer,
    // the node is reached again.
    wallet
        .app
        .save_network(&with_key(secret_url))
        .expect("saved");
    let export = wallet.app.export_json().expect("export");
    assert!(export.contains("rpc-url-") && !export.contains("SECRET-API-KEY"));
    let restored_dir = tempfile::tempdir().expect("temp dir");
    let restored = open(restored_dir.path(), now());
    restored.import_json(&export).expect("imported");
    let network = restored
        .networks()
        .expect("networks")
        .into_iter()
        .find(|n| n.chain_id == 31_337)
        .expect("the network");
    assert!(network.rpc_url_in_keyring);
    restored.check_network(31_337).await.expect("reached");

    // An entry gone from the keyring (a restore on another computer) is said plainly.
    let cleared = std::process::Command::new("secret-tool")
        .args(["clear", "service", "com.saleguard.desktop.development"])
        .status()
        .expect("secret-tool");
    assert!(cleared.success());
    let error = wallet
        .app
        .prepare_contribution(&contribution(&wallet, "1"))
        .await
        .expect_err("no URL to reach the node with");
    assert_eq!(error.code, ErrorCode::KeyringEntryMissing);
    assert!(
        error.message.contains("enter it again"),
        "{}",
        error.message
    );
    assert!(!error.message.contains("SECRET"), "{}", error.message);

    // An unreachable node is named without the key.
    let mut gone = Anvil::start();
    let gone_url = format!("{}/v3/SECRET-API-KEY", gone.url());
    gone.stop();
    wallet.app.save_network(&with_key(gone_url)).expect("saved");
    let error = wallet
        .app
        .prepare_contribution(&contribution(&wallet, "1"))
        .await
        .expect_err("unreachable");
    assert_eq!(error.code, ErrorCode::NodeUnreachable);
    assert!(!error.message.contains("SECRET"), "{}", error.message);
    assert!(
        error.message.contains("http://127.0.0.1:"),
        "{}",
        error.message
    );

    wallet.app.remove_network(31_337).expect("removed");
    assert!(!keyring_items().contains("rpc-url-"), "{}", keyring_items());
}
