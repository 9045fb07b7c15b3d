//! Lists of known scams as stored: a list imported by an earlier version keeps its
//! entries and has no web address; a refresh puts its new entries in place whole.

use crate::common;

use saleguard_core::timestamp::UtcTimestamp;
use saleguard_store::{NewScamList, ScamEntry, ScamEntryKind, Store};

fn at(seconds: i64) -> UtcTimestamp {
    UtcTimestamp::from_unix_seconds(seconds).expect("a moment")
}

fn entry(kind: ScamEntryKind, text: &str) -> ScamEntry {
    ScamEntry {
        kind,
        entry: text.to_owned(),
        note: String::new(),
    }
}

#[test]
fn an_earlier_versions_list_keeps_its_entries_and_has_no_web_address() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saleguard.sqlite3");
    {
        let connection = common::file_at_version(&path, 23);
        connection
            .execute_batch(
                "INSERT INTO scam_lists (id, name, source, tolerance, imported_at) \
                 VALUES (1, 'Team list', 'team.csv', 1, 50); \
                 INSERT INTO scam_list_entries (list_id, kind, entry, note) \
                 VALUES (1, 'block', 'fake-sale.example', 'seen in a DM');",
            )
            .expect("a version-23 list");
    }
    let store = Store::open(&path).expect("migrates");
    let lists = store.scam_lists().expect("lists");
    assert_eq!(lists.len(), 1);
    assert_eq!(
        (
            lists[0].name.as_str(),
            lists[0].url.as_deref(),
            lists[0].counts
        ),
        ("Team list", None, [1, 0, 0, 0])
    );
}

#[test]
fn a_refresh_replaces_the_entries_whole_and_keeps_the_web_address() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("s.sqlite3")).expect("open");
    let url = "https://lists.example/scams.csv";
    let id = store
        .insert_scam_list(
            &NewScamList {
                name: "Shared",
                source: url,
                url: Some(url),
                tolerance: 0,
                entries: &[
                    entry(ScamEntryKind::Block, "old-scam.example"),
                    entry(ScamEntryKind::Allow, "fine.example"),
                ],
            },
            at(100),
        )
        .expect("stored");
    let fresh = [
        entry(ScamEntryKind::Block, "new-scam.example"),
        entry(ScamEntryKind::Target, "project.example"),
        entry(
            ScamEntryKind::Address,
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        ),
    ];
    assert!(
        store
            .replace_scam_list_entries(id, 2, &fresh, at(200))
            .expect("replaced")
    );
    let list = &store.scam_lists().expect("lists")[0];
    assert_eq!(list.url.as_deref(), Some(url));
    assert_eq!((list.tolerance, list.imported_at), (2, at(200)));
    assert_eq!(list.counts, [1, 0, 1, 1]);
    let entries = store.scam_list_entries(id).expect("entries");
    assert!(entries.iter().all(|e| e.entry != "old-scam.example"));
    assert!(
        !store
            .replace_scam_list_entries(id + 1, 0, &fresh, at(300))
            .expect("no such list"),
        "no list to refresh is said, not created"
    );

    // An entry the file refuses (too long for the table) leaves the old entries whole.
    let too_long = [entry(ScamEntryKind::Block, &"a".repeat(300))];
    assert!(
        store
            .replace_scam_list_entries(id, 0, &too_long, at(400))
            .is_err()
    );
    assert_eq!(store.scam_list_entries(id).expect("entries"), entries);
    assert_eq!(store.scam_lists().expect("lists")[0].imported_at, at(200));
}
