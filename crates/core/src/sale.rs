//! Sales: the token offerings a user follows, their terms and the rules those obey.
//!
//! A [`SaleDraft`] is what the user typed (every field a string, as in a form or on a
//! command line). [`SaleTerms::from_draft`] turns it into checked terms or into the
//! complete list of [`Violation`]s, each naming its field, so a form can show every
//! problem at once.

use alloy_primitives::{Address, U256};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::address::{AddressError, checksummed, parse_address};
use crate::amount::{AmountError, MAX_DECIMALS, format_amount, parse_amount};
use crate::text::is_bidi_control;
use crate::timestamp::{TimestampError, UtcTimestamp};

/// Native coins of EVM chains have 18 decimals.
pub const NATIVE_DECIMALS: u8 = 18;
/// Largest chain id accepted: it must survive a round trip through a JavaScript number.
pub const MAX_CHAIN_ID: u64 = (1 << 53) - 1;
pub const MAX_PROJECT_NAME_CHARS: usize = 100;
pub const MAX_SYMBOL_CHARS: usize = 16;
pub const MAX_URL_CHARS: usize = 2048;
pub const MAX_NOTES_CHARS: usize = 10_000;

/// The native coins of well-known EVM chains, for defaults in forms: Ethereum, its
/// test networks, the local development chain and rollups paying gas in ETH, then
/// other common chains.
pub const NATIVE_COIN_SYMBOLS: &[(u64, &str)] = &[
    (1, "ETH"),
    (11_155_111, "ETH"),
    (17_000, "ETH"),
    (560_048, "ETH"),
    (31_337, "ETH"),
    (10, "ETH"),
    (8_453, "ETH"),
    (42_161, "ETH"),
    (59_144, "ETH"),
    (324, "ETH"),
    (56, "BNB"),
    (137, "POL"),
    (43_114, "AVAX"),
    (100, "xDAI"),
];

/// The symbol of a well-known chain's native coin.
pub fn native_coin_symbol(chain_id: u64) -> Option<&'static str> {
    NATIVE_COIN_SYMBOLS
        .iter()
        .find(|(id, _)| *id == chain_id)
        .map(|(_, symbol)| *symbol)
}

/// The row id of a stored sale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SaleId(pub i64);

/// What the user typed for a sale, before any checking.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SaleDraft {
    pub project_name: String,
    pub token_symbol: String,
    pub token_decimals: String,
    pub chain_id: String,
    pub contribution_address: String,
    pub currency_kind: CurrencyKind,
    pub currency_symbol: String,
    /// ERC-20 only; ignored for the native coin.
    pub currency_address: String,
    /// ERC-20 only; the native coin always has 18.
    pub currency_decimals: String,
    pub pricing_kind: PricingKind,
    /// For `price`: accepted currency per one token. For `rate`: tokens per one unit of
    /// the accepted currency.
    pub pricing_amount: String,
    /// Caps and limits are in the accepted currency; an empty string means "not set".
    pub soft_cap: String,
    pub hard_cap: String,
    pub min_contribution: String,
    pub max_contribution: String,
    /// UTC: `2026-12-01 14:00` or RFC 3339.
    pub starts_at: String,
    pub ends_at: String,
    pub kyc_required: bool,
    pub whitepaper_url: String,
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum CurrencyKind {
    /// The chain's own coin (ETH on Ethereum).
    #[default]
    Native,
    /// An ERC-20 token such as USDC.
    Erc20,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum PricingKind {
    #[default]
    None,
    /// Accepted currency per one token.
    Price,
    /// Tokens per one unit of the accepted currency.
    Rate,
}

/// The currency a sale accepts contributions in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AcceptedCurrency {
    Native {
        symbol: String,
    },
    Erc20 {
        address: Address,
        symbol: String,
        decimals: u8,
    },
}

impl AcceptedCurrency {
    pub fn symbol(&self) -> &str {
        match self {
            Self::Native { symbol } | Self::Erc20 { symbol, .. } => symbol,
        }
    }

