//! Transactions of every action in a real SQLite file: what each took is kept and read
//! back exactly, and the migration that widened the table keeps every row and its
//! history.

use crate::common;

use saleguard_core::action::{ActionDraft, ActionPurpose, ArgumentValue, SaleAction};
use saleguard_core::fixtures::native_sale_draft;
use saleguard_core::participation::ParticipationState;
use saleguard_core::sale::{SaleId, SaleTerms};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::transaction::{TxPurpose, TxStatus};
use saleguard_core::{Address, Bytes, U256};
use saleguard_store::{
    LATEST_SCHEMA_VERSION, NewStep, PageRequest, ParticipationId, Store, TakenAction, TimeOrder,
    TransactionRecord,
};

fn now() -> UtcTimestamp {
    UtcTimestamp::from_unix_seconds(1_800_000_000).expect("valid")
}

fn action(terms: &SaleTerms, name: &str, purpose: ActionPurpose, signature: &str) -> SaleAction {
    let arguments = if signature.contains("address") {
        vec!["{account}".to_owned()]
    } else {
        Vec::new()
    };
    SaleAction::from_draft(
        &ActionDraft {
            name: name.to_owned(),
            purpose,
            contract: String::new(),
            contract_source: String::new(),
            signature: signature.to_owned(),
            arguments,
            claimable: String::new(),
        },
        terms,
    )
    .expect("valid")
}

/// A sale with a contribute, a refund and a token claim action, and a participation.
fn sale_with_actions(store: &mut Store) -> (SaleId, ParticipationId, Vec<i64>) {
    let terms = SaleTerms::from_draft(&native_sale_draft("Aurora")).expect("valid");
    let sale = store.insert_sale(&terms, now()).expect("sale").id;
    let ids = [
        ("Contribute", ActionPurpose::Contribute, "contribute()"),
        ("Claim refund", ActionPurpose::ClaimRefund, "claimRefund()"),
        (
            "Withdraw tokens",
            ActionPurpose::ClaimTokens,
            "withdrawTokens(address beneficiary)",
        ),
    ]
    .into_iter()
    .map(|(name, purpose, signature)| {
        store
            .insert_action(sale, &action(&terms, name, purpose, signature), now())
            .expect("action")
            .id
    })
    .collect();
    let participation = store
        .insert_participation(
            sale,
            &NewStep {
                to: ParticipationState::Registered,
                happened_at: now(),
                note: String::new(),
            },
            now(),
        )
        .expect("participation")
        .id;
    (sale, participation, ids)
}

fn record(
    id: char,
    participation: ParticipationId,
    purpose: TxPurpose,
    taken: TakenAction,
) -> TransactionRecord {
    TransactionRecord {
        id: id.to_string().repeat(32),
        participation_id: participation,
        purpose,
        account_id: None,
        chain_id: 31_337,
        from: Address::repeat_byte(0x11),
        to: Address::repeat_byte(0x22),
        value: U256::ZERO,
        amount: U256::from(5u64),
        input: Bytes::from_static(&[0xde, 0xad, 0xbe, 0xef]),
        nonce: u64::from(id as u8),
        gas_limit: 60_000,
        max_fee_per_gas: 2_000_000_000,
        max_priority_fee_per_gas: 1_000_000_000,
        signing_hash: format!("0x{}", "ab".repeat(32)),
        hash: None,
        raw: None,
        status: TxStatus::Planned,
        block_number: None,
        failure: String::new(),
        created_at: now(),
        updated_at: now(),
        fee_wei: None,
        taken,
        replaces: None,
    }
}

#[test]
fn what_a_transaction_took_is_kept_exactly_and_its_name_outlives_the_action() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("saleguard.sqlite3")).expect("store");
    let (_, participation, ids) = sale_with_actions(&mut store);
    let claim = record(
        'c',
        participation,
        TxPurpose::TokenClaim,
        TakenAction {
            action_id: Some(ids[2]),
            action_name: "Withdraw tokens".into(),
            token_amount: Some(U256::from(1_500u64)),
            arguments: vec![ArgumentValue {
                parameter: "beneficiary".into(),
                value: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".into(),
            }],
        },
    );
    store.insert_transaction(&claim).expect("kept");
    assert_eq!(store.transaction(&claim.id).expect("read"), claim);

    assert!(store.delete_action(ids[2]).expect("removed"));
    let kept = store.transaction(&claim.id).expect("read");
    assert_eq!(kept.taken.action_id, None, "the action is gone");
    assert_eq!(kept.taken.action_name, "Withdraw tokens", "its name stays");
    assert_eq!(kept.taken.arguments, claim.taken.arguments);
}

