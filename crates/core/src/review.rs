//! The review before signing: one pure function that looks at a draft contribution
//! and everything known about its sale and its destination, and returns findings —
//! each with a stable code, a severity and plain words — and a verdict.
//!
//! This part covers the checks that need neither prices nor the network: the sale's
//! terms and window, due diligence, KYC, jurisdiction, the destination and the chain.
//! Budget checks (which need the price book) join the same list of findings.

use alloy_primitives::{Address, U256};
use isocountry::CountryCode;

use rust_decimal::Decimal;

use crate::address::{AddressError, checksummed, parse_address};
use crate::amount::format_amount;
use crate::budget::{Budget, Movement, budget_use};
use crate::diligence::{Grade, GradeLetter, RedFlag};
use crate::kyc::KycStatus;
use crate::money::{rounded, share_bps};
use crate::official::AddressPurpose;
pub use crate::official::OfficialAddress;
use crate::price_book::{PriceBook, PriceProblem};
use crate::research::{Admission, Research};
use crate::sale::{SaleId, SaleTerms};
use crate::scam::{AddressList, DomainHit, DomainHitKind};
use crate::timestamp::UtcTimestamp;

pub mod guards;
mod lookalike;

pub use lookalike::{LOOKALIKE_HEAD, LOOKALIKE_TAIL, looks_alike};

/// How much a finding weighs.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warn,
    Block,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Self::Info, Self::Warn, Self::Block];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warn => "warn",
            Self::Block => "block",
        }
    }
}

/// Every finding the review can raise. The codes are stable: docs/review-findings.md
/// lists each with its severity, trigger and whether it can be overridden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingCode {
    ChainMismatch,
    InvalidDestination,
    BadChecksum,
    NotDesignatedAddress,
    NotFromOfficialSource,
    OfficialSourceRequired,
    PrivateMessageOnly,
    ConflictingOfficialAddresses,
    LookAlikeAddress,
    ScamAddress,
    ScamDomain,
    LookAlikeDomain,
    FirstTimeRecipient,
    SaleNotOpenYet,
    SaleEnded,
    BelowMinimum,
    AboveMaximum,
    KycNotApproved,
    JurisdictionExcluded,
    JurisdictionNotEligible,
    ResidenceUnknown,
    DiligenceIncomplete,
    GradeBelowMinimum,
    BlockingRedFlag,
    NoBudget,
    PriceMissing,
    PriceStale,
    UnpricedCommitments,
    PeriodBudgetExceeded,
    SaleCapExceeded,
    DiversificationExceeded,
    WouldRevert,
    InsufficientFunds,
    DestinationHasNoCode,
    DestinationIsContract,
    CalldataMismatch,
    FeeUnusuallyHigh,
    CurrentAllowance,
    ApprovalUnlimited,
    ApprovalAboveContribution,
    ApprovalBelowContribution,
    ParticipationClosed,
    NothingToRefund,
    RefundAlreadyPaid,
    NothingClaimable,
    ActionContractNotOfficial,
    UnexpectedEffect,
    PreviewUnavailable,
}