    pub fn decimals(&self) -> u8 {
        match self {
            Self::Native { .. } => NATIVE_DECIMALS,
            Self::Erc20 { decimals, .. } => *decimals,
        }
    }
}

/// How many tokens a contribution buys, exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pricing {
    /// Base units of the accepted currency per one whole token.
    Price(U256),
    /// Base units of the token per one whole unit of the accepted currency.
    Rate(U256),
}

/// When a sale takes contributions; `starts_at < ends_at` always holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaleWindow {
    starts_at: UtcTimestamp,
    ends_at: UtcTimestamp,
}

impl SaleWindow {
    pub fn new(starts_at: UtcTimestamp, ends_at: UtcTimestamp) -> Option<Self> {
        (starts_at < ends_at).then_some(Self { starts_at, ends_at })
    }
    pub fn starts_at(&self) -> UtcTimestamp {
        self.starts_at
    }
    pub fn ends_at(&self) -> UtcTimestamp {
        self.ends_at
    }
}

/// Where a sale stands at a given moment, from its dates alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum SaleStatus {
    Upcoming,
    Open,
    Ended,
}

impl SaleStatus {
    pub const ALL: [SaleStatus; 3] = [Self::Upcoming, Self::Open, Self::Ended];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Upcoming => "upcoming",
            Self::Open => "open",
            Self::Ended => "ended",
        }
    }
}

/// Checked terms of a sale: every invariant of the draft rules holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaleTerms {
    pub project_name: String,
    pub token_symbol: String,
    pub token_decimals: u8,
    pub chain_id: u64,
    pub contribution_address: Address,
    pub currency: AcceptedCurrency,
    pub pricing: Option<Pricing>,
    pub soft_cap: Option<U256>,
    pub hard_cap: Option<U256>,
    pub min_contribution: Option<U256>,
    pub max_contribution: Option<U256>,
    pub window: SaleWindow,
    pub kyc_required: bool,
    pub whitepaper_url: Option<Url>,
    pub notes: String,
}

/// A stored sale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sale {
    pub id: SaleId,
    pub terms: SaleTerms,
    pub created_at: UtcTimestamp,
    pub updated_at: UtcTimestamp,
    /// When the user archived it (kept with its history, out of the way); `None` if not.
    pub archived_at: Option<UtcTimestamp>,
}

/// The fields of a sale, named as on the wire and in forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SaleField {
    ProjectName,
    TokenSymbol,
    TokenDecimals,
    ChainId,
    ContributionAddress,
    CurrencySymbol,
    CurrencyAddress,
    CurrencyDecimals,
    PricingAmount,
    SoftCap,
    HardCap,
    MinContribution,
    MaxContribution,
    StartsAt,
    EndsAt,
    WhitepaperUrl,
    Notes,
}

impl SaleField {
    /// The field's name as the UI and the JSON use it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ProjectName => "projectName",
            Self::TokenSymbol => "tokenSymbol",
            Self::TokenDecimals => "tokenDecimals",
            Self::ChainId => "chainId",
            Self::ContributionAddress => "contributionAddress",
            Self::CurrencySymbol => "currencySymbol",
            Self::CurrencyAddress => "currencyAddress",
            Self::CurrencyDecimals => "currencyDecimals",
            Self::PricingAmount => "pricingAmount",
            Self::SoftCap => "softCap",
            Self::HardCap => "hardCap",
            Self::MinContribution => "minContribution",
            Self::MaxContribution => "maxContribution",
            Self::StartsAt => "startsAt",
            Self::EndsAt => "endsAt",
            Self::WhitepaperUrl => "whitepaperUrl",
            Self::Notes => "notes",
        }
    }
}

