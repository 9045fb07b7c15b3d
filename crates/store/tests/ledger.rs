//! The ledger in a real SQLite file: an amount read from a log keeps the log's index
//! and is recorded once, however often it is read; the migration that added the index
//! moves it out of the notes of the claims recorded before.

use crate::common;

use saleguard_core::U256;
use saleguard_core::entry::{Entry, EntryKind, ProvedEntry};
use saleguard_core::fixtures::native_sale_draft;
use saleguard_core::participation::ParticipationState;
use saleguard_core::sale::SaleTerms;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_store::{
    EntryFilter, EntrySource, LATEST_SCHEMA_VERSION, NewStep, PageRequest, ParticipationId, Store,
    TimeOrder,
};

const HASH: &str = "0xabababababababababababababababababababababababababababababababab";

fn now() -> UtcTimestamp {
    UtcTimestamp::from_unix_seconds(1_800_000_000).expect("valid")
}

fn participation(store: &mut Store) -> ParticipationId {
    let terms = SaleTerms::from_draft(&native_sale_draft("Aurora")).expect("valid");
    let sale = store.insert_sale(&terms, now()).expect("sale").id;
    store
        .insert_participation(
            sale,
            &NewStep {
                to: ParticipationState::Contributed,
                happened_at: now(),
                note: String::new(),
            },
            now(),
        )
        .expect("participation")
        .id
}

fn delivery(amount: u64, note: &str) -> Entry {
    Entry {
        kind: EntryKind::Distribution,
        happened_at: now(),
        asset: "AUR".into(),
        decimals: 18,
        amount: U256::from(amount),
        reference: HASH.into(),
        from: String::new(),
        to: String::new(),
        note: note.into(),
    }
}

#[test]
fn a_delivery_read_from_a_log_is_recorded_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("saleguard.sqlite3")).expect("open");
    let participation = participation(&mut store);
    let proved = ProvedEntry {
        entry: delivery(1_000, ""),
        log_index: Some(3),
    };
    for (round, source) in [EntrySource::Found, EntrySource::Found, EntrySource::Signed]
        .into_iter()
        .enumerate()
    {
        let new = store
            .insert_proved_entry(participation, &proved, source, now())
            .expect("written");
        assert_eq!(new, round == 0, "round {round}");
    }
    // The same hash in capitals is the same transaction.
    let shouting = ProvedEntry {
        entry: Entry {
            reference: HASH.to_uppercase().replacen("0X", "0x", 1),
            ..proved.entry.clone()
        },
        log_index: Some(3),
    };
    assert!(
        !store
            .insert_proved_entry(participation, &shouting, EntrySource::Found, now())
            .expect("written")
    );
    let another_log = ProvedEntry {
        log_index: Some(4),
        ..proved.clone()
    };
    assert!(
        store
            .insert_proved_entry(participation, &another_log, EntrySource::Found, now())
            .expect("written")
    );
    let entries = store.entries(participation).expect("read");
    let kept: Vec<(EntrySource, Option<u64>)> =
        entries.iter().map(|e| (e.source, e.log_index)).collect();
    assert_eq!(
        kept,
        [(EntrySource::Found, Some(3)), (EntrySource::Found, Some(4))]
    );
    // A log index needs the hash of the transaction it is in.
    let unproved = ProvedEntry {
        entry: Entry {
            reference: "order 17".into(),
            ..proved.entry.clone()
        },
        log_index: Some(5),
    };
    assert!(
        store
            .insert_proved_entry(participation, &unproved, EntrySource::Found, now())
            .is_err()
    );
    assert_eq!(store.entries(participation).expect("read").len(), 2);
}

