//! Research on a sale as the user keeps it: the due-diligence scorecard with notes and
//! evidence links per factor, the red flags raised, the jurisdictions the sale admits
//! or excludes, and fingerprints of the whitepaper the user read.
//!
//! A [`ResearchDraft`] is what a form or a file sends; [`Research::from_draft`] checks
//! all of it and names every problem by field, so nothing is half-saved.

use alloy_primitives::B256;
use isocountry::CountryCode;
use url::Url;

use crate::diligence::{Factor, MAX_SCORE, RedFlag, Score, Scorecard};
use crate::sale::MAX_URL_CHARS;
use crate::text::{TextProblem, checked_text};

/// Longest note on one factor, in characters.
pub const MAX_FACTOR_NOTE_CHARS: usize = 4_000;
/// Most evidence links on one factor.
pub const MAX_EVIDENCE_LINKS: usize = 12;

/// One factor as typed: the score (`""` when not judged yet), notes and evidence
/// links (one web address per entry).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FactorDraft {
    pub factor: String,
    pub score: String,
    pub notes: String,
    pub evidence: Vec<String>,
}

/// The research as typed. Factors left out are not judged yet; jurisdictions are
/// ISO 3166-1 alpha-2 codes separated by commas or spaces (`US, CN`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResearchDraft {
    pub factors: Vec<FactorDraft>,
    pub red_flags: Vec<String>,
    pub eligible_jurisdictions: String,
    pub excluded_jurisdictions: String,
}

/// What the user found on one factor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactorFindings {
    pub factor: Factor,
    pub score: Option<Score>,
    pub notes: String,
    pub evidence: Vec<Url>,
}

/// Checked research on one sale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Research {
    /// All nine factors, in [`Factor::ALL`] order.
    pub factors: Vec<FactorFindings>,
    /// In [`RedFlag::ALL`] order.
    pub red_flags: Vec<RedFlag>,
    /// Empty: the sale names no list of eligible countries.
    pub eligible: Vec<CountryCode>,
    pub excluded: Vec<CountryCode>,
}

/// What is wrong with one field of a [`ResearchDraft`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResearchProblemKind {
    UnknownFactor,
    FactorTwice,
    Score,
    TooLong,
    InvalidText,
    TooManyLinks,
    InvalidLink,
    UnknownRedFlag,
    UnknownCountry,
    /// A country both admitted and excluded.
    Contradiction,
}

/// One problem, at a field named as on the wire: `factors.team.score`,
/// `factors.team.notes`, `factors.team.evidence.2`, `redFlags`,
/// `eligibleJurisdictions`, `excludedJurisdictions`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResearchProblem {
    pub field: String,
    pub kind: ResearchProblemKind,
    pub message: String,
}

impl Research {
    /// Nothing judged yet.
    pub fn empty() -> Self {
        Self {
            factors: Factor::ALL
                .into_iter()
                .map(|factor| FactorFindings {
                    factor,
                    score: None,
                    notes: String::new(),
                    evidence: Vec::new(),
                })
                .collect(),
            red_flags: Vec::new(),
            eligible: Vec::new(),
            excluded: Vec::new(),
        }
    }

