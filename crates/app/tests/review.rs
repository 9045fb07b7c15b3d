//! The review before signing over a real SQLite file: budgets, prices, official
//! addresses and the policy as the user keeps them, and reviews built from all of it.

use crate::common;

use common::{DESIGNATED, app, budget_input, official_input, prepared};
use saleguard_app::ErrorCode;
use saleguard_app::budgets::{AmountValueView, BudgetInput, ValueInput};
use saleguard_app::dto::PageInput;
use saleguard_app::pricing::book::PriceInput;
use saleguard_app::pricing::book::PriceQuery;
use saleguard_app::review::contacts::ContactInput;
use saleguard_app::review::official_addresses::{AddressSourceInput, OfficialAddressInput};
use saleguard_app::review::overrides::OverrideInput;
use saleguard_app::review::policy::{PolicyInput, PriceAgeUnit};
use saleguard_app::review::{ReviewInput, Verdict};
use saleguard_core::official::SourceKind;

fn input(sale: i64, account: i64, to: &str, amount: &str) -> ReviewInput {
    ReviewInput {
        sale_id: sale,
        from: account.to_string(),
        to: to.into(),
        amount: amount.into(),
        chain_id: String::new(),
        at: String::new(),
    }
}

fn codes(view: &saleguard_app::review::ReviewView) -> Vec<&str> {
    view.findings.iter().map(|f| f.code.as_str()).collect()
}

#[test]
fn a_contribution_that_fits_everything_is_clear_and_shows_its_budget_impact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, sale, account) = prepared(dir.path());
    let review = app
        .review_contribution(&input(sale, account, DESIGNATED, "1"))
        .expect("reviewed");
    assert_eq!(codes(&review), Vec::<&str>::new());
    assert_eq!(review.verdict, Verdict::Clear);
    let impact = review.budget.expect("a budget applies");
    assert_eq!(
        (
            impact.value.as_str(),
            impact.committed.as_str(),
            impact.total.as_str()
        ),
        ("3000", "3000", "20000")
    );
    assert_eq!(impact.uses_percent.as_deref(), Some("15"));
    assert_eq!(impact.left_after_percent.as_deref(), Some("70"));

    let budgets = app.budgets().expect("budgets");
    assert_eq!(
        budgets[0].committed, "3000",
        "the earlier payment, at the price of its day"
    );
    assert_eq!(budgets[0].committed_percent.as_deref(), Some("15"));
    let aurora = &budgets[0].per_sale[0];
    assert_eq!(
        (
            aurora.project_name.as_str(),
            aurora.committed.as_str(),
            aurora.percent_of_total.as_deref()
        ),
        ("Aurora", "3000", Some("15"))
    );
}

#[test]
fn what_the_store_holds_drives_the_findings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, sale, account) = prepared(dir.path());
    let over_cap = app
        .review_contribution(&input(sale, account, DESIGNATED, "2.5"))
        .expect("reviewed");
    assert_eq!(over_cap.verdict, Verdict::Blocked);
    assert_eq!(
        codes(&over_cap),
        vec!["sale_cap_exceeded", "diversification_exceeded"]
    );

    let poisoned = format!(
        "0x{}{}{}",
        &DESIGNATED[2..6].to_lowercase(),
        "0".repeat(32),
        &DESIGNATED[38..].to_lowercase()
    );
    let look_alike = app
        .review_contribution(&input(sale, account, &poisoned, "1"))
        .expect("reviewed");
    assert!(
        codes(&look_alike).contains(&"look_alike_address"),
        "{:?}",
        codes(&look_alike)
    );
    assert!(
        look_alike
            .findings
            .iter()
            .any(|f| f.code == "not_designated_address" && f.overridable)
    );

    let wrong_chain = app
        .review_contribution(&ReviewInput {
            chain_id: "137".into(),
            ..input(sale, account, DESIGNATED, "1")
        })
        .expect("reviewed");
    assert!(
        wrong_chain
            .findings
            .iter()
            .any(|f| f.code == "chain_mismatch" && !f.overridable)
    );

    app.set_residence_country("US").expect("moved");
    app.set_review_policy(&PolicyInput {
        minimum_grade: "a".into(),
        blocking_flags: vec!["no_third_party_audit".into()],
        max_price_age: "1".into(),
        max_price_age_unit: PriceAgeUnit::Days,
        official_source_required: false,
    })
    .expect("policy");
    let stricter = app
        .review_contribution(&input(sale, account, DESIGNATED, "1"))
        .expect("reviewed");
    assert_eq!(
        codes(&stricter),
        vec!["jurisdiction_excluded", "price_stale"]
    );

    let later = app
        .review_contribution(&ReviewInput {
            at: "2027-02-01 10:00".into(),
            ..input(sale, account, DESIGNATED, "1")
        })
        .expect("reviewed");
    assert!(
        codes(&later).contains(&"sale_ended") && codes(&later).contains(&"no_budget"),
        "{:?}",
        codes(&later)
    );
}

