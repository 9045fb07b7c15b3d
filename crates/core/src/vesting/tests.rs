use proptest::prelude::*;

use super::*;

fn at(text: &str) -> UtcTimestamp {
    UtcTimestamp::parse(text).expect("test time")
}

fn bps(value: u16) -> BasisPoints {
    BasisPoints::new(value).expect("≤ 100 %")
}

fn units(value: u64) -> U256 {
    U256::from(value)
}

fn linear(at_tge: u16, cliff_months: u32, months: u32, frequency: Frequency) -> VestingPlan {
    VestingPlan::Linear {
        at_tge: bps(at_tge),
        cliff_months,
        months,
        frequency,
    }
}

/// The schedule as (RFC 3339 time, amount) pairs, for readable expectations.
fn table(schedule: &Schedule) -> Vec<(String, u64)> {
    schedule
        .unlocks()
        .iter()
        .map(|u| (u.at.to_rfc3339(), u.amount.to::<u64>()))
        .collect()
}

fn pairs(expected: &[(&str, u64)]) -> Vec<(String, u64)> {
    expected
        .iter()
        .map(|(t, a)| ((*t).to_owned(), *a))
        .collect()
}

#[test]
fn ten_percent_at_tge_then_monthly_over_a_year() {
    let plan = linear(1_000, 0, 12, Frequency::Monthly);
    let schedule = schedule(&plan, at("2027-01-15 12:00"), units(1_200)).expect("valid");
    let mut expected = vec![("2027-01-15T12:00:00Z".to_owned(), 120)];
    for month in 1..=12u32 {
        let date = at("2027-01-15 12:00").add_months(month).expect("in range");
        expected.push((date.to_rfc3339(), 90));
    }
    assert_eq!(table(&schedule), expected);
    assert_eq!(schedule.total(), units(1_200));
}

#[test]
fn month_ends_are_clamped_without_drifting() {
    let plan = linear(0, 0, 4, Frequency::Monthly);
    let schedule = schedule(&plan, at("2027-01-31 00:00"), units(4)).expect("valid");
    assert_eq!(
        table(&schedule),
        pairs(&[
            ("2027-02-28T00:00:00Z", 1),
            ("2027-03-31T00:00:00Z", 1),
            ("2027-04-30T00:00:00Z", 1),
            ("2027-05-31T00:00:00Z", 1),
        ])
    );
}

#[test]
fn leap_years_give_the_29th_of_february_when_it_exists() {
    let from_january = schedule(
        &linear(0, 0, 1, Frequency::Monthly),
        at("2028-01-31 09:30"),
        units(7),
    )
    .expect("valid");
    assert_eq!(table(&from_january), pairs(&[("2028-02-29T09:30:00Z", 7)]));
    let leap_day = schedule(
        &linear(0, 0, 12, Frequency::Quarterly),
        at("2028-02-29 00:00"),
        units(4),
    )
    .expect("valid");
    assert_eq!(
        table(&leap_day),
        pairs(&[
            ("2028-05-29T00:00:00Z", 1),
            ("2028-08-29T00:00:00Z", 1),
            ("2028-11-29T00:00:00Z", 1),
            ("2029-02-28T00:00:00Z", 1),
        ])
    );
    // Daily over February of a leap year: 29 unlocks.
    let daily = schedule(
        &linear(0, 0, 1, Frequency::Daily),
        at("2028-02-01 00:00"),
        units(29),
    )
    .expect("valid");
    assert_eq!(daily.unlocks().len(), 29);
    assert_eq!(daily.unlocks()[28].at, at("2028-03-01 00:00"));
}

#[test]
fn what_would_unlock_before_the_cliff_unlocks_at_it() {
    let plan = linear(0, 3, 6, Frequency::Monthly);
    let schedule = schedule(&plan, at("2027-01-01 00:00"), units(600)).expect("valid");
    assert_eq!(
        table(&schedule),
        pairs(&[
            ("2027-04-01T00:00:00Z", 300),
            ("2027-05-01T00:00:00Z", 100),
            ("2027-06-01T00:00:00Z", 100),
            ("2027-07-01T00:00:00Z", 100),
        ])
    );
}