    /// Checks every field of `draft`; either all of it is good or every problem is named.
    pub fn from_draft(draft: &ResearchDraft) -> Result<Self, Vec<ResearchProblem>> {
        let mut problems = Vec::new();
        let mut fail = |field: String, kind, message: String| {
            problems.push(ResearchProblem {
                field,
                kind,
                message,
            });
        };
        let mut research = Self::empty();
        let mut seen = Vec::new();
        for (index, typed) in draft.factors.iter().enumerate() {
            let Some(factor) = Factor::parse(typed.factor.trim()) else {
                fail(
                    format!("factors.{index}"),
                    ResearchProblemKind::UnknownFactor,
                    format!("{:?} is not one of the scorecard's factors", typed.factor),
                );
                continue;
            };
            let at = |part: &str| format!("factors.{}.{part}", factor.as_str());
            if seen.contains(&factor) {
                fail(
                    at("score"),
                    ResearchProblemKind::FactorTwice,
                    format!("{} is given twice", factor.as_str()),
                );
                continue;
            }
            seen.push(factor);
            let findings = &mut research.factors[factor_index(factor)];
            let score = typed.score.trim();
            if !score.is_empty() {
                match score.parse::<u8>().ok().and_then(Score::new) {
                    Some(score) => findings.score = Some(score),
                    None => fail(
                        at("score"),
                        ResearchProblemKind::Score,
                        format!("a whole number from 0 to {MAX_SCORE}, or empty when not judged"),
                    ),
                }
            }
            match checked_text(&typed.notes, MAX_FACTOR_NOTE_CHARS, true) {
                Ok(notes) => findings.notes = notes,
                Err(problem) => {
                    let message = problem.message();
                    fail(at("notes"), text_problem_kind(&problem), message);
                }
            }
            // Positions are those of the draft, blank entries included, so that a
            // problem lands on the input the user typed it in.
            let links: Vec<(usize, &str)> = typed
                .evidence
                .iter()
                .map(|link| link.trim())
                .enumerate()
                .filter(|(_, link)| !link.is_empty())
                .collect();
            if links.len() > MAX_EVIDENCE_LINKS {
                fail(
                    at("evidence"),
                    ResearchProblemKind::TooManyLinks,
                    format!(
                        "at most {MAX_EVIDENCE_LINKS} links on one factor (this has {})",
                        links.len()
                    ),
                );
                continue;
            }
            for (position, link) in links {
                match evidence_link(link) {
                    Ok(url) if !findings.evidence.contains(&url) => findings.evidence.push(url),
                    Ok(_) => {}
                    Err((kind, message)) => {
                        fail(at(&format!("evidence.{position}")), kind, message);
                    }
                }
            }
        }
        for flag in &draft.red_flags {
            match RedFlag::parse(flag.trim()) {
                Some(flag) if !research.red_flags.contains(&flag) => research.red_flags.push(flag),
                Some(_) => {}
                None => fail(
                    "redFlags".to_owned(),
                    ResearchProblemKind::UnknownRedFlag,
                    format!("{flag:?} is not one of the red flags"),
                ),
            }
        }
        research
            .red_flags
            .sort_by_key(|flag| RedFlag::ALL.iter().position(|f| f == flag));
        for (field, typed, list) in [
            (
                "eligibleJurisdictions",
                &draft.eligible_jurisdictions,
                &mut research.eligible,
            ),
            (
                "excludedJurisdictions",
                &draft.excluded_jurisdictions,
                &mut research.excluded,
            ),
        ] {
            match parse_countries(typed) {
                Ok(countries) => *list = countries,
                Err(message) => fail(
                    field.to_owned(),
                    ResearchProblemKind::UnknownCountry,
                    message,
                ),
            }
        }
        let both: Vec<&str> = research
            .excluded
            .iter()
            .filter(|c| research.eligible.contains(c))
            .map(|c| c.alpha2())
            .collect();
        if !both.is_empty() {
            fail(
                "excludedJurisdictions".to_owned(),
                ResearchProblemKind::Contradiction,
                format!("{} cannot be both eligible and excluded", both.join(", ")),
            );
        }
        if problems.is_empty() {
            Ok(research)
        } else {
            Err(problems)
        }
    }

    /// The draft that gives back this research (what an edit form starts from).
    pub fn to_draft(&self) -> ResearchDraft {
        let codes = |list: &[CountryCode]| {
            list.iter()
                .map(|c| c.alpha2())
                .collect::<Vec<_>>()
                .join(", ")
        };
        ResearchDraft {
            factors: self
                .factors
                .iter()
                .map(|f| FactorDraft {
                    factor: f.factor.as_str().to_owned(),
                    score: f.score.map(|s| s.get().to_string()).unwrap_or_default(),
                    notes: f.notes.clone(),
                    evidence: f.evidence.iter().map(|u| u.as_str().to_owned()).collect(),
                })
                .collect(),
            red_flags: self
                .red_flags
                .iter()
                .map(|f| f.as_str().to_owned())
                .collect(),
            eligible_jurisdictions: codes(&self.eligible),
            excluded_jurisdictions: codes(&self.excluded),
        }
    }

    /// The scores and red flags, for grading.
    pub fn scorecard(&self) -> Scorecard {
        Scorecard {
            scores: self
                .factors
                .iter()
                .filter_map(|f| f.score.map(|score| (f.factor, score)))
                .collect(),
            red_flags: self.red_flags.clone(),
        }
    }

    /// Whether someone living in `country` may take part, as far as the research says.
    pub fn admits(&self, country: CountryCode) -> Admission {
        if self.excluded.contains(&country) {
            Admission::Excluded
        } else if !self.eligible.is_empty() && !self.eligible.contains(&country) {
            Admission::NotListedAsEligible
        } else if self.eligible.contains(&country) {
            Admission::Eligible
        } else {
            Admission::NotExcluded
        }
    }
}

