//! Encrypted backups over real SQLite files: a backup restores into an empty folder as it
//! was; a wrong passphrase, a cut or changed file, another file, or a folder with data
//! are refused and change nothing; the reminder follows the last backup.

use crate::common;

use std::sync::Arc;

use common::{app, prepared};
use saleguard_app::io::backup::BACKUP_FIRST_LINE;
use saleguard_app::{DataPaths, ErrorCode, FixedClock, Saleguard, UtcTimestamp};

const PASSPHRASE: &str = "correct horse battery staple";

fn at(dir: &std::path::Path, when: &str) -> Saleguard {
    Saleguard::start(
        DataPaths::at(dir),
        Arc::new(FixedClock(UtcTimestamp::parse(when).expect("time"))),
    )
}

/// A backup of the prepared data, its bytes, and the export it holds.
fn backed_up() -> (Vec<u8>, String) {
    let source = tempfile::tempdir().expect("temp dir");
    let (app, _, _) = prepared(source.path());
    let exported = app.export_json().expect("export");
    let folder = tempfile::tempdir().expect("folder");
    let summary = app
        .create_backup_in(folder.path(), PASSPHRASE)
        .expect("backed up");
    assert!(
        summary.path.ends_with("saleguard-backup-2026-12-05.age"),
        "{}",
        summary.path
    );
    let bytes = std::fs::read(&summary.path).expect("read");
    assert_eq!(usize::try_from(summary.bytes).expect("fits"), bytes.len());
    (bytes, exported)
}

#[test]
fn a_backup_is_encrypted_text_and_restores_as_it_was() {
    let (bytes, exported) = backed_up();
    let text = String::from_utf8(bytes.clone()).expect("armored text");
    assert!(text.starts_with(BACKUP_FIRST_LINE), "{}", &text[..60]);
    assert!(
        !text.contains("Aurora"),
        "the sale's name is not readable in it"
    );
    let target = tempfile::tempdir().expect("temp dir");
    let restored = app(target.path());
    let summary = restored
        .restore_backup(&bytes, PASSPHRASE)
        .expect("restored");
    assert!(
        summary
            .tables
            .iter()
            .any(|t| t.table == "sales" && t.rows == 1)
    );
    assert_eq!(
        restored.export_json().expect("export"),
        exported,
        "as it was"
    );
}

#[test]
fn a_wrong_passphrase_a_changed_or_cut_file_and_other_files_change_nothing() {
    let (bytes, _) = backed_up();
    let target = tempfile::tempdir().expect("temp dir");
    let empty = app(target.path());
    let before = empty.export_json().expect("export");

    let wrong = empty
        .restore_backup(&bytes, "not the passphrase at all")
        .expect_err("wrong passphrase");
    assert_eq!(wrong.code, ErrorCode::WrongPassphrase);
    assert!(
        !wrong.message.contains("not the passphrase"),
        "the passphrase is never echoed"
    );

    let cut = &bytes[..bytes.len() * 2 / 3];
    assert_eq!(
        empty.restore_backup(cut, PASSPHRASE).expect_err("cut").code,
        ErrorCode::BackupDamaged
    );
    // One character of the encrypted payload changed (inside the base64 lines).
    let mut changed = bytes.clone();
    let middle = changed.len() / 2;
    let index = (middle..changed.len())
        .find(|&i| changed[i].is_ascii_alphanumeric())
        .expect("a base64 character");
    changed[index] = if changed[index] == b'A' { b'B' } else { b'A' };
    let tampered = empty
        .restore_backup(&changed, PASSPHRASE)
        .expect_err("changed");
    assert_eq!(
        tampered.code,
        ErrorCode::BackupDamaged,
        "{}",
        tampered.message
    );
    let json = empty.export_json().expect("export");
    assert_eq!(
        empty
            .restore_backup(json.as_bytes(), PASSPHRASE)
            .expect_err("plain JSON")
            .code,
        ErrorCode::BackupDamaged
    );
    assert_eq!(
        empty
            .restore_backup(b"", PASSPHRASE)
            .expect_err("empty")
            .code,
        ErrorCode::BackupDamaged
    );
    assert_eq!(
        empty.export_json().expect("export"),
        before,
        "nothing changed"
    );

    // A folder that already holds data is not merged into.
    let full = tempfile::tempdir().expect("temp dir");
    let (busy, _, _) = prepared(full.path());
    let busy_before = busy.export_json().expect("export");
    assert_eq!(
        busy.restore_backup(&bytes, PASSPHRASE)
            .expect_err("not empty")
            .code,
        ErrorCode::DataNotEmpty
    );
    assert_eq!(busy.export_json().expect("export"), busy_before);
}

#[test]
fn a_short_passphrase_is_refused_and_the_reminder_follows_the_last_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fresh = at(dir.path(), "2026-12-05 10:00");
    let status = fresh.backup_status().expect("status");
    assert_eq!(
        (status.last_backup_at, status.due),
        (None, false),
        "nothing to lose yet"
    );
    drop(fresh);
    let (app, _, _) = prepared(dir.path());
    assert!(
        app.backup_status().expect("status").due,
        "data and no backup"
    );
    let folder = tempfile::tempdir().expect("folder");
    let short = app
        .create_backup_in(folder.path(), "short")
        .expect_err("short");
    assert_eq!(short.code, ErrorCode::WeakPassphrase);
    assert_eq!(short.invalid_fields[0].field, "passphrase");
    assert_eq!(
        std::fs::read_dir(folder.path()).expect("folder").count(),
        0,
        "no file written"
    );
    app.create_backup_in(folder.path(), PASSPHRASE)
        .expect("backed up");
    let status = app.backup_status().expect("status");
    assert_eq!(
        status.last_backup_at.as_deref(),
        Some("2026-12-05T10:00:00Z")
    );
    assert!(!status.due);
    drop(app);
    assert!(
        !at(dir.path(), "2027-01-04 10:00")
            .backup_status()
            .expect("status")
            .due
    );
    assert!(
        at(dir.path(), "2027-01-05 10:01")
            .backup_status()
            .expect("status")
            .due,
        "31 days on"
    );
}
