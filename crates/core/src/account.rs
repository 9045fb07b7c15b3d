//! Accounts as Saleguard records them: public data only (label, kind, address,
//! derivation path). Secrets are the vault's business and never appear here.

use std::fmt;

use alloy_primitives::Address;

use crate::text::is_bidi_control;
use crate::timestamp::UtcTimestamp;

/// An account's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AccountId(pub i64);

/// An account as recorded: only public data. `secret_reference` names the keyring
/// entry holding the secret (several accounts derived from one recovery phrase share it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: AccountId,
    pub label: String,
    pub kind: AccountKind,
    pub address: Address,
    pub derivation_path: Option<DerivationPath>,
    pub secret_reference: Option<String>,
    pub created_at: UtcTimestamp,
}

/// An account about to be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub label: String,
    pub kind: AccountKind,
    pub address: Address,
    pub derivation_path: Option<DerivationPath>,
    pub secret_reference: Option<String>,
}

/// Longest label, in characters.
pub const MAX_LABEL_CHARS: usize = 64;

/// How an account came to be, and so what it can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// A recovery phrase Saleguard generated and the user confirmed.
    GeneratedMnemonic,
    /// A recovery phrase the user brought, with an optional passphrase.
    ImportedMnemonic,
    /// A single private key the user brought.
    PrivateKey,
    /// An address only: it can be tracked, not signed for.
    WatchOnly,
    /// A key held by a Ledger or a Trezor.
    Hardware,
}

impl AccountKind {
    pub const ALL: [AccountKind; 5] = [
        Self::GeneratedMnemonic,
        Self::ImportedMnemonic,
        Self::PrivateKey,
        Self::WatchOnly,
        Self::Hardware,
    ];

    /// The stable name kept in the database and sent to the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::GeneratedMnemonic => "generated_mnemonic",
            Self::ImportedMnemonic => "imported_mnemonic",
            Self::PrivateKey => "private_key",
            Self::WatchOnly => "watch_only",
            Self::Hardware => "hardware",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }

    /// Whether further addresses can be derived from the same secret.
    pub fn can_derive(self) -> bool {
        matches!(self, Self::GeneratedMnemonic | Self::ImportedMnemonic)
    }
}

/// Why a label is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LabelError {
    #[error("give the account a name")]
    Empty,
    #[error("at most {MAX_LABEL_CHARS} characters (this has {0})")]
    TooLong(usize),
    #[error("contains control or invisible text-direction characters")]
    InvalidText,
}

/// Trims and checks an account label.
pub fn parse_label(input: &str) -> Result<String, LabelError> {
    let label = input.trim();
    if label.is_empty() {
        return Err(LabelError::Empty);
    }
    let chars = label.chars().count();
    if chars > MAX_LABEL_CHARS {
        return Err(LabelError::TooLong(chars));
    }
    if label.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return Err(LabelError::InvalidText);
    }
    Ok(label.to_owned())
}

/// The hardware wallets Saleguard talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HardwareWallet {
    Ledger,
    Trezor,
}

impl HardwareWallet {
    pub const ALL: [HardwareWallet; 2] = [Self::Ledger, Self::Trezor];

    /// The stable name kept in the database and sent to the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ledger => "ledger",
            Self::Trezor => "trezor",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|wallet| wallet.as_str() == name)
    }

    /// The wallet's name for people ("Ledger").
    pub fn name(self) -> &'static str {
        match self {
            Self::Ledger => "Ledger",
            Self::Trezor => "Trezor",
        }
    }
}

/// How wallets lay out Ethereum addresses on a key: the same device shows different
/// addresses in different wallet software, so the user picks the one they used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PathScheme {
    /// Ledger Live: `m/44'/60'/i'/0/0`.
    LedgerLive,
    /// Ledger's legacy (MyEtherWallet-era) layout: `m/44'/60'/0'/i`.
    Legacy,
    /// BIP-44 as most software wallets use it: `m/44'/60'/0'/0/i`.
    Bip44,
}

