use super::*;
use crate::diligence::{Grade, GradeLetter};

fn factor(name: &str, score: &str) -> FactorDraft {
    FactorDraft {
        factor: name.to_owned(),
        score: score.to_owned(),
        notes: String::new(),
        evidence: Vec::new(),
    }
}

fn problems(draft: &ResearchDraft) -> Vec<(String, ResearchProblemKind)> {
    Research::from_draft(draft)
        .expect_err("refused")
        .into_iter()
        .map(|p| (p.field, p.kind))
        .collect()
}

fn one(field: &str, kind: ResearchProblemKind) -> Vec<(String, ResearchProblemKind)> {
    vec![(field.to_owned(), kind)]
}

#[test]
fn a_full_draft_is_kept_in_factor_order_and_gives_back_the_same_draft() {
    let mut team = factor("team", "2");
    team.notes = "Founders named on LinkedIn.\r\nNo prior projects.".into();
    team.evidence = vec![
        " https://aurora.example/team ".into(),
        String::new(),
        "https://aurora.example/team".into(),
    ];
    let draft = ResearchDraft {
        factors: vec![team, factor("whitepaper", "4"), factor("audits", "")],
        red_flags: vec!["no_third_party_audit".into(), "unrealistic_promises".into()],
        eligible_jurisdictions: String::new(),
        excluded_jurisdictions: "us, CN cn".into(),
    };
    let research = Research::from_draft(&draft).expect("valid");
    assert_eq!(research.factors.len(), 9);
    assert_eq!(research.factors[0].factor, Factor::Whitepaper);
    assert_eq!(research.factors[0].score, Score::new(4));
    let team = &research.factors[2];
    assert_eq!(team.factor, Factor::Team);
    assert_eq!(
        team.notes,
        "Founders named on LinkedIn.\nNo prior projects."
    );
    assert_eq!(
        team.evidence.len(),
        1,
        "blank and repeated links are dropped"
    );
    assert_eq!(
        research.factors[6].score, None,
        "an empty score is not judged"
    );
    assert_eq!(
        research.red_flags,
        vec![RedFlag::UnrealisticPromises, RedFlag::NoThirdPartyAudit]
    );
    assert_eq!(research.excluded, vec![CountryCode::USA, CountryCode::CHN]);

    let again = Research::from_draft(&research.to_draft()).expect("its own draft is valid");
    assert_eq!(again, research);
    assert_eq!(research.to_draft().excluded_jurisdictions, "US, CN");
}

#[test]
fn the_grade_comes_from_the_scored_factors_and_the_red_flags() {
    let draft = ResearchDraft {
        factors: [
            "whitepaper",
            "roadmap",
            "team",
            "market_potential",
            "token_economics",
        ]
        .into_iter()
        .map(|name| factor(name, "4"))
        .collect(),
        red_flags: vec!["lack_of_transparency".into()],
        ..ResearchDraft::default()
    };
    let research = Research::from_draft(&draft).expect("valid");
    assert_eq!(
        research.scorecard().grade(),
        Grade::Graded {
            points: 70,
            letter: GradeLetter::B
        }
    );
    assert_eq!(
        Research::empty().scorecard().grade(),
        Grade::Incomplete { scored: 0 }
    );
}

