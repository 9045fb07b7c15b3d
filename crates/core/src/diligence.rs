//! Due diligence: the scorecard a user fills in for a sale, its red flags, and the
//! grade computed from them. The formula is written down in docs/diligence-grade.md;
//! the tests below are its worked examples.

/// What the user judges before investing (PRODUCT.md, "Due diligence").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Factor {
    Whitepaper,
    Roadmap,
    Team,
    MarketPotential,
    TokenEconomics,
    Community,
    Audits,
    ExchangeInvolvement,
    LegalStatus,
}

impl Factor {
    pub const ALL: [Factor; 9] = [
        Self::Whitepaper,
        Self::Roadmap,
        Self::Team,
        Self::MarketPotential,
        Self::TokenEconomics,
        Self::Community,
        Self::Audits,
        Self::ExchangeInvolvement,
        Self::LegalStatus,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Whitepaper => "whitepaper",
            Self::Roadmap => "roadmap",
            Self::Team => "team",
            Self::MarketPotential => "market_potential",
            Self::TokenEconomics => "token_economics",
            Self::Community => "community",
            Self::Audits => "audits",
            Self::ExchangeInvolvement => "exchange_involvement",
            Self::LegalStatus => "legal_status",
        }
    }

    /// The question the score answers, in the user's words.
    pub fn question(self) -> &'static str {
        match self {
            Self::Whitepaper => "Is there a specific, technically sound whitepaper?",
            Self::Roadmap => "Is the roadmap concrete and dated?",
            Self::Team => "Is the team named, with relevant experience?",
            Self::MarketPotential => {
                "Does it solve a real problem, with an advantage over competitors?"
            }
            Self::TokenEconomics => {
                "Are the token economics fair: team share, lock-ups, long-term sustainability?"
            }
            Self::Community => "Is the project transparent and in real contact with its community?",
            Self::Audits => "Have independent third parties audited the code?",
            Self::ExchangeInvolvement => "Is a recognised exchange involved?",
            Self::LegalStatus => "Is it legal for you, where you live?",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// Warning signs (PRODUCT.md): each one raised costs the grade [`RED_FLAG_PENALTY`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RedFlag {
    UnrealisticPromises,
    LackOfTransparency,
    AnonymousOrInexperiencedTeam,
    NoComprehensiveWhitepaper,
    NoThirdPartyAudit,
    NoRecognisedExchange,
}

impl RedFlag {
    pub const ALL: [RedFlag; 6] = [
        Self::UnrealisticPromises,
        Self::LackOfTransparency,
        Self::AnonymousOrInexperiencedTeam,
        Self::NoComprehensiveWhitepaper,
        Self::NoThirdPartyAudit,
        Self::NoRecognisedExchange,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::UnrealisticPromises => "unrealistic_promises",
            Self::LackOfTransparency => "lack_of_transparency",
            Self::AnonymousOrInexperiencedTeam => "anonymous_or_inexperienced_team",
            Self::NoComprehensiveWhitepaper => "no_comprehensive_whitepaper",
            Self::NoThirdPartyAudit => "no_third_party_audit",
            Self::NoRecognisedExchange => "no_recognised_exchange",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// The scale of a factor's score: 0 (absent or alarming) to 5 (exemplary).
pub const MAX_SCORE: u8 = 5;
/// Fewest scored factors for a grade: with fewer, the card is incomplete.
pub const MIN_SCORED_FACTORS: usize = 5;
/// Points (of 100) each raised red flag takes off.
pub const RED_FLAG_PENALTY: u32 = 10;

/// A factor's score, 0 to [`MAX_SCORE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Score(u8);

impl Score {
    pub fn new(value: u8) -> Option<Self> {
        (value <= MAX_SCORE).then_some(Self(value))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

/// What the user recorded: a score per factor judged, and the red flags raised.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scorecard {
    pub scores: Vec<(Factor, Score)>,
    pub red_flags: Vec<RedFlag>,
}

/// The letter a card earns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GradeLetter {
    A,
    B,
    C,
    D,
    F,
}

impl GradeLetter {
    pub const ALL: [GradeLetter; 5] = [Self::A, Self::B, Self::C, Self::D, Self::F];

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|letter| letter.as_str().eq_ignore_ascii_case(text.trim()))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::A => "A",
            Self::B => "B",
            Self::C => "C",
            Self::D => "D",
            Self::F => "F",
        }
    }
}

/// The result of grading a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    /// Enough factors judged: points out of 100 (after red flags) and the letter.
    Graded { points: u32, letter: GradeLetter },
    /// Too few factors judged to grade fairly.
    Incomplete { scored: usize },
}

/// Why a card is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScorecardError {
    #[error("{} is scored twice", .0.as_str())]
    FactorTwice(Factor),
    #[error("the red flag {} is raised twice", .0.as_str())]
    RedFlagTwice(RedFlag),
}

impl Scorecard {
    /// Refuses a factor scored twice or a flag raised twice.
    pub fn check(&self) -> Result<(), ScorecardError> {
        for (index, (factor, _)) in self.scores.iter().enumerate() {
            if self.scores[..index].iter().any(|(f, _)| f == factor) {
                return Err(ScorecardError::FactorTwice(*factor));
            }
        }
        for (index, flag) in self.red_flags.iter().enumerate() {
            if self.red_flags[..index].contains(flag) {
                return Err(ScorecardError::RedFlagTwice(*flag));
            }
        }
        Ok(())
    }

