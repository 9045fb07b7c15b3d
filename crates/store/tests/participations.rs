//! Participations and their append-only history in a real SQLite file.

use saleguard_core::fixtures::native_sale_draft;
use saleguard_core::participation::ParticipationState::*;
use saleguard_core::sale::{SaleId, SaleTerms};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_store::{NewStep, ParticipationId, Store, StoreError};

fn at(seconds: i64) -> UtcTimestamp {
    UtcTimestamp::from_unix_seconds(seconds).expect("in range")
}

fn step(to: saleguard_core::participation::ParticipationState, when: i64, note: &str) -> NewStep {
    NewStep {
        to,
        happened_at: at(when),
        note: note.to_owned(),
    }
}

fn store_with_sale() -> (tempfile::TempDir, Store, SaleId) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("p.sqlite3")).expect("open");
    let terms = SaleTerms::from_draft(&native_sale_draft("Aurora")).expect("valid");
    let sale = store.insert_sale(&terms, at(10)).expect("sale").id;
    (dir, store, sale)
}

#[test]
fn a_participation_keeps_every_step_in_order_across_reopening() {
    let (dir, mut store, sale) = store_with_sale();
    let started = store
        .insert_participation(
            sale,
            &step(Researching, 100, "read the whitepaper"),
            at(150),
        )
        .expect("started");
    assert_eq!(started.state, Researching);
    let moved = store
        .record_step(started.id, Researching, &step(Registered, 200, ""), at(250))
        .expect("moved");
    let moved = store
        .record_step(
            moved.id,
            Registered,
            &step(KycPending, 300, "sent passport"),
            at(350),
        )
        .expect("moved");
    drop(store);

    let store = Store::open(&dir.path().join("p.sqlite3")).expect("reopen");
    let read = store.participation(moved.id).expect("read");
    assert_eq!(read, moved);
    assert_eq!(read.state, KycPending);
    let path: Vec<_> = read
        .history
        .iter()
        .map(|s| (s.from, s.to, s.happened_at, s.recorded_at))
        .collect();
    assert_eq!(
        path,
        vec![
            (None, Researching, at(100), at(150)),
            (Some(Researching), Registered, at(200), at(250)),
            (Some(Registered), KycPending, at(300), at(350)),
        ]
    );
    assert_eq!(read.history[2].note, "sent passport");
    assert_eq!(
        store.participation_in_sale(sale).expect("by sale"),
        Some(read.clone())
    );
    assert_eq!(store.participations().expect("all"), vec![read]);
}

#[test]
fn history_cannot_be_rewritten_and_a_stale_move_is_refused() {
    let (dir, mut store, sale) = store_with_sale();
    let started = store
        .insert_participation(sale, &step(Researching, 100, ""), at(100))
        .expect("started");
    store
        .record_step(started.id, Researching, &step(Registered, 200, ""), at(200))
        .expect("moved");
    // Someone else moved it already: a move checked against the old state is refused.
    let stale = store.record_step(started.id, Researching, &step(Withdrawn, 300, ""), at(300));
    assert!(
        matches!(stale, Err(StoreError::ParticipationChanged(_))),
        "{stale:?}"
    );
    assert_eq!(
        store.participation(started.id).expect("read").history.len(),
        2
    );

    let conn = rusqlite::Connection::open(dir.path().join("p.sqlite3")).expect("open raw");
    let rewrite = conn.execute("UPDATE participation_events SET note = 'changed'", []);
    assert!(rewrite.is_err(), "the history is append-only");
    assert!(matches!(
        store.record_step(
            ParticipationId(99),
            Researching,
            &step(Registered, 1, ""),
            at(1)
        ),
        Err(StoreError::ParticipationNotFound(ParticipationId(99)))
    ));
}

#[test]
fn one_participation_per_sale_and_a_sale_with_one_is_archived_not_deleted() {
    let (_dir, mut store, sale) = store_with_sale();
    assert!(matches!(
        store.insert_participation(SaleId(42), &step(Researching, 1, ""), at(1)),
        Err(StoreError::SaleNotFound(SaleId(42)))
    ));
    let started = store
        .insert_participation(sale, &step(Researching, 1, ""), at(1))
        .expect("started");
    let second = store.insert_participation(sale, &step(Researching, 2, ""), at(2));
    assert!(
        matches!(second, Err(StoreError::ParticipationExists { participation, .. }) if participation == started.id)
    );

    assert!(matches!(
        store.delete_sale(sale),
        Err(StoreError::SaleHasParticipations(id)) if id == sale
    ));
    assert!(store.sale(sale).is_ok(), "still there");
    let archived = store
        .set_sale_archived(sale, Some(at(500)), at(500))
        .expect("archived");
    assert_eq!(archived.archived_at, Some(at(500)));
    let back = store
        .set_sale_archived(sale, None, at(600))
        .expect("unarchived");
    assert_eq!(back.archived_at, None);
    assert_eq!(
        store.participation(started.id).expect("kept").history.len(),
        1
    );
}
