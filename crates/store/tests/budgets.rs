//! Budgets, prices, official addresses and the review policy in a real SQLite file.

use crate::common;

use saleguard_core::budget::{Budget, Period};
use saleguard_core::diligence::{GradeLetter, RedFlag};
use saleguard_core::fixtures::native_sale_draft;
use saleguard_core::official::{AddressPurpose, SourceKind};
use saleguard_core::price_book::{Price, PriceSource, SourceOrder};
use saleguard_core::review::DiligencePolicy;
use saleguard_core::sale::{SaleId, SaleTerms};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::vesting::BasisPoints;
use saleguard_core::{Address, Decimal};
use saleguard_store::{
    NewAddressSource, OfficialAddressKey, PriceApiSettings, ReviewPolicy, Store, StoreError,
};

fn at(text: &str) -> UtcTimestamp {
    UtcTimestamp::parse(text).expect("a time")
}

fn decimal(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

fn open(dir: &tempfile::TempDir) -> Store {
    Store::open(&dir.path().join("b.sqlite3")).expect("open")
}

#[test]
fn budgets_of_every_period_kind_read_back_exactly_after_reopening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = open(&dir);
    let budgets = [
        Budget {
            currency: "USD".into(),
            period: Period::Year(2027),
            total: decimal("5000.25"),
            per_sale_cap: Some(decimal("1500.5")),
            max_share_per_sale: BasisPoints::new(1250),
        },
        Budget {
            currency: "ETH".into(),
            period: Period::Month {
                year: 2027,
                month: 2,
            },
            total: decimal("1.000000000000000001"),
            per_sale_cap: None,
            max_share_per_sale: None,
        },
        Budget {
            currency: "EUR".into(),
            period: Period::Custom {
                from: at("2027-01-01 00:00"),
                until: at("2027-06-30 00:00"),
            },
            total: decimal("800"),
            per_sale_cap: None,
            max_share_per_sale: BasisPoints::new(10_000),
        },
    ];
    for budget in &budgets {
        store
            .insert_budget(budget, at("2026-12-01 10:00"))
            .expect("kept");
    }
    drop(store);
    let mut store = open(&dir);
    let kept: Vec<Budget> = store
        .budgets()
        .expect("read")
        .into_iter()
        .map(|r| r.budget)
        .collect();
    assert_eq!(kept, budgets);
    let first = store.budgets().expect("read")[0].id;
    assert!(store.delete_budget(first).expect("deleted"));
    assert!(!store.delete_budget(first).expect("already gone"));
    assert_eq!(store.budgets().expect("read").len(), 2);
}

#[test]
fn prices_are_listed_newest_first_with_exact_decimals() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = open(&dir);
    for (value, observed) in [
        ("2500.5", "2026-06-01 00:00"),
        ("3012.4567", "2026-12-04 09:00"),
    ] {
        store
            .insert_price(
                &Price {
                    asset: "ETH".into(),
                    currency: "USD".into(),
                    price: decimal(value),
                    observed_at: at(observed),
                    source: PriceSource::Manual,
                },
                at("2026-12-05 10:00"),
            )
            .expect("kept");
    }
    let prices: Vec<(Decimal, UtcTimestamp)> = store
        .prices()
        .expect("read")
        .into_iter()
        .map(|r| (r.price.price, r.price.observed_at))
        .collect();
    assert_eq!(
        prices,
        vec![
            (decimal("3012.4567"), at("2026-12-04 09:00")),
            (decimal("2500.5"), at("2026-06-01 00:00"))
        ]
    );
}

fn eth_usd(source: PriceSource, value: &str, observed: &str) -> Price {
    Price {
        asset: "ETH".into(),
        currency: "USD".into(),
        price: decimal(value),
        observed_at: at(observed),
        source,
    }
}

#[test]
fn imported_and_fetched_prices_replace_their_own_source_once_per_moment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = open(&dir);
    let now = at("2026-12-05 10:00");
    for source in PriceSource::ALL {
        store
            .insert_price(&eth_usd(source, "3000", "2026-12-01 00:00"), now)
            .expect("kept");
    }
    // The same moment again: the manual book keeps both, the others replace theirs.
    for source in PriceSource::ALL {
        store
            .insert_price(&eth_usd(source, "3100", "2026-12-01 00:00"), now)
            .expect("kept");
    }
    let mut kept: Vec<(PriceSource, String)> = store
        .prices()
        .expect("read")
        .into_iter()
        .map(|r| (r.price.source, r.price.price.to_string()))
        .collect();
    kept.sort();
    assert_eq!(
        kept,
        vec![
            (PriceSource::Manual, "3000".into()),
            (PriceSource::Manual, "3100".into()),
            (PriceSource::Csv, "3100".into()),
            (PriceSource::Api, "3100".into()),
        ]
    );
}

