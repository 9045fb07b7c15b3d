//! Research use cases: a sale's due-diligence scorecard (scores, notes, evidence, red
//! flags, the computed grade), its jurisdictions against the user's country of
//! residence, fingerprints of the whitepaper the user read, and the sale's links checked
//! against the known-scam lists.

pub mod scams;

use std::io::Read;
use std::path::Path;

use saleguard_core::CountryCode;
use saleguard_core::diligence::{Grade, MAX_SCORE, MIN_SCORED_FACTORS, RedFlag, Scorecard};
use saleguard_core::research::{
    Admission, FactorDraft, FingerprintError, Research, ResearchDraft, ResearchProblemKind,
    WhitepaperFingerprint, parse_country,
};
use saleguard_core::sale::SaleId;
use saleguard_store::FingerprintRecord;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{AppError, ErrorCode, FieldError, Saleguard};
use scams::{LinkHitView, sale_link_hits};

/// One factor as typed in the scorecard editor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FactorInput {
    /// `whitepaper`, `roadmap`, `team`, `market_potential`, `token_economics`,
    /// `community`, `audits`, `exchange_involvement` or `legal_status`.
    pub factor: String,
    /// 0 to 5; empty when not judged yet.
    pub score: String,
    pub notes: String,
    /// Web addresses, one per entry.
    pub evidence: Vec<String>,
}

/// The research on a sale as typed: every factor, the red flags raised, and the
/// jurisdictions (ISO 3166-1 alpha-2 codes, separated by commas or spaces).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ResearchInput {
    pub factors: Vec<FactorInput>,
    pub red_flags: Vec<String>,
    pub eligible_jurisdictions: String,
    pub excluded_jurisdictions: String,
}

/// A country, by code and English name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Country {
    pub code: String,
    pub name: String,
}

impl From<CountryCode> for Country {
    fn from(country: CountryCode) -> Self {
        Self {
            code: country.alpha2().to_owned(),
            name: country.name().to_owned(),
        }
    }
}

/// A factor of the scorecard, explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FactorView {
    pub factor: String,
    /// The question the score answers.
    pub question: String,
    pub score: Option<u8>,
    pub notes: String,
    pub evidence: Vec<String>,
}

/// A red flag, raised or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RedFlagView {
    pub flag: String,
    pub raised: bool,
}

/// The computed grade: a letter and points, or why there is none yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GradeView {
    /// `A` to `F`; `None` while fewer than `needed` factors are scored.
    pub letter: Option<String>,
    pub points: Option<u32>,
    pub scored: u32,
    pub needed: u32,
    pub max_score: u8,
}

/// What the sale's jurisdictions say of where the user lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum JurisdictionFindingKind {
    /// No country of residence in Settings.
    NoCountrySet,
    Eligible,
    NotExcluded,
    NotListedAsEligible,
    Excluded,
}

/// How much a finding weighs when a contribution is reviewed before signing.
use saleguard_core::review::Severity;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct JurisdictionFinding {
    pub kind: JurisdictionFindingKind,
    pub severity: Severity,
    pub message: String,
}

/// A whitepaper file the user fingerprinted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WhitepaperView {
    /// 64 lowercase hexadecimal digits.
    pub sha256: String,
    pub file_name: String,
    pub byte_count: u64,
    pub recorded_at: String,
}

/// Everything known from researching a sale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SaleResearch {
    pub sale_id: i64,
    pub project_name: String,
    /// In the scorecard's order.
    pub factors: Vec<FactorView>,
    pub red_flags: Vec<RedFlagView>,
    pub grade: GradeView,
    pub eligible_jurisdictions: Vec<Country>,
    pub excluded_jurisdictions: Vec<Country>,
    pub residence_country: Option<Country>,
    pub jurisdiction: JurisdictionFinding,
    /// Oldest first.
    pub whitepapers: Vec<WhitepaperView>,
    /// The latest fingerprint differs from the first one the user recorded.
    pub whitepaper_changed: bool,
    /// What the editor starts from.
    pub input: ResearchInput,
    /// When it was last saved; `None` before the first save.
    pub updated_at: Option<String>,
    /// The sale's links (whitepaper, evidence, sources) that a list of phishing domains
    /// catches or that look like the sale's own site: the review blocks on each.
    pub link_hits: Vec<LinkHitView>,
}

/// The user's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub residence_country: Option<Country>,
}

impl ResearchInput {
    fn to_draft(&self) -> ResearchDraft {
        ResearchDraft {
            factors: self
                .factors
                .iter()
                .map(|f| FactorDraft {
                    factor: f.factor.clone(),
                    score: f.score.clone(),
                    notes: f.notes.clone(),
                    evidence: f.evidence.clone(),
                })
                .collect(),
            red_flags: self.red_flags.clone(),
            eligible_jurisdictions: self.eligible_jurisdictions.clone(),
            excluded_jurisdictions: self.excluded_jurisdictions.clone(),
        }
    }

