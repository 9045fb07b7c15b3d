//! Table-driven review cases: each starts from a clean contribution (which raises
//! nothing at all), changes one or two things, and names the codes it must raise and
//! those it must not.

use super::*;
use crate::budget::{Budget, Movement, MovementKind, Period};
use crate::diligence::GradeLetter;
use crate::fixtures::native_sale_draft;
use crate::official::{AddressPurpose, SourceKind};
use crate::price_book::{Price, PriceSource, SourceOrder};
use crate::research::{FactorDraft, ResearchDraft};
use crate::sale::SaleDraft;
use crate::vesting::BasisPoints;
use FindingCode::*;

const DESIGNATED: &str = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
const FROM: &str = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
const SECOND_OFFICIAL: &str = "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB";
/// On the drainer list of every case.
const SECOND_OFFICIAL_LOOKALIKE: &str = "0x00000000000000000000000000000000000dead1";
const UNRELATED: &str = "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb";

/// An all-lower-case address (so no checksum) with this head and tail and zeros between.
fn with_head_and_tail(head: &str, tail: &str) -> String {
    let middle = "0".repeat(40 - head.len() - tail.len());
    format!("0x{}{middle}{}", head.to_lowercase(), tail.to_lowercase())
}

/// A different address sharing the first four and last four hex characters of `known`.
fn look_alike_of(known: &str) -> String {
    with_head_and_tail(&known[2..6], &known[38..])
}

fn at(text: &str) -> UtcTimestamp {
    UtcTimestamp::parse(text).expect("a time")
}

fn address(text: &str) -> Address {
    parse_address(text).expect("an address")
}

fn research(scores: &[(&str, &str)], flags: &[&str], excluded: &str, eligible: &str) -> Research {
    Research::from_draft(&ResearchDraft {
        factors: scores
            .iter()
            .map(|(factor, score)| FactorDraft {
                factor: (*factor).into(),
                score: (*score).into(),
                ..FactorDraft::default()
            })
            .collect(),
        red_flags: flags.iter().map(|f| (*f).to_owned()).collect(),
        eligible_jurisdictions: eligible.into(),
        excluded_jurisdictions: excluded.into(),
    })
    .expect("valid research")
}

const GOOD_SCORES: &[(&str, &str)] = &[
    ("whitepaper", "4"),
    ("roadmap", "4"),
    ("team", "4"),
    ("market_potential", "4"),
    ("token_economics", "4"),
];

/// Everything a case can change; `Default` is the clean contribution.
#[derive(Clone)]
struct Case {
    name: &'static str,
    sale: SaleDraft,
    to: String,
    amount_wei: U256,
    chain_id: u64,
    research: Option<Research>,
    policy: DiligencePolicy,
    kyc: KycStatus,
    residence: Option<&'static str>,
    official: Vec<OfficialAddress>,
    known: Vec<String>,
    past_recipients: Vec<String>,
    url_hits: Vec<DomainHit>,
    scam_addresses: Vec<AddressList>,
    budget: Option<Budget>,
    movements: Vec<Movement>,
    prices: Vec<Price>,
    max_price_age_days: i64,
    now: &'static str,
    raises: Vec<FindingCode>,
    not: Vec<FindingCode>,
    verdict: Option<Verdict>,
}

fn eth(whole: u64) -> U256 {
    units(whole, 18)
}

fn units(whole: u64, decimals: u8) -> U256 {
    U256::from(whole) * U256::from(10_u64).pow(U256::from(decimals))
}

fn usd(amount: i64) -> rust_decimal::Decimal {
    rust_decimal::Decimal::from(amount)
}

/// The draft goes to sale 1; other sales' payments count towards the period only.
const THIS_SALE: SaleId = SaleId(1);
const OTHER_SALE: SaleId = SaleId(2);

fn paid(
    sale: SaleId,
    kind: MovementKind,
    at_text: &str,
    amount: U256,
    decimals: u8,
    asset: &str,
) -> Movement {
    Movement {
        sale,
        kind,
        at: at(at_text),
        amount,
        decimals,
        asset: asset.into(),
    }
}

fn eth_paid(sale: SaleId, at_text: &str, amount: U256) -> Movement {
    paid(sale, MovementKind::Contribution, at_text, amount, 18, "ETH")
}