#[test]
fn a_bulk_price_insert_is_all_or_nothing_and_can_be_stopped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = open(&dir);
    let now = at("2026-12-05 10:00");
    let history: Vec<Price> = (0..2_500)
        .map(|day| {
            let mut price = eth_usd(PriceSource::Csv, "2000", "2020-01-01 00:00");
            price.observed_at =
                UtcTimestamp::from_unix_seconds(price.observed_at.unix_seconds() + day * 86_400)
                    .expect("a day");
            price
        })
        .collect();
    let mut asked = Vec::new();
    let stopped = store
        .insert_prices(&history, now, |done| {
            asked.push(done);
            done < 2_000
        })
        .expect("no failure");
    assert_eq!(stopped, None);
    assert_eq!(asked, vec![0, 1_000, 2_000]);
    assert!(
        store.prices().expect("read").is_empty(),
        "nothing half-written"
    );
    assert_eq!(
        store.insert_prices(&history, now, |_| true).expect("kept"),
        Some(2_500)
    );
    assert_eq!(
        store.insert_prices(&history, now, |_| true).expect("kept"),
        Some(2_500)
    );
    assert_eq!(
        store.prices().expect("read").len(),
        2_500,
        "importing the same history twice does not double it"
    );
}

#[test]
fn price_source_settings_read_back_after_reopening() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut store = open(&dir);
        assert_eq!(
            store.price_source_order().expect("read"),
            SourceOrder::default()
        );
        assert_eq!(
            store.price_api().expect("read"),
            PriceApiSettings::default()
        );
        let order = SourceOrder::parse("api,csv,manual").expect("an order");
        store.set_price_source_order(order).expect("kept");
        store
            .set_price_api(
                true,
                Some("http://127.0.0.1:9/api/v3"),
                Some("price-api-key-1"),
            )
            .expect("kept");
        store
            .set_price_api_outcome(Some(at("2026-12-05 10:00")), None)
            .expect("kept");
        store
            .set_price_api_outcome(None, Some("the price API did not answer in 10 s"))
            .expect("kept");
        store
            .set_price_api_coin("ETH", Some("ethereum"))
            .expect("kept");
        store
            .set_price_api_coin("XYZ", Some("xyz-protocol"))
            .expect("kept");
        store
            .set_price_api_coin("XYZ", Some("xyz-network"))
            .expect("replaced");
        store.set_price_api_coin("OLD", Some("old")).expect("kept");
        store.set_price_api_coin("OLD", None).expect("forgotten");
    }
    let store = open(&dir);
    assert_eq!(
        store.price_source_order().expect("read").to_text(),
        "api,csv,manual"
    );
    assert_eq!(
        store.price_api().expect("read"),
        PriceApiSettings {
            enabled: true,
            base_url: Some("http://127.0.0.1:9/api/v3".into()),
            key_reference: Some("price-api-key-1".into()),
            fetched_at: Some(at("2026-12-05 10:00")),
            failure: Some("the price API did not answer in 10 s".into()),
        },
        "a failure keeps the time of the last success"
    );
    assert_eq!(
        store.price_api_coins().expect("read"),
        vec![
            ("ETH".to_owned(), "ethereum".to_owned()),
            ("XYZ".to_owned(), "xyz-network".to_owned())
        ]
    );
}

