//! The one error shape every shell shows: a stable code, a message for people, and
//! the form field at fault when there is one.

use saleguard_chain::ChainError;
use saleguard_core::sale::{ValidationCode, Violations};
use saleguard_store::StoreError;
use saleguard_vault::KeyringError;
use serde::Serialize;

/// Stable, machine-readable error codes. The UI and scripts match on these, never on
/// messages. Documented in `docs/error-codes.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    // Input that breaks a rule (always with a field).
    Required,
    TooLong,
    TooShort,
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
    // Account input.
    LabelTaken,
    MnemonicWordCount,
    MnemonicUnknownWord,
    MnemonicChecksum,
    InvalidDerivationPath,
    InvalidPrivateKey,
    PrivateKeyOutOfRange,
    MnemonicConfirmationMismatch,
    PendingMnemonicExpired,
    // Participation steps.
    IllegalTransition,
    KycNotApproved,
    BeforePreviousStep,
    InTheFuture,
    // Vesting plans.
    InvalidPercent,
    InvalidMonths,
    InvalidChoice,
    InvalidVestingPlan,
    // Research and KYC.
    InvalidScore,
    TooManyLinks,
    UnknownCountry,
    ContradictoryJurisdictions,
    InvalidDigest,
    EmptyFile,
    FileUnreadable,
    // Budgets and prices.
    UnknownCurrency,
    InvalidPeriod,
    CapAboveTotal,
    // The online price source.
    PriceApiOff,
    PriceApiUnreachable,
    PriceApiRateLimited,
    PriceApiKeyRefused,
    PriceApiFailed,
    /// A document the user asked for by its web address could not be fetched.
    DownloadFailed,
    // Overriding a review.
    NothingToOverride,
    NotOverridable,
    // Importing an export.
    ImportRefused,
    ImportCancelled,
    WeakPassphrase,
    WrongPassphrase,
    BackupDamaged,
    InvalidJson,
    UnsupportedFormat,
    InvalidValue,
    DuplicateId,
    UnknownReference,
    DataNotEmpty,
    FileNotWritten,
    // The user's node.
    InvalidCall,
    InvalidArgument,
    NetworkNotFound,
    NetworkNotConfigured,
    NodeUnreachable,
    WrongChain,
    NodeTimeout,
    NodeRefused,
    // Signing and sending.
    NoRefundCall,
    ActionNotOffered,
    NotReplaceable,
    TokenUnknown,
    ReviewBlocked,
    ReviewOutdated,
    SigningCancelled,
    SigningFailed,
    TransactionNotFound,
    TransactionChanged,
    NonceReserved,
    NoExplorer,
    BrowserUnavailable,
    // Hardware wallets.
    DeviceNotFound,
    DeviceLocked,
    DeviceAppNotOpen,
    BlindSigningDisabled,
    DeviceRejected,
    DeviceTimeout,
    DeviceDisconnected,
    DeviceBusy,
    DeviceMalformed,
    DeviceRefused,
    DeviceAddressMismatch,
    // Things that are not there, or already are.
    SaleNotFound,
    BudgetNotFound,
    TradeNotFound,
    AccountNotFound,
    AccountExists,
    ContactNotFound,
    OfficialAddressNotFound,
    SourceNotFound,
    ScamListNotFound,
    ContactExists,
    ActionNotFound,
    ActionExists,
    TransferNotFound,
    ParticipationNotFound,
    ParticipationExists,
    ParticipationChanged,
    SaleHasParticipations,
    SaleHasOverrides,
    // Operations an account does not support.
    NotDerivable,
    NoSecret,
    // The OS keyring.
    KeyringLocked,
    KeyringUnavailable,
    KeyringAccessDenied,
    KeyringEntryMissing,
    KeyringEntryUnreadable,
    KeyringFailure,
    // The data file and its directory.
    DatabaseNewerThanApp,
    NotADatabase,
    DatabaseCorrupt,
    StorageFailed,
    DataDirUnavailable,
    AppAlreadyOpen,
    // Shell-level refusals.
    ConfirmationRequired,
    ConfirmationMismatch,
    InvalidArguments,
    Internal,
}