#[test]
fn input_that_is_not_a_contribution_is_an_error_at_its_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, sale, account) = prepared(dir.path());
    for (review, field, code) in [
        (
            input(sale, account, DESIGNATED, "0"),
            "amount",
            ErrorCode::InvalidAmount,
        ),
        (
            input(sale, account, DESIGNATED, "-1"),
            "amount",
            ErrorCode::InvalidAmount,
        ),
        (
            input(sale, account, DESIGNATED, "0.0000000000000000001"),
            "amount",
            ErrorCode::TooManyDecimalPlaces,
        ),
        (
            ReviewInput {
                from: "main".into(),
                ..input(sale, account, DESIGNATED, "1")
            },
            "from",
            ErrorCode::InvalidAddress,
        ),
        (
            ReviewInput {
                from: " ".into(),
                ..input(sale, account, DESIGNATED, "1")
            },
            "from",
            ErrorCode::Required,
        ),
        (
            ReviewInput {
                at: "soon".into(),
                ..input(sale, account, DESIGNATED, "1")
            },
            "at",
            ErrorCode::InvalidDatetime,
        ),
        (
            ReviewInput {
                chain_id: "one".into(),
                ..input(sale, account, DESIGNATED, "1")
            },
            "chainId",
            ErrorCode::InvalidChainId,
        ),
    ] {
        let error = app.review_contribution(&review).expect_err("refused");
        assert_eq!(
            (error.field.as_deref(), error.code),
            (Some(field), code),
            "{review:?}"
        );
    }
    assert_eq!(
        app.review_contribution(&input(99, account, DESIGNATED, "1"))
            .expect_err("refused")
            .code,
        ErrorCode::SaleNotFound
    );
    assert_eq!(
        app.review_contribution(&input(sale, 99, DESIGNATED, "1"))
            .expect_err("refused")
            .code,
        ErrorCode::AccountNotFound
    );
}

#[test]
fn bad_budgets_prices_addresses_and_policies_change_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, sale, _) = prepared(dir.path());
    let field_codes = |error: saleguard_app::AppError| -> Vec<(String, ErrorCode)> {
        error
            .invalid_fields
            .into_iter()
            .map(|f| (f.field, f.code))
            .collect()
    };
    let bad_budget = BudgetInput {
        currency: "DOGEUSD".into(),
        total: "-5".into(),
        max_share_percent: "150".into(),
        ..budget_input()
    };
    assert_eq!(
        field_codes(app.add_budget(&bad_budget).expect_err("refused")),
        vec![
            ("currency".to_owned(), ErrorCode::UnknownCurrency),
            ("total".to_owned(), ErrorCode::InvalidAmount),
            ("maxSharePercent".to_owned(), ErrorCode::InvalidPercent),
        ]
    );
    assert_eq!(
        field_codes(
            app.add_budget(&BudgetInput {
                per_sale_cap: "25000".into(),
                ..budget_input()
            })
            .expect_err("refused")
        ),
        vec![("perSaleCap".to_owned(), ErrorCode::CapAboveTotal)]
    );
    let in_eth = app.add_budget(&BudgetInput {
        currency: "eth".into(),
        total: "5".into(),
        per_sale_cap: String::new(),
        ..budget_input()
    });
    assert_eq!(in_eth.expect("a coin a sale accepts").currency, "ETH");
    assert_eq!(
        app.budgets().expect("budgets").len(),
        2,
        "only the good one was added"
    );
    assert_eq!(
        app.remove_budget(999).expect_err("unknown").code,
        ErrorCode::BudgetNotFound
    );

    let bad_price = PriceInput {
        asset: "ETH".into(),
        currency: "USD".into(),
        price: "0".into(),
        observed_at: "2026-12-06 00:00".into(),
    };
    assert_eq!(
        field_codes(app.add_price(&bad_price).expect_err("refused")),
        vec![
            ("price".to_owned(), ErrorCode::InvalidAmount),
            ("observedAt".to_owned(), ErrorCode::InTheFuture)
        ]
    );
    assert_eq!(
        app.prices(&PriceQuery::default(), PageInput::FIRST)
            .expect("prices")
            .rows
            .len(),
        1
    );

    let bad_address = OfficialAddressInput {
        chain_id: "0".into(),
        ..official_input("0x123", SourceKind::Unknown, " ", "later")
    };
    assert_eq!(
        field_codes(
            app.add_official_address(sale, &bad_address)
                .expect_err("refused")
        ),
        vec![
            ("address".to_owned(), ErrorCode::InvalidAddress),
            ("chainId".to_owned(), ErrorCode::InvalidChainId),
            ("kind".to_owned(), ErrorCode::InvalidChoice),
            ("location".to_owned(), ErrorCode::Required),
            ("seenAt".to_owned(), ErrorCode::InvalidDatetime),
        ]
    );
    assert_eq!(
        app.official_addresses(Some(sale)).expect("addresses").len(),
        1
    );

    let bad_policy = PolicyInput {
        minimum_grade: "E".into(),
        blocking_flags: vec!["moon".into()],
        max_price_age: "-1".into(),
        max_price_age_unit: PriceAgeUnit::Hours,
        official_source_required: false,
    };
    assert_eq!(
        field_codes(app.set_review_policy(&bad_policy).expect_err("refused")).len(),
        3
    );
    assert_eq!(
        app.review_policy().expect("policy").minimum_grade,
        "",
        "unchanged"
    );
}

