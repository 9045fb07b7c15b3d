//! What several capabilities send to the shells: exact amounts and the app's own
//! description. Amounts travel as exact decimal strings beside their base units, never
//! as numbers.

use saleguard_core::U256;
use saleguard_core::amount::format_amount;
use serde::Serialize;

/// An exact amount of a currency or token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Amount {
    /// Integer base units as decimal digits (e.g. wei).
    pub base_units: String,
    pub decimals: u8,
    /// The same amount as an exact decimal string in whole units, e.g. `"1.5"`.
    pub decimal: String,
    pub symbol: String,
}

impl From<&saleguard_core::portfolio::Money> for Amount {
    fn from(money: &saleguard_core::portfolio::Money) -> Self {
        Self::new(money.amount, money.decimals, &money.asset)
    }
}

impl Amount {
    pub fn new(base_units: U256, decimals: u8, symbol: &str) -> Self {
        Self {
            base_units: base_units.to_string(),
            decimals,
            decimal: format_amount(base_units, decimals),
            symbol: symbol.to_owned(),
        }
    }
}

/// Where Saleguard keeps its files, and which version is running.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub database_path: String,
    pub log_path: String,
}

/// A count as it crosses to the shells (saturating: no list here nears `u32::MAX`).
pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
