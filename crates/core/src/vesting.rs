//! Vesting: how tokens received in a sale unlock over time, and the exact schedule
//! that follows from a plan, the token generation event (TGE) and the amount.
//!
//! Shares are basis points (1/100 of a percent) and amounts are integer base units:
//! each unlock is the difference of two rounded-down cumulative amounts, so the unlocks
//! always add up to the total exactly.

use alloy_primitives::U256;

use crate::timestamp::{TimestampError, UtcTimestamp};

/// A share in basis points: 10 000 is 100 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BasisPoints(u16);

/// Why a percentage is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PercentError {
    #[error("enter a percentage")]
    Empty,
    #[error("write a percentage as a number such as 12.5 (no % sign needed)")]
    Malformed,
    #[error("a percentage has at most two decimal places (e.g. 12.25)")]
    TooPrecise,
    #[error("a percentage is between 0 and 100")]
    OutOfRange,
}

impl BasisPoints {
    pub const ZERO: Self = Self(0);
    pub const ALL: Self = Self(10_000);

    pub fn new(value: u16) -> Option<Self> {
        (value <= 10_000).then_some(Self(value))
    }

    pub fn get(self) -> u16 {
        self.0
    }

    /// Parses a percentage as typed: a number in the one grammar of numbers
    /// ([`crate::amount::plain_number`]), optionally followed by `%`: `12.5`, `12.5%`,
    /// `0`, `100`.
    pub fn parse_percent(input: &str) -> Result<Self, PercentError> {
        let text = input.strip_suffix('%').unwrap_or(input);
        let (whole, fraction) = crate::amount::plain_number(text).map_err(|error| match error {
            crate::amount::AmountError::Empty => PercentError::Empty,
            _ => PercentError::Malformed,
        })?;
        let fraction = fraction.trim_end_matches('0');
        if fraction.len() > 2 {
            return Err(PercentError::TooPrecise);
        }
        let whole = whole.trim_start_matches('0');
        if whole.len() > 3 {
            return Err(PercentError::OutOfRange);
        }
        let whole: u32 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| PercentError::Malformed)?
        };
        let hundredths: u32 = format!("{fraction:0<2}")
            .parse()
            .map_err(|_| PercentError::Malformed)?;
        let value = whole
            .checked_mul(100)
            .and_then(|v| v.checked_add(hundredths))
            .filter(|v| *v <= 10_000)
            .ok_or(PercentError::OutOfRange)?;
        u16::try_from(value)
            .ok()
            .and_then(Self::new)
            .ok_or(PercentError::OutOfRange)
    }

    /// Written back as a percentage without trailing zeros, e.g. `12.5`.
    pub fn to_percent_text(self) -> String {
        let (whole, hundredths) = (self.0 / 100, self.0 % 100);
        match hundredths {
            0 => whole.to_string(),
            h if h % 10 == 0 => format!("{whole}.{}", h / 10),
            h => format!("{whole}.{h:02}"),
        }
    }
}

/// How often a linear vesting unlocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frequency {
    Daily,
    Monthly,
    Quarterly,
}

impl Frequency {
    pub const ALL: [Frequency; 3] = [Self::Daily, Self::Monthly, Self::Quarterly];

    /// The stable name kept in the database and typed in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Daily => "daily",
            Self::Monthly => "monthly",
            Self::Quarterly => "quarterly",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// One step of a tranche plan: a share unlocking some months after the TGE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tranche {
    pub months_after_tge: u32,
    pub share: BasisPoints,
}

/// How a participation's tokens unlock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VestingPlan {
    /// A share at the TGE, then the rest in equal steps over `months`, counted from the
    /// TGE; nothing of the rest unlocks before the cliff, and what would have unlocked
    /// earlier unlocks at the first step on or after it.
    Linear {
        at_tge: BasisPoints,
        cliff_months: u32,
        months: u32,
        frequency: Frequency,
    },
    /// Explicit shares at given months after the TGE (0 = at the TGE), adding up to 100 %.
    Tranches(Vec<Tranche>),
}