#[test]
fn a_cliff_as_long_as_the_period_unlocks_everything_at_its_end() {
    let plan = linear(2_500, 12, 12, Frequency::Monthly);
    let schedule = schedule(&plan, at("2027-03-10 00:00"), units(1_000)).expect("valid");
    assert_eq!(
        table(&schedule),
        pairs(&[("2027-03-10T00:00:00Z", 250), ("2028-03-10T00:00:00Z", 750)])
    );
}

#[test]
fn none_or_all_at_the_tge() {
    let none = schedule(
        &linear(0, 0, 2, Frequency::Monthly),
        at("2027-01-01 00:00"),
        units(10),
    )
    .expect("valid");
    assert_eq!(
        none.unlocks()[0].at,
        at("2027-02-01 00:00"),
        "no empty TGE unlock"
    );
    let all = schedule(
        &linear(10_000, 0, 0, Frequency::Monthly),
        at("2027-01-01 00:00"),
        units(10),
    )
    .expect("valid");
    assert_eq!(table(&all), pairs(&[("2027-01-01T00:00:00Z", 10)]));
}

#[test]
fn rounding_never_loses_or_invents_a_base_unit() {
    let thirds = schedule(
        &linear(3_333, 0, 3, Frequency::Monthly),
        at("2027-01-01 00:00"),
        units(10),
    )
    .expect("valid");
    // 33.33 % of 10 is 3.333: 3 at the TGE; the 7 left over 3 months as 2, 2, 3.
    assert_eq!(
        thirds
            .unlocks()
            .iter()
            .map(|u| u.amount.to::<u64>())
            .collect::<Vec<_>>(),
        vec![3, 2, 2, 3]
    );
    let huge = U256::MAX;
    let daily = schedule(
        &linear(1_234, 5, 36, Frequency::Daily),
        at("2027-01-01 00:00"),
        huge,
    )
    .expect("valid");
    assert_eq!(daily.total(), huge);
}

#[test]
fn tranches_unlock_their_shares_and_must_add_up_to_exactly_100_percent() {
    let tranche = |months_after_tge, share| Tranche {
        months_after_tge,
        share: bps(share),
    };
    let plan = VestingPlan::Tranches(vec![
        tranche(0, 2_500),
        tranche(3, 2_500),
        tranche(6, 5_000),
    ]);
    let quarters = schedule(&plan, at("2027-01-31 00:00"), units(1_001)).expect("valid");
    assert_eq!(
        table(&quarters),
        pairs(&[
            ("2027-01-31T00:00:00Z", 250),
            ("2027-04-30T00:00:00Z", 250),
            ("2027-07-31T00:00:00Z", 501),
        ])
    );
    let tge = at("2027-01-01 00:00");
    for (tranches, expected) in [
        (vec![], VestingError::NoTranches),
        (
            vec![tranche(0, 6_000), tranche(1, 5_000)],
            VestingError::TranchesOverHundred(BasisPointsSum(11_000)),
        ),
        (
            vec![tranche(0, 5_000), tranche(1, 4_950)],
            VestingError::TranchesUnderHundred(BasisPointsSum(9_950)),
        ),
        (
            vec![tranche(3, 5_000), tranche(1, 5_000)],
            VestingError::TranchesOutOfOrder,
        ),
        (
            vec![tranche(1, 5_000), tranche(1, 5_000)],
            VestingError::TranchesOutOfOrder,
        ),
        (
            vec![tranche(0, 10_000), tranche(1, 0)],
            VestingError::EmptyTranche,
        ),
    ] {
        assert_eq!(
            schedule(&VestingPlan::Tranches(tranches.clone()), tge, units(100)),
            Err(expected.clone()),
            "{tranches:?}"
        );
    }
    assert_eq!(
        VestingError::TranchesUnderHundred(BasisPointsSum(9_950)).to_string(),
        "the tranches add up to 99.5%, not 100%"
    );
}

