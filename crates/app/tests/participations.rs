//! Participation use cases over a real SQLite file.

use crate::common;

use std::sync::Arc;

use common::entries_of;

use saleguard_app::participations::calendar::CalendarEventKind;
use saleguard_app::participations::{
    MoveParticipation, Participation, ParticipationState, ParticipationSummary, StartParticipation,
};
use saleguard_app::sales::ActionPurpose;
use saleguard_app::sales::actions::ActionInput;
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

/// An action of a sale with no contract of its own (the sale's) and no arguments.
fn action(name: &str, purpose: ActionPurpose, signature: &str) -> ActionInput {
    ActionInput {
        name: name.into(),
        purpose,
        contract: String::new(),
        contract_source: String::new(),
        signature: signature.into(),
        arguments: Vec::new(),
        claimable: String::new(),
    }
}

/// Starts a participation in `sale_id` at `state`, now and with no note.
fn start_now(app: &Saleguard, sale_id: i64, state: ParticipationState) -> Participation {
    app.start_participation(&StartParticipation {
        sale_id,
        state,
        happened_at: String::new(),
        note: String::new(),
    })
    .expect("started")
}

fn go(to: ParticipationState, at: &str, note: &str) -> MoveParticipation {
    MoveParticipation {
        to,
        happened_at: at.into(),
        note: note.into(),
    }
}

#[test]
fn a_kyc_sale_is_not_started_past_its_contribution_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let sale_id = sale(&app, true);
    let start = |state| StartParticipation {
        sale_id,
        state,
        happened_at: "2026-11-20 10:00".into(),
        note: String::new(),
    };
    let refused = app
        .start_participation(&start(ParticipationState::Contributed))
        .expect_err("no approval in the history");
    assert_eq!(refused.code, ErrorCode::KycNotApproved);
    assert_eq!(refused.field.as_deref(), Some("state"));
    assert!(app.list_participations().expect("list").is_empty());
    let approved = app
        .start_participation(&start(ParticipationState::KycApproved))
        .expect("started at the approval");
    assert!(
        approved
            .next_states
            .contains(&ParticipationState::Contributed)
    );
}

#[test]
fn a_participation_goes_through_kyc_to_a_contribution_with_every_step_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let sale_id = sale(&app, true);
    let started = app
        .start_participation(&StartParticipation {
            sale_id,
            state: ParticipationState::Researching,
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
        !started
            .next_states
            .contains(&ParticipationState::Contributed),
        "KYC first"
    );

    let refused = app
        .move_participation(
            started.id,
            &go(ParticipationState::Contributed, "2026-12-01 10:00", ""),
        )
        .expect_err("KYC required");
    assert_eq!(refused.code, ErrorCode::KycNotApproved);
    assert_eq!(refused.field.as_deref(), Some("to"));

    let id = started.id;
    app.move_participation(
        id,
        &go(ParticipationState::KycPending, "2026-12-10 12:00", "sent"),
    )
    .expect("pending");
    let approved = app
        .move_participation(
            id,
            &go(ParticipationState::KycApproved, "2026-12-10 12:00", ""),
        )
        .expect("approved");
    assert!(
        approved
            .next_states
            .contains(&ParticipationState::Contributed)
    );
    let contributed = app
        .move_participation(
            id,
            &go(ParticipationState::Contributed, "", "2 ETH from Main"),
        )
        .expect("contributed");
    let steps: Vec<_> = contributed.history.iter().map(|s| (s.from, s.to)).collect();
    assert_eq!(
        steps,
        vec![
            (None, ParticipationState::Researching),
            (
                Some(ParticipationState::Researching),
                ParticipationState::KycPending
            ),
            (
                Some(ParticipationState::KycPending),
                ParticipationState::KycApproved
            ),
            (
                Some(ParticipationState::KycApproved),
                ParticipationState::Contributed
            ),
        ]
    );
    assert_eq!(
        contributed.next_states,
        vec![
            ParticipationState::SoftCapMissed,
            ParticipationState::Succeeded
        ]
    );
    let withdraw = app
        .move_participation(id, &go(ParticipationState::Withdrawn, "", ""))
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
        state: ParticipationState::Researching,
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
            &go(ParticipationState::Registered, "2026-12-04 23:59", ""),
        )
        .expect_err("before the first step");
    assert_eq!(early.code, ErrorCode::BeforePreviousStep);
    assert_eq!(
        app.move_participation(started.id, &go(ParticipationState::Researching, "", ""))
            .expect_err("same state")
            .code,
        ErrorCode::IllegalTransition
    );
    assert_eq!(
        app.move_participation(404, &go(ParticipationState::Registered, "", ""))
            .expect_err("unknown")
            .code,
        ErrorCode::ParticipationNotFound
    );
    // Without KYC, a contribution may follow research directly.
    app.move_participation(started.id, &go(ParticipationState::Contributed, "", ""))
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
    start_now(&app, sale_id, ParticipationState::Registered);
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

