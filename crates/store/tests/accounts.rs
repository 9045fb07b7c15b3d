//! The accounts table against a real SQLite file.

use saleguard_core::Address;
use saleguard_core::account::{AccountId, AccountKind, DerivationPath, HardwareWallet, NewAccount};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_store::{Store, StoreError};

const FIRST: &str = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const SECOND: &str = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

fn at(seconds: i64) -> UtcTimestamp {
    UtcTimestamp::from_unix_seconds(seconds).expect("in range")
}

fn address(text: &str) -> Address {
    text.parse().expect("address")
}

fn derived(label: &str, address_text: &str, path: &str) -> NewAccount {
    NewAccount {
        label: label.to_owned(),
        kind: AccountKind::ImportedMnemonic,
        address: address(address_text),
        derivation_path: Some(DerivationPath::parse(path).expect("path")),
        secret_reference: Some("account-secret-00ff".to_owned()),
    }
}

fn watch_only(label: &str, address_text: &str) -> NewAccount {
    NewAccount {
        label: label.to_owned(),
        kind: AccountKind::WatchOnly,
        address: address(address_text),
        derivation_path: None,
        secret_reference: None,
    }
}

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("accounts.sqlite3")).expect("open");
    (dir, store)
}

#[test]
fn accounts_round_trip_and_survive_reopening() {
    let (dir, mut store) = open();
    let first = store
        .insert_account(&derived("Main", FIRST, "m/44'/60'/0'/0/0"), at(1_000))
        .expect("insert");
    let second = store
        .insert_account(&derived("Main #2", SECOND, "m/44'/60'/0'/0/1"), at(2_000))
        .expect("insert");
    assert_eq!(first.address.to_checksum(None), FIRST);
    assert_eq!(
        second.derivation_path.as_ref().map(ToString::to_string),
        Some("m/44'/60'/0'/0/1".to_owned())
    );
    assert_eq!(second.created_at, at(2_000));
    drop(store);

    let store = Store::open(&dir.path().join("accounts.sqlite3")).expect("reopen");
    assert_eq!(
        store.accounts().expect("list"),
        vec![first.clone(), second.clone()]
    );
    assert_eq!(
        store
            .accounts_sharing_secret("account-secret-00ff")
            .expect("shared"),
        vec![first.clone(), second]
    );
    assert_eq!(
        store.account_with_label("MAIN").expect("by label"),
        Some(first.clone())
    );
    assert_eq!(
        store
            .account_with_address(&address(FIRST))
            .expect("by address"),
        Some(first)
    );
}

#[test]
fn the_schema_refuses_duplicates_and_inconsistent_rows() {
    let (_dir, mut store) = open();
    store
        .insert_account(&watch_only("Cold", FIRST), at(1))
        .expect("insert");
    let duplicate_address = store.insert_account(&watch_only("Other", FIRST), at(2));
    assert!(matches!(duplicate_address, Err(StoreError::Sqlite(_))));
    let duplicate_label = store.insert_account(&watch_only("cold", SECOND), at(2));
    assert!(matches!(duplicate_label, Err(StoreError::Sqlite(_))));
    let watch_only_with_secret = NewAccount {
        secret_reference: Some("account-secret-01".to_owned()),
        ..watch_only("Odd", SECOND)
    };
    assert!(
        store
            .insert_account(&watch_only_with_secret, at(3))
            .is_err()
    );
    let key_without_secret = NewAccount {
        kind: AccountKind::PrivateKey,
        ..watch_only("Odd", SECOND)
    };
    assert!(store.insert_account(&key_without_secret, at(3)).is_err());
    assert_eq!(store.accounts().expect("list").len(), 1);
}

#[test]
fn rename_changes_only_the_label() {
    let (_dir, mut store) = open();
    let account = store
        .insert_account(&watch_only("Cold", FIRST), at(1))
        .expect("insert");
    let renamed = store
        .rename_account(account.id, "Vault", at(5))
        .expect("rename");
    assert_eq!(renamed.label, "Vault");
    assert_eq!(renamed.created_at, account.created_at);
    assert!(matches!(
        store.rename_account(AccountId(99), "X", at(5)),
        Err(StoreError::AccountNotFound(AccountId(99)))
    ));
}

#[test]
fn a_deleted_account_is_gone_and_a_second_delete_says_so() {
    let (_dir, mut store) = open();
    let kept = store
        .insert_account(&watch_only("Kept", SECOND), at(1))
        .expect("insert");
    let account = store
        .insert_account(&watch_only("Cold", FIRST), at(1))
        .expect("insert");
    store.delete_account(account.id).expect("delete");
    assert_eq!(store.accounts().expect("list"), vec![kept]);
    assert!(matches!(
        store.delete_account(account.id),
        Err(StoreError::AccountNotFound(_))
    ));
}

#[test]
fn a_hardware_account_keeps_its_wallet_and_nothing_secret() {
    let (_dir, mut store) = open();
    let ledger = store
        .insert_hardware_account(
            &NewAccount {
                label: "Ledger".to_owned(),
                kind: AccountKind::Hardware,
                address: address(FIRST),
                derivation_path: Some(DerivationPath::parse("m/44'/60'/0'/0/0").expect("path")),
                secret_reference: None,
            },
            HardwareWallet::Ledger,
            at(1_000),
        )
        .expect("inserted");
    assert_eq!(ledger.kind, AccountKind::Hardware);
    assert_eq!(ledger.secret_reference, None);
    assert_eq!(
        store.hardware_wallet(ledger.id).expect("read"),
        Some(HardwareWallet::Ledger)
    );
    let watched = store
        .insert_account(&watch_only("Watched", SECOND), at(2_000))
        .expect("inserted");
    assert_eq!(store.hardware_wallet(watched.id).expect("read"), None);

    // A duplicate address writes neither row.
    let duplicate = store.insert_hardware_account(
        &NewAccount {
            label: "Ledger again".to_owned(),
            kind: AccountKind::Hardware,
            address: address(FIRST),
            derivation_path: Some(DerivationPath::parse("m/44'/60'/1'/0/0").expect("path")),
            secret_reference: None,
        },
        HardwareWallet::Ledger,
        at(3_000),
    );
    assert!(duplicate.is_err());
    assert_eq!(store.accounts().expect("accounts").len(), 2);

    // Deleting the account deletes its wallet row too.
    store.delete_account(ledger.id).expect("deleted");
    assert_eq!(store.hardware_wallet(ledger.id).expect("read"), None);
}
