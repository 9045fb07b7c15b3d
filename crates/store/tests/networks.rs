//! Networks and a sale's token on chain in a real SQLite file.

use saleguard_core::fixtures::native_sale_draft;
use saleguard_core::network::NETWORK_PRESETS;

use saleguard_core::network::{Network, NetworkDraft};
use saleguard_core::sale::{SaleId, SaleTerms};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::transaction::{ContractTerms, ContractTermsDraft};
use saleguard_store::{Store, StoreError};

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("saleguard.sqlite3")).expect("store");
    (dir, store)
}

fn now() -> UtcTimestamp {
    UtcTimestamp::from_unix_seconds(1_800_000_000).expect("valid")
}

#[test]
fn networks_are_saved_replaced_and_removed() {
    let (_dir, mut store) = open();
    assert_eq!(store.networks().expect("read"), []);
    let mut local = Network::from_draft(&NetworkDraft {
        rpc_url: "http://127.0.0.1:8545".to_owned(),
        ..NETWORK_PRESETS[2].to_draft()
    })
    .expect("valid");
    store.save_network(&local, None, now()).expect("saved");
    let mainnet = Network::from_draft(&NETWORK_PRESETS[0].to_draft()).expect("valid");
    store
        .save_network(&mainnet, Some("rpc-url-00ff"), now())
        .expect("saved");
    assert_eq!(
        store.rpc_secret(1).expect("read").as_deref(),
        Some("rpc-url-00ff")
    );
    assert_eq!(store.rpc_secret(31_337).expect("read"), None);
    local.confirmations = 2;
    store.save_network(&local, None, now()).expect("replaced");
    assert_eq!(
        store.networks().expect("read"),
        [mainnet.clone(), local.clone()]
    );
    assert_eq!(store.network(31_337).expect("read"), Some(local));
    assert!(store.delete_network(31_337).expect("removed"));
    assert!(!store.delete_network(31_337).expect("nothing left"));
    assert_eq!(
        store.networks().expect("read"),
        std::slice::from_ref(&mainnet)
    );
    // Saved again without a secret: the reference goes; removed: it goes with it.
    store.save_network(&mainnet, None, now()).expect("saved");
    assert_eq!(store.rpc_secret(1).expect("read"), None);
    store
        .save_network(&mainnet, Some("rpc-url-00ff"), now())
        .expect("saved");
    assert!(store.delete_network(1).expect("removed"));
    assert_eq!(store.rpc_secret(1).expect("read"), None);
    // Only keyring references of this kind.
    assert!(
        store
            .save_network(&mainnet, Some("account-secret-00"), now())
            .is_err()
    );
    assert_eq!(store.networks().expect("read"), []);
}

#[test]
fn a_sales_token_is_kept_for_an_existing_sale() {
    let (_dir, mut store) = open();
    let terms = SaleTerms::from_draft(&native_sale_draft("Aurora")).expect("valid");
    let sale = store.insert_sale(&terms, now()).expect("sale");
    assert_eq!(
        store.contract_terms(sale.id).expect("read"),
        ContractTerms::default()
    );
    let contract = ContractTerms::from_draft(&ContractTermsDraft {
        token_address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".to_owned(),
    })
    .expect("valid");
    store
        .set_contract_terms(sale.id, &contract, now())
        .expect("set");
    assert_eq!(store.contract_terms(sale.id).expect("read"), contract);
    assert!(matches!(
        store.set_contract_terms(SaleId(99), &contract, now()),
        Err(StoreError::SaleNotFound(SaleId(99)))
    ));
}