#[test]
fn impossible_linear_plans_are_refused() {
    let tge = at("2027-01-01 00:00");
    for (plan, expected) in [
        (
            linear(0, 13, 12, Frequency::Monthly),
            VestingError::CliffLongerThanPeriod {
                cliff: 13,
                months: 12,
            },
        ),
        (
            linear(5_000, 0, 0, Frequency::Monthly),
            VestingError::NoPeriod,
        ),
        (
            linear(0, 0, 10, Frequency::Quarterly),
            VestingError::PeriodNotWholeQuarters,
        ),
        (
            linear(0, 0, 601, Frequency::Monthly),
            VestingError::PeriodTooLong,
        ),
    ] {
        assert_eq!(
            schedule(&plan, tge, units(100)),
            Err(expected.clone()),
            "{plan:?}"
        );
    }
    let late = at("9999-06-01 00:00");
    assert_eq!(
        schedule(&linear(0, 0, 12, Frequency::Monthly), late, units(100)),
        Err(VestingError::DateOutOfRange)
    );
}

#[test]
fn unlocked_so_far_and_the_next_unlock_at_a_given_moment() {
    let plan = linear(1_000, 0, 3, Frequency::Monthly);
    let schedule = schedule(&plan, at("2027-01-01 00:00"), units(1_000)).expect("valid");
    assert_eq!(schedule.unlocked_at(at("2026-12-31 23:59")), U256::ZERO);
    assert_eq!(
        schedule.next_unlock(at("2026-12-31 23:59")).map(|u| u.at),
        Some(at("2027-01-01 00:00"))
    );
    assert_eq!(
        schedule.unlocked_at(at("2027-01-01 00:00")),
        units(100),
        "at the moment counts"
    );
    assert_eq!(schedule.unlocked_at(at("2027-02-15 00:00")), units(400));
    assert_eq!(
        schedule
            .next_unlock(at("2027-02-15 00:00"))
            .map(|u| (u.at, u.amount)),
        Some((at("2027-03-01 00:00"), units(300)))
    );
    assert_eq!(schedule.unlocked_at(at("2030-01-01 00:00")), units(1_000));
    assert_eq!(schedule.next_unlock(at("2027-04-01 00:00")), None);
}

#[test]
fn percentages_are_read_exactly() {
    for (input, expected) in [
        ("12.5", 1_250),
        ("12.50%", 1_250),
        ("0", 0),
        ("0.01", 1),
        ("100", 10_000),
        ("100.00", 10_000),
        ("007", 700),
    ] {
        assert_eq!(
            BasisPoints::parse_percent(input),
            Ok(bps(expected)),
            "{input:?}"
        );
    }
    for (input, expected) in [
        ("", PercentError::Empty),
        ("%", PercentError::Empty),
        ("12.345", PercentError::TooPrecise),
        ("100.01", PercentError::OutOfRange),
        ("101", PercentError::OutOfRange),
        ("99999999999999999999", PercentError::OutOfRange),
        ("-1", PercentError::Malformed),
        ("1e2", PercentError::Malformed),
        ("12,5", PercentError::Malformed),
        (".5", PercentError::Malformed),
        ("5.", PercentError::Malformed),
        (" 12.5", PercentError::Malformed),
        ("12.5 %", PercentError::Malformed),
        ("+5", PercentError::Malformed),
        ("NaN", PercentError::Malformed),
    ] {
        assert_eq!(
            BasisPoints::parse_percent(input),
            Err(expected),
            "{input:?}"
        );
    }
    for value in [0u16, 1, 10, 1_250, 3_333, 10_000] {
        let text = bps(value).to_percent_text();
        assert_eq!(BasisPoints::parse_percent(&text), Ok(bps(value)), "{text}");
    }
}