impl ErrorCode {
    /// Every code, for documentation checks.
    pub const ALL: &[ErrorCode] = &[
        Self::Required,
        Self::TooLong,
        Self::TooShort,
        Self::InvalidText,
        Self::InvalidAmount,
        Self::TooManyDecimalPlaces,
        Self::AmountTooLarge,
        Self::InvalidDecimals,
        Self::InvalidChainId,
        Self::InvalidAddress,
        Self::BadChecksum,
        Self::InvalidSymbol,
        Self::InvalidDatetime,
        Self::EndsBeforeStart,
        Self::SoftCapAboveHardCap,
        Self::MinAboveMax,
        Self::InvalidUrl,
        Self::LabelTaken,
        Self::MnemonicWordCount,
        Self::MnemonicUnknownWord,
        Self::MnemonicChecksum,
        Self::InvalidDerivationPath,
        Self::InvalidPrivateKey,
        Self::PrivateKeyOutOfRange,
        Self::MnemonicConfirmationMismatch,
        Self::PendingMnemonicExpired,
        Self::IllegalTransition,
        Self::KycNotApproved,
        Self::BeforePreviousStep,
        Self::InTheFuture,
        Self::InvalidPercent,
        Self::InvalidMonths,
        Self::InvalidChoice,
        Self::InvalidVestingPlan,
        Self::InvalidScore,
        Self::TooManyLinks,
        Self::UnknownCountry,
        Self::ContradictoryJurisdictions,
        Self::InvalidDigest,
        Self::EmptyFile,
        Self::FileUnreadable,
        Self::UnknownCurrency,
        Self::InvalidPeriod,
        Self::CapAboveTotal,
        Self::PriceApiOff,
        Self::PriceApiUnreachable,
        Self::PriceApiRateLimited,
        Self::PriceApiKeyRefused,
        Self::PriceApiFailed,
        Self::DownloadFailed,
        Self::NothingToOverride,
        Self::NotOverridable,
        Self::ImportRefused,
        Self::ImportCancelled,
        Self::WeakPassphrase,
        Self::WrongPassphrase,
        Self::BackupDamaged,
        Self::InvalidJson,
        Self::UnsupportedFormat,
        Self::InvalidValue,
        Self::DuplicateId,
        Self::UnknownReference,
        Self::DataNotEmpty,
        Self::FileNotWritten,
        Self::BudgetNotFound,
        Self::TradeNotFound,
        Self::SaleNotFound,
        Self::AccountNotFound,
        Self::AccountExists,
        Self::ContactNotFound,
        Self::OfficialAddressNotFound,
        Self::SourceNotFound,
        Self::ScamListNotFound,
        Self::InvalidCall,
        Self::InvalidArgument,
        Self::ActionNotFound,
        Self::TransferNotFound,
        Self::ActionExists,
        Self::NetworkNotFound,
        Self::NetworkNotConfigured,
        Self::NodeUnreachable,
        Self::WrongChain,
        Self::NodeTimeout,
        Self::NodeRefused,
        Self::NoRefundCall,
        Self::ActionNotOffered,
        Self::NotReplaceable,
        Self::TokenUnknown,
        Self::ReviewBlocked,
        Self::ReviewOutdated,
        Self::SigningCancelled,
        Self::SigningFailed,
        Self::TransactionNotFound,
        Self::TransactionChanged,
        Self::NonceReserved,
        Self::NoExplorer,
        Self::BrowserUnavailable,
        Self::DeviceNotFound,
        Self::DeviceLocked,
        Self::DeviceAppNotOpen,
        Self::BlindSigningDisabled,
        Self::DeviceRejected,
        Self::DeviceTimeout,
        Self::DeviceDisconnected,
        Self::DeviceBusy,
        Self::DeviceMalformed,
        Self::DeviceRefused,
        Self::DeviceAddressMismatch,
        Self::ContactExists,
        Self::ParticipationNotFound,
        Self::ParticipationExists,
        Self::ParticipationChanged,
        Self::SaleHasParticipations,
        Self::SaleHasOverrides,
        Self::NotDerivable,
        Self::NoSecret,
        Self::KeyringLocked,
        Self::KeyringUnavailable,
        Self::KeyringAccessDenied,
        Self::KeyringEntryMissing,
        Self::KeyringEntryUnreadable,
        Self::KeyringFailure,
        Self::DatabaseNewerThanApp,
        Self::NotADatabase,
        Self::DatabaseCorrupt,
        Self::StorageFailed,
        Self::DataDirUnavailable,
        Self::AppAlreadyOpen,
        Self::ConfirmationRequired,
        Self::ConfirmationMismatch,
        Self::InvalidArguments,
        Self::Internal,
    ];