/// A stable, machine-readable reason why input was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValidationCode {
    Required,
    TooLong,
    InvalidText,
    InvalidAmount,
    TooManyDecimalPlaces,
    AmountTooLarge,
    InvalidDecimals,
    InvalidChainId,
    InvalidAddress,
    BadChecksum,
    InvalidSymbol,
    InvalidDatetime,
    EndsBeforeStart,
    SoftCapAboveHardCap,
    MinAboveMax,
    InvalidUrl,
}

/// One rule a draft breaks, at one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub field: SaleField,
    pub code: ValidationCode,
    pub message: String,
}

impl Violation {
    fn new(field: SaleField, code: ValidationCode, message: impl Into<String>) -> Self {
        Self {
            field,
            code,
            message: message.into(),
        }
    }
}

/// Every rule a draft breaks, in form order; never empty.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.first().map(|v| v.message.as_str()).unwrap_or("invalid sale"))]
pub struct Violations(pub Vec<Violation>);

impl SaleTerms {
    /// Checks a draft against every rule and returns the terms, or all violations.
    pub fn from_draft(draft: &SaleDraft) -> Result<Self, Violations> {
        let mut check = Checker::default();
        use SaleField as F;

        let project_name = check.text(
            F::ProjectName,
            &draft.project_name,
            MAX_PROJECT_NAME_CHARS,
            true,
        );
        let token_symbol = check.symbol(F::TokenSymbol, &draft.token_symbol);
        let token_decimals = check.decimals(F::TokenDecimals, &draft.token_decimals);
        let chain_id = check.chain_id(&draft.chain_id);
        let contribution_address =
            check.address(F::ContributionAddress, &draft.contribution_address);

        let currency_symbol = check.symbol(F::CurrencySymbol, &draft.currency_symbol);
        let currency = match draft.currency_kind {
            CurrencyKind::Native => {
                currency_symbol.map(|symbol| AcceptedCurrency::Native { symbol })
            }
            CurrencyKind::Erc20 => {
                let address = check.address(F::CurrencyAddress, &draft.currency_address);
                let decimals = check.decimals(F::CurrencyDecimals, &draft.currency_decimals);
                match (address, currency_symbol, decimals) {
                    (Some(address), Some(symbol), Some(decimals)) => {
                        Some(AcceptedCurrency::Erc20 {
                            address,
                            symbol,
                            decimals,
                        })
                    }
                    _ => None,
                }
            }
        };
        let currency_decimals = currency.as_ref().map(AcceptedCurrency::decimals);

        let pricing = match draft.pricing_kind {
            PricingKind::None => Some(None),
            PricingKind::Price => check
                .positive_amount(F::PricingAmount, &draft.pricing_amount, currency_decimals)
                .map(|price| Some(Pricing::Price(price))),
            PricingKind::Rate => check
                .positive_amount(F::PricingAmount, &draft.pricing_amount, token_decimals)
                .map(|rate| Some(Pricing::Rate(rate))),
        };

        let soft_cap = check.optional_amount(F::SoftCap, &draft.soft_cap, currency_decimals, false);
        let hard_cap = check.optional_amount(F::HardCap, &draft.hard_cap, currency_decimals, true);
        let min_contribution = check.optional_amount(
            F::MinContribution,
            &draft.min_contribution,
            currency_decimals,
            false,
        );
        let max_contribution = check.optional_amount(
            F::MaxContribution,
            &draft.max_contribution,
            currency_decimals,
            true,
        );

        if let (Some(Some(soft)), Some(Some(hard)), Some(currency)) =
            (soft_cap, hard_cap, &currency)
            && soft > hard
        {
            check.fail(
                F::SoftCap,
                ValidationCode::SoftCapAboveHardCap,
                format!(
                    "the soft cap ({}) is above the hard cap ({})",
                    show(soft, currency),
                    show(hard, currency)
                ),
            );
        }
        if let (Some(Some(min)), Some(Some(max)), Some(currency)) =
            (min_contribution, max_contribution, &currency)
            && min > max
        {
            check.fail(
                F::MinContribution,
                ValidationCode::MinAboveMax,
                format!(
                    "the minimum contribution ({}) is above the maximum ({})",
                    show(min, currency),
                    show(max, currency)
                ),
            );
        }

        let starts_at = check.timestamp(F::StartsAt, &draft.starts_at);
        let ends_at = check.timestamp(F::EndsAt, &draft.ends_at);
        let window = match (starts_at, ends_at) {
            (Some(start), Some(end)) => {
                let window = SaleWindow::new(start, end);
                if window.is_none() {
                    check.fail(
                        F::EndsAt,
                        ValidationCode::EndsBeforeStart,
                        "the sale must end after it starts",
                    );
                }
                window
            }
            _ => None,
        };

        let whitepaper_url = check.optional_url(F::WhitepaperUrl, &draft.whitepaper_url);
        let notes = check.text(F::Notes, &draft.notes, MAX_NOTES_CHARS, false);

        match (
            check.violations.is_empty(),
            project_name,
            token_symbol,
            token_decimals,
            chain_id,
            contribution_address,
            currency,
            pricing,
            window,
            whitepaper_url,
            notes,
        ) {
            (
                true,
                Some(project_name),
                Some(token_symbol),
                Some(token_decimals),
                Some(chain_id),
                Some(contribution_address),
                Some(currency),
                Some(pricing),
                Some(window),
                Some(whitepaper_url),
                Some(notes),
            ) => Ok(Self {
                project_name,
                token_symbol,
                token_decimals,
                chain_id,
                contribution_address,
                currency,
                pricing,
                soft_cap: soft_cap.flatten(),
                hard_cap: hard_cap.flatten(),
                min_contribution: min_contribution.flatten(),
                max_contribution: max_contribution.flatten(),
                window,
                kyc_required: draft.kyc_required,
                whitepaper_url,
                notes,
            }),
            _ => Err(Violations(check.violations)),
        }
    }