impl FindingCode {
    pub const ALL: [FindingCode; 48] = [
        Self::ChainMismatch,
        Self::InvalidDestination,
        Self::BadChecksum,
        Self::NotDesignatedAddress,
        Self::NotFromOfficialSource,
        Self::OfficialSourceRequired,
        Self::PrivateMessageOnly,
        Self::ConflictingOfficialAddresses,
        Self::LookAlikeAddress,
        Self::ScamAddress,
        Self::ScamDomain,
        Self::LookAlikeDomain,
        Self::FirstTimeRecipient,
        Self::SaleNotOpenYet,
        Self::SaleEnded,
        Self::BelowMinimum,
        Self::AboveMaximum,
        Self::KycNotApproved,
        Self::JurisdictionExcluded,
        Self::JurisdictionNotEligible,
        Self::ResidenceUnknown,
        Self::DiligenceIncomplete,
        Self::GradeBelowMinimum,
        Self::BlockingRedFlag,
        Self::NoBudget,
        Self::PriceMissing,
        Self::PriceStale,
        Self::UnpricedCommitments,
        Self::PeriodBudgetExceeded,
        Self::SaleCapExceeded,
        Self::DiversificationExceeded,
        Self::WouldRevert,
        Self::InsufficientFunds,
        Self::DestinationHasNoCode,
        Self::DestinationIsContract,
        Self::CalldataMismatch,
        Self::FeeUnusuallyHigh,
        Self::CurrentAllowance,
        Self::ApprovalUnlimited,
        Self::ApprovalAboveContribution,
        Self::ApprovalBelowContribution,
        Self::ParticipationClosed,
        Self::NothingToRefund,
        Self::RefundAlreadyPaid,
        Self::NothingClaimable,
        Self::ActionContractNotOfficial,
        Self::UnexpectedEffect,
        Self::PreviewUnavailable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ChainMismatch => "chain_mismatch",
            Self::InvalidDestination => "invalid_destination",
            Self::BadChecksum => "bad_checksum",
            Self::NotDesignatedAddress => "not_designated_address",
            Self::NotFromOfficialSource => "not_from_official_source",
            Self::OfficialSourceRequired => "official_source_required",
            Self::PrivateMessageOnly => "private_message_only",
            Self::ConflictingOfficialAddresses => "conflicting_official_addresses",
            Self::LookAlikeAddress => "look_alike_address",
            Self::ScamAddress => "scam_address",
            Self::ScamDomain => "scam_domain",
            Self::LookAlikeDomain => "look_alike_domain",
            Self::FirstTimeRecipient => "first_time_recipient",
            Self::SaleNotOpenYet => "sale_not_open_yet",
            Self::SaleEnded => "sale_ended",
            Self::BelowMinimum => "below_minimum",
            Self::AboveMaximum => "above_maximum",
            Self::KycNotApproved => "kyc_not_approved",
            Self::JurisdictionExcluded => "jurisdiction_excluded",
            Self::JurisdictionNotEligible => "jurisdiction_not_eligible",
            Self::ResidenceUnknown => "residence_unknown",
            Self::DiligenceIncomplete => "diligence_incomplete",
            Self::GradeBelowMinimum => "grade_below_minimum",
            Self::BlockingRedFlag => "blocking_red_flag",
            Self::NoBudget => "no_budget",
            Self::PriceMissing => "price_missing",
            Self::PriceStale => "price_stale",
            Self::UnpricedCommitments => "unpriced_commitments",
            Self::PeriodBudgetExceeded => "period_budget_exceeded",
            Self::SaleCapExceeded => "sale_cap_exceeded",
            Self::DiversificationExceeded => "diversification_exceeded",
            Self::WouldRevert => "would_revert",
            Self::InsufficientFunds => "insufficient_funds",
            Self::DestinationHasNoCode => "destination_has_no_code",
            Self::DestinationIsContract => "destination_is_contract",
            Self::CalldataMismatch => "calldata_mismatch",
            Self::FeeUnusuallyHigh => "fee_unusually_high",
            Self::CurrentAllowance => "current_allowance",
            Self::ApprovalUnlimited => "approval_unlimited",
            Self::ApprovalAboveContribution => "approval_above_contribution",
            Self::ApprovalBelowContribution => "approval_below_contribution",
            Self::ParticipationClosed => "participation_closed",
            Self::NothingToRefund => "nothing_to_refund",
            Self::RefundAlreadyPaid => "refund_already_paid",
            Self::NothingClaimable => "nothing_claimable",
            Self::ActionContractNotOfficial => "action_contract_not_official",
            Self::UnexpectedEffect => "unexpected_effect",
            Self::PreviewUnavailable => "preview_unavailable",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Self::FirstTimeRecipient | Self::CurrentAllowance | Self::PreviewUnavailable => {
                Severity::Info
            }
            Self::NotFromOfficialSource
            | Self::ResidenceUnknown
            | Self::DiligenceIncomplete
            | Self::NoBudget
            | Self::PriceStale
            | Self::UnpricedCommitments
            | Self::FeeUnusuallyHigh => Severity::Warn,
            _ => Severity::Block,
        }
    }

    /// Whether a typed reason lets the user sign despite a blocking finding. Signing on
    /// the wrong chain, to an address that is not one, a transaction the node says
    /// fails or cannot pay for, a call to an address without code, calldata that is
    /// not the sale's call, an approval the contribution cannot be paid with, a
    /// destination on a list of scam addresses (the user can take it off their list),
    /// two addresses published for one purpose (until the user retires one), a refund
    /// claim when the chain paid back everything contributed, a claim the contract
    /// says has nothing to give, or a simulation showing the call move what it should
    /// not can never be right.
    pub fn overridable(self) -> bool {
        !matches!(
            self,
            Self::ChainMismatch
                | Self::InvalidDestination
                | Self::BadChecksum
                | Self::WouldRevert
                | Self::InsufficientFunds
                | Self::DestinationHasNoCode
                | Self::CalldataMismatch
                | Self::ApprovalBelowContribution
                | Self::NothingToRefund
                | Self::NothingClaimable
                | Self::UnexpectedEffect
                | Self::ConflictingOfficialAddresses
                | Self::ScamAddress
        )
    }
}