    /// The code as it appears on the wire and on the command line.
    pub fn as_str(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|value| value.as_str().map(str::to_owned))
            .unwrap_or_else(|| "internal".to_owned())
    }
}

impl From<ValidationCode> for ErrorCode {
    fn from(code: ValidationCode) -> Self {
        match code {
            ValidationCode::Required => Self::Required,
            ValidationCode::TooLong => Self::TooLong,
            ValidationCode::InvalidText => Self::InvalidText,
            ValidationCode::InvalidAmount => Self::InvalidAmount,
            ValidationCode::TooManyDecimalPlaces => Self::TooManyDecimalPlaces,
            ValidationCode::AmountTooLarge => Self::AmountTooLarge,
            ValidationCode::InvalidDecimals => Self::InvalidDecimals,
            ValidationCode::InvalidChainId => Self::InvalidChainId,
            ValidationCode::InvalidAddress => Self::InvalidAddress,
            ValidationCode::BadChecksum => Self::BadChecksum,
            ValidationCode::InvalidSymbol => Self::InvalidSymbol,
            ValidationCode::InvalidDatetime => Self::InvalidDatetime,
            ValidationCode::EndsBeforeStart => Self::EndsBeforeStart,
            ValidationCode::SoftCapAboveHardCap => Self::SoftCapAboveHardCap,
            ValidationCode::MinAboveMax => Self::MinAboveMax,
            ValidationCode::InvalidUrl => Self::InvalidUrl,
        }
    }
}

/// A problem with one form field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    pub field: String,
    pub code: ErrorCode,
    pub message: String,
}

/// The error every use case returns. `code`, `message` and `field` describe the first
/// problem; `invalid_fields` lists every field problem, so a form can mark them all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<String>,
    pub invalid_fields: Vec<FieldError>,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            field: None,
            invalid_fields: Vec::new(),
        }
    }
}

impl AppError {
    /// An error about one form field.
    pub fn at_field(field: &str, code: ErrorCode, message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            code,
            message: format!("{field}: {message}"),
            field: Some(field.to_owned()),
            invalid_fields: vec![FieldError {
                field: field.to_owned(),
                code,
                message,
            }],
        }
    }

    /// The error of an input refused field by field. A refusal that named no field is a
    /// bug in the rules, reported as `internal` rather than passed off as success.
    pub fn refused(invalid_fields: Vec<FieldError>) -> Self {
        Self::from_fields(invalid_fields)
            .unwrap_or_else(|| Self::new(ErrorCode::Internal, "refused without a reason"))
    }

    /// One error for several field problems (the first one leads), as a form wants them.
    pub fn from_fields(invalid_fields: Vec<FieldError>) -> Option<Self> {
        let first = invalid_fields.first()?.clone();
        Some(Self {
            code: first.code,
            message: format!("{}: {}", first.field, first.message),
            field: Some(first.field),
            invalid_fields,
        })
    }
}

impl From<KeyringError> for AppError {
    fn from(error: KeyringError) -> Self {
        let code = match &error {
            KeyringError::Locked => ErrorCode::KeyringLocked,
            KeyringError::Unavailable { .. } => ErrorCode::KeyringUnavailable,
            KeyringError::AccessDenied => ErrorCode::KeyringAccessDenied,
            KeyringError::EntryMissing => ErrorCode::KeyringEntryMissing,
            KeyringError::EntryUnreadable => ErrorCode::KeyringEntryUnreadable,
            KeyringError::Failure { .. } => ErrorCode::KeyringFailure,
        };
        tracing::warn!(?code, ?error, "the keyring could not be used");
        Self::new(code, error.to_string())
    }
}

impl From<Violations> for AppError {
    fn from(Violations(violations): Violations) -> Self {
        let invalid_fields: Vec<FieldError> = violations
            .into_iter()
            .map(|v| FieldError {
                field: v.field.as_str().to_owned(),
                code: v.code.into(),
                message: v.message,
            })
            .collect();
        match invalid_fields.first() {
            Some(first) => Self {
                code: first.code,
                message: format!("{}: {}", first.field, first.message),
                field: Some(first.field.clone()),
                invalid_fields,
            },
            None => Self::new(ErrorCode::Internal, "the sale was refused without a reason"),
        }
    }
}