/// Longest vesting accepted: 50 years.
pub const MAX_VESTING_MONTHS: u32 = 600;

/// Why a plan cannot produce a schedule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VestingError {
    #[error("the cliff ({cliff} months) is longer than the vesting period ({months} months)")]
    CliffLongerThanPeriod { cliff: u32, months: u32 },
    #[error("a vesting period is needed unless 100 % unlocks at the TGE")]
    NoPeriod,
    #[error("a quarterly vesting period is a whole number of quarters (multiples of 3 months)")]
    PeriodNotWholeQuarters,
    #[error("a vesting period is at most {MAX_VESTING_MONTHS} months")]
    PeriodTooLong,
    #[error("add at least one tranche")]
    NoTranches,
    #[error("tranches must be listed in time order, each after the previous one")]
    TranchesOutOfOrder,
    #[error("a tranche of 0 % unlocks nothing: remove it")]
    EmptyTranche,
    #[error("the tranches add up to {}%, more than 100%", .0.to_percent_text())]
    TranchesOverHundred(BasisPointsSum),
    #[error("the tranches add up to {}%, not 100%", .0.to_percent_text())]
    TranchesUnderHundred(BasisPointsSum),
    #[error("an unlock would fall outside the years 1970 to 9999")]
    DateOutOfRange,
}

/// A sum of shares, which may exceed 100 % (in an error).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BasisPointsSum(pub u32);

impl BasisPointsSum {
    fn to_percent_text(self) -> String {
        let (whole, hundredths) = (self.0 / 100, self.0 % 100);
        if hundredths == 0 {
            whole.to_string()
        } else {
            format!("{whole}.{hundredths:02}")
                .trim_end_matches('0')
                .to_owned()
        }
    }
}

impl From<TimestampError> for VestingError {
    fn from(_: TimestampError) -> Self {
        Self::DateOutOfRange
    }
}

/// One unlock: an amount of base units becoming available at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unlock {
    pub at: UtcTimestamp,
    pub amount: U256,
}

/// The unlocks of one plan, in time order, none of them empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule(Vec<Unlock>);

impl Schedule {
    pub fn unlocks(&self) -> &[Unlock] {
        &self.0
    }

    pub fn total(&self) -> U256 {
        self.0
            .iter()
            .map(|u| u.amount)
            .fold(U256::ZERO, |a, b| a + b)
    }

    /// What has unlocked at `now` (an unlock at exactly `now` counts).
    pub fn unlocked_at(&self, now: UtcTimestamp) -> U256 {
        self.0
            .iter()
            .take_while(|u| u.at <= now)
            .map(|u| u.amount)
            .fold(U256::ZERO, |a, b| a + b)
    }

    /// The first unlock after `now`, if any is left.
    pub fn next_unlock(&self, now: UtcTimestamp) -> Option<&Unlock> {
        self.0.iter().find(|u| u.at > now)
    }
}

/// `floor(total × numerator / denominator)` without overflow for any `U256` total.
fn share_of(total: U256, numerator: u64, denominator: u64) -> U256 {
    let denominator = U256::from(denominator);
    let numerator = U256::from(numerator);
    let (quotient, remainder) = (total / denominator, total % denominator);
    quotient * numerator + remainder * numerator / denominator
}

/// The exact schedule of `total` base units under `plan`, for a TGE at `tge`.
pub fn schedule(
    plan: &VestingPlan,
    tge: UtcTimestamp,
    total: U256,
) -> Result<Schedule, VestingError> {
    let unlocks = match plan {
        VestingPlan::Linear {
            at_tge,
            cliff_months,
            months,
            frequency,
        } => linear(*at_tge, *cliff_months, *months, *frequency, tge, total)?,
        VestingPlan::Tranches(tranches) => by_tranches(tranches, tge, total)?,
    };
    Ok(Schedule(
        unlocks
            .into_iter()
            .filter(|u| !u.amount.is_zero())
            .collect(),
    ))
}

