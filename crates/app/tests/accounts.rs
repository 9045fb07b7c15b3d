//! Account use cases that decide before the keyring is reached (the keyring itself is
//! exercised through the CLI against a real GNOME Keyring: crates/cli/tests/accounts.rs).

use crate::common;

use std::sync::Arc;

use saleguard_app::accounts::dto::{AddWatchOnly, ConfirmNewAccount, ImportMnemonic, WordAnswer};
use saleguard_app::{DataPaths, ErrorCode, FixedClock, Saleguard, UtcTimestamp};

const ADDRESS: &str = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

fn app(dir: &std::path::Path) -> Saleguard {
    let now = UtcTimestamp::parse("2026-12-01 10:00").expect("time");
    Saleguard::start(DataPaths::at(dir), Arc::new(FixedClock(now)))
}

fn watch(label: &str, address: &str) -> AddWatchOnly {
    AddWatchOnly {
        label: label.to_owned(),
        address: address.to_owned(),
    }
}

#[test]
fn a_watch_only_account_is_added_renamed_and_removed_with_its_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let account = app
        .add_watch_only_account(&watch(" Cold storage ", &ADDRESS.to_lowercase()))
        .expect("added");
    assert_eq!(account.label, "Cold storage");
    assert_eq!(account.address, ADDRESS, "kept checksummed");
    assert!(!account.has_secret && !account.can_derive);
    assert_eq!(account.created_at, "2026-12-01T10:00:00Z");

    let renamed = app.rename_account(account.id, "Vault").expect("renamed");
    assert_eq!(renamed.label, "Vault");
    let refused = app
        .remove_account(account.id, "Cold storage")
        .expect_err("old name");
    assert_eq!(refused.code, ErrorCode::ConfirmationMismatch);
    assert_eq!(refused.field.as_deref(), Some("confirmation"));
    let no_secret = app
        .reveal_account_secret(account.id, "Vault")
        .expect_err("watch-only");
    assert_eq!(no_secret.code, ErrorCode::NoSecret);
    let not_derivable = app
        .derive_next_account(account.id, None)
        .expect_err("watch-only");
    assert_eq!(not_derivable.code, ErrorCode::NotDerivable);

    app.remove_account(account.id, "Vault").expect("removed");
    assert!(app.list_accounts().expect("list").is_empty());
    assert_eq!(
        app.account(account.id).expect_err("gone").code,
        ErrorCode::AccountNotFound
    );
}

#[test]
fn an_import_form_gets_every_field_problem_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let error = app
        .import_mnemonic_account(&ImportMnemonic {
            label: String::new(),
            phrase: "test test test".into(),
            passphrase: String::new(),
            derivation_path: "m/44'/60'/x".into(),
        })
        .expect_err("three problems");
    let fields: Vec<(&str, ErrorCode)> = error
        .invalid_fields
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        fields,
        vec![
            ("phrase", ErrorCode::MnemonicWordCount),
            ("derivationPath", ErrorCode::InvalidDerivationPath),
            ("label", ErrorCode::Required),
        ],
        "in the form's order"
    );
    assert!(!error.message.contains("test test"), "{}", error.message);
}

/// The keyring is chosen through the process environment (the session bus), so the
/// flow below runs in a child test process started inside a private GNOME Keyring.
#[test]
fn a_new_phrase_is_confirmed_against_a_real_keyring() {
    let keyring = saleguard_testkit::KeyringSession::start();
    common::run_ignored_in(
        &keyring,
        &[
            "--exact",
            "accounts::a_new_phrase_needs_the_right_words_and_survives_a_refused_save",
        ],
        1,
    );
}