/// What the sale's jurisdictions say of the user's country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Named among the eligible countries.
    Eligible,
    /// No list of eligible countries, and not among the excluded ones.
    NotExcluded,
    /// The sale lists eligible countries, and this is not one of them.
    NotListedAsEligible,
    /// Named among the excluded countries.
    Excluded,
}

fn factor_index(factor: Factor) -> usize {
    Factor::ALL
        .iter()
        .position(|f| *f == factor)
        .unwrap_or_default()
}

fn text_problem_kind(problem: &TextProblem) -> ResearchProblemKind {
    match problem {
        TextProblem::TooLong { .. } => ResearchProblemKind::TooLong,
        TextProblem::Invalid => ResearchProblemKind::InvalidText,
    }
}

fn evidence_link(text: &str) -> Result<Url, (ResearchProblemKind, String)> {
    let chars = text.chars().count();
    if chars > MAX_URL_CHARS {
        return Err((
            ResearchProblemKind::TooLong,
            format!("a link has at most {MAX_URL_CHARS} characters (this has {chars})"),
        ));
    }
    match Url::parse(text) {
        Ok(url) if url.as_str().chars().count() > MAX_URL_CHARS => Err((
            ResearchProblemKind::TooLong,
            format!("a link has at most {MAX_URL_CHARS} characters"),
        )),
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => Ok(url),
        _ => Err((
            ResearchProblemKind::InvalidLink,
            "enter a web address starting with https:// (or http://)".to_owned(),
        )),
    }
}

/// A country of residence or a jurisdiction, by its ISO 3166-1 alpha-2 code (any case).
pub fn parse_country(text: &str) -> Option<CountryCode> {
    let code = text.trim();
    (code.len() == 2)
        .then(|| CountryCode::for_alpha2_caseless(code).ok())
        .flatten()
}

/// Codes separated by commas or white space, each once, in the order typed.
fn parse_countries(text: &str) -> Result<Vec<CountryCode>, String> {
    let mut countries = Vec::new();
    let mut unknown = Vec::new();
    for code in text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|code| !code.is_empty())
    {
        match parse_country(code) {
            Some(country) if !countries.contains(&country) => countries.push(country),
            Some(_) => {}
            None => unknown.push(code.chars().take(12).collect::<String>()),
        }
    }
    if unknown.is_empty() {
        Ok(countries)
    } else {
        Err(format!(
            "not ISO 3166-1 country codes: {} (use two letters, e.g. US, DE)",
            unknown.join(", ")
        ))
    }
}

/// The fingerprint of a whitepaper file the user picked: its SHA-256, name and size,
/// so that a changed whitepaper can be noticed later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhitepaperFingerprint {
    pub sha256: B256,
    pub file_name: String,
    pub byte_count: u64,
}

/// Longest file name kept, in characters.
pub const MAX_FILE_NAME_CHARS: usize = 255;

/// Why a fingerprint was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FingerprintError {
    #[error("a SHA-256 is 64 hexadecimal digits")]
    Digest,
    #[error("the file name: {0}")]
    FileName(String),
    #[error("the file is empty: pick the whitepaper itself")]
    EmptyFile,
}

impl WhitepaperFingerprint {
    pub fn new(sha256: &str, file_name: &str, byte_count: u64) -> Result<Self, FingerprintError> {
        let hex = sha256.trim();
        let hex = hex.strip_prefix("0x").unwrap_or(hex);
        if hex.len() != 64 {
            return Err(FingerprintError::Digest);
        }
        let sha256 = hex.parse::<B256>().map_err(|_| FingerprintError::Digest)?;
        let file_name = checked_text(file_name, MAX_FILE_NAME_CHARS, false)
            .map_err(|problem| FingerprintError::FileName(problem.message()))?;
        if file_name.is_empty() {
            return Err(FingerprintError::FileName("required".to_owned()));
        }
        if byte_count == 0 {
            return Err(FingerprintError::EmptyFile);
        }
        Ok(Self {
            sha256,
            file_name,
            byte_count,
        })
    }

    /// The digest as 64 lowercase hexadecimal digits.
    pub fn sha256_hex(&self) -> String {
        alloy_primitives::hex::encode(self.sha256)
    }
}

#[cfg(test)]
mod tests;