fn linear_plan() -> saleguard_app::participations::vesting::VestingInput {
    saleguard_app::participations::vesting::VestingInput {
        total_tokens: "1200".into(),
        tge_at: "2026-12-01 00:00".into(),
        kind: "linear".into(),
        at_tge_percent: "10".into(),
        cliff_months: "0".into(),
        months: "12".into(),
        frequency: "monthly".into(),
        tranches: Vec::new(),
    }
}

#[test]
fn a_vesting_plan_gives_the_schedule_the_next_unlock_and_the_calendar() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let sale_id = sale(&app, false);
    let started = start_now(&app, sale_id, ParticipationState::Contributed);
    let with_plan = app.set_vesting(started.id, &linear_plan()).expect("plan");
    let vesting = with_plan.vesting.expect("vesting shown");
    assert_eq!(vesting.unlocks.len(), 13);
    assert_eq!(vesting.total.decimal, "1200");
    // Now is 2026-12-10: the TGE share (120) has unlocked; next is 90 on 1 January.
    assert_eq!(vesting.unlocked_now.decimal, "120");
    let next = vesting.next_unlock.expect("more to come");
    assert_eq!(
        (next.at.as_str(), next.amount.decimal.as_str()),
        ("2027-01-01T00:00:00Z", "90")
    );
    assert_eq!(vesting.plan, linear_plan(), "the plan reads back as typed");
    let next_event = with_plan.next_event.expect("something comes next");
    assert_eq!(
        (next_event.kind, next_event.at.as_str()),
        (CalendarEventKind::SaleCloses, "2026-12-15T14:00:00Z"),
        "the sale closes (15 December) before the next unlock (1 January)"
    );

    let calendar = app
        .calendar_between("", "2027-02-15 00:00")
        .expect("calendar");
    let unlocks: Vec<_> = calendar
        .iter()
        .filter(|e| e.participation_id == Some(started.id))
        .map(|e| e.at.as_str())
        .collect();
    assert_eq!(
        unlocks,
        vec!["2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z"]
    );
    assert!(
        calendar.windows(2).all(|pair| pair[0].at <= pair[1].at),
        "in time order"
    );
    let refused = app
        .calendar_between("2027-01-01 00:00", "2026-01-01 00:00")
        .expect_err("reversed");
    assert_eq!(refused.code, ErrorCode::EndsBeforeStart);

    let bad = saleguard_app::participations::vesting::VestingInput {
        cliff_months: "13".into(),
        total_tokens: "1.0000000000000000001".into(),
        ..linear_plan()
    };
    let error = app.set_vesting(started.id, &bad).expect_err("refused");
    let fields: Vec<_> = error
        .invalid_fields
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        fields,
        vec![("totalTokens", ErrorCode::TooManyDecimalPlaces)]
    );
    let cliff = saleguard_app::participations::vesting::VestingInput {
        cliff_months: "13".into(),
        ..linear_plan()
    };
    let error = app.set_vesting(started.id, &cliff).expect_err("refused");
    assert_eq!(
        (error.code, error.field.as_deref()),
        (ErrorCode::InvalidVestingPlan, Some("cliffMonths"))
    );
    assert_eq!(
        app.participation(started.id)
            .expect("read")
            .vesting
            .expect("kept")
            .unlocks
            .len(),
        13,
        "a refused plan changes nothing"
    );
}