#[test]
#[ignore = "runs inside a keyring session, started by a_new_phrase_is_confirmed_against_a_real_keyring"]
fn a_new_phrase_needs_the_right_words_and_survives_a_refused_save() {
    common::require_keyring_session("a_new_phrase_is_confirmed_against_a_real_keyring");
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    app.add_watch_only_account(&watch("Taken", ADDRESS))
        .expect("added");
    let new = app.begin_new_account().expect("generated");
    assert_eq!(new.words.len(), 24);
    assert_eq!(new.challenge.len(), 3);
    assert_eq!(new.derivation_path, "m/44'/60'/0'/0/0");
    let confirm = |label: &str, right: bool| ConfirmNewAccount {
        pending_id: new.pending_id.clone(),
        label: label.into(),
        answers: new
            .challenge
            .iter()
            .map(|&position| {
                let index = position as usize - 1;
                // A wrong answer is the word after the asked one: a real slip.
                let word = if right { index } else { (index + 1) % 24 };
                WordAnswer {
                    position,
                    word: new.words[word].to_uppercase(),
                }
            })
            .collect(),
    };

    let mismatch = app
        .confirm_new_account(&confirm("Fresh", false))
        .expect_err("wrong words");
    assert_eq!(mismatch.code, ErrorCode::MnemonicConfirmationMismatch);
    assert_eq!(mismatch.field.as_deref(), Some("answers"));
    // The right words under a name already in use: refused, and the phrase is kept.
    let taken = app
        .confirm_new_account(&confirm("taken", true))
        .expect_err("name in use");
    assert_eq!(taken.code, ErrorCode::LabelTaken);
    assert_eq!(app.list_accounts().expect("list").len(), 1);

    let account = app
        .confirm_new_account(&confirm("Fresh", true))
        .expect("kept");
    assert_eq!(account.address, new.address);
    assert!(account.has_secret);
    let again = app
        .confirm_new_account(&confirm("Again", true))
        .expect_err("used up");
    assert_eq!(again.code, ErrorCode::PendingMnemonicExpired);

    let revealed = app
        .reveal_account_secret(account.id, "Fresh")
        .expect("revealed");
    match revealed {
        saleguard_app::accounts::dto::RevealedSecret::Mnemonic { ref words, .. } => {
            assert_eq!(words, &new.words);
        }
        saleguard_app::accounts::dto::RevealedSecret::PrivateKey { .. } => {
            panic!("a phrase account reveals its phrase")
        }
    }

    // Cancelled or replaced phrases can no longer be confirmed.
    let cancelled = app.begin_new_account().expect("generated");
    app.cancel_new_account(&cancelled.pending_id);
    let stale = ConfirmNewAccount {
        pending_id: cancelled.pending_id.clone(),
        label: "Stale".into(),
        answers: Vec::new(),
    };
    assert_eq!(
        app.confirm_new_account(&stale).expect_err("cancelled").code,
        ErrorCode::PendingMnemonicExpired
    );
    let first = app.begin_new_account().expect("generated");
    let second = app.begin_new_account().expect("generated");
    assert_ne!(first.words, second.words);
    let replaced = ConfirmNewAccount {
        pending_id: first.pending_id.clone(),
        label: "Stale".into(),
        answers: Vec::new(),
    };
    assert_eq!(
        app.confirm_new_account(&replaced)
            .expect_err("replaced")
            .code,
        ErrorCode::PendingMnemonicExpired
    );
}

#[test]
fn duplicate_addresses_and_names_are_refused_with_the_existing_account_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    app.add_watch_only_account(&watch("Cold", ADDRESS))
        .expect("added");
    let again = app
        .add_watch_only_account(&watch("Other", &ADDRESS.to_lowercase()))
        .expect_err("same address");
    assert_eq!(again.code, ErrorCode::AccountExists);
    assert!(again.message.contains("Cold"), "{}", again.message);
    let same_name = app
        .add_watch_only_account(&watch("COLD", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"))
        .expect_err("same name");
    assert_eq!(same_name.code, ErrorCode::LabelTaken);
    assert_eq!(app.list_accounts().expect("list").len(), 1);
}