fn price(asset: &str, currency: &str, value: &str, observed: &str) -> Price {
    Price {
        asset: asset.into(),
        currency: currency.into(),
        price: value.parse().expect("a decimal"),
        observed_at: at(observed),
        source: PriceSource::Manual,
    }
}

/// 20 000 USD for 2026, at most 8 000 USD or 40 % in one sale.
fn usd_budget_2026() -> Budget {
    Budget {
        currency: "USD".into(),
        period: Period::Year(2026),
        total: usd(20_000),
        per_sale_cap: Some(usd(8_000)),
        max_share_per_sale: BasisPoints::new(4_000),
    }
}

/// A contribution address of the sale on chain 1, with sources of these kinds.
fn vouched(text: &str, sources: &[SourceKind]) -> OfficialAddress {
    OfficialAddress {
        address: address(text),
        purpose: AddressPurpose::Contribution,
        chain_id: 1,
        retired: false,
        sources: sources.to_vec(),
    }
}

fn retired(official: OfficialAddress) -> OfficialAddress {
    OfficialAddress {
        retired: true,
        ..official
    }
}

fn clean(name: &'static str) -> Case {
    Case {
        name,
        sale: native_sale_draft("Aurora"),
        to: DESIGNATED.to_owned(),
        amount_wei: eth(2),
        chain_id: 1,
        research: Some(research(GOOD_SCORES, &[], "US", "")),
        policy: DiligencePolicy {
            minimum_grade: Some(GradeLetter::B),
            blocking_flags: vec![RedFlag::UnrealisticPromises],
            official_source_required: false,
        },
        kyc: KycStatus::Approved,
        residence: Some("DE"),
        official: vec![vouched(DESIGNATED, &[SourceKind::Website])],
        known: vec![FROM.to_owned()],
        past_recipients: vec![DESIGNATED.to_owned()],
        url_hits: Vec::new(),
        scam_addresses: vec![AddressList::new(
            "drainers",
            [(address(SECOND_OFFICIAL_LOOKALIKE), "a drainer".to_owned())],
        )],
        // 2 ETH at 3 000 USD = 6 000 USD, on top of 5 000 USD (2 ETH at 2 500) given to
        // another sale in June: 11 000 of 20 000, 30 % of the budget in this sale.
        budget: Some(usd_budget_2026()),
        movements: vec![eth_paid(OTHER_SALE, "2026-06-01 10:00", eth(2))],
        prices: vec![
            price("ETH", "USD", "2500", "2026-01-01 00:00"),
            price("ETH", "USD", "3000", "2026-12-04 09:00"),
            price("USDC", "USD", "1", "2026-01-01 00:00"),
        ],
        max_price_age_days: 7,
        now: "2026-12-05 10:00",
        raises: Vec::new(),
        not: Vec::new(),
        verdict: None,
    }
}

/// A hit of one of the sale's links.
fn hit(kind: DomainHitKind) -> DomainHit {
    DomainHit {
        url: "https://aurorasa1e.io/whitepaper.pdf".to_owned(),
        domain: "aurorasa1e.io".to_owned(),
        kind,
        list: "eth-phishing-detect 1.2.0".to_owned(),
        entry: "aurorasale.io".to_owned(),
    }
}

fn run(case: &Case) -> Review {
    let terms = SaleTerms::from_draft(&case.sale).expect("valid sale");
    let known: Vec<Address> = case.known.iter().map(|a| address(a)).collect();
    let past: Vec<Address> = case.past_recipients.iter().map(|a| address(a)).collect();
    let book = PriceBook::new(
        &case.prices,
        case.max_price_age_days * 86_400,
        SourceOrder::default(),
    );
    let context = ReviewContext {
        terms: &terms,
        research: case.research.as_ref(),
        policy: &case.policy,
        kyc: case.kyc,
        residence: case
            .residence
            .map(|c| crate::research::parse_country(c).expect("a country")),
        official: &case.official,
        known: &known,
        past_recipients: &past,
        url_hits: &case.url_hits,
        scam_addresses: &case.scam_addresses,
        budget: case.budget.as_ref(),
        movements: &case.movements,
        prices: &book,
        sale: THIS_SALE,
        now: at(case.now),
    };
    review(
        &DraftContribution {
            from: address(FROM),
            to: case.to.clone(),
            amount: case.amount_wei,
            chain_id: case.chain_id,
        },
        &context,
    )
}