    /// The grade (docs/diligence-grade.md):
    /// `points = floor(100 × Σ scores / (5 × factors scored)) − 10 × red flags`, at
    /// least 0; A ≥ 80, B ≥ 65, C ≥ 50, D ≥ 35, else F; fewer than five factors
    /// scored is `Incomplete`.
    pub fn grade(&self) -> Grade {
        let scored = self.scores.len();
        if scored < MIN_SCORED_FACTORS {
            return Grade::Incomplete { scored };
        }
        let sum: u32 = self.scores.iter().map(|(_, s)| u32::from(s.get())).sum();
        let possible = u32::from(MAX_SCORE) * u32::try_from(scored).unwrap_or(u32::MAX);
        let base = 100 * sum / possible;
        let flags = u32::try_from(self.red_flags.len()).unwrap_or(u32::MAX);
        let points = base.saturating_sub(RED_FLAG_PENALTY.saturating_mul(flags));
        let letter = match points {
            80.. => GradeLetter::A,
            65..=79 => GradeLetter::B,
            50..=64 => GradeLetter::C,
            35..=49 => GradeLetter::D,
            _ => GradeLetter::F,
        };
        Grade::Graded { points, letter }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(scores: &[u8], red_flags: &[RedFlag]) -> Scorecard {
        Scorecard {
            scores: Factor::ALL
                .into_iter()
                .zip(scores)
                .map(|(factor, score)| (factor, Score::new(*score).expect("0 to 5")))
                .collect(),
            red_flags: red_flags.to_vec(),
        }
    }

    fn graded(points: u32, letter: GradeLetter) -> Grade {
        Grade::Graded { points, letter }
    }

    #[test]
    fn the_worked_examples_of_the_formula() {
        use GradeLetter::*;
        use RedFlag::*;
        for (scores, flags, expected) in [
            // Every factor exemplary, no flag: 100.
            (&[5, 5, 5, 5, 5, 5, 5, 5, 5][..], &[][..], graded(100, A)),
            // 36 of 45 = 80 exactly: the lowest A.
            (&[4, 4, 4, 4, 4, 4, 4, 4, 4], &[], graded(80, A)),
            // The same card with one flag drops a letter.
            (
                &[4, 4, 4, 4, 4, 4, 4, 4, 4],
                &[NoThirdPartyAudit],
                graded(70, B),
            ),
            // Five factors scored is enough: 13 of 25 = 52.
            (&[3, 3, 3, 2, 2], &[], graded(52, C)),
            // Rounded down: 29 of 45 = 64.44… → 64, a C not a B.
            (&[4, 4, 3, 3, 3, 3, 3, 3, 3], &[], graded(64, C)),
            // 7 of 35 = 20; two flags take 20: 0, never negative.
            (
                &[1, 1, 1, 1, 1, 1, 1],
                &[AnonymousOrInexperiencedTeam, UnrealisticPromises],
                graded(0, F),
            ),
            (
                &[0, 0, 0, 0, 0],
                &[
                    LackOfTransparency,
                    NoRecognisedExchange,
                    NoComprehensiveWhitepaper,
                ],
                graded(0, F),
            ),
            // 22 of 45 = 48: a D; 16 of 45 = 35: the lowest D; 15 of 45 = 33: F.
            (&[3, 3, 3, 3, 2, 2, 2, 2, 2], &[], graded(48, D)),
            (&[2, 2, 2, 2, 2, 2, 2, 1, 1], &[], graded(35, D)),
            (&[2, 2, 2, 2, 2, 2, 1, 1, 1], &[], graded(33, F)),
            // Four factors are too few to grade.
            (&[5, 5, 5, 5], &[], Grade::Incomplete { scored: 4 }),
            (&[], &[UnrealisticPromises], Grade::Incomplete { scored: 0 }),
        ] {
            assert_eq!(
                card(scores, flags).grade(),
                expected,
                "{scores:?} {flags:?}"
            );
        }
    }

    #[test]
    fn scores_stay_on_the_scale_and_nothing_counts_twice() {
        assert_eq!(Score::new(5).map(Score::get), Some(5));
        assert_eq!(Score::new(6), None);
        let mut twice = card(&[3, 3, 3, 3, 3], &[]);
        twice
            .scores
            .push((Factor::Whitepaper, Score::new(1).expect("valid")));
        assert_eq!(
            twice.check(),
            Err(ScorecardError::FactorTwice(Factor::Whitepaper))
        );
        let flagged_twice = card(
            &[3; 5],
            &[RedFlag::NoThirdPartyAudit, RedFlag::NoThirdPartyAudit],
        );
        assert_eq!(
            flagged_twice.check(),
            Err(ScorecardError::RedFlagTwice(RedFlag::NoThirdPartyAudit))
        );
        assert_eq!(card(&[3; 9], &RedFlag::ALL).check(), Ok(()));
    }

    #[test]
    fn names_round_trip() {
        for factor in Factor::ALL {
            assert_eq!(Factor::parse(factor.as_str()), Some(factor));
            assert!(factor.question().ends_with('?'));
        }
        for flag in RedFlag::ALL {
            assert_eq!(RedFlag::parse(flag.as_str()), Some(flag));
        }
    }
}