fn linear(
    at_tge: BasisPoints,
    cliff_months: u32,
    months: u32,
    frequency: Frequency,
    tge: UtcTimestamp,
    total: U256,
) -> Result<Vec<Unlock>, VestingError> {
    let at_start = share_of(total, u64::from(at_tge.get()), 10_000);
    let mut unlocks = vec![Unlock {
        at: tge,
        amount: at_start,
    }];
    let rest = total - at_start;
    if at_tge == BasisPoints::ALL {
        return Ok(unlocks);
    }
    if months == 0 {
        return Err(VestingError::NoPeriod);
    }
    if months > MAX_VESTING_MONTHS {
        return Err(VestingError::PeriodTooLong);
    }
    if cliff_months > months {
        return Err(VestingError::CliffLongerThanPeriod {
            cliff: cliff_months,
            months,
        });
    }
    // Every step date is computed from the TGE, never from the previous step, so
    // month-end clamping (31 Jan → 28 Feb) does not drift into later months.
    let steps: Vec<UtcTimestamp> = match frequency {
        Frequency::Monthly => (1..=months)
            .map(|k| tge.add_months(k))
            .collect::<Result<_, _>>()?,
        Frequency::Quarterly => {
            if !months.is_multiple_of(3) {
                return Err(VestingError::PeriodNotWholeQuarters);
            }
            (1..=months / 3)
                .map(|k| tge.add_months(3 * k))
                .collect::<Result<_, _>>()?
        }
        Frequency::Daily => {
            let days = tge.days_until(tge.add_months(months)?);
            (1..=days)
                .map(|k| tge.add_days(k))
                .collect::<Result<_, _>>()?
        }
    };
    let cliff = tge.add_months(cliff_months)?;
    let count = u64::try_from(steps.len()).unwrap_or(u64::MAX);
    let mut unlocked_before = U256::ZERO;
    let mut held_back = U256::ZERO;
    for (index, at) in steps.into_iter().enumerate() {
        let cumulative = share_of(rest, u64::try_from(index + 1).unwrap_or(u64::MAX), count);
        let amount = cumulative - unlocked_before;
        unlocked_before = cumulative;
        if at < cliff {
            held_back += amount;
        } else {
            unlocks.push(Unlock {
                at,
                amount: amount + held_back,
            });
            held_back = U256::ZERO;
        }
    }
    Ok(unlocks)
}

fn by_tranches(
    tranches: &[Tranche],
    tge: UtcTimestamp,
    total: U256,
) -> Result<Vec<Unlock>, VestingError> {
    if tranches.is_empty() {
        return Err(VestingError::NoTranches);
    }
    if tranches
        .windows(2)
        .any(|pair| pair[0].months_after_tge >= pair[1].months_after_tge)
    {
        return Err(VestingError::TranchesOutOfOrder);
    }
    if tranches.iter().any(|t| t.share == BasisPoints::ZERO) {
        return Err(VestingError::EmptyTranche);
    }
    let sum: u32 = tranches.iter().map(|t| u32::from(t.share.get())).sum();
    match sum.cmp(&10_000) {
        std::cmp::Ordering::Greater => {
            return Err(VestingError::TranchesOverHundred(BasisPointsSum(sum)));
        }
        std::cmp::Ordering::Less => {
            return Err(VestingError::TranchesUnderHundred(BasisPointsSum(sum)));
        }
        std::cmp::Ordering::Equal => {}
    }
    if tranches
        .iter()
        .any(|t| t.months_after_tge > MAX_VESTING_MONTHS)
    {
        return Err(VestingError::PeriodTooLong);
    }
    let mut cumulative_share = 0u64;
    let mut unlocked_before = U256::ZERO;
    tranches
        .iter()
        .map(|tranche| {
            cumulative_share += u64::from(tranche.share.get());
            let cumulative = share_of(total, cumulative_share, 10_000);
            let amount = cumulative - unlocked_before;
            unlocked_before = cumulative;
            Ok(Unlock {
                at: tge.add_months(tranche.months_after_tge)?,
                amount,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;

/// A vesting plan as a user types it: every field a string, as in a form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VestingDraft {
    /// The tokens vesting, in whole tokens (e.g. `12500.5`).
    pub total_tokens: String,
    /// When the tokens are generated (the TGE), UTC.
    pub tge_at: String,
    /// `linear` or `tranches`.
    pub kind: String,
    pub at_tge_percent: String,
    pub cliff_months: String,
    pub months: String,
    /// `daily`, `monthly` or `quarterly`.
    pub frequency: String,
    /// For `tranches`: (months after the TGE, percent) pairs.
    pub tranches: Vec<(String, String)>,
}

/// A checked plan with its TGE and amount: everything a schedule needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VestingTerms {
    pub total: U256,
    pub tge: UtcTimestamp,
    pub plan: VestingPlan,
}

/// The fields of a [`VestingDraft`], named as on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VestingField {
    TotalTokens,
    TgeAt,
    Kind,
    AtTgePercent,
    CliffMonths,
    Months,
    Frequency,
    Tranches,
}

impl VestingField {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TotalTokens => "totalTokens",
            Self::TgeAt => "tgeAt",
            Self::Kind => "kind",
            Self::AtTgePercent => "atTgePercent",
            Self::CliffMonths => "cliffMonths",
            Self::Months => "months",
            Self::Frequency => "frequency",
            Self::Tranches => "tranches",
        }
    }
}