impl From<ChainError> for AppError {
    fn from(error: ChainError) -> Self {
        let code = match &error {
            ChainError::NotConfigured { .. } => ErrorCode::NetworkNotConfigured,
            ChainError::Unreachable { .. } => ErrorCode::NodeUnreachable,
            ChainError::WrongChain { .. } => ErrorCode::WrongChain,
            ChainError::Timeout { .. } => ErrorCode::NodeTimeout,
            ChainError::Refused { .. } => ErrorCode::NodeRefused,
        };
        Self::new(code, error.to_string())
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        let code = match &error {
            StoreError::NewerThanApp { .. } => ErrorCode::DatabaseNewerThanApp,
            StoreError::NotADatabase { .. } | StoreError::OtherProgramsDatabase { .. } => {
                ErrorCode::NotADatabase
            }
            StoreError::Corrupt { .. }
            | StoreError::InvalidRow { .. }
            | StoreError::MigrationBrokeReferences { .. } => ErrorCode::DatabaseCorrupt,
            StoreError::SaleNotFound(_) => ErrorCode::SaleNotFound,
            StoreError::TransactionNotFound(_) => ErrorCode::TransactionNotFound,
            StoreError::TransactionChanged { .. } => ErrorCode::TransactionChanged,
            StoreError::NonceReserved(_) => ErrorCode::NonceReserved,
            StoreError::AccountNotFound(_) => ErrorCode::AccountNotFound,
            StoreError::ParticipationNotFound(_) => ErrorCode::ParticipationNotFound,
            StoreError::ParticipationExists { .. } => ErrorCode::ParticipationExists,
            StoreError::ParticipationChanged(_) => ErrorCode::ParticipationChanged,
            StoreError::SaleHasParticipations(_) => ErrorCode::SaleHasParticipations,
            StoreError::SaleHasOverrides(_) => ErrorCode::SaleHasOverrides,
            StoreError::ActionNotFound(_) => ErrorCode::ActionNotFound,
            StoreError::TransferNotFound(_) => ErrorCode::TransferNotFound,
            StoreError::Sqlite(_) | StoreError::Io { .. } => ErrorCode::StorageFailed,
        };
        if code == ErrorCode::StorageFailed {
            tracing::error!(%error, "storage failure");
        }
        Self::new(code, error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    /// A new variant fails to compile here until it is also added to `ErrorCode::ALL`
    /// (and so to the documentation check).
    #[test]
    fn all_lists_every_code() {
        let position = |code: ErrorCode| ErrorCode::ALL.iter().position(|c| *c == code);
        for code in ErrorCode::ALL {
            match code {
                ErrorCode::Required
                | ErrorCode::TooLong
                | ErrorCode::InvalidText
                | ErrorCode::InvalidAmount
                | ErrorCode::TooManyDecimalPlaces
                | ErrorCode::AmountTooLarge
                | ErrorCode::InvalidDecimals
                | ErrorCode::InvalidChainId
                | ErrorCode::InvalidAddress
                | ErrorCode::BadChecksum
                | ErrorCode::InvalidSymbol
                | ErrorCode::InvalidDatetime
                | ErrorCode::EndsBeforeStart
                | ErrorCode::SoftCapAboveHardCap
                | ErrorCode::MinAboveMax
                | ErrorCode::InvalidUrl
                | ErrorCode::SaleNotFound
                | ErrorCode::IllegalTransition
                | ErrorCode::KycNotApproved
                | ErrorCode::BeforePreviousStep
                | ErrorCode::InTheFuture
                | ErrorCode::InvalidPercent
                | ErrorCode::InvalidMonths
                | ErrorCode::InvalidChoice
                | ErrorCode::InvalidVestingPlan
                | ErrorCode::InvalidScore
                | ErrorCode::TooManyLinks
                | ErrorCode::UnknownCountry
                | ErrorCode::ContradictoryJurisdictions
                | ErrorCode::InvalidDigest
                | ErrorCode::EmptyFile
                | ErrorCode::FileUnreadable
                | ErrorCode::UnknownCurrency
                | ErrorCode::InvalidPeriod
                | ErrorCode::CapAboveTotal
                | ErrorCode::PriceApiOff
                | ErrorCode::PriceApiUnreachable
                | ErrorCode::PriceApiRateLimited
                | ErrorCode::PriceApiKeyRefused
                | ErrorCode::PriceApiFailed
                | ErrorCode::DownloadFailed
                | ErrorCode::BudgetNotFound
                | ErrorCode::TradeNotFound
                | ErrorCode::NothingToOverride
                | ErrorCode::NotOverridable
                | ErrorCode::ImportRefused
                | ErrorCode::ImportCancelled
                | ErrorCode::WeakPassphrase
                | ErrorCode::WrongPassphrase
                | ErrorCode::BackupDamaged
                | ErrorCode::InvalidJson
                | ErrorCode::UnsupportedFormat
                | ErrorCode::InvalidValue
                | ErrorCode::DuplicateId
                | ErrorCode::UnknownReference
                | ErrorCode::DataNotEmpty
                | ErrorCode::FileNotWritten
                | ErrorCode::ContactNotFound
                | ErrorCode::OfficialAddressNotFound
                | ErrorCode::SourceNotFound
                | ErrorCode::ScamListNotFound
                | ErrorCode::InvalidCall
                | ErrorCode::InvalidArgument
                | ErrorCode::ActionNotFound
                | ErrorCode::TransferNotFound
                | ErrorCode::ActionExists
                | ErrorCode::NetworkNotFound
                | ErrorCode::NetworkNotConfigured
                | ErrorCode::NodeUnreachable
                | ErrorCode::WrongChain
                | ErrorCode::NodeTimeout
                | ErrorCode::NodeRefused
                | ErrorCode::NoRefundCall
                | ErrorCode::ActionNotOffered
                | ErrorCode::NotReplaceable
                | ErrorCode::TokenUnknown
                | ErrorCode::ReviewBlocked
                | ErrorCode::ReviewOutdated
                | ErrorCode::SigningCancelled
                | ErrorCode::SigningFailed
                | ErrorCode::TransactionNotFound
                | ErrorCode::TransactionChanged
                | ErrorCode::NonceReserved
                | ErrorCode::NoExplorer
                | ErrorCode::BrowserUnavailable
                | ErrorCode::DeviceNotFound
                | ErrorCode::DeviceLocked
                | ErrorCode::DeviceAppNotOpen
                | ErrorCode::BlindSigningDisabled
                | ErrorCode::DeviceRejected
                | ErrorCode::DeviceTimeout
                | ErrorCode::DeviceDisconnected
                | ErrorCode::DeviceBusy
                | ErrorCode::DeviceMalformed
                | ErrorCode::DeviceRefused
                | ErrorCode::DeviceAddressMismatch
                | ErrorCode::ContactExists
                | ErrorCode::ParticipationNotFound
                | ErrorCode::ParticipationExists
                | ErrorCode::ParticipationChanged
                | ErrorCode::SaleHasParticipations
                | ErrorCode::SaleHasOverrides
                | ErrorCode::TooShort
                | ErrorCode::LabelTaken
                | ErrorCode::MnemonicWordCount
                | ErrorCode::MnemonicUnknownWord
                | ErrorCode::MnemonicChecksum
                | ErrorCode::InvalidDerivationPath
                | ErrorCode::InvalidPrivateKey
                | ErrorCode::PrivateKeyOutOfRange
                | ErrorCode::MnemonicConfirmationMismatch
                | ErrorCode::PendingMnemonicExpired
                | ErrorCode::AccountNotFound
                | ErrorCode::AccountExists
                | ErrorCode::NotDerivable
                | ErrorCode::NoSecret
                | ErrorCode::KeyringLocked
                | ErrorCode::KeyringUnavailable
                | ErrorCode::KeyringAccessDenied
                | ErrorCode::KeyringEntryMissing
                | ErrorCode::KeyringEntryUnreadable
                | ErrorCode::KeyringFailure
                | ErrorCode::DatabaseNewerThanApp
                | ErrorCode::NotADatabase
                | ErrorCode::DatabaseCorrupt
                | ErrorCode::StorageFailed
                | ErrorCode::DataDirUnavailable
                | ErrorCode::AppAlreadyOpen
                | ErrorCode::ConfirmationRequired
                | ErrorCode::ConfirmationMismatch
                | ErrorCode::InvalidArguments
                | ErrorCode::Internal => assert!(position(*code).is_some()),
            }
        }
        assert_eq!(
            ErrorCode::ALL.len(),
            132,
            "update this count with the match above"
        );
    }
}