fn cases() -> Vec<Case> {
    let with = |name, change: &dyn Fn(&mut Case)| {
        let mut case = clean(name);
        change(&mut case);
        case
    };
    vec![
        with("a clean contribution raises nothing", &|c| {
            c.not = FindingCode::ALL.to_vec();
            c.verdict = Some(Verdict::Clear);
        }),
        // The chain.
        with("another chain", &|c| {
            c.chain_id = 137;
            c.raises = vec![ChainMismatch];
            c.verdict = Some(Verdict::Blocked);
        }),
        with("a testnet of the same coin", &|c| {
            c.chain_id = 11_155_111;
            c.raises = vec![ChainMismatch];
        }),
        // The destination as typed.
        with("a checksum with one capital wrong", &|c| {
            c.to = "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".into();
            c.raises = vec![BadChecksum];
            c.not = vec![InvalidDestination, NotDesignatedAddress];
        }),
        with("all lower case is no checksum, and fine", &|c| {
            c.to = DESIGNATED.to_lowercase();
            c.not = FindingCode::ALL.to_vec();
        }),
        with("all upper case is fine too", &|c| {
            c.to = format!("0x{}", DESIGNATED[2..].to_uppercase());
            c.not = vec![BadChecksum, InvalidDestination];
        }),
        with("surrounding spaces are ignored", &|c| {
            c.to = format!("  {DESIGNATED}\n");
            c.not = FindingCode::ALL.to_vec();
        }),
        with("too short", &|c| {
            c.to = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe".into();
            c.raises = vec![InvalidDestination];
            c.not = vec![NotDesignatedAddress, FirstTimeRecipient];
        }),
        with("not hexadecimal", &|c| {
            c.to = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeZ".into();
            c.raises = vec![InvalidDestination];
        }),
        with("no 0x", &|c| {
            c.to = DESIGNATED[2..].to_owned();
            c.raises = vec![InvalidDestination];
        }),
        with("the zero address", &|c| {
            c.to = format!("0x{}", "0".repeat(40));
            c.raises = vec![InvalidDestination];
        }),
        with("an ENS name is not an address", &|c| {
            c.to = "aurora.eth".into();
            c.raises = vec![InvalidDestination];
        }),
        with("empty", &|c| {
            c.to = String::new();
            c.raises = vec![InvalidDestination];
        }),
        // Where it goes.
        with("an address that is not the sale's", &|c| {
            c.to = UNRELATED.into();
            c.raises = vec![
                NotDesignatedAddress,
                NotFromOfficialSource,
                FirstTimeRecipient,
            ];
            c.not = vec![LookAlikeAddress];
            c.verdict = Some(Verdict::Blocked);
        }),
        // Who vouches for it.
        with("the designated address with no source recorded", &|c| {
            c.official.clear();
            c.raises = vec![NotFromOfficialSource];
            c.not = vec![NotDesignatedAddress, OfficialSourceRequired];
            c.verdict = Some(Verdict::Warnings);
        }),
        with(
            "only a third party, a launchpad, an explorer and an older version's source",
            &|c| {
                use SourceKind::*;
                c.official = vec![vouched(
                    DESIGNATED,
                    &[ThirdParty, Launchpad, Explorer, Unknown],
                )];
                c.raises = vec![NotFromOfficialSource];
                c.verdict = Some(Verdict::Warnings);
            },
        ),
        with(
            "no source of the project's own when the rules require one",
            &|c| {
                c.official = vec![vouched(DESIGNATED, &[SourceKind::ThirdParty])];
                c.policy.official_source_required = true;
                c.raises = vec![OfficialSourceRequired];
                c.not = vec![NotFromOfficialSource];
                c.verdict = Some(Verdict::Blocked);
            },
        ),
        with("the project's own source satisfies the rule", &|c| {
            c.official = vec![vouched(
                DESIGNATED,
                &[SourceKind::ThirdParty, SourceKind::Whitepaper],
            )];
            c.policy.official_source_required = true;
            c.not = FindingCode::ALL.to_vec();
        }),
        with("seen only in private messages", &|c| {
            use SourceKind::PrivateMessage;
            c.official = vec![vouched(DESIGNATED, &[PrivateMessage, PrivateMessage])];
            c.raises = vec![PrivateMessageOnly];
            c.not = vec![NotFromOfficialSource, OfficialSourceRequired];
            c.verdict = Some(Verdict::Blocked);
        }),
        with("a private message and the project's announcement", &|c| {
            use SourceKind::{Announcement, PrivateMessage};
            c.official = vec![vouched(DESIGNATED, &[PrivateMessage, Announcement])];
            c.not = FindingCode::ALL.to_vec();
        }),
        with("the destination on a list of scam addresses", &|c| {
            c.to = SECOND_OFFICIAL_LOOKALIKE.into();
            c.past_recipients.push(SECOND_OFFICIAL_LOOKALIKE.into());
            c.raises = vec![ScamAddress, NotDesignatedAddress];
            c.verdict = Some(Verdict::Blocked);
        }),
        with("a link on a list of phishing domains", &|c| {
            c.url_hits = vec![hit(DomainHitKind::Listed)];
            c.raises = vec![ScamDomain];
            c.not = vec![LookAlikeDomain, ScamAddress];
            c.verdict = Some(Verdict::Blocked);
        }),
        with("a link imitating a domain scammers impersonate", &|c| {
            c.url_hits = vec![hit(DomainHitKind::Impersonates)];
            c.raises = vec![ScamDomain];
            c.verdict = Some(Verdict::Blocked);
        }),
        with("a link looking like the sale's own site", &|c| {
            c.url_hits = vec![hit(DomainHitKind::LooksLikeOwnSite)];
            c.raises = vec![LookAlikeDomain];
            c.not = vec![ScamDomain];
            c.verdict = Some(Verdict::Blocked);
        }),
        with(
            "a second contribution address published for the sale",
            &|c| {
                c.official
                    .push(vouched(SECOND_OFFICIAL, &[SourceKind::Announcement]));
                c.raises = vec![ConflictingOfficialAddresses];
                c.verdict = Some(Verdict::Blocked);
            },
        ),
        with(
            "an official address other than the terms' is a conflict too",
            &|c| {
                c.to = SECOND_OFFICIAL.into();
                c.official = vec![vouched(SECOND_OFFICIAL, &[SourceKind::Website])];
                c.past_recipients.push(SECOND_OFFICIAL.into());
                c.raises = vec![ConflictingOfficialAddresses];
                c.not = vec![NotDesignatedAddress, NotFromOfficialSource];
            },
        ),
        with("the second address retired", &|c| {
            c.official.push(retired(vouched(
                SECOND_OFFICIAL,
                &[SourceKind::Announcement],
            )));
            c.not = FindingCode::ALL.to_vec();
        }),
        with("sending to the retired address", &|c| {
            c.to = SECOND_OFFICIAL.into();
            c.official.push(retired(vouched(
                SECOND_OFFICIAL,
                &[SourceKind::Announcement],
            )));
            c.past_recipients.push(SECOND_OFFICIAL.into());
            c.raises = vec![NotDesignatedAddress, NotFromOfficialSource];
            c.not = vec![ConflictingOfficialAddresses];
        }),
        with(
            "a claim contract or another chain's address is no conflict",
            &|c| {
                c.official.push(OfficialAddress {
                    purpose: AddressPurpose::Claim,
                    ..vouched(SECOND_OFFICIAL, &[SourceKind::Website])
                });
                c.official.push(OfficialAddress {
                    chain_id: 56,
                    ..vouched(UNRELATED, &[SourceKind::Website])
                });
                c.not = FindingCode::ALL.to_vec();
            },
        ),
        with("a first payment to the designated address", &|c| {
            c.past_recipients.clear();
            c.raises = vec![FirstTimeRecipient];
            c.verdict = Some(Verdict::Clear);
        }),
        with("a look-alike of the designated address", &|c| {
            c.to = look_alike_of(DESIGNATED);
            c.raises = vec![LookAlikeAddress, NotDesignatedAddress, FirstTimeRecipient];
        }),
        with("a look-alike of an address-book entry", &|c| {
            let entry = "0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B";
            c.known.push(entry.into());
            c.to = look_alike_of(entry);
            c.official
                .push(vouched(&c.to.clone(), &[SourceKind::PrivateMessage]));
            c.raises = vec![LookAlikeAddress];
            c.not = vec![NotDesignatedAddress];
        }),
        with("a look-alike of a past recipient", &|c| {
            c.past_recipients.push(UNRELATED.into());
            c.to = look_alike_of(UNRELATED);
            c.raises = vec![LookAlikeAddress];
        }),
        with("sharing only the head is no look-alike", &|c| {
            c.to = with_head_and_tail(&DESIGNATED[2..6], "0001");
            c.not = vec![LookAlikeAddress];
            c.raises = vec![NotDesignatedAddress];
        }),
        with("sharing only the tail is no look-alike", &|c| {
            c.to = with_head_and_tail("0001", &DESIGNATED[38..]);
            c.not = vec![LookAlikeAddress];
        }),
        // The window.
        with("before the sale opens", &|c| {
            c.now = "2026-12-01 13:59";
            c.raises = vec![SaleNotOpenYet];
            c.not = vec![SaleEnded];
        }),
        with("the minute it opens", &|c| {
            c.now = "2026-12-01 14:00";
            c.not = vec![SaleNotOpenYet, SaleEnded];
        }),
        with("the last minute", &|c| {
            c.now = "2026-12-15 13:59";
            c.not = vec![SaleEnded];
        }),
        with("the minute it ends", &|c| {
            c.now = "2026-12-15 14:00";
            c.raises = vec![SaleEnded];
        }),
        with("long after", &|c| {
            c.now = "2027-06-01 00:00";
            c.raises = vec![SaleEnded];
            c.not = vec![SaleNotOpenYet];
        }),
        // The limits (0.1 to 10 ETH).
        with("exactly the minimum", &|c| {
            c.amount_wei = eth(1) / U256::from(10);
            c.not = vec![BelowMinimum];
        }),
        with("one wei below the minimum", &|c| {
            c.amount_wei = eth(1) / U256::from(10) - U256::from(1);
            c.raises = vec![BelowMinimum];
            c.not = vec![AboveMaximum];
        }),
        with("exactly the maximum", &|c| {
            c.amount_wei = eth(10);
            c.not = vec![AboveMaximum];
        }),
        with("one wei above the maximum", &|c| {
            c.amount_wei = eth(10) + U256::from(1);
            c.raises = vec![AboveMaximum];
            c.not = vec![BelowMinimum];
        }),
        with("a sale without limits", &|c| {
            c.sale.min_contribution = String::new();
            c.sale.max_contribution = String::new();
            c.amount_wei = eth(1_000);
            c.not = vec![BelowMinimum, AboveMaximum];
        }),
        // KYC.
        with("KYC pending", &|c| {
            c.kyc = KycStatus::Pending;
            c.raises = vec![KycNotApproved];
        }),
        with("KYC rejected", &|c| {
            c.kyc = KycStatus::Rejected;
            c.raises = vec![KycNotApproved];
        }),
        with("KYC not started", &|c| {
            c.kyc = KycStatus::NotStarted;
            c.raises = vec![KycNotApproved];
        }),
        with("no KYC needed", &|c| {
            c.sale.kyc_required = false;
            c.kyc = KycStatus::NotStarted;
            c.not = vec![KycNotApproved];
        }),
        // Where the user lives.
        with("an excluded country", &|c| {
            c.residence = Some("US");
            c.raises = vec![JurisdictionExcluded];
            c.not = vec![JurisdictionNotEligible];
        }),
        with("not among the eligible", &|c| {
            c.research = Some(research(GOOD_SCORES, &[], "", "FR, AT"));
            c.raises = vec![JurisdictionNotEligible];
            c.not = vec![JurisdictionExcluded];
        }),
        with("among the eligible", &|c| {
            c.research = Some(research(GOOD_SCORES, &[], "", "DE, AT"));
            c.not = vec![JurisdictionNotEligible, JurisdictionExcluded];
        }),
        with("no country set", &|c| {
            c.residence = None;
            c.raises = vec![ResidenceUnknown];
            c.not = vec![JurisdictionExcluded];
            c.verdict = Some(Verdict::Warnings);
        }),
        // Due diligence (minimum B).
        with("never researched", &|c| {
            c.research = None;
            c.raises = vec![DiligenceIncomplete];
            c.not = vec![GradeBelowMinimum, JurisdictionExcluded];
        }),
        with("too few factors scored", &|c| {
            c.research = Some(research(&GOOD_SCORES[..4], &[], "US", ""));
            c.raises = vec![DiligenceIncomplete];
            c.not = vec![GradeBelowMinimum];
        }),
        with("a C under a B minimum", &|c| {
            c.research = Some(research(
                &[
                    ("whitepaper", "3"),
                    ("roadmap", "3"),
                    ("team", "3"),
                    ("market_potential", "3"),
                    ("token_economics", "2"),
                ],
                &[],
                "US",
                "",
            ));
            c.raises = vec![GradeBelowMinimum];
        }),
        with("a red flag pulls an A down to a C", &|c| {
            c.research = Some(research(
                GOOD_SCORES,
                &[
                    "lack_of_transparency",
                    "no_recognised_exchange",
                    "no_third_party_audit",
                ],
                "US",
                "",
            ));
            c.raises = vec![GradeBelowMinimum];
            c.not = vec![BlockingRedFlag];
        }),
        with("exactly the minimum grade", &|c| {
            c.research = Some(research(GOOD_SCORES, &["no_third_party_audit"], "US", ""));
            c.not = vec![GradeBelowMinimum, BlockingRedFlag];
        }),
        with("no minimum grade", &|c| {
            c.policy.minimum_grade = None;
            c.research = Some(research(
                &[
                    ("whitepaper", "0"),
                    ("roadmap", "0"),
                    ("team", "0"),
                    ("market_potential", "0"),
                    ("token_economics", "0"),
                ],
                &[],
                "US",
                "",
            ));
            c.not = vec![GradeBelowMinimum];
        }),
        with("a blocking red flag", &|c| {
            c.research = Some(research(GOOD_SCORES, &["unrealistic_promises"], "US", ""));
            c.raises = vec![BlockingRedFlag];
        }),
        with("a red flag the user does not block on", &|c| {
            c.research = Some(research(GOOD_SCORES, &["no_third_party_audit"], "US", ""));
            c.not = vec![BlockingRedFlag];
        }),
        // The budget (20 000 USD in 2026, cap 8 000, 40 % per sale).
        with("no budget at all", &|c| {
            c.budget = None;
            c.raises = vec![NoBudget];
            c.not = vec![PriceMissing, PeriodBudgetExceeded];
            c.verdict = Some(Verdict::Warnings);
        }),
        with("a budget for another year only", &|c| {
            c.budget = Some(Budget {
                period: Period::Year(2027),
                ..usd_budget_2026()
            });
            c.raises = vec![NoBudget];
        }),
        with("no price of ETH in USD", &|c| {
            c.prices.retain(|p| p.asset != "ETH");
            c.movements.clear();
            c.raises = vec![PriceMissing];
            c.not = vec![PeriodBudgetExceeded, PriceStale];
            c.verdict = Some(Verdict::Blocked);
        }),
        with("only a price newer than the review", &|c| {
            c.prices = vec![price("ETH", "USD", "3000", "2026-12-05 10:01")];
            c.movements.clear();
            c.raises = vec![PriceMissing];
        }),
        with("a stale price", &|c| {
            c.prices = vec![price("ETH", "USD", "2500", "2026-11-01 00:00")];
            c.raises = vec![PriceStale];
            c.not = vec![PriceMissing, PeriodBudgetExceeded];
            c.verdict = Some(Verdict::Warnings);
        }),
        with("over the period's budget", &|c| {
            c.movements
                .push(eth_paid(OTHER_SALE, "2026-07-01 10:00", eth(4)));
            c.raises = vec![PeriodBudgetExceeded];
            c.not = vec![SaleCapExceeded, DiversificationExceeded];
        }),
        with("exactly the period's budget", &|c| {
            c.movements.push(eth_paid(
                OTHER_SALE,
                "2026-07-01 10:00",
                eth(36) / U256::from(10),
            ));
            c.not = vec![PeriodBudgetExceeded];
        }),
        with("a refund gives budget back", &|c| {
            c.movements
                .push(eth_paid(OTHER_SALE, "2026-07-01 10:00", eth(4)));
            c.movements.push(paid(
                OTHER_SALE,
                MovementKind::Refund,
                "2026-08-01 10:00",
                eth(2),
                18,
                "ETH",
            ));
            c.not = vec![PeriodBudgetExceeded];
        }),
        with("last year's payments do not count", &|c| {
            c.movements
                .push(eth_paid(OTHER_SALE, "2025-12-31 23:59", eth(40)));
            c.not = vec![PeriodBudgetExceeded, UnpricedCommitments];
        }),
        with("over the cap per sale", &|c| {
            c.movements.push(eth_paid(
                THIS_SALE,
                "2026-06-01 10:00",
                eth(12) / U256::from(10),
            ));
            c.raises = vec![SaleCapExceeded, DiversificationExceeded];
            c.not = vec![PeriodBudgetExceeded];
        }),
        with("over the share per sale, no cap", &|c| {
            c.budget = Some(Budget {
                per_sale_cap: None,
                ..usd_budget_2026()
            });
            c.movements
                .push(eth_paid(THIS_SALE, "2026-06-01 10:00", eth(1)));
            c.raises = vec![DiversificationExceeded];
            c.not = vec![SaleCapExceeded];
        }),
        with("exactly the cap and the share", &|c| {
            c.movements.push(eth_paid(
                THIS_SALE,
                "2026-06-01 10:00",
                eth(8) / U256::from(10),
            ));
            c.not = vec![SaleCapExceeded, DiversificationExceeded];
        }),
        with("a budget in ETH needs no price", &|c| {
            c.budget = Some(Budget {
                currency: "eth".into(),
                total: usd(10),
                per_sale_cap: None,
                max_share_per_sale: None,
                ..usd_budget_2026()
            });
            c.prices.clear();
            c.not = vec![PriceMissing, PeriodBudgetExceeded];
        }),
        with(
            "payments in several currencies, one without a price",
            &|c| {
                c.movements.push(paid(
                    OTHER_SALE,
                    MovementKind::Contribution,
                    "2026-05-01 10:00",
                    units(4_000, 6),
                    6,
                    "USDC",
                ));
                c.movements.push(paid(
                    OTHER_SALE,
                    MovementKind::Contribution,
                    "2026-05-02 10:00",
                    units(1, 7),
                    8,
                    "BTC",
                ));
                c.raises = vec![UnpricedCommitments];
                c.not = vec![PeriodBudgetExceeded];
            },
        ),
        with("a month's budget leaves out the month before", &|c| {
            c.budget = Some(Budget {
                period: Period::Month {
                    year: 2026,
                    month: 12,
                },
                ..usd_budget_2026()
            });
            c.movements
                .push(eth_paid(OTHER_SALE, "2026-11-30 23:59", eth(10)));
            c.not = vec![PeriodBudgetExceeded, NoBudget];
        }),
        with("a custom range", &|c| {
            c.budget = Some(Budget {
                period: Period::Custom {
                    from: at("2026-12-01 00:00"),
                    until: at("2026-12-10 00:00"),
                },
                total: usd(5_000),
                ..usd_budget_2026()
            });
            c.raises = vec![PeriodBudgetExceeded, DiversificationExceeded];
            c.not = vec![NoBudget];
        }),
        with("several problems at once", &|c| {
            c.chain_id = 56;
            c.kyc = KycStatus::Pending;
            c.now = "2026-11-30 00:00";
            c.raises = vec![ChainMismatch, KycNotApproved, SaleNotOpenYet];
            c.verdict = Some(Verdict::Blocked);
        }),
    ]
}

