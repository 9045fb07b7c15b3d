//! The store against real SQLite files in a temporary directory.

use std::path::Path;

use saleguard_core::fixtures::erc20_sale_draft;
use saleguard_core::sale::{Sale, SaleDraft, SaleId, SaleTerms};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_store::{LATEST_SCHEMA_VERSION, SaleHeader, Store, StoreError};

/// Terms with an amount beyond 64 bits, to check exact round trips.
fn terms(name: &str) -> SaleTerms {
    let draft = SaleDraft {
        hard_cap: "115792089237316195423570985008687907853269984665640564039457.584007".into(),
        min_contribution: String::new(),
        ..erc20_sale_draft(name)
    };
    SaleTerms::from_draft(&draft).expect("test draft is valid")
}

fn at(seconds: i64) -> UtcTimestamp {
    UtcTimestamp::from_unix_seconds(seconds).expect("in range")
}

/// A new store at `path` with two sales, Aurora (written at 1,000 s) and Borealis (2,000 s).
fn with_two_sales(path: &Path) -> (Store, Sale, Sale) {
    let mut store = Store::open(path).expect("open");
    let aurora = store
        .insert_sale(&terms("Aurora"), at(1_000))
        .expect("insert");
    let borealis = store
        .insert_sale(&terms("Borealis"), at(2_000))
        .expect("insert");
    (store, aurora, borealis)
}

fn pragma(store_path: &Path, name: &str) -> String {
    let conn = rusqlite::Connection::open(store_path).expect("open for inspection");
    conn.query_row(&format!("PRAGMA {name}"), [], |row| {
        row.get::<_, rusqlite::types::Value>(0)
    })
    .map(|value| format!("{value:?}"))
    .expect("pragma")
}

#[test]
fn migrates_an_empty_directory_to_the_latest_schema_with_safe_settings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saleguard.sqlite3");
    let store = Store::open(&path).expect("a new database opens");
    assert_eq!(
        store.schema_version().expect("version"),
        LATEST_SCHEMA_VERSION
    );
    drop(store);

    assert_eq!(
        pragma(&path, "journal_mode"),
        r#"Text("wal")"#,
        "WAL is persistent in the file"
    );
    let conn = rusqlite::Connection::open(&path).expect("open");
    let recorded: Vec<(i64, String)> = conn
        .prepare("SELECT version, name FROM schema_migrations ORDER BY version")
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .expect("migrations are recorded");
    assert_eq!(recorded.len() as i64, LATEST_SCHEMA_VERSION);
    let strict: i64 = conn
        .query_row("SELECT count(*) FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND strict = 0", [], |r| r.get(0))
        .expect("table list");
    assert_eq!(strict, 0, "every table is STRICT");
}

#[test]
fn connection_runs_with_full_sync_foreign_keys_and_a_busy_timeout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("db")).expect("open");
    let settings = store.connection_settings().expect("settings");
    assert_eq!(settings.synchronous, 2, "synchronous=FULL");
    assert!(settings.foreign_keys);
    assert!(settings.busy_timeout_ms >= 1000);
}

#[test]
fn sales_survive_a_reopen_exactly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saleguard.sqlite3");
    let (store, created, second) = with_two_sales(&path);
    drop(store);

    let store = Store::open(&path).expect("reopen");
    assert_eq!(
        store.schema_version().expect("version"),
        LATEST_SCHEMA_VERSION
    );
    let sales = store.sales().expect("list");
    assert_eq!(
        sales,
        vec![created.clone(), second],
        "what was written is what is read"
    );
    assert_eq!(
        created.terms,
        terms("Aurora"),
        "amounts beyond 64 bits round-trip exactly"
    );
    assert_eq!(created.created_at, at(1_000));
}