    /// The draft that produces these terms: what an edit form starts from.
    pub fn to_draft(&self) -> SaleDraft {
        let amount = |value: Option<U256>, decimals: u8| {
            value
                .map(|v| format_amount(v, decimals))
                .unwrap_or_default()
        };
        let currency_decimals = self.currency.decimals();
        let (currency_kind, currency_address, currency_decimals_text) = match &self.currency {
            AcceptedCurrency::Native { .. } => (CurrencyKind::Native, String::new(), String::new()),
            AcceptedCurrency::Erc20 {
                address, decimals, ..
            } => (
                CurrencyKind::Erc20,
                checksummed(address),
                decimals.to_string(),
            ),
        };
        let (pricing_kind, pricing_amount) = match self.pricing {
            None => (PricingKind::None, String::new()),
            Some(Pricing::Price(price)) => {
                (PricingKind::Price, format_amount(price, currency_decimals))
            }
            Some(Pricing::Rate(rate)) => {
                (PricingKind::Rate, format_amount(rate, self.token_decimals))
            }
        };
        SaleDraft {
            project_name: self.project_name.clone(),
            token_symbol: self.token_symbol.clone(),
            token_decimals: self.token_decimals.to_string(),
            chain_id: self.chain_id.to_string(),
            contribution_address: checksummed(&self.contribution_address),
            currency_kind,
            currency_symbol: self.currency.symbol().to_owned(),
            currency_address,
            currency_decimals: currency_decimals_text,
            pricing_kind,
            pricing_amount,
            soft_cap: amount(self.soft_cap, currency_decimals),
            hard_cap: amount(self.hard_cap, currency_decimals),
            min_contribution: amount(self.min_contribution, currency_decimals),
            max_contribution: amount(self.max_contribution, currency_decimals),
            starts_at: self.window.starts_at().to_form_text(),
            ends_at: self.window.ends_at().to_form_text(),
            kyc_required: self.kyc_required,
            whitepaper_url: self
                .whitepaper_url
                .as_ref()
                .map(Url::to_string)
                .unwrap_or_default(),
            notes: self.notes.clone(),
        }
    }