#[test]
fn an_override_keeps_the_findings_and_the_reason_and_refuses_what_can_never_be_overridden() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, sale, account) = prepared(dir.path());
    let over_cap = input(sale, account, DESIGNATED, "2.5");
    let with = |review: &ReviewInput, reason: &str| {
        app.override_review(&OverrideInput {
            review: review.clone(),
            reason: reason.into(),
        })
    };

    let clear =
        with(&input(sale, account, DESIGNATED, "1"), "because I want to").expect_err("clear");
    assert_eq!(clear.code, ErrorCode::NothingToOverride);
    let too_long = "x".repeat(501);
    for (reason, code) in [
        ("", ErrorCode::Required),
        ("too short", ErrorCode::TooShort),
        (too_long.as_str(), ErrorCode::TooLong),
        ("a reason\u{2066} that hides", ErrorCode::InvalidText),
    ] {
        let refused = with(&over_cap, reason).expect_err("no reason");
        assert_eq!(
            (refused.code, refused.field.as_deref()),
            (code, Some("reason"))
        );
    }
    let wrong_chain = ReviewInput {
        chain_id: "137".into(),
        ..over_cap.clone()
    };
    let never = with(&wrong_chain, "I know what I am doing here").expect_err("never");
    assert_eq!(never.code, ErrorCode::NotOverridable);
    assert!(
        never.message.contains("chain_mismatch"),
        "{}",
        never.message
    );
    assert_eq!(app.review_overrides(None).expect("history"), Vec::new());

    let kept =
        with(&over_cap, "  The team raised the cap for early backers  ").expect("overridden");
    assert_eq!(kept.reason, "The team raised the cap for early backers");
    assert_eq!(
        (
            kept.amount.as_str(),
            kept.currency.as_str(),
            kept.project_name.as_str()
        ),
        ("2.5", "ETH", "Aurora")
    );
    assert_eq!(
        kept.findings
            .iter()
            .map(|f| f.code.as_str())
            .collect::<Vec<_>>(),
        vec!["sale_cap_exceeded", "diversification_exceeded"]
    );

    // The history keeps its sale: one with an override but no participation can be
    // archived, not deleted.
    let borealis = app
        .create_sale(saleguard_core::fixtures::native_sale_draft("Borealis"))
        .expect("sale")
        .id;
    let no_kyc = with(
        &input(borealis, account, DESIGNATED, "1"),
        "KYC is done, the provider is slow",
    )
    .expect("overridden");
    assert_eq!(
        no_kyc
            .findings
            .iter()
            .map(|f| f.code.as_str())
            .collect::<Vec<_>>(),
        vec![
            "kyc_not_approved",
            "not_from_official_source",
            "diligence_incomplete"
        ]
    );
    assert_eq!(
        app.delete_sale(borealis).expect_err("history").code,
        ErrorCode::SaleHasOverrides
    );

    // Kept in the history as it was, even after the budget that raised it is gone.
    let budget = app.budgets().expect("budgets")[0].id;
    app.remove_budget(budget).expect("removed");
    let reopened = self::app(dir.path());
    assert_eq!(
        reopened.review_overrides(Some(sale)).expect("history"),
        vec![kept.clone()]
    );
    assert_eq!(
        reopened
            .review_overrides(Some(borealis))
            .expect("other sale"),
        vec![no_kyc.clone()]
    );
    assert_eq!(
        reopened.review_overrides(None).expect("all, newest first"),
        vec![no_kyc, kept]
    );
}

#[test]
fn contacts_are_known_addresses_and_refuse_duplicates_naming_the_contact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, sale, account) = prepared(dir.path());
    let friend = "0x52908400098527886E0F7030069857D2E4169EE7";
    let contact = |label: &str, address: &str, note: &str| ContactInput {
        label: label.into(),
        address: address.into(),
        note: note.into(),
    };
    let added = app
        .add_contact(&contact(
            " Friend ",
            &friend.to_lowercase(),
            "shared wallet",
        ))
        .expect("added");
    assert_eq!(
        (added.label.as_str(), added.address.as_str()),
        ("Friend", friend)
    );

    let taken = app
        .add_contact(&contact("FRIEND", DESIGNATED, ""))
        .expect_err("name taken");
    assert_eq!(
        (taken.code, taken.field.as_deref()),
        (ErrorCode::LabelTaken, Some("label"))
    );
    let exists = app
        .add_contact(&contact("Other", friend, ""))
        .expect_err("address taken");
    assert_eq!(exists.code, ErrorCode::ContactExists);
    assert!(exists.message.contains("Friend"), "{}", exists.message);
    let refused = app
        .add_contact(&contact("", "0x1234", ""))
        .expect_err("refused");
    assert_eq!(
        refused
            .invalid_fields
            .iter()
            .map(|f| f.field.as_str())
            .collect::<Vec<_>>(),
        vec!["label", "address"]
    );
    assert_eq!(app.contacts().expect("contacts"), vec![added.clone()]);

    // A destination that only looks like the contact is flagged.
    let poisoned = format!("0x{}{}{}", &friend[2..6], "1".repeat(32), &friend[38..]);
    let poisoned = saleguard_core::address::checksummed(
        &saleguard_core::address::parse_address(&poisoned.to_lowercase()).expect("address"),
    );
    let review = app
        .review_contribution(&input(sale, account, &poisoned, "1"))
        .expect("reviewed");
    assert!(
        codes(&review).contains(&"look_alike_address"),
        "{:?}",
        codes(&review)
    );

    app.remove_contact(added.id).expect("removed");
    assert_eq!(app.contacts().expect("contacts"), Vec::new());
    assert_eq!(
        app.remove_contact(added.id).expect_err("gone").code,
        ErrorCode::ContactNotFound
    );
}