    fn from_draft(draft: ResearchDraft) -> Self {
        Self {
            factors: draft
                .factors
                .into_iter()
                .map(|f| FactorInput {
                    factor: f.factor,
                    score: f.score,
                    notes: f.notes,
                    evidence: f.evidence,
                })
                .collect(),
            red_flags: draft.red_flags,
            eligible_jurisdictions: draft.eligible_jurisdictions,
            excluded_jurisdictions: draft.excluded_jurisdictions,
        }
    }
}

fn problem_code(kind: ResearchProblemKind) -> ErrorCode {
    match kind {
        ResearchProblemKind::UnknownFactor
        | ResearchProblemKind::FactorTwice
        | ResearchProblemKind::UnknownRedFlag => ErrorCode::InvalidChoice,
        ResearchProblemKind::Score => ErrorCode::InvalidScore,
        ResearchProblemKind::TooLong => ErrorCode::TooLong,
        ResearchProblemKind::InvalidText => ErrorCode::InvalidText,
        ResearchProblemKind::TooManyLinks => ErrorCode::TooManyLinks,
        ResearchProblemKind::InvalidLink => ErrorCode::InvalidUrl,
        ResearchProblemKind::UnknownCountry => ErrorCode::UnknownCountry,
        ResearchProblemKind::Contradiction => ErrorCode::ContradictoryJurisdictions,
    }
}

fn fingerprint_error(error: FingerprintError) -> AppError {
    let (field, code) = match &error {
        FingerprintError::Digest => ("sha256", ErrorCode::InvalidDigest),
        FingerprintError::FileName(_) => ("fileName", ErrorCode::InvalidText),
        FingerprintError::EmptyFile => ("file", ErrorCode::EmptyFile),
    };
    AppError::at_field(field, code, error.to_string())
}

fn grade_view(scorecard: &Scorecard) -> GradeView {
    let (letter, points) = match scorecard.grade() {
        Grade::Graded { points, letter } => (Some(letter.as_str().to_owned()), Some(points)),
        Grade::Incomplete { .. } => (None, None),
    };
    GradeView {
        letter,
        points,
        scored: u32::try_from(scorecard.scores.len()).unwrap_or(u32::MAX),
        needed: u32::try_from(MIN_SCORED_FACTORS).unwrap_or(u32::MAX),
        max_score: MAX_SCORE,
    }
}

