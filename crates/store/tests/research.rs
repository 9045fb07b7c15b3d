//! Research, whitepaper fingerprints, KYC details, refund deadlines and settings in a
//! real SQLite file.

use saleguard_core::fixtures::native_sale_draft;
use saleguard_core::kyc::KycDetails;
use saleguard_core::participation::ParticipationState::*;
use saleguard_core::research::{
    FactorDraft, Research, ResearchDraft, WhitepaperFingerprint, parse_country,
};
use saleguard_core::sale::{SaleId, SaleTerms};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_store::{NewStep, ParticipationId, Store, StoreError};

fn at(seconds: i64) -> UtcTimestamp {
    UtcTimestamp::from_unix_seconds(seconds).expect("in range")
}

fn store_with_sale() -> (tempfile::TempDir, Store, SaleId) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("r.sqlite3")).expect("open");
    let terms = SaleTerms::from_draft(&native_sale_draft("Aurora")).expect("valid");
    let sale = store.insert_sale(&terms, at(10)).expect("sale").id;
    (dir, store, sale)
}

fn research(team_score: &str, excluded: &str) -> Research {
    Research::from_draft(&ResearchDraft {
        factors: vec![
            FactorDraft {
                factor: "team".into(),
                score: team_score.into(),
                notes: "Named founders.\nOne shipped a wallet before.".into(),
                evidence: vec![
                    "https://aurora.example/team".into(),
                    "https://example.org/interview?id=7".into(),
                ],
            },
            FactorDraft {
                factor: "audits".into(),
                score: String::new(),
                notes: "Audit announced, not published yet.".into(),
                evidence: Vec::new(),
            },
        ],
        red_flags: vec!["no_third_party_audit".into()],
        eligible_jurisdictions: String::new(),
        excluded_jurisdictions: excluded.into(),
    })
    .expect("valid research")
}

fn participation(store: &mut Store, sale: SaleId) -> ParticipationId {
    store
        .insert_participation(
            sale,
            &NewStep {
                to: Researching,
                happened_at: at(100),
                note: String::new(),
            },
            at(100),
        )
        .expect("started")
        .id
}

#[test]
fn research_is_kept_whole_and_replaced_whole_across_reopening() {
    let (dir, mut store, sale) = store_with_sale();
    assert_eq!(store.research(sale).expect("read"), None, "nothing yet");
    let first = research("3", "US, CN");
    store.set_research(sale, &first, at(200)).expect("saved");
    drop(store);
    let mut store = Store::open(&dir.path().join("r.sqlite3")).expect("reopen");
    assert_eq!(store.research(sale).expect("read"), Some((first, at(200))));

    let second = research("1", "");
    store
        .set_research(sale, &second, at(300))
        .expect("replaced");
    let (kept, when) = store.research(sale).expect("read").expect("some");
    assert_eq!(kept, second);
    assert_eq!(when, at(300));
    assert!(kept.excluded.is_empty());
}

#[test]
fn research_on_an_unknown_sale_is_refused_and_writes_nothing() {
    let (_dir, mut store, _sale) = store_with_sale();
    let error = store
        .set_research(SaleId(999), &research("3", ""), at(200))
        .expect_err("refused");
    assert!(
        matches!(error, StoreError::SaleNotFound(SaleId(999))),
        "{error:?}"
    );
    assert_eq!(store.research(SaleId(999)).expect("read"), None);
}

#[test]
fn whitepaper_fingerprints_are_appended_in_order() {
    let (_dir, mut store, sale) = store_with_sale();
    let first =
        WhitepaperFingerprint::new(&"ab".repeat(32), "aurora-v1.pdf", 120_000).expect("valid");
    let second =
        WhitepaperFingerprint::new(&"cd".repeat(32), "aurora-v2.pdf", 131_072).expect("valid");
    store
        .add_whitepaper_fingerprint(sale, &first, at(200))
        .expect("kept");
    store
        .add_whitepaper_fingerprint(sale, &second, at(300))
        .expect("kept");
    let kept = store.whitepaper_fingerprints(sale).expect("read");
    assert_eq!(
        kept.iter()
            .map(|r| (&r.fingerprint, r.recorded_at))
            .collect::<Vec<_>>(),
        vec![(&first, at(200)), (&second, at(300))]
    );
    assert!(matches!(
        store.add_whitepaper_fingerprint(SaleId(42), &first, at(400)),
        Err(StoreError::SaleNotFound(SaleId(42)))
    ));
}

#[test]
fn kyc_details_and_refund_deadlines_belong_to_a_participation() {
    let (_dir, mut store, sale) = store_with_sale();
    let id = participation(&mut store, sale);
    assert_eq!(store.kyc(id).expect("read"), None);
    let details = KycDetails {
        provider: "Fractal ID".into(),
        submitted_at: Some(at(500)),
        reference: "FRC-2231".into(),
        notes: "Second proof of address asked.".into(),
    };
    store.set_kyc(id, &details, at(600)).expect("saved");
    assert_eq!(store.kyc(id).expect("read"), Some(details.clone()));
    let cleared = KycDetails {
        submitted_at: None,
        ..details
    };
    store.set_kyc(id, &cleared, at(700)).expect("saved");
    assert_eq!(store.kyc(id).expect("read"), Some(cleared.clone()));
    assert!(matches!(
        store.set_kyc(ParticipationId(77), &cleared, at(700)),
        Err(StoreError::ParticipationNotFound(ParticipationId(77)))
    ));

    assert_eq!(store.refund_deadline(id).expect("read"), None);
    store.set_refund_deadline(id, Some(at(9_000))).expect("set");
    assert_eq!(store.refund_deadline(id).expect("read"), Some(at(9_000)));
    assert_eq!(
        store.refund_deadlines().expect("all"),
        vec![(id, at(9_000))]
    );
    store.set_refund_deadline(id, None).expect("cleared");
    assert_eq!(store.refund_deadline(id).expect("read"), None);
    assert!(matches!(
        store.set_refund_deadline(ParticipationId(77), Some(at(1))),
        Err(StoreError::ParticipationNotFound(_))
    ));
}

#[test]
fn the_country_of_residence_is_a_setting() {
    let (dir, mut store, _sale) = store_with_sale();
    assert_eq!(store.residence_country().expect("read"), None);
    let germany = parse_country("DE").expect("a country");
    store.set_residence_country(Some(germany)).expect("set");
    drop(store);
    let mut store = Store::open(&dir.path().join("r.sqlite3")).expect("reopen");
    assert_eq!(store.residence_country().expect("read"), Some(germany));
    store.set_residence_country(None).expect("cleared");
    assert_eq!(store.residence_country().expect("read"), None);
}

#[test]
fn a_sale_without_participation_is_deleted_with_its_research() {
    let (_dir, mut store, sale) = store_with_sale();
    store
        .set_research(sale, &research("4", ""), at(200))
        .expect("saved");
    let fingerprint = WhitepaperFingerprint::new(&"ef".repeat(32), "wp.pdf", 1).expect("valid");
    store
        .add_whitepaper_fingerprint(sale, &fingerprint, at(200))
        .expect("kept");
    store.delete_sale(sale).expect("deleted");
    assert_eq!(store.research(sale).expect("read"), None);
    assert!(
        store
            .whitepaper_fingerprints(sale)
            .expect("read")
            .is_empty()
    );
}