#[test]
fn every_case_raises_what_it_names_and_nothing_it_rules_out() {
    let cases = cases();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    for case in &cases {
        let review = run(case);
        let codes = review.codes();
        for code in &case.raises {
            assert!(
                codes.contains(code),
                "{}: {code:?} missing from {codes:?}",
                case.name
            );
        }
        for code in &case.not {
            assert!(
                !codes.contains(code),
                "{}: {code:?} raised ({codes:?})",
                case.name
            );
        }
        if let Some(verdict) = case.verdict {
            assert_eq!(review.verdict, verdict, "{}: {codes:?}", case.name);
        }
        assert!(
            review
                .findings
                .windows(2)
                .all(|pair| pair[0].severity() >= pair[1].severity()),
            "{}: most severe first",
            case.name
        );
    }
}

#[test]
fn the_verdict_is_the_worst_severity() {
    assert_eq!(run(&clean("clean")).verdict, Verdict::Clear);
    let mut warned = clean("warned");
    warned.residence = None;
    assert_eq!(run(&warned).verdict, Verdict::Warnings);
    let mut blocked = warned.clone();
    blocked.chain_id = 10;
    assert_eq!(run(&blocked).verdict, Verdict::Blocked);
}

#[test]
fn findings_name_the_values_they_were_decided_on() {
    let mut case = clean("above the maximum");
    case.amount_wei = eth(12);
    let review = run(&case);
    let above = review
        .findings
        .iter()
        .find(|f| f.code == AboveMaximum)
        .expect("raised");
    assert_eq!(
        above.message,
        "12 ETH is above the sale's maximum contribution of 10 ETH."
    );
    assert_eq!(
        above.details,
        vec![
            ("amount", "12 ETH".to_owned()),
            ("maximum", "10 ETH".to_owned())
        ]
    );
}