/// One finding: its code (and so its severity), what it means here, and the values it
/// was decided on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: FindingCode,
    pub message: String,
    pub details: Vec<(&'static str, String)>,
}

impl Finding {
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }
}

/// What the findings add up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Nothing to warn about.
    Clear,
    /// Signing is allowed; read the warnings first.
    Warnings,
    /// Something blocks; only overridable findings can be overridden, with a reason.
    Blocked,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Self::Clear, Self::Warnings, Self::Blocked];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Clear => "clear",
            Self::Warnings => "warnings",
            Self::Blocked => "blocked",
        }
    }
}

/// The user's rules for due diligence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DiligencePolicy {
    /// The lowest grade at which signing is allowed; `None`: any grade.
    pub minimum_grade: Option<GradeLetter>,
    /// Red flags that block signing outright when raised.
    pub blocking_flags: Vec<RedFlag>,
    /// Whether a destination no source of the project's own vouches for is blocked
    /// (`official_source_required`) rather than warned about.
    pub official_source_required: bool,
}

/// A contribution about to be signed, as the user described it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftContribution {
    pub from: Address,
    /// The destination as typed (its checksum is part of the review).
    pub to: String,
    /// In base units of the sale's accepted currency.
    pub amount: U256,
    pub chain_id: u64,
}

/// Everything the review looks at besides the draft.
#[derive(Debug, Clone, Copy)]
pub struct ReviewContext<'a> {
    pub terms: &'a SaleTerms,
    /// `None` when the sale was never researched.
    pub research: Option<&'a Research>,
    pub policy: &'a DiligencePolicy,
    pub kyc: KycStatus,
    pub residence: Option<CountryCode>,
    /// The sale's official addresses (its designated address counts as one).
    pub official: &'a [OfficialAddress],
    /// Every address the user knows: the address book, the sales' addresses, past
    /// counterparties. A destination that only looks like one of them is suspicious.
    pub known: &'a [Address],
    /// Where this account has sent before.
    pub past_recipients: &'a [Address],
    /// The sale's links (website, whitepaper, evidence, sources) that a list of phishing
    /// domains catches or that look like the sale's own site ([`crate::scam::check_urls`]).
    pub url_hits: &'a [DomainHit],
    /// The lists of scam addresses the destination is checked against.
    pub scam_addresses: &'a [AddressList],
    /// The budget whose period holds `now`, if the user set one.
    pub budget: Option<&'a Budget>,
    /// Every contribution and refund (signed or recorded), for what is committed.
    pub movements: &'a [Movement],
    pub prices: &'a PriceBook<'a>,
    /// The sale the draft goes to.
    pub sale: SaleId,
    pub now: UtcTimestamp,
}