/// What is wrong with one field of a vesting draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VestingProblem {
    pub field: VestingField,
    pub kind: VestingProblemKind,
    pub message: String,
}

/// The kinds of problem, for stable error codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VestingProblemKind {
    Required,
    Amount(crate::amount::AmountError),
    Datetime,
    Percent,
    Months,
    Choice,
    Plan,
}

/// Collects problems field by field.
#[derive(Default)]
struct Problems(Vec<VestingProblem>);

impl Problems {
    fn add(&mut self, field: VestingField, kind: VestingProblemKind, message: impl Into<String>) {
        self.0.push(VestingProblem {
            field,
            kind,
            message: message.into(),
        });
    }

    fn months(&mut self, field: VestingField, text: &str, required: bool) -> Option<u32> {
        if text.trim().is_empty() {
            if required {
                self.add(
                    field,
                    VestingProblemKind::Required,
                    "enter a number of months",
                );
                return None;
            }
            return Some(0);
        }
        let whole_number = crate::amount::plain_number(text)
            .ok()
            .filter(|(_, fraction)| fraction.is_empty())
            .and_then(|(whole, _)| whole.parse::<u32>().ok());
        match whole_number {
            Some(months) if months <= MAX_VESTING_MONTHS => Some(months),
            _ => {
                self.add(
                    field,
                    VestingProblemKind::Months,
                    format!("a whole number of months from 0 to {MAX_VESTING_MONTHS}"),
                );
                None
            }
        }
    }

    fn percent(&mut self, field: VestingField, text: &str) -> Option<BasisPoints> {
        let text = if text.trim().is_empty() { "0" } else { text };
        BasisPoints::parse_percent(text)
            .map_err(|error| self.add(field, VestingProblemKind::Percent, error.to_string()))
            .ok()
    }
}