#[test]
fn an_amount_is_valued_in_the_budgets_currency_as_it_is_typed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, sale, _) = prepared(dir.path());
    let value = |amount: &str| {
        app.value_contribution(&ValueInput {
            sale_id: sale,
            amount: amount.into(),
        })
    };
    let valued = |value: &str, stale_since: Option<&str>| AmountValueView::Valued {
        value: value.into(),
        currency: "USD".into(),
        stale_since: stale_since.map(str::to_owned),
    };
    assert_eq!(value("0.5").expect("valued"), valued("1500", None));
    assert_eq!(
        value("0.123456").expect("valued"),
        valued("370.37", None),
        "rounded to cents: 0.123456 × 3000 = 370.368"
    );
    assert_eq!(
        value(" 0.5").expect_err("padded").code,
        ErrorCode::InvalidAmount,
        "the one grammar of numbers (docs/numbers.md)"
    );
    assert_eq!(
        value("99999999999999999999999999999999999999999999999999").expect("answered"),
        AmountValueView::TooLarge
    );

    // The price (2026-12-01 09:00) is 97 hours old on 2026-12-05 10:00: stale after a
    // day or 96 hours, fresh for 100 hours.
    let limit = |amount: &str, unit: PriceAgeUnit| {
        app.set_review_policy(&PolicyInput {
            minimum_grade: String::new(),
            blocking_flags: Vec::new(),
            max_price_age: amount.into(),
            max_price_age_unit: unit,
            official_source_required: false,
        })
        .expect("policy")
    };
    let kept = limit("100", PriceAgeUnit::Hours);
    assert_eq!(
        (kept.max_price_age.as_str(), kept.max_price_age_unit),
        ("100", PriceAgeUnit::Hours)
    );
    assert_eq!(value("1").expect("valued"), valued("3000", None));
    let kept = limit("96", PriceAgeUnit::Hours);
    assert_eq!(
        (kept.max_price_age.as_str(), kept.max_price_age_unit),
        ("4", PriceAgeUnit::Days),
        "a whole number of days reads back in days"
    );
    assert_eq!(
        value("1").expect("valued"),
        valued("3000", Some("2026-12-01T09:00:00Z"))
    );
    limit("1", PriceAgeUnit::Days);
    assert_eq!(
        value("1").expect("valued"),
        valued("3000", Some("2026-12-01T09:00:00Z"))
    );

    // A December budget in euros is the shorter one, and the price book has no ETH in EUR.
    app.add_budget(&BudgetInput {
        currency: "EUR".into(),
        period: "month".into(),
        year: "2026".into(),
        month: "12".into(),
        total: "1000".into(),
        ..BudgetInput::default()
    })
    .expect("monthly budget");
    assert_eq!(
        value("1").expect("answered"),
        AmountValueView::NoPrice {
            asset: "ETH".into(),
            currency: "EUR".into(),
        }
    );

    let field_code = |amount: &str| {
        let error = value(amount).expect_err("refused");
        assert_eq!(error.invalid_fields.len(), 1, "{error:?}");
        (error.invalid_fields[0].field.clone(), error.code)
    };
    for (amount, code) in [
        ("", ErrorCode::InvalidAmount),
        ("ten", ErrorCode::InvalidAmount),
        ("-1", ErrorCode::InvalidAmount),
        ("0", ErrorCode::InvalidAmount),
        ("0.0000000000000000001", ErrorCode::TooManyDecimalPlaces),
    ] {
        assert_eq!(
            field_code(amount),
            ("amount".to_owned(), code),
            "{amount:?}"
        );
    }
    assert_eq!(
        app.value_contribution(&ValueInput {
            sale_id: 999,
            amount: "1".into(),
        })
        .expect_err("no such sale")
        .code,
        ErrorCode::SaleNotFound
    );

    let empty = tempfile::tempdir().expect("temp dir");
    let fresh = common::app(empty.path());
    let unbudgeted = fresh
        .create_sale(saleguard_core::fixtures::native_sale_draft("Borealis"))
        .expect("sale")
        .id;
    assert_eq!(
        fresh
            .value_contribution(&ValueInput {
                sale_id: unbudgeted,
                amount: "1".into(),
            })
            .expect("answered"),
        AmountValueView::NoBudget
    );
}

