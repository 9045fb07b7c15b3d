//! Research, whitepaper fingerprints, KYC, refund deadlines and the country of
//! residence, over a real SQLite file.

use std::sync::Arc;

use saleguard_app::participations::calendar::CalendarEventKind;
use saleguard_app::participations::kyc::KycInput;
use saleguard_app::participations::kyc::KycStatus;
use saleguard_app::participations::{MoveParticipation, ParticipationState, StartParticipation};
use saleguard_app::research::{FactorInput, JurisdictionFindingKind, ResearchInput};
use saleguard_app::review::Severity;
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

fn factor(name: &str, score: &str) -> FactorInput {
    FactorInput {
        factor: name.into(),
        score: score.into(),
        notes: String::new(),
        evidence: Vec::new(),
    }
}

fn five_scored(excluded: &str) -> ResearchInput {
    let mut team = factor("team", "4");
    team.notes = "Founders named; two shipped wallets before.".into();
    team.evidence = vec!["https://aurora.example/team".into()];
    ResearchInput {
        factors: vec![
            factor("whitepaper", "4"),
            factor("roadmap", "4"),
            team,
            factor("market_potential", "4"),
            factor("token_economics", "4"),
        ],
        red_flags: vec!["no_third_party_audit".into()],
        eligible_jurisdictions: String::new(),
        excluded_jurisdictions: excluded.into(),
    }
}

fn go(app: &Saleguard, id: i64, to: ParticipationState, at: &str) {
    app.move_participation(
        id,
        &MoveParticipation {
            to,
            happened_at: at.into(),
            note: String::new(),
        },
    )
    .expect("moved");
}

fn start(app: &Saleguard, sale_id: i64) -> i64 {
    app.start_participation(&StartParticipation {
        sale_id,
        state: ParticipationState::Researching,
        happened_at: "2026-11-01 10:00".into(),
        note: String::new(),
    })
    .expect("started")
    .id
}

#[test]
fn the_scorecard_is_graded_and_the_jurisdictions_checked_against_where_the_user_lives() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let sale_id = sale(&app, false);

    let empty = app.research(sale_id).expect("research");
    assert_eq!(empty.updated_at, None);
    assert_eq!(empty.grade.letter, None);
    assert_eq!(empty.grade.scored, 0);
    assert_eq!(empty.factors.len(), 9);
    assert_eq!(
        empty.jurisdiction.kind,
        JurisdictionFindingKind::NoCountrySet
    );

    let saved = app
        .set_research(sale_id, &five_scored("US, cn"))
        .expect("saved");
    assert_eq!(
        saved.grade.letter.as_deref(),
        Some("B"),
        "80 - 10 for one red flag"
    );
    assert_eq!(saved.grade.points, Some(70));
    assert_eq!(saved.grade.scored, 5);
    assert!(
        saved
            .red_flags
            .iter()
            .any(|f| f.flag == "no_third_party_audit" && f.raised)
    );
    assert_eq!(
        saved
            .excluded_jurisdictions
            .iter()
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>(),
        vec!["US", "CN"]
    );
    assert_eq!(saved.input.excluded_jurisdictions, "US, CN");
    assert_eq!(
        saved.factors[2].evidence,
        vec!["https://aurora.example/team"]
    );

    app.set_residence_country("us").expect("set");
    let excluded = app.research(sale_id).expect("research");
    assert_eq!(
        excluded.jurisdiction.kind,
        JurisdictionFindingKind::Excluded
    );
    assert_eq!(excluded.jurisdiction.severity, Severity::Block);
    assert!(
        excluded.jurisdiction.message.contains("United States"),
        "{}",
        excluded.jurisdiction.message
    );

    app.set_residence_country("DE").expect("set");
    let fine = app.research(sale_id).expect("research");
    assert_eq!(fine.jurisdiction.kind, JurisdictionFindingKind::NotExcluded);
    assert_eq!(fine.jurisdiction.severity, Severity::Info);
}

