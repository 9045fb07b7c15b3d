use super::*;

/// A draft that passes every rule; each test breaks one thing.
fn valid_draft() -> SaleDraft {
    crate::fixtures::native_sale_draft("Aurora Network")
}

fn violations(draft: &SaleDraft) -> Vec<(SaleField, ValidationCode)> {
    match SaleTerms::from_draft(draft) {
        Ok(_) => Vec::new(),
        Err(Violations(list)) => list.into_iter().map(|v| (v.field, v.code)).collect(),
    }
}

#[test]
fn a_valid_draft_becomes_exact_terms() {
    let terms = SaleTerms::from_draft(&valid_draft()).expect("the valid draft passes");
    let eth = |s: &str| crate::amount::parse_amount(s, 18).expect("literal");
    assert_eq!(terms.project_name, "Aurora Network");
    assert_eq!(terms.hard_cap, Some(eth("500")));
    assert_eq!(
        terms.min_contribution,
        Some(U256::from(100_000_000_000_000_000u64))
    );
    assert_eq!(terms.pricing, Some(Pricing::Rate(eth("1000"))));
    assert_eq!(
        terms.currency,
        AcceptedCurrency::Native {
            symbol: "ETH".into()
        }
    );
    assert_eq!(terms.window.starts_at().unix_seconds(), 1_796_133_600);
}