#[test]
fn a_payment_made_elsewhere_is_recorded_exactly_and_bad_entries_change_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let sale_id = sale(&app, false);
    let started = start_now(&app, sale_id, ParticipationState::Contributed);
    let btc = saleguard_app::participations::entries::EntryInput {
        kind: "contribution".into(),
        happened_at: "2026-12-01 10:00".into(),
        asset: "BTC".into(),
        decimals: "8".into(),
        amount: "0.015".into(),
        reference: "4a5e1e4b".into(),
        from: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq".into(),
        to: "Exchange".into(),
        note: String::new(),
    };
    let recorded = app.record_entry(started.id, &btc).expect("recorded");
    assert_eq!(recorded.entry_count, 1);
    let entries = entries_of(&app, started.id);
    assert_eq!(entries[0].amount.base_units, "1500000");
    assert_eq!(entries[0].source, "manual");

    let too_precise = saleguard_app::participations::entries::EntryInput {
        amount: "0.000000001".into(),
        ..btc.clone()
    };
    let error = app
        .record_entry(started.id, &too_precise)
        .expect_err("9 decimals");
    assert_eq!(
        (error.code, error.field.as_deref()),
        (ErrorCode::TooManyDecimalPlaces, Some("amount"))
    );
    let future = saleguard_app::participations::entries::EntryInput {
        happened_at: "2027-06-01 00:00".into(),
        ..btc.clone()
    };
    assert_eq!(
        app.record_entry(started.id, &future)
            .expect_err("future")
            .code,
        ErrorCode::InTheFuture
    );
    assert_eq!(
        app.record_entry(999, &btc).expect_err("unknown").code,
        ErrorCode::ParticipationNotFound
    );
    assert_eq!(app.participation(started.id).expect("read").entry_count, 1);
}

#[test]
fn the_actions_offered_follow_the_state_and_the_end_of_the_sale() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let sale = sale(&app, false);
    app.add_action(
        sale,
        &action("Claim refund", ActionPurpose::ClaimRefund, "claimRefund()"),
    )
    .expect("refund");
    app.add_action(
        sale,
        &action(
            "Withdraw tokens",
            ActionPurpose::ClaimTokens,
            "withdrawTokens()",
        ),
    )
    .expect("claim");
    app.add_action(
        sale,
        &action("Finalize", ActionPurpose::Other, "finalize()"),
    )
    .expect("other");
    let started = start_now(&app, sale, ParticipationState::Researching);
    let names = |participation: &saleguard_app::participations::Participation| -> Vec<(ActionPurpose, String, bool)> {
        participation
            .offered_actions
            .iter()
            .map(|a| (a.purpose, a.name.clone(), a.action_id.is_some()))
            .collect()
    };
    assert_eq!(
        names(&started),
        [
            (ActionPurpose::Contribute, "Contribute".to_owned(), false),
            (ActionPurpose::Other, "Finalize".to_owned(), true),
        ],
        "the sale is open: a plain transfer contributes; no claim before money went in"
    );
    let contributed = app
        .move_participation(
            started.id,
            &go(ParticipationState::Contributed, "2026-12-10 12:00", ""),
        )
        .expect("contributed");
    assert_eq!(
        names(&contributed)
            .into_iter()
            .map(|(purpose, ..)| purpose)
            .collect::<Vec<_>>(),
        [
            ActionPurpose::Contribute,
            ActionPurpose::ClaimRefund,
            ActionPurpose::Other
        ],
        "no token claim before the sale has ended"
    );

    // After the sale ended (15 December), with the same data.
    let later = Saleguard::start(
        DataPaths::at(dir.path()),
        Arc::new(FixedClock(
            UtcTimestamp::parse("2026-12-20 12:00").expect("time"),
        )),
    );
    let ended = later.participation(started.id).expect("read");
    assert_eq!(
        names(&ended)
            .into_iter()
            .map(|(purpose, ..)| purpose)
            .collect::<Vec<_>>(),
        [
            ActionPurpose::ClaimRefund,
            ActionPurpose::ClaimTokens,
            ActionPurpose::Other
        ],
        "no contribution once the sale has ended; its tokens may be claimed"
    );
    let refunded = later
        .move_participation(
            started.id,
            &go(ParticipationState::SoftCapMissed, "2026-12-16 09:00", ""),
        )
        .and_then(|_| {
            later.move_participation(
                started.id,
                &go(ParticipationState::RefundDue, "2026-12-16 10:00", ""),
            )
        })
        .and_then(|_| {
            later.move_participation(
                started.id,
                &go(ParticipationState::Refunded, "2026-12-17 10:00", ""),
            )
        })
        .expect("refunded");
    assert_eq!(
        names(&refunded)
            .into_iter()
            .map(|(purpose, ..)| purpose)
            .collect::<Vec<_>>(),
        [ActionPurpose::Other],
        "no refund claim once refunded"
    );
}