fn names(countries: &[CountryCode]) -> String {
    countries
        .iter()
        .map(|c| c.alpha2())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where the user lives against the sale's lists.
fn jurisdiction_finding(
    research: &Research,
    residence: Option<CountryCode>,
) -> JurisdictionFinding {
    let finding = |kind, severity, message: String| JurisdictionFinding {
        kind,
        severity,
        message,
    };
    let Some(country) = residence else {
        return finding(
            JurisdictionFindingKind::NoCountrySet,
            Severity::Warn,
            "Set your country of residence in Settings to check it against this sale's jurisdictions."
                .to_owned(),
        );
    };
    let name = country.name();
    match research.admits(country) {
        Admission::Excluded => finding(
            JurisdictionFindingKind::Excluded,
            Severity::Block,
            format!("This sale excludes residents of {name}, where you live."),
        ),
        Admission::NotListedAsEligible => finding(
            JurisdictionFindingKind::NotListedAsEligible,
            Severity::Block,
            format!(
                "{name}, where you live, is not among the countries this sale admits ({}).",
                names(&research.eligible)
            ),
        ),
        Admission::Eligible => finding(
            JurisdictionFindingKind::Eligible,
            Severity::Info,
            format!("{name}, where you live, is among the countries this sale admits."),
        ),
        Admission::NotExcluded if research.excluded.is_empty() => finding(
            JurisdictionFindingKind::NotExcluded,
            Severity::Warn,
            format!(
                "No excluded jurisdictions are recorded for this sale: check its terms for {name}."
            ),
        ),
        Admission::NotExcluded => finding(
            JurisdictionFindingKind::NotExcluded,
            Severity::Info,
            format!(
                "{name}, where you live, is not among the excluded jurisdictions ({}).",
                names(&research.excluded)
            ),
        ),
    }
}

fn whitepaper_view(record: &FingerprintRecord) -> WhitepaperView {
    WhitepaperView {
        sha256: record.fingerprint.sha256_hex(),
        file_name: record.fingerprint.file_name.clone(),
        byte_count: record.fingerprint.byte_count,
        recorded_at: record.recorded_at.to_rfc3339(),
    }
}

/// Every country, by name: the choices for the country of residence.
pub fn countries() -> Vec<Country> {
    let mut countries: Vec<Country> = CountryCode::iter().map(|c| Country::from(*c)).collect();
    countries.sort_by(|a, b| a.name.cmp(&b.name));
    countries
}

impl Saleguard {
    /// The research on a sale (an empty scorecard before the first save).
    pub fn research(&self, sale_id: i64) -> Result<SaleResearch, AppError> {
        let store = self.store()?;
        let sale = store.sale(SaleId(sale_id))?;
        let (research, updated_at) = match store.research(sale.id)? {
            Some((research, at)) => (research, Some(at.to_rfc3339())),
            None => (Research::empty(), None),
        };
        let residence = store.residence_country()?;
        let official = store.official_addresses(Some(sale.id))?;
        let imported = scams::load_scam_lists(&store)?;
        let link_hits = sale_link_hits(&sale, Some(&research), &official, &imported.domains)
            .iter()
            .map(LinkHitView::from)
            .collect();
        let whitepapers: Vec<WhitepaperView> = store
            .whitepaper_fingerprints(sale.id)?
            .iter()
            .map(whitepaper_view)
            .collect();
        let whitepaper_changed = match (whitepapers.first(), whitepapers.last()) {
            (Some(first), Some(last)) => first.sha256 != last.sha256,
            _ => false,
        };
        Ok(SaleResearch {
            sale_id,
            project_name: sale.terms.project_name.clone(),
            factors: research
                .factors
                .iter()
                .map(|f| FactorView {
                    factor: f.factor.as_str().to_owned(),
                    question: f.factor.question().to_owned(),
                    score: f.score.map(|s| s.get()),
                    notes: f.notes.clone(),
                    evidence: f.evidence.iter().map(|u| u.as_str().to_owned()).collect(),
                })
                .collect(),
            red_flags: RedFlag::ALL
                .into_iter()
                .map(|flag| RedFlagView {
                    flag: flag.as_str().to_owned(),
                    raised: research.red_flags.contains(&flag),
                })
                .collect(),
            grade: grade_view(&research.scorecard()),
            eligible_jurisdictions: research
                .eligible
                .iter()
                .map(|c| Country::from(*c))
                .collect(),
            excluded_jurisdictions: research
                .excluded
                .iter()
                .map(|c| Country::from(*c))
                .collect(),
            residence_country: residence.map(Country::from),
            jurisdiction: jurisdiction_finding(&research, residence),
            whitepapers,
            whitepaper_changed,
            input: ResearchInput::from_draft(research.to_draft()),
            updated_at,
            link_hits,
        })
    }

    /// Saves the research on a sale: all of it, or (with every problem named) nothing.
    pub fn set_research(
        &self,
        sale_id: i64,
        input: &ResearchInput,
    ) -> Result<SaleResearch, AppError> {
        let research = Research::from_draft(&input.to_draft()).map_err(|problems| {
            let fields = problems
                .into_iter()
                .map(|p| FieldError {
                    field: p.field,
                    code: problem_code(p.kind),
                    message: p.message,
                })
                .collect();
            AppError::refused(fields)
        })?;
        self.store()?
            .set_research(SaleId(sale_id), &research, self.clock.now())?;
        tracing::info!(sale_id, "research saved");
        self.research(sale_id)
    }

    /// Keeps the fingerprint of a whitepaper file hashed by the shell (the desktop UI
    /// hashes the picked file with the platform's SHA-256).
    pub fn record_whitepaper(
        &self,
        sale_id: i64,
        sha256: &str,
        file_name: &str,
        byte_count: u64,
    ) -> Result<SaleResearch, AppError> {
        let fingerprint =
            WhitepaperFingerprint::new(sha256, file_name, byte_count).map_err(fingerprint_error)?;
        self.store()?.add_whitepaper_fingerprint(
            SaleId(sale_id),
            &fingerprint,
            self.clock.now(),
        )?;
        tracing::info!(sale_id, "whitepaper fingerprint kept");
        self.research(sale_id)
    }

    /// Hashes the whitepaper file at `path` and keeps its fingerprint.
    pub fn record_whitepaper_file(
        &self,
        sale_id: i64,
        path: &Path,
    ) -> Result<SaleResearch, AppError> {
        let unreadable = |error: std::io::Error| {
            AppError::at_field(
                "file",
                ErrorCode::FileUnreadable,
                format!("{} could not be read: {error}", path.display()),
            )
        };
        let mut file = std::fs::File::open(path).map_err(unreadable)?;
        let mut hasher = Sha256::new();
        let mut buffer = vec![0_u8; 64 * 1024];
        let mut byte_count: u64 = 0;
        loop {
            let read = file.read(&mut buffer).map_err(unreadable)?;
            if read == 0 {
                break;
            }
            hasher.update(&buffer[..read]);
            byte_count += read as u64;
        }
        let digest = hasher.finalize();
        let file_name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.record_whitepaper(sale_id, &format!("{digest:x}"), &file_name, byte_count)
    }

    pub fn settings(&self) -> Result<Settings, AppError> {
        Ok(Settings {
            residence_country: self.store()?.residence_country()?.map(Country::from),
        })
    }

    /// Sets the country of residence by its code; empty clears it.
    pub fn set_residence_country(&self, code: &str) -> Result<Settings, AppError> {
        let country = if code.trim().is_empty() {
            None
        } else {
            Some(parse_country(code).ok_or_else(|| {
                AppError::at_field(
                    "residenceCountry",
                    ErrorCode::UnknownCountry,
                    "not an ISO 3166-1 country code (use two letters, e.g. US, DE)",
                )
            })?)
        };
        self.store()?.set_residence_country(country)?;
        tracing::info!("country of residence set");
        self.settings()
    }
}