/// What the contribution does to the budget, for the review screen: "this uses 22 % of
/// your 2027 budget; 61 % left".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetImpact {
    pub currency: String,
    pub period: String,
    /// The draft's value in the budget's currency.
    pub value: Decimal,
    pub total: Decimal,
    /// Committed before this contribution.
    pub committed: Decimal,
    /// The draft's share of the total, and what is left after it, in basis points.
    pub uses_bps: Option<Decimal>,
    pub left_after_bps: Option<Decimal>,
}

/// The findings, most severe first, and their verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub findings: Vec<Finding>,
    pub verdict: Verdict,
    /// `None` without a budget or a value for the draft.
    pub budget: Option<BudgetImpact>,
}

impl Review {
    pub fn codes(&self) -> Vec<FindingCode> {
        self.findings.iter().map(|f| f.code).collect()
    }

    /// The review with `more` findings (the network's checks) joined in, most severe
    /// first, and the verdict they add up to.
    pub fn with(mut self, more: Vec<Finding>) -> Self {
        self.findings.extend(more);
        self.findings
            .sort_by_key(|f| std::cmp::Reverse(f.severity()));
        self.verdict = verdict_of(&self.findings);
        self
    }
}

fn verdict_of(findings: &[Finding]) -> Verdict {
    match findings.iter().map(Finding::severity).max() {
        Some(Severity::Block) => Verdict::Blocked,
        Some(Severity::Warn) => Verdict::Warnings,
        Some(Severity::Info) | None => Verdict::Clear,
    }
}

/// Reviews `draft` against `context`. Pure: the same inputs give the same review.
pub fn review(draft: &DraftContribution, context: &ReviewContext<'_>) -> Review {
    let mut findings = Vec::new();
    check_chain(draft, context, &mut findings);
    check_destination(draft, context, &mut findings);
    check_known_scams(draft, context, &mut findings);
    check_window_and_limits(draft, context, &mut findings);
    check_kyc_and_jurisdiction(context, &mut findings);
    check_diligence(context, &mut findings);
    let budget = check_budget(draft, context, &mut findings);
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity()));
    let verdict = verdict_of(&findings);
    Review {
        findings,
        verdict,
        budget,
    }
}

/// The fewest characters an override's reason may have: a word or two is not a reason.
pub const OVERRIDE_REASON_MIN: usize = 10;
/// The most.
pub const OVERRIDE_REASON_MAX: usize = 500;

/// Why a review cannot be overridden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverrideRefusal {
    /// Nothing blocks: there is nothing to override.
    NothingBlocks,
    /// These blocking findings can never be overridden.
    NotOverridable(Vec<FindingCode>),
    /// No reason, or one too short, too long or with hidden characters.
    Reason(ReasonProblem, String),
}

/// What is wrong with an override's reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasonProblem {
    Missing,
    TooShort,
    TooLong,
    HiddenCharacters,
}

impl std::fmt::Display for OverrideRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NothingBlocks => f.write_str("nothing blocks this contribution"),
            Self::NotOverridable(codes) => {
                let codes: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
                write!(f, "{} can never be overridden", codes.join(", "))
            }
            Self::Reason(_, message) => f.write_str(message),
        }
    }
}