proptest! {
    #[test]
    fn every_linear_schedule_adds_up_and_runs_forward(
        total in any::<u128>(),
        at_tge in 0u16..=10_000,
        months in 1u32..=48,
        cliff_fraction in 0u32..=100,
        frequency in prop_oneof![Just(Frequency::Daily), Just(Frequency::Monthly), Just(Frequency::Quarterly)],
        start in 0i64..4_000_000_000,
    ) {
        let months = if frequency == Frequency::Quarterly { months * 3 } else { months };
        let cliff_months = months * cliff_fraction / 100;
        let tge = UtcTimestamp::from_unix_seconds(start).expect("in range");
        let plan = linear(at_tge, cliff_months, months, frequency);
        let schedule = schedule(&plan, tge, U256::from(total)).expect("valid plan");
        prop_assert_eq!(schedule.total(), U256::from(total));
        prop_assert!(schedule.unlocks().windows(2).all(|pair| pair[0].at < pair[1].at));
        prop_assert!(schedule.unlocks().iter().all(|u| !u.amount.is_zero()));
        let cliff = tge.add_months(cliff_months).expect("in range");
        prop_assert!(schedule.unlocks().iter().all(|u| u.at == tge || u.at >= cliff));
    }
}

fn draft(kind: &str) -> VestingDraft {
    VestingDraft {
        total_tokens: "1200".into(),
        tge_at: "2027-01-15 12:00".into(),
        kind: kind.into(),
        at_tge_percent: "10".into(),
        cliff_months: "0".into(),
        months: "12".into(),
        frequency: "monthly".into(),
        tranches: Vec::new(),
    }
}

#[test]
fn a_typed_plan_becomes_terms_and_back() {
    let terms = VestingTerms::from_draft(&draft("linear"), 18).expect("valid");
    assert_eq!(
        terms.total,
        U256::from(1_200u64) * U256::from(10u64).pow(U256::from(18u64))
    );
    assert_eq!(terms.schedule().unlocks().len(), 13);
    assert_eq!(terms.to_draft(18), draft("linear"));
    let tranches = VestingDraft {
        tranches: vec![("0".into(), "25".into()), ("6".into(), "75".into())],
        at_tge_percent: String::new(),
        cliff_months: String::new(),
        months: String::new(),
        frequency: String::new(),
        ..draft("tranches")
    };
    let terms = VestingTerms::from_draft(&tranches, 0).expect("valid");
    assert_eq!(terms.schedule().total(), U256::from(1_200u64));
    assert_eq!(terms.to_draft(0), tranches);
}

#[test]
fn every_problem_of_a_typed_plan_names_its_field() {
    let fields = |draft: &VestingDraft, decimals: u8| -> Vec<&'static str> {
        VestingTerms::from_draft(draft, decimals)
            .expect_err("refused")
            .iter()
            .map(|p| p.field.as_str())
            .collect()
    };
    let all_wrong = VestingDraft {
        total_tokens: "1.5".into(),
        tge_at: "soon".into(),
        at_tge_percent: "120".into(),
        cliff_months: "-1".into(),
        months: "x".into(),
        frequency: "weekly".into(),
        ..draft("linear")
    };
    assert_eq!(
        fields(&all_wrong, 0),
        vec![
            "totalTokens",
            "tgeAt",
            "atTgePercent",
            "cliffMonths",
            "months",
            "frequency"
        ]
    );
    let loose_numbers = VestingDraft {
        cliff_months: "+1".into(),
        months: " 12".into(),
        ..draft("linear")
    };
    assert_eq!(fields(&loose_numbers, 18), vec!["cliffMonths", "months"]);
    assert_eq!(
        fields(
            &VestingDraft {
                kind: "cliff".into(),
                ..draft("linear")
            },
            18
        ),
        vec!["kind"]
    );
    assert_eq!(
        fields(
            &VestingDraft {
                cliff_months: "13".into(),
                ..draft("linear")
            },
            18
        ),
        vec!["cliffMonths"]
    );
    assert_eq!(
        fields(
            &VestingDraft {
                total_tokens: "0".into(),
                ..draft("linear")
            },
            18
        ),
        vec!["totalTokens"]
    );
    let over = VestingDraft {
        tranches: vec![("0".into(), "60".into()), ("3".into(), "50".into())],
        ..draft("tranches")
    };
    let problems = VestingTerms::from_draft(&over, 18).expect_err("over 100 %");
    assert_eq!(
        problems[0].message,
        "the tranches add up to 110%, more than 100%"
    );
    assert_eq!(
        fields(
            &VestingDraft {
                tranches: vec![("x".into(), "5".into())],
                ..draft("tranches")
            },
            18
        ),
        vec!["tranches"]
    );
}