#[test]
fn the_budget_impact_says_what_the_contribution_uses_and_leaves() {
    let review = run(&clean("impact"));
    let impact = review.budget.expect("a budget applies");
    assert_eq!(impact.currency, "USD");
    assert_eq!(impact.period, "2026");
    assert_eq!(impact.value, usd(6_000));
    assert_eq!(impact.committed, usd(5_000));
    assert_eq!(impact.uses_bps, Some(usd(3_000)), "30 % of the budget");
    assert_eq!(impact.left_after_bps, Some(usd(4_500)), "45 % left");
}

#[test]
fn the_budget_finding_names_the_amounts() {
    let mut case = clean("over");
    case.movements
        .push(eth_paid(OTHER_SALE, "2026-07-01 10:00", eth(4)));
    let review = run(&case);
    let over = review
        .findings
        .iter()
        .find(|f| f.code == PeriodBudgetExceeded)
        .expect("raised");
    assert_eq!(
        over.message,
        "This would bring the 2026 budget to 21000 USD of 20000 USD."
    );
}

#[test]
fn codes_are_unique_and_only_destination_chain_and_node_errors_cannot_be_overridden() {
    let names: std::collections::BTreeSet<&str> =
        FindingCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(names.len(), FindingCode::ALL.len());
    let fixed: Vec<FindingCode> = FindingCode::ALL
        .into_iter()
        .filter(|c| !c.overridable())
        .collect();
    assert_eq!(
        fixed,
        vec![
            ChainMismatch,
            InvalidDestination,
            BadChecksum,
            ConflictingOfficialAddresses,
            ScamAddress,
            WouldRevert,
            InsufficientFunds,
            DestinationHasNoCode,
            CalldataMismatch,
            ApprovalBelowContribution,
            NothingToRefund,
            NothingClaimable,
            UnexpectedEffect
        ]
    );
}