impl VestingTerms {
    /// Checks a draft for a token with `token_decimals`; every problem is reported,
    /// and a plan that cannot produce a schedule is refused at the field at fault.
    pub fn from_draft(
        draft: &VestingDraft,
        token_decimals: u8,
    ) -> Result<Self, Vec<VestingProblem>> {
        let mut problems = Problems::default();
        let total = match crate::amount::parse_amount(&draft.total_tokens, token_decimals) {
            Ok(total) if total.is_zero() => {
                problems.add(
                    VestingField::TotalTokens,
                    VestingProblemKind::Required,
                    "enter how many tokens vest",
                );
                None
            }
            Ok(total) => Some(total),
            Err(error) => {
                problems.add(
                    VestingField::TotalTokens,
                    VestingProblemKind::Amount(error.clone()),
                    error.to_string(),
                );
                None
            }
        };
        let tge = UtcTimestamp::parse(&draft.tge_at)
            .map_err(|error| {
                problems.add(
                    VestingField::TgeAt,
                    VestingProblemKind::Datetime,
                    error.to_string(),
                )
            })
            .ok();
        let plan = match draft.kind.trim() {
            "linear" => {
                let at_tge = problems.percent(VestingField::AtTgePercent, &draft.at_tge_percent);
                let cliff = problems.months(VestingField::CliffMonths, &draft.cliff_months, false);
                let months = problems.months(VestingField::Months, &draft.months, false);
                // Monthly when left empty, the most common plan.
                let frequency = match draft.frequency.trim() {
                    "" => Some(Frequency::Monthly),
                    name => Frequency::parse(name).or_else(|| {
                        problems.add(
                            VestingField::Frequency,
                            VestingProblemKind::Choice,
                            "choose daily, monthly or quarterly",
                        );
                        None
                    }),
                };
                match (at_tge, cliff, months, frequency) {
                    (Some(at_tge), Some(cliff_months), Some(months), Some(frequency)) => {
                        Some(VestingPlan::Linear {
                            at_tge,
                            cliff_months,
                            months,
                            frequency,
                        })
                    }
                    _ => None,
                }
            }
            "tranches" => {
                let mut tranches = Vec::with_capacity(draft.tranches.len());
                for (months, percent) in &draft.tranches {
                    let months = problems.months(VestingField::Tranches, months, true);
                    let share = problems.percent(VestingField::Tranches, percent);
                    if let (Some(months_after_tge), Some(share)) = (months, share) {
                        tranches.push(Tranche {
                            months_after_tge,
                            share,
                        });
                    }
                }
                (tranches.len() == draft.tranches.len()).then_some(VestingPlan::Tranches(tranches))
            }
            _ => {
                problems.add(
                    VestingField::Kind,
                    VestingProblemKind::Choice,
                    "choose linear or tranches",
                );
                None
            }
        };
        let (Some(total), Some(tge), Some(plan)) = (total, tge, plan) else {
            return Err(problems.0);
        };
        match schedule(&plan, tge, total) {
            Ok(_) if problems.0.is_empty() => Ok(Self { total, tge, plan }),
            Ok(_) => Err(problems.0),
            Err(error) => {
                let field = match error {
                    VestingError::CliffLongerThanPeriod { .. } => VestingField::CliffMonths,
                    VestingError::NoPeriod
                    | VestingError::PeriodNotWholeQuarters
                    | VestingError::PeriodTooLong => VestingField::Months,
                    VestingError::DateOutOfRange => VestingField::TgeAt,
                    VestingError::NoTranches
                    | VestingError::TranchesOutOfOrder
                    | VestingError::EmptyTranche
                    | VestingError::TranchesOverHundred(_)
                    | VestingError::TranchesUnderHundred(_) => VestingField::Tranches,
                };
                problems.add(field, VestingProblemKind::Plan, error.to_string());
                Err(problems.0)
            }
        }
    }

    /// The exact schedule of these terms.
    pub fn schedule(&self) -> Schedule {
        // `from_draft` only returns terms whose schedule exists.
        schedule(&self.plan, self.tge, self.total).unwrap_or(Schedule(Vec::new()))
    }

    /// The terms written back as a user types them.
    pub fn to_draft(&self, token_decimals: u8) -> VestingDraft {
        let tge_at = self.tge.to_form_text();
        let total_tokens = crate::amount::format_amount(self.total, token_decimals);
        match &self.plan {
            VestingPlan::Linear {
                at_tge,
                cliff_months,
                months,
                frequency,
            } => VestingDraft {
                total_tokens,
                tge_at,
                kind: "linear".to_owned(),
                at_tge_percent: at_tge.to_percent_text(),
                cliff_months: cliff_months.to_string(),
                months: months.to_string(),
                frequency: frequency.as_str().to_owned(),
                tranches: Vec::new(),
            },
            VestingPlan::Tranches(tranches) => VestingDraft {
                total_tokens,
                tge_at,
                kind: "tranches".to_owned(),
                tranches: tranches
                    .iter()
                    .map(|t| (t.months_after_tge.to_string(), t.share.to_percent_text()))
                    .collect(),
                ..VestingDraft::default()
            },
        }
    }
}