impl PathScheme {
    pub const ALL: [PathScheme; 3] = [Self::LedgerLive, Self::Legacy, Self::Bip44];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::LedgerLive => "ledger_live",
            Self::Legacy => "legacy",
            Self::Bip44 => "bip44",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|scheme| scheme.as_str() == name)
    }

    /// The path of the `index`-th address (from 0), if the index fits.
    pub fn path(self, index: u32) -> Option<DerivationPath> {
        if index >= HARDENED {
            return None;
        }
        let (purpose, coin) = (44 | HARDENED, 60 | HARDENED);
        Some(DerivationPath(match self {
            Self::LedgerLive => vec![purpose, coin, index | HARDENED, 0, 0],
            Self::Legacy => vec![purpose, coin, HARDENED, index],
            Self::Bip44 => vec![purpose, coin, HARDENED, 0, index],
        }))
    }
}

/// The bit that marks a hardened BIP-32 index.
pub const HARDENED: u32 = 0x8000_0000;

/// Most components a path may have; real wallets use five.
const MAX_PATH_DEPTH: usize = 10;

/// A BIP-32 derivation path such as `m/44'/60'/0'/0/0`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DerivationPath(Vec<u32>);

/// Why a derivation path is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DerivationPathError {
    #[error("enter a derivation path, e.g. m/44'/60'/0'/0/0")]
    Empty,
    #[error("a derivation path starts with m/ and lists numbers, e.g. m/44'/60'/0'/0/0")]
    Malformed,
    #[error("each number in a derivation path must be below 2147483648")]
    IndexTooLarge,
    #[error("a derivation path has at most {MAX_PATH_DEPTH} levels")]
    TooDeep,
    #[error("no further address can be derived after index 2147483647")]
    Exhausted,
}

impl DerivationPath {
    /// The path Ethereum wallets use for their first address.
    pub const ETHEREUM_FIRST: &str = "m/44'/60'/0'/0/0";

    /// The first Ethereum address (`m/44'/60'/0'/0/0`).
    pub fn ethereum_first() -> Self {
        Self(vec![44 | HARDENED, 60 | HARDENED, HARDENED, 0, 0])
    }

    /// Parses `m/…` with `'` or `h` marking hardened levels; spaces around are ignored.
    pub fn parse(input: &str) -> Result<Self, DerivationPathError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(DerivationPathError::Empty);
        }
        let rest = text
            .strip_prefix("m/")
            .ok_or(DerivationPathError::Malformed)?;
        let mut components = Vec::new();
        for part in rest.split('/') {
            let (digits, hardened) = match part.strip_suffix(['\'', 'h', 'H']) {
                Some(digits) => (digits, true),
                None => (part, false),
            };
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DerivationPathError::Malformed);
            }
            let index = digits
                .parse::<u32>()
                .ok()
                .filter(|index| *index < HARDENED)
                .ok_or(DerivationPathError::IndexTooLarge)?;
            components.push(if hardened { index | HARDENED } else { index });
        }
        if components.len() > MAX_PATH_DEPTH {
            return Err(DerivationPathError::TooDeep);
        }
        Ok(Self(components))
    }

    /// Each level's index, hardened ones with [`HARDENED`] set.
    pub fn components(&self) -> &[u32] {
        &self.0
    }

    /// The same path with its last index increased by one (hardness kept).
    pub fn next(&self) -> Result<Self, DerivationPathError> {
        let mut components = self.0.clone();
        let last = components
            .last_mut()
            .ok_or(DerivationPathError::Malformed)?;
        let hardened = *last & HARDENED;
        let index = (*last & !HARDENED) + 1;
        if index >= HARDENED {
            return Err(DerivationPathError::Exhausted);
        }
        *last = index | hardened;
        Ok(Self(components))
    }
}