#[test]
fn each_broken_rule_is_reported_at_its_field_with_a_stable_code() {
    use SaleField as F;
    use ValidationCode as C;
    type Edit = fn(&mut SaleDraft);
    let cases: &[(&str, Edit, SaleField, ValidationCode)] = &[
        (
            "empty name",
            |d| d.project_name = "  ".into(),
            F::ProjectName,
            C::Required,
        ),
        (
            "10 kB name",
            |d| d.project_name = "x".repeat(10_240),
            F::ProjectName,
            C::TooLong,
        ),
        (
            "control char in name",
            |d| d.project_name = "A\u{7}B".into(),
            F::ProjectName,
            C::InvalidText,
        ),
        (
            "bidi override in name",
            |d| d.project_name = "Safe\u{202E}gnp.exe".into(),
            F::ProjectName,
            C::InvalidText,
        ),
        (
            "isolate in notes",
            |d| d.notes = "a\u{2066}b".into(),
            F::Notes,
            C::InvalidText,
        ),
        (
            "url that grows past the limit when normalised",
            |d| d.whitepaper_url = format!("https://x.example/a{}b", " ".repeat(2000)),
            F::WhitepaperUrl,
            C::TooLong,
        ),
        (
            "symbol with space",
            |d| d.token_symbol = "A UR".into(),
            F::TokenSymbol,
            C::InvalidSymbol,
        ),
        (
            "symbol too long",
            |d| d.token_symbol = "A".repeat(17),
            F::TokenSymbol,
            C::TooLong,
        ),
        (
            "decimals 37",
            |d| d.token_decimals = "37".into(),
            F::TokenDecimals,
            C::InvalidDecimals,
        ),
        (
            "decimals -1",
            |d| d.token_decimals = "-1".into(),
            F::TokenDecimals,
            C::InvalidDecimals,
        ),
        (
            "decimals +8",
            |d| d.token_decimals = "+8".into(),
            F::TokenDecimals,
            C::InvalidDecimals,
        ),
        (
            "decimals empty",
            |d| d.token_decimals = String::new(),
            F::TokenDecimals,
            C::Required,
        ),
        (
            "chain id 0",
            |d| d.chain_id = "0".into(),
            F::ChainId,
            C::InvalidChainId,
        ),
        (
            "chain id 2^53",
            |d| d.chain_id = "9007199254740992".into(),
            F::ChainId,
            C::InvalidChainId,
        ),
        (
            "chain id text",
            |d| d.chain_id = "mainnet".into(),
            F::ChainId,
            C::InvalidChainId,
        ),
        (
            "wrong checksum",
            |d| d.contribution_address = "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".into(),
            F::ContributionAddress,
            C::BadChecksum,
        ),
        (
            "short address",
            |d| d.contribution_address = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe".into(),
            F::ContributionAddress,
            C::InvalidAddress,
        ),
        (
            "no address",
            |d| d.contribution_address = String::new(),
            F::ContributionAddress,
            C::Required,
        ),
        (
            "soft cap above hard cap",
            |d| d.soft_cap = "501".into(),
            F::SoftCap,
            C::SoftCapAboveHardCap,
        ),
        (
            "min above max",
            |d| d.min_contribution = "11".into(),
            F::MinContribution,
            C::MinAboveMax,
        ),
        (
            "1e18",
            |d| d.hard_cap = "1e18".into(),
            F::HardCap,
            C::InvalidAmount,
        ),
        (
            "-1",
            |d| d.max_contribution = "-1".into(),
            F::MaxContribution,
            C::InvalidAmount,
        ),
        (
            "1,5",
            |d| d.min_contribution = "1,5".into(),
            F::MinContribution,
            C::InvalidAmount,
        ),
        (
            "19 decimals at 18",
            |d| d.soft_cap = "0.0000000000000000001".into(),
            F::SoftCap,
            C::TooManyDecimalPlaces,
        ),
        (
            "zero hard cap",
            |d| d.hard_cap = "0".into(),
            F::HardCap,
            C::InvalidAmount,
        ),
        (
            "absurd amount",
            |d| d.hard_cap = "1".repeat(90),
            F::HardCap,
            C::AmountTooLarge,
        ),
        (
            "zero price",
            |d| d.pricing_amount = "0".into(),
            F::PricingAmount,
            C::InvalidAmount,
        ),
        (
            "missing price",
            |d| d.pricing_amount = String::new(),
            F::PricingAmount,
            C::Required,
        ),
        (
            "end before start",
            |d| d.ends_at = "2026-11-30 14:00".into(),
            F::EndsAt,
            C::EndsBeforeStart,
        ),
        (
            "end equals start",
            |d| d.ends_at = d.starts_at.clone(),
            F::EndsAt,
            C::EndsBeforeStart,
        ),
        (
            "bad start",
            |d| d.starts_at = "next week".into(),
            F::StartsAt,
            C::InvalidDatetime,
        ),
        (
            "no end",
            |d| d.ends_at = String::new(),
            F::EndsAt,
            C::Required,
        ),
        (
            "ftp whitepaper",
            |d| d.whitepaper_url = "ftp://x.example/wp".into(),
            F::WhitepaperUrl,
            C::InvalidUrl,
        ),
        (
            "not a url",
            |d| d.whitepaper_url = "whitepaper.pdf".into(),
            F::WhitepaperUrl,
            C::InvalidUrl,
        ),
        (
            "notes too long",
            |d| d.notes = "n".repeat(10_001),
            F::Notes,
            C::TooLong,
        ),
        (
            "erc20 without address",
            |d| {
                d.currency_kind = CurrencyKind::Erc20;
                d.currency_decimals = "6".into();
            },
            F::CurrencyAddress,
            C::Required,
        ),
        (
            "erc20 with 40 decimals",
            |d| {
                d.currency_kind = CurrencyKind::Erc20;
                d.currency_address = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48".into();
                d.currency_decimals = "40".into();
            },
            F::CurrencyDecimals,
            C::InvalidDecimals,
        ),
        (
            "usdc amount with 7 decimals",
            |d| {
                d.currency_kind = CurrencyKind::Erc20;
                d.currency_symbol = "USDC".into();
                d.currency_address = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48".into();
                d.currency_decimals = "6".into();
                d.min_contribution = "0.0000001".into();
            },
            F::MinContribution,
            C::TooManyDecimalPlaces,
        ),
    ];
    for (name, edit, field, code) in cases {
        let mut draft = valid_draft();
        edit(&mut draft);
        assert_eq!(violations(&draft), vec![(*field, *code)], "case {name:?}");
    }
}