#[test]
fn an_override_needs_something_overridable_that_blocks_and_a_real_reason() {
    let reason = "the team confirmed the cap on a call";
    assert_eq!(
        check_override(&run(&clean("clean")), reason),
        Err(OverrideRefusal::NothingBlocks)
    );
    let mut warned = clean("warned only");
    warned.residence = None;
    assert_eq!(
        check_override(&run(&warned), reason),
        Err(OverrideRefusal::NothingBlocks)
    );

    let mut above = clean("above the maximum");
    above.amount_wei = eth(12);
    let blocked = run(&above);
    assert_eq!(blocked.verdict, Verdict::Blocked);
    assert_eq!(
        check_override(&blocked, &format!("  {reason}\r\n")),
        Ok(reason.to_owned())
    );
    let too_long = "x".repeat(OVERRIDE_REASON_MAX + 1);
    for (bad, problem) in [
        ("", ReasonProblem::Missing),
        ("   ", ReasonProblem::Missing),
        ("too short", ReasonProblem::TooShort),
        ("ok\u{202E}reversed text", ReasonProblem::HiddenCharacters),
        (too_long.as_str(), ReasonProblem::TooLong),
    ] {
        assert!(
            matches!(
                check_override(&blocked, bad),
                Err(OverrideRefusal::Reason(kind, _)) if kind == problem
            ),
            "{bad:?}"
        );
    }

    // Another chain can never be overridden, even beside an overridable block.
    let mut wrong_chain = above.clone();
    wrong_chain.chain_id = 137;
    let refusal = check_override(&run(&wrong_chain), reason).expect_err("never");
    assert_eq!(
        refusal,
        OverrideRefusal::NotOverridable(vec![ChainMismatch])
    );
    assert_eq!(
        refusal.to_string(),
        "chain_mismatch can never be overridden"
    );
}