#[test]
fn a_sales_header_is_what_its_sale_says_and_a_time_out_of_range_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saleguard.sqlite3");
    let (store, aurora, borealis) = with_two_sales(&path);
    let mut headers = store.sale_headers().expect("headers");
    headers.sort_by_key(|header| header.id);
    assert_eq!(
        headers,
        vec![SaleHeader::from(&aurora), SaleHeader::from(&borealis)]
    );
    assert_eq!(
        (headers[1].project_name.as_str(), headers[1].token_decimals),
        ("Borealis", borealis.terms.token_decimals)
    );
    drop(store);

    // An end no time can be, written by another program (the schema only checks that
    // it comes after the start): the header is refused as the whole sale is.
    let conn = rusqlite::Connection::open(&path).expect("open to damage");
    conn.execute(
        "UPDATE sales SET ends_at = ?1 WHERE id = ?2",
        rusqlite::params![i64::MAX, borealis.id.0],
    )
    .expect("damaged");
    drop(conn);
    let store = Store::open(&path).expect("reopen");
    for (read, result) in [
        ("headers", store.sale_headers().map(|_| ())),
        ("sales", store.sales().map(|_| ())),
    ] {
        match result {
            Err(StoreError::InvalidRow { what }) => assert_eq!(what, "end", "{read}"),
            other => panic!("{read}: {other:?}"),
        }
    }
}

#[test]
fn update_and_delete_touch_only_their_sale_and_report_unknown_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("db")).expect("open");
    let a = store.insert_sale(&terms("A"), at(10)).expect("insert");
    let b = store.insert_sale(&terms("B"), at(10)).expect("insert");

    let updated = store
        .update_sale(a.id, &terms("A2"), at(20))
        .expect("update");
    assert_eq!(updated.terms.project_name, "A2");
    assert_eq!((updated.created_at, updated.updated_at), (at(10), at(20)));
    assert_eq!(store.sale(b.id).expect("b").terms.project_name, "B");

    let unknown = SaleId(999);
    assert!(matches!(store.sale(unknown), Err(StoreError::SaleNotFound(id)) if id == unknown));
    assert!(matches!(
        store.update_sale(unknown, &terms("X"), at(30)),
        Err(StoreError::SaleNotFound(_))
    ));
    assert!(matches!(
        store.delete_sale(unknown),
        Err(StoreError::SaleNotFound(_))
    ));
    assert_eq!(
        store.sales().expect("list").len(),
        2,
        "failed operations changed nothing"
    );

    store.delete_sale(a.id).expect("delete");
    let left: Vec<_> = store
        .sales()
        .expect("list")
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(left, vec![b.id]);
}

#[test]
fn refuses_a_database_from_a_newer_version_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saleguard.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).expect("create");
        conn.execute_batch("CREATE TABLE future (x INTEGER) STRICT; PRAGMA user_version = 99;")
            .expect("setup");
    }
    let before = std::fs::read(&path).expect("read");

    let error = Store::open(&path).expect_err("a newer database is refused");
    assert!(
        matches!(error, StoreError::NewerThanApp { found: 99, supported, .. } if supported == LATEST_SCHEMA_VERSION),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("newer version of Saleguard"),
        "{error}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the file is byte-for-byte unchanged"
    );
    assert_eq!(
        pragma(&path, "journal_mode"),
        r#"Text("delete")"#,
        "not switched to WAL"
    );
}

#[test]
fn refuses_a_file_that_is_not_sqlite_without_overwriting_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, contents) in [
        (
            "notes.txt",
            b"my seed words are not here, but this is a text file\n".to_vec(),
        ),
        ("short", b"SQL".to_vec()),
        (
            "random.bin",
            (0..4096u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &contents).expect("write");
        let error = Store::open(&path).expect_err("not a database");
        assert!(
            matches!(error, StoreError::NotADatabase { .. }),
            "{name}: {error:?}"
        );
        assert_eq!(
            std::fs::read(&path).expect("read"),
            contents,
            "{name} is unchanged"
        );
        assert!(
            !dir.path().join(format!("{name}-wal")).exists(),
            "{name}: no WAL file created"
        );
    }
}

