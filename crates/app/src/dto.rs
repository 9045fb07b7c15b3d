//! What several capabilities send to the shells: exact amounts, the app's own
//! description, and long lists a page at a time (`PageInput`, `Page`, `ListOrder`).
//! Amounts travel as exact decimal strings beside their base units, never as numbers.

use saleguard_core::U256;
use saleguard_core::amount::format_amount;
use saleguard_core::entry::{MAX_ASSET_CHARS, is_symbol};
use saleguard_store::{MAX_PAGE_ROWS, PageRequest, TimeOrder};
use serde::Serialize;

use crate::{AppError, ErrorCode, FieldError};

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

/// Which rows of a long list to read (the price book, the trades): `limit` rows, 1 to
/// [`MAX_PAGE_ROWS`], after the first `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PageInput {
    pub offset: u32,
    pub limit: u32,
}

impl PageInput {
    /// The first page at its largest.
    pub const FIRST: Self = Self {
        offset: 0,
        limit: MAX_PAGE_ROWS,
    };

    pub(crate) fn checked(self) -> Result<PageRequest, AppError> {
        if self.limit == 0 || self.limit > MAX_PAGE_ROWS {
            return Err(AppError::at_field(
                "limit",
                ErrorCode::InvalidArgument,
                format!("a page holds 1 to {MAX_PAGE_ROWS} rows"),
            ));
        }
        Ok(PageRequest {
            offset: self.offset,
            limit: self.limit,
        })
    }
}

/// One page of a long list: its rows, where they start, and how many rows the whole
/// list (as filtered) holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub offset: u32,
    pub total: u32,
}

impl<T> Page<T> {
    pub(crate) fn of<R>(
        page: saleguard_store::Page<R>,
        offset: u32,
        view: impl Fn(&R) -> T,
    ) -> Self {
        Self {
            rows: page.rows.iter().map(view).collect(),
            offset,
            total: page.total,
        }
    }

    /// [`Page::of`] for rows whose view can fail (it reads more of the store).
    pub(crate) fn try_of<R>(
        page: saleguard_store::Page<R>,
        offset: u32,
        view: impl FnMut(R) -> Result<T, AppError>,
    ) -> Result<Self, AppError> {
        Ok(Self {
            rows: page.rows.into_iter().map(view).collect::<Result<_, _>>()?,
            offset,
            total: page.total,
        })
    }
}

/// The order of a dated list.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize, specta::Type,
)]
#[serde(rename_all = "camelCase")]
pub enum ListOrder {
    #[default]
    NewestFirst,
    OldestFirst,
}

impl From<ListOrder> for TimeOrder {
    fn from(order: ListOrder) -> Self {
        match order {
            ListOrder::NewestFirst => Self::NewestFirst,
            ListOrder::OldestFirst => Self::OldestFirst,
        }
    }
}

/// A list filter's symbol as typed: none when blank, else trimmed in capitals (a symbol
/// of 1 to 16 letters, digits or `. - _ $`, or the problem names `field`).
pub(crate) fn symbol_filter(field: &str, typed: &str) -> Result<Option<String>, FieldError> {
    let symbol = typed.trim();
    if symbol.is_empty() {
        return Ok(None);
    }
    if !is_symbol(symbol) {
        return Err(FieldError {
            field: field.to_owned(),
            code: ErrorCode::InvalidSymbol,
            message: format!(
                "a symbol of 1 to {MAX_ASSET_CHARS} letters, digits or . - _ $ (e.g. ETH)"
            ),
        });
    }
    Ok(Some(symbol.to_ascii_uppercase()))
}

/// Two filters as typed, or every problem with them.
pub(crate) fn both<A, B>(
    a: Result<A, FieldError>,
    b: Result<B, FieldError>,
) -> Result<(A, B), AppError> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => Err(AppError::refused(
            a.err().into_iter().chain(b.err()).collect(),
        )),
    }
}