#[test]
fn values_in_yen_and_dinars_are_shown_at_their_own_minor_units() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, sale, account) = prepared(dir.path());
    let month_in = |currency: &str| BudgetInput {
        currency: currency.into(),
        period: "month".into(),
        year: "2026".into(),
        month: "12".into(),
        total: "5000000".into(),
        ..BudgetInput::default()
    };
    let price_in = |currency: &str, price: &str| PriceInput {
        asset: "ETH".into(),
        currency: currency.into(),
        price: price.into(),
        observed_at: "2026-12-01 09:00".into(),
    };
    // A December budget in yen (shorter than the yearly one in dollars, so it applies).
    app.add_budget(&month_in("JPY")).expect("budget in yen");
    app.add_price(&price_in("JPY", "461234.567"))
        .expect("price in yen");
    let value = app
        .value_contribution(&ValueInput {
            sale_id: sale,
            amount: "0.5".into(),
        })
        .expect("valued");
    assert_eq!(
        value,
        AmountValueView::Valued {
            value: "230617".into(),
            currency: "JPY".into(),
            stale_since: None,
        },
        "0.5 × 461234.567 = 230617.2835 yen, and a yen has no smaller unit"
    );
    let impact = app
        .review_contribution(&input(sale, account, DESIGNATED, "0.5"))
        .expect("reviewed")
        .budget
        .expect("the yen budget applies");
    assert_eq!(
        (impact.currency.as_str(), impact.value.as_str()),
        ("JPY", "230617")
    );
    let in_yen = app
        .budgets()
        .expect("budgets")
        .into_iter()
        .find(|budget| budget.currency == "JPY")
        .expect("the yen budget");
    assert_eq!(
        in_yen.committed, "461235",
        "the earlier 1 ETH, rounded to whole yen"
    );

    // A dinar has a thousand fils: three places.
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, sale, _) = prepared(dir.path());
    app.add_budget(&month_in("KWD")).expect("budget in dinars");
    app.add_price(&price_in("KWD", "947.12345"))
        .expect("price in dinars");
    assert_eq!(
        app.value_contribution(&ValueInput {
            sale_id: sale,
            amount: "0.5".into(),
        })
        .expect("valued"),
        AmountValueView::Valued {
            value: "473.562".into(),
            currency: "KWD".into(),
            stale_since: None,
        }
    );
}

/// Sources vouch for an official address, one more each time it is seen; the review
/// reads their kinds, warns or blocks on them as the rules say, and blocks two addresses
/// published for one purpose until one is retired.
#[test]
fn sources_vouch_for_an_address_and_the_review_reads_their_kinds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, sale, account) = prepared(dir.path());
    let review = |to: &str| {
        app.review_contribution(&input(sale, account, to, "1"))
            .expect("reviewed")
    };
    let first = app.official_addresses(Some(sale)).expect("addresses");
    assert_eq!(first.len(), 1);
    assert!(first[0].vouched);
    let second_sighting = app
        .add_official_address(
            sale,
            &official_input(
                DESIGNATED,
                SourceKind::Announcement,
                "https://t.me/aurora_announcements/12",
                "2026-11-20 08:00",
            ),
        )
        .expect("one more source");
    assert_eq!(second_sighting.id, first[0].id, "the same address");
    let kinds: Vec<SourceKind> = second_sighting.sources.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [SourceKind::Website, SourceKind::Announcement]);
    assert!(codes(&review(DESIGNATED)).is_empty());

    // Only seen in private messages: blocked, with a reason it can be overridden.
    for source in &second_sighting.sources {
        app.remove_address_source(source.id).expect("removed");
    }
    assert!(
        app.official_addresses(Some(sale))
            .expect("addresses")
            .is_empty()
    );
    assert_eq!(
        app.remove_address_source(second_sighting.sources[0].id)
            .expect_err("gone")
            .code,
        ErrorCode::SourceNotFound
    );
    let dm = app
        .add_official_address(
            sale,
            &official_input(
                DESIGNATED,
                SourceKind::PrivateMessage,
                "a DM from \"admin\"",
                "",
            ),
        )
        .expect("recorded");
    let blocked = review(DESIGNATED);
    assert_eq!(codes(&blocked), vec!["private_message_only"]);
    assert!(blocked.findings[0].overridable);

    // A third party only: a warning, or a block when the rules require the project's own.
    app.add_address_source(
        dm.id,
        &AddressSourceInput {
            kind: SourceKind::ThirdParty,
            location: "https://news.example/aurora".into(),
            seen_at: String::new(),
            note: "an article".into(),
        },
    )
    .expect("added");
    assert_eq!(codes(&review(DESIGNATED)), vec!["not_from_official_source"]);
    let mut rules = app.review_policy().expect("policy");
    rules.official_source_required = true;
    assert!(
        app.set_review_policy(&rules)
            .expect("set")
            .official_source_required
    );
    assert_eq!(codes(&review(DESIGNATED)), vec!["official_source_required"]);
    let vouched = app
        .add_address_source(
            dm.id,
            &AddressSourceInput {
                kind: SourceKind::Whitepaper,
                location: "whitepaper v2, p. 12".into(),
                seen_at: String::new(),
                note: String::new(),
            },
        )
        .expect("added");
    assert!(vouched.vouched);
    assert!(codes(&review(DESIGNATED)).is_empty());

    // A second contribution address published: blocked for good until one is retired.
    const SECOND: &str = "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB";
    let second = app
        .add_official_address(
            sale,
            &official_input(
                SECOND,
                SourceKind::OfficialSocial,
                "https://x.com/aurora/1",
                "",
            ),
        )
        .expect("recorded");
    let conflict = review(DESIGNATED);
    assert_eq!(codes(&conflict), vec!["conflicting_official_addresses"]);
    assert!(!conflict.findings[0].overridable);
    assert_eq!(
        app.retire_official_address(second.id, "too short")
            .expect_err("a reason")
            .invalid_fields[0]
            .code,
        ErrorCode::TooShort
    );
    assert_eq!(
        app.retire_official_address(999, "a copy posted by an impostor")
            .expect_err("none")
            .code,
        ErrorCode::OfficialAddressNotFound
    );
    let retired = app
        .retire_official_address(second.id, "posted by an impostor account")
        .expect("retired");
    assert!(retired.retired_at.is_some());
    assert_eq!(retired.retired_reason, "posted by an impostor account");
    assert!(codes(&review(DESIGNATED)).is_empty());
    assert!(codes(&review(SECOND)).contains(&"not_designated_address"));
}