impl fmt::Display for DerivationPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("m")?;
        for component in &self.0 {
            let index = component & !HARDENED;
            if component & HARDENED == 0 {
                write!(f, "/{index}")?;
            } else {
                write!(f, "/{index}'")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_wallet_scheme_lays_addresses_out_its_own_way() {
        let paths = |scheme: PathScheme| -> Vec<String> {
            (0..3)
                .map(|i| scheme.path(i).expect("a path").to_string())
                .collect()
        };
        assert_eq!(
            paths(PathScheme::LedgerLive),
            ["m/44'/60'/0'/0/0", "m/44'/60'/1'/0/0", "m/44'/60'/2'/0/0"]
        );
        assert_eq!(
            paths(PathScheme::Legacy),
            ["m/44'/60'/0'/0", "m/44'/60'/0'/1", "m/44'/60'/0'/2"]
        );
        assert_eq!(
            paths(PathScheme::Bip44),
            ["m/44'/60'/0'/0/0", "m/44'/60'/0'/0/1", "m/44'/60'/0'/0/2"]
        );
        assert_eq!(PathScheme::Bip44.path(HARDENED), None);
        for scheme in PathScheme::ALL {
            assert_eq!(PathScheme::parse(scheme.as_str()), Some(scheme));
        }
        assert_eq!(PathScheme::parse("electrum"), None);
        assert_eq!(
            HardwareWallet::parse("ledger"),
            Some(HardwareWallet::Ledger)
        );
        assert_eq!(HardwareWallet::parse("keepkey"), None);
    }

    #[test]
    fn parses_and_prints_paths_canonically() {
        for (input, shown) in [
            ("m/44'/60'/0'/0/0", "m/44'/60'/0'/0/0"),
            (" m/44h/60h/0h/0/7 ", "m/44'/60'/0'/0/7"),
            ("m/44H/60'/3'", "m/44'/60'/3'"),
            ("m/0", "m/0"),
            ("m/2147483647'", "m/2147483647'"),
        ] {
            let path = DerivationPath::parse(input).expect(input);
            assert_eq!(path.to_string(), shown, "{input}");
        }
        assert_eq!(
            DerivationPath::parse(DerivationPath::ETHEREUM_FIRST),
            Ok(DerivationPath::ethereum_first())
        );
    }

    #[test]
    fn refuses_malformed_paths_with_a_reason() {
        use DerivationPathError::*;
        for (input, expected) in [
            ("", Empty),
            ("   ", Empty),
            ("m", Malformed),
            ("m/", Malformed),
            ("44'/60'/0'/0/0", Malformed),
            ("M/44'/60'", Malformed),
            ("m/44'/60'/0'/0/", Malformed),
            ("m//0", Malformed),
            ("m/44''/0", Malformed),
            ("m/-1", Malformed),
            ("m/+1", Malformed),
            ("m/1 /2", Malformed),
            ("m/x", Malformed),
            ("m/2147483648", IndexTooLarge),
            ("m/99999999999999999999", IndexTooLarge),
            ("m/0/0/0/0/0/0/0/0/0/0/0", TooDeep),
        ] {
            assert_eq!(DerivationPath::parse(input), Err(expected), "{input:?}");
        }
    }

    #[test]
    fn next_increments_the_last_level_and_keeps_hardness() {
        let path = DerivationPath::parse("m/44'/60'/0'/0/9").expect("valid");
        assert_eq!(path.next().expect("next").to_string(), "m/44'/60'/0'/0/10");
        let hardened = DerivationPath::parse("m/44'/60'/4'").expect("valid");
        assert_eq!(hardened.next().expect("next").to_string(), "m/44'/60'/5'");
        let last = DerivationPath::parse("m/44'/2147483647").expect("valid");
        assert_eq!(last.next(), Err(DerivationPathError::Exhausted));
    }

    #[test]
    fn labels_are_trimmed_and_checked() {
        assert_eq!(parse_label("  Savings  "), Ok("Savings".to_owned()));
        assert_eq!(parse_label(" \t "), Err(LabelError::Empty));
        assert_eq!(parse_label(&"a".repeat(65)), Err(LabelError::TooLong(65)));
        assert_eq!(parse_label(&"é".repeat(64)), Ok("é".repeat(64)));
        assert_eq!(parse_label("a\u{0007}b"), Err(LabelError::InvalidText));
        assert_eq!(
            parse_label("evil\u{202E}lave"),
            Err(LabelError::InvalidText)
        );
    }

    #[test]
    fn kinds_round_trip_through_their_names() {
        for kind in AccountKind::ALL {
            assert_eq!(AccountKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(AccountKind::parse("ledger"), None);
    }
}