#[test]
fn all_violations_are_reported_together() {
    let draft = SaleDraft {
        currency_symbol: "ETH".into(),
        soft_cap: "9".into(),
        hard_cap: "8".into(),
        ..SaleDraft::default()
    };
    let found = violations(&draft);
    assert!(
        found.len() >= 7,
        "an empty draft breaks many rules at once: {found:?}"
    );
    assert!(found.contains(&(SaleField::ProjectName, ValidationCode::Required)));
    assert!(found.contains(&(SaleField::SoftCap, ValidationCode::SoftCapAboveHardCap)));
    assert!(found.contains(&(SaleField::StartsAt, ValidationCode::Required)));
}

#[test]
fn messages_name_the_amounts_in_units() {
    let mut draft = valid_draft();
    draft.soft_cap = "600.5".into();
    let error = SaleTerms::from_draft(&draft).expect_err("soft cap above hard cap");
    assert_eq!(
        error.0[0].message,
        "the soft cap (600.5 ETH) is above the hard cap (500 ETH)"
    );
}

#[test]
fn terms_round_trip_through_their_draft() {
    let mut draft = valid_draft();
    draft.currency_kind = CurrencyKind::Erc20;
    draft.currency_symbol = "USDC".into();
    draft.currency_address = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48".into();
    draft.currency_decimals = "6".into();
    draft.pricing_kind = PricingKind::Price;
    draft.pricing_amount = "0.05".into();
    let terms = SaleTerms::from_draft(&draft).expect("valid");
    let again = SaleTerms::from_draft(&terms.to_draft()).expect("its own draft is valid");
    assert_eq!(again, terms);
    assert_eq!(
        terms.to_draft().currency_address,
        "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"
    );
    assert_eq!(terms.pricing, Some(Pricing::Price(U256::from(50_000u64))));
}

#[test]
fn status_follows_the_dates() {
    let terms = SaleTerms::from_draft(&valid_draft()).expect("valid");
    let at = |s: &str| UtcTimestamp::parse(s).expect("literal");
    assert_eq!(
        terms.status(at("2026-12-01 13:59:59")),
        SaleStatus::Upcoming
    );
    assert_eq!(terms.status(at("2026-12-01 14:00")), SaleStatus::Open);
    assert_eq!(terms.status(at("2026-12-15 13:59:59")), SaleStatus::Open);
    assert_eq!(terms.status(at("2026-12-15 14:00")), SaleStatus::Ended);
}

#[test]
fn every_field_name_is_a_key_of_the_draft_on_the_wire() {
    let draft = serde_json::to_value(SaleDraft::default()).expect("serialisable");
    use SaleField as F;
    for field in [
        F::ProjectName,
        F::TokenSymbol,
        F::TokenDecimals,
        F::ChainId,
        F::ContributionAddress,
        F::CurrencySymbol,
        F::CurrencyAddress,
        F::CurrencyDecimals,
        F::PricingAmount,
        F::SoftCap,
        F::HardCap,
        F::MinContribution,
        F::MaxContribution,
        F::StartsAt,
        F::EndsAt,
        F::WhitepaperUrl,
        F::Notes,
    ] {
        assert!(
            draft.get(field.as_str()).is_some(),
            "{field:?} is named {:?} but the draft has no such key",
            field.as_str()
        );
        assert_eq!(
            serde_json::to_value(field).expect("serialisable"),
            field.as_str(),
            "serde and as_str agree"
        );
    }
}

#[test]
fn windows_line_breaks_in_notes_are_kept_as_line_breaks() {
    let mut draft = valid_draft();
    draft.notes = "first\r\nsecond".into();
    let terms = SaleTerms::from_draft(&draft).expect("CRLF is fine in notes");
    assert_eq!(terms.notes, "first\nsecond");
}