#[test]
fn links_on_a_phishing_list_or_like_the_sales_own_site_block_and_show_on_due_diligence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, sale, account) = prepared(dir.path());
    let review = || {
        app.review_contribution(&input(sale, account, DESIGNATED, "1"))
            .expect("reviewed")
    };
    assert!(app.research(sale).expect("research").link_hits.is_empty());
    let sources = app.official_addresses(Some(sale)).expect("addresses")[0].clone();
    let website = sources.sources[0].location.clone();
    assert_eq!(sources.sources[0].kind, SourceKind::Website);
    let own = saleguard_core::scam::domain_of(&website).expect("a domain");

    // An announcement on a domain of the shipped phishing list.
    let listed = app
        .add_address_source(
            sources.id,
            &AddressSourceInput {
                kind: SourceKind::Announcement,
                location: "https://app.moonbirds.tv/announcement".into(),
                seen_at: String::new(),
                note: String::new(),
            },
        )
        .expect("added");
    let blocked = review();
    assert_eq!(codes(&blocked), vec!["scam_domain"]);
    assert_eq!(blocked.verdict, Verdict::Blocked);
    assert!(blocked.findings[0].overridable);
    let detail = |name: &str| {
        blocked.findings[0]
            .details
            .iter()
            .find(|d| d.name == name)
            .map(|d| d.value.clone())
    };
    assert_eq!(detail("list").as_deref(), Some("eth-phishing-detect 1.2.0"));
    assert_eq!(detail("entry").as_deref(), Some("moonbirds.tv"));
    let shown = app.research(sale).expect("research").link_hits;
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].code, "scam_domain");
    assert_eq!(shown[0].url, "https://app.moonbirds.tv/announcement");
    assert!(
        shown[0].message.contains("eth-phishing-detect 1.2.0"),
        "{}",
        shown[0].message
    );
    app.remove_address_source(listed.sources[1].id)
        .expect("removed");
    assert!(codes(&review()).is_empty());

    // A second address that came from a phishing site: once retired, its sources count
    // for nothing, the phishing link included.
    let impostor = app
        .add_official_address(
            sale,
            &official_input(
                "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
                SourceKind::Announcement,
                "https://free-azuki.com/aurora",
                "",
            ),
        )
        .expect("recorded");
    assert!(codes(&review()).contains(&"scam_domain"));
    app.retire_official_address(impostor.id, "posted on a phishing site")
        .expect("retired");
    assert!(codes(&review()).is_empty());
    assert!(app.research(sale).expect("research").link_hits.is_empty());

    // A whitepaper one letter off the sale's own site.
    let (label, tld) = own.split_once('.').expect("a dot");
    let typo = format!("{}{}.{tld}", &label[..label.len() - 1], "1");
    let mut draft = app.sale_draft(sale).expect("draft");
    draft.whitepaper_url = format!("https://{typo}/whitepaper.pdf");
    app.update_sale(sale, draft).expect("updated");
    let blocked = review();
    assert_eq!(codes(&blocked), vec!["look_alike_domain"]);
    let shown = app.research(sale).expect("research").link_hits;
    assert_eq!(shown[0].code, "look_alike_domain");
    assert_eq!(shown[0].entry, own.trim_start_matches("www."));
}