#[test]
fn every_bad_field_is_named() {
    use ResearchProblemKind::*;
    let with = |f: FactorDraft| ResearchDraft {
        factors: vec![f],
        ..ResearchDraft::default()
    };
    assert_eq!(
        problems(&with(factor("teamwork", "3"))),
        one("factors.0", UnknownFactor)
    );
    for score in ["6", "-1", "2.5", "three", "256"] {
        assert_eq!(
            problems(&with(factor("team", score))),
            one("factors.team.score", Score),
            "{score}"
        );
    }
    let mut long = factor("roadmap", "3");
    long.notes = "x".repeat(MAX_FACTOR_NOTE_CHARS + 1);
    assert_eq!(problems(&with(long)), one("factors.roadmap.notes", TooLong));
    let mut hidden = factor("roadmap", "3");
    hidden.notes = "fine\u{202E}txt.exe".into();
    assert_eq!(
        problems(&with(hidden)),
        one("factors.roadmap.notes", InvalidText)
    );
    for link in [
        "javascript:alert(1)",
        "ftp://aurora.example/wp.pdf",
        "aurora.example",
        "https://",
        "file:///etc/passwd",
    ] {
        let mut bad = factor("audits", "1");
        bad.evidence = vec!["https://ok.example".into(), link.into()];
        assert_eq!(
            problems(&with(bad)),
            one("factors.audits.evidence.1", InvalidLink),
            "{link}"
        );
    }
    let mut after_a_blank = factor("audits", "1");
    after_a_blank.evidence = vec![String::new(), "ftp://x.example".into()];
    assert_eq!(
        problems(&with(after_a_blank)),
        one("factors.audits.evidence.1", InvalidLink),
        "the position is the input's, blank ones counted"
    );
    let mut huge = factor("audits", "1");
    huge.evidence = vec![format!("https://a.example/{}", "x".repeat(MAX_URL_CHARS))];
    assert_eq!(
        problems(&with(huge)),
        one("factors.audits.evidence.0", TooLong)
    );
    let mut many = factor("audits", "1");
    many.evidence = (0..=MAX_EVIDENCE_LINKS)
        .map(|i| format!("https://a.example/{i}"))
        .collect();
    assert_eq!(
        problems(&with(many)),
        one("factors.audits.evidence", TooManyLinks)
    );
    let twice = ResearchDraft {
        factors: vec![factor("team", "1"), factor("team", "2")],
        ..ResearchDraft::default()
    };
    assert_eq!(problems(&twice), one("factors.team.score", FactorTwice));
    let flag = ResearchDraft {
        red_flags: vec!["too_good_to_be_true".into()],
        ..ResearchDraft::default()
    };
    assert_eq!(problems(&flag), one("redFlags", UnknownRedFlag));
    let countries = ResearchDraft {
        eligible_jurisdictions: "DE, Germany".into(),
        excluded_jurisdictions: "XX".into(),
        ..ResearchDraft::default()
    };
    assert_eq!(
        problems(&countries),
        vec![
            ("eligibleJurisdictions".to_owned(), UnknownCountry),
            ("excludedJurisdictions".to_owned(), UnknownCountry)
        ]
    );
    let both = ResearchDraft {
        eligible_jurisdictions: "DE FR".into(),
        excluded_jurisdictions: "fr".into(),
        ..ResearchDraft::default()
    };
    assert_eq!(problems(&both), one("excludedJurisdictions", Contradiction));
}

#[test]
fn the_users_country_against_the_sales_jurisdictions() {
    let research = |eligible: &str, excluded: &str| {
        Research::from_draft(&ResearchDraft {
            eligible_jurisdictions: eligible.into(),
            excluded_jurisdictions: excluded.into(),
            ..ResearchDraft::default()
        })
        .expect("valid")
    };
    let germany = parse_country("de").expect("a country");
    for (eligible, excluded, expected) in [
        ("", "", Admission::NotExcluded),
        ("", "US CN", Admission::NotExcluded),
        ("", "US DE", Admission::Excluded),
        ("DE AT", "", Admission::Eligible),
        ("FR AT", "", Admission::NotListedAsEligible),
        ("FR", "DE", Admission::Excluded),
    ] {
        assert_eq!(
            research(eligible, excluded).admits(germany),
            expected,
            "eligible {eligible:?}, excluded {excluded:?}"
        );
    }
    for bad in ["", "D", "DEU", "ZZ", "Germany", "d e"] {
        assert_eq!(parse_country(bad), None, "{bad:?}");
    }
}

#[test]
fn a_whitepaper_fingerprint_needs_a_real_digest_a_name_and_bytes() {
    let digest = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
    let fingerprint =
        WhitepaperFingerprint::new(digest, " whitepaper-v2.pdf ", 1_234).expect("valid");
    assert_eq!(fingerprint.sha256_hex(), digest.to_lowercase());
    assert_eq!(fingerprint.file_name, "whitepaper-v2.pdf");
    assert_eq!(
        WhitepaperFingerprint::new(&format!("0x{digest}"), "wp.pdf", 1),
        Ok(WhitepaperFingerprint {
            file_name: "wp.pdf".into(),
            byte_count: 1,
            ..fingerprint.clone()
        })
    );
    for bad in [
        "",
        "abc",
        &digest[1..],
        &format!("{digest}0"),
        &digest.replace('F', "G"),
    ] {
        assert_eq!(
            WhitepaperFingerprint::new(bad, "wp.pdf", 1),
            Err(FingerprintError::Digest),
            "{bad:?}"
        );
    }
    assert!(matches!(
        WhitepaperFingerprint::new(digest, "  ", 1),
        Err(FingerprintError::FileName(_))
    ));
    assert!(matches!(
        WhitepaperFingerprint::new(digest, "wp\u{0007}.pdf", 1),
        Err(FingerprintError::FileName(_))
    ));
    assert_eq!(
        WhitepaperFingerprint::new(digest, "wp.pdf", 0),
        Err(FingerprintError::EmptyFile)
    );
}
