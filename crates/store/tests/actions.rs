//! A sale's actions in a real SQLite file, and the migration that moved the contract
//! terms' contribution and refund functions into them.

use crate::common;

use saleguard_core::action::{ActionDraft, ActionPurpose, SaleAction};
use saleguard_core::fixtures::native_sale_draft;
use saleguard_core::sale::{SaleId, SaleTerms};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_store::{Store, StoreError};

fn now() -> UtcTimestamp {
    UtcTimestamp::from_unix_seconds(1_800_000_000).expect("valid")
}

fn action(
    terms: &SaleTerms,
    name: &str,
    purpose: ActionPurpose,
    signature: &str,
    arguments: &[&str],
) -> SaleAction {
    SaleAction::from_draft(
        &ActionDraft {
            name: name.to_owned(),
            purpose,
            contract: String::new(),
            contract_source: String::new(),
            signature: signature.to_owned(),
            arguments: arguments.iter().map(|a| (*a).to_owned()).collect(),
            claimable: String::new(),
        },
        terms,
    )
    .expect("valid")
}

#[test]
fn actions_are_kept_exactly_replaced_and_removed_with_their_sale() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("saleguard.sqlite3")).expect("store");
    let terms = SaleTerms::from_draft(&native_sale_draft("Aurora")).expect("valid");
    let sale = store.insert_sale(&terms, now()).expect("sale").id;
    assert!(store.actions(sale).expect("read").is_empty());

    let proof = "[0x1111111111111111111111111111111111111111111111111111111111111111]";
    let claim = action(
        &terms,
        "Claim from the distributor",
        ActionPurpose::Other,
        "claim(uint256 index, address account, uint256 amount, bytes32[] proof)",
        &["3", "{account}", "{token_amount}", proof],
    );
    let kept = store.insert_action(sale, &claim, now()).expect("kept");
    assert_eq!(
        kept.action, claim,
        "read back exactly, literals and names included"
    );
    assert_eq!(store.actions(sale).expect("read")[0].action, claim);

    let refund = action(
        &terms,
        "Claim refund",
        ActionPurpose::ClaimRefund,
        "claimRefund()",
        &[],
    );
    let replaced = store
        .update_action(kept.id, &refund, now())
        .expect("replaced");
    assert_eq!((replaced.id, &replaced.action), (kept.id, &refund));

    // One action of each purpose (but `other`) and one of each name, per sale.
    assert!(matches!(
        store.insert_action(sale, &refund, now()),
        Err(StoreError::Sqlite(_))
    ));
    let renamed_refund = action(
        &terms,
        "Refund again",
        ActionPurpose::ClaimRefund,
        "claimRefund()",
        &[],
    );
    assert!(store.insert_action(sale, &renamed_refund, now()).is_err());
    assert!(matches!(
        store.insert_action(SaleId(99), &refund, now()),
        Err(StoreError::SaleNotFound(SaleId(99)))
    ));
    assert!(matches!(
        store.update_action(99, &refund, now()),
        Err(StoreError::ActionNotFound(99))
    ));

    store.delete_sale(sale).expect("deleted");
    assert!(matches!(
        store.action(kept.id),
        Err(StoreError::ActionNotFound(_))
    ));
}

#[test]
fn the_contribution_and_refund_functions_of_a_version_15_file_become_actions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saleguard.sqlite3");
    let terms = SaleTerms::from_draft(&native_sale_draft("Aurora")).expect("valid");
    // Three sales, written by today's store into a scratch file (the sales table did not
    // change in version 16), copied into a version-15 file with their contract terms as
    // version 15 kept them.
    let scratch = dir.path().join("scratch.sqlite3");
    {
        let mut store = Store::open(&scratch).expect("scratch");
        for _ in 0..3 {
            store.insert_sale(&terms, now()).expect("sale");
        }
    }
    {
        let connection = common::file_at_version(&path, 15);
        connection
            .execute("ATTACH DATABASE ?1 AS scratch", [scratch.to_string_lossy()])
            .expect("attach");
        connection
            .execute_batch(
                "INSERT INTO main.sales SELECT * FROM scratch.sales;
                 INSERT INTO contract_terms (sale_id, contribution_call, refund_call, token_address, updated_at)
                 VALUES (1, 'buyTokens(address)', 'claimRefund()', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 1800000000),
                        (2, NULL, NULL, '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 1800000000),
                        (3, 'contribute()', 'refund(address,address)', NULL, 1800000000);",
            )
            .expect("version-15 rows");
    }
    let store = Store::open(&path).expect("migrated");
    let kept = |sale: i64| -> Vec<(ActionPurpose, String, Vec<String>)> {
        store
            .actions(SaleId(sale))
            .expect("read")
            .into_iter()
            .map(|record| {
                let draft = record.action.to_draft();
                (draft.purpose, draft.signature, draft.arguments)
            })
            .collect()
    };
    let account = || "{account}".to_owned();
    assert_eq!(
        kept(1),
        [
            (
                ActionPurpose::Contribute,
                "buyTokens(address)".to_owned(),
                vec![account()]
            ),
            (
                ActionPurpose::ClaimRefund,
                "claimRefund()".to_owned(),
                vec![]
            ),
        ]
    );
    assert_eq!(kept(2), [], "a plain transfer needs no action");
    assert_eq!(
        kept(3),
        [
            (ActionPurpose::Contribute, "contribute()".to_owned(), vec![]),
            (
                ActionPurpose::ClaimRefund,
                "refund(address, address)".to_owned(),
                vec![account(), account()]
            ),
        ]
    );
    assert_eq!(
        store.contract_terms(SaleId(1)).expect("read").token_address,
        Some(
            saleguard_core::address::parse_address("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
                .expect("address")
        ),
        "the token stays in the contract terms"
    );
}
