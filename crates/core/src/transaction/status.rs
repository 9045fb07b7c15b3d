//! What a transaction Saleguard planned is for, and where it stands: the names kept in
//! the database, sent to the shells and printed are the same ([`TxStatus::as_str`]).

use crate::action::ActionPurpose;

/// What a transaction is for: the purpose of the sale's action it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum TxPurpose {
    /// Pays into the sale.
    Contribution,
    /// Lets a sale paid in a token take the contribution (ERC-20 `approve`).
    Approval,
    /// Claims the contribution back.
    Refund,
    /// Withdraws the tokens a post-delivery sale kept.
    TokenClaim,
    /// Releases vested tokens.
    VestedClaim,
    /// A call the user named.
    Call,
    /// Takes the place of a stuck transaction with nothing: a transfer of nothing from
    /// the account to itself, with the same nonce.
    Cancellation,
}

impl TxPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Contribution => "contribution",
            Self::Approval => "approval",
            Self::Refund => "refund",
            Self::TokenClaim => "token_claim",
            Self::VestedClaim => "vested_claim",
            Self::Call => "call",
            Self::Cancellation => "cancellation",
        }
    }

    pub const ALL: [TxPurpose; 7] = [
        Self::Contribution,
        Self::Approval,
        Self::Refund,
        Self::TokenClaim,
        Self::VestedClaim,
        Self::Call,
        Self::Cancellation,
    ];

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == text)
    }

    /// What taking an action of `purpose` is.
    pub fn of_action(purpose: ActionPurpose) -> Self {
        match purpose {
            ActionPurpose::Contribute => Self::Contribution,
            ActionPurpose::ApprovePayment => Self::Approval,
            ActionPurpose::ClaimRefund => Self::Refund,
            ActionPurpose::ClaimTokens => Self::TokenClaim,
            ActionPurpose::ClaimVested => Self::VestedClaim,
            ActionPurpose::Other => Self::Call,
        }
    }

    /// How the transaction is named in sentences: "the refund claim".
    pub fn words(self) -> &'static str {
        match self {
            Self::Contribution => "contribution",
            Self::Approval => "approval of the payment",
            Self::Refund => "refund claim",
            Self::TokenClaim => "token claim",
            Self::VestedClaim => "claim of vested tokens",
            Self::Call => "call",
            Self::Cancellation => "cancellation",
        }
    }
}

/// Where a transaction stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum TxStatus {
    /// Reviewed and built; nothing signed.
    Planned,
    /// Signed (its nonce reserved), not yet accepted by the node.
    Signed,
    /// Accepted by the node, not yet in a block.
    Sent,
    /// In a block, waiting for the network's confirmations.
    Mined,
    /// Mined, succeeded and confirmed.
    Confirmed,
    /// Mined but reverted (status 0).
    Failed,
    /// The node forgot it and its nonce is still free.
    Dropped,
    /// Another transaction with its nonce was mined instead.
    Replaced,
    /// The user gave up on the plan before signing.
    Abandoned,
}

impl TxStatus {
    pub const ALL: [TxStatus; 9] = [
        Self::Planned,
        Self::Signed,
        Self::Sent,
        Self::Mined,
        Self::Confirmed,
        Self::Failed,
        Self::Dropped,
        Self::Replaced,
        Self::Abandoned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::Signed => "signed",
            Self::Sent => "sent",
            Self::Mined => "mined",
            Self::Confirmed => "confirmed",
            Self::Failed => "failed",
            Self::Dropped => "dropped",
            Self::Replaced => "replaced",
            Self::Abandoned => "abandoned",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Signed and not settled: the watch goes on (after a restart too).
    pub fn is_in_flight(self) -> bool {
        matches!(self, Self::Signed | Self::Sent | Self::Mined)
    }

    /// Nothing more will happen to it.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::Confirmed | Self::Failed | Self::Dropped | Self::Replaced | Self::Abandoned
        )
    }
}