    /// Upcoming before the start, open until the end, ended from the end on.
    pub fn status(&self, now: UtcTimestamp) -> SaleStatus {
        if now < self.window.starts_at() {
            SaleStatus::Upcoming
        } else if now < self.window.ends_at() {
            SaleStatus::Open
        } else {
            SaleStatus::Ended
        }
    }
}

fn show(value: U256, currency: &AcceptedCurrency) -> String {
    format!(
        "{} {}",
        format_amount(value, currency.decimals()),
        currency.symbol()
    )
}

/// Collects violations while each field is checked; a field that fails yields `None`.
#[derive(Default)]
struct Checker {
    violations: Vec<Violation>,
}

impl Checker {
    fn fail(&mut self, field: SaleField, code: ValidationCode, message: impl Into<String>) {
        self.violations.push(Violation::new(field, code, message));
    }

    fn text(
        &mut self,
        field: SaleField,
        input: &str,
        max_chars: usize,
        required: bool,
    ) -> Option<String> {
        // Line breaks pasted from Windows (CRLF) are kept as plain line breaks.
        let text = input.trim().replace("\r\n", "\n");
        if required && text.is_empty() {
            self.fail(field, ValidationCode::Required, "this field is required");
            return None;
        }
        let chars = text.chars().count();
        if chars > max_chars {
            self.fail(
                field,
                ValidationCode::TooLong,
                format!("at most {max_chars} characters (this has {chars})"),
            );
            return None;
        }
        let allowed_control = |c: char| field == SaleField::Notes && (c == '\n' || c == '\t');
        if text.chars().any(|c| c.is_control() && !allowed_control(c)) {
            self.fail(
                field,
                ValidationCode::InvalidText,
                "contains control characters",
            );
            return None;
        }
        if text.chars().any(is_bidi_control) {
            self.fail(
                field,
                ValidationCode::InvalidText,
                "contains invisible text-direction characters, which can disguise what is shown",
            );
            return None;
        }
        Some(text)
    }