#[test]
fn a_second_sighting_adds_a_source_and_never_replaces_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = open(&dir);
    let terms = SaleTerms::from_draft(&native_sale_draft("Aurora")).expect("valid");
    let sale = store
        .insert_sale(&terms, at("2026-11-01 10:00"))
        .expect("sale")
        .id;
    let address: Address = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
        .parse()
        .expect("address");
    let key = OfficialAddressKey {
        sale,
        address,
        purpose: AddressPurpose::Contribution,
        chain_id: 1,
    };
    let source = |kind, location, seen: &str| NewAddressSource {
        kind,
        location,
        seen_at: at(seen),
        note: "",
    };
    let first = store
        .add_official_address(
            &key,
            &source(
                SourceKind::Website,
                "https://aurora.example",
                "2026-11-02 10:00",
            ),
            at("2026-11-02 10:05"),
        )
        .expect("kept");
    let again = store
        .add_official_address(
            &key,
            &source(
                SourceKind::Whitepaper,
                "the whitepaper, p. 12",
                "2026-11-03 10:00",
            ),
            at("2026-11-03 10:05"),
        )
        .expect("kept");
    assert_eq!(again.id, first.id, "the same address");
    let kinds: Vec<(SourceKind, &str)> = again
        .sources
        .iter()
        .map(|s| (s.kind, s.location.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (SourceKind::Website, "https://aurora.example"),
            (SourceKind::Whitepaper, "the whitepaper, p. 12")
        ]
    );
    // The same address as a claim contract is another official address.
    let claim = store
        .add_official_address(
            &OfficialAddressKey {
                purpose: AddressPurpose::Claim,
                ..key
            },
            &source(SourceKind::Announcement, "t.me/aurora", "2026-11-04 10:00"),
            at("2026-11-04 10:05"),
        )
        .expect("kept");
    assert_ne!(claim.id, first.id);
    assert_eq!(store.official_addresses(Some(sale)).expect("read").len(), 2);
    assert!(
        store
            .official_addresses(Some(SaleId(99)))
            .expect("read")
            .is_empty()
    );
    assert!(matches!(
        store.add_official_address(
            &OfficialAddressKey {
                sale: SaleId(99),
                ..key
            },
            &source(SourceKind::Website, "x", "2026-11-02 10:00"),
            at("2026-11-02 10:00")
        ),
        Err(StoreError::SaleNotFound(SaleId(99)))
    ));

    let third = store
        .add_address_source(
            first.id,
            &source(SourceKind::PrivateMessage, "a DM", "2026-11-05 10:00"),
            at("2026-11-05 10:00"),
        )
        .expect("added")
        .expect("the address");
    assert_eq!(third.sources.len(), 3);
    assert_eq!(
        store
            .add_address_source(
                99,
                &source(SourceKind::Website, "x", "2026-11-05 10:00"),
                at("2026-11-05 10:00")
            )
            .expect("answered"),
        None
    );
    let retired = store
        .retire_official_address(first.id, "a scam copy", at("2026-11-06 10:00"))
        .expect("retired")
        .expect("the address");
    assert_eq!(
        retired.retired,
        Some((at("2026-11-06 10:00"), "a scam copy".to_owned()))
    );
    let again = store
        .retire_official_address(first.id, "later", at("2026-11-07 10:00"))
        .expect("retired")
        .expect("the address");
    assert_eq!(again.retired, retired.retired, "the first retirement stays");

    // Removing sources: the address goes with its last one.
    let claim_source = claim.sources[0].id;
    assert_eq!(
        store.remove_address_source(claim_source).expect("removed"),
        Some(None)
    );
    assert_eq!(store.official_address(claim.id).expect("read"), None);
    assert_eq!(
        store.remove_address_source(claim_source).expect("answered"),
        None
    );
    let left = store
        .remove_address_source(third.sources[0].id)
        .expect("removed")
        .expect("a source")
        .expect("the address stays");
    assert_eq!(left.sources.len(), 2);

    // Deleting the sale deletes its addresses and their sources.
    store.delete_sale(sale).expect("deleted");
    assert!(store.official_addresses(None).expect("read").is_empty());
}