#[test]
fn refuses_a_corrupted_database_without_overwriting_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saleguard.sqlite3");
    {
        let mut store = Store::open(&path).expect("open");
        store.insert_sale(&terms("A"), at(1)).expect("insert");
        store.checkpoint().expect("checkpoint");
    }
    // Keep the header, scribble over the rest of the first page and the schema.
    let mut bytes = std::fs::read(&path).expect("read");
    for byte in bytes.iter_mut().skip(100).take(4000) {
        *byte = 0xA5;
    }
    std::fs::write(&path, &bytes).expect("write");
    let _ = std::fs::remove_file(dir.path().join("saleguard.sqlite3-wal"));
    let _ = std::fs::remove_file(dir.path().join("saleguard.sqlite3-shm"));

    let error = Store::open(&path)
        .and_then(|s| s.sales())
        .expect_err("corruption is detected");
    assert!(
        matches!(
            error,
            StoreError::Corrupt { .. } | StoreError::NotADatabase { .. }
        ),
        "a clear corruption error, not a generic one: {error:?}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        bytes,
        "the damaged file is left for recovery"
    );
}

#[test]
fn refuses_another_programs_sqlite_database_without_writing_to_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases: [(&str, &str); 2] = [
        (
            "browser-history.sqlite",
            "CREATE TABLE visits (url TEXT) STRICT; INSERT INTO visits VALUES ('https://example.org');",
        ),
        (
            "versioned.sqlite",
            "CREATE TABLE t (x INTEGER) STRICT; PRAGMA user_version = 1; PRAGMA application_id = 1234;",
        ),
    ];
    for (name, setup) in cases {
        let path = dir.path().join(name);
        rusqlite::Connection::open(&path)
            .and_then(|c| c.execute_batch(setup))
            .expect("setup");
        let before = std::fs::read(&path).expect("read");
        let error = Store::open(&path).expect_err("another program's database");
        assert!(
            matches!(error, StoreError::OtherProgramsDatabase { .. }),
            "{name}: {error:?}"
        );
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "{name} is byte-for-byte unchanged"
        );
    }
}

#[test]
fn a_saleguard_database_carries_its_application_id() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("db");
    drop(Store::open(&path).expect("open"));
    assert_eq!(
        pragma(&path, "application_id"),
        format!("Integer({})", 0x5347_5244)
    );
    Store::open(&path).expect("and it reopens");
}

#[test]
fn a_file_is_checked_whole_only_when_its_last_close_does_not_vouch_for_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saleguard.sqlite3");
    let checked =
        |path: &std::path::Path| Store::open(path).expect("open").checked_on_open_because();
    {
        let mut store = Store::open(&path).expect("open");
        assert!(store.checked_on_open_because().is_some(), "a new file");
        store.insert_sale(&terms("A"), at(1)).expect("insert");
    }
    assert_eq!(checked(&path), None, "closed cleanly, unchanged since");

    // Changed by something else since: checked.
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open the file");
    file.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .expect("touched");
    drop(file);
    assert_eq!(
        checked(&path),
        Some("it changed since Saleguard last closed it")
    );
    assert_eq!(
        checked(&path),
        None,
        "and vouched for again by that clean close"
    );

    // A session that never closed (killed after a write): its log is left, checked.
    let mut store = Store::open(&path).expect("open");
    store.insert_sale(&terms("B"), at(2)).expect("insert");
    std::mem::forget(store);
    assert_eq!(
        checked(&path),
        Some("its last session did not close cleanly, or another is open")
    );

    // A week after the last check: checked, whatever the close said.
    let note = dir.path().join("saleguard.sqlite3.closed");
    let text = std::fs::read_to_string(&note).expect("the note");
    let fields: Vec<&str> = text.split_whitespace().collect();
    std::fs::write(&note, format!("{} {} 1000\n", fields[0], fields[1])).expect("aged");
    assert_eq!(
        checked(&path),
        Some("a week has passed since its last check")
    );
    assert_eq!(checked(&path), None);
    assert_eq!(
        Store::open(&path)
            .expect("open")
            .sales()
            .expect("read")
            .len(),
        2,
        "nothing lost along the way"
    );

    // A note that says nothing readable is no clean close.
    std::fs::write(&note, "garbage").expect("written");
    assert_eq!(checked(&path), Some("no clean close of it is noted"));
}