#[test]
fn the_list_shows_each_participation_as_it_is_shown_alone() {
    use saleguard_app::participations::entries::EntryInput;
    use saleguard_app::participations::kyc::KycInput;
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let started = |sale_id, state| start_now(&app, sale_id, state).id;
    // A participation with a plan, two entries and its sale's actions.
    let first_sale = sale(&app, false);
    for (name, purpose, signature) in [
        ("Claim refund", ActionPurpose::ClaimRefund, "claimRefund()"),
        ("Finalize", ActionPurpose::Other, "finalize()"),
    ] {
        app.add_action(first_sale, &action(name, purpose, signature))
            .expect("action");
    }
    let planned = started(first_sale, ParticipationState::Contributed);
    app.set_vesting(planned, &linear_plan()).expect("plan");
    for (at, amount) in [("2026-12-02 10:00", "0.5"), ("2026-12-01 10:00", "0.25")] {
        let entry = EntryInput {
            kind: "contribution".into(),
            happened_at: at.into(),
            asset: "ETH".into(),
            decimals: "18".into(),
            amount: amount.into(),
            reference: String::new(),
            from: String::new(),
            to: String::new(),
            note: String::new(),
        };
        app.record_entry(planned, &entry).expect("entry");
    }
    // A KYC sale: details kept, three steps of history.
    let kyc_sale = sale(&app, true);
    let kyc = started(kyc_sale, ParticipationState::Researching);
    app.set_kyc(
        kyc,
        &KycInput {
            provider: "Synaps".into(),
            submitted_at: "2026-12-03 09:30".into(),
            reference: "A-17".into(),
            notes: String::new(),
        },
    )
    .expect("kyc");
    for to in [
        ParticipationState::KycPending,
        ParticipationState::KycApproved,
    ] {
        app.move_participation(kyc, &go(to, "", "")).expect("moved");
    }
    // A refund due by a deadline, on a sale since archived.
    let refund_sale = sale(&app, false);
    let refund = started(refund_sale, ParticipationState::RefundDue);
    app.set_refund_deadline(refund, "2026-12-20 00:00")
        .expect("deadline");
    app.set_sale_archived(refund_sale, true).expect("archived");
    // One with nothing beside it, and one whose sale no longer matters (fully claimed)
    // with tokens still to unlock.
    let bare = started(sale(&app, false), ParticipationState::Researching);
    let claimed = started(sale(&app, false), ParticipationState::FullyClaimed);
    app.set_vesting(claimed, &linear_plan()).expect("plan");

    let alone: Vec<_> = [planned, kyc, refund, bare, claimed]
        .into_iter()
        .map(|id| app.participation(id).expect("read"))
        .collect();
    // Shown whole (the readable export): every part as it is shown alone.
    let whole = app.participations_in_full().expect("in full");
    assert_eq!(whole, alone);
    // What each shows is there (not only equal: equally empty would pass).
    assert_eq!(whole[0].entry_count, 2);
    assert!(whole[0].vesting.is_some());
    assert_eq!(
        whole[0]
            .offered_actions
            .iter()
            .filter(|offered| offered.action_id.is_some())
            .count(),
        2,
        "both of the sale's actions"
    );
    assert_eq!(whole[1].history.len(), 3);
    assert_eq!(whole[1].kyc.details.reference, "A-17");
    assert_eq!(
        whole[2].refund_deadline.as_deref(),
        Some("2026-12-20T00:00:00Z")
    );
    assert!(whole[3].entry_count == 0 && whole[3].vesting.is_none());

    // The list: each as its summary alone, read without the rest.
    let listed = app.list_participations().expect("list");
    let summaries: Vec<_> = alone.iter().map(ParticipationSummary::from).collect();
    assert_eq!(listed, summaries);
    assert_eq!(
        (listed[1].steps, listed[1].last_step_at.as_str()),
        (3, "2026-12-10T12:00:00Z")
    );
    let next = |i: usize| {
        let event = listed[i].next_event.as_ref().expect("something comes next");
        (
            event.kind,
            event.at.as_str(),
            event.amount.as_ref().map(|amount| amount.decimal.as_str()),
        )
    };
    assert_eq!(
        next(0),
        (CalendarEventKind::SaleCloses, "2026-12-15T14:00:00Z", None)
    );
    assert_eq!(
        next(4),
        (
            CalendarEventKind::Unlock,
            "2027-01-01T00:00:00Z",
            Some("90")
        ),
        "the next unlock of its plan, the sale's window behind it"
    );
}

