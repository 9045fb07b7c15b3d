//! The use cases over a real SQLite file in a temporary data directory.

use std::sync::Arc;

use saleguard_app::{
    AppError, DataPaths, ErrorCode, FixedClock, SaleDraft, SaleStatus, Saleguard, UtcTimestamp,
};
use saleguard_core::fixtures::native_sale_draft;

fn at(text: &str) -> UtcTimestamp {
    UtcTimestamp::parse(text).expect("test time")
}

fn app_at(dir: &std::path::Path, now: &str) -> Saleguard {
    Saleguard::start(DataPaths::at(dir), Arc::new(FixedClock(at(now))))
}

/// A valid draft, its address typed in lower case as users often paste it.
fn draft(name: &str) -> SaleDraft {
    SaleDraft {
        contribution_address: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed".into(),
        ..native_sale_draft(name)
    }
}

#[test]
fn a_created_sale_is_listed_with_exact_amounts_and_its_status_at_now() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app_at(dir.path(), "2026-12-05 00:00");
    let created = app.create_sale(draft("Aurora")).expect("valid sale");
    assert_eq!(
        created.contribution_address, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "stored checksummed"
    );
    assert_eq!(
        created
            .min_contribution
            .as_ref()
            .map(|a| a.base_units.as_str()),
        Some("100000000000000000")
    );
    assert_eq!(created.status, SaleStatus::Open);

    let later = app_at(dir.path(), "2027-01-01 00:00");
    let listed = later.list_sales().expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0].status,
        SaleStatus::Ended,
        "status is computed at read time"
    );
    assert_eq!(
        listed[0]
            .hard_cap
            .as_ref()
            .map(|a| (a.decimal.as_str(), a.symbol.as_str())),
        Some(("500", "ETH"))
    );
}

#[test]
fn invalid_input_is_refused_with_every_field_error_and_nothing_is_stored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app_at(dir.path(), "2026-12-05 00:00");
    let mut bad = draft("Aurora");
    bad.soft_cap = "600".into();
    bad.hard_cap = "500".into();
    bad.contribution_address = "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".into();
    let error = app.create_sale(bad).expect_err("two rules broken");
    assert_eq!(
        error.code,
        ErrorCode::BadChecksum,
        "the first problem in form order"
    );
    assert_eq!(error.field.as_deref(), Some("contributionAddress"));
    let fields: Vec<_> = error
        .invalid_fields
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        fields,
        vec![
            ("contributionAddress", ErrorCode::BadChecksum),
            ("softCap", ErrorCode::SoftCapAboveHardCap)
        ]
    );
    assert!(
        app.list_sales().expect("list").is_empty(),
        "nothing was stored"
    );
}

#[test]
fn the_wire_error_shape_is_code_message_field_and_invalid_fields() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app_at(dir.path(), "2026-12-05 00:00");
    let mut bad = draft("Aurora");
    bad.ends_at = "2026-11-01 00:00".into();
    let error = app.create_sale(bad).expect_err("end before start");
    let json = serde_json::to_value(&error).expect("serialisable");
    assert_eq!(
        json,
        serde_json::json!({
            "code": "ends_before_start",
            "message": "endsAt: the sale must end after it starts",
            "field": "endsAt",
            "invalidFields": [{"field": "endsAt", "code": "ends_before_start", "message": "the sale must end after it starts"}],
        })
    );
}

#[test]
fn edits_replace_the_terms_and_unknown_ids_are_typed_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app_at(dir.path(), "2026-12-05 00:00");
    let sale = app.create_sale(draft("Aurora")).expect("valid");

    let mut edit = app.sale_draft(sale.id).expect("draft of a stored sale");
    assert_eq!(
        edit.min_contribution, "0.1",
        "the edit starts from what the user typed"
    );
    edit.hard_cap = "750.25".into();
    let updated = app.update_sale(sale.id, edit).expect("valid edit");
    assert_eq!(
        updated.hard_cap.map(|a| a.decimal),
        Some("750.25".to_owned())
    );

    for result in [
        app.sale(9_999).map(drop),
        app.sale_draft(9_999).map(drop),
        app.update_sale(9_999, draft("X")).map(drop),
        app.delete_sale(9_999),
    ] {
        let error: AppError = result.expect_err("unknown id");
        assert_eq!(error.code, ErrorCode::SaleNotFound);
        assert_eq!(error.message, "no sale with id 9999");
    }
    app.delete_sale(sale.id).expect("delete");
    assert!(app.list_sales().expect("list").is_empty());
}

#[test]
fn a_database_the_app_cannot_open_is_reported_by_every_use_case_while_info_still_works() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = DataPaths::at(dir.path());
    std::fs::write(paths.database(), b"definitely not sqlite").expect("write");
    let app = app_at(dir.path(), "2026-12-05 00:00");

    assert_eq!(
        app.startup_error().map(|e| e.code),
        Some(ErrorCode::NotADatabase)
    );
    assert_eq!(
        app.list_sales().map(drop).expect_err("closed").code,
        ErrorCode::NotADatabase
    );
    assert_eq!(
        app.create_sale(draft("A"))
            .map(drop)
            .expect_err("closed")
            .code,
        ErrorCode::NotADatabase
    );
    assert_eq!(
        app.info().database_path,
        paths.database().display().to_string()
    );
    assert_eq!(
        std::fs::read(paths.database()).expect("read"),
        b"definitely not sqlite"
    );
}

#[test]
fn every_error_code_is_documented() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/error-codes.md"
    ))
    .expect("docs/error-codes.md exists");
    for code in ErrorCode::ALL {
        let cell = format!("| `{}` |", code.as_str());
        assert!(
            doc.contains(&cell),
            "docs/error-codes.md has no row for {cell}"
        );
    }
}