#[test]
fn bad_research_names_every_field_and_keeps_what_was_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let sale_id = sale(&app, false);
    let saved = app.set_research(sale_id, &five_scored("")).expect("saved");

    let mut bad = five_scored("XX");
    bad.factors[0].score = "7".into();
    bad.factors[1].evidence = vec!["javascript:alert(1)".into()];
    bad.factors[2].notes = "n".repeat(4_001);
    bad.factors.push(factor("vibes", "5"));
    bad.red_flags.push("moon_soon".into());
    bad.eligible_jurisdictions = "DE".into();
    let error = app.set_research(sale_id, &bad).expect_err("refused");
    let fields: Vec<(String, ErrorCode)> = error
        .invalid_fields
        .iter()
        .map(|f| (f.field.clone(), f.code))
        .collect();
    for expected in [
        ("factors.whitepaper.score", ErrorCode::InvalidScore),
        ("factors.roadmap.evidence.0", ErrorCode::InvalidUrl),
        ("factors.team.notes", ErrorCode::TooLong),
        ("factors.5", ErrorCode::InvalidChoice),
        ("redFlags", ErrorCode::InvalidChoice),
        ("excludedJurisdictions", ErrorCode::UnknownCountry),
    ] {
        assert!(
            fields.contains(&(expected.0.to_owned(), expected.1)),
            "{expected:?} in {fields:?}"
        );
    }
    let mut contradiction = five_scored("DE");
    contradiction.eligible_jurisdictions = "de, at".into();
    assert_eq!(
        app.set_research(sale_id, &contradiction)
            .expect_err("refused")
            .code,
        ErrorCode::ContradictoryJurisdictions
    );
    assert_eq!(
        app.research(sale_id).expect("research"),
        saved,
        "nothing half-saved"
    );
    assert_eq!(
        app.set_research(404, &five_scored(""))
            .expect_err("refused")
            .code,
        ErrorCode::SaleNotFound
    );
    assert_eq!(
        app.research(404).expect_err("refused").code,
        ErrorCode::SaleNotFound
    );
}

#[test]
fn a_whitepaper_file_is_fingerprinted_and_a_changed_one_noticed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let sale_id = sale(&app, false);
    let file = dir.path().join("aurora-whitepaper.pdf");
    std::fs::write(&file, b"abc").expect("write");
    let first = app.record_whitepaper_file(sale_id, &file).expect("kept");
    assert_eq!(first.whitepapers.len(), 1);
    assert_eq!(
        first.whitepapers[0].sha256,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "the SHA-256 of \"abc\" (FIPS 180-2)"
    );
    assert_eq!(first.whitepapers[0].file_name, "aurora-whitepaper.pdf");
    assert_eq!(first.whitepapers[0].byte_count, 3);
    assert!(!first.whitepaper_changed);

    let same = app
        .record_whitepaper(
            sale_id,
            &first.whitepapers[0].sha256.to_uppercase(),
            "copy.pdf",
            3,
        )
        .expect("kept");
    assert!(
        !same.whitepaper_changed,
        "the same digest, whatever the name"
    );

    std::fs::write(&file, b"abd").expect("write");
    let changed = app.record_whitepaper_file(sale_id, &file).expect("kept");
    assert_eq!(changed.whitepapers.len(), 3);
    assert!(changed.whitepaper_changed);

    let missing = app
        .record_whitepaper_file(sale_id, &dir.path().join("nope.pdf"))
        .expect_err("refused");
    assert_eq!(missing.code, ErrorCode::FileUnreadable);
    assert_eq!(missing.field.as_deref(), Some("file"));
    let empty = dir.path().join("empty.pdf");
    std::fs::write(&empty, b"").expect("write");
    assert_eq!(
        app.record_whitepaper_file(sale_id, &empty)
            .expect_err("refused")
            .code,
        ErrorCode::EmptyFile
    );
    assert_eq!(
        app.record_whitepaper(sale_id, "xyz", "wp.pdf", 10)
            .expect_err("refused")
            .code,
        ErrorCode::InvalidDigest
    );
    assert_eq!(
        app.research(sale_id).expect("research").whitepapers.len(),
        3,
        "refusals kept nothing"
    );
}