/// The reason for overriding what blocks `review`, checked: allowed only when every
/// blocking finding is overridable, and only with a reason of at least
/// [`OVERRIDE_REASON_MIN`] characters.
pub fn check_override(review: &Review, reason: &str) -> Result<String, OverrideRefusal> {
    let blocking: Vec<FindingCode> = review
        .findings
        .iter()
        .filter(|f| f.severity() == Severity::Block)
        .map(|f| f.code)
        .collect();
    if blocking.is_empty() {
        return Err(OverrideRefusal::NothingBlocks);
    }
    let never: Vec<FindingCode> = blocking.into_iter().filter(|c| !c.overridable()).collect();
    if !never.is_empty() {
        return Err(OverrideRefusal::NotOverridable(never));
    }
    let reason =
        crate::text::checked_text(reason, OVERRIDE_REASON_MAX, true).map_err(|problem| {
            let kind = match problem {
                crate::text::TextProblem::TooLong { .. } => ReasonProblem::TooLong,
                crate::text::TextProblem::Invalid => ReasonProblem::HiddenCharacters,
            };
            OverrideRefusal::Reason(kind, problem.message())
        })?;
    if reason.chars().count() < OVERRIDE_REASON_MIN {
        let kind = if reason.is_empty() {
            ReasonProblem::Missing
        } else {
            ReasonProblem::TooShort
        };
        return Err(OverrideRefusal::Reason(
            kind,
            format!("say why in at least {OVERRIDE_REASON_MIN} characters"),
        ));
    }
    Ok(reason)
}

