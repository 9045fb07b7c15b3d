//! Participation use cases over a real SQLite file.

use std::sync::Arc;

use saleguard_app::participations::{MoveParticipation, StartParticipation, StateName};
use saleguard_app::{DataPaths, ErrorCode, FixedClock, SaleDraft, Saleguard, UtcTimestamp};
use saleguard_core::fixtures::native_sale_draft;

fn app(dir: &std::path::Path) -> Saleguard {
    let now = UtcTimestamp::parse("2026-12-10 12:00").expect("time");
    Saleguard::start(DataPaths::at(dir), Arc::new(FixedClock(now)))
}

fn sale(app: &Saleguard, kyc: bool) -> i64 {
    let draft = SaleDraft {
        kyc_required: kyc,
        ..native_sale_draft("Aurora")
    };
    app.create_sale(draft).expect("sale").id
}

fn go(to: StateName, at: &str, note: &str) -> MoveParticipation {
    MoveParticipation {
        to,
        happened_at: at.into(),
        note: note.into(),
    }
}

#[test]
fn a_participation_goes_through_kyc_to_a_contribution_with_every_step_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let sale_id = sale(&app, true);
    let started = app
        .start_participation(&StartParticipation {
            sale_id,
            state: StateName::Researching,
            happened_at: String::new(),
            note: "whitepaper read".into(),
        })
        .expect("started");
    assert_eq!(started.project_name, "Aurora");
    assert_eq!(
        started.history[0].happened_at, "2026-12-10T12:00:00Z",
        "empty means now"
    );
    assert!(
        !started.next_states.contains(&StateName::Contributed),
        "KYC first"
    );

    let refused = app
        .move_participation(
            started.id,
            &go(StateName::Contributed, "2026-12-01 10:00", ""),
        )
        .expect_err("KYC required");
    assert_eq!(refused.code, ErrorCode::KycNotApproved);
    assert_eq!(refused.field.as_deref(), Some("to"));

    let id = started.id;
    app.move_participation(id, &go(StateName::KycPending, "2026-12-10 12:00", "sent"))
        .expect("pending");
    let approved = app
        .move_participation(id, &go(StateName::KycApproved, "2026-12-10 12:00", ""))
        .expect("approved");
    assert!(approved.next_states.contains(&StateName::Contributed));
    let contributed = app
        .move_participation(id, &go(StateName::Contributed, "", "2 ETH from Main"))
        .expect("contributed");
    let steps: Vec<_> = contributed.history.iter().map(|s| (s.from, s.to)).collect();
    assert_eq!(
        steps,
        vec![
            (None, StateName::Researching),
            (Some(StateName::Researching), StateName::KycPending),
            (Some(StateName::KycPending), StateName::KycApproved),
            (Some(StateName::KycApproved), StateName::Contributed),
        ]
    );
    assert_eq!(
        contributed.next_states,
        vec![StateName::SoftCapMissed, StateName::Succeeded]
    );
    let withdraw = app
        .move_participation(id, &go(StateName::Withdrawn, "", ""))
        .expect_err("too late to withdraw");
    assert_eq!(withdraw.code, ErrorCode::IllegalTransition);
    assert_eq!(
        app.participation(id).expect("read").history.len(),
        4,
        "nothing half-written"
    );
}

#[test]
fn bad_dates_notes_and_ids_are_typed_errors_that_change_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let sale_id = sale(&app, false);
    let start = |at: &str, note: &str| StartParticipation {
        sale_id,
        state: StateName::Researching,
        happened_at: at.into(),
        note: note.into(),
    };
    for (input, code, field) in [
        (
            start("2027-01-01 00:00", ""),
            ErrorCode::InTheFuture,
            "happenedAt",
        ),
        (
            start("yesterday", ""),
            ErrorCode::InvalidDatetime,
            "happenedAt",
        ),
        (start("", &"n".repeat(2_001)), ErrorCode::TooLong, "note"),
        (start("", "bell\u{7}"), ErrorCode::InvalidText, "note"),
    ] {
        let error = app.start_participation(&input).expect_err("refused");
        assert_eq!((error.code, error.field.as_deref()), (code, Some(field)));
    }
    let unknown_sale = StartParticipation {
        sale_id: 999,
        ..start("", "")
    };
    assert_eq!(
        app.start_participation(&unknown_sale)
            .expect_err("no sale")
            .code,
        ErrorCode::SaleNotFound
    );
    assert!(app.list_participations().expect("list").is_empty());

    let started = app
        .start_participation(&start("2026-12-05 00:00", ""))
        .expect("started");
    assert_eq!(
        app.start_participation(&start("", ""))
            .expect_err("one per sale")
            .code,
        ErrorCode::ParticipationExists
    );
    let early = app
        .move_participation(
            started.id,
            &go(StateName::Registered, "2026-12-04 23:59", ""),
        )
        .expect_err("before the first step");
    assert_eq!(early.code, ErrorCode::BeforePreviousStep);
    assert_eq!(
        app.move_participation(started.id, &go(StateName::Researching, "", ""))
            .expect_err("same state")
            .code,
        ErrorCode::IllegalTransition
    );
    assert_eq!(
        app.move_participation(404, &go(StateName::Registered, "", ""))
            .expect_err("unknown")
            .code,
        ErrorCode::ParticipationNotFound
    );
    // Without KYC, a contribution may follow research directly.
    app.move_participation(started.id, &go(StateName::Contributed, "", ""))
        .expect("no KYC needed");
    assert_eq!(
        app.participation(started.id).expect("read").history.len(),
        2
    );
}

#[test]
fn a_sale_with_a_participation_is_archived_instead_of_deleted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let sale_id = sale(&app, false);
    app.start_participation(&StartParticipation {
        sale_id,
        state: StateName::Registered,
        happened_at: String::new(),
        note: String::new(),
    })
    .expect("started");
    let refused = app.delete_sale(sale_id).expect_err("has a participation");
    assert_eq!(refused.code, ErrorCode::SaleHasParticipations);
    assert!(refused.message.contains("archive"), "{}", refused.message);
    let archived = app.set_sale_archived(sale_id, true).expect("archived");
    assert_eq!(
        archived.archived_at.as_deref(),
        Some("2026-12-10T12:00:00Z")
    );
    let back = app.set_sale_archived(sale_id, false).expect("back");
    assert_eq!(back.archived_at, None);
    assert_eq!(app.list_participations().expect("list").len(), 1);
}