    fn symbol(&mut self, field: SaleField, input: &str) -> Option<String> {
        let symbol = self.text(field, input, MAX_SYMBOL_CHARS, true)?;
        let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '$');
        if symbol.chars().all(allowed) {
            Some(symbol)
        } else {
            self.fail(
                field,
                ValidationCode::InvalidSymbol,
                "use letters, digits and . - _ $ only (e.g. USDC)",
            );
            None
        }
    }

    fn decimals(&mut self, field: SaleField, input: &str) -> Option<u8> {
        let text = input.trim();
        if text.is_empty() {
            self.fail(
                field,
                ValidationCode::Required,
                "enter the number of decimals (often 18)",
            );
            return None;
        }
        match text.parse::<u8>() {
            Ok(decimals)
                if decimals <= MAX_DECIMALS && text.bytes().all(|b| b.is_ascii_digit()) =>
            {
                Some(decimals)
            }
            _ => {
                self.fail(
                    field,
                    ValidationCode::InvalidDecimals,
                    format!("decimals are a whole number from 0 to {MAX_DECIMALS}"),
                );
                None
            }
        }
    }

    fn chain_id(&mut self, input: &str) -> Option<u64> {
        let text = input.trim();
        if text.is_empty() {
            self.fail(
                SaleField::ChainId,
                ValidationCode::Required,
                "enter the chain id (1 for Ethereum)",
            );
            return None;
        }
        match text.parse::<u64>() {
            Ok(id)
                if (1..=MAX_CHAIN_ID).contains(&id) && text.bytes().all(|b| b.is_ascii_digit()) =>
            {
                Some(id)
            }
            _ => {
                self.fail(
                    SaleField::ChainId,
                    ValidationCode::InvalidChainId,
                    format!(
                        "a chain id is a whole number from 1 to {MAX_CHAIN_ID} (1 for Ethereum)"
                    ),
                );
                None
            }
        }
    }

    fn address(&mut self, field: SaleField, input: &str) -> Option<Address> {
        match parse_address(input) {
            Ok(address) => Some(address),
            Err(error) => {
                let code = match error {
                    AddressError::Empty => ValidationCode::Required,
                    AddressError::BadChecksum => ValidationCode::BadChecksum,
                    AddressError::Malformed | AddressError::Zero => ValidationCode::InvalidAddress,
                };
                self.fail(field, code, error.to_string());
                None
            }
        }
    }

    /// `Some(None)` when empty, `Some(Some(v))` when valid, `None` when refused.
    /// Without known decimals (the currency was refused) nothing more can be said.
    fn optional_amount(
        &mut self,
        field: SaleField,
        input: &str,
        decimals: Option<u8>,
        must_be_positive: bool,
    ) -> Option<Option<U256>> {
        if input.trim().is_empty() {
            return Some(None);
        }
        let value = self.amount(field, input, decimals?)?;
        if must_be_positive && value.is_zero() {
            self.fail(
                field,
                ValidationCode::InvalidAmount,
                "must be greater than zero, or left empty",
            );
            return None;
        }
        Some(Some(value))
    }

    fn positive_amount(
        &mut self,
        field: SaleField,
        input: &str,
        decimals: Option<u8>,
    ) -> Option<U256> {
        if input.trim().is_empty() {
            self.fail(
                field,
                ValidationCode::Required,
                "enter the price or rate, or choose \"none\"",
            );
            return None;
        }
        let value = self.amount(field, input, decimals?)?;
        if value.is_zero() {
            self.fail(
                field,
                ValidationCode::InvalidAmount,
                "must be greater than zero",
            );
            return None;
        }
        Some(value)
    }

    fn amount(&mut self, field: SaleField, input: &str, decimals: u8) -> Option<U256> {
        parse_amount(input, decimals)
            .map_err(|error| {
                let code = match error {
                    AmountError::Empty => ValidationCode::Required,
                    AmountError::TooManyDecimalPlaces { .. } => {
                        ValidationCode::TooManyDecimalPlaces
                    }
                    AmountError::TooLarge => ValidationCode::AmountTooLarge,
                    AmountError::Negative
                    | AmountError::Spaces
                    | AmountError::Sign
                    | AmountError::Separator
                    | AmountError::Exponent
                    | AmountError::Malformed => ValidationCode::InvalidAmount,
                };
                self.fail(field, code, error.to_string());
            })
            .ok()
    }

    fn timestamp(&mut self, field: SaleField, input: &str) -> Option<UtcTimestamp> {
        UtcTimestamp::parse(input)
            .map_err(|error| {
                let code = match error {
                    TimestampError::Empty => ValidationCode::Required,
                    TimestampError::Malformed | TimestampError::OutOfRange => {
                        ValidationCode::InvalidDatetime
                    }
                };
                self.fail(field, code, error.to_string());
            })
            .ok()
    }

    /// `Some(None)` when empty, `Some(Some(url))` when valid, `None` when refused.
    fn optional_url(&mut self, field: SaleField, input: &str) -> Option<Option<Url>> {
        let text = self.text(field, input, MAX_URL_CHARS, false)?;
        if text.is_empty() {
            return Some(None);
        }
        match Url::parse(&text) {
            // The stored form is the normalised one; it must also fit the limit.
            Ok(url) if url.as_str().chars().count() > MAX_URL_CHARS => {
                self.fail(
                    field,
                    ValidationCode::TooLong,
                    format!("at most {MAX_URL_CHARS} characters"),
                );
                None
            }
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => {
                Some(Some(url))
            }
            _ => {
                self.fail(
                    field,
                    ValidationCode::InvalidUrl,
                    "enter a web address starting with https:// (or http://)",
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests;