#[test]
fn a_version_17_file_keeps_every_entry_and_moves_a_claims_log_index_to_its_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saleguard.sqlite3");
    let scratch = dir.path().join("scratch.sqlite3");
    let participation = {
        let mut store = Store::open(&scratch).expect("scratch");
        let participation = participation(&mut store);
        for (entry, source) in [
            (
                delivery(
                    1_500,
                    "Read from the transaction's receipt: transfer log 12",
                ),
                EntrySource::Signed,
            ),
            (delivery(7, "transfer log 4, by hand"), EntrySource::Manual),
        ] {
            store
                .insert_entry(participation, &entry, source, now())
                .expect("entry");
        }
        participation
    };
    {
        let connection = common::file_at_version(&path, 17);
        connection
            .execute("ATTACH DATABASE ?1 AS scratch", [scratch.to_string_lossy()])
            .expect("attach");
        connection
            .execute_batch(
                "INSERT INTO main.sales SELECT * FROM scratch.sales;
                 INSERT INTO main.participations SELECT * FROM scratch.participations;
                 INSERT INTO main.participation_events SELECT * FROM scratch.participation_events;
                 INSERT INTO main.ledger_entries SELECT id, participation_id, kind, source,
                     happened_at, asset, decimals, amount_base_units, reference, from_party,
                     to_party, note, recorded_at
                   FROM scratch.ledger_entries;",
            )
            .expect("version-17 rows");
    }
    let store = Store::open(&path).expect("migrated");
    let kept: Vec<(String, EntrySource, Option<u64>)> = store
        .entries(participation)
        .expect("read")
        .into_iter()
        .map(|e| (e.entry.amount.to_string(), e.source, e.log_index))
        .collect();
    assert_eq!(
        kept,
        [
            ("1500".to_owned(), EntrySource::Signed, Some(12)),
            ("7".to_owned(), EntrySource::Manual, None),
        ]
    );
    assert_eq!(
        store.schema_version().expect("version"),
        LATEST_SCHEMA_VERSION
    );
}

#[test]
fn a_participations_entries_are_read_a_page_at_a_time_by_kind_and_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("saleguard.sqlite3")).expect("open");
    let first = participation(&mut store);
    let second = participation(&mut store);
    let kinds = [
        EntryKind::Contribution,
        EntryKind::Distribution,
        EntryKind::Refund,
    ];
    for index in 0..30_u64 {
        let entry = Entry {
            kind: kinds[usize::try_from(index % 3).expect("small")],
            // Every two entries share a moment: the order breaks the tie by id.
            happened_at: UtcTimestamp::from_unix_seconds(1_700_000_000 + (index / 2) as i64)
                .expect("valid"),
            ..delivery(index + 1, "")
        };
        store
            .insert_entry(first, &entry, EntrySource::Manual, now())
            .expect("entry");
    }
    store
        .insert_entry(second, &delivery(5, ""), EntrySource::Manual, now())
        .expect("entry");
    let counts = store.entry_counts().expect("counts");
    assert_eq!((counts[&first], counts[&second]), (30, 1));

    let read = |kind: Option<EntryKind>, order: TimeOrder, offset: u32| {
        store
            .entries_page(
                &EntryFilter {
                    participation: first,
                    kind,
                },
                order,
                PageRequest { offset, limit: 4 },
            )
            .expect("page")
    };
    let page = read(None, TimeOrder::OldestFirst, 4);
    assert_eq!(page.total, 30);
    let amounts: Vec<U256> = page.rows.iter().map(|row| row.entry.amount).collect();
    assert_eq!(
        amounts,
        [5, 6, 7, 8].map(U256::from),
        "oldest first, ties by id"
    );
    let newest = read(Some(EntryKind::Refund), TimeOrder::NewestFirst, 0);
    assert_eq!(newest.total, 10, "one kind only");
    let amounts: Vec<U256> = newest.rows.iter().map(|row| row.entry.amount).collect();
    assert_eq!(amounts, [30, 27, 24, 21].map(U256::from));
    let mut streamed = Vec::new();
    store
        .each_entry(
            &EntryFilter {
                participation: first,
                kind: None,
            },
            TimeOrder::OldestFirst,
            |row| {
                streamed.push(row);
                Ok::<_, saleguard_store::StoreError>(())
            },
        )
        .expect("streamed");
    assert_eq!(
        streamed,
        store.entries(first).expect("entries"),
        "as the ledger reads"
    );
}