#[test]
fn kyc_status_follows_the_history_and_its_details_are_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let sale_id = sale(&app, true);
    let id = start(&app, sale_id);
    let before = app.participation(id).expect("participation");
    assert_eq!(before.kyc.status, KycStatus::NotStarted);
    assert!(before.kyc.required);

    go(&app, id, ParticipationState::KycPending, "2026-11-20 09:00");
    let input = KycInput {
        provider: "Fractal ID".into(),
        submitted_at: "2026-11-20 09:30".into(),
        reference: "FRC-2231".into(),
        notes: "Asked for a second proof of address.".into(),
    };
    let saved = app.set_kyc(id, &input).expect("saved");
    assert_eq!(saved.kyc.status, KycStatus::Pending);
    assert_eq!(saved.kyc.details.provider, "Fractal ID");
    assert_eq!(saved.kyc.details.submitted_at, "2026-11-20 09:30");
    go(
        &app,
        id,
        ParticipationState::KycApproved,
        "2026-11-22 09:00",
    );
    assert_eq!(
        app.participation(id).expect("participation").kyc.status,
        KycStatus::Approved
    );

    let bad = KycInput {
        submitted_at: "2027-01-01 00:00".into(),
        provider: "p".repeat(121),
        ..input.clone()
    };
    let error = app.set_kyc(id, &bad).expect_err("refused");
    let fields: Vec<_> = error
        .invalid_fields
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        fields,
        vec![
            ("provider", ErrorCode::TooLong),
            ("submittedAt", ErrorCode::InTheFuture)
        ]
    );
    assert_eq!(
        app.participation(id)
            .expect("participation")
            .kyc
            .details
            .provider,
        "Fractal ID",
        "the refused details changed nothing"
    );
    assert_eq!(
        app.set_kyc(999, &input).expect_err("refused").code,
        ErrorCode::ParticipationNotFound
    );
}

#[test]
fn a_refund_deadline_is_on_the_calendar_while_the_refund_is_due() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let sale_id = sale(&app, false);
    let id = start(&app, sale_id);
    let early = app
        .set_refund_deadline(id, "2027-01-31 23:59")
        .expect_err("no refund is due yet");
    assert_eq!(early.code, ErrorCode::IllegalTransition);
    assert_eq!(early.field.as_deref(), Some("refundDeadline"));

    go(
        &app,
        id,
        ParticipationState::Contributed,
        "2026-11-05 10:00",
    );
    go(
        &app,
        id,
        ParticipationState::SoftCapMissed,
        "2026-11-30 10:00",
    );
    go(&app, id, ParticipationState::RefundDue, "2026-12-01 10:00");
    assert_eq!(
        app.set_refund_deadline(id, "31 January")
            .expect_err("refused")
            .code,
        ErrorCode::InvalidDatetime
    );
    let set = app
        .set_refund_deadline(id, "2027-01-31 23:59")
        .expect("set");
    assert_eq!(set.refund_deadline.as_deref(), Some("2027-01-31T23:59:00Z"));
    let deadlines = |app: &Saleguard| {
        app.calendar_between("", "")
            .expect("calendar")
            .into_iter()
            .filter(|e| e.kind == CalendarEventKind::RefundDeadline)
            .map(|e| (e.at, e.participation_id))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        deadlines(&app),
        vec![("2027-01-31T23:59:00Z".to_owned(), Some(id))]
    );

    go(&app, id, ParticipationState::Refunded, "2026-12-09 10:00");
    assert!(
        deadlines(&app).is_empty(),
        "a refund received has no deadline left"
    );
}

#[test]
fn the_country_of_residence_is_checked_and_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    assert_eq!(app.settings().expect("settings").residence_country, None);
    let set = app.set_residence_country(" de ").expect("set");
    let country = set.residence_country.expect("a country");
    assert_eq!(
        (country.code.as_str(), country.name.as_str()),
        ("DE", "Germany")
    );
    for bad in ["XX", "Germany", "DEU", "1"] {
        let error = app.set_residence_country(bad).expect_err("refused");
        assert_eq!(error.code, ErrorCode::UnknownCountry, "{bad}");
        assert_eq!(error.field.as_deref(), Some("residenceCountry"));
    }
    assert_eq!(
        app.settings()
            .expect("settings")
            .residence_country
            .map(|c| c.code),
        Some("DE".to_owned()),
        "a refusal changed nothing"
    );
    assert_eq!(
        app.set_residence_country("")
            .expect("cleared")
            .residence_country,
        None
    );
    assert!(saleguard_app::research::countries().len() > 240);
}