/// An address recorded by an earlier version, with its one source, becomes a
/// contribution address on its sale's chain with a source of unrecorded kind.
#[test]
fn an_earlier_versions_address_keeps_its_source_as_unknown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saleguard.sqlite3");
    {
        let connection = common::file_at_version(&path, 21);
        connection
            .execute_batch(
                "INSERT INTO sales (id, project_name, token_symbol, token_decimals, chain_id, \
                 contribution_address, currency_kind, currency_symbol, currency_decimals, \
                 starts_at, ends_at, kyc_required, notes, created_at, updated_at) VALUES \
                 (1, 'Aurora', 'AUR', 18, 56, '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', \
                 'native', 'BNB', 18, 0, 100, 0, '', 0, 0); \
                 INSERT INTO official_addresses (sale_id, address, source, seen_at, recorded_at) \
                 VALUES (1, '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'their site', 50, 60);",
            )
            .expect("a version-21 address");
    }
    let store = Store::open(&path).expect("migrates");
    let addresses = store.official_addresses(None).expect("read");
    assert_eq!(addresses.len(), 1);
    let address = &addresses[0];
    assert_eq!(
        (address.purpose, address.chain_id, &address.retired),
        (AddressPurpose::Contribution, 56, &None)
    );
    assert_eq!(address.sources.len(), 1);
    let source = &address.sources[0];
    assert_eq!(
        (source.kind, source.location.as_str(), source.seen_at),
        (
            SourceKind::Unknown,
            "their site",
            UtcTimestamp::from_unix_seconds(50).expect("time")
        )
    );
    assert!(
        !store
            .review_policy()
            .expect("policy")
            .diligence
            .official_source_required
    );
}

#[test]
fn the_review_policy_has_a_default_until_set() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = open(&dir);
    assert_eq!(
        store.review_policy().expect("read"),
        ReviewPolicy::default()
    );
    let policy = ReviewPolicy {
        diligence: DiligencePolicy {
            minimum_grade: Some(GradeLetter::C),
            blocking_flags: vec![RedFlag::UnrealisticPromises, RedFlag::NoThirdPartyAudit],
            official_source_required: true,
        },
        max_price_age_hours: 36,
    };
    store.set_review_policy(&policy).expect("set");
    drop(store);
    assert_eq!(open(&dir).review_policy().expect("read"), policy);
}

#[test]
fn overridden_reviews_are_history_that_is_never_changed() {
    use saleguard_core::U256;
    use saleguard_store::OverrideRecord;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = open(&dir);
    let sale = store
        .insert_sale(
            &SaleTerms::from_draft(&native_sale_draft("Aurora")).expect("terms"),
            at("2026-11-01 10:00"),
        )
        .expect("sale")
        .id;
    let record = OverrideRecord {
        id: 0,
        sale_id: sale,
        from: Address::repeat_byte(0x11),
        to: Address::repeat_byte(0x22),
        amount: U256::from(25u64) * U256::from(10u64).pow(U256::from(17u64)),
        chain_id: 1,
        reviewed_at: at("2026-12-05 10:00"),
        findings: r#"[{"code":"sale_cap_exceeded"}]"#.into(),
        reason: "the cap was raised".into(),
        created_at: at("2026-12-05 10:01"),
    };
    let missing_sale = store
        .insert_override(&OverrideRecord {
            sale_id: SaleId(sale.0 + 1),
            ..record.clone()
        })
        .expect_err("no such sale");
    assert!(matches!(missing_sale, StoreError::SaleNotFound(_)));
    let not_json = store.insert_override(&OverrideRecord {
        findings: "not json".into(),
        ..record.clone()
    });
    assert!(not_json.is_err(), "findings must be JSON");
    let id = store.insert_override(&record).expect("kept");
    drop(store);

    let conn = rusqlite::Connection::open(dir.path().join("b.sqlite3")).expect("open raw");
    let changed = conn.execute(
        "UPDATE review_overrides SET reason = 'edited' WHERE id = ?1",
        [id],
    );
    assert!(changed.is_err(), "an override is never changed");
    drop(conn);
    let store = open(&dir);
    assert_eq!(
        store.overrides(Some(sale)).expect("read"),
        vec![OverrideRecord { id, ..record }]
    );
}

/// A staleness limit kept in days by an older version reads as the same time in hours.
#[test]
fn a_limit_kept_in_days_becomes_the_same_hours() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saleguard.sqlite3");
    {
        let connection = common::file_at_version(&path, 20);
        connection
            .execute(
                "INSERT INTO review_policy (id, minimum_grade, blocking_flags, max_price_age_days) \
                 VALUES (1, 'B', 'no_third_party_audit', 3)",
                [],
            )
            .expect("a policy in days");
    }
    let policy = Store::open(&path)
        .expect("migrates")
        .review_policy()
        .expect("read");
    assert_eq!(policy.max_price_age_hours, 72);
    assert_eq!(policy.diligence.minimum_grade, Some(GradeLetter::B));
    assert_eq!(
        policy.diligence.blocking_flags,
        vec![RedFlag::NoThirdPartyAudit]
    );
}