#[test]
fn imported_lists_of_scams_are_checked_whole_and_block_what_they_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, sale, account) = prepared(dir.path());
    const DRAINER: &str = "0x00000000000000000000000000000000000DEaD1";
    let csv = format!(
        "entry,note\nclaim-aurora.example,fake claim page\nhttps://app.aurora-airdrop.example/connect,\n{DRAINER},drainer\n"
    );
    let imported = app
        .import_scam_list("My list", "mine.csv", csv.as_bytes())
        .expect("imported");
    assert_eq!(
        (
            imported.blocked_domains,
            imported.addresses,
            imported.source.as_str()
        ),
        (2, 1, "mine.csv")
    );
    assert_eq!(
        app.import_scam_list("my LIST", "again.csv", csv.as_bytes())
            .expect_err("the name is taken")
            .code,
        ErrorCode::LabelTaken
    );

    // The destination on the list: blocked, and never overridable.
    let to_drainer = app
        .review_contribution(&input(sale, account, DRAINER, "1"))
        .expect("reviewed");
    let finding = to_drainer
        .findings
        .iter()
        .find(|f| f.code == "scam_address")
        .expect("scam_address");
    assert!(!finding.overridable);
    assert!(finding.message.contains("My list") && finding.message.contains("drainer"));

    // A source on a domain the list names (a subdomain of it).
    let official = app.official_addresses(Some(sale)).expect("addresses")[0].id;
    app.add_address_source(
        official,
        &AddressSourceInput {
            kind: SourceKind::Announcement,
            location: "https://www.claim-aurora.example/post".into(),
            seen_at: String::new(),
            note: String::new(),
        },
    )
    .expect("added");
    let review = app
        .review_contribution(&input(sale, account, DESIGNATED, "1"))
        .expect("reviewed");
    assert_eq!(codes(&review), vec!["scam_domain"]);
    assert!(review.findings[0].message.contains("“My list”"));
    assert_eq!(
        app.research(sale).expect("research").link_hits[0].list,
        "My list"
    );

    // Removed: nothing of it is checked any more.
    app.remove_scam_list(imported.id).expect("removed");
    assert_eq!(
        app.remove_scam_list(imported.id).expect_err("gone").code,
        ErrorCode::ScamListNotFound
    );
    assert!(app.research(sale).expect("research").link_hits.is_empty());
}

#[tokio::test]
async fn a_list_from_a_web_address_is_fetched_only_when_asked_and_refreshed_whole() {
    use saleguard_testkit::{PriceApiServer, Reply};
    let first = "entry,note\nclaim-aurora.example,fake claim page\n";
    let second = "entry,note\nnew-scam.example,\nother-scam.example,\n0x00000000000000000000000000000000000DEaD1,drainer\n";
    let mut moved = Reply::status(302, "");
    moved
        .headers
        .push(("location".into(), "/elsewhere/list.csv".into()));
    let server = PriceApiServer::start([
        Reply::ok(first),
        Reply::ok(second),
        Reply::status(404, "not here"),
        moved,
        Reply::ok("entry,note\nnot a domain!,\n"),
        Reply::ok("x".repeat(64 * 1024 * 1024 + 1)),
    ]);
    let url = format!("{}/lists/team.csv", server.base_url());
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());

    // Typed wrong, or under a name taken: refused before anything is asked of the server.
    let bad = app
        .import_scam_list_from_url("Shared", "lists.example/team.csv")
        .await
        .expect_err("not an address");
    assert_eq!(
        (bad.code, bad.field.as_deref()),
        (ErrorCode::InvalidUrl, Some("url"))
    );
    // A key in the address would be kept in the database: refused, named as such.
    for keyed in [
        format!("{url}?token=s3cr3t"),
        format!("{url}?"),
        format!("{url}#key=s3cr3t"),
        url.replace("http://", "http://user:s3cr3t@"),
    ] {
        let refused = app
            .import_scam_list_from_url("Shared", &keyed)
            .await
            .expect_err("an address that may carry a key");
        assert_eq!(
            (refused.code, refused.field.as_deref()),
            (ErrorCode::InvalidUrl, Some("url")),
            "{keyed}"
        );
        assert!(!refused.message.contains("s3cr3t"), "{}", refused.message);
    }
    app.import_scam_list("Mine", "mine.csv", first.as_bytes())
        .expect("a file's list");
    let taken = app
        .import_scam_list_from_url("MINE", &url)
        .await
        .expect_err("taken");
    assert_eq!(taken.code, ErrorCode::LabelTaken);
    assert!(server.requests().is_empty(), "nothing fetched yet");

    let imported = app
        .import_scam_list_from_url("Shared", &url)
        .await
        .expect("imported from the address");
    assert_eq!(imported.url.as_deref(), Some(url.as_str()));
    assert_eq!((imported.blocked_domains, imported.addresses), (1, 0));

    let refreshed = app.refresh_scam_list(imported.id).await.expect("refreshed");
    assert_eq!((refreshed.blocked_domains, refreshed.addresses), (2, 1));
    assert_eq!(server.requests().len(), 2, "one request each, when asked");

    // Any problem fetching or reading it: the list as it was.
    let kept = |app: &saleguard_app::Saleguard| {
        app.scam_lists()
            .expect("lists")
            .into_iter()
            .find(|list| list.id == imported.id)
            .expect("still there")
    };
    let before = kept(&app);
    for (what, code, says) in [
        ("404", ErrorCode::DownloadFailed, "404"),
        ("redirect", ErrorCode::DownloadFailed, "/elsewhere/list.csv"),
        ("a broken row", ErrorCode::ImportRefused, "row 2"),
        ("too large", ErrorCode::DownloadFailed, "larger than 64 MB"),
    ] {
        let error = app.refresh_scam_list(imported.id).await.expect_err(what);
        assert_eq!(error.code, code, "{what}: {}", error.message);
        assert!(error.message.contains(says), "{what}: {}", error.message);
        assert_eq!(kept(&app), before, "{what}: the list as it was");
    }

    // A list from a file is updated by importing the file again; an unknown one is said.
    let mine = app.scam_lists().expect("lists")[0].id;
    assert_eq!(
        app.refresh_scam_list(mine).await.expect_err("a file").code,
        ErrorCode::InvalidChoice
    );
    assert_eq!(
        app.refresh_scam_list(9_999).await.expect_err("none").code,
        ErrorCode::ScamListNotFound
    );
    assert_eq!(
        server.requests().len(),
        6,
        "nothing asked for a file's list"
    );
}