pub(crate) fn finding(
    code: FindingCode,
    message: String,
    details: Vec<(&'static str, String)>,
) -> Finding {
    Finding {
        code,
        message,
        details,
    }
}

fn check_chain(draft: &DraftContribution, context: &ReviewContext<'_>, out: &mut Vec<Finding>) {
    if draft.chain_id != context.terms.chain_id {
        out.push(finding(
            FindingCode::ChainMismatch,
            format!(
                "This would be signed for chain {}, but the sale is on chain {}.",
                draft.chain_id, context.terms.chain_id
            ),
            vec![
                ("draft_chain_id", draft.chain_id.to_string()),
                ("sale_chain_id", context.terms.chain_id.to_string()),
            ],
        ));
    }
}

/// The destination on a list of scam addresses; a link of the sale on a list of
/// phishing domains, or looking like the sale's own site.
fn check_known_scams(
    draft: &DraftContribution,
    context: &ReviewContext<'_>,
    out: &mut Vec<Finding>,
) {
    if let Ok(to) = parse_address(&draft.to) {
        for list in context.scam_addresses {
            if let Some(note) = list.note_on(&to) {
                let to_text = checksummed(&to);
                let said = if note.is_empty() {
                    String::new()
                } else {
                    format!(" (“{note}”)")
                };
                out.push(finding(
                    FindingCode::ScamAddress,
                    format!(
                        "{to_text} is on your list of scam addresses “{}”{said}: never send to it.",
                        list.name
                    ),
                    vec![
                        ("to", to_text),
                        ("list", list.name.clone()),
                        ("note", note.to_owned()),
                    ],
                ));
            }
        }
    }
    for hit in context.url_hits {
        let code = match hit.kind {
            DomainHitKind::Listed | DomainHitKind::Impersonates => FindingCode::ScamDomain,
            DomainHitKind::LooksLikeOwnSite => FindingCode::LookAlikeDomain,
        };
        let message = hit.describe();
        out.push(finding(
            code,
            message,
            vec![
                ("url", hit.url.clone()),
                ("domain", hit.domain.clone()),
                ("list", hit.list.clone()),
                ("entry", hit.entry.clone()),
            ],
        ));
    }
}

fn check_destination(
    draft: &DraftContribution,
    context: &ReviewContext<'_>,
    out: &mut Vec<Finding>,
) {
    let to = match parse_address(&draft.to) {
        Ok(to) => to,
        Err(AddressError::BadChecksum) => {
            out.push(finding(
                FindingCode::BadChecksum,
                "The destination's capital letters do not match its EIP-55 checksum: it may have been mistyped or altered.".to_owned(),
                vec![("to", draft.to.trim().to_owned())],
            ));
            return;
        }
        Err(error) => {
            out.push(finding(
                FindingCode::InvalidDestination,
                format!("The destination is not an address: {error}."),
                vec![("to", draft.to.trim().chars().take(60).collect())],
            ));
            return;
        }
    };
    let to_text = checksummed(&to);
    let designated = context.terms.contribution_address;
    let chain = context.terms.chain_id;
    let published = || {
        context.official.iter().filter(|o| {
            !o.retired && o.purpose == AddressPurpose::Contribution && o.chain_id == chain
        })
    };
    let official = published().find(|o| o.address == to);
    if to != designated && official.is_none() {
        out.push(finding(
            FindingCode::NotDesignatedAddress,
            format!(
                "{to_text} is not the sale's designated address ({}).",
                checksummed(&designated)
            ),
            vec![
                ("to", to_text.clone()),
                ("designated", checksummed(&designated)),
            ],
        ));
    }
    match official {
        Some(official) if official.only_from_private_messages() => out.push(finding(
            FindingCode::PrivateMessageOnly,
            format!(
                "{to_text} was only ever seen in private messages, the usual route of a scam: \
                 find it on the project's own website or announcements."
            ),
            vec![("to", to_text.clone())],
        )),
        Some(official) if official.has_official_source() => {}
        _ => {
            let (code, rule) = if context.policy.official_source_required {
                (
                    FindingCode::OfficialSourceRequired,
                    " Your review rules require one.",
                )
            } else {
                (FindingCode::NotFromOfficialSource, "")
            };
            out.push(finding(
                code,
                format!(
                    "No source of the project's own (its website, official social account, \
                     whitepaper or announcements) vouches for {to_text}: note where the project \
                     published it.{rule}"
                ),
                vec![("to", to_text.clone())],
            ));
        }
    }
    let mut addresses: Vec<Address> = published()
        .map(|o| o.address)
        .chain(std::iter::once(designated))
        .collect();
    addresses.sort();
    addresses.dedup();
    if addresses.len() > 1 {
        let listed: Vec<String> = addresses.iter().map(checksummed).collect();
        out.push(finding(
            FindingCode::ConflictingOfficialAddresses,
            format!(
                "The sale has {} different contribution addresses on chain {chain} (its terms' \
                 and those recorded as published): {}. Retire the one you do not trust, with \
                 why, or correct the sale's terms.",
                addresses.len(),
                listed.join(", ")
            ),
            vec![("addresses", listed.join(","))],
        ));
    }
    if let Some(twin) = context
        .known
        .iter()
        .chain(context.past_recipients)
        .chain(context.official.iter().map(|o| &o.address))
        .chain(std::iter::once(&designated))
        .find(|known| looks_alike(&to, known))
    {
        out.push(finding(
            FindingCode::LookAlikeAddress,
            format!(
                "{to_text} begins and ends like {}, which you know, but is a different address: \
                 a sign of address poisoning.",
                checksummed(twin)
            ),
            vec![("to", to_text.clone()), ("looks_like", checksummed(twin))],
        ));
    }
    if !context.past_recipients.contains(&to) {
        out.push(finding(
            FindingCode::FirstTimeRecipient,
            format!("This account has never sent to {to_text} before."),
            vec![("to", to_text), ("from", checksummed(&draft.from))],
        ));
    }
}

fn check_window_and_limits(
    draft: &DraftContribution,
    context: &ReviewContext<'_>,
    out: &mut Vec<Finding>,
) {
    let terms = context.terms;
    let (starts, ends) = (terms.window.starts_at(), terms.window.ends_at());
    if context.now < starts {
        out.push(finding(
            FindingCode::SaleNotOpenYet,
            format!("The sale opens on {}.", starts.to_form_text()),
            vec![("starts_at", starts.to_rfc3339())],
        ));
    } else if context.now >= ends {
        out.push(finding(
            FindingCode::SaleEnded,
            format!("The sale ended on {}.", ends.to_form_text()),
            vec![("ends_at", ends.to_rfc3339())],
        ));
    }
    let decimals = terms.currency.decimals();
    let symbol = terms.currency.symbol();
    let amount = format!("{} {symbol}", format_amount(draft.amount, decimals));
    if let Some(minimum) = terms.min_contribution.filter(|min| draft.amount < *min) {
        let minimum = format!("{} {symbol}", format_amount(minimum, decimals));
        out.push(finding(
            FindingCode::BelowMinimum,
            format!("{amount} is below the sale's minimum contribution of {minimum}."),
            vec![("amount", amount.clone()), ("minimum", minimum)],
        ));
    }
    if let Some(maximum) = terms.max_contribution.filter(|max| draft.amount > *max) {
        let maximum = format!("{} {symbol}", format_amount(maximum, decimals));
        out.push(finding(
            FindingCode::AboveMaximum,
            format!("{amount} is above the sale's maximum contribution of {maximum}."),
            vec![("amount", amount), ("maximum", maximum)],
        ));
    }
}

fn check_kyc_and_jurisdiction(context: &ReviewContext<'_>, out: &mut Vec<Finding>) {
    if context.terms.kyc_required && context.kyc != KycStatus::Approved {
        out.push(finding(
            FindingCode::KycNotApproved,
            format!(
                "The sale requires KYC and yours is {}.",
                context.kyc.as_str().replace('_', " ")
            ),
            vec![("kyc", context.kyc.as_str().to_owned())],
        ));
    }
    let Some(country) = context.residence else {
        out.push(finding(
            FindingCode::ResidenceUnknown,
            "Your country of residence is not set, so the sale's jurisdictions were not checked."
                .to_owned(),
            Vec::new(),
        ));
        return;
    };
    let Some(research) = context.research else {
        return;
    };
    let name = country.name();
    match research.admits(country) {
        Admission::Excluded => out.push(finding(
            FindingCode::JurisdictionExcluded,
            format!("The sale excludes residents of {name}, where you live."),
            vec![("country", country.alpha2().to_owned())],
        )),
        Admission::NotListedAsEligible => out.push(finding(
            FindingCode::JurisdictionNotEligible,
            format!("{name}, where you live, is not among the countries the sale admits."),
            vec![("country", country.alpha2().to_owned())],
        )),
        Admission::Eligible | Admission::NotExcluded => {}
    }
}

fn check_diligence(context: &ReviewContext<'_>, out: &mut Vec<Finding>) {
    let Some(research) = context.research else {
        out.push(finding(
            FindingCode::DiligenceIncomplete,
            "This sale has no due-diligence scorecard yet.".to_owned(),
            Vec::new(),
        ));
        return;
    };
    match research.scorecard().grade() {
        Grade::Incomplete { scored } => out.push(finding(
            FindingCode::DiligenceIncomplete,
            format!("The scorecard has {scored} factors scored: too few for a grade."),
            vec![("scored", scored.to_string())],
        )),
        Grade::Graded { points, letter } => {
            if let Some(minimum) = context.policy.minimum_grade.filter(|min| letter > *min) {
                out.push(finding(
                    FindingCode::GradeBelowMinimum,
                    format!(
                        "The sale grades {} ({points} points); your minimum is {}.",
                        letter.as_str(),
                        minimum.as_str()
                    ),
                    vec![
                        ("grade", letter.as_str().to_owned()),
                        ("minimum", minimum.as_str().to_owned()),
                    ],
                ));
            }
        }
    }
    for flag in research
        .red_flags
        .iter()
        .filter(|flag| context.policy.blocking_flags.contains(flag))
    {
        out.push(finding(
            FindingCode::BlockingRedFlag,
            format!(
                "The red flag “{}” is raised, and you block on it.",
                flag.as_str().replace('_', " ")
            ),
            vec![("flag", flag.as_str().to_owned())],
        ));
    }
}

fn price_problem_text(problem: &PriceProblem) -> String {
    match problem {
        PriceProblem::Missing { asset, currency } => {
            format!("there is no price of {asset} in {currency}")
        }
        PriceProblem::Stale {
            asset,
            currency,
            observed_at,
        } => format!(
            "the latest price of {asset} in {currency} is from {}",
            observed_at.to_form_text()
        ),
        PriceProblem::TooLarge { asset } => {
            format!("the value of the {asset} is too large to count")
        }
    }
}

/// "12.5 %" from basis points.
fn percent_text(bps: Decimal) -> String {
    (bps / Decimal::from(100)).normalize().to_string() + " %"
}

fn check_budget(
    draft: &DraftContribution,
    context: &ReviewContext<'_>,
    out: &mut Vec<Finding>,
) -> Option<BudgetImpact> {
    let Some(budget) = context.budget.filter(|b| b.period.contains(context.now)) else {
        out.push(finding(
            FindingCode::NoBudget,
            "No budget covers this date, so nothing limits how much goes into token sales. Set one."
                .to_owned(),
            Vec::new(),
        ));
        return None;
    };
    let currency = &budget.currency;
    let asset = context.terms.currency.symbol();
    let valuation = context.prices.value(
        draft.amount,
        context.terms.currency.decimals(),
        asset,
        currency,
        context.now,
    );
    match &valuation.problem {
        Some(problem @ PriceProblem::Stale { observed_at, .. }) => out.push(finding(
            FindingCode::PriceStale,
            format!(
                "The budget check used an old price: {}.",
                price_problem_text(problem)
            ),
            vec![("observed_at", observed_at.to_rfc3339())],
        )),
        Some(problem) => out.push(finding(
            FindingCode::PriceMissing,
            format!(
                "The budget cannot be checked: {}. Add a price in the price book.",
                price_problem_text(problem)
            ),
            vec![("asset", asset.to_owned()), ("currency", currency.clone())],
        )),
        None => {}
    }
    let value = valuation.value?;
    let used = budget_use(budget, context.movements, context.prices);
    if let Some(problem) = used.unpriced.first() {
        out.push(finding(
            FindingCode::UnpricedCommitments,
            format!(
                "{} earlier payment(s) in this period could not be counted: {}.",
                used.unpriced.len(),
                price_problem_text(problem)
            ),
            vec![("unpriced", used.unpriced.len().to_string())],
        ));
    }
    let period = budget.period.label();
    let money = |amount: Decimal| format!("{} {currency}", rounded(amount, currency));
    let after = used.committed.saturating_add(value);
    if after > budget.total {
        out.push(finding(
            FindingCode::PeriodBudgetExceeded,
            format!(
                "This would bring the {period} budget to {} of {}.",
                money(after),
                money(budget.total)
            ),
            vec![
                ("committed", used.committed.to_string()),
                ("value", value.to_string()),
                ("total", budget.total.to_string()),
            ],
        ));
    }
    let sale_after = used.of_sale(context.sale).saturating_add(value);
    if let Some(cap) = budget.per_sale_cap.filter(|cap| sale_after > *cap) {
        out.push(finding(
            FindingCode::SaleCapExceeded,
            format!(
                "This would bring this sale to {}, above your cap of {} per sale.",
                money(sale_after),
                money(cap)
            ),
            vec![
                ("sale_total", sale_after.to_string()),
                ("cap", cap.to_string()),
            ],
        ));
    }
    if let Some(limit) = budget.max_share_per_sale {
        let limit = Decimal::from(limit.get());
        if let Some(share) = share_bps(sale_after, budget.total).filter(|share| *share > limit) {
            out.push(finding(
                FindingCode::DiversificationExceeded,
                format!(
                    "This sale would take {} of the {period} budget; your limit is {} per sale.",
                    percent_text(share),
                    percent_text(limit)
                ),
                vec![
                    ("share_bps", share.to_string()),
                    ("limit_bps", limit.to_string()),
                ],
            ));
        }
    }
    Some(BudgetImpact {
        currency: currency.clone(),
        period,
        value,
        total: budget.total,
        committed: used.committed,
        uses_bps: share_bps(value, budget.total),
        left_after_bps: share_bps(budget.total.saturating_sub(after), budget.total),
    })
}

#[cfg(test)]
mod tests;