#[test]
fn a_ledger_is_read_a_page_at_a_time_by_kind_and_a_missing_participation_is_said() {
    use saleguard_app::dto::{ListOrder, PageInput};
    use saleguard_app::participations::entries::{EntryInput, EntryQuery};
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let sale_id = sale(&app, false);
    let id = app
        .start_participation(&StartParticipation {
            sale_id,
            state: ParticipationState::Contributed,
            happened_at: "2026-11-01 10:00".into(),
            note: String::new(),
        })
        .expect("started")
        .id;
    for (day, kind) in [(2, "contribution"), (3, "contribution"), (4, "refund")] {
        app.record_entry(
            id,
            &EntryInput {
                kind: kind.into(),
                happened_at: format!("2026-11-0{day} 10:00"),
                asset: "ETH".into(),
                decimals: "18".into(),
                amount: format!("{day}"),
                ..EntryInput::default()
            },
        )
        .expect("entry");
    }
    let contributions = EntryQuery {
        kind: " Contribution ".into(),
        order: ListOrder::NewestFirst,
    };
    let page = app
        .entries(
            id,
            &contributions,
            PageInput {
                offset: 0,
                limit: 1,
            },
        )
        .expect("page");
    assert_eq!(page.total, 2);
    assert_eq!(page.rows[0].amount.decimal, "3", "newest first");
    assert_eq!(app.participation(id).expect("read").entry_count, 3);

    let refused = app
        .entries(
            id,
            &EntryQuery {
                kind: "gift".into(),
                ..EntryQuery::LEDGER
            },
            PageInput::FIRST,
        )
        .expect_err("no such kind");
    assert_eq!(
        (refused.code, refused.field.as_deref()),
        (ErrorCode::InvalidChoice, Some("kind"))
    );
    assert_eq!(
        app.entries(id + 1, &EntryQuery::LEDGER, PageInput::FIRST)
            .expect_err("no such participation")
            .code,
        ErrorCode::ParticipationNotFound
    );
}

#[test]
fn transactions_are_listed_a_page_at_a_time_and_a_missing_participation_is_said() {
    use saleguard_app::dto::{ListOrder, PageInput};
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let sale_id = sale(&app, false);
    let id = start_now(&app, sale_id, ParticipationState::Registered).id;
    let none = app
        .transactions(id, ListOrder::NewestFirst, PageInput::FIRST)
        .expect("a page");
    assert_eq!((none.rows.len(), none.offset, none.total), (0, 0, 0));
    let mut walked = 0;
    app.each_transaction(id, ListOrder::OldestFirst, |_| {
        walked += 1;
        Ok(())
    })
    .expect("walked");
    assert_eq!(walked, 0);

    for missing in [
        app.transactions(id + 1, ListOrder::NewestFirst, PageInput::FIRST)
            .expect_err("no such participation"),
        app.each_transaction(id + 1, ListOrder::OldestFirst, |_| Ok(()))
            .expect_err("no such participation"),
    ] {
        assert_eq!(missing.code, ErrorCode::ParticipationNotFound);
    }
    let too_long = app
        .transactions(
            id,
            ListOrder::NewestFirst,
            PageInput {
                offset: 0,
                limit: 501,
            },
        )
        .expect_err("more rows than a page holds");
    assert_eq!(
        (too_long.code, too_long.field.as_deref()),
        (ErrorCode::InvalidArgument, Some("limit"))
    );
}