#[test]
fn a_version_16_file_keeps_every_transaction_and_its_history_linked_to_its_action() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saleguard.sqlite3");
    // The rows written by today's store into a scratch file, then copied into a
    // version-16 file as version 16 kept them (transactions had no action columns).
    let scratch = dir.path().join("scratch.sqlite3");
    let (participation, ids) = {
        let mut store = Store::open(&scratch).expect("scratch");
        let (_, participation, ids) = sale_with_actions(&mut store);
        for (id, purpose) in [('a', TxPurpose::Contribution), ('b', TxPurpose::Refund)] {
            store
                .insert_transaction(&record(id, participation, purpose, TakenAction::default()))
                .expect("transaction");
        }
        store
            .advance_transaction(
                &"a".repeat(32),
                TxStatus::Planned,
                TxStatus::Abandoned,
                None,
                "not confirmed",
                &Default::default(),
                now(),
            )
            .expect("abandoned");
        (participation, ids)
    };
    {
        let connection = common::file_at_version(&path, 16);
        connection
            .execute("ATTACH DATABASE ?1 AS scratch", [scratch.to_string_lossy()])
            .expect("attach");
        connection
            .execute_batch(
                "INSERT INTO main.sales SELECT * FROM scratch.sales;
                 INSERT INTO main.sale_actions SELECT id, sale_id, name, purpose, contract,
                     contract_source, signature, arguments, created_at, updated_at
                   FROM scratch.sale_actions;
                 INSERT INTO main.participations SELECT * FROM scratch.participations;
                 INSERT INTO main.participation_events SELECT * FROM scratch.participation_events;
                 INSERT INTO main.transactions SELECT id, participation_id, purpose, account_id,
                     chain_id, from_address, to_address, value_wei, amount, input, nonce,
                     gas_limit, max_fee_per_gas, max_priority_fee_per_gas, signing_hash, hash,
                     raw, status, block_number, failure, created_at, updated_at, fee_wei
                   FROM scratch.transactions;
                 INSERT INTO main.transaction_events SELECT * FROM scratch.transaction_events;",
            )
            .expect("version-16 rows");
    }
    let store = Store::open(&path).expect("migrated");
    let kept = store.transactions_of(participation).expect("read");
    let taken: Vec<(TxPurpose, Option<i64>, &str)> = kept
        .iter()
        .map(|t| (t.purpose, t.taken.action_id, t.taken.action_name.as_str()))
        .collect();
    assert_eq!(
        taken,
        [
            (TxPurpose::Contribution, Some(ids[0]), "Contribute"),
            (TxPurpose::Refund, Some(ids[1]), "Claim refund"),
        ]
    );
    assert!(
        kept.iter()
            .all(|t| t.taken.arguments.is_empty() && t.taken.token_amount.is_none())
    );
    let history: Vec<TxStatus> = store
        .transaction_events(&"a".repeat(32))
        .expect("history")
        .into_iter()
        .map(|event| event.status)
        .collect();
    assert_eq!(
        history,
        [TxStatus::Planned, TxStatus::Abandoned],
        "rebuilding the table dropped none of its history"
    );
    assert_eq!(
        store.schema_version().expect("version"),
        LATEST_SCHEMA_VERSION
    );
}

#[test]
fn a_participations_transactions_are_read_a_page_at_a_time_in_the_order_planned() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("saleguard.sqlite3")).expect("store");
    let (_, participation, _) = sale_with_actions(&mut store);
    let (_, other, _) = sale_with_actions(&mut store);
    let none = TakenAction {
        action_id: None,
        action_name: "Contribute".into(),
        token_amount: None,
        arguments: Vec::new(),
    };
    // Five planned in the same second, then one dated a minute earlier (written last),
    // and one of another participation between them.
    for id in ['e', 'b', 'd'] {
        let planned = record(id, participation, TxPurpose::Contribution, none.clone());
        store.insert_transaction(&planned).expect("kept");
    }
    let elsewhere = record('f', other, TxPurpose::Contribution, none.clone());
    store.insert_transaction(&elsewhere).expect("kept");
    for id in ['a', 'c'] {
        let planned = record(id, participation, TxPurpose::Contribution, none.clone());
        store.insert_transaction(&planned).expect("kept");
    }
    let mut earlier = record('9', participation, TxPurpose::Refund, none);
    earlier.created_at = UtcTimestamp::from_unix_seconds(1_800_000_000 - 60).expect("valid");
    store.insert_transaction(&earlier).expect("kept");
    let planned_order = ['9', 'e', 'b', 'd', 'a', 'c'].map(|id| id.to_string().repeat(32));

    let ids = |records: &[TransactionRecord]| -> Vec<String> {
        records.iter().map(|record| record.id.clone()).collect()
    };
    assert_eq!(
        ids(&store.transactions_of(participation).expect("all")),
        planned_order
    );
    let mut newest_first = Vec::new();
    for offset in [0, 4, 8] {
        let page = store
            .transactions_page(
                participation,
                TimeOrder::NewestFirst,
                PageRequest { offset, limit: 4 },
            )
            .expect("page");
        assert_eq!(page.total, 6, "this participation's only");
        newest_first.extend(ids(&page.rows));
    }
    let mut expected = planned_order.to_vec();
    expected.reverse();
    assert_eq!(newest_first, expected, "three pages, nothing twice");

    let mut walked = Vec::new();
    store
        .each_transaction::<saleguard_store::StoreError>(
            participation,
            TimeOrder::OldestFirst,
            |record| {
                walked.push(record.id);
                Ok(())
            },
        )
        .expect("walked");
    assert_eq!(walked, planned_order);

    let missing = store
        .transactions_page(
            ParticipationId(999),
            TimeOrder::NewestFirst,
            PageRequest {
                offset: 0,
                limit: 10,
            },
        )
        .expect("page");
    assert_eq!((missing.rows.len(), missing.total), (0, 0));
}