#[test]
fn a_scam_list_with_any_problem_adds_nothing_and_names_each_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let refused = |name: &str, bytes: &str| {
        let error = app
            .import_scam_list(name, "file", bytes.as_bytes())
            .expect_err("refused");
        let fields: Vec<(String, ErrorCode)> = error
            .invalid_fields
            .iter()
            .map(|f| (f.field.clone(), f.code))
            .collect();
        (error.code, fields)
    };
    assert_eq!(
        refused(
            "bad rows",
            "entry,note\nok.example,\n0x00000000000000000000000000000000000DEAd1,\nnot a domain,\n,\n"
        ),
        (
            ErrorCode::ImportRefused,
            vec![
                ("row 3: entry".to_owned(), ErrorCode::BadChecksum),
                ("row 4: entry".to_owned(), ErrorCode::InvalidValue),
                ("row 5: entry".to_owned(), ErrorCode::Required),
            ]
        )
    );
    assert_eq!(
        refused("no entry column", "domain,note\nok.example,\n").1[..2],
        [
            ("row 1: domain".to_owned(), ErrorCode::InvalidValue),
            ("row 1: entry".to_owned(), ErrorCode::Required),
        ]
    );
    assert_eq!(
        refused(
            "bad json",
            r#"{"domains": ["ok.example", 7], "tolerance": 9, "extra": []}"#
        ),
        (
            ErrorCode::ImportRefused,
            vec![
                ("domains[1]".to_owned(), ErrorCode::InvalidValue),
                ("extra".to_owned(), ErrorCode::InvalidValue),
                ("tolerance".to_owned(), ErrorCode::InvalidValue),
            ]
        )
    );
    assert_eq!(
        refused(
            "address allowed",
            r#"{"whitelist": ["0x00000000000000000000000000000000000DEaD1"], "domains": ["x.example", "*.y*.example"]}"#
        )
        .1,
        [
            ("domains[1]".to_owned(), ErrorCode::InvalidValue),
            ("whitelist[0]".to_owned(), ErrorCode::InvalidValue),
        ]
    );
    assert_eq!(
        refused(
            "too long",
            &format!("entry\n{}.example\n", "a.".repeat(130))
        )
        .1,
        [("row 2: entry".to_owned(), ErrorCode::TooLong)]
    );
    assert_eq!(
        refused("not json", "{\"domains\": [").0,
        ErrorCode::InvalidJson
    );
    assert_eq!(refused("empty", "").0, ErrorCode::EmptyFile);
    assert_eq!(
        refused("no entries", "entry,note\n").0,
        ErrorCode::EmptyFile
    );
    assert_eq!(refused("  ", "entry\nok.example\n").0, ErrorCode::Required);
    assert_eq!(
        refused(&"x".repeat(101), "entry\nok.example\n").0,
        ErrorCode::TooLong
    );
    assert!(app.scam_lists().expect("lists").is_empty(), "nothing added");

    // A wildcard before a domain means the domain; a byte-order mark is not text.
    let wild = app
        .import_scam_list(
            "wild",
            "wild.json",
            "\u{FEFF}{\"domains\": [\"*.wild.example\"]}".as_bytes(),
        )
        .expect("imported");
    assert_eq!(wild.blocked_domains, 1);
    app.remove_scam_list(wild.id).expect("removed");

    // eth-phishing-detect's configuration, as its package has it.
    let config = r#"{"version": 2, "tolerance": 2, "fuzzylist": ["aurora.example"],
        "whitelist": ["aurora.example", "auroras.example"], "blacklist": ["aurora-claim.example"]}"#;
    let list = app
        .import_scam_list("epd next", "config.json", config.as_bytes())
        .expect("imported");
    assert_eq!(
        (
            list.blocked_domains,
            list.allowed_domains,
            list.impersonated_domains,
            list.tolerance
        ),
        (1, 2, 1, 2)
    );
}
